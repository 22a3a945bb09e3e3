//! `sfu inspect`: the live rooms of a running server, from its admin API, as tables or JSON.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use sfu::cluster::wire::{ClusterRoom, NodeRecord};
use sfu::dump::{RoomDump, ServerDump};
use sfu::http_client::HttpClient;

#[derive(clap::Args)]
pub struct InspectArgs {
    /// The server: `http(s)://HOST:PORT` (its signaling URL `ws(s)://HOST:PORT/ws` works too).
    #[arg(long, env = "SFU_URL", default_value = "http://127.0.0.1:8080")]
    url: String,
    /// The server's admin token (admin.token / SFU_ADMIN_TOKEN on the server).
    #[arg(long, env = "SFU_ADMIN_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Only this room.
    #[arg(long)]
    room: Option<String>,
    /// Print the dump as one JSON document (per refresh with --watch, one per line).
    #[arg(long)]
    json: bool,
    /// Refresh every SECONDS until interrupted; CPU shows as a percentage between refreshes.
    #[arg(long, value_name = "SECONDS", num_args = 0..=1, default_missing_value = "2")]
    watch: Option<f64>,
    /// Trust this CA certificate (PEM) instead of the system roots, e.g. a `--dev-tls` server's.
    #[arg(long, value_name = "FILE")]
    ca_cert: Option<PathBuf>,
}

pub fn run(args: InspectArgs) -> anyhow::Result<()> {
    let token = args
        .token
        .as_deref()
        .context("the admin API needs the server's admin token: pass --token or set SFU_ADMIN_TOKEN")?;
    if let Some(w) = args.watch {
        anyhow::ensure!(
            w.is_finite() && (0.2..=3600.0).contains(&w),
            "--watch takes 0.2 to 3600 seconds, not {w}"
        );
    }
    let ca = match &args.ca_cert {
        Some(path) => {
            Some(std::fs::read_to_string(path).with_context(|| format!("cannot read --ca-cert {}", path.display()))?)
        }
        None => None,
    };
    let client = HttpClient::new(ca.as_deref())?;
    // Checked before connecting, so a typo is reported as such.
    sfu::http_client::admin::rooms_url(&args.url, args.room.as_deref())
        .context("--url must be http(s)://HOST:PORT (or ws(s)://HOST:PORT/ws) and --room a room name")?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let mut previous: Option<(Instant, ServerDump)> = None;
        loop {
            let dump = sfu::http_client::admin::fetch(&client, &args.url, token, args.room.as_deref()).await?;
            let now = Instant::now();
            if args.json {
                println!("{}", serde_json::to_string(&dump)?);
            } else {
                if args.watch.is_some() {
                    // Clear the screen and go home, like watch(1).
                    print!("\x1b[2J\x1b[H");
                }
                let since = previous.as_ref().map(|(at, d)| (now.duration_since(*at), d));
                print!("{}", render(&dump, since, args.room.as_deref()));
                print!(
                    "{}",
                    render_cluster(cluster_nodes(&client, &args.url, token).await.as_ref())
                );
            }
            let Some(every) = args.watch else { return Ok(()) };
            previous = Some((now, dump));
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs_f64(every)) => {}
                _ = tokio::signal::ctrl_c() => return Ok(()),
            }
        }
    })
}

/// What `/cluster/nodes` answers: the node asked, whether it reaches Redis, the live nodes.
#[derive(serde::Deserialize)]
struct ClusterNodes {
    node: String,
    degraded: bool,
    nodes: Vec<NodeRecord>,
}

/// The cluster's nodes, when the server is a node of one (a 404 or an error: none).
async fn cluster_nodes(client: &HttpClient, url: &str, token: &str) -> Option<ClusterNodes> {
    let url = sfu::http_client::admin::cluster_nodes_url(url).ok()?;
    client.get_json(&url, Some(token)).await.ok()
}

