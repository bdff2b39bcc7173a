//! TLS roots, custom CA bundles and proxies: one rustls configuration and one proxy choice per
//! client, shared by the HTTP transport (reqwest) and the ops WebSocket.
//!
//! The rustls configuration is built explicitly with the `ring` provider: the crate never
//! installs a process-wide rustls `CryptoProvider`, so an application that installs its own
//! (or none) is not affected by using this SDK.

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use hyper_util::client::proxy::matcher::Matcher;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use url::Url;

use crate::error::{Error, Result, TimeoutPhase};

/// Extra trusted root certificates (PEM), added to the built-in roots for every HTTPS and
/// WebSocket connection of a client.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CaBundle {
    /// A PEM file (one or more `-----BEGIN CERTIFICATE-----` blocks), read when the client is
    /// built.
    File(PathBuf),
    /// PEM text (one or more certificates).
    Pem(Vec<u8>),
}

impl fmt::Debug for CaBundle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CaBundle::File(p) => f.debug_tuple("File").field(p).finish(),
            CaBundle::Pem(b) => write!(f, "Pem({} bytes)", b.len()),
        }
    }
}

/// Largest CA bundle file read (bytes): system bundles are a few hundred KiB.
const MAX_CA_BUNDLE: u64 = 16 * 1024 * 1024;

impl CaBundle {
    fn describe(&self) -> String {
        match self {
            CaBundle::File(p) => format!("CA bundle {}", p.display()),
            CaBundle::Pem(_) => "CA bundle (PEM bytes)".to_owned(),
        }
    }

    /// The certificates of the bundle; an unreadable file, one over [`MAX_CA_BUNDLE`], a file without any PEM certificate
    /// or a malformed PEM block is an [`Error::InvalidArgument`].
    fn certificates(&self) -> Result<Vec<CertificateDer<'static>>> {
        let read;
        let bytes: &[u8] = match self {
            CaBundle::File(p) => {
                // read up to a bound: a path to `/dev/zero` or a huge file is refused, not
                // read until memory runs out
                let mut buf = Vec::new();
                std::fs::File::open(p)
                    .and_then(|f| {
                        use std::io::Read;
                        f.take(MAX_CA_BUNDLE.saturating_add(1))
                            .read_to_end(&mut buf)
                    })
                    .map_err(|e| {
                        Error::InvalidArgument(format!("could not read {}: {e}", self.describe()))
                    })?;
                if u64::try_from(buf.len()).unwrap_or(u64::MAX) > MAX_CA_BUNDLE {
                    return Err(Error::InvalidArgument(format!(
                        "{} is larger than {} MiB: not a CA bundle",
                        self.describe(),
                        MAX_CA_BUNDLE / (1024 * 1024)
                    )));
                }
                read = buf;
                &read
            }
            CaBundle::Pem(b) => b,
        };
        let mut certs = Vec::new();
        for item in CertificateDer::pem_slice_iter(bytes) {
            certs.push(item.map_err(|e| {
                Error::InvalidArgument(format!("{} is not valid PEM: {e}", self.describe()))
            })?);
        }
        if certs.is_empty() {
            return Err(Error::InvalidArgument(format!(
                "{} holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                self.describe()
            )));
        }
        Ok(certs)
    }
}

/// Checks a CA bundle the way building a client does: readable, with at least one PEM
/// certificate, each a valid X.509 certificate.
pub(crate) fn check_ca_bundle(bundle: &CaBundle) -> Result<()> {
    add_bundle(&mut rustls::RootCertStore::empty(), bundle)
}

fn add_bundle(roots: &mut rustls::RootCertStore, bundle: &CaBundle) -> Result<()> {
    for cert in bundle.certificates()? {
        roots.add(cert).map_err(|e| {
            Error::InvalidArgument(format!(
                "{} holds an invalid certificate: {e}",
                bundle.describe()
            ))
        })?;
    }
    Ok(())
}

/// Checks a proxy URL given as an option: `http://` or `https://`, with a host.
pub(crate) fn parse_proxy_url(raw: &str) -> Result<Url> {
    let bad = |why: &str| {
        Error::InvalidArgument(format!(
            "invalid proxy URL {:?}: {why}",
            crate::redact::redact_url(raw)
        ))
    };
    let url = Url::parse(raw.trim()).map_err(|e| bad(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("the scheme must be http:// or https://"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad("no host"));
    }
    Ok(url)
}

/// The trusted roots compiled in by the crate features (`webpki-roots`, `native-roots`),
/// loaded once per process.
fn builtin_roots() -> &'static rustls::RootCertStore {
    static ROOTS: OnceLock<rustls::RootCertStore> = OnceLock::new();
    ROOTS.get_or_init(|| {
        #[allow(unused_mut)]
        let mut roots = rustls::RootCertStore::empty();
        #[cfg(feature = "webpki-roots")]
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        #[cfg(feature = "native-roots")]
        {
            let found = rustls_native_certs::load_native_certs();
            for e in &found.errors {
                tracing::debug!(error = %e, "could not load some native root certificates");
            }
            let (added, ignored) = roots.add_parsable_certificates(found.certs);
            tracing::debug!(added, ignored, "native root certificates loaded");
        }
        roots
    })
}

