//! `sfu loadtest` and `sfu soak`: run a [`Scenario`] of synthetic broadcasters and viewers
//! against a server started in-process (loopback, config from the scenario) or a remote one,
//! sample the server every second, and judge the run against the scenario's SLOs.
//!
//! Everything a run starts (peer runs, the sampler, the in-process server) is owned by the run
//! and stopped before it returns; `cancel` ends it early.

mod cluster;
mod cluster_report;
pub mod hostile;
pub mod html;
mod probe;
mod report;
mod soak;
pub mod svg;
mod timeline;
#[cfg(test)]
mod xml_check;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

pub use cluster::node_config;
pub use cluster_report::{ClusterPhaseReport, NodeReport};
pub use report::{LoadReport, PeerCounts, Percentiles, PhaseReport, ServerReport, SloResult, WorkerCpu};
pub use soak::{run_soak, SoakReport, CHURN_ERRORS};
pub use timeline::{TimePoint, WorkerPoint};

use crate::config::{ExperimentSettings, RecommenderKind};
use crate::http_client::{HttpClient, HttpError};
use crate::scenario::{Phase, Policy, Scenario, TalkSpec, ViewerMode};
use crate::synthetic::{
    run_broadcasters, run_viewers, BroadcastOptions, Progress, Report, SpeechPattern, SyntheticError, ViewerOptions,
};
use crate::{Config, Server, ServerError, ServerHandle};
use hostile::HostileReport;
use probe::{worker_cpu_percent, Probe, Sample};
use timeline::Tick;

