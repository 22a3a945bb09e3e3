//! A renewed certificate is served without a restart: `ServerHandle::reload_tls` (what SIGHUP
//! does) and the periodic check of the files swap it in for new connections, open connections
//! go on, and a broken new pair keeps the certificate in use.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use futures_util::{SinkExt, StreamExt};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use sfu::tls::{ReloadError, Reloaded, TlsMaterial};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

fn certificate() -> TlsMaterial {
    sfu::tls::self_signed(vec!["localhost".into(), "127.0.0.1".into()]).unwrap()
}

fn der(pem: &str) -> Vec<u8> {
    CertificateDer::from_pem_slice(pem.as_bytes()).unwrap().to_vec()
}

/// Opens `wss://addr/ws` trusting every certificate in `trusted`; returns the socket and the
/// certificate the server presented.
async fn connect(url: &str, trusted: &[&TlsMaterial]) -> (Ws, Vec<u8>) {
    let mut roots = rustls::RootCertStore::empty();
    for m in trusted {
        roots.add(CertificateDer::from(der(&m.cert_pem))).unwrap();
    }
    let config = rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let connector = tokio_tungstenite::Connector::Rustls(Arc::new(config));
    let (ws, _) = tokio::time::timeout(
        TIMEOUT,
        tokio_tungstenite::connect_async_tls_with_config(url, None, false, Some(connector)),
    )
    .await
    .expect("connects in time")
    .expect("TLS and WebSocket handshakes");
    let presented = match ws.get_ref() {
        MaybeTlsStream::Rustls(tls) => tls.get_ref().1.peer_certificates().unwrap()[0].to_vec(),
        _ => panic!("not a TLS connection"),
    };
    (ws, presented)
}

/// The connection still carries requests: `ping` gets its answer.
async fn ping(ws: &mut Ws, id: u64) {
    let request = serde_json::json!({"id": id, "method": "ping", "data": {}}).to_string();
    ws.send(Message::Text(request.into())).await.unwrap();
    let deadline = tokio::time::Instant::now() + TIMEOUT;
    loop {
        let m = tokio::time::timeout_at(deadline, ws.next())
            .await
            .expect("an answer to ping in time")
            .expect("the connection is open")
            .unwrap();
        if let Message::Text(t) = m {
            let v: serde_json::Value = serde_json::from_str(&t).unwrap();
            if v["id"] == id {
                assert_eq!(v["ok"], true, "{v}");
                return;
            }
        }
    }
}

fn write(dir: &std::path::Path, cert: &str, key: &str) {
    std::fs::write(dir.join("cert.pem"), cert).unwrap();
    std::fs::write(dir.join("key.pem"), key).unwrap();
}

#[tokio::test]
async fn a_renewed_certificate_is_served_to_new_connections_and_a_broken_one_is_not() {
    let dir = std::env::temp_dir().join(format!("sfu-tls-reload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b, c) = (certificate(), certificate(), certificate());
    write(&dir, &a.cert_pem, &a.key_pem);
    let mut config = test_config(1);
    config.tls.dev_self_signed = false;
    config.tls.cert = Some(dir.join("cert.pem"));
    config.tls.key = Some(dir.join("key.pem"));
    config.tls.reload_check_secs = 1;
    let server = start(config).await;
    let url = server.ws_url();
    let all = [&a, &b, &c];

    let (mut old, presented) = connect(&url, &all).await;
    assert_eq!(presented, der(&a.cert_pem));
    ping(&mut old, 1).await;

    // Renewed: new connections get the new certificate, the open one goes on.
    write(&dir, &b.cert_pem, &b.key_pem);
    assert_eq!(server.reload_tls().await.unwrap(), Reloaded::Swapped);
    assert_eq!(
        server.current_tls_certificate_pem().as_deref(),
        Some(b.cert_pem.as_str())
    );
    let (mut new, presented) = connect(&url, &all).await;
    assert_eq!(presented, der(&b.cert_pem));
    ping(&mut new, 2).await;
    ping(&mut old, 3).await;

    // Broken files keep the certificate in use, and the error says why.
    for (cert, key, why) in [
        ("not a certificate", b.key_pem.as_str(), "no certificate"),
        (
            c.cert_pem.as_str(),
            b.key_pem.as_str(),
            "do not make a TLS configuration",
        ),
        (c.cert_pem.as_str(), "not a key", "not a PEM private key"),
    ] {
        write(&dir, cert, key);
        let e = server.reload_tls().await.unwrap_err();
        assert!(matches!(e, ReloadError::Invalid(_)), "{e}");
        assert!(e.to_string().contains(why), "{e}");
        let (_, presented) = connect(&url, &all).await;
        assert_eq!(presented, der(&b.cert_pem), "after {why:?}");
    }
    assert_eq!(
        server.current_tls_certificate_pem().as_deref(),
        Some(b.cert_pem.as_str())
    );
    ping(&mut old, 4).await;

    // The periodic check picks up files that changed without being asked.
    write(&dir, &c.cert_pem, &c.key_pem);
    let deadline = tokio::time::Instant::now() + TIMEOUT;
    loop {
        let (_, presented) = connect(&url, &all).await;
        if presented == der(&c.cert_pem) {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the new files were never picked up"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    ping(&mut old, 5).await;
    drop((old, new));
    server.shutdown().await.unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn without_certificate_files_there_is_nothing_to_reload() {
    let mut config = test_config(1);
    config.tls.dev_self_signed = false;
    let server = start(config).await;
    assert!(matches!(server.reload_tls().await, Err(ReloadError::NotFromFiles)));
    server.shutdown().await.unwrap();
}
