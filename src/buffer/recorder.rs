//! One broadcaster's audio (and video) turned into utterances: packets go through the
//! [`Segmenter`] and the utterances it opens are written into the [`UtteranceStore`] as they are
//! spoken. Audio is track 0 of every utterance; the speaker's video, once attached, is track 1
//! of the utterances opened after that, from a key frame on.
//!
//! Pure: the tap in `tap.rs` feeds it packets from mediasoup with their arrival time, and a
//! ticker calls [`Recorder::tick`] so that hangovers expire when packets stop coming.

use std::time::Instant;

use super::{
    CloseReason, EndState, MediaKind, SegmentEvent, Segmenter, SegmenterConfig, StoreError, Track, UtteranceMeta,
    UtteranceStore, UtteranceWriter,
};
use crate::rtp::{RtpPacket, Vp8Packet};
use crate::topic::Topics;

/// Track numbers inside an utterance.
const AUDIO_TRACK: u8 = 0;
const VIDEO_TRACK: u8 = 1;

/// Spare packet buffers kept for reuse, so steady state does not allocate per packet.
const POOL: usize = 128;

/// What a packet or a tick did, for the shell (feeds wake at onsets) and metrics.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    /// An utterance opened.
    pub onset: bool,
    /// An utterance closed (any reason).
    pub closed: bool,
    /// The open utterance waits for a video key frame: ask the camera for one.
    pub key_frame_wanted: bool,
}

/// Counters of one recorder.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RecorderStats {
    pub packets: u64,
    /// Packets that were not RTP (never expected from mediasoup; counted, not trusted).
    pub malformed: u64,
    pub utterances: u64,
    /// Utterances ended early because the buffer refused more bytes.
    pub refused: u64,
    /// Video packets stored, and not stored (in silence, before the utterance's first key
    /// frame, or unusable).
    pub video_packets: u64,
    pub video_skipped: u64,
}

pub struct Recorder {
    store: UtteranceStore,
    meta: UtteranceMeta,
    /// Header extension id of `urn:ietf:params:rtp-hdrext:ssrc-audio-level` in the packets.
    audio_level_id: Option<u8>,
    /// An audio producer feeds this recorder (at most one).
    audio: bool,
    segmenter: Segmenter<Vec<u8>>,
    /// A packet at or louder than this (-dBov) counts as speech in the features.
    offset_level: u8,
    writer: Option<UtteranceWriter>,
    pool: Vec<Vec<u8>>,
    stats: RecorderStats,
    /// Audio is ignored until its first quiet packet (see [`Recorder::start_in_silence`]).
    wait_for_quiet: bool,
}

impl Recorder {
    pub fn new(
        store: UtteranceStore,
        meta: UtteranceMeta,
        audio_level_id: Option<u8>,
        config: SegmenterConfig,
    ) -> Self {
        Recorder {
            store,
            meta,
            audio_level_id,
            audio: true,
            offset_level: config.offset_level,
            segmenter: Segmenter::new(config),
            writer: None,
            pool: Vec::with_capacity(POOL),
            stats: RecorderStats::default(),
            wait_for_quiet: false,
        }
    }

    /// Ignores the audio until its first quiet packet: for a recording that may begin in the
    /// middle of an utterance (a producer piped in from another node of a cluster while its
    /// speaker talks), so that every utterance stored here starts at its beginning.
    pub fn start_in_silence(&mut self) {
        self.wait_for_quiet = true;
    }

    /// A recorder no producer feeds yet (a broadcaster whose camera came before the mic).
    pub fn idle(store: UtteranceStore, meta: UtteranceMeta, config: SegmenterConfig) -> Self {
        let mut r = Self::new(store, meta, None, config);
        r.audio = false;
        r
    }

    /// Takes an audio producer; false if one already feeds this recorder.
    pub fn attach_audio(&mut self, audio_level_id: Option<u8>, clock_rate: u32) -> bool {
        if std::mem::replace(&mut self.audio, true) {
            return false;
        }
        self.audio_level_id = audio_level_id;
        if let Some(t) = self.meta.tracks.get_mut(usize::from(AUDIO_TRACK)) {
            t.clock_rate = clock_rate;
        }
        true
    }

