//! Synthetic peers end to end against the real server over loopback: real ICE, DTLS and SRTP
//! through mediasoup, measured by the viewers.

mod common;

use std::collections::HashSet;
use std::time::Duration;

use common::{
    assert_all_connected, assert_released, broadcast_options, eventually, start, test_config, viewer_options,
};
use sfu::synthetic::{run_broadcasters, run_viewers, BroadcastOptions, Report, ViewerOptions};
use sfu::ServerHandle;

/// Starts the broadcasters, waits until the server has their `producers` producers, then runs
/// the viewers; returns both reports once everyone has left.
async fn run(
    server: &ServerHandle,
    broadcasters: BroadcastOptions,
    producers: i64,
    viewers: ViewerOptions,
) -> (Report, Report) {
    let b = tokio::spawn(run_broadcasters(broadcasters));
    eventually("broadcasters producing", || server.counts().producers >= producers).await;
    let v = run_viewers(viewers).await.expect("viewers run");
    let b = b.await.expect("broadcaster task").expect("broadcasters run");
    (b, v)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_broadcasters_twenty_viewers_audio_without_loss() {
    let server = start(test_config(1)).await;
    let (b, v) = run(
        &server,
        broadcast_options(&server, "synth-audio", 2, Duration::from_secs(9)),
        2,
        viewer_options(&server, "synth-audio", 20, Duration::from_secs(4)),
    )
    .await;
    println!("{}\n{}", b.summary, v.summary);
    assert_all_connected(&b);
    assert_all_connected(&v);
    assert!(b.summary.packets_sent > 2 * 150, "{}", b.summary);

    let producers: HashSet<&str> = v
        .peers
        .iter()
        .flat_map(|p| p.streams.iter().map(|s| s.producer_id.as_str()))
        .collect();
    assert_eq!(producers.len(), 2, "two broadcasters, one audio producer each");
    for peer in &v.peers {
        let got: HashSet<&str> = peer.streams.iter().map(|s| s.producer_id.as_str()).collect();
        assert_eq!(got, producers, "viewer {} receives every broadcaster", peer.index);
        for s in &peer.streams {
            assert_eq!(s.kind, "audio");
            // ~4 s at 50 packets per second.
            assert!(s.received >= 150, "viewer {}: {s:?}", peer.index);
            assert_eq!((s.lost, s.duplicates), (0, 0), "viewer {}: {s:?}", peer.index);
            assert!(s.first_packet_ms.is_some());
        }
    }
    let s = &v.summary;
    assert_eq!(s.loss_percent, 0.0);
    assert!(s.latency_ms.p50 > 0.0, "latency recorded: {s}");
    assert!(s.latency_ms.p99 < 50.0, "loopback latency: {s}");
    assert!(s.jitter_ms_max < 20.0, "{s}");

    assert_released(&server).await;
    let counts = server.counts();
    assert_eq!((counts.transports, counts.producers, counts.consumers), (0, 0, 0));
    server.shutdown().await.expect("clean shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn video_key_frames_and_plis_reach_the_broadcaster() {
    let server = start(test_config(1)).await;
    let mut b = broadcast_options(&server, "synth-video", 1, Duration::from_secs(7));
    b.video = true;
    // Only the key frames that are asked for (plus the first one).
    b.video_pattern.key_frame_interval = Duration::from_secs(600);
    let mut v = viewer_options(&server, "synth-video", 3, Duration::from_secs(3));
    v.pli_after = Some(Duration::from_secs(1));
    let (b, v) = run(&server, b, 2, v).await;
    println!("{}\n{}", b.summary, v.summary);
    assert_all_connected(&b);
    assert_all_connected(&v);

    for peer in &v.peers {
        let video: Vec<_> = peer.streams.iter().filter(|s| s.kind == "video").collect();
        assert_eq!(video.len(), 1, "viewer {}: {:?}", peer.index, peer.streams);
        assert!(video[0].received > 20, "{:?}", video[0]);
        assert!(
            video[0].key_frames >= 2,
            "the first key frame and the PLI's: {:?}",
            video[0]
        );
        assert_eq!(peer.plis_sent, 1);
        assert_eq!(peer.plis_answered, 1, "a key frame followed the PLI");
        assert!(peer.streams.iter().any(|s| s.kind == "audio" && s.received > 0));
    }
    // The first consumer's key frame request and the viewers' PLIs reached the sender (mediasoup
    // merges requests that arrive while one is pending, so there may be fewer than PLIs), and
    // each was answered with a key frame at the next frame.
    let s = &b.summary;
    assert!(s.key_frame_requests >= 2, "{s}");
    assert!(s.key_frames_sent >= 2, "{s}");
    assert_eq!(v.summary.packets_lost, 0, "{}", v.summary);

    assert_released(&server).await;
    server.shutdown().await.expect("clean shutdown");
}

#[tokio::test]
async fn wrong_url_and_refused_connection_are_clear_errors() {
    let err = run_viewers(ViewerOptions::new("http://127.0.0.1:1/ws", "r", 1))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("not a WebSocket URL"), "{err}");

    // Nothing listens on port 1.
    let mut o = ViewerOptions::new("ws://127.0.0.1:1/ws", "r", 2);
    o.duration = Duration::from_secs(1);
    let r = run_viewers(o).await.expect("a run whose peers fail still reports");
    assert_eq!((r.summary.connected, r.summary.failed), (0, 2));
    assert!(
        r.summary.errors.iter().any(|e| e.contains("refused")),
        "{:?}",
        r.summary.errors
    );
}
