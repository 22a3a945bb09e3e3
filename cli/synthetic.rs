//! `sfu synthetic-broadcast` and `sfu synthetic-viewer`: flags onto the library's options, a
//! progress bar while the peers run, then a table or one JSON document.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sfu::synthetic::{
    run_broadcasters, run_viewers, BroadcastOptions, Progress, Report, SpeechPattern, Target, ViewerOptions,
};
use tokio_util::sync::CancellationToken;
use tracing_subscriber::EnvFilter;

#[derive(Args)]
pub struct Common {
    /// Signaling URL of the server.
    #[arg(long, default_value = "ws://127.0.0.1:8080/ws")]
    url: String,
    /// Room to join (created on first join).
    #[arg(long)]
    room: String,
    /// Number of peers.
    #[arg(long, default_value_t = 1)]
    count: usize,
    /// How long each peer stays once connected (e.g. 10s, 500ms, 2m).
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    duration: Duration,
    /// Delay between starting two peers.
    #[arg(long, default_value = "5ms", value_parser = parse_duration)]
    ramp: Duration,
    /// Firebase ID token, when the server requires one.
    #[arg(long, env = "SFU_TOKEN")]
    token: Option<String>,
    /// Extra PEM root certificate to trust for wss:// (a --dev-tls server's certificate).
    #[arg(long, value_name = "FILE")]
    ca: Option<PathBuf>,
    /// Worker threads of the async runtime (1 measures the cost per core).
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Print one JSON document instead of the table (and no progress bar).
    #[arg(long)]
    json: bool,
    /// Another node of a cluster (ws://HOST:PORT/ws; repeat for more): when the peer's node
    /// goes away (or sends it elsewhere), it joins a live node that any reachable node lists at
    /// /cluster/nodes, else these in turn, and sets its media up again there.
    #[arg(long = "fallback-url", value_name = "URL")]
    fallback_urls: Vec<String>,
    /// Stop a peer whose node goes away (or sends it elsewhere) instead of moving it.
    #[arg(long)]
    no_failover: bool,
}

#[derive(Args)]
pub struct BroadcastArgs {
    #[command(flatten)]
    common: Common,
    /// Also send VP8 video.
    #[arg(long)]
    video: bool,
    /// Seed of the talk pattern (same seed, same spurts).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Mean talk spurt length.
    #[arg(long, default_value = "2s", value_parser = parse_duration)]
    talk: Duration,
    /// Mean silence length.
    #[arg(long, default_value = "1s", value_parser = parse_duration)]
    silence: Duration,
    /// Random variation of spurts and silences, as a fraction of the mean (0..0.9).
    #[arg(long, default_value_t = 0.3)]
    variation: f64,
    /// A topic tag for the producers' appData (repeatable, at most 8; a-z 0-9 - _ .): the
    /// learning recommender learns viewers' tastes by topic too.
    #[arg(long = "topic", value_name = "TOPIC")]
    topics: Vec<String>,
}

#[derive(Args)]
pub struct ViewerArgs {
    #[command(flatten)]
    common: Common,
    /// Send one PLI on each video stream this long after its first packet.
    #[arg(long, value_parser = parse_duration)]
    pli_after: Option<Duration>,
    /// Listen to the room's rerouted feed (one stream, switched utterance by utterance) instead
    /// of every broadcaster live; the report adds the feed's switches and continuity checks.
    #[arg(long)]
    feed: bool,
    /// With --feed: also receive the feed's video, and check that each speaker's video in it
    /// starts on a key frame.
    #[arg(long, requires = "feed")]
    video: bool,
    /// With --feed: give each viewer a hidden taste seeded so (it likes about one speaker in
    /// three and sends `like`, skips the others after ~1 s); the report adds the skip rate.
    #[arg(long, requires = "feed", value_name = "SEED")]
    taste: Option<u64>,
}

pub fn broadcast(args: BroadcastArgs) -> anyhow::Result<()> {
    let c = &args.common;
    let mut options = BroadcastOptions::new(c.url.clone(), c.room.clone(), c.count);
    options.target = target(c)?;
    options.duration = c.duration;
    options.ramp = c.ramp;
    options.video = args.video;
    options.seed = args.seed;
    // The server's own rule, checked here so that a typo is not a refused produce per peer.
    sfu::topic::Topics::from_app_data(Some(&serde_json::json!({ "topics": args.topics })))
        .map_err(|e| anyhow::anyhow!("--topic: {e}"))?;
    options.topics = args.topics;
    options.speech = SpeechPattern {
        talk: args.talk,
        silence: args.silence,
        variation: args.variation,
    };
    let progress = Arc::clone(&options.progress);
    let cancel = options.cancel.clone();
    run(c, progress, cancel, "sending", run_broadcasters(options))
}

pub fn viewer(args: ViewerArgs) -> anyhow::Result<()> {
    let c = &args.common;
    let mut options = ViewerOptions::new(c.url.clone(), c.room.clone(), c.count);
    options.target = target(c)?;
    options.duration = c.duration;
    options.ramp = c.ramp;
    options.pli_after = args.pli_after;
    options.feed = args.feed;
    options.video = args.video;
    options.taste = args.taste;
    let progress = Arc::clone(&options.progress);
    let cancel = options.cancel.clone();
    run(c, progress, cancel, "receiving", run_viewers(options))
}

