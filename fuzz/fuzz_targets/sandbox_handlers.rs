//! Arbitrary requests to the sandbox's two axum routers (platform and ops), driven in-process
//! with `tower::ServiceExt::oneshot` on a current-thread runtime with a paused clock (injected
//! latency and stalls take no real time).
//!
//! Input: an HTTP/1.1-style request text, `METHOD PATH [VERSION]`, header lines, an empty line,
//! the body; every input goes to both services. Keys: platform `cj_demo` (user) and `cj_admin`,
//! ops `ops_key` (as `Authorization: Bearer ...`).
//!
//! Properties: no handler panics; every answer completes (unless a fault was injected), its
//! `Content-Length` matches its body, a JSON answer is valid JSON, an event stream decodes,
//! and nothing answers 5xx unless a fault was injected.
//!
//! Requests whose path mentions webhooks are skipped (registering one would make the sandbox
//! deliver events to a fuzzer-chosen URL), and so are learned-API requests whose `source` is a
//! URL (the sandbox would fetch it from a loopback port); inline documents are fuzzed. Requests to `/__sandbox/*`
//! (global faults, rate-limit enforcement) are followed by a reset, so state set by one input
//! does not leak into the next. The routers are built once and rebuilt every 10,000 inputs to
//! bound the growth of their in-memory stores.
#![no_main]

use std::cell::RefCell;
use std::time::Duration;

use agents_fuzz::header_lines;
use agents_sandbox::common::Shared;
use agents_sandbox::{ops, platform};
use axum::body::Body;
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt;

const REBUILD_EVERY: u64 = 10_000;
/// Virtual time after which an answer counts as hung.
const HANG: Duration = Duration::from_secs(3600);
const FAULT_HEADER: &str = "x-sandbox-fault";

struct Service {
    router: axum::Router,
    shared: Shared,
}

struct Harness {
    runtime: tokio::runtime::Runtime,
    platform: Service,
    ops: Service,
    inputs: u64,
}

fn services() -> (Service, Service) {
    let shared = Shared::new(false);
    let platform = Service {
        router: platform::router(platform::PlatformConfig {
            api_key: "cj_demo".to_owned(),
            admin_api_key: "cj_admin".to_owned(),
            shared: shared.clone(),
        }),
        shared,
    };
    let shared = Shared::new(false);
    let ops = Service {
        router: ops::router(ops::OpsConfig {
            username: "admin".to_owned(),
            password: "password".to_owned(),
            api_keys: vec!["ops_key".to_owned()],
            jwt_secret: b"fuzz-secret".to_vec(),
            shared: shared.clone(),
        }),
        shared,
    };
    (platform, ops)
}

impl Harness {
    fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .expect("runtime");
        // The routers spawn nothing at build time, but build them inside the runtime anyway.
        let (platform, ops) = runtime.block_on(async { services() });
        Harness {
            runtime,
            platform,
            ops,
            inputs: 0,
        }
    }
}

thread_local! {
    static HARNESS: RefCell<Option<Harness>> = const { RefCell::new(None) };
}

struct Parsed {
    method: http::Method,
    uri: http::Uri,
    headers: http::HeaderMap,
    body: Vec<u8>,
}

/// `METHOD PATH [VERSION]\n` header lines `\n\n` body (CRLF accepted too).
fn parse(data: &[u8]) -> Option<Parsed> {
    let line_end = data.iter().position(|&b| b == b'\n')?;
    let line = &data[..line_end];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut parts = line.splitn(3, |&b| b == b' ');
    let method = http::Method::from_bytes(parts.next()?).ok()?;
    let uri = http::Uri::try_from(parts.next()?).ok()?;
    let rest = &data[line_end + 1..];
    let (head, body) = match find_blank_line(rest) {
        Some((end, body_start)) => (&rest[..end], &rest[body_start..]),
        None => (rest, &[][..]),
    };
    Some(Parsed {
        method,
        uri,
        headers: header_lines(head),
        body: body.to_vec(),
    })
}

fn find_blank_line(data: &[u8]) -> Option<(usize, usize)> {
    if data.starts_with(b"\n") {
        return Some((0, 1));
    }
    if data.starts_with(b"\r\n") {
        return Some((0, 2));
    }
    for i in 0..data.len() {
        if data[i..].starts_with(b"\n\n") {
            return Some((i, i + 2));
        }
        if data[i..].starts_with(b"\n\r\n") {
            return Some((i, i + 3));
        }
    }
    None
}

