//! `sfu loadtest --report FILE.html` end to end: the real binary runs the smoke scenario
//! in-process and writes the page; headless Chromium opens the file offline and finds every
//! chart; the JSON report keeps the timeline the charts are drawn from. An unwritable path is
//! refused before the run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use sfu::loadtest::html::CHART_IDS;

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sfu-report-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `cmd`, killed after `limit`.
fn bounded(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let deadline = Instant::now() + limit;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.wait_with_output().unwrap()
}

fn sfu(args: &[&str], limit: Duration) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sfu"));
    cmd.args(args);
    bounded(cmd, limit)
}

/// The page as headless Chromium built it (`--dump-dom`), with no network.
fn chromium_dom(page: &Path) -> String {
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "chromium is missing: scripts/setup installs it"
    );
    let profile = temp_dir().join("chromium-profile");
    let mut cmd = Command::new("/usr/bin/chromium");
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // Offline: any request to anywhere but the file fails.
        "--proxy-server=127.0.0.1:9",
        "--dump-dom",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("file://{}", page.display()));
    let out = bounded(cmd, Duration::from_secs(60));
    assert!(
        out.status.success(),
        "chromium: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The ids of the `<svg>` elements in `dom`, in order.
fn svg_ids(dom: &str) -> Vec<String> {
    dom.split("<svg")
        .skip(1)
        .filter_map(|rest| {
            let tag = &rest[..rest.find('>')?];
            let id = tag.split(" id=\"").nth(1)?;
            Some(id[..id.find('"')?].to_string())
        })
        .collect()
}

#[test]
fn a_report_opens_offline_in_chromium_with_every_chart() {
    let page = temp_dir().join("smoke.html");
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/smoke.toml");
    let out = sfu(
        &[
            "loadtest",
            scenario.to_str().unwrap(),
            "--duration",
            "4s",
            "--json",
            "--report",
            page.to_str().unwrap(),
        ],
        Duration::from_secs(120),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "the run completed: {stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let timeline = report["timeline"].as_array().expect("a timeline in the JSON");
    assert!(timeline.len() >= 3, "one point a second: {timeline:?}");
    assert!(timeline
        .iter()
        .any(|p| p["peers"].as_i64() > Some(0) && p["latency_p99_ms"].is_number()));
    assert!(timeline.iter().any(|p| p["workers"][0]["cpu_percent"].is_number()));

    let dom = chromium_dom(&page);
    assert_eq!(svg_ids(&dom), CHART_IDS, "every chart, rendered by the browser");
    assert!(dom.contains("id=\"verdict\""), "the verdicts");
    assert!(dom.contains("max_loss_percent"), "the SLOs in words");
    assert!(dom.contains("<polyline"), "lines were drawn");
}

#[test]
fn an_unwritable_report_path_exits_2_before_the_run() {
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/smoke.toml");
    let started = Instant::now();
    let out = sfu(
        &[
            "loadtest",
            scenario.to_str().unwrap(),
            "--report",
            "/nonexistent-dir/report.html",
        ],
        Duration::from_secs(30),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write the report to /nonexistent-dir/report.html"),
        "{stderr}"
    );
    assert!(started.elapsed() < Duration::from_secs(5), "refused before the 8 s run");
}

#[test]
fn a_run_that_cannot_be_done_leaves_no_report() {
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/smoke.toml");
    let page = temp_dir().join("never.html");
    // Nothing listens on the discard port: the admin API check fails before any peer starts.
    let out = sfu(
        &[
            "loadtest",
            scenario.to_str().unwrap(),
            "--url",
            "ws://127.0.0.1:9/ws",
            "--admin-token",
            "x",
            "--report",
            page.to_str().unwrap(),
        ],
        Duration::from_secs(60),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!page.exists(), "no empty page left behind");
}
