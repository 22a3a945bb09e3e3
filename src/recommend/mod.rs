//! Which utterance a viewer hears next.
//!
//! The feed asks a [`Recommender`] each time its utterance ends, is evicted or its speaker
//! vanishes. Policies are pluggable: [`LearningRecommender`] (the default) learns each
//! viewer's taste from its [`Signals`], [`RandomRecommender`] is the baseline and
//! [`PreferencesRecommender`] layers a viewer's favoured and muted speakers on any policy.
//! An outside service can decide instead: [`external`] is what it is sent and answers.

pub mod external;
mod learning;
mod preferences;
mod random;
mod signals;

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::Instant;

use thiserror::Error;

pub use crate::buffer::Candidate;
use crate::buffer::UtteranceId;
pub use learning::{LearningConfig, LearningRecommender};
pub use preferences::PreferencesRecommender;
pub use random::RandomRecommender;
pub use signals::{Signal, SignalKind, Signals, Taste, QUICK_SKIP, RECENT_SIGNALS, TRACKED_SPEAKERS, TRACKED_TOPICS};

/// Picks the next utterance for a viewer among the room's candidates (oldest first).
/// `Ok(None)` means nothing suits now: the feed waits for the next onset. `now` is the time of
/// the decision (for the candidates' age).
pub trait Recommender: Send + Sync {
    fn next(
        &self,
        viewer: &ViewerContext,
        candidates: &[Candidate],
        now: Instant,
    ) -> Result<Option<UtteranceId>, RecommendError>;
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecommendError {
    /// A policy that depends on something outside (a model, a service) could not answer.
    #[error("recommender unavailable: {0}")]
    Unavailable(String),
}

/// What a recommender knows about the viewer.
#[derive(Debug, Clone)]
pub struct ViewerContext {
    /// The viewer's peer id.
    pub viewer: Arc<str>,
    /// The viewer's user id: never recommend the viewer's own voice, from any of its peers.
    pub uid: Arc<str>,
    pub history: History,
    pub preferences: Preferences,
    /// What the viewer did with what it heard, and the tastes learnt from it (bounded).
    pub signals: Signals,
    /// Utterances that other viewers start at the very instant this decision's utterance would
    /// start, where the server can play one utterance once for all of them (a shared playout,
    /// see `feed::shared`). Filled by the feed engine for each decision, usually empty; a policy
    /// may prefer these among equally good choices.
    pub starting: Vec<UtteranceId>,
}

impl ViewerContext {
    pub fn new(viewer: Arc<str>, uid: Arc<str>, history_len: usize) -> Self {
        Self {
            viewer,
            uid,
            history: History::new(history_len),
            preferences: Preferences::default(),
            signals: Signals::default(),
            starting: Vec::new(),
        }
    }
}

/// Recently heard utterances and their speakers, newest last, bounded; `contains` is a hash
/// lookup, so a window of a few minutes of listening costs a decision nothing.
#[derive(Debug, Clone)]
pub struct History {
    heard: VecDeque<(UtteranceId, Arc<str>)>,
    /// How many times each id in `heard` is there (a policy outside the feed may repeat one).
    ids: HashMap<UtteranceId, u32>,
    len: usize,
}

impl History {
    pub fn new(len: usize) -> Self {
        Self {
            heard: VecDeque::with_capacity(len),
            ids: HashMap::with_capacity(len),
            len,
        }
    }

    /// Records an utterance the viewer starts hearing, forgetting the oldest beyond the window.
    pub fn push(&mut self, id: UtteranceId, speaker_uid: Arc<str>) {
        if self.len == 0 {
            return;
        }
        if self.heard.len() == self.len {
            if let Some((old, _)) = self.heard.pop_front() {
                if let Some(n) = self.ids.get_mut(&old) {
                    *n -= 1;
                    if *n == 0 {
                        self.ids.remove(&old);
                    }
                }
            }
        }
        self.heard.push_back((id, speaker_uid));
        *self.ids.entry(id).or_insert(0) += 1;
    }

    pub fn contains(&self, id: UtteranceId) -> bool {
        self.ids.contains_key(&id)
    }

    /// Speakers heard, newest first.
    pub fn speakers(&self) -> impl Iterator<Item = &str> {
        self.heard.iter().rev().map(|(_, uid)| &**uid)
    }

    pub fn last(&self) -> Option<UtteranceId> {
        self.heard.back().map(|(id, _)| *id)
    }
}

/// Speakers, by uid, the viewer asked to hear more of or never to hear.
#[derive(Debug, Clone, Default)]
pub struct Preferences {
    pub favour: HashSet<Arc<str>>,
    pub mute: HashSet<Arc<str>>,
}

/// FNV-1a of a string: a hash that is the same on every run and build (std's is not), for
/// seeding draws by viewer and placing a user in an A/B arm.
pub(crate) fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::buffer::{Speaker, UtteranceState};

    pub(crate) fn candidate(id: u64, uid: &str, state: UtteranceState) -> Candidate {
        Candidate {
            id: UtteranceId(id),
            room: "r".into(),
            speaker: Speaker {
                uid: uid.into(),
                peer: format!("{uid}-peer").into(),
            },
            state,
            start: Instant::now(),
            duration: Duration::from_secs(2),
            readers: 0,
            features: Default::default(),
            topics: Default::default(),
        }
    }

    #[test]
    fn history_is_bounded() {
        let mut h = History::new(2);
        h.push(UtteranceId(1), "a".into());
        h.push(UtteranceId(2), "b".into());
        h.push(UtteranceId(3), "c".into());
        assert!(!h.contains(UtteranceId(1)));
        assert!(h.contains(UtteranceId(3)));
        assert_eq!(h.speakers().collect::<Vec<_>>(), ["c", "b"]);
        assert_eq!(h.last(), Some(UtteranceId(3)));
        let mut none = History::new(0);
        none.push(UtteranceId(1), "a".into());
        assert!(!none.contains(UtteranceId(1)));
        // A repeat inside the window stays remembered until its last copy leaves.
        let mut r = History::new(2);
        r.push(UtteranceId(7), "a".into());
        r.push(UtteranceId(7), "a".into());
        r.push(UtteranceId(8), "b".into());
        assert!(r.contains(UtteranceId(7)));
        r.push(UtteranceId(9), "b".into());
        assert!(!r.contains(UtteranceId(7)));
    }
}
