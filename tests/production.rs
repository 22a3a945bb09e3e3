//! Production mode's defaults through the real server: `/metrics` needs the admin token unless
//! `admin.open_metrics = true`, `/healthz` says only its status, and the chaos drill
//! (`admin.fault_injection`) is refused at start.

mod common;

use common::*;
use sfu::config::{AuthMode, Mode};
use sfu::http_client::{HttpClient, HttpError};

const ADMIN_TOKEN: &str = "0123456789abcdef-admin";

/// What production requires, with nothing leaving the machine: an announced address from the
/// documentation range (only written into ICE candidates), TLS "in a proxy in front" (plain
/// HTTP here), and Firebase auth whose https keys URL is a closed port on loopback (the key
/// fetch fails at once; the static admin token needs no key).
fn production_config() -> sfu::Config {
    let mut c = test_config(1);
    c.mode = Mode::Production;
    c.rtc.announced_address = Some("203.0.113.7".into());
    c.tls.dev_self_signed = false;
    c.tls.behind_proxy = true;
    c.auth.mode = AuthMode::Firebase;
    c.auth.project_id = Some("prod-sfu-test".into());
    c.auth.keys_url = "https://127.0.0.1:9/keys".into();
    c.admin.token = Some(ADMIN_TOKEN.into());
    c
}

async fn status_of(http: &HttpClient, url: &str, bearer: Option<&str>) -> (u16, String) {
    match http.get(url, bearer).await {
        Ok(body) => (200, String::from_utf8_lossy(&body).into_owned()),
        Err(HttpError::Status { status, body, .. }) => (status, body),
        Err(e) => panic!("{url}: {e}"),
    }
}

#[tokio::test]
async fn production_metrics_need_the_admin_token_unless_opened() {
    let server = start(production_config()).await;
    let http = HttpClient::new(None).unwrap();
    let url = format!("{}/metrics", server.http_url());
    let (status, body) = status_of(&http, &url, None).await;
    assert_eq!(status, 401, "{body}");
    let (status, body) = status_of(&http, &url, Some("wrong-token-0123456789")).await;
    assert_eq!(status, 403, "{body}");
    let (status, body) = status_of(&http, &url, Some(ADMIN_TOKEN)).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("sfu_rooms"), "{body}");
    server.shutdown().await.unwrap();

    let mut opened = production_config();
    opened.admin.open_metrics = Some(true);
    let server = start(opened).await;
    let (status, body) = status_of(&http, &format!("{}/metrics", server.http_url()), None).await;
    assert_eq!(status, 200, "{body}");
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn production_healthz_says_only_its_status() {
    let server = start(production_config()).await;
    let http = HttpClient::new(None).unwrap();
    let (status, body) = status_of(&http, &format!("{}/healthz", server.http_url()), None).await;
    assert_eq!((status, body.as_str()), (200, r#"{"status":"ok"}"#));
    server.shutdown().await.unwrap();

    // Development keeps the counts.
    let server = start(test_config(1)).await;
    let http = HttpClient::new(server.tls_certificate_pem()).unwrap();
    let (status, body) = status_of(&http, &format!("{}/healthz", server.http_url()), None).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains(r#""rooms":0"#) && body.contains(r#""workers_alive":1"#),
        "{body}"
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn production_refuses_fault_injection_at_start() {
    let mut c = production_config();
    c.admin.fault_injection = true;
    let e = match sfu::Server::start(c).await {
        Ok(server) => {
            server.shutdown().await.unwrap();
            panic!("a production server started with admin.fault_injection = true");
        }
        Err(e) => e.to_string(),
    };
    assert!(
        e.starts_with("admin.fault_injection") && e.contains("production refuses it"),
        "{e}"
    );
}
