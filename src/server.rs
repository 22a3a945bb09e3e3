//! `Server::start` brings up the worker pool and the HTTP/WebSocket listener; the returned
//! [`ServerHandle`] is how the binary and the tests observe and stop it.
//!
//! Shutdown is designed in: one cancellation token reaches every session; each tells its client
//! (`serverShutdown`), closes its socket and releases its media objects; the handle waits for
//! them (bounded by `limits.shutdown_grace_secs`), then closes the rooms and the workers.

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::auth::Authenticator;
use crate::buffer::{StoreStats, UtteranceStore};
use crate::cluster::{Cluster, ClusterParts};
use crate::config::{Cidr, Config, ConfigError, FeedSettings, RecommenderKind};
use crate::context::Context;
use crate::feed::engine::{Arm, Deciders, FeedEngine};
use crate::feed::FeedStats;
use crate::recommend::{LearningConfig, LearningRecommender, PreferencesRecommender, RandomRecommender, Recommender};
use crate::recording::Recording;
use crate::room::Rooms;
use crate::signaling::hub::SignalingHub;
use crate::signaling::proxy::{self, ProxyHeaderError};
use crate::stats::{Counter, Gauge, ObjectCounts, ServerCounters};
use crate::tls::{CertReloader, ReloadError, Reloaded, TlsMaterial};
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
    #[error("cannot start the cluster node: {0}")]
    Cluster(#[from] crate::cluster::ClusterError),
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
        let reloader = cert_reloader(&config, tls.as_ref(), rustls.as_ref());
        let listen = config.listen;
        let listen_error = |source| ServerError::Listen { addr: listen, source };
        let listener = std::net::TcpListener::bind(listen).map_err(listen_error)?;
        let local_addr = listener.local_addr().map_err(listen_error)?;
        let (pool, deaths) = WorkerPool::start(&config).await?;
        if config.admin.fault_injection {
            tracing::warn!("admin.fault_injection is on: admins can kill media workers (POST /admin/workers/N/crash)");
        }
        let scheme = if tls.is_some() { "https" } else { "http" };
        let (ctx, tasks) = context(config, pool, local_url(scheme, local_addr))?;
        let hub = Arc::new(SignalingHub::new(&ctx.config.limits));
        let ticker = tokio::spawn(Arc::clone(&ctx.recording.recorders).run_ticker(ctx.shutdown.clone()));
        let supervisor = tokio::spawn(supervise_workers(Arc::clone(&ctx), deaths));
        let app = crate::http::router(Arc::clone(&ctx), Arc::clone(&hub));
        let serve = match serve_http(listener, rustls, app, &ctx) {
            Ok(serve) => serve,
            Err(source) => {
                // The tasks started above stop on the shutdown token.
                ctx.shutdown.cancel();
                return Err(ServerError::Listen {
                    addr: local_addr,
                    source,
                });
            }
        };
        // Started once serving: nothing can fail after it in here.
        let every = Duration::from_secs(ctx.config.tls.reload_check_secs);
        let tls_task = match &reloader {
            Some(r) if !every.is_zero() => Some(tokio::spawn(Arc::clone(r).watch(every, ctx.shutdown.clone()))),
            _ => None,
        };
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
            reloader,
            tls_task,
        })
    }
}

/// A reloader for a certificate served from files (not for `--dev-tls`'s own one).
fn cert_reloader(
    config: &Config,
    tls: Option<&TlsMaterial>,
    rustls: Option<&axum_server::tls_rustls::RustlsConfig>,
) -> Option<Arc<CertReloader>> {
    match (tls, rustls, &config.tls.cert, &config.tls.key) {
        (Some(m), Some(rustls), Some(cert), Some(key)) if !m.self_signed => Some(Arc::new(CertReloader::new(
            rustls.clone(),
            cert.clone(),
            key.clone(),
            m,
        ))),
        _ => None,
    }
}

