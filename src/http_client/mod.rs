//! A small HTTP(S) client for the tools that read a running server: `sfu inspect` and the load
//! tools read the admin API with it. hyper's client with rustls (ring) and the system roots, or
//! one given CA certificate (the `--dev-tls` server's self-signed certificate).

pub mod admin;

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// Responses larger than this are refused (a dump of thousands of peers stays well below).
const MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;
const TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("{url} is not an http:// or https:// URL")]
    BadUrl { url: String },
    #[error("the CA certificate is not a PEM certificate: {0}")]
    BadCa(String),
    #[error("no TLS trust roots: {0}")]
    Roots(String),
    #[error("cannot reach {url}: {message}")]
    Unreachable { url: String, message: String },
    #[error("{url}: no answer within {timeout:?}")]
    Timeout { url: String, timeout: Duration },
    #[error("{url}: HTTP {status}: {body}")]
    Status { url: String, status: u16, body: String },
    #[error("{url}: unexpected answer: {message}")]
    BadBody { url: String, message: String },
}

#[derive(Clone)]
pub struct HttpClient {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl HttpClient {
    /// Trusts the system roots, or only `ca_pem` when given.
    pub fn new(ca_pem: Option<&str>) -> Result<HttpClient, HttpError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = match ca_pem {
            Some(pem) => {
                use rustls::pki_types::pem::PemObject;
                use rustls::pki_types::CertificateDer;
                let mut roots = rustls::RootCertStore::empty();
                for cert in CertificateDer::pem_slice_iter(pem.as_bytes()) {
                    let cert = cert.map_err(|e| HttpError::BadCa(e.to_string()))?;
                    roots.add(cert).map_err(|e| HttpError::BadCa(e.to_string()))?;
                }
                if roots.is_empty() {
                    return Err(HttpError::BadCa("no certificate in it".into()));
                }
                let config = rustls::ClientConfig::builder_with_provider(provider)
                    .with_safe_default_protocol_versions()
                    .map_err(|e| HttpError::Roots(e.to_string()))?
                    .with_root_certificates(roots)
                    .with_no_client_auth();
                hyper_rustls::HttpsConnectorBuilder::new().with_tls_config(config)
            }
            None => hyper_rustls::HttpsConnectorBuilder::new()
                .with_provider_and_native_roots(provider)
                .map_err(|e| HttpError::Roots(e.to_string()))?,
        };
        let connector = builder.https_or_http().enable_http1().build();
        Ok(HttpClient {
            client: Client::builder(TokioExecutor::new()).build(connector),
        })
    }

    /// GETs `url` (with `Authorization: Bearer` when a token is given) and parses the JSON body;
    /// a non-2xx status is an error carrying the body's text.
    pub async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        url: &str,
        bearer: Option<&str>,
    ) -> Result<T, HttpError> {
        let body = self.get(url, bearer).await?;
        serde_json::from_slice(&body).map_err(|e| HttpError::BadBody {
            url: url.to_string(),
            message: e.to_string(),
        })
    }

    /// GETs `url`; the body of a 2xx answer.
    pub async fn get(&self, url: &str, bearer: Option<&str>) -> Result<Bytes, HttpError> {
        self.send(http::Method::GET, url, bearer, None).await
    }

    /// POSTs to `url` with an empty body; the body of a 2xx answer.
    pub async fn post(&self, url: &str, bearer: Option<&str>) -> Result<Bytes, HttpError> {
        self.send(http::Method::POST, url, bearer, None).await
    }

    /// Sends `method` to `url` with a JSON body when given; the body of a 2xx answer.
    pub async fn send(
        &self,
        method: http::Method,
        url: &str,
        bearer: Option<&str>,
        json: Option<&serde_json::Value>,
    ) -> Result<Bytes, HttpError> {
        let bearer = bearer.map(|token| ("authorization", format!("Bearer {token}")));
        let body = json.map(|v| Bytes::from(v.to_string()));
        self.exchange(method, url, bearer.as_slice(), body).await
    }

    /// POSTs a JSON `body` (already serialized) with extra `headers`; the body of a 2xx answer.
    pub async fn post_body(&self, url: &str, headers: &[(&str, String)], body: Bytes) -> Result<Bytes, HttpError> {
        self.exchange(http::Method::POST, url, headers, Some(body)).await
    }

    async fn exchange(
        &self,
        method: http::Method,
        url: &str,
        headers: &[(&str, String)],
        json: Option<Bytes>,
    ) -> Result<Bytes, HttpError> {
        let bad_url = || HttpError::BadUrl { url: url.to_string() };
        let uri: http::Uri = url.parse().map_err(|_| bad_url())?;
        if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.host().is_none() {
            return Err(bad_url());
        }
        let mut request = http::Request::builder().method(method).uri(uri);
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        let body = match json {
            Some(body) => {
                request = request.header(http::header::CONTENT_TYPE, "application/json");
                body
            }
            None => Bytes::new(),
        };
        let request = request.body(Full::new(body)).map_err(|_| bad_url())?;
        let exchange = async {
            let response = self.client.request(request).await.map_err(|e| HttpError::Unreachable {
                url: url.to_string(),
                message: describe(&e),
            })?;
            let status = response.status();
            let body = Limited::new(response.into_body(), MAX_RESPONSE_BYTES)
                .collect()
                .await
                .map_err(|e| HttpError::BadBody {
                    url: url.to_string(),
                    message: format!("reading the body: {e}"),
                })?
                .to_bytes();
            if !status.is_success() {
                return Err(HttpError::Status {
                    url: url.to_string(),
                    status: status.as_u16(),
                    body: String::from_utf8_lossy(&body[..body.len().min(500)]).trim().to_string(),
                });
            }
            Ok(body)
        };
        tokio::time::timeout(TIMEOUT, exchange)
            .await
            .map_err(|_| HttpError::Timeout {
                url: url.to_string(),
                timeout: TIMEOUT,
            })?
    }
}

/// The error and its causes: hyper's top-level message alone ("client error (Connect)") hides
/// whether it was DNS, a refused connection or TLS.
pub(crate) fn describe(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}
