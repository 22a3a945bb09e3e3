//! The payload checks of a Firebase ID token, as the Admin SDK's `verifyIdToken` makes them:
//! a pure function of the claims and the time, so every rule is tested without keys or clocks.

use std::sync::Arc;

use serde_json::{Map, Value};

use super::{AuthError, Identity, Role};
use crate::config::AuthConfig;

/// Firebase caps uids at 128 characters.
const MAX_SUBJECT: usize = 128;

/// What a token's claims must satisfy for one project.
#[derive(Debug, Clone)]
pub struct ClaimRules {
    pub project_id: String,
    /// `https://securetoken.google.com/<project_id>`.
    pub issuer: String,
    /// The custom claim that holds the role.
    pub role_claim: String,
    /// The role when that claim is absent.
    pub default_role: Role,
    /// Tolerance for `iat` and `auth_time` a little ahead of our clock.
    pub skew_secs: u64,
}

impl ClaimRules {
    /// Rules for `project_id` with the defaults: claim `role`, default viewer, 60 s skew.
    pub fn new(project_id: &str) -> ClaimRules {
        ClaimRules {
            project_id: project_id.to_string(),
            issuer: format!("https://securetoken.google.com/{project_id}"),
            role_claim: "role".to_string(),
            default_role: Role::Viewer,
            skew_secs: 60,
        }
    }

    pub fn from_config(config: &AuthConfig) -> ClaimRules {
        ClaimRules {
            role_claim: config.role_claim.clone(),
            default_role: config.default_role,
            skew_secs: config.clock_skew_secs,
            ..ClaimRules::new(config.project_id.as_deref().unwrap_or_default())
        }
    }

    /// Checks a (signature-verified) payload at `now` (seconds since the Unix epoch).
    pub fn check(&self, claims: &Map<String, Value>, now: u64) -> Result<Identity, AuthError> {
        let aud = string_claim(claims, "aud")?;
        if aud != self.project_id {
            return Err(AuthError::WrongAudience {
                expected: self.project_id.clone(),
                found: aud.to_string(),
            });
        }
        let iss = string_claim(claims, "iss")?;
        if iss != self.issuer {
            return Err(AuthError::WrongIssuer {
                expected: self.issuer.clone(),
                found: iss.to_string(),
            });
        }
        let sub = string_claim(claims, "sub")?;
        if sub.is_empty() {
            return Err(AuthError::EmptySubject);
        }
        if sub.chars().count() > MAX_SUBJECT {
            return Err(AuthError::SubjectTooLong);
        }
        let exp = time_claim(claims, "exp")?;
        if exp <= now {
            return Err(AuthError::Expired { exp, now });
        }
        let iat = time_claim(claims, "iat")?;
        if iat > now.saturating_add(self.skew_secs) {
            return Err(AuthError::IssuedInFuture { iat, now });
        }
        let auth_time = time_claim(claims, "auth_time")?;
        if auth_time > now.saturating_add(self.skew_secs) {
            return Err(AuthError::AuthTimeInFuture { auth_time, now });
        }
        let role = match claims.get(&self.role_claim) {
            None | Some(Value::Null) => self.default_role,
            Some(Value::String(s)) => Role::parse(s).ok_or_else(|| self.unknown_role(&Value::String(s.clone())))?,
            Some(other) => return Err(self.unknown_role(other)),
        };
        Ok(Identity {
            uid: Arc::from(sub),
            role,
            expires_at: exp,
        })
    }

    fn unknown_role(&self, value: &Value) -> AuthError {
        let mut shown: String = value.to_string().chars().take(41).collect();
        if shown.chars().count() > 40 {
            shown.pop();
            shown.push('…');
        }
        AuthError::UnknownRole {
            claim: self.role_claim.clone(),
            value: shown,
        }
    }
}

fn string_claim<'a>(claims: &'a Map<String, Value>, name: &'static str) -> Result<&'a str, AuthError> {
    match claims.get(name) {
        None => Err(AuthError::MissingClaim(name)),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(AuthError::InvalidClaim(name.to_string())),
    }
}

