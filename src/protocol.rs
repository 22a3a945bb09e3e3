//! The wire format of `/ws`: JSON text frames in three shapes (see docs/protocol.md).
//!
//! - request `{"id":1,"method":"join","data":{...}}`
//! - response `{"id":1,"ok":true,"data":{...}}` or `{"id":1,"ok":false,"error":{"code":"...","message":"..."}}`
//! - notification `{"notification":"newProducer","data":{...}}`
//!
//! Parsing is two-step so that every malformed message gets the most precise error code: first
//! the envelope (`bad_json`, `bad_request`, `unknown_method`), then the method's `data`
//! (`invalid_params`, naming the field).

use mediasoup::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::role::Role;

/// Stable error codes; clients switch on these, so they never change meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The frame is not valid JSON (or not UTF-8 text).
    BadJson,
    /// Valid JSON but not a request envelope (`id`, `method`, `data`).
    BadRequest,
    UnknownMethod,
    /// `data` does not fit the method: missing or mistyped field, bad value.
    InvalidParams,
    /// The message is over `limits.max_message_bytes`.
    TooLarge,
    /// Over the per-connection message rate; retry later.
    RateLimited,
    /// The method needs a joined room.
    NotJoined,
    AlreadyJoined,
    /// No valid token: missing, malformed, badly signed, expired, for another project, ...
    Unauthenticated,
    /// Tokens cannot be checked right now (Google's signing keys unreachable); retry later.
    AuthUnavailable,
    /// The peer's role does not allow this (e.g. a viewer producing).
    Forbidden,
    /// No transport / producer / consumer with that id belongs to this peer or room.
    NotFound,
    /// Producing on a recv transport or consuming on a send transport.
    WrongDirection,
    /// The consumer's RTP capabilities cannot receive that producer.
    CannotConsume,
    /// A per-peer or per-room limit would be exceeded.
    LimitExceeded,
    RoomFull,
    /// mediasoup refused the operation (bad RTP parameters, DTLS parameters, ...).
    MediaError,
    /// `subscribeFeed` while already subscribed.
    AlreadySubscribed,
    /// `consume` of a producer this peer consumes already; the message names that consumer.
    AlreadyConsuming,
    /// `resume` with a token that is unknown, expired, already used, or whose session lost
    /// notifications while away: join again.
    SessionExpired,
    /// The server is shutting down and takes no new work.
    ShuttingDown,
    /// The room's media worker died: the request used a transport, producer or consumer that
    /// died with it. A `mediaReset` notification follows; set up media again after it.
    MediaReset,
    /// `join` of a room this user was banned from by a moderator; the message says until when.
    Banned,
    /// `resumeProducer` of a producer a moderator muted: it stays paused until unmuted.
    MutedByModerator,
    /// Admin API: the export of an utterance's video, when it was recorded without one.
    NoVideo,
    /// `join` on a cluster node that will not take the peer: its `url` names the node to join
    /// instead (the room's home for a broadcaster, a less loaded node for anyone over the
    /// node's `cluster.max_peers`).
    Redirect,
    /// The node cannot reach the cluster's Redis (or the room's home node) right now: running
    /// media goes on, new cross-node work is refused; retry later or join another node.
    ClusterUnavailable,
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadJson => "bad_json",
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::UnknownMethod => "unknown_method",
            ErrorCode::InvalidParams => "invalid_params",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::NotJoined => "not_joined",
            ErrorCode::AlreadyJoined => "already_joined",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::AuthUnavailable => "auth_unavailable",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::WrongDirection => "wrong_direction",
            ErrorCode::CannotConsume => "cannot_consume",
            ErrorCode::LimitExceeded => "limit_exceeded",
            ErrorCode::RoomFull => "room_full",
            ErrorCode::MediaError => "media_error",
            ErrorCode::AlreadySubscribed => "already_subscribed",
            ErrorCode::AlreadyConsuming => "already_consuming",
            ErrorCode::SessionExpired => "session_expired",
            ErrorCode::ShuttingDown => "shutting_down",
            ErrorCode::MediaReset => "media_reset",
            ErrorCode::Banned => "banned",
            ErrorCode::MutedByModerator => "muted_by_moderator",
            ErrorCode::NoVideo => "no_video",
            ErrorCode::Redirect => "redirect",
            ErrorCode::ClusterUnavailable => "cluster_unavailable",
            ErrorCode::Internal => "internal",
        }
    }
}

