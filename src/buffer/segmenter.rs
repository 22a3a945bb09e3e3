//! Utterance boundaries from per-packet audio levels, one [`Segmenter`] per broadcaster.
//!
//! The tap feeds every audio packet with its RFC 6464 level; the segmenter decides when an
//! utterance opens (with the pre-roll that came before the onset), which packets it holds and
//! when it closes. It is generic over the packet handle `P` so the shell chooses what it keeps
//! in the pre-roll ring (an owned buffer from a pool, an index into a ring of its own...).
//!
//! Driving it is str0m-style: feed an input ([`Segmenter::push`], [`Segmenter::push_video`],
//! [`Segmenter::tick`], [`Segmenter::producer_closed`]), then drain [`Segmenter::poll`] until it
//! returns `None`.
//!
//! Video never decides boundaries: the broadcaster's video joins each utterance the audio opened
//! from the first key frame after the onset (a viewer switched to the utterance must be able to
//! decode its first video packet), and [`SegmentEvent::KeyFrameWanted`] tells the shell to ask
//! the camera for one at once rather than wait for its next scheduled key frame.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use super::MediaKind;
use crate::rtp::AudioLevel;

/// While an utterance waits for its first video key frame, ask again this often.
pub const KEY_FRAME_RETRY: Duration = Duration::from_secs(1);

/// Tuning of the voice-activity detector. Levels are RFC 6464 -dBov: 0 loudest, 127 silence,
/// so "louder than" means a smaller number.
#[derive(Debug, Clone)]
pub struct SegmenterConfig {
    /// A packet at or louder than this counts towards an onset.
    pub onset_level: u8,
    /// While open, a packet at or louder than this keeps the utterance alive. Quieter than
    /// `onset_level` so that a voice trailing off does not flap (hysteresis).
    pub offset_level: u8,
    /// Onset after this many consecutive loud packets...
    pub onset_packets: u32,
    /// ...or once loud packets have kept coming for this long (long packet times).
    pub onset_duration: Duration,
    /// The utterance stays open this long after the last voiced packet.
    pub hangover: Duration,
    /// Packets kept during silence so that an utterance starts before its first loud packet.
    pub pre_roll: Duration,
    /// Bound on the pre-roll ring whatever the packet rate, so a flood cannot grow it.
    pub pre_roll_max_packets: usize,
    /// A longer monologue is cut into consecutive utterances of at most this length.
    pub max_length: Duration,
}

impl Default for SegmenterConfig {
    fn default() -> Self {
        Self {
            onset_level: 45,
            offset_level: 55,
            onset_packets: 3,
            onset_duration: Duration::from_millis(40),
            hangover: Duration::from_millis(500),
            pre_roll: Duration::from_millis(300),
            pre_roll_max_packets: 64,
            max_length: Duration::from_secs(15),
        }
    }
}

/// Why an utterance closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseReason {
    /// The hangover after the last voiced packet ran out.
    Silence,
    /// Cut at the maximum length; the next utterance of the same speaker follows at once.
    MaxLength,
    /// The broadcaster's producer went away mid-utterance: the utterance is truncated.
    ProducerClosed,
}

/// A decision of the segmenter.
#[derive(Debug, PartialEq, Eq)]
pub enum SegmentEvent<P> {
    /// A new utterance starts at `start`; the next `pre_roll` [`SegmentEvent::Append`]s are the
    /// ring's packets at the onset decision (the quiet lead-in and the loud packets that made
    /// the onset, oldest first), then live packets follow.
    Open { start: Instant, pre_roll: usize },
    /// A packet of the open utterance, with its arrival time and kind.
    Append {
        arrival: Instant,
        kind: MediaKind,
        packet: P,
    },
    /// The open utterance waits for a video key frame: ask the broadcaster's camera for one.
    KeyFrameWanted,
    /// The open utterance ends at `end`.
    Close { end: Instant, reason: CloseReason },
}

#[derive(Debug, Clone, Copy)]
enum State {
    Silent {
        loud_streak: u32,
        streak_start: Option<Instant>,
    },
    Open {
        start: Instant,
        last_voiced: Instant,
    },
}

