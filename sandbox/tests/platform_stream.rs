//! Platform SSE streams, fault injection, webhook delivery, concurrency and the CLI.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use agents_sandbox::{Sandbox, WebhookSink};
use futures::StreamExt;
use hmac::{Hmac, KeyInit, Mac};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::Sha256;

fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client")
}

/// One parsed SSE event.
#[derive(Debug, Clone, PartialEq)]
struct Event {
    name: String,
    data: Value,
}

/// Parses a complete SSE body by hand: blocks separated by a blank line, `event:` and `data:`.
fn parse_sse(text: &str) -> Vec<Event> {
    let mut events = Vec::new();
    for block in text.split("\n\n") {
        if block.trim().is_empty() {
            continue;
        }
        let mut name = "message".to_string();
        let mut data = String::new();
        for line in block.lines() {
            if let Some(v) = line.strip_prefix("event:") {
                name = v.trim_start().to_string();
            } else if let Some(v) = line.strip_prefix("data:") {
                if !data.is_empty() {
                    data.push('\n');
                }
                data.push_str(v.strip_prefix(' ').unwrap_or(v));
            } else {
                panic!("unexpected SSE line {line:?}");
            }
        }
        let data = serde_json::from_str(&data).unwrap_or_else(|e| panic!("bad data {data:?}: {e}"));
        events.push(Event { name, data });
    }
    events
}

fn tokens(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter(|e| e.name == "token")
        .map(|e| e.data["token"].as_str().expect("token").to_string())
        .collect()
}

struct Ctx {
    sb: Sandbox,
    http: reqwest::Client,
}

