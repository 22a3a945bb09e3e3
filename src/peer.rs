//! A peer's mediasoup objects: its WebRTC transports, producers and consumers.
//!
//! The `Peer` is owned by its signaling session, so no lock guards these maps; dropping the
//! `Peer` closes every object it holds (mediasoup closes an object when its last handle drops),
//! which is how a leaving peer or a dead socket is cleaned up.

use std::collections::HashMap;
use std::sync::Arc;

use event_listener_primitives::HandlerId;
use mediasoup::direct_transport::ConsumerAddress;
use mediasoup::prelude::*;
use mediasoup::producer::DirectProducer;
use mediasoup::types::data_structures::{IceState, TransportTuple};
use mediasoup::webrtc_transport::WebRtcTransportOptions;
use mediasoup::worker::RequestError;

use crate::buffer::Speaker;
use crate::config::Limits;
use crate::dump::{ConsumerDump, FeedDump, PeerDump, ProducerDump, TransportDump};
use crate::feed::engine::{FeedEngine, FeedProducers, FeedViewer, Subscription};
use crate::feed::rtcp::RtcpRegistration;
use crate::link::{PeerEvent, PeerLink, ProducerInfo, RoomEvent, RoomNotice};
use crate::pipe::{Pipe, PipeError};
use crate::recommend::Preferences;
use crate::recording::{tap, Recording, SpeakerRecording, Tap, TapError};
use crate::role::Role;
use crate::room::{Placement, Room, RoomMedia};
use crate::rtp_params;
use crate::stats::{Counter, ServerCounters};
use crate::topic::Topics;
use crate::workers::WorkerPool;

/// Which way a WebRTC transport carries media, seen from the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The client sends (a broadcaster's producers).
    Send,
    /// The client receives (consumers, the feed).
    Recv,
}

/// Why a peer's request was refused. Each message says what to do; the signaling edge maps the
/// variant to the protocol's error code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeerError {
    /// The peer's role does not allow this.
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("a peer may have at most {max} {what}")]
    LimitExceeded { what: &'static str, max: usize },
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    WrongDirection(&'static str),
    #[error("{0}")]
    InvalidParams(String),
    #[error("{0}")]
    CannotConsume(String),
    #[error("already subscribed to the feed")]
    AlreadySubscribed,
    /// One consumer per producer and peer: a second one would only multiply egress.
    #[error("already consuming producer {producer_id} with consumer {consumer_id}")]
    AlreadyConsuming {
        producer_id: ProducerId,
        consumer_id: ConsumerId,
    },
    /// mediasoup refused the operation: the client's parameters or state.
    #[error("{what}: {message}")]
    Media { what: &'static str, message: String },
    /// The media worker of this peer (or of the room's home) died; `mediaReset` is on its way
    /// to the client.
    #[error("this peer's media worker died; set up media again after the mediaReset notification")]
    MediaReset,
    #[error("producer {0} was muted by a moderator; it stays paused until they unmute it")]
    MutedByModerator(ProducerId),
    #[error("{0}")]
    Internal(String),
}

impl PeerError {
    fn not_found(what: &str, id: impl std::fmt::Display) -> PeerError {
        PeerError::NotFound(format!("no {what} {id} on this peer"))
    }

    fn not_subscribed() -> PeerError {
        PeerError::NotFound("not subscribed to the feed; send subscribeFeed first".into())
    }

    fn media(what: &'static str, e: impl std::fmt::Display) -> PeerError {
        PeerError::Media {
            what,
            message: e.to_string(),
        }
    }
}

/// The transports, producers and consumers a resumed session still has.
pub(crate) struct PeerMedia {
    pub transports: Vec<(TransportId, Direction)>,
    pub producers: Vec<ProducerId>,
    /// (consumer, its producer), the feed's consumer not included.
    pub consumers: Vec<(ConsumerId, ProducerId)>,
    pub feed_consumer: Option<ConsumerId>,
}

struct PeerTransport {
    transport: WebRtcTransport,
    direction: Direction,
    _handlers: [HandlerId; 2],
}

struct PeerConsumer {
    consumer: Consumer,
    _on_producer_close: HandlerId,
    /// The pipe from the room's home router, for a consumer on another router; dropped after
    /// the consumer, so the last consumer of a pipe closes it.
    _pipe: Option<Arc<Pipe>>,
}

pub(crate) struct Peer {
    pub id: String,
    /// The user: the token's uid, or the peer id without auth. Tags producers and utterances.
    pub uid: Arc<str>,
    pub role: Role,
    pub rtp_capabilities: Option<RtpCapabilities>,
    room: Arc<Room>,
    link: PeerLink,
    // Field order is drop order: the feed, consumers, then producers, then the transports.
    feed: Option<FeedSubscription>,
    consumers: HashMap<ConsumerId, PeerConsumer>,
    /// Each audio and video producer's tap into the utterance buffer; dropped before the
    /// producer.
    taps: HashMap<ProducerId, Tap>,
    /// The recorder the taps share, made at the first produce.
    speaker: Option<SpeakerRecording>,
    producers: HashMap<ProducerId, Producer>,
    transports: HashMap<TransportId, PeerTransport>,
    /// The room's router this peer's objects live on (the room may have moved off it since: see
    /// [`Peer::reset_media`]); none after a reset until the next `createTransport` places the
    /// peer again. Dropped after the objects on it.
    placement: Option<Placement>,
    counters: Arc<ServerCounters>,
    recording: Arc<Recording>,
    _counted: Counter,
}

/// The viewer's feed: the engine's subscription and the consumers that carry it.
struct FeedSubscription {
    consumer_id: ConsumerId,
    video_consumer_id: Option<ConsumerId>,
    /// Routes the viewer's key frame requests to the feed (video feeds); dropped first.
    _rtcp: Option<RtcpRegistration>,
    subscription: Subscription,
    _counted: Counter,
}

/// A mediasoup enum's name as it appears in JSON (`completed`, `udp`, `audio`).
fn json_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::from("?"),
    }
}

