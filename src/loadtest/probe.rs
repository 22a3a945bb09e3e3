//! Reads the server's numbers once: directly from an in-process [`ServerHandle`], or from a remote
//! server's admin API.

use std::time::Instant;

use crate::http_client::{HttpClient, HttpError};
use crate::stats::ObjectCounts;
use crate::ServerHandle;

/// The server being loaded.
pub(crate) enum Probe<'a> {
    Local(&'a ServerHandle),
    Remote {
        client: HttpClient,
        base: String,
        token: String,
    },
}

/// One reading of the server.
#[derive(Debug, Clone)]
pub(crate) struct Sample {
    pub at: Instant,
    pub counts: ObjectCounts,
    /// (worker index, CPU seconds so far).
    pub workers: Vec<(usize, Option<f64>)>,
    pub rss_bytes: Option<u64>,
    pub buffer_bytes: u64,
    pub buffer_cap_bytes: u64,
    pub switches: u64,
    pub feed_packets: u64,
}

impl Probe<'_> {
    pub async fn sample(&self) -> Result<Sample, HttpError> {
        match self {
            Probe::Local(server) => {
                let buffer = server.buffer_stats();
                let feeds = server.feed_stats();
                Ok(Sample {
                    at: Instant::now(),
                    counts: server.counts(),
                    workers: server.workers().iter().map(|w| (w.index, w.cpu_seconds)).collect(),
                    rss_bytes: crate::procfs::process_rss_bytes(),
                    buffer_bytes: buffer.bytes_used as u64,
                    buffer_cap_bytes: buffer.cap_bytes as u64,
                    switches: feeds.switches,
                    feed_packets: feeds.packets,
                })
            }
            Probe::Remote { client, base, token } => {
                let d = crate::admin::fetch(client, base, token, None).await?;
                Ok(Sample {
                    at: Instant::now(),
                    counts: d.counts,
                    workers: d.workers.iter().map(|w| (w.index, w.cpu_seconds)).collect(),
                    rss_bytes: d.process.rss_bytes,
                    buffer_bytes: d.buffer.bytes_used as u64,
                    buffer_cap_bytes: d.buffer.cap_bytes as u64,
                    switches: d.feeds.switches,
                    feed_packets: d.feeds.packets,
                })
            }
        }
    }

    /// Routers and WebRTC transports mediasoup itself still holds (in-process only).
    pub async fn mediasoup_objects(&self) -> Option<(usize, usize)> {
        match self {
            Probe::Local(server) => Some(server.mediasoup_objects().await),
            Probe::Remote { .. } => None,
        }
    }
}

/// Per-worker CPU between two samples, percent of one core.
pub(crate) fn worker_cpu_percent(a: &Sample, b: &Sample) -> Vec<(usize, Option<f64>)> {
    let dt = b.at.duration_since(a.at).as_secs_f64();
    b.workers
        .iter()
        .map(|&(index, cpu)| {
            let before = a.workers.iter().find(|w| w.0 == index).and_then(|w| w.1);
            let pct = match (before, cpu) {
                (Some(x), Some(y)) if dt > 0.0 => Some(100.0 * (y - x).max(0.0) / dt),
                _ => None,
            };
            (index, pct)
        })
        .collect()
}
