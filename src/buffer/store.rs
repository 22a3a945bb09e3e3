//! The utterance store: every room's utterances under one global byte cap.
//!
//! Concurrency: appends come from mediasoup callback threads (one [`UtteranceWriter`] per
//! utterance, so one writer each), reads from playout tasks. The per-packet paths touch only
//! the utterance's own lock, uncontended but for readers copying a packet out; the store-wide
//! registry lock is taken when an utterance opens, finishes, gains or loses a reader, when an
//! append needs a new chunk and the budget is short, and for listings and stats.
//!
//! Budget: bytes are reserved (a compare-and-swap on each of three counters: the speaker's
//! share, the room's share, the global cap) before anything is allocated, so the cap holds at
//! every moment. When a reservation fails, finished utterances are evicted oldest first, those
//! nobody reads before those being read; live ones never. Eviction frees the packets at once,
//! whoever still holds a handle: readers see [`ReadOutcome::Evicted`].
//!
//! Fair shares: a room may hold at most `max(room_share_floor × cap, cap / rooms)` and a speaker
//! `max(speaker_share_floor × room share, room share / speakers of the room)` (rooms and speakers
//! that hold utterances). Which utterance goes depends on the limit an append ran into: over its
//! speaker's share, that speaker's oldest; over its room's share, the oldest of the room's
//! speaker most over its own share, else the room's oldest; over the cap, from the room most
//! over its share the same way, else the oldest of all. A room that floods therefore evicts its
//! own utterances, never a quiet room's.
//!
//! Lock order: registry, then an utterance's body. Writers and readers never hold a body lock
//! while taking the registry.

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;
use thiserror::Error;

use super::utterance::{
    Accounting, Charges, Cursor, EndState, Features, Over, Share, Utterance, UtteranceId, UtteranceMeta,
    UtteranceState, MAX_PACKET_LEN, MAX_TRACKS,
};
use super::Speaker;
use crate::topic::Topics;

/// Default global cap: 1 GiB.
pub const DEFAULT_CAP_BYTES: usize = 1 << 30;
/// A room may always hold a quarter of the cap, more when fewer than four rooms share it.
pub const DEFAULT_ROOM_SHARE_FLOOR: f64 = 0.25;
/// A speaker may always hold a quarter of its room's share, more when fewer than four speakers
/// of the room share it: a lone speaker has the whole room's share, and one who sends
/// full-size packets in a busy room leaves at least three quarters to the others.
pub const DEFAULT_SPEAKER_SHARE_FLOOR: f64 = 0.25;

#[derive(Debug, Clone)]
pub struct StoreConfig {
    /// Bytes all utterances of all rooms may be charged together.
    pub cap_bytes: usize,
    /// The fraction of the cap (0..=1) a room may hold however many rooms there are.
    pub room_share_floor: f64,
    /// The fraction of its room's share (0..=1) a speaker may hold however many speakers
    /// the room has.
    pub speaker_share_floor: f64,
}

impl Default for StoreConfig {
    fn default() -> Self {
        Self {
            cap_bytes: DEFAULT_CAP_BYTES,
            room_share_floor: DEFAULT_ROOM_SHARE_FLOOR,
            speaker_share_floor: DEFAULT_SPEAKER_SHARE_FLOOR,
        }
    }
}

impl StoreConfig {
    /// What a room may hold while `rooms` rooms hold utterances.
    fn room_share(&self, rooms: usize) -> usize {
        let floor = (self.cap_bytes as f64 * self.room_share_floor.clamp(0.0, 1.0)) as usize;
        floor.max(self.cap_bytes / rooms.max(1))
    }

    /// What a speaker may hold in a room of share `room` and `speakers` speakers.
    fn speaker_share(&self, room: usize, speakers: usize) -> usize {
        let floor = (room as f64 * self.speaker_share_floor.clamp(0.0, 1.0)) as usize;
        floor.max(room / speakers.max(1))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoreError {
    /// Nothing more can be evicted: the caller closes its utterance as truncated.
    #[error("buffer full: {needed} more bytes do not fit under the {cap}-byte cap")]
    Full { needed: usize, cap: usize },
    /// The utterance's room or speaker holds its share and has nothing finished left to evict.
    #[error("{needed} more bytes do not fit in the {scope}'s {share}-byte share of the buffer")]
    OverShare {
        needed: usize,
        scope: &'static str,
        share: usize,
    },
    #[error("packet of {0} bytes cannot be stored (1..={MAX_PACKET_LEN})")]
    PacketSize(usize),
    #[error("track {0} is not one of the utterance's tracks")]
    UnknownTrack(u8),
    #[error("an utterance has 1..={MAX_TRACKS} tracks, not {0}")]
    TrackCount(usize),
    #[error("utterance {0} is not in the buffer (evicted or unknown)")]
    NotFound(UtteranceId),
    /// A moderator took the utterance out while it was being recorded: the writer stops.
    #[error("utterance {0} was removed by a moderator")]
    Removed(UtteranceId),
}

/// Which utterances a moderator takes out of the buffer.
#[derive(Debug, Clone)]
pub enum Removal {
    One(UtteranceId),
    /// Every utterance of the speaker `uid` in `room`.
    Speaker {
        room: Arc<str>,
        uid: Arc<str>,
    },
    /// Every utterance of the room.
    Room(Arc<str>),
}

/// What [`UtteranceStore::remove`] took out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Removed {
    pub ids: Vec<UtteranceId>,
    /// Data bytes freed at once; each utterance's fixed part follows when its last reader or
    /// writer lets go of it.
    pub bytes: usize,
}

/// An utterance as the recommender sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: UtteranceId,
    pub room: Arc<str>,
    pub speaker: Speaker,
    pub state: UtteranceState,
    pub start: Instant,
    /// So far, for a live one.
    pub duration: Duration,
    pub readers: u32,
    /// Speech ratio, level, plays and finishes so far.
    pub features: Features,
    /// Its producer's topic tags (shared with the utterance: a reference count, no copy).
    pub topics: Topics,
}

impl Candidate {
    pub fn is_live(&self) -> bool {
        self.state == UtteranceState::Live
    }
}

/// Store-wide numbers for `/metrics` and `sfu inspect` (the admin dump serializes them; per-room
/// numbers go into each room's part of it instead).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoreStats {
    pub bytes_used: usize,
    pub cap_bytes: usize,
    pub live: usize,
    pub finished: usize,
    /// Utterances evicted since start, and how many of them were being read.
    pub evictions: u64,
    pub evictions_while_read: u64,
    /// Appends refused because nothing more could be evicted.
    pub refused: u64,
    /// Utterances taken out by moderators since start.
    #[serde(default)]
    pub removals: u64,
    pub readers: u64,
    #[serde(skip)]
    pub rooms: Vec<RoomStats>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomStats {
    pub room: Arc<str>,
    /// Bytes charged for the room's utterances (fixed and data).
    pub bytes: usize,
    pub live: usize,
    pub finished: usize,
    pub readers: u64,
}

/// Store-wide handle; cheap to clone.
#[derive(Clone)]
pub struct UtteranceStore {
    shared: Arc<Shared>,
}

