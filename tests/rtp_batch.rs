//! The vendored worker's batched RTP ingest (`DirectTransport::send_rtp_batch`, a patch in
//! third_party/ that the feed engine sends through): every packet of a batch reaches the producer
//! its SSRC names, in order, as one `DirectProducer::send` per packet would; entries that are not
//! RTP, too large, or of no producer are dropped without taking the rest of the batch, the
//! transport or the worker with them. (A batch whose framing is cut short cannot be built with
//! `RtpBatch`; the worker checks each length against what is left and stops there.)

use std::num::{NonZeroU32, NonZeroU8};
use std::sync::Arc;
use std::time::Duration;

use mediasoup::direct_transport::RtpBatch;
use mediasoup::prelude::*;
use mediasoup::worker::WorkerSettings;
use mediasoup::worker_manager::WorkerManager;
use parking_lot::Mutex;

const OPUS_PT: u8 = 100;

fn opus_parameters(ssrc: u32) -> RtpParameters {
    RtpParameters {
        codecs: vec![RtpCodecParameters::Audio {
            mime_type: MimeTypeAudio::Opus,
            payload_type: OPUS_PT,
            clock_rate: NonZeroU32::new(48000).unwrap(),
            channels: NonZeroU8::new(2).unwrap(),
            parameters: RtpCodecParametersParameters::default(),
            rtcp_feedback: vec![],
        }],
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_reaches_each_producer_by_ssrc_and_survives_bad_entries() {
    let manager = WorkerManager::new();
    let worker = manager
        .create_worker(WorkerSettings::default())
        .await
        .expect("worker starts");
    let codecs = vec![RtpCodecCapability::Audio {
        mime_type: MimeTypeAudio::Opus,
        preferred_payload_type: Some(OPUS_PT),
        clock_rate: NonZeroU32::new(48000).unwrap(),
        channels: NonZeroU8::new(2).unwrap(),
        parameters: RtpCodecParametersParameters::default(),
        rtcp_feedback: vec![],
    }];
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