/// What a failed `consume` of `producer_id` tells the client; `gone`: the producer was a peer's and
/// has left the room since.
fn consume_error(e: ConsumeError, producer_id: &ProducerId, gone: bool) -> PeerError {
    match e {
        ConsumeError::ProducerNotFound(_) => PeerError::NotFound(format!(
            "no producer {producer_id} in this room (it may just have closed)"
        )),
        ConsumeError::FailedRtpCapabilitiesValidation(_) | ConsumeError::BadConsumerRtpParameters(_) => {
            PeerError::CannotConsume(format!("your rtpCapabilities cannot receive this producer: {e}"))
        }
        // The producer closed while the worker was creating the consumer.
        _ if gone => PeerError::NotFound(format!("no producer {producer_id} in this room (it just closed)")),
        ConsumeError::Request(e) => request_error("consume", e),
    }
}

/// What a failed `produce` tells the client: parameters mediasoup refuses are the client's to fix.
fn produce_error(e: ProduceError) -> PeerError {
    match e {
        ProduceError::IncorrectRtpParameters(_) | ProduceError::FailedRtpParametersMapping(_) => {
            PeerError::InvalidParams(format!("rtpParameters: {e}"))
        }
        ProduceError::Request(e) => request_error("produce", e),
        e => PeerError::media("produce", e),
    }
}

/// A consumer request that failed because the consumer closed under it (its producer went away
/// and `consumerClosed` is on its way to the client) is `not_found`, not a media error.
fn consumer_error(c: &Consumer, what: &'static str, e: RequestError) -> PeerError {
    if c.closed() {
        PeerError::NotFound(format!("{what}: consumer {} closed with its producer", c.id()))
    } else {
        request_error(what, e)
    }
}

/// A request to the worker that found its channel closed: the worker died (or is being closed)
/// between the peer's check of its media and the request, before the death was handled. That is
/// `media_reset` (the client's `mediaReset` follows), not a media error the client should give up
/// on.
fn request_error(what: &'static str, e: RequestError) -> PeerError {
    match e {
        RequestError::ChannelClosed => PeerError::MediaReset,
        e => PeerError::media(what, e),
    }
}

impl Peer {
    pub(crate) fn new(
        room: Arc<Room>,
        placement: Placement,
        link: PeerLink,
        role: Role,
        rtp_capabilities: Option<RtpCapabilities>,
        counters: Arc<ServerCounters>,
        recording: Arc<Recording>,
    ) -> Peer {
        Peer {
            id: link.info.peer_id.clone(),
            uid: Arc::from(link.info.peer_id.as_str()),
            role,
            rtp_capabilities,
            _counted: counters.peers.count(),
            placement: Some(placement),
            room,
            link,
            feed: None,
            consumers: HashMap::new(),
            taps: HashMap::new(),
            speaker: None,
            producers: HashMap::new(),
            transports: HashMap::new(),
            counters,
            recording,
        }
    }

    pub fn room(&self) -> &Arc<Room> {
        &self.room
    }

