//! The recording of broadcasters into the buffer. The tap: every broadcaster audio and video producer is also consumed into Rust through a
//! DirectTransport consumer, whose packets a [`Recorder`] cuts into utterances in the buffer as
//! they are spoken (the audio decides the boundaries; the same speaker's video joins from a key
//! frame). A ticker closes utterances whose speaker went quiet without packets.
//!
//! Key frames: a video tap owns a small task that calls `request_key_frame()` on its consumer
//! (mediasoup forwards it to the broadcaster as a PLI/FIR) whenever the speaker's
//! [`SpeakerRecording`] is notified: at each onset, and when a feed viewer needs one.

use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use event_listener_primitives::HandlerId;
use mediasoup::prelude::*;
use parking_lot::Mutex;
use tokio::sync::Notify;
use tokio_util::sync::{CancellationToken, DropGuard};

use crate::buffer::{
    MediaKind as BufferKind, Recorded, Recorder, SegmenterConfig, Speaker, Track, UtteranceMeta, UtteranceStore,
};
use crate::feed::engine::FeedEngine;
use crate::key_frames::KeyFrameSources;
use crate::room::{Room, RoomMedia};
use crate::topic::Topics;

/// How often silent recorders are checked for an expired hangover.
const TICK: Duration = Duration::from_millis(50);

/// Keeps a producer tapped; dropping it stops the tap (an open utterance ends truncated when it
/// was the audio; later utterances are audio only when it was the video).
pub(crate) struct Tap {
    /// Also held by the consumer's callbacks and, for the speaker's main recorder, by the
    /// [`SpeakerRecording`]; owned here so the tap's lifetime is explicit.
    recorder: Arc<Mutex<Recorder>>,
    kind: MediaKind,
    _consumer: Consumer,
    _handlers: [HandlerId; 2],
    /// Video: the task that asks the camera for key frames, stopped with the tap.
    _key_frames: Option<DropGuard>,
}

impl Drop for Tap {
    fn drop(&mut self) {
        let mut r = self.recorder.lock();
        match self.kind {
            MediaKind::Audio => {
                r.detach_audio(Instant::now());
            }
            MediaKind::Video => r.detach_video(),
        }
    }
}

/// One broadcaster's recording: the recorder that its (first) audio producer and its video
/// producer share, so that video joins the utterances the audio opens, and the signal that asks
/// its camera for a key frame (at an onset, or for a feed viewer's PLI).
pub(crate) struct SpeakerRecording {
    recorder: Arc<Mutex<Recorder>>,
    key_frames: Arc<Notify>,
    sources: Arc<KeyFrameSources>,
    peer: Arc<str>,
}

impl SpeakerRecording {
    pub fn new(room: &Room, speaker: Speaker, recording: &Recording) -> SpeakerRecording {
        let meta = UtteranceMeta {
            topics: Default::default(),
            room: Arc::from(room.id()),
            speaker: speaker.clone(),
            tracks: vec![Track {
                kind: BufferKind::Audio,
                clock_rate: 48_000,
            }],
        };
        let recorder = Arc::new(Mutex::new(Recorder::idle(
            recording.store.clone(),
            meta,
            recording.segmenter.clone(),
        )));
        recording.recorders.add(&recorder);
        let key_frames = Arc::new(Notify::new());
        let sources = recording.feeds.key_frame_sources();
        sources.register(Arc::clone(&speaker.peer), Arc::clone(&key_frames));
        SpeakerRecording {
            recorder,
            key_frames,
            sources,
            peer: speaker.peer,
        }
    }
}

impl SpeakerRecording {
    /// Topic tags a producer of this speaker gave: its utterances from now on carry them.
    pub fn set_topics(&self, topics: Topics) {
        self.recorder.lock().set_topics(topics);
    }

    /// The recording may begin in the middle of an utterance (a producer piped in from another
    /// node while its speaker talks): the audio is ignored until it is first quiet.
    pub fn start_in_silence(&self) {
        self.recorder.lock().start_in_silence();
    }
}

