//! The admin view of a running server: rooms → peers → transports (ICE/DTLS state), producers,
//! consumers and feeds, with the buffer's and the workers' numbers. Served as JSON at
//! `GET /admin/rooms` to a client with the admin token, and printed by `sfu inspect`.
//!
//! Each peer's objects belong to its session task, so the dump asks every session for its part
//! (through the room's link to it) instead of sharing the peers behind a lock. A session parked
//! for `resume` has no task reading its queue: the signaling layer hands in those peers' dumps,
//! read from the parked sessions, and they are not asked.
//!
//! Moderators' actions are here too: remove a peer (optionally banning its user from the room),
//! mute a producer, close a room, delete utterances, export one. Each is logged with who did
//! it and counted for `/metrics`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use mediasoup::prelude::ProducerId;
use tokio::sync::oneshot;

use crate::buffer::{Candidate, MediaKind, ReadOutcome, Removal, UtteranceId, UtteranceMeta, UtteranceState};
use crate::cluster::ClusterError;
use crate::context::Context;
use crate::dump::{PeerDump, ProcessDump, RoomBufferDump, RoomDump, ServerDump, UtteranceDump};
use crate::link::PeerEvent;
use crate::room::{ModerateError, Room};

/// How long the sessions may take to describe themselves (all together) before the ones that
/// have not are listed as busy.
const PEER_TIMEOUT: Duration = Duration::from_millis(500);

/// Dumps the server, or only `room` when given. `parked`: the peers whose sessions are parked,
/// already dumped, by peer id.
pub(crate) async fn dump(ctx: &Context, room: Option<&str>, parked: &HashMap<String, PeerDump>) -> ServerDump {
    let mut store = ctx.recording.store.stats();
    let room_stats = std::mem::take(&mut store.rooms);
    let mut rooms = Vec::new();
    for r in ctx.rooms.list() {
        if room.is_some_and(|name| name != r.id()) {
            continue;
        }
        let buffer = room_stats
            .iter()
            .find(|s| &*s.room == r.id())
            .map(|s| RoomBufferDump {
                bytes: s.bytes,
                live: s.live,
                finished: s.finished,
                readers: s.readers,
            })
            .unwrap_or_default();
        rooms.push(RoomDump {
            id: r.id().to_string(),
            worker: r.media().worker().index(),
            routers: r.routers(),
            buffer,
            peers: dump_peers(&r, parked).await,
            utterances: dump_utterances(ctx, r.id()),
        });
    }
    rooms.sort_by(|a, b| a.id.cmp(&b.id));
    ServerDump {
        version: env!("CARGO_PKG_VERSION").to_string(),
        uptime_secs: ctx.started.elapsed().as_secs_f64(),
        draining: ctx.shutdown.is_cancelled(),
        counts: ctx.counters.snapshot(),
        process: ProcessDump {
            cpu_seconds: crate::procfs::process_cpu_time().map(|d| d.as_secs_f64()),
            rss_bytes: crate::procfs::process_rss_bytes(),
        },
        workers: ctx.pool.stats(),
        buffer: store,
        feeds: ctx.recording.feeds.stats(),
        rooms,
    }
}

async fn dump_peers(room: &Room, parked: &HashMap<String, PeerDump>) -> Vec<PeerDump> {
    let links = room.links();
    let mut asked = Vec::with_capacity(links.len());
    let mut peers = Vec::with_capacity(links.len());
    for link in links {
        if let Some(dump) = parked.get(&link.info.peer_id) {
            peers.push(dump.clone());
            continue;
        }
        let (tx, rx) = oneshot::channel();
        // Not `link.send`: a full queue here must not count as a lost notification.
        let sent = link.try_ask(PeerEvent::Inspect(tx));
        asked.push((link.info, sent.then_some(rx)));
    }
    let deadline = tokio::time::Instant::now() + PEER_TIMEOUT;
    for (info, rx) in asked {
        let answer = match rx {
            Some(rx) => tokio::time::timeout_at(deadline, rx).await.ok().and_then(Result::ok),
            None => None,
        };
        peers.push(answer.unwrap_or_else(|| PeerDump {
            peer_id: info.peer_id.clone(),
            display_name: info.display_name.clone(),
            role: info.role.as_str().to_string(),
            worker: None,
            busy: true,
            transports: vec![],
            producers: vec![],
            consumers: vec![],
            feed: None,
        }));
    }
    peers.sort_by(|a, b| a.peer_id.cmp(&b.peer_id));
    peers
}

/// A room's newest utterances the dump lists: enough to name the ones a report is about,
/// without making every dump (the load tools poll it) as large as the buffer.
const LISTED_UTTERANCES: usize = 100;

