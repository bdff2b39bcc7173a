//! Streaming surfaces of the ops sandbox: SSE chat (event order, chunking, injected faults),
//! the WebSocket session, and webhook deliveries.

use std::time::Duration;

use agents_sandbox::{Sandbox, WebhookSink};
use futures::{SinkExt, StreamExt};
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use tokio_tungstenite::tungstenite::Message;

struct Ops {
    _sb: Sandbox,
    base: String,
    http: reqwest::Client,
    token: String,
}

async fn ops() -> Ops {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sb = Sandbox::start().await.expect("sandbox");
    let http = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client");
    let base = sb.ops_url().to_string();
    let login = http
        .post(format!("{base}/api/auth/login"))
        .header("content-type", "application/json")
        .body(
            json!({"username": sb.username().to_string(), "password": sb.password().to_string()})
                .to_string(),
        )
        .send()
        .await
        .expect("login");
    let body: Value = serde_json::from_slice(&login.bytes().await.expect("body")).expect("json");
    Ops {
        token: body["access_token"].as_str().expect("token").to_owned(),
        _sb: sb,
        base,
        http,
    }
}

impl Ops {
    fn post(&self, path: &str, body: &Value) -> reqwest::RequestBuilder {
        self.http
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .header("content-type", "application/json")
            .body(body.to_string())
    }

    async fn post_json(&self, path: &str, body: &Value) -> Value {
        let resp = self.post(path, body).send().await.expect("send");
        serde_json::from_slice(&resp.bytes().await.expect("body")).expect("json")
    }

    fn ws_url(&self) -> String {
        format!("{}/ws", self.base.replacen("http://", "ws://", 1))
    }
}

/// Splits an SSE body into its `data:` JSON payloads, checking the framing by hand.
fn parse_sse(text: &str) -> Vec<Value> {
    assert!(
        text.is_empty() || text.ends_with("\n\n"),
        "events end with a blank line: {text:?}"
    );
    text.split("\n\n")
        .filter(|block| !block.is_empty())
        .map(|block| {
            let data = block
                .strip_prefix("data: ")
                .unwrap_or_else(|| panic!("only data lines expected: {block:?}"));
            assert!(!data.contains('\n'), "one line of JSON per event");
            serde_json::from_str(data).expect("event JSON")
        })
        .collect()
}

fn types(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["type"].as_str().expect("type").to_owned())
        .collect()
}

fn message_text(events: &[Value]) -> String {
    events
        .iter()
        .filter(|e| e["type"] == "message")
        .map(|e| e["content"].as_str().expect("content"))
        .collect()
}

#[tokio::test]
async fn sse_chat_events_arrive_in_order() {
    let o = ops().await;
    let resp = o
        .post("/api/chat", &json!({"conversation_id": "conv_123", "message": "Lista las instancias EC2", "stream": true}))
        .send()
        .await
        .expect("send");
    assert_eq!(resp.status(), 200);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .expect("ct")
            .starts_with("text/event-stream")
    );
    assert!(resp.headers().contains_key("x-ratelimit-remaining"));
    let events = parse_sse(&resp.text().await.expect("text"));
    let kinds = types(&events);
    assert_eq!(&kinds[..3], ["thinking", "tool_call", "tool_result"]);
    assert_eq!(kinds.last().map(String::as_str), Some("done"));
    let messages = kinds.iter().filter(|k| *k == "message").count();
    assert!(messages >= 2, "the answer arrives in several chunks");
    assert_eq!(kinds.len(), 4 + messages);
    assert_eq!(events[0]["content"], "Analizando request...");
    assert_eq!(events[1]["tool"], "list_ec2_instances");
    assert_eq!(events[1]["params"], json!({"region": "us-east-1"}));
    assert_eq!(events[2]["tool"], "list_ec2_instances");
    assert_eq!(events[2]["result"].as_array().expect("result").len(), 5);
    let text = message_text(&events);
    assert!(
        text.starts_with("Encontré 5 instancias EC2 en us-east-1: "),
        "{text}"
    );
    assert_eq!(events.last().expect("done")["conversation_id"], "conv_123");

    // The streamed answer is what the conversation stored.
    let conv: Value = serde_json::from_slice(
        &o.http
            .get(format!("{}/api/conversations/conv_123", o.base))
            .bearer_auth(&o.token)
            .send()
            .await
            .expect("get")
            .bytes()
            .await
            .expect("body"),
    )
    .expect("json");
    let stored = conv["messages"]
        .as_array()
        .expect("messages")
        .last()
        .expect("last")
        .clone();
    assert_eq!(stored["content"], text.as_str());
    assert_eq!(stored["tool_calls"][0]["tool"], "list_ec2_instances");
}

