//! What the server does when it is asked to go away: a drain stops new joins and connections,
//! reports `draining` to the load balancer, tells peers to move and waits for them (up to a
//! deadline) while still serving those that stay; then shutdown closes what is left. A peer
//! whose socket dies keeps its session for a grace period and takes it back with `resume`. A
//! mediasoup worker that dies is replaced, and its rooms move to a live worker with their peers.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::json;
use sfu::http_client::{HttpClient, HttpError};
use sfu::synthetic::{run_broadcasters, run_viewers, BroadcastOptions, ViewerOptions};

async fn healthz(server: &sfu::ServerHandle) -> Result<String, (u16, String)> {
    let http = HttpClient::new(server.tls_certificate_pem()).unwrap();
    match http.get(&format!("{}/healthz", server.http_url()), None).await {
        Ok(body) => Ok(String::from_utf8_lossy(&body).into_owned()),
        Err(HttpError::Status { status, body, .. }) => Err((status, body)),
        Err(e) => panic!("{e}"),
    }
}

#[tokio::test]
async fn drain_refuses_newcomers_tells_peers_and_ends_when_they_leave() {
    let server = start(test_config(1)).await;
    let mut b = Client::connect(&server).await;
    b.join("drain1", "broadcaster").await;
    let mut v = Client::connect(&server).await;
    v.join("drain1", "viewer").await;
    // Connected before the drain, not yet joined: may not join during it.
    let mut late = Client::connect(&server).await;
    assert!(healthz(&server).await.unwrap().contains("\"ok\""));

    let started = Instant::now();
    let drain = server.drain(Duration::from_secs(20));
    let peers = async {
        let d = b.notification("serverDraining").await;
        let deadline = d["deadlineMs"].as_u64().unwrap();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        assert!(
            deadline > now + 15_000 && deadline <= now + 21_000,
            "deadline {deadline} vs now {now}"
        );
        v.notification("serverDraining").await;

        let (status, body) = healthz(&server).await.unwrap_err();
        assert_eq!(status, 503);
        assert!(body.contains("draining"), "{body}");
        let refused = ws_connect(&server)
            .await
            .expect_err("no new connections while draining");
        assert!(refused.to_string().contains("503"), "{refused}");
        let (code, message) = late
            .request("join", json!({"room": "drain1", "role": "viewer"}))
            .await
            .unwrap_err();
        assert_eq!(code, "shutting_down");
        assert!(message.contains("draining"), "{message}");

        // Those who stay are still served until they go.
        b.ok("ping", json!({})).await;
        let t = b.ok("createTransport", json!({"direction": "send"})).await;
        assert!(t["transportId"].is_string());
        b.ok("leave", json!({})).await;
        v.ok("leave", json!({})).await;
    };
    tokio::join!(drain, peers);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the drain ended when the last peer left"
    );
    assert_released(&server).await;

    let shutdown = tokio::spawn(server.shutdown());
    assert_eq!(b.notification("serverShutdown").await["reason"], "server shutting down");
    assert_eq!(b.recv_close().await, Some(1001));
    shutdown.await.unwrap().unwrap();
}

#[tokio::test]
async fn drain_ends_at_its_deadline_and_shutdown_closes_who_stayed() {
    let server = start(test_config(1)).await;
    let mut stayer = Client::connect(&server).await;
    stayer.join("drain2", "broadcaster").await;
    let started = Instant::now();
    server.drain(Duration::from_millis(400)).await;
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(400) && took < Duration::from_secs(5),
        "{took:?}"
    );
    stayer.notification("serverDraining").await;
    assert_eq!(server.counts().peers, 1, "nobody forced out during the drain");

    let shutdown = tokio::spawn(server.shutdown());
    stayer.notification("serverShutdown").await;
    assert_eq!(stayer.recv_close().await, Some(1001));
    shutdown.await.unwrap().unwrap();
}

fn resume_config(grace_secs: u64) -> sfu::Config {
    let mut c = test_config(1);
    c.limits.resume_grace_secs = grace_secs;
    c
}

