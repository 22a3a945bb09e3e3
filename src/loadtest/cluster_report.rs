//! A `[cluster]` phase's numbers per node and the cluster's targets (docs/cluster.md, "Load
//! scenario", says what each measures and why).
//!
//! CPU is each node's mediasoup worker threads' CPU time (each worker thread's
//! `/proc/self/task/<tid>/schedstat`, nanoseconds; a `--url` node's from its `/metrics`). In-process
//! nodes share one process, whose CPU (the synthetic peers included) cannot be split by node;
//! the workers' can. Three windows per phase, one after the other:
//!
//! 1. *ingest*: the broadcasters alone (the home receives, records; no pipe, no viewer);
//! 2. *pipes*: one viewer (an *opener*) on each edge node: the home now also feeds its pipes,
//!    and still has no viewer; each edge receives its pipes and serves one viewer;
//! 3. *consumers*: one opener on the home too, so the home serves one consumer of each
//!    producer beside its pipes, each of them to one receiver;
//! 4. *the phase*: every viewer, from the start of the others to their end.
//!
//! So a pipe's cost on the home is (home CPU in 2 - in 1) / pipes, a consumer's side by side
//! with it (home CPU in 3 - in 2) / (home openers × producers), and a viewer's on any node (its
//! *marginal* cost) is (CPU in 4 - in 3) / (viewers in 4 - in 3): differences on one node
//! between windows, with that node's fixed costs (ingest, pipes, openers) cancelled out.
//!
//! The phase's viewers join (at the scenario's ramp) and leave inside it, and a join (ICE, DTLS,
//! a transport and consumers) costs a worker far more than a second of packets: so a viewer's
//! marginal cost is also taken over the phase's *steady* stretch, from the second one-second
//! sample at which every peer is in to the last one before any leaves, and the edge-vs-home
//! target is judged on that (on the whole phase when the stretch is under 4 s).
//!
//! A pipe is judged against a consumer of window 3, not against the marginal consumer of the
//! phase: with a handful of receivers every packet the worker sends wakes a sleeping receiver
//! (the edge's worker, a viewer's thread), which a consumer among hundreds mostly does not pay,
//! so the phase's marginal consumer is cheaper per packet than any pipe or consumer alone can
//! be (docs/cluster.md, "Load scenario"). For the same reason every node has exactly one opener
//! in window 3: a lone viewer's cost subtracted with the window is the same bias on every node.
//!
//! A pipe or a consumer of one audio producer costs a worker well under 0.1 % of a core, inside
//! a 10 s window's noise on a shared machine, so `[cluster] pipe_cost_phase` names the live
//! phase that judges the pipe target: one with many producers and no viewers but its openers,
//! whose windows multiply both costs by the producers. Such a phase lasts its duration with its
//! openers alone, and has no edge-vs-home target (no viewers of its own to judge it by).

use std::fmt;
use std::time::Duration;

use hdrhistogram::Histogram;
use serde::Serialize;

use super::cluster::ClusterRun;
use super::probe::Sample;
use super::report::{histogram, viewer_totals, PeerCounts, Percentiles, SloResult};
use crate::scenario::{ClusterSpec, Phase, ViewerMode};
use crate::synthetic::Report;

