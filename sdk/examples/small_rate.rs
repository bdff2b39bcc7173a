//! Sequential small-request rate of the SDK (`agents().list()`, one at a time on a
//! current-thread runtime) against a platform server, beside a bare reqwest GET + JSON decode
//! on the same runtime, so the SDK's own cost per call shows:
//!
//! ```sh
//! cargo run --release -p agents-sdk --example small_rate -- http://127.0.0.1:3000/api KEY 20000
//! ```
//!
//! Prints `RESULT {"client":..,"n":N,"seconds":S,"rate":R,"us_per_call":U}` per client.

use std::time::Instant;

use agents_sdk::platform::Client;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = std::env::args().skip(1).collect::<Vec<_>>();
    let base = args
        .first()
        .cloned()
        .unwrap_or_else(|| "http://127.0.0.1:3000/api".into());
    let key = args.get(1).cloned().unwrap_or_else(|| "tu-api-key".into());
    let n: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(20_000);
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
        for _ in 0..n {
            let list = client.agents().list(Default::default()).await?;
            assert!(!list.agents.is_empty());
        }
        report("agents_sdk", n, started);

        let http = reqwest::Client::builder().tcp_nodelay(true).build()?;
        let url = format!("{}/agents", base.trim_end_matches('/'));
        let started = Instant::now();
        for _ in 0..n {
            let resp = http.get(&url).bearer_auth(&key).send().await?;
            let body = resp.bytes().await?;
            let v: serde_json::Value = serde_json::from_slice(&body)?;
            assert!(v["data"]["agents"].is_array());
        }
        report("reqwest", n, started);
        Ok::<_, Box<dyn std::error::Error>>(())
    })
}

fn report(client: &str, n: u32, started: Instant) {
    let secs = started.elapsed().as_secs_f64();
    println!(
        "RESULT {{\"client\":\"{client}\",\"n\":{n},\"seconds\":{secs:.4},\"rate\":{:.0},\"us_per_call\":{:.1}}}",
        f64::from(n) / secs,
        secs * 1e6 / f64::from(n)
    );
}
