//! What every part of the running server shares beneath the signaling layer: the settings, the
//! worker pool, the rooms, the counters, identity checks and the media services (the buffer's
//! recording and the feed engine), and the shutdown signal. Signaling-only state (sessions,
//! parked sessions, connection limits, drain) lives in `signaling::hub`.

use std::sync::Arc;
use std::time::Instant;

use tokio_util::sync::CancellationToken;

use crate::auth::Authenticator;
use crate::cluster::Cluster;
use crate::config::Config;
use crate::recording::Recording;
use crate::room::Rooms;
use crate::stats::ServerCounters;
use crate::workers::WorkerPool;

pub(crate) struct Context {
    pub config: Config,
    pub pool: Arc<WorkerPool>,
    pub rooms: Arc<Rooms>,
    pub counters: Arc<ServerCounters>,
    /// Cancelled when the server shuts down: every session, task and listener stops on it.
    pub shutdown: CancellationToken,
    pub auth: Authenticator,
    /// The utterance buffer, its recorders, and the feed engine they tell of onsets.
    pub recording: Arc<Recording>,
    pub started: Instant,
    /// This node's side of a cluster (`[cluster]`, `--cluster`); none on its own.
    pub cluster: Option<Arc<Cluster>>,
}
