//! What a viewer did with what its feed played: the signals a learning recommender learns from.
//!
//! Recorded by the viewer's [`crate::feed::Feed`] as it switches (played to the end, skipped and
//! after how long, interrupted by eviction or the speaker leaving, the viewer left) and when the
//! viewer says `like`. Bounded per viewer: the last [`RECENT_SIGNALS`] signals, a taste for at
//! most [`TRACKED_SPEAKERS`] speakers and one for at most [`TRACKED_TOPICS`] topics (the least
//! recently heard is forgotten first), about 10 KiB in all; it lives in the feed's
//! [`super::ViewerContext`] and is dropped with the feed.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use crate::buffer::UtteranceId;
use crate::topic::Topics;

/// Signals kept per viewer (the external recommender is sent these).
pub const RECENT_SIGNALS: usize = 32;
/// Speakers whose taste a viewer's context keeps.
pub const TRACKED_SPEAKERS: usize = 64;
/// Topics whose taste a viewer's context keeps.
pub const TRACKED_TOPICS: usize = 64;
/// A skip sooner than this counts as a full "no" for the speaker; a later one as half of one
/// (the viewer heard a good part of it).
pub const QUICK_SKIP: Duration = Duration::from_secs(3);

/// What happened to one utterance the viewer was played.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SignalKind {
    /// Played to its end.
    Finished,
    /// The viewer skipped it.
    Skipped,
    /// Evicted, or its speaker left: says nothing of the viewer's taste.
    Interrupted,
    /// The viewer left (unsubscribed, left the room, disconnected) while it played.
    Left,
    /// An explicit `like` while it played.
    Liked,
}

/// One signal: which utterance, whose, about what, what happened, and how long into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signal {
    pub utterance: UtteranceId,
    pub speaker: Arc<str>,
    /// The utterance's topic tags (shared with it).
    pub topics: Topics,
    pub kind: SignalKind,
    pub after: Duration,
}

/// A viewer's taste for one speaker (by uid) or one topic: a Beta(`alpha`, `beta`) posterior
/// on "listens through", from a uniform prior, and the counts behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Taste {
    /// The speaker's uid, or the topic.
    pub key: Arc<str>,
    pub alpha: f32,
    pub beta: f32,
    pub finished: u32,
    pub skipped: u32,
    pub liked: u32,
    /// The decision count when last updated: the least recent is forgotten first.
    touched: u64,
}

impl Taste {
    fn new(key: Arc<str>) -> Self {
        Self {
            key,
            alpha: 1.0,
            beta: 1.0,
            finished: 0,
            skipped: 0,
            liked: 0,
            touched: 0,
        }
    }

    /// The posterior mean: the expected chance the viewer listens through.
    pub fn mean(&self) -> f32 {
        self.alpha / (self.alpha + self.beta)
    }

    fn learn(&mut self, kind: SignalKind, success: f32, failure: f32, decisions: u64) {
        self.alpha += success;
        self.beta += failure;
        self.touched = decisions;
        match kind {
            SignalKind::Finished => self.finished += 1,
            SignalKind::Skipped => self.skipped += 1,
            SignalKind::Liked => self.liked += 1,
            _ => {}
        }
    }
}

/// At most `N` tastes, the least recently updated forgotten first.
#[derive(Debug, Clone, Default)]
struct Tastes<const N: usize>(Vec<Taste>);

impl<const N: usize> Tastes<N> {
    fn get(&self, key: &str) -> Option<&Taste> {
        self.0.iter().find(|t| *t.key == *key)
    }

    fn get_mut(&mut self, key: &Arc<str>) -> &mut Taste {
        let i = match self.0.iter().position(|t| *t.key == **key) {
            Some(i) => i,
            None => {
                if self.0.len() == N {
                    let oldest = (0..self.0.len()).min_by_key(|&i| self.0[i].touched).unwrap_or(0);
                    self.0.swap_remove(oldest);
                }
                self.0.push(Taste::new(Arc::clone(key)));
                self.0.len() - 1
            }
        };
        &mut self.0[i]
    }
}

/// A viewer's signals and the tastes learnt from them, bounded (see the module).
#[derive(Debug, Clone, Default)]
pub struct Signals {
    recent: VecDeque<Signal>,
    speakers: Tastes<TRACKED_SPEAKERS>,
    topics: Tastes<TRACKED_TOPICS>,
    decisions: u64,
}

impl Signals {
    /// Records a signal and updates the tastes for its speaker and for each of its topics alike:
    /// a finish or a like is a success, a quick skip a failure, a late skip half of one;
    /// interruptions and leaving change nothing.
    pub fn record(&mut self, signal: Signal) {
        let (success, failure) = match signal.kind {
            SignalKind::Finished | SignalKind::Liked => (1.0, 0.0),
            SignalKind::Skipped if signal.after < QUICK_SKIP => (0.0, 1.0),
            SignalKind::Skipped => (0.0, 0.5),
            SignalKind::Interrupted | SignalKind::Left => (0.0, 0.0),
        };
        if success + failure > 0.0 {
            let (kind, decisions) = (signal.kind, self.decisions);
            self.speakers
                .get_mut(&signal.speaker)
                .learn(kind, success, failure, decisions);
            for topic in signal.topics.iter() {
                self.topics.get_mut(topic).learn(kind, success, failure, decisions);
            }
        }
        if self.recent.len() == RECENT_SIGNALS {
            self.recent.pop_front();
        }
        self.recent.push_back(signal);
    }

