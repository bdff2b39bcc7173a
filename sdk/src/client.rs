//! Builder settings shared by both services' clients.

use std::sync::Arc;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::net::{CaBundle, Net};
use crate::redact::Secret;
use crate::transport::{Auth, Config, Transport, parse_base_url};

/// The transport settings both clients share, as one value: what the builders' `base_url`,
/// `timeout`, … methods set, and what [`crate::platform::ClientBuilder::settings`] /
/// [`crate::ops::AgentClientBuilder::settings`] take whole (the Python and Node packages fill
/// one from their keyword arguments). `None` keeps the default.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ClientSettings {
    /// The service's base URL (beats the environment variable).
    pub base_url: Option<String>,
    /// Total deadline of a non-streaming call, retries included.
    pub timeout: Option<Duration>,
    /// Connect timeout.
    pub connect_timeout: Option<Duration>,
    /// Time to wait for a response's status and headers.
    pub response_header_timeout: Option<Duration>,
    /// Time a stream may go without an event before it fails.
    pub stream_idle_timeout: Option<Duration>,
    /// Retries after the first attempt.
    pub max_retries: Option<u32>,
    /// Headers sent with every request.
    pub headers: Vec<(String, String)>,
    /// Largest accepted stream event.
    pub max_event_size: Option<usize>,
    /// Largest accepted body of a non-streaming answer (default 32 MiB).
    pub max_response_bytes: Option<usize>,
    /// Page cap of auto-paginating lists (default 10,000).
    pub max_pages: Option<u32>,
    /// Proxy for every request and the ops WebSocket (`http://` or `https://`, credentials
    /// in the URL allowed). `None`: `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` / `NO_PROXY`
    /// from the environment.
    pub proxy: Option<String>,
    /// Extra trusted root certificates (PEM), added to the built-in roots.
    pub ca_bundle: Option<CaBundle>,
    /// The `User-Agent` of every request and of the ops WebSocket handshake (default
    /// [`user_agent`](crate::user_agent)`("rust", "")`); the Python and Node packages give their own.
    pub user_agent: Option<String>,
}

/// The `User-Agent` of the SDK in `language` on `runtime`, the same form in every language:
/// `cjhirashi-agents-<language>/<version> <runtime> (<os>; <arch>)`, e.g.
/// `cjhirashi-agents-python/0.1.0 CPython 3.12 (linux; x86_64)` (no runtime part when
/// `runtime` is empty).
pub fn user_agent(language: &str, runtime: &str) -> String {
    let runtime = runtime.trim();
    let sep = if runtime.is_empty() { "" } else { " " };
    format!(
        "cjhirashi-agents-{language}/{}{sep}{runtime} ({}; {})",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

impl std::fmt::Debug for ClientSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientSettings")
            .field(
                "base_url",
                &self.base_url.as_deref().map(crate::redact::redact_url),
            )
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("response_header_timeout", &self.response_header_timeout)
            .field("stream_idle_timeout", &self.stream_idle_timeout)
            .field("max_retries", &self.max_retries)
            .field("headers", &crate::redact::RedactedHeaders(&self.headers))
            .field("max_event_size", &self.max_event_size)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("max_pages", &self.max_pages)
            .field(
                "proxy",
                &self.proxy.as_deref().map(crate::redact::redact_url),
            )
            .field("ca_bundle", &self.ca_bundle)
            .field("user_agent", &self.user_agent)
            .finish()
    }
}

impl ClientSettings {
    pub(crate) fn build(
        &self,
        base_env: &str,
        default_base: &str,
        auth: Option<Arc<dyn Auth>>,
    ) -> Result<Arc<Transport>> {
        let base = match &self.base_url {
            Some(b) => b.clone(),
            None => env_nonempty(base_env).unwrap_or_else(|| default_base.to_owned()),
        };
        let net = Net::new(self.proxy.as_deref(), self.ca_bundle.as_ref())?;
        let mut cfg = Config::new(parse_base_url(&base)?, Arc::new(net));
        self.apply(&mut cfg)?;
        Ok(Arc::new(Transport::new(cfg, auth)?))
    }

