//! Load scenarios (`scenarios/*.toml`): what `sfu loadtest` and `sfu soak` run and the SLOs they
//! check. Parsing is strict (unknown keys are errors) and every error names the file and the
//! field, so a typo in a CI scenario fails loudly instead of silently testing less.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Limits that keep a scenario from exhausting the machine by a typo.
const MAX_PEERS: usize = 5_000;
const MAX_DURATION_SECS: f64 = 24.0 * 3600.0;
/// Hostile clients per room: a few kinds of abuse, not a denial of service of the load host.
const MAX_HOSTILE_PER_ROOM: usize = 1_000;

#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    #[error("cannot read scenario {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("invalid scenario {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("invalid scenario {path}: `{field}` {message}")]
    Invalid {
        path: PathBuf,
        field: String,
        message: String,
    },
}

/// One scenario file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// How long each phase's viewers stay once connected, seconds.
    pub duration_secs: f64,
    /// Peers started per second (broadcasters and viewers, over all rooms of a phase).
    pub ramp_per_sec: f64,
    #[serde(default)]
    pub server: ServerSpec,
    #[serde(default)]
    pub talk: TalkSpec,
    /// Run one after the other; each gets its own numbers in the report.
    #[serde(rename = "phase")]
    pub phases: Vec<Phase>,
    pub slo: Slo,
    /// Used by `sfu soak` (and ignored by `sfu loadtest`).
    #[serde(default)]
    pub churn: Option<Churn>,
    /// Run on a cluster of nodes sharing one Redis (docs/cluster.md, "Load scenario").
    #[serde(default)]
    pub cluster: Option<ClusterSpec>,
}

/// `[cluster]`: `sfu loadtest` starts a `redis-server` and `nodes` in-process nodes (or loads
/// the `--url` nodes given, one per node), puts each phase's broadcasters on one node and spreads
/// its viewers evenly over others, and judges the cluster's targets per phase.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClusterSpec {
    pub nodes: usize,
    /// An edge node's worker CPU per viewer may differ from the home node's by at most this,
    /// percent of the home's.
    pub max_edge_cost_diff_percent: f64,
    /// Live viewers' latency p99 on the edge nodes minus on the home node, at most this.
    pub max_added_latency_p99_ms: f64,
    /// A pipe's cost on the home node, in consumers of one viewer: at most this (1: a pipe
    /// costs no more than one consumer per producer).
    pub max_pipe_cost_consumers: f64,
    /// The two measuring windows before each phase's viewers (the broadcasters alone, then one
    /// viewer on each edge), seconds each: longer is steadier.
    #[serde(default = "default_window_secs")]
    pub window_secs: f64,
    /// The live phase whose windows judge `max_pipe_cost_consumers`. A pipe and a consumer of
    /// one audio producer each cost a worker well under 0.1 % of a core, inside a window's
    /// noise: a phase with many producers (and only its openers for viewers) multiplies both
    /// above it. Absent: every live phase judges it.
    #[serde(default)]
    pub pipe_cost_phase: Option<String>,
}

fn default_window_secs() -> f64 {
    5.0
}

/// The in-process server's settings (ignored with `--url`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSpec {
    pub workers: usize,
    pub buffer_cap_bytes: usize,
    /// How long a peer whose socket was cut stays parked for `resume`.
    pub resume_grace_secs: u64,
    /// The in-process server's `[feed] recommender` (its default when absent).
    #[serde(default)]
    pub recommender: Option<Policy>,
    /// An A/B experiment on the in-process server (`[feed.experiment]`): this policy for
    /// `experiment_percent` of the viewers.
    #[serde(default)]
    pub experiment_recommender: Option<Policy>,
    #[serde(default)]
    pub experiment_percent: Option<u8>,
    /// The in-process server's `[feed] share_playouts` (its default, on, when absent): off, every
    /// feed viewer gets a private stream (the worst case, and a cost per viewer that does not
    /// depend on which viewers happen to meet).
    #[serde(default)]
    pub share_playouts: Option<bool>,
    /// The in-process server's `[placement] max_peers_per_worker` (its default, no limit, when
    /// absent): with several workers, a room's viewers go to the room's other workers once its
    /// first one has this many peers, so one room spans the workers of each node.
    #[serde(default)]
    pub max_peers_per_worker: Option<usize>,
}

/// A feed recommender a scenario can ask the in-process server for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    Random,
    Learning,
}