struct Shared {
    config: StoreConfig,
    accounting: Arc<Accounting>,
    registry: Mutex<Registry>,
    next_id: AtomicU64,
    evictions: AtomicU64,
    evictions_while_read: AtomicU64,
    refused: AtomicU64,
    removals: AtomicU64,
}

struct Entry {
    utterance: Arc<Utterance>,
    readers: u32,
    finished: bool,
}

#[derive(Default)]
struct Registry {
    entries: HashMap<UtteranceId, Entry>,
    rooms: HashMap<Arc<str>, RoomEntry>,
    /// Every finished utterance.
    finished: Queue,
}

/// A room holding utterances: their ids, its share, its finished ones, its speakers.
struct RoomEntry {
    ids: BTreeSet<UtteranceId>,
    share: Arc<Share>,
    finished: Queue,
    speakers: HashMap<Arc<str>, SpeakerEntry>,
}

/// A speaker (by uid) holding utterances in a room.
struct SpeakerEntry {
    /// Utterances in the registry, plus one while an `open` is reserving.
    utterances: usize,
    share: Arc<Share>,
    finished: Queue,
}

impl SpeakerEntry {
    fn new() -> Self {
        Self {
            utterances: 0,
            share: Arc::new(Share::new(0)),
            finished: Queue::default(),
        }
    }
}

/// Finished utterances, oldest (smallest id) first, split by whether anyone reads them so that
/// eviction takes the first of `unread`, else of `read`, in O(log n); and their data bytes:
/// what eviction could free at most.
#[derive(Default)]
struct Queue {
    unread: BTreeSet<UtteranceId>,
    read: BTreeSet<UtteranceId>,
    evictable: usize,
}

impl Queue {
    fn add(&mut self, id: UtteranceId, read: bool, data: usize) {
        if read {
            self.read.insert(id);
        } else {
            self.unread.insert(id);
        }
        self.evictable += data;
    }

    /// Moves a finished utterance between `unread` and `read`.
    fn mark(&mut self, id: UtteranceId, read: bool) {
        let (from, to) = if read {
            (&mut self.unread, &mut self.read)
        } else {
            (&mut self.read, &mut self.unread)
        };
        if from.remove(&id) {
            to.insert(id);
        }
    }

    fn remove(&mut self, id: UtteranceId, data: usize) {
        if self.unread.remove(&id) || self.read.remove(&id) {
            self.evictable -= data;
        }
    }

    fn oldest(&self) -> Option<UtteranceId> {
        self.unread.first().or_else(|| self.read.first()).copied()
    }

    /// Whether evicting everything here would make `bytes` fit in `share` holding `used`.
    fn could_fit(&self, used: usize, bytes: usize, limit: usize) -> bool {
        used.saturating_sub(self.evictable).saturating_add(bytes) <= limit
    }
}

impl RoomEntry {
    fn new() -> Self {
        Self {
            ids: BTreeSet::new(),
            share: Arc::new(Share::new(0)),
            finished: Queue::default(),
            speakers: HashMap::new(),
        }
    }

    /// The oldest finished utterance of the speaker most over its share, else of the room.
    fn victim(&self) -> Option<UtteranceId> {
        self.speakers
            .values()
            .filter(|s| s.share.over() > 0 && s.finished.oldest().is_some())
            .max_by_key(|s| s.share.over())
            .and_then(|s| s.finished.oldest())
            .or_else(|| self.finished.oldest())
    }
}

impl Registry {
    /// Runs `f` on every queue the utterance of `meta` belongs to: all, its room's, its speaker's.
    fn each_queue(&mut self, meta: &UtteranceMeta, mut f: impl FnMut(&mut Queue)) {
        f(&mut self.finished);
        if let Some(room) = self.rooms.get_mut(&meta.room) {
            f(&mut room.finished);
            if let Some(speaker) = room.speakers.get_mut(&meta.speaker.uid) {
                f(&mut speaker.finished);
            }
        }
    }
}

impl UtteranceStore {
    pub fn new(config: StoreConfig) -> Self {
        Self {
            shared: Arc::new(Shared {
                accounting: Arc::new(Accounting::new(config.cap_bytes)),
                config,
                registry: Mutex::new(Registry::default()),
                next_id: AtomicU64::new(1),
                evictions: AtomicU64::new(0),
                evictions_while_read: AtomicU64::new(0),
                refused: AtomicU64::new(0),
                removals: AtomicU64::new(0),
            }),
        }
    }

    /// Opens a live utterance; its fixed overhead is charged now.
    pub fn open(&self, meta: UtteranceMeta, start: Instant) -> Result<UtteranceWriter, StoreError> {
        if meta.tracks.is_empty() || meta.tracks.len() > MAX_TRACKS {
            return Err(StoreError::TrackCount(meta.tracks.len()));
        }
        let fixed = Utterance::fixed_charge_for(&meta);
        let mut reg = self.shared.registry.lock();
        let charges = self.shared.enter(&mut reg, &meta);
        if let Err(e) = self.shared.reserve_locked(&mut reg, &charges, &meta, fixed) {
            self.shared.leave(&mut reg, &meta);
            return Err(e);
        }
        let id = UtteranceId(self.shared.next_id.fetch_add(1, Ordering::Relaxed));
        let room = Arc::clone(&meta.room);
        let utterance = Arc::new(Utterance::new(id, meta, start, charges));
        reg.entries.insert(
            id,
            Entry {
                utterance: Arc::clone(&utterance),
                readers: 0,
                finished: false,
            },
        );
        if let Some(room) = reg.rooms.get_mut(&room) {
            room.ids.insert(id);
        }
        drop(reg);
        tracing::debug!(utterance = %id, "utterance opened");
        Ok(UtteranceWriter {
            utterance,
            shared: Arc::clone(&self.shared),
            finished: false,
        })
    }

    /// A reader positioned at the utterance's first packet. While it exists the utterance counts
    /// as read, which protects it from eviction as long as unread ones are left.
    pub fn reader(&self, id: UtteranceId) -> Result<UtteranceReader, StoreError> {
        let mut reg = self.shared.registry.lock();
        let reg = &mut *reg;
        let entry = reg.entries.get_mut(&id).ok_or(StoreError::NotFound(id))?;
        entry.readers += 1;
        let utterance = Arc::clone(&entry.utterance);
        if entry.finished && entry.readers == 1 {
            reg.each_queue(&utterance.meta, |q| q.mark(id, true));
        }
        Ok(UtteranceReader {
            utterance,
            shared: Arc::clone(&self.shared),
            cursor: Cursor::at_start(),
        })
    }

    /// The room's utterances still in the buffer, oldest first, into a reused vector.
    pub fn candidates(&self, room: &str, out: &mut Vec<Candidate>) {
        self.newest_candidates(room, usize::MAX, out);
    }

