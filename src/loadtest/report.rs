//! The load test's report: per phase (peers, loss, latency, first packet, switches, per-worker
//! CPU, egress per CPU-second), the server over the whole run, and the SLO verdicts. Printed as
//! a table, or serialized as one JSON document.

use std::collections::BTreeMap;
use std::fmt;

use hdrhistogram::Histogram;
use serde::Serialize;

use super::hostile::HostileReport;
use crate::scenario::{Scenario, ViewerMode};
use crate::synthetic::taste::{Starvation, TasteReport};
use crate::synthetic::{PeerReport, Report};

pub use crate::stats::Percentiles;

impl fmt::Display for Percentiles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}",
            self.p50, self.p90, self.p99, self.max
        )
    }
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct PeerCounts {
    pub started: usize,
    pub connected: usize,
    pub failed: usize,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct WorkerCpu {
    pub index: usize,
    /// Over the phase (or the run): CPU seconds / wall seconds, percent of one core.
    pub mean_percent: Option<f64>,
    /// Highest one-second sample.
    pub max_percent: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PhaseReport {
    pub name: String,
    pub mode: ViewerMode,
    pub rooms: usize,
    pub duration_s: f64,
    pub broadcasters: PeerCounts,
    pub viewers: PeerCounts,
    pub connected_ratio: f64,
    /// Distinct peer errors (at most a few).
    pub errors: Vec<String>,
    pub streams: usize,
    pub packets_received: u64,
    pub packets_expected: u64,
    pub packets_lost: u64,
    pub loss_percent: f64,
    pub latency_ms: Percentiles,
    pub connect_ms: Percentiles,
    pub time_to_first_packet_ms: Percentiles,
    /// Feed viewers' switches from one utterance to the next, as the viewers counted them.
    pub switches: u64,
    /// The server's own count of feed switches over the phase.
    pub server_switches: u64,
    /// Of `server_switches`, playouts the feed heard through a shared one (several viewers
    /// starting one utterance at one instant, one producer for them all).
    #[serde(default)]
    pub server_shared_viewers: u64,
    /// Feed viewers: utterances heard, and how many from their first packet.
    pub feed_utterances: u64,
    pub feed_utterances_from_start: u64,
    /// Feed viewers: sequence gaps, timestamps going back and breaks inside an utterance, summed
    /// (a clean feed has none).
    pub feed_breaks: u64,
    /// The same, apart. A feed viewer cannot count lost packets (it cannot know what it should
    /// have got), so a packet lost on the way shows here as a sequence gap, and as a break
    /// inside an utterance when it is not the utterance's first.
    pub feed_seq_gaps: u64,
    pub feed_ts_backwards: u64,
    pub feed_segment_gaps: u64,
    /// Packets the server's feed engine sent over the phase.
    pub server_feed_packets: u64,
    pub workers: Vec<WorkerCpu>,
    /// CPU of the server's whole process over the phase, percent of one core (in-process: the
    /// server and the synthetic peers together; with `--url`: the server alone).
    pub process_cpu_percent: Option<f64>,
    /// Worker CPU seconds over the phase, all workers.
    pub server_cpu_seconds: Option<f64>,
    /// Packets the viewers received per second.
    pub egress_packets_per_sec: f64,
    /// Packets the viewers received per CPU-second of the mediasoup workers.
    pub egress_packets_per_cpu_second: Option<f64>,
    /// The hostile clients' numbers, when the phase had some.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostile: Option<HostileReport>,
    /// The earlier phase this one is judged against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    /// Tasteful feed viewers (`taste_seed`): skips and listen-through per recommender (with an
    /// A/B experiment, per arm).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub taste_by_recommender: BTreeMap<String, TasteReport>,
    /// Tasteful feed viewers: speaker-minutes no viewer heard, summed over rooms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starvation: Option<Starvation>,
    /// `[cluster]` scenarios: the phase per node, and the cluster's targets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<super::ClusterPhaseReport>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ServerReport {
    pub workers: Vec<WorkerCpu>,
    pub rss_start_bytes: Option<u64>,
    pub rss_max_bytes: Option<u64>,
    pub buffer_bytes_max: u64,
    pub buffer_cap_bytes: u64,
    /// Error responses the server sent during the run.
    pub signaling_errors: u64,
    pub samples: usize,
    /// The last sample (after the last phase's peers left) found no room, peer or media object.
    pub released_at_end: bool,
    /// WebSocket connections still open at the last sample.
    pub connections_at_end: i64,
}

/// One SLO's (or soak check's) verdict.
#[derive(Debug, Clone, Serialize)]
pub struct SloResult {
    pub name: String,
    /// `<=`, `<` or `>=`.
    pub op: &'static str,
    pub limit: f64,
    /// `None` when it could not be measured (which fails the SLO).
    pub value: Option<f64>,
    pub pass: bool,
    /// What was measured, in words (the soak's checks print this rather than the numbers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl SloResult {
    pub(crate) fn at_most(name: &str, value: Option<f64>, limit: f64) -> SloResult {
        SloResult {
            name: name.to_string(),
            op: "<=",
            limit,
            value,
            pass: value.is_some_and(|v| v <= limit),
            detail: None,
        }
    }

    /// Strictly under `limit`.
    pub(crate) fn below(name: &str, value: Option<f64>, limit: f64) -> SloResult {
        SloResult {
            name: name.to_string(),
            op: "<",
            limit,
            value,
            pass: value.is_some_and(|v| v < limit),
            detail: None,
        }
    }

    pub(crate) fn at_least(name: &str, value: Option<f64>, limit: f64) -> SloResult {
        SloResult {
            name: name.to_string(),
            op: ">=",
            limit,
            value,
            pass: value.is_some_and(|v| v >= limit),
            detail: None,
        }
    }

    pub(crate) fn with_detail(mut self, detail: String) -> SloResult {
        self.detail = Some(detail);
        self
    }
}

impl fmt::Display for SloResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.value.map_or("not measured".to_string(), |v| format!("{v:.3}"));
        write!(
            f,
            "{} {:<26} {value} {} {}",
            if self.pass { "ok  " } else { "FAIL" },
            self.name,
            self.op,
            self.limit
        )?;
        match &self.detail {
            Some(detail) => write!(f, "  ({detail})"),
            None => Ok(()),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct LoadReport {
    pub scenario: String,
    /// `in-process` or the server's URL.
    pub target: String,
    pub duration_s: f64,
    pub phases: Vec<PhaseReport>,
    pub server: ServerReport,
    /// The run second by second (the HTML report's charts).
    pub timeline: Vec<super::TimePoint>,
    pub slos: Vec<SloResult>,
    pub passed: bool,
}

impl LoadReport {
    pub fn failed_slos(&self) -> impl Iterator<Item = &SloResult> {
        self.slos.iter().filter(|s| !s.pass)
    }

    /// Checks the scenario's SLOs against the phases and the server numbers.
    pub(crate) fn evaluate(&mut self, scenario: &Scenario) {
        let slo = &scenario.slo;
        let max = |f: &dyn Fn(&PhaseReport) -> Option<f64>| {
            self.phases
                .iter()
                .map(f)
                .try_fold(f64::MIN, |m, v| v.map(|v| m.max(v)))
                .filter(|_| !self.phases.is_empty())
        };
        let loss = max(&|p| Some(p.loss_percent));
        // A feed plays buffered utterances: its latency is the playback delay by design, reported
        // but not judged. The p99 SLO is the live path's.
        let live: Vec<f64> = self
            .phases
            .iter()
            .filter(|p| p.mode == ViewerMode::Live && p.latency_ms.count > 0)
            .map(|p| p.latency_ms.p99)
            .collect();
        let all_feed = self.phases.iter().all(|p| p.mode == ViewerMode::Feed);
        let p99 = if all_feed {
            Some(0.0)
        } else {
            live.iter().copied().reduce(f64::max)
        };
        let cpu = max(&|p| {
            p.workers
                .iter()
                .map(|w| w.mean_percent)
                .try_fold(0.0f64, |m, v| v.map(|v| m.max(v)))
        });
        let ratio = self
            .phases
            .iter()
            .map(|p| p.connected_ratio)
            .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.min(v))));
        self.slos = vec![
            SloResult::at_most("max_loss_percent", loss, slo.max_loss_percent),
            SloResult::at_most("max_latency_p99_ms", p99, slo.max_latency_p99_ms),
            SloResult::at_most("max_worker_cpu_percent", cpu, slo.max_worker_cpu_percent),
            SloResult::at_most(
                "max_buffer_bytes",
                Some(self.server.buffer_bytes_max as f64),
                slo.max_buffer_bytes as f64,
            ),
            SloResult::at_least("min_connected_ratio", ratio, slo.min_connected_ratio),
            // Not configurable: a feed that skips, repeats or goes back in time is broken.
            SloResult::at_most(
                "feed_continuity_breaks",
                Some(self.phases.iter().map(|p| p.feed_breaks).sum::<u64>() as f64),
                0.0,
            ),
        ];
        if let Some(percent) = slo.max_degradation_percent {
            self.slos.extend(self.degradation(percent));
        }
        if let Some(ratio) = slo.max_learning_skip_ratio {
            self.slos.push(self.learning_skip_ratio(ratio));
        }
        for p in &self.phases {
            self.slos
                .extend(p.cluster.iter().flat_map(|c| c.targets.iter().cloned()));
        }
        if let Some(most) = slo.max_starved_speaker_minutes {
            let starved = self
                .phases
                .iter()
                .filter_map(|p| p.starvation)
                .map(|s| s.starved)
                .reduce(|a, b| a + b);
            self.slos.push(SloResult::at_most(
                "max_starved_speaker_minutes",
                starved.map(|s| s as f64),
                most as f64,
            ));
        }
        self.passed = self.slos.iter().all(|s| s.pass);
    }

    /// Learning's second-half skip rate over random's, over every phase's tasteful viewers of
    /// both arms (unmeasured, and failed, without both).
    fn learning_skip_ratio(&self, limit: f64) -> SloResult {
        let mut arms: BTreeMap<&str, TasteReport> = BTreeMap::new();
        for p in &self.phases {
            for (arm, t) in &p.taste_by_recommender {
                arms.entry(arm).or_default().add(t);
            }
        }
        let late = |arm: &str| arms.get(arm).and_then(TasteReport::late_skip_rate);
        let ratio = match (late("learning"), late("random")) {
            (Some(l), Some(r)) if r > 0.0 => Some(l / r),
            _ => None,
        };
        let mut result = SloResult::at_most("max_learning_skip_ratio", ratio, limit);
        result.detail = Some(format!(
            "second-half skip rate: learning {}, random {}",
            late("learning").map_or("-".into(), |r| format!("{:.0} %", 100.0 * r)),
            late("random").map_or("-".into(), |r| format!("{:.0} %", 100.0 * r)),
        ));
        result
    }

    /// Each phase with a baseline against it: loss and latency p99 at most `percent` worse.
    /// Loopback numbers are small and noisy, so each limit also allows a fixed slack
    /// ([`LOSS_SLACK_POINTS`], [`P99_SLACK_MS`]).
    fn degradation(&self, percent: f64) -> Vec<SloResult> {
        let factor = 1.0 + percent / 100.0;
        let mut out = Vec::new();
        for p in self.phases.iter().filter(|p| p.baseline.is_some()) {
            let base = self.phases.iter().find(|b| Some(&b.name) == p.baseline.as_ref());
            let base_p99 = base.filter(|b| b.latency_ms.count > 0).map(|b| b.latency_ms.p99);
            let p99 = (p.latency_ms.count > 0).then_some(p.latency_ms.p99);
            out.push(
                SloResult::at_most(
                    &format!("{}_loss_vs_{}", p.name, p.baseline.as_deref().unwrap_or("-")),
                    base.map(|_| p.loss_percent),
                    base.map_or(0.0, |b| b.loss_percent * factor + LOSS_SLACK_POINTS),
                )
                .with_detail(format!(
                    "loss {:.3} % vs {:.3} % (+{percent} % +{LOSS_SLACK_POINTS} points)",
                    p.loss_percent,
                    base.map_or(f64::NAN, |b| b.loss_percent)
                )),
            );
            out.push(
                SloResult::at_most(
                    &format!("{}_p99_vs_{}", p.name, p.baseline.as_deref().unwrap_or("-")),
                    p99.filter(|_| base_p99.is_some()),
                    base_p99.map_or(0.0, |b| b * factor + P99_SLACK_MS),
                )
                .with_detail(format!(
                    "latency p99 {:.2} ms vs {:.2} ms (+{percent} % +{P99_SLACK_MS} ms)",
                    p99.unwrap_or(f64::NAN),
                    base_p99.unwrap_or(f64::NAN)
                )),
            );
        }
        out
    }
}