fn percent_decoded_lowercase(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = path.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).to_lowercase()
}

/// Requests that would make the sandbox talk to the network.
fn skipped(req: &Parsed) -> bool {
    let path = percent_decoded_lowercase(req.uri.path());
    if path.contains("webhook") {
        return true;
    }
    // A `source` string that is not an inline document is a URL to fetch.
    if path.contains("learn")
        && let Ok(serde_json::Value::Object(body)) =
            serde_json::from_slice::<serde_json::Value>(&req.body)
        && let Some(serde_json::Value::String(source)) = body.get("source")
    {
        return !source.trim_start().starts_with('{');
    }
    false
}

fn request(req: &Parsed) -> http::Request<Body> {
    let mut builder = http::Request::builder()
        .method(req.method.clone())
        .uri(req.uri.clone());
    if let Some(headers) = builder.headers_mut() {
        *headers = req.headers.clone();
    }
    builder
        .body(Body::from(req.body.clone()))
        .expect("parts were validated")
}

fn drive(runtime: &tokio::runtime::Runtime, service: &Service, req: &Parsed) {
    let faulted = req.headers.contains_key(FAULT_HEADER);
    let router = service.router.clone();
    let answer = runtime.block_on(async {
        tokio::time::timeout(HANG, async {
            let resp = router.oneshot(request(req)).await.expect("infallible");
            let (parts, body) = resp.into_parts();
            let body = axum::body::to_bytes(body, 256 << 20).await;
            (parts, body)
        })
        .await
    });
    let Ok((parts, body)) = answer else {
        assert!(
            faulted,
            "no answer within {HANG:?} (virtual) to {} {}",
            req.method, req.uri
        );
        return;
    };
    let status = parts.status;
    assert!(
        faulted || status.as_u16() < 500,
        "{status} to {} {} without an injected fault",
        req.method,
        req.uri
    );
    let body = match body {
        Ok(body) => body,
        Err(e) => {
            assert!(faulted, "body of {} {} failed: {e}", req.method, req.uri);
            return;
        }
    };
    if req.method != http::Method::HEAD
        && let Some(len) = parts.headers.get(http::header::CONTENT_LENGTH)
    {
        let len: usize = len
            .to_str()
            .ok()
            .and_then(|l| l.parse().ok())
            .expect("numeric Content-Length");
        assert_eq!(
            len,
            body.len(),
            "Content-Length of {} {}",
            req.method,
            req.uri
        );
    }
    let content_type = parts
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("application/json")
        && !faulted
        && !body.is_empty()
        && let Err(e) = serde_json::from_slice::<serde_json::Value>(&body)
    {
        panic!(
            "invalid JSON ({e}) answered to {} {}: {}",
            req.method,
            req.uri,
            String::from_utf8_lossy(&body)
        );
    }
    if content_type.starts_with("text/event-stream") {
        let mut decoder = agents_sdk::sse::Decoder::new();
        decoder.feed(&body).expect("the event stream decodes");
    }
}

fn reset(runtime: &tokio::runtime::Runtime, service: &Service) {
    service.shared.limiter.set_enforce(false);
    let router = service.router.clone();
    let req = http::Request::delete("/__sandbox/faults")
        .body(Body::empty())
        .expect("request");
    let resp = runtime.block_on(router.oneshot(req)).expect("infallible");
    assert!(
        resp.status().is_success(),
        "resetting faults: {}",
        resp.status()
    );
}

fuzz_target!(|data: &[u8]| {
    let Some(req) = parse(data) else {
        return;
    };
    if skipped(&req) {
        return;
    }
    HARNESS.with(|cell| {
        let mut slot = cell.borrow_mut();
        let harness = slot.get_or_insert_with(Harness::new);
        harness.inputs += 1;
        if harness.inputs % REBUILD_EVERY == 0 {
            let (platform, ops) = harness.runtime.block_on(async { services() });
            harness.platform = platform;
            harness.ops = ops;
        }
        let admin = req.uri.path().starts_with("/__sandbox");
        for service in [&harness.platform, &harness.ops] {
            drive(&harness.runtime, service, &req);
            if admin {
                reset(&harness.runtime, service);
            }
        }
    });
});
