//! One `Config` for `sfu serve`: embedded defaults, then a TOML file, then `SFU_*` environment
//! variables and command-line flags (the binary maps both onto [`Overrides`]), validated once at
//! start with errors that say which setting is wrong and how to fix it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, UdpSocket};
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

mod cluster;
pub use cluster::{ClusterConfig, Placement};

/// Everything `sfu serve` needs. Field names are the TOML keys (`[rtc]`, `[limits]`, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address of the HTTP/WebSocket listener.
    pub listen: SocketAddr,
    /// `production` refuses unsafe development defaults (loopback announced IP, ...).
    pub mode: Mode,
    /// Number of mediasoup workers; 0 means one per CPU core.
    pub workers: usize,
    /// Where a room's viewers go among the workers (`[placement]`).
    pub placement: PlacementConfig,
    pub rtc: RtcConfig,
    pub ice_servers: Vec<IceServerConfig>,
    /// TURN servers that take TURN REST credentials (coturn `use-auth-secret`); each joining peer
    /// gets its own time-limited username and password for them.
    pub turn: Vec<TurnServerConfig>,
    pub auth: AuthConfig,
    pub limits: Limits,
    pub tls: TlsConfig,
    pub buffer: BufferConfig,
    pub admin: AdminConfig,
    pub log: LogConfig,
    /// The feed's recommender (`[feed]`).
    pub feed: FeedSettings,
    /// A cluster of nodes on Redis (`[cluster]`, docs/cluster.md); off by default.
    pub cluster: ClusterConfig,
}

/// The admin API (`/admin/rooms`, read by `sfu inspect`) and the metrics endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AdminConfig {
    /// Bearer token that opens the admin API; without one the admin API answers 404.
    pub token: Option<String>,
    /// `/metrics` without the admin token. Unset: open in development, closed in production
    /// (room names appear in its labels). `true` opens it (a scraper on a private network),
    /// `false` closes it in development too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_metrics: Option<bool>,
    /// The older spelling of `open_metrics = false`, still read; both set is an error.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub protect_metrics: bool,
    /// `POST /admin/workers/{index}/crash` is allowed (with the admin token): a chaos drill
    /// that kills one mediasoup worker so clients show they recover. Refused in production.
    pub fault_injection: bool,
}

/// What `--print-config` shows in place of a secret.
pub const REDACTED: &str = "<redacted>";

/// The in-memory utterance buffer and the voice-activity detector that cuts utterances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BufferConfig {
    /// All utterances of all rooms together never take more than this.
    pub cap_bytes: usize,
    /// A longer monologue becomes consecutive utterances.
    pub max_utterance_ms: u64,
    /// An utterance stays open this long after the last voiced packet.
    pub hangover_ms: u64,
    /// Audio kept before the detected onset, so the first syllable is not cut.
    pub pre_roll_ms: u64,
    /// RFC 6464 level (-dBov, 0 loudest .. 127 silent) at or above which speech starts.
    pub onset_level: u8,
    /// Level that keeps an open utterance alive (quieter than onset_level: hysteresis).
    pub offset_level: u8,
    /// A room may hold at most max(this % of cap_bytes, cap_bytes / rooms holding utterances);
    /// a room over it loses its own oldest finished utterances first.
    pub room_share_percent: u8,
    /// A speaker may hold at most max(this % of its room's share, the room's share / the room's
    /// speakers); a speaker over it loses its own oldest finished utterances first.
    pub speaker_share_percent: u8,
}

impl Default for BufferConfig {
    fn default() -> Self {
        BufferConfig {
            cap_bytes: 1 << 30,
            max_utterance_ms: 15_000,
            hangover_ms: 500,
            pre_roll_ms: 300,
            onset_level: 45,
            offset_level: 55,
            room_share_percent: 25,
            speaker_share_percent: 25,
        }
    }
}

impl BufferConfig {
    /// The utterance store's settings: the cap and the fair shares.
    pub fn store(&self) -> crate::buffer::StoreConfig {
        crate::buffer::StoreConfig {
            cap_bytes: self.cap_bytes,
            room_share_floor: f64::from(self.room_share_percent) / 100.0,
            speaker_share_floor: f64::from(self.speaker_share_percent) / 100.0,
        }
    }

    pub fn segmenter(&self) -> crate::buffer::SegmenterConfig {
        crate::buffer::SegmenterConfig {
            onset_level: self.onset_level,
            offset_level: self.offset_level,
            hangover: Duration::from_millis(self.hangover_ms),
            pre_roll: Duration::from_millis(self.pre_roll_ms),
            max_length: Duration::from_millis(self.max_utterance_ms),
            ..crate::buffer::SegmenterConfig::default()
        }
    }
}

/// HTTPS/WSS. Production refuses to run without TLS unless a proxy in front terminates it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TlsConfig {
    /// PEM certificate chain.
    pub cert: Option<PathBuf>,
    /// PEM private key.
    pub key: Option<PathBuf>,
    /// A self-signed certificate made at start (`--dev-tls`); development only.
    pub dev_self_signed: bool,
    /// TLS is terminated by a proxy in front of this server (production without cert/key).
    pub behind_proxy: bool,
    /// How often the certificate and key files are read again to pick up a renewed
    /// certificate (SIGHUP reloads at once); 0 turns the check off.
    pub reload_check_secs: u64,
}

impl Default for TlsConfig {
    fn default() -> Self {
        TlsConfig {
            cert: None,
            key: None,
            dev_self_signed: false,
            behind_proxy: false,
            reload_check_secs: 60,
        }
    }
}

impl TlsConfig {
    pub fn enabled(&self) -> bool {
        self.dev_self_signed || self.cert.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Development,
    Production,
}

/// How a room spreads over the workers (docs/architecture.md, *A room across workers*): its
/// broadcasters stay on its home worker, and each viewer goes there while that worker has
/// headroom, otherwise to the least-loaded worker that has some.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlacementConfig {
    /// A worker with this many peers has no headroom for another viewer; 0: no peer limit
    /// (CPU alone decides).
    pub max_peers_per_worker: usize,
    /// A worker whose thread used more than this share of one core over the last seconds
    /// (read from `/proc`) has no headroom for another viewer. 1-100.
    pub max_worker_cpu_percent: u32,
}

impl Default for PlacementConfig {
    fn default() -> Self {
        PlacementConfig {
            max_peers_per_worker: 0,
            max_worker_cpu_percent: 85,
        }
    }
}

impl PlacementConfig {
    fn validate(&self) -> Result<(), ConfigError> {
        if !(1..=100).contains(&self.max_worker_cpu_percent) {
            return Err(invalid(
                "placement.max_worker_cpu_percent",
                format!(
                    "{} is not a share of one core: use 1-100 (85 by default)",
                    self.max_worker_cpu_percent
                ),
            ));
        }
        Ok(())
    }
}

/// Where media flows: the UDP/TCP ports of the workers' WebRtcServers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RtcConfig {
    /// Local IP the media sockets bind to.
    pub listen_ip: IpAddr,
    /// IP or host name put in ICE candidates; what clients send media to. Required in production.
    pub announced_address: Option<String>,
    pub port_min: u16,
    pub port_max: u16,
    /// Also accept ICE over TCP (for clients behind UDP-blocking firewalls).
    pub enable_tcp: bool,
    /// Receive buffer of each worker's UDP socket, bytes (0: the kernel's default). One socket
    /// carries every client of a worker, and the kernel default (~208 KiB, ~200 small datagrams)
    /// overflows, dropping incoming media, when the worker thread is kept off a busy CPU for a
    /// few tens of ms (measured: docs/benchmarks.md, Capacity). Linux caps it at
    /// `net.core.rmem_max`.
    pub udp_recv_buffer_bytes: u32,
    /// Send buffer of each worker's UDP socket, bytes (0: the kernel's default); capped at
    /// `net.core.wmem_max`.
    pub udp_send_buffer_bytes: u32,
}

/// An ICE server handed to clients in the join response (RTCIceServer shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IceServerConfig {
    pub urls: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
}

/// A TURN server sharing `secret` with sfu (coturn `static-auth-secret`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TurnServerConfig {
    pub urls: Vec<String>,
    pub secret: String,
    /// How long a handed-out credential stays valid.
    #[serde(default = "default_turn_ttl")]
    pub ttl_secs: u64,
}

fn default_turn_ttl() -> u64 {
    3600
}

// The secret stays out of logs.
impl std::fmt::Debug for TurnServerConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TurnServerConfig")
            .field("urls", &self.urls)
            .field("secret", &"<redacted>")
            .field("ttl_secs", &self.ttl_secs)
            .finish()
    }
}

/// Who may join: nobody is checked (`none`, local development) or Firebase ID tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthConfig {
    pub mode: AuthMode,
    /// The Firebase project whose users may join: tokens need `aud` = this and
    /// `iss` = `https://securetoken.google.com/<project_id>`.
    pub project_id: Option<String>,
    /// Google's X.509 certificates for the token-signing keys, keyed by `kid`.
    pub keys_url: String,
    /// The Firebase Auth emulator (`FIREBASE_AUTH_EMULATOR_HOST`): its tokens are unsigned and
    /// accepted as such. Never in production.
    pub emulator_host: Option<String>,
    /// The custom claim that holds the role.
    pub role_claim: String,
    /// The role of a token without that claim.
    pub default_role: crate::role::Role,
    /// Tolerated clock difference with Google for `iat` and `auth_time`.
    pub clock_skew_secs: u64,
    /// The project's public web API key (Firebase console, project settings): published at
    /// `/auth/config` so the demo page can sign users in. Public by design, not a secret.
    pub api_key: Option<String>,
    /// The project's auth domain (`<project>.firebaseapp.com` or a custom one), for sign-in
    /// with a provider's popup (Google).
    pub auth_domain: Option<String>,
    /// Offer Google sign-in on the demo page (the provider must be enabled in the project).
    pub google_sign_in: bool,
}

/// What a web page needs to sign users in: the public part of the auth settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WebAuthConfig {
    pub mode: AuthMode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_domain: Option<String>,
    /// `http://host:port` of the Auth emulator (development only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emulator_url: Option<String>,
    /// The sign-in methods the page offers: `password`, `anonymous`, `google`.
    pub sign_in: Vec<&'static str>,
}

/// Largest UDP socket buffer accepted (the kernel caps it lower unless raised by sysctl).
const MAX_SOCKET_BUFFER_BYTES: u32 = 256 << 20;

pub const GOOGLE_SECURETOKEN_KEYS_URL: &str =
    "https://www.googleapis.com/robot/v1/metadata/x509/securetoken@system.gserviceaccount.com";

