//! Transport behaviour on the wire (wiremock): auth, envelope, retries, timeouts, redirects,
//! error mapping, redaction, streams.

use std::time::Duration;

use agents_sdk::platform::{Client, ListAgentsParams};
use agents_sdk::{ApiErrorKind, Error, RequestOptions, ResponseCapture, TimeoutPhase};
use futures::StreamExt;
use serde_json::json;
use wiremock::matchers::{body_json, header, header_exists, method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const KEY: &str = "cj_live_supersecretkey123";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api", server.uri()))
        .build()
        .unwrap()
}

fn agents_body() -> serde_json::Value {
    json!({
        "data": {"agents": [{"id": "agt_personal_001", "name": "Personal Assistant", "category": "personal", "isPublic": true}]},
        "meta": {"timestamp": "2025-10-15T10:30:00Z", "requestId": "req_abc123"}
    })
}

fn error_body(code: &str, message: &str) -> serde_json::Value {
    json!({"error": {"code": code, "message": message, "details": {"field": "email"}},
           "meta": {"timestamp": "2025-10-15T10:30:00Z", "requestId": "req_err1"}})
}

#[tokio::test]
async fn sends_bearer_key_and_unwraps_envelope_keeping_request_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/agents"))
        .and(query_param("category", "personal"))
        .and(query_param("isPublic", "true"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .and(header("accept", "application/json"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(agents_body())
                .insert_header("X-RateLimit-Limit", "100")
                .insert_header("X-RateLimit-Remaining", "87")
                .insert_header("X-RateLimit-Reset", "1697375400"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let capture = ResponseCapture::new();
    let list = client(&server)
        .agents()
        .with_options(RequestOptions::new().capture(&capture))
        .list(ListAgentsParams {
            category: Some("personal".into()),
            is_public: Some(true),
        })
        .await
        .unwrap();
    assert_eq!(list.agents[0].id, "agt_personal_001");
    let meta = capture.get().unwrap();
    assert_eq!(meta.status, 200);
    assert_eq!(meta.request_id.as_deref(), Some("req_abc123"));
    let rl = meta.rate_limit.unwrap();
    assert_eq!(
        (rl.limit, rl.remaining, rl.reset),
        (Some(100), Some(87), Some(1697375400))
    );
    // a capture gets the header list too (calls without one skip building it)
    assert_eq!(meta.header("x-ratelimit-remaining"), Some("87"));
    assert_eq!(meta.header("X-RateLimit-Limit"), Some("100"));
}

#[tokio::test]
async fn error_statuses_map_to_classes() {
    let cases = [
        (400, "VALIDATION_ERROR", ApiErrorKind::BadRequest),
        (401, "UNAUTHORIZED", ApiErrorKind::Authentication),
        (403, "FORBIDDEN", ApiErrorKind::PermissionDenied),
        (404, "NOT_FOUND", ApiErrorKind::NotFound),
        (409, "CONFLICT", ApiErrorKind::Conflict),
        (429, "RATE_LIMIT_EXCEEDED", ApiErrorKind::RateLimit),
        (500, "INTERNAL_ERROR", ApiErrorKind::InternalServer),
        (503, "SERVICE_UNAVAILABLE", ApiErrorKind::ServiceUnavailable),
    ];
    for (status, code, kind) in cases {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/api/agents/agt_x"))
            .respond_with(
                ResponseTemplate::new(status)
                    .set_body_json(error_body(code, "something failed"))
                    .insert_header("X-Request-Id", "req_header")
                    .insert_header("X-RateLimit-Limit", "100")
                    .insert_header("X-RateLimit-Remaining", "0")
                    .insert_header("X-RateLimit-Reset", "1697375400"),
            )
            .mount(&server)
            .await;
        let c = Client::builder()
            .api_key(KEY)
            .base_url(format!("{}/api", server.uri()))
            .max_retries(0)
            .build()
            .unwrap();
        let err = c.agents().get("agt_x").await.unwrap_err();
        let api = err.as_api().unwrap_or_else(|| panic!("{status}: {err:?}"));
        assert_eq!(api.kind, kind, "{status}");
        assert_eq!(api.status, status);
        assert_eq!(api.code.as_deref(), Some(code));
        assert_eq!(api.message, "something failed");
        assert_eq!(api.details["field"], "email");
        assert_eq!(api.request_id.as_deref(), Some("req_err1"));
        assert_eq!(api.rate_limit.unwrap().remaining, Some(0));
        assert_eq!(err.class_name(), kind.class_name());
        assert!(err.to_string().contains("something failed"));
    }
}

#[tokio::test]
async fn retries_429_honouring_retry_after_then_succeeds() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/agents"))
        .respond_with(
            ResponseTemplate::new(429)
                .set_body_json(error_body("RATE_LIMIT_EXCEEDED", "slow down"))
                .insert_header("Retry-After", "0"),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/agents"))
        .respond_with(ResponseTemplate::new(200).set_body_json(agents_body()))
        .with_priority(2)
        .mount(&server)
        .await;
    let capture = ResponseCapture::new();
    let list = client(&server)
        .agents()
        .with_options(RequestOptions::new().capture(&capture))
        .list(Default::default())
        .await
        .unwrap();
    assert_eq!(list.agents.len(), 1);
    assert_eq!(capture.get().unwrap().attempts, 2);
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_503_burst_longer_than_the_retries_fails_with_the_last_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/agents"))
        .respond_with(
            ResponseTemplate::new(503)
                .set_body_json(error_body("SERVICE_UNAVAILABLE", "down"))
                .insert_header("Retry-After", "0"),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .agents()
        .with_options(RequestOptions::new().max_retries(3))
        .list(Default::default())
        .await
        .unwrap_err();
    assert_eq!(err.as_api().unwrap().kind, ApiErrorKind::ServiceUnavailable);
    assert_eq!(server.received_requests().await.unwrap().len(), 4);
}

#[tokio::test]
async fn no_retry_on_400() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/agents"))
        .respond_with(
            ResponseTemplate::new(400).set_body_json(error_body("VALIDATION_ERROR", "bad")),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .agents()
        .create(agents_sdk::platform::CreateAgentParams::new("x"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn post_retries_reuse_one_idempotency_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/agents"))
        .and(header_exists("idempotency-key"))
        .respond_with(
            ResponseTemplate::new(500)
                .set_body_json(error_body("INTERNAL_ERROR", "boom"))
                .insert_header("Retry-After", "0"),
        )
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/agents"))
        .and(body_json(json!({"name": "My Custom Agent", "isPublic": false})))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"data": {"id": "agt_custom_123", "name": "My Custom Agent", "endpointUrl": "/api/agents/agt_custom_123/chat", "createdAt": "2025-10-15T10:30:00Z"}})))
        .with_priority(2)
        .mount(&server)
        .await;
    let created = client(&server)
        .agents()
        .create(agents_sdk::platform::CreateAgentParams::new("My Custom Agent").is_public(false))
        .await
        .unwrap();
    assert_eq!(created.id, "agt_custom_123");
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 3);
    let keys: Vec<_> = reqs
        .iter()
        .map(|r| {
            r.headers
                .get("idempotency-key")
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert!(keys.iter().all(|k| k == &keys[0]), "{keys:?}");

    // an explicit key is sent as given
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(header("idempotency-key", "order-42"))
        .respond_with(
            ResponseTemplate::new(201).set_body_json(json!({"data": {"id": "agt_1", "name": "n"}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    client(&server)
        .agents()
        .with_options(RequestOptions::new().idempotency_key("order-42"))
        .create(agents_sdk::platform::CreateAgentParams::new("n"))
        .await
        .unwrap();
}

#[tokio::test]
async fn gets_carry_no_idempotency_key() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(agents_body()))
        .mount(&server)
        .await;
    client(&server)
        .agents()
        .list(Default::default())
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert!(reqs[0].headers.get("idempotency-key").is_none());
}

#[tokio::test]
async fn total_deadline_covers_retries() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(agents_body())
                .set_delay(Duration::from_secs(5)),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .agents()
        .with_options(RequestOptions::new().timeout(Duration::from_millis(300)))
        .list(Default::default())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                phase: TimeoutPhase::Total,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn response_header_timeout_is_retried_then_reported() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(agents_body())
                .set_delay(Duration::from_secs(3)),
        )
        .mount(&server)
        .await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api", server.uri()))
        .response_header_timeout(Duration::from_millis(100))
        .max_retries(1)
        .build()
        .unwrap();
    let err = c.agents().list(Default::default()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                phase: TimeoutPhase::ResponseHeaders,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn connection_refused_is_a_connection_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let c = Client::builder()
        .api_key(KEY)
        .base_url(format!("http://127.0.0.1:{port}/api"))
        .max_retries(1)
        .build()
        .unwrap();
    let err = c.agents().list(Default::default()).await.unwrap_err();
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    assert_eq!(err.class_name(), "APIConnectionError");
    // the message says the time went to retries
    assert!(err.to_string().ends_with("(after 2 attempts)"), "{err}");
    let once = c
        .agents()
        .with_options(RequestOptions::new().max_retries(0))
        .list(Default::default())
        .await
        .unwrap_err();
    assert!(!once.to_string().contains("attempts"), "{once}");
}

#[tokio::test]
async fn redirect_to_another_origin_is_not_followed_and_auth_never_leaves() {
    let other = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(agents_body()))
        .mount(&other)
        .await;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/agents"))
        .respond_with(
            ResponseTemplate::new(307)
                .insert_header("Location", format!("{}/api/agents", other.uri()).as_str()),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .agents()
        .list(Default::default())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(307), "{err:?}");
    assert!(err.to_string().contains("not followed"), "{err}");
    assert!(other.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn same_origin_redirect_is_followed_with_auth() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/agents"))
        .respond_with(ResponseTemplate::new(307).insert_header("Location", "/api/v1/agents"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/agents"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(agents_body()))
        .expect(1)
        .mount(&server)
        .await;
    let list = client(&server)
        .agents()
        .list(Default::default())
        .await
        .unwrap();
    assert_eq!(list.agents.len(), 1);
}

/// A server redirecting within its own origin forever: five redirect answers (four followed),
/// then the last one is the answer, said to be a loop (not a redirect to another origin).
#[tokio::test]
async fn a_same_origin_redirect_loop_stops_and_says_so() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/agents"))
        .respond_with(ResponseTemplate::new(302).insert_header("Location", "/api/agents"))
        .expect(5)
        .mount(&server)
        .await;
    let err = client(&server)
        .agents()
        .list(Default::default())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(302), "{err:?}");
    assert!(
        err.to_string()
            .contains("kept redirecting within its own origin"),
        "{err}"
    );
}

#[tokio::test]
async fn secrets_stay_out_of_debug_and_errors() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(format!("not json, echoing Bearer {KEY}")),
        )
        .mount(&server)
        .await;
    let c = client(&server);
    assert!(!format!("{c:?}").contains("supersecret"));
    let err = c.agents().list(Default::default()).await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(!err.to_string().contains("supersecret"), "{err}");
    assert!(!format!("{err:?}").contains("supersecret"), "{err:?}");
    let opts = RequestOptions::new().header("Authorization", "Bearer cj_live_other");
    assert!(!format!("{opts:?}").contains("cj_live_other"));
}

#[tokio::test]
async fn malformed_body_is_a_decode_error_with_excerpt_and_status() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string("{\"data\": {\"trunc")
                .insert_header("X-Request-Id", "req_m"),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .agents()
        .list(Default::default())
        .await
        .unwrap_err();
    match err {
        Error::Decode {
            excerpt,
            status,
            request_id,
            ..
        } => {
            assert!(excerpt.contains("trunc"));
            assert_eq!(status, Some(200));
            assert_eq!(request_id.as_deref(), Some("req_m"));
        }
        other => panic!("{other:?}"),
    }
}

fn sse(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("content-type", "text/event-stream")
        .set_body_string(body.to_owned())
}

/// The seed prints the `done` payload over several lines for readability; on the wire each
/// line is its own `data:` field, which the decoder joins with newlines.
#[tokio::test]
async fn token_stream_yields_tokens_and_done_fields() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/conversations/conv_abc123/messages"))
        .and(body_json(json!({"content": "¿Cuánto he gastado este mes?"})))
        .and(header("accept", "text/event-stream"))
        .respond_with(sse("event: token\ndata: {\"token\": \"Este\"}\n\nevent: token\ndata: {\"token\": \" mes\"}\n\n: keep-alive\n\nevent: done\ndata: {\ndata:   \"messageId\": \"msg_003\",\ndata:   \"tokensUsed\": 156,\ndata:   \"timestamp\": \"2025-10-15T10:36:00Z\"\ndata: }\n\n"))
        .mount(&server)
        .await;
    let c = client(&server);
    let stream = c
        .conversations()
        .send_message("conv_abc123", "¿Cuánto he gastado este mes?")
        .await
        .unwrap();
    let mut tokens = stream.tokens();
    let mut got = Vec::new();
    while let Some(t) = tokens.next().await {
        got.push(t.unwrap());
    }
    assert_eq!(got, vec!["Este", " mes"]);
    let s = tokens.stream();
    assert_eq!(s.message_id(), Some("msg_003"));
    assert_eq!(s.tokens_used(), Some(156));
    assert_eq!(s.timestamp(), Some("2025-10-15T10:36:00Z"));
    assert_eq!(s.text(), "Este mes");
}

#[tokio::test]
async fn stream_cut_before_done_is_incomplete() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(sse(
            "event: token\ndata: {\"token\": \"Este\"}\n\nevent: token\ndata: {\"tok",
        ))
        .mount(&server)
        .await;
    let c = client(&server);
    let done = c
        .conversations()
        .send_message("conv_1", "hola")
        .await
        .unwrap()
        .collect_text()
        .await;
    match done {
        Err(Error::IncompleteStream { received }) => assert_eq!(received, 1),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn error_event_inside_a_200_stream_is_typed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(sse("event: token\ndata: {\"token\": \"a\"}\n\nevent: error\ndata: {\"error\": {\"code\": \"RATE_LIMIT_EXCEEDED\", \"message\": \"monthly messages used up\"}}\n\n"))
        .mount(&server)
        .await;
    let c = client(&server);
    let mut s = c
        .conversations()
        .send_message("conv_1", "hola")
        .await
        .unwrap();
    assert!(s.next().await.unwrap().is_ok());
    let err = s.next().await.unwrap().unwrap_err();
    assert_eq!(err.as_api().unwrap().kind, ApiErrorKind::RateLimit);
    assert!(s.next().await.is_none());
}

#[tokio::test]
async fn stream_retries_before_its_first_byte() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(503)
                .set_body_json(error_body("SERVICE_UNAVAILABLE", "x"))
                .insert_header("Retry-After", "0"),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(sse("event: token\ndata: {\"token\": \"ok\"}\n\nevent: done\ndata: {\"messageId\": \"m\", \"tokensUsed\": 1, \"timestamp\": \"t\"}\n\n"))
        .with_priority(2)
        .mount(&server)
        .await;
    let c = client(&server);
    let done = c
        .conversations()
        .send_message("conv_1", "hola")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap();
    assert_eq!(done.text, "ok");
    assert_eq!(done.message_id, "m");
}

