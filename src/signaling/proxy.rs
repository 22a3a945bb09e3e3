//! Who the client is behind a proxy. Only a proxy listed in `limits.trusted_proxies` is believed:
//! for its connections the client is the right-most `X-Forwarded-For` hop that is not itself a
//! trusted proxy, or the source address of a PROXY protocol v2 header it sent before anything
//! else. Everyone else's headers are ignored: a client cannot pick the address it is limited by.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use tokio::io::{AsyncRead, AsyncReadExt};

use crate::config::Cidr;

/// Whether `ip` is one of the trusted proxies.
pub(crate) fn is_trusted(ip: IpAddr, trusted: &[Cidr]) -> bool {
    trusted.iter().any(|c| c.contains(ip))
}

/// The client behind `peer` (the address the connection came from): `peer` itself unless it is
/// a trusted proxy; then the right-most hop of `forwarded_for` (every `X-Forwarded-For` header's
/// value, in order) that is not trusted. A hop that is not an address ends the walk at the
/// trusted hop to its right (that proxy vouches for nothing further); when every hop is trusted,
/// the left-most one.
pub(crate) fn forwarded_client<'a>(
    peer: IpAddr,
    forwarded_for: impl IntoIterator<Item = &'a str>,
    trusted: &[Cidr],
) -> IpAddr {
    if !is_trusted(peer, trusted) {
        return peer;
    }
    let hops: Vec<&str> = forwarded_for.into_iter().flat_map(|v| v.split(',')).collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Some(ip) = parse_hop(hop) else {
            return client;
        };
        client = ip;
        if !is_trusted(ip, trusted) {
            return ip;
        }
    }
    client
}

/// One `X-Forwarded-For` hop: an address, optionally with a port (`192.0.2.1:4711`,
/// `[2001:db8::1]:4711`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(ip) = hop.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    hop.parse::<SocketAddr>().ok().map(|a| a.ip().to_canonical())
}

/// Why a PROXY protocol header was refused (the connection is closed).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub(crate) enum ProxyHeaderError {
    #[error("the connection does not start with a PROXY protocol v2 signature")]
    NoSignature,
    #[error("PROXY protocol version {0} (only 2 is spoken)")]
    Version(u8),
    #[error("PROXY protocol command {0} (only LOCAL and PROXY exist)")]
    Command(u8),
    #[error("PROXY protocol address family/protocol byte {0:#04x} is not TCP over IPv4 or IPv6")]
    Family(u8),
    #[error("PROXY protocol header holds {got} address bytes, {need} needed")]
    Truncated { need: usize, got: usize },
    #[error("PROXY protocol header not read: {0}")]
    Io(String),
}

/// The fixed start of a v2 header: 12 signature bytes, version/command, family/protocol, length.
pub(crate) const PROXY_V2_FIXED: usize = 16;
const SIGNATURE: [u8; 12] = *b"\r\n\r\n\0\r\nQUIT\n";

/// Checks the fixed part of a v2 header; how many bytes follow it.
pub(crate) fn proxy_v2_length(fixed: &[u8; PROXY_V2_FIXED]) -> Result<usize, ProxyHeaderError> {
    if fixed[..12] != SIGNATURE {
        return Err(ProxyHeaderError::NoSignature);
    }
    let version = fixed[12] >> 4;
    if version != 2 {
        return Err(ProxyHeaderError::Version(version));
    }
    let command = fixed[12] & 0x0f;
    if command > 1 {
        return Err(ProxyHeaderError::Command(command));
    }
    Ok(usize::from(u16::from_be_bytes([fixed[14], fixed[15]])))
}

/// The client's address from a whole v2 header (`rest` is what follows the fixed part; TLVs
/// after the addresses are skipped). `None` for a LOCAL header (the proxy's own health check)
/// or an UNSPEC family: the connection's own address stands.
pub(crate) fn proxy_v2_source(
    fixed: &[u8; PROXY_V2_FIXED],
    rest: &[u8],
) -> Result<Option<SocketAddr>, ProxyHeaderError> {
    proxy_v2_length(fixed)?;
    let local = fixed[12] & 0x0f == 0;
    let family = fixed[13];
    let need = match family {
        0x11 => 12,
        0x21 => 36,
        _ if local || family >> 4 == 0 => return Ok(None),
        _ => return Err(ProxyHeaderError::Family(family)),
    };
    if rest.len() < need {
        return Err(ProxyHeaderError::Truncated { need, got: rest.len() });
    }
    if local {
        return Ok(None);
    }
    let port = |at: usize| u16::from_be_bytes([rest[at], rest[at + 1]]);
    Ok(Some(if family == 0x11 {
        let ip: [u8; 4] = rest[..4].try_into().expect("4 bytes");
        SocketAddr::new(IpAddr::V4(Ipv4Addr::from(ip)), port(8))
    } else {
        let ip: [u8; 16] = rest[..16].try_into().expect("16 bytes");
        SocketAddr::new(IpAddr::V6(Ipv6Addr::from(ip)), port(32))
    }))
}

