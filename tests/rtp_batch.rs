//! The vendored worker's patches that the feed engine stands on, driven through the crate.
//!
//! Batched RTP ingest (`DirectTransport::send_rtp_batch`): every packet of a batch reaches the
//! producer its SSRC names, in order, as one `DirectProducer::send` per packet would; entries
//! that are not RTP, too large, or of no producer are dropped without taking the rest of the
//! batch, the transport or the worker with them. (A batch whose framing is cut short cannot be
//! built with `RtpBatch`; the worker checks each length against what is left and stops there.)
//!
//! Packets addressed to a consumer (`DirectTransport::address_consumer`, `RtpBatch::push_to`,
//! the private feed's audio): they reach that consumer alone, as one stream with what its
//! producer sends, laid out as the router would hand them over; not while it consumes another
//! producer; not after it closed; and either side may close first.
//!
//! Moving a consumer to another producer (`Consumer::change_producer`, shared playouts): the
//! consumer's stream stays one stream (one SSRC, contiguous sequence numbers, the producers'
//! timestamps), the move is ordered before packets sent after it, and bad moves are refused.

use std::num::{NonZeroU32, NonZeroU8};
use std::sync::Arc;
use std::time::Duration;

use mediasoup::direct_transport::{DirectTransportStat, RtpBatch};
use mediasoup::prelude::*;
use mediasoup::producer::ProducerStat;
use mediasoup::worker::WorkerSettings;
use mediasoup::worker_manager::WorkerManager;
use parking_lot::Mutex;

const OPUS_PT: u8 = 100;

fn opus_parameters(ssrc: u32) -> RtpParameters {
    parameters(
        RtpCodecParameters::Audio {
            mime_type: MimeTypeAudio::Opus,
            payload_type: OPUS_PT,
            clock_rate: NonZeroU32::new(48000).unwrap(),
            channels: NonZeroU8::new(2).unwrap(),
            parameters: RtpCodecParametersParameters::default(),
            rtcp_feedback: vec![],
        },
        ssrc,
    )
}

fn vp8_parameters(ssrc: u32) -> RtpParameters {
    parameters(
        RtpCodecParameters::Video {
            mime_type: MimeTypeVideo::Vp8,
            payload_type: 101,
            clock_rate: NonZeroU32::new(90000).unwrap(),
            parameters: RtpCodecParametersParameters::default(),
            rtcp_feedback: vec![],
        },
        ssrc,
    )
}

/// A producer's parameters: one codec, one SSRC.
fn parameters(codec: RtpCodecParameters, ssrc: u32) -> RtpParameters {
    RtpParameters {
        codecs: vec![codec],
        encodings: vec![RtpEncodingParameters {
            ssrc: Some(ssrc),
            ..RtpEncodingParameters::default()
        }],
        ..RtpParameters::default()
    }
}

/// An RTP packet of `ssrc` whose payload names it: `[tag, seq]`.
fn packet(ssrc: u32, seq: u16, tag: u8) -> Vec<u8> {
    let mut p = vec![0x80, OPUS_PT];
    p.extend_from_slice(&seq.to_be_bytes());
    p.extend_from_slice(&(u32::from(seq) * 960).to_be_bytes());
    p.extend_from_slice(&ssrc.to_be_bytes());
    p.extend_from_slice(&[tag, seq as u8]);
    p
}

/// The payloads (`[tag, seq]`) a direct consumer received, in order.
type Received = Arc<Mutex<Vec<[u8; 2]>>>;

async fn direct_consumer(
    transport: &DirectTransport,
    producer: ProducerId,
    caps: &RtpCapabilities,
) -> (Consumer, Received) {
    let consumer = transport
        .consume(ConsumerOptions::new(producer, caps.clone()))
        .await
        .expect("consumer");
    let received: Received = Arc::default();
    let sink = Arc::clone(&received);
    consumer
        .on_rtp(move |p| {
            let payload = &p[p.len() - 2..];
            sink.lock().push([payload[0], payload[1]]);
        })
        .detach();
    (consumer, received)
}