/// A server that sends headers and one event, then stalls.
async fn stalling_server() -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let _ = sock.read(&mut buf).await;
                let head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n";
                let ev = "event: token\ndata: {\"token\": \"a\"}\n\n";
                let chunk = format!("{:x}\r\n{}\r\n", ev.len(), ev);
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(chunk.as_bytes()).await;
                tokio::time::sleep(Duration::from_secs(30)).await;
            });
        }
    });
    format!("http://{addr}/api")
}

#[tokio::test]
async fn a_stalled_stream_fails_with_an_idle_timeout() {
    let base = stalling_server().await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(base)
        .stream_idle_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let mut s = c
        .conversations()
        .send_message("conv_1", "hola")
        .await
        .unwrap();
    assert!(s.next().await.unwrap().is_ok());
    let err = s.next().await.unwrap().unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                phase: TimeoutPhase::StreamIdle,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn cancel_token_stops_a_call() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(agents_body())
                .set_delay(Duration::from_secs(5)),
        )
        .mount(&server)
        .await;
    let token = agents_sdk::CancelToken::new();
    let t2 = token.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        t2.cancel();
    });
    let err = client(&server)
        .agents()
        .with_options(RequestOptions::new().cancel_token(&token))
        .list(Default::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Cancelled), "{err:?}");
}

