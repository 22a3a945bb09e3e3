//! Hostile input: every malformed, unknown, out-of-order or abusive message gets the documented
//! error code, the connection stays usable, and the server keeps serving well-behaved peers.

mod common;

use common::*;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

const UUID: &str = "6f1c2b0e-6a57-4c38-9d2c-2f0a5f9e1a11";

fn config() -> sfu::Config {
    let mut c = test_config(1);
    c.limits.max_message_bytes = 4096;
    c.limits.max_frame_bytes = 65536;
    c.limits.max_transports_per_peer = 2;
    c.limits.max_producers_per_peer = 1;
    c
}

/// Sends `text` and checks the error code of the answer; returns the answer.
async fn expect_error(c: &mut Client, case: &str, text: &str, code: &str) -> Value {
    c.send_text(text).await;
    let r = c.recv_response().await;
    assert_eq!(r["ok"], false, "{case}: expected an error, got {r}");
    assert_eq!(r["error"]["code"], code, "{case}: {r}");
    assert!(
        !r["error"]["message"].as_str().unwrap_or("").is_empty(),
        "{case}: error has a message"
    );
    r
}

fn req(id: u64, method: &str, data: Value) -> String {
    json!({"id": id, "method": method, "data": data}).to_string()
}

#[tokio::test]
async fn malformed_and_out_of_order_messages_get_error_codes() {
    let server = start(config()).await;
    let mut c = Client::connect(&server).await;
    let mut cases = 0;
    let nested = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let long_room = "r".repeat(100);
    let long_name = "n".repeat(1000);
    let not_joined: Vec<(&str, String, &str)> = vec![
        ("invalid JSON", "{nope".into(), "bad_json"),
        ("empty frame", "".into(), "bad_json"),
        ("trailing garbage", r#"{"id":1,"method":"ping"} x"#.into(), "bad_json"),
        ("nesting bomb", nested, "bad_json"),
        ("null", "null".into(), "bad_request"),
        ("array", "[1,2,3]".into(), "bad_request"),
        ("number", "42".into(), "bad_request"),
        ("string", r#""join""#.into(), "bad_request"),
        ("no id", r#"{"method":"ping"}"#.into(), "bad_request"),
        ("string id", r#"{"id":"1","method":"ping"}"#.into(), "bad_request"),
        ("negative id", r#"{"id":-5,"method":"ping"}"#.into(), "bad_request"),
        ("fractional id", r#"{"id":1.5,"method":"ping"}"#.into(), "bad_request"),
        ("no method", r#"{"id":1}"#.into(), "bad_request"),
        ("null method", r#"{"id":1,"method":null}"#.into(), "bad_request"),
        (
            "data not an object",
            r#"{"id":1,"method":"ping","data":"x"}"#.into(),
            "bad_request",
        ),
        (
            "unknown envelope field",
            r#"{"id":1,"method":"ping","params":{}}"#.into(),
            "bad_request",
        ),
        ("unknown method", req(1, "teleport", json!({})), "unknown_method"),
        ("method is case sensitive", req(1, "JOIN", json!({})), "unknown_method"),
        (
            "ping with parameters",
            req(1, "ping", json!({"x": 1})),
            "invalid_params",
        ),
        (
            "consume before join",
            req(1, "consume", json!({"transportId": UUID, "producerId": UUID})),
            "not_joined",
        ),
        (
            "createTransport before join",
            req(1, "createTransport", json!({"direction": "recv"})),
            "not_joined",
        ),
        (
            "produce before join",
            req(
                1,
                "produce",
                json!({"transportId": UUID, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(1)}),
            ),
            "not_joined",
        ),
        ("leave before join", req(1, "leave", json!({})), "not_joined"),
        (
            "resumeConsumer before join",
            req(1, "resumeConsumer", json!({"consumerId": UUID})),
            "not_joined",
        ),
        (
            "join without room",
            req(1, "join", json!({"role": "viewer"})),
            "invalid_params",
        ),
        (
            "join with unknown role",
            req(1, "join", json!({"room": "x", "role": "god"})),
            "invalid_params",
        ),
        (
            "join with room of wrong type",
            req(1, "join", json!({"room": 5, "role": "viewer"})),
            "invalid_params",
        ),
        (
            "join with spaces in room",
            req(1, "join", json!({"room": "a b", "role": "viewer"})),
            "invalid_params",
        ),
        (
            "join with long room",
            req(1, "join", json!({"room": long_room, "role": "viewer"})),
            "invalid_params",
        ),
        (
            "join with long display name",
            req(
                1,
                "join",
                json!({"room": "x", "role": "viewer", "displayName": long_name}),
            ),
            "invalid_params",
        ),
        (
            "join with capabilities of wrong type",
            req(
                1,
                "join",
                json!({"room": "x", "role": "viewer", "rtpCapabilities": "all"}),
            ),
            "invalid_params",
        ),
        (
            "join with unknown field",
            req(1, "join", json!({"room": "x", "role": "viewer", "admin": true})),
            "invalid_params",
        ),
    ];
    for (case, text, code) in &not_joined {
        expect_error(&mut c, case, text, code).await;
        cases += 1;
    }
    // Oversized (over max_message_bytes, under the frame limit): answered, connection kept.
    expect_error(
        &mut c,
        "too large",
        &format!(r#"{{"id":1,"method":"ping","data":{{"pad":"{}"}}}}"#, "x".repeat(5000)),
        "too_large",
    )
    .await;
    cases += 1;
    c.send_raw(Message::Binary(vec![1, 2, 3].into())).await;
    let r = c.recv_response().await;
    assert_eq!(r["error"]["code"], "bad_request", "binary frame: {r}");
    cases += 1;
    // The connection is still usable.
    assert_eq!(c.ok("ping", json!({})).await["pong"], true);

    // Joined as a viewer (without receive capabilities).
    c.join("hostile", "viewer").await;
    let viewer_cases: Vec<(&str, String, &str)> = vec![
        (
            "join twice",
            req(1, "join", json!({"room": "other", "role": "viewer"})),
            "already_joined",
        ),
        (
            "viewer send transport",
            req(1, "createTransport", json!({"direction": "send"})),
            "forbidden",
        ),
        (
            "bad direction",
            req(1, "createTransport", json!({"direction": "up"})),
            "invalid_params",
        ),
        (
            "viewer produce",
            req(
                1,
                "produce",
                json!({"transportId": UUID, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(2)}),
            ),
            "forbidden",
        ),
        (
            "connect unknown transport",
            req(
                1,
                "connectTransport",
                json!({"transportId": UUID, "dtlsParameters": client_dtls_parameters()}),
            ),
            "not_found",
        ),
        (
            "transport id not a uuid",
            req(
                1,
                "connectTransport",
                json!({"transportId": "abc", "dtlsParameters": client_dtls_parameters()}),
            ),
            "invalid_params",
        ),
        (
            "restartIce unknown transport",
            req(1, "restartIce", json!({"transportId": UUID})),
            "not_found",
        ),
        (
            "resume unknown consumer",
            req(1, "resumeConsumer", json!({"consumerId": UUID})),
            "not_found",
        ),
        (
            "layers for unknown consumer",
            req(1, "setPreferredLayers", json!({"consumerId": UUID, "spatialLayer": 0})),
            "not_found",
        ),
        (
            "layers of wrong type",
            req(1, "setPreferredLayers", json!({"consumerId": UUID, "spatialLayer": -1})),
            "invalid_params",
        ),
        (
            "pause someone else's producer",
            req(1, "pauseProducer", json!({"producerId": UUID})),
            "not_found",
        ),
        (
            "consume without capabilities",
            req(1, "consume", json!({"transportId": UUID, "producerId": UUID})),
            "invalid_params",
        ),
    ];
    for (case, text, code) in &viewer_cases {
        expect_error(&mut c, case, text, code).await;
        cases += 1;
    }
    let recv = c.ok("createTransport", json!({"direction": "recv"})).await;
    let recv_id = recv["transportId"].clone();
    expect_error(
        &mut c,
        "dtls with unknown algorithm",
        &req(1, "connectTransport", json!({"transportId": recv_id, "dtlsParameters": {"role": "client", "fingerprints": [{"algorithm": "md5", "value": "00"}]}})),
        "invalid_params",
    )
    .await;
    c.ok(
        "connectTransport",
        json!({"transportId": recv_id, "dtlsParameters": client_dtls_parameters()}),
    )
    .await;
    expect_error(
        &mut c,
        "connect twice",
        &req(
            1,
            "connectTransport",
            json!({"transportId": recv_id, "dtlsParameters": client_dtls_parameters()}),
        ),
        "media_error",
    )
    .await;
    c.ok("createTransport", json!({"direction": "recv"})).await;
    expect_error(
        &mut c,
        "too many transports",
        &req(1, "createTransport", json!({"direction": "recv"})),
        "limit_exceeded",
    )
    .await;
    cases += 3;
    c.ok("leave", json!({})).await;

    // Joined as a broadcaster with capabilities.
    c.join_with_caps("hostile", "broadcaster").await;
    let send = c.ok("createTransport", json!({"direction": "send"})).await["transportId"].clone();
    let recv = c.ok("createTransport", json!({"direction": "recv"})).await["transportId"].clone();
    let bad_params =
        json!({"codecs": [], "headerExtensions": [], "encodings": [], "rtcp": {"cname": "x", "reducedSize": true}});
    let broadcaster_cases: Vec<(&str, String, &str)> = vec![
        (
            "produce on recv transport",
            req(
                1,
                "produce",
                json!({"transportId": recv, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(3)}),
            ),
            "wrong_direction",
        ),
        (
            "produce unknown kind",
            req(
                1,
                "produce",
                json!({"transportId": send, "kind": "smell", "rtpParameters": browser_opus_rtp_parameters(3)}),
            ),
            "invalid_params",
        ),
        (
            "produce without codecs",
            req(
                1,
                "produce",
                json!({"transportId": send, "kind": "audio", "rtpParameters": bad_params}),
            ),
            "invalid_params",
        ),
        (
            "produce rtpParameters not an object",
            req(
                1,
                "produce",
                json!({"transportId": send, "kind": "audio", "rtpParameters": [1]}),
            ),
            "invalid_params",
        ),
        (
            "consume on send transport",
            req(1, "consume", json!({"transportId": send, "producerId": UUID})),
            "wrong_direction",
        ),
        (
            "consume unknown producer",
            req(1, "consume", json!({"transportId": recv, "producerId": UUID})),
            "not_found",
        ),
    ];
    for (case, text, code) in &broadcaster_cases {
        expect_error(&mut c, case, text, code).await;
        cases += 1;
    }
    c.ok(
        "produce",
        json!({"transportId": send, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(4)}),
    )
    .await;
    expect_error(
        &mut c,
        "too many producers",
        &req(
            1,
            "produce",
            json!({"transportId": send, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(5)}),
        ),
        "limit_exceeded",
    )
    .await;
    cases += 1;
    println!("hostile inputs (distinct) malformed or out of order: {cases}");
    assert!(cases >= 30, "{cases} distinct hostile cases");
    assert_eq!(c.ok("ping", json!({})).await["pong"], true, "connection still usable");
    c.close().await;
    assert_released(&server).await;

    well_behaved_peers_still_work(&server).await;
    server.shutdown().await.unwrap();
}

async fn well_behaved_peers_still_work(server: &sfu::ServerHandle) {
    let mut b = Client::connect(server).await;
    b.join("after", "broadcaster").await;
    let send = b.ok("createTransport", json!({"direction": "send"})).await["transportId"].clone();
    b.ok(
        "connectTransport",
        json!({"transportId": send, "dtlsParameters": client_dtls_parameters()}),
    )
    .await;
    let pid = b
        .ok(
            "produce",
            json!({"transportId": send, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(9)}),
        )
        .await["producerId"]
        .clone();
    let mut v = Client::connect(server).await;
    v.join_with_caps("after", "viewer").await;
    let recv = v.ok("createTransport", json!({"direction": "recv"})).await["transportId"].clone();
    let cid = v.ok("consume", json!({"transportId": recv, "producerId": pid})).await["consumerId"].clone();
    v.ok("resumeConsumer", json!({"consumerId": cid})).await;
    b.close().await;
    v.close().await;
    assert_released(server).await;
}

#[tokio::test]
async fn a_frame_over_the_hard_limit_closes_only_that_connection() {
    let server = start(config()).await;
    let mut other = Client::connect(&server).await;
    other.join("big", "viewer").await;
    let mut c = Client::connect(&server).await;
    c.send_text("x".repeat(100_000)).await;
    assert_eq!(c.recv_close().await, Some(1009));
    assert_eq!(other.ok("ping", json!({})).await["pong"], true);
    other.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_flood_is_rate_limited_then_cut_off() {
    let mut config = config();
    config.limits.messages_per_second = 5;
    config.limits.message_burst = 10;
    let server = start(config).await;
    let mut c = Client::connect(&server).await;
    for i in 0..30u64 {
        c.send_text(req(i, "ping", json!({}))).await;
    }
    let mut ok = 0;
    let mut limited = 0;
    for _ in 0..30 {
        let r = c.recv_response().await;
        if r["ok"] == true {
            ok += 1;
        } else {
            assert_eq!(r["error"]["code"], "rate_limited", "{r}");
            limited += 1;
        }
    }
    assert!((10..15).contains(&ok), "burst passes, the rest is limited: ok {ok}");
    assert!(limited >= 15, "limited {limited}");
    // After a pause the bucket refills and the connection works again.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(c.ok("ping", json!({})).await["pong"], true);

    // A flood far over the limit is cut off with 1008.
    for i in 0..400u64 {
        c.send_text(req(i, "ping", json!({}))).await;
    }
    assert_eq!(c.recv_close().await, Some(1008));
    let mut fresh = Client::connect(&server).await;
    assert_eq!(fresh.ok("ping", json!({})).await["pong"], true, "others unaffected");
    fresh.close().await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn per_ip_connection_limit() {
    let mut config = config();
    config.limits.max_connections_per_ip = 3;
    let server = start(config).await;
    let mut clients = Vec::new();
    for _ in 0..3 {
        clients.push(Client::connect(&server).await);
    }
    let refused = ws_connect(&server).await;
    match refused {
        Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => {
            assert_eq!(resp.status(), 429);
            let body: Value = serde_json::from_slice(resp.body().as_deref().unwrap_or_default()).unwrap();
            assert_eq!(body["error"]["code"], "limit_exceeded");
        }
        other => panic!(
            "fourth connection should be refused with 429, got {:?}",
            other.map(|_| ())
        ),
    }
    // Closing one frees a place.
    clients.pop().unwrap().close().await;
    eventually("connection released", || server.counts().connections == 2).await;
    clients.push(Client::connect(&server).await);
    for c in clients {
        c.close().await;
    }
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_silent_peer_is_dropped_by_the_heartbeat() {
    let mut config = config();
    config.limits.heartbeat_interval_secs = 1;
    config.limits.heartbeat_timeout_secs = 2;
    let server = start(config).await;
    let mut silent = Client::connect(&server).await;
    silent.join("hb", "broadcaster").await;
    silent.ok("createTransport", json!({"direction": "send"})).await;
    // A client that never reads never answers pings.
    let started = std::time::Instant::now();
    eventually("silent peer dropped", || server.counts().peers == 0).await;
    assert!(started.elapsed() >= std::time::Duration::from_secs(2));
    assert_released(&server).await;
    drop(silent);
    server.shutdown().await.unwrap();
}

/// Another peer's real ids, read from the admin dump: the owner broadcaster's send transport and
/// producer, the owner viewer's recv transport and consumer.
struct Victims {
    send_transport: String,
    producer: String,
    recv_transport: String,
    consumer: String,
}

async fn victims(server: &sfu::ServerHandle, room: &str) -> Victims {
    let dump = server.dump(Some(room)).await;
    let peers = &dump
        .rooms
        .iter()
        .find(|r| r.id == room)
        .expect("room in the dump")
        .peers;
    let owner = peers
        .iter()
        .find(|p| p.display_name.as_deref() == Some("synthetic-b0"))
        .expect("the synthetic broadcaster");
    let viewer = peers
        .iter()
        .find(|p| p.display_name.as_deref() == Some("synthetic-v0"))
        .expect("the synthetic viewer");
    let recv = viewer
        .transports
        .iter()
        .find(|t| t.direction == "recv")
        .expect("recv transport");
    Victims {
        send_transport: owner.transports[0].id.clone(),
        producer: owner.producers[0].id.clone(),
        recv_transport: recv.id.clone(),
        consumer: viewer.consumers[0].id.clone(),
    }
}

/// Every request that names another peer's real transport, producer or consumer, with the
/// method it goes to.
fn requests_on_others_objects(v: &Victims) -> Vec<(&'static str, &'static str, Value)> {
    let dtls = client_dtls_parameters();
    let opus = browser_opus_rtp_parameters(77);
    vec![
        (
            "pause another's producer",
            "pauseProducer",
            json!({"producerId": v.producer}),
        ),
        (
            "resume another's producer",
            "resumeProducer",
            json!({"producerId": v.producer}),
        ),
        (
            "close another's producer",
            "closeProducer",
            json!({"producerId": v.producer}),
        ),
        (
            "pause another's consumer",
            "pauseConsumer",
            json!({"consumerId": v.consumer}),
        ),
        (
            "resume another's consumer",
            "resumeConsumer",
            json!({"consumerId": v.consumer}),
        ),
        (
            "layers on another's consumer",
            "setPreferredLayers",
            json!({"consumerId": v.consumer, "spatialLayer": 0, "temporalLayer": 0}),
        ),
        (
            "connect another's send transport",
            "connectTransport",
            json!({"transportId": v.send_transport, "dtlsParameters": dtls}),
        ),
        (
            "connect another's recv transport",
            "connectTransport",
            json!({"transportId": v.recv_transport, "dtlsParameters": dtls}),
        ),
        (
            "restartIce on another's send transport",
            "restartIce",
            json!({"transportId": v.send_transport}),
        ),
        (
            "restartIce on another's recv transport",
            "restartIce",
            json!({"transportId": v.recv_transport}),
        ),
        (
            "consume on another's transport",
            "consume",
            json!({"transportId": v.recv_transport, "producerId": v.producer}),
        ),
        (
            "produce on another's transport",
            "produce",
            json!({"transportId": v.send_transport, "kind": "audio", "rtpParameters": opus}),
        ),
        (
            "feed on another's transport",
            "subscribeFeed",
            json!({"transportId": v.recv_transport}),
        ),
        // Real ids of the wrong kind.
        (
            "a producer id as a consumer",
            "pauseConsumer",
            json!({"consumerId": v.producer}),
        ),
        (
            "a consumer id as a producer",
            "closeProducer",
            json!({"producerId": v.consumer}),
        ),
        (
            "a transport id as a consumer",
            "resumeConsumer",
            json!({"consumerId": v.recv_transport}),
        ),
        (
            "a consumer id as a transport",
            "restartIce",
            json!({"transportId": v.consumer}),
        ),
    ]
}

/// A joined attacker sends requests naming another peer's real objects: each gets `not_found`,
/// and nothing changes for the owner: its producer stays unpaused, its viewer keeps receiving
/// every packet, its transports are not touched. The same ids on the attacker's own objects
/// work (a positive control: the ids are live, only ownership refuses them).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_peers_real_ids_are_not_found_and_the_owner_loses_nothing() {
    use sfu::synthetic::{run_broadcasters, run_viewers};
    use std::time::Duration;
    let server = start(test_config(1)).await;
    let owner = tokio::spawn(run_broadcasters(broadcast_options(
        &server,
        "owned",
        1,
        Duration::from_secs(8),
    )));
    eventually("owner producing", || server.counts().producers == 1).await;
    let viewer = tokio::spawn(run_viewers(viewer_options(&server, "owned", 1, Duration::from_secs(5))));
    eventually("owner's viewer consuming", || server.counts().consumers == 1).await;
    let v = victims(&server, "owned").await;

    let mut attacker = Client::connect(&server).await;
    attacker.join_with_caps("owned", "broadcaster").await;
    let own_recv = attacker.ok("createTransport", json!({"direction": "recv"})).await["transportId"].clone();
    attacker.ok("createTransport", json!({"direction": "send"})).await;
    let mut outsider = Client::connect(&server).await;
    outsider.join_with_caps("elsewhere", "broadcaster").await;
    let outsider_recv = outsider.ok("createTransport", json!({"direction": "recv"})).await["transportId"].clone();

    let cases = requests_on_others_objects(&v);
    for (case, method, data) in &cases {
        expect_error(&mut attacker, case, &req(1, method, data.clone()), "not_found").await;
        expect_error(&mut outsider, case, &req(1, method, data.clone()), "not_found").await;
    }
    expect_error(
        &mut outsider,
        "consume a producer of another room",
        &req(
            1,
            "consume",
            json!({"transportId": outsider_recv, "producerId": v.producer}),
        ),
        "not_found",
    )
    .await;
    let distinct = cases.len() + 1;
    println!("hostile inputs (distinct) naming another peer's real objects: {distinct}");

    // Nothing changed for the owner, in the server's own view.
    let dump = server.dump(Some("owned")).await;
    let peers = &dump.rooms[0].peers;
    let owner_dump = peers
        .iter()
        .find(|p| p.producers.iter().any(|x| x.id == v.producer))
        .unwrap();
    assert!(
        !owner_dump.producers[0].paused,
        "the owner's producer is not paused: {owner_dump:?}"
    );
    let viewer_dump = peers
        .iter()
        .find(|p| p.consumers.iter().any(|c| c.id == v.consumer))
        .unwrap();
    assert!(
        !viewer_dump.consumers[0].paused,
        "the viewer's consumer is not paused: {viewer_dump:?}"
    );
    assert_eq!(server.counts().producers, 1);

    // The positive control: the same producer id consumed on the attacker's own transport works.
    let own = attacker
        .ok("consume", json!({"transportId": own_recv, "producerId": v.producer}))
        .await;
    attacker
        .ok("pauseConsumer", json!({"consumerId": own["consumerId"]}))
        .await;
    attacker.ok("restartIce", json!({"transportId": own_recv})).await;

    // Through the owner's media: its viewer received every packet while this went on.
    let report = viewer.await.unwrap().expect("viewer runs");
    assert_all_connected(&report);
    let streams = &report.peers[0].streams;
    assert_eq!(streams.len(), 1, "one stream, never closed: {streams:?}");
    let s = &streams[0];
    assert_eq!(s.producer_id, v.producer);
    assert_eq!((s.lost, s.duplicates), (0, 0), "{s:?}");
    assert!(s.received >= 150, "~5 s at 50 packets/s: {s:?}");
    let b = owner.await.unwrap().expect("owner runs");
    assert_all_connected(&b);
    attacker.close().await;
    outsider.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}
