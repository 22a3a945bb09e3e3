//! Live object counts: how many rooms, peers, transports, producers and consumers exist right now.
//!
//! A mediasoup object is counted from creation until its `on_close` fires, whatever closed it
//! (peer left, socket died, producer closed under a consumer, router gone), so the counts are
//! the ground truth that cleanup tests and soak runs check for leaks.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Arc;

use parking_lot::Mutex;

use serde::{Deserialize, Serialize};

/// Percentiles of a latency histogram recorded in microseconds, reported in milliseconds; all
/// zero when nothing was recorded. Shared by the synthetic peers' reports, the load tests and the
/// feed engine's own measurements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Percentiles {
    /// Samples recorded.
    pub count: u64,
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
    pub mean: f64,
}

impl Percentiles {
    pub fn of_micros(h: &hdrhistogram::Histogram<u64>) -> Percentiles {
        if h.is_empty() {
            return Percentiles::default();
        }
        let ms = |us: u64| us as f64 / 1000.0;
        Percentiles {
            count: h.len(),
            p50: ms(h.value_at_quantile(0.5)),
            p90: ms(h.value_at_quantile(0.9)),
            p99: ms(h.value_at_quantile(0.99)),
            max: ms(h.max()),
            mean: h.mean() / 1000.0,
        }
    }
}

/// A number of live objects.
#[derive(Clone, Default, Debug)]
pub struct Gauge(Arc<AtomicI64>);

impl Gauge {
    /// Counts one object until the returned [`Counter`] drops.
    pub fn count(&self) -> Counter {
        self.0.fetch_add(1, Ordering::Relaxed);
        Counter(Arc::clone(&self.0))
    }

    pub fn get(&self) -> i64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// One counted object; dropping it uncounts it.
#[derive(Debug)]
pub struct Counter(Arc<AtomicI64>);

impl Drop for Counter {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

#[derive(Default, Debug)]
pub struct ServerCounters {
    pub rooms: Gauge,
    pub peers: Gauge,
    pub connections: Gauge,
    /// TCP connections open on the HTTP listener (WebSockets included).
    pub http_connections: Gauge,
    pub transports: Gauge,
    pub producers: Gauge,
    pub consumers: Gauge,
    /// Viewers subscribed to the rerouted feed.
    pub feeds: Gauge,
    /// Producers piped from a room's home router to another of its routers.
    pub pipes: Gauge,
    /// Signaling messages received, ever.
    pub messages: AtomicU64,
    /// Error responses sent, ever.
    pub errors: AtomicU64,
    /// Error responses by protocol error code, ever (errors are not a hot path).
    errors_by_code: Mutex<BTreeMap<&'static str, u64>>,
    /// Moderators' actions done, by action (rare: a lock is fine).
    moderation: Mutex<BTreeMap<&'static str, u64>>,
}

impl ServerCounters {
    /// Counts one error response with `code` (a protocol error code name).
    pub fn error(&self, code: &'static str) {
        self.errors.fetch_add(1, Ordering::Relaxed);
        *self.errors_by_code.lock().entry(code).or_default() += 1;
    }

    /// Counts one moderator's action (`kick`, `mute`, `unmute`, `close_room`, `delete_utterance`,
    /// `delete_speaker_utterances`, `export_utterance`, `export_utterance_video`).
    pub fn moderation(&self, action: &'static str) {
        *self.moderation.lock().entry(action).or_default() += 1;
    }

    /// Moderators' actions done so far, by action.
    pub fn moderation_actions(&self) -> BTreeMap<&'static str, u64> {
        self.moderation.lock().clone()
    }

    /// Error responses sent so far, by code.
    pub fn errors_by_code(&self) -> BTreeMap<&'static str, u64> {
        self.errors_by_code.lock().clone()
    }

    pub fn snapshot(&self) -> ObjectCounts {
        ObjectCounts {
            rooms: self.rooms.get(),
            peers: self.peers.get(),
            connections: self.connections.get(),
            transports: self.transports.get(),
            producers: self.producers.get(),
            consumers: self.consumers.get(),
            feeds: self.feeds.get(),
            pipes: self.pipes.get(),
            messages: self.messages.load(Ordering::Relaxed),
            errors: self.errors.load(Ordering::Relaxed),
        }
    }
}

/// A snapshot of [`ServerCounters`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectCounts {
    pub rooms: i64,
    pub peers: i64,
    pub connections: i64,
    pub transports: i64,
    pub producers: i64,
    pub consumers: i64,
    pub feeds: i64,
    #[serde(default)]
    pub pipes: i64,
    pub messages: u64,
    pub errors: u64,
}

impl ObjectCounts {
    /// True when no media object or peer is left (connections may still be open).
    pub fn media_objects_released(&self) -> bool {
        self.rooms == 0
            && self.peers == 0
            && self.transports == 0
            && self.producers == 0
            && self.consumers == 0
            && self.feeds == 0
            && self.pipes == 0
    }
}

/// A cluster node's pipes now and the packets over them so far (`ServerHandle::cluster_pipes`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClusterPipes {
    pub pipes_out: i64,
    pub pipes_in: i64,
    pub packets_out: u64,
    pub packets_in: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counter_counts_until_dropped() {
        let g = Gauge::default();
        let a = g.count();
        let b = g.count();
        assert_eq!(g.get(), 2);
        drop(a);
        assert_eq!(g.get(), 1);
        drop(b);
        assert_eq!(g.get(), 0);
    }

    #[test]
    fn errors_counted_by_code() {
        let c = ServerCounters::default();
        c.error("not_found");
        c.error("not_found");
        c.error("bad_json");
        assert_eq!(c.snapshot().errors, 3);
        let by_code = c.errors_by_code();
        assert_eq!((by_code["not_found"], by_code["bad_json"]), (2, 1));
    }
}
