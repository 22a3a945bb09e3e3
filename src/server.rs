//! `Server::start` brings up the worker pool and the HTTP/WebSocket listener; the returned
//! [`ServerHandle`] is how the binary and the tests observe and stop it.
//!
//! Shutdown is designed in: one cancellation token reaches every session; each tells its client
//! (`serverShutdown`), closes its socket and releases its media objects; the handle waits for
//! them (bounded by `limits.shutdown_grace_secs`), then closes the rooms and the workers.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::auth::Authenticator;
use crate::buffer::{StoreStats, UtteranceStore};
use crate::config::{Config, ConfigError};
use crate::config::{FeedSettings, RecommenderKind};
use crate::context::Context;
use crate::feed::engine::FeedEngine;
use crate::feed::FeedStats;
use crate::recommend::{LearningConfig, LearningRecommender, PreferencesRecommender, RandomRecommender, Recommender};
use crate::recording::Recording;
use crate::room::Rooms;
use crate::signaling::hub::SignalingHub;
use crate::stats::{ObjectCounts, ServerCounters};
use crate::tls::TlsMaterial;
use crate::workers::{PoolError, WorkerDeath, WorkerPool, WorkerStats};

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Pool(#[from] PoolError),
    #[error("cannot listen on {addr}: {source}")]
    Listen { addr: SocketAddr, source: std::io::Error },
    #[error("HTTP server failed: {0}")]
    Http(std::io::Error),
}

pub struct Server;

impl Server {
    /// Validates the config, starts the workers and begins serving.
    pub async fn start(config: Config) -> Result<ServerHandle, ServerError> {
        config.validate()?;
        let tls = crate::tls::material(&config)?;
        let rustls = match &tls {
            Some(m) => Some(crate::tls::rustls_config(m).await?),
            None => None,
        };
        let listen = config.listen;
        let listen_error = |source| ServerError::Listen { addr: listen, source };
        let listener = std::net::TcpListener::bind(listen).map_err(listen_error)?;
        let local_addr = listener.local_addr().map_err(listen_error)?;
        let (pool, deaths) = WorkerPool::start(&config).await?;
        if config.admin.fault_injection {
            tracing::warn!("admin.fault_injection is on: admins can kill media workers (POST /admin/workers/N/crash)");
        }
        let (ctx, tasks) = context(config, pool);
        let hub = Arc::new(SignalingHub::new(&ctx.config.limits));
        let ticker = tokio::spawn(Arc::clone(&ctx.recording.recorders).run_ticker(ctx.shutdown.clone()));
        let supervisor = tokio::spawn(supervise_workers(Arc::clone(&ctx), deaths));
        let app =
            crate::http::router(Arc::clone(&ctx), Arc::clone(&hub)).into_make_service_with_connect_info::<SocketAddr>();
        let serve = serve_http(listener, rustls, app, ctx.shutdown.clone()).map_err(|source| ServerError::Listen {
            addr: local_addr,
            source,
        })?;
        tracing::info!(addr = %local_addr, tls = tls.is_some(), workers = ctx.pool.workers().len(), "sfu serving");
        Ok(ServerHandle {
            ctx,
            hub,
            local_addr,
            tls,
            serve,
            ticker,
            supervisor,
            feed_task: tasks.feed,
            auth_task: tasks.auth,
        })
    }
}

/// The core's own tasks, awaited at shutdown.
struct CoreTasks {
    feed: JoinHandle<()>,
    auth: Option<JoinHandle<()>>,
}

/// The recommender `[feed]` asks for, seeded from the config or at random.
fn recommender(settings: &FeedSettings) -> Arc<dyn Recommender> {
    let seed = settings.seed.unwrap_or_else(rand::random);
    tracing::info!(recommender = ?settings.recommender, seed, "feed recommender");
    match settings.recommender {
        RecommenderKind::Random => Arc::new(PreferencesRecommender::new(RandomRecommender::new(seed))),
        RecommenderKind::Learning | RecommenderKind::External => {
            Arc::new(LearningRecommender::new(LearningConfig::new(seed)))
        }
    }
}

/// The core context: buffer, feed engine, rooms, auth, counters around the started pool.
fn context(config: Config, pool: WorkerPool) -> (Arc<Context>, CoreTasks) {
    let counters = Arc::new(ServerCounters::default());
    let shutdown = CancellationToken::new();
    let store = UtteranceStore::new(config.buffer.store());
    let (feeds, feed) = FeedEngine::start(shutdown.clone(), store.clone(), recommender(&config.feed));
    let (auth, auth_task) = Authenticator::start(&config.auth, shutdown.clone());
    let rooms = Rooms::new(
        config.limits.max_rooms,
        config.limits.max_peers_per_room,
        Arc::clone(&counters),
        feeds.clone(),
    );
    let recording = Arc::new(Recording {
        store,
        recorders: Arc::default(),
        segmenter: config.buffer.segmenter(),
        feeds,
    });
    let ctx = Arc::new(Context {
        rooms,
        pool,
        counters,
        shutdown,
        recording,
        auth,
        config,
        started: std::time::Instant::now(),
    });
    (ctx, CoreTasks { feed, auth: auth_task })
}

