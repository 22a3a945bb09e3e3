//! Paced reading of one utterance: from its first packet, at the speed it was spoken.
//!
//! Packet `i` is due at `playout start + its arrival offset`, so gaps and the pre-roll are
//! replayed as they happened. On a grid ([`Playout::on_grid`]) audio is paced by its own RTP
//! timestamps instead: the first audio packet at its arrival offset rounded to the nearest
//! multiple of the grid's period (an Opus packet's 20 ms), each later one that many clock ticks
//! after it. The network jitter of the recording is not replayed, every feed on the grid sends
//! its audio in the same instants, and a packet's due instant and its RTP time move in step
//! (what a feed [`super::rewriter::Timeline`] relies on). A source timestamp further than
//! [`MAX_SKEW`] from its arrival (a broken or restarted sender clock) falls back to the rounded
//! arrival offset.
//! On a live utterance the playout may catch up with the tail; it then reports
//! [`PlayoutStep::CaughtUp`] and the feed polls again a little later.

use std::time::{Duration, Instant};

use crate::buffer::{EndState, MediaKind, ReadOutcome, UtteranceReader};
use crate::rtp::RtpPacket;

/// How far an audio packet's RTP time may stray from its arrival before pacing falls back to
/// the arrival.
pub(crate) const MAX_SKEW: Duration = Duration::from_millis(500);

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

/// The audio track's pacing on a grid: its first packet's offset rounded to `period`, the rest
/// by RTP time from there.
#[derive(Debug, Clone, Copy)]
struct AudioClock {
    track: u8,
    period: Duration,
    clock_rate: u32,
    /// The first audio packet's RTP timestamp, arrival offset and due offset.
    anchor: Option<(u32, Duration, Duration)>,
}

impl AudioClock {
    /// The due offset of an audio packet with RTP `timestamp` (if it parsed) that arrived
    /// `arrival` after the utterance's start.
    fn offset(&mut self, timestamp: Option<u32>, arrival: Duration) -> Duration {
        let snapped = nearest_multiple(arrival, self.period);
        let Some(ts) = timestamp else { return snapped };
        let (first_ts, first_arrival, first_due) = *self.anchor.get_or_insert((ts, arrival, snapped));
        // A packet from before the first (reordered) is due at once.
        let ticks = i64::from(ts.wrapping_sub(first_ts) as i32).max(0);
        let by_rtp =
            Duration::from_nanos(u64::try_from(ticks).unwrap_or(0) * 1_000_000_000 / u64::from(self.clock_rate.max(1)));
        let by_arrival = arrival.saturating_sub(first_arrival);
        if by_rtp.abs_diff(by_arrival) <= MAX_SKEW {
            first_due + by_rtp
        } else {
            snapped
        }
    }
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
    /// On a grid: how the audio track is paced.
    audio: Option<AudioClock>,
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
            audio: None,
            buf,
        }
    }

    /// Paces audio on a grid of `period` by its RTP time (see the module's doc).
    pub fn on_grid(mut self, period: Duration) -> Self {
        let audio = self
            .reader
            .meta()
            .tracks
            .iter()
            .enumerate()
            .find(|(_, t)| t.kind == MediaKind::Audio);
        self.audio = audio
            .and_then(|(i, t)| Some((u8::try_from(i).ok()?, t.clock_rate)))
            .filter(|_| !period.is_zero())
            .map(|(track, clock_rate)| AudioClock {
                track,
                period,
                clock_rate,
                anchor: None,
            });
        self
    }

    /// When the playout started (its first packet is due then).
    pub fn start(&self) -> Instant {
        self.start
    }

    pub fn reader(&self) -> &UtteranceReader {
        &self.reader
    }

    pub fn poll(&mut self, now: Instant) -> PlayoutStep {
        let pending = match self.pending {
            Some(p) => p,
            None => match self.reader.read_next(&mut self.buf) {
                ReadOutcome::Packet { arrival, track, .. } => {
                    let offset = match &mut self.audio {
                        Some(audio) if audio.track == track => {
                            let timestamp = RtpPacket::parse(&self.buf).ok().map(|p| p.timestamp());
                            audio.offset(timestamp, arrival)
                        }
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
    use crate::rtp::tests::build;

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

    /// Plays `packets` (arrival in ms, bytes) from a playout on a 20 ms grid starting at 1 s
    /// and returns their due offsets.
    fn grid_dues(packets: &[(u64, Vec<u8>)]) -> Vec<Duration> {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let ms = |n: u64| t0 + Duration::from_millis(n);
        let mut w = store.open(meta(), t0).unwrap();
        for (at, bytes) in packets {
            w.append(ms(*at), 0, bytes).unwrap();
        }
        let id = w.id();
        w.finish(ms(packets.last().map_or(0, |p| p.0) + 20), EndState::Complete);
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
        dues
    }

    fn ms_list(list: &[u64]) -> Vec<Duration> {
        list.iter().map(|&n| Duration::from_millis(n)).collect()
    }

    #[test]
    fn on_a_grid_audio_is_paced_by_its_rtp_time() {
        // Arrivals with network jitter (the first one late), and two at once after a stall;
        // the sender stamped them 20 ms apart (960 ticks at 48 kHz).
        let arrivals = [9, 23, 38, 61, 100, 101];
        let packets: Vec<_> = arrivals
            .iter()
            .enumerate()
            .map(|(i, &at)| (at, build(i as u16, 5000 + 960 * i as u32, 1, &[], None, b"o", 0)))
            .collect();
        assert_eq!(grid_dues(&packets), ms_list(&[0, 20, 40, 60, 80, 100]));
        // A packet whose RTP time is far from its arrival (a broken sender clock) is paced by
        // its arrival, rounded; a reordered one (RTP time before the first) is due at once.
        let mut packets = packets;
        packets[3].1 = build(3, 5000 + 48_000 * 10, 1, &[], None, b"o", 0);
        packets.push((121, build(6, 4000, 1, &[], None, b"o", 0)));
        assert_eq!(grid_dues(&packets), ms_list(&[0, 20, 40, 60, 80, 100, 0]));
    }

    #[test]
    fn on_a_grid_unparsable_audio_offsets_round_to_the_period() {
        let arrivals = [0, 23, 38, 61, 100, 101];
        let packets: Vec<_> = arrivals
            .iter()
            .enumerate()
            .map(|(i, &at)| (at, vec![i as u8; 20]))
            .collect();
        assert_eq!(grid_dues(&packets), ms_list(&[0, 20, 40, 60, 100, 100]));
    }
}
