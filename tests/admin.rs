//! The operator's view of a real server: `/metrics` in the Prometheus text format with the live
//! object counts, per-worker CPU, buffer and feed numbers and errors by code; the admin API's
//! dump of rooms → peers → transports/producers/consumers/feeds behind its token; and
//! `sfu inspect` printing it.

mod common;

use std::process::Command;

use common::*;
use serde_json::json;
use sfu::http_client::{HttpClient, HttpError};

const TOKEN: &str = "test-admin-token-0123456789";

fn config() -> sfu::Config {
    let mut c = test_config(2);
    c.admin.token = Some(TOKEN.to_string());
    c
}

fn client(server: &sfu::ServerHandle) -> HttpClient {
    HttpClient::new(server.tls_certificate_pem()).unwrap()
}

/// The value of one sample line (`name{labels} value`) of a Prometheus exposition.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.trim().parse().ok())
}

async fn broadcaster_and_viewer(server: &sfu::ServerHandle, room: &str) -> (Client, Client) {
    let mut b = Client::connect(server).await;
    b.join(room, "broadcaster").await;
    let t = b.ok("createTransport", json!({"direction": "send"})).await;
    let tid = t["transportId"].as_str().unwrap().to_string();
    b.ok(
        "produce",
        json!({"transportId": tid, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(4242)}),
    )
    .await;
    let mut v = Client::connect(server).await;
    v.join_with_caps(room, "viewer").await;
    let t = v.ok("createTransport", json!({"direction": "recv"})).await;
    let tid = t["transportId"].as_str().unwrap().to_string();
    v.ok("subscribeFeed", json!({"transportId": tid})).await;
    (b, v)
}

