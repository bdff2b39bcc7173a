//! REST handlers of the ops service (everything but learned APIs and the WebSocket) and their
//! routes.

use std::time::Duration;

use axum::Extension;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router, routing};
use bytes::Bytes;
use serde_json::{Map, Value, json};

use super::error::{ApiError, JsonBody, opt_str, req_str};
use super::{Caller, Conversation, OpsState, agent, auth};
use crate::common::{self, FaultPlan};

/// The authenticated routes of this module, merged by [`super::router`] under its
/// authentication, rate-limit, idempotency and contract layers.
pub(super) fn routes() -> Router<OpsState> {
    Router::new()
        .route("/api/chat", routing::post(chat))
        .route(
            "/api/conversations",
            routing::get(list_conversations).post(create_conversation),
        )
        .route(
            "/api/conversations/{id}",
            routing::get(get_conversation).delete(delete_conversation),
        )
        .route("/api/config", routing::get(get_config).put(put_config))
        .route("/api/metrics", routing::get(get_metrics))
        .route("/api/tools", routing::get(list_tools))
        .route("/api/tools/execute", routing::post(execute_tool))
        .route("/api/webhooks", routing::post(create_webhook))
}

/// The routes of this module open without a token (`POST /api/auth/login`), merged by
/// [`super::router`] under its contract validation only.
pub(super) fn public_routes() -> Router<OpsState> {
    Router::new().route("/api/auth/login", routing::post(login))
}

/// Login requests per minute for the configured username, and per minute for all other names
/// together.
const LOGIN_RATE_LIMIT: u64 = 60;
/// The rate-limit window shared by login attempts with an unknown username.
const UNKNOWN_LOGIN_KEY: &str = "ops-login:*unknown*";
/// Largest `?chunks=N` accepted on `/api/chat`.
const MAX_CHUNKS: usize = 100_000;

// ------------------------------------------------------------------------------------------
// Seeds
// ------------------------------------------------------------------------------------------

/// The seed's `conv_123` ("Gestión de AWS"), with the seed's 12 messages.
pub(crate) fn seed_conversation() -> Conversation {
    let ec2_call = json!([{
        "tool": "list_ec2_instances",
        "params": {"region": "us-east-1"},
        "result": {"count": 5, "region": "us-east-1"}
    }]);
    let turns: [(&str, &str, &str, Value); 6] = [
        (
            "10:30:00",
            "Lista las instancias",
            "Encontré 5 instancias EC2 en us-east-1: web-1 (t3.micro, running), web-2 (t3.micro, running), api-1 (t3.medium, running), worker-1 (c5.large, stopped), bastion (t3.nano, running).",
            ec2_call,
        ),
        (
            "10:42:00",
            "¿Hay alertas críticas?",
            "Hay 2 alertas críticas: CPU al 98% en api-1 y disco de datos al 95% en vm-prod-sql-01.",
            json!([{"tool": "get_alerts", "params": {"severity": "critical"}, "result": {"count": 2}}]),
        ),
        (
            "10:55:00",
            "¿Qué tipo de instancia es api-1?",
            "api-1 es una t3.medium en us-east-1 y está en ejecución.",
            json!([]),
        ),
        (
            "11:10:00",
            "Muéstrame las métricas",
            "Alertas: 2 críticas, 5 de advertencia y 120 ok. Infraestructura: 15 instancias AWS, 8 VMs de Azure y 0 instancias GCP.",
            json!([{"tool": "get_metrics", "params": {}, "result": {"alerts": {"critical": 2, "warning": 5, "ok": 120}}}]),
        ),
        (
            "11:30:00",
            "¿Qué VMs hay en Azure?",
            "Encontré 8 VMs de Azure en los grupos rg-prod, rg-dev y rg-data.",
            json!([{"tool": "list_azure_vms", "params": {}, "result": {"count": 8}}]),
        ),
        (
            "11:45:00",
            "Gracias",
            "¡De nada! Avísame si necesitas algo más con tu infraestructura.",
            json!([]),
        ),
    ];
    let mut messages = Vec::new();
    for (time, question, answer, calls) in turns {
        let asked = format!("2024-01-15T{time}Z");
        let answered = format!("2024-01-15T{}:05Z", &time[..5]);
        messages.push(json!({"role": "user", "content": question, "timestamp": asked}));
        let mut reply = json!({"role": "assistant", "content": answer, "timestamp": answered});
        if calls.as_array().is_some_and(|c| !c.is_empty()) {
            reply["tool_calls"] = calls;
        }
        messages.push(reply);
    }
    Conversation {
        id: "conv_123".to_owned(),
        title: "Gestión de AWS".to_owned(),
        created_at: "2024-01-15T10:30:00Z".to_owned(),
        updated_at: "2024-01-15T11:45:00Z".to_owned(),
        messages,
        touched: 1,
    }
}

