//! Synthetic WebRTC peers: broadcasters that send talk-spurt audio (and optional VP8 video) and
//! viewers that consume every broadcaster and measure loss, latency and jitter.
//!
//! They are real endpoints: they speak the project's signaling protocol over a WebSocket and do
//! ICE (controlling, against mediasoup's ICE-lite), DTLS 1.2 and SRTP with str0m's sans-IO
//! direct API, one UDP socket per transport. Each peer is one tokio task that owns its `Rtc`,
//! socket and signaling client; a run owns all its tasks in a `JoinSet` and stops them with one
//! `CancellationToken`, so [`run_broadcasters`] and [`run_viewers`] return only after every peer
//! has left and closed its socket.

mod broadcaster;
mod connection;
mod failover;
pub mod feed_check;
pub mod live;
pub mod media;
pub mod received_stream;
mod report;
pub mod signaling;
pub mod taste;
mod viewer;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

pub use connection::udp_candidate;
pub use media::{SpeechPattern, VideoPattern};
pub use report::{run_peers, PacketCounter, PeerReport, Report, StreamReport, Summary};
pub use signaling::{SignalingClient, SignalingError};
pub use viewer::receive_capabilities;

/// Why a synthetic peer (or a whole run) failed.
#[derive(Debug, thiserror::Error)]
pub enum SyntheticError {
    #[error(transparent)]
    Signaling(#[from] SignalingError),
    #[error("unexpected answer from the server: {0}")]
    Protocol(String),
    #[error("WebRTC: {0}")]
    Rtc(str0m::RtcError),
    #[error("socket: {0}")]
    Io(std::io::Error),
    #[error("ICE/DTLS did not connect within {0:?}")]
    ConnectTimeout(Duration),
    #[error("invalid options: {0}")]
    Options(String),
    /// A moderator ended the peer's session (`removed`, `roomClosed`): it does not come back.
    #[error("ended by the server: {0}")]
    Ended(String),
}

impl SyntheticError {
    /// The server answered `media_reset`: the room's worker died and `mediaReset` follows.
    pub(crate) fn is_media_reset(&self) -> bool {
        matches!(self, SyntheticError::Signaling(e) if e.code() == Some(crate::protocol::ErrorCode::MediaReset))
    }

