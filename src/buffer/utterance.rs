//! One utterance: its metadata and its packets, stored compactly with exact byte accounting.
//!
//! Packet bytes go back to back into chunks (one allocation per chunk, not per packet) and each
//! packet gets a 3-byte index entry: length, track, and the milliseconds since the previous
//! packet. Offsets and absolute arrival times are not stored: readers walk forward and carry
//! both in their cursor, which is how playout reads, and each chunk remembers where it starts
//! so a jump only walks one chunk. Per-packet bookkeeping is 3 bytes, 5 % of a 60-byte packet.
//!
//! Chunks grow geometrically (4 KiB, 4, 8, 16 ... up to 64 KiB) so a short utterance does not
//! reserve a large chunk, and when the utterance ends the last chunk and the index are shrunk to
//! fit, so a finished utterance is charged only a few bytes of slack.

use std::fmt;
use std::mem::size_of;
use std::sync::atomic::{AtomicU16, AtomicU32, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::RwLock;

use crate::topic::Topics;

/// Smallest chunk: about a second of Opus. Smaller chunks would mean more chunks and more
/// chunk-end slack for a typical 2-5 s utterance; the last chunk is shrunk at the end anyway.
pub(crate) const MIN_CHUNK: usize = 4 * 1024;
/// Largest chunk: bounds the slack of a growing utterance and the size of one allocation.
pub(crate) const MAX_CHUNK: usize = 64 * 1024;
/// Longest packet the 11-bit length field holds; WebRTC RTP stays under the 1500-byte MTU.
pub const MAX_PACKET_LEN: usize = (1 << 11) - 1;
/// Tracks are numbered on 1 bit: the speaker's audio and, optionally, video.
pub const MAX_TRACKS: usize = 2;
/// Longest gap between two packets the 12-bit delta holds; longer ones are stored as this.
/// Within an utterance gaps are bounded by the segmenter's hangover, far below.
pub(crate) const MAX_GAP_MS: u32 = (1 << 12) - 1;
/// `Body::end_ms` of an utterance still live.
const NOT_ENDED: u32 = u32::MAX;
/// Smallest index growth step, in entries (a bit over a second of 20 ms packets).
const MIN_INDEX_GROWTH: usize = 64;
/// What the registry spends per utterance besides the `Arc` itself: the map entry, the room's
/// set entry and the eviction-queue entry. An estimate of std's node layouts, kept as a
/// constant so the accounting is deterministic.
pub(crate) const REGISTRY_BYTES: usize = 64;

/// Store-wide identifier of an utterance; increases with creation time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UtteranceId(pub u64);

impl fmt::Display for UtteranceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "u{}", self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaKind {
    Audio,
    Video,
}

/// One of the utterance's tracks; a packet names its track by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Track {
    pub kind: MediaKind,
    /// RTP clock rate, which the rewriter needs to turn wall-clock gaps into timestamps.
    pub clock_rate: u32,
}

/// Who spoke: the authenticated user and the peer (connection) it spoke from. The recommender
/// compares `uid`s, so a user with two tabs still never hears themself.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Speaker {
    pub uid: Arc<str>,
    pub peer: Arc<str>,
}

/// What is known when an utterance opens.
#[derive(Debug, Clone)]
pub struct UtteranceMeta {
    pub room: Arc<str>,
    pub speaker: Speaker,
    pub tracks: Vec<Track>,
    /// The speaker's producers' topic tags when it opened (shared, not copied).
    pub topics: Topics,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UtteranceState {
    /// Still being spoken; readers follow its tail.
    Live,
    Complete,
    /// Ended early: the producer went away or the buffer refused more bytes.
    Truncated,
    /// Dropped from the buffer to make room; its packets are gone.
    Evicted,
    /// Taken out by a moderator; its packets are gone.
    Removed,
}

/// How a finished utterance ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndState {
    Complete,
    Truncated,
}

impl From<EndState> for UtteranceState {
    fn from(e: EndState) -> Self {
        match e {
            EndState::Complete => UtteranceState::Complete,
            EndState::Truncated => UtteranceState::Truncated,
        }
    }
}

/// Packed index entry, 24 bits: length (11) | track (1) | ms since the previous packet (12).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry([u8; 3]);

