//! The platform service (`/api`, the `{data, meta}` envelope, API keys, SSE).
//!
//! Each resource module (`auth`, `users`, `agents`, `conversations`, `health`, `finance`,
//! `webhooks`) holds its handlers and registers their routes in its own `routes()`;
//! [`router`] merges those and adds the service-wide parts: contract validation, the
//! `openapi.json` route, the 404 and 405 fallbacks, body limits, idempotency, the method guard,
//! the admin routes, fault injection, authentication and rate limits. Adding an operation to an
//! existing resource therefore only touches that resource's module.

mod agents;
mod assistant;
mod auth;
mod conversations;
mod finance;
mod health;
pub(crate) mod store;
mod users;
mod webhooks;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value, json};

use crate::common::{self, Shared};
use store::{Caller, Store};

/// Largest accepted request body.
pub const BODY_LIMIT: usize = common::MAX_BODY_BYTES;

/// Configuration of the platform service.
#[derive(Clone, Debug)]
pub struct PlatformConfig {
    /// API key of the demo user `usr_abc123`.
    pub api_key: String,
    /// API key of the admin user.
    pub admin_api_key: String,
    /// Faults, webhooks, rate limits and idempotency of this service.
    pub shared: Shared,
}

#[derive(Clone, Debug)]
pub(crate) struct AppState {
    store: Arc<Mutex<Store>>,
    shared: Shared,
}

impl AppState {
    fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn emit(&self, owner: &str, event: &str, data: Value) {
        self.shared.webhooks.emit(owner, event, data);
    }
}

/// The complete platform router (routes under `/api`, admin routes, fault layer, rate limits).
pub fn router(config: PlatformConfig) -> axum::Router {
    let store = Store::seeded(Utc::now(), &config.api_key, &config.admin_api_key);
    let state = AppState {
        store: Arc::new(Mutex::new(store)),
        shared: config.shared.clone(),
    };
    let api = Router::new()
        .merge(auth::routes())
        .merge(users::routes())
        .merge(agents::routes())
        .merge(conversations::routes())
        .merge(health::routes())
        .merge(finance::routes())
        .merge(webhooks::routes())
        // Every route above is checked against the committed OpenAPI document first.
        .route_layer(axum::middleware::from_fn_with_state(
            (&crate::contract::PLATFORM, render as common::ErrorRenderer),
            crate::contract::validate,
        ))
        .route(
            "/api/openapi.json",
            get(|| async {
                crate::contract::document_response(crate::contract::PLATFORM_DOCUMENT)
            }),
        )
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", "Route not found") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                "Method not allowed on this route",
            )
        })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state.clone());
    // On matched routes only: a method a route does not have is a 405 whatever its headers.
    let api = common::idempotency_route_layer(api, &config.shared, render).route_layer(
        axum::middleware::from_fn_with_state(
            (&crate::contract::PLATFORM, render as common::ErrorRenderer),
            crate::contract::method_guard,
        ),
    );
    let app = api.merge(common::admin_router(&config.shared));
    let app = common::body_limit_layer(app, render);
    // Rate limiting (which also identifies the caller) wraps the fault layer, so injected errors
    // carry the X-RateLimit-* headers too and the fault header is honoured only when the caller
    // is known.
    common::fault_layer(app, &config.shared, render).layer(axum::middleware::from_fn_with_state(
        state,
        auth_and_rate_limit,
    ))
}

// ---------------------------------------------------------------------------------------------
// Envelope and errors
// ---------------------------------------------------------------------------------------------

/// The `meta` object of every answer.
#[derive(serde::Serialize)]
struct Meta<'a> {
    timestamp: String,
    #[serde(rename = "requestId")]
    request_id: &'a str,
}

fn meta(request_id: &str) -> Meta<'_> {
    Meta {
        timestamp: common::now_rfc3339(),
        request_id,
    }
}

/// `{data, meta}`.
#[derive(serde::Serialize)]
struct Envelope<'a, T> {
    data: T,
    meta: Meta<'a>,
}

