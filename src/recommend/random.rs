//! The baseline policy: something live if possible, at random, never yourself, no repeats.

use parking_lot::Mutex;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use std::time::Instant;

use super::{Candidate, RecommendError, Recommender, ViewerContext};
use crate::buffer::{UtteranceId, UtteranceState};

/// Picks uniformly among the live utterances the viewer may hear, else among the finished ones.
/// Seeded, so tests and load runs replay the same choices.
pub struct RandomRecommender {
    /// Behind a lock because `next` takes `&self` and is called from many feeds; it is taken
    /// once per switch, not per packet.
    rng: Mutex<StdRng>,
}

impl RandomRecommender {
    pub fn new(seed: u64) -> Self {
        Self {
            rng: Mutex::new(StdRng::seed_from_u64(seed)),
        }
    }

    /// Whether the viewer may hear `c` at all: not evicted, not their own voice, not heard
    /// within their history window.
    pub(crate) fn eligible(viewer: &ViewerContext, c: &Candidate) -> bool {
        c.state != UtteranceState::Evicted && *c.speaker.uid != *viewer.uid && !viewer.history.contains(c.id)
    }

    fn pick<'a>(&self, mut eligible: impl Iterator<Item = &'a Candidate> + Clone) -> Option<UtteranceId> {
        let n = eligible.clone().count();
        if n == 0 {
            return None;
        }
        let i = self.rng.lock().random_range(0..n);
        eligible.nth(i).map(|c| c.id)
    }
}

impl Recommender for RandomRecommender {
    fn next(
        &self,
        viewer: &ViewerContext,
        candidates: &[Candidate],
        _now: Instant,
    ) -> Result<Option<UtteranceId>, RecommendError> {
        let eligible = candidates.iter().filter(|c| Self::eligible(viewer, c));
        Ok(self
            .pick(eligible.clone().filter(|c| c.is_live()))
            .or_else(|| self.pick(eligible.filter(|c| !c.is_live()))))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::recommend::tests::candidate;
    use UtteranceState::*;

    fn viewer() -> ViewerContext {
        ViewerContext::new("me-peer".into(), "me".into(), 3)
    }

    #[test]
    fn prefers_live() {
        let r = RandomRecommender::new(1);
        let c = [
            candidate(1, "a", Complete),
            candidate(2, "b", Live),
            candidate(3, "c", Complete),
        ];
        for _ in 0..50 {
            assert_eq!(r.next(&viewer(), &c, Instant::now()).unwrap(), Some(UtteranceId(2)));
        }
    }

    #[test]
    fn never_the_viewers_own_voice() {
        let r = RandomRecommender::new(2);
        let c = [
            candidate(1, "me", Live),
            candidate(2, "b", Truncated),
            candidate(3, "me", Complete),
        ];
        for _ in 0..50 {
            assert_eq!(r.next(&viewer(), &c, Instant::now()).unwrap(), Some(UtteranceId(2)));
        }
        assert_eq!(r.next(&viewer(), &c[..1], Instant::now()).unwrap(), None);
    }

    #[test]
    fn no_repeats_within_the_window() {
        let r = RandomRecommender::new(3);
        let c: Vec<_> = (1..=4).map(|i| candidate(i, "a", Complete)).collect();
        let mut v = viewer();
        let mut picked = Vec::new();
        for _ in 0..4 {
            let id = r.next(&v, &c, Instant::now()).unwrap().unwrap();
            assert!(!v.history.contains(id));
            picked.push(id);
            v.history.push(id, "a".into());
        }
        assert_eq!(picked.iter().collect::<HashSet<_>>().len(), 4, "{picked:?}");
        // With a window of 3, the one heard 4 picks ago is allowed again, and only that one.
        assert_eq!(r.next(&v, &c, Instant::now()).unwrap(), Some(picked[0]));
    }

    #[test]
    fn random_among_finished_and_skips_evicted() {
        let r = RandomRecommender::new(4);
        let c = [
            candidate(1, "a", Complete),
            candidate(2, "b", Evicted),
            candidate(3, "c", Complete),
        ];
        let seen: HashSet<_> = (0..100)
            .map(|_| r.next(&viewer(), &c, Instant::now()).unwrap().unwrap())
            .collect();
        assert_eq!(seen, HashSet::from([UtteranceId(1), UtteranceId(3)]));
        assert_eq!(r.next(&viewer(), &[], Instant::now()).unwrap(), None);
    }

    #[test]
    fn same_seed_same_choices() {
        let c: Vec<_> = (1..=20).map(|i| candidate(i, "a", Complete)).collect();
        let run = |seed| {
            let r = RandomRecommender::new(seed);
            (0..10)
                .map(|_| r.next(&viewer(), &c, Instant::now()).unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(run(9), run(9));
    }
}
