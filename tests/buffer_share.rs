//! The buffer's fair shares through the real server: one room floods the buffer with six
//! cameras while a quiet room has one voice; the flooding room evicts its own utterances and the
//! quiet room keeps its recent ones, with the cap never exceeded. Without the shares
//! (`room_share_percent = 100`), the flood evicts the quiet room's finished utterances within a
//! second of their end, and this test fails.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{assert_all_connected, assert_released, broadcast_options, eventually, start, test_config, CapWatch};
use sfu::synthetic::media::SpeechPattern;
use sfu::synthetic::run_broadcasters;
use sfu::ServerHandle;

/// The quiet room's finished utterances, and the flooding room's bytes, now.
fn rooms(server: &ServerHandle) -> (usize, usize) {
    let stats = server.buffer_stats();
    let quiet = stats
        .rooms
        .iter()
        .find(|r| &*r.room == "quiet")
        .map_or(0, |r| r.finished);
    let loud = stats.rooms.iter().find(|r| &*r.room == "loud").map_or(0, |r| r.bytes);
    (quiet, loud)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooding_room_does_not_evict_a_quiet_rooms_utterances() {
    let mut config = test_config(1);
    config.buffer.cap_bytes = 256 * 1024;
    let server = Arc::new(start(config).await);
    let watch = CapWatch::start(Arc::clone(&server));

    let mut loud = broadcast_options(&server, "loud", 6, Duration::from_secs(9));
    loud.video = true;
    loud.speech = SpeechPattern {
        talk: Duration::from_millis(1500),
        silence: Duration::from_millis(800),
        variation: 0.2,
    };
    loud.seed = 11;
    let mut quiet = broadcast_options(&server, "quiet", 1, Duration::from_secs(9));
    quiet.speech = SpeechPattern {
        talk: Duration::from_millis(900),
        silence: Duration::from_millis(600),
        variation: 0.2,
    };
    quiet.seed = 12;
    let flood = tokio::spawn(run_broadcasters(loud));
    let voice = tokio::spawn(run_broadcasters(quiet));
    eventually("seven speakers producing", || server.counts().producers >= 13).await;

    // Once the flood has filled the buffer, sample the quiet room every 250 ms for 4 s.
    let cap = server.buffer_stats().cap_bytes;
    eventually("the flood runs into its share", || {
        let s = server.buffer_stats();
        s.evictions + s.refused > 0
    })
    .await;
    let mut quiet_samples = Vec::new();
    for _ in 0..16 {
        tokio::time::sleep(Duration::from_millis(250)).await;
        quiet_samples.push(rooms(&server));
    }
    let b = flood.await.unwrap().expect("flood runs");
    let q = voice.await.unwrap().expect("voice runs");
    assert_all_connected(&b);
    assert_all_connected(&q);
    let over = watch.stop().await;
    let stats = server.buffer_stats();
    println!("samples (quiet finished, loud bytes): {quiet_samples:?}\nbuffer: {stats:?}");

    assert_eq!(over, 0, "the cap is never exceeded");
    assert!(
        stats.evictions + stats.refused > 10,
        "the flood ran into the cap: {stats:?}"
    );
    // The flooding room stays within its share: the larger of a quarter of the cap and the cap
    // split between the two rooms holding utterances.
    let share = (cap / 4).max(cap / 2);
    assert!(
        quiet_samples.iter().all(|(_, loud)| *loud <= share),
        "the flooding room over its share of {share} bytes: {quiet_samples:?}"
    );
    // The quiet room keeps what it said: every utterance it finished is still there at the end
    // (it says one every ~1.5 s for 9 s; without shares the flood leaves it one or two).
    let quiet = stats
        .rooms
        .iter()
        .find(|r| &*r.room == "quiet")
        .expect("the quiet room's utterances");
    assert!(quiet.finished >= 4, "the quiet room lost its utterances: {quiet:?}");

    let server = Arc::into_inner(server).expect("the watcher has stopped");
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}
