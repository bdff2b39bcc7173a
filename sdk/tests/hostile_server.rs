//! What a hostile or broken server can send never panics, never loops and never grows memory
//! without bound: huge `Retry-After` / `X-RateLimit-Reset`, absurd token lifetimes, cursors that
//! point back, oversized bodies. Also: what a retry cannot fix is not retried.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use agents_sdk::ops::AgentClient;
use agents_sdk::platform::{Client, ListAgentsParams, ListConversationsParams, ListUsersParams};
use agents_sdk::{ApiErrorKind, Error, RequestOptions};
use futures::StreamExt;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const KEY: &str = "cj_live_supersecretkey123";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api", server.uri()))
        .build()
        .unwrap()
}

fn envelope(data: serde_json::Value) -> serde_json::Value {
    json!({"data": data, "meta": {"timestamp": "2025-10-15T10:30:00Z", "requestId": "req_1"}})
}

fn error_body(code: &str) -> serde_json::Value {
    json!({"error": {"code": code, "message": "nope", "details": {}}})
}

#[tokio::test]
async fn huge_retry_after_and_rate_limit_reset_never_panic() {
    for (status, header, value) in [
        (503, "Retry-After", "99999999999999999999"),
        (503, "Retry-After", "1e300"),
        (429, "Retry-After", "18446744073709551616.5"),
        (429, "X-RateLimit-Reset", "18446744073709551615"),
        (429, "X-RateLimit-Reset", "99999999999999999999999"),
        (503, "Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"),
        (503, "Retry-After", "-5"),
        (503, "Retry-After", "NaN"),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/api/agents"))
            .respond_with(
                ResponseTemplate::new(status)
                    .set_body_json(error_body("SERVICE_UNAVAILABLE"))
                    .insert_header(header, value),
            )
            .mount(&server)
            .await;
        let started = Instant::now();
        let err = client(&server)
            .agents()
            .with_options(RequestOptions::new().max_retries(1))
            .list(ListAgentsParams::default())
            .await
            .unwrap_err();
        let api = err.as_api().expect("an API error");
        assert_eq!(api.status, status, "{header}: {value}");
        if let Some(wait) = api.retry_after {
            assert!(wait <= agents_sdk::ratelimit::MAX_REPORTED_WAIT, "{wait:?}");
        }
        // A wait beyond 60 s is not honoured: the retry used the short backoff instead.
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{header}: {value} took {:?}",
            started.elapsed()
        );
        let requests = server.received_requests().await.unwrap().len();
        assert_eq!(requests, 2, "{header}: {value}");
    }
}

#[tokio::test]
async fn a_zero_or_past_server_wait_is_replaced_by_the_backoff() {
    // `Retry-After: 0`, a date in the past, or (on a 429) a reset already past: retrying at once
    // would spend every retry within milliseconds against a server that always says so
    for (status, header, value) in [
        (429, "Retry-After", "0"),
        (503, "Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"),
        (429, "X-RateLimit-Reset", "1697375400"),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/api/agents"))
            .respond_with(
                ResponseTemplate::new(status)
                    .set_body_json(error_body("RATE_LIMIT_EXCEEDED"))
                    .insert_header(header, value),
            )
            .mount(&server)
            .await;
        let started = Instant::now();
        let err = client(&server)
            .agents()
            .with_options(RequestOptions::new().max_retries(1))
            .list(ListAgentsParams::default())
            .await
            .unwrap_err();
        assert_eq!(err.as_api().map(|a| a.status), Some(status));
        assert_eq!(server.received_requests().await.unwrap().len(), 2);
        // the first backoff is 0.5 s less up to 25 % jitter
        assert!(
            started.elapsed() >= Duration::from_millis(370),
            "{header}: {value}: retried after {:?}",
            started.elapsed()
        );
    }
}

