//! Shared playouts: feeds that start the same utterance at the same grid instant on the same
//! DirectTransport hear it through one producer instead of one each.
//!
//! Every feed keeps its own producer and its own playout (its state machine, signals and
//! events are unchanged), but while it *follows* a shared playout it sends nothing: its
//! viewer's consumer has been moved (`Consumer::change_producer`, a patch of the vendored
//! worker and crate) to a *carrier*, a producer of the engine's, into which the shared playout
//! sends each packet once. The worker then pays the ingest of a packet once for the whole
//! group, as it does for a live producer, and fans it out to the consumers.
//!
//! What keeps a viewer's stream one stream across moves:
//! - sequence numbers: the worker re-syncs a moved consumer's outgoing numbers on the next
//!   packet, so they stay contiguous; each producer's own numbers stay contiguous because a
//!   producer is only ever written by one rewriter (the feed's own, or the carrier's);
//! - timestamps: every feed's and carrier's audio is on the engine's one [`Timeline`], and
//!   audio is paced by its RTP time on the grid, so a packet's timestamp is the timeline's time
//!   of its due instant, whichever producer carries it. A feed joins a group only before the
//!   group's first packet, and its own last packet was due before that.
//!
//! Ordering: a move is queued to the worker (`change_producer` queues at once) when the group
//! forms or the feed leaves, within the engine turn, before that turn's batch is sent; the
//! group's first packet is due at a later grid instant.
//!
//! Only audio-only feeds share (a video feed's pictures follow its own key frame requests).

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, Instant};

use futures_util::stream::{FuturesUnordered, StreamExt};
use mediasoup::consumer::WeakConsumer;
use mediasoup::direct_transport::DirectTransport;
use mediasoup::prelude::{MediaKind as SoupKind, Producer, ProducerId, ProducerOptions, Transport, TransportId};

use super::feed::StartingPlayouts;
use super::outbox::Outboxes;
use super::playout::{Playout, PlayoutStep};
use super::rewriter::{Rewrite, Rewriter, RewriterConfig, Timeline};
use super::{Pacer, SwitchReason};
use crate::buffer::{MediaKind, UtteranceId, UtteranceStore};
use crate::codecs::FeedCodecs;

/// After catching up with a live utterance's tail, a group polls again this soon.
const LIVE_POLL: Duration = Duration::from_millis(10);

/// What the engine's pacer schedules: a viewer's feed, or a shared playout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Due<K> {
    Feed(K),
    Group(u64),
}

/// Where a playout plays: the transport, the utterance and its start instant.
pub(crate) type PlayoutKey = (TransportId, UtteranceId, Instant);

type Move<K> = Pin<Box<dyn Future<Output = (K, bool, Result<(), mediasoup::worker::RequestError>)> + Send>>;
type Made = Pin<Box<dyn Future<Output = (TransportId, u32, Result<Producer, String>)> + Send>>;

/// A producer of the engine's that groups borrow, with the one rewriter that writes it.
struct Carrier {
    /// Held: the producer closes with it.
    producer: Producer,
    rewriter: Rewriter,
}

/// The carriers of one DirectTransport.
struct Pool {
    transport: DirectTransport,
    codecs: FeedCodecs,
    idle: Vec<Carrier>,
    /// Carriers made, idle or lent.
    made: usize,
    making: bool,
    /// Audio-only feeds on the transport: half of them is as many groups as there can be.
    feeds: usize,
}

struct Group {
    key: PlayoutKey,
    carrier: Option<Carrier>,
    playout: Playout,
    members: HashSet<K0>,
    /// The first packet is out: nobody joins any more.
    started: bool,
    /// Nothing more to send (the utterance ended, was evicted or removed); the carrier waits
    /// for the members to leave before another group may use it.
    ended: bool,
}

/// The engine's feed keys, as groups see them.
type K0 = super::engine::FeedKey;

/// What the engine tells the sharing layer about a feed that switched this turn.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Changed {
    pub key: K0,
    /// Its transport and what it plays now, if anything.
    pub playing: Option<PlayoutKey>,
    /// Audio-only.
    pub shareable: bool,
}

