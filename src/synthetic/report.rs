//! Per-peer results, the run's summary (table and JSON), and the runner that owns the peer
//! tasks and samples the process's CPU time and memory while they run.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use serde::Serialize;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::feed_check::FeedReport;
use super::received_stream::{latency_histogram, StreamStats};
use super::Progress;
use crate::procfs;

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

impl PeerReport {
    /// Records the first connection (once): connect time and the progress counter. True when
    /// this call was the first, so the caller starts its run clock.
    pub(crate) fn mark_connected(&mut self, started: Instant, progress: &Progress) -> bool {
        if self.connected {
            return false;
        }
        self.connected = true;
        self.connect_time = Some(started.elapsed());
        Progress::add(&progress.connected, 1);
        true
    }

    /// How a session ends when its run time is up: fine once connected, a connect timeout if it
    /// never was.
    pub(crate) fn end_of_run(&self, connect_timeout: Duration) -> Result<(), super::SyntheticError> {
        if self.connected {
            Ok(())
        } else {
            Err(super::SyntheticError::ConnectTimeout(connect_timeout))
        }
    }
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
    /// Segments no `feedSwitched` announced (another playout reached the viewer).
    pub unannounced: u64,
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
    /// Tasteful viewers (`--taste`): their skips and listen-through, summed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taste: Option<super::taste::TasteReport>,
    /// The same per policy (`subscribeFeed`'s `recommender`: with an A/B experiment, per arm).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub taste_by_recommender: BTreeMap<String, super::taste::TasteReport>,
    /// Tasteful viewers: speaker-minutes no viewer heard anything from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starvation: Option<super::taste::Starvation>,
    /// Who the viewers heard when (merged), behind `starvation`.
    #[serde(skip)]
    pub hearing: Option<super::taste::Hearing>,
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
        let mut h = Histograms::default();
        let mut jitter_sum = 0.0;
        for p in &peers {
            s.add_peer(p, &mut h);
            for st in &p.streams {
                s.add_stream(st, &mut h.first_packet);
                jitter_sum += st.jitter_ms;
            }
        }
        if s.streams > 0 {
            s.jitter_ms_mean = jitter_sum / s.streams as f64;
        }
        if s.packets_expected > 0 {
            s.loss_percent = 100.0 * s.packets_lost as f64 / s.packets_expected as f64;
        }
        s.feed = FeedSummary::of(peers.iter().filter_map(|p| p.feed.as_ref()));
        s.latency_ms = Percentiles::of_micros(&h.latency);
        s.connect_ms = Percentiles::of_micros(&h.connect);
        s.time_to_first_packet_ms = Percentiles::of_micros(&h.first_packet);
        Report { summary: s, peers }
    }
}

/// The distributions a summary merges over its peers, µs.
struct Histograms {
    latency: Histogram<u64>,
    connect: Histogram<u64>,
    first_packet: Histogram<u64>,
}

impl Default for Histograms {
    fn default() -> Self {
        Histograms {
            latency: latency_histogram(),
            connect: latency_histogram(),
            first_packet: latency_histogram(),
        }
    }
}

/// The larger of a running maximum and `d`, in ms.
fn max_ms(current: Option<f64>, d: Duration) -> Option<f64> {
    let ms = d.as_secs_f64() * 1000.0;
    Some(current.map_or(ms, |m| m.max(ms)))
}

impl Summary {
    /// Adds one peer's own numbers (not its streams').
    fn add_peer(&mut self, p: &PeerReport, h: &mut Histograms) {
        if p.connected {
            self.connected += 1;
        }
        if let Some(e) = &p.error {
            self.failed += 1;
            if self.errors.len() < 5 && !self.errors.contains(e) {
                self.errors.push(e.clone());
            }
        } else if !p.connected {
            self.failed += 1;
        }
        if let Some(t) = p.connect_time {
            let _ = h.connect.record(t.as_micros().max(1) as u64);
        }
        self.packets_sent += p.packets_sent;
        self.key_frames_sent += p.key_frames_sent;
        self.key_frame_requests += p.key_frame_requests;
        self.plis_sent += p.plis_sent;
        self.plis_answered += p.plis_answered;
        self.media_resets += u64::from(p.media_resets);
        if let Some(r) = p.recovery {
            self.recovery_ms_max = max_ms(self.recovery_ms_max, r);
        }
        if let Some(d) = p.pli_answer_max {
            self.pli_answer_max_ms = max_ms(self.pli_answer_max_ms, d);
        }
        if let Some(l) = &p.latency {
            let _ = h.latency.add(l);
        }
    }

