//! A feed viewer with a hidden taste (`sfu synthetic-viewer --feed --taste SEED`): it likes some
//! speakers and skips the others after about a second, so a recommender that learns has
//! something to learn. Seeded and keyed on the speaker's display name (`synthetic-b3`), which is
//! the same from run to run, unlike peer ids.
//!
//! It reports how its utterances ended: skipped, or listened through (the feed moved on because
//! the utterance ended), in all and after half of the run ("late": once a recommender had time
//! to learn).

use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::recommend::fnv1a;

/// One in this many speakers is liked (each viewer draws its own).
const LIKED_ONE_IN: u64 = 3;
/// A disliked utterance is skipped after this, give or take a fifth.
pub const SKIP_AFTER: Duration = Duration::from_millis(1000);
/// The starvation check's window: every speaker should be heard by some viewer in each.
pub const STARVATION_WINDOW: Duration = Duration::from_secs(60);

/// What a tasteful viewer did, for the report.
#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TasteReport {
    pub skips: u64,
    pub listened_through: u64,
    pub late_skips: u64,
    pub late_listened_through: u64,
    pub likes_sent: u64,
}

impl TasteReport {
    /// Skips over utterances that ended one way or the other.
    pub fn skip_rate(&self) -> Option<f64> {
        rate(self.skips, self.listened_through)
    }

    pub fn late_skip_rate(&self) -> Option<f64> {
        rate(self.late_skips, self.late_listened_through)
    }

    pub fn add(&mut self, other: &TasteReport) {
        self.skips += other.skips;
        self.listened_through += other.listened_through;
        self.late_skips += other.late_skips;
        self.late_listened_through += other.late_listened_through;
        self.likes_sent += other.likes_sent;
    }
}

fn rate(skips: u64, through: u64) -> Option<f64> {
    let n = skips + through;
    (n > 0).then(|| skips as f64 / n as f64)
}

/// What the viewer should do on a switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reaction {
    /// Send `like` now and listen to the end.
    Like,
    /// Send `skip` at this time unless the feed moves on first.
    SkipAt(Instant),
}

pub struct Taste {
    seed: u64,
    viewer: usize,
    /// Display names by peer id, from the join response and `peerJoined`.
    names: HashMap<String, String>,
    /// The room's broadcasters, by display name.
    speakers: BTreeSet<String>,
    /// (window, speaker name) for every utterance begun: who this viewer heard when.
    heard: BTreeSet<(u32, String)>,
    /// Windows of [`STARVATION_WINDOW`] in the run (at least one; the tail joins the last).
    windows: u32,
    started: Instant,
    late_after: Duration,
    draws: u64,
    /// An utterance plays, and whether this viewer asked to skip it.
    playing: bool,
    skip_sent: bool,
    pub report: TasteReport,
}

impl Taste {
    /// Viewer `viewer` of a run seeded `seed` that lasts `duration`.
    pub fn new(seed: u64, viewer: usize, started: Instant, duration: Duration) -> Self {
        Self {
            seed,
            viewer,
            names: HashMap::new(),
            speakers: BTreeSet::new(),
            heard: BTreeSet::new(),
            windows: (duration.as_secs() / STARVATION_WINDOW.as_secs()).max(1) as u32,
            started,
            late_after: duration / 2,
            draws: 0,
            playing: false,
            skip_sent: false,
            report: TasteReport::default(),
        }
    }

    /// A peer of the room and its display name; `broadcaster`: one of the speakers.
    pub fn peer_named(&mut self, peer: &str, name: &str, broadcaster: bool) {
        self.names.insert(peer.to_string(), name.to_string());
        if broadcaster {
            self.speakers.insert(name.to_string());
        }
    }

    /// The room's broadcasters this viewer knew of, and who it heard in which window.
    pub fn hearing(&self) -> Hearing {
        Hearing {
            windows: self.windows,
            speakers: self.speakers.clone(),
            heard: self.heard.clone(),
        }
    }

    /// Whether this viewer likes the speaker called `name`.
    pub fn likes(&self, name: &str) -> bool {
        mix(self.seed ^ mix(self.viewer as u64) ^ fnv1a(name)).is_multiple_of(LIKED_ONE_IN)
    }

    /// The viewer sent `skip` for what plays.
    pub fn on_skip_sent(&mut self) {
        self.skip_sent = true;
    }

    /// `feedWaiting`: what played is over (skipped or ended), nothing follows yet.
    pub fn on_wait(&mut self, now: Instant) {
        self.close(now, false);
    }

    /// How the utterance that played ended: skipped if this viewer asked, else listened
    /// through unless it was interrupted (evicted, its speaker left).
    fn close(&mut self, now: Instant, interrupted: bool) {
        let late = now.saturating_duration_since(self.started) >= self.late_after;
        if self.playing && self.skip_sent {
            self.report.skips += 1;
            self.report.late_skips += u64::from(late);
        } else if self.playing && !interrupted {
            self.report.listened_through += 1;
            self.report.late_listened_through += u64::from(late);
        }
        self.playing = false;
        self.skip_sent = false;
    }