fn dump_utterances(ctx: &Context, room: &str) -> Vec<UtteranceDump> {
    let mut candidates = Vec::new();
    ctx.recording.store.candidates(room, &mut candidates);
    let newest = candidates.len().saturating_sub(LISTED_UTTERANCES);
    candidates[newest..]
        .iter()
        .map(|c| UtteranceDump {
            audio_ms: audio_ms(ctx, c.id),
            video_ms: video_ms(ctx, c.id),
            ..utterance_dump(c)
        })
        .collect()
}

/// The utterance's audio span by its RTP timestamps: its first and last audio packets only.
fn audio_ms(ctx: &Context, id: UtteranceId) -> Option<u64> {
    let mut reader = ctx.recording.store.reader(id).ok()?;
    let audio = reader.meta().tracks.iter().position(|t| t.kind == MediaKind::Audio)?;
    let mut buf = Vec::new();
    let mut audio_packet =
        |reader: &mut crate::buffer::UtteranceReader, index: usize| match reader.read_at(index, &mut buf) {
            ReadOutcome::Packet { track, .. } if usize::from(track) == audio => {
                let rtp = crate::rtp::RtpPacket::parse(&buf).ok()?;
                Some((rtp.timestamp(), crate::export::ogg::opus_samples(rtp.payload())?))
            }
            _ => None,
        };
    let n = reader.packet_count();
    let (first, _) = (0..n).find_map(|i| audio_packet(&mut reader, i))?;
    let (last, samples) = (0..n).rev().find_map(|i| audio_packet(&mut reader, i))?;
    Some(u64::from(last.wrapping_sub(first).wrapping_add(samples)) / 48)
}

/// The utterance's video span by its RTP timestamps: from its first video packet to the start
/// of its last frame (a frame's length is not in its packets).
fn video_ms(ctx: &Context, id: UtteranceId) -> Option<u64> {
    let mut reader = ctx.recording.store.reader(id).ok()?;
    let video = reader.meta().tracks.iter().position(|t| t.kind == MediaKind::Video)?;
    let clock_rate = u64::from(reader.meta().tracks[video].clock_rate.max(1));
    let mut buf = Vec::new();
    let mut video_ts = |reader: &mut crate::buffer::UtteranceReader, index: usize| match reader.read_at(index, &mut buf)
    {
        ReadOutcome::Packet { track, .. } if usize::from(track) == video => {
            Some(crate::rtp::RtpPacket::parse(&buf).ok()?.timestamp())
        }
        _ => None,
    };
    let n = reader.packet_count();
    let first = (0..n).find_map(|i| video_ts(&mut reader, i))?;
    let last = (0..n).rev().find_map(|i| video_ts(&mut reader, i))?;
    Some(u64::from(last.wrapping_sub(first)) * 1000 / clock_rate)
}

fn utterance_dump(c: &Candidate) -> UtteranceDump {
    UtteranceDump {
        id: c.id.to_string(),
        speaker_uid: c.speaker.uid.to_string(),
        speaker_peer_id: c.speaker.peer.to_string(),
        state: match c.state {
            UtteranceState::Live => "live",
            UtteranceState::Complete => "complete",
            UtteranceState::Truncated => "truncated",
            UtteranceState::Evicted => "evicted",
            UtteranceState::Removed => "removed",
        }
        .to_string(),
        duration_ms: c.duration.as_millis() as u64,
        audio_ms: None,
        video_ms: None,
        topics: c.topics.iter().map(ToString::to_string).collect(),
        readers: c.readers,
    }
}

/// Why a moderator's action was not done. The edge turns each into an error code and an HTTP
/// status (`signaling::errors`, `http`).
#[derive(Debug, thiserror::Error)]
pub enum ModerationError {
    #[error("no room {0:?} on this server")]
    NoRoom(String),
    #[error("no peer {peer} in room {room:?}")]
    NoPeer { room: String, peer: String },
    #[error(transparent)]
    Producer(#[from] ModerateError),
    #[error("no utterance {0} in the buffer (never recorded, evicted, or removed already)")]
    NoUtterance(String),
    #[error("no utterance of speaker {uid:?} in room {room:?} in the buffer")]
    NoSpeakerUtterance { room: String, uid: String },
    #[error("utterance {0} has no video: it was recorded without a camera (or no whole key frame of it); its audio is at audio.ogg")]
    NoVideo(String),
    #[error("{0}")]
    Invalid(String),
    /// The cluster (Redis) cannot carry the request to the node that holds the peer or room.
    #[error("the cluster is unavailable: {0}")]
    ClusterUnavailable(String),
}

/// Who asked, for the logs: `admin-token`, or the admin's uid.
#[derive(Debug, Clone)]
pub(crate) struct Moderator(pub String);

/// Parses an utterance id as the wire and the dump write it (`u17`), or bare (`17`).
pub(crate) fn parse_utterance_id(text: &str) -> Result<UtteranceId, ModerationError> {
    text.strip_prefix('u')
        .unwrap_or(text)
        .parse()
        .map(UtteranceId)
        .map_err(|_| ModerationError::Invalid(format!("{text:?} is not an utterance id (like u17, see sfu inspect)")))
}

/// What removing a peer did.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PeerRemoved {
    pub room: String,
    pub peer_id: String,
    pub uid: String,
    pub banned_minutes: Option<u64>,
    /// The node of the cluster the peer is connected to, when not this one (it removes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
}

