//! Caller arguments: client settings and per-request options (`{ timeout, maxRetries,
//! streamIdleTimeout, maxResponseBytes, maxPages, headers, idempotencyKey, signal, query }`),
//! checked at the constructor or call that received them with the core's rules
//! (`agents_sdk::options::validate`), plus the cancel handle behind `AbortSignal`.
//!
//! The TypeScript layer checks the JavaScript types first (a string where a number belongs is a
//! `TypeError` there); numbers arrive here as `f64` so that no value is wrapped or truncated on
//! the way in. A refused value is a `RangeError` (a timeout that is NaN, zero, negative or over
//! a year, a non-integer count, ...), an invalid header a `TypeError`. `Infinity` as a timeout
//! means no limit.

use std::collections::HashMap;
use std::time::Duration;

use agents_sdk::options::validate;
use agents_sdk::{CancelToken, ClientSettings, RequestOptions, ResponseCapture, ResponseMeta};
use napi_derive::napi;

use crate::error::{as_type_error, range_error, to_napi, type_error};

/// Per-request options as normalized by the TypeScript layer (`signal` travels separately as
/// a [`CancelHandle`]).
#[napi(object)]
#[derive(Debug, Default)]
pub struct CallOptions {
    /// Total deadline of the call in milliseconds, retries included (`Infinity`: none).
    pub timeout: Option<f64>,
    /// Retries after the first attempt (an integer from 0 to 100).
    pub max_retries: Option<f64>,
    /// Milliseconds a stream may deliver no byte before it fails (`Infinity`: no limit).
    pub stream_idle_timeout: Option<f64>,
    /// Largest accepted answer body in bytes (an integer from 1 to 4 GiB).
    pub max_response_bytes: Option<f64>,
    /// Page cap of a paginated list (an integer of at least 1).
    pub max_pages: Option<f64>,
    /// Extra headers, overriding the client's.
    pub headers: Option<HashMap<String, String>>,
    /// Extra query parameters.
    pub query: Option<HashMap<String, String>>,
    /// The `Idempotency-Key` of a POST.
    pub idempotency_key: Option<String>,
    /// Answer `{"data", "response"}` (the response's metadata) instead of the data alone.
    pub with_response: Option<bool>,
}

/// A cancellation switch shared with the core's [`CancelToken`]; the TypeScript layer calls
/// `cancel()` when the caller's `AbortSignal` fires.
#[napi]
#[derive(Debug, Default)]
pub struct CancelHandle {
    pub(crate) token: CancelToken,
}

#[napi]
impl CancelHandle {
    /// A handle that is not cancelled.
    #[napi(constructor, catch_unwind)]
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels every call and stream started with this handle.
    #[napi(catch_unwind)]
    pub fn cancel(&self) {
        self.token.cancel();
    }

    /// Whether `cancel()` was called.
    #[napi(getter, catch_unwind)]
    pub fn cancelled(&self) -> bool {
        self.token.is_cancelled()
    }
}

/// A timeout in milliseconds: positive, at most a year, `Infinity` for no limit.
pub(crate) fn timeout_ms(name: &str, ms: f64) -> napi::Result<Duration> {
    validate::timeout_millis(name, ms).map_err(to_napi)
}

/// `v` as an integer, or a `RangeError` worded like the core's range message (`expected`
/// says which integers are accepted). Integers beyond ±2^53 read as the bound of their sign,
/// which the core's range checks refuse.
fn integer(name: &str, v: f64, expected: &str) -> napi::Result<i64> {
    /// 2^53: every integer up to it is exact as an `f64`.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if !v.is_finite() || v.fract() != 0.0 {
        return Err(range_error(format!(
            "{name} must be an integer {expected}, got {v}"
        )));
    }
    if v >= EXACT {
        return Ok(i64::MAX);
    }
    if v <= -EXACT {
        return Ok(i64::MIN);
    }
    // exact, not truncating: `v` is an integer of magnitude below 2^53
    #[allow(clippy::cast_possible_truncation)]
    let exact = v as i64;
    Ok(exact)
}

/// A retry count: an integer from 0 to 100.
pub(crate) fn retries(name: &str, v: f64) -> napi::Result<u32> {
    validate::retries(name, integer(name, v, "from 0 to 100")?).map_err(to_napi)
}

