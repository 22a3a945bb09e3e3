//! `sfu loadtest` and `sfu soak`: flags onto the library's options, a progress bar while the
//! peers run, then the report as a table or one JSON document. Exit codes: 0 every SLO (or soak
//! check) held, 1 some failed, 2 bad input (unreadable or invalid scenario, bad flags).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use indicatif::ProgressBar;
use sfu::loadtest::{
    html, run_loadtest, run_soak, server_config, LoadProgress, LoadtestError, LoadtestOptions, Target,
};
use sfu::scenario::Scenario;
use tokio_util::sync::CancellationToken;
use tracing_subscriber::EnvFilter;

use crate::synthetic::{parse_duration, progress_bar};

#[derive(Args)]
pub struct LoadtestArgs {
    /// Scenario file (scenarios/*.toml).
    scenario: PathBuf,
    /// Load a running server instead of starting one in-process (ws://host:port/ws). A
    /// [cluster] scenario takes one --url per node, in node order (its nodes and Redis are then
    /// not started).
    #[arg(long)]
    url: Vec<String>,
    /// Admin token of the --url server (its admin API is sampled every second).
    #[arg(long, env = "SFU_ADMIN_TOKEN")]
    admin_token: Option<String>,
    /// Extra PEM root certificate to trust for wss:// and https:// (a --dev-tls server's).
    #[arg(long, value_name = "FILE")]
    ca: Option<PathBuf>,
    /// Print one JSON document instead of the table (and no progress bar).
    #[arg(long)]
    json: bool,
    /// Replaces the scenario's duration_secs (e.g. 30s, 10m).
    #[arg(long, value_parser = parse_duration)]
    duration: Option<Duration>,
    /// sfu soak: replaces churn.warmup_secs, the time before RSS is measured (e.g. 5m for a
    /// 10m soak: the utterance buffer and the allocator fill up first).
    #[arg(long, value_parser = parse_duration)]
    warmup: Option<Duration>,
    /// Replaces every phase's viewers per room (the capacity ramp: scripts/capacity).
    #[arg(long, value_name = "N")]
    viewers: Option<usize>,
    /// Print the in-process server's config for this scenario as TOML (a `sfu serve --config`
    /// file for --url runs: same workers, buffer, ports and raised limits) and exit.
    #[arg(long)]
    print_server_config: bool,
    /// Also write the report as one self-contained HTML page with charts (no network needed to
    /// open it).
    #[arg(long, value_name = "FILE.html")]
    report: Option<PathBuf>,
    /// Worker threads of the async runtime that runs the peers (and the in-process server).
    #[arg(long, default_value_t = 2)]
    threads: usize,
}

pub fn loadtest(args: LoadtestArgs) -> ExitCode {
    run(args, false)
}

pub fn soak(args: LoadtestArgs) -> ExitCode {
    run(args, true)
}

fn bad_input(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn run(args: LoadtestArgs, soak: bool) -> ExitCode {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("error")))
        .with_writer(std::io::stderr)
        .try_init();
    let scenario = match scenario(&args, soak) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if args.print_server_config {
        return print_server_config(&scenario);
    }
    let target = match target(&args) {
        Ok(t) => t,
        Err(code) => return code,
    };
    if let Some(path) = &args.report {
        // Refuse an unwritable path before the run, not after it.
        if let Err(e) = std::fs::write(path, "") {
            return bad_input(format!("cannot write the report to {}: {e}", path.display()));
        }
    }
    let total = scenario.peers() as u64;
    let mut options = LoadtestOptions::new(scenario);
    options.target = target;
    options.duration = args.duration;
    options.warmup = args.warmup;
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(args.threads.max(1))
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bar = progress_bar(
        args.json,
        total,
        "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} connected {msg}",
    );
    let outcome = runtime.block_on(run_with_bar(options, soak, args.json, bar));
    write_report(args.report.as_deref(), outcome)
}

/// The scenario with the flags that change it, checked against the command (exit code 2 when
/// the input is bad).
fn scenario(args: &LoadtestArgs, soak: bool) -> Result<Scenario, ExitCode> {
    let mut scenario = Scenario::load(&args.scenario).map_err(bad_input)?;
    if let Some(n) = args.viewers {
        scenario.set_viewers(n, &args.scenario).map_err(bad_input)?;
    }
    if args.warmup.is_some() && !soak {
        return Err(bad_input("--warmup is for sfu soak"));
    }
    if soak && scenario.churn.is_none() && !args.print_server_config {
        return Err(bad_input(format!(
            "scenario {} has no [churn] table; sfu soak needs one",
            args.scenario.display()
        )));
    }
    Ok(scenario)
}

