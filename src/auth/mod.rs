//! Who a peer is and what it may do: Firebase ID tokens verified without the Admin SDK, roles
//! from a custom claim, and the TURN REST credentials handed out on join.
//!
//! With `auth.mode = "none"` (local development) nobody is checked and every peer is its own
//! user; production refuses that mode (see `Config::validate`).

mod claims;
mod firebase;
mod keys;
mod turn;

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::config::{AuthConfig, AuthMode};
pub use crate::role::Role;

pub use claims::ClaimRules;
pub use firebase::FirebaseVerifier;
pub use keys::{KeyCache, KeyCacheOptions};
pub use turn::{turn_credential, turn_ice_servers};

/// A verified user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The token's `sub`: the Firebase uid.
    pub uid: Arc<str>,
    pub role: Role,
    /// The token's `exp`, seconds since the Unix epoch; the session ends then.
    pub expires_at: u64,
}

impl Identity {
    /// Time left before the token expires, measured from `now`.
    pub fn remaining(&self, now: SystemTime) -> Duration {
        let now = now.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        Duration::from_secs(self.expires_at.saturating_sub(now))
    }
}

/// Why a token (or a request made with it) was refused. Each check has its own variant so logs
/// and tests say exactly which one failed; clients see `unauthenticated`, `auth_unavailable` or
/// `forbidden` (see [`AuthError::code`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("this server requires a Firebase ID token: give \"token\" in join or an Authorization: Bearer header")]
    MissingToken,
    #[error("the token is longer than {0} bytes")]
    TooLong(usize),
    #[error("the token is not a JWT: {0}")]
    Malformed(String),
    #[error("the token is unsigned (alg none); only the Firebase Auth emulator's tokens may be")]
    Unsigned,
    #[error("the token is signed with {0}; Firebase ID tokens use RS256")]
    WrongAlgorithm(String),
    #[error("the token has no key id (kid)")]
    MissingKeyId,
    #[error("the token's key id {0:?} is not one of Google's current signing keys")]
    UnknownKeyId(String),
    #[error("the token's signature does not verify")]
    BadSignature,
    #[error("claim {0:?} is missing")]
    MissingClaim(&'static str),
    #[error("claim {0:?} has the wrong type")]
    InvalidClaim(String),
    #[error("the token is for project {found:?}, not {expected:?} (aud)")]
    WrongAudience { expected: String, found: String },
    #[error("the token was issued by {found:?}, not {expected:?} (iss)")]
    WrongIssuer { expected: String, found: String },
    #[error("the token has an empty subject (sub)")]
    EmptySubject,
    #[error("the token's subject (sub) is longer than 128 characters")]
    SubjectTooLong,
    #[error("the token expired at {exp} (now {now}); get a fresh one and reconnect")]
    Expired { exp: u64, now: u64 },
    #[error("the token is issued in the future (iat {iat}, now {now})")]
    IssuedInFuture { iat: u64, now: u64 },
    #[error("the token's authentication time is in the future (auth_time {auth_time}, now {now})")]
    AuthTimeInFuture { auth_time: u64, now: u64 },
    #[error("role claim {claim:?} is {value}, not one of viewer, broadcaster, admin")]
    UnknownRole { claim: String, value: String },
    #[error("the token's role {granted} may not join as {requested}")]
    RoleNotAllowed {
        granted: &'static str,
        requested: &'static str,
    },
    #[error("an unsigned (Auth emulator) token never carries the admin role; use a viewer or broadcaster role, or the admin token for the admin API")]
    UnsignedAdmin,
    #[error("this needs the admin role; the token's role is {0}")]
    NotAdmin(&'static str),
    #[error("cannot check tokens right now: Google's signing keys are unavailable ({0}); retry later")]
    Unavailable(String),
}

impl AuthError {
    /// How a client should take the refusal: try again later, or not with this token.
    pub fn kind(&self) -> AuthErrorKind {
        match self {
            AuthError::Unavailable(_) => AuthErrorKind::Unavailable,
            AuthError::RoleNotAllowed { .. }
            | AuthError::NotAdmin(_)
            | AuthError::UnknownRole { .. }
            | AuthError::UnsignedAdmin => AuthErrorKind::Forbidden,
            _ => AuthErrorKind::Unauthenticated,
        }
    }
}

/// The three answers an auth failure comes down to (the protocol's `unauthenticated`,
/// `forbidden` and `auth_unavailable`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthErrorKind {
    /// No token, or one that does not verify.
    Unauthenticated,
    /// A valid token whose role does not allow this.
    Forbidden,
    /// Google's signing keys cannot be had right now.
    Unavailable,
}

