//! `sfu soak`: the first phase of a scenario held for a long time with churn (viewers leave and
//! rejoin, broadcasters are dropped mid-utterance and reconnect, signaling sockets are cut without
//! a close), then checks that the server came back to zero objects, its RSS stayed flat after
//! the warm-up, the buffer stayed under its cap and no signaling error was sent.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Serialize;
use serde_json::json;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::probe::{Probe, Sample};
use super::report::SloResult;
use super::timeline::Tick;
use super::{probe, speech_pattern, start_target, stop_server, LoadProgress, LoadtestError, LoadtestOptions};
use crate::scenario::{Churn, Phase, Scenario, Slo, ViewerMode};
use crate::stats::ObjectCounts;
use crate::synthetic::{run_broadcasters, run_viewers, BroadcastOptions, Progress, SignalingClient, ViewerOptions};

#[derive(Debug, Clone, Serialize)]
pub struct SoakReport {
    pub scenario: String,
    pub target: String,
    pub duration_s: f64,
    pub viewer_runs: u64,
    pub broadcaster_runs: u64,
    pub peers_started: u64,
    pub peers_connected: u64,
    pub socket_cuts: u64,
    pub socket_cut_failures: u64,
    pub rss_after_warmup_bytes: Option<u64>,
    pub rss_end_bytes: Option<u64>,
    pub rss_growth_percent: Option<f64>,
    /// Least-squares slope of RSS over the samples after the warm-up, MiB per minute: a leak
    /// keeps it positive however long the run, a cache or allocator filling up flattens it.
    pub rss_slope_mib_per_min: Option<f64>,
    /// RSS the buffer does not explain (RSS minus buffer bytes) at the end of the warm-up.
    pub rss_baseline_bytes: Option<u64>,
    /// Highest RSS after the warm-up.
    pub rss_max_after_warmup_bytes: Option<u64>,
    /// Utterances evicted per second after the warm-up.
    pub evictions_per_sec: Option<f64>,
    /// The warm-up the RSS is measured after, seconds.
    #[serde(skip)]
    pub warmup_s: f64,
    pub buffer_bytes_max: u64,
    pub buffer_cap_bytes: u64,
    pub signaling_errors: u64,
    pub signaling_errors_by_code: BTreeMap<String, u64>,
    pub counts_after: Option<ObjectCounts>,
    /// Routers and WebRTC transports mediasoup still held after the run (in-process only).
    pub mediasoup_objects_after: Option<(usize, usize)>,
    /// The run second by second (the HTML report's charts).
    pub timeline: Vec<super::TimePoint>,
    /// The soak's checks, each with what it measured and a line that explains it.
    pub checks: Vec<SloResult>,
    pub passed: bool,
}

impl std::fmt::Display for SoakReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "soak {} ({}): {:.1} s", self.scenario, self.target, self.duration_s)?;
        writeln!(
            f,
            "  {} viewer runs, {} broadcaster runs, {}/{} peers connected, {} sockets cut ({} cut attempts failed)",
            self.viewer_runs,
            self.broadcaster_runs,
            self.peers_connected,
            self.peers_started,
            self.socket_cuts,
            self.socket_cut_failures
        )?;
        for c in &self.checks {
            writeln!(
                f,
                "  {} {:<22} {}",
                if c.pass { "ok  " } else { "FAIL" },
                c.name,
                c.detail.as_deref().unwrap_or_default()
            )?;
        }
        writeln!(f, "{}", if self.passed { "PASS" } else { "FAIL" })
    }
}

impl SoakReport {
    /// Judges the measured numbers: no object left behind, RSS growth under the churn's limit,
    /// the buffer under its cap and the SLO, no signaling error the churn does not explain, the
    /// SLO's share of peers connected, and every socket cut attempted.
    pub(crate) fn evaluate(&mut self, slo: &Slo, churn: &Churn) {
        let mut checks = vec![
            self.leak_check(),
            self.rss_check(churn.max_rss_growth_percent),
            self.buffer_check(slo.max_buffer_bytes),
            self.errors_check(),
            self.connected_check(slo.min_connected_ratio),
        ];
        if let Some(max) = churn.max_rss_slope_mib_per_min {
            checks.push(self.slope_check(max));
        }
        if let Some(percent) = churn.max_rss_over_cap_percent {
            checks.push(self.over_cap_check(percent));
        }
        if let Some(min) = churn.min_evictions_per_sec {
            checks.push(
                SloResult::at_least("evictions per second", self.evictions_per_sec, min).with_detail(format!(
                    "{} utterances evicted per second after the warm-up (SLO >= {min})",
                    self.evictions_per_sec.map_or("-".into(), |e| format!("{e:.1}"))
                )),
            );
        }
        if self.socket_cut_failures > 0 {
            checks.push(
                SloResult::at_most("socket cuts", Some(self.socket_cut_failures as f64), 0.0).with_detail(format!(
                    "{} cut attempts failed before the cut",
                    self.socket_cut_failures
                )),
            );
        }
        self.passed = checks.iter().all(|c| c.pass);
        self.checks = checks;
    }

