//! Firebase ID-token verification against keys served by a local stand-in for Google's
//! securetoken endpoint (test RSA keys in tests/fixtures/auth), then roles, Bearer upgrades,
//! expiry and TURN credentials through the real server.

mod common;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::*;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use parking_lot::Mutex;
use serde_json::{json, Value};
use sfu::auth::{AuthError, ClaimRules, FirebaseVerifier, KeyCache, KeyCacheOptions, Role};
use sfu::config::{AuthMode, TurnServerConfig};
use sfu::protocol::{ErrorBody, ErrorCode};

const PROJECT: &str = "demo-sfu";
const SIGNER_CERT: &str = include_str!("fixtures/auth/signer.cert.pem");
const SIGNER_KEY: &[u8] = include_bytes!("fixtures/auth/signer.key.pem");
const OTHER_CERT: &str = include_str!("fixtures/auth/other.cert.pem");
const OTHER_KEY: &[u8] = include_bytes!("fixtures/auth/other.key.pem");

/// The stand-in for https://www.googleapis.com/robot/v1/metadata/x509/securetoken@...:
/// `{kid: certificate PEM}` with `Cache-Control: max-age`; can be switched to failing.
struct KeyEndpoint {
    certs: Mutex<Value>,
    max_age: AtomicU64,
    up: AtomicBool,
    hits: AtomicUsize,
}

async fn serve_keys(endpoint: State<Arc<KeyEndpoint>>) -> axum::response::Response {
    endpoint.hits.fetch_add(1, Ordering::SeqCst);
    if !endpoint.up.load(Ordering::SeqCst) {
        return (StatusCode::SERVICE_UNAVAILABLE, "down").into_response();
    }
    let cache = format!(
        "public, max-age={}, must-revalidate, no-transform",
        endpoint.max_age.load(Ordering::SeqCst)
    );
    (
        [(header::CACHE_CONTROL, cache)],
        axum::Json(endpoint.certs.lock().clone()),
    )
        .into_response()
}

/// A running key endpoint at `url`; stops when dropped.
struct Keys {
    url: String,
    endpoint: Arc<KeyEndpoint>,
    _server: AbortOnDrop,
}

struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

async fn key_endpoint(max_age: u64) -> Keys {
    let endpoint = Arc::new(KeyEndpoint {
        certs: Mutex::new(json!({"k1": SIGNER_CERT})),
        max_age: AtomicU64::new(max_age),
        up: AtomicBool::new(true),
        hits: AtomicUsize::new(0),
    });
    let app = axum::Router::new()
        .route("/keys", get(serve_keys))
        .with_state(Arc::clone(&endpoint));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Keys {
        url: format!("http://{addr}/keys"),
        endpoint,
        _server: AbortOnDrop(task),
    }
}

/// A loopback URL where nothing listens.
fn dead_url() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    format!("http://127.0.0.1:{port}/keys")
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()
}

fn claims(sub: &str, role: Option<&str>) -> Value {
    let t = now();
    let mut c = json!({
        "iss": format!("https://securetoken.google.com/{PROJECT}"),
        "aud": PROJECT,
        "sub": sub,
        "user_id": sub,
        "iat": t - 10,
        "auth_time": t - 100,
        "exp": t + 3600,
        "firebase": {"sign_in_provider": "password"},
    });
    if let Some(r) = role {
        c["role"] = json!(r);
    }
    c
}

fn sign(claims: &Value, kid: Option<&str>, alg: Algorithm, key: &EncodingKey) -> String {
    let mut header = Header::new(alg);
    header.kid = kid.map(str::to_string);
    jsonwebtoken::encode(&header, claims, key).unwrap()
}

fn signer() -> EncodingKey {
    EncodingKey::from_rsa_pem(SIGNER_KEY).unwrap()
}

/// A token as Google would sign it, with `edit` applied to the claims.
fn token_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut c = claims("alice", Some("broadcaster"));
    edit(&mut c);
    sign(&c, Some("k1"), Algorithm::RS256, &signer())
}

fn token(sub: &str, role: Option<&str>) -> String {
    sign(&claims(sub, role), Some("k1"), Algorithm::RS256, &signer())
}