#[tokio::test]
async fn extra_headers_per_client_and_per_request() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("x-client", "1"))
        .and(header("x-request", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(agents_body()))
        .expect(1)
        .mount(&server)
        .await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api", server.uri()))
        .default_header("X-Client", "1")
        .build()
        .unwrap();
    c.agents()
        .with_options(RequestOptions::new().header("X-Request", "2"))
        .list(Default::default())
        .await
        .unwrap();
}

/// A header the caller names like one of the SDK's own is sent instead of it, never beside it:
/// the call's replaces the client's, the client's replaces the SDK's.
#[tokio::test]
async fn callers_headers_replace_the_sdks_of_the_same_name() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(agents_body()))
        .mount(&server)
        .await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api", server.uri()))
        .default_header("Authorization", "Token from-defaults")
        .default_header("X-Both", "client")
        .build()
        .unwrap();
    c.agents().list(Default::default()).await.unwrap();
    c.agents()
        .with_options(
            RequestOptions::new()
                .header("authorization", "Token from-call")
                .header("x-both", "call")
                .header("Accept", "application/vnd.test+json"),
        )
        .list(Default::default())
        .await
        .unwrap();
    let got = server.received_requests().await.unwrap();
    let values = |r: &Request, name: &str| {
        r.headers
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(values(&got[0], "authorization"), ["Token from-defaults"]);
    assert_eq!(values(&got[0], "x-both"), ["client"]);
    assert_eq!(values(&got[0], "accept"), ["application/json"]);
    assert_eq!(values(&got[1], "authorization"), ["Token from-call"]);
    assert_eq!(values(&got[1], "x-both"), ["call"]);
    assert_eq!(values(&got[1], "accept"), ["application/vnd.test+json"]);
}

