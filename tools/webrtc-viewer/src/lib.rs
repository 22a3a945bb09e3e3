//! Synthetic viewers built on the `webrtc` crate (webrtc-rs 0.21), for one purpose: measuring
//! it against the str0m viewers of `sfu::synthetic` on equal terms (`scripts/bench-webrtc-compare`).
//!
//! A viewer does what `sfu synthetic-viewer` does: joins over our signaling (the same
//! [`SignalingClient`](sfu::synthetic::SignalingClient) and capabilities), creates a recv
//! transport, consumes every broadcaster, resumes, and measures every packet from the payload's
//! stamp with the same [`StreamStats`](sfu::synthetic::received_stream::StreamStats). The run is owned and
//! sampled by the same [`run_peers`](sfu::synthetic::run_peers), so the report (CPU per received
//! packet in the steady window, RSS per peer, loss, latency) is the same document.
//!
//! The difference is the WebRTC stack: mediasoup's parameters become an SDP offer
//! ([`sdp::RemoteSdp`], as mediasoup-client does it), the crate answers it, and our DTLS role and
//! fingerprint are read back from the answer for `connectTransport`. Each peer connection runs
//! the crate's own driver task; packets reach the viewer through its track event streams.

pub mod sdp;
mod viewer;

use std::time::Duration;

use sfu::synthetic::{Report, SignalingError, ViewerOptions};

/// Why a webrtc-crate viewer (or a run) failed.
#[derive(Debug, thiserror::Error)]
pub enum ViewerError {
    #[error(transparent)]
    Signaling(#[from] SignalingError),
    #[error(transparent)]
    Sdp(#[from] sdp::SdpError),
    #[error("unexpected answer from the server: {0}")]
    Protocol(String),
    #[error("webrtc: {0}")]
    Webrtc(#[from] webrtc::error::Error),
    #[error("socket: {0}")]
    Io(#[from] std::io::Error),
    #[error("ICE/DTLS did not connect within {0:?}")]
    ConnectTimeout(Duration),
    #[error("the peer connection failed")]
    Failed,
    #[error("invalid options: {0}")]
    Options(String),
}

/// Which of the crate's RTP/RTCP interceptors a viewer's connection runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Interceptors {
    /// NACK generator/responder and RTCP sender/receiver reports: what str0m does for a
    /// receiver too, and what the comparison uses.
    #[default]
    Receiver,
    /// None at all: the crate's floor (no receiver reports, no NACK).
    None,
    /// `register_default_interceptors`: the above plus TWCC receiver and simulcast headers, as a
    /// typical webrtc-crate application sets it up (TWCC stays idle: it is not negotiated).
    Default,
}

/// Runs `options.count` viewers that consume every broadcaster of the room, then has them leave.
/// Feed mode and PLIs are not supported: this viewer exists for the live-audio comparison.
pub async fn run_viewers(options: ViewerOptions, interceptors: Interceptors) -> Result<Report, ViewerError> {
    sfu::synthetic::signaling::check_url(&options.target.url)?;
    if options.count == 0 || options.count > 10_000 {
        return Err(ViewerError::Options(format!(
            "count must be 1..=10000, got {}",
            options.count
        )));
    }
    if options.feed || options.pli_after.is_some() {
        return Err(ViewerError::Options(
            "the webrtc-crate viewer receives live streams only (no feed, no PLI)".into(),
        ));
    }
    Ok(viewer::run(options, interceptors).await)
}