impl Entry {
    fn new(len: usize, track: u8, gap_ms: u32) -> Self {
        debug_assert!(len <= MAX_PACKET_LEN && usize::from(track) < MAX_TRACKS);
        let v = ((len as u32) << 13) | (u32::from(track) << 12) | gap_ms.min(MAX_GAP_MS);
        let [_, a, b, c] = v.to_be_bytes();
        Entry([a, b, c])
    }
    fn value(self) -> u32 {
        u32::from_be_bytes([0, self.0[0], self.0[1], self.0[2]])
    }
    pub(crate) fn len(self) -> usize {
        (self.value() >> 13) as usize
    }
    pub(crate) fn track(self) -> u8 {
        ((self.value() >> 12) & 1) as u8
    }
    pub(crate) fn gap_ms(self) -> u32 {
        self.value() & MAX_GAP_MS
    }
}

pub(crate) struct Chunk {
    bytes: Vec<u8>,
    /// Index of the first packet stored in this chunk.
    first_packet: u32,
    /// Arrival offset (ms) of the packet before `first_packet`, so a jump can start here.
    base_arrival_ms: u32,
}

/// Mutable part of an utterance, behind its lock.
pub(crate) struct Body {
    pub(crate) state: UtteranceState,
    /// When it ended, in ms after its start ([`NOT_ENDED`] while live): 4 bytes where an
    /// `Option<Instant>` takes 16, which pays for the topics in the fixed part.
    end_ms: u32,
    chunks: Vec<Chunk>,
    index: Vec<Entry>,
    /// Arrival offset of the last packet as readers will reconstruct it from the deltas.
    last_arrival_ms: u32,
    /// Its true arrival offset; differs only after a clamped gap, and deltas are taken from it
    /// so that the packets after a long gap keep their spacing.
    last_true_arrival_ms: u32,
    /// Bytes charged for `chunks` and `index` (capacities, not lengths).
    pub(crate) data_charge: usize,
}

/// Allocations an append needs before it can copy the packet in, worked out before taking the
/// write lock so that the bytes can be reserved (and room made) first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Growth {
    chunk: usize,
    index: usize,
    chunk_list: usize,
}

impl Growth {
    pub(crate) fn bytes(&self) -> usize {
        self.chunk + self.index * size_of::<Entry>() + self.chunk_list * size_of::<Chunk>()
    }
}

/// Where a packet is, found from the index.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Cursor {
    /// Next packet to read.
    pub(crate) index: usize,
    chunk: usize,
    offset: usize,
    /// Arrival offset (ms) of the packet before `index`.
    prev_arrival_ms: u32,
}

impl Cursor {
    pub(crate) fn at_start() -> Self {
        Self::default()
    }
}

impl Body {
    pub(crate) fn new() -> Self {
        Self {
            state: UtteranceState::Live,
            end_ms: NOT_ENDED,
            chunks: Vec::new(),
            index: Vec::new(),
            last_arrival_ms: 0,
            last_true_arrival_ms: 0,
            data_charge: 0,
        }
    }

    /// How long after `start` it ended, once it did.
    pub(crate) fn ended_after(&self) -> Option<Duration> {
        (self.end_ms != NOT_ENDED).then(|| Duration::from_millis(u64::from(self.end_ms)))
    }

    /// It ended `after` its start (to the ms; clamped below the marker).
    pub(crate) fn set_ended_after(&mut self, after: Duration) {
        self.end_ms = u32::try_from(after.as_millis()).unwrap_or(u32::MAX).min(NOT_ENDED - 1);
    }

    /// Packets stored so far.
    pub(crate) fn packet_count(&self) -> usize {
        self.index.len()
    }

    pub(crate) fn last_arrival(&self) -> Duration {
        Duration::from_millis(u64::from(self.last_arrival_ms))
    }