/// A JSON answer with its `X-Request-Id`, serialized straight into its body.
fn with_request_id<T: serde::Serialize>(
    status: StatusCode,
    body: &T,
    request_id: &str,
) -> Response {
    let mut resp = common::json_response(status, body);
    if let Ok(v) = HeaderValue::from_str(request_id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    resp
}

/// `200` with `{data, meta}`.
pub(crate) fn ok<T: serde::Serialize>(data: T) -> Response {
    let id = common::request_id();
    with_request_id(
        StatusCode::OK,
        &Envelope {
            data,
            meta: meta(&id),
        },
        &id,
    )
}

/// `201` with `{data, meta}`.
pub(crate) fn created<T: serde::Serialize>(data: T) -> Response {
    let id = common::request_id();
    with_request_id(
        StatusCode::CREATED,
        &Envelope {
            data,
            meta: meta(&id),
        },
        &id,
    )
}

/// The platform's error format (an [`common::ErrorRenderer`]).
pub fn render(status: StatusCode, code: &str, message: &str, details: Value) -> Response {
    let id = common::request_id();
    let body = json!({
        "error": { "code": code, "message": message, "details": details },
        "meta": meta(&id),
    });
    with_request_id(status, &body, &id)
}

/// An error answer of the platform.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    details: Value,
    headers: Vec<(&'static str, String)>,
}

pub(crate) type ApiResult = Result<Response, ApiError>;

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            details: json!({}),
            headers: Vec::new(),
        }
    }

    pub(crate) fn validation(field: &str, issue: impl Into<String>, expected: &str) -> Self {
        let issue = issue.into();
        ApiError {
            details: json!({ "field": field, "issue": issue, "expected": expected }),
            ..ApiError::new(
                StatusCode::BAD_REQUEST,
                "VALIDATION_ERROR",
                format!("Invalid input data: {field}: {issue}"),
            )
        }
    }

    pub(crate) fn unauthorized() -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
            "Missing or invalid API key",
        )
    }

    pub(crate) fn forbidden(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::FORBIDDEN, "FORBIDDEN", message)
    }

    pub(crate) fn not_found(what: &str, id: &str) -> Self {
        ApiError {
            details: json!({ "resource": what, "id": id }),
            ..ApiError::new(
                StatusCode::NOT_FOUND,
                "NOT_FOUND",
                format!("{what} not found"),
            )
        }
    }

    pub(crate) fn conflict(message: impl Into<String>, details: Value) -> Self {
        ApiError {
            details,
            ..ApiError::new(StatusCode::CONFLICT, "CONFLICT", message)
        }
    }

    fn payload_too_large() -> Self {
        ApiError {
            details: json!({ "limit": BODY_LIMIT }),
            ..ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "Request body exceeds 1 MiB",
            )
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut resp = render(self.status, self.code, &self.message, self.details);
        for (name, value) in self.headers {
            if let Ok(v) = HeaderValue::from_str(&value) {
                resp.headers_mut().insert(name, v);
            }
        }
        resp
    }
}

// ---------------------------------------------------------------------------------------------
// Auth and rate limits
// ---------------------------------------------------------------------------------------------

fn tier_limit(tier: &str) -> u64 {
    match tier {
        "PRO" => 1_000,
        "BUSINESS" => 10_000,
        _ => 100,
    }
}

