//! The one HTTP transport both services use: auth, retries, timeouts, redirects, error mapping,
//! rate-limit metadata and tracing.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{HeaderMap, Method, StatusCode};
use serde::de::DeserializeOwned;
use tracing::Instrument;
use url::Url;

use crate::error::{ApiError, Error, Result, TimeoutPhase};
use crate::options::{
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES,
    DEFAULT_RESPONSE_HEADER_TIMEOUT, DEFAULT_STREAM_IDLE_TIMEOUT, DEFAULT_TIMEOUT, INITIAL_BACKOFF,
    MAX_BACKOFF, MAX_RETRY_AFTER, RequestOptions, ResponseMeta, deadline_after, validate,
};
use crate::ratelimit::{RateLimit, parse_retry_after};
use crate::redact::{KnownSecrets, Secret};

/// A boxed future returning a bearer token.
pub(crate) type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<Option<Secret>>> + Send + 'a>>;

/// Where a request's bearer token comes from.
pub(crate) trait Auth: Send + Sync + fmt::Debug {
    /// The token to send now (may log in first).
    fn token<'a>(&'a self, transport: &'a Transport) -> TokenFuture<'a>;
    /// Called after a 401 answered `stale`; returns true when a fresh token can be had, in
    /// which case the request is sent once more.
    fn invalidate(&self, stale: &Secret) -> bool;
    /// Adds the secrets this source holds (the key, the current token, a password) to `known`,
    /// without any I/O: what a server's answer must not carry into an error.
    fn add_known(&self, known: &mut KnownSecrets);
}

/// A fixed API key.
#[derive(Debug)]
pub(crate) struct StaticKey(pub(crate) Secret);

impl Auth for StaticKey {
    fn token<'a>(&'a self, _: &'a Transport) -> TokenFuture<'a> {
        let key = self.0.clone();
        Box::pin(async move { Ok(Some(key)) })
    }

    fn invalidate(&self, _: &Secret) -> bool {
        false
    }

    fn add_known(&self, known: &mut KnownSecrets) {
        known.add(self.0.expose());
    }
}

/// Where the secret values a request carried can be found again if its answer fails: its JSON
/// body and its credential's source. Cheap to keep (two reference counts); the values are
/// looked up only for an error (see [`Error::scrubbed`]), so that a server echoing a key, a
/// token or a password into a body that fails to decode, or into an `error` event of a
/// stream, does not carry it into the error's text or a log line.
#[derive(Clone, Default)]
pub(crate) struct SecretSource {
    body: Option<Bytes>,
    auth: Option<Arc<dyn Auth>>,
}

impl fmt::Debug for SecretSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretSource").finish_non_exhaustive()
    }
}

impl SecretSource {
    /// The known values, gathered now.
    pub(crate) fn known(&self) -> KnownSecrets {
        let mut known = KnownSecrets::from_body(self.body.as_deref());
        if let Some(auth) = &self.auth {
            auth.add_known(&mut known);
        }
        known
    }

    /// `err` with those values replaced by `[REDACTED]`.
    pub(crate) fn scrub(&self, err: Error) -> Error {
        // nothing the server said is in these
        if matches!(
            err,
            Error::Cancelled | Error::Timeout { .. } | Error::IncompleteStream { .. }
        ) {
            return err;
        }
        err.scrubbed(&self.known())
    }
}

/// Settings of a transport, filled by the services' builders.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub base_url: Url,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub response_header_timeout: Duration,
    pub stream_idle_timeout: Duration,
    pub max_retries: u32,
    pub default_headers: Vec<(String, String)>,
    pub max_event_size: usize,
    pub max_response_bytes: usize,
    pub max_pages: u32,
    pub user_agent: String,
    /// TLS roots and proxy, shared by HTTP and the WebSocket.
    pub net: Arc<crate::net::Net>,
}

impl Config {
    pub(crate) fn new(base_url: Url, net: Arc<crate::net::Net>) -> Self {
        Config {
            base_url,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            response_header_timeout: DEFAULT_RESPONSE_HEADER_TIMEOUT,
            stream_idle_timeout: DEFAULT_STREAM_IDLE_TIMEOUT,
            max_retries: DEFAULT_MAX_RETRIES,
            default_headers: Vec::new(),
            max_event_size: crate::sse::DEFAULT_MAX_EVENT_SIZE,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            max_pages: crate::options::DEFAULT_MAX_PAGES,
            user_agent: crate::client::user_agent("rust", RUST_RUNTIME.as_str()),
            net,
        }
    }
}

