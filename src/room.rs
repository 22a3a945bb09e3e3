//! Rooms: one mediasoup router each, created on demand on the least-loaded worker and closed when
//! the last peer leaves. A room knows its peers (to notify them) and its producers (so a viewer
//! joining late can consume every one of them); the peers' mediasoup objects live in their
//! sessions (see `peer.rs`).
//!
//! A room outlives its router: when the router's worker dies, [`Room::rehome`] gives the room a
//! router on a live worker and tells every peer (`mediaReset`); the peers stay in the room with
//! their ids and re-create their transports. The room's utterances are in the buffer, not in
//! the worker, so they survive.

use std::collections::HashMap;
use std::sync::Arc;

use event_listener_primitives::HandlerId;
use mediasoup::prelude::*;
use parking_lot::Mutex;
use tokio::sync::OnceCell;

use crate::codecs::{media_codecs, FeedCodecs};
use crate::feed::engine::FeedEngine;
use crate::feed::rtcp::FeedRtcp;
use crate::link::{PeerEvent, PeerInfo, PeerLink, ProducerInfo, RoomEvent, RoomNotice};
use crate::stats::{Counter, ServerCounters};
use crate::workers::{LoadGuard, PoolWorker, WorkerPool};

#[derive(Debug, thiserror::Error)]
pub enum RoomError {
    #[error("room {0:?} is full")]
    Full(String),
    #[error("the server already hosts {0} rooms")]
    TooManyRooms(usize),
    #[error("cannot create a router for room {room:?}: {message}")]
    Router { room: String, message: String },
    #[error(transparent)]
    Pool(#[from] crate::workers::PoolError),
}

struct RoomState {
    peers: HashMap<String, PeerLink>,
    producers: HashMap<ProducerId, ProducerInfo>,
    /// The last peer left: the room is being removed and takes no one in.
    closed: bool,
}

impl RoomState {
    /// Tells every peer but `except` of `event`, shared by all of them.
    fn tell_others(&self, except: &str, event: RoomEvent) {
        let notice = RoomNotice::new(event);
        for (id, other) in &self.peers {
            if id != except {
                other.send(PeerEvent::Room(Arc::clone(&notice)));
            }
        }
    }
}

/// The room's router and what hangs on it. Replaced as a whole when the worker dies; peers
/// keep the one their objects were made on until they hear `MediaReset`.
pub struct RoomMedia {
    router: Router,
    /// Where the tap's consumers and the feeds' producers live, with the handler that routes its
    /// RTCP (viewers' key frame requests) to the feeds; made when first needed.
    direct_transport: OnceCell<(DirectTransport, HandlerId)>,
    rtcp: Arc<FeedRtcp>,
    worker: Arc<PoolWorker>,
    _load: LoadGuard,
}

impl RoomMedia {
    async fn create(pool: &WorkerPool, room_id: &str, feeds: &FeedEngine) -> Result<RoomMedia, RoomError> {
        let worker = pool.least_loaded()?;
        let router = worker
            .worker()
            .create_router(RouterOptions::new(media_codecs()))
            .await
            .map_err(|e| RoomError::Router {
                room: room_id.to_string(),
                message: e.to_string(),
            })?;
        tracing::info!(room = room_id, worker = worker.index(), router = %router.id(), "router created");
        Ok(RoomMedia {
            router,
            direct_transport: OnceCell::new(),
            rtcp: FeedRtcp::new(feeds.clone()),
            _load: worker.room_guard(),
            worker,
        })
    }

    pub fn router(&self) -> &Router {
        &self.router
    }

    pub fn worker(&self) -> &Arc<PoolWorker> {
        &self.worker
    }

    pub(crate) async fn direct_transport(&self) -> Result<&DirectTransport, mediasoup::worker::RequestError> {
        let (transport, _) = self
            .direct_transport
            .get_or_try_init(|| async {
                let transport = self
                    .router
                    .create_direct_transport(DirectTransportOptions::default())
                    .await?;
                let on_rtcp = self.rtcp.attach(&transport);
                Ok((transport, on_rtcp))
            })
            .await?;
        Ok(transport)
    }