fn target(c: &Common) -> anyhow::Result<Target> {
    let mut t = Target::new(c.url.clone(), c.room.clone());
    t.token = c.token.clone();
    for url in &c.fallback_urls {
        sfu::synthetic::signaling::check_url(url).with_context(|| format!("--fallback-url {url}"))?;
    }
    t.fallback_urls = c.fallback_urls.clone();
    t.failover = !c.no_failover;
    if let Some(path) = &c.ca {
        t.tls_root_pem =
            Some(std::fs::read_to_string(path).with_context(|| format!("cannot read CA file {}", path.display()))?);
    }
    Ok(t)
}

fn run(
    c: &Common,
    progress: Arc<Progress>,
    cancel: CancellationToken,
    verb: &'static str,
    work: impl std::future::Future<Output = Result<Report, sfu::synthetic::SyntheticError>>,
) -> anyhow::Result<()> {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("error")))
        .with_writer(std::io::stderr)
        .try_init();
    let runtime = runtime(c.threads)?;
    let bar = progress_bar(
        c.json,
        c.count as u64,
        "{spinner} [{elapsed_precise}] {pos}/{len} connected {msg}",
    );
    let report = runtime.block_on(with_progress(work, bar.clone(), progress, cancel, verb));
    bar.finish_and_clear();
    print_summary(c, &report?)
}

/// One thread: a current-thread runtime; more: a multi-thread one.
fn runtime(threads: usize) -> anyhow::Result<tokio::runtime::Runtime> {
    if threads <= 1 {
        tokio::runtime::Builder::new_current_thread().enable_all().build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads)
            .enable_all()
            .build()
    }
    .context("cannot start the async runtime")
}

/// A bar of `count` peers drawn with `template` on a terminal; none with `--json` or when
/// stderr is not one.
pub(crate) fn progress_bar(json: bool, count: u64, template: &str) -> ProgressBar {
    if json || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(count), ProgressDrawTarget::stderr());
    bar.set_style(ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()));
    bar
}

/// Runs `work` while the bar ticks and Ctrl-C cancels it.
async fn with_progress<T>(
    work: impl std::future::Future<Output = T>,
    bar: ProgressBar,
    progress: Arc<Progress>,
    cancel: CancellationToken,
    verb: &'static str,
) -> T {
    let ticker_cancel = CancellationToken::new();
    let ticker_task = {
        let t = ticker_cancel.clone();
        let ticker = tick(bar, progress, cancel.clone(), verb);
        tokio::spawn(async move {
            tokio::select! {
                _ = t.cancelled() => {}
                _ = ticker => {}
            }
        })
    };
    let ctrl_c = {
        let t = ticker_cancel.clone();
        tokio::spawn(async move {
            tokio::select! {
                _ = t.cancelled() => {}
                r = tokio::signal::ctrl_c() => if r.is_ok() { cancel.cancel() },
            }
        })
    };
    let result = work.await;
    ticker_cancel.cancel();
    let _ = ticker_task.await;
    let _ = ctrl_c.await;
    result
}

/// Updates the bar every 200 ms until the run is cancelled.
async fn tick(bar: ProgressBar, progress: Arc<Progress>, cancel: CancellationToken, verb: &'static str) {
    let mut tick = tokio::time::interval(Duration::from_millis(200));
    loop {
        tokio::select! {
            _ = cancel.cancelled() => break,
            _ = tick.tick() => {}
        }
        bar.set_position(Progress::get(&progress.connected));
        bar.set_message(format!(
            "({} failed), {} packets {verb}",
            Progress::get(&progress.failed),
            Progress::get(&progress.packets_sent) + Progress::get(&progress.packets_received)
        ));
    }
}

/// Prints the summary as a table or JSON; an error when a peer failed.
fn print_summary(c: &Common, report: &Report) -> anyhow::Result<()> {
    let s = &report.summary;
    if c.json {
        println!("{}", serde_json::to_string_pretty(s)?);
    } else {
        print!("{s}");
    }
    if s.failed > 0 {
        let first = s.errors.first().map(String::as_str).unwrap_or("did not connect");
        bail!("{} of {} peers failed: {first}", s.failed, s.peers);
    }
    Ok(())
}

/// `10s`, `500ms`, `2m`, `1.5s`, or a plain number of seconds.
pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let (number, unit) = match t.find(|c: char| !(c.is_ascii_digit() || c == '.')) {
        Some(i) => t.split_at(i),
        None => (t, "s"),
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration (e.g. 10s, 500ms, 2m)"))?;
    let secs = match unit {
        "ms" => value / 1000.0,
        "s" => value,
        "m" => value * 60.0,
        "h" => value * 3600.0,
        _ => return Err(format!("{text:?}: unknown unit {unit:?} (use ms, s, m or h)")),
    };
    if !secs.is_finite() || !(0.0..=86_400.0).contains(&secs) {
        return Err(format!("{text:?} is out of range (0 to 24h)"));
    }
    Ok(Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::parse_duration;
    use std::time::Duration;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10s"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("3"), Ok(Duration::from_secs(3)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert!(parse_duration("x").is_err());
        assert!(parse_duration("5d").is_err());
        assert!(parse_duration("-1s").is_err());
    }
}