/// Checks a request's JSON body.
pub fn body_of(r: &Request) -> serde_json::Value {
    serde_json::from_slice(&r.body).unwrap()
}

#[tokio::test]
async fn client_settings_apply_as_one_value() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("x-from-settings", "yes"))
        .respond_with(
            ResponseTemplate::new(503).set_body_json(error_body("SERVICE_UNAVAILABLE", "down")),
        )
        .mount(&server)
        .await;
    let mut settings = agents_sdk::ClientSettings::default();
    settings.base_url = Some(format!("{}/api", server.uri()));
    settings.max_retries = Some(0);
    settings.headers = vec![("X-From-Settings".into(), "yes".into())];
    let c = Client::builder()
        .api_key(KEY)
        .settings(settings)
        .build()
        .unwrap();
    assert!(c.base_url().starts_with(&server.uri()));
    let err = c.agents().list(Default::default()).await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        1,
        "max_retries 0 applied"
    );
}

#[tokio::test]
async fn read_ahead_delivers_every_token_then_ends() {
    let mut body = String::new();
    for i in 0..500 {
        body.push_str(&format!("event: token\ndata: {{\"token\": \" w{i}\"}}\n\n"));
    }
    body.push_str(
        "event: done\ndata: {\"messageId\": \"m\", \"tokensUsed\": 500, \"timestamp\": \"t\"}\n\n",
    );
    let (_server, s) = token_stream(&body).await;
    let mut ahead: agents_sdk::stream::ReadAhead<agents_sdk::platform::TokenBatch> =
        agents_sdk::stream::ReadAhead::spawn_on(&tokio::runtime::Handle::current(), s, 2, 64);
    let mut tokens = 0;
    let mut text = String::new();
    let mut done = false;
    while let Some(batch) = ahead.next_batch(10_000).await {
        let batch = batch.unwrap();
        for token in batch.tokens() {
            assert_eq!(token, format!(" w{tokens}"));
            text.push_str(token);
            tokens += 1;
        }
        done |= batch.done.is_some();
    }
    assert_eq!(text, (0..500).map(|i| format!(" w{i}")).collect::<String>());
    assert_eq!(tokens, 500);
    assert!(done);

    // a cut stream: the tokens first, then the error
    let (_server, s) = token_stream("event: token\ndata: {\"token\": \"a\"}\n\n").await;
    let mut ahead: agents_sdk::stream::ReadAhead<Vec<_>> =
        agents_sdk::stream::ReadAhead::spawn_on(&tokio::runtime::Handle::current(), s, 2, 64);
    assert_eq!(ahead.next_batch(100).await.unwrap().unwrap().len(), 1);
    assert!(matches!(
        ahead.next_batch(100).await,
        Some(Err(Error::IncompleteStream { received: 1 }))
    ));
    assert!(ahead.next_batch(100).await.is_none());
}