impl Default for AuthConfig {
    fn default() -> Self {
        AuthConfig {
            mode: AuthMode::None,
            project_id: None,
            keys_url: GOOGLE_SECURETOKEN_KEYS_URL.to_string(),
            emulator_host: None,
            role_claim: "role".to_string(),
            default_role: crate::role::Role::Viewer,
            clock_skew_secs: 60,
            api_key: None,
            auth_domain: None,
            google_sign_in: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthMode {
    /// Anyone may join with any role; each peer is its own user. Refused in production.
    None,
    /// A Firebase ID token is required (in `join` or as `Authorization: Bearer`).
    Firebase,
}

/// Bounds that keep one client from hurting the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// A text message larger than this gets a `too_large` error; the connection stays open.
    pub max_message_bytes: usize,
    /// A frame larger than this closes the connection (1009): it is never buffered whole.
    pub max_frame_bytes: usize,
    /// Sustained signaling messages per second per connection (token bucket refill rate).
    pub messages_per_second: u32,
    /// Token bucket size: how many messages may arrive back to back.
    pub message_burst: u32,
    /// Concurrent WebSocket connections from one IP address.
    pub max_connections_per_ip: usize,
    /// New WebSocket connections one client (IP address, IPv6 /64) may open per second, on
    /// average; over it the upgrade is refused (429, `rate_limited`).
    pub new_connections_per_ip_per_sec: u32,
    /// ... and at once.
    pub new_connections_burst_per_ip: u32,
    /// Concurrent WebSocket connections in all.
    pub max_connections: usize,
    /// Rooms (routers) the server hosts at once.
    pub max_rooms: usize,
    pub max_peers_per_room: usize,
    pub max_transports_per_peer: usize,
    pub max_producers_per_peer: usize,
    pub max_consumers_per_peer: usize,
    /// Seconds between server WebSocket pings.
    pub heartbeat_interval_secs: u64,
    /// A peer silent for this long (no message, no pong) is dropped.
    pub heartbeat_timeout_secs: u64,
    /// On shutdown, how long peers are given to leave after being told.
    pub shutdown_grace_secs: u64,
    /// On SIGTERM, how long the server drains (no new joins, peers told to move) before it
    /// shuts down; it stops earlier when the last peer has left. 0 skips the drain.
    pub drain_secs: u64,
    /// A session whose socket dropped (no close frame, heartbeat timeout) keeps its peer,
    /// transports, producers, consumers and feed this long for `resume`. 0 releases at once.
    pub resume_grace_secs: u64,
    /// At most this many sessions wait for `resume` at once; beyond it a dropped session is
    /// released at once (a client dropping sockets on purpose cannot pile up parked peers).
    pub max_parked_sessions: usize,
    /// At most this many parked sessions per client IP (IPv6: per /64); parking one more
    /// releases that client's oldest.
    pub max_parked_per_ip: usize,
    /// At most this many parked sessions per user (uid; without auth every peer is its own
    /// user); parking one more releases that user's oldest.
    pub max_parked_per_uid: usize,
    /// A WebSocket that has not joined (or resumed) within this many seconds of opening, or of
    /// leaving, is closed (4004).
    pub join_deadline_secs: u64,
    /// An HTTP client must send a request's whole header within this many seconds (and finish
    /// the TLS handshake and the PROXY header within as long), or its connection is closed.
    pub http_header_timeout_secs: u64,
    /// Proxies (CIDRs, e.g. `10.0.0.0/8`, `::1/128`) whose word on the client address is taken:
    /// only for connections from these, the client is the right-most `X-Forwarded-For` hop that
    /// is not itself trusted (or the PROXY header's source, see `proxy_protocol`).
    pub trusted_proxies: Vec<Cidr>,
    /// Connections from `trusted_proxies` start with a PROXY protocol v2 header (HAProxy
    /// `send-proxy-v2`, AWS NLB proxy protocol v2); a missing or malformed one closes the
    /// connection. Connections from other addresses are served without one.
    pub proxy_protocol: bool,
}

/// An IP network: an address and a prefix length (`192.0.2.0/24`, `2001:db8::/32`; a bare
/// address is a /32 or /128).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Whether `ip` is in this network; an IPv4-mapped IPv6 address counts as its IPv4 address.
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl std::str::FromStr for Cidr {
    type Err = String;

    fn from_str(s: &str) -> Result<Cidr, String> {
        let (addr, prefix) = match s.split_once('/') {
            Some((addr, prefix)) => (addr, Some(prefix)),
            None => (s, None),
        };
        let network: IpAddr = addr
            .parse()
            .map_err(|_| format!("{s:?} is not a CIDR: {addr:?} is not an IP address"))?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => match p.parse::<u8>() {
                // Plain digits only: no sign, no leading zero.
                Ok(n) if n <= max && n.to_string() == p => n,
                _ => return Err(format!("{s:?} is not a CIDR: the prefix length must be 0-{max}")),
            },
        };
        // An IPv4-mapped IPv6 network is the IPv4 network (addresses are matched canonical).
        let (network, prefix) = match network.to_canonical() {
            IpAddr::V4(v4) if network.is_ipv6() && prefix >= 96 => (IpAddr::V4(v4), prefix - 96),
            _ => (network, prefix),
        };
        Ok(Cidr { network, prefix })
    }
}

impl TryFrom<String> for Cidr {
    type Error = String;

    fn try_from(s: String) -> Result<Cidr, String> {
        s.parse()
    }
}

impl From<Cidr> for String {
    fn from(c: Cidr) -> String {
        c.to_string()
    }
}

impl std::fmt::Display for Cidr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogConfig {
    pub format: LogFormat,
    /// A `tracing` env-filter directive, e.g. `info,sfu=debug`. `RUST_LOG` wins when set.
    pub filter: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 8080)),
            mode: Mode::Development,
            workers: 0,
            placement: PlacementConfig::default(),
            rtc: RtcConfig::default(),
            ice_servers: vec![IceServerConfig {
                urls: vec!["stun:stun.l.google.com:19302".to_string()],
                username: None,
                credential: None,
            }],
            turn: Vec::new(),
            auth: AuthConfig::default(),
            limits: Limits::default(),
            tls: TlsConfig::default(),
            buffer: BufferConfig::default(),
            admin: AdminConfig::default(),
            log: LogConfig::default(),
            feed: FeedSettings::default(),
            cluster: ClusterConfig::default(),
        }
    }
}

impl Default for RtcConfig {
    fn default() -> Self {
        RtcConfig {
            listen_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
            announced_address: Some("127.0.0.1".to_string()),
            port_min: 10000,
            port_max: 10100,
            enable_tcp: true,
            udp_recv_buffer_bytes: 4 << 20,
            udp_send_buffer_bytes: 1 << 20,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_bytes: 64 * 1024,
            max_frame_bytes: 1024 * 1024,
            messages_per_second: 50,
            message_burst: 100,
            max_connections_per_ip: 50,
            max_connections: 10_000,
            max_rooms: 10_000,
            max_peers_per_room: 1_000,
            max_transports_per_peer: 4,
            max_producers_per_peer: 4,
            max_consumers_per_peer: 500,
            heartbeat_interval_secs: 10,
            heartbeat_timeout_secs: 30,
            shutdown_grace_secs: 5,
            drain_secs: 30,
            resume_grace_secs: 30,
            max_parked_sessions: 1_000,
            max_parked_per_ip: 10,
            max_parked_per_uid: 3,
            new_connections_per_ip_per_sec: 10,
            new_connections_burst_per_ip: 60,
            join_deadline_secs: 10,
            http_header_timeout_secs: 10,
            trusted_proxies: Vec::new(),
            proxy_protocol: false,
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            format: LogFormat::Text,
            filter: "info".to_string(),
        }
    }
}

/// Settings that come from flags or `SFU_*` variables; `None` keeps the file's value.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub listen: Option<SocketAddr>,
    pub mode: Option<Mode>,
    pub workers: Option<usize>,
    pub rtc_listen_ip: Option<IpAddr>,
    pub announced_address: Option<String>,
    pub rtc_ports: Option<RangeInclusive<u16>>,
    pub log_format: Option<LogFormat>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    pub dev_tls: bool,
    pub admin_token: Option<String>,
    pub auth_mode: Option<AuthMode>,
    pub firebase_project_id: Option<String>,
    /// `FIREBASE_AUTH_EMULATOR_HOST`, as the Firebase SDKs name it.
    pub firebase_auth_emulator_host: Option<String>,
    /// The public web API key and auth domain for the demo page's sign-in.
    pub firebase_api_key: Option<String>,
    pub firebase_auth_domain: Option<String>,
    /// TURN URLs and their REST secret (`--turn-url`, `--turn-secret`): replaces `[[turn]]`.
    pub turn: Option<(Vec<String>, String)>,
    /// `--cluster redis://HOST:PORT` and the other `--cluster-*` flags.
    pub cluster_redis_url: Option<String>,
    pub cluster_node_id: Option<String>,
    pub cluster_public_url: Option<String>,
    pub cluster_secret: Option<String>,
    /// `--pipe-ip`: `cluster.pipe_listen_ip`.
    pub cluster_pipe_ip: Option<IpAddr>,
}

/// Why a configuration cannot be used. Every message names the setting and what to do.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("config file {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{setting}: {message}")]
    Invalid { setting: &'static str, message: String },
}

fn invalid(setting: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        setting,
        message: message.into(),
    }
}

