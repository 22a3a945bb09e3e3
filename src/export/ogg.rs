//! An Ogg Opus file (RFC 7845) from the RTP packets of one utterance, without re-encoding: the
//! Opus payloads go into Ogg pages as they are.
//!
//! Granule positions count 48 kHz samples from the packets' own durations (their TOC bytes). A
//! hole in the RTP timestamps (lost packets, DTX) is filled with 20 ms Opus silence frames, so
//! the file lasts as long as the utterance did and its audio stays where it was spoken. A
//! packet behind the timeline (a duplicate or a late one) is dropped. The stream starts with
//! one 20 ms silence frame that the pre-skip (960) discards: decoders expect a pre-skip, and
//! this one costs none of the speaker's audio, so the file plays exactly the packets' time.

use crate::rtp::RtpPacket;

/// One 20 ms CELT fullband frame that decodes to silence (mono TOC; stereo sets bit 2).
const SILENCE_20MS: [u8; 3] = [0xF8, 0xFF, 0xFE];
const SAMPLES_20MS: u32 = 960;
/// The leading silence frame, skipped by the decoder.
const PRE_SKIP: u16 = 960;
/// Ogg pages hold up to 255 segments; a page is closed after this many packets (about 1 s).
const PACKETS_PER_PAGE: usize = 50;
/// Opus packets are at most 1275 bytes per frame, 120 ms in all: anything larger is not Opus.
const MAX_OPUS_PACKET: usize = 1275 * 3;
const VENDOR: &str = concat!("sfu ", env!("CARGO_PKG_VERSION"));

/// What was written, besides the bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OggSummary {
    /// Opus packets copied from the RTP packets.
    pub packets: usize,
    /// Silence frames put in the holes.
    pub filled: usize,
    /// RTP packets left out: not RTP, empty or oversized payload, bad TOC, behind the timeline.
    pub skipped: usize,
    /// 48 kHz samples the file plays (its last granule position minus the pre-skip).
    pub samples: u64,
}

impl OggSummary {
    pub fn duration_ms(&self) -> u64 {
        self.samples / 48
    }
}

/// Samples (at 48 kHz) in an Opus packet, from its TOC byte (RFC 6716 §3.1); `None` if the
/// packet is malformed.
pub fn opus_samples(packet: &[u8]) -> Option<u32> {
    let toc = *packet.first()?;
    let config = toc >> 3;
    // Frame size in units of 2.5 ms (120 samples).
    let units: u32 = match config {
        0..=11 => [4, 8, 16, 24][usize::from(config % 4)],
        12..=15 => [4, 8][usize::from(config % 2)],
        _ => [1, 2, 4, 8][usize::from(config % 4)],
    };
    let frames: u32 = match toc & 3 {
        0 => 1,
        1 | 2 => 2,
        _ => u32::from(*packet.get(1)? & 0x3F),
    };
    let samples = frames * units * 120;
    // At most 120 ms per packet.
    (frames > 0 && samples <= 5760).then_some(samples)
}

/// Builds the file page by page.
struct OggWriter {
    out: Vec<u8>,
    serial: u32,
    sequence: u32,
    /// Packets of the page being filled, and its lacing values.
    body: Vec<u8>,
    lacing: Vec<u8>,
    packets_on_page: usize,
}

impl OggWriter {
    fn new(serial: u32) -> Self {
        Self {
            out: Vec::new(),
            serial,
            sequence: 0,
            body: Vec::new(),
            lacing: Vec::new(),
            packets_on_page: 0,
        }
    }

    /// Adds a packet to the current page; the page is flushed first if the packet's lacing
    /// would not fit.
    fn packet(&mut self, packet: &[u8], granule: u64) {
        let segments = packet.len() / 255 + 1;
        if self.lacing.len() + segments > 255 || self.packets_on_page == PACKETS_PER_PAGE {
            self.flush(granule_before(granule, packet), 0);
        }
        self.body.extend_from_slice(packet);
        self.lacing.extend(std::iter::repeat_n(255, packet.len() / 255));
        self.lacing.push((packet.len() % 255) as u8);
        self.packets_on_page += 1;
    }

    /// Writes the current page with `granule` (the samples at the end of its last packet).
    fn flush(&mut self, granule: u64, flags: u8) {
        let start = self.out.len();
        self.out.extend_from_slice(b"OggS");
        self.out.push(0);
        self.out.push(flags);
        self.out.extend_from_slice(&granule.to_le_bytes());
        self.out.extend_from_slice(&self.serial.to_le_bytes());
        self.out.extend_from_slice(&self.sequence.to_le_bytes());
        self.out.extend_from_slice(&[0; 4]);
        self.out.push(self.lacing.len() as u8);
        self.out.extend_from_slice(&self.lacing);
        self.out.extend_from_slice(&self.body);
        let crc = crc32(&self.out[start..]);
        self.out[start + 22..start + 26].copy_from_slice(&crc.to_le_bytes());
        self.sequence += 1;
        self.body.clear();
        self.lacing.clear();
        self.packets_on_page = 0;
    }
}