/// Parses a base URL and makes sure it ends with `/`, so relative joins keep its path.
pub(crate) fn parse_base_url(raw: &str) -> Result<Url> {
    let shown = crate::redact::redact_url(raw);
    let mut url = Url::parse(raw.trim())
        .map_err(|e| Error::InvalidArgument(format!("invalid base URL {shown:?}: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::InvalidArgument(format!(
            "base URL must be http or https, got {shown:?}"
        )));
    }
    // they would be dropped from every request without a word
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::InvalidArgument(format!(
            "base URL {shown:?} has a query or a fragment, which no request would carry; give \
             query parameters with each call instead"
        )));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

/// One request, before options.
#[derive(Debug, Clone)]
pub(crate) struct Req {
    pub method: Method,
    /// Path segments below the base URL; each is percent-encoded.
    pub segments: Vec<String>,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<Bytes>,
    pub auth: bool,
    pub stream: bool,
    /// A 3xx answer is the result (sign-in); otherwise it is an error.
    pub redirect_ok: bool,
}

impl Req {
    pub(crate) fn new(method: Method, segments: &[&str]) -> Self {
        Req {
            method,
            segments: segments.iter().map(|s| (*s).to_owned()).collect(),
            query: Vec::new(),
            body: None,
            auth: true,
            stream: false,
            redirect_ok: false,
        }
    }

    pub(crate) fn get(segments: &[&str]) -> Self {
        Self::new(Method::GET, segments)
    }

    pub(crate) fn post(segments: &[&str]) -> Self {
        Self::new(Method::POST, segments)
    }

    pub(crate) fn json<B: serde::Serialize + ?Sized>(mut self, body: &B) -> Result<Self> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| Error::InvalidArgument(format!("could not encode request body: {e}")))?;
        self.body = Some(Bytes::from(bytes));
        Ok(self)
    }

    pub(crate) fn query_opt<V: ToString>(mut self, key: &'static str, value: Option<V>) -> Self {
        if let Some(v) = value {
            self.query.push((key, v.to_string()));
        }
        self
    }

    pub(crate) fn no_auth(mut self) -> Self {
        self.auth = false;
        self
    }

    pub(crate) fn redirect_ok(mut self) -> Self {
        self.redirect_ok = true;
        self
    }

    pub(crate) fn streaming(mut self) -> Self {
        self.stream = true;
        self
    }

    fn path_for_logs(&self) -> String {
        let mut p = String::new();
        for s in &self.segments {
            p.push('/');
            p.push_str(s);
        }
        p
    }
}

/// The shared HTTP machinery of a client.
pub(crate) struct Transport {
    http: reqwest::Client,
    pub(crate) cfg: Config,
    /// Shared with the transports made by [`Transport::with_new_pool`], so a login (or a new
    /// session set by `auth().login`) is seen by all of them.
    auth: Arc<RwLock<Option<Arc<dyn Auth>>>>,
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport")
            .field("base_url", &self.cfg.base_url.as_str())
            .field("timeout", &self.cfg.timeout)
            .field("max_retries", &self.cfg.max_retries)
            .field(
                "auth",
                &self.auth.read().map(|a| a.is_some()).unwrap_or(false),
            )
            .finish_non_exhaustive()
    }
}

fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}

/// The reqwest client of a transport: its connection pool and redirect policy.
fn http_client(cfg: &Config) -> Result<reqwest::Client> {
    let origin = cfg.base_url.clone();
    // Same-origin redirects are followed (at most 5); a redirect elsewhere is returned as
    // is, so the Authorization header can never reach another origin.
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= MAX_REDIRECTS || !same_origin(&origin, attempt.url()) {
            attempt.stop()
        } else {
            attempt.follow()
        }
    });
    // TLS: an explicit rustls configuration with the ring provider (no process-wide
    // provider is installed); proxy: the explicit option, else reqwest reads the environment.
    cfg.net
        .apply(reqwest::Client::builder())?
        .connect_timeout(cfg.connect_timeout)
        .redirect(policy)
        .user_agent(cfg.user_agent.clone())
        .tcp_nodelay(true)
        .pool_idle_timeout(Duration::from_secs(90))
        .build()
        .map_err(|e| Error::connection(format!("could not build the HTTP client: {e}")))
}

impl Transport {
    pub(crate) fn new(cfg: Config, auth: Option<Arc<dyn Auth>>) -> Result<Self> {
        Ok(Transport {
            http: http_client(&cfg)?,
            cfg,
            auth: Arc::new(RwLock::new(auth)),
        })
    }

    /// A transport with the same settings and the same credentials (one shared auth slot: an
    /// ops login is not repeated) but a connection pool of its own.
    pub(crate) fn with_new_pool(&self) -> Result<Self> {
        Ok(Transport {
            http: http_client(&self.cfg)?,
            cfg: self.cfg.clone(),
            auth: self.auth.clone(),
        })
    }

