//! The feed's video end to end: synthetic broadcasters with a camera (VP8 with real payload
//! descriptors, key frames on a long schedule and on request) talk in spurts; feed viewers that
//! asked for video receive one continuous video stream next to the audio, in which every
//! speaker's video begins on a key frame. A viewer's PLI on the feed reaches the engine and is
//! turned into a key frame request to the camera playing.

mod common;

use std::time::Duration;

use common::{assert_released, eventually, start, test_config};
use sfu::synthetic::media::{SpeechPattern, VideoPattern};
use sfu::synthetic::{run_broadcasters, run_viewers, BroadcastOptions, Report, ViewerOptions};

fn assert_all_connected(r: &Report) {
    let s = &r.summary;
    assert_eq!((s.connected, s.failed), (s.peers, 0), "{s}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feed_viewers_get_continuous_video_that_starts_on_key_frames() {
    let server = start(test_config(1)).await;
    let mut b = BroadcastOptions::new(server.ws_url(), "feed-video", 2);
    b.target.tls_root_pem = server.tls_certificate_pem().map(str::to_string);
    b.duration = Duration::from_secs(11);
    b.video = true;
    b.seed = 5;
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
    let talkers = tokio::spawn(run_broadcasters(b));
    eventually("two speakers with cameras", || server.counts().producers >= 4).await;

    let mut v = ViewerOptions::new(server.ws_url(), "feed-video", 3);
    v.target.tls_root_pem = server.tls_certificate_pem().map(str::to_string);
    v.duration = Duration::from_secs(8);
    v.feed = true;
    v.video = true;
    v.pli_after = Some(Duration::from_millis(1500));
    let v = run_viewers(v).await.expect("viewers run");
    let b = talkers.await.unwrap().expect("broadcasters run");
    println!("{}\n{}", b.summary, v.summary);
    assert_all_connected(&b);
    assert_all_connected(&v);

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
        // Video: continuous, and every speaker's run of video begins on a key frame.
        assert!(f.video_packets > 50, "viewer {}: {f:?}", peer.index);
        assert_eq!(
            (f.video_seq_gaps, f.video_ts_backwards),
            (0, 0),
            "viewer {}: {f:?}",
            peer.index
        );
        assert!(f.video_segments >= 2, "viewer {}: {f:?}", peer.index);
        assert_eq!(
            f.video_segments, f.video_segments_from_key_frame,
            "viewer {}: video must start on a key frame: {f:?}",
            peer.index
        );
        // The PLI went out and a key frame followed on the feed's video.
        assert_eq!(peer.plis_sent, 1, "viewer {}", peer.index);
        assert_eq!(peer.plis_answered, 1, "viewer {}", peer.index);
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
