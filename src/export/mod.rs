//! Stored utterances as files a reviewer can play, written from their RTP packets without
//! re-encoding (sans-I/O: bytes in, bytes out).

pub mod ogg;
pub mod webm;

pub use ogg::{write_opus, OggSummary};
pub use webm::{write_vp8, WebmSummary};
