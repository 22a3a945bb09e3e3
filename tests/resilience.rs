//! What the server does when it is asked to go away: a drain stops new joins and connections,
//! reports `draining` to the load balancer, tells peers to move and waits for them (up to a
//! deadline) while still serving those that stay; then shutdown closes what is left.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::json;
use sfu::http_client::{HttpClient, HttpError};

async fn healthz(server: &sfu::ServerHandle) -> Result<String, (u16, String)> {
    let http = HttpClient::new(server.tls_certificate_pem()).unwrap();
    match http.get(&format!("{}/healthz", server.http_url()), None).await {
        Ok(body) => Ok(String::from_utf8_lossy(&body).into_owned()),
        Err(HttpError::Status { status, body, .. }) => Err((status, body)),
        Err(e) => panic!("{e}"),
    }
}

#[tokio::test]
async fn drain_refuses_newcomers_tells_peers_and_ends_when_they_leave() {
    let server = start(test_config(1)).await;
    let mut b = Client::connect(&server).await;
    b.join("drain1", "broadcaster").await;
    let mut v = Client::connect(&server).await;
    v.join("drain1", "viewer").await;
    // Connected before the drain, not yet joined: may not join during it.
    let mut late = Client::connect(&server).await;
    assert!(healthz(&server).await.unwrap().contains("\"ok\""));

    let started = Instant::now();
    let drain = server.drain(Duration::from_secs(20));
    let peers = async {
        let d = b.notification("serverDraining").await;
        let deadline = d["deadlineMs"].as_u64().unwrap();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        assert!(
            deadline > now + 15_000 && deadline <= now + 21_000,
            "deadline {deadline} vs now {now}"
        );
        v.notification("serverDraining").await;

        let (status, body) = healthz(&server).await.unwrap_err();
        assert_eq!(status, 503);
        assert!(body.contains("draining"), "{body}");
        let refused = ws_connect(&server)
            .await
            .expect_err("no new connections while draining");
        assert!(refused.to_string().contains("503"), "{refused}");
        let (code, message) = late
            .request("join", json!({"room": "drain1", "role": "viewer"}))
            .await
            .unwrap_err();
        assert_eq!(code, "shutting_down");
        assert!(message.contains("draining"), "{message}");

        // Those who stay are still served until they go.
        b.ok("ping", json!({})).await;
        let t = b.ok("createTransport", json!({"direction": "send"})).await;
        assert!(t["transportId"].is_string());
        b.ok("leave", json!({})).await;
        v.ok("leave", json!({})).await;
    };
    tokio::join!(drain, peers);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the drain ended when the last peer left"
    );
    assert_released(&server).await;

    let shutdown = tokio::spawn(server.shutdown());
    assert_eq!(b.notification("serverShutdown").await["reason"], "server shutting down");
    assert_eq!(b.recv_close().await, Some(1001));
    shutdown.await.unwrap().unwrap();
}

#[tokio::test]
async fn drain_ends_at_its_deadline_and_shutdown_closes_who_stayed() {
    let server = start(test_config(1)).await;
    let mut stayer = Client::connect(&server).await;
    stayer.join("drain2", "broadcaster").await;
    let started = Instant::now();
    server.drain(Duration::from_millis(400)).await;
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(400) && took < Duration::from_secs(5),
        "{took:?}"
    );
    stayer.notification("serverDraining").await;
    assert_eq!(server.counts().peers, 1, "nobody forced out during the drain");

    let shutdown = tokio::spawn(server.shutdown());
    stayer.notification("serverShutdown").await;
    assert_eq!(stayer.recv_close().await, Some(1001));
    shutdown.await.unwrap().unwrap();
}