/// One phase's cluster numbers.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterPhaseReport {
    /// The node the broadcasters joined: the room's home.
    pub home: usize,
    /// Producers in the room (broadcasters, times 2 with video).
    pub producers: usize,
    /// The home's worker CPU with the broadcasters alone (percent of one core): its ingest.
    pub home_ingest_cpu_percent: Option<f64>,
    /// The home's worker CPU with its pipes and no viewer (one opener on each edge).
    pub home_pipes_cpu_percent: Option<f64>,
    /// The home's pipes out in that window.
    pub pipes: i64,
    pub nodes: Vec<NodeReport>,
    /// Live phases: the edge nodes' viewers' latency p99 (all edges together) minus the home
    /// node's viewers', same clock, ms.
    pub added_latency_p99_ms: Option<f64>,
    /// Live phases: one consumer's worker CPU on the home (one producer to one viewer), percent
    /// of one core: the home's marginal CPU per viewer / producers.
    pub consumer_cpu_percent: Option<f64>,
    /// One consumer's worker CPU on the home beside its pipes (the consumers window: one
    /// viewer of every producer), percent of one core: (home CPU there - in the pipes window) /
    /// (home openers × producers).
    pub consumer_alone_cpu_percent: Option<f64>,
    /// One pipe's worker CPU on the home (one producer to one edge), percent of one core:
    /// (home CPU with its pipes - with the broadcasters alone) / pipes.
    pub pipe_cpu_percent: Option<f64>,
    /// One pipe's worker CPU on an edge (receiving it), percent of one core, the edges' mean:
    /// (edge CPU in the pipes window - in the ingest window - its one viewer's marginal cost)
    /// / pipes in.
    pub pipe_in_cpu_percent: Option<f64>,
    /// `pipe_cpu_percent / consumer_alone_cpu_percent`: what a pipe costs the home, in
    /// consumers side by side with it (the target).
    pub pipe_cost_consumers: Option<f64>,
    /// `pipe_cpu_percent / consumer_cpu_percent`: the same against the phase's marginal
    /// consumer, one among hundreds.
    pub pipe_cost_marginal_consumers: Option<f64>,
    /// Packets per second one pipe carried out of the home, and one consumer delivered to its
    /// viewer (not in a phase whose viewers are all openers: they received through the windows
    /// too).
    pub pipe_packets_per_sec: Option<f64>,
    pub consumer_packets_per_sec: Option<f64>,
    /// The `[cluster]` targets, judged (also among the report's SLOs).
    pub targets: Vec<SloResult>,
}

/// One node over one phase.
#[derive(Debug, Clone, Serialize)]
pub struct NodeReport {
    pub node: usize,
    pub home: bool,
    pub viewers: PeerCounts,
    /// The node's worker threads' CPU over the phase, percent of one core.
    pub worker_cpu_percent: Option<f64>,
    /// `worker_cpu_percent` / connected viewers: everything the node's workers did (on the home
    /// the broadcasters' ingest and the pipes out too, on an edge the pipes in) per viewer.
    pub cpu_per_viewer_percent: Option<f64>,
    /// What one more viewer costs the node's workers: (CPU over the phase - CPU in the
    /// consumers window) / (viewers - the openers), percent of one core. The fixed costs cancel
    /// out.
    pub marginal_cpu_per_viewer_percent: Option<f64>,
    /// The same over the phase's steady stretch (every peer in, joins and leaves left out).
    pub steady_marginal_cpu_per_viewer_percent: Option<f64>,
    /// The node's process CPU over the phase, percent of one core: with `--url` the node's own
    /// (`sfu_process_cpu_seconds_total`: its Rust side and its workers); in-process every node
    /// reads the one shared process (the nodes and the synthetic peers together).
    pub process_cpu_percent: Option<f64>,
    /// The node's worker CPU in the ingest, pipes and consumers windows.
    pub ingest_cpu_percent: Option<f64>,
    pub pipes_window_cpu_percent: Option<f64>,
    pub consumers_window_cpu_percent: Option<f64>,
    /// Packets the node's viewers received, and per worker CPU-second.
    pub egress_packets: u64,
    pub egress_packets_per_cpu_second: Option<f64>,
    /// The most pipes out and in during the phase.
    pub pipes_out: i64,
    pub pipes_in: i64,
    /// RTP packets over the node's pipes during the phase.
    pub pipe_packets_out: u64,
    pub pipe_packets_in: u64,
    pub streams: usize,
    pub packets_expected: u64,
    pub packets_lost: u64,
    pub loss_percent: f64,
    /// Feed viewers' continuity breaks (sequence gaps, timestamps back, breaks inside an
    /// utterance).
    pub feed_breaks: u64,
    pub latency_ms: Percentiles,
}

/// Worker CPU seconds between two samples of one node, all its workers.
fn cpu_seconds(a: &Sample, b: &Sample) -> Option<f64> {
    b.workers
        .iter()
        .map(|&(i, cpu)| {
            let before = a.workers.iter().find(|w| w.0 == i).and_then(|w| w.1);
            Some((cpu? - before?).max(0.0))
        })
        .sum()
}

/// Node `k`'s CPU between two cluster samples, percent of one core.
fn node_cpu_percent(a: &Sample, b: &Sample, k: usize) -> Option<f64> {
    let dt = b.at.duration_since(a.at).as_secs_f64();
    let cpu = cpu_seconds(a.nodes.get(k)?, b.nodes.get(k)?)?;
    (dt > 0.0).then(|| 100.0 * cpu / dt)
}