    /// Counts one recommendation asked for (seeds its random draws).
    pub fn decided(&mut self) {
        self.decisions += 1;
    }

    pub fn decisions(&self) -> u64 {
        self.decisions
    }

    /// What the viewer thinks of `uid`, if it has heard them.
    pub fn taste(&self, uid: &str) -> Option<&Taste> {
        self.speakers.get(uid)
    }

    pub fn tastes(&self) -> &[Taste] {
        &self.speakers.0
    }

    /// What the viewer thinks of `topic`, if it has heard about it.
    pub fn topic_taste(&self, topic: &str) -> Option<&Taste> {
        self.topics.get(topic)
    }

    pub fn topic_tastes(&self) -> &[Taste] {
        &self.topics.0
    }

    /// Oldest first.
    pub fn recent(&self) -> impl ExactSizeIterator<Item = &Signal> {
        self.recent.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signal(speaker: &str, kind: SignalKind, after_ms: u64) -> Signal {
        Signal {
            utterance: UtteranceId(1),
            speaker: speaker.into(),
            topics: Topics::default(),
            kind,
            after: Duration::from_millis(after_ms),
        }
    }

    #[test]
    fn finishes_likes_and_skips_move_the_posterior() {
        let mut s = Signals::default();
        s.record(signal("a", SignalKind::Finished, 2000));
        s.record(signal("a", SignalKind::Liked, 500));
        s.record(signal("b", SignalKind::Skipped, 800));
        s.record(signal("c", SignalKind::Skipped, 5000));
        s.record(signal("d", SignalKind::Interrupted, 100));
        s.record(signal("d", SignalKind::Left, 100));
        let a = s.taste("a").unwrap();
        assert_eq!((a.alpha, a.beta, a.finished, a.liked), (3.0, 1.0, 1, 1));
        assert_eq!((s.taste("b").unwrap().alpha, s.taste("b").unwrap().beta), (1.0, 2.0));
        assert_eq!(s.taste("c").unwrap().beta, 1.5, "a late skip is half a no");
        assert!(s.taste("d").is_none(), "interruptions teach nothing");
        assert_eq!(s.recent().len(), 6);
        assert!(s.topic_tastes().is_empty(), "no topics, no topic tastes");
    }

    #[test]
    fn topics_learn_from_the_same_signals_bounded() {
        let mut s = Signals::default();
        let about = |speaker: &str, topics: &[&str], kind| Signal {
            topics: Topics::of(topics),
            ..signal(speaker, kind, 900)
        };
        s.record(about("a", &["music", "jazz"], SignalKind::Finished));
        s.record(about("b", &["news"], SignalKind::Skipped));
        s.record(about("c", &["music"], SignalKind::Liked));
        s.record(about("c", &["news"], SignalKind::Interrupted));
        let music = s.topic_taste("music").unwrap();
        assert_eq!((music.alpha, music.beta, music.finished, music.liked), (3.0, 1.0, 1, 1));
        assert_eq!(s.topic_taste("jazz").unwrap().mean(), 2.0 / 3.0);
        let news = s.topic_taste("news").unwrap();
        assert_eq!((news.alpha, news.beta, news.skipped), (1.0, 2.0, 1));
        for i in 0..(TRACKED_TOPICS + 5) {
            s.decided();
            s.record(about("d", &[&format!("t{i}")], SignalKind::Finished));
        }
        assert_eq!(s.topic_tastes().len(), TRACKED_TOPICS);
        assert!(s.topic_taste("music").is_none(), "least recently heard forgotten");
        assert!(s.topic_taste(&format!("t{}", TRACKED_TOPICS + 4)).is_some());
    }

    #[test]
    fn bounded_in_signals_and_speakers() {
        let mut s = Signals::default();
        for i in 0..(TRACKED_SPEAKERS + 10) {
            s.decided();
            s.record(signal(&format!("u{i}"), SignalKind::Finished, 1000));
        }
        assert_eq!(s.recent().len(), RECENT_SIGNALS);
        assert_eq!(s.tastes().len(), TRACKED_SPEAKERS);
        assert!(s.taste("u0").is_none(), "least recently heard forgotten");
        assert!(s.taste(&format!("u{}", TRACKED_SPEAKERS + 9)).is_some());
        assert_eq!(
            s.recent().last().unwrap().speaker.as_ref(),
            format!("u{}", TRACKED_SPEAKERS + 9)
        );
    }
}
