//! The domain's facts in the protocol's shapes: room and feed events as notifications, a peer's
//! transports and consumers as responses. The only place that knows both.

use mediasoup::prelude::{Consumer, Transport, WebRtcTransport};

use crate::buffer::EndState;
use crate::config::IceServerConfig;
use crate::feed::{FeedEvent, SwitchReason, WaitReason};
use crate::link::{self, RoomEvent};
use crate::peer::{self, PeerMedia};
use crate::protocol::{
    ConsumeResponse, Direction, IceServer, Notification, PeerInfo, ProducerInfo, ResumedConsumer, ResumedTransport,
    TransportResponse,
};

pub(crate) fn direction(d: peer::Direction) -> Direction {
    match d {
        peer::Direction::Send => Direction::Send,
        peer::Direction::Recv => Direction::Recv,
    }
}

pub(crate) fn peer_direction(d: Direction) -> peer::Direction {
    match d {
        Direction::Send => peer::Direction::Send,
        Direction::Recv => peer::Direction::Recv,
    }
}

pub(crate) fn peer_info(p: link::PeerInfo) -> PeerInfo {
    PeerInfo {
        peer_id: p.peer_id,
        display_name: p.display_name,
        role: p.role,
    }
}

pub(crate) fn producer_info(p: link::ProducerInfo) -> ProducerInfo {
    ProducerInfo {
        producer_id: p.producer_id,
        peer_id: p.peer_id,
        kind: p.kind,
        paused: p.paused,
    }
}

pub(crate) fn ice_server(s: IceServerConfig) -> IceServer {
    IceServer {
        urls: s.urls,
        username: s.username,
        credential: s.credential,
    }
}

pub(crate) fn room_notification(event: &RoomEvent) -> Notification {
    match event.clone() {
        RoomEvent::PeerJoined(p) => Notification::PeerJoined {
            peer_id: p.peer_id,
            display_name: p.display_name,
            role: p.role,
        },
        RoomEvent::PeerLeft { peer_id } => Notification::PeerLeft { peer_id },
        RoomEvent::NewProducer(p) => Notification::NewProducer {
            producer_id: p.producer_id,
            peer_id: p.peer_id,
            kind: p.kind,
        },
        RoomEvent::ProducerClosed { producer_id, peer_id } => Notification::ProducerClosed { producer_id, peer_id },
        RoomEvent::ProducerPaused {
            producer_id,
            peer_id,
            by_server,
        } => Notification::ProducerPaused {
            producer_id,
            peer_id,
            by_server,
        },
        RoomEvent::ProducerResumed {
            producer_id,
            peer_id,
            by_server,
        } => Notification::ProducerResumed {
            producer_id,
            peer_id,
            by_server,
        },
    }
}

fn switch_reason(reason: SwitchReason) -> &'static str {
    match reason {
        SwitchReason::Started => "started",
        SwitchReason::Ended(EndState::Complete) => "ended",
        SwitchReason::Ended(EndState::Truncated) => "truncated",
        SwitchReason::Evicted => "evicted",
        SwitchReason::Removed => "removed",
        SwitchReason::SpeakerGone => "speakerGone",
        SwitchReason::Skipped => "skipped",
        SwitchReason::Resumed => "resumed",
    }
}

/// What the viewer hears of its feed; `None` for what is not for the viewer.
pub(crate) fn feed_notification(event: &FeedEvent) -> Option<Notification> {
    match event {
        FeedEvent::Switched {
            utterance,
            speaker,
            reason,
        } => Some(Notification::FeedSwitched {
            utterance_id: utterance.to_string(),
            speaker_uid: speaker.uid.to_string(),
            speaker_peer_id: speaker.peer.to_string(),
            reason: switch_reason(*reason).to_string(),
        }),
        FeedEvent::Waiting { reason, stopped } => Some(Notification::FeedWaiting {
            reason: match reason {
                WaitReason::NothingToPlay => "nothingToPlay",
                WaitReason::RecommenderFailed => "recommenderFailed",
            }
            .to_string(),
            stopped: stopped.map(|r| switch_reason(r).to_string()),
        }),
        // Not for the viewer: the engine asks the speaker's camera.
        FeedEvent::KeyFrameNeeded { .. } | FeedEvent::Ask { .. } | FeedEvent::Decided(_) => None,
    }
}

pub(crate) fn transport_response(t: &WebRtcTransport, d: peer::Direction) -> TransportResponse {
    TransportResponse {
        transport_id: t.id(),
        direction: direction(d),
        ice_parameters: t.ice_parameters().clone(),
        ice_candidates: t.ice_candidates().iter().cloned().map(Into::into).collect(),
        dtls_parameters: t.dtls_parameters(),
    }
}

pub(crate) fn consume_response(c: &Consumer) -> ConsumeResponse {
    ConsumeResponse {
        consumer_id: c.id(),
        producer_id: c.producer_id(),
        kind: c.kind(),
        rtp_parameters: c.rtp_parameters().clone(),
        consumer_type: format!("{:?}", c.r#type()).to_lowercase(),
        producer_paused: c.producer_paused(),
    }
}

/// A resumed session's transports and consumers.
pub(crate) fn resumed(media: PeerMedia) -> (Vec<ResumedTransport>, Vec<ResumedConsumer>) {
    let transports = media
        .transports
        .into_iter()
        .map(|(transport_id, d)| ResumedTransport {
            transport_id,
            direction: direction(d),
        })
        .collect();
    let consumers = media
        .consumers
        .into_iter()
        .map(|(consumer_id, producer_id)| ResumedConsumer {
            consumer_id,
            producer_id,
        })
        .collect();
    (transports, consumers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::role::Role;

    #[test]
    fn room_events_become_their_notifications() {
        let joined = RoomEvent::PeerJoined(link::PeerInfo {
            peer_id: "p".into(),
            uid: "u".into(),
            display_name: Some("Ann".into()),
            role: Role::Broadcaster,
        });
        let v: serde_json::Value = serde_json::from_str(&room_notification(&joined).to_text()).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"notification":"peerJoined","data":{"peerId":"p","displayName":"Ann","role":"broadcaster"}})
        );
        let left = room_notification(&RoomEvent::PeerLeft { peer_id: "p".into() });
        assert!(matches!(left, Notification::PeerLeft { peer_id } if peer_id == "p"));
    }

    #[test]
    fn key_frame_needs_are_not_for_the_viewer() {
        let waiting = FeedEvent::Waiting {
            reason: WaitReason::NothingToPlay,
            stopped: None,
        };
        assert!(matches!(
            feed_notification(&waiting),
            Some(Notification::FeedWaiting { reason, stopped: None }) if reason == "nothingToPlay"
        ));
        let gone = FeedEvent::Waiting {
            reason: WaitReason::NothingToPlay,
            stopped: Some(SwitchReason::SpeakerGone),
        };
        let text = feed_notification(&gone).unwrap().to_text();
        assert!(text.contains(r#""stopped":"speakerGone""#), "{text}");
        let started = feed_notification(&FeedEvent::Waiting {
            reason: WaitReason::RecommenderFailed,
            stopped: None,
        })
        .unwrap()
        .to_text();
        assert!(!started.contains("stopped"), "{started}");
    }
}