#[derive(Debug, thiserror::Error)]
pub enum LoadtestError {
    #[error("cannot start the in-process server: {0}")]
    Server(#[from] ServerError),
    #[error("synthetic peers: {0}")]
    Synthetic(#[from] SyntheticError),
    #[error("admin API: {0}")]
    Admin(#[from] HttpError),
    #[error("{0}")]
    Options(String),
}

/// Which server to load.
#[derive(Debug, Clone)]
pub enum Target {
    /// Start one in this process on loopback, configured from the scenario's `[server]`.
    InProcess,
    /// An `ws(s)://host:port/ws` server, sampled through its admin API with `admin_token`.
    Remote {
        url: String,
        admin_token: String,
        tls_root_pem: Option<String>,
    },
    /// The running nodes of a cluster (a `[cluster]` scenario), one `ws(s)://host:port/ws` URL
    /// per node in node order, all sampled with `admin_token`.
    Nodes {
        urls: Vec<String>,
        admin_token: String,
        tls_root_pem: Option<String>,
    },
}

impl Target {
    /// How reports name it: `in-process` or the server's URL.
    pub fn label(&self) -> String {
        match self {
            Target::InProcess => "in-process".into(),
            Target::Remote { url, .. } => url.clone(),
            Target::Nodes { urls, .. } => urls.join(" "),
        }
    }
}

#[derive(Debug, Clone)]
pub struct LoadtestOptions {
    pub scenario: Scenario,
    pub target: Target,
    /// Replaces the scenario's `duration_secs`.
    pub duration: Option<Duration>,
    /// `sfu soak`: replaces the scenario's `churn.warmup_secs`.
    pub warmup: Option<Duration>,
    pub progress: Arc<LoadProgress>,
    pub cancel: CancellationToken,
}

impl LoadtestOptions {
    pub fn new(scenario: Scenario) -> LoadtestOptions {
        LoadtestOptions {
            scenario,
            target: Target::InProcess,
            duration: None,
            warmup: None,
            progress: Arc::default(),
            cancel: CancellationToken::new(),
        }
    }
}

/// Live counters for a progress bar.
#[derive(Debug, Default)]
pub struct LoadProgress {
    pub broadcasters: Arc<Progress>,
    pub viewers: Arc<Progress>,
    /// Index of the phase running now.
    pub phase: AtomicUsize,
}

impl LoadProgress {
    pub fn connected(&self) -> u64 {
        Progress::get(&self.broadcasters.connected) + Progress::get(&self.viewers.connected)
    }

    pub fn failed(&self) -> u64 {
        Progress::get(&self.broadcasters.failed) + Progress::get(&self.viewers.failed)
    }

    pub fn packets_received(&self) -> u64 {
        Progress::get(&self.viewers.packets_received)
    }
}

/// How long broadcasters may take to connect before the viewers start anyway.
const BROADCASTERS_TIMEOUT: Duration = Duration::from_secs(20);
/// How long the server may take to release a phase's peers before the next phase.
const RELEASE_TIMEOUT: Duration = Duration::from_secs(15);

/// The in-process server's config for `scenario`: loopback everywhere, limits raised for load.
pub fn server_config(scenario: &Scenario) -> Config {
    let mut c = Config {
        listen: "127.0.0.1:0".parse().expect("loopback address"),
        workers: scenario.server.workers,
        ..Config::default()
    };
    c.rtc.listen_ip = "127.0.0.1".parse().expect("loopback address");
    c.rtc.announced_address = None;
    c.rtc.port_min = 20000;
    c.rtc.port_max = 59999;
    c.ice_servers.clear();
    c.turn.clear();
    c.buffer.cap_bytes = scenario.server.buffer_cap_bytes;
    c.limits.resume_grace_secs = scenario.server.resume_grace_secs;
    c.limits.max_connections_per_ip = 10_000;
    // The load tool's own peers all come from 127.0.0.1: new connections as fast as the
    // scenario ramps, and every peer of the run at once. Hostile clients connect from 127.0.0.2 and
    // get the same allowance, as a second client address would.
    let ramp = scenario.ramp_per_sec.ceil().clamp(1.0, f64::from(u32::MAX)) as u32;
    c.limits.new_connections_per_ip_per_sec = c.limits.new_connections_per_ip_per_sec.max(ramp);
    c.limits.new_connections_burst_per_ip = c.limits.new_connections_burst_per_ip.max(scenario.peers() as u32 + 10);
    c.limits.max_connections = 10_000;
    c.limits.max_peers_per_room = 10_000;
    c.limits.max_rooms = c.limits.max_rooms.max(1_000);
    c.limits.shutdown_grace_secs = 5;
    let kind = |p: Policy| match p {
        Policy::Random => RecommenderKind::Random,
        Policy::Learning => RecommenderKind::Learning,
    };
    if let Some(p) = scenario.server.recommender {
        c.feed.recommender = kind(p);
    }
    if let Some(share) = scenario.server.share_playouts {
        c.feed.share_playouts = share;
    }
    if let Some(peers) = scenario.server.max_peers_per_worker {
        c.placement.max_peers_per_worker = peers;
    }
    if let Some(p) = scenario.server.experiment_recommender {
        c.feed.experiment = Some(ExperimentSettings {
            recommender: kind(p),
            percent: scenario.server.experiment_percent.unwrap_or(50),
        });
    }
    c
}

/// Starts the target: the in-process server (returned, to be shut down) and the signaling URL.
pub(crate) async fn start_target(
    scenario: &Scenario,
    target: &Target,
) -> Result<(Option<ServerHandle>, String, Option<String>), LoadtestError> {
    match target {
        Target::InProcess => {
            let server = Server::start(server_config(scenario)).await?;
            let url = server.ws_url();
            Ok((Some(server), url, None))
        }
        Target::Remote { url, tls_root_pem, .. } => {
            crate::synthetic::signaling::check_url(url).map_err(|e| LoadtestError::Options(e.to_string()))?;
            Ok((None, url.clone(), tls_root_pem.clone()))
        }
        Target::Nodes { .. } => Err(LoadtestError::Options(
            "several --url are the nodes of a [cluster] scenario; this one loads one server".into(),
        )),
    }
}

pub(crate) fn probe<'a>(server: Option<&'a ServerHandle>, target: &Target) -> Result<Probe<'a>, LoadtestError> {
    Ok(match (server, target) {
        (Some(s), _) => Probe::Local(s),
        (
            None,
            Target::Remote {
                url,
                admin_token,
                tls_root_pem,
            },
        ) => Probe::Remote {
            client: Box::new(HttpClient::new(tls_root_pem.as_deref())?),
            base: url.clone(),
            token: admin_token.clone(),
        },
        (None, Target::InProcess | Target::Nodes { .. }) => {
            return Err(LoadtestError::Options("no server to sample".into()))
        }
    })
}

/// Runs every phase of the scenario and judges it.
pub async fn run_loadtest(options: LoadtestOptions) -> Result<LoadReport, LoadtestError> {
    if let Some(spec) = &options.scenario.cluster {
        let nodes = cluster::Nodes::start(&options.scenario, spec, &options.target).await?;
        let result = match nodes.probe(&options.target) {
            Ok(probe) => run_with(&options, &probe, &nodes.urls, nodes.tls_root_pem.clone()).await,
            Err(e) => Err(e),
        };
        nodes.stop().await;
        return result;
    }
    let (server, url, tls) = start_target(&options.scenario, &options.target).await?;
    let result = match probe(server.as_ref(), &options.target) {
        Ok(probe) => run_with(&options, &probe, &[url], tls).await,
        Err(e) => Err(e),
    };
    stop_server(server).await;
    result
}

/// Stops the in-process server, if the run started one.
pub(crate) async fn stop_server(server: Option<ServerHandle>) {
    if let Some(server) = server {
        if let Err(e) = server.shutdown().await {
            tracing::warn!(error = %e, "in-process server did not stop cleanly");
        }
    }
}

/// The scenario's talk pattern as the synthetic broadcasters take it.
pub(crate) fn speech_pattern(talk: &TalkSpec) -> SpeechPattern {
    SpeechPattern {
        talk: Duration::from_millis(talk.talk_ms),
        silence: Duration::from_millis(talk.silence_ms),
        variation: talk.variation,
    }
}

/// Phase boundaries: (phase index, sample at its start, sample when its viewers were done).
type PhaseSamples = (usize, Sample, Sample);

/// What the peers of one phase reported.
struct PhaseRun {
    broadcasters: Vec<Report>,
    viewers: Vec<Report>,
    hostile: Option<HostileReport>,
    /// `[cluster]` scenarios: what each node's viewers reported, and the ingest window.
    cluster: Option<cluster::ClusterRun>,
}

async fn run_with(
    options: &LoadtestOptions,
    probe: &Probe<'_>,
    urls: &[String],
    tls: Option<String>,
) -> Result<LoadReport, LoadtestError> {
    let scenario = &options.scenario;
    probe.check().await?;
    let started = Instant::now();
    let first = probe.sample().await?;
    let ticks: Mutex<Vec<Tick>> = Mutex::new(vec![Tick::new(usize::MAX, first.clone(), &options.progress)]);
    let stop_sampling = CancellationToken::new();
    let sampler = async {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = stop_sampling.cancelled() => break,
                _ = tick.tick() => {}
            }
            match probe.sample().await {
                Ok(s) => ticks.lock().push(Tick::new(
                    options.progress.phase.load(Ordering::Relaxed),
                    s,
                    &options.progress,
                )),
                Err(e) => tracing::warn!(error = %e, "server sample failed"),
            }
        }
    };
    let phases = async {
        let mut out: Vec<(PhaseRun, PhaseSamples)> = Vec::new();
        let result: Result<(), LoadtestError> = async {
            for (i, phase) in scenario.phases.iter().enumerate() {
                if options.cancel.is_cancelled() {
                    break;
                }
                options.progress.phase.store(i, Ordering::Relaxed);
                let (run, start, end) = match &scenario.cluster {
                    Some(spec) => cluster::run_phase(options, spec, probe, (urls, tls.clone()), i, phase).await?,
                    None => run_phase(options, probe, &urls[0], tls.clone(), i, phase).await?,
                };
                out.push((run, (i, start, end)));
                options.progress.phase.store(usize::MAX, Ordering::Relaxed);
                wait_released(probe, &options.cancel).await;
            }
            Ok(())
        }
        .await;
        stop_sampling.cancel();
        result.map(|()| out)
    };
    let (phases, ()) = tokio::join!(phases, sampler);
    let phases = phases?;
    let last = probe.sample().await?;
    let mut ticks = ticks.into_inner();
    ticks.push(Tick::new(usize::MAX, last.clone(), &options.progress));
    let samples: Vec<(usize, Sample)> = ticks.iter().map(|t| (t.phase, t.sample.clone())).collect();
    let names: Vec<String> = scenario.phases.iter().map(|p| p.name.clone()).collect();

    let mut report = LoadReport {
        scenario: scenario.name.clone(),
        target: options.target.label(),
        duration_s: started.elapsed().as_secs_f64(),
        phases: phases
            .iter()
            .map(|(run, (i, start, end))| phase_report(scenario, run, (start, end), &samples, *i))
            .collect(),
        server: server_report(&first, &last, &samples),
        timeline: timeline::build(&ticks, started, &names),
        slos: Vec::new(),
        passed: false,
    };
    report.evaluate(scenario);
    Ok(report)
}

