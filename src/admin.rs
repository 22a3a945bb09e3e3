//! The admin view of a running server: rooms → peers → transports (ICE/DTLS state), producers,
//! consumers and feeds, with the buffer's and the workers' numbers. Served as JSON at
//! `GET /admin/rooms` to a client with the admin token, and printed by `sfu inspect`.
//!
//! Each peer's objects belong to its session task, so the dump asks every session for its part
//! (through the room's link to it) instead of sharing the peers behind a lock.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::oneshot;

use crate::buffer::StoreStats;
use crate::feed::FeedStats;
use crate::room::{PeerEvent, Room};
use crate::server::ServerContext;
use crate::stats::ObjectCounts;
use crate::workers::WorkerStats;

/// How long one session may take to describe itself before it is listed as busy.
const PEER_TIMEOUT: Duration = Duration::from_millis(500);

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
    pub worker: usize,
    pub buffer: RoomBufferDump,
    pub peers: Vec<PeerDump>,
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

/// Dumps the server, or only `room` when given.
pub(crate) async fn dump(ctx: &ServerContext, room: Option<&str>) -> ServerDump {
    let mut store = ctx.recording.store.stats();
    let room_stats = std::mem::take(&mut store.rooms);
    let mut rooms = Vec::new();
    for r in ctx.rooms.list() {
        if room.is_some_and(|name| name != r.id()) {
            continue;
        }
        let buffer = room_stats
            .iter()
            .find(|s| &*s.room == r.id())
            .map(|s| RoomBufferDump {
                bytes: s.bytes,
                live: s.live,
                finished: s.finished,
                readers: s.readers,
            })
            .unwrap_or_default();
        rooms.push(RoomDump {
            id: r.id().to_string(),
            worker: r.media().worker().index(),
            buffer,
            peers: dump_peers(&r).await,
        });
    }
    rooms.sort_by(|a, b| a.id.cmp(&b.id));
    ServerDump {
        version: env!("CARGO_PKG_VERSION").to_string(),
        uptime_secs: ctx.started.elapsed().as_secs_f64(),
        draining: ctx.shutdown.is_cancelled(),
        counts: ctx.counters.snapshot(),
        process: ProcessDump {
            cpu_seconds: crate::procfs::process_cpu_time().map(|d| d.as_secs_f64()),
            rss_bytes: crate::procfs::process_rss_bytes(),
        },
        workers: ctx.pool.stats(),
        buffer: store,
        feeds: ctx.recording.feeds.stats(),
        rooms,
    }
}

async fn dump_peers(room: &Room) -> Vec<PeerDump> {
    let links = room.links();
    let mut asked = Vec::with_capacity(links.len());
    for link in links {
        let (tx, rx) = oneshot::channel();
        // Not `link.send`: a full queue here must not count as a lost notification.
        let sent = link.events.try_send(PeerEvent::Inspect(tx)).is_ok();
        asked.push((link.info, sent.then_some(rx)));
    }
    let mut peers = Vec::with_capacity(asked.len());
    for (info, rx) in asked {
        let answer = match rx {
            Some(rx) => tokio::time::timeout(PEER_TIMEOUT, rx).await.ok().and_then(Result::ok),
            None => None,
        };
        peers.push(answer.unwrap_or_else(|| PeerDump {
            peer_id: info.peer_id.clone(),
            display_name: info.display_name.clone(),
            role: info.role.as_str().to_string(),
            busy: true,
            transports: vec![],
            producers: vec![],
            consumers: vec![],
            feed: None,
        }));
    }
    peers.sort_by(|a, b| a.peer_id.cmp(&b.peer_id));
    peers
}

/// The admin API's URL on the server at `base` (`http(s)://host:port`, or the signaling URL
/// `ws(s)://host:port/ws`, which names the same server).
pub fn rooms_url(base: &str, room: Option<&str>) -> Result<String, crate::http_client::HttpError> {
    let bad = || crate::http_client::HttpError::BadUrl { url: base.to_string() };
    let base = base.trim().trim_end_matches('/');
    let base = base.strip_suffix("/ws").unwrap_or(base);
    let base = if let Some(rest) = base.strip_prefix("ws://") {
        format!("http://{rest}")
    } else if let Some(rest) = base.strip_prefix("wss://") {
        format!("https://{rest}")
    } else if base.starts_with("http://") || base.starts_with("https://") {
        base.to_string()
    } else {
        return Err(bad());
    };
    if base
        .split_once("://")
        .is_none_or(|(_, rest)| rest.is_empty() || rest.contains('/'))
    {
        return Err(bad());
    }
    Ok(match room {
        // Room names are `A-Z a-z 0-9 - _ .`, nothing to escape; anything else names no room.
        Some(r)
            if !r.is_empty()
                && r.len() <= 64
                && r.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)) =>
        {
            format!("{base}/admin/rooms?room={r}")
        }
        Some(_) => return Err(bad()),
        None => format!("{base}/admin/rooms"),
    })
}

/// Reads the dump of the server at `base` with the admin `token`.
pub async fn fetch(
    client: &crate::http_client::HttpClient,
    base: &str,
    token: &str,
    room: Option<&str>,
) -> Result<ServerDump, crate::http_client::HttpError> {
    client.get_json(&rooms_url(base, room)?, Some(token)).await
}

#[cfg(test)]
mod tests {
    use super::rooms_url;

    #[test]
    fn admin_urls() {
        assert_eq!(rooms_url("http://h:8080", None).unwrap(), "http://h:8080/admin/rooms");
        assert_eq!(rooms_url("http://h:8080/", None).unwrap(), "http://h:8080/admin/rooms");
        assert_eq!(
            rooms_url("ws://h:8080/ws", Some("a.b")).unwrap(),
            "http://h:8080/admin/rooms?room=a.b"
        );
        assert_eq!(rooms_url("wss://h/ws", None).unwrap(), "https://h/admin/rooms");
        assert!(rooms_url("h:8080", None).is_err());
        assert!(rooms_url("http://", None).is_err());
        assert!(rooms_url("http://h/other", None).is_err());
        assert!(rooms_url("http://h", Some("x&y=1")).is_err());
        assert!(rooms_url("http://h", Some("")).is_err());
    }
}
