//! The feed engine: the one task that drives every viewer's [`Feed`] with a [`Pacer`] and sends
//! their packets to each viewer's DirectTransport producer, all of a turn's packets for one
//! DirectTransport in one message ([`Outboxes`]).
//!
//! Everything else talks to it with commands (subscribe, skip, preferences, a speaker's onset or
//! departure, a viewer's key frame request), so the feeds themselves need no lock and the
//! per-packet path takes none. A feed is set up here too ([`FeedEngine::plan`], then
//! [`FeedEngine::subscribe`] with the producers the peer made from the plan): SSRCs, rewriter
//! settings, the store and the recommender are the engine's business, not the peer's.
//!
//! Key frames: a feed that needs one (its video switched to a speaker mid-GOP, or its viewer
//! sent a PLI, which mediasoup turns into RTCP on the room's DirectTransport and the room's
//! `FeedRtcp` routes here by SSRC) asks the playing speaker's camera
//! through [`KeyFrameSources`]. The viewer hears of switches as [`FeedEvent`]s on its link.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use mediasoup::consumer::{Consumer, WeakConsumer};
use mediasoup::direct_transport::{ConsumerAddress, DirectTransport};
use mediasoup::prelude::{Producer, RtpParameters, Transport as _, TransportId};
use mediasoup::producer::DirectProducer;
use rustc_hash::FxHashMap;
use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;

use super::external::{Answer, ExternalClient, Question};
use super::outbox::{Outboxes, Sent};
use super::rewriter::Timeline;
use super::shared::{Background, Changed, Due, Handles, Sharing};
use super::{
    Decision, ExternalStats, Feed, FeedConfig, FeedEvent, FeedOutput, FeedStats, Grid, NoneStarting, Pacer,
    RewriterConfig, StartingPlayouts,
};
use crate::buffer::{MediaKind, Removal, Removed, UtteranceStore};
use crate::codecs::FeedCodecs;
use crate::key_frames::KeyFrameSources;
use crate::link::{PeerEvent, PeerLink};
use crate::recommend::{Preferences, Recommender, ViewerContext};
use crate::stats::Percentiles;

/// The engine's tick: a due feed is polled at most this late.
const TICK: Duration = Duration::from_millis(2);
/// Pacer slots: ticks × slots covers a second, the longest usual wait.
const SLOTS: usize = 512;
/// With no feed due within a turn of the pacer's wheel, the engine looks again this often.
const IDLE_WAKE: Duration = Duration::from_millis(100);
/// Feeds start their utterances on a grid of this period (a multiple of [`TICK`]; an Opus
/// packet's length), so their packets leave in step: one burst to the worker per period.
const GRID: Duration = Duration::from_millis(20);
/// How often the latency percentiles are published.
const PUBLISH: Duration = Duration::from_secs(1);

/// Identifies one subscription in the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FeedKey(u64);

#[cfg(test)]
impl FeedKey {
    pub(crate) fn for_tests(key: u64) -> FeedKey {
        FeedKey(key)
    }
}

enum Command {
    Subscribe {
        key: FeedKey,
        feed: Box<Feed>,
        producers: FeedProducers,
        link: PeerLink,
    },
    Unsubscribe(FeedKey),
    /// The viewer asked for a video key frame (PLI/FIR on its feed consumer).
    KeyFrame(FeedKey),
    Skip(FeedKey),
    /// The viewer likes what its feed plays now (a signal for the recommender).
    Like(FeedKey),
    Preferences(FeedKey, Preferences),
    /// A speaker started an utterance in `room` (detected at the instant given): waiting feeds
    /// there look again now.
    Onset(Arc<str>, Instant),
    /// A speaker left `room`: feeds playing them switch now.
    SpeakerGone {
        room: Arc<str>,
        peer: Arc<str>,
    },
    /// A moderator takes utterances out of the buffer: done here, in the engine's turn, so
    /// that the feeds playing one switch before another packet of it (read ahead) is sent.
    Remove {
        which: Removal,
        done: oneshot::Sender<Removed>,
    },
}

/// Cheap handle to the engine task.
#[derive(Clone)]
pub(crate) struct FeedEngine {
    commands: mpsc::UnboundedSender<Command>,
    next_key: Arc<AtomicU64>,
    stats: Arc<EngineStats>,
    key_frames: Arc<KeyFrameSources>,
    store: UtteranceStore,
    recommender: Arc<dyn Recommender>,
    /// The policy's name (in `subscribeFeed`'s answer).
    name: &'static str,
    /// How long feeds wait for the external recommender (`None`: there is none).
    ask_external: Option<Duration>,
    experiment: Option<Arc<Arm>>,
    /// Where feeds start their utterances.
    grid: Grid,
    /// [`FeedConfig::join_window`] of every feed.
    join_window: Duration,
    /// Every feed's audio timestamps.
    timeline: Timeline,
}