/// Voice-activity state machine of one broadcaster.
#[derive(Debug)]
pub struct Segmenter<P> {
    config: SegmenterConfig,
    state: State,
    /// Pre-roll ring: packets seen in silence, oldest first, with arrival times.
    ring: VecDeque<(Instant, P)>,
    /// Decisions not yet polled; its capacity is kept so steady state does not allocate.
    out: VecDeque<SegmentEvent<P>>,
    /// Video of the open utterance: `None` until its first key frame, when the last key frame
    /// request went out; `Some` once video joined.
    video: VideoJoin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VideoJoin {
    /// No utterance open, or it waits for a key frame requested at this time.
    Waiting(Option<Instant>),
    Joined,
}

impl<P> Segmenter<P> {
    pub fn new(config: SegmenterConfig) -> Self {
        let ring_cap = config.pre_roll_max_packets.max(1);
        Self {
            ring: VecDeque::with_capacity(ring_cap),
            // An onset emits the whole ring plus Open and a Close of a previous cut.
            out: VecDeque::with_capacity(ring_cap + 4),
            config,
            state: State::Silent {
                loud_streak: 0,
                streak_start: None,
            },
            video: VideoJoin::Waiting(None),
        }
    }

    /// One video packet of the broadcaster. `key_frame`: it starts a key frame (VP8: from its
    /// payload descriptor). Joins the open utterance from a key frame on; before that, and in
    /// silence, the packet is not kept and is handed back for reuse.
    pub fn push_video(&mut self, now: Instant, key_frame: bool, packet: P) -> Option<P> {
        self.expire(now);
        if !self.is_open() {
            return Some(packet);
        }
        match self.video {
            VideoJoin::Joined => {}
            VideoJoin::Waiting(_) if key_frame => self.video = VideoJoin::Joined,
            VideoJoin::Waiting(asked) => {
                if asked.is_none_or(|at| now.saturating_duration_since(at) >= KEY_FRAME_RETRY) {
                    self.video = VideoJoin::Waiting(Some(now));
                    self.out.push_back(SegmentEvent::KeyFrameWanted);
                }
                return Some(packet);
            }
        }
        self.out.push_back(SegmentEvent::Append {
            arrival: now,
            kind: MediaKind::Video,
            packet,
        });
        None
    }

    /// An utterance opened: its video starts over at a key frame, asked for now.
    fn open(&mut self, start: Instant, pre_roll: usize, now: Instant) {
        self.out.push_back(SegmentEvent::Open { start, pre_roll });
        self.out.push_back(SegmentEvent::KeyFrameWanted);
        self.video = VideoJoin::Waiting(Some(now));
    }

    pub fn is_open(&self) -> bool {
        matches!(self.state, State::Open { .. })
    }

    /// One audio packet of the broadcaster; `level` is `None` when the packet lacks the audio
    /// level extension, which counts as silence.
    pub fn push(&mut self, now: Instant, level: Option<AudioLevel>, packet: P) {
        let level = level.unwrap_or(AudioLevel::SILENCE).level;
        self.expire(now);
        match self.state {
            State::Open { start, last_voiced } => {
                let last_voiced = if level <= self.config.offset_level {
                    now
                } else {
                    last_voiced
                };
                if now.saturating_duration_since(start) >= self.config.max_length {
                    // A monologue: cut here and go on in a new utterance that starts with this
                    // packet, so the speaker's audio has no hole between the two.
                    self.out.push_back(SegmentEvent::Close {
                        end: now,
                        reason: CloseReason::MaxLength,
                    });
                    self.open(now, 0, now);
                    self.state = State::Open {
                        start: now,
                        last_voiced,
                    };
                } else {
                    self.state = State::Open { start, last_voiced };
                }
                self.out.push_back(SegmentEvent::Append {
                    arrival: now,
                    kind: MediaKind::Audio,
                    packet,
                });
            }
            State::Silent {
                loud_streak,
                streak_start,
            } => {
                self.remember(now, packet);
                if level > self.config.onset_level {
                    self.state = State::Silent {
                        loud_streak: 0,
                        streak_start: None,
                    };
                    return;
                }
                let loud_streak = loud_streak + 1;
                let streak_start = streak_start.unwrap_or(now);
                let onset = loud_streak >= self.config.onset_packets
                    || now.saturating_duration_since(streak_start) >= self.config.onset_duration;
                if !onset {
                    self.state = State::Silent {
                        loud_streak,
                        streak_start: Some(streak_start),
                    };
                    return;
                }
                let start = self.ring.front().map_or(now, |(t, _)| *t);
                self.open(start, self.ring.len(), now);
                for (arrival, packet) in self.ring.drain(..) {
                    self.out.push_back(SegmentEvent::Append {
                        arrival,
                        kind: MediaKind::Audio,
                        packet,
                    });
                }
                self.state = State::Open {
                    start,
                    last_voiced: now,
                };
            }
        }
    }

