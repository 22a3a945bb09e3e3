//! Shared harness for integration tests: a real server in-process on loopback ports it picks
//! itself, and a small signaling client over a real WebSocket.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use sfu::synthetic::{BroadcastOptions, Report, ViewerOptions};
use sfu::{Config, Server, ServerHandle};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub const TIMEOUT: Duration = Duration::from_secs(10);

type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// An unsigned Firebase emulator ID token for `uid` with the custom claim `role`, of the
/// project `project` (a server with `auth.emulator_host` set accepts it).
pub fn emulator_token(project: &str, uid: &str, role: &str) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let claims = json!({
        "iss": format!("https://securetoken.google.com/{project}"),
        "aud": project, "sub": uid, "user_id": uid, "role": role,
        "iat": t - 10, "auth_time": t - 100, "exp": t + 3600,
        "firebase": {"sign_in_provider": "password"},
    });
    format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(json!({"alg": "none", "typ": "JWT"}).to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

/// Whether `redis-server` is installed (scripts/setup installs it): the cluster tests start
/// their own on a loopback port. Without it, says that the test is skipped.
pub fn have_redis() -> bool {
    let have = std::process::Command::new("redis-server")
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !have {
        eprintln!("SKIPPED: redis-server is not installed (scripts/setup installs it)");
    }
    have
}

/// `SFU_TEST_TLS=1` runs the same tests over HTTPS/WSS with the server's `--dev-tls` certificate.
pub fn tls_mode() -> bool {
    std::env::var_os("SFU_TEST_TLS").is_some()
}

/// Opens a WebSocket to the server, trusting its dev certificate when it serves TLS.
pub async fn ws_connect(server: &ServerHandle) -> Result<Ws, tokio_tungstenite::tungstenite::Error> {
    ws_connect_with_headers(server, &[]).await
}

/// [`ws_connect`] with extra headers on the upgrade request (e.g. `Authorization`).
pub async fn ws_connect_with_headers(
    server: &ServerHandle,
    headers: &[(&str, &str)],
) -> Result<Ws, tokio_tungstenite::tungstenite::Error> {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let mut request = server.ws_url().into_client_request()?;
    for (name, value) in headers {
        request.headers_mut().insert(
            tokio_tungstenite::tungstenite::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            value.parse().unwrap(),
        );
    }
    let connector = server.tls_certificate_pem().map(|pem| {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::CertificateDer;
        let mut roots = rustls::RootCertStore::empty();
        for cert in CertificateDer::pem_slice_iter(pem.as_bytes()) {
            roots.add(cert.unwrap()).unwrap();
        }
        let config = rustls::ClientConfig::builder()
            .with_root_certificates(roots)
            .with_no_client_auth();
        tokio_tungstenite::Connector::Rustls(std::sync::Arc::new(config))
    });
    tokio_tungstenite::connect_async_tls_with_config(request, None, false, connector)
        .await
        .map(|(ws, _)| ws)
}

/// A config for tests: HTTP on an ephemeral loopback port, media on loopback, `workers` workers.
pub fn test_config(workers: usize) -> Config {
    let mut c = Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        workers,
        ..Config::default()
    };
    // A wide range: mediasoup binds a free port in it, so parallel tests never collide.
    c.rtc.port_min = 20000;
    c.rtc.port_max = 59999;
    c.ice_servers.clear();
    c.tls.dev_self_signed = tls_mode();
    // Tests that drop sockets expect the peer released at once; resume tests set a grace.
    c.limits.resume_grace_secs = 0;
    // Every test peer connects from 127.0.0.1, many at once.
    c.limits.new_connections_per_ip_per_sec = 10_000;
    c.limits.new_connections_burst_per_ip = 10_000;
    c
}

pub async fn start(config: Config) -> ServerHandle {
    // SFU_TEST_LOG=sfu=debug (an EnvFilter) prints the server's logs to the test's output.
    if let Ok(filter) = std::env::var("SFU_TEST_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_test_writer()
            .try_init();
    }
    Server::start(config).await.expect("server starts")
}

