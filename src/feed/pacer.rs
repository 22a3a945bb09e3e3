//! A timer wheel for many feeds: one task ticks every few milliseconds and polls only the feeds
//! that are due, instead of one runtime timer per packet per viewer.
//!
//! Scheduling and expiry are O(1) amortised. A key has at most one live deadline: scheduling
//! again replaces it, and the superseded wheel entry is dropped lazily when its slot comes up.

use rustc_hash::FxHashMap;
use std::hash::Hash;
use std::time::{Duration, Instant};

/// Instants `origin + k × period`: where feeds start their utterances, so that every feed's
/// packets (20 ms apart in an utterance) fall due in the same pacer ticks and leave in one burst
/// per period, as a live packet fans out to all its consumers at once, rather than one small
/// burst per tick (each a wake-up of the media worker, and on loopback of the receivers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grid {
    origin: Instant,
    period: Duration,
}

impl Grid {
    pub fn new(origin: Instant, period: Duration) -> Self {
        Self {
            origin,
            period: period.max(Duration::from_micros(100)),
        }
    }

    pub fn period(&self) -> Duration {
        self.period
    }

    /// The first grid instant at or after `at`.
    pub fn at_or_after(&self, at: Instant) -> Instant {
        self.at_or_after_every(at, Duration::ZERO)
    }

    /// The first instant at or after `at` of the coarser grid of the same origin whose period
    /// is `every` rounded up to a multiple of this one's (this grid's period when shorter): an
    /// instant of this grid too.
    pub fn at_or_after_every(&self, at: Instant, every: Duration) -> Instant {
        let since = at.saturating_duration_since(self.origin).as_nanos();
        let period = self.period.as_nanos();
        let period = every.as_nanos().div_ceil(period).max(1) * period;
        let k = since.div_ceil(period);
        let nanos = u64::try_from(k * period).unwrap_or(u64::MAX);
        self.origin + Duration::from_nanos(nanos)
    }
}

pub struct Pacer<K> {
    origin: Instant,
    resolution: Duration,
    /// Entries `(key, tick)` in slot `tick % slots.len()`.
    slots: Vec<Vec<(K, u64)>>,
    /// The live deadline (tick) of each scheduled key.
    due: FxHashMap<K, u64>,
    /// First tick not processed yet.
    next_tick: u64,
}

impl<K: Copy + Eq + Hash> Pacer<K> {
    /// `resolution` is the tick length (a few ms); `slots` times it should cover the usual
    /// scheduling horizon (packet spacing, live-tail polling) so entries are visited once.
    pub fn new(origin: Instant, resolution: Duration, slots: usize) -> Self {
        Self {
            origin,
            resolution: resolution.max(Duration::from_micros(100)),
            slots: (0..slots.max(1)).map(|_| Vec::new()).collect(),
            due: FxHashMap::default(),
            next_tick: 0,
        }
    }

    /// Number of keys with a deadline.
    pub fn len(&self) -> usize {
        self.due.len()
    }

    pub fn is_empty(&self) -> bool {
        self.due.is_empty()
    }

    /// Makes `key` due at `at` (rounded up to the next tick, never early), replacing any
    /// earlier deadline of `key`.
    pub fn schedule(&mut self, key: K, at: Instant) {
        let nanos = at.saturating_duration_since(self.origin).as_nanos();
        let res = self.resolution.as_nanos();
        let tick = u64::try_from(nanos.div_ceil(res))
            .unwrap_or(u64::MAX)
            .max(self.next_tick);
        if self.due.insert(key, tick) == Some(tick) {
            return; // Already in that slot.
        }
        let n = self.slots.len() as u64;
        self.slots[(tick % n) as usize].push((key, tick));
    }

    pub fn cancel(&mut self, key: K) {
        self.due.remove(&key);
    }

    /// The start of the first tick that holds a deadline, within one turn of the wheel (`None`:
    /// nothing that soon). A deadline replaced since may still count: waking for it finds
    /// nothing due, which is harmless.
    pub fn next_deadline(&self) -> Option<Instant> {
        let n = self.slots.len() as u64;
        (self.next_tick..self.next_tick.saturating_add(n))
            .find(|&tick| self.slots[(tick % n) as usize].iter().any(|&(_, t)| t == tick))
            .map(|tick| self.origin + self.resolution * u32::try_from(tick).unwrap_or(u32::MAX))
    }

    /// Appends to `out` every key due at or before `now`, each once, and forgets their deadlines.
    pub fn expire(&mut self, now: Instant, out: &mut Vec<K>) {
        let target = (now.saturating_duration_since(self.origin).as_nanos() / self.resolution.as_nanos())
            .try_into()
            .unwrap_or(u64::MAX);
        if target < self.next_tick {
            return;
        }
        let n = self.slots.len() as u64;
        // After a long pause every slot is visited once, which covers every entry.
        let last = target.min(self.next_tick.saturating_add(n - 1));
        let due = &mut self.due;
        for tick in self.next_tick..=last {
            self.slots[(tick % n) as usize].retain(|&(key, t)| {
                if t > target {
                    return true;
                }
                if due.get(&key) == Some(&t) {
                    due.remove(&key);
                    out.push(key);
                }
                false
            });
        }
        self.next_tick = target + 1;
    }
}

#[cfg(test)]
mod grid_tests {
    use super::*;

