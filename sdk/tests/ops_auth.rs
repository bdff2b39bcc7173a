//! Ops JWT handling on the wire: login, re-login before expiry and once after a 401.

use std::time::Duration;

use agents_sdk::ops::{AgentClient, ChatEvent, ChatParams};
use agents_sdk::{ApiErrorKind, Error};
use futures::StreamExt;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn token(tok: &str, expires_in: u64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "access_token": tok, "token_type": "bearer", "expires_in": expires_in
    }))
}

fn conversations() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"conversations": [
        {"id": "conv_123", "title": "Gestión de AWS", "created_at": "2024-01-15T10:30:00Z",
         "updated_at": "2024-01-15T11:45:00Z", "message_count": 12}
    ]}))
}

fn logins(reqs: &[wiremock::Request]) -> usize {
    reqs.iter()
        .filter(|r| r.url.path() == "/api/auth/login")
        .count()
}

#[tokio::test]
async fn login_sends_credentials_and_uses_the_token() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .and(body_json(
            json!({"username": "admin", "password": "password"}),
        ))
        .respond_with(token("eyJ.first.sig", 86400))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/conversations"))
        .and(header("authorization", "Bearer eyJ.first.sig"))
        .respond_with(conversations())
        .expect(2)
        .mount(&server)
        .await;
    let client = AgentClient::login(server.uri(), "admin", "password")
        .await
        .unwrap();
    assert!(!format!("{client:?}").contains("password\""));
    for _ in 0..2 {
        let list = client.conversations().list().await.unwrap();
        assert_eq!(list.conversations[0].id, "conv_123");
        assert_eq!(list.conversations[0].message_count, 12);
    }
}

#[tokio::test]
async fn logs_in_again_before_the_token_expires() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .respond_with(token("eyJ.short.sig", 1))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/conversations"))
        .respond_with(conversations())
        .mount(&server)
        .await;
    let client = AgentClient::login(server.uri(), "admin", "password")
        .await
        .unwrap();
    client.conversations().list().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1000)).await;
    client.conversations().list().await.unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(
        logins(&reqs),
        2,
        "a token near expiry is renewed before use"
    );
}

#[tokio::test]
async fn a_401_triggers_exactly_one_new_login() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .respond_with(token("eyJ.stale.sig", 86400))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .respond_with(token("eyJ.fresh.sig", 86400))
        .with_priority(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/metrics"))
        .and(header("authorization", "Bearer eyJ.stale.sig"))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(
                json!({"error": {"code": "UNAUTHORIZED", "message": "token revoked"}}),
            ),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/metrics"))
        .and(header("authorization", "Bearer eyJ.fresh.sig"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "alerts": {"critical": 2, "warning": 5, "ok": 120},
            "infrastructure": {"aws_instances": 15, "azure_vms": 8, "gcp_instances": 0},
            "agent_stats": {"total_messages": 1250, "tools_executed": 3420, "uptime_seconds": 86400}
        })))
        .mount(&server)
        .await;
    let client = AgentClient::login(server.uri(), "admin", "password")
        .await
        .unwrap();
    let m = client.metrics().get().await.unwrap();
    assert_eq!(m.alerts.critical, 2);
    assert_eq!(logins(&server.received_requests().await.unwrap()), 2);
}

#[tokio::test]
async fn a_static_key_gets_no_second_try_on_401() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_json(
            json!({"error": {"code": "UNAUTHORIZED", "message": "bad key", "details": {}}}),
        ))
        .mount(&server)
        .await;
    let client = AgentClient::builder()
        .api_key("tu-api-key")
        .base_url(server.uri())
        .build()
        .unwrap();
    let err = client.tools().list().await.unwrap_err();
    assert_eq!(err.as_api().unwrap().kind, ApiErrorKind::Authentication);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn wrong_credentials_are_an_authentication_error_without_the_password() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"error": {"code": "UNAUTHORIZED", "message": "Credenciales inválidas", "details": {}}})))
        .mount(&server)
        .await;
    let err = AgentClient::login(server.uri(), "admin", "hunter2-secret")
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::Api(e) if e.kind == ApiErrorKind::Authentication));
    assert!(!format!("{err} {err:?}").contains("hunter2"));
}

