//! The Grafana dashboard (deploy/grafana/sfu.json) and the Prometheus alert rules
//! (deploy/prometheus/alerts.yml) query only series that a live server exports: a real server
//! is started, given a room and a signaling error, and its /metrics is scraped; every `sfu_*`
//! name in the dashboard's and the rules' expressions must be a sample there. (`promtool check
//! rules` checks the rules' syntax in scripts/test.)

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use common::*;
use serde_json::Value;
use sfu::http_client::HttpClient;

fn deploy_file(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy").join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `sfu_*` metric names in a PromQL expression.
fn names_in(expr: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = expr;
    while let Some(i) = rest.find("sfu_") {
        let before = rest[..i].chars().last();
        let tail = &rest[i..];
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(tail.len());
        if !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            names.insert(tail[..end].to_string());
        }
        rest = &tail[end..];
    }
    names
}

/// Every `expr` of the dashboard's panels.
fn dashboard_exprs(dashboard: &Value) -> Vec<String> {
    let panels = dashboard["panels"].as_array().expect("panels");
    panels
        .iter()
        .flat_map(|p| p["targets"].as_array().into_iter().flatten())
        .map(|t| t["expr"].as_str().expect("a target's expr").to_string())
        .collect()
}

/// Every `expr:` of the rules file: the line's value, or the indented block under `expr: >`.
fn alert_exprs(yaml: &str) -> Vec<String> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut exprs = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(value) = line.trim_start().strip_prefix("expr:") else {
            continue;
        };
        let indent = line.len() - line.trim_start().len();
        let mut expr = value.trim().trim_start_matches(['>', '|']).to_string();
        for next in &lines[i + 1..] {
            if next.len() - next.trim_start().len() <= indent || next.trim().is_empty() {
                break;
            }
            expr.push(' ');
            expr.push_str(next.trim());
        }
        exprs.push(expr);
    }
    exprs
}

/// The metric names with at least one sample line in a Prometheus exposition.
fn exported(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split(['{', ' ']).next())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn expressions_are_found_and_parsed() {
    assert_eq!(
        names_in("rate(sfu_a_total[5m]) / sfu_b > 0 and not_sfu_c"),
        ["sfu_a_total", "sfu_b"].map(String::from).into()
    );
    let yaml = "  - alert: A\n    expr: sfu_x > 1\n    for: 1m\n  - alert: B\n    expr: >\n      sfu_y\n        and sfu_z\n    labels: {}\n";
    assert_eq!(alert_exprs(yaml), ["sfu_x > 1", " sfu_y and sfu_z"]);
    assert_eq!(
        exported("# HELP sfu_h x\nsfu_a 1\nsfu_b{x=\"1\"} 2\n"),
        ["sfu_a", "sfu_b"].map(String::from).into()
    );
}

#[tokio::test]
async fn every_series_the_dashboard_and_alerts_query_is_exported() {
    let dashboard: Value = serde_json::from_str(&deploy_file("grafana/sfu.json")).expect("the dashboard is JSON");
    let dashboard_names: BTreeSet<String> = dashboard_exprs(&dashboard).iter().flat_map(|e| names_in(e)).collect();
    let alerts = deploy_file("prometheus/alerts.yml");
    let alert_names: BTreeSet<String> = alert_exprs(&alerts).iter().flat_map(|e| names_in(e)).collect();
    // The extraction found what the files hold (an empty set would pass anything).
    assert!(dashboard_names.len() >= 12, "{dashboard_names:?}");
    assert!(alert_names.len() >= 7, "{alert_names:?}");
    assert_eq!(alert_exprs(&alerts).len(), alerts.matches("- alert:").count());

    let server = start(test_config(2)).await;
    // A room (per-worker CPU is known once a worker's thread is) and a signaling error (the
    // errors-by-code counter has a sample only once one was sent).
    let mut c = Client::connect(&server).await;
    c.join("dashboards", "broadcaster").await;
    c.send_text("not json").await;
    assert_eq!(c.recv_response().await["error"]["code"], "bad_json");

    let client = HttpClient::new(server.tls_certificate_pem()).unwrap();
    let url = format!("{}/metrics", server.http_url());
    let wanted: BTreeSet<&String> = dashboard_names.iter().chain(&alert_names).collect();
    let mut missing = Vec::new();
    for _ in 0..50 {
        let text = String::from_utf8(client.get(&url, None).await.unwrap().to_vec()).unwrap();
        let have = exported(&text);
        missing = wanted.iter().filter(|n| !have.contains(n.as_str())).cloned().collect();
        if missing.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(missing.is_empty(), "queried but not exported by /metrics: {missing:?}");
    c.close().await;
    server.shutdown().await.unwrap();
}

/// The value of the unlabelled series `name` in a scrape of `server`.
async fn scrape_value(server: &sfu::ServerHandle, name: &str) -> Option<f64> {
    let client = HttpClient::new(server.tls_certificate_pem()).unwrap();
    let text = client
        .get(&format!("{}/metrics", server.http_url()), None)
        .await
        .unwrap();
    String::from_utf8(text.to_vec())
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.trim().parse().ok())
}

/// `sfu_auth_keys_available` (the series SfuAuthKeysUnavailable watches): 0 while Firebase
/// keys cannot be fetched, 1 with auth off.
#[tokio::test]
async fn auth_keys_available_tells_whether_tokens_can_be_checked() {
    let mut c = test_config(1);
    c.auth.mode = sfu::config::AuthMode::Firebase;
    c.auth.project_id = Some("demo-sfu".into());
    // Nothing listens on the discard port: every fetch of the keys fails.
    c.auth.keys_url = "http://127.0.0.1:9/keys".into();
    let server = start(c).await;
    assert_eq!(scrape_value(&server, "sfu_auth_keys_available").await, Some(0.0));
    server.shutdown().await.unwrap();

    let server = start(test_config(1)).await;
    assert_eq!(scrape_value(&server, "sfu_auth_keys_available").await, Some(1.0));
    server.shutdown().await.unwrap();
}
