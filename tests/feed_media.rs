//! The feed end to end with real media: synthetic broadcasters (real ICE/DTLS/SRTP through
//! mediasoup, talk spurts with RFC 6464 levels) are recorded into the utterance buffer, and
//! synthetic feed viewers receive the one rerouted stream. Each viewer must hear whole
//! utterances from their start, switch between speakers, and see one continuous RTP stream
//! (contiguous sequence numbers, timestamps never going back, no break inside an utterance),
//! also when a speaker leaves mid-utterance and when the buffer evicts under a small cap.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{
    assert_all_connected, assert_released, broadcast_options, eventually, start, test_config, viewer_options, CapWatch,
    Client,
};
use serde_json::json;
use sfu::synthetic::media::SpeechPattern;
use sfu::synthetic::{run_broadcasters, run_viewers, BroadcastOptions, Report, ViewerOptions};
use sfu::ServerHandle;

fn speech() -> SpeechPattern {
    SpeechPattern {
        talk: Duration::from_millis(1200),
        silence: Duration::from_millis(800),
        variation: 0.3,
    }
}

fn broadcasters(server: &ServerHandle, room: &str, count: usize, secs: u64, seed: u64) -> BroadcastOptions {
    let mut o = broadcast_options(server, room, count, Duration::from_secs(secs));
    o.speech = speech();
    o.seed = seed;
    o
}

fn feed_viewers(server: &ServerHandle, room: &str, count: usize, secs: u64) -> ViewerOptions {
    let mut o = viewer_options(server, room, count, Duration::from_secs(secs));
    o.feed = true;
    o
}

/// Every viewer's stream is continuous and made of whole utterances.
fn assert_clean_feed(v: &Report, min_segments_per_viewer: u64) {
    for peer in &v.peers {
        let f = peer.feed.as_ref().expect("feed report");
        assert_eq!(
            (f.seq_gaps, f.ts_backwards, f.segment_gaps, f.unannounced),
            (0, 0, 0, 0),
            "viewer {}: {f:?}",
            peer.index
        );
        assert!(f.segments >= min_segments_per_viewer, "viewer {}: {f:?}", peer.index);
        assert!(f.packets > 0 && f.sources >= 1, "viewer {}: {f:?}", peer.index);
        assert!(f.switches >= f.segments, "a feedSwitched for every utterance: {f:?}");
    }
}

/// The peer id (its uid too, without auth) of the one peer of `room` that produces so far.
async fn producing_peer(server: &ServerHandle, room: &str) -> String {
    let dump = server.dump(Some(room)).await;
    dump.rooms[0]
        .peers
        .iter()
        .find(|p| !p.producers.is_empty())
        .expect("a producing peer")
        .peer_id
        .clone()
}

/// A feed viewer over plain signaling (no media of its own: what it checks is the notifications)
/// that favours `speaker`.
async fn favouring_feed_viewer(server: &ServerHandle, room: &str, speaker: &str) -> Client {
    let mut c = Client::connect(server).await;
    c.join_with_caps(room, "viewer").await;
    let recv = c.ok("createTransport", json!({"direction": "recv"})).await["transportId"].clone();
    let feed = c.ok("subscribeFeed", json!({"transportId": recv})).await;
    c.ok("resumeConsumer", json!({"consumerId": feed["consumerId"]})).await;
    c.ok("setPreferences", json!({"favour": [speaker]})).await;
    c
}

/// Reads `feedSwitched` and `feedWaiting`; once `speaker`'s (live) utterance plays, has it leave
/// (`leave`), then reads on until a switch (or a wait, when nothing else is there to play) says
/// that utterance stopped because its speaker left (`speakerGone`, or `truncated` when the
/// producer's close reached the recording first); returns what it saw. Panics after 12 s or 200 notifications.
async fn wait_for_speaker_gone_switch(
    c: &mut Client,
    speaker: &str,
    leave: &tokio_util::sync::CancellationToken,
) -> Vec<String> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(12);
    let mut playing = String::new();
    let mut seen = Vec::new();
    for _ in 0..200 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "no speakerGone/truncated switch: {seen:?}"
        );
        // Those that came while the requests were answered first.
        let n = match c.notifications.pop_front() {
            Some(n) => n,
            None => c
                .recv_json()
                .await
                .unwrap_or_else(|| panic!("connection closed: {seen:?}")),
        };
        // Why what played stopped: the switch's reason, or (nothing else to play) the wait's
        // `stopped`.
        let (stopped, next) = match n["notification"].as_str() {
            Some("feedSwitched") => (
                &n["data"]["reason"],
                n["data"]["speakerPeerId"].as_str().unwrap_or_default(),
            ),
            Some("feedWaiting") => (&n["data"]["stopped"], ""),
            _ => continue,
        };
        let stopped = stopped.as_str().unwrap_or_default().to_string();
        seen.push(format!("{} {stopped} -> {next:?}", n["notification"]));
        if playing == speaker && (stopped == "speakerGone" || stopped == "truncated") {
            return seen;
        }
        playing = next.to_string();
        if playing == speaker {
            leave.cancel();
        }
    }
    panic!("no speakerGone/truncated switch in 200 notifications: {seen:?}")
}

