//! The remote SDP offer for a mediasoup recv transport, built from the parameters our signaling
//! returns, as mediasoup-client's `RemoteSdp` does for a browser: the server is the offerer, an
//! ICE-lite agent with its candidates, ufrag/password and DTLS fingerprint, and each consumer is
//! one `sendonly` m-section (its mid, codecs, header extensions, SSRCs and CNAME), all bundled.
//!
//! Pure: JSON in, text out. The webrtc crate only speaks SDP, so this translation is the price of
//! using it against mediasoup (str0m's direct API takes the parameters as they are).

use std::fmt::Write;

use serde_json::Value;

/// What is wrong with the parameters the server sent.
#[derive(Debug, thiserror::Error)]
#[error("cannot build the remote SDP: {0}")]
pub struct SdpError(String);

fn bad(what: impl Into<String>) -> SdpError {
    SdpError(what.into())
}

/// The transport half of the offer: ICE and DTLS.
#[derive(Debug, Clone)]
struct TransportPart {
    ufrag: String,
    pwd: String,
    /// `a=candidate:` values (UDP only, like the str0m viewer).
    candidates: Vec<String>,
    /// `sha-256 AB:CD:...`
    fingerprint: String,
}

/// One consumer's m-section.
#[derive(Debug, Clone)]
struct Section {
    mid: String,
    lines: String,
    /// The media line's format list.
    payload_types: Vec<u64>,
    kind: &'static str,
    /// Its consumer closed: the section stays (mids are never reused) but carries nothing.
    inactive: bool,
}

/// The offer, grown one consumer at a time and rendered again for every renegotiation.
#[derive(Debug, Clone)]
pub struct RemoteSdp {
    transport: TransportPart,
    sections: Vec<Section>,
    version: u64,
}

impl RemoteSdp {
    /// From `createTransport`'s response (`iceParameters`, `iceCandidates`, `dtlsParameters`).
    pub fn new(transport: &Value) -> Result<RemoteSdp, SdpError> {
        let ice = &transport["iceParameters"];
        let text = |v: &Value, what: &str| -> Result<String, SdpError> {
            let s = v.as_str().ok_or_else(|| bad(format!("no {what}")))?;
            // Anything that would end an SDP line is refused rather than passed on.
            if s.is_empty() || s.contains(['\r', '\n']) {
                return Err(bad(format!("invalid {what} {s:?}")));
            }
            Ok(s.to_string())
        };
        let ufrag = text(&ice["usernameFragment"], "ICE username fragment")?;
        let pwd = text(&ice["password"], "ICE password")?;
        let mut candidates = Vec::new();
        for c in transport["iceCandidates"].as_array().into_iter().flatten() {
            if c["protocol"] != "udp" {
                continue;
            }
            let address = text(&c["address"], "candidate address")?;
            if address.contains(' ') {
                return Err(bad(format!("candidate address {address:?}")));
            }
            let foundation = c["foundation"]
                .as_str()
                .filter(|f| !f.is_empty() && !f.contains([' ', '\r', '\n']));
            let priority = c["priority"]
                .as_u64()
                .ok_or_else(|| bad("candidate without priority"))?;
            let port = c["port"]
                .as_u64()
                .and_then(|p| u16::try_from(p).ok())
                .ok_or_else(|| bad("candidate without a port"))?;
            candidates.push(format!(
                "{} 1 udp {priority} {address} {port} typ host",
                foundation.unwrap_or("udpcandidate")
            ));
        }
        if candidates.is_empty() {
            return Err(bad("the transport has no UDP ICE candidate"));
        }
        let fingerprint = transport["dtlsParameters"]["fingerprints"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|f| f["algorithm"] == "sha-256")
            .and_then(|f| f["value"].as_str())
            .filter(|v| v.chars().all(|c| c.is_ascii_hexdigit() || c == ':'))
            .ok_or_else(|| bad("the transport has no sha-256 DTLS fingerprint"))?;
        Ok(RemoteSdp {
            transport: TransportPart {
                ufrag,
                pwd,
                candidates,
                fingerprint: format!("sha-256 {fingerprint}"),
            },
            sections: Vec::new(),
            version: 0,
        })
    }