/// Where feeds ask for decisions: their own recommender, and an outside service first if set.
pub(crate) struct Deciders {
    pub recommender: Arc<dyn Recommender>,
    /// `recommender`'s name, as the config spells it.
    pub name: &'static str,
    /// The external recommender's URL and how long a feed waits for its answer.
    pub external: Option<(http::Uri, Duration)>,
    /// An A/B experiment: another policy for a share of the viewers.
    pub experiment: Option<Arm>,
}

/// The experiment's arm of an A/B test: `percent` of the viewers (by a hash of their uid, so a
/// user stays in the same arm) get `recommender` instead of the main one.
pub(crate) struct Arm {
    pub name: &'static str,
    pub recommender: Arc<dyn Recommender>,
    pub percent: u8,
}

impl Arm {
    /// Whether the viewer with `uid` is in this arm: FNV-1a of the uid, mod 100 (stable across
    /// restarts and builds, unlike std's hasher).
    fn takes(&self, uid: &str) -> bool {
        crate::recommend::fnv1a(uid) % 100 < u64::from(self.percent)
    }
}

/// Utterances a feed remembers, so it does not repeat them: several minutes of listening (a
/// viewer who skips hears one every second or so), ~5 KiB per feed.
const FEED_HISTORY: usize = 128;

/// A feed about to be set up: its key and, per kind, the stream its producer is declared with
/// (SSRC, payload type, random initial sequence number and timestamp). The peer creates the
/// producers from [`FeedPlan::audio_parameters`] / [`FeedPlan::video_parameters`].
pub(crate) struct FeedPlan {
    key: FeedKey,
    audio: RewriterConfig,
    video: Option<RewriterConfig>,
    audio_parameters: RtpParameters,
    video_parameters: Option<RtpParameters>,
}

impl FeedPlan {
    #[cfg(test)]
    pub(crate) fn key(&self) -> FeedKey {
        self.key
    }

    pub fn audio_parameters(&self) -> RtpParameters {
        self.audio_parameters.clone()
    }

    pub fn video_parameters(&self) -> Option<RtpParameters> {
        self.video_parameters.clone()
    }
}

/// A feed's DirectTransport producers (audio, and video when asked for) and the transport they
/// live on, which the engine sends their packets through; the viewer's consumer of the audio
/// (moved to a shared playout's producer and back), its address on the transport (the feed's
/// own audio goes straight to it: `None` sends it to the producer) and the router's codecs.
pub(crate) struct FeedProducers {
    pub transport: DirectTransport,
    pub audio: DirectProducer,
    pub video: Option<DirectProducer>,
    pub audio_consumer: Consumer,
    pub audio_address: Option<ConsumerAddress>,
    pub codecs: FeedCodecs,
}

/// Who the feed is for.
pub(crate) struct FeedViewer {
    pub room: Arc<str>,
    pub peer: Arc<str>,
    pub uid: Arc<str>,
    pub link: PeerLink,
}

/// Counters for metrics and tests.
#[derive(Debug, Default)]
struct EngineStats {
    feeds: AtomicU64,
    packets: AtomicU64,
    switches: AtomicU64,
    send_errors: AtomicU64,
    messages: AtomicU64,
    shared_playouts: AtomicU64,
    shared_viewers: AtomicU64,
    shared_packets: AtomicU64,
    consumer_moves: AtomicU64,
    parked_consumers: AtomicU64,
    unparked_consumers: AtomicU64,
    video_packets: AtomicU64,
    addressed_packets: AtomicU64,
    key_frame_requests: AtomicU64,
    viewer_key_frame_requests: AtomicU64,
    /// External decisions by outcome: answered, timed out, failed, refused.
    external: [AtomicU64; 4],
    /// Published by the engine once per window: (lateness, onset to first packet).
    latency: parking_lot::Mutex<(Percentiles, Percentiles)>,
}

impl EngineStats {
    fn count(&self, sent: Sent) {
        if sent.messages > 0 {
            self.messages.fetch_add(sent.messages, Ordering::Relaxed);
        }
        if sent.failed_packets > 0 {
            self.send_errors.fetch_add(sent.failed_packets, Ordering::Relaxed);
        }
    }
}