    /// Time passes without packets: closes the utterance once its hangover or maximum length
    /// runs out, so a broadcaster who goes quiet (DTX, muted) does not hold it open.
    pub fn tick(&mut self, now: Instant) {
        self.expire(now);
        if let State::Open { start, .. } = self.state {
            if now.saturating_duration_since(start) >= self.config.max_length {
                self.out.push_back(SegmentEvent::Close {
                    end: now,
                    reason: CloseReason::MaxLength,
                });
                self.state = State::Silent {
                    loud_streak: 0,
                    streak_start: None,
                };
            }
        }
        self.trim_ring(now);
    }

    /// The producer is gone: an open utterance ends truncated and the pre-roll is dropped.
    pub fn producer_closed(&mut self, now: Instant) {
        if self.is_open() {
            self.out.push_back(SegmentEvent::Close {
                end: now,
                reason: CloseReason::ProducerClosed,
            });
        }
        self.state = State::Silent {
            loud_streak: 0,
            streak_start: None,
        };
        self.ring.clear();
    }

    /// The next decision, oldest first.
    pub fn poll(&mut self) -> Option<SegmentEvent<P>> {
        self.out.pop_front()
    }

    /// Closes on hangover expiry. The end is the hangover deadline rather than `now`, so the
    /// result does not depend on how often the shell ticks.
    fn expire(&mut self, now: Instant) {
        if let State::Open { last_voiced, .. } = self.state {
            let deadline = last_voiced + self.config.hangover;
            if now >= deadline {
                self.out.push_back(SegmentEvent::Close {
                    end: deadline,
                    reason: CloseReason::Silence,
                });
                self.state = State::Silent {
                    loud_streak: 0,
                    streak_start: None,
                };
            }
        }
    }

    fn remember(&mut self, now: Instant, packet: P) {
        if self.ring.len() >= self.config.pre_roll_max_packets.max(1) {
            self.ring.pop_front();
        }
        self.ring.push_back((now, packet));
        self.trim_ring(now);
    }