/// The seed's configuration.
pub(crate) fn default_settings() -> Value {
    json!({
        "llm": {"provider": "openai", "model": "gpt-4"},
        "agent": {"autonomy_level": "semi"},
        "cloud_providers": {
            "aws": {"enabled": true},
            "azure": {"enabled": true},
            "gcp": {"enabled": false}
        }
    })
}

// ------------------------------------------------------------------------------------------
// Auth
// ------------------------------------------------------------------------------------------

/// `POST /api/auth/login`. Test hook: `X-Sandbox-Token-Ttl: <seconds>` shortens the token's
/// lifetime (0 gives a token that is already expired).
pub(crate) async fn login(
    State(state): State<OpsState>,
    headers: HeaderMap,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let body = body.into_object()?;
    let username = req_str(&body, "username")?;
    let password = req_str(&body, "password")?;
    let ttl = match headers.get("x-sandbox-token-ttl") {
        None => auth::DEFAULT_TTL_SECS,
        Some(v) => v
            .to_str()
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .filter(|t| *t <= 10 * 365 * 86_400)
            .ok_or_else(|| {
                ApiError::bad_request("X-Sandbox-Token-Ttl debe ser un número entero de segundos")
                    .with_details(json!({"header": "X-Sandbox-Token-Ttl"}))
            })?,
    };
    let cfg = state.config();
    // The configured user has a window of its own; every other name shares one, so a flood of
    // made-up names keeps one window and cannot use up the real user's attempts.
    let known = auth::ct_eq(username.as_bytes(), cfg.username.as_bytes());
    let rate_key = if known {
        format!("ops-login:{username}")
    } else {
        UNKNOWN_LOGIN_KEY.to_owned()
    };
    let decision = cfg
        .shared
        .limiter
        .check(&rate_key, LOGIN_RATE_LIMIT, Duration::from_secs(60));
    let mut resp = if !decision.allowed {
        let mut err = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "Demasiados intentos de login, espera un momento",
        );
        err.retry_after = Some(decision.reset_unix.saturating_sub(auth::unix_now()).max(1));
        err.into_response()
    } else if known && auth::ct_eq(password.as_bytes(), cfg.password.as_bytes()) {
        let token = auth::issue(&cfg.jwt_secret, username, auth::unix_now(), ttl);
        Json(json!({"access_token": token, "token_type": "bearer", "expires_in": ttl}))
            .into_response()
    } else {
        ApiError::unauthorized("Usuario o contraseña incorrectos").into_response()
    };
    common::rate_limit_headers(&decision, resp.headers_mut());
    Ok(resp)
}

// ------------------------------------------------------------------------------------------
// Chat
// ------------------------------------------------------------------------------------------

fn parse_chunks(query: Option<&str>) -> Result<Option<usize>, ApiError> {
    let Some(q) = query else { return Ok(None) };
    let mut chunks = None;
    for pair in q.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if k == "chunks" {
            let n = v
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_CHUNKS).contains(n))
                .ok_or_else(|| {
                    ApiError::bad_param(
                        "chunks",
                        format!("El parámetro 'chunks' debe ser un entero entre 1 y {MAX_CHUNKS}"),
                    )
                })?;
            chunks = Some(n);
        }
    }
    Ok(chunks)
}

