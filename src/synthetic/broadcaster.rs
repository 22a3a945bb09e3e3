//! A synthetic broadcaster: join, one send transport, an Opus producer (and a VP8 one with
//! `--video`), then 20 ms audio packets and video frames until the run ends; key frames on
//! schedule and on every PLI/FIR.

use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use str0m::config::CryptoProvider;
use str0m::media::{MediaKind, Mid};
use str0m::rtp::{ExtensionValues, RtpWrite, Ssrc};
use str0m::Event;
use tokio::time::{Interval, MissedTickBehavior, Sleep};
use tokio_util::sync::CancellationToken;

use super::connection::{CodecSetup, Connection, RtcTimer, ABS_SEND_TIME_URI, AUDIO_LEVEL_URI};
use super::failover::{final_notice, worth_retrying, Move, NodeFinder, MAX_MOVES};
use super::media::{AudioSource, VideoSource, AUDIO_PTIME, MAX_PAYLOAD};
use super::report::{run_peers, PacketCounter, PeerReport};
use super::signaling::{signaling_url, SignalingClient, MAX_REDIRECTS};
use super::{epoch_us, BroadcastOptions, Progress, Report, SyntheticError};
use crate::http_client::HttpClient;

/// ICE + DTLS must complete within this.
pub(crate) const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

const AUDIO_MID: &str = "0";
const VIDEO_MID: &str = "1";

