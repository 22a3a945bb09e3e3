//! The feed engine's numbers as the admin API, `/metrics` and the tests see them.

use crate::stats::Percentiles;

/// A snapshot of the engine's counters.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedStats {
    /// Feeds running now.
    pub feeds: u64,
    /// Packets sent to viewers, ever.
    pub packets: u64,
    /// Switches from one utterance to the next, ever.
    pub switches: u64,
    pub send_errors: u64,
    /// Messages that carried `packets` to the media workers (one per DirectTransport and engine
    /// turn).
    #[serde(default)]
    pub messages: u64,
    /// Of `packets`, video ones.
    #[serde(default)]
    pub video_packets: u64,
    /// Of `packets`, audio a feed sent straight to its viewer's consumer (not through the
    /// feed's producer and the router).
    #[serde(default)]
    pub addressed_packets: u64,
    /// Key frames asked of speakers' cameras for feeds (video switches and viewers' PLIs).
    #[serde(default)]
    pub key_frame_requests: u64,
    /// Key frame requests (PLI/FIR) that viewers sent on their feed's video.
    #[serde(default)]
    pub viewer_key_frame_requests: u64,
    /// Shared playouts formed, ever: feeds that started one utterance at one grid instant on one
    /// DirectTransport heard it through one producer.
    #[serde(default)]
    pub shared_playouts: u64,
    /// Playouts a feed heard through a shared one, ever (of `switches`, the share that was
    /// shared).
    #[serde(default)]
    pub shared_viewers: u64,
    /// Packets sent once for a shared playout (counted in `packets` once, not per viewer).
    #[serde(default)]
    pub shared_packets: u64,
    /// Moves of a viewer's consumer from one producer to another (into a shared playout, from
    /// one to the next, back to the feed's own producer), each one request to the worker.
    #[serde(default)]
    pub consumer_moves: u64,
    /// Waits that left a viewer's consumer *parked* on its ended shared playout's idle
    /// producer instead of moving it back (the next group of the same feeds takes it, unmoved).
    #[serde(default)]
    pub parked_consumers: u64,
    /// Parked consumers moved off that producer because a group they were not in took it
    /// (of `consumer_moves`).
    #[serde(default)]
    pub unparked_consumers: u64,
    /// Decisions asked of the external recommender, by how they ended.
    #[serde(default)]
    pub external: ExternalStats,
    /// How late packets left compared with their playout schedule (the latency the server adds
    /// to a paced utterance), since the server started (published once a second).
    pub lateness_ms: Percentiles,
    /// From a speech onset seen by the tap to the first packet sent to a feed it woke.
    pub onset_to_first_packet_ms: Percentiles,
}

/// How the feeds' questions to the external recommender ended, ever. All but `answered` mean
/// the feed's own recommender decided instead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExternalStats {
    pub answered: u64,
    pub timed_out: u64,
    pub failed: u64,
    pub refused: u64,
}
