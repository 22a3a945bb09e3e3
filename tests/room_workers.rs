//! One room across the workers of one node: its broadcasters produce on its home router; viewers
//! go to the home worker while it has headroom (here a low `placement.max_peers_per_worker`),
//! then to another worker, where the room gets a router of its own and the broadcasters'
//! producers are piped in from the home router. Live and feed viewers on both workers receive
//! everything; key frame requests, pauses and closes cross the pipe; a pipe closes with its last
//! consumer and the extra router with its last peer. A dead worker that is not the home costs
//! only its own viewers a `mediaReset`; a dead home costs everyone one.

mod common;

use std::time::Duration;

use common::*;
use serde_json::json;
use sfu::dump::RouterDump;
use sfu::synthetic::media::{SpeechPattern, VideoPattern};
use sfu::synthetic::{run_broadcasters, run_viewers, BroadcastOptions, PeerReport, Report, ViewerOptions};
use sfu::ServerHandle;

/// The tests each run several real peers on a 2-core machine: they take turns.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Two workers; a worker with `max_peers` peers has no headroom for another viewer.
fn config(max_peers: usize) -> sfu::Config {
    let mut c = test_config(2);
    c.placement.max_peers_per_worker = max_peers;
    c
}

async fn routers(server: &ServerHandle, room: &str) -> Vec<RouterDump> {
    let dump = server.dump(Some(room)).await;
    dump.rooms.first().map(|r| r.routers.clone()).unwrap_or_default()
}