/// The cluster's nodes with their load and pipes; nothing for a server on its own.
fn render_cluster(cluster: Option<&ClusterNodes>) -> String {
    let mut out = String::new();
    let Some(c) = cluster else { return out };
    let degraded = if c.degraded {
        ", DEGRADED: Redis unreachable, list may be stale"
    } else {
        ""
    };
    let _ = writeln!(out, "\ncluster: {} nodes (asked {}{degraded})", c.nodes.len(), c.node);
    let _ = writeln!(
        out,
        "  {:<20} {:>6} {:>6} {:>6} {:>10}  url",
        "node", "peers", "rooms", "cpu", "pipes o/i"
    );
    for n in &c.nodes {
        let pipes = format!("{}/{}", n.pipes_out, n.pipes_in);
        let mark = if n.draining { " (draining)" } else { "" };
        let _ = writeln!(
            out,
            "  {:<20} {:>6} {:>6} {:>5.0}% {:>10}  {}{mark}",
            n.id, n.peers, n.rooms, n.cpu_percent, pipes, n.url
        );
    }
    render_cluster_rooms(&mut out, &sfu::cluster::wire::cluster_rooms(&c.nodes));
    out
}

/// Each room of the cluster with its home and its edges; an edge's pipes as the home counts
/// them (out) and as the edge does (in): they differ while pipes are set up or torn down.
fn render_cluster_rooms(out: &mut String, rooms: &[ClusterRoom]) {
    if rooms.is_empty() {
        return;
    }
    let _ = writeln!(out, "\ncluster rooms: {}", rooms.len());
    let _ = writeln!(
        out,
        "  {:<24} {:<20} {:>6}  edges (pipes out/in)",
        "room", "home", "pipes"
    );
    for r in rooms {
        let pipes: usize = r.edges.iter().map(|e| e.pipes_out).sum();
        let edges: Vec<String> = r
            .edges
            .iter()
            .map(|e| {
                let from = e.from.as_ref().map(|h| format!(" from {h}")).unwrap_or_default();
                format!("{} {}/{}{from}", e.node, e.pipes_out, e.pipes_in)
            })
            .collect();
        let edges = if edges.is_empty() {
            "-".to_string()
        } else {
            edges.join(", ")
        };
        let home = r.home.as_deref().unwrap_or("(none live)");
        let _ = writeln!(out, "  {:<24} {:<20} {:>6}  {edges}", r.room, home, pipes);
    }
}

fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut v = n as f64;
    let mut unit = 0;
    while v >= 1000.0 && unit < UNITS.len() - 1 {
        v /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

fn duration(secs: f64) -> String {
    let s = secs as u64;
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m{:02}s", s / 60, s % 60),
        _ => format!("{}h{:02}m", s / 3600, (s % 3600) / 60),
    }
}

fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

/// Plain-text tables of one dump; `since` is the previous dump (for CPU percentages).
fn render(d: &ServerDump, since: Option<(Duration, &ServerDump)>, room: Option<&str>) -> String {
    let mut out = String::new();
    render_summary(&mut out, d);
    render_workers(&mut out, d, since);
    if d.rooms.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            room.map_or("no rooms".to_string(), |r| format!("no room {r:?}"))
        );
    }
    for r in &d.rooms {
        render_room(&mut out, r);
    }
    out
}

/// The server's counts, process, buffer and feeds.
fn render_summary(out: &mut String, d: &ServerDump) {
    let c = &d.counts;
    let _ = writeln!(
        out,
        "sfu {}  up {}{}  rooms {}  peers {}  transports {}  producers {}  consumers {}  feeds {}",
        d.version,
        duration(d.uptime_secs),
        if d.draining { "  DRAINING" } else { "" },
        c.rooms,
        c.peers,
        c.transports,
        c.producers,
        c.consumers,
        c.feeds
    );
    let _ = writeln!(
        out,
        "process  rss {}  cpu {}  signaling messages {}  errors {}",
        d.process.rss_bytes.map_or("-".into(), bytes),
        d.process.cpu_seconds.map_or("-".into(), |s| format!("{s:.1}s")),
        c.messages,
        c.errors
    );
    let b = &d.buffer;
    let _ = writeln!(
        out,
        "buffer   {} of {}  utterances live {} finished {}  readers {}  evictions {} ({} while read)  refused {}",
        bytes(b.bytes_used as u64),
        bytes(b.cap_bytes as u64),
        b.live,
        b.finished,
        b.readers,
        b.evictions,
        b.evictions_while_read,
        b.refused
    );
    let _ = writeln!(
        out,
        "feeds    {} running  packets {}  switches {}  send errors {}",
        d.feeds.feeds, d.feeds.packets, d.feeds.switches, d.feeds.send_errors
    );
    let x = d.feeds.external;
    if x != Default::default() {
        let _ = writeln!(
            out,
            "external recommender  answered {}  timed out {}  failed {}  refused {}",
            x.answered, x.timed_out, x.failed, x.refused
        );
    }
}