/// Removes a peer from its room: its session is told (`removed`, then close 4005, no resume);
/// with `ban_minutes` its user may not join the room again for that long, and every session of
/// that user in the room goes too, on every node. A parked session is released through its
/// queue. In a cluster the peer may be connected to another node, which then removes it, and
/// this node needs no copy of the room: it asks the nodes that have the room who the peer is.
pub(crate) async fn remove_peer(
    ctx: &Context,
    who: &Moderator,
    room: &str,
    peer: &str,
    reason: &str,
    ban_minutes: Option<u64>,
) -> Result<PeerRemoved, ModerationError> {
    let removal = PeerRemoval {
        room,
        peer,
        reason,
        ban_minutes: ban_minutes.filter(|m| *m > 0),
    };
    let local = ctx.rooms.get(room);
    let Some(link) = local.as_ref().and_then(|r| r.link(peer)) else {
        return remove_remote_peer(ctx, who, local.as_deref(), removal).await;
    };
    match removal.ban_minutes {
        // The ban removes every session of the user, this one among them.
        Some(minutes) => ban(ctx, &removal, &link.info.uid, minutes).await?,
        None => link.send(PeerEvent::Removed {
            peer_id: peer.to_string(),
            reason: Arc::from(reason),
        }),
    }
    ctx.counters.moderation("kick");
    tracing::info!(by = %who.0, room, peer, uid = %link.info.uid, reason, ban_minutes = removal.ban_minutes, "moderator removed a peer");
    Ok(removal.done(&link.info.uid, None))
}

/// Bans `uid` from the room for `minutes` on this node and, in a cluster, on every node (those
/// that start later too); each removes the user's peers it has in the room. In a cluster the
/// ban is made everywhere first: if Redis cannot be reached nothing is done and the moderator
/// is told (`cluster_unavailable`), rather than a ban that would hold on this node only.
async fn ban(ctx: &Context, m: &PeerRemoval<'_>, uid: &Arc<str>, minutes: u64) -> Result<(), ModerationError> {
    let until = SystemTime::now() + Duration::from_secs(minutes * 60);
    if let Some(cluster) = &ctx.cluster {
        cluster
            .ban_everywhere(m.room, uid, until, m.reason)
            .await
            .map_err(|e| ModerationError::ClusterUnavailable(e.to_string()))?;
    }
    ctx.rooms.ban_and_remove(m.room, Arc::clone(uid), until, m.reason);
    Ok(())
}

/// A moderator's removal of a peer.
struct PeerRemoval<'a> {
    room: &'a str,
    peer: &'a str,
    reason: &'a str,
    /// A ban's length, never zero.
    ban_minutes: Option<u64>,
}

impl PeerRemoval<'_> {
    fn done(&self, uid: &str, node: Option<&str>) -> PeerRemoved {
        PeerRemoved {
            room: self.room.to_string(),
            peer_id: self.peer.to_string(),
            uid: uid.to_string(),
            banned_minutes: self.ban_minutes,
            node: node.map(str::to_string),
        }
    }
}

