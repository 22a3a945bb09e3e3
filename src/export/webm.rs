//! A WebM file (Matroska, RFC 9559, with WebM's restrictions) from the RTP packets of one
//! utterance's VP8 video, without re-encoding: the packets are depacketized (RFC 7741) into
//! frames and the frames go into SimpleBlocks as they are.
//!
//! Only whole frames are written: a frame whose packets did not all arrive (a hole in the
//! sequence numbers, or no marker bit before the stream ends) is dropped, and so is everything
//! after it up to the next key frame unless its picture ids show no frame was lost (a decoder
//! given a frame whose reference is missing shows garbage). The file starts at a key frame,
//! which is where the recorder starts an utterance's video. Timecodes are the frames' RTP
//! timestamps in milliseconds from the first frame; the Duration runs to the end of the last
//! frame (its start plus the interval before it), so it is the video's RTP duration.
//!
//! Layout: EBML header (DocType `webm`), then one Segment holding a SeekHead, Info
//! (TimecodeScale 1 ms, Duration), Tracks (one `V_VP8` track), Clusters (a new one at each key
//! frame, or every 30 s) of SimpleBlocks, and Cues (one per key frame).

use crate::rtp::{RtpPacket, Vp8Packet};

const EBML: u32 = 0x1A45_DFA3;
const SEGMENT: u32 = 0x1853_8067;
const SEEK_HEAD: u32 = 0x114D_9B74;
const SEEK: u32 = 0x4DBB;
const SEEK_ID: u32 = 0x53AB;
const SEEK_POSITION: u32 = 0x53AC;
const INFO: u32 = 0x1549_A966;
const TRACKS: u32 = 0x1654_AE6B;
const CLUSTER: u32 = 0x1F43_B675;
const CUES: u32 = 0x1C53_BB6B;
/// The video's track number (and the SimpleBlocks' track vint, 0x81).
const TRACK: u64 = 1;
/// A cluster's blocks are timed relative to it on 16 signed bits of milliseconds.
const MAX_CLUSTER_MS: u64 = 30_000;
const APP: &str = concat!("sfu ", env!("CARGO_PKG_VERSION"));

/// A whole VP8 frame out of the depacketizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vp8Frame<'a> {
    pub timestamp: u32,
    pub key: bool,
    /// The VP8 frame (RFC 6386 §9.1: frame tag first), payload descriptors removed.
    pub data: &'a [u8],
}

/// What the depacketizer kept and left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DepacketizerStats {
    /// Frames handed out whole, and how many of them were key frames.
    pub frames: usize,
    pub key_frames: usize,
    /// Frames left out: incomplete (a packet missing), undecodable (a key frame without its
    /// start code), or waiting for a key frame after a loss.
    pub dropped_frames: usize,
    /// Packets left out: not RTP, no VP8 descriptor, a duplicate or late one, or a piece of a
    /// frame that is not being collected.
    pub skipped_packets: usize,
}

/// VP8 frames out of RTP packets in arrival order (RFC 7741 §4). Sans-I/O; the frame buffer is
/// reused from frame to frame.
#[derive(Debug, Default)]
pub struct Vp8Depacketizer {
    frame: Vec<u8>,
    /// A frame is being collected: its timestamp, key flag and picture id.
    collecting: bool,
    frame_ts: u32,
    frame_key: bool,
    frame_pid: Option<u16>,
    last_seq: Option<u16>,
    /// Packets were lost since the last frame start.
    gap: bool,
    /// Nothing but a key frame may come next (at the start, and after a loss that took a frame).
    need_key: bool,
    /// Picture id of the last frame handed out.
    last_pid: Option<u16>,
    stats: DepacketizerStats,
}

impl Vp8Depacketizer {
    pub fn new() -> Self {
        Self {
            need_key: true,
            ..Self::default()
        }
    }

    pub fn stats(&self) -> DepacketizerStats {
        self.stats
    }

