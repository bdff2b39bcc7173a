//! `/api/conversations*`, including the SSE message endpoints.

use axum::extract::State;
use axum::response::Response;
use axum::{Router, routing};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::assistant::{self, Done, sse_response, token_count};
use super::store::{Caller, Content, Conversation, Message, Store, fmt_time, new_id};
use super::{
    ApiError, ApiResult, AppState, Id, JsonBody, Plan, QueryMap, created, ok, opt_str, req_str,
};

/// This module's routes, merged into the platform router by [`super::router`] (which adds the
/// service-wide layers).
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/conversations", routing::get(list).post(create))
        .route("/api/conversations/{id}", routing::get(get).delete(delete))
        .route(
            "/api/conversations/{id}/messages",
            routing::post(send_message),
        )
        .route(
            "/api/conversations/{id}/messages/stream",
            routing::get(stream),
        )
}

/// Most tokens a `?tokens=N` bench answer may have.
const MAX_SYNTHETIC_TOKENS: u64 = 1_000_000;

fn summary(c: &Conversation) -> Value {
    json!({
        "id": c.id,
        "title": c.title,
        "agentId": c.agent_id,
        "createdAt": fmt_time(c.created_at),
        "updatedAt": fmt_time(c.updated_at),
        "messageCount": c.messages.len(),
    })
}

fn message_json(m: &Message) -> Value {
    json!({
        "id": m.id,
        "role": m.role,
        "content": m.content.render(),
        "timestamp": fmt_time(m.timestamp),
    })
}

fn owned<'a>(store: &'a Store, caller: &Caller, id: &str) -> Result<&'a Conversation, ApiError> {
    store
        .conversations
        .get(id)
        .filter(|c| c.owner == caller.user_id)
        .ok_or_else(|| ApiError::not_found("Conversation", id))
}

/// `GET /api/conversations`: newest updated first, cursor pagination, `agentId` filter.
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: QueryMap,
) -> ApiResult {
    let limit = query.int("limit", 20, 1, 100)? as usize;
    let agent_id = query.text("agentId");
    let cursor = query.text("cursor");
    let store = state.store();
    let mut items: Vec<&Conversation> = store
        .conversations
        .values()
        .filter(|c| c.owner == caller.user_id)
        .filter(|c| agent_id.is_none_or(|a| c.agent_id == a))
        .collect();
    items.sort_by(|a, b| {
        b.updated_at
            .cmp(&a.updated_at)
            .then(b.touch.cmp(&a.touch))
            .then(a.id.cmp(&b.id))
    });
    let start = match cursor {
        None => 0,
        // A cursor that names no conversation (any string is a well-formed cursor).
        Some(cur) => items
            .iter()
            .position(|c| c.id == cur)
            .ok_or_else(|| ApiError::not_found("cursor", cur))?,
    };
    let page: Vec<Value> = items
        .iter()
        .skip(start)
        .take(limit)
        .map(|c| summary(c))
        .collect();
    let next = items.get(start + limit).map(|c| c.id.clone());
    Ok(ok(json!({
        "conversations": page,
        "pagination": { "nextCursor": next, "hasMore": next.is_some() },
    })))
}

/// `GET /api/conversations/:id?messageLimit=N`: the most recent N messages (oldest first).
pub(crate) async fn get(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
    query: QueryMap,
) -> ApiResult {
    let message_limit = query.int("messageLimit", 50, 1, 200)? as usize;
    let store = state.store();
    let conv = owned(&store, &caller, &id)?;
    let skip = conv.messages.len().saturating_sub(message_limit);
    let messages: Vec<Value> = conv.messages[skip..].iter().map(message_json).collect();
    let mut data = summary(conv);
    if let Some(obj) = data.as_object_mut() {
        obj.insert("messages".into(), Value::Array(messages));
    }
    Ok(ok(data))
}

