//! One WebSocket as the signaling protocol sees it: text frames in (size and rate limits, the
//! frames that are not requests answered or dropped), text out with a send timeout, pings, and
//! the close handshake. The session logic above it only sees requests and replies.

use std::borrow::Cow;
use std::num::NonZeroU32;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use tokio::time::{timeout, Instant};

use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::config::Limits;
use crate::protocol::{response_error, ErrorBody, ErrorCode};
use crate::stats::ServerCounters;

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
    /// No `join` (or `resume`) within `limits.join_deadline_secs` of connecting or leaving.
    pub const JOIN_DEADLINE: u16 = 4004;
    /// A moderator removed the peer from its room (after a `removed` notification).
    pub const REMOVED: u16 = 4005;
    /// A moderator closed the room (after a `roomClosed` notification).
    pub const ROOM_CLOSED: u16 = 4006;
}

/// A client that keeps sending after this many consecutive `rate_limited` answers is cut off.
const MAX_CONSECUTIVE_REJECTIONS: u32 = 200;
/// A client that does not take a frame within this time is considered gone.
const SEND_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a closing connection waits for the client's close frame.
const CLOSE_HANDSHAKE: Duration = Duration::from_secs(2);
/// How long an unreadable socket is held after its close frame went out (see `close`).
const CLOSE_LINGER: Duration = Duration::from_millis(500);

