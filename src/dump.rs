//! What the admin API shows of a running server (`GET /admin/rooms`, `sfu inspect`): plain data,
//! gathered by `admin` on the server and read back by `http_client::admin` in the tools.

use serde::{Deserialize, Serialize};

use crate::buffer::StoreStats;
use crate::feed::FeedStats;
use crate::stats::ObjectCounts;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerDump {
    pub version: String,
    pub uptime_secs: f64,
    pub draining: bool,
    pub counts: ObjectCounts,
    pub process: ProcessDump,
    pub workers: Vec<WorkerStats>,
    pub buffer: StoreStats,
    pub feeds: FeedStats,
    pub rooms: Vec<RoomDump>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessDump {
    pub cpu_seconds: Option<f64>,
    pub rss_bytes: Option<u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomDump {
    pub id: String,
    /// The home router's worker.
    pub worker: usize,
    /// The room's routers, home first: one per worker it spans.
    #[serde(default)]
    pub routers: Vec<RouterDump>,
    pub buffer: RoomBufferDump,
    pub peers: Vec<PeerDump>,
    /// The room's newest 100 utterances in the buffer, oldest first: what a moderator names to
    /// delete or export one (`buffer` counts them all).
    #[serde(default)]
    pub utterances: Vec<UtteranceDump>,
}

/// One of a room's routers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RouterDump {
    pub worker: usize,
    pub router_id: String,
    /// The home router (broadcasters, the tap), not one the producers are piped into.
    pub home: bool,
    /// Peers placed on it.
    pub peers: usize,
    /// Producers piped into it from the home router.
    pub pipes: usize,
}

/// One utterance in the buffer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UtteranceDump {
    pub id: String,
    pub speaker_uid: String,
    pub speaker_peer_id: String,
    /// `live`, `complete` or `truncated`.
    pub state: String,
    /// So far, for a live one: by the packets' arrival (wall clock).
    pub duration_ms: u64,
    /// Its audio's media time: from the first packet's RTP timestamp to the end of the last
    /// one (what a player plays; differs from `duration_ms` when the sender's packets bunched).
    #[serde(default)]
    pub audio_ms: Option<u64>,
    /// Its video's media time, when it has video: from the first packet's RTP timestamp to the
    /// last frame's (that frame's own length not counted).
    #[serde(default)]
    pub video_ms: Option<u64>,
    /// Its producer's topic tags (`appData.topics` at `produce`).
    #[serde(default)]
    pub topics: Vec<String>,
    /// Feeds playing it now.
    pub readers: u32,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomBufferDump {
    pub bytes: usize,
    pub live: usize,
    pub finished: usize,
    pub readers: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerDump {
    pub peer_id: String,
    pub display_name: Option<String>,
    pub role: String,
    /// The worker of the router the peer's media is on (none before it is placed again after a
    /// worker death, or when busy).
    #[serde(default)]
    pub worker: Option<usize>,
    /// The session did not answer in time (it is busy or closing); its objects are not listed.
    #[serde(default)]
    pub busy: bool,
    pub transports: Vec<TransportDump>,
    pub producers: Vec<ProducerDump>,
    pub consumers: Vec<ConsumerDump>,
    pub feed: Option<FeedDump>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransportDump {
    pub id: String,
    pub direction: String,
    pub ice_state: String,
    pub dtls_state: String,
    /// `udp 203.0.113.5:50000 -> 10.0.0.1:10001`, once ICE has a selected pair.
    pub tuple: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProducerDump {
    pub id: String,
    pub kind: String,
    pub paused: bool,
    /// Recorded into the utterance buffer.
    pub recorded: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsumerDump {
    pub id: String,
    pub producer_id: String,
    pub kind: String,
    pub paused: bool,
    pub producer_paused: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedDump {
    pub consumer_id: String,
}

/// A snapshot of one worker for metrics and `sfu inspect`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerStats {
    pub index: usize,
    pub tid: i32,
    pub cpu_seconds: Option<f64>,
    /// The thread's CPU share of one core over the last seconds (what placement reads).
    #[serde(default)]
    pub cpu_percent: f64,
    pub rooms: usize,
    pub peers: usize,
    pub dead: bool,
    /// Times this slot's worker died and was replaced.
    #[serde(default)]
    pub restarts: u32,
    pub ports: Vec<String>,
}