/// One line per worker, with its CPU share since the previous dump.
fn render_workers(out: &mut String, d: &ServerDump, since: Option<(Duration, &ServerDump)>) {
    let _ = writeln!(
        out,
        "\nworker  tid      cpu      cpu%   rooms  peers  ports              state"
    );
    for w in &d.workers {
        let pct = since.and_then(|(dt, prev)| {
            // A replaced worker is a new thread: its CPU time started again from zero.
            let prev = prev
                .workers
                .iter()
                .find(|p| p.index == w.index && p.restarts == w.restarts)?;
            Some(100.0 * (w.cpu_seconds? - prev.cpu_seconds?) / dt.as_secs_f64())
        });
        // The first dump: the server's own measure over its last seconds.
        let pct = pct.or((!w.dead).then_some(w.cpu_percent));
        let state = match (w.dead, w.restarts) {
            (true, _) => "DEAD".to_string(),
            (false, 0) => "running".to_string(),
            (false, n) => format!("running (replaced {n}x)"),
        };
        let _ = writeln!(
            out,
            "{:<7} {:<8} {:<8} {:<6} {:<6} {:<6} {:<18} {}",
            w.index,
            w.tid,
            w.cpu_seconds.map_or("-".into(), |s| format!("{s:.1}s")),
            pct.map_or("-".into(), |p| format!("{p:.0}")),
            w.rooms,
            w.peers,
            w.ports.join(" "),
            state
        );
    }
}

fn render_room(out: &mut String, r: &RoomDump) {
    let _ = writeln!(
        out,
        "\nroom {}  worker {}  peers {}  buffer {} (live {}, finished {}, readers {})",
        r.id,
        r.worker,
        r.peers.len(),
        bytes(r.buffer.bytes as u64),
        r.buffer.live,
        r.buffer.finished,
        r.buffer.readers
    );
    if r.routers.len() > 1 {
        let routers: Vec<String> = r
            .routers
            .iter()
            .map(|x| {
                let what = if x.home {
                    "home".to_string()
                } else {
                    format!("{} pipes", x.pipes)
                };
                format!("worker {} ({what}, {} peers)", x.worker, x.peers)
            })
            .collect();
        let _ = writeln!(out, "  routers: {}", routers.join("; "));
    }
    let _ = writeln!(
        out,
        "  {:<9} {:<14} {:<12} {:<36} {:<22} {:<9} feed",
        "peer", "name", "role", "transports (dir ice/dtls)", "producers", "consumers"
    );
    for p in &r.peers {
        let transports: Vec<String> = p
            .transports
            .iter()
            .map(|t| format!("{} {}/{}", t.direction, t.ice_state, t.dtls_state))
            .collect();
        let producers: Vec<String> = p
            .producers
            .iter()
            .map(|pr| {
                format!(
                    "{}{}{}",
                    pr.kind,
                    if pr.paused { " paused" } else { "" },
                    if pr.recorded { " rec" } else { "" }
                )
            })
            .collect();
        let paused = p.consumers.iter().filter(|c| c.paused || c.producer_paused).count();
        let consumers = if paused > 0 {
            format!("{} ({paused} paused)", p.consumers.len())
        } else {
            p.consumers.len().to_string()
        };
        let _ = writeln!(
            out,
            "  {:<9} {:<14} {:<12} {:<36} {:<22} {:<9} {}",
            short(&p.peer_id),
            p.display_name.as_deref().unwrap_or("-"),
            p.role,
            if p.busy {
                "(busy)".to_string()
            } else {
                transports.join(", ")
            },
            producers.join(", "),
            consumers,
            if p.feed.is_some() { "yes" } else { "-" }
        );
    }
    render_ids(out, r);
}

/// The full ids a moderator names (`sfu admin mute --producer`, `delete-utterance --id`).
fn render_ids(out: &mut String, r: &RoomDump) {
    for p in &r.peers {
        for pr in &p.producers {
            let _ = writeln!(out, "  producer {}  {}  peer {}", pr.id, pr.kind, p.peer_id);
        }
    }
    if r.utterances.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "  {:<10} {:<36} {:<10} {:<9} readers",
        "utterance", "speaker uid", "state", "duration"
    );
    for u in &r.utterances {
        let _ = writeln!(
            out,
            "  {:<10} {:<36} {:<10} {:<9} {}",
            u.id,
            u.speaker_uid,
            u.state,
            format!("{:.1}s", u.duration_ms as f64 / 1000.0),
            u.readers
        );
    }
}
