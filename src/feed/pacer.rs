//! A timer wheel for many feeds: one task ticks every few milliseconds and polls only the feeds
//! that are due, instead of one runtime timer per packet per viewer.
//!
//! Scheduling and expiry are O(1) amortised. A key has at most one live deadline: scheduling
//! again replaces it, and the superseded wheel entry is dropped lazily when its slot comes up.

use std::collections::HashMap;
use std::hash::Hash;
use std::time::{Duration, Instant};

pub struct Pacer<K> {
    origin: Instant,
    resolution: Duration,
    /// Entries `(key, tick)` in slot `tick % slots.len()`.
    slots: Vec<Vec<(K, u64)>>,
    /// The live deadline (tick) of each scheduled key.
    due: HashMap<K, u64>,
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
            due: HashMap::new(),
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
mod tests {
    use super::*;
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