fn bearer(headers: &axum::http::HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

async fn auth_and_rate_limit(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    if req.uri().path().starts_with("/__sandbox") {
        return next.run(req).await;
    }
    let caller = bearer(req.headers()).and_then(|key| state.store().caller_for_key(key));
    let (key, limit) = match &caller {
        Some(c) => (format!("user:{}", c.user_id), tier_limit(&c.tier)),
        None => ("anonymous".to_string(), tier_limit("FREE")),
    };
    let decision = state
        .shared
        .limiter
        .check(&key, limit, Duration::from_secs(3600));
    let mut resp = if decision.allowed {
        if let Some(caller) = caller {
            req.extensions_mut()
                .insert(common::Credential(format!("user:{}", caller.user_id)));
            req.extensions_mut().insert(caller);
        }
        next.run(req).await
    } else {
        let reset = DateTime::<Utc>::from_timestamp(decision.reset_unix as i64, 0)
            .map(store::fmt_time)
            .unwrap_or_default();
        let now = Utc::now().timestamp().max(0) as u64;
        let retry_after = decision.reset_unix.saturating_sub(now).max(1);
        let mut err = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "RATE_LIMIT_EXCEEDED",
            "You have exceeded your rate limit",
        );
        err.details = json!({ "limit": decision.limit, "resetAt": reset });
        err.headers.push(("retry-after", retry_after.to_string()));
        err.into_response()
    };
    common::rate_limit_headers(&decision, resp.headers_mut());
    resp
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Caller>()
            .cloned()
            .ok_or_else(ApiError::unauthorized)
    }
}

// ---------------------------------------------------------------------------------------------
// Extractors that answer in the platform's error format
// ---------------------------------------------------------------------------------------------

/// A JSON object body.
#[derive(Debug)]
pub(crate) struct JsonBody(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = crate::common::is_json_content_type(req.headers());
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::payload_too_large()
            } else {
                ApiError::validation("body", "Could not read the request body", "JSON object")
            }
        })?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(ApiError::validation(
                "body",
                "Request body is empty",
                "JSON object",
            ));
        }
        if !json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "The request body must be sent with Content-Type: application/json",
            ));
        }
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Object(map)) => Ok(JsonBody(map)),
            Ok(_) => Err(ApiError::validation(
                "body",
                "Request body must be a JSON object",
                "JSON object",
            )),
            Err(e) => Err(ApiError::validation(
                "body",
                format!("Malformed JSON: {e}"),
                "JSON object",
            )),
        }
    }
}

/// The fault plan the fault layer computed for this request.
#[derive(Debug, Default)]
pub(crate) struct Plan(pub common::FaultPlan);

impl<S: Send + Sync> FromRequestParts<S> for Plan {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Plan(
            parts
                .extensions
                .get::<common::FaultPlan>()
                .cloned()
                .unwrap_or_default(),
        ))
    }
}

/// A `{id}` path segment.
#[derive(Debug)]
pub(crate) struct Id(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(id)| Id(id))
            .map_err(|_| ApiError::validation("id", "Malformed path parameter", "string"))
    }
}

/// Query parameters as a map (the last value of a repeated key wins).
#[derive(Debug, Default)]
pub(crate) struct QueryMap(pub HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for QueryMap {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or("");
        let mut map = HashMap::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| -> Result<String, ApiError> {
                let s = s.replace('+', " ");
                percent_decode(&s).ok_or_else(|| {
                    ApiError::validation("query", "Malformed query string", "URL-encoded UTF-8")
                })
            };
            map.insert(decode(k)?, decode(v)?);
        }
        Ok(QueryMap(map))
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

impl QueryMap {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// An integer parameter in `min..=max`, `default` when absent.
    pub(crate) fn int(&self, key: &str, default: u64, min: u64, max: u64) -> Result<u64, ApiError> {
        match self.get(key) {
            None => Ok(default),
            Some(raw) => match raw.trim().parse::<u64>() {
                Ok(v) if (min..=max).contains(&v) => Ok(v),
                _ => Err(ApiError::validation(
                    key,
                    format!("`{raw}` is not an integer between {min} and {max}"),
                    &format!("integer {min}..{max}"),
                )),
            },
        }
    }

    pub(crate) fn boolean(&self, key: &str) -> Result<Option<bool>, ApiError> {
        match self.get(key) {
            None => Ok(None),
            Some(raw) => match raw.trim().to_ascii_lowercase().as_str() {
                "true" | "1" => Ok(Some(true)),
                "false" | "0" => Ok(Some(false)),
                _ => Err(ApiError::validation(
                    key,
                    format!("`{raw}` is not a boolean"),
                    "true or false",
                )),
            },
        }
    }

    pub(crate) fn text(&self, key: &str) -> Option<&str> {
        self.get(key).filter(|s| !s.is_empty())
    }

    /// A date (`YYYY-MM-DD`, the day's start or end) or RFC 3339 instant.
    pub(crate) fn time(
        &self,
        key: &str,
        end_of_day: bool,
    ) -> Result<Option<DateTime<Utc>>, ApiError> {
        let Some(raw) = self.text(key) else {
            return Ok(None);
        };
        parse_time(raw, end_of_day).map(Some).ok_or_else(|| {
            ApiError::validation(
                key,
                format!("`{raw}` is not a date"),
                "YYYY-MM-DD or RFC 3339",
            )
        })
    }
}

/// Parses `YYYY-MM-DD` or RFC 3339.
pub(crate) fn parse_time(raw: &str, end_of_day: bool) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(raw.trim()) {
        return Some(t.with_timezone(&Utc));
    }
    let date = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok()?;
    let time = if end_of_day {
        date.and_hms_opt(23, 59, 59)?
    } else {
        date.and_hms_opt(0, 0, 0)?
    };
    Some(time.and_utc())
}