    /// Adds a consumer (`consume`'s `kind` and `rtpParameters`). Returns its mid.
    pub fn add_consumer(&mut self, kind: &str, rtp: &Value, stream_id: &str) -> Result<String, SdpError> {
        let kind = match kind {
            "audio" => "audio",
            "video" => "video",
            other => return Err(bad(format!("consumer kind {other:?}"))),
        };
        let token = |s: &str| !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_graphic());
        let mid = rtp["mid"]
            .as_str()
            .filter(|m| token(m))
            .ok_or_else(|| bad("consumer without a mid"))?;
        if self.sections.iter().any(|s| s.mid == mid) {
            return Err(bad(format!("mid {mid} is already in the offer")));
        }
        let mut lines = String::new();
        let mut payload_types = Vec::new();
        for codec in rtp["codecs"].as_array().into_iter().flatten() {
            let pt = codec["payloadType"]
                .as_u64()
                .filter(|pt| *pt < 128)
                .ok_or_else(|| bad("codec without a payload type"))?;
            let mime = codec["mimeType"].as_str().unwrap_or_default();
            let name = mime
                .split_once('/')
                .map(|(_, n)| n)
                .filter(|n| token(n))
                .ok_or_else(|| bad(format!("codec mime type {mime:?}")))?;
            let clock = codec["clockRate"]
                .as_u64()
                .ok_or_else(|| bad("codec without a clock rate"))?;
            payload_types.push(pt);
            match codec["channels"].as_u64() {
                Some(ch) if ch > 1 => writeln!(lines, "a=rtpmap:{pt} {name}/{clock}/{ch}\r"),
                _ => writeln!(lines, "a=rtpmap:{pt} {name}/{clock}\r"),
            }
            .map_err(|e| bad(e.to_string()))?;
            let params: Vec<String> = codec["parameters"]
                .as_object()
                .into_iter()
                .flatten()
                .filter_map(|(k, v)| {
                    let v = match v {
                        Value::String(s) => s.clone(),
                        Value::Number(n) => n.to_string(),
                        _ => return None,
                    };
                    (token(k) && token(&v)).then(|| format!("{k}={v}"))
                })
                .collect();
            if !params.is_empty() {
                let _ = writeln!(lines, "a=fmtp:{pt} {}\r", params.join(";"));
            }
            for fb in codec["rtcpFeedback"].as_array().into_iter().flatten() {
                let Some(typ) = fb["type"].as_str().filter(|t| token(t)) else {
                    continue;
                };
                match fb["parameter"].as_str().filter(|p| token(p)) {
                    Some(p) => writeln!(lines, "a=rtcp-fb:{pt} {typ} {p}\r"),
                    None => writeln!(lines, "a=rtcp-fb:{pt} {typ}\r"),
                }
                .map_err(|e| bad(e.to_string()))?;
            }
        }
        if payload_types.is_empty() {
            return Err(bad("consumer without codecs"));
        }
        for ext in rtp["headerExtensions"].as_array().into_iter().flatten() {
            let (Some(id), Some(uri)) = (ext["id"].as_u64(), ext["uri"].as_str().filter(|u| token(u))) else {
                continue;
            };
            let _ = writeln!(lines, "a=extmap:{id} {uri}\r");
        }
        let encoding = &rtp["encodings"][0];
        let ssrc = encoding["ssrc"]
            .as_u64()
            .and_then(|s| u32::try_from(s).ok())
            .ok_or_else(|| bad("consumer without an SSRC"))?;
        let rtx = encoding["rtx"]["ssrc"].as_u64().and_then(|s| u32::try_from(s).ok());
        let cname = rtp["rtcp"]["cname"].as_str().filter(|c| token(c)).unwrap_or("sfu");
        let stream_id = if token(stream_id) { stream_id } else { "sfu" };
        let track_id = format!("consumer-{mid}");
        let _ = writeln!(lines, "a=msid:{stream_id} {track_id}\r");
        if let Some(rtx) = rtx {
            let _ = writeln!(lines, "a=ssrc-group:FID {ssrc} {rtx}\r");
        }
        for s in std::iter::once(ssrc).chain(rtx) {
            let _ = writeln!(lines, "a=ssrc:{s} cname:{cname}\r");
            let _ = writeln!(lines, "a=ssrc:{s} msid:{stream_id} {track_id}\r");
        }
        if rtp["rtcp"]["reducedSize"] != Value::Bool(false) {
            lines.push_str("a=rtcp-rsize\r\n");
        }
        self.sections.push(Section {
            mid: mid.to_string(),
            lines,
            payload_types,
            kind,
            inactive: false,
        });
        Ok(mid.to_string())
    }

    /// Marks a consumer's section inactive (its producer went away). Returns whether it was there.
    pub fn disable(&mut self, mid: &str) -> bool {
        match self.sections.iter_mut().find(|s| s.mid == mid) {
            Some(s) => {
                s.inactive = true;
                true
            }
            None => false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// The offer's text; each call is a new version of the session (a renegotiation).
    pub fn render(&mut self) -> String {
        self.version += 1;
        let t = &self.transport;
        let mut sdp = String::with_capacity(1024 + 1024 * self.sections.len());
        let mids: Vec<&str> = self.sections.iter().map(|s| s.mid.as_str()).collect();
        let _ = write!(
            sdp,
            "v=0\r\no=mediasoup 1 {} IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=ice-lite\r\n\
             a=group:BUNDLE {}\r\na=msid-semantic: WMS *\r\na=fingerprint:{}\r\n",
            self.version,
            mids.join(" "),
            t.fingerprint
        );
        for s in &self.sections {
            let pts: Vec<String> = s.payload_types.iter().map(u64::to_string).collect();
            let _ = write!(
                sdp,
                "m={} 7 UDP/TLS/RTP/SAVPF {}\r\nc=IN IP4 127.0.0.1\r\n\
                 a=ice-ufrag:{}\r\na=ice-pwd:{}\r\n",
                s.kind,
                pts.join(" "),
                t.ufrag,
                t.pwd
            );
            for c in &t.candidates {
                let _ = write!(sdp, "a=candidate:{c}\r\n");
            }
            let direction = if s.inactive { "inactive" } else { "sendonly" };
            let _ = write!(
                sdp,
                "a=end-of-candidates\r\na=setup:actpass\r\na=mid:{}\r\na={direction}\r\na=rtcp-mux\r\n{}",
                s.mid, s.lines
            );
        }
        sdp
    }
}

/// What the local answer says about our DTLS side, for `connectTransport`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalDtls {
    /// `client` (we sent `a=setup:active`) or `server` (`passive`).
    pub role: &'static str,
    pub algorithm: String,
    pub fingerprint: String,
}