/// Loss (percentage points) and latency p99 (ms) a compared phase may exceed its baseline's by,
/// beyond the scenario's percentage: one lost packet in a few thousand, one millisecond.
pub const LOSS_SLACK_POINTS: f64 = 0.05;
pub const P99_SLACK_MS: f64 = 1.0;

/// Viewer-side numbers of one phase, merged over its rooms.
pub(crate) struct ViewerTotals {
    pub counts: PeerCounts,
    pub errors: Vec<String>,
    pub streams: usize,
    pub received: u64,
    pub expected: u64,
    pub lost: u64,
    pub switches: u64,
    pub feed_utterances: u64,
    pub feed_utterances_from_start: u64,
    pub feed_breaks: u64,
    pub feed_seq_gaps: u64,
    pub feed_ts_backwards: u64,
    pub feed_segment_gaps: u64,
    pub latency: Percentiles,
    pub connect: Percentiles,
    pub first_packet: Percentiles,
    pub taste_by_recommender: BTreeMap<String, TasteReport>,
    pub starvation: Option<Starvation>,
}

impl ViewerTotals {
    /// Packets lost of those expected, in percent (0 when none were expected).
    pub fn loss_percent(&self) -> f64 {
        if self.expected == 0 {
            0.0
        } else {
            100.0 * self.lost as f64 / self.expected as f64
        }
    }
}