    /// What appending a packet of `len` bytes would allocate.
    pub(crate) fn growth_for(&self, len: usize) -> Growth {
        let mut g = Growth::default();
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.bytes.capacity() - c.bytes.len() >= len);
        if !fits {
            let stored: usize = self.chunks.iter().map(|c| c.bytes.capacity()).sum();
            g.chunk = stored.clamp(MIN_CHUNK, MAX_CHUNK).max(len);
            if self.chunks.len() == self.chunks.capacity() {
                g.chunk_list = self.chunks.capacity().max(2);
            }
        }
        if self.index.len() == self.index.capacity() {
            g.index = self.index.capacity().max(MIN_INDEX_GROWTH);
        }
        g
    }

    /// Appends a packet whose `growth` bytes the caller has already reserved.
    pub(crate) fn append(&mut self, growth: Growth, packet: &[u8], track: u8, arrival_ms: u32) {
        if growth.chunk_list > 0 {
            self.chunks.reserve_exact(growth.chunk_list);
        }
        if growth.chunk > 0 {
            self.chunks.push(Chunk {
                bytes: Vec::with_capacity(growth.chunk),
                first_packet: self.index.len() as u32,
                base_arrival_ms: self.last_arrival_ms,
            });
        }
        if growth.index > 0 {
            self.index.reserve_exact(growth.index);
        }
        self.data_charge += growth.bytes();
        debug_assert_eq!(self.data_charge, self.measured_charge());
        if let Some(chunk) = self.chunks.last_mut() {
            chunk.bytes.extend_from_slice(packet);
        }
        let gap = arrival_ms.saturating_sub(self.last_true_arrival_ms);
        let entry = Entry::new(packet.len(), track, gap);
        self.last_true_arrival_ms = self.last_true_arrival_ms.max(arrival_ms);
        self.last_arrival_ms += entry.gap_ms();
        self.index.push(entry);
    }

    /// Gives back the slack of the growth steps once nothing more will be appended; returns the
    /// bytes no longer charged.
    pub(crate) fn shrink(&mut self) -> usize {
        if let Some(chunk) = self.chunks.last_mut() {
            chunk.bytes.shrink_to_fit();
        }
        self.chunks.shrink_to_fit();
        self.index.shrink_to_fit();
        let before = self.data_charge;
        self.data_charge = self.measured_charge();
        before - self.data_charge
    }

    /// Frees every packet at once (eviction); returns the bytes no longer charged.
    pub(crate) fn clear(&mut self) -> usize {
        self.chunks = Vec::new();
        self.index = Vec::new();
        std::mem::take(&mut self.data_charge)
    }

    /// The charge worked out from the capacities actually held.
    pub(crate) fn measured_charge(&self) -> usize {
        self.chunks.iter().map(|c| c.bytes.capacity()).sum::<usize>()
            + self.index.capacity() * size_of::<Entry>()
            + self.chunks.capacity() * size_of::<Chunk>()
    }

    /// Copies packet `index` into `out`, moving `cursor` past it, and returns its track and
    /// arrival offset. Sequential reads are O(1); a jump walks the index from the start of the
    /// packet's chunk.
    pub(crate) fn read(&self, cursor: &mut Cursor, index: usize, out: &mut Vec<u8>) -> Option<(u8, Duration)> {
        let entry = *self.index.get(index)?;
        if cursor.index != index || cursor.chunk >= self.chunks.len() {
            let chunk = self
                .chunks
                .partition_point(|c| c.first_packet as usize <= index)
                .checked_sub(1)?;
            let first = self.chunks[chunk].first_packet as usize;
            let skipped = &self.index[first..index];
            *cursor = Cursor {
                index,
                chunk,
                offset: skipped.iter().map(|e| e.len()).sum(),
                prev_arrival_ms: self.chunks[chunk].base_arrival_ms + skipped.iter().map(|e| e.gap_ms()).sum::<u32>(),
            };
        }
        let mut chunk = &self.chunks[cursor.chunk];
        if cursor.offset + entry.len() > chunk.bytes.len() {
            // The packet did not fit the previous chunk, so it starts the next one.
            cursor.chunk += 1;
            cursor.offset = 0;
            chunk = self.chunks.get(cursor.chunk)?;
        }
        let bytes = chunk.bytes.get(cursor.offset..cursor.offset + entry.len())?;
        out.clear();
        out.extend_from_slice(bytes);
        cursor.offset += entry.len();
        cursor.index = index + 1;
        cursor.prev_arrival_ms += entry.gap_ms();
        Some((entry.track(), Duration::from_millis(u64::from(cursor.prev_arrival_ms))))
    }
}

