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
