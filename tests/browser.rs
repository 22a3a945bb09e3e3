//! The demo page in a real headless Chromium (Debian's, driven by Playwright): a broadcaster page
//! with the fake microphone and camera and a listener page in the same room; the listener's
//! RTCPeerConnection receives growing audio with a non-zero level. A third page listens to and
//! watches the feed: it is switched to the broadcaster's utterances (`feedSwitched`), receives
//! audio with a non-zero level through the feed's DirectTransport producer, and decodes the
//! broadcaster's camera from the feed's video. The listener's connection (through a TCP proxy)
//! is cut without a close frame: the page resumes its session on a new connection and its audio
//! never stops. With a second broadcaster, the listener's chooser pauses the first one's
//! consumer (its packets stop, the other's keep coming) and resumes it (they grow again). Then the room's media worker is killed (the admin API's fault injection): all
//! three pages get `mediaReset`, set their media up again on the same socket, and audio flows
//! again. Closing the broadcaster shows on the listener's page. Screenshots of the three pages
//! are taken (into docs/img/ with SFU_UPDATE_SCREENSHOTS=1).

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;

/// The two Chromium tests take turns: each runs several pages with real media on a 2-core
/// machine, and timers in a starved page run late.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_page_broadcaster_to_listener_in_chromium() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let driver = root.join("web/test/e2e.mjs");
    assert!(
        root.join("web/node_modules/playwright-core").exists(),
        "web/node_modules is missing: run scripts/setup (it installs Chromium and the page's npm packages)"
    );
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "Chromium is missing: run scripts/setup"
    );

    const TOKEN: &str = "browser-test-admin-token-0123";
    let mut config = test_config(1);
    config.admin.token = Some(TOKEN.into());
    config.admin.fault_injection = true;
    // The listener's connection is cut on purpose: its session waits to be resumed.
    config.limits.resume_grace_secs = 30;
    let server = start(config).await;
    let base = format!("http://{}", server.local_addr());
    // SFU_UPDATE_SCREENSHOTS=1 refreshes the committed ones in docs/img.
    let shots = if std::env::var_os("SFU_UPDATE_SCREENSHOTS").is_some() {
        root.join("docs/img")
    } else {
        std::env::temp_dir().join(format!("sfu-shots-{}", std::process::id()))
    };
    std::fs::create_dir_all(&shots).unwrap();
    let output = tokio::time::timeout(
        Duration::from_secs(120),
        tokio::process::Command::new("node")
            .arg(&driver)
            .arg(&base)
            .arg(&shots)
            .arg(TOKEN)
            .current_dir(root)
            .output(),
    )
    .await
    .expect("browser test finishes within 120 s")
    .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stdout.lines().last().unwrap_or_default();
    let result: serde_json::Value =
        serde_json::from_str(line).unwrap_or_else(|_| panic!("driver output: {stdout}\n{stderr}"));
    assert_eq!(
        result["ok"],
        true,
        "browser steps: {result:#}\n{stderr}\nfeed: {:?}\nbuffer: {:?}",
        server.feed_stats(),
        server.buffer_stats()
    );
    let steps = result["steps"].as_array().unwrap();
    let audio = steps.iter().find(|s| s["name"] == "inbound audio").unwrap();
    assert!(audio["maxLevel"].as_f64().unwrap() > 0.0);
    assert!(audio["last"]["packetsReceived"].as_u64().unwrap() > audio["first"]["packetsReceived"].as_u64().unwrap());
    assert!(
        !steps.iter().any(|s| s["name"].as_str().unwrap().contains("page error")),
        "{result:#}"
    );
    let feed = steps.iter().find(|s| s["name"] == "feed audio").expect("feed step");
    assert!(feed["maxLevel"].as_f64().unwrap() > 0.0, "{feed:#}");
    assert!(feed["switched"]["switches"].as_u64().unwrap() >= 1, "{feed:#}");
    assert!(server.feed_stats().switches >= 1 && server.feed_stats().packets > 0);
    let video = steps
        .iter()
        .find(|s| s["name"] == "feed video")
        .expect("feed video step");
    println!("feed video in the browser: {video}");
    println!("feed engine: {:?}", server.feed_stats());
    assert!(video["keyFramesDecoded"].as_u64().unwrap() >= 1, "{video:#}");
    assert!(server.feed_stats().video_packets > 0);
    let like = steps.iter().find(|s| s["name"] == "like").expect("like step");
    println!("like in the browser: {like}");
    assert!(
        steps
            .iter()
            .any(|s| s["name"] == "no sign-in SDK without authentication"),
        "{result:#}"
    );
    let resumed = steps.iter().find(|s| s["name"] == "resumed").expect("resume step");
    println!("resumed in the browser: {resumed}");
    // The chooser paused Ann's consumer: its packets stood still (the server said paused) while
    // the other broadcaster's kept coming, then grew again once resumed.
    let pause = steps
        .iter()
        .find(|s| s["name"] == "pause and resume consumer")
        .expect("pause/resume step");
    println!("pause and resume in the browser: {pause}");
    let paused = pause["paused"].as_array().unwrap();
    assert_eq!(paused[0], paused[1], "no packet while paused: {pause:#}");
    assert!(
        pause["resumed"].as_u64().unwrap() > paused[1].as_u64().unwrap(),
        "{pause:#}"
    );
    let dee = pause["dee"].as_array().unwrap();
    assert!(dee[1].as_u64().unwrap() > dee[0].as_u64().unwrap(), "{pause:#}");
    assert_eq!(
        pause["serverResumed"], false,
        "the admin dump shows the consumer resumed: {pause:#}"
    );
    let reset = steps
        .iter()
        .find(|s| s["name"] == "media reset")
        .expect("media reset step");
    println!("media reset in the browser: {reset}");
    assert_eq!(server.workers()[0].restarts, 1);
    for role in ["broadcast", "listen", "feed"] {
        let png = std::fs::metadata(shots.join(format!("{role}.png"))).expect("screenshot taken");
        assert!(png.len() > 1000);
    }
    // Chromium's fake microphone beeps: the tap cut its beeps into utterances in the buffer.
    let buffer = server.buffer_stats();
    assert!(buffer.live + buffer.finished >= 1, "utterances recorded: {buffer:?}");
    assert!(buffer.bytes_used > 0 && buffer.bytes_used <= buffer.cap_bytes);
    // Closing the broadcaster page released its peer; the listener leaves with the server.
    eventually("broadcaster released", || server.counts().producers == 0).await;
    server.shutdown().await.unwrap();
}

