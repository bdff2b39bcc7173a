//! `/api/users*`: the caller's profile, and the admin-only list, invite and delete.

use axum::extract::State;
use axum::{Router, routing};
use chrono::{Duration, Utc};
use serde_json::{Value, json};

use super::store::{Caller, User, fmt_time, new_id};
use super::{ApiError, ApiResult, AppState, Id, JsonBody, QueryMap, ok, opt_str, req_str};
use crate::platform::store::Invitation;

/// This module's routes, merged into the platform router by [`super::router`] (which adds the
/// service-wide layers).
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/users/me", routing::get(me).patch(update_me))
        .route("/api/users", routing::get(list))
        .route("/api/users/invite", routing::post(invite))
        .route("/api/users/{id}", routing::delete(delete))
}

fn limits(tier: &str) -> Value {
    match tier {
        "PRO" => {
            json!({ "monthlyMessages": 5000, "monthlyTokens": 1_000_000, "agentsAllowed": 10 })
        }
        // BUSINESS: unlimited messages and tokens (the seed's "Ilimitado").
        "BUSINESS" => {
            json!({ "monthlyMessages": null, "monthlyTokens": null, "agentsAllowed": 50 })
        }
        _ => json!({ "monthlyMessages": 100, "monthlyTokens": 100_000, "agentsAllowed": 3 }),
    }
}

fn summary(user: &User) -> Value {
    json!({
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": user.role,
        "isActive": user.is_active,
        "createdAt": user.created_at,
    })
}

fn require_admin(caller: &Caller) -> Result<(), ApiError> {
    if caller.is_admin() {
        Ok(())
    } else {
        Err(ApiError::forbidden("This action requires the ADMIN role"))
    }
}

/// `GET /api/users/me`.
pub(crate) async fn me(State(state): State<AppState>, caller: Caller) -> ApiResult {
    let store = state.store();
    let user = store
        .user(&caller.user_id)
        .ok_or_else(ApiError::unauthorized)?;
    Ok(ok(json!({
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": user.role,
        "subscriptionTier": user.tier,
        "isActive": user.is_active,
        "createdAt": user.created_at,
        "image": user.image,
        "preferences": user.preferences,
        "limits": limits(&user.tier),
        "usage": { "messagesUsed": user.messages_used, "tokensUsed": user.tokens_used },
    })))
}

/// `PATCH /api/users/me`: `name` (non-empty) and `preferences` (object, merged).
pub(crate) async fn update_me(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let name = match opt_str(&body, "name")? {
        Some(n) if n.trim().is_empty() => {
            return Err(ApiError::validation(
                "name",
                "Must not be empty",
                "non-empty string",
            ));
        }
        other => other,
    };
    let preferences = match body.get("preferences") {
        None | Some(Value::Null) => None,
        Some(Value::Object(map)) => Some(map.clone()),
        Some(_) => {
            return Err(ApiError::validation(
                "preferences",
                "Must be an object",
                "object",
            ));
        }
    };
    let mut store = state.store();
    let user = store
        .user_mut(&caller.user_id)
        .ok_or_else(ApiError::unauthorized)?;
    if let Some(name) = name {
        user.name = name.trim().to_string();
    }
    if let Some(prefs) = preferences {
        if !user.preferences.is_object() {
            user.preferences = json!({});
        }
        if let Some(current) = user.preferences.as_object_mut() {
            for (k, v) in prefs {
                current.insert(k, v);
            }
        }
    }
    Ok(ok(json!({
        "id": user.id,
        "name": user.name,
        "preferences": user.preferences,
    })))
}

/// `GET /api/users` (admin): page pagination with `role` and `search` filters.
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: QueryMap,
) -> ApiResult {
    require_admin(&caller)?;
    let page = query.int("page", 1, 1, 1_000_000)?;
    let limit = query.int("limit", 20, 1, 100)?;
    let role = match query.text("role") {
        None => None,
        Some(r) => {
            let r = r.to_ascii_uppercase();
            if r != "ADMIN" && r != "USER" {
                return Err(ApiError::validation(
                    "role",
                    format!("Unknown role `{r}`"),
                    "ADMIN or USER",
                ));
            }
            Some(r)
        }
    };
    let search = query.text("search").map(str::to_lowercase);
    let store = state.store();
    let matching: Vec<&User> = store
        .users
        .iter()
        .filter(|u| role.as_deref().is_none_or(|r| u.role == r))
        .filter(|u| {
            search.as_deref().is_none_or(|s| {
                u.email.to_lowercase().contains(s) || u.name.to_lowercase().contains(s)
            })
        })
        .collect();
    let total = matching.len() as u64;
    let pages = total.div_ceil(limit);
    let users: Vec<Value> = matching
        .into_iter()
        .skip(((page - 1) * limit) as usize)
        .take(limit as usize)
        .map(summary)
        .collect();
    Ok(ok(json!({
        "users": users,
        "pagination": { "page": page, "limit": limit, "total": total, "pages": pages },
    })))
}

fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `POST /api/users/invite` (admin).
pub(crate) async fn invite(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody,
) -> ApiResult {
    require_admin(&caller)?;
    let email = req_str(&body, "email")?.trim().to_string();
    if !valid_email(&email) {
        return Err(ApiError::validation(
            "email",
            "Invalid email format",
            "string (email)",
        ));
    }
    let role = opt_str(&body, "role")?.unwrap_or("USER");
    if role != "USER" && role != "ADMIN" {
        return Err(ApiError::validation(
            "role",
            format!("Unknown role `{role}`"),
            "ADMIN or USER",
        ));
    }
    opt_str(&body, "message")?;
    let lower = email.to_lowercase();
    let invitation_id = {
        let mut store = state.store();
        if store.users.iter().any(|u| u.email.to_lowercase() == lower) {
            return Err(ApiError::conflict(
                "A user with this email already exists",
                json!({ "field": "email", "email": email }),
            ));
        }
        if store
            .invitations
            .values()
            .any(|i| i.email.to_lowercase() == lower)
        {
            return Err(ApiError::conflict(
                "This email has already been invited",
                json!({ "field": "email", "email": email }),
            ));
        }
        let id = new_id("inv");
        store.invitations.insert(
            id.clone(),
            Invitation {
                email: email.clone(),
            },
        );
        id
    };
    state.emit(
        &caller.user_id,
        "user.created",
        json!({ "invitationId": invitation_id, "email": email, "role": role }),
    );
    Ok(super::created(json!({
        "invitationId": invitation_id,
        "email": email,
        "expiresAt": fmt_time(Utc::now() + Duration::days(7)),
        "inviteUrl": format!("https://agents.cjhirashi.com/invite/{invitation_id}"),
    })))
}

/// `DELETE /api/users/:id` (admin).
pub(crate) async fn delete(State(state): State<AppState>, caller: Caller, Id(id): Id) -> ApiResult {
    require_admin(&caller)?;
    if id == caller.user_id {
        return Err(ApiError::forbidden(
            "Admins cannot delete their own account",
        ));
    }
    let mut store = state.store();
    let before = store.users.len();
    store.users.retain(|u| u.id != id);
    if store.users.len() == before {
        return Err(ApiError::not_found("User", &id));
    }
    store.api_keys.retain(|_, owner| owner != &id);
    store.conversations.retain(|_, c| c.owner != id);
    store.health.remove(&id);
    store.finance.remove(&id);
    Ok(ok(
        json!({ "message": "User deleted successfully", "deletedUserId": id }),
    ))
}
