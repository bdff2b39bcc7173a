//! The whole client path over real HTTP against one sandbox started in this process.
//!
//! * `platform_stream`: a `?tokens=100000` answer of `POST /api/conversations/:id/messages`
//!   consumed to its end by
//!   - `agents_sdk`: typed `ConversationEvent`s (HTTP + SSE decode + JSON),
//!   - `reqwest_memchr_lines`: bare `bytes_stream()` counting newlines with memchr, no
//!     per-line work and no allocation: the physical limit (3 lines per event),
//!   - `reqwest_memchr_sse_json`: the same plus a hand-written SSE field parser and a
//!     serde_json decode of every payload: the same work as the SDK, written by hand,
//!   - `reqwest_eventsource_json`: reqwest + `eventsource-stream` + serde_json.
//!
//!   Throughput is `Elements(100_000)` (token events).
//! * `small_get`: one `GET /api/agents` at a time over keep-alive: the SDK's
//!   `agents().list()` against bare reqwest + `serde_json::Value`, first against the sandbox
//!   and then against a minimal axum server answering the same bytes without any work.
//!
//! Server and clients share one `current_thread` tokio runtime (one core, like the shared
//! baselines' same-CPU pinning), so every time includes the server's share, equal for all.
//! `BENCH_RT=multi` runs them on a multi-thread runtime instead.

use std::hint::black_box;

use agents_sdk::RequestOptions;
use agents_sdk::platform::Client;
use bytes::Bytes;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eventsource_stream::Eventsource;
use futures::StreamExt;
use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use tokio::runtime::Runtime;

const TOKENS: u64 = 100_000;
const CONVERSATION: &str = "conv_abc123";
const MESSAGE_BODY: &str = r#"{"content":"bench"}"#;

/// Everything the benchmarks share.
struct Setup {
    rt: Runtime,
    _sandbox: agents_sandbox::Sandbox,
    key: String,
    stream_url: String,
    agents_url: String,
    fixed_agents_url: String,
    sdk: Client,
    sdk_fixed: Client,
    http: reqwest::Client,
}

