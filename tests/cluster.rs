//! A cluster of three `sfu serve` processes on one real `redis-server`, all on loopback ports
//! picked here (docs/cluster.md). A broadcaster (audio and video) on node A homes the room
//! there; live and feed viewers on nodes B and C get its producers piped in from A (SRTP
//! PipeTransports set up by signed node-to-node requests) and lose nothing; the feed viewers on
//! C hear the utterances spoken on A from their first packet (C taps the piped producers into
//! its own buffer). A broadcaster joining B is redirected to A. Then, while C's viewers keep
//! watching: node B is SIGKILLed and vanishes from the registry, A's pipes to it close, C loses
//! nothing; Redis is killed, `/healthz` says `degraded` and C still loses nothing.
//!
//! Skipped (with a message) only when `redis-server` is not installed (scripts/setup installs
//! it).

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use sfu::http_client::admin::{moderate, Moderation};
use sfu::http_client::HttpClient;
use sfu::synthetic::media::{SpeechPattern, VideoPattern};
use sfu::synthetic::{run_broadcasters, run_viewers, BroadcastOptions, PeerReport, Report, ViewerOptions};

mod common;

/// The tests here run one after the other: each runs a Redis and three nodes.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

const SECRET: &str = "cluster-test-secret-0123456789";
const ADMIN_TOKEN: &str = "cluster-test-admin-token-0123";
/// Generous on a loaded 2-core machine: the registry's TTL is 3 s.
const WAIT: Duration = Duration::from_secs(20);

/// A child process killed (SIGKILL) and reaped on drop.
struct Proc {
    child: Child,
}

impl Proc {
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A throwaway Redis on a free loopback port: no persistence.
fn start_redis() -> (Proc, u16) {
    let port = free_port();
    (start_redis_on(port), port)
}

fn start_redis_on(port: u16) -> Proc {
    let child = Command::new("redis-server")
        .args([
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("redis-server starts");
    let redis = Proc { child };
    let deadline = Instant::now() + WAIT;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "redis-server listens on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
    redis
}

struct Node {
    proc: Proc,
    id: String,
    /// `http://127.0.0.1:port`
    url: String,
}

impl Node {
    fn ws(&self) -> String {
        format!("{}/ws", self.url.replacen("http://", "ws://", 1))
    }
}

/// `sfu serve` in the cluster on `redis_port` with `cluster.max_peers` (0: none), on an
/// ephemeral port; waits for its "serving" line.
fn start_node_with(id: &str, redis_port: u16, max_peers: usize) -> Node {
    start_node_config(id, redis_port, &format!("max_peers = {max_peers}"))
}

/// `sfu serve` in the cluster with these `[cluster]` lines.
fn start_node_config(id: &str, redis_port: u16, cluster: &str) -> Node {
    start_node_toml(id, redis_port, &format!("[cluster]\n{cluster}\n"))
}

/// `sfu serve` in the cluster with this config file.
fn start_node_toml(id: &str, redis_port: u16, toml: &str) -> Node {
    let config = std::env::temp_dir().join(format!("sfu-cluster-test-{id}-{}.toml", std::process::id()));
    std::fs::write(&config, toml).unwrap();
    let node = start(id, redis_port, &config);
    let _ = std::fs::remove_file(&config);
    node
}

/// The Firebase project of the nodes with auth: they take unsigned emulator tokens (nothing
/// listens at the emulator address; such tokens are checked without it).
const PROJECT: &str = "demo-sfu-cluster";

/// A node that requires a token of [`PROJECT`].
fn start_auth_node(id: &str, redis_port: u16) -> Node {
    let toml = format!("[auth]\nmode = \"firebase\"\nproject_id = \"{PROJECT}\"\nemulator_host = \"127.0.0.1:9\"\n");
    start_node_toml(id, redis_port, &toml)
}

fn start_node(id: &str, redis_port: u16) -> Node {
    start_node_with(id, redis_port, 0)
}

/// `sfu serve --config config` in the cluster on `redis_port`.
fn start(id: &str, redis_port: u16, config: &std::path::Path) -> Node {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sfu"))
        .args(["serve", "--workers", "1", "--rtc-ports", "20000-59999"])
        .arg("--config")
        .arg(config)
        .args(["--cluster", &format!("redis://127.0.0.1:{redis_port}"), "--node-id", id])
        .env("SFU_LISTEN", "127.0.0.1:0")
        .env("SFU_CLUSTER_SECRET", SECRET)
        .env("SFU_ADMIN_TOKEN", ADMIN_TOKEN)
        .env(
            "RUST_LOG",
            std::env::var("SFU_TEST_LOG").unwrap_or_else(|_| "warn".into()),
        )
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let name = id.to_string();
    let echo = std::env::var_os("SFU_TEST_LOG").is_some();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if let Some(rest) = line.strip_prefix("sfu serving on http://") {
                let _ = tx.send(rest.split('/').next().unwrap().to_string());
            } else if echo || line.contains("ERROR") || line.contains("panicked") {
                eprintln!("[{name}] {line}");
            }
        }
    });
    let addr = rx.recv_timeout(WAIT).expect("sfu serve prints its address");
    Node {
        proc: Proc { child },
        id: id.to_string(),
        url: format!("http://{addr}"),
    }
}

async fn get_json(url: &str) -> Value {
    let client = HttpClient::new(None).unwrap();
    client
        .get_json(url, None)
        .await
        .unwrap_or_else(|e| panic!("GET {url}: {e}"))
}