    /// Adds one received stream (its jitter goes into the mean by the caller).
    fn add_stream(&mut self, st: &StreamReport, first_packet: &mut Histogram<u64>) {
        self.streams += 1;
        self.packets_received += st.received;
        self.packets_expected += st.expected;
        self.packets_lost += st.lost;
        self.duplicates += st.duplicates;
        self.reordered += st.reordered;
        self.key_frames_received += st.key_frames;
        self.jitter_ms_max = self.jitter_ms_max.max(st.jitter_ms);
        if let Some(ms) = st.first_packet_ms {
            let _ = first_packet.record((ms * 1000.0).max(1.0) as u64);
        }
    }
}

impl FeedSummary {
    /// The feed viewers' reports summed; `None` without feed viewers.
    fn of<'a>(feeds: impl Iterator<Item = &'a FeedReport>) -> Option<FeedSummary> {
        let mut f = FeedSummary {
            min_sources: usize::MAX,
            ..FeedSummary::default()
        };
        for r in feeds {
            f.viewers += 1;
            f.switches += r.switches;
            f.waits += r.waits;
            f.segments += r.segments;
            f.segments_from_start += r.segments_from_start;
            f.segment_gaps += r.segment_gaps;
            f.unannounced += r.unannounced;
            f.seq_gaps += r.seq_gaps;
            f.ts_backwards += r.ts_backwards;
            f.min_sources = f.min_sources.min(r.sources);
            f.video_packets += r.video_packets;
            f.video_seq_gaps += r.video_seq_gaps;
            f.video_ts_backwards += r.video_ts_backwards;
            f.video_segments += r.video_segments;
            f.video_segments_from_key_frame += r.video_segments_from_key_frame;
            if let Some(t) = &r.taste {
                f.taste.get_or_insert_with(Default::default).add(t);
                let arm = r.recommender.clone().unwrap_or_else(|| "unknown".into());
                f.taste_by_recommender.entry(arm).or_default().add(t);
            }
            if let Some(h) = &r.hearing {
                f.hearing.get_or_insert_with(Default::default).add(h);
            }
        }
        f.starvation = f.hearing.as_ref().map(super::taste::Hearing::starvation);
        (f.viewers > 0).then_some(f)
    }
}

/// One `  key  value` line of the table.
fn row(f: &mut fmt::Formatter<'_>, k: &str, v: String) -> fmt::Result {
    writeln!(f, "  {k:<26} {v}")
}

fn percentiles(p: &Percentiles) -> String {
    format!("p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}", p.p50, p.p90, p.p99, p.max)
}

impl fmt::Display for Summary {
    /// The human table `sfu synthetic-*` prints at the end.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "synthetic {}s: {:.1} s", self.role, self.duration_s)?;
        row(
            f,
            "peers",
            format!("{} connected, {} failed of {}", self.connected, self.failed, self.peers),
        )?;
        row(f, "connect ms", percentiles(&self.connect_ms))?;
        if self.role == "broadcaster" {
            self.fmt_sent(f)?;
        } else {
            self.fmt_received(f)?;
            if let Some(feed) = &self.feed {
                feed.fmt_rows(f)?;
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
        self.resources.fmt_rows(f)?;
        for e in &self.errors {
            row(f, "error", e.clone())?;
        }
        Ok(())
    }
}

impl Summary {
    /// A broadcaster's rows: what it sent.
    fn fmt_sent(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        row(f, "packets sent", self.packets_sent.to_string())?;
        row(
            f,
            "key frames sent",
            format!("{} ({} requested)", self.key_frames_sent, self.key_frame_requests),
        )
    }

