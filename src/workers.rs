//! The pool of mediasoup workers: one worker thread per core, each with a WebRtcServer so that all
//! of its transports share one UDP (and TCP) port, placement of new rooms by load, and per-worker
//! CPU read from `/proc/self/task/<tid>/stat` (the Rust crate has no resource-usage call; see
//! [`crate::procfs`]).
//!
//! Placement is by measured load: [`WorkerPool::sample_cpu`] (called every second by the
//! server's supervisor) keeps each worker's CPU share over the last seconds, and
//! [`choose`] ranks workers by it, then by peers. A room's home goes to the least-loaded
//! worker; a viewer stays on its room's home while that has headroom
//! ([`crate::config::PlacementConfig`]), else goes to the least-loaded worker that has some.
//!
//! A worker that dies is reported on the pool's death channel; the server's supervisor then
//! asks the pool to [`WorkerPool::replace`] it (same slot, a new thread and WebRtcServer) and
//! moves the rooms that lived on it (see `room.rs`).

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU32, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use event_listener_primitives::HandlerId;
use mediasoup::prelude::*;
use mediasoup::worker::{WorkerLogLevel, WorkerLogTag};
use parking_lot::{Mutex, RwLock};
use tokio::sync::mpsc;

use crate::codecs::{media_codecs, FeedCodecs};
use crate::config::{Config, PlacementConfig};
pub use crate::dump::WorkerStats;

/// Why the pool could not start.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    #[error("cannot start mediasoup worker {index}: {message}")]
    Worker { index: usize, message: String },
    #[error("cannot open the WebRtcServer of worker {index} in port range {range}: {message}")]
    WebRtcServer {
        index: usize,
        range: String,
        message: String,
    },
    #[error("no live mediasoup worker is left")]
    NoWorker,
    #[error("there is no worker {0}")]
    UnknownWorker(usize),
}

/// A worker thread ended without the pool asking: its routers and everything on them are gone.
#[derive(Debug, Clone, Copy)]
pub struct WorkerDeath {
    /// The pool slot of the dead worker.
    pub index: usize,
    /// Which incarnation of the slot died (0 for the first worker, then 1, 2… per replacement).
    pub incarnation: u32,
}

/// One mediasoup worker and the state the pool keeps about it.
pub struct PoolWorker {
    index: usize,
    /// 0 for the slot's first worker; each replacement counts one more.
    incarnation: u32,
    worker: Worker,
    webrtc_server: WebRtcServer,
    /// Kernel thread id of the worker thread, recorded by the thread itself as it starts.
    tid: Arc<AtomicI32>,
    rooms: AtomicUsize,
    peers: AtomicUsize,
    /// CPU share of one core over the last [`CPU_WINDOW`], in per mille (see `sample_cpu`).
    cpu_permille: AtomicU32,
    /// The thread's CPU time at the last few samples, oldest first.
    cpu_samples: Mutex<VecDeque<(Instant, Duration)>>,
    dead: Arc<AtomicBool>,
    listen_ports: Vec<(Protocol, u16)>,
    _on_dead: HandlerId,
}

impl PoolWorker {
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn worker(&self) -> &Worker {
        &self.worker
    }

    pub fn webrtc_server(&self) -> &WebRtcServer {
        &self.webrtc_server
    }

    pub fn is_dead(&self) -> bool {
        self.dead.load(Ordering::Acquire)
    }

    pub fn incarnation(&self) -> u32 {
        self.incarnation
    }

    /// UDP/TCP ports the WebRtcServer listens on.
    pub fn listen_ports(&self) -> &[(Protocol, u16)] {
        &self.listen_ports
    }

    /// CPU time (user + system) the worker thread has used so far.
    pub fn cpu_time(&self) -> Option<Duration> {
        let tid = self.tid.load(Ordering::Acquire);
        if tid <= 0 {
            return None;
        }
        // Nanoseconds where the kernel keeps schedstat: /proc's stat ticks (10 ms) are too
        // coarse for the load test's few-second windows.
        crate::procfs::thread_cpu_time_precise(tid).or_else(|| crate::procfs::thread_cpu_time(tid))
    }

    /// The worker thread's CPU share of one core over the last seconds, in percent.
    pub fn cpu_percent(&self) -> f64 {
        f64::from(self.cpu_permille.load(Ordering::Relaxed)) / 10.0
    }