/// Polls the room's routers until `f` holds (10 s).
async fn routers_until(
    server: &ServerHandle,
    room: &str,
    what: &str,
    f: impl Fn(&[RouterDump]) -> bool,
) -> Vec<RouterDump> {
    let deadline = tokio::time::Instant::now() + TIMEOUT;
    loop {
        let r = routers(server, room).await;
        if f(&r) {
            return r;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for: {what}: {r:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn speaker(server: &ServerHandle, room: &str, secs: u64, video: bool) -> BroadcastOptions {
    let mut b = broadcast_options(server, room, 1, Duration::from_secs(secs));
    b.video = video;
    b.speech = SpeechPattern {
        talk: Duration::from_millis(1200),
        silence: Duration::from_millis(800),
        variation: 0.3,
    };
    // Key frames only when asked for (and the first): a PLI's answer is the PLI's.
    b.video_pattern = VideoPattern {
        key_frame_interval: Duration::from_secs(600),
        ..VideoPattern::default()
    };
    b
}

fn viewers(server: &ServerHandle, room: &str, count: usize, feed: bool, secs: u64) -> ViewerOptions {
    let mut v = viewer_options(server, room, count, Duration::from_secs(secs));
    v.feed = feed;
    v
}

/// Every stream of the peer lost nothing, and the last one carried media.
fn assert_lossless(peer: &PeerReport) {
    assert!(
        peer.streams.iter().all(|s| s.lost == 0 && s.duplicates == 0),
        "viewer {}: {:?}",
        peer.index,
        peer.streams
    );
    if let Some(f) = &peer.feed {
        assert_eq!((f.seq_gaps, f.ts_backwards), (0, 0), "viewer {}: {f:?}", peer.index);
        assert!(f.packets > 0, "viewer {}: {f:?}", peer.index);
    } else {
        assert!(
            peer.streams.iter().any(|s| s.received >= 50),
            "viewer {}: {:?}",
            peer.index,
            peer.streams
        );
    }
}

fn assert_clean(r: &Report, resets: u32) {
    println!("{}", r.summary);
    assert_all_connected(r);
    for peer in &r.peers {
        assert_eq!(peer.media_resets, resets, "viewer {}", peer.index);
        assert_lossless(peer);
    }
}

/// Live viewers (audio and video) on both workers and feed viewers (audio and video) on the
/// other one receive everything; the viewers' PLIs reach the camera through the pipe and the
/// feed through the other router's RTCP; when the viewers leave, the pipes and the extra router
/// close while the broadcaster goes on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn viewers_on_two_workers_receive_everything_and_the_pipes_close_after_them() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let room = "rw-spread";
    let server = start(config(4)).await;
    let b = tokio::spawn(run_broadcasters(speaker(&server, room, 13, true)));
    eventually("producing audio and video", || server.counts().producers >= 2).await;

    // The broadcaster and three live viewers fill the home (4 peers); two more go to worker 1.
    let mut live = viewers(&server, room, 5, false, 6);
    live.pli_after = Some(Duration::from_millis(1500));
    let live = tokio::spawn(run_viewers(live));
    eventually("live viewers consuming", || server.counts().consumers >= 10).await;
    let mut feed = viewers(&server, room, 2, true, 6);
    feed.video = true;
    feed.pli_after = Some(Duration::from_millis(1500));
    let feed = tokio::spawn(run_viewers(feed));
    eventually("feeds subscribed", || server.counts().feeds >= 2).await;

    let spread = routers(&server, room).await;
    println!("routers: {spread:?}");
    assert_eq!(spread.len(), 2, "{spread:?}");
    assert!(spread[0].home && !spread[1].home, "{spread:?}");
    assert_ne!(spread[0].worker, spread[1].worker);
    assert_eq!((spread[0].peers, spread[1].peers), (4, 4), "{spread:?}");
    // Audio and video piped once for the two live viewers there; the feeds need no pipe.
    assert_eq!((spread[0].pipes, spread[1].pipes), (0, 2), "{spread:?}");
    assert_eq!(server.counts().pipes, 2);
    let dump = server.dump(Some(room)).await;
    let on = |w: usize| dump.rooms[0].peers.iter().filter(|p| p.worker == Some(w)).count();
    assert_eq!((on(spread[0].worker), on(spread[1].worker)), (4, 4));

    let live = live.await.unwrap().unwrap();
    let feed = feed.await.unwrap().unwrap();
    assert_clean(&live, 0);
    assert_clean(&feed, 0);
    for peer in live.peers.iter().chain(&feed.peers) {
        assert_eq!((peer.plis_sent, peer.plis_answered), (1, 1), "viewer {}", peer.index);
    }
    for peer in &live.peers {
        assert!(
            peer.streams.iter().any(|s| s.kind == "video" && s.received > 20),
            "viewer {}: {:?}",
            peer.index,
            peer.streams
        );
    }
    for peer in &feed.peers {
        assert!(peer.feed.as_ref().unwrap().video_packets > 0, "viewer {}", peer.index);
    }
    let stats = server.feed_stats();
    assert!(
        stats.viewer_key_frame_requests >= 2,
        "the PLIs on worker 1 reached the feeds: {stats:?}"
    );

    // The viewers left; the broadcaster is still on: its pipes and the extra router are gone.
    let left = routers_until(&server, room, "one router left", |r| r.len() == 1).await;
    assert!(left[0].home && left[0].peers == 1, "{left:?}");
    eventually("pipes closed", || server.counts().pipes == 0).await;
    assert_eq!(server.mediasoup_objects().await.0, 1, "only the home router");
    let b = b.await.unwrap().unwrap();
    println!("{}", b.summary);
    assert_all_connected(&b);
    assert_released(&server).await;
    server.shutdown().await.expect("clean shutdown");
}

/// Two viewers on worker 1 share one pipe of a producer: it stays while one of them consumes and
/// closes with the last; the producer's pause and resume reach their consumers through it, and
/// its close ends their consumers (`consumerClosed`) as it would on the home router.
#[tokio::test]
async fn a_pipe_carries_pause_and_close_and_closes_with_its_last_consumer() {
    let room = "rw-pipe";
    let server = start(config(2)).await;
    let mut b = Client::connect(&server).await;
    b.join(room, "broadcaster").await;
    let send = b.ok("createTransport", json!({"direction": "send"})).await["transportId"].clone();
    let p = b
        .ok(
            "produce",
            json!({"transportId": send, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(4242)}),
        )
        .await;
    let pid = p["producerId"].clone();
    // The home's second peer fills it; the next two go to worker 1.
    let mut filler = Client::connect(&server).await;
    filler.join_with_caps(room, "viewer").await;
    let mut edge = Vec::new();
    for _ in 0..2 {
        let mut v = Client::connect(&server).await;
        v.join_with_caps(room, "viewer").await;
        let recv = v.ok("createTransport", json!({"direction": "recv"})).await["transportId"].clone();
        let c = v.ok("consume", json!({"transportId": recv, "producerId": pid})).await;
        assert_eq!(c["producerId"], pid, "the pipe keeps the producer's id");
        edge.push((v, c["consumerId"].clone()));
    }
    let r = routers(&server, room).await;
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(
        (r[0].peers, r[1].peers, r[1].pipes),
        (2, 2, 1),
        "one pipe for both: {r:?}"
    );
    assert_eq!(server.counts().pipes, 1);

    // Pause and resume cross the pipe: the consumers there see their producer paused.
    let paused = |want: bool| {
        let server = &server;
        let cid = edge[1].1.clone();
        async move {
            let deadline = tokio::time::Instant::now() + TIMEOUT;
            loop {
                let dump = server.dump(Some(room)).await;
                let c = dump.rooms[0]
                    .peers
                    .iter()
                    .flat_map(|p| &p.consumers)
                    .find(|c| c.id == cid.as_str().unwrap())
                    .cloned()
                    .expect("the consumer");
                if c.producer_paused == want {
                    return;
                }
                assert!(tokio::time::Instant::now() < deadline, "producer_paused never {want}");
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    };
    b.ok("pauseProducer", json!({"producerId": pid})).await;
    paused(true).await;
    b.ok("resumeProducer", json!({"producerId": pid})).await;
    paused(false).await;

    // The first viewer leaves: the other still consumes, the pipe stays.
    let (first, _) = edge.remove(0);
    first.close().await;
    routers_until(&server, room, "first viewer gone", |r| r.len() == 2 && r[1].peers == 1).await;
    assert_eq!(server.counts().pipes, 1);

    // The producer closes: the consumer through the pipe is closed too, and the pipe with it.
    b.ok("closeProducer", json!({"producerId": pid})).await;
    let (mut last, cid) = edge.remove(0);
    assert_eq!(last.notification("consumerClosed").await["consumerId"], cid);
    eventually("pipe closed", || server.counts().pipes == 0).await;

    // A new producer, consumed by the last viewer there and nobody else: its pipe closes when
    // that viewer leaves, and the room's router on worker 1 with it.
    let p = b
        .ok(
            "produce",
            json!({"transportId": send, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(4343)}),
        )
        .await;
    let recv = last.ok("createTransport", json!({"direction": "recv"})).await["transportId"].clone();
    last.ok("consume", json!({"transportId": recv, "producerId": p["producerId"]}))
        .await;
    eventually("piped again", || server.counts().pipes == 1).await;
    last.close().await;
    routers_until(&server, room, "the extra router closed", |r| r.len() == 1).await;
    eventually("pipe closed", || server.counts().pipes == 0).await;
    assert_eq!(server.mediasoup_objects().await.0, 1, "only the home router");
    b.close().await;
    filler.close().await;
    assert_released(&server).await;
    server.shutdown().await.expect("clean shutdown");
}

/// The worker that is not the home dies: only the viewers placed on it hear `mediaReset` and are
/// placed again (on its replacement); the home's viewers and the broadcaster see nothing. Then
/// the home's worker dies: everyone hears `mediaReset` and recovers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_worker_resets_only_its_viewers_and_a_dead_home_resets_everyone() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let room = "rw-death";
    let server = start(config(4)).await;
    let b = tokio::spawn(run_broadcasters(speaker(&server, room, 16, false)));
    eventually("producing", || server.counts().producers >= 1).await;
    // Home: the broadcaster, a watcher, two live viewers. Worker 1: a watcher, a live viewer, a
    // feed viewer.
    let mut home_watcher = Client::connect(&server).await;
    home_watcher.join_with_caps(room, "viewer").await;
    let home_live = tokio::spawn(run_viewers(viewers(&server, room, 2, false, 12)));
    eventually("home viewers consuming", || server.counts().consumers >= 2).await;
    let mut edge_watcher = Client::connect(&server).await;
    edge_watcher.join_with_caps(room, "viewer").await;
    let edge_live = tokio::spawn(run_viewers(viewers(&server, room, 1, false, 12)));
    let edge_feed = tokio::spawn(run_viewers(viewers(&server, room, 1, true, 12)));
    eventually("edge viewers consuming", || server.counts().consumers >= 4).await;
    let r = routers(&server, room).await;
    assert_eq!((r.len(), r[0].peers, r[1].peers, r[1].pipes), (2, 4, 3, 1), "{r:?}");
    let (home, other) = (r[0].worker, r[1].worker);
    tokio::time::sleep(Duration::from_millis(1500)).await;

    server.simulate_worker_crash(other).unwrap();
    assert_eq!(edge_watcher.notification("mediaReset").await["reason"], "worker_died");
    // The viewers placed there come back on its replacement, piped again.
    let again = routers_until(&server, room, "viewers back on worker 1", |r| {
        r.len() == 2 && r[1].pipes == 1 && r[1].peers == 2
    })
    .await;
    assert_eq!(again[0].worker, home, "{again:?}");
    home_watcher.ok("ping", json!({})).await;
    assert!(
        !home_watcher
            .notifications
            .iter()
            .any(|n| n["notification"] == "mediaReset"),
        "the home's peers are not reset: {:?}",
        home_watcher.notifications
    );
    tokio::time::sleep(Duration::from_millis(2000)).await;

    server.simulate_worker_crash(home).unwrap();
    assert_eq!(home_watcher.notification("mediaReset").await["reason"], "worker_died");

    let home_live = home_live.await.unwrap().unwrap();
    let edge_live = edge_live.await.unwrap().unwrap();
    let edge_feed = edge_feed.await.unwrap().unwrap();
    let b = b.await.unwrap().unwrap();
    println!("{}", b.summary);
    assert_all_connected(&b);
    assert_eq!(b.summary.media_resets, 1, "only the home's death: {}", b.summary);
    // The home's viewers: reset once (the home's death); those on worker 1: twice.
    assert_clean(&home_live, 1);
    assert_clean(&edge_live, 2);
    assert_clean(&edge_feed, 2);
    for peer in home_live.peers.iter().chain(&edge_live.peers).chain(&edge_feed.peers) {
        assert!(
            peer.recovery.is_some(),
            "viewer {}: media again after the reset",
            peer.index
        );
    }
    for peer in &home_live.peers {
        // Before the home's death one unbroken stream, then one after it.
        assert_eq!(peer.streams.len(), 2, "viewer {}: {:?}", peer.index, peer.streams);
    }
    home_watcher.close().await;
    edge_watcher.close().await;
    assert_released(&server).await;
    server.shutdown().await.expect("clean shutdown");
}
