//! What a peer may do in a room. One enum for the whole server: the role a token grants (from
//! its custom claim), the role a peer asks for in `join`, and the role it then has. Ordered:
//! each role may do what the ones before it may.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Viewer,
    Broadcaster,
    /// Granted by a token only (the admin API); a peer joins as a viewer or a broadcaster.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Broadcaster => "broadcaster",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "viewer" => Some(Role::Viewer),
            "broadcaster" => Some(Role::Broadcaster),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Whether a token granting this role may join as `requested`. Admins may be either.
    pub fn permits(self, requested: Role) -> bool {
        self >= requested
    }
}

#[cfg(test)]
mod tests {
    use super::Role;

    #[test]
    fn roles_are_ordered_and_parse_back() {
        for r in [Role::Viewer, Role::Broadcaster, Role::Admin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
            assert!(r.permits(Role::Viewer));
        }
        assert!(!Role::Viewer.permits(Role::Broadcaster));
        assert!(Role::Admin.permits(Role::Broadcaster));
        assert_eq!(Role::parse("root"), None);
    }
}
