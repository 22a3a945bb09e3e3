//! Synthetic media that an SFU treats as real: Opus-shaped audio in talk spurts and silences with
//! RFC 6464 levels, and VP8 video with real payload descriptors and real (tiny, constant) frames
//! that a decoder plays: a flat 320x180 picture.
//!
//! Pure state machines: the caller passes the send time and a buffer, gets RTP header fields and
//! a payload back. Nothing here allocates per packet, reads a clock or does I/O, so tests replay
//! hours of media in milliseconds and a seed reproduces the exact same talk pattern.
//!
//! Every payload carries a [`MediaStamp`] (magic, stream id, packet counter, send time) so a
//! receiver on the same machine measures one-way latency, loss, duplicates and reordering
//! without trusting RTP sequence numbers (which the SFU may rewrite).

use std::time::Duration;

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

/// Opus RTP clock (RFC 7587: always 48 kHz whatever the audio bandwidth).
pub const AUDIO_CLOCK_RATE: u32 = 48_000;
/// One packet per 20 ms, as browsers send.
pub const AUDIO_PTIME: Duration = Duration::from_millis(20);
/// RTP timestamp advance per audio packet: 20 ms at 48 kHz.
pub const AUDIO_TICKS_PER_PACKET: u32 = 960;
/// Video RTP clock (RFC 7741).
pub const VIDEO_CLOCK_RATE: u32 = 90_000;
/// The synthetic camera's picture (its key frame's size).
pub const VIDEO_WIDTH: u16 = 320;
pub const VIDEO_HEIGHT: u16 = 180;

/// Identifies a synthetic payload ("SFUs").
pub const STAMP_MAGIC: u32 = 0x5346_5573;
/// Bytes of [`MediaStamp`] on the wire.
pub const STAMP_LEN: usize = 24;

/// A payload buffer large enough for any packet produced here (below a 1200-byte MTU budget).
pub const MAX_PAYLOAD: usize = 1100;

/// Opus TOC byte: config 9 (SILK wideband, 20 ms), mono, one frame (RFC 6716 §3.1).
const OPUS_TOC: u8 = 9 << 3;
/// Voiced Opus at ~32 kbit/s is ~80 bytes per 20 ms; near-silence (no DTX) ~ a few dozen.
const VOICED_PAYLOAD: usize = 80;
const SILENT_PAYLOAD: usize = 1 + STAMP_LEN + 3;

/// What every synthetic payload carries after its codec header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaStamp {
    /// Which synthetic stream sent it (unique within a run).
    pub stream_id: u32,
    /// Packet counter of that stream, from 0, never wrapping in practice.
    pub counter: u64,
    /// Send time, microseconds since the Unix epoch (one clock for every process on the machine).
    pub send_time_us: u64,
}

impl MediaStamp {
    /// Writes the stamp into the first [`STAMP_LEN`] bytes of `out`.
    pub fn write(&self, out: &mut [u8]) {
        out[0..4].copy_from_slice(&STAMP_MAGIC.to_be_bytes());
        out[4..8].copy_from_slice(&self.stream_id.to_be_bytes());
        out[8..16].copy_from_slice(&self.counter.to_be_bytes());
        out[16..24].copy_from_slice(&self.send_time_us.to_be_bytes());
    }

    /// Reads a stamp; `None` when the bytes are too short or not ours.
    pub fn read(bytes: &[u8]) -> Option<MediaStamp> {
        let b = bytes.get(..STAMP_LEN)?;
        let word = |r: std::ops::Range<usize>| b[r].iter().fold(0u64, |acc, &x| (acc << 8) | u64::from(x));
        if word(0..4) as u32 != STAMP_MAGIC {
            return None;
        }
        Some(MediaStamp {
            stream_id: word(4..8) as u32,
            counter: word(8..16),
            send_time_us: word(16..24),
        })
    }

    /// The stamp in an audio payload (after the Opus TOC byte).
    pub fn from_audio_payload(payload: &[u8]) -> Option<MediaStamp> {
        MediaStamp::read(payload.get(1..)?)
    }

