//! Issue #14, signaling's part: no client can pile up parked sessions or stall the admin dump,
//! multiply its egress, idle forever without joining, dodge the per-IP limit with an IPv6 /64
//! or a forged `X-Forwarded-For`, open connections in a loop, or hold an HTTP connection open
//! with a header it never ends.
//! Every test talks to a real server in-process over real sockets.

mod common;

use std::time::{Duration, Instant};

use common::*;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::tungstenite::Message;

const ADMIN_TOKEN: &str = "hardening-admin-token";

/// Plain HTTP (these tests speak raw HTTP and PROXY headers), one worker.
fn config() -> sfu::Config {
    let mut c = test_config(1);
    c.tls.dev_self_signed = false;
    c
}

fn addr(server: &sfu::ServerHandle) -> String {
    server.local_addr().to_string()
}

/// Reads until the end of the response head (or the connection's end); the head as text.
async fn read_head(stream: &mut TcpStream) -> String {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    let deadline = tokio::time::Instant::now() + TIMEOUT;
    while !head.ends_with(b"\r\n\r\n") {
        match tokio::time::timeout_at(deadline, stream.read(&mut byte)).await {
            Ok(Ok(1)) => head.push(byte[0]),
            Ok(_) => break,
            Err(_) => panic!(
                "timed out reading a response head: {:?}",
                String::from_utf8_lossy(&head)
            ),
        }
    }
    String::from_utf8_lossy(&head).into_owned()
}

/// The status code of a response head ("HTTP/1.1 101 ..." → 101); 0 when there is none.
fn status(head: &str) -> u16 {
    head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
}

