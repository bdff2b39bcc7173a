//! Hardening of both services: the body size limit (413 before reading the body), bounded
//! bookkeeping under floods of made-up credentials, the guard of the `/__sandbox` control
//! routes, and `X-Sandbox-Fault` honoured only on authenticated requests.

use std::time::Duration;

use agents_sandbox::Sandbox;
use agents_sandbox::common::{self, Shared};
use agents_sandbox::{ops, platform};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .expect("client")
}

/// `host:port` of a URL such as `http://127.0.0.1:1234/api`.
fn authority(url: &str) -> String {
    url.trim_start_matches("http://")
        .split('/')
        .next()
        .expect("authority")
        .to_owned()
}

/// A raw HTTP/1.1 answer: status, lowercase headers, body.
#[derive(Debug)]
struct RawAnswer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Value,
}

impl RawAnswer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads one answer with a `Content-Length` from `stream` (within 5 s).
async fn read_answer<R: AsyncRead + Unpin>(stream: &mut R) -> RawAnswer {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).into_owned();
            let mut lines = head.split("\r\n");
            let status = lines
                .next()
                .and_then(|l| l.split(' ').nth(1))
                .and_then(|s| s.parse().ok())
                .expect("status line");
            let headers: Vec<(String, String)> = lines
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
                .collect();
            let len: usize = headers
                .iter()
                .find(|(k, _)| k == "content-length")
                .and_then(|(_, v)| v.parse().ok())
                .expect("content-length");
            if buf.len() >= end + 4 + len {
                let body = serde_json::from_slice(&buf[end + 4..end + 4 + len]).expect("json");
                return RawAnswer {
                    status,
                    headers,
                    body,
                };
            }
        }
        let n = tokio::time::timeout_at(deadline, stream.read(&mut chunk))
            .await
            .expect("an answer within 5 s")
            .expect("read");
        assert!(
            n > 0,
            "closed before a whole answer: {:?}",
            String::from_utf8_lossy(&buf)
        );
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Sends only the head of a request that announces `length` body bytes, and reads the answer.
async fn announce_body(url: &str, path: &str, token: Option<&str>, length: u64) -> RawAnswer {
    let host = authority(url);
    let mut stream = TcpStream::connect(&host).await.expect("connect");
    let auth = token.map_or(String::new(), |t| format!("Authorization: Bearer {t}\r\n"));
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\n{auth}Content-Type: application/json\r\n\
         Content-Length: {length}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    read_answer(&mut stream).await
}

/// Sends a chunked body of `chunks` × 64 KiB that never ends (no last chunk), and reads the
/// answer.
async fn endless_chunked(url: &str, path: &str, token: &str, chunks: usize) -> RawAnswer {
    let host = authority(url);
    let stream = TcpStream::connect(&host).await.expect("connect");
    let (mut read, mut write) = stream.into_split();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    let writer = tokio::spawn(async move {
        write.write_all(head.as_bytes()).await?;
        let piece = vec![b' '; 64 * 1024];
        for _ in 0..chunks {
            write.write_all(b"10000\r\n").await?;
            write.write_all(&piece).await?;
            write.write_all(b"\r\n").await?;
        }
        // Keep the request open: the body never ends.
        tokio::time::sleep(Duration::from_secs(10)).await;
        Ok::<_, std::io::Error>(write)
    });
    let answer = read_answer(&mut read).await;
    writer.abort();
    answer
}

fn assert_platform_413(a: &RawAnswer) {
    assert_eq!(a.status, 413, "{a:?}");
    assert_eq!(a.body["error"]["code"], "PAYLOAD_TOO_LARGE", "{a:?}");
    assert_eq!(a.body["error"]["details"]["limit"], 1 << 20);
    assert!(a.body["meta"]["requestId"].is_string(), "{a:?}");
}

#[tokio::test]
async fn an_announced_oversized_body_is_refused_before_it_is_sent() {
    let sb = Sandbox::start().await.expect("sandbox");
    let platform = sb.platform_url();
    // A JSON route: answered at once, not after waiting for 5 MB that never come.
    let a = announce_body(&platform, "/api/agents", Some(sb.api_key()), 5_000_000).await;
    assert_platform_413(&a);
    assert_eq!(a.header("content-type"), Some("application/json"));
    assert!(a.header("x-ratelimit-limit").is_some());
    // A route that ignores its body is limited too.
    let a = announce_body(
        &platform,
        "/api/auth/signout",
        Some(sb.api_key()),
        1_048_577,
    )
    .await;
    assert_platform_413(&a);
    // Ops, in its own format (no `meta`).
    let a = announce_body(
        &sb.ops_url(),
        "/api/chat",
        Some(sb.ops_api_key()),
        2_000_000,
    )
    .await;
    assert_eq!(a.status, 413, "{a:?}");
    assert_eq!(a.body["error"]["code"], "PAYLOAD_TOO_LARGE");
    assert!(a.body.get("meta").is_none());
    assert!(a.header("x-request-id").is_some());
    // The control routes as well.
    let a = announce_body(&sb.ops_url(), "/__sandbox/faults", None, 2_000_000).await;
    assert_eq!(a.status, 413, "{a:?}");
    assert_eq!(a.body["error"]["code"], "PAYLOAD_TOO_LARGE");
}

