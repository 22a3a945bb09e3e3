//! Per-packet costs of the buffer and the feed: what each tapped packet pays to be stored and
//! each viewer packet pays to be read, paced and rewritten.

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use sfu::buffer::{EndState, MediaKind, Speaker, StoreConfig, Track, UtteranceMeta, UtteranceStore};
use sfu::feed::{Feed, FeedConfig, FeedOutput, RewriterConfig};
use sfu::recommend::{RandomRecommender, ViewerContext};

// The server's allocator (cli/main.rs), so these costs are the ones `sfu serve` pays;
// `--no-default-features` measures the system allocator instead.
#[cfg(feature = "jemalloc")]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn meta(uid: &str) -> UtteranceMeta {
    UtteranceMeta {
        topics: Default::default(),
        room: "r".into(),
        speaker: Speaker {
            uid: uid.into(),
            peer: uid.into(),
        },
        tracks: vec![Track {
            kind: MediaKind::Audio,
            clock_rate: 48_000,
        }],
    }
}

fn packet(i: u16) -> Vec<u8> {
    let mut p = vec![0u8; 100];
    p[0] = 0x80;
    p[1] = 111;
    p[2..4].copy_from_slice(&i.to_be_bytes());
    p[4..8].copy_from_slice(&(960 * u32::from(i)).to_be_bytes());
    p
}

fn append(c: &mut Criterion) {
    let mut g = c.benchmark_group("store");
    g.throughput(Throughput::Elements(750));
    let t0 = Instant::now();
    let packets: Vec<Vec<u8>> = (0..750).map(packet).collect();
    // A 15 s utterance of 100-byte packets into a store that must evict to make room.
    g.bench_function("append 750 packets under eviction", |b| {
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: 4 << 20,
            ..StoreConfig::default()
        });
        b.iter(|| {
            let mut w = store.open(meta("a"), t0).unwrap();
            for (i, p) in packets.iter().enumerate() {
                w.append(t0 + Duration::from_millis(20 * i as u64), 0, p).unwrap();
            }
            w.finish(t0 + Duration::from_secs(15), EndState::Complete);
        })
    });
    g.bench_function("read 750 packets", |b| {
        let store = UtteranceStore::new(StoreConfig::default());
        let mut w = store.open(meta("a"), t0).unwrap();
        for (i, p) in packets.iter().enumerate() {
            w.append(t0 + Duration::from_millis(20 * i as u64), 0, p).unwrap();
        }
        let id = w.id();
        w.finish(t0 + Duration::from_secs(15), EndState::Complete);
        let mut out = Vec::new();
        b.iter_batched(
            || store.reader(id).unwrap(),
            |mut r| {
                while let sfu::buffer::ReadOutcome::Packet { .. } = r.read_next(&mut out) {}
                r
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

fn feed(c: &mut Criterion) {
    let mut g = c.benchmark_group("feed");
    g.throughput(Throughput::Elements(750));
    let t0 = Instant::now();
    let store = UtteranceStore::new(StoreConfig::default());
    let mut w = store.open(meta("speaker"), t0).unwrap();
    for i in 0..750u16 {
        w.append(t0 + Duration::from_millis(20 * u64::from(i)), 0, &packet(i))
            .unwrap();
    }
    w.finish(t0 + Duration::from_secs(15), EndState::Complete);
    let recommender = Arc::new(RandomRecommender::new(1));
    let config = FeedConfig::audio_only(RewriterConfig {
        kind: MediaKind::Audio,
        ssrc: 1,
        payload_type: 100,
        clock_rate: 48_000,
        initial_sequence: 0,
        initial_timestamp: 0,
        timeline: None,
    });
    // Play the whole utterance as one late poll: read, pace, rewrite each packet.
    g.bench_function("play 750 packets", |b| {
        let mut buf = Vec::new();
        b.iter_batched(
            || {
                let viewer = ViewerContext::new("v".into(), "v".into(), 4);
                let mut f = Feed::new(config.clone(), "r".into(), viewer, store.clone(), recommender.clone());
                f.start(t0);
                f
            },
            |mut f| {
                let mut n = 0;
                while !matches!(f.poll(t0 + Duration::from_secs(20), &mut buf), FeedOutput::Timeout(_)) {
                    n += 1;
                }
                assert!(n >= 750);
                f
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

/// Append-with-eviction cost at several fills: a store of `size` bytes already full of finished
/// 15 s utterances (opus-sized 120-byte packets) takes one more, evicting as it goes. Flat
/// across sizes means eviction and accounting do not scan the store. Also prints the store's
/// bookkeeping overhead over the raw RTP bytes it holds.
fn append_at_scale(c: &mut Criterion) {
    let mut g = c.benchmark_group("store at scale");
    g.throughput(Throughput::Elements(750));
    g.sample_size(20);
    let t0 = Instant::now();
    let packets: Vec<Vec<u8>> = (0..750u16)
        .map(|i| {
            let mut p = packet(i);
            p.resize(120, 0);
            p
        })
        .collect();
    for (label, size) in [("10 MB", 10usize << 20), ("100 MB", 100 << 20), ("1 GB", 1 << 30)] {
        let store = UtteranceStore::new(StoreConfig {
            cap_bytes: size,
            ..StoreConfig::default()
        });
        let mut raw = 0usize;
        let mut n = 0u64;
        // Fill to the cap (the first eviction marks it full).
        while store.stats().evictions == 0 {
            let mut w = store
                .open(meta(if n.is_multiple_of(2) { "a" } else { "b" }), t0)
                .unwrap();
            for (i, p) in packets.iter().enumerate() {
                w.append(t0 + Duration::from_millis(20 * i as u64), 0, p).unwrap();
                raw += p.len();
            }
            w.finish(t0 + Duration::from_secs(15), EndState::Complete);
            n += 1;
        }
        let stats = store.stats();
        let held = stats.finished * packets.len() * packets[0].len();
        eprintln!(
            "store {label}: {} utterances held, {} bytes used for {} RTP bytes: overhead {:.1} % (appended {raw} bytes)",
            stats.finished,
            stats.bytes_used,
            held,
            100.0 * (stats.bytes_used as f64 - held as f64) / held as f64
        );
        g.bench_function(format!("append 750 packets, store full at {label}"), |b| {
            b.iter(|| {
                let mut w = store.open(meta("c"), t0).unwrap();
                for (i, p) in packets.iter().enumerate() {
                    w.append(t0 + Duration::from_millis(20 * i as u64), 0, p).unwrap();
                }
                w.finish(t0 + Duration::from_secs(15), EndState::Complete);
            })
        });
    }
    g.finish();
}

criterion_group!(benches, append, feed, append_at_scale);
criterion_main!(benches);
