//! `sfu`: a mediasoup SFU for live voice rooms, and the toolkit that loads and inspects it.
//!
//! The binary (`cli/`) is a thin shell over this library: `Server::start` runs the SFU, and the
//! integration tests start the same server in-process on loopback ports.

pub mod admin;
pub mod auth;
pub mod buffer;
pub mod cluster;
pub(crate) mod codecs;
pub mod config;
pub(crate) mod context;
pub mod dump;
pub mod export;
pub mod feed;
pub(crate) mod http;
pub mod http_client;
pub(crate) mod key_frames;
pub(crate) mod link;
pub mod loadtest;
pub(crate) mod metrics;
pub(crate) mod peer;
pub(crate) mod pipe;
pub mod procfs;
pub mod protocol;
pub mod recommend;
pub(crate) mod recording;
pub mod role;
pub mod room;
pub mod room_name;
pub mod rtp;
pub mod rtp_params;
pub mod scenario;
pub mod server;
pub mod signaling;
pub mod stats;
pub mod synthetic;
pub mod tls;
pub mod topic;
pub mod workers;

pub use config::Config;
pub use server::{Server, ServerError, ServerHandle};
