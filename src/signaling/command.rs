//! A request's method as a command of the layer that carries it out, each with its `apply` (in
//! the style of mini-redis's `cmd/`): session commands work on the connection before or
//! without a room, peer commands on the joined peer's media objects.

use crate::context::Context;
use crate::peer::Peer;
use crate::protocol::{
    response_ok, ConnectTransport, Consume, ConsumerRef, CreateTransport, EmptyResponse, ErrorBody, Join, Method,
    Produce, ProduceResponse, ProducerRef, RefreshToken, RestartIceResponse, SetPreferences, SetPreferredLayers,
    SubscribeFeed, SubscribeFeedResponse, TransportRef,
};
use crate::signaling::wire;

pub(crate) enum Command {
    Session(SessionCommand),
    Peer(PeerCommand),
}

/// What the session itself answers.
pub(crate) enum SessionCommand {
    GetRouterRtpCapabilities,
    Join(Join),
    /// On a joined connection (a fresh one's `resume` is taken by the socket loop).
    Resume,
    RefreshToken(RefreshToken),
    Leave,
    Ping,
}

/// What needs the joined peer.
pub(crate) enum PeerCommand {
    CreateTransport(CreateTransport),
    ConnectTransport(ConnectTransport),
    Produce(Produce),
    Consume(Consume),
    ResumeConsumer(ConsumerRef),
    PauseConsumer(ConsumerRef),
    PauseProducer(ProducerRef),
    ResumeProducer(ProducerRef),
    CloseProducer(ProducerRef),
    SetPreferredLayers(SetPreferredLayers),
    RestartIce(TransportRef),
    SubscribeFeed(SubscribeFeed),
    UnsubscribeFeed,
    Skip,
    Like,
    SetPreferences(SetPreferences),
}

impl From<Method> for Command {
    fn from(method: Method) -> Command {
        use Command::{Peer as P, Session as S};
        match method {
            Method::GetRouterRtpCapabilities => S(SessionCommand::GetRouterRtpCapabilities),
            Method::Join(j) => S(SessionCommand::Join(j)),
            Method::Resume(_) => S(SessionCommand::Resume),
            Method::RefreshToken(r) => S(SessionCommand::RefreshToken(r)),
            Method::Leave => S(SessionCommand::Leave),
            Method::Ping => S(SessionCommand::Ping),
            Method::CreateTransport(m) => P(PeerCommand::CreateTransport(m)),
            Method::ConnectTransport(m) => P(PeerCommand::ConnectTransport(m)),
            Method::Produce(m) => P(PeerCommand::Produce(m)),
            Method::Consume(m) => P(PeerCommand::Consume(m)),
            Method::ResumeConsumer(m) => P(PeerCommand::ResumeConsumer(m)),
            Method::PauseConsumer(m) => P(PeerCommand::PauseConsumer(m)),
            Method::PauseProducer(m) => P(PeerCommand::PauseProducer(m)),
            Method::ResumeProducer(m) => P(PeerCommand::ResumeProducer(m)),
            Method::CloseProducer(m) => P(PeerCommand::CloseProducer(m)),
            Method::SetPreferredLayers(m) => P(PeerCommand::SetPreferredLayers(m)),
            Method::RestartIce(m) => P(PeerCommand::RestartIce(m)),
            Method::SubscribeFeed(m) => P(PeerCommand::SubscribeFeed(m)),
            Method::UnsubscribeFeed => P(PeerCommand::UnsubscribeFeed),
            Method::Skip => P(PeerCommand::Skip),
            Method::Like => P(PeerCommand::Like),
            Method::SetPreferences(m) => P(PeerCommand::SetPreferences(m)),
        }
    }
}

/// `subscribeFeed`: the feed's consumers, and the policy that picks for it.
async fn subscribe_feed(id: u64, m: SubscribeFeed, peer: &mut Peer, ctx: &Context) -> Result<String, ErrorBody> {
    let (audio, video, recommender) = peer
        .subscribe_feed(m.transport_id, m.video, &ctx.recording.feeds, &ctx.config.limits)
        .await?;
    let response = SubscribeFeedResponse {
        audio: wire::consume_response(&audio),
        video: video.as_ref().map(wire::consume_response),
        recommender: Some(recommender.to_string()),
    };
    Ok(response_ok(id, &response))
}

impl PeerCommand {
    /// Carries the command out on `peer`; the text is the response frame for request `id`.
    pub async fn apply(self, id: u64, peer: &mut Peer, ctx: &Context) -> Result<String, ErrorBody> {
        let limits = &ctx.config.limits;
        let done = || response_ok(id, &EmptyResponse {});
        Ok(match self {
            PeerCommand::CreateTransport(m) => {
                let direction = wire::peer_direction(m.direction);
                let transport = peer.create_transport(direction, limits, &ctx.pool).await?;
                response_ok(id, &wire::transport_response(&transport, direction))
            }
            PeerCommand::ConnectTransport(m) => {
                peer.connect_transport(m.transport_id, m.dtls_parameters).await?;
                done()
            }
            PeerCommand::Produce(m) => {
                let producer_id = peer
                    .produce(m.transport_id, m.kind, m.rtp_parameters, m.app_data.as_ref(), limits)
                    .await?;
                response_ok(id, &ProduceResponse { producer_id })
            }
            PeerCommand::Consume(m) => {
                let consumer = peer.consume(m.transport_id, m.producer_id, limits).await?;
                response_ok(id, &wire::consume_response(&consumer))
            }
            PeerCommand::ResumeConsumer(m) => {
                peer.resume_consumer(m.consumer_id).await?;
                done()
            }
            PeerCommand::PauseConsumer(m) => {
                peer.pause_consumer(m.consumer_id).await?;
                done()
            }
            PeerCommand::PauseProducer(m) => {
                peer.set_producer_paused(m.producer_id, true).await?;
                done()
            }
            PeerCommand::ResumeProducer(m) => {
                peer.set_producer_paused(m.producer_id, false).await?;
                done()
            }
            PeerCommand::CloseProducer(m) => {
                peer.close_producer(m.producer_id)?;
                done()
            }
            PeerCommand::SetPreferredLayers(m) => {
                peer.set_preferred_layers(m.consumer_id, m.spatial_layer, m.temporal_layer)
                    .await?;
                done()
            }
            PeerCommand::RestartIce(m) => response_ok(
                id,
                &RestartIceResponse {
                    ice_parameters: peer.restart_ice(m.transport_id).await?,
                },
            ),
            PeerCommand::SubscribeFeed(m) => subscribe_feed(id, m, peer, ctx).await?,
            PeerCommand::UnsubscribeFeed => {
                peer.unsubscribe_feed()?;
                done()
            }
            PeerCommand::Skip => {
                peer.skip()?;
                done()
            }
            PeerCommand::Like => {
                peer.like()?;
                done()
            }
            PeerCommand::SetPreferences(m) => {
                peer.set_preferences(m.favour, m.mute)?;
                done()
            }
        })
    }
}