    fn trim_ring(&mut self, now: Instant) {
        while let Some((t, _)) = self.ring.front() {
            if now.saturating_duration_since(*t) > self.config.pre_roll {
                self.ring.pop_front();
            } else {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOUD: u8 = 30;
    const QUIET: u8 = 100;
    /// Between the two thresholds: keeps an utterance alive but cannot open one.
    const MURMUR: u8 = 50;
    const PTIME: Duration = Duration::from_millis(20);

    /// An utterance as (start ms, packet numbers, close reason and end ms).
    type Seen = (u128, Vec<u32>, Option<(CloseReason, u128)>);

    struct Script {
        seg: Segmenter<u32>,
        t0: Instant,
        now: Instant,
        next: u32,
        events: Vec<SegmentEvent<u32>>,
    }

    impl Script {
        fn new(config: SegmenterConfig) -> Self {
            let t0 = Instant::now();
            Self {
                seg: Segmenter::new(config),
                t0,
                now: t0,
                next: 0,
                events: Vec::new(),
            }
        }

        /// `n` packets at `level`, one every 20 ms; packets are numbered from 0.
        fn packets(&mut self, n: usize, level: u8) -> &mut Self {
            for _ in 0..n {
                let level = AudioLevel { voice: false, level };
                self.seg.push(self.now, Some(level), self.next);
                self.next += 1;
                self.now += PTIME;
                self.drain();
            }
            self
        }

        fn idle(&mut self, d: Duration) -> &mut Self {
            self.now += d;
            self.seg.tick(self.now);
            self.drain();
            self
        }

        fn drain(&mut self) {
            while let Some(e) = self.seg.poll() {
                self.events.push(e);
            }
        }

        fn ms(&self, t: Instant) -> u128 {
            t.duration_since(self.t0).as_millis()
        }

        fn utterances(&self) -> Vec<Seen> {
            let mut v: Vec<Seen> = Vec::new();
            for e in &self.events {
                match e {
                    SegmentEvent::Open { start, .. } => v.push((self.ms(*start), vec![], None)),
                    SegmentEvent::Append { packet, .. } => v.last_mut().unwrap().1.push(*packet),
                    SegmentEvent::Close { end, reason } => v.last_mut().unwrap().2 = Some((*reason, self.ms(*end))),
                    SegmentEvent::KeyFrameWanted => {}
                }
            }
            v
        }
    }

    #[test]
    fn onset_after_three_loud_packets_with_pre_roll() {
        let mut s = Script::new(SegmenterConfig::default());
        s.packets(50, QUIET).packets(3, LOUD);
        let u = s.utterances();
        assert_eq!(u.len(), 1);
        // 300 ms of pre-roll at 20 ms is 16 packets (both ends inclusive): 37..=49, then 50..52.
        assert_eq!(u[0].1, (37..53).collect::<Vec<_>>());
        assert_eq!(u[0].0, 37 * 20);
        assert!(matches!(s.events[0], SegmentEvent::Open { pre_roll: 16, .. }));
        assert!(matches!(s.events[1], SegmentEvent::KeyFrameWanted));
        assert!(u[0].2.is_none());
    }

    #[test]
    fn onset_by_duration_with_long_packets() {
        let mut s = Script::new(SegmenterConfig {
            onset_packets: 10,
            ..Default::default()
        });
        let t = s.now;
        s.seg.push(
            t,
            Some(AudioLevel {
                voice: true,
                level: LOUD,
            }),
            0,
        );
        s.seg.push(
            t + Duration::from_millis(60),
            Some(AudioLevel {
                voice: true,
                level: LOUD,
            }),
            1,
        );
        s.drain();
        assert_eq!(s.utterances()[0].1, vec![0, 1]);
    }

    #[test]
    fn a_single_click_does_not_open() {
        let mut s = Script::new(SegmenterConfig::default());
        s.packets(10, QUIET)
            .packets(1, 0)
            .packets(10, QUIET)
            .packets(2, LOUD)
            .packets(1, MURMUR);
        s.packets(2, LOUD).packets(10, QUIET);
        assert!(s.events.is_empty(), "{:?}", s.events);
    }

    #[test]
    fn murmur_keeps_open_but_cannot_open() {
        let mut s = Script::new(SegmenterConfig::default());
        s.packets(100, MURMUR);
        assert!(s.events.is_empty());
        s.packets(3, LOUD).packets(100, MURMUR);
        let u = s.utterances();
        assert_eq!(u.len(), 1);
        assert!(u[0].2.is_none(), "murmur between thresholds must keep it open");
    }

    #[test]
    fn hangover_closes_after_silence() {
        let mut s = Script::new(SegmenterConfig::default());
        s.packets(5, LOUD); // 0..5, last voiced at 80 ms
        s.packets(24, QUIET); // up to 560 ms: still within 80 + 500
        assert!(s.utterances()[0].2.is_none());
        s.packets(1, QUIET); // at 580 ms: closed, this packet is not part of it
        let u = s.utterances();
        assert_eq!(u[0].2, Some((CloseReason::Silence, 580)));
        assert_eq!(u[0].1, (0..29).collect::<Vec<_>>());
    }

    #[test]
    fn tick_closes_when_packets_stop() {
        let mut s = Script::new(SegmenterConfig::default());
        s.packets(5, LOUD);
        s.idle(Duration::from_millis(300));
        assert!(s.utterances()[0].2.is_none());
        s.idle(Duration::from_millis(300));
        assert_eq!(s.utterances()[0].2, Some((CloseReason::Silence, 80 + 500)));
    }

    #[test]
    fn monologue_is_cut_into_consecutive_utterances() {
        let mut s = Script::new(SegmenterConfig::default());
        s.packets(2000, LOUD); // 40 s
        let u = s.utterances();
        assert_eq!(u.len(), 3);
        assert_eq!(u[0].2, Some((CloseReason::MaxLength, 15_000)));
        assert_eq!(u[1].0, 15_000);
        assert_eq!(u[1].2, Some((CloseReason::MaxLength, 30_000)));
        assert_eq!(u[0].1.len(), 750);
        assert_eq!(u[1].1.len(), 750);
        assert_eq!(u[2].1.len(), 500);
        // No packet lost or duplicated across the cuts.
        let all: Vec<u32> = u.iter().flat_map(|u| u.1.iter().copied()).collect();
        assert_eq!(all, (0..2000).collect::<Vec<_>>());
    }

    #[test]
    fn pre_roll_is_bounded_in_packets_and_time() {
        let mut s = Script::new(SegmenterConfig {
            pre_roll_max_packets: 4,
            ..Default::default()
        });
        s.packets(20, QUIET).packets(3, LOUD);
        assert_eq!(s.utterances()[0].1, vec![19, 20, 21, 22]);

        let mut s = Script::new(SegmenterConfig::default());
        s.packets(5, QUIET).idle(Duration::from_secs(1)).packets(3, LOUD);
        assert_eq!(s.utterances()[0].1, vec![5, 6, 7], "stale pre-roll must not be kept");
    }

    #[test]
    fn producer_close_truncates() {
        let mut s = Script::new(SegmenterConfig::default());
        s.packets(10, LOUD);
        let now = s.now;
        s.seg.producer_closed(now);
        s.drain();
        assert_eq!(s.utterances()[0].2, Some((CloseReason::ProducerClosed, 200)));
        s.seg.producer_closed(now);
        s.drain();
        assert_eq!(s.utterances().len(), 1);
        // Closing in silence emits nothing.
        let mut s = Script::new(SegmenterConfig::default());
        s.packets(10, QUIET);
        let now = s.now;
        s.seg.producer_closed(now);
        s.drain();
        assert!(s.events.is_empty());
    }

    #[test]
    fn missing_level_counts_as_silence() {
        let mut s = Script::new(SegmenterConfig::default());
        for i in 0..10 {
            s.seg.push(s.now, None, i);
            s.now += PTIME;
        }
        s.drain();
        assert!(s.events.is_empty());
    }

    #[test]
    fn video_joins_the_utterance_from_a_key_frame() {
        let mut s = Script::new(SegmenterConfig::default());
        // Video in silence is not kept: handed back.
        let t = s.now;
        assert_eq!(s.seg.push_video(t, true, 1000), Some(1000));
        s.packets(20, QUIET).packets(3, LOUD);
        s.drain();
        let wanted = |s: &Script| {
            s.events
                .iter()
                .filter(|e| matches!(e, SegmentEvent::KeyFrameWanted))
                .count()
        };
        assert_eq!(wanted(&s), 1, "a key frame is asked for at the onset");
        // Delta frames before the key frame are refused, not asked again within a second.
        let t = s.now;
        assert_eq!(s.seg.push_video(t, false, 1001), Some(1001));
        s.packets(1, LOUD);
        let t = s.now;
        assert_eq!(s.seg.push_video(t, true, 1002), None);
        // The key frame's continuation packets and later delta frames join.
        assert_eq!(s.seg.push_video(t, false, 1003), None);
        s.packets(2, LOUD);
        let t = s.now;
        assert_eq!(s.seg.push_video(t, false, 1004), None);
        s.drain();
        let video: Vec<u32> = s
            .events
            .iter()
            .filter_map(|e| match e {
                SegmentEvent::Append {
                    kind: MediaKind::Video,
                    packet,
                    ..
                } => Some(*packet),
                _ => None,
            })
            .collect();
        assert_eq!(video, [1002, 1003, 1004]);
        assert_eq!(wanted(&s), 1);
        // Audio and video keep arrival order in the events.
        let order: Vec<u32> = s
            .events
            .iter()
            .filter_map(|e| match e {
                SegmentEvent::Append { packet, .. } => Some(*packet),
                _ => None,
            })
            .collect();
        let k = order.iter().position(|p| *p == 1002).unwrap();
        assert_eq!(&order[k - 1..k + 3], [23, 1002, 1003, 24]);

        // The next utterance waits for a key frame again; without one, it asks again after a
        // second.
        s.packets(40, QUIET).events.clear();
        s.packets(3, LOUD);
        for _ in 0..60 {
            let t = s.now;
            assert!(s.seg.push_video(t, false, 2000).is_some());
            s.packets(1, LOUD);
        }
        s.drain();
        assert_eq!(wanted(&s), 2, "onset, then one retry a second later: {:?}", s.events);
        assert!(!s.events.iter().any(|e| matches!(
            e,
            SegmentEvent::Append {
                kind: MediaKind::Video,
                ..
            }
        )));
    }

    #[test]
    fn a_max_length_cut_restarts_video_at_a_key_frame() {
        let mut s = Script::new(SegmenterConfig {
            max_length: Duration::from_millis(400),
            ..Default::default()
        });
        s.packets(3, LOUD);
        let t = s.now;
        assert_eq!(s.seg.push_video(t, true, 100), None);
        s.packets(30, LOUD); // cut at 400 ms
        let t = s.now;
        assert_eq!(
            s.seg.push_video(t, false, 101),
            Some(101),
            "the new utterance needs a key frame"
        );
        assert_eq!(s.seg.push_video(t, true, 102), None);
        s.drain();
        let u = s.utterances();
        assert!(u.len() >= 2);
        assert_eq!(u[0].2.map(|c| c.0), Some(CloseReason::MaxLength));
        assert!(u[0].1.contains(&100));
        assert!(u.last().unwrap().1.contains(&102));
    }

    #[test]
    fn steady_state_keeps_its_buffers() {
        let mut s = Script::new(SegmenterConfig::default());
        s.packets(500, QUIET).packets(100, LOUD).packets(100, QUIET);
        let caps = (s.seg.ring.capacity(), s.seg.out.capacity());
        for _ in 0..20 {
            s.packets(300, QUIET).packets(100, LOUD).packets(60, QUIET);
            s.events.clear();
        }
        assert_eq!((s.seg.ring.capacity(), s.seg.out.capacity()), caps);
    }
}
