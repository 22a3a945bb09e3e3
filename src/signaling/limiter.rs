//! Bounds concurrent WebSocket connections, in all and per client IP (IPv6: per /64).

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Arc;

use parking_lot::Mutex;

use crate::protocol::{ErrorBody, ErrorCode};
use crate::stats::Counter;

/// The key one client is counted under: its IPv4 address (an IPv4-mapped IPv6 address is its
/// IPv4 address), or its IPv6 address's /64. One IPv6 subscriber usually holds a whole /64 and
/// can use any address in it, so per-address counting would not limit it at all.
pub(crate) fn client_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !(u64::MAX as u128))),
        v4 => v4,
    }
}

/// Bounds concurrent connections, in all and per client (see [`client_key`]).
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
        let ip = client_key(ip);
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
                format!("at most {} connections per IP address (IPv6: per /64)", self.max_per_ip),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_64() {
        assert_eq!(client_key(ip("2001:db8:1:2:aaaa::1")), ip("2001:db8:1:2::"));
        assert_eq!(
            client_key(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")),
            client_key(ip("2001:db8:1:2::7"))
        );
        assert_ne!(client_key(ip("2001:db8:1:2::1")), client_key(ip("2001:db8:1:3::1")));
        assert_eq!(client_key(ip("192.0.2.7")), ip("192.0.2.7"));
        assert_eq!(
            client_key(ip("::ffff:192.0.2.7")),
            ip("192.0.2.7"),
            "IPv4-mapped is IPv4"
        );
        assert_ne!(client_key(ip("192.0.2.7")), client_key(ip("192.0.2.8")));
    }

    #[test]
    fn one_64_shares_one_allowance() {
        let limiter = ConnectionLimiter::new(2, 100);
        let gauge = crate::stats::Gauge::default();
        let a = limiter.admit(ip("2001:db8::1"), || gauge.count()).unwrap();
        let _b = limiter.admit(ip("2001:db8::ffff:2"), || gauge.count()).unwrap();
        let e = limiter.admit(ip("2001:db8::3"), || gauge.count()).err().unwrap();
        assert_eq!(e.code, ErrorCode::LimitExceeded);
        assert!(e.message.contains("/64"), "{}", e.message);
        let _other = limiter.admit(ip("2001:db8:0:1::1"), || gauge.count()).unwrap();
        drop(a);
        let _c = limiter.admit(ip("2001:db8::3"), || gauge.count()).unwrap();
        assert_eq!(gauge.get(), 3);
    }
}
