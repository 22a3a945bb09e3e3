//! Google's token-signing keys: X.509 certificates in PEM keyed by `kid`, as served at
//! `auth.keys_url`. Cached for the response's `Cache-Control: max-age`, refreshed ahead of
//! expiry by an owned task, and fetched on demand when a request finds them missing or stale.
//!
//! Nothing here panics on a bad network or a bad response: the request that needs keys gets
//! [`AuthError::Unavailable`] and the server keeps running. Keys past their max-age are not
//! used (a rotated-out key must stop verifying tokens).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Empty, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use jsonwebtoken::DecodingKey;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::AuthError;

/// Google's response is a few KiB; anything much larger is not it.
const MAX_RESPONSE_BYTES: usize = 256 * 1024;

/// Tuning of the cache; [`KeyCacheOptions::new`] has production values.
#[derive(Debug, Clone)]
pub struct KeyCacheOptions {
    pub url: String,
    /// One fetch (connect, response, body) gives up after this.
    pub timeout: Duration,
    /// Lifetime of keys served without `Cache-Control: max-age`.
    pub default_max_age: Duration,
    /// After a failed fetch, wait this long before the next (doubling up to `retry_max`).
    pub retry_min: Duration,
    pub retry_max: Duration,
}

impl KeyCacheOptions {
    pub fn new(url: String) -> KeyCacheOptions {
        KeyCacheOptions {
            url,
            timeout: Duration::from_secs(5),
            default_max_age: Duration::from_secs(3600),
            retry_min: Duration::from_secs(1),
            retry_max: Duration::from_secs(60),
        }
    }
}

/// The keys of one successful fetch.
pub(crate) struct KeySet {
    keys: HashMap<String, DecodingKey>,
    expires: Instant,
    /// When the background task fetches again: a little before `expires`.
    refresh_at: Instant,
}

impl KeySet {
    pub(crate) fn get(&self, kid: &str) -> Option<&DecodingKey> {
        self.keys.get(kid)
    }
}

#[derive(Default)]
struct State {
    keys: Option<Arc<KeySet>>,
    /// The last fetch failed: when, why, and how many failures in a row.
    failure: Option<(Instant, String, u32)>,
}

type HttpsClient = Client<HttpsConnector<HttpConnector>, Empty<Bytes>>;

pub struct KeyCache {
    options: KeyCacheOptions,
    client: HttpsClient,
    state: parking_lot::Mutex<State>,
    /// One fetch at a time; whoever waited on it then finds the fresh keys.
    fetching: tokio::sync::Mutex<()>,
}

impl KeyCache {
    pub fn new(options: KeyCacheOptions) -> KeyCache {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = hyper_rustls::HttpsConnectorBuilder::new();
        let builder = match builder.with_provider_and_native_roots(Arc::clone(&provider)) {
            Ok(b) => b,
            Err(e) => {
                // Without trust roots an https fetch fails later, as "auth unavailable".
                tracing::error!(error = %e, "no system TLS roots; Google's signing keys cannot be fetched");
                let config = rustls::ClientConfig::builder_with_provider(provider)
                    .with_safe_default_protocol_versions()
                    .expect("ring supports the default protocol versions")
                    .with_root_certificates(rustls::RootCertStore::empty())
                    .with_no_client_auth();
                hyper_rustls::HttpsConnectorBuilder::new().with_tls_config(config)
            }
        };
        let connector = builder.https_or_http().enable_http1().build();
        // Fetches are hours apart: keep no idle connection (and no pool task) around.
        let client = Client::builder(TokioExecutor::new())
            .pool_max_idle_per_host(0)
            .build(connector);
        KeyCache {
            options,
            client,
            state: parking_lot::Mutex::new(State::default()),
            fetching: tokio::sync::Mutex::new(()),
        }
    }

    /// Fresh keys, fetching them first if there are none or they are past their max-age.
    pub(crate) async fn current(&self) -> Result<Arc<KeySet>, AuthError> {
        if let Some(keys) = self.fresh(Instant::now()) {
            return Ok(keys);
        }
        let _fetching = self.fetching.lock().await;
        let now = Instant::now();
        if let Some(keys) = self.fresh(now) {
            return Ok(keys);
        }
        // A fetch that just failed is not retried by every waiting request.
        if let Some((at, why, _)) = &self.state.lock().failure {
            if now.duration_since(*at) < self.options.retry_min {
                return Err(AuthError::Unavailable(why.clone()));
            }
        }
        self.refresh().await.map_err(AuthError::Unavailable)
    }

