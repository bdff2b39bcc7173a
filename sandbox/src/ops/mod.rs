//! The ops service (the cloud-operations agent backend): JWT login, a
//! rule-based agent over a fake cloud inventory (REST, SSE and WebSocket), conversations,
//! configuration, metrics, tools, learned APIs and webhooks. Everything lives in memory.
//!
//! The modules that hold handlers register their routes next to them: `handlers` (the REST
//! operations, `routes()` behind authentication and `public_routes()` for login), `learned`
//! (learned APIs) and `ws` (the WebSocket). [`router`] merges those and adds the service-wide
//! parts: contract validation, authentication and rate limits, idempotency, the method guard,
//! the `openapi.json` and `asyncapi.json` routes, the 404 and 405 fallbacks, body limits, the
//! admin routes and fault injection. Adding an operation therefore only touches the module that
//! holds its handler.

mod agent;
mod auth;
mod error;
mod handlers;
mod inventory;
mod learned;
mod tools;
mod ws;

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use serde_json::{Value, json};

use crate::common::{self, Shared};
use auth::Principal;
use error::ApiError;
use inventory::Inventory;

/// Largest accepted request body (and WebSocket message): 1 MiB.
pub(crate) const MAX_BODY: usize = common::MAX_BODY_BYTES;
/// Requests per minute per user.
const RATE_LIMIT: u64 = 60;

/// Configuration of the ops service.
#[derive(Clone)]
pub struct OpsConfig {
    /// The one user that may log in.
    pub username: String,
    /// That user's password.
    pub password: String,
    /// Static API keys accepted as bearer tokens (they act for `username`).
    pub api_keys: Vec<String>,
    /// HS256 key for the JWTs issued by `POST /api/auth/login`.
    pub jwt_secret: Vec<u8>,
    /// Faults, webhooks and rate limits of this service.
    pub shared: Shared,
}