/// An utterance as shared by its writer, its readers and the store's registry.
pub(crate) struct Utterance {
    pub(crate) id: UtteranceId,
    pub(crate) meta: UtteranceMeta,
    pub(crate) start: Instant,
    pub(crate) body: RwLock<Body>,
    pub(crate) charges: Charges,
    /// What the recommender knows of it besides its timing: written by the recorder (one
    /// writer: plain relaxed stores, no read-modify-write) and the feeds (plays, finishes).
    pub(crate) counters: FeatureCounters,
}

/// An utterance's features as counters, updated without a lock: 16 bytes per utterance.
#[derive(Default)]
pub(crate) struct FeatureCounters {
    audio_packets: AtomicU32,
    voiced_packets: AtomicU32,
    /// Sum of the RFC 6464 levels (-dBov); a packet without one counts as silence (127).
    level_sum: AtomicU32,
    plays: AtomicU16,
    finishes: AtomicU16,
}

impl FeatureCounters {
    /// One audio packet of the open utterance: `level` in -dBov (0 loudest) if it had one.
    /// Called by the single writer only, so load + store cannot lose an update; a few ns.
    pub(crate) fn note_audio(&self, level: Option<u8>, voiced: bool) {
        bump(&self.audio_packets, 1);
        if voiced {
            bump(&self.voiced_packets, 1);
        }
        bump(&self.level_sum, u32::from(level.unwrap_or(127).min(127)));
    }

    pub(crate) fn played(&self) {
        let _ = self
            .plays
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_add(1));
    }

    pub(crate) fn finished(&self) {
        let _ = self
            .finishes
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_add(1));
    }

    pub(crate) fn snapshot(&self) -> Features {
        Features {
            audio_packets: self.audio_packets.load(Ordering::Relaxed),
            voiced_packets: self.voiced_packets.load(Ordering::Relaxed),
            level_sum: self.level_sum.load(Ordering::Relaxed),
            plays: u32::from(self.plays.load(Ordering::Relaxed)),
            finishes: u32::from(self.finishes.load(Ordering::Relaxed)),
        }
    }
}

fn bump(counter: &AtomicU32, by: u32) {
    counter.store(counter.load(Ordering::Relaxed).saturating_add(by), Ordering::Relaxed);
}

/// The features of a buffered utterance the recorder and the feeds count as it is spoken and
/// played (its duration, liveness, start, speaker and room are in [`super::Candidate`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Features {
    /// Audio packets recorded after the onset (the pre-roll is not counted).
    pub audio_packets: u32,
    /// Of those, at or above the segmenter's offset level.
    pub voiced_packets: u32,
    /// Sum of the packets' RFC 6464 levels (-dBov; no level counts as 127).
    pub level_sum: u32,
    /// Feeds that started playing it, and that played it to its end (saturating at 65535).
    pub plays: u32,
    pub finishes: u32,
}

impl Features {
    /// Voiced packets over audio packets, 0..=1 (0 before any).
    pub fn speech_ratio(&self) -> f32 {
        if self.audio_packets == 0 {
            return 0.0;
        }
        self.voiced_packets as f32 / self.audio_packets as f32
    }

    /// Mean RFC 6464 level in -dBov (0 loudest, 127 silence), once a packet was counted.
    pub fn mean_level(&self) -> Option<f32> {
        (self.audio_packets > 0).then(|| self.level_sum as f32 / self.audio_packets as f32)
    }
}

impl Utterance {
    pub(crate) fn new(id: UtteranceId, meta: UtteranceMeta, start: Instant, charges: Charges) -> Self {
        Self {
            id,
            meta,
            start,
            body: RwLock::new(Body::new()),
            charges,
            counters: FeatureCounters::default(),
        }
    }

    /// Fixed bytes charged for this utterance, given back when the last handle drops.
    pub(crate) fn fixed_charge(&self) -> usize {
        Self::fixed_charge_for(&self.meta)
    }

