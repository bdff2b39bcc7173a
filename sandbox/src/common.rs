//! Pieces shared by both sandbox services: request ids, timestamps, webhook signing and delivery,
//! fault injection, rate limiting, the body size limit, `Idempotency-Key` handling and the
//! `/__sandbox/*` admin routes.
//!
//! Fault injection follows `docs/wire-decisions.md`: a per-request `X-Sandbox-Fault` header
//! (`latency=<ms>;status=<code>;count=<n>;id=<token>;retry_after=<s>;cut_after=<n>;stall_after=<n>;malformed=1`),
//! honoured only on authenticated requests, merged with a sandbox-wide plan set through
//! `POST /__sandbox/faults`.

mod bounded;
pub mod idempotency;

use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::Poll;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use bytes::{Bytes, BytesMut};
use futures::{Stream, StreamExt};
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use bounded::LruMap;
pub use idempotency::{IdempotencyStore, idempotency_layer, idempotency_route_layer};

/// Largest request body of both services (and of the admin routes): 1 MiB.
pub const MAX_BODY_BYTES: usize = 1 << 20;
/// Rate-limit windows kept per service (least recently used forgotten first).
pub const MAX_RATE_WINDOWS: usize = 10_000;
/// Fault `id`s whose `count` is tracked per service (least recently used forgotten first).
pub const MAX_FAULT_IDS: usize = 4_096;

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
    /// The sandbox-wide fault plan and the per-`id` counters of `X-Sandbox-Fault`.
    pub faults: Faults,
    /// Webhook registrations (`POST /api/webhooks`) and their signed delivery.
    pub webhooks: WebhookHub,
    /// Request counters behind the `X-RateLimit-*` headers and 429 answers.
    pub limiter: RateLimiter,
    /// Answers remembered per `Idempotency-Key`, replayed for 24 hours.
    pub idempotency: IdempotencyStore,
}

/// The authenticated credential of a request, inserted by a service's authentication before the
/// fault layer: `X-Sandbox-Fault` is honoured only with it, and idempotency keys are scoped by it
/// (the platform user id; the ops API key or JWT subject).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credential(pub String);