    /// The stamp in a VP8 payload (after the payload descriptor and, on a frame's first packet,
    /// the VP8 payload header).
    pub fn from_vp8_payload(payload: &[u8]) -> Option<(MediaStamp, Vp8Info)> {
        let info = Vp8Info::parse(payload)?;
        Some((MediaStamp::read(payload.get(info.stamp_offset..)?)?, info))
    }
}

/// Talk spurt / silence pattern of a synthetic speaker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpeechPattern {
    /// Mean length of a talk spurt.
    pub talk: Duration,
    /// Mean length of a silence.
    pub silence: Duration,
    /// Each spurt and silence is its mean times a factor drawn uniformly in `1 ± variation`
    /// (0 gives an exact on/off pattern; clamped to 0..=0.9).
    pub variation: f64,
}

impl Default for SpeechPattern {
    fn default() -> Self {
        SpeechPattern {
            talk: Duration::from_secs(2),
            silence: Duration::from_secs(1),
            variation: 0.3,
        }
    }
}

/// Header fields and payload length of one generated packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AudioPacket {
    pub seq: u16,
    /// `seq` extended with a rollover count (RFC 3711 §3.3.1), as str0m takes it.
    pub ext_seq: u64,
    pub timestamp: u32,
    /// First packet of a talk spurt (RFC 3551 §4.1).
    pub marker: bool,
    /// RFC 6464 level: -dBov, 0 (loudest) ..= 127 (silence).
    pub level: u8,
    pub voiced: bool,
    /// Bytes of payload written into the caller's buffer.
    pub len: usize,
    pub counter: u64,
}

/// One synthetic speaker: call [`AudioSource::next_packet`] every 20 ms.
#[derive(Debug, Clone)]
pub struct AudioSource {
    stream_id: u32,
    pattern: SpeechPattern,
    rng: SmallRng,
    seq: u64,
    timestamp: u32,
    counter: u64,
    talking: bool,
    /// Packets left in the current spurt or silence.
    left: u32,
    spurt_start: bool,
}

impl AudioSource {
    /// A speaker whose every draw (spurt lengths, levels, initial seq and timestamp) follows
    /// `seed`. It starts talking.
    pub fn new(stream_id: u32, seed: u64, pattern: SpeechPattern) -> AudioSource {
        let mut rng = SmallRng::seed_from_u64(seed ^ (u64::from(stream_id) << 32));
        // Below 2^15 as browsers do, so the rollover count starts at 0.
        let seq = rng.random_range(0..0x8000);
        let timestamp = rng.random();
        let mut source = AudioSource {
            stream_id,
            pattern,
            rng,
            seq,
            timestamp,
            counter: 0,
            talking: false,
            left: 0,
            spurt_start: false,
        };
        source.start_phase(true);
        source
    }

    /// Starts from a chosen RTP sequence number and timestamp (tests of wrap-around).
    pub fn with_initial(mut self, seq: u16, timestamp: u32) -> AudioSource {
        self.seq = u64::from(seq);
        self.timestamp = timestamp;
        self
    }

    pub fn stream_id(&self) -> u32 {
        self.stream_id
    }

    pub fn is_talking(&self) -> bool {
        self.talking
    }

    fn start_phase(&mut self, talking: bool) {
        self.talking = talking;
        self.spurt_start = talking;
        let mean = if talking {
            self.pattern.talk
        } else {
            self.pattern.silence
        };
        let v = self.pattern.variation.clamp(0.0, 0.9);
        let factor = if v > 0.0 {
            self.rng.random_range(1.0 - v..=1.0 + v)
        } else {
            1.0
        };
        let packets = (mean.as_secs_f64() * factor / AUDIO_PTIME.as_secs_f64()).round() as u32;
        self.left = packets.max(1);
    }

