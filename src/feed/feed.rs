//! One viewer's rerouted feed: which utterance plays, and the packets and events that follow.
//!
//! States: `Idle` (not started or stopped) → `Waiting` (nothing to play: woken at the next
//! onset, or retried after a while) → `Playing(utterance)`; when the utterance ends, is evicted,
//! its speaker leaves, the viewer skips, the feed asks the recommender for the next one and
//! switches, and the rewriters keep the outgoing streams continuous across the switch.
//!
//! Driving it: after any input (`start`, `wake`, `skip`, `speaker_gone`), and whenever its
//! deadline comes, call [`Feed::poll`] until it returns [`FeedOutput::Timeout`], then schedule
//! the feed on a [`super::Pacer`] for that time.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::pacer::Grid;
use super::playout::{Playout, PlayoutStep};
use super::rewriter::{DropReason, Rewrite, Rewriter, RewriterConfig};
use crate::buffer::{Candidate, EndState, MediaKind, Speaker, UtteranceId, UtteranceStore};
use crate::recommend::{external, Preferences, Recommender, Signal, SignalKind, ViewerContext};

/// Recommender answers tried per switch before waiting (an answer can be stale: evicted since
/// the listing, or against the feed's own rules).
const ATTEMPTS_PER_SWITCH: usize = 3;
/// Switches in one `poll` before yielding, so a run of empty utterances cannot spin.
const SWITCHES_PER_POLL: usize = 8;

#[derive(Debug, Clone)]
pub struct FeedConfig {
    pub audio: RewriterConfig,
    /// `None` for an audio-only feed: video packets of utterances are skipped.
    pub video: Option<RewriterConfig>,
    /// After catching up with a live utterance's tail, poll again this soon.
    pub live_poll: Duration,
    /// With nothing to play, ask the recommender again this often (besides onset wake-ups).
    pub wait_retry: Duration,
    /// A decision looks at the room's newest this many utterances (a switch then costs the
    /// same with 500 or 50 000 utterances in the room).
    pub max_candidates: usize,
    /// With an external recommender: how long to wait for its answer before the feed's own
    /// recommender decides. `None`: the feed's own recommender decides at once.
    pub ask_external: Option<Duration>,
    /// Utterances start on this grid (the next grid instant after the switch), so that feeds
    /// send in step; `None`: at once.
    pub grid: Option<Grid>,
    /// After an utterance played to its end, the next starts on a coarser grid of this period
    /// (a gap of less than this between the two), so that feeds that end within one window
    /// start together and can share a playout; zero: on `grid`. Not for a first utterance, a
    /// wake-up at an onset or a skip, which start at once. Ignored by a feed with video (it
    /// never shares).
    pub join_window: Duration,
}

/// [`FeedConfig::max_candidates`] by default.
pub const MAX_CANDIDATES: usize = 1024;

impl FeedConfig {
    pub fn audio_only(audio: RewriterConfig) -> Self {
        Self {
            audio,
            video: None,
            live_poll: Duration::from_millis(10),
            wait_retry: Duration::from_secs(1),
            max_candidates: MAX_CANDIDATES,
            ask_external: None,
            grid: None,
            join_window: Duration::ZERO,
        }
    }
}

/// Why the feed left what it was doing for a new utterance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwitchReason {
    Started,
    Ended(EndState),
    Evicted,
    /// A moderator took the utterance out of the buffer.
    Removed,
    SpeakerGone,
    Skipped,
    /// Was waiting; something to play came up.
    Resumed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitReason {
    NothingToPlay,
    RecommenderFailed,
}

/// Notifications for the viewer (`feedSwitched`) and the shell (key frame requests upstream).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedEvent {
    Switched {
        utterance: UtteranceId,
        speaker: Speaker,
        reason: SwitchReason,
    },
    Waiting {
        reason: WaitReason,
        /// Why the utterance that was playing stopped; `None` when none was (the feed had
        /// just started, or an external recommender's answer came after a wait).
        stopped: Option<SwitchReason>,
    },
    /// Video switched to this speaker and waits for a key frame: ask their producer for one.
    KeyFrameNeeded { utterance: UtteranceId, speaker: Speaker },
    /// Ask the external recommender (POST `body`); hand its answer back with
    /// [`Feed::answer`] and this `ticket`. The feed decides by itself at its deadline.
    Ask { ticket: u64, body: Vec<u8> },
    /// How an external decision ended (for the counters).
    Decided(Decision),
}

/// How a feed's question to the external recommender ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Its answer was taken (an utterance, or "nothing now").
    Answered,
    /// No answer by the deadline: the feed's own recommender decided.
    TimedOut,
    /// The request failed or the answer did not parse: the feed's own recommender decided.
    Failed,
    /// It named an utterance the feed may not play (not a candidate, gone, the viewer's own
    /// voice): the feed's own recommender decided.
    Refused,
}

/// What [`Feed::poll`] produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedOutput {
    /// The buffer passed to `poll` holds a rewritten packet of this kind: send it.
    Packet(MediaKind),
    Event(FeedEvent),
    /// Nothing more before this time; `None`: not until an input (`start`, `wake`...).
    Timeout(Option<Instant>),
}

enum State {
    Idle,
    Waiting {
        retry_at: Instant,
    },
    Playing {
        playout: Playout,
        speaker: Speaker,
        /// When it started playing: how long into it a skip came.
        since: Instant,
    },
    /// Waiting for the external recommender's answer to `ticket`, until `deadline`.
    Deciding {
        ticket: u64,
        deadline: Instant,
        reason: SwitchReason,
        was_waiting: bool,
    },
}

/// What other feeds on this feed's transport start at a given grid instant: the candidates a
/// decision can join in a shared playout ([`ViewerContext::starting`]).
pub trait StartingPlayouts {
    /// Appends the utterances started at `at` to `out`.
    fn starting_at(&self, at: Instant, out: &mut Vec<UtteranceId>);
}

/// No feed to join (sharing off, a video feed, a decision between engine turns).
pub struct NoneStarting;

impl StartingPlayouts for NoneStarting {
    fn starting_at(&self, _at: Instant, _out: &mut Vec<UtteranceId>) {}
}

pub struct Feed {
    room: Arc<str>,
    viewer: ViewerContext,
    store: UtteranceStore,
    recommender: Arc<dyn Recommender>,
    config: FeedConfig,
    audio: Rewriter,
    video: Option<Rewriter>,
    state: State,
    events: VecDeque<FeedEvent>,
    /// Reused listing for the recommender.
    candidates: Vec<Candidate>,
    /// Read-ahead buffer kept between playouts.
    spare: Vec<u8>,
    /// When the last packet handed out was due by the playout schedule.
    last_due: Option<Instant>,
    /// The last question asked of the external recommender.
    ticket: u64,
    /// A shared playout carries this feed's audio (see `engine`): the feed stays on the
    /// utterance (signals, history, a skip) but reads and sends nothing; the group tells it
    /// when the utterance ends.
    following: bool,
    /// When the audio of the last packet a shared playout sent for this feed has played out
    /// (its own rewriter does not know): the next utterance starts no earlier.
    followed_until: Option<Instant>,
}

impl Feed {
    pub fn new(
        config: FeedConfig,
        room: Arc<str>,
        viewer: ViewerContext,
        store: UtteranceStore,
        recommender: Arc<dyn Recommender>,
    ) -> Self {
        Self {
            room,
            viewer,
            store,
            recommender,
            audio: Rewriter::new(config.audio.clone()),
            video: config.video.clone().map(Rewriter::new),
            config,
            state: State::Idle,
            events: VecDeque::with_capacity(4),
            candidates: Vec::new(),
            spare: Vec::with_capacity(1500),
            last_due: None,
            ticket: 0,
            following: false,
            followed_until: None,
        }
    }