/// Polls until `f` holds or the timeout passes.
pub async fn eventually<F: FnMut() -> bool>(what: &str, mut f: F) {
    let deadline = tokio::time::Instant::now() + TIMEOUT;
    while !f() {
        assert!(tokio::time::Instant::now() < deadline, "timed out waiting for: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until the server holds no room, peer or media object, checked on both sides: our
/// counters and mediasoup's own dumps.
pub async fn assert_released(server: &ServerHandle) {
    eventually("all objects released", || server.counts().media_objects_released()).await;
    let deadline = tokio::time::Instant::now() + TIMEOUT;
    loop {
        let (routers, transports) = server.mediasoup_objects().await;
        if routers == 0 && transports == 0 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "mediasoup still has {routers} routers, {transports} transports"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Synthetic broadcasters aimed at `server` (trusting its dev certificate over TLS).
pub fn broadcast_options(server: &ServerHandle, room: &str, count: usize, duration: Duration) -> BroadcastOptions {
    let mut o = BroadcastOptions::new(server.ws_url(), room, count);
    o.target.tls_root_pem = server.tls_certificate_pem().map(str::to_string);
    o.duration = duration;
    o
}

/// Synthetic viewers aimed at `server` (trusting its dev certificate over TLS).
pub fn viewer_options(server: &ServerHandle, room: &str, count: usize, duration: Duration) -> ViewerOptions {
    let mut o = ViewerOptions::new(server.ws_url(), room, count);
    o.target.tls_root_pem = server.tls_certificate_pem().map(str::to_string);
    o.duration = duration;
    o
}

/// Every synthetic peer of the run connected and none failed.
pub fn assert_all_connected(r: &Report) {
    let s = &r.summary;
    assert_eq!((s.connected, s.failed), (s.peers, 0), "{s}");
}

/// Samples the utterance buffer every 20 ms while a test runs, counting the samples over its cap.
pub struct CapWatch {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    task: tokio::task::JoinHandle<usize>,
}

impl CapWatch {
    pub fn start(server: std::sync::Arc<ServerHandle>) -> CapWatch {
        use std::sync::atomic::Ordering;
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop = std::sync::Arc::clone(&done);
        let task = tokio::spawn(async move {
            let cap = server.buffer_stats().cap_bytes;
            let mut over = 0;
            while !stop.load(Ordering::Relaxed) {
                if server.buffer_stats().bytes_used > cap {
                    over += 1;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            over
        });
        CapWatch { done, task }
    }

    /// Stops watching; how many samples found the buffer over its cap.
    pub async fn stop(self) -> usize {
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        self.task.await.expect("cap watcher")
    }
}

pub struct Client {
    ws: Ws,
    next_id: u64,
    pub notifications: VecDeque<Value>,
}

/// An error answer: (code, message).
pub type ErrorReply = (String, String);

impl Client {
    pub async fn connect(server: &ServerHandle) -> Client {
        let ws = ws_connect(server).await.expect("websocket connects");
        Client {
            ws,
            next_id: 1,
            notifications: VecDeque::new(),
        }
    }

    /// Connects with extra upgrade headers; panics if the upgrade is refused.
    pub async fn connect_with_headers(server: &ServerHandle, headers: &[(&str, &str)]) -> Client {
        let ws = ws_connect_with_headers(server, headers)
            .await
            .expect("websocket connects");
        Client {
            ws,
            next_id: 1,
            notifications: VecDeque::new(),
        }
    }

    pub async fn send_text(&mut self, text: impl Into<String>) {
        self.ws.send(Message::Text(text.into().into())).await.expect("send");
    }

    pub async fn send_raw(&mut self, message: Message) {
        self.ws.send(message).await.expect("send");
    }

    /// Next response frame (notifications are queued aside).
    pub async fn recv_response(&mut self) -> Value {
        loop {
            let v = self.recv_json().await.expect("connection open");
            if v.get("notification").is_some() {
                self.notifications.push_back(v);
            } else {
                return v;
            }
        }
    }

    /// Next JSON text frame, or None when the connection ended.
    pub async fn recv_json(&mut self) -> Option<Value> {
        loop {
            let m = tokio::time::timeout(TIMEOUT, self.ws.next())
                .await
                .expect("timed out waiting for a frame")?;
            match m {
                Ok(Message::Text(t)) => return Some(serde_json::from_str(&t).expect("server sends JSON")),
                Ok(Message::Close(_)) | Err(_) => return None,
                Ok(_) => continue,
            }
        }
    }

    /// Reads until the server closes; returns the close code.
    pub async fn recv_close(&mut self) -> Option<u16> {
        loop {
            match tokio::time::timeout(TIMEOUT, self.ws.next())
                .await
                .expect("timed out waiting for close")
            {
                Some(Ok(Message::Close(frame))) => return frame.map(|f| f.code.into()),
                Some(Ok(Message::Text(t))) => self.notifications.push_back(serde_json::from_str(&t).unwrap()),
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return None,
            }
        }
    }

    pub async fn request(&mut self, method: &str, data: Value) -> Result<Value, ErrorReply> {
        let id = self.next_id;
        self.next_id += 1;
        self.send_text(json!({"id": id, "method": method, "data": data}).to_string())
            .await;
        let r = self.recv_response().await;
        assert_eq!(r["id"], json!(id), "response to the request: {r}");
        if r["ok"] == json!(true) {
            Ok(r["data"].clone())
        } else {
            Err((
                r["error"]["code"].as_str().unwrap().to_string(),
                r["error"]["message"].as_str().unwrap().to_string(),
            ))
        }
    }

    pub async fn ok(&mut self, method: &str, data: Value) -> Value {
        match self.request(method, data).await {
            Ok(v) => v,
            Err(e) => panic!("{method} failed: {e:?}"),
        }
    }

    /// Waits for a notification by name (queued ones first).
    pub async fn notification(&mut self, name: &str) -> Value {
        loop {
            if let Some(i) = self.notifications.iter().position(|n| n["notification"] == name) {
                return self.notifications.remove(i).unwrap()["data"].clone();
            }
            let v = self
                .recv_json()
                .await
                .unwrap_or_else(|| panic!("connection closed waiting for {name}"));
            if v.get("notification").is_some() {
                self.notifications.push_back(v);
            }
        }
    }

    pub async fn close(mut self) {
        let _ = self.ws.close(None).await;
    }

    /// Joins without receive capabilities (enough to broadcast).
    pub async fn join(&mut self, room: &str, role: &str) -> Value {
        self.ok("join", json!({"room": room, "role": role, "displayName": role}))
            .await
    }

    /// Asks for the router's capabilities and joins with them as our own (as bots do; a browser
    /// loads its device with them and sends the device's).
    pub async fn join_with_caps(&mut self, room: &str, role: &str) -> Value {
        let caps = self.ok("getRouterRtpCapabilities", json!({})).await["routerRtpCapabilities"].clone();
        self.ok("join", json!({"room": room, "role": role, "rtpCapabilities": caps}))
            .await
    }
}

/// rtpParameters for an Opus producer, as mediasoup-client sends them from Chrome.
pub fn browser_opus_rtp_parameters(ssrc: u32) -> Value {
    json!({
        "mid": "0",
        "codecs": [{
            "mimeType": "audio/opus", "payloadType": 111, "clockRate": 48000, "channels": 2,
            "parameters": {"minptime": 10, "useinbandfec": 1, "sprop-stereo": 0, "usedtx": 0},
            "rtcpFeedback": [{"type": "transport-cc", "parameter": ""}]
        }],
        "headerExtensions": [
            {"uri": "urn:ietf:params:rtp-hdrext:sdes:mid", "id": 4, "encrypt": false, "parameters": {}},
            {"uri": "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time", "id": 2, "encrypt": false, "parameters": {}},
            {"uri": "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01", "id": 3, "encrypt": false, "parameters": {}},
            {"uri": "urn:ietf:params:rtp-hdrext:ssrc-audio-level", "id": 1, "encrypt": false, "parameters": {}}
        ],
        "encodings": [{"ssrc": ssrc, "dtx": false}],
        "rtcp": {"cname": "test-cname", "reducedSize": true}
    })
}

/// Client DTLS parameters (the fingerprint need not match anything until media flows).
pub fn client_dtls_parameters() -> Value {
    let fp = (0..32)
        .map(|i| format!("{:02X}", i * 7 % 256))
        .collect::<Vec<_>>()
        .join(":");
    json!({"role": "client", "fingerprints": [{"algorithm": "sha-256", "value": fp}]})
}