/// The peer is not connected here: in a cluster, the node it is connected to removes it (told
/// over the cluster's bus, or by the ban); this node knows it from its own copy of the room,
/// or else from the other nodes that have the room.
async fn remove_remote_peer(
    ctx: &Context,
    who: &Moderator,
    local: Option<&Room>,
    m: PeerRemoval<'_>,
) -> Result<PeerRemoved, ModerationError> {
    let no_peer = || ModerationError::NoPeer {
        room: m.room.to_string(),
        peer: m.peer.to_string(),
    };
    let Some(cluster) = &ctx.cluster else {
        return Err(match local {
            Some(_) => no_peer(),
            None => ModerationError::NoRoom(m.room.to_string()),
        });
    };
    let found = match local.and_then(|r| r.remote_peer(m.peer)) {
        Some(found) => found,
        None => cluster
            .find_peer(m.room, m.peer)
            .await
            .map_err(|e| match e {
                ClusterError::NoRoom(_) => ModerationError::NoRoom(m.room.to_string()),
                e => ModerationError::ClusterUnavailable(e.to_string()),
            })?
            .ok_or_else(no_peer)?,
    };
    let (info, node) = found;
    match m.ban_minutes {
        Some(minutes) => ban(ctx, &m, &info.uid, minutes).await?,
        None => cluster
            .remove_remote_peer(m.room, m.peer, &node, m.reason)
            .await
            .map_err(|e| ModerationError::ClusterUnavailable(e.to_string()))?,
    }
    ctx.counters.moderation("kick");
    tracing::info!(by = %who.0, room = m.room, peer = m.peer, uid = %info.uid, node = %node, reason = m.reason, ban_minutes = m.ban_minutes, "moderator removed a peer of another node");
    Ok(m.done(&info.uid, Some(&node)))
}

/// Mutes (or unmutes) a producer of `room` from the server side.
pub(crate) async fn mute_producer(
    ctx: &Context,
    who: &Moderator,
    room: &str,
    producer: &str,
    mute: bool,
) -> Result<String, ModerationError> {
    let r = ctx
        .rooms
        .get(room)
        .ok_or_else(|| ModerationError::NoRoom(room.to_string()))?;
    let id: ProducerId = producer
        .parse()
        .map_err(|_| ModerationError::Invalid(format!("{producer:?} is not a producer id")))?;
    let owner = r.moderate_producer(id, mute).await?;
    let action = if mute { "mute" } else { "unmute" };
    ctx.counters.moderation(action);
    tracing::info!(by = %who.0, room, producer, peer = %owner, action, "moderator muted a producer");
    Ok(owner)
}

/// What closing a room did.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RoomClosed {
    pub room: String,
    pub peers: usize,
    pub utterances: usize,
    pub bytes_freed: usize,
    /// The other nodes of the cluster that had the room, told to close it (their peers and
    /// utterances are not counted here).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<String>,
}

/// How long the peers of a closed room may take to leave before its utterances are dropped
/// anyway (a session that has not left by then records nothing new: its room is gone).
const CLOSE_WAIT: Duration = Duration::from_secs(2);

/// Closes a room: every peer is told (`roomClosed`, close 4006), then, once they left (or
/// after [`CLOSE_WAIT`]), the room's utterances are dropped from the buffer. `release_parked`
/// releases the room's parked sessions (the signaling layer holds those).
pub(crate) async fn close_room(
    ctx: &Context,
    who: &Moderator,
    room: &str,
    reason: &str,
    release_parked: impl FnOnce(&str) -> usize,
) -> Result<RoomClosed, ModerationError> {
    // A room of the cluster: every other node that has it closes its copy too.
    let nodes = match &ctx.cluster {
        Some(c) => c.room_nodes(room),
        None => Vec::new(),
    };
    let closed = ctx.rooms.close(room, reason);
    if closed.is_none() && nodes.is_empty() {
        return Err(ModerationError::NoRoom(room.to_string()));
    }
    if let (Some(cluster), false) = (&ctx.cluster, nodes.is_empty()) {
        let told = cluster.close_room_everywhere(room, reason).await;
        told.map_err(|e| ModerationError::ClusterUnavailable(e.to_string()))?;
    }
    let peers = closed.as_ref().map_or(0, |r| r.peer_count());
    release_parked(room);
    let deadline = tokio::time::Instant::now() + CLOSE_WAIT;
    while closed.as_ref().is_some_and(|r| r.peer_count() > 0) && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let removed = ctx.recording.feeds.remove(Removal::Room(Arc::from(room))).await;
    let (utterances, bytes_freed) = (removed.ids.len(), removed.bytes);
    ctx.counters.moderation("close_room");
    tracing::info!(by = %who.0, room, reason, peers, utterances, bytes_freed, "moderator closed a room");
    Ok(RoomClosed {
        room: room.to_string(),
        peers,
        utterances,
        bytes_freed,
        nodes,
    })
}

/// What deleting utterances did.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UtterancesDeleted {
    pub deleted: Vec<String>,
    pub bytes_freed: usize,
}

