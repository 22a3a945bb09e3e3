//! A room's producers piped from its home router to its other routers (one per worker the room
//! spans): one pipe per producer and router, made on the first consume there and closed when the
//! last consumer of it there goes.
//!
//! mediasoup's `pipe_producer_to_router` makes (or reuses) a PipeTransport pair between the two
//! routers, a pipe consumer of the producer on the home router and a pipe producer with the same
//! id on the other one; a consumer there consumes the pipe producer like any other. The crate
//! carries the producer's events over: its close closes the pipe producer (so consumers there
//! hear `producerClosed` as they would directly), its pause and resume pause and resume it. Key
//! frame requests (PLI/FIR) of consumers on the far router go back through the pipe transport as
//! RTCP to the pipe consumer, which asks the producer, as a direct consumer's would; a consumer's
//! preferred layers pick among the simulcast streams the pipe carries (a pipe consumer forwards
//! all of them).
//!
//! Each consumer on the far router holds its pipe ([`Pipe`], an `Arc`): the pipe closes (its
//! pipe producer, then its pipe consumer, and with the last one the PipeTransport pair) when
//! the last of them drops.

use std::collections::HashMap;
use std::sync::{Arc, Weak};

use mediasoup::prelude::*;
use parking_lot::Mutex;
use tokio::sync::OnceCell;

use crate::stats::{Counter, Gauge};

#[derive(Debug, thiserror::Error)]
pub enum PipeError {
    /// The producer closed (or was never on the home router).
    #[error("no producer {0} on the room's home router (it may just have closed)")]
    NoProducer(ProducerId),
    #[error("cannot pipe producer {producer_id} to another worker: {message}")]
    Media { producer_id: ProducerId, message: String },
}

type PipeMap = Mutex<HashMap<ProducerId, Weak<Pipe>>>;

/// The pipes into one router of a room, by producer.
pub(crate) struct Pipes {
    map: Arc<PipeMap>,
    counted: Gauge,
}

/// One producer piped into one router, shared by the consumers of it there.
pub(crate) struct Pipe {
    producer_id: ProducerId,
    piped: OnceCell<Piped>,
    map: Weak<PipeMap>,
}

/// Field order is drop order: the pipe producer on the far router, then the pipe consumer on the
/// home router.
struct Piped {
    _producer: Producer,
    _consumer: Consumer,
    _counted: Counter,
}

impl Drop for Pipe {
    fn drop(&mut self) {
        let Some(map) = self.map.upgrade() else {
            return;
        };
        let mut map = map.lock();
        // A newer pipe of the same producer may have taken the entry since.
        if map.get(&self.producer_id).is_some_and(|w| w.strong_count() == 0) {
            map.remove(&self.producer_id);
        }
        if self.piped.initialized() {
            tracing::debug!(producer = %self.producer_id, "pipe closed: its last consumer left");
        }
    }
}

impl Pipes {
    /// `counted`: the server's gauge of live pipes.
    pub fn new(counted: Gauge) -> Pipes {
        Pipes {
            map: Arc::default(),
            counted,
        }
    }

    /// The pipe of `producer_id` from `home` into `to`, made if there is none yet (concurrent
    /// callers share one). Hold it as long as a consumer of it lives on `to`.
    pub async fn lease(&self, home: &Router, to: &Router, producer_id: ProducerId) -> Result<Arc<Pipe>, PipeError> {
        let pipe = {
            let mut map = self.map.lock();
            match map.get(&producer_id).and_then(Weak::upgrade) {
                Some(pipe) => pipe,
                None => {
                    let pipe = Arc::new(Pipe {
                        producer_id,
                        piped: OnceCell::new(),
                        map: Arc::downgrade(&self.map),
                    });
                    map.insert(producer_id, Arc::downgrade(&pipe));
                    pipe
                }
            }
        };
        pipe.piped.get_or_try_init(|| self.pipe(home, to, producer_id)).await?;
        Ok(pipe)
    }

    async fn pipe(&self, home: &Router, to: &Router, producer_id: ProducerId) -> Result<Piped, PipeError> {
        let mut attempt = 0;
        let pair = loop {
            attempt += 1;
            match home
                .pipe_producer_to_router(producer_id, PipeToRouterOptions::new(to.clone()))
                .await
            {
                Ok(pair) => break pair,
                Err(PipeProducerToRouterError::ProducerNotFound(id)) => return Err(PipeError::NoProducer(id)),
                // The pipe producer keeps the producer's id: a pipe of it closed a moment ago
                // may still be closing on `to` (its close is sent, not awaited). Once more.
                Err(e) if attempt == 1 => {
                    tracing::debug!(producer = %producer_id, error = %e, "pipe failed; trying again");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
                Err(e) => {
                    return Err(PipeError::Media {
                        producer_id,
                        message: e.to_string(),
                    })
                }
            }
        };
        tracing::debug!(producer = %producer_id, from = %home.id(), to = %to.id(), "producer piped");
        Ok(Piped {
            // Owned here: the pipe closes when the last consumer's lease drops, not only with
            // the producer.
            _producer: pair.pipe_producer.into_inner(),
            _consumer: pair.pipe_consumer,
            _counted: self.counted.count(),
        })
    }

    /// Pipes open into this router now.
    pub fn count(&self) -> usize {
        // Upgraded outside the lock: the last reference to a pipe may drop here, and its Drop
        // takes the lock.
        let pipes: Vec<Arc<Pipe>> = self.map.lock().values().filter_map(Weak::upgrade).collect();
        pipes.iter().filter(|p| p.piped.initialized()).count()
    }
}
