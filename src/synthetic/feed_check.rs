//! What a synthetic feed viewer checks on the one stream the server reroutes: the RTP stream it
//! sees must look like one continuous talker (contiguous sequence numbers, timestamps that never
//! go back), and each utterance in it must play whole, from its start, with a marker bit.
//!
//! The payload stamps say which broadcaster stream and which packet of it each packet is, so
//! the stream splits into segments: a segment is a run of one source's consecutive packets. A
//! new segment must begin with the marker bit (the feed's rewriter sets it on each utterance's
//! first packet); a break without a marker is a packet lost or skipped inside an utterance. A
//! segment that begins on a quiet packet began in the utterance's pre-roll, i.e. from its start;
//! so did one that begins on its source's very first packet (nothing came before it).
//!
//! A feed with video has a second stream, checked the same way for continuity (its own
//! contiguous sequence numbers and timestamps); its segments (a run of one camera's consecutive
//! packets) must each begin on a key frame, since a decoder can start nowhere else.

use std::collections::BTreeSet;

use serde::Serialize;

use super::media::MediaStamp;

/// RFC 6464 levels at or below this (in -dBov, as str0m reports them) are silence; the
/// synthetic broadcasters send voiced packets at -15..-30 dBov and silence at -100..-127.
const QUIET_DBOV: i8 = -90;

#[derive(Debug, Default, Clone)]
pub struct FeedCheck {
    last_seq: Option<u16>,
    last_ts: Option<u32>,
    current: Option<(u32, u64)>,
    /// `feedSwitched` received since the last `feedWaiting` and not yet begun as a segment.
    announced: u64,
    video: StreamCursor,
    report: FeedReport,
}

#[derive(Debug, Default, Clone, Copy)]
struct StreamCursor {
    last_seq: Option<u16>,
    last_ts: Option<u32>,
    current: Option<(u32, u64)>,
}

/// The per-viewer result.
#[derive(Debug, Default, Clone, Serialize)]
pub struct FeedReport {
    pub packets: u64,
    /// RTP sequence numbers that did not follow the previous one (lost, repeated or reordered).
    pub seq_gaps: u64,
    /// Packets whose RTP timestamp is before the previous packet's.
    pub ts_backwards: u64,
    /// Utterances heard (segments begun with a marker).
    pub segments: u64,
    /// Of those, how many began on a quiet (pre-roll) packet or on their source's first packet:
    /// played from their start.
    pub segments_from_start: u64,
    /// Breaks inside a segment: a source or packet-counter jump without the marker bit.
    pub segment_gaps: u64,
    /// Segments no `feedSwitched` announced: an utterance began while the feed waited (or more
    /// began than were announced), i.e. a playout meant for other viewers reached this one.
    pub unannounced: u64,
    /// Distinct broadcaster streams heard.
    pub sources: usize,
    /// `feedSwitched` and `feedWaiting` notifications received.
    pub switches: u64,
    pub waits: u64,
    /// The video stream, when the feed has one: packets, continuity breaks, and segments (runs
    /// of one camera's consecutive packets), of which how many began on a key frame.
    pub video_packets: u64,
    pub video_seq_gaps: u64,
    pub video_ts_backwards: u64,
    pub video_segments: u64,
    pub video_segments_from_key_frame: u64,
    /// `--taste`: skips and listen-through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taste: Option<super::taste::TasteReport>,
    /// The policy that picked for this feed (`subscribeFeed`'s `recommender`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommender: Option<String>,
    /// `--taste`: who this viewer heard when (for the starvation check).
    #[serde(skip)]
    pub hearing: Option<super::taste::Hearing>,
    #[serde(skip)]
    source_ids: BTreeSet<u32>,
}

impl FeedCheck {
    /// The feed's consumers were re-created (the room's worker died): new RTP streams whose
    /// numbering owes nothing to the old ones, so continuity is checked afresh.
    pub fn restart_stream(&mut self) {
        self.last_seq = None;
        self.last_ts = None;
        self.current = None;
        self.video = StreamCursor::default();
    }

    pub fn on_packet(&mut self, seq: u16, ts: u32, marker: bool, level: Option<i8>, stamp: &MediaStamp) {
        let r = &mut self.report;
        r.packets += 1;
        if let Some(last) = self.last_seq {
            if seq != last.wrapping_add(1) {
                r.seq_gaps += 1;
            }
        }
        if let Some(last) = self.last_ts {
            // Serial-number comparison: a wrap at 2^32 is forward.
            if (ts.wrapping_sub(last) as i32) < 0 {
                r.ts_backwards += 1;
            }
        }
        self.last_seq = Some(seq);
        self.last_ts = Some(ts);
        let continues = self
            .current
            .is_some_and(|(id, counter)| id == stamp.stream_id && stamp.counter == counter + 1);
        if !continues {
            if marker {
                r.segments += 1;
                match self.announced.checked_sub(1) {
                    Some(left) => self.announced = left,
                    None => r.unannounced += 1,
                }
                if stamp.counter == 0 || level.is_some_and(|l| l <= QUIET_DBOV) {
                    r.segments_from_start += 1;
                }
            } else if self.current.is_some() {
                r.segment_gaps += 1;
            }
        }
        self.current = Some((stamp.stream_id, stamp.counter));
        if r.source_ids.insert(stamp.stream_id) {
            r.sources = r.source_ids.len();
        }
    }

