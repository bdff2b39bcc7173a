//! Every ops operation on the wire (wiremock): method, exact path and query, the bearer key or
//! JWT, the JSON body, and the typed values decoded from the seed's example answers.

use std::fmt::Debug;

use agents_sdk::Error;
use agents_sdk::ops::*;
use futures::StreamExt;
use serde_json::{Map, Value, json};
use wiremock::matchers::{body_json, header, header_exists, method, path};
use wiremock::{Match, Mock, MockServer, Request, ResponseTemplate};

const KEY: &str = "tu-api-key";
const BEARER: &str = "Bearer tu-api-key";

fn client(server: &MockServer) -> AgentClient {
    AgentClient::builder()
        .api_key(KEY)
        .base_url(server.uri())
        .max_retries(0)
        .build()
        .unwrap()
}

/// The URL has no query string.
struct NoQuery;

impl Match for NoQuery {
    fn matches(&self, request: &Request) -> bool {
        request.url.query().is_none_or(str::is_empty)
    }
}

/// The request has no body.
struct NoBody;

impl Match for NoBody {
    fn matches(&self, request: &Request) -> bool {
        request.body.is_empty()
    }
}

/// The request has no header of this name.
struct NoHeader(&'static str);

impl Match for NoHeader {
    fn matches(&self, request: &Request) -> bool {
        request.headers.get(self.0).is_none()
    }
}

fn get(p: &str) -> wiremock::MockBuilder {
    Mock::given(method("GET"))
        .and(path(p))
        .and(NoQuery)
        .and(NoBody)
        .and(header("authorization", BEARER))
        .and(header("accept", "application/json"))
}

fn send(m: &str, p: &str, body: Value) -> wiremock::MockBuilder {
    let b = Mock::given(method(m))
        .and(path(p))
        .and(NoQuery)
        .and(header("authorization", BEARER))
        .and(header("content-type", "application/json"))
        .and(body_json(body));
    if m == "POST" {
        b.and(header_exists("idempotency-key"))
    } else {
        b
    }
}

fn ok(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

fn created(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(201).set_body_json(body)
}

fn assert_invalid<T: Debug>(r: agents_sdk::Result<T>, what: &str) {
    match r {
        Err(Error::InvalidArgument(_)) => {}
        other => panic!("{what}: expected InvalidArgument, got {other:?}"),
    }
}

fn conv_summary() -> Value {
    json!({"id": "conv_123", "title": "Gestión de AWS", "created_at": "2024-01-15T10:30:00Z",
           "updated_at": "2024-01-15T11:45:00Z", "message_count": 12})
}

fn config_body(provider: &str, model: &str) -> Value {
    json!({
        "llm": {"provider": provider, "model": model},
        "agent": {"autonomy_level": "semi"},
        "cloud_providers": {"aws": {"enabled": true}, "azure": {"enabled": true}, "gcp": {"enabled": false}}
    })
}

// ---------------------------------------------------------------------------------------------
// Auth
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn auth_login_posts_credentials_then_the_token_is_used() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/login"))
        .and(NoQuery)
        .and(NoHeader("authorization"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"username": "admin", "password": "password"})))
        .respond_with(ok(json!({"access_token": "eyJhbGciOiJIUzI1NiIs.wire.sig", "token_type": "bearer", "expires_in": 86400})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/conversations"))
        .and(header(
            "authorization",
            "Bearer eyJhbGciOiJIUzI1NiIs.wire.sig",
        ))
        .respond_with(ok(json!({"conversations": [conv_summary()]})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/conversations"))
        .and(header("authorization", BEARER))
        .respond_with(ok(json!({"conversations": []})))
        .expect(0)
        .mount(&server)
        .await;
    let c = client(&server);
    let token = c.auth().login("admin", "password").await.unwrap();
    assert_eq!(token.access_token, "eyJhbGciOiJIUzI1NiIs.wire.sig");
    assert_eq!(token.token_type, "bearer");
    assert_eq!(token.expires_in, 86400);
    assert!(!format!("{token:?}").contains("wire.sig"));
    let list = c.conversations().list().await.unwrap();
    assert_eq!(list.conversations[0].id, "conv_123");
}

// ---------------------------------------------------------------------------------------------
// Chat
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn chat_send_posts_stream_false_and_decodes_the_answer() {
    let server = MockServer::start().await;
    send(
        "POST",
        "/api/chat",
        json!({"conversation_id": "conv_123", "message": "Lista las instancias EC2", "stream": false}),
    )
    .and(header("accept", "application/json"))
    .respond_with(ok(json!({
        "conversation_id": "conv_123",
        "message": {
            "role": "assistant", "content": "Encontré 5 instancias...", "timestamp": "2024-01-15T10:30:05Z",
            "tool_calls": [{"tool": "list_ec2_instances", "params": {"region": "us-east-1"},
                            "result": [{"instance_id": "i-0a1b2c3d4e5f60001", "state": "running"}]}]
        }
    })))
    .expect(1)
    .mount(&server)
    .await;
    // `send` always asks for a finished answer, whatever `stream` says
    let r = client(&server)
        .chat()
        .send(
            ChatParams::new("Lista las instancias EC2")
                .conversation_id("conv_123")
                .stream(true),
        )
        .await
        .unwrap();
    assert_eq!(r.conversation_id, "conv_123");
    assert_eq!(r.message.role, MessageRole::Assistant);
    assert_eq!(r.message.content, "Encontré 5 instancias...");
    assert_eq!(r.message.timestamp.as_deref(), Some("2024-01-15T10:30:05Z"));
    let call = &r.message.tool_calls[0];
    assert_eq!(call.tool, "list_ec2_instances");
    assert_eq!(call.params, json!({"region": "us-east-1"}));
    assert_eq!(
        call.result.as_ref().unwrap()[0]["instance_id"],
        "i-0a1b2c3d4e5f60001"
    );
}

#[tokio::test]
async fn chat_send_without_conversation_omits_the_field() {
    let server = MockServer::start().await;
    send(
        "POST",
        "/api/chat",
        json!({"message": "Hola", "stream": false}),
    )
    .respond_with(ok(json!({"conversation_id": "conv_new1",
                                "message": {"role": "assistant", "content": "¡Hola!"}})))
    .expect(1)
    .mount(&server)
    .await;
    let r = client(&server)
        .chat()
        .send(ChatParams::new("Hola"))
        .await
        .unwrap();
    assert_eq!(r.conversation_id, "conv_new1");
    assert!(r.message.tool_calls.is_empty());
}

#[tokio::test]
async fn chat_stream_posts_stream_true_and_yields_events() {
    let server = MockServer::start().await;
    let body = concat!(
        "data: {\"type\": \"thinking\", \"content\": \"Analizando request...\"}\n\n",
        "data: {\"type\": \"tool_call\", \"tool\": \"list_ec2_instances\", \"params\": {\"region\": \"us-east-1\"}}\n\n",
        "data: {\"type\": \"tool_result\", \"tool\": \"list_ec2_instances\", \"result\": [{\"instance_id\": \"i-0a1b2c3d4e5f60001\"}]}\n\n",
        "data: {\"type\": \"message\", \"content\": \"Encontré 5 \"}\n\n",
        "data: {\"type\": \"message\", \"content\": \"instancias...\"}\n\n",
        "data: {\"type\": \"done\", \"conversation_id\": \"conv_123\"}\n\n",
    );
    send(
        "POST",
        "/api/chat",
        json!({"conversation_id": "conv_123", "message": "Lista las instancias EC2", "stream": true}),
    )
    .and(header("accept", "text/event-stream"))
    .respond_with(ResponseTemplate::new(200).set_body_raw(body.as_bytes().to_vec(), "text/event-stream"))
    .expect(1)
    .mount(&server)
    .await;
    let c = client(&server);
    let mut s = c
        .chat()
        .stream(ChatParams::new("Lista las instancias EC2").conversation_id("conv_123"))
        .await
        .unwrap();
    let mut events = Vec::new();
    while let Some(ev) = s.next().await {
        events.push(ev.unwrap());
    }
    assert_eq!(
        events,
        vec![
            ChatEvent::Thinking {
                content: "Analizando request...".into()
            },
            ChatEvent::ToolCall {
                tool: "list_ec2_instances".into(),
                params: json!({"region": "us-east-1"})
            },
            ChatEvent::ToolResult {
                tool: Some("list_ec2_instances".into()),
                result: json!([{"instance_id": "i-0a1b2c3d4e5f60001"}]),
            },
            ChatEvent::Message {
                content: "Encontré 5 ".into()
            },
            ChatEvent::Message {
                content: "instancias...".into()
            },
            ChatEvent::Done {
                conversation_id: Some("conv_123".into())
            },
        ]
    );
    assert_eq!(s.text(), "Encontré 5 instancias...");
    assert!(s.is_finished());
}

#[tokio::test]
async fn chat_rejects_an_empty_message_before_sending() {
    let server = MockServer::start().await;
    let c = client(&server);
    for m in ["", "  "] {
        assert_invalid(c.chat().send(ChatParams::new(m)).await, "chat.send");
        assert_invalid(c.chat().stream(ChatParams::new(m)).await, "chat.stream");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Conversations
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn conversations_list() {
    let server = MockServer::start().await;
    get("/api/conversations")
        .respond_with(ok(json!({"conversations": [conv_summary()]})))
        .expect(1)
        .mount(&server)
        .await;
    let l = client(&server).conversations().list().await.unwrap();
    let c = &l.conversations[0];
    assert_eq!(c.id, "conv_123");
    assert_eq!(c.title.as_deref(), Some("Gestión de AWS"));
    assert_eq!(c.created_at.as_deref(), Some("2024-01-15T10:30:00Z"));
    assert_eq!(c.updated_at.as_deref(), Some("2024-01-15T11:45:00Z"));
    assert_eq!(c.message_count, 12);
}

#[tokio::test]
async fn conversations_create() {
    let server = MockServer::start().await;
    send("POST", "/api/conversations", json!({"title": "Nueva conversación"}))
        .respond_with(created(json!({"id": "conv_456", "title": "Nueva conversación",
            "created_at": "2024-01-16T09:00:00Z", "updated_at": "2024-01-16T09:00:00Z", "message_count": 0})))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server)
        .conversations()
        .create(CreateConversationParams::new().title("Nueva conversación"))
        .await
        .unwrap();
    assert_eq!(c.id, "conv_456");
    assert_eq!(c.title.as_deref(), Some("Nueva conversación"));
    assert_eq!(c.message_count, 0);
}

#[tokio::test]
async fn conversations_create_without_title_sends_an_empty_object() {
    let server = MockServer::start().await;
    send("POST", "/api/conversations", json!({}))
        .respond_with(created(json!({"id": "conv_457", "message_count": 0})))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server)
        .conversations()
        .create(CreateConversationParams::new())
        .await
        .unwrap();
    assert_eq!(c.id, "conv_457");
    assert_eq!(c.title, None);
}

#[tokio::test]
async fn conversations_get() {
    let server = MockServer::start().await;
    get("/api/conversations/conv_123")
        .respond_with(ok(json!({
            "id": "conv_123", "title": "Gestión de AWS",
            "created_at": "2024-01-15T10:30:00Z", "updated_at": "2024-01-15T11:45:00Z",
            "messages": [
                {"role": "user", "content": "Lista las instancias", "timestamp": "2024-01-15T10:30:00Z"},
                {"role": "assistant", "content": "Encontré 5 instancias...", "timestamp": "2024-01-15T10:30:05Z",
                 "tool_calls": [{"tool": "list_ec2_instances", "params": {},
                                 "result": [{"instance_id": "i-0a1b2c3d4e5f60001", "state": "running"}]}]}
            ]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let d = client(&server)
        .conversations()
        .get("conv_123")
        .await
        .unwrap();
    assert_eq!(d.id, "conv_123");
    assert_eq!(d.title.as_deref(), Some("Gestión de AWS"));
    assert_eq!(d.messages.len(), 2);
    assert_eq!(d.messages[0].role, MessageRole::User);
    assert_eq!(d.messages[0].content, "Lista las instancias");
    assert!(d.messages[0].tool_calls.is_empty());
    assert_eq!(d.messages[1].role, MessageRole::Assistant);
    assert_eq!(d.messages[1].tool_calls[0].tool, "list_ec2_instances");
    assert_eq!(d.messages[1].tool_calls[0].params, json!({}));
    assert_eq!(
        d.messages[1].tool_calls[0].result.as_ref().unwrap()[0]["state"],
        "running"
    );
}

#[tokio::test]
async fn conversations_delete() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/api/conversations/conv_123"))
        .and(NoQuery)
        .and(NoBody)
        .and(header("authorization", BEARER))
        .respond_with(ok(json!({"id": "conv_123", "deleted": true})))
        .expect(1)
        .mount(&server)
        .await;
    let d = client(&server)
        .conversations()
        .delete("conv_123")
        .await
        .unwrap();
    assert_eq!(d.id, "conv_123");
    assert!(d.deleted);
}

#[tokio::test]
async fn conversation_ids_are_validated_and_percent_encoded() {
    let server = MockServer::start().await;
    let c = client(&server);
    for id in ["", "   "] {
        assert_invalid(c.conversations().get(id).await, "conversations.get");
        assert_invalid(c.conversations().delete(id).await, "conversations.delete");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
    get("/api/conversations/a%2Fb%20c%3Fd")
        .respond_with(ok(json!({"id": "a/b c?d", "messages": []})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/api/conversations/a%2Fb"))
        .and(header("authorization", BEARER))
        .respond_with(ok(json!({"id": "a/b", "deleted": true})))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        c.conversations().get("a/b c?d").await.unwrap().id,
        "a/b c?d"
    );
    assert_eq!(c.conversations().delete("a/b").await.unwrap().id, "a/b");
}

#[tokio::test]
async fn dot_segment_conversation_ids_are_rejected_before_sending() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ok(json!({"id": "", "deleted": true, "messages": []})))
        .mount(&server)
        .await;
    let c = client(&server);
    for id in [".", "..", "conv_1\n23", "conv\t"] {
        assert_invalid(c.conversations().get(id).await, "conversations.get");
        assert_invalid(c.conversations().delete(id).await, "conversations.delete");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Config, metrics
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn config_get() {
    let server = MockServer::start().await;
    get("/api/config")
        .respond_with(ok(config_body("openai", "gpt-4")))
        .expect(1)
        .mount(&server)
        .await;
    let cfg = client(&server).config().get().await.unwrap();
    assert_eq!(cfg.llm.provider, LlmProvider::OpenAi);
    assert_eq!(cfg.llm.model, "gpt-4");
    assert_eq!(cfg.agent.autonomy_level, AutonomyLevel::Semi);
    assert!(cfg.cloud_providers.aws.enabled);
    assert!(cfg.cloud_providers.azure.enabled);
    assert!(!cfg.cloud_providers.gcp.enabled);
    assert!(cfg.extra.is_empty());
}

#[tokio::test]
async fn config_update_puts_only_the_given_section() {
    let server = MockServer::start().await;
    send(
        "PUT",
        "/api/config",
        json!({"llm": {"provider": "anthropic", "model": "claude-3-5-sonnet"}}),
    )
    .and(header("accept", "application/json"))
    .respond_with(ok(config_body("anthropic", "claude-3-5-sonnet")))
    .expect(1)
    .mount(&server)
    .await;
    let cfg = client(&server)
        .config()
        .update(
            ConfigUpdate::new().llm(
                LlmConfigUpdate::new()
                    .provider(LlmProvider::Anthropic)
                    .model("claude-3-5-sonnet"),
            ),
        )
        .await
        .unwrap();
    assert_eq!(cfg.llm.provider, LlmProvider::Anthropic);
    assert_eq!(cfg.llm.model, "claude-3-5-sonnet");
    assert_eq!(cfg.agent.autonomy_level, AutonomyLevel::Semi);
    assert!(cfg.cloud_providers.aws.enabled);
}

#[tokio::test]
async fn config_update_nested_partial_sections() {
    let server = MockServer::start().await;
    send(
        "PUT",
        "/api/config",
        json!({"agent": {"autonomy_level": "auto"}, "cloud_providers": {"gcp": {"enabled": true}}}),
    )
    .respond_with(ok(json!({
        "llm": {"provider": "openai", "model": "gpt-4"},
        "agent": {"autonomy_level": "auto"},
        "cloud_providers": {"aws": {"enabled": true}, "azure": {"enabled": true}, "gcp": {"enabled": true}}
    })))
    .expect(1)
    .mount(&server)
    .await;
    let cfg = client(&server)
        .config()
        .update(
            ConfigUpdate::new()
                .agent(AgentSettingsUpdate::new().autonomy_level(AutonomyLevel::Auto))
                .cloud_providers(
                    CloudProvidersUpdate::new().gcp(CloudProviderUpdate::new().enabled(true)),
                ),
        )
        .await
        .unwrap();
    assert_eq!(cfg.agent.autonomy_level, AutonomyLevel::Auto);
    assert!(cfg.cloud_providers.gcp.enabled);
}

#[tokio::test]
async fn metrics_get() {
    let server = MockServer::start().await;
    get("/api/metrics")
        .respond_with(ok(json!({
            "alerts": {"critical": 2, "warning": 5, "ok": 120},
            "infrastructure": {"aws_instances": 15, "azure_vms": 8, "gcp_instances": 0},
            "agent_stats": {"total_messages": 1250, "tools_executed": 3420, "uptime_seconds": 86400}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let m = client(&server).metrics().get().await.unwrap();
    assert_eq!(
        (m.alerts.critical, m.alerts.warning, m.alerts.ok),
        (2, 5, 120)
    );
    assert_eq!(
        (
            m.infrastructure.aws_instances,
            m.infrastructure.azure_vms,
            m.infrastructure.gcp_instances
        ),
        (15, 8, 0)
    );
    assert_eq!(
        (
            m.agent_stats.total_messages,
            m.agent_stats.tools_executed,
            m.agent_stats.uptime_seconds
        ),
        (1250, 3420, 86400)
    );
}

// ---------------------------------------------------------------------------------------------
// Tools, learned APIs, webhooks
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn tools_list() {
    let server = MockServer::start().await;
    let schema = json!({
        "type": "object",
        "properties": {"region": {"type": "string", "description": "Región de AWS"},
                       "state": {"type": "string", "enum": ["running", "stopped"]}},
        "required": ["region"]
    });
    get("/api/tools")
        .respond_with(ok(
            json!({"tools": [{"name": "list_ec2_instances", "description": "Lista instancias EC2",
                                            "category": "aws", "parameters": schema}]}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let l = client(&server).tools().list().await.unwrap();
    let t = &l.tools[0];
    assert_eq!(t.name, "list_ec2_instances");
    assert_eq!(t.description, "Lista instancias EC2");
    assert_eq!(t.category, ToolCategory::Aws);
    assert_eq!(t.parameters, schema);
}

#[tokio::test]
async fn tools_execute_posts_tool_and_parameters() {
    let server = MockServer::start().await;
    send(
        "POST",
        "/api/tools/execute",
        json!({"tool": "list_ec2_instances", "parameters": {"region": "us-east-1"}}),
    )
    .respond_with(ok(json!({
        "tool": "list_ec2_instances", "success": true,
        "result": [{"instance_id": "i-0a1b2c3d4e5f60001", "state": "running"}], "execution_time_ms": 142
    })))
    .expect(1)
    .mount(&server)
    .await;
    let mut params = Map::new();
    params.insert("region".into(), json!("us-east-1"));
    let r = client(&server)
        .tools()
        .execute("list_ec2_instances", params)
        .await
        .unwrap();
    assert_eq!(r.tool, "list_ec2_instances");
    assert!(r.success);
    assert_eq!(r.result[0]["instance_id"], "i-0a1b2c3d4e5f60001");
    assert_eq!(r.execution_time_ms, 142);
}

#[tokio::test]
async fn tools_execute_rejects_an_empty_tool_before_sending() {
    let server = MockServer::start().await;
    let c = client(&server);
    assert_invalid(c.tools().execute("", Map::new()).await, "tools.execute");
    assert_invalid(c.tools().execute(" ", Map::new()).await, "tools.execute");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn learned_apis_list() {
    let server = MockServer::start().await;
    get("/api/learned-apis")
        .respond_with(ok(
            json!({"apis": [{"id": "api_jira", "name": "Jira API", "endpoints": 47,
                                          "learned_at": "2024-01-15T09:00:00Z"}]}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let l = client(&server).learned_apis().list().await.unwrap();
    let a = &l.apis[0];
    assert_eq!(a.id, "api_jira");
    assert_eq!(a.name, "Jira API");
    assert_eq!(a.endpoints, 47);
    assert_eq!(a.learned_at.as_deref(), Some("2024-01-15T09:00:00Z"));
}

#[tokio::test]
async fn learned_apis_learn_from_a_url() {
    let server = MockServer::start().await;
    send(
        "POST",
        "/api/learned-apis",
        json!({"type": "openapi", "source": "https://api.example.com/swagger.json"}),
    )
    .respond_with(created(json!({
        "id": "api_example", "name": "Example API", "endpoints": 12, "learned_at": "2024-01-15T09:05:00Z",
        "source": "https://api.example.com/swagger.json", "type": "openapi"
    })))
    .expect(1)
    .mount(&server)
    .await;
    let a = client(&server)
        .learned_apis()
        .learn(LearnApiParams::openapi(
            "https://api.example.com/swagger.json",
        ))
        .await
        .unwrap();
    assert_eq!(a.id, "api_example");
    assert_eq!(a.name, "Example API");
    assert_eq!(a.endpoints, 12);
    assert_eq!(
        a.source,
        Some(json!("https://api.example.com/swagger.json"))
    );
    assert_eq!(a.kind.as_deref(), Some("openapi"));
}

#[tokio::test]
async fn learned_apis_learn_from_an_inline_document() {
    let server = MockServer::start().await;
    let doc = json!({"openapi": "3.0.0", "info": {"title": "Pets", "version": "1"},
                     "paths": {"/pets": {"get": {}, "post": {}}}});
    send(
        "POST",
        "/api/learned-apis",
        json!({"type": "openapi", "source": doc}),
    )
    .respond_with(created(
        json!({"id": "api_pets", "name": "Pets", "endpoints": 2, "type": "openapi"}),
    ))
    .expect(1)
    .mount(&server)
    .await;
    let a = client(&server)
        .learned_apis()
        .learn(LearnApiParams::openapi(doc))
        .await
        .unwrap();
    assert_eq!((a.name.as_str(), a.endpoints), ("Pets", 2));
}

#[tokio::test]
async fn webhooks_create() {
    let server = MockServer::start().await;
    let events = ["alert.critical", "tool.executed"];
    send(
        "POST",
        "/api/webhooks",
        json!({"url": "https://tu-servidor.com/webhook", "events": events, "secret": "tu-secreto"}),
    )
    .respond_with(created(
        json!({"id": "wh_01hf3k2m9q", "url": "https://tu-servidor.com/webhook",
                                 "events": events, "created_at": "2024-01-15T10:30:00Z"}),
    ))
    .expect(1)
    .mount(&server)
    .await;
    let w = client(&server)
        .webhooks()
        .create(CreateWebhookParams::new(
            "https://tu-servidor.com/webhook",
            events,
            "tu-secreto",
        ))
        .await
        .unwrap();
    assert_eq!(w.id, "wh_01hf3k2m9q");
    assert_eq!(w.url, "https://tu-servidor.com/webhook");
    assert_eq!(w.events, events);
    assert_eq!(w.created_at.as_deref(), Some("2024-01-15T10:30:00Z"));
}
