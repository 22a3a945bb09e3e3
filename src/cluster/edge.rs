//! A room this node is an edge of: one task per room owns the pipes of the home's producers
//! into this node's router of the room, and their taps (so this node's feed viewers hear the
//! home's speakers from their first word, from this node's own buffer).
//!
//! The task reads the room's snapshot from the home (at start, and again after the event bus
//! reconnects), then follows the home's producer events from the bus. For each producer: a
//! PipeTransport here (SRTP on), a signed `/cluster/pipe` request with its address and keys
//! (the home makes its end, connects it and consumes the producer into it), then this end's
//! connect and a pipe producer with the producer's own id: local consumers and the tap use it
//! as a local producer. It ends when the room closes here (asking the home to drop its ends),
//! when the home is gone (every piped producer closes: `producerClosed`), or at shutdown.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use mediasoup::prelude::*;
use tokio::sync::mpsc;

use super::wire::{BusEvent, PipeAnswer, PipeRequest, ProducerRecord, Snapshot, SnapshotRequest, UnpipeRequest};
use super::{Cluster, ClusterError};
use crate::buffer::Speaker;
use crate::link::ProducerInfo;
use crate::recording::{tap, SpeakerRecording, Tap};
use crate::room::Room;
use crate::stats::Counter;

/// How often the task checks that its room is still open here, and retries a failed read.
const CHECK: Duration = Duration::from_secs(1);

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

pub(super) enum EdgeCommand {
    Event(BusEvent),
    Resync,
    HomeGone,
}

/// The cluster's handle on a room's edge task.
pub(super) struct EdgeHandle {
    id: u64,
    room: Weak<Room>,
    home: String,
    commands: mpsc::UnboundedSender<EdgeCommand>,
    /// The task's pipes, as it last counted them.
    pipes: Arc<AtomicUsize>,
}

impl EdgeHandle {
    pub fn id(&self) -> u64 {
        self.id
    }

    pub fn home(&self) -> &str {
        &self.home
    }

    /// True while the task runs for this very room object and home.
    pub fn serves(&self, room: &Arc<Room>, home: &str) -> bool {
        self.home == home && self.room.as_ptr() == Arc::as_ptr(room) && !self.commands.is_closed()
    }

    pub fn event(&self, event: BusEvent) {
        let _ = self.commands.send(EdgeCommand::Event(event));
    }

    pub fn resync(&self) {
        let _ = self.commands.send(EdgeCommand::Resync);
    }

    pub fn home_gone(&self) {
        let _ = self.commands.send(EdgeCommand::HomeGone);
    }

    /// The producers piped in for this room now.
    pub fn pipes(&self) -> usize {
        self.pipes.load(Ordering::Relaxed)
    }
}

/// One producer piped in. Field order is drop order: the tap, the pipe producer, then (with
/// the room's last pipe) its transport.
struct EdgePipe {
    _tap: Option<Tap>,
    producer: Producer,
    _link: Arc<EdgeLink>,
    peer_id: String,
    _counted: Counter,
    /// Packets its producer had received at the last sample.
    packets: u64,
}

/// This node's end of the room's pipes from its home: one PipeTransport carrying every
/// producer piped in, closed with the last of them.
struct EdgeLink {
    transport: PipeTransport,
    /// The home's end it is connected to.
    home_end: (IpAddr, u16),
    _counted: Counter,
}

struct EdgeRoom {
    cluster: Arc<Cluster>,
    room_id: String,
    room: Weak<Room>,
    home: String,
    pipes: HashMap<ProducerId, EdgePipe>,
    /// The transport the pipes share (kept by them: none between the last and the next).
    link: Weak<EdgeLink>,
    /// `pipes.len()`, for the handle.
    pipe_count: Arc<AtomicUsize>,
    /// The home's speakers recorded here, by peer id.
    speakers: HashMap<String, SpeakerRecording>,
    synced: bool,
}

/// Starts the edge task of `room`, homed on node `home`.
pub(super) fn spawn(cluster: Arc<Cluster>, room: &Arc<Room>, home: String) -> EdgeHandle {
    let (tx, rx) = mpsc::unbounded_channel();
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let pipe_count = Arc::new(AtomicUsize::new(0));
    let edge = EdgeRoom {
        pipe_count: Arc::clone(&pipe_count),
        cluster: Arc::clone(&cluster),
        room_id: room.id().to_string(),
        room: Arc::downgrade(room),
        home: home.clone(),
        pipes: HashMap::new(),
        link: Weak::new(),
        speakers: HashMap::new(),
        synced: false,
    };
    tracing::info!(room = room.id(), home, "this node is an edge of the room");
    cluster.tasks.spawn(edge.run(rx, id));
    EdgeHandle {
        id,
        room: Arc::downgrade(room),
        home,
        commands: tx,
        pipes: pipe_count,
    }
}

