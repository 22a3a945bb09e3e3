//! One broadcaster audio stream turned into utterances: packets go through the [`Segmenter`]
//! and the utterances it opens are written into the [`UtteranceStore`] as they are spoken.
//!
//! Pure: the tap in `tap.rs` feeds it packets from mediasoup with their arrival time, and a
//! ticker calls [`Recorder::tick`] so that hangovers expire when packets stop coming.

use std::time::Instant;

use super::{
    CloseReason, EndState, SegmentEvent, Segmenter, SegmenterConfig, UtteranceMeta, UtteranceStore, UtteranceWriter,
};
use crate::rtp::RtpPacket;

/// Spare packet buffers kept for reuse, so steady state does not allocate per packet.
const POOL: usize = 128;

/// What a packet or a tick did, for the shell (feeds wake at onsets) and metrics.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    /// An utterance opened.
    pub onset: bool,
    /// An utterance closed (any reason).
    pub closed: bool,
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
}

pub struct Recorder {
    store: UtteranceStore,
    meta: UtteranceMeta,
    /// Header extension id of `urn:ietf:params:rtp-hdrext:ssrc-audio-level` in the packets.
    audio_level_id: Option<u8>,
    segmenter: Segmenter<Vec<u8>>,
    writer: Option<UtteranceWriter>,
    pool: Vec<Vec<u8>>,
    stats: RecorderStats,
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
            segmenter: Segmenter::new(config),
            writer: None,
            pool: Vec::with_capacity(POOL),
            stats: RecorderStats::default(),
        }
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
        let mut buf = self.pool.pop().unwrap_or_default();
        buf.clear();
        buf.extend_from_slice(packet);
        self.segmenter.push(now, level, buf);
        self.drain()
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
                SegmentEvent::Append { arrival, packet } => {
                    if let Some(writer) = &mut self.writer {
                        if let Err(e) = writer.append(arrival, 0, &packet) {
                            // The buffer is full of live utterances, or the packet is unusable:
                            // end this utterance here rather than store it with a hole.
                            self.stats.refused += 1;
                            tracing::warn!(room = %self.meta.room, speaker = %self.meta.speaker.peer, error = %e, "utterance truncated");
                            if let Some(w) = self.writer.take() {
                                w.finish(arrival, EndState::Truncated);
                                out.closed = true;
                            }
                        }
                    }
                    if self.pool.len() < POOL {
                        self.pool.push(packet);
                    }
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
        assert_eq!(r.stats().packets, 150);
        assert_eq!(r.stats().utterances, 1);
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
