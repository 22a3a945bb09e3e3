//! What a synthetic viewer measures per received stream: loss, duplicates, reordering, one-way
//! latency (hdrhistogram), RFC 3550 interarrival jitter, time to first packet.
//!
//! Pure: the caller passes the stamp read from the payload, the RTP timestamp and the arrival
//! time; nothing here reads a clock. Fixed memory per stream (a 1024-packet window for
//! duplicates), no allocation per packet.

use std::time::Duration;

use hdrhistogram::Histogram;

use super::media::MediaStamp;

/// Packets remembered for duplicate detection: a duplicate older than this counts as reordered.
const WINDOW: u64 = 1024;

/// A latency histogram: 1 µs .. 60 s at 2 significant digits (~20 KiB).
pub fn latency_histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 60_000_000, 2).expect("constant bounds are valid")
}

/// One received stream (one consumer) of a viewer.
#[derive(Debug, Clone)]
pub struct StreamStats {
    pub stream_id: Option<u32>,
    clock_rate: u32,
    /// Packets received, duplicates included.
    pub received: u64,
    pub duplicates: u64,
    /// Packets that arrived after a later one.
    pub reordered: u64,
    /// Stamped packets whose payload was not ours (wrong magic, truncated).
    pub foreign: u64,
    first_counter: Option<u64>,
    highest_counter: u64,
    /// Bit i: counter `highest - i` was seen.
    window: [u64; (WINDOW / 64) as usize],
    /// RFC 3550 §6.4.1 jitter, in RTP clock units, scaled by 16 (as in the RFC's sample code).
    jitter_x16: u64,
    last_transit: Option<i64>,
    pub key_frames: u64,
    /// When the first packet arrived, since the stream was set up.
    pub first_packet_after: Option<Duration>,
}

impl StreamStats {
    pub fn new(clock_rate: u32) -> StreamStats {
        StreamStats {
            stream_id: None,
            clock_rate: clock_rate.max(1),
            received: 0,
            duplicates: 0,
            reordered: 0,
            foreign: 0,
            first_counter: None,
            highest_counter: 0,
            window: [0; (WINDOW / 64) as usize],
            jitter_x16: 0,
            last_transit: None,
            key_frames: 0,
            first_packet_after: None,
        }
    }

    /// Records a packet. `arrival_us` is the receiver's wall clock (µs since the Unix epoch, the
    /// sender's clock too); `since_setup` is the time since the stream was set up. Returns the
    /// one-way latency in µs, for the caller's histogram, unless the packet is a duplicate.
    pub fn record(
        &mut self,
        stamp: &MediaStamp,
        rtp_timestamp: u32,
        arrival_us: u64,
        since_setup: Duration,
    ) -> Option<u64> {
        self.received += 1;
        self.stream_id.get_or_insert(stamp.stream_id);
        self.first_packet_after.get_or_insert(since_setup);
        let c = stamp.counter;
        match self.first_counter {
            None => {
                self.first_counter = Some(c);
                self.highest_counter = c;
                self.window = [0; (WINDOW / 64) as usize];
                self.set_seen(0);
            }
            Some(first) => {
                if c < first {
                    // Older than the first packet we saw: it was in flight before. Count it as
                    // reordered and extend the expected range.
                    self.first_counter = Some(c);
                    self.reordered += 1;
                } else if c > self.highest_counter {
                    if c > self.highest_counter + 1 {
                        tracing::trace!(
                            stream = stamp.stream_id,
                            from = self.highest_counter + 1,
                            to = c - 1,
                            "gap"
                        );
                    }
                    self.shift(c - self.highest_counter);
                    self.highest_counter = c;
                    self.set_seen(0);
                } else {
                    let age = self.highest_counter - c;
                    if age < WINDOW && self.seen(age) {
                        self.duplicates += 1;
                        return None;
                    }
                    if age < WINDOW {
                        self.set_seen(age);
                    }
                    self.reordered += 1;
                }
            }
        }
        // Jitter: D(i-1, i) = (Rj - Ri) - (Sj - Si) in RTP units; J += (|D| - J) / 16.
        let arrival = (u128::from(arrival_us) * u128::from(self.clock_rate) / 1_000_000) as i64;
        let transit = arrival.wrapping_sub(i64::from(rtp_timestamp));
        if let Some(last) = self.last_transit {
            let d = transit.wrapping_sub(last).unsigned_abs();
            // jitter_x16 += |D| - jitter_x16 / 16, the RFC's integer form.
            self.jitter_x16 = self.jitter_x16 + d.min(u64::from(u32::MAX)) - ((self.jitter_x16 + 8) >> 4);
        }
        self.last_transit = Some(transit);
        Some(arrival_us.saturating_sub(stamp.send_time_us))
    }

