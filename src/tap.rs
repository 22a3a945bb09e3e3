//! The tap: every broadcaster audio producer is also consumed into Rust through a
//! DirectTransport consumer, whose packets a [`Recorder`] cuts into utterances in the buffer as
//! they are spoken. A ticker closes utterances whose speaker went quiet without packets.

use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use event_listener_primitives::HandlerId;
use mediasoup::prelude::*;
use parking_lot::Mutex;
use tokio_util::sync::CancellationToken;

use crate::buffer::{
    MediaKind as BufferKind, Recorder, SegmenterConfig, Speaker, Track, UtteranceMeta, UtteranceStore,
};
use crate::feed::engine::FeedEngine;
use crate::recommend::Recommender;
use crate::room::{Room, RoomMedia};

/// How often silent recorders are checked for an expired hangover.
const TICK: Duration = Duration::from_millis(50);

/// Keeps a producer tapped; dropping it stops the tap (an open utterance ends truncated).
pub(crate) struct Tap {
    /// Also held by the consumer's callbacks; owned here so the tap's lifetime is explicit.
    _recorder: Arc<Mutex<Recorder>>,
    _consumer: Consumer,
    _handlers: [HandlerId; 2],
}

/// What a tap needs from the server: the buffer, the ticker's list, the detector settings.
pub(crate) struct Recording {
    pub store: UtteranceStore,
    pub recorders: Arc<Recorders>,
    pub segmenter: SegmenterConfig,
    /// Told of every onset, so waiting feeds start at the first word.
    pub feeds: FeedEngine,
    pub recommender: Arc<dyn Recommender>,
}

/// Every live recorder, for the ticker.
#[derive(Default)]
pub(crate) struct Recorders {
    list: Mutex<Vec<Weak<Mutex<Recorder>>>>,
}

impl Recorders {
    fn add(&self, r: &Arc<Mutex<Recorder>>) {
        self.list.lock().push(Arc::downgrade(r));
    }

    /// Ticks every recorder; forgets the dropped ones.
    fn tick(&self, now: Instant) {
        let live: Vec<Arc<Mutex<Recorder>>> = {
            let mut list = self.list.lock();
            list.retain(|w| w.strong_count() > 0);
            list.iter().filter_map(Weak::upgrade).collect()
        };
        for r in live {
            r.lock().tick(now);
        }
    }

    /// Runs until `stop`: the task the server spawns and awaits at shutdown.
    pub async fn run_ticker(self: Arc<Self>, stop: CancellationToken) {
        let mut interval = tokio::time::interval(TICK);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = stop.cancelled() => break,
                _ = interval.tick() => self.tick(Instant::now()),
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TapError {
    #[error("cannot create the room's tap transport: {0}")]
    Transport(String),
    #[error("cannot consume the producer into the tap: {0}")]
    Consume(String),
}

/// Starts recording an audio producer of `speaker` in `room`, on the router it lives on.
pub(crate) async fn tap(
    room: &Room,
    media: &RoomMedia,
    producer: &Producer,
    speaker: Speaker,
    recording: &Recording,
) -> Result<Tap, TapError> {
    let transport = media
        .direct_transport()
        .await
        .map_err(|e| TapError::Transport(e.to_string()))?;
    let consumer = transport
        .consume(ConsumerOptions::new(producer.id(), room.consume_capabilities().clone()))
        .await
        .map_err(|e| TapError::Consume(e.to_string()))?;
    let params = consumer.rtp_parameters();
    let audio_level_id = params
        .header_extensions
        .iter()
        .find(|h| h.uri == RtpHeaderExtensionUri::SsrcAudioLevel)
        .map(|h| h.id as u8);
    let clock_rate = params.codecs.first().map_or(48000, |c| c.clock_rate().get());
    let meta = UtteranceMeta {
        room: Arc::from(room.id()),
        speaker,
        tracks: vec![Track {
            kind: BufferKind::Audio,
            clock_rate,
        }],
    };
    if audio_level_id.is_none() {
        tracing::warn!(room = room.id(), producer = %producer.id(), "producer sends no audio level: its speech cannot be segmented");
    }
    let recorder = Arc::new(Mutex::new(Recorder::new(
        recording.store.clone(),
        meta,
        audio_level_id,
        recording.segmenter.clone(),
    )));
    recording.recorders.add(&recorder);
    let r = Arc::clone(&recorder);
    let feeds = recording.feeds.clone();
    let room_id: Arc<str> = Arc::from(room.id());
    let on_rtp = consumer.on_rtp(move |packet| {
        let now = Instant::now();
        let recorded = r.lock().on_packet(now, packet);
        if recorded.onset {
            feeds.onset(Arc::clone(&room_id), now);
        }
    });
    let r = Arc::clone(&recorder);
    let on_close = consumer.on_producer_close(move || {
        r.lock().producer_closed(Instant::now());
    });
    Ok(Tap {
        _recorder: recorder,
        _consumer: consumer,
        _handlers: [on_rtp, on_close],
    })
}
