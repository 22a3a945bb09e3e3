//! Feed path vs live path, side by side in one run: packets delivered to viewers per server
//! CPU-second, through the rerouted feed (tap → utterance buffer → feed engine → one batch per
//! turn to the DirectTransport → each viewer's producer → consumer) and through plain mediasoup
//! consumers of the live producers.
//!
//! The server runs as its own process (`sfu serve`, one worker), so its CPU is read from
//! `/proc/<pid>/stat` apart from the synthetic peers, which run here. Phases, in one run with
//! the same broadcasters talking throughout: idle (broadcasters only: ingest and recording),
//! live viewers (of every broadcaster: BROADCASTERS streams each), live viewers of a second room
//! with one broadcaster (one stream each, like a feed viewer, so the per-viewer costs of a
//! transport, RTCP and timers are spread over as many packets as on the feed), feed viewers. The marginal cost of a delivered packet is the phase's server CPU
//! minus the idle rate over the same time, divided by the packets the viewers received.
//!
//! That server runs with `[feed] share_playouts = false`: every feed viewer gets a private
//! stream into the worker, the worst case. A second server, with shared playouts on (the
//! default), then runs live viewers of one broadcaster again and the **shared** phase: feed
//! viewers of a room whose one broadcaster begins to talk once they are all in, so that every
//! feed waits for the next utterance, is woken by its onset and starts it at the same grid
//! instant: one producer carries it for all of them. Its ratio is against the live phases of
//! its own server, and each of the two phases has one broadcaster on the server (the live
//! phase's stops before the feed phase). For the shared case the run also prints what a
//! viewer's second costs (server CPU per viewer-second, live over feed): the feed sends nothing
//! while it waits through a speaker's silence, which a live stream (no DTX) carries. The
//! steady table says, for each feed phase, how many viewers' packets one packet the engine
//! sent into the worker became (the group's size). (A private feed's audio is
//! addressed straight to its viewer's consumer, skipping its producer and the router; the
//! run prints the share of packets that went so.)
//!
//! A last phase, on the second server, measures the feed's latency: VIEWERS feed viewers in a
//! room where one speaker talks with long pauses, so feeds wait and are woken by each speech
//! onset. The servers report (admin API) how late packets left against their playout schedule
//! and the time from an onset seen by the tap to the first packet sent to a woken feed.
//!
//! usage: cargo bench --bench feed_vs_live [-- VIEWERS [SECONDS [BROADCASTERS [ROUNDS]]]]
//! (defaults 100 viewers, 15 s per phase, 2 broadcasters, 1 round). With ROUNDS > 1 each server
//! then measures live viewers of one stream and its feed phase again, ROUNDS in all, and the
//! feed / live ratio of each round (two adjacent phases) is printed with its median: the
//! spread says how far this machine moved one ratio. Prints a table (each phase's CPU
//! also split between the worker thread and the rest of the server, per delivered packet) and
//! one JSON line; on stderr, each phase's start and the server's pid (to attach a profiler).
//! Each viewer phase is also measured in its **steady window**: from 2 s after every viewer is
//! in until 3 s before they leave, so the viewers' joins (ICE, DTLS, signaling) and leaves,
//! which weigh on a phase of 15 s, are left out and what remains is the cost of the packets.
//! `SFU_BENCH_SERVER=PATH` runs that `sfu` binary as the server instead of this build's, so two
//! builds (an allocator A/B) are measured by the same peers, alternating, without a rebuild; for
//! a build from before shared playouts add `SFU_BENCH_LEGACY=1` (no `[feed]` settings, no second
//! server).

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sfu::feed::FeedStats;
use sfu::procfs::{pid_cpu_time, pid_threads_cpu_time};
use sfu::synthetic::media::SpeechPattern;
use sfu::synthetic::{run_broadcasters, run_viewers, BroadcastOptions, Progress, ViewerOptions};

use common::{median, WORKER_THREAD};

const ADMIN_TOKEN: &str = "bench-admin-token-0123456789";

