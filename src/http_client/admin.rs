//! The admin API's client: where a server's dump is, and reading it (`sfu inspect`, the load
//! tools' remote probe).

use super::{HttpClient, HttpError};
use crate::dump::ServerDump;
use crate::room_name::RoomName;

/// The admin API's URL on the server at `base` (`http(s)://host:port`, or the signaling URL
/// `ws(s)://host:port/ws`, which names the same server).
pub fn rooms_url(base: &str, room: Option<&str>) -> Result<String, HttpError> {
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
    Ok(match room {
        // A valid room name needs no escaping; anything else names no room.
        Some(r) => match RoomName::parse(r) {
            Ok(name) => format!("{base}/admin/rooms?room={name}"),
            Err(_) => return Err(bad()),
        },
        None => format!("{base}/admin/rooms"),
    })
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
}
