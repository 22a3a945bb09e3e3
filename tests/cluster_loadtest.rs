//! `sfu loadtest` on a `[cluster]` scenario, short (docs/cluster.md, "Load scenario"): the run
//! starts a real `redis-server` and 3 nodes in-process, puts the broadcaster on node 0 and real
//! WebRTC synthetic viewers (live, then feed) on all 3 nodes; every node's row of the report is
//! filled (viewers, worker CPU, egress, pipes), every viewer receives with 0 loss, and the
//! cluster's targets are measured (their verdicts are the full run's business: a few viewers
//! for a few seconds say little about costs). A third phase has more producers and only its
//! openers for viewers: it alone judges the pipe's cost, and has no edge-vs-home target. The
//! full scenario is `scenarios/cluster.toml`, outside the default suite.
//!
//! The run is skipped (with a message) only when `redis-server` is not installed (scripts/setup
//! installs it); the checks of the command's errors run anyway.

use std::path::Path;
use std::process::Command;

use sfu::loadtest::{run_loadtest, LoadtestOptions};
use sfu::scenario::Scenario;

mod common;

const SCENARIO: &str = r#"
name = "cluster-short"
duration_secs = 8
ramp_per_sec = 30
[server]
workers = 1
buffer_cap_bytes = 16_000_000
resume_grace_secs = 1
[talk]
talk_ms = 1200
silence_ms = 800
seed = 3
[cluster]
nodes = 3
max_edge_cost_diff_percent = 10
max_added_latency_p99_ms = 5
max_pipe_cost_consumers = 1.0
window_secs = 2
pipe_cost_phase = "pipes"
[[phase]]
name = "live"
rooms = 1
broadcasters = 2
viewers = 9
mode = "live"
[[phase]]
name = "feed"
rooms = 1
broadcasters = 1
viewers = 9
mode = "feed"
[[phase]]
name = "pipes"
rooms = 1
broadcasters = 6
viewers = 3
mode = "live"
[slo]
max_loss_percent = 0
max_latency_p99_ms = 200
max_worker_cpu_percent = 90
max_buffer_bytes = 16_000_000
min_connected_ratio = 1
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_short_cluster_scenario_fills_every_nodes_row() {
    if !common::have_redis() {
        return;
    }
    let scenario = Scenario::parse(SCENARIO, Path::new("cluster-short.toml")).expect("valid scenario");
    let report = run_loadtest(LoadtestOptions::new(scenario)).await.expect("the run");
    println!("{report}");
    let names: Vec<&str> = report.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["live", "feed", "pipes"]);
    for phase in &report.phases {
        let c = phase.cluster.as_ref().expect("a cluster phase report");
        let producers = match phase.name.as_str() {
            "live" => 2,
            "feed" => 1,
            _ => 6,
        };
        // The pipes phase's viewers are its openers, one per node.
        let windows_only = phase.name == "pipes";
        assert_eq!((c.home, c.producers, c.nodes.len()), (0, producers, 3), "{report}");
        assert!(c.home_ingest_cpu_percent.is_some(), "{report}");
        for n in &c.nodes {
            let what = format!("phase {} node {}: {report}", phase.name, n.node);
            assert!(
                n.viewers.started >= 1 && n.viewers.connected == n.viewers.started,
                "{what}"
            );
            assert!(n.egress_packets > 0 && n.worker_cpu_percent.is_some(), "{what}");
            assert!(n.cpu_per_viewer_percent.is_some(), "{what}");
            assert_eq!((n.packets_lost, n.feed_breaks), (0, 0), "{what}");
            // One pipe per producer per edge: the home sends 2 x producers, each edge takes in
            // the producers.
            let pipes = if n.home {
                (2 * producers as i64, 0)
            } else {
                (0, producers as i64)
            };
            assert_eq!((n.pipes_out, n.pipes_in), pipes, "{what}");
            let over_pipes = if n.home { n.pipe_packets_out } else { n.pipe_packets_in };
            assert!(over_pipes > 0, "{what}");
        }
        // Every target judged, either way. With a few viewers for a few seconds a marginal
        // cost (a difference of two CPU readings) can come out at or below 0, and then a ratio
        // is not measured: the costs' inputs are checked here, their verdicts are the full run's.
        let targets: Vec<&str> = c.targets.iter().map(|t| t.name.as_str()).collect();
        let expected: &[&str] = match phase.name.as_str() {
            "live" => &[
                "live_node1_cost_vs_home_percent",
                "live_node2_cost_vs_home_percent",
                "live_added_latency_p99_ms",
            ],
            "feed" => &["feed_node1_cost_vs_home_percent", "feed_node2_cost_vs_home_percent"],
            _ => &["pipes_added_latency_p99_ms", "pipes_pipe_cost_consumers"],
        };
        assert_eq!(targets, expected, "{report}");
        for n in &c.nodes {
            // Every viewer is in for most of the 8 s: the edges are judged on the steady stretch.
            // The pipes phase has no viewers besides its openers, so no marginal viewer.
            assert_eq!(
                n.marginal_cpu_per_viewer_percent.is_some(),
                !windows_only,
                "node {}: {report}",
                n.node
            );
            assert_eq!(
                n.steady_marginal_cpu_per_viewer_percent.is_some(),
                !windows_only,
                "node {}: {report}",
                n.node
            );
            assert!(n.ingest_cpu_percent.is_some() && n.pipes_window_cpu_percent.is_some());
            assert!(n.consumers_window_cpu_percent.is_some());
        }
        assert!(
            c.home_pipes_cpu_percent.is_some() && c.pipe_cpu_percent.is_some(),
            "{report}"
        );
        assert_eq!(c.pipes, 2 * producers as i64, "the home's pipes in the pipes window");
        assert!(
            c.targets.iter().all(|t| report.slos.iter().any(|s| s.name == t.name)),
            "the targets are among the SLOs"
        );
        if windows_only {
            // It lasts its duration with its openers alone: their packets are counted.
            assert!(c.consumer_alone_cpu_percent.is_some(), "{report}");
            assert!(c.pipe_packets_per_sec.is_some_and(|p| p > 0.0), "{report}");
            assert!(phase.duration_s >= 7.0, "{report}");
            continue;
        }
        let edge_cost = c.targets[0].detail.as_deref().unwrap_or_default();
        assert!(edge_cost.contains("per viewer, steady"), "{edge_cost}");
    }
    let live = report.phases[0].cluster.as_ref().unwrap();
    assert!(live.added_latency_p99_ms.is_some() && live.consumer_cpu_percent.is_some());
    // The consumers window: one opener on the home, a consumer of each producer beside the
    // pipes.
    assert!(live.consumer_alone_cpu_percent.is_some(), "{report}");
    let latency = live.targets.iter().find(|t| t.name == "live_added_latency_p99_ms");
    assert!(latency.is_some_and(|t| t.value.is_some()), "{report}");
    assert!(live.pipe_packets_per_sec.is_some_and(|p| p > 0.0), "{report}");
    assert_eq!(report.phases[0].packets_lost, 0);
    assert!(report.server.released_at_end, "{report}");
    // The HTML report has a node table per phase, one row per node, the home marked.
    let html = sfu::loadtest::html::load_report(&report);
    for phase in &report.phases {
        assert!(html.contains(&format!("Cluster nodes, phase {}", phase.name)), "{html}");
    }
    let tables: Vec<&str> = html.split("<table class=\"nodes\">").skip(1).collect();
    assert_eq!(tables.len(), report.phases.len(), "{html}");
    for table in tables {
        let table = &table[..table.find("</table>").expect("a closed table")];
        assert_eq!(table.matches("<tr><td>").count(), 3, "{table}");
        assert_eq!(table.matches("<tr><td>0 (home)</td>").count(), 1, "{table}");
    }
    let json = serde_json::to_value(&report).unwrap();
    assert!(
        json["phases"][0]["cluster"]["nodes"][2]["pipes_in"].is_number(),
        "{json}"
    );
}

fn sfu(args: &[&str], path: Option<&str>) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sfu"));
    c.args(args);
    if let Some(path) = path {
        c.env("PATH", path);
    }
    c.output().expect("sfu runs")
}

#[test]
fn the_command_names_what_a_cluster_run_lacks() {
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/cluster.toml");
    let scenario = scenario.to_str().unwrap();
    // No redis-server on the PATH: exit 2, the binary named.
    let out = sfu(&["loadtest", scenario, "--duration", "2s"], Some("/nonexistent"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("redis-server") && stderr.contains("PATH"), "{stderr}");
    // Running nodes: one --url per node.
    let two_nodes = [
        "--url",
        "ws://127.0.0.1:9/ws",
        "--url",
        "ws://127.0.0.1:10/ws",
        "--admin-token",
        "t",
    ];
    let out = sfu(&[&["loadtest", scenario][..], &two_nodes].concat(), None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("3 nodes") && stderr.contains("2 given"), "{stderr}");
    // Several --url for a scenario of one server.
    let smoke = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/smoke.toml");
    let out = sfu(&[&["loadtest", smoke.to_str().unwrap()][..], &two_nodes].concat(), None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("[cluster]"), "{stderr}");
}