/// One SSE event carrying a JSON object.
pub(crate) fn sse_event(event: &Value) -> Bytes {
    Bytes::from(format!("data: {event}\n\n"))
}

/// `POST /api/chat`: runs the agent; `stream: true` answers SSE, otherwise the finished message.
/// Test hook: `?chunks=N` splits the answer into exactly N `message` events.
pub(crate) async fn chat(
    State(state): State<OpsState>,
    Extension(Caller(caller)): Extension<Caller>,
    plan: Option<Extension<FaultPlan>>,
    RawQuery(query): RawQuery,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let chunks = parse_chunks(query.as_deref())?;
    let body = body.into_object()?;
    let message = req_str(&body, "message")?;
    let conversation_id = opt_str(&body, "conversation_id")?.filter(|c| !c.is_empty());
    let stream = match body.get("stream") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Err(ApiError::bad_param(
                "stream",
                "El parámetro 'stream' debe ser booleano",
            ));
        }
    };
    let run = agent::run(&state, &caller.user, conversation_id, message, chunks);
    if !stream {
        return Ok(Json(json!({
            "conversation_id": run.conversation_id,
            "message": run.message,
        }))
        .into_response());
    }
    let plan = plan.map(|Extension(p)| p).unwrap_or_default();
    let events: Vec<Bytes> = run.events.iter().map(sse_event).collect();
    let body = Body::from_stream(common::stream_with_faults(
        &plan,
        futures::stream::iter(events),
    ));
    let mut resp = Response::new(body);
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(resp)
}

// ------------------------------------------------------------------------------------------
// Conversations
// ------------------------------------------------------------------------------------------

fn conversation_not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Conversación '{id}' no encontrada"))
        .with_details(json!({"conversation_id": id}))
}

pub(crate) async fn list_conversations(State(state): State<OpsState>) -> Json<Value> {
    let data = state.data();
    let mut convs: Vec<&Conversation> = data.conversations.iter().collect();
    convs.sort_by_key(|c| std::cmp::Reverse(c.touched));
    let list: Vec<Value> = convs.into_iter().map(Conversation::summary).collect();
    Json(json!({ "conversations": list }))
}

pub(crate) async fn create_conversation(
    State(state): State<OpsState>,
    Extension(Caller(caller)): Extension<Caller>,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let body = match body.0 {
        Value::Null => Map::new(),
        other => JsonBody(other).into_object()?,
    };
    let title = match opt_str(&body, "title")? {
        Some(t) if !t.trim().is_empty() => t.trim().to_owned(),
        Some(_) => {
            return Err(ApiError::bad_param(
                "title",
                "El parámetro 'title' no puede estar vacío",
            ));
        }
        None => "Nueva conversación".to_owned(),
    };
    let summary = {
        let mut data = state.data();
        let now = common::now_rfc3339();
        let touched = data.tick();
        let conv = Conversation {
            id: Conversation::new_id(),
            title,
            created_at: now.clone(),
            updated_at: now,
            messages: Vec::new(),
            touched,
        };
        let summary = conv.summary();
        data.conversations.push(conv);
        summary
    };
    state.emit(
        &caller.user,
        "conversation.created",
        json!({"conversation_id": summary["id"], "title": summary["title"]}),
    );
    Ok((StatusCode::CREATED, Json(summary)).into_response())
}

pub(crate) async fn get_conversation(
    State(state): State<OpsState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let data = state.data();
    data.conversations
        .iter()
        .find(|c| c.id == id)
        .map(|c| Json(c.full()))
        .ok_or_else(|| conversation_not_found(&id))
}

pub(crate) async fn delete_conversation(
    State(state): State<OpsState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let mut data = state.data();
    let before = data.conversations.len();
    data.conversations.retain(|c| c.id != id);
    if data.conversations.len() == before {
        return Err(conversation_not_found(&id));
    }
    Ok(Json(json!({"id": id, "deleted": true})))
}