/// One session through everything, in Chromium on the client library: ID tokens that live
/// 9 s (unsigned, for a server that trusts the Auth emulator), the listener's socket cut, the
/// room's media worker killed, and tokens expiring again and again: both clients keep their
/// session (no 4003, no new join) and the listener's audio flows after each.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn library_keeps_audio_through_a_drop_a_dead_worker_and_expiring_tokens() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        root.join("web/node_modules/playwright-core").exists() && Path::new("/usr/bin/chromium").exists(),
        "web/node_modules or Chromium is missing: run scripts/setup"
    );
    const TOKEN: &str = "resilience-admin-token-0123";
    const PROJECT: &str = "demo-sfu";
    let mut config = test_config(1);
    config.admin.token = Some(TOKEN.into());
    config.admin.fault_injection = true;
    config.limits.resume_grace_secs = 30;
    config.auth.mode = sfu::config::AuthMode::Firebase;
    config.auth.project_id = Some(PROJECT.into());
    // Unsigned tokens are accepted; nothing listens there (the page never signs in).
    config.auth.emulator_host = Some("127.0.0.1:9".into());
    let server = start(config).await;
    let base = format!("http://{}", server.local_addr());
    let output = tokio::time::timeout(
        Duration::from_secs(150),
        tokio::process::Command::new("node")
            .arg(root.join("web/test/resilience.mjs"))
            .args([&base, TOKEN, PROJECT, "9"])
            .current_dir(root)
            .output(),
    )
    .await
    .expect("the browser check finishes within 150 s")
    .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let result: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap_or_default())
        .unwrap_or_else(|_| panic!("driver output: {stdout}\n{stderr}"));
    assert_eq!(result["ok"], true, "browser steps: {result:#}\n{stderr}");
    println!("one session through everything: {result}");
    let steps = result["steps"].as_array().unwrap();
    assert!(
        !steps.iter().any(|s| s["name"].as_str().unwrap().contains("page error")),
        "{result:#}"
    );
    let end = steps.iter().find(|s| s["name"] == "end").unwrap();
    assert!(end["bob"]["tokenRefreshed"].as_u64().unwrap() >= 2, "{end:#}");
    assert_eq!(end["bob"]["resumed"], 1, "{end:#}");
    assert_eq!(end["bob"]["mediaReset"], 1, "{end:#}");
    assert_eq!(server.workers()[0].restarts, 1);
    server.shutdown().await.unwrap();
}

/// The committed bundles (the page and its Firebase sign-in) are what `scripts/build-web` makes
/// from web/src and clients/js/src: nobody ships a page whose source says something else.
#[test]
fn committed_bundles_match_the_source() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let web = root.join("web");
    let esbuild = web.join("node_modules/.bin/esbuild");
    assert!(esbuild.exists(), "web/node_modules is missing: run scripts/setup");
    assert!(
        root.join("clients/js/node_modules/mediasoup-client").exists(),
        "clients/js/node_modules is missing: run scripts/setup"
    );
    for entry in ["app", "firebase"] {
        let out = std::env::temp_dir().join(format!("sfu-{entry}-{}.js", std::process::id()));
        let status = std::process::Command::new(&esbuild)
            .arg(format!("src/{entry}.js"))
            .args([
                "--bundle",
                "--format=esm",
                "--target=es2020",
                "--minify",
                "--log-level=warning",
            ])
            .arg(format!("--outfile={}", out.display()))
            .current_dir(&web)
            .status()
            .unwrap();
        assert!(status.success());
        let fresh = std::fs::read(&out).unwrap();
        std::fs::remove_file(&out).unwrap();
        let committed = std::fs::read(web.join(format!("dist/{entry}.js"))).unwrap();
        assert!(
            fresh == committed,
            "web/dist/{entry}.js is stale: run scripts/build-web and commit it"
        );
    }
}