/// A client that is still writing an oversized body when the `413` comes (what every HTTP client
/// does with a `Content-Length` body) can finish writing and then read the answer: the server
/// reads and discards the rest instead of closing with unread bytes, which would make the kernel
/// reset the connection and lose the answer (a flaky "broken pipe" in clients under load).
#[tokio::test]
async fn an_oversized_body_being_sent_gets_its_413_not_a_reset() {
    let sb = Sandbox::start().await.expect("sandbox");
    for (url, path, token) in [
        (sb.platform_url(), "/api/agents", sb.api_key()),
        (sb.ops_url(), "/api/chat", sb.ops_api_key()),
    ] {
        let host = authority(&url);
        let mut stream = TcpStream::connect(&host).await.expect("connect");
        let length = 1_100_000usize;
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
        );
        let mut first = head.into_bytes();
        first.extend(std::iter::repeat_n(b' ', 64 * 1024));
        stream.write_all(&first).await.expect("write the head");
        // The server answers and closes its side while 64 KiB of the body sit unread.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let rest = vec![b' '; length - 64 * 1024];
        stream
            .write_all(&rest)
            .await
            .expect("the rest of the body is accepted (and discarded), not reset");
        let a = read_answer(&mut stream).await;
        assert_eq!(a.status, 413, "{a:?}");
        assert_eq!(a.body["error"]["code"], "PAYLOAD_TOO_LARGE", "{a:?}");
        // Then the server's end of the connection: end-of-stream, not a reset.
        let mut tail = [0u8; 16];
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut tail))
            .await
            .expect("end-of-stream within 5 s")
            .expect("no reset");
        assert_eq!(n, 0);
    }
}

#[tokio::test]
async fn a_chunked_body_is_cut_at_the_limit() {
    let sb = Sandbox::start().await.expect("sandbox");
    // 20 × 64 KiB = 1.25 MiB, and the body never ends: the answer comes once 1 MiB is passed.
    let a = endless_chunked(&sb.platform_url(), "/api/auth/signout", sb.api_key(), 20).await;
    assert_platform_413(&a);
    let a = endless_chunked(&sb.ops_url(), "/api/conversations", sb.ops_api_key(), 20).await;
    assert_eq!(a.status, 413, "{a:?}");
    assert_eq!(a.body["error"]["code"], "PAYLOAD_TOO_LARGE");
}

#[tokio::test]
async fn a_body_at_the_limit_is_accepted() {
    let sb = Sandbox::start().await.expect("sandbox");
    let http = client();
    // Exactly 1 MiB of JSON.
    let pad = (1 << 20) - r#"{"title":""}"#.len();
    let body = format!(r#"{{"title":"{}"}}"#, "x".repeat(pad));
    assert_eq!(body.len(), 1 << 20);
    let r = http
        .post(format!("{}/api/conversations", sb.ops_url()))
        .bearer_auth(sb.ops_api_key())
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("send");
    assert_eq!(r.status(), 201);
}

// ---------------------------------------------------------------------------------------------
// Floods of made-up credentials
// ---------------------------------------------------------------------------------------------

async fn serve(router: axum::Router) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (format!("http://{addr}"), task)
}

const OPS_KEY: &str = "ops_flood_test_key";
const PLATFORM_KEY: &str = "cj_test_flood_user";
const PLATFORM_ADMIN: &str = "cj_test_flood_admin";

async fn ops_service(shared: &Shared) -> (String, tokio::task::JoinHandle<()>) {
    serve(ops::router(ops::OpsConfig {
        username: "admin".to_owned(),
        password: "password".to_owned(),
        api_keys: vec![OPS_KEY.to_owned()],
        jwt_secret: b"flood-secret".to_vec(),
        shared: shared.clone(),
    }))
    .await
}

