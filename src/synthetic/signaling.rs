//! The client side of the signaling protocol, as the synthetic peers (and the load tools) speak
//! it: one WebSocket, requests matched to responses by id, notifications on a channel.

use std::collections::HashMap;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use tokio::sync::{mpsc, oneshot};
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{self, Message};

use crate::protocol::{ErrorBody, ErrorCode};

/// How long a request may wait for its response.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
pub enum SignalingError {
    #[error("{url} is not a WebSocket URL (expected ws://HOST:PORT/ws or wss://...)")]
    BadUrl { url: String },
    #[error("cannot connect to {url}: {message}")]
    Connect { url: String, message: String },
    #[error("the server refused the connection to {url} with HTTP {status}{body}")]
    Refused { url: String, status: u16, body: String },
    #[error("{method} failed: {} ({})", .error.message, .error.code.as_str())]
    Request { method: String, error: ErrorBody },
    #[error("{method}: no response within {timeout:?}")]
    Timeout { method: String, timeout: Duration },
    #[error("the signaling connection closed")]
    Closed,
    #[error("{method}: unexpected response: {message}")]
    BadResponse { method: String, message: String },
}

impl SignalingError {
    /// The protocol error code, when the server answered with one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            SignalingError::Request { error, .. } => Some(error.code),
            _ => None,
        }
    }

    /// For a `redirect` (a cluster node sends the peer to another node): that node's
    /// signaling URL (`ws(s)://host:port/ws`).
    pub fn redirect(&self) -> Option<String> {
        match self {
            SignalingError::Request { error, .. } if error.code == ErrorCode::Redirect => {
                error.url.as_deref().map(signaling_url)
            }
            _ => None,
        }
    }
}

/// How many `redirect`s a synthetic peer follows at `join` before it gives up.
pub const MAX_REDIRECTS: usize = 3;

/// A node's signaling URL from its URL (`http://h:p` → `ws://h:p/ws`).
pub(crate) fn signaling_url(url: &str) -> String {
    let url = url.trim_end_matches('/');
    let ws = if let Some(rest) = url.strip_prefix("https://") {
        format!("wss://{rest}")
    } else if let Some(rest) = url.strip_prefix("http://") {
        format!("ws://{rest}")
    } else {
        url.to_string()
    };
    if ws.ends_with("/ws") {
        ws
    } else {
        format!("{ws}/ws")
    }
}

type Pending = HashMap<u64, oneshot::Sender<Result<Value, ErrorBody>>>;

enum Command {
    Request {
        method: String,
        data: Value,
        reply: oneshot::Sender<Result<Value, ErrorBody>>,
    },
}