/// A feed's viewer consumer and its own producer, where the consumer goes back to.
pub(crate) struct Handles {
    pub consumer: WeakConsumer,
    pub own: Producer,
}

/// How the sharing layer finds a feed's [`Handles`].
pub(crate) type Lookup<'a> = &'a dyn Fn(K0) -> Option<Handles>;

/// Counters the engine publishes.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct SharingCounts {
    pub groups: u64,
    pub joins: u64,
    pub packets: u64,
    pub moves: u64,
    pub parked: u64,
    pub unparked: u64,
}

/// Shared playouts of every transport.
pub(crate) struct Sharing {
    /// Off: every feed plays on its own producer (no carriers are made).
    enabled: bool,
    timeline: Timeline,
    period: Duration,
    pools: HashMap<TransportId, Pool>,
    groups: HashMap<u64, Group>,
    by_key: HashMap<PlayoutKey, u64>,
    member_of: HashMap<K0, u64>,
    /// Feeds that started a playout not begun yet, by playout, until a group forms or it
    /// begins.
    forming: HashMap<PlayoutKey, Vec<K0>>,
    forming_of: HashMap<K0, PlayoutKey>,
    /// The carrier each following feed's consumer was last moved to: a feed that goes from
    /// one group to the next on the same carrier (a group's members that pick the same next
    /// utterance usually get the carrier their last group just gave back) is not moved.
    moved_to: HashMap<K0, ProducerId>,
    next_group: u64,
    moves: FuturesUnordered<Move<K0>>,
    made: FuturesUnordered<Made>,
    buf: Vec<u8>,
    pub counts: SharingCounts,
    /// What feeds start, for the decisions of the same turn and of later ones before then.
    pub starts: Starts,
}

/// The utterances feeds start, by transport and grid instant, still ahead: a feed deciding
/// what to play next is told those at the instant its own would start, so that it may join
/// one (`ViewerContext::starting`). Recorded as each feed switches, not at the end of the
/// turn: the members of a group that ends all decide in one turn, one after the other.
#[derive(Default)]
pub(crate) struct Starts {
    by: HashMap<(TransportId, Instant), Vec<UtteranceId>>,
}

impl Starts {
    pub fn record(&mut self, transport: TransportId, utterance: UtteranceId, at: Instant) {
        let ids = self.by.entry((transport, at)).or_default();
        if !ids.contains(&utterance) {
            ids.push(utterance);
        }
    }

    /// Forgets the instants that are no longer ahead (nobody can join a playout that began).
    pub fn expire(&mut self, now: Instant) {
        if !self.by.is_empty() {
            self.by.retain(|k, _| k.1 > now);
        }
    }

    /// What the feeds of `transport` start.
    pub fn on(&self, transport: TransportId) -> StartsOn<'_> {
        StartsOn {
            starts: self,
            transport,
        }
    }
}

/// [`Starts`] of one transport.
pub(crate) struct StartsOn<'a> {
    starts: &'a Starts,
    transport: TransportId,
}

impl StartingPlayouts for StartsOn<'_> {
    fn starting_at(&self, at: Instant, out: &mut Vec<UtteranceId>) {
        if let Some(ids) = self.starts.by.get(&(self.transport, at)) {
            out.extend_from_slice(ids);
        }
    }
}

impl Sharing {
    pub fn new(timeline: Timeline, period: Duration, enabled: bool) -> Sharing {
        Sharing {
            enabled,
            timeline,
            period,
            pools: HashMap::new(),
            groups: HashMap::new(),
            by_key: HashMap::new(),
            member_of: HashMap::new(),
            forming: HashMap::new(),
            forming_of: HashMap::new(),
            moved_to: HashMap::new(),
            next_group: 0,
            moves: FuturesUnordered::new(),
            made: FuturesUnordered::new(),
            buf: Vec::with_capacity(1500),
            counts: SharingCounts::default(),
            starts: Starts::default(),
        }
    }

