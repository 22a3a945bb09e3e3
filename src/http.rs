//! The HTTP surface: `/ws` (signaling), `/healthz`, `/metrics`, the admin API at `/admin/rooms`
//! (and its moderation routes, `http/moderation.rs`), and the demo page at `/` (with `/app.js`).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Path, Query, State, WebSocketUpgrade};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::admin::Moderator;
use crate::auth::{bearer_token, require_admin, AuthError, Identity};
use crate::config::Mode;
use crate::context::Context;
use crate::protocol::{response_error, ErrorBody, ErrorCode};
use crate::signaling::hub::SignalingHub;
use crate::signaling::{proxy, ws};

mod cluster;
mod moderation;

/// What the handlers share: the server's core and the signaling layer's state.
#[derive(Clone)]
pub(crate) struct AppState {
    ctx: Arc<Context>,
    hub: Arc<SignalingHub>,
}

pub(crate) fn router(ctx: Arc<Context>, hub: Arc<SignalingHub>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/app.js", get(app_js))
        .route("/firebase.js", get(firebase_js))
        .route("/auth/config", get(auth_config))
        .route("/ws", get(websocket))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/cluster/nodes", get(cluster::nodes))
        .route("/cluster/snapshot", post(cluster::snapshot))
        .route("/cluster/pipe", post(cluster::pipe))
        .route("/cluster/unpipe", post(cluster::unpipe))
        .route("/admin/rooms", get(admin_rooms))
        .route("/admin/workers/{index}/crash", post(admin_crash_worker))
        .route("/admin/rooms/{room}/peers/{peer}/remove", post(moderation::remove_peer))
        .route("/admin/rooms/{room}/producers/{producer}/mute", post(moderation::mute))
        .route(
            "/admin/rooms/{room}/producers/{producer}/unmute",
            post(moderation::unmute),
        )
        .route("/admin/rooms/{room}/close", post(moderation::close_room))
        .route(
            "/admin/rooms/{room}/speakers/{uid}/utterances",
            delete(moderation::delete_speaker_utterances),
        )
        .route("/admin/utterances/{id}", delete(moderation::delete_utterance))
        .route("/admin/utterances/{id}/audio.ogg", get(moderation::export_utterance))
        .route(
            "/admin/utterances/{id}/video.webm",
            get(moderation::export_utterance_video),
        )
        .with_state(AppState { ctx, hub })
}

async fn websocket(
    State(AppState { ctx, hub }): State<AppState>,
    ConnectInfo(remote): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if ctx.shutdown.is_cancelled() || hub.is_draining() {
        return http_error(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::ShuttingDown,
            "the server is draining or shutting down; connect to another instance",
        );
    }
    let limits = &ctx.config.limits;
    // Behind a trusted proxy the client is the address it forwarded; a non-text value is not
    // an address (and stops the walk there).
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .map(|v| v.to_str().unwrap_or(""));
    let client = proxy::forwarded_client(remote.ip(), forwarded, &limits.trusted_proxies);
    // The limiter first: a client over its share costs no token verification.
    let counters = Arc::clone(&ctx.counters);
    let permit = match hub.connections.admit(client, || counters.connections.count()) {
        Ok(p) => p,
        Err(e) => {
            tracing::info!(%remote, %client, message = %e.message, "connection refused");
            ctx.counters.error(e.code.as_str());
            return json_error(StatusCode::TOO_MANY_REQUESTS, &e);
        }
    };
    let identity = match authenticate_upgrade(&ctx, &headers).await {
        Ok(identity) => identity,
        Err((status, body)) => {
            tracing::info!(%remote, %client, message = %body.message, "upgrade refused");
            return json_error(status, &body);
        }
    };
    let (max_frame, tracker) = (limits.max_frame_bytes, hub.sessions.clone());
    let origin = ws::Origin { remote, client };
    // tungstenite zero-fills its whole read buffer (128 KiB by default) before each read,
    // also the reads that find nothing, i.e. at each wake-up of a session: signaling messages
    // are a few KiB, so a small buffer.
    upgrade
        .read_buffer_size(8 * 1024)
        .max_message_size(max_frame)
        .max_frame_size(max_frame)
        .on_upgrade(move |socket| tracker.track_future(ws::run(ctx, hub, socket, origin, permit, identity)))
}

