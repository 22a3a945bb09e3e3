//! One RTCP dispatcher per room transport: mediasoup turns a viewer's PLI/FIR on its consumer of
//! a feed's video producer into RTCP on the room's DirectTransport; this finds the feed by the
//! SSRC it names and tells the engine. One `on_rtcp` handler per transport, one map lookup per
//! key frame request, whatever the number of video feeds in the room.

use std::collections::HashMap;
use std::sync::Arc;

use event_listener_primitives::HandlerId;
use mediasoup::direct_transport::DirectTransport;
use parking_lot::Mutex;

use super::engine::{FeedEngine, FeedKey};

/// A video feed's place in the dispatcher; dropping it takes the feed out.
pub(crate) struct RtcpRegistration {
    rtcp: Arc<FeedRtcp>,
    ssrc: u32,
    key: FeedKey,
}

impl Drop for RtcpRegistration {
    fn drop(&mut self) {
        let mut feeds = self.rtcp.feeds.lock();
        if feeds.get(&self.ssrc) == Some(&self.key) {
            feeds.remove(&self.ssrc);
        }
    }
}

pub(crate) struct FeedRtcp {
    engine: FeedEngine,
    /// Video feed SSRC → feed. Locked only for a key frame request and a (un)subscribe.
    feeds: Mutex<HashMap<u32, FeedKey>>,
}

impl FeedRtcp {
    pub fn new(engine: FeedEngine) -> Arc<FeedRtcp> {
        Arc::new(FeedRtcp {
            engine,
            feeds: Mutex::new(HashMap::new()),
        })
    }

    /// Listens to `transport`'s RTCP; the handler lives as long as the returned id.
    pub fn attach(self: &Arc<Self>, transport: &DirectTransport) -> HandlerId {
        let rtcp = Arc::clone(self);
        transport.on_rtcp(move |packet| rtcp.route(packet))
    }

    /// Called on mediasoup's thread for every RTCP packet of the transport: never blocks long.
    fn route(&self, packet: &[u8]) {
        crate::rtp::key_frame_requests(packet, |ssrc| {
            let key = self.feeds.lock().get(&ssrc).copied();
            if let Some(key) = key {
                self.engine.key_frame_requested(key);
            }
        });
    }

    /// Routes the key frame requests naming `ssrc` to feed `key` while the registration lives.
    pub fn register(self: &Arc<Self>, ssrc: u32, key: FeedKey) -> RtcpRegistration {
        self.feeds.lock().insert(ssrc, key);
        RtcpRegistration {
            rtcp: Arc::clone(self),
            ssrc,
            key,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use tokio_util::sync::CancellationToken;

    use super::*;
    use crate::buffer::{StoreConfig, UtteranceStore};
    use crate::codecs::FeedCodecs;
    use crate::recommend::RandomRecommender;

    const PLI_FOR_0XBEEF: [u8; 12] = [0x81, 206, 0, 2, 0, 0, 0, 1, 0, 0, 0xBE, 0xEF];

    /// Waits (bounded) until the engine has counted `n` viewer key frame requests.
    async fn requests_reach(engine: &FeedEngine, n: u64) -> u64 {
        for _ in 0..100 {
            let seen = engine.stats().viewer_key_frame_requests;
            if seen >= n {
                return seen;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        engine.stats().viewer_key_frame_requests
    }

    #[tokio::test]
    async fn a_pli_reaches_the_feed_registered_for_its_ssrc_only_while_registered() {
        let stop = CancellationToken::new();
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: 1 << 20,
            ..StoreConfig::default()
        });
        let (engine, task) = FeedEngine::start(
            stop.clone(),
            store,
            crate::feed::engine::Deciders {
                recommender: Arc::new(RandomRecommender::new(1)),
                name: "random",
                external: None,
                experiment: None,
            },
            true,
            std::time::Duration::ZERO,
        );
        let rtcp = FeedRtcp::new(engine.clone());
        let codecs = FeedCodecs {
            opus_payload_type: 100,
            audio_level_id: 1,
            vp8_payload_type: 101,
        };
        let plan = engine.plan(&codecs, true);
        // Another SSRC: nothing routed.
        let other = rtcp.register(0xBEEE, FeedKey::for_tests(7));
        rtcp.route(&PLI_FOR_0XBEEF);
        let registration = rtcp.register(0xBEEF, plan.key());
        rtcp.route(&PLI_FOR_0XBEEF);
        assert_eq!(requests_reach(&engine, 1).await, 1);
        drop(registration);
        rtcp.route(&PLI_FOR_0XBEEF);
        drop(other);
        assert!(rtcp.feeds.lock().is_empty());
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(engine.stats().viewer_key_frame_requests, 1);
        stop.cancel();
        task.await.unwrap();
    }
}