    /// Keeps the keys fresh until `shutdown`: fetches at once, then a little before each expiry,
    /// and with a growing backoff while fetches fail.
    pub async fn run(self: Arc<Self>, shutdown: CancellationToken) {
        loop {
            let wait = self.until_next_fetch(Instant::now());
            if !wait.is_zero() {
                tokio::select! {
                    _ = shutdown.cancelled() => return,
                    _ = tokio::time::sleep(wait) => continue,
                }
            }
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = async {
                    let _fetching = self.fetching.lock().await;
                    // A request may have refreshed them while we waited for the lock.
                    if self.until_next_fetch(Instant::now()).is_zero() {
                        let _ = self.refresh().await;
                    }
                } => {}
            }
        }
    }

    /// Whether keys are loaded and within their max-age.
    pub fn is_fresh(&self) -> bool {
        self.fresh(Instant::now()).is_some()
    }

    fn fresh(&self, now: Instant) -> Option<Arc<KeySet>> {
        self.state.lock().keys.as_ref().filter(|k| now < k.expires).cloned()
    }

    fn until_next_fetch(&self, now: Instant) -> Duration {
        let state = self.state.lock();
        if let Some((at, _, failures)) = &state.failure {
            let backoff = self
                .options
                .retry_min
                .saturating_mul(1 << (failures - 1).min(16))
                .min(self.options.retry_max);
            return (*at + backoff).saturating_duration_since(now);
        }
        match &state.keys {
            Some(k) => k.refresh_at.saturating_duration_since(now),
            None => Duration::ZERO,
        }
    }

    /// One fetch; the caller holds `fetching`.
    async fn refresh(&self) -> Result<Arc<KeySet>, String> {
        let started = Instant::now();
        let result = tokio::time::timeout(self.options.timeout, self.fetch())
            .await
            .unwrap_or_else(|_| Err(format!("no answer within {:?}", self.options.timeout)));
        let mut state = self.state.lock();
        match result {
            Ok((keys, max_age)) => {
                let ahead = (max_age / 10).min(Duration::from_secs(300));
                let set = Arc::new(KeySet {
                    keys,
                    expires: started + max_age,
                    refresh_at: started + max_age - ahead,
                });
                tracing::info!(url = %self.options.url, keys = set.keys.len(), max_age_secs = max_age.as_secs_f64(), "fetched token-signing keys");
                state.keys = Some(Arc::clone(&set));
                state.failure = None;
                Ok(set)
            }
            Err(why) => {
                let failures = state.failure.as_ref().map_or(0, |f| f.2) + 1;
                let usable = state.keys.as_ref().is_some_and(|k| Instant::now() < k.expires);
                tracing::warn!(url = %self.options.url, error = %why, failures, keys_still_valid = usable, "cannot fetch token-signing keys");
                state.failure = Some((Instant::now(), why.clone(), failures));
                Err(why)
            }
        }
    }

    async fn fetch(&self) -> Result<(HashMap<String, DecodingKey>, Duration), String> {
        let uri: http::Uri = self
            .options
            .url
            .parse()
            .map_err(|e| format!("bad keys URL {:?}: {e}", self.options.url))?;
        let response = self
            .client
            .get(uri)
            .await
            .map_err(|e| crate::http_client::describe(&e))?;
        let status = response.status();
        if !status.is_success() {
            return Err(format!("HTTP {status}"));
        }
        let max_age = response
            .headers()
            .get_all(http::header::CACHE_CONTROL)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(max_age)
            .map(|secs| Duration::from_secs(secs.clamp(1, 86_400)))
            .unwrap_or(self.options.default_max_age);
        let body = Limited::new(response.into_body(), MAX_RESPONSE_BYTES)
            .collect()
            .await
            .map_err(|e| format!("reading the response: {e}"))?
            .to_bytes();
        Ok((parse_keys(&body)?, max_age))
    }
}

/// `max-age` of one Cache-Control header value.
fn max_age(value: &str) -> Option<u64> {
    value.split(',').find_map(|directive| {
        let (name, v) = directive.trim().split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("max-age")
            .then(|| v.trim().trim_matches('"').parse().ok())
            .flatten()
    })
}

/// `{"kid": "-----BEGIN CERTIFICATE-----..."}` to RSA verification keys. A certificate that does
/// not parse is skipped (and logged); none at all is an error.
fn parse_keys(body: &[u8]) -> Result<HashMap<String, DecodingKey>, String> {
    let certs: HashMap<String, String> =
        serde_json::from_slice(body).map_err(|e| format!("the response is not a {{kid: certificate}} object: {e}"))?;
    let mut keys = HashMap::new();
    for (kid, pem) in certs {
        match DecodingKey::from_rsa_pem(pem.as_bytes()) {
            Ok(key) => {
                keys.insert(kid, key);
            }
            Err(e) => tracing::warn!(kid, error = %e, "skipping a signing key that does not parse"),
        }
    }
    if keys.is_empty() {
        return Err("the response holds no usable RSA certificate".into());
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_is_read_from_cache_control() {
        assert_eq!(
            max_age("public, max-age=19302, must-revalidate, no-transform"),
            Some(19302)
        );
        assert_eq!(max_age("MAX-AGE=5"), Some(5));
        assert_eq!(max_age("no-cache"), None);
        assert_eq!(max_age("max-age=soon"), None);
    }

    #[test]
    fn keys_parse_from_certificates_and_bad_ones_are_skipped() {
        let cert = include_str!("../../tests/fixtures/auth/signer.cert.pem");
        let body = serde_json::json!({"k1": cert, "k2": "not a certificate"}).to_string();
        let keys = parse_keys(body.as_bytes()).unwrap();
        assert!(keys.contains_key("k1"));
        assert!(!keys.contains_key("k2"));
        assert!(parse_keys(br#"{"k2": "junk"}"#).unwrap_err().contains("no usable"));
        assert!(parse_keys(b"[1,2]").unwrap_err().contains("kid"));
    }

    #[tokio::test]
    async fn an_unreachable_endpoint_is_unavailable_not_a_panic() {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        let cache = KeyCache::new(KeyCacheOptions::new("http://127.0.0.1:9/keys".into()));
        match cache.current().await {
            Err(AuthError::Unavailable(why)) => assert!(why.contains("onnect"), "{why}"),
            Err(e) => panic!("wrong error {e:?}"),
            Ok(_) => panic!("keys from nowhere"),
        }
        // Right after a failure, requests fail fast without another fetch.
        assert!(matches!(cache.current().await, Err(AuthError::Unavailable(_))));
        let cache = KeyCache::new(KeyCacheOptions::new("not a url".into()));
        assert!(matches!(cache.current().await, Err(AuthError::Unavailable(_))));
    }
}