/// `POST /api/conversations`.
pub(crate) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let agent_id = req_str(&body, "agentId")?.to_string();
    let title = match opt_str(&body, "title")? {
        Some(t) if !t.trim().is_empty() => t.trim().to_string(),
        Some(_) => {
            return Err(ApiError::validation(
                "title",
                "Must not be empty",
                "non-empty string",
            ));
        }
        None => "Nueva conversación".to_string(),
    };
    let initial = match opt_str(&body, "initialMessage")? {
        Some(m) if m.trim().is_empty() => {
            return Err(ApiError::validation(
                "initialMessage",
                "Must not be empty",
                "non-empty string",
            ));
        }
        other => other.map(str::to_string),
    };
    let now = Utc::now();
    let id = new_id("conv");
    let first_message = {
        let mut store = state.store();
        if store.visible_agent(&caller, &agent_id).is_none() {
            return Err(ApiError::not_found("Agent", &agent_id));
        }
        let touch = store.tick();
        let mut messages = Vec::new();
        if let Some(text) = &initial {
            messages.push(Message {
                id: new_id("msg"),
                role: "user",
                content: Content::Text(text.clone()),
                timestamp: now,
                tokens: text.split_whitespace().count() as u64,
            });
        }
        let first = messages.first().cloned();
        store.conversations.insert(
            id.clone(),
            Conversation {
                id: id.clone(),
                owner: caller.user_id.clone(),
                agent_id: agent_id.clone(),
                title: title.clone(),
                created_at: now,
                updated_at: now,
                touch,
                messages,
            },
        );
        if first.is_some()
            && let Some(user) = store.user_mut(&caller.user_id)
        {
            user.messages_used += 1;
        }
        first
    };
    state.emit(
        &caller.user_id,
        "conversation.created",
        json!({ "conversationId": id, "agentId": agent_id, "userId": caller.user_id, "title": title }),
    );
    if let Some(m) = first_message {
        state.emit(
            &caller.user_id,
            "message.sent",
            json!({
                "messageId": m.id,
                "conversationId": id,
                "userId": caller.user_id,
                "content": m.content.render(),
                "tokensUsed": m.tokens,
            }),
        );
    }
    Ok(created(json!({
        "id": id,
        "title": title,
        "agentId": agent_id,
        "createdAt": fmt_time(now),
    })))
}

/// `DELETE /api/conversations/:id`.
pub(crate) async fn delete(State(state): State<AppState>, caller: Caller, Id(id): Id) -> ApiResult {
    {
        let mut store = state.store();
        owned(&store, &caller, &id)?;
        store.conversations.remove(&id);
    }
    state.emit(
        &caller.user_id,
        "conversation.deleted",
        json!({ "conversationId": id, "userId": caller.user_id }),
    );
    Ok(ok(
        json!({ "message": "Conversation deleted successfully", "deletedConversationId": id }),
    ))
}

fn synthetic(query: &QueryMap) -> Result<Option<u64>, ApiError> {
    if query.text("tokens").is_none() {
        return Ok(None);
    }
    query.int("tokens", 0, 0, MAX_SYNTHETIC_TOKENS).map(Some)
}

