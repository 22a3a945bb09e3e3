//! Firebase ID-token verification without the Admin SDK (Rust has none).
//!
//! The header is read first and decides the path: RS256 with a known `kid` is verified by
//! `jsonwebtoken` (whose own algorithm list is also just RS256, so an HS256 token signed with a
//! certificate's bytes, or RS512, or `none` never reaches a verifier); `none` is accepted only
//! from the Auth emulator. Then [`ClaimRules::check`] applies every payload rule itself, with
//! strict types: jsonwebtoken's own claim validation is switched off.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, Validation};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::{AuthError, ClaimRules, Identity, KeyCache, Role};

/// Firebase ID tokens are about 1 KiB, custom claims at most 1000 bytes more.
pub const MAX_TOKEN_BYTES: usize = 8 * 1024;

#[derive(Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
}

pub struct FirebaseVerifier {
    rules: ClaimRules,
    /// `None` for the emulator, whose tokens are unsigned.
    keys: Option<Arc<KeyCache>>,
    validation: Validation,
}

impl FirebaseVerifier {
    /// Whether the signing keys are loaded and fresh (the emulator needs none).
    pub fn keys_available(&self) -> bool {
        self.keys.as_ref().is_none_or(|k| k.is_fresh())
    }

    /// Verifies RS256 tokens against Google's keys (or any key endpoint: tests serve their own).
    pub fn new(rules: ClaimRules, keys: Arc<KeyCache>) -> FirebaseVerifier {
        FirebaseVerifier {
            rules,
            keys: Some(keys),
            validation: signature_only(),
        }
    }

    /// Accepts the Firebase Auth emulator's unsigned tokens (alg `none`, empty signature).
    /// Development only: `Config::validate` refuses the emulator in production.
    pub fn emulator(rules: ClaimRules) -> FirebaseVerifier {
        FirebaseVerifier {
            rules,
            keys: None,
            validation: signature_only(),
        }
    }

    pub async fn verify(&self, token: &str) -> Result<Identity, AuthError> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs();
        self.verify_at(token, now).await
    }

    /// Verifies `token` as of `now` (seconds since the Unix epoch).
    pub async fn verify_at(&self, token: &str, now: u64) -> Result<Identity, AuthError> {
        if token.len() > MAX_TOKEN_BYTES {
            return Err(AuthError::TooLong(MAX_TOKEN_BYTES));
        }
        let mut parts = token.split('.');
        let (Some(header), Some(payload), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(AuthError::Malformed("expected three dot-separated parts".into()));
        };
        let header: Header = serde_json::from_slice(&decode_part(header, "header")?)
            .map_err(|e| AuthError::Malformed(format!("header: {e}")))?;
        let claims = match (header.alg.as_str(), &self.keys) {
            ("none", None) => {
                if !signature.is_empty() {
                    return Err(AuthError::Malformed(
                        "an unsigned token has an empty signature part".into(),
                    ));
                }
                payload_claims(payload)?
            }
            ("none", Some(_)) => return Err(AuthError::Unsigned),
            ("RS256", Some(keys)) => {
                let kid = header.kid.ok_or(AuthError::MissingKeyId)?;
                let keys = keys.current().await?;
                let key = keys.get(&kid).ok_or(AuthError::UnknownKeyId(kid))?;
                jsonwebtoken::decode::<Map<String, Value>>(token, key, &self.validation)
                    .map_err(|e| match e.kind() {
                        ErrorKind::InvalidSignature => AuthError::BadSignature,
                        ErrorKind::InvalidAlgorithm => AuthError::WrongAlgorithm(header.alg.clone()),
                        _ => AuthError::Malformed(e.to_string()),
                    })?
                    .claims
            }
            ("RS256", None) => {
                return Err(AuthError::WrongAlgorithm(
                    "RS256 while the server trusts the Auth emulator, whose tokens are unsigned".into(),
                ))
            }
            (alg, _) => {
                let shown: String = alg.chars().take(16).collect();
                return Err(AuthError::WrongAlgorithm(shown));
            }
        };
        let identity = self.rules.check(&claims, now)?;
        // Anyone can write an unsigned token: whatever its claim (or the default role) says, it
        // never opens the admin API or anything else that needs the admin role.
        if self.keys.is_none() && identity.role == Role::Admin {
            return Err(AuthError::UnsignedAdmin);
        }
        Ok(identity)
    }
}