    /// The signaling connection closed under the peer (its server went away).
    pub(crate) fn is_connection_lost(&self) -> bool {
        matches!(self, SyntheticError::Signaling(SignalingError::Closed))
    }
}

/// Where the peers connect and how they identify.
#[derive(Debug, Clone)]
pub struct Target {
    /// `ws://host:port/ws` or `wss://...`.
    pub url: String,
    pub room: String,
    /// Firebase ID token, when the server requires one.
    pub token: Option<String>,
    /// Extra PEM root certificate to trust for `wss://` (a `--dev-tls` server's certificate).
    pub tls_root_pem: Option<String>,
    /// Other nodes of a cluster (`ws://host:port/ws`). A peer whose node goes away (its
    /// signaling connection closes) or sends it elsewhere (a `redirect` notification) joins
    /// another node and sets its media up again there, counted as a media reset with its
    /// recovery time: a live node that any reachable node lists at `/cluster/nodes` (the peer
    /// also reads that list after each join), else these in turn.
    pub fallback_urls: Vec<String>,
    /// False: a peer whose node goes away or sends it elsewhere stops there (as one that does
    /// not come back), reporting why.
    pub failover: bool,
}

impl Target {
    /// The `join` request of a peer in `role` (with the token, when there is one).
    pub(crate) fn join_request(&self, role: &str, display_name: String) -> serde_json::Value {
        let mut join = serde_json::json!({"room": self.room, "role": role, "displayName": display_name});
        if let Some(token) = &self.token {
            join["token"] = serde_json::json!(token);
        }
        join
    }
}

/// `sfu synthetic-broadcast`.
#[derive(Debug, Clone)]
pub struct BroadcastOptions {
    pub target: Target,
    pub count: usize,
    /// How long each broadcaster sends once connected.
    pub duration: Duration,
    pub video: bool,
    pub seed: u64,
    pub speech: SpeechPattern,
    pub video_pattern: VideoPattern,
    /// Topic tags sent in the producers' `appData` (`{"topics": [...]}`); none when empty.
    pub topics: Vec<String>,
    /// Delay between starting two peers (spreads the signaling burst and the 20 ms ticks).
    pub ramp: Duration,
    pub progress: Arc<Progress>,
    pub cancel: CancellationToken,
}

/// `sfu synthetic-viewer`.
#[derive(Debug, Clone)]
pub struct ViewerOptions {
    pub target: Target,
    pub count: usize,
    /// How long each viewer stays once connected.
    pub duration: Duration,
    pub ramp: Duration,
    /// Send one PLI on each video stream this long after its first packet (tests the key frame
    /// path end to end).
    pub pli_after: Option<Duration>,
    /// Listen to the room's rerouted feed (`subscribeFeed`) instead of every broadcaster live.
    pub feed: bool,
    /// Every this long after connecting, act out a network change: move to a new local UDP
    /// port and `restartIce`, as a client does when its address changes.
    pub network_change_every: Option<Duration>,
    /// With `feed`: ask for the feed's video too, and check it (continuity, key frame first).
    pub video: bool,
    /// With `feed`: a hidden taste seeded so (see [`taste`]): like some speakers, skip the
    /// others after about a second, and report skip rate and listen-through.
    pub taste: Option<u64>,
    /// With `feed`: speakers (their uids) the viewer mutes (`setPreferences`) right after
    /// subscribing: its feed never plays them and waits through their utterances.
    pub mute: Vec<String>,
    pub progress: Arc<Progress>,
    pub cancel: CancellationToken,
}

impl BroadcastOptions {
    pub fn new(url: impl Into<String>, room: impl Into<String>, count: usize) -> BroadcastOptions {
        BroadcastOptions {
            target: Target::new(url, room),
            count,
            duration: Duration::from_secs(10),
            video: false,
            seed: 1,
            speech: SpeechPattern::default(),
            video_pattern: VideoPattern::default(),
            topics: Vec::new(),
            ramp: Duration::from_millis(5),
            progress: Arc::default(),
            cancel: CancellationToken::new(),
        }
    }
}

impl ViewerOptions {
    pub fn new(url: impl Into<String>, room: impl Into<String>, count: usize) -> ViewerOptions {
        ViewerOptions {
            target: Target::new(url, room),
            count,
            duration: Duration::from_secs(10),
            ramp: Duration::from_millis(5),
            pli_after: None,
            feed: false,
            network_change_every: None,
            video: false,
            taste: None,
            mute: Vec::new(),
            progress: Arc::default(),
            cancel: CancellationToken::new(),
        }
    }
}

impl Target {
    pub fn new(url: impl Into<String>, room: impl Into<String>) -> Target {
        Target {
            url: url.into(),
            room: room.into(),
            token: None,
            tls_root_pem: None,
            fallback_urls: Vec::new(),
            failover: true,
        }
    }
}

/// Live counters a caller may poll while a run goes on (the CLI's progress bar).
#[derive(Debug, Default)]
pub struct Progress {
    pub connected: AtomicU64,
    pub failed: AtomicU64,
    pub finished: AtomicU64,
    pub packets_sent: AtomicU64,
    pub packets_received: AtomicU64,
    /// Live streams: packets the senders sent (first to highest counter seen), and of those the
    /// distinct ones that arrived; the difference is the loss so far.
    pub packets_expected: AtomicU64,
    pub packets_counted: AtomicU64,
    /// One-way latencies of the packets received.
    pub latency: live::LatencyBuckets,
}

impl Progress {
    pub fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }

    pub fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }
}

/// Runs `count` broadcasters until `duration` has passed (or `cancel`), then has them leave.
pub async fn run_broadcasters(options: BroadcastOptions) -> Result<Report, SyntheticError> {
    check(&options.target, options.count)?;
    broadcaster::run(options).await
}

/// Runs `count` viewers that consume every broadcaster of the room, then has them leave.
pub async fn run_viewers(options: ViewerOptions) -> Result<Report, SyntheticError> {
    check(&options.target, options.count)?;
    viewer::run(options).await
}

/// Limits that keep one run from exhausting the machine by a typo.
const MAX_PEERS: usize = 10_000;

fn check(target: &Target, count: usize) -> Result<(), SyntheticError> {
    signaling::check_url(&target.url)?;
    if count == 0 || count > MAX_PEERS {
        return Err(SyntheticError::Options(format!(
            "count must be 1..={MAX_PEERS}, got {count}"
        )));
    }
    if target.room.is_empty() {
        return Err(SyntheticError::Options("room must not be empty".into()));
    }
    Ok(())
}

/// Microseconds since the Unix epoch: the clock every synthetic peer on the machine shares, so
/// a viewer in another process computes one-way latency from a broadcaster's stamp.
pub fn epoch_us() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0)
}