#[tokio::test]
async fn conflict_is_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/agents"))
        .respond_with(ResponseTemplate::new(409).set_body_json(error_body("CONFLICT")))
        .expect(1)
        .mount(&server)
        .await;
    let err = client(&server)
        .agents()
        .create(agents_sdk::platform::CreateAgentParams::new("x"))
        .await
        .unwrap_err();
    assert_eq!(err.as_api().unwrap().kind, ApiErrorKind::Conflict);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_cursor_that_points_back_stops_pagination_with_a_typed_error() {
    let server = MockServer::start().await;
    // Page "a" says the next one is "b"; page "b" points back at "a".
    let page = |cursor: &str, next: &str| {
        envelope(json!({
            "conversations": [{"id": format!("conv_{cursor}"), "agentId": "agt_1", "title": "t",
                               "createdAt": "2025-10-15T10:30:00Z", "updatedAt": "2025-10-15T10:30:00Z"}],
            "pagination": {"nextCursor": next, "hasMore": true}
        }))
    };
    Mock::given(method("GET"))
        .and(path("/api/conversations"))
        .and(query_param("cursor", "b"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page("b", "a")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/conversations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page("a", "b")))
        .mount(&server)
        .await;
    let items: Vec<_> = client(&server)
        .conversations()
        .list(ListConversationsParams::default())
        .into_items()
        .collect()
        .await;
    // first page (no cursor), "b", then "a" again (its first visit by cursor), then "b" repeats.
    let errors: Vec<_> = items.iter().filter(|r| r.is_err()).collect();
    assert_eq!(errors.len(), 1, "{items:?}");
    assert!(items.last().unwrap().is_err());
    match items.last().unwrap() {
        Err(Error::Decode { what, message, .. }) => {
            assert_eq!(*what, "pagination");
            assert!(message.contains("again"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn a_page_number_that_does_not_advance_stops_and_the_page_cap_holds() {
    let server = MockServer::start().await;
    // Always answers page 1 of 5: the next request would be page 2 for ever.
    Mock::given(method("GET"))
        .and(path("/api/users"))
        .respond_with(ResponseTemplate::new(200).set_body_json(envelope(json!({
            "users": [{"id": "usr_1", "email": "a@b.c", "name": "A", "role": "user",
                       "createdAt": "2025-10-15T10:30:00Z"}],
            "pagination": {"page": 1, "limit": 1, "total": 5, "pages": 5}
        }))))
        .mount(&server)
        .await;
    let c = client(&server);
    let items: Vec<_> = c
        .users()
        .list(ListUsersParams::default())
        .into_items()
        .collect()
        .await;
    assert!(matches!(
        items.last(),
        Some(Err(Error::Decode {
            what: "pagination",
            ..
        }))
    ));
    assert_eq!(items.iter().filter(|r| r.is_ok()).count(), 2);

    // A page cap of 1 stops after the first page, with an error that names the cap.
    let mut pages = c
        .users()
        .with_options(RequestOptions::new().max_pages(1))
        .list(ListUsersParams::default());
    assert!(pages.next_page().await.unwrap().is_some());
    match pages.next_page().await {
        Err(Error::Decode { message, .. }) => assert!(message.contains("page cap"), "{message}"),
        other => panic!("{other:?}"),
    }
    // The same cap set once on the client.
    let capped = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api", server.uri()))
        .max_pages(1)
        .build()
        .unwrap();
    let mut pages = capped.users().list(ListUsersParams::default());
    assert!(pages.next_page().await.unwrap().is_some());
    assert!(matches!(
        pages.next_page().await,
        Err(Error::Decode {
            what: "pagination",
            ..
        })
    ));
}

/// A raw TCP server on a free port: each connection's request head is read (one read), then
/// `answer` writes whatever it likes. Its base URL.
async fn serve_raw<F, Fut>(answer: F) -> String
where
    F: Fn(tokio::net::TcpStream) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let answer = Arc::new(answer);
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let answer = answer.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = sock.read(&mut buf).await;
                answer(sock).await;
            });
        }
    });
    format!("http://{addr}/api")
}

