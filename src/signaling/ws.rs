//! The loop of one connection: requests in, replies and notifications out, heartbeat, drain,
//! token expiry and shutdown; then the session is parked for `resume` or released. The socket's
//! framing and limits are in [`Connection`], the requests' handling in [`Session`].

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{Utf8Bytes, WebSocket};
use tokio::sync::mpsc;
use tokio::time::{Instant, MissedTickBehavior};

use super::connection::{close_code, Connection, End, Incoming};
use super::hub::SignalingHub;
use super::limiter::ConnectionPermit;
use super::session::Session;
use crate::auth::Identity;
use crate::context::Context;
use crate::feed::FeedEvent;
use crate::link::PeerEvent;
use crate::protocol::{
    parse_request, response_error, response_ok, ErrorBody, ErrorCode, Method, Notification, Request,
};

/// One connection's state while it runs.
struct Live {
    ctx: Arc<Context>,
    hub: Arc<SignalingHub>,
    conn: Connection,
    session: Session,
    events: mpsc::Receiver<PeerEvent>,
    told_draining: bool,
    remote: SocketAddr,
    /// The client's address (behind a trusted proxy: the one it forwarded), for the caps on
    /// parked sessions.
    client: IpAddr,
    /// Since when the connection has been without a room (opened, or left); `None` while joined.
    unjoined_since: Option<Instant>,
    /// The viewer's feed is inside an utterance (its last feed event was a switch, not a wait;
    /// events queued before an unsubscribe may come after it, so it is read with
    /// `Session::has_feed`).
    feed_playing: bool,
    /// A drain's `redirect` held back until the feed's utterance ends, at the latest then.
    redirect_by: Option<Instant>,
}

/// What woke the loop.
enum Step {
    Drain,
    /// A held-back `redirect` is due (the feed's utterance did not end in time).
    Redirect,
    JoinDeadline,
    TokenExpired,
    Shutdown,
    Incoming(Incoming),
    Event(PeerEvent),
    Heartbeat,
}

/// Where a connection comes from: the socket's peer, and the client as the limits see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin {
    pub remote: SocketAddr,
    pub client: IpAddr,
}

/// Runs one connection to its end and releases everything it held.
pub(crate) async fn run(
    ctx: Arc<Context>,
    hub: Arc<SignalingHub>,
    socket: WebSocket,
    origin: Origin,
    _permit: ConnectionPermit,
    identity: Option<Identity>,
) {
    let Origin { remote, client } = origin;
    let conn = Connection::new(socket, &ctx.config.limits, Arc::clone(&ctx.counters));
    let (session, events) = Session::new(Arc::clone(&ctx), hub.draining().clone(), identity);
    tracing::debug!(%remote, %client, "connection opened");
    let mut live = Live {
        ctx,
        hub,
        conn,
        session,
        events,
        told_draining: false,
        remote,
        client,
        unjoined_since: Some(Instant::now()),
        feed_playing: false,
        redirect_by: None,
    };
    let end = live.serve().await;
    live.finish(end).await;
}

impl Live {
    async fn serve(&mut self) -> End {
        let mut heartbeat = tokio::time::interval(self.ctx.config.heartbeat_interval());
        heartbeat.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let join_deadline = Duration::from_secs(self.ctx.config.limits.join_deadline_secs);
        loop {
            let token_left = self.session.token_remaining();
            let join_by = self.unjoined_since.map(|since| since + join_deadline);
            let step = tokio::select! {
                _ = self.hub.draining().cancelled(), if !self.told_draining => Step::Drain,
                _ = sleep_until_or_never(self.redirect_by) => Step::Redirect,
                _ = sleep_until_or_never(join_by) => Step::JoinDeadline,
                _ = sleep_or_never(token_left) => Step::TokenExpired,
                _ = self.ctx.shutdown.cancelled() => Step::Shutdown,
                incoming = self.conn.recv() => Step::Incoming(incoming),
                Some(event) = self.events.recv() => Step::Event(event),
                _ = heartbeat.tick() => Step::Heartbeat,
            };
            if let Err(end) = self.step(step).await {
                return end;
            }
            self.unjoined_since = match (self.session.peer_id(), self.unjoined_since) {
                (Some(_), _) => None,
                (None, None) => Some(Instant::now()),
                (None, since) => since,
            };
        }
    }