    fn leak_check(&self) -> SloResult {
        let mediasoup = self.mediasoup_objects_after;
        // Objects left over (a count gone negative is as wrong as one left positive).
        let left = self.counts_after.map(|c| {
            let server: u64 = [c.rooms, c.peers, c.transports, c.producers, c.consumers, c.feeds]
                .iter()
                .map(|n| n.unsigned_abs())
                .sum();
            (server + mediasoup.map_or(0, |(r, t)| (r + t) as u64)) as f64
        });
        let detail = match self.counts_after {
            Some(c) => format!(
                "after: {} rooms, {} peers, {} transports, {} producers, {} consumers, {} feeds{}",
                c.rooms,
                c.peers,
                c.transports,
                c.producers,
                c.consumers,
                c.feeds,
                mediasoup.map_or(String::new(), |(r, t)| format!(
                    "; mediasoup: {r} routers, {t} transports"
                ))
            ),
            None => "server not readable".into(),
        };
        SloResult::at_most("no leaked objects", left, 0.0).with_detail(detail)
    }

    fn rss_check(&self, max_growth_percent: f64) -> SloResult {
        let detail = match (self.rss_growth_percent, self.rss_after_warmup_bytes, self.rss_end_bytes) {
            (Some(g), Some(w), Some(e)) => format!(
                "{g:+.2} % ({:.1} MiB after {:.0} s of warm-up, {:.1} MiB at the end, slope {} MiB/min; limit {} %)",
                w as f64 / 1048576.0,
                self.warmup_s,
                e as f64 / 1048576.0,
                self.rss_slope_mib_per_min.map_or("-".into(), |s| format!("{s:+.3}")),
                max_growth_percent
            ),
            _ => "not measured (run longer than the warm-up)".into(),
        };
        SloResult::below("rss growth", self.rss_growth_percent, max_growth_percent).with_detail(detail)
    }

    fn slope_check(&self, max: f64) -> SloResult {
        let detail = match self.rss_slope_mib_per_min {
            Some(s) => format!(
                "{s:+.3} MiB/min (least squares over the samples after {:.0} s of warm-up; limit {max})",
                self.warmup_s
            ),
            None => "not measured (run longer than the warm-up)".into(),
        };
        SloResult::at_most("rss slope", self.rss_slope_mib_per_min, max).with_detail(detail)
    }

    /// The highest RSS after the warm-up against `baseline + cap`, percent over it.
    fn over_cap_check(&self, max_percent: f64) -> SloResult {
        let mib = |b: u64| b as f64 / 1048576.0;
        let over = match (self.rss_baseline_bytes, self.rss_max_after_warmup_bytes) {
            (Some(base), Some(max)) => {
                let allowed = base + self.buffer_cap_bytes;
                Some((
                    100.0 * (max as f64 - allowed as f64) / allowed as f64,
                    format!(
                        "max {:.1} MiB after the warm-up, baseline {:.1} MiB + cap {:.1} MiB = {:.1} MiB",
                        mib(max),
                        mib(base),
                        mib(self.buffer_cap_bytes),
                        mib(allowed)
                    ),
                ))
            }
            _ => None,
        };
        let value = over.as_ref().map(|(p, _)| *p);
        let detail = over.map_or("not measured (run longer than the warm-up)".into(), |(p, d)| {
            format!("{p:+.2} % ({d}; limit +{max_percent} %)")
        });
        SloResult::at_most("rss within cap", value, max_percent).with_detail(detail)
    }

    fn buffer_check(&self, max_buffer_bytes: u64) -> SloResult {
        let (max, cap) = (self.buffer_bytes_max, self.buffer_cap_bytes);
        SloResult::at_most(
            "buffer under its cap",
            Some(max as f64),
            cap.min(max_buffer_bytes) as f64,
        )
        .with_detail(format!("max {max} bytes, cap {cap}, SLO {max_buffer_bytes}"))
    }

    /// Errors the churn itself causes ([`CHURN_ERRORS`]) pass; anything else fails.
    fn errors_check(&self) -> SloResult {
        let by_code = &self.signaling_errors_by_code;
        let unexpected: u64 = by_code
            .iter()
            .filter(|(code, _)| !CHURN_ERRORS.contains(&code.as_str()))
            .map(|(_, n)| n)
            .sum();
        SloResult::at_most("no signaling errors", Some(unexpected as f64), 0.0).with_detail(format!(
            "{} error responses, {unexpected} not caused by the churn; by code: {by_code:?}",
            self.signaling_errors
        ))
    }