/// A connected signaling client. Dropping it closes the socket.
pub struct SignalingClient {
    /// The URL it connected to.
    url: String,
    commands: mpsc::Sender<Command>,
    notifications: mpsc::UnboundedReceiver<Value>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SignalingClient {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Checks that `url` is a WebSocket URL before anything is spawned.
pub fn check_url(url: &str) -> Result<(), SignalingError> {
    let rest = url
        .strip_prefix("ws://")
        .or_else(|| url.strip_prefix("wss://"))
        .ok_or_else(|| SignalingError::BadUrl { url: url.to_string() })?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(SignalingError::BadUrl { url: url.to_string() });
    }
    Ok(())
}

/// A TLS connector that also trusts `pem` (for a server with a self-signed certificate).
fn connector(pem: &str) -> Result<tokio_tungstenite::Connector, String> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::CertificateDer;
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(pem.as_bytes()) {
        roots.add(cert.map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    }
    let config =
        rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .with_root_certificates(roots)
            .with_no_client_auth();
    Ok(tokio_tungstenite::Connector::Rustls(std::sync::Arc::new(config)))
}

type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// The WebSocket handshake, within [`REQUEST_TIMEOUT`].
async fn open_socket(url: &str, tls_root_pem: Option<&str>) -> Result<Socket, SignalingError> {
    check_url(url)?;
    let connector = match tls_root_pem {
        Some(pem) => Some(connector(pem).map_err(|message| SignalingError::Connect {
            url: url.to_string(),
            message: format!("TLS root certificate: {message}"),
        })?),
        None => None,
    };
    // Small buffers: signaling messages are a few KiB, and a load run holds hundreds of
    // clients (tungstenite's 128 KiB defaults were most of a synthetic peer's memory).
    let config = WebSocketConfig::default()
        .read_buffer_size(8 * 1024)
        .write_buffer_size(0)
        .max_message_size(Some(1 << 20))
        .max_frame_size(Some(1 << 20));
    let connecting = tokio_tungstenite::connect_async_tls_with_config(url, Some(config), false, connector);
    match tokio::time::timeout(REQUEST_TIMEOUT, connecting).await {
        Err(_) => Err(SignalingError::Connect {
            url: url.to_string(),
            message: "timed out".into(),
        }),
        Ok(Err(e)) => Err(handshake_error(url, e)),
        Ok(Ok((ws, _))) => Ok(ws),
    }
}

/// A failed handshake: refused with an HTTP status (and its body), or not connected at all.
fn handshake_error(url: &str, e: tungstenite::Error) -> SignalingError {
    match e {
        tungstenite::Error::Http(response) => {
            let body = response
                .body()
                .as_deref()
                .map(|b| format!(": {}", String::from_utf8_lossy(b)))
                .unwrap_or_default();
            SignalingError::Refused {
                url: url.to_string(),
                status: response.status().as_u16(),
                body,
            }
        }
        tungstenite::Error::Io(io) => SignalingError::Connect {
            url: url.to_string(),
            message: io.to_string(),
        },
        other => SignalingError::Connect {
            url: url.to_string(),
            message: other.to_string(),
        },
    }
}

/// The connection's task: sends requests, routes answers to their waiters and notifications to
/// the channel, until the client is dropped or closed (then the close handshake) or the socket
/// ends.
async fn run_connection(ws: Socket, mut command_rx: mpsc::Receiver<Command>, notify_tx: mpsc::UnboundedSender<Value>) {
    let (mut sink, mut stream) = ws.split();
    let mut pending: Pending = HashMap::new();
    let mut next_id = 1u64;
    loop {
        tokio::select! {
            command = command_rx.recv() => {
                let Some(Command::Request { method, data, reply }) = command else {
                    // Close handshake: send ours, then read until the server's arrives.
                    let _ = sink.close().await;
                    let drain = async { while let Some(Ok(_)) = stream.next().await {} };
                    let _ = tokio::time::timeout(Duration::from_secs(1), drain).await;
                    break;
                };
                let id = next_id;
                next_id += 1;
                let text = json!({"id": id, "method": method, "data": data}).to_string();
                if sink.send(Message::Text(text.into())).await.is_err() {
                    break;
                }
                pending.insert(id, reply);
            }
            frame = stream.next() => {
                let text = match frame {
                    Some(Ok(Message::Text(t))) => t,
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                    Some(Ok(_)) => continue,
                };
                if let Ok(v) = serde_json::from_str::<Value>(&text) {
                    route(v, &mut pending, &notify_tx);
                }
            }
        }
    }
}

/// One message from the server: a notification goes to the channel, an answer to the request
/// waiting for its id (answers nobody waits for are dropped).
fn route(v: Value, pending: &mut Pending, notify_tx: &mpsc::UnboundedSender<Value>) {
    if v.get("notification").is_some() {
        let _ = notify_tx.send(v);
    } else if let Some(id) = v.get("id").and_then(Value::as_u64) {
        if let Some(reply) = pending.remove(&id) {
            let _ = reply.send(answer(&v));
        }
    }
}

/// An answer's data, or its error (an unreadable error body counts as `internal`).
fn answer(v: &Value) -> Result<Value, ErrorBody> {
    if v["ok"] == Value::Bool(true) {
        Ok(v.get("data").cloned().unwrap_or(Value::Null))
    } else {
        Err(serde_json::from_value(v["error"].clone())
            .unwrap_or_else(|_| ErrorBody::new(ErrorCode::Internal, v.to_string())))
    }
}

impl SignalingClient {
    /// Connects to `url`; with `tls_root_pem`, `wss://` also trusts that certificate.
    pub async fn connect(url: &str, tls_root_pem: Option<&str>) -> Result<SignalingClient, SignalingError> {
        let ws = open_socket(url, tls_root_pem).await?;
        let (commands, command_rx) = mpsc::channel::<Command>(64);
        let (notify_tx, notifications) = mpsc::unbounded_channel();
        let task = tokio::spawn(run_connection(ws, command_rx, notify_tx));
        Ok(SignalingClient {
            url: url.to_string(),
            commands,
            notifications,
            task,
        })
    }

    /// The URL it connected to.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Sends a request and waits for its response data.
    pub async fn request(&self, method: &str, data: Value) -> Result<Value, SignalingError> {
        let (reply, rx) = oneshot::channel();
        self.commands
            .send(Command::Request {
                method: method.to_string(),
                data,
                reply,
            })
            .await
            .map_err(|_| SignalingError::Closed)?;
        match tokio::time::timeout(REQUEST_TIMEOUT, rx).await {
            Err(_) => Err(SignalingError::Timeout {
                method: method.to_string(),
                timeout: REQUEST_TIMEOUT,
            }),
            Ok(Err(_)) => Err(SignalingError::Closed),
            Ok(Ok(Err(error))) => Err(SignalingError::Request {
                method: method.to_string(),
                error,
            }),
            Ok(Ok(Ok(v))) => Ok(v),
        }
    }

