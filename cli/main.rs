//! `sfu`: one binary, one subcommand per job. Each subcommand is a few lines over the library.

mod inspect;
mod serve;
mod synthetic;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
    Serve(serve::ServeArgs),
    /// Fake broadcasters with real ICE/DTLS/SRTP and synthetic speech.
    SyntheticBroadcast(synthetic::BroadcastArgs),
    /// Fake viewers that consume live producers or the feed and measure latency and loss.
    SyntheticViewer(synthetic::ViewerArgs),
    /// Run a scenario end to end and check its SLOs.
    Loadtest(NotYet),
    /// Long run with churn that checks for leaks.
    Soak(NotYet),
    /// Show the live rooms of a running server (its admin API).
    Inspect(inspect::InspectArgs),
}

/// Subcommands whose issue has not landed yet take any arguments and say so.
#[derive(clap::Args)]
struct NotYet {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    _args: Vec<String>,
}

fn not_yet(name: &str) -> ExitCode {
    eprintln!("error: `sfu {name}` is not implemented yet");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => report(serve::run(args)),
        Command::SyntheticBroadcast(args) => report(synthetic::broadcast(args)),
        Command::SyntheticViewer(args) => report(synthetic::viewer(args)),
        Command::Loadtest(_) => not_yet("loadtest"),
        Command::Soak(_) => not_yet("soak"),
        Command::Inspect(args) => report(inspect::run(args)),
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
