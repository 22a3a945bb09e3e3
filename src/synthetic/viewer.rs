//! A synthetic viewer: join with receive capabilities, one recv transport, a consumer for every
//! producer in the room (present at join or announced later), and per-stream measurements of
//! every packet that arrives.

use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use serde_json::{json, Value};
use str0m::config::CryptoProvider;
use str0m::media::{KeyframeRequestKind, MediaKind, Mid};
use str0m::rtp::Ssrc;
use str0m::Event;
use tokio::time::{Interval, Sleep};
use tokio_util::sync::CancellationToken;

use super::broadcaster::CONNECT_TIMEOUT;
use super::connection::{CodecSetup, Connection, RtcTimer, ABS_SEND_TIME_URI, AUDIO_LEVEL_URI};
use super::failover::{final_notice, worth_retrying, Move, NodeFinder, MAX_MOVES, MOVE_TIMEOUT};
use super::feed_check::FeedCheck;
use super::media::{MediaStamp, AUDIO_CLOCK_RATE, VIDEO_CLOCK_RATE};
use super::received_stream::{latency_histogram, StreamStats};
use super::report::{run_peers, PacketCounter, PeerReport, StreamReport};
use super::signaling::{signaling_url, SignalingClient, MAX_REDIRECTS};
use super::taste::{Reaction, Taste};
use super::{epoch_us, Progress, Report, SignalingError, SyntheticError, ViewerOptions};
use crate::http_client::HttpClient;
use crate::protocol::{ConsumeResponse, ErrorCode, SubscribeFeedResponse};

pub(crate) async fn run(options: ViewerOptions) -> Result<Report, SyntheticError> {
    let crypto = Arc::new(str0m::crypto::from_feature_flags());
    // One client for every peer's `/cluster/nodes` reads (see `NodeFinder::new`).
    let http = HttpClient::new(options.target.tls_root_pem.as_deref()).ok();
    let opts = Arc::new(options);
    let report = run_peers(
        "viewer",
        opts.count,
        opts.ramp,
        &opts.cancel,
        &opts.progress,
        PacketCounter::Received,
        |index, cancel| {
            let opts = Arc::clone(&opts);
            let crypto = Arc::clone(&crypto);
            let http = http.clone();
            async move {
                let mut viewer = Viewer::new(index);
                if let Err(e) = viewer.run(&opts, (&crypto, http), cancel).await {
                    tracing::warn!(peer = index, error = %e, "synthetic viewer failed");
                    viewer.report.error = Some(e.to_string());
                    if !viewer.report.connected {
                        Progress::add(&opts.progress.failed, 1);
                    }
                }
                viewer.finish()
            }
        },
    )
    .await;
    Ok(report)
}

/// One consumed stream.
struct Stream {
    ssrc: Ssrc,
    consumer_id: String,
    producer_id: String,
    kind: MediaKind,
    stats: StreamStats,
    resumed_at: Instant,
    /// When this viewer sent its PLI, until a key frame answers it.
    pli_pending: Option<Instant>,
    pli_sent: bool,
    first_video_at: Option<Instant>,
}

struct Viewer {
    report: PeerReport,
    /// Feed mode: the checks on the rerouted stream (its one consumer is `streams[0]`).
    feed: Option<FeedCheck>,
    streams: Vec<Stream>,
    latency: Histogram<u64>,
    /// Latencies recorded since the last publication to the run's [`Progress`].
    pending_latency: Vec<u64>,
    /// Consumers of closed producers, kept for the report.
    closed: Vec<Stream>,
    /// When the last `mediaReset` arrived, until the first packet after it.
    reset_at: Option<Instant>,
    /// Looking for another node since its own went away (or sent it elsewhere).
    moving: Option<Move>,
    /// When the network change was acted out, until the first packet after it.
    network_changed_at: Option<Instant>,
    /// `--taste`: the hidden taste, and the skip it wants armed (`Some(None)`: disarm).
    taste: Option<Taste>,
    skip_plan: Option<Option<Instant>>,
    /// The policy picking for the feed, as `subscribeFeed` said.
    recommender: Option<String>,
}