impl EdgeRoom {
    async fn run(mut self, mut commands: mpsc::UnboundedReceiver<EdgeCommand>, id: u64) {
        let mut check = tokio::time::interval(CHECK);
        check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let shutdown = self.cluster.parts.shutdown.clone();
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => break,
                _ = check.tick() => {
                    if self.room.strong_count() == 0 {
                        self.release().await;
                        break;
                    }
                    if !self.synced {
                        self.sync().await;
                    }
                    self.sample_packets().await;
                }
                command = commands.recv() => match command {
                    // The cluster replaced this task (the room has a new home).
                    None => {
                        self.close_all("the room has a new home");
                        break;
                    }
                    Some(EdgeCommand::HomeGone) => {
                        self.close_all("home node gone");
                        break;
                    }
                    Some(EdgeCommand::Resync) => self.sync().await,
                    Some(EdgeCommand::Event(event)) => self.on_event(event).await,
                },
            }
            self.pipe_count.store(self.pipes.len(), Ordering::Relaxed);
        }
        self.cluster.edge_ended(&self.room_id, id);
        tracing::info!(room = self.room_id, home = self.home, "edge of the room ended");
    }

    /// Reads the room from its home: its peers join this node's copy, its producers are piped
    /// in, and pipes of producers it no longer has close.
    async fn sync(&mut self) {
        let Some(room) = self.room.upgrade() else { return };
        let request = SnapshotRequest {
            room: self.room_id.clone(),
        };
        let snapshot: Snapshot = match self.cluster.request(&self.home, "/cluster/snapshot", &request).await {
            Ok(s) => s,
            // The home closed the room: nothing to pipe until a broadcaster comes back.
            Err(ClusterError::NoRoom(_)) => {
                self.close_all("the home closed the room");
                self.synced = true;
                return;
            }
            Err(e) => {
                tracing::warn!(room = self.room_id, home = self.home, error = %e, "cannot read the room from its home; retrying");
                self.synced = false;
                return;
            }
        };
        for peer in &snapshot.peers {
            let node = peer.node.as_deref().unwrap_or(&self.home);
            if *node != *self.cluster.node {
                room.add_remote_peer(peer.info(), Arc::from(node));
            }
        }
        let wanted: HashSet<ProducerId> = snapshot.producers.iter().map(|p| p.producer_id).collect();
        let stale: Vec<ProducerId> = self.pipes.keys().filter(|id| !wanted.contains(id)).copied().collect();
        for id in stale {
            self.close(&id);
        }
        for producer in &snapshot.producers {
            if !self.pipes.contains_key(&producer.producer_id) {
                self.open(&room, producer).await;
            }
        }
        self.synced = true;
    }

    async fn on_event(&mut self, event: BusEvent) {
        match event {
            BusEvent::NewProducer { producer } => {
                if let Some(room) = self.room.upgrade() {
                    if !self.pipes.contains_key(&producer.producer_id) {
                        self.open(&room, &producer).await;
                    }
                }
            }
            BusEvent::ProducerClosed { producer_id } => self.close(&producer_id),
            BusEvent::ProducerPaused {
                producer_id,
                paused,
                by_server,
            } => {
                let Some(pipe) = self.pipes.get(&producer_id) else {
                    return;
                };
                let done = if paused {
                    pipe.producer.pause().await
                } else {
                    pipe.producer.resume().await
                };
                if let Err(e) = done {
                    tracing::warn!(room = self.room_id, producer = %producer_id, error = %e, "cannot pause/resume a piped producer");
                }
                if let Some(room) = self.room.upgrade() {
                    room.set_piped_paused(producer_id, paused, by_server);
                }
            }
            // The cluster handles these itself.
            BusEvent::PeerJoined { .. }
            | BusEvent::PeerLeft { .. }
            | BusEvent::RemovePeer { .. }
            | BusEvent::RoomClosed { .. }
            | BusEvent::Banned { .. } => {}
        }
    }

    /// Pipes one of the home's producers in and taps it; on failure the producer is missing
    /// here until the next sync.
    async fn open(&mut self, room: &Arc<Room>, producer: &ProducerRecord) {
        match self.pipe(room, producer).await {
            Ok(pipe) => {
                room.add_piped_producer(
                    ProducerInfo {
                        paused: pipe.producer.paused(),
                        ..producer.info()
                    },
                    pipe.producer.downgrade(),
                );
                self.pipes.insert(producer.producer_id, pipe);
            }
            Err(ClusterError::NoProducer(..) | ClusterError::NoRoom(_)) => {}
            Err(e) => {
                tracing::warn!(room = self.room_id, producer = %producer.producer_id, error = %e, "cannot pipe a producer from its home node");
                self.synced = false;
            }
        }
    }

    async fn pipe(&mut self, room: &Arc<Room>, producer: &ProducerRecord) -> Result<EdgePipe, ClusterError> {
        let media = room.media();
        let (link, answer) = self.piped_over(room, producer).await?;
        let transport = &link.transport;
        let mut options = ProducerOptions::new_pipe_transport(producer.producer_id, answer.kind, answer.rtp_parameters);
        options.paused = answer.paused;
        let piped = transport.produce(options).await.map_err(super::media_error)?;
        let speaker = self.speakers.entry(producer.peer_id.clone()).or_insert_with(|| {
            let uid = room
                .peer_uid(&producer.peer_id)
                .unwrap_or_else(|| Arc::from(producer.peer_id.as_str()));
            let speaker = Speaker {
                uid,
                peer: Arc::from(producer.peer_id.as_str()),
            };
            let recording = SpeakerRecording::new(room, speaker, &self.cluster.parts.recording);
            // Its home recorded the utterance under way from its start; here it would be
            // cut: the buffer here starts with the next one.
            recording.start_in_silence();
            recording
        });
        let tapped = match tap(room, &media, &piped, speaker, &self.cluster.parts.recording).await {
            Ok(t) => Some(t),
            Err(e) => {
                tracing::warn!(room = self.room_id, producer = %producer.producer_id, error = %e, "piped producer not recorded");
                None
            }
        };
        tracing::info!(room = self.room_id, producer = %producer.producer_id, home = self.home, "producer piped in from its home node");
        Ok(EdgePipe {
            _tap: tapped,
            producer: piped,
            _link: link,
            peer_id: producer.peer_id.clone(),
            _counted: self.cluster.pipes_in.count(),
            packets: 0,
        })
    }

    /// Asks the home to pipe `producer` in over the room's transport from it: the one the
    /// room's pipes use, or a new one, connected to the home's end the answer names.
    async fn piped_over(
        &mut self,
        room: &Arc<Room>,
        producer: &ProducerRecord,
    ) -> Result<(Arc<EdgeLink>, PipeAnswer), ClusterError> {
        let current = self.link.upgrade().filter(|l| !l.transport.closed());
        let transport = match &current {
            Some(link) => link.transport.clone(),
            None => self.cluster.srtp_pipe_transport(room.media().router()).await?,
        };
        let request = PipeRequest {
            room: self.room_id.clone(),
            producer_id: producer.producer_id,
            ip: self.cluster.pipe_ip,
            port: transport.tuple().local_port(),
            srtp: transport
                .srtp_parameters()
                .ok_or_else(|| ClusterError::Media("no SRTP parameters".into()))?,
        };
        let answer: PipeAnswer = self.cluster.request(&self.home, "/cluster/pipe", &request).await?;
        let home_end = (answer.ip, answer.port);
        if let Some(link) = current {
            if link.home_end == home_end {
                return Ok((link, answer));
            }
            // The home made a new end (it had dropped its pipes to this node): this pipe is
            // retried at the next sync over a new end here; the earlier pipes keep theirs.
            self.link = Weak::new();
            return Err(ClusterError::Media(format!(
                "the home answered from a new pipe end {}:{}",
                answer.ip, answer.port
            )));
        }
        super::connect_pipe(&transport, home_end, &answer.srtp).await?;
        tracing::info!(
            room = self.room_id,
            home = self.home,
            port = transport.tuple().local_port(),
            "pipe transport from the room's home"
        );
        let link = Arc::new(EdgeLink {
            transport,
            home_end,
            _counted: self.cluster.links_in.count(),
        });
        self.link = Arc::downgrade(&link);
        Ok((link, answer))
    }

    /// Adds the packets received from the home since the last sample to the cluster's count.
    async fn sample_packets(&mut self) {
        for pipe in self.pipes.values_mut() {
            let Ok(stats) = pipe.producer.get_stats().await else {
                continue;
            };
            let received: u64 = stats.iter().map(|s| s.packet_count).sum();
            let new = received.saturating_sub(pipe.packets);
            pipe.packets = received;
            self.cluster.packets_in.fetch_add(new, Ordering::Relaxed);
        }
    }

    /// Closes a pipe: its consumers here hear their producer closed, and the peers
    /// `producerClosed`.
    fn close(&mut self, producer_id: &ProducerId) {
        let Some(pipe) = self.pipes.remove(producer_id) else {
            return;
        };
        let peer_id = pipe.peer_id.clone();
        drop(pipe);
        if let Some(room) = self.room.upgrade() {
            room.remove_producer(*producer_id);
        }
        if !self.pipes.values().any(|p| p.peer_id == peer_id) {
            self.speakers.remove(&peer_id);
        }
    }

    fn close_all(&mut self, why: &str) {
        let ids: Vec<ProducerId> = self.pipes.keys().copied().collect();
        tracing::warn!(
            room = self.room_id,
            home = self.home,
            pipes = ids.len(),
            why,
            "closing the pipes from the room's home"
        );
        for id in ids {
            self.close(&id);
        }
    }

    /// The room closed here: drops the pipes and asks the home to drop its ends.
    async fn release(&mut self) {
        let producer_ids: Vec<ProducerId> = self.pipes.keys().copied().collect();
        self.pipes.clear();
        self.speakers.clear();
        if producer_ids.is_empty() {
            return;
        }
        let request = UnpipeRequest {
            room: self.room_id.clone(),
            producer_ids,
        };
        let done: Result<serde_json::Value, _> = self.cluster.request(&self.home, "/cluster/unpipe", &request).await;
        if let Err(e) = done {
            tracing::info!(room = self.room_id, error = %e, "cannot tell the home to drop its pipes; it drops them when their producer or this node goes");
        }
    }
}