/// A raw HTTP server answering every connection with a `200` head (`content_length`, or chunked
/// when `None`) and then `body_len` bytes of filler (without end when `None`).
async fn raw_server(content_length: Option<u64>, body_len: Option<usize>) -> String {
    serve_raw(move |mut sock| async move {
                let head = match content_length {
                    Some(n) => format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {n}\r\n\r\n"
                    ),
                    None => "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n".to_owned(),
                };
                if sock.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b' '; 64 * 1024];
                let mut sent = 0usize;
                loop {
                    if body_len.is_some_and(|n| sent >= n) {
                        break;
                    }
                    let frame = if content_length.is_some() {
                        chunk.clone()
                    } else {
                        let mut f = format!("{:x}\r\n", chunk.len()).into_bytes();
                        f.extend_from_slice(&chunk);
                        f.extend_from_slice(b"\r\n");
                        f
                    };
                    if sock.write_all(&frame).await.is_err() {
                        return;
                    }
                    sent += chunk.len();
                }
    })
    .await
}

#[tokio::test]
async fn a_declared_oversized_body_is_refused_before_reading() {
    let url = raw_server(Some(512 * 1024 * 1024), Some(0)).await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(url)
        .build()
        .unwrap();
    let err = c
        .agents()
        .list(ListAgentsParams::default())
        .await
        .unwrap_err();
    match err {
        Error::ResponseTooLarge {
            limit,
            content_length,
            status,
            ..
        } => {
            assert_eq!(limit, 32 * 1024 * 1024);
            assert_eq!(content_length, Some(512 * 1024 * 1024));
            assert_eq!(status, 200);
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_endless_chunked_body_stops_being_read_at_the_limit() {
    let url = raw_server(None, None).await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(url)
        .max_response_bytes(1024 * 1024)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = c
        .agents()
        .list(ListAgentsParams::default())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                limit: 1_048_576,
                content_length: None,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.class_name(), "ResponseTooLargeError");
    assert!(started.elapsed() < Duration::from_secs(10));
    // A per-request limit beats the client's.
    let err = c
        .agents()
        .with_options(RequestOptions::new().max_response_bytes(100))
        .list(ListAgentsParams::default())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::ResponseTooLarge { limit: 100, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_body_at_the_limit_is_accepted() {
    let server = MockServer::start().await;
    let body = serde_json::to_vec(&envelope(json!({"agents": []}))).unwrap();
    Mock::given(method("GET"))
        .and(path("/api/agents"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.clone(), "application/json"))
        .mount(&server)
        .await;
    let c = client(&server);
    let ok = c
        .agents()
        .with_options(RequestOptions::new().max_response_bytes(body.len()))
        .list(ListAgentsParams::default())
        .await;
    assert!(ok.is_ok(), "{ok:?}");
    let err = c
        .agents()
        .with_options(RequestOptions::new().max_response_bytes(body.len() - 1))
        .list(ListAgentsParams::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::ResponseTooLarge { .. }), "{err:?}");
}

/// An ops server whose login answers `expires_in` as given, counting logins.
async fn ops_server(expires_in: &'static str) -> (MockServer, Arc<AtomicUsize>) {
    let server = MockServer::start().await;
    let logins = Arc::new(AtomicUsize::new(0));
    let counter = logins.clone();
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .respond_with(move |_: &Request| {
            counter.fetch_add(1, Ordering::SeqCst);
            ResponseTemplate::new(200).set_body_raw(
                format!(
                    r#"{{"access_token":"eyJhbGciOiJIUzI1NiJ9.e30.sig","token_type":"bearer","expires_in":{expires_in}}}"#
                ),
                "application/json",
            )
        })
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/metrics"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "total_requests": 1, "total_tool_calls": 0, "average_response_time_ms": 1.0,
            "tools_usage": {}, "errors": 0
        })))
        .mount(&server)
        .await;
    (server, logins)
}

