//! The admin API's client: where a server's dump is, and reading it (`sfu inspect`, the load
//! tools' remote probe).

use super::{HttpClient, HttpError};
use crate::dump::ServerDump;
use crate::room_name::RoomName;

/// The admin API's URL on the server at `base` (`http(s)://host:port`, or the signaling URL
/// `ws(s)://host:port/ws`, which names the same server).
pub fn rooms_url(base: &str, room: Option<&str>) -> Result<String, HttpError> {
    let base = server_url(base)?;
    Ok(match room {
        // A valid room name needs no escaping; anything else names no room.
        Some(r) => format!("{base}/admin/rooms?room={}", room_name(r, &base)?),
        None => format!("{base}/admin/rooms"),
    })
}

/// The cluster's node list on the server at `base` (`/cluster/nodes`, open, 404 without a
/// cluster).
pub fn cluster_nodes_url(base: &str) -> Result<String, HttpError> {
    Ok(format!("{}/cluster/nodes", server_url(base)?))
}

fn room_name(room: &str, base: &str) -> Result<RoomName, HttpError> {
    RoomName::parse(room).map_err(|_| HttpError::BadUrl {
        url: format!("{base} (room {room:?} is not a room name)"),
    })
}

/// `http(s)://host:port` from what the user gave.
fn server_url(base: &str) -> Result<String, HttpError> {
    let bad = || HttpError::BadUrl { url: base.to_string() };
    let base = base.trim().trim_end_matches('/');
    let base = base.strip_suffix("/ws").unwrap_or(base);
    let base = if let Some(rest) = base.strip_prefix("ws://") {
        format!("http://{rest}")
    } else if let Some(rest) = base.strip_prefix("wss://") {
        format!("https://{rest}")
    } else if base.starts_with("http://") || base.starts_with("https://") {
        base.to_string()
    } else {
        return Err(bad());
    };
    if base
        .split_once("://")
        .is_none_or(|(_, rest)| rest.is_empty() || rest.contains('/'))
    {
        return Err(bad());
    }
    Ok(base)
}

/// A path segment: unreserved characters as they are, everything else percent-encoded.
fn segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A moderator's action against the server at `base` (see docs/operations.md, *Moderation*).
#[derive(Debug, Clone)]
pub enum Moderation {
    /// Remove a peer from its room, optionally banning its user from the room.
    Kick {
        room: String,
        peer: String,
        reason: Option<String>,
        ban_minutes: Option<u64>,
    },
    /// Mute (or unmute) a producer.
    Mute {
        room: String,
        producer: String,
        mute: bool,
    },
    CloseRoom {
        room: String,
        reason: Option<String>,
    },
    DeleteUtterance {
        id: String,
    },
    /// Every utterance of the speaker `uid` in `room`.
    DeleteSpeakerUtterances {
        room: String,
        uid: String,
    },
    /// The utterance's audio as Ogg Opus, or with `video` its VP8 video as WebM (the answer's
    /// body is the file).
    ExportUtterance {
        id: String,
        video: bool,
    },
}

