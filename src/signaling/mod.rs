//! WebSocket JSON signaling: one session per connection, the socket loop around it, the
//! requests as commands, and the one place where domain errors and events become the protocol.

pub(crate) mod command;
pub(crate) mod connection;
pub(crate) mod errors;
pub(crate) mod hub;
pub(crate) mod limiter;
pub(crate) mod proxy;
pub(crate) mod resume;
pub(crate) mod session;
pub(crate) mod wire;
pub(crate) mod ws;

pub use connection::close_code;