/// The core's own tasks, awaited at shutdown.
struct CoreTasks {
    feed: JoinHandle<()>,
    auth: Option<JoinHandle<()>>,
}

/// The recommenders `[feed]` asks for, seeded from the config or at random: the external
/// service (when set) decides first and the learning recommender stands in for it.
fn deciders(settings: &FeedSettings) -> Deciders {
    let seed = settings.seed.unwrap_or_else(rand::random);
    tracing::info!(recommender = ?settings.recommender, seed, url = ?settings.external_url, experiment = ?settings.experiment, "feed recommender");
    let policy = |kind: RecommenderKind| -> Arc<dyn Recommender> {
        match kind {
            RecommenderKind::Random => Arc::new(PreferencesRecommender::new(RandomRecommender::new(seed))),
            RecommenderKind::Learning | RecommenderKind::External => {
                Arc::new(LearningRecommender::new(LearningConfig::new(seed)))
            }
        }
    };
    let external = match (&settings.recommender, settings.external_uri()) {
        (RecommenderKind::External, Some(url)) => Some((url, Duration::from_millis(settings.external_timeout_ms))),
        _ => None,
    };
    Deciders {
        recommender: policy(settings.recommender),
        name: settings.recommender.name(),
        external,
        experiment: settings.experiment.as_ref().map(|x| Arm {
            name: x.recommender.name(),
            recommender: policy(x.recommender),
            percent: x.percent,
        }),
    }
}

/// The URL of this server as seen from this machine (`127.0.0.1` for an unspecified address).
fn local_url(scheme: &str, addr: SocketAddr) -> String {
    let shown = if addr.ip().is_unspecified() {
        SocketAddr::from(([127, 0, 0, 1], addr.port()))
    } else {
        addr
    };
    format!("{scheme}://{shown}")
}

/// The core context: buffer, feed engine, rooms, auth, counters around the started pool, and
/// the cluster node when `[cluster]` is on.
fn context(config: Config, pool: WorkerPool, local_url: String) -> Result<(Arc<Context>, CoreTasks), ServerError> {
    let counters = Arc::new(ServerCounters::default());
    let shutdown = CancellationToken::new();
    let store = UtteranceStore::new(config.buffer.store());
    let (feeds, feed) = FeedEngine::start(
        shutdown.clone(),
        store.clone(),
        deciders(&config.feed),
        config.feed.share_playouts,
        std::time::Duration::from_millis(config.feed.join_window_ms),
    );
    let (auth, auth_task) = Authenticator::start(&config.auth, shutdown.clone());
    let node = config.cluster.enabled().then(|| crate::cluster::node_id(&config));
    let (announce, events) = node.clone().map(crate::cluster::announcer).unzip();
    let rooms = Arc::new(Rooms::new(
        config.limits.max_rooms,
        config.limits.max_peers_per_room,
        Arc::clone(&counters),
        feeds.clone(),
        announce,
    ));
    let recording = Arc::new(Recording {
        store,
        recorders: Arc::default(),
        segmenter: config.buffer.segmenter(),
        feeds,
    });
    let pool = Arc::new(pool);
    let cluster = match (node, events) {
        (Some(node), Some(events)) => {
            let parts = ClusterParts {
                rooms: Arc::clone(&rooms),
                pool: Arc::clone(&pool),
                counters: Arc::clone(&counters),
                recording: Arc::clone(&recording),
                shutdown: shutdown.clone(),
                local_url,
            };
            match Cluster::start(&config, node, parts, events) {
                Ok(c) => Some(c),
                Err(e) => {
                    shutdown.cancel();
                    return Err(e.into());
                }
            }
        }
        _ => None,
    };
    let ctx = Arc::new(Context {
        rooms,
        pool,
        counters,
        shutdown,
        recording,
        auth,
        config,
        started: std::time::Instant::now(),
        cluster,
    });
    Ok((ctx, CoreTasks { feed, auth: auth_task }))
}

