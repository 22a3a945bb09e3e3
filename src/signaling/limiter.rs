//! Bounds concurrent WebSocket connections, in all and per client IP (IPv6: per /64), and how
//! fast one client may open new ones: a client that connects, joins and drops in a loop makes
//! every peer of the room hear `peerJoined`/`peerLeft` each time, so its rate is bounded too.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Arc;
use std::time::Instant;

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

/// Bounds concurrent connections, in all and per client (see [`client_key`]), and new
/// connections per client and second.
pub struct ConnectionLimiter {
    per_ip: Mutex<HashMap<IpAddr, usize>>,
    max_per_ip: usize,
    max_total: usize,
    new_connections: Mutex<NewConnections>,
}

/// Token buckets of new connections, per client: `rate` per second, up to `burst` at once.
pub(crate) struct NewConnections {
    rate: f64,
    burst: f64,
    buckets: HashMap<IpAddr, Bucket>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Buckets kept before the full ones (clients quiet long enough) are forgotten.
const MAX_BUCKETS: usize = 4096;

impl NewConnections {
    pub(crate) fn new(rate: u32, burst: u32) -> NewConnections {
        NewConnections {
            rate: f64::from(rate.max(1)),
            burst: f64::from(burst.max(1)),
            buckets: HashMap::new(),
        }
    }

    /// Takes one new connection for `key` at `now`; false when the client is over its rate.
    pub(crate) fn take(&mut self, key: IpAddr, now: Instant) -> bool {
        if self.buckets.len() >= MAX_BUCKETS {
            self.forget_full(now);
        }
        let (rate, burst) = (self.rate, self.burst);
        let bucket = self.buckets.entry(key).or_insert(Bucket { tokens: burst, at: now });
        let refilled = now.saturating_duration_since(bucket.at).as_secs_f64() * rate;
        bucket.tokens = (bucket.tokens + refilled).min(burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Forgets the clients whose bucket has refilled: they are as new.
    fn forget_full(&mut self, now: Instant) {
        let (rate, burst) = (self.rate, self.burst);
        self.buckets
            .retain(|_, b| b.tokens + now.saturating_duration_since(b.at).as_secs_f64() * rate < burst);
    }
}

/// One admitted connection; dropping it frees its place.
pub struct ConnectionPermit {
    limiter: Arc<ConnectionLimiter>,
    ip: IpAddr,
    _counted: Counter,
}

impl ConnectionLimiter {
    /// `rate` new connections per second per client, `burst` at once.
    pub fn new(max_per_ip: usize, max_total: usize, rate: u32, burst: u32) -> Arc<ConnectionLimiter> {
        Arc::new(ConnectionLimiter {
            per_ip: Mutex::new(HashMap::new()),
            max_per_ip,
            max_total,
            new_connections: Mutex::new(NewConnections::new(rate, burst)),
        })
    }

    pub(crate) fn admit(
        self: &Arc<Self>,
        ip: IpAddr,
        counted: impl FnOnce() -> Counter,
    ) -> Result<ConnectionPermit, ErrorBody> {
        let ip = client_key(ip);
        let mut new_connections = self.new_connections.lock();
        if !new_connections.take(ip, Instant::now()) {
            let n = new_connections.rate;
            return Err(ErrorBody::new(
                ErrorCode::RateLimited,
                format!("over {n} new connections per second from your address (IPv6: /64); slow down"),
            ));
        }
        drop(new_connections);
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
        let limiter = ConnectionLimiter::new(2, 100, 100, 100);
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

    #[test]
    fn new_connections_are_limited_per_client_and_refill_with_time() {
        let t0 = Instant::now();
        let mut n = NewConnections::new(2, 3);
        let a = ip("192.0.2.1");
        assert!((0..3).all(|_| n.take(a, t0)), "the burst");
        assert!(!n.take(a, t0), "over the burst");
        assert!(n.take(ip("192.0.2.2"), t0), "another client has its own");
        assert!(
            !n.take(a, t0 + std::time::Duration::from_millis(400)),
            "0.8 of a connection back"
        );
        assert!(
            n.take(a, t0 + std::time::Duration::from_millis(600)),
            "one back after 0.5 s at 2/s"
        );
        assert!(!n.take(a, t0 + std::time::Duration::from_millis(600)));
        // Never more than the burst, however long the client waited.
        let later = t0 + std::time::Duration::from_secs(60);
        assert!((0..3).all(|_| n.take(a, later)));
        assert!(!n.take(a, later));
    }

    #[test]
    fn full_buckets_are_forgotten_when_there_are_many() {
        let t0 = Instant::now();
        let mut n = NewConnections::new(10, 1);
        for i in 0..MAX_BUCKETS as u32 {
            assert!(n.take(IpAddr::from(std::net::Ipv4Addr::from(i)), t0));
        }
        assert_eq!(n.buckets.len(), MAX_BUCKETS);
        // A second later every bucket has refilled: the next client finds the table pruned.
        assert!(n.take(ip("198.51.100.1"), t0 + std::time::Duration::from_secs(1)));
        assert_eq!(n.buckets.len(), 1);
    }

    #[test]
    fn a_client_over_its_rate_is_rate_limited() {
        let limiter = ConnectionLimiter::new(100, 1000, 1, 2);
        let gauge = crate::stats::Gauge::default();
        let _a = limiter.admit(ip("192.0.2.1"), || gauge.count()).unwrap();
        let _b = limiter.admit(ip("192.0.2.1"), || gauge.count()).unwrap();
        let e = limiter.admit(ip("192.0.2.1"), || gauge.count()).err().unwrap();
        assert_eq!(e.code, ErrorCode::RateLimited);
        assert!(e.message.contains("new connections per second"), "{}", e.message);
        assert_eq!(gauge.get(), 2, "a refused connection is not counted");
    }
}