/// A size limit in bytes: an integer from 1 to 4 GiB.
pub(crate) fn size(name: &str, v: f64) -> napi::Result<usize> {
    validate::size(name, integer(name, v, "from 1 to 4294967296 bytes")?).map_err(to_napi)
}

/// A page cap: an integer of at least 1.
pub(crate) fn max_pages(name: &str, v: f64) -> napi::Result<u32> {
    validate::max_pages(name, integer(name, v, "from 1 to 4294967295")?).map_err(to_napi)
}

/// A TCP port: an integer from 0 (any free port) to 65535.
pub(crate) fn port(name: &str, v: f64) -> napi::Result<u16> {
    let n = integer(name, v, "from 0 to 65535")?;
    u16::try_from(n).map_err(|_| {
        range_error(format!(
            "{name} must be an integer from 0 to 65535, got {v}"
        ))
    })
}

/// Caller headers as pairs; an invalid name or value is a `TypeError` (as with fetch's
/// `Headers`).
fn headers(map: Option<HashMap<String, String>>) -> napi::Result<Vec<(String, String)>> {
    let pairs: Vec<(String, String)> = map.into_iter().flatten().collect();
    for (k, v) in &pairs {
        validate::header(k, v).map_err(as_type_error)?;
    }
    Ok(pairs)
}

/// The core's options for a call, checked.
pub(crate) fn request_options(
    opts: Option<CallOptions>,
    cancel: Option<&CancelHandle>,
) -> napi::Result<RequestOptions> {
    let mut out = RequestOptions::new();
    if let Some(o) = opts {
        if let Some(ms) = o.timeout {
            out = out.timeout(timeout_ms("timeout", ms)?);
        }
        if let Some(n) = o.max_retries {
            out = out.max_retries(retries("maxRetries", n)?);
        }
        if let Some(ms) = o.stream_idle_timeout {
            out = out.stream_idle_timeout(timeout_ms("streamIdleTimeout", ms)?);
        }
        if let Some(n) = o.max_response_bytes {
            out = out.max_response_bytes(size("maxResponseBytes", n)?);
        }
        if let Some(n) = o.max_pages {
            out = out.max_pages(max_pages("maxPages", n)?);
        }
        for (k, v) in headers(o.headers)? {
            out = out.header(k, v);
        }
        for (k, v) in o.query.into_iter().flatten() {
            out = out.query(k, v);
        }
        if let Some(key) = o.idempotency_key {
            validate::header("Idempotency-Key", &key).map_err(as_type_error)?;
            out = out.idempotency_key(key);
        }
    }
    if let Some(c) = cancel {
        out = out.cancel_token(&c.token);
    }
    Ok(out)
}

/// The response metadata of `meta` for JavaScript (`ts/core.ts` `APIResponse`).
pub(crate) fn meta_json(meta: &ResponseMeta) -> serde_json::Value {
    let headers: serde_json::Map<String, serde_json::Value> = meta
        .headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), serde_json::Value::String(v.clone())))
        .collect();
    serde_json::json!({
        "status": meta.status,
        "headers": headers,
        "requestId": meta.request_id,
        "rateLimit": meta.rate_limit.as_ref().map(|r| serde_json::json!({
            "limit": r.limit,
            "remaining": r.remaining,
            "reset": r.reset,
        })),
        "attempts": meta.attempts,
    })
}

/// [`request_options`] plus, when the caller asked `withResponse`, a capture of the
/// response's metadata (recorded into the options).
pub(crate) fn request_options_meta(
    opts: Option<CallOptions>,
    cancel: Option<&CancelHandle>,
) -> napi::Result<(RequestOptions, Option<ResponseCapture>)> {
    let wanted = opts.as_ref().and_then(|o| o.with_response).unwrap_or(false);
    let mut out = request_options(opts, cancel)?;
    let capture = wanted.then(ResponseCapture::new);
    if let Some(c) = &capture {
        out = out.capture(c);
    }
    Ok((out, capture))
}

/// Checks per-request options without making a call (a paginated list checks its options when
/// it is created, before its first page is asked for).
#[napi(catch_unwind)]
pub fn check_call_options(opts: Option<CallOptions>) -> napi::Result<()> {
    request_options(opts, None).map(|_| ())
}