/// The two tests of this file each run tens of real peers and their timing matters (a speaker
/// must leave while a feed plays it): on a 2-core machine they take turns.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_feed_viewers_hear_whole_utterances_from_three_speakers() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = start(test_config(1)).await;
    // A fourth speaker talks without pause (one live utterance) and leaves while a watcher
    // plays it: mid-utterance for sure (at the latest after 8 s).
    let mut leaving = broadcasters(&server, "feed-e2e", 1, 8, 99);
    leaving.speech = SpeechPattern {
        talk: Duration::from_secs(15),
        silence: Duration::from_millis(800),
        variation: 0.0,
    };
    let leave = leaving.cancel.clone();
    let leaver = tokio::spawn(run_broadcasters(leaving));
    eventually("the leaver producing", || server.counts().producers >= 1).await;
    let leaver_id = producing_peer(&server, "feed-e2e").await;
    let talkers = tokio::spawn(run_broadcasters(broadcasters(&server, "feed-e2e", 3, 12, 7)));
    eventually("four speakers producing", || server.counts().producers >= 4).await;
    // A viewer favouring the leaver plays its utterance when it leaves, and must be told so.
    let mut watcher = favouring_feed_viewer(&server, "feed-e2e", &leaver_id).await;
    let gone = tokio::spawn(async move {
        let seen = wait_for_speaker_gone_switch(&mut watcher, &leaver_id, &leave).await;
        watcher.close().await;
        seen
    });
    let v = run_viewers(feed_viewers(&server, "feed-e2e", 20, 9))
        .await
        .expect("viewers run");
    let b = talkers.await.unwrap().expect("broadcasters run");
    let l = leaver.await.unwrap().expect("leaver runs");
    println!("{}\n{}", b.summary, v.summary);
    assert_all_connected(&b);
    assert_all_connected(&l);
    assert_all_connected(&v);

    assert_clean_feed(&v, 3);
    let f = v.summary.feed.as_ref().unwrap();
    assert!(f.min_sources >= 2, "every viewer switched between speakers: {f:?}");
    // Every utterance played from its first packet: its pre-roll (quiet packets before the
    // first loud one), or the speaker's very first packet.
    assert_eq!(
        f.segments_from_start, f.segments,
        "utterances played from their start: {f:?}"
    );
    assert!(v.summary.packets_received > 20 * 200, "{}", v.summary);
    let stats = server.feed_stats();
    assert!(stats.switches >= f.switches && stats.send_errors == 0, "{stats:?}");
    // Measured, not judged here (timings belong to the benchmarks): every packet's lateness
    // against its playout schedule, and onsets that woke waiting feeds.
    assert!(stats.lateness_ms.count > 0, "{stats:?}");
    // Private playouts' audio went straight to the viewers' consumers.
    assert!(stats.addressed_packets > 0, "{stats:?}");
    println!("feed engine: {stats:?}");
    let seen = gone.await.expect("watcher task");
    println!("the watcher's switches: {seen:?}");

    assert_released(&server).await;
    assert_eq!(server.feed_stats().feeds, 0);
    server.shutdown().await.expect("clean shutdown");
}

/// Feeds woken by one onset start the same utterance at the same grid instant: one producer
/// carries it for all of them (a shared playout), and each viewer's stream stays one stream
/// through the moves of its consumer, also for viewers that skip out of a shared playout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feeds_that_start_together_share_one_producer_and_stay_continuous() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = start(test_config(1)).await;
    let talkers = tokio::spawn(run_broadcasters(broadcasters(&server, "feed-shared", 2, 13, 5)));
    eventually("two speakers producing", || server.counts().producers >= 2).await;
    let plain = feed_viewers(&server, "feed-shared", 8, 10);
    // Tasteful viewers skip a speaker they dislike after about a second: out of a shared
    // playout, back to their own producer.
    let mut tasteful = feed_viewers(&server, "feed-shared", 4, 10);
    tasteful.taste = Some(3);
    let (v, t) = tokio::join!(run_viewers(plain), run_viewers(tasteful));
    let (v, t) = (v.expect("viewers run"), t.expect("tasteful viewers run"));
    let b = talkers.await.unwrap().expect("broadcasters run");
    println!("{}\n{}\n{}", b.summary, v.summary, t.summary);
    assert_all_connected(&b);
    assert_all_connected(&v);
    assert_all_connected(&t);
    assert_clean_feed(&v, 2);
    assert_clean_feed(&t, 1);
    for r in [&v, &t] {
        let f = r.summary.feed.as_ref().unwrap();
        assert_eq!(
            f.segments_from_start, f.segments,
            "utterances played from their start: {f:?}"
        );
    }
    let stats = server.feed_stats();
    println!("feed engine: {stats:?}");
    assert!(
        stats.shared_playouts >= 1 && stats.shared_viewers >= 2 && stats.shared_packets > 0,
        "feeds woken together shared a playout: {stats:?}"
    );
    assert_eq!(stats.send_errors, 0, "{stats:?}");
    assert_released(&server).await;
    assert_eq!(server.feed_stats().feeds, 0);
    server.shutdown().await.expect("clean shutdown");
}