/// Reads the DTLS role and fingerprint from our answer, as mediasoup-client does.
pub fn local_dtls(answer: &str) -> Result<LocalDtls, SdpError> {
    let attr = |name: &str| {
        answer
            .lines()
            .find_map(|l| l.trim_end().strip_prefix("a=")?.strip_prefix(name)?.strip_prefix(':'))
    };
    let role = match attr("setup") {
        Some("active") => "client",
        Some("passive") => "server",
        other => return Err(bad(format!("answer with DTLS setup {other:?}"))),
    };
    let (algorithm, fingerprint) = attr("fingerprint")
        .and_then(|f| f.split_once(' '))
        .ok_or_else(|| bad("answer without a DTLS fingerprint"))?;
    Ok(LocalDtls {
        role,
        algorithm: algorithm.to_ascii_lowercase(),
        fingerprint: fingerprint.trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn transport() -> Value {
        json!({
            "transportId": "t",
            "direction": "recv",
            "iceParameters": {"usernameFragment": "uf", "password": "pw", "iceLite": true},
            "iceCandidates": [
                {"foundation": "udpcandidate", "priority": 1076302079u64, "address": "127.0.0.1", "protocol": "udp", "port": 40000, "type": "host"},
                {"foundation": "tcpcandidate", "priority": 1076276479u64, "address": "127.0.0.1", "protocol": "tcp", "port": 40001, "type": "host", "tcpType": "passive"}
            ],
            "dtlsParameters": {"role": "auto", "fingerprints": [
                {"algorithm": "sha-384", "value": "00"},
                {"algorithm": "sha-256", "value": "AB:CD"}
            ]}
        })
    }

    fn opus(mid: &str, ssrc: u32) -> Value {
        json!({
            "mid": mid,
            "codecs": [{"mimeType": "audio/opus", "payloadType": 100, "clockRate": 48000, "channels": 2,
                        "parameters": {"minptime": 10, "useinbandfec": 1}, "rtcpFeedback": [{"type": "nack", "parameter": ""}]}],
            "headerExtensions": [{"uri": "urn:ietf:params:rtp-hdrext:ssrc-audio-level", "id": 10, "encrypt": false, "parameters": {}}],
            "encodings": [{"ssrc": ssrc}],
            "rtcp": {"cname": "abc", "reducedSize": true}
        })
    }

    #[test]
    fn offer_has_ice_lite_udp_candidates_and_one_section_per_consumer() {
        let mut sdp = RemoteSdp::new(&transport()).unwrap();
        assert!(sdp.is_empty());
        assert_eq!(sdp.add_consumer("audio", &opus("0", 1111), "p1").unwrap(), "0");
        assert_eq!(sdp.add_consumer("audio", &opus("1", 2222), "p2").unwrap(), "1");
        let text = sdp.render();
        assert!(text.contains("a=ice-lite\r\n"));
        assert!(text.contains("a=group:BUNDLE 0 1\r\n"));
        assert!(text.contains("a=fingerprint:sha-256 AB:CD\r\n"));
        assert_eq!(text.matches("m=audio 7 UDP/TLS/RTP/SAVPF 100\r\n").count(), 2);
        assert_eq!(
            text.matches("a=candidate:udpcandidate 1 udp 1076302079 127.0.0.1 40000 typ host\r\n")
                .count(),
            2
        );
        assert!(
            !text.contains("40001") && !text.contains("tcpcandidate"),
            "UDP candidates only"
        );
        assert!(text.contains("a=rtpmap:100 opus/48000/2\r\n"));
        assert!(text.contains("a=fmtp:100 minptime=10;useinbandfec=1\r\n"));
        assert!(text.contains("a=rtcp-fb:100 nack\r\n"));
        assert!(text.contains("a=extmap:10 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"));
        assert!(text.contains("a=ssrc:2222 cname:abc\r\n"));
        assert_eq!(text.matches("a=sendonly\r\n").count(), 2);
        assert!(text.contains("o=mediasoup 1 1 IN IP4"));
        assert!(text.lines().all(|l| !l.is_empty()), "no empty line: {text}");
    }

    #[test]
    fn renegotiation_bumps_the_version_and_disables_closed_consumers() {
        let mut sdp = RemoteSdp::new(&transport()).unwrap();
        sdp.add_consumer("audio", &opus("0", 1111), "p1").unwrap();
        sdp.render();
        assert!(sdp.disable("0"));
        assert!(!sdp.disable("7"));
        let text = sdp.render();
        assert!(text.contains("o=mediasoup 1 2 IN IP4"));
        assert!(text.contains("a=inactive\r\n") && !text.contains("a=sendonly"));
        assert!(
            sdp.add_consumer("audio", &opus("0", 3333), "p3").is_err(),
            "mids are not reused"
        );
    }

    #[test]
    fn rtx_gets_an_ssrc_group() {
        let mut sdp = RemoteSdp::new(&transport()).unwrap();
        let video = json!({
            "mid": "0",
            "codecs": [
                {"mimeType": "video/VP8", "payloadType": 101, "clockRate": 90000, "parameters": {}, "rtcpFeedback": [{"type": "nack", "parameter": "pli"}]},
                {"mimeType": "video/rtx", "payloadType": 102, "clockRate": 90000, "parameters": {"apt": 101}, "rtcpFeedback": []}
            ],
            "encodings": [{"ssrc": 5, "rtx": {"ssrc": 6}}],
            "rtcp": {"cname": "c"}
        });
        sdp.add_consumer("video", &video, "p").unwrap();
        let text = sdp.render();
        assert!(text.contains("m=video 7 UDP/TLS/RTP/SAVPF 101 102\r\n"));
        assert!(text.contains("a=rtpmap:101 VP8/90000\r\n"));
        assert!(text.contains("a=fmtp:102 apt=101\r\n"));
        assert!(text.contains("a=rtcp-fb:101 nack pli\r\n"));
        assert!(text.contains("a=ssrc-group:FID 5 6\r\n"));
    }

    #[test]
    fn hostile_parameters_are_refused_not_pasted() {
        let mut t = transport();
        t["iceParameters"]["password"] = json!("pw\r\na=evil");
        assert!(RemoteSdp::new(&t).is_err());
        let mut t = transport();
        t["iceCandidates"] = json!([]);
        assert!(RemoteSdp::new(&t).is_err());
        let mut t = transport();
        t["dtlsParameters"]["fingerprints"][1]["value"] = json!("AB\r\nx");
        assert!(RemoteSdp::new(&t).is_err());
        let mut sdp = RemoteSdp::new(&transport()).unwrap();
        assert!(sdp.add_consumer("data", &opus("0", 1), "p").is_err());
        let mut no_ssrc = opus("0", 1);
        no_ssrc["encodings"] = json!([]);
        assert!(sdp.add_consumer("audio", &no_ssrc, "p").is_err());
        let mut bad_mid = opus("0 1", 1);
        bad_mid["mid"] = json!("0 1");
        assert!(sdp.add_consumer("audio", &bad_mid, "p").is_err());
        assert!(sdp.is_empty());
    }

    #[test]
    fn reads_role_and_fingerprint_from_the_answer() {
        let answer = "v=0\r\na=fingerprint:SHA-256 01:02:03\r\nm=audio 9 UDP/TLS/RTP/SAVPF 100\r\na=setup:active\r\n";
        assert_eq!(
            local_dtls(answer).unwrap(),
            LocalDtls {
                role: "client",
                algorithm: "sha-256".into(),
                fingerprint: "01:02:03".into()
            }
        );
        assert_eq!(local_dtls(&answer.replace("active", "passive")).unwrap().role, "server");
        assert!(local_dtls(&answer.replace("active", "actpass")).is_err());
        assert!(local_dtls("v=0\r\na=setup:active\r\n").is_err());
    }
}
