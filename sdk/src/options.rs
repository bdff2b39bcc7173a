//! Client-wide and per-request options.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::ratelimit::RateLimit;

/// Default number of retries after the first attempt.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Default time to wait for the response status and headers.
pub const DEFAULT_RESPONSE_HEADER_TIMEOUT: Duration = Duration::from_secs(60);
/// Default time a stream may go without delivering a byte.
pub const DEFAULT_STREAM_IDLE_TIMEOUT: Duration = Duration::from_secs(120);
/// Default total deadline of a non-streaming call, retries included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(600);
/// Longest wait honoured from `Retry-After` / `X-RateLimit-Reset`.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// First backoff delay.
pub const INITIAL_BACKOFF: Duration = Duration::from_millis(500);
/// Largest backoff delay.
pub const MAX_BACKOFF: Duration = Duration::from_secs(8);
/// Default largest body of a non-streaming answer (32 MiB); see
/// [`RequestOptions::max_response_bytes`].
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;
/// Longest timeout the bindings accept as a finite number of seconds (one year); a longer one
/// is refused, and an infinite one means "no limit" (stored as [`NO_TIMEOUT`]).
pub const MAX_TIMEOUT: Duration = Duration::from_secs(365 * 24 * 3600);
/// What an infinite timeout ("no limit") is stored as. Every deadline computed from a timeout
/// saturates, so any `Duration`, this one included, is safe to pass.
pub const NO_TIMEOUT: Duration = Duration::MAX;
/// Largest retry count accepted from a caller.
pub const MAX_RETRIES_LIMIT: u32 = 100;
/// Largest size limit (response body, stream event) accepted from a caller: 4 GiB.
pub const MAX_SIZE_LIMIT: u64 = 4 * 1024 * 1024 * 1024;
/// Default page cap of auto-pagination; see [`crate::Paginator::max_pages`].
pub const DEFAULT_MAX_PAGES: u32 = 10_000;

/// Checked conversions of caller-supplied numbers, shared by the Python and Node packages so
/// both accept and refuse the same values with the same messages.
///
/// Every function returns [`crate::Error::InvalidArgument`] for a value it refuses; the
/// bindings raise it as `ValueError` (Python) or `RangeError` (Node).
#[doc(hidden)]
pub mod validate {
    use std::time::Duration;

    /// A proxy URL as the clients' `proxy` setting takes it: `http://` or `https://`, with a
    /// host (credentials allowed).
    pub fn proxy_url(raw: &str) -> Result<()> {
        crate::net::parse_proxy_url(raw).map(|_| ())
    }

    /// A CA bundle as the clients' `ca_bundle` setting takes it: a readable file (or bytes)
    /// holding at least one PEM certificate, each valid.
    pub fn ca_bundle(bundle: &crate::CaBundle) -> Result<()> {
        crate::net::check_ca_bundle(bundle)
    }

    use super::{MAX_RETRIES_LIMIT, MAX_SIZE_LIMIT, MAX_TIMEOUT, NO_TIMEOUT};
    use crate::error::{Error, Result};

    /// A timeout given in seconds: it must be a positive number; `inf` means no limit
    /// ([`NO_TIMEOUT`]); NaN, zero, negative values and finite values above [`MAX_TIMEOUT`]
    /// (one year) are refused.
    ///
    /// ```
    /// use agents_sdk::options::{validate, NO_TIMEOUT};
    /// assert_eq!(validate::timeout_secs("timeout", 1.5).unwrap().as_millis(), 1500);
    /// assert_eq!(validate::timeout_secs("timeout", f64::INFINITY).unwrap(), NO_TIMEOUT);
    /// assert!(validate::timeout_secs("timeout", f64::NAN).is_err());
    /// assert!(validate::timeout_secs("timeout", -1.0).is_err());
    /// assert!(validate::timeout_secs("timeout", 0.0).is_err());
    /// assert!(validate::timeout_secs("timeout", 1e300).is_err());
    /// ```
    pub fn timeout_secs(name: &str, secs: f64) -> Result<Duration> {
        timeout_in(name, secs, Unit::Seconds)
    }

