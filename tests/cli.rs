//! The `sfu` binary itself: configuration errors exit non-zero with a message that says what to
//! fix; `sfu serve` runs on flags or `SFU_*` variables, answers /healthz, and exits 0 on SIGTERM
//! after telling its peers.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::tungstenite::Message;

fn sfu() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sfu"));
    c.env_remove("RUST_LOG");
    for (k, _) in std::env::vars() {
        if k.starts_with("SFU_") {
            c.env_remove(k);
        }
    }
    c
}

/// Runs to completion and returns (exit code, stderr).
fn run(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let out = sfu().args(args).envs(env.iter().copied()).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_port_range_is_explained() {
    let (code, err) = run(&["serve", "--rtc-ports", "10100-10000"], &[]);
    assert_ne!(code, 0);
    assert!(err.contains("rtc.port_min") && err.contains("must not exceed"), "{err}");
    let (code, err) = run(&["serve", "--rtc-ports", "10000"], &[]);
    assert_ne!(code, 0);
    assert!(err.contains("MIN-MAX"), "{err}");
}

#[test]
fn unreachable_listen_address_is_explained() {
    let (code, err) = run(&["serve", "--listen", "203.0.113.1:8080"], &[]);
    assert_ne!(code, 0);
    assert!(err.contains("cannot listen on 203.0.113.1:8080"), "{err}");
}

#[test]
fn production_without_announced_address_is_refused() {
    let (code, err) = run(&["serve", "--mode", "production", "--listen", "127.0.0.1:0"], &[]);
    assert_ne!(code, 0);
    assert!(
        err.contains("rtc.announced_address") && err.contains("production"),
        "{err}"
    );
    let (code, err) = run(
        &["serve", "--listen", "127.0.0.1:0"],
        &[("SFU_MODE", "production"), ("SFU_ANNOUNCED_ADDRESS", "")],
    );
    assert_ne!(code, 0);
    assert!(err.contains("SFU_ANNOUNCED_ADDRESS"), "{err}");
}

#[test]
fn production_without_tls_is_refused_unless_behind_a_proxy() {
    let args = [
        "serve",
        "--mode",
        "production",
        "--announced-address",
        "198.51.100.4",
        "--listen",
        "127.0.0.1:0",
    ];
    let (code, err) = run(&args, &[]);
    assert_ne!(code, 0);
    assert!(err.contains("production mode needs TLS"), "{err}");
    let (code, err) = run(&[&args[..], &["--dev-tls"]].concat(), &[]);
    assert_ne!(code, 0);
    assert!(
        err.contains("self-signed certificate is for local development"),
        "{err}"
    );
    let (code, err) = run(&["serve", "--tls-cert", "/nonexistent/cert.pem"], &[]);
    assert_ne!(code, 0);
    assert!(err.contains("go together"), "{err}");
}

#[test]
fn production_needs_firebase_auth_and_refuses_the_emulator() {
    let args = [
        "serve",
        "--mode",
        "production",
        "--announced-address",
        "198.51.100.4",
        "--listen",
        "127.0.0.1:0",
    ];
    let dir = std::env::temp_dir().join(format!("sfu-cli-auth-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("proxied.toml");
    std::fs::write(&file, "[tls]\nbehind_proxy = true\n").unwrap();
    let file = file.to_str().unwrap();
    let (code, err) = run(&[&args[..], &["--config", file]].concat(), &[]);
    assert_ne!(code, 0);
    assert!(err.contains("auth.mode") && err.contains("firebase"), "{err}");
    let with_auth = [&args[..], &["--config", file, "--auth-mode", "firebase"]].concat();
    let (code, err) = run(&with_auth, &[]);
    assert_ne!(code, 0);
    assert!(err.contains("auth.project_id"), "{err}");
    let (code, err) = run(
        &with_auth,
        &[
            ("FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099"),
            ("SFU_FIREBASE_PROJECT_ID", "my-project"),
        ],
    );
    assert_ne!(code, 0);
    assert!(err.contains("auth.emulator_host") && err.contains("unsigned"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();

    let out = sfu()
        .args(["serve", "--print-config", "--auth-mode", "firebase"])
        .env("SFU_FIREBASE_PROJECT_ID", "demo-sfu")
        .env("FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099")
        .output()
        .unwrap();
    assert!(out.status.success());
    let config = sfu::Config::from_toml(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(config.auth.mode, sfu::config::AuthMode::Firebase);
    assert_eq!(config.auth.project_id.as_deref(), Some("demo-sfu"));
    assert_eq!(config.auth.emulator_host.as_deref(), Some("127.0.0.1:9099"));
}

#[test]
fn config_file_errors_name_file_and_key() {
    let dir = std::env::temp_dir().join(format!("sfu-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.toml");
    std::fs::write(&file, "[rtc]\nport_mni = 3\n").unwrap();
    let (code, err) = run(&["serve", "--config", file.to_str().unwrap()], &[]);
    assert_ne!(code, 0);
    assert!(err.contains("bad.toml") && err.contains("port_mni"), "{err}");
    let (code, err) = run(&["serve", "--config", "/nonexistent/sfu.toml"], &[]);
    assert_ne!(code, 0);
    assert!(err.contains("/nonexistent/sfu.toml"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn print_config_shows_env_and_flag_overrides() {
    let out = sfu()
        .args(["serve", "--print-config", "--workers", "3"])
        .env("SFU_LISTEN", "127.0.0.1:9999")
        .env("SFU_RTC_PORTS", "30000-30100")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let config = sfu::Config::from_toml(&text).unwrap();
    assert_eq!(config.listen.port(), 9999);
    assert_eq!(config.workers, 3);
    assert_eq!(config.rtc_port_range(), 30000..=30100);
}

#[test]
fn load_tools_name_a_missing_scenario() {
    for tool in ["loadtest", "soak"] {
        let (code, err) = run(&[tool, "no/such.toml"], &[]);
        assert_eq!(code, 2, "{tool}: {err}");
        assert!(err.contains("cannot read scenario no/such.toml"), "{tool}: {err}");
    }
}

struct Serving {
    child: Child,
    url: String,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `sfu serve` on an ephemeral port and waits for its "serving" line.
fn serve() -> Serving {
    serve_with(&[], "http")
}

/// `sfu serve` with `extra` arguments; `scheme` is what its "serving on" line starts with.
fn serve_with(extra: &[&str], scheme: &str) -> Serving {
    let mut child = sfu()
        .args(["serve", "--workers", "1", "--rtc-ports", "20000-59999"])
        .args(extra)
        .env("SFU_LISTEN", "127.0.0.1:0")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let prefix = format!("sfu serving on {scheme}://");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if let Some(rest) = line.strip_prefix(prefix.as_str()) {
                let _ = tx.send(rest.split('/').next().unwrap().to_string());
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("sfu serve prints its address");
    Serving { child, url: addr }
}

async fn http_get(addr: &str, path: &str) -> String {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(format!("GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).await.unwrap();
    out
}

#[tokio::test]
async fn serve_answers_health_drains_on_sigterm_and_exits_zero_on_the_second() {
    let mut serving = serve();
    let health = http_get(&serving.url, "/healthz").await;
    assert!(health.starts_with("HTTP/1.0 200"), "{health}");
    assert!(health.contains(r#""status":"ok""#), "{health}");
    let page = http_get(&serving.url, "/").await;
    assert!(page.contains("<html"), "{page}");

    let (mut ws, _) = tokio_tungstenite::connect_async(format!("ws://{}/ws", serving.url))
        .await
        .unwrap();
    use futures_util::SinkExt;
    ws.send(Message::Text(
        json!({"id": 1, "method": "join", "data": {"room": "cli", "role": "viewer"}})
            .to_string()
            .into(),
    ))
    .await
    .unwrap();
    let joined = loop {
        match ws.next().await.unwrap().unwrap() {
            Message::Text(t) => break t,
            _ => continue, // the server's heartbeat pings
        }
    };
    assert!(joined.contains(r#""ok":true"#), "{joined}");

    // The first SIGTERM drains: the peer is told to move and the server waits for it.
    let started = Instant::now();
    // SAFETY: kill has no memory-safety preconditions.
    unsafe { libc::kill(serving.child.id() as i32, libc::SIGTERM) };
    let mut saw_draining = false;
    while let Ok(Some(Ok(m))) = tokio::time::timeout(Duration::from_secs(10), ws.next()).await {
        if matches!(&m, Message::Text(t) if t.contains("serverDraining")) {
            saw_draining = true;
            break;
        }
    }
    assert!(saw_draining, "peer told about the drain");
    assert!(
        serving.child.try_wait().unwrap().is_none(),
        "still serving the peer while draining"
    );
    // A second one stops now.
    // SAFETY: as above.
    unsafe { libc::kill(serving.child.id() as i32, libc::SIGTERM) };
    let mut saw_shutdown = false;
    let mut close_code = None;
    while let Ok(Some(m)) = tokio::time::timeout(Duration::from_secs(10), ws.next()).await {
        match m {
            Ok(Message::Text(t)) if t.contains("serverShutdown") => saw_shutdown = true,
            Ok(Message::Close(f)) => {
                close_code = f.map(|f| u16::from(f.code));
                break;
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    assert!(saw_shutdown, "peer told about the shutdown");
    assert_eq!(close_code, Some(1001));
    let status = loop {
        if let Some(s) = serving.child.try_wait().unwrap() {
            break s;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "sfu serve exits after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status}");
}

#[test]
fn synthetic_peers_with_a_wrong_url_or_no_server_exit_non_zero() {
    let (code, err) = run(
        &["synthetic-viewer", "--url", "http://127.0.0.1:1/ws", "--room", "r"],
        &[],
    );
    assert_ne!(code, 0);
    assert!(err.contains("not a WebSocket URL"), "{err}");
    let (code, err) = run(
        &[
            "synthetic-broadcast",
            "--url",
            "ws://127.0.0.1:1/ws",
            "--room",
            "r",
            "--count",
            "2",
        ],
        &[],
    );
    assert_ne!(code, 0);
    assert!(err.contains("2 of 2 peers failed") && err.contains("refused"), "{err}");
    let (code, err) = run(&["synthetic-viewer", "--room", "r", "--duration", "soon"], &[]);
    assert_ne!(code, 0);
    assert!(err.contains("not a duration"), "{err}");
}

#[test]
fn synthetic_broadcast_and_viewer_report_json() {
    let serving = serve();
    let url = format!("ws://{}/ws", serving.url);
    let broadcaster = sfu()
        .args([
            "synthetic-broadcast",
            "--url",
            &url,
            "--room",
            "cli-synth",
            "--count",
            "1",
        ])
        .args(["--duration", "5s", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let viewer = sfu()
        .args(["synthetic-viewer", "--url", &url, "--room", "cli-synth", "--count", "2"])
        .args(["--duration", "3s", "--json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&viewer.stderr);
    assert!(viewer.status.success(), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&viewer.stdout).expect("one JSON document");
    assert_eq!(v["role"], "viewer");
    assert_eq!(
        (v["connected"].as_u64(), v["failed"].as_u64()),
        (Some(2), Some(0)),
        "{v}"
    );
    assert!(v["packets_received"].as_u64().unwrap() > 50, "{v}");
    assert_eq!(v["loss_percent"].as_f64(), Some(0.0), "{v}");
    let p99 = v["latency_ms"]["p99"].as_f64().unwrap();
    assert!(p99 > 0.0 && p99 < 50.0, "{v}");
    assert!(v["resources"]["cpu_ms"].as_f64().unwrap() > 0.0, "{v}");

    let b = broadcaster.wait_with_output().unwrap();
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let b: serde_json::Value = serde_json::from_slice(&b.stdout).unwrap();
    assert_eq!(
        (b["role"].as_str(), b["connected"].as_u64()),
        (Some("broadcaster"), Some(1))
    );
    assert!(b["packets_sent"].as_u64().unwrap() > 200, "{b}");
}

#[test]
fn turn_servers_from_flags_or_environment() {
    let (code, err) = run(&["serve", "--turn-url", "turn:t:3478", "--print-config"], &[]);
    assert_eq!(code, 1);
    assert!(err.contains("--turn-secret"), "{err}");
    let (code, err) = run(
        &["serve", "--print-config"],
        &[("SFU_TURN_SECRET", "0123456789abcdef0123")],
    );
    assert_eq!(code, 1);
    assert!(err.contains("SFU_TURN_URLS"), "{err}");
    let out = sfu()
        .args(["serve", "--print-config"])
        .envs([
            ("SFU_TURN_URLS", "turn:t:3478?transport=udp,turn:t:3478?transport=tcp"),
            ("SFU_TURN_SECRET", "0123456789abcdef0123"),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let config = sfu::Config::from_toml(&String::from_utf8_lossy(&out.stdout)).unwrap();
    assert_eq!(config.turn.len(), 1);
    assert_eq!(
        config.turn[0].urls,
        ["turn:t:3478?transport=udp", "turn:t:3478?transport=tcp"]
    );
    // The secret itself is never printed (print_config_redacts_every_secret).
    assert_eq!(config.turn[0].secret, "<redacted>");
}

/// A unique scratch directory for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sfu-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn print_config_redacts_every_secret() {
    let dir = scratch("redact");
    let file = dir.join("secrets.toml");
    std::fs::write(
        &file,
        "[[ice_servers]]\nurls = [\"turn:static.example:3478\"]\nusername = \"u\"\ncredential = \"ice-credential-0123456789\"\n",
    )
    .unwrap();
    let out = sfu()
        .args(["serve", "--print-config", "--config", file.to_str().unwrap()])
        .envs([
            ("SFU_ADMIN_TOKEN", "admin-token-0123456789"),
            ("SFU_TURN_URLS", "turn:t:3478"),
            ("SFU_TURN_SECRET", "turn-secret-0123456789"),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    for secret in ["admin-token", "turn-secret", "ice-credential"] {
        assert!(!text.contains(secret), "{secret} printed:\n{text}");
    }
    let config = sfu::Config::from_toml(&text).unwrap();
    assert_eq!(config.admin.token.as_deref(), Some("<redacted>"));
    assert_eq!(config.turn[0].secret, "<redacted>");
    assert_eq!(config.ice_servers[0].credential.as_deref(), Some("<redacted>"));
    // Fed back as it is, the printed file is refused with a message that says what to do.
    let printed = dir.join("printed.toml");
    std::fs::write(&printed, &text).unwrap();
    let (code, err) = run(&["serve", "--check-config", "--config", printed.to_str().unwrap()], &[]);
    assert_ne!(code, 0);
    assert!(err.contains("admin.token") && err.contains("real value"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Flags and a config file that satisfy every production rule without touching the network.
fn production_args(file: &str) -> Vec<&str> {
    let mut args = vec!["serve", "--mode", "production", "--announced-address", "198.51.100.4"];
    args.extend(["--listen", "127.0.0.1:0", "--config", file]);
    args.extend(["--auth-mode", "firebase", "--firebase-project-id", "my-project"]);
    args
}

#[test]
fn check_config_applies_start_up_rules_and_production_refuses_fault_injection() {
    let dir = scratch("prod");
    let ok = dir.join("ok.toml");
    std::fs::write(&ok, "[tls]\nbehind_proxy = true\n").unwrap();
    let drill = dir.join("drill.toml");
    std::fs::write(
        &drill,
        "[tls]\nbehind_proxy = true\n[admin]\nfault_injection = true\ntoken = \"0123456789abcdef0123\"\n",
    )
    .unwrap();
    let (code, err) = run(
        &[&production_args(ok.to_str().unwrap())[..], &["--check-config"]].concat(),
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("configuration ok"), "{err}");
    // --check-config with --print-config prints only a valid configuration.
    let out = sfu()
        .args(
            [
                &production_args(drill.to_str().unwrap())[..],
                &["--check-config", "--print-config"],
            ]
            .concat(),
        )
        .output()
        .unwrap();
    assert!(!out.status.success() && out.stdout.is_empty());
    // The server itself refuses to start with the chaos drill in production.
    let (code, err) = run(&production_args(drill.to_str().unwrap()), &[]);
    assert_ne!(code, 0);
    assert!(
        err.contains("admin.fault_injection") && err.contains("production refuses it"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The certificate `addr` presents on a new TLS connection (any certificate is accepted), or
/// `None` when the connection failed (printed: one failed once in ~10 runs around a reload).
async fn presented_certificate(addr: &str, trusted: &[&str]) -> Option<Vec<u8>> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::CertificateDer;
    let mut roots = rustls::RootCertStore::empty();
    for pem in trusted {
        roots
            .add(CertificateDer::from_pem_slice(pem.as_bytes()).unwrap())
            .unwrap();
    }
    let config = rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let connector = tokio_tungstenite::Connector::Rustls(std::sync::Arc::new(config));
    let ws = tokio_tungstenite::connect_async_tls_with_config(format!("wss://{addr}/ws"), None, false, Some(connector))
        .await;
    match ws {
        Ok((ws, _)) => match ws.get_ref() {
            tokio_tungstenite::MaybeTlsStream::Rustls(tls) => {
                Some(tls.get_ref().1.peer_certificates().unwrap()[0].to_vec())
            }
            _ => panic!("not TLS"),
        },
        Err(e) => {
            println!("TLS connection to {addr} failed: {e}");
            None
        }
    }
}

#[tokio::test]
async fn sighup_reloads_the_certificate_files() {
    use rustls::pki_types::pem::PemObject;
    let dir = scratch("sighup");
    let (a, b) = (
        sfu::tls::self_signed(vec!["127.0.0.1".into()]).unwrap(),
        sfu::tls::self_signed(vec!["127.0.0.1".into()]).unwrap(),
    );
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(&cert, &a.cert_pem).unwrap();
    std::fs::write(&key, &a.key_pem).unwrap();
    let tls = ["--tls-cert", cert.to_str().unwrap(), "--tls-key", key.to_str().unwrap()];
    let serving = serve_with(&tls, "https");
    let der = |pem: &str| {
        rustls::pki_types::CertificateDer::from_pem_slice(pem.as_bytes())
            .unwrap()
            .to_vec()
    };
    let trusted = [a.cert_pem.as_str(), b.cert_pem.as_str()];
    assert_eq!(
        presented_certificate(&serving.url, &trusted).await,
        Some(der(&a.cert_pem))
    );

    std::fs::write(&cert, &b.cert_pem).unwrap();
    std::fs::write(&key, &b.key_pem).unwrap();
    // SAFETY: kill has no memory-safety preconditions.
    unsafe { libc::kill(serving.child.id() as i32, libc::SIGHUP) };
    let deadline = Instant::now() + Duration::from_secs(10);
    while presented_certificate(&serving.url, &trusted).await != Some(der(&b.cert_pem)) {
        assert!(Instant::now() < deadline, "SIGHUP did not reload the certificate");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut serving = serving;
    assert!(
        serving.child.try_wait().unwrap().is_none(),
        "SIGHUP does not stop the server"
    );
    drop(serving);
    std::fs::remove_dir_all(&dir).unwrap();
}