/// Why a connection ended; logged, and used to pick the close frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum End {
    /// The client sent a close frame: it meant to go.
    ClientClosed,
    /// The connection died under the session (no close frame, an I/O error, a silent client):
    /// a joined session is parked for `resume`.
    Lost(&'static str),
    Close(u16, Cow<'static, str>),
}

impl End {
    /// Whether the client may come back with `resume`: the connection died rather than being
    /// closed on purpose (a silent client, past the heartbeat timeout, counts as died).
    pub fn resumable(&self) -> bool {
        matches!(self, End::Lost(_) | End::Close(close_code::HEARTBEAT_TIMEOUT, _))
    }
}

/// What came in.
pub(crate) enum Incoming {
    /// A text frame within the limits: a request to parse.
    Request(Utf8Bytes),
    /// A frame refused by a limit or the protocol; answer the error and go on.
    Refused(ErrorBody),
    /// Nothing to do (a ping or pong).
    Nothing,
    /// The connection is over.
    End(End),
}

pub(crate) struct Connection {
    socket: WebSocket,
    limiter: DefaultDirectRateLimiter,
    /// Consecutive frames refused by the rate limiter.
    rejections: u32,
    messages_per_second: u32,
    max_message_bytes: usize,
    last_seen: Instant,
    /// Counts the frames received (text and binary).
    counters: Arc<ServerCounters>,
}

impl Connection {
    pub fn new(socket: WebSocket, limits: &Limits, counters: Arc<ServerCounters>) -> Connection {
        let per_second = NonZeroU32::new(limits.messages_per_second).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new(limits.message_burst).unwrap_or(NonZeroU32::MIN);
        Connection {
            socket,
            limiter: RateLimiter::direct(Quota::per_second(per_second).allow_burst(burst)),
            rejections: 0,
            messages_per_second: limits.messages_per_second,
            max_message_bytes: limits.max_message_bytes,
            last_seen: Instant::now(),
            counters,
        }
    }

    /// The next frame, judged against the limits.
    pub async fn recv(&mut self) -> Incoming {
        let message = match self.socket.recv().await {
            None => return Incoming::End(End::Lost("connection ended without a close frame")),
            Some(Err(e)) if is_capacity_error(&e) => {
                return Incoming::End(End::Close(
                    close_code::TOO_BIG,
                    "frame over limits.max_frame_bytes".into(),
                ))
            }
            Some(Err(_)) => return Incoming::End(End::Lost("socket error")),
            Some(Ok(m)) => m,
        };
        self.last_seen = Instant::now();
        match message {
            Message::Text(text) => self.judge(text),
            // A binary frame costs an answer like a text one, so it is rate limited like one.
            Message::Binary(_) => self.over_rate().unwrap_or_else(|| {
                Incoming::Refused(ErrorBody::new(
                    ErrorCode::BadRequest,
                    "binary frames are not part of the protocol; send JSON text",
                ))
            }),
            Message::Ping(_) | Message::Pong(_) => Incoming::Nothing,
            Message::Close(_) => Incoming::End(End::ClientClosed),
        }
    }

    /// Counts a text or binary frame against the rate limit: what to do instead of handling
    /// it when it is over.
    fn over_rate(&mut self) -> Option<Incoming> {
        self.counters.messages.fetch_add(1, Ordering::Relaxed);
        if self.limiter.check().is_err() {
            self.rejections += 1;
            if self.rejections > MAX_CONSECUTIVE_REJECTIONS {
                return Some(Incoming::End(End::Close(
                    close_code::POLICY,
                    "message flood over the rate limit".into(),
                )));
            }
            return Some(Incoming::Refused(ErrorBody::new(
                ErrorCode::RateLimited,
                format!("over {} messages per second; slow down", self.messages_per_second),
            )));
        }
        self.rejections = 0;
        None
    }

    /// A text frame against the rate and size limits.
    fn judge(&mut self, text: Utf8Bytes) -> Incoming {
        if let Some(over) = self.over_rate() {
            return over;
        }
        if text.len() > self.max_message_bytes {
            return Incoming::Refused(ErrorBody::new(
                ErrorCode::TooLarge,
                format!(
                    "message of {} bytes is over the limit of {}",
                    text.len(),
                    self.max_message_bytes
                ),
            ));
        }
        Incoming::Request(text)
    }

    /// Time since the client last sent anything (a pong included).
    pub fn silent_for(&self) -> Duration {
        self.last_seen.elapsed()
    }

    pub async fn send_text(&mut self, text: Utf8Bytes) -> Result<(), End> {
        self.send(Message::Text(text), "send failed").await
    }

    pub async fn send_error(&mut self, id: Option<u64>, e: &ErrorBody) -> Result<(), End> {
        self.send_text(response_error(id, e).into()).await
    }

    pub async fn ping(&mut self) -> Result<(), End> {
        self.send(Message::Ping(Default::default()), "ping failed").await
    }

    async fn send(&mut self, message: Message, failed: &'static str) -> Result<(), End> {
        match timeout(SEND_TIMEOUT, self.socket.send(message)).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(End::Lost(failed)),
        }
    }

    /// Sends the close frame and waits (bounded) for the client's: dropping a socket with
    /// unread input makes the kernel send a reset, and the client would lose the frame and code.
    pub async fn close(mut self, code: u16, reason: Cow<'static, str>) {
        let frame = CloseFrame {
            code,
            reason: Utf8Bytes::from(reason.into_owned()),
        };
        if self.send(Message::Close(Some(frame)), "close failed").await.is_ok() {
            let answered = timeout(CLOSE_HANDSHAKE, async {
                while let Some(read) = self.socket.recv().await {
                    match read {
                        Ok(Message::Close(_)) => return true,
                        Ok(_) => {}
                        Err(_) => return false,
                    }
                }
                false
            })
            .await;
            // The socket cannot be read any more: an error now, or one returned before (after
            // a frame over the limit the stream is fused and yields nothing, while the rest of
            // that frame is still unread in the kernel). Dropping it at once would reset the
            // connection, and the client could lose the close frame before reading it. Held a
            // little while, it is read first.
            if let Ok(false) = answered {
                tokio::time::sleep(CLOSE_LINGER).await;
            }
        }
    }
}

/// A frame or message over the configured maximum (tungstenite refuses to buffer it).
fn is_capacity_error(e: &axum::Error) -> bool {
    use std::error::Error;
    matches!(
        e.source()
            .and_then(|s| s.downcast_ref::<tokio_tungstenite::tungstenite::Error>()),
        Some(tokio_tungstenite::tungstenite::Error::Capacity(_))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lost_connections_and_silent_clients_may_resume() {
        assert!(End::Lost("socket error").resumable());
        assert!(End::Close(close_code::HEARTBEAT_TIMEOUT, "heartbeat timeout".into()).resumable());
        assert!(!End::ClientClosed.resumable());
        assert!(!End::Close(close_code::TOO_SLOW, "notification queue overflowed".into()).resumable());
        assert!(!End::Close(close_code::TOKEN_EXPIRED, "token expired".into()).resumable());
    }
}