    /// Where the feeds on this router register their video SSRCs for key frame requests.
    pub(crate) fn feed_rtcp(&self) -> &Arc<FeedRtcp> {
        &self.rtcp
    }
}

pub struct Room {
    id: String,
    media: Mutex<Arc<RoomMedia>>,
    /// What a consumer inside the server (the tap) can receive: everything the router offers.
    consume_capabilities: RtpCapabilities,
    feed_codecs: FeedCodecs,
    /// For the RTCP dispatcher of a new router after a worker death.
    feeds: FeedEngine,
    state: Mutex<RoomState>,
    _counted: Counter,
}

/// A room's peers and producers at the moment a peer joined.
pub(crate) struct JoinSnapshot {
    pub peers: Vec<PeerInfo>,
    pub producers: Vec<ProducerInfo>,
}

impl Room {
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The router (and worker) the room uses now.
    pub fn media(&self) -> Arc<RoomMedia> {
        Arc::clone(&self.media.lock())
    }

    pub(crate) fn consume_capabilities(&self) -> &RtpCapabilities {
        &self.consume_capabilities
    }

    pub(crate) fn feed_codecs(&self) -> &FeedCodecs {
        &self.feed_codecs
    }

    /// Moves the room to a router on a live worker if its worker has died: its producers are
    /// forgotten (they died with the worker) and every peer hears `MediaReset`. Returns whether
    /// the room moved.
    pub(crate) async fn rehome(&self, pool: &WorkerPool) -> Result<bool, RoomError> {
        let old = self.media();
        if !old.worker.is_dead() {
            return Ok(false);
        }
        let media = Arc::new(RoomMedia::create(pool, &self.id, &self.feeds).await?);
        let (worker, peers) = (media.worker.index(), {
            let mut s = self.state.lock();
            if s.closed {
                return Ok(false);
            }
            *self.media.lock() = media;
            s.producers.clear();
            for link in s.peers.values() {
                link.send(PeerEvent::MediaReset { reason: "worker_died" });
            }
            s.peers.len()
        });
        tracing::warn!(
            room = self.id,
            from = old.worker.index(),
            to = worker,
            peers,
            "room moved to a new router"
        );
        Ok(true)
    }

    /// The links to every peer in the room now.
    pub(crate) fn links(&self) -> Vec<PeerLink> {
        self.state.lock().peers.values().cloned().collect()
    }

    pub fn peer_count(&self) -> usize {
        self.state.lock().peers.len()
    }

    pub fn producers(&self) -> Vec<ProducerInfo> {
        self.state.lock().producers.values().cloned().collect()
    }

    fn add_peer(&self, link: PeerLink, max_peers: usize) -> Result<JoinSnapshot, AddPeer> {
        let mut s = self.state.lock();
        if s.closed {
            return Err(AddPeer::Closed);
        }
        if s.peers.len() >= max_peers {
            return Err(AddPeer::Full);
        }
        let snapshot = JoinSnapshot {
            peers: s.peers.values().map(|l| l.info.clone()).collect(),
            producers: s.producers.values().cloned().collect(),
        };
        s.tell_others(&link.info.peer_id, RoomEvent::PeerJoined(link.info.clone()));
        s.peers.insert(link.info.peer_id.clone(), link);
        Ok(snapshot)
    }

    /// Removes the peer and its producers, telling the others. Returns true when the room is
    /// now empty (and closed to new peers).
    fn remove_peer(&self, peer_id: &str) -> bool {
        let mut s = self.state.lock();
        if s.peers.remove(peer_id).is_none() {
            return s.closed;
        }
        let gone: Vec<ProducerId> = s
            .producers
            .iter()
            .filter(|(_, p)| p.peer_id == peer_id)
            .map(|(id, _)| *id)
            .collect();
        for producer_id in gone {
            s.producers.remove(&producer_id);
            let peer_id = peer_id.to_string();
            s.tell_others(
                &peer_id,
                RoomEvent::ProducerClosed {
                    producer_id,
                    peer_id: peer_id.clone(),
                },
            );
        }
        s.tell_others(
            peer_id,
            RoomEvent::PeerLeft {
                peer_id: peer_id.to_string(),
            },
        );
        if s.peers.is_empty() {
            s.closed = true;
        }
        s.closed
    }

    /// Registers a producer and announces it to everyone else.
    pub(crate) fn add_producer(&self, info: ProducerInfo) {
        let mut s = self.state.lock();
        s.tell_others(&info.peer_id, RoomEvent::NewProducer(info.clone()));
        s.producers.insert(info.producer_id, info);
    }

    pub(crate) fn remove_producer(&self, producer_id: ProducerId) {
        let mut s = self.state.lock();
        if let Some(info) = s.producers.remove(&producer_id) {
            let peer_id = info.peer_id;
            s.tell_others(
                &peer_id,
                RoomEvent::ProducerClosed {
                    producer_id,
                    peer_id: peer_id.clone(),
                },
            );
        }
    }