/// An error answered to one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{code:?}: {message}")]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
    /// `redirect`: the URL of the node to join instead (`http(s)://host:port`; its `/ws`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl ErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ErrorBody {
            code,
            message: message.into(),
            url: None,
        }
    }

    /// A `redirect` to the node at `url`.
    pub fn redirect(url: String, message: impl Into<String>) -> Self {
        ErrorBody {
            url: Some(url),
            ..ErrorBody::new(ErrorCode::Redirect, message)
        }
    }
}

/// A request that passed envelope and parameter parsing.
#[derive(Debug)]
pub struct Request {
    pub id: u64,
    pub method: Method,
}

/// Every method, with its parsed `data`.
#[derive(Debug)]
pub enum Method {
    /// Allowed before join: what the routers accept, so a client can load its device and send
    /// its own capabilities in `join`.
    GetRouterRtpCapabilities,
    Join(Join),
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
    Resume(Resume),
    RefreshToken(RefreshToken),
    Leave,
    Ping,
}

/// Method names as on the wire, for docs, metrics and `unknown_method` hints.
pub const METHODS: &[&str] = &[
    "getRouterRtpCapabilities",
    "join",
    "createTransport",
    "connectTransport",
    "produce",
    "consume",
    "resumeConsumer",
    "pauseConsumer",
    "pauseProducer",
    "resumeProducer",
    "closeProducer",
    "setPreferredLayers",
    "restartIce",
    "subscribeFeed",
    "unsubscribeFeed",
    "skip",
    "like",
    "setPreferences",
    "resume",
    "refreshToken",
    "leave",
    "ping",
];

impl Method {
    pub fn name(&self) -> &'static str {
        match self {
            Method::GetRouterRtpCapabilities => "getRouterRtpCapabilities",
            Method::Join(_) => "join",
            Method::CreateTransport(_) => "createTransport",
            Method::ConnectTransport(_) => "connectTransport",
            Method::Produce(_) => "produce",
            Method::Consume(_) => "consume",
            Method::ResumeConsumer(_) => "resumeConsumer",
            Method::PauseConsumer(_) => "pauseConsumer",
            Method::PauseProducer(_) => "pauseProducer",
            Method::ResumeProducer(_) => "resumeProducer",
            Method::CloseProducer(_) => "closeProducer",
            Method::SetPreferredLayers(_) => "setPreferredLayers",
            Method::RestartIce(_) => "restartIce",
            Method::SubscribeFeed(_) => "subscribeFeed",
            Method::UnsubscribeFeed => "unsubscribeFeed",
            Method::Skip => "skip",
            Method::Like => "like",
            Method::SetPreferences(_) => "setPreferences",
            Method::Resume(_) => "resume",
            Method::RefreshToken(_) => "refreshToken",
            Method::Leave => "leave",
            Method::Ping => "ping",
        }
    }
}

/// The roles a peer may ask for in `join` (a token may grant `admin`, which is not a peer role).
#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum JoinRole {
    Broadcaster,
    Viewer,
}

fn join_role<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Role, D::Error> {
    Ok(match JoinRole::deserialize(d)? {
        JoinRole::Broadcaster => Role::Broadcaster,
        JoinRole::Viewer => Role::Viewer,
    })
}

