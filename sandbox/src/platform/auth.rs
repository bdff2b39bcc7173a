//! `/api/auth/*`: sign-in redirect, sign-out, session and API keys.

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Router, routing};
use chrono::{Duration, Utc};
use serde_json::json;

use super::store::{Caller, fmt_time, new_id};
use super::{ApiError, ApiResult, AppState, created, ok};

/// This module's routes, merged into the platform router by [`super::router`] (which adds the
/// service-wide layers).
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/auth/signin", routing::post(signin))
        .route("/api/auth/signout", routing::post(signout))
        .route("/api/auth/session", routing::get(session))
        .route("/api/auth/api-keys", routing::post(create_api_key))
}

/// `POST /api/auth/signin`: 302 to the OAuth consent page (no auth needed).
pub(crate) async fn signin() -> Response {
    let state = uuid::Uuid::new_v4().simple().to_string();
    let location = format!(
        "https://accounts.google.com/o/oauth2/v2/auth?client_id=cjhirashi-agents\
         &redirect_uri=https%3A%2F%2Fagents.cjhirashi.com%2Fapi%2Fauth%2Fcallback%2Fgoogle\
         &response_type=code&scope=openid%20email%20profile&state={state}"
    );
    let mut resp = StatusCode::FOUND.into_response();
    if let Ok(v) = HeaderValue::from_str(&location) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp
}

/// `POST /api/auth/signout`.
pub(crate) async fn signout(_caller: Caller) -> Response {
    ok(json!({ "message": "Signed out successfully" }))
}

/// `GET /api/auth/session`.
pub(crate) async fn session(State(state): State<AppState>, caller: Caller) -> ApiResult {
    let store = state.store();
    let user = store
        .user(&caller.user_id)
        .ok_or_else(ApiError::unauthorized)?;
    Ok(ok(json!({
        "user": {
            "id": user.id,
            "email": user.email,
            "name": user.name,
            "role": user.role,
            "image": user.image,
            "subscriptionTier": user.tier,
        },
        "expires": fmt_time(Utc::now() + Duration::days(30)),
    })))
}

/// `POST /api/auth/api-keys`: a new `cj_live_...` key that authenticates as the caller.
pub(crate) async fn create_api_key(State(state): State<AppState>, caller: Caller) -> Response {
    let key = format!(
        "cj_live_{}{}",
        uuid::Uuid::new_v4().simple(),
        &new_id("k")[2..]
    );
    state
        .store()
        .api_keys
        .insert(key.clone(), caller.user_id.clone());
    created(json!({
        "apiKey": key,
        "expiresAt": fmt_time(Utc::now() + Duration::days(365)),
    }))
}
