//! The rerouted feed: per viewer, a paced playout of one utterance after another, rewritten
//! into one continuous RTP stream per kind, with one timer wheel driving many feeds.
//!
//! The shell needs [`Feed`] (one per viewer) and [`Pacer`] (one per playout task); the playout
//! and the rewriter are the feed's parts and stay inside the crate.

pub(crate) mod engine;
pub(crate) mod external;
#[allow(clippy::module_inception)]
mod feed;
pub(crate) mod outbox;
mod pacer;
mod playout;
mod rewriter;
pub(crate) mod rtcp;
mod shared;
mod stats;

pub use feed::{
    Decision, Feed, FeedConfig, FeedEvent, FeedOutput, NoneStarting, StartingPlayouts, SwitchReason, WaitReason,
    MAX_CANDIDATES,
};
pub use pacer::{Grid, Pacer};
pub use rewriter::RewriterConfig;
pub use stats::{ExternalStats, FeedStats};
