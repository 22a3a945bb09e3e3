//! What only the signaling layer keeps across connections: the running sessions (so shutdown
//! can wait for them), the sessions parked for `resume`, the connection limits, and the drain.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use super::limiter::ConnectionLimiter;
use super::resume::Parked;
use crate::cluster::unix_ms;
use crate::config::Limits;

pub(crate) struct SignalingHub {
    /// Every session task; shutdown waits for them.
    pub sessions: TaskTracker,
    /// Sessions whose socket dropped, waiting for `resume`.
    pub parked: Arc<Parked>,
    pub connections: Arc<ConnectionLimiter>,
    /// Cancelled when a drain starts (no new joins; peers told to move).
    draining: CancellationToken,
    /// When the drain ends, in ms since the Unix epoch (set before `draining` is cancelled).
    drain_deadline_ms: AtomicU64,
    /// The node the peers are sent to at a drain (a cluster node that handed its rooms over).
    redirect: parking_lot::Mutex<Option<String>>,
}

impl SignalingHub {
    pub fn new(limits: &Limits) -> SignalingHub {
        SignalingHub {
            sessions: TaskTracker::new(),
            parked: Arc::new(Parked::new(limits)),
            connections: ConnectionLimiter::new(
                limits.max_connections_per_ip,
                limits.max_connections,
                limits.new_connections_per_ip_per_sec,
                limits.new_connections_burst_per_ip,
            ),
            draining: CancellationToken::new(),
            drain_deadline_ms: AtomicU64::new(0),
            redirect: parking_lot::Mutex::new(None),
        }
    }

    /// At a drain, the node of the cluster the peers move to (`redirect`), set before the
    /// drain starts.
    pub fn set_redirect(&self, url: String) {
        *self.redirect.lock() = Some(url);
    }

    pub fn redirect(&self) -> Option<String> {
        self.redirect.lock().clone()
    }

    /// Cancelled once a drain has started.
    pub fn draining(&self) -> &CancellationToken {
        &self.draining
    }

    pub fn is_draining(&self) -> bool {
        self.draining.is_cancelled()
    }

    /// Starts a drain that ends `deadline` from now; false if one had started already.
    pub fn start_drain(&self, deadline: Duration) -> bool {
        if self.draining.is_cancelled() {
            return false;
        }
        self.drain_deadline_ms
            .store(unix_ms() + deadline.as_millis() as u64, Ordering::Release);
        self.draining.cancel();
        true
    }

    /// When the drain ends, in ms since the Unix epoch (0 before a drain).
    pub fn drain_deadline_ms(&self) -> u64 {
        self.drain_deadline_ms.load(Ordering::Acquire)
    }

    /// How long the drain has left (zero before a drain and after its deadline).
    pub fn drain_left(&self) -> Duration {
        Duration::from_millis(self.drain_deadline_ms().saturating_sub(unix_ms()))
    }
}