#[tokio::test]
async fn a_dropped_socket_resumes_with_everything_and_missed_notifications() {
    let server = start(resume_config(30)).await;
    let mut b = Client::connect(&server).await;
    b.join("resume1", "broadcaster").await;
    let t = b.ok("createTransport", json!({"direction": "send"})).await;
    let send = t["transportId"].as_str().unwrap().to_string();
    let p = b
        .ok(
            "produce",
            json!({"transportId": send, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(777)}),
        )
        .await;
    let pid = p["producerId"].as_str().unwrap().to_string();

    let mut v = Client::connect(&server).await;
    let joined = v.join_with_caps("resume1", "viewer").await;
    let peer_id = joined["peerId"].as_str().unwrap().to_string();
    let token = joined["resumeToken"].as_str().unwrap().to_string();
    assert_eq!(token.len(), 32);
    let t = v.ok("createTransport", json!({"direction": "recv"})).await;
    let recv = t["transportId"].as_str().unwrap().to_string();
    let c = v.ok("consume", json!({"transportId": recv, "producerId": pid})).await;
    let cid = c["consumerId"].as_str().unwrap().to_string();
    let f = v.ok("subscribeFeed", json!({"transportId": recv})).await;
    let feed_cid = f["consumerId"].as_str().unwrap().to_string();
    b.notification("peerJoined").await;

    // The viewer's network drops: no close frame. Nothing is released, nobody is told.
    drop(v);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let counts = server.counts();
    assert_eq!(
        (counts.peers, counts.transports, counts.consumers, counts.feeds),
        (2, 2, 2, 1)
    );
    // Meanwhile the room moves on.
    b.ok("pauseProducer", json!({"producerId": pid})).await;

    let mut v2 = Client::connect(&server).await;
    let r = v2.ok("resume", json!({"resumeToken": token})).await;
    assert_eq!(r["peerId"], peer_id);
    assert_eq!(r["room"], "resume1");
    assert_eq!(r["role"], "viewer");
    assert_eq!(r["transports"], json!([{"transportId": recv, "direction": "recv"}]));
    assert_eq!(r["consumers"], json!([{"consumerId": cid, "producerId": pid}]));
    assert_eq!(r["feedConsumerId"], feed_cid);
    let new_token = r["resumeToken"].as_str().unwrap().to_string();
    assert_ne!(new_token, token, "tokens are single-use");
    // What happened while away arrives after the response.
    assert_eq!(v2.notification("producerPaused").await["producerId"], pid);
    // And the session works as before: same transport, same consumer.
    v2.ok("resumeConsumer", json!({"consumerId": cid})).await;
    v2.ok("restartIce", json!({"transportId": recv})).await;
    assert!(!b.notifications.iter().any(|n| n["notification"] == "peerLeft"));

    // A used token, a made-up one, and resume on a joined connection are refused.
    let mut other = Client::connect(&server).await;
    let (code, message) = other
        .request("resume", json!({"resumeToken": token}))
        .await
        .unwrap_err();
    assert_eq!(code, "session_expired", "{message}");
    let (code, _) = other
        .request("resume", json!({"resumeToken": "0".repeat(32)}))
        .await
        .unwrap_err();
    assert_eq!(code, "session_expired");
    let (code, _) = other.request("resume", json!({})).await.unwrap_err();
    assert_eq!(code, "invalid_params");
    let (code, _) = v2
        .request("resume", json!({"resumeToken": new_token}))
        .await
        .unwrap_err();
    assert_eq!(code, "already_joined");

    // Leaving on purpose (a close frame) releases at once: no parking.
    v2.close().await;
    assert_eq!(b.notification("peerLeft").await["peerId"], peer_id);
    eventually("viewer released", || server.counts().peers == 1).await;
    b.close().await;
    other.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_parked_session_is_released_when_its_grace_ends() {
    let server = start(resume_config(1)).await;
    let mut b = Client::connect(&server).await;
    b.join("resume2", "broadcaster").await;
    let mut v = Client::connect(&server).await;
    let joined = v.join("resume2", "viewer").await;
    let token = joined["resumeToken"].as_str().unwrap().to_string();
    b.notification("peerJoined").await;
    let dropped = Instant::now();
    drop(v);
    assert_eq!(b.notification("peerLeft").await["peerId"], joined["peerId"]);
    let took = dropped.elapsed();
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(5),
        "{took:?}"
    );
    let mut late = Client::connect(&server).await;
    let (code, _) = late.request("resume", json!({"resumeToken": token})).await.unwrap_err();
    assert_eq!(code, "session_expired");
    b.close().await;
    late.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn shutdown_releases_parked_sessions() {
    let server = start(resume_config(600)).await;
    let mut v = Client::connect(&server).await;
    v.join("resume3", "broadcaster").await;
    v.ok("createTransport", json!({"direction": "send"})).await;
    drop(v);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let parked = server.counts();
    assert_eq!(
        (parked.rooms, parked.peers, parked.transports),
        (1, 1, 1),
        "parked: {parked:?}"
    );
    assert_eq!(
        server.mediasoup_objects().await,
        (1, 1),
        "mediasoup holds the parked router and transport"
    );
    // Shutdown starts with its token: the parked session (600 s of grace left) is released at
    // once, on both sides (our counters and mediasoup's own dumps), while the handle still
    // answers. The connections counter is not a media object: the socket died already.
    let started = Instant::now();
    server.shutdown_token().cancel();
    assert_released(&server).await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "released at once, not after the grace period"
    );
    let counts = server.counts();
    assert_eq!(
        (
            counts.rooms,
            counts.peers,
            counts.transports,
            counts.producers,
            counts.consumers,
            counts.feeds
        ),
        (0, 0, 0, 0, 0, 0),
        "{counts:?}"
    );
    tokio::time::timeout(Duration::from_secs(10), server.shutdown())
        .await
        .expect("shutdown does not wait for the grace period")
        .unwrap();
}