type App = axum::extract::connect_info::IntoMakeServiceWithConnectInfo<axum::Router, SocketAddr>;

/// Serves `app` on `listener` (over TLS when `rustls` is given) until `shutdown`.
fn serve_http(
    listener: std::net::TcpListener,
    rustls: Option<axum_server::tls_rustls::RustlsConfig>,
    app: App,
    shutdown: CancellationToken,
) -> std::io::Result<JoinHandle<std::io::Result<()>>> {
    Ok(match rustls {
        None => {
            listener.set_nonblocking(true)?;
            let listener = TcpListener::from_std(listener)?;
            tokio::spawn(async move {
                axum::serve(listener, app)
                    .with_graceful_shutdown(async move { shutdown.cancelled().await })
                    .await
            })
        }
        Some(rustls) => {
            let handle = axum_server::Handle::new();
            let stopper = handle.clone();
            tokio::spawn(async move {
                shutdown.cancelled().await;
                // Sessions close themselves on the same token; this stops the listener.
                stopper.graceful_shutdown(Some(Duration::from_secs(1)));
            });
            let server = axum_server::from_tcp_rustls(listener, rustls)?.handle(handle);
            tokio::spawn(async move { server.serve(app).await })
        }
    })
}

/// A running server.
pub struct ServerHandle {
    ctx: Arc<Context>,
    hub: Arc<SignalingHub>,
    local_addr: SocketAddr,
    tls: Option<TlsMaterial>,
    serve: JoinHandle<std::io::Result<()>>,
    ticker: JoinHandle<()>,
    /// Replaces dead workers and moves their rooms.
    supervisor: JoinHandle<()>,
    feed_task: JoinHandle<()>,
    /// Keeps Google's token-signing keys fresh (Firebase auth only).
    auth_task: Option<JoinHandle<()>>,
}

impl ServerHandle {
    /// The HTTP address actually bound (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// `ws://addr/ws`, or `wss://` with TLS.
    pub fn ws_url(&self) -> String {
        let scheme = if self.tls.is_some() { "wss" } else { "ws" };
        format!("{scheme}://{}/ws", self.local_addr)
    }

    /// `http://addr`, or `https://` with TLS.
    pub fn http_url(&self) -> String {
        let scheme = if self.tls.is_some() { "https" } else { "http" };
        format!("{scheme}://{}", self.local_addr)
    }

    /// The certificate served, when TLS is on (a client of a `--dev-tls` server must trust it).
    pub fn tls_certificate_pem(&self) -> Option<&str> {
        self.tls.as_ref().map(|m| m.cert_pem.as_str())
    }

    pub fn counts(&self) -> ObjectCounts {
        self.ctx.counters.snapshot()
    }

    pub fn workers(&self) -> Vec<WorkerStats> {
        self.ctx.pool.stats()
    }

    /// Number of routers and WebRTC transports that mediasoup itself reports, over all workers:
    /// the check that nothing leaked on the C++ side either.
    pub async fn mediasoup_objects(&self) -> (usize, usize) {
        let mut routers = 0;
        let mut transports = 0;
        for w in self.ctx.pool.workers() {
            if let Ok(dump) = w.worker().dump().await {
                routers += dump.router_ids.len();
            }
            if let Ok(dump) = w.webrtc_server().dump().await {
                transports += dump.webrtc_transport_ids.len();
            }
        }
        (routers, transports)
    }

    /// The utterance buffer's numbers: bytes, utterances live and finished, evictions, per room.
    pub fn buffer_stats(&self) -> StoreStats {
        self.ctx.recording.store.stats()
    }

    /// The feed engine's counters: feeds running, packets sent, switches.
    pub fn feed_stats(&self) -> FeedStats {
        self.ctx.recording.feeds.stats()
    }

    /// Everything the admin API shows: rooms, peers and their media objects, buffer, workers.
    pub async fn dump(&self, room: Option<&str>) -> crate::dump::ServerDump {
        crate::admin::dump(&self.ctx, room).await
    }

    /// Room name → (worker index, peers), for placement checks.
    pub fn rooms(&self) -> Vec<(String, usize, usize)> {
        self.ctx
            .rooms
            .list()
            .iter()
            .map(|r| (r.id().to_string(), r.media().worker().index(), r.peer_count()))
            .collect()
    }

