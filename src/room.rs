//! Rooms: one mediasoup router each, created on demand on the least-loaded worker and closed when
//! the last peer leaves. A room knows its peers (to notify them) and its producers (so a viewer
//! joining late can consume every one of them); the peers' mediasoup objects live in their
//! sessions (see `peer.rs`).
//!
//! A room outlives its router: when the router's worker dies, [`Room::rehome`] gives the room a
//! router on a live worker and tells every peer (`mediaReset`); the peers stay in the room with
//! their ids and re-create their transports. The room's utterances are in the buffer, not in
//! the worker, so they survive.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

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
    /// A moderator banned this user from the room.
    #[error(
        "a moderator banned you from room {room:?} for {minutes_left} more minute(s), until {until_unix} (Unix time)"
    )]
    Banned {
        room: String,
        minutes_left: u64,
        until_unix: u64,
    },
}

/// Why a moderator's action on a room's producer could not be done.
#[derive(Debug, thiserror::Error)]
pub enum ModerateError {
    #[error("no producer {0} in room {1:?}")]
    NoProducer(ProducerId, String),
    #[error("{0}")]
    Media(String),
}

struct RoomState {
    peers: HashMap<String, PeerLink>,
    producers: HashMap<ProducerId, ProducerInfo>,
    /// The producers themselves, for moderators (weak: the owner's session owns them).
    handles: HashMap<ProducerId, WeakProducer>,
    /// Producers a moderator muted: their owner may not resume them.
    muted: HashSet<ProducerId>,
    /// The last peer left: the room is being removed and takes no one in.
    closed: bool,
}

impl RoomState {
    fn forget_producer(&mut self, producer_id: &ProducerId) -> Option<ProducerInfo> {
        self.handles.remove(producer_id);
        self.muted.remove(producer_id);
        self.producers.remove(producer_id)
    }

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
            s.handles.clear();
            s.muted.clear();
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
            s.forget_producer(&producer_id);
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
    pub(crate) fn add_producer(&self, info: ProducerInfo, producer: WeakProducer) {
        let mut s = self.state.lock();
        s.tell_others(&info.peer_id, RoomEvent::NewProducer(info.clone()));
        s.handles.insert(info.producer_id, producer);
        s.producers.insert(info.producer_id, info);
    }

    pub(crate) fn remove_producer(&self, producer_id: ProducerId) {
        let mut s = self.state.lock();
        if let Some(info) = s.forget_producer(&producer_id) {
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
        s.tell_others(&peer_id, paused_event(producer_id, peer_id.clone(), paused, false));
    }

    /// True while a moderator has the producer muted.
    pub(crate) fn is_muted(&self, producer_id: &ProducerId) -> bool {
        self.state.lock().muted.contains(producer_id)
    }

    /// A moderator mutes (pauses in the worker; its owner may not resume it) or unmutes
    /// (resumes) a producer of the room; everyone, its owner included, is told `by_server`.
    /// Returns the owner's peer id.
    pub(crate) async fn moderate_producer(&self, producer_id: ProducerId, mute: bool) -> Result<String, ModerateError> {
        let producer = {
            let mut s = self.state.lock();
            let producer = s
                .handles
                .get(&producer_id)
                .and_then(WeakProducer::upgrade)
                .ok_or_else(|| ModerateError::NoProducer(producer_id, self.id.clone()))?;
            // Muted before the pause, so an owner's resume racing it sees the mute (peer.rs).
            if mute {
                s.muted.insert(producer_id);
            }
            producer
        };
        let done = if mute {
            producer.pause().await
        } else {
            producer.resume().await
        };
        if let Err(e) = done {
            if mute {
                self.state.lock().muted.remove(&producer_id);
            }
            return Err(ModerateError::Media(e.to_string()));
        }
        let mut s = self.state.lock();
        let info = s
            .producers
            .get_mut(&producer_id)
            .ok_or_else(|| ModerateError::NoProducer(producer_id, self.id.clone()))?;
        info.paused = mute;
        let peer_id = info.peer_id.clone();
        if mute {
            s.muted.insert(producer_id);
        } else {
            s.muted.remove(&producer_id);
        }
        s.tell_others("", paused_event(producer_id, peer_id.clone(), mute, true));
        Ok(peer_id)
    }

    /// The link to one peer of the room.
    pub(crate) fn link(&self, peer_id: &str) -> Option<PeerLink> {
        self.state.lock().peers.get(peer_id).cloned()
    }

    pub(crate) fn has_producer(&self, producer_id: &ProducerId) -> bool {
        self.state.lock().producers.contains_key(producer_id)
    }
}

fn paused_event(producer_id: ProducerId, peer_id: String, paused: bool, by_server: bool) -> RoomEvent {
    if paused {
        RoomEvent::ProducerPaused {
            producer_id,
            peer_id,
            by_server,
        }
    } else {
        RoomEvent::ProducerResumed {
            producer_id,
            peer_id,
            by_server,
        }
    }
}

enum AddPeer {
    Closed,
    Full,
}

/// Users a moderator banned from a room, until when. Small (moderators' actions), pruned as
/// it is used.
#[derive(Default)]
struct Bans {
    until: HashMap<(String, Arc<str>), SystemTime>,
}

impl Bans {
    fn ban(&mut self, room: &str, uid: Arc<str>, until: SystemTime, now: SystemTime) {
        self.until.retain(|_, t| *t > now);
        self.until.insert((room.to_string(), uid), until);
    }