#[tokio::test]
async fn parked_sessions_are_bounded() {
    let mut config = resume_config(30);
    config.limits.max_parked_sessions = 1;
    let server = start(config).await;
    let mut watcher = Client::connect(&server).await;
    watcher.join("resume4", "viewer").await;
    let mut ids = Vec::new();
    for _ in 0..2 {
        let mut c = Client::connect(&server).await;
        ids.push(c.join("resume4", "viewer").await["peerId"].clone());
        watcher.notification("peerJoined").await;
        drop(c);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The first waits for resume; the second found no room among the parked and left at once.
    assert_eq!(watcher.notification("peerLeft").await["peerId"], ids[1]);
    assert_eq!(server.counts().peers, 2, "the watcher and the parked one");
    watcher.close().await;
    server.shutdown().await.unwrap();
}

fn broadcasters(server: &sfu::ServerHandle, room: &str, seed: u64, secs: u64) -> BroadcastOptions {
    let mut o = broadcast_options(server, room, 1, Duration::from_secs(secs));
    o.seed = seed;
    o
}

fn viewers(server: &sfu::ServerHandle, room: &str, count: usize, feed: bool, secs: u64) -> ViewerOptions {
    let mut o = viewer_options(server, room, count, Duration::from_secs(secs));
    o.feed = feed;
    o
}

/// A worker dies (a simulated crash: its thread exits and the mediasoup crate takes its death
/// path, so every router, transport, producer and consumer on it closes under us). The pool
/// replaces it in its slot; the room that lived on it moves to a live worker, and its peers
/// (a broadcaster, live viewers, feed viewers) hear `mediaReset` and set up media again on the
/// same signaling connection. The room on the other worker does not notice: no loss, no reset.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_worker_is_replaced_and_its_rooms_recover_without_touching_the_others() {
    let server = start(test_config(2)).await;
    // Rooms go to the least-loaded worker, so the two rooms land on different workers.
    let doomed_b = tokio::spawn(run_broadcasters(broadcasters(&server, "wd-doomed", 1, 12)));
    eventually("doomed room producing", || server.counts().producers >= 1).await;
    let safe_b = tokio::spawn(run_broadcasters(broadcasters(&server, "wd-safe", 2, 12)));
    eventually("safe room producing", || server.counts().producers >= 2).await;
    let worker_of = |room: &str| {
        server
            .rooms()
            .into_iter()
            .find(|(r, _, _)| r == room)
            .map(|(_, w, _)| w)
            .unwrap()
    };
    let (doomed, safe) = (worker_of("wd-doomed"), worker_of("wd-safe"));
    assert_ne!(doomed, safe, "one room per worker");

    let doomed_live = tokio::spawn(run_viewers(viewers(&server, "wd-doomed", 3, false, 7)));
    let doomed_feed = tokio::spawn(run_viewers(viewers(&server, "wd-doomed", 2, true, 7)));
    let safe_live = tokio::spawn(run_viewers(viewers(&server, "wd-safe", 3, false, 7)));
    // A plain client in the doomed room, to time the notification.
    let mut watcher = Client::connect(&server).await;
    watcher.join_with_caps("wd-doomed", "viewer").await;
    // Every viewer consuming (3 + 3 live, 2 feeds), and media flowing for a while.
    eventually("viewers consuming", || server.counts().consumers >= 8).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;

    let killed = Instant::now();
    server.simulate_worker_crash(doomed).unwrap();
    let reset = watcher.notification("mediaReset").await;
    let notified = killed.elapsed();
    assert_eq!(reset["reason"], "worker_died");
    eventually("worker replaced", || {
        server
            .workers()
            .iter()
            .any(|w| w.index == doomed && w.restarts == 1 && !w.dead)
    })
    .await;
    assert_eq!(
        healthz(&server).await.map(|b| b.contains("\"workers_alive\":2")),
        Ok(true)
    );
    // The watcher's old objects are gone; it can set up again on the same socket.
    let t = watcher.ok("createTransport", json!({"direction": "recv"})).await;
    assert!(t["transportId"].is_string());

    let doomed_live = doomed_live.await.unwrap().unwrap();
    let doomed_feed = doomed_feed.await.unwrap().unwrap();
    let safe_live = safe_live.await.unwrap().unwrap();
    let doomed_b = doomed_b.await.unwrap().unwrap();
    let safe_b = safe_b.await.unwrap().unwrap();
    for r in [&doomed_live, &doomed_feed, &safe_live, &doomed_b, &safe_b] {
        println!("{}", r.summary);
        assert_all_connected(r);
    }

    // The other worker's room saw nothing: no reset, every packet, in order.
    assert_eq!(safe_b.summary.media_resets, 0);
    let s = &safe_live.summary;
    assert_eq!((s.media_resets, s.packets_lost, s.duplicates), (0, 0, 0), "{s}");
    for peer in &safe_live.peers {
        assert_eq!(
            peer.streams.len(),
            1,
            "one stream, never interrupted: {:?}",
            peer.streams
        );
        assert!(
            peer.streams[0].received >= 250,
            "~6 s at 50 packets/s: {:?}",
            peer.streams
        );
    }

    // The doomed room's peers each recovered once, and media flowed again on the new router.
    assert_eq!(doomed_b.summary.media_resets, 1, "{}", doomed_b.summary);
    let mut worst = notified;
    for peer in doomed_live.peers.iter().chain(&doomed_feed.peers) {
        assert_eq!(peer.media_resets, 1, "viewer {}", peer.index);
        let recovery = peer.recovery.expect("media again after the reset");
        worst = worst.max(notified + recovery);
        let after = peer.streams.last().expect("a stream after the reset");
        assert!(after.received >= 50, "viewer {}: {:?}", peer.index, peer.streams);
    }
    for peer in &doomed_live.peers {
        // The stream before the crash and the one after, each without loss inside it.
        assert_eq!(peer.streams.len(), 2, "viewer {}: {:?}", peer.index, peer.streams);
        assert!(
            peer.streams.iter().all(|s| s.lost == 0),
            "viewer {}: {:?}",
            peer.index,
            peer.streams
        );
    }
    for peer in &doomed_feed.peers {
        let feed = peer.feed.as_ref().unwrap();
        assert_eq!(
            (feed.seq_gaps, feed.ts_backwards),
            (0, 0),
            "viewer {}: {feed:?}",
            peer.index
        );
    }
    println!(
        "worker death: mediaReset after {} ms, media flowing again after {} ms at worst",
        notified.as_millis(),
        worst.as_millis()
    );
    // Goal ≤ 2 s; the bound leaves room for a loaded CI machine.
    assert!(worst < Duration::from_secs(5), "recovery took {worst:?}");

    watcher.close().await;
    assert_released(&server).await;
    server.shutdown().await.expect("clean shutdown");
}

