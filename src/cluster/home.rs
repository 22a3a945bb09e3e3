//! The home node's side: a room's snapshot for its edges, and its pipes to them: one
//! PipeTransport per room and edge node on the room's home router (SRTP on), connected to the
//! edge's, carrying a pipe consumer of each producer the edge asked for. A pipe closes when the
//! edge asks (`/cluster/unpipe`, its room closed there), when the edge is gone from the registry,
//! or with its producer (the registry tick sweeps the closed ones); the transport with its last
//! pipe.

use std::collections::HashSet;
use std::net::IpAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use mediasoup::consumer::ConsumerRtpStreamStat;
use mediasoup::prelude::*;

use super::wire::{PeerRecord, PipeAnswer, PipeRequest, ProducerRecord, Snapshot, SnapshotRequest, UnpipeRequest};
use super::{media_error as media, Cluster, ClusterError};
use crate::stats::Counter;

/// Field order is drop order: the consumer, then (with the last pipe on it) its transport.
pub(super) struct HomePipe {
    consumer: Consumer,
    pub(super) room: String,
    _link: Arc<HomeLink>,
    _counted: Counter,
    /// Packets its consumer had sent at the last sample.
    packets: u64,
}

/// The home's end of a room's pipes to one edge node: shared by those pipes, closed with the
/// last of them (the cluster keeps it weakly, to find it for the edge's next producer).
pub(super) struct HomeLink {
    transport: PipeTransport,
    /// The edge's end it is connected to.
    edge_end: (IpAddr, u16),
    _counted: Counter,
}

impl Cluster {
    /// The room's peers (with their node) and its producers, for an edge.
    pub(crate) fn serve_snapshot(&self, request: &SnapshotRequest) -> Result<Snapshot, ClusterError> {
        let room = self
            .parts
            .rooms
            .get(&request.room)
            .ok_or_else(|| ClusterError::NoRoom(request.room.clone()))?;
        let (peers, producers) = room.members();
        Ok(Snapshot {
            peers: peers
                .iter()
                .map(|(info, node)| PeerRecord::new(info, Some(node.as_deref().unwrap_or(&self.node))))
                .collect(),
            producers: producers.iter().map(ProducerRecord::new).collect(),
        })
    }

    /// Pipes one producer of a room homed here to node `edge`, whose end of the room's pipes is
    /// `request`'s address, over the room's transport to that end (made and connected by the
    /// edge's first request); replaces a pipe of the same producer to that node.
    pub(crate) async fn serve_pipe(&self, edge: &str, request: &PipeRequest) -> Result<PipeAnswer, ClusterError> {
        let room = self
            .parts
            .rooms
            .get(&request.room)
            .ok_or_else(|| ClusterError::NoRoom(request.room.clone()))?;
        let producer_id = request.producer_id;
        let (_, producers) = room.members();
        if !producers.iter().any(|p| p.producer_id == producer_id) {
            return Err(ClusterError::NoProducer(producer_id, request.room.clone()));
        }
        let link = self.home_link(edge, &room, request).await?;
        let consumer = link
            .transport
            .consume(ConsumerOptions::new(producer_id, RtpCapabilities::default()))
            .await
            .map_err(|e| match e {
                ConsumeError::ProducerNotFound(_) => ClusterError::NoProducer(producer_id, request.room.clone()),
                e => media(e),
            })?;
        let srtp = link
            .transport
            .srtp_parameters()
            .ok_or_else(|| media("no SRTP parameters"))?;
        let answer = PipeAnswer {
            ip: self.pipe_ip,
            port: link.transport.tuple().local_port(),
            srtp,
            kind: consumer.kind(),
            rtp_parameters: consumer.rtp_parameters().clone(),
            paused: consumer.producer_paused(),
        };
        tracing::info!(room = request.room, producer = %producer_id, edge, port = answer.port, "producer piped to another node");
        let pipe = HomePipe {
            consumer,
            room: request.room.clone(),
            _link: link,
            _counted: self.pipes_out.count(),
            packets: 0,
        };
        let old = self.home_pipes.lock().insert((edge.to_string(), producer_id), pipe);
        drop(old);
        Ok(answer)
    }

    /// The room's transport to `edge`'s end named in `request`: the one its earlier pipes use,
    /// or a new one connected to that end (the edge made a new end: its earlier pipes keep
    /// theirs until they close).
    async fn home_link(
        &self,
        edge: &str,
        room: &crate::room::Room,
        request: &PipeRequest,
    ) -> Result<Arc<HomeLink>, ClusterError> {
        let key = (edge.to_string(), request.room.clone());
        let edge_end = (request.ip, request.port);
        let current = self.home_links.lock().get(&key).and_then(std::sync::Weak::upgrade);
        if let Some(link) = current.filter(|l| l.edge_end == edge_end && !l.transport.closed()) {
            return Ok(link);
        }
        let transport = self.srtp_pipe_transport(room.media().router()).await?;
        super::connect_pipe(&transport, edge_end, &request.srtp).await?;
        tracing::info!(
            room = request.room,
            edge,
            port = transport.tuple().local_port(),
            "pipe transport to another node"
        );
        let link = Arc::new(HomeLink {
            transport,
            edge_end,
            _counted: self.links_out.count(),
        });
        let mut links = self.home_links.lock();
        links.retain(|_, l| l.strong_count() > 0);
        links.insert(key, Arc::downgrade(&link));
        Ok(link)
    }

    /// The edge no longer needs these pipes.
    pub(crate) fn serve_unpipe(&self, edge: &str, request: &UnpipeRequest) {
        let gone: Vec<HomePipe> = {
            let mut pipes = self.home_pipes.lock();
            let ids = request.producer_ids.iter();
            ids.filter_map(|id| pipes.remove(&(edge.to_string(), *id))).collect()
        };
        tracing::info!(
            room = request.room,
            edge,
            pipes = gone.len(),
            "pipes to another node closed: not needed there"
        );
    }

    /// Adds the packets sent to other nodes since the last sample to `packets_out`.
    pub(super) async fn sample_home_packets(&self) {
        let pipes: Vec<((String, ProducerId), Consumer)> = {
            let pipes = self.home_pipes.lock();
            pipes.iter().map(|(k, p)| (k.clone(), p.consumer.clone())).collect()
        };
        for (key, consumer) in pipes {
            let Ok(stats) = consumer.get_stats().await else {
                continue;
            };
            let sent: u64 = stats
                .iter()
                .filter_map(|s| match s {
                    ConsumerRtpStreamStat::Outbound(o) => Some(o.packet_count),
                    ConsumerRtpStreamStat::Inbound(_) => None,
                })
                .sum();
            if let Some(p) = self.home_pipes.lock().get_mut(&key) {
                let new = sent.saturating_sub(p.packets);
                p.packets = sent;
                self.packets_out.fetch_add(new, Ordering::Relaxed);
            }
        }
    }

    /// Drops the pipes whose producer closed, or whose edge node is not `live`.
    pub(super) fn sweep_home_pipes(&self, live: &HashSet<String>) {
        let gone: Vec<HomePipe> = {
            let mut pipes = self.home_pipes.lock();
            let dead: Vec<(String, ProducerId)> = pipes
                .iter()
                .filter(|((edge, _), p)| p.consumer.closed() || !live.contains(edge))
                .map(|(k, _)| k.clone())
                .collect();
            dead.iter().filter_map(|k| pipes.remove(k)).collect()
        };
        if !gone.is_empty() {
            tracing::info!(
                pipes = gone.len(),
                "pipes to other nodes closed: producer closed or node gone"
            );
        }
    }
}