/// Feeds that wait after a shared playout stay on its idle producer (parked, not moved back),
/// and the next onset that wakes them together plays through that producer unmoved. Viewers
/// who mute one of two pausing speakers wait through its utterances while the others are
/// woken by them: the group that takes the producer they are parked on must move them off it
/// first, or they hear an utterance nobody announced to them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feeds_parked_after_a_shared_playout_hear_only_their_own_next_one() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = start(test_config(1)).await;
    let pausing = SpeechPattern {
        talk: Duration::from_millis(1000),
        silence: Duration::from_millis(1500),
        variation: 0.3,
    };
    let mut muted = broadcasters(&server, "feed-parked", 1, 14, 21);
    muted.speech = pausing;
    let muted = tokio::spawn(run_broadcasters(muted));
    eventually("the muted speaker producing", || server.counts().producers >= 1).await;
    let muted_id = producing_peer(&server, "feed-parked").await;
    let mut other = broadcasters(&server, "feed-parked", 1, 13, 22);
    other.speech = pausing;
    let other = tokio::spawn(run_broadcasters(other));
    eventually("two speakers producing", || server.counts().producers >= 2).await;
    let plain = feed_viewers(&server, "feed-parked", 6, 10);
    let mut muting = feed_viewers(&server, "feed-parked", 6, 10);
    muting.mute = vec![muted_id];
    let (v, m) = tokio::join!(run_viewers(plain), run_viewers(muting));
    let (v, m) = (v.expect("viewers run"), m.expect("muting viewers run"));
    let (a, b) = (muted.await.unwrap(), other.await.unwrap());
    let (a, b) = (a.expect("muted speaker runs"), b.expect("other speaker runs"));
    println!("{}\n{}\n{}\n{}", a.summary, b.summary, v.summary, m.summary);
    for r in [&a, &b, &v, &m] {
        assert_all_connected(r);
    }
    assert_clean_feed(&v, 2);
    assert_clean_feed(&m, 1);
    let stats = server.feed_stats();
    println!("feed engine: {stats:?}");
    assert!(stats.shared_playouts >= 2 && stats.parked_consumers > 0, "{stats:?}");
    assert!(
        stats.unparked_consumers > 0,
        "a group took a producer that muting viewers were parked on: {stats:?}"
    );
    assert_eq!(stats.send_errors, 0, "{stats:?}");
    assert_released(&server).await;
    assert_eq!(server.feed_stats().feeds, 0);
    server.shutdown().await.expect("clean shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eviction_under_a_small_cap_does_not_break_any_feed() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let mut config = test_config(1);
    config.buffer.cap_bytes = 256 << 10;
    let server = Arc::new(start(config).await);
    // Watch the cap while everything runs.
    let cap_watch = CapWatch::start(Arc::clone(&server));
    let talkers = tokio::spawn(run_broadcasters(broadcasters(&server, "feed-evict", 10, 14, 3)));
    eventually("ten speakers producing", || server.counts().producers >= 10).await;
    let v = run_viewers(feed_viewers(&server, "feed-evict", 10, 11))
        .await
        .expect("viewers run");
    let b = talkers.await.unwrap().expect("broadcasters run");
    let over = cap_watch.stop().await;
    println!("{}\n{}", b.summary, v.summary);
    assert_all_connected(&b);
    assert_all_connected(&v);

    let buffer = server.buffer_stats();
    assert!(buffer.evictions > 0, "the small cap made the buffer evict: {buffer:?}");
    assert_eq!(over, 0, "the buffer never went over its cap");
    assert_clean_feed(&v, 2);

    assert_released(&server).await;
    let server = Arc::into_inner(server).expect("last handle");
    server.shutdown().await.expect("clean shutdown");
}