pub(crate) fn histogram() -> Histogram<u64> {
    // 1 µs .. 60 s at 3 significant digits, like the synthetic peers' own.
    Histogram::new_with_bounds(1, 60_000_000, 3).expect("valid histogram bounds")
}

pub(crate) fn peer_counts(reports: &[Report], errors: &mut Vec<String>) -> PeerCounts {
    let mut c = PeerCounts::default();
    for r in reports {
        c.started += r.summary.peers;
        c.connected += r.summary.connected;
        c.failed += r.summary.failed;
        for e in &r.summary.errors {
            if errors.len() < 5 && !errors.contains(e) {
                errors.push(e.clone());
            }
        }
    }
    c
}

pub(crate) fn viewer_totals(reports: &[Report]) -> ViewerTotals {
    let mut errors = Vec::new();
    let counts = peer_counts(reports, &mut errors);
    let (mut latency, mut connect, mut first) = (histogram(), histogram(), histogram());
    let mut t = ViewerTotals {
        counts,
        errors,
        streams: 0,
        received: 0,
        expected: 0,
        lost: 0,
        switches: 0,
        feed_utterances: 0,
        feed_utterances_from_start: 0,
        feed_breaks: 0,
        feed_seq_gaps: 0,
        feed_ts_backwards: 0,
        feed_segment_gaps: 0,
        latency: Percentiles::default(),
        connect: Percentiles::default(),
        first_packet: Percentiles::default(),
        taste_by_recommender: BTreeMap::new(),
        starvation: None,
    };
    for p in reports.iter().flat_map(|r| r.peers.iter()) {
        add_peer(&mut t, p, &mut latency, &mut connect, &mut first);
    }
    // Per room (one report each): who was heard is a room's business.
    for feed in reports.iter().filter_map(|r| r.summary.feed.as_ref()) {
        for (arm, taste) in &feed.taste_by_recommender {
            t.taste_by_recommender.entry(arm.clone()).or_default().add(taste);
        }
        if let Some(s) = feed.starvation {
            let total = t.starvation.get_or_insert_with(Starvation::default);
            total.speaker_windows += s.speaker_windows;
            total.starved += s.starved;
        }
    }
    t.latency = Percentiles::of_micros(&latency);
    t.connect = Percentiles::of_micros(&connect);
    t.first_packet = Percentiles::of_micros(&first);
    t
}