/// The selected ICE tuple of the first viewer's transport in `room`, from the admin dump.
async fn viewer_tuple(server: &sfu::ServerHandle, room: &str) -> Option<String> {
    let dump = server.dump(Some(room)).await;
    let room = dump.rooms.first()?;
    let viewer = room.peers.iter().find(|p| p.role == "viewer")?;
    viewer.transports.first()?.tuple.clone()
}

/// A viewer's network changes (it moves to a new local UDP port) and it restarts ICE with
/// `restartIce`, applying the new credentials: its checks from the new address are accepted,
/// mediasoup moves the transport there (the selected tuple changes), and media follows. Twice:
/// mediasoup also accepts the previous credentials for a while, so only the second change proves
/// the client applied new ones (the original credentials are no longer accepted by then).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn network_changes_restart_ice_and_media_follows() {
    let server = start(test_config(1)).await;
    let b = tokio::spawn(run_broadcasters(broadcasters(&server, "netchange", 3, 9)));
    eventually("producing", || server.counts().producers >= 1).await;
    let mut v = viewers(&server, "netchange", 1, false, 5);
    v.network_change_every = Some(Duration::from_millis(1800));
    let v = tokio::spawn(run_viewers(v));

    let deadline = Instant::now() + TIMEOUT;
    let mut tuples: Vec<String> = Vec::new();
    while tuples.len() < 3 {
        match viewer_tuple(&server, "netchange").await {
            Some(t) if tuples.last() != Some(&t) => tuples.push(t),
            _ => {}
        }
        assert!(Instant::now() < deadline, "the transport moved only through {tuples:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    println!("network changes: {}", tuples.join("  =>  "));

    let v = v.await.unwrap().unwrap();
    let b = b.await.unwrap().unwrap();
    println!("{}\n{}", b.summary, v.summary);
    assert_all_connected(&v);
    let peer = &v.peers[0];
    assert_eq!(peer.network_changes, 2, "at 1.8 s and 3.6 s of 5 s");
    let recovery = peer.network_change_recovery.expect("packets on the new ports");
    assert!(recovery < Duration::from_secs(1), "{recovery:?}");
    let s = &peer.streams[0];
    // ~5 s at 50 packets/s; what was in flight to an old port when it closed is lost.
    assert!(s.received >= 200 && s.lost <= 20, "{s:?}");
    assert_released(&server).await;
    server.shutdown().await.expect("clean shutdown");
}