/// Node `k`'s process CPU between two cluster samples, percent of one core.
fn node_process_cpu_percent(a: &Sample, b: &Sample, k: usize) -> Option<f64> {
    let dt = b.at.duration_since(a.at).as_secs_f64();
    let cpu = b.nodes.get(k)?.process_cpu_seconds? - a.nodes.get(k)?.process_cpu_seconds?;
    (dt > 0.0).then(|| 100.0 * cpu.max(0.0) / dt)
}

/// The phase's steady stretch among its samples: from the second sample with every peer in
/// to the last one (`None` when that is under 4 s).
fn steady_stretch<'a>(during: &[&'a Sample]) -> Option<(&'a Sample, &'a Sample)> {
    let all_in = during.iter().map(|s| s.counts.peers).max()?;
    let mut full = during.iter().copied().filter(|s| s.counts.peers == all_in);
    let start = full.nth(1)?;
    let end = full.next_back()?;
    (end.at.duration_since(start.at) >= Duration::from_secs(4)).then_some((start, end))
}

fn node_report(k: usize, run: &ClusterRun, home: bool, window: (&Sample, &Sample), during: &[&Sample]) -> NodeReport {
    let (start, end) = window;
    let reports: Vec<Report> = run
        .viewers
        .iter()
        .filter(|(n, _)| *n == k)
        .flat_map(|(_, r)| r.iter().cloned())
        .collect();
    let v = viewer_totals(&reports);
    let dt = end.at.duration_since(start.at).as_secs_f64();
    let cpu = node_cpu_percent(start, end, k);
    let pipes_window = node_cpu_percent(&run.pipes.0, &run.pipes.1, k);
    let consumers_window = node_cpu_percent(&run.consumers.0, &run.consumers.1, k);
    let opened = run.openers.iter().filter(|&&n| n == k).count();
    let added = v.counts.connected.saturating_sub(opened);
    let pipes = |s: &Sample| s.nodes.get(k).and_then(|n| n.pipes).unwrap_or_default();
    let most = |f: &dyn Fn(&Sample) -> i64| during.iter().map(|s| f(s)).max().unwrap_or(0);
    let (p0, p1) = (pipes(start), pipes(end));
    NodeReport {
        node: k,
        home,
        viewers: v.counts,
        worker_cpu_percent: cpu,
        cpu_per_viewer_percent: cpu
            .filter(|_| v.counts.connected > 0)
            .map(|c| c / v.counts.connected as f64),
        marginal_cpu_per_viewer_percent: cpu
            .zip(consumers_window)
            .filter(|_| added > 0)
            .map(|(c, w)| (c - w) / added as f64),
        steady_marginal_cpu_per_viewer_percent: steady_stretch(during)
            .and_then(|(a, b)| node_cpu_percent(a, b, k))
            .zip(consumers_window)
            .filter(|_| added > 0)
            .map(|(c, w)| (c - w) / added as f64),
        ingest_cpu_percent: node_cpu_percent(&run.ingest.0, &run.ingest.1, k),
        process_cpu_percent: node_process_cpu_percent(start, end, k),
        pipes_window_cpu_percent: pipes_window,
        consumers_window_cpu_percent: consumers_window,
        egress_packets: v.received,
        egress_packets_per_cpu_second: cpu.filter(|c| *c > 0.0).map(|c| v.received as f64 / (c / 100.0 * dt)),
        pipes_out: most(&|s| pipes(s).pipes_out),
        pipes_in: most(&|s| pipes(s).pipes_in),
        pipe_packets_out: p1.packets_out.saturating_sub(p0.packets_out),
        pipe_packets_in: p1.packets_in.saturating_sub(p0.packets_in),
        streams: v.streams,
        packets_expected: v.expected,
        packets_lost: v.lost,
        loss_percent: v.loss_percent(),
        feed_breaks: v.feed_breaks,
        latency_ms: v.latency,
    }
}

/// The live latency p99 of every viewer of `reports`, ms (`None` without a packet).
fn latency_p99(reports: &[&Report]) -> Option<f64> {
    let mut all: Histogram<u64> = histogram();
    for h in reports
        .iter()
        .flat_map(|r| r.peers.iter())
        .filter_map(|p| p.latency.as_ref())
    {
        let _ = all.add(h);
    }
    (!all.is_empty()).then(|| all.value_at_quantile(0.99) as f64 / 1000.0)
}