/// Opens a platform stream whose body is `body`, with the server that sends it.
async fn token_stream(body: &str) -> (MockServer, agents_sdk::platform::MessageStream) {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(sse(body))
        .mount(&server)
        .await;
    let stream = client(&server)
        .conversations()
        .send_message("conv_1", "x")
        .await
        .unwrap();
    (server, stream)
}

/// Reads token batches to the end: the tokens, whether `done` came, and the final error.
async fn read_batches(body: &str, max: usize) -> (Vec<String>, bool, Option<Error>) {
    let (_server, stream) = token_stream(body).await;
    let mut batches = stream.token_batches(max);
    let (mut tokens, mut done, mut error) = (Vec::new(), false, None);
    while let Some(batch) = batches.next().await {
        match batch {
            Ok(batch) => {
                assert!(!done, "nothing after the batch with done");
                assert!(
                    batch.ends.len() <= max + 200,
                    "a batch stays near its limit"
                );
                tokens.extend(batch.tokens().map(str::to_owned));
                done = batch.done.is_some();
            }
            Err(e) => {
                assert!(error.is_none(), "one error, then the end");
                error = Some(e);
            }
        }
    }
    (tokens, done, error)
}

#[tokio::test]
async fn token_batches_deliver_every_token_like_the_event_stream() {
    let mut body = String::from(": keep-alive\n\nevent: unknown\ndata: {}\n\n");
    let mut expected = Vec::new();
    for i in 0..3000 {
        let token = match i % 4 {
            0 => format!(" w{i}"),
            1 => format!("caf\\u00e9{i}"),
            2 => format!("\\\"q{i}\\\""),
            _ => format!("ñ{i}"),
        };
        body.push_str(&format!(
            "event: token\r\ndata: {{\"token\": \"{token}\"}}\r\n\r\n"
        ));
        expected.push(serde_json::from_str::<String>(&format!("\"{token}\"")).unwrap());
    }
    body.push_str(
        "event: done\ndata: {\"messageId\": \"m\", \"tokensUsed\": 3000, \"timestamp\": \"t\"}\n\n",
    );

    // the item stream and the batches agree
    let mut items = Vec::new();
    let (_server, mut s) = token_stream(&body).await;
    while let Some(ev) = s.next().await {
        if let agents_sdk::platform::ConversationEvent::Token(t) = ev.unwrap() {
            items.push(t.token);
        }
    }
    assert_eq!(items, expected);
    for max in [1, 7, 16_384] {
        let (tokens, done, error) = read_batches(&body, max).await;
        assert_eq!(tokens, expected, "max {max}");
        assert!(done && error.is_none(), "max {max}: {error:?}");
    }

    // through the read-ahead the bindings use
    let (_server, stream) = token_stream(&body).await;
    let mut ahead: agents_sdk::stream::ReadAhead<agents_sdk::platform::TokenBatch> =
        agents_sdk::stream::ReadAhead::spawn_batches_on(
            &tokio::runtime::Handle::current(),
            stream.token_batches(100),
            2,
        );
    let mut text = String::new();
    let mut done = None;
    while let Some(batch) = ahead.next_batch(1000).await {
        let batch = batch.unwrap();
        text.push_str(&batch.text);
        done = done.or(batch.done);
    }
    assert_eq!(text, expected.concat());
    assert_eq!(done.unwrap().tokens_used, 3000);
}