/// The engine task's own latency histograms (µs), published as percentiles once a second, so the
/// per-packet path takes no lock.
struct Latency {
    lateness: Histogram<u64>,
    onset: Histogram<u64>,
    /// Feeds woken by an onset, and when the onset was seen, until their first packet.
    woken: FxHashMap<FeedKey, Instant>,
}

impl Latency {
    fn new() -> Latency {
        let h = || Histogram::new_with_bounds(1, 60_000_000, 3).expect("valid histogram bounds");
        Latency {
            lateness: h(),
            onset: h(),
            woken: FxHashMap::default(),
        }
    }

    fn on_packet(&mut self, key: FeedKey, now: Instant, due: Option<Instant>) {
        if let Some(due) = due {
            let _ = self.lateness.record(micros(now.saturating_duration_since(due)));
        }
        if let Some(onset) = self.woken.remove(&key) {
            let _ = self.onset.record(micros(now.saturating_duration_since(onset)));
        }
    }
}

fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX).max(1)
}

impl FeedEngine {
    /// Spawns the engine; it runs until `stop` is cancelled. Feeds read `store` and ask
    /// `deciders` what to play next; with `share_playouts`, feeds that start one utterance at
    /// one instant share a producer (see `shared`), and an utterance that follows one played to
    /// its end starts on a grid of `join_window` (`FeedConfig::join_window`).
    pub fn start(
        stop: CancellationToken,
        store: UtteranceStore,
        deciders: Deciders,
        share_playouts: bool,
        join_window: Duration,
    ) -> (FeedEngine, tokio::task::JoinHandle<()>) {
        let (commands, rx) = mpsc::unbounded_channel();
        let stats = Arc::new(EngineStats::default());
        let key_frames = Arc::new(KeyFrameSources::default());
        // The pacer's ticks and the feeds' grid share one origin, so grid instants are tick
        // boundaries.
        let origin = Instant::now();
        let timeline = Timeline {
            origin,
            base: rand::random(),
        };
        let mut task = EngineTask::new(origin, Arc::clone(&stats), Arc::clone(&key_frames), store.clone());
        task.sharing = Sharing::new(timeline, GRID, share_playouts);
        let ask_external = deciders.external.as_ref().map(|(_, patience)| *patience);
        let answers = deciders.external.map(|(url, patience)| {
            let (tx, answers) = mpsc::unbounded_channel();
            let (client, client_task) = ExternalClient::start(url, patience, tx, stop.clone());
            task.external = Some(client);
            (answers, client_task)
        });
        let task = tokio::spawn(task.run(rx, answers, stop));
        (
            FeedEngine {
                commands,
                next_key: Arc::new(AtomicU64::new(1)),
                stats,
                key_frames,
                store,
                recommender: deciders.recommender,
                name: deciders.name,
                ask_external,
                experiment: deciders.experiment.map(Arc::new),
                grid: Grid::new(origin, GRID),
                join_window: if share_playouts { join_window } else { Duration::ZERO },
                timeline,
            },
            task,
        )
    }

    pub fn stats(&self) -> FeedStats {
        let (lateness_ms, onset_to_first_packet_ms) = *self.stats.latency.lock();
        FeedStats {
            feeds: self.stats.feeds.load(Ordering::Relaxed),
            packets: self.stats.packets.load(Ordering::Relaxed),
            switches: self.stats.switches.load(Ordering::Relaxed),
            send_errors: self.stats.send_errors.load(Ordering::Relaxed),
            messages: self.stats.messages.load(Ordering::Relaxed),
            shared_playouts: self.stats.shared_playouts.load(Ordering::Relaxed),
            shared_viewers: self.stats.shared_viewers.load(Ordering::Relaxed),
            shared_packets: self.stats.shared_packets.load(Ordering::Relaxed),
            consumer_moves: self.stats.consumer_moves.load(Ordering::Relaxed),
            parked_consumers: self.stats.parked_consumers.load(Ordering::Relaxed),
            unparked_consumers: self.stats.unparked_consumers.load(Ordering::Relaxed),
            video_packets: self.stats.video_packets.load(Ordering::Relaxed),
            addressed_packets: self.stats.addressed_packets.load(Ordering::Relaxed),
            key_frame_requests: self.stats.key_frame_requests.load(Ordering::Relaxed),
            viewer_key_frame_requests: self.stats.viewer_key_frame_requests.load(Ordering::Relaxed),
            external: ExternalStats {
                answered: self.stats.external[0].load(Ordering::Relaxed),
                timed_out: self.stats.external[1].load(Ordering::Relaxed),
                failed: self.stats.external[2].load(Ordering::Relaxed),
                refused: self.stats.external[3].load(Ordering::Relaxed),
            },
            lateness_ms,
            onset_to_first_packet_ms,
        }
    }