fn print_server_config(scenario: &Scenario) -> ExitCode {
    match toml::to_string_pretty(&server_config(scenario)) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot render the server config: {e}");
            ExitCode::FAILURE
        }
    }
}

/// In-process, or the `--url` server with its admin token and CA.
fn target(args: &LoadtestArgs) -> Result<Target, ExitCode> {
    let tls_root_pem = match &args.ca {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(pem) => Some(pem),
            Err(e) => return Err(bad_input(format!("cannot read CA file {}: {e}", path.display()))),
        },
        None => None,
    };
    match (args.url.as_slice(), &args.admin_token) {
        ([], _) => Ok(Target::InProcess),
        ([url], Some(token)) => Ok(Target::Remote {
            url: url.clone(),
            admin_token: token.clone(),
            tls_root_pem,
        }),
        (urls, Some(token)) => Ok(Target::Nodes {
            urls: urls.to_vec(),
            admin_token: token.clone(),
            tls_root_pem,
        }),
        (_, None) => Err(bad_input(
            "--url needs --admin-token (or SFU_ADMIN_TOKEN) to sample the server",
        )),
    }
}

/// What a run ends with: passed, the report's text, the failed SLOs' lines, and the HTML page.
type Outcome = Result<(bool, String, Vec<String>, String), LoadtestError>;

/// Writes the HTML page to `path` (when asked), then prints the report and exits.
fn write_report(path: Option<&std::path::Path>, outcome: Outcome) -> ExitCode {
    match (path, &outcome) {
        (Some(path), Ok((_, _, _, html))) => {
            if let Err(e) = std::fs::write(path, html) {
                eprintln!("error: cannot write the report to {}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
        // The run could not be done: no page, not the empty file the check left.
        (Some(path), Err(_)) => {
            let _ = std::fs::remove_file(path);
        }
        (None, _) => {}
    }
    exit(outcome)
}

/// Runs the load test or the soak while the bar ticks.
async fn run_with_bar(options: LoadtestOptions, soak: bool, json: bool, bar: ProgressBar) -> Outcome {
    let progress = Arc::clone(&options.progress);
    let cancel = options.cancel.clone();
    let done = CancellationToken::new();
    let ticker = tokio::spawn(tick(bar.clone(), progress, cancel, done.clone()));
    let result = if soak {
        run_soak(options)
            .await
            .map(|r| (r.passed, render(&r, json), Vec::new(), html::soak_report(&r)))
    } else {
        run_loadtest(options).await.map(|r| {
            let failed = r.failed_slos().map(|s| s.to_string()).collect::<Vec<_>>();
            (r.passed, render(&r, json), failed, html::load_report(&r))
        })
    };
    done.cancel();
    let _ = ticker.await;
    bar.finish_and_clear();
    result
}

/// The report as one JSON document, or as its table.
fn render<R: serde::Serialize + std::fmt::Display>(report: &R, json: bool) -> String {
    if json {
        serde_json::to_string_pretty(report).unwrap_or_default()
    } else {
        report.to_string()
    }
}

/// Prints the report; the exit code: 0 passed, 1 failed (each failed SLO on stderr), 2 the run
/// could not be done.
fn exit(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok((passed, text, failed, _)) => {
            println!("{text}");
            if passed {
                ExitCode::SUCCESS
            } else {
                for f in failed {
                    eprintln!("SLO failed: {}", f.trim_start_matches("FAIL").trim());
                }
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Updates the bar and turns Ctrl-C into a cancellation, until `done`.
async fn tick(bar: ProgressBar, progress: Arc<LoadProgress>, cancel: CancellationToken, done: CancellationToken) {
    let mut tick = tokio::time::interval(Duration::from_millis(200));
    loop {
        tokio::select! {
            _ = done.cancelled() => break,
            r = tokio::signal::ctrl_c() => if r.is_ok() { cancel.cancel() },
            _ = tick.tick() => {
                bar.set_position(progress.connected());
                bar.set_message(format!("({} failed), {} packets received", progress.failed(), progress.packets_received()));
            }
        }
    }
}