    /// The next 20 ms packet: fills `payload` (at least [`MAX_PAYLOAD`] bytes) and returns its
    /// header fields. `send_time_us` goes into the payload's stamp.
    pub fn next_packet(&mut self, send_time_us: u64, payload: &mut [u8]) -> AudioPacket {
        if self.left == 0 {
            // A zero-length silence would never happen; a silence always follows a spurt.
            let talking = !self.talking || self.pattern.silence.is_zero();
            self.start_phase(talking);
        }
        self.left -= 1;
        let marker = std::mem::take(&mut self.spurt_start);
        let (level, len) = if self.talking {
            (self.rng.random_range(15..=30), VOICED_PAYLOAD)
        } else {
            (self.rng.random_range(100..=127), SILENT_PAYLOAD)
        };
        payload[0] = OPUS_TOC;
        MediaStamp {
            stream_id: self.stream_id,
            counter: self.counter,
            send_time_us,
        }
        .write(&mut payload[1..]);
        fill(&mut payload[1 + STAMP_LEN..len], self.counter);
        let packet = AudioPacket {
            seq: self.seq as u16,
            ext_seq: self.seq,
            timestamp: self.timestamp,
            marker,
            level,
            voiced: self.talking,
            len,
            counter: self.counter,
        };
        self.seq += 1;
        self.timestamp = self.timestamp.wrapping_add(AUDIO_TICKS_PER_PACKET);
        self.counter += 1;
        packet
    }
}

/// Deterministic filler, so payloads are not all zeros (and not compressible to nothing).
fn fill(out: &mut [u8], salt: u64) {
    let mut x = salt as u8 | 1;
    for b in out {
        x = x.wrapping_mul(13).wrapping_add(7);
        *b = x;
    }
}

/// What a receiver needs from a VP8 payload's descriptor and header (RFC 7741 §4.2–4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vp8Info {
    /// S=1, partition 0: the packet starts a frame.
    pub frame_start: bool,
    /// The frame is a key frame (known only on its first packet).
    pub key_frame: bool,
    pub picture_id: Option<u16>,
    /// Where our stamp starts in the payload: its last [`STAMP_LEN`] bytes, so that the frame
    /// itself stays a real VP8 frame (a decoder ignores what follows its last partition).
    pub stamp_offset: usize,
}

impl Vp8Info {
    /// Parses the descriptor (and the payload header on a frame start); `None` when truncated.
    pub fn parse(payload: &[u8]) -> Option<Vp8Info> {
        let first = *payload.first()?;
        let mut pos = 1;
        let mut picture_id = None;
        if first & 0x80 != 0 {
            let x = *payload.get(pos)?;
            pos += 1;
            if x & 0x80 != 0 {
                let b = *payload.get(pos)?;
                pos += 1;
                picture_id = Some(if b & 0x80 != 0 {
                    pos += 1;
                    (u16::from(b & 0x7F) << 8) | u16::from(*payload.get(pos - 1)?)
                } else {
                    u16::from(b)
                });
            }
            if x & 0x40 != 0 {
                pos += 1;
            }
            if x & 0x30 != 0 {
                pos += 1;
            }
        }
        let frame_start = first & 0x10 != 0 && first & 0x07 == 0;
        let mut key_frame = false;
        if frame_start {
            key_frame = *payload.get(pos)? & 0x01 == 0;
            pos += if key_frame { 10 } else { 3 };
        }
        (payload.len() >= pos + STAMP_LEN).then_some(Vp8Info {
            frame_start,
            key_frame,
            picture_id,
            stamp_offset: payload.len() - STAMP_LEN,
        })
    }
}

