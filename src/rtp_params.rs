//! What a broadcaster's `rtpParameters` may hold before mediasoup sees them.
//!
//! mediasoup checks little of what a client sends in `produce` (its Rust crate used to panic on
//! some of it, see third_party/mediasoup-recipe), and whatever it accepts is turned into every
//! consumer's parameters. So `produce` refuses here first what no browser sends: more
//! encodings than simulcast uses, scalability modes outside webrtc-svc's named ones, payload
//! types outside RTP's 7 bits or in the range RTCP packet types take, zero or repeated SSRCs,
//! header extension ids outside RFC 8285's, and strings longer than any real one.

use std::collections::HashSet;

use mediasoup::prelude::{MediaKind, RtpCodecParameters, RtpParameters};
use mediasoup::types::rtp_parameters::RtpCodecParametersParametersValue;
use mediasoup::types::scalability_modes::ScalabilityMode;
use thiserror::Error;

/// Simulcast encodings a video producer may have: browsers and mediasoup-client send at most
/// three, and webrtc-svc names modes up to three spatial layers (`L3T3`), which is what a
/// consumer of a simulcast producer is given (`L<encodings>T<temporal>`).
pub const MAX_VIDEO_ENCODINGS: usize = 3;
/// An audio producer has one encoding.
pub const MAX_AUDIO_ENCODINGS: usize = 1;
/// Codecs in one producer's list (a media codec and its RTX, a few times over).
pub const MAX_CODECS: usize = 16;
/// Header extensions in one producer's list.
pub const MAX_HEADER_EXTENSIONS: usize = 16;
/// Spatial and temporal layers a scalability mode may name (webrtc-svc's largest is L3T3).
pub const MAX_LAYERS: u8 = 3;
/// Longest `mid`, `rid`, `msid` and CNAME accepted (a CNAME is at most 255 bytes in RTCP SDES).
pub const MAX_STRING_LEN: usize = 255;
pub const MAX_RID_LEN: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RtpParamsError {
    #[error("rtpParameters.codecs: {0} codecs; 1..={MAX_CODECS} are accepted")]
    CodecCount(usize),
    #[error("rtpParameters.codecs: payload type {0} is outside 0..=63 and 96..=127")]
    PayloadType(u8),
    #[error("rtpParameters.codecs: payload type {0} appears twice")]
    DuplicatePayloadType(u8),
    #[error("rtpParameters.codecs: a {codec} codec in a {kind} producer")]
    CodecKind { codec: &'static str, kind: &'static str },
    #[error("rtpParameters.codecs: RTX codec {0} has no apt naming a media codec of the list")]
    RtxWithoutMedia(u8),
    #[error("rtpParameters.encodings: {count} encodings; a {kind} producer may have 1..={max}")]
    EncodingCount {
        count: usize,
        kind: &'static str,
        max: usize,
    },
    #[error("rtpParameters.encodings: ssrc 0 is not a valid SSRC")]
    ZeroSsrc,
    #[error("rtpParameters.encodings: ssrc {0} appears twice")]
    DuplicateSsrc(u32),
    #[error("rtpParameters.encodings: rid must be 1..={MAX_RID_LEN} letters, digits, '-' or '_'")]
    Rid,
    #[error("rtpParameters.encodings: rid {0:?} appears twice")]
    DuplicateRid(String),
    #[error("rtpParameters.encodings: codecPayloadType {0} is not one of the codecs")]
    UnknownEncodingCodec(u8),
    #[error(
        "rtpParameters.encodings: scalabilityMode {0:?} is not accepted (webrtc-svc names up to L3T3/S3T3; \
         simulcast encodings have one spatial layer each; audio has none)"
    )]
    ScalabilityMode(String),
    #[error("rtpParameters.headerExtensions: {0} extensions; at most {MAX_HEADER_EXTENSIONS} are accepted")]
    HeaderExtensionCount(usize),
    #[error("rtpParameters.headerExtensions: id {0} is outside 1..=14 and 16..=255")]
    HeaderExtensionId(u16),
    #[error("rtpParameters.headerExtensions: id {0} appears twice")]
    DuplicateHeaderExtensionId(u16),
    #[error("rtpParameters.{0} is longer than {MAX_STRING_LEN} bytes")]
    TooLong(&'static str),
}

/// Checks a producer's `rtpParameters` against what a real sender of `kind` sends; the first
/// problem found is the error.
pub fn validate_producer(kind: MediaKind, p: &RtpParameters) -> Result<(), RtpParamsError> {
    validate_codecs(kind, p)?;
    validate_encodings(kind, p)?;
    validate_header_extensions(p)?;
    for (what, s) in [("mid", &p.mid), ("msid", &p.msid), ("rtcp.cname", &p.rtcp.cname)] {
        if s.as_ref().is_some_and(|s| s.len() > MAX_STRING_LEN) {
            return Err(RtpParamsError::TooLong(what));
        }
    }
    Ok(())
}

