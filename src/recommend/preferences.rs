//! A viewer's favoured and muted speakers, layered on any policy.

use std::time::Instant;

use super::{Candidate, RecommendError, Recommender, ViewerContext};
use crate::buffer::UtteranceId;

/// Never a muted speaker; favoured speakers first (the inner policy chooses among them, so
/// "live first" still holds among favourites), everyone else when no favourite has anything.
pub struct PreferencesRecommender<R> {
    inner: R,
}

impl<R: Recommender> PreferencesRecommender<R> {
    pub fn new(inner: R) -> Self {
        Self { inner }
    }
}

impl<R: Recommender> Recommender for PreferencesRecommender<R> {
    fn next(
        &self,
        viewer: &ViewerContext,
        candidates: &[Candidate],
        now: Instant,
    ) -> Result<Option<UtteranceId>, RecommendError> {
        let prefs = &viewer.preferences;
        if prefs.favour.is_empty() && prefs.mute.is_empty() {
            return self.inner.next(viewer, candidates, now);
        }
        // One small vector per switch, not per packet.
        let (favoured, others): (Vec<Candidate>, Vec<Candidate>) = candidates
            .iter()
            .filter(|c| !prefs.mute.contains(&c.speaker.uid))
            .cloned()
            .partition(|c| prefs.favour.contains(&c.speaker.uid));
        if !favoured.is_empty() {
            if let Some(id) = self.inner.next(viewer, &favoured, now)? {
                return Ok(Some(id));
            }
        }
        self.inner.next(viewer, &others, now)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::buffer::UtteranceState::*;
    use crate::recommend::tests::candidate;
    use crate::recommend::{RandomRecommender, RecommendError};

    fn viewer(favour: &[&str], mute: &[&str]) -> ViewerContext {
        let mut v = ViewerContext::new("me-peer".into(), "me".into(), 4);
        v.preferences.favour = favour.iter().map(|s| (*s).into()).collect();
        v.preferences.mute = mute.iter().map(|s| (*s).into()).collect();
        v
    }

    #[test]
    fn never_muted_speakers() {
        let r = PreferencesRecommender::new(RandomRecommender::new(1));
        let c = [candidate(1, "loud", Live), candidate(2, "b", Complete)];
        for _ in 0..30 {
            assert_eq!(
                r.next(&viewer(&[], &["loud"]), &c, Instant::now()).unwrap(),
                Some(UtteranceId(2))
            );
        }
        assert_eq!(r.next(&viewer(&[], &["loud", "b"]), &c, Instant::now()).unwrap(), None);
    }

    #[test]
    fn favoured_first_even_over_live_others() {
        let r = PreferencesRecommender::new(RandomRecommender::new(2));
        let c = [
            candidate(1, "a", Live),
            candidate(2, "fav", Complete),
            candidate(3, "fav", Live),
        ];
        let v = viewer(&["fav"], &[]);
        // Among favourites, the inner policy's live-first still applies.
        for _ in 0..30 {
            assert_eq!(r.next(&v, &c, Instant::now()).unwrap(), Some(UtteranceId(3)));
        }
        let mut v = v;
        v.history.push(UtteranceId(3), "fav".into());
        assert_eq!(r.next(&v, &c, Instant::now()).unwrap(), Some(UtteranceId(2)));
        v.history.push(UtteranceId(2), "fav".into());
        assert_eq!(
            r.next(&v, &c, Instant::now()).unwrap(),
            Some(UtteranceId(1)),
            "others when favourites are heard"
        );
    }

    #[test]
    fn no_preferences_is_the_inner_policy() {
        let r = PreferencesRecommender::new(RandomRecommender::new(3));
        let c: Vec<_> = (1..=5).map(|i| candidate(i, "a", Complete)).collect();
        let seen: HashSet<_> = (0..100)
            .map(|_| r.next(&viewer(&[], &[]), &c, Instant::now()).unwrap().unwrap())
            .collect();
        assert_eq!(seen.len(), 5);
    }

    struct Failing;
    impl Recommender for Failing {
        fn next(&self, _: &ViewerContext, _: &[Candidate], _: Instant) -> Result<Option<UtteranceId>, RecommendError> {
            Err(RecommendError::Unavailable("down".into()))
        }
    }

    #[test]
    fn inner_errors_pass_through() {
        let r = PreferencesRecommender::new(Failing);
        let c = [candidate(1, "fav", Live)];
        assert!(r.next(&viewer(&["fav"], &[]), &c, Instant::now()).is_err());
    }
}
