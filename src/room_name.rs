//! A room's name: 1 to 64 characters of `A-Z a-z 0-9 - _ .`, so it is safe in URLs, logs and
//! metric labels as it is. The one place this rule lives: `join` and the admin API's `?room=`
//! both parse through [`RoomName::parse`].

use std::fmt;

/// The longest room name.
pub const MAX_ROOM_NAME: usize = 64;

/// A valid room name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RoomName(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("room must be 1-{MAX_ROOM_NAME} characters of A-Z a-z 0-9 - _ .")]
pub struct InvalidRoomName;

impl RoomName {
    pub fn parse(name: &str) -> Result<RoomName, InvalidRoomName> {
        let valid = !name.is_empty()
            && name.len() <= MAX_ROOM_NAME
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        if valid {
            Ok(RoomName(name.to_string()))
        } else {
            Err(InvalidRoomName)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RoomName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for RoomName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::RoomName;

    #[test]
    fn room_names() {
        let ok = |s: &str| RoomName::parse(s).is_ok();
        assert!(ok("lobby"));
        assert!(ok("a-b_c.d9"));
        assert!(ok(&"x".repeat(64)));
        assert!(!ok(""));
        assert!(!ok("has space"));
        assert!(!ok("ünï"));
        assert!(!ok("x&y=1"));
        assert!(!ok(&"x".repeat(65)));
        assert_eq!(RoomName::parse("a.b").unwrap().to_string(), "a.b");
    }
}