/// A NumericDate in whole seconds. A string or a negative number is an error, never "absent".
fn time_claim(claims: &Map<String, Value>, name: &'static str) -> Result<u64, AuthError> {
    match claims.get(name) {
        None => Err(AuthError::MissingClaim(name)),
        Some(v) => v.as_u64().ok_or_else(|| AuthError::InvalidClaim(name.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOW: u64 = 1_700_000_000;

    fn valid() -> Map<String, Value> {
        let Value::Object(m) = json!({
            "iss": "https://securetoken.google.com/demo-sfu",
            "aud": "demo-sfu",
            "sub": "alice",
            "iat": NOW - 10,
            "auth_time": NOW - 100,
            "exp": NOW + 3600,
            "role": "broadcaster",
        }) else {
            unreachable!()
        };
        m
    }

    fn with(key: &str, value: Value) -> Map<String, Value> {
        let mut m = valid();
        m.insert(key.to_string(), value);
        m
    }

    fn without(key: &str) -> Map<String, Value> {
        let mut m = valid();
        m.remove(key);
        m
    }

    fn check(m: &Map<String, Value>) -> Result<Identity, AuthError> {
        ClaimRules::new("demo-sfu").check(m, NOW)
    }

    #[test]
    fn a_valid_payload_gives_uid_role_and_expiry() {
        let id = check(&valid()).unwrap();
        assert_eq!(
            id,
            Identity {
                uid: "alice".into(),
                role: Role::Broadcaster,
                expires_at: NOW + 3600
            }
        );
    }

    #[test]
    fn each_rule_has_its_own_error() {
        assert!(matches!(
            check(&with("aud", json!("other"))),
            Err(AuthError::WrongAudience { .. })
        ));
        assert!(matches!(check(&with("aud", json!(["demo-sfu"]))), Err(AuthError::InvalidClaim(c)) if c == "aud"));
        assert!(matches!(
            check(&with("iss", json!("https://securetoken.google.com/other"))),
            Err(AuthError::WrongIssuer { .. })
        ));
        assert_eq!(check(&with("sub", json!(""))), Err(AuthError::EmptySubject));
        assert_eq!(
            check(&with("sub", json!("x".repeat(129)))),
            Err(AuthError::SubjectTooLong)
        );
        assert!(
            check(&with("sub", json!("é".repeat(128)))).is_ok(),
            "128 characters, not bytes"
        );
        assert_eq!(check(&without("sub")), Err(AuthError::MissingClaim("sub")));
        assert!(matches!(
            check(&with("exp", json!(NOW))),
            Err(AuthError::Expired { .. })
        ));
        assert!(matches!(
            check(&with("iat", json!(NOW + 61))),
            Err(AuthError::IssuedInFuture { .. })
        ));
        assert!(matches!(
            check(&with("auth_time", json!(NOW + 61))),
            Err(AuthError::AuthTimeInFuture { .. })
        ));
        assert_eq!(check(&without("auth_time")), Err(AuthError::MissingClaim("auth_time")));
        assert!(matches!(
            check(&with("role", json!("king"))),
            Err(AuthError::UnknownRole { .. })
        ));
        assert!(matches!(
            check(&with("role", json!(["admin"]))),
            Err(AuthError::UnknownRole { .. })
        ));
    }

    #[test]
    fn mistyped_times_are_errors_not_absent() {
        // The jsonwebtoken < 10.3 flaw (GHSA-h395-gr6q-cpjc): a string exp must not skip the check.
        assert_eq!(
            check(&with("exp", json!("never"))),
            Err(AuthError::InvalidClaim("exp".into()))
        );
        assert_eq!(
            check(&with("iat", json!(-5))),
            Err(AuthError::InvalidClaim("iat".into()))
        );
        assert_eq!(
            check(&with("exp", json!(1.7e12))),
            Err(AuthError::InvalidClaim("exp".into()))
        );
    }

    #[test]
    fn skew_applies_to_iat_and_auth_time_only() {
        assert!(check(&with("iat", json!(NOW + 60))).is_ok());
        assert!(check(&with("auth_time", json!(NOW + 60))).is_ok());
        assert!(check(&with("exp", json!(NOW + 1))).is_ok());
    }

    #[test]
    fn role_claim_name_and_default_are_configurable() {
        let mut rules = ClaimRules::new("demo-sfu");
        assert_eq!(rules.check(&without("role"), NOW).unwrap().role, Role::Viewer);
        rules.default_role = Role::Broadcaster;
        assert_eq!(rules.check(&without("role"), NOW).unwrap().role, Role::Broadcaster);
        rules.role_claim = "sfuRole".into();
        assert_eq!(
            rules.check(&with("sfuRole", json!("admin")), NOW).unwrap().role,
            Role::Admin
        );
    }
}