async fn platform_service(shared: &Shared) -> (String, tokio::task::JoinHandle<()>) {
    serve(platform::router(platform::PlatformConfig {
        api_key: PLATFORM_KEY.to_owned(),
        admin_api_key: PLATFORM_ADMIN.to_owned(),
        shared: shared.clone(),
    }))
    .await
}

/// Sends `n` requests built by `make`, 64 at a time; returns how many answers had each status.
async fn flood<F>(n: usize, make: F) -> std::collections::BTreeMap<u16, usize>
where
    F: Fn(usize) -> reqwest::RequestBuilder,
{
    let mut statuses = std::collections::BTreeMap::new();
    let all: Vec<usize> = (0..n).collect();
    for chunk in all.chunks(64) {
        let answers = futures::future::join_all(chunk.iter().map(|&i| make(i).send())).await;
        for answer in answers {
            let status = answer.expect("send").status().as_u16();
            *statuses.entry(status).or_default() += 1;
        }
    }
    statuses
}

#[tokio::test]
async fn login_attempts_with_made_up_names_keep_the_limiter_flat() {
    let shared = Shared::new(false);
    let (base, server) = ops_service(&shared).await;
    let http = client();
    let statuses = flood(20_000, |i| {
        http.post(format!("{base}/api/auth/login"))
            .header("content-type", "application/json")
            .body(json!({"username": format!("bogus-{i}"), "password": "x"}).to_string())
    })
    .await;
    assert_eq!(statuses.get(&401), Some(&20_000), "{statuses:?}");
    assert!(
        shared.limiter.tracked_keys() <= 1,
        "{} windows",
        shared.limiter.tracked_keys()
    );
    // The real user still has a window of its own, untouched by the flood.
    shared.limiter.set_enforce(true);
    let ok = http
        .post(format!("{base}/api/auth/login"))
        .header("content-type", "application/json")
        .body(json!({"username": "admin", "password": "password"}).to_string())
        .send()
        .await
        .expect("send");
    assert_eq!(ok.status(), 200);
    assert_eq!(
        ok.headers()
            .get("x-ratelimit-remaining")
            .and_then(|v| v.to_str().ok()),
        Some("59")
    );
    // Unknown names share one window, which the flood used up.
    let other = http
        .post(format!("{base}/api/auth/login"))
        .header("content-type", "application/json")
        .body(json!({"username": "someone", "password": "x"}).to_string())
        .send()
        .await
        .expect("send");
    assert_eq!(other.status(), 429);
    assert!(shared.limiter.tracked_keys() <= 2);
    server.abort();
}