    fn connected_check(&self, min_ratio: f64) -> SloResult {
        let (connected, started) = (self.peers_connected, self.peers_started);
        let ratio = if started == 0 {
            0.0
        } else {
            connected as f64 / started as f64
        };
        SloResult::at_least("peers connected", Some(ratio), min_ratio)
            .with_detail(format!("{connected} of {started} ({ratio:.3}, SLO >= {min_ratio})"))
    }
}

#[derive(Default)]
struct Tally {
    viewer_runs: AtomicU64,
    broadcaster_runs: AtomicU64,
    cuts: AtomicU64,
    cut_failures: AtomicU64,
}

/// Error codes a dropped broadcaster causes for a viewer consuming it at that moment: `consume`
/// of a producer that just closed, or `resumeConsumer` of a consumer closed with its producer;
/// the server answers both with `not_found`.
pub const CHURN_ERRORS: &[&str] = &["not_found"];

/// How long a socket-cut attempt may take.
const CUT_TIMEOUT: Duration = Duration::from_secs(5);

/// Runs the soak. The scenario needs a `[churn]` table.
pub async fn run_soak(options: LoadtestOptions) -> Result<SoakReport, LoadtestError> {
    let Some(churn) = options.scenario.churn.clone() else {
        return Err(LoadtestError::Options(format!(
            "scenario {} has no [churn] table; sfu soak needs one",
            options.scenario.name
        )));
    };
    if options.scenario.cluster.is_some() {
        return Err(LoadtestError::Options(format!(
            "scenario {} is a [cluster] scenario; sfu soak runs one server (use sfu loadtest)",
            options.scenario.name
        )));
    }
    let (server, url, tls) = start_target(&options.scenario, &options.target).await?;
    let result = match probe(server.as_ref(), &options.target) {
        Ok(probe) => soak_with(&options, &churn, &probe, &url, tls).await,
        Err(e) => Err(e),
    };
    stop_server(server).await;
    result
}

/// What every churn task shares: where to connect, until when, what to count, how to stop.
#[derive(Clone)]
struct ChurnTarget {
    url: String,
    tls: Option<String>,
    deadline: tokio::time::Instant,
    tally: Arc<Tally>,
    load: CancellationToken,
}

impl ChurnTarget {
    fn running(&self) -> bool {
        tokio::time::Instant::now() < self.deadline && !self.load.is_cancelled()
    }
}

/// The soak's room names: one set for the whole run.
fn soak_room(scenario: &Scenario, room: usize) -> String {
    format!("{}-soak-{room}", scenario.name)
}

async fn soak_with(
    options: &LoadtestOptions,
    churn: &Churn,
    probe: &Probe<'_>,
    url: &str,
    tls: Option<String>,
) -> Result<SoakReport, LoadtestError> {
    let scenario = &options.scenario;
    let duration = options.duration.unwrap_or_else(|| scenario.duration());
    probe.check().await?;
    let started = Instant::now();
    let target = ChurnTarget {
        url: url.to_string(),
        tls,
        deadline: tokio::time::Instant::now() + duration,
        tally: Arc::new(Tally::default()),
        load: options.cancel.child_token(),
    };
    let first = probe.sample().await?;
    let errors_before = probe.errors_by_code().await.unwrap_or_default();
    let mut tasks = spawn_churn(options, churn, &target);
    let mut ticks = sample_until(probe, &target, &options.progress).await;
    ticks.insert(0, Tick::new(usize::MAX, first.clone(), &options.progress));
    let end_of_load = probe.sample().await.ok();
    ticks.extend(end_of_load.clone().map(|s| Tick::new(0, s, &options.progress)));
    let timeline = super::timeline::build(&ticks, started, &["churn".to_string()]);
    let mut samples: Vec<Sample> = ticks.into_iter().map(|t| t.sample).collect();
    samples.pop_if(|_| end_of_load.is_some());
    drain(&mut tasks, churn, &target.load).await;
    // Cut sockets stay parked for the resume grace period.
    tokio::time::sleep(Duration::from_secs(scenario.server.resume_grace_secs)).await;
    let after = super::wait_released(probe, &options.cancel).await;
    let mediasoup = mediasoup_released(probe).await;
    samples.extend(end_of_load.clone());
    let errors = after
        .as_ref()
        .map_or(0, |s| s.counts.errors.saturating_sub(first.counts.errors));
    let by_code = match probe.errors_by_code().await {
        Ok(now) => errors_since(&errors_before, now),
        Err(e) => [(format!("unreadable /metrics: {e}"), errors.max(1))]
            .into_iter()
            .collect(),
    };
    let warmup = options
        .warmup
        .unwrap_or_else(|| Duration::from_secs_f64(churn.warmup_secs));
    let rss = RssTrend::of(&samples, first.at + warmup, end_of_load.as_ref());
    let (started_peers, connected) = peers_started_and_connected(&options.progress);
    let tally = &target.tally;
    let mut report = SoakReport {
        scenario: scenario.name.clone(),
        target: options.target.label(),
        duration_s: started.elapsed().as_secs_f64(),
        viewer_runs: tally.viewer_runs.load(Ordering::Relaxed),
        broadcaster_runs: tally.broadcaster_runs.load(Ordering::Relaxed),
        peers_started: started_peers,
        peers_connected: connected,
        socket_cuts: tally.cuts.load(Ordering::Relaxed),
        socket_cut_failures: tally.cut_failures.load(Ordering::Relaxed),
        rss_after_warmup_bytes: rss.after_warmup,
        rss_end_bytes: rss.end,
        rss_growth_percent: rss.growth_percent(),
        rss_slope_mib_per_min: rss.slope,
        rss_baseline_bytes: rss.baseline,
        rss_max_after_warmup_bytes: rss.max,
        evictions_per_sec: rss.evictions_per_sec,
        warmup_s: warmup.as_secs_f64(),
        buffer_bytes_max: samples.iter().map(|s| s.buffer_bytes).max().unwrap_or(0),
        buffer_cap_bytes: first.buffer_cap_bytes,
        signaling_errors: errors,
        signaling_errors_by_code: by_code,
        counts_after: after.as_ref().map(|s| s.counts),
        mediasoup_objects_after: mediasoup,
        timeline,
        checks: Vec::new(),
        passed: false,
    };
    report.evaluate(&scenario.slo, churn);
    Ok(report)
}