    /// An audio-only feed came to `transport`: from the second on, a carrier is made ahead of
    /// the first group.
    pub fn feed_added(&mut self, transport: &DirectTransport, codecs: FeedCodecs) {
        if !self.enabled {
            return;
        }
        let pool = self.pools.entry(transport.id()).or_insert_with(|| Pool {
            transport: transport.clone(),
            codecs,
            idle: Vec::new(),
            made: 0,
            making: false,
            feeds: 0,
        });
        pool.feeds += 1;
        let id = transport.id();
        self.top_up(id);
    }

    /// A feed ended (its consumer goes with it: nothing to move back).
    pub fn feed_removed(&mut self, key: K0, transport: TransportId, audio_only: bool, pacer: &mut Pacer<Due<K0>>) {
        self.leave_forming(key);
        self.moved_to.remove(&key);
        if let Some(gid) = self.member_of.remove(&key) {
            self.drop_member(gid, key, pacer);
        }
        if audio_only {
            if let Some(pool) = self.pools.get_mut(&transport) {
                pool.feeds = pool.feeds.saturating_sub(1);
                if pool.feeds == 0 && !self.groups.values().any(|g| g.key.0 == transport) {
                    // Every carrier is idle: they close with the pool.
                    self.pools.remove(&transport);
                }
            }
        }
    }

    /// A feed on `transport` switched to `playing` (utterance, start instant): later decisions
    /// may join it.
    pub fn started(&mut self, transport: TransportId, playing: Option<(UtteranceId, Instant)>) {
        if let (true, Some((utterance, at))) = (self.enabled, playing) {
            self.starts.record(transport, utterance, at);
        }
    }

    /// Feeds that changed playout this turn: leave groups, join or form new ones (a consumer
    /// moves once: to the new group's carrier, or back to its own producer); the feeds that
    /// joined one are added to `follows`.
    pub fn settle(
        &mut self,
        now: Instant,
        changed: &[Changed],
        lookup: Lookup<'_>,
        store: &UtteranceStore,
        pacer: &mut Pacer<Due<K0>>,
        follows: &mut Vec<K0>,
    ) {
        if !self.enabled {
            return;
        }
        self.forming.retain(|k, _| k.2 > now);
        self.forming_of.retain(|_, k| k.2 > now);
        let mut touched = Vec::new();
        // Feeds that left a group which sends on: they may not stay on its carrier.
        let mut leaving = Vec::new();
        for view in changed {
            self.leave_forming(view.key);
            if let Some(&gid) = self.member_of.get(&view.key) {
                if self.groups.get(&gid).map(|g| g.key) != view.playing {
                    self.member_of.remove(&view.key);
                    self.drop_member(gid, view.key, pacer);
                    if self.groups.get(&gid).is_some_and(|g| !g.ended) {
                        leaving.push(view.key);
                    }
                }
            }
            let Some(playing) = view.playing.filter(|p| p.2 > now && view.shareable) else {
                continue;
            };
            if self.member_of.contains_key(&view.key) {
                continue;
            }
            match self
                .by_key
                .get(&playing)
                .and_then(|gid| self.groups.get(gid).map(|g| (*gid, g)))
            {
                Some((gid, g)) if !g.started && !g.ended => {
                    self.join(gid, view.key, lookup, follows);
                }
                _ => {
                    self.forming.entry(playing).or_default().push(view.key);
                    self.forming_of.insert(view.key, playing);
                    touched.push(playing);
                }
            }
        }
        for playing in touched {
            self.form(playing, lookup, store, pacer, follows);
        }
        // A feed that left one group for another was moved from carrier to carrier in one
        // move. One that now plays by itself, or that left a group which sends on, goes back
        // to its own producer (its first packet is due at a later grid instant). One that
        // waits after its group's utterance ended stays *parked* on that group's carrier, idle
        // now, which sends nothing until it is lent again ([`Sharing::lend`]): when the next
        // onset wakes the same feeds together, their group takes the carrier they are parked
        // on and nobody moves.
        for view in changed {
            if self.member_of.contains_key(&view.key) || !self.moved_to.contains_key(&view.key) {
                continue;
            }
            if view.playing.is_some() || leaving.contains(&view.key) {
                self.move_back(view.key, lookup);
            } else {
                self.counts.parked += 1;
            }
        }
    }