    /// A timeout given in milliseconds (Node): the rules of [`timeout_secs`], with the
    /// messages in milliseconds.
    ///
    /// ```
    /// use agents_sdk::options::{validate, NO_TIMEOUT};
    /// assert_eq!(validate::timeout_millis("timeout", 1500.0).unwrap().as_millis(), 1500);
    /// assert_eq!(validate::timeout_millis("timeout", f64::INFINITY).unwrap(), NO_TIMEOUT);
    /// let e = validate::timeout_millis("timeout", -1500.0).unwrap_err().to_string();
    /// assert!(e.contains("got -1500.0"), "{e}");
    /// ```
    pub fn timeout_millis(name: &str, millis: f64) -> Result<Duration> {
        timeout_in(name, millis, Unit::Millis)
    }

    /// The unit a binding states its timeouts in.
    #[derive(Clone, Copy)]
    enum Unit {
        Seconds,
        Millis,
    }

    fn timeout_in(name: &str, value: f64, unit: Unit) -> Result<Duration> {
        let (unit_name, per_sec, infinity) = match unit {
            Unit::Seconds => ("seconds", 1.0, "infinity"),
            Unit::Millis => ("milliseconds", 1000.0, "Infinity"),
        };
        if value.is_nan() {
            return Err(Error::InvalidArgument(format!(
                "{name} must be a number of {unit_name}, got NaN"
            )));
        }
        if value == f64::INFINITY {
            return Ok(NO_TIMEOUT);
        }
        if value <= 0.0 {
            return Err(Error::InvalidArgument(format!(
                "{name} must be positive, got {value:?}"
            )));
        }
        match Duration::try_from_secs_f64(value / per_sec) {
            Ok(d) if d <= MAX_TIMEOUT => Ok(d),
            _ => Err(Error::InvalidArgument(format!(
                "{name} must be at most {} {unit_name} (one year), got {value:?}; use {infinity} for no limit",
                MAX_TIMEOUT.as_secs_f64() * per_sec
            ))),
        }
    }

    /// A retry count: an integer from 0 to [`MAX_RETRIES_LIMIT`].
    pub fn retries(name: &str, value: i64) -> Result<u32> {
        u32::try_from(value)
            .ok()
            .filter(|v| *v <= MAX_RETRIES_LIMIT)
            .ok_or_else(|| {
                Error::InvalidArgument(format!(
                    "{name} must be an integer from 0 to {MAX_RETRIES_LIMIT}, got {value}"
                ))
            })
    }

    /// A size limit in bytes: an integer from 1 to [`MAX_SIZE_LIMIT`] (4 GiB).
    pub fn size(name: &str, value: i64) -> Result<usize> {
        u64::try_from(value)
            .ok()
            .filter(|v| (1..=MAX_SIZE_LIMIT).contains(v))
            .and_then(|v| usize::try_from(v).ok())
            .ok_or_else(|| {
                Error::InvalidArgument(format!(
                    "{name} must be an integer from 1 to {MAX_SIZE_LIMIT} bytes, got {value}"
                ))
            })
    }

    /// A page cap: an integer of at least 1.
    pub fn max_pages(name: &str, value: i64) -> Result<u32> {
        u32::try_from(value)
            .ok()
            .filter(|v| *v >= 1)
            .ok_or_else(|| {
                Error::InvalidArgument(format!(
                    "{name} must be an integer from 1 to {}, got {value}",
                    u32::MAX
                ))
            })
    }

    /// A header name and value as given by a caller: refused unless both are valid HTTP.
    pub fn header(name: &str, value: &str) -> Result<()> {
        http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::InvalidArgument(format!("invalid header name {name:?}")))?;
        // the message's framing and the connection are the HTTP layer's: a caller's
        // `Content-Length: 99` on a GET made the server wait for 99 body bytes (each attempt
        // then timed out), a `Connection: upgrade` could turn the connection into another one
        if super::FRAMING_HEADERS
            .iter()
            .any(|f| name.eq_ignore_ascii_case(f))
        {
            return Err(Error::InvalidArgument(format!(
                "the {name} header cannot be given: the HTTP layer sets it from the request"
            )));
        }
        http::HeaderValue::from_str(value).map_err(|_| {
            Error::InvalidArgument(format!(
                "invalid value for header {name:?} (control characters or non-ASCII bytes)"
            ))
        })?;
        Ok(())
    }
}

/// Headers that frame the message or manage the connection, which only the HTTP layer sets.
const FRAMING_HEADERS: [&str; 8] = [
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "te",
    "trailer",
    "upgrade",
    "proxy-connection",
];