    /// Reads the thread's CPU time and updates its share over the last [`CPU_WINDOW`].
    fn sample_cpu(&self, now: Instant) {
        let Some(cpu) = self.cpu_time() else {
            return;
        };
        let mut samples = self.cpu_samples.lock();
        samples.push_back((now, cpu));
        while samples.len() > 2
            && samples
                .get(1)
                .is_some_and(|(t, _)| now.duration_since(*t) >= CPU_WINDOW)
        {
            samples.pop_front();
        }
        if let Some(&(t0, cpu0)) = samples.front() {
            self.cpu_permille
                .store(cpu_share_permille(cpu0, t0, cpu, now), Ordering::Relaxed);
        }
    }

    fn load(&self) -> WorkerLoad {
        WorkerLoad {
            index: self.index,
            cpu_permille: self.cpu_permille.load(Ordering::Relaxed),
            peers: self.peers.load(Ordering::Relaxed),
            rooms: self.rooms.load(Ordering::Relaxed),
        }
    }

    pub fn stats(&self) -> WorkerStats {
        WorkerStats {
            index: self.index,
            tid: self.tid.load(Ordering::Acquire),
            cpu_seconds: self.cpu_time().map(|d| d.as_secs_f64()),
            cpu_percent: self.cpu_percent(),
            rooms: self.rooms.load(Ordering::Relaxed),
            peers: self.peers.load(Ordering::Relaxed),
            dead: self.is_dead(),
            restarts: self.incarnation,
            ports: self
                .listen_ports
                .iter()
                .map(|(p, port)| format!("{}/{port}", protocol_name(*p)))
                .collect(),
        }
    }

    /// Counts a room placed on this worker until the guard drops.
    pub(crate) fn room_guard(self: &Arc<Self>) -> LoadGuard {
        self.rooms.fetch_add(1, Ordering::Relaxed);
        LoadGuard {
            worker: Arc::clone(self),
            what: Load::Room,
        }
    }

    /// Counts a peer on this worker until the guard drops.
    pub(crate) fn peer_guard(self: &Arc<Self>) -> LoadGuard {
        self.peers.fetch_add(1, Ordering::Relaxed);
        LoadGuard {
            worker: Arc::clone(self),
            what: Load::Peer,
        }
    }
}

enum Load {
    Room,
    Peer,
}

/// Keeps a room or peer counted on its worker; dropping it releases the count.
pub(crate) struct LoadGuard {
    worker: Arc<PoolWorker>,
    what: Load,
}

impl Drop for LoadGuard {
    fn drop(&mut self) {
        let counter = match self.what {
            Load::Room => &self.worker.rooms,
            Load::Peer => &self.worker.peers,
        };
        counter.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The window a worker's CPU share is measured over.
pub const CPU_WINDOW: Duration = Duration::from_secs(2);

/// CPU used between two samples as per mille of one core (0 when no time passed).
fn cpu_share_permille(cpu0: Duration, t0: Instant, cpu1: Duration, t1: Instant) -> u32 {
    let wall = t1.duration_since(t0).as_secs_f64();
    if wall <= 0.0 {
        return 0;
    }
    let share = cpu1.saturating_sub(cpu0).as_secs_f64() / wall;
    (share * 1000.0).round().clamp(0.0, u32::MAX as f64) as u32
}

/// What placement knows of a live worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WorkerLoad {
    index: usize,
    cpu_permille: u32,
    peers: usize,
    rooms: usize,
}

/// CPU shares within this many per mille of each other count as equal, so that noise in the
/// measurement does not outweigh the peer count.
const CPU_STEP_PERMILLE: u32 = 100;

impl WorkerLoad {
    /// The ranking: CPU in steps of 10 %, then peers, then rooms, then the slot.
    fn rank(&self) -> (u32, usize, usize, usize) {
        (
            self.cpu_permille / CPU_STEP_PERMILLE,
            self.peers,
            self.rooms,
            self.index,
        )
    }

    fn has_headroom(&self, settings: &PlacementConfig) -> bool {
        let peers_ok = settings.max_peers_per_worker == 0 || self.peers < settings.max_peers_per_worker;
        peers_ok && self.cpu_permille <= settings.max_worker_cpu_percent * 10
    }
}

/// The rule for a viewer (see the module doc): the home worker while it has headroom, else the
/// least-loaded worker with headroom, else (every worker is full) the least-loaded one.
/// `home`: the slot of the room's home worker; `live`: the live workers. `None` when none is.
fn choose(home: Option<usize>, live: &[WorkerLoad], settings: &PlacementConfig) -> Option<usize> {
    if let Some(h) = home.and_then(|h| live.iter().find(|w| w.index == h)) {
        if h.has_headroom(settings) {
            return Some(h.index);
        }
    }
    let least = |with_headroom: bool| {
        live.iter()
            .filter(|w| !with_headroom || w.has_headroom(settings))
            .min_by_key(|w| w.rank())
            .map(|w| w.index)
    };
    least(true).or_else(|| least(false))
}

fn protocol_name(p: Protocol) -> &'static str {
    match p {
        Protocol::Udp => "udp",
        Protocol::Tcp => "tcp",
    }
}