/// A real VP8 key frame, 320x180 of one flat colour (libvpx, error resilient).
const KEY_FRAME: [u8; 161] = [
    0x50, 0x10, 0x00, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xb4, 0x00, 0x39, 0x0d, 0x00, 0x01, 0x1c, 0x24, 0x0c, 0x2c, 0x2c,
    0x44, 0x2c, 0x24, 0x40, 0x10, 0x00, 0x13, 0xad, 0x50, 0x1f, 0xc0, 0x1f, 0xc0, 0x10, 0x35, 0xb5, 0x27, 0xae, 0xe9,
    0x0c, 0x95, 0x97, 0x24, 0x85, 0xe5, 0xe9, 0x77, 0x48, 0x64, 0xac, 0xb9, 0x24, 0x2f, 0x2f, 0x4b, 0xba, 0x43, 0x25,
    0x65, 0xc9, 0x21, 0x79, 0x7a, 0x5d, 0xd2, 0x19, 0x2b, 0x2e, 0x49, 0x0b, 0xcb, 0xd2, 0xee, 0x90, 0xc9, 0x59, 0x72,
    0x48, 0x5e, 0x5e, 0x97, 0x74, 0x86, 0x4a, 0xcb, 0x92, 0x42, 0xf2, 0xf4, 0xbb, 0xa4, 0x32, 0x56, 0x5c, 0x92, 0x17,
    0x97, 0xa5, 0xdd, 0x21, 0x92, 0xb2, 0xe4, 0x90, 0xbc, 0xbd, 0x2e, 0xe9, 0x0c, 0x95, 0x97, 0x24, 0x85, 0xe5, 0xe9,
    0x77, 0x48, 0x64, 0xac, 0xb9, 0x24, 0x2f, 0x2f, 0x4b, 0xba, 0x43, 0x25, 0x65, 0xc9, 0x21, 0x79, 0x7a, 0x5d, 0xd2,
    0x19, 0x2b, 0x2e, 0x49, 0x0b, 0xc9, 0x40, 0xfe, 0xfa, 0xc4, 0x3f, 0xff, 0x76, 0x4e, 0xd9, 0x5c, 0x8f, 0xf7, 0xed,
    0xff, 0xed, 0x68, 0x0e, 0x0d, 0x57, 0xfa, 0x37, 0x00,
];
/// A real VP8 inter frame: nothing changed since the last one (error resilient, so it
/// may follow any key frame of this stream and repeat).
const DELTA_FRAME: [u8; 45] = [
    0x31, 0x05, 0x00, 0xe4, 0xa1, 0x2f, 0xb8, 0x74, 0x67, 0xaf, 0x10, 0x4f, 0x4f, 0xae, 0x8f, 0x2f, 0xde, 0x3f, 0x80,
    0x1f, 0xc0, 0x61, 0x60, 0xbf, 0xd0, 0x0a, 0x66, 0xd4, 0xc6, 0x31, 0x8c, 0x63, 0x18, 0xbe, 0x50, 0x27, 0x3c, 0xeb,
    0xbe, 0xb9, 0xe7, 0x5d, 0xf5, 0x80, 0x00,
];

/// Synthetic video settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VideoPattern {
    pub fps: u32,
    /// A key frame at least this often (and whenever one is requested).
    pub key_frame_interval: Duration,
    /// Packets of a key frame and of a delta frame (each up to [`MAX_PAYLOAD`] bytes).
    pub key_frame_packets: u32,
    pub delta_frame_bytes: usize,
}

impl Default for VideoPattern {
    fn default() -> Self {
        VideoPattern {
            fps: 15,
            key_frame_interval: Duration::from_secs(5),
            key_frame_packets: 4,
            delta_frame_bytes: 400,
        }
    }
}

/// One packet of a video frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VideoPacket {
    pub seq: u16,
    pub ext_seq: u64,
    pub timestamp: u32,
    /// Last packet of the frame (RFC 7741 §4.1).
    pub marker: bool,
    pub key_frame: bool,
    pub len: usize,
    pub counter: u64,
}

/// A synthetic VP8 camera: [`VideoSource::next_frame`] once per frame period, then
/// [`VideoSource::next_packet`] until it returns `None`.
#[derive(Debug, Clone)]
pub struct VideoSource {
    stream_id: u32,
    pattern: VideoPattern,
    seq: u64,
    timestamp: u32,
    counter: u64,
    picture_id: u16,
    frames_since_key: u32,
    key_requested: bool,
    /// Current frame: packets left, whether key, packet index.
    frame_left: u32,
    frame_key: bool,
    frame_index: u32,
    key_frames: u64,
}

impl VideoSource {
    pub fn new(stream_id: u32, seed: u64) -> VideoSource {
        let mut rng = SmallRng::seed_from_u64(seed ^ (u64::from(stream_id) << 32) ^ 0x5649_4445_4f00);
        VideoSource {
            stream_id,
            pattern: VideoPattern::default(),
            seq: rng.random_range(0..0x8000),
            timestamp: rng.random(),
            counter: 0,
            picture_id: rng.random_range(0..0x8000),
            frames_since_key: 0,
            // The first frame is a key frame.
            key_requested: true,
            frame_left: 0,
            frame_key: false,
            frame_index: 0,
            key_frames: 0,
        }
    }