/// How the listener serves one connection.
struct HttpServing {
    app: axum::Router,
    tls: Option<TlsServing>,
    trusted_proxies: Vec<Cidr>,
    proxy_protocol: bool,
    /// Bounds the PROXY header, the TLS handshake and each request's header.
    header_timeout: Duration,
    connections: Gauge,
}

/// Serves `app` on `listener` (over TLS when `rustls` is given) until the shutdown: hyper's
/// HTTP/1.1 with a header-read timeout, each connection counted, and behind trusted proxies
/// with `limits.proxy_protocol` a PROXY v2 header read first.
fn serve_http(
    listener: std::net::TcpListener,
    rustls: Option<axum_server::tls_rustls::RustlsConfig>,
    app: axum::Router,
    ctx: &Context,
) -> std::io::Result<JoinHandle<std::io::Result<()>>> {
    listener.set_nonblocking(true)?;
    let listener = TcpListener::from_std(listener)?;
    let limits = &ctx.config.limits;
    let serving = Arc::new(HttpServing {
        app,
        tls: rustls.map(TlsServing::new),
        trusted_proxies: limits.trusted_proxies.clone(),
        proxy_protocol: limits.proxy_protocol,
        header_timeout: Duration::from_secs(limits.http_header_timeout_secs),
        connections: ctx.counters.http_connections.clone(),
    });
    Ok(tokio::spawn(accept_loop(listener, serving, ctx.shutdown.clone())))
}

/// The TLS side of the listener: the certificate served now (the `RustlsConfig` that a
/// reload swaps in place), as an acceptor speaking HTTP/1.1 only (the WebSocket upgrade is
/// HTTP/1.1), rebuilt when a reload changed the configuration.
struct TlsServing {
    rustls: axum_server::tls_rustls::RustlsConfig,
    acceptor: parking_lot::Mutex<(Arc<rustls::ServerConfig>, TlsAcceptor)>,
}

impl TlsServing {
    fn new(rustls: axum_server::tls_rustls::RustlsConfig) -> TlsServing {
        let current = rustls.get_inner();
        let acceptor = Self::http1_acceptor(&current);
        TlsServing {
            rustls,
            acceptor: parking_lot::Mutex::new((current, acceptor)),
        }
    }

    fn http1_acceptor(config: &rustls::ServerConfig) -> TlsAcceptor {
        let mut server = config.clone();
        server.alpn_protocols = vec![b"http/1.1".to_vec()];
        TlsAcceptor::from(Arc::new(server))
    }

    /// The acceptor for the certificate served now.
    fn acceptor(&self) -> TlsAcceptor {
        let current = self.rustls.get_inner();
        let mut cached = self.acceptor.lock();
        if !Arc::ptr_eq(&cached.0, &current) {
            *cached = (Arc::clone(&current), Self::http1_acceptor(&current));
        }
        cached.1.clone()
    }
}

/// How long open HTTP connections get to finish their request at shutdown.
const HTTP_SHUTDOWN_GRACE: Duration = Duration::from_secs(1);

/// Accepts until `shutdown`, one owned task per connection; then waits (bounded) for them.
async fn accept_loop(
    listener: TcpListener,
    serving: Arc<HttpServing>,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    let connections = TaskTracker::new();
    loop {
        let accepted = tokio::select! {
            _ = shutdown.cancelled() => break,
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((stream, peer)) => {
                let (serving, shutdown) = (Arc::clone(&serving), shutdown.clone());
                connections.spawn(async move { serving.connection(stream, peer, shutdown).await });
            }
            Err(e) => {
                // Out of file descriptors and the like: back off rather than spin.
                tracing::warn!(error = %e, "cannot accept an HTTP connection");
                tokio::select! {
                    _ = shutdown.cancelled() => break,
                    _ = tokio::time::sleep(Duration::from_millis(100)) => {}
                }
            }
        }
    }
    drop(listener);
    connections.close();
    if tokio::time::timeout(HTTP_SHUTDOWN_GRACE * 2, connections.wait())
        .await
        .is_err()
    {
        tracing::warn!(open = connections.len(), "HTTP connections still open at shutdown");
    }
    Ok(())
}

