//! Paced reading of one utterance: from its first packet, at the speed it was spoken.
//!
//! Packet `i` is due at `playout start + its arrival offset`, so gaps and the pre-roll are
//! replayed as they happened. On a grid ([`Playout::on_grid`]) audio offsets are rounded to the
//! nearest multiple of the grid's period (an Opus packet's 20 ms): the network jitter of the
//! recording is not replayed, and every feed on the grid sends its audio in the same instants.
//! On a live utterance the playout may catch up with the tail; it then reports
//! [`PlayoutStep::CaughtUp`] and the feed polls again a little later.

use std::time::{Duration, Instant};

use crate::buffer::{EndState, MediaKind, ReadOutcome, UtteranceReader};

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
    /// The audio track and the period its offsets are rounded to.
    snap: Option<(u8, Duration)>,
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
            snap: None,
            buf,
        }
    }

    /// Rounds the audio packets' offsets to multiples of `period` (see the module's doc).
    pub fn on_grid(mut self, period: Duration) -> Self {
        let audio = self
            .reader
            .meta()
            .tracks
            .iter()
            .position(|t| t.kind == MediaKind::Audio);
        self.snap = audio
            .and_then(|t| u8::try_from(t).ok())
            .filter(|_| !period.is_zero())
            .map(|t| (t, period));
        self
    }

    pub fn reader(&self) -> &UtteranceReader {
        &self.reader
    }

    pub fn poll(&mut self, now: Instant) -> PlayoutStep {
        let pending = match self.pending {
            Some(p) => p,
            None => match self.reader.read_next(&mut self.buf) {
                ReadOutcome::Packet { arrival, track, .. } => {
                    let offset = match self.snap {
                        Some((audio, period)) if audio == track => nearest_multiple(arrival, period),
                        _ => arrival,
                    };
                    let p = Pending {
                        track,
                        due: self.start + offset,
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

fn nearest_multiple(d: Duration, period: Duration) -> Duration {
    let p = period.as_nanos();
    let k = (d.as_nanos() + p / 2) / p;
    Duration::from_nanos(u64::try_from(k * p).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::buffer::{MediaKind, Speaker, StoreConfig, Track, UtteranceMeta, UtteranceStore};

    fn meta() -> UtteranceMeta {
        UtteranceMeta {
            topics: Default::default(),
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

    #[test]
    fn on_a_grid_audio_offsets_round_to_the_period() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let ms = |n: u64| t0 + Duration::from_millis(n);
        let mut w = store.open(meta(), t0).unwrap();
        // Arrivals with network jitter: 0, 23, 38, 61, and two at once after a stall (100, 101).
        for (i, at) in [0, 23, 38, 61, 100, 101].into_iter().enumerate() {
            w.append(ms(at), 0, &[i as u8; 20]).unwrap();
        }
        let id = w.id();
        w.finish(ms(120), EndState::Complete);
        let mut p = Playout::new(store.reader(id).unwrap(), ms(1000), Vec::new()).on_grid(Duration::from_millis(20));
        let mut dues = Vec::new();
        let mut out = Vec::new();
        let mut now = ms(1000);
        loop {
            match p.poll(now) {
                PlayoutStep::Packet { .. } => {
                    dues.push(p.pending_due().unwrap() - ms(1000));
                    p.take_packet(&mut out);
                }
                PlayoutStep::Until(at) => now = at,
                PlayoutStep::Ended(_) => break,
                other => panic!("{other:?}"),
            }
        }
        let expected: Vec<_> = [0, 20, 40, 60, 100, 100].map(Duration::from_millis).into();
        assert_eq!(dues, expected);
    }
}