impl Shared {
    /// A fresh set of shared state; `enforce_rate_limits` turns 429 answers on.
    pub fn new(enforce_rate_limits: bool) -> Self {
        let limiter = RateLimiter::default();
        limiter.set_enforce(enforce_rate_limits);
        Shared {
            faults: Faults::default(),
            webhooks: WebhookHub::new(),
            limiter,
            idempotency: IdempotencyStore::default(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Faults
// ---------------------------------------------------------------------------------------------

/// The faults to apply to one request.
#[derive(Clone, Debug, Default)]
pub struct FaultPlan {
    /// `latency`: milliseconds to wait before answering.
    pub latency_ms: Option<u64>,
    /// `status`: answer with this error status in the service's error format.
    pub status: Option<u16>,
    /// `retry_after`: the `Retry-After` seconds of a 429 or 503 (default 1).
    pub retry_after: u64,
    /// `cut_after`: a stream closes its connection after this many events, without `done`.
    pub cut_after: Option<usize>,
    /// `stall_after`: a stream sends this many events, then nothing, keeping the connection.
    pub stall_after: Option<usize>,
    /// `malformed`: answer 200 with a body that is not valid JSON.
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

/// A parsed fault specification (from the header, the admin route or the command line).
#[derive(Clone, Debug, Default)]
pub(crate) struct FaultSpec {
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

    /// The header's `key=value;…` syntax, checked like the admin route's JSON (an unknown key
    /// or a bad value is an error instead of being ignored): for the command line and
    /// [`crate::SandboxBuilder::fault`].
    pub(crate) fn parse_strict(value: &str) -> Result<FaultSpec, String> {
        let mut obj = serde_json::Map::new();
        for part in value.split([';', ',']) {
            if part.trim().is_empty() {
                continue;
            }
            let Some((key, val)) = part.split_once('=') else {
                return Err(format!("`{}` is not a key=value pair", part.trim()));
            };
            let (key, val) = (key.trim().to_ascii_lowercase(), val.trim());
            let parsed = match key.as_str() {
                "id" => Value::String(val.to_string()),
                "malformed" => match val {
                    "1" | "true" | "yes" => Value::Bool(true),
                    "0" | "false" | "no" => Value::Bool(false),
                    _ => return Err(format!("`malformed` must be 1 or 0, not `{val}`")),
                },
                _ => match val.parse::<u64>() {
                    Ok(n) => Value::from(n),
                    Err(_) => {
                        return Err(format!(
                            "`{key}` must be a non-negative integer, not `{val}`"
                        ));
                    }
                },
            };
            obj.insert(key, parsed);
        }
        FaultSpec::from_json(&Value::Object(obj))
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

#[derive(Debug)]
struct FaultState {
    global: Option<GlobalFault>,
    /// Requests seen so far per header `id` (SHA-256 of it), for `count`; bounded.
    seen: LruMap<[u8; 32], u64>,
}

impl Default for FaultState {
    fn default() -> Self {
        FaultState {
            global: None,
            seen: LruMap::new(MAX_FAULT_IDS),
        }
    }
}

/// Fault injection state of one service.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    inner: Arc<Mutex<FaultState>>,
}

impl Faults {
    /// The plan for one request: the `X-Sandbox-Fault` header (only when `honour_header`, i.e.
    /// the request is authenticated) merged with the sandbox-wide plan (header keys win).
    /// Consumes one unit of `count` where it applies.
    pub fn plan_for(&self, headers: &http::HeaderMap, honour_header: bool) -> FaultPlan {
        let header = headers
            .get(FAULT_HEADER)
            .filter(|_| honour_header)
            .and_then(|v| v.to_str().ok())
            .map(FaultSpec::parse_header);
        let mut state = lock(&self.inner);
        let mut plan = FaultPlan::default();
        let mut retry_after = None;
        if let Some(spec) = header {
            plan = spec.plan.clone();
            retry_after = spec.retry_after;
            if let (Some(count), Some(_)) = (spec.count, plan.status) {
                let id: [u8; 32] = Sha256::digest(spec.id.as_deref().unwrap_or("")).into();
                let seen = state.seen.get_or_insert_with(id, || 0);
                *seen = seen.saturating_add(1);
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

    pub(crate) fn set_global(&self, spec: FaultSpec) {
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

    /// How many fault ids are tracked (for tests).
    #[doc(hidden)]
    pub fn tracked_ids(&self) -> usize {
        lock(&self.inner).seen.len()
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
    let authenticated = req.extensions().get::<Credential>().is_some();
    let plan = state.faults.plan_for(req.headers(), authenticated);
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
// Body size limit
// ---------------------------------------------------------------------------------------------

/// Why a request body could not be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BodyError {
    /// Over the limit (reading stopped there).
    TooLarge,
    /// The connection failed or the framing was broken.
    Unreadable,
}

/// Reads a body into memory, stopping with [`BodyError::TooLarge`] as soon as it exceeds `limit`.
pub(crate) async fn read_body(body: Body, limit: usize) -> Result<Bytes, BodyError> {
    if body.size_hint().exact().is_some_and(|n| n > limit as u64) {
        return Err(BodyError::TooLarge);
    }
    let mut stream = body.into_data_stream();
    let mut first: Option<Bytes> = None;
    let mut more: Option<BytesMut> = None;
    let mut len = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| BodyError::Unreadable)?;
        len = len.saturating_add(chunk.len());
        if len > limit {
            return Err(BodyError::TooLarge);
        }
        match (&mut first, &mut more) {
            (None, _) => first = Some(chunk),
            (Some(f), None) => {
                let mut buf = BytesMut::with_capacity(f.len() + chunk.len());
                buf.extend_from_slice(f);
                buf.extend_from_slice(&chunk);
                more = Some(buf);
            }
            (Some(_), Some(buf)) => buf.extend_from_slice(&chunk),
        }
    }
    Ok(match (more, first) {
        (Some(buf), _) => buf.freeze(),
        (None, Some(bytes)) => bytes,
        (None, None) => Bytes::new(),
    })
}

/// `413 PAYLOAD_TOO_LARGE` in a service's format.
pub(crate) fn payload_too_large(render: ErrorRenderer) -> Response {
    render(
        StatusCode::PAYLOAD_TOO_LARGE,
        "PAYLOAD_TOO_LARGE",
        "Request body exceeds 1 MiB",
        json!({ "limit": MAX_BODY_BYTES }),
    )
}

/// `400` for a body that could not be read, in a service's format.
pub(crate) fn unreadable_body(render: ErrorRenderer) -> Response {
    render(
        StatusCode::BAD_REQUEST,
        "VALIDATION_ERROR",
        "The request body could not be read",
        json!({ "field": "body" }),
    )
}

fn content_length(headers: &http::HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Refuses bodies over [`MAX_BODY_BYTES`] with `413 PAYLOAD_TOO_LARGE` (drawn by `render`): a
/// `Content-Length` over the limit at once, without reading the body; a body without a length
/// (chunked) as soon as the bytes read pass the limit. Bodies within the limit are read here, so
/// the handlers behind it get them whole.
pub fn body_limit_layer(router: axum::Router, render: ErrorRenderer) -> axum::Router {
    router.layer(axum::middleware::from_fn_with_state(
        render,
        body_limit_middleware,
    ))
}

async fn body_limit_middleware(
    State(render): State<ErrorRenderer>,
    req: Request,
    next: Next,
) -> Response {
    if content_length(req.headers()).is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return payload_too_large(render);
    }
    if req.body().size_hint().exact() == Some(0) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    match read_body(body, MAX_BODY_BYTES).await {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(BodyError::TooLarge) => payload_too_large(render),
        Err(BodyError::Unreadable) => unreadable_body(render),
    }
}

// ---------------------------------------------------------------------------------------------
// Admin routes
// ---------------------------------------------------------------------------------------------

fn admin_answer(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        axum::Json(json!({ "error": { "code": code, "message": message, "details": {} } })),
    )
        .into_response()
}

fn admin_error(message: &str) -> Response {
    admin_answer(StatusCode::BAD_REQUEST, "INVALID_REQUEST", message)
}

/// Whether `host` (a `Host` header value) names the loopback interface.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().map(|h| format!("[{h}]")),
        None => host.split(':').next().map(str::to_owned),
    };
    name.is_some_and(|n| {
        let n = n.to_ascii_lowercase();
        n == "localhost"
            || n == "[::1]"
            || n.parse::<std::net::Ipv4Addr>()
                .is_ok_and(|ip| ip.is_loopback())
    })
}

/// Whether a request to the admin routes comes from a page of another origin: an `Origin` that is
/// not `http://<Host>` (with `Host` a loopback name, so a DNS-rebound name is foreign too), or a
/// browser's `Sec-Fetch-Site` other than `same-origin` / `none`.
fn cross_site(headers: &http::HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        let site = site.to_str().unwrap_or("");
        if !site.eq_ignore_ascii_case("same-origin") && !site.eq_ignore_ascii_case("none") {
            return true;
        }
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::trim)
        .filter(|h| is_loopback_host(h));
    match (origin.to_str(), host) {
        (Ok(origin), Some(host)) => !origin
            .trim()
            .strip_prefix("http://")
            .is_some_and(|o| o.eq_ignore_ascii_case(host)),
        _ => true,
    }
}

fn has_body(req: &Request) -> bool {
    matches!(
        *req.method(),
        http::Method::POST | http::Method::PUT | http::Method::PATCH
    ) || req.headers().contains_key(header::TRANSFER_ENCODING)
        || content_length(req.headers()).is_some_and(|n| n > 0)
}

fn is_json(headers: &http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|ct| ct.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

/// Keeps other web pages away from the admin routes: a cross-site request is `403 FORBIDDEN`,
/// and a `POST`/`PUT`/`PATCH` (or any request with a body) without
/// `Content-Type: application/json` is `415 UNSUPPORTED_MEDIA_TYPE` (the content types a page
/// may send without a CORS preflight are all refused that way).
async fn admin_guard(req: Request, next: Next) -> Response {
    if cross_site(req.headers()) {
        return admin_answer(
            StatusCode::FORBIDDEN,
            "FORBIDDEN",
            "Cross-origin requests to the sandbox control routes are refused",
        );
    }
    if has_body(&req) && !is_json(req.headers()) {
        return admin_answer(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "The sandbox control routes accept only Content-Type: application/json",
        );
    }
    next.run(req).await
}

fn parse_admin_body(body: &Bytes) -> Result<Value, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    serde_json::from_slice(body).map_err(|e| format!("malformed JSON: {e}"))
}

/// `/__sandbox/faults` (POST, DELETE), `/__sandbox/health` (GET) and `/__sandbox/config`
/// (GET, POST), behind a guard against cross-site requests (see `admin_guard`). Merge it into the
/// service router.
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
        .route_layer(axum::middleware::from_fn(admin_guard))
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

/// Fixed-window request counters per key (windows aligned to multiples of their length), at most
/// [`MAX_RATE_WINDOWS`] keys (the least recently used key is forgotten first).
#[derive(Clone, Debug)]
pub struct RateLimiter {
    windows: Arc<Mutex<LruMap<String, Window>>>,
    enforce: Arc<AtomicBool>,
}

impl Default for RateLimiter {
    fn default() -> Self {
        RateLimiter {
            windows: Arc::new(Mutex::new(LruMap::new(MAX_RATE_WINDOWS))),
            enforce: Arc::default(),
        }
    }
}

/// The outcome of one [`RateLimiter::check`].
#[derive(Clone, Debug)]
pub struct RateDecision {
    /// Requests allowed per window (`X-RateLimit-Limit`).
    pub limit: u64,
    /// Requests left in the current window (`X-RateLimit-Remaining`).
    pub remaining: u64,
    /// When the current window ends, in unix seconds (`X-RateLimit-Reset`).
    pub reset_unix: u64,
    /// False only when enforcement is on and the key is over its limit (answer 429).
    pub allowed: bool,
}

impl RateLimiter {
    /// Counts one request for `key`; `allowed` is false only when enforcing and over `limit`.
    pub fn check(&self, key: &str, limit: u64, window: Duration) -> RateDecision {
        let len = window.as_secs().max(1);
        let now = unix_now();
        let start = now - now % len;
        let mut windows = lock(&self.windows);
        let w = windows.get_or_insert_with(key.to_string(), || Window { start, used: 0 });
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

    /// How many keys have a window (for tests).
    #[doc(hidden)]
    pub fn tracked_keys(&self) -> usize {
        lock(&self.windows).len()
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
        let p = f.plan_for(&h, true);
        assert_eq!(p.status, Some(503));
        assert_eq!(p.retry_after, 3);
        assert_eq!(f.plan_for(&h, true).status, Some(503));
        assert_eq!(f.plan_for(&h, true).status, None);
        let other = headers("status=503;count=1;id=b");
        assert_eq!(f.plan_for(&other, true).status, Some(503));
        assert_eq!(f.plan_for(&http::HeaderMap::new(), true).status, None);
    }

    #[test]
    fn the_header_counts_only_when_honoured() {
        let f = Faults::default();
        let h = headers("status=503;count=1;id=x");
        assert_eq!(f.plan_for(&h, false).status, None);
        assert_eq!(f.tracked_ids(), 0, "an ignored header leaves no trace");
        assert_eq!(f.plan_for(&h, true).status, Some(503));
        assert_eq!(f.tracked_ids(), 1);
    }

    #[test]
    fn fault_ids_are_bounded() {
        let f = Faults::default();
        for i in 0..20_000 {
            f.plan_for(&headers(&format!("status=503;count=1;id=flood-{i}")), true);
        }
        assert_eq!(f.tracked_ids(), MAX_FAULT_IDS);
    }

    #[test]
    fn limiter_windows_are_bounded() {
        let l = RateLimiter::default();
        let w = Duration::from_secs(60);
        for i in 0..20_000 {
            l.check(&format!("bogus-{i}"), 10, w);
        }
        assert_eq!(l.tracked_keys(), MAX_RATE_WINDOWS);
        // A key in use survives the flood (least recently used goes first).
        l.check("kept", 10, w);
        for i in 0..(MAX_RATE_WINDOWS - 1) {
            l.check(&format!("again-{i}"), 10, w);
        }
        assert_eq!(l.check("kept", 10, w).remaining, 8);
    }

    #[test]
    fn loopback_hosts_and_cross_site_requests() {
        for host in [
            "127.0.0.1:3000",
            "localhost:8000",
            "LOCALHOST",
            "[::1]:80",
            "127.0.0.2",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "10.0.0.1:80",
            "[::2]:80",
            "127.0.0.1.evil.example",
            "",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
        let h = |pairs: &[(&'static str, &'static str)]| {
            let mut m = http::HeaderMap::new();
            for (k, v) in pairs {
                m.insert(*k, HeaderValue::from_static(v));
            }
            m
        };
        assert!(!cross_site(&h(&[("host", "127.0.0.1:3000")])));
        assert!(!cross_site(&h(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000")
        ])));
        assert!(cross_site(&h(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3001")
        ])));
        assert!(cross_site(&h(&[("origin", "http://127.0.0.1:3000")])));
        assert!(cross_site(&h(&[("sec-fetch-site", "cross-site")])));
        assert!(!cross_site(&h(&[("sec-fetch-site", "none")])));
    }

    #[tokio::test]
    async fn read_body_stops_at_the_limit() {
        let ok = read_body(Body::from("abc"), 3).await;
        assert_eq!(ok.as_deref(), Ok(&b"abc"[..]));
        assert_eq!(
            read_body(Body::from("abcd"), 3).await,
            Err(BodyError::TooLarge)
        );
        let chunks = futures::stream::iter(
            (0..10).map(|_| Ok::<_, Infallible>(Bytes::from_static(b"0123456789"))),
        );
        assert_eq!(
            read_body(Body::from_stream(chunks), 25).await,
            Err(BodyError::TooLarge)
        );
        let chunks = futures::stream::iter(
            (0..3).map(|_| Ok::<_, Infallible>(Bytes::from_static(b"0123456789"))),
        );
        assert_eq!(
            read_body(Body::from_stream(chunks), 30)
                .await
                .map(|b| b.len()),
            Ok(30)
        );
    }

    #[test]
    fn global_plan_runs_out() {
        let f = Faults::default();
        f.set_global(FaultSpec::from_json(&json!({"status": 500, "count": 2})).unwrap());
        let none = http::HeaderMap::new();
        assert_eq!(f.plan_for(&none, true).status, Some(500));
        assert_eq!(f.plan_for(&none, true).status, Some(500));
        assert_eq!(f.plan_for(&none, true).status, None);
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