fn add_peer(
    t: &mut ViewerTotals,
    p: &PeerReport,
    latency: &mut Histogram<u64>,
    connect: &mut Histogram<u64>,
    first: &mut Histogram<u64>,
) {
    if let Some(h) = &p.latency {
        let _ = latency.add(h);
    }
    if let Some(c) = p.connect_time {
        let _ = connect.record((c.as_micros() as u64).max(1));
    }
    if let Some(f) = &p.feed {
        t.switches += f.switches;
        t.feed_utterances += f.segments;
        t.feed_utterances_from_start += f.segments_from_start;
        t.feed_breaks += f.seq_gaps + f.ts_backwards + f.segment_gaps;
        t.feed_seq_gaps += f.seq_gaps;
        t.feed_ts_backwards += f.ts_backwards;
        t.feed_segment_gaps += f.segment_gaps;
    }
    for s in &p.streams {
        t.streams += 1;
        t.received += s.received;
        t.expected += s.expected;
        t.lost += s.lost;
        if let Some(ms) = s.first_packet_ms {
            let _ = first.record(((ms * 1000.0) as u64).max(1));
        }
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / 1048576.0)
}

fn pct(v: Option<f64>) -> String {
    v.map_or("-".to_string(), |v| format!("{v:.1} %"))
}