    /// One RTP packet; `on_frame` gets each frame it completes (at most two: the one before,
    /// which ended without a marker bit, and the one it ends itself).
    pub fn push(&mut self, rtp: &[u8], on_frame: &mut impl FnMut(Vp8Frame<'_>)) {
        let Ok(packet) = RtpPacket::parse(rtp) else {
            self.stats.skipped_packets += 1;
            return;
        };
        if !self.in_sequence(packet.sequence()) {
            self.stats.skipped_packets += 1;
            return;
        }
        let payload = packet.payload();
        let Ok(vp8) = Vp8Packet::parse(payload) else {
            self.lose();
            self.stats.skipped_packets += 1;
            return;
        };
        if self.collecting && packet.timestamp() != self.frame_ts {
            // The previous frame ended without a marker bit, and nothing was lost.
            self.complete(on_frame);
        }
        if vp8.frame_start {
            self.start(packet.timestamp(), vp8);
            if !self.collecting {
                return;
            }
        } else if !self.collecting {
            self.stats.skipped_packets += 1;
            return;
        }
        self.frame
            .extend_from_slice(payload.get(vp8.descriptor_len..).unwrap_or_default());
        if packet.marker() {
            self.complete(on_frame);
        }
    }

    /// The stream ended: a frame still being collected lacks its last packet.
    pub fn finish(&mut self) -> DepacketizerStats {
        if self.collecting {
            self.collecting = false;
            self.stats.dropped_frames += 1;
        }
        self.stats
    }

    /// Checks the sequence number: false for a duplicate or a late packet; a hole drops the
    /// frame being collected.
    fn in_sequence(&mut self, seq: u16) -> bool {
        if let Some(last) = self.last_seq {
            let step = seq.wrapping_sub(last) as i16;
            if step <= 0 {
                return false;
            }
            if step > 1 {
                self.lose();
            }
        }
        self.last_seq = Some(seq);
        true
    }

    /// Packets were lost (or unusable): the frame being collected cannot be whole.
    fn lose(&mut self) {
        self.gap = true;
        if self.collecting {
            self.collecting = false;
            self.stats.dropped_frames += 1;
        }
    }

    fn start(&mut self, timestamp: u32, vp8: Vp8Packet) {
        if self.collecting {
            // A second start with the same timestamp: the first frame is not whole.
            self.stats.dropped_frames += 1;
        }
        if std::mem::take(&mut self.gap) && !vp8.key_frame {
            // After a loss, go on only if the picture ids show no frame was lost with it.
            // Picture ids are 7 or 15 bits; either wrap counts.
            let follows = match (self.last_pid, vp8.picture_id) {
                (Some(p), Some(n)) => n == (p + 1) & 0x7FFF || n == (p + 1) & 0x7F,
                _ => false,
            };
            if !follows {
                self.need_key = true;
            }
        }
        if self.need_key && !vp8.key_frame {
            self.collecting = false;
            self.stats.dropped_frames += 1;
            return;
        }
        self.collecting = true;
        self.frame.clear();
        self.frame_ts = timestamp;
        self.frame_key = vp8.key_frame;
        self.frame_pid = vp8.picture_id;
    }

    fn complete(&mut self, on_frame: &mut impl FnMut(Vp8Frame<'_>)) {
        self.collecting = false;
        let whole = vp8_frame_tag(&self.frame)
            .is_some_and(|(key, _)| key == self.frame_key && (!key || key_frame_size(&self.frame).is_some()));
        if !whole {
            self.stats.dropped_frames += 1;
            self.need_key |= self.frame_key;
            return;
        }
        self.need_key = false;
        self.last_pid = self.frame_pid;
        self.stats.frames += 1;
        self.stats.key_frames += usize::from(self.frame_key);
        on_frame(Vp8Frame {
            timestamp: self.frame_ts,
            key: self.frame_key,
            data: &self.frame,
        });
    }
}

/// The frame tag (RFC 6386 §9.1): key frame, and the first partition's size, if the frame is
/// at least as long as its tag and first partition say.
fn vp8_frame_tag(frame: &[u8]) -> Option<(bool, usize)> {
    let [a, b, c, ..] = *frame else {
        return None;
    };
    let tag = u32::from(a) | (u32::from(b) << 8) | (u32::from(c) << 16);
    let key = tag & 1 == 0;
    let first_partition = (tag >> 5) as usize;
    let header = if key { 10 } else { 3 };
    (frame.len() >= header + first_partition).then_some((key, first_partition))
}

/// Width and height of a key frame (RFC 6386 §9.1: start code, then 14 bits each, LE).
pub fn key_frame_size(frame: &[u8]) -> Option<(u16, u16)> {
    let [_, _, _, 0x9d, 0x01, 0x2a, w0, w1, h0, h1, ..] = *frame else {
        return None;
    };
    let width = u16::from_le_bytes([w0, w1]) & 0x3FFF;
    let height = u16::from_le_bytes([h0, h1]) & 0x3FFF;
    (width > 0 && height > 0).then_some((width, height))
}

/// What the file holds, besides its bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WebmSummary {
    pub depacketizer: DepacketizerStats,
    /// From the first key frame.
    pub width: u16,
    pub height: u16,
    /// Frames that went back in time (dropped), on top of the depacketizer's.
    pub behind: usize,
    /// The file's Duration: from the first frame to the end of the last one.
    pub duration_ms: u64,
}

/// Writes the RTP packets (in arrival order) of one VP8 stream with an RTP clock of
/// `clock_rate` as a WebM file titled `title`; `None` when they hold no whole key frame.
pub fn write_vp8<'a>(
    rtp: impl IntoIterator<Item = &'a [u8]>,
    clock_rate: u32,
    title: &str,
) -> Option<(Vec<u8>, WebmSummary)> {
    let mut depacketizer = Vp8Depacketizer::new();
    let mut clusters = Clusters::new(clock_rate.max(1));
    for packet in rtp {
        depacketizer.push(packet, &mut |frame| clusters.add(frame));
    }
    let stats = depacketizer.finish();
    let (width, height) = clusters.size?;
    let duration_ms = clusters.duration_ms();
    let summary = WebmSummary {
        depacketizer: stats,
        width,
        height,
        behind: clusters.behind,
        duration_ms,
    };
    Some((clusters.into_file(title, duration_ms), summary))
}