async fn node_ids(node: &Node) -> Vec<String> {
    let nodes = get_json(&format!("{}/cluster/nodes", node.url)).await;
    let list = nodes["nodes"].as_array().cloned().unwrap_or_default();
    list.iter().map(|n| n["id"].as_str().unwrap().to_string()).collect()
}

async fn node_record(node: &Node, id: &str) -> Value {
    let nodes = get_json(&format!("{}/cluster/nodes", node.url)).await;
    let list = nodes["nodes"].as_array().cloned().unwrap_or_default();
    list.into_iter().find(|n| n["id"] == id).unwrap_or(Value::Null)
}

/// Polls `f` until it holds; how long it took.
async fn until<F: std::future::Future<Output = bool>>(what: &str, mut f: impl FnMut() -> F) -> Duration {
    let start = Instant::now();
    while !f().await {
        assert!(start.elapsed() < WAIT, "timed out waiting for: {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    start.elapsed()
}

async fn metric(node: &Node, name: &str) -> f64 {
    let client = HttpClient::new(None).unwrap();
    let body = client.get(&format!("{}/metrics", node.url), None).await.unwrap();
    let text = String::from_utf8_lossy(&body).to_string();
    text.lines()
        .find_map(|l| {
            l.strip_prefix(name)
                .and_then(|v| v.strip_prefix(' '))
                .map(|v| v.parse().unwrap())
        })
        .unwrap_or(0.0)
}

/// `node`'s pipe transports to other nodes (`out`) or from them (`in`).
async fn pipe_transports(node: &Node, direction: &str) -> f64 {
    metric(
        node,
        &format!("sfu_cluster_pipe_transports{{direction=\"{direction}\"}}"),
    )
    .await
}

/// One `join` over a raw WebSocket; the response.
async fn join(node: &Node, room: &str, role: &str) -> Value {
    let (mut ws, _) = tokio_tungstenite::connect_async(node.ws()).await.unwrap();
    let request = json!({"id": 1, "method": "join", "data": {"room": room, "role": role}});
    ask(&mut ws, 1, request).await
}

type Ws = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Sends `request` (whose id is `id`); its answer.
async fn ask(ws: &mut Ws, id: u64, request: Value) -> Value {
    ws.send(tokio_tungstenite::tungstenite::Message::text(request.to_string()))
        .await
        .unwrap();
    loop {
        let m = ws.next().await.expect("an answer").unwrap();
        if let tokio_tungstenite::tungstenite::Message::Text(text) = m {
            let v: Value = serde_json::from_str(&text).unwrap();
            if v["id"] == id {
                return v;
            }
        }
    }
}

/// A viewer `uid`'s `join` (with its emulator token) over a raw WebSocket kept open: the
/// socket and the join's answer (an error included).
async fn join_as(node: &Node, room: &str, uid: &str) -> (Ws, Value) {
    let (mut ws, _) = tokio_tungstenite::connect_async(node.ws()).await.unwrap();
    let token = common::emulator_token(PROJECT, uid, "viewer");
    let request = json!({"id": 1, "method": "join", "data": {"room": room, "role": "viewer", "token": token}});
    let joined = ask(&mut ws, 1, request).await;
    (ws, joined)
}

/// A viewer's `join` over a raw WebSocket kept open: the socket and the join's answer.
async fn viewer_socket(node: &Node, room: &str) -> (Ws, Value) {
    let (mut ws, _) = tokio_tungstenite::connect_async(node.ws()).await.unwrap();
    let request = json!({"id": 1, "method": "join", "data": {"room": room, "role": "viewer"}});
    let joined = ask(&mut ws, 1, request).await;
    assert!(joined["error"].is_null(), "{joined}");
    (ws, joined)
}

/// Waits for the notification `name` on `ws`, then for the socket's close: its close code.
async fn notified_then_closed(ws: &mut Ws, name: &str) -> u16 {
    let wait = async {
        let mut seen = false;
        while let Some(m) = ws.next().await {
            match m {
                Ok(tokio_tungstenite::tungstenite::Message::Text(text)) => {
                    seen |= serde_json::from_str::<Value>(&text).unwrap()["notification"] == name;
                }
                Ok(tokio_tungstenite::tungstenite::Message::Close(Some(frame))) if seen => {
                    return u16::from(frame.code);
                }
                Ok(_) => {}
                Err(e) => panic!("socket error before {name}: {e}"),
            }
        }
        panic!("socket ended without {name} and a close frame");
    };
    tokio::time::timeout(WAIT, wait).await.expect(name)
}

/// POST to an admin route of `node` until it answers 2xx (the cluster's view is up to a
/// second old); its JSON answer.
async fn admin_post(node: &Node, path: &str) -> Value {
    let client = HttpClient::new(None).unwrap();
    let url = format!("{}{path}", node.url);
    let start = Instant::now();
    loop {
        match client.post(&url, Some(ADMIN_TOKEN)).await {
            Ok(body) => return serde_json::from_slice(&body).unwrap(),
            Err(e) => assert!(start.elapsed() < WAIT, "POST {url}: {e}"),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `join`, then `leave` at once (the peer is gone, not parked for a resume); the join's answer.
async fn join_and_leave(node: &Node, room: &str, role: &str) -> Value {
    let (mut ws, _) = tokio_tungstenite::connect_async(node.ws()).await.unwrap();
    let request = json!({"id": 1, "method": "join", "data": {"room": room, "role": role}});
    let joined = ask(&mut ws, 1, request).await;
    let left = ask(&mut ws, 2, json!({"id": 2, "method": "leave", "data": {}})).await;
    assert!(left["error"].is_null(), "{left}");
    joined
}

fn speaker(node: &Node, room: &str, secs: u64) -> BroadcastOptions {
    let mut b = BroadcastOptions::new(node.ws(), room, 1);
    b.duration = Duration::from_secs(secs);
    b.video = true;
    b.speech = SpeechPattern {
        talk: Duration::from_millis(1200),
        silence: Duration::from_millis(800),
        variation: 0.3,
    };
    b.video_pattern = VideoPattern {
        key_frame_interval: Duration::from_secs(2),
        ..VideoPattern::default()
    };
    b
}

fn viewers(node: &Node, room: &str, count: usize, feed: bool, secs: u64) -> ViewerOptions {
    let mut v = ViewerOptions::new(node.ws(), room, count);
    v.duration = Duration::from_secs(secs);
    v.feed = feed;
    v
}

/// Every viewer connected, lost nothing and received media.
fn assert_lossless(what: &str, r: &Report) {
    println!("{what}: {}", r.summary);
    let s = &r.summary;
    assert_eq!((s.connected, s.failed), (s.peers, 0), "{what}: {s}");
    for peer in &r.peers {
        check_peer(what, peer);
    }
}

fn check_peer(what: &str, peer: &PeerReport) {
    assert!(
        peer.streams.iter().all(|s| s.lost == 0 && s.duplicates == 0),
        "{what} viewer {}: {:?}",
        peer.index,
        peer.streams
    );
    match &peer.feed {
        Some(f) => {
            assert_eq!(
                (f.seq_gaps, f.ts_backwards, f.segment_gaps),
                (0, 0, 0),
                "{what} viewer {}: {f:?}",
                peer.index
            );
            assert!(
                f.packets >= 50 && f.segments >= 1,
                "{what} viewer {}: {f:?}",
                peer.index
            );
            assert_eq!(
                f.segments_from_start, f.segments,
                "{what} viewer {}: utterances from their start: {f:?}",
                peer.index
            );
        }
        None => {
            assert_eq!(
                peer.streams.len(),
                2,
                "{what} viewer {}: audio and video: {:?}",
                peer.index,
                peer.streams
            );
            assert!(
                peer.streams.iter().all(|s| s.received >= 50),
                "{what} viewer {}: {:?}",
                peer.index,
                peer.streams
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_room_spans_three_nodes_and_outlives_a_dead_node_and_redis() {
    let _serial = SERIAL.lock().await;
    if !common::have_redis() {
        return;
    }
    let started = Instant::now();
    let (mut redis, redis_port) = start_redis();
    let a = start_node("node-a", redis_port);
    let mut b = start_node("node-b", redis_port);
    // C takes 4 peers; then it sends viewers to the least loaded node.
    let c = start_node_with("node-c", redis_port, 4);
    let all = vec!["node-a".to_string(), "node-b".into(), "node-c".into()];
    until("three nodes in the registry", || async { node_ids(&a).await == all }).await;
    let room = "cluster-room";

    // The broadcaster homes the room on A; a broadcaster joining B is sent there. It stands for
    // one that does not come back when A dies (step 5): the room waits for another.
    let mut first = speaker(&a, room, 26);
    first.target.failover = false;
    let broadcaster = tokio::spawn(run_broadcasters(first));
    until("producing audio and video on A", || async {
        metric(&a, "sfu_producers").await >= 2.0
    })
    .await;
    let redirect = join(&b, room, "broadcaster").await;
    assert_eq!(redirect["error"]["code"], "redirect", "{redirect}");
    assert_eq!(redirect["error"]["url"], a.url.as_str(), "{redirect}");

    // Live (audio and video) and feed viewers on B and C.
    let live_b = tokio::spawn(run_viewers(viewers(&b, room, 2, false, 7)));
    let live_c = tokio::spawn(run_viewers(viewers(&c, room, 2, false, 7)));
    let feed_b = tokio::spawn(run_viewers(viewers(&b, room, 1, true, 7)));
    let feed_c = tokio::spawn(run_viewers(viewers(&c, room, 2, true, 7)));
    until("A pipes audio and video to B and C", || async {
        node_record(&a, "node-a").await["pipes_out"] == 4
    })
    .await;
    // Each edge pipes in the two producers once, whatever its number of viewers.
    until("B and C pipe audio and video in", || async {
        node_record(&a, "node-b").await["pipes_in"] == 2 && node_record(&a, "node-c").await["pipes_in"] == 2
    })
    .await;
    // ... both over one pipe transport per edge: two on the home, one on each edge.
    assert_eq!(pipe_transports(&a, "out").await, 2.0);
    assert_eq!(
        (pipe_transports(&b, "in").await, pipe_transports(&c, "in").await),
        (1.0, 1.0)
    );
    // C is at its limit: a viewer joining it is sent to the least loaded node, A.
    until("C at 4 peers, seen from C: B with 3", || async {
        metric(&c, "sfu_peers").await == 4.0 && node_record(&c, "node-b").await["peers"] == 3
    })
    .await;
    let full = join(&c, room, "viewer").await;
    assert_eq!(full["error"]["code"], "redirect", "{full}");
    assert_eq!(full["error"]["url"], a.url.as_str(), "{full}");
    // Packets over the pipes are counted on both ends.
    until("cross-node packets counted", || async {
        metric(&a, "sfu_cluster_packets_total{direction=\"out\"}").await > 100.0
            && metric(&c, "sfu_cluster_packets_total{direction=\"in\"}").await > 50.0
    })
    .await;
    // `sfu inspect` on any node shows every node with its load and pipes.
    let url = a.url.clone();
    let inspect = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_sfu"))
            .args(["inspect", "--url", &url, "--token", ADMIN_TOKEN])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&inspect.stdout);
    assert!(
        inspect.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&inspect.stderr)
    );
    println!("sfu inspect:\n{text}");
    assert!(text.contains("cluster: 3 nodes (asked node-a)"), "{text}");
    assert!(
        ["node-a", "node-b", "node-c"].iter().all(|n| text.contains(n)),
        "{text}"
    );
    // ... and each room with its home, its edges and the pipes to each (out on A / in there).
    let line = text
        .lines()
        .skip_while(|l| !l.starts_with("cluster rooms: 1"))
        .find(|l| l.trim_start().starts_with(room))
        .unwrap_or_else(|| panic!("no line for {room} under the cluster's rooms: {text}"));
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        fields,
        [room, "node-a", "4", "node-b", "2/2,", "node-c", "2/2"],
        "{text}"
    );
    for (what, r) in [
        ("live B", live_b),
        ("live C", live_c),
        ("feed B", feed_b),
        ("feed C", feed_c),
    ] {
        assert_lossless(what, &r.await.unwrap().unwrap());
    }
    println!("phase 1 done at {:?}", started.elapsed());

    // A second round on C (and one viewer on B, which dies with it): B is killed, then Redis.
    let watch_c = tokio::spawn(run_viewers(viewers(&c, room, 2, false, 11)));
    let feed_c = tokio::spawn(run_viewers(viewers(&c, room, 1, true, 11)));
    // B's viewer is given B only: when B dies it asks a node it learnt of at its join (B's
    // `/cluster/nodes`) for the live ones, joins one and sets its media up again there.
    let moving = tokio::spawn(run_viewers(viewers(&b, room, 1, false, 11)));
    until("B has its pipes again", || async {
        node_record(&a, "node-b").await["pipes_in"] == 2
    })
    .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    b.proc.kill();
    let gone = until("B gone from the registry", || async {
        node_ids(&a).await == ["node-a", "node-c"] && node_ids(&c).await == ["node-a", "node-c"]
    })
    .await;
    println!("B vanished from the registry {gone:?} after its SIGKILL");
    until("A's pipes to B closed", || async {
        node_record(&a, "node-a").await["pipes_out"] == 2
    })
    .await;
    redis.kill();
    let degraded = until("A and C degraded", || async {
        let a = get_json(&format!("{}/healthz", a.url)).await;
        let c = get_json(&format!("{}/healthz", c.url)).await;
        a["status"] == "degraded" && c["status"] == "degraded"
    })
    .await;
    println!("degraded {degraded:?} after Redis stopped");
    assert_lossless("live C through B's death and Redis's", &watch_c.await.unwrap().unwrap());
    assert_lossless("feed C through B's death and Redis's", &feed_c.await.unwrap().unwrap());
    let moved = moving.await.unwrap().unwrap();
    println!("B's viewer, moved to A or C: {}", moved.summary);
    let peer = &moved.peers[0];
    assert_eq!(
        (moved.summary.connected, moved.summary.failed),
        (1, 0),
        "{}",
        moved.summary
    );
    assert_eq!(peer.media_resets, 1, "{peer:?}");
    let recovery = peer.recovery.expect("media again on C");
    println!("B's viewer receives again from A or C {recovery:?} after B's death");
    assert!(recovery < Duration::from_secs(5), "{recovery:?}");
    assert!(
        peer.streams.iter().all(|s| s.lost == 0 && s.duplicates == 0),
        "{:?}",
        peer.streams
    );
    // B's consumers (closed with B) then the new node's, which carried the rest of the run.
    assert_eq!(peer.streams.len(), 4, "{:?}", peer.streams);
    assert!(peer.streams[2..].iter().all(|s| s.received >= 50), "{:?}", peer.streams);
    // New cross-node work is refused meanwhile.
    let refused = join(&c, "another-room", "viewer").await;
    assert_eq!(refused["error"]["code"], "cluster_unavailable", "{refused}");

    // Redis comes back (empty): the nodes reconnect, register again, A claims its room again.
    let _redis = start_redis_on(redis_port);
    let back = until("A and C back to ok", || async {
        let a_health = get_json(&format!("{}/healthz", a.url)).await;
        let c_health = get_json(&format!("{}/healthz", c.url)).await;
        a_health["status"] == "ok" && c_health["status"] == "ok" && node_ids(&c).await == ["node-a", "node-c"]
    })
    .await;
    println!("back to ok {back:?} after Redis restarted");
    let redirect = join(&c, room, "broadcaster").await;
    assert_eq!(
        redirect["error"]["url"],
        a.url.as_str(),
        "A holds the room again: {redirect}"
    );
    // A synthetic broadcaster aimed at C follows the redirect to A.
    let second = run_broadcasters(speaker(&c, room, 2)).await.unwrap();
    assert_eq!(
        (second.summary.connected, second.summary.failed),
        (1, 0),
        "{}",
        second.summary
    );
    assert!(second.peers[0].packets_sent > 50, "{}", second.summary);

    // The home dies: C's pipes from it close (its viewer hears producerClosed).
    let watcher = viewers(&c, room, 1, false, 60);
    let stop_watching = watcher.cancel.clone();
    let watcher = tokio::spawn(run_viewers(watcher));
    until("C pipes the room in again", || async {
        metric(&c, "sfu_cluster_pipes{direction=\"in\"}").await == 2.0
    })
    .await;
    // The watcher receives the old home's media for a moment first.
    tokio::time::sleep(Duration::from_secs(1)).await;
    drop(a);
    let home_gone = until("C closed the pipes from the dead home", || async {
        node_ids(&c).await == ["node-c"]
            && metric(&c, "sfu_cluster_pipes{direction=\"in\"}").await == 0.0
            && pipe_transports(&c, "in").await == 0.0
    })
    .await;
    println!("the home's pipes closed on C {home_gone:?} after its SIGKILL");
    let _ = broadcaster.await;

    // The room gets a new home when a broadcaster comes back, on a node restarted as B: C,
    // whose viewer stayed, becomes an edge of the new home and pipes its producers in.
    drop(b);
    let b = start_node("node-b", redis_port);
    until("C sees the new B", || async {
        node_ids(&c).await == ["node-b", "node-c"]
    })
    .await;
    let comeback = tokio::spawn(run_broadcasters(speaker(&b, room, 4)));
    let rehomed = until("C pipes the room in from its new home", || async {
        metric(&c, "sfu_cluster_pipes{direction=\"in\"}").await == 2.0
    })
    .await;
    println!("C pipes from the new home {rehomed:?} after the broadcaster started on B");
    let comeback = comeback.await.unwrap().unwrap();
    assert_eq!(
        (comeback.summary.connected, comeback.summary.failed),
        (1, 0),
        "{}",
        comeback.summary
    );
    stop_watching.cancel();
    let watched = watcher.await.unwrap().unwrap();
    let streams = &watched.peers[0].streams;
    println!("the watcher's streams: {streams:?}");
    // The old home's producers (until it died), then the new home's two, over their pipes.
    assert!(streams.iter().all(|s| s.lost == 0 && s.duplicates == 0), "{streams:?}");
    assert_eq!(streams.len(), 4, "{streams:?}");
    assert!(streams[2..].iter().all(|s| s.received >= 50), "{streams:?}");
    println!("done in {:?} (nodes {}, {})", started.elapsed(), b.id, c.id);
}

/// The node (of `nodes`) with at least `producers` producers, if one has.
async fn producing<'a>(nodes: &[&'a Node], producers: f64) -> Option<&'a Node> {
    for n in nodes {
        if metric(n, "sfu_producers").await >= producers {
            return Some(n);
        }
    }
    None
}

/// Has the process exited (and how)?
fn exited(node: &mut Node) -> Option<std::process::ExitStatus> {
    node.proc.child.try_wait().unwrap()
}

/// Every stream lossless, and the last two (after the last move) carried media.
fn assert_moved(what: &str, r: &Report, resets: std::ops::RangeInclusive<u32>) {
    println!("{what}: {}", r.summary);
    assert_eq!((r.summary.connected, r.summary.failed), (1, 0), "{what}: {}", r.summary);
    let peer = &r.peers[0];
    assert!(peer.error.is_none(), "{what}: {peer:?}");
    assert!(resets.contains(&peer.media_resets), "{what}: {peer:?}");
    let streams = &peer.streams;
    assert!(
        streams.iter().all(|s| s.lost == 0 && s.duplicates == 0),
        "{what}: {streams:?}"
    );
    assert!(streams.len() >= 4, "{what}: {streams:?}");
    assert!(
        streams[streams.len() - 2..].iter().all(|s| s.received >= 50),
        "{what}: {streams:?}"
    );
}

/// Peers given one node's URL only find a live node when theirs dies (SIGKILL) and set their
/// media up again there: the broadcaster makes the room's new home on the node it reaches once
/// the dead home's record expired, within 5 s; its viewers follow. Then the new home drains
/// (SIGTERM): it releases the room and sends its peers (`redirect`) to the other node, where the
/// broadcaster makes the room's home again and every viewer receives from it; the drained node
/// exits 0.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn peers_find_a_live_node_when_theirs_dies_and_follow_a_draining_home() {
    let _serial = SERIAL.lock().await;
    // The synthetic peers' own log (e.g. SFU_TEST_PEER_LOG=sfu::synthetic=debug).
    if let Ok(filter) = std::env::var("SFU_TEST_PEER_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_test_writer()
            .try_init();
    }
    if !common::have_redis() {
        return;
    }
    let (_redis, redis_port) = start_redis();
    // A places a new room elsewhere as soon as another node has fewer peers.
    let mut a = start_node_config("node-a", redis_port, "placement_slack = 0");
    let mut b = start_node("node-b", redis_port);
    let mut c = start_node("node-c", redis_port);
    let all = vec!["node-a".to_string(), "node-b".into(), "node-c".into()];
    // As every node sees them: the peers learn the others from A's list.
    until("three nodes in the registry", || async {
        node_ids(&a).await == all && node_ids(&c).await == all
    })
    .await;
    let room = "moving-room";

    // Every peer is given its first node's URL only.
    let talk = speaker(&a, room, 120);
    let stop_talking = talk.cancel.clone();
    let talk = tokio::spawn(run_broadcasters(talk));
    until("producing on A", || async { metric(&a, "sfu_producers").await >= 2.0 }).await;
    let on_a = viewers(&a, room, 1, false, 120);
    let on_c = viewers(&c, room, 1, false, 120);
    let stop_watching = [on_a.cancel.clone(), on_c.cancel.clone()];
    let (on_a, on_c) = (tokio::spawn(run_viewers(on_a)), tokio::spawn(run_viewers(on_c)));
    until("A has its viewer, C pipes the room in", || async {
        metric(&a, "sfu_peers").await == 2.0 && metric(&c, "sfu_cluster_pipes{direction=\"in\"}").await == 2.0
    })
    .await;
    // Placement: A homed the room (every node had 0 peers). A new room's first join on A, which
    // has 2 peers now, is sent to B, the node with the most headroom (0 peers; C has 1); B
    // homes it.
    until("A sees B with no peer and C with one", || async {
        node_record(&a, "node-b").await["peers"] == 0 && node_record(&a, "node-c").await["peers"] == 1
    })
    .await;
    let placed = join(&a, "placed-room", "viewer").await;
    assert_eq!(placed["error"]["code"], "redirect", "{placed}");
    assert_eq!(placed["error"]["url"], b.url.as_str(), "{placed}");
    let homed = join_and_leave(&b, "placed-room", "viewer").await;
    assert!(homed["error"].is_null(), "B homes the new room: {homed}");

    // Moderation across nodes: a kick sent to A of a peer on C acts on C...
    let (mut kicked, joined) = viewer_socket(&c, room).await;
    let peer = joined["data"]["peerId"].as_str().unwrap().to_string();
    let removed = admin_post(&a, &format!("/admin/rooms/{room}/peers/{peer}/remove")).await;
    assert_eq!(removed["node"], "node-c", "{removed}");
    assert_eq!(notified_then_closed(&mut kicked, "removed").await, 4005);
    // ... and a room homed on B with a viewer on C, closed through A (which has no peer of it),
    // closes on B and C.
    let (mut on_home, _) = viewer_socket(&b, "closing-room").await;
    let (mut on_edge, _) = viewer_socket(&c, "closing-room").await;
    until("A sees the room homed on B and C an edge of it", || async {
        let home = node_record(&a, "node-b").await["homes"].to_string();
        let edge = node_record(&a, "node-c").await["edges"].to_string();
        home.contains("closing-room") && edge.contains("closing-room")
    })
    .await;
    let closed = admin_post(&a, "/admin/rooms/closing-room/close").await;
    assert_eq!(closed["nodes"], json!(["node-b", "node-c"]), "{closed}");
    assert_eq!(notified_then_closed(&mut on_home, "roomClosed").await, 4006);
    assert_eq!(notified_then_closed(&mut on_edge, "roomClosed").await, 4006);
    tokio::time::sleep(Duration::from_secs(1)).await;

    // A, the home, dies: the broadcaster reaches B or C (sent back to A while A's record
    // lives), and makes the room's new home there once it expired.
    let killed = Instant::now();
    a.proc.kill();
    let home_id = loop {
        if let Some(n) = producing(&[&b, &c], 2.0).await {
            break n.id.clone();
        }
        assert!(
            killed.elapsed() < WAIT,
            "timed out waiting for the broadcaster on B or C"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let rehomed = killed.elapsed();
    println!("the broadcaster produces again on {home_id} {rehomed:?} after A's SIGKILL");
    assert!(rehomed < Duration::from_secs(5), "{rehomed:?}");
    let (home, other) = if home_id == "node-b" {
        (&mut b, &mut c)
    } else {
        (&mut c, &mut b)
    };
    until("the new home and the other node hold the two viewers", || async {
        metric(home, "sfu_peers").await + metric(other, "sfu_peers").await == 3.0
    })
    .await;
    // Both viewers receive the new home's media before the drain.
    tokio::time::sleep(Duration::from_secs(3)).await;

    // The new home drains: its peers are sent to the other node, which becomes the home.
    let draining = Instant::now();
    unsafe { libc::kill(home.proc.child.id() as i32, libc::SIGTERM) };
    let other_id = other.id.clone();
    let moved = until(
        "every peer on the other node, the broadcaster producing there",
        || async { metric(other, "sfu_peers").await == 3.0 && metric(other, "sfu_producers").await >= 2.0 },
    )
    .await;
    println!("the draining home's peers moved to {other_id} in {moved:?}");
    let status = loop {
        if let Some(status) = exited(home) {
            break status;
        }
        assert!(draining.elapsed() < WAIT, "the drained node exits");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    println!("{home_id} exited ({status}) {:?} after its SIGTERM", draining.elapsed());
    assert!(status.success(), "{status}");
    until("the other node homes the room", || async {
        node_record(other, &other_id).await["homes"][0]["room"] == room
    })
    .await;
    tokio::time::sleep(Duration::from_secs(3)).await;

    stop_talking.cancel();
    for stop in stop_watching {
        stop.cancel();
    }
    let talked = talk.await.unwrap().unwrap();
    println!("broadcaster: {}", talked.summary);
    let peer = &talked.peers[0];
    assert!(peer.error.is_none(), "{peer:?}");
    assert_eq!(peer.media_resets, 2, "a death and a drain: {peer:?}");
    // A's viewer moved at A's death and maybe again at the drain; C's only if C drained.
    assert_moved("A's viewer", &on_a.await.unwrap().unwrap(), 1..=2);
    let resets = if home_id == "node-c" { 1..=1 } else { 0..=0 };
    assert_moved("C's viewer", &on_c.await.unwrap().unwrap(), resets);
}

/// A moderator's ban holds on every node of the cluster, not only where it was made: a user
/// banned through A is refused by B, by C started after the ban (it reads the bans from
/// Redis), and by A; it still joins other rooms. A parked session removed through another
/// node is released at once. With Redis gone, a kick with a ban is refused whole (503
/// `cluster_unavailable`, the peer stays) rather than made on one node.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bans_and_removals_reach_every_node_and_parked_sessions() {
    let _serial = SERIAL.lock().await;
    if !common::have_redis() {
        return;
    }
    let (mut redis, redis_port) = start_redis();
    let a = start_auth_node("node-a", redis_port);
    let b = start_auth_node("node-b", redis_port);
    until("two nodes in the registry", || async {
        node_ids(&a).await == ["node-a", "node-b"] && node_ids(&b).await == ["node-a", "node-b"]
    })
    .await;
    let room = "ban-room";
    let (mut kicked, joined) = join_as(&a, room, "vic").await;
    assert!(joined["error"].is_null(), "{joined}");
    let peer = joined["data"]["peerId"].as_str().unwrap().to_string();
    // The same user on B too (another device) and a second time on A: the ban removes both.
    let (mut on_b, joined) = join_as(&b, room, "vic").await;
    assert!(joined["error"].is_null(), "{joined}");
    let (mut again_on_a, joined) = join_as(&a, room, "vic").await;
    assert!(joined["error"].is_null(), "{joined}");
    let client = HttpClient::new(None).unwrap();
    let kick = |peer: &str| Moderation::Kick {
        room: room.into(),
        peer: peer.into(),
        reason: Some("spam".into()),
        ban_minutes: Some(5),
    };
    let answer = moderate(&client, &a.url, ADMIN_TOKEN, &kick(&peer)).await.unwrap();
    let answer: Value = serde_json::from_slice(&answer).unwrap();
    assert_eq!(
        (answer["uid"].as_str(), answer["bannedMinutes"].as_u64()),
        (Some("vic"), Some(5))
    );
    assert_eq!(notified_then_closed(&mut kicked, "removed").await, 4005);
    assert_eq!(notified_then_closed(&mut again_on_a, "removed").await, 4005);
    assert_eq!(notified_then_closed(&mut on_b, "removed").await, 4005);

    let refused = |node: &Node| {
        let url = node.ws();
        async move {
            let (mut ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
            let token = common::emulator_token(PROJECT, "vic", "viewer");
            let request = json!({"id": 1, "method": "join", "data": {"room": room, "role": "viewer", "token": token}});
            ask(&mut ws, 1, request).await["error"]["code"] == "banned"
        }
    };
    until("B refuses the banned user", || refused(&b)).await;
    assert!(refused(&a).await, "A holds its own ban");
    let c = start_auth_node("node-c", redis_port);
    until("C, started after the ban, refuses the banned user", || refused(&c)).await;
    let (_elsewhere, other) = join_as(&c, "other-room", "vic").await;
    assert!(other["error"].is_null(), "banned from one room only: {other}");

    // A parked session (its socket dropped; it waits for `resume` and reads no events) removed
    // through another node is released at once, not at the end of its grace: it leaves the
    // room and its resume token is dead. A has no copy of the room (no one is in it there): it
    // learns the peer from the nodes that have the room, here B.
    let connections = metric(&b, "sfu_connections").await;
    let (parked, joined) = join_as(&b, room, "pat").await;
    assert!(joined["error"].is_null(), "{joined}");
    let peer = joined["data"]["peerId"].as_str().unwrap().to_string();
    let resume_token = joined["data"]["resumeToken"].clone();
    drop(parked);
    until("B parked the dropped session", || async {
        metric(&b, "sfu_connections").await == connections
    })
    .await;
    let peers = metric(&b, "sfu_peers").await;
    let plain = Moderation::Kick {
        room: room.into(),
        peer: peer.clone(),
        reason: None,
        ban_minutes: None,
    };
    until("A's registry lists B with the room", || async {
        let record = node_record(&a, "node-b").await;
        let has = |list: &str| {
            record[list]
                .as_array()
                .is_some_and(|l| l.iter().any(|r| r["room"] == room))
        };
        has("homes") || has("edges")
    })
    .await;
    let dump: Value = client
        .get_json(&format!("{}/admin/rooms", a.url), Some(ADMIN_TOKEN))
        .await
        .unwrap();
    assert!(!dump.to_string().contains(room), "A has no copy of the room: {dump}");
    until("A removes the parked peer of B", || async {
        moderate(&client, &a.url, ADMIN_TOKEN, &plain).await.is_ok()
    })
    .await;
    until("B released the parked session", || async {
        metric(&b, "sfu_peers").await == peers - 1.0
    })
    .await;
    let (mut again, _) = tokio_tungstenite::connect_async(b.ws()).await.unwrap();
    let resumed = ask(
        &mut again,
        1,
        json!({"id": 1, "method": "resume", "data": {"resumeToken": resume_token}}),
    )
    .await;
    assert_eq!(resumed["error"]["code"], "session_expired", "{resumed}");

    // Redis gone: a ban cannot be made everywhere, so none is made and the peer stays.
    let (mut stays, joined) = join_as(&b, room, "sam").await;
    assert!(joined["error"].is_null(), "{joined}");
    let peer = joined["data"]["peerId"].as_str().unwrap().to_string();
    redis.kill();
    let err = moderate(&client, &b.url, ADMIN_TOKEN, &kick(&peer)).await.unwrap_err();
    assert!(err.to_string().contains("cluster_unavailable"), "{err}");
    let ping = ask(&mut stays, 2, json!({"id": 2, "method": "ping", "data": {}})).await;
    assert!(ping["error"].is_null(), "the peer was not removed: {ping}");
}

/// A feed viewer over a raw WebSocket on `node` (its transport set up but never connected:
/// the feed runs and notifies as for a real client, its packets go nowhere).
async fn raw_feed_viewer(node: &Node, room: &str) -> Ws {
    let (mut ws, _) = tokio_tungstenite::connect_async(node.ws()).await.unwrap();
    let mut call = async |id: u64, method: &str, data: Value| {
        let answer = ask(&mut ws, id, json!({"id": id, "method": method, "data": data})).await;
        assert!(answer["error"].is_null(), "{method}: {answer}");
        answer["data"].clone()
    };
    let caps = call(1, "getRouterRtpCapabilities", json!({})).await["routerRtpCapabilities"].clone();
    call(
        2,
        "join",
        json!({"room": room, "role": "viewer", "rtpCapabilities": caps}),
    )
    .await;
    let transport = call(3, "createTransport", json!({"direction": "recv"})).await["transportId"].clone();
    let dtls = common::client_dtls_parameters();
    call(
        4,
        "connectTransport",
        json!({"transportId": transport, "dtlsParameters": dtls}),
    )
    .await;
    let consumer = call(5, "subscribeFeed", json!({"transportId": transport})).await["consumerId"].clone();
    call(6, "resumeConsumer", json!({"consumerId": consumer})).await;
    ws
}

/// The next notification on `ws` (answers skipped).
async fn next_notification(ws: &mut Ws) -> Value {
    let next = async {
        while let Some(m) = ws.next().await {
            if let Ok(tokio_tungstenite::tungstenite::Message::Text(text)) = m {
                let v: Value = serde_json::from_str(&text).unwrap();
                if v["notification"].is_string() {
                    return v;
                }
            }
        }
        panic!("the socket ended");
    };
    tokio::time::timeout(WAIT, next).await.expect("a notification")
}

/// A draining node sends a feed viewer on (`redirect`) between utterances, not where the drain
/// found it. The node is an edge of the room (its speaker is on the home, which does not move),
/// the drain comes just after the feed switched into an utterance, and the viewer hears of that
/// utterance's end (`feedSwitched` or `feedWaiting`, not cut) before its `redirect`; a viewer
/// that drops its feed meanwhile is sent on at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draining_node_moves_a_feed_viewer_between_utterances() {
    let _serial = SERIAL.lock().await;
    if !common::have_redis() {
        return;
    }
    let (_redis, redis_port) = start_redis();
    let home = start_node("node-a", redis_port);
    let mut edge = start_node("node-b", redis_port);
    until("two nodes in the registry", || async {
        node_ids(&edge).await == ["node-a", "node-b"]
    })
    .await;
    let room = "draining-feed";
    let mut talk = speaker(&home, room, 60);
    talk.video = false;
    let stop_talking = talk.cancel.clone();
    let talk = tokio::spawn(run_broadcasters(talk));
    until("producing on the home", || async {
        metric(&home, "sfu_producers").await >= 1.0
    })
    .await;
    let mut viewer = raw_feed_viewer(&edge, room).await;
    let mut leaving = raw_feed_viewer(&edge, room).await;
    while next_notification(&mut leaving).await["notification"] != "feedSwitched" {}
    while next_notification(&mut viewer).await["notification"] != "feedSwitched" {}

    let draining = Instant::now();
    unsafe { libc::kill(edge.proc.child.id() as i32, libc::SIGTERM) };
    // A viewer that drops its feed while its redirect is held gets it at once: no feed event
    // will come to end the hold.
    let dropped = ask(
        &mut leaving,
        7,
        json!({"id": 7, "method": "unsubscribeFeed", "data": {}}),
    )
    .await;
    assert!(dropped["error"].is_null(), "{dropped}");
    let unsubscribed = draining.elapsed();
    while next_notification(&mut leaving).await["notification"] != "redirect" {}
    assert!(
        draining.elapsed() - unsubscribed < Duration::from_secs(2),
        "redirected {:?} after dropping its feed",
        draining.elapsed() - unsubscribed
    );
    let mut boundary = None;
    let redirect = loop {
        let n = next_notification(&mut viewer).await;
        match n["notification"].as_str() {
            Some("feedSwitched" | "feedWaiting") if boundary.is_none() => boundary = Some((draining.elapsed(), n)),
            Some("redirect") => break n,
            _ => {}
        }
    };
    let redirected = draining.elapsed();
    println!("utterance end {boundary:?}; redirect {redirected:?} after the SIGTERM");
    let Some((_, end)) = boundary else {
        panic!("the redirect came before the utterance's end: {redirect}");
    };
    let stopped = &end["data"][if end["notification"] == "feedWaiting" {
        "stopped"
    } else {
        "reason"
    }];
    assert_eq!(stopped, "ended", "the utterance was heard to its end: {end}");
    assert_eq!(redirect["data"]["url"], home.url.as_str(), "{redirect}");
    assert!(redirected < Duration::from_secs(16), "at most an utterance's length");
    let _ = viewer.close(None).await;
    let _ = leaving.close(None).await;
    while exited(&mut edge).is_none() {
        assert!(draining.elapsed() < WAIT, "the drained node exits");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop_talking.cancel();
    let _ = talk.await;
}