#[tokio::test]
async fn metrics_expose_live_counts_workers_buffer_and_errors() {
    let server = start(config()).await;
    let (mut b, v) = broadcaster_and_viewer(&server, "metrics1").await;
    let (code, _) = b
        .request(
            "closeProducer",
            json!({"producerId": "3f2b8a4e-0000-4000-8000-000000000000"}),
        )
        .await
        .unwrap_err();
    assert_eq!(code, "not_found");
    b.send_text("not json").await;
    assert_eq!(b.recv_response().await["error"]["code"], "bad_json");

    let url = format!("{}/metrics", server.http_url());
    let text = String::from_utf8(client(&server).get(&url, None).await.unwrap().to_vec()).unwrap();
    assert_eq!(sample(&text, "sfu_rooms"), Some(1.0), "{text}");
    assert_eq!(sample(&text, "sfu_peers"), Some(2.0));
    assert_eq!(sample(&text, "sfu_transports"), Some(2.0));
    // The broadcaster's producer and the viewer's feed producer.
    assert_eq!(sample(&text, "sfu_producers"), Some(2.0));
    assert_eq!(sample(&text, "sfu_consumers"), Some(1.0));
    assert_eq!(sample(&text, "sfu_feeds"), Some(1.0));
    assert_eq!(
        sample(&text, "sfu_signaling_errors_total{code=\"not_found\"}"),
        Some(1.0)
    );
    assert_eq!(
        sample(&text, "sfu_signaling_errors_total{code=\"bad_json\"}"),
        Some(1.0)
    );
    assert!(sample(&text, "sfu_signaling_messages_total").unwrap() >= 8.0);
    for w in 0..2 {
        assert_eq!(sample(&text, &format!("sfu_worker_up{{worker=\"{w}\"}}")), Some(1.0));
        assert!(
            sample(&text, &format!("sfu_worker_cpu_seconds_total{{worker=\"{w}\"}}")).is_some(),
            "{text}"
        );
    }
    assert_eq!(sample(&text, "sfu_room_peers{room=\"metrics1\"}"), Some(2.0));
    assert_eq!(
        sample(&text, "sfu_buffer_cap_bytes"),
        Some(server.buffer_stats().cap_bytes as f64)
    );
    assert!(sample(&text, "sfu_process_resident_memory_bytes").unwrap() > 1e6);
    assert!(sample(&text, "sfu_process_cpu_seconds_total").is_some());
    assert!(text.contains("# TYPE sfu_feed_switches_total counter"));
    assert!(text.contains("# TYPE sfu_peers gauge"));

    b.close().await;
    v.close().await;
    assert_released(&server).await;
    let text = String::from_utf8(client(&server).get(&url, None).await.unwrap().to_vec()).unwrap();
    assert_eq!(sample(&text, "sfu_peers"), Some(0.0));
    assert_eq!(sample(&text, "sfu_producers"), Some(0.0));
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn admin_api_dumps_rooms_behind_its_token() {
    let server = start(config()).await;
    let (b, v) = broadcaster_and_viewer(&server, "admin1").await;
    let (b2, v2) = broadcaster_and_viewer(&server, "admin2").await;
    let http = client(&server);
    let base = server.http_url();

    let dump = sfu::http_client::admin::fetch(&http, &base, TOKEN, None).await.unwrap();
    assert_eq!(dump.rooms.len(), 2);
    assert_eq!(dump.counts.peers, 4);
    assert_eq!(dump.workers.len(), 2);
    assert!(dump.workers.iter().all(|w| w.cpu_seconds.is_some() && !w.dead));
    let room = dump.rooms.iter().find(|r| r.id == "admin1").unwrap();
    assert_eq!(room.peers.len(), 2);
    let broadcaster = room.peers.iter().find(|p| p.role == "broadcaster").unwrap();
    assert!(!broadcaster.busy);
    assert_eq!(broadcaster.transports.len(), 1);
    assert_eq!(broadcaster.transports[0].direction, "send");
    assert_eq!(broadcaster.transports[0].ice_state, "new");
    assert_eq!(broadcaster.transports[0].dtls_state, "new");
    assert_eq!(broadcaster.producers.len(), 1);
    assert_eq!(broadcaster.producers[0].kind, "audio");
    assert!(broadcaster.producers[0].recorded, "the tap records it");
    let viewer = room.peers.iter().find(|p| p.role == "viewer").unwrap();
    assert_eq!(viewer.consumers.len(), 1);
    assert!(viewer.consumers[0].paused, "consumers start paused");
    assert_eq!(viewer.feed.as_ref().unwrap().consumer_id, viewer.consumers[0].id);

    // One room only.
    let one = sfu::http_client::admin::fetch(&http, &base, TOKEN, Some("admin2"))
        .await
        .unwrap();
    assert_eq!(one.rooms.len(), 1);
    assert_eq!(one.rooms[0].id, "admin2");
    let none = sfu::http_client::admin::fetch(&http, &base, TOKEN, Some("nope"))
        .await
        .unwrap();
    assert!(none.rooms.is_empty());

    // Without the token, with a wrong one, with a bad query.
    let url = format!("{base}/admin/rooms");
    let status = |e: HttpError| match e {
        HttpError::Status { status, body, .. } => (status, body),
        other => panic!("{other}"),
    };
    let (code, body) = status(http.get(&url, None).await.unwrap_err());
    assert_eq!(code, 401);
    assert!(body.contains("Bearer"), "{body}");
    let (code, _) = status(http.get(&url, Some("wrong-token-0123456789")).await.unwrap_err());
    assert_eq!(code, 403);
    let (code, body) = status(http.get(&format!("{url}?rooms=x"), Some(TOKEN)).await.unwrap_err());
    assert_eq!((code, body.contains("invalid_params")), (400, true), "{body}");

    for c in [b, v, b2, v2] {
        c.close().await;
    }
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn admin_api_is_off_without_a_token() {
    let server = start(test_config(1)).await;
    let e = client(&server)
        .get(
            &format!("{}/admin/rooms", server.http_url()),
            Some("anything-at-all-123"),
        )
        .await
        .unwrap_err();
    let HttpError::Status { status, body, .. } = e else {
        panic!("{e}")
    };
    assert_eq!(status, 404);
    assert!(body.contains("SFU_ADMIN_TOKEN"), "{body}");
    server.shutdown().await.unwrap();
}

fn inspect(server: &sfu::ServerHandle, args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sfu"));
    cmd.arg("inspect").arg("--url").arg(server.ws_url()).args(args);
    cmd.env_remove("SFU_ADMIN_TOKEN").env_remove("SFU_URL");
    let ca;
    if let Some(pem) = server.tls_certificate_pem() {
        ca = std::env::temp_dir().join(format!("sfu-inspect-ca-{}.pem", std::process::id()));
        std::fs::write(&ca, pem).unwrap();
        cmd.arg("--ca-cert").arg(&ca);
    }
    cmd.output().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sfu_inspect_prints_tables_and_json() {
    let server = start(config()).await;
    let (b, v) = broadcaster_and_viewer(&server, "inspect1").await;
    let out = tokio::task::block_in_place(|| inspect(&server, &["--token", TOKEN]));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("room inspect1"), "{text}");
    assert!(text.contains("broadcaster") && text.contains("send new/new"), "{text}");
    assert!(text.contains("audio rec"), "{text}");

    let out = tokio::task::block_in_place(|| inspect(&server, &["--token", TOKEN, "--json", "--room", "inspect1"]));
    assert!(out.status.success());
    let dump: sfu::dump::ServerDump = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(dump.rooms[0].peers.len(), 2);

    // Errors say what to fix and exit non-zero.
    let out = tokio::task::block_in_place(|| inspect(&server, &[]));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--token"));
    let out = tokio::task::block_in_place(|| inspect(&server, &["--token", "wrong-token-0123456789"]));
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("403"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = tokio::task::block_in_place(|| inspect(&server, &["--token", TOKEN, "--room", "a b"]));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--room"));
    let out = Command::new(env!("CARGO_BIN_EXE_sfu"))
        .args(["inspect", "--url", "http://127.0.0.1:1", "--token", TOKEN])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot reach http://127.0.0.1:1"));

    b.close().await;
    v.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

/// `POST /admin/workers/{index}/crash`: behind the admin token, refused unless
/// `admin.fault_injection` is on; then the worker dies, is replaced, and a peer of a room on it
/// hears `mediaReset`.
#[tokio::test]
async fn worker_crash_endpoint_is_a_guarded_chaos_drill() {
    let server = start(config()).await;
    let http = client(&server);
    let url = |i: &str| format!("{}/admin/workers/{i}/crash", server.http_url());
    let status = |e: HttpError| match e {
        HttpError::Status { status, body, .. } => (status, body),
        e => panic!("{e}"),
    };
    let (code, body) = status(http.post(&url("0"), Some(TOKEN)).await.unwrap_err());
    assert_eq!(code, 403, "{body}");
    assert!(body.contains("admin.fault_injection"), "{body}");
    server.shutdown().await.unwrap();

    let mut c = config();
    c.admin.fault_injection = true;
    let server = start(c).await;
    let http = client(&server);
    let url = |i: &str| format!("{}/admin/workers/{i}/crash", server.http_url());
    assert_eq!(status(http.post(&url("0"), None).await.unwrap_err()).0, 401);
    assert_eq!(
        status(http.post(&url("0"), Some("wrong-token-0123456789")).await.unwrap_err()).0,
        403
    );
    assert_eq!(status(http.post(&url("x"), Some(TOKEN)).await.unwrap_err()).0, 400);
    let (code, body) = status(http.post(&url("7"), Some(TOKEN)).await.unwrap_err());
    assert_eq!(code, 404, "{body}");
    assert!(body.contains("no worker 7"), "{body}");

    let mut peer = Client::connect(&server).await;
    peer.join("chaos", "viewer").await;
    let worker = server.rooms()[0].1;
    let body = http.post(&url(&worker.to_string()), Some(TOKEN)).await.unwrap();
    assert_eq!(String::from_utf8_lossy(&body), format!("{{\"crashed\":{worker}}}"));
    assert_eq!(peer.notification("mediaReset").await["reason"], "worker_died");
    eventually("replaced", || server.workers().iter().all(|w| !w.dead)).await;
    let metrics = http.get(&format!("{}/metrics", server.http_url()), None).await.unwrap();
    let metrics = String::from_utf8_lossy(&metrics);
    let series = format!("sfu_worker_restarts_total{{worker=\"{worker}\"}}");
    assert_eq!(sample(&metrics, &series), Some(1.0), "{metrics}");
    peer.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}