    /// Catches up with a worker death: if the peer's router is gone (its worker died, or the
    /// room's home moved), drops every transport, producer, consumer, tap and the feed (they
    /// died with the worker, or hang on producers that did) and the placement; the next
    /// `createTransport` places the peer again. The client forgets the room's producers on
    /// `mediaReset`: the `survivors` (other peers' producers still on the home router) are
    /// announced again after it, through the peer's own queue. False when the peer's router is
    /// still the room's (nothing to tell).
    pub(crate) fn reset_media(&mut self, survivors: &[Arc<RoomNotice>]) -> bool {
        let Some(placement) = &self.placement else {
            return false;
        };
        if self.room.is_current(placement.media()) {
            return false;
        }
        let worker = placement.media().worker().index();
        let (t, p, c) = self.counts();
        self.feed = None;
        self.consumers.clear();
        self.taps.clear();
        self.producers.clear();
        self.transports.clear();
        self.placement = None;
        for notice in survivors {
            if !matches!(&notice.event, RoomEvent::NewProducer(info) if info.peer_id == self.id) {
                self.link.send(PeerEvent::Room(Arc::clone(notice)));
            }
        }
        tracing::info!(room = self.room.id(), peer = %self.id, worker, transports = t, producers = p, consumers = c, survivors = survivors.len(), "peer media reset");
        true
    }

    /// The router the peer's objects live on; requests on objects of a dead worker (or of a
    /// room that moved its home) fail with `media_reset` (not a media error): the client's
    /// `mediaReset` notification is on its way.
    fn media(&self) -> Result<&Arc<RoomMedia>, PeerError> {
        let media = self.placement.as_ref().ok_or(PeerError::MediaReset)?.media();
        if !self.room.is_current(media) {
            return Err(PeerError::MediaReset);
        }
        Ok(media)
    }

    fn check_media(&self) -> Result<(), PeerError> {
        match &self.placement {
            Some(_) => self.media().map(|_| ()),
            None => Ok(()),
        }
    }

    /// What the admin API shows of this peer.
    pub(crate) fn dump(&self) -> PeerDump {
        let mut transports: Vec<TransportDump> = self
            .transports
            .iter()
            .map(|(id, t)| TransportDump {
                id: id.to_string(),
                direction: match t.direction {
                    Direction::Send => "send",
                    Direction::Recv => "recv",
                }
                .to_string(),
                ice_state: json_name(&t.transport.ice_state()),
                dtls_state: json_name(&t.transport.dtls_state()),
                tuple: t.transport.ice_selected_tuple().map(|tuple| match tuple {
                    TransportTuple::WithRemote {
                        local_address,
                        local_port,
                        remote_ip,
                        remote_port,
                        protocol,
                    } => format!(
                        "{} {remote_ip}:{remote_port} -> {local_address}:{local_port}",
                        json_name(&protocol)
                    ),
                    TransportTuple::LocalOnly {
                        local_address,
                        local_port,
                        protocol,
                    } => format!("{} {local_address}:{local_port}", json_name(&protocol)),
                }),
            })
            .collect();
        transports.sort_by(|a, b| a.id.cmp(&b.id));
        let mut producers: Vec<ProducerDump> = self
            .producers
            .iter()
            .map(|(id, p)| ProducerDump {
                id: id.to_string(),
                kind: json_name(&p.kind()),
                paused: p.paused(),
                recorded: self.taps.contains_key(id),
            })
            .collect();
        producers.sort_by(|a, b| a.id.cmp(&b.id));
        let mut consumers: Vec<ConsumerDump> = self
            .consumers
            .iter()
            .map(|(id, c)| ConsumerDump {
                id: id.to_string(),
                producer_id: c.consumer.producer_id().to_string(),
                kind: json_name(&c.consumer.kind()),
                paused: c.consumer.paused(),
                producer_paused: c.consumer.producer_paused(),
            })
            .collect();
        consumers.sort_by(|a, b| a.id.cmp(&b.id));
        PeerDump {
            peer_id: self.id.clone(),
            display_name: self.link.info.display_name.clone(),
            role: self.role.as_str().to_string(),
            worker: self.placement.as_ref().map(|p| p.media().worker().index()),
            busy: false,
            transports,
            producers,
            consumers,
            feed: self.feed.as_ref().map(|f| FeedDump {
                consumer_id: f.consumer_id.to_string(),
            }),
        }
    }

