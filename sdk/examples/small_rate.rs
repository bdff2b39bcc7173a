//! Sequential small-request rate of the SDK (`agents().list()`, one at a time on a
//! current-thread runtime) against a platform server, beside a bare reqwest GET + JSON decode
//! on the same runtime, so the SDK's own cost per call shows:
//!
//! ```sh
//! cargo run --release -p agents-sdk --example small_rate -- http://127.0.0.1:3000/api KEY 20000 [CONCURRENCY]
//! ```
//!
//! With `CONCURRENCY` above 1 (for example 32), both clients keep that many calls in flight
//! (`buffer_unordered`) on the same current-thread runtime instead of one at a time.
//!
//! Prints `RESULT {"client":..,"n":N,"concurrency":C,"seconds":S,"rate":R,"us_per_call":U}`
//! per client.

use std::time::Instant;

use futures::StreamExt;

use agents_sdk::platform::Client;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = std::env::args().skip(1).collect::<Vec<_>>();
    let base = args
        .first()
        .cloned()
        .unwrap_or_else(|| "http://127.0.0.1:3000/api".into());
    let key = args.get(1).cloned().unwrap_or_else(|| "tu-api-key".into());
    let n: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let conc: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let client = Client::builder()
            .api_key(key.clone())
            .base_url(base.clone())
            .build()?;
        client.agents().list(Default::default()).await?;
        let started = Instant::now();
        let mut calls = futures::stream::iter(0..n)
            .map(|_| async { client.agents().list(Default::default()).await })
            .buffer_unordered(conc);
        while let Some(list) = calls.next().await {
            assert!(!list?.agents.is_empty());
        }
        report("agents_sdk", n, conc, started);

        // reqwest is built without a process-wide TLS provider (the SDK brings its own per
        // client); the bare baseline installs one for itself
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder().tcp_nodelay(true).build()?;
        let url = format!("{}/agents", base.trim_end_matches('/'));
        let started = Instant::now();
        let mut calls = futures::stream::iter(0..n)
            .map(|_| async {
                let resp = http.get(&url).bearer_auth(&key).send().await?;
                let body = resp.bytes().await?;
                let v: serde_json::Value = serde_json::from_slice(&body)?;
                Ok::<_, Box<dyn std::error::Error>>(v)
            })
            .buffer_unordered(conc);
        while let Some(v) = calls.next().await {
            assert!(v?["data"]["agents"].is_array());
        }
        report("reqwest", n, conc, started);
        Ok::<_, Box<dyn std::error::Error>>(())
    })
}

fn report(client: &str, n: u32, conc: usize, started: Instant) {
    let secs = started.elapsed().as_secs_f64();
    println!(
        "RESULT {{\"client\":\"{client}\",\"n\":{n},\"concurrency\":{conc},\"seconds\":{secs:.4},\"rate\":{:.0},\"us_per_call\":{:.1}}}",
        f64::from(n) / secs,
        secs * 1e6 / f64::from(n)
    );
}
