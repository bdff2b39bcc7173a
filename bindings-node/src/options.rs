//! Per-request options (`{ timeout, maxRetries, headers, idempotencyKey, signal, query }`) and
//! the cancel handle behind `AbortSignal`.

use std::collections::HashMap;
use std::time::Duration;

use agents_sdk::{CancelToken, RequestOptions};
use napi_derive::napi;

/// Per-request options as normalized by the TypeScript layer (`signal` travels separately as
/// a [`CancelHandle`]).
#[napi(object)]
#[derive(Debug, Default)]
pub struct CallOptions {
    /// Total deadline of the call in milliseconds, retries included.
    pub timeout: Option<f64>,
    /// Retries after the first attempt.
    pub max_retries: Option<u32>,
    /// Extra headers, overriding the client's.
    pub headers: Option<HashMap<String, String>>,
    /// Extra query parameters.
    pub query: Option<HashMap<String, String>>,
    /// The `Idempotency-Key` of a POST.
    pub idempotency_key: Option<String>,
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
    #[napi(constructor)]
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels every call and stream started with this handle.
    #[napi]
    pub fn cancel(&self) {
        self.token.cancel();
    }

    /// Whether `cancel()` was called.
    #[napi(getter)]
    pub fn cancelled(&self) -> bool {
        self.token.is_cancelled()
    }
}

/// The core's options for a call.
pub(crate) fn request_options(
    opts: Option<CallOptions>,
    cancel: Option<&CancelHandle>,
) -> napi::Result<RequestOptions> {
    let mut out = RequestOptions::new();
    if let Some(o) = opts {
        if let Some(ms) = o.timeout {
            out = out.timeout(millis(ms)?);
        }
        if let Some(n) = o.max_retries {
            out = out.max_retries(n);
        }
        for (k, v) in o.headers.into_iter().flatten() {
            out = out.header(k, v);
        }
        for (k, v) in o.query.into_iter().flatten() {
            out = out.query(k, v);
        }
        if let Some(key) = o.idempotency_key {
            out = out.idempotency_key(key);
        }
    }
    if let Some(c) = cancel {
        out = out.cancel_token(&c.token);
    }
    Ok(out)
}

/// Client-wide settings as normalized by the TypeScript layer.
#[napi(object)]
#[derive(Debug, Default)]
pub struct ClientConfig {
    /// API key (platform) or API key / JWT (ops).
    pub api_key: Option<String>,
    /// Base URL.
    pub base_url: Option<String>,
    /// Total deadline of a non-streaming call in milliseconds.
    pub timeout: Option<f64>,
    /// Retries after the first attempt.
    pub max_retries: Option<u32>,
    /// Headers sent with every request.
    pub default_headers: Option<HashMap<String, String>>,
}

pub(crate) fn millis(ms: f64) -> napi::Result<Duration> {
    if ms.is_finite() && ms >= 0.0 {
        Ok(Duration::from_secs_f64(ms / 1000.0))
    } else {
        Err(crate::error::invalid(
            "timeout must be a non-negative number of milliseconds",
        ))
    }
}

/// The transport settings of a client from its JavaScript config (milliseconds), shared by the
/// platform and the ops clients.
pub(crate) fn client_settings(config: &ClientConfig) -> napi::Result<agents_sdk::ClientSettings> {
    let mut s = agents_sdk::ClientSettings::default();
    s.base_url = config.base_url.clone();
    s.timeout = config.timeout.map(millis).transpose()?;
    s.max_retries = config.max_retries;
    s.headers = config
        .default_headers
        .iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(s)
}