    #[test]
    fn rounds_up_to_the_next_grid_instant() {
        let t0 = Instant::now();
        let g = Grid::new(t0, Duration::from_millis(20));
        let ms = |n| t0 + Duration::from_millis(n);
        assert_eq!(g.at_or_after(t0), t0);
        assert_eq!(g.at_or_after(ms(1)), ms(20));
        assert_eq!(g.at_or_after(ms(20)), ms(20));
        assert_eq!(g.at_or_after(ms(20) + Duration::from_nanos(1)), ms(40));
        assert_eq!(g.at_or_after(ms(1000) + Duration::from_micros(300)), ms(1020));
        // Before the origin: the origin.
        assert_eq!(
            g.at_or_after(t0.checked_sub(Duration::from_millis(5)).unwrap_or(t0)),
            t0
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn a_coarser_grid_is_on_the_grid() {
        let t0 = Instant::now();
        let g = Grid::new(t0, Duration::from_millis(20));
        let ms = |n: u64| t0 + Duration::from_millis(n);
        assert_eq!(g.at_or_after(ms(21)), ms(40));
        assert_eq!(g.at_or_after_every(ms(21), Duration::from_millis(100)), ms(100));
        assert_eq!(g.at_or_after_every(ms(100), Duration::from_millis(100)), ms(100));
        // Rounded up to whole grid periods: 50 ms is 60 ms.
        assert_eq!(g.at_or_after_every(ms(61), Duration::from_millis(50)), ms(120));
        // Shorter than the grid's period (or zero): the grid itself.
        assert_eq!(g.at_or_after_every(ms(21), Duration::ZERO), ms(40));
        assert_eq!(g.at_or_after_every(ms(21), Duration::from_millis(5)), ms(40));
    }

    #[test]
    fn next_deadline_is_the_first_tick_with_a_key() {
        let t0 = Instant::now();
        let res = Duration::from_millis(2);
        let mut p = Pacer::new(t0, res, 64);
        assert_eq!(p.next_deadline(), None);
        p.schedule(1u32, t0 + Duration::from_millis(21));
        p.schedule(2u32, t0 + Duration::from_millis(7));
        // 7 ms rounds up to the tick at 8 ms.
        assert_eq!(p.next_deadline(), Some(t0 + Duration::from_millis(8)));
        let mut out = Vec::new();
        p.expire(t0 + Duration::from_millis(8), &mut out);
        assert_eq!(out, [2]);
        assert_eq!(p.next_deadline(), Some(t0 + Duration::from_millis(22)));
        // Beyond one turn of the wheel (64 × 2 ms): not seen.
        p.expire(t0 + Duration::from_millis(22), &mut out);
        p.schedule(3u32, t0 + Duration::from_millis(500));
        assert_eq!(p.next_deadline(), None);
    }
    use rand::{Rng, SeedableRng};

    #[test]
    fn never_early_at_most_a_tick_late() {
        let t0 = Instant::now();
        let res = Duration::from_millis(5);
        let mut p = Pacer::new(t0, res, 64);
        let mut rng = rand::rngs::StdRng::seed_from_u64(5);
        let mut deadlines = HashMap::new();
        for k in 0..10_000u32 {
            let at = t0 + Duration::from_micros(rng.random_range(0..3_000_000));
            p.schedule(k, at);
            deadlines.insert(k, at);
        }
        let mut out = Vec::new();
        let mut seen = HashMap::new();
        let mut now = t0;
        while now < t0 + Duration::from_secs(4) {
            out.clear();
            p.expire(now, &mut out);
            for k in &out {
                assert!(seen.insert(*k, now).is_none(), "{k} twice");
            }
            now += Duration::from_millis(3);
        }
        assert_eq!(seen.len(), 10_000);
        assert!(p.is_empty());
        for (k, fired) in seen {
            let at = deadlines[&k];
            assert!(fired >= at, "early");
            assert!(fired - at < res + Duration::from_millis(3), "late by {:?}", fired - at);
        }
    }

    #[test]
    fn reschedule_replaces_and_cancel_removes() {
        let t0 = Instant::now();
        let ms = |n| t0 + Duration::from_millis(n);
        let mut p = Pacer::new(t0, Duration::from_millis(5), 16);
        let mut out = Vec::new();
        p.schedule(1, ms(50));
        p.schedule(1, ms(10)); // earlier
        p.schedule(2, ms(10));
        p.schedule(2, ms(60)); // later
        p.schedule(3, ms(10));
        p.cancel(3);
        p.expire(ms(20), &mut out);
        assert_eq!(out, [1]);
        out.clear();
        p.expire(ms(55), &mut out);
        assert!(out.is_empty(), "key 1's superseded entry must not fire");
        p.expire(ms(60), &mut out);
        assert_eq!(out, [2]);
        // Past deadlines fire on the next expiry; far ones survive wheel revolutions.
        out.clear();
        p.schedule(4, ms(0));
        p.schedule(5, ms(1000));
        p.expire(ms(64), &mut out);
        assert!(out.is_empty(), "the tick at 60 ms was already processed");
        p.expire(ms(65), &mut out);
        assert_eq!(out, [4]);
        out.clear();
        for t in (70..1000).step_by(5) {
            p.expire(ms(t), &mut out);
        }
        assert!(out.is_empty());
        p.expire(ms(1000), &mut out);
        assert_eq!(out, [5]);
        // A long pause: everything overdue fires at once.
        p.schedule(6, ms(1100));
        p.schedule(7, ms(1900));
        out.clear();
        p.expire(ms(60_000), &mut out);
        out.sort();
        assert_eq!(out, [6, 7]);
    }
}
