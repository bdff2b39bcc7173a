//! What every answer of both services carries: request ids, timestamps, JSON bodies, and the
//! [`ErrorRenderer`] that draws an error in a service's own format.

use std::sync::atomic::Ordering;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// A new request id: `req_` followed by 16 lowercase hex digits, unique in this process and
/// unpredictable across runs (a random start mixed by a bijection, so no syscall per id).
pub fn request_id() -> String {
    static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let seed = *SEED.get_or_init(|| uuid::Uuid::new_v4().as_u64_pair().0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    // splitmix64's finalizer: a bijection on u64, so distinct counters give distinct ids
    let mut z = seed.wrapping_add(n.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    format!("req_{z:016x}")
}

/// The current time as RFC 3339 in UTC with seconds and a `Z` suffix.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A `200`-style JSON answer serialized straight into its body (no intermediate `Value`).
pub fn json_response<T: serde::Serialize + ?Sized>(status: StatusCode, body: &T) -> Response {
    let mut buf = Vec::with_capacity(1024);
    match serde_json::to_writer(&mut buf, body) {
        Ok(()) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            buf,
        )
            .into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot encode the answer: {e}"),
        )
            .into_response(),
    }
}

/// Renders an error in a service's own error format.
///
/// The fault layer calls it with the canonical code for the status: 400 `VALIDATION_ERROR`,
/// 401 `UNAUTHORIZED`, 403 `FORBIDDEN`, 404 `NOT_FOUND`, 409 `CONFLICT`, 413
/// `PAYLOAD_TOO_LARGE`, 429 `RATE_LIMIT_EXCEEDED`, 500 `INTERNAL_ERROR`, 503
/// `SERVICE_UNAVAILABLE`, anything else `ERROR`. A renderer may rewrite a code for its service
/// (the ops service names 400 `INVALID_REQUEST`).
pub type ErrorRenderer = fn(
    status: axum::http::StatusCode,
    code: &str,
    message: &str,
    details: serde_json::Value,
) -> axum::response::Response;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_well_formed_and_unique() {
        let a = request_id();
        let b = request_id();
        assert_eq!(a.len(), 20);
        assert!(a.starts_with("req_"));
        assert!(
            a[4..]
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_ne!(a, b);
    }

    #[test]
    fn timestamp_shape() {
        let t = now_rfc3339();
        assert_eq!(t.len(), 20, "{t}");
        assert!(t.ends_with('Z'));
        assert!(chrono::DateTime::parse_from_rfc3339(&t).is_ok());
    }
}
