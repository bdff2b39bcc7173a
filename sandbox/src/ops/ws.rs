//! WebSocket `/ws`: the first frame must be `{"type":"auth","token"}` (within 10 s); then
//! `chat` frames get the same events as the SSE stream, `ping` gets `pong`. Bad auth closes
//! with 1008, messages over 1 MiB close with 1009, invalid JSON gets an `error` event.

use std::time::Duration;

use axum::extract::State;
use axum::extract::ws::{
    CloseFrame, Message, WebSocket, WebSocketUpgrade, rejection::WebSocketUpgradeRejection,
};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router, routing};
use serde_json::{Value, json};

use super::error::{ApiError, opt_str, req_str};
use super::{MAX_BODY, OpsState, agent};
use crate::common::FaultPlan;

const AUTH_TIMEOUT: Duration = Duration::from_secs(10);
const CLOSE_POLICY: u16 = 1008;
const CLOSE_TOO_BIG: u16 = 1009;
const CLOSE_PROTOCOL: u16 = 1002;

/// The route of this module, `GET /ws`, merged by [`super::router`] outside the REST
/// authentication and contract layers: the socket authenticates in its first frame, and the
/// AsyncAPI document describes it.
pub(super) fn routes() -> Router<OpsState> {
    Router::new().route("/ws", routing::get(upgrade))
}

pub(crate) async fn upgrade(
    State(state): State<OpsState>,
    plan: Option<Extension<FaultPlan>>,
    closing: Option<Extension<crate::common::Closing>>,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let ws = match ws {
        Ok(ws) => ws,
        Err(rej) => {
            return ApiError::new(
                rej.status(),
                format!("Se esperaba un handshake WebSocket: {}", rej.body_text()),
            )
            .into_response();
        }
    };
    let plan = plan.map(|Extension(p)| p).unwrap_or_default();
    ws.max_message_size(MAX_BODY)
        .max_frame_size(MAX_BODY)
        .on_upgrade(move |socket| async move {
            match closing {
                // the server stopping drops the session, and with it the socket
                Some(Extension(closing)) => {
                    tokio::select! {
                        () = session(socket, state, plan) => {}
                        () = closing.wait() => {}
                    }
                }
                None => session(socket, state, plan).await,
            }
        })
}

fn error_event(code: &str, message: &str) -> Value {
    json!({"type": "error", "error": {"code": code, "message": message, "details": {}}})
}

async fn send_json(socket: &mut WebSocket, value: &Value) -> bool {
    socket
        .send(Message::Text(value.to_string().into()))
        .await
        .is_ok()
}

async fn close(socket: &mut WebSocket, code: u16, reason: &str) {
    let _ = socket
        .send(Message::Close(Some(CloseFrame {
            code,
            reason: reason.into(),
        })))
        .await;
}

/// Closes with the code a receive error calls for (1009 for an oversized message).
async fn close_for_error(socket: &mut WebSocket, err: &axum::Error) {
    let text = err.to_string();
    if text.contains("Space limit exceeded") || text.contains("too long") {
        close(socket, CLOSE_TOO_BIG, "message exceeds 1 MiB").await;
    } else {
        close(socket, CLOSE_PROTOCOL, "protocol error").await;
    }
}