    /// Two or more feeds start `playing`: a group forms on an idle carrier, if there is one.
    fn form(
        &mut self,
        playing: PlayoutKey,
        lookup: Lookup<'_>,
        store: &UtteranceStore,
        pacer: &mut Pacer<Due<K0>>,
        follows: &mut Vec<K0>,
    ) {
        let Some(members) = self.forming.get(&playing).filter(|m| m.len() >= 2) else {
            return;
        };
        let members = members.clone();
        let Some(mut carrier) = self.lend(playing, &members, lookup) else {
            self.top_up(playing.0);
            return;
        };
        // A new source for the carrier's stream, even from the speaker it carried last.
        carrier.rewriter.switch();
        let Ok(reader) = store.reader(playing.1) else {
            self.idle(playing.0, carrier);
            return;
        };
        let gid = self.next_group;
        self.next_group += 1;
        let playout = Playout::new(reader, playing.2, std::mem::take(&mut self.buf)).on_grid(self.period);
        self.groups.insert(
            gid,
            Group {
                key: playing,
                carrier: Some(carrier),
                playout,
                members: HashSet::with_capacity(members.len()),
                started: false,
                ended: false,
            },
        );
        self.by_key.insert(playing, gid);
        self.counts.groups += 1;
        for key in members {
            self.leave_forming(key);
            self.join(gid, key, lookup, follows);
        }
        if self.groups.get(&gid).is_some_and(|g| g.members.is_empty()) {
            // Nobody could be moved (their consumers are gone): no group.
            self.end_group(gid, pacer);
            return;
        }
        pacer.schedule(Due::Group(gid), playing.2);
        self.top_up(playing.0);
    }

    /// An idle carrier for the group forming at `playing`: the one most of its `members` are
    /// parked on. Feeds parked on it that are not members are moved back to their own
    /// producers first (queued now, before the group's first packet), so that they hear
    /// nothing of it.
    fn lend(&mut self, playing: PlayoutKey, members: &[K0], lookup: Lookup<'_>) -> Option<Carrier> {
        let pool = self.pools.get_mut(&playing.0)?;
        let mut parked: HashMap<&ProducerId, usize> = HashMap::new();
        for to in members.iter().filter_map(|key| self.moved_to.get(key)) {
            *parked.entry(to).or_default() += 1;
        }
        let (best, _) = pool
            .idle
            .iter()
            .enumerate()
            .max_by_key(|(_, c)| parked.get(&c.producer.id()).copied().unwrap_or(0))?;
        let carrier = pool.idle.swap_remove(best);
        let id = carrier.producer.id();
        // The members are the feeds forming at `playing`.
        let strangers: Vec<K0> = self
            .moved_to
            .iter()
            .filter(|(key, to)| **to == id && self.forming_of.get(*key) != Some(&playing))
            .map(|(key, _)| *key)
            .collect();
        for key in strangers {
            self.move_back(key, lookup);
            self.counts.unparked += 1;
        }
        Some(carrier)
    }

    fn join(&mut self, gid: u64, key: K0, lookup: Lookup<'_>, follows: &mut Vec<K0>) {
        let Some(group) = self.groups.get_mut(&gid) else { return };
        let Some(carrier) = &group.carrier else { return };
        let Some(consumer) = lookup(key).and_then(|h| h.consumer.upgrade()) else {
            return;
        };
        let to = carrier.producer.id();
        if self.moved_to.insert(key, to) != Some(to) {
            let moved = consumer.change_producer(&carrier.producer);
            self.moves.push(Box::pin(async move { (key, true, moved.await) }));
            self.counts.moves += 1;
        }
        group.members.insert(key);
        self.member_of.insert(key, gid);
        self.counts.joins += 1;
        follows.push(key);
    }

    /// Queues the move of a leaving feed's consumer back to its own producer.
    fn move_back(&mut self, key: K0, lookup: Lookup<'_>) {
        self.moved_to.remove(&key);
        let Some(handles) = lookup(key) else { return };
        if let Some(consumer) = handles.consumer.upgrade() {
            let moved = consumer.change_producer(&handles.own);
            self.moves.push(Box::pin(async move { (key, false, moved.await) }));
            self.counts.moves += 1;
        }
    }