/// The granule of the page that ends before `packet`: the granule after it minus its samples.
fn granule_before(granule_after: u64, packet: &[u8]) -> u64 {
    granule_after.saturating_sub(u64::from(opus_samples(packet).unwrap_or(0)))
}

/// The Ogg CRC-32: polynomial 0x04C11DB7, no reflection, initial value 0, no final XOR.
pub fn crc32(data: &[u8]) -> u32 {
    data.iter().fold(0u32, |mut crc, &byte| {
        crc ^= u32::from(byte) << 24;
        for _ in 0..8 {
            crc = if crc & 0x8000_0000 != 0 {
                (crc << 1) ^ 0x04C1_1DB7
            } else {
                crc << 1
            };
        }
        crc
    })
}

fn opus_head(channels: u8) -> Vec<u8> {
    let mut head = b"OpusHead".to_vec();
    head.push(1); // version
    head.push(channels);
    head.extend_from_slice(&PRE_SKIP.to_le_bytes());
    head.extend_from_slice(&48_000u32.to_le_bytes()); // input sample rate (informational)
    head.extend_from_slice(&0i16.to_le_bytes()); // output gain
    head.push(0); // channel mapping family: mono or stereo
    head
}

fn opus_tags(comments: &[String]) -> Vec<u8> {
    let mut tags = b"OpusTags".to_vec();
    tags.extend_from_slice(&(VENDOR.len() as u32).to_le_bytes());
    tags.extend_from_slice(VENDOR.as_bytes());
    tags.extend_from_slice(&(comments.len() as u32).to_le_bytes());
    for c in comments {
        tags.extend_from_slice(&(c.len() as u32).to_le_bytes());
        tags.extend_from_slice(c.as_bytes());
    }
    tags
}

/// The Opus payload of an RTP packet worth writing, with its timestamp and duration.
fn opus_of(rtp: &[u8]) -> Option<(u32, &[u8], u32)> {
    let p = RtpPacket::parse(rtp).ok()?;
    let payload = p.payload();
    if payload.len() > MAX_OPUS_PACKET {
        return None;
    }
    Some((p.timestamp(), payload, opus_samples(payload)?))
}