    pub fn with_pattern(mut self, pattern: VideoPattern) -> VideoSource {
        self.pattern = pattern;
        self
    }

    pub fn frame_period(&self) -> Duration {
        Duration::from_secs(1) / self.pattern.fps.max(1)
    }

    /// Asks for a key frame as the next frame (a PLI or FIR arrived).
    pub fn request_key_frame(&mut self) {
        self.key_requested = true;
    }

    pub fn key_frames_sent(&self) -> u64 {
        self.key_frames
    }

    /// Starts the next frame (dropping what is left of the current one).
    pub fn next_frame(&mut self) {
        let frames_per_key = (self.pattern.key_frame_interval.as_secs_f64() * f64::from(self.pattern.fps)) as u32;
        let key = self.key_requested || self.frames_since_key + 1 >= frames_per_key.max(1);
        if self.frame_index > 0 || self.frame_left > 0 {
            self.timestamp = self.timestamp.wrapping_add(VIDEO_CLOCK_RATE / self.pattern.fps.max(1));
            self.picture_id = (self.picture_id + 1) & 0x7FFF;
        }
        self.key_requested = false;
        self.frame_key = key;
        self.frame_index = 0;
        self.frame_left = if key { self.pattern.key_frame_packets.max(1) } else { 1 };
        if key {
            self.key_frames += 1;
            self.frames_since_key = 0;
        } else {
            self.frames_since_key += 1;
        }
    }

    /// The next packet of the current frame, written into `payload`; `None` once it is sent.
    pub fn next_packet(&mut self, send_time_us: u64, payload: &mut [u8]) -> Option<VideoPacket> {
        if self.frame_left == 0 {
            return None;
        }
        let first = self.frame_index == 0;
        // Descriptor: X=1, S on the frame's first packet, PID 0; I=1 with a 15-bit PictureID.
        payload[0] = 0x80 | if first { 0x10 } else { 0 };
        payload[1] = 0x80;
        payload[2] = 0x80 | (self.picture_id >> 8) as u8;
        payload[3] = self.picture_id as u8;
        let mut pos = 4;
        if first {
            // The frame's first packet carries the whole real frame; the rest is padding a
            // decoder never reads (after the frame's last partition) and our stamp at the end.
            let frame: &[u8] = if self.frame_key { &KEY_FRAME } else { &DELTA_FRAME };
            payload[pos..pos + frame.len()].copy_from_slice(frame);
            pos += frame.len();
        }
        let len = if self.frame_key {
            MAX_PAYLOAD
        } else {
            self.pattern.delta_frame_bytes.clamp(pos + STAMP_LEN, MAX_PAYLOAD)
        };
        fill(&mut payload[pos..len - STAMP_LEN], self.counter);
        MediaStamp {
            stream_id: self.stream_id,
            counter: self.counter,
            send_time_us,
        }
        .write(&mut payload[len - STAMP_LEN..len]);
        self.frame_left -= 1;
        self.frame_index += 1;
        let packet = VideoPacket {
            seq: self.seq as u16,
            ext_seq: self.seq,
            timestamp: self.timestamp,
            marker: self.frame_left == 0,
            key_frame: self.frame_key,
            len,
            counter: self.counter,
        };
        self.seq += 1;
        self.counter += 1;
        Some(packet)
    }
}

