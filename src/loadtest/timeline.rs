//! The run over time: one point a second from the server's samples and the viewers' live
//! counters (peers, loss, latency, per-worker CPU, egress per CPU-second, buffer and evictions,
//! RSS, feed lateness and switches). Kept in the JSON report (`timeline`) and drawn by the HTML
//! one.

use std::time::Instant;

use serde::Serialize;

use super::probe::Sample;
use super::LoadProgress;
use crate::synthetic::live::{quantile_between, BUCKETS};
use crate::synthetic::Progress;

/// What the run's viewers had counted at one moment.
#[derive(Debug, Clone)]
pub(crate) struct ClientSnapshot {
    pub received: u64,
    pub expected: u64,
    pub counted: u64,
    pub latency: [u64; BUCKETS],
}

impl ClientSnapshot {
    pub fn of(progress: &LoadProgress) -> ClientSnapshot {
        let v = &progress.viewers;
        ClientSnapshot {
            received: Progress::get(&v.packets_received),
            expected: Progress::get(&v.packets_expected),
            counted: Progress::get(&v.packets_counted),
            latency: v.latency.snapshot(),
        }
    }
}

/// One sampling of the server and of the viewers; `phase` is the index of the phase running
/// then (`usize::MAX` between phases).
#[derive(Debug, Clone)]
pub(crate) struct Tick {
    pub phase: usize,
    pub sample: Sample,
    pub client: ClientSnapshot,
}