    fn drop_member(&mut self, gid: u64, key: K0, pacer: &mut Pacer<Due<K0>>) {
        let Some(group) = self.groups.get_mut(&gid) else { return };
        group.members.remove(&key);
        if group.members.is_empty() {
            self.end_group(gid, pacer);
        }
    }

    /// The group is over and has no members left: its carrier goes back to the pool.
    fn end_group(&mut self, gid: u64, pacer: &mut Pacer<Due<K0>>) {
        pacer.cancel(Due::Group(gid));
        if let Some(group) = self.groups.remove(&gid) {
            self.by_key.remove(&group.key);
            if let Some(carrier) = group.carrier {
                self.idle(group.key.0, carrier);
            }
            self.buf = group.playout.into_buffer();
        }
    }

    fn idle(&mut self, transport: TransportId, carrier: Carrier) {
        if let Some(pool) = self.pools.get_mut(&transport) {
            pool.idle.push(carrier);
        }
    }

    fn leave_forming(&mut self, key: K0) {
        if let Some(playing) = self.forming_of.remove(&key) {
            if let Some(list) = self.forming.get_mut(&playing) {
                list.retain(|k| *k != key);
            }
        }
    }

    /// Makes another carrier on `transport` if none is idle and groups could use one.
    fn top_up(&mut self, transport: TransportId) {
        let Some(pool) = self.pools.get_mut(&transport) else {
            return;
        };
        if pool.making || !pool.idle.is_empty() || pool.feeds < 2 || pool.made >= pool.feeds / 2 {
            return;
        }
        pool.making = true;
        let maker = pool.transport.clone();
        let ssrc = rand::random::<u32>() | 1;
        let parameters = pool.codecs.audio_parameters(ssrc);
        self.made.push(Box::pin(async move {
            let made = maker
                .produce(ProducerOptions::new(SoupKind::Audio, parameters))
                .await
                .map_err(|e| e.to_string());
            (transport, ssrc, made)
        }));
    }

    /// A carrier made by [`Sharing::top_up`] came back.
    fn carrier_made(&mut self, transport: TransportId, ssrc: u32, made: Result<Producer, String>) {
        let Some(pool) = self.pools.get_mut(&transport) else {
            return;
        };
        pool.making = false;
        match made {
            Ok(Producer::Direct(producer)) => {
                let rewriter = Rewriter::new(RewriterConfig {
                    kind: MediaKind::Audio,
                    ssrc,
                    payload_type: pool.codecs.opus_payload_type,
                    clock_rate: 48_000,
                    initial_sequence: rand::random(),
                    initial_timestamp: rand::random(),
                    timeline: Some(self.timeline),
                });
                pool.made += 1;
                pool.idle.push(Carrier {
                    producer: Producer::Direct(producer),
                    rewriter,
                });
            }
            Ok(_) => tracing::warn!("a DirectTransport made a regular producer"),
            Err(error) => tracing::warn!(%error, "no carrier for shared playouts"),
        }
    }

