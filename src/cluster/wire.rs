//! What nodes say to each other, as JSON: the registry's node records, the event bus's messages
//! and the bodies of the node-to-node HTTP requests. These are the cluster's own wire types,
//! mapped from and to the domain's (`link::PeerInfo`, `link::ProducerInfo`) here only.

use std::sync::Arc;

use mediasoup::prelude::{MediaKind, ProducerId, RtpParameters};
use mediasoup::types::srtp_parameters::SrtpParameters;
use serde::{Deserialize, Serialize};

use crate::link::{PeerInfo, ProducerInfo, RoomEvent};
use crate::role::Role;

/// One node as the registry holds it (refreshed every second, gone 3 s after its last write).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeRecord {
    pub id: String,
    /// Where clients and other nodes reach it (`http(s)://host:port`).
    pub url: String,
    pub peers: i64,
    pub rooms: i64,
    /// The busiest worker's CPU share of one core over the last seconds.
    pub cpu_percent: f64,
    /// `cluster.max_peers` (0: none).
    pub max_peers: usize,
    /// Pipes from this node's rooms to other nodes, and from other nodes into its rooms.
    pub pipes_out: usize,
    pub pipes_in: usize,
    /// Draining (SIGTERM): it takes no new peers; no node redirects to it.
    #[serde(default)]
    pub draining: bool,
    /// Random, per process: a node restarted under the same id within the TTL is a new one
    /// (what the old one had, pipes and peers, is gone).
    #[serde(default)]
    pub instance: u64,
    /// Its clock when it wrote this (Unix ms).
    pub at_ms: u64,
}

/// A peer on the bus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerRecord {
    pub peer_id: String,
    pub uid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    pub role: Role,
    /// The node it is connected to (in a snapshot; on the bus, the message's node).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
}

impl PeerRecord {
    pub fn new(info: &PeerInfo, node: Option<&str>) -> PeerRecord {
        PeerRecord {
            peer_id: info.peer_id.clone(),
            uid: info.uid.to_string(),
            display_name: info.display_name.clone(),
            role: info.role,
            node: node.map(str::to_string),
        }
    }

    pub fn info(&self) -> PeerInfo {
        PeerInfo {
            peer_id: self.peer_id.clone(),
            uid: Arc::from(self.uid.as_str()),
            display_name: self.display_name.clone(),
            role: self.role,
        }
    }
}

/// A producer on the bus or in a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProducerRecord {
    pub producer_id: ProducerId,
    pub peer_id: String,
    pub kind: MediaKind,
    pub paused: bool,
}

impl ProducerRecord {
    pub fn new(p: &ProducerInfo) -> ProducerRecord {
        ProducerRecord {
            producer_id: p.producer_id,
            peer_id: p.peer_id.clone(),
            kind: p.kind,
            paused: p.paused,
        }
    }

    pub fn info(&self) -> ProducerInfo {
        ProducerInfo {
            producer_id: self.producer_id,
            peer_id: self.peer_id.clone(),
            kind: self.kind,
            paused: self.paused,
        }
    }
}

/// A room event on the bus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum BusEvent {
    PeerJoined {
        peer: PeerRecord,
    },
    PeerLeft {
        peer_id: String,
    },
    NewProducer {
        producer: ProducerRecord,
    },
    ProducerClosed {
        producer_id: ProducerId,
    },
    ProducerPaused {
        producer_id: ProducerId,
        paused: bool,
        by_server: bool,
    },
}

impl BusEvent {
    pub fn from_room(event: &RoomEvent) -> BusEvent {
        match event {
            RoomEvent::PeerJoined(info) => BusEvent::PeerJoined {
                peer: PeerRecord::new(info, None),
            },
            RoomEvent::PeerLeft { peer_id } => BusEvent::PeerLeft {
                peer_id: peer_id.clone(),
            },
            RoomEvent::NewProducer(p) => BusEvent::NewProducer {
                producer: ProducerRecord::new(p),
            },
            RoomEvent::ProducerClosed { producer_id, .. } => BusEvent::ProducerClosed {
                producer_id: *producer_id,
            },
            RoomEvent::ProducerPaused {
                producer_id, by_server, ..
            } => BusEvent::ProducerPaused {
                producer_id: *producer_id,
                paused: true,
                by_server: *by_server,
            },
            RoomEvent::ProducerResumed {
                producer_id, by_server, ..
            } => BusEvent::ProducerPaused {
                producer_id: *producer_id,
                paused: false,
                by_server: *by_server,
            },
        }
    }
}

/// One message on the cluster's channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusMessage {
    pub node: String,
    pub room: String,
    pub event: BusEvent,
}

/// `POST /cluster/snapshot`: a node with viewers of a room asks its home for the room.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SnapshotRequest {
    pub room: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    pub peers: Vec<PeerRecord>,
    pub producers: Vec<ProducerRecord>,
}

/// `POST /cluster/pipe`: the edge's end of a new pipe of one producer, made already.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PipeRequest {
    pub room: String,
    pub producer_id: ProducerId,
    pub ip: std::net::IpAddr,
    pub port: u16,
    pub srtp: SrtpParameters,
}

/// The home's end of the pipe, connected to the edge's, and what the edge produces with.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PipeAnswer {
    pub ip: std::net::IpAddr,
    pub port: u16,
    pub srtp: SrtpParameters,
    pub kind: MediaKind,
    pub rtp_parameters: RtpParameters,
    pub paused: bool,
}

/// `POST /cluster/unpipe`: the edge no longer needs these pipes of a room.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnpipeRequest {
    pub room: String,
    pub producer_ids: Vec<ProducerId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bus_messages_round_trip_as_tagged_json() {
        let id: ProducerId = "00000000-0000-0000-0000-000000000001".parse().unwrap();
        let m = BusMessage {
            node: "a".into(),
            room: "r".into(),
            event: BusEvent::ProducerPaused {
                producer_id: id,
                paused: true,
                by_server: false,
            },
        };
        let text = serde_json::to_string(&m).unwrap();
        assert!(text.contains("\"type\":\"producerPaused\""), "{text}");
        assert_eq!(serde_json::from_str::<BusMessage>(&text).unwrap(), m);
        let info = PeerInfo {
            peer_id: "p".into(),
            uid: Arc::from("u"),
            display_name: Some("Ann".into()),
            role: Role::Viewer,
        };
        assert_eq!(PeerRecord::new(&info, Some("b")).info(), info);
    }
}
