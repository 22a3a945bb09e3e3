//! `[cluster]` scenarios (docs/cluster.md, "Load scenario"): one room across the nodes of a
//! cluster. The run starts a `redis-server` on a loopback port and the nodes in this process
//! (each a [`ServerHandle`] with its own listener, node id, workers and RTC port range, all on
//! one generated secret), or loads the nodes given as `--url`s, one per node. Each phase's
//! broadcasters join one node (the room's home); its viewers are spread evenly over the nodes
//! named for them, each node's viewers run and report apart, and the phase's report gains one
//! row per node and the cluster's targets.
//!
//! The redis-server child and the nodes are owned by [`Nodes`] and stopped by
//! [`Nodes::stop`] (the child is also killed if the run is dropped).

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

use super::probe::{Probe, Sample};
use super::{
    room_name, server_config, speech_pattern, wait_broadcasters, LoadtestError, LoadtestOptions, PhaseRun, Target,
};
use crate::http_client::HttpClient;
use crate::scenario::{ClusterSpec, Phase, Scenario, ViewerMode};
use crate::synthetic::{
    run_broadcasters, run_viewers, BroadcastOptions, Progress, Report, SyntheticError, ViewerOptions,
};
use crate::{Config, Server, ServerHandle};

/// How long the first viewer on each edge may take to connect and get its pipes.
const OPENERS_TIMEOUT: Duration = Duration::from_secs(20);
/// How long redis-server may take to listen.
const REDIS_START: Duration = Duration::from_secs(10);
/// RTC ports per in-process node (each node its own range, from 20000 up).
const PORTS_PER_NODE: u16 = 5000;

/// The cluster a run loads: the in-process nodes and their Redis, or the given nodes' URLs.
pub(crate) struct Nodes {
    redis: Option<tokio::process::Child>,
    servers: Vec<ServerHandle>,
    /// Each node's signaling URL (`ws://…/ws`), in node order.
    pub urls: Vec<String>,
    pub tls_root_pem: Option<String>,
}

impl Nodes {
    /// Starts Redis and the scenario's nodes (in-process), or checks the given nodes' URLs.
    pub(crate) async fn start(
        scenario: &Scenario,
        spec: &ClusterSpec,
        target: &Target,
    ) -> Result<Nodes, LoadtestError> {
        match target {
            Target::InProcess => start_in_process(scenario, spec).await,
            Target::Nodes { urls, tls_root_pem, .. } if urls.len() == spec.nodes => {
                for url in urls {
                    crate::synthetic::signaling::check_url(url).map_err(|e| LoadtestError::Options(e.to_string()))?;
                }
                Ok(Nodes {
                    redis: None,
                    servers: Vec::new(),
                    urls: urls.clone(),
                    tls_root_pem: tls_root_pem.clone(),
                })
            }
            Target::Nodes { urls, .. } => Err(nodes_needed(spec, urls.len())),
            Target::Remote { .. } => Err(nodes_needed(spec, 1)),
        }
    }

    /// Samples every node: in-process directly, given nodes through their `/metrics`.
    pub(crate) fn probe(&self, target: &Target) -> Result<Probe<'_>, LoadtestError> {
        if !self.servers.is_empty() {
            return Ok(Probe::Cluster(self.servers.iter().map(Probe::Local).collect()));
        }
        let Target::Nodes {
            urls,
            admin_token,
            tls_root_pem,
        } = target
        else {
            return Err(LoadtestError::Options("no cluster nodes to sample".into()));
        };
        let probes = urls
            .iter()
            .map(|url| {
                Ok(Probe::Remote {
                    client: Box::new(HttpClient::new(tls_root_pem.as_deref())?),
                    base: url.clone(),
                    token: admin_token.clone(),
                })
            })
            .collect::<Result<Vec<_>, LoadtestError>>()?;
        Ok(Probe::Cluster(probes))
    }

    /// Stops the in-process nodes, then Redis.
    pub(crate) async fn stop(self) {
        for server in self.servers {
            super::stop_server(Some(server)).await;
        }
        if let Some(mut redis) = self.redis {
            if let Err(e) = redis.kill().await {
                tracing::warn!(error = %e, "cannot stop redis-server");
            }
        }
    }
}