/// The admin API's gate: a verified identity with the admin role.
pub fn require_admin(identity: &Identity) -> Result<(), AuthError> {
    if identity.role == Role::Admin {
        Ok(())
    } else {
        Err(AuthError::NotAdmin(identity.role.as_str()))
    }
}

/// The token from an `Authorization: Bearer <token>` header value, if it is one.
pub fn bearer_token(header: &str) -> Option<&str> {
    let (scheme, token) = header.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The server's authentication, as configured.
pub struct Authenticator {
    verifier: Option<FirebaseVerifier>,
}

impl Authenticator {
    /// Builds the verifier and, with real Firebase keys, the task that keeps them fresh. The task
    /// ends when `shutdown` is cancelled.
    pub fn start(config: &AuthConfig, shutdown: CancellationToken) -> (Authenticator, Option<JoinHandle<()>>) {
        if config.mode == AuthMode::None {
            return (Authenticator { verifier: None }, None);
        }
        let rules = ClaimRules::from_config(config);
        if let Some(host) = &config.emulator_host {
            tracing::warn!(emulator = %host, project = %rules.project_id, "accepting unsigned tokens of the Firebase Auth emulator");
            return (
                Authenticator {
                    verifier: Some(FirebaseVerifier::emulator(rules)),
                },
                None,
            );
        }
        let keys = Arc::new(KeyCache::new(KeyCacheOptions::new(config.keys_url.clone())));
        let task = tokio::spawn(Arc::clone(&keys).run(shutdown));
        tracing::info!(project = %rules.project_id, keys = %config.keys_url, "verifying Firebase ID tokens");
        (
            Authenticator {
                verifier: Some(FirebaseVerifier::new(rules, keys)),
            },
            Some(task),
        )
    }

    /// No checks at all (`auth.mode = "none"`).
    pub fn disabled() -> Authenticator {
        Authenticator { verifier: None }
    }

    /// Whether tokens are checked.
    pub fn enabled(&self) -> bool {
        self.verifier.is_some()
    }

    /// Whether a token could be checked now: Google's signing keys are loaded and fresh (always
    /// true with auth off or the emulator, which need none).
    pub fn keys_available(&self) -> bool {
        self.verifier.as_ref().is_none_or(FirebaseVerifier::keys_available)
    }

    /// Who joins as `requested`: the join's token if given, else the identity verified at the
    /// WebSocket upgrade (Bearer header). `Ok(None)` when auth is off.
    pub async fn admit(
        &self,
        join_token: Option<&str>,
        upgrade: Option<&Identity>,
        requested: Role,
    ) -> Result<Option<Identity>, AuthError> {
        let identity = match (join_token, upgrade) {
            (None, Some(id)) if self.enabled() => {
                let now = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or_default()
                    .as_secs();
                if id.expires_at <= now {
                    return Err(AuthError::Expired {
                        exp: id.expires_at,
                        now,
                    });
                }
                Some(id.clone())
            }
            (token, _) => self.verify(token).await?,
        };
        if let Some(id) = &identity {
            if !id.role.permits(requested) {
                return Err(AuthError::RoleNotAllowed {
                    granted: id.role.as_str(),
                    requested: requested.as_str(),
                });
            }
        }
        Ok(identity)
    }

    /// Verifies `token`; `Ok(None)` when auth is off (the token is then ignored).
    pub async fn verify(&self, token: Option<&str>) -> Result<Option<Identity>, AuthError> {
        let Some(verifier) = &self.verifier else {
            return Ok(None);
        };
        let token = token.ok_or(AuthError::MissingToken)?;
        verifier.verify(token).await.map(Some)
    }
}