    /// A shared playout sends the utterance playing now for this feed: until it ends (told
    /// with [`Feed::followed_to_end`]) or the feed switches, [`Feed::poll`] reads nothing.
    pub fn follow(&mut self) {
        self.following = matches!(self.state, State::Playing { .. });
    }

    /// The shared playout this feed followed ended (`reason`: ended, evicted, removed; its
    /// last packet's audio plays out at `free_at`): it switches as if its own playout had.
    /// `starting`: what other feeds start when this one's next utterance would.
    pub fn followed_to_end(
        &mut self,
        now: Instant,
        reason: SwitchReason,
        free_at: Option<Instant>,
        starting: &dyn StartingPlayouts,
    ) {
        if self.following {
            self.followed_until = free_at;
            self.switch_next(now, reason, starting);
        }
    }

    /// The feed stops following and plays on by itself from `now` (its viewer's consumer could
    /// not be moved to the shared playout): what was due before now is dropped.
    pub fn catch_up(&mut self, now: Instant) {
        if !std::mem::take(&mut self.following) {
            return;
        }
        if let State::Playing { playout, .. } = &mut self.state {
            while let PlayoutStep::Packet { .. } = playout.poll(now) {
                playout.take_packet(&mut self.spare);
            }
        }
    }

    /// What plays now and from when: the utterance and its playout's start instant.
    pub fn playout_key(&self) -> Option<(UtteranceId, Instant)> {
        match &self.state {
            State::Playing { playout, .. } => Some((playout.reader().id(), playout.start())),
            _ => None,
        }
    }

    pub fn has_video(&self) -> bool {
        self.video.is_some()
    }

    /// When the packet last returned by [`Feed::poll`] was due by its playout schedule; sent
    /// later than that, the difference is the latency the server added.
    pub fn last_packet_due(&self) -> Option<Instant> {
        self.last_due
    }

    /// The room whose utterances this feed plays.
    pub fn room(&self) -> &str {
        &self.room
    }

    pub fn viewer(&self) -> &ViewerContext {
        &self.viewer
    }

    /// The utterance playing and its speaker, if any.
    pub fn playing(&self) -> Option<(UtteranceId, &Speaker)> {
        match &self.state {
            State::Playing { playout, speaker, .. } => Some((playout.reader().id(), speaker)),
            _ => None,
        }
    }

    pub fn is_waiting(&self) -> bool {
        matches!(self.state, State::Waiting { .. })
    }

    /// Takes effect at the next switch.
    pub fn set_preferences(&mut self, preferences: Preferences) {
        self.viewer.preferences = preferences;
    }

    pub fn start(&mut self, now: Instant) {
        self.start_among(now, &NoneStarting);
    }

    /// [`Feed::start`], where the first decision may join what other feeds start (`starting`).
    pub fn start_among(&mut self, now: Instant, starting: &dyn StartingPlayouts) {
        if matches!(self.state, State::Idle) {
            self.switch_next(now, SwitchReason::Started, starting);
        }
    }

    /// Stops playing and releases the utterance (the viewer left: a signal on what played).
    pub fn stop(&mut self, now: Instant) {
        self.signal(now, SignalKind::Left);
        self.release();
    }

    /// The viewer likes what plays now: a signal for the recommender. False if nothing plays.
    pub fn like(&mut self, now: Instant) -> bool {
        self.signal(now, SignalKind::Liked)
    }

    /// Records what the viewer did with the utterance playing, if any.
    fn signal(&mut self, now: Instant, kind: SignalKind) -> bool {
        let State::Playing {
            playout,
            speaker,
            since,
        } = &self.state
        else {
            return false;
        };
        if kind == SignalKind::Finished {
            playout.reader().count_finish();
        }
        self.viewer.signals.record(Signal {
            utterance: playout.reader().id(),
            speaker: Arc::clone(&speaker.uid),
            topics: playout.reader().meta().topics.clone(),
            kind,
            after: now.saturating_duration_since(*since),
        });
        true
    }

    /// Something new may be playable (an onset in the room): a waiting feed asks again now.
    pub fn wake(&mut self, now: Instant) {
        if let State::Waiting { retry_at } = &mut self.state {
            *retry_at = now;
        }
    }

    /// The viewer's decoder needs a video key frame (it sent a PLI or FIR): ask the speaker
    /// playing now. Nothing to do for an audio-only feed or while nothing plays.
    pub fn key_frame_requested(&mut self) {
        if self.video.is_none() {
            return;
        }
        if let State::Playing { playout, speaker, .. } = &self.state {
            self.events.push_back(FeedEvent::KeyFrameNeeded {
                utterance: playout.reader().id(),
                speaker: speaker.clone(),
            });
        }
    }

    /// The viewer asked for something else.
    pub fn skip(&mut self, now: Instant) {
        match self.state {
            State::Playing { .. } => self.switch_next(now, SwitchReason::Skipped, &NoneStarting),
            State::Waiting { .. } => self.wake(now),
            // A decision is on its way already.
            State::Deciding { .. } | State::Idle => {}
        }
    }

    /// A broadcaster left: if it is the one playing, move on now rather than at the end of
    /// its (truncated) utterance.
    pub fn speaker_gone(&mut self, now: Instant, peer: &str) {
        if matches!(&self.state, State::Playing { speaker, .. } if &*speaker.peer == peer) {
            self.switch_next(now, SwitchReason::SpeakerGone, &NoneStarting);
        }
    }

    /// A moderator removed the utterance playing: move on now, dropping the packet read ahead.
    pub fn removed(&mut self, now: Instant) {
        if matches!(self.state, State::Playing { .. }) {
            self.switch_next(now, SwitchReason::Removed, &NoneStarting);
        }
    }

    /// Produces the next packet or event, or says when to come back. `packet` is the caller's
    /// reusable buffer; a [`FeedOutput::Packet`] leaves the rewritten packet in it.
    pub fn poll(&mut self, now: Instant, packet: &mut Vec<u8>) -> FeedOutput {
        self.poll_among(now, packet, &NoneStarting)
    }

    /// [`Feed::poll`], where a decision may join what other feeds start (`starting`).
    pub fn poll_among(&mut self, now: Instant, packet: &mut Vec<u8>, starting: &dyn StartingPlayouts) -> FeedOutput {
        let mut switches = 0;
        loop {
            if let Some(event) = self.events.pop_front() {
                return FeedOutput::Event(event);
            }
            let reason = match &mut self.state {
                State::Idle => return FeedOutput::Timeout(None),
                State::Waiting { retry_at } if now < *retry_at => {
                    return FeedOutput::Timeout(Some(*retry_at));
                }
                State::Waiting { .. } => SwitchReason::Resumed,
                State::Deciding { deadline, .. } if now < *deadline => {
                    return FeedOutput::Timeout(Some(*deadline));
                }
                State::Deciding { .. } => {
                    self.give_up_asking(now, Decision::TimedOut, starting);
                    continue;
                }
                State::Playing { .. } if self.following => return FeedOutput::Timeout(None),
                State::Playing { playout, speaker, .. } => match playout.poll(now) {
                    PlayoutStep::Packet { track } => {
                        self.last_due = playout.pending_due();
                        playout.take_packet(packet);
                        let kind = playout.reader().meta().tracks.get(usize::from(track)).map(|t| t.kind);
                        let rewriter = match kind {
                            Some(MediaKind::Audio) => Some(&mut self.audio),
                            Some(MediaKind::Video) => self.video.as_mut(),
                            None => None,
                        };
                        let (Some(kind), Some(rewriter)) = (kind, rewriter) else {
                            continue;
                        };
                        match rewriter.rewrite(now, self.last_due.unwrap_or(now), packet) {
                            Ok(Rewrite::Send { .. }) => return FeedOutput::Packet(kind),
                            Ok(Rewrite::Drop(DropReason::AwaitingKeyFrame { request: true })) => {
                                self.events.push_back(FeedEvent::KeyFrameNeeded {
                                    utterance: playout.reader().id(),
                                    speaker: speaker.clone(),
                                });
                            }
                            Ok(Rewrite::Drop(_)) => {}
                            Err(error) => {
                                tracing::debug!(utterance = %playout.reader().id(), %error, "unplayable packet dropped");
                            }
                        }
                        continue;
                    }
                    PlayoutStep::Until(at) => return FeedOutput::Timeout(Some(at)),
                    PlayoutStep::CaughtUp => {
                        return FeedOutput::Timeout(Some(now + self.config.live_poll));
                    }
                    PlayoutStep::Ended(how) => SwitchReason::Ended(how),
                    PlayoutStep::Evicted => SwitchReason::Evicted,
                    PlayoutStep::Removed => SwitchReason::Removed,
                },
            };
            if switches == SWITCHES_PER_POLL {
                return FeedOutput::Timeout(Some(now + self.config.live_poll));
            }
            switches += 1;
            self.switch_next(now, reason, starting);
        }
    }