    /// Where speakers' cameras are asked for key frames; the taps register there.
    pub fn key_frame_sources(&self) -> Arc<KeyFrameSources> {
        Arc::clone(&self.key_frames)
    }

    /// A viewer asked for a key frame on feed `key`'s video. Called from mediasoup's thread:
    /// never blocks.
    pub fn key_frame_requested(&self, key: FeedKey) {
        let _ = self.commands.send(Command::KeyFrame(key));
    }

    /// Chooses the streams of a new feed: random SSRCs (odd, distinct per kind), random initial
    /// sequence numbers and timestamps, the router's payload types.
    pub fn plan(&self, codecs: &FeedCodecs, video: bool) -> FeedPlan {
        let ssrc: u32 = rand::random::<u32>() | 1;
        let audio = RewriterConfig {
            kind: MediaKind::Audio,
            ssrc,
            payload_type: codecs.opus_payload_type,
            clock_rate: 48000,
            initial_sequence: rand::random(),
            initial_timestamp: rand::random(),
            timeline: Some(self.timeline),
        };
        let video = video.then(|| RewriterConfig {
            kind: MediaKind::Video,
            ssrc: ssrc ^ 2,
            payload_type: codecs.vp8_payload_type,
            clock_rate: 90000,
            initial_sequence: rand::random(),
            initial_timestamp: rand::random(),
            timeline: None,
        });
        FeedPlan {
            key: FeedKey(self.next_key.fetch_add(1, Ordering::Relaxed)),
            audio_parameters: codecs.audio_parameters(audio.ssrc),
            video_parameters: video.as_ref().map(|v| codecs.video_parameters(v.ssrc)),
            audio,
            video,
        }
    }

    /// Starts the feed of `plan` for `viewer` on the producers made from it. The returned guard
    /// unsubscribes on drop (the producers close with it, and so do the viewer's consumers).
    pub fn subscribe(&self, plan: FeedPlan, viewer: FeedViewer, producers: FeedProducers) -> Subscription {
        let mut config = FeedConfig::audio_only(plan.audio);
        config.grid = Some(self.grid);
        config.join_window = self.join_window;
        let (recommender, name) = match &self.experiment {
            Some(arm) if arm.takes(&viewer.uid) => (Arc::clone(&arm.recommender), arm.name),
            _ => {
                config.ask_external = self.ask_external;
                (Arc::clone(&self.recommender), self.name)
            }
        };
        let video_ssrc = match (plan.video, &producers.video) {
            (Some(v), Some(_)) => {
                let ssrc = v.ssrc;
                config.video = Some(v);
                Some(ssrc)
            }
            _ => None,
        };
        let context = ViewerContext::new(Arc::clone(&viewer.peer), Arc::clone(&viewer.uid), FEED_HISTORY);
        let feed = Feed::new(config, viewer.room, context, self.store.clone(), recommender);
        let _ = self.commands.send(Command::Subscribe {
            key: plan.key,
            feed: Box::new(feed),
            producers,
            link: viewer.link,
        });
        Subscription {
            key: plan.key,
            commands: self.commands.clone(),
            video_ssrc,
            recommender: name,
        }
    }

    /// Called from the tap (mediasoup's thread): never blocks.
    pub fn onset(&self, room: Arc<str>, at: Instant) {
        let _ = self.commands.send(Command::Onset(room, at));
    }

    pub fn speaker_gone(&self, room: Arc<str>, peer: Arc<str>) {
        let _ = self.commands.send(Command::SpeakerGone { room, peer });
    }

    /// Takes `which` utterances out of the buffer; every feed playing one switches away in the
    /// same turn of the engine (`feedSwitched` reason `removed`), so not one more packet of it
    /// leaves. Without a running engine (shutting down) the store alone is asked.
    pub async fn remove(&self, which: Removal) -> Removed {
        let (done, answer) = oneshot::channel();
        let sent = self.commands.send(Command::Remove {
            which: which.clone(),
            done,
        });
        if sent.is_ok() {
            if let Ok(removed) = answer.await {
                return removed;
            }
        }
        self.store.remove(&which)
    }
}

/// A viewer's live subscription; dropping it ends the feed.
pub(crate) struct Subscription {
    key: FeedKey,
    commands: mpsc::UnboundedSender<Command>,
    /// The SSRC of the feed's video, whose key frame requests the room's dispatcher routes here.
    video_ssrc: Option<u32>,
    recommender: &'static str,
}

