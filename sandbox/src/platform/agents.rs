//! `/api/agents*`.

use axum::extract::State;
use axum::{Router, routing};
use serde_json::{Map, Value, json};

use super::store::{Agent, Caller, new_id};
use super::{
    ApiError, ApiResult, AppState, Id, JsonBody, QueryMap, created, ok, opt_bool, opt_num, opt_str,
    req_str,
};
use crate::common;

/// This module's routes, merged into the platform router by [`super::router`] (which adds the
/// service-wide layers).
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/agents", routing::get(list).post(create))
        .route("/api/agents/{id}", routing::get(get).delete(delete))
}

/// An agent as lists show it (the seed's `GET /api/agents` example), borrowed from the store
/// and serialized straight into the answer.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Summary<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    category: &'a str,
    model: &'a str,
    is_public: bool,
    created_by: &'a str,
    capabilities: &'a [String],
}

fn summary(agent: &Agent) -> Summary<'_> {
    Summary {
        id: &agent.id,
        name: &agent.name,
        description: &agent.description,
        category: &agent.category,
        model: &agent.model,
        is_public: agent.is_public,
        created_by: &agent.created_by,
        capabilities: &agent.capabilities,
    }
}

/// `GET /api/agents`: public agents plus the caller's own; `category`, `isPublic` filters.
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: QueryMap,
) -> ApiResult {
    let category = query.text("category").map(str::to_lowercase);
    let is_public = query.boolean("isPublic")?;
    let store = state.store();
    let agents: Vec<Summary<'_>> = store
        .agents
        .iter()
        .filter(|a| a.is_public || a.created_by == caller.user_id)
        .filter(|a| category.as_deref().is_none_or(|c| a.category == c))
        .filter(|a| is_public.is_none_or(|p| a.is_public == p))
        .map(summary)
        .collect();
    #[derive(serde::Serialize)]
    struct List<'a> {
        agents: Vec<Summary<'a>>,
    }
    Ok(ok(List { agents }))
}

/// `GET /api/agents/:id`.
pub(crate) async fn get(State(state): State<AppState>, caller: Caller, Id(id): Id) -> ApiResult {
    let store = state.store();
    let agent = store
        .visible_agent(&caller, &id)
        .ok_or_else(|| ApiError::not_found("Agent", &id))?;
    let mut data = json!(summary(agent));
    if let Some(obj) = data.as_object_mut() {
        obj.insert("config".into(), agent.config.clone());
        obj.insert("createdAt".into(), json!(agent.created_at));
        if let Some(prompt) = &agent.system_prompt {
            obj.insert("systemPrompt".into(), json!(prompt));
        }
    }
    Ok(ok(data))
}

fn parse_config(body: &Map<String, Value>) -> Result<Value, ApiError> {
    let config = match body.get("config") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(map)) => map.clone(),
        Some(_) => {
            return Err(ApiError::validation(
                "config",
                "Must be an object",
                "object",
            ));
        }
    };
    let temperature = opt_num(&config, "temperature").map_err(|_| {
        ApiError::validation("config.temperature", "Must be a number", "number 0..2")
    })?;
    if let Some(t) = temperature
        && !(0.0..=2.0).contains(&t)
    {
        return Err(ApiError::validation(
            "config.temperature",
            format!("{t} is out of range"),
            "number 0..2",
        ));
    }
    match config.get("maxTokens") {
        None | Some(Value::Null) => {}
        // Any JSON integer (`8000` or `8000.0`) above zero.
        Some(v) if v.as_f64().is_some_and(|n| n >= 1.0 && n.fract() == 0.0) => {}
        Some(_) => {
            return Err(ApiError::validation(
                "config.maxTokens",
                "Must be a positive integer",
                "integer > 0",
            ));
        }
    }
    let top_p = opt_num(&config, "topP")
        .map_err(|_| ApiError::validation("config.topP", "Must be a number", "number 0..1"))?;
    if let Some(p) = top_p
        && !(0.0..=1.0).contains(&p)
    {
        return Err(ApiError::validation(
            "config.topP",
            format!("{p} is out of range"),
            "number 0..1",
        ));
    }
    let mut out = Map::new();
    out.insert(
        "temperature".into(),
        config.get("temperature").cloned().unwrap_or(json!(0.7)),
    );
    out.insert(
        "maxTokens".into(),
        // Stored as an integer whichever way it was written.
        config
            .get("maxTokens")
            .and_then(Value::as_f64)
            .map_or(json!(8000), |n| json!(n as u64)),
    );
    if let Some(v) = config.get("topP").filter(|v| !v.is_null()) {
        out.insert("topP".into(), v.clone());
    }
    for (k, v) in config {
        out.entry(k).or_insert(v);
    }
    Ok(Value::Object(out))
}

/// `POST /api/agents`.
pub(crate) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let name = req_str(&body, "name")?.trim().to_string();
    let description = opt_str(&body, "description")?.unwrap_or("").to_string();
    let model = opt_str(&body, "model")?
        .filter(|m| !m.trim().is_empty())
        .unwrap_or("gemini-2.0-flash-exp")
        .to_string();
    // The seed's request body has no `category` or `capabilities` (an agent made by a user is
    // a `personal` one without capabilities), so no SDK can send them: refused, not ignored.
    for field in ["category", "capabilities"] {
        if body.get(field).is_some() {
            return Err(ApiError::validation(
                field,
                "Not a field of POST /api/agents",
                "absent",
            ));
        }
    }
    let category = "personal".to_string();
    let config = parse_config(&body)?;
    let system_prompt = opt_str(&body, "systemPrompt")?.map(str::to_string);
    let is_public = opt_bool(&body, "isPublic")?.unwrap_or(false);
    let capabilities = Vec::new();
    let id = new_id("agt_custom");
    let created_at = common::now_rfc3339();
    state.store().agents.push(Agent {
        id: id.clone(),
        name: name.clone(),
        description,
        category,
        model,
        is_public,
        created_by: caller.user_id.clone(),
        config,
        capabilities,
        system_prompt,
        created_at: created_at.clone(),
    });
    state.emit(
        &caller.user_id,
        "agent.created",
        json!({ "agentId": id, "name": name, "userId": caller.user_id }),
    );
    Ok(created(json!({
        "id": id,
        "name": name,
        "endpointUrl": format!("/api/agents/{id}/chat"),
        "createdAt": created_at,
    })))
}

/// `DELETE /api/agents/:id`: the owner or an admin; system agents only by admins.
pub(crate) async fn delete(State(state): State<AppState>, caller: Caller, Id(id): Id) -> ApiResult {
    let mut store = state.store();
    let agent = store
        .visible_agent(&caller, &id)
        .or_else(|| {
            if caller.is_admin() {
                store.agents.iter().find(|a| a.id == id)
            } else {
                None
            }
        })
        .ok_or_else(|| ApiError::not_found("Agent", &id))?;
    if !caller.is_admin() && agent.created_by != caller.user_id {
        let why = if agent.created_by == "system" {
            "System agents cannot be deleted"
        } else {
            "Only the owner or an admin can delete this agent"
        };
        return Err(ApiError::forbidden(why));
    }
    store.agents.retain(|a| a.id != id);
    Ok(ok(
        json!({ "message": "Agent deleted successfully", "deletedAgentId": id }),
    ))
}