#[tokio::test]
async fn token_batches_end_with_the_error_after_the_tokens_before_it() {
    // cut before done
    let cut = "event: token\ndata: {\"token\": \"a\"}\n\nevent: token\ndata: {\"token\": \"b\"}\n\nevent: tok";
    let (tokens, done, error) = read_batches(cut, 100).await;
    assert_eq!(tokens, ["a", "b"]);
    assert!(!done);
    assert!(
        matches!(error, Some(Error::IncompleteStream { received: 2 })),
        "{error:?}"
    );

    // an error event inside the stream
    let failing = "event: token\ndata: {\"token\": \"a\"}\n\nevent: error\ndata: {\"error\": {\"code\": \"INTERNAL_ERROR\", \"message\": \"boom\"}}\n\nevent: token\ndata: {\"token\": \"never\"}\n\n";
    let (tokens, _, error) = read_batches(failing, 100).await;
    assert_eq!(tokens, ["a"]);
    match error {
        Some(Error::Api(api)) => assert_eq!(api.message, "boom"),
        other => panic!("{other:?}"),
    }

    // a token that is not JSON
    let malformed =
        "event: token\ndata: {\"token\": \"a\"}\n\nevent: token\ndata: {\"token\": \n\n";
    let (tokens, _, error) = read_batches(malformed, 100).await;
    assert_eq!(tokens, ["a"]);
    assert!(matches!(error, Some(Error::Decode { .. })), "{error:?}");
}