#[tokio::test]
async fn sse_chunks_hook_and_plain_answers() {
    let o = ops().await;
    for n in [1usize, 5, 40] {
        let resp = o
            .post(
                &format!("/api/chat?chunks={n}"),
                &json!({"message": "What alerts are there?", "stream": true}),
            )
            .send()
            .await
            .expect("send");
        let events = parse_sse(&resp.text().await.expect("text"));
        assert_eq!(events.iter().filter(|e| e["type"] == "message").count(), n);
        assert!(
            message_text(&events)
                .starts_with("There are 2 critical alerts, 5 warnings and 120 ok checks.")
        );
    }
    let resp = o
        .post(
            "/api/chat",
            &json!({"message": "hola, ¿qué puedes hacer?", "stream": true}),
        )
        .send()
        .await
        .expect("send");
    let events = parse_sse(&resp.text().await.expect("text"));
    let kinds = types(&events);
    assert!(
        !kinds.iter().any(|k| k == "tool_call"),
        "no tool for small talk: {kinds:?}"
    );
    assert_eq!(kinds.first().map(String::as_str), Some("thinking"));
    assert_eq!(kinds.last().map(String::as_str), Some("done"));
    assert!(
        events.last().expect("done")["conversation_id"]
            .as_str()
            .expect("id")
            .starts_with("conv_")
    );
}

#[tokio::test]
async fn injected_cut_and_stall_on_the_stream() {
    let o = ops().await;
    let resp = o
        .post(
            "/api/chat",
            &json!({"message": "Lista las instancias EC2", "stream": true}),
        )
        .header("x-sandbox-fault", "cut_after=2")
        .send()
        .await
        .expect("send");
    assert_eq!(resp.status(), 200);
    let events = parse_sse(&resp.text().await.expect("text"));
    assert_eq!(
        types(&events),
        ["thinking", "tool_call"],
        "cut after two events, no done"
    );

    let mut resp = o
        .post(
            "/api/chat",
            &json!({"message": "Lista las instancias EC2", "stream": true}),
        )
        .header("x-sandbox-fault", "stall_after=3")
        .send()
        .await
        .expect("send");
    let mut text = String::new();
    loop {
        match tokio::time::timeout(Duration::from_millis(700), resp.chunk()).await {
            Ok(Ok(Some(bytes))) => text.push_str(std::str::from_utf8(&bytes).expect("utf8")),
            Ok(Ok(None)) => panic!("a stalled stream must not end"),
            Ok(Err(e)) => panic!("stream error: {e}"),
            Err(_) => break,
        }
    }
    assert_eq!(
        types(&parse_sse(&text)),
        ["thinking", "tool_call", "tool_result"]
    );

    let failed = o
        .post("/api/chat", &json!({"message": "hola"}))
        .header("x-sandbox-fault", "status=503;retry_after=2")
        .send()
        .await
        .expect("send");
    assert_eq!(failed.status(), 503);
    assert_eq!(failed.headers()["retry-after"], "2");
    let body: Value = serde_json::from_slice(&failed.bytes().await.expect("b")).expect("json");
    assert_eq!(body["error"]["code"], "SERVICE_UNAVAILABLE");
}

async fn next_json<S>(ws: &mut S) -> Value
where
    S: futures::Stream<Item = Result<Message, tokio_tungstenite::tungstenite::Error>> + Unpin,
{
    loop {
        let msg = tokio::time::timeout(Duration::from_secs(5), ws.next())
            .await
            .expect("frame in time")
            .expect("open")
            .expect("frame");
        match msg {
            Message::Text(t) => return serde_json::from_str(t.as_str()).expect("json frame"),
            Message::Ping(_) | Message::Pong(_) => continue,
            other => panic!("unexpected frame {other:?}"),
        }
    }
}

async fn close_code<S>(ws: &mut S) -> Option<u16>
where
    S: futures::Stream<Item = Result<Message, tokio_tungstenite::tungstenite::Error>> + Unpin,
{
    loop {
        match tokio::time::timeout(Duration::from_secs(5), ws.next())
            .await
            .expect("in time")
        {
            Some(Ok(Message::Close(frame))) => return frame.map(|f| u16::from(f.code)),
            Some(Ok(_)) => continue,
            Some(Err(_)) | None => return None,
        }
    }
}

