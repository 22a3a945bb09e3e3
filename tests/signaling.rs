//! The signaling protocol against a real server with real mediasoup workers: join, transports,
//! produce, consume, notifications, and cleanup back to zero objects.

mod common;

use common::*;
use serde_json::{json, Value};

async fn broadcaster_with_producer(server: &sfu::ServerHandle, room: &str) -> (Client, String, String) {
    let mut b = Client::connect(server).await;
    b.join(room, "broadcaster").await;
    let t = b.ok("createTransport", json!({"direction": "send"})).await;
    let tid = t["transportId"].as_str().unwrap().to_string();
    assert!(!t["iceCandidates"].as_array().unwrap().is_empty());
    assert_eq!(t["iceCandidates"][0]["address"], "127.0.0.1");
    assert!(t["iceParameters"]["usernameFragment"].is_string());
    assert!(!t["dtlsParameters"]["fingerprints"].as_array().unwrap().is_empty());
    b.ok(
        "connectTransport",
        json!({"transportId": tid, "dtlsParameters": client_dtls_parameters()}),
    )
    .await;
    let p = b
        .ok("produce", json!({"transportId": tid, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(1111), "appData": {}}))
        .await;
    let pid = p["producerId"].as_str().unwrap().to_string();
    (b, tid, pid)
}