impl Subscription {
    /// The name of the policy that picks for this feed (an experiment's arm, or the main one).
    pub fn recommender(&self) -> &'static str {
        self.recommender
    }

    pub fn key(&self) -> FeedKey {
        self.key
    }

    pub fn video_ssrc(&self) -> Option<u32> {
        self.video_ssrc
    }

    pub fn skip(&self) {
        let _ = self.commands.send(Command::Skip(self.key));
    }

    pub fn like(&self) {
        let _ = self.commands.send(Command::Like(self.key));
    }

    pub fn set_preferences(&self, preferences: Preferences) {
        let _ = self.commands.send(Command::Preferences(self.key, preferences));
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let _ = self.commands.send(Command::Unsubscribe(self.key));
    }
}

struct Entry {
    /// Inline, not boxed: its state is read once per turn of the feed, and one cache miss
    /// fewer per packet counts at hundreds of feeds.
    feed: Feed,
    /// Where its packets go (its video reaches its producer by SSRC, its own audio the
    /// consumer at `address`).
    outbox: TransportId,
    /// Its audio producer (held so that it lives as long as the feed), where its viewer's
    /// consumer goes back to after a shared playout.
    own: Producer,
    _video: Option<DirectProducer>,
    /// The viewer's consumer of the audio (the peer owns it).
    consumer: WeakConsumer,
    /// Where the feed's own audio packets go: straight to that consumer, or (`None`) to `own`.
    /// While the consumer follows a shared playout the feed sends nothing of its own.
    address: Option<ConsumerAddress>,
    link: PeerLink,
}

/// The engine task's state: the feeds it owns and what drives them.
struct EngineTask {
    feeds: FxHashMap<FeedKey, Entry>,
    pacer: Pacer<Due<FeedKey>>,
    /// Feeds and shared playouts to poll this turn (reused).
    due: Vec<Due<FeedKey>>,
    /// Shared playouts due this turn, polled after the feeds (reused).
    due_groups: Vec<u64>,
    /// Feeds that switched this turn (reused).
    changed: Vec<FeedKey>,
    /// Feeds that joined a shared playout this turn (reused).
    follows: Vec<FeedKey>,
    sharing: Sharing,
    /// The packet buffer every feed reads into (reused).
    packet: Vec<u8>,
    /// The turn's packets, per DirectTransport.
    outboxes: Outboxes,
    latency: Latency,
    stats: Arc<EngineStats>,
    key_frames: Arc<KeyFrameSources>,
    external: Option<ExternalClient<FeedKey>>,
    /// For moderators' removals, done in the engine's turn.
    store: UtteranceStore,
}

/// The external client's answers, and its task (awaited when the engine stops).
type Answers = (mpsc::UnboundedReceiver<Answer<FeedKey>>, tokio::task::JoinHandle<()>);

impl EngineTask {
    fn new(
        origin: Instant,
        stats: Arc<EngineStats>,
        key_frames: Arc<KeyFrameSources>,
        store: UtteranceStore,
    ) -> EngineTask {
        EngineTask {
            feeds: FxHashMap::default(),
            pacer: Pacer::new(origin, TICK, SLOTS),
            due: Vec::new(),
            due_groups: Vec::new(),
            changed: Vec::new(),
            follows: Vec::new(),
            sharing: Sharing::new(Timeline { origin, base: 0 }, GRID, false),
            packet: Vec::with_capacity(1500),
            outboxes: Outboxes::default(),
            latency: Latency::new(),
            stats,
            key_frames,
            external: None,
            store,
        }
    }