    /// Transports, producers, consumers and the feed consumer, for a resumed session.
    pub(crate) fn media_state(&self) -> PeerMedia {
        let feed_consumer = self.feed.as_ref().map(|f| f.consumer_id);
        PeerMedia {
            transports: self.transports.iter().map(|(id, t)| (*id, t.direction)).collect(),
            producers: self.producers.keys().copied().collect(),
            consumers: self
                .consumers
                .iter()
                .filter(|(id, _)| Some(**id) != feed_consumer)
                .map(|(id, c)| (*id, c.consumer.producer_id()))
                .collect(),
            feed_consumer,
        }
    }

    /// True while the peer is subscribed to the feed.
    pub fn has_feed(&self) -> bool {
        self.feed.is_some()
    }

    pub fn counts(&self) -> (usize, usize, usize) {
        (self.transports.len(), self.producers.len(), self.consumers.len())
    }

    /// A new WebRTC transport on the peer's router (the client connects it next); after a
    /// media reset, places the peer again first.
    pub(crate) async fn create_transport(
        &mut self,
        direction: Direction,
        limits: &Limits,
        pool: &WorkerPool,
    ) -> Result<WebRtcTransport, PeerError> {
        if direction == Direction::Send && self.role != Role::Broadcaster {
            return Err(PeerError::Forbidden("only broadcasters may create a send transport"));
        }
        if self.transports.len() >= limits.max_transports_per_peer {
            return Err(PeerError::LimitExceeded {
                what: "transports",
                max: limits.max_transports_per_peer,
            });
        }
        if self.placement.is_none() {
            let placement = self.room.place(pool, self.role).await.map_err(|e| {
                tracing::warn!(room = self.room.id(), peer = %self.id, error = %e, "cannot place the peer");
                PeerError::Internal(format!("cannot place the peer on a media worker: {e}"))
            })?;
            self.placement = Some(placement);
        }
        let media = self.media()?;
        let mut options = WebRtcTransportOptions::new_with_server(media.worker().webrtc_server().clone());
        options.enable_udp = true;
        options.enable_tcp = true;
        options.prefer_udp = true;
        let transport = media
            .router()
            .create_webrtc_transport(options)
            .await
            .map_err(|e| PeerError::Internal(format!("cannot create transport: {e}")))?;
        let counted = self.counters.transports.count();
        let (peer, id) = (self.id.clone(), transport.id());
        transport
            .on_close(Box::new(move || {
                tracing::debug!(peer = %peer, transport = %id, "transport closed");
                drop(counted);
            }))
            .detach();
        let (peer, id) = (self.id.clone(), transport.id());
        let ice = transport.on_ice_state_change(move |state| {
            // A transport that loses its network path is worth an operator's attention.
            if state == IceState::Disconnected {
                tracing::info!(peer = %peer, transport = %id, ?state, "ICE state");
            } else {
                tracing::debug!(peer = %peer, transport = %id, ?state, "ICE state");
            }
        });
        let (peer, id) = (self.id.clone(), transport.id());
        let dtls = transport.on_dtls_state_change(move |state| {
            tracing::debug!(peer = %peer, transport = %id, ?state, "DTLS state");
        });
        tracing::debug!(peer = %self.id, transport = %transport.id(), ?direction, "transport created");
        self.transports.insert(
            transport.id(),
            PeerTransport {
                transport: transport.clone(),
                direction,
                _handlers: [ice, dtls],
            },
        );
        Ok(transport)
    }

    fn transport(&self, id: &TransportId) -> Result<&PeerTransport, PeerError> {
        self.check_media()?;
        self.transports
            .get(id)
            .ok_or_else(|| PeerError::not_found("transport", id))
    }

    pub(crate) async fn connect_transport(
        &self,
        id: TransportId,
        dtls_parameters: DtlsParameters,
    ) -> Result<(), PeerError> {
        let t = self.transport(&id)?;
        t.transport
            .connect(WebRtcTransportRemoteParameters { dtls_parameters })
            .await
            .map_err(|e| request_error("connectTransport", e))
    }

    pub(crate) async fn restart_ice(&self, id: TransportId) -> Result<IceParameters, PeerError> {
        let t = self.transport(&id)?;
        t.transport
            .restart_ice()
            .await
            .map_err(|e| request_error("restartIce", e))
    }