/// N workers; rooms go to the least loaded live one. A dead worker is replaced in its slot.
pub struct WorkerPool {
    workers: RwLock<Vec<Arc<PoolWorker>>>,
    spawn: SpawnSettings,
    deaths: mpsc::UnboundedSender<WorkerDeath>,
    router_rtp_capabilities: RtpCapabilitiesFinalized,
    consume_capabilities: RtpCapabilities,
    feed_codecs: FeedCodecs,
    placement: PlacementConfig,
    // Declared last: dropped after the workers it created.
    manager: WorkerManager,
}

/// What a worker and its WebRtcServer are made from (kept to make replacements alike).
struct SpawnSettings {
    port_range: std::ops::RangeInclusive<u16>,
    listen_infos: Vec<ListenInfo>,
}

impl SpawnSettings {
    async fn spawn(
        &self,
        manager: &WorkerManager,
        index: usize,
        incarnation: u32,
        deaths: &mpsc::UnboundedSender<WorkerDeath>,
    ) -> Result<PoolWorker, PoolError> {
        let tid = Arc::new(AtomicI32::new(0));
        let mut settings = WorkerSettings::default();
        settings.log_level = WorkerLogLevel::Warn;
        settings.log_tags = vec![
            WorkerLogTag::Info,
            WorkerLogTag::Ice,
            WorkerLogTag::Dtls,
            WorkerLogTag::Srtp,
        ];
        settings.rtc_port_range = self.port_range.clone();
        let tid_slot = Arc::clone(&tid);
        settings.thread_initializer = Some(Arc::new(move || {
            // SAFETY: gettid has no preconditions; it returns the calling thread's id.
            let id = unsafe { libc::gettid() };
            tid_slot.store(id, Ordering::Release);
        }));
        let worker = manager.create_worker(settings).await.map_err(|e| PoolError::Worker {
            index,
            message: e.to_string(),
        })?;
        // Registered before any router exists, so the pool hears of a death first.
        let dead = Arc::new(AtomicBool::new(false));
        let dead_flag = Arc::clone(&dead);
        let deaths = deaths.clone();
        let on_dead = worker.on_dead(move |result| {
            dead_flag.store(true, Ordering::Release);
            tracing::error!(worker = index, incarnation, ?result, "mediasoup worker died");
            // The receiver is gone only when the server has stopped.
            let _ = deaths.send(WorkerDeath { index, incarnation });
        });

        let mut infos = self.listen_infos.iter().cloned();
        let first = infos.next().ok_or(PoolError::NoWorker)?;
        let listen_infos = infos.fold(WebRtcServerListenInfos::new(first), |l, i| l.insert(i));
        let webrtc_server = worker
            .create_webrtc_server(WebRtcServerOptions::new(listen_infos))
            .await
            .map_err(|e| PoolError::WebRtcServer {
                index,
                range: format!("{}-{}", self.port_range.start(), self.port_range.end()),
                message: e.to_string(),
            })?;
        let listen_ports = match webrtc_server.dump().await {
            Ok(dump) => dump
                .udp_sockets
                .iter()
                .map(|s| (Protocol::Udp, s.port))
                .chain(dump.tcp_servers.iter().map(|s| (Protocol::Tcp, s.port)))
                .collect(),
            Err(_) => Vec::new(),
        };
        tracing::info!(worker = index, incarnation, ports = ?listen_ports, "mediasoup worker started");
        Ok(PoolWorker {
            index,
            incarnation,
            worker,
            webrtc_server,
            tid,
            rooms: AtomicUsize::new(0),
            peers: AtomicUsize::new(0),
            cpu_permille: AtomicU32::new(0),
            cpu_samples: Mutex::new(VecDeque::new()),
            dead,
            listen_ports,
            _on_dead: on_dead,
        })
    }
}