/// A WebSocket upgrade of `/ws` over a raw socket, `prefix` sent before it (a PROXY header);
/// the response's status and the socket (kept open to hold the connection's place).
async fn upgrade(server: &sfu::ServerHandle, prefix: &[u8], headers: &[(&str, &str)]) -> (u16, TcpStream) {
    let mut stream = TcpStream::connect(server.local_addr()).await.unwrap();
    let mut request = prefix.to_vec();
    request.extend_from_slice(
        format!(
            "GET /ws HTTP/1.1\r\nHost: {}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\
             Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n",
            addr(server)
        )
        .as_bytes(),
    );
    for (name, value) in headers {
        request.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    request.extend_from_slice(b"\r\n");
    stream.write_all(&request).await.unwrap();
    let head = read_head(&mut stream).await;
    (status(&head), stream)
}

/// `GET path` with `Connection: close`; the whole response.
async fn http_get(server: &sfu::ServerHandle, path: &str, headers: &[(&str, &str)]) -> String {
    let mut stream = TcpStream::connect(server.local_addr()).await.unwrap();
    let mut request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", addr(server));
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(TIMEOUT, stream.read_to_end(&mut out))
        .await
        .expect("response within the timeout")
        .unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

/// The body of an HTTP response (after the head; not chunked-decoded).
fn body(response: &str) -> &str {
    response.split_once("\r\n\r\n").map_or("", |(_, b)| b)
}

/// A gauge's value in a `/metrics` exposition.
fn metric(exposition: &str, name: &str) -> Option<i64> {
    exposition
        .lines()
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
        .and_then(|v| v.trim().parse().ok())
}

/// A PROXY protocol v2 header (PROXY command, TCP over IPv4) naming `source` as the client.
fn proxy_v2(source: [u8; 4], port: u16) -> Vec<u8> {
    let mut h = b"\r\n\r\n\0\r\nQUIT\n".to_vec();
    h.extend_from_slice(&[0x21, 0x11, 0, 12]);
    h.extend_from_slice(&source);
    h.extend_from_slice(&[127, 0, 0, 1]);
    h.extend_from_slice(&port.to_be_bytes());
    h.extend_from_slice(&80u16.to_be_bytes());
    h
}

// Defect 2: parked sessions are capped per client, and the dump answers for them at once.
#[tokio::test]
async fn parked_sessions_are_capped_per_client_and_do_not_slow_the_dump() {
    let mut c = config();
    c.limits.resume_grace_secs = 30;
    c.limits.max_parked_per_ip = 2;
    c.admin.token = Some(ADMIN_TOKEN.into());
    let server = start(c).await;
    let mut watcher = Client::connect(&server).await;
    watcher.join("parked", "viewer").await;
    let mut tokens = Vec::new();
    for _ in 0..4 {
        let mut v = Client::connect(&server).await;
        let joined = v.join("parked", "viewer").await;
        tokens.push(joined["resumeToken"].as_str().unwrap().to_string());
        v.ok("createTransport", json!({"direction": "recv"})).await;
        // The socket dies without a close frame: parked.
        drop(v);
        // One at a time, so that "oldest" is well defined.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Two parked from this address at most: the two oldest were released.
    eventually("the client's oldest parked sessions released", || {
        server.counts().peers == 3
    })
    .await;
    assert_eq!(
        server.counts().transports,
        2,
        "the two parked peers keep their transports"
    );

    // The dump answers for the parked peers without asking them (nobody reads their queue).
    let auth = format!("Bearer {ADMIN_TOKEN}");
    let started = Instant::now();
    let response = http_get(&server, "/admin/rooms?room=parked", &[("Authorization", &auth)]).await;
    let took = started.elapsed();
    let dump: Value = serde_json::from_str(body(&response)).expect("dump is JSON");
    let peers = dump["rooms"][0]["peers"].as_array().expect("the room's peers").clone();
    assert_eq!(peers.len(), 3, "{dump}");
    assert!(
        peers.iter().all(|p| p["busy"] == false),
        "no peer reported busy: {dump}"
    );
    let with_transport = peers.iter().filter(|p| p["transports"].as_array().unwrap().len() == 1);
    assert_eq!(
        with_transport.count(),
        2,
        "the parked peers' own objects are shown: {dump}"
    );
    assert!(took < Duration::from_millis(400), "dump took {took:?}");

    // The newest resume; the evicted oldest do not.
    let mut back = Client::connect(&server).await;
    let (code, _) = back
        .request("resume", json!({"resumeToken": tokens[0]}))
        .await
        .unwrap_err();
    assert_eq!(code, "session_expired");
    back.ok("resume", json!({"resumeToken": tokens[3]})).await;
    back.close().await;
    watcher.close().await;
    server.shutdown().await.unwrap();
}

const PROJECT: &str = "hardening-test";

/// Serves `{"k1": certificate}` at /keys on loopback, as Google's key endpoint would; stops when
/// dropped.
struct KeyServer {
    url: String,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for KeyServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn key_server() -> KeyServer {
    let cert = include_str!("fixtures/auth/signer.cert.pem");
    let app = axum::Router::new().route(
        "/keys",
        axum::routing::get(move || async move {
            (
                [("cache-control", "public, max-age=3600")],
                axum::Json(json!({ "k1": cert })),
            )
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/keys", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    KeyServer { url, task }
}

/// A Firebase ID token for `uid` (viewer), signed with the test key.
fn id_token(uid: &str) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let claims = json!({
        "iss": format!("https://securetoken.google.com/{PROJECT}"),
        "aud": PROJECT, "sub": uid, "user_id": uid,
        "iat": now - 10, "auth_time": now - 100, "exp": now + 3600,
        "firebase": {"sign_in_provider": "password"},
    });
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    header.kid = Some("k1".into());
    let key = jsonwebtoken::EncodingKey::from_rsa_pem(include_bytes!("fixtures/auth/signer.key.pem")).unwrap();
    jsonwebtoken::encode(&header, &claims, &key).unwrap()
}

// Defect 2: one user's parked sessions are capped too, whatever addresses they come from.
#[tokio::test]
async fn parked_sessions_are_capped_per_user() {
    let keys = key_server().await;
    let mut c = config();
    c.auth.mode = sfu::config::AuthMode::Firebase;
    c.auth.project_id = Some(PROJECT.into());
    c.auth.keys_url = keys.url.clone();
    c.limits.resume_grace_secs = 30;
    c.limits.max_parked_per_uid = 2;
    let server = start(c).await;
    let park = |uid: &'static str| {
        let server = &server;
        async move {
            let mut v = Client::connect(server).await;
            let joined = v
                .ok(
                    "join",
                    json!({"room": "users", "role": "viewer", "token": id_token(uid)}),
                )
                .await;
            drop(v);
            tokio::time::sleep(Duration::from_millis(100)).await;
            joined["resumeToken"].as_str().unwrap().to_string()
        }
    };
    let alice = park("alice").await;
    let mut mallory = Vec::new();
    for _ in 0..4 {
        mallory.push(park("mallory").await);
    }
    eventually("mallory's oldest parked sessions released", || {
        server.counts().peers == 3
    })
    .await;
    let mut back = Client::connect(&server).await;
    let (code, _) = back
        .request("resume", json!({"resumeToken": mallory[1]}))
        .await
        .unwrap_err();
    assert_eq!(code, "session_expired", "an evicted session");
    back.ok("resume", json!({"resumeToken": alice})).await;
    back.close().await;
    let mut again = Client::connect(&server).await;
    again.ok("resume", json!({"resumeToken": mallory[3]})).await;
    again.close().await;
    server.shutdown().await.unwrap();
}

// Defect 3: one consumer per producer and peer.
#[tokio::test]
async fn consuming_the_same_producer_twice_is_refused() {
    let server = start(config()).await;
    let mut b = Client::connect(&server).await;
    b.join("twice", "broadcaster").await;
    let t = b.ok("createTransport", json!({"direction": "send"})).await;
    let send = t["transportId"].as_str().unwrap().to_string();
    let p = b
        .ok(
            "produce",
            json!({"transportId": send, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(4242), "appData": {}}),
        )
        .await;
    let pid = p["producerId"].as_str().unwrap().to_string();

    let mut v = Client::connect(&server).await;
    v.join_with_caps("twice", "viewer").await;
    let t = v.ok("createTransport", json!({"direction": "recv"})).await;
    let recv = t["transportId"].as_str().unwrap().to_string();
    let first = v.ok("consume", json!({"transportId": recv, "producerId": pid})).await;
    let first_id = first["consumerId"].as_str().unwrap().to_string();
    for _ in 0..3 {
        let (code, message) = v
            .request("consume", json!({"transportId": recv, "producerId": pid}))
            .await
            .unwrap_err();
        assert_eq!(code, "already_consuming");
        assert!(message.contains(&first_id), "names the existing consumer: {message}");
    }
    assert_eq!(server.counts().consumers, 1, "no second consumer was made");
    // Another viewer still consumes it.
    let mut w = Client::connect(&server).await;
    w.join_with_caps("twice", "viewer").await;
    let t = w.ok("createTransport", json!({"direction": "recv"})).await;
    let other = t["transportId"].as_str().unwrap().to_string();
    w.ok("consume", json!({"transportId": other, "producerId": pid})).await;
    w.close().await;
    v.close().await;
    b.close().await;
    server.shutdown().await.unwrap();
}

// Defect 4: a connection that never joins is closed, however busy it keeps itself.
#[tokio::test]
async fn a_connection_that_never_joins_is_closed_at_the_join_deadline() {
    let mut c = config();
    c.limits.join_deadline_secs = 1;
    let server = start(c).await;
    let mut idle = ws_connect(&server).await.unwrap();
    let opened = Instant::now();
    // Busy but never joining: protocol pings and WebSocket pings, reading the answers.
    let mut closed = None;
    for i in 1..=20u64 {
        let ping = json!({"id": i, "method": "ping", "data": {}}).to_string();
        if idle.send(Message::Text(ping.into())).await.is_err()
            || idle.send(Message::Ping(Default::default())).await.is_err()
        {
            break;
        }
        let until = tokio::time::Instant::now() + Duration::from_millis(200);
        while let Ok(frame) = tokio::time::timeout_at(until, idle.next()).await {
            match frame {
                Some(Ok(Message::Close(frame))) => {
                    closed = frame.map(|f| (u16::from(f.code), f.reason.to_string()));
                    break;
                }
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => break,
            }
        }
        if closed.is_some() {
            break;
        }
    }
    let (code, reason) = closed.expect("a close frame");
    assert_eq!(code, 4004, "{reason}");
    assert_eq!(reason, "no join within 1 s");
    assert!(opened.elapsed() < Duration::from_secs(3), "{:?}", opened.elapsed());

    // A joined connection is left alone; after `leave` the deadline runs again.
    let mut joined = Client::connect(&server).await;
    joined.join("deadline", "viewer").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    joined.ok("ping", json!({})).await;
    joined.ok("leave", json!({})).await;
    assert_eq!(joined.recv_close().await, Some(4004));
    server.shutdown().await.unwrap();
}

// Defect 4: binary frames are rate limited like text frames.
#[tokio::test]
async fn binary_frames_go_through_the_rate_limiter() {
    let mut c = config();
    c.limits.messages_per_second = 1;
    c.limits.message_burst = 5;
    let server = start(c).await;
    let mut client = Client::connect(&server).await;
    for _ in 0..20 {
        client.send_raw(Message::Binary(vec![0u8; 16].into())).await;
    }
    let mut codes = Vec::new();
    for _ in 0..20 {
        let r = client.recv_response().await;
        codes.push(r["error"]["code"].as_str().unwrap_or("").to_string());
    }
    let limited = codes.iter().filter(|c| *c == "rate_limited").count();
    assert!(
        limited >= 10,
        "binary frames over the burst are rate limited: {codes:?}"
    );
    assert!(codes.iter().take(5).all(|c| c == "bad_request"), "{codes:?}");
    server.shutdown().await.unwrap();
}

// Defect 4: the connection limiter admits the upgrade before its bearer token is verified.
#[tokio::test]
async fn an_upgrade_over_the_ip_limit_is_refused_before_its_token_is_checked() {
    let mut c = config();
    c.auth.mode = sfu::config::AuthMode::Firebase;
    c.auth.project_id = Some("hardening-test".into());
    // Nothing listens there: no key is ever fetched.
    c.auth.keys_url = "http://127.0.0.1:9/keys".into();
    c.limits.max_connections_per_ip = 1;
    let server = start(c).await;
    let (first, _held) = upgrade(&server, b"", &[]).await;
    assert_eq!(first, 101);
    let (second, _) = upgrade(&server, b"", &[("Authorization", "Bearer not.a.token")]).await;
    assert_eq!(second, 429, "the limiter answers first");
    server.shutdown().await.unwrap();
}

// Defects 4 and 5: behind a trusted proxy, clients are told apart by the forwarded address,
// IPv6 ones per /64; an untrusted peer's X-Forwarded-For is ignored.
#[tokio::test]
async fn forwarded_clients_are_limited_per_address_and_ipv6_per_64() {
    let mut c = config();
    c.limits.max_connections_per_ip = 1;
    c.limits.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    let server = start(c).await;
    let xff = |v: &'static str| [("X-Forwarded-For", v)];
    let (a, _a) = upgrade(&server, b"", &xff("198.51.100.1")).await;
    let (b, _b) = upgrade(&server, b"", &xff("198.51.100.2")).await;
    assert_eq!((a, b), (101, 101), "two clients behind one proxy");
    let (again, _) = upgrade(&server, b"", &xff("203.0.113.9, 198.51.100.1")).await;
    assert_eq!(again, 429, "the right-most untrusted hop counts, not a forged left one");
    let (v6, _v6) = upgrade(&server, b"", &xff("2001:db8::1")).await;
    assert_eq!(v6, 101);
    let (same_64, _) = upgrade(&server, b"", &xff("2001:db8::ffff:2")).await;
    assert_eq!(same_64, 429, "one /64 is one client");
    let (other_64, _other) = upgrade(&server, b"", &xff("2001:db8:0:1::1")).await;
    assert_eq!(other_64, 101);
    server.shutdown().await.unwrap();

    // Without trusted proxies the header means nothing.
    let mut c = config();
    c.limits.max_connections_per_ip = 1;
    let server = start(c).await;
    let (a, _a) = upgrade(&server, b"", &xff("198.51.100.1")).await;
    let (b, _) = upgrade(&server, b"", &xff("198.51.100.2")).await;
    assert_eq!((a, b), (101, 429), "a client cannot pick its address");
    server.shutdown().await.unwrap();
}

// Defect 5: PROXY protocol v2 from a trusted proxy names the client; a bad header closes.
#[tokio::test]
async fn proxy_protocol_v2_names_the_client_and_a_bad_header_closes_the_connection() {
    let mut c = config();
    c.limits.max_connections_per_ip = 1;
    c.limits.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    c.limits.proxy_protocol = true;
    let server = start(c).await;
    let (a, _a) = upgrade(&server, &proxy_v2([198, 51, 100, 1], 40000), &[]).await;
    let (b, _b) = upgrade(&server, &proxy_v2([198, 51, 100, 2], 40001), &[]).await;
    assert_eq!((a, b), (101, 101), "two clients behind one proxy");
    let (again, _) = upgrade(&server, &proxy_v2([198, 51, 100, 1], 40002), &[]).await;
    assert_eq!(again, 429, "the same client again");

    // No header, or a broken one: closed without an HTTP answer.
    let (plain, _) = upgrade(&server, b"", &[]).await;
    assert_eq!(plain, 0, "a trusted proxy must send the header");
    let mut broken = proxy_v2([198, 51, 100, 3], 40003);
    broken[12] = 0x11;
    let (bad_version, _) = upgrade(&server, &broken, &[]).await;
    assert_eq!(bad_version, 0);
    // The server still serves well-formed connections.
    let mut s = TcpStream::connect(server.local_addr()).await.unwrap();
    s.write_all(&proxy_v2([198, 51, 100, 4], 40004)).await.unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    assert_eq!(status(&read_head(&mut s).await), 200);
    server.shutdown().await.unwrap();
}

// Defect 4: a header that never ends is cut off, and HTTP connections are counted.
#[tokio::test]
async fn slow_headers_are_cut_off_and_http_connections_are_counted() {
    let mut c = config();
    c.limits.http_header_timeout_secs = 1;
    let server = start(c).await;
    let mut slow = TcpStream::connect(server.local_addr()).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let opened = Instant::now();
    let metrics = http_get(&server, "/metrics", &[]).await;
    let open = metric(&metrics, "sfu_http_connections").expect("the gauge is exposed");
    assert!(open >= 2, "the slow connection and this one: {open}");

    let mut rest = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(4), slow.read_to_end(&mut rest)).await;
    assert!(read.is_ok(), "the server closed the slow connection");
    assert!(opened.elapsed() < Duration::from_secs(3), "{:?}", opened.elapsed());
    let mut last = None;
    for _ in 0..50 {
        let metrics = http_get(&server, "/metrics", &[]).await;
        last = metric(&metrics, "sfu_http_connections");
        if last == Some(1) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(last, Some(1), "only the scrape itself is open");
    server.shutdown().await.unwrap();
}

// A client that connects, joins and drops in a loop makes every peer of the room hear
// peerJoined/peerLeft each time: new connections per client address are rate limited (a burst,
// then a steady rate), each client on its own allowance.
#[tokio::test]
async fn new_connections_are_rate_limited_per_client() {
    let mut c = config();
    c.limits.new_connections_per_ip_per_sec = 1;
    c.limits.new_connections_burst_per_ip = 3;
    let server = start(c).await;
    let mut held = Vec::new();
    for i in 0..3 {
        let (code, stream) = upgrade(&server, b"", &[]).await;
        assert_eq!(code, 101, "connection {i} of the burst");
        held.push(stream);
    }
    // Closing them does not give the allowance back: the loop is what is limited.
    held.clear();
    let (code, mut refused) = upgrade(&server, b"", &[]).await;
    assert_eq!(code, 429, "over the burst");
    // The body follows the head on a kept-alive connection: read what comes within a second.
    let mut body = Vec::new();
    let mut chunk = [0u8; 1024];
    let until = tokio::time::Instant::now() + Duration::from_secs(1);
    while let Ok(Ok(n @ 1..)) = tokio::time::timeout_at(until, refused.read(&mut chunk)).await {
        body.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&body);
    assert!(
        body.contains("rate_limited") && body.contains("new connections per second"),
        "{body}"
    );
    // Another client address has its own allowance.
    let other = TcpSocket::new_v4().unwrap();
    other.bind("127.0.0.2:0".parse().unwrap()).unwrap();
    let mut stream = other.connect(server.local_addr()).await.unwrap();
    let request = format!(
        "GET /ws HTTP/1.1\r\nHost: {}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\
         Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
        addr(&server)
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    assert_eq!(
        status(&read_head(&mut stream).await),
        101,
        "127.0.0.2 is another client"
    );
    // One second refills one connection.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (code, _again) = upgrade(&server, b"", &[]).await;
    assert_eq!(code, 101, "the rate refills");
    server.shutdown().await.unwrap();
}
