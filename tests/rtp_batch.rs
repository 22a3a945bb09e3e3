//! The vendored worker's patches that the feed engine stands on, driven through the crate.
//!
//! Batched RTP ingest (`DirectTransport::send_rtp_batch`): every packet of a batch reaches the
//! producer its SSRC names, in order, as one `DirectProducer::send` per packet would; entries
//! that are not RTP, too large, or of no producer are dropped without taking the rest of the
//! batch, the transport or the worker with them. (A batch whose framing is cut short cannot be
//! built with `RtpBatch`; the worker checks each length against what is left and stops there.)
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consumer_moves_between_producers_as_one_stream() {
    let Setup {
        router,
        caps,
        send,
        recv,
        ..
    } = setup().await;
    let produce = |ssrc| send.produce(ProducerOptions::new(MediaKind::Audio, opus_parameters(ssrc)));
    let a = produce(0x1111).await.expect("producer a");
    let b = produce(0x2222).await.expect("producer b");
    let viewer = recv
        .consume(ConsumerOptions::new(a.id(), caps.clone()))
        .await
        .expect("consumer");
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
    for pair in list.windows(2) {
        assert_eq!(
            pair[1].0,
            pair[0].0.wrapping_add(1),
            "contiguous sequence numbers: {pair:?}"
        );
    }
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
