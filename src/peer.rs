//! A peer's mediasoup objects: its WebRTC transports, producers and consumers.
//!
//! The `Peer` is owned by its signaling session, so no lock guards these maps; dropping the
//! `Peer` closes every object it holds (mediasoup closes an object when its last handle drops),
//! which is how a leaving peer or a dead socket is cleaned up.

use std::collections::HashMap;
use std::sync::Arc;

use event_listener_primitives::HandlerId;
use mediasoup::prelude::*;
use mediasoup::webrtc_transport::WebRtcTransportOptions;

use crate::config::Limits;
use crate::room::{PeerEvent, PeerLink, Room};
use crate::signaling::protocol::{
    ConsumeResponse, Direction, ErrorBody, ErrorCode, ProducerInfo, Role, TransportResponse,
};
use crate::buffer::Speaker;
use crate::stats::{Counter, ServerCounters};
use crate::tap::{tap, Recording, Tap};
use crate::workers::LoadGuard;

struct PeerTransport {
    transport: WebRtcTransport,
    direction: Direction,
    _handlers: [HandlerId; 2],
}

struct PeerConsumer {
    consumer: Consumer,
    _on_producer_close: HandlerId,
}

pub(crate) struct Peer {
    pub id: String,
    /// The user: the token's uid, or the peer id without auth. Tags producers and utterances.
    pub uid: Arc<str>,
    pub role: Role,
    pub rtp_capabilities: Option<RtpCapabilities>,
    room: Arc<Room>,
    link: PeerLink,
    // Field order is drop order: consumers, then producers, then the transports under them.
    consumers: HashMap<ConsumerId, PeerConsumer>,
    /// Each audio producer's tap into the utterance buffer; dropped before the producer.
    taps: HashMap<ProducerId, Tap>,
    producers: HashMap<ProducerId, Producer>,
    transports: HashMap<TransportId, PeerTransport>,
    counters: Arc<ServerCounters>,
    recording: Arc<Recording>,
    _load: LoadGuard,
    _counted: Counter,
}

fn not_found(what: &str, id: impl std::fmt::Display) -> ErrorBody {
    ErrorBody::new(ErrorCode::NotFound, format!("no {what} {id} on this peer"))
}

/// mediasoup refusing an operation is always the client's parameters or state.
fn media_error(what: &str, e: impl std::fmt::Display) -> ErrorBody {
    ErrorBody::new(ErrorCode::MediaError, format!("{what}: {e}"))
}