impl std::fmt::Debug for OpsConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpsConfig")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .field("api_keys", &self.api_keys.len())
            .field("jwt_secret", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// A stored conversation.
#[derive(Clone, Debug)]
pub(crate) struct Conversation {
    pub id: String,
    pub title: String,
    pub created_at: String,
    pub updated_at: String,
    pub messages: Vec<Value>,
    /// Orders listings: the most recently touched conversation first.
    pub touched: u64,
}

impl Conversation {
    /// A fresh `conv_` id (12 hex digits).
    pub(crate) fn new_id() -> String {
        format!("conv_{}", &uuid::Uuid::new_v4().simple().to_string()[..12])
    }

    pub fn summary(&self) -> Value {
        json!({
            "id": self.id,
            "title": self.title,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "message_count": self.messages.len(),
        })
    }

    pub fn full(&self) -> Value {
        json!({
            "id": self.id,
            "title": self.title,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "messages": self.messages,
        })
    }
}

/// Mutable state of the service.
#[derive(Debug)]
pub(crate) struct Data {
    pub inventory: Inventory,
    pub conversations: Vec<Conversation>,
    pub settings: Value,
    pub learned: Vec<Value>,
    pub total_messages: u64,
    pub tools_executed: u64,
    pub clock: u64,
}

impl Data {
    fn seeded() -> Self {
        let conv = handlers::seed_conversation();
        let total_messages = conv.messages.len() as u64;
        let tools_executed = conv
            .messages
            .iter()
            .filter_map(|m| m.get("tool_calls").and_then(Value::as_array))
            .map(|calls| calls.len() as u64)
            .sum();
        Self {
            inventory: Inventory::seeded(),
            conversations: vec![conv],
            settings: handlers::default_settings(),
            learned: vec![learned::seed_api()],
            total_messages,
            tools_executed,
            clock: 1,
        }
    }

    pub fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    pub fn provider_enabled(&self, provider: &str) -> bool {
        self.settings["cloud_providers"][provider]["enabled"]
            .as_bool()
            .unwrap_or(false)
    }

    /// `GET /api/metrics`, computed from the current state.
    pub fn metrics(&self, inv: &Inventory, uptime: Duration) -> Value {
        let (critical, warning, ok) = inv.alert_counts();
        let count = |provider: &str, n: usize| {
            if self.provider_enabled(provider) {
                n
            } else {
                0
            }
        };
        json!({
            "alerts": {"critical": critical, "warning": warning, "ok": ok},
            "infrastructure": {
                "aws_instances": count("aws", inv.ec2.len()),
                "azure_vms": count("azure", inv.azure.len()),
                "gcp_instances": count("gcp", inv.gcp.len()),
            },
            "agent_stats": {
                "total_messages": self.total_messages,
                "tools_executed": self.tools_executed,
                "uptime_seconds": uptime.as_secs(),
            }
        })
    }
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub config: OpsConfig,
    pub started: Instant,
    pub data: Mutex<Data>,
}

/// Handle to the service state shared by all handlers.
#[derive(Clone, Debug)]
pub(crate) struct OpsState(pub Arc<Inner>);

impl OpsState {
    fn new(config: OpsConfig) -> Self {
        Self(Arc::new(Inner {
            config,
            started: Instant::now(),
            data: Mutex::new(Data::seeded()),
        }))
    }

    pub fn data(&self) -> MutexGuard<'_, Data> {
        self.0.data.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn config(&self) -> &OpsConfig {
        &self.0.config
    }

    pub fn uptime(&self) -> Duration {
        self.0.started.elapsed()
    }

    pub fn emit(&self, owner: &str, event: &str, data: Value) {
        self.0.config.shared.webhooks.emit(owner, event, data);
    }

    pub fn authenticate(&self, token: &str) -> Result<Principal, auth::TokenError> {
        let c = &self.0.config;
        auth::authenticate(&c.jwt_secret, &c.api_keys, &c.username, token)
    }

    /// Validates and runs a tool for `owner`: counts it in `tools_executed` and emits
    /// `tool.executed` (and `alert.critical` / `alert.warning` for alerts in its result).
    /// Returns the result and the execution time in milliseconds.
    pub fn execute_tool(
        &self,
        owner: &str,
        tool: &str,
        params: &Value,
    ) -> Result<(Value, u64), ApiError> {
        let def = tools::find(tool).ok_or_else(|| {
            ApiError::not_found(format!("Tool '{tool}' no encontrada"))
                .with_details(json!({"tool": tool}))
        })?;
        let params = tools::validate(tool, &def["parameters"], params)?;
        let started = Instant::now();
        let uptime = self.uptime();
        let outcome = {
            let mut data = self.data();
            data.tools_executed += 1;
            let mut inv = std::mem::take(&mut data.inventory);
            let outcome = tools::run(&mut inv, tool, &params, |inv| data.metrics(inv, uptime));
            data.inventory = inv;
            outcome
        };
        let ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.emit(
            owner,
            "tool.executed",
            json!({
                "tool": tool,
                "parameters": params,
                "success": outcome.is_ok(),
                "execution_time_ms": ms,
            }),
        );
        let result = outcome?;
        for severity in ["critical", "warning"] {
            for alert in tools::alerts_in(tool, &result, severity) {
                self.emit(owner, &format!("alert.{severity}"), alert);
            }
        }
        Ok((result, ms))
    }
}

/// The caller of an authenticated request, inserted by the auth middleware.
#[derive(Clone, Debug)]
pub(crate) struct Caller(pub Principal);

/// Identifies the caller of every request from a valid bearer token (static API key or JWT),
/// before the fault layer: inserts [`Caller`] and the [`common::Credential`] (the API key or the
/// JWT subject). Refusing is left to [`require_auth`] on the protected routes.
async fn identify(State(state): State<OpsState>, mut req: Request, next: Next) -> Response {
    let principal = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(auth::bearer)
        .and_then(|token| state.authenticate(token).ok());
    if let Some(principal) = principal {
        req.extensions_mut()
            .insert(common::Credential(principal.credential.clone()));
        req.extensions_mut().insert(Caller(principal));
    }
    next.run(req).await
}

/// Bearer-token check plus the per-user rate limit for every protected `/api` route.
async fn require_auth(State(state): State<OpsState>, req: Request, next: Next) -> Response {
    if let Some(Caller(principal)) = req.extensions().get::<Caller>().cloned() {
        return rate_limited(&state, principal, req, next).await;
    }
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let Some(header_value) = token else {
        return axum::response::IntoResponse::into_response(ApiError::unauthorized(
            "Falta el header Authorization: Bearer <token>",
        ));
    };
    let Some(token) = auth::bearer(&header_value) else {
        return axum::response::IntoResponse::into_response(ApiError::unauthorized(
            "El header Authorization debe tener la forma 'Bearer <token>'",
        ));
    };
    let principal = match state.authenticate(token) {
        Ok(p) => p,
        Err(e) => {
            return axum::response::IntoResponse::into_response(ApiError::unauthorized(
                e.message(),
            ));
        }
    };
    rate_limited(&state, principal, req, next).await
}

/// Counts the request against the caller's per-minute limit and runs it when allowed.
async fn rate_limited(
    state: &OpsState,
    principal: Principal,
    mut req: Request,
    next: Next,
) -> Response {
    let limiter = &state.config().shared.limiter;
    let decision = limiter.check(&principal.rate_key, RATE_LIMIT, Duration::from_secs(60));
    let mut resp = if decision.allowed {
        req.extensions_mut().insert(Caller(principal));
        next.run(req).await
    } else {
        let wait = decision.reset_unix.saturating_sub(auth::unix_now()).max(1);
        let mut err = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            format!("Límite de {RATE_LIMIT} requests por minuto excedido"),
        )
        .with_details(json!({"limit": decision.limit, "reset": decision.reset_unix}));
        err.retry_after = Some(wait);
        axum::response::IntoResponse::into_response(err)
    };
    common::rate_limit_headers(&decision, resp.headers_mut());
    resp
}