impl WorkerPool {
    /// Starts `config.worker_count()` workers. Worker deaths are sent on the returned channel;
    /// whoever owns the pool replaces them (see [`WorkerPool::replace`]).
    pub async fn start(config: &Config) -> Result<(WorkerPool, mpsc::UnboundedReceiver<WorkerDeath>), PoolError> {
        let manager = WorkerManager::new();
        let (deaths, deaths_rx) = mpsc::unbounded_channel();
        let count = config.worker_count();
        let mut listen_infos = vec![listen_info(config, Protocol::Udp)];
        if config.rtc.enable_tcp {
            listen_infos.push(listen_info(config, Protocol::Tcp));
        }
        let spawn = SpawnSettings {
            port_range: config.rtc_port_range(),
            listen_infos,
        };
        let mut workers = Vec::with_capacity(count);
        for index in 0..count {
            workers.push(Arc::new(spawn.spawn(&manager, index, 0, &deaths).await?));
        }
        // Every room's router is made from the same codecs, so one probe router tells what all
        // of them accept (mediasoup's capability generation is not public).
        let probe = workers
            .first()
            .ok_or(PoolError::NoWorker)?
            .worker
            .create_router(RouterOptions::new(media_codecs()))
            .await
            .map_err(|e| PoolError::Worker {
                index: 0,
                message: format!("cannot create a router: {e}"),
            })?;
        let router_rtp_capabilities = probe.rtp_capabilities().clone();
        drop(probe);
        // The same capabilities in the shape ConsumerOptions takes (the finalized type has no
        // conversion; their JSON is the same).
        let consume_capabilities = serde_json::to_value(&router_rtp_capabilities)
            .and_then(serde_json::from_value)
            .map_err(|e| PoolError::Worker {
                index: 0,
                message: format!("router capabilities: {e}"),
            })?;
        let feed_codecs = FeedCodecs::from_capabilities(&router_rtp_capabilities).ok_or_else(|| PoolError::Worker {
            index: 0,
            message: "the router offers no Opus with audio levels, or no VP8".into(),
        })?;
        Ok((
            WorkerPool {
                workers: RwLock::new(workers),
                spawn,
                deaths,
                router_rtp_capabilities,
                consume_capabilities,
                feed_codecs,
                placement: config.placement.clone(),
                manager,
            },
            deaths_rx,
        ))
    }

    /// Starts a new worker in the slot of `death` and puts it in the dead one's place. Does
    /// nothing (returns the current worker) if the slot was already replaced.
    pub async fn replace(&self, death: WorkerDeath) -> Result<Arc<PoolWorker>, PoolError> {
        let current = self.worker(death.index)?;
        if current.incarnation != death.incarnation || !current.is_dead() {
            return Ok(current);
        }
        let fresh = Arc::new(
            self.spawn
                .spawn(&self.manager, death.index, death.incarnation + 1, &self.deaths)
                .await?,
        );
        let mut workers = self.workers.write();
        let slot = workers
            .get_mut(death.index)
            .ok_or(PoolError::UnknownWorker(death.index))?;
        *slot = Arc::clone(&fresh);
        Ok(fresh)
    }

    /// Makes the worker in slot `index` exit as a crash would, for fault-injection tests: the
    /// pool sees it die, and the server replaces it and moves its rooms.
    pub fn simulate_crash(&self, index: usize) -> Result<(), PoolError> {
        let worker = self.worker(index)?;
        tracing::warn!(
            worker = index,
            incarnation = worker.incarnation,
            "simulating a worker crash"
        );
        worker.worker.simulate_crash();
        Ok(())
    }

    fn worker(&self, index: usize) -> Result<Arc<PoolWorker>, PoolError> {
        self.workers
            .read()
            .get(index)
            .cloned()
            .ok_or(PoolError::UnknownWorker(index))
    }

    /// What every room's router accepts.
    pub fn router_rtp_capabilities(&self) -> &RtpCapabilitiesFinalized {
        &self.router_rtp_capabilities
    }

    /// [`WorkerPool::router_rtp_capabilities`] as receive capabilities, for server-side consumers.
    pub fn consume_capabilities(&self) -> &RtpCapabilities {
        &self.consume_capabilities
    }

    pub(crate) fn feed_codecs(&self) -> &FeedCodecs {
        &self.feed_codecs
    }

    /// The workers now (a replaced worker is no longer among them).
    pub fn workers(&self) -> Vec<Arc<PoolWorker>> {
        self.workers.read().clone()
    }

    /// The least-loaded live worker (CPU over the last seconds, then peers, then rooms): where a
    /// new room's home router goes.
    pub fn least_loaded(&self) -> Result<Arc<PoolWorker>, PoolError> {
        self.place(None)
    }

    /// Where a viewer of a room homed on `home` (a slot) goes: see [`choose`].
    pub fn place_viewer(&self, home: usize) -> Result<Arc<PoolWorker>, PoolError> {
        self.place(Some(home))
    }