    /// A viewer's rows: what it received and how well.
    fn fmt_received(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
        row(f, "latency ms", percentiles(&self.latency_ms))?;
        row(
            f,
            "jitter ms",
            format!("mean {:.2}  max {:.2}", self.jitter_ms_mean, self.jitter_ms_max),
        )?;
        row(f, "first packet ms", percentiles(&self.time_to_first_packet_ms))?;
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
        Ok(())
    }
}

impl FeedSummary {
    fn fmt_rows(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        row(
            f,
            "feed",
            format!(
                "{} switches, {} utterances ({} from their start), at least {} speakers per viewer",
                self.switches, self.segments, self.segments_from_start, self.min_sources
            ),
        )?;
        row(
            f,
            "feed continuity",
            format!(
                "{} sequence gaps, {} timestamps backwards, {} breaks inside utterances, {} utterances not announced",
                self.seq_gaps, self.ts_backwards, self.segment_gaps, self.unannounced
            ),
        )?;
        if let Some(t) = &self.taste {
            let pct = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{:.0} %", 100.0 * r));
            row(
                f,
                "feed taste",
                format!(
                    "skip rate {} ({} skipped, {} listened through), second half {}, {} likes",
                    pct(t.skip_rate()),
                    t.skips,
                    t.listened_through,
                    pct(t.late_skip_rate()),
                    t.likes_sent
                ),
            )?;
            if self.taste_by_recommender.len() > 1 {
                for (arm, t) in &self.taste_by_recommender {
                    row(
                        f,
                        &format!("feed taste, {arm}"),
                        format!(
                            "skip rate {}, second half {} ({} utterances)",
                            pct(t.skip_rate()),
                            pct(t.late_skip_rate()),
                            t.skips + t.listened_through
                        ),
                    )?;
                }
            }
            if let Some(s) = &self.starvation {
                row(
                    f,
                    "feed starvation",
                    format!(
                        "{} of {} speaker-minutes heard by no viewer",
                        s.starved, s.speaker_windows
                    ),
                )?;
            }
        }
        if self.video_packets > 0 {
            row(
                f,
                "feed video",
                format!(
                    "{} packets, {} segments ({} from a key frame), {} sequence gaps, {} timestamps backwards",
                    self.video_packets,
                    self.video_segments,
                    self.video_segments_from_key_frame,
                    self.video_seq_gaps,
                    self.video_ts_backwards
                ),
            )?;
        }
        Ok(())
    }
}

impl Resources {
    fn fmt_rows(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        row(
            f,
            "cpu",
            match self.steady_cpu_us_per_packet {
                Some(us) => format!("{:.0} ms in all, {us:.1} µs per packet (steady)", self.cpu_ms),
                None => format!("{:.0} ms in all", self.cpu_ms),
            },
        )?;
        row(
            f,
            "memory",
            format!(
                "peak RSS {:.1} MiB, {:.1} KiB per peer",
                self.rss_peak_bytes as f64 / 1048576.0,
                self.rss_per_peer_bytes as f64 / 1024.0
            ),
        )
    }
}

/// Process CPU time (user + system), zero where it cannot be read.
fn cpu_time() -> Duration {
    procfs::process_cpu_time_precise().unwrap_or_default()
}

/// Resident set size (0 where there is no procfs).
fn rss_bytes() -> u64 {
    procfs::process_rss_bytes().unwrap_or(0)
}

/// Which counter the steady-state CPU cost is divided by.
#[derive(Debug, Clone, Copy)]
pub enum PacketCounter {
    Sent,
    Received,
}

impl PacketCounter {
    fn read(self, p: &Progress) -> u64 {
        match self {
            PacketCounter::Sent => Progress::get(&p.packets_sent),
            PacketCounter::Received => Progress::get(&p.packets_received),
        }
    }
}

/// One sample of the steady window: CPU time, packets counted, when.
type SteadyPoint = (Duration, u64, Instant);

/// The steady window: from the first sample with every peer settled to the last one before any
/// peer finished.
#[derive(Debug, Default)]
struct SteadyWindow {
    start: Option<SteadyPoint>,
    end: Option<SteadyPoint>,
}

impl SteadyWindow {
    fn record(&mut self, point: SteadyPoint) {
        if self.start.is_none() {
            self.start = Some(point);
        } else {
            self.end = Some(point);
        }
    }