// ------------------------------------------------------------------------------------------
// Config
// ------------------------------------------------------------------------------------------

const SECTIONS: [&str; 3] = ["llm", "agent", "cloud_providers"];
const PROVIDERS: [&str; 4] = ["openai", "anthropic", "azure_openai", "ollama"];
const AUTONOMY: [&str; 3] = ["manual", "semi", "auto"];
const CLOUDS: [&str; 3] = ["aws", "azure", "gcp"];

fn deep_merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                // `null` leaves a setting as it is (the document allows it for optional ones).
                if v.is_null() {
                    continue;
                }
                match t.get_mut(k) {
                    Some(existing) if existing.is_object() && v.is_object() => {
                        deep_merge(existing, v);
                    }
                    _ => {
                        t.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

fn one_of(config: &Value, section: &str, key: &str, allowed: &[&str]) -> Result<(), ApiError> {
    let field = format!("{section}.{key}");
    match config[section][key].as_str() {
        Some(v) if allowed.contains(&v) => Ok(()),
        _ => Err(ApiError::bad_field(
            &field,
            format!("'{field}' debe ser uno de: {}", allowed.join(", ")),
        )),
    }
}

/// Validates a whole (merged) configuration.
fn validate_settings(config: &Value) -> Result<(), ApiError> {
    for section in SECTIONS {
        if !config[section].is_object() {
            return Err(ApiError::bad_field(
                section,
                format!("'{section}' debe ser un objeto"),
            ));
        }
    }
    one_of(config, "llm", "provider", &PROVIDERS)?;
    match config["llm"]["model"].as_str() {
        Some(m) if !m.trim().is_empty() => {}
        _ => {
            return Err(ApiError::bad_field(
                "llm.model",
                "'llm.model' debe ser un string no vacío",
            ));
        }
    }
    one_of(config, "agent", "autonomy_level", &AUTONOMY)?;
    if let Some(clouds) = config["cloud_providers"].as_object() {
        for (name, value) in clouds {
            let field = format!("cloud_providers.{name}");
            if !CLOUDS.contains(&name.as_str()) {
                return Err(ApiError::bad_field(
                    &field,
                    format!("Proveedor cloud desconocido '{name}' (admitidos: aws, azure, gcp)"),
                ));
            }
            if !value["enabled"].is_boolean() {
                return Err(ApiError::bad_field(
                    &format!("{field}.enabled"),
                    format!("'{field}.enabled' debe ser booleano"),
                ));
            }
        }
    }
    Ok(())
}

pub(crate) async fn get_config(State(state): State<OpsState>) -> Json<Value> {
    Json(state.data().settings.clone())
}

/// `PUT /api/config`: deep merge of the given sections; answers the whole new configuration.
pub(crate) async fn put_config(
    State(state): State<OpsState>,
    body: JsonBody,
) -> Result<Json<Value>, ApiError> {
    let mut patch = body.into_object()?;
    patch.retain(|_, value| !value.is_null());
    for (key, value) in &patch {
        if !SECTIONS.contains(&key.as_str()) {
            return Err(ApiError::bad_field(
                key,
                format!(
                    "Sección de configuración desconocida '{key}' (admitidas: {})",
                    SECTIONS.join(", ")
                ),
            ));
        }
        if !value.is_object() {
            return Err(ApiError::bad_field(
                key,
                format!("'{key}' debe ser un objeto"),
            ));
        }
    }
    let mut data = state.data();
    let mut merged = data.settings.clone();
    deep_merge(&mut merged, &Value::Object(patch));
    validate_settings(&merged)?;
    data.settings = merged.clone();
    Ok(Json(merged))
}

// ------------------------------------------------------------------------------------------
// Metrics and tools
// ------------------------------------------------------------------------------------------

pub(crate) async fn get_metrics(State(state): State<OpsState>) -> Json<Value> {
    let uptime = state.uptime();
    let data = state.data();
    Json(data.metrics(&data.inventory, uptime))
}

pub(crate) async fn list_tools() -> Json<Value> {
    Json(json!({ "tools": super::tools::catalog() }))
}

/// `POST /api/tools/execute` `{"tool", "parameters"}`.
pub(crate) async fn execute_tool(
    State(state): State<OpsState>,
    Extension(Caller(caller)): Extension<Caller>,
    body: JsonBody,
) -> Result<Json<Value>, ApiError> {
    let body = body.into_object()?;
    let tool = req_str(&body, "tool")?;
    let params = body.get("parameters").cloned().unwrap_or(Value::Null);
    let (result, ms) = state.execute_tool(&caller.user, tool, &params)?;
    Ok(Json(json!({
        "tool": tool,
        "success": true,
        "result": result,
        "execution_time_ms": ms,
    })))
}

// ------------------------------------------------------------------------------------------
// Webhooks
// ------------------------------------------------------------------------------------------

/// Events an ops webhook may subscribe to (the seed's list).
pub(crate) const WEBHOOK_EVENTS: [&str; 5] = [
    "alert.critical",
    "alert.warning",
    "tool.executed",
    "conversation.created",
    "api.learned",
];

/// `POST /api/webhooks` `{"url", "events", "secret"}` answers 201 `{"id","url","events","created_at"}`.
pub(crate) async fn create_webhook(
    State(state): State<OpsState>,
    Extension(Caller(caller)): Extension<Caller>,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let body = body.into_object()?;
    let url = req_str(&body, "url")?.trim();
    let parsed = reqwest::Url::parse(url)
        .map_err(|_| ApiError::bad_param("url", format!("'url' no es una URL válida: {url}")))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(ApiError::bad_param(
            "url",
            "'url' debe ser una URL http o https",
        ));
    }
    let events = match body.get("events") {
        Some(Value::Array(list)) if !list.is_empty() => list,
        _ => {
            return Err(ApiError::bad_param(
                "events",
                "El parámetro 'events' es requerido (lista no vacía de eventos)",
            ));
        }
    };
    let mut names: Vec<String> = Vec::new();
    for event in events {
        match event.as_str() {
            Some(e) if WEBHOOK_EVENTS.contains(&e) => {
                if !names.iter().any(|n| n == e) {
                    names.push(e.to_owned());
                }
            }
            _ => {
                return Err(ApiError::bad_param(
                    "events",
                    format!(
                        "Evento desconocido {event} (admitidos: {})",
                        WEBHOOK_EVENTS.join(", ")
                    ),
                ));
            }
        }
    }
    let secret = req_str(&body, "secret")?;
    let id = state.config().shared.webhooks.register(
        &caller.user,
        url.to_owned(),
        names.clone(),
        secret.to_owned(),
    );
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": id,
            "url": url,
            "events": names,
            "created_at": common::now_rfc3339(),
        })),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_conversation_has_the_seeds_count() {
        assert_eq!(seed_conversation().summary()["message_count"], 12);
    }

    #[test]
    fn config_merge_and_validation() {
        let mut c = default_settings();
        deep_merge(&mut c, &json!({"llm": {"provider": "anthropic"}}));
        assert_eq!(c["llm"]["model"], "gpt-4");
        assert!(validate_settings(&c).is_ok());
        deep_merge(&mut c, &json!({"agent": {"autonomy_level": "yolo"}}));
        let e = validate_settings(&c).unwrap_err();
        assert_eq!(e.details, json!({"field": "agent.autonomy_level"}));
    }

    #[test]
    fn chunks_query() {
        assert_eq!(parse_chunks(Some("chunks=3")).ok(), Some(Some(3)));
        assert!(parse_chunks(Some("chunks=0")).is_err());
        assert!(parse_chunks(Some("chunks=x")).is_err());
        assert_eq!(parse_chunks(Some("a=b")).ok(), Some(None));
    }
}