    /// `cfg` with every setting given here (`Some`, or headers when any) in place of its own:
    /// what `build` starts from the defaults and `with_options` from a client's settings.
    /// Checks the headers; `base_url`, `proxy` and `ca_bundle` are left to the caller.
    pub(crate) fn apply(&self, cfg: &mut Config) -> Result<()> {
        // a zero limit is a mistake, not a setting: a zero connect timeout did nothing, a zero
        // response-header timeout failed every attempt and retried until one got lucky
        for (name, given) in [
            ("timeout", self.timeout),
            ("connect_timeout", self.connect_timeout),
            ("response_header_timeout", self.response_header_timeout),
            ("stream_idle_timeout", self.stream_idle_timeout),
        ] {
            if given.is_some_and(|d| d.is_zero()) {
                return Err(Error::InvalidArgument(format!(
                    "{name} must be more than zero (use a very long one for no limit)"
                )));
            }
        }
        if self.max_pages == Some(0) {
            return Err(Error::InvalidArgument(
                "max_pages must be at least 1".to_owned(),
            ));
        }
        if let Some(v) = self.timeout {
            cfg.timeout = v;
        }
        if let Some(v) = self.connect_timeout {
            cfg.connect_timeout = v;
        }
        if let Some(v) = self.response_header_timeout {
            cfg.response_header_timeout = v;
        }
        if let Some(v) = self.stream_idle_timeout {
            cfg.stream_idle_timeout = v;
        }
        if let Some(v) = self.max_retries {
            cfg.max_retries = v;
        }
        if let Some(v) = self.max_event_size {
            cfg.max_event_size = v;
        }
        if let Some(v) = self.max_response_bytes {
            cfg.max_response_bytes = v;
        }
        if let Some(v) = self.max_pages {
            cfg.max_pages = v;
        }
        for (k, v) in &self.headers {
            crate::options::validate::header(k, v)?;
        }
        if !self.headers.is_empty() {
            cfg.default_headers = self.headers.clone();
        }
        if let Some(ua) = &self.user_agent {
            crate::options::validate::header("User-Agent", ua)?;
            cfg.user_agent = ua.clone();
        }
        Ok(())
    }

    /// A transport like `t` (same credentials, shared) with these settings in place of its
    /// own: the clients' `with_options`. A `proxy` or `ca_bundle` given here replaces the
    /// client's own (the one left `None` is kept).
    pub(crate) fn rebuild(&self, t: &Transport) -> Result<Arc<Transport>> {
        let mut cfg = t.cfg.clone();
        if let Some(b) = &self.base_url {
            cfg.base_url = parse_base_url(b)?;
        }
        if self.proxy.is_some() || self.ca_bundle.is_some() {
            cfg.net = Arc::new(
                cfg.net
                    .with_changes(self.proxy.as_deref(), self.ca_bundle.as_ref())?,
            );
        }
        self.apply(&mut cfg)?;
        Ok(Arc::new(t.with_config(cfg)?))
    }
}

pub(crate) fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

pub(crate) fn key_auth(key: Option<Secret>) -> Result<Option<Arc<dyn Auth>>> {
    let Some(key) = key.filter(|k| !k.is_empty()) else {
        return Ok(None);
    };
    // refused here, not at the first request (where it would look like a connection error);
    // the message does not repeat the key
    if crate::options::validate::header("Authorization", key.expose()).is_err() {
        return Err(Error::InvalidArgument(
            "the API key is not a valid HTTP header value (control characters or non-ASCII \
             characters)"
                .to_owned(),
        ));
    }
    Ok(Some(
        Arc::new(crate::transport::StaticKey(key)) as Arc<dyn Auth>
    ))
}

