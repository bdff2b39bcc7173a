//! Streaming rate of the SDK: reads `tokens` tokens of one platform answer (the sandbox's
//! `?tokens=N` hook) on a current-thread runtime and counts them, with no Python at all: the
//! floor the Python and Node streams sit above on the same server and machine.
//!
//! ```sh
//! cargo run --release -p agents-sdk --example stream_rate -- http://127.0.0.1:3000/api KEY CONV 100000
//! ```
//!
//! Prints `RESULT {"client":"agents_sdk_stream","n":N,"seconds":S,"rate":R}`.

use std::time::Instant;

use agents_sdk::RequestOptions;
use agents_sdk::platform::{Client, ConversationEvent};
use futures::StreamExt;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = std::env::args().skip(1).collect::<Vec<_>>();
    let base = args
        .first()
        .cloned()
        .unwrap_or_else(|| "http://127.0.0.1:3000/api".into());
    let key = args.get(1).cloned().unwrap_or_else(|| "tu-api-key".into());
    let conv = args.get(2).cloned().unwrap_or_default();
    let n: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let client = Client::builder().api_key(key).base_url(base).build()?;
        let started = Instant::now();
        let mut stream = client
            .conversations()
            .with_options(RequestOptions::default().query("tokens", n.to_string()))
            .send_message(&conv, "bench")
            .await?;
        let mut count = 0u64;
        while let Some(ev) = stream.next().await {
            if let ConversationEvent::Token(_) = ev? {
                count += 1;
            }
        }
        assert_eq!(count, n, "token count");
        let secs = started.elapsed().as_secs_f64();
        println!(
            "RESULT {{\"client\":\"agents_sdk_stream\",\"n\":{n},\"seconds\":{secs:.4},\"rate\":{:.0}}}",
            n as f64 / secs
        );
        Ok::<_, Box<dyn std::error::Error>>(())
    })
}
