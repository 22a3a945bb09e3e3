//! Decision latency of the recommenders with 10 000 utterances in the buffer and 1 000 feeds.
//!
//! The worst case for one decision: all 10 000 utterances in one room (a decision looks at its
//! room's candidates only), 100 speakers, and 1 000 viewers that have each learnt a taste for
//! 40 of them and heard 20 utterances. Each decision is for the next viewer in turn, so the
//! viewers' state is not all in cache. Two measurements:
//!
//! - `decide`: `Recommender::next` on the candidates a feed lists (the room's newest
//!   `sfu::feed::MAX_CANDIDATES`, 1024), what the issue bounds: p99 <= 100 µs;
//! - `switch`: listing them out of a real store, then deciding (what a feed's switch costs in
//!   all, with the store's lock), and for comparison listing all 10 000 as before.
//!
//! Besides criterion's means, the percentiles of 20 000 timed decisions are printed.

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use hdrhistogram::Histogram;
use sfu::buffer::{
    Candidate, EndState, Features, MediaKind, Speaker, StoreConfig, Track, UtteranceId, UtteranceMeta, UtteranceState,
    UtteranceStore,
};
use sfu::feed::MAX_CANDIDATES;
use sfu::recommend::{
    LearningConfig, LearningRecommender, PreferencesRecommender, RandomRecommender, Recommender, Signal, SignalKind,
    ViewerContext,
};

const UTTERANCES: u64 = 10_000;
const SPEAKERS: usize = 100;
const FEEDS: usize = 1_000;

fn speakers() -> Vec<Speaker> {
    (0..SPEAKERS)
        .map(|i| Speaker {
            uid: format!("speaker-{i}").into(),
            peer: format!("peer-{i}").into(),
        })
        .collect()
}

fn candidates(t0: Instant, speakers: &[Speaker]) -> Vec<Candidate> {
    let room: Arc<str> = "room".into();
    (1..=UTTERANCES)
        .map(|i| Candidate {
            id: UtteranceId(i),
            room: Arc::clone(&room),
            speaker: speakers[(i as usize * 7) % SPEAKERS].clone(),
            state: if i > UTTERANCES - 20 {
                UtteranceState::Live
            } else {
                UtteranceState::Complete
            },
            start: t0 + Duration::from_millis(i * 300),
            duration: Duration::from_secs(3),
            readers: 0,
            features: Features {
                audio_packets: 150,
                voiced_packets: 120,
                level_sum: 150 * 30,
                plays: (i % 5) as u32,
                finishes: (i % 3) as u32,
            },
            topics: Default::default(),
        })
        .collect()
}

fn viewers(speakers: &[Speaker]) -> Vec<ViewerContext> {
    (0..FEEDS)
        .map(|v| {
            let mut ctx = ViewerContext::new(format!("viewer-{v}").into(), format!("uid-{v}").into(), 20);
            for k in 0..40 {
                let s = &speakers[(v * 13 + k * 7) % SPEAKERS];
                let kind = if (v + k) % 3 == 0 {
                    SignalKind::Finished
                } else {
                    SignalKind::Skipped
                };
                ctx.signals.record(Signal {
                    utterance: UtteranceId(k as u64),
                    speaker: Arc::clone(&s.uid),
                    topics: Default::default(),
                    kind,
                    after: Duration::from_millis(900),
                });
            }
            for h in 0..20 {
                ctx.history
                    .push(UtteranceId(UTTERANCES - h * 3), Arc::clone(&speakers[0].uid));
            }
            ctx
        })
        .collect()
}

