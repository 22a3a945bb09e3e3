//! One signaling session: the state of one WebSocket connection (joined or not, its `Peer`) and
//! the handling of each request. The socket loop around it lives in `ws.rs`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::mpsc;

use crate::auth::{turn_ice_servers, Identity};
use crate::peer::Peer;
use crate::room::{PeerEvent, PeerLink, RoomError};
use crate::room_name::RoomName;
use crate::server::ServerContext;
use crate::protocol::{
    response_ok, EmptyResponse, ErrorBody, ErrorCode, Join, JoinResponse, Method, Notification, PeerInfo, PingResponse,
    ProduceResponse, Request, RestartIceResponse, ResumeResponse, Role, RouterCapabilitiesResponse,
};

/// Queue depth of room notifications and mediasoup events for one session.
pub(crate) const EVENT_QUEUE: usize = 1024;

pub(crate) struct Session {
    ctx: Arc<ServerContext>,
    events: mpsc::Sender<PeerEvent>,
    overflowed: Arc<AtomicBool>,
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

const MAX_DISPLAY_NAME: usize = 64;

impl Session {
    pub(crate) fn new(ctx: Arc<ServerContext>, identity: Option<Identity>) -> (Session, mpsc::Receiver<PeerEvent>) {
        let (events, rx) = mpsc::channel(EVENT_QUEUE);
        (
            Session {
                ctx,
                events,
                overflowed: Arc::new(AtomicBool::new(false)),
                peer: None,
                resume_token: None,
                identity,
            },
            rx,
        )
    }

    /// True once a notification could not be queued (see `PeerLink::overflowed`).
    pub(crate) fn overflowed(&self) -> bool {
        self.overflowed.load(Ordering::Acquire)
    }

    pub(crate) fn peer_id(&self) -> Option<&str> {
        self.peer.as_ref().map(|p| p.id.as_str())
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
        let (transports, producers, consumers, feed_consumer_id) = peer.resume_state();
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
        if self.ctx.draining.is_cancelled() && matches!(request.method, Method::Join(_)) {
            return Err(ErrorBody::new(
                ErrorCode::ShuttingDown,
                "the server is draining and takes no new joins; connect to another instance",
            ));
        }
        let limits = &self.ctx.config.limits;
        Ok(match request.method {
            Method::GetRouterRtpCapabilities => response_ok(
                id,
                &RouterCapabilitiesResponse {
                    router_rtp_capabilities: self.ctx.pool.router_rtp_capabilities().clone(),
                },
            ),
            Method::Join(join) => response_ok(id, &self.join(join).await?),
            // A fresh connection's `resume` is answered by the socket loop, which swaps the
            // parked session in; here the session is joined already.
            Method::Resume(_) => {
                return Err(ErrorBody::new(
                    ErrorCode::AlreadyJoined,
                    "resume: this connection is already in a room; resume on a new connection",
                ))
            }
            Method::Ping => response_ok(
                id,
                &PingResponse {
                    pong: true,
                    time_ms: SystemTime::now()
                        .duration_since(UNIX_EPOCH)
                        .map_or(0, |d| d.as_millis() as u64),
                },
            ),
            Method::Leave => {
                self.leave()?;
                response_ok(id, &EmptyResponse {})
            }
            method => {
                let name = method.name();
                let peer = self.peer.as_mut().ok_or_else(|| {
                    ErrorBody::new(
                        ErrorCode::NotJoined,
                        format!("{name} needs a joined room; send join first"),
                    )
                })?;
                match method {
                    Method::CreateTransport(m) => response_ok(id, &peer.create_transport(m.direction, limits).await?),
                    Method::ConnectTransport(m) => {
                        peer.connect_transport(m.transport_id, m.dtls_parameters).await?;
                        response_ok(id, &EmptyResponse {})
                    }
                    Method::Produce(m) => {
                        let producer_id = peer.produce(m.transport_id, m.kind, m.rtp_parameters, limits).await?;
                        response_ok(id, &ProduceResponse { producer_id })
                    }
                    Method::Consume(m) => response_ok(id, &peer.consume(m.transport_id, m.producer_id, limits).await?),
                    Method::ResumeConsumer(m) => {
                        peer.resume_consumer(m.consumer_id).await?;
                        response_ok(id, &EmptyResponse {})
                    }
                    Method::PauseConsumer(m) => {
                        peer.pause_consumer(m.consumer_id).await?;
                        response_ok(id, &EmptyResponse {})
                    }
                    Method::PauseProducer(m) => {
                        peer.set_producer_paused(m.producer_id, true).await?;
                        response_ok(id, &EmptyResponse {})
                    }
                    Method::ResumeProducer(m) => {
                        peer.set_producer_paused(m.producer_id, false).await?;
                        response_ok(id, &EmptyResponse {})
                    }
                    Method::CloseProducer(m) => {
                        peer.close_producer(m.producer_id)?;
                        response_ok(id, &EmptyResponse {})
                    }
                    Method::SetPreferredLayers(m) => {
                        peer.set_preferred_layers(m.consumer_id, m.spatial_layer, m.temporal_layer)
                            .await?;
                        response_ok(id, &EmptyResponse {})
                    }
                    Method::SubscribeFeed(m) => response_ok(
                        id,
                        &peer
                            .subscribe_feed(m.transport_id, m.video, &self.ctx.recording.feeds, limits)
                            .await?,
                    ),
                    Method::UnsubscribeFeed => {
                        peer.unsubscribe_feed()?;
                        response_ok(id, &EmptyResponse {})
                    }
                    Method::Skip => {
                        peer.skip()?;
                        response_ok(id, &EmptyResponse {})
                    }
                    Method::SetPreferences(m) => {
                        peer.set_preferences(m.favour, m.mute)?;
                        response_ok(id, &EmptyResponse {})
                    }
                    Method::RestartIce(m) => response_ok(
                        id,
                        &RestartIceResponse {
                            ice_parameters: peer.restart_ice(m.transport_id).await?,
                        },
                    ),
                    Method::GetRouterRtpCapabilities
                    | Method::Join(_)
                    | Method::Resume(_)
                    | Method::Leave
                    | Method::Ping => {
                        unreachable!("handled above")
                    }
                }
            }
        })
    }