    async fn run(
        mut self,
        mut rx: mpsc::UnboundedReceiver<Command>,
        answers: Option<Answers>,
        stop: CancellationToken,
    ) {
        let (mut answers, client_task) = match answers {
            Some((rx, task)) => (Some(rx), Some(task)),
            None => (None, None),
        };
        let mut publish = tokio::time::interval(PUBLISH);
        publish.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            let wake = self.wake_at();
            tokio::select! {
                _ = stop.cancelled() => break,
                _ = publish.tick() => {
                    self.publish();
                    continue;
                }
                command = rx.recv() => {
                    let Some(command) = command else { break };
                    self.apply(command, Instant::now());
                }
                Some(answer) = next_answer(&mut answers) => self.answer(answer, Instant::now()),
                background = self.sharing.next() => self.background(background),
                // Sleeps until the next tick that has a feed due (feeds start on one grid, so
                // that is once per grid period in a steady run), not every tick.
                _ = tokio::time::sleep_until(wake.into()) => {}
            }
            self.drive_due(Instant::now());
        }
        self.feeds.clear();
        self.external = None;
        if let Some(task) = client_task {
            let _ = task.await;
        }
    }

    /// When the next feed is due (at the latest [`IDLE_WAKE`] from now).
    fn wake_at(&self) -> Instant {
        let idle = Instant::now() + IDLE_WAKE;
        self.pacer.next_deadline().map_or(idle, |at| at.min(idle))
    }

    /// The external recommender answered a feed's question.
    fn answer(&mut self, answer: Answer<FeedKey>, now: Instant) {
        if let Some(e) = self.feeds.get_mut(&answer.key) {
            e.feed.answer(now, answer.ticket, answer.result);
            self.due.push(Due::Feed(answer.key));
        }
    }

    fn publish(&self) {
        *self.stats.latency.lock() = (
            Percentiles::of_micros(&self.latency.lateness),
            Percentiles::of_micros(&self.latency.onset),
        );
    }

    fn apply(&mut self, command: Command, now: Instant) {
        match command {
            Command::Subscribe {
                key,
                mut feed,
                producers,
                link,
            } => {
                if feed.has_video() {
                    feed.start(now);
                } else {
                    feed.start_among(now, &self.sharing.starts.on(producers.transport.id()));
                }
                let FeedProducers {
                    transport,
                    audio,
                    video,
                    audio_consumer,
                    audio_address,
                    codecs,
                } = producers;
                let outbox = self.outboxes.open(&transport);
                if !feed.has_video() {
                    self.sharing.feed_added(&transport, codecs);
                }
                self.feeds.insert(
                    key,
                    Entry {
                        feed: *feed,
                        outbox,
                        own: Producer::Direct(audio),
                        _video: video,
                        consumer: audio_consumer.downgrade(),
                        address: audio_address,
                        link,
                    },
                );
                self.stats.feeds.fetch_add(1, Ordering::Relaxed);
                self.due.push(Due::Feed(key));
            }
            Command::Unsubscribe(key) => {
                self.pacer.cancel(Due::Feed(key));
                self.latency.woken.remove(&key);
                if let Some(mut e) = self.feeds.remove(&key) {
                    self.sharing
                        .feed_removed(key, e.outbox, !e.feed.has_video(), &mut self.pacer);
                    e.feed.stop(now);
                    let sent = self.outboxes.close(e.outbox);
                    self.stats.count(sent);
                    self.stats.feeds.fetch_sub(1, Ordering::Relaxed);
                }
            }
            Command::KeyFrame(key) => {
                self.stats.viewer_key_frame_requests.fetch_add(1, Ordering::Relaxed);
                if let Some(e) = self.feeds.get_mut(&key) {
                    e.feed.key_frame_requested();
                    self.due.push(Due::Feed(key));
                }
            }
            Command::Skip(key) => {
                if let Some(e) = self.feeds.get_mut(&key) {
                    e.feed.skip(now);
                    self.due.push(Due::Feed(key));
                    self.changed.push(key);
                }
            }
            Command::Like(key) => {
                if let Some(e) = self.feeds.get_mut(&key) {
                    e.feed.like(now);
                }
            }
            Command::Preferences(key, p) => {
                if let Some(e) = self.feeds.get_mut(&key) {
                    e.feed.set_preferences(p);
                }
            }
            Command::Onset(room, at) => {
                for (key, e) in self.feeds.iter_mut() {
                    if e.feed.is_waiting() && e.feed.room() == &*room {
                        e.feed.wake(now);
                        self.latency.woken.insert(*key, at);
                        self.due.push(Due::Feed(*key));
                    }
                }
            }
            Command::SpeakerGone { room, peer } => {
                for (key, e) in self.feeds.iter_mut() {
                    if e.feed.room() == &*room {
                        e.feed.speaker_gone(now, &peer);
                        self.due.push(Due::Feed(*key));
                        self.changed.push(*key);
                    }
                }
            }
            Command::Remove { which, done } => {
                let removed = self.store.remove(&which);
                self.sharing.removed(&removed.ids, &mut self.pacer);
                for (key, e) in self.feeds.iter_mut() {
                    if e.feed.playing().is_some_and(|(id, _)| removed.ids.contains(&id)) {
                        e.feed.removed(now);
                        self.due.push(Due::Feed(*key));
                        self.changed.push(*key);
                    }
                }
                let _ = done.send(removed);
            }
        }
    }

    /// One turn: feeds that switched between turns (a skip, a speaker gone, a removal) leave
    /// their shared playouts first, so a group sends them nothing more; then every due feed
    /// and shared playout is polled (the members of a group that reached its utterance's end
    /// switch then), the turn's packets are sent, and only then do the feeds that switched in
    /// the turn leave, join or form groups: a consumer's move reaches the worker after the last
    /// packet it had to get from where it was, and before the first one from where it goes
    /// (due at a later grid instant).
    fn drive_due(&mut self, now: Instant) {
        self.pacer.expire(now, &mut self.due);
        self.sharing.starts.expire(now);
        self.settle(now);
        let mut due = std::mem::take(&mut self.due);
        let mut groups = std::mem::take(&mut self.due_groups);
        for due in due.drain(..) {
            let key = match due {
                Due::Feed(key) => key,
                Due::Group(group) => {
                    groups.push(group);
                    continue;
                }
            };
            self.drive_feed(key, now);
        }
        for group in groups.drain(..) {
            self.drive_group(group, now, &mut due);
        }
        self.due_groups = groups;
        // Members of groups that ended: their switch, now.
        for due in due.drain(..) {
            if let Due::Feed(key) = due {
                self.drive_feed(key, now);
            }
        }
        self.due = due;
        let sent = self.outboxes.flush();
        self.stats.count(sent);
        self.settle(now);
    }

    /// Polls one feed (see [`drive`]); one that switched goes to the sharing layer at the end
    /// of the turn.
    fn drive_feed(&mut self, key: FeedKey, now: Instant) {
        let Some(e) = self.feeds.get_mut(&key) else { return };
        let starts = self.sharing.starts.on(e.outbox);
        let switched = drive(
            key,
            e,
            now,
            &mut self.pacer,
            &mut Turn {
                packet: &mut self.packet,
                outboxes: &mut self.outboxes,
                stats: &self.stats,
                latency: &mut self.latency,
                starting: if e.feed.has_video() { &NoneStarting } else { &starts },
            },
            &self.key_frames,
            self.external.as_ref(),
        );
        if switched {
            self.changed.push(key);
            if !e.feed.has_video() {
                self.sharing.started(e.outbox, e.feed.playout_key());
            }
        }
    }

    /// Hands the feeds that switched this turn to the sharing layer and applies what it says.
    fn settle(&mut self, now: Instant) {
        if self.changed.is_empty() {
            return;
        }
        let feeds = &self.feeds;
        let changed: Vec<Changed> = self
            .changed
            .drain(..)
            .filter_map(|key| {
                let e = feeds.get(&key)?;
                Some(Changed {
                    key,
                    playing: e.feed.playout_key().map(|(id, start)| (e.outbox, id, start)),
                    shareable: !e.feed.has_video(),
                })
            })
            .collect();
        let lookup = |key: FeedKey| {
            feeds.get(&key).map(|e| Handles {
                consumer: e.consumer.clone(),
                own: e.own.clone(),
            })
        };
        self.sharing
            .settle(now, &changed, &lookup, &self.store, &mut self.pacer, &mut self.follows);
        for key in self.follows.drain(..) {
            if let Some(e) = self.feeds.get_mut(&key) {
                e.feed.follow();
            }
        }
        let counts = self.sharing.counts;
        self.stats.shared_playouts.store(counts.groups, Ordering::Relaxed);
        self.stats.shared_viewers.store(counts.joins, Ordering::Relaxed);
        self.stats.consumer_moves.store(counts.moves, Ordering::Relaxed);
        self.stats.parked_consumers.store(counts.parked, Ordering::Relaxed);
        self.stats.unparked_consumers.store(counts.unparked, Ordering::Relaxed);
    }

    /// Sends a shared playout's due packets; when its utterance is over, its members switch
    /// (added to `ended` to be polled in this turn).
    fn drive_group(&mut self, group: u64, now: Instant, ended: &mut Vec<Due<FeedKey>>) {
        let latency = &mut self.latency;
        let turn = self.sharing.drive(
            group,
            now,
            &mut self.packet,
            &mut self.outboxes,
            &mut self.pacer,
            &mut |due| {
                let _ = latency.lateness.record(micros(now.saturating_duration_since(due)));
            },
        );
        self.stats.count(turn.sent);
        if turn.packets > 0 {
            self.stats.packets.fetch_add(turn.packets, Ordering::Relaxed);
            self.stats
                .shared_packets
                .store(self.sharing.counts.packets, Ordering::Relaxed);
        }
        for key in turn.first {
            if let Some(onset) = self.latency.woken.remove(&key) {
                let _ = self.latency.onset.record(micros(now.saturating_duration_since(onset)));
            }
        }
        if let Some(over) = turn.ended {
            for key in over.members {
                if let Some(e) = self.feeds.get_mut(&key) {
                    let starts = self.sharing.starts.on(e.outbox);
                    e.feed.followed_to_end(now, over.reason, over.free_at, &starts);
                    self.sharing.started(e.outbox, e.feed.playout_key());
                    ended.push(Due::Feed(key));
                }
            }
        }
    }

    /// A consumer move answered, or a carrier was made.
    fn background(&mut self, background: Background) {
        if let Background::MoveFailed { key, following, error } = background {
            tracing::warn!(%error, following, "moving a feed's consumer failed");
            if self.sharing.move_failed(key, following, &mut self.pacer) {
                let now = Instant::now();
                if let Some(e) = self.feeds.get_mut(&key) {
                    e.feed.catch_up(now);
                }
                self.drive_feed(key, now);
                let sent = self.outboxes.flush();
                self.stats.count(sent);
            }
        }
    }
}

