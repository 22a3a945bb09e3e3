//! `sfu serve`: config from file + `SFU_*` + flags, logs, signals, graceful shutdown.

use std::net::{IpAddr, SocketAddr};
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, ValueEnum};
use sfu::config::{parse_port_range, AuthMode, Config, LogFormat, Mode, Overrides};
use sfu::tls::ReloadError;
use sfu::Server;
use tracing_subscriber::EnvFilter;

#[derive(Args)]
pub struct ServeArgs {
    /// TOML config file; flags and SFU_* variables override it.
    #[arg(long, env = "SFU_CONFIG")]
    config: Option<PathBuf>,
    /// HTTP/WebSocket listen address.
    #[arg(long, env = "SFU_LISTEN", value_name = "ADDR:PORT")]
    listen: Option<SocketAddr>,
    /// development (default) or production (refuses unsafe defaults).
    #[arg(long, env = "SFU_MODE", value_enum)]
    mode: Option<ModeArg>,
    /// mediasoup workers; 0 = one per core.
    #[arg(long, env = "SFU_WORKERS")]
    workers: Option<usize>,
    /// Local IP the media sockets bind to.
    #[arg(long, env = "SFU_RTC_IP")]
    rtc_ip: Option<IpAddr>,
    /// IP or host name clients send media to (put in ICE candidates).
    #[arg(long, env = "SFU_ANNOUNCED_ADDRESS")]
    announced_address: Option<String>,
    /// Media port range, MIN-MAX.
    #[arg(long, env = "SFU_RTC_PORTS", value_name = "MIN-MAX", value_parser = parse_port_range)]
    rtc_ports: Option<RangeInclusive<u16>>,
    /// Log format.
    #[arg(long, env = "SFU_LOG_FORMAT", value_enum)]
    log_format: Option<LogFormatArg>,
    /// PEM certificate chain for HTTPS/WSS.
    #[arg(long, env = "SFU_TLS_CERT", value_name = "FILE")]
    tls_cert: Option<PathBuf>,
    /// PEM private key for HTTPS/WSS.
    #[arg(long, env = "SFU_TLS_KEY", value_name = "FILE")]
    tls_key: Option<PathBuf>,
    /// Bearer token for the admin API (`/admin/rooms`, `sfu inspect`); unset disables it.
    #[arg(long, env = "SFU_ADMIN_TOKEN", hide_env_values = true)]
    admin_token: Option<String>,
    /// Serve HTTPS/WSS with a self-signed certificate made at start (local development).
    #[arg(long, env = "SFU_DEV_TLS")]
    dev_tls: bool,
    /// none (anyone joins, development only) or firebase (a Firebase ID token is required).
    #[arg(long, env = "SFU_AUTH_MODE", value_enum)]
    auth_mode: Option<AuthModeArg>,
    /// Firebase project whose ID tokens are accepted.
    #[arg(long, env = "SFU_FIREBASE_PROJECT_ID", value_name = "ID")]
    firebase_project_id: Option<String>,
    /// Trust the Firebase Auth emulator at HOST:PORT (unsigned tokens; never in production).
    #[arg(long, env = "FIREBASE_AUTH_EMULATOR_HOST", value_name = "HOST:PORT")]
    firebase_auth_emulator_host: Option<String>,
    /// The project's public web API key, published at /auth/config for the demo page's sign-in.
    #[arg(long, env = "SFU_FIREBASE_API_KEY", value_name = "KEY")]
    firebase_api_key: Option<String>,
    /// The project's auth domain (e.g. my-project.firebaseapp.com), for the page's sign-in.
    #[arg(long, env = "SFU_FIREBASE_AUTH_DOMAIN", value_name = "HOST")]
    firebase_auth_domain: Option<String>,
    /// A TURN server that takes REST credentials signed with --turn-secret (repeat, or
    /// comma-separate in SFU_TURN_URLS), e.g. turn:turn.example.com:3478?transport=udp.
    #[arg(long = "turn-url", env = "SFU_TURN_URLS", value_delimiter = ',', value_name = "URL")]
    turn_urls: Vec<String>,
    /// coturn's static-auth-secret, for the --turn-url servers.
    #[arg(long, env = "SFU_TURN_SECRET", hide_env_values = true)]
    turn_secret: Option<String>,
    /// Join a cluster of nodes sharing this Redis (redis://HOST:PORT); see docs/cluster.md.
    #[arg(long = "cluster", env = "SFU_CLUSTER", value_name = "REDIS_URL")]
    cluster: Option<String>,
    /// This node's id in the cluster (default: node- and 8 random hex digits).
    #[arg(long, env = "SFU_NODE_ID", value_name = "ID")]
    node_id: Option<String>,
    /// The URL clients and the other nodes reach this node at (default: the listen address).
    #[arg(long, env = "SFU_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// The IP the node-to-node pipes bind and that the other nodes send them media at
    /// (cluster.pipe_listen_ip; default: --rtc-ip, which must then not be 0.0.0.0).
    #[arg(long, env = "SFU_PIPE_IP", value_name = "IP")]
    pipe_ip: Option<std::net::IpAddr>,
    /// The secret shared by every node of the cluster (signs node-to-node requests).
    #[arg(long, env = "SFU_CLUSTER_SECRET", hide_env_values = true)]
    cluster_secret: Option<String>,
    /// Print the effective configuration as TOML and exit. Secrets (admin token, TURN
    /// secrets, ICE credentials) print as "<redacted>".
    #[arg(long)]
    print_config: bool,
    /// Check the effective configuration with start-up's rules and exit: 0 and "configuration
    /// ok", or 1 and what to fix. Reads no TLS file and binds no port. With --print-config,
    /// prints it only when it is valid.
    #[arg(long)]
    check_config: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum ModeArg {
    Development,
    Production,
}

#[derive(Clone, Copy, ValueEnum)]
enum AuthModeArg {
    None,
    Firebase,
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormatArg {
    Text,
    Json,
}

pub fn run(args: ServeArgs) -> anyhow::Result<()> {
    let (print, check, file) = (args.print_config, args.check_config, args.config.clone());
    let config = Config::load(file.as_deref(), &overrides(args)?)?;
    if check {
        config.validate().context("invalid configuration")?;
    }
    if print {
        print!(
            "{}",
            toml::to_string_pretty(&config.redacted()).context("cannot render the config")?
        );
    } else if check {
        eprintln!(
            "configuration ok ({} mode)",
            format!("{:?}", config.mode).to_lowercase()
        );
    }
    if print || check {
        return Ok(());
    }
    config.validate().context("invalid configuration")?;
    config.check_addresses().context("invalid configuration")?;
    init_logs(&config)?;

    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let drain = Duration::from_secs(config.limits.drain_secs);
    runtime.block_on(async move {
        let handle = Server::start(config).await?;
        announce(&handle);
        let token = handle.shutdown_token();
        tokio::select! {
            signal = serve_until_signal(&handle) => {
                let name = signal?;
                if !drain.is_zero() {
                    tracing::info!(signal = name, drain_secs = drain.as_secs(), "draining; signal again to stop now");
                    eprintln!("draining for up to {}s (no new joins); {name} again to stop now", drain.as_secs());
                    tokio::select! {
                        _ = handle.drain(drain) => {}
                        again = shutdown_signal() => tracing::info!(signal = again?, "stopping now"),
                    }
                }
                tracing::info!("shutting down");
            }
            _ = token.cancelled() => {}
        }
        handle.shutdown().await?;
        Ok(())
    })
}

fn overrides(args: ServeArgs) -> anyhow::Result<Overrides> {
    Ok(Overrides {
        listen: args.listen,
        mode: args.mode.map(|m| match m {
            ModeArg::Development => Mode::Development,
            ModeArg::Production => Mode::Production,
        }),
        workers: args.workers,
        rtc_listen_ip: args.rtc_ip,
        announced_address: args.announced_address,
        rtc_ports: args.rtc_ports,
        log_format: args.log_format.map(|f| match f {
            LogFormatArg::Text => LogFormat::Text,
            LogFormatArg::Json => LogFormat::Json,
        }),
        tls_cert: args.tls_cert,
        tls_key: args.tls_key,
        dev_tls: args.dev_tls,
        admin_token: args.admin_token,
        auth_mode: args.auth_mode.map(|m| match m {
            AuthModeArg::None => AuthMode::None,
            AuthModeArg::Firebase => AuthMode::Firebase,
        }),
        firebase_project_id: args.firebase_project_id,
        firebase_auth_emulator_host: args.firebase_auth_emulator_host,
        firebase_api_key: args.firebase_api_key,
        firebase_auth_domain: args.firebase_auth_domain,
        cluster_redis_url: args.cluster,
        cluster_node_id: args.node_id,
        cluster_public_url: args.public_url,
        cluster_secret: args.cluster_secret,
        cluster_pipe_ip: args.pipe_ip,
        turn: match (args.turn_urls.is_empty(), args.turn_secret) {
            (true, None) => None,
            (false, Some(secret)) => Some((args.turn_urls, secret)),
            (true, Some(_)) => anyhow::bail!("--turn-secret (SFU_TURN_SECRET) needs --turn-url (SFU_TURN_URLS)"),
            (false, None) => anyhow::bail!("--turn-url (SFU_TURN_URLS) needs --turn-secret (SFU_TURN_SECRET)"),
        },
    })
}

/// The "serving on" line (tests and people read it).
fn announce(handle: &sfu::ServerHandle) {
    let addr = handle.local_addr();
    let shown = if addr.ip().is_unspecified() {
        SocketAddr::from(([127, 0, 0, 1], addr.port()))
    } else {
        addr
    };
    let (http, ws) = if handle.tls_certificate_pem().is_some() {
        ("https", "wss")
    } else {
        ("http", "ws")
    };
    eprintln!("sfu serving on {http}://{shown}/ (signaling {ws}://{shown}/ws); Ctrl-C to stop");
}

/// Serves, reloading the TLS certificate on each SIGHUP, until SIGTERM or SIGINT (its name).
async fn serve_until_signal(handle: &sfu::ServerHandle) -> anyhow::Result<&'static str> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut hup = signal(SignalKind::hangup()).context("cannot listen for SIGHUP")?;
    let stop = shutdown_signal();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            name = &mut stop => return name,
            _ = hup.recv() => match handle.reload_tls().await {
                // The reloader logs the outcome of a reload itself.
                Ok(_) | Err(ReloadError::Invalid(_)) => {}
                Err(e @ ReloadError::NotFromFiles) => tracing::info!(error = %e, "SIGHUP"),
            },
        }
    }
}

async fn shutdown_signal() -> anyhow::Result<&'static str> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate()).context("cannot listen for SIGTERM")?;
    let mut int = signal(SignalKind::interrupt()).context("cannot listen for SIGINT")?;
    Ok(tokio::select! {
        _ = term.recv() => "SIGTERM",
        _ = int.recv() => "SIGINT",
    })
}

fn init_logs(config: &Config) -> anyhow::Result<()> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(v) if !v.is_empty() => {
            EnvFilter::try_new(&v).with_context(|| format!("RUST_LOG={v:?} is not a valid log filter"))?
        }
        _ => EnvFilter::try_new(&config.log.filter)
            .with_context(|| format!("log.filter {:?} is not a valid log filter", config.log.filter))?,
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match config.log.format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
    Ok(())
}
