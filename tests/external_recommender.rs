//! The external recommender through the real path: synthetic broadcasters talk, synthetic feed
//! viewers listen, and the server asks the reference service in tools/recommender (a real HTTP
//! service, started here on a loopback port) what each feed plays next. When the service
//! answers, its choices are played (none refused); when it is slow, failing or names utterances
//! that do not exist, the learning recommender decides instead and the feeds play on, with
//! every outcome counted.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{
    assert_all_connected, assert_released, broadcast_options, eventually, start, test_config, viewer_options,
};
use sfu::config::RecommenderKind;
use sfu::feed::ExternalStats;
use sfu::synthetic::media::SpeechPattern;
use sfu::synthetic::{run_broadcasters, run_viewers};

const SPEAKERS: usize = 3;
const VIEWERS: usize = 2;
const VIEWING: Duration = Duration::from_secs(7);

/// The reference service, killed on drop.
struct Service {
    child: Child,
    port: u16,
}

impl Service {
    fn start(misbehave: Option<&str>) -> Service {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/recommender/reference.py");
        let mut cmd = Command::new("python3");
        cmd.args([script, "--port", "0"]);
        if let Some(how) = misbehave {
            cmd.args(["--misbehave", how]);
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs tools/recommender/reference.py");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the service says where it listens");
        let port = line
            .trim()
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Service { child, port }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One server asking the service (`misbehave` as the service's flag); what the engine counted
/// and how many utterances the viewers heard from their start.
async fn run(misbehave: Option<&str>, room: &str) -> (ExternalStats, u64) {
    let service = Service::start(misbehave);
    let mut config = test_config(1);
    config.feed.recommender = RecommenderKind::External;
    config.feed.external_url = Some(format!("http://127.0.0.1:{}/recommend", service.port));
    // Generous for a loaded 2-core machine; the slow service takes 500 ms.
    config.feed.external_timeout_ms = 150;
    let server = start(config).await;
    let mut b = broadcast_options(&server, room, SPEAKERS, VIEWING + Duration::from_secs(3));
    b.speech = SpeechPattern {
        talk: Duration::from_millis(1200),
        silence: Duration::from_millis(600),
        variation: 0.3,
    };
    let talkers = tokio::spawn(run_broadcasters(b));
    eventually("speakers producing", || server.counts().producers >= SPEAKERS as i64).await;
    let mut v = viewer_options(&server, room, VIEWERS, VIEWING);
    v.feed = true;
    v.taste = Some(3);
    let viewers = run_viewers(v).await.expect("viewers run");
    let talkers = talkers.await.unwrap().expect("broadcasters run");
    println!("{misbehave:?}:\n{}", viewers.summary);
    assert_all_connected(&talkers);
    assert_all_connected(&viewers);
    let feed = viewers.summary.feed.as_ref().expect("feed summary");
    assert_eq!(
        (feed.seq_gaps, feed.ts_backwards, feed.segment_gaps),
        (0, 0, 0),
        "{misbehave:?}: the feed stays one clean stream: {feed:?}"
    );
    let stats = server.feed_stats();
    println!("{misbehave:?}: {:?}, {} switches", stats.external, stats.switches);
    assert_released(&server).await;
    server.shutdown().await.expect("clean shutdown");
    (stats.external, feed.segments_from_start)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_decides_and_the_learning_recommender_stands_in() {
    // A working service: its answers are played, none refused.
    let (good, heard) = run(None, "ext-good").await;
    assert!(heard >= (VIEWERS * 3) as u64, "utterances heard: {heard}");
    assert!(good.answered >= (VIEWERS * 3) as u64, "{good:?}");
    assert_eq!(good.refused + good.failed, 0, "{good:?}");
    assert!(
        good.timed_out * 5 <= good.answered,
        "most questions answered in time: {good:?}"
    );

    // Too slow, failing, or naming utterances that are not candidates: every question falls
    // back to the learning recommender and the feeds still play whole utterances.
    for (how, counted) in [
        ("slow", (|x: &ExternalStats| x.timed_out) as fn(&ExternalStats) -> u64),
        ("fail", |x| x.failed),
        ("stranger", |x| x.refused),
    ] {
        let (x, heard) = run(Some(how), &format!("ext-{how}")).await;
        assert!(heard >= (VIEWERS * 3) as u64, "{how}: utterances heard {heard}");
        assert!(counted(&x) >= (VIEWERS * 3) as u64, "{how}: {x:?}");
        assert_eq!(x.answered, 0, "{how}: {x:?}");
    }
}