fn text(v: Value) -> Message {
    Message::Text(v.to_string().into())
}

#[tokio::test]
async fn websocket_auth_chat_and_ping() {
    let o = ops().await;
    let (mut ws, _) = tokio_tungstenite::connect_async(o.ws_url())
        .await
        .expect("connect");
    ws.send(text(json!({"type": "auth", "token": o.token})))
        .await
        .expect("send");
    assert_eq!(next_json(&mut ws).await, json!({"type": "authenticated"}));

    ws.send(text(json!({"type": "chat", "conversation_id": "conv_123", "message": "Lista las instancias EC2"})))
        .await
        .expect("send");
    let mut events = Vec::new();
    loop {
        let ev = next_json(&mut ws).await;
        let done = ev["type"] == "done";
        events.push(ev);
        if done {
            break;
        }
    }
    let kinds = types(&events);
    assert_eq!(&kinds[..3], ["thinking", "tool_call", "tool_result"]);
    assert!(kinds[3..kinds.len() - 1].iter().all(|k| k == "message"));
    assert!(message_text(&events).starts_with("Encontré 5 instancias EC2 en us-east-1"));
    assert_eq!(events.last().expect("done")["conversation_id"], "conv_123");

    ws.send(text(json!({"type": "ping"}))).await.expect("send");
    assert_eq!(next_json(&mut ws).await, json!({"type": "pong"}));

    ws.send(Message::Ping(b"hb".to_vec().into()))
        .await
        .expect("ping");
    let pong = tokio::time::timeout(Duration::from_secs(5), ws.next())
        .await
        .expect("in time")
        .expect("open")
        .expect("frame");
    assert_eq!(pong, Message::Pong(b"hb".to_vec().into()));

    // Invalid JSON gets an error event, not a close.
    ws.send(Message::Text("{oops".into())).await.expect("send");
    let err = next_json(&mut ws).await;
    assert_eq!(err["type"], "error");
    assert_eq!(err["error"]["code"], "INVALID_REQUEST");
    ws.send(text(json!({"type": "chat"}))).await.expect("send");
    assert_eq!(next_json(&mut ws).await["error"]["code"], "INVALID_REQUEST");
    ws.send(text(json!({"type": "ping"}))).await.expect("send");
    assert_eq!(next_json(&mut ws).await, json!({"type": "pong"}));

    // Messages over 1 MiB close the socket with 1009.
    let big = "x".repeat(1024 * 1024 + 1);
    let _ = ws.send(Message::Text(big.into())).await;
    assert_eq!(close_code(&mut ws).await, Some(1009));
}

#[tokio::test]
async fn websocket_bad_auth_closes_with_policy_code() {
    let o = ops().await;
    for first in [
        json!({"type": "auth", "token": "not-a-token"}),
        json!({"type": "chat", "message": "hola"}),
    ] {
        let (mut ws, _) = tokio_tungstenite::connect_async(o.ws_url())
            .await
            .expect("connect");
        ws.send(text(first)).await.expect("send");
        let err = next_json(&mut ws).await;
        assert_eq!(err["type"], "error");
        assert_eq!(err["error"]["code"], "UNAUTHORIZED");
        assert_eq!(close_code(&mut ws).await, Some(1008));
    }
    // The static API key works as a token too.
    let (mut ws, _) = tokio_tungstenite::connect_async(o.ws_url())
        .await
        .expect("connect");
    ws.send(text(json!({"type": "auth", "token": "tu-api-key"})))
        .await
        .expect("send");
    assert_eq!(next_json(&mut ws).await, json!({"type": "authenticated"}));
}

fn header<'a>(d: &'a agents_sandbox::Delivery, name: &str) -> &'a str {
    d.headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("missing header {name}"))
}

