//! Reads the server's numbers once: directly from an in-process [`ServerHandle`], or from a remote
//! server's `/metrics`.
//!
//! A remote server is sampled through `/metrics`, not the admin dump: the dump asks every session
//! to describe itself (one message per peer, answers awaited in turn), which with hundreds of
//! peers took over a second per sample and loaded the server being measured; `/metrics` is built
//! from counters. The admin API is read once, before the run, to check the URL and the token.

use std::collections::BTreeMap;
use std::time::Instant;

use crate::http_client::{HttpClient, HttpError};
use crate::stats::{ClusterPipes, ObjectCounts};
use crate::ServerHandle;

/// The server being loaded.
pub(crate) enum Probe<'a> {
    Local(&'a ServerHandle),
    Remote {
        client: Box<HttpClient>,
        base: String,
        token: String,
    },
    /// The nodes of a cluster, each sampled as above: a sample is their sum, with each node's
    /// own in [`Sample::nodes`].
    Cluster(Vec<Probe<'a>>),
}

/// One reading of the server.
#[derive(Debug, Clone)]
pub(crate) struct Sample {
    pub at: Instant,
    pub counts: ObjectCounts,
    /// (worker index, CPU seconds so far).
    pub workers: Vec<(usize, Option<f64>)>,
    pub rss_bytes: Option<u64>,
    /// CPU seconds of the server's whole process so far (in-process: server and peers together).
    pub process_cpu_seconds: Option<f64>,
    pub buffer_bytes: u64,
    pub buffer_cap_bytes: u64,
    pub switches: u64,
    /// Of `switches`, playouts heard through a shared one.
    pub shared_viewers: u64,
    pub feed_packets: u64,
    /// Utterances evicted since the server started, and of those the ones a feed was playing.
    pub evictions: u64,
    pub evictions_while_read: u64,
    /// The feed engine's lateness quantiles since the server started (p50, p99), ms.
    pub feed_lateness_ms: Option<(f64, f64)>,
    /// A cluster node's pipes and the packets over them (`None`: not a cluster node).
    pub pipes: Option<ClusterPipes>,
    /// A cluster's sample: each node's, in the order of the nodes (empty for one server).
    pub nodes: Vec<Sample>,
}

impl Sample {
    /// A reading at `at` with nothing counted yet (what a cluster's sum starts from).
    pub fn empty(at: Instant) -> Sample {
        Sample {
            at,
            counts: ObjectCounts::default(),
            workers: Vec::new(),
            rss_bytes: None,
            process_cpu_seconds: None,
            buffer_bytes: 0,
            buffer_cap_bytes: 0,
            switches: 0,
            shared_viewers: 0,
            feed_packets: 0,
            evictions: 0,
            evictions_while_read: 0,
            feed_lateness_ms: None,
            pipes: None,
            nodes: Vec::new(),
        }
    }

    /// No room, peer or media object left, and (a cluster) no pipe between nodes.
    pub fn released(&self) -> bool {
        let no_pipes = |s: &Sample| s.pipes.is_none_or(|p| p.pipes_out == 0 && p.pipes_in == 0);
        self.counts.media_objects_released() && no_pipes(self) && self.nodes.iter().all(no_pipes)
    }
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
                    process_cpu_seconds: crate::procfs::process_cpu_time().map(|d| d.as_secs_f64()),
                    buffer_bytes: buffer.bytes_used as u64,
                    buffer_cap_bytes: buffer.cap_bytes as u64,
                    switches: feeds.switches,
                    shared_viewers: feeds.shared_viewers,
                    feed_packets: feeds.packets,
                    evictions: buffer.evictions,
                    evictions_while_read: buffer.evictions_while_read,
                    feed_lateness_ms: (feeds.lateness_ms.count > 0)
                        .then_some((feeds.lateness_ms.p50, feeds.lateness_ms.p99)),
                    pipes: server.cluster_pipes(),
                    nodes: Vec::new(),
                })
            }
            Probe::Remote { client, base, token } => {
                let url = metrics_url(base)?;
                let text = client.get(&url, Some(token)).await?;
                sample_from_metrics(&String::from_utf8_lossy(&text))
                    .map_err(|message| HttpError::BadBody { url, message })
            }
            Probe::Cluster(nodes) => {
                let samples = futures_util::future::try_join_all(nodes.iter().map(|n| Box::pin(n.sample()))).await?;
                Ok(merge(samples))
            }
        }
    }

    /// Checks that a remote server answers its admin API with this token (a wrong URL or token
    /// fails here, before any peer starts).
    pub async fn check(&self) -> Result<(), HttpError> {
        match self {
            Probe::Local(_) => Ok(()),
            Probe::Remote { client, base, token } => crate::http_client::admin::fetch(client, base, token, None)
                .await
                .map(drop),
            Probe::Cluster(nodes) => {
                for n in nodes {
                    Box::pin(n.check()).await?;
                }
                Ok(())
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
            Probe::Remote { client, base, token } => client.get(&metrics_url(base)?, Some(token)).await?,
            Probe::Cluster(nodes) => {
                let mut all = BTreeMap::new();
                for n in nodes {
                    for (code, count) in Box::pin(n.errors_by_code()).await? {
                        *all.entry(code).or_insert(0) += count;
                    }
                }
                return Ok(all);
            }
        };
        Ok(parse_errors_by_code(&String::from_utf8_lossy(&text)))
    }

    /// Routers and WebRTC transports mediasoup itself still holds (in-process only).
    pub async fn mediasoup_objects(&self) -> Option<(usize, usize)> {
        match self {
            Probe::Local(server) => Some(server.mediasoup_objects().await),
            Probe::Remote { .. } => None,
            Probe::Cluster(nodes) => {
                let mut all = (0, 0);
                for n in nodes {
                    let (routers, transports) = Box::pin(n.mediasoup_objects()).await?;
                    all = (all.0 + routers, all.1 + transports);
                }
                Some(all)
            }
        }
    }
}