/// Network settings of one client: its rustls configurations and its proxy.
pub(crate) struct Net {
    /// For reqwest: ALPN `h2`, `http/1.1`.
    http_tls: rustls::ClientConfig,
    /// For the WebSocket (and TLS to an `https://` proxy): ALPN `http/1.1`.
    ws_tls: Arc<rustls::ClientConfig>,
    /// The explicit proxy option; `None` means the environment decides.
    proxy: Option<Url>,
    /// The CA bundle option, kept so a derived client can keep it.
    ca_bundle: Option<CaBundle>,
    /// Which proxy a WebSocket goes through: the explicit one, or the environment's
    /// (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`) read like reqwest reads it.
    matcher: Matcher,
}

impl fmt::Debug for Net {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Net")
            .field(
                "proxy",
                &self
                    .proxy
                    .as_ref()
                    .map(|u| crate::redact::redact_url(u.as_str())),
            )
            .finish_non_exhaustive()
    }
}

impl Net {
    pub(crate) fn new(proxy: Option<&str>, ca_bundle: Option<&CaBundle>) -> Result<Self> {
        let proxy = proxy.map(parse_proxy_url).transpose()?;
        let mut roots = builtin_roots().clone();
        if let Some(bundle) = ca_bundle {
            add_bundle(&mut roots, bundle)?;
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::connection(format!("could not set up TLS: {e}")))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        tls.alpn_protocols = vec![b"http/1.1".to_vec()];
        let ws_tls = Arc::new(tls.clone());
        tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        let matcher = match &proxy {
            Some(url) => Matcher::builder().all(url.as_str().to_owned()).build(),
            None => Matcher::from_env(),
        };
        Ok(Net {
            http_tls: tls,
            ws_tls,
            proxy,
            ca_bundle: ca_bundle.cloned(),
            matcher,
        })
    }

    /// The network settings of `self` with `proxy` and / or `ca_bundle` replaced (the one
    /// not given is kept): a client's `with_options`.
    pub(crate) fn with_changes(
        &self,
        proxy: Option<&str>,
        ca_bundle: Option<&CaBundle>,
    ) -> Result<Self> {
        let kept_proxy = self.proxy.as_ref().map(Url::as_str);
        Net::new(proxy.or(kept_proxy), ca_bundle.or(self.ca_bundle.as_ref()))
    }