    /// The audio producer went away: an open utterance ends truncated, and another may attach.
    pub fn detach_audio(&mut self, now: Instant) -> Recorded {
        self.audio = false;
        self.producer_closed(now)
    }

    /// Takes a video producer for the utterances opened from now on; false if one already
    /// feeds this recorder.
    pub fn attach_video(&mut self, clock_rate: u32) -> bool {
        if self.has_video() {
            return false;
        }
        self.meta.tracks.truncate(1);
        self.meta.tracks.push(Track {
            kind: MediaKind::Video,
            clock_rate,
        });
        true
    }

    /// The video producer went away: later utterances are audio only.
    pub fn detach_video(&mut self) {
        self.meta.tracks.truncate(1);
    }

    /// The topic tags of the utterances opened from now on (a producer of the speaker gave
    /// them); the list is shared by every utterance, not copied.
    pub fn set_topics(&mut self, topics: Topics) {
        self.meta.topics = topics;
    }

    pub fn has_video(&self) -> bool {
        self.meta.tracks.get(usize::from(VIDEO_TRACK)).is_some()
    }

    pub fn stats(&self) -> RecorderStats {
        self.stats
    }

    pub fn meta(&self) -> &UtteranceMeta {
        &self.meta
    }

    /// True while an utterance is being recorded.
    pub fn speaking(&self) -> bool {
        self.writer.is_some()
    }

    /// One RTP packet of the broadcaster's audio, as it arrived.
    pub fn on_packet(&mut self, now: Instant, packet: &[u8]) -> Recorded {
        let level = match RtpPacket::parse(packet) {
            Ok(rtp) => self.audio_level_id.and_then(|id| rtp.audio_level(id)),
            Err(_) => {
                self.stats.malformed += 1;
                return Recorded::default();
            }
        };
        self.stats.packets += 1;
        if self.wait_for_quiet {
            if level.is_none_or(|l| l.level <= self.offset_level) {
                return Recorded::default();
            }
            self.wait_for_quiet = false;
        }
        let mut buf = self.pool.pop().unwrap_or_default();
        buf.clear();
        buf.extend_from_slice(packet);
        self.segmenter.push(now, level, buf);
        let recorded = self.drain();
        // Features of the open utterance, from the level parsed above (the pre-roll, appended
        // at the onset from the ring, is not counted).
        if let Some(w) = &self.writer {
            w.note_audio(
                level.map(|l| l.level),
                level.is_some_and(|l| l.level <= self.offset_level),
            );
        }
        recorded
    }

    /// One RTP packet of the broadcaster's video (VP8), as it arrived. Joins the open utterance
    /// from its first key frame on.
    pub fn on_video_packet(&mut self, now: Instant, packet: &[u8]) -> Recorded {
        let key_frame = match RtpPacket::parse(packet) {
            Ok(rtp) => Vp8Packet::parse(rtp.payload()).is_ok_and(|vp8| vp8.key_frame),
            Err(_) => {
                self.stats.malformed += 1;
                return Recorded::default();
            }
        };
        if !self.has_video() || !self.segmenter.is_open() {
            self.stats.video_skipped += 1;
            // Still lets the segmenter expire a hangover.
            self.segmenter.tick(now);
            return self.drain();
        }
        let mut buf = self.pool.pop().unwrap_or_default();
        buf.clear();
        buf.extend_from_slice(packet);
        if let Some(buf) = self.segmenter.push_video(now, key_frame, buf) {
            self.stats.video_skipped += 1;
            self.recycle(buf);
        } else if key_frame {
            tracing::debug!(speaker = %self.meta.speaker.peer, "video key frame recorded");
        }
        self.drain()
    }