/// Writes the RTP packets (in arrival order) of one Opus stream as an Ogg Opus file with
/// `comments` (`KEY=value`) in its tags; `serial` names the logical stream.
pub fn write_opus<'a>(
    rtp: impl IntoIterator<Item = &'a [u8]> + Clone,
    comments: &[String],
    serial: u32,
) -> (Vec<u8>, OggSummary) {
    let stereo = rtp
        .clone()
        .into_iter()
        .filter_map(opus_of)
        .any(|(_, payload, _)| payload[0] & 0x04 != 0);
    let silence = if stereo {
        [SILENCE_20MS[0] | 0x04, SILENCE_20MS[1], SILENCE_20MS[2]]
    } else {
        SILENCE_20MS
    };
    let mut w = OggWriter::new(serial);
    w.packet(&opus_head(if stereo { 2 } else { 1 }), 0);
    w.flush(0, 0x02);
    w.packet(&opus_tags(comments), 0);
    w.flush(0, 0);
    let mut summary = OggSummary::default();
    let skip = u64::from(PRE_SKIP);
    w.packet(&silence, skip);
    let mut next_ts: Option<u32> = None;
    for packet in rtp {
        let Some((ts, payload, samples)) = opus_of(packet) else {
            summary.skipped += 1;
            continue;
        };
        if let Some(expected) = next_ts {
            let gap = ts.wrapping_sub(expected) as i32;
            if gap < 0 {
                summary.skipped += 1;
                continue;
            }
            for _ in 0..gap as u32 / SAMPLES_20MS {
                summary.samples += u64::from(SAMPLES_20MS);
                summary.filled += 1;
                w.packet(&silence, skip + summary.samples);
            }
        }
        summary.samples += u64::from(samples);
        summary.packets += 1;
        w.packet(payload, skip + summary.samples);
        next_ts = Some(ts.wrapping_add(samples));
    }
    w.flush(skip + summary.samples, 0x04);
    (w.out, summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rtp(seq: u16, ts: u32, payload: &[u8]) -> Vec<u8> {
        let mut p = vec![0x80, 111];
        p.extend_from_slice(&seq.to_be_bytes());
        p.extend_from_slice(&ts.to_be_bytes());
        p.extend_from_slice(&0x1234u32.to_be_bytes());
        p.extend_from_slice(payload);
        p
    }

    /// Each page of `file`: (flags, granule, sequence, packets' lengths), checking CRCs.
    fn pages(file: &[u8]) -> Vec<(u8, u64, u32, Vec<usize>)> {
        let mut pages = Vec::new();
        let mut at = 0;
        while at < file.len() {
            assert_eq!(&file[at..at + 4], b"OggS");
            let n = usize::from(file[at + 26]);
            let lacing = &file[at + 27..at + 27 + n];
            let len = 27 + n + lacing.iter().map(|&l| usize::from(l)).sum::<usize>();
            let mut page = file[at..at + len].to_vec();
            let crc = u32::from_le_bytes(page[22..26].try_into().unwrap());
            page[22..26].copy_from_slice(&[0; 4]);
            assert_eq!(crc32(&page), crc, "page CRC");
            let mut packets = Vec::new();
            let mut current = 0;
            for &l in lacing {
                current += usize::from(l);
                if l < 255 {
                    packets.push(current);
                    current = 0;
                }
            }
            let granule = u64::from_le_bytes(file[at + 6..at + 14].try_into().unwrap());
            let seq = u32::from_le_bytes(file[at + 18..at + 22].try_into().unwrap());
            pages.push((file[at + 5], granule, seq, packets));
            at += len;
        }
        pages
    }

    #[test]
    fn the_ogg_crc_is_the_one_libogg_computes() {
        // The CRC-32/MPEG-2 check value differs (it starts from all ones); Ogg starts from 0.
        assert_eq!(crc32(b"123456789"), 0x89A1_897F);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn toc_bytes_give_packet_durations() {
        assert_eq!(opus_samples(&[9 << 3, 0]), Some(960), "SILK WB 20 ms");
        assert_eq!(opus_samples(&[31 << 3]), Some(960), "CELT FB 20 ms");
        assert_eq!(opus_samples(&[28 << 3]), Some(120), "CELT 2.5 ms");
        assert_eq!(opus_samples(&[(3 << 3) | 1]), Some(5760), "two 60 ms frames");
        assert_eq!(
            opus_samples(&[(31 << 3) | 3, 6]),
            Some(5760),
            "code 3, six 20 ms frames"
        );
        assert_eq!(opus_samples(&[(31 << 3) | 3, 7]), None, "140 ms is too long");
        assert_eq!(opus_samples(&[(31 << 3) | 3]), None, "code 3 without its count");
        assert_eq!(opus_samples(&[]), None);
    }

    #[test]
    fn headers_then_audio_pages_with_granules_from_the_packets() {
        let packets: Vec<Vec<u8>> = (0..120u16)
            .map(|i| rtp(i, 5000 + u32::from(i) * 960, &[9 << 3, i as u8, 7]))
            .collect();
        let (file, summary) = write_opus(packets.iter().map(Vec::as_slice), &["ROOM=r".into()], 7);
        assert_eq!(summary.packets, 120);
        assert_eq!((summary.filled, summary.skipped), (0, 0));
        assert_eq!(summary.samples, 120 * 960);
        assert_eq!(summary.duration_ms(), 2400);
        let pages = pages(&file);
        assert_eq!(pages[0].0, 0x02, "BOS");
        assert_eq!(pages[0].3, [19], "OpusHead alone");
        assert_eq!(&file[28..36], b"OpusHead");
        assert_eq!(pages[1].1, 0, "OpusTags page has granule 0");
        assert_eq!(u16::from_le_bytes([file[38], file[39]]), 960, "pre-skip");
        let audio = &pages[2..];
        assert_eq!(
            audio.iter().map(|p| p.3.len()).sum::<usize>(),
            121,
            "the skipped frame, then 120"
        );
        assert_eq!(audio.last().unwrap().0, 0x04, "EOS");
        let mut samples = 0;
        for (i, (_, granule, seq, lens)) in audio.iter().enumerate() {
            samples += 960 * lens.len() as u64;
            assert_eq!(*granule, samples, "a page's granule is the samples at its end");
            assert_eq!(*seq as usize, i + 2);
        }
        assert_eq!(samples - 960, 120 * 960, "the pre-skip takes the leading frame");
        assert!(audio[0].3[1..]
            .iter()
            .chain(audio[1..].iter().flat_map(|p| &p.3))
            .all(|&l| l == 3));
    }

    #[test]
    fn holes_are_filled_with_silence_and_late_packets_dropped() {
        let p = |seq: u16, ts: u32| rtp(seq, ts, &[9 << 3, 1]);
        // 0, 1, (2 and 3 lost), 4, then a late copy of 1, then 5 after 60 ms of DTX.
        let packets = [
            p(0, 0),
            p(1, 960),
            p(4, 4 * 960),
            p(1, 960),
            p(5, 8 * 960),
            vec![0x80, 0],
        ];
        let (file, summary) = write_opus(packets.iter().map(Vec::as_slice), &[], 1);
        assert_eq!(summary.packets, 4);
        assert_eq!(summary.filled, 2 + 3);
        assert_eq!(summary.skipped, 2, "the late copy and the runt");
        assert_eq!(summary.samples, 9 * 960, "as long as the RTP timeline");
        let pages = pages(&file);
        assert_eq!(pages.last().unwrap().1, 960 + 9 * 960);
        assert_eq!(pages[2].3, [3, 2, 2, 3, 3, 2, 3, 3, 3, 2]);
        assert_eq!(&file[28 + 9], &1, "mono");
    }

    #[test]
    fn a_long_packet_is_laced_in_255_byte_segments() {
        let mut payload = vec![31 << 3];
        payload.resize(510, 9);
        let (file, _) = write_opus([rtp(0, 0, &payload).as_slice()], &[], 1);
        let pages = pages(&file);
        assert_eq!(pages[2].3, [3, 510], "255 + 255 + a 0 lacing value");
    }
}
