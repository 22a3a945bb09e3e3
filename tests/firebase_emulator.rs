//! Against the real Firebase Auth emulator (npm firebase-tools, installed in tests/firebase by
//! scripts/setup; Node only, no Java): users signed up through its REST API, a custom claim set
//! through its admin API, and their ID tokens used to join and produce on a server that trusts
//! the emulator. Then the demo page in Chromium signs in against the emulator (Firebase's JS SDK,
//! bundled) and passes its ID token through the client library.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use bytes::Bytes;
use common::*;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client as HttpClient;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};
use sfu::config::AuthMode;

const PROJECT: &str = "demo-sfu";

/// The emulator process (and the Node processes under it), killed as a group when dropped.
struct Emulator {
    child: Child,
    host: String,
    dir: PathBuf,
}

impl Drop for Emulator {
    fn drop(&mut self) {
        // The child leads its own process group: end it and whatever it spawned.
        let pgid = self.child.id() as i32;
        unsafe {
            libc::kill(-pgid, libc::SIGTERM);
        }
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while std::time::Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn firebase_cli() -> PathBuf {
    let cli = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/firebase/node_modules/.bin/firebase");
    assert!(
        cli.exists(),
        "{} is missing: run scripts/setup (it installs firebase-tools with npm ci in tests/firebase)",
        cli.display()
    );
    cli
}

async fn start_emulator() -> Emulator {
    use std::os::unix::process::CommandExt;
    let cli = firebase_cli();
    let dir = std::env::temp_dir().join(format!("sfu-firebase-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let port = free_port();
    let config = json!({
        "emulators": {
            "auth": {"host": "127.0.0.1", "port": port},
            "hub": {"host": "127.0.0.1", "port": free_port()},
            "logging": {"host": "127.0.0.1", "port": free_port()},
            "ui": {"enabled": false},
            "singleProjectMode": true
        }
    });
    std::fs::write(dir.join("firebase.json"), config.to_string()).unwrap();
    let log = std::fs::File::create(dir.join("emulator.log")).unwrap();
    let child = Command::new(&cli)
        .args(["emulators:start", "--only", "auth", "--project", PROJECT, "--config"])
        .arg(dir.join("firebase.json"))
        .current_dir(&dir)
        // No update check or prompt: CI must not depend on the network beyond loopback.
        .env("CI", "1")
        .env("NO_UPDATE_NOTIFIER", "1")
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", cli.display()));
    let emulator = Emulator {
        child,
        host: format!("127.0.0.1:{port}"),
        dir,
    };
    let http = http_client();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
    loop {
        let uri: http::Uri = format!("http://{}/", emulator.host).parse().unwrap();
        if let Ok(r) = http.get(uri).await {
            if r.status().is_success() {
                break;
            }
        }
        if tokio::time::Instant::now() > deadline {
            let log = std::fs::read_to_string(emulator.dir.join("emulator.log")).unwrap_or_default();
            panic!("the Auth emulator did not start within 90 s:\n{log}");
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    emulator
}

fn http_client() -> HttpClient<HttpConnector, Full<Bytes>> {
    HttpClient::builder(TokioExecutor::new()).build(HttpConnector::new())
}

/// POSTs JSON to the emulator's Identity Toolkit API; panics on a non-2xx answer.
async fn post(emulator: &Emulator, path: &str, bearer: Option<&str>, body: Value) -> Value {
    let mut request = http::Request::post(format!(
        "http://{}/identitytoolkit.googleapis.com/v1/{path}",
        emulator.host
    ))
    .header("content-type", "application/json");
    if let Some(b) = bearer {
        request = request.header("authorization", format!("Bearer {b}"));
    }
    let request = request.body(Full::new(Bytes::from(body.to_string()))).unwrap();
    let response = http_client().request(request).await.expect("emulator answers");
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let value: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    assert!(
        status.is_success(),
        "{path}: HTTP {status}: {}",
        String::from_utf8_lossy(&bytes)
    );
    value
}

/// Signs up `email`, sets its role claim (if any) through the admin API, and signs in again so
/// the ID token carries the claim. Returns (uid, ID token).
async fn user_with_role(emulator: &Emulator, email: &str, role: Option<&str>) -> (String, String) {
    let credentials = json!({"email": email, "password": "secret-password", "returnSecureToken": true});
    let signed_up = post(emulator, "accounts:signUp?key=fake-api-key", None, credentials.clone()).await;
    let uid = signed_up["localId"].as_str().unwrap().to_string();
    if let Some(role) = role {
        post(
            emulator,
            &format!("projects/{PROJECT}/accounts:update"),
            Some("owner"),
            json!({"localId": uid, "customAttributes": json!({"role": role}).to_string()}),
        )
        .await;
    }
    let signed_in = post(
        emulator,
        "accounts:signInWithPassword?key=fake-api-key",
        None,
        credentials,
    )
    .await;
    (uid, signed_in["idToken"].as_str().unwrap().to_string())
}

/// The two tests take turns: each starts an emulator on ports it picked by binding port 0 and
/// letting go, and two emulators starting at once could be handed the same port, so that one
/// test's readiness check and sign-ups reach the other's emulator (seen once: `EMAIL_EXISTS`).
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test]
async fn emulator_tokens_join_and_only_broadcasters_produce() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let emulator = start_emulator().await;
    let (b_uid, b_token) = user_with_role(&emulator, "bea@example.com", Some("broadcaster")).await;
    let (_, v_token) = user_with_role(&emulator, "vic@example.com", Some("viewer")).await;
    let (_, plain_token) = user_with_role(&emulator, "pat@example.com", None).await;
    assert!(b_token.ends_with('.'), "the emulator's tokens are unsigned: {b_token}");

    let mut config = test_config(1);
    config.auth.mode = AuthMode::Firebase;
    config.auth.project_id = Some(PROJECT.into());
    config.auth.emulator_host = Some(emulator.host.clone());
    config.turn = vec![sfu::config::TurnServerConfig {
        urls: vec!["turn:127.0.0.1:3478".into()],
        secret: "coturn-shared-secret".into(),
        ttl_secs: 3600,
    }];
    let server = start(config).await;

    let mut b = Client::connect(&server).await;
    let joined = b
        .ok("join", json!({"room": "emu", "role": "broadcaster", "token": b_token}))
        .await;
    let username = joined["iceServers"][0]["username"].as_str().unwrap();
    assert!(
        username.ends_with(&format!(":{b_uid}")),
        "TURN username names the uid: {username}"
    );
    let t = b.ok("createTransport", json!({"direction": "send"})).await;
    let tid = t["transportId"].as_str().unwrap().to_string();
    b.ok(
        "connectTransport",
        json!({"transportId": tid, "dtlsParameters": client_dtls_parameters()}),
    )
    .await;
    b.ok(
        "produce",
        json!({"transportId": tid, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(4444)}),
    )
    .await;

    for token in [&v_token, &plain_token] {
        let mut v = Client::connect(&server).await;
        let (code, message) = v
            .request("join", json!({"room": "emu", "role": "broadcaster", "token": token}))
            .await
            .unwrap_err();
        assert_eq!(code, "forbidden", "{message}");
        v.ok("join", json!({"room": "emu", "role": "viewer", "token": token}))
            .await;
        let (code, _) = v
            .request("createTransport", json!({"direction": "send"}))
            .await
            .unwrap_err();
        assert_eq!(code, "forbidden");
        v.close().await;
    }

    // A token of another project is refused even by a server that trusts the emulator.
    let mut claims: Value = {
        use base64::Engine;
        let payload = v_token.split('.').nth(1).unwrap();
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(payload)
                .unwrap(),
        )
        .unwrap()
    };
    claims["aud"] = json!("demo-other");
    let forged = {
        use base64::Engine;
        let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.",
            v_token.split('.').next().unwrap(),
            e.encode(claims.to_string())
        )
    };
    let mut x = Client::connect(&server).await;
    let (code, _) = x
        .request("join", json!({"room": "emu", "role": "viewer", "token": forged}))
        .await
        .unwrap_err();
    assert_eq!(code, "unauthenticated");
    x.close().await;

    b.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
    drop(emulator);
}

/// The demo page's sign-in, in Chromium: a broadcaster-claim user signs in and broadcasts, a
/// viewer-claim user's broadcast is refused with `forbidden` shown in words, and an anonymous
/// user listens and hears the broadcaster. The page loads the Firebase SDK from /firebase.js
/// because /auth/config says sign-in is on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_page_signs_in_against_the_emulator_in_chromium() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        root.join("web/node_modules/playwright-core").exists() && Path::new("/usr/bin/chromium").exists(),
        "web/node_modules or Chromium is missing: run scripts/setup"
    );
    let emulator = start_emulator().await;
    user_with_role(&emulator, "bea@example.com", Some("broadcaster")).await;
    user_with_role(&emulator, "vic@example.com", Some("viewer")).await;
    let mut config = test_config(1);
    config.auth.mode = AuthMode::Firebase;
    config.auth.project_id = Some(PROJECT.into());
    config.auth.emulator_host = Some(emulator.host.clone());
    let server = start(config).await;
    let base = format!("http://{}", server.local_addr());
    // SFU_UPDATE_SCREENSHOTS=1 refreshes docs/img/signed-in.png and forbidden.png.
    let shots = if std::env::var_os("SFU_UPDATE_SCREENSHOTS").is_some() {
        root.join("docs/img")
    } else {
        std::env::temp_dir().join(format!("sfu-fb-shots-{}", std::process::id()))
    };
    std::fs::create_dir_all(&shots).unwrap();
    let output = tokio::time::timeout(
        Duration::from_secs(120),
        tokio::process::Command::new("node")
            .arg(root.join("web/test/firebase.mjs"))
            .args([&base, "bea@example.com", "vic@example.com", "secret-password"])
            .arg(&shots)
            .current_dir(root)
            .output(),
    )
    .await
    .expect("the browser check finishes within 120 s")
    .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let result: Value = serde_json::from_str(stdout.lines().last().unwrap_or_default())
        .unwrap_or_else(|_| panic!("driver output: {stdout}\n{stderr}"));
    assert_eq!(result["ok"], true, "browser steps: {result:#}\n{stderr}");
    let steps = result["steps"].as_array().unwrap();
    println!("sign-in in the browser: {result}");
    assert!(
        !steps.iter().any(|s| s["name"].as_str().unwrap().contains("page error")),
        "{result:#}"
    );
    let refused = steps.iter().find(|s| s["name"] == "viewer may not broadcast").unwrap();
    assert!(refused["error"].as_str().unwrap().contains("forbidden"), "{refused}");
    assert!(
        refused["who"].as_str().unwrap().contains("vic@example.com"),
        "{refused}"
    );
    server.shutdown().await.unwrap();
    drop(emulator);
}