struct Server {
    child: Child,
    ws_url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server(share_playouts: bool) -> Server {
    let binary = std::env::var_os("SFU_BENCH_SERVER").unwrap_or_else(|| env!("CARGO_BIN_EXE_sfu").into());
    let mut child = Command::new(binary)
        .args([
            "serve",
            "--workers",
            "1",
            "--rtc-ports",
            "42000-42100",
            "--listen",
            "127.0.0.1:0",
        ])
        .env("RUST_LOG", "warn")
        .env("SFU_ADMIN_TOKEN", ADMIN_TOKEN)
        // More than the default 50 WebSockets from one address (all peers are on loopback).
        .env("SFU_CONFIG", config_file(share_playouts))
        .stderr(Stdio::piped())
        .spawn()
        .expect("sfu serve starts");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if let Some(rest) = line.strip_prefix("sfu serving on http://") {
                let _ = tx.send(rest.split('/').next().unwrap_or_default().to_string());
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("sfu serve prints its address");
    Server {
        child,
        ws_url: format!("ws://{addr}/ws"),
    }
}

/// A config file raising the per-IP connection limit for hundreds of local peers.
fn config_file(share_playouts: bool) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("sfu-bench-{}-{share_playouts}.toml", std::process::id()));
    std::fs::write(
        &path,
        format!(
            "[limits]\nmax_connections_per_ip = 5000\nnew_connections_per_ip_per_sec = 5000\nnew_connections_burst_per_ip = 5000\n{}",
            if legacy() {
                String::new()
            } else {
                format!("[feed]\nshare_playouts = {share_playouts}\n")
            }
        ),
    )
    .expect("write the bench config");
    path
}

/// A server from before shared playouts (`SFU_BENCH_LEGACY=1`).
fn legacy() -> bool {
    std::env::var_os("SFU_BENCH_LEGACY").is_some_and(|v| v == "1")
}

struct Phase {
    name: String,
    seconds: f64,
    server_cpu_s: f64,
    /// The part of `server_cpu_s` spent by the mediasoup worker thread; the rest is the Rust
    /// side (signaling, the feed engine, the crate's channel, tokio).
    worker_cpu_s: f64,
    packets: u64,
    /// The same over the phase's steady window (every viewer in, none leaving yet).
    steady: Option<Window>,
}

/// A stretch of a phase: how long, the server's CPU (all, the worker's), packets received.
#[derive(Clone, Copy)]
struct Window {
    seconds: f64,
    server_cpu_s: f64,
    worker_cpu_s: f64,
    packets: u64,
    /// On a feed phase: the packets the feed engine sent into the worker meanwhile (a shared
    /// playout's once for its whole group), so `packets / sent` is how many viewers' packets
    /// one packet into the worker became.
    sent: Option<u64>,
}

impl Window {
    /// Viewers' packets per packet the feed engine sent into the worker.
    fn fan_out(&self) -> Option<f64> {
        self.sent.filter(|&n| n > 0).map(|n| self.packets as f64 / n as f64)
    }

    fn per_cpu(&self) -> f64 {
        if self.server_cpu_s > 0.0 {
            self.packets as f64 / self.server_cpu_s
        } else {
            0.0
        }
    }

    /// µs per delivered packet, all in: the worker thread's and the rest of the process's.
    fn split_us(&self) -> (f64, f64) {
        let per = |cpu_s: f64| {
            if self.packets > 0 {
                1e6 * cpu_s / self.packets as f64
            } else {
                0.0
            }
        };
        (per(self.worker_cpu_s), per(self.server_cpu_s - self.worker_cpu_s))
    }
}

