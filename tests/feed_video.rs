//! The feed's video end to end: synthetic broadcasters with a camera (VP8 with real payload
//! descriptors, key frames on a long schedule and on request) talk in spurts; feed viewers that
//! asked for video receive one continuous video stream next to the audio, in which every
//! speaker's video begins on a key frame. A viewer's PLI on the feed reaches the engine and is
//! turned into a key frame request to the camera playing.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{
    assert_all_connected, assert_released, broadcast_options, eventually, start, test_config, viewer_options, CapWatch,
};
use sfu::synthetic::media::{SpeechPattern, VideoPattern};
use sfu::synthetic::{run_broadcasters, run_viewers, BroadcastOptions, Report, ViewerOptions};
use sfu::ServerHandle;

fn speakers(server: &ServerHandle, room: &str, count: usize, video: bool, seed: u64) -> BroadcastOptions {
    let mut b = broadcast_options(server, room, count, Duration::from_secs(11));
    b.video = video;
    b.seed = seed;
    b.speech = SpeechPattern {
        talk: Duration::from_millis(1200),
        silence: Duration::from_millis(800),
        variation: 0.3,
    };
    // Scheduled key frames are rare: the ones the feed sees come from its own requests.
    b.video_pattern = VideoPattern {
        key_frame_interval: Duration::from_secs(30),
        ..VideoPattern::default()
    };
    b
}

fn video_viewers(server: &ServerHandle, room: &str, count: usize) -> ViewerOptions {
    let mut v = viewer_options(server, room, count, Duration::from_secs(8));
    v.feed = true;
    v.video = true;
    v
}