fn room_name(scenario: &Scenario, phase: &Phase, room: usize) -> String {
    format!("{}-{}-{room}", scenario.name, phase.name)
}

async fn run_phase(
    options: &LoadtestOptions,
    probe: &Probe<'_>,
    url: &str,
    tls: Option<String>,
    index: usize,
    phase: &Phase,
) -> Result<(PhaseRun, Sample, Sample), LoadtestError> {
    let scenario = &options.scenario;
    let duration = options.duration.unwrap_or_else(|| scenario.duration());
    let gap = Duration::from_secs_f64(1.0 / scenario.ramp_per_sec);
    let per_room_ramp = gap * phase.rooms as u32;
    let viewer_ramp = per_room_ramp * phase.viewers as u32;
    let broadcast_for = viewer_ramp + duration + BROADCASTERS_TIMEOUT + Duration::from_secs(10);
    let stop_broadcasters = options.cancel.child_token();
    let progress = &options.progress;
    let connected_before =
        Progress::get(&progress.broadcasters.connected) + Progress::get(&progress.broadcasters.failed);

    let mut broadcasters = JoinSet::new();
    for room in 0..phase.rooms {
        let mut o = BroadcastOptions::new(url, room_name(scenario, phase, room), phase.broadcasters);
        o.target.tls_root_pem = tls.clone();
        o.duration = broadcast_for;
        o.video = phase.video;
        o.seed = scenario.talk.seed.wrapping_add((index * 1000 + room) as u64);
        o.speech = speech_pattern(&scenario.talk);
        o.ramp = per_room_ramp;
        o.progress = Arc::clone(&progress.broadcasters);
        o.cancel = stop_broadcasters.clone();
        let offset = gap * room as u32;
        broadcasters.spawn(async move {
            tokio::time::sleep(offset).await;
            run_broadcasters(o).await
        });
    }
    // Viewers start once the broadcasters are up (live viewers consume what exists at join and
    // what is announced after; the feed needs utterances to play).
    wait_broadcasters(
        options,
        (phase.rooms * phase.broadcasters) as u64,
        gap,
        connected_before,
    )
    .await;
    let start = probe.sample().await?;
    let mut viewers = JoinSet::new();
    for room in 0..phase.rooms {
        let mut o = ViewerOptions::new(url, room_name(scenario, phase, room), phase.viewers);
        o.target.tls_root_pem = tls.clone();
        o.duration = duration;
        o.ramp = per_room_ramp;
        o.feed = phase.mode == ViewerMode::Feed;
        o.taste = phase.taste_seed;
        o.progress = Arc::clone(&progress.viewers);
        o.cancel = options.cancel.child_token();
        let offset = gap * room as u32;
        viewers.spawn(async move {
            tokio::time::sleep(offset).await;
            run_viewers(o).await
        });
    }
    let stop_hostile = options.cancel.child_token();
    let hostile = spawn_hostile(url, scenario, phase, &stop_hostile);
    let viewer_reports = collect(&mut viewers).await;
    let end = probe.sample().await;
    stop_hostile.cancel();
    let hostile = finish_hostile(hostile).await?;
    stop_broadcasters.cancel();
    let broadcasters = collect(&mut broadcasters).await?;
    let viewers = viewer_reports?;
    Ok((
        PhaseRun {
            broadcasters,
            viewers,
            hostile,
            cluster: None,
        },
        start,
        end?,
    ))
}

