//! A synthetic broadcaster: join, one send transport, an Opus producer (and a VP8 one with
//! `--video`), then 20 ms audio packets and video frames until the run ends; key frames on
//! schedule and on every PLI/FIR.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use str0m::config::CryptoProvider;
use str0m::media::{MediaKind, Mid};
use str0m::rtp::{ExtensionValues, RtpWrite, Ssrc};
use str0m::Event;
use tokio::time::MissedTickBehavior;
use tokio_util::sync::CancellationToken;

use super::connection::{CodecSetup, Connection, ABS_SEND_TIME_URI, AUDIO_LEVEL_URI};
use super::media::{AudioSource, VideoSource, AUDIO_PTIME, MAX_PAYLOAD};
use super::report::{run_peers, PacketCounter, PeerReport};
use super::signaling::SignalingClient;
use super::{epoch_us, BroadcastOptions, Progress, Report, SyntheticError};

/// ICE + DTLS must complete within this.
pub(crate) const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

const AUDIO_MID: &str = "0";
const VIDEO_MID: &str = "1";

pub(crate) async fn run(options: BroadcastOptions) -> Result<Report, SyntheticError> {
    let crypto = Arc::new(str0m::crypto::from_feature_flags());
    // Stream ids distinct across concurrently running processes with different seeds.
    let base = (options.seed as u32).wrapping_mul(0x9E37_79B9);
    let opts = Arc::new(options);
    let report = run_peers(
        "broadcaster",
        opts.count,
        opts.ramp,
        &opts.cancel,
        &opts.progress,
        PacketCounter::Sent,
        |index, cancel| {
            let opts = Arc::clone(&opts);
            let crypto = Arc::clone(&crypto);
            async move {
                let mut report = PeerReport {
                    index,
                    ..PeerReport::default()
                };
                let stream_id = base.wrapping_add(2 * index as u32);
                if let Err(e) = broadcast(&opts, index, stream_id, &crypto, cancel, &mut report).await {
                    tracing::warn!(peer = index, error = %e, "synthetic broadcaster failed");
                    report.error = Some(e.to_string());
                    if !report.connected {
                        Progress::add(&opts.progress.failed, 1);
                    }
                }
                report
            }
        },
    )
    .await;
    Ok(report)
}