fn unsigned(claims: &Value) -> String {
    format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(json!({"alg": "none", "typ": "JWT"}).to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

fn verifier(url: &str) -> FirebaseVerifier {
    let keys = Arc::new(KeyCache::new(KeyCacheOptions::new(url.to_string())));
    FirebaseVerifier::new(ClaimRules::new(PROJECT), keys)
}

#[tokio::test]
async fn a_valid_token_passes_and_every_bad_one_fails_with_its_own_error() {
    let keys = key_endpoint(3600).await;
    let v = verifier(&keys.url);

    let id = v.verify(&token("alice", Some("broadcaster"))).await.unwrap();
    assert_eq!(&*id.uid, "alice");
    assert_eq!(id.role, Role::Broadcaster);
    assert!(id.expires_at > now() + 3500);
    assert_eq!(
        v.verify(&token("bob", None)).await.unwrap().role,
        Role::Viewer,
        "default role"
    );

    let good = token("alice", Some("broadcaster"));
    let (head, rest) = good.split_once('.').unwrap();
    let (payload, signature) = rest.split_once('.').unwrap();
    let mut tampered_signature = URL_SAFE_NO_PAD.decode(signature).unwrap();
    tampered_signature[10] ^= 1;
    let forged_payload = URL_SAFE_NO_PAD.encode(claims("alice", Some("admin")).to_string());
    let t = now();

    type Check = fn(&AuthError) -> bool;
    let cases: Vec<(&str, String, Check, ErrorCode)> = vec![
        (
            "alg none",
            unsigned(&claims("alice", Some("admin"))),
            |e| *e == AuthError::Unsigned,
            ErrorCode::Unauthenticated,
        ),
        (
            "HS256 keyed with the public certificate",
            sign(
                &claims("alice", Some("admin")),
                Some("k1"),
                Algorithm::HS256,
                &EncodingKey::from_secret(SIGNER_CERT.as_bytes()),
            ),
            |e| matches!(e, AuthError::WrongAlgorithm(a) if a == "HS256"),
            ErrorCode::Unauthenticated,
        ),
        (
            "RS512 with the right key",
            sign(&claims("alice", None), Some("k1"), Algorithm::RS512, &signer()),
            |e| matches!(e, AuthError::WrongAlgorithm(a) if a == "RS512"),
            ErrorCode::Unauthenticated,
        ),
        (
            "PS256 with the right key",
            sign(&claims("alice", None), Some("k1"), Algorithm::PS256, &signer()),
            |e| matches!(e, AuthError::WrongAlgorithm(a) if a == "PS256"),
            ErrorCode::Unauthenticated,
        ),
        (
            "tampered signature",
            format!("{head}.{payload}.{}", URL_SAFE_NO_PAD.encode(&tampered_signature)),
            |e| *e == AuthError::BadSignature,
            ErrorCode::Unauthenticated,
        ),
        (
            "payload swapped under a valid signature",
            format!("{head}.{forged_payload}.{signature}"),
            |e| *e == AuthError::BadSignature,
            ErrorCode::Unauthenticated,
        ),
        (
            "signed by another key under a known kid",
            sign(
                &claims("alice", None),
                Some("k1"),
                Algorithm::RS256,
                &EncodingKey::from_rsa_pem(OTHER_KEY).unwrap(),
            ),
            |e| *e == AuthError::BadSignature,
            ErrorCode::Unauthenticated,
        ),
        (
            "unknown kid",
            sign(&claims("alice", None), Some("k9"), Algorithm::RS256, &signer()),
            |e| matches!(e, AuthError::UnknownKeyId(k) if k == "k9"),
            ErrorCode::Unauthenticated,
        ),
        (
            "no kid",
            sign(&claims("alice", None), None, Algorithm::RS256, &signer()),
            |e| *e == AuthError::MissingKeyId,
            ErrorCode::Unauthenticated,
        ),
        (
            "wrong audience",
            token_with(|c| c["aud"] = json!("other-project")),
            |e| matches!(e, AuthError::WrongAudience { found, .. } if found == "other-project"),
            ErrorCode::Unauthenticated,
        ),
        (
            "wrong issuer",
            token_with(|c| c["iss"] = json!("https://securetoken.google.com/other-project")),
            |e| matches!(e, AuthError::WrongIssuer { .. }),
            ErrorCode::Unauthenticated,
        ),
        (
            "empty subject",
            token_with(|c| c["sub"] = json!("")),
            |e| *e == AuthError::EmptySubject,
            ErrorCode::Unauthenticated,
        ),
        (
            "subject over 128 characters",
            token_with(|c| c["sub"] = json!("u".repeat(129))),
            |e| *e == AuthError::SubjectTooLong,
            ErrorCode::Unauthenticated,
        ),
        (
            "expired",
            token_with(|c| c["exp"] = json!(t - 1)),
            |e| matches!(e, AuthError::Expired { .. }),
            ErrorCode::Unauthenticated,
        ),
        (
            "exp as a string",
            token_with(|c| c["exp"] = json!("never")),
            |e| *e == AuthError::InvalidClaim("exp".into()),
            ErrorCode::Unauthenticated,
        ),
        (
            "issued in the future",
            token_with(|c| c["iat"] = json!(t + 600)),
            |e| matches!(e, AuthError::IssuedInFuture { .. }),
            ErrorCode::Unauthenticated,
        ),
        (
            "authenticated in the future",
            token_with(|c| c["auth_time"] = json!(t + 600)),
            |e| matches!(e, AuthError::AuthTimeInFuture { .. }),
            ErrorCode::Unauthenticated,
        ),
        (
            "unknown role",
            token_with(|c| c["role"] = json!("owner")),
            |e| matches!(e, AuthError::UnknownRole { .. }),
            ErrorCode::Forbidden,
        ),
        (
            "not a JWT",
            "hello".to_string(),
            |e| matches!(e, AuthError::Malformed(_)),
            ErrorCode::Unauthenticated,
        ),
    ];
    for (name, token, check, code) in cases {
        let e = v.verify(&token).await.expect_err(name);
        assert!(check(&e), "{name}: wrong error {e:?}");
        assert_eq!(ErrorBody::from(e).code, code, "{name}");
    }
    assert_eq!(
        keys.endpoint.hits.load(Ordering::SeqCst),
        1,
        "keys fetched once within max-age"
    );

    // Key endpoint down: not a panic, not "unauthenticated", but "auth unavailable".
    let e = verifier(&dead_url()).verify(&token("alice", None)).await.unwrap_err();
    assert!(matches!(e, AuthError::Unavailable(_)), "{e:?}");
    assert_eq!(ErrorBody::from(e).code, ErrorCode::AuthUnavailable);
    keys.endpoint.up.store(false, Ordering::SeqCst);
    let e = verifier(&keys.url).verify(&token("alice", None)).await.unwrap_err();
    assert!(
        matches!(&e, AuthError::Unavailable(why) if why.contains("503")),
        "{e:?}"
    );
}

#[tokio::test]
async fn keys_expire_with_max_age_rotate_and_survive_an_outage() {
    let keys = key_endpoint(1).await;
    let mut options = KeyCacheOptions::new(keys.url.clone());
    options.retry_min = Duration::from_millis(100);
    let cache = Arc::new(KeyCache::new(options));
    let shutdown = tokio_util::sync::CancellationToken::new();
    let refresher = tokio::spawn(Arc::clone(&cache).run(shutdown.clone()));
    let v = FirebaseVerifier::new(ClaimRules::new(PROJECT), Arc::clone(&cache));
    v.verify(&token("alice", None)).await.unwrap();

    // Google rotates: k1 is gone, k2 signs. The background refresh picks it up after max-age.
    *keys.endpoint.certs.lock() = json!({"k2": OTHER_CERT});
    let k2_token = sign(
        &claims("alice", None),
        Some("k2"),
        Algorithm::RS256,
        &EncodingKey::from_rsa_pem(OTHER_KEY).unwrap(),
    );
    eventually_async("rotated keys", || async { v.verify(&k2_token).await.is_ok() }).await;
    assert!(matches!(
        v.verify(&token("alice", None)).await,
        Err(AuthError::UnknownKeyId(_))
    ));
    assert!(keys.endpoint.hits.load(Ordering::SeqCst) >= 2);

    // Outage: once max-age passes the old keys are not trusted, and requests get "unavailable".
    keys.endpoint.up.store(false, Ordering::SeqCst);
    eventually_async("keys expire during the outage", || async {
        matches!(v.verify(&k2_token).await, Err(AuthError::Unavailable(_)))
    })
    .await;
    // Back up: the background task (or the next request) fetches again.
    keys.endpoint.up.store(true, Ordering::SeqCst);
    eventually_async("keys back", || async { v.verify(&k2_token).await.is_ok() }).await;

    shutdown.cancel();
    tokio::time::timeout(Duration::from_secs(2), refresher)
        .await
        .expect("the refresh task stops on shutdown")
        .unwrap();
}

async fn eventually_async<F, Fut>(what: &str, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + TIMEOUT;
    while !f().await {
        assert!(tokio::time::Instant::now() < deadline, "timed out waiting for: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[test]
fn admin_api_needs_the_admin_role() {
    let id = |role| sfu::auth::Identity {
        uid: "u".into(),
        role,
        expires_at: now() + 60,
    };
    sfu::auth::require_admin(&id(Role::Admin)).unwrap();
    let e = sfu::auth::require_admin(&id(Role::Broadcaster)).unwrap_err();
    assert_eq!(ErrorBody::from(e).code, ErrorCode::Forbidden);
    assert!(sfu::auth::require_admin(&id(Role::Viewer)).is_err());
}

fn firebase_config(keys_url: &str) -> sfu::Config {
    let mut c = test_config(1);
    c.auth.mode = AuthMode::Firebase;
    c.auth.project_id = Some(PROJECT.into());
    c.auth.keys_url = keys_url.to_string();
    c
}

async fn join(c: &mut Client, role: &str, token: Option<&str>) -> Result<Value, ErrorReply> {
    let mut data = json!({"room": "auth", "role": role});
    if let Some(t) = token {
        data["token"] = json!(t);
    }
    c.request("join", data).await
}

async fn produce(c: &mut Client) -> Result<Value, ErrorReply> {
    let t = c.request("createTransport", json!({"direction": "send"})).await?;
    let tid = t["transportId"].as_str().unwrap().to_string();
    c.ok(
        "connectTransport",
        json!({"transportId": tid, "dtlsParameters": client_dtls_parameters()}),
    )
    .await;
    c.request(
        "produce",
        json!({"transportId": tid, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(2222)}),
    )
    .await
}

#[tokio::test]
async fn roles_decide_who_may_produce() {
    let keys = key_endpoint(3600).await;
    let server = start(firebase_config(&keys.url)).await;

    let mut b = Client::connect(&server).await;
    let joined = join(&mut b, "broadcaster", Some(&token("bea", Some("broadcaster"))))
        .await
        .unwrap();
    assert_eq!(joined["role"], "broadcaster");
    produce(&mut b).await.expect("a broadcaster token may produce");

    let viewer_token = token("vic", Some("viewer"));
    let mut v = Client::connect(&server).await;
    let (code, message) = join(&mut v, "broadcaster", Some(&viewer_token)).await.unwrap_err();
    assert_eq!(code, "forbidden", "{message}");
    assert!(message.contains("viewer"), "{message}");
    join(&mut v, "viewer", Some(&viewer_token)).await.unwrap();
    let (code, _) = v
        .request("createTransport", json!({"direction": "send"}))
        .await
        .unwrap_err();
    assert_eq!(code, "forbidden");
    let (code, _) = v
        .request(
            "produce",
            json!({"transportId": "00000000-0000-0000-0000-000000000000", "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(3)}),
        )
        .await
        .unwrap_err();
    assert_eq!(code, "forbidden");

    // No role claim: the default (viewer). An admin may broadcast.
    let mut d = Client::connect(&server).await;
    assert_eq!(
        join(&mut d, "broadcaster", Some(&token("dan", None)))
            .await
            .unwrap_err()
            .0,
        "forbidden"
    );
    let mut a = Client::connect(&server).await;
    join(&mut a, "broadcaster", Some(&token("ada", Some("admin"))))
        .await
        .unwrap();
    produce(&mut a).await.expect("an admin may produce");

    for c in [b, v, d, a] {
        c.close().await;
    }
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn missing_or_invalid_tokens_are_refused_and_the_connection_stays_usable() {
    let keys = key_endpoint(3600).await;
    let server = start(firebase_config(&keys.url)).await;
    let mut c = Client::connect(&server).await;
    let (code, message) = join(&mut c, "viewer", None).await.unwrap_err();
    assert_eq!(code, "unauthenticated");
    assert!(message.contains("Bearer"), "{message}");
    let bad = [
        token_with(|c| c["aud"] = json!("other")),
        unsigned(&claims("alice", Some("admin"))),
        token_with(|c| c["exp"] = json!(now() - 5)),
        "garbage".to_string(),
    ];
    for t in &bad {
        assert_eq!(join(&mut c, "viewer", Some(t)).await.unwrap_err().0, "unauthenticated");
    }
    // Nothing was joined; the same connection can still authenticate properly.
    assert_eq!(server.counts().peers, 0);
    join(&mut c, "viewer", Some(&token("alice", None))).await.unwrap();
    c.close().await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn unreachable_keys_give_auth_unavailable_and_the_server_keeps_running() {
    let server = start(firebase_config(&dead_url())).await;
    let mut c = Client::connect(&server).await;
    let (code, message) = join(&mut c, "viewer", Some(&token("alice", None))).await.unwrap_err();
    assert_eq!(code, "auth_unavailable", "{message}");
    c.ok("ping", json!({})).await;
    c.ok("getRouterRtpCapabilities", json!({})).await;
    c.close().await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_bearer_header_authenticates_the_upgrade() {
    let keys = key_endpoint(3600).await;
    let server = start(firebase_config(&keys.url)).await;
    let bearer = format!("Bearer {}", token("bea", Some("broadcaster")));
    let mut c = Client::connect_with_headers(&server, &[("authorization", &bearer)]).await;
    join(&mut c, "broadcaster", None)
        .await
        .expect("the header's token is used");
    produce(&mut c).await.unwrap();
    c.close().await;

    for value in [
        format!("Bearer {}", token_with(|c| c["aud"] = json!("other"))),
        "Basic dXNlcjpwYXNz".to_string(),
    ] {
        match ws_connect_with_headers(&server, &[("authorization", &value)]).await {
            Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
                assert_eq!(response.status(), 401);
                let body: Value = serde_json::from_slice(response.body().as_deref().unwrap()).unwrap();
                assert_eq!(body["error"]["code"], "unauthenticated", "{body}");
            }
            other => panic!("upgrade with {value:?} not refused: {:?}", other.map(|_| ())),
        }
    }
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn an_expiring_token_closes_the_session_with_4003() {
    let keys = key_endpoint(3600).await;
    let server = start(firebase_config(&keys.url)).await;
    let mut c = Client::connect(&server).await;
    let short = token_with(|c| c["exp"] = json!(now() + 2));
    join(&mut c, "broadcaster", Some(&short)).await.unwrap();
    assert_eq!(c.recv_close().await, Some(4003));
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

/// `refreshToken` moves the connection's expiry to the fresh token's `exp`: the session outlives
/// its first token. The fresh token must be the same user's, with a role that allows the peer's.
#[tokio::test]
async fn a_refreshed_token_keeps_the_session_past_the_first_ones_exp() {
    let keys = key_endpoint(3600).await;
    let server = start(firebase_config(&keys.url)).await;
    let mut c = Client::connect(&server).await;
    let (code, _) = c
        .request("refreshToken", json!({"token": token("alice", Some("broadcaster"))}))
        .await
        .unwrap_err();
    assert_eq!(code, "not_joined");
    let short = token_with(|c| c["exp"] = json!(now() + 2));
    join(&mut c, "broadcaster", Some(&short)).await.unwrap();
    for (token, expected) in [
        (token("mallory", Some("broadcaster")), "forbidden"),
        (token("alice", Some("viewer")), "forbidden"),
        ("not-a-token".to_string(), "unauthenticated"),
        (token_with(|c| c["exp"] = json!(now() - 5)), "unauthenticated"),
    ] {
        let (code, message) = c.request("refreshToken", json!({"token": token})).await.unwrap_err();
        assert_eq!(code, expected, "{message}");
    }
    c.ok("refreshToken", json!({"token": token("alice", Some("broadcaster"))}))
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(3500)).await;
    let pong = c.ok("ping", json!({})).await;
    assert_eq!(pong["pong"], true, "the connection outlived the first token");
    c.close().await;
    assert_released(&server).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn join_hands_out_turn_rest_credentials_for_the_uid() {
    let keys = key_endpoint(3600).await;
    let mut config = firebase_config(&keys.url);
    config.ice_servers = vec![sfu::config::IceServerConfig {
        urls: vec!["stun:127.0.0.1:3478".into()],
        username: None,
        credential: None,
    }];
    config.turn = vec![TurnServerConfig {
        urls: vec!["turn:127.0.0.1:3478?transport=udp".into()],
        secret: "coturn-shared-secret".into(),
        ttl_secs: 600,
    }];
    let server = start(config).await;
    let mut c = Client::connect(&server).await;
    let joined = join(&mut c, "viewer", Some(&token("carol", None))).await.unwrap();
    let servers = joined["iceServers"].as_array().unwrap();
    assert_eq!(servers.len(), 2, "{joined}");
    assert_eq!(servers[0], json!({"urls": ["stun:127.0.0.1:3478"]}));
    let username = servers[1]["username"].as_str().unwrap();
    let (expiry, uid) = username.split_once(':').unwrap();
    assert_eq!(uid, "carol");
    let expiry: u64 = expiry.parse().unwrap();
    assert!((now() + 595..=now() + 600).contains(&expiry), "{expiry}");
    let (_, credential) = sfu::auth::turn_credential("coturn-shared-secret", "carol", expiry);
    assert_eq!(servers[1]["credential"], credential);
    c.close().await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn without_auth_anyone_joins_with_any_role_and_tokens_are_ignored() {
    let server = start(test_config(1)).await;
    let mut c = Client::connect(&server).await;
    join(&mut c, "broadcaster", Some("not even a token")).await.unwrap();
    produce(&mut c).await.unwrap();
    c.close().await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn the_admin_api_takes_an_admins_id_token() {
    let keys = key_endpoint(3600).await;
    let server = start(firebase_config(&keys.url)).await;
    let http = sfu::http_client::HttpClient::new(server.tls_certificate_pem()).unwrap();
    let base = server.http_url();
    let dump = sfu::http_client::admin::fetch(&http, &base, &token("boss", Some("admin")), None)
        .await
        .unwrap();
    assert!(dump.rooms.is_empty());
    for (who, role) in [("ann", Some("broadcaster")), ("bob", None)] {
        let e = sfu::http_client::admin::fetch(&http, &base, &token(who, role), None)
            .await
            .unwrap_err();
        let sfu::http_client::HttpError::Status { status, body, .. } = e else {
            panic!("{e}")
        };
        assert_eq!(status, 403, "{body}");
    }
    let e = sfu::http_client::admin::fetch(&http, &base, "not-a-token", None)
        .await
        .unwrap_err();
    assert!(
        matches!(e, sfu::http_client::HttpError::Status { status: 403, .. }),
        "{e}"
    );
    server.shutdown().await.unwrap();
}

/// A server that trusts the Auth emulator's unsigned tokens (no emulator runs: an unsigned token
/// is checked without asking anyone).
fn emulator_config() -> sfu::Config {
    let mut c = test_config(1);
    c.auth.mode = AuthMode::Firebase;
    c.auth.project_id = Some(PROJECT.into());
    c.auth.emulator_host = Some("127.0.0.1:9".into());
    c
}

#[tokio::test]
async fn an_unsigned_emulator_token_never_carries_the_admin_role() {
    let server = start(emulator_config()).await;
    // Anyone can write this token: it joins as what a broadcaster may, never as an admin.
    let mut b = Client::connect(&server).await;
    join(
        &mut b,
        "broadcaster",
        Some(&unsigned(&claims("bea", Some("broadcaster")))),
    )
    .await
    .expect("an unsigned broadcaster token joins under the emulator");
    let mut a = Client::connect(&server).await;
    let (code, message) = join(&mut a, "viewer", Some(&unsigned(&claims("eve", Some("admin")))))
        .await
        .unwrap_err();
    assert_eq!(code, "forbidden", "{message}");
    assert!(message.contains("never carries the admin role"), "{message}");

    let http = sfu::http_client::HttpClient::new(server.tls_certificate_pem()).unwrap();
    let admin_token = unsigned(&claims("eve", Some("admin")));
    let e = sfu::http_client::admin::fetch(&http, &server.http_url(), &admin_token, None)
        .await
        .unwrap_err();
    let sfu::http_client::HttpError::Status { status, body, .. } = e else {
        panic!("{e}")
    };
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("admin role"), "{body}");
    for c in [b, a] {
        c.close().await;
    }
    server.shutdown().await.unwrap();
}