/// The Segment's clusters as they are written, and what the rest of the file needs of them.
struct Clusters {
    clock_rate: u64,
    /// The written clusters, back to back.
    out: Vec<u8>,
    /// The cluster being filled: its start (ms) and its blocks.
    cluster: Option<u64>,
    blocks: Vec<u8>,
    /// (time, position in `out` of the cluster it starts) of each key frame.
    cues: Vec<(u64, u64)>,
    first_ts: Option<u32>,
    /// The last frame's RTP timestamp, extended to 64 bits from the first one.
    last_ts: u32,
    last_ext: u64,
    last_interval: u64,
    size: Option<(u16, u16)>,
    behind: usize,
}

impl Clusters {
    fn new(clock_rate: u32) -> Self {
        Self {
            clock_rate: u64::from(clock_rate),
            out: Vec::new(),
            cluster: None,
            blocks: Vec::new(),
            cues: Vec::new(),
            first_ts: None,
            last_ts: 0,
            last_ext: 0,
            last_interval: 0,
            size: None,
            behind: 0,
        }
    }

    fn ms(&self, ext: u64) -> u64 {
        ext * 1000 / self.clock_rate
    }

    fn add(&mut self, frame: Vp8Frame<'_>) {
        if self.first_ts.is_none() {
            // The depacketizer hands out a key frame first.
            self.size = key_frame_size(frame.data);
            self.first_ts = Some(frame.timestamp);
            self.last_ts = frame.timestamp;
        }
        let step = frame.timestamp.wrapping_sub(self.last_ts) as i32;
        if step < 0 {
            self.behind += 1;
            return;
        }
        if step > 0 {
            self.last_interval = u64::from(step as u32);
        }
        self.last_ts = frame.timestamp;
        self.last_ext += u64::from(step as u32);
        let at = self.ms(self.last_ext);
        let start = match self.cluster {
            Some(start) if !frame.key && at - start < MAX_CLUSTER_MS => start,
            _ => {
                self.flush();
                self.cluster = Some(at);
                at
            }
        };
        if frame.key {
            self.cues.push((at, self.out.len() as u64));
        }
        // SimpleBlock: track number (vint), timecode relative to the cluster, flags, frame.
        self.blocks.push(0xA3);
        size_vint(&mut self.blocks, 4 + frame.data.len() as u64);
        self.blocks.push(0x80 | TRACK as u8);
        self.blocks.extend_from_slice(&((at - start) as i16).to_be_bytes());
        self.blocks.push(if frame.key { 0x80 } else { 0 });
        self.blocks.extend_from_slice(frame.data);
    }