#[tokio::test]
async fn absurd_token_lifetimes_are_clamped_not_refused() {
    for lifetime in [
        "1e300",
        "99999999999999999999999",
        "18446744073709551615",
        "3600.9",
    ] {
        let (server, logins) = ops_server(lifetime).await;
        let ops = AgentClient::login(&server.uri(), "admin", "password")
            .await
            .unwrap_or_else(|e| panic!("{lifetime}: {e}"));
        let _ = ops.metrics().get().await;
        let _ = ops.metrics().get().await;
        assert_eq!(logins.load(Ordering::SeqCst), 1, "{lifetime}");
    }
}

#[tokio::test]
async fn a_lifetime_of_zero_or_less_logs_in_before_each_call_once() {
    for lifetime in ["0", "-5", "-1e300"] {
        let (server, logins) = ops_server(lifetime).await;
        let ops = AgentClient::login(&server.uri(), "admin", "password")
            .await
            .unwrap_or_else(|e| panic!("{lifetime}: {e}"));
        assert_eq!(logins.load(Ordering::SeqCst), 1);
        for call in 1..=3 {
            let _ = ops.metrics().get().await;
            assert_eq!(logins.load(Ordering::SeqCst), 1 + call, "{lifetime}");
        }
    }
}

#[tokio::test]
async fn invalid_caller_headers_are_argument_errors_and_send_nothing() {
    let server = MockServer::start().await;
    let c = client(&server);
    for (name, value) in [("bad header", "v"), ("X-Ok", "line\nbreak"), ("", "v")] {
        let err = c
            .agents()
            .with_options(RequestOptions::new().header(name, value))
            .list(ListAgentsParams::default())
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::InvalidArgument(_)),
            "{name:?}: {err:?}"
        );
    }
    let err = c
        .agents()
        .with_options(RequestOptions::new().idempotency_key("a\r\nb"))
        .create(agents_sdk::platform::CreateAgentParams::new("x"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn unbounded_timeouts_do_not_overflow() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/agents"))
        .respond_with(ResponseTemplate::new(200).set_body_json(envelope(json!({"agents": []}))))
        .mount(&server)
        .await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api", server.uri()))
        .timeout(Duration::MAX)
        .response_header_timeout(Duration::MAX)
        .stream_idle_timeout(Duration::MAX)
        .connect_timeout(Duration::MAX)
        .build()
        .unwrap();
    c.agents().list(ListAgentsParams::default()).await.unwrap();
    c.agents()
        .with_options(RequestOptions::new().timeout(agents_sdk::options::NO_TIMEOUT))
        .list(ListAgentsParams::default())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_stream_with_an_unbounded_idle_timeout_does_not_overflow() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/conversations/conv_1/messages"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/event-stream")
                .set_body_string(
                    "event: token\ndata: {\"token\": \"a\"}\n\nevent: done\ndata: {\"messageId\": \"m\", \"tokensUsed\": 1, \"timestamp\": \"2025-10-15T10:36:00Z\"}\n\n",
                ),
        )
        .mount(&server)
        .await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api", server.uri()))
        .stream_idle_timeout(Duration::MAX)
        .build()
        .unwrap();
    let mut tokens = c
        .conversations()
        .send_message("conv_1", "hi")
        .await
        .unwrap()
        .tokens();
    let mut got = Vec::new();
    while let Some(t) = tokens.next().await {
        got.push(t.unwrap());
    }
    assert_eq!(got, ["a"]);
}