impl Drop for SpeakerRecording {
    fn drop(&mut self) {
        self.sources.unregister(&self.peer, &self.key_frames);
    }
}

/// What a tap needs from the server: the buffer, the ticker's list, the detector settings.
pub(crate) struct Recording {
    pub store: UtteranceStore,
    pub recorders: Arc<Recorders>,
    pub segmenter: SegmenterConfig,
    /// Told of every onset, so waiting feeds start at the first word; holds the speakers'
    /// key frame signals.
    pub feeds: FeedEngine,
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
    #[error("the speaker's video is already recorded from another producer")]
    SecondCamera,
    #[error("only VP8 video is recorded into the feed; this camera is forwarded live only")]
    NotVp8,
}

/// Starts recording a producer of `speaker` in `room`, on the router it lives on (`media`): its
/// audio into the speaker's recorder (or, for a second microphone, a recorder of its own), its
/// video into the speaker's recorder.
pub(crate) async fn tap(
    room: &Room,
    media: &RoomMedia,
    producer: &Producer,
    speaker: &SpeakerRecording,
    recording: &Recording,
) -> Result<Tap, TapError> {
    let kind = producer.kind();
    if kind == MediaKind::Video {
        check_camera(producer, speaker)?;
    }
    let transport = media
        .direct_transport()
        .await
        .map_err(|e| TapError::Transport(e.to_string()))?;
    let consumer = transport
        .consume(ConsumerOptions::new(producer.id(), room.consume_capabilities().clone()))
        .await
        .map_err(|e| TapError::Consume(e.to_string()))?;
    let room_id: Arc<str> = Arc::from(room.id());
    let (recorder, on_rtp, key_frames) = match kind {
        MediaKind::Audio => {
            let (recorder, on_rtp) = tap_audio(&consumer, producer, room_id, speaker, recording);
            (recorder, on_rtp, None)
        }
        MediaKind::Video => {
            let (recorder, on_rtp, key_frames) = tap_video(&consumer, room_id, speaker, recording)?;
            (recorder, on_rtp, Some(key_frames))
        }
    };
    let r = Arc::clone(&recorder);
    let on_close = consumer.on_producer_close(move || {
        let mut r = r.lock();
        match kind {
            MediaKind::Audio => {
                r.producer_closed(Instant::now());
            }
            MediaKind::Video => r.detach_video(),
        }
    });
    Ok(Tap {
        recorder,
        kind,
        _consumer: consumer,
        _handlers: [on_rtp, on_close],
        _key_frames: key_frames,
    })
}

/// Only one VP8 camera per speaker is recorded.
fn check_camera(producer: &Producer, speaker: &SpeakerRecording) -> Result<(), TapError> {
    // The feed's video is VP8, and key frames are found in VP8 payload descriptors: another
    // codec's packets would be misread and forwarded to VP8 decoders.
    let vp8 = producer
        .rtp_parameters()
        .codecs
        .first()
        .is_some_and(|c| c.mime_type() == mediasoup::types::rtp_parameters::MimeType::Video(MimeTypeVideo::Vp8));
    if !vp8 {
        return Err(TapError::NotVp8);
    }
    if speaker.recorder.lock().has_video() {
        return Err(TapError::SecondCamera);
    }
    Ok(())
}

