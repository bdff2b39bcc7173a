//! Typed token-stream rate of the SDK against any server speaking the platform's SSE format,
//! in the command-line shape of the shared baseline harness's Rust clients, so the SDK can be
//! run beside `rs_stream_memchr` / `rs_stream_es` against the same server process:
//!
//! ```sh
//! cargo run --release -p agents-sdk --example stream_rate -- http://127.0.0.1:8787 100000
//! ```
//!
//! It asks `POST {base}/api/conversations/conv_1/messages?n=N` (the harness server's shape;
//! `--sandbox` uses the sandbox's `?tokens=N` hook instead), consumes the typed stream to its
//! `done` event on a current-thread runtime, checks the count and prints one line:
//! `RESULT {"client":"agents_sdk","n":N,"seconds":S,"rate":R}`.

use std::time::Instant;

use agents_sdk::RequestOptions;
use agents_sdk::platform::{Client, ConversationEvent};
use futures::StreamExt;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1).collect::<Vec<_>>();
    let sandbox = args.iter().any(|a| a == "--sandbox");
    args.retain(|a| a != "--sandbox");
    let base = args
        .first()
        .cloned()
        .unwrap_or_else(|| "http://127.0.0.1:8787".into());
    let n: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let api = format!(
        "{}/api",
        base.trim_end_matches('/').trim_end_matches("/api")
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let client = Client::builder()
            .api_key(std::env::var("CJHIRASHI_API_KEY").unwrap_or_else(|_| "bench".into()))
            .base_url(api)
            .build()?;
        let hook = if sandbox { "tokens" } else { "n" };
        let started = Instant::now();
        let mut stream = client
            .conversations()
            .with_options(RequestOptions::new().query(hook, n.to_string()))
            .send_message(
                if sandbox { "conv_abc123" } else { "conv_1" },
                "Hello, benchmark!",
            )
            .await?;
        let mut tokens = 0u64;
        while let Some(ev) = stream.next().await {
            if let ConversationEvent::Token(_) = ev? {
                tokens += 1;
            }
        }
        let secs = started.elapsed().as_secs_f64();
        if tokens != n {
            return Err(format!("expected {n} tokens, got {tokens}").into());
        }
        println!(
            "RESULT {{\"client\":\"agents_sdk\",\"n\":{n},\"seconds\":{secs:.6},\"rate\":{:.1}}}",
            n as f64 / secs
        );
        Ok(())
    })
}
