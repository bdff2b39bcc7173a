//! Pieces shared by both sandbox services: request ids, timestamps, webhook signing and delivery,
//! fault injection, rate limiting and the `/__sandbox/*` admin routes.
//!
//! Fault injection follows `docs/wire-decisions.md`: a per-request `X-Sandbox-Fault` header
//! (`latency=<ms>;status=<code>;count=<n>;id=<token>;retry_after=<s>;cut_after=<n>;stall_after=<n>;malformed=1`)
//! merged with a sandbox-wide plan set through `POST /__sandbox/faults`.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::Poll;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use bytes::{Bytes, BytesMut};
use futures::{Stream, StreamExt};
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

/// Name of the per-request fault header.
const FAULT_HEADER: &str = "x-sandbox-fault";
/// Backoff between webhook delivery attempts (after the first try).
const WEBHOOK_BACKOFF_MS: [u64; 3] = [200, 400, 800];
/// Events ready at the same time are merged into body chunks of about this size.
const COALESCE_BYTES: usize = 64 * 1024;

/// A new request id: `req_` followed by 16 lowercase hex digits, unique in this process and
/// unpredictable across runs (a random start mixed by a bijection, so no syscall per id).
pub fn request_id() -> String {
    static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let seed = *SEED.get_or_init(|| uuid::Uuid::new_v4().as_u64_pair().0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    // splitmix64's finalizer: a bijection on u64, so distinct counters give distinct ids
    let mut z = seed.wrapping_add(n.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    format!("req_{z:016x}")
}

/// The current time as RFC 3339 in UTC with seconds and a `Z` suffix.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A `200`-style JSON answer serialized straight into its body (no intermediate `Value`).
pub fn json_response<T: serde::Serialize + ?Sized>(status: StatusCode, body: &T) -> Response {
    let mut buf = Vec::with_capacity(1024);
    match serde_json::to_writer(&mut buf, body) {
        Ok(()) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            buf,
        )
            .into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot encode the answer: {e}"),
        )
            .into_response(),
    }
}

/// Lowercase hex HMAC-SHA256 of `body` keyed with `secret`.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret)
        .unwrap_or_else(|_| <Hmac<Sha256> as KeyInit>::new_from_slice(&[]).expect("hmac key"));
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Everything one service shares between its handlers and the admin routes.
#[derive(Clone, Debug)]
pub struct Shared {
    pub faults: Faults,
    pub webhooks: WebhookHub,
    pub limiter: RateLimiter,
}