/// Both tests run several real peers against a server on a 2-core machine: they take turns, so
/// neither starves the other's pacer (CI saw a run where the viewers got little video while the
/// other test ran beside it).
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Every viewer's audio and video streams are continuous and its video starts on key frames.
/// How much video each viewer sees depends on which speakers the recommender picked (a speaker
/// without a camera, or a small cap that evicts the larger video utterances first, leaves fewer
/// camera utterances to pick), so the amounts are checked over all viewers, and only as "video
/// flowed in several utterances" (a 1.2 s utterance carries about 20 video packets); continuity
/// and key frames are checked for each viewer.
fn assert_clean_video_feed(v: &Report) {
    let feeds = || v.peers.iter().filter_map(|p| p.feed.as_ref());
    let (packets, runs): (u64, u64) = feeds().fold((0, 0), |(p, r), f| (p + f.video_packets, r + f.video_segments));
    assert!(
        packets > 30 * v.peers.len() as u64,
        "video packets over all viewers: {packets}"
    );
    assert!(
        runs >= 2 * v.peers.len() as u64,
        "runs of video over all viewers: {runs}"
    );
    for peer in &v.peers {
        let f = peer.feed.as_ref().expect("feed report");
        // Audio as before: one continuous stream of whole utterances.
        assert_eq!(
            (f.seq_gaps, f.ts_backwards, f.segment_gaps),
            (0, 0, 0),
            "viewer {}: {f:?}",
            peer.index
        );
        assert!(f.segments >= 2, "viewer {}: {f:?}", peer.index);
        // Video: some, continuous, and every speaker's run of video begins on a key frame.
        assert!(f.video_packets > 0, "viewer {}: {f:?}", peer.index);
        assert_eq!(
            (f.video_seq_gaps, f.video_ts_backwards),
            (0, 0),
            "viewer {}: {f:?}",
            peer.index
        );
        assert!(f.video_segments >= 1, "viewer {}: {f:?}", peer.index);
        assert_eq!(
            f.video_segments, f.video_segments_from_key_frame,
            "viewer {}: video must start on a key frame: {f:?}",
            peer.index
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feed_viewers_get_continuous_video_that_starts_on_key_frames() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = start(test_config(1)).await;
    let talkers = tokio::spawn(run_broadcasters(speakers(&server, "feed-video", 2, true, 5)));
    eventually("two speakers with cameras", || server.counts().producers >= 4).await;

    let mut v = video_viewers(&server, "feed-video", 3);
    v.pli_after = Some(Duration::from_millis(1500));
    let v = run_viewers(v).await.expect("viewers run");
    let b = talkers.await.unwrap().expect("broadcasters run");
    println!("{}\n{}", b.summary, v.summary);
    assert_all_connected(&b);
    assert_all_connected(&v);
    assert_clean_video_feed(&v);
    for peer in &v.peers {
        // The PLI went out and a key frame followed on the feed's video.
        assert_eq!(peer.plis_sent, 1, "viewer {}", peer.index);
        assert_eq!(peer.plis_answered, 1, "viewer {}", peer.index);
        // Tens of ms when the feed plays a live utterance near its tail (the camera's answer is
        // recorded and played at once); a PLI during the replay of a finished utterance is
        // answered by the next utterance's first key frame, hence the loose bound.
        let waited = peer.pli_answer_max.expect("answered");
        assert!(
            waited < Duration::from_secs(3),
            "viewer {}: key frame {waited:?} after the PLI",
            peer.index
        );
    }
    let stats = server.feed_stats();
    println!("feed engine: {stats:?}");
    assert!(stats.video_packets > 0 && stats.send_errors == 0, "{stats:?}");
    assert!(
        stats.viewer_key_frame_requests >= 3,
        "every viewer's PLI reached the engine: {stats:?}"
    );
    assert!(stats.key_frame_requests >= 3, "and went on to a camera: {stats:?}");
    // The cameras were asked for key frames (onsets and the viewers' PLIs), and sent them.
    assert!(b.summary.key_frame_requests >= 4, "{}", b.summary);
    assert!(b.summary.key_frames_sent >= 4, "{}", b.summary);

    assert_released(&server).await;
    assert_eq!(server.feed_stats().feeds, 0);
    server.shutdown().await.expect("clean shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_speaker_without_camera_and_eviction_leave_the_video_clean() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let mut config = test_config(1);
    config.buffer.cap_bytes = 256 << 10;
    let server = Arc::new(start(config).await);
    // Watch the cap while everything runs.
    let cap_watch = CapWatch::start(Arc::clone(&server));
    // Three speakers with a camera and one without: the video stream idles during the latter's
    // utterances and must come back on a key frame.
    // Larger frames than usual (1 kB deltas, ~15 kB/s per camera) so video fills the
    // 256 KiB buffer within seconds.
    let mut with_cameras = speakers(&server, "feed-video-mixed", 3, true, 11);
    with_cameras.video_pattern.delta_frame_bytes = 1000;
    let cameras = tokio::spawn(run_broadcasters(with_cameras));
    let voice = tokio::spawn(run_broadcasters(speakers(&server, "feed-video-mixed", 1, false, 12)));
    eventually("four speakers, three cameras", || server.counts().producers >= 7).await;
    let v = run_viewers(video_viewers(&server, "feed-video-mixed", 3))
        .await
        .expect("viewers run");
    let c = cameras.await.unwrap().expect("cameras run");
    let a = voice.await.unwrap().expect("voice runs");
    let over = cap_watch.stop().await;
    println!("{}\n{}\n{}", c.summary, a.summary, v.summary);
    assert_all_connected(&c);
    assert_all_connected(&a);
    assert_all_connected(&v);

    assert_clean_video_feed(&v);
    for peer in &v.peers {
        let f = peer.feed.as_ref().unwrap();
        assert!(f.sources >= 2, "viewer {}: {f:?}", peer.index);
    }
    let buffer = server.buffer_stats();
    println!("buffer: {buffer:?}");
    assert!(buffer.evictions > 0, "the small cap made the buffer evict: {buffer:?}");
    assert_eq!(over, 0, "video bytes never took the buffer over its cap");
    assert_eq!(server.feed_stats().send_errors, 0);

    assert_released(&server).await;
    let server = Arc::into_inner(server).expect("last handle");
    server.shutdown().await.expect("clean shutdown");
}