    /// Like [`Self::candidates`], but only the room's newest `max` utterances (still oldest
    /// first): what a feed's decision looks at, so that a switch costs the same with 500 or
    /// 50 000 utterances in the room.
    pub fn newest_candidates(&self, room: &str, max: usize, out: &mut Vec<Candidate>) {
        out.clear();
        let reg = self.shared.registry.lock();
        let Some(ids) = reg.rooms.get(room).map(|r| &r.ids) else {
            return;
        };
        out.reserve(ids.len().min(max));
        for id in ids.iter().rev().take(max) {
            if let Some(entry) = reg.entries.get(id) {
                let u = &entry.utterance;
                let body = u.body.read();
                let duration = body.ended_after().unwrap_or_else(|| body.last_arrival());
                out.push(Candidate {
                    id: *id,
                    room: Arc::clone(&u.meta.room),
                    speaker: u.meta.speaker.clone(),
                    state: body.state,
                    start: u.start,
                    duration,
                    readers: entry.readers,
                    features: u.counters.snapshot(),
                    topics: u.meta.topics.clone(),
                });
            }
        }
        drop(reg);
        out.reverse();
    }

    /// Takes utterances out now, live ones included (their writer's next append fails): their
    /// packets are freed, readers see [`ReadOutcome::Removed`], and they are no longer listed.
    pub fn remove(&self, which: &Removal) -> Removed {
        let mut reg = self.shared.registry.lock();
        let reg = &mut *reg;
        let ids: Vec<UtteranceId> = match which {
            Removal::One(id) => reg.entries.contains_key(id).then_some(*id).into_iter().collect(),
            Removal::Room(room) => reg
                .rooms
                .get(room)
                .map(|r| r.ids.iter().copied().collect())
                .unwrap_or_default(),
            Removal::Speaker { room, uid } => reg
                .rooms
                .get(room)
                .map(|r| {
                    r.ids
                        .iter()
                        .filter(|id| {
                            reg.entries
                                .get(id)
                                .is_some_and(|e| e.utterance.meta.speaker.uid == *uid)
                        })
                        .copied()
                        .collect()
                })
                .unwrap_or_default(),
        };
        let mut removed = Removed::default();
        for id in ids {
            if let Some(freed) = self.shared.drop_entry(reg, id, true) {
                removed.bytes += freed;
                removed.ids.push(id);
            }
        }
        self.shared
            .removals
            .fetch_add(removed.ids.len() as u64, Ordering::Relaxed);
        removed
    }

    pub fn bytes_used(&self) -> usize {
        self.shared.accounting.used()
    }

    pub fn stats(&self) -> StoreStats {
        let reg = self.shared.registry.lock();
        let mut rooms: Vec<RoomStats> = Vec::with_capacity(reg.rooms.len());
        let mut stats = StoreStats {
            bytes_used: self.shared.accounting.used(),
            cap_bytes: self.shared.accounting.cap,
            evictions: self.shared.evictions.load(Ordering::Relaxed),
            evictions_while_read: self.shared.evictions_while_read.load(Ordering::Relaxed),
            refused: self.shared.refused.load(Ordering::Relaxed),
            removals: self.shared.removals.load(Ordering::Relaxed),
            ..StoreStats::default()
        };
        for (room, entry) in &reg.rooms {
            let ids = &entry.ids;
            let mut rs = RoomStats {
                room: Arc::clone(room),
                bytes: 0,
                live: 0,
                finished: 0,
                readers: 0,
            };
            for entry in ids.iter().filter_map(|id| reg.entries.get(id)) {
                let u = &entry.utterance;
                rs.bytes += u.fixed_charge() + u.body.read().data_charge;
                rs.readers += u64::from(entry.readers);
                if entry.finished {
                    rs.finished += 1;
                } else {
                    rs.live += 1;
                }
            }
            stats.live += rs.live;
            stats.finished += rs.finished;
            stats.readers += rs.readers;
            rooms.push(rs);
        }
        rooms.sort_by(|a, b| a.room.cmp(&b.room));
        stats.rooms = rooms;
        stats
    }

    /// Checks each utterance's charge against the capacities it holds and returns what the
    /// registry's utterances are charged in total. That equals `bytes_used` unless a reader still
    /// holds an evicted utterance, whose fixed part stays charged until the handle drops.
    #[cfg(test)]
    pub(crate) fn audit(&self) -> usize {
        let reg = self.shared.registry.lock();
        let mut total = 0;
        for entry in reg.entries.values() {
            let body = entry.utterance.body.read();
            assert_eq!(body.data_charge, body.measured_charge(), "{}", entry.utterance.id);
            total += entry.utterance.fixed_charge() + body.data_charge;
        }
        assert!(self.shared.accounting.used() <= self.shared.accounting.cap);
        total
    }
}

impl Shared {
    /// Reserves `bytes` for `u`, evicting finished utterances when a share or the cap is short.
    fn reserve(&self, u: &Utterance, bytes: usize) -> Result<(), StoreError> {
        if u.charges.try_reserve(bytes).is_ok() {
            return Ok(());
        }
        let mut reg = self.registry.lock();
        self.reserve_locked(&mut reg, &u.charges, &u.meta, bytes)
    }

    fn reserve_locked(
        &self,
        reg: &mut Registry,
        charges: &Charges,
        meta: &UtteranceMeta,
        bytes: usize,
    ) -> Result<(), StoreError> {
        loop {
            let over = match charges.try_reserve(bytes) {
                Ok(()) => return Ok(()),
                Err(over) => over,
            };
            let Some(victim) = self.victim(reg, over, charges, meta, bytes) else {
                return Err(self.refuse(over, charges, meta, bytes));
            };
            self.evict(reg, victim);
        }
    }

    /// Which finished utterance goes to make room for `bytes` that ran into `over`; none when
    /// even evicting every candidate would not make them fit (nothing is evicted for nothing).
    fn victim(
        &self,
        reg: &Registry,
        over: Over,
        charges: &Charges,
        meta: &UtteranceMeta,
        bytes: usize,
    ) -> Option<UtteranceId> {
        match over {
            Over::Speaker => {
                let speaker = reg.rooms.get(&meta.room)?.speakers.get(&meta.speaker.uid)?;
                let share = &charges.speaker;
                let fits = speaker.finished.could_fit(share.used(), bytes, share.limit());
                fits.then(|| speaker.finished.oldest()).flatten()
            }
            Over::Room => {
                let room = reg.rooms.get(&meta.room)?;
                let share = &charges.room;
                let fits = room.finished.could_fit(share.used(), bytes, share.limit());
                fits.then(|| room.victim()).flatten()
            }
            Over::Cap => {
                if !reg
                    .finished
                    .could_fit(self.accounting.used(), bytes, self.accounting.cap)
                {
                    return None;
                }
                reg.rooms
                    .values()
                    .filter(|r| r.share.over() > 0 && r.finished.oldest().is_some())
                    .max_by_key(|r| r.share.over())
                    .and_then(RoomEntry::victim)
                    .or_else(|| reg.finished.oldest())
            }
        }
    }