    pub(crate) async fn produce(
        &mut self,
        transport_id: TransportId,
        kind: MediaKind,
        rtp_parameters: RtpParameters,
        app_data: Option<&serde_json::Value>,
        limits: &Limits,
    ) -> Result<ProducerId, PeerError> {
        if self.role != Role::Broadcaster {
            return Err(PeerError::Forbidden("only broadcasters may produce"));
        }
        let t = self.transport(&transport_id)?;
        if t.direction != Direction::Send {
            return Err(PeerError::WrongDirection(
                "produce needs a send transport; this one is recv",
            ));
        }
        // Before mediasoup sees them: its checks are few, and what it accepts becomes every
        // consumer's parameters.
        rtp_params::validate_producer(kind, &rtp_parameters).map_err(|e| PeerError::InvalidParams(e.to_string()))?;
        let topics = Topics::from_app_data(app_data).map_err(|e| PeerError::InvalidParams(e.to_string()))?;
        if self.producers.len() >= limits.max_producers_per_peer {
            return Err(PeerError::LimitExceeded {
                what: "producers",
                max: limits.max_producers_per_peer,
            });
        }
        let producer = t
            .transport
            .produce(ProducerOptions::new(kind, rtp_parameters))
            .await
            .map_err(produce_error)?;
        let counted = self.counters.producers.count();
        let (peer, id) = (self.id.clone(), producer.id());
        producer
            .on_close(move || {
                tracing::info!(peer = %peer, producer = %id, "producer closed");
                drop(counted);
            })
            .detach();
        tracing::info!(room = self.room.id(), peer = %self.id, producer = %id, ?kind, "producer created");
        let media = Arc::clone(self.media()?);
        let speaker = self.speaker.get_or_insert_with(|| {
            let speaker = Speaker {
                uid: Arc::clone(&self.uid),
                peer: Arc::from(self.id.as_str()),
            };
            SpeakerRecording::new(&self.room, speaker, &self.recording)
        });
        if !topics.is_empty() {
            speaker.set_topics(topics);
        }
        match tap(&self.room, &media, &producer, speaker, &self.recording).await {
            Ok(t) => {
                self.taps.insert(id, t);
            }
            Err(e @ (TapError::SecondCamera | TapError::NotVp8)) => {
                tracing::warn!(room = self.room.id(), peer = %self.id, producer = %id, error = %e, "producer not recorded")
            }
            // Live consumers still work; only the buffer misses this speaker.
            Err(e) => {
                tracing::error!(room = self.room.id(), peer = %self.id, producer = %id, error = %e, "tap failed")
            }
        }
        let weak = producer.downgrade();
        self.producers.insert(id, producer);
        self.room.add_producer(
            ProducerInfo {
                producer_id: id,
                peer_id: self.id.clone(),
                kind,
                paused: false,
            },
            weak,
        );
        Ok(id)
    }

    pub(crate) async fn consume(
        &mut self,
        transport_id: TransportId,
        producer_id: ProducerId,
        limits: &Limits,
    ) -> Result<Consumer, PeerError> {
        if !self.room.has_producer(&producer_id) {
            self.recv_transport(&transport_id)?;
            return Err(PeerError::NotFound(format!("no producer {producer_id} in this room")));
        }
        if let Some(consumer_id) = self
            .consumers
            .iter()
            .find_map(|(id, c)| (c.consumer.producer_id() == producer_id).then_some(*id))
        {
            return Err(PeerError::AlreadyConsuming {
                producer_id,
                consumer_id,
            });
        }
        self.consume_producer(transport_id, producer_id, true, limits).await
    }

    /// The recv transport `id`, and the peer's receive capabilities.
    fn recv_transport(&self, id: &TransportId) -> Result<(&PeerTransport, &RtpCapabilities), PeerError> {
        let Some(caps) = &self.rtp_capabilities else {
            return Err(PeerError::InvalidParams(
                "join with rtpCapabilities before consuming".into(),
            ));
        };
        let t = self.transport(id)?;
        if t.direction != Direction::Recv {
            return Err(PeerError::WrongDirection(
                "consuming needs a recv transport; this one is send",
            ));
        }
        Ok((t, caps))
    }

