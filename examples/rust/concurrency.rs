//! Concurrency: several streamed answers at once, and independent calls side by side. A
//! `Client` is cheap to clone and its clones share one connection pool.
//!
//! ```sh
//! cargo run --example concurrency
//! ```

use std::time::Instant;

use agents_sdk::platform::{Client, CreateConversationParams};
use futures::StreamExt;
use futures::future::try_join_all;

/// Opens a conversation, sends `question` and collects the streamed answer.
async fn ask(client: Client, question: &str) -> agents_sdk::Result<(String, String)> {
    let conversation = client
        .conversations()
        .create(CreateConversationParams::new("agt_personal_001").title(question))
        .await?;
    let mut tokens = conversation.send_message(question).await?.tokens();
    let mut answer = String::new();
    while let Some(token) = tokens.next().await {
        answer.push_str(&token?);
    }
    Ok((question.to_owned(), answer))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = agents_sandbox::Sandbox::start().await?;
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.platform_url())
        .build()?;

    // 1. Three streams at once on one task: `try_join_all` polls them together and fails
    //    fast (the other streams are dropped, closing their connections) if one fails.
    let started = Instant::now();
    let questions = [
        "¿Cuánto gasté en comida?",
        "¿Tengo citas esta semana?",
        "Hola",
    ];
    let answers = try_join_all(questions.iter().map(|q| ask(client.clone(), q))).await?;
    for (question, answer) in &answers {
        println!("{question}\n  -> {} characters", answer.chars().count());
    }
    println!("3 answers in {:?}", started.elapsed());

    // 2. Unrelated calls side by side with `tokio::join!` (each result is its own `Result`).
    //    A resource handle borrows the client, so each call sits in an `async` block.
    let (agents, accounts, profile) = tokio::join!(
        async { client.agents().list(Default::default()).await },
        async { client.finance().accounts().list().await },
        async { client.health().profile().await },
    );
    println!(
        "{} agents, {} accounts, blood type {:?}",
        agents?.agents.len(),
        accounts?.accounts.len(),
        profile?.blood_type
    );

    // 3. Work on other tasks: spawn needs owned values, so move a clone in.
    let task = tokio::spawn(ask(client.clone(), "¿Y mi presupuesto?"));
    let (_, answer) = task.await??;
    println!("from a spawned task: {} characters", answer.chars().count());
    Ok(())
}