    fn refuse(&self, over: Over, charges: &Charges, meta: &UtteranceMeta, bytes: usize) -> StoreError {
        self.refused.fetch_add(1, Ordering::Relaxed);
        let (scope, share) = match over {
            Over::Speaker => ("speaker", &charges.speaker),
            Over::Room => ("room", &charges.room),
            Over::Cap => ("cap", &charges.room),
        };
        // A share as large as the cap (a room alone, a speaker alone) is the cap.
        if over == Over::Cap || share.limit() >= self.accounting.cap {
            let (used, cap) = (self.accounting.used(), self.accounting.cap);
            tracing::warn!(needed = bytes, used, cap, "utterance buffer full");
            return StoreError::Full { needed: bytes, cap };
        }
        let (used, limit) = (share.used(), share.limit());
        tracing::warn!(room = %meta.room, speaker = %meta.speaker.uid, scope, needed = bytes, used, share = limit, "utterance buffer share full");
        StoreError::OverShare {
            needed: bytes,
            scope,
            share: limit,
        }
    }

    /// The charges of a new utterance of `meta`: its room's and speaker's entries, made if
    /// new (shares recomputed). The speaker counts the utterance from now; [`Shared::leave`]
    /// undoes this when the utterance cannot be opened.
    fn enter(&self, reg: &mut Registry, meta: &UtteranceMeta) -> Charges {
        if !reg.rooms.contains_key(&meta.room) {
            reg.rooms.insert(Arc::clone(&meta.room), RoomEntry::new());
            self.relimit(reg);
        }
        let room = reg.rooms.entry(Arc::clone(&meta.room)).or_insert_with(RoomEntry::new);
        let new_speaker = !room.speakers.contains_key(&meta.speaker.uid);
        let speaker = room
            .speakers
            .entry(Arc::clone(&meta.speaker.uid))
            .or_insert_with(SpeakerEntry::new);
        speaker.utterances += 1;
        let charges = Charges {
            global: Arc::clone(&self.accounting),
            room: Arc::clone(&room.share),
            speaker: Arc::clone(&speaker.share),
        };
        if new_speaker {
            self.relimit_room(room);
        }
        charges
    }

    /// One utterance of `meta`'s speaker fewer; drops the speaker's and the room's entries when
    /// they hold nothing any more, and recomputes the shares.
    fn leave(&self, reg: &mut Registry, meta: &UtteranceMeta) {
        let Some(room) = reg.rooms.get_mut(&meta.room) else {
            return;
        };
        if let Some(speaker) = room.speakers.get_mut(&meta.speaker.uid) {
            speaker.utterances = speaker.utterances.saturating_sub(1);
            if speaker.utterances == 0 {
                room.speakers.remove(&meta.speaker.uid);
                self.relimit_room(room);
            }
        }
        if room.ids.is_empty() && room.speakers.is_empty() {
            reg.rooms.remove(&meta.room);
            self.relimit(reg);
        }
    }

    /// Every room's and speaker's share, after the number of rooms changed.
    fn relimit(&self, reg: &mut Registry) {
        let share = self.config.room_share(reg.rooms.len());
        for room in reg.rooms.values_mut() {
            room.share.set_limit(share);
            self.relimit_room(room);
        }
    }

    /// The shares of a room's speakers, after the room's share or its speakers changed.
    fn relimit_room(&self, room: &mut RoomEntry) {
        let share = self.config.speaker_share(room.share.limit(), room.speakers.len());
        for speaker in room.speakers.values() {
            speaker.share.set_limit(share);
        }
    }

    /// Drops a finished utterance from the registry and frees its packets now.
    fn evict(&self, reg: &mut Registry, id: UtteranceId) {
        self.drop_entry(reg, id, false);
    }

    /// Drops an utterance from the registry and frees its packets now: evicted (finished ones
    /// only) or `removed` by a moderator (live ones too). Returns the data bytes freed.
    fn drop_entry(&self, reg: &mut Registry, id: UtteranceId, removed: bool) -> Option<usize> {
        let entry = reg.entries.remove(&id)?;
        let u = &entry.utterance;
        let (data, freed) = {
            let mut body = u.body.write();
            body.state = if removed {
                UtteranceState::Removed
            } else {
                UtteranceState::Evicted
            };
            (body.data_charge, body.clear())
        };
        if entry.finished {
            reg.each_queue(&u.meta, |q| q.remove(id, data));
        }
        if let Some(room) = reg.rooms.get_mut(&u.meta.room) {
            room.ids.remove(&id);
        }
        self.leave(reg, &u.meta);
        u.charges.release(freed);
        if removed {
            tracing::debug!(utterance = %id, freed, readers = entry.readers, "utterance removed");
            return Some(freed);
        }
        self.evictions.fetch_add(1, Ordering::Relaxed);
        if entry.readers > 0 {
            self.evictions_while_read.fetch_add(1, Ordering::Relaxed);
        }
        tracing::debug!(utterance = %id, freed, readers = entry.readers, "utterance evicted");
        Some(freed)
    }
}

/// The single writer of a live utterance, held by the tap of its broadcaster. Dropping it
/// without [`UtteranceWriter::finish`] ends the utterance as truncated.
pub struct UtteranceWriter {
    utterance: Arc<Utterance>,
    shared: Arc<Shared>,
    finished: bool,
}

impl UtteranceWriter {
    pub fn id(&self) -> UtteranceId {
        self.utterance.id
    }

    /// Counts one audio packet of the utterance for its features (the recorder calls it with
    /// the level it parsed): two or three relaxed stores, no lock.
    pub fn note_audio(&self, level: Option<u8>, voiced: bool) {
        self.utterance.counters.note_audio(level, voiced);
    }

    /// Appends one packet of `track`. Allocates only when the current chunk or the index is
    /// full, and reserves those bytes first; on [`StoreError::Full`] the caller should finish
    /// the utterance as truncated.
    pub fn append(&mut self, arrival: Instant, track: u8, packet: &[u8]) -> Result<(), StoreError> {
        if packet.is_empty() || packet.len() > MAX_PACKET_LEN {
            return Err(StoreError::PacketSize(packet.len()));
        }
        if usize::from(track) >= self.utterance.meta.tracks.len() {
            return Err(StoreError::UnknownTrack(track));
        }
        let offset = arrival.saturating_duration_since(self.utterance.start);
        let arrival_ms = u32::try_from(offset.as_millis()).unwrap_or(u32::MAX);
        let growth = {
            let mut body = self.utterance.body.write();
            if body.state == UtteranceState::Removed {
                return Err(StoreError::Removed(self.utterance.id));
            }
            let growth = body.growth_for(packet.len());
            if growth.bytes() == 0 {
                body.append(growth, packet, track, arrival_ms);
                return Ok(());
            }
            growth
        };
        // Reserving may evict, which takes the registry: not while holding our body lock. We
        // are the only writer, so the growth worked out above still holds after re-locking,
        // unless a moderator removed the utterance meanwhile.
        self.shared.reserve(&self.utterance, growth.bytes())?;
        let mut body = self.utterance.body.write();
        if body.state == UtteranceState::Removed {
            drop(body);
            self.utterance.charges.release(growth.bytes());
            return Err(StoreError::Removed(self.utterance.id));
        }
        body.append(growth, packet, track, arrival_ms);
        Ok(())
    }

    /// Ends the utterance: it becomes immutable, its slack is given back and it joins the
    /// eviction queue.
    pub fn finish(mut self, end: Instant, how: EndState) {
        self.close(end, how);
    }

