//! A cluster of `sfu serve` nodes on Redis (docs/cluster.md). Each node writes its load to the
//! registry every second; the first node a room is joined on claims its home in Redis; the
//! nodes tell each other of their rooms' events on one channel; a node with viewers of a room
//! homed elsewhere (an *edge* of the room) pipes the home's producers in over node-to-node
//! PipeTransports (SRTP), set up by a signed HTTP request, and taps them into its own buffer.
//!
//! - `store`: the Redis keys and commands; `wire`: what nodes say to each other;
//! - `sign`: HMAC-SHA256 of node-to-node requests;
//! - `home`: the home's side of a pipe and of a room's snapshot;
//! - `edge`: one task per room this node is an edge of, owning its pipes and taps;
//! - here: the node's state, admission at `join`, the registry tick, the event bus.

mod edge;
mod home;
pub(crate) mod sign;
mod store;
pub mod wire;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use futures_util::StreamExt;
use mediasoup::prelude::{
    ListenInfo, PipeTransport, PipeTransportOptions, PipeTransportRemoteParameters, ProducerId, Protocol, Router,
};
use mediasoup::types::srtp_parameters::SrtpParameters;
use parking_lot::{Mutex, RwLock};
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::buffer::Removal;
use crate::config::{Config, Placement};
use crate::http_client::{HttpClient, HttpError};
use crate::link::{Announce, PeerEvent, PeerInfo};
use crate::recording::Recording;
use crate::role::Role;
use crate::room::{Room, Rooms};
use crate::stats::{Gauge, ServerCounters};
use crate::workers::WorkerPool;

pub use sign::SignError;
use store::StoreError;
use wire::{BusEvent, BusMessage, NodeRecord, Snapshot, SnapshotRequest};

/// How often a node writes its record, renews its rooms' claims and reads the registry.
const TICK: Duration = Duration::from_secs(1);
/// Room events waiting to be published (beyond it they are dropped and logged).
const BUS_QUEUE: usize = 16_384;
/// Back-off between attempts at the event bus while Redis is unreachable.
const BACKOFF_MIN: Duration = Duration::from_millis(250);
const BACKOFF_MAX: Duration = Duration::from_secs(5);
/// How long the peers of a room closed from another node may take to leave before its
/// utterances are dropped here.
const CLOSE_WAIT: Duration = Duration::from_secs(2);
/// A claim this young is kept even before its room exists here (the join is making it).
const CLAIM_GRACE: Duration = Duration::from_secs(2);
/// What a user's peers removed by a ban are told when the ban came without a reason (an older
/// node's, or one read from Redis).
const BANNED: &str = "banned";

#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    /// Redis (or the room's home node) cannot be reached now.
    #[error("the cluster is unavailable: {0}")]
    Unavailable(String),
    /// Join another node instead.
    #[error("{message}")]
    Redirect { url: String, message: String },
    #[error("no room {0:?} on this node")]
    NoRoom(String),
    #[error("no producer {0} in room {1:?} on this node")]
    NoProducer(ProducerId, String),
    #[error("{0}")]
    Media(String),
    #[error(transparent)]
    Sign(#[from] SignError),
    #[error("bad request: {0}")]
    BadRequest(String),
}

impl From<StoreError> for ClusterError {
    fn from(e: StoreError) -> ClusterError {
        ClusterError::Unavailable(e.to_string())
    }
}

/// Where a joining peer's room lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Admission {
    /// This node is the room's home (its broadcasters produce here).
    Home,
    /// The room's home is that node: this node pipes its producers in.
    Edge(String),
}

/// What the node's cluster side needs from the rest of the server.
pub(crate) struct ClusterParts {
    pub rooms: Arc<Rooms>,
    pub pool: Arc<WorkerPool>,
    pub counters: Arc<ServerCounters>,
    pub recording: Arc<Recording>,
    pub shutdown: CancellationToken,
    /// The URL this node serves at, when `cluster.public_url` is not set.
    pub local_url: String,
}

/// This node's side of the cluster.
pub struct Cluster {
    node: Arc<str>,
    url: String,
    secret: Vec<u8>,
    redis: ConnectionManager,
    redis_client: redis::Client,
    http: HttpClient,
    max_peers: usize,
    placement: Placement,
    placement_slack: usize,
    /// Where node-to-node pipe transports listen, and the address they announce.
    pipe_listen: ListenInfo,
    pipe_ip: IpAddr,
    /// The live nodes at the last read of the registry.
    nodes: RwLock<HashMap<String, NodeRecord>>,
    /// False while Redis does not answer: `/healthz` says `degraded`.
    redis_ok: AtomicBool,
    /// The node drains: its record says so, and no node redirects to it.
    draining: AtomicBool,
    /// This process's random instance number, in its record.
    instance: u64,
    /// Rooms this node claimed the home of, and when.
    homed: Mutex<HashMap<String, Instant>>,
    edges: Mutex<HashMap<String, edge::EdgeHandle>>,
    home_pipes: Mutex<HashMap<(String, ProducerId), home::HomePipe>>,
    /// The home's transports of its rooms' pipes, by (edge node, room); held by their pipes.
    home_links: Mutex<HashMap<(String, String), Weak<home::HomeLink>>>,
    pipes_in: Gauge,
    pipes_out: Gauge,
    /// Pipe transports (one per room and other node) to other nodes and from them.
    links_in: Gauge,
    links_out: Gauge,
    /// RTP packets sent to other nodes over pipes, and received from them (sampled every
    /// second per pipe: the last second of a pipe that closes is not counted).
    packets_out: AtomicU64,
    packets_in: AtomicU64,
    parts: ClusterParts,
    tasks: TaskTracker,
}