impl Ctx {
    async fn new() -> Ctx {
        Ctx {
            sb: Sandbox::start().await.expect("sandbox"),
            http: client(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.sb.platform_url(), path)
    }

    fn origin(&self) -> String {
        self.sb.platform_url().trim_end_matches("/api").to_string()
    }

    fn post(&self, key: &str, path: &str, body: Value) -> reqwest::RequestBuilder {
        self.http
            .post(self.url(path))
            .bearer_auth(key)
            .header("Content-Type", "application/json")
            .body(body.to_string())
    }

    async fn json(&self, req: reqwest::RequestBuilder) -> (StatusCode, Value) {
        let resp = req.send().await.expect("send");
        let status = resp.status();
        let bytes = resp.bytes().await.expect("body");
        (status, serde_json::from_slice(&bytes).expect("json"))
    }

    async fn get(&self, key: &str, path: &str) -> Value {
        let (status, body) = self
            .json(self.http.get(self.url(path)).bearer_auth(key))
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }

    async fn ask(
        &self,
        key: &str,
        conv: &str,
        content: &str,
    ) -> (Vec<Event>, reqwest::header::HeaderMap) {
        let resp = self
            .post(
                key,
                &format!("/conversations/{conv}/messages"),
                json!({ "content": content }),
            )
            .send()
            .await
            .expect("send");
        assert_eq!(resp.status(), 200);
        let headers = resp.headers().clone();
        let text = resp.text().await.expect("body");
        (parse_sse(&text), headers)
    }

    async fn new_conversation(&self, key: &str, initial: Option<&str>) -> String {
        let mut body = json!({ "agentId": "agt_personal_001" });
        if let Some(m) = initial {
            body["initialMessage"] = json!(m);
        }
        let (status, v) = self.json(self.post(key, "/conversations", body)).await;
        assert_eq!(status, 201, "{v}");
        v["data"]["id"].as_str().unwrap().to_string()
    }
}

#[tokio::test]
async fn send_message_streams_the_spending_answer_and_stores_it() {
    let c = Ctx::new().await;
    let key = c.sb.api_key().to_string();
    let before = c.get(&key, "/users/me").await["data"]["usage"].clone();
    let (events, headers) = c
        .ask(&key, "conv_abc123", "¿Cuánto he gastado este mes?")
        .await;
    assert_eq!(headers["content-type"], "text/event-stream");
    assert!(headers.get("x-request-id").is_some());
    assert!(headers.get("x-ratelimit-limit").is_some());
    let toks = tokens(&events);
    assert_eq!(
        &toks[..5],
        &["Este", " mes", " has", " gastado", " $12,450.00"]
    );
    assert!(toks[1..].iter().all(|t| t.starts_with(' ')));
    let last = events.last().unwrap();
    assert_eq!(last.name, "done");
    assert_eq!(events.iter().filter(|e| e.name == "done").count(), 1);
    assert_eq!(events.len(), toks.len() + 1);
    let message_id = last.data["messageId"].as_str().unwrap();
    assert!(message_id.starts_with("msg_"));
    let used = last.data["tokensUsed"].as_u64().unwrap();
    assert!(used >= toks.len() as u64);
    assert!(chrono::DateTime::parse_from_rfc3339(last.data["timestamp"].as_str().unwrap()).is_ok());

    let conv = c.get(&key, "/conversations/conv_abc123").await;
    let messages = conv["data"]["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 4);
    assert_eq!(messages[2]["role"], "user");
    assert_eq!(messages[2]["content"], "¿Cuánto he gastado este mes?");
    assert_eq!(messages[3]["role"], "assistant");
    assert_eq!(messages[3]["id"], message_id);
    assert_eq!(messages[3]["content"], toks.concat());
    let after = c.get(&key, "/users/me").await["data"]["usage"].clone();
    assert_eq!(
        after["messagesUsed"].as_u64().unwrap(),
        before["messagesUsed"].as_u64().unwrap() + 1
    );
    assert_eq!(
        after["tokensUsed"].as_u64().unwrap(),
        before["tokensUsed"].as_u64().unwrap() + used
    );
    // Usage is per user.
    let admin = c.get(c.sb.admin_api_key(), "/users/me").await;
    assert_eq!(admin["data"]["usage"]["messagesUsed"], 310);
}

#[tokio::test]
async fn the_assistant_answers_from_the_callers_own_data() {
    let c = Ctx::new().await;
    let key = c.sb.api_key().to_string();
    let admin = c.sb.admin_api_key().to_string();
    let meds = tokens(
        &c.ask(&key, "conv_abc123", "¿Cuándo debo tomar mi medicina?")
            .await
            .0,
    )
    .concat();
    assert!(meds.contains("Metformina 500mg cada 8 horas"), "{meds}");
    let savings = tokens(&c.ask(&key, "conv_abc123", "¿Cuánto puedo ahorrar?").await.0).concat();
    assert!(
        savings.contains("$25,000.00") && savings.contains("$45,000.00"),
        "{savings}"
    );
    let echo = tokens(&c.ask(&key, "conv_abc123", "Cuéntame un chiste").await.0).concat();
    assert!(echo.contains("Cuéntame un chiste"), "{echo}");
    let english = tokens(&c.ask(&key, "conv_abc123", "How much did I spend?").await.0).concat();
    assert!(
        english.starts_with("Este mes has gastado $12,450.00"),
        "{english}"
    );

    let admin_conv = "conv_admin_001";
    let admin_spend = tokens(&c.ask(&admin, admin_conv, "¿Cuánto he gastado?").await.0).concat();
    assert!(
        admin_spend.starts_with("Este mes has gastado $1,500.00"),
        "{admin_spend}"
    );
    let admin_meds = tokens(&c.ask(&admin, admin_conv, "mis medicamentos").await.0).concat();
    assert!(
        admin_meds.contains("Vitamina D") && !admin_meds.contains("Metformina"),
        "{admin_meds}"
    );

    // A new expense changes the next answer.
    let (status, _) = c
        .json(c.post(&key, "/finance/transactions", json!({"accountId": "acc_001", "amount": -50, "description": "Café", "category": "FOOD"})))
        .await;
    assert_eq!(status, 201);
    let again = tokens(&c.ask(&key, "conv_abc123", "gastos del mes").await.0).concat();
    assert!(
        again.starts_with("Este mes has gastado $12,500.00"),
        "{again}"
    );
}

#[tokio::test]
async fn send_message_errors() {
    let c = Ctx::new().await;
    let key = c.sb.api_key().to_string();
    let (status, body) = c
        .json(c.post(
            &key,
            "/conversations/conv_abc123/messages",
            json!({"content": ""}),
        ))
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["details"]["field"], "content");
    let (status, body) = c
        .json(c.post(&key, "/conversations/conv_abc123/messages", json!({})))
        .await;
    assert_eq!(
        (status.as_u16(), body["error"]["code"].as_str()),
        (400, Some("VALIDATION_ERROR"))
    );
    let (status, body) = c
        .json(c.post(
            &key,
            "/conversations/conv_nope/messages",
            json!({"content": "hola"}),
        ))
        .await;
    assert_eq!(
        (status.as_u16(), body["error"]["code"].as_str()),
        (404, Some("NOT_FOUND"))
    );
    let (status, _) = c
        .json(c.post(
            c.sb.admin_api_key(),
            "/conversations/conv_abc123/messages",
            json!({"content": "hola"}),
        ))
        .await;
    assert_eq!(status, 404);
    let (status, body) = c
        .json(c.post(
            &key,
            "/conversations/conv_abc123/messages?tokens=1000001",
            json!({"content": "x"}),
        ))
        .await;
    assert_eq!(
        (status.as_u16(), body["error"]["details"]["field"].as_str()),
        (400, Some("tokens"))
    );
    let (status, _) = c
        .json(
            c.http
                .post(c.url("/conversations/conv_abc123/messages"))
                .body("{\"content\": \"x\"}"),
        )
        .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn synthetic_token_counts_for_benchmarks() {
    let c = Ctx::new().await;
    let key = c.sb.api_key().to_string();
    let resp = c
        .post(
            &key,
            "/conversations/conv_abc123/messages?tokens=1000",
            json!({"content": "bench"}),
        )
        .send()
        .await
        .unwrap();
    let events = parse_sse(&resp.text().await.unwrap());
    let toks = tokens(&events);
    assert_eq!(toks.len(), 1000);
    assert_eq!(toks[0], " w0");
    assert_eq!(toks[999], " w999");
    assert_eq!(events.last().unwrap().name, "done");

    let started = Instant::now();
    let resp = c
        .post(
            &key,
            "/conversations/conv_abc123/messages?tokens=100000",
            json!({"content": "bench"}),
        )
        .send()
        .await
        .unwrap();
    let mut chunks = 0usize;
    let mut body = Vec::new();
    let mut stream = resp.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.unwrap();
        chunks += 1;
        body.extend_from_slice(&chunk);
    }
    let text = String::from_utf8(body).unwrap();
    let events = parse_sse(&text);
    assert_eq!(tokens(&events).len(), 100_000);
    assert_eq!(events.last().unwrap().data["tokensUsed"], 100_001);
    assert!(
        chunks < 20_000,
        "events must be batched into larger chunks ({chunks} chunks)"
    );
    assert!(started.elapsed() < Duration::from_secs(20));

    // The stored synthetic answer reads back as the concatenated tokens.
    let conv = c
        .get(&key, "/conversations/conv_abc123?messageLimit=3")
        .await;
    let msgs = conv["data"]["messages"].as_array().unwrap();
    assert_eq!(
        msgs[0]["content"],
        (0..1000).map(|i| format!(" w{i}")).collect::<String>()
    );
}

#[tokio::test]
async fn stream_endpoint_answers_the_newest_user_message() {
    let c = Ctx::new().await;
    let key = c.sb.api_key().to_string();
    let conv = c
        .new_conversation(&key, Some("¿Cuánto he gastado este mes?"))
        .await;
    let get = |path: String| c.http.get(c.url(&path)).bearer_auth(&key).send();
    let first = get(format!("/conversations/{conv}/messages/stream"))
        .await
        .unwrap();
    assert_eq!(first.status(), 200);
    let events = parse_sse(&first.text().await.unwrap());
    assert!(
        tokens(&events)
            .concat()
            .starts_with("Este mes has gastado $12,450.00")
    );
    let done = events.last().unwrap().data.clone();
    // Stored once; a second read replays the same answer.
    let again = parse_sse(
        &get(format!("/conversations/{conv}/messages/stream"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert_eq!(again.last().unwrap().data["messageId"], done["messageId"]);
    assert_eq!(tokens(&again), tokens(&events));
    let stored = c.get(&key, &format!("/conversations/{conv}")).await;
    assert_eq!(stored["data"]["messages"].as_array().unwrap().len(), 2);
    assert_eq!(stored["data"]["messages"][1]["id"], done["messageId"]);

    let synthetic = parse_sse(
        &get(format!("/conversations/{conv}/messages/stream?tokens=7"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert_eq!(tokens(&synthetic).len(), 7);

    let empty = c.new_conversation(&key, None).await;
    let resp = get(format!("/conversations/{empty}/messages/stream"))
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let body: Value = serde_json::from_slice(&resp.bytes().await.unwrap()).unwrap();
    assert_eq!(body["error"]["code"], "NOT_FOUND");
}

#[tokio::test]
async fn fault_latency_status_bursts_and_malformed() {
    let c = Ctx::new().await;
    let key = c.sb.api_key().to_string();
    let started = Instant::now();
    let resp = c
        .http
        .get(c.url("/users/me"))
        .bearer_auth(&key)
        .header("X-Sandbox-Fault", "latency=300")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(300));

    let burst = "status=503;count=2;id=burst-1;retry_after=4";
    for _ in 0..2 {
        let resp = c
            .http
            .get(c.url("/users/me"))
            .bearer_auth(&key)
            .header("X-Sandbox-Fault", burst)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 503);
        assert_eq!(resp.headers()["retry-after"], "4");
        let rid = resp.headers()["x-request-id"].to_str().unwrap().to_string();
        let body: Value = serde_json::from_slice(&resp.bytes().await.unwrap()).unwrap();
        assert_eq!(body["error"]["code"], "SERVICE_UNAVAILABLE");
        assert_eq!(body["meta"]["requestId"], rid);
    }
    let third = c
        .http
        .get(c.url("/users/me"))
        .bearer_auth(&key)
        .header("X-Sandbox-Fault", burst)
        .send()
        .await
        .unwrap();
    assert_eq!(third.status(), 200);

    let limited = c
        .http
        .get(c.url("/users/me"))
        .bearer_auth(&key)
        .header("X-Sandbox-Fault", "status=429;retry_after=7")
        .send()
        .await
        .unwrap();
    assert_eq!(limited.status(), 429);
    assert_eq!(limited.headers()["retry-after"], "7");
    assert_eq!(limited.headers()["x-ratelimit-limit"], "100");
    assert!(limited.headers().contains_key("x-ratelimit-reset"));
    let body: Value = serde_json::from_slice(&limited.bytes().await.unwrap()).unwrap();
    assert_eq!(body["error"]["code"], "RATE_LIMIT_EXCEEDED");

    let malformed = c
        .http
        .get(c.url("/users/me"))
        .bearer_auth(&key)
        .header("X-Sandbox-Fault", "malformed=1")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 200);
    assert_eq!(malformed.headers()["content-type"], "application/json");
    let bytes = malformed.bytes().await.unwrap();
    assert!(serde_json::from_slice::<Value>(&bytes).is_err());
    assert!(bytes.starts_with(b"{\"data\""));

    // Sandbox-wide plan through the admin route, consumed by count.
    let admin = format!("{}/__sandbox/faults", c.origin());
    let set = c
        .http
        .post(&admin)
        .header("content-type", "application/json")
        .body(r#"{"status": 500, "count": 2}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), 200);
    for _ in 0..2 {
        let r = c
            .http
            .get(c.url("/agents"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 500);
        let body: Value = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
        assert_eq!(body["error"]["code"], "INTERNAL_ERROR");
    }
    assert_eq!(
        c.http
            .get(c.url("/agents"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    c.http
        .post(&admin)
        .header("content-type", "application/json")
        .body(r#"{"status": 503}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(
        c.http
            .get(c.url("/agents"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap()
            .status(),
        503
    );
    assert_eq!(
        c.http
            .get(format!("{}/__sandbox/health", c.origin()))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(c.http.delete(&admin).send().await.unwrap().status(), 200);
    assert_eq!(
        c.http
            .get(c.url("/agents"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let bad = c
        .http
        .post(&admin)
        .header("content-type", "application/json")
        .body(r#"{"status": "soon"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let health: Value = serde_json::from_slice(
        &c.http
            .get(format!("{}/__sandbox/health", c.origin()))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(health, json!({"ok": true}));
}

#[tokio::test]
async fn stream_faults_cut_and_stall() {
    let c = Ctx::new().await;
    let key = c.sb.api_key().to_string();
    let cut = c
        .post(
            &key,
            "/conversations/conv_abc123/messages?tokens=50",
            json!({"content": "x"}),
        )
        .header("X-Sandbox-Fault", "cut_after=3")
        .send()
        .await
        .unwrap();
    assert_eq!(cut.status(), 200);
    let events = parse_sse(&cut.text().await.unwrap_or_default());
    assert_eq!(events.len(), 3);
    assert!(events.iter().all(|e| e.name == "token"));

    let stalled = c
        .post(
            &key,
            "/conversations/conv_abc123/messages?tokens=50",
            json!({"content": "x"}),
        )
        .header("X-Sandbox-Fault", "stall_after=2")
        .send()
        .await
        .unwrap();
    assert_eq!(stalled.status(), 200);
    let mut stream = stalled.bytes_stream();
    let mut text = String::new();
    while text.matches("\n\n").count() < 2 {
        let chunk = tokio::time::timeout(Duration::from_secs(5), stream.next())
            .await
            .expect("first events arrive")
            .expect("not closed")
            .unwrap();
        text.push_str(std::str::from_utf8(&chunk).unwrap());
    }
    assert_eq!(tokens(&parse_sse(&text)), vec![" w0", " w1"]);
    let more = tokio::time::timeout(Duration::from_millis(500), stream.next()).await;
    assert!(more.is_err(), "a stalled stream neither sends nor closes");
}

fn hmac_hex(secret: &str, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

#[tokio::test]
async fn webhooks_are_signed_and_retried() {
    let c = Ctx::new().await;
    let sink = WebhookSink::start().await.unwrap();
    let key = c.sb.api_key().to_string();
    let secret = "whsec_test_secret";
    let (status, reg) = c
        .json(c.post(&key, "/webhooks", json!({"url": sink.url(), "events": ["conversation.created", "message.sent", "message.received", "agent.invoked", "conversation.deleted"], "secret": secret})))
        .await;
    assert_eq!(status, 201, "{reg}");

    let conv = c.new_conversation(&key, None).await;
    let d = sink
        .next_delivery(Duration::from_secs(5))
        .await
        .expect("delivery");
    assert_eq!(
        d.header("x-webhook-signature"),
        Some(hmac_hex(secret, &d.body).as_str())
    );
    assert_eq!(d.header("x-webhook-event"), Some("conversation.created"));
    assert_eq!(d.header("content-type"), Some("application/json"));
    assert!(d.header("x-webhook-id").unwrap().starts_with("whd_"));
    let body: Value = serde_json::from_slice(&d.body).unwrap();
    assert_eq!(body["event"], "conversation.created");
    assert!(chrono::DateTime::parse_from_rfc3339(body["timestamp"].as_str().unwrap()).is_ok());
    assert_eq!(
        body["data"],
        json!({"conversationId": conv, "agentId": "agt_personal_001", "userId": "usr_abc123", "title": "Nueva conversación"})
    );

    // A message produces message.sent, agent.invoked and message.received.
    let (events, _) = c.ask(&key, &conv, "¿Cuánto he gastado?").await;
    let done = events.last().unwrap().data.clone();
    let mut got = Vec::new();
    for _ in 0..3 {
        let d = sink
            .next_delivery(Duration::from_secs(5))
            .await
            .expect("delivery");
        assert_eq!(
            d.header("x-webhook-signature"),
            Some(hmac_hex(secret, &d.body).as_str())
        );
        got.push(serde_json::from_slice::<Value>(&d.body).unwrap());
    }
    let find = |name: &str| {
        got.iter()
            .find(|v| v["event"] == name)
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };
    let sent = find("message.sent");
    assert_eq!(sent["data"]["content"], "¿Cuánto he gastado?");
    assert_eq!(sent["data"]["conversationId"], conv.as_str());
    assert_eq!(sent["data"]["tokensUsed"], 3);
    assert_eq!(
        find("message.received")["data"]["messageId"],
        done["messageId"]
    );
    assert_eq!(
        find("agent.invoked")["data"],
        json!({"agentId": "agt_personal_001", "conversationId": conv, "userId": "usr_abc123"})
    );

    // Unsubscribed events and other users' events are not delivered.
    let (status, _) = c
        .json(c.post(&key, "/agents", json!({"name": "Quiet"})))
        .await;
    assert_eq!(status, 201);
    let _ = c.new_conversation(c.sb.admin_api_key(), None).await;
    assert!(
        sink.next_delivery(Duration::from_millis(400))
            .await
            .is_none()
    );

    // Two failed attempts, then the third succeeds after the 200 ms + 400 ms backoff.
    sink.fail_next(2);
    let started = Instant::now();
    let resp = c
        .http
        .delete(c.url(&format!("/conversations/{conv}")))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let d = sink
        .next_delivery(Duration::from_secs(5))
        .await
        .expect("retried delivery");
    assert!(
        started.elapsed() >= Duration::from_millis(600),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(sink.failed_count(), 2);
    assert_eq!(d.header("x-webhook-event"), Some("conversation.deleted"));
    assert_eq!(
        d.header("x-webhook-signature"),
        Some(hmac_hex(secret, &d.body).as_str())
    );
    let body: Value = serde_json::from_slice(&d.body).unwrap();
    assert_eq!(
        body["data"],
        json!({"conversationId": conv, "userId": "usr_abc123"})
    );

    // Gives up after 1 + 3 attempts.
    sink.fail_next(4);
    let _ = c.new_conversation(&key, None).await;
    assert!(
        sink.next_delivery(Duration::from_millis(2500))
            .await
            .is_none()
    );
    assert_eq!(sink.failed_count(), 6);
}

#[tokio::test]
async fn admin_events_reach_admin_webhooks() {
    let c = Ctx::new().await;
    let sink = WebhookSink::start().await.unwrap();
    let admin = c.sb.admin_api_key().to_string();
    let (status, _) = c
        .json(c.post(
            &admin,
            "/webhooks",
            json!({"url": sink.url(), "events": ["user.created", "agent.created"], "secret": "s3"}),
        ))
        .await;
    assert_eq!(status, 201);
    let (status, inv) = c
        .json(c.post(
            &admin,
            "/users/invite",
            json!({"email": "hook@example.com", "role": "ADMIN"}),
        ))
        .await;
    assert_eq!(status, 201);
    let d = sink
        .next_delivery(Duration::from_secs(5))
        .await
        .expect("user.created");
    let body: Value = serde_json::from_slice(&d.body).unwrap();
    assert_eq!(body["event"], "user.created");
    assert_eq!(
        body["data"],
        json!({"invitationId": inv["data"]["invitationId"], "email": "hook@example.com", "role": "ADMIN"})
    );
    let (_, agent) = c
        .json(c.post(&admin, "/agents", json!({"name": "Hooked"})))
        .await;
    let d = sink
        .next_delivery(Duration::from_secs(5))
        .await
        .expect("agent.created");
    let body: Value = serde_json::from_slice(&d.body).unwrap();
    assert_eq!(
        body["data"],
        json!({"agentId": agent["data"]["id"], "name": "Hooked", "userId": "usr_admin001"})
    );
    assert_eq!(
        d.header("x-webhook-signature"),
        Some(hmac_hex("s3", &d.body).as_str())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_a_thousand_concurrent_streams() {
    let c = Ctx::new().await;
    let key = c.sb.api_key().to_string();
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(1000);
    for i in 0..1000 {
        let http = c.http.clone();
        let url = c.url("/conversations/conv_abc123/messages?tokens=5");
        let key = key.clone();
        tasks.push(tokio::spawn(async move {
            let resp = http
                .post(url)
                .bearer_auth(key)
                .header("content-type", "application/json")
                .body(json!({ "content": format!("hola {i}") }).to_string())
                .send()
                .await
                .expect("send");
            assert_eq!(resp.status(), 200);
            let events = parse_sse(&resp.text().await.expect("body"));
            assert_eq!(tokens(&events).len(), 5);
            assert_eq!(events.last().unwrap().name, "done");
        }));
    }
    let all = futures::future::join_all(tasks);
    let results = tokio::time::timeout(Duration::from_secs(60), all)
        .await
        .expect("within 60 s");
    for r in results {
        r.expect("stream task");
    }
    assert!(started.elapsed() < Duration::from_secs(60));
    let conv = c
        .get(&key, "/conversations/conv_abc123?messageLimit=200")
        .await;
    assert_eq!(conv["data"]["messageCount"], 2 + 2000);
}

#[test]
fn cli_prints_one_json_line() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_agents-sandbox"))
        .args(["--ops-port", "0", "--platform-port", "0", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .expect("line");
    let v: Value = serde_json::from_str(line.trim()).expect("one JSON line");
    let platform = v["platform_url"].as_str().unwrap().to_string();
    assert!(platform.starts_with("http://127.0.0.1:") && platform.ends_with("/api"));
    assert!(
        v["ops_url"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:")
    );
    assert!(v["api_key"].as_str().unwrap().starts_with("cj_test_"));
    for k in ["admin_api_key", "ops_api_key", "username", "password"] {
        assert!(v[k].is_string(), "{k}");
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let me: Value = rt.block_on(async {
        let resp = client()
            .get(format!("{platform}/users/me"))
            .bearer_auth(v["api_key"].as_str().unwrap())
            .send()
            .await
            .unwrap();
        serde_json::from_slice(&resp.bytes().await.unwrap()).unwrap()
    });
    assert_eq!(me["data"]["id"], "usr_abc123");
    child.kill().expect("kill");
    let _ = child.wait();
}

#[tokio::test]
async fn shutdown_ends_open_streams_and_requests_at_once() {
    let c = Ctx::new().await;
    let key = c.sb.api_key().to_string();
    let stalled = c
        .post(
            &key,
            "/conversations/conv_abc123/messages?tokens=50",
            json!({"content": "x"}),
        )
        .header("X-Sandbox-Fault", "stall_after=1")
        .send()
        .await
        .unwrap();
    assert_eq!(stalled.status(), 200);
    let mut stream = stalled.bytes_stream();
    let first = tokio::time::timeout(Duration::from_secs(5), stream.next())
        .await
        .expect("the first event arrives");
    assert!(first.is_some());
    // a request still in its handler (8 s of latency)
    let slow = tokio::spawn(
        c.http
            .get(c.url("/agents"))
            .bearer_auth(&key)
            .header("X-Sandbox-Fault", "latency=8000")
            .send(),
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    let Ctx { sb, http } = c;
    let started = Instant::now();
    sb.shutdown().await;
    // no graceful wait for the open stream (that took the 2 s fallback and left the connection
    // served)
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "shutdown took {:?}",
        started.elapsed()
    );
    let rest = tokio::time::timeout(Duration::from_secs(2), async {
        while let Some(Ok(_)) = stream.next().await {}
    })
    .await;
    assert!(rest.is_ok(), "the stalled stream ended with the server");
    let answer = tokio::time::timeout(Duration::from_secs(2), slow)
        .await
        .expect("the slow request ended with the server")
        .unwrap();
    // answered 503 by the stopping server, or its connection closed
    if let Ok(resp) = answer {
        assert_eq!(resp.status(), 503);
    }
    drop(http);
}