    /// A paused consumer of any producer on the room's router (a peer's, or this peer's feed).
    /// `from_room`: a peer's producer (which may close at any time), not this peer's own feed.
    async fn consume_producer(
        &mut self,
        transport_id: TransportId,
        producer_id: ProducerId,
        from_room: bool,
        limits: &Limits,
    ) -> Result<Consumer, PeerError> {
        let (t, caps) = self.recv_transport(&transport_id)?;
        if self.consumers.len() >= limits.max_consumers_per_peer {
            return Err(PeerError::LimitExceeded {
                what: "consumers",
                max: limits.max_consumers_per_peer,
            });
        }
        // A peer's producer lives on the room's home router: a viewer placed elsewhere consumes
        // its pipe into the viewer's router.
        let pipe = if from_room { self.pipe(producer_id).await? } else { None };
        // No `router.can_consume` check first: it also says no for a producer that has just closed
        // while the room still lists it for a moment, which answered a churn race with
        // `cannot_consume` (found by a 10-minute soak). `consume` tells the two apart.
        let mut options = ConsumerOptions::new(producer_id, caps.clone());
        // Paused until the client has set up its side and calls resumeConsumer, so the first
        // packets (and the video key frame) are not lost.
        options.paused = true;
        let consumer = t
            .transport
            .consume(options)
            .await
            .map_err(|e| consume_error(e, &producer_id, from_room && !self.room.has_producer(&producer_id)))?;
        let counted = self.counters.consumers.count();
        let (peer, consumer_id) = (self.id.clone(), consumer.id());
        tracing::debug!(peer = %peer, consumer = %consumer_id, producer = %producer_id, "consumer created");
        consumer
            .on_close(move || {
                tracing::debug!(peer = %peer, consumer = %consumer_id, "consumer closed");
                drop(counted);
            })
            .detach();
        let link = self.link.clone();
        let on_producer_close = consumer.on_producer_close(move || {
            link.send(PeerEvent::ConsumerClosed {
                consumer_id,
                producer_id,
            });
        });
        self.consumers.insert(
            consumer_id,
            PeerConsumer {
                consumer: consumer.clone(),
                _on_producer_close: on_producer_close,
                _pipe: pipe,
            },
        );
        Ok(consumer)
    }

    /// The pipe of a room's producer into this peer's router; none on the home router.
    async fn pipe(&self, producer_id: ProducerId) -> Result<Option<Arc<Pipe>>, PeerError> {
        let media = self.media()?;
        if media.is_home() {
            return Ok(None);
        }
        let home = self.room.media();
        if home.worker().is_dead() {
            return Err(PeerError::MediaReset);
        }
        match media.pipes().lease(home.router(), media.router(), producer_id).await {
            Ok(pipe) => Ok(Some(pipe)),
            Err(PipeError::NoProducer(_)) => Err(PeerError::NotFound(format!(
                "no producer {producer_id} in this room (it just closed)"
            ))),
            Err(e) => Err(PeerError::media("consume", e)),
        }
    }

    /// Starts this viewer's rerouted feed: a DirectTransport producer per kind on the viewer's
    /// router that the feed engine fills utterance by utterance (through the DirectTransport,
    /// which hands each packet to the producer its SSRC names), each consumed (paused) on
    /// `transport_id`. Video only when asked for. Returns the audio and video consumers.
    pub(crate) async fn subscribe_feed(
        &mut self,
        transport_id: TransportId,
        video: bool,
        feeds: &FeedEngine,
        limits: &Limits,
    ) -> Result<(Consumer, Option<Consumer>, &'static str), PeerError> {
        if self.feed.is_some() {
            return Err(PeerError::AlreadySubscribed);
        }
        self.recv_transport(&transport_id)?;
        let wanted = if video { 2 } else { 1 };
        if self.consumers.len() + wanted > limits.max_consumers_per_peer {
            return Err(PeerError::LimitExceeded {
                what: "consumers",
                max: limits.max_consumers_per_peer,
            });
        }
        let feed_rtcp = Arc::clone(self.media()?.feed_rtcp());
        let plan = feeds.plan(self.room.feed_codecs(), video);
        let transport = self
            .media()?
            .direct_transport()
            .await
            .map_err(|e| PeerError::Internal(format!("feed transport: {e}")))?
            .clone();
        let (producer, consumer) = self
            .feed_producer(
                &transport,
                transport_id,
                MediaKind::Audio,
                plan.audio_parameters(),
                limits,
            )
            .await?;
        let (video_producer, video_consumer) = match plan.video_parameters() {
            None => (None, None),
            Some(parameters) => match self
                .feed_producer(&transport, transport_id, MediaKind::Video, parameters, limits)
                .await
            {
                Ok((p, c)) => (Some(p), Some(c)),
                Err(e) => {
                    self.consumers.remove(&consumer.id());
                    return Err(e);
                }
            },
        };
        let viewer = FeedViewer {
            room: Arc::from(self.room.id()),
            peer: Arc::from(self.id.as_str()),
            uid: Arc::clone(&self.uid),
            link: self.link.clone(),
        };
        let audio_address = self.address_feed_audio(&transport, &consumer).await;
        let producers = FeedProducers {
            transport,
            audio: producer,
            video: video_producer,
            audio_consumer: consumer.clone(),
            audio_address,
            codecs: self.room.feed_codecs().clone(),
        };
        let subscription = feeds.subscribe(plan, viewer, producers);
        let recommender = subscription.recommender();
        // The viewer's PLI/FIR on its video consumer reaches the feed through its router's RTCP.
        let rtcp = subscription
            .video_ssrc()
            .map(|ssrc| feed_rtcp.register(ssrc, subscription.key()));
        tracing::info!(room = self.room.id(), peer = %self.id, producer = %consumer.producer_id(), video, "feed subscribed");
        self.feed = Some(FeedSubscription {
            consumer_id: consumer.id(),
            video_consumer_id: video_consumer.as_ref().map(Consumer::id),
            _rtcp: rtcp,
            subscription,
            _counted: self.counters.feeds.count(),
        });
        Ok((consumer, video_consumer, recommender))
    }

