//! One signaling session: the state of one WebSocket connection (joined or not, its `Peer`) and
//! the handling of each request. The socket loop around it lives in `ws.rs`.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::command::{Command, SessionCommand};
use super::wire;
use crate::auth::{turn_ice_servers, Identity};
use crate::context::Context;
use crate::dump::PeerDump;
use crate::link::{PeerEvent, PeerInfo, PeerLink, PeerQueue};
use crate::peer::Peer;
use crate::protocol::{
    response_ok, EmptyResponse, ErrorBody, ErrorCode, Join, JoinResponse, Method, Notification, PingResponse,
    RefreshToken, Request, ResumeResponse, RouterCapabilitiesResponse,
};
use crate::role::Role;
use crate::room_name::RoomName;

/// Queue depth of room notifications and mediasoup events for one session.
pub(crate) const EVENT_QUEUE: usize = 1024;

const MAX_DISPLAY_NAME: usize = 64;

pub(crate) struct Session {
    ctx: Arc<Context>,
    /// The signaling hub's drain signal: no joins once it is cancelled.
    draining: CancellationToken,
    queue: PeerQueue,
    peer: Option<Peer>,
    /// Set on join: what `resume` presents to take this session back.
    resume_token: Option<String>,
    /// Who is connected: from the Bearer header at first, then from join's token.
    identity: Option<Identity>,
}

/// 122 random bits, hex: unguessable, and safe in JSON and logs' field syntax.
fn new_resume_token() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

fn unix_now() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

impl Session {
    pub(crate) fn new(
        ctx: Arc<Context>,
        draining: CancellationToken,
        identity: Option<Identity>,
    ) -> (Session, mpsc::Receiver<PeerEvent>) {
        let (queue, rx) = PeerQueue::new(EVENT_QUEUE);
        (
            Session {
                ctx,
                draining,
                queue,
                peer: None,
                resume_token: None,
                identity,
            },
            rx,
        )
    }

    /// True once a notification could not be queued (see `PeerQueue::overflowed`).
    pub(crate) fn overflowed(&self) -> bool {
        self.queue.overflowed()
    }

    /// Resolves once a moderator ends this session's peer (see `PeerQueue::ended`); never
    /// before it joined.
    pub(crate) fn ended(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let peer = self.peer_id().map(|p| self.queue.ended(p));
        async move {
            match peer {
                Some(ended) => ended.await,
                None => std::future::pending().await,
            }
        }
    }

    /// True while the peer is joined and subscribed to the feed.
    pub(crate) fn has_feed(&self) -> bool {
        self.peer.as_ref().is_some_and(|p| p.has_feed())
    }

    pub(crate) fn peer_id(&self) -> Option<&str> {
        self.peer.as_ref().map(|p| p.id.as_str())
    }

    /// The room's name, when joined.
    pub(crate) fn room_id(&self) -> Option<&str> {
        self.peer.as_ref().map(|p| p.room().id())
    }

    /// The user (the token's uid, or the peer id without auth), when joined.
    pub(crate) fn uid(&self) -> Option<Arc<str>> {
        self.peer.as_ref().map(|p| Arc::clone(&p.uid))
    }

    /// The admin dump of the peer, when joined.
    pub(crate) fn dump(&self) -> Option<PeerDump> {
        self.peer.as_ref().map(Peer::dump)
    }

    /// The token to park this session under, when it is joined.
    pub(crate) fn resume_token(&self) -> Option<&str> {
        self.peer.as_ref().and(self.resume_token.as_deref())
    }

    /// What the resumed client gets back; the token is replaced (each one works once).
    pub(crate) fn resumed(&mut self) -> Option<ResumeResponse> {
        let peer = self.peer.as_ref()?;
        let token = new_resume_token();
        self.resume_token = Some(token.clone());
        let media = peer.media_state();
        let producers = media.producers.clone();
        let feed_consumer_id = media.feed_consumer;
        let (transports, consumers) = wire::resumed(media);
        Some(ResumeResponse {
            peer_id: peer.id.clone(),
            room: peer.room().id().to_string(),
            role: peer.role,
            resume_token: token,
            transports,
            producers,
            consumers,
            feed_consumer_id,
        })
    }

    /// Time left before the session's token expires (the connection closes then), if it has one.
    pub(crate) fn token_remaining(&self) -> Option<Duration> {
        self.identity.as_ref().map(|id| id.remaining(SystemTime::now()))
    }