    fn flush(&mut self) {
        if let Some(start) = self.cluster.take() {
            let mut body = Vec::with_capacity(self.blocks.len() + 10);
            uint(&mut body, 0xE7, start);
            body.extend_from_slice(&self.blocks);
            element(&mut self.out, CLUSTER, &body);
            self.blocks.clear();
        }
    }

    /// The last frame ends one interval (the one before it) after it starts.
    fn duration_ms(&self) -> u64 {
        self.ms(self.last_ext + self.last_interval)
    }

    fn into_file(mut self, title: &str, duration_ms: u64) -> Vec<u8> {
        self.flush();
        let (width, height) = self.size.unwrap_or_default();
        let mut info = Vec::new();
        uint(&mut info, 0x2A_D7B1, 1_000_000); // TimecodeScale: 1 ms
        float(&mut info, 0x4489, duration_ms as f64);
        string(&mut info, 0x4D80, APP); // MuxingApp
        string(&mut info, 0x5741, APP); // WritingApp
        string(&mut info, 0x7BA9, title);
        let info = wrapped(INFO, &info);
        let tracks = wrapped(TRACKS, &wrapped(0xAE, &video_track(width, height)));
        let mut cues = Vec::new();
        // SeekHead, Info and Tracks come before the clusters; the SeekHead's size does not
        // depend on the positions (8-byte SeekPositions), so it is built once with them.
        let seek_len = seek_head(&[(INFO, 0), (TRACKS, 0), (CUES, 0)]).len() as u64;
        let clusters_at = seek_len + info.len() as u64 + tracks.len() as u64;
        for (time, position) in &self.cues {
            let mut track = Vec::new();
            uint(&mut track, 0xF7, TRACK);
            uint(&mut track, 0xF1, clusters_at + position);
            let mut point = Vec::new();
            uint(&mut point, 0xB3, *time);
            element(&mut point, 0xB7, &track);
            element(&mut cues, 0xBB, &point);
        }
        let cues = wrapped(CUES, &cues);
        let seek = seek_head(&[
            (INFO, seek_len),
            (TRACKS, seek_len + info.len() as u64),
            (CUES, clusters_at + self.out.len() as u64),
        ]);
        let mut segment = seek;
        segment.extend_from_slice(&info);
        segment.extend_from_slice(&tracks);
        segment.extend_from_slice(&self.out);
        segment.extend_from_slice(&cues);
        let mut file = ebml_header();
        element(&mut file, SEGMENT, &segment);
        file
    }
}

fn video_track(width: u16, height: u16) -> Vec<u8> {
    let mut t = Vec::new();
    uint(&mut t, 0xD7, TRACK); // TrackNumber
    uint(&mut t, 0x73C5, TRACK); // TrackUID
    uint(&mut t, 0x83, 1); // TrackType: video
    uint(&mut t, 0x9C, 0); // FlagLacing
    string(&mut t, 0x86, "V_VP8");
    let mut video = Vec::new();
    uint(&mut video, 0xB0, u64::from(width));
    uint(&mut video, 0xBA, u64::from(height));
    element(&mut t, 0xE0, &video);
    t
}