    async fn join(&mut self, join: Join) -> Result<JoinResponse, ErrorBody> {
        if let Some(peer) = &self.peer {
            return Err(ErrorBody::new(
                ErrorCode::AlreadyJoined,
                format!("already in room {:?}; leave first", peer.room().id()),
            ));
        }
        let room_name = RoomName::parse(&join.room)
            .map_err(|e| ErrorBody::new(ErrorCode::InvalidParams, format!("join: {e}")))?;
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
        let identity = self
            .ctx
            .auth
            .admit(join.token.as_deref(), self.identity.as_ref(), join.role)
            .await?;
        let info = PeerInfo {
            peer_id: uuid::Uuid::new_v4().to_string(),
            display_name: join.display_name,
            role: join.role,
        };
        let link = PeerLink {
            info: info.clone(),
            events: self.events.clone(),
            overflowed: Arc::clone(&self.overflowed),
        };
        let (room, snapshot) = self
            .ctx
            .rooms
            .join(&self.ctx.pool, room_name.as_str(), link.clone())
            .await
            .map_err(|e| match e {
                RoomError::Full(_) | RoomError::TooManyRooms(_) => ErrorBody::new(ErrorCode::RoomFull, e.to_string()),
                e => ErrorBody::new(ErrorCode::Internal, e.to_string()),
            })?;
        // Without auth each peer is its own user.
        let uid: Arc<str> = identity
            .as_ref()
            .map_or_else(|| Arc::from(info.peer_id.as_str()), |id| Arc::clone(&id.uid));
        tracing::info!(room = room.id(), peer = %info.peer_id, %uid, role = ?info.role, "peer joined");
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs();
        let config = &self.ctx.config;
        let resume_token = new_resume_token();
        self.resume_token = Some(resume_token.clone());
        let response = JoinResponse {
            peer_id: info.peer_id.clone(),
            room: room.id().to_string(),
            role: info.role,
            resume_token,
            router_rtp_capabilities: room.media().router().rtp_capabilities().clone(),
            ice_servers: turn_ice_servers(&config.ice_servers, &config.turn, &uid, now),
            peers: snapshot.peers,
            producers: snapshot.producers,
        };
        let mut peer = Peer::new(
            room,
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

    fn leave(&mut self) -> Result<(), ErrorBody> {
        if self.peer.is_none() {
            return Err(ErrorBody::new(ErrorCode::NotJoined, "leave: not in a room"));
        }
        self.release();
        Ok(())
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

    /// Turns an event from the room or mediasoup into a frame for the client, if any.
    pub(crate) fn on_event(&mut self, event: PeerEvent) -> Option<Arc<str>> {
        match event {
            PeerEvent::Notify(text) => self.peer.as_ref().map(|_| text),
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
            PeerEvent::MediaReset { reason } => {
                let peer = self.peer.as_mut()?;
                peer.reset_media().then(|| {
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
