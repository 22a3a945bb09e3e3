//! `sfu loadtest` and `sfu soak` end to end: the CI smoke scenario in-process passes its SLOs, an
//! impossible SLO and an invalid scenario give the documented exit codes, and a short soak with
//! churn leaves no object behind.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use sfu::loadtest::{run_loadtest, run_soak, LoadtestOptions};
use sfu::scenario::Scenario;

/// The runs load the same 2 cores; one at a time keeps their latency and CPU numbers honest.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn scenario_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(name)
}

fn write_temp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sfu-loadtest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn sfu(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sfu"))
        .args(args)
        .output()
        .expect("sfu runs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smoke_scenario_passes_its_slos() {
    let _serial = SERIAL.lock().await;
    let scenario = Scenario::load(&scenario_path("smoke.toml")).expect("smoke.toml is valid");
    let report = run_loadtest(LoadtestOptions::new(scenario))
        .await
        .expect("loadtest runs");
    println!("{report}");
    assert!(report.passed, "{report}");
    assert!(report.slos.iter().all(|s| s.pass && s.value.is_some()), "{report}");
    let phase = &report.phases[0];
    assert_eq!((phase.broadcasters.connected, phase.broadcasters.failed), (2, 0));
    assert_eq!((phase.viewers.connected, phase.viewers.failed), (10, 0));
    assert_eq!(phase.streams, 20, "10 viewers x 2 broadcasters");
    assert_eq!(phase.packets_lost, 0);
    assert!(phase.packets_received > 20 * 300, "~8 s at 50 packets/s: {report}");
    assert!(phase.latency_ms.p99 > 0.0 && phase.time_to_first_packet_ms.p50 > 0.0);
    assert!(
        phase.workers[0].mean_percent.is_some_and(|c| c > 0.0),
        "worker CPU measured"
    );
    assert!(phase.egress_packets_per_cpu_second.is_some_and(|e| e > 0.0));
    assert!(report.server.rss_max_bytes.is_some_and(|r| r > 0));
    assert!(
        report.server.buffer_bytes_max > 0,
        "broadcasters' utterances were buffered"
    );
    assert_eq!(report.server.signaling_errors, 0);
    // The JSON document carries the same.
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["passed"], true);
    assert_eq!(json["phases"][0]["viewers"]["connected"], 10);
}

#[tokio::test]
async fn impossible_slo_exits_1_and_lists_it() {
    let _serial = SERIAL.lock().await;
    let text = std::fs::read_to_string(scenario_path("smoke.toml"))
        .unwrap()
        .replace("max_latency_p99_ms = 80", "max_latency_p99_ms = 0")
        .replace("viewers = 10", "viewers = 2");
    let path = write_temp("impossible.toml", &text);
    let out =
        tokio::task::spawn_blocking(move || sfu(&["loadtest", path.to_str().unwrap(), "--json", "--duration", "2s"]))
            .await
            .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("SLO failed: max_latency_p99_ms"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(report["passed"], false);
    let failed: Vec<&str> = report["slos"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["pass"] == false)
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["max_latency_p99_ms"]);
}

#[test]
fn invalid_scenarios_exit_2_naming_file_and_field() {
    let good = std::fs::read_to_string(scenario_path("smoke.toml")).unwrap();
    let cases = [
        ("unknown.toml", good.replace("rooms = 1", "rooms = 1\nroms = 1"), "roms"),
        ("negative.toml", good.replace("viewers = 10", "viewers = -3"), "viewers"),
        (
            "zero.toml",
            good.replace("broadcasters = 2", "broadcasters = 0"),
            "phase[0].broadcasters",
        ),
        (
            "missing-slo.toml",
            good.replace("max_loss_percent = 0.5\n", ""),
            "max_loss_percent",
        ),
    ];
    for (name, text, field) in cases {
        let path = write_temp(name, &text);
        let out = sfu(&["loadtest", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(name) && stderr.contains(field), "{name}: {stderr}");
    }
    let out = sfu(&["loadtest", "/nonexistent/scenario.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/scenario.toml"));
    // soak needs a [churn] table.
    let out = sfu(&["soak", scenario_path("smoke.toml").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[churn]"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn short_soak_with_churn_leaks_nothing() {
    let _serial = SERIAL.lock().await;
    let scenario = Scenario::load(&scenario_path("churn.toml")).expect("churn.toml is valid");
    let mut options = LoadtestOptions::new(scenario);
    options.duration = Some(Duration::from_secs(14));
    let report = run_soak(options).await.expect("soak runs");
    println!("{report}");
    assert!(report.passed, "{report}");
    assert!(
        report.viewer_runs >= 4 && report.broadcaster_runs >= 4,
        "churn happened: {report}"
    );
    assert!(report.socket_cuts >= 3, "sockets were cut: {report}");
    let c = report.counts_after.expect("server read after the run");
    assert!(c.media_objects_released(), "{c:?}");
    assert_eq!(report.mediasoup_objects_after, Some((0, 0)));
    let unexpected: Vec<_> = report
        .signaling_errors_by_code
        .keys()
        .filter(|c| !sfu::loadtest::CHURN_ERRORS.contains(&c.as_str()))
        .collect();
    assert!(unexpected.is_empty(), "{report}");
}
