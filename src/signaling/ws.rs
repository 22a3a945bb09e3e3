//! The WebSocket loop of one connection: size and rate limits, heartbeat, notifications out,
//! shutdown, and cleanup when the socket ends for any reason.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use parking_lot::Mutex;
use tokio::time::{timeout, Instant, MissedTickBehavior};

use crate::auth::Identity;
use crate::server::ServerContext;
use crate::protocol::{
    parse_request, response_error, response_ok, ErrorBody, ErrorCode, Method, Notification, Request,
};
use crate::signaling::resume::Parked;
use crate::signaling::session::Session;
use crate::stats::Counter;

/// WebSocket close codes this server uses (4000-4999 are application codes).
pub mod close_code {
    /// Server shutting down.
    pub const GOING_AWAY: u16 = 1001;
    /// Flooding far over the rate limit.
    pub const POLICY: u16 = 1008;
    /// A frame over `limits.max_frame_bytes`.
    pub const TOO_BIG: u16 = 1009;
    /// No message or pong within `limits.heartbeat_timeout_secs`.
    pub const HEARTBEAT_TIMEOUT: u16 = 4001;
    /// The client did not read its notifications fast enough and missed some.
    pub const TOO_SLOW: u16 = 4002;
    /// The peer's Firebase ID token expired; reconnect with a fresh one.
    pub const TOKEN_EXPIRED: u16 = 4003;
}

/// A client that keeps sending after this many consecutive `rate_limited` answers is cut off.
const MAX_CONSECUTIVE_REJECTIONS: u32 = 200;
/// A client that does not take a frame within this time is considered gone.
const SEND_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a closing connection waits for the client's close frame.
const CLOSE_HANDSHAKE: Duration = Duration::from_secs(2);

/// Bounds concurrent connections, in all and per client IP.
pub struct ConnectionLimiter {
    per_ip: Mutex<HashMap<IpAddr, usize>>,
    max_per_ip: usize,
    max_total: usize,
}

/// One admitted connection; dropping it frees its place.
pub struct ConnectionPermit {
    limiter: Arc<ConnectionLimiter>,
    ip: IpAddr,
    _counted: Counter,
}

impl ConnectionLimiter {
    pub fn new(max_per_ip: usize, max_total: usize) -> Arc<ConnectionLimiter> {
        Arc::new(ConnectionLimiter {
            per_ip: Mutex::new(HashMap::new()),
            max_per_ip,
            max_total,
        })
    }

    pub(crate) fn admit(
        self: &Arc<Self>,
        ip: IpAddr,
        counted: impl FnOnce() -> Counter,
    ) -> Result<ConnectionPermit, ErrorBody> {
        let mut map = self.per_ip.lock();
        let total: usize = map.values().sum();
        if total >= self.max_total {
            return Err(ErrorBody::new(
                ErrorCode::LimitExceeded,
                format!("the server is at its limit of {} connections", self.max_total),
            ));
        }
        let n = map.entry(ip).or_insert(0);
        if *n >= self.max_per_ip {
            return Err(ErrorBody::new(
                ErrorCode::LimitExceeded,
                format!("at most {} connections per IP address", self.max_per_ip),
            ));
        }
        *n += 1;
        Ok(ConnectionPermit {
            limiter: Arc::clone(self),
            ip,
            _counted: counted(),
        })
    }
}

impl Drop for ConnectionPermit {
    fn drop(&mut self) {
        let mut map = self.limiter.per_ip.lock();
        if let Some(n) = map.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                map.remove(&self.ip);
            }
        }
    }
}

fn rate_limiter(per_second: u32, burst: u32) -> DefaultDirectRateLimiter {
    let per_second = NonZeroU32::new(per_second).unwrap_or(NonZeroU32::MIN);
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    RateLimiter::direct(Quota::per_second(per_second).allow_burst(burst))
}

