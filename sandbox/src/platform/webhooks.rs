//! `POST /api/webhooks`.

use axum::extract::State;
use axum::{Router, routing};
use serde_json::{Value, json};

use super::store::Caller;
use super::{ApiError, ApiResult, AppState, JsonBody, created, req_str};
use crate::common;

/// This module's routes, merged into the platform router by [`super::router`] (which adds the
/// service-wide layers).
pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/api/webhooks", routing::post(create))
}

/// The events a platform webhook may subscribe to (the seed's list).
pub(crate) const EVENTS: [&str; 7] = [
    "conversation.created",
    "conversation.deleted",
    "message.sent",
    "message.received",
    "agent.created",
    "agent.invoked",
    "user.created",
];

pub(crate) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let url = req_str(&body, "url")?;
    let parsed = url::Url::parse(url)
        .map_err(|_| ApiError::validation("url", "Not a valid URL", "http(s) URL"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(ApiError::validation(
            "url",
            "Only http and https URLs are accepted",
            "http(s) URL",
        ));
    }
    let events = match body.get("events") {
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(Value::Array(_)) => {
            return Err(ApiError::validation(
                "events",
                "Must not be empty",
                "non-empty array of event names",
            ));
        }
        None | Some(Value::Null) => {
            return Err(ApiError::validation(
                "events",
                "Required",
                "non-empty array of event names",
            ));
        }
        Some(_) => {
            return Err(ApiError::validation(
                "events",
                "Must be an array",
                "non-empty array of event names",
            ));
        }
    };
    let mut names = Vec::with_capacity(events.len());
    for event in events {
        match event.as_str() {
            Some(name) if EVENTS.contains(&name) => {
                if !names.iter().any(|n: &String| n == name) {
                    names.push(name.to_string());
                }
            }
            _ => {
                return Err(ApiError::validation(
                    "events",
                    format!("Unknown event {event}"),
                    "one of conversation.created, conversation.deleted, message.sent, \
                     message.received, agent.created, agent.invoked, user.created",
                ));
            }
        }
    }
    let secret = req_str(&body, "secret")?;
    let id = state.shared.webhooks.register(
        &caller.user_id,
        url.to_string(),
        names.clone(),
        secret.to_string(),
    );
    Ok(created(json!({
        "id": id,
        "url": url,
        "events": names,
        "createdAt": common::now_rfc3339(),
    })))
}