impl Shared {
    /// A fresh set of shared state; `enforce_rate_limits` turns 429 answers on.
    pub fn new(enforce_rate_limits: bool) -> Self {
        let limiter = RateLimiter::default();
        limiter.set_enforce(enforce_rate_limits);
        Shared {
            faults: Faults::default(),
            webhooks: WebhookHub::new(),
            limiter,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Faults
// ---------------------------------------------------------------------------------------------

/// The faults to apply to one request.
#[derive(Clone, Debug, Default)]
pub struct FaultPlan {
    pub latency_ms: Option<u64>,
    pub status: Option<u16>,
    pub retry_after: u64,
    pub cut_after: Option<usize>,
    pub stall_after: Option<usize>,
    pub malformed: bool,
}

impl FaultPlan {
    fn is_empty(&self) -> bool {
        self.latency_ms.is_none()
            && self.status.is_none()
            && self.cut_after.is_none()
            && self.stall_after.is_none()
            && !self.malformed
    }
}

/// A parsed fault specification (from the header or from the admin route).
#[derive(Clone, Debug, Default)]
struct FaultSpec {
    plan: FaultPlan,
    retry_after: Option<u64>,
    count: Option<u64>,
    id: Option<String>,
}

impl FaultSpec {
    fn parse_header(value: &str) -> FaultSpec {
        let mut spec = FaultSpec::default();
        for part in value.split([';', ',']) {
            let Some((key, val)) = part.split_once('=') else {
                continue;
            };
            let (key, val) = (key.trim().to_ascii_lowercase(), val.trim());
            match key.as_str() {
                "latency" | "latency_ms" => spec.plan.latency_ms = val.parse().ok(),
                "status" => spec.plan.status = val.parse().ok().filter(|s| (100..600).contains(s)),
                "count" => spec.count = val.parse().ok(),
                "id" => spec.id = Some(val.to_string()),
                "retry_after" => spec.retry_after = val.parse().ok(),
                "cut_after" => spec.plan.cut_after = val.parse().ok(),
                "stall_after" => spec.plan.stall_after = val.parse().ok(),
                "malformed" => spec.plan.malformed = matches!(val, "1" | "true" | "yes"),
                _ => {}
            }
        }
        if spec.id.is_none() {
            spec.id = Some(value.trim().to_string());
        }
        spec
    }

    fn from_json(value: &Value) -> Result<FaultSpec, String> {
        let obj = value
            .as_object()
            .ok_or_else(|| "expected a JSON object".to_string())?;
        let mut spec = FaultSpec::default();
        let uint = |key: &str| -> Result<Option<u64>, String> {
            match obj.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => v
                    .as_u64()
                    .map(Some)
                    .ok_or_else(|| format!("`{key}` must be a non-negative integer")),
            }
        };
        for key in obj.keys() {
            if !matches!(
                key.as_str(),
                "latency"
                    | "latency_ms"
                    | "status"
                    | "count"
                    | "id"
                    | "retry_after"
                    | "cut_after"
                    | "stall_after"
                    | "malformed"
            ) {
                return Err(format!("unknown fault key `{key}`"));
            }
        }
        spec.plan.latency_ms = match uint("latency")? {
            Some(v) => Some(v),
            None => uint("latency_ms")?,
        };
        spec.plan.status = match uint("status")? {
            Some(s) if (100..600).contains(&s) => Some(s as u16),
            Some(_) => return Err("`status` must be an HTTP status code".into()),
            None => None,
        };
        spec.count = uint("count")?;
        spec.retry_after = uint("retry_after")?;
        spec.plan.cut_after = uint("cut_after")?.map(|v| v as usize);
        spec.plan.stall_after = uint("stall_after")?.map(|v| v as usize);
        spec.plan.malformed = match obj.get("malformed") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::Number(n)) => n.as_u64() == Some(1),
            Some(_) => return Err("`malformed` must be a boolean".into()),
        };
        spec.id = obj.get("id").and_then(Value::as_str).map(str::to_string);
        Ok(spec)
    }
}

#[derive(Debug)]
struct GlobalFault {
    spec: FaultSpec,
    /// Requests this plan still applies to (`None`: until cleared).
    remaining: Option<u64>,
}

#[derive(Debug, Default)]
struct FaultState {
    global: Option<GlobalFault>,
    /// Requests seen so far per header `id` (for `count`).
    seen: HashMap<String, u64>,
}

/// Fault injection state of one service.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    inner: Arc<Mutex<FaultState>>,
}

impl Faults {
    /// The plan for one request: the `X-Sandbox-Fault` header merged with the sandbox-wide plan
    /// (header keys win). Consumes one unit of `count` where it applies.
    pub fn plan_for(&self, headers: &http::HeaderMap) -> FaultPlan {
        let header = headers
            .get(FAULT_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(FaultSpec::parse_header);
        let mut state = lock(&self.inner);
        let mut plan = FaultPlan::default();
        let mut retry_after = None;
        if let Some(spec) = header {
            plan = spec.plan.clone();
            retry_after = spec.retry_after;
            if let (Some(count), Some(_)) = (spec.count, plan.status) {
                let id = spec.id.clone().unwrap_or_default();
                let seen = state.seen.entry(id).or_insert(0);
                *seen += 1;
                if *seen > count {
                    plan.status = None;
                }
            }
        }
        let mut expired = false;
        if let Some(global) = state.global.as_mut() {
            let g = &global.spec.plan;
            plan.latency_ms = plan.latency_ms.or(g.latency_ms);
            plan.status = plan.status.or(g.status);
            plan.cut_after = plan.cut_after.or(g.cut_after);
            plan.stall_after = plan.stall_after.or(g.stall_after);
            plan.malformed = plan.malformed || g.malformed;
            retry_after = retry_after.or(global.spec.retry_after);
            if let Some(remaining) = global.remaining.as_mut() {
                *remaining = remaining.saturating_sub(1);
                expired = *remaining == 0;
            }
        }
        if expired {
            state.global = None;
        }
        plan.retry_after = retry_after.unwrap_or(1);
        plan
    }

    fn set_global(&self, spec: FaultSpec) {
        let remaining = spec.count;
        let mut state = lock(&self.inner);
        state.global = if remaining == Some(0) || spec.plan.is_empty() {
            None
        } else {
            Some(GlobalFault { spec, remaining })
        };
    }

    fn clear(&self) {
        let mut state = lock(&self.inner);
        state.global = None;
        state.seen.clear();
    }
}

/// Renders an error in a service's own error format.
///
/// The fault layer calls it with the canonical code for the status: 400 `VALIDATION_ERROR`,
/// 401 `UNAUTHORIZED`, 403 `FORBIDDEN`, 404 `NOT_FOUND`, 409 `CONFLICT`, 413
/// `PAYLOAD_TOO_LARGE`, 429 `RATE_LIMIT_EXCEEDED`, 500 `INTERNAL_ERROR`, 503
/// `SERVICE_UNAVAILABLE`, anything else `ERROR`. A renderer may rewrite a code for its service
/// (the ops service names 400 `INVALID_REQUEST`).
pub type ErrorRenderer = fn(
    status: axum::http::StatusCode,
    code: &str,
    message: &str,
    details: serde_json::Value,
) -> axum::response::Response;

fn canonical_code(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "VALIDATION_ERROR",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        409 => "CONFLICT",
        413 => "PAYLOAD_TOO_LARGE",
        429 => "RATE_LIMIT_EXCEEDED",
        500 => "INTERNAL_ERROR",
        503 => "SERVICE_UNAVAILABLE",
        _ => "ERROR",
    }
}