/// The closure rooms announce their events with, and the queue the publisher reads.
pub(crate) fn announcer(node: Arc<str>) -> (Announce, mpsc::Receiver<BusMessage>) {
    let (tx, rx) = mpsc::channel(BUS_QUEUE);
    let announce: Announce = Arc::new(move |room: &str, event| {
        let message = BusMessage {
            node: node.to_string(),
            room: room.to_string(),
            event: BusEvent::from_room(event),
        };
        if tx.try_send(message).is_err() {
            tracing::warn!(room, "cluster event queue full: an event is not published");
        }
    });
    (announce, rx)
}

/// This node's id: the configured one, or `node-` and 8 random hex digits.
pub(crate) fn node_id(config: &Config) -> Arc<str> {
    match &config.cluster.node_id {
        Some(id) => Arc::from(id.as_str()),
        None => Arc::from(format!("node-{:08x}", rand::random::<u32>()).as_str()),
    }
}

pub(crate) fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis() as u64
}

impl Cluster {
    /// Connects (lazily: a node starts while Redis is down, degraded) and starts the registry,
    /// the publisher and the listener, which stop on `parts.shutdown`.
    pub(crate) fn start(
        config: &Config,
        node: Arc<str>,
        parts: ClusterParts,
        events: mpsc::Receiver<BusMessage>,
    ) -> Result<Arc<Cluster>, ClusterError> {
        let c = &config.cluster;
        let url = c.redis_url.as_deref().unwrap_or_default();
        let bad = |e: &dyn std::fmt::Display| ClusterError::BadRequest(format!("cluster.redis_url {url:?}: {e}"));
        let redis_client = redis::Client::open(url).map_err(|e| bad(&e))?;
        let manager_config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(store::TIMEOUT))
            .set_response_timeout(Some(store::TIMEOUT))
            .set_number_of_retries(1)
            .set_max_delay(BACKOFF_MAX);
        let redis =
            ConnectionManager::new_lazy_with_config(redis_client.clone(), manager_config).map_err(|e| bad(&e))?;
        let http = HttpClient::new(None).map_err(|e| ClusterError::BadRequest(e.to_string()))?;
        let listen_ip = c.pipe_listen_ip.unwrap_or(config.rtc.listen_ip);
        let pipe_ip = c.pipe_announced_ip.unwrap_or(listen_ip);
        let cluster = Arc::new(Cluster {
            url: c.public_url.clone().unwrap_or_else(|| parts.local_url.clone()),
            secret: c.secret.clone().unwrap_or_default().into_bytes(),
            redis,
            redis_client,
            http,
            max_peers: c.max_peers,
            placement: c.placement,
            placement_slack: c.placement_slack,
            pipe_listen: pipe_listen_info(listen_ip, pipe_ip, config),
            pipe_ip,
            nodes: RwLock::default(),
            redis_ok: AtomicBool::new(true),
            draining: AtomicBool::new(false),
            instance: rand::random(),
            homed: Mutex::default(),
            edges: Mutex::default(),
            home_pipes: Mutex::default(),
            home_links: Mutex::default(),
            pipes_in: Gauge::default(),
            pipes_out: Gauge::default(),
            links_in: Gauge::default(),
            links_out: Gauge::default(),
            packets_out: AtomicU64::new(0),
            packets_in: AtomicU64::new(0),
            parts,
            tasks: TaskTracker::new(),
            node,
        });
        tracing::info!(node = %cluster.node, url = cluster.url, pipe_ip = %pipe_ip, "cluster node starting");
        cluster.tasks.spawn(Arc::clone(&cluster).run_registry());
        cluster.tasks.spawn(Arc::clone(&cluster).run_publisher(events));
        cluster.tasks.spawn(Arc::clone(&cluster).run_listener());
        Ok(cluster)
    }

    pub fn node_id(&self) -> &str {
        &self.node
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// True while Redis does not answer (`/healthz` says `degraded`).
    pub fn degraded(&self) -> bool {
        !self.redis_ok.load(Ordering::Relaxed)
    }

    /// The live nodes at the last read of the registry, by id.
    pub fn nodes(&self) -> Vec<NodeRecord> {
        let mut nodes: Vec<NodeRecord> = self.nodes.read().values().cloned().collect();
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        nodes
    }

    /// The node started draining: from its next record on, the others stop redirecting to it.
    pub fn set_draining(&self) {
        self.draining.store(true, Ordering::Relaxed);
    }

    /// At a drain (after [`Cluster::set_draining`]): releases the claims of the rooms homed
    /// here, so that the first of their broadcasters to join another node makes the room's new
    /// home there (the edges follow it, as after a home's death), and names the node this
    /// node's peers move to: the live node with the most headroom (`most_headroom`); none
    /// when no other node can take them (they are told `serverDraining` as without a cluster).
    pub async fn hand_over(&self) -> Option<String> {
        let rooms: Vec<String> = self.homed.lock().drain().map(|(room, _)| room).collect();
        for room in &rooms {
            let released = tokio::time::timeout(store::TIMEOUT, store::release_room(&self.redis, room, &self.node));
            match released.await {
                Ok(Ok(_)) => tracing::info!(room, "draining: the room's home claim released"),
                Ok(Err(e)) => tracing::warn!(room, error = %e, "draining: cannot release the room's claim; it expires"),
                Err(_) => tracing::warn!(room, "draining: Redis slow; the room's claim expires"),
            }
        }
        let nodes = self.nodes.read();
        let target = most_headroom(&self.node, nodes.values());
        match target {
            Some(n) => tracing::info!(rooms = rooms.len(), to = n.id, "draining: peers move to another node"),
            None => tracing::warn!(rooms = rooms.len(), "draining: no other live node to move the peers to"),
        }
        target.map(|n| n.url.clone())
    }

    /// Pipes from this node's rooms to other nodes, and into its rooms from other nodes.
    pub fn pipe_counts(&self) -> (i64, i64) {
        (self.pipes_out.get(), self.pipes_in.get())
    }

    /// Pipe transports to other nodes (one per room and edge node), and into this node's
    /// rooms from their homes.
    pub fn pipe_transport_counts(&self) -> (i64, i64) {
        (self.links_out.get(), self.links_in.get())
    }

    /// RTP packets sent to other nodes over pipes, and received from them, so far.
    pub fn packet_counts(&self) -> (u64, u64) {
        (
            self.packets_out.load(Ordering::Relaxed),
            self.packets_in.load(Ordering::Relaxed),
        )
    }

    /// Stops: waits (bounded) for the cluster's tasks, then removes this node's record and
    /// its rooms' claims so the others need not wait for their expiry.
    pub(crate) async fn stop(&self) {
        self.tasks.close();
        if tokio::time::timeout(Duration::from_secs(3), self.tasks.wait())
            .await
            .is_err()
        {
            tracing::warn!("cluster tasks still running at shutdown");
        }
        self.edges.lock().clear();
        self.home_pipes.lock().clear();
        self.home_links.lock().clear();
        let homed: Vec<String> = self.homed.lock().drain().map(|(room, _)| room).collect();
        let forget = async {
            store::remove_node(&self.redis, &self.node).await?;
            for room in homed {
                store::release_room(&self.redis, &room, &self.node).await?;
            }
            Ok::<_, StoreError>(())
        };
        // Bounded: with Redis out of reach, the record and claims expire by themselves.
        match tokio::time::timeout(store::TIMEOUT, forget).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::info!(error = %e, "cannot remove this node from the registry; it expires"),
            Err(_) => tracing::info!("Redis slow at shutdown; this node's record and claims expire"),
        }
    }

    fn redis_answered(&self, result: Result<(), &StoreError>) {
        let was = self.redis_ok.swap(result.is_ok(), Ordering::Relaxed);
        match result {
            Ok(()) if !was => tracing::info!("Redis reachable again: cluster back to normal"),
            Err(e) if was => tracing::warn!(error = %e, "Redis unreachable: cluster degraded (running media goes on)"),
            _ => {}
        }
    }

    /// Where a peer joining `room` as `role` goes: here as the room's home, here as an edge of
    /// another node's room, or (`Redirect`) to another node: a broadcaster to the room's home, a
    /// viewer (or the first broadcaster of a new room) to a less loaded node when this one is
    /// over `cluster.max_peers`.
    pub(crate) async fn admit(&self, room: &str, role: Role) -> Result<Admission, ClusterError> {
        let new_room = self.parts.rooms.get(room).is_none() && store::room_holder(&self.redis, room).await?.is_none();
        if role != Role::Broadcaster || new_room {
            // A broadcaster of a running room goes to its home whatever this node's load.
            self.check_load()?;
        }
        if new_room {
            self.check_placement(room)?;
        }
        let mut holder = store::claim_room(&self.redis, room, &self.node).await?;
        if *holder != *self.node && store::node(&self.redis, &holder).await?.is_none() {
            // The home is gone from the registry (its claim not expired yet): take it over.
            tracing::info!(room, dead = holder, "the room's home node is gone; claiming the room");
            store::release_room(&self.redis, room, &holder).await?;
            holder = store::claim_room(&self.redis, room, &self.node).await?;
        }
        if *holder == *self.node {
            self.homed.lock().insert(room.to_string(), Instant::now());
            return Ok(Admission::Home);
        }
        let home = store::node(&self.redis, &holder)
            .await?
            .ok_or_else(|| ClusterError::Unavailable(format!("room {room:?}'s home node {holder} is gone")))?;
        if role == Role::Broadcaster {
            return Err(ClusterError::Redirect {
                message: format!(
                    "room {room:?} is homed on node {holder}: broadcasters join the room's home node, at {}",
                    home.url
                ),
                url: home.url,
            });
        }
        Ok(Admission::Edge(holder))
    }

    /// The load of this node now: its busiest worker's CPU share, its peers.
    fn load(&self) -> (f64, i64) {
        let workers = self.parts.pool.workers();
        let cpu = workers.iter().map(|w| w.cpu_percent()).fold(0.0, f64::max);
        (cpu, self.parts.counters.peers.get())
    }

    /// A new room: `Redirect` to the node with the most headroom when this one has clearly
    /// less (`placement_target`), with `cluster.placement = "headroom"`.
    fn check_placement(&self, room: &str) -> Result<(), ClusterError> {
        if self.placement != Placement::Headroom {
            return Ok(());
        }
        let (cpu, peers) = self.load();
        let nodes = self.nodes.read();
        match placement_target(&self.node, cpu, peers, self.placement_slack, nodes.values()) {
            Some(n) => Err(ClusterError::Redirect {
                url: n.url.clone(),
                message: format!(
                    "new room {room:?} is placed on node {} at {}, the one with the most headroom ({:.0}% CPU, {} peers; this node {cpu:.0}%, {peers})",
                    n.id, n.url, n.cpu_percent, n.peers
                ),
            }),
            None => Ok(()),
        }
    }

    /// `Redirect` to the least loaded live node when this one has `cluster.max_peers` peers.
    fn check_load(&self) -> Result<(), ClusterError> {
        let peers = self.parts.counters.peers.get();
        let nodes = self.nodes.read();
        match redirect_target(&self.node, peers, self.max_peers, nodes.values()) {
            Some(n) => Err(ClusterError::Redirect {
                url: n.url.clone(),
                message: format!(
                    "this node has {peers} peers (cluster.max_peers {}); join node {} at {}",
                    self.max_peers, n.id, n.url
                ),
            }),
            None => Ok(()),
        }
    }

    /// After a peer joined `room` here: as an edge, makes sure a task pipes the home's
    /// producers in.
    pub(crate) fn joined(self: &Arc<Self>, room: &Arc<Room>, admission: &Admission) {
        let Admission::Edge(home) = admission else {
            return;
        };
        let mut edges = self.edges.lock();
        if let Some(e) = edges.get(room.id()) {
            if e.serves(room, home) {
                return;
            }
        }
        let handle = edge::spawn(Arc::clone(self), room, home.clone());
        edges.insert(room.id().to_string(), handle);
    }

    /// Every second: this node's record, its rooms' claims, the registry; nodes gone since the
    /// last read take their peers and pipes with them.
    async fn run_registry(self: Arc<Self>) {
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut live: HashMap<String, u64> = HashMap::new();
        loop {
            tokio::select! {
                _ = self.parts.shutdown.cancelled() => return,
                _ = tick.tick() => {}
            }
            let record = self.record();
            let wrote = store::write_node(&self.redis, &record).await;
            if let Err(e) = &wrote {
                self.redis_answered(Err(e));
                continue;
            }
            self.renew_claims().await;
            match store::list_nodes(&self.redis).await {
                Ok(nodes) => {
                    self.redis_answered(Ok(()));
                    live = self.update_nodes(nodes, &live);
                }
                Err(e) => self.redis_answered(Err(&e)),
            }
            self.sample_home_packets().await;
        }
    }

    fn record(&self) -> NodeRecord {
        let (cpu, peers) = self.load();
        NodeRecord {
            id: self.node.to_string(),
            url: self.url.clone(),
            peers,
            rooms: self.parts.counters.rooms.get(),
            cpu_percent: (cpu * 10.0).round() / 10.0,
            max_peers: self.max_peers,
            pipes_out: self.pipes_out.get().max(0) as usize,
            pipes_in: self.pipes_in.get().max(0) as usize,
            draining: self.draining.load(Ordering::Relaxed),
            instance: self.instance,
            at_ms: unix_ms(),
            homes: self.homed_rooms(),
            edges: self.edge_rooms(),
        }
    }

    /// The rooms homed here, with their pipes out by edge node, for the record.
    fn homed_rooms(&self) -> Vec<wire::HomedRoom> {
        let mut rooms: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for room in self.homed.lock().keys() {
            rooms.entry(room.clone()).or_default();
        }
        for ((edge, _), pipe) in self.home_pipes.lock().iter() {
            if let Some(pipes) = rooms.get_mut(&pipe.room) {
                *pipes.entry(edge.clone()).or_default() += 1;
            }
        }
        let rooms = rooms.into_iter().take(wire::ROOMS_IN_RECORD);
        rooms.map(|(room, pipes)| wire::HomedRoom { room, pipes }).collect()
    }

    /// The rooms this node is an edge of, for the record.
    fn edge_rooms(&self) -> Vec<wire::EdgeOfRoom> {
        let edges = self.edges.lock();
        let mut rooms: Vec<wire::EdgeOfRoom> = edges
            .iter()
            .map(|(room, e)| wire::EdgeOfRoom {
                room: room.clone(),
                home: e.home().to_string(),
                pipes: e.pipes(),
            })
            .collect();
        rooms.sort_by(|a, b| a.room.cmp(&b.room));
        rooms.truncate(wire::ROOMS_IN_RECORD);
        rooms
    }

    /// Renews the claims of the rooms homed here; releases those of rooms closed since.
    async fn renew_claims(&self) {
        if self.draining.load(Ordering::Relaxed) {
            // Handed over (or being handed over): a renewal would claim a released room back.
            return;
        }
        let claims: Vec<(String, Instant)> = self.homed.lock().iter().map(|(r, t)| (r.clone(), *t)).collect();
        for (room, since) in claims {
            let here = self.parts.rooms.get(&room).is_some() || since.elapsed() < CLAIM_GRACE;
            let kept = if here {
                store::renew_room(&self.redis, &room, &self.node).await
            } else {
                store::release_room(&self.redis, &room, &self.node).await.map(|_| false)
            };
            match kept {
                Ok(true) => {}
                Ok(false) => {
                    if here {
                        tracing::warn!(room, "lost the room's home claim (another node holds it now)");
                    }
                    self.homed.lock().remove(&room);
                }
                Err(e) => tracing::debug!(room, error = %e, "cannot renew the room's claim"),
            }
        }
    }

    /// Takes in the registry's list; returns the live ids. A node gone since the last list:
    /// its peers leave this node's rooms, the pipes from it close (`producerClosed`), the
    /// pipes to it are dropped.
    fn update_nodes(&self, nodes: Vec<NodeRecord>, before: &HashMap<String, u64>) -> HashMap<String, u64> {
        let live: HashMap<String, u64> = nodes.iter().map(|n| (n.id.clone(), n.instance)).collect();
        *self.nodes.write() = nodes.into_iter().map(|n| (n.id.clone(), n)).collect();
        // Gone, or restarted under the same id (a new process has none of the old one's state).
        let gone: Vec<&String> = before
            .iter()
            .filter(|(id, instance)| live.get(*id) != Some(*instance))
            .map(|(id, _)| id)
            .collect();
        for gone in &gone {
            let gone = gone.as_str();
            tracing::warn!(
                node = gone,
                restarted = live.contains_key(gone),
                "node gone from the cluster"
            );
            for room in self.parts.rooms.list() {
                room.remove_node_peers(gone);
            }
            for e in self.edges.lock().values().filter(|e| e.home() == gone) {
                e.home_gone();
            }
        }
        let current: HashSet<String> = live.keys().filter(|id| !gone.contains(id)).cloned().collect();
        self.sweep_home_pipes(&current);
        live
    }

    /// Publishes the rooms' events in order.
    async fn run_publisher(self: Arc<Self>, mut events: mpsc::Receiver<BusMessage>) {
        loop {
            let message = tokio::select! {
                _ = self.parts.shutdown.cancelled() => return,
                m = events.recv() => match m {
                    Some(m) => m,
                    None => return,
                },
            };
            let text = serde_json::to_string(&message).expect("a bus message serializes");
            if let Err(e) = store::publish(&self.redis, &text).await {
                tracing::warn!(room = message.room, error = %e, "cannot publish a room event");
                self.redis_answered(Err(&e));
            }
        }
    }

    /// Listens to the event bus, reconnecting with back-off; after each (re)connection the
    /// edges read their rooms again (events may have been missed meanwhile).
    async fn run_listener(self: Arc<Self>) {
        let mut backoff = BACKOFF_MIN;
        loop {
            let subscribe = async {
                let mut pubsub = self.redis_client.get_async_pubsub().await?;
                pubsub.subscribe(store::CHANNEL).await?;
                Ok::<_, redis::RedisError>(pubsub)
            };
            match tokio::time::timeout(store::TIMEOUT, subscribe).await {
                Ok(Ok(mut pubsub)) => {
                    backoff = BACKOFF_MIN;
                    for e in self.edges.lock().values() {
                        e.resync();
                    }
                    // Bans made while this node was starting or cut off.
                    self.load_bans().await;
                    let mut messages = pubsub.on_message();
                    loop {
                        tokio::select! {
                            _ = self.parts.shutdown.cancelled() => return,
                            m = messages.next() => match m {
                                Some(m) => self.on_bus(m.get_payload_bytes()),
                                None => break,
                            },
                        }
                    }
                    tracing::warn!("lost the cluster's event bus; reconnecting");
                }
                Ok(Err(e)) => tracing::debug!(error = %e, "cannot subscribe to the cluster's event bus"),
                Err(_) => tracing::debug!("cannot subscribe to the cluster's event bus: timed out"),
            }
            tokio::select! {
                _ = self.parts.shutdown.cancelled() => return,
                _ = tokio::time::sleep(backoff) => {}
            }
            backoff = (backoff * 2).min(BACKOFF_MAX);
        }
    }

    /// One message of the bus: peers join and leave this node's copy of the room; producer
    /// events go to the room's edge task (if this node is an edge of it, from that home). A
    /// new producer from another node than the room's known home (the room got a new home: its
    /// old one died and a broadcaster came back elsewhere) makes this node an edge of the new
    /// home, unless the room is homed here.
    fn on_bus(self: &Arc<Self>, payload: &[u8]) {
        let message: BusMessage = match serde_json::from_slice(payload) {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(error = %e, "a bad message on the cluster's event bus");
                return;
            }
        };
        if *message.node == *self.node {
            return;
        }
        if let BusEvent::Banned {
            uid,
            until_unix,
            reason,
        } = &message.event
        {
            // Held whether or not this node has the room: the user may join it here next.
            let until = UNIX_EPOCH + Duration::from_secs(*until_unix);
            let reason = reason.as_deref().unwrap_or(BANNED);
            let removed = self
                .parts
                .rooms
                .ban_and_remove(&message.room, Arc::from(uid.as_str()), until, reason);
            tracing::info!(
                room = message.room,
                uid,
                until_unix,
                removed,
                by = message.node,
                "a ban from another node"
            );
            return;
        }
        let Some(room) = self.parts.rooms.get(&message.room) else {
            return;
        };
        match message.event {
            BusEvent::PeerJoined { peer } => room.add_remote_peer(peer.info(), Arc::from(message.node.as_str())),
            BusEvent::PeerLeft { peer_id } => room.remove_remote_peer(&peer_id),
            BusEvent::RemovePeer {
                peer_id,
                node,
                reason,
                ban_minutes,
            } => {
                if *node == *self.node {
                    self.remove_for_moderator(&room, &peer_id, &reason, ban_minutes, &message.node);
                }
            }
            BusEvent::RoomClosed { reason } => self.close_for_moderator(&message.room, &reason, &message.node),
            event => {
                let mut edges = self.edges.lock();
                match edges.get(&message.room) {
                    Some(e) if e.home() == message.node => e.event(event),
                    _ if matches!(event, BusEvent::NewProducer { .. })
                        && !self.homed.lock().contains_key(&message.room) =>
                    {
                        tracing::info!(room = message.room, home = message.node, "the room has a new home");
                        // Replacing the old handle ends its task, which closes its pipes.
                        let handle = edge::spawn(Arc::clone(self), &room, message.node.clone());
                        edges.insert(message.room.clone(), handle);
                    }
                    _ => {}
                }
            }
        }
    }

    /// The other live nodes that have `room` (as its home or an edge), from their records.
    pub(crate) fn room_nodes(&self, room: &str) -> Vec<String> {
        let nodes = self.nodes.read();
        let has = |n: &NodeRecord| n.homes.iter().any(|h| h.room == room) || n.edges.iter().any(|e| e.room == room);
        let mut ids: Vec<String> = nodes
            .values()
            .filter(|n| n.id != *self.node && has(n))
            .map(|n| n.id.clone())
            .collect();
        ids.sort();
        ids
    }

    /// A moderator here removes a peer connected to node `node`: tells that node (the bus). (A
    /// removal with a ban goes as the ban, [`Cluster::ban_everywhere`].)
    pub(crate) async fn remove_remote_peer(
        &self,
        room: &str,
        peer_id: &str,
        node: &str,
        reason: &str,
    ) -> Result<(), ClusterError> {
        let event = BusEvent::RemovePeer {
            peer_id: peer_id.to_string(),
            node: node.to_string(),
            reason: reason.to_string(),
            ban_minutes: None,
        };
        self.publish_now(room, event).await
    }

    /// A peer of `room` that this node does not know (it has no copy of the room, or has not
    /// heard of the peer yet), as the other nodes that have the room know it: its info and the
    /// node it is connected to. `Ok(None)` when they answered without it; `Err(NoRoom)` when no
    /// live node has the room.
    pub(crate) async fn find_peer(
        &self,
        room: &str,
        peer_id: &str,
    ) -> Result<Option<(PeerInfo, Arc<str>)>, ClusterError> {
        let request = SnapshotRequest { room: room.to_string() };
        let mut outcome = Err(ClusterError::NoRoom(room.to_string()));
        for node in self.room_nodes(room) {
            match self.request::<_, Snapshot>(&node, "/cluster/snapshot", &request).await {
                Ok(snapshot) => {
                    if let Some(p) = snapshot.peers.iter().find(|p| p.peer_id == peer_id) {
                        let at = p.node.as_deref().unwrap_or(&node);
                        return Ok(Some((p.info(), Arc::from(at))));
                    }
                    outcome = Ok(None);
                }
                Err(ClusterError::NoRoom(_)) => {}
                Err(e) if outcome.is_err() => outcome = Err(e),
                Err(_) => {}
            }
        }
        outcome
    }

    /// A moderator here banned `uid` from `room` until `until`: every node refuses its joins
    /// until then. Written to Redis (expiring at the ban's end) for the nodes that start or
    /// reconnect later, and told to the live ones over the bus.
    pub(crate) async fn ban_everywhere(
        &self,
        room: &str,
        uid: &str,
        until: SystemTime,
        reason: &str,
    ) -> Result<(), ClusterError> {
        let until_unix = until.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        let ttl = until.duration_since(SystemTime::now()).unwrap_or_default();
        store::write_ban(&self.redis, room, uid, until_unix, ttl).await?;
        let event = BusEvent::Banned {
            uid: uid.to_string(),
            until_unix,
            reason: Some(reason.to_string()),
        };
        self.publish_now(room, event).await
    }

    /// Every ban Redis holds, held here too.
    async fn load_bans(&self) {
        match store::list_bans(&self.redis).await {
            Ok(bans) => {
                for ban in &bans {
                    // A ban made while this node was away from the bus removes its user here now.
                    let until = UNIX_EPOCH + Duration::from_secs(ban.until_unix);
                    let uid = Arc::from(ban.uid.as_str());
                    self.parts.rooms.ban_and_remove(&ban.room, uid, until, BANNED);
                }
                if !bans.is_empty() {
                    tracing::info!(bans = bans.len(), "read the cluster's bans");
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot read the cluster's bans"),
        }
    }

    /// A moderator here closed `room`: every other node closes its copy (the bus).
    pub(crate) async fn close_room_everywhere(&self, room: &str, reason: &str) -> Result<(), ClusterError> {
        let event = BusEvent::RoomClosed {
            reason: reason.to_string(),
        };
        self.publish_now(room, event).await
    }

    async fn publish_now(&self, room: &str, event: BusEvent) -> Result<(), ClusterError> {
        let message = BusMessage {
            node: self.node.to_string(),
            room: room.to_string(),
            event,
        };
        let text = serde_json::to_string(&message).expect("a bus message serializes");
        store::publish(&self.redis, &text).await?;
        Ok(())
    }

    /// A moderator on node `by` removed a peer connected here: as a local removal.
    fn remove_for_moderator(&self, room: &Room, peer_id: &str, reason: &str, ban_minutes: Option<u64>, by: &str) {
        let Some(link) = room.link(peer_id) else {
            tracing::info!(
                room = room.id(),
                peer = peer_id,
                by,
                "a peer to remove is not here (gone already)"
            );
            return;
        };
        match ban_minutes.filter(|m| *m > 0) {
            // (From an older node: a ban comes as `Banned` now.)
            Some(minutes) => {
                let until = SystemTime::now() + Duration::from_secs(minutes * 60);
                let uid = Arc::clone(&link.info.uid);
                self.parts.rooms.ban_and_remove(room.id(), uid, until, reason);
            }
            None => link.send(PeerEvent::Removed {
                peer_id: peer_id.to_string(),
                reason: Arc::from(reason),
            }),
        }
        self.parts.counters.moderation("kick");
        tracing::info!(
            room = room.id(),
            peer = peer_id,
            by,
            reason,
            ban_minutes,
            "a moderator on another node removed a peer"
        );
    }

    /// A moderator on node `by` closed the room: closes it here (its peers hear `roomClosed`),
    /// then, once they had time to leave, drops its utterances from this node's buffer.
    fn close_for_moderator(self: &Arc<Self>, room: &str, reason: &str, by: &str) {
        if self.parts.rooms.close(room, reason).is_none() {
            return;
        }
        self.parts.counters.moderation("close_room");
        tracing::info!(room, by, reason, "a moderator on another node closed the room");
        let cluster = Arc::clone(self);
        let room: Arc<str> = Arc::from(room);
        self.tasks.spawn(async move {
            tokio::select! {
                _ = cluster.parts.shutdown.cancelled() => return,
                _ = tokio::time::sleep(CLOSE_WAIT) => {}
            }
            let removed = cluster.parts.recording.feeds.remove(Removal::Room(Arc::clone(&room))).await;
            tracing::info!(room = %room, utterances = removed.ids.len(), bytes = removed.bytes, "closed room's utterances dropped");
        });
    }

    /// A signed POST of `body` to `path` on node `to`; its JSON answer.
    async fn request<T: serde::Serialize, R: serde::de::DeserializeOwned>(
        &self,
        to: &str,
        path: &str,
        body: &T,
    ) -> Result<R, ClusterError> {
        let url = match self.nodes.read().get(to) {
            Some(n) => n.url.clone(),
            None => return Err(ClusterError::Unavailable(format!("node {to} is not in the registry"))),
        };
        let body = Bytes::from(serde_json::to_vec(body).expect("a cluster request serializes"));
        let headers = sign::headers(&self.secret, unix_ms(), &self.node, path, &body);
        let answer = self
            .http
            .post_body(&format!("{}{path}", url.trim_end_matches('/')), &headers, body)
            .await
            .map_err(|e| match e {
                HttpError::Status { status: 404, body, .. } => ClusterError::NoRoom(format!("on node {to}: {body}")),
                e => ClusterError::Unavailable(e.to_string()),
            })?;
        serde_json::from_slice(&answer).map_err(|e| ClusterError::BadRequest(format!("{path}: {e}")))
    }

    /// Checks a node-to-node request's signature; the sender's node id.
    pub(crate) fn verify<'a>(
        &self,
        path: &str,
        body: &[u8],
        header: impl Fn(&str) -> Option<&'a str>,
    ) -> Result<String, ClusterError> {
        Ok(sign::verify(&self.secret, unix_ms(), path, body, header)?.to_string())
    }

    /// An edge task ended: forgets its handle unless a newer one took its place.
    fn edge_ended(&self, room_id: &str, id: u64) {
        let mut edges = self.edges.lock();
        if edges.get(room_id).is_some_and(|e| e.id() == id) {
            edges.remove(room_id);
        }
    }
}