    /// Bytes charged whatever the packets: the shared allocation holding this struct, the
    /// track list and the registry's entries. Speaker and room strings are shared with the
    /// room and peer (`Arc<str>`), so they are not charged per utterance.
    pub(crate) fn fixed_charge_for(meta: &UtteranceMeta) -> usize {
        // An Arc allocation holds two counters before the value.
        2 * size_of::<usize>() + size_of::<Utterance>() + meta.tracks.capacity() * size_of::<Track>() + REGISTRY_BYTES
    }
}

impl Drop for Utterance {
    fn drop(&mut self) {
        // Data bytes were given back when the utterance was evicted or dropped from the store;
        // what remains charged is the fixed part and any data never released.
        let data = self.body.get_mut().data_charge;
        self.charges.release(self.fixed_charge() + data);
    }
}

/// Where an utterance's bytes are charged: the global budget, its room's share and its
/// speaker's share. Every byte is reserved in all three and released from all three.
pub(crate) struct Charges {
    pub(crate) global: Arc<Accounting>,
    pub(crate) room: Arc<Share>,
    pub(crate) speaker: Arc<Share>,
}

/// Which limit a reservation ran into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Over {
    Speaker,
    Room,
    Cap,
}

impl Charges {
    /// Reserves `bytes` under the room's share, the speaker's share and the cap, or nothing.
    /// Three compare-and-swaps; no lock, no allocation.
    pub(crate) fn try_reserve(&self, bytes: usize) -> Result<(), Over> {
        if !self.room.try_reserve(bytes) {
            return Err(Over::Room);
        }
        if !self.speaker.try_reserve(bytes) {
            self.room.release(bytes);
            return Err(Over::Speaker);
        }
        if !self.global.try_reserve(bytes) {
            self.room.release(bytes);
            self.speaker.release(bytes);
            return Err(Over::Cap);
        }
        Ok(())
    }

    pub(crate) fn release(&self, bytes: usize) {
        self.speaker.release(bytes);
        self.room.release(bytes);
        self.global.release(bytes);
    }
}

/// The bytes a room or a speaker holds and the most it may hold. The limit moves as rooms and
/// speakers come and go (the store sets it under its registry lock); `used` may then be above
/// it until the owner's next reservation evicts its own oldest utterances.
#[derive(Debug, Default)]
pub(crate) struct Share {
    used: AtomicUsize,
    limit: AtomicUsize,
}

impl Share {
    pub(crate) fn new(limit: usize) -> Self {
        Self {
            used: AtomicUsize::new(0),
            limit: AtomicUsize::new(limit),
        }
    }

    pub(crate) fn used(&self) -> usize {
        self.used.load(Ordering::Acquire)
    }

    pub(crate) fn limit(&self) -> usize {
        self.limit.load(Ordering::Relaxed)
    }

    pub(crate) fn set_limit(&self, limit: usize) {
        self.limit.store(limit, Ordering::Relaxed);
    }

    /// How many bytes the share holds above its limit.
    pub(crate) fn over(&self) -> usize {
        self.used().saturating_sub(self.limit())
    }

    fn try_reserve(&self, bytes: usize) -> bool {
        let limit = self.limit();
        self.used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                used.checked_add(bytes).filter(|&after| after <= limit)
            })
            .is_ok()
    }

    fn release(&self, bytes: usize) {
        let previous = self.used.fetch_sub(bytes, Ordering::AcqRel);
        debug_assert!(previous >= bytes, "released more than reserved");
    }
}

/// The global byte budget. Reservation is a compare-and-swap so the cap holds at every moment,
/// including between concurrent appends of different utterances.
#[derive(Debug)]
pub(crate) struct Accounting {
    used: AtomicUsize,
    pub(crate) cap: usize,
}

impl Accounting {
    pub(crate) fn new(cap: usize) -> Self {
        Self {
            used: AtomicUsize::new(0),
            cap,
        }
    }

    pub(crate) fn used(&self) -> usize {
        self.used.load(Ordering::Acquire)
    }