pub(crate) async fn run(options: BroadcastOptions) -> Result<Report, SyntheticError> {
    let crypto = Arc::new(str0m::crypto::from_feature_flags());
    // One client for every peer's `/cluster/nodes` reads (see `NodeFinder::new`).
    let http = HttpClient::new(options.target.tls_root_pem.as_deref()).ok();
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
            let http = http.clone();
            async move {
                let mut report = PeerReport {
                    index,
                    ..PeerReport::default()
                };
                let stream_id = base.wrapping_add(2 * index as u32);
                if let Err(e) = broadcast(&opts, (index, stream_id), (&crypto, http), cancel, &mut report).await {
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
    (index, stream_id): (usize, u32),
    (crypto, http): (&Arc<CryptoProvider>, Option<HttpClient>),
    cancel: CancellationToken,
    report: &mut PeerReport,
) -> Result<(), SyntheticError> {
    let started = Instant::now();
    let target = &opts.target;
    let tls = target.tls_root_pem.as_deref();
    let join = target.join_request("broadcaster", format!("synthetic-b{index}"));
    let mut finder = NodeFinder::new(&target.url, &target.fallback_urls, http);
    let mut talker = Talker::new(opts, index, stream_id, started, report);
    let mut url = target.url.clone();
    let mut moving: Option<Move> = None;
    let mut moves = 0;
    loop {
        let (result, at) = match join_following_redirects(&url, tls, &join).await {
            Ok(mut signaling) => {
                // Joined: a move is over; the cluster's nodes, for the next one.
                moving = None;
                finder.learn(signaling.url()).await;
                let result = talker.sessions(&mut signaling, crypto, &cancel).await;
                let at = signaling.url().to_string();
                // Leave politely whatever happened, so the server frees everything at once.
                let _ = signaling.request("leave", json!({})).await;
                signaling.close().await;
                (result, at)
            }
            Err(e) => (Err(e), url.clone()),
        };
        // Its node went away or sent it elsewhere: join another (which sends it on to the
        // room's home, or becomes it) and produce again there.
        let next = match result {
            Ok(Left::Done) => return Ok(()),
            Ok(Left::Redirected(to)) if moves < MAX_MOVES && moving.is_none() && target.failover => {
                moving = Some(Move::new(&at));
                moves += 1;
                talker.on_media_reset(0);
                Some(to)
            }
            Ok(Left::Redirected(to)) => {
                return Err(SyntheticError::Protocol(format!(
                    "the node sent the peer to {to}: not followed (failover off, or {MAX_MOVES} moves)"
                )));
            }
            Err(e) if talker.report.connected && target.failover && !cancel.is_cancelled() => match &mut moving {
                Some(m) if worth_retrying(&e) => m.next(&mut finder).await,
                None if e.is_connection_lost() && moves < MAX_MOVES => {
                    // No other node known (a server on its own): the error as it was.
                    let Some(next) = moving.insert(Move::new(&at)).next(&mut finder).await else {
                        return Err(e);
                    };
                    moves += 1;
                    talker.on_media_reset(0);
                    Some(next)
                }
                _ => return Err(e),
            },
            Err(e) => return Err(e),
        };
        let Some(next) = next else {
            return Err(SyntheticError::Protocol(format!(
                "no other node took the broadcaster after {at} went away"
            )));
        };
        tracing::debug!(peer = index, from = at, to = next, "joining another node");
        url = signaling_url(&next);
    }
}

/// Connects to `url` and joins; a cluster node sends a broadcaster to the room's home node:
/// follows it (up to `MAX_REDIRECTS` times).
async fn join_following_redirects(
    url: &str,
    tls: Option<&str>,
    join: &Value,
) -> Result<SignalingClient, SyntheticError> {
    let mut url = url.to_string();
    let mut redirects = 0;
    loop {
        let signaling = SignalingClient::connect(&url, tls).await?;
        match signaling.request("join", join.clone()).await {
            Ok(_) => return Ok(signaling),
            Err(e) => {
                signaling.close().await;
                match e.redirect().filter(|_| redirects < MAX_REDIRECTS) {
                    Some(next) => {
                        url = next;
                        redirects += 1;
                    }
                    None => return Err(e.into()),
                }
            }
        }
    }
}

/// What a notification means for a broadcaster's session: it goes on (none), sets up again
/// (`mediaReset`), moves (`redirect`), or ends for good (a moderator's).
fn on_notification(n: &Value) -> Option<Result<Ended, SyntheticError>> {
    if let Some(ended) = final_notice(n) {
        return Some(Err(ended));
    }
    match (n["notification"].as_str(), n["data"]["url"].as_str()) {
        (Some("mediaReset"), _) => Some(Ok(Ended::MediaReset)),
        (Some("redirect"), Some(url)) => Some(Ok(Ended::Redirect(url.to_string()))),
        _ => None,
    }
}

/// How a broadcaster's session on one node ended without an error.
enum Left {
    /// The run is over.
    Done,
    /// The node sent it to the node at this URL (`redirect`, at its drain).
    Redirected(String),
}

/// One broadcaster's state across its media sessions (one per `mediaReset`): the sources keep
/// counting across, so viewers see one talker whose packets in between were never sent.
struct Talker<'a> {
    opts: &'a BroadcastOptions,
    index: usize,
    started: Instant,
    report: &'a mut PeerReport,
    codecs: CodecSetup,
    cname: String,
    audio: AudioSource,
    video: Option<VideoSource>,
    payload: Vec<u8>,
    events: Vec<Event>,
    audio_tick: Interval,
    video_tick: Interval,
    /// The connect deadline, then the end of the run.
    stop: Pin<Box<Sleep>>,
    rtc_timer: RtcTimer,
    /// When the last `mediaReset` arrived, until connected again.
    reset_at: Option<Instant>,
}

/// The media of one session: the send transport and its streams.
struct SendMedia {
    conn: Connection,
    audio_ssrc: Ssrc,
    video_ssrc: Option<Ssrc>,
}

/// How a media session ended without an error.
enum Ended {
    /// The run is over (its time is up, or it was cancelled).
    Run,
    /// The room's worker died: set up again.
    MediaReset,
    /// The node sent the peer to another node.
    Redirect(String),
}

impl<'a> Talker<'a> {
    fn new(
        opts: &'a BroadcastOptions,
        index: usize,
        stream_id: u32,
        started: Instant,
        report: &'a mut PeerReport,
    ) -> Talker<'a> {
        let video = opts
            .video
            .then(|| VideoSource::new(stream_id + 1, opts.seed).with_pattern(opts.video_pattern));
        let mut audio_tick = tokio::time::interval(AUDIO_PTIME);
        audio_tick.set_missed_tick_behavior(MissedTickBehavior::Burst);
        let mut video_tick = tokio::time::interval(frame_period(video.as_ref()));
        video_tick.set_missed_tick_behavior(MissedTickBehavior::Skip);
        Talker {
            opts,
            index,
            started,
            report,
            codecs: CodecSetup::BROADCAST,
            cname: format!("synthetic-{stream_id:08x}"),
            audio: AudioSource::new(stream_id, opts.seed, opts.speech),
            video,
            payload: vec![0u8; MAX_PAYLOAD],
            events: Vec::with_capacity(16),
            audio_tick,
            video_tick,
            stop: Box::pin(tokio::time::sleep(CONNECT_TIMEOUT)),
            rtc_timer: RtcTimer::new(),
            reset_at: None,
        }
    }

    /// Sets up media and sends until the end; after a `mediaReset` (the room's worker died),
    /// sets up again on the same signaling connection.
    async fn sessions(
        &mut self,
        signaling: &mut SignalingClient,
        crypto: &Arc<CryptoProvider>,
        cancel: &CancellationToken,
    ) -> Result<Left, SyntheticError> {
        loop {
            let media = Media {
                video: self.video.is_some(),
                topics: &self.opts.topics,
            };
            let setup = setup_media(signaling, &self.codecs, crypto, &self.cname, media).await;
            let (conn, audio_ssrc, video_ssrc) = match setup {
                Ok(setup) => setup,
                // The worker died while we were setting up: start over after its mediaReset.
                Err(e) if e.is_media_reset() => {
                    signaling.wait_notification("mediaReset", CONNECT_TIMEOUT).await?;
                    self.report.media_resets += 1;
                    self.reset_at = Some(Instant::now());
                    continue;
                }
                Err(e) => return Err(e),
            };
            let mut media = SendMedia {
                conn,
                audio_ssrc,
                video_ssrc,
            };
            match self.send(&mut media, signaling, cancel).await? {
                Ended::Run => return Ok(Left::Done),
                Ended::MediaReset => self.on_media_reset(media.conn.send_drops),
                Ended::Redirect(url) => return Ok(Left::Redirected(url)),
            }
        }
    }

    /// Sends (once connected) until the run ends, an error, or a `mediaReset`.
    async fn send(
        &mut self,
        m: &mut SendMedia,
        signaling: &mut SignalingClient,
        cancel: &CancellationToken,
    ) -> Result<Ended, SyntheticError> {
        let mut connected = false;
        loop {
            let next = m.conn.poll(&mut self.events)?;
            connected |= self.on_events();
            if connected {
                self.on_connected();
            } else if self.reset_at.is_some_and(|at| at.elapsed() >= CONNECT_TIMEOUT) {
                return Err(SyntheticError::ConnectTimeout(CONNECT_TIMEOUT));
            }
            self.rtc_timer.arm(next);
            tokio::select! {
                biased;
                _ = cancel.cancelled() => return Ok(Ended::Run),
                _ = &mut self.stop => return self.report.end_of_run(CONNECT_TIMEOUT).map(|()| Ended::Run),
                readable = m.conn.readable() => {
                    readable.map_err(SyntheticError::Io)?;
                    m.conn.receive(&mut self.events)?;
                }
                _ = self.rtc_timer.fired() => m.conn.timeout(Instant::now())?,
                _ = self.audio_tick.tick(), if connected => self.send_audio(m),
                _ = self.video_tick.tick(), if connected && self.video.is_some() => self.send_video_frame(m),
                notification = signaling.next_notification() => {
                    let Some(n) = notification else {
                        return Err(SyntheticError::Signaling(super::SignalingError::Closed));
                    };
                    if let Some(ended) = on_notification(&n) {
                        return ended;
                    }
                }
            }
        }
    }

    /// Drains str0m's events: true when the transport connected; key frame requests on the
    /// video make the next frame a key frame.
    fn on_events(&mut self) -> bool {
        let (connected, key_requests) = scan_events(self.events.drain(..), Mid::from(VIDEO_MID));
        if key_requests > 0 {
            self.report.key_frame_requests += key_requests;
            if let Some(v) = self.video.as_mut() {
                v.request_key_frame();
            }
        }
        connected
    }

    fn on_connected(&mut self) {
        if self.report.mark_connected(self.started, &self.opts.progress) {
            self.stop
                .as_mut()
                .reset(tokio::time::Instant::now() + self.opts.duration);
            tracing::debug!(peer = self.index, "synthetic broadcaster connected");
        }
        if let Some(at) = self.reset_at.take() {
            self.report.recovery = longest(self.report.recovery, at.elapsed());
            // Speak on from now, not in a burst of the ticks missed while reconnecting.
            self.audio_tick.reset();
            self.video_tick.reset();
        }
    }

    fn on_media_reset(&mut self, send_drops: u64) {
        if send_drops > 0 {
            tracing::debug!(
                peer = self.index,
                drops = send_drops,
                "datagrams dropped by a full socket"
            );
        }
        self.report.media_resets += 1;
        self.reset_at = Some(Instant::now());
        // The new video producer's viewers need a key frame to start.
        if let Some(v) = self.video.as_mut() {
            v.request_key_frame();
        }
        tracing::debug!(peer = self.index, "media reset: setting up again");
    }

    fn send_audio(&mut self, m: &mut SendMedia) {
        let p = self.audio.next_packet(epoch_us(), &mut self.payload);
        let write = RtpWrite::new(
            self.codecs.opus_pt.into(),
            p.ext_seq.into(),
            p.timestamp,
            Instant::now(),
            &self.payload[..p.len],
        )
        .marker(p.marker)
        .ext_vals(audio_extensions(p.level, p.voiced));
        if let Some(tx) = m.conn.rtc.direct_api().stream_tx(&m.audio_ssrc) {
            tx.write_rtp(write);
        }
        self.report.packets_sent += 1;
        Progress::add(&self.opts.progress.packets_sent, 1);
    }

    fn send_video_frame(&mut self, m: &mut SendMedia) {
        let (Some(v), Some(ssrc)) = (self.video.as_mut(), m.video_ssrc.as_ref()) else {
            return;
        };
        v.next_frame();
        let now = Instant::now();
        let mut sent = 0;
        while let Some(p) = v.next_packet(epoch_us(), &mut self.payload) {
            let write = RtpWrite::new(
                self.codecs.vp8_pt.into(),
                p.ext_seq.into(),
                p.timestamp,
                now,
                &self.payload[..p.len],
            )
            .marker(p.marker)
            .nackable(true);
            if let Some(tx) = m.conn.rtc.direct_api().stream_tx(ssrc) {
                tx.write_rtp(write);
            }
            sent += 1;
        }
        self.report.packets_sent += sent;
        self.report.key_frames_sent = v.key_frames_sent();
        Progress::add(&self.opts.progress.packets_sent, sent);
    }
}