impl HttpServing {
    /// One connection: counted while its socket lives (through a WebSocket upgrade too).
    async fn connection(&self, mut stream: tokio::net::TcpStream, peer: SocketAddr, shutdown: CancellationToken) {
        let counted = self.connections.count();
        let _ = stream.set_nodelay(true);
        let remote = tokio::select! {
            _ = shutdown.cancelled() => return,
            remote = self.client_address(&mut stream, peer) => remote,
        };
        let remote = match remote {
            Ok(remote) => remote,
            Err(e) => {
                tracing::info!(%peer, error = %e, "connection closed: bad PROXY protocol header");
                return;
            }
        };
        let stream = Counted {
            io: stream,
            _counted: counted,
        };
        let Some(tls) = &self.tls else {
            return self.serve(stream, remote, shutdown).await;
        };
        let handshake = tokio::select! {
            _ = shutdown.cancelled() => return,
            handshake = tokio::time::timeout(self.header_timeout, tls.acceptor().accept(stream)) => handshake,
        };
        match handshake {
            Ok(Ok(stream)) => self.serve(stream, remote, shutdown).await,
            Ok(Err(e)) => tracing::debug!(%remote, error = %e, "TLS handshake failed"),
            Err(_) => tracing::debug!(%remote, "TLS handshake timed out"),
        }
    }

    /// The connection's peer, or behind a trusted proxy speaking PROXY protocol, the source
    /// address in its header.
    async fn client_address(
        &self,
        stream: &mut tokio::net::TcpStream,
        peer: SocketAddr,
    ) -> Result<SocketAddr, ProxyHeaderError> {
        if !self.proxy_protocol || !proxy::is_trusted(peer.ip(), &self.trusted_proxies) {
            return Ok(peer);
        }
        match tokio::time::timeout(self.header_timeout, proxy::read_proxy_v2(stream)).await {
            Ok(source) => Ok(source?.unwrap_or(peer)),
            Err(_) => Err(ProxyHeaderError::Io("timed out".into())),
        }
    }

    /// HTTP/1.1 on `io` (with upgrades), `remote` as the handlers' `ConnectInfo`.
    async fn serve<I>(&self, io: I, remote: SocketAddr, shutdown: CancellationToken)
    where
        I: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    {
        use hyper::service::Service as _;
        let app = TowerToHyperService::new(self.app.clone());
        let service = hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo(remote));
            app.call(request)
        });
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(self.header_timeout)
            .serve_connection(TokioIo::new(io), service)
            .with_upgrades();
        tokio::pin!(conn);
        let result = tokio::select! {
            result = conn.as_mut() => result,
            _ = shutdown.cancelled() => {
                conn.as_mut().graceful_shutdown();
                match tokio::time::timeout(HTTP_SHUTDOWN_GRACE, conn).await {
                    Ok(result) => result,
                    Err(_) => return,
                }
            }
        };
        if let Err(e) = result {
            tracing::debug!(%remote, error = %e, "HTTP connection ended with an error");
        }
    }
}

/// A socket that holds its place in the connection gauge until it is dropped.
struct Counted {
    io: tokio::net::TcpStream,
    _counted: Counter,
}

impl tokio::io::AsyncRead for Counted {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for Counted {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
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
    /// Swaps in a renewed certificate (TLS from files only).
    reloader: Option<Arc<CertReloader>>,
    /// Checks the certificate files every `tls.reload_check_secs`.
    tls_task: Option<JoinHandle<()>>,
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

    /// The certificate served at start, when TLS is on (a client of a `--dev-tls` server must
    /// trust it). After a reload, [`ServerHandle::current_tls_certificate_pem`] has the new one.
    pub fn tls_certificate_pem(&self) -> Option<&str> {
        self.tls.as_ref().map(|m| m.cert_pem.as_str())
    }