/// Where a node with `peers` peers and a limit of `max_peers` (0: none) sends a viewer: the
/// live node with the fewest peers, if it has fewer and is under its own limit; none while
/// under the limit.
fn redirect_target<'a>(
    me: &str,
    peers: i64,
    max_peers: usize,
    nodes: impl Iterator<Item = &'a NodeRecord>,
) -> Option<&'a NodeRecord> {
    if max_peers == 0 || peers < max_peers as i64 {
        return None;
    }
    nodes
        .filter(|n| n.id != me && n.peers < peers && !n.draining)
        .filter(|n| n.max_peers == 0 || n.peers < n.max_peers as i64)
        .min_by_key(|n| (n.peers, n.id.clone()))
}

/// The CPU steps headroom is compared in: nodes within one step are as busy (the measure is
/// noisy), and the fewer peers wins.
const CPU_STEP: f64 = 10.0;

/// The live node other than `me` with the most headroom: not draining, under its own
/// `max_peers`, with the lowest CPU (its busiest worker's, in `CPU_STEP` steps), then the fewest
/// peers, then the first id.
fn most_headroom<'a>(me: &str, nodes: impl Iterator<Item = &'a NodeRecord>) -> Option<&'a NodeRecord> {
    nodes
        .filter(|n| n.id != me && !n.draining)
        .filter(|n| n.max_peers == 0 || n.peers < n.max_peers as i64)
        .min_by_key(|n| ((n.cpu_percent / CPU_STEP).floor() as i64, n.peers, n.id.clone()))
}

