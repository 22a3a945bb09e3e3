//! Bounds concurrent WebSocket connections, in all and per client IP.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;

use parking_lot::Mutex;

use crate::protocol::{ErrorBody, ErrorCode};
use crate::stats::Counter;

/// Bounds concurrent connections, in all and per client IP.
pub struct ConnectionLimiter {
    per_ip: Mutex<HashMap<IpAddr, usize>>,
    max_per_ip: usize,
    max_total: usize,
}

/// One admitted connection; dropping it frees its place.
pub struct ConnectionPermit {
    limiter: Arc<ConnectionLimiter>,
    ip: IpAddr,
    _counted: Counter,
}

impl ConnectionLimiter {
    pub fn new(max_per_ip: usize, max_total: usize) -> Arc<ConnectionLimiter> {
        Arc::new(ConnectionLimiter {
            per_ip: Mutex::new(HashMap::new()),
            max_per_ip,
            max_total,
        })
    }

    pub(crate) fn admit(
        self: &Arc<Self>,
        ip: IpAddr,
        counted: impl FnOnce() -> Counter,
    ) -> Result<ConnectionPermit, ErrorBody> {
        let mut map = self.per_ip.lock();
        let total: usize = map.values().sum();
        if total >= self.max_total {
            return Err(ErrorBody::new(
                ErrorCode::LimitExceeded,
                format!("the server is at its limit of {} connections", self.max_total),
            ));
        }
        let n = map.entry(ip).or_insert(0);
        if *n >= self.max_per_ip {
            return Err(ErrorBody::new(
                ErrorCode::LimitExceeded,
                format!("at most {} connections per IP address", self.max_per_ip),
            ));
        }
        *n += 1;
        Ok(ConnectionPermit {
            limiter: Arc::clone(self),
            ip,
            _counted: counted(),
        })
    }
}

impl Drop for ConnectionPermit {
    fn drop(&mut self) {
        let mut map = self.limiter.per_ip.lock();
        if let Some(n) = map.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                map.remove(&self.ip);
            }
        }
    }
}
