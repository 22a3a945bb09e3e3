//! Reads the server's numbers once: directly from an in-process [`ServerHandle`], or from a remote
//! server's admin API.

use std::collections::BTreeMap;
use std::time::Instant;

use crate::http_client::{HttpClient, HttpError};
use crate::stats::ObjectCounts;
use crate::ServerHandle;

/// The server being loaded.
pub(crate) enum Probe<'a> {
    Local(&'a ServerHandle),
    Remote {
        client: Box<HttpClient>,
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

    /// Signaling error responses sent so far, by code, from the server's `/metrics`.
    pub async fn errors_by_code(&self) -> Result<BTreeMap<String, u64>, HttpError> {
        let text = match self {
            Probe::Local(server) => {
                let client = HttpClient::new(server.tls_certificate_pem())?;
                client.get(&format!("{}/metrics", server.http_url()), None).await?
            }
            Probe::Remote { client, base, token } => {
                let url = crate::admin::rooms_url(base, None)?.replace("/admin/rooms", "/metrics");
                client.get(&url, Some(token)).await?
            }
        };
        Ok(parse_errors_by_code(&String::from_utf8_lossy(&text)))
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

/// `sfu_signaling_errors_total{code="not_found"} 3` lines of the Prometheus text format.
fn parse_errors_by_code(text: &str) -> BTreeMap<String, u64> {
    text.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("sfu_signaling_errors_total{")?;
            let (labels, value) = rest.split_once('}')?;
            let code = labels
                .split(',')
                .find_map(|l| l.strip_prefix("code=\""))?
                .trim_end_matches('"');
            Some((code.to_string(), value.trim().parse::<f64>().ok()? as u64))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_error_counts() {
        let text = "# HELP x\nsfu_signaling_errors_total{code=\"not_found\"} 3\nsfu_other 1\nsfu_signaling_errors_total{code=\"bad_json\"} 1\n";
        let m = super::parse_errors_by_code(text);
        assert_eq!((m["not_found"], m["bad_json"], m.len()), (3, 1, 2));
    }
}
