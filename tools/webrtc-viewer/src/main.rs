//! `sfu-webrtc-viewer`: N webrtc-crate viewers, with the flags and the report of
//! `sfu synthetic-viewer`, for `scripts/bench-webrtc-compare`.

use std::time::Duration;

use anyhow::{bail, Context};
use clap::Parser;
use sfu::synthetic::{Target, ViewerOptions};
use sfu_webrtc_viewer::Interceptors;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    version,
    about = "Synthetic viewers on the webrtc crate (webrtc-rs), for comparison with sfu synthetic-viewer"
)]
struct Args {
    /// Signaling URL of the server.
    #[arg(long, default_value = "ws://127.0.0.1:8080/ws")]
    url: String,
    /// Room to join.
    #[arg(long)]
    room: String,
    /// Number of viewers.
    #[arg(long, default_value_t = 1)]
    count: usize,
    /// How long each viewer stays once connected, in seconds.
    #[arg(long, default_value_t = 10.0)]
    duration: f64,
    /// Delay between starting two viewers, in milliseconds.
    #[arg(long, default_value_t = 5)]
    ramp_ms: u64,
    /// Worker threads of the async runtime (1, a current-thread runtime, measures the cost per
    /// core, like `sfu synthetic-viewer --threads 1`).
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// The crate's interceptors: `receiver` (NACK + RTCP reports, as str0m), `none`, or
    /// `default` (register_default_interceptors).
    #[arg(long, default_value = "receiver", value_parser = parse_interceptors)]
    interceptors: Interceptors,
    /// Print one JSON document instead of the table.
    #[arg(long)]
    json: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let _ = tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("error")))
        .with_writer(std::io::stderr)
        .try_init();
    if !(args.duration.is_finite() && (0.0..=86_400.0).contains(&args.duration)) {
        bail!("--duration must be 0..=86400 seconds");
    }
    let mut options = ViewerOptions::new(args.url.clone(), args.room.clone(), args.count);
    options.target = Target::new(args.url.clone(), args.room.clone());
    options.duration = Duration::from_secs_f64(args.duration);
    options.ramp = Duration::from_millis(args.ramp_ms);
    let cancel = options.cancel.clone();
    let runtime = if args.threads <= 1 {
        tokio::runtime::Builder::new_current_thread().enable_all().build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(args.threads)
            .enable_all()
            .build()
    }
    .context("cannot start the async runtime")?;
    let report = runtime.block_on(async {
        let interrupted = CancelOnCtrlC::spawn(cancel);
        let report = sfu_webrtc_viewer::run_viewers(options, args.interceptors).await;
        interrupted.stop().await;
        report
    })?;
    let s = &report.summary;
    if args.json {
        println!("{}", serde_json::to_string_pretty(s)?);
    } else {
        print!("{s}");
    }
    if s.failed > 0 {
        let first = s.errors.first().map(String::as_str).unwrap_or("did not connect");
        bail!("{} of {} viewers failed: {first}", s.failed, s.peers);
    }
    Ok(())
}

/// Ctrl-C makes every viewer leave; the task ends with the run.
struct CancelOnCtrlC {
    done: tokio_util::sync::CancellationToken,
    task: tokio::task::JoinHandle<()>,
}

impl CancelOnCtrlC {
    fn spawn(cancel: tokio_util::sync::CancellationToken) -> CancelOnCtrlC {
        let done = tokio_util::sync::CancellationToken::new();
        let stop = done.clone();
        let task = tokio::spawn(async move {
            tokio::select! {
                _ = stop.cancelled() => {}
                r = tokio::signal::ctrl_c() => if r.is_ok() { cancel.cancel() },
            }
        });
        CancelOnCtrlC { done, task }
    }

    async fn stop(self) {
        self.done.cancel();
        let _ = self.task.await;
    }
}

fn parse_interceptors(text: &str) -> Result<Interceptors, String> {
    match text {
        "receiver" => Ok(Interceptors::Receiver),
        "none" => Ok(Interceptors::None),
        "default" => Ok(Interceptors::Default),
        _ => Err(format!("{text:?}: expected receiver, none or default")),
    }
}