fn ebml_header() -> Vec<u8> {
    let mut h = Vec::new();
    uint(&mut h, 0x4286, 1); // EBMLVersion
    uint(&mut h, 0x42F7, 1); // EBMLReadVersion
    uint(&mut h, 0x42F2, 4); // EBMLMaxIDLength
    uint(&mut h, 0x42F3, 8); // EBMLMaxSizeLength
    string(&mut h, 0x4282, "webm"); // DocType
    uint(&mut h, 0x4287, 4); // DocTypeVersion
    uint(&mut h, 0x4285, 2); // DocTypeReadVersion
    wrapped(EBML, &h)
}

fn seek_head(entries: &[(u32, u64)]) -> Vec<u8> {
    let mut body = Vec::new();
    for &(id, position) in entries {
        let mut seek = Vec::new();
        element(&mut seek, SEEK_ID, &id_bytes(id));
        element(&mut seek, SEEK_POSITION, &position.to_be_bytes());
        element(&mut body, SEEK, &seek);
    }
    wrapped(SEEK_HEAD, &body)
}

/// An element ID as written: its bytes without leading zero bytes (IDs carry their own length).
fn id_bytes(id: u32) -> Vec<u8> {
    let bytes = id.to_be_bytes();
    let skip = bytes.iter().take_while(|&&b| b == 0).count().min(3);
    bytes[skip..].to_vec()
}

/// An element's data size as an EBML variable-size integer, as short as it can be (the
/// all-ones value of each length means "unknown", so it is avoided).
fn size_vint(out: &mut Vec<u8>, size: u64) {
    let len = (1..=8u32).find(|&n| size < (1u64 << (7 * n)) - 1).unwrap_or(8);
    let marked = size | (1u64 << (7 * len));
    out.extend_from_slice(&marked.to_be_bytes()[8 - len as usize..]);
}

fn element(out: &mut Vec<u8>, id: u32, body: &[u8]) {
    out.extend_from_slice(&id_bytes(id));
    size_vint(out, body.len() as u64);
    out.extend_from_slice(body);
}

fn wrapped(id: u32, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 12);
    element(&mut out, id, body);
    out
}

fn uint(out: &mut Vec<u8>, id: u32, value: u64) {
    let bytes = value.to_be_bytes();
    let skip = bytes.iter().take_while(|&&b| b == 0).count().min(7);
    element(out, id, &bytes[skip..]);
}

fn float(out: &mut Vec<u8>, id: u32, value: f64) {
    element(out, id, &value.to_be_bytes());
}

