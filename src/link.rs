//! How the room and the feed engine reach one peer's session: a bounded queue of [`PeerEvent`]s.
//! The events are domain facts (a peer joined, a producer closed, the feed switched); the
//! signaling session turns them into the protocol's notifications.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use mediasoup::prelude::{ConsumerId, MediaKind, ProducerId};
use tokio::sync::{mpsc, oneshot, watch};

use crate::dump::PeerDump;
use crate::feed::FeedEvent;
use crate::role::Role;

/// A peer as the room knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerInfo {
    pub peer_id: String,
    /// The user (the token's uid; the peer id without auth): what a moderator's ban names.
    pub uid: Arc<str>,
    pub display_name: Option<String>,
    pub role: Role,
}

/// A producer in the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProducerInfo {
    pub producer_id: ProducerId,
    pub peer_id: String,
    pub kind: MediaKind,
    pub paused: bool,
}

/// Something that happened in a room, told to every other peer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomEvent {
    PeerJoined(PeerInfo),
    PeerLeft {
        peer_id: String,
    },
    NewProducer(ProducerInfo),
    ProducerClosed {
        producer_id: ProducerId,
        peer_id: String,
    },
    /// `by_server`: a moderator muted it (its owner is told too).
    ProducerPaused {
        producer_id: ProducerId,
        peer_id: String,
        by_server: bool,
    },
    ProducerResumed {
        producer_id: ProducerId,
        peer_id: String,
        by_server: bool,
    },
}

/// How a room tells the cluster (if any) of an event that happened on this node: the room's
/// name and the event. Called under the room's lock: it only queues.
pub type Announce = Arc<dyn Fn(&str, &RoomEvent) + Send + Sync>;

/// One room event shared by all its recipients, and its wire text once the first session has
/// rendered it: a room of N peers serializes an event once, not N times.
#[derive(Debug)]
pub struct RoomNotice {
    pub event: RoomEvent,
    text: OnceLock<Arc<str>>,
}

impl RoomNotice {
    pub fn new(event: RoomEvent) -> Arc<RoomNotice> {
        Arc::new(RoomNotice {
            event,
            text: OnceLock::new(),
        })
    }

    /// The wire text, rendered by `render` the first time it is asked for.
    pub fn text(&self, render: impl FnOnce(&RoomEvent) -> String) -> Arc<str> {
        Arc::clone(self.text.get_or_init(|| render(&self.event).into()))
    }
}

/// What a room, the feed engine or a mediasoup callback pushes into a peer's session.
#[derive(Debug)]
pub enum PeerEvent {
    Room(Arc<RoomNotice>),
    /// The viewer's feed switched utterance or went waiting.
    Feed(FeedEvent),
    /// One of the peer's consumers lost its producer.
    ConsumerClosed {
        consumer_id: ConsumerId,
        producer_id: ProducerId,
    },
    /// The admin API asks the session to describe the peer's objects.
    Inspect(oneshot::Sender<PeerDump>),
    /// A worker of the room died: the home's (the room moved to a new router), or another one
    /// some viewers are placed on. A peer whose router it was drops every media object and
    /// tells the client; the others ignore it.
    MediaReset {
        reason: &'static str,
        /// The producers that outlived the death (when the home did), announced again
        /// (`newProducer`) to the peers that were reset, since their client forgets the room's
        /// producers on `mediaReset`. Empty when the home moved: its producers died with it.
        survivors: Arc<[Arc<RoomNotice>]>,
    },
    /// A moderator removed the peer `peer_id`: the session tells the client, closes the socket
    /// (4005) and ends for good (no resume). The id: a session's queue outlives a leave and a
    /// new join, and a late event must not end the next one.
    Removed {
        peer_id: String,
        reason: Arc<str>,
    },
    /// A moderator closed the room of the peer `peer_id`: like `Removed`, with close code 4006.
    RoomClosed {
        peer_id: String,
        reason: Arc<str>,
    },
}

