//! Pieces shared by both sandbox services: request ids, timestamps, webhook signing and delivery,
//! fault injection, rate limiting, the body size limit, `Idempotency-Key` handling and the
//! `/__sandbox/*` admin routes.
//!
//! Fault injection follows `docs/wire-decisions.md`: a per-request `X-Sandbox-Fault` header
//! (`latency=<ms>;status=<code>;count=<n>;id=<token>;retry_after=<s>;cut_after=<n>;stall_after=<n>;malformed=1`),
//! honoured only on authenticated requests, merged with a sandbox-wide plan set through
//! `POST /__sandbox/faults`.
//!
//! One file per concern, re-exported here: `response` (request ids, timestamps, JSON answers,
//! the error renderer), `faults`, `body_limit`, `admin` (the `/__sandbox/*` routes), `webhooks`,
//! `rate_limit` and `idempotency`.

mod admin;
mod body_limit;
mod bounded;
mod closing;
mod faults;
pub mod idempotency;
mod rate_limit;
mod response;
mod webhooks;

use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

pub use admin::admin_router;
pub use body_limit::body_limit_layer;
pub(crate) use body_limit::{BodyError, payload_too_large, read_body, unreadable_body};
pub use closing::{Closing, closing_layer};
pub(crate) use faults::FaultSpec;
pub use faults::{FaultPlan, Faults, fault_layer, stream_with_faults};
pub use idempotency::{IdempotencyStore, idempotency_layer, idempotency_route_layer};
pub use rate_limit::{RateDecision, RateLimiter, rate_limit_headers};
pub use response::{ErrorRenderer, json_response, now_rfc3339, request_id};
pub use webhooks::{WebhookHub, sign};

/// Largest request body of both services (and of the admin routes): 1 MiB.
pub const MAX_BODY_BYTES: usize = 1 << 20;
/// Rate-limit windows kept per service (least recently used forgotten first).
pub const MAX_RATE_WINDOWS: usize = 10_000;
/// Fault `id`s whose `count` is tracked per service (least recently used forgotten first).
pub const MAX_FAULT_IDS: usize = 4_096;

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

/// Whether a request's `Content-Type` says JSON (`application/json`, or a `+json` type, any
/// parameters, any case): both references list it among the required headers of a request
/// with a body, so a body sent under another type (or none) is refused with 415 rather than
/// read as JSON anyway, as a client that forgot the header would meet in production.
pub(crate) fn is_json_content_type(headers: &http::HeaderMap) -> bool {
    headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|essence| essence.trim().to_ascii_lowercase())
        .is_some_and(|essence| essence == "application/json" || essence.ends_with("+json"))
}