    /// Drops the current playout (so its reader stops protecting the utterance) and keeps its
    /// buffer for the next one.
    fn release(&mut self) -> bool {
        self.following = false;
        match std::mem::replace(&mut self.state, State::Idle) {
            State::Playing { playout, .. } => {
                self.spare = playout.into_buffer();
                false
            }
            State::Waiting { .. } => true,
            State::Deciding { was_waiting, .. } => was_waiting,
            State::Idle => false,
        }
    }

    fn switch_next(&mut self, now: Instant, reason: SwitchReason, starting: &dyn StartingPlayouts) {
        let outcome = match reason {
            SwitchReason::Ended(_) => Some(SignalKind::Finished),
            SwitchReason::Skipped => Some(SignalKind::Skipped),
            SwitchReason::Evicted | SwitchReason::SpeakerGone => Some(SignalKind::Interrupted),
            // Not the speaker's fault as far as this viewer's taste goes: no signal.
            SwitchReason::Removed => None,
            SwitchReason::Started | SwitchReason::Resumed => None,
        };
        if let Some(kind) = outcome {
            self.signal(now, kind);
        }
        let was_waiting = self.release();
        self.viewer.signals.decided();
        match self.config.ask_external {
            Some(patience) => self.ask(now, reason, was_waiting, patience),
            None => self.decide(now, reason, was_waiting, starting),
        }
    }

    /// Asks the external recommender; the answer comes back through [`Feed::answer`], or the
    /// feed's own recommender decides at the deadline.
    fn ask(&mut self, now: Instant, reason: SwitchReason, was_waiting: bool, patience: Duration) {
        self.store
            .newest_candidates(&self.room, self.config.max_candidates, &mut self.candidates);
        self.ticket += 1;
        let body = external::request_body(&self.viewer, &self.room, &self.candidates, now, patience);
        self.state = State::Deciding {
            ticket: self.ticket,
            deadline: now + patience,
            reason,
            was_waiting,
        };
        self.events.push_back(FeedEvent::Ask {
            ticket: self.ticket,
            body,
        });
    }

    /// The external recommender's answer to `ticket` (`Err`: the request failed). An answer
    /// to an older question (after its deadline, or after the feed moved on) is ignored.
    pub fn answer(&mut self, now: Instant, ticket: u64, answer: Result<Option<UtteranceId>, String>) {
        let State::Deciding {
            ticket: asked,
            reason,
            was_waiting,
            ..
        } = self.state
        else {
            return;
        };
        if asked != ticket {
            return;
        }
        self.state = State::Idle;
        match answer {
            Ok(None) => {
                self.events.push_back(FeedEvent::Decided(Decision::Answered));
                self.wait(now, WaitReason::NothingToPlay, reason, was_waiting);
            }
            Ok(Some(id)) if self.allowed(id) && self.play(now, id, reason) => {
                self.events.push_back(FeedEvent::Decided(Decision::Answered));
            }
            Ok(Some(id)) => {
                tracing::debug!(viewer = %self.viewer.viewer, utterance = %id, "external recommendation refused");
                self.events.push_back(FeedEvent::Decided(Decision::Refused));
                self.decide(now, reason, was_waiting, &NoneStarting);
            }
            Err(error) => {
                tracing::debug!(viewer = %self.viewer.viewer, %error, "external recommender failed");
                self.events.push_back(FeedEvent::Decided(Decision::Failed));
                self.decide(now, reason, was_waiting, &NoneStarting);
            }
        }
    }

    /// No (usable) answer from the external recommender: the feed's own recommender decides.
    fn give_up_asking(&mut self, now: Instant, why: Decision, starting: &dyn StartingPlayouts) {
        if let State::Deciding {
            reason, was_waiting, ..
        } = std::mem::replace(&mut self.state, State::Idle)
        {
            self.events.push_back(FeedEvent::Decided(why));
            self.decide(now, reason, was_waiting, starting);
        }
    }

    /// The feed's own rules, whatever the policy: a candidate of this room (listed for this
    /// decision), never the viewer's own voice.
    fn allowed(&self, id: UtteranceId) -> bool {
        self.candidates
            .iter()
            .find(|c| c.id == id)
            .is_some_and(|c| *c.speaker.uid != *self.viewer.uid)
    }

    /// The feed's own recommender decides now, told what other feeds start at the instant its
    /// next utterance would.
    fn decide(&mut self, now: Instant, reason: SwitchReason, was_waiting: bool, starting: &dyn StartingPlayouts) {
        self.viewer.starting.clear();
        starting.starting_at(self.next_start(now, reason), &mut self.viewer.starting);
        for _ in 0..ATTEMPTS_PER_SWITCH {
            self.store
                .newest_candidates(&self.room, self.config.max_candidates, &mut self.candidates);
            let id = match self.recommender.next(&self.viewer, &self.candidates, now) {
                Ok(Some(id)) => id,
                Ok(None) => return self.wait(now, WaitReason::NothingToPlay, reason, was_waiting),
                Err(error) => {
                    tracing::warn!(viewer = %self.viewer.viewer, %error, "recommender failed");
                    return self.wait(now, WaitReason::RecommenderFailed, reason, was_waiting);
                }
            };
            if !self.allowed(id) {
                tracing::warn!(viewer = %self.viewer.viewer, utterance = %id, "recommendation refused");
                continue;
            }
            if self.play(now, id, reason) {
                return;
            }
        }
        self.wait(now, WaitReason::NothingToPlay, reason, was_waiting);
    }

    /// Starts playing `id` from its start; false if it is no longer in the store.
    fn play(&mut self, now: Instant, id: UtteranceId, reason: SwitchReason) -> bool {
        let Ok(reader) = self.store.reader(id) else {
            return false;
        };
        let speaker = reader.meta().speaker.clone();
        reader.count_play();
        self.viewer.history.push(id, Arc::clone(&speaker.uid));
        self.audio.switch();
        if let Some(video) = &mut self.video {
            video.switch();
        }
        tracing::debug!(viewer = %self.viewer.viewer, utterance = %id, speaker = %speaker.uid, ?reason, "feed switched");
        self.events.push_back(FeedEvent::Switched {
            utterance: id,
            speaker: speaker.clone(),
            reason,
        });
        let start = self.next_start(now, reason);
        self.followed_until = None;
        let spare = std::mem::take(&mut self.spare);
        let playout = match self.config.grid {
            Some(grid) => Playout::new(reader, start, spare).on_grid(grid.period()),
            None => Playout::new(reader, start, spare),
        };
        self.state = State::Playing {
            playout,
            speaker,
            since: now,
        };
        true
    }