    /// A transport with the settings `cfg`, a connection pool of its own and the same
    /// (shared) credentials: the client `with_options` methods.
    pub(crate) fn with_config(&self, cfg: Config) -> Result<Self> {
        Ok(Transport {
            http: http_client(&cfg)?,
            cfg,
            auth: self.auth.clone(),
        })
    }

    pub(crate) fn set_auth(&self, auth: Arc<dyn Auth>) {
        *self.auth.write().unwrap_or_else(|e| e.into_inner()) = Some(auth);
    }

    /// Where `req`'s secrets are, for scrubbing its errors ([`SecretSource`]).
    pub(crate) fn secrets(&self, req: &Req) -> SecretSource {
        SecretSource {
            body: req.body.clone(),
            auth: self.auth_source(),
        }
    }

    pub(crate) fn auth_source(&self) -> Option<Arc<dyn Auth>> {
        self.auth.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(crate) fn url(&self, segments: &[String], query: &[(&'static str, String)]) -> Url {
        self.url_with(segments, query, &[])
    }

    pub(crate) fn url_with(
        &self,
        segments: &[String],
        query: &[(&'static str, String)],
        extra: &[(String, String)],
    ) -> Url {
        let mut url = self.cfg.base_url.clone();
        // An http(s) base URL (checked by `parse_base_url`) always has path segments.
        if let Ok(mut segs) = url.path_segments_mut() {
            segs.pop_if_empty();
            for s in segments {
                segs.push(s);
            }
        }
        if !query.is_empty() || !extra.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in query {
                pairs.append_pair(k, v);
            }
            for (k, v) in extra {
                pairs.append_pair(k, v);
            }
        }
        url
    }

    /// Sends `req` with retries and returns the successful response (body unread) and its
    /// metadata; an error answer is mapped to [`Error::Api`].
    pub(crate) async fn execute(
        &self,
        req: &Req,
        opts: &RequestOptions,
    ) -> Result<(reqwest::Response, ResponseMeta, Instant)> {
        if let Some(dispatch) = crate::logging::env_dispatch() {
            use tracing::instrument::WithSubscriber as _;
            return self
                .execute_cancellable(req, opts)
                .with_subscriber(dispatch.clone())
                .await;
        }
        self.execute_cancellable(req, opts).await
    }

    async fn execute_cancellable(
        &self,
        req: &Req,
        opts: &RequestOptions,
    ) -> Result<(reqwest::Response, ResponseMeta, Instant)> {
        let fut = self.execute_inner(req, opts);
        match &opts.cancel {
            Some(token) => {
                tokio::select! {
                    biased;
                    _ = token.cancelled() => Err(Error::Cancelled),
                    r = fut => r,
                }
            }
            None => fut.await,
        }
    }

    async fn execute_inner(
        &self,
        req: &Req,
        opts: &RequestOptions,
    ) -> Result<(reqwest::Response, ResponseMeta, Instant)> {
        // An id the URL would change is refused rather than sent: `.`/`..` move up the path,
        // and the URL parser drops tabs and line breaks (`"usr_1\n23"` would reach `usr_123`).
        if let Some(bad) = req
            .segments
            .iter()
            .find(|s| s.is_empty() || *s == "." || *s == ".." || s.chars().any(char::is_control))
        {
            return Err(Error::InvalidArgument(format!(
                "invalid path segment {bad:?}: ids must not be empty, \".\" or \"..\", nor \
                 contain control characters"
            )));
        }
        for (k, v) in &opts.extra_headers {
            validate::header(k, v)?;
        }
        if let Some(key) = &opts.idempotency_key {
            validate::header("Idempotency-Key", key)?;
        }
        let max_retries = opts.max_retries.unwrap_or(self.cfg.max_retries);
        let total = opts.timeout.unwrap_or(self.cfg.timeout);
        let started = Instant::now();
        let deadline = deadline_after(started, total);
        let idempotency_key = (req.method == Method::POST).then(|| {
            opts.idempotency_key
                .clone()
                .unwrap_or_else(|| format!("agents-sdk-{}", uuid::Uuid::new_v4()))
        });
        let url = self.url_with(&req.segments, &req.query, &opts.extra_query);
        if url.as_str().len() > MAX_URL_LEN {
            return Err(Error::InvalidArgument(format!(
                "the request URL would be {} bytes long, over the limit of {MAX_URL_LEN}: an \
                 argument (a path id or a query value) is too long",
                url.as_str().len()
            )));
        }
        let path = req.path_for_logs();
        let mut attempt: u32 = 0;
        let mut reauthenticated = false;
        loop {
            attempt = attempt.saturating_add(1);
            // at WARN so its facts (method, path, status, ...) are on every event inside it,
            // whichever of them the subscriber shows (see `crate::logging`)
            let span = tracing::warn_span!(
                "agents_sdk.request",
                method = %req.method,
                path = %path,
                attempt,
                status = tracing::field::Empty,
                request_id = tracing::field::Empty,
            );
            let outcome = self
                .attempt(req, opts, &url, idempotency_key.as_deref(), deadline)
                .instrument(span.clone())
                .await;
            let retries_left = attempt <= max_retries;
            match outcome {
                Attempt::Response(resp, token) => {
                    let status = resp.status();
                    // The header list is read only through a capture or a stream's metadata;
                    // other calls skip copying every header into strings.
                    let mut meta = if opts.capture.is_some() || req.stream {
                        meta_from_headers(status, resp.headers())
                    } else {
                        meta_without_header_list(status, resp.headers())
                    };
                    meta.attempts = attempt;
                    span.record("status", status.as_u16());
                    if let Some(id) = &meta.request_id {
                        span.record("request_id", id.as_str());
                    }
                    if status.is_success() || (status.is_redirection() && req.redirect_ok) {
                        tracing::debug!(parent: &span, "success");
                        return Ok((resp, meta, deadline));
                    }
                    let headers = resp.headers().clone();
                    if status == StatusCode::UNAUTHORIZED
                        && req.auth
                        && !reauthenticated
                        && let (Some(auth), Some(token)) = (self.auth_source(), token.as_ref())
                        && auth.invalidate(token)
                    {
                        tracing::info!(parent: &span, "401: authenticating again");
                        reauthenticated = true;
                        attempt = attempt.saturating_sub(1);
                        continue;
                    }
                    if retries_left && is_retryable_status(status) {
                        let delay = retry_delay(status, &headers, attempt);
                        if fits_before(delay, deadline) {
                            tracing::info!(parent: &span, ?delay, "retrying after error status");
                            drop(resp);
                            tokio::time::sleep(delay).await;
                            continue;
                        }
                    }
                    // a redirect that was not followed: to another origin, or the last of too
                    // many within this one
                    let looping = status.is_redirection()
                        && headers
                            .get(http::header::LOCATION)
                            .and_then(|l| l.to_str().ok())
                            .and_then(|l| resp.url().join(l).ok())
                            .is_some_and(|to| same_origin(&self.cfg.base_url, &to));
                    // An error body is read only for its message: a bounded prefix, within a
                    // bounded time (a server trickling it would otherwise hold the error back
                    // until the call's deadline, 10 minutes by default).
                    let body_deadline = Instant::now()
                        .checked_add(ERROR_BODY_WAIT)
                        .map_or(deadline, |t| deadline.min(t));
                    let body = read_body(resp, body_deadline, status, MAX_ERROR_BODY, true)
                        .await
                        .unwrap_or_default();
                    let mut known = self.secrets(req).known();
                    if let Some(token) = &token {
                        known.add(token.expose());
                    }
                    let mut err = api_error_with(status, &headers, &body, &known);
                    if looping && err.message == OFF_ORIGIN_REDIRECT {
                        err.message = format!(
                            "the server kept redirecting within its own origin; stopped after \
                             {MAX_REDIRECTS} redirects"
                        );
                    }
                    tracing::warn!(parent: &span, error = %err, class = err.kind.class_name(), "error answer");
                    return Err(Error::from(err));
                }
                Attempt::Failed(mut err) => {
                    let retryable = matches!(
                        &err,
                        Error::Connection { .. }
                            | Error::Timeout {
                                phase: TimeoutPhase::Connect | TimeoutPhase::ResponseHeaders,
                                ..
                            }
                    );
                    if retries_left && retryable {
                        let delay = backoff(attempt);
                        if fits_before(delay, deadline) {
                            tracing::info!(parent: &span, error = %err, class = err.class_name(), ?delay, "retrying after failure");
                            tokio::time::sleep(delay).await;
                            continue;
                        }
                    }
                    if attempt > 1
                        && let Error::Connection { message, .. } = &mut err
                    {
                        // the time it took is the retries'
                        message.push_str(&format!(" (after {attempt} attempts)"));
                    }
                    tracing::warn!(parent: &span, error = %err, class = err.class_name(), "request failed");
                    return Err(err);
                }
            }
        }
    }

    async fn attempt(
        &self,
        req: &Req,
        opts: &RequestOptions,
        url: &Url,
        idempotency_key: Option<&str>,
        deadline: Instant,
    ) -> Attempt {
        // the limit a total-deadline timeout reports: the call's, not what was left of it
        let total = opts.timeout.unwrap_or(self.cfg.timeout);
        let token = if req.auth {
            match self.auth_source() {
                // A login made for this call (ops) counts against the call's own deadline.
                Some(auth) => {
                    let remaining = deadline.saturating_duration_since(Instant::now());
                    match tokio::time::timeout(remaining, auth.token(self)).await {
                        Ok(Ok(t)) => t,
                        Ok(Err(e)) => return Attempt::Failed(e),
                        Err(_) => {
                            return Attempt::Failed(Error::Timeout {
                                phase: TimeoutPhase::Total,
                                after: total,
                            });
                        }
                    }
                }
                None => None,
            }
        } else {
            None
        };
        // The SDK's headers first, then the client's default headers, then the call's: a later
        // one replaces an earlier one of the same name (an `Authorization` or `Accept` of the
        // caller's is sent instead of the SDK's, never beside it).
        let mut headers = http::HeaderMap::new();
        headers.insert(
            http::header::ACCEPT,
            http::HeaderValue::from_static(if req.stream {
                "text/event-stream"
            } else {
                "application/json"
            }),
        );
        if let Some(t) = &token {
            let Ok(mut value) = http::HeaderValue::from_str(&format!("Bearer {}", t.expose()))
            else {
                return Attempt::Failed(Error::InvalidArgument(
                    "the API key or token is not a valid HTTP header value".into(),
                ));
            };
            value.set_sensitive(true);
            headers.insert(http::header::AUTHORIZATION, value);
        }
        if req.body.is_some() {
            headers.insert(
                http::header::CONTENT_TYPE,
                http::HeaderValue::from_static("application/json"),
            );
        }
        let given = idempotency_key
            .map(|key| ("Idempotency-Key", key))
            .into_iter()
            .chain(
                self.cfg
                    .default_headers
                    .iter()
                    .chain(&opts.extra_headers)
                    .map(|(k, v)| (k.as_str(), v.as_str())),
            );
        for (name, value) in given {
            // checked before the first attempt (`validate::header`)
            match (
                http::HeaderName::from_bytes(name.as_bytes()),
                http::HeaderValue::from_str(value),
            ) {
                (Ok(name), Ok(mut value)) => {
                    value.set_sensitive(crate::redact::is_sensitive_header(name.as_str()));
                    headers.insert(name, value);
                }
                _ => {
                    return Attempt::Failed(Error::InvalidArgument(format!(
                        "invalid header {name:?}"
                    )));
                }
            }
        }
        let mut rb = self
            .http
            .request(req.method.clone(), url.clone())
            .headers(headers);
        if let Some(body) = &req.body {
            rb = rb.body(body.clone());
        }
        let now = Instant::now();
        let remaining = deadline.saturating_duration_since(now);
        if remaining.is_zero() {
            return Attempt::Failed(Error::Timeout {
                phase: TimeoutPhase::Total,
                after: total,
            });
        }
        let header_wait = self.cfg.response_header_timeout.min(remaining);
        match tokio::time::timeout(header_wait, rb.send()).await {
            Err(_) if header_wait < self.cfg.response_header_timeout => {
                Attempt::Failed(Error::Timeout {
                    phase: TimeoutPhase::Total,
                    after: total,
                })
            }
            Err(_) => Attempt::Failed(Error::Timeout {
                phase: TimeoutPhase::ResponseHeaders,
                after: header_wait,
            }),
            Ok(Err(e)) => Attempt::Failed(self.map_reqwest_error(e)),
            Ok(Ok(resp)) => Attempt::Response(resp, token),
        }
    }

    pub(crate) fn map_reqwest_error(&self, e: reqwest::Error) -> Error {
        if e.is_builder() {
            // the request could not be made from what the caller passed: never sent
            let e = e.without_url();
            let text: String = crate::redact::redact_text(&describe_error(&e))
                .chars()
                .take(300)
                .collect();
            return Error::InvalidArgument(format!("the request could not be built: {text}"));
        }
        if e.is_timeout() && e.is_connect() {
            return Error::Timeout {
                phase: TimeoutPhase::Connect,
                after: self.cfg.connect_timeout,
            };
        }
        let message = crate::redact::redact_text(&describe_error(&e));
        Error::Connection {
            message,
            source: Some(Box::new(e.without_url())),
        }
    }

    /// The largest non-streaming body (and streamed answer text) a call with `opts` accepts.
    pub(crate) fn response_limit(&self, opts: &RequestOptions) -> usize {
        opts.max_response_bytes
            .unwrap_or(self.cfg.max_response_bytes)
    }

    /// Sends `req` and decodes a JSON body into `T`.
    pub(crate) async fn json<T: DeserializeOwned>(
        &self,
        req: &Req,
        opts: &RequestOptions,
    ) -> Result<(T, ResponseMeta)> {
        let (body, meta) = self.body(req, opts).await?;
        let value = decode_body::<T>(&body, &meta).map_err(|e| self.secrets(req).scrub(e))?;
        Ok((value, meta))
    }

    /// Sends `req` and reads its successful answer's whole body (up to the call's limit).
    pub(crate) async fn body(
        &self,
        req: &Req,
        opts: &RequestOptions,
    ) -> Result<(Bytes, ResponseMeta)> {
        let (resp, meta, deadline) = self.execute(req, opts).await?;
        let status = resp.status();
        let limit = self.response_limit(opts);
        let read = async {
            read_body(resp, deadline, status, limit, false)
                .await
                .map_err(|e| match e {
                    Error::ResponseTooLarge {
                        limit,
                        content_length,
                        status,
                        ..
                    } => Error::ResponseTooLarge {
                        limit,
                        content_length,
                        status,
                        request_id: meta.request_id.clone(),
                    },
                    other => other,
                })
        };
        let body = match &opts.cancel {
            Some(token) => tokio::select! {
                biased;
                _ = token.cancelled() => return Err(Error::Cancelled),
                b = read => b?,
            },
            None => read.await?,
        };
        Ok((body, meta))
    }

    /// Sends a streaming request; the response is returned once its headers arrived
    /// (retries happen only before that).
    pub(crate) async fn stream(
        &self,
        req: &Req,
        opts: &RequestOptions,
    ) -> Result<crate::stream::SseStream> {
        let (resp, meta, deadline) = self.execute(req, opts).await?;
        if let Some(c) = &opts.capture {
            c.set(&meta);
        }
        // a successful answer that is a web page (a proxy's or a captive portal's sign-in
        // page) is not read as events, which would end as an incomplete stream of no event.
        // Other types are read: servers that stream events under `text/plain`, or with no
        // type at all, exist.
        if let Some(kind) = resp
            .headers()
            .get(http::header::CONTENT_TYPE)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            && is_web_page(&kind)
        {
            let status = resp.status();
            let prefix = read_body(resp, deadline, status, MAX_ERROR_BODY, true)
                .await
                .unwrap_or_default();
            return Err(self.secrets(req).scrub(Error::decode(
                "event stream",
                format!(
                    "expected an event stream (text/event-stream), got a web page ({})",
                    crate::redact::redact_text(kind.trim())
                ),
                &prefix,
                Some(status.as_u16()),
                meta.request_id,
            )));
        }
        Ok(crate::stream::SseStream::new(
            resp,
            meta,
            opts.stream_idle_timeout
                .unwrap_or(self.cfg.stream_idle_timeout),
            self.cfg.max_event_size,
            opts.cancel.clone(),
            self.secrets(req),
        ))
    }
}

enum Attempt {
    Response(reqwest::Response, Option<Secret>),
    Failed(Error),
}

/// `e` and its causes (`error decoding response body: connection reset by peer`).
pub(crate) fn describe_error(e: &reqwest::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

/// Whether a `Content-Type` is an HTML page (`text/html`, `application/xhtml+xml`; any
/// parameters, any case).
fn is_web_page(content_type: &str) -> bool {
    content_type.split(';').next().is_some_and(|essence| {
        let essence = essence.trim();
        essence.eq_ignore_ascii_case("text/html")
            || essence.eq_ignore_ascii_case("application/xhtml+xml")
    })
}

/// Largest prefix of an error answer's body that is read (for its message and details).
const MAX_ERROR_BODY: usize = 64 * 1024;
/// Longest wait for an error answer's body; past it the error is raised with what its status
/// and headers say.
const ERROR_BODY_WAIT: Duration = Duration::from_secs(10);

/// Whether a wait of `delay` starting now ends before `deadline`.
fn fits_before(delay: Duration, deadline: Instant) -> bool {
    Instant::now()
        .checked_add(delay)
        .is_some_and(|end| end < deadline)
}

/// Reads a body of at most `limit` bytes before `deadline`. A `Content-Length` above the limit
/// is refused before reading; a body without one stops being read at the limit. With
/// `truncate`, the first `limit` bytes are returned instead of an error (error answers).
async fn read_body(
    mut resp: reqwest::Response,
    deadline: Instant,
    status: StatusCode,
    limit: usize,
    truncate: bool,
) -> Result<Bytes> {
    let limit_u64 = u64::try_from(limit).unwrap_or(u64::MAX);
    let too_large = |content_length: Option<u64>| Error::ResponseTooLarge {
        limit: limit_u64,
        content_length,
        status: status.as_u16(),
        request_id: None,
    };
    let declared = resp.content_length();
    if !truncate && declared.is_some_and(|n| n > limit_u64) {
        return Err(too_large(declared));
    }
    let remaining = deadline.saturating_duration_since(Instant::now());
    let read = async {
        // Chunks are kept as they come and joined at the end: a body of one chunk (most
        // answers) is handed over without a copy.
        let mut chunks: Vec<Bytes> = Vec::new();
        let mut total = 0usize;
        while let Some(chunk) = resp.chunk().await? {
            let room = limit.saturating_sub(total);
            if chunk.len() > room {
                if truncate {
                    chunks.push(chunk.slice(..room));
                    break;
                }
                return Ok(Err(too_large(declared)));
            }
            total = total.saturating_add(chunk.len());
            chunks.push(chunk);
        }
        let body = match chunks.len() {
            0 => Bytes::new(),
            1 => chunks.pop().unwrap_or_default(),
            _ => {
                let mut joined = bytes::BytesMut::with_capacity(total);
                for chunk in &chunks {
                    joined.extend_from_slice(chunk);
                }
                joined.freeze()
            }
        };
        Ok::<_, reqwest::Error>(Ok(body))
    };
    match tokio::time::timeout(remaining, read).await {
        Err(_) => Err(Error::Timeout {
            phase: TimeoutPhase::Body,
            after: remaining,
        }),
        Ok(Err(e)) => Err(Error::Connection {
            message: format!(
                "reading the {} response body failed: {}",
                status.as_u16(),
                crate::redact::redact_text(&describe_error(&e))
            ),
            source: Some(Box::new(e.without_url())),
        }),
        Ok(Ok(result)) => result,
    }
}

/// Statuses a retry can fix: a timeout, rate limiting and server-side failures. A 409
/// (`CONFLICT`) describes a state a retry cannot change and is not retried.
fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 408 | 429 | 500 | 502 | 503 | 504)
}

/// Exponential backoff with jitter: 0.5 s, 1 s, 2 s … capped at 8 s, each reduced by up to 25 %.
pub(crate) fn backoff(attempt: u32) -> Duration {
    let shift = attempt.saturating_sub(1).min(16);
    let exp = INITIAL_BACKOFF.saturating_mul(1u32.checked_shl(shift).unwrap_or(u32::MAX));
    let base = exp.min(MAX_BACKOFF);
    // Up to 25 % off, in whole milliseconds (no float-to-Duration conversion that could fail).
    let base_ms = u64::try_from(base.as_millis()).unwrap_or(u64::MAX);
    let off = rand::random_range(0..=base_ms / 4);
    Duration::from_millis(base_ms.saturating_sub(off))
}

/// The wait before retrying an error status: the server's `Retry-After` (or, for a 429,
/// `X-RateLimit-Reset`) when it is more than zero and at most 60 s, else the backoff. A wait of
/// zero (`Retry-After: 0`, a date or a reset already past, as a server whose clock is behind
/// sends) is not taken literally: retrying at once against such a server would spend every
/// retry within milliseconds.
pub(crate) fn retry_delay(status: StatusCode, headers: &HeaderMap, attempt: u32) -> Duration {
    let server_wait = match parse_retry_after(headers) {
        Some(d) => Some(d),
        None if status == StatusCode::TOO_MANY_REQUESTS => {
            RateLimit::from_headers(headers).and_then(|r| r.reset_after())
        }
        None => None,
    };
    match server_wait {
        Some(d) if !d.is_zero() && d <= MAX_RETRY_AFTER => d,
        _ => backoff(attempt),
    }
}

pub(crate) fn meta_from_headers(status: StatusCode, headers: &HeaderMap) -> ResponseMeta {
    ResponseMeta {
        headers: safe_headers(headers),
        ..meta_without_header_list(status, headers)
    }
}

/// The metadata without the header list: status, request id and rate limit.
fn meta_without_header_list(status: StatusCode, headers: &HeaderMap) -> ResponseMeta {
    ResponseMeta {
        status: status.as_u16(),
        request_id: headers
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        rate_limit: RateLimit::from_headers(headers),
        headers: Vec::new(),
        attempts: 1,
    }
}

fn safe_headers(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .filter(|(k, _)| !crate::redact::is_sensitive_header(k.as_str()))
        .filter_map(|(k, v)| Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned())))
        .collect()
}

/// The Rust runtime the `User-Agent` names: the compiler's version (`rustc 1.95.0`), recorded
/// by the build script (empty when it could not be read).
static RUST_RUNTIME: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| match env!("AGENTS_SDK_RUSTC_VERSION") {
        "" => String::new(),
        v => format!("rustc {v}"),
    });