#[tokio::test]
async fn a_streamed_answers_text_is_capped_while_every_token_is_delivered() {
    let server = MockServer::start().await;
    let mut body = String::new();
    for _ in 0..100 {
        body.push_str("event: token\ndata: {\"token\": \"0123456789\"}\n\n");
    }
    body.push_str("event: done\ndata: {\"messageId\": \"m\", \"tokensUsed\": 100, \"timestamp\": \"2025-10-15T10:36:00Z\"}\n\n");
    Mock::given(method("POST"))
        .and(path("/api/conversations/conv_1/messages"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/event-stream")
                .set_body_string(body),
        )
        .mount(&server)
        .await;
    let c = client(&server);
    let limited = c
        .conversations()
        .with_options(RequestOptions::new().max_response_bytes(25));
    let mut tokens = limited.send_message("conv_1", "hi").await.unwrap().tokens();
    let mut count = 0;
    while let Some(t) = tokens.next().await {
        t.unwrap();
        count += 1;
    }
    assert_eq!(count, 100);
    assert_eq!(tokens.stream().text(), "0123456789012345678901234");
    assert!(tokens.stream().text_truncated());
    // collect_text refuses to hand over a cut answer as if it were whole.
    let err = limited
        .send_message("conv_1", "hi")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::ResponseTooLarge { limit: 25, .. }),
        "{err:?}"
    );
    // Within the default limit the whole text is kept.
    let whole = c
        .conversations()
        .send_message("conv_1", "hi")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap();
    assert_eq!(whole.text.len(), 1000);
}

#[tokio::test]
async fn a_stalled_login_counts_against_the_calls_deadline() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(30)))
        .mount(&server)
        .await;
    let ops = AgentClient::builder()
        .base_url(server.uri())
        .credentials("admin", "password")
        .build()
        .unwrap();
    let started = Instant::now();
    let err = ops
        .metrics()
        .with_options(RequestOptions::new().timeout(Duration::from_millis(500)))
        .get()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

/// A server that answers a stream with one token, then only keep-alive comments (or one event
/// that never ends), every 50 ms, forever.
async fn chatty_silent_server(after_token: &'static str) -> String {
    serve_raw(move |mut sock| async move {
                let head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\nevent: token\ndata: {\"token\": \"hola\"}\n\n";
                if sock.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                loop {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    if sock.write_all(after_token.as_bytes()).await.is_err() {
                        return;
                    }
                }
    })
    .await
}

#[tokio::test]
async fn bytes_without_events_do_not_keep_a_stream_open() {
    for filler in [": keep-alive\n\n", "data: x"] {
        let base = chatty_silent_server(filler).await;
        let client = Client::builder()
            .api_key(KEY)
            .base_url(base)
            .stream_idle_timeout(Duration::from_millis(400))
            .build()
            .unwrap();
        let started = Instant::now();
        let mut tokens = client
            .conversations()
            .stream("conv_1")
            .await
            .unwrap()
            .tokens();
        assert_eq!(tokens.next().await.unwrap().unwrap(), "hola");
        let err = tokio::time::timeout(Duration::from_secs(10), tokens.next())
            .await
            .expect("the idle timeout ends the stream")
            .unwrap()
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Timeout {
                    phase: agents_sdk::TimeoutPhase::StreamIdle,
                    ..
                }
            ),
            "{filler:?}: {err}"
        );
        let took = started.elapsed();
        assert!(took < Duration::from_secs(3), "{filler:?}: {took:?}");
    }
}

#[tokio::test]
async fn a_web_page_answering_a_stream_is_a_decode_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/conversations/conv_1/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            "<html><body>Sign in to the Wi-Fi</body></html>",
            "Text/HTML; charset=utf-8",
        ))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/conversations/conv_2/messages"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(
                    "event: token\ndata: {\"token\": \"a\"}\n\nevent: done\ndata: {\"messageId\": \"m\", \"tokensUsed\": 1, \"timestamp\": \"2025-10-15T10:36:00Z\"}\n\n",
                    "text/plain; charset=utf-8",
                ),
        )
        .mount(&server)
        .await;
    let c = client(&server);
    let err = c
        .conversations()
        .send_message("conv_1", "hi")
        .await
        .unwrap_err();
    match &err {
        Error::Decode {
            what,
            message,
            excerpt,
            status,
            ..
        } => {
            assert_eq!(*what, "event stream");
            assert!(message.contains("web page (Text/HTML"), "{message}");
            assert!(excerpt.contains("Wi-Fi"), "{excerpt}");
            assert_eq!(*status, Some(200));
        }
        other => panic!("{other:?}"),
    }
    // other types are read as events (servers that stream under text/plain exist)
    let done = c
        .conversations()
        .send_message("conv_2", "hi")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap();
    assert_eq!(done.text, "a");
}

