//! A broadcaster's hostile `rtpParameters` and `appData.topics`: refused at `produce` with
//! `invalid_params` while the room's viewers keep receiving; and the vendored mediasoup crate returns errors, not panics,
//! for the producer parameters it used to unwrap on.

mod common;

use std::num::NonZeroU32;
use std::time::Duration;

use common::{assert_all_connected, broadcast_options, eventually, start, test_config, viewer_options, Client};
use mediasoup::prelude::*;
use mediasoup::worker::WorkerSettings;
use mediasoup::worker_manager::WorkerManager;
use serde_json::{json, Value};
use sfu::synthetic::{run_broadcasters, run_viewers};

/// VP8 with RTX, as a browser sends it, with the given encodings.
fn vp8_params(encodings: Value) -> Value {
    json!({
        "mid": "1",
        "codecs": [
            {"mimeType": "video/VP8", "payloadType": 96, "clockRate": 90000, "parameters": {},
             "rtcpFeedback": [{"type": "nack"}, {"type": "nack", "parameter": "pli"}]},
            {"mimeType": "video/rtx", "payloadType": 97, "clockRate": 90000, "parameters": {"apt": 96}, "rtcpFeedback": []}
        ],
        "headerExtensions": [{"uri": "urn:ietf:params:rtp-hdrext:sdes:mid", "id": 4, "encrypt": false}],
        "encodings": encodings,
        "rtcp": {"cname": "hostile", "reducedSize": true}
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_rtp_parameters_are_refused_while_the_room_plays_on() {
    let server = start(test_config(1)).await;
    let room = "produce-params";
    let broadcast = tokio::spawn(run_broadcasters(broadcast_options(
        &server,
        room,
        1,
        Duration::from_secs(9),
    )));
    eventually("the broadcaster produces", || server.counts().producers >= 1).await;
    let viewers = tokio::spawn(run_viewers(viewer_options(&server, room, 1, Duration::from_secs(5))));

    let mut c = Client::connect(&server).await;
    c.join(room, "broadcaster").await;
    let send = c.ok("createTransport", json!({"direction": "send"})).await["transportId"].clone();
    let twenty: Vec<Value> = (0..20).map(|i| json!({"ssrc": 1000 + i})).collect();
    let hostile = [
        ("video", vp8_params(json!(twenty)), "20 encodings"),
        (
            "video",
            vp8_params(json!([{"ssrc": 1, "scalabilityMode": "L9T9"}])),
            "scalabilityMode",
        ),
        (
            "video",
            vp8_params(json!([{"ssrc": 1, "scalabilityMode": "L1T3garbage"}])),
            "scalabilityMode",
        ),
        (
            "video",
            vp8_params(json!([{"ssrc": 1, "rtx": {"ssrc": 1}}])),
            "ssrc 1 appears twice",
        ),
    ];
    for (kind, params, fragment) in hostile {
        let e = c
            .request(
                "produce",
                json!({"transportId": send, "kind": kind, "rtpParameters": params}),
            )
            .await
            .expect_err("hostile rtpParameters are refused");
        assert_eq!(e.0, "invalid_params", "{fragment}: {e:?}");
        assert!(e.1.contains(fragment) || e.1.contains("rtpParameters"), "{e:?}");
    }
    // Topic tags in appData: a list of at most 8 short tags of a-z 0-9 - _ .
    let nine: Vec<String> = (0..9).map(|i| format!("t{i}")).collect();
    for topics in [
        json!("music"),
        json!([1, 2]),
        json!(nine),
        json!(["Music"]),
        json!(["a b"]),
        json!(["x".repeat(33)]),
        json!(["<script>"]),
    ] {
        let e = c
            .request(
                "produce",
                json!({"transportId": send, "kind": "video", "rtpParameters": vp8_params(json!([{"ssrc": 4242}])),
                       "appData": {"topics": topics}}),
            )
            .await
            .expect_err("bad topics are refused");
        assert_eq!(e.0, "invalid_params", "{topics}: {e:?}");
        assert!(e.1.contains("appData.topics"), "{e:?}");
    }
    // The session still works: a proper camera with topics is accepted on the same transport.
    c.ok(
        "produce",
        json!({"transportId": send, "kind": "video", "rtpParameters": vp8_params(json!([{"ssrc": 4242}])),
               "appData": {"topics": ["music", "jazz"], "source": "camera"}}),
    )
    .await;

    let v = viewers.await.expect("viewer task").expect("viewers run");
    let b = broadcast.await.expect("broadcaster task").expect("broadcasters run");
    assert_all_connected(&b);
    assert_all_connected(&v);
    let audio: u64 = v.peers[0]
        .streams
        .iter()
        .filter(|s| s.kind == "audio")
        .map(|s| s.received)
        .sum();
    // ~5 s at 50 packets per second, while the hostile produces were refused.
    assert!(audio >= 150, "the viewer kept receiving: {}", v.summary);
    // The server is up: a new client joins.
    let mut late = Client::connect(&server).await;
    late.join(room, "viewer").await;
    late.close().await;
    c.close().await;
    server.shutdown().await.expect("clean shutdown");
}

/// A broadcaster's topic tags reach every utterance it records (the admin dump lists them).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topics_from_app_data_tag_the_recorded_utterances() {
    let server = start(test_config(1)).await;
    let room = "produce-topics";
    let mut b = broadcast_options(&server, room, 1, Duration::from_secs(20));
    b.topics = vec!["music".into(), "jazz".into()];
    b.speech.talk = Duration::from_millis(800);
    b.speech.silence = Duration::from_millis(700);
    let cancel = b.cancel.clone();
    let broadcast = tokio::spawn(run_broadcasters(b));
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let tagged = loop {
        let dump = server.dump(Some(room)).await;
        let utterances: Vec<_> = dump.rooms.into_iter().flat_map(|r| r.utterances).collect();
        if utterances.len() >= 2 {
            break utterances;
        }
        assert!(std::time::Instant::now() < deadline, "no two utterances recorded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    cancel.cancel();
    let _ = broadcast.await;
    for u in &tagged {
        assert_eq!(u.topics, ["music", "jazz"], "{u:?}");
    }
    server.shutdown().await.expect("clean shutdown");
}

/// Straight through the vendored crate, below our validation: a producer with more encodings
/// than a scalability mode can name (`L120T1`) used to panic in `Transport::consume`
/// (`ortc::get_consumer_rtp_parameters`); now it is an error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_vendored_crate_returns_errors_for_many_encodings() {
    let manager = WorkerManager::new();
    let worker = manager
        .create_worker(WorkerSettings::default())
        .await
        .expect("worker starts");
    let codecs = vec![RtpCodecCapability::Video {
        mime_type: MimeTypeVideo::Vp8,
        preferred_payload_type: None,
        clock_rate: NonZeroU32::new(90000).unwrap(),
        parameters: RtpCodecParametersParameters::default(),
        rtcp_feedback: vec![],
    }];
    let router = worker.create_router(RouterOptions::new(codecs)).await.expect("router");
    let transport = router
        .create_direct_transport(DirectTransportOptions::default())
        .await
        .expect("direct transport");
    let many: Vec<Value> = (0..120).map(|i| json!({"ssrc": 5000 + i})).collect();
    let params: RtpParameters = serde_json::from_value(vp8_params(json!(many))).unwrap();
    let producer = transport
        .produce(ProducerOptions::new(MediaKind::Video, params))
        .await
        .expect("mediasoup itself accepts 120 encodings");
    let caps: RtpCapabilities =
        serde_json::from_value(serde_json::to_value(router.rtp_capabilities()).unwrap()).unwrap();
    let e = transport
        .consume(ConsumerOptions::new(producer.id(), caps))
        .await
        .expect_err("no consumer of a producer with 120 encodings");
    assert!(e.to_string().contains("L120T1"), "{e}");
}
