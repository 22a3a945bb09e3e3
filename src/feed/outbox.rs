//! The feed engine's way into the worker: the packets of one engine turn, gathered per
//! DirectTransport and sent as one message each ([`DirectTransport::send_rtp_batch`], a patch of
//! the vendored crate and worker), instead of one channel message per packet and viewer.
//!
//! A packet in a batch reaches the feed producer its SSRC names, exactly as
//! `DirectProducer::send` would deliver it; what a batch saves is the per-packet message: the
//! FlatBuffers build, the producer id formatted as a string, the allocations and the copy on the
//! Rust side, and the channel read, handler look-up and wake-up in the worker.
//!
//! A private feed's audio goes further: addressed to its viewer's consumer
//! ([`DirectTransport::address_consumer`], another patch), a packet is handed to that consumer
//! directly, without the feed producer's stream and the router, which is the per-viewer ingest
//! a live packet pays once for all its viewers.

use mediasoup::direct_transport::{ConsumerAddress, DirectTransport, RtpBatch};
use mediasoup::prelude::{Transport, TransportId};
use rustc_hash::FxHashMap;

/// A batch is sent early when it grows past this (a turn of video keyframes for hundreds of
/// viewers); the worker takes messages up to 8 MB.
const FLUSH_BYTES: usize = 256 * 1024;

/// One DirectTransport's batch, and how many feeds send through it.
struct Outbox {
    transport: DirectTransport,
    batch: RtpBatch,
    feeds: usize,
}

/// The batches of every DirectTransport that feeds send through.
#[derive(Default)]
pub(crate) struct Outboxes {
    by_transport: FxHashMap<TransportId, Outbox>,
}

/// What a call handed to the worker: messages sent, and packets that did not get there (the
/// transport is closed, or a packet too large for a batch).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sent {
    pub messages: u64,
    pub failed_packets: u64,
}

impl Outboxes {
    /// A feed sends through `transport` from now on.
    pub(crate) fn open(&mut self, transport: &DirectTransport) -> TransportId {
        let id = transport.id();
        self.by_transport
            .entry(id)
            .or_insert_with(|| Outbox {
                transport: transport.clone(),
                batch: RtpBatch::with_capacity(16 * 1024),
                feeds: 0,
            })
            .feeds += 1;
        id
    }

    /// A feed that sent through `id` ended; the last one closes the outbox (after sending
    /// what it holds).
    pub(crate) fn close(&mut self, id: TransportId) -> Sent {
        let Some(outbox) = self.by_transport.get_mut(&id) else {
            return Sent::default();
        };
        outbox.feeds -= 1;
        if outbox.feeds > 0 {
            return Sent::default();
        }
        self.by_transport
            .remove(&id)
            .map_or_else(Sent::default, |mut last| send(&mut last))
    }

    /// Adds a packet to `id`'s batch (sending the batch first if it is full), for the producer
    /// its SSRC names, or for the consumer at `to`.
    pub(crate) fn push(&mut self, id: TransportId, to: Option<ConsumerAddress>, packet: &[u8]) -> Sent {
        let Some(outbox) = self.by_transport.get_mut(&id) else {
            return Sent {
                messages: 0,
                failed_packets: 1,
            };
        };
        let mut sent = Sent::default();
        if outbox.batch.bytes() + packet.len() > FLUSH_BYTES {
            sent = send(outbox);
        }
        let pushed = match to {
            Some(address) => outbox.batch.push_to(address, packet),
            None => outbox.batch.push(packet),
        };
        if pushed.is_err() {
            sent.failed_packets += 1;
        }
        sent
    }

    /// Sends every batch that holds packets: once per engine turn.
    pub(crate) fn flush(&mut self) -> Sent {
        let mut sent = Sent::default();
        for outbox in self.by_transport.values_mut() {
            sent.add(send(outbox));
        }
        sent
    }
}

impl Sent {
    pub(crate) fn add(&mut self, other: Sent) {
        self.messages += other.messages;
        self.failed_packets += other.failed_packets;
    }
}

fn send(outbox: &mut Outbox) -> Sent {
    if outbox.batch.is_empty() {
        return Sent::default();
    }
    let packets = outbox.batch.len() as u64;
    let failed = outbox.transport.send_rtp_batch(&outbox.batch).is_err();
    outbox.batch.clear();
    Sent {
        messages: 1,
        failed_packets: if failed { packets } else { 0 },
    }
}
