//! TLS for HTTPS/WSS: a certificate and key from files, or `--dev-tls`'s self-signed one
//! (rcgen) for local use. rustls with the ring provider.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum_server::tls_rustls::RustlsConfig;
use parking_lot::Mutex;
use tokio_util::sync::CancellationToken;

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
    let (cert_pem, key_pem) = read_pair(cert, key)?;
    checked(cert_pem, key_pem, cert, key)
}

fn read_pair(cert: &Path, key: &Path) -> Result<(String, String), ConfigError> {
    let cert_pem = std::fs::read_to_string(cert)
        .map_err(|e| invalid("tls.cert", format!("cannot read {}: {e}", cert.display())))?;
    let key_pem =
        std::fs::read_to_string(key).map_err(|e| invalid("tls.key", format!("cannot read {}: {e}", key.display())))?;
    Ok((cert_pem, key_pem))
}

/// The PEM texts hold a certificate chain and a private key (`cert` and `key` name the files).
fn checked(cert_pem: String, key_pem: String, cert: &Path, key: &Path) -> Result<TlsMaterial, ConfigError> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
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

pub(crate) async fn rustls_config(m: &TlsMaterial) -> Result<RustlsConfig, ConfigError> {
    RustlsConfig::from_pem(m.cert_pem.clone().into_bytes(), m.key_pem.clone().into_bytes())
        .await
        .map_err(not_a_tls_configuration)
}

fn not_a_tls_configuration(e: std::io::Error) -> ConfigError {
    invalid(
        "tls.cert",
        format!("the certificate and key do not make a TLS configuration: {e}"),
    )
}

/// Why a certificate reload changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    #[error("TLS is not served from tls.cert and tls.key files: there is nothing to reload")]
    NotFromFiles,
    #[error("kept the certificate in use: {0}")]
    Invalid(#[from] ConfigError),
}

/// What a reload did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reloaded {
    /// The listener now serves the files' certificate (new connections get it; open ones keep
    /// the one they were made with).
    Swapped,
    /// The files are what was last tried: nothing to do.
    Unchanged,
}

/// The certificate from `tls.cert`/`tls.key`, swapped in place in the listener's
/// [`RustlsConfig`] when the files change (a renewal) or on request (SIGHUP). A bad new pair
/// keeps the certificate in use.
pub struct CertReloader {
    rustls: RustlsConfig,
    cert: PathBuf,
    key: PathBuf,
    /// The certificate served now.
    current: Mutex<String>,
    /// The files' contents last tried, loaded or refused: the periodic check tries again only
    /// when they change (a renewal that writes the certificate, then the key, is picked up
    /// at the check after the second write).
    last_tried: Mutex<(String, String)>,
}

impl CertReloader {
    /// For a listener started with `material`, read from `cert` and `key`.
    pub(crate) fn new(rustls: RustlsConfig, cert: PathBuf, key: PathBuf, material: &TlsMaterial) -> CertReloader {
        CertReloader {
            rustls,
            cert,
            key,
            current: Mutex::new(material.cert_pem.clone()),
            last_tried: Mutex::new((material.cert_pem.clone(), material.key_pem.clone())),
        }
    }

    /// The certificate chain served to new connections (PEM).
    pub fn certificate_pem(&self) -> String {
        self.current.lock().clone()
    }

    /// Reads the files and swaps their certificate in: always when `force` (SIGHUP, the handle),
    /// else only when they differ from what was last tried. Logs the outcome.
    pub async fn reload(&self, force: bool) -> Result<Reloaded, ReloadError> {
        let (cert, key) = (self.cert.clone(), self.key.clone());
        let read = tokio::task::spawn_blocking(move || read_pair(&cert, &key))
            .await
            .unwrap_or_else(|e| Err(invalid("tls.cert", format!("reading the files failed: {e}"))));
        let result = match read {
            Ok(pair) if !force && *self.last_tried.lock() == pair => return Ok(Reloaded::Unchanged),
            Ok(pair) => {
                *self.last_tried.lock() = pair.clone();
                self.swap(pair).await
            }
            Err(e) => Err(e),
        };
        match &result {
            Ok(()) => tracing::info!(cert = %self.cert.display(), "TLS certificate reloaded"),
            Err(e) => {
                tracing::warn!(cert = %self.cert.display(), error = %e, "TLS certificate not reloaded; serving the previous one")
            }
        }
        result.map(|()| Reloaded::Swapped).map_err(ReloadError::from)
    }

    async fn swap(&self, (cert_pem, key_pem): (String, String)) -> Result<(), ConfigError> {
        let m = checked(cert_pem, key_pem, &self.cert, &self.key)?;
        // Builds a whole rustls config first (the key must match the certificate); only then
        // is it stored, so a bad pair leaves the listener as it was.
        self.rustls
            .reload_from_pem(m.cert_pem.clone().into_bytes(), m.key_pem.into_bytes())
            .await
            .map_err(not_a_tls_configuration)?;
        *self.current.lock() = m.cert_pem;
        Ok(())
    }

    /// Checks the files every `every` until `shutdown`.
    pub async fn watch(self: Arc<Self>, every: Duration, shutdown: CancellationToken) {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tick.tick().await;
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = tick.tick() => {}
            }
            // A failure is logged by reload and tried again when the files change.
            let _ = self.reload(false).await;
        }
    }
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