/// One `  key  value` line of the report.
fn row(f: &mut fmt::Formatter<'_>, k: &str, v: String) -> fmt::Result {
    writeln!(f, "  {k:<24} {v}")
}

fn worker_rows(f: &mut fmt::Formatter<'_>, workers: &[WorkerCpu]) -> fmt::Result {
    for w in workers {
        row(
            f,
            &format!("worker {} cpu", w.index),
            format!("mean {}  max {}", pct(w.mean_percent), pct(w.max_percent)),
        )?;
    }
    Ok(())
}

impl PhaseReport {
    /// The phase's rows; `in_process` names the process CPU row.
    fn fmt_rows(&self, f: &mut fmt::Formatter<'_>, in_process: bool) -> fmt::Result {
        let p = self;
        writeln!(
            f,
            "phase {} ({:?}, {} rooms, {:.1} s)",
            p.name, p.mode, p.rooms, p.duration_s
        )?;
        let peers = |c: &PeerCounts| format!("{}/{} connected, {} failed", c.connected, c.started, c.failed);
        row(f, "broadcasters", peers(&p.broadcasters))?;
        row(f, "viewers", peers(&p.viewers))?;
        row(f, "loss", p.loss_text())?;
        row(f, "latency ms", p.latency_ms.to_string())?;
        row(f, "first packet ms", p.time_to_first_packet_ms.to_string())?;
        row(f, "connect ms", p.connect_ms.to_string())?;
        if p.mode == ViewerMode::Feed {
            p.fmt_feed_rows(f)?;
        }
        worker_rows(f, &p.workers)?;
        let process = if in_process {
            "process cpu (all)"
        } else {
            "server process cpu"
        };
        row(f, process, format!("mean {}", pct(p.process_cpu_percent)))?;
        row(
            f,
            "egress",
            format!(
                "{:.0} packets/s, {} packets per worker CPU-second",
                p.egress_packets_per_sec,
                p.egress_packets_per_cpu_second
                    .map_or("-".into(), |v| format!("{v:.0}"))
            ),
        )?;
        if let Some(h) = &p.hostile {
            row(
                f,
                "hostile clients",
                format!(
                    "{} clients, {} frames, {} error answers, {} connections ended, {} refused",
                    h.clients, h.frames, h.errors, h.closes, h.connect_failures
                ),
            )?;
        }
        if let Some(c) = &p.cluster {
            write!(f, "{c}")?;
            if !in_process {
                // Each node is its own process: its whole CPU, server side included.
                let cpu: Vec<String> = c
                    .nodes
                    .iter()
                    .map(|n| format!("node {} {}", n.node, pct(n.process_cpu_percent)))
                    .collect();
                writeln!(f, "    process cpu per node: {}", cpu.join(", "))?;
            }
        }
        for e in &p.errors {
            row(f, "error", e.clone())?;
        }
        Ok(())
    }

