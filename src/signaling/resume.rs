//! Sessions whose socket dropped, kept for a grace period so that the client can take them back
//! (`resume`) on a new connection with everything it had: peer id, transports (media keeps
//! flowing meanwhile: ICE does not depend on the signaling socket), producers, consumers, feed,
//! and the notifications that arrived while it was away.
//!
//! A parked session is dropped (and so released: `peerLeft` for the others) when its grace
//! period ends, when the server shuts down, or when it overflowed its notification queue.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use super::limiter::client_key;
use super::session::Session;
use crate::config::Limits;
use crate::dump::PeerDump;
use crate::link::PeerEvent;

struct Entry {
    session: Session,
    events: mpsc::Receiver<PeerEvent>,
    /// The client's key (its IP, or its IPv6 /64) and user, for the per-client caps.
    client: IpAddr,
    uid: Arc<str>,
    /// Parking order: the oldest of a client goes first.
    seq: u64,
    /// Ends the expiry task when the session is taken or evicted before its grace is over.
    expiry: CancellationToken,
}

#[derive(Default)]
struct Table {
    by_token: HashMap<String, Entry>,
    next_seq: u64,
}

impl Table {
    /// Takes out the oldest entries matching `same` while `cap` or more do.
    fn evict_over(&mut self, cap: usize, same: impl Fn(&Entry) -> bool, evicted: &mut Vec<Entry>) {
        loop {
            let matching = self.by_token.iter().filter(|(_, e)| same(e)).map(|(t, e)| (t, e.seq));
            let Some(token) = oldest_at_cap(matching, cap).cloned() else {
                return;
            };
            evicted.extend(self.by_token.remove(&token));
        }
    }
}

/// Of one client's parked sessions (token and parking order), the oldest one's token when there
/// are `cap` or more: it goes to make room for one more.
fn oldest_at_cap<T>(sessions: impl Iterator<Item = (T, u64)>, cap: usize) -> Option<T> {
    let (count, oldest) = sessions.fold((0, None::<(T, u64)>), |(n, old), (token, seq)| {
        let older = old.as_ref().is_none_or(|(_, oldest)| seq < *oldest);
        (n + 1, if older { Some((token, seq)) } else { old })
    });
    oldest.filter(|_| count >= cap).map(|(token, _)| token)
}

/// How many sessions may be parked: in all, per client IP (IPv6: /64) and per user.
#[derive(Debug, Clone, Copy)]
struct Caps {
    total: usize,
    per_ip: usize,
    per_uid: usize,
}

/// Parked sessions by resume token.
pub(crate) struct Parked {
    sessions: Mutex<Table>,
    caps: Caps,
}

impl Parked {
    pub fn new(limits: &Limits) -> Parked {
        Parked {
            sessions: Mutex::default(),
            caps: Caps {
                total: limits.max_parked_sessions,
                per_ip: limits.max_parked_per_ip,
                per_uid: limits.max_parked_per_uid,
            },
        }
    }