    /// A `feedSwitched`: counts how the previous utterance ended (`reason`), then reacts to the
    /// new one by its speaker.
    pub fn on_switch(&mut self, now: Instant, reason: &str, speaker_peer: &str, speaker_uid: &str) -> Reaction {
        self.close(now, matches!(reason, "evicted" | "speakerGone" | "removed"));
        self.playing = true;
        let name = self.names.get(speaker_peer).map_or(speaker_uid, String::as_str);
        let window = (now.saturating_duration_since(self.started).as_secs() / STARVATION_WINDOW.as_secs()) as u32;
        self.heard.insert((window.min(self.windows - 1), name.to_string()));
        if self.likes(name) {
            self.report.likes_sent += 1;
            return Reaction::Like;
        }
        self.draws += 1;
        let jitter = (mix(self.seed ^ self.draws ^ (self.viewer as u64) << 32) % 401) as i64 - 200;
        let after = SKIP_AFTER.as_millis() as i64 + jitter;
        Reaction::SkipAt(now + Duration::from_millis(after as u64))
    }
}

/// Who a viewer heard when, for the starvation check (merged over viewers with [`Hearing::add`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hearing {
    pub windows: u32,
    pub speakers: BTreeSet<String>,
    pub heard: BTreeSet<(u32, String)>,
}

/// Every speaker should be heard by some viewer in every window of [`STARVATION_WINDOW`].
#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Starvation {
    /// Speakers × windows.
    pub speaker_windows: u64,
    /// Of those, how many no viewer heard anything from.
    pub starved: u64,
}

impl Hearing {
    pub fn add(&mut self, other: &Hearing) {
        self.windows = self.windows.max(other.windows);
        self.speakers.extend(other.speakers.iter().cloned());
        self.heard.extend(other.heard.iter().cloned());
    }

    pub fn starvation(&self) -> Starvation {
        let mut s = Starvation::default();
        for w in 0..self.windows {
            for speaker in &self.speakers {
                s.speaker_windows += 1;
                s.starved += u64::from(!self.heard.contains(&(w, speaker.clone())));
            }
        }
        s
    }
}

/// SplitMix64's finaliser.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_tastes_are_reproducible_and_mixed() {
        let t0 = Instant::now();
        let names: Vec<String> = (0..30).map(|i| format!("synthetic-b{i}")).collect();
        let liked = |seed, viewer| {
            let t = Taste::new(seed, viewer, t0, Duration::from_secs(10));
            names.iter().filter(|n| t.likes(n)).cloned().collect::<Vec<_>>()
        };
        assert_eq!(liked(5, 1), liked(5, 1));
        assert_ne!(liked(5, 1), liked(5, 2), "each viewer its own taste");
        let n = liked(5, 1).len();
        assert!((4..=18).contains(&n), "about a third liked: {n}");
    }

    #[test]
    fn counts_outcomes_and_reacts() {
        let t0 = Instant::now();
        let mut t = Taste::new(1, 0, t0, Duration::from_secs(10));
        let (liked, disliked) = {
            let names: Vec<String> = (0..30).map(|i| format!("synthetic-b{i}")).collect();
            let l = names.iter().find(|n| t.likes(n)).unwrap().clone();
            let d = names.iter().find(|n| !t.likes(n)).unwrap().clone();
            (l, d)
        };
        t.peer_named("p-liked", &liked, true);
        assert_eq!(t.on_switch(t0, "started", "p-liked", "uid"), Reaction::Like);
        let Reaction::SkipAt(at) = t.on_switch(t0, "ended", "p-x", &disliked) else {
            panic!("disliked speaker is skipped");
        };
        assert!(at >= t0 + Duration::from_millis(800) && at <= t0 + Duration::from_millis(1200));
        t.on_skip_sent();
        t.on_switch(t0 + Duration::from_secs(6), "skipped", "p-liked", "uid");
        t.on_wait(t0 + Duration::from_secs(7));
        t.on_switch(t0 + Duration::from_secs(8), "resumed", "p-liked", "uid");
        t.on_switch(t0 + Duration::from_secs(9), "speakerGone", "p-liked", "uid");
        assert_eq!(
            t.report,
            TasteReport {
                skips: 1,
                listened_through: 2,
                late_skips: 1,
                late_listened_through: 1,
                likes_sent: 4,
            }
        );
        assert_eq!(t.report.late_skip_rate(), Some(0.5));
    }

    #[test]
    fn starvation_counts_speakers_nobody_heard_in_a_window() {
        let t0 = Instant::now();
        let mut a = Taste::new(1, 0, t0, Duration::from_secs(150));
        let mut b = Taste::new(1, 1, t0, Duration::from_secs(150));
        for t in [&mut a, &mut b] {
            t.peer_named("p1", "synthetic-b1", true);
            t.peer_named("p2", "synthetic-b2", true);
            t.peer_named("v9", "synthetic-v9", false);
        }
        // Two windows (150 s: the tail joins the second). b1 heard in both, b2 only in the first.
        a.on_switch(t0 + Duration::from_secs(5), "started", "p1", "u1");
        b.on_switch(t0 + Duration::from_secs(50), "started", "p2", "u2");
        b.on_switch(t0 + Duration::from_secs(140), "ended", "p1", "u1");
        let mut all = a.hearing();
        all.add(&b.hearing());
        assert_eq!(all.speakers.len(), 2, "viewers are not speakers");
        assert_eq!(
            all.starvation(),
            Starvation {
                speaker_windows: 4,
                starved: 1
            }
        );
    }
}
