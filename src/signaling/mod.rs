//! WebSocket JSON signaling: the wire types, one session per connection, and the socket loop.

pub(crate) mod resume;
pub(crate) mod session;
pub mod ws;
