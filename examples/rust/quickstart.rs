//! Quickstart: both services end to end.
//!
//! With `CJHIRASHI_BASE_URL` unset this starts the embedded sandbox in-process, so it runs on
//! any machine with no account and no network:
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! Against real services set `CJHIRASHI_API_KEY`, `CJHIRASHI_BASE_URL`, `AGENT_BASE_URL`,
//! `AGENT_USERNAME` and `AGENT_PASSWORD`.

use std::io::Write;
use std::time::Duration;

use agents_sdk::ops::{self, AgentClient, ChatEvent, ChatParams};
use agents_sdk::platform::{Client, CreateConversationParams, CreateWebhookParams};
use agents_sdk::webhooks;
use futures::StreamExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // 1. A server: the real one from the environment, else the embedded sandbox.
    let sandbox;
    let (platform_client, ops_url, username, password) = match std::env::var("CJHIRASHI_BASE_URL") {
        Ok(_) => (
            Client::from_env()?,
            std::env::var(ops::BASE_URL_ENV).unwrap_or_else(|_| ops::DEFAULT_BASE_URL.into()),
            std::env::var("AGENT_USERNAME").unwrap_or_else(|_| "admin".into()),
            std::env::var("AGENT_PASSWORD").unwrap_or_default(),
        ),
        Err(_) => {
            sandbox = agents_sandbox::Sandbox::start().await?;
            println!(
                "sandbox: platform {} · ops {}",
                sandbox.platform_url(),
                sandbox.ops_url()
            );
            (
                Client::builder()
                    .api_key(sandbox.api_key())
                    .base_url(sandbox.platform_url())
                    .build()?,
                sandbox.ops_url().to_owned(),
                sandbox.username().to_owned(),
                sandbox.password().to_owned(),
            )
        }
    };

    // 2. Platform: agents, a conversation, a streamed answer.
    let agents = platform_client.agents().list(Default::default()).await?;
    println!("\n{} agents:", agents.agents.len());
    for agent in &agents.agents {
        println!("  {} — {}", agent.id, agent.name);
    }

    let conversation = platform_client
        .conversations()
        .create(
            CreateConversationParams::new("agt_personal_001")
                .title("Quickstart")
                .initial_message("Hola"),
        )
        .await?;
    println!("\nconversation {} created", conversation.id());

    print!("assistant: ");
    let mut tokens = conversation
        .send_message("¿Cuánto he gastado este mes?")
        .await?
        .tokens();
    while let Some(token) = tokens.next().await {
        print!("{}", token?);
        std::io::stdout().flush()?;
    }
    let done = tokens.stream();
    println!(
        "\n  (message {}, {} tokens)",
        done.message_id().unwrap_or("?"),
        done.tokens_used().unwrap_or(0)
    );

    // 3. Webhooks: register a local receiver and verify a real delivery.
    let sink = agents_sandbox::WebhookSink::start().await?;
    let secret = "whsec_quickstart";
    platform_client
        .webhooks()
        .create(CreateWebhookParams::new(
            sink.url(),
            ["conversation.created"],
            secret,
        ))
        .await?;
    platform_client
        .conversations()
        .create(CreateConversationParams::new("agt_personal_001").title("Webhook demo"))
        .await?;
    match sink.next_delivery(Duration::from_secs(5)).await {
        Some(delivery) => {
            let event = webhooks::unwrap(
                &delivery.body,
                &delivery.headers,
                [secret],
                &webhooks::VerifyOptions::default(),
            )?;
            println!("\nwebhook verified: {} at {}", event.event, event.timestamp);
        }
        None => println!("\nno webhook delivery arrived within 5 s"),
    }

    // 4. Ops: log in, stream a chat with its tool calls, run a tool directly.
    let ops_client = AgentClient::login(ops_url, username, password).await?;
    println!("\nops agent:");
    let mut events = ops_client
        .chat()
        .stream(ChatParams::new("Lista las instancias EC2").conversation_id("conv_123"))
        .await?;
    while let Some(event) = events.next().await {
        match event? {
            ChatEvent::Thinking { content } => println!("  … {content}"),
            ChatEvent::ToolCall { tool, params } => println!("  → {tool}({params})"),
            ChatEvent::ToolResult { result, .. } => {
                let n = result.as_array().map_or(0, Vec::len);
                println!("  ← {n} results");
            }
            ChatEvent::Message { content } => print!("{content}"),
            ChatEvent::Done { .. } => println!(),
            _ => {}
        }
    }

    let mut params = serde_json::Map::new();
    params.insert("region".into(), "us-east-1".into());
    let run = ops_client
        .tools()
        .execute("list_ec2_instances", params)
        .await?;
    println!(
        "\nlist_ec2_instances(us-east-1): success={} in {} ms",
        run.success, run.execution_time_ms
    );
    Ok(())
}