/// The video frame period; an hour without video (its ticker never fires usefully).
fn frame_period(video: Option<&VideoSource>) -> Duration {
    video.map_or(Duration::from_secs(3600), |v| v.frame_period())
}

/// Whether `events` hold `Connected`, and how many key frame requests target `video_mid`.
fn scan_events(events: impl Iterator<Item = Event>, video_mid: Mid) -> (bool, u64) {
    let mut connected = false;
    let mut key_requests = 0;
    for event in events {
        match event {
            Event::Connected => connected = true,
            Event::KeyframeRequest(r) if r.mid == video_mid => key_requests += 1,
            _ => {}
        }
    }
    (connected, key_requests)
}

/// A packet's header extensions: its RFC 6464 level (-dBov, 0..=127; str0m takes dBov, so
/// negated) and voice activity.
fn audio_extensions(level: u8, voiced: bool) -> ExtensionValues {
    ExtensionValues {
        audio_level: Some(-(level as i8)),
        voice_activity: Some(voiced),
        ..ExtensionValues::default()
    }
}

/// The longer of a running maximum and `d`.
fn longest(current: Option<Duration>, d: Duration) -> Option<Duration> {
    Some(current.map_or(d, |c| c.max(d)))
}

/// What a broadcaster produces: audio, video too or not, and the producers' topic tags.
struct Media<'a> {
    video: bool,
    topics: &'a [String],
}