    /// What the peer hears when the server drains: a cluster node sends its peers to the node
    /// it handed its rooms over to; otherwise `serverDraining`.
    fn drain_notification(&self) -> Notification {
        match self.hub.redirect() {
            Some(url) => Notification::Redirect {
                url,
                reason: "node draining: its rooms moved".into(),
            },
            None => Notification::ServerDraining {
                reason: "server draining".into(),
                deadline_ms: self.hub.drain_deadline_ms(),
            },
        }
    }

    /// When a held-back `redirect` goes at the latest: the longest an utterance lasts, and
    /// a second before the drain's deadline.
    fn redirect_deadline(&self) -> Instant {
        let longest = Duration::from_millis(self.ctx.config.buffer.max_utterance_ms);
        let left = self.hub.drain_left().saturating_sub(Duration::from_secs(1));
        Instant::now() + longest.min(left)
    }

    async fn send_drain_notification(&mut self) -> Result<(), End> {
        self.redirect_by = None;
        let n = self.drain_notification();
        self.conn.send_text(n.to_text().into()).await
    }

    async fn step(&mut self, step: Step) -> Result<(), End> {
        match step {
            Step::Drain => {
                self.told_draining = true;
                if self.hub.redirect().is_some() && self.feed_playing && self.session.has_feed() {
                    // A feed viewer moves between utterances: it hears this one to its end
                    // (the next feed event), not cut where the drain found it.
                    self.redirect_by = Some(self.redirect_deadline());
                    return Ok(());
                }
                self.send_drain_notification().await
            }
            Step::Redirect => self.send_drain_notification().await,
            Step::JoinDeadline => {
                let secs = self.ctx.config.limits.join_deadline_secs;
                Err(End::Close(
                    close_code::JOIN_DEADLINE,
                    format!("no join within {secs} s").into(),
                ))
            }
            Step::TokenExpired => Err(End::Close(close_code::TOKEN_EXPIRED, "token expired".into())),
            Step::Shutdown => {
                let n = Notification::ServerShutdown {
                    reason: "server shutting down".into(),
                    reconnect_after_ms: 1000,
                };
                let _ = self.conn.send_text(n.to_text().into()).await;
                Err(End::Close(close_code::GOING_AWAY, "server shutting down".into()))
            }
            Step::Incoming(Incoming::Request(text)) => {
                let reply = self.answer(text.as_str()).await;
                self.conn.send_text(reply.into()).await?;
                if self.redirect_by.is_some() && !self.session.has_feed() {
                    // The feed it was held for is gone (unsubscribed, or the peer left): no
                    // feed event will end the hold.
                    return self.send_drain_notification().await;
                }
                Ok(())
            }
            Step::Incoming(Incoming::Refused(e)) => {
                self.ctx.counters.error(e.code.as_str());
                self.conn.send_error(None, &e).await
            }
            Step::Incoming(Incoming::Nothing) => Ok(()),
            Step::Incoming(Incoming::End(end)) => Err(end),
            Step::Event(PeerEvent::Removed { peer_id, reason }) => {
                self.moderated(
                    &peer_id,
                    Notification::Removed {
                        reason: reason.to_string(),
                    },
                    close_code::REMOVED,
                    "removed by a moderator",
                )
                .await
            }
            Step::Event(PeerEvent::RoomClosed { peer_id, reason }) => {
                self.moderated(
                    &peer_id,
                    Notification::RoomClosed {
                        reason: reason.to_string(),
                    },
                    close_code::ROOM_CLOSED,
                    "room closed by a moderator",
                )
                .await
            }
            Step::Event(event) => self.on_event(event).await,
            Step::Heartbeat => {
                if self.conn.silent_for() > self.ctx.config.heartbeat_timeout() {
                    return Err(End::Close(close_code::HEARTBEAT_TIMEOUT, "heartbeat timeout".into()));
                }
                self.conn.ping().await
            }
        }
    }

    /// An event for the client (the room's, the feed's, mediasoup's); a held-back `redirect`
    /// follows the feed's next switch or wait, the end of its utterance.
    async fn on_event(&mut self, event: PeerEvent) -> Result<(), End> {
        let boundary = match &event {
            PeerEvent::Feed(FeedEvent::Switched { .. }) => Some(true),
            PeerEvent::Feed(FeedEvent::Waiting { .. }) => Some(false),
            _ => None,
        };
        if let Some(text) = self.session.on_event(event) {
            self.conn.send_text(Utf8Bytes::from(&*text)).await?;
        }
        if self.session.overflowed() {
            return Err(End::Close(close_code::TOO_SLOW, "notification queue overflowed".into()));
        }
        if let Some(playing) = boundary {
            self.feed_playing = playing;
            if self.redirect_by.is_some() {
                return self.send_drain_notification().await;
            }
        }
        Ok(())
    }