impl Config {
    /// Defaults, then `file` if given, then `overrides`; not yet validated.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> Result<Config, ConfigError> {
        let mut config = match file {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                })?;
                Config::from_toml(&text).map_err(|message| ConfigError::Parse {
                    path: path.to_path_buf(),
                    message,
                })?
            }
            None => Config::default(),
        };
        config.apply(overrides);
        Ok(config)
    }

    /// Parses a TOML document; the error text names the offending key and line.
    pub fn from_toml(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())
    }

    fn apply(&mut self, o: &Overrides) {
        if let Some(v) = o.listen {
            self.listen = v;
        }
        if let Some(v) = o.mode {
            self.mode = v;
        }
        if let Some(v) = o.workers {
            self.workers = v;
        }
        if let Some(v) = o.rtc_listen_ip {
            self.rtc.listen_ip = v;
        }
        if let Some(v) = &o.announced_address {
            self.rtc.announced_address = if v.is_empty() { None } else { Some(v.clone()) };
        }
        if let Some(r) = &o.rtc_ports {
            self.rtc.port_min = *r.start();
            self.rtc.port_max = *r.end();
        }
        if let Some(v) = o.log_format {
            self.log.format = v;
        }
        if let Some(v) = &o.tls_cert {
            self.tls.cert = Some(v.clone());
        }
        if let Some(v) = &o.tls_key {
            self.tls.key = Some(v.clone());
        }
        if o.dev_tls {
            self.tls.dev_self_signed = true;
        }
        if let Some(v) = &o.admin_token {
            self.admin.token = if v.is_empty() { None } else { Some(v.clone()) };
        }
        if let Some((urls, secret)) = &o.turn {
            self.turn = vec![TurnServerConfig {
                urls: urls.clone(),
                secret: secret.clone(),
                ttl_secs: default_turn_ttl(),
            }];
        }
        if let Some(v) = o.auth_mode {
            self.auth.mode = v;
        }
        self.apply_cluster(o);
        if let Some(v) = &o.firebase_project_id {
            self.auth.project_id = Some(v.clone());
        }
        if let Some(v) = &o.firebase_auth_emulator_host {
            self.auth.emulator_host = if v.is_empty() { None } else { Some(v.clone()) };
        }
        if let Some(v) = &o.firebase_api_key {
            self.auth.api_key = Some(v.clone()).filter(|v| !v.is_empty());
        }
        if let Some(v) = &o.firebase_auth_domain {
            self.auth.auth_domain = Some(v.clone()).filter(|v| !v.is_empty());
        }
    }

    fn apply_cluster(&mut self, o: &Overrides) {
        let set = |field: &mut Option<String>, v: &Option<String>| {
            if let Some(v) = v {
                *field = Some(v.clone()).filter(|v| !v.is_empty());
            }
        };
        set(&mut self.cluster.redis_url, &o.cluster_redis_url);
        set(&mut self.cluster.node_id, &o.cluster_node_id);
        set(&mut self.cluster.public_url, &o.cluster_public_url);
        set(&mut self.cluster.secret, &o.cluster_secret);
        if let Some(ip) = o.cluster_pipe_ip {
            self.cluster.pipe_listen_ip = Some(ip);
        }
    }

    /// The number of workers to start (resolves 0 to the number of cores).
    pub fn worker_count(&self) -> usize {
        if self.workers == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            self.workers
        }
    }

    pub fn rtc_port_range(&self) -> RangeInclusive<u16> {
        self.rtc.port_min..=self.rtc.port_max
    }

    pub fn heartbeat_interval(&self) -> Duration {
        Duration::from_secs(self.limits.heartbeat_interval_secs)
    }

    pub fn heartbeat_timeout(&self) -> Duration {
        Duration::from_secs(self.limits.heartbeat_timeout_secs)
    }

    /// Checks that need no side effects: ranges, sizes, production rules. Each section checks
    /// its own settings; the first error found, in this order, is returned.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let production = self.mode == Mode::Production;
        let workers = self.worker_count();
        self.rtc.validate_ports()?;
        self.admin.validate(self.auth.mode, production)?;
        validate_workers(workers)?;
        self.placement.validate()?;
        self.rtc.validate_port_count(workers)?;
        self.rtc.validate_announced_address(production)?;
        validate_ice_servers(&self.ice_servers)?;
        self.tls.validate(production)?;
        validate_turn(&self.turn, production)?;
        self.auth.validate(production)?;
        self.buffer.validate()?;
        self.feed.validate()?;
        self.cluster.validate()?;
        self.validate_pipe_ip()?;
        self.limits.validate()
    }

    /// A cluster node's pipes announce an address the other nodes can send to: not 0.0.0.0.
    fn validate_pipe_ip(&self) -> Result<(), ConfigError> {
        let c = &self.cluster;
        let announced = c.pipe_announced_ip.or(c.pipe_listen_ip).unwrap_or(self.rtc.listen_ip);
        if c.enabled() && announced.is_unspecified() {
            return Err(invalid(
                "cluster.pipe_listen_ip",
                format!("the node-to-node pipes would announce {announced} (rtc.listen_ip): set --pipe-ip (SFU_PIPE_IP, cluster.pipe_listen_ip) to this node's address on the nodes' network, or cluster.pipe_announced_ip"),
            ));
        }
        Ok(())
    }

    /// Checks that touch the host: the HTTP address and the media IP can be bound here.
    /// Run after [`Config::validate`]; the server binds for real right after.
    pub fn check_addresses(&self) -> Result<(), ConfigError> {
        if let Err(e) = TcpListener::bind(self.listen) {
            let hint = if e.kind() == std::io::ErrorKind::AddrInUse {
                "the port is in use by another process; pick another with --listen or SFU_LISTEN"
            } else {
                "it is not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of this host's IPs"
            };
            return Err(invalid(
                "listen",
                format!("cannot listen on {}: {e}; {hint}", self.listen),
            ));
        }
        if let Err(e) = UdpSocket::bind((self.rtc.listen_ip, 0)) {
            return Err(invalid(
                "rtc.listen_ip",
                format!("cannot bind media sockets on {}: {e}; use an address of this machine (or 0.0.0.0 with an announced address)", self.rtc.listen_ip),
            ));
        }
        Ok(())
    }
}

impl Config {
    /// A copy with every secret (admin token, TURN secrets, static ICE credentials) replaced by
    /// [`REDACTED`]: what `--print-config` prints.
    pub fn redacted(&self) -> Config {
        let mut c = self.clone();
        if c.admin.token.is_some() {
            c.admin.token = Some(REDACTED.to_string());
        }
        for t in &mut c.turn {
            t.secret = REDACTED.to_string();
        }
        if c.cluster.secret.is_some() {
            c.cluster.secret = Some(REDACTED.to_string());
        }
        for s in &mut c.ice_servers {
            if s.credential.is_some() {
                s.credential = Some(REDACTED.to_string());
            }
        }
        c
    }
}

impl RtcConfig {
    /// The port range is not empty and the socket buffers are within bounds.
    fn validate_ports(&self) -> Result<(), ConfigError> {
        if self.port_min == 0 {
            return Err(invalid(
                "rtc.port_min",
                "must be at least 1 (e.g. 10000); set rtc.port_min/rtc.port_max or --rtc-ports 10000-10100",
            ));
        }
        if self.port_min > self.port_max {
            return Err(invalid(
                "rtc.port_min",
                format!(
                    "port range {}-{} is empty: port_min must not exceed port_max (e.g. --rtc-ports 10000-10100)",
                    self.port_min, self.port_max
                ),
            ));
        }
        for (field, bytes) in [
            ("rtc.udp_recv_buffer_bytes", self.udp_recv_buffer_bytes),
            ("rtc.udp_send_buffer_bytes", self.udp_send_buffer_bytes),
        ] {
            if bytes > MAX_SOCKET_BUFFER_BYTES {
                return Err(invalid(
                    field,
                    format!("{bytes} is more than {MAX_SOCKET_BUFFER_BYTES} (256 MiB); 0 keeps the kernel's default"),
                ));
            }
        }
        Ok(())
    }

    /// Each worker's WebRtcServer takes one UDP (and with TCP one TCP) port; leave room for the
    /// pipe transports that connect routers of one room on different workers. Needs a non-empty
    /// range ([`RtcConfig::validate_ports`] first).
    fn validate_port_count(&self, workers: usize) -> Result<(), ConfigError> {
        let ports = usize::from(self.port_max - self.port_min) + 1;
        if ports < 2 * workers {
            return Err(invalid(
                "rtc.port_min",
                format!(
                    "port range {}-{} has {ports} ports but {workers} workers need at least {}: widen the range or lower workers",
                    self.port_min,
                    self.port_max,
                    2 * workers
                ),
            ));
        }
        Ok(())
    }

    /// Clients can reach the announced address: it is set where needed, and public in production.
    fn validate_announced_address(&self, production: bool) -> Result<(), ConfigError> {
        match &self.announced_address {
            Some(a) if a.trim().is_empty() || a.contains(char::is_whitespace) => Err(invalid(
                "rtc.announced_address",
                format!("{a:?} is not an IP address or host name"),
            )),
            Some(a) if production && is_local_address(a) => Err(invalid(
                "rtc.announced_address",
                format!("{a} is not reachable by clients; production mode needs this host's public IP or DNS name (SFU_ANNOUNCED_ADDRESS)"),
            )),
            None if production => Err(invalid(
                "rtc.announced_address",
                "production mode needs the public IP or DNS name clients send media to (SFU_ANNOUNCED_ADDRESS or --announced-address)",
            )),
            None if self.listen_ip.is_unspecified() => Err(invalid(
                "rtc.announced_address",
                format!("rtc.listen_ip is {} (all interfaces), so clients need an announced address to reach; set rtc.announced_address", self.listen_ip),
            )),
            _ => Ok(()),
        }
    }
}

impl AdminConfig {
    /// Whether `/metrics` answers without the admin token in `mode`.
    pub fn metrics_open(&self, mode: Mode) -> bool {
        !self.protect_metrics && self.open_metrics.unwrap_or(mode == Mode::Development)
    }

    /// A strong token, the token (or Firebase auth) wherever a feature needs one, and no chaos
    /// drill in production.
    fn validate(&self, auth_mode: AuthMode, production: bool) -> Result<(), ConfigError> {
        if let Some(token) = &self.token {
            if token == REDACTED {
                return Err(redacted("admin.token"));
            }
            if token.len() < 16 || token.contains(char::is_whitespace) {
                return Err(invalid(
                    "admin.token",
                    "must be at least 16 characters without spaces (e.g. `openssl rand -hex 24`), or unset to disable the admin API",
                ));
            }
        }
        if self.fault_injection && production {
            return Err(invalid(
                "admin.fault_injection",
                "kills media workers on request: a drill for development and staging; production refuses it (set admin.fault_injection = false)",
            ));
        }
        if self.fault_injection && self.token.is_none() && auth_mode == AuthMode::None {
            return Err(invalid(
                "admin.fault_injection",
                "needs the admin API: set admin.token (SFU_ADMIN_TOKEN) or Firebase auth",
            ));
        }
        self.validate_metrics()
    }

    fn validate_metrics(&self) -> Result<(), ConfigError> {
        if self.protect_metrics && self.open_metrics == Some(true) {
            return Err(invalid(
                "admin.open_metrics",
                "admin.protect_metrics = true says the opposite; drop protect_metrics (its older spelling)",
            ));
        }
        let asked_closed = self.protect_metrics || self.open_metrics == Some(false);
        if asked_closed && self.token.is_none() {
            let setting = if self.protect_metrics {
                "admin.protect_metrics"
            } else {
                "admin.open_metrics"
            };
            return Err(invalid(
                setting,
                "closing /metrics needs admin.token (SFU_ADMIN_TOKEN): the token is what a scraper sends",
            ));
        }
        Ok(())
    }
}

/// A value copied from `--print-config` without putting the secret back.
fn redacted(setting: &'static str) -> ConfigError {
    invalid(
        setting,
        format!("is {REDACTED:?}, as --print-config shows secrets: put the real value back"),
    )
}

/// `workers` is the resolved count ([`Config::worker_count`]).
fn validate_workers(workers: usize) -> Result<(), ConfigError> {
    if workers > 256 {
        return Err(invalid(
            "workers",
            format!("{workers} workers is more than 256; use 0 for one per core"),
        ));
    }
    Ok(())
}

/// Entry `i` of the list named `setting` (`ice_servers`, `turn`) has at least one URL.
fn require_urls(setting: &'static str, i: usize, urls: &[String]) -> Result<(), ConfigError> {
    if urls.is_empty() {
        return Err(invalid(setting, format!("entry {i} has no urls")));
    }
    Ok(())
}

/// STUN/TURN URLs only, and TURN ones with their username and credential.
fn validate_ice_servers(servers: &[IceServerConfig]) -> Result<(), ConfigError> {
    for (i, s) in servers.iter().enumerate() {
        require_urls("ice_servers", i, &s.urls)?;
        for url in &s.urls {
            let scheme = url.split(':').next().unwrap_or("");
            if !matches!(scheme, "stun" | "stuns" | "turn" | "turns") {
                return Err(invalid(
                    "ice_servers",
                    format!("{url:?} must start with stun:, stuns:, turn: or turns:"),
                ));
            }
            if s.credential.as_deref() == Some(REDACTED) {
                return Err(redacted("ice_servers.credential"));
            }
            if scheme.starts_with("turn") && (s.username.is_none() || s.credential.is_none()) {
                return Err(invalid(
                    "ice_servers",
                    format!("TURN server {url:?} needs username and credential"),
                ));
            }
        }
    }
    Ok(())
}

impl TlsConfig {
    /// Certificate and key together, and in production real TLS here or in a proxy in front.
    fn validate(&self, production: bool) -> Result<(), ConfigError> {
        if self.cert.is_some() != self.key.is_some() {
            return Err(invalid(
                "tls.cert",
                "tls.cert and tls.key go together: give both (--tls-cert, --tls-key) or neither",
            ));
        }
        if self.dev_self_signed && self.cert.is_some() {
            return Err(invalid(
                "tls.dev_self_signed",
                "--dev-tls makes its own certificate; drop it or drop tls.cert/tls.key",
            ));
        }
        if production && self.dev_self_signed {
            return Err(invalid(
                "tls.dev_self_signed",
                "a self-signed certificate is for local development; production needs tls.cert and tls.key",
            ));
        }
        if production && !self.enabled() && !self.behind_proxy {
            return Err(invalid(
                "tls",
                "production mode needs TLS: set tls.cert and tls.key (--tls-cert/--tls-key), or tls.behind_proxy = true when a proxy in front terminates TLS",
            ));
        }
        Ok(())
    }
}

