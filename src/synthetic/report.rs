//! Per-peer results, the run's summary (table and JSON), and the runner that owns the peer
//! tasks and samples the process's CPU time and memory while they run.

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use serde::Serialize;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::feed_check::FeedReport;
use super::stats::{latency_histogram, StreamStats};
use super::Progress;

/// One received stream of a viewer.
#[derive(Debug, Clone, Serialize)]
pub struct StreamReport {
    pub producer_id: String,
    pub kind: String,
    pub received: u64,
    pub expected: u64,
    pub lost: u64,
    pub duplicates: u64,
    pub reordered: u64,
    pub jitter_ms: f64,
    /// From `resumeConsumer` to the first packet.
    pub first_packet_ms: Option<f64>,
    pub key_frames: u64,
}

impl StreamReport {
    /// The report of one received stream (`kind`: `audio` or `video`) from its measurements.
    pub fn new(producer_id: String, kind: &str, stats: &StreamStats) -> StreamReport {
        StreamReport {
            producer_id,
            kind: kind.to_string(),
            received: stats.received,
            expected: stats.expected(),
            lost: stats.lost(),
            duplicates: stats.duplicates,
            reordered: stats.reordered,
            jitter_ms: stats.jitter().as_secs_f64() * 1000.0,
            first_packet_ms: stats.first_packet_after.map(|d| d.as_secs_f64() * 1000.0),
            key_frames: stats.key_frames,
        }
    }
}

/// What one peer did.
#[derive(Debug, Clone, Default)]
pub struct PeerReport {
    pub index: usize,
    /// ICE and DTLS completed.
    pub connected: bool,
    pub error: Option<String>,
    /// From the start of the peer to DTLS connected.
    pub connect_time: Option<Duration>,
    pub packets_sent: u64,
    pub key_frames_sent: u64,
    /// PLIs and FIRs that reached this broadcaster.
    pub key_frame_requests: u64,
    pub streams: Vec<StreamReport>,
    /// One-way latency of every received packet, µs (viewers).
    pub latency: Option<Histogram<u64>>,
    pub plis_sent: u64,
    /// PLIs followed by a key frame on the same stream.
    pub plis_answered: u64,
    /// The longest wait from a PLI to the key frame that answered it.
    pub pli_answer_max: Option<Duration>,
    /// Feed viewers: what the rerouted stream looked like.
    pub feed: Option<FeedReport>,
    /// `mediaReset` notifications (the room's worker died) this peer recovered from.
    pub media_resets: u32,
    /// Longest time from a `mediaReset` to media flowing again (the first packet received, or
    /// for a broadcaster its new transport connected).
    pub recovery: Option<Duration>,
    /// Network changes acted out (`restartIce` on a new local port), and the longest time from
    /// one to the first packet received on the new port.
    pub network_changes: u32,
    pub network_change_recovery: Option<Duration>,
}

pub use crate::stats::Percentiles;

/// The numbers a run reports (`--json` prints this).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub role: String,
    pub peers: usize,
    pub connected: usize,
    pub failed: usize,
    /// Distinct failure messages (at most a few).
    pub errors: Vec<String>,
    pub duration_s: f64,
    pub connect_ms: Percentiles,
    pub packets_sent: u64,
    pub key_frames_sent: u64,
    pub key_frame_requests: u64,
    pub streams: usize,
    pub packets_received: u64,
    pub packets_expected: u64,
    pub packets_lost: u64,
    pub loss_percent: f64,
    pub duplicates: u64,
    pub reordered: u64,
    pub latency_ms: Percentiles,
    pub jitter_ms_mean: f64,
    pub jitter_ms_max: f64,
    pub time_to_first_packet_ms: Percentiles,
    pub key_frames_received: u64,
    pub plis_sent: u64,
    pub plis_answered: u64,
    /// `mediaReset` notifications recovered from, and the longest recovery (ms).
    pub media_resets: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery_ms_max: Option<f64>,
    /// Longest wait from a viewer's PLI to the key frame answering it, over every viewer.
    pub pli_answer_max_ms: Option<f64>,
    /// Feed viewers only: totals over every viewer's [`FeedReport`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feed: Option<FeedSummary>,
    pub resources: Resources,
}

