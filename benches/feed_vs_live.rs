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
//! A last phase measures the feed's latency: VIEWERS feed viewers in a second room where one
//! speaker talks with long pauses, so feeds wait and are woken by each speech onset. The server
//! reports (admin API) how late packets left against their playout schedule and the time from
//! an onset seen by the tap to the first packet sent to a woken feed.
//!
//! usage: cargo bench --bench feed_vs_live [-- VIEWERS [SECONDS [BROADCASTERS]]]
//! (defaults 100 viewers, 15 s per phase, 2 broadcasters). Prints a table and one JSON line.
//! `SFU_BENCH_SERVER=PATH` runs that `sfu` binary as the server instead of this build's, so two
//! builds (an allocator A/B) are measured by the same peers, alternating, without a rebuild.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sfu::procfs::pid_cpu_time;
use sfu::synthetic::media::SpeechPattern;
use sfu::synthetic::{run_broadcasters, run_viewers, BroadcastOptions, ViewerOptions};

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

fn start_server() -> Server {
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
        .env("SFU_CONFIG", config_file())
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
fn config_file() -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("sfu-bench-{}.toml", std::process::id()));
    std::fs::write(&path, "[limits]\nmax_connections_per_ip = 5000\nnew_connections_per_ip_per_sec = 5000\nnew_connections_burst_per_ip = 5000\n").expect("write the bench config");
    path
}

struct Phase {
    name: &'static str,
    seconds: f64,
    server_cpu_s: f64,
    packets: u64,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let arg = |i: usize, default: u64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let viewers = arg(0, 100) as usize;
    let secs = arg(1, 15);
    let broadcasters = arg(2, 2) as usize;

    let server = start_server();
    let pid = server.child.id();
    let cpu = || pid_cpu_time(pid).expect("server CPU").as_secs_f64();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let phases = runtime.block_on(async {
        let mut b = BroadcastOptions::new(server.ws_url.clone(), "bench", broadcasters);
        // Idle, live, live with one stream, feed, with margins for joining and leaving.
        b.duration = Duration::from_secs(4 * secs + 25);
        let mut one = BroadcastOptions::new(server.ws_url.clone(), "bench-one", 1);
        one.duration = b.duration;
        let talkers = tokio::spawn(run_broadcasters(b));
        // A room with one speaker: its live viewers have one stream each, as a feed viewer
        // does (the same transports, consumers and RTCP per viewer as the feed phase).
        let talker = tokio::spawn(run_broadcasters(one));
        tokio::time::sleep(Duration::from_secs(3)).await;

        let mut phases = Vec::new();
        let (t0, c0) = (Instant::now(), cpu());
        tokio::time::sleep(Duration::from_secs(secs)).await;
        phases.push(Phase {
            name: "idle (broadcasters only)",
            seconds: t0.elapsed().as_secs_f64(),
            server_cpu_s: cpu() - c0,
            packets: 0,
        });
        for (name, room, feed) in [
            ("live consumers", "bench", false),
            ("live, 1 stream each", "bench-one", false),
            ("feed", "bench", true),
        ] {
            let mut v = ViewerOptions::new(server.ws_url.clone(), room, viewers);
            v.duration = Duration::from_secs(secs);
            v.feed = feed;
            let (t0, c0) = (Instant::now(), cpu());
            let report = run_viewers(v).await.expect("viewers run");
            let s = &report.summary;
            assert_eq!(s.failed, 0, "{s}");
            phases.push(Phase {
                name,
                seconds: t0.elapsed().as_secs_f64(),
                server_cpu_s: cpu() - c0,
                packets: s.packets_received,
            });
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
        // Latency: feeds that wait for a speaker who pauses, woken by each onset.
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
        let http = sfu::http_client::HttpClient::new(None).expect("http client");
        let dump = sfu::http_client::admin::fetch(&http, &server.ws_url, ADMIN_TOKEN, None)
            .await
            .expect("admin dump");
        talkers.abort();
        talker.abort();
        pauser.abort();
        (phases, dump.feeds)
    });
    let (phases, feed_stats) = phases;

    let idle_rate = phases[0].server_cpu_s / phases[0].seconds;
    println!("feed vs live: {viewers} viewers, {broadcasters} broadcasters, {secs} s per phase, 1 worker");
    println!(
        "  {:<26} {:>8} {:>12} {:>12} {:>16} {:>16}",
        "phase", "secs", "server cpu s", "packets", "pkts per cpu-s", "marginal µs/pkt"
    );
    let mut json = Vec::new();
    for p in &phases {
        let marginal = p.server_cpu_s - idle_rate * p.seconds;
        let per_cpu = if p.server_cpu_s > 0.0 {
            p.packets as f64 / p.server_cpu_s
        } else {
            0.0
        };
        let marginal_us = if p.packets > 0 {
            1e6 * marginal / p.packets as f64
        } else {
            0.0
        };
        println!(
            "  {:<26} {:>8.1} {:>12.2} {:>12} {:>16.0} {:>16.2}",
            p.name, p.seconds, p.server_cpu_s, p.packets, per_cpu, marginal_us
        );
        json.push(serde_json::json!({
            "phase": p.name, "seconds": p.seconds, "server_cpu_s": p.server_cpu_s,
            "packets": p.packets, "packets_per_cpu_s": per_cpu, "marginal_us_per_packet": marginal_us,
        }));
    }
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
        "  feed packets per message to the worker: {:.1} ({} packets in {} messages)",
        feed_stats.packets as f64 / feed_stats.messages.max(1) as f64,
        feed_stats.packets,
        feed_stats.messages
    );
    let (late, onset) = (feed_stats.lateness_ms, feed_stats.onset_to_first_packet_ms);
    println!(
        "  feed lateness vs schedule ms: p50 {:.2} p99 {:.2} max {:.2} ({} packets)",
        late.p50, late.p99, late.max, late.count
    );
    println!(
        "  speech onset -> first feed packet ms: p50 {:.2} p99 {:.2} max {:.2} ({} wake-ups)",
        onset.p50, onset.p99, onset.max, onset.count
    );
    println!(
        "{}",
        serde_json::json!({"viewers": viewers, "broadcasters": broadcasters, "phases": json,
            "feed_over_live": ratio, "feed_over_live_marginal": marginal_ratio,
            "feed_over_live_one_stream": ratio_one, "feed_over_live_one_stream_marginal": marginal_ratio_one,
            "feed_engine": feed_stats})
    );
}