/// Longest request URL: what the HTTP stack accepts (`http::Uri`). Longer is refused as an
/// invalid argument before anything is sent.
const MAX_URL_LEN: usize = 65_534;

/// Builds the typed error of an error answer of either service.
pub(crate) fn api_error(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError {
    api_error_with(status, headers, body, &KnownSecrets::default())
}

/// The message of a redirect answer that was not followed because it leads elsewhere.
const OFF_ORIGIN_REDIRECT: &str = "the server redirected to another origin; the redirect was not \
                                   followed so credentials stay with the configured base URL";

/// Most same-origin redirects one request follows.
const MAX_REDIRECTS: usize = 5;

/// [`api_error`], keeping the `known` secret values of the request out of its message and
/// details (an answer may quote the credential or the password it refused).
pub(crate) fn api_error_with(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    known: &KnownSecrets,
) -> ApiError {
    let parsed: Option<serde_json::Value> = serde_json::from_slice(body).ok();
    let mut err = ApiError::from_value(status.as_u16(), parsed.as_ref());
    if err.message.is_empty() && status.is_redirection() {
        err.message = OFF_ORIGIN_REDIRECT.to_owned();
    }
    if err.message.is_empty() {
        err.message = match parsed {
            _ if body.is_empty() => status.canonical_reason().unwrap_or("error").to_owned(),
            // another error shape (FastAPI's `{"detail": [...]}`): the JSON with its secrets
            // hidden first, as `details` is
            Some(mut value) => {
                known.scrub_json(&mut value);
                let text = serde_json::to_string(&value).unwrap_or_default();
                crate::redact::excerpt(text.as_bytes(), 200)
            }
            None => crate::redact::excerpt(body, 200),
        };
    }
    if !known.is_empty() {
        err.message = known.scrub(&err.message);
        known.scrub_json(&mut err.details);
    }
    if err.request_id.is_none() {
        err.request_id = headers
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
    }
    err.rate_limit = RateLimit::from_headers(headers);
    err.retry_after = parse_retry_after(headers);
    err.headers = safe_headers(headers);
    err
}

/// Decodes an answer's JSON `body` into `T`; a body that does not fit is a
/// [`Error::Decode`] with the answer's status and request id.
pub(crate) fn decode_body<T: DeserializeOwned>(body: &[u8], meta: &ResponseMeta) -> Result<T> {
    serde_json::from_slice::<T>(body).map_err(|e| {
        Error::decode(
            "response body",
            e,
            body,
            Some(meta.status),
            meta.request_id.clone(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiErrorKind;

    #[test]
    fn base_url_gets_trailing_slash() {
        assert_eq!(
            parse_base_url("http://localhost:3000/api")
                .unwrap()
                .as_str(),
            "http://localhost:3000/api/"
        );
        assert_eq!(
            parse_base_url("http://localhost:8000").unwrap().as_str(),
            "http://localhost:8000/"
        );
        assert!(parse_base_url("ftp://x").is_err());
        assert!(parse_base_url("not a url").is_err());
    }

    #[test]
    fn segments_are_encoded() {
        let t = Transport::new(
            Config::new(
                parse_base_url("http://h/api").unwrap(),
                Arc::new(crate::net::Net::new(None, None).unwrap()),
            ),
            None,
        )
        .unwrap();
        let url = t.url(
            &["agents".into(), "a/b?c".into()],
            &[("search", "john doe".into())],
        );
        assert_eq!(
            url.as_str(),
            "http://h/api/agents/a%2Fb%3Fc?search=john+doe"
        );
    }

    #[test]
    fn backoff_grows_and_caps() {
        for attempt in 1..10 {
            let d = backoff(attempt);
            let base = INITIAL_BACKOFF
                .saturating_mul(1 << (attempt - 1))
                .min(MAX_BACKOFF);
            assert!(d <= base && d >= base.mul_f64(0.75), "{attempt}: {d:?}");
        }
    }

    #[test]
    fn error_body_of_both_services() {
        let body = br#"{"error":{"code":"VALIDATION_ERROR","message":"Invalid input data","details":{"field":"email"}},"meta":{"timestamp":"t","requestId":"req_abc123"}}"#;
        let e = api_error(StatusCode::BAD_REQUEST, &HeaderMap::new(), body);
        assert_eq!(e.kind, ApiErrorKind::BadRequest);
        assert_eq!(e.request_id.as_deref(), Some("req_abc123"));
        assert_eq!(e.details["field"], "email");
        let body = br#"{"error":{"code":"INVALID_REQUEST","message":"El par\u00e1metro 'message' es requerido","details":{}}}"#;
        let e = api_error(StatusCode::BAD_REQUEST, &HeaderMap::new(), body);
        assert_eq!(e.code.as_deref(), Some("INVALID_REQUEST"));
        assert!(e.message.contains("requerido"));
        let e = api_error(StatusCode::BAD_GATEWAY, &HeaderMap::new(), b"<html>");
        assert_eq!(e.kind, ApiErrorKind::InternalServer);
        assert_eq!(e.message, "<html>");
    }
}