/// Feed viewers' checks, summed over viewers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FeedSummary {
    pub viewers: usize,
    pub switches: u64,
    pub waits: u64,
    pub segments: u64,
    pub segments_from_start: u64,
    pub segment_gaps: u64,
    pub seq_gaps: u64,
    pub ts_backwards: u64,
    /// Fewest distinct speakers any viewer heard.
    pub min_sources: usize,
    /// Feeds with video: the video stream's checks, summed.
    pub video_packets: u64,
    pub video_seq_gaps: u64,
    pub video_ts_backwards: u64,
    pub video_segments: u64,
    pub video_segments_from_key_frame: u64,
}

/// What the run cost this process.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Resources {
    /// User + system CPU time of the whole process over the run.
    pub cpu_ms: f64,
    /// CPU per packet (received for viewers, sent for broadcasters) while every peer was
    /// connected and none had begun to leave: the steady-state cost, setup excluded.
    pub steady_cpu_us_per_packet: Option<f64>,
    pub steady_window_s: f64,
    /// Resident memory before the peers started and at its highest during the run.
    pub rss_start_bytes: u64,
    pub rss_peak_bytes: u64,
    pub rss_per_peer_bytes: u64,
}

/// A run's result: the summary, and each peer's own report for tests.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    #[serde(flatten)]
    pub summary: Summary,
    #[serde(skip)]
    pub peers: Vec<PeerReport>,
}

impl Report {
    pub(crate) fn new(role: &str, peers: Vec<PeerReport>, duration: Duration, resources: Resources) -> Report {
        let mut s = Summary {
            role: role.to_string(),
            peers: peers.len(),
            duration_s: duration.as_secs_f64(),
            resources,
            ..Summary::default()
        };
        let mut latency = latency_histogram();
        let mut connect = latency_histogram();
        let mut first = latency_histogram();
        let mut jitter_sum = 0.0;
        for p in &peers {
            if p.connected {
                s.connected += 1;
            }
            if let Some(e) = &p.error {
                s.failed += 1;
                if s.errors.len() < 5 && !s.errors.contains(e) {
                    s.errors.push(e.clone());
                }
            } else if !p.connected {
                s.failed += 1;
            }
            if let Some(t) = p.connect_time {
                let _ = connect.record(t.as_micros().max(1) as u64);
            }
            s.packets_sent += p.packets_sent;
            s.key_frames_sent += p.key_frames_sent;
            s.key_frame_requests += p.key_frame_requests;
            s.plis_sent += p.plis_sent;
            s.plis_answered += p.plis_answered;
            s.media_resets += u64::from(p.media_resets);
            if let Some(r) = p.recovery {
                let ms = r.as_secs_f64() * 1000.0;
                s.recovery_ms_max = Some(s.recovery_ms_max.map_or(ms, |m: f64| m.max(ms)));
            }
            if let Some(d) = p.pli_answer_max {
                let ms = d.as_secs_f64() * 1000.0;
                s.pli_answer_max_ms = Some(s.pli_answer_max_ms.map_or(ms, |m: f64| m.max(ms)));
            }
            if let Some(h) = &p.latency {
                let _ = latency.add(h);
            }
            for st in &p.streams {
                s.streams += 1;
                s.packets_received += st.received;
                s.packets_expected += st.expected;
                s.packets_lost += st.lost;
                s.duplicates += st.duplicates;
                s.reordered += st.reordered;
                s.key_frames_received += st.key_frames;
                jitter_sum += st.jitter_ms;
                s.jitter_ms_max = s.jitter_ms_max.max(st.jitter_ms);
                if let Some(ms) = st.first_packet_ms {
                    let _ = first.record((ms * 1000.0).max(1.0) as u64);
                }
            }
        }
        if s.streams > 0 {
            s.jitter_ms_mean = jitter_sum / s.streams as f64;
        }
        if s.packets_expected > 0 {
            s.loss_percent = 100.0 * s.packets_lost as f64 / s.packets_expected as f64;
        }
        let feeds: Vec<&FeedReport> = peers.iter().filter_map(|p| p.feed.as_ref()).collect();
        if !feeds.is_empty() {
            let mut f = FeedSummary {
                viewers: feeds.len(),
                min_sources: usize::MAX,
                ..FeedSummary::default()
            };
            for r in feeds {
                f.switches += r.switches;
                f.waits += r.waits;
                f.segments += r.segments;
                f.segments_from_start += r.segments_from_start;
                f.segment_gaps += r.segment_gaps;
                f.seq_gaps += r.seq_gaps;
                f.ts_backwards += r.ts_backwards;
                f.min_sources = f.min_sources.min(r.sources);
                f.video_packets += r.video_packets;
                f.video_seq_gaps += r.video_seq_gaps;
                f.video_ts_backwards += r.video_ts_backwards;
                f.video_segments += r.video_segments;
                f.video_segments_from_key_frame += r.video_segments_from_key_frame;
            }
            s.feed = Some(f);
        }
        s.latency_ms = Percentiles::of_micros(&latency);
        s.connect_ms = Percentiles::of_micros(&connect);
        s.time_to_first_packet_ms = Percentiles::of_micros(&first);
        Report { summary: s, peers }
    }
}