fn store_with(t0: Instant, speakers: &[Speaker]) -> UtteranceStore {
    let store = UtteranceStore::new(StoreConfig::default());
    let packet = {
        let mut p = vec![0u8; 90];
        p[0] = 0x80;
        p[1] = 111;
        p
    };
    for i in 0..UTTERANCES {
        let meta = UtteranceMeta {
            topics: Default::default(),
            room: "room".into(),
            speaker: speakers[(i as usize * 7) % SPEAKERS].clone(),
            tracks: vec![Track {
                kind: MediaKind::Audio,
                clock_rate: 48_000,
            }],
        };
        let start = t0 + Duration::from_millis(i * 300);
        let mut w = store.open(meta, start).expect("room in the store");
        w.append(start, 0, &packet).expect("packet stored");
        w.finish(start + Duration::from_millis(20), EndState::Complete);
    }
    store
}

/// Times `n` decisions round-robin over the viewers; returns the histogram in ns.
fn timed(n: usize, mut decide: impl FnMut(usize)) -> Histogram<u64> {
    let mut h = Histogram::<u64>::new_with_bounds(1, 1_000_000_000, 3).expect("bounds");
    for i in 0..n {
        let t = Instant::now();
        decide(i % FEEDS);
        let _ = h.record(t.elapsed().as_nanos() as u64);
    }
    h
}

fn report(name: &str, h: &Histogram<u64>) {
    let us = |q: f64| h.value_at_quantile(q) as f64 / 1000.0;
    println!(
        "{name}: {} decisions, p50 {:.1} µs, p90 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        h.len(),
        us(0.5),
        us(0.9),
        us(0.99),
        h.max() as f64 / 1000.0
    );
}

fn decide(c: &mut Criterion) {
    let t0 = Instant::now();
    let speakers = speakers();
    let all = candidates(t0, &speakers);
    let cands = &all[all.len() - MAX_CANDIDATES..];
    let mut viewers = viewers(&speakers);
    let now = t0 + Duration::from_millis(UTTERANCES * 300 + 500);
    let learning = LearningRecommender::new(LearningConfig::new(1));
    let random = PreferencesRecommender::new(RandomRecommender::new(1));
    let policies: [(&str, &dyn Recommender); 2] = [("learning", &learning), ("random", &random)];
    for (name, r) in policies {
        let h = timed(20_000, |v| {
            viewers[v].signals.decided();
            std::hint::black_box(r.next(&viewers[v], cands, now).expect("no error"));
        });
        report(
            &format!("decide/{name} (newest 1 024 of 10 000 candidates, 1 000 feeds)"),
            &h,
        );
    }
    let mut g = c.benchmark_group("decide");
    let mut v = 0;
    g.bench_function("learning", |b| {
        b.iter(|| {
            v = (v + 1) % FEEDS;
            viewers[v].signals.decided();
            learning.next(&viewers[v], cands, now).expect("no error")
        })
    });
    g.finish();
}

fn switch(c: &mut Criterion) {
    let t0 = Instant::now();
    let speakers = speakers();
    let store = store_with(t0, &speakers);
    let mut viewers = viewers(&speakers);
    let now = t0 + Duration::from_millis(UTTERANCES * 300 + 500);
    let learning = LearningRecommender::new(LearningConfig::new(1));
    let mut listed = Vec::new();
    let h = timed(5_000, |v| {
        store.newest_candidates("room", MAX_CANDIDATES, &mut listed);
        viewers[v].signals.decided();
        std::hint::black_box(learning.next(&viewers[v], &listed, now).expect("no error"));
    });
    report("switch/learning (list the newest 1 024 from the store + decide)", &h);
    let h = timed(2_000, |v| {
        store.candidates("room", &mut listed);
        viewers[v].signals.decided();
        std::hint::black_box(learning.next(&viewers[v], &listed, now).expect("no error"));
    });
    report("switch/learning, before (list all 10 000 from the store + decide)", &h);
    let mut v = 0;
    c.bench_function("switch/learning", |b| {
        b.iter(|| {
            v = (v + 1) % FEEDS;
            store.newest_candidates("room", MAX_CANDIDATES, &mut listed);
            viewers[v].signals.decided();
            learning.next(&viewers[v], &listed, now).expect("no error")
        })
    });
}

criterion_group!(benches, decide, switch);
criterion_main!(benches);