    /// CPU µs per packet over the window, and the window's length in seconds; `None` without
    /// two samples or without packets in between.
    fn cost(&self) -> Option<(f64, f64)> {
        match (self.start, self.end) {
            (Some((c0, p0, t0)), Some((c1, p1, t1))) if p1 > p0 => Some((
                (c1 - c0).as_secs_f64() * 1e6 / (p1 - p0) as f64,
                (t1 - t0).as_secs_f64(),
            )),
            _ => None,
        }
    }
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
    let (mut tasks, index_of) = spawn_peers(count, ramp, cancel, peer);
    let mut steady = SteadyWindow::default();
    let mut reports = Vec::with_capacity(count);
    let mut sample = tokio::time::interval(Duration::from_millis(250));
    loop {
        tokio::select! {
            joined = tasks.join_next_with_id() => {
                let Some(joined) = joined else { break };
                reports.push(match joined {
                    Ok((_, report)) => report,
                    Err(e) => PeerReport {
                        index: index_of.get(&e.id()).copied().unwrap_or(usize::MAX),
                        error: Some(format!("peer task failed: {e}")),
                        ..PeerReport::default()
                    },
                });
                Progress::add(&progress.finished, 1);
            }
            _ = sample.tick() => {
                rss_peak = rss_peak.max(rss_bytes());
                let settled = Progress::get(&progress.connected) + Progress::get(&progress.failed) >= count as u64;
                if Progress::get(&progress.finished) == 0 && settled {
                    steady.record((cpu_time(), counter.read(progress), Instant::now()));
                }
            }
        }
    }
    reports.sort_by_key(|r| r.index);
    let cost = steady.cost();
    let resources = Resources {
        cpu_ms: (cpu_time() - cpu_start).as_secs_f64() * 1000.0,
        steady_cpu_us_per_packet: cost.map(|s| s.0),
        steady_window_s: cost.map_or(0.0, |s| s.1),
        rss_start_bytes: rss_start,
        rss_peak_bytes: rss_peak,
        rss_per_peer_bytes: rss_peak.saturating_sub(rss_start) / count.max(1) as u64,
    };
    Report::new(role, reports, started.elapsed(), resources)
}

/// Spawns the peers, `ramp` apart; a peer cancelled before its turn reports so. Returns the
/// tasks and each task's peer index (for a task that panics).
fn spawn_peers<F, Fut>(
    count: usize,
    ramp: Duration,
    cancel: &CancellationToken,
    peer: F,
) -> (JoinSet<PeerReport>, HashMap<tokio::task::Id, usize>)
where
    F: Fn(usize, CancellationToken) -> Fut,
    Fut: Future<Output = PeerReport> + Send + 'static,
{
    let mut tasks = JoinSet::new();
    let mut index_of = HashMap::new();
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
    (tasks, index_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(received: u64, expected: u64, jitter_ms: f64) -> StreamReport {
        StreamReport {
            producer_id: "p".into(),
            kind: "audio".into(),
            received,
            expected,
            lost: expected - received,
            duplicates: 1,
            reordered: 0,
            jitter_ms,
            first_packet_ms: Some(12.0),
            key_frames: 0,
        }
    }

    #[test]
    fn summary_merges_peers_and_streams() {
        let peers = vec![
            PeerReport {
                index: 0,
                connected: true,
                connect_time: Some(Duration::from_millis(40)),
                streams: vec![stream(90, 100, 2.0), stream(100, 100, 4.0)],
                recovery: Some(Duration::from_millis(300)),
                media_resets: 1,
                ..PeerReport::default()
            },
            PeerReport {
                index: 1,
                error: Some("boom".into()),
                ..PeerReport::default()
            },
            PeerReport {
                index: 2,
                error: Some("boom".into()),
                recovery: Some(Duration::from_millis(500)),
                ..PeerReport::default()
            },
        ];
        let s = Report::new("viewer", peers, Duration::from_secs(2), Resources::default()).summary;
        assert_eq!((s.peers, s.connected, s.failed), (3, 1, 2));
        assert_eq!(s.errors, vec!["boom".to_string()]);
        assert_eq!(
            (s.streams, s.packets_received, s.packets_expected, s.packets_lost),
            (2, 190, 200, 10)
        );
        assert_eq!(s.duplicates, 2);
        assert!((s.loss_percent - 5.0).abs() < 1e-9);
        assert!((s.jitter_ms_mean - 3.0).abs() < 1e-9);
        assert_eq!(s.jitter_ms_max, 4.0);
        assert_eq!(s.media_resets, 1);
        assert_eq!(s.recovery_ms_max, Some(500.0));
        assert!(s.feed.is_none());
        assert_eq!(s.connect_ms.count, 1);
    }

    #[test]
    fn feed_summary_only_with_feed_viewers() {
        assert!(FeedSummary::of(std::iter::empty()).is_none());
        let mut a = FeedReport::default();
        (a.switches, a.sources) = (3, 2);
        let mut b = FeedReport::default();
        (b.switches, b.sources) = (1, 4);
        let f = FeedSummary::of([&a, &b].into_iter()).unwrap();
        assert_eq!((f.viewers, f.switches, f.min_sources), (2, 4, 2));
    }

    #[test]
    fn steady_window_cost() {
        let t0 = Instant::now();
        let mut w = SteadyWindow::default();
        assert_eq!(w.cost(), None);
        w.record((Duration::from_millis(100), 1000, t0));
        assert_eq!(w.cost(), None, "one sample is no window");
        w.record((Duration::from_millis(200), 2000, t0 + Duration::from_secs(1)));
        w.record((Duration::from_millis(300), 3000, t0 + Duration::from_secs(2)));
        let (us, secs) = w.cost().unwrap();
        assert!((us - 100.0).abs() < 1e-9, "200 ms of CPU over 2000 packets: {us}");
        assert!((secs - 2.0).abs() < 1e-9);
        let mut idle = SteadyWindow::default();
        idle.record((Duration::ZERO, 5, t0));
        idle.record((Duration::from_millis(10), 5, t0 + Duration::from_secs(1)));
        assert_eq!(idle.cost(), None, "no packets in the window");
    }
}