impl Default for ServerSpec {
    fn default() -> Self {
        ServerSpec {
            workers: 1,
            buffer_cap_bytes: 64 << 20,
            resume_grace_secs: 1,
            recommender: None,
            experiment_recommender: None,
            experiment_percent: None,
            share_playouts: None,
            max_peers_per_worker: None,
        }
    }
}

/// The broadcasters' talk spurts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TalkSpec {
    pub talk_ms: u64,
    pub silence_ms: u64,
    #[serde(default = "default_variation")]
    pub variation: f64,
    #[serde(default = "default_seed")]
    pub seed: u64,
}

fn default_variation() -> f64 {
    0.3
}

fn default_seed() -> u64 {
    1
}

impl Default for TalkSpec {
    fn default() -> Self {
        TalkSpec {
            talk_ms: 2000,
            silence_ms: 1000,
            variation: default_variation(),
            seed: default_seed(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ViewerMode {
    /// Each viewer consumes every broadcaster of its room.
    Live,
    /// Each viewer subscribes to the rerouted feed of buffered utterances.
    Feed,
}

/// A load held for `duration_secs`: `rooms` rooms, each with its broadcasters and viewers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub name: String,
    pub rooms: usize,
    pub broadcasters: usize,
    pub viewers: usize,
    pub mode: ViewerMode,
    #[serde(default)]
    pub video: bool,
    /// Hostile clients per room next to the real peers (floods, binary and oversize frames,
    /// join-and-drop loops, duplicate consumes): the noisy-neighbour load.
    #[serde(default)]
    pub hostile: usize,
    /// An earlier phase this one is compared with: its real viewers' loss and latency p99 must
    /// stay within `slo.max_degradation_percent` of that phase's.
    #[serde(default)]
    pub baseline: Option<String>,
    /// Feed viewers with hidden tastes seeded so (`sfu synthetic-viewer --taste`): they like
    /// some speakers and skip the others after about a second.
    #[serde(default)]
    pub taste_seed: Option<u64>,
    /// `[cluster]` scenarios: the node (0-based) the phase's broadcasters join, the room's home.
    #[serde(default)]
    pub broadcaster_node: usize,
    /// `[cluster]` scenarios: the nodes the phase's viewers are spread over evenly (the first
    /// ones get one more when they do not divide); absent: every node.
    #[serde(default)]
    pub viewer_nodes: Option<Vec<usize>>,
}

/// Every SLO must be given: a scenario that forgets one must not pass by default.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slo {
    pub max_loss_percent: f64,
    pub max_latency_p99_ms: f64,
    /// Highest mean CPU of one mediasoup worker over a phase, percent of one core.
    pub max_worker_cpu_percent: f64,
    pub max_buffer_bytes: u64,
    /// Peers that connected / peers started, per phase.
    pub min_connected_ratio: f64,
    /// With a phase's `baseline`: how much worse (percent) its viewers' loss and latency p99 may
    /// be than the baseline phase's. Required when a phase names a baseline.
    #[serde(default)]
    pub max_degradation_percent: Option<f64>,
    /// Tasteful viewers split between the learning and the random recommender (an A/B
    /// experiment): learning's skip rate over the second half of the run, divided by random's,
    /// at most this.
    #[serde(default)]
    pub max_learning_skip_ratio: Option<f64>,
    /// Tasteful viewers: speaker-minutes in which no viewer heard the speaker, at most this.
    #[serde(default)]
    pub max_starved_speaker_minutes: Option<u64>,
}

/// Churn for `sfu soak`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Churn {
    /// Viewers leave after a random time in `[session/2, session]` and a new wave joins.
    pub viewer_session_secs: f64,
    /// Broadcasters are dropped after a random time in `[session/2, session]` (mid-utterance
    /// whenever they are talking) and reconnect.
    pub broadcaster_session_secs: f64,
    /// Signaling sockets cut without a close (peer joined with a transport) per second.
    pub socket_cuts_per_sec: f64,
    /// RSS is measured from the end of the warm-up.
    pub warmup_secs: f64,
    pub max_rss_growth_percent: f64,
    /// Highest least-squares slope of the server's RSS after the warm-up, MiB per minute: the
    /// check a leak fails however slowly it grows.
    #[serde(default)]
    pub max_rss_slope_mib_per_min: Option<f64>,
    /// How far (percent) RSS may rise above `baseline + buffer cap` after the warm-up, where the
    /// baseline is the RSS the buffer does not explain (RSS minus buffer bytes) at its end.
    #[serde(default)]
    pub max_rss_over_cap_percent: Option<f64>,
    /// Fewest utterances evicted per second after the warm-up: proves the buffer churned.
    #[serde(default)]
    pub min_evictions_per_sec: Option<f64>,
}

impl Scenario {
    /// Reads and validates `path`.
    pub fn load(path: &Path) -> Result<Scenario, ScenarioError> {
        let text = std::fs::read_to_string(path).map_err(|source| ScenarioError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Scenario::parse(&text, path)
    }

    /// Parses and validates `text`; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Scenario, ScenarioError> {
        let scenario: Scenario = toml::from_str(text).map_err(|e| ScenarioError::Parse {
            path: path.to_path_buf(),
            message: e.to_string().trim_end().to_string(),
        })?;
        scenario.validate(path)?;
        Ok(scenario)
    }