/// Starts, per room, a broadcaster churn and a viewer churn, and the socket cuts.
fn spawn_churn(options: &LoadtestOptions, churn: &Churn, target: &ChurnTarget) -> JoinSet<()> {
    let scenario = &options.scenario;
    let phase = &scenario.phases[0];
    let gap = Duration::from_secs_f64(1.0 / scenario.ramp_per_sec);
    let ramp = gap * phase.rooms as u32;
    let mut tasks = JoinSet::new();
    for room in 0..phase.rooms {
        tasks.spawn(broadcaster_churn(
            target.clone(),
            broadcast_template(options, phase, room, ramp),
            churn.broadcaster_session_secs,
            scenario.talk.seed,
            room,
        ));
        let mut viewers = ViewerOptions::new(target.url.clone(), soak_room(scenario, room), phase.viewers);
        viewers.target.tls_root_pem = target.tls.clone();
        viewers.ramp = ramp;
        viewers.feed = phase.mode == ViewerMode::Feed;
        // A feed viewer of a video phase takes the feed's video too.
        viewers.video = viewers.feed && phase.video;
        viewers.progress = Arc::clone(&options.progress.viewers);
        let rng = StdRng::seed_from_u64(scenario.talk.seed ^ 0x5eed ^ room as u64);
        tasks.spawn(viewer_churn(target.clone(), viewers, churn.viewer_session_secs, rng));
    }
    if churn.socket_cuts_per_sec > 0.0 {
        let every = Duration::from_secs_f64(1.0 / churn.socket_cuts_per_sec);
        let rooms: Vec<String> = (0..phase.rooms).map(|r| soak_room(scenario, r)).collect();
        tasks.spawn(socket_cuts(target.clone(), every, rooms));
    }
    tasks
}

/// The options every broadcaster run of `room` starts from (duration, seed and cancel change
/// per run).
fn broadcast_template(options: &LoadtestOptions, phase: &Phase, room: usize, ramp: Duration) -> BroadcastOptions {
    let scenario = &options.scenario;
    let mut o = BroadcastOptions::new(String::new(), soak_room(scenario, room), phase.broadcasters);
    o.video = phase.video;
    o.speech = speech_pattern(&scenario.talk);
    o.ramp = ramp;
    o.progress = Arc::clone(&options.progress.broadcasters);
    o
}

/// Broadcasters of one room: runs of random length, each ended mid-pattern, then back.
async fn broadcaster_churn(target: ChurnTarget, template: BroadcastOptions, session: f64, seed: u64, room: usize) {
    let mut rng = StdRng::seed_from_u64(seed ^ room as u64);
    let mut round = 0u64;
    while target.running() {
        let mut o = template.clone();
        o.target.url = target.url.clone();
        o.target.tls_root_pem = target.tls.clone();
        o.duration = session_length(&mut rng, session, target.deadline);
        o.seed = seed.wrapping_add(round * 7919 + room as u64);
        o.cancel = target.load.child_token();
        if let Err(e) = run_broadcasters(o).await {
            tracing::warn!(error = %e, "soak broadcasters failed");
        }
        target.tally.broadcaster_runs.fetch_add(1, Ordering::Relaxed);
        round += 1;
    }
}

