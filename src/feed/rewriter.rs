//! One continuous outgoing RTP stream per viewer and kind, out of many source streams.
//!
//! The viewer's decoder must see a single well-behaved stream whatever utterance it comes from:
//! one SSRC and payload type, sequence numbers with no gap at a switch, timestamps that never go
//! backwards. Within a source, sequence numbers and timestamps follow the source's own deltas
//! (so upstream loss still shows as a gap and retransmitted packets land where they belong); on
//! a switch the timestamp advances by the wall-clock time since the last packet sent, and for
//! audio by at least that packet's own duration (from its Opus TOC byte): a switch often comes
//! at the instant the last packet went out, and a first packet stamped inside the last one's
//! 20 ms would overlap it, which a receiver's jitter buffer drops as late. On a [`Timeline`]
//! (the feed engine's audio) a source is anchored instead on the timeline's RTP time of its
//! first packet's scheduled instant (never inside the last packet's audio either), so every
//! feed's timestamps are one function of the wall clock and viewers can share a producer (see
//! `engine`'s shared playouts).

use std::time::{Duration, Instant};

use crate::buffer::MediaKind;
use crate::export::ogg::opus_samples;
use crate::rtp::{self, RtpError, RtpPacket, Vp8Packet};

/// Ask again for a key frame this often while none comes.
const KEY_FRAME_RETRY: Duration = Duration::from_secs(1);

/// The outgoing stream, as negotiated for the viewer's feed producer.
#[derive(Debug, Clone)]
pub struct RewriterConfig {
    pub kind: MediaKind,
    pub ssrc: u32,
    pub payload_type: u8,
    pub clock_rate: u32,
    /// Where the stream starts; random in production (RFC 3550 §5.1).
    pub initial_sequence: u16,
    pub initial_timestamp: u32,
    /// Anchor each source on this timeline rather than on the time since the last packet.
    pub timeline: Option<Timeline>,
}

/// RTP time as a function of the wall clock: `base + clock rate × (instant − origin)`. Streams
/// anchored on one timeline agree on the timestamp of any instant, so a consumer moved from
/// one to another (a shared playout) sees its timestamps move on with the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeline {
    pub origin: Instant,
    /// Random in production (RFC 3550 §5.1), one per engine.
    pub base: u32,
}

impl Timeline {
    /// The RTP timestamp of instant `at` at `clock_rate` (modulo 2^32).
    pub fn at(&self, at: Instant, clock_rate: u32) -> u32 {
        let ticks = at.saturating_duration_since(self.origin).as_nanos() * u128::from(clock_rate) / 1_000_000_000;
        // Truncation is the RTP wrap-around.
        self.base.wrapping_add((ticks % (1 << 32)) as u32)
    }
}

