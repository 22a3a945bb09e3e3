//! Node-to-node requests are signed: `X-Sfu-Signature` is the hex HMAC-SHA256, keyed with the
//! cluster's shared secret, of `"{timestamp_ms}\n{node}\n{path}\n"` followed by the body, where
//! `X-Sfu-Timestamp` (Unix ms) and `X-Sfu-Node` (the sender) travel as headers too. The receiver
//! recomputes it (constant-time compare) and refuses a timestamp more than [`MAX_SKEW_MS`] away
//! from its own clock. Sans-I/O: the clock is passed in.

use hmac::{Hmac, Mac};
use sha2::Sha256;

pub(crate) const NODE_HEADER: &str = "x-sfu-node";
pub(crate) const TIMESTAMP_HEADER: &str = "x-sfu-timestamp";
pub(crate) const SIGNATURE_HEADER: &str = "x-sfu-signature";

/// How far a request's timestamp may be from the receiver's clock.
pub(crate) const MAX_SKEW_MS: u64 = 30_000;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SignError {
    #[error("missing or malformed {0} header")]
    Header(&'static str),
    #[error("the request's timestamp is {skew_ms} ms away from this node's clock (at most {MAX_SKEW_MS})")]
    Stale { skew_ms: u64 },
    #[error("bad signature: the sender does not share this cluster's secret, or the request was altered")]
    BadSignature,
}

fn mac(secret: &[u8], timestamp_ms: u64, node: &str, path: &str, body: &[u8]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(format!("{timestamp_ms}\n{node}\n{path}\n").as_bytes());
    mac.update(body);
    mac
}

/// The signature of a request, as hex.
pub(crate) fn sign(secret: &[u8], timestamp_ms: u64, node: &str, path: &str, body: &[u8]) -> String {
    let bytes = mac(secret, timestamp_ms, node, path, body).finalize().into_bytes();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The headers of a signed request, as (header, value) pairs.
pub(crate) fn headers(secret: &[u8], now_ms: u64, node: &str, path: &str, body: &[u8]) -> [(&'static str, String); 3] {
    [
        (NODE_HEADER, node.to_string()),
        (TIMESTAMP_HEADER, now_ms.to_string()),
        (SIGNATURE_HEADER, sign(secret, now_ms, node, path, body)),
    ]
}

/// Checks a request's signature; `header` reads a header's value. Returns the sender's node id.
pub(crate) fn verify<'a>(
    secret: &[u8],
    now_ms: u64,
    path: &str,
    body: &[u8],
    header: impl Fn(&str) -> Option<&'a str>,
) -> Result<&'a str, SignError> {
    let node = header(NODE_HEADER)
        .filter(|n| !n.is_empty())
        .ok_or(SignError::Header(NODE_HEADER))?;
    let timestamp: u64 = header(TIMESTAMP_HEADER)
        .and_then(|t| t.parse().ok())
        .ok_or(SignError::Header(TIMESTAMP_HEADER))?;
    let signature = header(SIGNATURE_HEADER)
        .and_then(from_hex)
        .ok_or(SignError::Header(SIGNATURE_HEADER))?;
    let skew_ms = now_ms.abs_diff(timestamp);
    if skew_ms > MAX_SKEW_MS {
        return Err(SignError::Stale { skew_ms });
    }
    mac(secret, timestamp, node, path, body)
        .verify_slice(&signature)
        .map_err(|_| SignError::BadSignature)?;
    Ok(node)
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef";

    fn check(headers: &[(&'static str, String)], now: u64, path: &str, body: &[u8]) -> Result<String, SignError> {
        verify(SECRET, now, path, body, |name| {
            headers.iter().find(|(h, _)| *h == name).map(|(_, v)| v.as_str())
        })
        .map(str::to_string)
    }

    #[test]
    fn a_signed_request_verifies_and_any_change_is_refused() {
        let h = headers(SECRET, 1_000_000, "node-a", "/cluster/pipe", b"{\"x\":1}");
        assert_eq!(check(&h, 1_000_500, "/cluster/pipe", b"{\"x\":1}"), Ok("node-a".into()));
        assert_eq!(
            check(&h, 1_000_500, "/cluster/pipe", b"{\"x\":2}"),
            Err(SignError::BadSignature)
        );
        assert_eq!(
            check(&h, 1_000_500, "/cluster/unpipe", b"{\"x\":1}"),
            Err(SignError::BadSignature)
        );
        let mut other_node = h.clone();
        other_node[0].1 = "node-b".into();
        assert_eq!(
            check(&other_node, 1_000_500, "/cluster/pipe", b"{\"x\":1}"),
            Err(SignError::BadSignature)
        );
        let other_secret = super::headers(b"another secret!!", 1_000_000, "node-a", "/cluster/pipe", b"{\"x\":1}");
        assert_eq!(
            check(&other_secret, 1_000_000, "/cluster/pipe", b"{\"x\":1}"),
            Err(SignError::BadSignature)
        );
    }

    #[test]
    fn stale_or_missing_headers_are_refused() {
        let h = headers(SECRET, 1_000_000, "node-a", "/p", b"");
        assert_eq!(
            check(&h, 1_000_000 + MAX_SKEW_MS + 1, "/p", b""),
            Err(SignError::Stale {
                skew_ms: MAX_SKEW_MS + 1
            })
        );
        assert_eq!(
            check(&h[1..], 1_000_000, "/p", b""),
            Err(SignError::Header(NODE_HEADER))
        );
        let mut bad = h.clone();
        bad[2].1 = "zz".into();
        assert_eq!(
            check(&bad, 1_000_000, "/p", b""),
            Err(SignError::Header(SIGNATURE_HEADER))
        );
        assert_eq!(sign(SECRET, 1, "n", "/p", b"").len(), 64);
    }
}
