//! `sfu soak`: the first phase of a scenario held for a long time with churn (viewers leave and
//! rejoin, broadcasters are dropped mid-utterance and reconnect, signaling sockets are cut without
//! a close), then checks that the server came back to zero objects, its RSS stayed flat after
//! the warm-up, the buffer stayed under its cap and no signaling error was sent.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Serialize;
use serde_json::json;
use tokio::task::JoinSet;

use super::probe::{Probe, Sample};
use super::{probe, start_target, LoadtestError, LoadtestOptions, Target};
use crate::scenario::{Churn, ViewerMode};
use crate::stats::ObjectCounts;
use crate::synthetic::{
    run_broadcasters, run_viewers, BroadcastOptions, Progress, SignalingClient, SpeechPattern, ViewerOptions,
};

/// One pass/fail check of a soak.
#[derive(Debug, Clone, Serialize)]
pub struct SoakCheck {
    pub name: String,
    pub pass: bool,
    pub detail: String,
}

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
    pub buffer_bytes_max: u64,
    pub buffer_cap_bytes: u64,
    pub signaling_errors: u64,
    pub signaling_errors_by_code: std::collections::BTreeMap<String, u64>,
    pub counts_after: Option<ObjectCounts>,
    /// Routers and WebRTC transports mediasoup still held after the run (in-process only).
    pub mediasoup_objects_after: Option<(usize, usize)>,
    pub checks: Vec<SoakCheck>,
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
                c.detail
            )?;
        }
        writeln!(f, "{}", if self.passed { "PASS" } else { "FAIL" })
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
    let (server, url, tls) = start_target(&options.scenario, &options.target).await?;
    let result = match probe(server.as_ref(), &options.target) {
        Ok(probe) => soak_with(&options, &churn, &probe, &url, tls).await,
        Err(e) => Err(e),
    };
    if let Some(server) = server {
        if let Err(e) = server.shutdown().await {
            tracing::warn!(error = %e, "in-process server did not stop cleanly");
        }
    }
    result
}