#[tokio::test]
async fn made_up_api_keys_grow_no_map() {
    let shared = Shared::new(false);
    let (base, server) = platform_service(&shared).await;
    let http = client();
    let statuses = flood(10_000, |i| {
        http.post(format!("{base}/api/agents"))
            .bearer_auth(format!("cj_live_bogus_{i}"))
            .header("Idempotency-Key", format!("idem-{i}"))
            .header("X-Sandbox-Fault", format!("status=503;count=1;id=f-{i}"))
            .header("content-type", "application/json")
            .body(r#"{"name": "x"}"#)
    })
    .await;
    assert_eq!(statuses.get(&401), Some(&10_000), "{statuses:?}");
    assert!(shared.limiter.tracked_keys() <= 1);
    assert_eq!(shared.faults.tracked_ids(), 0);
    assert!(shared.idempotency.is_empty());
    server.abort();

    let shared = Shared::new(false);
    let (base, server) = ops_service(&shared).await;
    let statuses = flood(5_000, |i| {
        http.post(format!("{base}/api/conversations"))
            .bearer_auth(format!("bogus-{i}"))
            .header("Idempotency-Key", format!("idem-{i}"))
            .header("X-Sandbox-Fault", format!("status=503;count=1;id=f-{i}"))
            .header("content-type", "application/json")
            .body("{}")
    })
    .await;
    assert_eq!(statuses.get(&401), Some(&5_000), "{statuses:?}");
    assert_eq!(shared.limiter.tracked_keys(), 0);
    assert_eq!(shared.faults.tracked_ids(), 0);
    assert!(shared.idempotency.is_empty());
    server.abort();
}

#[tokio::test]
async fn fault_ids_are_tracked_up_to_a_cap() {
    let shared = Shared::new(false);
    let (base, server) = platform_service(&shared).await;
    let http = client();
    let n = common::MAX_FAULT_IDS + 1_000;
    let statuses = flood(n, |i| {
        http.get(format!("{base}/api/agents"))
            .bearer_auth(PLATFORM_KEY)
            .header("X-Sandbox-Fault", format!("status=503;count=1;id=cap-{i}"))
    })
    .await;
    assert_eq!(statuses.get(&503), Some(&n), "{statuses:?}");
    assert_eq!(shared.faults.tracked_ids(), common::MAX_FAULT_IDS);
    // A recent id still counts: its one failure is spent.
    let recent = http
        .get(format!("{base}/api/agents"))
        .bearer_auth(PLATFORM_KEY)
        .header(
            "X-Sandbox-Fault",
            format!("status=503;count=1;id=cap-{}", n - 1),
        )
        .send()
        .await
        .expect("send");
    assert_eq!(recent.status(), 200);
    server.abort();
}

// ---------------------------------------------------------------------------------------------
// Control routes
// ---------------------------------------------------------------------------------------------

async fn control(
    http: &reqwest::Client,
    origin_url: &str,
    path: &str,
    content_type: Option<&str>,
    extra: &[(&str, String)],
    body: &str,
) -> (StatusCode, Value) {
    let mut req = http
        .post(format!("{origin_url}{path}"))
        .body(body.to_owned());
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    for (k, v) in extra {
        req = req.header(*k, v);
    }
    let resp = req.send().await.expect("send");
    let status = resp.status();
    let body = serde_json::from_slice(&resp.bytes().await.expect("body")).unwrap_or(Value::Null);
    (status, body)
}

async fn platform_status(http: &reqwest::Client, sb: &Sandbox) -> StatusCode {
    http.get(format!("{}/agents", sb.platform_url()))
        .bearer_auth(sb.api_key())
        .send()
        .await
        .expect("send")
        .status()
}

#[tokio::test]
async fn control_routes_refuse_form_content_types() {
    let sb = Sandbox::start().await.expect("sandbox");
    let http = client();
    let platform_origin = format!("http://{}", authority(&sb.platform_url()));
    for origin in [platform_origin.clone(), sb.ops_url()] {
        for ct in [
            None,
            Some("text/plain"),
            Some("text/plain;charset=UTF-8"),
            Some("application/x-www-form-urlencoded"),
            Some("multipart/form-data; boundary=x"),
        ] {
            let (status, body) = control(
                &http,
                &origin,
                "/__sandbox/faults",
                ct,
                &[],
                r#"{"status": 503}"#,
            )
            .await;
            assert_eq!(status, 415, "{ct:?}: {body}");
            assert_eq!(body["error"]["code"], "UNSUPPORTED_MEDIA_TYPE");
        }
    }
    assert_eq!(platform_status(&http, &sb).await, 200, "no plan was set");
    let (status, _) = control(
        &http,
        &platform_origin,
        "/__sandbox/faults",
        Some("application/json; charset=utf-8"),
        &[],
        r#"{"status": 503}"#,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(platform_status(&http, &sb).await, 503);
    let cleared = http
        .delete(format!("{platform_origin}/__sandbox/faults"))
        .send()
        .await
        .expect("send");
    assert_eq!(cleared.status(), 200);
    assert_eq!(platform_status(&http, &sb).await, 200);
}

#[tokio::test]
async fn control_routes_refuse_other_origins() {
    let sb = Sandbox::start().await.expect("sandbox");
    let http = client();
    let host = authority(&sb.platform_url());
    let own = format!("http://{host}");
    let json_ct = Some("application/json");
    let foreign = [
        vec![("origin", "http://evil.example".to_owned())],
        vec![("origin", "null".to_owned())],
        vec![("origin", format!("https://{host}"))],
        vec![("origin", "http://localhost:1".to_owned())],
        // A DNS-rebound name: Origin and Host agree, but Host is not the loopback.
        vec![
            ("origin", "http://evil.example".to_owned()),
            ("host", "evil.example".to_owned()),
        ],
        vec![("sec-fetch-site", "cross-site".to_owned())],
        vec![("sec-fetch-site", "same-site".to_owned())],
    ];
    for extra in &foreign {
        let (status, body) = control(
            &http,
            &own,
            "/__sandbox/faults",
            json_ct,
            extra,
            r#"{"status": 503}"#,
        )
        .await;
        assert_eq!(status, 403, "{extra:?}: {body}");
        assert_eq!(body["error"]["code"], "FORBIDDEN");
        let (status, _) = control(
            &http,
            &sb.ops_url(),
            "/__sandbox/config",
            json_ct,
            extra,
            r#"{"enforce_rate_limits": true}"#,
        )
        .await;
        assert_eq!(status, 403, "{extra:?}");
    }
    let evil_delete = http
        .delete(format!("{own}/__sandbox/faults"))
        .header("origin", "http://evil.example")
        .send()
        .await
        .expect("send");
    assert_eq!(evil_delete.status(), 403);
    let evil_get = http
        .get(format!("{own}/__sandbox/health"))
        .header("origin", "http://evil.example")
        .send()
        .await
        .expect("send");
    assert_eq!(evil_get.status(), 403);
    assert_eq!(platform_status(&http, &sb).await, 200, "no plan was set");

    // The sandbox's own origin (and a browser's same-origin marker) are fine.
    let same = [
        vec![("origin", own.clone())],
        vec![
            ("origin", own.clone()),
            ("sec-fetch-site", "same-origin".to_owned()),
        ],
    ];
    for extra in &same {
        let (status, body) = control(&http, &own, "/__sandbox/config", json_ct, extra, "{}").await;
        assert_eq!(status, 200, "{extra:?}: {body}");
    }
    let ops_host = authority(&sb.ops_url());
    let (status, _) = control(
        &http,
        &sb.ops_url(),
        "/__sandbox/config",
        json_ct,
        &[("origin", format!("http://{ops_host}"))],
        "{}",
    )
    .await;
    assert_eq!(status, 200);
}

// ---------------------------------------------------------------------------------------------
// X-Sandbox-Fault needs an authenticated request
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_fault_header_is_ignored_without_credentials() {
    let sb = Sandbox::start().await.expect("sandbox");
    let http = client();
    let platform = sb.platform_url();
    let signin = http
        .post(format!("{platform}/auth/signin"))
        .header("X-Sandbox-Fault", "status=503")
        .send()
        .await
        .expect("send");
    assert_eq!(signin.status(), 302, "no credential: no fault");
    let bogus = http
        .get(format!("{platform}/users/me"))
        .bearer_auth("cj_live_bogus")
        .header("X-Sandbox-Fault", "status=503")
        .send()
        .await
        .expect("send");
    assert_eq!(bogus.status(), 401);
    let started = std::time::Instant::now();
    let slow = http
        .get(format!("{platform}/users/me"))
        .header("X-Sandbox-Fault", "latency=20000")
        .send()
        .await
        .expect("send");
    assert_eq!(slow.status(), 401);
    // refused before the fault's 20 s wait (a bound far from it: a loaded machine is slow)
    assert!(started.elapsed() < Duration::from_secs(15));
    let authed = http
        .get(format!("{platform}/users/me"))
        .bearer_auth(sb.api_key())
        .header("X-Sandbox-Fault", "status=503")
        .send()
        .await
        .expect("send");
    assert_eq!(authed.status(), 503);

    let ops = sb.ops_url();
    let login = http
        .post(format!("{ops}/api/auth/login"))
        .header("content-type", "application/json")
        .header("X-Sandbox-Fault", "status=503")
        .body(json!({"username": sb.username(), "password": sb.password()}).to_string())
        .send()
        .await
        .expect("send");
    assert_eq!(login.status(), 200);
    let token = serde_json::from_slice::<Value>(&login.bytes().await.expect("body")).expect("json")
        ["access_token"]
        .as_str()
        .expect("token")
        .to_owned();
    for bad in [None, Some("not-a-token")] {
        let mut req = http
            .get(format!("{ops}/api/metrics"))
            .header("X-Sandbox-Fault", "status=503");
        if let Some(bad) = bad {
            req = req.bearer_auth(bad);
        }
        assert_eq!(req.send().await.expect("send").status(), 401);
    }
    for good in [token.as_str(), sb.ops_api_key()] {
        let faulted = http
            .get(format!("{ops}/api/metrics"))
            .bearer_auth(good)
            .header("X-Sandbox-Fault", "status=503")
            .send()
            .await
            .expect("send");
        assert_eq!(faulted.status(), 503);
        let body: Value =
            serde_json::from_slice(&faulted.bytes().await.expect("body")).expect("json");
        assert_eq!(body["error"]["code"], "SERVICE_UNAVAILABLE");
    }

    // The sandbox-wide plan (set through the control route) applies to every request.
    let (status, _) = control(
        &http,
        &ops,
        "/__sandbox/faults",
        Some("application/json"),
        &[],
        r#"{"status": 503, "count": 1}"#,
    )
    .await;
    assert_eq!(status, 200);
    let anon = http
        .post(format!("{ops}/api/auth/login"))
        .header("content-type", "application/json")
        .body(json!({"username": sb.username(), "password": sb.password()}).to_string())
        .send()
        .await
        .expect("send");
    assert_eq!(anon.status(), 503);
}
