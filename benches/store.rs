//! Per-packet costs of the buffer and the feed: what each tapped packet pays to be stored and
//! each viewer packet pays to be read, paced and rewritten.

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use sfu::buffer::{EndState, MediaKind, Speaker, StoreConfig, Track, UtteranceMeta, UtteranceStore};
use sfu::feed::{Feed, FeedConfig, FeedOutput, RewriterConfig};
use sfu::recommend::{RandomRecommender, ViewerContext};

fn meta(uid: &str) -> UtteranceMeta {
    UtteranceMeta {
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
        let store = UtteranceStore::new(StoreConfig { cap_bytes: 4 << 20 });
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

criterion_group!(benches, append, feed);
criterion_main!(benches);
