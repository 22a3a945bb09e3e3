//! TLS for HTTPS/WSS: a certificate and key from files, or `--dev-tls`'s self-signed one
//! (rcgen) for local use. rustls with the ring provider.

use std::path::Path;

use crate::config::{Config, ConfigError};

/// PEM certificate chain and private key the listener serves with.
#[derive(Clone)]
pub struct TlsMaterial {
    pub cert_pem: String,
    pub key_pem: String,
    /// Made by `--dev-tls`: clients must be told to trust it.
    pub self_signed: bool,
}

impl std::fmt::Debug for TlsMaterial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the key.
        f.debug_struct("TlsMaterial")
            .field("self_signed", &self.self_signed)
            .finish_non_exhaustive()
    }
}

fn invalid(setting: &'static str, message: String) -> ConfigError {
    ConfigError::Invalid { setting, message }
}

/// What the config asks for: nothing (plain HTTP), files, or a fresh self-signed certificate.
pub fn material(config: &Config) -> Result<Option<TlsMaterial>, ConfigError> {
    let tls = &config.tls;
    if tls.dev_self_signed {
        let mut names = vec!["localhost".to_string(), "127.0.0.1".to_string(), "::1".to_string()];
        let ip = config.listen.ip();
        if !ip.is_unspecified() && !ip.is_loopback() {
            names.push(ip.to_string());
        }
        return self_signed(names).map(Some);
    }
    match (&tls.cert, &tls.key) {
        (Some(cert), Some(key)) => load(cert, key).map(Some),
        _ => Ok(None),
    }
}

fn load(cert: &Path, key: &Path) -> Result<TlsMaterial, ConfigError> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let cert_pem = std::fs::read_to_string(cert)
        .map_err(|e| invalid("tls.cert", format!("cannot read {}: {e}", cert.display())))?;
    let key_pem =
        std::fs::read_to_string(key).map_err(|e| invalid("tls.key", format!("cannot read {}: {e}", key.display())))?;
    let certs: Vec<_> = CertificateDer::pem_slice_iter(cert_pem.as_bytes())
        .collect::<Result<_, _>>()
        .map_err(|e| {
            invalid(
                "tls.cert",
                format!("{} is not a PEM certificate chain: {e}", cert.display()),
            )
        })?;
    if certs.is_empty() {
        return Err(invalid("tls.cert", format!("{} holds no certificate", cert.display())));
    }
    PrivateKeyDer::from_pem_slice(key_pem.as_bytes())
        .map_err(|e| invalid("tls.key", format!("{} is not a PEM private key: {e}", key.display())))?;
    Ok(TlsMaterial {
        cert_pem,
        key_pem,
        self_signed: false,
    })
}

/// A self-signed certificate for `names` (host names and IPs), valid from now.
pub fn self_signed(names: Vec<String>) -> Result<TlsMaterial, ConfigError> {
    let certified = rcgen::generate_simple_self_signed(names)
        .map_err(|e| invalid("tls.dev_self_signed", format!("cannot generate a certificate: {e}")))?;
    Ok(TlsMaterial {
        cert_pem: certified.cert.pem(),
        key_pem: certified.signing_key.serialize_pem(),
        self_signed: true,
    })
}

pub(crate) async fn rustls_config(m: &TlsMaterial) -> Result<axum_server::tls_rustls::RustlsConfig, ConfigError> {
    axum_server::tls_rustls::RustlsConfig::from_pem(m.cert_pem.clone().into_bytes(), m.key_pem.clone().into_bytes())
        .await
        .map_err(|e| {
            invalid(
                "tls.cert",
                format!("the certificate and key do not make a TLS configuration: {e}"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_signed_material_loads_back() {
        let m = self_signed(vec!["localhost".into()]).unwrap();
        assert!(m.cert_pem.starts_with("-----BEGIN CERTIFICATE-----"));
        assert!(!format!("{m:?}").contains("PRIVATE"));
        let dir = std::env::temp_dir().join(format!("sfu-tls-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("c.pem"), &m.cert_pem).unwrap();
        std::fs::write(dir.join("k.pem"), &m.key_pem).unwrap();
        let loaded = load(&dir.join("c.pem"), &dir.join("k.pem")).unwrap();
        assert!(!loaded.self_signed);
        std::fs::write(dir.join("bad.pem"), "hello").unwrap();
        let e = load(&dir.join("bad.pem"), &dir.join("k.pem")).unwrap_err().to_string();
        assert!(e.starts_with("tls.cert") && e.contains("no certificate"), "{e}");
        let e = load(&dir.join("c.pem"), &dir.join("missing.pem"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("tls.key") && e.contains("cannot read"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