/// Viewers of one room: waves that leave and rejoin.
async fn viewer_churn(target: ChurnTarget, template: ViewerOptions, session: f64, mut rng: StdRng) {
    // Let the broadcasters come up first.
    tokio::time::sleep(Duration::from_millis(500)).await;
    while target.running() {
        let mut o = template.clone();
        o.duration = session_length(&mut rng, session, target.deadline);
        o.cancel = target.load.child_token();
        if let Err(e) = run_viewers(o).await {
            tracing::warn!(error = %e, "soak viewers failed");
        }
        target.tally.viewer_runs.fetch_add(1, Ordering::Relaxed);
    }
}

/// Cuts a signaling socket every `every`, in the rooms in turn.
async fn socket_cuts(target: ChurnTarget, every: Duration, rooms: Vec<String>) {
    let mut tick = tokio::time::interval(every);
    tick.tick().await;
    let mut n = 0usize;
    loop {
        tokio::select! {
            _ = target.load.cancelled() => break,
            _ = tokio::time::sleep_until(target.deadline) => break,
            _ = tick.tick() => {}
        }
        let room = &rooms[n % rooms.len()];
        n += 1;
        let tally = &target.tally;
        match tokio::time::timeout(CUT_TIMEOUT, cut_socket(&target.url, target.tls.as_deref(), room, n)).await {
            Ok(Ok(())) => tally.cuts.fetch_add(1, Ordering::Relaxed),
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "socket cut attempt failed");
                tally.cut_failures.fetch_add(1, Ordering::Relaxed)
            }
            Err(_) => tally.cut_failures.fetch_add(1, Ordering::Relaxed),
        };
    }
}

/// Samples the server every second while the load runs.
async fn sample_until(probe: &Probe<'_>, target: &ChurnTarget, progress: &LoadProgress) -> Vec<Tick> {
    let mut samples = Vec::new();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tokio::time::sleep_until(target.deadline) => break,
            _ = target.load.cancelled() => break,
            _ = tick.tick() => {}
        }
        if let Ok(s) = probe.sample().await {
            samples.push(Tick::new(0, s, progress));
        }
    }
    samples
}

/// Waits for the churn tasks: runs end on their own within a session; the wait is bounded
/// anyway, then the rest is cancelled.
async fn drain(tasks: &mut JoinSet<()>, churn: &Churn, load: &CancellationToken) {
    let grace = Duration::from_secs_f64(churn.viewer_session_secs.max(churn.broadcaster_session_secs))
        + Duration::from_secs(20);
    let drained = tokio::time::timeout(grace, async { while tasks.join_next().await.is_some() {} }).await;
    if drained.is_err() {
        load.cancel();
        while tasks.join_next().await.is_some() {}
    }
}

/// Routers and transports mediasoup holds, waited on (5 s at most) to reach zero; `None` for a
/// remote server.
async fn mediasoup_released(probe: &Probe<'_>) -> Option<(usize, usize)> {
    let mut objects = probe.mediasoup_objects().await?;
    let until = Instant::now() + Duration::from_secs(5);
    while objects != (0, 0) && Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(100)).await;
        objects = probe.mediasoup_objects().await.unwrap_or(objects);
    }
    Some(objects)
}

