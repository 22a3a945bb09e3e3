//! Where a synthetic peer goes when its node goes away (killed: its signaling connection
//! closes) or sends it elsewhere (a `redirect` notification, when the node drains): the nodes
//! it was given (`Target::fallback_urls`), and the live nodes that any reachable node of the
//! cluster lists at `/cluster/nodes` (asked once after each join, and again at each move).

use std::time::{Duration, Instant};

use serde::Deserialize;

use super::signaling::signaling_url;
use super::{SignalingError, SyntheticError};
use crate::http_client::HttpClient;
use crate::protocol::ErrorCode;

/// How long a peer looks for a node that takes it, from its node's going away.
pub(crate) const MOVE_TIMEOUT: Duration = Duration::from_secs(15);
/// Between two attempts while moving.
pub(crate) const RETRY: Duration = Duration::from_millis(200);
/// How many times one peer moves to another node in a run.
pub(crate) const MAX_MOVES: usize = 8;
/// Nodes remembered (a cluster's node list is short).
const MAX_KNOWN: usize = 64;
/// One `/cluster/nodes` read.
const LIST_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Deserialize)]
struct ClusterNodes {
    nodes: Vec<ListedNode>,
}

#[derive(Deserialize)]
struct ListedNode {
    url: String,
    #[serde(default)]
    draining: bool,
}

/// The nodes a peer knows of, as signaling URLs, in the order it learnt them.
pub(crate) struct NodeFinder {
    known: Vec<String>,
    http: Option<HttpClient>,
}

impl NodeFinder {
    /// `http` is the run's one client, shared by its peers: making one loads and parses the
    /// system's trust roots, CPU that each of hundreds of peers would take from the others'
    /// media on the run's threads (benchmarks.md, "a stalled load generator").
    pub fn new(url: &str, fallbacks: &[String], http: Option<HttpClient>) -> NodeFinder {
        let mut finder = NodeFinder {
            known: Vec::new(),
            http,
        };
        finder.add(url);
        for url in fallbacks {
            finder.add(url);
        }
        finder
    }

    fn add(&mut self, url: &str) {
        let url = signaling_url(url);
        if !self.known.contains(&url) && self.known.len() < MAX_KNOWN {
            self.known.push(url);
        }
    }

    /// Learns the live nodes from the node at `url` (a server on its own answers 404: none).
    pub async fn learn(&mut self, url: &str) {
        for node in self.listed(url).await.unwrap_or_default() {
            if !node.draining {
                self.add(&node.url);
            }
        }
    }

    /// The nodes the node at `url` lists, if it answers.
    async fn listed(&self, url: &str) -> Option<Vec<ListedNode>> {
        let http = self.http.as_ref()?;
        let list = format!("{}/cluster/nodes", http_base(url));
        let answer = tokio::time::timeout(LIST_TIMEOUT, http.get_json::<ClusterNodes>(&list, None));
        Some(answer.await.ok()?.ok()?.nodes)
    }

    /// The nodes to try after `gone` went away, best first: the live ones (not draining) that
    /// the first reachable known node lists, then the others known; never `gone`.
    pub async fn candidates(&mut self, gone: &str) -> Vec<String> {
        let gone = signaling_url(gone);
        let mut out: Vec<String> = Vec::new();
        for url in self.known.clone().iter().filter(|u| **u != gone) {
            if let Some(nodes) = self.listed(url).await {
                let live = nodes.into_iter().filter(|n| !n.draining);
                out = live.map(|n| signaling_url(&n.url)).filter(|u| *u != gone).collect();
                break;
            }
        }
        for url in out.clone() {
            self.add(&url);
        }
        for url in &self.known {
            if *url != gone && !out.contains(url) {
                out.push(url.clone());
            }
        }
        out
    }
}

/// A peer between two nodes: the node it left, and since when it looks for another.
pub(crate) struct Move {
    pub gone: String,
    pub since: Instant,
    /// Attempts so far (the candidate tried next is the attempt's turn in the list).
    pub attempts: usize,
}

impl Move {
    pub fn new(gone: &str) -> Move {
        Move {
            gone: gone.to_string(),
            since: Instant::now(),
            attempts: 0,
        }
    }

