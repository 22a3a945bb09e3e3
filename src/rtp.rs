//! Zero-copy RTP view, in-place header writers and the few payload peeks the buffer needs.
//!
//! Every packet the tap delivers passes through here, so parsing borrows the caller's bytes,
//! allocates nothing and never panics: anything malformed is an [`RtpError`] (RFC 3550 §5.1,
//! RFC 8285 for header extensions, RFC 6464 for the audio level, RFC 7741 for VP8).

use thiserror::Error;

/// Fixed RTP header length, before CSRCs and extensions.
pub const FIXED_HEADER_LEN: usize = 12;

/// Profile of the one-byte header extension form (RFC 8285 §4.2).
const ONE_BYTE_PROFILE: u16 = 0xBEDE;
/// Profile of the two-byte header extension form, low nibble is "appbits" (RFC 8285 §4.3).
const TWO_BYTE_PROFILE: u16 = 0x1000;
const TWO_BYTE_PROFILE_MASK: u16 = 0xFFF0;

/// Why bytes are not a usable RTP packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum RtpError {
    #[error("packet of {len} bytes is shorter than its header needs ({needed})")]
    Truncated { len: usize, needed: usize },
    #[error("RTP version {0}, expected 2")]
    BadVersion(u8),
    #[error("padding length {padding} does not fit a payload of {available} bytes")]
    BadPadding { padding: usize, available: usize },
    #[error("VP8 payload descriptor truncated")]
    Vp8Truncated,
}

/// A parsed view over one RTP packet; cheap to build, borrows the bytes.
#[derive(Debug, Clone, Copy)]
pub struct RtpPacket<'a> {
    buf: &'a [u8],
    /// Profile and byte range of the extension block's elements, when the X bit is set.
    extension: Option<(u16, usize, usize)>,
    payload_start: usize,
    payload_end: usize,
}

impl<'a> RtpPacket<'a> {
    /// Checks the header (version, CSRC list, extension block, padding) so that every accessor
    /// afterwards is infallible.
    pub fn parse(buf: &'a [u8]) -> Result<Self, RtpError> {
        let truncated = |needed| RtpError::Truncated { len: buf.len(), needed };
        if buf.len() < FIXED_HEADER_LEN {
            return Err(truncated(FIXED_HEADER_LEN));
        }
        let version = buf[0] >> 6;
        if version != 2 {
            return Err(RtpError::BadVersion(version));
        }
        let csrc_count = usize::from(buf[0] & 0x0F);
        let mut pos = FIXED_HEADER_LEN + 4 * csrc_count;
        if buf.len() < pos {
            return Err(truncated(pos));
        }
        let mut extension = None;
        if buf[0] & 0x10 != 0 {
            if buf.len() < pos + 4 {
                return Err(truncated(pos + 4));
            }
            let profile = u16::from_be_bytes([buf[pos], buf[pos + 1]]);
            let words = usize::from(u16::from_be_bytes([buf[pos + 2], buf[pos + 3]]));
            let start = pos + 4;
            let end = start + 4 * words;
            if buf.len() < end {
                return Err(truncated(end));
            }
            extension = Some((profile, start, end));
            pos = end;
        }
        let mut payload_end = buf.len();
        if buf[0] & 0x20 != 0 {
            // The last octet counts the padding, itself included, so zero is malformed too.
            let padding = usize::from(buf[buf.len() - 1]);
            let available = buf.len() - pos;
            if padding == 0 || padding > available {
                return Err(RtpError::BadPadding { padding, available });
            }
            payload_end -= padding;
        }
        Ok(Self {
            buf,
            extension,
            payload_start: pos,
            payload_end,
        })
    }

