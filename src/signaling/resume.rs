//! Sessions whose socket dropped, kept for a grace period so that the client can take them back
//! (`resume`) on a new connection with everything it had: peer id, transports (media keeps
//! flowing meanwhile: ICE does not depend on the signaling socket), producers, consumers, feed,
//! and the notifications that arrived while it was away.
//!
//! A parked session is dropped (and so released: `peerLeft` for the others) when its grace
//! period ends, when the server shuts down, or when it overflowed its notification queue.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use super::session::Session;
use crate::link::PeerEvent;

struct Entry {
    session: Session,
    events: mpsc::Receiver<PeerEvent>,
}

/// Parked sessions by resume token.
#[derive(Default)]
pub(crate) struct Parked {
    sessions: Mutex<HashMap<String, Entry>>,
}

impl Parked {
    /// Keeps `session` for `grace` under `token`; an expiry task (on `tasks`) drops it then, or
    /// at `shutdown`. With `max` sessions parked already, the session is released instead, and
    /// `false` returned.
    #[allow(clippy::too_many_arguments)]
    pub fn park(
        self: &Arc<Self>,
        token: String,
        session: Session,
        events: mpsc::Receiver<PeerEvent>,
        grace: Duration,
        max: usize,
        shutdown: CancellationToken,
        tasks: &TaskTracker,
    ) -> bool {
        {
            let mut sessions = self.sessions.lock();
            if sessions.len() >= max {
                drop(sessions);
                tracing::warn!(parked = max, "too many sessions waiting for resume; releasing this one");
                drop((session, events));
                return false;
            }
            sessions.insert(token.clone(), Entry { session, events });
        }
        let parked = Arc::clone(self);
        tasks.spawn(async move {
            tokio::select! {
                _ = tokio::time::sleep(grace) => {}
                _ = shutdown.cancelled() => {}
            }
            // Taken out under the lock, dropped (released) outside it.
            let expired = parked.sessions.lock().remove(&token);
            if let Some(entry) = expired {
                tracing::info!(peer = ?entry.session.peer_id(), "resume grace period over; releasing the session");
                drop(entry);
            }
        });
        true
    }

    /// Takes the session parked under `token`, if it is there and whole. A session that lost
    /// notifications while away is released instead: its client's view of the room is wrong.
    pub fn take(&self, token: &str) -> Option<(Session, mpsc::Receiver<PeerEvent>)> {
        let entry = self.sessions.lock().remove(token)?;
        if entry.session.overflowed() {
            tracing::info!(peer = ?entry.session.peer_id(), "parked session overflowed its queue; not resumable");
            return None;
        }
        Some((entry.session, entry.events))
    }

    /// Releases every parked session now (shutdown).
    pub fn clear(&self) {
        let all: Vec<Entry> = self.sessions.lock().drain().map(|(_, e)| e).collect();
        drop(all);
    }
}