    fn place(&self, home: Option<usize>) -> Result<Arc<PoolWorker>, PoolError> {
        let workers = self.workers.read();
        let live: Vec<WorkerLoad> = workers.iter().filter(|w| !w.is_dead()).map(|w| w.load()).collect();
        let index = choose(home, &live, &self.placement).ok_or(PoolError::NoWorker)?;
        workers.get(index).cloned().ok_or(PoolError::UnknownWorker(index))
    }

    /// Samples every worker's CPU time; the supervisor calls it every second.
    pub fn sample_cpu(&self) {
        let now = Instant::now();
        for w in self.workers() {
            w.sample_cpu(now);
        }
    }

    pub fn stats(&self) -> Vec<WorkerStats> {
        self.workers.read().iter().map(|w| w.stats()).collect()
    }
}

fn listen_info(config: &Config, protocol: Protocol) -> ListenInfo {
    ListenInfo {
        protocol,
        ip: config.rtc.listen_ip,
        announced_address: config.rtc.announced_address.clone(),
        expose_internal_ip: false,
        port: None,
        // mediasoup binds a free port of the range, so parallel servers and tests never collide.
        port_range: Some(config.rtc_port_range()),
        flags: None,
        // One socket carries every client of the worker; 0 keeps the kernel's default.
        send_buffer_size: Some(config.rtc.udp_send_buffer_bytes).filter(|&b| b > 0 && protocol == Protocol::Udp),
        recv_buffer_size: Some(config.rtc.udp_recv_buffer_bytes).filter(|&b| b > 0 && protocol == Protocol::Udp),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(index: usize, cpu_percent: u32, peers: usize) -> WorkerLoad {
        WorkerLoad {
            index,
            cpu_permille: cpu_percent * 10,
            peers,
            rooms: 1,
        }
    }

    fn settings(max_peers: usize, max_cpu: u32) -> PlacementConfig {
        PlacementConfig {
            max_peers_per_worker: max_peers,
            max_worker_cpu_percent: max_cpu,
        }
    }

    #[test]
    fn a_viewer_stays_home_while_the_home_has_headroom() {
        let s = settings(4, 80);
        let live = [load(0, 30, 3), load(1, 0, 0)];
        assert_eq!(choose(Some(0), &live, &s), Some(0), "3 of 4 peers, 30 % CPU");
        let live = [load(0, 30, 4), load(1, 0, 0)];
        assert_eq!(choose(Some(0), &live, &s), Some(1), "4 of 4 peers");
        let live = [load(0, 81, 1), load(1, 0, 0)];
        assert_eq!(choose(Some(0), &live, &s), Some(1), "over 80 % CPU");
    }

    #[test]
    fn otherwise_the_least_loaded_worker_by_cpu_then_peers() {
        let s = settings(0, 85);
        let live = [load(0, 90, 1), load(1, 40, 2), load(2, 12, 9), load(3, 15, 5)];
        assert_eq!(choose(Some(0), &live, &s), Some(3), "10-19 % both: fewer peers wins");
        let live = [load(0, 90, 1), load(1, 95, 2), load(2, 99, 0)];
        assert_eq!(choose(Some(0), &live, &s), Some(2), "all full: the least loaded anyway");
        let live = [load(0, 100, 0), load(1, 92, 7)];
        assert_eq!(choose(Some(0), &live, &s), Some(1), "CPU before peers");
        // A dead home is not among the live ones.
        assert_eq!(choose(Some(7), &[load(1, 0, 0)], &s), Some(1));
        assert_eq!(choose(Some(0), &[], &s), None);
    }

    #[test]
    fn a_new_room_goes_to_the_least_loaded_worker() {
        let s = settings(0, 85);
        let mut a = load(0, 0, 1);
        let mut b = load(1, 0, 1);
        a.rooms = 2;
        b.rooms = 1;
        assert_eq!(choose(None, &[a, b], &s), Some(1), "same CPU and peers: fewer rooms");
        assert_eq!(choose(None, &[load(0, 50, 0), load(1, 20, 30)], &s), Some(1));
    }

    #[test]
    fn cpu_share_is_cpu_time_over_wall_time() {
        let t0 = Instant::now();
        let t1 = t0 + Duration::from_secs(2);
        let share = cpu_share_permille(Duration::from_millis(100), t0, Duration::from_millis(1100), t1);
        assert_eq!(share, 500);
        assert_eq!(cpu_share_permille(Duration::ZERO, t0, Duration::ZERO, t0), 0);
    }
}