    /// Handles one request; the text is the response frame.
    pub(crate) async fn handle(&mut self, request: Request) -> Result<String, ErrorBody> {
        let id = request.id;
        if self.ctx.shutdown.is_cancelled() && !matches!(request.method, Method::Leave | Method::Ping) {
            return Err(ErrorBody::new(ErrorCode::ShuttingDown, "the server is shutting down"));
        }
        if self.draining.is_cancelled() && matches!(request.method, Method::Join(_)) {
            return Err(ErrorBody::new(
                ErrorCode::ShuttingDown,
                "the server is draining and takes no new joins; connect to another instance",
            ));
        }
        let name = request.method.name();
        match Command::from(request.method) {
            Command::Session(command) => self.apply(id, command).await,
            Command::Peer(command) => {
                let peer = self.peer.as_mut().ok_or_else(|| {
                    ErrorBody::new(
                        ErrorCode::NotJoined,
                        format!("{name} needs a joined room; send join first"),
                    )
                })?;
                command.apply(id, peer, &self.ctx).await
            }
        }
    }

    async fn apply(&mut self, id: u64, command: SessionCommand) -> Result<String, ErrorBody> {
        Ok(match command {
            SessionCommand::GetRouterRtpCapabilities => response_ok(
                id,
                &RouterCapabilitiesResponse {
                    router_rtp_capabilities: self.ctx.pool.router_rtp_capabilities().clone(),
                },
            ),
            SessionCommand::Join(join) => response_ok(id, &self.join(join).await?),
            SessionCommand::RefreshToken(r) => response_ok(id, &self.refresh_token(r).await?),
            // A fresh connection's `resume` is answered by the socket loop, which swaps the
            // parked session in; here the session is joined already.
            SessionCommand::Resume => {
                return Err(ErrorBody::new(
                    ErrorCode::AlreadyJoined,
                    "resume: this connection is already in a room; resume on a new connection",
                ))
            }
            SessionCommand::Ping => response_ok(
                id,
                &PingResponse {
                    pong: true,
                    time_ms: unix_now().as_millis() as u64,
                },
            ),
            SessionCommand::Leave => {
                if self.peer.is_none() {
                    return Err(ErrorBody::new(ErrorCode::NotJoined, "leave: not in a room"));
                }
                self.release();
                response_ok(id, &EmptyResponse {})
            }
        })
    }

    /// Takes a fresh token for the joined peer: the same user, with a role that still allows the
    /// peer's; the connection then closes at the new token's `exp` instead of the old one's.
    async fn refresh_token(&mut self, refresh: RefreshToken) -> Result<EmptyResponse, ErrorBody> {
        let Some(peer) = &self.peer else {
            return Err(ErrorBody::new(ErrorCode::NotJoined, "refreshToken: not in a room"));
        };
        let fresh = self.ctx.auth.admit(Some(&refresh.token), None, peer.role).await?;
        if let (Some(fresh), Some(current)) = (&fresh, &self.identity) {
            if fresh.uid != current.uid {
                return Err(ErrorBody::new(
                    ErrorCode::Forbidden,
                    "refreshToken: the token is another user's; join again to change user",
                ));
            }
        }
        if fresh.is_some() {
            self.identity = fresh;
        }
        Ok(EmptyResponse {})
    }

    /// Checks the join's fields; the room's name when they are fine.
    fn check_join(&self, join: &Join) -> Result<RoomName, ErrorBody> {
        if let Some(peer) = &self.peer {
            return Err(ErrorBody::new(
                ErrorCode::AlreadyJoined,
                format!("already in room {:?}; leave first", peer.room().id()),
            ));
        }
        let room =
            RoomName::parse(&join.room).map_err(|e| ErrorBody::new(ErrorCode::InvalidParams, format!("join: {e}")))?;
        if join
            .display_name
            .as_ref()
            .is_some_and(|n| n.chars().count() > MAX_DISPLAY_NAME)
        {
            return Err(ErrorBody::new(
                ErrorCode::InvalidParams,
                format!("join: displayName is longer than {MAX_DISPLAY_NAME} characters"),
            ));
        }
        Ok(room)
    }