    pub(crate) fn set_producer_paused(&self, producer_id: ProducerId, paused: bool) {
        let mut s = self.state.lock();
        let Some(info) = s.producers.get_mut(&producer_id) else {
            return;
        };
        info.paused = paused;
        let peer_id = info.peer_id.clone();
        let event = if paused {
            RoomEvent::ProducerPaused {
                producer_id,
                peer_id: peer_id.clone(),
            }
        } else {
            RoomEvent::ProducerResumed {
                producer_id,
                peer_id: peer_id.clone(),
            }
        };
        s.tell_others(&peer_id, event);
    }

    pub(crate) fn has_producer(&self, producer_id: &ProducerId) -> bool {
        self.state.lock().producers.contains_key(producer_id)
    }
}

enum AddPeer {
    Closed,
    Full,
}

/// Every live room by name.
pub struct Rooms {
    map: Mutex<HashMap<String, Arc<OnceCell<Arc<Room>>>>>,
    max_rooms: usize,
    max_peers_per_room: usize,
    counters: Arc<ServerCounters>,
    feeds: FeedEngine,
}

impl Rooms {
    pub(crate) fn new(
        max_rooms: usize,
        max_peers_per_room: usize,
        counters: Arc<ServerCounters>,
        feeds: FeedEngine,
    ) -> Rooms {
        Rooms {
            map: Mutex::new(HashMap::new()),
            max_rooms,
            max_peers_per_room,
            counters,
            feeds,
        }
    }

    /// Adds a peer to the room, creating the room (and its router) if needed.
    pub(crate) async fn join(
        &self,
        pool: &WorkerPool,
        room_id: &str,
        link: PeerLink,
    ) -> Result<(Arc<Room>, JoinSnapshot), RoomError> {
        loop {
            let cell = {
                let mut map = self.map.lock();
                if !map.contains_key(room_id) && map.len() >= self.max_rooms {
                    return Err(RoomError::TooManyRooms(self.max_rooms));
                }
                Arc::clone(map.entry(room_id.to_string()).or_default())
            };
            let room = match cell.get_or_try_init(|| self.create(pool, room_id)).await {
                Ok(room) => Arc::clone(room),
                Err(e) => {
                    self.forget(room_id, &cell);
                    return Err(e);
                }
            };
            match room.add_peer(link.clone(), self.max_peers_per_room) {
                Ok(snapshot) => return Ok((room, snapshot)),
                Err(AddPeer::Full) => return Err(RoomError::Full(room_id.to_string())),
                // Lost a race with the last peer leaving: the room is going away, make a new one.
                Err(AddPeer::Closed) => self.forget(room_id, &cell),
            }
        }
    }

    async fn create(&self, pool: &WorkerPool, room_id: &str) -> Result<Arc<Room>, RoomError> {
        let media = RoomMedia::create(pool, room_id, &self.feeds).await?;
        tracing::info!(room = room_id, worker = media.worker.index(), "room created");
        Ok(Arc::new(Room {
            id: room_id.to_string(),
            media: Mutex::new(Arc::new(media)),
            consume_capabilities: pool.consume_capabilities().clone(),
            feed_codecs: pool.feed_codecs().clone(),
            feeds: self.feeds.clone(),
            state: Mutex::new(RoomState {
                peers: HashMap::new(),
                producers: HashMap::new(),
                closed: false,
            }),
            _counted: self.counters.rooms.count(),
        }))
    }

    /// Removes the peer; the last one out closes the room.
    pub(crate) fn leave(&self, room: &Arc<Room>, peer_id: &str) {
        if room.remove_peer(peer_id) {
            let mut map = self.map.lock();
            if let Some(cell) = map.get(room.id()) {
                if cell.get().is_some_and(|r| Arc::ptr_eq(r, room)) {
                    map.remove(room.id());
                    tracing::info!(room = room.id(), "room closed");
                }
            }
        }
    }

    fn forget(&self, room_id: &str, cell: &Arc<OnceCell<Arc<Room>>>) {
        let mut map = self.map.lock();
        if map.get(room_id).is_some_and(|c| Arc::ptr_eq(c, cell)) {
            map.remove(room_id);
        }
    }

    pub fn list(&self) -> Vec<Arc<Room>> {
        self.map.lock().values().filter_map(|c| c.get().cloned()).collect()
    }

    pub fn get(&self, room_id: &str) -> Option<Arc<Room>> {
        self.map.lock().get(room_id).and_then(|c| c.get().cloned())
    }

    /// Drops every room (on shutdown, after the sessions ended).
    pub(crate) fn clear(&self) {
        self.map.lock().clear();
    }
}