    pub fn as_bytes(&self) -> &'a [u8] {
        self.buf
    }

    pub fn has_padding(&self) -> bool {
        self.buf[0] & 0x20 != 0
    }

    pub fn csrc_count(&self) -> u8 {
        self.buf[0] & 0x0F
    }

    pub fn csrc(&self, index: usize) -> Option<u32> {
        if index >= usize::from(self.csrc_count()) {
            return None;
        }
        let at = FIXED_HEADER_LEN + 4 * index;
        Some(u32::from_be_bytes([
            self.buf[at],
            self.buf[at + 1],
            self.buf[at + 2],
            self.buf[at + 3],
        ]))
    }

    pub fn marker(&self) -> bool {
        self.buf[1] & 0x80 != 0
    }

    pub fn payload_type(&self) -> u8 {
        self.buf[1] & 0x7F
    }

    pub fn sequence(&self) -> u16 {
        u16::from_be_bytes([self.buf[2], self.buf[3]])
    }

    pub fn timestamp(&self) -> u32 {
        u32::from_be_bytes([self.buf[4], self.buf[5], self.buf[6], self.buf[7]])
    }

    pub fn ssrc(&self) -> u32 {
        u32::from_be_bytes([self.buf[8], self.buf[9], self.buf[10], self.buf[11]])
    }

    /// The media payload, without header, extensions and padding.
    pub fn payload(&self) -> &'a [u8] {
        &self.buf[self.payload_start..self.payload_end]
    }

    /// Iterates the header extension elements. A malformed element ends the iteration rather
    /// than failing the packet: the media is still good and other elements may be found.
    pub fn extensions(&self) -> Extensions<'a> {
        match self.extension {
            Some((profile, start, end)) if profile == ONE_BYTE_PROFILE => Extensions {
                data: &self.buf[start..end],
                form: ExtensionForm::OneByte,
            },
            Some((profile, start, end)) if profile & TWO_BYTE_PROFILE_MASK == TWO_BYTE_PROFILE => Extensions {
                data: &self.buf[start..end],
                form: ExtensionForm::TwoByte,
            },
            _ => Extensions {
                data: &[],
                form: ExtensionForm::OneByte,
            },
        }
    }

    /// The value of the header extension negotiated under `id`, if the packet carries it.
    pub fn extension(&self, id: u8) -> Option<&'a [u8]> {
        self.extensions().find(|(eid, _)| *eid == id).map(|(_, data)| data)
    }

    /// RFC 6464 client-to-mixer audio level, `id` being the negotiated extension id of
    /// `urn:ietf:params:rtp-hdrext:ssrc-audio-level`.
    pub fn audio_level(&self, id: u8) -> Option<AudioLevel> {
        let data = self.extension(id)?;
        let byte = *data.first()?;
        Some(AudioLevel {
            voice: byte & 0x80 != 0,
            level: byte & 0x7F,
        })
    }
}

#[derive(Debug, Clone, Copy)]
enum ExtensionForm {
    OneByte,
    TwoByte,
}

/// Header extension elements as `(id, value)`.
#[derive(Debug, Clone)]
pub struct Extensions<'a> {
    data: &'a [u8],
    form: ExtensionForm,
}

impl<'a> Iterator for Extensions<'a> {
    type Item = (u8, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (&first, rest) = self.data.split_first()?;
            match self.form {
                ExtensionForm::OneByte => {
                    let id = first >> 4;
                    if id == 0 {
                        // Padding byte between elements.
                        self.data = rest;
                        continue;
                    }
                    if id == 15 {
                        // Reserved: "stop parsing" (RFC 8285 §4.2).
                        self.data = &[];
                        return None;
                    }
                    let len = usize::from(first & 0x0F) + 1;
                    if rest.len() < len {
                        self.data = &[];
                        return None;
                    }
                    let (value, tail) = rest.split_at(len);
                    self.data = tail;
                    return Some((id, value));
                }
                ExtensionForm::TwoByte => {
                    if first == 0 {
                        self.data = rest;
                        continue;
                    }
                    let Some((&len, rest)) = rest.split_first() else {
                        self.data = &[];
                        return None;
                    };
                    let len = usize::from(len);
                    if rest.len() < len {
                        self.data = &[];
                        return None;
                    }
                    let (value, tail) = rest.split_at(len);
                    self.data = tail;
                    return Some((first, value));
                }
            }
        }
    }
}