/// The steady window of a phase whose viewers report to `progress`: from 2 s after all
/// `viewers` are in, `secs - 5` seconds long (`None` for phases under 8 s, or when the viewers
/// never all came in). On a feed phase the engine's counters are read just outside the
/// window's CPU samples, so that the admin request's own cost stays out of it.
async fn steady_window(server: &Server, progress: &Progress, viewers: usize, secs: u64, feed: bool) -> Option<Window> {
    let sample = || {
        let (cpu, worker) = server_cpu(server);
        (Instant::now(), cpu, worker, Progress::get(&progress.packets_received))
    };
    let sent = || async {
        match feed {
            true => Some(feed_stats(server).await.packets),
            false => None,
        }
    };
    if secs < 8 || !all_in(progress, viewers).await {
        return None;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let s0 = sent().await;
    let (t0, c0, w0, p0) = sample();
    tokio::time::sleep(Duration::from_secs(secs - 5)).await;
    let (t1, c1, w1, p1) = sample();
    let s1 = sent().await;
    Some(Window {
        seconds: (t1 - t0).as_secs_f64(),
        server_cpu_s: c1 - c0,
        worker_cpu_s: w1 - w0,
        packets: p1 - p0,
        sent: s0.zip(s1).map(|(a, b)| b - a),
    })
}

/// Waits until all `viewers` are in (or failed); false if that takes over 30 s.
async fn all_in(progress: &Progress, viewers: usize) -> bool {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Progress::get(&progress.connected) + Progress::get(&progress.failed) < viewers as u64 {
        if Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    true
}

/// The server's CPU seconds so far: the whole process and its worker threads.
fn server_cpu(server: &Server) -> (f64, f64) {
    let pid = server.child.id();
    let worker = pid_threads_cpu_time(pid, WORKER_THREAD).expect("worker threads' CPU");
    let all = pid_cpu_time(pid).expect("server CPU");
    (all.as_secs_f64(), worker.as_secs_f64())
}

/// Runs `viewers` viewers of `room` (live or feed) for `secs` and the server's CPU meanwhile.
/// A `speaker` for the room starts once every viewer is in (and stops with the phase): its
/// first onset then wakes every feed at once.
async fn measure(
    server: &Server,
    name: &str,
    room: &str,
    viewers: usize,
    secs: u64,
    feed: bool,
    speaker: Option<BroadcastOptions>,
) -> Phase {
    eprintln!("bench: phase {name:?} starts (server pid {})", server.child.id());
    let mut v = ViewerOptions::new(server.ws_url.clone(), room, viewers);
    v.duration = Duration::from_secs(secs);
    v.feed = feed;
    let progress = Arc::clone(&v.progress);
    let speaker = speaker.map(|speaker| {
        let stop = speaker.cancel.clone();
        let progress = Arc::clone(&progress);
        let task = tokio::spawn(async move {
            if all_in(&progress, viewers).await {
                let _ = run_broadcasters(speaker).await;
            }
        });
        (stop, task)
    });
    let (t0, (c0, w0)) = (Instant::now(), server_cpu(server));
    let (report, steady) = tokio::join!(run_viewers(v), steady_window(server, &progress, viewers, secs, feed));
    let report = report.expect("viewers run");
    let s = &report.summary;
    assert_eq!(s.failed, 0, "{s}");
    let (c1, w1) = server_cpu(server);
    let phase = Phase {
        name: name.to_string(),
        seconds: t0.elapsed().as_secs_f64(),
        server_cpu_s: c1 - c0,
        worker_cpu_s: w1 - w0,
        packets: s.packets_received,
        steady,
    };
    if let Some((stop, task)) = speaker {
        // It leaves (not parked for a resume) before the next phase.
        stop.cancel();
        let _ = task.await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    phase
}

/// The feed engine's numbers, from the server's admin API.
async fn feed_stats(server: &Server) -> FeedStats {
    let http = sfu::http_client::HttpClient::new(None).expect("http client");
    sfu::http_client::admin::fetch(&http, &server.ws_url, ADMIN_TOKEN, None)
        .await
        .expect("admin dump")
        .feeds
}

/// Feeds that wait for a speaker who pauses, woken by each onset (the latency phase).
async fn onset_phase(server: &Server, viewers: usize, secs: u64) {
    let mut pauser = BroadcastOptions::new(server.ws_url.clone(), "bench-onset", 1);
    pauser.duration = Duration::from_secs(secs + 10);
    pauser.speech = SpeechPattern {
        talk: Duration::from_millis(1500),
        silence: Duration::from_millis(2500),
        variation: 0.2,
    };
    let pauser = tokio::spawn(run_broadcasters(pauser));
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut v = ViewerOptions::new(server.ws_url.clone(), "bench-onset", viewers);
    v.duration = Duration::from_secs(secs);
    v.feed = true;
    let report = run_viewers(v).await.expect("onset viewers run");
    assert_eq!(report.summary.failed, 0, "{}", report.summary);
    pauser.abort();
}

/// A phase of live viewers of one stream and the feed phase right after it, measured again
/// after the first round: a ratio of adjacent phases, repeated, shows how much the machine
/// moved it.
type Round = (Phase, Phase);

/// The broadcasters' time for `phases` phases of `secs` each (joining, leaving and the pause
/// after each phase included) and `margin` seconds more.
fn talk_time(phases: u64, secs: u64, margin: u64) -> Duration {
    Duration::from_secs(phases * (secs + 8) + margin)
}

/// On the server without shared playouts: idle, live, live with one stream, private feeds;
/// then `rounds - 1` more rounds of live with one stream and private feeds.
async fn private_phases(
    server: &Server,
    viewers: usize,
    secs: u64,
    broadcasters: usize,
    rounds: u64,
) -> (Vec<Phase>, Vec<Round>, FeedStats) {
    let mut b = BroadcastOptions::new(server.ws_url.clone(), "bench", broadcasters);
    // Idle, live, then the rounds, with margins for joining and leaving.
    b.duration = talk_time(2 + 2 * rounds, secs, 10);
    let mut one = BroadcastOptions::new(server.ws_url.clone(), "bench-one", 1);
    one.duration = b.duration;
    let talkers = tokio::spawn(run_broadcasters(b));
    // A room with one speaker: its live viewers have one stream each, as a feed viewer
    // does (the same transports, consumers and RTCP per viewer as the feed phase).
    let talker = tokio::spawn(run_broadcasters(one));
    tokio::time::sleep(Duration::from_secs(3)).await;

    let mut phases = Vec::new();
    let (t0, (c0, w0)) = (Instant::now(), server_cpu(server));
    tokio::time::sleep(Duration::from_secs(secs)).await;
    let (c1, w1) = server_cpu(server);
    phases.push(Phase {
        name: "idle (broadcasters only)".into(),
        seconds: t0.elapsed().as_secs_f64(),
        server_cpu_s: c1 - c0,
        worker_cpu_s: w1 - w0,
        packets: 0,
        steady: None,
    });
    phases.push(measure(server, "live consumers", "bench", viewers, secs, false, None).await);
    phases.push(measure(server, "live, 1 stream each", "bench-one", viewers, secs, false, None).await);
    phases.push(measure(server, "feed, private", "bench", viewers, secs, true, None).await);
    let mut rounds_after = Vec::new();
    for round in 2..=rounds {
        let live = measure(
            server,
            &format!("live, 1 stream, round {round}"),
            "bench-one",
            viewers,
            secs,
            false,
            None,
        )
        .await;
        let feed = measure(
            server,
            &format!("feed, private, round {round}"),
            "bench",
            viewers,
            secs,
            true,
            None,
        )
        .await;
        rounds_after.push((live, feed));
    }
    talkers.abort();
    talker.abort();
    if legacy() {
        onset_phase(server, viewers, secs).await;
    }
    (phases, rounds_after, feed_stats(server).await)
}

/// On a server with shared playouts: live with one stream again, then feeds of one speaker
/// (every wait ends at the same onset), then the latency phase.
async fn shared_phases(server: &Server, viewers: usize, secs: u64, rounds: u64) -> (Vec<Phase>, Vec<Round>, FeedStats) {
    let mut measured = Vec::new();
    for round in 1..=rounds {
        let suffix = if round == 1 {
            String::new()
        } else {
            format!(", round {round}")
        };
        // One broadcaster on the server in each phase: the live phase's, which stops before the
        // feed phase, and the feed phase's own. (With the live one still talking, the feed
        // phase would also pay a second speaker's ingest and recording.)
        let mut one = BroadcastOptions::new(server.ws_url.clone(), "bench-one", 1);
        one.duration = talk_time(1, secs, 5);
        let stop_one = one.cancel.clone();
        let one = tokio::spawn(run_broadcasters(one));
        tokio::time::sleep(Duration::from_secs(3)).await;
        let name = format!("live, 1 stream (server 2){suffix}");
        let live = measure(server, &name, "bench-one", viewers, secs, false, None).await;
        stop_one.cancel();
        let _ = one.await;
        // Each round's feeds in a room of its own, whose speaker begins once they are all in:
        // every feed waits for its first onset and is woken by it, at one grid instant. (A
        // speaker who had talked before they came would leave them a backlog of unheard
        // utterances, each viewer starting its own pick.)
        let room = format!("bench-shared-{round}");
        let mut speaker = BroadcastOptions::new(server.ws_url.clone(), &room, 1);
        speaker.duration = Duration::from_secs(secs + 5);
        let name = format!("feed, shared (server 2){suffix}");
        let feed = measure(server, &name, &room, viewers, secs, true, Some(speaker)).await;
        measured.push((live, feed));
    }
    onset_phase(server, viewers, secs).await;
    let mut measured = measured.into_iter();
    let (live, feed) = measured.next().expect("one round at least");
    (vec![live, feed], measured.collect(), feed_stats(server).await)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let arg = |i: usize, default: u64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let viewers = arg(0, 100) as usize;
    let secs = arg(1, 15);
    let broadcasters = arg(2, 2) as usize;
    let rounds = arg(3, 1).max(1);

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (mut phases, private_rounds, feed_stats) = {
        let server = start_server(false);
        runtime.block_on(private_phases(&server, viewers, secs, broadcasters, rounds))
    };
    let shared = (!legacy()).then(|| {
        let server = start_server(true);
        runtime.block_on(shared_phases(&server, viewers, secs, rounds))
    });
    let shared_stats = shared.as_ref().map(|(_, _, stats)| *stats);
    let mut shared_rounds = Vec::new();
    if let Some((p, r, _)) = shared {
        phases.extend(p);
        shared_rounds = r;
    }

    println!(
        "feed vs live: {viewers} viewers, {broadcasters} broadcasters, {secs} s per phase, {rounds} round(s), 1 worker"
    );
    let idle_rate = phases[0].server_cpu_s / phases[0].seconds;
    let mut json = print_phases(&phases, idle_rate);
    let later: Vec<&Phase> = private_rounds
        .iter()
        .chain(&shared_rounds)
        .flat_map(|(live, feed)| [live, feed])
        .collect();
    json.extend(print_phases(&later, 0.0));
    print_steady(phases.iter().chain(later.iter().copied()));
    let per_cpu = |p: &Phase| p.packets as f64 / p.server_cpu_s;
    let marginal = |p: &Phase| (p.server_cpu_s - idle_rate * p.seconds) / p.packets as f64;
    let (live, live_one, feed) = (&phases[1], &phases[2], &phases[3]);
    let ratio = per_cpu(feed) / per_cpu(live);
    let marginal_ratio = marginal(live) / marginal(feed);
    println!("  feed / live, packets per server CPU-second: {ratio:.2}x (marginal: {marginal_ratio:.2}x)");
    let ratio_one = per_cpu(feed) / per_cpu(live_one);
    let marginal_ratio_one = marginal(live_one) / marginal(feed);
    println!("  feed / live with 1 stream per viewer: {ratio_one:.2}x (marginal: {marginal_ratio_one:.2}x)");
    println!(
        "  private feed packets per message to the worker: {:.1} ({} packets in {} messages)",
        feed_stats.packets as f64 / feed_stats.messages.max(1) as f64,
        feed_stats.packets,
        feed_stats.messages
    );
    println!(
        "  private feed packets addressed straight to the viewer's consumer: {:.1} %",
        100.0 * feed_stats.addressed_packets as f64 / feed_stats.packets.max(1) as f64
    );
    let mut shared_json = serde_json::Value::Null;
    if let (Some(stats), [_, _, _, _, live_two, shared]) = (&shared_stats, &phases[..]) {
        let over_one = per_cpu(shared) / per_cpu(live_two);
        let over_live = per_cpu(shared) / per_cpu(live);
        println!(
            "  shared feed / live with 1 stream per viewer (server 2): {over_one:.2}x; / live with {broadcasters} streams (server 1): {over_live:.2}x"
        );
        println!(
            "  server 2: {} shared playouts, {} of {} switches into one ({:.0} %), {} packets sent once for a group, {} consumer moves",
            stats.shared_playouts,
            stats.shared_viewers,
            stats.switches,
            100.0 * stats.shared_viewers as f64 / stats.switches.max(1) as f64,
            stats.shared_packets,
            stats.consumer_moves
        );
        shared_json = serde_json::json!({"shared_over_live_one_stream": over_one, "shared_over_live": over_live, "feed_engine": stats});
    }
    let rounds_json = print_rounds(&phases, &private_rounds, &shared_rounds);
    print_latency(&feed_stats, shared_stats.as_ref());
    println!(
        "{}",
        serde_json::json!({"viewers": viewers, "broadcasters": broadcasters, "rounds": rounds, "phases": json,
            "feed_over_live": ratio, "feed_over_live_marginal": marginal_ratio,
            "feed_over_live_one_stream": ratio_one, "feed_over_live_one_stream_marginal": marginal_ratio_one,
            "feed_engine": feed_stats, "shared": shared_json, "per_round": rounds_json})
    );
}

/// The table's rows (the first four with their marginal cost over `idle_rate`, server 1's), and
/// their JSON.
fn print_phases<P: std::borrow::Borrow<Phase>>(phases: &[P], idle_rate: f64) -> Vec<serde_json::Value> {
    if idle_rate > 0.0 {
        println!(
            "  {:<38} {:>6} {:>12} {:>12} {:>10} {:>14} {:>16} {:>16}",
            "phase",
            "secs",
            "server cpu s",
            "worker cpu s",
            "packets",
            "pkts per cpu-s",
            "marginal µs/pkt",
            "worker/rest µs"
        );
    }
    let mut json = Vec::new();
    for (i, p) in phases.iter().map(|p| p.borrow()).enumerate() {
        let per_cpu = if p.server_cpu_s > 0.0 {
            p.packets as f64 / p.server_cpu_s
        } else {
            0.0
        };
        let marginal_us = if p.packets > 0 && i < 4 && idle_rate > 0.0 {
            1e6 * (p.server_cpu_s - idle_rate * p.seconds) / p.packets as f64
        } else {
            0.0
        };
        // Per delivered packet, all in: the worker thread's and the rest of the process's.
        let split = |cpu_s: f64| {
            if p.packets > 0 {
                1e6 * cpu_s / p.packets as f64
            } else {
                0.0
            }
        };
        let (worker_us, rest_us) = (split(p.worker_cpu_s), split(p.server_cpu_s - p.worker_cpu_s));
        println!(
            "  {:<38} {:>6.1} {:>12.2} {:>12.2} {:>10} {:>14.0} {:>16.2} {:>16}",
            p.name,
            p.seconds,
            p.server_cpu_s,
            p.worker_cpu_s,
            p.packets,
            per_cpu,
            marginal_us,
            format!("{worker_us:.1} / {rest_us:.1}")
        );
        let steady = p.steady.map(|w| {
            let (worker_us, rest_us) = w.split_us();
            serde_json::json!({"seconds": w.seconds, "server_cpu_s": w.server_cpu_s, "worker_cpu_s": w.worker_cpu_s,
                "packets": w.packets, "packets_per_cpu_s": w.per_cpu(), "worker_us_per_packet": worker_us,
                "rest_us_per_packet": rest_us, "engine_packets": w.sent, "packets_per_engine_packet": w.fan_out()})
        });
        json.push(serde_json::json!({
            "phase": p.name, "seconds": p.seconds, "server_cpu_s": p.server_cpu_s,
            "worker_cpu_s": p.worker_cpu_s, "packets": p.packets, "packets_per_cpu_s": per_cpu,
            "marginal_us_per_packet": marginal_us, "worker_us_per_packet": worker_us,
            "rest_us_per_packet": rest_us, "steady": steady,
        }));
    }
    json
}

/// The steady windows' rows: the packets' cost without the viewers' joins and leaves. On feed
/// phases, how many viewers' packets each packet the engine sent into the worker became (1 for
/// private feeds, a group's size for a shared playout).
fn print_steady<'a>(phases: impl Iterator<Item = &'a Phase>) {
    println!("  steady windows (every viewer in, joins and leaves left out):");
    println!(
        "  {:<38} {:>6} {:>12} {:>10} {:>14} {:>16} {:>14}",
        "phase", "secs", "server cpu s", "packets", "pkts per cpu-s", "worker/rest µs", "per engine pkt"
    );
    for p in phases {
        let Some(w) = p.steady else { continue };
        let (worker_us, rest_us) = w.split_us();
        println!(
            "  {:<38} {:>6.1} {:>12.2} {:>10} {:>14.0} {:>16} {:>14}",
            p.name,
            w.seconds,
            w.server_cpu_s,
            w.packets,
            w.per_cpu(),
            format!("{worker_us:.1} / {rest_us:.1}"),
            w.fan_out().map_or_else(|| "-".to_string(), |f| format!("{f:.1}"))
        );
    }
}

/// Feed over live with one stream in each round, each from two adjacent phases of one server,
/// and their median: what the machine's drift did to one ratio shows in the spread.
/// Also the same ratios over the steady windows.
fn print_rounds(phases: &[Phase], private: &[Round], shared: &[Round]) -> serde_json::Value {
    let whole = |live: &Phase, feed: &Phase| {
        Some((feed.packets as f64 / feed.server_cpu_s) / (live.packets as f64 / live.server_cpu_s))
    };
    let steady = |live: &Phase, feed: &Phase| Some(feed.steady?.per_cpu() / live.steady?.per_cpu());
    // The same viewers for as long: what a viewer's second costs, whatever it was sent (a
    // feed sends nothing while it waits through a speaker's silence; live sends the silence).
    let per_viewer = |live: &Phase, feed: &Phase| {
        let (l, f) = (live.steady?, feed.steady?);
        Some((l.server_cpu_s / l.seconds) / (f.server_cpu_s / f.seconds))
    };
    let first_private = (&phases[2], &phases[3]);
    let first_shared = phases.get(4).zip(phases.get(5));
    let of = |first: Option<(&Phase, &Phase)>, rest: &[Round], ratio: &dyn Fn(&Phase, &Phase) -> Option<f64>| {
        first
            .into_iter()
            .chain(rest.iter().map(|(l, f)| (l, f)))
            .filter_map(|(l, f)| ratio(l, f))
            .collect::<Vec<f64>>()
    };
    let mut json = serde_json::Map::new();
    for (key, label, ratio) in [
        (
            "",
            "feed {} / live with 1 stream",
            &whole as &dyn Fn(&Phase, &Phase) -> Option<f64>,
        ),
        ("steady_", "steady feed {} / live with 1 stream", &steady),
        (
            "steady_cpu_per_viewer_second_",
            "steady CPU per viewer-second, live with 1 stream / feed {}",
            &per_viewer,
        ),
    ] {
        let private = of(Some(first_private), private, ratio);
        let shared = of(first_shared, shared, ratio);
        for (what, ratios) in [("private", &private), ("shared (server 2)", &shared)] {
            if !ratios.is_empty() {
                let list: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
                println!(
                    "  {}, each round: {} (median {:.2})",
                    label.replace("{}", what),
                    list.join(", "),
                    median(ratios)
                );
            }
        }
        json.insert(format!("{key}private_over_live_one_stream"), private.into());
        json.insert(format!("{key}shared_over_live_one_stream"), shared.into());
    }
    json.into()
}

/// The latency phase ran on the second server (the first with SFU_BENCH_LEGACY).
fn print_latency(private: &FeedStats, shared: Option<&FeedStats>) {
    for (which, stats) in [("private feeds (server 1)", Some(private)), ("server 2", shared)] {
        let Some(stats) = stats else { continue };
        let (late, onset) = (stats.lateness_ms, stats.onset_to_first_packet_ms);
        println!(
            "  {which}: lateness vs schedule ms p50 {:.2} p99 {:.2} max {:.2} ({} packets); onset -> first packet ms p50 {:.2} p99 {:.2} max {:.2} ({} wake-ups)",
            late.p50, late.p99, late.max, late.count, onset.p50, onset.p99, onset.max, onset.count
        );
    }
}
