//! The media worker's side of a private feed's packets, by path, side by side in one process:
//! the same batches (one audio packet per viewer, as a feed engine turn sends them) go either to
//! each viewer's own producer by SSRC, which the router hands to the viewer's consumer (the
//! path before issue #16's addressed batches), or addressed straight to the viewer's consumer
//! (`DirectTransport::address_consumer`, what private feeds use now). Each viewer's consumer
//! is on its own PlainTransport sending to a UDP socket on 127.0.0.1 that nobody reads, so the
//! consumer side (rewrite, send) is a real one and the same for both paths.
//!
//! What is measured is the worker thread's time on a CPU (schedstat) per packet, from the first
//! batch of a round to a request answered after its last one. The paths alternate round by
//! round, so a machine that speeds up or slows down moves both; the per-round ratio and its
//! median are printed, and one JSON line.
//!
//! No engine, no WebRTC peers, no SRTP: this isolates the worker's ingest, which is what the
//! addressed path changes. `feed_vs_live` measures the whole feed against live consumers.
//!
//! usage: cargo bench --bench feed_ingest [-- VIEWERS [ROUNDS [BATCHES]]]
//! (defaults 200 viewers, 10 rounds of each path, 250 batches per round: 5 s of feed audio).

mod common;

use std::net::{IpAddr, Ipv4Addr, UdpSocket};
use std::num::{NonZeroU32, NonZeroU8};
use std::time::Duration;

use mediasoup::direct_transport::{ConsumerAddress, RtpBatch};
use mediasoup::prelude::*;
use mediasoup::worker::WorkerSettings;
use mediasoup::worker_manager::WorkerManager;
use sfu::procfs::thread_cpu_time_precise;

use common::{median, WORKER_THREAD};

const OPUS_PT: u8 = 100;
/// A request answered after every this many batches, so the queue to the worker stays short.
const BARRIER_EVERY: usize = 25;

fn opus_parameters(ssrc: u32) -> RtpParameters {
    RtpParameters {
        codecs: vec![RtpCodecParameters::Audio {
            mime_type: MimeTypeAudio::Opus,
            payload_type: OPUS_PT,
            clock_rate: NonZeroU32::new(48000).expect("non-zero"),
            channels: NonZeroU8::new(2).expect("non-zero"),
            parameters: RtpCodecParametersParameters::default(),
            rtcp_feedback: vec![],
        }],
        header_extensions: vec![RtpHeaderExtensionParameters {
            uri: RtpHeaderExtensionUri::SsrcAudioLevel,
            id: 6,
            encrypt: false,
        }],
        encodings: vec![RtpEncodingParameters {
            ssrc: Some(ssrc),
            ..RtpEncodingParameters::default()
        }],
        ..RtpParameters::default()
    }
}

/// A feed packet as the engine sends it: the header extensions a router gives audio (MID room,
/// transport-wide sequence slot, audio level, by the router's ids), 100 bytes of Opus.
fn packet(ssrc: u32, seq: u16) -> Vec<u8> {
    let mut p = vec![0x90, OPUS_PT];
    p.extend_from_slice(&seq.to_be_bytes());
    p.extend_from_slice(&(u32::from(seq) * 960).to_be_bytes());
    p.extend_from_slice(&ssrc.to_be_bytes());
    // 0xBEDE, 4 words: MID (id 1, 8 bytes), TWCC (id 5, 2 bytes), audio level (id 6, 1 byte).
    p.extend_from_slice(&[0xbe, 0xde, 0, 4]);
    p.extend_from_slice(&[0x17, b'0', 0, 0, 0, 0, 0, 0, 0]);
    p.extend_from_slice(&[0x51, 0, 0]);
    p.extend_from_slice(&[0x60, 0x85, 0, 0]);
    p.push(0x78);
    p.extend(std::iter::repeat_n(0xa5, 99));
    p
}

/// The worker thread of this process.
fn worker_tid() -> i32 {
    let tids: Vec<i32> = std::fs::read_dir("/proc/self/task")
        .expect("/proc/self/task")
        .flatten()
        .filter_map(|e| {
            let comm = std::fs::read_to_string(e.path().join("comm")).ok()?;
            comm.starts_with(WORKER_THREAD)
                .then(|| e.file_name().to_str()?.parse().ok())
                .flatten()
        })
        .collect();
    assert_eq!(tids.len(), 1, "one worker thread: {tids:?}");
    tids[0]
}

struct Viewer {
    ssrc: u32,
    address: ConsumerAddress,
    _producer: Producer,
    _consumer: Consumer,
    _transport: PlainTransport,
}

#[derive(Clone, Copy, PartialEq)]
enum Path {
    ByProducer,
    Addressed,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let arg = |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (viewers, rounds, batches) = (arg(0, 200).max(1), arg(1, 10).max(1), arg(2, 250).max(1));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run(viewers, rounds, batches));
}