fn kind_name(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Audio => "audio",
        MediaKind::Video => "video",
    }
}

fn validate_codecs(kind: MediaKind, p: &RtpParameters) -> Result<(), RtpParamsError> {
    if p.codecs.is_empty() || p.codecs.len() > MAX_CODECS {
        return Err(RtpParamsError::CodecCount(p.codecs.len()));
    }
    let mut seen = HashSet::new();
    for codec in &p.codecs {
        let pt = codec.payload_type();
        // RTP's payload type has 7 bits; 64..=95 collide with RTCP packet types (RFC 5761).
        if pt > 127 || (64..96).contains(&pt) {
            return Err(RtpParamsError::PayloadType(pt));
        }
        if !seen.insert(pt) {
            return Err(RtpParamsError::DuplicatePayloadType(pt));
        }
        let codec_kind = match codec {
            RtpCodecParameters::Audio { .. } => MediaKind::Audio,
            RtpCodecParameters::Video { .. } => MediaKind::Video,
        };
        if codec_kind != kind {
            return Err(RtpParamsError::CodecKind {
                codec: kind_name(codec_kind),
                kind: kind_name(kind),
            });
        }
    }
    for codec in p.codecs.iter().filter(|c| c.is_rtx()) {
        let apt = match codec.parameters().get("apt") {
            Some(RtpCodecParametersParametersValue::Number(apt)) => u8::try_from(*apt).ok(),
            _ => None,
        };
        let media = apt.is_some_and(|apt| p.codecs.iter().any(|c| !c.is_rtx() && c.payload_type() == apt));
        if !media {
            return Err(RtpParamsError::RtxWithoutMedia(codec.payload_type()));
        }
    }
    Ok(())
}

fn validate_encodings(kind: MediaKind, p: &RtpParameters) -> Result<(), RtpParamsError> {
    let max = match kind {
        MediaKind::Audio => MAX_AUDIO_ENCODINGS,
        MediaKind::Video => MAX_VIDEO_ENCODINGS,
    };
    // mediasoup adds one default encoding to an empty list.
    if p.encodings.len() > max {
        return Err(RtpParamsError::EncodingCount {
            count: p.encodings.len(),
            kind: kind_name(kind),
            max,
        });
    }
    let mut ssrcs = HashSet::new();
    let mut rids = HashSet::new();
    for e in &p.encodings {
        for ssrc in e.ssrc.into_iter().chain(e.rtx.as_ref().map(|r| r.ssrc)) {
            if ssrc == 0 {
                return Err(RtpParamsError::ZeroSsrc);
            }
            if !ssrcs.insert(ssrc) {
                return Err(RtpParamsError::DuplicateSsrc(ssrc));
            }
        }
        if let Some(rid) = &e.rid {
            let ok = (1..=MAX_RID_LEN).contains(&rid.len())
                && rid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !ok {
                return Err(RtpParamsError::Rid);
            }
            if !rids.insert(rid.as_str()) {
                return Err(RtpParamsError::DuplicateRid(rid.clone()));
            }
        }
        if let Some(pt) = e.codec_payload_type {
            if !p.codecs.iter().any(|c| c.payload_type() == pt) {
                return Err(RtpParamsError::UnknownEncodingCodec(pt));
            }
        }
        scalability_mode_ok(kind, p.encodings.len(), &e.scalability_mode)?;
    }
    Ok(())
}

/// A named webrtc-svc mode (not one the crate only knows as `Custom`) of at most three layers
/// each; one spatial layer per encoding under simulcast; none for audio.
fn scalability_mode_ok(kind: MediaKind, encodings: usize, mode: &ScalabilityMode) -> Result<(), RtpParamsError> {
    if mode.is_none() {
        return Ok(());
    }
    let ok = kind == MediaKind::Video
        && !matches!(mode, ScalabilityMode::Custom { .. })
        && mode.spatial_layers().get() <= MAX_LAYERS
        && mode.temporal_layers().get() <= MAX_LAYERS
        && (encodings <= 1 || mode.spatial_layers().get() == 1);
    if ok {
        Ok(())
    } else {
        Err(RtpParamsError::ScalabilityMode(mode.to_string()))
    }
}