impl Tick {
    pub fn new(phase: usize, sample: Sample, progress: &LoadProgress) -> Tick {
        Tick {
            phase,
            sample,
            client: ClientSnapshot::of(progress),
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct WorkerPoint {
    pub worker: usize,
    /// Percent of one core over the interval.
    pub cpu_percent: Option<f64>,
}

/// The interval that ends `t_s` seconds into the run.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimePoint {
    pub t_s: f64,
    /// The phase running at the end of the interval (`None` between phases).
    pub phase: Option<String>,
    /// Peers joined to a room on the server.
    pub peers: i64,
    /// Live viewers' loss over the interval (none expected: `None`).
    pub loss_percent: Option<f64>,
    /// One-way latency of the packets received over the interval (feeds: playback delay
    /// included).
    pub latency_p50_ms: Option<f64>,
    pub latency_p99_ms: Option<f64>,
    pub workers: Vec<WorkerPoint>,
    /// Packets the viewers received per CPU-second of all the workers.
    pub egress_packets_per_cpu_second: Option<f64>,
    pub rss_bytes: Option<u64>,
    pub buffer_bytes: u64,
    pub buffer_cap_bytes: u64,
    /// Utterances evicted over the interval, and of those the ones a feed was playing.
    pub evictions: u64,
    pub evictions_while_read: u64,
    /// The server's feed lateness quantiles (since it started), ms.
    pub feed_lateness_p50_ms: Option<f64>,
    pub feed_lateness_p99_ms: Option<f64>,
    /// Feed switches per second over the interval.
    pub switches_per_sec: f64,
}

/// One point per pair of consecutive ticks, timed from `start`; `phases` names the indexes.
pub(crate) fn build(ticks: &[Tick], start: Instant, phases: &[String]) -> Vec<TimePoint> {
    ticks
        .windows(2)
        .filter(|w| w[1].sample.at > w[0].sample.at)
        .map(|w| point(&w[0], &w[1], start, phases))
        .collect()
}

fn point(a: &Tick, b: &Tick, start: Instant, phases: &[String]) -> TimePoint {
    let (s, c) = (&b.sample, &b.client);
    let dt = s.at.duration_since(a.sample.at).as_secs_f64();
    let workers: Vec<WorkerPoint> = super::probe::worker_cpu_percent(&a.sample, s)
        .into_iter()
        .map(|(worker, cpu_percent)| WorkerPoint { worker, cpu_percent })
        .collect();
    let cpu_seconds: f64 = workers.iter().filter_map(|w| w.cpu_percent).sum::<f64>() * dt / 100.0;
    let received = c.received.saturating_sub(a.client.received);
    let expected = c.expected.saturating_sub(a.client.expected);
    let counted = c.counted.saturating_sub(a.client.counted);
    TimePoint {
        t_s: s.at.saturating_duration_since(start).as_secs_f64(),
        phase: phases.get(b.phase).cloned(),
        peers: s.counts.peers,
        loss_percent: (expected > 0).then(|| 100.0 * expected.saturating_sub(counted) as f64 / expected as f64),
        latency_p50_ms: quantile_between(&a.client.latency, &c.latency, 0.5),
        latency_p99_ms: quantile_between(&a.client.latency, &c.latency, 0.99),
        workers,
        egress_packets_per_cpu_second: (cpu_seconds > 0.0).then(|| received as f64 / cpu_seconds),
        rss_bytes: s.rss_bytes,
        buffer_bytes: s.buffer_bytes,
        buffer_cap_bytes: s.buffer_cap_bytes,
        evictions: s.evictions.saturating_sub(a.sample.evictions),
        evictions_while_read: s.evictions_while_read.saturating_sub(a.sample.evictions_while_read),
        feed_lateness_p50_ms: s.feed_lateness_ms.map(|l| l.0),
        feed_lateness_p99_ms: s.feed_lateness_ms.map(|l| l.1),
        switches_per_sec: s.switches.saturating_sub(a.sample.switches) as f64 / dt,
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::stats::ObjectCounts;

    fn tick(at: Instant, phase: usize, cpu: f64, received: u64, expected: u64, counted: u64) -> Tick {
        Tick {
            phase,
            sample: Sample {
                at,
                counts: ObjectCounts {
                    rooms: 1,
                    peers: 3,
                    connections: 3,
                    transports: 3,
                    producers: 1,
                    consumers: 2,
                    feeds: 0,
                    pipes: 0,
                    messages: 0,
                    errors: 0,
                },
                workers: vec![(0, Some(cpu))],
                rss_bytes: Some(1 << 20),
                process_cpu_seconds: None,
                buffer_bytes: 10,
                buffer_cap_bytes: 100,
                switches: received / 10,
                shared_viewers: 0,
                feed_packets: 0,
                evictions: expected / 100,
                evictions_while_read: 0,
                feed_lateness_ms: None,
                pipes: None,
                nodes: Vec::new(),
            },
            client: ClientSnapshot {
                received,
                expected,
                counted,
                latency: [0; BUCKETS],
            },
        }
    }

    #[test]
    fn points_from_consecutive_ticks() {
        let t0 = Instant::now();
        let ticks = [
            tick(t0, usize::MAX, 0.0, 0, 0, 0),
            tick(t0 + Duration::from_secs(1), 0, 0.5, 1000, 1000, 990),
            tick(t0 + Duration::from_secs(2), 0, 0.5, 1000, 1000, 990),
        ];
        let points = build(&ticks, t0, &["warm".to_string()]);
        assert_eq!(points.len(), 2);
        let p = &points[0];
        assert_eq!((p.t_s, p.phase.as_deref(), p.peers), (1.0, Some("warm"), 3));
        assert_eq!(p.loss_percent, Some(1.0));
        assert_eq!(
            p.workers,
            [WorkerPoint {
                worker: 0,
                cpu_percent: Some(50.0)
            }]
        );
        assert_eq!(p.egress_packets_per_cpu_second, Some(2000.0));
        assert_eq!((p.evictions, p.switches_per_sec), (10, 100.0));
        // Nothing moved in the second interval: no loss to tell, no CPU to divide by.
        let q = &points[1];
        assert_eq!((q.loss_percent, q.egress_packets_per_cpu_second), (None, None));
        assert_eq!(q.latency_p99_ms, None);
    }

    #[test]
    fn one_tick_or_none_gives_no_point() {
        let t0 = Instant::now();
        assert!(build(&[], t0, &[]).is_empty());
        assert!(build(&[tick(t0, 0, 0.0, 0, 0, 0)], t0, &[]).is_empty());
    }
}