/// Why the loop ended; logged, and used to pick the close frame.
enum End {
    /// The client sent a close frame: it meant to go.
    ClientClosed,
    /// The connection died under the session (no close frame, an I/O error, a silent client):
    /// a joined session is parked for `resume`.
    Lost(String),
    Close(u16, &'static str),
}

/// Runs one connection to its end and releases everything it held.
pub(crate) async fn run(
    ctx: Arc<ServerContext>,
    mut socket: WebSocket,
    remote: std::net::SocketAddr,
    _permit: ConnectionPermit,
    identity: Option<Identity>,
) {
    let limits = ctx.config.limits.clone();
    let (mut session, mut events) = Session::new(Arc::clone(&ctx), identity);
    let mut told_draining = false;
    let limiter = rate_limiter(limits.messages_per_second, limits.message_burst);
    let mut rejections = 0u32;
    let mut heartbeat = tokio::time::interval(ctx.config.heartbeat_interval());
    heartbeat.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let heartbeat_timeout = ctx.config.heartbeat_timeout();
    let mut last_seen = Instant::now();
    tracing::debug!(%remote, "connection opened");

    let end = loop {
        let token_left = session.token_remaining();
        tokio::select! {
            _ = ctx.draining.cancelled(), if !told_draining => {
                told_draining = true;
                let n = Notification::ServerDraining {
                    reason: "server draining".into(),
                    deadline_ms: ctx.drain_deadline_ms(),
                };
                if send(&mut socket, n.to_text().into()).await.is_err() {
                    break End::Lost("send failed".into());
                }
            }
            _ = async {
                match token_left {
                    Some(left) => tokio::time::sleep(left).await,
                    None => std::future::pending().await,
                }
            } => {
                break End::Close(close_code::TOKEN_EXPIRED, "token expired");
            }
            _ = ctx.shutdown.cancelled() => {
                let n = Notification::ServerShutdown { reason: "server shutting down".into(), reconnect_after_ms: 1000 };
                let _ = send(&mut socket, n.to_text().into()).await;
                break End::Close(close_code::GOING_AWAY, "server shutting down");
            }
            message = socket.recv() => {
                let message = match message {
                    None => break End::Lost("connection ended without a close frame".into()),
                    Some(Err(e)) => {
                        if is_capacity_error(e) {
                            break End::Close(close_code::TOO_BIG, "frame over limits.max_frame_bytes");
                        }
                        break End::Lost("socket error".into());
                    }
                    Some(Ok(m)) => m,
                };
                last_seen = Instant::now();
                let text = match message {
                    Message::Text(t) => t,
                    Message::Binary(_) => {
                        let e = ErrorBody::new(ErrorCode::BadRequest, "binary frames are not part of the protocol; send JSON text");
                        if reply_error(&ctx, &mut socket, None, &e).await.is_err() { break End::Lost("send failed".into()); }
                        continue;
                    }
                    Message::Ping(_) | Message::Pong(_) => continue,
                    Message::Close(_) => break End::ClientClosed,
                };
                ctx.counters.messages.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if limiter.check().is_err() {
                    rejections += 1;
                    if rejections > MAX_CONSECUTIVE_REJECTIONS {
                        break End::Close(close_code::POLICY, "message flood over the rate limit");
                    }
                    let e = ErrorBody::new(ErrorCode::RateLimited, format!("over {} messages per second; slow down", limits.messages_per_second));
                    if reply_error(&ctx, &mut socket, None, &e).await.is_err() { break End::Lost("send failed".into()); }
                    continue;
                }
                rejections = 0;
                if text.len() > limits.max_message_bytes {
                    let e = ErrorBody::new(ErrorCode::TooLarge, format!("message of {} bytes is over the limit of {}", text.len(), limits.max_message_bytes));
                    if reply_error(&ctx, &mut socket, None, &e).await.is_err() { break End::Lost("send failed".into()); }
                    continue;
                }
                let reply = match parse_request(text.as_str()) {
                    Ok(Request { id, method: Method::Resume(resume) }) if session.peer_id().is_none() => {
                        match resume_session(&ctx, &resume.resume_token) {
                            Some((parked, parked_events)) => {
                                // The fresh, unjoined session goes; the parked one carries on here.
                                session = parked;
                                events = parked_events;
                                told_draining = false;
                                match session.resumed() {
                                    Some(r) => {
                                        tracing::info!(%remote, peer = %r.peer_id, "session resumed");
                                        response_ok(id, &r)
                                    }
                                    None => response_error(Some(id), &ErrorBody::new(ErrorCode::Internal, "resumed session has no peer")),
                                }
                            }
                            None => {
                                let e = ErrorBody::new(ErrorCode::SessionExpired, "no session to resume with this token (unknown, used, expired, or it missed notifications): join again");
                                ctx.counters.error(e.code.as_str());
                                response_error(Some(id), &e)
                            }
                        }
                    }
                    Ok(request) => {
                        let method = request.method.name();
                        let id = request.id;
                        match session.handle(request).await {
                            Ok(text) => text,
                            Err(e) => {
                                tracing::debug!(method, code = e.code.as_str(), message = %e.message, "request failed");
                                ctx.counters.error(e.code.as_str());
                                response_error(Some(id), &e)
                            }
                        }
                    }
                    Err(rejected) => {
                        ctx.counters.error(rejected.error.code.as_str());
                        response_error(rejected.id, &rejected.error)
                    }
                };
                if send(&mut socket, reply.into()).await.is_err() {
                    break End::Lost("send failed".into());
                }
            }
            Some(event) = events.recv() => {
                if let Some(text) = session.on_event(event) {
                    if send(&mut socket, Utf8Bytes::from(&*text)).await.is_err() {
                        break End::Lost("send failed".into());
                    }
                }
                if session.overflowed() {
                    break End::Close(close_code::TOO_SLOW, "notification queue overflowed");
                }
            }
            _ = heartbeat.tick() => {
                if last_seen.elapsed() > heartbeat_timeout {
                    break End::Close(close_code::HEARTBEAT_TIMEOUT, "heartbeat timeout");
                }
                if send_message(&mut socket, Message::Ping(Default::default())).await.is_err() {
                    break End::Lost("ping failed".into());
                }
            }
        }
    };

    let peer = session.peer_id().map(str::to_string);
    // A connection that died (rather than one closed on purpose, or by us for cause) keeps its
    // session for a while: the client may come back with `resume`. A silent client (heartbeat
    // timeout) counts as died.
    let resumable = matches!(end, End::Lost(_) | End::Close(close_code::HEARTBEAT_TIMEOUT, _));
    let grace = Duration::from_secs(limits.resume_grace_secs);
    match session.resume_token().map(str::to_string) {
        Some(token) if resumable && !grace.is_zero() && !ctx.shutdown.is_cancelled() && !session.overflowed() => {
            let max = limits.max_parked_sessions;
            if ctx
                .parked
                .park(token, session, events, grace, max, ctx.shutdown.clone(), &ctx.sessions)
            {
                tracing::info!(%remote, ?peer, grace_secs = grace.as_secs(), "session parked for resume");
            }
        }
        _ => session.release(),
    }
    match end {
        End::ClientClosed => tracing::debug!(%remote, ?peer, "connection closed by client"),
        End::Lost(e) => tracing::info!(%remote, ?peer, error = %e, "connection lost"),
        End::Close(code, reason) => {
            tracing::info!(%remote, ?peer, code, reason, "closing connection");
            let frame = CloseFrame {
                code,
                reason: reason.into(),
            };
            if send_message(&mut socket, Message::Close(Some(frame))).await.is_ok() {
                // Complete the closing handshake: dropping a socket with unread input makes the
                // kernel send a reset, and the client would lose the close frame and its code.
                let _ = timeout(CLOSE_HANDSHAKE, async {
                    while let Some(Ok(m)) = socket.recv().await {
                        if matches!(m, Message::Close(_)) {
                            break;
                        }
                    }
                })
                .await;
            }
        }
    }
}

/// The session parked under `token`, unless the server is going away.
fn resume_session(
    ctx: &ServerContext,
    token: &str,
) -> Option<(Session, tokio::sync::mpsc::Receiver<crate::room::PeerEvent>)> {
    if ctx.shutdown.is_cancelled() {
        return None;
    }
    Parked::take(&ctx.parked, token)
}

/// A frame or message over the configured maximum (tungstenite refuses to buffer it).
fn is_capacity_error(e: axum::Error) -> bool {
    matches!(
        e.into_inner().downcast_ref::<tokio_tungstenite::tungstenite::Error>(),
        Some(tokio_tungstenite::tungstenite::Error::Capacity(_))
    )
}

async fn reply_error(ctx: &ServerContext, socket: &mut WebSocket, id: Option<u64>, e: &ErrorBody) -> Result<(), ()> {
    ctx.counters.error(e.code.as_str());
    send(socket, response_error(id, e).into()).await
}

async fn send(socket: &mut WebSocket, text: Utf8Bytes) -> Result<(), ()> {
    send_message(socket, Message::Text(text)).await
}

async fn send_message(socket: &mut WebSocket, message: Message) -> Result<(), ()> {
    match timeout(SEND_TIMEOUT, socket.send(message)).await {
        Ok(Ok(())) => Ok(()),
        _ => Err(()),
    }
}
