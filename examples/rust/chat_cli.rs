//! A streaming chat in the terminal: type a line, watch the answer arrive token by token.
//! Ctrl-C cancels the answer being streamed (the chat goes on); Ctrl-D (end of input) quits.
//!
//! ```sh
//! cargo run --example chat_cli
//! # the first answer hangs after 3 tokens, as a slow model would: press Ctrl-C to cancel it
//! cargo run --example chat_cli -- --stall-first 3
//! ```
//!
//! It runs against the embedded sandbox; with a real service, build the client with
//! `Client::from_env()` instead.

use std::io::{BufRead, Write};

use agents_sdk::RequestOptions;
use agents_sdk::platform::{Client, CreateConversationParams};
use futures::StreamExt;
use tokio::sync::mpsc;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `--stall-first N`: the sandbox's fault injection stops the first answer after N tokens.
    let args: Vec<String> = std::env::args().collect();
    let stall_first = match args.iter().position(|a| a == "--stall-first") {
        Some(i) => Some(
            args.get(i + 1)
                .ok_or("--stall-first needs a number")?
                .parse::<u32>()?,
        ),
        None => None,
    };

    let sandbox = agents_sandbox::Sandbox::start().await?;
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.platform_url())
        .build()?;
    let conversation = client
        .conversations()
        .create(CreateConversationParams::new("agt_personal_001").title("Terminal chat"))
        .await?;

    // Standard input is read by a plain thread and handed over line by line, so the async side
    // can wait for "a line or Ctrl-C" with `select!`.
    let (tx, mut lines) = mpsc::channel::<String>(16);
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            if tx.blocking_send(line).is_err() {
                break;
            }
        }
    });

    let mut first = true;
    loop {
        print!("you> ");
        std::io::stdout().flush()?;
        let line = tokio::select! {
            line = lines.recv() => match line {
                Some(line) => line,
                None => break, // end of input
            },
            _ = tokio::signal::ctrl_c() => {
                println!("\n(Ctrl-C cancels an answer; Ctrl-D quits)");
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }

        let mut options = RequestOptions::new();
        if let (true, Some(n)) = (first, stall_first) {
            options = options.header("X-Sandbox-Fault", format!("stall_after={n}"));
        }
        first = false;

        print!("assistant> ");
        let answer = async {
            let stream = client
                .conversations()
                .with_options(options)
                .send_message(conversation.id(), line)
                .await?;
            let mut tokens = stream.tokens();
            while let Some(token) = tokens.next().await {
                print!("{}", token?);
                std::io::stdout().flush()?;
            }
            println!("  ({} tokens)", tokens.stream().tokens_used().unwrap_or(0));
            Ok::<(), Box<dyn std::error::Error>>(())
        };
        // Whichever finishes first wins. When Ctrl-C wins, `answer` is dropped, and dropping a
        // stream closes its connection: the server stops sending and nothing leaks.
        tokio::select! {
            result = answer => result?,
            _ = tokio::signal::ctrl_c() => println!(" [cancelled]"),
        }
    }
    println!("\nbye");
    Ok(())
}