    /// Applies the TLS configuration and the proxy to a reqwest builder.
    pub(crate) fn apply(&self, builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder> {
        let mut builder = builder.tls_backend_preconfigured(self.http_tls.clone());
        if let Some(url) = &self.proxy {
            let proxy = reqwest::Proxy::all(url.as_str()).map_err(|e| {
                Error::InvalidArgument(format!(
                    "invalid proxy URL {:?}: {e}",
                    crate::redact::redact_url(url.as_str())
                ))
            })?;
            builder = builder.proxy(proxy);
        }
        Ok(builder)
    }

    /// Opens the byte stream of a `ws://` / `wss://` URL: TCP, through the proxy when one
    /// applies (HTTP `CONNECT`), then TLS for `wss://`.
    pub(crate) async fn connect_ws(&self, url: &Url, connect_timeout: Duration) -> Result<IoBox> {
        let secure = url.scheme() == "wss";
        let host = url
            .host()
            .ok_or_else(|| Error::InvalidArgument("the WebSocket URL has no host".into()))?;
        let port = url
            .port_or_known_default()
            .ok_or_else(|| Error::InvalidArgument("the WebSocket URL has no port".into()))?;
        let host_name = match &host {
            url::Host::Domain(d) => (*d).to_owned(),
            url::Host::Ipv4(ip) => ip.to_string(),
            url::Host::Ipv6(ip) => ip.to_string(),
        };
        let authority = match &host {
            url::Host::Ipv6(ip) => format!("[{ip}]:{port}"),
            _ => format!("{host_name}:{port}"),
        };
        let target: http::Uri = format!("{}://{authority}/", if secure { "https" } else { "http" })
            .parse()
            .map_err(|e| Error::InvalidArgument(format!("invalid WebSocket URL: {e}")))?;
        let stream: IoBox = match self.matcher.intercept(&target) {
            None => Box::new(tcp(&host_name, port, connect_timeout).await?),
            Some(proxy) => {
                let uri = proxy.uri();
                let proxy_tls = match uri.scheme_str() {
                    Some("http") => false,
                    Some("https") => true,
                    other => {
                        return Err(Error::connection(format!(
                            "the WebSocket cannot go through a {} proxy: only http:// and \
                             https:// proxies are supported",
                            other.unwrap_or("schemeless")
                        )));
                    }
                };
                let proxy_host = uri
                    .host()
                    .unwrap_or_default()
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .to_owned();
                let proxy_port = uri.port_u16().unwrap_or(if proxy_tls { 443 } else { 80 });
                tracing::debug!(proxy = %format!("{proxy_host}:{proxy_port}"), "WebSocket through a proxy");
                let tcp = tcp(&proxy_host, proxy_port, connect_timeout).await?;
                let mut stream: IoBox = if proxy_tls {
                    Box::new(self.tls(&proxy_host, Box::new(tcp)).await?)
                } else {
                    Box::new(tcp)
                };
                let auth = proxy.basic_auth().cloned();
                tokio::time::timeout(
                    connect_timeout,
                    tunnel(&mut stream, &authority, auth.as_ref()),
                )
                .await
                .map_err(|_| Error::Timeout {
                    phase: TimeoutPhase::Connect,
                    after: connect_timeout,
                })??;
                stream
            }
        };
        if secure {
            Ok(Box::new(self.tls(&host_name, stream).await?))
        } else {
            Ok(stream)
        }
    }

    async fn tls(
        &self,
        host: &str,
        stream: IoBox,
    ) -> Result<tokio_rustls::client::TlsStream<IoBox>> {
        let name = ServerName::try_from(host.to_owned()).map_err(|e| {
            Error::InvalidArgument(format!("invalid TLS server name {host:?}: {e}"))
        })?;
        tokio_rustls::TlsConnector::from(self.ws_tls.clone())
            .connect(name, stream)
            .await
            .map_err(|e| Error::Connection {
                message: format!("TLS handshake with {host} failed: {e}"),
                source: Some(Box::new(e)),
            })
    }
}

/// A byte stream of the WebSocket: plain TCP, TLS, or TLS inside a proxy tunnel.
pub(crate) trait Io: AsyncRead + AsyncWrite + Send + Sync + Unpin {}
impl<T: AsyncRead + AsyncWrite + Send + Sync + Unpin> Io for T {}

/// A boxed [`Io`].
pub(crate) type IoBox = Box<dyn Io>;

async fn tcp(host: &str, port: u16, connect_timeout: Duration) -> Result<TcpStream> {
    let stream = tokio::time::timeout(connect_timeout, TcpStream::connect((host, port)))
        .await
        .map_err(|_| Error::Timeout {
            phase: TimeoutPhase::Connect,
            after: connect_timeout,
        })?
        .map_err(|e| Error::Connection {
            message: format!("could not connect to {host}:{port}: {e}"),
            source: Some(Box::new(e)),
        })?;
    let _ = stream.set_nodelay(true);
    Ok(stream)
}

/// Largest proxy answer head accepted for a `CONNECT`.
const MAX_PROXY_HEAD: usize = 16 * 1024;

/// Asks an HTTP proxy for a tunnel to `authority` and waits for its 2xx answer.
async fn tunnel(
    stream: &mut IoBox,
    authority: &str,
    auth: Option<&http::HeaderValue>,
) -> Result<()> {
    let mut head = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n").into_bytes();
    if let Some(value) = auth {
        head.extend_from_slice(b"Proxy-Authorization: ");
        head.extend_from_slice(value.as_bytes());
        head.extend_from_slice(b"\r\n");
    }
    head.extend_from_slice(b"\r\n");
    let io_err = |e: std::io::Error| Error::Connection {
        message: format!("proxy connection failed: {e}"),
        source: Some(Box::new(e)),
    };
    stream.write_all(&head).await.map_err(io_err)?;
    stream.flush().await.map_err(io_err)?;
    // Byte by byte: nothing after the proxy's answer head may be consumed here.
    let mut answer = Vec::with_capacity(128);
    loop {
        let byte = stream.read_u8().await.map_err(io_err)?;
        answer.push(byte);
        if answer.ends_with(b"\r\n\r\n") {
            break;
        }
        if answer.len() > MAX_PROXY_HEAD {
            return Err(Error::connection(
                "the proxy's answer to CONNECT is too long",
            ));
        }
    }
    let text = String::from_utf8_lossy(&answer);
    let status_line = text.lines().next().unwrap_or_default();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok());
    match status {
        Some(200..=299) => Ok(()),
        _ => Err(Error::connection(format!(
            "the proxy refused the tunnel to {authority}: {}",
            crate::redact::redact_text(status_line.trim())
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_urls_are_checked() {
        assert!(parse_proxy_url("http://proxy.local:3128").is_ok());
        assert!(parse_proxy_url("https://user:pw@proxy.local").is_ok());
        for bad in [
            "",
            "proxy.local:3128",
            "socks5://proxy:1080",
            "http://",
            "not a url",
        ] {
            let err = parse_proxy_url(bad).unwrap_err();
            assert!(matches!(err, Error::InvalidArgument(_)), "{bad}: {err:?}");
        }
        let err = parse_proxy_url("ftp://user:secret@proxy").unwrap_err();
        assert!(!err.to_string().contains("secret"), "{err}");
    }

    #[test]
    fn ca_bundles_are_checked() {
        let err = CaBundle::Pem(b"not pem".to_vec())
            .certificates()
            .unwrap_err();
        assert!(err.to_string().contains("no PEM certificate"), "{err}");
        let err = CaBundle::File("/nonexistent/ca.pem".into())
            .certificates()
            .unwrap_err();
        assert!(err.to_string().contains("could not read"), "{err}");
        let bad_base64 = b"-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n";
        assert!(CaBundle::Pem(bad_base64.to_vec()).certificates().is_err());
    }
}
