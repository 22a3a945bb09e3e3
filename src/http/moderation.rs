//! The admin API's moderation routes: each checks the admin token (or an admin's ID token)
//! first, then parses its path and body, then calls the action in `admin`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::{check_admin, http_error, AppState};
use crate::admin::{self, ModerationError, Moderator};
use crate::buffer::Removal;
use crate::context::Context;
use crate::protocol::{ErrorBody, ErrorCode};
use crate::room_name::RoomName;

type PathRejection = axum::extract::rejection::PathRejection;
/// The response sent instead, when a route refuses (boxed: a `Response` is large).
type Refusal = Box<Response>;

/// Longest reason a moderator may give (it goes to the client and the logs).
const MAX_REASON: usize = 200;
/// Longest ban: 30 days.
const MAX_BAN_MINUTES: u64 = 30 * 24 * 60;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RemoveBody {
    reason: Option<String>,
    ban_minutes: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ReasonBody {
    reason: Option<String>,
}

/// The error response for a refused action, with the status its code calls for.
fn refused(e: impl Into<ErrorBody>) -> Response {
    let body: ErrorBody = e.into();
    let status = match body.code {
        ErrorCode::NotFound | ErrorCode::NoVideo => StatusCode::NOT_FOUND,
        ErrorCode::InvalidParams => StatusCode::BAD_REQUEST,
        ErrorCode::MediaError => StatusCode::BAD_GATEWAY,
        ErrorCode::ClusterUnavailable => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    http_error(status, body.code, &body.message)
}

fn invalid(message: impl Into<String>) -> Refusal {
    Box::new(refused(ModerationError::Invalid(message.into())))
}

/// An optional JSON body: empty is the default.
fn body<T: DeserializeOwned + Default>(bytes: &Bytes) -> Result<T, Refusal> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(bytes).map_err(|e| invalid(format!("the body: {e}")))
}

fn reason(given: Option<String>, default: &str) -> Result<String, Refusal> {
    let reason = given.unwrap_or_else(|| default.to_string());
    if reason.chars().count() > MAX_REASON {
        return Err(invalid(format!("the reason is longer than {MAX_REASON} characters")));
    }
    Ok(reason)
}

fn room_name(room: &str) -> Result<RoomName, Refusal> {
    RoomName::parse(room).map_err(|e| invalid(format!("room: {e}")))
}

/// The admin check, then the path: what every route starts with.
async fn admitted<T>(
    ctx: &Context,
    headers: &HeaderMap,
    path: Result<Path<T>, PathRejection>,
) -> Result<(Moderator, T), Refusal> {
    let who = check_admin(ctx, headers).await?;
    let Ok(Path(path)) = path else {
        return Err(invalid("bad path parameters"));
    };
    Ok((who, path))
}

fn done<T: serde::Serialize>(result: Result<T, ModerationError>) -> Response {
    match result {
        Ok(v) => Json(v).into_response(),
        Err(e) => refused(e),
    }
}

pub(super) async fn remove_peer(
    State(AppState { ctx, hub }): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    bytes: Bytes,
) -> Response {
    let result = async {
        let (who, (room, peer)) = admitted(&ctx, &headers, path).await?;
        let room = room_name(&room)?;
        let b: RemoveBody = body(&bytes)?;
        let reason = reason(b.reason, "removed by a moderator")?;
        if b.ban_minutes.is_some_and(|m| m > MAX_BAN_MINUTES) {
            return Err(invalid(format!("banMinutes is at most {MAX_BAN_MINUTES}")));
        }
        let removed = admin::remove_peer(&ctx, &who, room.as_str(), &peer, &reason, b.ban_minutes).await;
        if removed.is_ok() {
            // A parked session reads no events: release it here (its token dies with it).
            hub.parked.release_where(|s| s.peer_id() == Some(peer.as_str()));
        }
        Ok(done(removed))
    };
    result.await.unwrap_or_else(|r: Refusal| *r)
}

async fn set_muted(
    state: AppState,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    mute: bool,
) -> Response {
    let result = async {
        let (who, (room, producer)) = admitted(&state.ctx, &headers, path).await?;
        let room = room_name(&room)?;
        let owner = admin::mute_producer(&state.ctx, &who, room.as_str(), &producer, mute).await;
        Ok(done(owner.map(
            |peer| serde_json::json!({"room": room.as_str(), "producerId": producer, "peerId": peer, "muted": mute}),
        )))
    };
    result.await.unwrap_or_else(|r: Refusal| *r)
}

pub(super) async fn mute(
    State(state): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    set_muted(state, headers, path, true).await
}

pub(super) async fn unmute(
    State(state): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    set_muted(state, headers, path, false).await
}

pub(super) async fn close_room(
    State(AppState { ctx, hub }): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    bytes: Bytes,
) -> Response {
    let result = async {
        let (who, room) = admitted(&ctx, &headers, path).await?;
        let room = room_name(&room)?;
        let b: ReasonBody = body(&bytes)?;
        let reason = reason(b.reason, "the room was closed by a moderator")?;
        let hub = Arc::clone(&hub);
        let release = move |room: &str| hub.parked.release_where(|s| s.room_id() == Some(room));
        Ok(done(
            admin::close_room(&ctx, &who, room.as_str(), &reason, release).await,
        ))
    };
    result.await.unwrap_or_else(|r: Refusal| *r)
}

pub(super) async fn delete_utterance(
    State(AppState { ctx, .. }): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    let result = async {
        let (who, id) = admitted(&ctx, &headers, path).await?;
        let id = admin::parse_utterance_id(&id).map_err(|e| Box::new(refused(e)))?;
        Ok(done(admin::delete_utterances(&ctx, &who, Removal::One(id)).await))
    };
    result.await.unwrap_or_else(|r: Refusal| *r)
}

pub(super) async fn delete_speaker_utterances(
    State(AppState { ctx, .. }): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    let result = async {
        let (who, (room, uid)) = admitted(&ctx, &headers, path).await?;
        let room = room_name(&room)?;
        let which = Removal::Speaker {
            room: Arc::from(room.as_str()),
            uid: Arc::from(uid.as_str()),
        };
        Ok(done(admin::delete_utterances(&ctx, &who, which).await))
    };
    result.await.unwrap_or_else(|r: Refusal| *r)
}

pub(super) async fn export_utterance(
    State(AppState { ctx, .. }): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    export(&ctx, &headers, path, Export::Audio).await
}

pub(super) async fn export_utterance_video(
    State(AppState { ctx, .. }): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    export(&ctx, &headers, path, Export::Video).await
}

/// Which of an utterance's tracks an export writes.
#[derive(Clone, Copy)]
enum Export {
    /// Ogg Opus.
    Audio,
    /// WebM (VP8).
    Video,
}

async fn export(
    ctx: &Context,
    headers: &HeaderMap,
    path: Result<Path<String>, PathRejection>,
    what: Export,
) -> Response {
    let result = async {
        let (who, id) = admitted(ctx, headers, path).await?;
        let id = admin::parse_utterance_id(&id).map_err(|e| Box::new(refused(e)))?;
        let (file, extension, content_type) = match what {
            Export::Audio => (admin::export_utterance(ctx, &who, id), "ogg", "audio/ogg"),
            Export::Video => (admin::export_utterance_video(ctx, &who, id), "webm", "video/webm"),
        };
        let file = file.map_err(|e| Box::new(refused(e)))?;
        let disposition = format!("attachment; filename=\"{id}.{extension}\"");
        Ok((
            [
                (header::CONTENT_TYPE, content_type.to_string()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            file,
        )
            .into_response())
    };
    result.await.unwrap_or_else(|r: Refusal| *r)
}
