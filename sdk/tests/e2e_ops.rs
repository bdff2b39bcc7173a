//! End to end against the sandbox's ops service over real HTTP, SSE and WebSocket.

use std::time::Duration;

use agents_sandbox::{Sandbox, WebhookSink};
use agents_sdk::ops::*;
use agents_sdk::{ApiErrorKind, Error, RequestOptions, webhooks};
use futures::StreamExt;
use serde_json::json;

async fn setup() -> (Sandbox, AgentClient) {
    let sb = Sandbox::start().await.unwrap();
    let client = AgentClient::login(sb.ops_url(), sb.username(), sb.password())
        .await
        .unwrap();
    (sb, client)
}

fn kind(e: &Error) -> ApiErrorKind {
    e.as_api()
        .unwrap_or_else(|| panic!("not an API error: {e:?}"))
        .kind
}

fn params(pairs: &[(&str, serde_json::Value)]) -> serde_json::Map<String, serde_json::Value> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

#[tokio::test]
async fn login_and_static_keys() {
    let sb = Sandbox::start().await.unwrap();
    let err = AgentClient::login(sb.ops_url(), sb.username(), "wrong")
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::Authentication);
    let client = AgentClient::builder()
        .base_url(sb.ops_url())
        .build()
        .unwrap();
    let token = client
        .auth()
        .login(sb.username(), sb.password())
        .await
        .unwrap();
    assert_eq!(token.token_type, "bearer");
    assert!(token.expires_in > 0);
    assert!(!format!("{token:?}").contains(&token.access_token));
    client.tools().list().await.unwrap();
    // the seed's demo key and the sandbox's generated key both work
    for key in ["tu-api-key", sb.ops_api_key()] {
        let c = AgentClient::builder()
            .api_key(key)
            .base_url(sb.ops_url())
            .build()
            .unwrap();
        c.metrics().get().await.unwrap();
    }
    let c = AgentClient::builder()
        .api_key("nope")
        .base_url(sb.ops_url())
        .build()
        .unwrap();
    assert_eq!(
        kind(&c.metrics().get().await.unwrap_err()),
        ApiErrorKind::Authentication
    );
}

#[tokio::test]
async fn expired_tokens_are_renewed() {
    let sb = Sandbox::start().await.unwrap();
    let client = AgentClient::builder()
        .base_url(sb.ops_url())
        .credentials(sb.username(), sb.password())
        .default_header("X-Sandbox-Token-Ttl", "1")
        .build()
        .unwrap();
    client.conversations().list().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    // the token has expired on the server; the client logs in again (before use, or after the 401)
    client.conversations().list().await.unwrap();
}

