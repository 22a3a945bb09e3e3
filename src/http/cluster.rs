//! The cluster's HTTP routes (docs/cluster.md): `GET /cluster/nodes` (the live nodes, for
//! clients and `sfu inspect`; in production their load only with the admin token), and the node-to-node requests, each signed with the cluster's
//! secret (`cluster::sign`): `POST /cluster/snapshot`, `/cluster/pipe`, `/cluster/unpipe`.
//! Without a cluster they answer 404.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::{check_admin, http_error, AppState};
use crate::cluster::wire::{NodeRecord, PipeRequest, SnapshotRequest, UnpipeRequest};
use crate::cluster::{Cluster, ClusterError};
use crate::config::Mode;
use crate::protocol::ErrorCode;

#[derive(Serialize)]
struct Nodes {
    /// The node that answered.
    node: String,
    /// True while that node cannot reach Redis (the list is its last one).
    degraded: bool,
    nodes: Vec<NodeRecord>,
}

fn no_cluster() -> Response {
    http_error(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "this server is not part of a cluster (start it with --cluster redis://HOST:PORT)",
    )
}

/// Where a client may connect: what anyone sees of a node in production (its load tells how
/// busy the service is, like `/healthz`'s counts).
#[derive(Serialize)]
struct PublicNode {
    id: String,
    url: String,
    draining: bool,
}

pub(super) async fn nodes(State(AppState { ctx, .. }): State<AppState>, headers: HeaderMap) -> Response {
    let Some(cluster) = &ctx.cluster else {
        return no_cluster();
    };
    let (node, degraded, nodes) = (cluster.node_id().to_string(), cluster.degraded(), cluster.nodes());
    let full = ctx.config.mode == Mode::Development
        || (headers.contains_key(axum::http::header::AUTHORIZATION) && check_admin(&ctx, &headers).await.is_ok());
    if full {
        return Json(Nodes { node, degraded, nodes }).into_response();
    }
    let nodes: Vec<PublicNode> = nodes
        .into_iter()
        .map(|n| PublicNode {
            id: n.id,
            url: n.url,
            draining: n.draining,
        })
        .collect();
    Json(serde_json::json!({"node": node, "degraded": degraded, "nodes": nodes})).into_response()
}

fn error(e: ClusterError) -> Response {
    let (status, code) = match &e {
        ClusterError::Sign(_) => (StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated),
        ClusterError::NoRoom(_) | ClusterError::NoProducer(..) => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
        ClusterError::BadRequest(_) => (StatusCode::BAD_REQUEST, ErrorCode::InvalidParams),
        ClusterError::Unavailable(_) | ClusterError::Redirect { .. } => {
            (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::ClusterUnavailable)
        }
        ClusterError::Media(_) => (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::MediaError),
    };
    http_error(status, code, &e.to_string())
}

/// The cluster, the signed request's sender and its parsed body; or the response to send.
fn signed<T: serde::de::DeserializeOwned>(
    cluster: Option<&Arc<Cluster>>,
    uri: &Uri,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<(Arc<Cluster>, String, T), Box<Response>> {
    let cluster = cluster.ok_or_else(|| Box::new(no_cluster()))?;
    let sender = cluster
        .verify(uri.path(), body, |name| headers.get(name).and_then(|v| v.to_str().ok()))
        .map_err(|e| {
            tracing::warn!(path = uri.path(), error = %e, "node-to-node request refused");
            Box::new(error(e))
        })?;
    let parsed = serde_json::from_slice(body).map_err(|e| Box::new(error(ClusterError::BadRequest(e.to_string()))))?;
    Ok((Arc::clone(cluster), sender, parsed))
}

pub(super) async fn snapshot(
    State(AppState { ctx, .. }): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (cluster, _, request) = match signed::<SnapshotRequest>(ctx.cluster.as_ref(), &uri, &headers, &body) {
        Ok(r) => r,
        Err(response) => return *response,
    };
    match cluster.serve_snapshot(&request) {
        Ok(s) => Json(s).into_response(),
        Err(e) => error(e),
    }
}

pub(super) async fn pipe(
    State(AppState { ctx, .. }): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (cluster, edge, request) = match signed::<PipeRequest>(ctx.cluster.as_ref(), &uri, &headers, &body) {
        Ok(r) => r,
        Err(response) => return *response,
    };
    match cluster.serve_pipe(&edge, &request).await {
        Ok(answer) => Json(answer).into_response(),
        Err(e) => error(e),
    }
}

pub(super) async fn unpipe(
    State(AppState { ctx, .. }): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (cluster, edge, request) = match signed::<UnpipeRequest>(ctx.cluster.as_ref(), &uri, &headers, &body) {
        Ok(r) => r,
        Err(response) => return *response,
    };
    cluster.serve_unpipe(&edge, &request);
    Json(serde_json::json!({})).into_response()
}