/// RFC 6464 audio level: `level` is -dBov, 0 the loudest and 127 silence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AudioLevel {
    /// The sender's own voice activity flag.
    pub voice: bool,
    pub level: u8,
}

impl AudioLevel {
    /// What a packet without the extension counts as: silence.
    pub const SILENCE: AudioLevel = AudioLevel {
        voice: false,
        level: 127,
    };
}

fn header_mut(buf: &mut [u8]) -> Result<&mut [u8; FIXED_HEADER_LEN], RtpError> {
    let len = buf.len();
    buf.get_mut(..FIXED_HEADER_LEN)
        .and_then(|h| h.try_into().ok())
        .ok_or(RtpError::Truncated {
            len,
            needed: FIXED_HEADER_LEN,
        })
}

/// Rewrites the sequence number in place.
pub fn set_sequence(buf: &mut [u8], seq: u16) -> Result<(), RtpError> {
    header_mut(buf)?[2..4].copy_from_slice(&seq.to_be_bytes());
    Ok(())
}

/// Rewrites the timestamp in place.
pub fn set_timestamp(buf: &mut [u8], ts: u32) -> Result<(), RtpError> {
    header_mut(buf)?[4..8].copy_from_slice(&ts.to_be_bytes());
    Ok(())
}

/// Rewrites the SSRC in place.
pub fn set_ssrc(buf: &mut [u8], ssrc: u32) -> Result<(), RtpError> {
    header_mut(buf)?[8..12].copy_from_slice(&ssrc.to_be_bytes());
    Ok(())
}

/// Sets or clears the marker bit in place.
pub fn set_marker(buf: &mut [u8], marker: bool) -> Result<(), RtpError> {
    let h = header_mut(buf)?;
    h[1] = (h[1] & 0x7F) | if marker { 0x80 } else { 0 };
    Ok(())
}

/// Rewrites the payload type (7 bits; the high bit of `pt` is ignored) in place.
pub fn set_payload_type(buf: &mut [u8], pt: u8) -> Result<(), RtpError> {
    let h = header_mut(buf)?;
    h[1] = (h[1] & 0x80) | (pt & 0x7F);
    Ok(())
}

/// What the VP8 payload descriptor and header (RFC 7741 §4.2, §4.3) say about a packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vp8Packet {
    /// S=1 and partition index 0: this packet starts a frame.
    pub frame_start: bool,
    /// 7- or 15-bit PictureID, when the sender includes it.
    pub picture_id: Option<u16>,
    /// The frame is a key frame; only known on the frame's first packet.
    pub key_frame: bool,
    /// Length of the payload descriptor: the VP8 data starts here.
    pub descriptor_len: usize,
}

impl Vp8Packet {
    /// Parses the descriptor at the start of an RTP payload.
    pub fn parse(payload: &[u8]) -> Result<Self, RtpError> {
        let mut pos = 0;
        let mut next = || {
            let byte = payload.get(pos).copied().ok_or(RtpError::Vp8Truncated);
            pos += 1;
            byte
        };
        let first = next()?;
        let extended = first & 0x80 != 0;
        let start = first & 0x10 != 0;
        let partition = first & 0x07;
        let mut picture_id = None;
        if extended {
            let x = next()?;
            let (i, l, t, k) = (x & 0x80 != 0, x & 0x40 != 0, x & 0x20 != 0, x & 0x10 != 0);
            if i {
                let b = next()?;
                picture_id = Some(if b & 0x80 != 0 {
                    (u16::from(b & 0x7F) << 8) | u16::from(next()?)
                } else {
                    u16::from(b)
                });
            }
            if l {
                next()?; // TL0PICIDX
            }
            if t || k {
                next()?; // TID | Y | KEYIDX
            }
        }
        let frame_start = start && partition == 0;
        let descriptor_len = pos;
        let key_frame = if frame_start {
            // VP8 payload header: the P bit (inverse key frame flag) is bit 0 of its first byte.
            payload.get(descriptor_len).ok_or(RtpError::Vp8Truncated)? & 0x01 == 0
        } else {
            false
        };
        Ok(Self {
            frame_start,
            picture_id,
            key_frame,
            descriptor_len,
        })
    }
}