impl fmt::Display for Summary {
    /// The human table `sfu synthetic-*` prints at the end.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let row = |f: &mut fmt::Formatter<'_>, k: &str, v: String| writeln!(f, "  {k:<26} {v}");
        let pct = |p: &Percentiles| format!("p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}", p.p50, p.p90, p.p99, p.max);
        writeln!(f, "synthetic {}s: {:.1} s", self.role, self.duration_s)?;
        row(
            f,
            "peers",
            format!("{} connected, {} failed of {}", self.connected, self.failed, self.peers),
        )?;
        row(f, "connect ms", pct(&self.connect_ms))?;
        if self.role == "broadcaster" {
            row(f, "packets sent", self.packets_sent.to_string())?;
            row(
                f,
                "key frames sent",
                format!("{} ({} requested)", self.key_frames_sent, self.key_frame_requests),
            )?;
        } else {
            row(f, "streams", self.streams.to_string())?;
            row(
                f,
                "packets received",
                format!("{} of {} expected", self.packets_received, self.packets_expected),
            )?;
            row(
                f,
                "loss",
                format!(
                    "{:.3} % ({} lost, {} duplicates, {} reordered)",
                    self.loss_percent, self.packets_lost, self.duplicates, self.reordered
                ),
            )?;
            row(f, "latency ms", pct(&self.latency_ms))?;
            row(
                f,
                "jitter ms",
                format!("mean {:.2}  max {:.2}", self.jitter_ms_mean, self.jitter_ms_max),
            )?;
            row(f, "first packet ms", pct(&self.time_to_first_packet_ms))?;
            if self.key_frames_received > 0 || self.plis_sent > 0 {
                row(
                    f,
                    "key frames received",
                    format!(
                        "{} (PLIs sent {}, answered {}{})",
                        self.key_frames_received,
                        self.plis_sent,
                        self.plis_answered,
                        self.pli_answer_max_ms
                            .map(|ms| format!(" within {ms:.1} ms"))
                            .unwrap_or_default()
                    ),
                )?;
            }
            if let Some(feed) = &self.feed {
                row(
                    f,
                    "feed",
                    format!(
                        "{} switches, {} utterances ({} from their start), at least {} speakers per viewer",
                        feed.switches, feed.segments, feed.segments_from_start, feed.min_sources
                    ),
                )?;
                row(
                    f,
                    "feed continuity",
                    format!(
                        "{} sequence gaps, {} timestamps backwards, {} breaks inside utterances",
                        feed.seq_gaps, feed.ts_backwards, feed.segment_gaps
                    ),
                )?;
                if feed.video_packets > 0 {
                    row(
                        f,
                        "feed video",
                        format!(
                            "{} packets, {} segments ({} from a key frame), {} sequence gaps, {} timestamps backwards",
                            feed.video_packets,
                            feed.video_segments,
                            feed.video_segments_from_key_frame,
                            feed.video_seq_gaps,
                            feed.video_ts_backwards
                        ),
                    )?;
                }
            }
        }
        if self.media_resets > 0 {
            row(
                f,
                "media resets",
                format!(
                    "{} (worker died; longest recovery {:.0} ms)",
                    self.media_resets,
                    self.recovery_ms_max.unwrap_or_default()
                ),
            )?;
        }
        let r = &self.resources;
        row(
            f,
            "cpu",
            match r.steady_cpu_us_per_packet {
                Some(us) => format!("{:.0} ms in all, {us:.1} µs per packet (steady)", r.cpu_ms),
                None => format!("{:.0} ms in all", r.cpu_ms),
            },
        )?;
        row(
            f,
            "memory",
            format!(
                "peak RSS {:.1} MiB, {:.1} KiB per peer",
                r.rss_peak_bytes as f64 / 1048576.0,
                r.rss_per_peer_bytes as f64 / 1024.0
            ),
        )?;
        for e in &self.errors {
            row(f, "error", e.clone())?;
        }
        Ok(())
    }
}