    /// When an utterance started now (for `reason`) would start: not before the last packet's
    /// audio has played out (the utterance before may have just sent it, and starting now would
    /// overlap it), on the grid if there is one, within the join window after a natural end.
    fn next_start(&self, now: Instant, reason: SwitchReason) -> Instant {
        let start = [self.audio.free_at(), self.followed_until]
            .into_iter()
            .flatten()
            .fold(now, Instant::max);
        match (self.config.grid, reason) {
            // Feeds with video never share a playout: no reason to wait for company.
            (Some(grid), SwitchReason::Ended(_)) if self.video.is_none() => {
                grid.at_or_after_every(start, self.config.join_window)
            }
            (Some(grid), _) => grid.at_or_after(start),
            (None, _) => start,
        }
    }

    /// Nothing to play after a switch for `after`: waits, and tells the viewer unless it was
    /// waiting already.
    fn wait(&mut self, now: Instant, reason: WaitReason, after: SwitchReason, was_waiting: bool) {
        self.state = State::Waiting {
            retry_at: now + self.config.wait_retry,
        };
        if !was_waiting {
            let stopped = match after {
                SwitchReason::Started | SwitchReason::Resumed => None,
                stopped => Some(stopped),
            };
            self.events.push_back(FeedEvent::Waiting { reason, stopped });
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::buffer::{StoreConfig, Track, UtteranceMeta, UtteranceWriter};
    use crate::feed::Pacer;
    use crate::recommend::{RandomRecommender, RecommendError};
    use crate::rtp::{tests::build, RtpPacket};

    const MS20: Duration = Duration::from_millis(20);
    /// TOC byte: SILK narrowband, 20 ms, one frame.
    const OPUS_20MS: u8 = 1 << 3;
    const TICK: Duration = Duration::from_millis(5);

    fn config() -> FeedConfig {
        FeedConfig::audio_only(RewriterConfig {
            kind: MediaKind::Audio,
            ssrc: 0xF00D,
            payload_type: 100,
            clock_rate: 48_000,
            initial_sequence: 65_500,
            initial_timestamp: u32::MAX - 100_000,
            timeline: None,
        })
    }

    fn open(store: &UtteranceStore, uid: &str, start: Instant) -> UtteranceWriter {
        let meta = UtteranceMeta {
            topics: Default::default(),
            room: "r".into(),
            speaker: Speaker {
                uid: uid.into(),
                peer: format!("{uid}-peer").into(),
            },
            tracks: vec![Track {
                kind: MediaKind::Audio,
                clock_rate: 48_000,
            }],
        };
        store.open(meta, start).unwrap()
    }

    /// Appends `n` packets 20 ms apart from `start`: an Opus TOC of one 20 ms frame, then the
    /// packet's index.
    fn talk(w: &mut UtteranceWriter, start: Instant, from: u16, n: u16) {
        for i in from..from + n {
            let p = build(
                3000 + i,
                777 + 960 * u32::from(i),
                0xA0 + w.id().0 as u32,
                &[],
                None,
                &[&[OPUS_20MS][..], &[i as u8; 79]].concat(),
                0,
            );
            w.append(start + MS20 * u32::from(i), 0, &p).unwrap();
        }
    }

    fn spoken(store: &UtteranceStore, uid: &str, start: Instant, n: u16) -> UtteranceId {
        let mut w = open(store, uid, start);
        talk(&mut w, start, 0, n);
        let id = w.id();
        w.finish(start + MS20 * u32::from(n), EndState::Complete);
        id
    }

    fn feed(store: &UtteranceStore, uid: &str, recommender: Arc<dyn Recommender>) -> Feed {
        feed_with(config(), store, uid, recommender)
    }

    fn feed_with(cfg: FeedConfig, store: &UtteranceStore, uid: &str, recommender: Arc<dyn Recommender>) -> Feed {
        let viewer = ViewerContext::new(format!("{uid}-peer").into(), uid.into(), 20);
        Feed::new(cfg, "r".into(), viewer, store.clone(), recommender)
    }

    #[derive(Debug)]
    struct Sent {
        at: Instant,
        seq: u16,
        ts: u32,
        marker: bool,
        index: u8,
    }

    /// Polls until a timeout, collecting packets and events.
    fn drain(f: &mut Feed, now: Instant, sent: &mut Vec<Sent>, events: &mut Vec<FeedEvent>) -> Option<Instant> {
        let mut buf = Vec::new();
        loop {
            match f.poll(now, &mut buf) {
                FeedOutput::Packet(_) => {
                    let p = RtpPacket::parse(&buf).unwrap();
                    assert_eq!((p.ssrc(), p.payload_type()), (0xF00D, 100));
                    sent.push(Sent {
                        at: now,
                        seq: p.sequence(),
                        ts: p.timestamp(),
                        marker: p.marker(),
                        index: p.payload()[1],
                    });
                }
                FeedOutput::Event(e) => events.push(e),
                FeedOutput::Timeout(t) => return t,
            }
        }
    }

    /// Runs the feed on a 5 ms tick until `until`, polling only when due.
    fn run(f: &mut Feed, from: Instant, until: Instant) -> (Vec<Sent>, Vec<FeedEvent>) {
        let (mut sent, mut events) = (Vec::new(), Vec::new());
        let mut now = from;
        let mut due = Some(from);
        while now <= until {
            if due.is_some_and(|d| d <= now) {
                due = drain(f, now, &mut sent, &mut events);
            }
            now += TICK;
        }
        (sent, events)
    }

    fn assert_continuous(sent: &[Sent]) {
        for w in sent.windows(2) {
            assert_eq!(w[1].seq, w[0].seq.wrapping_add(1), "{w:?}");
            let d = w[1].ts.wrapping_sub(w[0].ts);
            assert!(d > 0 && d < 0x8000_0000, "timestamp went backwards: {w:?}");
        }
    }

    #[test]
    fn viewer_assigned_at_onset_gets_the_first_packet_at_once() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let mut f = feed(&store, "viewer", Arc::new(RandomRecommender::new(1)));
        f.start(t0);
        let (sent, events) = run(&mut f, t0, t0 + Duration::from_millis(50));
        assert!(sent.is_empty());
        assert_eq!(
            events,
            [FeedEvent::Waiting {
                reason: WaitReason::NothingToPlay,
                stopped: None
            }]
        );
        // Onset at 100 ms: the segmenter opens with 300 ms of pre-roll (16 packets).
        let onset = t0 + Duration::from_millis(400);
        let mut w = open(&store, "alice", onset - Duration::from_millis(300));
        talk(&mut w, onset - Duration::from_millis(300), 0, 16);
        f.wake(onset);
        let (mut sent, mut events) = (Vec::new(), Vec::new());
        let next = drain(&mut f, onset, &mut sent, &mut events);
        assert!(matches!(
            &events[..],
            [FeedEvent::Switched {
                reason: SwitchReason::Resumed,
                ..
            }]
        ));
        assert_eq!(sent.len(), 1, "first packet at the onset tick");
        assert_eq!(sent[0].index, 0);
        assert!(sent[0].marker);
        assert_eq!(next, Some(onset + MS20));
    }

    #[test]
    fn whole_utterance_is_paced_in_real_time() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        spoken(&store, "alice", t0, 100);
        let start = t0 + Duration::from_secs(1);
        let mut f = feed(&store, "viewer", Arc::new(RandomRecommender::new(1)));
        f.start(start);
        let (sent, events) = run(&mut f, start, start + Duration::from_secs(3));
        assert_eq!(sent.len(), 100);
        for (i, s) in sent.iter().enumerate() {
            let due = start + MS20 * i as u32;
            assert!(s.at >= due && s.at < due + TICK, "packet {i} at {:?}", s.at - start);
            assert_eq!(usize::from(s.index), i);
            assert_eq!(s.marker, i == 0);
        }
        assert_continuous(&sent);
        assert_eq!(sent[1].ts.wrapping_sub(sent[0].ts), 960);
        assert!(matches!(
            &events[..],
            [
                FeedEvent::Switched {
                    reason: SwitchReason::Started,
                    ..
                },
                FeedEvent::Waiting {
                    reason: WaitReason::NothingToPlay,
                    stopped: Some(SwitchReason::Ended(EndState::Complete)),
                },
            ]
        ));
    }