    /// Keeps `session` (joined, from `client`) for `grace` under `token`; an expiry task (on
    /// `tasks`) drops it then, or at `shutdown`. A client or user at its cap has its oldest
    /// parked session released to make room; with the table full, this session is released
    /// instead, and `false` returned.
    #[allow(clippy::too_many_arguments)]
    pub fn park(
        self: &Arc<Self>,
        token: String,
        session: Session,
        events: mpsc::Receiver<PeerEvent>,
        client: IpAddr,
        grace: Duration,
        shutdown: &CancellationToken,
        tasks: &TaskTracker,
    ) -> bool {
        let Some(uid) = session.uid() else {
            return false;
        };
        let client = client_key(client);
        let expiry = shutdown.child_token();
        // A moderator on another node (over the cluster's bus) reaches the peer through its
        // queue only: its removal releases the parked session as the local API's does.
        let ended = session.ended();
        let mut evicted = Vec::new();
        let refused = {
            let mut table = self.sessions.lock();
            table.evict_over(self.caps.per_ip, |e| e.client == client, &mut evicted);
            table.evict_over(self.caps.per_uid, |e| e.uid == uid, &mut evicted);
            if table.by_token.len() >= self.caps.total {
                Some((session, events))
            } else {
                let seq = table.next_seq;
                table.next_seq += 1;
                let entry = Entry {
                    session,
                    events,
                    client,
                    uid: Arc::clone(&uid),
                    seq,
                    expiry: expiry.clone(),
                };
                table.by_token.insert(token.clone(), entry);
                None
            }
        };
        // Released outside the lock.
        for e in evicted {
            tracing::info!(peer = ?e.session.peer_id(), client = %e.client, uid = %e.uid, "client at its cap of parked sessions; releasing its oldest");
            e.expiry.cancel();
        }
        if let Some(refused) = refused {
            tracing::warn!(
                parked = self.caps.total,
                "too many sessions waiting for resume; releasing this one"
            );
            drop(refused);
            return false;
        }
        let parked = Arc::clone(self);
        tasks.spawn(async move {
            let why = tokio::select! {
                _ = tokio::time::sleep(grace) => "resume grace period over",
                _ = expiry.cancelled() => "resumed, evicted or shut down",
                _ = ended => "a moderator removed the peer or closed its room",
            };
            // Taken out under the lock, dropped (released) outside it.
            let expired = parked.sessions.lock().by_token.remove(&token);
            if let Some(entry) = expired {
                tracing::info!(peer = ?entry.session.peer_id(), why, "releasing the parked session");
                drop(entry);
            }
        });
        true
    }

    /// Takes the session parked under `token`, if it is there and whole. A session that lost
    /// notifications while away is released instead: its client's view of the room is wrong.
    pub fn take(&self, token: &str) -> Option<(Session, mpsc::Receiver<PeerEvent>)> {
        let entry = self.sessions.lock().by_token.remove(token)?;
        entry.expiry.cancel();
        if entry.session.overflowed() {
            tracing::info!(peer = ?entry.session.peer_id(), "parked session overflowed its queue; not resumable");
            return None;
        }
        Some((entry.session, entry.events))
    }

    /// The admin dump of every parked peer, by peer id, read from the parked sessions
    /// themselves: nobody reads a parked session's queue, so asking it would only time out.
    pub fn dumps(&self) -> HashMap<String, PeerDump> {
        let table = self.sessions.lock();
        table
            .by_token
            .values()
            .filter_map(|e| e.session.dump())
            .map(|d| (d.peer_id.clone(), d))
            .collect()
    }

    /// Releases the parked sessions `which` picks now (a moderator removed the peer or closed
    /// its room): their tokens answer `session_expired` from then on. Returns how many.
    pub fn release_where(&self, which: impl Fn(&Session) -> bool) -> usize {
        let gone: Vec<Entry> = {
            let mut table = self.sessions.lock();
            let tokens: Vec<String> = table
                .by_token
                .iter()
                .filter(|(_, e)| which(&e.session))
                .map(|(t, _)| t.clone())
                .collect();
            tokens.iter().filter_map(|t| table.by_token.remove(t)).collect()
        };
        for e in &gone {
            e.expiry.cancel();
            tracing::info!(peer = ?e.session.peer_id(), "parked session released by a moderator");
        }
        gone.len()
    }

    /// Releases every parked session now (shutdown).
    pub fn clear(&self) {
        let all: Vec<Entry> = self.sessions.lock().by_token.drain().map(|(_, e)| e).collect();
        for e in &all {
            e.expiry.cancel();
        }
        drop(all);
    }
}

#[cfg(test)]
mod tests {
    use super::oldest_at_cap;

    #[test]
    fn the_oldest_goes_when_a_client_is_at_its_cap() {
        let parked = [("b", 7), ("a", 3), ("c", 9)];
        assert_eq!(oldest_at_cap(parked.into_iter(), 3), Some("a"));
        assert_eq!(oldest_at_cap(parked.into_iter(), 2), Some("a"));
        assert_eq!(oldest_at_cap(parked.into_iter(), 4), None, "under the cap");
        assert_eq!(oldest_at_cap(std::iter::empty::<(&str, u64)>(), 1), None);
        assert_eq!(oldest_at_cap([("only", 1)].into_iter(), 1), Some("only"));
    }
}