/// The phase's cluster report: `window` is (viewers start, viewers done), `during` the samples
/// taken in between.
pub(crate) fn build(
    spec: &ClusterSpec,
    phase: &Phase,
    run: &ClusterRun,
    window: (&Sample, &Sample),
    during: &[&Sample],
) -> ClusterPhaseReport {
    let home = phase.broadcaster_node;
    let nodes: Vec<NodeReport> = (0..spec.nodes)
        .map(|k| node_report(k, run, k == home, window, during))
        .collect();
    let pipes = run
        .pipes
        .1
        .nodes
        .get(home)
        .and_then(|n| n.pipes)
        .map_or(0, |p| p.pipes_out);
    let ingest = node_cpu_percent(&run.ingest.0, &run.ingest.1, home);
    let with_pipes = node_cpu_percent(&run.pipes.0, &run.pipes.1, home);
    let mut r = ClusterPhaseReport {
        home,
        producers: phase.broadcasters * if phase.video { 2 } else { 1 },
        home_ingest_cpu_percent: ingest,
        home_pipes_cpu_percent: with_pipes,
        pipes,
        nodes,
        added_latency_p99_ms: None,
        consumer_cpu_percent: None,
        consumer_alone_cpu_percent: None,
        pipe_cpu_percent: with_pipes
            .zip(ingest)
            .filter(|_| pipes > 0)
            .map(|(w, i)| (w - i) / pipes as f64),
        pipe_in_cpu_percent: None,
        pipe_cost_consumers: None,
        pipe_cost_marginal_consumers: None,
        pipe_packets_per_sec: None,
        consumer_packets_per_sec: None,
        targets: Vec::new(),
    };
    if phase.mode == ViewerMode::Live {
        r.live_estimates(run, window.1.at.duration_since(window.0.at).as_secs_f64());
    }
    // A phase whose viewers are all openers has no viewers of its own to judge the edges by.
    r.targets = r.judge(spec, phase, run.own_viewers);
    r
}

impl ClusterPhaseReport {
    fn home_node(&self) -> Option<&NodeReport> {
        self.nodes.iter().find(|n| n.home)
    }

    fn edges(&self) -> impl Iterator<Item = &NodeReport> {
        self.nodes.iter().filter(|n| !n.home && n.viewers.started > 0)
    }

    /// The added latency, a consumer's cost and a pipe's in consumers, from the live phase's
    /// numbers (`dt`: the phase's seconds).
    fn live_estimates(&mut self, run: &ClusterRun, dt: f64) {
        let of = |edge: bool| -> Vec<&Report> {
            run.viewers
                .iter()
                .filter(|(n, _)| (*n != self.home) == edge)
                .flat_map(|(_, r)| r.iter())
                .collect()
        };
        self.added_latency_p99_ms = latency_p99(&of(true)).zip(latency_p99(&of(false))).map(|(e, h)| e - h);
        let producers = self.producers as f64;
        let pipe_in: Vec<f64> = self
            .edges()
            .filter(|n| n.pipes_in > 0)
            .filter_map(|n| {
                let fixed = n.pipes_window_cpu_percent? - n.ingest_cpu_percent? - n.marginal_cpu_per_viewer_percent?;
                Some(fixed / n.pipes_in as f64)
            })
            .collect();
        self.pipe_in_cpu_percent = (!pipe_in.is_empty()).then(|| pipe_in.iter().sum::<f64>() / pipe_in.len() as f64);
        let Some(home) = self.home_node().cloned() else { return };
        self.consumer_cpu_percent = home.marginal_cpu_per_viewer_percent.map(|v| v / producers);
        let home_openers = run.openers.iter().filter(|&&n| n == self.home).count();
        let consumers = home_openers as f64 * producers;
        self.consumer_alone_cpu_percent = home
            .consumers_window_cpu_percent
            .zip(home.pipes_window_cpu_percent)
            .filter(|_| consumers > 0.0)
            .map(|(c, p)| (c - p) / consumers);
        self.pipe_cost_consumers = cost_ratio(self.pipe_cpu_percent, self.consumer_alone_cpu_percent);
        self.pipe_cost_marginal_consumers = cost_ratio(self.pipe_cpu_percent, self.consumer_cpu_percent);
        let pipes = home.pipes_out as f64;
        let viewers: usize = self.nodes.iter().map(|n| n.viewers.connected).sum();
        let received: u64 = self.nodes.iter().map(|n| n.egress_packets).sum();
        let consumers = viewers as f64 * producers;
        self.pipe_packets_per_sec = (pipes > 0.0 && dt > 0.0).then(|| home.pipe_packets_out as f64 / pipes / dt);
        // The viewers' packets over the phase's seconds; openers alone received through the
        // windows too, which the phase's seconds do not cover.
        self.consumer_packets_per_sec =
            (run.own_viewers && consumers > 0.0 && dt > 0.0).then(|| received as f64 / consumers / dt);
    }