/// Stores the assistant answer in `conv_id` and updates usage; answers the `done` facts and
/// the webhook events to send once the store is unlocked.
fn store_answer(
    store: &mut Store,
    caller: &Caller,
    conv_id: &str,
    content: Content,
    prompt_tokens: u64,
    now: DateTime<Utc>,
) -> (Done, Vec<(&'static str, Value)>) {
    let answer_tokens = token_count(&content);
    let message = Message {
        id: new_id("msg"),
        role: "assistant",
        content,
        timestamp: now,
        tokens: answer_tokens,
    };
    let touch = store.tick();
    let mut agent_id = String::new();
    if let Some(conv) = store.conversations.get_mut(conv_id) {
        conv.messages.push(message.clone());
        conv.updated_at = now;
        conv.touch = touch;
        agent_id = conv.agent_id.clone();
    }
    let tokens_used = prompt_tokens + answer_tokens;
    if let Some(user) = store.user_mut(&caller.user_id) {
        user.tokens_used += tokens_used;
    }
    let received = json!({
        "messageId": message.id,
        "conversationId": conv_id,
        "userId": caller.user_id,
        "content": if answer_tokens <= 10_000 { message.content.render() } else { format!("({answer_tokens} tokens)") },
        "tokensUsed": answer_tokens,
    });
    let invoked =
        json!({ "agentId": agent_id, "conversationId": conv_id, "userId": caller.user_id });
    (
        Done {
            message_id: message.id,
            tokens_used,
            timestamp: fmt_time(now),
        },
        vec![("agent.invoked", invoked), ("message.received", received)],
    )
}

/// `POST /api/conversations/:id/messages`: stores the question, streams the answer (SSE).
pub(crate) async fn send_message(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
    query: QueryMap,
    Plan(plan): Plan,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let tokens = synthetic(&query)?;
    let content = req_str(&body, "content")?.to_string();
    let now = Utc::now();
    let (done, answer, events) = {
        let mut store = state.store();
        owned(&store, &caller, &id)?;
        let answer = match tokens {
            Some(n) => Content::Synthetic(n),
            None => Content::Text(assistant::answer(&store, &caller.user_id, &content, now)),
        };
        let prompt_tokens = content.split_whitespace().count() as u64;
        let question = Message {
            id: new_id("msg"),
            role: "user",
            content: Content::Text(content.clone()),
            timestamp: now,
            tokens: prompt_tokens,
        };
        if let Some(conv) = store.conversations.get_mut(&id) {
            conv.messages.push(question.clone());
        }
        if let Some(user) = store.user_mut(&caller.user_id) {
            user.messages_used += 1;
        }
        let (done, mut events) =
            store_answer(&mut store, &caller, &id, answer.clone(), prompt_tokens, now);
        events.insert(
            0,
            (
                "message.sent",
                json!({
                    "messageId": question.id,
                    "conversationId": id,
                    "userId": caller.user_id,
                    "content": content,
                    "tokensUsed": prompt_tokens,
                }),
            ),
        );
        (done, answer, events)
    };
    for (event, data) in events {
        state.emit(&caller.user_id, event, data);
    }
    Ok(sse_response(answer, done, &plan))
}

/// `GET /api/conversations/:id/messages/stream`: the answer to the newest user message
/// (generated now if it is not answered yet).
pub(crate) async fn stream(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
    query: QueryMap,
    Plan(plan): Plan,
) -> Result<Response, ApiError> {
    let tokens = synthetic(&query)?;
    let now = Utc::now();
    let (content, done, events) = {
        let mut store = state.store();
        let conv = owned(&store, &caller, &id)?;
        let Some(pos) = conv.messages.iter().rposition(|m| m.role == "user") else {
            return Err(ApiError::not_found("User message to answer", &id));
        };
        let question = conv.messages[pos].clone();
        let existing = conv.messages[pos + 1..]
            .iter()
            .find(|m| m.role == "assistant")
            .cloned();
        match existing {
            Some(answer) => {
                let content = match tokens {
                    Some(n) => Content::Synthetic(n),
                    None => answer.content.clone(),
                };
                let done = Done {
                    message_id: answer.id.clone(),
                    tokens_used: question.tokens + token_count(&content),
                    timestamp: fmt_time(answer.timestamp),
                };
                (content, done, Vec::new())
            }
            None => {
                let content = match tokens {
                    Some(n) => Content::Synthetic(n),
                    None => Content::Text(assistant::answer(
                        &store,
                        &caller.user_id,
                        &question.content.render(),
                        now,
                    )),
                };
                let (done, events) = store_answer(
                    &mut store,
                    &caller,
                    &id,
                    content.clone(),
                    question.tokens,
                    now,
                );
                (content, done, events)
            }
        }
    };
    for (event, data) in events {
        state.emit(&caller.user_id, event, data);
    }
    Ok(sse_response(content, done, &plan))
}