async fn not_found() -> ApiError {
    ApiError::not_found("Ruta no encontrada")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "Método no permitido para esta ruta",
    )
}

/// The complete ops service: admin routes, fault injection, rate limits and every endpoint.
pub fn router(config: OpsConfig) -> Router {
    let shared = config.shared.clone();
    let state = OpsState::new(config);
    let protected = Router::new()
        .merge(handlers::routes())
        .merge(learned::routes())
        // Every route above is checked against the committed OpenAPI document first (after
        // authentication).
        .route_layer(axum::middleware::from_fn_with_state(
            (
                &crate::contract::OPS,
                error::render as common::ErrorRenderer,
            ),
            crate::contract::validate,
        ));
    // Idempotency inside the authentication and rate limit: a replay still counts against the
    // limit and carries fresh X-RateLimit-* headers.
    let protected =
        common::idempotency_route_layer(protected, &shared, error::render_shared).route_layer(
            axum::middleware::from_fn_with_state(state.clone(), require_auth),
        );
    let protected = protected.route_layer(axum::middleware::from_fn_with_state(
        (
            &crate::contract::OPS,
            error::render as common::ErrorRenderer,
        ),
        crate::contract::method_guard,
    ));
    let app = Router::new()
        // The routes open without a token (login): checked against the document, no
        // authentication.
        .merge(
            handlers::public_routes().route_layer(axum::middleware::from_fn_with_state(
                (
                    &crate::contract::OPS,
                    error::render as common::ErrorRenderer,
                ),
                crate::contract::validate,
            )),
        )
        .route(
            "/openapi.json",
            get(|| async { crate::contract::document_response(crate::contract::OPS_DOCUMENT) }),
        )
        .route(
            "/asyncapi.json",
            get(|| async {
                crate::contract::document_response(crate::contract::OPS_ASYNCAPI_DOCUMENT)
            }),
        )
        .merge(ws::routes())
        .merge(protected)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(state.clone())
        .merge(common::admin_router(&shared));
    let app = common::body_limit_layer(app, error::render_shared);
    common::fault_layer(app, &shared, error::render_fault)
        .layer(axum::middleware::from_fn_with_state(state, identify))
}