/// Client-wide settings as normalized by the TypeScript layer.
#[napi(object)]
#[derive(Debug, Default)]
pub struct ClientConfig {
    /// API key (platform) or API key / JWT (ops).
    pub api_key: Option<String>,
    /// Base URL.
    pub base_url: Option<String>,
    /// Total deadline of a non-streaming call in milliseconds (`Infinity`: none).
    pub timeout: Option<f64>,
    /// Retries after the first attempt (an integer from 0 to 100).
    pub max_retries: Option<f64>,
    /// Milliseconds a stream may deliver no byte before it fails (`Infinity`: no limit).
    pub stream_idle_timeout: Option<f64>,
    /// Milliseconds to establish a connection (TCP and TLS; `Infinity`: no limit).
    pub connect_timeout: Option<f64>,
    /// Milliseconds to wait for an answer's status and headers (`Infinity`: no limit).
    pub response_header_timeout: Option<f64>,
    /// Largest accepted answer body in bytes (an integer from 1 to 4 GiB).
    pub max_response_bytes: Option<f64>,
    /// Largest accepted stream event in bytes (an integer from 1 to 4 GiB).
    pub max_event_size: Option<f64>,
    /// Default page cap of the client's paginated lists (an integer of at least 1).
    pub max_pages: Option<f64>,
    /// Headers sent with every request.
    pub default_headers: Option<HashMap<String, String>>,
    /// The JavaScript runtime for the `User-Agent` (`node 22.1.0`), set by the TypeScript layer.
    pub runtime: Option<String>,
    /// Proxy URL (`http://` or `https://`) for every request and the ops WebSocket; without
    /// it `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` are honoured.
    pub proxy: Option<String>,
    /// Path of a PEM file of extra trusted CA certificates.
    pub ca_bundle: Option<String>,
}

/// The transport settings of a client from its JavaScript config (milliseconds), shared by the
/// platform and the ops clients; every value checked.
pub(crate) fn client_settings(config: &ClientConfig) -> napi::Result<ClientSettings> {
    // the core's events go to the `logger` option (`crate::logging`, level from `logLevel` or
    // `CJHIRASHI_LOG`); the core's own stderr output would print the same records again
    agents_sdk::logging::set_env_logging(false);
    if let Some(key) = &config.api_key {
        validate::header("Authorization", key)
            .map_err(|_| type_error("apiKey must be a valid HTTP header value (no control characters or non-ASCII characters)"))?;
    }
    let mut s = ClientSettings::default();
    s.user_agent = Some(agents_sdk::user_agent(
        "node",
        config.runtime.as_deref().unwrap_or("node"),
    ));
    s.base_url = config.base_url.clone();
    s.timeout = config
        .timeout
        .map(|ms| timeout_ms("timeout", ms))
        .transpose()?;
    s.max_retries = config
        .max_retries
        .map(|n| retries("maxRetries", n))
        .transpose()?;
    s.stream_idle_timeout = config
        .stream_idle_timeout
        .map(|ms| timeout_ms("streamIdleTimeout", ms))
        .transpose()?;
    s.connect_timeout = config
        .connect_timeout
        .map(|ms| timeout_ms("connectTimeout", ms))
        .transpose()?;
    s.response_header_timeout = config
        .response_header_timeout
        .map(|ms| timeout_ms("responseHeaderTimeout", ms))
        .transpose()?;
    s.max_response_bytes = config
        .max_response_bytes
        .map(|n| size("maxResponseBytes", n))
        .transpose()?;
    s.max_event_size = config
        .max_event_size
        .map(|n| size("maxEventSize", n))
        .transpose()?;
    s.max_pages = config
        .max_pages
        .map(|n| max_pages("maxPages", n))
        .transpose()?;
    s.headers = headers(config.default_headers.clone())?;
    // checked here so that a bad value is a TypeError, as other malformed settings
    if let Some(url) = &config.proxy {
        validate::proxy_url(url).map_err(as_type_error)?;
        s.proxy = Some(url.clone());
    }
    if let Some(path) = &config.ca_bundle {
        let bundle = agents_sdk::CaBundle::File(path.into());
        validate::ca_bundle(&bundle).map_err(as_type_error)?;
        s.ca_bundle = Some(bundle);
    }
    Ok(s)
}