    /// Sends the group's due packets into its carrier.
    pub fn drive(
        &mut self,
        gid: u64,
        now: Instant,
        packet: &mut Vec<u8>,
        outboxes: &mut Outboxes,
        pacer: &mut Pacer<Due<K0>>,
        on_packet: &mut dyn FnMut(Instant),
    ) -> GroupTurn {
        let mut turn = GroupTurn::default();
        let Some(group) = self.groups.get_mut(&gid) else {
            return turn;
        };
        if group.ended {
            return turn;
        }
        let Some(carrier) = group.carrier.as_mut() else {
            return turn;
        };
        loop {
            match group.playout.poll(now) {
                PlayoutStep::Packet { track } => {
                    let due = group.playout.pending_due().unwrap_or(now);
                    group.playout.take_packet(packet);
                    let audio = group
                        .playout
                        .reader()
                        .meta()
                        .tracks
                        .get(usize::from(track))
                        .map(|t| t.kind)
                        == Some(MediaKind::Audio);
                    if !audio {
                        continue;
                    }
                    if let Ok(Rewrite::Send { .. }) = carrier.rewriter.rewrite(now, due, packet) {
                        if !group.started {
                            group.started = true;
                            turn.first = group.members.iter().copied().collect();
                        }
                        let sent = outboxes.push(group.key.0, None, packet);
                        turn.sent.messages += sent.messages;
                        turn.sent.failed_packets += sent.failed_packets;
                        turn.packets += 1;
                        on_packet(due);
                        self.counts.packets += 1;
                    }
                }
                PlayoutStep::Until(at) => {
                    pacer.schedule(Due::Group(gid), at);
                    return turn;
                }
                PlayoutStep::CaughtUp => {
                    pacer.schedule(Due::Group(gid), now + LIVE_POLL);
                    return turn;
                }
                PlayoutStep::Ended(how) => return end(group, turn, SwitchReason::Ended(how)),
                PlayoutStep::Evicted => return end(group, turn, SwitchReason::Evicted),
                PlayoutStep::Removed => return end(group, turn, SwitchReason::Removed),
            }
        }
    }

    /// A moderator removed utterances: groups playing one send nothing more of it.
    pub fn removed(&mut self, ids: &[UtteranceId], pacer: &mut Pacer<Due<K0>>) {
        for (gid, group) in &mut self.groups {
            if ids.contains(&group.key.1) {
                group.ended = true;
                pacer.cancel(Due::Group(*gid));
            }
        }
    }

    /// The next background result: a move answered, or a carrier made (taken into its pool
    /// here). Never ready while nothing is pending.
    pub async fn next(&mut self) -> Background {
        tokio::select! {
            Some((key, following, result)) = self.moves.next(), if !self.moves.is_empty() => match result {
                Ok(()) => Background::Done,
                Err(error) => Background::MoveFailed { key, following, error: error.to_string() },
            },
            Some((transport, ssrc, made)) = self.made.next(), if !self.made.is_empty() => {
                self.carrier_made(transport, ssrc, made);
                Background::Done
            }
            else => std::future::pending().await,
        }
    }

    /// A move failed: a joining feed stays private (true: it must send its own packets again),
    /// a leaving one stays where it is until its next move (the engine logs both).
    pub fn move_failed(&mut self, key: K0, following: bool, pacer: &mut Pacer<Due<K0>>) -> bool {
        // Where the consumer is now is not known: its next join moves it, whatever it was.
        self.moved_to.remove(&key);
        if following {
            if let Some(gid) = self.member_of.remove(&key) {
                self.drop_member(gid, key, pacer);
                return true;
            }
        }
        false
    }
}

/// The group's utterance is over: its members are told why and when its last packet's audio
/// has played out (they switch, and leave it at the end of the turn).
fn end(group: &mut Group, mut turn: GroupTurn, reason: SwitchReason) -> GroupTurn {
    group.ended = true;
    let free_at = group.carrier.as_ref().and_then(|c| c.rewriter.free_at());
    turn.ended = Some(Ended {
        reason,
        free_at,
        members: group.members.iter().copied().collect(),
    });
    turn
}

/// A group's end, as its members hear of it.
#[derive(Debug)]
pub(crate) struct Ended {
    pub reason: SwitchReason,
    /// When the last packet's audio has played out.
    pub free_at: Option<Instant>,
    pub members: Vec<K0>,
}

/// What a group's turn sent, for the engine's counters and latencies.
#[derive(Debug, Default)]
pub(crate) struct GroupTurn {
    pub sent: super::outbox::Sent,
    pub packets: u64,
    /// The group's first packet went out: its members (their onset latency ends here).
    pub first: Vec<K0>,
    /// The utterance ended (or was evicted or removed).
    pub ended: Option<Ended>,
}

/// A background result of [`Sharing::next`].
pub(crate) enum Background {
    /// A move answered, or a carrier made: nothing for the engine to do.
    Done,
    /// A consumer could not be moved (`following`: into a group).
    MoveFailed { key: K0, following: bool, error: String },
}