    fn loss_text(&self) -> String {
        if self.mode == ViewerMode::Feed {
            // A feed viewer cannot know what it should have got; losses show as breaks.
            format!("not counted on the feed, see continuity ({} streams)", self.streams)
        } else {
            format!(
                "{:.3} % ({} of {} packets, {} streams)",
                self.loss_percent, self.packets_lost, self.packets_expected, self.streams
            )
        }
    }

    fn fmt_feed_rows(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self;
        row(
            f,
            "switches",
            format!(
                "{} at the viewers, {} at the server, {} of those into a shared playout ({:.0} %)",
                p.switches,
                p.server_switches,
                p.server_shared_viewers,
                100.0 * p.server_shared_viewers as f64 / p.server_switches.max(1) as f64
            ),
        )?;
        row(
            f,
            "feed utterances",
            format!(
                "{} ({} from their start), {} continuity breaks ({} sequence gaps, {} timestamps back, {} inside an utterance)",
                p.feed_utterances,
                p.feed_utterances_from_start,
                p.feed_breaks,
                p.feed_seq_gaps,
                p.feed_ts_backwards,
                p.feed_segment_gaps
            ),
        )?;
        row(
            f,
            "feed packets",
            format!(
                "{} sent by the server, {} received by the viewers",
                p.server_feed_packets, p.packets_received
            ),
        )?;
        let pct = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{:.0} %", 100.0 * r));
        for (arm, t) in &p.taste_by_recommender {
            row(
                f,
                &format!("taste, {arm}"),
                format!(
                    "skip rate {}, second half {} ({} utterances ended, {} likes)",
                    pct(t.skip_rate()),
                    pct(t.late_skip_rate()),
                    t.skips + t.listened_through,
                    t.likes_sent
                ),
            )?;
        }
        if let Some(s) = p.starvation {
            row(
                f,
                "starvation",
                format!(
                    "{} of {} speaker-minutes heard by no viewer",
                    s.starved, s.speaker_windows
                ),
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for ServerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self;
        writeln!(f, "server ({} samples)", s.samples)?;
        worker_rows(f, &s.workers)?;
        row(
            f,
            "rss",
            format!(
                "start {}  max {}",
                s.rss_start_bytes.map_or("-".into(), mib),
                s.rss_max_bytes.map_or("-".into(), mib)
            ),
        )?;
        row(
            f,
            "buffer",
            format!("max {} of {} cap", mib(s.buffer_bytes_max), mib(s.buffer_cap_bytes)),
        )?;
        row(f, "signaling errors", s.signaling_errors.to_string())?;
        let left = if s.released_at_end { "none" } else { "some objects left" };
        row(
            f,
            "at the end",
            format!("{left}, {} connections open", s.connections_at_end),
        )
    }
}

impl fmt::Display for LoadReport {
    /// The human report `sfu loadtest` prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "loadtest {} ({}): {:.1} s",
            self.scenario, self.target, self.duration_s
        )?;
        for p in &self.phases {
            p.fmt_rows(f, self.target == "in-process")?;
        }
        write!(f, "{}", self.server)?;
        writeln!(f, "SLOs")?;
        for slo in &self.slos {
            writeln!(f, "  {slo}")?;
        }
        writeln!(f, "{}", if self.passed { "PASS" } else { "FAIL" })
    }
}