/// The media of one session: the recv transport, and when the peer started.
/// What a viewer's session on one node borrows from its run.
struct Session<'a> {
    started: Instant,
    timers: &'a mut ViewerTimers,
    finder: &'a mut NodeFinder,
}

struct RecvMedia<'a> {
    conn: &'a mut Connection,
    transport_id: &'a str,
    started: Instant,
}

/// How a media session ended without an error.
enum Ended {
    /// The run is over (its time is up, or it was cancelled).
    Run,
    /// The room's worker died: set up again.
    MediaReset,
    /// The node sent the peer to another node (`redirect`, at its drain).
    Redirect(String),
}

/// How a viewer's session on one node ended without an error.
enum Left {
    /// The run is over.
    Done,
    /// The node sent it to the node at this URL.
    Redirected(String),
}

/// A viewer's timers for its whole session, reset rather than re-created.
struct ViewerTimers {
    /// The connect deadline, then the end of the run.
    stop: Pin<Box<Sleep>>,
    rtc: RtcTimer,
    pli_check: Interval,
    /// The network changes `network_change_every` asks for, armed when first connected.
    network_change: Pin<Box<Sleep>>,
    network_change_armed: bool,
    /// `--taste`: when to skip the utterance playing.
    skip: Pin<Box<Sleep>>,
    skip_armed: bool,
}

impl ViewerTimers {
    fn new() -> ViewerTimers {
        ViewerTimers {
            stop: Box::pin(tokio::time::sleep(CONNECT_TIMEOUT)),
            rtc: RtcTimer::new(),
            pli_check: tokio::time::interval(Duration::from_millis(100)),
            network_change: Box::pin(tokio::time::sleep(Duration::ZERO)),
            network_change_armed: false,
            skip: Box::pin(tokio::time::sleep(Duration::ZERO)),
            skip_armed: false,
        }
    }

    /// Starts the run's clock, and the network changes' when asked for.
    fn on_first_connected(&mut self, opts: &ViewerOptions) {
        self.stop.as_mut().reset(tokio::time::Instant::now() + opts.duration);
        if let Some(every) = opts.network_change_every {
            self.network_change.as_mut().reset(tokio::time::Instant::now() + every);
            self.network_change_armed = true;
        }
    }
}

