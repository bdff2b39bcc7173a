//! Rate-limit and `Retry-After` parsing from arbitrary header lines.
//!
//! Input: `name: value` lines; when the input has no such line, its bytes are used as the value
//! of `Retry-After` and of the three `X-RateLimit-*` headers. Properties: nothing panics, and
//! every wait derived from the headers is at most `MAX_REPORTED_WAIT`.
#![no_main]

use agents_fuzz::header_lines;
use agents_sdk::ratelimit::{MAX_REPORTED_WAIT, RateLimit, parse_retry_after};
use libfuzzer_sys::fuzz_target;

fn check(headers: &http::HeaderMap) {
    if let Some(wait) = parse_retry_after(headers) {
        assert!(wait <= MAX_REPORTED_WAIT, "Retry-After gave {wait:?}");
    }
    let rate_limit = RateLimit::from_headers(headers);
    let has_number = [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
    ]
    .iter()
    .any(|name| {
        headers
            .get(*name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().parse::<u64>().is_ok())
    });
    assert_eq!(rate_limit.is_some(), has_number);
    if let Some(rl) = rate_limit
        && let Some(wait) = rl.reset_after()
    {
        assert!(wait <= MAX_REPORTED_WAIT, "X-RateLimit-Reset gave {wait:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let headers = header_lines(data);
    check(&headers);
    if let Ok(value) = http::HeaderValue::from_bytes(data) {
        let mut headers = http::HeaderMap::new();
        for name in [
            "retry-after",
            "x-ratelimit-limit",
            "x-ratelimit-remaining",
            "x-ratelimit-reset",
        ] {
            headers.insert(name, value.clone());
        }
        check(&headers);
    }
});
