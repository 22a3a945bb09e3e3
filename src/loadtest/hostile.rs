//! Hostile clients for the noisy-neighbour scenario: raw WebSockets next to the real peers of a
//! room, each acting out one kind of abuse in a loop until the phase ends: request floods,
//! binary frames, frames over the hard limit, join-and-drop loops and duplicate consumes. They
//! count what they did and how the server answered; the verdict is the real viewers' numbers.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde::Serialize;
use serde_json::{json, Value};
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::Message;
use tokio_util::sync::CancellationToken;

type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// How long one step may wait for the server.
const STEP_TIMEOUT: Duration = Duration::from_secs(5);
/// A frame over the server's default `limits.max_frame_bytes` (1 MiB).
const OVERSIZE_BYTES: usize = (1 << 20) + 1024;
/// Messages of one flood burst (over the default burst of 100: rate limited, then cut off).
const FLOOD_BURST: usize = 400;

/// The kinds of abuse, assigned round-robin to a room's hostile clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HostileKind {
    Flood,
    Binary,
    Oversize,
    JoinAndDrop,
    DuplicateConsume,
}

const KINDS: [HostileKind; 5] = [
    HostileKind::Flood,
    HostileKind::Binary,
    HostileKind::Oversize,
    HostileKind::JoinAndDrop,
    HostileKind::DuplicateConsume,
];

/// What the hostile clients of a phase did, summed.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct HostileReport {
    pub clients: usize,
    /// Frames sent.
    pub frames: u64,
    /// Error answers received (rate_limited, bad_request, limit_exceeded, ...).
    pub errors: u64,
    /// Connections the server closed (1008 flood, 1009 oversize) or the client dropped.
    pub closes: u64,
    /// Connections that could not be opened.
    pub connect_failures: u64,
}

#[derive(Default)]
struct Counters {
    frames: AtomicU64,
    errors: AtomicU64,
    closes: AtomicU64,
    connect_failures: AtomicU64,
}

impl Counters {
    fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }
}

/// Runs `count` hostile clients against `room` at `url` until `cancel`; returns their numbers.
pub async fn run_hostile(url: String, room: String, count: usize, cancel: CancellationToken) -> HostileReport {
    let counters = Arc::new(Counters::default());
    let mut tasks = JoinSet::new();
    for i in 0..count {
        let (url, room, cancel, counters) = (url.clone(), room.clone(), cancel.clone(), Arc::clone(&counters));
        tasks.spawn(async move {
            let kind = KINDS[i % KINDS.len()];
            while !cancel.is_cancelled() {
                tokio::select! {
                    _ = cancel.cancelled() => break,
                    _ = one_round(&url, &room, kind, &counters) => {}
                }
                // A short pause between rounds keeps reconnect loops from spinning.
                tokio::select! {
                    _ = cancel.cancelled() => break,
                    _ = tokio::time::sleep(Duration::from_millis(50)) => {}
                }
            }
        });
    }
    while tasks.join_next().await.is_some() {}
    HostileReport {
        clients: count,
        frames: counters.frames.load(Ordering::Relaxed),
        errors: counters.errors.load(Ordering::Relaxed),
        closes: counters.closes.load(Ordering::Relaxed),
        connect_failures: counters.connect_failures.load(Ordering::Relaxed),
    }
}

/// A server on 127.0.0.1 is reached from 127.0.0.2: the hostile clients are a client address
/// of their own, as an attacker next to real users would be, so per-address limits tell them
/// from the load tool's real peers. Anything else is reached as the URL says.
async fn connect(url: &str) -> Result<Socket, tokio_tungstenite::tungstenite::Error> {
    let loopback_v4 = url
        .strip_prefix("ws://")
        .and_then(|rest| rest.split('/').next())
        .and_then(|host| host.parse::<std::net::SocketAddr>().ok())
        .filter(|addr| addr.ip() == std::net::Ipv4Addr::LOCALHOST);
    let Some(server) = loopback_v4 else {
        return tokio_tungstenite::connect_async(url).await.map(|(ws, _)| ws);
    };
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind((std::net::Ipv4Addr::new(127, 0, 0, 2), 0).into())?;
    let stream = socket.connect(server).await?;
    let (ws, _) = tokio_tungstenite::client_async(url, tokio_tungstenite::MaybeTlsStream::Plain(stream)).await?;
    Ok(ws)
}

/// One connection's worth of abuse: connect, misbehave, end (however the server ends it).
async fn one_round(url: &str, room: &str, kind: HostileKind, counters: &Counters) {
    let ws = match tokio::time::timeout(STEP_TIMEOUT, connect(url)).await {
        Ok(Ok(ws)) => ws,
        _ => {
            Counters::add(&counters.connect_failures, 1);
            // The server refused (per-IP limit, draining): back off.
            tokio::time::sleep(Duration::from_millis(500)).await;
            return;
        }
    };
    let mut c = Hostile {
        ws,
        counters,
        next_id: 1,
    };
    let _ = tokio::time::timeout(Duration::from_secs(30), c.act(room, kind)).await;
    Counters::add(&counters.closes, 1);
    // Most kinds end with a dropped socket (no close frame): the server must release it.
    drop(c);
}