    fn shift(&mut self, by: u64) {
        if by >= WINDOW {
            self.window = [0; (WINDOW / 64) as usize];
            return;
        }
        let words = (by / 64) as usize;
        let bits = (by % 64) as u32;
        let n = self.window.len();
        for i in (0..n).rev() {
            let src = i.checked_sub(words);
            let hi = src.map_or(0, |s| self.window[s]);
            let lo = src.and_then(|s| s.checked_sub(1)).map_or(0, |s| self.window[s]);
            self.window[i] = if bits == 0 {
                hi
            } else {
                (hi << bits) | (lo >> (64 - bits))
            };
        }
    }

    fn seen(&self, age: u64) -> bool {
        self.window[(age / 64) as usize] & (1 << (age % 64)) != 0
    }

    fn set_seen(&mut self, age: u64) {
        self.window[(age / 64) as usize] |= 1 << (age % 64);
    }

    /// Packets the sender sent from the first to the highest counter seen.
    pub fn expected(&self) -> u64 {
        self.first_counter.map_or(0, |f| self.highest_counter - f + 1)
    }

    /// Expected packets that never arrived (so far).
    pub fn lost(&self) -> u64 {
        self.expected().saturating_sub(self.received - self.duplicates)
    }

    /// Current interarrival jitter.
    pub fn jitter(&self) -> Duration {
        Duration::from_nanos(self.jitter_x16 / 16 * 1_000_000_000 / u64::from(self.clock_rate))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(counter: u64, send_time_us: u64) -> MediaStamp {
        MediaStamp {
            stream_id: 1,
            counter,
            send_time_us,
        }
    }

    /// Packets `counters` sent every 20 ms (960 ticks) and received `delay_us` later.
    fn feed(s: &mut StreamStats, counters: &[u64], delay_us: u64) -> Vec<Option<u64>> {
        counters
            .iter()
            .map(|&c| {
                let sent = 1_000_000 + c * 20_000;
                s.record(&stamp(c, sent), (c * 960) as u32, sent + delay_us, Duration::ZERO)
            })
            .collect()
    }

    #[test]
    fn in_order_stream_has_no_loss_and_exact_latency() {
        let mut s = StreamStats::new(48_000);
        let lat = feed(&mut s, &(0..100).collect::<Vec<_>>(), 1_500);
        assert!(lat.iter().all(|l| *l == Some(1_500)));
        assert_eq!(
            (s.received, s.expected(), s.lost(), s.duplicates, s.reordered),
            (100, 100, 0, 0, 0)
        );
        assert_eq!(s.jitter(), Duration::ZERO, "constant delay, no jitter");
    }

    #[test]
    fn counts_loss_duplicates_and_reordering() {
        let mut s = StreamStats::new(48_000);
        let lat = feed(&mut s, &[0, 1, 3, 2, 2, 5, 6, 6, 9], 100);
        assert_eq!(lat.iter().filter(|l| l.is_none()).count(), 2);
        assert_eq!(s.duplicates, 2);
        assert_eq!(s.reordered, 1);
        assert_eq!(s.expected(), 10);
        // 4, 7, 8 missing.
        assert_eq!(s.lost(), 3);
    }

    #[test]
    fn a_late_packet_far_behind_is_reordered_not_a_duplicate() {
        let mut s = StreamStats::new(48_000);
        let mut counters: Vec<u64> = (0..3000).filter(|&c| c != 10).collect();
        counters.push(10);
        feed(&mut s, &counters, 100);
        assert_eq!((s.lost(), s.duplicates, s.reordered), (0, 0, 1));
    }

    #[test]
    fn duplicate_detection_survives_window_shifts_of_every_size() {
        let mut s = StreamStats::new(48_000);
        let counters = [0u64, 1, 65, 64, 65, 130, 1, 1200, 1199, 1200];
        let lat = feed(&mut s, &counters, 10);
        let dups: Vec<bool> = lat.iter().map(Option::is_none).collect();
        assert_eq!(
            dups,
            [false, false, false, false, true, false, true, false, false, true]
        );
    }

    #[test]
    fn jitter_follows_rfc3550() {
        let mut s = StreamStats::new(48_000);
        // Delay alternating 0 and 2 ms: |D| = 2 ms = 96 ticks every packet; J converges to 96.
        for c in 0..2000u64 {
            let sent = 1_000_000 + c * 20_000;
            let delay = if c % 2 == 0 { 0 } else { 2_000 };
            s.record(&stamp(c, sent), (c * 960) as u32, sent + delay, Duration::ZERO);
        }
        let j = s.jitter().as_micros();
        assert!((1_950..=2_000).contains(&j), "{j} µs");
    }
}
