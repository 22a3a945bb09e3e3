//! The learning recommender against the random one, with real peers through the server:
//! synthetic broadcasters talk, synthetic feed viewers with hidden tastes (`--taste`: they like
//! about one speaker in three and skip the others after ~1 s) listen, on two servers at once,
//! one per policy, with the same speakers and the same tastes. With the learning recommender the
//! viewers must skip measurably less in the second half of the run than with random.

mod common;

use std::time::Duration;

use common::{
    assert_all_connected, assert_released, broadcast_options, eventually, start, test_config, viewer_options,
};
use sfu::config::RecommenderKind;
use sfu::synthetic::media::SpeechPattern;
use sfu::synthetic::taste::TasteReport;
use sfu::synthetic::{run_broadcasters, run_viewers};

const SPEAKERS: usize = 8;
const VIEWERS: usize = 4;
const VIEWING: Duration = Duration::from_secs(36);
const TASTE_SEED: u64 = 17;

/// One server with `kind`, its speakers and tasteful viewers; the viewers' summed taste report.
async fn run(kind: RecommenderKind, room: &str) -> TasteReport {
    let mut config = test_config(1);
    config.feed.recommender = kind;
    config.feed.seed = Some(5);
    let server = start(config).await;
    let mut b = broadcast_options(&server, room, SPEAKERS, VIEWING + Duration::from_secs(3));
    b.speech = SpeechPattern {
        talk: Duration::from_millis(2500),
        silence: Duration::from_millis(1000),
        variation: 0.3,
    };
    b.seed = 3;
    let talkers = tokio::spawn(run_broadcasters(b));
    eventually("speakers producing", || server.counts().producers >= SPEAKERS as i64).await;
    let mut v = viewer_options(&server, room, VIEWERS, VIEWING);
    v.feed = true;
    v.taste = Some(TASTE_SEED);
    let viewers = run_viewers(v).await.expect("viewers run");
    let talkers = talkers.await.unwrap().expect("broadcasters run");
    println!("{kind:?}:\n{}\n{}", talkers.summary, viewers.summary);
    assert_all_connected(&talkers);
    assert_all_connected(&viewers);
    let feed = viewers.summary.feed.as_ref().expect("feed summary");
    let taste = feed.taste.expect("taste report");
    assert!(
        taste.skips + taste.listened_through >= (VIEWERS * 6) as u64,
        "enough utterances heard to judge: {taste:?}"
    );
    assert_released(&server).await;
    server.shutdown().await.expect("clean shutdown");
    taste
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tasteful_viewers_skip_less_with_the_learning_recommender() {
    let (random, learning) = tokio::join!(
        run(RecommenderKind::Random, "rec-random"),
        run(RecommenderKind::Learning, "rec-learning")
    );
    let rate = |t: &TasteReport| t.late_skip_rate().expect("utterances in the second half");
    println!(
        "skip rate, second half: random {:.2} ({random:?}), learning {:.2} ({learning:?})",
        rate(&random),
        rate(&learning)
    );
    println!(
        "skip rate, whole run: random {:.2}, learning {:.2}",
        random.skip_rate().unwrap(),
        learning.skip_rate().unwrap()
    );
    // Random hears a liked speaker about one time in three (skip rate near 2/3); learning
    // must do clearly better once it has heard each speaker a few times.
    assert!(rate(&random) > 0.4, "the tastes bite: {random:?}");
    assert!(
        rate(&learning) + 0.2 < rate(&random),
        "learning {:.2} vs random {:.2}",
        rate(&learning),
        rate(&random)
    );
    assert!(learning.likes_sent > 0, "like reached the server: {learning:?}");
}
