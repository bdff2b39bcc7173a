//! Memory of one client holding many idle token streams.
//!
//! ```text
//! cargo run --release -p agents-sdk --example idle_streams [-- STREAMS]
//! ```
//!
//! Starts the sandbox in a child process (this program again, with `--serve`), then measures
//! each client in a fresh child process of its own (`--measure sdk|reqwest`): one client opens
//! `STREAMS` (default 1,000) concurrent `POST /api/conversations/:id/messages` streams with
//! `X-Sandbox-Fault: stall_after=1` (headers and one event, then the server keeps the stream
//! open and silent), reads the first event of each and keeps them all open. The child reports
//! its own `VmRSS` before opening the streams and once all are open, `VmHWM`, and
//! `(after - before) / STREAMS`. `reqwest` is the baseline: bare reqwest `bytes_stream()`s
//! holding the same streams after reading their first chunk.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use agents_sdk::RequestOptions;
use agents_sdk::platform::{Client, ConversationEvent};
use futures::{Stream, StreamExt};

const DEFAULT_STREAMS: usize = 1_000;
/// Streams being opened at the same time.
const OPENING: usize = 50;
const CONVERSATION: &str = "conv_abc123";

/// `VmRSS` and `VmHWM` of this process, in bytes.
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map_or(0, |kib| kib * 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn kib(bytes: u64) -> f64 {
    bytes as f64 / 1024.0
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// `--serve`: runs the sandbox, prints `URL KEY`, and stops when stdin closes.
fn serve() -> ExitCode {
    let rt = runtime();
    let sandbox = match rt.block_on(agents_sandbox::Sandbox::start()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sandbox: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{} {}", sandbox.platform_url(), sandbox.api_key());
    let _ = std::io::stdout().flush();
    // Runs until the parent closes our stdin (or exits).
    let _ = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink());
    drop(sandbox);
    ExitCode::SUCCESS
}

type HeldStream = std::pin::Pin<Box<dyn Stream<Item = reqwest::Result<bytes::Bytes>> + Send>>;

/// Opens a stalled stream with bare reqwest and reads its first chunk.
async fn open_bare(http: &reqwest::Client, url: &str, key: &str) -> HeldStream {
    let resp = http
        .post(url)
        .header("authorization", format!("Bearer {key}"))
        .header("content-type", "application/json")
        .header("accept", "text/event-stream")
        .header("x-sandbox-fault", "stall_after=1")
        .body(r#"{"content":"idle"}"#)
        .send()
        .await
        .expect("stream request");
    assert!(resp.status().is_success(), "{}", resp.status());
    let mut body: HeldStream = Box::pin(resp.bytes_stream());
    let first = body.next().await.expect("a first chunk").expect("body");
    assert!(first.starts_with(b"event: token"), "{first:?}");
    body
}

/// `--measure MODE URL KEY STREAMS`: prints one `RESULT` line.
fn measure(mode: &str, url: &str, key: &str, streams: usize) -> ExitCode {
    let rt = runtime();
    let client = Client::builder()
        .api_key(key)
        .base_url(url)
        .build()
        .expect("SDK client");
    // reqwest is built without a process-wide TLS provider (the SDK brings its own per
    // client); the bare baseline installs one for itself
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .tcp_nodelay(true)
        .build()
        .expect("reqwest client");
    let stream_url = format!(
        "{}/conversations/{CONVERSATION}/messages",
        url.trim_end_matches('/')
    );
    let stall = || RequestOptions::new().header("X-Sandbox-Fault", "stall_after=1");
    let open_sdk = |client: Client| async move {
        let mut stream = client
            .conversations()
            .with_options(stall())
            .send_message(CONVERSATION, "idle")
            .await
            .expect("stream starts");
        match stream.next().await {
            Some(Ok(ConversationEvent::Token(_))) => {}
            other => panic!("expected a first token, got {other:?}"),
        }
        stream
    };

    // Warm-up: the runtime, the connection pool and the allocator have their first
    // allocations behind them before `before` is read.
    rt.block_on(async {
        for _ in 0..OPENING {
            match mode {
                "sdk" => drop(open_sdk(client.clone()).await),
                _ => drop(open_bare(&http, &stream_url, key).await),
            }
        }
    });
    std::thread::sleep(Duration::from_millis(200));
    let (before, _) = memory();
    let started = Instant::now();
    let held = rt.block_on(async {
        match mode {
            "sdk" => {
                let held: Vec<_> = futures::stream::iter(0..streams)
                    .map(|_| open_sdk(client.clone()))
                    .buffer_unordered(OPENING)
                    .collect()
                    .await;
                (held, Vec::new())
            }
            _ => {
                let held: Vec<_> = futures::stream::iter(0..streams)
                    .map(|_| open_bare(&http, &stream_url, key))
                    .buffer_unordered(OPENING)
                    .collect()
                    .await;
                (Vec::new(), held)
            }
        }
    });
    let opened = started.elapsed();
    std::thread::sleep(Duration::from_millis(200));
    let (after, hwm) = memory();
    let count = held.0.len() + held.1.len();
    assert_eq!(count, streams);
    let per_stream = after.saturating_sub(before) / streams as u64;
    println!(
        "RESULT mode={mode} streams={count} open_s={:.2} rss_before_kib={:.0} rss_after_kib={:.0} \
         hwm_kib={:.0} per_stream_bytes={per_stream} per_stream_kib={:.1}",
        opened.as_secs_f64(),
        kib(before),
        kib(after),
        kib(hwm),
        kib(per_stream),
    );
    drop(held);
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--serve") => return serve(),
        Some("--measure") if args.len() == 5 => {
            let streams = args[4].parse().expect("stream count");
            return measure(&args[1], &args[2], &args[3], streams);
        }
        _ => {}
    }
    let streams: usize = match args.first() {
        Some(n) => match n.parse() {
            Ok(n) if n > 0 => n,
            _ => {
                eprintln!("usage: idle_streams [STREAMS]");
                return ExitCode::from(2);
            }
        },
        None => DEFAULT_STREAMS,
    };
    let me = std::env::current_exe().expect("own path");
    let mut server = Command::new(&me)
        .arg("--serve")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the sandbox process");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("server stdout"))
        .read_line(&mut line)
        .expect("sandbox URL");
    let mut parts = line.split_whitespace();
    let (Some(url), Some(key)) = (parts.next(), parts.next()) else {
        eprintln!("the sandbox process printed {line:?}");
        let _ = server.kill();
        let _ = server.wait();
        return ExitCode::FAILURE;
    };
    println!(
        "sandbox (pid {}) at {url}; {streams} streams per client",
        server.id()
    );
    let mut ok = true;
    let mut per_stream = Vec::new();
    for mode in ["sdk", "reqwest"] {
        let out = Command::new(&me)
            .args(["--measure", mode, url, key, &streams.to_string()])
            .stderr(Stdio::inherit())
            .output()
            .expect("run a measurement");
        let text = String::from_utf8_lossy(&out.stdout);
        print!("{text}");
        ok &= out.status.success();
        if let Some(v) = text
            .split_whitespace()
            .find_map(|w| w.strip_prefix("per_stream_bytes="))
            .and_then(|v| v.parse::<u64>().ok())
        {
            per_stream.push((mode, v));
        }
    }
    drop(server.stdin.take());
    if server.wait_timeout_secs(5).is_none() {
        let _ = server.kill();
        let _ = server.wait();
    }
    if let [(_, sdk), (_, bare)] = per_stream[..] {
        println!(
            "SUMMARY sdk={:.1} KiB/stream reqwest={:.1} KiB/stream sdk_extra={:.1} KiB/stream goal<64 KiB: {}",
            kib(sdk),
            kib(bare),
            kib(sdk) - kib(bare),
            if sdk < 64 * 1024 { "met" } else { "MISSED" }
        );
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

trait WaitTimeout {
    fn wait_timeout_secs(&mut self, secs: u64) -> Option<std::process::ExitStatus>;
}

impl WaitTimeout for std::process::Child {
    fn wait_timeout_secs(&mut self, secs: u64) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}
