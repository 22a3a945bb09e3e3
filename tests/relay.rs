//! TURN through a real coturn (Debian's, started by scripts/coturn.sh with a REST-API secret): a
//! headless Chromium listener forced to `iceTransportPolicy: "relay"` receives audio through
//! coturn with the credentials the server hands out in join; with credentials made from another
//! secret coturn answers 401 and no media flows.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::*;

const RELAY_PORTS: &str = "60100-60199";

/// A coturn on loopback, stopped on drop.
struct Coturn {
    port: u16,
    dir: std::path::PathBuf,
}

impl Coturn {
    fn start(secret: &str) -> Coturn {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        // A free UDP port for TURN (relay ports are outside the range the SFU's tests use).
        let port = std::net::UdpSocket::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = std::env::temp_dir().join(format!("sfu-coturn-{}-{port}", std::process::id()));
        let out = Command::new(root.join("scripts/coturn.sh"))
            .args([
                "--secret",
                secret,
                "--port",
                &port.to_string(),
                "--relay-ports",
                RELAY_PORTS,
            ])
            .arg("--dir")
            .arg(&dir)
            .output()
            .expect("scripts/coturn.sh runs");
        assert!(
            out.status.success(),
            "coturn did not start (scripts/setup installs it): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Coturn { port, dir }
    }
}

impl Drop for Coturn {
    fn drop(&mut self) {
        if let Ok(pid) = std::fs::read_to_string(self.dir.join("turnserver.pid")) {
            if let Ok(pid) = pid.trim().parse::<i32>() {
                // SAFETY: kill has no memory-safety preconditions.
                unsafe { libc::kill(pid, libc::SIGTERM) };
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn run_relay_check(server_secret: &str, coturn: &Coturn, expect: &str) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        root.join("web/node_modules/playwright-core").exists(),
        "web/node_modules is missing: run scripts/setup"
    );
    let mut config = test_config(1);
    config.turn = vec![sfu::config::TurnServerConfig {
        urls: vec![format!("turn:127.0.0.1:{}?transport=udp", coturn.port)],
        secret: server_secret.to_string(),
        ttl_secs: 600,
    }];
    let server = start(config).await;
    let output = tokio::time::timeout(
        Duration::from_secs(120),
        tokio::process::Command::new("node")
            .arg(root.join("web/test/relay.mjs"))
            .arg(server.http_url())
            .arg(expect)
            .current_dir(root)
            .output(),
    )
    .await
    .expect("relay check finishes within 120 s")
    .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let result: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap_or("{}")).unwrap_or_else(|_| {
        panic!(
            "relay.mjs output: {stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let log = std::fs::read_to_string(coturn.dir.join("turnserver.log")).unwrap_or_default();
    assert!(output.status.success(), "{result:#}\ncoturn log:\n{log}");
    server.shutdown().await.unwrap();
    result
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chromium_receives_audio_through_coturn_with_rest_credentials_and_not_with_wrong_ones() {
    let coturn = Coturn::start("relay-test-secret");
    let ok = run_relay_check("relay-test-secret", &coturn, "ok").await;
    let steps = ok["steps"].as_array().unwrap();
    let audio = steps.iter().find(|s| s["name"] == "inbound audio").unwrap();
    assert_eq!(audio["candidate"], "relay", "{ok:#}");
    // The username is `expiry:uid` (coturn's REST-API scheme).
    let username = steps.iter().find(|s| s["name"] == "credentials").unwrap()["username"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(username
        .split_once(':')
        .is_some_and(|(exp, uid)| exp.parse::<u64>().is_ok() && !uid.is_empty()));

    let refused = run_relay_check("another-secret", &coturn, "refused").await;
    assert_eq!(refused["ok"], true, "{refused:#}");
}