    fn close(&mut self, end: Instant, how: EndState) {
        if std::mem::replace(&mut self.finished, true) {
            return;
        }
        let id = self.utterance.id;
        let mut reg = self.shared.registry.lock();
        let reg = &mut *reg;
        let (released, data) = {
            let mut body = self.utterance.body.write();
            if body.state == UtteranceState::Removed {
                // Removed by a moderator while live: nothing left to finish.
                return;
            }
            body.state = how.into();
            body.set_ended_after(end.saturating_duration_since(self.utterance.start));
            (body.shrink(), body.data_charge)
        };
        self.utterance.charges.release(released);
        if let Some(entry) = reg.entries.get_mut(&id) {
            entry.finished = true;
            let read = entry.readers > 0;
            reg.each_queue(&self.utterance.meta, |q| q.add(id, read, data));
        }
        tracing::debug!(utterance = %id, state = ?how, bytes = data, "utterance finished");
    }
}

impl Drop for UtteranceWriter {
    fn drop(&mut self) {
        if !self.finished {
            let end = self.utterance.start + self.utterance.body.read().last_arrival();
            self.close(end, EndState::Truncated);
        }
    }
}

/// What a reader found at its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOutcome {
    /// The packet was copied out; `arrival` is its offset from the utterance start.
    Packet { index: usize, arrival: Duration, track: u8 },
    /// Live utterance, caught up with its tail: try again later.
    NotYet,
    /// Every packet was read and the utterance is finished.
    Ended(EndState),
    /// The utterance was evicted; switch away.
    Evicted,
    /// A moderator took the utterance out; switch away and never play it again.
    Removed,
}

/// A playout's handle on one utterance: an `Arc` and a cursor, cheap to create per switch.
pub struct UtteranceReader {
    utterance: Arc<Utterance>,
    shared: Arc<Shared>,
    cursor: Cursor,
}

impl UtteranceReader {
    pub fn id(&self) -> UtteranceId {
        self.utterance.id
    }

    pub fn meta(&self) -> &UtteranceMeta {
        &self.utterance.meta
    }

    pub fn start(&self) -> Instant {
        self.utterance.start
    }

    /// A feed started playing this utterance (a feature other viewers' recommenders see).
    pub fn count_play(&self) {
        self.utterance.counters.played();
    }

    /// A feed played this utterance to its end.
    pub fn count_finish(&self) {
        self.utterance.counters.finished();
    }

    /// Packets stored so far (all tracks).
    pub fn packet_count(&self) -> usize {
        self.utterance.body.read().packet_count()
    }

    /// Index of the next packet [`UtteranceReader::read_next`] returns.
    pub fn position(&self) -> usize {
        self.cursor.index
    }

    /// Copies the next packet into `out` (reused by the caller) and advances.
    pub fn read_next(&mut self, out: &mut Vec<u8>) -> ReadOutcome {
        self.read_at(self.cursor.index, out)
    }

    /// Copies packet `index` into `out`; the next `read_next` continues after it.
    pub fn read_at(&mut self, index: usize, out: &mut Vec<u8>) -> ReadOutcome {
        let body = self.utterance.body.read();
        match body.state {
            UtteranceState::Evicted => return ReadOutcome::Evicted,
            UtteranceState::Removed => return ReadOutcome::Removed,
            _ => {}
        }
        if let Some((track, arrival)) = body.read(&mut self.cursor, index, out) {
            return ReadOutcome::Packet { index, arrival, track };
        }
        match body.state {
            UtteranceState::Live => ReadOutcome::NotYet,
            UtteranceState::Complete => ReadOutcome::Ended(EndState::Complete),
            UtteranceState::Truncated => ReadOutcome::Ended(EndState::Truncated),
            UtteranceState::Evicted => ReadOutcome::Evicted,
            UtteranceState::Removed => ReadOutcome::Removed,
        }
    }
}

impl Drop for UtteranceReader {
    fn drop(&mut self) {
        let id = self.utterance.id;
        let mut reg = self.shared.registry.lock();
        let reg = &mut *reg;
        if let Some(entry) = reg.entries.get_mut(&id) {
            entry.readers = entry.readers.saturating_sub(1);
            if entry.finished && entry.readers == 0 {
                reg.each_queue(&self.utterance.meta, |q| q.mark(id, false));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buffer::{MediaKind, Track};
    use rand::{Rng, SeedableRng};

    fn meta(room: &str, uid: &str) -> UtteranceMeta {
        UtteranceMeta {
            topics: Default::default(),
            room: room.into(),
            speaker: Speaker {
                uid: uid.into(),
                peer: format!("{uid}-peer").into(),
            },
            tracks: vec![Track {
                kind: MediaKind::Audio,
                clock_rate: 48_000,
            }],
        }
    }

    fn ms(t0: Instant, n: u64) -> Instant {
        t0 + Duration::from_millis(n)
    }

    /// An utterance of `n` packets of `len` bytes, 20 ms apart, finished complete.
    fn utterance(store: &UtteranceStore, t0: Instant, n: usize, len: usize) -> UtteranceId {
        let mut w = store.open(meta("r", "alice"), t0).unwrap();
        for i in 0..n {
            w.append(ms(t0, i as u64 * 20), 0, &vec![i as u8; len]).unwrap();
        }
        let id = w.id();
        w.finish(ms(t0, n as u64 * 20), EndState::Complete);
        id
    }

    fn ids(store: &UtteranceStore) -> Vec<u64> {
        let mut c = Vec::new();
        store.candidates("r", &mut c);
        c.iter().map(|c| c.id.0).collect()
    }

    #[test]
    fn newest_candidates_lists_the_newest_oldest_first() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let all: Vec<u64> = (0..5).map(|i| utterance(&store, ms(t0, i * 200), 3, 50).0).collect();
        let mut c = Vec::new();
        store.newest_candidates("r", 2, &mut c);
        assert_eq!(c.iter().map(|c| c.id.0).collect::<Vec<_>>(), all[3..]);
        store.newest_candidates("r", 99, &mut c);
        assert_eq!(c.iter().map(|c| c.id.0).collect::<Vec<_>>(), all);
        assert_eq!(ids(&store), all);
        store.newest_candidates("nowhere", 2, &mut c);
        assert!(c.is_empty());
    }

    #[test]
    fn overhead_per_utterance_is_under_ten_percent() {
        // 3 s utterances of 20 ms Opus packets, as the design targets.
        for len in [60usize, 90, 120] {
            let store = UtteranceStore::new(StoreConfig::default());
            utterance(&store, Instant::now(), 150, len);
            let rtp = 150 * len;
            let charged = store.audit();
            assert_eq!(charged, store.bytes_used());
            let overhead = (charged - rtp) as f64 / rtp as f64;
            println!(
                "{len}-byte packets, 3 s: {charged} bytes charged for {rtp} RTP bytes: {:.1} %",
                overhead * 100.0
            );
            assert!(overhead <= 0.10, "{len}: {overhead}");
        }
        // A 15 s monologue of 90-byte packets.
        let store = UtteranceStore::new(StoreConfig::default());
        utterance(&store, Instant::now(), 750, 90);
        let charged = store.audit();
        println!("90-byte packets, 15 s: {charged} bytes for {} RTP bytes", 750 * 90);
        assert!(charged as f64 <= 750.0 * 90.0 * 1.06);
    }

    #[test]
    fn read_live_utterance_while_it_grows() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let mut w = store.open(meta("r", "alice"), t0).unwrap();
        let mut r = store.reader(w.id()).unwrap();
        let mut out = Vec::new();
        assert_eq!(r.read_next(&mut out), ReadOutcome::NotYet);
        for i in 0..300u64 {
            w.append(ms(t0, i * 20), 0, &[i as u8; 80]).unwrap();
            assert_eq!(
                r.read_next(&mut out),
                ReadOutcome::Packet {
                    index: i as usize,
                    arrival: Duration::from_millis(i * 20),
                    track: 0
                }
            );
            assert_eq!(out, vec![i as u8; 80]);
            assert_eq!(r.read_next(&mut out), ReadOutcome::NotYet);
        }
        w.finish(ms(t0, 6000), EndState::Complete);
        assert_eq!(r.read_next(&mut out), ReadOutcome::Ended(EndState::Complete));
        assert!(matches!(r.read_at(7, &mut out), ReadOutcome::Packet { index: 7, .. }));
        assert_eq!(out, vec![7u8; 80]);
    }

    #[test]
    fn dropped_writer_truncates() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let mut w = store.open(meta("r", "alice"), t0).unwrap();
        w.append(t0, 0, &[1; 50]).unwrap();
        let id = w.id();
        drop(w);
        let mut r = store.reader(id).unwrap();
        let mut out = Vec::new();
        assert!(matches!(r.read_next(&mut out), ReadOutcome::Packet { .. }));
        assert_eq!(r.read_next(&mut out), ReadOutcome::Ended(EndState::Truncated));
        let mut c = Vec::new();
        store.candidates("r", &mut c);
        assert_eq!(c[0].state, UtteranceState::Truncated);
        assert_eq!(c[0].readers, 1);
    }

