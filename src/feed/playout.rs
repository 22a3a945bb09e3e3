//! Paced reading of one utterance: from its first packet, at the speed it was spoken.
//!
//! Packet `i` is due at `playout start + its arrival offset`, so gaps, jitter and the pre-roll
//! are replayed as they happened. On a live utterance the playout may catch up with the tail;
//! it then reports [`PlayoutStep::CaughtUp`] and the feed polls again a little later.

use std::time::Instant;

use crate::buffer::{EndState, ReadOutcome, UtteranceReader};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlayoutStep {
    /// A packet of `track` is due: take it with [`Playout::take_packet`].
    Packet {
        track: u8,
    },
    /// The next packet is due at this time.
    Until(Instant),
    /// Live utterance, every packet so far played: poll again later.
    CaughtUp,
    Ended(EndState),
    Evicted,
    /// A moderator took the utterance out: not one more packet of it.
    Removed,
}

#[derive(Debug, Clone, Copy)]
struct Pending {
    track: u8,
    due: Instant,
}

/// Reads ahead one packet and holds it until it is due.
pub(crate) struct Playout {
    reader: UtteranceReader,
    start: Instant,
    pending: Option<Pending>,
    /// The pending packet's bytes; swapped with the caller's buffer on take, so neither side
    /// allocates once both have grown to packet size.
    buf: Vec<u8>,
}

impl Playout {
    /// Plays `reader`'s utterance from its first packet, which is due at `start`.
    pub fn new(reader: UtteranceReader, start: Instant, buf: Vec<u8>) -> Self {
        Self {
            reader,
            start,
            pending: None,
            buf,
        }
    }

    pub fn reader(&self) -> &UtteranceReader {
        &self.reader
    }

    pub fn poll(&mut self, now: Instant) -> PlayoutStep {
        let pending = match self.pending {
            Some(p) => p,
            None => match self.reader.read_next(&mut self.buf) {
                ReadOutcome::Packet { arrival, track, .. } => {
                    let p = Pending {
                        track,
                        due: self.start + arrival,
                    };
                    self.pending = Some(p);
                    p
                }
                ReadOutcome::NotYet => return PlayoutStep::CaughtUp,
                ReadOutcome::Ended(how) => return PlayoutStep::Ended(how),
                ReadOutcome::Evicted => return PlayoutStep::Evicted,
                ReadOutcome::Removed => return PlayoutStep::Removed,
            },
        };
        if pending.due <= now {
            PlayoutStep::Packet { track: pending.track }
        } else {
            PlayoutStep::Until(pending.due)
        }
    }

    /// When the read-ahead packet is due (it is late if this is before the time it is sent).
    pub fn pending_due(&self) -> Option<Instant> {
        self.pending.map(|p| p.due)
    }

    /// Hands the due packet over by swapping buffers with `out`.
    pub fn take_packet(&mut self, out: &mut Vec<u8>) {
        if self.pending.take().is_some() {
            std::mem::swap(&mut self.buf, out);
        }
    }

    /// Gives the read-ahead buffer back for the next playout.
    pub fn into_buffer(self) -> Vec<u8> {
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::buffer::{MediaKind, Speaker, StoreConfig, Track, UtteranceMeta, UtteranceStore};

    fn meta() -> UtteranceMeta {
        UtteranceMeta {
            room: "r".into(),
            speaker: Speaker {
                uid: "a".into(),
                peer: "pa".into(),
            },
            tracks: vec![Track {
                kind: MediaKind::Audio,
                clock_rate: 48_000,
            }],
        }
    }

    #[test]
    fn paces_by_arrival_offsets_and_follows_the_tail() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let ms = |n: u64| t0 + Duration::from_millis(n);
        let mut w = store.open(meta(), t0).unwrap();
        w.append(ms(0), 0, &[0; 50]).unwrap();
        w.append(ms(20), 0, &[1; 50]).unwrap();
        // Viewer starts 100 ms after the utterance: packet 0 due at 100, packet 1 at 120.
        let mut p = Playout::new(store.reader(w.id()).unwrap(), ms(100), Vec::new());
        let mut out = Vec::new();
        assert_eq!(p.poll(ms(100)), PlayoutStep::Packet { track: 0 });
        p.take_packet(&mut out);
        assert_eq!(out, [0; 50]);
        assert_eq!(p.poll(ms(110)), PlayoutStep::Until(ms(120)));
        assert_eq!(p.poll(ms(119)), PlayoutStep::Until(ms(120)));
        assert_eq!(p.poll(ms(125)), PlayoutStep::Packet { track: 0 });
        p.take_packet(&mut out);
        assert_eq!(out, [1; 50]);
        assert_eq!(p.poll(ms(130)), PlayoutStep::CaughtUp);
        w.append(ms(140), 0, &[2; 50]).unwrap();
        assert_eq!(p.poll(ms(200)), PlayoutStep::Until(ms(240)));
        w.finish(ms(160), EndState::Complete);
        assert_eq!(p.poll(ms(240)), PlayoutStep::Packet { track: 0 });
        p.take_packet(&mut out);
        assert_eq!(p.poll(ms(240)), PlayoutStep::Ended(EndState::Complete));
    }
}