async fn broadcast(
    opts: &BroadcastOptions,
    index: usize,
    stream_id: u32,
    crypto: &Arc<CryptoProvider>,
    cancel: CancellationToken,
    report: &mut PeerReport,
) -> Result<(), SyntheticError> {
    let started = Instant::now();
    let target = &opts.target;
    let mut signaling = SignalingClient::connect(&target.url, target.tls_root_pem.as_deref()).await?;
    let mut join = json!({"room": target.room, "role": "broadcaster", "displayName": format!("synthetic-b{index}")});
    if let Some(token) = &target.token {
        join["token"] = json!(token);
    }
    signaling.request("join", join).await?;
    let codecs = CodecSetup::BROADCAST;
    let cname = format!("synthetic-{stream_id:08x}");
    let mut audio = AudioSource::new(stream_id, opts.seed, opts.speech);
    let mut video = opts
        .video
        .then(|| VideoSource::new(stream_id + 1, opts.seed).with_pattern(opts.video_pattern));
    let video_mid = Mid::from(VIDEO_MID);

    let mut payload = vec![0u8; MAX_PAYLOAD];
    let mut events = Vec::with_capacity(16);
    let mut audio_tick = tokio::time::interval(AUDIO_PTIME);
    audio_tick.set_missed_tick_behavior(MissedTickBehavior::Burst);
    let frame_period = video.as_ref().map_or(Duration::from_secs(3600), |v| v.frame_period());
    let mut video_tick = tokio::time::interval(frame_period);
    video_tick.set_missed_tick_behavior(MissedTickBehavior::Skip);
    // Two timers for the whole session, reset rather than re-created: the end (connect
    // deadline, then end of the run) and str0m's next timeout.
    let stop = tokio::time::sleep(CONNECT_TIMEOUT);
    tokio::pin!(stop);
    let timer = tokio::time::sleep(Duration::ZERO);
    tokio::pin!(timer);
    let mut reset_at: Option<Instant> = None;
    // Set up media and send until the end; after a `mediaReset` (the room's worker died), set
    // up again on the same signaling connection. The sources keep counting across, so viewers
    // see one talker whose packets in between were never sent.
    let result = 'session: loop {
        let (mut conn, audio_ssrc, video_ssrc) =
            match setup_media(&mut signaling, &codecs, crypto, &cname, video.is_some()).await {
                Ok(setup) => setup,
                // The worker died while we were setting up: start over after its mediaReset.
                Err(e) if e.is_media_reset() => {
                    if let Err(e) = signaling.wait_notification("mediaReset", CONNECT_TIMEOUT).await {
                        break Err(e.into());
                    }
                    report.media_resets += 1;
                    reset_at = Some(Instant::now());
                    continue;
                }
                Err(e) => break Err(e),
            };
        let mut timer_at = timer.deadline();
        let mut connected = false;
        let reset = loop {
            let next = match conn.poll(&mut events) {
                Ok(next) => next,
                Err(e) => break 'session Err(e),
            };
            let mut key_requests = 0;
            for event in events.drain(..) {
                match event {
                    Event::Connected => connected = true,
                    Event::KeyframeRequest(r) if r.mid == video_mid => key_requests += 1,
                    _ => {}
                }
            }
            if key_requests > 0 {
                report.key_frame_requests += key_requests;
                if let Some(v) = video.as_mut() {
                    v.request_key_frame();
                }
            }
            if connected && !report.connected {
                report.connected = true;
                report.connect_time = Some(started.elapsed());
                Progress::add(&opts.progress.connected, 1);
                stop.as_mut().reset(tokio::time::Instant::now() + opts.duration);
                tracing::debug!(peer = index, "synthetic broadcaster connected");
            }
            if connected {
                if let Some(at) = reset_at.take() {
                    let recovery = at.elapsed();
                    report.recovery = Some(report.recovery.map_or(recovery, |r| r.max(recovery)));
                    // Speak on from now, not in a burst of the ticks missed while reconnecting.
                    audio_tick.reset();
                    video_tick.reset();
                }
            } else if reset_at.is_some_and(|at| at.elapsed() >= CONNECT_TIMEOUT) {
                break 'session Err(SyntheticError::ConnectTimeout(CONNECT_TIMEOUT));
            }
            if tokio::time::Instant::from(next) != timer_at {
                timer_at = next.into();
                timer.as_mut().reset(timer_at);
            }
            let sending = connected;
            tokio::select! {
                biased;
                _ = cancel.cancelled() => break 'session Ok(()),
                _ = &mut stop => {
                    break 'session if report.connected { Ok(()) } else { Err(SyntheticError::ConnectTimeout(CONNECT_TIMEOUT)) };
                }
                readable = conn.readable() => {
                    if let Err(e) = readable.map_err(SyntheticError::Io).and_then(|()| conn.receive(&mut events)) {
                        break 'session Err(e);
                    }
                }
                _ = &mut timer => {
                    // A fired Sleep stays ready until reset: make the next poll reset it.
                    timer_at = tokio::time::Instant::now() - Duration::from_secs(1);
                    if let Err(e) = conn.timeout(Instant::now()) {
                        break 'session Err(e);
                    }
                }
                _ = audio_tick.tick(), if sending => {
                    let p = audio.next_packet(epoch_us(), &mut payload);
                    let exts = ExtensionValues {
                        audio_level: Some(-(p.level as i8)),
                        voice_activity: Some(p.voiced),
                        ..ExtensionValues::default()
                    };
                    let write = RtpWrite::new(codecs.opus_pt.into(), p.ext_seq.into(), p.timestamp, Instant::now(), &payload[..p.len])
                        .marker(p.marker)
                        .ext_vals(exts);
                    if let Some(tx) = conn.rtc.direct_api().stream_tx(&audio_ssrc) {
                        tx.write_rtp(write);
                    }
                    report.packets_sent += 1;
                    Progress::add(&opts.progress.packets_sent, 1);
                }
                _ = video_tick.tick(), if sending && video.is_some() => {
                    if let (Some(v), Some(ssrc)) = (video.as_mut(), video_ssrc.as_ref()) {
                        v.next_frame();
                        let now = Instant::now();
                        let mut sent = 0;
                        while let Some(p) = v.next_packet(epoch_us(), &mut payload) {
                            let write = RtpWrite::new(codecs.vp8_pt.into(), p.ext_seq.into(), p.timestamp, now, &payload[..p.len])
                                .marker(p.marker)
                                .nackable(true);
                            if let Some(tx) = conn.rtc.direct_api().stream_tx(ssrc) {
                                tx.write_rtp(write);
                            }
                            sent += 1;
                        }
                        report.packets_sent += sent;
                        report.key_frames_sent = v.key_frames_sent();
                        Progress::add(&opts.progress.packets_sent, sent);
                    }
                }
                notification = signaling.next_notification() => match notification {
                    None => break 'session Err(SyntheticError::Signaling(super::SignalingError::Closed)),
                    Some(n) if n["notification"] == "mediaReset" => break true,
                    Some(_) => {}
                },
            }
        };
        if conn.send_drops > 0 {
            tracing::debug!(
                peer = index,
                drops = conn.send_drops,
                "datagrams dropped by a full socket"
            );
        }
        if reset {
            report.media_resets += 1;
            reset_at = Some(Instant::now());
            // The new video producer's viewers need a key frame to start.
            if let Some(v) = video.as_mut() {
                v.request_key_frame();
            }
            tracing::debug!(peer = index, "media reset: setting up again");
        }
    };
    // Leave politely whatever happened, so the server frees everything at once.
    let _ = signaling.request("leave", json!({})).await;
    signaling.close().await;
    result
}

