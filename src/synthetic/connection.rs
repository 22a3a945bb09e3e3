//! One WebRTC transport of a synthetic peer: a str0m `Rtc` in direct-API mode (no SDP) over one
//! UDP socket, set up from mediasoup's transport parameters.
//!
//! mediasoup is ICE-lite and takes DTLS parameters in `connectTransport`, so the client side is a
//! controlling full ICE agent with the server's one host candidate, and the DTLS client (we send
//! role `client`, mediasoup becomes the DTLS server). str0m is sans-IO: this type only moves
//! datagrams between the socket and the `Rtc` and reports when it next needs a timeout; the peer
//! task decides what to send and reads the events.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use str0m::config::{CryptoProvider, DtlsVersion, Fingerprint};
use str0m::format::{Codec, FormatParams};
use str0m::ice::IceCreds;
use str0m::media::{Frequency, Pt};
use str0m::net::{Protocol, Receive};
use str0m::rtp::{Extension, ExtensionMap};
use str0m::{Candidate, Event, Input, Output, Rtc, RtcConfig};
use tokio::net::UdpSocket;
use tokio::time::Sleep;

use super::signaling::SignalingClient;
use super::SyntheticError;
use crate::protocol::TransportResponse;

/// Payload types and header extension ids this transport sends or expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodecSetup {
    pub opus_pt: u8,
    pub vp8_pt: u8,
    pub vp8_rtx_pt: Option<u8>,
    pub audio_level_id: Option<u8>,
    pub abs_send_time_id: Option<u8>,
}

impl CodecSetup {
    /// What the broadcasters send, as Chrome would: Opus 111, VP8 96 with RTX 97, the audio
    /// level as extension 1 and abs-send-time as 2. mediasoup maps them to the router's.
    pub const BROADCAST: CodecSetup = CodecSetup {
        opus_pt: 111,
        vp8_pt: 96,
        vp8_rtx_pt: Some(97),
        audio_level_id: Some(1),
        abs_send_time_id: Some(2),
    };

    /// What consumers of a router with these (finalized) capabilities will send us.
    pub fn from_router_capabilities(caps: &Value) -> Result<CodecSetup, SyntheticError> {
        let bad = |what: &str| SyntheticError::Protocol(format!("router capabilities: {what}"));
        let codecs = caps["codecs"].as_array().ok_or_else(|| bad("no codecs"))?;
        let pt_of = |mime: &str| {
            codecs
                .iter()
                .find(|c| c["mimeType"].as_str().is_some_and(|m| m.eq_ignore_ascii_case(mime)))
                .and_then(|c| c["preferredPayloadType"].as_u64())
                .and_then(|pt| u8::try_from(pt).ok())
        };
        let opus_pt = pt_of("audio/opus").ok_or_else(|| bad("no audio/opus"))?;
        let vp8_pt = pt_of("video/VP8").ok_or_else(|| bad("no video/VP8"))?;
        let vp8_rtx_pt = codecs
            .iter()
            .find(|c| {
                c["mimeType"]
                    .as_str()
                    .is_some_and(|m| m.eq_ignore_ascii_case("video/rtx"))
                    && c["parameters"]["apt"].as_u64() == Some(u64::from(vp8_pt))
            })
            .and_then(|c| c["preferredPayloadType"].as_u64())
            .and_then(|pt| u8::try_from(pt).ok());
        let ext_id = |uri: &str| {
            caps["headerExtensions"]
                .as_array()?
                .iter()
                .find(|e| e["uri"] == uri)
                .and_then(|e| e["preferredId"].as_u64())
                .and_then(|id| u8::try_from(id).ok())
        };
        Ok(CodecSetup {
            opus_pt,
            vp8_pt,
            vp8_rtx_pt,
            audio_level_id: ext_id(AUDIO_LEVEL_URI),
            abs_send_time_id: ext_id(ABS_SEND_TIME_URI),
        })
    }

    fn apply(&self, mut config: RtcConfig) -> RtcConfig {
        config = config.clear_codecs();
        let codecs = config.codec_config();
        codecs.add_config(
            Pt::from(self.opus_pt),
            None,
            Codec::Opus,
            Frequency::FORTY_EIGHT_KHZ,
            Some(2),
            FormatParams {
                min_p_time: Some(10),
                use_inband_fec: Some(true),
                ..Default::default()
            },
        );
        codecs.add_config(
            Pt::from(self.vp8_pt),
            self.vp8_rtx_pt.map(Pt::from),
            Codec::Vp8,
            Frequency::NINETY_KHZ,
            None,
            FormatParams::default(),
        );
        let mut exts = ExtensionMap::empty();
        if let Some(id) = self.audio_level_id {
            exts.set(id, Extension::AudioLevel);
        }
        if let Some(id) = self.abs_send_time_id {
            exts.set(id, Extension::AbsoluteSendTime);
        }
        config.set_extension_map(exts)
    }
}

pub const AUDIO_LEVEL_URI: &str = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
pub const ABS_SEND_TIME_URI: &str = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