    /// A moderator removed the peer or closed its room: the client is told, the session is
    /// released (so its resume token dies with it) and the socket closes with `code`.
    async fn moderated(&mut self, target: &str, told: Notification, code: u16, why: &'static str) -> Result<(), End> {
        // A late event for a peer this session no longer is (it left, maybe joined again).
        let Some(peer) = self.session.peer_id().filter(|p| *p == target).map(str::to_string) else {
            return Ok(());
        };
        let _ = self.conn.send_text(told.to_text().into()).await;
        self.session.release();
        tracing::info!(remote = %self.remote, %peer, code, why, "peer ended by a moderator");
        Err(End::Close(code, why.into()))
    }

    /// The response frame for one request.
    async fn answer(&mut self, text: &str) -> String {
        match parse_request(text) {
            Ok(Request {
                id,
                method: Method::Resume(resume),
            }) if self.session.peer_id().is_none() => self.resume(id, &resume.resume_token),
            Ok(request) => {
                let method = request.method.name();
                let id = request.id;
                match self.session.handle(request).await {
                    Ok(text) => text,
                    Err(e) => {
                        tracing::debug!(method, code = e.code.as_str(), message = %e.message, "request failed");
                        self.ctx.counters.error(e.code.as_str());
                        response_error(Some(id), &e)
                    }
                }
            }
            Err(rejected) => {
                self.ctx.counters.error(rejected.error.code.as_str());
                response_error(rejected.id, &rejected.error)
            }
        }
    }

    /// Swaps the session parked under `token` in for this fresh, unjoined one.
    fn resume(&mut self, id: u64, token: &str) -> String {
        let parked = if self.ctx.shutdown.is_cancelled() {
            None
        } else {
            self.hub.parked.take(token)
        };
        let Some((session, events)) = parked else {
            let e = ErrorBody::new(
                ErrorCode::SessionExpired,
                "no session to resume with this token (unknown, used, expired, or it missed notifications): join again",
            );
            self.ctx.counters.error(e.code.as_str());
            return response_error(Some(id), &e);
        };
        // The fresh, unjoined session goes; the parked one carries on here.
        self.session = session;
        self.events = events;
        self.told_draining = false;
        self.feed_playing = false;
        self.redirect_by = None;
        match self.session.resumed() {
            Some(r) => {
                tracing::info!(remote = %self.remote, peer = %r.peer_id, "session resumed");
                response_ok(id, &r)
            }
            None => response_error(
                Some(id),
                &ErrorBody::new(ErrorCode::Internal, "resumed session has no peer"),
            ),
        }
    }

    /// Parks the session for `resume` if the connection died under it, else releases it; then
    /// closes the socket as `end` says.
    async fn finish(self, end: End) {
        let Live {
            ctx,
            hub,
            conn,
            mut session,
            events,
            remote,
            client,
            ..
        } = self;
        let peer = session.peer_id().map(str::to_string);
        let limits = &ctx.config.limits;
        let grace = Duration::from_secs(limits.resume_grace_secs);
        match session.resume_token().map(str::to_string) {
            Some(token)
                if end.resumable() && !grace.is_zero() && !ctx.shutdown.is_cancelled() && !session.overflowed() =>
            {
                let parked = hub
                    .parked
                    .park(token, session, events, client, grace, &ctx.shutdown, &hub.sessions);
                if parked {
                    tracing::info!(%remote, ?peer, grace_secs = grace.as_secs(), "session parked for resume");
                }
            }
            _ => session.release(),
        }
        match end {
            End::ClientClosed => tracing::debug!(%remote, ?peer, "connection closed by client"),
            End::Lost(e) => tracing::info!(%remote, ?peer, error = %e, "connection lost"),
            End::Close(code, reason) => {
                tracing::info!(%remote, ?peer, code, %reason, "closing connection");
                conn.close(code, reason).await;
            }
        }
    }
}

async fn sleep_until_or_never(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

async fn sleep_or_never(left: Option<Duration>) {
    match left {
        Some(left) => tokio::time::sleep(left).await,
        None => std::future::pending().await,
    }
}
