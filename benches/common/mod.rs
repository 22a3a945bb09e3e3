//! What the benchmark binaries share.

/// How the crate names a worker's thread (`mediasoup-worker-<id>`), cut to `comm`'s 15 bytes.
pub const WORKER_THREAD: &str = "mediasoup-work";

/// The median of `values` (NaN for none).
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}