fn frame_text(msg: &Message) -> Option<&str> {
    match msg {
        Message::Text(t) => Some(t.as_str()),
        Message::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

/// Waits for the auth frame; returns the authenticated user or `None` once the socket is closed.
async fn authenticate(socket: &mut WebSocket, state: &OpsState) -> Option<String> {
    let deadline = tokio::time::Instant::now() + AUTH_TIMEOUT;
    loop {
        let next = tokio::time::timeout_at(deadline, socket.recv()).await;
        let msg = match next {
            Err(_) => {
                let _ = send_json(
                    socket,
                    &error_event(
                        "UNAUTHORIZED",
                        "No se recibió el mensaje de autenticación a tiempo",
                    ),
                )
                .await;
                close(socket, CLOSE_POLICY, "authentication timeout").await;
                return None;
            }
            Ok(None) => return None,
            Ok(Some(Err(e))) => {
                close_for_error(socket, &e).await;
                return None;
            }
            Ok(Some(Ok(msg))) => msg,
        };
        match msg {
            Message::Ping(_) | Message::Pong(_) => continue,
            Message::Close(_) => return None,
            _ => {}
        }
        let parsed: Option<Value> = frame_text(&msg).and_then(|t| serde_json::from_str(t).ok());
        let token = parsed
            .as_ref()
            .and_then(|v| (v["type"] == "auth").then(|| v["token"].as_str()).flatten());
        let outcome = match token {
            None => Err("El primer mensaje debe ser {\"type\":\"auth\",\"token\":\"...\"}"),
            Some(t) => state
                .authenticate(t.strip_prefix("Bearer ").unwrap_or(t))
                .map_err(|e| e.message()),
        };
        return match outcome {
            Ok(principal) => {
                if send_json(socket, &json!({"type": "authenticated"})).await {
                    Some(principal.user)
                } else {
                    None
                }
            }
            Err(message) => {
                let _ = send_json(socket, &error_event("UNAUTHORIZED", message)).await;
                close(socket, CLOSE_POLICY, "unauthorized").await;
                None
            }
        };
    }
}

async fn session(mut socket: WebSocket, state: OpsState, plan: FaultPlan) {
    let Some(user) = authenticate(&mut socket, &state).await else {
        return;
    };
    while let Some(received) = socket.recv().await {
        let msg = match received {
            Ok(msg) => msg,
            Err(e) => {
                close_for_error(&mut socket, &e).await;
                return;
            }
        };
        if matches!(msg, Message::Close(_)) {
            return;
        }
        let Some(text) = frame_text(&msg) else {
            // Ping frames are answered with pongs by the WebSocket layer itself.
            continue;
        };
        let frame = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => map,
            Ok(_) => {
                let ev = error_event("INVALID_REQUEST", "Cada mensaje debe ser un objeto JSON");
                if !send_json(&mut socket, &ev).await {
                    return;
                }
                continue;
            }
            Err(e) => {
                let ev = error_event("INVALID_REQUEST", &format!("JSON inválido: {e}"));
                if !send_json(&mut socket, &ev).await {
                    return;
                }
                continue;
            }
        };
        let reply: Vec<Value> = match frame.get("type").and_then(Value::as_str) {
            Some("ping") => vec![json!({"type": "pong"})],
            Some("auth") => vec![json!({"type": "authenticated"})],
            Some("chat") => {
                let parsed = req_str(&frame, "message").and_then(|m| {
                    opt_str(&frame, "conversation_id").map(|c| (m, c.filter(|c| !c.is_empty())))
                });
                match parsed {
                    Ok((message, conversation_id)) => {
                        agent::run(&state, &user, conversation_id, message, None).events
                    }
                    Err(e) => vec![e.to_event()],
                }
            }
            other => vec![error_event(
                "INVALID_REQUEST",
                &format!(
                    "Tipo de mensaje desconocido {} (admitidos: chat, ping)",
                    other.map_or_else(|| "(ninguno)".to_owned(), |t| format!("'{t}'"))
                ),
            )],
        };
        let limit = match (plan.cut_after, plan.stall_after) {
            (Some(c), Some(s)) => Some(c.min(s)),
            (c, s) => c.or(s),
        };
        for (i, event) in reply.iter().enumerate() {
            if limit == Some(i) {
                if plan.stall_after == Some(i) {
                    // Injected stall: keep the connection open and silent.
                    std::future::pending::<()>().await;
                }
                // Injected cut: drop the connection without a close frame.
                return;
            }
            if !send_json(&mut socket, event).await {
                return;
            }
        }
    }
}