/// A server echoing the caller's own secrets (its key, the password of a login, the token it
/// handed out) into what then fails: a body that does not decode, an `error` event inside a
/// stream. The values never reach the error's text, in `Display` or `Debug`.
#[tokio::test]
async fn echoed_secrets_stay_out_of_decode_and_stream_errors() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/users/me"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            format!(r#"{{"data":{{"id":"{KEY}","email":7,"note":"you sent {KEY}"}}}}"#),
            "application/json",
        ))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/conversations/conv_1/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            format!(
                "event: token\ndata: {{\"token\": \"a\"}}\n\nevent: error\ndata: {{\"error\": \
                 {{\"code\": \"UNAUTHORIZED\", \"message\": \"your key {KEY} is bad\", \
                 \"details\": {{\"key\": \"{KEY}\"}}}}}}\n\n"
            ),
            "text/event-stream",
        ))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/conversations/conv_2/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            format!("event: token\ndata: {{\"token\": 5, \"echo\": \"{KEY}\"}}\n\n"),
            "text/event-stream",
        ))
        .mount(&server)
        .await;
    let c = client(&server);
    let check = |err: &Error, secret: &str| {
        let shown = format!("{err} {err:?}");
        assert!(
            !shown.contains(secret) && shown.contains("[REDACTED]"),
            "{shown}"
        );
    };
    let err = c.users().me().await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    check(&err, KEY);

    // the error event ends the typed stream and the token batches the bindings read
    let err = c
        .conversations()
        .send_message("conv_1", "hi")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Api(e) if e.kind == ApiErrorKind::Authentication),
        "{err:?}"
    );
    check(&err, KEY);
    let mut batches = c
        .conversations()
        .send_message("conv_1", "hi")
        .await
        .unwrap()
        .token_batches(16);
    let mut last = None;
    while let Some(b) = batches.next().await {
        if let Err(e) = b {
            last = Some(e);
        }
    }
    check(&last.expect("the error event"), KEY);
    // an event that does not decode, quoting the key
    let err = c
        .conversations()
        .send_message("conv_2", "hi")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    check(&err, KEY);

    // an ops login whose answer quotes the password it was sent, and does not decode
    let ops_server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"note":"you sent hunter2-PASSWORD-xyz","expires_in":"soon"}"#,
            "application/json",
        ))
        .mount(&ops_server)
        .await;
    let err = AgentClient::login(&ops_server.uri(), "admin", "hunter2-PASSWORD-xyz")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    check(&err, "hunter2-PASSWORD-xyz");
}

#[tokio::test]
async fn an_error_body_sent_slowly_is_waited_for_a_bounded_time() {
    // the status comes at once, the body a byte every 100 ms: the error is raised with its
    // status after a bounded wait, not at the call's deadline
    let url = serve_raw(|mut sock| async move {
        let head = "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n\
                    content-length: 1000\r\n\r\n{\"error\":";
        if sock.write_all(head.as_bytes()).await.is_err() {
            return;
        }
        for _ in 0..1000 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            if sock.write_all(b" ").await.is_err() {
                return;
            }
        }
    })
    .await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(url)
        .timeout(Duration::from_secs(120))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = c
        .agents()
        .list(ListAgentsParams::default())
        .await
        .unwrap_err();
    assert_eq!(err.as_api().map(|a| a.status), Some(400), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}