impl Media<'_> {
    /// A produce request's `appData`: the topics, when there are some.
    fn with_app_data(&self, mut request: Value) -> Value {
        if !self.topics.is_empty() {
            request["appData"] = json!({ "topics": self.topics });
        }
        request
    }
}

/// A send transport, connected, with an Opus producer (and a VP8 one with `video`).
async fn setup_media(
    signaling: &mut SignalingClient,
    codecs: &CodecSetup,
    crypto: &Arc<CryptoProvider>,
    cname: &str,
    media: Media<'_>,
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
            media.with_app_data(json!({
                "transportId": transport.transport_id,
                "kind": "audio",
                "rtpParameters": audio_parameters(codecs, *audio_ssrc, cname),
            })),
        )
        .await?;
    if !media.video {
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
            media.with_app_data(json!({
                "transportId": transport.transport_id,
                "kind": "video",
                "rtpParameters": video_parameters(codecs, *ssrc, *rtx, cname),
            })),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_tell_connected_and_count_video_key_requests() {
        assert_eq!(scan_events(std::iter::empty(), Mid::from(VIDEO_MID)), (false, 0));
        let events = vec![
            Event::IceConnectionStateChange(str0m::IceConnectionState::Checking),
            Event::Connected,
        ];
        assert_eq!(scan_events(events.into_iter(), Mid::from(VIDEO_MID)), (true, 0));
    }

    #[test]
    fn audio_level_goes_out_as_dbov() {
        let e = audio_extensions(30, true);
        assert_eq!((e.audio_level, e.voice_activity), (Some(-30), Some(true)));
        let silent = audio_extensions(127, false);
        assert_eq!((silent.audio_level, silent.voice_activity), (Some(-127), Some(false)));
    }

    #[test]
    fn longest_recovery_is_kept() {
        let s = Duration::from_secs;
        assert_eq!(longest(None, s(2)), Some(s(2)));
        assert_eq!(longest(Some(s(3)), s(2)), Some(s(3)));
        assert_eq!(longest(Some(s(1)), s(2)), Some(s(2)));
        assert_eq!(frame_period(None), s(3600), "no video, no frames");
    }

    #[test]
    fn producer_parameters_follow_the_codec_setup() {
        let codecs = CodecSetup::BROADCAST;
        let audio = audio_parameters(&codecs, 1234, "c");
        assert_eq!(audio["mid"], AUDIO_MID);
        assert_eq!(audio["codecs"][0]["payloadType"], codecs.opus_pt);
        assert_eq!(audio["encodings"][0]["ssrc"], 1234);
        let video = video_parameters(&codecs, 5, 6, "c");
        assert_eq!(video["mid"], VIDEO_MID);
        assert_eq!(video["encodings"][0]["rtx"]["ssrc"], 6);
        assert_eq!(
            video["codecs"].as_array().unwrap().len(),
            1 + usize::from(codecs.vp8_rtx_pt.is_some())
        );
    }
}