/// Error responses per code since `before`, codes with none left out.
fn errors_since(before: &BTreeMap<String, u64>, now: BTreeMap<String, u64>) -> BTreeMap<String, u64> {
    now.into_iter()
        .map(|(code, n)| {
            let before = before.get(&code).copied().unwrap_or(0);
            (code, n.saturating_sub(before))
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// Peers started (connected or failed) and connected, broadcasters and viewers together.
fn peers_started_and_connected(p: &LoadProgress) -> (u64, u64) {
    let started = Progress::get(&p.broadcasters.connected)
        + Progress::get(&p.broadcasters.failed)
        + Progress::get(&p.viewers.connected)
        + Progress::get(&p.viewers.failed);
    (started, p.connected())
}

/// The server's RSS after the warm-up and at the end of the load, its slope in between, and
/// how fast the buffer evicted meanwhile.
#[derive(Debug, PartialEq)]
struct RssTrend {
    after_warmup: Option<u64>,
    end: Option<u64>,
    slope: Option<f64>,
    /// RSS minus buffer bytes at the first sample after the warm-up.
    baseline: Option<u64>,
    max: Option<u64>,
    evictions_per_sec: Option<f64>,
}

impl RssTrend {
    fn of(samples: &[Sample], warm_at: Instant, end_of_load: Option<&Sample>) -> RssTrend {
        let warm = samples.iter().find(|s| s.at >= warm_at);
        let last = samples.iter().rfind(|s| s.at >= warm_at);
        let evictions_per_sec = match (warm, last) {
            (Some(a), Some(b)) if b.at > a.at => {
                Some(b.evictions.saturating_sub(a.evictions) as f64 / b.at.duration_since(a.at).as_secs_f64())
            }
            _ => None,
        };
        RssTrend {
            after_warmup: warm.and_then(|s| s.rss_bytes),
            end: end_of_load.and_then(|s| s.rss_bytes),
            slope: rss_slope(samples.iter().filter(|s| s.at >= warm_at)),
            baseline: warm.and_then(|s| Some(s.rss_bytes?.saturating_sub(s.buffer_bytes))),
            max: samples
                .iter()
                .filter(|s| s.at >= warm_at)
                .filter_map(|s| s.rss_bytes)
                .max(),
            evictions_per_sec,
        }
    }

    fn growth_percent(&self) -> Option<f64> {
        match (self.after_warmup, self.end) {
            (Some(w), Some(e)) if w > 0 => Some(100.0 * (e as f64 - w as f64) / w as f64),
            _ => None,
        }
    }
}

/// Least-squares slope of the samples' RSS against time, MiB per minute (at least 3 samples).
fn rss_slope<'a>(samples: impl Iterator<Item = &'a Sample>) -> Option<f64> {
    let points: Vec<(f64, f64)> = samples
        .filter_map(|s| Some((s.at, s.rss_bytes?)))
        .scan(None, |t0, (at, rss)| {
            let t0 = *t0.get_or_insert(at);
            Some((at.duration_since(t0).as_secs_f64() / 60.0, rss as f64 / 1048576.0))
        })
        .collect();
    slope(&points)
}

/// Least-squares slope of `y` against `x`; `None` under 3 points or with no spread in `x`.
fn slope(points: &[(f64, f64)]) -> Option<f64> {
    if points.len() < 3 {
        return None;
    }
    let n = points.len() as f64;
    let (mx, my) = points.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x / n, b + y / n));
    let (sxy, sxx) = points.iter().fold((0.0, 0.0), |(sxy, sxx), (x, y)| {
        (sxy + (x - mx) * (y - my), sxx + (x - mx) * (x - mx))
    });
    (sxx > 0.0).then(|| sxy / sxx)
}

/// A random session length in `[session/2, session]`, cut at the soak's end.
fn session_length(rng: &mut StdRng, session_secs: f64, deadline: tokio::time::Instant) -> Duration {
    let secs = rng.random_range(session_secs / 2.0..=session_secs);
    Duration::from_secs_f64(secs).min(
        deadline
            .saturating_duration_since(tokio::time::Instant::now())
            .max(Duration::from_millis(200)),
    )
}

