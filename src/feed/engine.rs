//! The feed engine: the one task that drives every viewer's [`Feed`] with a [`Pacer`] and sends
//! their packets through each viewer's DirectTransport producer.
//!
//! Everything else talks to it with commands (subscribe, skip, preferences, a speaker's onset or
//! departure, a viewer's key frame request), so the feeds themselves need no lock and the
//! per-packet path takes none.
//!
//! Key frames: a feed that needs one (its video switched to a speaker mid-GOP, or its viewer
//! sent a PLI, which mediasoup turns into RTCP on the DirectTransport that the feed's
//! `on_rtcp` handler reports here) asks the playing speaker's camera through
//! [`KeyFrameSources`].

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use mediasoup::producer::DirectProducer;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::{Feed, FeedEvent, FeedOutput, FeedStats, Pacer, SwitchReason, WaitReason};
use crate::buffer::{EndState, MediaKind};
use crate::recommend::Preferences;
use crate::room::{PeerEvent, PeerLink};
use crate::protocol::Notification;
use crate::stats::Percentiles;
use crate::tap::KeyFrameSources;

/// The engine's tick: a due feed is polled at most this late.
const TICK: Duration = Duration::from_millis(2);
/// Pacer slots: ticks × slots covers a second, the longest usual wait.
const SLOTS: usize = 512;
/// How often the latency percentiles are published.
const PUBLISH: Duration = Duration::from_secs(1);

/// Identifies one subscription in the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FeedKey(u64);

enum Command {
    Subscribe {
        key: FeedKey,
        feed: Box<Feed>,
        producer: DirectProducer,
        video: Option<DirectProducer>,
        link: PeerLink,
    },
    Unsubscribe(FeedKey),
    /// The viewer asked for a video key frame (PLI/FIR on its feed consumer).
    KeyFrame(FeedKey),
    Skip(FeedKey),
    Preferences(FeedKey, Preferences),
    /// A speaker started an utterance in `room` (detected at the instant given): waiting feeds
    /// there look again now.
    Onset(Arc<str>, Instant),
    /// A speaker left `room`: feeds playing them switch now.
    SpeakerGone {
        room: Arc<str>,
        peer: Arc<str>,
    },
}

/// Cheap handle to the engine task.
#[derive(Clone)]
pub(crate) struct FeedEngine {
    commands: mpsc::UnboundedSender<Command>,
    next_key: Arc<AtomicU64>,
    stats: Arc<EngineStats>,
    key_frames: Arc<KeyFrameSources>,
}

/// Counters for metrics and tests.
#[derive(Debug, Default)]
struct EngineStats {
    feeds: AtomicU64,
    packets: AtomicU64,
    switches: AtomicU64,
    send_errors: AtomicU64,
    video_packets: AtomicU64,
    key_frame_requests: AtomicU64,
    viewer_key_frame_requests: AtomicU64,
    /// Published by the engine once per window: (lateness, onset to first packet).
    latency: parking_lot::Mutex<(Percentiles, Percentiles)>,
}

/// The engine task's own latency histograms (µs), published as percentiles once a second, so the
/// per-packet path takes no lock.
struct Latency {
    lateness: Histogram<u64>,
    onset: Histogram<u64>,
    /// Feeds woken by an onset, and when the onset was seen, until their first packet.
    woken: HashMap<FeedKey, Instant>,
}