/// Calls `requested` with the media SSRC of every key frame request in an RTCP (compound)
/// packet: each PLI's media source (RFC 4585 §6.3.1) and each FIR entry (RFC 5104 §4.3.1). A malformed packet ends the walk there;
/// never panics, allocates nothing.
pub fn key_frame_requests(rtcp: &[u8], mut requested: impl FnMut(u32)) {
    /// Payload-specific feedback (RFC 4585 §6.1).
    const PSFB: u8 = 206;
    const FMT_PLI: u8 = 1;
    const FMT_FIR: u8 = 4;
    let word = |b: &[u8], at: usize| b.get(at..at + 4).map(|w| u32::from_be_bytes([w[0], w[1], w[2], w[3]]));
    let mut rest = rtcp;
    while rest.len() >= 4 {
        if rest[0] >> 6 != 2 {
            return;
        }
        let len = (usize::from(u16::from_be_bytes([rest[2], rest[3]])) + 1) * 4;
        let Some(packet) = rest.get(..len) else {
            return;
        };
        if packet[1] == PSFB {
            match packet[0] & 0x1F {
                FMT_PLI => {
                    if let Some(ssrc) = word(packet, 8) {
                        requested(ssrc);
                    }
                }
                // FCI entries of 8 bytes: SSRC, then sequence number and reserved bytes.
                FMT_FIR => {
                    for entry in packet.get(12..).unwrap_or_default().chunks_exact(8) {
                        if let Some(ssrc) = word(entry, 0) {
                            requested(ssrc);
                        }
                    }
                }
                _ => {}
            }
        }
        rest = &rest[len..];
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Whether an RTCP (compound) packet asks `ssrc`'s sender for a key frame.
    fn requests_key_frame(rtcp: &[u8], ssrc: u32) -> bool {
        let mut found = false;
        key_frame_requests(rtcp, |s| found |= s == ssrc);
        found
    }

    /// Builds an RTP packet by hand: fixed header, optional CSRCs, extension block and padding.
    pub(crate) fn build(
        seq: u16,
        ts: u32,
        ssrc: u32,
        csrcs: &[u32],
        ext: Option<(u16, &[u8])>,
        payload: &[u8],
        padding: u8,
    ) -> Vec<u8> {
        let mut b = Vec::new();
        let mut first = 0x80 | csrcs.len() as u8;
        if ext.is_some() {
            first |= 0x10;
        }
        if padding > 0 {
            first |= 0x20;
        }
        b.push(first);
        b.push(111);
        b.extend_from_slice(&seq.to_be_bytes());
        b.extend_from_slice(&ts.to_be_bytes());
        b.extend_from_slice(&ssrc.to_be_bytes());
        for c in csrcs {
            b.extend_from_slice(&c.to_be_bytes());
        }
        if let Some((profile, data)) = ext {
            let words = data.len().div_ceil(4);
            b.extend_from_slice(&profile.to_be_bytes());
            b.extend_from_slice(&(words as u16).to_be_bytes());
            b.extend_from_slice(data);
            b.resize(b.len() + words * 4 - data.len(), 0);
        }
        b.extend_from_slice(payload);
        if padding > 0 {
            b.resize(b.len() + usize::from(padding) - 1, 0);
            b.push(padding);
        }
        b
    }

    /// An Opus-like packet carrying an RFC 6464 audio level under one-byte extension id 1.
    pub(crate) fn audio(seq: u16, ts: u32, level: u8, payload_len: usize) -> Vec<u8> {
        let payload = vec![0xAB; payload_len];
        build(seq, ts, 0x1234, &[], Some((0xBEDE, &[0x10, 0x80 | level])), &payload, 0)
    }

    #[test]
    fn every_requested_ssrc_is_reported() {
        let pli = [0x81, 206, 0, 2, 0, 0, 0, 1, 0, 0, 0xBE, 0xEF];
        let fir = [
            0x84, 206, 0, 6, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 7, 0, 0, 0, 0, 0, 0, 2, 8, 0, 0, 0,
        ];
        let mut seen = Vec::new();
        key_frame_requests(&[pli.to_vec(), fir.to_vec()].concat(), |s| seen.push(s));
        assert_eq!(seen, [0xBEEF, 1, 2]);
        // A truncated second packet ends the walk after the first.
        let mut seen = Vec::new();
        key_frame_requests(&[&pli[..], &fir[..10]].concat(), |s| seen.push(s));
        assert_eq!(seen, [0xBEEF]);
    }

    #[test]
    fn key_frame_requests_in_compound_rtcp() {
        // A receiver report (one block) followed by a PLI for 0xBEEF.
        let mut rr = vec![0x81, 201, 0, 7];
        rr.extend_from_slice(&[0; 28]);
        let pli = [0x81, 206, 0, 2, 0, 0, 0, 1, 0, 0, 0xBE, 0xEF];
        let compound = [rr.clone(), pli.to_vec()].concat();
        assert!(requests_key_frame(&compound, 0xBEEF));
        assert!(!requests_key_frame(&compound, 0xBEEE));
        assert!(!requests_key_frame(&rr, 0xBEEF));
        // FIR: media SSRC 0, the target in the FCI.
        let fir = [0x84, 206, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xBE, 0xEF, 7, 0, 0, 0];
        assert!(requests_key_frame(&fir, 0xBEEF));
        assert!(!requests_key_frame(&fir, 0));
        // Generic NACK (RTPFB) is not a key frame request; garbage is not either.
        let nack = [0x81, 205, 0, 3, 0, 0, 0, 1, 0, 0, 0xBE, 0xEF, 0, 1, 0, 0];
        assert!(!requests_key_frame(&nack, 0xBEEF));
        for bad in [
            &[][..],
            &[0x81, 206, 0, 9, 0, 0, 0, 1, 0, 0, 0xBE, 0xEF][..],
            &[0x41, 206, 0, 2][..],
        ] {
            assert!(!requests_key_frame(bad, 0xBEEF));
        }
        // Truncated PLI: length says 3 words, only the header is there.
        assert!(!requests_key_frame(&pli[..8], 0xBEEF));
    }

    #[test]
    fn parses_fixed_header() {
        let mut p = build(0xFFFE, 0xDEADBEEF, 0x01020304, &[], None, b"hello", 0);
        p[1] |= 0x80;
        let r = RtpPacket::parse(&p).unwrap();
        assert_eq!(r.sequence(), 0xFFFE);
        assert_eq!(r.timestamp(), 0xDEADBEEF);
        assert_eq!(r.ssrc(), 0x01020304);
        assert_eq!(r.payload_type(), 111);
        assert!(r.marker());
        assert!(!r.has_padding());
        assert_eq!(r.payload(), b"hello");
        assert_eq!(r.extensions().count(), 0);
    }

    #[test]
    fn csrcs_and_padding_are_skipped() {
        let p = build(1, 2, 3, &[7, 8], None, b"media", 4);
        let r = RtpPacket::parse(&p).unwrap();
        assert_eq!(r.csrc_count(), 2);
        assert_eq!(r.csrc(1), Some(8));
        assert_eq!(r.csrc(2), None);
        assert!(r.has_padding());
        assert_eq!(r.payload(), b"media");
    }

    #[test]
    fn one_byte_extensions() {
        // id 1 len 1 (audio level, V=1 level 42), a padding byte, id 3 len 3, then stop.
        let ext = [0x10, 0x80 | 42, 0x00, 0x32, 1, 2, 3];
        let p = build(1, 2, 3, &[], Some((0xBEDE, &ext)), b"x", 0);
        let r = RtpPacket::parse(&p).unwrap();
        assert_eq!(r.extension(3), Some(&[1u8, 2, 3][..]));
        assert_eq!(r.audio_level(1), Some(AudioLevel { voice: true, level: 42 }));
        assert_eq!(r.audio_level(2), None);
        assert_eq!(r.extensions().count(), 2);
        assert_eq!(r.payload(), b"x");
    }

    #[test]
    fn two_byte_extensions() {
        // id 1 len 1, padding, id 20 len 0, id 200 len 2.
        let ext = [1, 1, 0x2A, 0, 20, 0, 200, 2, 9, 9];
        let p = build(1, 2, 3, &[], Some((0x1000, &ext)), b"y", 0);
        let r = RtpPacket::parse(&p).unwrap();
        assert_eq!(
            r.audio_level(1),
            Some(AudioLevel {
                voice: false,
                level: 42
            })
        );
        assert_eq!(r.extension(20), Some(&[][..]));
        assert_eq!(r.extension(200), Some(&[9u8, 9][..]));
        // Any appbits nibble is the same form.
        let p = build(1, 2, 3, &[], Some((0x100F, &ext)), b"y", 0);
        assert_eq!(RtpPacket::parse(&p).unwrap().extension(200), Some(&[9u8, 9][..]));
    }

    #[test]
    fn unknown_profile_has_no_elements_but_payload_is_right() {
        let p = build(1, 2, 3, &[], Some((0x1234, &[1, 2, 3, 4])), b"z", 0);
        let r = RtpPacket::parse(&p).unwrap();
        assert_eq!(r.extensions().count(), 0);
        assert_eq!(r.payload(), b"z");
    }

    #[test]
    fn malformed_extension_element_ends_iteration() {
        // id 1 claims 16 bytes but the block has 3 left.
        let p = build(1, 2, 3, &[], Some((0xBEDE, &[0x2F, 1, 2, 3])), b"z", 0);
        let r = RtpPacket::parse(&p).unwrap();
        assert_eq!(r.extension(2), None);
        let p = build(1, 2, 3, &[], Some((0x1000, &[5, 200, 1, 2])), b"z", 0);
        assert_eq!(RtpPacket::parse(&p).unwrap().extension(5), None);
    }

    #[test]
    fn truncated_and_garbage_are_errors() {
        assert!(matches!(RtpPacket::parse(&[]), Err(RtpError::Truncated { .. })));
        assert!(matches!(RtpPacket::parse(&[0x80; 11]), Err(RtpError::Truncated { .. })));
        assert_eq!(RtpPacket::parse(&[0x40; 12]).unwrap_err(), RtpError::BadVersion(1));
        // CSRC count beyond the buffer.
        let mut p = build(1, 2, 3, &[], None, b"", 0);
        p[0] |= 0x0F;
        assert!(matches!(RtpPacket::parse(&p), Err(RtpError::Truncated { .. })));
        // Extension bit without a block, and a block longer than the buffer.
        let mut p = build(1, 2, 3, &[], None, b"", 0);
        p[0] |= 0x10;
        assert!(matches!(RtpPacket::parse(&p), Err(RtpError::Truncated { .. })));
        let mut p = build(1, 2, 3, &[], Some((0xBEDE, &[0x10, 1])), b"", 0);
        p[15] = 9;
        assert!(matches!(RtpPacket::parse(&p), Err(RtpError::Truncated { .. })));
        // Padding counts of zero or longer than the payload.
        let mut p = build(1, 2, 3, &[], None, b"abc", 2);
        *p.last_mut().unwrap() = 0;
        assert!(matches!(RtpPacket::parse(&p), Err(RtpError::BadPadding { .. })));
        *p.last_mut().unwrap() = 6;
        assert!(matches!(RtpPacket::parse(&p), Err(RtpError::BadPadding { .. })));
        // Padding that eats the whole payload is fine.
        *p.last_mut().unwrap() = 5;
        assert_eq!(RtpPacket::parse(&p).unwrap().payload(), b"");
    }

    #[test]
    fn fuzzed_bytes_never_panic() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let mut buf = [0u8; 64];
        for _ in 0..20_000 {
            let len = rng.random_range(0..buf.len());
            rng.fill(&mut buf[..len]);
            buf[0] = (buf[0] & 0x3F) | 0x80;
            if let Ok(p) = RtpPacket::parse(&buf[..len]) {
                let _ = p.extensions().count();
                let _ = p.payload().len();
                let _ = Vp8Packet::parse(p.payload());
            }
        }
    }

    #[test]
    fn writers_rewrite_in_place() {
        let mut p = build(1, 2, 3, &[], Some((0xBEDE, &[0x10, 5])), b"abc", 0);
        set_sequence(&mut p, 65535).unwrap();
        set_timestamp(&mut p, u32::MAX).unwrap();
        set_ssrc(&mut p, 0xCAFEBABE).unwrap();
        set_marker(&mut p, true).unwrap();
        set_payload_type(&mut p, 96).unwrap();
        let r = RtpPacket::parse(&p).unwrap();
        assert_eq!((r.sequence(), r.timestamp(), r.ssrc()), (65535, u32::MAX, 0xCAFEBABE));
        assert!(r.marker());
        assert_eq!(r.payload_type(), 96);
        assert_eq!(r.payload(), b"abc");
        set_marker(&mut p, false).unwrap();
        assert!(!RtpPacket::parse(&p).unwrap().marker());
        assert_eq!(RtpPacket::parse(&p).unwrap().payload_type(), 96);
        assert!(set_sequence(&mut [0u8; 5], 1).is_err());
        assert!(set_marker(&mut [], true).is_err());
    }

    #[test]
    fn vp8_key_frames() {
        // Minimal descriptor: S=1, PID=0, then a payload header with P=0.
        assert!(Vp8Packet::parse(&[0x10, 0x00, 0x9D]).unwrap().key_frame);
        // Same with P=1: inter frame.
        assert!(!Vp8Packet::parse(&[0x10, 0x01]).unwrap().key_frame);
        // Continuation packet (S=0): never a key frame start, whatever follows.
        let p = Vp8Packet::parse(&[0x00, 0x00]).unwrap();
        assert!(!p.frame_start && !p.key_frame);
        // S=1 but partition 1.
        assert!(!Vp8Packet::parse(&[0x11, 0x00]).unwrap().key_frame);
        // X with I (15-bit PictureID), L, T and K, then a key frame header.
        let p = Vp8Packet::parse(&[0x90, 0xF0, 0x81, 0x23, 0x07, 0x40, 0x00]).unwrap();
        assert_eq!(p.picture_id, Some(0x0123));
        assert!(p.key_frame && p.frame_start);
        assert_eq!(p.descriptor_len, 6);
        // 7-bit PictureID, K only.
        let p = Vp8Packet::parse(&[0x90, 0x90, 0x05, 0x20, 0x01]).unwrap();
        assert_eq!(p.picture_id, Some(5));
        assert!(!p.key_frame);
        // Truncated descriptors.
        for bad in [
            &[][..],
            &[0x90],
            &[0x90, 0x80],
            &[0x90, 0x80, 0x81],
            &[0x10],
            &[0x90, 0x40],
        ] {
            assert_eq!(Vp8Packet::parse(bad), Err(RtpError::Vp8Truncated), "{bad:?}");
        }
    }
}
