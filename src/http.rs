//! The HTTP surface: `/ws` (signaling), `/healthz`, and the demo page at `/` (with `/app.js`).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, State, WebSocketUpgrade};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use crate::auth::{bearer_token, AuthError};
use crate::server::ServerContext;
use crate::signaling::protocol::{response_error, ErrorBody, ErrorCode};
use crate::signaling::ws;

pub(crate) fn router(ctx: Arc<ServerContext>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/app.js", get(app_js))
        .route("/ws", get(websocket))
        .route("/healthz", get(healthz))
        .with_state(ctx)
}

async fn websocket(
    State(ctx): State<Arc<ServerContext>>,
    ConnectInfo(remote): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if ctx.shutdown.is_cancelled() {
        return (StatusCode::SERVICE_UNAVAILABLE, "shutting down").into_response();
    }
    // Browsers cannot set headers on a WebSocket (they send the token in join); other clients
    // may authenticate the upgrade itself, and a bad token is refused before any upgrade.
    let identity = match headers.get(header::AUTHORIZATION) {
        Some(value) if ctx.auth.enabled() => {
            let token = value.to_str().ok().and_then(bearer_token);
            match ctx.auth.verify(token).await {
                Ok(identity) => identity,
                Err(e) => {
                    tracing::info!(%remote, error = %e, "upgrade refused");
                    let status = match e {
                        AuthError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
                        _ => StatusCode::UNAUTHORIZED,
                    };
                    let body = match (token, e) {
                        (None, _) => ErrorBody::new(
                            ErrorCode::Unauthenticated,
                            "the Authorization header must be \"Bearer <Firebase ID token>\"",
                        ),
                        (Some(_), e) => e.into(),
                    };
                    return (
                        status,
                        [(header::CONTENT_TYPE, "application/json")],
                        response_error(None, &body),
                    )
                        .into_response();
                }
            }
        }
        _ => None,
    };
    let counters = Arc::clone(&ctx.counters);
    let permit = match ctx.connections.admit(remote.ip(), || counters.connections.count()) {
        Ok(p) => p,
        Err(e) => {
            tracing::info!(%remote, message = %e.message, "connection refused");
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::CONTENT_TYPE, "application/json")],
                response_error(None, &e),
            )
                .into_response();
        }
    };
    let limits = &ctx.config.limits;
    let tracker = ctx.sessions.clone();
    upgrade
        .max_message_size(limits.max_frame_bytes)
        .max_frame_size(limits.max_frame_bytes)
        .on_upgrade(move |socket| tracker.track_future(ws::run(ctx, socket, remote, permit, identity)))
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    workers: usize,
    workers_alive: usize,
    rooms: i64,
    peers: i64,
}

async fn healthz(State(ctx): State<Arc<ServerContext>>) -> Response {
    let workers = ctx.pool.workers();
    let alive = workers.iter().filter(|w| !w.is_dead()).count();
    let counts = ctx.counters.snapshot();
    let (code, status) = if ctx.shutdown.is_cancelled() {
        (StatusCode::SERVICE_UNAVAILABLE, "draining")
    } else if alive == 0 {
        (StatusCode::SERVICE_UNAVAILABLE, "no_workers")
    } else {
        (StatusCode::OK, "ok")
    };
    let body = Health {
        status,
        workers: workers.len(),
        workers_alive: alive,
        rooms: counts.rooms,
        peers: counts.peers,
    };
    (code, Json(body)).into_response()
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