async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !done() {
        assert!(tokio::time::Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// A worker and router with Opus (and VP8), and two DirectTransports: one to send, one to
/// receive with direct consumers.
struct Setup {
    _manager: WorkerManager,
    _worker: Worker,
    router: Router,
    caps: RtpCapabilities,
    send: DirectTransport,
    recv: DirectTransport,
}

async fn setup() -> Setup {
    let manager = WorkerManager::new();
    let worker = manager
        .create_worker(WorkerSettings::default())
        .await
        .expect("worker starts");
    let codecs = vec![
        RtpCodecCapability::Audio {
            mime_type: MimeTypeAudio::Opus,
            preferred_payload_type: Some(OPUS_PT),
            clock_rate: NonZeroU32::new(48000).unwrap(),
            channels: NonZeroU8::new(2).unwrap(),
            parameters: RtpCodecParametersParameters::default(),
            rtcp_feedback: vec![],
        },
        RtpCodecCapability::Video {
            mime_type: MimeTypeVideo::Vp8,
            preferred_payload_type: Some(101),
            clock_rate: NonZeroU32::new(90000).unwrap(),
            parameters: RtpCodecParametersParameters::default(),
            rtcp_feedback: vec![],
        },
    ];
    let router = worker.create_router(RouterOptions::new(codecs)).await.expect("router");
    let caps: RtpCapabilities =
        serde_json::from_value(serde_json::to_value(router.rtp_capabilities()).unwrap()).unwrap();
    let send = router
        .create_direct_transport(DirectTransportOptions::default())
        .await
        .expect("sending transport");
    let recv = router
        .create_direct_transport(DirectTransportOptions::default())
        .await
        .expect("receiving transport");
    Setup {
        _manager: manager,
        _worker: worker,
        router,
        caps,
        send,
        recv,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_reaches_each_producer_by_ssrc_and_survives_bad_entries() {
    let Setup {
        router,
        caps,
        send,
        recv,
        ..
    } = setup().await;
    let a = send
        .produce(ProducerOptions::new(MediaKind::Audio, opus_parameters(0x1111)))
        .await
        .expect("producer a");
    let b = send
        .produce(ProducerOptions::new(MediaKind::Audio, opus_parameters(0x2222)))
        .await
        .expect("producer b");
    let (_ca, got_a) = direct_consumer(&recv, a.id(), &caps).await;
    let (_cb, got_b) = direct_consumer(&recv, b.id(), &caps).await;

    // Interleaved packets of both producers, with a packet of nobody's SSRC, bytes that are not
    // RTP and an oversized packet among them.
    let mut batch = RtpBatch::default();
    for seq in 0..10u16 {
        batch.push(&packet(0x1111, 100 + seq, b'a')).unwrap();
        batch.push(&packet(0x2222, 500 + seq, b'b')).unwrap();
        if seq == 3 {
            batch.push(&packet(0x9999, 7, b'x')).unwrap();
            batch.push(&[1, 2, 3]).unwrap();
            batch.push(&vec![0x80; 4000]).unwrap();
        }
    }
    assert_eq!(batch.len(), 23);
    send.send_rtp_batch(&batch).expect("sent");
    let expected = |tag: u8| {
        (0..10u8)
            .map(|i| {
                [
                    tag,
                    if tag == b'a' {
                        100 + i
                    } else {
                        (500u16 + u16::from(i)) as u8
                    },
                ]
            })
            .collect::<Vec<_>>()
    };
    wait_for("both producers' packets", || {
        got_a.lock().len() == 10 && got_b.lock().len() == 10
    })
    .await;
    assert_eq!(*got_a.lock(), expected(b'a'), "producer a's packets, in order");
    assert_eq!(*got_b.lock(), expected(b'b'), "producer b's packets, in order");

    // The worker is alive and both paths still work: a batch, and one packet at a time.
    batch.clear();
    batch.push(&packet(0x2222, 510, b'b')).unwrap();
    send.send_rtp_batch(&batch).expect("sent");
    let Producer::Direct(direct_a) = &a else {
        panic!("a DirectTransport made a regular producer")
    };
    direct_a.send(packet(0x1111, 112, b'a')).expect("sent");
    wait_for("the last packets", || {
        got_a.lock().len() == 11 && got_b.lock().len() == 11
    })
    .await;
    router.dump().await.expect("the worker answers");

    // An empty batch sends nothing; an oversized packet is refused by the batch itself.
    batch.clear();
    send.send_rtp_batch(&batch).expect("nothing to send");
    assert!(batch.push(&vec![0; RtpBatch::MAX_PACKET + 1]).is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batched_packet_counts_as_one_sent_alone_would() {
    // The worker takes a batched packet by a light path (no NACK tracking, jitter or capture
    // time: it was made on this host). What the consumers and the stats read must not differ
    // from a packet sent alone: packets, bytes, bitrate, score, nothing lost.
    let Setup {
        router,
        caps,
        send,
        recv,
        ..
    } = setup().await;
    let alone = router
        .create_direct_transport(DirectTransportOptions::default())
        .await
        .expect("second sending transport");
    let batched = send
        .produce(ProducerOptions::new(MediaKind::Audio, opus_parameters(0x1111)))
        .await
        .expect("batched producer");
    let single = alone
        .produce(ProducerOptions::new(MediaKind::Audio, opus_parameters(0x2222)))
        .await
        .expect("single producer");
    let Producer::Direct(direct) = &single else {
        panic!("a DirectTransport made a regular producer")
    };
    let (_cb, got_batched) = direct_consumer(&recv, batched.id(), &caps).await;
    let (_cs, got_single) = direct_consumer(&recv, single.id(), &caps).await;

    // 1.6 s at 20 ms: longer than the transports' first RTCP interval, so that the streams'
    // receiver reports (which compare the packets counted with those expected, for the loss
    // and the score) have run.
    const PACKETS: u16 = 80;
    let mut batch = RtpBatch::default();
    for seq in 0..PACKETS {
        batch.clear();
        batch.push(&packet(0x1111, 100 + seq, b'a')).unwrap();
        send.send_rtp_batch(&batch).expect("sent");
        direct.send(packet(0x2222, 100 + seq, b'b')).expect("sent");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let n = usize::from(PACKETS);
    wait_for("every packet", || {
        got_batched.lock().len() == n && got_single.lock().len() == n
    })
    .await;

    let stats = |s: Vec<ProducerStat>| {
        let [s] = s.try_into().expect("one stream");
        s
    };
    let b = stats(batched.get_stats().await.expect("stats"));
    let s = stats(single.get_stats().await.expect("stats"));
    let n = u64::from(PACKETS);
    assert_eq!((b.packet_count, s.packet_count), (n, n), "packets counted");
    assert_eq!(b.byte_count, s.byte_count, "bytes counted");
    assert!(b.byte_count > 0);
    assert!(
        b.bitrate > 0 && s.bitrate > 0,
        "bitrates {} and {}",
        b.bitrate,
        s.bitrate
    );
    assert_eq!((b.score, s.score), (10, 10), "scores");
    assert_eq!((b.packets_lost, s.packets_lost), (0, 0), "nothing lost");

    let transport_stats = |t: Vec<DirectTransportStat>| {
        let [t] = t.try_into().expect("one entry");
        t
    };
    let bt = transport_stats(send.get_stats().await.expect("stats"));
    let st = transport_stats(alone.get_stats().await.expect("stats"));
    assert_eq!(bt.bytes_received, st.bytes_received, "transport bytes");
    assert_eq!(bt.rtp_bytes_received, st.rtp_bytes_received, "transport RTP bytes");
    assert!(
        bt.rtp_bytes_received >= b.byte_count,
        "the transport counts every packet"
    );
}

/// What a direct consumer received: (sequence number, timestamp, SSRC, payload tag, source
/// sequence number's low byte).
type Stream = Arc<Mutex<Vec<(u16, u32, u32, u8, u8)>>>;

fn record(consumer: &Consumer) -> Stream {
    let stream: Stream = Arc::default();
    let sink = Arc::clone(&stream);
    consumer
        .on_rtp(move |p| {
            let seq = u16::from_be_bytes([p[2], p[3]]);
            let ts = u32::from_be_bytes([p[4], p[5], p[6], p[7]]);
            let ssrc = u32::from_be_bytes([p[8], p[9], p[10], p[11]]);
            sink.lock().push((seq, ts, ssrc, p[p.len() - 2], p[p.len() - 1]));
        })
        .detach();
    stream
}

/// Audio producers a (SSRC 0x1111) and b (0x2222) on the sending transport, and a viewer: a
/// consumer of a on the receiving one.
async fn two_producers_and_a_viewer(s: &Setup) -> (Producer, Producer, Consumer) {
    let produce = |ssrc| {
        s.send
            .produce(ProducerOptions::new(MediaKind::Audio, opus_parameters(ssrc)))
    };
    let a = produce(0x1111).await.expect("producer a");
    let b = produce(0x2222).await.expect("producer b");
    let viewer = s
        .recv
        .consume(ConsumerOptions::new(a.id(), s.caps.clone()))
        .await
        .expect("consumer");
    (a, b, viewer)
}

/// Sequence numbers that follow one another, as one stream's do.
fn assert_contiguous(seqs: &[u16], what: &str) {
    for pair in seqs.windows(2) {
        assert_eq!(
            pair[1],
            pair[0].wrapping_add(1),
            "contiguous sequence numbers {what}: {pair:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consumer_moves_between_producers_as_one_stream() {
    let s = setup().await;
    let (a, b, viewer) = two_producers_and_a_viewer(&s).await;
    let Setup {
        router,
        caps,
        send,
        recv,
        ..
    } = s;
    // Another consumer of b, which the move must not disturb.
    let (_other, got_other) = direct_consumer(&recv, b.id(), &caps).await;
    let got = record(&viewer);
    let mut batch = RtpBatch::default();
    let send_batch = |batch: &mut RtpBatch, ssrc: u32, seqs: std::ops::Range<u16>, tag: u8| {
        batch.clear();
        for seq in seqs {
            batch.push(&packet(ssrc, seq, tag)).unwrap();
        }
        send.send_rtp_batch(batch).expect("sent");
    };
    send_batch(&mut batch, 0x1111, 100..105, b'a');
    wait_for("a's packets", || got.lock().len() == 5).await;

    // The move, and b's packets right behind it without waiting for the answer: the move is
    // queued first, so every one of them reaches the viewer. a's packets no longer do.
    let moved = viewer.change_producer(&b);
    send_batch(&mut batch, 0x2222, 7000..7005, b'b');
    send_batch(&mut batch, 0x1111, 105..108, b'a');
    moved.await.expect("moved to b");
    assert_eq!(viewer.producer_id(), b.id());
    wait_for("b's packets", || got.lock().len() == 10 && got_other.lock().len() == 5).await;
    // And back to a, which carries on with its own numbering.
    viewer.change_producer(&a).await.expect("moved back to a");
    send_batch(&mut batch, 0x1111, 108..111, b'a');
    wait_for("a's packets again", || got.lock().len() == 13).await;

    let list = got.lock().clone();
    let tags: Vec<(u8, u8)> = list.iter().map(|p| (p.3, p.4)).collect();
    let expected: Vec<(u8, u8)> = (100..105u16)
        .map(|s| (b'a', s as u8))
        .chain((7000..7005u16).map(|s| (b'b', s as u8)))
        .chain((108..111u16).map(|s| (b'a', s as u8)))
        .collect();
    assert_eq!(tags, expected, "a, then b from its first packet, then a again");
    let ssrc = list[0].2;
    assert!(list.iter().all(|p| p.2 == ssrc), "one SSRC throughout");
    let seqs: Vec<u16> = list.iter().map(|p| p.0).collect();
    assert_contiguous(&seqs, "across two moves");
    // Timestamps are the producers' own (the caller keeps them on one timeline).
    assert_eq!(list[5].1, 7000 * 960, "b's timestamp passes through");

    // Refused: a producer of another kind (and a consumer that is not simple, which only
    // pipes make here). The consumer is unharmed and stays on a.
    let video = send
        .produce(ProducerOptions::new(MediaKind::Video, vp8_parameters(0x3333)))
        .await
        .expect("video producer");
    let refused = viewer.change_producer(&video).await;
    assert!(refused.is_err(), "another kind is refused: {refused:?}");
    assert_eq!(viewer.producer_id(), a.id());
    viewer
        .change_producer(&a)
        .await
        .expect("a move to where it is is nothing");
    send_batch(&mut batch, 0x1111, 111..112, b'a');
    wait_for("a's packet after the refusal", || got.lock().len() == 14).await;
    assert!(!viewer.closed(), "the consumer survives");
    router.dump().await.expect("the worker answers");
}

/// The value of one-byte header extension `id` in an RTP packet, if it has one.
fn extension(p: &[u8], id: u8) -> Option<Vec<u8>> {
    if p[0] & 0x10 == 0 {
        return None;
    }
    let start = 12 + 4 * usize::from(p[0] & 0x0f);
    assert_eq!(&p[start..start + 2], &[0xbe, 0xde], "one-byte header extensions");
    let words = usize::from(u16::from_be_bytes([p[start + 2], p[start + 3]]));
    let block = &p[start + 4..start + 4 + 4 * words];
    let mut i = 0;
    while i < block.len() {
        if block[i] == 0 {
            i += 1;
            continue;
        }
        let (this, len) = (block[i] >> 4, usize::from(block[i] & 0x0f) + 1);
        if this == id {
            return Some(block[i + 1..i + 1 + len].to_vec());
        }
        i += 1 + len;
    }
    None
}

/// `packet(ssrc, seq, tag)` with an audio level header extension (id 6, the router's).
fn packet_with_level(ssrc: u32, seq: u16, tag: u8, level: u8) -> Vec<u8> {
    let mut p = packet(ssrc, seq, tag);
    p[0] |= 0x10;
    let payload = p.split_off(12);
    p.extend_from_slice(&[0xbe, 0xde, 0, 1, 0x60, level, 0, 0]);
    p.extend_from_slice(&payload);
    p
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_packet_addressed_to_a_consumer_reaches_it_alone_as_the_router_would_hand_it() {
    let s = setup().await;
    let (a, b, viewer) = two_producers_and_a_viewer(&s).await;
    let Setup {
        router,
        caps,
        send,
        recv,
        ..
    } = s;
    // Another consumer of the same producer: addressed packets are not its.
    let (_other, got_other) = direct_consumer(&recv, a.id(), &caps).await;
    let raw: Arc<Mutex<Vec<Vec<u8>>>> = Arc::default();
    let sink = Arc::clone(&raw);
    viewer.on_rtp(move |p| sink.lock().push(p.to_vec())).detach();
    let address = send.address_consumer(&viewer).await.expect("addressed");

    // Addressed packets (one with an audio level), then one to the producer by its SSRC: the
    // viewer gets all of them as one stream, the other consumer only the last.
    let mut batch = RtpBatch::default();
    for seq in 100..104u16 {
        batch.push_to(address, &packet(0x1111, seq, b'x')).unwrap();
    }
    batch
        .push_to(address, &packet_with_level(0x1111, 104, b'x', 0x85))
        .unwrap();
    batch.push(&packet(0x1111, 105, b'a')).unwrap();
    send.send_rtp_batch(&batch).expect("sent");
    wait_for("the viewer's packets", || {
        raw.lock().len() == 6 && got_other.lock().len() == 1
    })
    .await;
    let got = raw.lock().clone();
    let tags: Vec<(u8, u8)> = got.iter().map(|p| (p[p.len() - 2], p[p.len() - 1])).collect();
    assert_eq!(
        tags,
        [
            (b'x', 100),
            (b'x', 101),
            (b'x', 102),
            (b'x', 103),
            (b'x', 104),
            (b'a', 105)
        ],
        "every packet, in order"
    );
    assert_eq!(
        *got_other.lock(),
        vec![[b'a', 105]],
        "the other consumer only gets the producer's"
    );
    let ssrc = u32::from_be_bytes([got[0][8], got[0][9], got[0][10], got[0][11]]);
    let consumer_ssrc = viewer.rtp_parameters().encodings[0].ssrc.expect("consumer ssrc");
    for (i, p) in got.iter().enumerate() {
        assert_eq!(u32::from_be_bytes([p[8], p[9], p[10], p[11]]), ssrc, "one SSRC");
        assert_eq!(ssrc, consumer_ssrc, "the consumer's own SSRC");
        assert_eq!(p[1] & 0x7f, OPUS_PT, "the router's payload type");
        // Laid out as the router lays out a packet: the consumer's MID, a transport-wide
        // sequence number slot, and the audio level when the packet had one.
        let mid = viewer.rtp_parameters().mid.clone().expect("a consumer's MID");
        assert_eq!(extension(p, 1), Some(mid.into_bytes()), "MID of packet {i}");
        assert_eq!(
            extension(p, 5).map(|v| v.len()),
            Some(2),
            "transport-wide cc of packet {i}"
        );
    }
    assert_eq!(extension(&got[4], 6), Some(vec![0x85]), "the audio level is kept");
    assert_eq!(extension(&got[0], 6), None);

    // Refused: a consumer addressed already, and one that is not audio. Nothing else changes.
    assert!(send.address_consumer(&viewer).await.is_err(), "addressed twice");
    let video = send
        .produce(ProducerOptions::new(MediaKind::Video, vp8_parameters(0x3333)))
        .await
        .expect("video producer");
    let video_viewer = recv
        .consume(ConsumerOptions::new(video.id(), caps.clone()))
        .await
        .expect("video consumer");
    assert!(send.address_consumer(&video_viewer).await.is_err(), "video is refused");
    let elsewhere = setup().await;
    let (_, _, foreign) = two_producers_and_a_viewer(&elsewhere).await;
    assert!(
        send.address_consumer(&foreign).await.is_err(),
        "a consumer of another router is refused"
    );

    // While the viewer consumes another producer, its addressed packets are dropped; back on
    // the producer it was addressed on, they reach it again, still one stream.
    viewer.change_producer(&b).await.expect("moved to b");
    batch.clear();
    batch.push_to(address, &packet(0x1111, 106, b'x')).unwrap();
    batch.push(&packet(0x2222, 7000, b'b')).unwrap();
    send.send_rtp_batch(&batch).expect("sent");
    wait_for("b's packet", || raw.lock().len() == 7).await;
    viewer.change_producer(&a).await.expect("moved back to a");
    batch.clear();
    batch.push_to(address, &packet(0x1111, 107, b'x')).unwrap();
    send.send_rtp_batch(&batch).expect("sent");
    wait_for("the addressed packet after the move back", || raw.lock().len() == 8).await;
    let got = raw.lock().clone();
    let tags: Vec<(u8, u8)> = got[6..].iter().map(|p| (p[p.len() - 2], p[p.len() - 1])).collect();
    assert_eq!(
        tags,
        [(b'b', 7000u16 as u8), (b'x', 107)],
        "nothing addressed while on b"
    );
    // One stream throughout: addressed and by SSRC, and across the moves.
    let seqs: Vec<u16> = got.iter().map(|p| u16::from_be_bytes([p[2], p[3]])).collect();
    assert_contiguous(&seqs, "addressed, by SSRC and across the moves");

    // The address dies with the consumer: packets to it are dropped, the rest of the batch
    // goes on, and the worker lives.
    let (second, got_second) = direct_consumer(&recv, a.id(), &caps).await;
    let second_address = send.address_consumer(&second).await.expect("second addressed");
    assert_ne!(second_address, address);
    drop(viewer);
    tokio::time::sleep(Duration::from_millis(100)).await;
    batch.clear();
    batch.push_to(address, &packet(0x1111, 108, b'x')).unwrap();
    batch.push_to(second_address, &packet(0x1111, 109, b'y')).unwrap();
    send.send_rtp_batch(&batch).expect("sent");
    wait_for("the second consumer's packet", || got_second.lock().len() == 1).await;
    assert_eq!(*got_second.lock(), vec![[b'y', 109]]);

    // A transport that addresses a consumer may close first: the consumer lives on, and
    // closing it later is clean.
    let third = router
        .create_direct_transport(DirectTransportOptions::default())
        .await
        .expect("third transport");
    let (last, got_last) = direct_consumer(&recv, a.id(), &caps).await;
    third.address_consumer(&last).await.expect("addressed by the third");
    drop(third);
    tokio::time::sleep(Duration::from_millis(100)).await;
    batch.clear();
    batch.push(&packet(0x1111, 110, b'a')).unwrap();
    send.send_rtp_batch(&batch).expect("sent");
    wait_for("the last consumer's packet", || got_last.lock().len() == 1).await;
    drop(last);
    tokio::time::sleep(Duration::from_millis(100)).await;
    router.dump().await.expect("the worker answers");
}