impl Peer {
    pub(crate) fn new(
        room: Arc<Room>,
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
            _load: room.worker().peer_guard(),
            _counted: counters.peers.count(),
            room,
            link,
            consumers: HashMap::new(),
            taps: HashMap::new(),
            producers: HashMap::new(),
            transports: HashMap::new(),
            counters,
            recording,
        }
    }

    pub fn room(&self) -> &Arc<Room> {
        &self.room
    }

    pub fn counts(&self) -> (usize, usize, usize) {
        (self.transports.len(), self.producers.len(), self.consumers.len())
    }

    pub(crate) async fn create_transport(
        &mut self,
        direction: Direction,
        limits: &Limits,
    ) -> Result<TransportResponse, ErrorBody> {
        if direction == Direction::Send && self.role != Role::Broadcaster {
            return Err(ErrorBody::new(
                ErrorCode::Forbidden,
                "only broadcasters may create a send transport",
            ));
        }
        if self.transports.len() >= limits.max_transports_per_peer {
            return Err(ErrorBody::new(
                ErrorCode::LimitExceeded,
                format!("a peer may have at most {} transports", limits.max_transports_per_peer),
            ));
        }
        let mut options = WebRtcTransportOptions::new_with_server(self.room.worker().webrtc_server().clone());
        options.enable_udp = true;
        options.enable_tcp = true;
        options.prefer_udp = true;
        let transport = self
            .room
            .router()
            .create_webrtc_transport(options)
            .await
            .map_err(|e| ErrorBody::new(ErrorCode::Internal, format!("cannot create transport: {e}")))?;
        let counted = self.counters.transports.count();
        transport.on_close(Box::new(move || drop(counted))).detach();
        let (peer, id) = (self.id.clone(), transport.id());
        let ice = transport.on_ice_state_change(move |state| {
            tracing::debug!(peer = %peer, transport = %id, ?state, "ICE state");
        });
        let (peer, id) = (self.id.clone(), transport.id());
        let dtls = transport.on_dtls_state_change(move |state| {
            tracing::debug!(peer = %peer, transport = %id, ?state, "DTLS state");
        });
        let response = TransportResponse {
            transport_id: transport.id(),
            direction,
            ice_parameters: transport.ice_parameters().clone(),
            ice_candidates: transport.ice_candidates().clone(),
            dtls_parameters: transport.dtls_parameters(),
        };
        tracing::debug!(peer = %self.id, transport = %transport.id(), ?direction, "transport created");
        self.transports.insert(
            transport.id(),
            PeerTransport {
                transport,
                direction,
                _handlers: [ice, dtls],
            },
        );
        Ok(response)
    }

    fn transport(&self, id: &TransportId) -> Result<&PeerTransport, ErrorBody> {
        self.transports.get(id).ok_or_else(|| not_found("transport", id))
    }

    pub(crate) async fn connect_transport(
        &self,
        id: TransportId,
        dtls_parameters: DtlsParameters,
    ) -> Result<(), ErrorBody> {
        let t = self.transport(&id)?;
        t.transport
            .connect(WebRtcTransportRemoteParameters { dtls_parameters })
            .await
            .map_err(|e| media_error("connectTransport", e))
    }

    pub(crate) async fn restart_ice(&self, id: TransportId) -> Result<IceParameters, ErrorBody> {
        let t = self.transport(&id)?;
        t.transport
            .restart_ice()
            .await
            .map_err(|e| media_error("restartIce", e))
    }

    pub(crate) async fn produce(
        &mut self,
        transport_id: TransportId,
        kind: MediaKind,
        rtp_parameters: RtpParameters,
        limits: &Limits,
    ) -> Result<ProducerId, ErrorBody> {
        if self.role != Role::Broadcaster {
            return Err(ErrorBody::new(ErrorCode::Forbidden, "only broadcasters may produce"));
        }
        let t = self.transport(&transport_id)?;
        if t.direction != Direction::Send {
            return Err(ErrorBody::new(
                ErrorCode::WrongDirection,
                "produce needs a send transport; this one is recv",
            ));
        }
        if self.producers.len() >= limits.max_producers_per_peer {
            return Err(ErrorBody::new(
                ErrorCode::LimitExceeded,
                format!("a peer may have at most {} producers", limits.max_producers_per_peer),
            ));
        }
        let producer = t
            .transport
            .produce(ProducerOptions::new(kind, rtp_parameters))
            .await
            .map_err(|e| media_error("produce", e))?;
        let counted = self.counters.producers.count();
        producer.on_close(move || drop(counted)).detach();
        let id = producer.id();
        tracing::info!(room = self.room.id(), peer = %self.id, producer = %id, ?kind, "producer created");
        if kind == MediaKind::Audio {
            let speaker = Speaker {
                uid: Arc::clone(&self.uid),
                peer: Arc::from(self.id.as_str()),
            };
            match tap(&self.room, &producer, speaker, &self.recording).await {
                Ok(t) => {
                    self.taps.insert(id, t);
                }
                // Live consumers still work; only the buffer misses this speaker.
                Err(e) => tracing::error!(room = self.room.id(), peer = %self.id, producer = %id, error = %e, "tap failed"),
            }
        }
        self.producers.insert(id, producer);
        self.room.add_producer(ProducerInfo {
            producer_id: id,
            peer_id: self.id.clone(),
            kind,
            paused: false,
        });
        Ok(id)
    }

    pub(crate) async fn consume(
        &mut self,
        transport_id: TransportId,
        producer_id: ProducerId,
        limits: &Limits,
    ) -> Result<ConsumeResponse, ErrorBody> {
        let Some(caps) = &self.rtp_capabilities else {
            return Err(ErrorBody::new(
                ErrorCode::InvalidParams,
                "join with rtpCapabilities before consuming",
            ));
        };
        let t = self.transport(&transport_id)?;
        if t.direction != Direction::Recv {
            return Err(ErrorBody::new(
                ErrorCode::WrongDirection,
                "consume needs a recv transport; this one is send",
            ));
        }
        if !self.room.has_producer(&producer_id) {
            return Err(ErrorBody::new(
                ErrorCode::NotFound,
                format!("no producer {producer_id} in this room"),
            ));
        }
        if self.consumers.len() >= limits.max_consumers_per_peer {
            return Err(ErrorBody::new(
                ErrorCode::LimitExceeded,
                format!("a peer may have at most {} consumers", limits.max_consumers_per_peer),
            ));
        }
        if !self.room.router().can_consume(&producer_id, caps) {
            return Err(ErrorBody::new(
                ErrorCode::CannotConsume,
                "your rtpCapabilities cannot receive this producer",
            ));
        }
        let mut options = ConsumerOptions::new(producer_id, caps.clone());
        // Paused until the client has set up its side and calls resumeConsumer, so the first
        // packets (and the video key frame) are not lost.
        options.paused = true;
        let consumer = t.transport.consume(options).await.map_err(|e| match e {
            ConsumeError::ProducerNotFound(_) => {
                ErrorBody::new(ErrorCode::NotFound, format!("no producer {producer_id} in this room"))
            }
            e => media_error("consume", e),
        })?;
        let counted = self.counters.consumers.count();
        consumer.on_close(move || drop(counted)).detach();
        let link = self.link.clone();
        let consumer_id = consumer.id();
        let on_producer_close = consumer.on_producer_close(move || {
            link.send(PeerEvent::ConsumerClosed {
                consumer_id,
                producer_id,
            });
        });
        let response = ConsumeResponse {
            consumer_id,
            producer_id,
            kind: consumer.kind(),
            rtp_parameters: consumer.rtp_parameters().clone(),
            consumer_type: format!("{:?}", consumer.r#type()).to_lowercase(),
            producer_paused: consumer.producer_paused(),
        };
        self.consumers.insert(
            consumer_id,
            PeerConsumer {
                consumer,
                _on_producer_close: on_producer_close,
            },
        );
        Ok(response)
    }

    fn consumer(&self, id: &ConsumerId) -> Result<&Consumer, ErrorBody> {
        self.consumers
            .get(id)
            .map(|c| &c.consumer)
            .ok_or_else(|| not_found("consumer", id))
    }

    pub(crate) async fn resume_consumer(&self, id: ConsumerId) -> Result<(), ErrorBody> {
        self.consumer(&id)?
            .resume()
            .await
            .map_err(|e| media_error("resumeConsumer", e))
    }

    pub(crate) async fn pause_consumer(&self, id: ConsumerId) -> Result<(), ErrorBody> {
        self.consumer(&id)?
            .pause()
            .await
            .map_err(|e| media_error("pauseConsumer", e))
    }

    pub(crate) async fn set_preferred_layers(
        &self,
        id: ConsumerId,
        spatial_layer: u8,
        temporal_layer: Option<u8>,
    ) -> Result<(), ErrorBody> {
        self.consumer(&id)?
            .set_preferred_layers(ConsumerLayers {
                spatial_layer,
                temporal_layer,
            })
            .await
            .map_err(|e| media_error("setPreferredLayers", e))
    }

    /// The consumer's producer closed: forget the consumer. True if it was ours.
    pub(crate) fn consumer_closed(&mut self, id: &ConsumerId) -> bool {
        self.consumers.remove(id).is_some()
    }

    fn producer(&self, id: &ProducerId) -> Result<&Producer, ErrorBody> {
        self.producers.get(id).ok_or_else(|| not_found("producer", id))
    }

    pub(crate) async fn set_producer_paused(&self, id: ProducerId, paused: bool) -> Result<(), ErrorBody> {
        let p = self.producer(&id)?;
        if paused {
            p.pause().await.map_err(|e| media_error("pauseProducer", e))?;
        } else {
            p.resume().await.map_err(|e| media_error("resumeProducer", e))?;
        }
        self.room.set_producer_paused(id, paused);
        Ok(())
    }

    pub(crate) fn close_producer(&mut self, id: ProducerId) -> Result<(), ErrorBody> {
        let producer = self.producers.remove(&id).ok_or_else(|| not_found("producer", id))?;
        self.taps.remove(&id);
        self.room.remove_producer(id);
        drop(producer);
        Ok(())
    }
}