/// Takes one utterance (`Removal::One`) or a speaker's out of the buffer; feeds playing one
/// switch away at once (`feedSwitched` reason `removed`).
pub(crate) async fn delete_utterances(
    ctx: &Context,
    who: &Moderator,
    which: Removal,
) -> Result<UtterancesDeleted, ModerationError> {
    let removed = ctx.recording.feeds.remove(which.clone()).await;
    if removed.ids.is_empty() {
        return Err(match which {
            Removal::One(id) => ModerationError::NoUtterance(id.to_string()),
            Removal::Speaker { room, uid } => ModerationError::NoSpeakerUtterance {
                room: room.to_string(),
                uid: uid.to_string(),
            },
            Removal::Room(room) => ModerationError::NoRoom(room.to_string()),
        });
    }
    let deleted: Vec<String> = removed.ids.iter().map(ToString::to_string).collect();
    let bytes_freed = removed.bytes;
    let action = match which {
        Removal::One(_) => "delete_utterance",
        _ => "delete_speaker_utterances",
    };
    ctx.counters.moderation(action);
    tracing::info!(by = %who.0, ?which, utterances = ?deleted, bytes_freed, "moderator deleted utterances");
    Ok(UtterancesDeleted { deleted, bytes_freed })
}

/// The stored packets of one utterance's track of `kind` (what is there so far, for a live
/// one), with its metadata and the track's clock rate; `None` when it has no such track.
#[allow(clippy::type_complexity)]
fn track_packets(
    ctx: &Context,
    id: UtteranceId,
    kind: MediaKind,
) -> Result<(UtteranceMeta, Option<(u32, Vec<Vec<u8>>)>), ModerationError> {
    let gone = || ModerationError::NoUtterance(id.to_string());
    let mut reader = ctx.recording.store.reader(id).map_err(|_| gone())?;
    let meta = reader.meta().clone();
    let Some(wanted) = meta.tracks.iter().position(|t| t.kind == kind) else {
        return Ok((meta, None));
    };
    let clock_rate = meta.tracks[wanted].clock_rate;
    let mut packets: Vec<Vec<u8>> = Vec::new();
    let mut buf = Vec::new();
    loop {
        match reader.read_next(&mut buf) {
            ReadOutcome::Packet { track, .. } => {
                if usize::from(track) == wanted {
                    packets.push(buf.clone());
                }
            }
            ReadOutcome::NotYet | ReadOutcome::Ended(_) => break,
            ReadOutcome::Evicted | ReadOutcome::Removed => return Err(gone()),
        }
    }
    Ok((meta, Some((clock_rate, packets))))
}

/// One utterance's audio as an Ogg Opus file, from its stored packets (what is there so far,
/// for a live one).
pub(crate) fn export_utterance(ctx: &Context, who: &Moderator, id: UtteranceId) -> Result<Vec<u8>, ModerationError> {
    let (meta, audio) = track_packets(ctx, id, MediaKind::Audio)?;
    let packets = audio.map(|(_, packets)| packets).unwrap_or_default();
    let comments = [
        format!("SFU_UTTERANCE={id}"),
        format!("SFU_ROOM={}", meta.room),
        format!("SFU_SPEAKER_UID={}", meta.speaker.uid),
    ];
    let (file, summary) = crate::export::write_opus(packets.iter().map(Vec::as_slice), &comments, id.0 as u32);
    ctx.counters.moderation("export_utterance");
    tracing::info!(by = %who.0, utterance = %id, packets = summary.packets, filled = summary.filled, skipped = summary.skipped, duration_ms = summary.duration_ms(), "moderator exported an utterance");
    Ok(file)
}

/// One utterance's VP8 video as a WebM file, from its stored packets (whole frames only, from
/// its first key frame); [`ModerationError::NoVideo`] when it was recorded without video.
pub(crate) fn export_utterance_video(
    ctx: &Context,
    who: &Moderator,
    id: UtteranceId,
) -> Result<Vec<u8>, ModerationError> {
    let (meta, video) = track_packets(ctx, id, MediaKind::Video)?;
    let no_video = || ModerationError::NoVideo(id.to_string());
    let (clock_rate, packets) = video.ok_or_else(no_video)?;
    let title = format!("{id} room {} speaker {}", meta.room, meta.speaker.uid);
    let (file, summary) =
        crate::export::write_vp8(packets.iter().map(Vec::as_slice), clock_rate, &title).ok_or_else(no_video)?;
    let d = summary.depacketizer;
    ctx.counters.moderation("export_utterance_video");
    tracing::info!(by = %who.0, utterance = %id, frames = d.frames, key_frames = d.key_frames, dropped_frames = d.dropped_frames, skipped_packets = d.skipped_packets, width = summary.width, height = summary.height, duration_ms = summary.duration_ms, "moderator exported an utterance's video");
    Ok(file)
}