// ---------------------------------------------------------------------------------------------
// Body field helpers
// ---------------------------------------------------------------------------------------------

/// An optional string field (wrong type: 400).
pub(crate) fn opt_str<'a>(
    body: &'a Map<String, Value>,
    field: &str,
) -> Result<Option<&'a str>, ApiError> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(ApiError::validation(field, "Must be a string", "string")),
    }
}

/// A required non-blank string field (`minLength: 1` and a non-whitespace `pattern` in the
/// OpenAPI document).
pub(crate) fn req_str<'a>(body: &'a Map<String, Value>, field: &str) -> Result<&'a str, ApiError> {
    match opt_str(body, field)? {
        Some(s) if !s.trim().is_empty() => Ok(s),
        Some(_) => Err(ApiError::validation(
            field,
            "Must not be empty",
            "non-empty string",
        )),
        None => Err(ApiError::validation(field, "Required", "non-empty string")),
    }
}

/// An optional number field (wrong type: 400).
pub(crate) fn opt_num(body: &Map<String, Value>, field: &str) -> Result<Option<f64>, ApiError> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_f64()
            .map(Some)
            .ok_or_else(|| ApiError::validation(field, "Must be a number", "number")),
        Some(_) => Err(ApiError::validation(field, "Must be a number", "number")),
    }
}

/// An optional boolean field.
pub(crate) fn opt_bool(body: &Map<String, Value>, field: &str) -> Result<Option<bool>, ApiError> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(ApiError::validation(field, "Must be a boolean", "boolean")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_instants() {
        assert_eq!(
            parse_time("2025-10-01", false)
                .map(store::fmt_time)
                .as_deref(),
            Some("2025-10-01T00:00:00Z")
        );
        assert_eq!(
            parse_time("2025-10-31", true)
                .map(store::fmt_time)
                .as_deref(),
            Some("2025-10-31T23:59:59Z")
        );
        assert_eq!(
            parse_time("2025-10-15T10:00:00+02:00", false)
                .map(store::fmt_time)
                .as_deref(),
            Some("2025-10-15T08:00:00Z")
        );
        assert!(parse_time("yesterday", false).is_none());
        assert!(parse_time("2025-13-01", false).is_none());
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b%C3%A9").as_deref(), Some("a bé"));
        assert!(percent_decode("%zz").is_none());
        assert!(percent_decode("%").is_none());
        assert!(percent_decode("%ff").is_none());
    }

    #[test]
    fn bearer_parsing() {
        let mut h = axum::http::HeaderMap::new();
        assert_eq!(bearer(&h), None);
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer  abc "),
        );
        assert_eq!(bearer(&h), Some("abc"));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer(&h), None);
    }
}