fn nodes_needed(spec: &ClusterSpec, given: usize) -> LoadtestError {
    LoadtestError::Options(format!(
        "a [cluster] scenario of {} nodes loads {0} nodes: give one --url per node ({given} given), or none to start them in-process",
        spec.nodes
    ))
}

/// Redis, then the nodes; what started is stopped again when a node fails to.
async fn start_in_process(scenario: &Scenario, spec: &ClusterSpec) -> Result<Nodes, LoadtestError> {
    let (redis, port) = start_redis().await?;
    let mut nodes = Nodes {
        redis: Some(redis),
        servers: Vec::new(),
        urls: Vec::new(),
        tls_root_pem: None,
    };
    let secret = format!("{:032x}", rand::random::<u128>());
    for index in 0..spec.nodes {
        match Server::start(node_config(scenario, index, port, &secret)).await {
            Ok(server) => {
                nodes.urls.push(server.ws_url());
                nodes.servers.push(server);
            }
            Err(e) => {
                nodes.stop().await;
                return Err(e.into());
            }
        }
    }
    tracing::info!(nodes = ?nodes.urls, redis_port = port, "cluster nodes started");
    Ok(nodes)
}

/// In-process node `index`'s config: the scenario's server, in the cluster on the Redis at
/// `redis_port`, node id `node-<index>`, its own RTC ports, pipes on loopback. Its public URL is
/// the address it binds (the default).
pub fn node_config(scenario: &Scenario, index: usize, redis_port: u16, secret: &str) -> Config {
    let mut c = server_config(scenario);
    c.rtc.port_min = 20000 + index as u16 * PORTS_PER_NODE;
    c.rtc.port_max = c.rtc.port_min + (PORTS_PER_NODE - 1);
    c.cluster.redis_url = Some(format!("redis://127.0.0.1:{redis_port}"));
    c.cluster.node_id = Some(format!("node-{index}"));
    c.cluster.secret = Some(secret.to_string());
    c.cluster.pipe_listen_ip = Some(std::net::Ipv4Addr::LOCALHOST.into());
    c
}

