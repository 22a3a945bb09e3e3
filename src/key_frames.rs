//! Where a speaker's camera is asked for a key frame: the recording registers each speaker's
//! wish signal here, the feed engine pulls it when a viewer needs a key frame.

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::Mutex;
use tokio::sync::Notify;

/// Where the feed engine finds a speaker's camera to ask for a key frame: by speaker peer id.
/// Locked only when a key frame is wanted and when a broadcaster comes or goes.
#[derive(Default)]
pub struct KeyFrameSources {
    map: Mutex<HashMap<Arc<str>, Arc<Notify>>>,
}

impl KeyFrameSources {
    pub fn register(&self, peer: Arc<str>, wanted: Arc<Notify>) {
        self.map.lock().insert(peer, wanted);
    }

    pub fn unregister(&self, peer: &str, wanted: &Arc<Notify>) {
        let mut map = self.map.lock();
        if map.get(peer).is_some_and(|w| Arc::ptr_eq(w, wanted)) {
            map.remove(peer);
        }
    }

    /// Asks `peer`'s camera for a key frame; false if the peer has no recording (left).
    pub fn request(&self, peer: &str) -> bool {
        match self.map.lock().get(peer) {
            Some(wanted) => {
                wanted.notify_one();
                true
            }
            None => false,
        }
    }
}
