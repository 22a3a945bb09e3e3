//! One webrtc-crate viewer: signaling as `sfu::synthetic`'s viewer does it, a `PeerConnection`
//! that answers mediasoup's offer, and per-stream measurements of every packet that arrives.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::stream::{self, SelectAll, Stream, StreamExt};
use futures_util::FutureExt;
use hdrhistogram::Histogram;
use rtc::ice::mdns::MulticastDnsMode;
use rtc::peer_connection::transport::RTCDtlsRole;
use rtc::rtp_transceiver::rtp_sender::{
    RTCPFeedback, RTCRtpCodec, RTCRtpCodecParameters, RTCRtpHeaderExtensionCapability, RtpCodecKind,
};
use serde_json::{json, Value};
use sfu::protocol::ErrorCode;
use sfu::synthetic::media::{MediaStamp, AUDIO_CLOCK_RATE, VIDEO_CLOCK_RATE};
use sfu::synthetic::received_stream::{latency_histogram, StreamStats};
use sfu::synthetic::{
    epoch_us, receive_capabilities, run_peers, udp_candidate, PacketCounter, PeerReport, Progress, Report,
    SignalingClient, SignalingError, StreamReport, ViewerOptions,
};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use webrtc::media_stream::track_remote::{TrackRemote, TrackRemoteEvent};
use webrtc::peer_connection::{
    configure_nack, configure_rtcp_reports, register_default_interceptors, MediaEngine, PeerConnection,
    PeerConnectionBuilder, PeerConnectionEventHandler, RTCConfigurationBuilder, RTCPeerConnectionState,
    RTCSessionDescription, Registry, SettingEngineBuilder,
};

use crate::sdp::{local_dtls, RemoteSdp};
use crate::{Interceptors, ViewerError};

/// ICE + DTLS must complete within this, as for the str0m peers.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Track events handled in one turn before the other branches get a look.
const BATCH: usize = 64;

pub(crate) async fn run(options: ViewerOptions, interceptors: Interceptors) -> Report {
    let opts = Arc::new(options);
    run_peers(
        "viewer",
        opts.count,
        opts.ramp,
        &opts.cancel,
        &opts.progress,
        PacketCounter::Received,
        |index, cancel| {
            let opts = Arc::clone(&opts);
            async move {
                let mut viewer = Viewer::new(index);
                if let Err(e) = viewer.run(&opts, interceptors, cancel).await {
                    tracing::warn!(peer = index, error = %e, "webrtc-crate viewer failed");
                    viewer.report.error = Some(e.to_string());
                    if !viewer.report.connected {
                        Progress::add(&opts.progress.failed, 1);
                    }
                }
                viewer.finish()
            }
        },
    )
    .await
}

/// What the connection's handler passes to the viewer task.
enum PcEvent {
    Track(Arc<dyn TrackRemote>),
    State(RTCPeerConnectionState),
}

/// The crate calls this from its driver task; everything goes to the viewer task over a channel,
/// so no viewer state is shared or locked.
struct Handler {
    events: mpsc::UnboundedSender<PcEvent>,
}

#[async_trait::async_trait]
impl PeerConnectionEventHandler for Handler {
    async fn on_connection_state_change(&self, state: RTCPeerConnectionState) {
        let _ = self.events.send(PcEvent::State(state));
    }

    async fn on_track(&self, track: Arc<dyn TrackRemote>) {
        let _ = self.events.send(PcEvent::Track(track));
    }
}

type TrackEvents = Pin<Box<dyn Stream<Item = TrackRemoteEvent> + Send>>;

/// A track's events as a stream, so one task polls every track of the viewer.
fn track_events(track: Arc<dyn TrackRemote>) -> TrackEvents {
    Box::pin(stream::unfold(track, |t| async move { t.poll().await.map(|e| (e, t)) }))
}

/// One consumed stream.
struct Consumed {
    ssrc: u32,
    consumer_id: String,
    producer_id: String,
    mid: String,
    video: bool,
    stats: StreamStats,
    resumed_at: Instant,
}