    fn validate(&self, path: &Path) -> Result<(), ScenarioError> {
        self.validate_sections().map_err(|e| ScenarioError::Invalid {
            path: path.to_path_buf(),
            field: e.field,
            message: e.message,
        })
    }

    /// Every section in file order; the first problem wins.
    fn validate_sections(&self) -> Result<(), Invalid> {
        if !valid_name(&self.name) {
            return Err(Invalid::new("name", NAME_RULE.into()));
        }
        positive("duration_secs", self.duration_secs, MAX_DURATION_SECS)?;
        positive("ramp_per_sec", self.ramp_per_sec, 10_000.0)?;
        self.server.validate()?;
        self.talk.validate()?;
        validate_phases(&self.phases)?;
        self.slo.validate()?;
        if self.phases.iter().any(|p| p.baseline.is_some()) && self.slo.max_degradation_percent.is_none() {
            return Err(Invalid::new(
                "slo.max_degradation_percent",
                "is required when a phase has a baseline".into(),
            ));
        }
        if let Some(c) = &self.churn {
            c.validate()?;
        }
        match &self.cluster {
            Some(c) => c.validate(&self.phases),
            None => self.phases.iter().enumerate().try_for_each(|(i, p)| {
                let placed = p.broadcaster_node != 0 || p.viewer_nodes.is_some();
                match placed {
                    true => Err(Invalid::new(
                        &format!("phase[{i}].broadcaster_node"),
                        "and viewer_nodes place peers on the nodes of a [cluster] scenario; this one has no [cluster] table".into(),
                    )),
                    false => Ok(()),
                }
            }),
        }
    }
    /// Replaces every phase's `viewers` (`sfu loadtest --viewers N`, the capacity ramp) and checks
    /// the result against the same limits as the file; `path` names the scenario in errors.
    pub fn set_viewers(&mut self, viewers: usize, path: &Path) -> Result<(), ScenarioError> {
        if viewers == 0 {
            return Err(ScenarioError::Invalid {
                path: path.to_path_buf(),
                field: "--viewers".into(),
                message: "must be at least 1".into(),
            });
        }
        for phase in &mut self.phases {
            phase.viewers = viewers;
        }
        self.validate(path)
    }

    pub fn duration(&self) -> Duration {
        Duration::from_secs_f64(self.duration_secs)
    }

    /// Every peer of every phase.
    pub fn peers(&self) -> usize {
        self.phases.iter().map(|p| p.rooms * (p.broadcasters + p.viewers)).sum()
    }
}

/// A problem with one field, before it is tied to the file.
#[derive(Debug, PartialEq)]
struct Invalid {
    field: String,
    message: String,
}

impl Invalid {
    fn new(field: &str, message: String) -> Invalid {
        Invalid {
            field: field.to_string(),
            message,
        }
    }
}

const NAME_RULE: &str = "must be non-empty, letters, digits, - and _";

/// Scenario and phase names end up in room names: non-empty, letters, digits, `-` and `_`.
fn valid_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b))
}

fn positive(field: &str, v: f64, max: f64) -> Result<(), Invalid> {
    if v.is_finite() && v > 0.0 && v <= max {
        Ok(())
    } else {
        Err(Invalid::new(field, format!("must be > 0 and <= {max}, got {v}")))
    }
}

fn non_negative(field: &str, v: f64) -> Result<(), Invalid> {
    if v.is_finite() && v >= 0.0 {
        Ok(())
    } else {
        Err(Invalid::new(field, format!("must be >= 0, got {v}")))
    }
}