/// `now + d`, saturating far in the future instead of overflowing (a timeout of
/// [`NO_TIMEOUT`] gives a deadline that never comes).
pub(crate) fn deadline_after(now: std::time::Instant, d: Duration) -> std::time::Instant {
    const FAR: Duration = Duration::from_secs(100 * 365 * 24 * 3600);
    now.checked_add(d)
        .or_else(|| now.checked_add(FAR))
        .unwrap_or(now)
}

/// Options of one call; every field left `None` falls back to the client's setting.
///
/// ```
/// use std::time::Duration;
/// use agents_sdk::RequestOptions;
/// let opts = RequestOptions::new()
///     .timeout(Duration::from_secs(5))
///     .max_retries(0)
///     .header("X-Trace", "abc")
///     .idempotency_key("order-42");
/// # let _ = opts;
/// ```
#[derive(Clone, Default)]
pub struct RequestOptions {
    /// Total deadline of the call, retries included (for a stream: until the response headers).
    pub timeout: Option<Duration>,
    /// Retries after the first attempt.
    pub max_retries: Option<u32>,
    /// Extra headers, sent after (and so overriding) the client's own.
    pub extra_headers: Vec<(String, String)>,
    /// Extra query parameters appended to the URL.
    pub extra_query: Vec<(String, String)>,
    /// The `Idempotency-Key` of a POST; one is generated when absent.
    pub idempotency_key: Option<String>,
    /// Where to record the answer's metadata (status, request id, rate limit, headers).
    pub capture: Option<ResponseCapture>,
    /// Resolves when the caller gives up; the call then fails with [`crate::Error::Cancelled`].
    pub cancel: Option<CancelToken>,
    /// Largest body accepted for a non-streaming answer (default: the client's, 32 MiB); a
    /// larger one fails with [`crate::Error::ResponseTooLarge`] without being read whole.
    pub max_response_bytes: Option<usize>,
    /// Page cap of an auto-paginating list call (default: the client's, else
    /// [`DEFAULT_MAX_PAGES`]); see [`crate::Paginator::max_pages`].
    pub max_pages: Option<u32>,
    /// Time this call's stream (SSE or WebSocket session) may go without an event (a message)
    /// before it fails with a `StreamIdle` timeout (default: the client's, 120 s); keep-alive
    /// comments and pings do not count.
    pub stream_idle_timeout: Option<Duration>,
    /// For a binding that decodes answers into its own objects: the successful answer of a
    /// platform call made through [`crate::dispatch`] reaches the sink undecoded
    /// ([`Sink::accept_raw`](crate::dispatch::Sink::accept_raw)) instead of as the typed value.
    #[doc(hidden)]
    pub raw_answer: bool,
}

impl fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .extra_headers
            .iter()
            .map(|(k, v)| {
                let shown = if crate::redact::is_sensitive_header(k) {
                    "[REDACTED]"
                } else {
                    v.as_str()
                };
                (k.as_str(), shown)
            })
            .collect();
        f.debug_struct("RequestOptions")
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .field("extra_headers", &headers)
            .field("extra_query", &self.extra_query)
            .field("idempotency_key", &self.idempotency_key)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("max_pages", &self.max_pages)
            .field("stream_idle_timeout", &self.stream_idle_timeout)
            .finish_non_exhaustive()
    }
}

impl RequestOptions {
    /// Options with nothing overridden.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the total deadline of the call.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sets the number of retries.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// Adds an extra header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra_headers.push((name.into(), value.into()));
        self
    }

    /// Adds an extra query parameter.
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra_query.push((name.into(), value.into()));
        self
    }

    /// Sets the idempotency key of a POST.
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }

    /// Sets the largest body accepted for this call's (non-streaming) answer.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = Some(bytes);
        self
    }

    /// Sets the page cap of an auto-paginating list call.
    pub fn max_pages(mut self, pages: u32) -> Self {
        self.max_pages = Some(pages);
        self
    }

    /// Sets how long this call's stream may go without an event before it fails.
    pub fn stream_idle_timeout(mut self, timeout: Duration) -> Self {
        self.stream_idle_timeout = Some(timeout);
        self
    }

    /// Records the answer's metadata into `capture`.
    pub fn capture(mut self, capture: &ResponseCapture) -> Self {
        self.capture = Some(capture.clone());
        self
    }

    /// Cancels the call when `token` is cancelled.
    pub fn cancel_token(mut self, token: &CancelToken) -> Self {
        self.cancel = Some(token.clone());
        self
    }

    /// Hands the successful answer of a dispatched platform call to its sink undecoded (see
    /// [`crate::dispatch::Sink::accept_raw`]).
    #[doc(hidden)]
    pub fn raw_answer(mut self, raw: bool) -> Self {
        self.raw_answer = raw;
        self
    }
}

