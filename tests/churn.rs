//! Churn and faults against one server, bounded in time and count: synthetic broadcasters and
//! viewers (live and feed) with real media, one broadcaster vanishing mid-run, the worker of
//! their room killed mid-run (they recover on the replacement), while raw clients join, produce,
//! subscribe, send malformed frames, leave, close, or drop their socket (parked for resume, then
//! released). Afterwards: no leaked object on our side or mediasoup's, no feed left in the
//! engine, only the injected error codes, and no panic anywhere in the process.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::*;
use serde_json::json;
use sfu::synthetic::{run_broadcasters, run_viewers};

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// One raw client's life: what it does is picked by `i`.
async fn churner(server: Arc<sfu::ServerHandle>, i: usize) {
    let mut c = Client::connect(&server).await;
    let room = if i.is_multiple_of(3) { "churn-a" } else { "churn-b" };
    if i.is_multiple_of(4) {
        c.send_text("{not json").await;
        assert_eq!(c.recv_response().await["error"]["code"], "bad_json");
    }
    if i.is_multiple_of(2) {
        c.join(room, "broadcaster").await;
        let t = c.ok("createTransport", json!({"direction": "send"})).await;
        let tid = t["transportId"].as_str().unwrap().to_string();
        c.ok(
            "produce",
            json!({"transportId": tid, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(9000 + i as u32)}),
        )
        .await;
    } else {
        c.join_with_caps(room, "viewer").await;
        let t = c.ok("createTransport", json!({"direction": "recv"})).await;
        let tid = t["transportId"].as_str().unwrap().to_string();
        c.ok("subscribeFeed", json!({"transportId": tid})).await;
    }
    if i.is_multiple_of(5) {
        let (code, _) = c
            .request("consume", json!({"transportId": "nope", "producerId": "nope"}))
            .await
            .unwrap_err();
        assert_eq!(code, "invalid_params");
    }
    tokio::time::sleep(Duration::from_millis(50 * (i % 7) as u64)).await;
    match i % 3 {
        0 => {
            c.ok("leave", json!({})).await;
            c.close().await;
        }
        1 => c.close().await,
        // The socket dies: the session is parked for resume, then released.
        _ => drop(c),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn churn_and_faults_leave_nothing_behind() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::Relaxed);
        default_hook(info);
    }));
    let mut config = test_config(2);
    config.limits.resume_grace_secs = 1;
    let server = Arc::new(start(config).await);

    let broadcasters = |room: &str, count, secs| broadcast_options(&server, room, count, Duration::from_secs(secs));
    let viewers = |room: &str, count, secs, feed| {
        let mut o = viewer_options(&server, room, count, Duration::from_secs(secs));
        o.feed = feed;
        o
    };
    let talkers = tokio::spawn(run_broadcasters(broadcasters("churn-a", 3, 10)));
    let vanishing = tokio::spawn(run_broadcasters(broadcasters("churn-a", 1, 3)));
    eventually("speakers producing", || server.counts().producers >= 4).await;
    let feed = tokio::spawn(run_viewers(viewers("churn-a", 8, 6, true)));
    let live = tokio::spawn(run_viewers(viewers("churn-a", 8, 5, false)));

    let mut watcher = Client::connect(&server).await;
    watcher.join_with_caps("churn-a", "viewer").await;
    let speakers_worker = server
        .rooms()
        .into_iter()
        .find_map(|(room, worker, _)| (room == "churn-a").then_some(worker))
        .unwrap();

    // 60 raw clients, 10 at a time; between the second and third wave, the worker of the
    // synthetic peers' room dies.
    for wave in 0..6 {
        if wave == 2 {
            server.simulate_worker_crash(speakers_worker).unwrap();
            watcher.notification("mediaReset").await;
            // The supervisor moves the rooms one after the other, within milliseconds.
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let mut tasks = tokio::task::JoinSet::new();
        for i in wave * 10..wave * 10 + 10 {
            tasks.spawn(churner(Arc::clone(&server), i));
        }
        while let Some(r) = tasks.join_next().await {
            r.expect("churner");
        }
    }

    for (name, run) in [
        ("talkers", talkers),
        ("vanishing", vanishing),
        ("feed", feed),
        ("live", live),
    ] {
        let report = run.await.unwrap().expect("synthetic run");
        let s = &report.summary;
        assert_eq!((s.connected, s.failed), (s.peers, 0), "{name}: {s}");
        if name != "vanishing" {
            assert_eq!(
                s.media_resets, s.peers as u64,
                "{name} recovered from the worker death: {s}"
            );
        }
        if let Some(f) = &s.feed {
            assert_eq!((f.seq_gaps, f.ts_backwards, f.segment_gaps), (0, 0, 0), "{f:?}");
        }
    }

    watcher.close().await;
    assert!(server.workers().iter().all(|w| !w.dead));
    // Parked sessions expire after their 1 s grace; then nothing is left.
    assert_released(&server).await;
    eventually("the feed engine is empty", || server.feed_stats().feeds == 0).await;
    let dump = server.dump(None).await;
    assert!(dump.rooms.is_empty(), "{:?}", dump.rooms);
    // Errors by code, from /metrics: the injected ones, plus `not_found` for live viewers whose
    // consume raced a churning producer's close (the viewer asked after the producer was gone).
    let http = sfu::http_client::HttpClient::new(server.tls_certificate_pem()).unwrap();
    let metrics = http.get(&format!("{}/metrics", server.http_url()), None).await.unwrap();
    let metrics = String::from_utf8_lossy(&metrics);
    let mut by_code = std::collections::BTreeMap::new();
    for line in metrics
        .lines()
        .filter(|l| l.starts_with("sfu_signaling_errors_total{code="))
    {
        let (series, value) = line.rsplit_once(' ').unwrap();
        let code = series.split('"').nth(1).unwrap().to_string();
        by_code.insert(code, value.parse::<f64>().unwrap() as u64);
    }
    assert_eq!(by_code.remove("bad_json"), Some(15), "{by_code:?}"); // i.is_multiple_of(4)
    assert_eq!(by_code.remove("invalid_params"), Some(12), "{by_code:?}"); // i.is_multiple_of(5)
    let races = by_code.remove("not_found").unwrap_or(0);
    // At most one per live viewer and churning producer in its room (i % 6 == 0: 10 of them).
    assert!(
        races <= 8 * 10,
        "at most one per live viewer and churning producer: {races}"
    );
    // Requests of the synthetic viewers that were in flight when the worker died.
    let resets = by_code.remove("media_reset").unwrap_or(0);
    assert!(resets <= 16, "at most one per synthetic viewer: {resets}");
    assert!(by_code.is_empty(), "no other error: {by_code:?}");
    assert_eq!(PANICS.load(Ordering::Relaxed), 0, "no panic anywhere in the process");
    let server = Arc::into_inner(server).expect("last handle");
    server.shutdown().await.expect("clean shutdown");
}