#[tokio::test]
async fn chat_stream_decodes_the_seed_events() {
    let server = MockServer::start().await;
    let body = concat!(
        "data: {\"type\": \"thinking\", \"content\": \"Analizando request...\"}\n\n",
        "data: {\"type\": \"tool_call\", \"tool\": \"list_ec2_instances\", \"params\": {}}\n\n",
        "data: {\"type\": \"tool_result\", \"result\": [{\"instance_id\": \"i-1\"}]}\n\n",
        "data: {\"type\": \"message\", \"content\": \"Encontré 5 \"}\n\n",
        "data: {\"type\": \"message\", \"content\": \"instancias...\"}\n\n",
        "data: {\"type\": \"done\"}\n\n",
    );
    Mock::given(method("POST"))
        .and(path("/api/chat"))
        .and(body_json(json!({"conversation_id": "conv_123", "message": "Lista las instancias EC2", "stream": true})))
        .and(header("authorization", "Bearer tu-api-key"))
        .respond_with(ResponseTemplate::new(200).insert_header("content-type", "text/event-stream").set_body_string(body))
        .mount(&server)
        .await;
    let client = AgentClient::builder()
        .api_key("tu-api-key")
        .base_url(server.uri())
        .build()
        .unwrap();
    let mut s = client
        .chat()
        .stream(ChatParams::new("Lista las instancias EC2").conversation_id("conv_123"))
        .await
        .unwrap();
    let mut kinds = Vec::new();
    while let Some(ev) = s.next().await {
        kinds.push(match ev.unwrap() {
            ChatEvent::Thinking { .. } => "thinking",
            ChatEvent::ToolCall { tool, .. } => {
                assert_eq!(tool, "list_ec2_instances");
                "tool_call"
            }
            ChatEvent::ToolResult { result, .. } => {
                assert_eq!(result[0]["instance_id"], "i-1");
                "tool_result"
            }
            ChatEvent::Message { .. } => "message",
            ChatEvent::Done { .. } => "done",
            other => panic!("{other:?}"),
        });
    }
    assert_eq!(
        kinds,
        [
            "thinking",
            "tool_call",
            "tool_result",
            "message",
            "message",
            "done"
        ]
    );
    assert_eq!(s.text(), "Encontré 5 instancias...");
}

#[tokio::test]
async fn a_handle_with_its_own_pool_shares_the_login() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .respond_with(token("eyJ.shared.sig", 86400))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/conversations"))
        .and(header("authorization", "Bearer eyJ.shared.sig"))
        .respond_with(conversations())
        .expect(3)
        .mount(&server)
        .await;
    let client = AgentClient::builder()
        .base_url(server.uri())
        .credentials("admin", "password")
        .build()
        .unwrap();
    let local = client.with_new_connection_pool().unwrap();
    // the handle runs on a runtime of its own thread, as the Python package's blocking
    // calls do; its login is the one the original client then uses
    let listed = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let a = local.conversations().list().await.unwrap();
            let b = local.conversations().list().await.unwrap();
            a.conversations.len() + b.conversations.len()
        })
    })
    .join()
    .unwrap();
    assert_eq!(listed, 2);
    client.conversations().list().await.unwrap();
}

#[tokio::test]
async fn a_login_through_either_handle_is_seen_by_both() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .respond_with(token("eyJ.fresh.sig", 86400))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/conversations"))
        .and(header("authorization", "Bearer eyJ.fresh.sig"))
        .respond_with(conversations())
        .expect(1)
        .mount(&server)
        .await;
    let client = AgentClient::builder()
        .base_url(server.uri())
        .api_key("old-key")
        .build()
        .unwrap();
    let local = client.with_new_connection_pool().unwrap();
    local.auth().login("admin", "password").await.unwrap();
    client.conversations().list().await.unwrap();
}

#[tokio::test]
async fn a_validation_error_quoting_the_password_does_not_carry_it() {
    // FastAPI's 422 quotes each refused input; a proxy may answer in its own shape
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .respond_with(ResponseTemplate::new(422).set_body_json(json!({"detail": [
            {"type": "string_too_short", "loc": ["body", "password"], "msg": "too short", "input": "Tr0ub4dor&3-horse"},
            {"type": "value_error", "loc": ["body", "username"], "msg": "unknown user admin", "input": "admin"},
            {"msg": "echo: the request was {\"username\":\"admin\",\"password\":\"Tr0ub4dor&3-horse\"}"}
        ]})))
        .mount(&server)
        .await;
    let err = AgentClient::login(server.uri(), "admin", "Tr0ub4dor&3-horse")
        .await
        .unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("Tr0ub4dor"), "{shown}");
    // what is not secret stays readable
    assert!(shown.contains("unknown user admin"), "{shown}");
}

#[tokio::test]
async fn an_error_echoing_the_opaque_token_does_not_carry_it() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/metrics"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"error": {
            "code": "FORBIDDEN",
            "message": "token opaque-session-token-QWERTY123 lacks scope",
            "details": {"seen": "opaque-session-token-QWERTY123", "list": ["x opaque-session-token-QWERTY123 y"]}
        }})))
        .mount(&server)
        .await;
    let client = AgentClient::builder()
        .api_key("opaque-session-token-QWERTY123")
        .base_url(server.uri())
        .max_retries(0)
        .build()
        .unwrap();
    let err = client.metrics().get().await.unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("QWERTY123"), "{shown}");
    assert!(shown.contains("lacks scope"), "{shown}");
    let Error::Api(api) = &err else {
        panic!("{err}")
    };
    assert!(
        !api.details.to_string().contains("QWERTY123"),
        "{}",
        api.details
    );
}

#[tokio::test]
async fn a_login_token_that_cannot_be_a_header_is_refused_at_login() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "tok\r\nX-Injected: 1", "token_type": "bearer", "expires_in": 3600
        })))
        .mount(&server)
        .await;
    let err = AgentClient::login(server.uri(), "admin", "pw-123456")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(!format!("{err} {err:?}").contains("X-Injected"), "{err}");
}