    /// The next node to try, or none when the time is up or no node is known.
    pub async fn next(&mut self, finder: &mut NodeFinder) -> Option<String> {
        if self.since.elapsed() >= MOVE_TIMEOUT {
            return None;
        }
        if self.attempts > 0 {
            tokio::time::sleep(RETRY).await;
        }
        let candidates = finder.candidates(&self.gone).await;
        let next = candidates.get(self.attempts % candidates.len().max(1)).cloned();
        self.attempts += 1;
        next
    }
}

/// An error that another attempt (maybe on another node) may not have: the node could not be
/// reached or went away, or it cannot take the peer now.
pub(crate) fn worth_retrying(e: &SyntheticError) -> bool {
    match e {
        SyntheticError::Signaling(
            SignalingError::Connect { .. } | SignalingError::Closed | SignalingError::Timeout { .. },
        ) => true,
        SyntheticError::Signaling(SignalingError::Refused { status, .. }) => *status >= 500,
        SyntheticError::Signaling(e) => matches!(
            e.code(),
            Some(ErrorCode::ClusterUnavailable | ErrorCode::ShuttingDown | ErrorCode::Redirect)
        ),
        _ => false,
    }
}

/// A notification after which the peer must not come back on another node (a moderator
/// removed it or closed its room): what it says.
pub(crate) fn final_notice(n: &serde_json::Value) -> Option<SyntheticError> {
    let name = n["notification"].as_str()?;
    matches!(name, "removed" | "roomClosed").then(|| {
        let reason = n["data"]["reason"].as_str().unwrap_or_default();
        SyntheticError::Ended(format!("{name}: {reason}"))
    })
}

/// `http(s)://host:port` from a signaling URL (`ws(s)://host:port/ws`).
fn http_base(url: &str) -> String {
    let url = url.trim_end_matches('/').trim_end_matches("/ws");
    if let Some(rest) = url.strip_prefix("wss://") {
        format!("https://{rest}")
    } else if let Some(rest) = url.strip_prefix("ws://") {
        format!("http://{rest}")
    } else {
        url.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removal_or_a_closed_room_ends_the_peer_for_good() {
        let n = |name: &str| serde_json::json!({"notification": name, "data": {"reason": "spam"}});
        let ended = final_notice(&n("removed")).unwrap();
        assert_eq!(ended.to_string(), "ended by the server: removed: spam");
        assert!(!worth_retrying(&ended) && !ended.is_connection_lost());
        assert!(final_notice(&n("roomClosed")).is_some());
        assert!(final_notice(&n("redirect")).is_none());
    }

    #[test]
    fn the_cluster_list_is_read_at_the_nodes_http_address() {
        assert_eq!(http_base("ws://10.0.0.1:8080/ws"), "http://10.0.0.1:8080");
        assert_eq!(http_base("wss://sfu.example.com/ws/"), "https://sfu.example.com");
    }

    #[tokio::test]
    async fn without_any_reachable_node_the_known_ones_come_in_order_without_the_gone_one() {
        // Port 9 on loopback: nothing listens, each list read fails at once.
        let fallbacks = ["http://127.0.0.1:9".to_string(), "ws://127.0.0.1:10/ws".to_string()];
        let mut finder = NodeFinder::new("ws://127.0.0.1:11/ws", &fallbacks, HttpClient::new(None).ok());
        assert_eq!(
            finder.candidates("ws://127.0.0.1:11/ws").await,
            ["ws://127.0.0.1:9/ws", "ws://127.0.0.1:10/ws"]
        );
        let mut moving = Move::new("http://127.0.0.1:9");
        assert_eq!(moving.next(&mut finder).await.as_deref(), Some("ws://127.0.0.1:11/ws"));
        assert_eq!(moving.next(&mut finder).await.as_deref(), Some("ws://127.0.0.1:10/ws"));
        assert_eq!(moving.next(&mut finder).await.as_deref(), Some("ws://127.0.0.1:11/ws"));
        moving.since -= MOVE_TIMEOUT;
        assert_eq!(moving.next(&mut finder).await, None, "time is up");
    }
}