/// Waits (bounded) until `want` more broadcasters than `before` connected or failed.
async fn wait_broadcasters(options: &LoadtestOptions, want: u64, gap: Duration, before: u64) {
    let progress = &options.progress;
    let deadline = tokio::time::Instant::now() + BROADCASTERS_TIMEOUT + gap * want as u32;
    while Progress::get(&progress.broadcasters.connected) + Progress::get(&progress.broadcasters.failed) < before + want
        && tokio::time::Instant::now() < deadline
        && !options.cancel.is_cancelled()
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits for the hostile clients (already told to stop).
async fn finish_hostile(
    task: Option<tokio::task::JoinHandle<HostileReport>>,
) -> Result<Option<HostileReport>, LoadtestError> {
    match task {
        Some(task) => task
            .await
            .map(Some)
            .map_err(|e| LoadtestError::Options(format!("hostile clients: {e}"))),
        None => Ok(None),
    }
}

/// The phase's hostile clients in every room, until `stop`; their numbers summed.
fn spawn_hostile(
    url: &str,
    scenario: &Scenario,
    phase: &Phase,
    stop: &CancellationToken,
) -> Option<tokio::task::JoinHandle<HostileReport>> {
    if phase.hostile == 0 {
        return None;
    }
    let rooms: Vec<String> = (0..phase.rooms).map(|r| room_name(scenario, phase, r)).collect();
    let (url, count, stop) = (url.to_string(), phase.hostile, stop.clone());
    Some(tokio::spawn(async move {
        let runs = rooms
            .into_iter()
            .map(|room| hostile::run_hostile(url.clone(), room, count, stop.clone()));
        let mut total = HostileReport::default();
        for r in futures_util::future::join_all(runs).await {
            total.clients += r.clients;
            total.frames += r.frames;
            total.errors += r.errors;
            total.closes += r.closes;
            total.connect_failures += r.connect_failures;
        }
        total
    }))
}

/// Waits for every run of `set`; the first error wins, but every task is awaited.
pub(crate) async fn collect(set: &mut JoinSet<Result<Report, SyntheticError>>) -> Result<Vec<Report>, LoadtestError> {
    let mut reports = Vec::new();
    let mut error = None;
    while let Some(joined) = set.join_next().await {
        match joined {
            Ok(Ok(r)) => reports.push(r),
            Ok(Err(e)) => error = error.or(Some(LoadtestError::Synthetic(e))),
            Err(e) => error = error.or(Some(LoadtestError::Options(format!("peer run failed: {e}")))),
        }
    }
    match error {
        Some(e) => Err(e),
        None => Ok(reports),
    }
}

/// Waits (bounded) until the server holds no peer, so the next phase starts from zero.
pub(crate) async fn wait_released(probe: &Probe<'_>, cancel: &CancellationToken) -> Option<Sample> {
    let deadline = Instant::now() + RELEASE_TIMEOUT;
    loop {
        let s = probe.sample().await.ok();
        if s.as_ref().is_some_and(Sample::released) || Instant::now() > deadline || cancel.is_cancelled() {
            return s;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn phase_report(
    scenario: &Scenario,
    run: &PhaseRun,
    (start, end): (&Sample, &Sample),
    samples: &[(usize, Sample)],
    index: usize,
) -> PhaseReport {
    let phase = &scenario.phases[index];
    let mut errors = Vec::new();
    let b = report::peer_counts(&run.broadcasters, &mut errors);
    let v = report::viewer_totals(&run.viewers);
    for e in &v.errors {
        if errors.len() < 5 && !errors.contains(e) {
            errors.push(e.clone());
        }
    }
    let dt = end.at.duration_since(start.at).as_secs_f64();
    let in_phase: Vec<&Sample> = samples.iter().filter(|(p, _)| *p == index).map(|(_, s)| s).collect();
    let workers = worker_cpu(start, end, &in_phase);
    let cpu_seconds: Option<f64> = end
        .workers
        .iter()
        .map(|&(i, c)| {
            let before = start.workers.iter().find(|w| w.0 == i).and_then(|w| w.1);
            Some(c? - before?)
        })
        .sum();
    let started = b.started + v.counts.started;
    PhaseReport {
        name: phase.name.clone(),
        mode: phase.mode,
        rooms: phase.rooms,
        duration_s: dt,
        broadcasters: b,
        viewers: v.counts,
        connected_ratio: if started == 0 {
            0.0
        } else {
            (b.connected + v.counts.connected) as f64 / started as f64
        },
        errors,
        streams: v.streams,
        packets_received: v.received,
        packets_expected: v.expected,
        packets_lost: v.lost,
        loss_percent: v.loss_percent(),
        latency_ms: v.latency,
        connect_ms: v.connect,
        time_to_first_packet_ms: v.first_packet,
        switches: v.switches,
        server_switches: end.switches.saturating_sub(start.switches),
        server_shared_viewers: end.shared_viewers.saturating_sub(start.shared_viewers),
        feed_utterances: v.feed_utterances,
        feed_utterances_from_start: v.feed_utterances_from_start,
        feed_breaks: v.feed_breaks,
        feed_seq_gaps: v.feed_seq_gaps,
        feed_ts_backwards: v.feed_ts_backwards,
        feed_segment_gaps: v.feed_segment_gaps,
        taste_by_recommender: v.taste_by_recommender.clone(),
        starvation: v.starvation,
        server_feed_packets: end.feed_packets.saturating_sub(start.feed_packets),
        workers,
        process_cpu_percent: match (start.process_cpu_seconds, end.process_cpu_seconds) {
            (Some(a), Some(b)) if dt > 0.0 => Some(100.0 * (b - a).max(0.0) / dt),
            _ => None,
        },
        server_cpu_seconds: cpu_seconds,
        egress_packets_per_sec: if dt > 0.0 { v.received as f64 / dt } else { 0.0 },
        egress_packets_per_cpu_second: cpu_seconds.filter(|c| *c > 0.0).map(|c| v.received as f64 / c),
        hostile: run.hostile.clone(),
        baseline: phase.baseline.clone(),
        cluster: scenario
            .cluster
            .as_ref()
            .zip(run.cluster.as_ref())
            .map(|(spec, c)| cluster_report::build(spec, phase, c, (start, end), &in_phase)),
    }
}

/// Mean over [start, end] and the highest one-second value among `between`.
fn worker_cpu(start: &Sample, end: &Sample, between: &[&Sample]) -> Vec<WorkerCpu> {
    let mean = worker_cpu_percent(start, end);
    let mut points: Vec<&Sample> = vec![start];
    points.extend(between.iter().copied().filter(|s| s.at > start.at && s.at < end.at));
    points.push(end);
    mean.iter()
        .map(|&(index, mean_percent)| {
            let max_percent = points
                .windows(2)
                .filter_map(|w| {
                    worker_cpu_percent(w[0], w[1])
                        .into_iter()
                        .find(|x| x.0 == index)
                        .and_then(|x| x.1)
                })
                .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))));
            WorkerCpu {
                index,
                mean_percent,
                max_percent,
            }
        })
        .collect()
}