/// TURN URLs only, a secret (a strong one in production) and a sane credential lifetime.
fn validate_turn(servers: &[TurnServerConfig], production: bool) -> Result<(), ConfigError> {
    for (i, t) in servers.iter().enumerate() {
        require_urls("turn", i, &t.urls)?;
        if let Some(url) = t
            .urls
            .iter()
            .find(|u| !(u.starts_with("turn:") || u.starts_with("turns:")))
        {
            return Err(invalid(
                "turn",
                format!("{url:?} must start with turn: or turns: (STUN servers go in ice_servers)"),
            ));
        }
        if t.secret == REDACTED {
            return Err(redacted("turn.secret"));
        }
        if t.secret.trim().is_empty() {
            return Err(invalid(
                "turn.secret",
                format!("entry {i} needs the secret shared with the TURN server (coturn static-auth-secret)"),
            ));
        }
        if production && t.secret.len() < 16 {
            return Err(invalid(
                "turn.secret",
                "production needs a secret of at least 16 characters (e.g. openssl rand -hex 32)",
            ));
        }
        if !(60..=7 * 86_400).contains(&t.ttl_secs) {
            return Err(invalid(
                "turn.ttl_secs",
                format!("{} is outside 60..=604800 seconds", t.ttl_secs),
            ));
        }
    }
    Ok(())
}

impl AuthConfig {
    /// Authentication in production, the emulator only in development, and in Firebase mode a
    /// project id and a keys URL; then the claim and clock-skew settings.
    fn validate(&self, production: bool) -> Result<(), ConfigError> {
        if production && self.mode == AuthMode::None {
            return Err(invalid(
                "auth.mode",
                "production mode needs authentication: set auth.mode = \"firebase\" and auth.project_id (or SFU_AUTH_MODE=firebase, SFU_FIREBASE_PROJECT_ID)",
            ));
        }
        self.validate_emulator(production)?;
        self.validate_web()?;
        if self.mode == AuthMode::Firebase {
            self.validate_project_id()?;
            self.validate_keys_url(production)?;
        }
        if self.role_claim.is_empty() {
            return Err(invalid("auth.role_claim", "must name a custom claim, e.g. \"role\""));
        }
        if self.clock_skew_secs > 300 {
            return Err(invalid(
                "auth.clock_skew_secs",
                format!("{} is over 300; fix the clock (NTP) instead", self.clock_skew_secs),
            ));
        }
        Ok(())
    }

    /// The emulator's unsigned tokens: development only, and only with Firebase mode.
    fn validate_emulator(&self, production: bool) -> Result<(), ConfigError> {
        if self.emulator_host.is_none() {
            return Ok(());
        }
        if production {
            return Err(invalid(
                "auth.emulator_host",
                "the Firebase Auth emulator's tokens are unsigned; production refuses it (unset FIREBASE_AUTH_EMULATOR_HOST)",
            ));
        }
        if self.mode == AuthMode::None {
            return Err(invalid(
                "auth.emulator_host",
                "the Auth emulator is set but auth.mode is none; set auth.mode = \"firebase\" (SFU_AUTH_MODE=firebase) or unset FIREBASE_AUTH_EMULATOR_HOST",
            ));
        }
        if self.default_role == crate::role::Role::Admin {
            return Err(invalid(
                "auth.default_role",
                "the Auth emulator's tokens are unsigned and never carry the admin role; use viewer or broadcaster (the admin API takes admin.token)",
            ));
        }
        Ok(())
    }

    /// The web sign-in settings: only with Firebase mode, and each well-formed.
    fn validate_web(&self) -> Result<(), ConfigError> {
        let set = self.api_key.is_some() || self.auth_domain.is_some() || self.google_sign_in;
        if set && self.mode == AuthMode::None {
            return Err(invalid(
                "auth.api_key",
                "web sign-in settings (api_key, auth_domain, google_sign_in) need auth.mode = \"firebase\"",
            ));
        }
        if let Some(key) = &self.api_key {
            let ok = !key.is_empty()
                && key.len() <= 100
                && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !ok {
                return Err(invalid(
                    "auth.api_key",
                    format!("{key:?} is not a Firebase web API key (letters, digits, - and _, e.g. \"AIza...\")"),
                ));
            }
        }
        if let Some(domain) = &self.auth_domain {
            let ok = !domain.is_empty()
                && domain.len() <= 253
                && domain
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b':');
            if !ok {
                return Err(invalid(
                    "auth.auth_domain",
                    format!("{domain:?} is not a host name (e.g. \"my-project.firebaseapp.com\")"),
                ));
            }
        }
        if self.google_sign_in && (self.api_key.is_none() || self.auth_domain.is_none()) {
            return Err(invalid(
                "auth.google_sign_in",
                "Google sign-in needs auth.api_key and auth.auth_domain",
            ));
        }
        Ok(())
    }

    /// The public part of the settings, for `/auth/config`.
    pub fn web(&self) -> WebAuthConfig {
        let firebase = self.mode == AuthMode::Firebase;
        let mut sign_in = Vec::new();
        if firebase && (self.api_key.is_some() || self.emulator_host.is_some()) {
            sign_in.extend(["password", "anonymous"]);
            if self.google_sign_in {
                sign_in.push("google");
            }
        }
        WebAuthConfig {
            mode: self.mode,
            project_id: self.project_id.clone().filter(|_| firebase),
            api_key: self.api_key.clone().filter(|_| firebase),
            auth_domain: self.auth_domain.clone().filter(|_| firebase),
            emulator_url: self
                .emulator_host
                .as_ref()
                .filter(|_| firebase)
                .map(|h| format!("http://{h}")),
            sign_in,
        }
    }

    fn validate_project_id(&self) -> Result<(), ConfigError> {
        match self.project_id.as_deref() {
            None | Some("") => Err(invalid(
                "auth.project_id",
                "auth.mode firebase needs the Firebase project id (SFU_FIREBASE_PROJECT_ID)",
            )),
            Some(p) if !p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') || p.len() > 63 => Err(invalid(
                "auth.project_id",
                format!("{p:?} is not a Firebase project id (lowercase letters, digits, -)"),
            )),
            Some(_) => Ok(()),
        }
    }

    /// Keys are fetched over https (in development also http, for a local stand-in).
    fn validate_keys_url(&self, production: bool) -> Result<(), ConfigError> {
        let scheme_ok = if production {
            self.keys_url.starts_with("https://")
        } else {
            self.keys_url.starts_with("https://") || self.keys_url.starts_with("http://")
        };
        if !scheme_ok || self.keys_url.parse::<http::Uri>().is_err() {
            return Err(invalid(
                "auth.keys_url",
                format!(
                    "{:?} is not an {}URL; the default is {GOOGLE_SECURETOKEN_KEYS_URL}",
                    self.keys_url,
                    if production { "https " } else { "http(s) " }
                ),
            ));
        }
        Ok(())
    }
}

impl BufferConfig {
    /// A cap that holds at least a few utterances, and segmenter timings and levels in range.
    fn validate(&self) -> Result<(), ConfigError> {
        if self.cap_bytes < 256 << 10 {
            return Err(invalid(
                "buffer.cap_bytes",
                format!(
                    "{} is below 256 KiB; one 15 s voice utterance alone takes ~100 KB",
                    self.cap_bytes
                ),
            ));
        }
        if !(1_000..=60_000).contains(&self.max_utterance_ms) {
            return Err(invalid(
                "buffer.max_utterance_ms",
                format!("{} is outside 1000..=60000", self.max_utterance_ms),
            ));
        }
        if self.hangover_ms > 5_000 || self.pre_roll_ms > 2_000 {
            return Err(invalid(
                "buffer.hangover_ms",
                "hangover_ms is at most 5000 and pre_roll_ms at most 2000",
            ));
        }
        if self.onset_level > 127 || self.offset_level > 127 || self.offset_level < self.onset_level {
            return Err(invalid(
                "buffer.onset_level",
                format!(
                    "levels are 0 (loudest) ..127 (silent) and offset_level ({}) must be at least onset_level ({})",
                    self.offset_level, self.onset_level
                ),
            ));
        }
        for (setting, percent) in [
            ("buffer.room_share_percent", self.room_share_percent),
            ("buffer.speaker_share_percent", self.speaker_share_percent),
        ] {
            if !(1..=100).contains(&percent) {
                return Err(invalid(
                    setting,
                    format!("{percent} is outside 1..=100 (100 turns the share off)"),
                ));
            }
        }
        Ok(())
    }
}

impl Limits {
    /// Every count and period is positive, a frame holds a message, and the heartbeat timeout
    /// outlasts the ping interval.
    fn validate(&self) -> Result<(), ConfigError> {
        let positive: [(&'static str, u64); 18] = [
            ("limits.max_rooms", self.max_rooms as u64),
            ("limits.max_message_bytes", self.max_message_bytes as u64),
            ("limits.messages_per_second", self.messages_per_second.into()),
            ("limits.message_burst", self.message_burst.into()),
            ("limits.max_connections_per_ip", self.max_connections_per_ip as u64),
            ("limits.max_connections", self.max_connections as u64),
            ("limits.max_peers_per_room", self.max_peers_per_room as u64),
            ("limits.max_transports_per_peer", self.max_transports_per_peer as u64),
            ("limits.max_producers_per_peer", self.max_producers_per_peer as u64),
            ("limits.max_consumers_per_peer", self.max_consumers_per_peer as u64),
            ("limits.heartbeat_interval_secs", self.heartbeat_interval_secs),
            ("limits.heartbeat_timeout_secs", self.heartbeat_timeout_secs),
            ("limits.max_parked_per_ip", self.max_parked_per_ip as u64),
            ("limits.max_parked_per_uid", self.max_parked_per_uid as u64),
            (
                "limits.new_connections_per_ip_per_sec",
                u64::from(self.new_connections_per_ip_per_sec),
            ),
            (
                "limits.new_connections_burst_per_ip",
                u64::from(self.new_connections_burst_per_ip),
            ),
            ("limits.join_deadline_secs", self.join_deadline_secs),
            ("limits.http_header_timeout_secs", self.http_header_timeout_secs),
        ];
        if let Some((setting, _)) = positive.into_iter().find(|&(_, value)| value == 0) {
            return Err(invalid(setting, "must be greater than 0"));
        }
        if self.max_frame_bytes < self.max_message_bytes {
            return Err(invalid(
                "limits.max_frame_bytes",
                format!(
                    "{} is below limits.max_message_bytes ({}); it must be at least as large",
                    self.max_frame_bytes, self.max_message_bytes
                ),
            ));
        }
        if self.heartbeat_timeout_secs <= self.heartbeat_interval_secs {
            return Err(invalid(
                "limits.heartbeat_timeout_secs",
                "must be longer than limits.heartbeat_interval_secs, or live peers are dropped between pings",
            ));
        }
        if self.proxy_protocol && self.trusted_proxies.is_empty() {
            return Err(invalid(
                "limits.proxy_protocol",
                "needs limits.trusted_proxies: the addresses of the proxies that send the PROXY header",
            ));
        }
        Ok(())
    }
}

fn is_local_address(a: &str) -> bool {
    if a.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match a.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip.is_unspecified(),
        Err(_) => false,
    }
}