struct Hostile<'a> {
    ws: Socket,
    counters: &'a Counters,
    next_id: u64,
}

impl Hostile<'_> {
    async fn act(&mut self, room: &str, kind: HostileKind) -> Option<()> {
        match kind {
            HostileKind::Flood => {
                for _ in 0..FLOOD_BURST {
                    self.send_request("ping", json!({})).await?;
                }
                self.drain().await;
            }
            HostileKind::Binary => {
                for i in 0..50u8 {
                    self.send(Message::Binary(vec![i; 64].into())).await?;
                    self.answer().await?;
                }
            }
            HostileKind::Oversize => {
                self.send(Message::Text("x".repeat(OVERSIZE_BYTES).into())).await?;
                self.drain().await;
            }
            HostileKind::JoinAndDrop => {
                self.request(
                    "join",
                    json!({"room": room, "role": "viewer", "displayName": "hostile"}),
                )
                .await?;
                self.request("createTransport", json!({"direction": "recv"})).await?;
            }
            HostileKind::DuplicateConsume => self.duplicate_consumes(room).await?,
        }
        Some(())
    }

    /// Joins with the router's capabilities and consumes every producer of the room again and
    /// again on one transport, until the per-peer limit answers.
    async fn duplicate_consumes(&mut self, room: &str) -> Option<()> {
        let caps = self.request("getRouterRtpCapabilities", json!({})).await?;
        let join = json!({"room": room, "role": "viewer", "rtpCapabilities": caps["routerRtpCapabilities"]});
        let joined = self.request("join", join).await?;
        let transport = self.request("createTransport", json!({"direction": "recv"})).await?;
        let producers: Vec<Value> = joined["producers"]
            .as_array()
            .map(|p| p.iter().map(|p| p["producerId"].clone()).collect())
            .unwrap_or_default();
        for _ in 0..20 {
            for producer in &producers {
                let data = json!({"transportId": transport["transportId"], "producerId": producer});
                self.request("consume", data).await;
            }
        }
        self.request("leave", json!({})).await;
        Some(())
    }

    async fn send(&mut self, m: Message) -> Option<()> {
        Counters::add(&self.counters.frames, 1);
        tokio::time::timeout(STEP_TIMEOUT, self.ws.send(m)).await.ok()?.ok()
    }

    async fn send_request(&mut self, method: &str, data: Value) -> Option<()> {
        let id = self.next_id;
        self.next_id += 1;
        let text = json!({"id": id, "method": method, "data": data}).to_string();
        self.send(Message::Text(text.into())).await
    }

    /// Sends a request and returns its answer's data (None on an error answer or a close).
    async fn request(&mut self, method: &str, data: Value) -> Option<Value> {
        self.send_request(method, data).await?;
        let answer = self.answer().await?;
        (answer["ok"] == json!(true)).then(|| answer["data"].clone())
    }

    /// The next answer (notifications skipped), counting errors; None when the socket ended.
    async fn answer(&mut self) -> Option<Value> {
        for _ in 0..1000 {
            let frame = tokio::time::timeout(STEP_TIMEOUT, self.ws.next()).await.ok()??;
            let Ok(Message::Text(text)) = frame else {
                if matches!(frame, Ok(Message::Close(_)) | Err(_)) {
                    return None;
                }
                continue;
            };
            let v: Value = serde_json::from_str(&text).ok()?;
            if v.get("notification").is_some() {
                continue;
            }
            if v["ok"] != json!(true) {
                Counters::add(&self.counters.errors, 1);
            }
            return Some(v);
        }
        None
    }

    /// Reads answers until the server closes or goes quiet.
    async fn drain(&mut self) {
        for _ in 0..2 * FLOOD_BURST {
            if self.answer().await.is_none() {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_used_by_five_clients() {
        let used: std::collections::HashSet<_> = (0..5).map(|i| KINDS[i % KINDS.len()]).collect();
        assert_eq!(used.len(), 5);
    }

    #[tokio::test]
    async fn an_unreachable_server_counts_connect_failures_and_stops() {
        // A port nothing listens on (bound, then dropped).
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let cancel = CancellationToken::new();
        let stop = cancel.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(300)).await;
            stop.cancel();
        });
        let r = run_hostile(format!("ws://127.0.0.1:{port}/ws"), "r".into(), 2, cancel).await;
        assert_eq!((r.clients, r.frames), (2, 0));
        assert!(r.connect_failures >= 2, "{r:?}");
    }
}