async fn soak_with(
    options: &LoadtestOptions,
    churn: &Churn,
    probe: &Probe<'_>,
    url: &str,
    tls: Option<String>,
) -> Result<SoakReport, LoadtestError> {
    let scenario = &options.scenario;
    let phase = &scenario.phases[0];
    let duration = options.duration.unwrap_or_else(|| scenario.duration());
    probe.check().await?;
    let started = Instant::now();
    let deadline = tokio::time::Instant::now() + duration;
    let first = probe.sample().await?;
    let errors_before = probe.errors_by_code().await.unwrap_or_default();
    let tally = Arc::new(Tally::default());
    let load = options.cancel.child_token();
    let mut tasks: JoinSet<()> = JoinSet::new();
    let gap = Duration::from_secs_f64(1.0 / scenario.ramp_per_sec);
    for room in 0..phase.rooms {
        let room_id = format!("{}-soak-{room}", scenario.name);
        // Broadcasters: runs of random length, each ended mid-pattern, then back.
        {
            let (url, tls, room_id, tally, load) = (
                url.to_string(),
                tls.clone(),
                room_id.clone(),
                Arc::clone(&tally),
                load.clone(),
            );
            let progress = Arc::clone(&options.progress.broadcasters);
            let (count, session, video, talk) = (
                phase.broadcasters,
                churn.broadcaster_session_secs,
                phase.video,
                scenario.talk.clone(),
            );
            let ramp = gap * phase.rooms as u32;
            tasks.spawn(async move {
                let mut rng = StdRng::seed_from_u64(talk.seed ^ room as u64);
                let mut round = 0u64;
                while tokio::time::Instant::now() < deadline && !load.is_cancelled() {
                    let mut o = BroadcastOptions::new(url.clone(), room_id.clone(), count);
                    o.target.tls_root_pem = tls.clone();
                    o.duration = session_length(&mut rng, session, deadline);
                    o.video = video;
                    o.seed = talk.seed.wrapping_add(round * 7919 + room as u64);
                    o.speech = SpeechPattern {
                        talk: Duration::from_millis(talk.talk_ms),
                        silence: Duration::from_millis(talk.silence_ms),
                        variation: talk.variation,
                    };
                    o.ramp = ramp;
                    o.progress = Arc::clone(&progress);
                    o.cancel = load.child_token();
                    if let Err(e) = run_broadcasters(o).await {
                        tracing::warn!(error = %e, "soak broadcasters failed");
                    }
                    tally.broadcaster_runs.fetch_add(1, Ordering::Relaxed);
                    round += 1;
                }
            });
        }
        // Viewers: waves that leave and rejoin.
        {
            let (url, tls, tally, load) = (url.to_string(), tls.clone(), Arc::clone(&tally), load.clone());
            let progress = Arc::clone(&options.progress.viewers);
            let (count, session, feed, seed) = (
                phase.viewers,
                churn.viewer_session_secs,
                phase.mode == ViewerMode::Feed,
                scenario.talk.seed,
            );
            let ramp = gap * phase.rooms as u32;
            tasks.spawn(async move {
                let mut rng = StdRng::seed_from_u64(seed ^ 0x5eed ^ room as u64);
                // Let the broadcasters come up first.
                tokio::time::sleep(Duration::from_millis(500)).await;
                while tokio::time::Instant::now() < deadline && !load.is_cancelled() {
                    let mut o = ViewerOptions::new(url.clone(), room_id.clone(), count);
                    o.target.tls_root_pem = tls.clone();
                    o.duration = session_length(&mut rng, session, deadline);
                    o.ramp = ramp;
                    o.feed = feed;
                    o.progress = Arc::clone(&progress);
                    o.cancel = load.child_token();
                    if let Err(e) = run_viewers(o).await {
                        tracing::warn!(error = %e, "soak viewers failed");
                    }
                    tally.viewer_runs.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    }
    if churn.socket_cuts_per_sec > 0.0 {
        let (url, tls, tally, load) = (url.to_string(), tls.clone(), Arc::clone(&tally), load.clone());
        let every = Duration::from_secs_f64(1.0 / churn.socket_cuts_per_sec);
        let rooms = phase.rooms;
        let name = scenario.name.clone();
        tasks.spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.tick().await;
            let mut n = 0usize;
            loop {
                tokio::select! {
                    _ = load.cancelled() => break,
                    _ = tokio::time::sleep_until(deadline) => break,
                    _ = tick.tick() => {}
                }
                let room = format!("{name}-soak-{}", n % rooms);
                n += 1;
                match tokio::time::timeout(CUT_TIMEOUT, cut_socket(&url, tls.as_deref(), &room, n)).await {
                    Ok(Ok(())) => tally.cuts.fetch_add(1, Ordering::Relaxed),
                    Ok(Err(e)) => {
                        tracing::warn!(error = %e, "socket cut attempt failed");
                        tally.cut_failures.fetch_add(1, Ordering::Relaxed)
                    }
                    Err(_) => tally.cut_failures.fetch_add(1, Ordering::Relaxed),
                };
            }
        });
    }

    // Sample every second while the load runs.
    let samples: Mutex<Vec<Sample>> = Mutex::new(vec![first.clone()]);
    let sampling = async {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = tokio::time::sleep_until(deadline) => break,
                _ = load.cancelled() => break,
                _ = tick.tick() => {}
            }
            if let Ok(s) = probe.sample().await {
                samples.lock().push(s);
            }
        }
    };
    sampling.await;
    let end_of_load = probe.sample().await.ok();
    // Runs end on their own within a session; bound the wait anyway.
    let grace = Duration::from_secs_f64(churn.viewer_session_secs.max(churn.broadcaster_session_secs))
        + Duration::from_secs(20);
    let drained = tokio::time::timeout(grace, async { while tasks.join_next().await.is_some() {} }).await;
    if drained.is_err() {
        load.cancel();
        while tasks.join_next().await.is_some() {}
    }
    // Cut sockets stay parked for the resume grace period.
    tokio::time::sleep(Duration::from_secs(scenario.server.resume_grace_secs)).await;
    let after = super::wait_released(probe, &options.cancel).await;
    let mediasoup = match probe.mediasoup_objects().await {
        Some(mut objects) => {
            let until = Instant::now() + Duration::from_secs(5);
            while objects != (0, 0) && Instant::now() < until {
                tokio::time::sleep(Duration::from_millis(100)).await;
                objects = probe.mediasoup_objects().await.unwrap_or(objects);
            }
            Some(objects)
        }
        None => None,
    };

    let mut samples = samples.into_inner();
    samples.extend(end_of_load.clone());
    let warmup = options
        .warmup
        .unwrap_or_else(|| Duration::from_secs_f64(churn.warmup_secs));
    let warm_at = first.at + warmup;
    let rss_warm = samples.iter().find(|s| s.at >= warm_at).and_then(|s| s.rss_bytes);
    let rss_end = end_of_load.as_ref().and_then(|s| s.rss_bytes);
    let growth = match (rss_warm, rss_end) {
        (Some(w), Some(e)) if w > 0 => Some(100.0 * (e as f64 - w as f64) / w as f64),
        _ => None,
    };
    let slope = rss_slope(samples.iter().filter(|s| s.at >= warm_at));
    let buffer_max = samples.iter().map(|s| s.buffer_bytes).max().unwrap_or(0);
    let cap = first.buffer_cap_bytes;
    let errors = after
        .as_ref()
        .map_or(0, |s| s.counts.errors.saturating_sub(first.counts.errors));
    // Errors the churn itself causes: a viewer consuming the producer of a broadcaster that was
    // just dropped. Anything else is a failure.
    let by_code: std::collections::BTreeMap<String, u64> = match probe.errors_by_code().await {
        Ok(now) => now
            .into_iter()
            .map(|(code, n)| {
                let before = errors_before.get(&code).copied().unwrap_or(0);
                (code, n.saturating_sub(before))
            })
            .filter(|(_, n)| *n > 0)
            .collect(),
        Err(e) => [(format!("unreadable /metrics: {e}"), errors.max(1))]
            .into_iter()
            .collect(),
    };
    let unexpected: u64 = by_code
        .iter()
        .filter(|(code, _)| !CHURN_ERRORS.contains(&code.as_str()))
        .map(|(_, n)| n)
        .sum();
    let p = &options.progress;
    let started_peers = Progress::get(&p.broadcasters.connected)
        + Progress::get(&p.broadcasters.failed)
        + Progress::get(&p.viewers.connected)
        + Progress::get(&p.viewers.failed);
    let connected = p.connected();
    let ratio = if started_peers == 0 {
        0.0
    } else {
        connected as f64 / started_peers as f64
    };
    let counts_after = after.as_ref().map(|s| s.counts);
    let mut checks = vec![
        SoakCheck {
            name: "no leaked objects".into(),
            pass: counts_after.is_some_and(|c| c.media_objects_released()) && mediasoup.is_none_or(|m| m == (0, 0)),
            detail: match counts_after {
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
            },
        },
        SoakCheck {
            name: "rss growth".into(),
            pass: growth.is_some_and(|g| g < churn.max_rss_growth_percent),
            detail: match (growth, rss_warm, rss_end) {
                (Some(g), Some(w), Some(e)) => format!(
                    "{g:+.2} % ({:.1} MiB after {:.0} s of warm-up, {:.1} MiB at the end, slope {} MiB/min; limit {} %)",
                    w as f64 / 1048576.0,
                    warmup.as_secs_f64(),
                    e as f64 / 1048576.0,
                    slope.map_or("-".into(), |s| format!("{s:+.3}")),
                    churn.max_rss_growth_percent
                ),
                _ => "not measured (run longer than the warm-up)".into(),
            },
        },
        SoakCheck {
            name: "buffer under its cap".into(),
            pass: buffer_max <= cap && buffer_max <= scenario.slo.max_buffer_bytes,
            detail: format!(
                "max {buffer_max} bytes, cap {cap}, SLO {}",
                scenario.slo.max_buffer_bytes
            ),
        },
        SoakCheck {
            name: "no signaling errors".into(),
            pass: unexpected == 0,
            detail: format!("{errors} error responses, {unexpected} not caused by the churn; by code: {by_code:?}"),
        },
        SoakCheck {
            name: "peers connected".into(),
            pass: ratio >= scenario.slo.min_connected_ratio,
            detail: format!(
                "{connected} of {started_peers} ({:.3}, SLO >= {})",
                ratio, scenario.slo.min_connected_ratio
            ),
        },
    ];
    if tally.cut_failures.load(Ordering::Relaxed) > 0 {
        checks.push(SoakCheck {
            name: "socket cuts".into(),
            pass: false,
            detail: format!(
                "{} cut attempts failed before the cut",
                tally.cut_failures.load(Ordering::Relaxed)
            ),
        });
    }
    let passed = checks.iter().all(|c| c.pass);
    Ok(SoakReport {
        scenario: scenario.name.clone(),
        target: match &options.target {
            Target::InProcess => "in-process".into(),
            Target::Remote { url, .. } => url.clone(),
        },
        duration_s: started.elapsed().as_secs_f64(),
        viewer_runs: tally.viewer_runs.load(Ordering::Relaxed),
        broadcaster_runs: tally.broadcaster_runs.load(Ordering::Relaxed),
        peers_started: started_peers,
        peers_connected: connected,
        socket_cuts: tally.cuts.load(Ordering::Relaxed),
        socket_cut_failures: tally.cut_failures.load(Ordering::Relaxed),
        rss_after_warmup_bytes: rss_warm,
        rss_end_bytes: rss_end,
        rss_growth_percent: growth,
        rss_slope_mib_per_min: slope,
        buffer_bytes_max: buffer_max,
        buffer_cap_bytes: cap,
        signaling_errors: errors,
        signaling_errors_by_code: by_code,
        counts_after,
        mediasoup_objects_after: mediasoup,
        checks,
        passed,
    })
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
mod tests {
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
