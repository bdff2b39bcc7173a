//! Fault injection (`docs/wire-decisions.md`): the per-request `X-Sandbox-Fault` header and the
//! sandbox-wide plan ([`Faults`]), the layer that applies them ([`fault_layer`]) and the stream
//! cut/stall of [`stream_with_faults`].

use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::task::Poll;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use bytes::{Bytes, BytesMut};
use futures::{Stream, StreamExt};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::bounded::LruMap;
use super::{Credential, ErrorRenderer, MAX_FAULT_IDS, Shared, lock, request_id};

/// Name of the per-request fault header.
const FAULT_HEADER: &str = "x-sandbox-fault";

/// Events ready at the same time are merged into body chunks of about this size.
const COALESCE_BYTES: usize = 64 * 1024;

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

    pub(super) fn from_json(value: &Value) -> Result<FaultSpec, String> {
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

    pub(super) fn clear(&self) {
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
    let user_agent = req.headers().get(header::USER_AGENT).cloned();
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
        echo_user_agent(&mut resp, user_agent);
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
    echo_user_agent(&mut resp, user_agent);
    resp
}

/// `X-Sandbox-User-Agent`: the request's `User-Agent`, so a test (the scenario suite's
/// `user_agent.*`) can check what its client sends. Absent when the request had none.
fn echo_user_agent(resp: &mut Response, user_agent: Option<HeaderValue>) {
    if let Some(v) = user_agent {
        resp.headers_mut().insert("x-sandbox-user-agent", v);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