/// Reads a v2 header off the start of `stream` (exactly its bytes, nothing of what follows);
/// the client's address as [`proxy_v2_source`] gives it.
pub(crate) async fn read_proxy_v2<S: AsyncRead + Unpin>(
    stream: &mut S,
) -> Result<Option<SocketAddr>, ProxyHeaderError> {
    let io = |e: std::io::Error| ProxyHeaderError::Io(e.to_string());
    let mut fixed = [0u8; PROXY_V2_FIXED];
    stream.read_exact(&mut fixed).await.map_err(io)?;
    let mut rest = vec![0u8; proxy_v2_length(&fixed)?];
    stream.read_exact(&mut rest).await.map_err(io)?;
    proxy_v2_source(&fixed, &rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cidrs(list: &[&str]) -> Vec<Cidr> {
        list.iter().map(|c| c.parse().unwrap()).collect()
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let trusted = cidrs(&["10.0.0.0/8", "2001:db8:ffff::/48"]);
        let xff = |peer: &str, values: &[&str]| forwarded_client(ip(peer), values.iter().copied(), &trusted);
        // An untrusted peer's header is ignored.
        assert_eq!(xff("203.0.113.5", &["198.51.100.1"]), ip("203.0.113.5"));
        // From a trusted proxy: the right-most untrusted hop.
        assert_eq!(xff("10.0.0.1", &["198.51.100.1"]), ip("198.51.100.1"));
        // A client's forged left-most hops do not matter.
        assert_eq!(
            xff("10.0.0.1", &["1.2.3.4, 198.51.100.1, 10.0.0.9"]),
            ip("198.51.100.1")
        );
        // Several headers are one list, in order.
        assert_eq!(
            xff("10.0.0.1", &["1.2.3.4", "198.51.100.1 ,10.0.0.9"]),
            ip("198.51.100.1")
        );
        // Ports and IPv6.
        assert_eq!(xff("10.0.0.1", &["198.51.100.1:4711"]), ip("198.51.100.1"));
        assert_eq!(xff("10.0.0.1", &["[2001:db8::1]:4711"]), ip("2001:db8::1"));
        assert_eq!(xff("2001:db8:ffff::2", &["2001:db8::1"]), ip("2001:db8::1"));
        assert_eq!(xff("10.0.0.1", &["::ffff:198.51.100.1"]), ip("198.51.100.1"));
        // No header, or an empty one: the proxy itself.
        assert_eq!(xff("10.0.0.1", &[]), ip("10.0.0.1"));
        assert_eq!(xff("10.0.0.1", &[""]), ip("10.0.0.1"));
        // Garbage stops the walk at the trusted hop to its right.
        assert_eq!(xff("10.0.0.1", &["198.51.100.1, nonsense, 10.0.0.9"]), ip("10.0.0.9"));
        assert_eq!(xff("10.0.0.1", &["unknown"]), ip("10.0.0.1"));
        // Every hop trusted: the left-most.
        assert_eq!(xff("10.0.0.1", &["10.0.0.3, 10.0.0.2"]), ip("10.0.0.3"));
        // Nothing trusted: nothing believed.
        assert_eq!(forwarded_client(ip("10.0.0.1"), ["198.51.100.1"], &[]), ip("10.0.0.1"));
    }

    fn header(command: u8, family: u8, addresses: &[u8]) -> Vec<u8> {
        let mut h = SIGNATURE.to_vec();
        h.push(0x20 | command);
        h.push(family);
        h.extend_from_slice(&(addresses.len() as u16).to_be_bytes());
        h.extend_from_slice(addresses);
        h
    }

    fn parse(bytes: &[u8]) -> Result<Option<SocketAddr>, ProxyHeaderError> {
        let fixed: [u8; PROXY_V2_FIXED] = bytes[..PROXY_V2_FIXED].try_into().unwrap();
        proxy_v2_source(&fixed, &bytes[PROXY_V2_FIXED..])
    }

    fn v4_addresses() -> Vec<u8> {
        let mut a = vec![198, 51, 100, 7, 10, 0, 0, 1];
        a.extend_from_slice(&4711u16.to_be_bytes());
        a.extend_from_slice(&443u16.to_be_bytes());
        a
    }

    #[test]
    fn proxy_v2_headers_give_the_source() {
        let v4 = header(1, 0x11, &v4_addresses());
        assert_eq!(parse(&v4), Ok(Some("198.51.100.7:4711".parse().unwrap())));
        let mut v6 = Vec::new();
        v6.extend_from_slice(&"2001:db8::7".parse::<Ipv6Addr>().unwrap().octets());
        v6.extend_from_slice(&Ipv6Addr::LOCALHOST.octets());
        v6.extend_from_slice(&[0x12, 0x67, 0x01, 0xbb]);
        assert_eq!(
            parse(&header(1, 0x21, &v6)),
            Ok(Some("[2001:db8::7]:4711".parse().unwrap()))
        );
        // TLVs after the addresses are skipped.
        let mut with_tlv = v4_addresses();
        with_tlv.extend_from_slice(&[0x04, 0x00, 0x02, 0xab, 0xcd]);
        assert_eq!(
            parse(&header(1, 0x11, &with_tlv)),
            Ok(Some("198.51.100.7:4711".parse().unwrap()))
        );
        // LOCAL (a health check) and UNSPEC keep the connection's own address.
        assert_eq!(parse(&header(0, 0x00, &[])), Ok(None));
        assert_eq!(parse(&header(0, 0x11, &v4_addresses())), Ok(None));
        assert_eq!(parse(&header(1, 0x00, &[])), Ok(None));
    }

    #[test]
    fn malformed_proxy_v2_headers_are_refused() {
        let good = header(1, 0x11, &v4_addresses());
        let mut v1 = good.clone();
        v1[12] = 0x11;
        assert_eq!(parse(&v1), Err(ProxyHeaderError::Version(1)));
        let mut bad_command = good.clone();
        bad_command[12] = 0x2f;
        assert_eq!(parse(&bad_command), Err(ProxyHeaderError::Command(15)));
        let mut no_signature = good.clone();
        no_signature[3] = b'X';
        assert_eq!(parse(&no_signature), Err(ProxyHeaderError::NoSignature));
        let http = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        assert_eq!(parse(http), Err(ProxyHeaderError::NoSignature));
        assert_eq!(
            parse(&header(1, 0x11, &v4_addresses()[..11])),
            Err(ProxyHeaderError::Truncated { need: 12, got: 11 })
        );
        assert_eq!(
            parse(&header(1, 0x21, &v4_addresses())),
            Err(ProxyHeaderError::Truncated { need: 36, got: 12 })
        );
        assert_eq!(
            parse(&header(1, 0x12, &v4_addresses())),
            Err(ProxyHeaderError::Family(0x12))
        );
        assert_eq!(parse(&header(1, 0x31, &[0; 216])), Err(ProxyHeaderError::Family(0x31)));
    }

    #[tokio::test]
    async fn a_header_is_read_off_the_stream_and_nothing_more() {
        let mut bytes = header(1, 0x11, &v4_addresses());
        bytes.extend_from_slice(b"GET / HTTP/1.1\r\n");
        let mut stream = &bytes[..];
        let source = read_proxy_v2(&mut stream).await.unwrap();
        assert_eq!(source, Some("198.51.100.7:4711".parse().unwrap()));
        assert_eq!(stream, b"GET / HTTP/1.1\r\n");
        // A header cut short is an error, not a wait.
        let cut = header(1, 0x11, &v4_addresses());
        let mut stream = &cut[..20];
        assert!(matches!(read_proxy_v2(&mut stream).await, Err(ProxyHeaderError::Io(_))));
        let mut stream = &b"GET / HTTP/1.1\r\n\r\n"[..];
        assert_eq!(read_proxy_v2(&mut stream).await, Err(ProxyHeaderError::NoSignature));
    }
}