async fn viewer_consuming(server: &sfu::ServerHandle, room: &str, producer: &str) -> (Client, String) {
    let mut v = Client::connect(server).await;
    let joined = v.join_with_caps(room, "viewer").await;
    let listed: Vec<&str> = joined["producers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["producerId"].as_str().unwrap())
        .collect();
    assert!(listed.contains(&producer), "late joiner sees the producer: {joined}");
    let t = v.ok("createTransport", json!({"direction": "recv"})).await;
    let tid = t["transportId"].as_str().unwrap().to_string();
    v.ok(
        "connectTransport",
        json!({"transportId": tid, "dtlsParameters": client_dtls_parameters()}),
    )
    .await;
    let c = v
        .ok("consume", json!({"transportId": tid, "producerId": producer}))
        .await;
    assert_eq!(c["kind"], "audio");
    assert_eq!(c["type"], "simple");
    assert_eq!(c["producerId"], producer);
    assert_eq!(c["rtpParameters"]["codecs"][0]["mimeType"], "audio/opus");
    let cid = c["consumerId"].as_str().unwrap().to_string();
    v.ok("resumeConsumer", json!({"consumerId": cid})).await;
    (v, cid)
}

#[tokio::test]
async fn produce_consume_and_leave_release_everything() {
    let server = start(test_config(1)).await;
    let (mut b, _, pid) = broadcaster_with_producer(&server, "r1").await;
    let (mut v, cid) = viewer_consuming(&server, "r1", &pid).await;

    let joined = b.notification("peerJoined").await;
    assert_eq!(joined["role"], "viewer");
    let c = server.counts();
    assert_eq!(
        (c.rooms, c.peers, c.transports, c.producers, c.consumers),
        (1, 2, 2, 1, 1)
    );
    let (routers, transports) = server.mediasoup_objects().await;
    assert_eq!((routers, transports), (1, 2), "mediasoup agrees");

    v.ok("pauseConsumer", json!({"consumerId": cid})).await;
    v.ok("resumeConsumer", json!({"consumerId": cid})).await;
    v.ok("setPreferredLayers", json!({"consumerId": cid, "spatialLayer": 0}))
        .await;
    b.ok("pauseProducer", json!({"producerId": pid})).await;
    assert_eq!(v.notification("producerPaused").await["producerId"], pid);
    b.ok("resumeProducer", json!({"producerId": pid})).await;
    assert_eq!(v.notification("producerResumed").await["producerId"], pid);

    // The broadcaster leaves: the viewer hears producerClosed, consumerClosed and peerLeft.
    b.ok("leave", json!({})).await;
    assert_eq!(v.notification("producerClosed").await["producerId"], pid);
    assert_eq!(v.notification("consumerClosed").await["consumerId"], cid);
    v.notification("peerLeft").await;
    eventually("producer and consumer released", || {
        let c = server.counts();
        c.producers == 0 && c.consumers == 0 && c.peers == 1 && c.transports == 1
    })
    .await;
    // The consumer is gone from the viewer's state too.
    assert_eq!(
        v.request("resumeConsumer", json!({"consumerId": cid}))
            .await
            .unwrap_err()
            .0,
        "not_found"
    );

    v.ok("leave", json!({})).await;
    assert_released(&server).await;
    // A session may join again after leaving.
    v.join("r1", "viewer").await;
    v.close().await;
    b.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn socket_drop_releases_everything() {
    let server = start(test_config(1)).await;
    let (b, _, pid) = broadcaster_with_producer(&server, "drop").await;
    let (v, _) = viewer_consuming(&server, "drop", &pid).await;
    assert_eq!(server.counts().consumers, 1);
    // Drop both sockets without a close handshake.
    drop(b);
    drop(v);
    assert_released(&server).await;
    assert_eq!(server.counts().connections, 0);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn closing_a_producer_closes_its_consumers() {
    let server = start(test_config(1)).await;
    let (mut b, _, pid) = broadcaster_with_producer(&server, "cp").await;
    let (mut v, cid) = viewer_consuming(&server, "cp", &pid).await;
    b.ok("closeProducer", json!({"producerId": pid})).await;
    assert_eq!(v.notification("consumerClosed").await["consumerId"], cid);
    assert_eq!(v.notification("producerClosed").await["producerId"], pid);
    eventually("consumer released", || {
        server.counts().consumers == 0 && server.counts().producers == 0
    })
    .await;
    assert_eq!(
        b.request("closeProducer", json!({"producerId": pid}))
            .await
            .unwrap_err()
            .0,
        "not_found"
    );
    b.close().await;
    v.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn new_producer_is_announced_to_viewers_already_in_the_room() {
    let server = start(test_config(1)).await;
    let mut v = Client::connect(&server).await;
    v.join_with_caps("ann", "viewer").await;
    let (b, _, pid) = broadcaster_with_producer(&server, "ann").await;
    let n = v.notification("newProducer").await;
    assert_eq!(n["producerId"], pid);
    assert_eq!(n["kind"], "audio");
    b.close().await;
    v.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn two_rooms_land_on_two_workers() {
    let server = start(test_config(2)).await;
    assert_eq!(server.workers().len(), 2);
    let (b1, _, _) = broadcaster_with_producer(&server, "room-a").await;
    let (b2, _, _) = broadcaster_with_producer(&server, "room-b").await;
    let mut rooms = server.rooms();
    rooms.sort();
    assert_eq!(rooms.len(), 2);
    assert_ne!(rooms[0].1, rooms[1].1, "rooms on different workers: {rooms:?}");
    for w in server.workers() {
        assert_eq!((w.rooms, w.peers), (1, 1), "{w:?}");
        assert!(w.tid > 0);
        assert!(w.cpu_seconds.is_some());
        assert!(w.ports.iter().any(|p| p.starts_with("udp/")), "{w:?}");
    }
    b1.close().await;
    b2.close().await;
    assert_released(&server).await;
    for w in server.workers() {
        assert_eq!((w.rooms, w.peers), (0, 0));
    }
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn restart_ice_returns_new_credentials() {
    let server = start(test_config(1)).await;
    let mut b = Client::connect(&server).await;
    b.join("ice", "broadcaster").await;
    let t = b.ok("createTransport", json!({"direction": "send"})).await;
    let before = t["iceParameters"]["password"].clone();
    let r = b.ok("restartIce", json!({"transportId": t["transportId"]})).await;
    assert!(r["iceParameters"]["password"].is_string());
    assert_ne!(r["iceParameters"]["password"], before);
    b.close().await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn scheme_follows_tls_mode() {
    let server = start(test_config(1)).await;
    let expected = if tls_mode() { "wss://" } else { "ws://" };
    assert!(server.ws_url().starts_with(expected), "{}", server.ws_url());
    assert_eq!(server.tls_certificate_pem().is_some(), tls_mode());
    let mut c = Client::connect(&server).await;
    assert_eq!(c.ok("ping", json!({})).await["pong"], true);
    c.close().await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn ping_and_router_capabilities_work_before_join() {
    let server = start(test_config(1)).await;
    let mut c = Client::connect(&server).await;
    let pong = c.ok("ping", json!({})).await;
    assert_eq!(pong["pong"], true);
    let caps = c.ok("getRouterRtpCapabilities", json!({})).await;
    let codecs: Vec<&str> = caps["routerRtpCapabilities"]["codecs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["mimeType"].as_str().unwrap())
        .collect();
    assert!(
        codecs.contains(&"audio/opus") && codecs.contains(&"video/VP8"),
        "{codecs:?}"
    );
    let joined = c.join("caps", "viewer").await;
    assert_eq!(joined["routerRtpCapabilities"], caps["routerRtpCapabilities"]);
    assert_eq!(joined["iceServers"], json!([]));
    c.close().await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn ice_servers_from_config_are_handed_out() {
    let mut config = test_config(1);
    config.ice_servers = vec![sfu::config::IceServerConfig {
        urls: vec!["stun:stun.example.net:3478".into()],
        username: None,
        credential: None,
    }];
    let server = start(config).await;
    let mut c = Client::connect(&server).await;
    let joined = c.join("ice-servers", "viewer").await;
    assert_eq!(joined["iceServers"], json!([{"urls": ["stun:stun.example.net:3478"]}]));
    c.close().await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn shutdown_tells_peers_and_closes_everything() {
    let server = start(test_config(1)).await;
    let (mut b, _, pid) = broadcaster_with_producer(&server, "bye").await;
    let (mut v, _) = viewer_consuming(&server, "bye", &pid).await;
    let counts = server.counts();
    assert_eq!(counts.peers, 2);
    let token = server.shutdown_token();
    let stopper = tokio::spawn(async move { server.shutdown().await });
    token.cancelled().await;
    for c in [&mut b, &mut v] {
        assert_eq!(c.recv_close().await, Some(1001));
        let n: Vec<&Value> = c
            .notifications
            .iter()
            .filter(|n| n["notification"] == "serverShutdown")
            .collect();
        assert_eq!(n.len(), 1, "serverShutdown notification before close");
    }
    stopper.await.unwrap().unwrap();
}