impl Moderation {
    /// The method, URL and JSON body of the request for this action.
    pub fn request(&self, base: &str) -> Result<(http::Method, String, Option<serde_json::Value>), HttpError> {
        use http::Method;
        let base = server_url(base)?;
        let room = |r: &str| room_name(r, &base);
        Ok(match self {
            Moderation::Kick {
                room: r,
                peer,
                reason,
                ban_minutes,
            } => {
                let mut body = serde_json::Map::new();
                if let Some(reason) = reason {
                    body.insert("reason".into(), reason.clone().into());
                }
                if let Some(m) = ban_minutes {
                    body.insert("banMinutes".into(), (*m).into());
                }
                let url = format!("{base}/admin/rooms/{}/peers/{}/remove", room(r)?, segment(peer));
                (Method::POST, url, Some(body.into()))
            }
            Moderation::Mute {
                room: r,
                producer,
                mute,
            } => {
                let verb = if *mute { "mute" } else { "unmute" };
                let url = format!("{base}/admin/rooms/{}/producers/{}/{verb}", room(r)?, segment(producer));
                (Method::POST, url, None)
            }
            Moderation::CloseRoom { room: r, reason } => {
                let body = reason.as_ref().map(|reason| serde_json::json!({ "reason": reason }));
                (Method::POST, format!("{base}/admin/rooms/{}/close", room(r)?), body)
            }
            Moderation::DeleteUtterance { id } => {
                (Method::DELETE, format!("{base}/admin/utterances/{}", segment(id)), None)
            }
            Moderation::DeleteSpeakerUtterances { room: r, uid } => {
                let url = format!("{base}/admin/rooms/{}/speakers/{}/utterances", room(r)?, segment(uid));
                (Method::DELETE, url, None)
            }
            Moderation::ExportUtterance { id, video } => {
                let file = if *video { "video.webm" } else { "audio.ogg" };
                let url = format!("{base}/admin/utterances/{}/{file}", segment(id));
                (Method::GET, url, None)
            }
        })
    }
}

/// Does `action` on the server at `base` with the admin `token`; the answer's body (JSON, or
/// the file of an export).
pub async fn moderate(
    client: &HttpClient,
    base: &str,
    token: &str,
    action: &Moderation,
) -> Result<bytes::Bytes, HttpError> {
    let (method, url, body) = action.request(base)?;
    client.send(method, &url, Some(token), body.as_ref()).await
}

/// Reads the dump of the server at `base` with the admin `token`.
pub async fn fetch(client: &HttpClient, base: &str, token: &str, room: Option<&str>) -> Result<ServerDump, HttpError> {
    client.get_json(&rooms_url(base, room)?, Some(token)).await
}

#[cfg(test)]
mod tests {
    use super::rooms_url;

    #[test]
    fn admin_urls() {
        assert_eq!(rooms_url("http://h:8080", None).unwrap(), "http://h:8080/admin/rooms");
        assert_eq!(rooms_url("http://h:8080/", None).unwrap(), "http://h:8080/admin/rooms");
        assert_eq!(
            rooms_url("ws://h:8080/ws", Some("a.b")).unwrap(),
            "http://h:8080/admin/rooms?room=a.b"
        );
        assert_eq!(rooms_url("wss://h/ws", None).unwrap(), "https://h/admin/rooms");
        assert!(rooms_url("h:8080", None).is_err());
        assert!(rooms_url("http://", None).is_err());
        assert!(rooms_url("http://h/other", None).is_err());
        assert!(rooms_url("http://h", Some("x&y=1")).is_err());
        assert!(rooms_url("http://h", Some("")).is_err());
    }

    #[test]
    fn moderation_urls() {
        use super::Moderation;
        let kick = Moderation::Kick {
            room: "r".into(),
            peer: "p/../x".into(),
            reason: Some("spam".into()),
            ban_minutes: Some(5),
        };
        let (method, url, body) = kick.request("ws://h:1/ws").unwrap();
        assert_eq!(method, http::Method::POST);
        assert_eq!(url, "http://h:1/admin/rooms/r/peers/p%2F..%2Fx/remove");
        assert_eq!(body.unwrap(), serde_json::json!({"reason": "spam", "banMinutes": 5}));
        let export = Moderation::ExportUtterance {
            id: "u7".into(),
            video: false,
        };
        assert_eq!(
            export.request("http://h").unwrap().1,
            "http://h/admin/utterances/u7/audio.ogg"
        );
        let export = Moderation::ExportUtterance {
            id: "u7".into(),
            video: true,
        };
        assert_eq!(
            export.request("http://h").unwrap().1,
            "http://h/admin/utterances/u7/video.webm"
        );
        let bad_room = Moderation::CloseRoom {
            room: "a b".into(),
            reason: None,
        };
        assert!(bad_room.request("http://h").is_err());
    }
}