fn validate_header_extensions(p: &RtpParameters) -> Result<(), RtpParamsError> {
    if p.header_extensions.len() > MAX_HEADER_EXTENSIONS {
        return Err(RtpParamsError::HeaderExtensionCount(p.header_extensions.len()));
    }
    let mut seen = HashSet::new();
    for ext in &p.header_extensions {
        // One-byte form: 1..=14 (15 is reserved); two-byte form: up to 255 (RFC 8285).
        if ext.id == 0 || ext.id == 15 || ext.id > 255 {
            return Err(RtpParamsError::HeaderExtensionId(ext.id));
        }
        if !seen.insert(ext.id) {
            return Err(RtpParamsError::DuplicateHeaderExtensionId(ext.id));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// What mediasoup-client sends for a VP8 camera with three simulcast layers and RTX.
    fn video() -> serde_json::Value {
        json!({
            "mid": "1",
            "codecs": [
                {"mimeType": "video/VP8", "payloadType": 96, "clockRate": 90000, "parameters": {},
                 "rtcpFeedback": [{"type": "nack"}, {"type": "nack", "parameter": "pli"}]},
                {"mimeType": "video/rtx", "payloadType": 97, "clockRate": 90000, "parameters": {"apt": 96}, "rtcpFeedback": []}
            ],
            "headerExtensions": [
                {"uri": "urn:ietf:params:rtp-hdrext:sdes:mid", "id": 4, "encrypt": false},
                {"uri": "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time", "id": 2, "encrypt": false}
            ],
            "encodings": [
                {"ssrc": 1111, "rtx": {"ssrc": 1112}, "scalabilityMode": "L1T3"},
                {"ssrc": 2222, "rtx": {"ssrc": 2223}, "scalabilityMode": "L1T3"},
                {"ssrc": 3333, "rtx": {"ssrc": 3334}, "scalabilityMode": "L1T3"}
            ],
            "rtcp": {"cname": "abc", "reducedSize": true}
        })
    }

    fn audio() -> serde_json::Value {
        json!({
            "codecs": [{"mimeType": "audio/opus", "payloadType": 100, "clockRate": 48000, "channels": 2,
                        "parameters": {"useinbandfec": 1}, "rtcpFeedback": []}],
            "headerExtensions": [{"uri": "urn:ietf:params:rtp-hdrext:ssrc-audio-level", "id": 10, "encrypt": false}],
            "encodings": [{"ssrc": 5555}],
            "rtcp": {"cname": "abc", "reducedSize": true}
        })
    }

    fn check(kind: MediaKind, v: serde_json::Value) -> Result<(), RtpParamsError> {
        let p: RtpParameters = serde_json::from_value(v).expect("the test's parameters parse");
        validate_producer(kind, &p)
    }

    fn with(mut v: serde_json::Value, edit: impl FnOnce(&mut serde_json::Value)) -> serde_json::Value {
        edit(&mut v);
        v
    }

    #[test]
    fn what_browsers_send_passes() {
        assert_eq!(check(MediaKind::Video, video()), Ok(()));
        assert_eq!(check(MediaKind::Audio, audio()), Ok(()));
        let single = with(video(), |v| {
            v["encodings"] = json!([{"ssrc": 1, "scalabilityMode": "L3T3_KEY"}]);
        });
        assert_eq!(check(MediaKind::Video, single), Ok(()));
        let rids = with(video(), |v| {
            v["encodings"] = json!([{"rid": "r0"}, {"rid": "r1"}, {"rid": "r2"}]);
        });
        assert_eq!(check(MediaKind::Video, rids), Ok(()));
        let empty = with(audio(), |v| v["encodings"] = json!([]));
        assert_eq!(check(MediaKind::Audio, empty), Ok(()));
    }

    #[test]
    fn too_many_encodings_are_refused() {
        let many: Vec<_> = (1..=20).map(|i| json!({"ssrc": i})).collect();
        let v = with(video(), |v| v["encodings"] = json!(many));
        assert_eq!(
            check(MediaKind::Video, v),
            Err(RtpParamsError::EncodingCount {
                count: 20,
                kind: "video",
                max: 3
            })
        );
        let two = with(audio(), |v| v["encodings"] = json!([{"ssrc": 1}, {"ssrc": 2}]));
        assert!(matches!(
            check(MediaKind::Audio, two),
            Err(RtpParamsError::EncodingCount { count: 2, .. })
        ));
    }

    #[test]
    fn odd_scalability_modes_are_refused() {
        for mode in ["L9T9", "L99T1", "S1T42", "L1T3garbage", "L4T1", "L2T4_KEY"] {
            let v = with(video(), |v| {
                v["encodings"] = json!([{"ssrc": 1, "scalabilityMode": mode}]);
            });
            assert!(
                matches!(check(MediaKind::Video, v), Err(RtpParamsError::ScalabilityMode(_))),
                "{mode}"
            );
        }
        // Simulcast with spatial layers in each encoding, and audio with a mode.
        let v = with(video(), |v| v["encodings"][1]["scalabilityMode"] = json!("L2T1"));
        assert!(matches!(
            check(MediaKind::Video, v),
            Err(RtpParamsError::ScalabilityMode(_))
        ));
        let v = with(audio(), |v| v["encodings"][0]["scalabilityMode"] = json!("L1T2"));
        assert!(matches!(
            check(MediaKind::Audio, v),
            Err(RtpParamsError::ScalabilityMode(_))
        ));
    }

    #[test]
    fn bad_payload_types_are_refused() {
        for (pt, err) in [
            (72, RtpParamsError::PayloadType(72)),
            (200, RtpParamsError::PayloadType(200)),
            (128, RtpParamsError::PayloadType(128)),
        ] {
            let v = with(audio(), |v| v["codecs"][0]["payloadType"] = json!(pt));
            assert_eq!(check(MediaKind::Audio, v), Err(err));
        }
        let dup = with(video(), |v| v["codecs"][1]["payloadType"] = json!(96));
        assert_eq!(
            check(MediaKind::Video, dup),
            Err(RtpParamsError::DuplicatePayloadType(96))
        );
        let orphan = with(video(), |v| v["codecs"][1]["parameters"]["apt"] = json!(42));
        assert_eq!(
            check(MediaKind::Video, orphan),
            Err(RtpParamsError::RtxWithoutMedia(97))
        );
        let none = with(audio(), |v| v["codecs"] = json!([]));
        assert_eq!(check(MediaKind::Audio, none), Err(RtpParamsError::CodecCount(0)));
        let wrong_kind = video();
        assert!(matches!(
            check(MediaKind::Audio, wrong_kind),
            Err(RtpParamsError::CodecKind { .. })
        ));
        let cpt = with(audio(), |v| v["encodings"][0]["codecPayloadType"] = json!(101));
        assert_eq!(
            check(MediaKind::Audio, cpt),
            Err(RtpParamsError::UnknownEncodingCodec(101))
        );
    }

    #[test]
    fn bad_ssrcs_and_rids_are_refused() {
        let zero = with(audio(), |v| v["encodings"][0]["ssrc"] = json!(0));
        assert_eq!(check(MediaKind::Audio, zero), Err(RtpParamsError::ZeroSsrc));
        let dup = with(video(), |v| v["encodings"][1]["ssrc"] = json!(1111));
        assert_eq!(check(MediaKind::Video, dup), Err(RtpParamsError::DuplicateSsrc(1111)));
        let rtx_dup = with(video(), |v| v["encodings"][0]["rtx"]["ssrc"] = json!(2222));
        assert_eq!(
            check(MediaKind::Video, rtx_dup),
            Err(RtpParamsError::DuplicateSsrc(2222))
        );
        for rid in ["", "has space", "a-very-long-rid-indeed"] {
            let v = with(video(), |v| v["encodings"] = json!([{"rid": rid}]));
            assert_eq!(check(MediaKind::Video, v), Err(RtpParamsError::Rid), "{rid:?}");
        }
        let v = with(video(), |v| v["encodings"] = json!([{"rid": "a"}, {"rid": "a"}]));
        assert_eq!(
            check(MediaKind::Video, v),
            Err(RtpParamsError::DuplicateRid("a".into()))
        );
    }

    #[test]
    fn bad_header_extensions_and_long_strings_are_refused() {
        for id in [0, 15, 256, 4000] {
            let v = with(audio(), |v| v["headerExtensions"][0]["id"] = json!(id));
            assert_eq!(check(MediaKind::Audio, v), Err(RtpParamsError::HeaderExtensionId(id)));
        }
        let dup = with(video(), |v| v["headerExtensions"][1]["id"] = json!(4));
        assert_eq!(
            check(MediaKind::Video, dup),
            Err(RtpParamsError::DuplicateHeaderExtensionId(4))
        );
        let many: Vec<_> = (1..=17u16)
            .map(|i| json!({"uri": "urn:ietf:params:rtp-hdrext:sdes:mid", "id": if i >= 15 { i + 1 } else { i }, "encrypt": false}))
            .collect();
        let v = with(audio(), |v| v["headerExtensions"] = json!(many));
        assert_eq!(
            check(MediaKind::Audio, v),
            Err(RtpParamsError::HeaderExtensionCount(17))
        );
        let long = with(audio(), |v| v["rtcp"]["cname"] = json!("x".repeat(300)));
        assert_eq!(
            check(MediaKind::Audio, long),
            Err(RtpParamsError::TooLong("rtcp.cname"))
        );
    }
}