/// Where a new room first joined on node `me` (`cpu`, `peers`) goes: the node with the most
/// headroom (`most_headroom`) if `me` has clearly less: a higher CPU step, or in the same step
/// more than `slack` more peers. None: `me` homes it.
fn placement_target<'a>(
    me: &str,
    cpu: f64,
    peers: i64,
    slack: usize,
    nodes: impl Iterator<Item = &'a NodeRecord>,
) -> Option<&'a NodeRecord> {
    let best = most_headroom(me, nodes)?;
    let step = |cpu: f64| (cpu / CPU_STEP).floor() as i64;
    let busier = step(cpu) > step(best.cpu_percent)
        || (step(cpu) == step(best.cpu_percent) && peers > best.peers + slack as i64);
    busier.then_some(best)
}

fn pipe_listen_info(listen_ip: IpAddr, announced: IpAddr, config: &Config) -> ListenInfo {
    ListenInfo {
        protocol: Protocol::Udp,
        ip: listen_ip,
        announced_address: (announced != listen_ip).then(|| announced.to_string()),
        expose_internal_ip: false,
        port: None,
        port_range: Some(config.rtc_port_range()),
        flags: None,
        send_buffer_size: None,
        recv_buffer_size: None,
    }
}

impl Cluster {
    /// A node-to-node PipeTransport (SRTP on) on `router`, on the pipe address and ports.
    async fn srtp_pipe_transport(&self, router: &Router) -> Result<PipeTransport, ClusterError> {
        let mut options = PipeTransportOptions::new(self.pipe_listen.clone());
        options.enable_srtp = true;
        router.create_pipe_transport(options).await.map_err(media_error)
    }
}