/// Which recommender picks each viewer's next utterance (docs/recommendation.md).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RecommenderKind {
    /// Uniform among what the viewer may hear, live first.
    Random,
    /// Learns each viewer's taste (Thompson sampling over speakers).
    #[default]
    Learning,
    /// Asks an HTTP service (`external_url`), falling back to learning.
    External,
}

impl RecommenderKind {
    /// The name in the config, and in `subscribeFeed`'s answer.
    pub fn name(self) -> &'static str {
        match self {
            RecommenderKind::Random => "random",
            RecommenderKind::Learning => "learning",
            RecommenderKind::External => "external",
        }
    }
}

/// `[feed.experiment]`: an A/B test of recommenders. `percent` of the viewers, chosen by a hash
/// of their uid (the same user stays in the same arm across sessions), get `recommender`; the
/// others get `[feed] recommender`. Each viewer is told its arm in `subscribeFeed`'s answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExperimentSettings {
    pub recommender: RecommenderKind,
    pub percent: u8,
}

/// `[feed]`: the recommender behind every viewer's feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeedSettings {
    pub recommender: RecommenderKind,
    /// Seeds the recommender's draws (reproducible runs); random per start when absent.
    pub seed: Option<u64>,
    /// With `recommender = "external"`: where to POST (`http://host:port/path`).
    pub external_url: Option<String>,
    /// The external service's deadline; past it the learning recommender answers.
    pub external_timeout_ms: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experiment: Option<ExperimentSettings>,
    /// Audio-only feeds that start one utterance at one instant on one router hear it through
    /// one producer (a shared playout) instead of one each. `false` gives every feed its own
    /// stream into the worker (what the benchmark's private phase measures).
    pub share_playouts: bool,
    /// With `share_playouts`: an utterance that follows one played to its end starts on a grid
    /// of this period (ms, rounded up to the feed's 20 ms grid), so that feeds that finish
    /// within one window start their next utterance together and can share its playout; the
    /// gap between two utterances grows by less than this. 0: at the next 20 ms instant.
    pub join_window_ms: u64,
}

impl Default for FeedSettings {
    fn default() -> Self {
        FeedSettings {
            recommender: RecommenderKind::Learning,
            seed: None,
            external_url: None,
            external_timeout_ms: 20,
            experiment: None,
            share_playouts: true,
            join_window_ms: 100,
        }
    }
}

impl FeedSettings {
    fn validate(&self) -> Result<(), ConfigError> {
        if self.join_window_ms > 1000 {
            return Err(invalid(
                "feed.join_window_ms",
                format!("{} is out of range; use 0-1000 (ms)", self.join_window_ms),
            ));
        }
        if !(1..=1000).contains(&self.external_timeout_ms) {
            return Err(invalid(
                "feed.external_timeout_ms",
                format!("{} is out of range; use 1-1000 (ms)", self.external_timeout_ms),
            ));
        }
        if let Some(x) = &self.experiment {
            if !(1..=99).contains(&x.percent) {
                return Err(invalid(
                    "feed.experiment.percent",
                    format!(
                        "{} is out of range; use 1-99 (the share of viewers in the experiment's arm)",
                        x.percent
                    ),
                ));
            }
            if x.recommender == RecommenderKind::External || x.recommender == self.recommender {
                return Err(invalid(
                    "feed.experiment.recommender",
                    format!(
                        "{:?} cannot be the experiment's arm: use \"random\" or \"learning\", other than feed.recommender",
                        x.recommender.name()
                    ),
                ));
            }
        }
        match (&self.recommender, &self.external_url) {
            (RecommenderKind::External, None) => Err(invalid(
                "feed.external_url",
                "recommender = \"external\" needs external_url, e.g. \"http://127.0.0.1:8700/recommend\"",
            )),
            (RecommenderKind::External, Some(url)) if self.external_uri().is_none() => Err(invalid(
                "feed.external_url",
                format!("{url:?} must be a plain http://host:port/path URL (the service sits next to the server)"),
            )),
            _ => Ok(()),
        }
    }

    /// `external_url` parsed, when it is a plain `http://` URL with a host.
    pub fn external_uri(&self) -> Option<http::Uri> {
        let uri: http::Uri = self.external_url.as_deref()?.parse().ok()?;
        (uri.scheme_str() == Some("http") && uri.host().is_some_and(|h| !h.is_empty())).then_some(uri)
    }
}