impl ServerSpec {
    fn validate(&self) -> Result<(), Invalid> {
        if !(1..=16).contains(&self.workers) {
            return Err(Invalid::new(
                "server.workers",
                format!("must be 1..=16, got {}", self.workers),
            ));
        }
        if self.buffer_cap_bytes == 0 {
            return Err(Invalid::new("server.buffer_cap_bytes", "must be at least 1".into()));
        }
        Ok(())
    }
}

impl TalkSpec {
    fn validate(&self) -> Result<(), Invalid> {
        if self.talk_ms == 0 {
            return Err(Invalid::new("talk.talk_ms", "must be at least 1".into()));
        }
        if !(0.0..=0.9).contains(&self.variation) {
            return Err(Invalid::new(
                "talk.variation",
                format!("must be 0..=0.9, got {}", self.variation),
            ));
        }
        Ok(())
    }
}

/// At least one phase, each valid and named apart, and at most [`MAX_PEERS`] peers in all.
fn validate_phases(phases: &[Phase]) -> Result<(), Invalid> {
    if phases.is_empty() {
        return Err(Invalid::new("phase", "at least one [[phase]] is needed".into()));
    }
    let mut total = 0usize;
    for (i, p) in phases.iter().enumerate() {
        p.validate(i, &phases[..i])?;
        let peers = p.broadcasters.saturating_add(p.viewers).saturating_add(p.hostile);
        total = total.saturating_add(p.rooms.saturating_mul(peers));
    }
    if total > MAX_PEERS {
        return Err(Invalid::new(
            "phase",
            format!("{total} peers in all; the limit is {MAX_PEERS}"),
        ));
    }
    Ok(())
}

impl Phase {
    /// The phase, named apart from the `earlier` ones; `index` names it in errors.
    fn validate(&self, index: usize, earlier: &[Phase]) -> Result<(), Invalid> {
        let field = |f: &str| format!("phase[{index}].{f}");
        if !valid_name(&self.name) {
            return Err(Invalid::new(&field("name"), NAME_RULE.into()));
        }
        if earlier.iter().any(|q| q.name == self.name) {
            return Err(Invalid::new(
                &field("name"),
                format!("{:?} is used by an earlier phase", self.name),
            ));
        }
        for (f, v) in [
            ("rooms", self.rooms),
            ("broadcasters", self.broadcasters),
            ("viewers", self.viewers),
        ] {
            if v == 0 {
                return Err(Invalid::new(&field(f), "must be at least 1".into()));
            }
        }
        if self.hostile > MAX_HOSTILE_PER_ROOM {
            return Err(Invalid::new(
                &field("hostile"),
                format!("must be at most {MAX_HOSTILE_PER_ROOM}, got {}", self.hostile),
            ));
        }
        match &self.baseline {
            Some(b) if !earlier.iter().any(|q| &q.name == b) => Err(Invalid::new(
                &field("baseline"),
                format!("{b:?} is not an earlier phase"),
            )),
            _ => Ok(()),
        }
    }
}

impl Slo {
    fn validate(&self) -> Result<(), Invalid> {
        non_negative("slo.max_loss_percent", self.max_loss_percent)?;
        non_negative("slo.max_latency_p99_ms", self.max_latency_p99_ms)?;
        non_negative("slo.max_worker_cpu_percent", self.max_worker_cpu_percent)?;
        if let Some(d) = self.max_degradation_percent {
            non_negative("slo.max_degradation_percent", d)?;
        }
        if !(0.0..=1.0).contains(&self.min_connected_ratio) {
            return Err(Invalid::new(
                "slo.min_connected_ratio",
                format!("must be 0..=1, got {}", self.min_connected_ratio),
            ));
        }
        Ok(())
    }
}

/// The most nodes a scenario starts: each is a server with its own worker.
const MAX_NODES: usize = 8;

impl ClusterSpec {
    fn validate(&self, phases: &[Phase]) -> Result<(), Invalid> {
        if !(2..=MAX_NODES).contains(&self.nodes) {
            return Err(Invalid::new(
                "cluster.nodes",
                format!("must be 2..={MAX_NODES}, got {}", self.nodes),
            ));
        }
        non_negative("cluster.max_edge_cost_diff_percent", self.max_edge_cost_diff_percent)?;
        non_negative("cluster.max_added_latency_p99_ms", self.max_added_latency_p99_ms)?;
        non_negative("cluster.max_pipe_cost_consumers", self.max_pipe_cost_consumers)?;
        positive("cluster.window_secs", self.window_secs, 600.0)?;
        if let Some(name) = &self.pipe_cost_phase {
            match phases.iter().find(|p| &p.name == name) {
                Some(p) if p.mode == ViewerMode::Live => {}
                Some(_) => {
                    return Err(Invalid::new(
                        "cluster.pipe_cost_phase",
                        format!(
                            "names phase {name:?}, which is not a live phase: pipes are judged against live consumers"
                        ),
                    ))
                }
                None => {
                    return Err(Invalid::new(
                        "cluster.pipe_cost_phase",
                        format!("names phase {name:?}, which the scenario does not have"),
                    ))
                }
            }
        }
        phases
            .iter()
            .enumerate()
            .try_for_each(|(i, p)| self.validate_phase(i, p))
    }