    #[test]
    fn switching_keeps_the_stream_continuous() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let a = spoken(&store, "alice", t0, 20);
        let b = spoken(&store, "bob", t0, 30);
        let mut f = feed(&store, "viewer", Arc::new(RandomRecommender::new(7)));
        f.start(t0);
        let (sent, events) = run(&mut f, t0, t0 + Duration::from_secs(2));
        assert_eq!(sent.len(), 50);
        assert_continuous(&sent);
        let switches: Vec<_> = events
            .iter()
            .filter_map(|e| match e {
                FeedEvent::Switched { utterance, reason, .. } => Some((*utterance, *reason)),
                _ => None,
            })
            .collect();
        assert_eq!(switches.len(), 2);
        assert_eq!(switches[0].1, SwitchReason::Started);
        assert_eq!(switches[1].1, SwitchReason::Ended(EndState::Complete));
        let mut order = [switches[0].0, switches[1].0];
        order.sort();
        assert_eq!(order, [a, b]);
        let first_len = if switches[0].0 == a { 20 } else { 30 };
        let markers: Vec<usize> = sent
            .iter()
            .enumerate()
            .filter(|(_, s)| s.marker)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(markers, [0, first_len]);
        // The sequence started near the wrap and crossed it.
        assert_eq!(sent[0].seq, 65_500);
        assert!(sent.iter().any(|s| s.seq == 0));
    }

    #[test]
    fn eviction_mid_play_switches_cleanly() {
        let t0 = Instant::now();
        let probe = UtteranceStore::new(StoreConfig::default());
        spoken(&probe, "x", t0, 100);
        let one = probe.bytes_used();
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: one * 5 / 2,
            ..StoreConfig::default()
        });
        // Alice's utterance is the only finished one, so it goes although it is being read.
        let a = spoken(&store, "alice", t0, 100);
        let mut f = feed(&store, "viewer", Arc::new(RandomRecommender::new(3)));
        f.start(t0);
        let (mut sent, mut events) = run(&mut f, t0, t0 + Duration::from_millis(500));
        assert_eq!(f.playing().map(|p| p.0), Some(a));
        // Bob talks live and long enough to push alice's utterance out although it is read.
        let mut w = open(&store, "bob", t0);
        talk(&mut w, t0, 0, 100);
        assert_eq!(store.stats().evictions_while_read, 1);
        let (more, more_events) = run(&mut f, t0 + Duration::from_millis(505), t0 + Duration::from_millis(600));
        sent.extend(more);
        events.extend(more_events);
        assert!(events.iter().any(|e| matches!(e, FeedEvent::Switched { reason: SwitchReason::Evicted, speaker, .. } if &*speaker.uid == "bob")));
        assert_continuous(&sent);
        let first_bob = sent
            .iter()
            .position(|s| s.marker && s.index == 0 && s.at > t0 + Duration::from_millis(500))
            .unwrap();
        assert!(first_bob > 20, "alice was playing before");
    }

    #[test]
    fn a_removed_utterance_is_left_at_the_next_poll_and_never_played_again() {
        let t0 = Instant::now();
        let store = UtteranceStore::new(StoreConfig::default());
        spoken(&store, "alice", t0, 100);
        spoken(&store, "bob", t0, 100);
        let mut f = feed(&store, "viewer", Arc::new(RandomRecommender::new(3)));
        f.start(t0);
        let (_, _) = run(&mut f, t0, t0 + Duration::from_millis(300));
        let (playing, speaker) = f.playing().map(|(id, s)| (id, s.uid.clone())).unwrap();
        // The next packet is already read ahead, copied out of the store: the engine removes
        // and tells the feed in one turn, and the feed drops it.
        store.remove(&crate::buffer::Removal::One(playing));
        let now = t0 + Duration::from_millis(301);
        f.removed(now);
        let mut buf = Vec::new();
        match f.poll(now + Duration::from_millis(40), &mut buf) {
            FeedOutput::Event(FeedEvent::Switched {
                reason,
                speaker: next,
                utterance,
            }) => {
                assert_eq!(reason, SwitchReason::Removed);
                assert_ne!(next.uid, speaker);
                assert_ne!(utterance, playing);
            }
            other => panic!("not one more packet of a removed utterance: {other:?}"),
        }
        let (_, events) = run(&mut f, now, now + Duration::from_secs(10));
        assert!(
            !events
                .iter()
                .any(|e| matches!(e, FeedEvent::Switched { utterance, .. } if *utterance == playing)),
            "{events:?}"
        );
    }

    #[test]
    fn never_the_viewers_own_voice_even_from_a_bad_policy() {
        struct Narcissist;
        impl Recommender for Narcissist {
            fn next(
                &self,
                v: &ViewerContext,
                c: &[Candidate],
                _: Instant,
            ) -> Result<Option<UtteranceId>, RecommendError> {
                Ok(c.iter().find(|c| *c.speaker.uid == *v.uid).map(|c| c.id))
            }
        }
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let mut me = open(&store, "me", t0);
        talk(&mut me, t0, 0, 10);
        spoken(&store, "bob", t0, 10);
        let mut f = feed(&store, "me", Arc::new(RandomRecommender::new(5)));
        f.start(t0);
        let (sent, events) = run(&mut f, t0, t0 + Duration::from_secs(1));
        assert_eq!(sent.len(), 10);
        assert!(events
            .iter()
            .all(|e| !matches!(e, FeedEvent::Switched { speaker, .. } if &*speaker.uid == "me")));
        let mut f = feed(&store, "me", Arc::new(Narcissist));
        f.start(t0);
        let (sent, events) = run(&mut f, t0, t0 + Duration::from_millis(100));
        assert!(sent.is_empty());
        assert_eq!(
            events,
            [FeedEvent::Waiting {
                reason: WaitReason::NothingToPlay,
                stopped: None
            }]
        );
    }

    #[test]
    fn signals_and_play_counts_are_recorded_as_the_feed_runs() {
        use crate::recommend::SignalKind;
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let a = spoken(&store, "alice", t0, 50);
        let b = spoken(&store, "bob", t0 + Duration::from_millis(10), 50);
        let start = t0 + Duration::from_secs(2);
        let mut f = feed(&store, "viewer", Arc::new(RandomRecommender::new(1)));
        f.start(start);
        let first = f.playing().unwrap().0;
        run(&mut f, start, start + Duration::from_millis(400));
        assert!(f.like(start + Duration::from_millis(400)));
        f.skip(start + Duration::from_millis(500));
        let second = f.playing().unwrap().0;
        assert_ne!(first, second);
        // The second plays 1 s to its end, then nothing is left.
        run(
            &mut f,
            start + Duration::from_millis(500),
            start + Duration::from_secs(3),
        );
        assert!(f.is_waiting());
        let kinds: Vec<_> = f
            .viewer()
            .signals
            .recent()
            .map(|s| (s.utterance, s.kind, s.after))
            .collect();
        assert_eq!(
            kinds,
            [
                (first, SignalKind::Liked, Duration::from_millis(400)),
                (first, SignalKind::Skipped, Duration::from_millis(500)),
                (second, SignalKind::Finished, kinds[2].2),
            ]
        );
        assert!(
            kinds[2].2 >= Duration::from_millis(900),
            "played its 50 packets: {kinds:?}"
        );
        assert!(!f.like(start + Duration::from_secs(3)), "nothing plays: no signal");
        let mut listed = Vec::new();
        store.candidates("r", &mut listed);
        let counts = |id| {
            let c = listed.iter().find(|c| c.id == id).unwrap();
            (c.features.plays, c.features.finishes)
        };
        assert_eq!(counts(first), (1, 0));
        assert_eq!(counts(second), (1, 1));
        assert!([a, b].contains(&first) && [a, b].contains(&second));
        f.stop(start + Duration::from_secs(3));
        assert_eq!(f.viewer().signals.recent().len(), 3, "stopped while waiting: no signal");
    }

    #[test]
    fn skip_and_speaker_gone_switch_at_once() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        spoken(&store, "alice", t0, 50);
        spoken(&store, "bob", t0, 50);
        spoken(&store, "carol", t0, 50);
        let mut f = feed(&store, "viewer", Arc::new(RandomRecommender::new(11)));
        f.start(t0);
        let (mut sent, _) = run(&mut f, t0, t0 + Duration::from_millis(100));
        let first = f.playing().unwrap().1.clone();
        let t1 = t0 + Duration::from_millis(105);
        f.skip(t1);
        let second = f.playing().unwrap().1.clone();
        assert_ne!(first, second);
        f.speaker_gone(t1, "nobody-peer");
        assert_eq!(f.playing().unwrap().1, &second);
        f.speaker_gone(t1, &second.peer);
        let third = f.playing().unwrap().1.clone();
        assert!(third != first && third != second);
        let (more, events) = run(&mut f, t1, t1 + Duration::from_millis(100));
        sent.extend(more);
        assert_continuous(&sent);
        let reasons: Vec<_> = events
            .iter()
            .filter_map(|e| match e {
                FeedEvent::Switched { reason, .. } => Some(*reason),
                _ => None,
            })
            .collect();
        assert_eq!(reasons, [SwitchReason::Skipped, SwitchReason::SpeakerGone]);
    }

    #[test]
    fn on_a_grid_feeds_start_and_send_in_step() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        spoken(&store, "alice", t0, 20);
        let grid = Grid::new(t0, MS20);
        let mut sends = Vec::new();
        // Two viewers switching 3 ms and 11 ms after a grid instant.
        for offset in [3, 11] {
            let mut cfg = config();
            cfg.grid = Some(grid);
            let mut f = feed_with(cfg, &store, &format!("v{offset}"), Arc::new(RandomRecommender::new(1)));
            let mut now = t0 + Duration::from_millis(offset);
            f.start(now);
            let (mut dues, mut buf) = (Vec::new(), Vec::new());
            while dues.len() < 20 {
                match f.poll(now, &mut buf) {
                    FeedOutput::Packet(_) => dues.push(f.last_packet_due().unwrap()),
                    FeedOutput::Timeout(Some(at)) => now = at,
                    FeedOutput::Timeout(None) => panic!("idle after {} packets", dues.len()),
                    FeedOutput::Event(_) => {}
                }
            }
            sends.push(dues);
        }
        // Both start at the next grid instant (20 ms) and have every packet due at the same
        // grid instants.
        assert_eq!(sends[0], sends[1]);
        let expected: Vec<_> = (1..=20).map(|k| t0 + MS20 * k).collect();
        assert_eq!(sends[0], expected);
    }

    /// Utterances that other feeds start at given instants.
    struct Others(Vec<(Instant, UtteranceId)>);

    impl StartingPlayouts for Others {
        fn starting_at(&self, at: Instant, out: &mut Vec<UtteranceId>) {
            out.extend(self.0.iter().filter(|(t, _)| *t == at).map(|(_, id)| *id));
        }
    }

    #[test]
    fn a_decision_joins_what_others_start_at_its_own_start_instant() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let ids: Vec<_> = (0..6).map(|i| spoken(&store, &format!("s{i}"), t0, 10)).collect();
        let grid = Grid::new(t0, MS20);
        let start = t0 + Duration::from_millis(3);
        let mut buf = Vec::new();
        for (k, &id) in ids.iter().enumerate() {
            let mut cfg = config();
            cfg.grid = Some(grid);
            let mut f = feed_with(
                cfg,
                &store,
                &format!("v{k}"),
                Arc::new(RandomRecommender::new(k as u64)),
            );
            // The next grid instant is t0 + 20 ms: what others start then is joined...
            let others = Others(vec![(t0 + MS20, id), (t0 + MS20 * 2, ids[(k + 1) % ids.len()])]);
            f.start_among(start, &others);
            assert_eq!(f.playout_key(), Some((id, t0 + MS20)));
            assert_eq!(f.viewer().starting, [id]);
            // The same at the end of an utterance: the next starts after its last packet's audio.
            let mut now = start;
            let next = ids[(k + 2) % ids.len()];
            let at_end = loop {
                match f.poll_among(now, &mut buf, &Others(Vec::new())) {
                    FeedOutput::Timeout(Some(at)) => now = at,
                    FeedOutput::Timeout(None) => panic!("idle"),
                    FeedOutput::Packet(_) => {}
                    FeedOutput::Event(_) => {}
                }
                if f.last_packet_due() == Some(t0 + MS20 * 10) {
                    break grid.at_or_after(now + MS20);
                }
            };
            let _ = f.poll_among(at_end, &mut buf, &Others(vec![(at_end, next)]));
            assert_eq!(f.playout_key().map(|(id, _)| id), Some(next));
        }
        // ...and what starts at another instant is not (six feeds, seeds 0 to 5: a uniform pick
        // of one of six that always hit the other instant's would be a 1 in 46 656 fluke).
        let picks: Vec<_> = (0..6u64)
            .map(|k| {
                let mut cfg = config();
                cfg.grid = Some(grid);
                let mut f = feed_with(cfg, &store, &format!("w{k}"), Arc::new(RandomRecommender::new(k)));
                f.start_among(start, &Others(vec![(t0 + MS20 * 2, ids[0])]));
                f.playout_key().map(|(id, _)| id)
            })
            .collect();
        assert!(picks.iter().any(|p| *p != Some(ids[0])), "{picks:?}");
    }

    #[test]
    fn after_an_utterance_played_to_its_end_the_next_starts_in_the_join_window() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        // 10 packets (200 ms) each, from two speakers.
        spoken(&store, "a", t0, 10);
        spoken(&store, "b", t0, 10);
        let mut cfg = config();
        cfg.grid = Some(Grid::new(t0, MS20));
        cfg.join_window = Duration::from_millis(300);
        let mut f = feed_with(cfg, &store, "v", Arc::new(RandomRecommender::new(1)));
        // The first starts at the next 20 ms instant, not on the window's grid.
        f.start(t0 + Duration::from_millis(3));
        assert_eq!(f.playout_key().map(|(_, at)| at), Some(t0 + MS20));
        let (sent, events) = run(&mut f, t0, t0 + Duration::from_millis(700));
        let starts: Vec<_> = sent.iter().filter(|s| s.index == 0).map(|s| s.at).collect();
        // It ends when its last packet's audio has played out (t0 + 220 ms): the next starts
        // at t0 + 300 ms, the window's first instant after that, not at t0 + 220 ms.
        assert_eq!(starts, [t0 + MS20, t0 + Duration::from_millis(300)], "{events:?}");
        assert_continuous(&sent);
    }

    #[test]
    fn a_following_feed_reads_nothing_until_its_group_ends_or_it_catches_up() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let id = spoken(&store, "alice", t0, 10);
        let grid = Grid::new(t0, MS20);
        let feed_on_grid = |uid: &str| {
            let mut cfg = config();
            cfg.grid = Some(grid);
            cfg.audio.timeline = Some(crate::feed::rewriter::Timeline { origin: t0, base: 7 });
            feed_with(cfg, &store, uid, Arc::new(RandomRecommender::new(1)))
        };
        let start = t0 + Duration::from_millis(3);
        let mut buf = Vec::new();

        // Followed to its end: nothing read or sent, then the switch the group's end causes.
        let mut f = feed_on_grid("v1");
        f.start(start);
        assert_eq!(
            f.playout_key(),
            Some((id, t0 + MS20)),
            "the utterance, from the next grid instant"
        );
        assert!(!f.has_video());
        f.follow();
        assert!(matches!(
            f.poll(start, &mut buf),
            FeedOutput::Event(FeedEvent::Switched { .. })
        ));
        assert_eq!(
            f.poll(t0 + MS20 * 5, &mut buf),
            FeedOutput::Timeout(None),
            "a follower waits to be told"
        );
        f.followed_to_end(
            t0 + MS20 * 11,
            SwitchReason::Ended(EndState::Complete),
            None,
            &NoneStarting,
        );
        assert_eq!(f.playout_key(), None);
        assert!(matches!(
            f.poll(t0 + MS20 * 11, &mut buf),
            FeedOutput::Event(FeedEvent::Waiting {
                stopped: Some(SwitchReason::Ended(EndState::Complete)),
                ..
            })
        ));
        assert_eq!(
            f.viewer().signals.recent().last().map(|s| s.kind),
            Some(SignalKind::Finished),
            "the viewer heard it to the end"
        );

        // Let go mid-utterance: what was due is dropped, the rest is sent by its own rewriter on
        // the timeline, so the timestamps are the due instants' RTP time, as the group's were.
        let mut f = feed_on_grid("v2");
        f.start(start);
        f.follow();
        let mut now = t0 + MS20 * 5;
        f.catch_up(now);
        let mut sent = Vec::new();
        loop {
            match f.poll(now, &mut buf) {
                FeedOutput::Packet(_) => {
                    let p = RtpPacket::parse(&buf).unwrap();
                    let due = f.last_packet_due().unwrap();
                    assert_eq!(p.timestamp(), 7 + 48 * u32::try_from((due - t0).as_millis()).unwrap());
                    sent.push(due);
                }
                FeedOutput::Timeout(Some(at)) if at < t0 + MS20 * 12 => now = at,
                FeedOutput::Timeout(_) => break,
                FeedOutput::Event(_) => {}
            }
        }
        let expected: Vec<_> = (6..=10).map(|k| t0 + MS20 * k).collect();
        assert_eq!(sent, expected, "the packets due after the catch-up");
    }

    #[test]
    fn the_viewer_hears_why_its_feed_stopped_when_nothing_follows() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        spoken(&store, "alice", t0, 50);
        let mut f = feed(&store, "viewer", Arc::new(RandomRecommender::new(3)));
        f.start(t0);
        let (_, events) = run(&mut f, t0, t0 + Duration::from_millis(100));
        assert!(matches!(events[..], [FeedEvent::Switched { .. }]), "{events:?}");
        let alice = f.playing().unwrap().1.clone();
        f.speaker_gone(t0 + Duration::from_millis(100), &alice.peer);
        let (_, events) = run(&mut f, t0 + Duration::from_millis(100), t0 + Duration::from_millis(200));
        assert_eq!(
            events,
            [FeedEvent::Waiting {
                reason: WaitReason::NothingToPlay,
                stopped: Some(SwitchReason::SpeakerGone)
            }]
        );
    }

    /// A feed that asks an external recommender (waiting up to 20 ms), and its first question.
    fn asking_feed(store: &UtteranceStore, t0: Instant) -> (Feed, u64, serde_json::Value) {
        let mut cfg = config();
        cfg.ask_external = Some(Duration::from_millis(20));
        let mut f = feed_with(cfg, store, "viewer", Arc::new(RandomRecommender::new(1)));
        f.start(t0);
        let mut buf = Vec::new();
        let FeedOutput::Event(FeedEvent::Ask { ticket, body }) = f.poll(t0, &mut buf) else {
            panic!("the feed asks first");
        };
        assert_eq!(
            f.poll(t0, &mut buf),
            FeedOutput::Timeout(Some(t0 + Duration::from_millis(20)))
        );
        (f, ticket, serde_json::from_slice(&body).unwrap())
    }

    fn switched_to(events: &[FeedEvent]) -> Vec<UtteranceId> {
        events
            .iter()
            .filter_map(|e| match e {
                FeedEvent::Switched { utterance, .. } => Some(*utterance),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_external_answer_is_played_and_a_late_one_ignored() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let a = spoken(&store, "alice", t0, 5);
        let b = spoken(&store, "bob", t0 + Duration::from_millis(200), 5);
        let (mut f, ticket, question) = asking_feed(&store, t0 + Duration::from_secs(1));
        let ids: Vec<u64> = question["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_u64().unwrap())
            .collect();
        assert_eq!(ids, [a.0, b.0]);
        let now = t0 + Duration::from_millis(1010);
        f.answer(now, ticket + 1, Ok(Some(a)));
        assert!(f.playing().is_none(), "an answer to another question is ignored");
        f.answer(now, ticket, Ok(Some(a)));
        let (sent, events) = run(&mut f, now, now + Duration::from_millis(60));
        assert!(events.contains(&FeedEvent::Decided(Decision::Answered)), "{events:?}");
        assert_eq!(switched_to(&events)[0], a);
        assert!(!sent.is_empty());
        // Answered twice: the second is stale.
        f.answer(now, ticket, Ok(Some(b)));
        assert_eq!(f.playing().map(|(id, _)| id), Some(a));
    }

    /// The same utterance twice in a row (a policy or an external service may answer a
    /// repeat): the viewer's stream stays one stream, sequence numbers without a gap and
    /// timestamps that only go forward, across both switches into it.
    #[test]
    fn replaying_the_same_utterance_keeps_the_stream_continuous() {
        struct Again(UtteranceId);
        impl Recommender for Again {
            fn next(
                &self,
                _: &ViewerContext,
                _: &[Candidate],
                _: Instant,
            ) -> Result<Option<UtteranceId>, RecommendError> {
                Ok(Some(self.0))
            }
        }
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let a = spoken(&store, "alice", t0, 10);
        // The feed's own policy repeats it: a play every 200 ms or so.
        let mut f = feed(&store, "viewer", Arc::new(Again(a)));
        f.start(t0);
        let (sent, events) = run(&mut f, t0, t0 + Duration::from_millis(700));
        let plays = switched_to(&events);
        assert!(plays.len() >= 3 && plays.iter().all(|&p| p == a), "{events:?}");
        // Every play whole and from its start (the last one may be cut by the end of the run).
        let indices: Vec<u8> = sent.iter().map(|s| s.index).collect();
        let expected: Vec<u8> = (0..sent.len()).map(|i| (i % 10) as u8).collect();
        assert_eq!(indices, expected);
        assert!(sent.len() > 20);
        assert_continuous(&sent);
        let markers: Vec<usize> = (0..sent.len()).filter(|&i| sent[i].marker).collect();
        let starts: Vec<usize> = (0..sent.len()).step_by(10).collect();
        assert_eq!(markers, starts, "a marker where each play starts");
        // Each replay starts when the last packet's audio has played out: 20 ms after it, in
        // time and in RTP time (a switch comes at the instant the last packet went out).
        assert_eq!(sent[10].ts.wrapping_sub(sent[9].ts), 960);
        assert_eq!(sent[10].at - sent[9].at, MS20);

        // The external service answers a repeat: the same.
        let (mut f, ticket, _) = asking_feed(&store, t0);
        f.answer(t0, ticket, Ok(Some(a)));
        // Run until the feed asks again at the end of the first play, and answer at once.
        let (mut sent, mut events) = (Vec::new(), Vec::new());
        let mut now = t0;
        let again = loop {
            drain(&mut f, now, &mut sent, &mut events);
            if let Some(FeedEvent::Ask { ticket, .. }) = events.last() {
                break *ticket;
            }
            assert!(now < t0 + Duration::from_secs(1), "asked again at the end: {events:?}");
            now += TICK;
        };
        assert_eq!(sent.len(), 10);
        let later = now;
        f.answer(later, again, Ok(Some(a)));
        let (more, events) = run(&mut f, later, later + Duration::from_millis(300));
        assert_eq!(switched_to(&events), [a], "{events:?}");
        sent.extend(more);
        assert_eq!(sent.len(), 20);
        assert_continuous(&sent);
        assert_eq!(sent[10].index, 0, "played again from its start");
    }

    #[test]
    fn without_a_usable_answer_the_feed_decides_by_itself() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let a = spoken(&store, "alice", t0, 5);
        let own = spoken(&store, "viewer", t0, 5);
        let asked = t0 + Duration::from_secs(1);
        for (answer, how) in [
            (None, Decision::TimedOut),
            (Some(Err("HTTP 500".to_string())), Decision::Failed),
            (Some(Ok(Some(UtteranceId(999)))), Decision::Refused),
            (Some(Ok(Some(own))), Decision::Refused),
        ] {
            let (mut f, ticket, _) = asking_feed(&store, asked);
            let now = match answer {
                Some(answer) => {
                    f.answer(asked + MS20 / 2, ticket, answer);
                    asked + MS20 / 2
                }
                None => asked + MS20,
            };
            let (_, events) = run(&mut f, now, now + Duration::from_millis(30));
            assert_eq!(events[0], FeedEvent::Decided(how), "{events:?}");
            assert_eq!(switched_to(&events), [a], "{how:?}: the feed's own recommender picked");
        }
    }

    #[test]
    fn nothing_suits_says_the_service_and_the_feed_waits() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        spoken(&store, "alice", t0, 5);
        let (mut f, ticket, _) = asking_feed(&store, t0);
        f.answer(t0, ticket, Ok(None));
        let (sent, events) = run(&mut f, t0, t0 + Duration::from_millis(100));
        assert!(sent.is_empty());
        assert_eq!(
            events[..2],
            [
                FeedEvent::Decided(Decision::Answered),
                FeedEvent::Waiting {
                    reason: WaitReason::NothingToPlay,
                    stopped: None
                }
            ]
        );
    }

    #[test]
    fn recommender_failure_waits_and_retries() {
        struct Flaky(parking_lot::Mutex<u32>);
        impl Recommender for Flaky {
            fn next(
                &self,
                v: &ViewerContext,
                c: &[Candidate],
                now: Instant,
            ) -> Result<Option<UtteranceId>, RecommendError> {
                let mut calls = self.0.lock();
                *calls += 1;
                if *calls == 1 {
                    return Err(RecommendError::Unavailable("warming up".into()));
                }
                RandomRecommender::new(1).next(v, c, now)
            }
        }
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        spoken(&store, "alice", t0, 10);
        let mut f = feed(&store, "viewer", Arc::new(Flaky(parking_lot::Mutex::new(0))));
        f.start(t0);
        let (sent, events) = run(&mut f, t0, t0 + Duration::from_millis(1500));
        assert_eq!(
            events[0],
            FeedEvent::Waiting {
                reason: WaitReason::RecommenderFailed,
                stopped: None
            }
        );
        assert!(matches!(
            events[1],
            FeedEvent::Switched {
                reason: SwitchReason::Resumed,
                ..
            }
        ));
        assert_eq!(sent.len(), 10);
        assert!(sent[0].at >= t0 + Duration::from_secs(1));
    }

    #[test]
    fn video_switch_requests_a_key_frame_and_waits_for_it() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let meta = UtteranceMeta {
            topics: Default::default(),
            room: "r".into(),
            speaker: Speaker {
                uid: "alice".into(),
                peer: "alice-peer".into(),
            },
            tracks: vec![
                Track {
                    kind: MediaKind::Audio,
                    clock_rate: 48_000,
                },
                Track {
                    kind: MediaKind::Video,
                    clock_rate: 90_000,
                },
            ],
        };
        let mut w = store.open(meta, t0).unwrap();
        // Audio every 20 ms; video: a delta frame at 0 ms, a key frame at 40 ms.
        for i in 0..5u16 {
            let a = build(i, 960 * u32::from(i), 1, &[], None, &[i as u8; 40], 0);
            w.append(t0 + MS20 * u32::from(i), 0, &a).unwrap();
            if i == 0 || i == 2 {
                let vp8: &[u8] = if i == 0 {
                    &[0x10, 0x01, 0, 0]
                } else {
                    &[0x10, 0x00, 0x9D, 0x01]
                };
                let v = build(100 + i, 3000 * u32::from(i), 2, &[], None, vp8, 0);
                w.append(t0 + MS20 * u32::from(i), 1, &v).unwrap();
            }
        }
        let mut cfg = config();
        cfg.video = Some(RewriterConfig {
            kind: MediaKind::Video,
            ssrc: 0xF11D,
            payload_type: 101,
            clock_rate: 90_000,
            initial_sequence: 0,
            initial_timestamp: 0,
            timeline: None,
        });
        let mut f = feed_with(cfg, &store, "v", Arc::new(RandomRecommender::new(1)));
        f.start(t0);
        let mut buf = Vec::new();
        let mut kinds = Vec::new();
        let mut events = Vec::new();
        let mut now = t0;
        while now < t0 + Duration::from_millis(120) {
            loop {
                match f.poll(now, &mut buf) {
                    FeedOutput::Packet(kind) => kinds.push(kind),
                    FeedOutput::Event(e) => events.push(e),
                    FeedOutput::Timeout(_) => break,
                }
            }
            now += TICK;
        }
        use MediaKind::*;
        assert_eq!(
            kinds,
            [Audio, Audio, Audio, Video, Audio, Audio],
            "video starts at the key frame"
        );
        assert!(events
            .iter()
            .any(|e| matches!(e, FeedEvent::KeyFrameNeeded { speaker, .. } if &*speaker.uid == "alice")));
        // The viewer's PLI: the speaker playing is asked for a key frame.
        f.key_frame_requested();
        assert!(matches!(
            f.poll(now, &mut buf),
            FeedOutput::Event(FeedEvent::KeyFrameNeeded { speaker, .. }) if &*speaker.uid == "alice"
        ));
        drop(w);
    }

    #[test]
    fn an_audio_only_feed_ignores_key_frame_requests() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        spoken(&store, "alice", t0, 10);
        let mut f = feed(&store, "viewer", Arc::new(RandomRecommender::new(1)));
        f.start(t0);
        f.key_frame_requested();
        let (_, events) = run(&mut f, t0, t0 + Duration::from_millis(30));
        assert!(events.iter().all(|e| !matches!(e, FeedEvent::KeyFrameNeeded { .. })));
    }

    #[test]
    fn one_pacer_drives_many_feeds() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        for s in 0..10 {
            spoken(&store, &format!("speaker{s}"), t0, 50);
        }
        let recommender: Arc<dyn Recommender> = Arc::new(RandomRecommender::new(13));
        let mut feeds: HashMap<u32, Feed> = (0..1000)
            .map(|k| (k, feed(&store, &format!("viewer{k}"), Arc::clone(&recommender))))
            .collect();
        let mut pacer = Pacer::new(t0, TICK, 256);
        for (k, f) in feeds.iter_mut() {
            f.start(t0);
            pacer.schedule(*k, t0);
        }
        let (mut due, mut buf) = (Vec::new(), Vec::new());
        let (mut polled, mut packets) = (0usize, 0usize);
        let mut now = t0;
        while now <= t0 + Duration::from_millis(500) {
            due.clear();
            pacer.expire(now, &mut due);
            for k in &due {
                let f = feeds.get_mut(k).unwrap();
                polled += 1;
                loop {
                    match f.poll(now, &mut buf) {
                        FeedOutput::Packet(_) => packets += 1,
                        FeedOutput::Event(_) => {}
                        FeedOutput::Timeout(Some(at)) => {
                            pacer.schedule(*k, at);
                            break;
                        }
                        FeedOutput::Timeout(None) => break,
                    }
                }
            }
            now += TICK;
        }
        // 500 ms at 20 ms per packet: 25 or 26 packets per feed, and a feed is polled about
        // once per packet, not once per tick.
        assert!(packets >= 1000 * 25, "{packets}");
        assert!(polled <= packets + 1000, "{polled} polls for {packets} packets");
        assert_eq!(store.stats().readers, 1000);
    }
}
