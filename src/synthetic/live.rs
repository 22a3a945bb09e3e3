//! Numbers the viewers publish while they run, for a caller that samples them over time (the
//! load test's timeline): packets expected and counted on live streams, and one-way latencies in
//! coarse lock-free buckets (one `fetch_add` a packet).

use std::sync::atomic::{AtomicU64, Ordering};

/// Buckets of the latency histogram: the first holds latencies under [`FIRST_US`], each next
/// one is [`RATIO`] times wider, the last holds everything above (about 2 minutes).
pub const BUCKETS: usize = 64;
const FIRST_US: f64 = 100.0;
const RATIO: f64 = 1.25;

/// Latencies in geometric buckets (about 12 % wide): enough for a p50/p99 per second.
#[derive(Debug)]
pub struct LatencyBuckets {
    counts: [AtomicU64; BUCKETS],
}

impl Default for LatencyBuckets {
    fn default() -> LatencyBuckets {
        LatencyBuckets {
            counts: std::array::from_fn(|_| AtomicU64::new(0)),
        }
    }
}

/// The bucket a latency of `us` microseconds falls in.
fn bucket(us: u64) -> usize {
    if (us as f64) < FIRST_US {
        return 0;
    }
    let k = ((us as f64 / FIRST_US).ln() / RATIO.ln()).floor() as usize + 1;
    k.min(BUCKETS - 1)
}

/// The latency (ms) a bucket stands for: the geometric middle of its bounds.
fn bucket_ms(k: usize) -> f64 {
    if k == 0 {
        return FIRST_US / 2000.0;
    }
    let low = FIRST_US * RATIO.powi(k as i32 - 1);
    low * RATIO.sqrt() / 1000.0
}

impl LatencyBuckets {
    pub fn record(&self, us: u64) {
        self.counts[bucket(us)].fetch_add(1, Ordering::Relaxed);
    }

    /// The counts so far.
    pub fn snapshot(&self) -> [u64; BUCKETS] {
        std::array::from_fn(|i| self.counts[i].load(Ordering::Relaxed))
    }
}

/// The `q` quantile (0..=1), in ms, of the latencies recorded between two snapshots; `None`
/// when none was.
pub fn quantile_between(before: &[u64; BUCKETS], after: &[u64; BUCKETS], q: f64) -> Option<f64> {
    let diff: Vec<u64> = after.iter().zip(before).map(|(a, b)| a.saturating_sub(*b)).collect();
    let total: u64 = diff.iter().sum();
    if total == 0 {
        return None;
    }
    let rank = ((q.clamp(0.0, 1.0) * total as f64).ceil() as u64).max(1);
    let mut seen = 0;
    diff.iter().enumerate().find_map(|(k, n)| {
        seen += n;
        (seen >= rank).then(|| bucket_ms(k))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_monotonic_and_bounded() {
        assert_eq!(bucket(0), 0);
        assert_eq!(bucket(99), 0);
        assert_eq!(bucket(100), 1);
        assert!(bucket(1_000) < bucket(10_000));
        assert_eq!(bucket(u64::MAX), BUCKETS - 1);
    }

    #[test]
    fn quantiles_between_snapshots() {
        let b = LatencyBuckets::default();
        let before = b.snapshot();
        assert_eq!(quantile_between(&before, &b.snapshot(), 0.5), None);
        for _ in 0..98 {
            b.record(20_000);
        }
        b.record(200_000);
        b.record(200_000);
        let after = b.snapshot();
        let p50 = quantile_between(&before, &after, 0.5).unwrap();
        let p99 = quantile_between(&before, &after, 0.99).unwrap();
        assert!((17.0..23.0).contains(&p50), "{p50}");
        assert!((170.0..230.0).contains(&p99), "{p99}");
        // Only what came after the first snapshot counts.
        b.record(1_000);
        let later = b.snapshot();
        let p = quantile_between(&after, &later, 0.99).unwrap();
        assert!((0.8..1.2).contains(&p), "{p}");
    }
}
