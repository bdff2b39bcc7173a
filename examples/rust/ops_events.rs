//! The ops agent's typed events (thinking, tool calls, tool results, message, done) rendered
//! as they arrive: first over SSE (`POST /api/chat`), then over the realtime WebSocket (`/ws`).
//!
//! ```sh
//! cargo run --example ops_events
//! ```

use std::io::Write;

use agents_sdk::ops::{AgentClient, ChatEvent, ChatParams};
use futures::StreamExt;

/// Prints one event; both transports yield the same `ChatEvent`s.
fn render(event: &ChatEvent) -> std::io::Result<()> {
    let mut out = std::io::stdout();
    match event {
        ChatEvent::Thinking { content } => writeln!(out, "  [thinking] {content}")?,
        ChatEvent::ToolCall { tool, params } => writeln!(out, "  [tool call] {tool} {params}")?,
        ChatEvent::ToolResult { tool, result } => {
            let items = result.as_array().map_or(1, Vec::len);
            let tool = tool.as_deref().unwrap_or("tool");
            writeln!(out, "  [tool result] {tool}: {items} item(s)")?;
        }
        // The answer arrives in chunks: print them as they come.
        ChatEvent::Message { content } => write!(out, "{content}")?,
        ChatEvent::Done { conversation_id } => {
            writeln!(out, "\n  [done] conversation {conversation_id:?}")?;
        }
        // `Error` never reaches here: the stream yields it as `Err(Error::Api)`. `Unknown` keeps
        // events of a newer server whole, so an old client does not break on them.
        other => writeln!(out, "  [other] {other:?}")?,
    }
    out.flush()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = agents_sandbox::Sandbox::start().await?;
    // `login` keeps the JWT and logs in again before it expires.
    let ops = AgentClient::login(sandbox.ops_url(), sandbox.username(), sandbox.password()).await?;

    println!("over SSE:");
    let mut events = ops
        .chat()
        .stream(ChatParams::new("Lista las instancias EC2").conversation_id("conv_123"))
        .await?;
    while let Some(event) = events.next().await {
        render(&event?)?;
    }
    // The stream ended after `done`; it also kept the whole answer.
    println!("  answer: {} characters", events.text().chars().count());

    println!("\nover the WebSocket:");
    // `connect` authenticates the socket first; one session carries many chats.
    let mut session = ops.realtime().connect().await?;
    for message in ["Muestra las alertas críticas", "Lista las VMs de Azure"] {
        session.chat(Some("conv_123"), message).await?;
        // The session stays open after an answer: stop reading at its `done` event.
        while let Some(event) = session.next().await {
            let event = event?;
            render(&event)?;
            if matches!(event, ChatEvent::Done { .. }) {
                break;
            }
        }
    }
    session.close().await?;
    Ok(())
}