fn runtime() -> Runtime {
    let multi = std::env::var("BENCH_RT").is_ok_and(|v| v == "multi");
    let mut builder = if multi {
        tokio::runtime::Builder::new_multi_thread()
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    builder.enable_all().build().expect("tokio runtime")
}

/// A server answering `GET /api/agents` with fixed bytes; returns its `/api` base URL.
async fn fixed_server(body: Bytes) -> String {
    use axum::response::IntoResponse;
    let app = axum::Router::new().route(
        "/api/agents",
        axum::routing::get(move || {
            let body = body.clone();
            async move { ([(CONTENT_TYPE, "application/json")], body).into_response() }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind fixed server");
    let addr = listener.local_addr().expect("fixed server address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/api")
}

fn setup() -> Setup {
    // reqwest is built without a bundled TLS provider; the SDK installs ring the same way.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let rt = runtime();
    let sandbox = rt
        .block_on(agents_sandbox::Sandbox::start())
        .expect("sandbox starts");
    let base = sandbox.platform_url();
    let key = sandbox.api_key().to_owned();
    let http = reqwest::Client::builder()
        .tcp_nodelay(true)
        .build()
        .expect("reqwest client");
    let agents_url = format!("{base}/agents");
    // The minimal server answers exactly what the sandbox answers.
    let envelope = rt.block_on(async {
        let resp = http
            .get(&agents_url)
            .header(AUTHORIZATION, format!("Bearer {key}"))
            .send()
            .await
            .expect("GET /api/agents");
        assert!(resp.status().is_success(), "{}", resp.status());
        resp.bytes().await.expect("agents body")
    });
    let envelope_len = envelope.len();
    let fixed_base = rt.block_on(fixed_server(envelope));
    eprintln!("GET /api/agents body: {envelope_len} bytes");
    let build = |url: &str| {
        Client::builder()
            .api_key(key.clone())
            .base_url(url)
            .build()
            .expect("SDK client")
    };
    Setup {
        sdk: build(&base),
        sdk_fixed: build(&fixed_base),
        stream_url: format!("{base}/conversations/{CONVERSATION}/messages?tokens={TOKENS}"),
        fixed_agents_url: format!("{fixed_base}/agents"),
        agents_url,
        key,
        http,
        rt,
        _sandbox: sandbox,
    }
}

// ------------------------------------------------------------------------------------------
// Token stream
// ------------------------------------------------------------------------------------------

/// Typed events through the SDK; returns the number of events (tokens + `done`).
async fn sdk_stream(client: &Client) -> u64 {
    let mut stream = client
        .conversations()
        .with_options(RequestOptions::new().query("tokens", TOKENS.to_string()))
        .send_message(CONVERSATION, "bench")
        .await
        .expect("stream starts");
    let mut events = 0;
    while let Some(event) = stream.next().await {
        black_box(event.expect("valid event"));
        events += 1;
    }
    events
}

async fn post_stream(s: &Setup) -> reqwest::Response {
    let resp = s
        .http
        .post(&s.stream_url)
        .header(AUTHORIZATION, format!("Bearer {}", s.key))
        .header(CONTENT_TYPE, "application/json")
        .header(ACCEPT, "text/event-stream")
        .body(MESSAGE_BODY)
        .send()
        .await
        .expect("stream request");
    assert!(resp.status().is_success(), "{}", resp.status());
    resp
}

/// Newlines of the body, found with memchr; every line is handed to `black_box` as a slice
/// of the chunk (a line split across chunks is handed over in pieces), nothing is copied.
async fn memchr_lines(s: &Setup) -> u64 {
    let mut body = post_stream(s).await.bytes_stream();
    let mut lines = 0;
    while let Some(chunk) = body.next().await {
        let chunk = chunk.expect("body chunk");
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', &chunk) {
            black_box(&chunk[start..end]);
            lines += 1;
            start = end + 1;
        }
        black_box(&chunk[start..]);
    }
    lines
}

#[derive(serde::Deserialize)]
struct TokenData {
    token: String,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct DoneData {
    message_id: String,
    tokens_used: u64,
}

/// What a hand-written client does with one event: decode its JSON.
fn on_event(name: &[u8], data: &[u8]) -> u64 {
    match name {
        b"token" => {
            let t: TokenData = serde_json::from_slice(data).expect("token JSON");
            black_box(t.token);
            1
        }
        b"done" => {
            let d: DoneData = serde_json::from_slice(data).expect("done JSON");
            black_box((d.message_id, d.tokens_used));
            1
        }
        _ => 0,
    }
}

/// A minimal SSE reader: `event` / `data` fields, multi-line data, dispatch on a blank line.
#[derive(Default)]
struct HandParser {
    name: Vec<u8>,
    data: Vec<u8>,
    has_data: bool,
    events: u64,
}

impl HandParser {
    fn line(&mut self, line: &[u8]) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            if self.has_data {
                self.events += on_event(&self.name, &self.data);
            }
            self.name.clear();
            self.data.clear();
            self.has_data = false;
            return;
        }
        let (field, value) = match memchr::memchr(b':', line) {
            Some(0) => return,
            Some(i) => (&line[..i], &line[i + 1..]),
            None => (line, &b""[..]),
        };
        let value = value.strip_prefix(b" ").unwrap_or(value);
        if field == b"data" {
            if self.has_data {
                self.data.push(b'\n');
            }
            self.data.extend_from_slice(value);
            self.has_data = true;
        } else if field == b"event" {
            self.name.clear();
            self.name.extend_from_slice(value);
        }
    }
}

async fn memchr_sse_json(s: &Setup) -> u64 {
    let mut body = post_stream(s).await.bytes_stream();
    let mut parser = HandParser::default();
    let mut partial: Vec<u8> = Vec::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.expect("body chunk");
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', &chunk) {
            if partial.is_empty() {
                parser.line(&chunk[start..end]);
            } else {
                partial.extend_from_slice(&chunk[start..end]);
                parser.line(&partial);
                partial.clear();
            }
            start = end + 1;
        }
        partial.extend_from_slice(&chunk[start..]);
    }
    if !partial.is_empty() {
        parser.line(&partial);
    }
    parser.line(b"");
    parser.events
}