#[derive(Clone)]
struct LayerState {
    faults: Faults,
    render: ErrorRenderer,
}

/// Wraps a service router with fault injection and `X-Request-Id`.
///
/// Requests under `/__sandbox/` are never faulted. Handlers read the plan with
/// `axum::Extension<FaultPlan>`.
pub fn fault_layer(router: axum::Router, shared: &Shared, render: ErrorRenderer) -> axum::Router {
    let state = LayerState {
        faults: shared.faults.clone(),
        render,
    };
    router.layer(axum::middleware::from_fn_with_state(
        state,
        fault_middleware,
    ))
}

async fn fault_middleware(
    State(state): State<LayerState>,
    mut req: Request,
    next: Next,
) -> Response {
    if req.uri().path().starts_with("/__sandbox") {
        let mut resp = next.run(req).await;
        ensure_request_id(&mut resp);
        return resp;
    }
    let plan = state.faults.plan_for(req.headers());
    if let Some(ms) = plan.latency_ms {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    if let Some(code) = plan.status {
        let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let details = json!({ "injected": true, "retryAfter": plan.retry_after });
        let mut resp = (state.render)(
            status,
            canonical_code(status),
            "Injected fault (X-Sandbox-Fault)",
            details,
        );
        if matches!(code, 429 | 503) {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(plan.retry_after));
        }
        ensure_request_id(&mut resp);
        return resp;
    }
    let malformed = plan.malformed;
    req.extensions_mut().insert(plan);
    let mut resp = next.run(req).await;
    if malformed {
        let (mut parts, _) = resp.into_parts();
        parts.status = StatusCode::OK;
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        resp = Response::from_parts(parts, Body::from(r#"{"data": {"trunc"#));
    }
    ensure_request_id(&mut resp);
    resp
}

fn ensure_request_id(resp: &mut Response) {
    if !resp.headers().contains_key("x-request-id")
        && let Ok(v) = HeaderValue::from_str(&request_id())
    {
        resp.headers_mut().insert("x-request-id", v);
    }
}

/// Applies `cut_after` / `stall_after` to a stream of SSE events (one complete event per item)
/// and merges items that are ready at the same time into body chunks of about 64 KiB.
pub fn stream_with_faults<S>(
    plan: &FaultPlan,
    events: S,
) -> impl Stream<Item = Result<Bytes, Infallible>> + Send + 'static
where
    S: Stream<Item = Bytes> + Send + 'static,
{
    let cut = plan.cut_after;
    let stall = plan.stall_after;
    let limit = match (cut, stall) {
        (Some(c), Some(s)) => Some(c.min(s)),
        (c, s) => c.or(s),
    };
    let stall_at_end = match (cut, stall) {
        (Some(c), Some(s)) => s < c,
        (None, Some(_)) => true,
        _ => false,
    };
    let limited: std::pin::Pin<Box<dyn Stream<Item = Bytes> + Send>> = match limit {
        Some(n) => Box::pin(events.take(n)),
        None => Box::pin(events),
    };
    let tail: std::pin::Pin<Box<dyn Stream<Item = Bytes> + Send>> = if stall_at_end {
        Box::pin(futures::stream::pending())
    } else {
        Box::pin(futures::stream::empty())
    };
    let mut inner = limited.chain(tail);
    let mut finished = false;
    futures::stream::poll_fn(move |cx| {
        if finished {
            return Poll::Ready(None);
        }
        let mut first: Option<Bytes> = None;
        let mut more: Option<BytesMut> = None;
        loop {
            let size =
                more.as_ref().map_or(0, BytesMut::len) + first.as_ref().map_or(0, Bytes::len);
            if size >= COALESCE_BYTES {
                break;
            }
            match inner.poll_next_unpin(cx) {
                Poll::Ready(Some(item)) => match (&mut first, &mut more) {
                    (None, _) => first = Some(item),
                    (Some(f), None) => {
                        let mut buf = BytesMut::with_capacity((f.len() + item.len()).max(4096));
                        buf.extend_from_slice(f);
                        buf.extend_from_slice(&item);
                        more = Some(buf);
                    }
                    (Some(_), Some(buf)) => buf.extend_from_slice(&item),
                },
                Poll::Ready(None) => {
                    finished = true;
                    break;
                }
                Poll::Pending => break,
            }
        }
        match (more, first) {
            (Some(buf), _) => Poll::Ready(Some(Ok(buf.freeze()))),
            (None, Some(bytes)) => Poll::Ready(Some(Ok(bytes))),
            (None, None) if finished => Poll::Ready(None),
            (None, None) => Poll::Pending,
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Admin routes
// ---------------------------------------------------------------------------------------------

fn admin_error(message: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        axum::Json(
            json!({ "error": { "code": "INVALID_REQUEST", "message": message, "details": {} } }),
        ),
    )
        .into_response()
}

fn parse_admin_body(body: &Bytes) -> Result<Value, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    serde_json::from_slice(body).map_err(|e| format!("malformed JSON: {e}"))
}

/// `/__sandbox/faults` (POST, DELETE), `/__sandbox/health` (GET) and `/__sandbox/config`
/// (GET, POST). Merge it into the service router.
pub fn admin_router(shared: &Shared) -> axum::Router {
    let faults_post = {
        let faults = shared.faults.clone();
        move |body: Bytes| async move {
            let value = match parse_admin_body(&body) {
                Ok(v) => v,
                Err(msg) => return admin_error(&msg),
            };
            match FaultSpec::from_json(&value) {
                Ok(spec) => {
                    faults.set_global(spec);
                    axum::Json(json!({ "ok": true })).into_response()
                }
                Err(msg) => admin_error(&msg),
            }
        }
    };
    let faults_delete = {
        let faults = shared.faults.clone();
        move || async move {
            faults.clear();
            axum::Json(json!({ "ok": true }))
        }
    };
    let config_get = {
        let limiter = shared.limiter.clone();
        move || async move { axum::Json(json!({ "enforce_rate_limits": limiter.enforced() })) }
    };
    let config_post = {
        let limiter = shared.limiter.clone();
        move |body: Bytes| async move {
            let value = match parse_admin_body(&body) {
                Ok(v) => v,
                Err(msg) => return admin_error(&msg),
            };
            let Some(obj) = value.as_object() else {
                return admin_error("expected a JSON object");
            };
            match obj.get("enforce_rate_limits") {
                None => {}
                Some(Value::Bool(on)) => limiter.set_enforce(*on),
                Some(_) => return admin_error("`enforce_rate_limits` must be a boolean"),
            }
            axum::Json(json!({ "enforce_rate_limits": limiter.enforced() })).into_response()
        }
    };
    Router::new()
        .route("/__sandbox/faults", post(faults_post).delete(faults_delete))
        .route(
            "/__sandbox/health",
            get(|| async { axum::Json(json!({ "ok": true })) }),
        )
        .route("/__sandbox/config", get(config_get).post(config_post))
}

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Registration {
    owner: String,
    url: String,
    events: Vec<String>,
    secret: String,
}

/// Webhook registrations of one service and their delivery.
#[derive(Clone, Debug)]
pub struct WebhookHub {
    registrations: Arc<Mutex<Vec<Registration>>>,
    client: Arc<Mutex<Option<reqwest::Client>>>,
}

impl Default for WebhookHub {
    fn default() -> Self {
        Self::new()
    }
}

impl WebhookHub {
    fn new() -> Self {
        WebhookHub {
            registrations: Arc::default(),
            client: Arc::default(),
        }
    }

    /// Registers a webhook for `owner`; answers its id (`wh_...`).
    pub fn register(
        &self,
        owner: &str,
        url: String,
        events: Vec<String>,
        secret: String,
    ) -> String {
        let id = format!("wh_{}", &uuid::Uuid::new_v4().simple().to_string()[..16]);
        lock(&self.registrations).push(Registration {
            owner: owner.to_string(),
            url,
            events,
            secret,
        });
        id
    }

    fn client(&self) -> Option<reqwest::Client> {
        let mut slot = lock(&self.client);
        if slot.is_none() {
            install_crypto_provider();
            *slot = reqwest::Client::builder()
                .timeout(Duration::from_secs(5))
                .no_proxy()
                .build()
                .ok();
        }
        slot.clone()
    }

    /// Delivers `event` to every registration of `owner` subscribed to it, in the background
    /// (signed; retried up to 3 more times with 200/400/800 ms backoff).
    pub fn emit(&self, owner: &str, event: &str, data: serde_json::Value) {
        let targets: Vec<Registration> = lock(&self.registrations)
            .iter()
            .filter(|r| r.owner == owner && r.events.iter().any(|e| e == event))
            .cloned()
            .collect();
        if targets.is_empty() {
            return;
        }
        let Ok(handle) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let Some(client) = self.client() else {
            return;
        };
        let body = Bytes::from(
            json!({ "event": event, "timestamp": now_rfc3339(), "data": data }).to_string(),
        );
        for target in targets {
            let delivery_id = format!("whd_{}", &uuid::Uuid::new_v4().simple().to_string()[..16]);
            let signature = sign(target.secret.as_bytes(), &body);
            let client = client.clone();
            let body = body.clone();
            let event = event.to_string();
            handle.spawn(async move {
                for attempt in 0..=WEBHOOK_BACKOFF_MS.len() {
                    if attempt > 0 {
                        tokio::time::sleep(Duration::from_millis(WEBHOOK_BACKOFF_MS[attempt - 1]))
                            .await;
                    }
                    let result = client
                        .post(&target.url)
                        .header(header::CONTENT_TYPE, "application/json")
                        .header("X-Webhook-Signature", &signature)
                        .header("X-Webhook-Event", &event)
                        .header("X-Webhook-Id", &delivery_id)
                        .body(body.clone())
                        .send()
                        .await;
                    if matches!(&result, Ok(resp) if resp.status().is_success()) {
                        return;
                    }
                }
            });
        }
    }
}

fn install_crypto_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

// ---------------------------------------------------------------------------------------------
// Rate limiting
// ---------------------------------------------------------------------------------------------

#[derive(Debug)]
struct Window {
    start: u64,
    used: u64,
}

/// Fixed-window request counters per key (windows aligned to multiples of their length).
#[derive(Clone, Debug, Default)]
pub struct RateLimiter {
    windows: Arc<Mutex<HashMap<String, Window>>>,
    enforce: Arc<AtomicBool>,
}

/// The outcome of one [`RateLimiter::check`].
#[derive(Clone, Debug)]
pub struct RateDecision {
    pub limit: u64,
    pub remaining: u64,
    pub reset_unix: u64,
    pub allowed: bool,
}

impl RateLimiter {
    /// Counts one request for `key`; `allowed` is false only when enforcing and over `limit`.
    pub fn check(&self, key: &str, limit: u64, window: Duration) -> RateDecision {
        let len = window.as_secs().max(1);
        let now = unix_now();
        let start = now - now % len;
        let mut windows = lock(&self.windows);
        if !windows.contains_key(key) {
            windows.insert(key.to_string(), Window { start, used: 0 });
        }
        let w = windows.get_mut(key).expect("inserted above");
        if w.start != start {
            *w = Window { start, used: 0 };
        }
        w.used = w.used.saturating_add(1);
        RateDecision {
            limit,
            remaining: limit.saturating_sub(w.used),
            reset_unix: start + len,
            allowed: !self.enforced() || w.used <= limit,
        }
    }

    /// Turns 429 enforcement on or off (headers are computed either way).
    pub fn set_enforce(&self, on: bool) {
        self.enforce.store(on, Ordering::SeqCst);
    }

    /// Whether 429 enforcement is on.
    pub fn enforced(&self) -> bool {
        self.enforce.load(Ordering::SeqCst)
    }
}

/// Writes `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`.
pub fn rate_limit_headers(d: &RateDecision, headers: &mut http::HeaderMap) {
    headers.insert("x-ratelimit-limit", HeaderValue::from(d.limit));
    headers.insert("x-ratelimit-remaining", HeaderValue::from(d.remaining));
    headers.insert("x-ratelimit-reset", HeaderValue::from(d.reset_unix));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_well_formed_and_unique() {
        let a = request_id();
        let b = request_id();
        assert_eq!(a.len(), 20);
        assert!(a.starts_with("req_"));
        assert!(
            a[4..]
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_ne!(a, b);
    }

    #[test]
    fn timestamp_shape() {
        let t = now_rfc3339();
        assert_eq!(t.len(), 20, "{t}");
        assert!(t.ends_with('Z'));
        assert!(chrono::DateTime::parse_from_rfc3339(&t).is_ok());
    }

    #[test]
    fn sign_matches_rfc4231_case_2() {
        assert_eq!(
            sign(b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    fn headers(v: &str) -> http::HeaderMap {
        let mut h = http::HeaderMap::new();
        h.insert(FAULT_HEADER, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn header_count_limits_failures_per_id() {
        let f = Faults::default();
        let h = headers("status=503;count=2;id=a;retry_after=3");
        let p = f.plan_for(&h);
        assert_eq!(p.status, Some(503));
        assert_eq!(p.retry_after, 3);
        assert_eq!(f.plan_for(&h).status, Some(503));
        assert_eq!(f.plan_for(&h).status, None);
        let other = headers("status=503;count=1;id=b");
        assert_eq!(f.plan_for(&other).status, Some(503));
        assert_eq!(f.plan_for(&http::HeaderMap::new()).status, None);
    }

    #[test]
    fn global_plan_runs_out() {
        let f = Faults::default();
        f.set_global(FaultSpec::from_json(&json!({"status": 500, "count": 2})).unwrap());
        let none = http::HeaderMap::new();
        assert_eq!(f.plan_for(&none).status, Some(500));
        assert_eq!(f.plan_for(&none).status, Some(500));
        assert_eq!(f.plan_for(&none).status, None);
        assert!(FaultSpec::from_json(&json!({"bogus": 1})).is_err());
        assert!(FaultSpec::from_json(&json!({"status": "x"})).is_err());
    }

    #[test]
    fn limiter_saturates_and_enforces() {
        let l = RateLimiter::default();
        let w = Duration::from_secs(3600);
        assert!(l.check("k", 1, w).allowed);
        let d = l.check("k", 1, w);
        assert!(d.allowed, "not enforced yet");
        assert_eq!(d.remaining, 0);
        l.set_enforce(true);
        let d = l.check("k", 1, w);
        assert!(!d.allowed);
        assert_eq!(d.remaining, 0);
        assert_eq!(d.reset_unix % 3600, 0);
        assert!(l.check("other", 1, w).allowed);
    }

    #[tokio::test]
    async fn stream_cut_and_stall() {
        let events = || futures::stream::iter((0..5).map(|i| Bytes::from(format!("e{i}\n"))));
        let plan = FaultPlan {
            cut_after: Some(2),
            ..FaultPlan::default()
        };
        let out: Vec<_> = stream_with_faults(&plan, events()).collect().await;
        let all: Vec<u8> = out.into_iter().flat_map(|b| b.unwrap().to_vec()).collect();
        assert_eq!(all, b"e0\ne1\n");

        let plan = FaultPlan {
            stall_after: Some(3),
            ..FaultPlan::default()
        };
        let mut s = Box::pin(stream_with_faults(&plan, events()));
        let first = s.next().await.unwrap().unwrap();
        assert_eq!(&first[..], b"e0\ne1\ne2\n");
        let stalled = tokio::time::timeout(Duration::from_millis(100), s.next()).await;
        assert!(stalled.is_err(), "stream should pend forever");
    }
}
