//! The one place where the domain's errors become the protocol's error codes.

use crate::admin::ModerationError;
use crate::auth::{AuthError, AuthErrorKind};
use crate::cluster::ClusterError;
use crate::peer::PeerError;
use crate::protocol::{ErrorBody, ErrorCode};
use crate::room::RoomError;

impl From<AuthError> for ErrorBody {
    fn from(e: AuthError) -> ErrorBody {
        let code = match e.kind() {
            AuthErrorKind::Unauthenticated => ErrorCode::Unauthenticated,
            AuthErrorKind::Forbidden => ErrorCode::Forbidden,
            AuthErrorKind::Unavailable => ErrorCode::AuthUnavailable,
        };
        ErrorBody::new(code, e.to_string())
    }
}

impl From<PeerError> for ErrorBody {
    fn from(e: PeerError) -> ErrorBody {
        let code = match &e {
            PeerError::Forbidden(_) => ErrorCode::Forbidden,
            PeerError::LimitExceeded { .. } => ErrorCode::LimitExceeded,
            PeerError::NotFound(_) => ErrorCode::NotFound,
            PeerError::WrongDirection(_) => ErrorCode::WrongDirection,
            PeerError::InvalidParams(_) => ErrorCode::InvalidParams,
            PeerError::CannotConsume(_) => ErrorCode::CannotConsume,
            PeerError::AlreadySubscribed => ErrorCode::AlreadySubscribed,
            PeerError::AlreadyConsuming { .. } => ErrorCode::AlreadyConsuming,
            PeerError::Media { .. } => ErrorCode::MediaError,
            PeerError::MediaReset => ErrorCode::MediaReset,
            PeerError::MutedByModerator(_) => ErrorCode::MutedByModerator,
            PeerError::Internal(_) => ErrorCode::Internal,
        };
        ErrorBody::new(code, e.to_string())
    }
}

impl From<RoomError> for ErrorBody {
    fn from(e: RoomError) -> ErrorBody {
        let code = match e {
            RoomError::Full(_) | RoomError::TooManyRooms(_) => ErrorCode::RoomFull,
            RoomError::Router { .. } | RoomError::Pool(_) => ErrorCode::Internal,
            RoomError::Banned { .. } => ErrorCode::Banned,
        };
        ErrorBody::new(code, e.to_string())
    }
}

impl From<ClusterError> for ErrorBody {
    fn from(e: ClusterError) -> ErrorBody {
        let code = match e {
            ClusterError::Redirect { url, message } => return ErrorBody::redirect(url, message),
            ClusterError::Unavailable(_) => ErrorCode::ClusterUnavailable,
            ClusterError::NoRoom(_) | ClusterError::NoProducer(..) => ErrorCode::NotFound,
            ClusterError::Sign(_) => ErrorCode::Unauthenticated,
            ClusterError::BadRequest(_) => ErrorCode::InvalidParams,
            ClusterError::Media(_) => ErrorCode::MediaError,
        };
        ErrorBody::new(code, e.to_string())
    }
}

impl From<ModerationError> for ErrorBody {
    fn from(e: ModerationError) -> ErrorBody {
        use crate::room::ModerateError;
        let code = match &e {
            ModerationError::NoRoom(_)
            | ModerationError::NoPeer { .. }
            | ModerationError::NoUtterance(_)
            | ModerationError::NoSpeakerUtterance { .. }
            | ModerationError::Producer(ModerateError::NoProducer(..)) => ErrorCode::NotFound,
            ModerationError::Producer(ModerateError::Media(_)) => ErrorCode::MediaError,
            ModerationError::Invalid(_) => ErrorCode::InvalidParams,
            ModerationError::NoVideo(_) => ErrorCode::NoVideo,
            ModerationError::ClusterUnavailable(_) => ErrorCode::ClusterUnavailable,
        };
        ErrorBody::new(code, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mediasoup::prelude::{ConsumerId, ProducerId};

    #[test]
    fn every_peer_error_keeps_its_message_and_gets_its_code() {
        let cases = [
            (
                PeerError::Forbidden("only broadcasters may produce"),
                ErrorCode::Forbidden,
            ),
            (
                PeerError::LimitExceeded {
                    what: "consumers",
                    max: 3,
                },
                ErrorCode::LimitExceeded,
            ),
            (
                PeerError::NotFound("no consumer x on this peer".into()),
                ErrorCode::NotFound,
            ),
            (PeerError::AlreadySubscribed, ErrorCode::AlreadySubscribed),
            (
                PeerError::AlreadyConsuming {
                    producer_id: "00000000-0000-0000-0000-000000000000".parse::<ProducerId>().unwrap(),
                    consumer_id: "ffffffff-ffff-ffff-ffff-ffffffffffff".parse::<ConsumerId>().unwrap(),
                },
                ErrorCode::AlreadyConsuming,
            ),
            (PeerError::MediaReset, ErrorCode::MediaReset),
            (
                PeerError::Media {
                    what: "produce",
                    message: "bad".into(),
                },
                ErrorCode::MediaError,
            ),
        ];
        for (e, code) in cases {
            let text = e.to_string();
            let body = ErrorBody::from(e);
            assert_eq!(body.code, code);
            assert_eq!(body.message, text);
        }
        let limit = ErrorBody::from(PeerError::LimitExceeded {
            what: "consumers",
            max: 3,
        });
        assert_eq!(limit.message, "a peer may have at most 3 consumers");
        let media = ErrorBody::from(PeerError::Media {
            what: "produce",
            message: "bad".into(),
        });
        assert_eq!(media.message, "produce: bad");
        let twice = ErrorBody::from(PeerError::AlreadyConsuming {
            producer_id: "00000000-0000-0000-0000-000000000000".parse::<ProducerId>().unwrap(),
            consumer_id: "ffffffff-ffff-ffff-ffff-ffffffffffff".parse::<ConsumerId>().unwrap(),
        });
        assert_eq!(twice.code.as_str(), "already_consuming");
        assert!(
            twice.message.contains("ffffffff-ffff-ffff-ffff-ffffffffffff"),
            "{}",
            twice.message
        );
    }

    #[test]
    fn auth_errors_map_to_three_codes() {
        assert_eq!(
            ErrorBody::from(AuthError::MissingToken).code,
            ErrorCode::Unauthenticated
        );
        assert_eq!(
            ErrorBody::from(AuthError::NotAdmin("viewer")).code,
            ErrorCode::Forbidden
        );
        assert_eq!(
            ErrorBody::from(AuthError::Unavailable("down".into())).code,
            ErrorCode::AuthUnavailable
        );
    }

    #[test]
    fn a_full_room_is_room_full() {
        assert_eq!(ErrorBody::from(RoomError::Full("r".into())).code, ErrorCode::RoomFull);
        assert_eq!(ErrorBody::from(RoomError::TooManyRooms(2)).code, ErrorCode::RoomFull);
    }
}
