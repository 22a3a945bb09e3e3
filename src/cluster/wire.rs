//! What nodes say to each other, as JSON: the registry's node records, the event bus's messages
//! and the bodies of the node-to-node HTTP requests. These are the cluster's own wire types,
//! mapped from and to the domain's (`link::PeerInfo`, `link::ProducerInfo`) here only.

use std::collections::BTreeMap;
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
    /// The rooms homed here (claimed in Redis), each with its pipes out by edge node (at most
    /// `ROOMS_IN_RECORD`, by name).
    #[serde(default)]
    pub homes: Vec<HomedRoom>,
    /// The rooms this node is an edge of, with their home and the pipes in (at most
    /// `ROOMS_IN_RECORD`, by name).
    #[serde(default)]
    pub edges: Vec<EdgeOfRoom>,
}

/// How many rooms of each kind a node record lists: it is written every second.
pub const ROOMS_IN_RECORD: usize = 256;

/// A room homed on a node, in its record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomedRoom {
    pub room: String,
    /// Pipes from the home to each edge node, by node id.
    pub pipes: BTreeMap<String, usize>,
}

/// A room a node is an edge of, in its record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgeOfRoom {
    pub room: String,
    /// The node the edge pipes the room's producers from.
    pub home: String,
    /// Pipes into the edge.
    pub pipes: usize,
}

/// One room of the cluster, as the node records show it (`sfu inspect`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterRoom {
    pub room: String,
    /// The live node that says it homes the room; none while no live node does (its home
    /// died and no broadcaster came back yet).
    pub home: Option<String>,
    pub edges: Vec<RoomEdge>,
}

/// An edge of a room: the pipes its home says it sends there, and those the edge has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomEdge {
    pub node: String,
    /// Pipes out of the home to this node (0: the home does not list it).
    pub pipes_out: usize,
    /// Pipes into this node from the home (0: the node is not an edge of the room).
    pub pipes_in: usize,
    /// The home this edge pipes from, when it is not the room's home (a stale edge).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// The cluster's rooms, by name, from its live nodes' records: each with its home and its
/// edges, both sides' pipe counts side by side.
pub fn cluster_rooms(nodes: &[NodeRecord]) -> Vec<ClusterRoom> {
    let mut rooms: BTreeMap<&str, ClusterRoom> = BTreeMap::new();
    let entry = |rooms: &mut BTreeMap<&str, ClusterRoom>, room: &str| -> ClusterRoom {
        rooms.remove(room).unwrap_or_else(|| ClusterRoom {
            room: room.to_string(),
            home: None,
            edges: Vec::new(),
        })
    };
    for n in nodes {
        for h in &n.homes {
            let mut r = entry(&mut rooms, &h.room);
            r.home = Some(n.id.clone());
            for (edge, pipes) in &h.pipes {
                edge_of(&mut r, edge).pipes_out = *pipes;
            }
            rooms.insert(&h.room, r);
        }
    }
    for n in nodes {
        for e in &n.edges {
            let mut r = entry(&mut rooms, &e.room);
            let stale = (r.home.as_deref() != Some(e.home.as_str())).then(|| e.home.clone());
            let edge = edge_of(&mut r, &n.id);
            edge.pipes_in = e.pipes;
            edge.from = stale;
            rooms.insert(&e.room, r);
        }
    }
    let mut rooms: Vec<ClusterRoom> = rooms.into_values().collect();
    for r in &mut rooms {
        r.edges.sort_by(|a, b| a.node.cmp(&b.node));
    }
    rooms
}

fn edge_of<'a>(room: &'a mut ClusterRoom, node: &str) -> &'a mut RoomEdge {
    match room.edges.iter().position(|e| e.node == node) {
        Some(i) => &mut room.edges[i],
        None => {
            room.edges.push(RoomEdge {
                node: node.to_string(),
                pipes_out: 0,
                pipes_in: 0,
                from: None,
            });
            room.edges.last_mut().expect("just pushed")
        }
    }
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
    /// A moderator (on the sending node) removed a peer connected to node `node`: that node
    /// tells it `removed` and closes its session, and bans its user from the room for
    /// `ban_minutes`.
    RemovePeer {
        peer_id: String,
        node: String,
        reason: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ban_minutes: Option<u64>,
    },
    /// A moderator closed the room: every node closes its copy (`roomClosed` to its peers) and
    /// drops the room's utterances from its buffer.
    RoomClosed {
        reason: String,
    },
    /// A moderator banned user `uid` from the room until `until_unix` (seconds): every node
    /// refuses its joins until then, whether or not it has the room yet, and removes the
    /// user's peers it has in the room (told `removed` with `reason`).
    Banned {
        uid: String,
        until_unix: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
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

    #[test]
    fn a_ban_carries_its_reason_and_one_from_an_older_node_reads_without_it() {
        let ban = BusEvent::Banned {
            uid: "u".into(),
            until_unix: 7,
            reason: Some("spam".into()),
        };
        let text = serde_json::to_string(&ban).unwrap();
        assert_eq!(serde_json::from_str::<BusEvent>(&text).unwrap(), ban);
        let old = r#"{"type":"banned","uid":"u","until_unix":7}"#;
        let BusEvent::Banned { reason, until_unix, .. } = serde_json::from_str(old).unwrap() else {
            panic!("not a ban");
        };
        assert_eq!((reason, until_unix), (None, 7));
    }

    fn record(id: &str, homes: Vec<HomedRoom>, edges: Vec<EdgeOfRoom>) -> NodeRecord {
        NodeRecord {
            id: id.into(),
            url: format!("http://{id}"),
            peers: 0,
            rooms: 0,
            cpu_percent: 0.0,
            max_peers: 0,
            pipes_out: 0,
            pipes_in: 0,
            draining: false,
            instance: 1,
            at_ms: 0,
            homes,
            edges,
        }
    }

    #[test]
    fn the_cluster_rooms_join_homes_and_edges_from_every_record() {
        let home = |room: &str, pipes: &[(&str, usize)]| HomedRoom {
            room: room.into(),
            pipes: pipes.iter().map(|(n, p)| (n.to_string(), *p)).collect(),
        };
        let edge = |room: &str, home: &str, pipes| EdgeOfRoom {
            room: room.into(),
            home: home.into(),
            pipes,
        };
        let nodes = [
            record("a", vec![home("r1", &[("b", 2), ("c", 2)]), home("r2", &[])], vec![]),
            record("b", vec![], vec![edge("r1", "a", 2), edge("r3", "gone", 1)]),
            // c's pipes are still being set up: one of two.
            record("c", vec![], vec![edge("r1", "a", 1)]),
        ];
        let rooms = cluster_rooms(&nodes);
        let names: Vec<&str> = rooms.iter().map(|r| r.room.as_str()).collect();
        assert_eq!(names, ["r1", "r2", "r3"]);
        assert_eq!(rooms[0].home.as_deref(), Some("a"));
        let e = |node: &str, pipes_out, pipes_in, from: Option<&str>| RoomEdge {
            node: node.into(),
            pipes_out,
            pipes_in,
            from: from.map(str::to_string),
        };
        assert_eq!(rooms[0].edges, [e("b", 2, 2, None), e("c", 2, 1, None)]);
        assert_eq!((rooms[1].home.as_deref(), rooms[1].edges.len()), (Some("a"), 0));
        // An edge of a home that is no longer live: no home, the edge names its old one.
        assert_eq!(rooms[2].home, None);
        assert_eq!(rooms[2].edges, [e("b", 0, 1, Some("gone"))]);
    }
}