/// Metadata of an answer: status, request id, rate limit and headers (sensitive ones removed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResponseMeta {
    /// HTTP status.
    pub status: u16,
    /// `meta.requestId` of a platform envelope, else the `X-Request-Id` header.
    pub request_id: Option<String>,
    /// The rate-limit headers.
    pub rate_limit: Option<RateLimit>,
    /// Response headers, lower-case names, sensitive values removed.
    pub headers: Vec<(String, String)>,
    /// Number of attempts the call took (1 when not retried).
    pub attempts: u32,
}

impl ResponseMeta {
    /// A header value by (case-insensitive) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A value with the metadata of the answer that carried it.
#[derive(Debug, Clone, PartialEq)]
pub struct WithResponse<T> {
    /// The decoded value.
    pub data: T,
    /// The answer's metadata.
    pub meta: ResponseMeta,
}

/// A slot that receives the [`ResponseMeta`] of the calls made with it
/// (see [`RequestOptions::capture`]). Cheap to clone; clones share the slot.
///
/// ```
/// use agents_sdk::{RequestOptions, ResponseCapture};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let sandbox = agents_sandbox::Sandbox::start().await?;
/// # let client = agents_sdk::platform::Client::builder()
/// #     .api_key(sandbox.api_key())
/// #     .base_url(sandbox.platform_url())
/// #     .build()?;
/// let capture = ResponseCapture::new();
/// let agents = client
///     .agents()
///     .with_options(RequestOptions::new().capture(&capture))
///     .list(Default::default())
///     .await?;
/// let meta = capture.get().expect("recorded");
/// println!(
///     "{} agents: status {}, request {:?}, {:?} requests left",
///     agents.agents.len(),
///     meta.status,
///     meta.request_id,
///     meta.rate_limit.map(|r| r.remaining),
/// );
/// # assert_eq!(meta.status, 200);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Default)]
pub struct ResponseCapture(Arc<Mutex<Option<ResponseMeta>>>);

impl ResponseCapture {
    /// An empty slot.
    pub fn new() -> Self {
        Self::default()
    }

    /// The metadata of the last answer recorded, if any.
    pub fn get(&self) -> Option<ResponseMeta> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(crate) fn set(&self, meta: &ResponseMeta) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(meta.clone());
    }
}

/// Cancels calls and streams from another task or thread (used by the bindings for
/// `AbortSignal` and Ctrl-C). Cheap to clone; clones share the state.
///
/// A call whose [`RequestOptions::cancel_token`] is cancelled ends at once with
/// [`Error::Cancelled`](crate::Error::Cancelled), closing its connection.
///
/// ```
/// use std::time::Duration;
///
/// use agents_sdk::{CancelToken, Error, RequestOptions};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let sandbox = agents_sandbox::Sandbox::start().await?;
/// # let client = agents_sdk::platform::Client::builder()
/// #     .api_key(sandbox.api_key())
/// #     .base_url(sandbox.platform_url())
/// #     .build()?;
/// let token = CancelToken::new();
/// let options = RequestOptions::new()
///     .header("X-Sandbox-Fault", "latency=5000") // a server that takes 5 s
///     .cancel_token(&token);
///
/// let canceller = token.clone();
/// tokio::spawn(async move {
///     tokio::time::sleep(Duration::from_millis(50)).await;
///     canceller.cancel();
/// });
/// let err = client.agents().with_options(options).list(Default::default()).await.unwrap_err();
/// assert!(matches!(err, Error::Cancelled));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<CancelInner>);

#[derive(Debug, Default)]
struct CancelInner {
    cancelled: std::sync::atomic::AtomicBool,
    notify: tokio::sync::Notify,
}

impl CancelToken {
    /// A token that is not cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels every call using this token.
    pub fn cancel(&self) {
        self.0
            .cancelled
            .store(true, std::sync::atomic::Ordering::SeqCst);
        self.0.notify.notify_waiters();
    }

    /// Whether [`CancelToken::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Resolves once the token is cancelled.
    pub async fn cancelled(&self) {
        loop {
            let notified = self.0.notify.notified();
            if self.is_cancelled() {
                return;
            }
            notified.await;
        }
    }
}