    /// One of the feed's DirectTransport producers, and this viewer's paused consumer of it.
    /// The feed's own audio goes straight to the viewer's consumer, skipping the producer and
    /// the router; if the worker refuses (`None`), it goes through the producer as before.
    async fn address_feed_audio(&self, transport: &DirectTransport, consumer: &Consumer) -> Option<ConsumerAddress> {
        match transport.address_consumer(consumer).await {
            Ok(address) => Some(address),
            Err(e) => {
                tracing::warn!(room = self.room.id(), peer = %self.id, error = %e, "feed audio sent through its producer: the consumer cannot be addressed");
                None
            }
        }
    }

    async fn feed_producer(
        &mut self,
        transport: &DirectTransport,
        transport_id: TransportId,
        kind: MediaKind,
        rtp_parameters: RtpParameters,
        limits: &Limits,
    ) -> Result<(DirectProducer, Consumer), PeerError> {
        let producer = transport
            .produce(ProducerOptions::new(kind, rtp_parameters))
            .await
            .map_err(|e| PeerError::Internal(format!("feed producer: {e}")))?;
        let counted = self.counters.producers.count();
        producer.on_close(move || drop(counted)).detach();
        let producer_id = producer.id();
        let Producer::Direct(producer) = producer else {
            return Err(PeerError::Internal("a DirectTransport made a regular producer".into()));
        };
        let consumer = self.consume_producer(transport_id, producer_id, false, limits).await?;
        Ok((producer, consumer))
    }

    pub(crate) fn unsubscribe_feed(&mut self) -> Result<(), PeerError> {
        let feed = self.feed.take().ok_or_else(PeerError::not_subscribed)?;
        // Dropping the subscription closes the feed producers, and with them these consumers.
        self.consumers.remove(&feed.consumer_id);
        if let Some(id) = feed.video_consumer_id {
            self.consumers.remove(&id);
        }
        Ok(())
    }

    pub(crate) fn skip(&self) -> Result<(), PeerError> {
        self.feed
            .as_ref()
            .ok_or_else(PeerError::not_subscribed)?
            .subscription
            .skip();
        Ok(())
    }

    /// A signal for the recommender: the viewer likes what its feed plays now.
    pub(crate) fn like(&self) -> Result<(), PeerError> {
        self.feed
            .as_ref()
            .ok_or_else(PeerError::not_subscribed)?
            .subscription
            .like();
        Ok(())
    }

    pub(crate) fn set_preferences(&self, favour: Vec<String>, mute: Vec<String>) -> Result<(), PeerError> {
        const MAX: usize = 1000;
        if favour.len() + mute.len() > MAX {
            return Err(PeerError::InvalidParams(format!(
                "at most {MAX} speakers in favour and mute together"
            )));
        }
        let preferences = Preferences {
            favour: favour.into_iter().map(Arc::from).collect(),
            mute: mute.into_iter().map(Arc::from).collect(),
        };
        self.feed
            .as_ref()
            .ok_or_else(PeerError::not_subscribed)?
            .subscription
            .set_preferences(preferences);
        Ok(())
    }

    fn consumer(&self, id: &ConsumerId) -> Result<&Consumer, PeerError> {
        self.check_media()?;
        self.consumers
            .get(id)
            .map(|c| &c.consumer)
            .ok_or_else(|| PeerError::not_found("consumer", id))
    }

    pub(crate) async fn resume_consumer(&self, id: ConsumerId) -> Result<(), PeerError> {
        let c = self.consumer(&id)?;
        c.resume().await.map_err(|e| consumer_error(c, "resumeConsumer", e))
    }