    /// One room, its broadcasters on a node that exists, its viewers on distinct nodes that
    /// exist, at least one viewer on each.
    fn validate_phase(&self, index: usize, p: &Phase) -> Result<(), Invalid> {
        let field = |f: &str| format!("phase[{index}].{f}");
        if p.rooms != 1 {
            return Err(Invalid::new(
                &field("rooms"),
                format!(
                    "must be 1 in a [cluster] scenario (one room across the nodes), got {}",
                    p.rooms
                ),
            ));
        }
        if p.hostile != 0 {
            return Err(Invalid::new(
                &field("hostile"),
                "hostile clients are not run in a [cluster] scenario".into(),
            ));
        }
        if p.broadcaster_node >= self.nodes {
            return Err(Invalid::new(
                &field("broadcaster_node"),
                format!("is {}; the nodes are 0..{}", p.broadcaster_node, self.nodes),
            ));
        }
        let nodes = self.viewer_nodes(p);
        if let Some(n) = nodes.iter().find(|&&n| n >= self.nodes) {
            return Err(Invalid::new(
                &field("viewer_nodes"),
                format!("names node {n}; the nodes are 0..{}", self.nodes),
            ));
        }
        let mut distinct = nodes.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if nodes.is_empty() || distinct.len() != nodes.len() {
            return Err(Invalid::new(
                &field("viewer_nodes"),
                "must list at least one node, each once".into(),
            ));
        }
        if p.viewers < nodes.len() {
            return Err(Invalid::new(
                &field("viewers"),
                format!("{} viewers cannot be spread over {} nodes", p.viewers, nodes.len()),
            ));
        }
        Ok(())
    }

    /// The nodes `phase`'s viewers are spread over.
    pub fn viewer_nodes(&self, phase: &Phase) -> Vec<usize> {
        phase.viewer_nodes.clone().unwrap_or_else(|| (0..self.nodes).collect())
    }

    /// Whether `phase`'s windows judge the pipe target (`pipe_cost_phase`).
    pub fn judges_pipe_cost(&self, phase: &Phase) -> bool {
        phase.mode == ViewerMode::Live && self.pipe_cost_phase.as_ref().is_none_or(|name| *name == phase.name)
    }

    /// (node, viewers) of `phase`: its viewers spread evenly, the first nodes one more.
    pub fn placement(&self, phase: &Phase) -> Vec<(usize, usize)> {
        let nodes = self.viewer_nodes(phase);
        let (each, extra) = (phase.viewers / nodes.len(), phase.viewers % nodes.len());
        nodes
            .iter()
            .enumerate()
            .map(|(i, &n)| (n, each + usize::from(i < extra)))
            .collect()
    }
}