#[tokio::test]
async fn an_argument_too_long_for_a_url_is_refused_before_sending() {
    let server = MockServer::start().await;
    let c = client(&server);
    let huge = "a".repeat(70_000);
    let err = c.agents().get(&huge).await.unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)), "{err}");
    let text = err.to_string();
    assert!(text.len() < 400 && text.contains("too long"), "{text}");
    assert!(
        server
            .received_requests()
            .await
            .unwrap_or_default()
            .is_empty()
    );
    // a long but acceptable id is sent (and answered)
    assert!(!matches!(
        c.agents().get(&"a".repeat(2_000)).await,
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn an_api_key_that_cannot_be_a_header_is_refused_when_the_client_is_built() {
    for bad in ["a\r\nX-Evil: 1", "a\0b", "tab\tnew\nline"] {
        let err = Client::builder()
            .api_key(bad)
            .base_url("http://127.0.0.1:9/api")
            .build()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{err}");
        assert!(!err.to_string().contains(bad), "{err}");
    }
    let err = agents_sdk::ops::AgentClient::builder()
        .api_key("x\ny")
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)), "{err}");
}

#[tokio::test]
async fn framing_headers_from_the_caller_are_refused() {
    // a `Content-Length: 99` on a GET made the server wait for a body that never came
    let server = MockServer::start().await;
    let c = client(&server);
    for name in [
        "Content-Length",
        "transfer-encoding",
        "Connection",
        "Upgrade",
    ] {
        let err = c
            .agents()
            .with_options(RequestOptions::new().header(name, "99"))
            .list(ListAgentsParams::default())
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{name}: {err}");
        let built = Client::builder()
            .api_key("k")
            .base_url("http://127.0.0.1:9/api")
            .default_header(name, "99")
            .build();
        assert!(matches!(built, Err(Error::InvalidArgument(_))), "{name}");
    }
    assert!(
        server
            .received_requests()
            .await
            .unwrap_or_default()
            .is_empty()
    );
}

#[test]
fn a_base_url_with_a_query_or_a_fragment_is_refused_and_passwords_are_not_shown() {
    for bad in [
        "http://h/api?x=1",
        "http://h/api#f",
        "http://u:pw_s3cret@h/api?x=1",
    ] {
        let err = Client::builder()
            .api_key("k")
            .base_url(bad)
            .build()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{bad}: {err}");
        assert!(!err.to_string().contains("pw_s3cret"), "{err}");
    }
    let c = Client::builder()
        .api_key("k")
        .base_url("http://u:pw_s3cret@127.0.0.1:9/api")
        .build()
        .unwrap();
    assert!(!format!("{c:?}").contains("pw_s3cret"), "{c:?}");
}

#[test]
fn zero_limits_are_refused_when_the_client_is_built() {
    use std::time::Duration;
    let zero = Duration::ZERO;
    let builders = [
        Client::builder().timeout(zero),
        Client::builder().connect_timeout(zero),
        Client::builder().response_header_timeout(zero),
        Client::builder().stream_idle_timeout(zero),
        Client::builder().max_pages(0),
    ];
    for b in builders {
        let err = b
            .api_key("k")
            .base_url("http://127.0.0.1:9/api")
            .build()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{err}");
    }
}