    /// A request whose response data is parsed into `T`.
    pub async fn call<T: DeserializeOwned>(&self, method: &str, data: Value) -> Result<T, SignalingError> {
        let v = self.request(method, data).await?;
        serde_json::from_value(v).map_err(|e| SignalingError::BadResponse {
            method: method.to_string(),
            message: e.to_string(),
        })
    }

    /// The next notification (`{"notification": name, "data": ...}`), or None once closed.
    pub async fn next_notification(&mut self) -> Option<Value> {
        self.notifications.recv().await
    }

    /// Closes the socket with a close frame and waits (briefly) for the connection task to end.
    pub async fn close(mut self) {
        // Dropping the only command sender makes the task send a close frame and stop.
        let (unused, _) = mpsc::channel(1);
        drop(std::mem::replace(&mut self.commands, unused));
        let _ = tokio::time::timeout(Duration::from_secs(2), &mut self.task).await;
    }

    /// Skips notifications until one named `name` (returned), for at most `timeout`.
    pub async fn wait_notification(&mut self, name: &str, timeout: Duration) -> Result<Value, SignalingError> {
        let wait = async {
            while let Some(n) = self.notifications.recv().await {
                if n["notification"] == name {
                    return Ok(n);
                }
            }
            Err(SignalingError::Closed)
        };
        tokio::time::timeout(timeout, wait)
            .await
            .map_err(|_| SignalingError::Timeout {
                method: format!("waiting for {name}"),
                timeout,
            })?
    }

    /// A notification already received, if any, without waiting.
    pub fn try_notification(&mut self) -> Option<Value> {
        self.notifications.try_recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_names_the_node_to_join_as_its_signaling_url() {
        let redirect = |url: &str| SignalingError::Request {
            method: "join".into(),
            error: ErrorBody::redirect(url.into(), "go there"),
        };
        assert_eq!(
            redirect("http://10.0.0.2:8080").redirect().as_deref(),
            Some("ws://10.0.0.2:8080/ws")
        );
        assert_eq!(
            redirect("https://sfu-2.example.com/").redirect().as_deref(),
            Some("wss://sfu-2.example.com/ws")
        );
        let other = SignalingError::Request {
            method: "join".into(),
            error: ErrorBody::new(ErrorCode::RoomFull, "full"),
        };
        assert_eq!(other.redirect(), None);
    }

    #[test]
    fn answers_give_data_or_error() {
        assert_eq!(
            answer(&json!({"id": 1, "ok": true, "data": {"x": 1}})).unwrap(),
            json!({"x": 1})
        );
        assert_eq!(answer(&json!({"id": 1, "ok": true})).unwrap(), Value::Null);
        let e = answer(&json!({"id": 1, "ok": false, "error": {"code": "not_found", "message": "no"}})).unwrap_err();
        assert_eq!((e.code, e.message.as_str()), (ErrorCode::NotFound, "no"));
        let garbled = answer(&json!({"id": 1, "ok": false, "error": 7})).unwrap_err();
        assert_eq!(garbled.code, ErrorCode::Internal);
    }

    #[test]
    fn messages_are_routed_by_kind_and_id() {
        let (notify_tx, mut notifications) = mpsc::unbounded_channel();
        let mut pending: Pending = HashMap::new();
        let (reply, mut answered) = oneshot::channel();
        pending.insert(3, reply);
        route(json!({"notification": "mediaReset"}), &mut pending, &notify_tx);
        assert_eq!(notifications.try_recv().unwrap()["notification"], "mediaReset");
        route(json!({"id": 4, "ok": true}), &mut pending, &notify_tx);
        assert!(answered.try_recv().is_err(), "not its id");
        route(json!({"id": 3, "ok": true, "data": 5}), &mut pending, &notify_tx);
        assert_eq!(answered.try_recv().unwrap().unwrap(), json!(5));
        assert!(pending.is_empty());
    }

    #[test]
    fn handshake_errors_name_the_url() {
        let io = tungstenite::Error::Io(std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused"));
        match handshake_error("ws://x/ws", io) {
            SignalingError::Connect { url, message } => {
                assert_eq!((url.as_str(), message.as_str()), ("ws://x/ws", "refused"))
            }
            other => panic!("{other:?}"),
        }
        let response = tungstenite::http::Response::builder()
            .status(401)
            .body(Some(b"no token".to_vec()))
            .unwrap();
        match handshake_error("ws://x/ws", tungstenite::Error::Http(Box::new(response))) {
            SignalingError::Refused { status, body, .. } => assert_eq!((status, body.as_str()), (401, ": no token")),
            other => panic!("{other:?}"),
        }
    }
}