    /// The store refused a packet: the open utterance ends here, truncated, rather than be
    /// stored with a hole.
    fn truncate(&mut self, at: Instant, error: &StoreError, out: &mut Recorded) {
        if matches!(error, StoreError::Removed(_)) {
            tracing::info!(room = %self.meta.room, speaker = %self.meta.speaker.peer, %error, "recording of the utterance stopped");
        } else {
            self.stats.refused += 1;
            tracing::warn!(room = %self.meta.room, speaker = %self.meta.speaker.peer, %error, "utterance truncated");
        }
        if let Some(w) = self.writer.take() {
            w.finish(at, EndState::Truncated);
            out.closed = true;
        }
    }

    fn recycle(&mut self, buf: Vec<u8>) {
        if self.pool.len() < POOL {
            self.pool.push(buf);
        }
    }

    /// Time passes without packets (silence with DTX, a paused producer).
    pub fn tick(&mut self, now: Instant) -> Recorded {
        self.segmenter.tick(now);
        self.drain()
    }

    /// The producer went away: an open utterance ends truncated.
    pub fn producer_closed(&mut self, now: Instant) -> Recorded {
        self.segmenter.producer_closed(now);
        self.drain()
    }

    fn drain(&mut self) -> Recorded {
        let mut out = Recorded::default();
        while let Some(event) = self.segmenter.poll() {
            match event {
                SegmentEvent::Open { start, .. } => {
                    // A previous writer (cut at max length) was finished by its Close event.
                    match self.store.open(self.meta.clone(), start) {
                        Ok(writer) => {
                            self.writer = Some(writer);
                            self.stats.utterances += 1;
                            out.onset = true;
                        }
                        Err(e) => {
                            self.stats.refused += 1;
                            tracing::warn!(room = %self.meta.room, speaker = %self.meta.speaker.peer, error = %e, "utterance not recorded");
                        }
                    }
                }
                SegmentEvent::KeyFrameWanted => out.key_frame_wanted |= self.has_video(),
                SegmentEvent::Append {
                    arrival,
                    kind: MediaKind::Video,
                    packet,
                } => {
                    match self.writer.as_mut().map(|w| w.append(arrival, VIDEO_TRACK, &packet)) {
                        Some(Ok(())) => self.stats.video_packets += 1,
                        // An oversized packet, or an utterance opened before the camera
                        // came: this packet is not kept, the utterance goes on.
                        Some(Err(StoreError::PacketSize(_) | StoreError::UnknownTrack(_))) => {
                            self.stats.video_skipped += 1
                        }
                        Some(Err(e)) => self.truncate(arrival, &e, &mut out),
                        None => {}
                    }
                    self.recycle(packet);
                }
                SegmentEvent::Append { arrival, packet, .. } => {
                    if let Some(Err(e)) = self.writer.as_mut().map(|w| w.append(arrival, AUDIO_TRACK, &packet)) {
                        // The buffer is full of live utterances, or the packet is unusable:
                        // end this utterance here rather than store it with a hole.
                        self.truncate(arrival, &e, &mut out);
                    }
                    self.recycle(packet);
                }
                SegmentEvent::Close { end, reason } => {
                    if let Some(w) = self.writer.take() {
                        let how = match reason {
                            CloseReason::Silence | CloseReason::MaxLength => EndState::Complete,
                            CloseReason::ProducerClosed => EndState::Truncated,
                        };
                        w.finish(end, how);
                        out.closed = true;
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use super::*;
    use crate::buffer::{MediaKind, Speaker, StoreConfig, Track};

    /// An RTP packet with a one-byte-header audio-level extension (id 1).
    fn packet(seq: u16, level: u8) -> Vec<u8> {
        let mut p = vec![0x90, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7];
        p[2..4].copy_from_slice(&seq.to_be_bytes());
        p[4..8].copy_from_slice(&(u32::from(seq) * 960).to_be_bytes());
        p.extend_from_slice(&[0xBE, 0xDE, 0, 1, 0x10, 0x80 | level, 0, 0]);
        p.extend_from_slice(&[0xAB; 80]);
        p
    }

    fn recorder(store: &UtteranceStore) -> Recorder {
        let meta = UtteranceMeta {
            topics: Default::default(),
            room: Arc::from("r"),
            speaker: Speaker {
                uid: Arc::from("u1"),
                peer: Arc::from("p1"),
            },
            tracks: vec![Track {
                kind: MediaKind::Audio,
                clock_rate: 48000,
            }],
        };
        Recorder::new(store.clone(), meta, Some(1), SegmenterConfig::default())
    }

    #[test]
    fn speech_becomes_an_utterance_in_the_store() {
        let store = UtteranceStore::new(StoreConfig::default());
        let mut r = recorder(&store);
        let topics = Topics::of(&["music"]);
        r.set_topics(topics.clone());
        let t0 = Instant::now();
        let mut onsets = 0;
        let mut closes = 0;
        // 1 s quiet, 1 s loud, 1 s quiet (20 ms packets).
        for i in 0..150u16 {
            let level = if (50..100).contains(&i) { 20 } else { 110 };
            let out = r.on_packet(t0 + Duration::from_millis(20 * u64::from(i)), &packet(i, level));
            onsets += u32::from(out.onset);
            closes += u32::from(out.closed);
        }
        assert_eq!((onsets, closes), (1, 1));
        let stats = store.stats();
        assert_eq!((stats.live, stats.finished), (0, 1));
        let mut c = Vec::new();
        store.candidates("r", &mut c);
        assert_eq!(c.len(), 1);
        // 50 loud packets, the pre-roll before them and the hangover after.
        assert!(c[0].duration >= Duration::from_millis(1000), "{:?}", c[0].duration);
        assert_eq!(c[0].topics.address(), topics.address(), "the producer's list, shared");
        assert_eq!(r.stats().packets, 150);
        assert_eq!(r.stats().utterances, 1);
    }

    /// A VP8 packet: key frame start, delta frame start, or a continuation.
    fn video(seq: u16, what: u8) -> Vec<u8> {
        let mut p = vec![0x80, 96, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9];
        p[2..4].copy_from_slice(&seq.to_be_bytes());
        p.extend_from_slice(match what {
            b'K' => &[0x10, 0x00, 0x9D, 0x01, 0x2A],
            b'D' => &[0x10, 0x01, 0, 0, 0],
            _ => &[0x00, 0xAA, 0, 0, 0],
        });
        p.extend_from_slice(&[0xCD; 300]);
        p
    }

    #[test]
    fn video_joins_from_a_key_frame_and_is_charged_like_audio() {
        let store = UtteranceStore::new(StoreConfig::default());
        let mut r = recorder(&store);
        assert!(r.attach_video(90_000));
        assert!(!r.attach_video(90_000), "one camera per recorder");
        let t0 = Instant::now();
        let at = |i: u16| t0 + Duration::from_millis(20 * u64::from(i));
        let mut wanted = 0;
        // Video every 20 ms throughout; speech from 1 s to 2 s; a key frame only at 1.2 s.
        for i in 0..150u16 {
            let level = if (50..100).contains(&i) { 20 } else { 110 };
            wanted += u32::from(r.on_packet(at(i), &packet(i, level)).key_frame_wanted);
            let kind = match i {
                60 => b'K',
                61 => b'C',
                _ => b'D',
            };
            wanted += u32::from(r.on_video_packet(at(i), &video(1000 + i, kind)).key_frame_wanted);
        }
        assert_eq!(wanted, 1, "asked once, at the onset");
        let mut c = Vec::new();
        store.candidates("r", &mut c);
        assert_eq!(c.len(), 1);
        let mut reader = store.reader(c[0].id).unwrap();
        let mut out = Vec::new();
        let mut video_seqs = Vec::new();
        let mut audio = 0;
        while let crate::buffer::ReadOutcome::Packet { track, .. } = reader.read_next(&mut out) {
            if track == 1 {
                video_seqs.push(RtpPacket::parse(&out).unwrap().sequence());
            } else {
                audio += 1;
            }
        }
        // From the key frame to the end of the hangover (last voiced 99, +500 ms).
        assert_eq!(video_seqs.first(), Some(&1060), "video starts at the key frame");
        assert_eq!(video_seqs, (1060..1124).collect::<Vec<_>>());
        assert!(audio > 50);
        assert_eq!(r.stats().video_packets, 64);
        assert_eq!(r.stats().video_skipped, 150 - 64);
        // Video bytes are charged exactly, like audio ones.
        assert_eq!(store.audit(), store.bytes_used());
        assert!(store.bytes_used() > 64 * 317);
        // Without its camera, the next utterance is audio only.
        r.detach_video();
        assert!(!r.has_video());
    }

    #[test]
    fn a_recorder_without_a_mic_takes_one_later() {
        let store = UtteranceStore::new(StoreConfig::default());
        let mut r = Recorder::idle(
            store.clone(),
            recorder(&store).meta().clone(),
            SegmenterConfig::default(),
        );
        assert!(r.attach_video(90_000));
        let t0 = Instant::now();
        assert!(!r.on_video_packet(t0, &video(1, b'K')).onset);
        assert!(r.attach_audio(Some(1), 48_000));
        assert!(!r.attach_audio(Some(1), 48_000));
        for i in 0..10u16 {
            r.on_packet(t0 + Duration::from_millis(20 * u64::from(i)), &packet(i, 10));
        }
        assert!(r.speaking());
        assert!(r.detach_audio(t0 + Duration::from_millis(300)).closed);
        assert!(r.attach_audio(Some(1), 48_000), "another mic may come");
    }

    #[test]
    fn producer_close_truncates_and_garbage_is_counted() {
        let store = UtteranceStore::new(StoreConfig::default());
        let mut r = recorder(&store);
        let t0 = Instant::now();
        for i in 0..20u16 {
            r.on_packet(t0 + Duration::from_millis(20 * u64::from(i)), &packet(i, 10));
        }
        assert!(r.speaking());
        assert_eq!(r.on_packet(t0, &[1, 2, 3]), Recorded::default());
        assert_eq!(r.stats().malformed, 1);
        let out = r.producer_closed(t0 + Duration::from_millis(500));
        assert!(out.closed);
        let mut c = Vec::new();
        store.candidates("r", &mut c);
        assert_eq!(c[0].state, crate::buffer::UtteranceState::Truncated);
    }

    #[test]
    fn a_recording_started_in_silence_skips_the_utterance_under_way() {
        let store = UtteranceStore::new(StoreConfig::default());
        let mut r = recorder(&store);
        r.start_in_silence();
        let t0 = Instant::now();
        let mut seq = 0;
        let at = |n: u64| t0 + Duration::from_millis(20 * n);
        // Joined mid-speech: 50 loud packets are not an utterance.
        for _ in 0..50 {
            assert!(!r.on_packet(at(u64::from(seq)), &packet(seq, 20)).onset);
            seq += 1;
        }
        assert!(!r.speaking() && r.stats().utterances == 0);
        // Then quiet, then speech: an utterance from its pre-roll on.
        for _ in 0..20 {
            r.on_packet(at(u64::from(seq)), &packet(seq, 110));
            seq += 1;
        }
        let mut onset = false;
        for _ in 0..10 {
            onset |= r.on_packet(at(u64::from(seq)), &packet(seq, 20)).onset;
            seq += 1;
        }
        assert!(onset && r.speaking());
    }

    #[test]
    fn silence_without_packets_closes_on_tick() {
        let store = UtteranceStore::new(StoreConfig::default());
        let mut r = recorder(&store);
        let t0 = Instant::now();
        for i in 0..10u16 {
            r.on_packet(t0 + Duration::from_millis(20 * u64::from(i)), &packet(i, 10));
        }
        assert!(r.speaking());
        assert!(!r.tick(t0 + Duration::from_millis(300)).closed);
        assert!(r.tick(t0 + Duration::from_secs(2)).closed);
        assert!(!r.speaking());
    }
}
