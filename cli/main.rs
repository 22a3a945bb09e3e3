//! `sfu`: one binary, one subcommand per job. Each subcommand is a few lines over the library.

mod admin;
mod inspect;
mod loadtest;
mod serve;
mod synthetic;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

// jemalloc for the Rust side (the mediasoup worker's C++ keeps glibc's malloc): with glibc's
// malloc RSS climbed while the utterance buffer churned at its cap (docs/benchmarks.md, issue 21).
#[cfg(feature = "jemalloc")]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(
    name = "sfu",
    version,
    about = "A mediasoup SFU for live voice rooms, with its load-testing toolkit"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the SFU: workers, rooms, WebSocket signaling, demo page.
    Serve(Box<serve::ServeArgs>),
    /// Fake broadcasters with real ICE/DTLS/SRTP and synthetic speech.
    SyntheticBroadcast(synthetic::BroadcastArgs),
    /// Fake viewers that consume live producers or the feed and measure latency and loss.
    SyntheticViewer(synthetic::ViewerArgs),
    /// Run a scenario end to end and check its SLOs.
    Loadtest(loadtest::LoadtestArgs),
    /// Long run with churn that checks for leaks.
    Soak(loadtest::LoadtestArgs),
    /// Show the live rooms of a running server (its admin API).
    Inspect(inspect::InspectArgs),
    /// A moderator's actions: kick, mute, close a room, delete or export utterances.
    Admin(admin::AdminArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => report(serve::run(*args)),
        Command::SyntheticBroadcast(args) => report(synthetic::broadcast(args)),
        Command::SyntheticViewer(args) => report(synthetic::viewer(args)),
        Command::Loadtest(args) => loadtest::loadtest(args),
        Command::Soak(args) => loadtest::soak(args),
        Command::Inspect(args) => report(inspect::run(args)),
        Command::Admin(args) => report(admin::run(args)),
    }
}

fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