/// The audio tap: into the speaker's recorder, or a recorder of its own for a second microphone.
fn tap_audio(
    consumer: &Consumer,
    producer: &Producer,
    room_id: Arc<str>,
    speaker: &SpeakerRecording,
    recording: &Recording,
) -> (Arc<Mutex<Recorder>>, HandlerId) {
    let params = consumer.rtp_parameters();
    let audio_level_id = params
        .header_extensions
        .iter()
        .find(|h| h.uri == RtpHeaderExtensionUri::SsrcAudioLevel)
        .map(|h| h.id as u8);
    if audio_level_id.is_none() {
        tracing::warn!(room = %room_id, producer = %producer.id(), "producer sends no audio level: its speech cannot be segmented");
    }
    let clock_rate = params.codecs.first().map_or(48_000, |c| c.clock_rate().get());
    let shared = speaker.recorder.lock().attach_audio(audio_level_id, clock_rate);
    let (recorder, wanted) = if shared {
        (Arc::clone(&speaker.recorder), Some(Arc::clone(&speaker.key_frames)))
    } else {
        // A second microphone: recorded on its own, without the camera.
        let meta = UtteranceMeta {
            topics: Default::default(),
            room: Arc::clone(&room_id),
            speaker: speaker.recorder.lock().meta().speaker.clone(),
            tracks: vec![Track {
                kind: BufferKind::Audio,
                clock_rate,
            }],
        };
        let r = Arc::new(Mutex::new(Recorder::new(
            recording.store.clone(),
            meta,
            audio_level_id,
            recording.segmenter.clone(),
        )));
        recording.recorders.add(&r);
        (r, None)
    };
    let r = Arc::clone(&recorder);
    let feeds = recording.feeds.clone();
    let on_rtp = consumer.on_rtp(move |packet| {
        let now = Instant::now();
        let recorded = r.lock().on_packet(now, packet);
        after_packet(recorded, now, &feeds, &room_id, wanted.as_deref());
    });
    (recorder, on_rtp)
}

/// The video tap: into the speaker's recorder, with the task that asks the camera for key frames.
fn tap_video(
    consumer: &Consumer,
    room_id: Arc<str>,
    speaker: &SpeakerRecording,
    recording: &Recording,
) -> Result<(Arc<Mutex<Recorder>>, HandlerId, DropGuard), TapError> {
    let clock_rate = consumer
        .rtp_parameters()
        .codecs
        .first()
        .map_or(90_000, |c| c.clock_rate().get());
    let recorder = Arc::clone(&speaker.recorder);
    if !recorder.lock().attach_video(clock_rate) {
        return Err(TapError::SecondCamera);
    }
    let r = Arc::clone(&recorder);
    let wanted = Arc::clone(&speaker.key_frames);
    let feeds = recording.feeds.clone();
    let on_rtp = consumer.on_rtp(move |packet| {
        let now = Instant::now();
        let recorded = r.lock().on_video_packet(now, packet);
        after_packet(recorded, now, &feeds, &room_id, Some(&wanted));
    });
    let stop = CancellationToken::new();
    tokio::spawn(request_key_frames(
        consumer.clone(),
        Arc::clone(&speaker.key_frames),
        stop.clone(),
    ));
    Ok((recorder, on_rtp, stop.drop_guard()))
}

/// What the shell does after a packet went into a recorder (mediasoup's thread: never blocks).
fn after_packet(recorded: Recorded, now: Instant, feeds: &FeedEngine, room: &Arc<str>, key_frames: Option<&Notify>) {
    if recorded.onset {
        feeds.onset(Arc::clone(room), now);
    }
    if recorded.key_frame_wanted {
        if let Some(k) = key_frames {
            k.notify_one();
        }
    }
}

/// A video tap's task: one `request_key_frame()` at a time, so a burst of wishes (an onset and
/// many viewers' PLIs) costs one request in flight; mediasoup's key frame request manager also
/// coalesces them before they reach the broadcaster.
async fn request_key_frames(consumer: Consumer, wanted: Arc<Notify>, stop: CancellationToken) {
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = wanted.notified() => {}
        }
        tokio::select! {
            _ = stop.cancelled() => return,
            result = consumer.request_key_frame() => match result {
                Ok(()) => tracing::debug!(consumer = %consumer.id(), "key frame asked of the camera"),
                Err(error) => tracing::debug!(consumer = %consumer.id(), %error, "key frame request failed"),
            }
        }
    }
}