    async fn join(&mut self, join: Join) -> Result<JoinResponse, ErrorBody> {
        let room_name = self.check_join(&join)?;
        let identity = self
            .ctx
            .auth
            .admit(join.token.as_deref(), self.identity.as_ref(), join.role)
            .await?;
        let peer_id = uuid::Uuid::new_v4().to_string();
        // Without auth each peer is its own user.
        let uid: Arc<str> = identity
            .as_ref()
            .map_or_else(|| Arc::from(peer_id.as_str()), |id| Arc::clone(&id.uid));
        self.ctx.rooms.check_ban(room_name.as_str(), &uid)?;
        let info = PeerInfo {
            peer_id,
            uid: Arc::clone(&uid),
            display_name: join.display_name,
            role: join.role,
        };
        let link = PeerLink {
            info: info.clone(),
            queue: self.queue.clone(),
        };
        let admission = match &self.ctx.cluster {
            Some(cluster) => Some(cluster.admit(room_name.as_str(), info.role).await?),
            None => None,
        };
        let (room, snapshot) = self
            .ctx
            .rooms
            .join(&self.ctx.pool, room_name.as_str(), link.clone())
            .await?;
        if let (Some(cluster), Some(admission)) = (&self.ctx.cluster, &admission) {
            cluster.joined(&room, admission);
        }
        let placement = match room.place(&self.ctx.pool, info.role).await {
            Ok(placement) => placement,
            Err(e) => {
                self.ctx.rooms.leave(&room, &info.peer_id);
                return Err(e.into());
            }
        };
        tracing::info!(room = room.id(), peer = %info.peer_id, %uid, role = ?info.role, worker = placement.media().worker().index(), "peer joined");
        let config = &self.ctx.config;
        let resume_token = new_resume_token();
        self.resume_token = Some(resume_token.clone());
        let ice_servers = turn_ice_servers(&config.ice_servers, &config.turn, &uid, unix_now().as_secs());
        let response = JoinResponse {
            peer_id: info.peer_id.clone(),
            room: room.id().to_string(),
            role: info.role,
            resume_token,
            router_rtp_capabilities: room.media().router().rtp_capabilities().clone(),
            ice_servers: ice_servers.into_iter().map(wire::ice_server).collect(),
            peers: snapshot.peers.into_iter().map(wire::peer_info).collect(),
            producers: snapshot.producers.into_iter().map(wire::producer_info).collect(),
        };
        let mut peer = Peer::new(
            room,
            placement,
            link,
            info.role,
            join.rtp_capabilities,
            Arc::clone(&self.ctx.counters),
            Arc::clone(&self.ctx.recording),
        );
        peer.uid = uid;
        self.peer = Some(peer);
        if identity.is_some() {
            self.identity = identity;
        }
        Ok(response)
    }

    /// Leaves the room (if any) and closes every mediasoup object of the peer.
    pub(crate) fn release(&mut self) {
        if let Some(peer) = self.peer.take() {
            let room = Arc::clone(peer.room());
            let peer_id = peer.id.clone();
            let (t, p, c) = peer.counts();
            let was_broadcaster = peer.role == Role::Broadcaster;
            // Close the media objects before telling the room, so that when others hear
            // `producerClosed` the producer is really gone.
            drop(peer);
            if was_broadcaster {
                // Feeds playing this speaker switch now rather than at the truncated end.
                self.ctx
                    .recording
                    .feeds
                    .speaker_gone(Arc::from(room.id()), Arc::from(peer_id.as_str()));
            }
            self.ctx.rooms.leave(&room, &peer_id);
            tracing::info!(room = room.id(), peer = %peer_id, transports = t, producers = p, consumers = c, "peer left");
        }
    }

    /// Turns an event from the room, the feed engine or mediasoup into a frame for the client,
    /// if any.
    pub(crate) fn on_event(&mut self, event: PeerEvent) -> Option<Arc<str>> {
        match event {
            PeerEvent::Room(notice) => {
                self.peer.as_ref()?;
                Some(notice.text(|event| wire::room_notification(event).to_text()))
            }
            PeerEvent::Feed(event) => {
                self.peer.as_ref()?;
                wire::feed_notification(&event).map(|n| n.to_text().into())
            }
            PeerEvent::ConsumerClosed {
                consumer_id,
                producer_id,
            } => {
                let peer = self.peer.as_mut()?;
                peer.consumer_closed(&consumer_id).then(|| {
                    Notification::ConsumerClosed {
                        consumer_id,
                        producer_id,
                    }
                    .to_text()
                    .into()
                })
            }
            PeerEvent::Inspect(reply) => {
                if let Some(peer) = &self.peer {
                    let _ = reply.send(peer.dump());
                }
                None
            }
            // The socket loop handles these itself (they end the connection).
            PeerEvent::Removed { .. } | PeerEvent::RoomClosed { .. } => None,
            PeerEvent::MediaReset { reason, survivors } => {
                let peer = self.peer.as_mut()?;
                peer.reset_media(&survivors).then(|| {
                    Notification::MediaReset {
                        reason: reason.to_string(),
                    }
                    .to_text()
                    .into()
                })
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.release();
    }
}