/// Browsers cannot set headers on a WebSocket (they send the token in join); other clients may
/// authenticate the upgrade itself, and a bad token is refused before any upgrade.
async fn authenticate_upgrade(ctx: &Context, headers: &HeaderMap) -> Result<Option<Identity>, (StatusCode, ErrorBody)> {
    let Some(value) = headers.get(header::AUTHORIZATION).filter(|_| ctx.auth.enabled()) else {
        return Ok(None);
    };
    let token = value.to_str().ok().and_then(bearer_token);
    ctx.auth.verify(token).await.map_err(|e| {
        let status = match e {
            AuthError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::UNAUTHORIZED,
        };
        let body = match token {
            None => ErrorBody::new(
                ErrorCode::Unauthenticated,
                "the Authorization header must be \"Bearer <Firebase ID token>\"",
            ),
            Some(_) => e.into(),
        };
        (status, body)
    })
}

/// A JSON error response in the signaling protocol's shape.
fn json_error(status: StatusCode, body: &ErrorBody) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        response_error(None, body),
    )
        .into_response()
}

/// `/healthz`'s body. Production says only the status: counts of rooms and peers tell anyone
/// who can reach the port how busy the service is.
#[derive(Serialize)]
struct Health {
    status: &'static str,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    counts: Option<HealthCounts>,
}

#[derive(Serialize)]
struct HealthCounts {
    workers: usize,
    workers_alive: usize,
    rooms: i64,
    peers: i64,
}

async fn healthz(State(AppState { ctx, hub }): State<AppState>) -> Response {
    let workers = ctx.pool.workers();
    let alive = workers.iter().filter(|w| !w.is_dead()).count();
    let (code, status) = if ctx.shutdown.is_cancelled() || hub.is_draining() {
        (StatusCode::SERVICE_UNAVAILABLE, "draining")
    } else if alive == 0 {
        (StatusCode::SERVICE_UNAVAILABLE, "no_workers")
    } else if ctx.cluster.as_ref().is_some_and(|c| c.degraded()) {
        // Media goes on; new cross-node work is refused until Redis answers again.
        (StatusCode::OK, "degraded")
    } else {
        (StatusCode::OK, "ok")
    };
    let counts = (ctx.config.mode == Mode::Development).then(|| {
        let counts = ctx.counters.snapshot();
        HealthCounts {
            workers: workers.len(),
            workers_alive: alive,
            rooms: counts.rooms,
            peers: counts.peers,
        }
    });
    (code, Json(Health { status, counts })).into_response()
}

/// An error body like the signaling protocol's, with an HTTP status.
fn http_error(status: StatusCode, code: ErrorCode, message: &str) -> Response {
    let body = serde_json::json!({"error": ErrorBody::new(code, message)});
    (status, Json(body)).into_response()
}

/// Checks `Authorization: Bearer <token>`: the configured admin token, or (with Firebase auth)
/// an ID token whose role is admin: who it is. `Err` is the response to send instead.
async fn check_admin(ctx: &Context, headers: &HeaderMap) -> Result<Moderator, Box<Response>> {
    let static_token = ctx.config.admin.token.as_deref();
    if static_token.is_none() && !ctx.auth.enabled() {
        return Err(Box::new(http_error(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "the admin API is disabled: start the server with an admin token (admin.token, SFU_ADMIN_TOKEN) or Firebase auth",
        )));
    }
    let Some(given) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(bearer_token)
    else {
        return Err(Box::new(http_error(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Forbidden,
            "send the admin token (or an admin's ID token) as `Authorization: Bearer <token>`",
        )));
    };
    if static_token.is_some_and(|t| constant_time_eq(given.as_bytes(), t.as_bytes())) {
        return Ok(Moderator("admin-token".into()));
    }
    if ctx.auth.enabled() {
        return match ctx.auth.verify(Some(given)).await {
            Ok(Some(identity)) => require_admin(&identity)
                .map(|()| Moderator(format!("uid:{}", identity.uid)))
                .map_err(|e| Box::new(http_error(StatusCode::FORBIDDEN, ErrorCode::Forbidden, &e.to_string()))),
            Ok(None) => Err(Box::new(http_error(
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                "wrong admin token",
            ))),
            Err(AuthError::Unavailable(why)) => Err(Box::new(http_error(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::AuthUnavailable,
                &format!("cannot check the token now: {why}"),
            ))),
            Err(e) => Err(Box::new(http_error(
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                &e.to_string(),
            ))),
        };
    }
    Err(Box::new(http_error(
        StatusCode::FORBIDDEN,
        ErrorCode::Forbidden,
        "wrong admin token",
    )))
}