    #[test]
    fn bad_appends_are_errors() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let mut w = store.open(meta("r", "alice"), t0).unwrap();
        assert_eq!(w.append(t0, 0, &[]), Err(StoreError::PacketSize(0)));
        assert_eq!(w.append(t0, 0, &[0; 5000]), Err(StoreError::PacketSize(5000)));
        assert_eq!(w.append(t0, 1, &[0; 50]), Err(StoreError::UnknownTrack(1)));
        assert_eq!(w.append(t0, 2, &[0; 50]), Err(StoreError::UnknownTrack(2)));
        let mut m = meta("r", "bob");
        m.tracks.clear();
        assert!(matches!(store.open(m, t0), Err(StoreError::TrackCount(0))));
        assert!(matches!(store.reader(UtteranceId(999)), Err(StoreError::NotFound(_))));
    }

    #[test]
    fn eviction_takes_unread_first_then_read_never_live() {
        let t0 = Instant::now();
        let probe = UtteranceStore::new(StoreConfig::default());
        utterance(&probe, t0, 300, 100);
        let one = probe.bytes_used();
        let cap = one * 4;
        // The cap's order, with speaker shares off (alice and bob share the room).
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: cap,
            speaker_share_floor: 1.0,
            ..StoreConfig::default()
        });
        let a = utterance(&store, t0, 300, 100).0;
        let b = utterance(&store, t0, 300, 100).0;
        let c = utterance(&store, t0, 300, 100).0;
        let reader_a = store.reader(UtteranceId(a)).unwrap();
        // A live utterance grows until nothing is left to evict. Eviction order must be b (the
        // oldest unread), c, then a (read): what is left is always a suffix of [b, c, a].
        let mut live = store.open(meta("r", "bob"), t0).unwrap();
        let live_id = live.id().0;
        let allowed = [vec![a, b, c], vec![a, c], vec![a], vec![]];
        let mut seen = vec![];
        let mut n = 0u64;
        let err = loop {
            match live.append(ms(t0, n * 20), 0, &[0; 100]) {
                Ok(()) => n += 1,
                Err(e) => break e,
            }
            let mut left = ids(&store);
            assert_eq!(left.pop(), Some(live_id), "the live one stays");
            assert!(allowed.contains(&left), "{left:?}");
            if seen.last() != Some(&left) {
                seen.push(left);
            }
            assert!(store.bytes_used() <= cap);
        };
        assert!(matches!(err, StoreError::Full { .. }));
        // b and c went, in that order; a (read) goes too unless even evicting it would not have
        // made room, in which case the store refuses without evicting it for nothing.
        assert!(seen.contains(&vec![a, c]) && seen.contains(&vec![a]), "{seen:?}");
        let stats = store.stats();
        assert_eq!(stats.refused, 1);
        assert_eq!(stats.evictions, 2 + stats.evictions_while_read);
        drop(reader_a);
        assert_eq!(store.audit(), store.bytes_used());
    }

    #[test]
    fn reader_sees_evicted_and_memory_is_freed_at_once() {
        let t0 = Instant::now();
        let probe = UtteranceStore::new(StoreConfig::default());
        utterance(&probe, t0, 50, 100);
        let one = probe.bytes_used();
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: 2 * one,
            ..StoreConfig::default()
        });
        let a = utterance(&store, t0, 50, 100);
        let mut r = store.reader(a).unwrap();
        let mut out = Vec::new();
        assert!(matches!(r.read_next(&mut out), ReadOutcome::Packet { .. }));
        let before = store.bytes_used();
        // b needs a's room even though a is being read.
        utterance(&store, t0, 50, 100);
        assert_eq!(r.read_next(&mut out), ReadOutcome::Evicted);
        assert!(
            store.bytes_used() < before + one / 2,
            "a's packets are freed while read"
        );
        assert_eq!(ids(&store).len(), 1);
        let shell = r.utterance.fixed_charge();
        assert_eq!(
            store.bytes_used(),
            store.audit() + shell,
            "only the shell stays charged"
        );
        drop(r);
        assert_eq!(store.bytes_used(), store.audit());
    }

    #[test]
    fn cap_is_never_exceeded_under_random_appends() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(42);
        let cap = 200_000;
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: cap,
            ..StoreConfig::default()
        });
        let t0 = Instant::now();
        let rooms = ["r", "s", "t"];
        let mut writers: Vec<(UtteranceWriter, u64)> = Vec::new();
        let mut readers: Vec<UtteranceReader> = Vec::new();
        let mut out = Vec::new();
        let mut refused = 0;
        for step in 0..40_000u64 {
            match rng.random_range(0..100) {
                0..=2 if writers.len() < 8 => {
                    let room = rooms[rng.random_range(0..rooms.len())];
                    match store.open(meta(room, "x"), ms(t0, step)) {
                        Ok(w) => writers.push((w, 0)),
                        Err(_) => refused += 1,
                    }
                }
                3..=4 if !writers.is_empty() => {
                    let (w, n) = writers.swap_remove(rng.random_range(0..writers.len()));
                    w.finish(ms(t0, step + n), EndState::Complete);
                }
                5..=6 => {
                    let mut c = Vec::new();
                    store.candidates(rooms[rng.random_range(0..rooms.len())], &mut c);
                    if let Some(c) = c.first() {
                        readers.push(store.reader(c.id).unwrap());
                    }
                }
                7 if !readers.is_empty() => {
                    readers.swap_remove(rng.random_range(0..readers.len()));
                }
                8..=20 if !readers.is_empty() => {
                    let i = rng.random_range(0..readers.len());
                    readers[i].read_next(&mut out);
                }
                _ if !writers.is_empty() => {
                    let i = rng.random_range(0..writers.len());
                    let (w, n) = &mut writers[i];
                    let len = rng.random_range(1..1300);
                    match w.append(ms(t0, *n), 0, &vec![7; len]) {
                        Ok(()) => *n += 20,
                        Err(StoreError::Full { .. } | StoreError::OverShare { .. }) => {
                            refused += 1;
                            let (w, n) = writers.swap_remove(i);
                            w.finish(ms(t0, n), EndState::Truncated);
                        }
                        Err(e) => panic!("{e}"),
                    }
                }
                _ => {}
            }
            assert!(store.bytes_used() <= cap);
            let mut shells = std::collections::HashMap::new();
            for r in &readers {
                if r.utterance.body.read().state == UtteranceState::Evicted {
                    shells.insert(r.utterance.id, r.utterance.fixed_charge());
                }
            }
            assert_eq!(
                store.audit() + shells.values().sum::<usize>(),
                store.bytes_used(),
                "step {step}"
            );
        }
        readers.clear();
        assert_eq!(store.audit(), store.bytes_used());
        audit_shares(&store, false);
        let stats = store.stats();
        assert!(stats.evictions > 10, "{stats:?}");
        assert_eq!(stats.refused, refused);
        assert_eq!(stats.rooms.iter().map(|r| r.bytes).sum::<usize>(), stats.bytes_used);
        drop(writers);
        drop(store);
    }

    #[test]
    fn concurrent_append_and_read() {
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: 4 << 20,
            ..StoreConfig::default()
        });
        let t0 = Instant::now();
        let mut w = store.open(meta("r", "alice"), t0).unwrap();
        let mut r = store.reader(w.id()).unwrap();
        const N: u64 = 20_000;
        let writer = std::thread::spawn(move || {
            for i in 0..N {
                let len = 20 + (i as usize % 200);
                let mut p = vec![0u8; len];
                p[..8].copy_from_slice(&i.to_be_bytes());
                w.append(ms(t0, i / 50), 0, &p).unwrap();
            }
            w.finish(ms(t0, N), EndState::Complete);
        });
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            let mut next = 0u64;
            loop {
                match r.read_next(&mut out) {
                    ReadOutcome::Packet { index, .. } => {
                        assert_eq!(index as u64, next);
                        assert_eq!(out.len(), 20 + (next as usize % 200));
                        assert_eq!(u64::from_be_bytes(out[..8].try_into().unwrap()), next);
                        next += 1;
                    }
                    ReadOutcome::NotYet => std::thread::yield_now(),
                    ReadOutcome::Ended(EndState::Complete) => break next,
                    other => panic!("{other:?}"),
                }
            }
        });
        writer.join().unwrap();
        assert_eq!(reader.join().unwrap(), N);
        assert_eq!(store.audit(), store.bytes_used());
    }

    /// A finished utterance of `n` packets of `len` bytes by `uid` in `room`.
    fn said(store: &UtteranceStore, room: &str, uid: &str, t0: Instant, n: usize, len: usize) -> UtteranceId {
        let mut w = store.open(meta(room, uid), t0).unwrap();
        for i in 0..n {
            w.append(ms(t0, i as u64 * 20), 0, &vec![1; len]).unwrap();
        }
        let id = w.id();
        w.finish(ms(t0, n as u64 * 20), EndState::Complete);
        id
    }

    fn room_ids(store: &UtteranceStore, room: &str) -> Vec<UtteranceId> {
        let mut c = Vec::new();
        store.candidates(room, &mut c);
        c.iter().map(|c| c.id).collect()
    }

    /// Each room's and speaker's share is charged exactly its utterances (no reader holds an
    /// evicted one), and, if `within`, none is over its share.
    fn audit_shares(store: &UtteranceStore, within: bool) {
        let reg = store.shared.registry.lock();
        for room in reg.rooms.values() {
            let mut total = 0;
            let mut per_speaker: HashMap<&str, usize> = HashMap::new();
            for entry in room.ids.iter().filter_map(|id| reg.entries.get(id)) {
                let u = &entry.utterance;
                let charge = u.fixed_charge() + u.body.read().data_charge;
                total += charge;
                *per_speaker.entry(&u.meta.speaker.uid).or_default() += charge;
            }
            assert_eq!(room.share.used(), total);
            assert!(!within || room.share.used() <= room.share.limit());
            for (uid, speaker) in &room.speakers {
                assert_eq!(speaker.share.used(), per_speaker.get(&**uid).copied().unwrap_or(0));
                assert!(!within || speaker.share.used() <= speaker.share.limit());
            }
        }
    }

    #[test]
    fn a_flooding_room_evicts_its_own_utterances_not_a_quiet_room_s() {
        let cap = 1 << 20;
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: cap,
            ..StoreConfig::default()
        });
        let t0 = Instant::now();
        // The quiet room spoke first: its utterances are the oldest in the buffer.
        let quiet: Vec<_> = (0..5).map(|_| said(&store, "quiet", "q", t0, 100, 80)).collect();
        // The loud room sends full-size packets, 40 utterances of ~240 KB: ten times the cap.
        for _ in 0..40 {
            said(&store, "loud", "l", t0, 200, 1200);
            assert!(store.bytes_used() <= cap);
            assert_eq!(room_ids(&store, "quiet"), quiet, "the quiet room keeps its utterances");
            audit_shares(&store, true);
        }
        let stats = store.stats();
        let loud = stats.rooms.iter().find(|r| &*r.room == "loud").unwrap();
        assert!(
            loud.bytes <= cap / 2,
            "two rooms: each may hold half the cap, not {}",
            loud.bytes
        );
        assert!(loud.bytes > cap / 4, "but it does use its half: {}", loud.bytes);
        assert!(stats.evictions > 30, "{stats:?}");
        assert_eq!(store.audit(), store.bytes_used());
    }

    #[test]
    fn a_loud_speaker_evicts_their_own_utterances_first() {
        let cap = 1 << 20;
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: cap,
            ..StoreConfig::default()
        });
        let t0 = Instant::now();
        let quiet: Vec<_> = (0..5).map(|_| said(&store, "r", "quiet", t0, 100, 80)).collect();
        for _ in 0..40 {
            said(&store, "r", "loud", t0, 200, 1200);
            assert!(store.bytes_used() <= cap);
            let left = room_ids(&store, "r");
            assert!(quiet.iter().all(|id| left.contains(id)), "{left:?}");
            audit_shares(&store, true);
        }
        // One room: its share is the cap; two speakers: the loud one may hold half of it.
        let reg = store.shared.registry.lock();
        let room = &reg.rooms["r"];
        assert_eq!(room.share.limit(), cap);
        assert_eq!(room.speakers["loud"].share.limit(), cap / 2);
        assert!(room.speakers["loud"].share.used() > cap / 4);
    }

    #[test]
    fn shares_follow_the_rooms_and_speakers_holding_utterances() {
        let cap = 1 << 20;
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: cap,
            room_share_floor: 0.25,
            speaker_share_floor: 0.5,
        });
        let t0 = Instant::now();
        let limits = |room: &str, uid: &str| {
            let reg = store.shared.registry.lock();
            let r = &reg.rooms[room];
            (r.share.limit(), r.speakers[uid].share.limit())
        };
        let first = said(&store, "a", "x", t0, 10, 80);
        assert_eq!(limits("a", "x"), (cap, cap), "one room, one speaker: the whole cap");
        said(&store, "b", "y", t0, 10, 80);
        assert_eq!(limits("a", "x"), (cap / 2, cap / 2));
        for room in ["c", "d", "e", "f", "g", "h"] {
            said(&store, room, "z", t0, 10, 80);
        }
        assert_eq!(
            limits("a", "x"),
            (cap / 4, cap / 4),
            "eight rooms: the floor, a quarter"
        );
        for uid in ["u", "v", "w"] {
            said(&store, "a", uid, t0, 10, 80);
        }
        assert_eq!(
            limits("a", "x"),
            (cap / 4, cap / 8),
            "four speakers: half of the room's share"
        );
        // A room whose last utterance goes stops counting.
        let reg = &mut *store.shared.registry.lock();
        for id in room_ids_locked(reg, "b") {
            store.shared.evict(reg, id);
        }
        assert!(!reg.rooms.contains_key("b"));
        assert_eq!(reg.rooms["a"].share.limit(), cap / 4);
        let _ = first;
    }

    fn room_ids_locked(reg: &Registry, room: &str) -> Vec<UtteranceId> {
        reg.rooms[room].ids.iter().copied().collect()
    }

    #[test]
    fn a_room_alone_over_its_share_is_refused_without_evicting_others() {
        // A room may hold a quarter of the cap when four others hold utterances; a single live
        // utterance bigger than that is cut, and nothing of the others is evicted for it.
        let cap = 1 << 20;
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: cap,
            ..StoreConfig::default()
        });
        let t0 = Instant::now();
        let others: Vec<_> = ["a", "b", "c", "d"]
            .iter()
            .map(|room| said(&store, room, "x", t0, 10, 80))
            .collect();
        let mut w = store.open(meta("big", "y"), t0).unwrap();
        let mut n = 0u64;
        let err = loop {
            match w.append(ms(t0, n * 20), 0, &[0; 2000]) {
                Ok(()) => n += 1,
                Err(e) => break e,
            }
            assert!(n < 10_000);
        };
        assert!(
            matches!(err, StoreError::OverShare { scope: "room", share, .. } if share == cap / 4),
            "{err}"
        );
        for (room, id) in ["a", "b", "c", "d"].iter().zip(&others) {
            assert_eq!(room_ids(&store, room), vec![*id]);
        }
        assert_eq!(store.stats().evictions, 0);
    }

    #[test]
    fn removal_frees_exact_bytes_and_readers_see_removed() {
        let t0 = Instant::now();
        let store = UtteranceStore::new(StoreConfig::default());
        let empty = store.bytes_used();
        let a = said(&store, "r", "alice", t0, 50, 100);
        let with_a = store.bytes_used();
        let b = said(&store, "r", "bob", t0, 50, 100);
        let mut r = store.reader(a).unwrap();
        let mut out = Vec::new();
        assert!(matches!(r.read_next(&mut out), ReadOutcome::Packet { .. }));
        let removed = store.remove(&Removal::One(a));
        assert_eq!(removed.ids, [a]);
        assert!(removed.bytes >= 50 * 100, "{removed:?}");
        assert_eq!(r.read_next(&mut out), ReadOutcome::Removed);
        assert_eq!(room_ids(&store, "r"), [b], "never listed again");
        assert!(store.reader(a).is_err());
        drop(r);
        assert_eq!(store.bytes_used(), store.audit());
        assert_eq!(store.bytes_used(), with_a, "b alone costs what a alone did");
        assert_eq!(store.remove(&Removal::One(a)), Removed::default(), "twice is nothing");
        assert_eq!(store.stats().removals, 1);
        assert_eq!(store.stats().evictions, 0, "a removal is not an eviction");
        store.remove(&Removal::One(b));
        assert_eq!(store.bytes_used(), empty, "every byte back");
        assert!(
            store.stats().rooms.is_empty(),
            "the room's entry goes with its last utterance"
        );
    }

    #[test]
    fn removing_a_live_utterance_stops_its_writer() {
        let t0 = Instant::now();
        let store = UtteranceStore::new(StoreConfig::default());
        let mut w = store.open(meta("r", "alice"), t0).unwrap();
        w.append(t0, 0, &[1; 100]).unwrap();
        let id = w.id();
        let removed = store.remove(&Removal::Speaker {
            room: "r".into(),
            uid: "alice".into(),
        });
        assert_eq!(removed.ids, [id]);
        assert_eq!(w.append(ms(t0, 20), 0, &[1; 100]), Err(StoreError::Removed(id)));
        w.finish(ms(t0, 40), EndState::Complete);
        assert_eq!(store.bytes_used(), 0);
        assert_eq!(store.audit(), 0);
        let again = said(&store, "r", "alice", t0, 3, 10);
        assert_eq!(room_ids(&store, "r"), [again], "the speaker records again afterwards");
    }

    #[test]
    fn removal_by_speaker_and_by_room_takes_only_theirs() {
        let t0 = Instant::now();
        let store = UtteranceStore::new(StoreConfig::default());
        let a1 = said(&store, "r", "alice", t0, 5, 100);
        let b1 = said(&store, "r", "bob", t0, 5, 100);
        let a2 = said(&store, "r", "alice", t0, 5, 100);
        let other = said(&store, "s", "alice", t0, 5, 100);
        let removed = store.remove(&Removal::Speaker {
            room: "r".into(),
            uid: "alice".into(),
        });
        assert_eq!(removed.ids, [a1, a2]);
        assert_eq!(room_ids(&store, "r"), [b1]);
        assert_eq!(
            room_ids(&store, "s"),
            [other],
            "another room's utterances of the same uid stay"
        );
        assert_eq!(store.remove(&Removal::Room("r".into())).ids, [b1]);
        assert!(room_ids(&store, "r").is_empty());
        assert_eq!(store.remove(&Removal::Room("nowhere".into())), Removed::default());
        assert_eq!(store.bytes_used(), store.audit());
        audit_shares(&store, true);
    }

    #[test]
    fn stats_per_room() {
        let store = UtteranceStore::new(StoreConfig::default());
        let t0 = Instant::now();
        let _live = store.open(meta("a", "x"), t0).unwrap();
        let done = store.open(meta("b", "y"), t0).unwrap();
        let id = done.id();
        done.finish(t0, EndState::Complete);
        let _r = store.reader(id).unwrap();
        let s = store.stats();
        assert_eq!((s.live, s.finished, s.readers), (1, 1, 1));
        assert_eq!(s.rooms.len(), 2);
        assert_eq!((s.rooms[0].live, s.rooms[1].finished, s.rooms[1].readers), (1, 1, 1));
        assert_eq!(s.bytes_used, store.audit());
    }
}