/// The next answer of the external client, if there is one (never ready otherwise).
async fn next_answer(answers: &mut Option<mpsc::UnboundedReceiver<Answer<FeedKey>>>) -> Option<Answer<FeedKey>> {
    match answers {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}

/// What the feeds polled in one turn write to: the packet buffer, the outboxes, the counters.
struct Turn<'a> {
    packet: &'a mut Vec<u8>,
    outboxes: &'a mut Outboxes,
    stats: &'a EngineStats,
    latency: &'a mut Latency,
    /// What the feed's decisions may join.
    starting: &'a dyn StartingPlayouts,
}

/// Polls one feed until it has nothing more to do now, then schedules it. True if it switched
/// (or began to wait).
fn drive(
    key: FeedKey,
    e: &mut Entry,
    now: Instant,
    pacer: &mut Pacer<Due<FeedKey>>,
    turn: &mut Turn<'_>,
    key_frames: &KeyFrameSources,
    external: Option<&ExternalClient<FeedKey>>,
) -> bool {
    let stats = turn.stats;
    let mut switched = false;
    loop {
        match e.feed.poll_among(now, turn.packet, turn.starting) {
            FeedOutput::Packet(kind) => {
                if kind == MediaKind::Video {
                    stats.video_packets.fetch_add(1, Ordering::Relaxed);
                }
                // Sent with the turn's other packets; the buffer is refilled next read. Its audio
                // goes straight to the viewer's consumer, its video to its producer (whose
                // stream turns the viewer's key frame requests into RTCP for the engine).
                let to = match kind {
                    MediaKind::Audio => e.address,
                    MediaKind::Video => None,
                };
                if to.is_some() {
                    stats.addressed_packets.fetch_add(1, Ordering::Relaxed);
                }
                let sent = turn.outboxes.push(e.outbox, to, turn.packet);
                stats.count(sent);
                stats.packets.fetch_add(1, Ordering::Relaxed);
                turn.latency.on_packet(key, now, e.feed.last_packet_due());
            }
            FeedOutput::Event(FeedEvent::KeyFrameNeeded { speaker, .. }) => {
                if key_frames.request(&speaker.peer) {
                    stats.key_frame_requests.fetch_add(1, Ordering::Relaxed);
                }
            }
            FeedOutput::Event(FeedEvent::Ask { ticket, body }) => {
                // It left its utterance to ask.
                switched = true;
                match external {
                    Some(client) => client.ask(Question { key, ticket, body }),
                    None => e.feed.answer(now, ticket, Err("no external recommender".into())),
                }
            }
            FeedOutput::Event(FeedEvent::Decided(how)) => {
                let slot = match how {
                    Decision::Answered => 0,
                    Decision::TimedOut => 1,
                    Decision::Failed => 2,
                    Decision::Refused => 3,
                };
                stats.external[slot].fetch_add(1, Ordering::Relaxed);
            }
            FeedOutput::Event(event) => {
                match event {
                    FeedEvent::Switched { .. } => {
                        stats.switches.fetch_add(1, Ordering::Relaxed);
                        switched = true;
                    }
                    FeedEvent::Waiting { .. } => switched = true,
                    _ => {}
                }
                e.link.send(PeerEvent::Feed(event));
            }
            FeedOutput::Timeout(at) => {
                if let Some(at) = at {
                    pacer.schedule(Due::Feed(key), at);
                }
                return switched;
            }
        }
    }
}