/// Compares without an early exit, so the time taken says nothing about the token.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn metrics(State(AppState { ctx, .. }): State<AppState>, headers: HeaderMap) -> Response {
    if !ctx.config.admin.metrics_open(ctx.config.mode) {
        if let Err(response) = check_admin(&ctx, &headers).await {
            return *response;
        }
    }
    match crate::metrics::render(&ctx) {
        Ok(text) => (
            [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
            text,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "metrics");
            http_error(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal, &e.to_string())
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdminQuery {
    room: Option<String>,
}

async fn admin_rooms(
    State(AppState { ctx, hub }): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<AdminQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    if let Err(response) = check_admin(&ctx, &headers).await {
        return *response;
    }
    let Ok(Query(query)) = query else {
        return http_error(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidParams,
            "the only query parameter is `room`",
        );
    };
    let parked = hub.parked.dumps();
    Json(crate::admin::dump(&ctx, query.room.as_deref(), &parked).await).into_response()
}

/// Fault injection (`admin.fault_injection`): makes one mediasoup worker die as a crash would;
/// the server replaces it and moves its rooms, and their clients get `mediaReset`.
async fn admin_crash_worker(
    State(AppState { ctx, .. }): State<AppState>,
    headers: HeaderMap,
    index: Result<Path<usize>, axum::extract::rejection::PathRejection>,
) -> Response {
    if let Err(response) = check_admin(&ctx, &headers).await {
        return *response;
    }
    if !ctx.config.admin.fault_injection {
        return http_error(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "fault injection is off: start the server with admin.fault_injection = true (never in production)",
        );
    }
    let Ok(Path(index)) = index else {
        return http_error(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidParams,
            "the worker index is a number (see `workers` in /admin/rooms)",
        );
    };
    match ctx.pool.simulate_crash(index) {
        Ok(()) => (StatusCode::ACCEPTED, Json(serde_json::json!({"crashed": index}))).into_response(),
        Err(e) => http_error(StatusCode::NOT_FOUND, ErrorCode::NotFound, &e.to_string()),
    }
}

// The demo page is compiled in: `sfu serve` needs no files beside the binary. The bundle is
// committed and rebuilt by `scripts/build-web` (see web/README.md).
async fn index() -> Html<&'static str> {
    Html(include_str!("../web/index.html"))
}

async fn app_js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../web/dist/app.js"),
    )
}

// The Firebase SDK, a separate bundle the page loads only when sign-in is on.
async fn firebase_js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../web/dist/firebase.js"),
    )
}

/// The public sign-in settings (project id, web API key, auth domain, emulator): what the
/// page needs to get an ID token. Nothing secret.
async fn auth_config(State(AppState { ctx, .. }): State<AppState>) -> Json<crate::config::WebAuthConfig> {
    Json(ctx.config.auth.web())
}

#[cfg(test)]
mod tests {
    #[test]
    fn constant_time_eq_compares() {
        assert!(super::constant_time_eq(b"abc", b"abc"));
        assert!(!super::constant_time_eq(b"abc", b"abd"));
        assert!(!super::constant_time_eq(b"abc", b"abcd"));
    }
}
