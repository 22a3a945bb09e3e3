//! The baseline policy: something live if possible, at random, never yourself, no repeats.
//! Among equally good choices (every one of a tier is), one that other viewers start at the
//! same instant ([`ViewerContext::starting`]) comes first: the first viewer's pick is uniform,
//! and the others of that instant join it, so each viewer's pick stays uniform over what it may
//! hear while the server plays it once.

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

    /// [`Self::pick`] among those of `tier` that others start now, if any, else among all.
    fn pick_joining<'a>(
        &self,
        viewer: &ViewerContext,
        tier: impl Iterator<Item = &'a Candidate> + Clone,
    ) -> Option<UtteranceId> {
        if !viewer.starting.is_empty() {
            let joining = tier.clone().filter(|c| viewer.starting.contains(&c.id));
            if let Some(id) = self.pick(joining) {
                return Some(id);
            }
        }
        self.pick(tier)
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
            .pick_joining(viewer, eligible.clone().filter(|c| c.is_live()))
            .or_else(|| self.pick_joining(viewer, eligible.filter(|c| !c.is_live()))))
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
    fn joins_what_others_start_now_within_the_same_tier() {
        let r = RandomRecommender::new(5);
        let c = [
            candidate(1, "a", Complete),
            candidate(2, "b", Live),
            candidate(3, "c", Live),
            candidate(4, "d", Complete),
        ];
        let mut v = viewer();
        v.starting = vec![UtteranceId(3)];
        for _ in 0..50 {
            assert_eq!(r.next(&v, &c, Instant::now()).unwrap(), Some(UtteranceId(3)));
        }
        // Never a worse tier for it: a finished one others start loses to any live one.
        v.starting = vec![UtteranceId(4)];
        let seen: HashSet<_> = (0..100)
            .map(|_| r.next(&v, &c, Instant::now()).unwrap().unwrap())
            .collect();
        assert_eq!(seen, HashSet::from([UtteranceId(2), UtteranceId(3)]));
        // Nor one the viewer may not hear (heard already).
        v.starting = vec![UtteranceId(2)];
        v.history.push(UtteranceId(2), "b".into());
        assert_eq!(r.next(&v, &c, Instant::now()).unwrap(), Some(UtteranceId(3)));
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
