//! Keeps the comparison viewer from rotting: two webrtc-crate viewers against the real server on
//! loopback (real ICE, DTLS, SRTP through mediasoup) receive a synthetic broadcaster's audio for
//! ~3 s, measured from the payload stamps. Only `cargo test -p sfu-webrtc-viewer` runs it.

use std::time::Duration;

use sfu::config::Config;
use sfu::synthetic::{run_broadcasters, BroadcastOptions, ViewerOptions};
use sfu::{Server, ServerHandle};
use sfu_webrtc_viewer::Interceptors;

fn config() -> Config {
    let mut c = Config {
        listen: "127.0.0.1:0".parse().expect("address"),
        workers: 1,
        ..Config::default()
    };
    // mediasoup binds a free port in a wide range, so parallel test runs never collide.
    c.rtc.port_min = 20000;
    c.rtc.port_max = 59999;
    c.ice_servers.clear();
    c.limits.resume_grace_secs = 0;
    c
}

async fn wait_for_producers(server: &ServerHandle, n: i64) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    while server.counts().producers < n {
        assert!(tokio::time::Instant::now() < deadline, "no broadcaster producing");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_webrtc_crate_viewers_receive_a_broadcaster_without_loss() {
    let server = Server::start(config()).await.expect("server starts");
    let mut b = BroadcastOptions::new(server.ws_url(), "webrtc-smoke", 1);
    b.duration = Duration::from_secs(8);
    let stop_broadcast = b.cancel.clone();
    let broadcast = tokio::spawn(run_broadcasters(b));
    wait_for_producers(&server, 1).await;

    let mut v = ViewerOptions::new(server.ws_url(), "webrtc-smoke", 2);
    v.duration = Duration::from_secs(3);
    let report = sfu_webrtc_viewer::run_viewers(v, Interceptors::default())
        .await
        .expect("viewers run");
    println!("{}", report.summary);
    let s = &report.summary;
    assert_eq!((s.connected, s.failed), (2, 0), "{s}");
    for peer in &report.peers {
        assert_eq!(
            peer.streams.len(),
            1,
            "viewer {}: one broadcaster, one stream",
            peer.index
        );
        let st = &peer.streams[0];
        assert_eq!(st.kind, "audio");
        // ~3 s at 50 packets per second.
        assert!(st.received >= 100, "viewer {}: {st:?}", peer.index);
        assert_eq!((st.lost, st.duplicates), (0, 0), "viewer {}: {st:?}", peer.index);
    }
    assert!(s.latency_ms.p50 > 0.0 && s.latency_ms.p50 < 100.0, "{s}");

    stop_broadcast.cancel();
    let b = broadcast.await.expect("broadcaster task").expect("broadcasters run");
    assert_eq!(b.summary.connected, 1, "{}", b.summary);
    server.shutdown().await.expect("server shuts down");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_viewer_that_joined_first_consumes_the_broadcaster_that_comes_later() {
    let server = Server::start(config()).await.expect("server starts");
    let mut v = ViewerOptions::new(server.ws_url(), "webrtc-late", 1);
    v.duration = Duration::from_secs(2);
    let viewers = tokio::spawn(sfu_webrtc_viewer::run_viewers(v, Interceptors::default()));
    // The viewer is in the room (its peer counts) before anyone produces.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    while server.counts().peers < 1 {
        assert!(tokio::time::Instant::now() < deadline, "viewer never joined");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let mut b = BroadcastOptions::new(server.ws_url(), "webrtc-late", 1);
    b.duration = Duration::from_secs(6);
    let stop_broadcast = b.cancel.clone();
    let broadcast = tokio::spawn(run_broadcasters(b));
    let report = viewers.await.expect("viewer task").expect("viewers run");
    println!("{}", report.summary);
    let s = &report.summary;
    assert_eq!((s.connected, s.failed, s.streams), (1, 0, 1), "{s}");
    assert!(s.packets_received >= 50, "{s}");
    stop_broadcast.cancel();
    let _ = broadcast.await.expect("broadcaster task");
    server.shutdown().await.expect("server shuts down");
}

/// A broadcaster that leaves mid-run: its consumer closes, the viewer renegotiates with that
/// section inactive and keeps receiving the other one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_consumer_is_renegotiated_away_and_the_rest_keeps_flowing() {
    let server = Server::start(config()).await.expect("server starts");
    let mut short = BroadcastOptions::new(server.ws_url(), "webrtc-close", 1);
    short.duration = Duration::from_millis(1500);
    short.seed = 2;
    let mut long = BroadcastOptions::new(server.ws_url(), "webrtc-close", 1);
    long.duration = Duration::from_secs(8);
    let stop_long = long.cancel.clone();
    let short = tokio::spawn(run_broadcasters(short));
    let long = tokio::spawn(run_broadcasters(long));
    wait_for_producers(&server, 2).await;

    let mut v = ViewerOptions::new(server.ws_url(), "webrtc-close", 1);
    v.duration = Duration::from_secs(4);
    let report = sfu_webrtc_viewer::run_viewers(v, Interceptors::default())
        .await
        .expect("viewers run");
    println!("{}", report.summary);
    let s = &report.summary;
    assert_eq!((s.connected, s.failed, s.streams), (1, 0, 2), "{s}");
    let most = report.peers[0].streams.iter().map(|st| st.received).max().unwrap_or(0);
    let least = report.peers[0].streams.iter().map(|st| st.received).min().unwrap_or(0);
    assert!(most >= 150, "the remaining broadcaster kept flowing: {s}");
    assert!(least < most / 2, "the short broadcaster stopped early: {s}");
    assert_eq!(s.packets_lost, 0, "{s}");

    let _ = short.await.expect("broadcaster task");
    stop_long.cancel();
    let _ = long.await.expect("broadcaster task");
    server.shutdown().await.expect("server shuts down");
}

#[tokio::test]
async fn options_it_cannot_honour_are_refused() {
    let mut v = ViewerOptions::new("ws://127.0.0.1:1/ws", "r", 1);
    v.feed = true;
    assert!(sfu_webrtc_viewer::run_viewers(v, Interceptors::default())
        .await
        .is_err());
    let v = ViewerOptions::new("http://127.0.0.1:1/", "r", 1);
    assert!(sfu_webrtc_viewer::run_viewers(v, Interceptors::default())
        .await
        .is_err());
    let v = ViewerOptions::new("ws://127.0.0.1:1/ws", "r", 0);
    assert!(sfu_webrtc_viewer::run_viewers(v, Interceptors::default())
        .await
        .is_err());
}