fn server_report(first: &Sample, last: &Sample, samples: &[(usize, Sample)]) -> ServerReport {
    let all: Vec<&Sample> = samples.iter().map(|(_, s)| s).collect();
    ServerReport {
        workers: worker_cpu(first, last, &all),
        rss_start_bytes: first.rss_bytes,
        rss_max_bytes: all.iter().filter_map(|s| s.rss_bytes).max(),
        buffer_bytes_max: all.iter().map(|s| s.buffer_bytes).max().unwrap_or(0),
        buffer_cap_bytes: last.buffer_cap_bytes,
        signaling_errors: last.counts.errors.saturating_sub(first.counts.errors),
        samples: all.len(),
        released_at_end: last.released(),
        connections_at_end: last.counts.connections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-phase scenario of `mode` whose `[server]` has `workers` and the lines `server`.
    fn scenario(workers: usize, server: &str, mode: &str) -> Scenario {
        let text = format!(
            "name = \"t\"\nduration_secs = 5\nramp_per_sec = 10\n[server]\nworkers = {workers}\nbuffer_cap_bytes = 1000000\nresume_grace_secs = 1\n{server}[[phase]]\nname = \"p\"\nrooms = 1\nbroadcasters = 1\nviewers = 1\nmode = \"{mode}\"\n[slo]\nmax_loss_percent = 1\nmax_latency_p99_ms = 100\nmax_worker_cpu_percent = 90\nmax_buffer_bytes = 1000000\nmin_connected_ratio = 1\n"
        );
        Scenario::parse(&text, std::path::Path::new("t.toml")).expect("valid")
    }

    #[test]
    fn the_scenario_can_turn_shared_playouts_off_on_the_in_process_server() {
        let parse = |server: &str| scenario(1, server, "feed");
        assert!(server_config(&parse("")).feed.share_playouts, "the server's default");
        assert!(!server_config(&parse("share_playouts = false\n")).feed.share_playouts);
    }

    #[test]
    fn the_scenario_can_limit_the_peers_of_a_worker_on_the_in_process_server() {
        let parse = |server: &str| scenario(2, server, "live");
        assert_eq!(
            server_config(&parse("")).placement.max_peers_per_worker,
            0,
            "the server's default"
        );
        let c = server_config(&parse("max_peers_per_worker = 30\n"));
        assert_eq!((c.workers, c.placement.max_peers_per_worker), (2, 30));
    }
}