async fn eventsource_json(s: &Setup) -> u64 {
    let mut events = post_stream(s).await.bytes_stream().eventsource();
    let mut count = 0;
    while let Some(event) = events.next().await {
        let event = event.expect("valid event");
        count += on_event(event.event.as_bytes(), event.data.as_bytes());
    }
    count
}

// ------------------------------------------------------------------------------------------
// Small requests
// ------------------------------------------------------------------------------------------

async fn sdk_get(client: &Client) -> usize {
    let list = client
        .agents()
        .list(Default::default())
        .await
        .expect("agents list");
    black_box(list).agents.len()
}

async fn reqwest_get(s: &Setup, url: &str) -> usize {
    let resp = s
        .http
        .get(url)
        .header(AUTHORIZATION, format!("Bearer {}", s.key))
        .header(ACCEPT, "application/json")
        .send()
        .await
        .expect("GET /api/agents");
    assert!(resp.status().is_success(), "{}", resp.status());
    let body = resp.bytes().await.expect("body");
    let value: serde_json::Value = serde_json::from_slice(&body).expect("JSON body");
    black_box(value)["data"]["agents"]
        .as_array()
        .map_or(0, Vec::len)
}

fn bench(c: &mut Criterion) {
    let s = setup();
    let rt = &s.rt;

    // Every client must see the whole answer before anything is timed.
    let events = TOKENS + 1;
    assert_eq!(rt.block_on(sdk_stream(&s.sdk)), events);
    assert_eq!(rt.block_on(memchr_lines(&s)), 3 * events);
    assert_eq!(rt.block_on(memchr_sse_json(&s)), events);
    assert_eq!(rt.block_on(eventsource_json(&s)), events);
    let agents = rt.block_on(sdk_get(&s.sdk));
    assert!(agents > 0);
    assert_eq!(rt.block_on(reqwest_get(&s, &s.agents_url)), agents);
    assert_eq!(rt.block_on(sdk_get(&s.sdk_fixed)), agents);
    assert_eq!(rt.block_on(reqwest_get(&s, &s.fixed_agents_url)), agents);

    let mut group = c.benchmark_group("platform_stream");
    group.throughput(Throughput::Elements(TOKENS));
    group.sample_size(10);
    group.bench_function("agents_sdk", |b| b.iter(|| rt.block_on(sdk_stream(&s.sdk))));
    group.bench_function("reqwest_memchr_lines", |b| {
        b.iter(|| rt.block_on(memchr_lines(&s)))
    });
    group.bench_function("reqwest_memchr_sse_json", |b| {
        b.iter(|| rt.block_on(memchr_sse_json(&s)))
    });
    group.bench_function("reqwest_eventsource_json", |b| {
        b.iter(|| rt.block_on(eventsource_json(&s)))
    });
    group.finish();

    let mut group = c.benchmark_group("small_get");
    group.throughput(Throughput::Elements(1));
    group.bench_function("sandbox/agents_sdk", |b| {
        b.iter(|| rt.block_on(sdk_get(&s.sdk)))
    });
    group.bench_function("sandbox/reqwest_value", |b| {
        b.iter(|| rt.block_on(reqwest_get(&s, &s.agents_url)))
    });
    group.bench_function("fixed/agents_sdk", |b| {
        b.iter(|| rt.block_on(sdk_get(&s.sdk_fixed)))
    });
    group.bench_function("fixed/reqwest_value", |b| {
        b.iter(|| rt.block_on(reqwest_get(&s, &s.fixed_agents_url)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
