//! Generated hostile input (proptest strategies, one fixed seed: reproducible): random request
//! envelopes and random `data` for every method, built from valid trees (a producer's
//! `rtpParameters`, `dtlsParameters`, `rtpCapabilities`, real ids) and mutated: fields dropped
//! and added, wrong types, huge and negative numbers, long strings, deep nesting, many
//! encodings. Joined broadcasters and viewers send them next to a real synthetic viewer of a
//! real broadcaster. Every input gets an answer (a response or an error code), the server stays
//! up, the viewer loses nothing, and every object is released at the end.
//!
//! `SFU_HOSTILE_SEED=<n>` replays another seed; a failure prints the input that caused it.

mod common;

use std::collections::HashSet;
use std::time::Duration;

use common::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config as PropConfig, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Map, Value};
use sfu::synthetic::{run_broadcasters, run_viewers};

const INPUTS_PER_CLIENT: usize = 160;
const DEFAULT_SEED: u64 = 14;
/// The server's default `limits.max_frame_bytes`.
const MAX_FRAME_BYTES: usize = 1 << 20;

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop_oneof![
            Just(-1i64),
            Just(0),
            Just(255),
            Just(256),
            Just(65536),
            Just(i64::MIN),
            Just(u32::MAX as i64 + 1)
        ]
        .prop_map(Value::from),
        (-1e300f64..1e300).prop_map(Value::from),
        "[a-zA-Z0-9/:._-]{0,16}".prop_map(Value::from),
        prop_oneof![
            Just("audio"),
            Just("video"),
            Just("send"),
            Just("recv"),
            Just("audio/opus"),
            Just("video/VP8"),
            Just("sha-256"),
            Just("client")
        ]
        .prop_map(Value::from),
        (1usize..9000).prop_map(|n| Value::from("é".repeat(n))),
        (10usize..400).prop_map(|depth| (0..depth).fold(json!(1), |v, _| json!([v]))),
    ]
}

fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::from),
            prop::collection::btree_map("[a-zA-Z]{1,12}", inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// One change at the `at`-th node (pre-order, modulo the node count) of a tree.
#[derive(Debug, Clone)]
enum Mutation {
    Drop(usize),
    Add(usize, String, Value),
    Replace(usize, Value),
    /// An array grows to `n` copies of its first element (many encodings, many codecs).
    Repeat(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        at.prop_map(Mutation::Drop),
        (at, "[a-zA-Z]{1,12}", tree()).prop_map(|(a, k, v)| Mutation::Add(a, k, v)),
        (at, tree()).prop_map(|(a, v)| Mutation::Replace(a, v)),
        (at, prop_oneof![Just(2usize), Just(5), Just(64), Just(300)]).prop_map(|(a, n)| Mutation::Repeat(a, n)),
    ]
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count_nodes).sum(),
        Value::Object(o) => o.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Applies `m` to the `at`-th node of `v` in pre-order (a drop removes it from its parent);
/// true once applied, else `at` has gone down by the subtree's size.
fn apply(v: &mut Value, at: &mut usize, m: &Mutation) -> bool {
    if *at == 0 {
        change(v, m);
        return true;
    }
    *at -= 1;
    let keys: Vec<String> = v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
    let len = v.as_array().map_or(keys.len(), Vec::len);
    for i in 0..len {
        if *at == 0 && matches!(m, Mutation::Drop(_)) {
            match v {
                Value::Array(a) => drop(a.remove(i)),
                Value::Object(o) => drop(o.remove(&keys[i])),
                _ => {}
            }
            return true;
        }
        let child = match v {
            Value::Array(a) => &mut a[i],
            Value::Object(o) => o.get_mut(&keys[i]).expect("key"),
            _ => return false,
        };
        if apply(child, at, m) {
            return true;
        }
    }
    false
}

fn change(v: &mut Value, m: &Mutation) {
    match m {
        Mutation::Replace(_, new) => *v = new.clone(),
        Mutation::Add(_, k, new) => match v {
            Value::Object(o) => drop(o.insert(k.clone(), new.clone())),
            Value::Array(a) => a.push(new.clone()),
            other => *other = new.clone(),
        },
        Mutation::Repeat(_, n) => match v {
            Value::Array(a) if !a.is_empty() => {
                let first = a[0].clone();
                *a = vec![first; *n];
            }
            other => *other = Value::Array(vec![other.clone(); *n]),
        },
        // The root is never dropped (`mutate` moves a drop to its first child).
        Mutation::Drop(_) => *v = Value::Null,
    }
}

fn mutate(mut v: Value, mutations: &[Mutation]) -> Value {
    for m in mutations {
        let index = match m {
            Mutation::Drop(a) | Mutation::Add(a, ..) | Mutation::Replace(a, _) | Mutation::Repeat(a, _) => *a,
        };
        let mut at = index % count_nodes(&v);
        if at == 0 && matches!(m, Mutation::Drop(_)) {
            at = 1;
        }
        apply(&mut v, &mut at, m);
    }
    v
}

/// Valid `data` trees of every method, with the ids this run knows (own and another peer's).
struct Bases {
    caps: Value,
    own_send: Value,
    own_recv: Value,
    producer: Value,
    others: Vec<Value>,
}

impl Bases {
    fn valid(&self, method: &str, pick: usize) -> Value {
        let other = self.others[pick % self.others.len()].clone();
        let transport = [&self.own_send, &self.own_recv, &other][pick % 3].clone();
        let consumer = [&other, &self.producer][pick % 2].clone();
        match method {
            "join" => json!({"room": "gen", "role": "viewer", "displayName": "x", "rtpCapabilities": self.caps}),
            "createTransport" => json!({"direction": if pick.is_multiple_of(2) { "send" } else { "recv" }}),
            "connectTransport" => json!({"transportId": transport, "dtlsParameters": client_dtls_parameters()}),
            "produce" => json!({"transportId": self.own_send, "kind": "audio",
                "rtpParameters": browser_opus_rtp_parameters(1000 + pick as u32), "appData": {"a": 1}}),
            "consume" => json!({"transportId": self.own_recv, "producerId": self.producer}),
            "resumeConsumer" | "pauseConsumer" => json!({"consumerId": consumer}),
            "pauseProducer" | "resumeProducer" | "closeProducer" => json!({"producerId": self.producer}),
            "setPreferredLayers" => json!({"consumerId": consumer, "spatialLayer": 0, "temporalLayer": 1}),
            "restartIce" => json!({"transportId": transport}),
            "subscribeFeed" => json!({"transportId": self.own_recv, "video": pick.is_multiple_of(2)}),
            "setPreferences" => json!({"favour": ["a"], "mute": ["b"]}),
            "resume" => json!({"resumeToken": "0123456789abcdef"}),
            "refreshToken" => json!({"token": "eyJhbGciOiJub25lIn0.e30."}),
            _ => json!({}),
        }
    }
}

/// One generated frame: a method (every known one, or garbage), its mutated data, and an
/// envelope that is usually well formed.
#[derive(Debug, Clone)]
struct Input {
    method: usize,
    pick: usize,
    mutations: Vec<Mutation>,
    envelope: u8,
    junk: Value,
}

fn input() -> impl Strategy<Value = Input> {
    (
        any::<usize>(),
        any::<usize>(),
        prop::collection::vec(mutation(), 0..4),
        any::<u8>(),
        tree(),
    )
        .prop_map(|(method, pick, mutations, envelope, junk)| Input {
            method,
            pick,
            mutations,
            envelope,
            junk,
        })
}

/// The frame's text and the id its answer must carry (None: an envelope error, `id: null`).
fn render(i: &Input, bases: &Bases, id: u64) -> (String, Option<u64>) {
    let methods = sfu::protocol::METHODS;
    let method = methods[i.method % methods.len()];
    let data = mutate(bases.valid(method, i.pick), &i.mutations);
    match i.envelope % 16 {
        // An unknown method with the data.
        0 => (
            json!({"id": id, "method": format!("{method}X"), "data": data}).to_string(),
            Some(id),
        ),
        // A junk envelope: any tree at all.
        1 => (i.junk.to_string(), None),
        // The envelope with an extra field, or data of another type.
        2 => (
            json!({"id": id, "method": method, "data": data, "x": i.junk}).to_string(),
            None,
        ),
        3 => (json!({"id": id, "method": method, "data": i.junk}).to_string(), None),
        _ => (json!({"id": id, "method": method, "data": data}).to_string(), Some(id)),
    }
}

fn seed() -> u64 {
    std::env::var("SFU_HOSTILE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SEED)
}

fn generate(seed: u64, n: usize) -> Vec<Input> {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(PropConfig::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));
    (0..n)
        .map(|_| input().new_tree(&mut runner).expect("strategy").current())
        .collect()
}

/// A joined hostile client and its own objects.
async fn hostile_client(server: &sfu::ServerHandle, role: &str) -> (Client, Value, Value) {
    let mut c = Client::connect(server).await;
    c.join_with_caps("gen", role).await;
    let send = if role == "broadcaster" {
        c.ok("createTransport", json!({"direction": "send"})).await["transportId"].clone()
    } else {
        json!(uuid_like(7))
    };
    let recv = c.ok("createTransport", json!({"direction": "recv"})).await["transportId"].clone();
    (c, send, recv)
}

fn uuid_like(n: u8) -> String {
    format!("6f1c2b0e-6a57-4c38-9d2c-2f0a5f9e1a{n:02}")
}

/// The next frame that is not a notification; panics (naming the input) when the connection
/// closes or nothing comes within 10 s.
async fn answer(c: &mut Client, n: usize, text: &str) -> Value {
    let shown: String = text.chars().take(300).collect();
    for _ in 0..10_000 {
        let r = tokio::time::timeout(Duration::from_secs(10), c.recv_json())
            .await
            .unwrap_or_else(|_| panic!("no answer within 10 s to input {n} (seed {}): {shown}", seed()))
            .unwrap_or_else(|| {
                panic!(
                    "connection closed by input {n} (seed {}, {} bytes): {shown}",
                    seed(),
                    text.len()
                )
            });
        if r.get("notification").is_none() {
            return r;
        }
    }
    panic!("only notifications after input {n}")
}

/// Sends each input and checks its answer: a response with the request's id (or `null` for an
/// envelope it could not read), either ok or an error with a code and a message.
async fn send_all(c: &mut Client, inputs: &[Input], bases: &Bases, sent: &mut HashSet<String>) -> usize {
    let mut errors = 0;
    for (n, input) in inputs.iter().enumerate() {
        let id = 1_000_000 + n as u64;
        let (text, want_id) = render(input, bases, id);
        // A frame over the hard limit closes the connection by design (its own test).
        if text.len() > MAX_FRAME_BYTES {
            continue;
        }
        sent.insert(text.clone());
        let shown: String = text.chars().take(300).collect();
        c.send_text(text.clone()).await;
        let r = answer(c, n, &text).await;
        if let Some(want) = want_id {
            assert!(r["id"] == json!(want) || r["id"].is_null(), "answer to {shown}: {r}");
        }
        if r["ok"] == json!(true) {
            continue;
        }
        errors += 1;
        assert_eq!(r["ok"], json!(false), "{shown}: {r}");
        assert!(
            r["error"]["code"].as_str().is_some_and(|c| !c.is_empty()),
            "{shown}: {r}"
        );
        assert_ne!(r["error"]["code"], "internal", "{shown}: {r}");
    }
    errors
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_hostile_requests_are_answered_and_a_real_viewer_loses_nothing() {
    let mut config = test_config(1);
    // Many inputs in a burst: rate limiting has its own test.
    config.limits.messages_per_second = 100_000;
    config.limits.message_burst = 100_000;
    let server = start(config).await;
    let owner = tokio::spawn(run_broadcasters(broadcast_options(
        &server,
        "gen",
        1,
        Duration::from_secs(9),
    )));
    eventually("owner producing", || server.counts().producers == 1).await;
    let viewer = tokio::spawn(run_viewers(viewer_options(&server, "gen", 1, Duration::from_secs(6))));
    eventually("viewer consuming", || server.counts().consumers == 1).await;
    let dump = server.dump(Some("gen")).await;
    let peers = &dump.rooms[0].peers;
    let producer = json!(peers.iter().find_map(|p| p.producers.first()).unwrap().id);
    let mut others: Vec<Value> = peers
        .iter()
        .flat_map(|p| {
            p.transports
                .iter()
                .map(|t| json!(t.id))
                .chain(p.consumers.iter().map(|c| json!(c.id)))
        })
        .collect();
    others.push(json!(uuid_like(1)));

    let seed = seed();
    let inputs = generate(seed, 2 * INPUTS_PER_CLIENT);
    let mut sent = HashSet::new();
    let started = std::time::Instant::now();
    let mut errors = 0;
    for (k, role) in ["broadcaster", "viewer"].into_iter().enumerate() {
        let (mut c, own_send, own_recv) = hostile_client(&server, role).await;
        let bases = Bases {
            caps: c.ok("getRouterRtpCapabilities", json!({})).await["routerRtpCapabilities"].clone(),
            own_send,
            own_recv,
            producer: producer.clone(),
            others: others.clone(),
        };
        let chunk = &inputs[k * INPUTS_PER_CLIENT..(k + 1) * INPUTS_PER_CLIENT];
        errors += send_all(&mut c, chunk, &bases, &mut sent).await;
        assert_eq!(c.ok("ping", json!({})).await["pong"], true, "still usable");
        c.close().await;
    }
    println!(
        "seed {seed}: {} distinct generated hostile inputs, {errors} answered with an error, in {:?}",
        sent.len(),
        started.elapsed()
    );
    assert!(sent.len() >= 200, "{} distinct inputs", sent.len());

    let report = viewer.await.unwrap().expect("viewer runs");
    assert_all_connected(&report);
    // The viewer also consumes what a hostile broadcaster managed to produce (nothing flows
    // there); the real broadcaster's stream lost nothing.
    let streams = &report.peers[0].streams;
    let real = streams
        .iter()
        .find(|s| json!(s.producer_id) == producer)
        .unwrap_or_else(|| panic!("the real stream: {streams:?}"));
    assert_eq!((real.lost, real.duplicates), (0, 0), "{real:?}");
    assert!(real.received >= 200, "~6 s at 50 packets/s: {real:?}");
    owner.await.unwrap().expect("owner runs");
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

/// `produce` (VP8, as simulcast) with many encodings of every shape (distinct SSRCs, the same SSRC repeated, rids
/// without SSRCs, simulcast-like scalability modes), from a joined broadcaster: each is
/// answered and the connection stays usable.
#[tokio::test]
async fn a_producer_with_many_encodings_is_answered() {
    many_encodings(&[2, 4, 16]).await;
}

/// Found by this suite: a VP8 producer with 300 encodings panicked inside the vendored mediasoup
/// crate (`ortc.rs`, `unwrap()` on `InvalidInput` while mapping the encodings), which killed the
/// session. Now `produce` refuses it (`rtp_params`), and the crate returns an error
/// (third_party/mediasoup-recipe/ortc-errors.patch).
#[tokio::test]
async fn a_producer_with_300_encodings_is_answered() {
    many_encodings(&[300]).await;
}

/// An encodings shape: its name and the `i`-th encoding.
type Shape = (&'static str, Box<dyn Fn(usize) -> Value>);

async fn many_encodings(counts: &[usize]) {
    let server = start(test_config(1)).await;
    let (mut c, send, _) = hostile_client(&server, "broadcaster").await;
    let mut params = json!({
        "mid": "1",
        "codecs": [{"mimeType": "video/VP8", "payloadType": 96, "clockRate": 90000, "parameters": {},
            "rtcpFeedback": [{"type": "nack", "parameter": ""}, {"type": "nack", "parameter": "pli"}, {"type": "ccm", "parameter": "fir"}]}],
        "headerExtensions": [{"uri": "urn:ietf:params:rtp-hdrext:sdes:mid", "id": 4, "encrypt": false, "parameters": {}}],
        "encodings": [],
        "rtcp": {"cname": "many", "reducedSize": true}
    });
    let shapes: Vec<Shape> = vec![
        ("distinct ssrcs", Box::new(|i| json!({"ssrc": 5000 + i}))),
        ("one ssrc repeated", Box::new(|_| json!({"ssrc": 5000}))),
        ("rids", Box::new(|i| json!({"rid": format!("r{i}")}))),
        (
            "rids and modes",
            Box::new(|i| json!({"rid": format!("r{i}"), "scalabilityMode": "L1T3", "maxBitrate": i})),
        ),
        ("empty", Box::new(|_| json!({}))),
    ];
    let mut cases = 0;
    for (shape, encoding) in &shapes {
        for &n in counts {
            params["encodings"] = Value::Array((0..n).map(encoding).collect());
            let r = c
                .request(
                    "produce",
                    json!({"transportId": send, "kind": "video", "rtpParameters": params}),
                )
                .await;
            println!("{shape} x{n}: {:?}", r.as_ref().map(|_| "ok"));
            if let Ok(p) = r {
                c.ok("closeProducer", json!({"producerId": p["producerId"]})).await;
            }
            cases += 1;
        }
    }
    assert_eq!(
        c.ok("ping", json!({})).await["pong"],
        true,
        "still usable after {cases} cases"
    );
    c.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[test]
fn mutations_hit_the_node_they_name() {
    let base = json!({"a": 1, "b": [1, 2]});
    assert_eq!(mutate(base.clone(), &[Mutation::Drop(1)]), json!({"b": [1, 2]}));
    assert_eq!(mutate(base.clone(), &[Mutation::Drop(3)]), json!({"a": 1, "b": [2]}));
    assert_eq!(
        mutate(base.clone(), &[Mutation::Repeat(2, 3)]),
        json!({"a": 1, "b": [1, 1, 1]})
    );
    assert_eq!(
        mutate(base.clone(), &[Mutation::Replace(4, json!("x"))]),
        json!({"a": 1, "b": [1, "x"]})
    );
    assert_eq!(
        mutate(base.clone(), &[Mutation::Add(5, "c".into(), json!(null))]),
        json!({"a": 1, "b": [1, 2], "c": null})
    );
    // Seeded: the same seed gives the same inputs.
    assert_eq!(format!("{:?}", generate(3, 5)), format!("{:?}", generate(3, 5)));
}

/// Found by this suite (the many-encodings cases): `closeProducer` answers before mediasoup has
/// let go of the producer's SSRCs, so producing again at once with the same SSRC (a client
/// replacing its track) fails with `media_error` "ssrc already exists in RTP listener".
#[tokio::test]
#[ignore = "server defect found by the hostile suite: closeProducer answers before the worker frees its SSRCs"]
async fn produce_right_after_close_producer_reuses_the_ssrc() {
    let server = start(test_config(1)).await;
    let (mut c, send, _) = hostile_client(&server, "broadcaster").await;
    for round in 0..10 {
        let params = browser_opus_rtp_parameters(7000);
        let p = c
            .request(
                "produce",
                json!({"transportId": send, "kind": "audio", "rtpParameters": params}),
            )
            .await
            .unwrap_or_else(|e| panic!("round {round}: {e:?}"));
        c.ok("closeProducer", json!({"producerId": p["producerId"]})).await;
    }
    c.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}
