//! The feed's signaling against a real server: subscribeFeed gives a consumer of the viewer's own
//! DirectTransport producer, the feed says when it has nothing to play, the methods around it
//! reject what they must, and everything is released when the viewer unsubscribes or leaves.
//! (Media through the feed is exercised by the synthetic-peer and browser tests.)

mod common;

use common::*;
use serde_json::json;

/// A joined viewer (with receive capabilities) and its connected recv transport.
async fn viewer(server: &sfu::ServerHandle, room: &str) -> (Client, String) {
    let mut v = Client::connect(server).await;
    v.join_with_caps(room, "viewer").await;
    let t = v.ok("createTransport", json!({"direction": "recv"})).await;
    let tid = t["transportId"].as_str().unwrap().to_string();
    v.ok(
        "connectTransport",
        json!({"transportId": tid, "dtlsParameters": client_dtls_parameters()}),
    )
    .await;
    (v, tid)
}

#[tokio::test]
async fn subscribe_feed_waits_for_speech_and_releases_everything() {
    let server = start(test_config(1)).await;
    let (mut v, tid) = viewer(&server, "feed1").await;

    let c = v.ok("subscribeFeed", json!({"transportId": tid})).await;
    assert_eq!(c["kind"], "audio");
    assert_eq!(c["type"], "simple");
    assert_eq!(c["rtpParameters"]["codecs"][0]["mimeType"], "audio/opus");
    let encodings = c["rtpParameters"]["encodings"].as_array().unwrap();
    assert_eq!(encodings.len(), 1, "one SSRC for the whole feed: {c}");
    let cid = c["consumerId"].as_str().unwrap().to_string();
    v.ok("resumeConsumer", json!({"consumerId": cid})).await;

    // Nobody speaks: the feed says so instead of going silent without a word.
    assert_eq!(v.notification("feedWaiting").await["reason"], "nothingToPlay");
    let counts = server.counts();
    assert_eq!((counts.feeds, counts.consumers), (1, 1));
    assert_eq!(server.feed_stats().feeds, 1);

    let (code, _) = v
        .request("subscribeFeed", json!({"transportId": tid}))
        .await
        .unwrap_err();
    assert_eq!(code, "already_subscribed");
    v.ok("skip", json!({})).await;
    v.ok("like", json!({})).await;
    let (code, _) = v.request("like", json!({"utterance": 1})).await.unwrap_err();
    assert_eq!(code, "invalid_params", "like takes no parameters");
    v.ok("setPreferences", json!({"favour": ["a"], "mute": ["b"]})).await;

    // Unsubscribing closes the feed's producer and the consumer with it.
    v.ok("unsubscribeFeed", json!({})).await;
    eventually("feed released", || {
        let c = server.counts();
        c.feeds == 0 && c.consumers == 0 && server.feed_stats().feeds == 0
    })
    .await;
    let (code, _) = v.request("skip", json!({})).await.unwrap_err();
    assert_eq!(code, "not_found");
    let (code, _) = v.request("like", json!({})).await.unwrap_err();
    assert_eq!(code, "not_found");
    let (code, _) = v.request("unsubscribeFeed", json!({})).await.unwrap_err();
    assert_eq!(code, "not_found");

    // And a second subscription works after the first.
    let c = v.ok("subscribeFeed", json!({"transportId": tid})).await;
    assert!(c["consumerId"].is_string());
    assert_eq!(server.counts().feeds, 1);

    // Leaving with a feed running releases it too.
    v.ok("leave", json!({})).await;
    assert_released(&server).await;
    assert_eq!(server.feed_stats().feeds, 0);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn feed_methods_reject_bad_use() {
    let server = start(test_config(1)).await;
    let mut s = Client::connect(&server).await;
    let (code, _) = s
        .request(
            "subscribeFeed",
            json!({"transportId": "3f2b8a4e-0000-4000-8000-000000000000"}),
        )
        .await
        .unwrap_err();
    assert_eq!(code, "not_joined");
    let (code, _) = s.request("skip", json!({})).await.unwrap_err();
    assert_eq!(code, "not_joined");

    // A broadcaster joined without receive capabilities cannot take a feed.
    s.join("feed2", "broadcaster").await;
    let t = s.ok("createTransport", json!({"direction": "send"})).await;
    let send = t["transportId"].as_str().unwrap().to_string();
    let (code, _) = s
        .request("subscribeFeed", json!({"transportId": send}))
        .await
        .unwrap_err();
    assert_eq!(code, "invalid_params", "no rtpCapabilities");

    let (mut v, tid) = viewer(&server, "feed2").await;
    let (code, _) = v
        .request(
            "subscribeFeed",
            json!({"transportId": "3f2b8a4e-0000-4000-8000-000000000000"}),
        )
        .await
        .unwrap_err();
    assert_eq!(code, "not_found");
    let (code, _) = v.request("subscribeFeed", json!({})).await.unwrap_err();
    assert_eq!(code, "invalid_params", "missing transportId");
    let (code, _) = v
        .request("subscribeFeed", json!({"transportId": tid, "video": "yes"}))
        .await
        .unwrap_err();
    assert_eq!(code, "invalid_params", "video is a boolean");
    let (code, _) = v
        .request("subscribeFeed", json!({"transportId": tid, "audio": false}))
        .await
        .unwrap_err();
    assert_eq!(code, "invalid_params", "unknown field");
    let (code, _) = v.request("setPreferences", json!({"favour": "a"})).await.unwrap_err();
    assert_eq!(code, "invalid_params", "favour must be a list");
    let (code, _) = v.request("setPreferences", json!({})).await.unwrap_err();
    assert_eq!(code, "not_found", "not subscribed");

    v.ok("subscribeFeed", json!({"transportId": tid})).await;
    let many: Vec<String> = (0..1001).map(|i| format!("u{i}")).collect();
    let (code, message) = v.request("setPreferences", json!({"mute": many})).await.unwrap_err();
    assert_eq!(code, "invalid_params", "{message}");

    // The connection keeps serving after every rejection.
    v.ok("ping", json!({})).await;
    v.close().await;
    s.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_feed_with_video_has_two_consumers_and_releases_both() {
    let server = start(test_config(1)).await;
    let (mut v, tid) = viewer(&server, "feed4").await;
    let c = v.ok("subscribeFeed", json!({"transportId": tid, "video": true})).await;
    assert_eq!(c["kind"], "audio");
    let video = &c["video"];
    assert_eq!(video["kind"], "video", "{c}");
    assert_eq!(video["type"], "simple");
    assert_eq!(video["rtpParameters"]["codecs"][0]["mimeType"], "video/VP8");
    assert_eq!(video["rtpParameters"]["encodings"].as_array().unwrap().len(), 1);
    assert_ne!(video["consumerId"], c["consumerId"]);
    assert_ne!(video["producerId"], c["producerId"]);
    for id in [&c["consumerId"], &video["consumerId"]] {
        v.ok("resumeConsumer", json!({"consumerId": id})).await;
    }
    assert_eq!(server.counts().consumers, 2);
    v.ok("unsubscribeFeed", json!({})).await;
    eventually("both feed consumers released", || {
        let c = server.counts();
        c.feeds == 0 && c.consumers == 0 && server.feed_stats().feeds == 0
    })
    .await;
    // Without video (the default) there is no `video` field.
    let c = v.ok("subscribeFeed", json!({"transportId": tid})).await;
    assert!(c.get("video").is_none(), "{c}");
    v.ok("leave", json!({})).await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn feed_released_when_the_socket_drops() {
    let server = start(test_config(1)).await;
    let (mut v, tid) = viewer(&server, "feed3").await;
    v.ok("subscribeFeed", json!({"transportId": tid})).await;
    assert_eq!(server.counts().feeds, 1);
    drop(v);
    assert_released(&server).await;
    eventually("engine dropped the feed", || server.feed_stats().feeds == 0).await;
    server.shutdown().await.unwrap();
}

/// What the admin dump says of each of the broadcaster's producers: kind → recorded.
async fn recorded(server: &sfu::ServerHandle, room: &str) -> Vec<(String, bool)> {
    let dump = server.dump(Some(room)).await;
    let mut out: Vec<(String, bool)> = dump.rooms[0]
        .peers
        .iter()
        .flat_map(|p| p.producers.iter().map(|pr| (pr.kind.clone(), pr.recorded)))
        .collect();
    out.sort();
    out
}

/// Only VP8 cameras go into the buffer (the feed's video is VP8, and key frames are found in
/// VP8's payload descriptor); an H264 camera is forwarded live but not recorded.
#[tokio::test]
async fn only_vp8_cameras_are_recorded() {
    let server = start(test_config(1)).await;
    let video = |mime: &str, pt: u8, ssrc: u32, params: serde_json::Value| {
        json!({
            "mid": "1",
            "codecs": [{"mimeType": mime, "payloadType": pt, "clockRate": 90000, "parameters": params, "rtcpFeedback": []}],
            "headerExtensions": [],
            "encodings": [{"ssrc": ssrc}],
            "rtcp": {"cname": "cam", "reducedSize": true}
        })
    };
    for (room, mime, pt, params, recorded_video) in [
        ("cam-vp8", "video/VP8", 96, json!({}), true),
        (
            "cam-h264",
            "video/H264",
            102,
            json!({"packetization-mode": 1, "profile-level-id": "42e01f", "level-asymmetry-allowed": 1}),
            false,
        ),
    ] {
        let mut b = Client::connect(&server).await;
        b.join(room, "broadcaster").await;
        let t = b.ok("createTransport", json!({"direction": "send"})).await;
        let tid = t["transportId"].as_str().unwrap().to_string();
        b.ok(
            "produce",
            json!({"transportId": tid, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(5000)}),
        )
        .await;
        b.ok(
            "produce",
            json!({"transportId": tid, "kind": "video", "rtpParameters": video(mime, pt, 6000, params)}),
        )
        .await;
        assert_eq!(
            recorded(&server, room).await,
            vec![("audio".to_string(), true), ("video".to_string(), recorded_video)],
            "{mime}"
        );
        b.close().await;
    }
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}
