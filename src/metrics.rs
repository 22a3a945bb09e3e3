//! `/metrics` in the Prometheus text format, built with the `prometheus` crate.
//!
//! The server's numbers already live in atomics (object gauges, counters, the buffer's and the
//! feed engine's stats, worker CPU read from `/proc`), so a scrape builds a registry from a
//! snapshot of them: nothing on the media path touches a metrics object.

use prometheus::{IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry, TextEncoder};

use crate::context::Context;

#[derive(Debug, thiserror::Error)]
#[error("cannot render metrics: {0}")]
pub struct MetricsError(#[from] prometheus::Error);

/// Adds metrics to one registry; every name is prefixed `sfu_`.
struct Builder {
    registry: Registry,
}

impl Builder {
    fn gauge(&self, name: &str, help: &str, value: i64) -> Result<(), prometheus::Error> {
        let g = IntGauge::new(format!("sfu_{name}"), help)?;
        g.set(value);
        self.registry.register(Box::new(g))
    }

    fn float_gauge(&self, name: &str, help: &str, value: f64) -> Result<(), prometheus::Error> {
        let g = prometheus::Gauge::new(format!("sfu_{name}"), help)?;
        g.set(value);
        self.registry.register(Box::new(g))
    }

    fn counter(&self, name: &str, help: &str, value: u64) -> Result<(), prometheus::Error> {
        let c = IntCounter::new(format!("sfu_{name}"), help)?;
        c.inc_by(value);
        self.registry.register(Box::new(c))
    }

    fn gauge_vec(
        &self,
        name: &str,
        help: &str,
        labels: &[&str],
        values: &[(Vec<&str>, i64)],
    ) -> Result<(), prometheus::Error> {
        let g = IntGaugeVec::new(Opts::new(format!("sfu_{name}"), help), labels)?;
        for (label_values, v) in values {
            g.get_metric_with_label_values(label_values)?.set(*v);
        }
        self.registry.register(Box::new(g))
    }

    fn counter_vec(
        &self,
        name: &str,
        help: &str,
        labels: &[&str],
        values: &[(Vec<&str>, u64)],
    ) -> Result<(), prometheus::Error> {
        let c = IntCounterVec::new(Opts::new(format!("sfu_{name}"), help), labels)?;
        for (label_values, v) in values {
            c.get_metric_with_label_values(label_values)?.inc_by(*v);
        }
        self.registry.register(Box::new(c))
    }
}

/// The whole exposition for one scrape.
pub(crate) fn render(ctx: &Context) -> Result<String, MetricsError> {
    let b = Builder {
        registry: Registry::new(),
    };
    objects(&b, ctx)?;
    workers(&b, ctx)?;
    process(&b, ctx)?;
    buffer(&b, ctx)?;
    feeds(&b, ctx)?;
    auth(&b, ctx)?;
    moderation(&b, ctx)?;
    cluster(&b, ctx)?;
    Ok(TextEncoder::new().encode_to_string(&b.registry.gather())?)
}

/// A cluster node's pipes to and from other nodes, and whether it reaches Redis.
fn cluster(b: &Builder, ctx: &Context) -> Result<(), prometheus::Error> {
    let Some(cluster) = &ctx.cluster else {
        return Ok(());
    };
    let (out, into) = cluster.pipe_counts();
    b.gauge_vec(
        "cluster_pipes",
        "Producers piped between this node and other cluster nodes now: out (from rooms homed here), in (into rooms homed elsewhere).",
        &["direction"],
        &[(vec!["out"], out), (vec!["in"], into)],
    )?;
    let (out, into) = cluster.pipe_transport_counts();
    b.gauge_vec(
        "cluster_pipe_transports",
        "Pipe transports between this node and other cluster nodes now, one per room and other node, each carrying that room's pipes: out (from rooms homed here), in (into rooms homed elsewhere).",
        &["direction"],
        &[(vec!["out"], out), (vec!["in"], into)],
    )?;
    let (sent, received) = cluster.packet_counts();
    b.counter_vec(
        "cluster_packets_total",
        "RTP packets sent to other cluster nodes over pipes (out) and received from them (in), sampled every second per pipe.",
        &["direction"],
        &[(vec!["out"], sent), (vec!["in"], received)],
    )?;
    b.gauge(
        "cluster_nodes",
        "Live nodes in the cluster's registry at its last read.",
        cluster.nodes().len() as i64,
    )?;
    b.gauge(
        "cluster_degraded",
        "1 while this node cannot reach the cluster's Redis.",
        i64::from(cluster.degraded()),
    )
}

/// Rooms, peers and mediasoup objects open now; signaling messages and errors.
fn objects(b: &Builder, ctx: &Context) -> Result<(), prometheus::Error> {
    let counts = ctx.counters.snapshot();
    b.gauge("rooms", "Rooms open now.", counts.rooms)?;
    b.gauge("peers", "Peers joined to a room now.", counts.peers)?;
    b.gauge(
        "connections",
        "Signaling WebSocket connections open now.",
        counts.connections,
    )?;
    b.gauge(
        "http_connections",
        "TCP connections open on the HTTP listener now (WebSockets included).",
        ctx.counters.http_connections.get(),
    )?;
    b.gauge("transports", "WebRTC transports open now.", counts.transports)?;
    b.gauge(
        "producers",
        "Producers open now (broadcasters' and feeds').",
        counts.producers,
    )?;
    b.gauge("consumers", "Consumers open now.", counts.consumers)?;
    b.gauge("feeds", "Viewers subscribed to the rerouted feed now.", counts.feeds)?;
    b.gauge(
        "pipes",
        "Producers piped from a room's home router to another of its routers now.",
        counts.pipes,
    )?;
    b.counter(
        "signaling_messages_total",
        "Signaling messages received from clients.",
        counts.messages,
    )?;
    let errors = ctx.counters.errors_by_code();
    let errors: Vec<(Vec<&str>, u64)> = errors.iter().map(|(code, n)| (vec![*code], *n)).collect();
    b.counter_vec(
        "signaling_errors_total",
        "Error responses sent, by protocol error code.",
        &["code"],
        &errors,
    )
}

/// Moderators' actions, and the utterances they took out of the buffer.
fn moderation(b: &Builder, ctx: &Context) -> Result<(), prometheus::Error> {
    let actions = ctx.counters.moderation_actions();
    let actions: Vec<(Vec<&str>, u64)> = actions.iter().map(|(a, n)| (vec![*a], *n)).collect();
    b.counter_vec(
        "moderation_actions_total",
        "Moderators' actions done through the admin API, by action.",
        &["action"],
        &actions,
    )?;
    b.counter(
        "buffer_removals_total",
        "Utterances moderators took out of the buffer (deleted, or with their room).",
        ctx.recording.store.stats().removals,
    )
}

/// Per worker: up, restarts, rooms, peers, CPU.
fn workers(b: &Builder, ctx: &Context) -> Result<(), prometheus::Error> {
    let workers = ctx.pool.stats();
    let index: Vec<String> = workers.iter().map(|w| w.index.to_string()).collect();
    let per_worker = |f: &dyn Fn(&crate::workers::WorkerStats) -> i64| -> Vec<(Vec<&str>, i64)> {
        workers
            .iter()
            .zip(&index)
            .map(|(w, i)| (vec![i.as_str()], f(w)))
            .collect()
    };
    b.gauge_vec(
        "worker_up",
        "1 while the mediasoup worker runs.",
        &["worker"],
        &per_worker(&|w| i64::from(!w.dead)),
    )?;
    let restarts: Vec<(Vec<&str>, u64)> = workers
        .iter()
        .zip(&index)
        .map(|(w, i)| (vec![i.as_str()], u64::from(w.restarts)))
        .collect();
    b.counter_vec(
        "worker_restarts_total",
        "Times the worker in this slot died and was replaced.",
        &["worker"],
        &restarts,
    )?;
    b.gauge_vec(
        "worker_rooms",
        "Rooms with a router on the worker (their home or one for viewers placed there).",
        &["worker"],
        &per_worker(&|w| w.rooms as i64),
    )?;
    b.gauge_vec(
        "worker_peers",
        "Peers placed on the worker.",
        &["worker"],
        &per_worker(&|w| w.peers as i64),
    )?;
    let cpu = prometheus::CounterVec::new(
        Opts::new(
            "sfu_worker_cpu_seconds_total",
            "CPU time (user + system) of the mediasoup worker thread.",
        ),
        &["worker"],
    )?;
    for (w, i) in workers.iter().zip(&index) {
        if let Some(seconds) = w.cpu_seconds {
            cpu.get_metric_with_label_values(&[i.as_str()])?.inc_by(seconds);
        }
    }
    b.registry.register(Box::new(cpu))
}

/// The process's CPU, memory and uptime.
fn process(b: &Builder, ctx: &Context) -> Result<(), prometheus::Error> {
    if let Some(seconds) = crate::procfs::process_cpu_time() {
        let c = prometheus::Counter::new("sfu_process_cpu_seconds_total", "CPU time of the whole process.")?;
        c.inc_by(seconds.as_secs_f64());
        b.registry.register(Box::new(c))?;
    }
    if let Some(rss) = crate::procfs::process_rss_bytes() {
        b.gauge(
            "process_resident_memory_bytes",
            "Resident set size of the process.",
            rss as i64,
        )?;
    }
    b.float_gauge(
        "uptime_seconds",
        "Seconds since the server started.",
        ctx.started.elapsed().as_secs_f64(),
    )
}

/// Whether tokens can be checked now (Google's signing keys loaded and fresh).
fn auth(b: &Builder, ctx: &Context) -> Result<(), prometheus::Error> {
    b.gauge(
        "auth_keys_available",
        "1 while tokens can be checked (signing keys loaded and fresh; always 1 with auth off).",
        i64::from(ctx.auth.keys_available()),
    )
}

/// The utterance buffer, in all and per room (with the rooms' peers).
fn buffer(b: &Builder, ctx: &Context) -> Result<(), prometheus::Error> {
    let store = ctx.recording.store.stats();
    b.gauge(
        "buffer_bytes",
        "Bytes the utterance buffer holds (packets and bookkeeping).",
        store.bytes_used as i64,
    )?;
    b.gauge(
        "buffer_cap_bytes",
        "The utterance buffer's cap.",
        store.cap_bytes as i64,
    )?;
    b.gauge_vec(
        "buffer_utterances",
        "Utterances in the buffer, by state.",
        &["state"],
        &[
            (vec!["live"], store.live as i64),
            (vec!["finished"], store.finished as i64),
        ],
    )?;
    b.gauge(
        "buffer_readers",
        "Feeds reading an utterance now.",
        store.readers as i64,
    )?;
    b.counter(
        "buffer_evictions_total",
        "Utterances evicted to stay under the cap.",
        store.evictions,
    )?;
    b.counter(
        "buffer_evictions_while_read_total",
        "Evicted utterances that a feed was playing.",
        store.evictions_while_read,
    )?;
    b.counter(
        "buffer_refused_total",
        "Packets refused because nothing more could be evicted.",
        store.refused,
    )?;
    let room_bytes: Vec<(Vec<&str>, i64)> = store.rooms.iter().map(|r| (vec![&*r.room], r.bytes as i64)).collect();
    b.gauge_vec(
        "room_buffer_bytes",
        "Buffer bytes held for the room.",
        &["room"],
        &room_bytes,
    )?;
    let mut room_utterances = Vec::with_capacity(store.rooms.len() * 2);
    for r in &store.rooms {
        room_utterances.push((vec![&*r.room, "live"], r.live as i64));
        room_utterances.push((vec![&*r.room, "finished"], r.finished as i64));
    }
    b.gauge_vec(
        "room_buffer_utterances",
        "Utterances buffered for the room, by state.",
        &["room", "state"],
        &room_utterances,
    )?;
    let rooms = ctx.rooms.list();
    let room_peers: Vec<(Vec<&str>, i64)> = rooms.iter().map(|r| (vec![r.id()], r.peer_count() as i64)).collect();
    b.gauge_vec("room_peers", "Peers in the room.", &["room"], &room_peers)?;
    room_routers(b, &rooms)
}

/// Per room: the routers it spans (one per worker) and the pipes into them.
fn room_routers(b: &Builder, rooms: &[std::sync::Arc<crate::room::Room>]) -> Result<(), prometheus::Error> {
    let routers: Vec<(&str, Vec<crate::dump::RouterDump>)> = rooms.iter().map(|r| (r.id(), r.routers())).collect();
    let count: Vec<(Vec<&str>, i64)> = routers.iter().map(|(id, r)| (vec![*id], r.len() as i64)).collect();
    b.gauge_vec(
        "room_routers",
        "Routers of the room: its home and one per other worker its viewers are on.",
        &["room"],
        &count,
    )?;
    let pipes: Vec<(Vec<&str>, i64)> = routers
        .iter()
        .map(|(id, r)| (vec![*id], r.iter().map(|r| r.pipes as i64).sum()))
        .collect();
    b.gauge_vec(
        "room_pipes",
        "Producers of the room piped from its home router to its other routers.",
        &["room"],
        &pipes,
    )
}

/// The feed engine's plain counters.
fn feed_counters(b: &Builder, feeds: &crate::feed::FeedStats) -> Result<(), prometheus::Error> {
    for (name, help, value) in [
        (
            "feed_packets_total",
            "Packets sent to viewers through feeds.",
            feeds.packets,
        ),
        (
            "feed_switches_total",
            "Feed switches from one utterance to the next.",
            feeds.switches,
        ),
        (
            "feed_shared_playouts_total",
            "Shared playouts formed: feeds starting one utterance at one instant heard it through one producer.",
            feeds.shared_playouts,
        ),
        (
            "feed_shared_viewers_total",
            "Playouts that a feed heard through a shared one (of feed_switches_total).",
            feeds.shared_viewers,
        ),
        (
            "feed_shared_packets_total",
            "Packets sent once for a shared playout (in feed_packets_total once, not per viewer).",
            feeds.shared_packets,
        ),
        (
            "feed_addressed_packets_total",
            "Audio packets a feed sent straight to its viewer's consumer, skipping its producer and the router (of feed_packets_total).",
            feeds.addressed_packets,
        ),
        (
            "feed_consumer_moves_total",
            "Moves of a feed viewer's consumer between producers (into, between and out of shared playouts).",
            feeds.consumer_moves,
        ),
        (
            "feed_parked_consumers_total",
            "Waits that left a feed viewer's consumer on its ended shared playout's idle producer instead of moving it back.",
            feeds.parked_consumers,
        ),
        (
            "feed_unparked_consumers_total",
            "Parked consumers moved off that producer because a group they were not in took it (of feed_consumer_moves_total).",
            feeds.unparked_consumers,
        ),
    ] {
        b.counter(name, help, value)?;
    }
    Ok(())
}

/// The feed engine's counters and latency quantiles.
fn feeds(b: &Builder, ctx: &Context) -> Result<(), prometheus::Error> {
    let feeds = ctx.recording.feeds.stats();
    feed_counters(b, &feeds)?;
    for (name, help, l) in [
        (
            "feed_lateness_seconds",
            "How late feed packets left against their playout schedule, since start (quantiles).",
            feeds.lateness_ms,
        ),
        (
            "feed_onset_to_first_packet_seconds",
            "From a speech onset to the first packet sent to a feed it woke, since start (quantiles).",
            feeds.onset_to_first_packet_ms,
        ),
    ] {
        let g = prometheus::GaugeVec::new(Opts::new(format!("sfu_{name}"), help), &["quantile"])?;
        for (q, v) in [("0.5", l.p50), ("0.99", l.p99), ("1", l.max)] {
            g.get_metric_with_label_values(&[q])?.set(v / 1000.0);
        }
        b.registry.register(Box::new(g))?;
    }
    b.counter(
        "feed_send_errors_total",
        "Feed packets mediasoup refused (a closed producer).",
        feeds.send_errors,
    )?;
    b.counter(
        "feed_video_packets_total",
        "Video packets sent to viewers through feeds (also counted in feed_packets_total).",
        feeds.video_packets,
    )?;
    b.counter(
        "feed_key_frame_requests_total",
        "Key frames asked of speakers' cameras for feeds (video switches and viewers' PLIs).",
        feeds.key_frame_requests,
    )?;
    b.counter(
        "feed_viewer_key_frame_requests_total",
        "PLIs and FIRs viewers sent on their feed's video.",
        feeds.viewer_key_frame_requests,
    )?;
    let x = feeds.external;
    b.counter_vec(
        "feed_external_decisions_total",
        "Decisions asked of the external recommender, by outcome (all but answered fell back to the learning recommender).",
        &["outcome"],
        &[
            (vec!["answered"], x.answered),
            (vec!["timed_out"], x.timed_out),
            (vec!["failed"], x.failed),
            (vec!["refused"], x.refused),
        ],
    )
}