/// A consumer created and in the offer, not yet resumed.
struct Pending {
    consumer_id: String,
    producer_id: String,
    mid: String,
    ssrc: u32,
    video: bool,
}

struct Viewer {
    report: PeerReport,
    streams: Vec<Consumed>,
    closed: Vec<Consumed>,
    latency: Histogram<u64>,
}

/// The session's WebRTC side: the connection, the offer we answer, and whether the transport
/// has been connected (done once, with the first answer).
struct Session {
    pc: Arc<dyn PeerConnection>,
    sdp: RemoteSdp,
    transport_id: String,
    transport_connected: bool,
}

impl Viewer {
    fn new(index: usize) -> Viewer {
        Viewer {
            report: PeerReport {
                index,
                ..PeerReport::default()
            },
            streams: Vec::new(),
            closed: Vec::new(),
            latency: latency_histogram(),
        }
    }

    async fn run(
        &mut self,
        opts: &ViewerOptions,
        interceptors: Interceptors,
        cancel: CancellationToken,
    ) -> Result<(), ViewerError> {
        let started = Instant::now();
        let target = &opts.target;
        let mut signaling = SignalingClient::connect(&target.url, target.tls_root_pem.as_deref()).await?;
        let (events_tx, events) = mpsc::unbounded_channel();
        let mut session = None;
        let result = self
            .session(
                opts,
                interceptors,
                cancel,
                &mut signaling,
                started,
                events_tx,
                events,
                &mut session,
            )
            .await;
        if let Some(s) = session {
            if let Err(e) = s.pc.close().await {
                tracing::debug!(peer = self.report.index, error = %e, "closing the peer connection");
            }
        }
        let _ = signaling.request("leave", json!({})).await;
        signaling.close().await;
        result
    }