impl Churn {
    fn validate(&self) -> Result<(), Invalid> {
        positive("churn.viewer_session_secs", self.viewer_session_secs, MAX_DURATION_SECS)?;
        positive(
            "churn.broadcaster_session_secs",
            self.broadcaster_session_secs,
            MAX_DURATION_SECS,
        )?;
        non_negative("churn.socket_cuts_per_sec", self.socket_cuts_per_sec)?;
        non_negative("churn.warmup_secs", self.warmup_secs)?;
        non_negative("churn.max_rss_growth_percent", self.max_rss_growth_percent)?;
        for (field, v) in [
            ("churn.max_rss_slope_mib_per_min", self.max_rss_slope_mib_per_min),
            ("churn.max_rss_over_cap_percent", self.max_rss_over_cap_percent),
            ("churn.min_evictions_per_sec", self.min_evictions_per_sec),
        ] {
            if let Some(v) = v {
                non_negative(field, v)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
name = "t"
duration_secs = 5
ramp_per_sec = 20
[server]
workers = 1
buffer_cap_bytes = 1000000
resume_grace_secs = 1
[talk]
talk_ms = 1000
silence_ms = 500
[[phase]]
name = "live"
rooms = 1
broadcasters = 2
viewers = 10
mode = "live"
[slo]
max_loss_percent = 1
max_latency_p99_ms = 100
max_worker_cpu_percent = 90
max_buffer_bytes = 1000000
min_connected_ratio = 1
"#;

    fn parse(text: &str) -> Result<Scenario, String> {
        Scenario::parse(text, Path::new("scenarios/x.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn parses_a_good_scenario() {
        let s = parse(GOOD).unwrap();
        assert_eq!(s.phases[0].mode, ViewerMode::Live);
        assert_eq!(s.peers(), 12);
        assert_eq!(s.talk.seed, 1);
    }

    #[test]
    fn unknown_key_names_file_and_key() {
        let e = parse(&GOOD.replace("rooms = 1", "rooms = 1\nroomz = 2")).unwrap_err();
        assert!(e.contains("scenarios/x.toml") && e.contains("roomz"), "{e}");
        let e = parse(&format!("bogus = 1\n{GOOD}")).unwrap_err();
        assert!(e.contains("bogus"), "{e}");
    }

    #[test]
    fn hostile_phases_and_their_baseline() {
        let quiet_then_hostile = GOOD.replace(
            "[slo]",
            "[[phase]]\nname = \"noisy\"\nrooms = 1\nbroadcasters = 2\nviewers = 10\nmode = \"live\"\nhostile = 20\nbaseline = \"live\"\n[slo]",
        );
        let e = parse(&quiet_then_hostile).unwrap_err();
        assert!(e.contains("slo.max_degradation_percent"), "{e}");
        let good = format!("{quiet_then_hostile}max_degradation_percent = 10\n");
        let s = parse(&good).unwrap();
        assert_eq!(
            (s.phases[1].hostile, s.phases[1].baseline.as_deref()),
            (20, Some("live"))
        );
        let e = parse(&good.replace("baseline = \"live\"", "baseline = \"later\"")).unwrap_err();
        assert!(e.contains("phase[1].baseline") && e.contains("later"), "{e}");
        let e = parse(&good.replace("hostile = 20", "hostile = 5000")).unwrap_err();
        assert!(e.contains("phase[1].hostile"), "{e}");
        let e = parse(&good.replace("hostile = 20", "hostile = -1")).unwrap_err();
        assert!(e.contains("hostile"), "{e}");
        let e = parse(&good.replace("max_degradation_percent = 10", "max_degradation_percent = -1")).unwrap_err();
        assert!(e.contains("slo.max_degradation_percent"), "{e}");
    }

    #[test]
    fn negative_and_zero_counts() {
        let e = parse(&GOOD.replace("viewers = 10", "viewers = -1")).unwrap_err();
        assert!(e.contains("scenarios/x.toml") && e.contains("viewers"), "{e}");
        let e = parse(&GOOD.replace("viewers = 10", "viewers = 0")).unwrap_err();
        assert!(e.contains("phase[0].viewers") && e.contains("at least 1"), "{e}");
        let e = parse(&GOOD.replace("duration_secs = 5", "duration_secs = -5")).unwrap_err();
        assert!(e.contains("duration_secs"), "{e}");
        let e = parse(&GOOD.replace("mode = \"live\"", "mode = \"sideways\"")).unwrap_err();
        assert!(e.contains("sideways"), "{e}");
    }

    #[test]
    fn missing_slo_values() {
        let e = parse(&GOOD.replace("max_latency_p99_ms = 100\n", "")).unwrap_err();
        assert!(
            e.contains("scenarios/x.toml") && e.contains("max_latency_p99_ms"),
            "{e}"
        );
        let cut = GOOD.find("[slo]").unwrap();
        let e = parse(&GOOD[..cut]).unwrap_err();
        assert!(e.contains("slo"), "{e}");
        let e = parse(&GOOD.replace("min_connected_ratio = 1", "min_connected_ratio = 2")).unwrap_err();
        assert!(e.contains("slo.min_connected_ratio"), "{e}");
    }

    #[test]
    fn viewers_override() {
        let path = Path::new("scenarios/x.toml");
        let mut s = parse(&GOOD.replace(
            "[slo]",
            "[[phase]]\nname = \"feed\"\nrooms = 2\nbroadcasters = 1\nviewers = 3\nmode = \"feed\"\n[slo]",
        ))
        .unwrap();
        s.set_viewers(400, path).unwrap();
        assert_eq!((s.phases[0].viewers, s.phases[1].viewers), (400, 400));
        assert_eq!(s.peers(), 402 + 2 * 401);
        let e = s.set_viewers(0, path).unwrap_err().to_string();
        assert!(
            e.contains("scenarios/x.toml") && e.contains("--viewers") && e.contains("at least 1"),
            "{e}"
        );
        let e = s.set_viewers(3000, path).unwrap_err().to_string();
        assert!(e.contains("scenarios/x.toml") && e.contains("limit is 5000"), "{e}");
    }

    fn good() -> Scenario {
        parse(GOOD).unwrap()
    }

    fn field(r: Result<(), Invalid>) -> String {
        r.unwrap_err().field
    }

    #[test]
    fn names_and_numbers() {
        assert!(valid_name("soak-1_a") && !valid_name("") && !valid_name("a b") && !valid_name("é"));
        assert!(positive("x", 1.0, 1.0).is_ok());
        assert_eq!(field(positive("x", 0.0, 1.0)), "x");
        assert_eq!(field(positive("x", f64::NAN, 1.0)), "x");
        assert_eq!(field(positive("x", 1.5, 1.0)), "x");
        assert!(non_negative("y", 0.0).is_ok());
        assert_eq!(field(non_negative("y", -0.1)), "y");
        assert_eq!(field(non_negative("y", f64::INFINITY)), "y");
    }

    #[test]
    fn server_section() {
        let mut s = good().server;
        assert!(s.validate().is_ok());
        s.workers = 17;
        assert_eq!(field(s.validate()), "server.workers");
        s.workers = 2;
        s.buffer_cap_bytes = 0;
        assert_eq!(field(s.validate()), "server.buffer_cap_bytes");
    }

    #[test]
    fn talk_section() {
        let mut t = good().talk;
        assert!(t.validate().is_ok());
        t.variation = 0.95;
        assert_eq!(field(t.validate()), "talk.variation");
        t.variation = 0.0;
        t.talk_ms = 0;
        assert_eq!(field(t.validate()), "talk.talk_ms");
    }

    #[test]
    fn phase_sections() {
        let mut phases = good().phases;
        assert!(validate_phases(&phases).is_ok());
        assert_eq!(field(validate_phases(&[])), "phase");
        phases.push(phases[0].clone());
        let e = validate_phases(&phases).unwrap_err();
        assert_eq!(e.field, "phase[1].name");
        assert!(e.message.contains("earlier phase"), "{e:?}");
        phases[1].name = "two".into();
        phases[1].rooms = 0;
        assert_eq!(field(validate_phases(&phases)), "phase[1].rooms");
        phases[1].rooms = 1000;
        phases[1].viewers = 10;
        let e = validate_phases(&phases).unwrap_err();
        assert_eq!(e.field, "phase");
        assert!(e.message.contains("limit is 5000"), "{e:?}");
        phases[0].name = "no spaces".into();
        assert_eq!(field(phases[0].validate(0, &[])), "phase[0].name");
    }

    #[test]
    fn slo_section() {
        let mut s = good().slo;
        assert!(s.validate().is_ok());
        s.max_worker_cpu_percent = -1.0;
        assert_eq!(field(s.validate()), "slo.max_worker_cpu_percent");
        s.max_worker_cpu_percent = 90.0;
        s.min_connected_ratio = 1.5;
        assert_eq!(field(s.validate()), "slo.min_connected_ratio");
    }

    #[test]
    fn churn_section() {
        let mut c = Churn {
            viewer_session_secs: 4.0,
            broadcaster_session_secs: 5.0,
            socket_cuts_per_sec: 0.0,
            warmup_secs: 0.0,
            max_rss_growth_percent: 10.0,
            max_rss_slope_mib_per_min: Some(0.1),
            max_rss_over_cap_percent: None,
            min_evictions_per_sec: Some(20.0),
        };
        assert!(c.validate().is_ok());
        c.broadcaster_session_secs = 0.0;
        assert_eq!(field(c.validate()), "churn.broadcaster_session_secs");
        c.broadcaster_session_secs = 5.0;
        c.max_rss_growth_percent = -1.0;
        assert_eq!(field(c.validate()), "churn.max_rss_growth_percent");
        c.max_rss_growth_percent = 10.0;
        c.max_rss_slope_mib_per_min = Some(f64::NAN);
        assert_eq!(field(c.validate()), "churn.max_rss_slope_mib_per_min");
        c.max_rss_slope_mib_per_min = None;
        c.max_rss_over_cap_percent = Some(-5.0);
        assert_eq!(field(c.validate()), "churn.max_rss_over_cap_percent");
        c.max_rss_over_cap_percent = Some(10.0);
        c.min_evictions_per_sec = Some(-1.0);
        assert_eq!(field(c.validate()), "churn.min_evictions_per_sec");
    }

    const CLUSTER: &str = "[cluster]\nnodes = 3\nmax_edge_cost_diff_percent = 10\nmax_added_latency_p99_ms = 5\nmax_pipe_cost_consumers = 1\n";

    #[test]
    fn cluster_section_and_placement() {
        let s = parse(&format!("{GOOD}{CLUSTER}")).unwrap();
        let c = s.cluster.as_ref().unwrap();
        assert_eq!(c.placement(&s.phases[0]), [(0, 4), (1, 3), (2, 3)]);
        let placed = GOOD.replace(
            "mode = \"live\"",
            "mode = \"live\"\nbroadcaster_node = 2\nviewer_nodes = [1, 2]",
        );
        let s = parse(&format!("{placed}{CLUSTER}")).unwrap();
        assert_eq!(s.phases[0].broadcaster_node, 2);
        assert_eq!(s.cluster.unwrap().placement(&s.phases[0]), [(1, 5), (2, 5)]);
        // Placement without [cluster], and placements that do not fit the nodes.
        let e = parse(&placed).unwrap_err();
        assert!(
            e.contains("phase[0].broadcaster_node") && e.contains("no [cluster]"),
            "{e}"
        );
        for (from, to, field) in [
            (
                "broadcaster_node = 2",
                "broadcaster_node = 3",
                "phase[0].broadcaster_node",
            ),
            (
                "viewer_nodes = [1, 2]",
                "viewer_nodes = [1, 5]",
                "phase[0].viewer_nodes",
            ),
            (
                "viewer_nodes = [1, 2]",
                "viewer_nodes = [1, 1]",
                "phase[0].viewer_nodes",
            ),
            ("viewer_nodes = [1, 2]", "viewer_nodes = []", "phase[0].viewer_nodes"),
            ("rooms = 1", "rooms = 2", "phase[0].rooms"),
            ("viewers = 10", "viewers = 1", "phase[0].viewers"),
        ] {
            let e = parse(&format!("{}{CLUSTER}", placed.replace(from, to))).unwrap_err();
            assert!(e.contains(field), "{to}: {e}");
        }
        let e = parse(&format!("{GOOD}{CLUSTER}window_secs = 0\n")).unwrap_err();
        assert!(e.contains("cluster.window_secs"), "{e}");
        let s = parse(&format!("{GOOD}{CLUSTER}pipe_cost_phase = \"{}\"\n", s.phases[0].name)).unwrap();
        assert!(s.cluster.unwrap().judges_pipe_cost(&s.phases[0]));
        let e = parse(&format!("{GOOD}{CLUSTER}pipe_cost_phase = \"nope\"\n")).unwrap_err();
        assert!(
            e.contains("cluster.pipe_cost_phase") && e.contains("does not have"),
            "{e}"
        );
        let feed = GOOD.replace("mode = \"live\"", "mode = \"feed\"");
        let s = parse(&format!("{feed}{CLUSTER}")).unwrap();
        let e = parse(&format!("{feed}{CLUSTER}pipe_cost_phase = \"{}\"\n", s.phases[0].name)).unwrap_err();
        assert!(e.contains("not a live phase"), "{e}");
        let e = parse(&format!("{GOOD}{}", CLUSTER.replace("nodes = 3", "nodes = 1"))).unwrap_err();
        assert!(e.contains("cluster.nodes"), "{e}");
        let e = parse(&format!("{GOOD}{}", CLUSTER.replace("= 5", "= -5"))).unwrap_err();
        assert!(e.contains("cluster.max_added_latency_p99_ms"), "{e}");
        let e = parse(&format!(
            "{GOOD}{}",
            CLUSTER.replace("max_pipe_cost_consumers = 1\n", "")
        ))
        .unwrap_err();
        assert!(e.contains("max_pipe_cost_consumers"), "{e}");
    }

    #[test]
    fn the_shipped_scenarios_parse() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                Scenario::load(&path).unwrap_or_else(|e| panic!("{e}"));
                n += 1;
            }
        }
        assert!(n >= 5, "{n} scenarios");
    }
}