/// What to do with a packet after [`Rewriter::rewrite`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rewrite {
    /// Rewritten in place: send it.
    Send { sequence: u16, timestamp: u32 },
    /// Drop it.
    Drop(DropReason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DropReason {
    /// Video after a switch before a key frame. `request` says to ask the source for one now.
    AwaitingKeyFrame { request: bool },
    /// Older than the first packet sent from this source (a late retransmission): it would
    /// collide with the sequence numbers of the previous source.
    Stale,
}

#[derive(Debug, Clone, Copy)]
struct Source {
    ssrc: u32,
    first_sequence: u16,
    seq_offset: u16,
    ts_offset: u32,
}

#[derive(Debug, Clone, Copy)]
struct Sent {
    /// Highest sequence number and timestamp sent so far (RTP order, not send order).
    sequence: u16,
    timestamp: u32,
    /// Ticks the packet with that timestamp plays (audio; 1 for video, whose frames do not say).
    duration: u32,
    at: Instant,
}

/// Rewrites packets of whatever source is playing into the viewer's outgoing stream.
#[derive(Debug)]
pub(crate) struct Rewriter {
    config: RewriterConfig,
    source: Option<Source>,
    last: Option<Sent>,
    /// Set by [`Rewriter::switch`]: the next packet starts a new source.
    switching: bool,
    key_frame_requested_at: Option<Instant>,
}

impl Rewriter {
    pub fn new(config: RewriterConfig) -> Self {
        Self {
            config,
            source: None,
            last: None,
            switching: true,
            key_frame_requested_at: None,
        }
    }

    /// The next packet comes from a new source (another utterance): re-anchor sequence numbers
    /// and timestamps on it, mark it, and for video wait for a key frame.
    pub fn switch(&mut self) {
        self.switching = true;
        self.key_frame_requested_at = None;
    }

    /// When the audio of the last packet sent has played out (its send time plus its duration):
    /// the next utterance starts then, not over it.
    pub fn free_at(&self) -> Option<Instant> {
        let last = self.last?;
        let ns = u64::from(last.duration) * 1_000_000_000 / u64::from(self.config.clock_rate.max(1));
        Some(last.at + Duration::from_nanos(ns))
    }

    /// Rewrites `packet` in place (sequence, timestamp, SSRC, payload type, marker) or says to
    /// drop it. `due` is when the playout scheduled it (a new source is anchored there on a
    /// [`Timeline`]). Malformed RTP is an error and the packet must be dropped.
    pub fn rewrite(&mut self, now: Instant, due: Instant, packet: &mut [u8]) -> Result<Rewrite, RtpError> {
        let view = RtpPacket::parse(packet)?;
        let (in_seq, in_ts, in_ssrc) = (view.sequence(), view.timestamp(), view.ssrc());
        let new_source = self.switching || self.source.is_none_or(|s| s.ssrc != in_ssrc);
        let (sequence, timestamp, marker) = if new_source {
            if self.config.kind == MediaKind::Video && !Vp8Packet::parse(view.payload()).is_ok_and(|p| p.key_frame) {
                self.switching = true;
                let request = self
                    .key_frame_requested_at
                    .is_none_or(|at| now.saturating_duration_since(at) >= KEY_FRAME_RETRY);
                if request {
                    self.key_frame_requested_at = Some(now);
                }
                return Ok(Rewrite::Drop(DropReason::AwaitingKeyFrame { request }));
            }
            let (sequence, timestamp) = self.anchor(now, due);
            self.source = Some(Source {
                ssrc: in_ssrc,
                first_sequence: in_seq,
                seq_offset: sequence.wrapping_sub(in_seq),
                ts_offset: timestamp.wrapping_sub(in_ts),
            });
            self.switching = false;
            // Audio: a new talk spurt starts here (RFC 3551 §4.1). Video: the marker means end
            // of frame, so it keeps the source's.
            let marker = self.config.kind == MediaKind::Audio || view.marker();
            (sequence, timestamp, marker)
        } else {
            let Some(source) = self.source else {
                unreachable_source()
            };
            if seq_newer(source.first_sequence, in_seq) {
                return Ok(Rewrite::Drop(DropReason::Stale));
            }
            (
                in_seq.wrapping_add(source.seq_offset),
                in_ts.wrapping_add(source.ts_offset),
                view.marker(),
            )
        };
        let duration = match self.config.kind {
            // Opus RTP runs at 48 kHz whatever the audio: samples are ticks.
            MediaKind::Audio => opus_samples(view.payload()).unwrap_or(1),
            MediaKind::Video => 1,
        };
        rtp::set_sequence(packet, sequence)?;
        rtp::set_timestamp(packet, timestamp)?;
        rtp::set_ssrc(packet, self.config.ssrc)?;
        rtp::set_payload_type(packet, self.config.payload_type)?;
        rtp::set_marker(packet, marker)?;
        self.note_sent(now, sequence, timestamp, duration);
        Ok(Rewrite::Send { sequence, timestamp })
    }
}

impl Rewriter {
    /// Keeps the highest sequence number and timestamp sent (with that packet's duration).
    fn note_sent(&mut self, now: Instant, sequence: u16, timestamp: u32, duration: u32) {
        let sent = Sent {
            sequence,
            timestamp,
            duration,
            at: now,
        };
        self.last = Some(match self.last {
            Some(last) => Sent {
                sequence: if seq_newer(sequence, last.sequence) {
                    sequence
                } else {
                    last.sequence
                },
                ..if ts_newer(timestamp, last.timestamp) {
                    sent
                } else {
                    Sent { at: now, ..last }
                }
            },
            None => sent,
        });
    }
}

impl Rewriter {
    /// The sequence number and timestamp of a new source's first packet, sent at `now` and
    /// due at `due`.
    fn anchor(&self, now: Instant, due: Instant) -> (u16, u32) {
        let on_timeline = self.config.timeline.map(|t| t.at(due, self.config.clock_rate));
        match (self.last, on_timeline) {
            // On the timeline, unless that would land inside the last packet's audio (a source
            // whose own timestamps ran ahead of the clock, then an immediate switch).
            (Some(last), Some(at)) => {
                let after_last = last.timestamp.wrapping_add(last.duration.max(1));
                let at = if ts_newer(after_last, at) { after_last } else { at };
                (last.sequence.wrapping_add(1), at)
            }
            (Some(last), None) => {
                let gap = now.saturating_duration_since(last.at);
                let ticks = gap.as_nanos() * u128::from(self.config.clock_rate) / 1_000_000_000;
                let ticks = u32::try_from(ticks).unwrap_or(u32::MAX).max(last.duration).max(1);
                (last.sequence.wrapping_add(1), last.timestamp.wrapping_add(ticks))
            }
            (None, Some(at)) => (self.config.initial_sequence, at),
            (None, None) => (self.config.initial_sequence, self.config.initial_timestamp),
        }
    }
}

/// `source` is set whenever `new_source` is false; kept out of line so the hot path reads flat.
#[cold]
fn unreachable_source() -> ! {
    unreachable!("a source is set once the first packet went out")
}

/// `a` comes after `b` in RTP sequence order (RFC 3550 wrap-around arithmetic).
fn seq_newer(a: u16, b: u16) -> bool {
    a != b && a.wrapping_sub(b) < 0x8000
}

fn ts_newer(a: u32, b: u32) -> bool {
    a != b && a.wrapping_sub(b) < 0x8000_0000
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rtp::tests::build;

    fn audio_rewriter(seq: u16, ts: u32) -> Rewriter {
        Rewriter::new(RewriterConfig {
            kind: MediaKind::Audio,
            ssrc: 0xFEED,
            payload_type: 100,
            clock_rate: 48_000,
            initial_sequence: seq,
            initial_timestamp: ts,
            timeline: None,
        })
    }

    fn send(r: &mut Rewriter, now: Instant, mut p: Vec<u8>) -> (u16, u32, bool) {
        match r.rewrite(now, now, &mut p).unwrap() {
            Rewrite::Send { sequence, timestamp } => {
                let v = RtpPacket::parse(&p).unwrap();
                assert_eq!((v.sequence(), v.timestamp()), (sequence, timestamp));
                assert_eq!((v.ssrc(), v.payload_type()), (r.config.ssrc, r.config.payload_type));
                (sequence, timestamp, v.marker())
            }
            other => panic!("{other:?}"),
        }
    }

    const MS20: Duration = Duration::from_millis(20);

    #[test]
    fn sequence_wraps() {
        let mut r = audio_rewriter(65534, 0);
        let t0 = Instant::now();
        let seqs: Vec<u16> = (0..4u16)
            .map(|i| {
                send(
                    &mut r,
                    t0 + MS20 * u32::from(i),
                    build(100 + i, 960 * u32::from(i), 1, &[], None, b"o", 0),
                )
                .0
            })
            .collect();
        assert_eq!(seqs, [65534, 65535, 0, 1]);
    }

    #[test]
    fn timestamp_wraps_and_follows_source_deltas() {
        let mut r = audio_rewriter(0, u32::MAX - 1000);
        let t0 = Instant::now();
        let ts: Vec<u32> = (0..3u16)
            .map(|i| {
                send(
                    &mut r,
                    t0 + MS20 * u32::from(i),
                    build(i, 5000 + 960 * u32::from(i), 1, &[], None, b"o", 0),
                )
                .1
            })
            .collect();
        assert_eq!(ts, [u32::MAX - 1000, u32::MAX - 40, 919]);
        // Source timestamps wrapping too.
        let mut r = audio_rewriter(0, 7);
        let a = send(&mut r, t0, build(1, u32::MAX - 100, 1, &[], None, b"o", 0)).1;
        let b = send(&mut r, t0 + MS20, build(2, 859, 1, &[], None, b"o", 0)).1;
        assert_eq!((a, b), (7, 967));
    }

    #[test]
    fn switch_is_continuous_and_marked() {
        let mut r = audio_rewriter(1000, 50_000);
        let t0 = Instant::now();
        let mut last = (0, 0);
        for i in 0..5u16 {
            let (s, t, m) = send(
                &mut r,
                t0 + MS20 * u32::from(i),
                build(7000 + i, 960 * u32::from(i), 1, &[], None, b"a", 0),
            );
            assert_eq!(m, i == 0, "marker on the first packet only");
            last = (s, t);
        }
        // Next utterance from another speaker 300 ms after the last packet: unrelated numbers.
        r.switch();
        let now = t0 + MS20 * 4 + Duration::from_millis(300);
        let (s, t, m) = send(&mut r, now, build(12, 123_456_789, 2, &[], None, b"b", 0));
        assert_eq!(s, last.0.wrapping_add(1), "no sequence gap");
        assert_eq!(t, last.1 + 300 * 48, "wall-clock gap x clock rate");
        assert!(m);
        let (s2, t2, m2) = send(&mut r, now + MS20, build(13, 123_456_789 + 960, 2, &[], None, b"b", 0));
        assert_eq!((s2, t2, m2), (s + 1, t + 960, false));
        // An immediate switch moves the timestamp past the last packet's audio (b"b": an Opus
        // TOC of two 10 ms frames), so that the first packet does not overlap it.
        r.switch();
        let (s3, t3, _) = send(&mut r, now + MS20, build(1, 5, 3, &[], None, b"c", 0));
        assert_eq!((s3, t3), (s2 + 1, t2 + 960));
        // After a packet without a readable TOC (b"c": code 3 without its frame count), one tick.
        r.switch();
        let (s5, t5, _) = send(&mut r, now + MS20, build(2, 5, 5, &[], None, b"b", 0));
        assert_eq!((s5, t5), (s3 + 1, t3 + 1));
        let (s3, t3) = (s5, t5);
        // A new SSRC without switch() is a new source too.
        let (s4, t4, m4) = send(&mut r, now + MS20 * 2, build(9, 9, 4, &[], None, b"d", 0));
        assert_eq!((s4, t4, m4), (s3 + 1, t3 + 960, true));
    }

    #[test]
    fn on_a_timeline_each_source_starts_at_the_clock_s_rtp_time() {
        let t0 = Instant::now();
        let timeline = Timeline {
            origin: t0,
            base: u32::MAX - 47_999,
        };
        let mut r = Rewriter::new(RewriterConfig {
            timeline: Some(timeline),
            ..audio_rewriter(10, 0).config
        });
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        let send_due = |r: &mut Rewriter, now: Instant, due: Instant, p: Vec<u8>| {
            let mut p = p;
            match r.rewrite(now, due, &mut p).unwrap() {
                Rewrite::Send { sequence, timestamp } => (sequence, timestamp),
                other => panic!("{other:?}"),
            }
        };
        // First source: anchored on its first packet's due instant (sent 1 ms late), then the
        // source's own deltas; the timeline wraps past 2^32 one second after its origin.
        let first = send_due(&mut r, at(1001), at(1000), build(500, 77, 1, &[], None, b"a", 0));
        assert_eq!(first, (10, timeline.at(at(1000), 48_000)));
        assert_eq!(first.1, 0, "base + 48 000 ticks wrapped");
        let second = send_due(&mut r, at(1020), at(1020), build(501, 77 + 960, 1, &[], None, b"a", 0));
        assert_eq!(second, (11, 960));
        // Another source 500 ms on: the timeline's time of its due instant, not the gap rule.
        r.switch();
        let third = send_due(&mut r, at(1600), at(1520), build(9, 5, 2, &[], None, b"b", 0));
        assert_eq!(third, (12, timeline.at(at(1520), 48_000)));
        assert_eq!(third.1, 520 * 48);
        // A source due no later than what was sent (its sender's clock ran ahead) still starts
        // after the last packet's audio (b"b": an Opus TOC of two 10 ms frames).
        r.switch();
        let fourth = send_due(&mut r, at(1600), at(1500), build(1, 1, 3, &[], None, b"c", 0));
        assert_eq!(fourth, (13, third.1 + 960));
    }

    #[test]
    fn upstream_gaps_are_kept_and_stale_packets_dropped() {
        let mut r = audio_rewriter(0, 0);
        let t0 = Instant::now();
        assert_eq!(send(&mut r, t0, build(10, 0, 1, &[], None, b"o", 0)).0, 0);
        assert_eq!(send(&mut r, t0, build(12, 1920, 1, &[], None, b"o", 0)).0, 2);
        // The retransmitted 11 fills the gap, 9 predates the source and is dropped.
        assert_eq!(send(&mut r, t0, build(11, 960, 1, &[], None, b"o", 0)), (1, 960, false));
        let mut p = build(9, 0, 1, &[], None, b"o", 0);
        assert_eq!(r.rewrite(t0, t0, &mut p).unwrap(), Rewrite::Drop(DropReason::Stale));
        // The next switch continues after the highest sent, not the last sent.
        r.switch();
        assert_eq!(send(&mut r, t0 + MS20, build(500, 0, 2, &[], None, b"o", 0)).0, 3);
    }

    #[test]
    fn video_waits_for_a_key_frame_after_a_switch() {
        let mut r = Rewriter::new(RewriterConfig {
            kind: MediaKind::Video,
            ssrc: 0xBEEF,
            payload_type: 101,
            clock_rate: 90_000,
            initial_sequence: 0,
            initial_timestamp: 0,
            timeline: None,
        });
        let t0 = Instant::now();
        let delta = |seq| build(seq, 3000, 1, &[], None, &[0x10, 0x01, 0, 0], 0);
        let key = |seq, ssrc| build(seq, 6000, ssrc, &[], None, &[0x10, 0x00, 0x9D, 0x01], 0);
        let cont = |seq, ssrc| build(seq, 6000, ssrc, &[], None, &[0x00, 0xAA], 0);
        assert!(r.switching);
        let mut p = delta(1);
        assert_eq!(
            r.rewrite(t0, t0, &mut p).unwrap(),
            Rewrite::Drop(DropReason::AwaitingKeyFrame { request: true })
        );
        let mut p = delta(2);
        assert_eq!(
            r.rewrite(t0, t0, &mut p).unwrap(),
            Rewrite::Drop(DropReason::AwaitingKeyFrame { request: false })
        );
        let mut p = delta(3);
        let later = t0 + KEY_FRAME_RETRY;
        assert_eq!(
            r.rewrite(later, later, &mut p).unwrap(),
            Rewrite::Drop(DropReason::AwaitingKeyFrame { request: true })
        );
        let (s, _, m) = send(&mut r, later, key(4, 1));
        assert_eq!(s, 0);
        assert!(!m, "video marker is end-of-frame, left as the source set it");
        assert!(!r.switching);
        assert_eq!(send(&mut r, later, cont(5, 1)).0, 1);
        r.switch();
        let mut p = cont(70, 2);
        assert!(matches!(
            r.rewrite(later, later, &mut p).unwrap(),
            Rewrite::Drop(DropReason::AwaitingKeyFrame { .. })
        ));
        assert_eq!(send(&mut r, later + MS20, key(71, 2)).0, 2);
    }

    #[test]
    fn video_stays_continuous_across_switches_and_wraps() {
        // Start just below both wraps: sequence 65535 → 0 and timestamp 2^32 → 0.
        let mut r = Rewriter::new(RewriterConfig {
            kind: MediaKind::Video,
            ssrc: 0xD00D,
            payload_type: 96,
            clock_rate: 90_000,
            initial_sequence: 65_534,
            initial_timestamp: u32::MAX - 2_000,
            timeline: None,
        });
        let t0 = Instant::now();
        let key = |seq: u16, ts: u32, ssrc: u32| build(seq, ts, ssrc, &[], None, &[0x10, 0x00, 0x9D, 0x01, 0x2A], 0);
        let cont = |seq: u16, ts: u32, ssrc: u32| build(seq, ts, ssrc, &[], None, &[0x00, 0xAA, 0, 0], 0);
        let delta = |seq: u16, ts: u32, ssrc: u32| build(seq, ts, ssrc, &[], None, &[0x10, 0x01, 0, 0, 0], 0);
        let frame = Duration::from_millis(66);
        let mut out = Vec::new();
        // Speaker A: nothing goes out before its key frame.
        for (i, p) in [delta(500, 9_000, 1), cont(501, 9_000, 1)].into_iter().enumerate() {
            let mut p = p;
            assert!(
                matches!(r.rewrite(t0, t0, &mut p).unwrap(), Rewrite::Drop(DropReason::AwaitingKeyFrame { request }) if request == (i == 0)),
                "packet {i} before the key frame"
            );
        }
        // Key frame of 3 packets, then two delta frames of one packet (6000 ticks apart).
        out.push(send(&mut r, t0, key(502, 12_000, 1)));
        out.push(send(&mut r, t0, cont(503, 12_000, 1)));
        out.push(send(&mut r, t0, cont(504, 12_000, 1)));
        out.push(send(&mut r, t0 + frame, delta(505, 18_000, 1)));
        out.push(send(&mut r, t0 + frame * 2, delta(506, 24_000, 1)));
        // Speaker B 500 ms later, with its own numbers; delta frames first are dropped.
        r.switch();
        let tb = t0 + frame * 2 + Duration::from_millis(500);
        let mut p = delta(60_000, 4_000_000_000, 2);
        assert!(matches!(r.rewrite(tb, tb, &mut p).unwrap(), Rewrite::Drop(_)));
        out.push(send(&mut r, tb, key(60_001, 4_000_006_000, 2)));
        out.push(send(&mut r, tb + frame, delta(60_002, 4_000_012_000, 2)));
        let seqs: Vec<u16> = out.iter().map(|o| o.0).collect();
        assert_eq!(
            seqs,
            [65_534, 65_535, 0, 1, 2, 3, 4],
            "contiguous across the wrap and the switch"
        );
        let ts: Vec<u32> = out.iter().map(|o| o.1).collect();
        let base = u32::MAX - 2_000;
        assert_eq!(
            ts[..5],
            [base, base, base, base.wrapping_add(6_000), base.wrapping_add(12_000)]
        );
        // The switch: 500 ms of wall clock at 90 kHz after the last packet sent (the delta
        // frame dropped while waiting did not count).
        assert_eq!(ts[5], ts[4].wrapping_add(45_000));
        assert_eq!(ts[6], ts[5].wrapping_add(6_000), "then the source's own deltas");
        assert!(ts[4] < 20_000, "the timestamp wrapped past 2^32");
        for w in ts.windows(2) {
            assert!(w[1].wrapping_sub(w[0]) < 0x8000_0000, "never backwards: {w:?}");
        }
        // Video markers are the source's (end of frame), never forced on a switch.
        assert!(out.iter().all(|o| !o.2));
    }

    #[test]
    fn malformed_packets_are_errors() {
        let mut r = audio_rewriter(0, 0);
        let t0 = Instant::now();
        assert!(r.rewrite(t0, t0, &mut [0x80, 0, 0]).is_err());
        assert!(r.rewrite(t0, t0, &mut [0u8; 20]).is_err());
        // The stream is unaffected: the first good packet still gets the initial numbers.
        assert_eq!(send(&mut r, t0, build(5, 5, 1, &[], None, b"o", 0)).0, 0);
    }
}