/// An ICE server handed to clients in the join response (RTCIceServer shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IceServer {
    pub urls: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Join {
    pub room: String,
    #[serde(deserialize_with = "join_role")]
    pub role: Role,
    #[serde(default)]
    pub display_name: Option<String>,
    /// Firebase ID token (when the server requires auth).
    #[serde(default)]
    pub token: Option<String>,
    /// What this peer can receive; required before `consume`.
    #[serde(default)]
    pub rtp_capabilities: Option<RtpCapabilities>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Send,
    Recv,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateTransport {
    pub direction: Direction,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConnectTransport {
    pub transport_id: TransportId,
    pub dtls_parameters: DtlsParameters,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Produce {
    pub transport_id: TransportId,
    pub kind: MediaKind,
    pub rtp_parameters: RtpParameters,
    /// Client data (mediasoup-client sends `{}`): only `topics` is read (`topic::Topics`), the
    /// rest is ignored.
    #[serde(default)]
    pub app_data: Option<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Consume {
    pub transport_id: TransportId,
    pub producer_id: ProducerId,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsumerRef {
    pub consumer_id: ConsumerId,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProducerRef {
    pub producer_id: ProducerId,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TransportRef {
    pub transport_id: TransportId,
}

/// `subscribeFeed`: the feed's consumers go on `transport_id`; with `video`, a second one
/// carries the speakers' video.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SubscribeFeed {
    pub transport_id: TransportId,
    #[serde(default)]
    pub video: bool,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetPreferredLayers {
    pub consumer_id: ConsumerId,
    pub spatial_layer: u8,
    #[serde(default)]
    pub temporal_layer: Option<u8>,
}

/// Takes back a session whose socket dropped, within the grace period.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Resume {
    pub resume_token: String,
}

/// A fresh ID token for a joined session, given before the current one expires, so that the
/// connection is not closed with 4003.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefreshToken {
    pub token: String,
}

/// What a resumed session still has; notifications missed while away follow the response.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResumeResponse {
    pub peer_id: String,
    pub room: String,
    pub role: Role,
    /// The token for the next resume (each token works once).
    pub resume_token: String,
    pub transports: Vec<ResumedTransport>,
    pub producers: Vec<ProducerId>,
    pub consumers: Vec<ResumedConsumer>,
    pub feed_consumer_id: Option<ConsumerId>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResumedTransport {
    pub transport_id: TransportId,
    pub direction: Direction,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResumedConsumer {
    pub consumer_id: ConsumerId,
    pub producer_id: ProducerId,
}

/// Speakers (user ids) the viewer's feed favours or never plays.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetPreferences {
    #[serde(default)]
    pub favour: Vec<String>,
    #[serde(default)]
    pub mute: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Empty {}

/// What a rejected frame answers: the request id when it could be read, and the error.
#[derive(Debug)]
pub struct Rejected {
    pub id: Option<u64>,
    pub error: ErrorBody,
}

/// Parses one text frame into a request, or says precisely what is wrong with it.
pub fn parse_request(text: &str) -> Result<Request, Rejected> {
    let (id, method, data) = envelope(text)?;
    parse_method(&method, data)
        .map(|method| Request { id, method })
        .map_err(|(code, message)| Rejected {
            id: Some(id),
            error: ErrorBody::new(code, message),
        })
}

/// The envelope's id, method name and `data` object (empty when absent or null).
fn envelope(text: &str) -> Result<(u64, String, Value), Rejected> {
    let unidentified = |code, message: &str| Rejected {
        id: None,
        error: ErrorBody::new(code, message),
    };
    let value: Value = serde_json::from_str(text).map_err(|e| Rejected {
        id: None,
        error: ErrorBody::new(ErrorCode::BadJson, format!("not valid JSON: {e}")),
    })?;
    let Value::Object(mut obj) = value else {
        return Err(unidentified(
            ErrorCode::BadRequest,
            "a request is a JSON object {\"id\",\"method\",\"data\"}",
        ));
    };
    let id = match obj.get("id") {
        Some(v) => v
            .as_u64()
            .ok_or_else(|| unidentified(ErrorCode::BadRequest, "\"id\" must be a non-negative integer"))?,
        None => return Err(unidentified(ErrorCode::BadRequest, "missing \"id\"")),
    };
    let reject = |message: String| Rejected {
        id: Some(id),
        error: ErrorBody::new(ErrorCode::BadRequest, message),
    };
    if let Some(extra) = obj.keys().find(|k| !matches!(k.as_str(), "id" | "method" | "data")) {
        return Err(reject(format!(
            "unknown envelope field {extra:?}; put parameters in \"data\""
        )));
    }
    let method = match obj.remove("method") {
        Some(Value::String(m)) => m,
        Some(_) => return Err(reject("\"method\" must be a string".into())),
        None => return Err(reject("missing \"method\"".into())),
    };
    let data = match obj.remove("data") {
        None | Some(Value::Null) => Value::Object(Default::default()),
        Some(v @ Value::Object(_)) => v,
        Some(_) => return Err(reject("\"data\" must be an object".into())),
    };
    Ok((id, method, data))
}

/// The method `name` with its `data`: `unknown_method`, or `invalid_params` naming the field.
fn parse_method(name: &str, data: Value) -> Result<Method, (ErrorCode, String)> {
    fn params<T: serde::de::DeserializeOwned>(method: &str, data: Value) -> Result<T, (ErrorCode, String)> {
        serde_json::from_value(data).map_err(|e| (ErrorCode::InvalidParams, format!("{method}: {e}")))
    }
    Ok(match name {
        "getRouterRtpCapabilities" => params::<Empty>(name, data).map(|_| Method::GetRouterRtpCapabilities)?,
        "join" => Method::Join(params(name, data)?),
        "createTransport" => Method::CreateTransport(params(name, data)?),
        "connectTransport" => Method::ConnectTransport(params(name, data)?),
        "produce" => Method::Produce(params(name, data)?),
        "consume" => Method::Consume(params(name, data)?),
        "resumeConsumer" => Method::ResumeConsumer(params(name, data)?),
        "pauseConsumer" => Method::PauseConsumer(params(name, data)?),
        "pauseProducer" => Method::PauseProducer(params(name, data)?),
        "resumeProducer" => Method::ResumeProducer(params(name, data)?),
        "closeProducer" => Method::CloseProducer(params(name, data)?),
        "setPreferredLayers" => Method::SetPreferredLayers(params(name, data)?),
        "restartIce" => Method::RestartIce(params(name, data)?),
        "subscribeFeed" => Method::SubscribeFeed(params(name, data)?),
        "unsubscribeFeed" => params::<Empty>(name, data).map(|_| Method::UnsubscribeFeed)?,
        "skip" => params::<Empty>(name, data).map(|_| Method::Skip)?,
        "like" => params::<Empty>(name, data).map(|_| Method::Like)?,
        "setPreferences" => Method::SetPreferences(params(name, data)?),
        "resume" => Method::Resume(params(name, data)?),
        "refreshToken" => Method::RefreshToken(params(name, data)?),
        "leave" => params::<Empty>(name, data).map(|_| Method::Leave)?,
        "ping" => params::<Empty>(name, data).map(|_| Method::Ping)?,
        other => {
            let shown: String = other.chars().take(64).collect();
            return Err((
                ErrorCode::UnknownMethod,
                format!("unknown method {shown:?}; known: {}", METHODS.join(", ")),
            ));
        }
    })
}

/// A response frame. `data` is pre-serialized by the caller.
pub fn response_ok(id: u64, data: &impl Serialize) -> String {
    #[derive(Serialize)]
    struct Ok<'a, T> {
        id: u64,
        ok: bool,
        data: &'a T,
    }
    serde_json::to_string(&Ok { id, ok: true, data })
        .unwrap_or_else(|e| response_error(Some(id), &ErrorBody::new(ErrorCode::Internal, e.to_string())))
}

pub fn response_error(id: Option<u64>, error: &ErrorBody) -> String {
    #[derive(Serialize)]
    struct Err<'a> {
        id: Option<u64>,
        ok: bool,
        error: &'a ErrorBody,
    }
    serde_json::to_string(&Err { id, ok: false, error }).expect("error bodies always serialize")
}

/// Server-pushed events. Serialized once per event and shared by every recipient.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "notification", content = "data", rename_all = "camelCase")]
pub enum Notification {
    #[serde(rename_all = "camelCase")]
    PeerJoined {
        peer_id: String,
        display_name: Option<String>,
        role: Role,
    },
    #[serde(rename_all = "camelCase")]
    PeerLeft { peer_id: String },
    #[serde(rename_all = "camelCase")]
    NewProducer {
        producer_id: ProducerId,
        peer_id: String,
        kind: MediaKind,
    },
    #[serde(rename_all = "camelCase")]
    ProducerClosed { producer_id: ProducerId, peer_id: String },
    /// `by_server`: a moderator did it (the producer's owner hears it too).
    #[serde(rename_all = "camelCase")]
    ProducerPaused {
        producer_id: ProducerId,
        peer_id: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        by_server: bool,
    },
    #[serde(rename_all = "camelCase")]
    ProducerResumed {
        producer_id: ProducerId,
        peer_id: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        by_server: bool,
    },
    #[serde(rename_all = "camelCase")]
    ConsumerClosed {
        consumer_id: ConsumerId,
        producer_id: ProducerId,
    },
    /// The viewer's feed now plays another utterance (from its start).
    #[serde(rename_all = "camelCase")]
    FeedSwitched {
        utterance_id: String,
        speaker_uid: String,
        speaker_peer_id: String,
        /// started, ended, truncated, evicted, speakerGone, skipped, resumed
        reason: String,
    },
    /// The feed has nothing to play; it resumes at the next utterance onset. `stopped`: why
    /// the utterance that was playing stopped (as `feedSwitched`'s reason), if one was.
    #[serde(rename_all = "camelCase")]
    FeedWaiting {
        reason: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        stopped: Option<String>,
    },
    /// The server is going away; reconnect after `reconnect_after_ms` (to another instance).
    #[serde(rename_all = "camelCase")]
    ServerShutdown { reason: String, reconnect_after_ms: u64 },
    /// The server is draining: it takes no new joins and closes at the deadline; move to another
    /// instance (reconnect, the load balancer no longer sends you here) before `deadline_ms`.
    #[serde(rename_all = "camelCase")]
    ServerDraining { reason: String, deadline_ms: u64 },
    /// Move to the node at `url` (`http(s)://host:port`, signaling at its `/ws`): this node of a
    /// cluster drains and has handed its rooms over; join the same room there (a broadcaster
    /// makes the room's new home there, or is sent on to it) and set media up again.
    #[serde(rename_all = "camelCase")]
    Redirect { url: String, reason: String },
    /// Every transport, producer and consumer of this peer (and its feed) is gone, because the
    /// room moved to a new router (`reason`: `worker_died`). The peer is still in the room with
    /// the same id: create transports again, produce again, consume the producers announced by
    /// the `newProducer` notifications that follow, and `subscribeFeed` again.
    #[serde(rename_all = "camelCase")]
    MediaReset { reason: String },
    /// A moderator removed this peer from the room; the socket closes with 4005 next and the
    /// session cannot be resumed.
    #[serde(rename_all = "camelCase")]
    Removed { reason: String },
    /// A moderator closed the room; the socket closes with 4006 next.
    #[serde(rename_all = "camelCase")]
    RoomClosed { reason: String },
}

impl Notification {
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("notifications always serialize")
    }
}

/// A peer already in the room, as listed in the join response.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerInfo {
    pub peer_id: String,
    pub display_name: Option<String>,
    pub role: Role,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProducerInfo {
    pub producer_id: ProducerId,
    pub peer_id: String,
    pub kind: MediaKind,
    pub paused: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RouterCapabilitiesResponse {
    pub router_rtp_capabilities: RtpCapabilitiesFinalized,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JoinResponse {
    pub peer_id: String,
    pub room: String,
    pub role: Role,
    /// Presented in `resume` on a new connection to take this session back after the socket
    /// dropped (within `limits.resume_grace_secs`). A secret: whoever has it is this peer.
    pub resume_token: String,
    pub router_rtp_capabilities: RtpCapabilitiesFinalized,
    pub ice_servers: Vec<IceServer>,
    pub peers: Vec<PeerInfo>,
    pub producers: Vec<ProducerInfo>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransportResponse {
    pub transport_id: TransportId,
    pub direction: Direction,
    pub ice_parameters: IceParameters,
    pub ice_candidates: Vec<WireIceCandidate>,
    pub dtls_parameters: DtlsParameters,
}

/// An ICE candidate as mediasoup's Node server sends it: mediasoup's fields and the deprecated
/// `ip` alias of `address`, which older clients (and ports of mediasoup-client) still require.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WireIceCandidate {
    #[serde(flatten)]
    pub candidate: IceCandidate,
    #[serde(default)]
    pub ip: String,
}

impl From<IceCandidate> for WireIceCandidate {
    fn from(candidate: IceCandidate) -> Self {
        let ip = candidate.address.clone();
        WireIceCandidate { candidate, ip }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProduceResponse {
    pub producer_id: ProducerId,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsumeResponse {
    pub consumer_id: ConsumerId,
    pub producer_id: ProducerId,
    pub kind: MediaKind,
    pub rtp_parameters: RtpParameters,
    /// `simple`, `simulcast`, `svc` or `pipe`.
    #[serde(rename = "type")]
    pub consumer_type: String,
    pub producer_paused: bool,
}

/// `subscribeFeed`'s answer: the audio consumer's fields (as `consume` answers), and the video
/// consumer when video was asked for.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscribeFeedResponse {
    #[serde(flatten)]
    pub audio: ConsumeResponse,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<ConsumeResponse>,
    /// The policy picking for this feed: `learning`, `random` or `external` (with an A/B
    /// experiment configured, the viewer's arm).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommender: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RestartIceResponse {
    pub ice_parameters: IceParameters,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PingResponse {
    pub pong: bool,
    /// Server wall clock, milliseconds since the Unix epoch.
    pub time_ms: u64,
}

/// Successful responses with no data answer `{}`.
#[derive(Debug, Serialize, Deserialize)]
pub struct EmptyResponse {}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejected(text: &str) -> (Option<u64>, ErrorCode, String) {
        let r = parse_request(text).unwrap_err();
        (r.id, r.error.code, r.error.message)
    }

    #[test]
    fn parses_join() {
        let r = parse_request(r#"{"id":7,"method":"join","data":{"room":"r1","role":"viewer","displayName":"Ann"}}"#)
            .unwrap();
        assert_eq!(r.id, 7);
        match r.method {
            Method::Join(j) => {
                assert_eq!(j.room, "r1");
                assert_eq!(j.role, Role::Viewer);
                assert_eq!(j.display_name.as_deref(), Some("Ann"));
                assert!(j.rtp_capabilities.is_none());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn data_may_be_omitted_for_methods_without_parameters() {
        assert!(matches!(
            parse_request(r#"{"id":1,"method":"ping"}"#).unwrap().method,
            Method::Ping
        ));
        assert!(matches!(
            parse_request(r#"{"id":1,"method":"leave","data":{}}"#).unwrap().method,
            Method::Leave
        ));
    }

    #[test]
    fn envelope_errors_have_precise_codes() {
        assert_eq!(rejected("{nope").1, ErrorCode::BadJson);
        assert_eq!(rejected("[1,2]").1, ErrorCode::BadRequest);
        assert_eq!(rejected(r#"{"method":"ping"}"#).1, ErrorCode::BadRequest);
        assert_eq!(rejected(r#"{"id":-1,"method":"ping"}"#).1, ErrorCode::BadRequest);
        assert_eq!(rejected(r#"{"id":"x","method":"ping"}"#).1, ErrorCode::BadRequest);
        let (id, code, _) = rejected(r#"{"id":3,"method":5}"#);
        assert_eq!((id, code), (Some(3), ErrorCode::BadRequest));
        let (id, code, msg) = rejected(r#"{"id":3,"method":"fly"}"#);
        assert_eq!((id, code), (Some(3), ErrorCode::UnknownMethod));
        assert!(msg.contains("createTransport"));
        assert_eq!(
            rejected(r#"{"id":3,"method":"ping","data":[1]}"#).1,
            ErrorCode::BadRequest
        );
        assert_eq!(
            rejected(r#"{"id":3,"method":"ping","extra":1}"#).1,
            ErrorCode::BadRequest
        );
    }

    #[test]
    fn parameter_errors_name_the_field() {
        let (id, code, msg) = rejected(r#"{"id":4,"method":"join","data":{"role":"viewer"}}"#);
        assert_eq!((id, code), (Some(4), ErrorCode::InvalidParams));
        assert!(msg.contains("room"), "{msg}");
        let (_, code, msg) = rejected(r#"{"id":4,"method":"join","data":{"room":"a","role":"king"}}"#);
        assert_eq!(code, ErrorCode::InvalidParams);
        assert!(msg.contains("king"), "{msg}");
        let (_, code, msg) = rejected(r#"{"id":4,"method":"createTransport","data":{"direction":"sideways"}}"#);
        assert_eq!(code, ErrorCode::InvalidParams);
        assert!(msg.contains("sideways"), "{msg}");
        let (_, code, _) = rejected(r#"{"id":4,"method":"resumeConsumer","data":{"consumerId":"not-a-uuid"}}"#);
        assert_eq!(code, ErrorCode::InvalidParams);
        let (_, code, msg) = rejected(r#"{"id":4,"method":"ping","data":{"x":1}}"#);
        assert_eq!(code, ErrorCode::InvalidParams);
        assert!(msg.contains('x'), "{msg}");
    }

    #[test]
    fn responses_and_notifications_have_the_documented_shape() {
        let ok: Value = serde_json::from_str(&response_ok(9, &PingResponse { pong: true, time_ms: 5 })).unwrap();
        assert_eq!(
            ok,
            serde_json::json!({"id":9,"ok":true,"data":{"pong":true,"timeMs":5}})
        );
        let err: Value = serde_json::from_str(&response_error(
            Some(2),
            &ErrorBody::new(ErrorCode::NotJoined, "join first"),
        ))
        .unwrap();
        assert_eq!(
            err,
            serde_json::json!({"id":2,"ok":false,"error":{"code":"not_joined","message":"join first"}})
        );
        let err: Value = serde_json::from_str(&response_error(None, &ErrorBody::new(ErrorCode::BadJson, "x"))).unwrap();
        assert_eq!(err["id"], Value::Null);
        let n: Value = serde_json::from_str(&Notification::PeerLeft { peer_id: "p".into() }.to_text()).unwrap();
        assert_eq!(n, serde_json::json!({"notification":"peerLeft","data":{"peerId":"p"}}));
    }

    #[test]
    fn error_codes_serialize_as_their_names() {
        for code in [
            ErrorCode::BadJson,
            ErrorCode::WrongDirection,
            ErrorCode::RateLimited,
            ErrorCode::CannotConsume,
            ErrorCode::Unauthenticated,
            ErrorCode::AuthUnavailable,
        ] {
            assert_eq!(serde_json::to_value(code).unwrap(), Value::String(code.as_str().into()));
        }
    }
}