impl Latency {
    fn new() -> Latency {
        let h = || Histogram::new_with_bounds(1, 60_000_000, 3).expect("valid histogram bounds");
        Latency {
            lateness: h(),
            onset: h(),
            woken: HashMap::new(),
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
    /// Spawns the engine; it runs until `stop` is cancelled.
    pub fn start(stop: CancellationToken) -> (FeedEngine, tokio::task::JoinHandle<()>) {
        let (commands, rx) = mpsc::unbounded_channel();
        let stats = Arc::new(EngineStats::default());
        let key_frames = Arc::new(KeyFrameSources::default());
        let task = tokio::spawn(run(rx, stop, Arc::clone(&stats), Arc::clone(&key_frames)));
        (
            FeedEngine {
                commands,
                next_key: Arc::new(AtomicU64::new(1)),
                stats,
                key_frames,
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
            video_packets: self.stats.video_packets.load(Ordering::Relaxed),
            key_frame_requests: self.stats.key_frame_requests.load(Ordering::Relaxed),
            viewer_key_frame_requests: self.stats.viewer_key_frame_requests.load(Ordering::Relaxed),
            lateness_ms,
            onset_to_first_packet_ms,
        }
    }

    /// Where speakers' cameras are asked for key frames; the taps register there.
    pub fn key_frame_sources(&self) -> Arc<KeyFrameSources> {
        Arc::clone(&self.key_frames)
    }

    /// Reserves the key of the next subscription (the feed's RTCP handler needs it before the
    /// feed is handed over).
    pub fn next_key(&self) -> FeedKey {
        FeedKey(self.next_key.fetch_add(1, Ordering::Relaxed))
    }

    /// A viewer asked for a key frame on feed `key`'s video. Called from mediasoup's thread:
    /// never blocks.
    pub fn key_frame_requested(&self, key: FeedKey) {
        let _ = self.commands.send(Command::KeyFrame(key));
    }

    /// Hands a started feed and its producers to the engine under `key` (from
    /// [`FeedEngine::next_key`]); the returned guard unsubscribes on drop (the producers close
    /// with it, and so do the viewer's consumers of them).
    pub fn subscribe(
        &self,
        key: FeedKey,
        feed: Feed,
        producer: DirectProducer,
        video: Option<DirectProducer>,
        link: PeerLink,
    ) -> Subscription {
        let _ = self.commands.send(Command::Subscribe {
            key,
            feed: Box::new(feed),
            producer,
            video,
            link,
        });
        Subscription {
            key,
            commands: self.commands.clone(),
        }
    }

    /// Called from the tap (mediasoup's thread): never blocks.
    pub fn onset(&self, room: Arc<str>, at: Instant) {
        let _ = self.commands.send(Command::Onset(room, at));
    }

    pub fn speaker_gone(&self, room: Arc<str>, peer: Arc<str>) {
        let _ = self.commands.send(Command::SpeakerGone { room, peer });
    }
}

/// A viewer's live subscription; dropping it ends the feed.
pub(crate) struct Subscription {
    key: FeedKey,
    commands: mpsc::UnboundedSender<Command>,
}

impl Subscription {
    pub fn skip(&self) {
        let _ = self.commands.send(Command::Skip(self.key));
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
    feed: Box<Feed>,
    producer: DirectProducer,
    video: Option<DirectProducer>,
    link: PeerLink,
}

async fn run(
    mut rx: mpsc::UnboundedReceiver<Command>,
    stop: CancellationToken,
    stats: Arc<EngineStats>,
    key_frames: Arc<KeyFrameSources>,
) {
    let origin = Instant::now();
    let mut pacer: Pacer<FeedKey> = Pacer::new(origin, TICK, SLOTS);
    let mut feeds: HashMap<FeedKey, Entry> = HashMap::new();
    let mut due: Vec<FeedKey> = Vec::new();
    let mut packet: Vec<u8> = Vec::with_capacity(1500);
    let mut interval = tokio::time::interval(TICK);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut latency = Latency::new();
    let mut publish = tokio::time::interval(PUBLISH);
    publish.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            _ = stop.cancelled() => break,
            _ = publish.tick() => {
                *stats.latency.lock() = (Percentiles::of_micros(&latency.lateness), Percentiles::of_micros(&latency.onset));
                continue;
            }
            command = rx.recv() => {
                let Some(command) = command else { break };
                let now = Instant::now();
                match command {
                    Command::Subscribe { key, mut feed, producer, video, link } => {
                        feed.start(now);
                        feeds.insert(key, Entry { feed, producer, video, link });
                        stats.feeds.fetch_add(1, Ordering::Relaxed);
                        due.push(key);
                    }
                    Command::Unsubscribe(key) => {
                        pacer.cancel(key);
                        latency.woken.remove(&key);
                        if let Some(mut e) = feeds.remove(&key) {
                            e.feed.stop();
                            stats.feeds.fetch_sub(1, Ordering::Relaxed);
                        }
                    }
                    Command::KeyFrame(key) => {
                        stats.viewer_key_frame_requests.fetch_add(1, Ordering::Relaxed);
                        if let Some(e) = feeds.get_mut(&key) {
                            e.feed.key_frame_requested();
                            due.push(key);
                        }
                    }
                    Command::Skip(key) => {
                        if let Some(e) = feeds.get_mut(&key) {
                            e.feed.skip(now);
                            due.push(key);
                        }
                    }
                    Command::Preferences(key, p) => {
                        if let Some(e) = feeds.get_mut(&key) {
                            e.feed.set_preferences(p);
                        }
                    }
                    Command::Onset(room, at) => {
                        for (key, e) in feeds.iter_mut() {
                            if e.feed.is_waiting() && e.feed.room() == &*room {
                                e.feed.wake(now);
                                latency.woken.insert(*key, at);
                                due.push(*key);
                            }
                        }
                    }
                    Command::SpeakerGone { room, peer } => {
                        for (key, e) in feeds.iter_mut() {
                            if e.feed.room() == &*room {
                                e.feed.speaker_gone(now, &peer);
                                due.push(*key);
                            }
                        }
                    }
                }
            }
            _ = interval.tick() => {}
        }
        let now = Instant::now();
        pacer.expire(now, &mut due);
        for key in due.drain(..) {
            if let Some(e) = feeds.get_mut(&key) {
                drive(key, e, now, &mut pacer, &mut packet, &stats, &mut latency, &key_frames);
            }
        }
    }
    feeds.clear();
}

/// Polls one feed until it has nothing more to do now, then schedules it.
#[allow(clippy::too_many_arguments)]
fn drive(
    key: FeedKey,
    e: &mut Entry,
    now: Instant,
    pacer: &mut Pacer<FeedKey>,
    packet: &mut Vec<u8>,
    stats: &EngineStats,
    latency: &mut Latency,
    key_frames: &KeyFrameSources,
) {
    loop {
        match e.feed.poll(now, packet) {
            FeedOutput::Packet(kind) => {
                let producer = match kind {
                    MediaKind::Audio => Some(&e.producer),
                    MediaKind::Video => {
                        stats.video_packets.fetch_add(1, Ordering::Relaxed);
                        e.video.as_ref()
                    }
                };
                // DirectProducer::send takes the packet by value; the buffer is refilled next read.
                if producer.is_none_or(|p| p.send(packet.clone()).is_err()) {
                    stats.send_errors.fetch_add(1, Ordering::Relaxed);
                }
                stats.packets.fetch_add(1, Ordering::Relaxed);
                latency.on_packet(key, now, e.feed.last_packet_due());
            }
            FeedOutput::Event(FeedEvent::KeyFrameNeeded { speaker, .. }) => {
                if key_frames.request(&speaker.peer) {
                    stats.key_frame_requests.fetch_add(1, Ordering::Relaxed);
                }
            }
            FeedOutput::Event(event) => {
                if let Some(n) = notification(&event) {
                    if matches!(n, Notification::FeedSwitched { .. }) {
                        stats.switches.fetch_add(1, Ordering::Relaxed);
                    }
                    e.link.send(PeerEvent::Notify(n.to_text().into()));
                }
            }
            FeedOutput::Timeout(at) => {
                if let Some(at) = at {
                    pacer.schedule(key, at);
                }
                return;
            }
        }
    }
}

fn notification(event: &FeedEvent) -> Option<Notification> {
    match event {
        FeedEvent::Switched {
            utterance,
            speaker,
            reason,
        } => Some(Notification::FeedSwitched {
            utterance_id: utterance.to_string(),
            speaker_uid: speaker.uid.to_string(),
            speaker_peer_id: speaker.peer.to_string(),
            reason: match reason {
                SwitchReason::Started => "started",
                SwitchReason::Ended(EndState::Complete) => "ended",
                SwitchReason::Ended(EndState::Truncated) => "truncated",
                SwitchReason::Evicted => "evicted",
                SwitchReason::SpeakerGone => "speakerGone",
                SwitchReason::Skipped => "skipped",
                SwitchReason::Resumed => "resumed",
            }
            .to_string(),
        }),
        FeedEvent::Waiting { reason } => Some(Notification::FeedWaiting {
            reason: match reason {
                WaitReason::NothingToPlay => "nothingToPlay",
                WaitReason::RecommenderFailed => "recommenderFailed",
            }
            .to_string(),
        }),
        // Not for the viewer: the engine asks the speaker's camera.
        FeedEvent::KeyFrameNeeded { .. } => None,
    }
}