/// Receive-side clock conversion: an arrival instant in RTP clock units, for RFC 3550 jitter.
pub fn to_rtp_units(elapsed: Duration, clock_rate: u32) -> u64 {
    (elapsed.as_nanos() * u128::from(clock_rate) / 1_000_000_000) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(source: &mut AudioSource, packets: usize) -> Vec<AudioPacket> {
        let mut buf = [0u8; MAX_PAYLOAD];
        (0..packets)
            .map(|i| source.next_packet(i as u64 * 20_000, &mut buf))
            .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_speech() {
        let pattern = SpeechPattern::default();
        let a = run(&mut AudioSource::new(3, 42, pattern), 2_000);
        let b = run(&mut AudioSource::new(3, 42, pattern), 2_000);
        assert_eq!(a, b);
        let c = run(&mut AudioSource::new(3, 43, pattern), 2_000);
        assert_ne!(a, c, "another seed, another pattern");
        let d = run(&mut AudioSource::new(4, 42, pattern), 2_000);
        assert_ne!(a, d, "another stream, another pattern");
    }

    #[test]
    fn spurts_and_silences_follow_the_pattern() {
        let pattern = SpeechPattern {
            talk: Duration::from_millis(400),
            silence: Duration::from_millis(200),
            variation: 0.0,
        };
        let packets = run(&mut AudioSource::new(1, 7, pattern), 90);
        // 20 voiced, 10 silent, repeated; a marker on each spurt's first packet only.
        for (i, p) in packets.iter().enumerate() {
            assert_eq!(p.voiced, i % 30 < 20, "packet {i}");
            assert_eq!(p.marker, i % 30 == 0, "packet {i}");
        }
        let spurts = packets.iter().filter(|p| p.marker).count();
        assert_eq!(spurts, 3);
    }

    #[test]
    fn variation_stays_within_its_bounds() {
        let pattern = SpeechPattern {
            talk: Duration::from_secs(1),
            silence: Duration::from_secs(1),
            variation: 0.5,
        };
        let packets = run(&mut AudioSource::new(1, 9, pattern), 50 * 200);
        let mut runs = Vec::new();
        let mut current = (packets[0].voiced, 0);
        for p in &packets {
            if p.voiced == current.0 {
                current.1 += 1;
            } else {
                runs.push(current.1);
                current = (p.voiced, 1);
            }
        }
        assert!(runs.len() > 50);
        assert!(runs.iter().all(|&n| (25..=75).contains(&n)), "{runs:?}");
        assert!(
            runs.iter().any(|&n| n < 45) && runs.iter().any(|&n| n > 55),
            "lengths vary"
        );
    }

    #[test]
    fn voiced_packets_are_loud_and_silence_is_quiet() {
        let packets = run(&mut AudioSource::new(1, 5, SpeechPattern::default()), 3_000);
        assert!(packets.iter().any(|p| !p.voiced));
        for p in &packets {
            if p.voiced {
                assert!(p.level <= 30, "{p:?}");
                assert_eq!(p.len, VOICED_PAYLOAD);
            } else {
                assert!(p.level >= 100 && p.level <= 127, "{p:?}");
                assert_eq!(p.len, SILENT_PAYLOAD);
            }
        }
    }

    #[test]
    fn sequence_and_timestamp_wrap_around() {
        let mut s = AudioSource::new(1, 1, SpeechPattern::default()).with_initial(65534, u32::MAX - 959);
        let p = run(&mut s, 4);
        assert_eq!(p.iter().map(|p| p.seq).collect::<Vec<_>>(), [65534, 65535, 0, 1]);
        assert_eq!(
            p.iter().map(|p| p.ext_seq).collect::<Vec<_>>(),
            [65534, 65535, 65536, 65537],
            "the extended sequence keeps counting"
        );
        assert_eq!(
            p.iter().map(|p| p.timestamp).collect::<Vec<_>>(),
            [u32::MAX - 959, 0, 960, 1920]
        );
        assert_eq!(p.iter().map(|p| p.counter).collect::<Vec<_>>(), [0, 1, 2, 3]);
    }

    #[test]
    fn timestamps_advance_960_ticks_per_20_ms() {
        let p = run(&mut AudioSource::new(2, 3, SpeechPattern::default()), 51);
        let elapsed_ticks = p[50].timestamp.wrapping_sub(p[0].timestamp);
        assert_eq!(elapsed_ticks, AUDIO_CLOCK_RATE, "50 packets are one second");
        assert_eq!(
            AUDIO_TICKS_PER_PACKET as u128,
            AUDIO_PTIME.as_nanos() * 48_000 / 1_000_000_000
        );
        assert_eq!(to_rtp_units(Duration::from_millis(20), AUDIO_CLOCK_RATE), 960);
        assert_eq!(to_rtp_units(Duration::from_secs(2), VIDEO_CLOCK_RATE), 180_000);
    }

    #[test]
    fn the_stamp_round_trips_through_an_audio_payload() {
        let mut s = AudioSource::new(77, 1, SpeechPattern::default());
        let mut buf = [0u8; MAX_PAYLOAD];
        s.next_packet(1, &mut buf);
        let p = s.next_packet(1_700_000_000_123_456, &mut buf);
        assert_eq!(buf[0], OPUS_TOC);
        let stamp = MediaStamp::from_audio_payload(&buf[..p.len]).unwrap();
        assert_eq!(
            stamp,
            MediaStamp {
                stream_id: 77,
                counter: 1,
                send_time_us: 1_700_000_000_123_456
            }
        );
        assert_eq!(MediaStamp::from_audio_payload(&[OPUS_TOC, 1, 2, 3]), None);
        let mut other = buf;
        other[1] ^= 0xFF;
        assert_eq!(MediaStamp::from_audio_payload(&other[..p.len]), None, "wrong magic");
    }

    #[test]
    fn video_frames_have_valid_descriptors_and_key_frames_on_schedule_and_request() {
        let pattern = VideoPattern {
            fps: 10,
            key_frame_interval: Duration::from_secs(1),
            key_frame_packets: 3,
            delta_frame_bytes: 200,
        };
        let mut v = VideoSource::new(9, 1).with_pattern(pattern);
        let mut buf = [0u8; MAX_PAYLOAD];
        let mut frames = Vec::new();
        for frame in 0..25 {
            if frame == 13 {
                v.request_key_frame();
            }
            v.next_frame();
            let mut packets = Vec::new();
            while let Some(p) = v.next_packet(5, &mut buf) {
                let info = Vp8Info::parse(&buf[..p.len]).unwrap();
                let stamp = MediaStamp::read(&buf[info.stamp_offset..p.len]).unwrap();
                assert_eq!(stamp.counter, p.counter);
                // The repository's own parser agrees.
                let theirs = crate::rtp::Vp8Packet::parse(&buf[..p.len]).unwrap();
                assert_eq!(theirs.frame_start, info.frame_start);
                assert_eq!(theirs.key_frame, info.key_frame);
                assert_eq!(theirs.picture_id, info.picture_id);
                packets.push((p, info));
            }
            frames.push(packets);
        }
        let keys: Vec<usize> = (0..frames.len()).filter(|&i| frames[i][0].1.key_frame).collect();
        assert_eq!(keys, [0, 10, 13, 23]);
        for f in &frames {
            assert!(f[0].1.frame_start);
            assert!(f[1..].iter().all(|(_, i)| !i.frame_start));
            assert_eq!(f.len(), if f[0].0.key_frame { 3 } else { 1 });
            assert!(f.last().unwrap().0.marker);
            assert!(f[..f.len() - 1].iter().all(|(p, _)| !p.marker));
            let ts = f[0].0.timestamp;
            assert!(f.iter().all(|(p, _)| p.timestamp == ts));
        }
        assert_eq!(frames[1][0].0.timestamp.wrapping_sub(frames[0][0].0.timestamp), 9_000);
        assert_eq!(v.key_frames_sent(), 4);
    }

    #[test]
    fn video_frames_are_real_vp8_that_a_webm_file_holds() {
        let mut v = VideoSource::new(3, 2);
        let mut buf = [0u8; MAX_PAYLOAD];
        let mut packets = Vec::new();
        for _ in 0..30 {
            v.next_frame();
            while let Some(p) = v.next_packet(5, &mut buf) {
                let mut rtp = vec![0x80, if p.marker { 0x80 | 96 } else { 96 }];
                rtp.extend_from_slice(&p.seq.to_be_bytes());
                rtp.extend_from_slice(&p.timestamp.to_be_bytes());
                rtp.extend_from_slice(&[0, 0, 0, 1]);
                rtp.extend_from_slice(&buf[..p.len]);
                packets.push(rtp);
            }
        }
        let (_, summary) = crate::export::write_vp8(packets.iter().map(Vec::as_slice), VIDEO_CLOCK_RATE, "t").unwrap();
        assert_eq!((summary.width, summary.height), (VIDEO_WIDTH, VIDEO_HEIGHT));
        assert_eq!(
            (summary.depacketizer.frames, summary.depacketizer.dropped_frames),
            (30, 0)
        );
        assert_eq!(summary.duration_ms, 2000, "30 frames at 15 fps");
    }
}
