//! `Idempotency-Key` on both services (replay, reuse, scoping, streams, server errors, bad keys)
//! and on the shared layer alone (a request still in flight, a 500, the store's caps).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use agents_sandbox::Sandbox;
use agents_sandbox::common::{self, Credential, Shared};
use axum::extract::Request;
use axum::http::StatusCode as AxumStatus;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client")
}

#[derive(Debug)]
struct Reply {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    raw: bytes::Bytes,
    body: Value,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn replayed(&self) -> bool {
        self.header("idempotent-replayed") == Some("true")
    }
}

async fn send(
    http: &reqwest::Client,
    method: Method,
    url: &str,
    token: Option<&str>,
    key: Option<&str>,
    body: Option<&Value>,
) -> Reply {
    let mut req = http.request(method, url);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    if let Some(key) = key {
        req = req.header("Idempotency-Key", key);
    }
    if let Some(body) = body {
        req = req
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let resp = req.send().await.expect("send");
    let status = resp.status();
    let headers = resp.headers().clone();
    let raw = resp.bytes().await.expect("body");
    let body = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    Reply {
        status,
        headers,
        raw,
        body,
    }
}

/// A platform error: code, message, details and `meta.requestId` equal to `X-Request-Id`.
fn assert_platform_error(r: &Reply, status: u16, code: &str) {
    assert_eq!(r.status.as_u16(), status, "{}", r.body);
    assert_eq!(r.body["error"]["code"], code, "{}", r.body);
    assert!(r.body["error"]["message"].is_string(), "{}", r.body);
    assert!(r.body["error"]["details"].is_object(), "{}", r.body);
    assert_eq!(
        r.body["meta"]["requestId"].as_str(),
        r.header("x-request-id"),
        "{}",
        r.body
    );
    assert_eq!(r.header("content-type"), Some("application/json"));
}

/// An ops error: `{"error": {code, message, details}}` and nothing else.
fn assert_ops_error(r: &Reply, status: u16, code: &str) {
    assert_eq!(r.status.as_u16(), status, "{}", r.body);
    assert_eq!(r.body["error"]["code"], code, "{}", r.body);
    assert!(r.body["error"]["message"].is_string(), "{}", r.body);
    assert!(r.body["error"]["details"].is_object(), "{}", r.body);
    assert_eq!(
        r.body.as_object().map(|o| o.len()),
        Some(1),
        "only `error`: {}",
        r.body
    );
}

async fn agent_names(http: &reqwest::Client, sb: &Sandbox, key: &str) -> Vec<String> {
    let list = send(
        http,
        Method::GET,
        &format!("{}/agents", sb.platform_url()),
        Some(key),
        None,
        None,
    )
    .await;
    assert_eq!(list.status, 200, "{}", list.body);
    list.body["data"]["agents"]
        .as_array()
        .expect("agents")
        .iter()
        .filter_map(|a| a["name"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn platform_replays_the_first_answer_without_acting_again() {
    let sb = Sandbox::start().await.expect("sandbox");
    let http = client();
    let url = format!("{}/agents", sb.platform_url());
    let body = json!({"name": "Idem agent"});
    let first = send(
        &http,
        Method::POST,
        &url,
        Some(sb.api_key()),
        Some("key-1"),
        Some(&body),
    )
    .await;
    assert_eq!(first.status, 201, "{}", first.body);
    assert!(!first.replayed());
    let second = send(
        &http,
        Method::POST,
        &url,
        Some(sb.api_key()),
        Some("key-1"),
        Some(&body),
    )
    .await;
    assert_eq!(second.status, 201);
    assert!(second.replayed(), "{:?}", second.headers);
    assert_eq!(second.raw, first.raw, "the same body, byte for byte");
    assert_eq!(second.header("content-type"), Some("application/json"));
    assert_eq!(second.header("x-request-id"), first.header("x-request-id"));
    // Rate-limit headers are fresh on the replay, not copied.
    assert!(second.header("x-ratelimit-remaining").is_some());
    assert_ne!(
        second.header("x-ratelimit-remaining"),
        first.header("x-ratelimit-remaining")
    );
    let names = agent_names(&http, &sb, sb.api_key()).await;
    assert_eq!(
        names.iter().filter(|n| *n == "Idem agent").count(),
        1,
        "one agent, not two: {names:?}"
    );

    // Without a key (or with another key) every POST acts.
    for key in [None, Some("key-2")] {
        let r = send(
            &http,
            Method::POST,
            &url,
            Some(sb.api_key()),
            key,
            Some(&body),
        )
        .await;
        assert_eq!(r.status, 201);
        assert!(!r.replayed());
    }
    let names = agent_names(&http, &sb, sb.api_key()).await;
    assert_eq!(names.iter().filter(|n| *n == "Idem agent").count(), 3);
}

#[tokio::test]
async fn platform_refuses_a_key_reused_for_another_request() {
    let sb = Sandbox::start().await.expect("sandbox");
    let http = client();
    let base = sb.platform_url();
    let agents = format!("{base}/agents");
    let first = send(
        &http,
        Method::POST,
        &agents,
        Some(sb.api_key()),
        Some("reused"),
        Some(&json!({"name": "A"})),
    )
    .await;
    assert_eq!(first.status, 201);
    // Another body.
    let other_body = send(
        &http,
        Method::POST,
        &agents,
        Some(sb.api_key()),
        Some("reused"),
        Some(&json!({"name": "B"})),
    )
    .await;
    assert_platform_error(&other_body, 409, "IDEMPOTENCY_KEY_REUSED");
    // Another path.
    let other_path = send(
        &http,
        Method::POST,
        &format!("{base}/conversations"),
        Some(sb.api_key()),
        Some("reused"),
        Some(&json!({"name": "A"})),
    )
    .await;
    assert_platform_error(&other_path, 409, "IDEMPOTENCY_KEY_REUSED");
    // Another query string.
    let other_query = send(
        &http,
        Method::POST,
        &format!("{agents}?x=1"),
        Some(sb.api_key()),
        Some("reused"),
        Some(&json!({"name": "A"})),
    )
    .await;
    assert_platform_error(&other_query, 409, "IDEMPOTENCY_KEY_REUSED");
    // Another method.
    let other_method = send(
        &http,
        Method::PATCH,
        &format!("{base}/users/me"),
        Some(sb.api_key()),
        Some("reused"),
        Some(&json!({"name": "A"})),
    )
    .await;
    assert_platform_error(&other_method, 409, "IDEMPOTENCY_KEY_REUSED");
    let names = agent_names(&http, &sb, sb.api_key()).await;
    assert!(!names.iter().any(|n| n == "B"), "{names:?}");

    // Keys are per credential: the admin's "reused" is a key of its own.
    let admin = send(
        &http,
        Method::POST,
        &agents,
        Some(sb.admin_api_key()),
        Some("reused"),
        Some(&json!({"name": "B"})),
    )
    .await;
    assert_eq!(admin.status, 201, "{}", admin.body);
    assert!(!admin.replayed());
    assert_ne!(admin.body["data"]["id"], first.body["data"]["id"]);

    // A key that is too long is a validation error, and nothing happens.
    let long = "k".repeat(256);
    let bad = send(
        &http,
        Method::POST,
        &agents,
        Some(sb.api_key()),
        Some(&long),
        Some(&json!({"name": "C"})),
    )
    .await;
    assert_platform_error(&bad, 400, "VALIDATION_ERROR");
    assert_eq!(bad.body["error"]["details"]["header"], "Idempotency-Key");
    let names = agent_names(&http, &sb, sb.api_key()).await;
    assert!(!names.iter().any(|n| n == "C"), "{names:?}");
}

#[tokio::test]
async fn platform_errors_are_replayed_but_server_errors_let_a_retry_act() {
    let sb = Sandbox::start().await.expect("sandbox");
    let http = client();
    let agents = format!("{}/agents", sb.platform_url());
    // A 4xx is an answer like any other: replayed.
    let invalid = send(
        &http,
        Method::POST,
        &agents,
        Some(sb.api_key()),
        Some("bad-body"),
        Some(&json!({"name": ""})),
    )
    .await;
    assert_platform_error(&invalid, 400, "VALIDATION_ERROR");
    let again = send(
        &http,
        Method::POST,
        &agents,
        Some(sb.api_key()),
        Some("bad-body"),
        Some(&json!({"name": ""})),
    )
    .await;
    assert_eq!(again.status, 400);
    assert!(again.replayed());
    assert_eq!(again.raw, invalid.raw);

    // A 503 is not stored: the retry with the same key creates the agent.
    let failed = http
        .post(&agents)
        .bearer_auth(sb.api_key())
        .header("Idempotency-Key", "after-503")
        .header("X-Sandbox-Fault", "status=503;count=1;id=idem-503")
        .header("content-type", "application/json")
        .body(r#"{"name": "After 503"}"#)
        .send()
        .await
        .expect("send");
    assert_eq!(failed.status(), 503);
    let retry = http
        .post(&agents)
        .bearer_auth(sb.api_key())
        .header("Idempotency-Key", "after-503")
        .header("X-Sandbox-Fault", "status=503;count=1;id=idem-503")
        .header("content-type", "application/json")
        .body(r#"{"name": "After 503"}"#)
        .send()
        .await
        .expect("send");
    assert_eq!(retry.status(), 201);
    assert!(retry.headers().get("idempotent-replayed").is_none());
    let names = agent_names(&http, &sb, sb.api_key()).await;
    assert_eq!(names.iter().filter(|n| *n == "After 503").count(), 1);

    // Without credentials nothing is remembered: both attempts are plain 401s.
    for _ in 0..2 {
        let r = send(
            &http,
            Method::POST,
            &agents,
            Some("cj_live_bogus"),
            Some("anon"),
            Some(&json!({"name": "X"})),
        )
        .await;
        assert_platform_error(&r, 401, "UNAUTHORIZED");
        assert!(!r.replayed());
    }
}

#[tokio::test]
async fn platform_streaming_answers_are_not_replayed() {
    let sb = Sandbox::start().await.expect("sandbox");
    let http = client();
    let base = sb.platform_url();
    let conv = send(
        &http,
        Method::POST,
        &format!("{base}/conversations"),
        Some(sb.api_key()),
        None,
        Some(&json!({"agentId": "agt_personal_001"})),
    )
    .await;
    assert_eq!(conv.status, 201, "{}", conv.body);
    let id = conv.body["data"]["id"].as_str().expect("id").to_owned();
    let url = format!("{base}/conversations/{id}/messages?tokens=5");
    let body = json!({"content": "hola"});
    let first = send(
        &http,
        Method::POST,
        &url,
        Some(sb.api_key()),
        Some("stream-key"),
        Some(&body),
    )
    .await;
    assert_eq!(first.status, 200);
    assert_eq!(first.header("content-type"), Some("text/event-stream"));
    assert!(String::from_utf8_lossy(&first.raw).contains("event: done"));
    let second = send(
        &http,
        Method::POST,
        &url,
        Some(sb.api_key()),
        Some("stream-key"),
        Some(&body),
    )
    .await;
    assert_platform_error(&second, 409, "IDEMPOTENCY_KEY_IN_USE");
    assert_eq!(second.body["error"]["details"]["reason"], "not_replayable");
    let got = send(
        &http,
        Method::GET,
        &format!("{base}/conversations/{id}"),
        Some(sb.api_key()),
        None,
        None,
    )
    .await;
    let users = got.body["data"]["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["role"] == "user")
        .count();
    assert_eq!(users, 1, "the message was sent once: {}", got.body);
}

struct Ops {
    sb: Sandbox,
    http: reqwest::Client,
    jwt: String,
}

impl Ops {
    async fn start() -> Ops {
        let sb = Sandbox::start().await.expect("sandbox");
        let http = client();
        let login = send(
            &http,
            Method::POST,
            &format!("{}/api/auth/login", sb.ops_url()),
            None,
            None,
            Some(&json!({"username": sb.username(), "password": sb.password()})),
        )
        .await;
        assert_eq!(login.status, 200, "{}", login.body);
        let jwt = login.body["access_token"]
            .as_str()
            .expect("token")
            .to_owned();
        Ops { sb, http, jwt }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sb.ops_url())
    }

    async fn post(&self, token: &str, path: &str, key: Option<&str>, body: &Value) -> Reply {
        send(
            &self.http,
            Method::POST,
            &self.url(path),
            Some(token),
            key,
            Some(body),
        )
        .await
    }

    async fn conversation_count(&self) -> usize {
        let r = send(
            &self.http,
            Method::GET,
            &self.url("/api/conversations"),
            Some(&self.jwt),
            None,
            None,
        )
        .await;
        r.body["conversations"].as_array().expect("list").len()
    }
}

#[tokio::test]
async fn ops_replays_refuses_reuse_and_scopes_keys_per_credential() {
    let o = Ops::start().await;
    let before = o.conversation_count().await;
    let body = json!({"title": "Idem"});
    let first = o
        .post(&o.jwt, "/api/conversations", Some("ops-1"), &body)
        .await;
    assert_eq!(first.status, 201, "{}", first.body);
    let second = o
        .post(&o.jwt, "/api/conversations", Some("ops-1"), &body)
        .await;
    assert_eq!(second.status, 201);
    assert!(second.replayed());
    assert_eq!(second.raw, first.raw);
    assert_eq!(second.header("content-type"), Some("application/json"));
    assert!(second.header("x-ratelimit-remaining").is_some());
    assert!(second.header("x-request-id").is_some());
    assert_eq!(o.conversation_count().await, before + 1);

    let reused = o
        .post(
            &o.jwt,
            "/api/conversations",
            Some("ops-1"),
            &json!({"title": "Other"}),
        )
        .await;
    assert_ops_error(&reused, 409, "IDEMPOTENCY_KEY_REUSED");
    let other_path = o
        .post(&o.jwt, "/api/learned-apis", Some("ops-1"), &body)
        .await;
    assert_ops_error(&other_path, 409, "IDEMPOTENCY_KEY_REUSED");
    assert_eq!(o.conversation_count().await, before + 1);

    // The static API key is another credential than the JWT: its "ops-1" acts.
    let by_key = o
        .post(
            o.sb.ops_api_key(),
            "/api/conversations",
            Some("ops-1"),
            &body,
        )
        .await;
    assert_eq!(by_key.status, 201);
    assert!(!by_key.replayed());
    assert_eq!(o.conversation_count().await, before + 2);

    let bad = o
        .post(&o.jwt, "/api/conversations", Some(&"k".repeat(300)), &body)
        .await;
    assert_ops_error(&bad, 400, "INVALID_REQUEST");
    assert_eq!(o.conversation_count().await, before + 2);
}

#[tokio::test]
async fn ops_streamed_chat_is_not_replayed_but_a_plain_chat_is() {
    let o = Ops::start().await;
    let body = json!({"message": "Lista las instancias EC2", "stream": true, "conversation_id": "conv_123"});
    let first = o.post(&o.jwt, "/api/chat", Some("chat-1"), &body).await;
    assert_eq!(first.status, 200);
    assert_eq!(first.header("content-type"), Some("text/event-stream"));
    let second = o.post(&o.jwt, "/api/chat", Some("chat-1"), &body).await;
    assert_ops_error(&second, 409, "IDEMPOTENCY_KEY_IN_USE");

    let plain = json!({"message": "hola", "conversation_id": "conv_123"});
    let a = o.post(&o.jwt, "/api/chat", Some("chat-2"), &plain).await;
    assert_eq!(a.status, 200, "{}", a.body);
    let b = o.post(&o.jwt, "/api/chat", Some("chat-2"), &plain).await;
    assert!(b.replayed());
    assert_eq!(a.raw, b.raw);
    let conv = send(
        &o.http,
        Method::GET,
        &o.url("/api/conversations/conv_123"),
        Some(&o.jwt),
        None,
        None,
    )
    .await;
    let holas = conv.body["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["role"] == "user" && m["content"] == "hola")
        .count();
    assert_eq!(holas, 1, "{}", conv.body);
}

// ---------------------------------------------------------------------------------------------
// The shared layer on a router of its own
// ---------------------------------------------------------------------------------------------

/// A router whose `POST /slow` waits for `release` (counting runs) and whose `POST /flaky`
/// answers 500 on its first run, wrapped in the idempotency layer; every request with an
/// `Authorization` header is authenticated as that header's value.
async fn layer_server(
    shared: &Shared,
    runs: Arc<AtomicUsize>,
    release: Arc<tokio::sync::Notify>,
) -> (String, tokio::task::JoinHandle<()>) {
    let slow_runs = runs.clone();
    let flaky_runs = runs;
    let router = axum::Router::new()
        .route(
            "/slow",
            axum::routing::post(move || {
                let runs = slow_runs.clone();
                let release = release.clone();
                async move {
                    let released = release.notified();
                    runs.fetch_add(1, Ordering::SeqCst);
                    released.await;
                    (AxumStatus::CREATED, "made").into_response()
                }
            }),
        )
        .route(
            "/flaky",
            axum::routing::post(move || {
                let runs = flaky_runs.clone();
                async move {
                    if runs.fetch_add(1, Ordering::SeqCst) == 0 {
                        (AxumStatus::INTERNAL_SERVER_ERROR, "boom").into_response()
                    } else {
                        (AxumStatus::CREATED, "made").into_response()
                    }
                }
            }),
        );
    let router = common::idempotency_layer(router, shared, render).layer(
        axum::middleware::from_fn(|mut req: Request, next: Next| async move {
            if let Some(who) = req
                .headers()
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
            {
                req.extensions_mut().insert(Credential(who));
            }
            next.run(req).await
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (format!("http://{addr}"), task)
}

fn render(status: AxumStatus, code: &str, message: &str, details: Value) -> Response {
    (
        status,
        axum::Json(json!({"error": {"code": code, "message": message, "details": details}})),
    )
        .into_response()
}

#[tokio::test]
async fn layer_refuses_a_key_in_flight_and_replays_once_done() {
    let shared = Shared::new(false);
    let runs = Arc::new(AtomicUsize::new(0));
    let release = Arc::new(tokio::sync::Notify::new());
    let (base, server) = layer_server(&shared, runs.clone(), release.clone()).await;
    let http = client();
    let post = |key: &'static str| {
        http.post(format!("{base}/slow"))
            .header("authorization", "alice")
            .header("idempotency-key", key)
            .body("x")
            .send()
    };
    let first = tokio::spawn(post("slow-1"));
    while runs.load(Ordering::SeqCst) == 0 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let busy = post("slow-1").await.expect("send");
    assert_eq!(busy.status(), 409);
    assert_eq!(
        busy.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("1")
    );
    let busy: Value = serde_json::from_slice(&busy.bytes().await.expect("body")).expect("json");
    assert_eq!(busy["error"]["code"], "IDEMPOTENCY_KEY_IN_USE");
    assert_eq!(busy["error"]["details"]["reason"], "in_flight");
    // Another credential is not blocked by alice's key.
    let bob = http
        .post(format!("{base}/slow"))
        .header("authorization", "bob")
        .header("idempotency-key", "slow-1")
        .body("x")
        .send();
    let bob = tokio::spawn(bob);
    while runs.load(Ordering::SeqCst) < 2 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    release.notify_waiters();
    let first = first.await.expect("join").expect("send");
    assert_eq!(first.status(), 201);
    assert_eq!(bob.await.expect("join").expect("send").status(), 201);
    let replay = post("slow-1").await.expect("send");
    assert_eq!(replay.status(), 201);
    assert_eq!(
        replay
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
    assert_eq!(replay.bytes().await.expect("body"), "made");
    assert_eq!(runs.load(Ordering::SeqCst), 2, "the replay ran nothing");
    assert_eq!(shared.idempotency.len(), 2);
    server.abort();
}

#[tokio::test]
async fn layer_forgets_a_key_after_a_server_error() {
    let shared = Shared::new(false);
    let runs = Arc::new(AtomicUsize::new(0));
    let (base, server) =
        layer_server(&shared, runs.clone(), Arc::new(tokio::sync::Notify::new())).await;
    let http = client();
    let post = || {
        http.post(format!("{base}/flaky"))
            .header("authorization", "alice")
            .header("idempotency-key", "flaky-1")
            .body("x")
            .send()
    };
    assert_eq!(post().await.expect("send").status(), 500);
    assert!(shared.idempotency.is_empty(), "a 500 is not remembered");
    let retry = post().await.expect("send");
    assert_eq!(retry.status(), 201);
    assert!(retry.headers().get("idempotent-replayed").is_none());
    let replay = post().await.expect("send");
    assert_eq!(replay.status(), 201);
    assert!(replay.headers().get("idempotent-replayed").is_some());
    assert_eq!(runs.load(Ordering::SeqCst), 2);
    server.abort();
}

#[tokio::test]
async fn layer_store_stays_bounded_under_a_flood_of_keys() {
    let shared = Shared::new(false);
    let runs = Arc::new(AtomicUsize::new(0));
    let (base, server) =
        layer_server(&shared, runs.clone(), Arc::new(tokio::sync::Notify::new())).await;
    let http = client();
    // Unauthenticated requests are never remembered, however many keys they carry.
    for chunk in (0..2_000).collect::<Vec<_>>().chunks(100) {
        let anon = futures::future::join_all(chunk.iter().map(|i| {
            http.post(format!("{base}/flaky"))
                .header("idempotency-key", format!("anon-{i}"))
                .body("x")
                .send()
        }))
        .await;
        assert!(anon.iter().all(Result::is_ok));
    }
    assert!(shared.idempotency.is_empty());
    // One credential keeps at most its cap of keys.
    let cap = common::idempotency::MAX_ENTRIES_PER_CREDENTIAL;
    for chunk in (0..cap + 500).collect::<Vec<_>>().chunks(100) {
        let answers = futures::future::join_all(chunk.iter().map(|i| {
            http.post(format!("{base}/flaky"))
                .header("authorization", "alice")
                .header("idempotency-key", format!("k-{i}"))
                .body("x")
                .send()
        }))
        .await;
        assert!(answers.iter().all(Result::is_ok));
        assert!(shared.idempotency.len() <= cap);
    }
    assert_eq!(shared.idempotency.len(), cap);
    server.abort();
}