    #[allow(clippy::too_many_arguments)]
    async fn session(
        &mut self,
        opts: &ViewerOptions,
        interceptors: Interceptors,
        cancel: CancellationToken,
        signaling: &mut SignalingClient,
        started: Instant,
        events_tx: mpsc::UnboundedSender<PcEvent>,
        mut events: mpsc::UnboundedReceiver<PcEvent>,
        session: &mut Option<Session>,
    ) -> Result<(), ViewerError> {
        let target = &opts.target;
        let index = self.report.index;
        let caps = signaling.request("getRouterRtpCapabilities", json!({})).await?;
        let recv_caps = receive_capabilities(&caps["routerRtpCapabilities"]);
        let mut join = json!({
            "room": target.room,
            "role": "viewer",
            "displayName": format!("synthetic-w{index}"),
            "rtpCapabilities": recv_caps,
        });
        if let Some(token) = &target.token {
            join["token"] = json!(token);
        }
        let joined = signaling.request("join", join).await?;
        let transport = signaling
            .request("createTransport", json!({"direction": "recv"}))
            .await?;
        let transport_id = transport["transportId"]
            .as_str()
            .ok_or_else(|| ViewerError::Protocol("createTransport without transportId".into()))?
            .to_string();
        let sdp = RemoteSdp::new(&transport)?;
        let pc = peer_connection(&recv_caps, &transport, interceptors, events_tx).await?;
        let s = session.insert(Session {
            pc,
            sdp,
            transport_id,
            transport_connected: false,
        });
        let producers: Vec<String> = joined["producers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["producerId"].as_str().map(str::to_string))
            .collect();
        self.consume(signaling, s, &producers).await?;

        // The transport connects with the first answer, so with nothing to consume yet (an empty
        // room) the connect deadline starts when the first producer arrives; until then the
        // viewer waits at most its duration.
        let mut negotiated = s.transport_connected;
        let stop = tokio::time::sleep(if negotiated { CONNECT_TIMEOUT } else { opts.duration });
        tokio::pin!(stop);
        let mut tracks: SelectAll<TrackEvents> = SelectAll::new();
        loop {
            tokio::select! {
                biased;
                _ = cancel.cancelled() => return Ok(()),
                _ = &mut stop => {
                    return match (self.report.connected, negotiated) {
                        (true, _) => Ok(()),
                        (false, true) => Err(ViewerError::ConnectTimeout(CONNECT_TIMEOUT)),
                        (false, false) => Err(ViewerError::Protocol(format!("no producer to consume within {:?}", opts.duration))),
                    };
                }
                event = events.recv() => match event {
                    Some(PcEvent::Track(track)) => tracks.push(track_events(track)),
                    Some(PcEvent::State(RTCPeerConnectionState::Connected)) if !self.report.connected => {
                        self.report.connected = true;
                        self.report.connect_time = Some(started.elapsed());
                        Progress::add(&opts.progress.connected, 1);
                        stop.as_mut().reset(tokio::time::Instant::now() + opts.duration);
                    }
                    Some(PcEvent::State(RTCPeerConnectionState::Failed)) => return Err(ViewerError::Failed),
                    Some(PcEvent::State(_)) => {}
                    // The connection (and its handler) is gone.
                    None => return Err(ViewerError::Failed),
                },
                Some(event) = tracks.next(), if !tracks.is_empty() => {
                    let mut received = u64::from(self.on_track_event(event));
                    // Whatever else is ready, without going round the select again.
                    for _ in 1..BATCH {
                        match tracks.next().now_or_never() {
                            Some(Some(event)) => received += u64::from(self.on_track_event(event)),
                            _ => break,
                        }
                    }
                    if received > 0 {
                        Progress::add(&opts.progress.packets_received, received);
                    }
                }
                notification = signaling.next_notification() => {
                    let Some(n) = notification else {
                        return Err(ViewerError::Signaling(SignalingError::Closed));
                    };
                    self.on_notification(signaling, s, &n).await?;
                    if !negotiated && s.transport_connected {
                        negotiated = true;
                        stop.as_mut().reset(tokio::time::Instant::now() + CONNECT_TIMEOUT);
                    }
                }
            }
        }
    }

    /// Consumes `producers`, answers the offer with their sections added, then resumes them:
    /// mediasoup-client's order, so no packet arrives before its m-section is known.
    async fn consume(
        &mut self,
        signaling: &SignalingClient,
        s: &mut Session,
        producers: &[String],
    ) -> Result<(), ViewerError> {
        let mut pending = Vec::new();
        for producer_id in producers {
            let known = self
                .streams
                .iter()
                .chain(&self.closed)
                .any(|st| &st.producer_id == producer_id);
            if known || pending.iter().any(|p: &Pending| &p.producer_id == producer_id) {
                continue;
            }
            let consumer = match signaling
                .request(
                    "consume",
                    json!({"transportId": s.transport_id, "producerId": producer_id}),
                )
                .await
            {
                Ok(c) => c,
                // The producer closed between the announcement and our request.
                Err(e) if e.code() == Some(ErrorCode::NotFound) => continue,
                Err(e) => return Err(e.into()),
            };
            let kind = consumer["kind"].as_str().unwrap_or_default();
            let rtp = &consumer["rtpParameters"];
            let mid = s.sdp.add_consumer(kind, rtp, producer_id)?;
            let ssrc = rtp["encodings"][0]["ssrc"]
                .as_u64()
                .and_then(|v| u32::try_from(v).ok())
                .ok_or_else(|| ViewerError::Protocol("consumer without an SSRC".into()))?;
            let consumer_id = consumer["consumerId"]
                .as_str()
                .ok_or_else(|| ViewerError::Protocol("consume without consumerId".into()))?;
            pending.push(Pending {
                consumer_id: consumer_id.to_string(),
                producer_id: producer_id.clone(),
                mid,
                ssrc,
                video: kind == "video",
            });
        }
        if pending.is_empty() {
            return Ok(());
        }
        negotiate(signaling, s).await?;
        for p in pending {
            match signaling
                .request("resumeConsumer", json!({"consumerId": p.consumer_id}))
                .await
            {
                Ok(_) => {}
                // Its producer closed meanwhile (consumerClosed is on its way).
                Err(e) if e.code() == Some(ErrorCode::NotFound) => continue,
                Err(e) => return Err(e.into()),
            }
            let clock = if p.video { VIDEO_CLOCK_RATE } else { AUDIO_CLOCK_RATE };
            self.streams.push(Consumed {
                ssrc: p.ssrc,
                consumer_id: p.consumer_id,
                producer_id: p.producer_id,
                mid: p.mid,
                video: p.video,
                stats: StreamStats::new(clock),
                resumed_at: Instant::now(),
            });
        }
        Ok(())
    }

    async fn on_notification(
        &mut self,
        signaling: &SignalingClient,
        s: &mut Session,
        n: &Value,
    ) -> Result<(), ViewerError> {
        let data = &n["data"];
        match n["notification"].as_str() {
            Some("newProducer") => {
                if let Some(id) = data["producerId"].as_str() {
                    self.consume(signaling, s, &[id.to_string()]).await?;
                }
            }
            Some("consumerClosed") => {
                let id = data["consumerId"].as_str();
                if let Some(i) = self.streams.iter().position(|st| Some(st.consumer_id.as_str()) == id) {
                    let stream = self.streams.swap_remove(i);
                    // Its section goes inactive, as mediasoup-client does on a closed consumer.
                    if s.sdp.disable(&stream.mid) {
                        negotiate(signaling, s).await?;
                    }
                    self.closed.push(stream);
                }
            }
            Some("serverShutdown") => {
                return Err(ViewerError::Protocol("the server is shutting down".into()));
            }
            _ => {}
        }
        Ok(())
    }

    /// Returns whether the event was a packet.
    fn on_track_event(&mut self, event: TrackRemoteEvent) -> bool {
        let TrackRemoteEvent::OnRtpPacket(packet) = event else {
            return false;
        };
        let ssrc = packet.header.ssrc;
        let Some(stream) = self.streams.iter_mut().find(|s| s.ssrc == ssrc) else {
            return true;
        };
        let now_us = epoch_us();
        let stamp = if stream.video {
            MediaStamp::from_vp8_payload(&packet.payload).map(|(stamp, _)| stamp)
        } else {
            MediaStamp::from_audio_payload(&packet.payload)
        };
        let Some(stamp) = stamp else {
            stream.stats.foreign += 1;
            return true;
        };
        let since = stream.resumed_at.elapsed();
        if let Some(latency) = stream.stats.record(&stamp, packet.header.timestamp, now_us, since) {
            let _ = self.latency.record(latency.max(1));
        }
        true
    }

    fn finish(mut self) -> PeerReport {
        let streams = self.closed.into_iter().chain(self.streams);
        self.report.streams = streams
            .map(|s| StreamReport::new(s.producer_id, if s.video { "video" } else { "audio" }, &s.stats))
            .collect();
        self.report.latency = Some(self.latency);
        self.report
    }
}

/// Sets the current offer and answers it; the first answer also connects the transport with
/// our DTLS role and fingerprint, before it is applied (as mediasoup-client does), so the
/// server knows them by the time our DTLS hello arrives.
async fn negotiate(signaling: &SignalingClient, s: &mut Session) -> Result<(), ViewerError> {
    let offer = RTCSessionDescription::offer(s.sdp.render())?;
    s.pc.set_remote_description(offer).await?;
    let answer = s.pc.create_answer(None).await?;
    if !s.transport_connected {
        let dtls = local_dtls(&answer.sdp)?;
        let params = json!({
            "role": dtls.role,
            "fingerprints": [{"algorithm": dtls.algorithm, "value": dtls.fingerprint}],
        });
        signaling
            .request(
                "connectTransport",
                json!({"transportId": s.transport_id, "dtlsParameters": params}),
            )
            .await?;
        s.transport_connected = true;
    }
    s.pc.set_local_description(answer).await?;
    Ok(())
}

/// A peer connection that receives what we told the server we can receive (`recv_caps`, the
/// same capabilities the str0m viewer joins with), with the `interceptors` asked for (by
/// default the crate's NACK and RTCP report interceptors, what str0m does for a receiver too),
/// and no mDNS.
async fn peer_connection(
    recv_caps: &Value,
    transport: &Value,
    interceptors: Interceptors,
    events: mpsc::UnboundedSender<PcEvent>,
) -> Result<Arc<dyn PeerConnection>, ViewerError> {
    let mut media = MediaEngine::default();
    for c in recv_caps["codecs"].as_array().into_iter().flatten() {
        let kind = match c["kind"].as_str() {
            Some("audio") => RtpCodecKind::Audio,
            Some("video") => RtpCodecKind::Video,
            _ => continue,
        };
        let (Some(mime), Some(pt), Some(clock)) = (
            c["mimeType"].as_str(),
            c["preferredPayloadType"].as_u64().and_then(|p| u8::try_from(p).ok()),
            c["clockRate"].as_u64().and_then(|r| u32::try_from(r).ok()),
        ) else {
            continue;
        };
        let fmtp: Vec<String> = c["parameters"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, v)| match v {
                Value::String(s) => format!("{k}={s}"),
                other => format!("{k}={other}"),
            })
            .collect();
        let feedback = c["rtcpFeedback"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| {
                Some(RTCPFeedback {
                    typ: f["type"].as_str()?.to_string(),
                    parameter: f["parameter"].as_str().unwrap_or_default().to_string(),
                })
            })
            .collect();
        let codec = RTCRtpCodecParameters {
            rtp_codec: RTCRtpCodec {
                mime_type: mime.to_string(),
                clock_rate: clock,
                channels: c["channels"].as_u64().and_then(|n| u16::try_from(n).ok()).unwrap_or(0),
                sdp_fmtp_line: fmtp.join(";"),
                rtcp_feedback: feedback,
            },
            payload_type: pt,
        };
        media.register_codec(codec, kind)?;
    }
    for e in recv_caps["headerExtensions"].as_array().into_iter().flatten() {
        let Some(uri) = e["uri"].as_str() else { continue };
        let kinds: &[RtpCodecKind] = match e["kind"].as_str() {
            Some("audio") => &[RtpCodecKind::Audio],
            Some("video") => &[RtpCodecKind::Video],
            _ => &[RtpCodecKind::Audio, RtpCodecKind::Video],
        };
        for kind in kinds {
            let ext = RTCRtpHeaderExtensionCapability { uri: uri.to_string() };
            media.register_header_extension(ext, *kind, None)?;
        }
    }
    let registry = match interceptors {
        Interceptors::Receiver => configure_rtcp_reports(configure_nack(Registry::new(), &mut media)),
        Interceptors::None => Registry::new(),
        Interceptors::Default => register_default_interceptors(Registry::new(), &mut media)?,
    };
    let settings = SettingEngineBuilder::new()
        // We are the DTLS client, mediasoup the server: as with the str0m viewer.
        .with_answering_dtls_role(RTCDtlsRole::Client)
        .with_multicast_dns_mode(MulticastDnsMode::Disabled)
        .with_include_loopback_candidate(true)
        .build();
    let local = local_address(transport)?;
    let pc = PeerConnectionBuilder::new()
        .with_configuration(RTCConfigurationBuilder::new().build())
        .with_media_engine(media)
        .with_setting_engine(settings)
        .with_interceptor_registry(registry)
        .with_handler(Arc::new(Handler { events }))
        .with_udp_addrs(vec![local])
        .build()
        .await?;
    Ok(Arc::new(pc))
}

/// The local address that routes to the server's UDP candidate (the str0m viewer `connect`s its
/// socket for the same reason), with an ephemeral port for the crate to bind.
fn local_address(transport: &Value) -> Result<SocketAddr, ViewerError> {
    let remote = udp_candidate(transport)
        .ok_or_else(|| ViewerError::Protocol("the transport has no UDP ICE candidate".into()))?;
    let unspecified = if remote.is_ipv4() {
        IpAddr::V4(Ipv4Addr::UNSPECIFIED)
    } else {
        IpAddr::V6(Ipv6Addr::UNSPECIFIED)
    };
    let probe = std::net::UdpSocket::bind(SocketAddr::new(unspecified, 0))?;
    probe.connect(remote)?;
    Ok(SocketAddr::new(probe.local_addr()?.ip(), 0))
}
