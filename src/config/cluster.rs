//! `[cluster]`: a node of a cluster of `sfu serve` processes sharing one Redis (docs/cluster.md).
//! Off unless `redis_url` is set (`--cluster redis://HOST:PORT`); then the shared secret is
//! required, and the rest has defaults that suit one machine.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::{invalid, ConfigError, REDACTED};

/// Where a new room is homed (its first `join` anywhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// On the live node with the most headroom: a node that has clearly less (a higher CPU
    /// step, or `placement_slack` more peers) answers the first `join` with `redirect` there.
    #[default]
    Headroom,
    /// Where it is first joined (unless that node is over `max_peers`).
    Local,
}

/// The cluster settings of this node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClusterConfig {
    /// `redis://HOST:PORT[/DB]`: the cluster's store and event bus. Unset: no cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redis_url: Option<String>,
    /// This node's name in the registry; unset: `node-` and 8 random hex digits at start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_id: Option<String>,
    /// The URL clients (and the other nodes) reach this node at, e.g. `https://sfu-2.example.com`;
    /// unset: `http(s)://` and the address the listener bound (fine on one machine only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
    /// Local IP the node-to-node pipe transports bind to; unset: `rtc.listen_ip`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pipe_listen_ip: Option<IpAddr>,
    /// The address the other nodes send piped media to; unset: the pipe listen IP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pipe_announced_ip: Option<IpAddr>,
    /// The secret every node of the cluster shares: node-to-node requests carry an HMAC-SHA256
    /// of their body made with it. Required with `redis_url`; at least 16 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// A node with this many peers answers `join` with `redirect` to the live node with the
    /// fewest peers (if that one has fewer); 0: no limit.
    pub max_peers: usize,
    /// Where new rooms are homed: `headroom` (default) or `local`.
    pub placement: Placement,
    /// With `headroom`: how many more peers than the node with the most headroom this node may
    /// have (in the same CPU step) and still home a new room joined here.
    pub placement_slack: usize,
}

impl Default for ClusterConfig {
    fn default() -> ClusterConfig {
        ClusterConfig {
            redis_url: None,
            node_id: None,
            public_url: None,
            pipe_listen_ip: None,
            pipe_announced_ip: None,
            secret: None,
            max_peers: 0,
            placement: Placement::Headroom,
            placement_slack: 8,
        }
    }
}

/// The shortest shared secret accepted.
const MIN_SECRET: usize = 16;

impl ClusterConfig {
    /// True when the node is part of a cluster.
    pub fn enabled(&self) -> bool {
        self.redis_url.is_some()
    }

    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        let Some(url) = &self.redis_url else {
            let set = self.node_id.is_some() || self.public_url.is_some() || self.secret.is_some();
            if set {
                return Err(invalid(
                    "cluster.redis_url",
                    "cluster settings are set but no Redis URL: add --cluster redis://HOST:PORT (SFU_CLUSTER) or cluster.redis_url",
                ));
            }
            return Ok(());
        };
        if !(url.starts_with("redis://") || url.starts_with("rediss://")) || url.len() <= "redis://".len() {
            return Err(invalid(
                "cluster.redis_url",
                format!("{url:?} is not a Redis URL: use redis://HOST:PORT (or rediss:// for TLS)"),
            ));
        }
        match self.secret.as_deref() {
            None | Some("") => {
                return Err(invalid(
                    "cluster.secret",
                    "a cluster needs a shared secret (node-to-node requests are signed with it): set --cluster-secret, SFU_CLUSTER_SECRET or cluster.secret, the same on every node",
                ))
            }
            Some(REDACTED) => {
                return Err(invalid(
                    "cluster.secret",
                    format!("is {REDACTED:?}, as --print-config shows secrets: put the real value back"),
                ))
            }
            Some(s) if s.chars().count() < MIN_SECRET => {
                return Err(invalid(
                    "cluster.secret",
                    format!("is {} characters: use at least {MIN_SECRET} random ones", s.chars().count()),
                ))
            }
            Some(_) => {}
        }
        if let Some(id) = &self.node_id {
            let ok = !id.is_empty()
                && id.len() <= 64
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
            if !ok {
                return Err(invalid(
                    "cluster.node_id",
                    format!("{id:?}: use 1-64 letters, digits, '-', '_' or '.'"),
                ));
            }
        }
        if let Some(url) = &self.public_url {
            let ok = (url.starts_with("http://") || url.starts_with("https://"))
                && url.parse::<http::Uri>().is_ok_and(|u| u.host().is_some());
            if !ok {
                return Err(invalid(
                    "cluster.public_url",
                    format!("{url:?} is not an http(s):// URL of this node"),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on() -> ClusterConfig {
        ClusterConfig {
            redis_url: Some("redis://127.0.0.1:6379".into()),
            secret: Some("0123456789abcdef".into()),
            ..ClusterConfig::default()
        }
    }

    fn error(c: &ClusterConfig) -> String {
        c.validate().unwrap_err().to_string()
    }

    #[test]
    fn off_by_default_and_settings_without_redis_are_refused() {
        assert!(ClusterConfig::default().validate().is_ok());
        assert!(!ClusterConfig::default().enabled());
        let c = ClusterConfig {
            secret: Some("x".into()),
            ..ClusterConfig::default()
        };
        assert!(
            error(&c).starts_with("cluster.redis_url: cluster settings are set"),
            "{}",
            error(&c)
        );
        assert!(on().validate().is_ok());
    }

    #[test]
    fn bad_url_secret_node_id_and_public_url_are_explained() {
        let mut c = on();
        c.redis_url = Some("http://x".into());
        assert!(error(&c).contains("is not a Redis URL"), "{}", error(&c));
        let mut c = on();
        c.secret = None;
        assert!(error(&c).starts_with("cluster.secret: a cluster needs a shared secret"));
        c.secret = Some("short".into());
        assert!(error(&c).contains("is 5 characters"), "{}", error(&c));
        let mut c = on();
        c.node_id = Some("a b".into());
        assert!(error(&c).starts_with("cluster.node_id"));
        let mut c = on();
        c.public_url = Some("ws://x".into());
        assert!(error(&c).starts_with("cluster.public_url"));
        c.public_url = Some("http://10.0.0.2:8080".into());
        assert!(c.validate().is_ok());
    }
}