/// A cluster's sample: the nodes' counts and totals summed, their workers numbered one after
/// the other (node 0's first), RSS and process CPU the highest (in-process nodes share one
/// process), and each node's sample kept in `nodes`.
fn merge(nodes: Vec<Sample>) -> Sample {
    let mut all = Sample::empty(Instant::now());
    for n in &nodes {
        let c = &mut all.counts;
        let d = &n.counts;
        c.rooms += d.rooms;
        c.peers += d.peers;
        c.connections += d.connections;
        c.transports += d.transports;
        c.producers += d.producers;
        c.consumers += d.consumers;
        c.feeds += d.feeds;
        c.pipes += d.pipes;
        c.messages += d.messages;
        c.errors += d.errors;
        let base = all.workers.len();
        all.workers
            .extend(n.workers.iter().enumerate().map(|(i, w)| (base + i, w.1)));
        all.rss_bytes = all.rss_bytes.max(n.rss_bytes);
        all.process_cpu_seconds = max_f64(all.process_cpu_seconds, n.process_cpu_seconds);
        all.buffer_bytes += n.buffer_bytes;
        all.buffer_cap_bytes += n.buffer_cap_bytes;
        all.switches += n.switches;
        all.shared_viewers += n.shared_viewers;
        all.feed_packets += n.feed_packets;
        all.evictions += n.evictions;
        all.evictions_while_read += n.evictions_while_read;
        all.feed_lateness_ms = all.feed_lateness_ms.or(n.feed_lateness_ms);
    }
    all.nodes = nodes;
    all
}

fn max_f64(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The `/metrics` URL of the server at `base` (signaling or HTTP URL).
fn metrics_url(base: &str) -> Result<String, HttpError> {
    Ok(crate::http_client::admin::rooms_url(base, None)?.replace("/admin/rooms", "/metrics"))
}

/// `name{labels} value` lines of the Prometheus text format (comments skipped).
fn metric_lines(text: &str) -> impl Iterator<Item = (&str, &str, f64)> {
    text.lines().filter(|l| !l.starts_with('#')).filter_map(|line| {
        let (series, value) = line.trim().rsplit_once(' ')?;
        let value = value.parse::<f64>().ok()?;
        let (name, labels) = match series.split_once('{') {
            Some((name, rest)) => (name, rest.strip_suffix('}')?),
            None => (series, ""),
        };
        Some((name, labels, value))
    })
}

/// The value of `label` in `a="x",b="y"`.
fn label<'a>(labels: &'a str, label: &str) -> Option<&'a str> {
    labels
        .split(',')
        .find_map(|l| l.strip_prefix(label)?.strip_prefix("=\"")?.strip_suffix('"'))
}

