//! Rooms, created on demand and closed when the last peer leaves. A room knows its peers (to
//! notify them) and its producers (so a viewer joining late can consume every one of them); the
//! peers' mediasoup objects live in their sessions (see `peer.rs`).
//!
//! A room has a home router, on the least-loaded worker when the room is made: its broadcasters
//! produce there and the tap records there. Each viewer is placed on a worker by measured load
//! ([`WorkerPool::place_viewer`]); a viewer placed on another worker than the home's gets the
//! room's router on that worker (made for the first such viewer, closed with the last), and
//! consumes the broadcasters' producers through pipes from the home router (`pipe.rs`).
//!
//! A room outlives its routers: when the home's worker dies, [`Room::recover`] gives the room a
//! home on a live worker and every peer hears `mediaReset`; when another of its routers' worker
//! dies, only the peers placed there do. The peers stay in the room with their ids and re-create
//! their transports. The room's utterances are in the buffer, not in the worker, so they survive.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::time::{SystemTime, UNIX_EPOCH};

use event_listener_primitives::HandlerId;
use mediasoup::prelude::*;
use parking_lot::Mutex;
use tokio::sync::OnceCell;

use crate::codecs::{media_codecs, FeedCodecs};
use crate::dump::RouterDump;
use crate::feed::engine::FeedEngine;
use crate::feed::rtcp::FeedRtcp;
use crate::link::{Announce, PeerEvent, PeerInfo, PeerLink, ProducerInfo, RoomEvent, RoomNotice};
use crate::pipe::Pipes;
use crate::role::Role;
use crate::stats::{Counter, Gauge, ServerCounters};
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
    /// Peers of the room connected to other nodes of the cluster, with their node.
    remote_peers: HashMap<String, (PeerInfo, Arc<str>)>,
    /// Producers piped in from the room's home on another node (not announced to the cluster).
    piped: HashSet<ProducerId>,
}