async fn run(viewers: usize, rounds: usize, batches: usize) {
    let manager = WorkerManager::new();
    let worker = manager
        .create_worker(WorkerSettings::default())
        .await
        .expect("worker starts");
    let tid = worker_tid();
    let codecs = vec![RtpCodecCapability::Audio {
        mime_type: MimeTypeAudio::Opus,
        preferred_payload_type: Some(OPUS_PT),
        clock_rate: NonZeroU32::new(48000).expect("non-zero"),
        channels: NonZeroU8::new(2).expect("non-zero"),
        parameters: RtpCodecParametersParameters::default(),
        rtcp_feedback: vec![],
    }];
    let router = worker.create_router(RouterOptions::new(codecs)).await.expect("router");
    let caps: RtpCapabilities =
        serde_json::from_value(serde_json::to_value(router.rtp_capabilities()).expect("caps")).expect("caps");
    let send = router
        .create_direct_transport(DirectTransportOptions::default())
        .await
        .expect("feed transport");
    let sink = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).expect("sink socket");
    let sink_port = sink.local_addr().expect("sink address").port();
    let listen = ListenInfo {
        protocol: Protocol::Udp,
        ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
        announced_address: None,
        expose_internal_ip: false,
        port: None,
        port_range: None,
        flags: None,
        send_buffer_size: None,
        recv_buffer_size: None,
    };
    let mut all = Vec::with_capacity(viewers);
    for i in 0..viewers {
        let ssrc = 0x1000_0000 + i as u32;
        let producer = send
            .produce(ProducerOptions::new(MediaKind::Audio, opus_parameters(ssrc)))
            .await
            .expect("producer");
        let mut options = PlainTransportOptions::new(listen.clone());
        options.enable_bwe = false;
        let transport = router.create_plain_transport(options).await.expect("viewer transport");
        transport
            .connect(PlainTransportRemoteParameters {
                ip: Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
                port: Some(sink_port),
                rtcp_port: None,
                srtp_parameters: None,
            })
            .await
            .expect("connect");
        let consumer = transport
            .consume(ConsumerOptions::new(producer.id(), caps.clone()))
            .await
            .expect("consumer");
        let address = send.address_consumer(&consumer).await.expect("addressed");
        all.push(Viewer {
            ssrc,
            address,
            _producer: producer,
            _consumer: consumer,
            _transport: transport,
        });
    }

    let mut batch = RtpBatch::with_capacity(viewers * 160);
    let mut seq: u16 = 0;
    let mut results: Vec<(f64, f64)> = Vec::with_capacity(rounds);
    // A warm-up round of each path, not counted.
    for round in 0..=rounds {
        let mut pair = [0.0f64; 2];
        for (slot, path) in [Path::ByProducer, Path::Addressed].into_iter().enumerate() {
            let before = thread_cpu_time_precise(tid).expect("worker schedstat");
            for b in 0..batches {
                batch.clear();
                for v in &all {
                    let p = packet(v.ssrc, seq);
                    match path {
                        Path::ByProducer => batch.push(&p),
                        Path::Addressed => batch.push_to(v.address, &p),
                    }
                    .expect("fits");
                }
                seq = seq.wrapping_add(1);
                send.send_rtp_batch(&batch).expect("sent");
                if (b + 1) % BARRIER_EVERY == 0 || b + 1 == batches {
                    send.get_stats().await.expect("barrier");
                }
            }
            let cpu = thread_cpu_time_precise(tid).expect("worker schedstat") - before;
            pair[slot] = cpu.as_secs_f64() * 1e6 / (batches * viewers) as f64;
        }
        if round > 0 {
            results.push((pair[0], pair[1]));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    drop(sink);

    let by_producer: Vec<f64> = results.iter().map(|r| r.0).collect();
    let addressed: Vec<f64> = results.iter().map(|r| r.1).collect();
    let ratios: Vec<f64> = results.iter().map(|r| r.1 / r.0).collect();
    let list = |xs: &[f64]| xs.iter().map(|x| format!("{x:.2}")).collect::<Vec<_>>().join(", ");
    println!("feed ingest: {viewers} viewers, {rounds} rounds of {batches} batches per path, 1 worker");
    println!(
        "  worker µs per packet, by producer: {} (median {:.2})",
        list(&by_producer),
        median(&by_producer)
    );
    println!(
        "  worker µs per packet, addressed:   {} (median {:.2})",
        list(&addressed),
        median(&addressed)
    );
    println!(
        "  addressed / by producer, each round: {} (median {:.2})",
        list(&ratios),
        median(&ratios)
    );
    println!(
        "{}",
        serde_json::json!({"viewers": viewers, "rounds": rounds, "batches": batches,
            "worker_us_per_packet": {"by_producer": by_producer, "addressed": addressed},
            "addressed_over_by_producer": ratios, "median_ratio": median(&ratios)})
    );
}
