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
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::auth::Authenticator;
use crate::buffer::{StoreConfig, StoreStats, UtteranceStore};
use crate::config::{Config, ConfigError};
use crate::feed::engine::FeedEngine;
use crate::feed::FeedStats;
use crate::recommend::RandomRecommender;
use crate::room::Rooms;
use crate::signaling::ws::ConnectionLimiter;
use crate::stats::{ObjectCounts, ServerCounters};
use crate::tap::Recording;
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

/// What every session and handler shares.
pub(crate) struct ServerContext {
    pub config: Config,
    pub pool: WorkerPool,
    pub rooms: Rooms,
    pub counters: Arc<ServerCounters>,
    pub shutdown: CancellationToken,
    /// Cancelled when a drain starts (no new joins; peers told to move).
    pub draining: CancellationToken,
    /// When the drain ends, in ms since the Unix epoch (set before `draining` is cancelled).
    pub drain_deadline_ms: std::sync::atomic::AtomicU64,
    pub sessions: TaskTracker,
    /// Sessions whose socket dropped, waiting for `resume`.
    pub parked: Arc<crate::signaling::resume::Parked>,
    pub connections: Arc<ConnectionLimiter>,
    pub recording: Arc<Recording>,
    pub started: std::time::Instant,
    pub auth: Authenticator,
}

impl ServerContext {
    pub fn drain_deadline_ms(&self) -> u64 {
        self.drain_deadline_ms.load(std::sync::atomic::Ordering::Acquire)
    }
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
        let listener = std::net::TcpListener::bind(config.listen).map_err(|source| ServerError::Listen {
            addr: config.listen,
            source,
        })?;
        let local_addr = listener.local_addr().map_err(|source| ServerError::Listen {
            addr: config.listen,
            source,
        })?;
        let (pool, deaths) = WorkerPool::start(&config).await?;
        if config.admin.fault_injection {
            tracing::warn!("admin.fault_injection is on: admins can kill media workers (POST /admin/workers/N/crash)");
        }
        let counters = Arc::new(ServerCounters::default());
        let shutdown = CancellationToken::new();
        let (feeds, feed_task) = FeedEngine::start(shutdown.clone());
        let (auth, auth_task) = Authenticator::start(&config.auth, shutdown.clone());
        let ctx = Arc::new(ServerContext {
            rooms: Rooms::new(
                config.limits.max_rooms,
                config.limits.max_peers_per_room,
                Arc::clone(&counters),
            ),
            connections: ConnectionLimiter::new(config.limits.max_connections_per_ip, config.limits.max_connections),
            pool,
            counters,
            shutdown,
            draining: CancellationToken::new(),
            drain_deadline_ms: std::sync::atomic::AtomicU64::new(0),
            sessions: TaskTracker::new(),
            parked: Arc::default(),
            recording: Arc::new(Recording {
                store: UtteranceStore::new(StoreConfig {
                    cap_bytes: config.buffer.cap_bytes,
                }),
                recorders: Arc::default(),
                segmenter: config.buffer.segmenter(),
                feeds,
                recommender: Arc::new(RandomRecommender::new(rand::random())),
            }),
            auth,
            config,
            started: std::time::Instant::now(),
        });
        let ticker = tokio::spawn(Arc::clone(&ctx.recording.recorders).run_ticker(ctx.shutdown.clone()));
        let supervisor = tokio::spawn(supervise_workers(Arc::clone(&ctx), deaths));
        let app = crate::http::router(Arc::clone(&ctx)).into_make_service_with_connect_info::<SocketAddr>();
        let token = ctx.shutdown.clone();
        let listen_error = |source| ServerError::Listen {
            addr: local_addr,
            source,
        };
        let serve = match rustls {
            None => {
                listener.set_nonblocking(true).map_err(listen_error)?;
                let listener = TcpListener::from_std(listener).map_err(listen_error)?;
                tokio::spawn(async move {
                    axum::serve(listener, app)
                        .with_graceful_shutdown(async move { token.cancelled().await })
                        .await
                })
            }
            Some(rustls) => {
                let handle = axum_server::Handle::new();
                let stopper = handle.clone();
                tokio::spawn(async move {
                    token.cancelled().await;
                    // Sessions close themselves on the same token; this stops the listener.
                    stopper.graceful_shutdown(Some(Duration::from_secs(1)));
                });
                let server = axum_server::from_tcp_rustls(listener, rustls)
                    .map_err(listen_error)?
                    .handle(handle);
                tokio::spawn(async move { server.serve(app).await })
            }
        };
        tracing::info!(addr = %local_addr, tls = tls.is_some(), workers = ctx.pool.workers().len(), "sfu serving");
        Ok(ServerHandle {
            ctx,
            local_addr,
            tls,
            serve,
            ticker,
            supervisor,
            feed_task,
            auth_task,
        })
    }
}

/// A running server.
pub struct ServerHandle {
    ctx: Arc<ServerContext>,
    local_addr: SocketAddr,
    tls: Option<TlsMaterial>,
    serve: tokio::task::JoinHandle<std::io::Result<()>>,
    ticker: tokio::task::JoinHandle<()>,
    /// Replaces dead workers and moves their rooms.
    supervisor: tokio::task::JoinHandle<()>,
    feed_task: tokio::task::JoinHandle<()>,
    /// Keeps Google's token-signing keys fresh (Firebase auth only).
    auth_task: Option<tokio::task::JoinHandle<()>>,
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
        if self.ctx.draining.is_cancelled() {
            return;
        }
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        self.ctx.drain_deadline_ms.store(
            now_ms + deadline.as_millis() as u64,
            std::sync::atomic::Ordering::Release,
        );
        self.ctx.draining.cancel();
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
        self.ctx.sessions.close();
        let grace = Duration::from_secs(self.ctx.config.limits.shutdown_grace_secs);
        if tokio::time::timeout(grace, self.ctx.sessions.wait()).await.is_err() {
            tracing::warn!(
                remaining = self.ctx.sessions.len(),
                "sessions still open after the grace period; closing anyway"
            );
        }
        let result = match self.serve.await {
            Ok(r) => r.map_err(ServerError::Http),
            Err(e) => Err(ServerError::Http(std::io::Error::other(e))),
        };
        self.ctx.parked.clear();
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
async fn supervise_workers(ctx: Arc<ServerContext>, mut deaths: tokio::sync::mpsc::UnboundedReceiver<WorkerDeath>) {
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
