//! The admin view of a running server: rooms → peers → transports (ICE/DTLS state), producers,
//! consumers and feeds, with the buffer's and the workers' numbers. Served as JSON at
//! `GET /admin/rooms` to a client with the admin token, and printed by `sfu inspect`.
//!
//! Each peer's objects belong to its session task, so the dump asks every session for its part
//! (through the room's link to it) instead of sharing the peers behind a lock. A session parked
//! for `resume` has no task reading its queue: the signaling layer hands in those peers' dumps,
//! read from the parked sessions, and they are not asked.

use std::collections::HashMap;
use std::time::Duration;

use tokio::sync::oneshot;

use crate::context::Context;
use crate::dump::{PeerDump, ProcessDump, RoomBufferDump, RoomDump, ServerDump};
use crate::link::PeerEvent;
use crate::room::Room;

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
            buffer,
            peers: dump_peers(&r, parked).await,
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