    /// The certificate new connections get now (it changes when a reload swaps one in).
    pub fn current_tls_certificate_pem(&self) -> Option<String> {
        match &self.reloader {
            Some(r) => Some(r.certificate_pem()),
            None => self.tls_certificate_pem().map(str::to_string),
        }
    }

    /// Reads `tls.cert` and `tls.key` again and serves their certificate to new connections;
    /// open connections are not touched. A pair that does not load keeps the certificate in
    /// use, and the error says why. What SIGHUP does in `sfu serve`.
    pub async fn reload_tls(&self) -> Result<Reloaded, ReloadError> {
        match &self.reloader {
            Some(r) => r.reload(true).await,
            None => Err(ReloadError::NotFromFiles),
        }
    }

    pub fn counts(&self) -> ObjectCounts {
        self.ctx.counters.snapshot()
    }

    pub fn workers(&self) -> Vec<WorkerStats> {
        self.ctx.pool.stats()
    }

    /// A cluster node's pipes (out to other nodes, in from them) and the RTP packets sent and
    /// received over them so far; `None` when the server is not a cluster node.
    pub fn cluster_pipes(&self) -> Option<crate::stats::ClusterPipes> {
        self.ctx.cluster.as_ref().map(|c| {
            let ((pipes_out, pipes_in), (packets_out, packets_in)) = (c.pipe_counts(), c.packet_counts());
            crate::stats::ClusterPipes {
                pipes_out,
                pipes_in,
                packets_out,
                packets_in,
            }
        })
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
        crate::admin::dump(&self.ctx, room, &self.hub.parked.dumps()).await
    }

    /// Room name → (home worker index, peers), for placement checks.
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
        if self.hub.is_draining() {
            return;
        }
        if let Some(cluster) = &self.ctx.cluster {
            cluster.set_draining();
            // Before the peers hear of the drain: they move where the rooms can go.
            if let Some(url) = cluster.hand_over().await {
                self.hub.set_redirect(url);
            }
        }
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
        if let Some(cluster) = &self.ctx.cluster {
            cluster.stop().await;
        }
        let _ = self.ticker.await;
        let _ = self.supervisor.await;
        let _ = self.feed_task.await;
        for task in [self.auth_task, self.tls_task].into_iter().flatten() {
            let _ = task.await;
        }
        self.ctx.rooms.clear();
        tracing::info!(counts = ?self.ctx.counters.snapshot(), "sfu stopped");
        result
    }
}

/// Attempts at starting a replacement worker before giving up on that slot.
const REPLACE_ATTEMPTS: u32 = 5;

/// How often the workers' CPU is sampled for placement.
const CPU_SAMPLE_EVERY: Duration = Duration::from_secs(1);

/// Owns the workers' upkeep: samples their CPU every second (for placement), and recovers from
/// worker deaths: for each dead worker, starts a replacement in its slot (a few attempts,
/// backing off) and moves every room homed on it to a live worker (their peers hear
/// `mediaReset` and set up media again on the same connection); rooms that only had viewers on
/// it drop that router and only those viewers hear `mediaReset`. Other rooms are not touched.
async fn supervise_workers(ctx: Arc<Context>, mut deaths: tokio::sync::mpsc::UnboundedReceiver<WorkerDeath>) {
    let mut sample = tokio::time::interval(CPU_SAMPLE_EVERY);
    sample.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let death = tokio::select! {
            _ = ctx.shutdown.cancelled() => return,
            _ = sample.tick() => {
                ctx.pool.sample_cpu();
                continue;
            }
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
            match room.recover(&ctx.pool).await {
                Ok(true) => moved += 1,
                Ok(false) => {}
                Err(e) => {
                    failed += 1;
                    tracing::error!(room = room.id(), error = %e, "cannot recover the room from the dead worker");
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