    /// One packet of the feed's video stream; `key_frame`: it starts a key frame.
    pub fn on_video_packet(&mut self, seq: u16, ts: u32, key_frame: bool, stamp: &MediaStamp) {
        let (v, r) = (&mut self.video, &mut self.report);
        r.video_packets += 1;
        if v.last_seq.is_some_and(|last| seq != last.wrapping_add(1)) {
            r.video_seq_gaps += 1;
        }
        if v.last_ts.is_some_and(|last| (ts.wrapping_sub(last) as i32) < 0) {
            r.video_ts_backwards += 1;
        }
        v.last_seq = Some(seq);
        v.last_ts = Some(ts);
        let continues = v
            .current
            .is_some_and(|(id, counter)| id == stamp.stream_id && stamp.counter == counter + 1);
        if !continues {
            r.video_segments += 1;
            if key_frame {
                r.video_segments_from_key_frame += 1;
            }
        }
        v.current = Some((stamp.stream_id, stamp.counter));
    }

    /// A `feedSwitched`: one more utterance may begin.
    pub fn on_switch(&mut self) {
        self.report.switches += 1;
        self.announced += 1;
    }

    /// A `feedWaiting`: none may begin until the next switch (the packets of one that was
    /// playing may still arrive; they continue its segment).
    pub fn on_wait(&mut self) {
        self.report.waits += 1;
        self.announced = 0;
    }

    pub fn finish(self) -> FeedReport {
        self.report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(stream_id: u32, counter: u64) -> MediaStamp {
        MediaStamp {
            stream_id,
            counter,
            send_time_us: 0,
        }
    }

    #[test]
    fn a_clean_feed_has_whole_segments_and_no_gaps() {
        let mut c = FeedCheck::default();
        // Utterance of stream 1 from its pre-roll, then stream 2's, across a sequence wrap.
        let mut seq = 65533u16;
        let mut ts = u32::MAX - 960;
        for (i, (id, counter, level)) in [(1, 10, -110), (1, 11, -20), (1, 12, -20), (2, 40, -120), (2, 41, -25)]
            .into_iter()
            .enumerate()
        {
            let marker = i == 0 || i == 3;
            if marker {
                c.on_switch();
            }
            c.on_packet(seq, ts, marker, Some(level), &stamp(id, counter));
            seq = seq.wrapping_add(1);
            ts = ts.wrapping_add(960);
        }
        let r = c.finish();
        assert_eq!((r.packets, r.seq_gaps, r.ts_backwards), (5, 0, 0));
        assert_eq!(
            (r.segments, r.segments_from_start, r.segment_gaps, r.sources),
            (2, 2, 0, 2)
        );
        assert_eq!((r.switches, r.unannounced), (2, 0));
    }

    #[test]
    fn an_utterance_while_waiting_is_not_announced() {
        let mut c = FeedCheck::default();
        c.on_switch();
        c.on_packet(1, 1000, true, Some(-110), &stamp(1, 0));
        c.on_packet(2, 2000, false, Some(-20), &stamp(1, 1));
        c.on_wait();
        // Its last packet after the wait continues its segment.
        c.on_packet(3, 3000, false, Some(-20), &stamp(1, 2));
        // Another viewers' playout, from its start, while this feed waits.
        c.on_packet(4, 9000, true, Some(-110), &stamp(2, 0));
        // Two switches (the first utterance skipped before its first packet), one segment.
        c.on_switch();
        c.on_switch();
        c.on_packet(5, 12000, true, Some(-110), &stamp(3, 0));
        let r = c.finish();
        assert_eq!((r.segments, r.segment_gaps), (3, 0));
        assert_eq!(r.unannounced, 1);
    }

    #[test]
    fn video_segments_must_start_on_key_frames() {
        let mut c = FeedCheck::default();
        // Camera 5 from a key frame (3 packets), camera 6 from a key frame across a wrap, then
        // camera 5 again from a delta frame, and a counter jump inside camera 5.
        let packets = [
            (65534u16, 100u32, true, 5u32, 10u64),
            (65535, 100, false, 5, 11),
            (0, 3100, false, 5, 12),
            (1, 9000, true, 6, 40),
            (2, 12000, false, 6, 41),
            (3, 20000, false, 5, 30),
            (4, 23000, false, 5, 32),
            (6, 22000, false, 5, 33),
        ];
        for (seq, ts, key, id, counter) in packets {
            c.on_video_packet(seq, ts, key, &stamp(id, counter));
        }
        let r = c.finish();
        assert_eq!(r.video_packets, 8);
        assert_eq!((r.video_seq_gaps, r.video_ts_backwards), (1, 1));
        assert_eq!((r.video_segments, r.video_segments_from_key_frame), (4, 2));
        assert_eq!(r.packets, 0, "audio untouched");
    }

    #[test]
    fn breaks_are_counted() {
        let mut c = FeedCheck::default();
        c.on_packet(1, 1000, true, Some(-20), &stamp(1, 0));
        // A lost sequence number and a counter jump without a marker.
        c.on_packet(3, 2000, false, Some(-20), &stamp(1, 2));
        // Time going back, and a switch with a marker that starts mid-speech.
        c.on_packet(4, 500, true, Some(-20), &stamp(2, 7));
        // A source's first packet is its first utterance's start, loud or not.
        c.on_packet(5, 600, true, Some(-20), &stamp(3, 0));
        // The original talk-spurt marker inside a segment is not a new segment.
        c.on_packet(6, 1500, true, Some(-20), &stamp(3, 1));
        let r = c.finish();
        assert_eq!((r.seq_gaps, r.ts_backwards, r.segment_gaps), (1, 1, 1));
        assert_eq!((r.segments, r.segments_from_start), (3, 2));
    }
}