/// Process CPU time (user + system).
fn cpu_time() -> Duration {
    // SAFETY: getrusage writes into the struct we pass and has no other effect.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return Duration::ZERO;
    }
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, (t.tv_usec as u32).saturating_mul(1000));
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// Resident set size from /proc/self/statm (0 where there is no procfs).
fn rss_bytes() -> u64 {
    let Ok(statm) = std::fs::read_to_string("/proc/self/statm") else {
        return 0;
    };
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(1) as u64;
    statm
        .split_ascii_whitespace()
        .nth(1)
        .and_then(|v| v.parse::<u64>().ok())
        .map_or(0, |pages| pages * page)
}

/// Which counter the steady-state CPU cost is divided by.
#[derive(Debug, Clone, Copy)]
pub enum PacketCounter {
    Sent,
    Received,
}

/// Starts `count` peers `ramp` apart, each as `peer(index, cancel)`, and waits for all of them.
/// A panicking peer becomes a failed report; cancelling `cancel` makes every peer leave.
pub async fn run_peers<F, Fut>(
    role: &str,
    count: usize,
    ramp: Duration,
    cancel: &CancellationToken,
    progress: &Arc<Progress>,
    counter: PacketCounter,
    peer: F,
) -> Report
where
    F: Fn(usize, CancellationToken) -> Fut,
    Fut: Future<Output = PeerReport> + Send + 'static,
{
    let started = Instant::now();
    let cpu_start = cpu_time();
    let rss_start = rss_bytes();
    let mut rss_peak = rss_start;
    let mut tasks = JoinSet::new();
    let mut index_of = std::collections::HashMap::new();
    for index in 0..count {
        let token = cancel.child_token();
        let delay = ramp * index as u32;
        let fut = peer(index, token.clone());
        let handle = tasks.spawn(async move {
            tokio::select! {
                _ = token.cancelled() => PeerReport { index, error: Some("cancelled before start".into()), ..PeerReport::default() },
                _ = tokio::time::sleep(delay) => fut.await,
            }
        });
        index_of.insert(handle.id(), index);
    }
    let packets = |p: &Progress| match counter {
        PacketCounter::Sent => Progress::get(&p.packets_sent),
        PacketCounter::Received => Progress::get(&p.packets_received),
    };
    // Steady window: from the first sample with every peer settled to the last one before any
    // peer finished.
    let mut steady_start: Option<(Duration, u64, Instant)> = None;
    let mut steady_end: Option<(Duration, u64, Instant)> = None;
    let mut reports = Vec::with_capacity(count);
    let mut sample = tokio::time::interval(Duration::from_millis(250));
    loop {
        tokio::select! {
            joined = tasks.join_next_with_id() => {
                let Some(joined) = joined else { break };
                match joined {
                    Ok((_, report)) => reports.push(report),
                    Err(e) => reports.push(PeerReport {
                        index: index_of.get(&e.id()).copied().unwrap_or(usize::MAX),
                        error: Some(format!("peer task failed: {e}")),
                        ..PeerReport::default()
                    }),
                }
                Progress::add(&progress.finished, 1);
            }
            _ = sample.tick() => {
                rss_peak = rss_peak.max(rss_bytes());
                let settled = Progress::get(&progress.connected) + Progress::get(&progress.failed) >= count as u64;
                if Progress::get(&progress.finished) == 0 && settled {
                    let point = (cpu_time(), packets(progress), Instant::now());
                    if steady_start.is_none() {
                        steady_start = Some(point);
                    } else {
                        steady_end = Some(point);
                    }
                }
            }
        }
    }
    reports.sort_by_key(|r| r.index);
    let steady = match (steady_start, steady_end) {
        (Some((c0, p0, t0)), Some((c1, p1, t1))) if p1 > p0 => Some((
            (c1 - c0).as_secs_f64() * 1e6 / (p1 - p0) as f64,
            (t1 - t0).as_secs_f64(),
        )),
        _ => None,
    };
    let resources = Resources {
        cpu_ms: (cpu_time() - cpu_start).as_secs_f64() * 1000.0,
        steady_cpu_us_per_packet: steady.map(|s| s.0),
        steady_window_s: steady.map_or(0.0, |s| s.1),
        rss_start_bytes: rss_start,
        rss_peak_bytes: rss_peak,
        rss_per_peer_bytes: rss_peak.saturating_sub(rss_start) / count.max(1) as u64,
    };
    Report::new(role, reports, started.elapsed(), resources)
}