    pub(crate) fn try_reserve(&self, bytes: usize) -> bool {
        self.used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                used.checked_add(bytes).filter(|&after| after <= self.cap)
            })
            .is_ok()
    }

    pub(crate) fn release(&self, bytes: usize) {
        let previous = self.used.fetch_sub(bytes, Ordering::AcqRel);
        debug_assert!(previous >= bytes, "released more than reserved");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn append(body: &mut Body, packet: &[u8], arrival_ms: u32) {
        let g = body.growth_for(packet.len());
        body.append(g, packet, ((arrival_ms / 20) % 2) as u8, arrival_ms);
    }

    #[test]
    fn entry_packing_round_trips() {
        let e = Entry::new(MAX_PACKET_LEN, 1, MAX_GAP_MS);
        assert_eq!((e.len(), e.track(), e.gap_ms()), (MAX_PACKET_LEN, 1, MAX_GAP_MS));
        let e = Entry::new(61, 0, 20);
        assert_eq!((e.len(), e.track(), e.gap_ms()), (61, 0, 20));
        assert_eq!(Entry::new(1, 0, 100_000).gap_ms(), MAX_GAP_MS);
        assert_eq!(std::mem::size_of::<Entry>(), 3);
    }

    #[test]
    fn arrivals_survive_long_gaps_and_jumps() {
        let mut body = Body::new();
        let arrivals = [0u32, 20, 40, 9000, 9020, 20_000, 300_000];
        for (i, a) in arrivals.iter().enumerate() {
            append(&mut body, &[i as u8; 1500], *a);
        }
        let mut out = Vec::new();
        let mut cursor = Cursor::at_start();
        let read: Vec<u32> = (0..arrivals.len())
            .map(|i| body.read(&mut cursor, i, &mut out).unwrap().1.as_millis() as u32)
            .collect();
        // Gaps over 4 s are clamped: pacing compresses them, nothing else changes.
        assert_eq!(read, [0, 20, 40, 4135, 4155, 8250, 12345]);
        assert_eq!(
            body.read(&mut Cursor::at_start(), 4, &mut out).unwrap().1.as_millis(),
            4155
        );
        assert_eq!(body.last_arrival().as_millis(), 12345);
    }

    #[test]
    fn packets_read_back_sequentially_and_by_jump() {
        let mut body = Body::new();
        let packets: Vec<Vec<u8>> = (0..2000u32)
            .map(|i| vec![i as u8; 40 + (i as usize * 7) % 1400])
            .collect();
        for (i, p) in packets.iter().enumerate() {
            append(&mut body, p, i as u32 * 20);
        }
        assert!(body.chunks.len() > 5);
        assert!(body.chunks.iter().all(|c| c.bytes.capacity() <= MAX_CHUNK));
        let mut out = Vec::new();
        let mut cursor = Cursor::at_start();
        for (i, p) in packets.iter().enumerate() {
            let (track, arrival) = body.read(&mut cursor, i, &mut out).unwrap();
            assert_eq!(&out, p);
            assert_eq!(arrival, Duration::from_millis(i as u64 * 20));
            assert_eq!(track, (i % 2) as u8);
        }
        assert!(body.read(&mut cursor, packets.len(), &mut out).is_none());
        for i in [1999, 0, 777, 778, 5, 1500] {
            let (_, arrival) = body.read(&mut cursor, i, &mut out).unwrap();
            assert_eq!(out, packets[i]);
            assert_eq!(arrival, Duration::from_millis(i as u64 * 20));
        }
    }

    #[test]
    fn charge_matches_capacities_through_growth_shrink_and_clear() {
        let mut body = Body::new();
        for i in 0..500u32 {
            append(&mut body, &[0u8; 90], i * 20);
            assert_eq!(body.data_charge, body.measured_charge());
        }
        let released = body.shrink();
        assert!(released > 0);
        assert_eq!(body.data_charge, body.measured_charge());
        // 45000 bytes of RTP; slack only at the ends of full chunks.
        assert!(body.data_charge < 45_000 + 500 * 3 + 1_000, "{}", body.data_charge);
        let charged = body.data_charge;
        assert_eq!(body.clear(), charged);
        assert_eq!(body.measured_charge(), 0);
    }

    #[test]
    fn accounting_never_passes_cap() {
        let a = Accounting::new(100);
        assert!(a.try_reserve(60));
        assert!(!a.try_reserve(41));
        assert!(a.try_reserve(40));
        assert!(!a.try_reserve(1));
        a.release(100);
        assert!(!a.try_reserve(usize::MAX));
        assert_eq!(a.used(), 0);
    }
}