/// Receive buffer: above any MTU we will meet on loopback.
const RECV_BUFFER: usize = 2048;

/// A transport: the `Rtc`, its socket and a receive buffer, owned by one peer task.
pub struct Connection {
    pub rtc: Rtc,
    socket: UdpSocket,
    local: SocketAddr,
    remote: SocketAddr,
    buf: Box<[u8]>,
    /// Datagrams the socket would not take (full send buffer).
    pub send_drops: u64,
}

impl Connection {
    /// Binds a socket towards the server's UDP candidate and prepares ICE and DTLS. Returns the
    /// connection and the `dtlsParameters` to send in `connectTransport`.
    pub async fn open(
        transport: &TransportResponse,
        codecs: &CodecSetup,
        crypto: &Arc<CryptoProvider>,
    ) -> Result<(Connection, Value), SyntheticError> {
        let params = serde_json::to_value(transport).map_err(|e| SyntheticError::Protocol(e.to_string()))?;
        let remote = udp_candidate(&params)
            .ok_or_else(|| SyntheticError::Protocol("the transport has no UDP ICE candidate".into()))?;
        let (socket, local) = bind_towards(remote).await?;

        let config = codecs
            .apply(Rtc::builder())
            .set_crypto_provider(Arc::clone(crypto))
            // mediasoup's OpenSSL speaks DTLS 1.2.
            .set_dtls_version(DtlsVersion::Dtls12)
            .set_rtp_mode(true)
            .set_stats_interval(None);
        let mut rtc = config.build(Instant::now());
        let local_candidate = Candidate::host(local, "udp")
            .map_err(|e| SyntheticError::Protocol(format!("local ICE candidate {local}: {e}")))?;
        let remote_candidate = Candidate::host(remote, "udp")
            .map_err(|e| SyntheticError::Protocol(format!("remote ICE candidate {remote}: {e}")))?;
        rtc.add_local_candidate(local_candidate);
        rtc.add_remote_candidate(remote_candidate);

        let creds = ice_creds(&params["iceParameters"])?;
        let fingerprint = params["dtlsParameters"]["fingerprints"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|f| f["algorithm"] == "sha-256")
            .and_then(|f| f["value"].as_str())
            .ok_or_else(|| SyntheticError::Protocol("the transport has no sha-256 DTLS fingerprint".into()))?;
        let fingerprint: Fingerprint = format!("sha-256 {fingerprint}")
            .parse()
            .map_err(|e| SyntheticError::Protocol(format!("DTLS fingerprint: {e}")))?;

        let mut api = rtc.direct_api();
        api.set_ice_controlling(true);
        api.set_remote_ice_credentials(creds);
        api.set_remote_fingerprint(fingerprint);
        api.start_dtls(true).map_err(SyntheticError::Rtc)?;
        let ours = api.local_dtls_fingerprint();
        let value = ours
            .bytes
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect::<Vec<_>>()
            .join(":");
        let dtls = json!({"role": "client", "fingerprints": [{"algorithm": ours.hash_func, "value": value}]});
        Ok((
            Connection {
                rtc,
                socket,
                local,
                remote,
                buf: vec![0; RECV_BUFFER].into_boxed_slice(),
                send_drops: 0,
            },
            dtls,
        ))
    }

    /// Asks the server for a transport (`createTransport` in `direction`, `send` or `recv`),
    /// opens it here and connects it (`connectTransport`).
    pub async fn create(
        signaling: &SignalingClient,
        direction: &str,
        codecs: &CodecSetup,
        crypto: &Arc<CryptoProvider>,
    ) -> Result<(Connection, TransportResponse), SyntheticError> {
        let transport: TransportResponse = signaling
            .call("createTransport", json!({ "direction": direction }))
            .await?;
        let (conn, dtls) = Connection::open(&transport, codecs, crypto).await?;
        signaling
            .request(
                "connectTransport",
                json!({"transportId": transport.transport_id, "dtlsParameters": dtls}),
            )
            .await?;
        Ok((conn, transport))
    }

    /// A network change: moves to a new local UDP socket and applies the server's new ICE
    /// parameters (from `restartIce`). The old host candidate is invalidated, the new one is
    /// checked and nominated with the new credentials, and mediasoup moves the transport to the
    /// new address. Returns the new local address.
    pub async fn change_network(&mut self, ice_parameters: &Value) -> Result<SocketAddr, SyntheticError> {
        let creds = ice_creds(ice_parameters)?;
        let (socket, local) = bind_towards(self.remote).await?;
        let old = Candidate::host(self.local, "udp")
            .map_err(|e| SyntheticError::Protocol(format!("local ICE candidate {}: {e}", self.local)))?;
        let new = Candidate::host(local, "udp")
            .map_err(|e| SyntheticError::Protocol(format!("local ICE candidate {local}: {e}")))?;
        let mut api = self.rtc.direct_api();
        api.invalidate_candidate(&old);
        api.set_remote_ice_credentials(creds);
        self.rtc.add_local_candidate(new);
        self.socket = socket;
        self.local = local;
        Ok(local)
    }