fn hmac_hex(secret: &str, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

#[tokio::test]
async fn webhooks_deliver_signed_ops_events() {
    let o = ops().await;
    let sink = WebhookSink::start().await.expect("sink");
    let reg = o
        .post_json(
            "/api/webhooks",
            &json!({"url": sink.url(), "events": ["tool.executed", "alert.critical", "conversation.created"], "secret": "s3cret"}),
        )
        .await;
    assert!(reg["id"].as_str().expect("id").starts_with("wh_"));

    o.post_json(
        "/api/tools/execute",
        &json!({"tool": "list_ec2_instances", "parameters": {"region": "us-west-2"}}),
    )
    .await;
    let d = sink
        .next_delivery(Duration::from_secs(5))
        .await
        .expect("delivery");
    assert_eq!(header(&d, "x-webhook-event"), "tool.executed");
    assert_eq!(
        header(&d, "x-webhook-signature"),
        hmac_hex("s3cret", &d.body)
    );
    assert!(header(&d, "x-webhook-id").starts_with("whd_"));
    let body: Value = serde_json::from_slice(&d.body).expect("json");
    assert_eq!(body["event"], "tool.executed");
    assert!(body["timestamp"].as_str().expect("ts").ends_with('Z'));
    assert_eq!(body["data"]["tool"], "list_ec2_instances");
    assert_eq!(body["data"]["parameters"], json!({"region": "us-west-2"}));
    assert_eq!(body["data"]["success"], true);
    assert!(body["data"]["execution_time_ms"].is_u64());

    // A failed delivery is retried.
    sink.fail_next(1);
    o.post_json("/api/tools/execute", &json!({"tool": "get_metrics"}))
        .await;
    let d = sink
        .next_delivery(Duration::from_secs(5))
        .await
        .expect("retried delivery");
    let body: Value = serde_json::from_slice(&d.body).expect("json");
    assert_eq!(body["data"]["tool"], "get_metrics");

    // Critical alerts seen by the agent, and a new conversation.
    o.post_json("/api/chat", &json!({"message": "¿Hay alertas críticas?"}))
        .await;
    let mut events = Vec::new();
    while let Some(d) = sink.next_delivery(Duration::from_secs(3)).await {
        let body: Value = serde_json::from_slice(&d.body).expect("json");
        assert_eq!(
            header(&d, "x-webhook-signature"),
            hmac_hex("s3cret", &d.body)
        );
        events.push(body);
        if events.len() == 4 {
            break;
        }
    }
    let named = |e: &str| events.iter().filter(|b| b["event"] == e).count();
    assert_eq!(named("alert.critical"), 2, "{events:?}");
    assert_eq!(named("tool.executed"), 1);
    assert_eq!(named("conversation.created"), 1);
    let alert = events
        .iter()
        .find(|b| b["event"] == "alert.critical")
        .expect("alert");
    for key in ["alert_id", "severity", "resource", "message"] {
        assert!(alert["data"][key].is_string(), "{key}");
    }
}

#[tokio::test]
async fn websocket_without_auth_frame_is_closed_after_ten_seconds() {
    let o = ops().await;
    let (mut ws, _) = tokio_tungstenite::connect_async(o.ws_url())
        .await
        .expect("connect");
    let started = std::time::Instant::now();
    let mut code = None;
    while let Ok(Some(frame)) = tokio::time::timeout(Duration::from_secs(15), ws.next()).await {
        match frame {
            Ok(Message::Close(f)) => {
                code = f.map(|f| u16::from(f.code));
                break;
            }
            Ok(Message::Text(t)) => {
                let ev: Value = serde_json::from_str(t.as_str()).expect("json");
                assert_eq!(ev["error"]["code"], "UNAUTHORIZED");
            }
            Ok(_) => {}
            Err(e) => panic!("socket error before close: {e}"),
        }
    }
    assert_eq!(code, Some(1008));
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(9) && waited < Duration::from_secs(14),
        "{waited:?}"
    );
}

#[tokio::test]
async fn shutdown_closes_an_open_websocket_session() {
    let o = ops().await;
    let (mut ws, _) = tokio_tungstenite::connect_async(o.ws_url())
        .await
        .expect("connect");
    ws.send(text(json!({"type": "auth", "token": o.token})))
        .await
        .expect("send");
    assert_eq!(next_json(&mut ws).await, json!({"type": "authenticated"}));
    let Ops { _sb: sb, .. } = o;
    let started = std::time::Instant::now();
    sb.shutdown().await;
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "{:?}",
        started.elapsed()
    );
    // the socket ends (a close or an error), it is not left open
    let ended = tokio::time::timeout(Duration::from_secs(2), async {
        while let Some(Ok(_)) = ws.next().await {}
    })
    .await;
    assert!(ended.is_ok(), "the session outlived the sandbox");
}