    /// The targets: every edge's cost per viewer against the home's (when the phase has viewers
    /// besides its openers); live phases also the added latency, and the live phases that
    /// [`ClusterSpec::judges_pipe_cost`] a pipe's cost in consumers.
    fn judge(&self, spec: &ClusterSpec, phase: &Phase, own_viewers: bool) -> Vec<SloResult> {
        let mut out = Vec::new();
        if own_viewers {
            self.judge_edges(spec, phase, &mut out);
        }
        if phase.mode != ViewerMode::Live {
            return out;
        }
        out.push(SloResult::at_most(
            &format!("{}_added_latency_p99_ms", phase.name),
            self.added_latency_p99_ms,
            spec.max_added_latency_p99_ms,
        ));
        if spec.judges_pipe_cost(phase) {
            out.push(
                SloResult::at_most(
                    &format!("{}_pipe_cost_consumers", phase.name),
                    self.pipe_cost_consumers,
                    spec.max_pipe_cost_consumers,
                )
                .with_detail(format!(
                    "home worker cpu per pipe {}, per consumer beside it {}; packets/s per pipe {}, per consumer {}",
                    pct3(self.pipe_cpu_percent),
                    pct3(self.consumer_alone_cpu_percent),
                    num(self.pipe_packets_per_sec),
                    num(self.consumer_packets_per_sec)
                )),
            );
        }
        out
    }

    /// Every edge's marginal cost per viewer against the home's.
    fn judge_edges(&self, spec: &ClusterSpec, phase: &Phase, out: &mut Vec<SloResult>) {
        // Steady when every node has a steady figure, else the whole phase's.
        let steady = self
            .nodes
            .iter()
            .filter(|n| n.home || n.viewers.started > 0)
            .all(|n| n.steady_marginal_cpu_per_viewer_percent.is_some());
        let cost = |n: &NodeReport| {
            if steady {
                n.steady_marginal_cpu_per_viewer_percent
            } else {
                n.marginal_cpu_per_viewer_percent
            }
        };
        let home = self.home_node().and_then(cost);
        let which = if steady { "steady" } else { "whole phase" };
        for edge in self.edges() {
            let diff = cost(edge)
                .zip(home)
                .filter(|(_, h)| *h > 0.0)
                .map(|(e, h)| 100.0 * (e / h - 1.0).abs());
            out.push(
                SloResult::at_most(
                    &format!("{}_node{}_cost_vs_home_percent", phase.name, edge.node),
                    diff,
                    spec.max_edge_cost_diff_percent,
                )
                .with_detail(format!(
                    "marginal worker cpu per viewer, {which}: node {} {}, home node {} {}; whole phase {} vs {}",
                    edge.node,
                    pct3(cost(edge)),
                    self.home,
                    pct3(home),
                    pct3(edge.marginal_cpu_per_viewer_percent),
                    pct3(self.home_node().and_then(|h| h.marginal_cpu_per_viewer_percent)),
                )),
            );
        }
    }
}

/// `cost / per`, when both were measured above zero. Each is a difference of two windows, so
/// one at or below zero is the windows' noise, not a cost: the ratio is then not measured
/// (and its target fails as such) rather than a negative number that passes any bound.
fn cost_ratio(cost: Option<f64>, per: Option<f64>) -> Option<f64> {
    cost.zip(per).filter(|(c, p)| *c > 0.0 && *p > 0.0).map(|(c, p)| c / p)
}

fn pct3(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| format!("{v:.3} %"))
}

fn num(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| format!("{v:.1}"))
}