#[tokio::test]
async fn chat_streaming_and_not() {
    let (_sb, client) = setup().await;
    let mut s = client
        .chat()
        .stream(ChatParams::new("Lista las instancias EC2").conversation_id("conv_123"))
        .await
        .unwrap();
    let mut kinds = Vec::new();
    let mut tool = None;
    while let Some(ev) = s.next().await {
        let ev = ev.unwrap();
        kinds.push(match &ev {
            ChatEvent::Thinking { .. } => "thinking",
            ChatEvent::ToolCall { tool: t, .. } => {
                tool = Some(t.clone());
                "tool_call"
            }
            ChatEvent::ToolResult { .. } => "tool_result",
            ChatEvent::Message { .. } => "message",
            ChatEvent::Done { .. } => "done",
            other => panic!("{other:?}"),
        });
    }
    assert_eq!(kinds.first(), Some(&"thinking"));
    assert_eq!(kinds.last(), Some(&"done"));
    assert!(
        kinds.iter().filter(|k| **k == "message").count() >= 2,
        "{kinds:?}"
    );
    assert_eq!(tool.as_deref(), Some("list_ec2_instances"));
    assert!(s.text().contains('5'), "{}", s.text());

    let resp = client
        .chat()
        .send(ChatParams::new("Lista las instancias EC2").conversation_id("conv_123"))
        .await
        .unwrap();
    assert_eq!(resp.conversation_id, "conv_123");
    assert_eq!(resp.message.tool_calls[0].tool, "list_ec2_instances");
    assert!(!resp.message.content.is_empty());
    let conv = client.conversations().get("conv_123").await.unwrap();
    assert!(conv.messages.len() >= 4);

    let err = client
        .chat()
        .with_options(RequestOptions::new().header("X-Sandbox-Fault", "cut_after=2"))
        .stream(ChatParams::new("Lista las instancias EC2"))
        .await
        .unwrap()
        .collect::<Vec<_>>()
        .await;
    assert!(
        matches!(
            err.last(),
            Some(Err(Error::IncompleteStream { received: 2 }))
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn conversations_config_metrics() {
    let (_sb, client) = setup().await;
    let list = client.conversations().list().await.unwrap();
    assert!(list.conversations.iter().any(|c| c.id == "conv_123"));
    let created = client
        .conversations()
        .create(CreateConversationParams::new().title("Nueva conversación"))
        .await
        .unwrap();
    assert_eq!(created.title.as_deref(), Some("Nueva conversación"));
    let got = client.conversations().get(&created.id).await.unwrap();
    assert!(got.messages.is_empty());
    let del = client.conversations().delete(&created.id).await.unwrap();
    assert!(del.deleted);
    assert_eq!(
        kind(&client.conversations().get(&created.id).await.unwrap_err()),
        ApiErrorKind::NotFound
    );

    let cfg = client.config().get().await.unwrap();
    assert_eq!(cfg.llm.provider, LlmProvider::OpenAi);
    let updated = client
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
    assert_eq!(updated.llm.provider, LlmProvider::Anthropic);
    assert_eq!(
        updated.agent.autonomy_level, cfg.agent.autonomy_level,
        "partial update keeps other sections"
    );
    let bad = client
        .config()
        .update(
            ConfigUpdate::new()
                .llm(LlmConfigUpdate::new().provider(LlmProvider::Unknown("nope".into()))),
        )
        .await
        .unwrap_err();
    assert_eq!(kind(&bad), ApiErrorKind::BadRequest);

    let before = client.metrics().get().await.unwrap();
    client
        .tools()
        .execute(
            "list_ec2_instances",
            params(&[("region", json!("us-east-1"))]),
        )
        .await
        .unwrap();
    let after = client.metrics().get().await.unwrap();
    assert_eq!(
        after.agent_stats.tools_executed,
        before.agent_stats.tools_executed + 1
    );
    assert!(after.infrastructure.aws_instances >= 5);
}

#[tokio::test]
async fn tools_and_learned_apis() {
    let (_sb, client) = setup().await;
    let tools = client.tools().list().await.unwrap();
    let ec2 = tools
        .tools
        .iter()
        .find(|t| t.name == "list_ec2_instances")
        .unwrap();
    assert_eq!(ec2.parameters["type"], "object");
    let run = client
        .tools()
        .execute(
            "list_ec2_instances",
            params(&[("region", json!("us-east-1"))]),
        )
        .await
        .unwrap();
    assert!(run.success);
    assert_eq!(run.result.as_array().unwrap().len(), 5);
    let err = client
        .tools()
        .execute("no_such_tool", Default::default())
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::NotFound);
    let err = client
        .tools()
        .execute("describe_ec2_instance", Default::default())
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::BadRequest);
    assert!(err.to_string().contains("instance_id"), "{err}");

    let apis = client.learned_apis().list().await.unwrap();
    assert!(
        apis.apis
            .iter()
            .any(|a| a.id == "api_jira" && a.endpoints == 47)
    );
    let doc = json!({"openapi": "3.0.0", "info": {"title": "Pets", "version": "1"},
        "paths": {"/pets": {"get": {}, "post": {}}, "/pets/{id}": {"get": {}}}});
    let learned = client
        .learned_apis()
        .learn(LearnApiParams::new("openapi", doc))
        .await
        .unwrap();
    assert_eq!(learned.name, "Pets");
    assert_eq!(learned.endpoints, 3);
    let err = client
        .learned_apis()
        .learn(LearnApiParams::new(
            "openapi",
            "https://api.example.com/swagger.json",
        ))
        .await
        .unwrap_err();
    assert_eq!(
        kind(&err),
        ApiErrorKind::BadRequest,
        "only loopback URLs are fetched"
    );
}

#[tokio::test]
async fn webhooks_deliver_tool_executions() {
    let (_sb, client) = setup().await;
    let sink = WebhookSink::start().await.unwrap();
    let hook = client
        .webhooks()
        .create(CreateWebhookParams::new(
            sink.url(),
            ["tool.executed"],
            "tu-secreto",
        ))
        .await
        .unwrap();
    assert!(!hook.id.is_empty());
    client
        .tools()
        .execute("get_alerts", Default::default())
        .await
        .unwrap();
    let d = sink
        .next_delivery(Duration::from_secs(10))
        .await
        .expect("delivery");
    let ev = webhooks::unwrap(&d.body, &d.headers, ["tu-secreto"], &Default::default()).unwrap();
    assert_eq!(ev.event.as_str(), "tool.executed");
}

#[tokio::test]
async fn realtime_chat_over_websocket() {
    let (sb, client) = setup().await;
    let mut session = client.realtime().connect().await.unwrap();
    session
        .chat(Some("conv_123"), "Lista las instancias EC2")
        .await
        .unwrap();
    let mut kinds = Vec::new();
    while let Some(ev) = session.next().await {
        let ev = ev.unwrap();
        let done = matches!(ev, ChatEvent::Done { .. });
        kinds.push(ev);
        if done {
            break;
        }
    }
    assert!(matches!(kinds[0], ChatEvent::Thinking { .. }));
    assert!(
        kinds
            .iter()
            .any(|e| matches!(e, ChatEvent::ToolCall { tool, .. } if tool == "list_ec2_instances"))
    );
    assert!(!session.text().is_empty());
    // a second exchange on the same socket, and an application ping
    session.ping().await.unwrap();
    assert!(matches!(session.next().await, Some(Ok(ChatEvent::Pong))));
    session.chat(None, "muestra las alertas").await.unwrap();
    let mut saw_done = false;
    while let Some(ev) = session.next().await {
        if matches!(ev.unwrap(), ChatEvent::Done { .. }) {
            saw_done = true;
            break;
        }
    }
    assert!(saw_done);
    session.close().await.unwrap();

    // a bad token is refused
    let bad = AgentClient::builder()
        .api_key("nope")
        .base_url(sb.ops_url())
        .build()
        .unwrap();
    let err = bad.realtime().connect().await.unwrap_err();
    assert!(
        matches!(&err, Error::Api(e) if e.kind == ApiErrorKind::Authentication)
            || matches!(
                &err,
                Error::WebSocket {
                    close_code: Some(1008),
                    ..
                }
            ),
        "{err:?}"
    );
}

#[tokio::test]
async fn rate_limit_is_enforced_when_on() {
    let sb = Sandbox::builder()
        .enforce_rate_limits(true)
        .start()
        .await
        .unwrap();
    let client = AgentClient::builder()
        .api_key(sb.ops_api_key())
        .base_url(sb.ops_url())
        .max_retries(0)
        .build()
        .unwrap();
    let mut limited = None;
    // fixed one-minute windows: a window may roll over once during the loop
    for _ in 0..125 {
        if let Err(e) = client.metrics().get().await {
            limited = Some(e);
            break;
        }
    }
    let e = limited.expect("a 429 within two windows");
    let api = e.as_api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::RateLimit);
    assert_eq!(api.rate_limit.unwrap().limit, Some(60));
    assert!(api.retry_after.is_some());
}