/// A session's event queue, before and after it joins (cheap to clone).
#[derive(Clone)]
pub struct PeerQueue {
    events: mpsc::Sender<PeerEvent>,
    /// Set when the queue was full and an event was lost: the session then closes, because a
    /// client with a hole in its notifications has a wrong view of the room.
    overflowed: Arc<AtomicBool>,
    /// The last peer a moderator ended through this queue (`Removed`, `RoomClosed`): a session
    /// parked for `resume` reads no events, so it watches this to be released at once instead
    /// of at the end of its grace (by id: a queue outlives a leave and a new join).
    ended: Arc<watch::Sender<Option<String>>>,
}

impl PeerQueue {
    /// A queue of `capacity` events and the receiving end the session reads.
    pub fn new(capacity: usize) -> (PeerQueue, mpsc::Receiver<PeerEvent>) {
        let (events, rx) = mpsc::channel(capacity);
        (
            PeerQueue {
                events,
                overflowed: Arc::new(AtomicBool::new(false)),
                ended: Arc::new(watch::Sender::new(None)),
            },
            rx,
        )
    }

    /// Queues `event`; a full queue marks the session overflowed.
    pub fn send(&self, event: PeerEvent) {
        let ends = match &event {
            PeerEvent::Removed { peer_id, .. } | PeerEvent::RoomClosed { peer_id, .. } => Some(peer_id.clone()),
            _ => None,
        };
        if self.events.try_send(event).is_err() {
            self.overflowed.store(true, Ordering::Release);
        }
        if let Some(peer_id) = ends {
            self.ended.send_replace(Some(peer_id));
        }
    }

    /// Resolves once a moderator ends `peer_id` (removes it or closes its room), whether the
    /// event was queued before or after this call.
    pub fn ended(&self, peer_id: &str) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut ended = self.ended.subscribe();
        let peer_id = peer_id.to_string();
        async move {
            loop {
                if ended.borrow_and_update().as_deref() == Some(peer_id.as_str()) {
                    return;
                }
                // The sender lives in this queue's clones; none left means none can end it.
                if ended.changed().await.is_err() {
                    return std::future::pending().await;
                }
            }
        }
    }

    /// True once an event could not be queued.
    pub fn overflowed(&self) -> bool {
        self.overflowed.load(Ordering::Acquire)
    }
}

/// How the room reaches one peer's session: who the peer is, and its queue.
#[derive(Clone)]
pub struct PeerLink {
    pub info: PeerInfo,
    pub queue: PeerQueue,
}

impl PeerLink {
    /// Queues `event`; a full queue marks the session overflowed.
    pub fn send(&self, event: PeerEvent) {
        self.queue.send(event);
    }

    /// Queues `event` unless the queue is full, without counting that as a lost notification
    /// (the admin dump's questions).
    pub fn try_ask(&self, event: PeerEvent) -> bool {
        self.queue.events.try_send(event).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{PeerEvent, PeerQueue};

    fn removed(peer_id: &str) -> PeerEvent {
        PeerEvent::Removed {
            peer_id: peer_id.into(),
            reason: "spam".into(),
        }
    }

    async fn resolves(f: impl std::future::Future<Output = ()>) -> bool {
        tokio::time::timeout(Duration::from_millis(50), f).await.is_ok()
    }

    #[tokio::test]
    async fn ended_resolves_for_its_own_peer_whenever_the_event_came() {
        let (queue, _rx) = PeerQueue::new(8);
        let waiting = queue.ended("p1");
        queue.send(removed("p0"));
        assert!(!resolves(queue.ended("p1")).await, "another peer's removal");
        queue.send(PeerEvent::RoomClosed {
            peer_id: "p1".into(),
            reason: "over".into(),
        });
        assert!(resolves(waiting).await, "asked before the event");
        assert!(resolves(queue.ended("p1")).await, "asked after it");
        // A later peer on the same queue is not ended by the earlier one's removal.
        assert!(!resolves(queue.ended("p2")).await);
        queue.send(removed("p2"));
        assert!(resolves(queue.ended("p2")).await);
    }
}