/// Connects `transport` to the other node's end of a pipe, with that end's SRTP key.
async fn connect_pipe(
    transport: &PipeTransport,
    (ip, port): (IpAddr, u16),
    srtp: &SrtpParameters,
) -> Result<(), ClusterError> {
    transport
        .connect(PipeTransportRemoteParameters {
            ip,
            port,
            srtp_parameters: Some(srtp.clone()),
        })
        .await
        .map_err(media_error)
}

fn media_error(e: impl std::fmt::Display) -> ClusterError {
    ClusterError::Media(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, peers: i64, max_peers: usize) -> NodeRecord {
        NodeRecord {
            id: id.into(),
            url: format!("http://{id}"),
            peers,
            rooms: 1,
            cpu_percent: 0.0,
            max_peers,
            pipes_out: 0,
            pipes_in: 0,
            draining: false,
            instance: 1,
            at_ms: 0,
            homes: Vec::new(),
            edges: Vec::new(),
        }
    }

    #[test]
    fn a_new_room_goes_to_the_node_with_the_most_headroom_when_this_one_has_clearly_less() {
        let mut nodes = [node("a", 12, 0), node("b", 3, 0), node("c", 3, 3), node("d", 4, 0)];
        nodes[0].cpu_percent = 25.0;
        nodes[1].cpu_percent = 9.9;
        nodes[3].cpu_percent = 3.0;
        let pick = |me: &str, cpu: f64, peers: i64, slack: usize| {
            placement_target(me, cpu, peers, slack, nodes.iter()).map(|n| n.id.clone())
        };
        // c is full (3 of 3); b and d in the same CPU step: b has fewer peers.
        assert_eq!(pick("a", 25.0, 12, 8), Some("b".into()), "a higher CPU step");
        assert_eq!(pick("d", 3.0, 4, 8), None, "same step, within the slack");
        assert_eq!(pick("d", 3.0, 4, 0), Some("b".into()), "same step, no slack");
        assert_eq!(pick("b", 9.9, 3, 0), None, "b has the most headroom");
        assert_eq!(pick("e", 0.0, 50, 8), Some("b".into()), "step 0 first, then peers");
        assert_eq!(pick("e", 0.0, 0, 0), None, "the least loaded keeps it");
        nodes.iter_mut().for_each(|n| n.draining = true);
        let none = placement_target("a", 90.0, 100, 0, nodes.iter());
        assert!(none.is_none(), "no live node to place it on");
    }

    #[test]
    fn a_node_over_its_limit_redirects_to_the_least_loaded_node_with_room() {
        let nodes = [node("a", 10, 10), node("b", 7, 8), node("c", 4, 4), node("d", 5, 0)];
        let pick =
            |me: &str, peers: i64, max: usize| redirect_target(me, peers, max, nodes.iter()).map(|n| n.id.clone());
        assert_eq!(pick("a", 10, 0), None, "no limit");
        assert_eq!(pick("a", 9, 10), None, "under the limit");
        // c has fewer peers but is at its own limit; d has no limit.
        assert_eq!(pick("a", 10, 10), Some("d".into()));
        assert_eq!(pick("d", 5, 5), None, "no node has fewer peers and room");
        assert_eq!(pick("b", 8, 8), Some("d".into()));
        let mut draining = nodes.clone();
        draining[3].draining = true;
        let pick = |me: &str| redirect_target(me, 8, 8, draining.iter()).map(|n| n.id.clone());
        assert_eq!(pick("b"), None, "d drains");
    }
}