fn string(out: &mut Vec<u8>, id: u32, value: &str) {
    element(out, id, value.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key frame of 320x180 whose first partition is 4 bytes, then `extra` bytes.
    fn key_frame(extra: usize) -> Vec<u8> {
        // Frame tag: first partition size 4 (bits 5..), shown (bit 4), key (P = 0).
        let mut f = vec![0x90, 0, 0, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xb4, 0x00];
        f.resize(10 + 4 + extra, 0xAB);
        f
    }

    fn delta_frame(extra: usize) -> Vec<u8> {
        // First partition size 2, shown, inter frame (P = 1).
        let mut f = vec![0x51, 0, 0];
        f.resize(3 + 2 + extra, 0xCD);
        f
    }

    fn rtp(seq: u16, ts: u32, marker: bool, payload: &[u8]) -> Vec<u8> {
        let mut p = vec![0x80, if marker { 0x80 | 96 } else { 96 }];
        p.extend_from_slice(&seq.to_be_bytes());
        p.extend_from_slice(&ts.to_be_bytes());
        p.extend_from_slice(&0x5678u32.to_be_bytes());
        p.extend_from_slice(payload);
        p
    }

    /// A frame cut into `parts` packets, each with a minimal descriptor (S on the first).
    fn packetize(seq: u16, ts: u32, frame: &[u8], parts: usize) -> Vec<Vec<u8>> {
        let chunk = frame.len().div_ceil(parts);
        frame
            .chunks(chunk)
            .enumerate()
            .map(|(i, piece)| {
                let mut payload = vec![if i == 0 { 0x10 } else { 0x00 }];
                payload.extend_from_slice(piece);
                rtp(seq + i as u16, ts, i + 1 == parts, &payload)
            })
            .collect()
    }

    fn frames_of(packets: &[Vec<u8>]) -> (Vec<(u32, bool, Vec<u8>)>, DepacketizerStats) {
        let mut d = Vp8Depacketizer::new();
        let mut out = Vec::new();
        for p in packets {
            d.push(p, &mut |f| out.push((f.timestamp, f.key, f.data.to_vec())));
        }
        (out, d.finish())
    }

    #[test]
    fn fragmented_frames_are_put_back_together() {
        let key = key_frame(3000);
        let delta = delta_frame(500);
        let mut packets = packetize(100, 9000, &key, 3);
        packets.extend(packetize(103, 15000, &delta, 2));
        packets.extend(packetize(105, 21000, &delta, 1));
        let (frames, stats) = frames_of(&packets);
        assert_eq!(frames.len(), 3);
        assert_eq!(frames[0], (9000, true, key));
        assert_eq!(frames[1], (15000, false, delta.clone()));
        assert_eq!(frames[2], (21000, false, delta));
        assert_eq!(stats.key_frames, 1);
        assert_eq!((stats.dropped_frames, stats.skipped_packets), (0, 0));
    }

    #[test]
    fn extended_descriptors_are_skipped_and_a_missing_marker_ends_at_the_next_timestamp() {
        let key = key_frame(10);
        // X, I with a 15-bit picture id, L, T and K: 6 bytes of descriptor.
        let mut first = vec![0x90, 0xF0, 0x81, 0x23, 0x07, 0x40];
        first.extend_from_slice(&key[..12]);
        let mut rest = vec![0x80, 0xF0, 0x81, 0x23, 0x07, 0x40];
        rest.extend_from_slice(&key[12..]);
        // 7-bit picture id, no marker on the delta frame: it ends when the timestamp moves on.
        let delta = delta_frame(4);
        let mut next = vec![0x90, 0x80, 0x24];
        next.extend_from_slice(&delta);
        let mut last = vec![0x90, 0x80, 0x25];
        last.extend_from_slice(&delta);
        let packets = [
            rtp(7, 1, false, &first),
            rtp(8, 1, true, &rest),
            rtp(9, 3001, false, &next),
            rtp(10, 6001, true, &last),
        ];
        let (frames, stats) = frames_of(&packets);
        assert_eq!(
            frames.iter().map(|f| f.2.clone()).collect::<Vec<_>>(),
            [key, delta.clone(), delta]
        );
        assert_eq!(stats.frames, 3);
    }

    #[test]
    fn a_gap_drops_the_broken_frame_and_what_depends_on_it_until_a_key_frame() {
        let key = key_frame(100);
        let delta = delta_frame(10);
        let mut packets = packetize(0, 0, &delta, 1); // before any key frame: dropped
        packets.extend(packetize(1, 3000, &key, 2));
        let mut broken = packetize(3, 6000, &delta, 3);
        broken.remove(1); // the middle packet is lost
        packets.extend(broken);
        packets.extend(packetize(6, 9000, &delta, 1)); // refers to the broken frame
        packets.extend(packetize(7, 12000, &key, 2));
        packets.extend(packetize(9, 15000, &delta, 1));
        packets.push(packets[packets.len() - 1].clone()); // a duplicate
        packets.extend(packetize(10, 18000, &delta, 2)[..1].to_vec()); // cut off at the end
        let (frames, stats) = frames_of(&packets);
        let kept: Vec<(u32, bool)> = frames.iter().map(|f| (f.0, f.1)).collect();
        assert_eq!(kept, [(3000, true), (12000, true), (15000, false)]);
        assert_eq!(stats.dropped_frames, 4, "{stats:?}");
        assert_eq!(
            stats.skipped_packets, 2,
            "the broken frame's last packet, the duplicate"
        );
    }

    #[test]
    fn a_gap_between_frames_with_consecutive_picture_ids_loses_nothing() {
        let frame = |seq: u16, ts: u32, pid: u8, data: &[u8]| {
            let mut payload = vec![0x90, 0x80, pid];
            payload.extend_from_slice(data);
            rtp(seq, ts, true, &payload)
        };
        let (key, delta) = (key_frame(5), delta_frame(5));
        // Sequence 2 is missing but picture ids 1, 2, 3 follow on: it held no frame.
        let packets = [frame(0, 0, 1, &key), frame(1, 10, 2, &delta), frame(3, 20, 3, &delta)];
        let (frames, stats) = frames_of(&packets);
        assert_eq!(frames.len(), 3, "{stats:?}");
        // The same with picture id 4: frame 3 was lost, so the next key frame is waited for.
        let packets = [frame(0, 0, 1, &key), frame(1, 10, 2, &delta), frame(3, 20, 4, &delta)];
        assert_eq!(frames_of(&packets).0.len(), 2);
    }

    #[test]
    fn garbage_never_panics_and_bad_key_frames_are_dropped() {
        let mut bad_key = key_frame(5);
        bad_key[3] = 0; // no start code
        let mut short = key_frame(0);
        short.truncate(11); // shorter than its first partition says
        for frame in [bad_key, short] {
            let (frames, stats) = frames_of(&packetize(0, 0, &frame, 1));
            assert!(frames.is_empty());
            assert_eq!(stats.dropped_frames, 1);
        }
        let mut d = Vp8Depacketizer::new();
        for len in 0..40 {
            let p: Vec<u8> = (0..len).map(|i| (i * 37 + len) as u8).collect();
            d.push(&p, &mut |_| {});
            d.push(&rtp(len as u16, 0, true, &p), &mut |_| {});
        }
        assert!(
            write_vp8([&[0x80u8, 96][..]], 90_000, "t").is_none(),
            "no key frame, no file"
        );
    }

    #[test]
    fn key_frame_sizes_come_from_the_frame_header() {
        assert_eq!(key_frame_size(&key_frame(0)), Some((320, 180)));
        // The top two bits are the scaling mode.
        let mut scaled = key_frame(0);
        scaled[7] |= 0xC0;
        assert_eq!(key_frame_size(&scaled), Some((320, 180)));
        assert_eq!(key_frame_size(&delta_frame(20)), None);
        assert_eq!(key_frame_size(&[0x10, 0, 0, 0x9d, 0x01, 0x2a, 0x40]), None);
    }

    #[test]
    fn ebml_sizes_and_ids_are_encoded_as_matroska_says() {
        let mut out = Vec::new();
        size_vint(&mut out, 0);
        size_vint(&mut out, 126);
        size_vint(&mut out, 127); // 0x7F is reserved (unknown) on one byte
        size_vint(&mut out, 300);
        assert_eq!(out, [0x80, 0xFE, 0x40, 0x7F, 0x41, 0x2C]);
        assert_eq!(id_bytes(EBML), [0x1A, 0x45, 0xDF, 0xA3]);
        assert_eq!(id_bytes(0xA3), [0xA3]);
        let mut out = Vec::new();
        uint(&mut out, 0x2A_D7B1, 1_000_000);
        assert_eq!(out, [0x2A, 0xD7, 0xB1, 0x83, 0x0F, 0x42, 0x40]);
        let mut out = Vec::new();
        uint(&mut out, 0xD7, 0);
        assert_eq!(out, [0xD7, 0x81, 0x00], "zero takes one byte");
    }

    /// The top-level walk of a file: (id, body) of each element in `bytes`.
    fn children(mut bytes: &[u8]) -> Vec<(u32, &[u8])> {
        let mut out = Vec::new();
        while !bytes.is_empty() {
            let id_len = bytes[0].leading_zeros() as usize + 1;
            let id = bytes[..id_len].iter().fold(0u32, |a, &b| (a << 8) | u32::from(b));
            let size_len = bytes[id_len].leading_zeros() as usize + 1;
            let raw = bytes[id_len..id_len + size_len]
                .iter()
                .fold(0u64, |a, &b| (a << 8) | u64::from(b));
            let size = (raw & !(1u64 << (7 * size_len))) as usize;
            let start = id_len + size_len;
            out.push((id, &bytes[start..start + size]));
            bytes = &bytes[start + size..];
        }
        out
    }

    fn find<'a>(elements: &[(u32, &'a [u8])], id: u32) -> &'a [u8] {
        elements.iter().find(|e| e.0 == id).map(|e| e.1).unwrap()
    }

    #[test]
    fn the_file_has_header_info_tracks_clusters_and_cues() {
        let key = key_frame(50);
        let delta = delta_frame(20);
        // 15 fps: 6000 ticks per frame; key frames at frames 0 and 30 (2 s); 45 frames (3 s).
        let mut packets = Vec::new();
        let mut seq = 0u16;
        for i in 0..45u32 {
            let frame = if i % 30 == 0 { &key } else { &delta };
            let p = packetize(seq, 1_000_000 + i * 6000, frame, 2);
            seq += p.len() as u16;
            packets.extend(p);
        }
        let (file, summary) = write_vp8(packets.iter().map(Vec::as_slice), 90_000, "u1").unwrap();
        assert_eq!((summary.width, summary.height), (320, 180));
        assert_eq!(summary.depacketizer.frames, 45);
        assert_eq!(summary.duration_ms, 3000, "45 frames of 66.7 ms");
        let top = children(&file);
        assert_eq!(top.iter().map(|e| e.0).collect::<Vec<_>>(), [EBML, SEGMENT]);
        assert_eq!(find(&children(top[0].1), 0x4282), b"webm");
        let segment = children(top[1].1);
        let ids: Vec<u32> = segment.iter().map(|e| e.0).collect();
        assert_eq!(ids, [SEEK_HEAD, INFO, TRACKS, CLUSTER, CLUSTER, CUES]);
        let info = children(find(&segment, INFO));
        assert_eq!(find(&info, 0x2A_D7B1), [0x0F, 0x42, 0x40]);
        assert_eq!(f64::from_be_bytes(find(&info, 0x4489).try_into().unwrap()), 3000.0);
        let track = children(find(&children(find(&segment, TRACKS)), 0xAE));
        assert_eq!(find(&track, 0x86), b"V_VP8");
        let video = children(find(&track, 0xE0));
        assert_eq!(
            (find(&video, 0xB0), find(&video, 0xBA)),
            (&[0x01, 0x40][..], &[0xB4][..])
        );
        // Clusters: at 0 and 2000 ms, blocks relative to them, key flags on the key frames.
        let mut blocks = Vec::new();
        for cluster in segment.iter().filter(|e| e.0 == CLUSTER) {
            let c = children(cluster.1);
            let start = find(&c, 0xE7).iter().fold(0u64, |a, &b| (a << 8) | u64::from(b));
            for (_, b) in c.iter().filter(|e| e.0 == 0xA3) {
                assert_eq!(b[0], 0x81);
                let rel = i16::from_be_bytes([b[1], b[2]]) as u64;
                blocks.push((start + rel, b[3] == 0x80, b.len() - 4));
            }
        }
        assert_eq!(blocks.len(), 45);
        assert_eq!(blocks[0], (0, true, key.len()));
        assert_eq!(blocks[1], (66, false, delta.len()));
        assert_eq!(blocks[30], (2000, true, key.len()));
        // Cues point at the clusters, counted from the Segment's body.
        let cues = children(find(&segment, CUES));
        assert_eq!(cues.len(), 2);
        let positions: Vec<usize> = segment
            .iter()
            .scan(0, |at, e| {
                let here = *at;
                *at += e.1.len() + id_bytes(e.0).len() + {
                    let mut v = Vec::new();
                    size_vint(&mut v, e.1.len() as u64);
                    v.len()
                };
                Some((e.0, here))
            })
            .filter(|e| e.0 == CLUSTER)
            .map(|e| e.1)
            .collect();
        for (cue, position) in cues.iter().zip(positions) {
            let point = children(cue.1);
            let track = children(find(&point, 0xB7));
            let at = find(&track, 0xF1)
                .iter()
                .fold(0usize, |a, &b| (a << 8) | usize::from(b));
            assert_eq!(at, position);
        }
    }
}