impl RoomState {
    fn forget_producer(&mut self, producer_id: &ProducerId) -> Option<ProducerInfo> {
        self.handles.remove(producer_id);
        self.muted.remove(producer_id);
        self.piped.remove(producer_id);
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

/// One of the room's routers and what hangs on it. The home one is replaced as a whole when its
/// worker dies; peers keep the one their objects were made on (their [`Placement`]) until they
/// hear `MediaReset`.
pub struct RoomMedia {
    router: Router,
    /// Where the tap's consumers (home) and the feeds' producers (every router) live, with the
    /// handler that routes its RTCP (viewers' key frame requests) to the feeds; made when first
    /// needed.
    direct_transport: OnceCell<(DirectTransport, HandlerId)>,
    rtcp: Arc<FeedRtcp>,
    /// The home router (broadcasters, the tap), or one the room's producers are piped into.
    home: bool,
    /// The producers piped into this router (none into the home).
    pipes: Pipes,
    /// Peers placed on this router.
    peers: AtomicUsize,
    worker: Arc<PoolWorker>,
    _load: LoadGuard,
}

impl RoomMedia {
    async fn create(
        worker: Arc<PoolWorker>,
        room_id: &str,
        home: bool,
        feeds: &FeedEngine,
        pipes: &Gauge,
    ) -> Result<RoomMedia, RoomError> {
        let router = worker
            .worker()
            .create_router(RouterOptions::new(media_codecs()))
            .await
            .map_err(|e| RoomError::Router {
                room: room_id.to_string(),
                message: e.to_string(),
            })?;
        tracing::info!(room = room_id, worker = worker.index(), router = %router.id(), home, "router created");
        Ok(RoomMedia {
            router,
            direct_transport: OnceCell::new(),
            rtcp: FeedRtcp::new(feeds.clone()),
            home,
            pipes: Pipes::new(pipes.clone()),
            peers: AtomicUsize::new(0),
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

    /// The room's home router (its producers are here), not one they are piped into.
    pub fn is_home(&self) -> bool {
        self.home
    }

    pub(crate) fn pipes(&self) -> &Pipes {
        &self.pipes
    }

    /// This router's DirectTransport: the tap's consumers on the home router, the feed
    /// producers of the viewers placed here on every router.
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

    fn dump(&self) -> RouterDump {
        RouterDump {
            worker: self.worker.index(),
            router_id: self.router.id().to_string(),
            home: self.home,
            peers: self.peers.load(Ordering::Relaxed),
            pipes: self.pipes.count(),
        }
    }
}

/// A peer's place in its room: the router its objects live on. Counts the peer on the router and
/// its worker, and keeps a router that is not the home open, until it drops.
pub(crate) struct Placement {
    media: Arc<RoomMedia>,
    _load: LoadGuard,
}

impl Placement {
    fn new(media: Arc<RoomMedia>) -> Placement {
        media.peers.fetch_add(1, Ordering::Relaxed);
        Placement {
            _load: media.worker.peer_guard(),
            media,
        }
    }

    pub fn media(&self) -> &Arc<RoomMedia> {
        &self.media
    }
}

impl Drop for Placement {
    fn drop(&mut self) {
        self.media.peers.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The room's home router and its routers on other workers.
struct Routers {
    home: Arc<RoomMedia>,
    /// By worker slot; owned by the peers placed there (the last one out closes the router).
    others: HashMap<usize, Weak<RoomMedia>>,
}

pub struct Room {
    id: String,
    routers: Mutex<Routers>,
    /// Placements and recoveries take turns (each may make a router).
    placing: tokio::sync::Mutex<()>,
    /// What a consumer inside the server (the tap) can receive: everything the router offers.
    consume_capabilities: RtpCapabilities,
    feed_codecs: FeedCodecs,
    /// For the RTCP dispatcher of each new router.
    feeds: FeedEngine,
    /// The server's gauge of pipes, for each new router's.
    pipes: Gauge,
    state: Mutex<RoomState>,
    /// Tells the cluster of what happens here (none without a cluster).
    announce: Option<Announce>,
    _counted: Counter,
}

/// A peer of the room and, when it is connected to another node of the cluster, that node.
pub(crate) type Member = (PeerInfo, Option<Arc<str>>);

/// A room's peers and producers at the moment a peer joined.
pub(crate) struct JoinSnapshot {
    pub peers: Vec<PeerInfo>,
    pub producers: Vec<ProducerInfo>,
}

impl Room {
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The room's home router (and worker) now: where its broadcasters produce.
    pub fn media(&self) -> Arc<RoomMedia> {
        Arc::clone(&self.routers.lock().home)
    }

    pub(crate) fn consume_capabilities(&self) -> &RtpCapabilities {
        &self.consume_capabilities
    }

    pub(crate) fn feed_codecs(&self) -> &FeedCodecs {
        &self.feed_codecs
    }

    /// The room's routers now, home first, with their peers and pipes.
    pub fn routers(&self) -> Vec<RouterDump> {
        let routers: Vec<Arc<RoomMedia>> = {
            let r = self.routers.lock();
            let others = r.others.values().filter_map(Weak::upgrade);
            std::iter::once(Arc::clone(&r.home)).chain(others).collect()
        };
        let mut dumps: Vec<RouterDump> = routers.iter().map(|m| m.dump()).collect();
        dumps.sort_by_key(|d| (!d.home, d.worker));
        dumps
    }

    /// True while `media` is one of the room's routers (its worker alive, and the room not moved
    /// off it since).
    pub(crate) fn is_current(&self, media: &Arc<RoomMedia>) -> bool {
        if media.worker.is_dead() {
            return false;
        }
        let r = self.routers.lock();
        if media.home {
            return Arc::ptr_eq(&r.home, media);
        }
        let current = r.others.get(&media.worker.index()).and_then(Weak::upgrade);
        current.is_some_and(|m| Arc::ptr_eq(&m, media))
    }

    /// Places a peer: a broadcaster on the home router, a viewer on the worker
    /// [`WorkerPool::place_viewer`] picks (the room's router there, made if needed).
    pub(crate) async fn place(&self, pool: &WorkerPool, role: Role) -> Result<Placement, RoomError> {
        let _turn = self.placing.lock().await;
        let home = self.media();
        if role == Role::Broadcaster || home.worker.is_dead() {
            return Ok(Placement::new(home));
        }
        let worker = pool.place_viewer(home.worker.index())?;
        if Arc::ptr_eq(&worker, &home.worker) {
            return Ok(Placement::new(home));
        }
        let existing = self.routers.lock().others.get(&worker.index()).and_then(Weak::upgrade);
        if let Some(media) = existing.filter(|m| Arc::ptr_eq(&m.worker, &worker)) {
            return Ok(Placement::new(media));
        }
        let index = worker.index();
        let media = Arc::new(RoomMedia::create(worker, &self.id, false, &self.feeds, &self.pipes).await?);
        let placement = Placement::new(Arc::clone(&media));
        let mut r = self.routers.lock();
        r.others.retain(|_, m| m.strong_count() > 0);
        r.others.insert(index, Arc::downgrade(&media));
        tracing::info!(
            room = self.id,
            worker = index,
            routers = r.others.len() + 1,
            "room spans another worker"
        );
        Ok(placement)
    }

    /// After a worker death: if the home's worker died, moves the room to a router on a live
    /// worker (its producers are forgotten: they died with the worker) and every peer hears
    /// `MediaReset`; if another of its routers' worker died, the room forgets that router and
    /// the peers hear `MediaReset` (only those placed there act on it). Returns whether the room
    /// lost a router.
    pub(crate) async fn recover(&self, pool: &WorkerPool) -> Result<bool, RoomError> {
        let _turn = self.placing.lock().await;
        let old = self.media();
        if !old.worker.is_dead() {
            return Ok(self.forget_dead_routers());
        }
        let worker = pool.least_loaded()?;
        let media = Arc::new(RoomMedia::create(worker, &self.id, true, &self.feeds, &self.pipes).await?);
        let (worker, peers) = (media.worker.index(), {
            let mut s = self.state.lock();
            if s.closed {
                return Ok(false);
            }
            let mut r = self.routers.lock();
            r.home = media;
            r.others.clear();
            drop(r);
            s.producers.clear();
            s.handles.clear();
            s.muted.clear();
            for link in s.peers.values() {
                link.send(PeerEvent::MediaReset {
                    reason: "worker_died",
                    survivors: Arc::from([]),
                });
            }
            s.peers.len()
        });
        tracing::warn!(
            room = self.id,
            from = old.worker.index(),
            to = worker,
            peers,
            "room moved to a new home router"
        );
        Ok(true)
    }

    /// Forgets the routers on dead workers other than the home's; tells the peers if any.
    fn forget_dead_routers(&self) -> bool {
        let dead: Vec<usize> = {
            let mut r = self.routers.lock();
            let dead: Vec<usize> = r
                .others
                .iter()
                .filter(|(_, m)| m.upgrade().is_some_and(|m| m.worker.is_dead()))
                .map(|(index, _)| *index)
                .collect();
            r.others
                .retain(|index, m| m.strong_count() > 0 && !dead.contains(index));
            dead
        };
        if dead.is_empty() {
            return false;
        }
        let s = self.state.lock();
        let survivors: Arc<[Arc<RoomNotice>]> = s
            .producers
            .values()
            .map(|info| RoomNotice::new(RoomEvent::NewProducer(info.clone())))
            .collect();
        for link in s.peers.values() {
            link.send(PeerEvent::MediaReset {
                reason: "worker_died",
                survivors: Arc::clone(&survivors),
            });
        }
        tracing::warn!(room = self.id, workers = ?dead, peers = s.peers.len(), "room lost a router on a dead worker");
        true
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

    /// Adds the peer unless the room is closed, full, or its user banned: the ban is read
    /// under the room's lock, so a ban made meanwhile either refuses this join or finds the
    /// peer in the room ([`Rooms::ban_and_remove`]).
    fn add_peer(&self, link: PeerLink, max_peers: usize, bans: &Mutex<Bans>) -> Result<JoinSnapshot, AddPeer> {
        let mut s = self.state.lock();
        if s.closed {
            return Err(AddPeer::Closed);
        }
        if s.peers.len() >= max_peers {
            return Err(AddPeer::Full);
        }
        if let Err(error) = bans.lock().check(&self.id, &link.info.uid, SystemTime::now()) {
            // A room made for this join alone closes again, as when its last peer leaves.
            s.closed = s.peers.is_empty();
            return Err(AddPeer::Banned {
                error,
                closed: s.closed,
            });
        }
        let local = s.peers.values().map(|l| l.info.clone());
        let remote = s.remote_peers.values().map(|(info, _)| info.clone());
        let snapshot = JoinSnapshot {
            peers: local.chain(remote).collect(),
            producers: s.producers.values().cloned().collect(),
        };
        s.tell_others(&link.info.peer_id, RoomEvent::PeerJoined(link.info.clone()));
        self.tell_cluster(&RoomEvent::PeerJoined(link.info.clone()));
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
            let closed = RoomEvent::ProducerClosed {
                producer_id,
                peer_id: peer_id.to_string(),
            };
            self.tell_cluster(&closed);
            s.tell_others(peer_id, closed);
        }
        let left = RoomEvent::PeerLeft {
            peer_id: peer_id.to_string(),
        };
        self.tell_cluster(&left);
        s.tell_others(peer_id, left);
        if s.peers.is_empty() {
            s.closed = true;
        }
        s.closed
    }

    /// Registers a producer and announces it to everyone else.
    pub(crate) fn add_producer(&self, info: ProducerInfo, producer: WeakProducer) {
        let mut s = self.state.lock();
        self.tell_cluster(&RoomEvent::NewProducer(info.clone()));
        s.tell_others(&info.peer_id, RoomEvent::NewProducer(info.clone()));
        s.handles.insert(info.producer_id, producer);
        s.producers.insert(info.producer_id, info);
    }

    pub(crate) fn remove_producer(&self, producer_id: ProducerId) {
        let mut s = self.state.lock();
        let piped = s.piped.contains(&producer_id);
        if let Some(info) = s.forget_producer(&producer_id) {
            let closed = RoomEvent::ProducerClosed {
                producer_id,
                peer_id: info.peer_id.clone(),
            };
            if !piped {
                self.tell_cluster(&closed);
            }
            s.tell_others(&info.peer_id, closed);
        }
    }

    pub(crate) fn set_producer_paused(&self, producer_id: ProducerId, paused: bool) {
        self.set_paused(producer_id, paused, false);
    }

    /// Records a pause or resume and tells the peers (and the cluster, unless the producer was
    /// piped in from another node).
    fn set_paused(&self, producer_id: ProducerId, paused: bool, by_server: bool) {
        let mut s = self.state.lock();
        let Some(info) = s.producers.get_mut(&producer_id) else {
            return;
        };
        info.paused = paused;
        let peer_id = info.peer_id.clone();
        let event = paused_event(producer_id, peer_id.clone(), paused, by_server);
        if !s.piped.contains(&producer_id) {
            self.tell_cluster(&event);
        }
        let except = if by_server { "" } else { peer_id.as_str() };
        s.tell_others(except, event);
    }

    fn tell_cluster(&self, event: &RoomEvent) {
        if let Some(announce) = &self.announce {
            announce(&self.id, event);
        }
    }

    /// A peer of the room joined on another node (`node`); a peer known already is ignored.
    pub(crate) fn add_remote_peer(&self, info: PeerInfo, node: Arc<str>) {
        let mut s = self.state.lock();
        if s.peers.contains_key(&info.peer_id) || s.remote_peers.contains_key(&info.peer_id) {
            return;
        }
        s.tell_others("", RoomEvent::PeerJoined(info.clone()));
        s.remote_peers.insert(info.peer_id.clone(), (info, node));
    }

    /// A peer on another node left the room.
    pub(crate) fn remove_remote_peer(&self, peer_id: &str) {
        let mut s = self.state.lock();
        if s.remote_peers.remove(peer_id).is_some() {
            s.tell_others(
                "",
                RoomEvent::PeerLeft {
                    peer_id: peer_id.to_string(),
                },
            );
        }
    }

    /// Every peer connected to `node` left (the node is gone from the cluster).
    pub(crate) fn remove_node_peers(&self, node: &str) {
        let gone: Vec<String> = {
            let s = self.state.lock();
            let on = s.remote_peers.iter().filter(|(_, (_, n))| &**n == node);
            on.map(|(id, _)| id.clone()).collect()
        };
        for peer_id in gone {
            self.remove_remote_peer(&peer_id);
        }
    }

    /// The peers (here and on other nodes) and producers of the room: what the home node tells
    /// a node that has viewers of it.
    pub(crate) fn members(&self) -> (Vec<Member>, Vec<ProducerInfo>) {
        let s = self.state.lock();
        let local = s.peers.values().map(|l| (l.info.clone(), None));
        let remote = s
            .remote_peers
            .values()
            .map(|(info, node)| (info.clone(), Some(Arc::clone(node))));
        let producers = s.producers.iter().filter(|(id, _)| !s.piped.contains(*id));
        (
            local.chain(remote).collect(),
            producers.map(|(_, p)| p.clone()).collect(),
        )
    }

    /// A producer of the room's home node, piped into this node's home router: announced to the
    /// peers here, not to the cluster.
    pub(crate) fn add_piped_producer(&self, info: ProducerInfo, producer: WeakProducer) {
        let mut s = self.state.lock();
        s.tell_others(&info.peer_id, RoomEvent::NewProducer(info.clone()));
        s.piped.insert(info.producer_id);
        s.handles.insert(info.producer_id, producer);
        s.producers.insert(info.producer_id, info);
    }

    /// A piped producer's pause or resume on the home node.
    pub(crate) fn set_piped_paused(&self, producer_id: ProducerId, paused: bool, by_server: bool) {
        self.set_paused(producer_id, paused, by_server);
    }

    /// A peer of the room on another node: its info and that node.
    pub(crate) fn remote_peer(&self, peer_id: &str) -> Option<(PeerInfo, Arc<str>)> {
        self.state.lock().remote_peers.get(peer_id).cloned()
    }

    /// The user of a peer of the room (here or on another node).
    pub(crate) fn peer_uid(&self, peer_id: &str) -> Option<Arc<str>> {
        let s = self.state.lock();
        let local = s.peers.get(peer_id).map(|l| Arc::clone(&l.info.uid));
        local.or_else(|| s.remote_peers.get(peer_id).map(|(info, _)| Arc::clone(&info.uid)))
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
        let event = paused_event(producer_id, peer_id.clone(), mute, true);
        if !s.piped.contains(&producer_id) {
            self.tell_cluster(&event);
        }
        s.tell_others("", event);
        Ok(peer_id)
    }

    /// The link to one peer of the room.
    pub(crate) fn link(&self, peer_id: &str) -> Option<PeerLink> {
        self.state.lock().peers.get(peer_id).cloned()
    }

    /// Tells every peer of user `uid` here that a moderator removed it (parked ones too: their
    /// queue releases them); the number told.
    fn remove_user(&self, uid: &str, reason: &str) -> usize {
        let s = self.state.lock();
        let reason: Arc<str> = Arc::from(reason);
        let mut told = 0;
        for (peer_id, link) in s.peers.iter().filter(|(_, l)| *l.info.uid == *uid) {
            link.send(PeerEvent::Removed {
                peer_id: peer_id.clone(),
                reason: Arc::clone(&reason),
            });
            told += 1;
        }
        told
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
    /// The user is banned; `closed` when the room had no one else and closed.
    Banned {
        error: RoomError,
        closed: bool,
    },
}

/// Users a moderator banned from a room, until when. Small (moderators' actions), pruned as
/// it is used.
#[derive(Default)]
struct Bans {
    until: HashMap<(String, Arc<str>), SystemTime>,
}

impl Bans {
    /// A second ban of the same user from the same room ends at the later of the two (a ban
    /// heard again from the cluster does not shorten one).
    fn ban(&mut self, room: &str, uid: Arc<str>, until: SystemTime, now: SystemTime) {
        self.until.retain(|_, t| *t > now);
        if until > now {
            let end = self.until.entry((room.to_string(), uid)).or_insert(until);
            *end = (*end).max(until);
        }
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
    /// Each room's events for the cluster (none without a cluster).
    announce: Option<Announce>,
}

impl Rooms {
    pub(crate) fn new(
        max_rooms: usize,
        max_peers_per_room: usize,
        counters: Arc<ServerCounters>,
        feeds: FeedEngine,
        announce: Option<Announce>,
    ) -> Rooms {
        Rooms {
            map: Mutex::new(HashMap::new()),
            max_rooms,
            max_peers_per_room,
            counters,
            feeds,
            bans: Mutex::default(),
            announce,
        }
    }

    /// Bans `uid` from `room` until `until` and removes the user's peers of the room here,
    /// every session of it (told `removed` with `reason`); the number removed. A join racing
    /// with it is refused or removed: the ban is set before the room's peers are read, and a
    /// join reads the bans under the room's lock.
    pub(crate) fn ban_and_remove(&self, room: &str, uid: Arc<str>, until: SystemTime, reason: &str) -> usize {
        self.bans.lock().ban(room, Arc::clone(&uid), until, SystemTime::now());
        self.get(room).map_or(0, |r| r.remove_user(&uid, reason))
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
            match room.add_peer(link.clone(), self.max_peers_per_room, &self.bans) {
                Ok(snapshot) => return Ok((room, snapshot)),
                Err(AddPeer::Full) => return Err(RoomError::Full(room_id.to_string())),
                Err(AddPeer::Banned { error, closed }) => {
                    if closed {
                        self.forget(room_id, &cell);
                    }
                    return Err(error);
                }
                // Lost a race with the last peer leaving: the room is going away, make a new one.
                Err(AddPeer::Closed) => self.forget(room_id, &cell),
            }
        }
    }

    async fn create(&self, pool: &WorkerPool, room_id: &str) -> Result<Arc<Room>, RoomError> {
        let pipes = self.counters.pipes.clone();
        let media = RoomMedia::create(pool.least_loaded()?, room_id, true, &self.feeds, &pipes).await?;
        tracing::info!(room = room_id, worker = media.worker.index(), "room created");
        Ok(Arc::new(Room {
            id: room_id.to_string(),
            routers: Mutex::new(Routers {
                home: Arc::new(media),
                others: HashMap::new(),
            }),
            placing: tokio::sync::Mutex::new(()),
            consume_capabilities: pool.consume_capabilities().clone(),
            feed_codecs: pool.feed_codecs().clone(),
            feeds: self.feeds.clone(),
            pipes,
            state: Mutex::new(RoomState {
                peers: HashMap::new(),
                producers: HashMap::new(),
                handles: HashMap::new(),
                muted: HashSet::new(),
                closed: false,
                remote_peers: HashMap::new(),
                piped: HashSet::new(),
            }),
            announce: self.announce.clone(),
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
    use std::time::Duration;

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

    #[test]
    fn a_ban_heard_again_keeps_the_later_end_and_an_ended_one_is_not_held() {
        let mut bans = Bans::default();
        let t0 = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let later = t0 + Duration::from_secs(600);
        bans.ban("r", Arc::from("u"), later, t0);
        bans.ban("r", Arc::from("u"), t0 + Duration::from_secs(60), t0);
        let e = bans.check("r", "u", t0 + Duration::from_secs(120)).unwrap_err();
        assert!(
            matches!(
                e,
                RoomError::Banned {
                    until_unix: 1_000_600,
                    ..
                }
            ),
            "{e:?}"
        );
        // A ban that ended before it was heard (a slow bus, a clock ahead) holds nothing.
        bans.ban("r", Arc::from("v"), t0, t0 + Duration::from_secs(1));
        assert!(!bans.until.contains_key(&("r".to_string(), Arc::from("v"))));
    }
}