/// The producers a `join` answer lists.
fn producer_ids(joined: &Value) -> Vec<String> {
    joined["producers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["producerId"].as_str().map(str::to_string))
        .collect()
}

impl Viewer {
    fn new(index: usize) -> Viewer {
        Viewer {
            report: PeerReport {
                index,
                ..PeerReport::default()
            },
            feed: None,
            streams: Vec::new(),
            latency: latency_histogram(),
            pending_latency: Vec::new(),
            closed: Vec::new(),
            reset_at: None,
            moving: None,
            network_changed_at: None,
            taste: None,
            skip_plan: None,
            recommender: None,
        }
    }

    async fn run(
        &mut self,
        opts: &ViewerOptions,
        (crypto, http): (&Arc<CryptoProvider>, Option<HttpClient>),
        cancel: CancellationToken,
    ) -> Result<(), SyntheticError> {
        let started = Instant::now();
        let target = &opts.target;
        let tls = target.tls_root_pem.as_deref();
        // Kept across nodes: the run ends `duration` after the first connection.
        let mut timers = ViewerTimers::new();
        let mut finder = NodeFinder::new(&target.url, &target.fallback_urls, http);
        let mut url = target.url.clone();
        let mut moves = 0;
        loop {
            let (result, at) = match SignalingClient::connect(&url, tls).await {
                Ok(mut signaling) => {
                    let session = Session {
                        started,
                        timers: &mut timers,
                        finder: &mut finder,
                    };
                    let result = self
                        .session(opts, crypto, cancel.clone(), &mut signaling, session)
                        .await;
                    let at = signaling.url().to_string();
                    let _ = signaling.request("leave", json!({})).await;
                    signaling.close().await;
                    (result, at)
                }
                Err(e) => (Err(e.into()), url.clone()),
            };
            // Its node went away or sent it elsewhere: join another, set media up again there.
            let next = match result {
                Ok(Left::Done) => return Ok(()),
                Ok(Left::Redirected(to)) if moves < MAX_MOVES && target.failover => {
                    self.start_move(&at, &mut moves);
                    Some(to)
                }
                Ok(Left::Redirected(to)) => {
                    return Err(SyntheticError::Protocol(format!(
                        "the node sent the peer to {to}: not followed (failover off, or {MAX_MOVES} moves)"
                    )));
                }
                Err(e) if self.report.connected && target.failover && self.may_move(&e, moves) => {
                    let fresh = self.moving.is_none();
                    let next = self
                        .moving
                        .get_or_insert_with(|| Move::new(&at))
                        .next(&mut finder)
                        .await;
                    match (fresh, next) {
                        // No other node known (a server on its own): the error as it was.
                        (true, None) => {
                            self.moving = None;
                            return Err(e);
                        }
                        (true, Some(next)) => {
                            moves += 1;
                            self.on_media_reset();
                            Some(next)
                        }
                        (false, next) => next,
                    }
                }
                Err(e) => return Err(e),
            };
            let Some(next) = next else {
                return Err(SyntheticError::Protocol(format!(
                    "no other node took the viewer after {at} went away"
                )));
            };
            tracing::debug!(peer = self.report.index, from = at, to = next, "joining another node");
            url = signaling_url(&next);
        }
    }

    /// Whether the viewer looks for another node after `e`: its node went away, or (while it
    /// moves) a node it tried could not take it.
    fn may_move(&self, e: &SyntheticError, moves: usize) -> bool {
        match &self.moving {
            Some(m) => worth_retrying(e) && m.since.elapsed() < MOVE_TIMEOUT,
            None => e.is_connection_lost() && moves < MAX_MOVES,
        }
    }

    /// Starts moving away from node `gone` (if not moving already): a media reset.
    fn start_move(&mut self, gone: &str, moves: &mut usize) {
        if self.moving.is_none() {
            self.moving = Some(Move::new(gone));
            *moves += 1;
            self.on_media_reset();
        }
    }

    async fn session(
        &mut self,
        opts: &ViewerOptions,
        crypto: &Arc<CryptoProvider>,
        cancel: CancellationToken,
        signaling: &mut SignalingClient,
        session: Session<'_>,
    ) -> Result<Left, SyntheticError> {
        let Session {
            started,
            timers,
            finder,
        } = session;
        if let (true, Some(seed), None) = (opts.feed, opts.taste, &self.taste) {
            self.taste = Some(Taste::new(seed, self.report.index, Instant::now(), opts.duration));
        }
        let (codecs, mut producers) = self.join(opts, signaling).await?;
        // Joined: a move is over; the cluster's nodes, for the next one.
        self.moving = None;
        finder.learn(signaling.url()).await;
        if opts.feed && self.feed.is_none() {
            self.feed = Some(FeedCheck::default());
        }
        // Set up media, receive until the end; after a `mediaReset` (the room's worker died),
        // set up again on the same signaling connection.
        loop {
            let setup = self
                .setup_media(opts, crypto, signaling, &codecs, std::mem::take(&mut producers))
                .await;
            let (mut conn, transport_id) = match setup {
                Ok(setup) => setup,
                // The worker died while we were setting up: start over after its mediaReset.
                Err(e) if e.is_media_reset() => {
                    signaling.wait_notification("mediaReset", CONNECT_TIMEOUT).await?;
                    self.on_media_reset();
                    continue;
                }
                Err(e) => return Err(e),
            };
            let media = RecvMedia {
                conn: &mut conn,
                transport_id: &transport_id,
                started,
            };
            match self.receive(opts, &cancel, signaling, media, timers).await? {
                Ended::Run => return Ok(Left::Done),
                Ended::MediaReset => self.on_media_reset(),
                Ended::Redirect(url) => return Ok(Left::Redirected(url)),
            }
        }
    }

    /// Joins with receive capabilities: the codecs to expect, and the producers already there.
    async fn join(
        &mut self,
        opts: &ViewerOptions,
        signaling: &mut SignalingClient,
    ) -> Result<(CodecSetup, Vec<String>), SyntheticError> {
        let mut redirects = 0;
        let (codecs, joined) = loop {
            let caps = signaling.request("getRouterRtpCapabilities", json!({})).await?;
            let router_caps = &caps["routerRtpCapabilities"];
            let codecs = CodecSetup::from_router_capabilities(router_caps)?;
            let mut join = opts
                .target
                .join_request("viewer", format!("synthetic-v{}", self.report.index));
            join["rtpCapabilities"] = receive_capabilities(router_caps);
            match signaling.request("join", join).await {
                Ok(joined) => break (codecs, joined),
                // A cluster node over its load sends viewers to another node: follow it.
                Err(e) => match e.redirect().filter(|_| redirects < MAX_REDIRECTS) {
                    Some(next) => {
                        let old = std::mem::replace(
                            signaling,
                            SignalingClient::connect(&next, opts.target.tls_root_pem.as_deref()).await?,
                        );
                        old.close().await;
                        redirects += 1;
                    }
                    None => return Err(e.into()),
                },
            }
        };
        if let Some(taste) = &mut self.taste {
            for p in joined["peers"].as_array().into_iter().flatten() {
                if let (Some(id), Some(name)) = (p["peerId"].as_str(), p["displayName"].as_str()) {
                    taste.peer_named(id, name, p["role"] == "broadcaster");
                }
            }
        }
        Ok((codecs, producer_ids(&joined)))
    }

    /// Receives until the run ends, an error, or a `mediaReset`.
    async fn receive(
        &mut self,
        opts: &ViewerOptions,
        cancel: &CancellationToken,
        signaling: &mut SignalingClient,
        media: RecvMedia<'_>,
        t: &mut ViewerTimers,
    ) -> Result<Ended, SyntheticError> {
        let RecvMedia {
            conn,
            transport_id,
            started,
        } = media;
        // Connected again after a reset: the new transport has until this to connect.
        let mut reconnect_by = self.reset_at.map(|t| t + CONNECT_TIMEOUT);
        let mut connected = false;
        let mut events = Vec::with_capacity(64);
        loop {
            let next = conn.poll(&mut events)?;
            connected |= self.on_events(&mut events, &opts.progress);
            if connected && self.report.mark_connected(started, &opts.progress) {
                t.on_first_connected(opts);
            }
            if connected {
                reconnect_by = None;
            } else if reconnect_by.is_some_and(|t| Instant::now() >= t) {
                return Err(SyntheticError::ConnectTimeout(CONNECT_TIMEOUT));
            }
            t.rtc.arm(next);
            match self.skip_plan.take() {
                Some(Some(at)) => {
                    t.skip.as_mut().reset(at.into());
                    t.skip_armed = true;
                }
                Some(None) => t.skip_armed = false,
                None => {}
            }
            tokio::select! {
                biased;
                _ = cancel.cancelled() => return Ok(Ended::Run),
                _ = &mut t.stop => return self.report.end_of_run(CONNECT_TIMEOUT).map(|()| Ended::Run),
                readable = conn.readable() => {
                    readable.map_err(SyntheticError::Io)?;
                    conn.receive(&mut events)?;
                }
                _ = t.rtc.fired() => conn.timeout(Instant::now())?,
                _ = t.pli_check.tick(), if opts.pli_after.is_some() => self.send_plis(conn, opts.pli_after),
                _ = &mut t.skip, if t.skip_armed => {
                    t.skip_armed = false;
                    self.send_skip(signaling).await;
                }
                _ = &mut t.network_change, if t.network_change_armed => {
                    self.change_network(signaling, conn, transport_id).await?;
                    if let Some(every) = opts.network_change_every {
                        t.network_change.as_mut().reset(tokio::time::Instant::now() + every);
                    }
                }
                notification = signaling.next_notification() => {
                    let Some(n) = notification else {
                        return Err(SyntheticError::Signaling(SignalingError::Closed));
                    };
                    if n["notification"] == "mediaReset" {
                        return Ok(Ended::MediaReset);
                    }
                    if let (true, Some(url)) = (n["notification"] == "redirect", n["data"]["url"].as_str()) {
                        return Ok(Ended::Redirect(url.to_string()));
                    }
                    if let Some(ended) = final_notice(&n) {
                        return Err(ended);
                    }
                    self.on_notification(signaling, conn, transport_id, &n).await?;
                }
            }
        }
    }

    /// Drains str0m's events into the streams' measurements: true when the transport connected.
    fn on_events(&mut self, events: &mut Vec<Event>, progress: &Progress) -> bool {
        let mut connected = false;
        let mut received = 0;
        let before = self.live_counts();
        for event in events.drain(..) {
            match event {
                Event::Connected => connected = true,
                Event::RtpPacket(packet) => {
                    received += 1;
                    self.on_packet(&packet);
                }
                _ => {}
            }
        }
        if received > 0 {
            Progress::add(&progress.packets_received, received);
            self.publish_live(before, progress);
        }
        connected
    }

    /// Live streams' (expected, distinct received) packets so far.
    fn live_counts(&self) -> (u64, u64) {
        if self.feed.is_some() {
            return (0, 0);
        }
        self.streams.iter().fold((0, 0), |(e, c), s| {
            (e + s.stats.expected(), c + s.stats.expected() - s.stats.lost())
        })
    }

    /// Adds what the last events changed to the run's live counters.
    fn publish_live(&mut self, before: (u64, u64), progress: &Progress) {
        let after = self.live_counts();
        Progress::add(&progress.packets_expected, after.0.saturating_sub(before.0));
        Progress::add(&progress.packets_counted, after.1.saturating_sub(before.1));
        for us in self.pending_latency.drain(..) {
            progress.latency.record(us);
        }
    }

    /// A recv transport, connected, with a consumer for each of `producers` (or the feed).
    async fn setup_media(
        &mut self,
        opts: &ViewerOptions,
        crypto: &Arc<CryptoProvider>,
        signaling: &mut SignalingClient,
        codecs: &CodecSetup,
        producers: Vec<String>,
    ) -> Result<(Connection, String), SyntheticError> {
        let (mut conn, transport) = Connection::create(signaling, "recv", codecs, crypto).await?;
        let transport_id = transport.transport_id.to_string();
        if opts.feed {
            let feed: SubscribeFeedResponse = signaling
                .call(
                    "subscribeFeed",
                    json!({"transportId": transport_id, "video": opts.video}),
                )
                .await?;
            self.recommender = feed.recommender;
            if !opts.mute.is_empty() {
                signaling
                    .request("setPreferences", json!({"favour": [], "mute": opts.mute}))
                    .await?;
            }
            self.add_stream(signaling, &mut conn, feed.audio, "feed").await?;
            if let Some(video) = feed.video {
                self.add_stream(signaling, &mut conn, video, "feed-video").await?;
            } else if opts.video {
                return Err(SyntheticError::Protocol("subscribeFeed gave no video consumer".into()));
            }
        } else {
            for id in &producers {
                self.consume(signaling, &mut conn, &transport_id, id).await?;
            }
        }
        Ok((conn, transport_id))
    }

    /// Acts out a network change: `restartIce`, then a new local socket with the new ICE
    /// credentials; the server moves the transport to the new address.
    async fn change_network(
        &mut self,
        signaling: &SignalingClient,
        conn: &mut Connection,
        transport_id: &str,
    ) -> Result<(), SyntheticError> {
        let restarted = signaling
            .request("restartIce", json!({"transportId": transport_id}))
            .await?;
        let local = conn.change_network(&restarted["iceParameters"]).await?;
        self.report.network_changes += 1;
        self.network_changed_at = Some(Instant::now());
        tracing::debug!(peer = self.report.index, %local, "network change: ICE restarted on a new socket");
        Ok(())
    }

    /// The room moved to a new router: every consumer is gone. Their streams are finished (kept
    /// for the report); the feed's continuity starts over on the new stream.
    fn on_media_reset(&mut self) {
        self.report.media_resets += 1;
        self.reset_at = Some(Instant::now());
        self.closed.append(&mut self.streams);
        if let Some(feed) = &mut self.feed {
            feed.restart_stream();
        }
        tracing::debug!(peer = self.report.index, "media reset: setting up again");
    }

    /// Creates a consumer, declares its stream to str0m, and resumes it.
    async fn consume(
        &mut self,
        signaling: &SignalingClient,
        conn: &mut Connection,
        transport_id: &str,
        producer_id: &str,
    ) -> Result<(), SyntheticError> {
        if self.streams.iter().any(|s| s.producer_id == producer_id) {
            return Ok(());
        }
        let consumer: ConsumeResponse = match signaling
            .call(
                "consume",
                json!({"transportId": transport_id, "producerId": producer_id}),
            )
            .await
        {
            Ok(c) => c,
            // The producer closed between the announcement and our request (or died with the
            // room's worker, and mediaReset is on its way): nothing to consume.
            Err(e) if matches!(e.code(), Some(ErrorCode::NotFound | ErrorCode::MediaReset)) => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        self.add_stream(signaling, conn, consumer, producer_id).await
    }

    /// Declares a consumer's stream to str0m and resumes the consumer.
    async fn add_stream(
        &mut self,
        signaling: &SignalingClient,
        conn: &mut Connection,
        consumer: ConsumeResponse,
        producer_id: &str,
    ) -> Result<(), SyntheticError> {
        let params =
            serde_json::to_value(&consumer.rtp_parameters).map_err(|e| SyntheticError::Protocol(e.to_string()))?;
        let encoding = &params["encodings"][0];
        let ssrc = encoding["ssrc"]
            .as_u64()
            .and_then(|s| u32::try_from(s).ok())
            .ok_or_else(|| SyntheticError::Protocol("consumer without an SSRC".into()))?;
        let rtx = encoding["rtx"]["ssrc"].as_u64().and_then(|s| u32::try_from(s).ok());
        let mid = params["mid"].as_str().unwrap_or_default();
        if mid.is_empty() || mid.len() > 16 {
            return Err(SyntheticError::Protocol(format!("consumer mid {mid:?}")));
        }
        let mid = Mid::from(mid);
        let (kind, clock) = match consumer.kind {
            mediasoup::prelude::MediaKind::Audio => (MediaKind::Audio, AUDIO_CLOCK_RATE),
            mediasoup::prelude::MediaKind::Video => (MediaKind::Video, VIDEO_CLOCK_RATE),
        };
        {
            let mut api = conn.rtc.direct_api();
            api.declare_media(mid, kind);
            api.expect_stream_rx(ssrc.into(), rtx.map(Ssrc::from), mid, None);
        }
        let consumer_id = consumer.consumer_id.to_string();
        match signaling
            .request("resumeConsumer", json!({"consumerId": consumer_id}))
            .await
        {
            Ok(_) => {}
            // Its producer closed meanwhile (consumerClosed or mediaReset is on its way): nothing
            // to receive.
            Err(e) if matches!(e.code(), Some(ErrorCode::NotFound | ErrorCode::MediaReset)) => {
                conn.rtc.direct_api().remove_stream_rx(ssrc.into());
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        }
        self.streams.push(Stream {
            ssrc: ssrc.into(),
            consumer_id,
            producer_id: producer_id.to_string(),
            kind,
            stats: StreamStats::new(clock),
            resumed_at: Instant::now(),
            pli_pending: None,
            pli_sent: false,
            first_video_at: None,
        });
        Ok(())
    }

    async fn on_notification(
        &mut self,
        signaling: &SignalingClient,
        conn: &mut Connection,
        transport_id: &str,
        n: &Value,
    ) -> Result<(), SyntheticError> {
        let data = &n["data"];
        match n["notification"].as_str() {
            Some("feedSwitched") => {
                if let Some(feed) = &mut self.feed {
                    feed.on_switch();
                }
                self.react(signaling, data).await;
            }
            Some("feedWaiting") => {
                if let Some(feed) = &mut self.feed {
                    feed.on_wait();
                }
                if let Some(taste) = &mut self.taste {
                    taste.on_wait(Instant::now());
                    self.skip_plan = Some(None);
                }
            }
            Some("peerJoined") => {
                if let (Some(taste), Some(id), Some(name)) =
                    (&mut self.taste, data["peerId"].as_str(), data["displayName"].as_str())
                {
                    taste.peer_named(id, name, data["role"] == "broadcaster");
                }
            }
            Some("newProducer") if self.feed.is_none() => {
                if let Some(id) = data["producerId"].as_str() {
                    self.consume(signaling, conn, transport_id, id).await?;
                }
            }
            Some("consumerClosed") => {
                if let Some(id) = data["consumerId"].as_str() {
                    if let Some(i) = self.streams.iter().position(|s| s.consumer_id == id) {
                        let stream = self.streams.swap_remove(i);
                        conn.rtc.direct_api().remove_stream_rx(stream.ssrc);
                        self.closed.push(stream);
                    }
                }
            }
            Some("serverShutdown") => {
                return Err(SyntheticError::Protocol("the server is shutting down".into()));
            }
            // producerClosed is followed by consumerClosed; peers coming and going need nothing.
            _ => {}
        }
        Ok(())
    }

    /// `--taste`: a new utterance plays; like it now, or plan to skip it.
    async fn react(&mut self, signaling: &SignalingClient, data: &Value) {
        let Some(taste) = &mut self.taste else {
            return;
        };
        let str_of = |k: &str| data[k].as_str().unwrap_or_default();
        let reaction = taste.on_switch(
            Instant::now(),
            str_of("reason"),
            str_of("speakerPeerId"),
            str_of("speakerUid"),
        );
        match reaction {
            Reaction::Like => {
                self.skip_plan = Some(None);
                if let Err(e) = signaling.request("like", json!({})).await {
                    tracing::debug!(error = %e, "like refused");
                }
            }
            Reaction::SkipAt(at) => self.skip_plan = Some(Some(at)),
        }
    }

    async fn send_skip(&mut self, signaling: &SignalingClient) {
        if let Some(taste) = &mut self.taste {
            taste.on_skip_sent();
        }
        if let Err(e) = signaling.request("skip", json!({})).await {
            tracing::debug!(error = %e, "skip refused");
        }
    }

    fn on_packet(&mut self, packet: &str0m::rtp::RtpPacket) {
        let ssrc = packet.header.ssrc;
        let Some(stream) = self.streams.iter_mut().find(|s| s.ssrc == ssrc) else {
            return;
        };
        if let Some(changed_at) = self.network_changed_at.take() {
            let recovery = changed_at.elapsed();
            let r = &mut self.report.network_change_recovery;
            *r = Some(r.map_or(recovery, |r| r.max(recovery)));
        }
        if let Some(reset_at) = self.reset_at.take() {
            let recovery = reset_at.elapsed();
            self.report.recovery = Some(self.report.recovery.map_or(recovery, |r| r.max(recovery)));
        }
        let now_us = epoch_us();
        let (stamp, key_frame) = match stream.kind {
            MediaKind::Audio => (MediaStamp::from_audio_payload(&packet.payload), false),
            MediaKind::Video => match MediaStamp::from_vp8_payload(&packet.payload) {
                Some((stamp, info)) => (Some(stamp), info.key_frame),
                None => (None, false),
            },
        };
        let Some(stamp) = stamp else {
            stream.stats.foreign += 1;
            return;
        };
        if let Some(feed) = &mut self.feed {
            // One stream per kind whose source changes: continuity is checked by the feed
            // check, and latency is from the speaker's send time to now (replay delay included).
            let h = &packet.header;
            match stream.kind {
                MediaKind::Audio => {
                    feed.on_packet(h.sequence_number, h.timestamp, h.marker, h.ext_vals.audio_level, &stamp)
                }
                MediaKind::Video => {
                    feed.on_video_packet(h.sequence_number, h.timestamp, key_frame, &stamp);
                    if stream.first_video_at.is_none() {
                        stream.first_video_at = Some(Instant::now());
                    }
                    if key_frame {
                        stream.stats.key_frames += 1;
                        if let Some(sent) = stream.pli_pending.take() {
                            self.report.plis_answered += 1;
                            let waited = sent.elapsed();
                            self.report.pli_answer_max =
                                Some(self.report.pli_answer_max.map_or(waited, |m| m.max(waited)));
                        }
                    }
                }
            }
            stream.stats.received += 1;
            if stream.stats.first_packet_after.is_none() {
                stream.stats.first_packet_after = Some(stream.resumed_at.elapsed());
            }
            let latency = now_us.saturating_sub(stamp.send_time_us).max(1);
            let _ = self.latency.record(latency);
            self.pending_latency.push(latency);
            return;
        }
        let since = stream.resumed_at.elapsed();
        if let Some(latency) = stream.stats.record(&stamp, packet.header.timestamp, now_us, since) {
            let _ = self.latency.record(latency.max(1));
            self.pending_latency.push(latency.max(1));
            if key_frame {
                stream.stats.key_frames += 1;
                if let Some(sent) = stream.pli_pending.take() {
                    self.report.plis_answered += 1;
                    let waited = sent.elapsed();
                    self.report.pli_answer_max = Some(self.report.pli_answer_max.map_or(waited, |m| m.max(waited)));
                }
            }
        }
        if stream.kind == MediaKind::Video && stream.first_video_at.is_none() {
            stream.first_video_at = Some(Instant::now());
        }
    }

    /// Sends the one PLI per video stream that `pli_after` asks for.
    fn send_plis(&mut self, conn: &mut Connection, pli_after: Option<Duration>) {
        let Some(after) = pli_after else { return };
        for s in &mut self.streams {
            let due = s.first_video_at.is_some_and(|t| t.elapsed() >= after);
            if s.kind == MediaKind::Video && !s.pli_sent && due {
                if let Some(rx) = conn.rtc.direct_api().stream_rx(&s.ssrc) {
                    rx.request_keyframe(KeyframeRequestKind::Pli);
                    s.pli_sent = true;
                    s.pli_pending = Some(Instant::now());
                    self.report.plis_sent += 1;
                }
            }
        }
    }

    fn finish(mut self) -> PeerReport {
        let streams = self.closed.into_iter().chain(self.streams);
        self.report.streams = streams
            .map(|s| {
                let kind = if s.kind == MediaKind::Audio { "audio" } else { "video" };
                StreamReport::new(s.producer_id, kind, &s.stats)
            })
            .collect();
        self.report.latency = Some(self.latency);
        self.report.feed = self.feed.map(FeedCheck::finish);
        if let Some(feed) = &mut self.report.feed {
            feed.recommender = self.recommender;
            if let Some(taste) = &self.taste {
                feed.taste = Some(taste.report);
                feed.hearing = Some(taste.hearing());
            }
        }
        self.report
    }
}

/// What a synthetic viewer can receive: the router's Opus, VP8 and its RTX, with NACK/PLI/FIR
/// for video, and only the header extensions we read (audio level, abs-send-time). Leaving out
/// transport-cc spares mediasoup and us the feedback traffic a bot has no use for.
pub fn receive_capabilities(router: &Value) -> Value {
    let mime = |c: &Value| c["mimeType"].as_str().unwrap_or_default().to_ascii_lowercase();
    let vp8_pt = router["codecs"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| mime(c) == "video/vp8")
        .map(|c| c["preferredPayloadType"].clone());
    let wanted_codec = |c: &&Value| match mime(c).as_str() {
        "audio/opus" | "video/vp8" => true,
        "video/rtx" => vp8_pt.as_ref() == Some(&c["parameters"]["apt"]),
        _ => false,
    };
    let codecs: Vec<Value> = router["codecs"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(wanted_codec)
        .map(|c| {
            let mut c = c.clone();
            if let Some(fb) = c["rtcpFeedback"].as_array() {
                let kept: Vec<Value> = fb
                    .iter()
                    .filter(|f| matches!(f["type"].as_str(), Some("nack" | "ccm")))
                    .cloned()
                    .collect();
                c["rtcpFeedback"] = Value::Array(kept);
            }
            c
        })
        .collect();
    let exts: Vec<Value> = router["headerExtensions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["uri"] == AUDIO_LEVEL_URI || e["uri"] == ABS_SEND_TIME_URI)
        .cloned()
        .collect();
    json!({"codecs": codecs, "headerExtensions": exts})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn producers_listed_at_join() {
        let joined =
            json!({"producers": [{"producerId": "a", "kind": "audio"}, {"kind": "video"}, {"producerId": "b"}]});
        assert_eq!(producer_ids(&joined), ["a", "b"]);
        assert!(producer_ids(&json!({})).is_empty());
    }
}