/// Joins `room` as a viewer with a receive transport, then drops the socket without a close
/// frame: the server sees the connection die and parks the peer for `resume`.
async fn cut_socket(
    url: &str,
    tls: Option<&str>,
    room: &str,
    n: usize,
) -> Result<(), crate::synthetic::SignalingError> {
    let client = SignalingClient::connect(url, tls).await?;
    let caps = client.request("getRouterRtpCapabilities", json!({})).await?;
    client
        .request(
            "join",
            json!({
                "room": room,
                "role": "viewer",
                "displayName": format!("soak-cut-{n}"),
                "rtpCapabilities": caps["routerRtpCapabilities"],
            }),
        )
        .await?;
    client.request("createTransport", json!({"direction": "recv"})).await?;
    // Dropping the client aborts its connection task: no close frame, the TCP stream just ends.
    drop(client);
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn counts(peers: i64) -> ObjectCounts {
        ObjectCounts {
            rooms: 0,
            peers,
            connections: 3,
            transports: 0,
            producers: 0,
            consumers: 0,
            feeds: 0,
            pipes: 0,
            messages: 100,
            errors: 2,
        }
    }

    fn slo() -> Slo {
        Slo {
            max_loss_percent: 1.0,
            max_latency_p99_ms: 100.0,
            max_worker_cpu_percent: 90.0,
            max_buffer_bytes: 1000,
            min_connected_ratio: 0.99,
            max_degradation_percent: None,
            max_learning_skip_ratio: None,
            max_starved_speaker_minutes: None,
        }
    }

    fn churn() -> Churn {
        Churn {
            viewer_session_secs: 4.0,
            broadcaster_session_secs: 5.0,
            socket_cuts_per_sec: 0.5,
            warmup_secs: 2.0,
            max_rss_growth_percent: 10.0,
            max_rss_slope_mib_per_min: None,
            max_rss_over_cap_percent: None,
            min_evictions_per_sec: None,
        }
    }

    /// A soak that went well.
    pub(crate) fn clean() -> SoakReport {
        SoakReport {
            scenario: "churn".into(),
            target: "in-process".into(),
            duration_s: 14.0,
            viewer_runs: 4,
            broadcaster_runs: 4,
            peers_started: 200,
            peers_connected: 200,
            socket_cuts: 6,
            socket_cut_failures: 0,
            rss_after_warmup_bytes: Some(100 << 20),
            rss_end_bytes: Some(104 << 20),
            rss_growth_percent: Some(4.0),
            rss_slope_mib_per_min: Some(0.1),
            rss_baseline_bytes: Some(90 << 20),
            rss_max_after_warmup_bytes: Some(104 << 20),
            evictions_per_sec: Some(25.0),
            warmup_s: 2.0,
            buffer_bytes_max: 800,
            buffer_cap_bytes: 900,
            signaling_errors: 2,
            signaling_errors_by_code: [("not_found".to_string(), 2)].into_iter().collect(),
            counts_after: Some(counts(0)),
            mediasoup_objects_after: Some((0, 0)),
            timeline: Vec::new(),
            checks: Vec::new(),
            passed: false,
        }
    }

    fn failed(r: &SoakReport) -> Vec<&str> {
        r.checks.iter().filter(|c| !c.pass).map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn clean_soak_passes_every_check() {
        let mut r = clean();
        r.evaluate(&slo(), &churn());
        assert!(r.passed, "{r}");
        let names: Vec<&str> = r.checks.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "no leaked objects",
                "rss growth",
                "buffer under its cap",
                "no signaling errors",
                "peers connected"
            ]
        );
        assert!(r.checks.iter().all(|c| c.detail.is_some()));
        let text = r.to_string();
        assert!(
            text.contains("ok   rss growth             +4.00 % (100.0 MiB after 2 s of warm-up"),
            "{text}"
        );
        assert!(text.ends_with("PASS\n"), "{text}");
    }

    #[test]
    fn each_failure_fails_its_own_check() {
        type Breakage = (&'static str, fn(&mut SoakReport));
        let cases: [Breakage; 8] = [
            ("no leaked objects", |r| r.counts_after = Some(counts(1))),
            ("no leaked objects", |r| r.counts_after = Some(counts(-1))),
            ("no leaked objects", |r| r.mediasoup_objects_after = Some((1, 0))),
            ("no leaked objects", |r| r.counts_after = None),
            ("rss growth", |r| r.rss_growth_percent = Some(10.0)),
            ("buffer under its cap", |r| r.buffer_bytes_max = 950),
            ("no signaling errors", |r| {
                r.signaling_errors_by_code.insert("bad_request".into(), 1);
            }),
            ("peers connected", |r| r.peers_connected = 197),
        ];
        for (check, spoil) in cases {
            let mut r = clean();
            spoil(&mut r);
            r.evaluate(&slo(), &churn());
            assert!(!r.passed, "{check}: {r}");
            assert_eq!(failed(&r), [check], "{r}");
        }
    }

    #[test]
    fn unmeasured_rss_and_failed_cuts_fail() {
        let mut r = clean();
        r.rss_growth_percent = None;
        r.socket_cut_failures = 2;
        r.evaluate(&slo(), &churn());
        assert_eq!(failed(&r), ["rss growth", "socket cuts"]);
        let text = r.to_string();
        assert!(text.contains("not measured (run longer than the warm-up)"), "{text}");
        assert!(
            text.contains("FAIL socket cuts            2 cut attempts failed before the cut"),
            "{text}"
        );
        assert!(text.ends_with("FAIL\n"), "{text}");
    }

    #[test]
    fn no_peers_started_is_no_connected_ratio() {
        let mut r = clean();
        r.peers_started = 0;
        r.peers_connected = 0;
        r.evaluate(&slo(), &churn());
        assert_eq!(failed(&r), ["peers connected"]);
    }

    #[test]
    fn errors_counted_since_the_start() {
        let before: BTreeMap<String, u64> = [("not_found".to_string(), 3)].into_iter().collect();
        let now = [("not_found".to_string(), 5), ("bad_request".to_string(), 1)]
            .into_iter()
            .collect();
        let since = errors_since(&before, now);
        assert_eq!(since.get("not_found"), Some(&2));
        assert_eq!(since.get("bad_request"), Some(&1));
        let unchanged = errors_since(&before, before.clone());
        assert!(unchanged.is_empty(), "codes with no new error are left out");
    }

    fn sample(at: Instant, rss: Option<u64>) -> Sample {
        Sample {
            counts: counts(0),
            rss_bytes: rss,
            ..Sample::empty(at)
        }
    }

    #[test]
    fn rss_trend_after_the_warmup() {
        let t0 = Instant::now();
        let s = |secs: u64, mib: u64| sample(t0 + Duration::from_secs(secs), Some(mib << 20));
        let samples = [s(0, 50), s(60, 100), s(120, 101), s(180, 102)];
        let trend = RssTrend::of(&samples, t0 + Duration::from_secs(30), samples.last());
        assert_eq!(trend.after_warmup, Some(100 << 20));
        assert_eq!(trend.end, Some(102 << 20));
        assert!((trend.growth_percent().unwrap() - 2.0).abs() < 1e-9);
        assert!((trend.slope.unwrap() - 1.0).abs() < 1e-9, "1 MiB a minute");
        let short = RssTrend::of(&samples[..1], t0 + Duration::from_secs(30), samples.first());
        assert_eq!((short.after_warmup, short.growth_percent()), (None, None));
    }

    #[test]
    fn memory_checks_when_the_scenario_sets_them() {
        let mut c = churn();
        c.max_rss_slope_mib_per_min = Some(0.1);
        c.max_rss_over_cap_percent = Some(10.0);
        c.min_evictions_per_sec = Some(20.0);
        let good = || {
            let mut r = clean();
            // 90 MiB baseline + 8 MiB cap = 98 MiB; 104 MiB is 6.1 % over it.
            r.buffer_cap_bytes = 8 << 20;
            r
        };
        let mut r = good();
        r.evaluate(&slo(), &c);
        assert!(r.passed, "{r}");
        let names: Vec<&str> = r.checks.iter().skip(5).map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["rss slope", "rss within cap", "evictions per second"]);
        let text = r.to_string();
        assert!(text.contains("ok   rss slope              +0.100 MiB/min"), "{text}");
        assert!(
            text.contains("+6.12 % (max 104.0 MiB after the warm-up, baseline 90.0 MiB + cap 8.0 MiB = 98.0 MiB"),
            "{text}"
        );
        type Breakage = (&'static str, fn(&mut SoakReport));
        let cases: [Breakage; 5] = [
            ("rss slope", |r| r.rss_slope_mib_per_min = Some(0.11)),
            ("rss slope", |r| r.rss_slope_mib_per_min = None),
            ("rss within cap", |r| r.rss_max_after_warmup_bytes = Some(108 << 20)),
            ("rss within cap", |r| r.rss_baseline_bytes = None),
            ("evictions per second", |r| r.evictions_per_sec = Some(19.9)),
        ];
        for (check, spoil) in cases {
            let mut r = good();
            spoil(&mut r);
            r.evaluate(&slo(), &c);
            assert_eq!(failed(&r), [check], "{r}");
        }
    }

    #[test]
    fn baseline_peak_and_eviction_rate_after_the_warmup() {
        let t0 = Instant::now();
        let s = |secs: u64, mib: u64, buffer: u64, evictions: u64| Sample {
            buffer_bytes: buffer << 20,
            evictions,
            ..sample(t0 + Duration::from_secs(secs), Some(mib << 20))
        };
        let samples = [s(0, 20, 0, 0), s(10, 60, 8, 100), s(20, 63, 8, 300), s(30, 62, 8, 500)];
        let trend = RssTrend::of(&samples, t0 + Duration::from_secs(5), samples.last());
        assert_eq!(trend.baseline, Some(52 << 20), "RSS minus buffer at the warm-up's end");
        assert_eq!(trend.max, Some(63 << 20));
        assert_eq!(trend.evictions_per_sec, Some(20.0));
        let none = RssTrend::of(&samples[..2], t0 + Duration::from_secs(5), samples.last());
        assert_eq!(none.evictions_per_sec, None, "one sample is no rate");
    }

    #[test]
    fn least_squares_slope() {
        let flat = [(0.0, 40.0), (1.0, 40.0), (2.0, 40.0)];
        assert_eq!(super::slope(&flat), Some(0.0));
        let leak = [(0.0, 40.0), (1.0, 40.5), (2.0, 41.0), (3.0, 41.5)];
        assert!((super::slope(&leak).unwrap() - 0.5).abs() < 1e-9);
        assert_eq!(super::slope(&leak[..2]), None, "too few points");
        assert_eq!(
            super::slope(&[(1.0, 1.0), (1.0, 2.0), (1.0, 3.0)]),
            None,
            "no time spread"
        );
    }
}