/// Parses `10000-10100` (the `--rtc-ports` / `SFU_RTC_PORTS` syntax).
pub fn parse_port_range(s: &str) -> Result<RangeInclusive<u16>, String> {
    let (a, b) = s
        .split_once('-')
        .ok_or_else(|| format!("{s:?} is not a port range; write it as MIN-MAX, e.g. 10000-10100"))?;
    let a: u16 = a
        .trim()
        .parse()
        .map_err(|_| format!("{a:?} is not a port number (1-65535)"))?;
    let b: u16 = b
        .trim()
        .parse()
        .map_err(|_| format!("{b:?} is not a port number (1-65535)"))?;
    Ok(a..=b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_of(c: &Config) -> String {
        c.validate().unwrap_err().to_string()
    }

    #[test]
    fn a_cluster_node_needs_a_pipe_address_the_others_can_reach() {
        let mut c = Config::default();
        c.rtc.listen_ip = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
        c.validate().unwrap();
        c.apply(&Overrides {
            cluster_redis_url: Some("redis://127.0.0.1:6379".into()),
            cluster_secret: Some("0123456789abcdef".into()),
            ..Overrides::default()
        });
        assert!(err_of(&c).starts_with("cluster.pipe_listen_ip"), "{}", err_of(&c));
        c.apply(&Overrides {
            cluster_pipe_ip: Some(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2))),
            ..Overrides::default()
        });
        assert_eq!(c.cluster.pipe_listen_ip, Some(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2))));
        c.validate().unwrap();
        c.cluster.pipe_listen_ip = Some(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        c.cluster.pipe_announced_ip = Some(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2)));
        c.validate().unwrap();
    }

    #[test]
    fn web_sign_in_settings_are_checked_and_published() {
        let mut c = Config::default();
        assert_eq!(c.auth.web().sign_in, Vec::<&str>::new(), "no sign-in without auth");
        c.auth.api_key = Some("AIzaSyExample_key-1".into());
        assert!(err_of(&c).starts_with("auth.api_key") && err_of(&c).contains("firebase"));
        c.auth.mode = AuthMode::Firebase;
        c.auth.project_id = Some("demo-sfu".into());
        c.validate().unwrap();
        c.auth.api_key = Some("key with spaces".into());
        assert!(err_of(&c).starts_with("auth.api_key"));
        c.auth.api_key = Some("AIzaSyExample_key-1".into());
        c.auth.google_sign_in = true;
        assert!(err_of(&c).starts_with("auth.google_sign_in"));
        c.auth.auth_domain = Some("demo sfu/x".into());
        assert!(err_of(&c).starts_with("auth.auth_domain"));
        c.auth.auth_domain = Some("demo-sfu.firebaseapp.com".into());
        c.validate().unwrap();
        let web = serde_json::to_value(c.auth.web()).unwrap();
        assert_eq!(
            web,
            serde_json::json!({"mode": "firebase", "projectId": "demo-sfu", "apiKey": "AIzaSyExample_key-1",
                "authDomain": "demo-sfu.firebaseapp.com", "signIn": ["password", "anonymous", "google"]})
        );
        c.auth.emulator_host = Some("127.0.0.1:9099".into());
        assert_eq!(c.auth.web().emulator_url.as_deref(), Some("http://127.0.0.1:9099"));
        assert!(
            !serde_json::to_string(&c.auth.web()).unwrap().contains("keys"),
            "only public fields"
        );
    }

    #[test]
    fn defaults_are_valid_for_a_laptop() {
        let c = Config::default();
        c.validate().unwrap();
        assert_eq!(c.listen, "127.0.0.1:8080".parse().unwrap());
        assert_eq!(c.rtc_port_range(), 10000..=10100);
        assert_eq!(c.rtc.announced_address.as_deref(), Some("127.0.0.1"));
        assert_eq!(c.ice_servers[0].urls, vec!["stun:stun.l.google.com:19302"]);
        assert!(c.worker_count() >= 1);
    }

    #[test]
    fn toml_overrides_defaults_and_keeps_the_rest() {
        let c = Config::from_toml(
            r#"
            listen = "0.0.0.0:9000"
            workers = 3
            [rtc]
            port_min = 20000
            port_max = 20100
            announced_address = "203.0.113.7"
            [limits]
            messages_per_second = 10
            "#,
        )
        .unwrap();
        assert_eq!(c.listen.port(), 9000);
        assert_eq!(c.workers, 3);
        assert_eq!(c.rtc.port_min, 20000);
        assert_eq!(c.limits.messages_per_second, 10);
        assert_eq!(c.limits.message_burst, Limits::default().message_burst);
        c.validate().unwrap();
    }

    #[test]
    fn udp_socket_buffers() {
        let c = Config::default();
        assert_eq!(
            (c.rtc.udp_recv_buffer_bytes, c.rtc.udp_send_buffer_bytes),
            (4 << 20, 1 << 20)
        );
        let c = Config::from_toml("[rtc]\nudp_recv_buffer_bytes = 0\nudp_send_buffer_bytes = 0\n").unwrap();
        c.validate().unwrap();
        let c = Config::from_toml("[rtc]\nudp_recv_buffer_bytes = 1_000_000_000\n").unwrap();
        let e = err_of(&c);
        assert!(e.contains("rtc.udp_recv_buffer_bytes") && e.contains("256 MiB"), "{e}");
        let e = Config::from_toml("[rtc]\nudp_send_buffer_bytes = -1\n").unwrap_err();
        assert!(e.contains("udp_send_buffer_bytes"), "{e}");
    }

    #[test]
    fn unknown_key_is_named() {
        let e = Config::from_toml("[rtc]\nport_mni = 3\n").unwrap_err();
        assert!(e.contains("port_mni"), "{e}");
        let e = Config::from_toml("lisen = \"1.2.3.4:5\"\n").unwrap_err();
        assert!(e.contains("lisen"), "{e}");
    }

    #[test]
    fn wrong_type_is_named() {
        let e = Config::from_toml("workers = \"many\"\n").unwrap_err();
        assert!(e.contains("workers"), "{e}");
    }

    #[test]
    fn flags_win_over_file() {
        let o = Overrides {
            listen: Some("127.0.0.1:1234".parse().unwrap()),
            rtc_ports: Some(30000..=30010),
            announced_address: Some("10.0.0.1".into()),
            workers: Some(2),
            ..Default::default()
        };
        let mut c = Config::from_toml("listen = \"0.0.0.0:9000\"\nworkers = 5\n").unwrap();
        c.apply(&o);
        assert_eq!(c.listen.port(), 1234);
        assert_eq!(c.workers, 2);
        assert_eq!(c.rtc_port_range(), 30000..=30010);
        assert_eq!(c.rtc.announced_address.as_deref(), Some("10.0.0.1"));
    }

    #[test]
    fn bad_port_range_says_what_to_fix() {
        let mut c = Config::default();
        c.rtc.port_min = 10100;
        c.rtc.port_max = 10000;
        let e = err_of(&c);
        assert!(e.starts_with("rtc.port_min"), "{e}");
        assert!(e.contains("10100-10000") && e.contains("must not exceed"), "{e}");

        c.rtc.port_min = 0;
        assert!(err_of(&c).contains("at least 1"));

        c.rtc.port_min = 10000;
        c.rtc.port_max = 10002;
        c.workers = 4;
        let e = err_of(&c);
        assert!(e.contains("4 workers need at least 8"), "{e}");
    }

    #[test]
    fn admin_token_rules() {
        let mut c = Config::default();
        c.admin.token = Some("short".into());
        let e = c.validate().unwrap_err().to_string();
        assert!(e.starts_with("admin.token:") && e.contains("16 characters"), "{e}");
        c.admin.token = Some("0123456789abcdef0123".into());
        assert!(c.validate().is_ok());
        c.admin.protect_metrics = true;
        assert!(c.validate().is_ok());
        c.admin.token = None;
        let e = c.validate().unwrap_err().to_string();
        assert!(e.starts_with("admin.protect_metrics:"), "{e}");
        let mut c = Config::default();
        c.apply(&Overrides {
            admin_token: Some("0123456789abcdef0123".into()),
            ..Overrides::default()
        });
        assert_eq!(c.admin.token.as_deref(), Some("0123456789abcdef0123"));
        c.admin.fault_injection = true;
        assert!(c.validate().is_ok());
        c.admin.token = None;
        let e = c.validate().unwrap_err().to_string();
        assert!(e.starts_with("admin.fault_injection:"), "{e}");
    }

    #[test]
    fn production_needs_a_public_announced_address() {
        let mut c = Config {
            mode: Mode::Production,
            ..Config::default()
        };
        let e = err_of(&c);
        assert!(e.contains("rtc.announced_address") && e.contains("production"), "{e}");
        c.rtc.announced_address = None;
        let e = err_of(&c);
        assert!(e.contains("SFU_ANNOUNCED_ADDRESS"), "{e}");
        c.rtc.announced_address = Some("sfu.example.com".into());
        let e = err_of(&c);
        assert!(e.starts_with("tls:") && e.contains("behind_proxy"), "{e}");
        c.tls.behind_proxy = true;
        let e = err_of(&c);
        assert!(e.starts_with("auth.mode") && e.contains("firebase"), "{e}");
        c.auth.mode = AuthMode::Firebase;
        c.auth.project_id = Some("my-project".into());
        c.validate().unwrap();
        c.tls.dev_self_signed = true;
        assert!(err_of(&c).starts_with("tls.dev_self_signed"));
    }

    #[test]
    fn tls_settings_are_checked() {
        let mut c = Config::default();
        c.tls.cert = Some("/etc/cert.pem".into());
        assert!(err_of(&c).contains("go together"));
        c.tls.key = Some("/etc/key.pem".into());
        c.validate().unwrap();
        c.tls.dev_self_signed = true;
        assert!(err_of(&c).starts_with("tls.dev_self_signed"));
    }

    #[test]
    fn unspecified_listen_ip_needs_announced_address() {
        let mut c = Config::default();
        c.rtc.listen_ip = "0.0.0.0".parse().unwrap();
        c.rtc.announced_address = None;
        assert!(err_of(&c).contains("announced address"));
    }

    #[test]
    fn ice_servers_are_checked() {
        let mut c = Config {
            ice_servers: vec![IceServerConfig {
                urls: vec!["http://x".into()],
                username: None,
                credential: None,
            }],
            ..Config::default()
        };
        assert!(err_of(&c).contains("must start with stun:"));
        c.ice_servers[0].urls = vec!["turn:turn.example.com:3478".into()];
        assert!(err_of(&c).contains("needs username and credential"));
    }

    #[test]
    fn auth_settings_are_checked() {
        let mut c = Config::default();
        assert_eq!(c.auth.mode, AuthMode::None, "no auth by default, for local development");
        c.auth.mode = AuthMode::Firebase;
        assert!(err_of(&c).starts_with("auth.project_id"));
        c.auth.project_id = Some("My Project".into());
        assert!(err_of(&c).contains("not a Firebase project id"));
        c.auth.project_id = Some("demo-sfu".into());
        c.validate().unwrap();
        c.auth.keys_url = "ftp://x".into();
        assert!(err_of(&c).starts_with("auth.keys_url"));
        c.auth.keys_url = "http://127.0.0.1:9/keys".into();
        c.validate().unwrap();

        // The emulator: development only, and only with firebase mode.
        let o = Overrides {
            firebase_auth_emulator_host: Some("127.0.0.1:9099".into()),
            ..Default::default()
        };
        c.apply(&o);
        assert_eq!(c.auth.emulator_host.as_deref(), Some("127.0.0.1:9099"));
        c.validate().unwrap();
        c.auth.mode = AuthMode::None;
        assert!(err_of(&c).starts_with("auth.emulator_host"));

        let mut p = Config::from_toml(
            r#"
            mode = "production"
            [rtc]
            announced_address = "203.0.113.7"
            [tls]
            behind_proxy = true
            [auth]
            mode = "firebase"
            project_id = "my-project"
            role_claim = "sfuRole"
            default_role = "broadcaster"
            "#,
        )
        .unwrap();
        p.validate().unwrap();
        assert_eq!(p.auth.default_role, crate::role::Role::Broadcaster);
        assert_eq!(p.auth.keys_url, GOOGLE_SECURETOKEN_KEYS_URL);
        p.auth.emulator_host = Some("127.0.0.1:9099".into());
        let e = err_of(&p);
        assert!(e.starts_with("auth.emulator_host") && e.contains("production"), "{e}");
        p.auth.emulator_host = None;
        p.auth.keys_url = "http://keys.example.com/".into();
        assert!(
            err_of(&p).starts_with("auth.keys_url"),
            "production fetches keys over https only"
        );
    }

    #[test]
    fn turn_settings_are_checked() {
        let mut c = Config::from_toml(
            r#"
            [[turn]]
            urls = ["turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349"]
            secret = "coturn-shared-secret"
            "#,
        )
        .unwrap();
        assert_eq!(c.turn[0].ttl_secs, 3600);
        c.validate().unwrap();
        assert!(
            !format!("{:?}", c.turn[0]).contains("coturn-shared-secret"),
            "the secret stays out of logs"
        );
        c.turn[0].urls.push("stun:stun.example.com".into());
        assert!(err_of(&c).contains("must start with turn:"));
        c.turn[0].urls.pop();
        c.turn[0].ttl_secs = 10;
        assert!(err_of(&c).starts_with("turn.ttl_secs"));
        c.turn[0].ttl_secs = 3600;
        c.turn[0].secret = " ".into();
        assert!(err_of(&c).starts_with("turn.secret"));
        c.turn[0].secret = "short".into();
        c.validate().unwrap();
        c.mode = Mode::Production;
        c.rtc.announced_address = Some("203.0.113.7".into());
        c.tls.behind_proxy = true;
        c.auth.mode = AuthMode::Firebase;
        c.auth.project_id = Some("p".into());
        assert!(err_of(&c).contains("at least 16"));
    }

    #[test]
    fn limits_are_checked() {
        let mut c = Config::default();
        c.limits.messages_per_second = 0;
        assert!(err_of(&c).starts_with("limits.messages_per_second"));
        let mut c = Config::default();
        c.limits.heartbeat_timeout_secs = c.limits.heartbeat_interval_secs;
        assert!(err_of(&c).starts_with("limits.heartbeat_timeout_secs"));
        let mut c = Config::default();
        c.limits.max_frame_bytes = 10;
        assert!(err_of(&c).starts_with("limits.max_frame_bytes"));
    }

    #[test]
    fn buffer_settings_are_checked() {
        let mut c = Config::default();
        c.buffer.cap_bytes = 1000;
        assert!(err_of(&c).starts_with("buffer.cap_bytes"));
        let mut c = Config::default();
        c.buffer.max_utterance_ms = 100;
        assert!(err_of(&c).starts_with("buffer.max_utterance_ms"));
        let mut c = Config::default();
        c.buffer.offset_level = 10;
        assert!(err_of(&c).starts_with("buffer.onset_level"));
        let c = Config::from_toml("[buffer]\ncap_bytes = 10485760\nmax_utterance_ms = 5000\n").unwrap();
        c.validate().unwrap();
        assert_eq!(c.buffer.segmenter().max_length, Duration::from_secs(5));
    }

    #[test]
    fn unreachable_listen_address_is_reported() {
        let mut c = Config {
            // TEST-NET-3: never assigned to a local interface.
            listen: "203.0.113.1:8080".parse().unwrap(),
            ..Config::default()
        };
        let e = c.check_addresses().unwrap_err().to_string();
        assert!(e.starts_with("listen: cannot listen on 203.0.113.1:8080"), "{e}");
        c.listen = "127.0.0.1:0".parse().unwrap();
        c.rtc.listen_ip = "203.0.113.1".parse().unwrap();
        let e = c.check_addresses().unwrap_err().to_string();
        assert!(e.starts_with("rtc.listen_ip"), "{e}");
    }

    #[test]
    fn port_range_parsing() {
        assert_eq!(parse_port_range("10000-10100").unwrap(), 10000..=10100);
        assert!(parse_port_range("10000").unwrap_err().contains("MIN-MAX"));
        assert!(parse_port_range("a-3").unwrap_err().contains("not a port"));
        assert!(parse_port_range("1-70000").unwrap_err().contains("not a port"));
    }

    #[test]
    fn missing_file_is_reported_with_path() {
        let e = Config::load(Some(Path::new("/nonexistent/sfu.toml")), &Overrides::default()).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/sfu.toml"));
    }

    /// An edit of a default section that breaks one rule.
    type Change<T> = fn(&mut T);

    /// Asserts that a section check failed on `setting` with a message containing `fragment`.
    #[track_caller]
    fn fails(r: Result<(), ConfigError>, setting: &str, fragment: &str) {
        let e = r.expect_err("the check should fail").to_string();
        assert!(e.starts_with(&format!("{setting}: ")), "{e}");
        assert!(e.contains(fragment), "{e}");
    }

    #[test]
    fn rtc_ports_rules() {
        let ok = RtcConfig::default();
        ok.validate_ports().unwrap();
        let rtc = |f: fn(&mut RtcConfig)| {
            let mut r = RtcConfig::default();
            f(&mut r);
            r
        };
        fails(rtc(|r| r.port_min = 0).validate_ports(), "rtc.port_min", "at least 1");
        fails(
            rtc(|r| (r.port_min, r.port_max) = (10100, 10000)).validate_ports(),
            "rtc.port_min",
            "10100-10000 is empty",
        );
        fails(
            rtc(|r| r.udp_recv_buffer_bytes = MAX_SOCKET_BUFFER_BYTES + 1).validate_ports(),
            "rtc.udp_recv_buffer_bytes",
            "256 MiB",
        );
        fails(
            rtc(|r| r.udp_send_buffer_bytes = MAX_SOCKET_BUFFER_BYTES + 1).validate_ports(),
            "rtc.udp_send_buffer_bytes",
            "256 MiB",
        );
        rtc(|r| r.udp_recv_buffer_bytes = MAX_SOCKET_BUFFER_BYTES)
            .validate_ports()
            .unwrap();
        rtc(|r| (r.port_min, r.port_max) = (5, 5)).validate_ports().unwrap();
    }

    #[test]
    fn rtc_port_count_rule() {
        let mut r = RtcConfig::default();
        (r.port_min, r.port_max) = (10000, 10007);
        r.validate_port_count(4).unwrap();
        fails(
            r.validate_port_count(5),
            "rtc.port_min",
            "has 8 ports but 5 workers need at least 10",
        );
    }

    #[test]
    fn rtc_announced_address_rules() {
        let ok = RtcConfig::default();
        ok.validate_announced_address(false).unwrap();
        let with = |a: Option<&str>, listen_ip: &str| RtcConfig {
            announced_address: a.map(str::to_string),
            listen_ip: listen_ip.parse().unwrap(),
            ..RtcConfig::default()
        };
        for bad in [" ", "", "my host"] {
            fails(
                with(Some(bad), "127.0.0.1").validate_announced_address(false),
                "rtc.announced_address",
                "is not an IP address or host name",
            );
        }
        for local in ["127.0.0.1", "localhost", "0.0.0.0", "::1"] {
            with(Some(local), "127.0.0.1")
                .validate_announced_address(false)
                .unwrap();
            fails(
                with(Some(local), "127.0.0.1").validate_announced_address(true),
                "rtc.announced_address",
                "not reachable by clients",
            );
        }
        with(Some("sfu.example.com"), "0.0.0.0")
            .validate_announced_address(true)
            .unwrap();
        fails(
            with(None, "127.0.0.1").validate_announced_address(true),
            "rtc.announced_address",
            "--announced-address",
        );
        with(None, "127.0.0.1").validate_announced_address(false).unwrap();
        fails(
            with(None, "0.0.0.0").validate_announced_address(false),
            "rtc.announced_address",
            "all interfaces",
        );
    }

    #[test]
    fn admin_rules() {
        AdminConfig::default().validate(AuthMode::None, false).unwrap();
        let token = || Some("0123456789abcdef".to_string());
        let admin = |token: Option<String>, protect_metrics: bool, fault_injection: bool| AdminConfig {
            token,
            protect_metrics,
            fault_injection,
            ..AdminConfig::default()
        };
        admin(token(), true, true).validate(AuthMode::None, false).unwrap();
        fails(
            admin(Some("0123456789abcde".into()), false, false).validate(AuthMode::None, false),
            "admin.token",
            "16 characters",
        );
        fails(
            admin(Some("0123456789 abcdef".into()), false, false).validate(AuthMode::None, false),
            "admin.token",
            "without spaces",
        );
        fails(
            admin(None, false, true).validate(AuthMode::None, false),
            "admin.fault_injection",
            "admin.token",
        );
        admin(None, false, true).validate(AuthMode::Firebase, false).unwrap();
        fails(
            admin(None, true, false).validate(AuthMode::Firebase, false),
            "admin.protect_metrics",
            "scraper",
        );
        // Production refuses the chaos drill, whatever else is set.
        fails(
            admin(token(), false, true).validate(AuthMode::Firebase, true),
            "admin.fault_injection",
            "production refuses it",
        );
        admin(None, false, false).validate(AuthMode::Firebase, true).unwrap();
        fails(
            admin(Some(REDACTED.into()), false, false).validate(AuthMode::None, false),
            "admin.token",
            "real value",
        );
    }

    #[test]
    fn metrics_are_open_in_development_and_closed_in_production_unless_set() {
        let with = |open_metrics: Option<bool>, protect_metrics: bool| AdminConfig {
            token: Some("0123456789abcdef".into()),
            open_metrics,
            protect_metrics,
            ..AdminConfig::default()
        };
        let open = |a: &AdminConfig| (a.metrics_open(Mode::Development), a.metrics_open(Mode::Production));
        assert_eq!(open(&with(None, false)), (true, false));
        assert_eq!(open(&with(Some(true), false)), (true, true));
        assert_eq!(open(&with(Some(false), false)), (false, false));
        assert_eq!(open(&with(None, true)), (false, false));
        fails(
            with(Some(true), true).validate_metrics(),
            "admin.open_metrics",
            "opposite",
        );
        let mut closed = with(Some(false), false);
        closed.validate_metrics().unwrap();
        closed.token = None;
        fails(closed.validate_metrics(), "admin.open_metrics", "admin.token");
        // Closed by production's default with no token: an admin's ID token still opens it.
        with(None, false).validate_metrics().unwrap();
        let c = Config::from_toml("[admin]\nopen_metrics = true\n").unwrap();
        assert_eq!(c.admin.open_metrics, Some(true));
        let printed = toml::to_string_pretty(&Config::default()).unwrap();
        assert!(
            !printed.contains("open_metrics") && !printed.contains("protect_metrics"),
            "{printed}"
        );
    }

    #[test]
    fn redacted_hides_every_secret_and_a_redacted_value_is_refused() {
        let mut c = Config::default();
        c.admin.token = Some("0123456789abcdef-admin".into());
        c.turn = vec![TurnServerConfig {
            urls: vec!["turn:t:3478".into()],
            secret: "0123456789abcdef-turn".into(),
            ttl_secs: 3600,
        }];
        c.ice_servers.push(IceServerConfig {
            urls: vec!["turn:static:3478".into()],
            username: Some("u".into()),
            credential: Some("0123456789abcdef-ice".into()),
        });
        c.validate().unwrap();
        let r = c.redacted();
        let text = toml::to_string_pretty(&r).unwrap();
        assert!(!text.contains("0123456789abcdef"), "{text}");
        assert_eq!(text.matches(REDACTED).count(), 3, "{text}");
        assert_eq!(r.ice_servers[0].credential, None, "the STUN entry has no credential");
        let e = err_of(&r);
        assert!(e.starts_with("admin.token") && e.contains("real value"), "{e}");
        let mut r2 = r.clone();
        r2.admin.token = c.admin.token.clone();
        assert!(err_of(&r2).starts_with("ice_servers.credential"), "{}", err_of(&r2));
        r2.ice_servers = c.ice_servers.clone();
        assert!(err_of(&r2).starts_with("turn.secret"), "{}", err_of(&r2));
    }

    #[test]
    fn placement_rules() {
        PlacementConfig::default().validate().unwrap();
        let c = Config::from_toml("[placement]\nmax_peers_per_worker = 40\nmax_worker_cpu_percent = 60\n").unwrap();
        assert_eq!(
            (c.placement.max_peers_per_worker, c.placement.max_worker_cpu_percent),
            (40, 60)
        );
        for bad in [0, 101] {
            let p = PlacementConfig {
                max_worker_cpu_percent: bad,
                ..PlacementConfig::default()
            };
            fails(p.validate(), "placement.max_worker_cpu_percent", "use 1-100");
        }
    }

    #[test]
    fn workers_rule() {
        validate_workers(Config::default().worker_count()).unwrap();
        validate_workers(256).unwrap();
        fails(validate_workers(257), "workers", "257 workers is more than 256");
    }

    #[test]
    fn ice_servers_rules() {
        validate_ice_servers(&Config::default().ice_servers).unwrap();
        validate_ice_servers(&[]).unwrap();
        let server = |urls: &[&str], creds: bool| IceServerConfig {
            urls: urls.iter().map(|u| u.to_string()).collect(),
            username: creds.then(|| "user".to_string()),
            credential: creds.then(|| "pass".to_string()),
        };
        validate_ice_servers(&[server(&["stuns:s.example.com", "turns:t.example.com"], true)]).unwrap();
        fails(
            validate_ice_servers(&[server(&["stun:s.example.com"], false), server(&[], false)]),
            "ice_servers",
            "entry 1 has no urls",
        );
        fails(
            validate_ice_servers(&[server(&["https://s.example.com"], true)]),
            "ice_servers",
            "must start with stun:, stuns:, turn: or turns:",
        );
        fails(
            validate_ice_servers(&[server(&["turn:t.example.com"], false)]),
            "ice_servers",
            "needs username and credential",
        );
    }

    #[test]
    fn tls_rules() {
        TlsConfig::default().validate(false).unwrap();
        let tls = |cert: bool, key: bool, dev_self_signed: bool, behind_proxy: bool| TlsConfig {
            cert: cert.then(|| "/etc/cert.pem".into()),
            key: key.then(|| "/etc/key.pem".into()),
            dev_self_signed,
            behind_proxy,
            ..TlsConfig::default()
        };
        fails(
            tls(true, false, false, false).validate(false),
            "tls.cert",
            "go together",
        );
        fails(
            tls(false, true, false, false).validate(false),
            "tls.cert",
            "go together",
        );
        fails(
            tls(true, true, true, false).validate(false),
            "tls.dev_self_signed",
            "makes its own certificate",
        );
        tls(false, false, true, false).validate(false).unwrap();
        fails(
            tls(false, false, true, false).validate(true),
            "tls.dev_self_signed",
            "production needs tls.cert",
        );
        fails(tls(false, false, false, false).validate(true), "tls", "behind_proxy");
        tls(true, true, false, false).validate(true).unwrap();
        tls(false, false, false, true).validate(true).unwrap();
    }

    #[test]
    fn turn_rules() {
        validate_turn(&Config::default().turn, true).unwrap();
        let turn = |urls: &[&str], secret: &str, ttl_secs: u64| TurnServerConfig {
            urls: urls.iter().map(|u| u.to_string()).collect(),
            secret: secret.to_string(),
            ttl_secs,
        };
        let strong = "0123456789abcdef";
        validate_turn(
            &[turn(&["turn:t.example.com", "turns:t.example.com"], strong, 60)],
            true,
        )
        .unwrap();
        fails(
            validate_turn(&[turn(&[], strong, 3600)], false),
            "turn",
            "entry 0 has no urls",
        );
        fails(
            validate_turn(&[turn(&["stun:s.example.com"], strong, 3600)], false),
            "turn",
            "STUN servers go in ice_servers",
        );
        fails(
            validate_turn(&[turn(&["turn:t.example.com"], " ", 3600)], false),
            "turn.secret",
            "entry 0 needs the secret",
        );
        validate_turn(&[turn(&["turn:t.example.com"], "short", 3600)], false).unwrap();
        fails(
            validate_turn(&[turn(&["turn:t.example.com"], "short", 3600)], true),
            "turn.secret",
            "at least 16 characters",
        );
        for ttl in [59, 7 * 86_400 + 1] {
            fails(
                validate_turn(&[turn(&["turn:t.example.com"], strong, ttl)], false),
                "turn.ttl_secs",
                "outside 60..=604800",
            );
        }
    }

    #[test]
    fn auth_rules() {
        AuthConfig::default().validate(false).unwrap();
        let firebase = || AuthConfig {
            mode: AuthMode::Firebase,
            project_id: Some("demo-sfu".into()),
            ..AuthConfig::default()
        };
        firebase().validate(true).unwrap();
        fails(
            AuthConfig::default().validate(true),
            "auth.mode",
            "production mode needs authentication",
        );

        let emulated = AuthConfig {
            emulator_host: Some("127.0.0.1:9099".into()),
            ..firebase()
        };
        emulated.validate(false).unwrap();
        fails(emulated.validate(true), "auth.emulator_host", "production refuses it");
        let emulated_without_auth = AuthConfig {
            mode: AuthMode::None,
            ..emulated.clone()
        };
        fails(
            emulated_without_auth.validate(false),
            "auth.emulator_host",
            "auth.mode is none",
        );
        let emulated_admins = AuthConfig {
            default_role: crate::role::Role::Admin,
            ..emulated
        };
        fails(
            emulated_admins.validate(false),
            "auth.default_role",
            "never carry the admin role",
        );

        for missing in [None, Some(String::new())] {
            let a = AuthConfig {
                project_id: missing,
                ..firebase()
            };
            fails(a.validate(false), "auth.project_id", "needs the Firebase project id");
        }
        for bad in ["My Project".to_string(), "p_1".to_string(), "a".repeat(64)] {
            let a = AuthConfig {
                project_id: Some(bad),
                ..firebase()
            };
            fails(a.validate(false), "auth.project_id", "is not a Firebase project id");
        }
    }

    #[test]
    fn auth_keys_url_and_claim_rules() {
        let with_keys_url = |url: &str| AuthConfig {
            mode: AuthMode::Firebase,
            project_id: Some("demo-sfu".into()),
            keys_url: url.to_string(),
            ..AuthConfig::default()
        };
        with_keys_url("http://127.0.0.1:9/keys").validate(false).unwrap();
        fails(
            with_keys_url("http://127.0.0.1:9/keys").validate(true),
            "auth.keys_url",
            "is not an https URL",
        );
        fails(
            with_keys_url("ftp://x").validate(false),
            "auth.keys_url",
            "is not an http(s) URL",
        );
        fails(
            with_keys_url("https://bad host/").validate(false),
            "auth.keys_url",
            GOOGLE_SECURETOKEN_KEYS_URL,
        );
        // Without Firebase the keys URL is not used, so not checked.
        AuthConfig {
            keys_url: "ftp://x".into(),
            ..AuthConfig::default()
        }
        .validate(false)
        .unwrap();

        let no_claim = AuthConfig {
            role_claim: String::new(),
            ..AuthConfig::default()
        };
        fails(no_claim.validate(false), "auth.role_claim", "custom claim");
        let skewed = AuthConfig {
            clock_skew_secs: 301,
            ..AuthConfig::default()
        };
        fails(skewed.validate(false), "auth.clock_skew_secs", "301 is over 300");
    }

    #[test]
    fn feed_rules() {
        FeedSettings::default().validate().unwrap();
        let parsed = Config::from_toml("[feed]\nrecommender = \"random\"\nseed = 7\n").unwrap();
        assert_eq!(
            (parsed.feed.recommender, parsed.feed.seed),
            (RecommenderKind::Random, Some(7))
        );
        assert!(Config::from_toml("[feed]\nrecommender = \"magic\"\n").is_err());
        assert!(
            FeedSettings::default().share_playouts,
            "shared playouts are on by default"
        );
        let private = Config::from_toml("[feed]\nshare_playouts = false\n").unwrap();
        assert!(!private.feed.share_playouts);
        let with = |f: fn(&mut FeedSettings)| {
            let mut s = FeedSettings::default();
            f(&mut s);
            s.validate()
        };
        fails(
            with(|s| s.recommender = RecommenderKind::External),
            "feed.external_url",
            "needs external_url",
        );
        fails(
            with(|s| {
                s.recommender = RecommenderKind::External;
                s.external_url = Some("https://x/".into());
            }),
            "feed.external_url",
            "plain http://",
        );
        fails(
            with(|s| s.external_timeout_ms = 0),
            "feed.external_timeout_ms",
            "1-1000",
        );
        fails(with(|s| s.join_window_ms = 1001), "feed.join_window_ms", "0-1000");
        with(|s| s.join_window_ms = 0).unwrap();
        fails(
            with(|s| {
                s.recommender = RecommenderKind::External;
                s.external_url = Some("http:///nohost".into());
            }),
            "feed.external_url",
            "plain http://",
        );
        with(|s| {
            s.recommender = RecommenderKind::External;
            s.external_url = Some("http://127.0.0.1:9/r".into());
        })
        .expect("a plain http:// URL with a host is accepted");
        let x = Config::from_toml("[feed.experiment]\nrecommender = \"random\"\npercent = 50\n").unwrap();
        assert_eq!(
            x.feed.experiment,
            Some(ExperimentSettings {
                recommender: RecommenderKind::Random,
                percent: 50
            })
        );
        let arm = |r: RecommenderKind, percent: u8| {
            FeedSettings {
                experiment: Some(ExperimentSettings {
                    recommender: r,
                    percent,
                }),
                ..FeedSettings::default()
            }
            .validate()
        };
        fails(arm(RecommenderKind::Random, 0), "feed.experiment.percent", "1-99");
        fails(arm(RecommenderKind::Random, 100), "feed.experiment.percent", "1-99");
        fails(
            arm(RecommenderKind::Learning, 50),
            "feed.experiment.recommender",
            "other than",
        );
        fails(
            arm(RecommenderKind::External, 50),
            "feed.experiment.recommender",
            "cannot be",
        );
    }

    #[test]
    fn buffer_rules() {
        BufferConfig::default().validate().unwrap();
        let with = |f: fn(&mut BufferConfig)| {
            let mut b = BufferConfig::default();
            f(&mut b);
            b.validate()
        };
        let bad: [(Change<BufferConfig>, &str, &str); 12] = [
            (|b| b.cap_bytes = (256 << 10) - 1, "buffer.cap_bytes", "below 256 KiB"),
            (
                |b| b.max_utterance_ms = 999,
                "buffer.max_utterance_ms",
                "999 is outside",
            ),
            (
                |b| b.max_utterance_ms = 60_001,
                "buffer.max_utterance_ms",
                "60001 is outside",
            ),
            (|b| b.hangover_ms = 5_001, "buffer.hangover_ms", "at most 5000"),
            (|b| b.pre_roll_ms = 2_001, "buffer.hangover_ms", "at most 2000"),
            (
                |b| (b.onset_level, b.offset_level) = (128, 128),
                "buffer.onset_level",
                "0 (loudest)",
            ),
            (|b| b.offset_level = 128, "buffer.onset_level", "offset_level (128)"),
            (
                |b| b.offset_level = 44,
                "buffer.onset_level",
                "offset_level (44) must be at least onset_level (45)",
            ),
            (
                |b| b.room_share_percent = 0,
                "buffer.room_share_percent",
                "0 is outside 1..=100",
            ),
            (
                |b| b.room_share_percent = 101,
                "buffer.room_share_percent",
                "101 is outside",
            ),
            (
                |b| b.speaker_share_percent = 0,
                "buffer.speaker_share_percent",
                "0 is outside",
            ),
            (
                |b| b.speaker_share_percent = 200,
                "buffer.speaker_share_percent",
                "200 is outside",
            ),
        ];
        for (change, setting, fragment) in bad {
            fails(with(change), setting, fragment);
        }
        with(|b| b.cap_bytes = 256 << 10).unwrap();
        with(|b| b.offset_level = 45).unwrap();
        with(|b| (b.room_share_percent, b.speaker_share_percent) = (100, 1)).unwrap();
        let store = BufferConfig::default().store();
        assert_eq!(
            (store.cap_bytes, store.room_share_floor, store.speaker_share_floor),
            (1 << 30, 0.25, 0.25)
        );
    }

    #[test]
    fn limits_rules() {
        Limits::default().validate().unwrap();
        let zeroed: [(&str, Change<Limits>); 18] = [
            ("limits.max_rooms", |l| l.max_rooms = 0),
            ("limits.max_message_bytes", |l| l.max_message_bytes = 0),
            ("limits.messages_per_second", |l| l.messages_per_second = 0),
            ("limits.message_burst", |l| l.message_burst = 0),
            ("limits.max_connections_per_ip", |l| l.max_connections_per_ip = 0),
            ("limits.max_connections", |l| l.max_connections = 0),
            ("limits.max_peers_per_room", |l| l.max_peers_per_room = 0),
            ("limits.max_transports_per_peer", |l| l.max_transports_per_peer = 0),
            ("limits.max_producers_per_peer", |l| l.max_producers_per_peer = 0),
            ("limits.max_consumers_per_peer", |l| l.max_consumers_per_peer = 0),
            ("limits.heartbeat_interval_secs", |l| l.heartbeat_interval_secs = 0),
            ("limits.heartbeat_timeout_secs", |l| l.heartbeat_timeout_secs = 0),
            ("limits.max_parked_per_ip", |l| l.max_parked_per_ip = 0),
            ("limits.max_parked_per_uid", |l| l.max_parked_per_uid = 0),
            ("limits.new_connections_per_ip_per_sec", |l| {
                l.new_connections_per_ip_per_sec = 0
            }),
            ("limits.new_connections_burst_per_ip", |l| {
                l.new_connections_burst_per_ip = 0
            }),
            ("limits.join_deadline_secs", |l| l.join_deadline_secs = 0),
            ("limits.http_header_timeout_secs", |l| l.http_header_timeout_secs = 0),
        ];
        for (setting, zero) in zeroed {
            let mut l = Limits::default();
            zero(&mut l);
            fails(l.validate(), setting, "must be greater than 0");
        }
        let mut l = Limits::default();
        l.max_frame_bytes = l.max_message_bytes - 1;
        fails(l.validate(), "limits.max_frame_bytes", "it must be at least as large");
        let mut l = Limits::default();
        l.heartbeat_timeout_secs = l.heartbeat_interval_secs;
        fails(l.validate(), "limits.heartbeat_timeout_secs", "dropped between pings");
        let mut l = Limits {
            proxy_protocol: true,
            ..Limits::default()
        };
        fails(l.validate(), "limits.proxy_protocol", "limits.trusted_proxies");
        l.trusted_proxies = vec!["10.0.0.0/8".parse().unwrap()];
        l.validate().unwrap();
    }

    #[test]
    fn cidrs_parse_and_match() {
        let c = |s: &str| s.parse::<Cidr>().unwrap();
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert!(c("10.0.0.0/8").contains(ip("10.255.1.2")));
        assert!(!c("10.0.0.0/8").contains(ip("11.0.0.1")));
        assert!(c("10.1.2.3/8").contains(ip("10.9.9.9")), "host bits are ignored");
        assert!(c("192.0.2.7").contains(ip("192.0.2.7")));
        assert!(!c("192.0.2.7").contains(ip("192.0.2.8")));
        assert!(c("0.0.0.0/0").contains(ip("203.0.113.9")));
        assert!(
            !c("0.0.0.0/0").contains(ip("::1")),
            "IPv4 networks hold no IPv6 address"
        );
        assert!(c("2001:db8::/32").contains(ip("2001:db8:ffff::1")));
        assert!(!c("2001:db8::/32").contains(ip("2001:db9::1")));
        assert!(c("::/0").contains(ip("2001:db8::1")));
        assert!(c("::1").contains(ip("::1")));
        assert!(c("127.0.0.1/32").contains(ip("::ffff:127.0.0.1")), "IPv4-mapped");
        assert!(
            c("::ffff:10.0.0.0/104").contains(ip("10.1.1.1")),
            "mapped network is IPv4"
        );
        assert_eq!(c("10.0.0.0/8").to_string(), "10.0.0.0/8");
        assert_eq!(c("::1").to_string(), "::1/128");
        for bad in [
            "",
            "10.0.0.0/33",
            "::/129",
            "10.0.0/8",
            "10.0.0.0/",
            "10.0.0.0/+8",
            "10.0.0.0/08",
            "x/8",
            "10.0.0.0/8/8",
        ] {
            assert!(bad.parse::<Cidr>().is_err(), "{bad:?} is refused");
        }
        let e = "10.0.0.0/33".parse::<Cidr>().unwrap_err();
        assert!(e.contains("0-32"), "{e}");
    }

    #[test]
    fn trusted_proxies_come_from_the_file() {
        let l: Limits = toml::from_str("trusted_proxies = [\"10.0.0.0/8\", \"::1\"]\nproxy_protocol = true").unwrap();
        assert_eq!(l.trusted_proxies.len(), 2);
        assert!(l.proxy_protocol);
        let e = toml::from_str::<Limits>("trusted_proxies = [\"10.0.0.0/40\"]").unwrap_err();
        assert!(e.to_string().contains("prefix length"), "{e}");
    }
}
