//! The utterance buffer: where broadcasters' speech is cut into utterances ([`segmenter`]),
//! stored compactly ([`utterance`]) and kept under a global byte cap ([`store`]).

pub mod recorder;
pub mod segmenter;
pub mod store;
pub mod utterance;

pub use recorder::{Recorded, Recorder, RecorderStats};
pub use segmenter::{CloseReason, SegmentEvent, Segmenter, SegmenterConfig};
pub use store::{
    Candidate, ReadOutcome, Removal, Removed, RoomStats, StoreConfig, StoreError, StoreStats, UtteranceReader,
    UtteranceStore, UtteranceWriter,
};
pub use utterance::{EndState, Features, MediaKind, Speaker, Track, UtteranceId, UtteranceMeta, UtteranceState};

#[cfg(test)]
mod tests {
    //! The tap's path end to end: RTP bytes → audio level → segmenter → store, via the Recorder.

    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use super::*;
    use crate::rtp::{tests::audio, RtpPacket};

    #[test]
    fn tap_cuts_and_stores_utterances() {
        let store = UtteranceStore::new(StoreConfig::default());
        let meta = UtteranceMeta {
            topics: Default::default(),
            room: "r".into(),
            speaker: Speaker {
                uid: "alice".into(),
                peer: "alice-peer".into(),
            },
            tracks: vec![Track {
                kind: MediaKind::Audio,
                clock_rate: 48_000,
            }],
        };
        let mut recorder = Recorder::new(store.clone(), meta, Some(1), SegmenterConfig::default());
        let t0 = Instant::now();
        // 1 s silence, 2 s speech, 1 s silence, 1 s speech, then the producer closes.
        let levels = (0..250u16).map(|i| match i {
            50..150 | 200..250 => 30,
            _ => 110,
        });
        let mut now = t0;
        for (i, level) in levels.enumerate() {
            recorder.on_packet(now, &audio(i as u16, 960 * i as u32, level, 70));
            now += Duration::from_millis(20);
        }
        recorder.producer_closed(now);
        let mut listed = Vec::new();
        store.candidates("r", &mut listed);
        let states: Vec<_> = listed.iter().map(|c| c.state).collect();
        assert_eq!(states, [UtteranceState::Complete, UtteranceState::Truncated]);
        // First: the 300 ms before the onset decision (third loud packet, at 1040 ms), speech
        // up to 2980 ms, then 500 ms of hangover: 740..3480 ms.
        assert_eq!(listed[0].duration, Duration::from_millis(2740));
        assert_eq!(listed[0].speaker.uid, Arc::from("alice"));
        // Features counted as the packets came: 98 loud packets after the onset decision,
        // then the quiet hangover; levels 30 and 110 -dBov.
        let f = listed[0].features;
        assert!((96..=100).contains(&f.voiced_packets), "{f:?}");
        assert!(f.audio_packets > f.voiced_packets && f.audio_packets < 130, "{f:?}");
        assert!((0.7..0.9).contains(&f.speech_ratio()), "{f:?}");
        let level = f.mean_level().unwrap();
        assert!(level > 35.0 && level < 60.0, "{f:?}");
        assert_eq!((f.plays, f.finishes), (0, 0));
        let mut r = store.reader(listed[0].id).unwrap();
        let mut out = Vec::new();
        assert!(matches!(r.read_next(&mut out), ReadOutcome::Packet { index: 0, .. }));
        assert_eq!(
            RtpPacket::parse(&out).unwrap().sequence(),
            37,
            "pre-roll from 300 ms before onset"
        );
    }
}