    /// Sends what the `Rtc` wants sent and appends its events to `events`; returns when it
    /// next needs a timeout.
    pub fn poll(&mut self, events: &mut Vec<Event>) -> Result<Instant, SyntheticError> {
        // Bounded: str0m ends every burst of output with a Timeout.
        loop {
            match self.rtc.poll_output().map_err(SyntheticError::Rtc)? {
                Output::Timeout(at) => return Ok(at),
                Output::Transmit(t) => {
                    if self.socket.try_send(&t.contents).is_err() {
                        self.send_drops += 1;
                    }
                }
                Output::Event(e) => events.push(e),
            }
        }
    }

    /// Waits for a datagram (cancel-safe: usable in `select!`).
    pub async fn readable(&self) -> std::io::Result<()> {
        self.socket.readable().await
    }

    /// Feeds the datagrams waiting on the socket to the `Rtc`, polling after each one: str0m
    /// holds one received RTP packet at a time, so two inputs without a poll between them would
    /// lose the first packet's event.
    pub fn receive(&mut self, events: &mut Vec<Event>) -> Result<usize, SyntheticError> {
        let mut n = 0;
        // Bounded by the socket's queue; yield to the other branches after a batch.
        while n < 64 {
            let len = match self.socket.try_recv(&mut self.buf) {
                Ok(len) => len,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                // ICMP port unreachable and the like: the server went away; ICE will notice.
                Err(_) => break,
            };
            n += 1;
            let Ok(contents) = Receive::new(Protocol::Udp, self.remote, self.local, &self.buf[..len]) else {
                continue;
            };
            let input = Input::Receive(Instant::now(), contents);
            if self.rtc.accepts(&input) {
                self.rtc.handle_input(input).map_err(SyntheticError::Rtc)?;
                self.poll(events)?;
            }
        }
        Ok(n)
    }

    pub fn timeout(&mut self, now: Instant) -> Result<(), SyntheticError> {
        self.rtc.handle_input(Input::Timeout(now)).map_err(SyntheticError::Rtc)
    }
}

/// The server's UDP ICE candidate in a `createTransport` answer (as JSON), IPv4 first: loopback
/// tests and most servers announce one.
pub fn udp_candidate(transport: &Value) -> Option<SocketAddr> {
    transport["iceCandidates"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["protocol"] == "udp")
        .filter_map(|c| {
            let ip: IpAddr = c["address"].as_str()?.parse().ok()?;
            let port = u16::try_from(c["port"].as_u64()?).ok()?;
            Some(SocketAddr::new(ip, port))
        })
        .min_by_key(|a| a.is_ipv6())
}

/// A UDP socket connected to the server's candidate: connecting picks the local address the
/// route to the server uses, which is our host candidate.
async fn bind_towards(remote: SocketAddr) -> Result<(UdpSocket, SocketAddr), SyntheticError> {
    let unspecified = if remote.is_ipv4() {
        IpAddr::V4(Ipv4Addr::UNSPECIFIED)
    } else {
        IpAddr::V6(Ipv6Addr::UNSPECIFIED)
    };
    let socket = UdpSocket::bind(SocketAddr::new(unspecified, 0))
        .await
        .map_err(SyntheticError::Io)?;
    socket.connect(remote).await.map_err(SyntheticError::Io)?;
    let local = socket.local_addr().map_err(SyntheticError::Io)?;
    Ok((socket, local))
}

/// The server's ICE credentials from mediasoup's `iceParameters`.
fn ice_creds(ice: &Value) -> Result<IceCreds, SyntheticError> {
    match (ice["usernameFragment"].as_str(), ice["password"].as_str()) {
        (Some(ufrag), Some(pass)) if !ufrag.is_empty() && !pass.is_empty() => Ok(IceCreds {
            ufrag: ufrag.to_string(),
            pass: pass.to_string(),
        }),
        _ => Err(SyntheticError::Protocol(
            "iceParameters without usernameFragment and password".into(),
        )),
    }
}

/// str0m's next timeout as one Sleep for the whole session, reset rather than re-created.
pub(crate) struct RtcTimer {
    sleep: Pin<Box<Sleep>>,
    at: tokio::time::Instant,
}

impl RtcTimer {
    pub fn new() -> RtcTimer {
        let sleep = Box::pin(tokio::time::sleep(Duration::ZERO));
        RtcTimer {
            at: sleep.deadline(),
            sleep,
        }
    }

    /// Arms the timer for `next` (what [`Connection::poll`] returned), unless it already is.
    pub fn arm(&mut self, next: Instant) {
        if tokio::time::Instant::from(next) != self.at {
            self.at = next.into();
            self.sleep.as_mut().reset(self.at);
        }
    }

    /// Waits for the timeout. A fired Sleep stays ready until reset: this makes the next
    /// [`RtcTimer::arm`] reset it.
    pub async fn fired(&mut self) {
        (&mut self.sleep).await;
        self.at = tokio::time::Instant::now() - Duration::from_secs(1);
    }
}