/// A throwaway `redis-server` on a free loopback port (no persistence), listening.
async fn start_redis() -> Result<(tokio::process::Child, u16), LoadtestError> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| LoadtestError::Options(format!("cannot pick a port for redis-server: {e}")))?
        .port();
    let mut child = tokio::process::Command::new("redis-server")
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
        .args(["--save", "", "--appendonly", "no"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| {
            LoadtestError::Options(match e.kind() {
                std::io::ErrorKind::NotFound => "a [cluster] scenario starts a redis-server, and there is none on the PATH: install it (scripts/setup, or apt-get install redis-server), or load running nodes with one --url each".to_string(),
                _ => format!("cannot start redis-server: {e}"),
            })
        })?;
    let deadline = Instant::now() + REDIS_START;
    loop {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return Ok((child, port));
        }
        if let Ok(Some(status)) = child.try_wait() {
            return Err(LoadtestError::Options(format!(
                "redis-server on port {port} exited at start ({status})"
            )));
        }
        if Instant::now() > deadline {
            let _ = child.kill().await;
            return Err(LoadtestError::Options(format!(
                "redis-server does not listen on port {port} after {REDIS_START:?}"
            )));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// What the nodes did in one phase, next to the merged numbers.
pub(crate) struct ClusterRun {
    /// Samples around the first [`WINDOW`]: broadcasters up, no viewer yet.
    pub ingest: (Sample, Sample),
    /// Samples around the second: one viewer on each edge node (the *openers*, there for the
    /// whole phase), so the home has its pipes and no viewer.
    pub pipes: (Sample, Sample),
    /// Samples around the third: one opener on the home too, so the home serves a consumer
    /// of each producer beside its pipes, one receiver each as they are, and every node has
    /// one opener in the window the phase's viewers are measured from.
    pub consumers: (Sample, Sample),
    /// The nodes that had an opener (edges, then the home's).
    pub openers: Vec<usize>,
    /// (node, its viewers' reports), openers included.
    pub viewers: Vec<(usize, Vec<Report>)>,
    /// Whether the phase had viewers besides its openers (not: a phase for the windows alone,
    /// such as `pipe_cost_phase`'s, which then kept its openers for its duration).
    pub own_viewers: bool,
}

/// One phase on the cluster: broadcasters on their node; a window with them alone; one viewer
/// on each edge node and a window with those; one on the home and a window with it; then the
/// phase's other viewers at once, until they are done.
pub(crate) async fn run_phase(
    options: &LoadtestOptions,
    spec: &ClusterSpec,
    probe: &Probe<'_>,
    nodes: (&[String], Option<String>),
    index: usize,
    phase: &Phase,
) -> Result<(PhaseRun, Sample, Sample), LoadtestError> {
    let (urls, tls) = nodes;
    let scenario = &options.scenario;
    let gap = Duration::from_secs_f64(1.0 / scenario.ramp_per_sec);
    let duration = options.duration.unwrap_or_else(|| scenario.duration());
    // How long the nodes are watched with the broadcasters alone (the home's ingest), then
    // with one viewer on each edge (the home's pipes), then with one on the home too (a
    // consumer of each producer beside them), before the other viewers join.
    let measure = Duration::from_secs_f64(spec.window_secs);
    let progress = &options.progress;
    let before = Progress::get(&progress.broadcasters.connected) + Progress::get(&progress.broadcasters.failed);
    let stop_broadcasters = options.cancel.child_token();
    let broadcasters = tokio::spawn(run_broadcasters(broadcast_options(
        options,
        (&urls[phase.broadcaster_node], tls.clone()),
        index,
        phase,
        (&stop_broadcasters, 3 * measure),
    )));
    wait_broadcasters(options, phase.broadcasters as u64, gap, before).await;
    let (placement, openers) = open_edges(spec.placement(phase), phase.broadcaster_node);
    let (placement, home_openers) = open_home(placement, phase.broadcaster_node);
    let own_viewers = !placement.is_empty();
    let stop_openers = options.cancel.child_token();
    let opened = Arc::new(Progress::default());
    // Owned here, so that they are stopped and awaited however the watching below ends.
    let mut opener_runs = Vec::new();
    let watched = async {
        let ingest_start = probe.sample().await?;
        window(options, measure).await;
        let ingest = (ingest_start, probe.sample().await?);
        // The openers stay until the others are done (then they are stopped).
        let stay = duration + gap * phase.viewers as u32 + 2 * (measure + OPENERS_TIMEOUT) + Duration::from_secs(10);
        let open = |placement: &Placement| {
            let progress = (&opened, &stop_openers);
            spawn_viewers(options, placement.clone(), (urls, tls.clone()), phase, progress, stay)
        };
        opener_runs = open(&openers);
        let pipes = watch_opened(options, probe, (&opened, openers.len() as u64), measure).await?;
        opener_runs.extend(open(&home_openers));
        let all = (openers.len() + home_openers.len()) as u64;
        let consumers = watch_opened(options, probe, (&opened, all), measure).await?;
        let viewers = phase_viewers(options, placement, (urls, tls.clone()), phase, duration).await;
        let end = probe.sample().await?;
        Ok::<_, LoadtestError>((ingest, (pipes, consumers), viewers, end))
    }
    .await;
    stop_openers.cancel();
    let opener_reports = join_nodes(opener_runs).await;
    stop_broadcasters.cancel();
    let broadcasters = joined(broadcasters.await);
    let (ingest, (pipes, consumers), viewers, end) = watched?;
    let mut viewers = viewers?;
    viewers.extend(opener_reports?);
    let start = consumers.1.clone();
    let run = ClusterRun {
        ingest,
        pipes,
        consumers,
        openers: openers.iter().chain(&home_openers).map(|o| o.0).collect(),
        viewers,
        own_viewers,
    };
    Ok((run.into_phase(broadcasters?), start, end))
}

/// The phase's viewers besides its openers, on their nodes, until they are done. A phase whose
/// viewers are all openers (one for the windows, `pipe_cost_phase`) keeps them on their own
/// for its duration.
async fn phase_viewers(
    options: &LoadtestOptions,
    placement: Placement,
    nodes: (&[String], Option<String>),
    phase: &Phase,
    duration: Duration,
) -> Result<Vec<(usize, Vec<Report>)>, LoadtestError> {
    if placement.is_empty() {
        window(options, duration).await;
        return Ok(Vec::new());
    }
    let progress = (&options.progress.viewers, &options.cancel);
    join_nodes(spawn_viewers(options, placement, nodes, phase, progress, duration)).await
}

impl ClusterRun {
    /// The phase's run: its broadcasters' report, every viewer's, and this.
    fn into_phase(self, broadcasters: Report) -> PhaseRun {
        PhaseRun {
            broadcasters: vec![broadcasters],
            viewers: self.viewers.iter().flat_map(|(_, r)| r.iter().cloned()).collect(),
            hostile: None,
            cluster: Some(self),
        }
    }
}

/// (node, viewers) of a phase.
type Placement = Vec<(usize, usize)>;

/// The placement less one viewer on each edge node (that has some), and those openers.
fn open_edges(mut placement: Placement, home: usize) -> (Placement, Placement) {
    let mut openers = Vec::new();
    for (node, count) in placement.iter_mut().filter(|(n, c)| *n != home && *c > 0) {
        openers.push((*node, 1));
        *count -= 1;
    }
    placement.retain(|(_, c)| *c > 0);
    (placement, openers)
}

/// The placement less one viewer on the home (if it has some), and that opener. Every node
/// then has one opener when the phase's viewers start: a lone viewer costs a worker more than
/// one among many (each packet wakes its receiver), so a node's marginal cost per viewer,
/// measured from a window with its openers in, is biased alike on every node only if each has
/// as many.
fn open_home(mut placement: Placement, home: usize) -> (Placement, Placement) {
    let mut openers = Vec::new();
    if let Some((_, count)) = placement.iter_mut().find(|(n, c)| *n == home && *c > 0) {
        openers.push((home, 1));
        *count -= 1;
    }
    placement.retain(|(_, c)| *c > 0);
    (placement, openers)
}

/// Sleeps `how_long`, or less if the run is cancelled.
async fn window(options: &LoadtestOptions, how_long: Duration) {
    tokio::select! {
        _ = tokio::time::sleep(how_long) => {}
        _ = options.cancel.cancelled() => {}
    }
}

/// Once the openers counted in `opened.0` are in (`opened.1` of them, bounded), samples the
/// nodes around a window of `measure`.
async fn watch_opened(
    options: &LoadtestOptions,
    probe: &Probe<'_>,
    opened: (&Progress, u64),
    measure: Duration,
) -> Result<(Sample, Sample), LoadtestError> {
    wait_opened(options, opened.0, opened.1).await;
    let start = probe.sample().await?;
    window(options, measure).await;
    Ok((start, probe.sample().await?))
}

/// Waits (bounded) until `want` openers connected or failed, then a moment for their pipes.
async fn wait_opened(options: &LoadtestOptions, opened: &Progress, want: u64) {
    let deadline = tokio::time::Instant::now() + OPENERS_TIMEOUT;
    while Progress::get(&opened.connected) + Progress::get(&opened.failed) < want
        && tokio::time::Instant::now() < deadline
        && !options.cancel.is_cancelled()
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    window(options, Duration::from_secs(1)).await;
}

/// The phase's broadcasters, on `node` (URL, CA), long enough for the whole phase.
fn broadcast_options(
    options: &LoadtestOptions,
    node: (&str, Option<String>),
    index: usize,
    phase: &Phase,
    (stop, windows): (&tokio_util::sync::CancellationToken, Duration),
) -> BroadcastOptions {
    let scenario = &options.scenario;
    let duration = options.duration.unwrap_or_else(|| scenario.duration());
    let gap = Duration::from_secs_f64(1.0 / scenario.ramp_per_sec);
    let mut o = BroadcastOptions::new(node.0, room_name(scenario, phase, 0), phase.broadcasters);
    o.target.tls_root_pem = node.1;
    o.duration = gap * phase.viewers as u32 + duration + windows + OPENERS_TIMEOUT + Duration::from_secs(40);
    o.video = phase.video;
    o.seed = scenario.talk.seed.wrapping_add((index * 1000) as u64);
    o.speech = speech_pattern(&scenario.talk);
    o.ramp = gap;
    o.progress = Arc::clone(&options.progress.broadcasters);
    o.cancel = stop.clone();
    o
}

/// Each node's viewers (node, count), one run per node, their starts interleaved so that the
/// whole phase ramps at the scenario's rate; counted in `progress.0`, stopped by `progress.1`.
/// They stay the phase's duration once connected (or until stopped).
fn spawn_viewers(
    options: &LoadtestOptions,
    placement: Placement,
    nodes: (&[String], Option<String>),
    phase: &Phase,
    progress: (&Arc<Progress>, &tokio_util::sync::CancellationToken),
    stay: Duration,
) -> Vec<(usize, JoinHandle<Result<Report, SyntheticError>>)> {
    let scenario = &options.scenario;
    let gap = Duration::from_secs_f64(1.0 / scenario.ramp_per_sec);
    let spread = gap * placement.len() as u32;
    placement
        .iter()
        .enumerate()
        .map(|(k, &(node, count))| {
            let mut o = ViewerOptions::new(&nodes.0[node], room_name(scenario, phase, 0), count);
            o.target.tls_root_pem = nodes.1.clone();
            o.duration = stay;
            o.ramp = spread;
            o.feed = phase.mode == ViewerMode::Feed;
            o.taste = phase.taste_seed;
            o.progress = Arc::clone(progress.0);
            o.cancel = progress.1.child_token();
            let offset = gap * k as u32;
            let run = tokio::spawn(async move {
                tokio::time::sleep(offset).await;
                run_viewers(o).await
            });
            (node, run)
        })
        .collect()
}

/// Awaits every node's viewer run (all of them, whatever fails); the first error wins.
async fn join_nodes(
    runs: Vec<(usize, JoinHandle<Result<Report, SyntheticError>>)>,
) -> Result<Vec<(usize, Vec<Report>)>, LoadtestError> {
    let mut out = Vec::new();
    let mut error = None;
    for (node, run) in runs {
        match joined(run.await) {
            Ok(r) => out.push((node, vec![r])),
            Err(e) => error = error.or(Some(e)),
        }
    }
    match error {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

fn joined(r: Result<Result<Report, SyntheticError>, tokio::task::JoinError>) -> Result<Report, LoadtestError> {
    match r {
        Ok(r) => r.map_err(LoadtestError::Synthetic),
        Err(e) => Err(LoadtestError::Options(format!("peer run failed: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::{open_edges, open_home};

    #[test]
    fn one_opener_per_edge_node_taken_from_its_viewers() {
        let (rest, openers) = open_edges(vec![(0, 4), (1, 3), (2, 3)], 0);
        assert_eq!((rest, openers), (vec![(0, 4), (1, 2), (2, 2)], vec![(1, 1), (2, 1)]));
        // An edge whose only viewer is its opener; the home elsewhere than node 0.
        let (rest, openers) = open_edges(vec![(0, 2), (1, 1), (2, 3)], 2);
        assert_eq!((rest, openers), (vec![(0, 1), (2, 3)], vec![(0, 1), (1, 1)]));
    }

    #[test]
    fn one_opener_on_the_home_when_it_has_viewers() {
        let (rest, openers) = open_home(vec![(0, 4), (1, 2), (2, 2)], 0);
        assert_eq!((rest, openers), (vec![(0, 3), (1, 2), (2, 2)], vec![(0, 1)]));
        // Its only viewer; none on the home: no opener.
        let (rest, openers) = open_home(vec![(0, 1), (1, 2)], 0);
        assert_eq!((rest, openers), (vec![(1, 2)], vec![(0, 1)]));
        let (rest, openers) = open_home(vec![(1, 2), (2, 2)], 0);
        assert_eq!((rest, openers), (vec![(1, 2), (2, 2)], vec![]));
    }
}