    fn check(&mut self, room: &str, uid: &str, now: SystemTime) -> Result<(), RoomError> {
        if self.until.is_empty() {
            return Ok(());
        }
        self.until.retain(|_, t| *t > now);
        let Some(until) = self.until.get(&(room.to_string(), Arc::from(uid))) else {
            return Ok(());
        };
        let left = until.duration_since(now).unwrap_or_default();
        Err(RoomError::Banned {
            room: room.to_string(),
            minutes_left: left.as_secs().div_ceil(60),
            until_unix: until.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs(),
        })
    }
}

/// Every live room by name.
pub struct Rooms {
    map: Mutex<HashMap<String, Arc<OnceCell<Arc<Room>>>>>,
    max_rooms: usize,
    max_peers_per_room: usize,
    counters: Arc<ServerCounters>,
    feeds: FeedEngine,
    bans: Mutex<Bans>,
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
            bans: Mutex::default(),
        }
    }

    /// Bans `uid` from `room` for `duration` (a moderator removed them).
    pub(crate) fn ban(&self, room: &str, uid: Arc<str>, duration: Duration) {
        let now = SystemTime::now();
        self.bans.lock().ban(room, uid, now + duration, now);
    }

    /// `Err(Banned)` while `uid` is banned from `room`.
    pub(crate) fn check_ban(&self, room: &str, uid: &str) -> Result<(), RoomError> {
        self.bans.lock().check(room, uid, SystemTime::now())
    }

    /// A moderator closes the room: it leaves the map (a `join` of its name makes a new room),
    /// takes no one in, and every peer is told (`RoomClosed`); they leave as their sessions
    /// read it. Returns the room, or `None` if there is no such room.
    pub(crate) fn close(&self, room_id: &str, reason: &str) -> Option<Arc<Room>> {
        let room = {
            let mut map = self.map.lock();
            let room = map.get(room_id).and_then(|c| c.get().cloned())?;
            map.remove(room_id);
            room
        };
        let reason: Arc<str> = Arc::from(reason);
        let mut s = room.state.lock();
        s.closed = true;
        for (peer_id, link) in &s.peers {
            link.send(PeerEvent::RoomClosed {
                peer_id: peer_id.clone(),
                reason: Arc::clone(&reason),
            });
        }
        drop(s);
        tracing::info!(room = room_id, "room closed by a moderator");
        Some(room)
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
                handles: HashMap::new(),
                muted: HashSet::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ban_holds_for_its_room_and_user_until_it_ends() {
        let mut bans = Bans::default();
        let t0 = UNIX_EPOCH + Duration::from_secs(1_000_000);
        bans.ban("r", Arc::from("u"), t0 + Duration::from_secs(90), t0);
        let e = bans.check("r", "u", t0).unwrap_err();
        assert!(
            matches!(
                e,
                RoomError::Banned {
                    minutes_left: 2,
                    until_unix: 1_000_090,
                    ..
                }
            ),
            "{e:?}"
        );
        assert!(e.to_string().contains("until 1000090"), "{e}");
        assert!(bans.check("other", "u", t0).is_ok());
        assert!(bans.check("r", "someone", t0).is_ok());
        assert!(bans.check("r", "u", t0 + Duration::from_secs(90)).is_ok(), "over");
        assert!(bans.until.is_empty(), "pruned");
    }
}