/// Builder methods shared by both services (implemented with a macro so each builder
/// documents them in its own page).
macro_rules! common_builder_methods {
    () => {
        /// The service's base URL (beats the environment variable).
        pub fn base_url(mut self, url: impl Into<String>) -> Self {
            self.common.base_url = Some(url.into());
            self
        }

        /// Total deadline of a non-streaming call, retries included (default 600 s).
        pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
            self.common.timeout = Some(timeout);
            self
        }

        /// Connect timeout (default 5 s).
        pub fn connect_timeout(mut self, timeout: std::time::Duration) -> Self {
            self.common.connect_timeout = Some(timeout);
            self
        }

        /// Time to wait for a response's status and headers (default 60 s).
        pub fn response_header_timeout(mut self, timeout: std::time::Duration) -> Self {
            self.common.response_header_timeout = Some(timeout);
            self
        }

        /// Time a stream may go without an event before it fails (default 120 s); bytes that
        /// carry no event (keep-alive comments) do not count.
        pub fn stream_idle_timeout(mut self, timeout: std::time::Duration) -> Self {
            self.common.stream_idle_timeout = Some(timeout);
            self
        }

        /// Retries after the first attempt (default 2).
        pub fn max_retries(mut self, retries: u32) -> Self {
            self.common.max_retries = Some(retries);
            self
        }

        /// A header sent with every request.
        pub fn default_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
            self.common.headers.push((name.into(), value.into()));
            self
        }

        /// Largest accepted stream event (default 16 MiB).
        pub fn max_event_size(mut self, bytes: usize) -> Self {
            self.common.max_event_size = Some(bytes);
            self
        }

        /// Largest accepted body of a non-streaming answer (default 32 MiB); a larger one fails
        /// with [`Error::ResponseTooLarge`](crate::Error::ResponseTooLarge).
        pub fn max_response_bytes(mut self, bytes: usize) -> Self {
            self.common.max_response_bytes = Some(bytes);
            self
        }

        /// Page cap of auto-paginating lists (default 10,000); a list that would go further
        /// fails with [`Error::Decode`](crate::Error::Decode) instead of following the server
        /// for ever.
        pub fn max_pages(mut self, pages: u32) -> Self {
            self.common.max_pages = Some(pages);
            self
        }

        /// Sends every request, and opens the ops WebSocket, through this proxy: an `http://`
        /// or `https://` URL, credentials allowed (`http://user:pass@proxy:3128`). HTTPS
        /// and WebSocket connections go through an HTTP `CONNECT` tunnel. Without this option
        /// `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` are honoured; with it they
        /// are ignored. A malformed URL fails `build()` with
        /// [`Error::InvalidArgument`](crate::Error::InvalidArgument).
        pub fn proxy(mut self, url: impl Into<String>) -> Self {
            self.common.proxy = Some(url.into());
            self
        }

        /// Trusts the certificates of this PEM file in addition to the built-in roots, for
        /// HTTPS and the WebSocket (a corporate or private CA). The file is read by
        /// `build()`: a missing file or one without a PEM certificate fails it with
        /// [`Error::InvalidArgument`](crate::Error::InvalidArgument).
        pub fn ca_bundle(mut self, path: impl Into<std::path::PathBuf>) -> Self {
            self.common.ca_bundle = Some($crate::CaBundle::File(path.into()));
            self
        }

        /// Like `ca_bundle`, from PEM text (one or more `-----BEGIN CERTIFICATE-----`
        /// blocks) instead of a file.
        pub fn ca_bundle_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
            self.common.ca_bundle = Some($crate::CaBundle::Pem(pem.into()));
            self
        }

        /// Replaces every transport setting at once.
        pub fn settings(mut self, settings: $crate::ClientSettings) -> Self {
            self.common = settings;
            self
        }
    };
}

pub(crate) use common_builder_methods;
