//! The codecs of every room's router, and how the feed declares its producers on them.

use std::num::{NonZeroU32, NonZeroU8};

use mediasoup::prelude::*;
use mediasoup::types::rtp_parameters::RtpCodecCapabilityFinalized;

/// How a feed's producers are declared: the router's Opus and VP8 payload types and its
/// audio-level extension id, which the tap's consumers also receive, so buffered packets need no
/// remapping. Read once from the router capabilities at start.
#[derive(Debug, Clone)]
pub struct FeedCodecs {
    pub opus_payload_type: u8,
    pub audio_level_id: u16,
    pub vp8_payload_type: u8,
}

impl FeedCodecs {
    pub(crate) fn from_capabilities(caps: &RtpCapabilitiesFinalized) -> Option<FeedCodecs> {
        let opus_payload_type = caps.codecs.iter().find_map(|c| match c {
            RtpCodecCapabilityFinalized::Audio {
                mime_type: MimeTypeAudio::Opus,
                preferred_payload_type,
                ..
            } => Some(*preferred_payload_type),
            _ => None,
        })?;
        let vp8_payload_type = caps.codecs.iter().find_map(|c| match c {
            RtpCodecCapabilityFinalized::Video {
                mime_type: MimeTypeVideo::Vp8,
                preferred_payload_type,
                ..
            } => Some(*preferred_payload_type),
            _ => None,
        })?;
        let audio_level_id = caps
            .header_extensions
            .iter()
            .find(|h| h.kind == MediaKind::Audio && h.uri == RtpHeaderExtensionUri::SsrcAudioLevel)?
            .preferred_id;
        Some(FeedCodecs {
            opus_payload_type,
            audio_level_id,
            vp8_payload_type,
        })
    }

    /// Producer parameters of one feed's outgoing Opus stream.
    pub fn audio_parameters(&self, ssrc: u32) -> RtpParameters {
        let codec = RtpCodecParameters::Audio {
            mime_type: MimeTypeAudio::Opus,
            payload_type: self.opus_payload_type,
            clock_rate: NonZeroU32::new(48000).expect("non-zero literal"),
            channels: NonZeroU8::new(2).expect("non-zero literal"),
            parameters: RtpCodecParametersParameters::from([("useinbandfec", 1u32.into())]),
            rtcp_feedback: vec![],
        };
        let level = RtpHeaderExtensionParameters {
            uri: RtpHeaderExtensionUri::SsrcAudioLevel,
            id: self.audio_level_id,
            encrypt: false,
        };
        feed_parameters(codec, vec![level], ssrc)
    }

    /// Producer parameters of one feed's outgoing VP8 stream, with PLI/FIR feedback so that
    /// mediasoup passes the viewer's key frame requests back to us as RTCP.
    pub fn video_parameters(&self, ssrc: u32) -> RtpParameters {
        let codec = RtpCodecParameters::Video {
            mime_type: MimeTypeVideo::Vp8,
            payload_type: self.vp8_payload_type,
            clock_rate: NonZeroU32::new(90000).expect("non-zero literal"),
            parameters: RtpCodecParametersParameters::default(),
            rtcp_feedback: vec![RtcpFeedback::NackPli, RtcpFeedback::CcmFir],
        };
        feed_parameters(codec, vec![], ssrc)
    }
}

/// A feed producer's parameters: one codec, one SSRC.
fn feed_parameters(
    codec: RtpCodecParameters,
    header_extensions: Vec<RtpHeaderExtensionParameters>,
    ssrc: u32,
) -> RtpParameters {
    RtpParameters {
        mid: None,
        codecs: vec![codec],
        header_extensions,
        encodings: vec![RtpEncodingParameters {
            ssrc: Some(ssrc),
            ..RtpEncodingParameters::default()
        }],
        rtcp: RtcpParameters {
            cname: Some(format!("sfu-feed-{ssrc:08x}")),
            reduced_size: true,
        },
        msid: None,
    }
}

/// Codecs every room's router offers: Opus for voice; VP8 and H264 for optional video.
pub fn media_codecs() -> Vec<RtpCodecCapability> {
    let nz32 = |v| NonZeroU32::new(v).expect("non-zero literal");
    vec![
        RtpCodecCapability::Audio {
            mime_type: MimeTypeAudio::Opus,
            preferred_payload_type: None,
            clock_rate: nz32(48000),
            channels: NonZeroU8::new(2).expect("non-zero literal"),
            parameters: RtpCodecParametersParameters::from([("useinbandfec", 1_u32.into())]),
            rtcp_feedback: vec![RtcpFeedback::TransportCc],
        },
        RtpCodecCapability::Video {
            mime_type: MimeTypeVideo::Vp8,
            preferred_payload_type: None,
            clock_rate: nz32(90000),
            parameters: RtpCodecParametersParameters::default(),
            rtcp_feedback: vec![
                RtcpFeedback::Nack,
                RtcpFeedback::NackPli,
                RtcpFeedback::CcmFir,
                RtcpFeedback::GoogRemb,
                RtcpFeedback::TransportCc,
            ],
        },
        RtpCodecCapability::Video {
            mime_type: MimeTypeVideo::H264,
            preferred_payload_type: None,
            clock_rate: nz32(90000),
            parameters: RtpCodecParametersParameters::from([
                ("level-asymmetry-allowed", 1_u32.into()),
                ("packetization-mode", 1_u32.into()),
                ("profile-level-id", "42e01f".into()),
            ]),
            rtcp_feedback: vec![
                RtcpFeedback::Nack,
                RtcpFeedback::NackPli,
                RtcpFeedback::CcmFir,
                RtcpFeedback::GoogRemb,
                RtcpFeedback::TransportCc,
            ],
        },
    ]
}