/// A send transport, connected, with an Opus producer (and a VP8 one with `video`).
async fn setup_media(
    signaling: &mut SignalingClient,
    codecs: &CodecSetup,
    crypto: &Arc<CryptoProvider>,
    cname: &str,
    video: bool,
) -> Result<(Connection, Ssrc, Option<Ssrc>), SyntheticError> {
    let (mut conn, transport) = Connection::create(signaling, "send", codecs, crypto).await?;

    let audio_ssrc: Ssrc = conn.rtc.direct_api().new_ssrc();
    let audio_mid = Mid::from(AUDIO_MID);
    {
        let mut api = conn.rtc.direct_api();
        api.declare_media(audio_mid, MediaKind::Audio);
        api.declare_stream_tx(audio_ssrc, None, audio_mid, None);
    }
    signaling
        .request(
            "produce",
            json!({
                "transportId": transport.transport_id,
                "kind": "audio",
                "rtpParameters": audio_parameters(codecs, *audio_ssrc, cname),
            }),
        )
        .await?;
    if !video {
        return Ok((conn, audio_ssrc, None));
    }
    let video_mid = Mid::from(VIDEO_MID);
    let (ssrc, rtx) = {
        let api = conn.rtc.direct_api();
        (api.new_ssrc(), api.new_ssrc())
    };
    {
        let mut api = conn.rtc.direct_api();
        api.declare_media(video_mid, MediaKind::Video);
        api.declare_stream_tx(ssrc, Some(rtx), video_mid, None);
    }
    signaling
        .request(
            "produce",
            json!({
                "transportId": transport.transport_id,
                "kind": "video",
                "rtpParameters": video_parameters(codecs, *ssrc, *rtx, cname),
            }),
        )
        .await?;
    Ok((conn, audio_ssrc, Some(ssrc)))
}

fn audio_parameters(codecs: &CodecSetup, ssrc: u32, cname: &str) -> Value {
    let mut exts = Vec::new();
    if let Some(id) = codecs.audio_level_id {
        exts.push(json!({"uri": AUDIO_LEVEL_URI, "id": id, "encrypt": false, "parameters": {}}));
    }
    if let Some(id) = codecs.abs_send_time_id {
        exts.push(json!({"uri": ABS_SEND_TIME_URI, "id": id, "encrypt": false, "parameters": {}}));
    }
    json!({
        "mid": AUDIO_MID,
        "codecs": [{
            "mimeType": "audio/opus", "payloadType": codecs.opus_pt, "clockRate": 48000, "channels": 2,
            "parameters": {"useinbandfec": 1, "minptime": 10}, "rtcpFeedback": []
        }],
        "headerExtensions": exts,
        "encodings": [{"ssrc": ssrc}],
        "rtcp": {"cname": cname, "reducedSize": true}
    })
}

fn video_parameters(codecs: &CodecSetup, ssrc: u32, rtx: u32, cname: &str) -> Value {
    let mut all = vec![json!({
        "mimeType": "video/VP8", "payloadType": codecs.vp8_pt, "clockRate": 90000, "parameters": {},
        "rtcpFeedback": [{"type": "nack"}, {"type": "nack", "parameter": "pli"}, {"type": "ccm", "parameter": "fir"}]
    })];
    if let Some(rtx_pt) = codecs.vp8_rtx_pt {
        all.push(json!({
            "mimeType": "video/rtx", "payloadType": rtx_pt, "clockRate": 90000,
            "parameters": {"apt": codecs.vp8_pt}, "rtcpFeedback": []
        }));
    }
    let exts: Vec<Value> = codecs
        .abs_send_time_id
        .map(|id| json!({"uri": ABS_SEND_TIME_URI, "id": id, "encrypt": false, "parameters": {}}))
        .into_iter()
        .collect();
    json!({
        "mid": VIDEO_MID,
        "codecs": all,
        "headerExtensions": exts,
        "encodings": [{"ssrc": ssrc, "rtx": {"ssrc": rtx}}],
        "rtcp": {"cname": cname, "reducedSize": true}
    })
}