/// A [`Sample`] from a `/metrics` scrape (names in docs/observability.md).
fn sample_from_metrics(text: &str) -> Result<Sample, String> {
    let mut values = BTreeMap::new();
    let mut errors = 0.0;
    let mut workers: BTreeMap<usize, Option<f64>> = BTreeMap::new();
    let mut lateness = (None, None);
    let mut pipes: Option<ClusterPipes> = None;
    for (name, labels, value) in metric_lines(text) {
        match name {
            "sfu_cluster_pipes" | "sfu_cluster_packets_total" => {
                let p = pipes.get_or_insert_with(ClusterPipes::default);
                match (name, label(labels, "direction")) {
                    ("sfu_cluster_pipes", Some("out")) => p.pipes_out = value as i64,
                    ("sfu_cluster_pipes", Some("in")) => p.pipes_in = value as i64,
                    (_, Some("out")) => p.packets_out = value as u64,
                    (_, Some("in")) => p.packets_in = value as u64,
                    _ => {}
                }
            }
            "sfu_feed_lateness_seconds" => match label(labels, "quantile") {
                Some("0.5") => lateness.0 = Some(value * 1000.0),
                Some("0.99") => lateness.1 = Some(value * 1000.0),
                _ => {}
            },
            "sfu_signaling_errors_total" => errors += value,
            "sfu_worker_up" | "sfu_worker_cpu_seconds_total" => {
                let index = label(labels, "worker")
                    .and_then(|w| w.parse().ok())
                    .ok_or_else(|| format!("{name} without a worker label"))?;
                let cpu = workers.entry(index).or_default();
                if name == "sfu_worker_cpu_seconds_total" {
                    *cpu = Some(value);
                }
            }
            _ if labels.is_empty() => {
                values.insert(name, value);
            }
            _ => {}
        }
    }
    let get = |name: &str| {
        values
            .get(name)
            .copied()
            .ok_or_else(|| format!("no {name} (not an sfu /metrics page?)"))
    };
    let count = |name: &str| get(name).map(|v| v as i64);
    let total = |name: &str| get(name).map(|v| v as u64);
    Ok(Sample {
        at: Instant::now(),
        counts: ObjectCounts {
            rooms: count("sfu_rooms")?,
            peers: count("sfu_peers")?,
            connections: count("sfu_connections")?,
            transports: count("sfu_transports")?,
            producers: count("sfu_producers")?,
            consumers: count("sfu_consumers")?,
            feeds: count("sfu_feeds")?,
            // Absent from servers before pipes existed.
            pipes: count("sfu_pipes").unwrap_or(0),
            messages: total("sfu_signaling_messages_total")?,
            errors: errors as u64,
        },
        workers: workers.into_iter().collect(),
        rss_bytes: total("sfu_process_resident_memory_bytes").ok(),
        process_cpu_seconds: get("sfu_process_cpu_seconds_total").ok(),
        buffer_bytes: total("sfu_buffer_bytes")?,
        buffer_cap_bytes: total("sfu_buffer_cap_bytes")?,
        switches: total("sfu_feed_switches_total")?,
        // Absent from servers before shared playouts existed.
        shared_viewers: total("sfu_feed_shared_viewers_total").unwrap_or(0),
        feed_packets: total("sfu_feed_packets_total")?,
        evictions: total("sfu_buffer_evictions_total").unwrap_or(0),
        evictions_while_read: total("sfu_buffer_evictions_while_read_total").unwrap_or(0),
        feed_lateness_ms: lateness.0.zip(lateness.1),
        pipes,
        nodes: Vec::new(),
    })
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
    metric_lines(text)
        .filter(|(name, _, _)| *name == "sfu_signaling_errors_total")
        .filter_map(|(_, labels, value)| Some((label(labels, "code")?.to_string(), value as u64)))
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

    /// The shape `src/metrics.rs` renders (names and labels as in docs/observability.md).
    const SCRAPE: &str = r#"# HELP sfu_rooms Rooms open now.
# TYPE sfu_rooms gauge
sfu_rooms 1
sfu_peers 12
sfu_connections 12
sfu_transports 12
sfu_producers 2
sfu_consumers 20
sfu_feeds 0
sfu_signaling_messages_total 96
sfu_signaling_errors_total{code="not_found"} 2
sfu_signaling_errors_total{code="bad_request"} 1
sfu_worker_up{worker="0"} 1
sfu_worker_up{worker="1"} 1
sfu_worker_rooms{worker="0"} 1
sfu_worker_cpu_seconds_total{worker="0"} 1.25
sfu_process_cpu_seconds_total 3.5
sfu_process_resident_memory_bytes 30720000
sfu_buffer_bytes 99041
sfu_buffer_cap_bytes 16000000
sfu_room_buffer_bytes{room="smoke-live-0"} 99041
sfu_feed_packets_total 418882
sfu_feed_switches_total 4108
sfu_feed_lateness_seconds{quantile="0.5"} 0.002
sfu_feed_lateness_seconds{quantile="0.99"} 0.012
sfu_buffer_evictions_total 7
sfu_buffer_evictions_while_read_total 2
"#;

    #[test]
    fn sample_from_a_scrape() {
        let s = super::sample_from_metrics(SCRAPE).unwrap();
        let c = s.counts;
        assert_eq!(
            (
                c.rooms,
                c.peers,
                c.connections,
                c.transports,
                c.producers,
                c.consumers,
                c.feeds
            ),
            (1, 12, 12, 12, 2, 20, 0)
        );
        assert_eq!((c.messages, c.errors), (96, 3));
        // Worker 1's thread id is not known yet: listed, CPU unknown.
        assert_eq!(s.workers, [(0, Some(1.25)), (1, None)]);
        assert_eq!((s.rss_bytes, s.process_cpu_seconds), (Some(30_720_000), Some(3.5)));
        assert_eq!((s.buffer_bytes, s.buffer_cap_bytes), (99_041, 16_000_000));
        assert_eq!((s.switches, s.feed_packets), (4108, 418_882));
        assert_eq!((s.evictions, s.evictions_while_read), (7, 2));
        assert_eq!(s.feed_lateness_ms, Some((2.0, 12.0)));
        assert_eq!(s.pipes, None);
        let cluster = format!("{SCRAPE}sfu_cluster_pipes{{direction=\"out\"}} 4\nsfu_cluster_pipes{{direction=\"in\"}} 0\nsfu_cluster_packets_total{{direction=\"out\"}} 1200\n");
        let p = super::sample_from_metrics(&cluster).unwrap().pipes.unwrap();
        assert_eq!((p.pipes_out, p.pipes_in, p.packets_out, p.packets_in), (4, 0, 1200, 0));
    }

    #[test]
    fn a_cluster_sample_sums_its_nodes() {
        let a = super::sample_from_metrics(SCRAPE).unwrap();
        let mut b = a.clone();
        b.rss_bytes = Some(1);
        let all = super::merge(vec![a, b]);
        assert_eq!((all.counts.peers, all.counts.consumers, all.nodes.len()), (24, 40, 2));
        assert_eq!(all.workers, [(0, Some(1.25)), (1, None), (2, Some(1.25)), (3, None)]);
        assert_eq!((all.rss_bytes, all.buffer_bytes), (Some(30_720_000), 2 * 99_041));
    }

    #[test]
    fn a_page_that_is_not_sfu_metrics_is_an_error() {
        let e = super::sample_from_metrics("<html>hello</html>").unwrap_err();
        assert!(e.contains("sfu_rooms"), "{e}");
        let e = super::sample_from_metrics(&SCRAPE.replace("sfu_feed_packets_total 418882\n", "")).unwrap_err();
        assert!(e.contains("sfu_feed_packets_total"), "{e}");
    }
}