impl fmt::Display for ClusterPhaseReport {
    /// One line per node, then the estimates and the targets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "  cluster: home node {}, {} producers; home worker cpu: broadcasters alone {}, with its {} pipes {}",
            self.home,
            self.producers,
            pct3(self.home_ingest_cpu_percent),
            self.pipes,
            pct3(self.home_pipes_cpu_percent)
        )?;
        writeln!(
            f,
            "    node  viewers  worker cpu  cpu/viewer  marginal/viewer  steady marginal  egress pkt/cpu-s  pipes o/i  pipe pkts o/i     loss      p50/p99 ms"
        )?;
        for n in &self.nodes {
            writeln!(
                f,
                "    {:<5} {:>7}  {:>10}  {:>10}  {:>15}  {:>15}  {:>16}  {:>9}  {:>13}  {:>7}  {:>14}",
                format!("{}{}", n.node, if n.home { "*" } else { "" }),
                format!("{}/{}", n.viewers.connected, n.viewers.started),
                n.worker_cpu_percent.map_or("-".into(), |v| format!("{v:.1} %")),
                pct3(n.cpu_per_viewer_percent),
                pct3(n.marginal_cpu_per_viewer_percent),
                pct3(n.steady_marginal_cpu_per_viewer_percent),
                n.egress_packets_per_cpu_second
                    .map_or("-".into(), |v| format!("{v:.0}")),
                format!("{}/{}", n.pipes_out, n.pipes_in),
                format!("{}/{}", n.pipe_packets_out, n.pipe_packets_in),
                format!("{:.3} %", n.loss_percent),
                format!("{:.2}/{:.2}", n.latency_ms.p50, n.latency_ms.p99),
            )?;
        }
        let ratio = |v: Option<f64>| v.map_or("-".into(), |v| format!("{v:.2}"));
        writeln!(
            f,
            "    added latency p99 (edges - home) {} ms; worker cpu of a pipe out {}, a consumer beside it {} ({} consumers), a consumer in the phase {} ({} consumers), a pipe in {}",
            ratio(self.added_latency_p99_ms),
            pct3(self.pipe_cpu_percent),
            pct3(self.consumer_alone_cpu_percent),
            ratio(self.pipe_cost_consumers),
            pct3(self.consumer_cpu_percent),
            ratio(self.pipe_cost_marginal_consumers),
            pct3(self.pipe_in_cpu_percent),
        )?;
        for t in &self.targets {
            let value = t.value.map_or("not measured".to_string(), |v| format!("{v:.3}"));
            let detail = t.detail.as_deref().map_or(String::new(), |d| format!("  ({d})"));
            let verdict = if t.pass { "PASS" } else { "FAIL" };
            writeln!(f, "    {verdict} {:<34} {value} {} {}{detail}", t.name, t.op, t.limit)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::stats::ObjectCounts;

    fn sample(at: Instant, secs: u64, peers: i64) -> Sample {
        Sample {
            counts: ObjectCounts {
                peers,
                ..ObjectCounts::default()
            },
            ..Sample::empty(at + Duration::from_secs(secs))
        }
    }

    #[test]
    fn a_cost_at_or_below_zero_is_not_measured() {
        assert_eq!(cost_ratio(Some(0.2), Some(0.4)), Some(0.5));
        // A pipe that came out cheaper than nothing does not pass "at most one consumer".
        assert_eq!(cost_ratio(Some(-0.056), Some(0.051)), None);
        assert_eq!(cost_ratio(Some(0.197), Some(-0.042)), None);
        assert_eq!(cost_ratio(Some(0.1), Some(0.0)), None);
        assert_eq!(cost_ratio(None, Some(0.1)), None);
    }

    #[test]
    fn the_steady_stretch_starts_a_sample_after_everyone_is_in_and_ends_before_anyone_leaves() {
        let t0 = Instant::now();
        // Joining for 3 s, all 10 in from 3 s to 11 s, then leaving.
        let peers = [2, 5, 8, 10, 10, 10, 10, 10, 10, 10, 10, 10, 6, 2];
        let samples: Vec<Sample> = peers
            .iter()
            .enumerate()
            .map(|(i, &p)| sample(t0, i as u64, p))
            .collect();
        let during: Vec<&Sample> = samples.iter().collect();
        let (a, b) = steady_stretch(&during).expect("a steady stretch");
        assert_eq!(
            (a.at - t0, b.at - t0),
            (Duration::from_secs(4), Duration::from_secs(11))
        );
        // Everyone in for only 4 samples: 2 s from the second to the last, too short.
        let short: Vec<&Sample> = samples[..7].iter().chain(&samples[12..]).collect();
        assert!(steady_stretch(&short).is_none());
        assert!(steady_stretch(&[]).is_none());
    }
}