    /// Fault injection: makes mediasoup worker `index` exit as a crash would. The server then
    /// replaces it and moves its rooms, as it does for a real death.
    pub fn simulate_worker_crash(&self, index: usize) -> Result<(), PoolError> {
        self.ctx.pool.simulate_crash(index)
    }

    /// A token that starts the shutdown when cancelled (e.g. from a signal handler).
    pub fn shutdown_token(&self) -> CancellationToken {
        self.ctx.shutdown.clone()
    }

    /// Resolves when a shutdown has been asked for.
    pub async fn shutdown_requested(&self) {
        self.ctx.shutdown.cancelled().await
    }

    /// Drains: stops taking joins and WebSocket connections, reports `draining` on `/healthz`,
    /// tells every peer (`serverDraining`) to move, and waits until the last peer has left or
    /// `deadline` has passed, or a shutdown is asked for. Call [`ServerHandle::shutdown`] after.
    pub async fn drain(&self, deadline: Duration) {
        if !self.hub.start_drain(deadline) {
            return;
        }
        tracing::info!(
            peers = self.ctx.counters.peers.get(),
            deadline_secs = deadline.as_secs_f64(),
            "draining"
        );
        let until = tokio::time::Instant::now() + deadline;
        let mut poll = tokio::time::interval(Duration::from_millis(100));
        loop {
            tokio::select! {
                _ = poll.tick() => {}
                _ = tokio::time::sleep_until(until) => {
                    tracing::info!(peers = self.ctx.counters.peers.get(), "drain deadline reached");
                    return;
                }
                _ = self.ctx.shutdown.cancelled() => return,
            }
            if self.ctx.counters.peers.get() == 0 {
                tracing::info!("drained: no peer left");
                return;
            }
        }
    }

    /// Tells every peer, closes every session, room and worker; returns when all are gone.
    pub async fn shutdown(self) -> Result<(), ServerError> {
        self.ctx.shutdown.cancel();
        self.hub.sessions.close();
        let grace = Duration::from_secs(self.ctx.config.limits.shutdown_grace_secs);
        if tokio::time::timeout(grace, self.hub.sessions.wait()).await.is_err() {
            tracing::warn!(
                remaining = self.hub.sessions.len(),
                "sessions still open after the grace period; closing anyway"
            );
        }
        let result = match self.serve.await {
            Ok(r) => r.map_err(ServerError::Http),
            Err(e) => Err(ServerError::Http(std::io::Error::other(e))),
        };
        self.hub.parked.clear();
        let _ = self.ticker.await;
        let _ = self.supervisor.await;
        let _ = self.feed_task.await;
        if let Some(task) = self.auth_task {
            let _ = task.await;
        }
        self.ctx.rooms.clear();
        tracing::info!(counts = ?self.ctx.counters.snapshot(), "sfu stopped");
        result
    }
}

/// Attempts at starting a replacement worker before giving up on that slot.
const REPLACE_ATTEMPTS: u32 = 5;

/// Owns the recovery from worker deaths: for each dead worker, starts a replacement in its slot
/// (a few attempts, backing off) and moves every room that lived on it to a live worker; their
/// peers hear `mediaReset` and set up media again on the same connection. Rooms on the other
/// workers are not touched.
async fn supervise_workers(ctx: Arc<Context>, mut deaths: tokio::sync::mpsc::UnboundedReceiver<WorkerDeath>) {
    loop {
        let death = tokio::select! {
            _ = ctx.shutdown.cancelled() => return,
            death = deaths.recv() => match death {
                Some(death) => death,
                None => return,
            },
        };
        let started = std::time::Instant::now();
        for attempt in 1..=REPLACE_ATTEMPTS {
            match ctx.pool.replace(death).await {
                Ok(_) => break,
                Err(e) if attempt == REPLACE_ATTEMPTS => {
                    tracing::error!(worker = death.index, error = %e, "cannot replace the dead worker; its rooms go to the others");
                }
                Err(e) => {
                    tracing::warn!(worker = death.index, attempt, error = %e, "cannot replace the dead worker yet");
                    tokio::select! {
                        _ = ctx.shutdown.cancelled() => return,
                        _ = tokio::time::sleep(Duration::from_millis(200) * attempt) => {}
                    }
                }
            }
        }
        let replaced_ms = started.elapsed().as_millis() as u64;
        let (mut moved, mut failed) = (0, 0);
        for room in ctx.rooms.list() {
            match room.rehome(&ctx.pool).await {
                Ok(true) => moved += 1,
                Ok(false) => {}
                Err(e) => {
                    failed += 1;
                    tracing::error!(room = room.id(), error = %e, "cannot move the room off the dead worker");
                }
            }
        }
        tracing::warn!(
            worker = death.index,
            replaced_ms,
            rooms_moved = moved,
            rooms_failed = failed,
            recovery_ms = started.elapsed().as_millis() as u64,
            "recovered from a worker death"
        );
    }
}