    pub(crate) async fn pause_consumer(&self, id: ConsumerId) -> Result<(), PeerError> {
        let c = self.consumer(&id)?;
        c.pause().await.map_err(|e| consumer_error(c, "pauseConsumer", e))
    }

    pub(crate) async fn set_preferred_layers(
        &self,
        id: ConsumerId,
        spatial_layer: u8,
        temporal_layer: Option<u8>,
    ) -> Result<(), PeerError> {
        let c = self.consumer(&id)?;
        c.set_preferred_layers(ConsumerLayers {
            spatial_layer,
            temporal_layer,
        })
        .await
        .map_err(|e| consumer_error(c, "setPreferredLayers", e))
    }

    /// The consumer's producer closed: forget the consumer. True if it was ours.
    pub(crate) fn consumer_closed(&mut self, id: &ConsumerId) -> bool {
        self.consumers.remove(id).is_some()
    }

    fn producer(&self, id: &ProducerId) -> Result<&Producer, PeerError> {
        self.check_media()?;
        self.producers
            .get(id)
            .ok_or_else(|| PeerError::not_found("producer", id))
    }

    pub(crate) async fn set_producer_paused(&self, id: ProducerId, paused: bool) -> Result<(), PeerError> {
        let p = self.producer(&id)?;
        if !paused && self.room.is_muted(&id) {
            return Err(PeerError::MutedByModerator(id));
        }
        if paused {
            p.pause().await.map_err(|e| request_error("pauseProducer", e))?;
        } else {
            p.resume().await.map_err(|e| request_error("resumeProducer", e))?;
            // A moderator muted it while it was resuming: the mute wins.
            if self.room.is_muted(&id) {
                p.pause().await.map_err(|e| request_error("pauseProducer", e))?;
                return Err(PeerError::MutedByModerator(id));
            }
        }
        self.room.set_producer_paused(id, paused);
        Ok(())
    }

    pub(crate) fn close_producer(&mut self, id: ProducerId) -> Result<(), PeerError> {
        let producer = self
            .producers
            .remove(&id)
            .ok_or_else(|| PeerError::not_found("producer", id))?;
        self.taps.remove(&id);
        self.room.remove_producer(id);
        drop(producer);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use mediasoup::ortc::ConsumerRtpParametersError;
    use mediasoup::prelude::*;

    use mediasoup::worker::RequestError;

    use super::{consume_error, produce_error, request_error, PeerError};

    #[test]
    fn a_closed_producer_is_not_found_and_bad_capabilities_cannot_consume() {
        let id: ProducerId = "2d4ac1a6-9f5e-4bd8-8a3e-6b1f3f0c7a11".parse().unwrap();
        // The churn race: the producer is gone from the router, whatever the room still lists.
        for gone in [false, true] {
            let e = consume_error(ConsumeError::ProducerNotFound(id), &id, gone);
            assert!(matches!(e, PeerError::NotFound(_)), "{e:?}");
        }
        let bad = ConsumeError::BadConsumerRtpParameters(ConsumerRtpParametersError::NoCompatibleMediaCodecs);
        let e = consume_error(bad, &id, false);
        assert!(matches!(e, PeerError::CannotConsume(_)), "{e:?}");
        assert!(e.to_string().contains("No compatible media codecs"), "{e:?}");
    }

    #[test]
    fn a_request_to_a_worker_that_just_died_is_a_media_reset() {
        // The churn race: the worker's channel closed before its death was handled, so the
        // peer's media still looked current when the request went out.
        let id: ProducerId = "2d4ac1a6-9f5e-4bd8-8a3e-6b1f3f0c7a11".parse().unwrap();
        let e = request_error("resumeConsumer", RequestError::ChannelClosed);
        assert!(matches!(e, PeerError::MediaReset), "{e:?}");
        let e = consume_error(ConsumeError::Request(RequestError::ChannelClosed), &id, false);
        assert!(matches!(e, PeerError::MediaReset), "{e:?}");
        let e = produce_error(ProduceError::Request(RequestError::ChannelClosed));
        assert!(matches!(e, PeerError::MediaReset), "{e:?}");
        // Any other failure stays the media error it is.
        let e = request_error("resumeConsumer", RequestError::TimedOut);
        assert!(
            matches!(
                e,
                PeerError::Media {
                    what: "resumeConsumer",
                    ..
                }
            ),
            "{e:?}"
        );
    }
}