/// RS256 signatures only; every claim is checked by `ClaimRules`.
fn signature_only() -> Validation {
    let mut v = Validation::new(Algorithm::RS256);
    v.required_spec_claims.clear();
    v.validate_exp = false;
    v.validate_nbf = false;
    v.validate_aud = false;
    v.leeway = 0;
    v
}

fn decode_part(part: &str, what: &str) -> Result<Vec<u8>, AuthError> {
    URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|e| AuthError::Malformed(format!("{what} is not base64url: {e}")))
}

fn payload_claims(payload: &str) -> Result<Map<String, Value>, AuthError> {
    serde_json::from_slice(&decode_part(payload, "payload")?)
        .map_err(|e| AuthError::Malformed(format!("payload is not a JSON object: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOW: u64 = 1_700_000_000;

    fn unsigned(header: Value, claims: Value) -> String {
        format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        )
    }

    fn claims() -> Value {
        json!({
            "iss": "https://securetoken.google.com/demo-sfu", "aud": "demo-sfu", "sub": "u1",
            "iat": NOW, "auth_time": NOW, "exp": NOW + 60, "role": "broadcaster"
        })
    }

    #[tokio::test]
    async fn the_emulator_accepts_unsigned_tokens_and_still_checks_claims() {
        let v = FirebaseVerifier::emulator(ClaimRules::new("demo-sfu"));
        let id = v
            .verify_at(&unsigned(json!({"alg": "none", "typ": "JWT"}), claims()), NOW)
            .await
            .unwrap();
        assert_eq!(&*id.uid, "u1");
        let mut c = claims();
        c["aud"] = json!("other");
        assert!(matches!(
            v.verify_at(&unsigned(json!({"alg": "none"}), c), NOW).await,
            Err(AuthError::WrongAudience { .. })
        ));
        let with_signature = format!("{}sig", unsigned(json!({"alg": "none"}), claims()));
        assert!(matches!(
            v.verify_at(&with_signature, NOW).await,
            Err(AuthError::Malformed(_))
        ));
        assert!(matches!(
            v.verify_at(&unsigned(json!({"alg": "HS256"}), claims()), NOW).await,
            Err(AuthError::WrongAlgorithm(_))
        ));
    }

    #[tokio::test]
    async fn an_unsigned_token_never_has_the_admin_role() {
        let v = FirebaseVerifier::emulator(ClaimRules::new("demo-sfu"));
        let mut c = claims();
        c["role"] = json!("admin");
        let token = unsigned(json!({"alg": "none"}), c);
        assert_eq!(v.verify_at(&token, NOW).await, Err(AuthError::UnsignedAdmin));
        // Nor through the default role of a token without the claim.
        let mut rules = ClaimRules::new("demo-sfu");
        rules.default_role = Role::Admin;
        let v = FirebaseVerifier::emulator(rules);
        let mut c = claims();
        c.as_object_mut().unwrap().remove("role");
        let token = unsigned(json!({"alg": "none"}), c);
        assert_eq!(v.verify_at(&token, NOW).await, Err(AuthError::UnsignedAdmin));
    }

    #[tokio::test]
    async fn outside_the_emulator_unsigned_tokens_are_refused_before_any_key_fetch() {
        let keys = Arc::new(KeyCache::new(super::super::KeyCacheOptions::new(
            "http://127.0.0.1:9/".into(),
        )));
        let v = FirebaseVerifier::new(ClaimRules::new("demo-sfu"), keys);
        let token = unsigned(json!({"alg": "none"}), claims());
        assert_eq!(v.verify_at(&token, NOW).await, Err(AuthError::Unsigned));
        let token = unsigned(json!({"alg": "RS256"}), claims());
        assert_eq!(v.verify_at(&token, NOW).await, Err(AuthError::MissingKeyId));
    }

    #[tokio::test]
    async fn garbage_is_malformed() {
        let v = FirebaseVerifier::emulator(ClaimRules::new("demo-sfu"));
        for t in ["", "a.b", "a.b.c.d", "!!.!!.", "e30.e30.", "bnVsbA.bnVsbA."] {
            let r = v.verify_at(t, NOW).await;
            assert!(matches!(r, Err(AuthError::Malformed(_))), "{t:?}: {r:?}");
        }
        assert_eq!(
            v.verify_at(&"a".repeat(MAX_TOKEN_BYTES + 1), NOW).await,
            Err(AuthError::TooLong(MAX_TOKEN_BYTES))
        );
    }
}
