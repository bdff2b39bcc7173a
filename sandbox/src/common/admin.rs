//! The `/__sandbox/*` control routes ([`admin_router`]) and their guard against requests from
//! other web pages.

use axum::Router;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

use super::Shared;
use super::body_limit::content_length;
use super::faults::FaultSpec;

fn admin_answer(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        axum::Json(json!({ "error": { "code": code, "message": message, "details": {} } })),
    )
        .into_response()
}

fn admin_error(message: &str) -> Response {
    admin_answer(StatusCode::BAD_REQUEST, "INVALID_REQUEST", message)
}

/// Whether `host` (a `Host` header value) names the loopback interface.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().map(|h| format!("[{h}]")),
        None => host.split(':').next().map(str::to_owned),
    };
    name.is_some_and(|n| {
        let n = n.to_ascii_lowercase();
        n == "localhost"
            || n == "[::1]"
            || n.parse::<std::net::Ipv4Addr>()
                .is_ok_and(|ip| ip.is_loopback())
    })
}

/// Whether a request to the admin routes comes from a page of another origin: an `Origin` that is
/// not `http://<Host>` (with `Host` a loopback name, so a DNS-rebound name is foreign too), or a
/// browser's `Sec-Fetch-Site` other than `same-origin` / `none`.
fn cross_site(headers: &http::HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        let site = site.to_str().unwrap_or("");
        if !site.eq_ignore_ascii_case("same-origin") && !site.eq_ignore_ascii_case("none") {
            return true;
        }
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::trim)
        .filter(|h| is_loopback_host(h));
    match (origin.to_str(), host) {
        (Ok(origin), Some(host)) => !origin
            .trim()
            .strip_prefix("http://")
            .is_some_and(|o| o.eq_ignore_ascii_case(host)),
        _ => true,
    }
}

fn has_body(req: &Request) -> bool {
    matches!(
        *req.method(),
        http::Method::POST | http::Method::PUT | http::Method::PATCH
    ) || req.headers().contains_key(header::TRANSFER_ENCODING)
        || content_length(req.headers()).is_some_and(|n| n > 0)
}

fn is_json(headers: &http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|ct| ct.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

/// Keeps other web pages away from the admin routes: a cross-site request is `403 FORBIDDEN`,
/// and a `POST`/`PUT`/`PATCH` (or any request with a body) without
/// `Content-Type: application/json` is `415 UNSUPPORTED_MEDIA_TYPE` (the content types a page
/// may send without a CORS preflight are all refused that way).
async fn admin_guard(req: Request, next: Next) -> Response {
    if cross_site(req.headers()) {
        return admin_answer(
            StatusCode::FORBIDDEN,
            "FORBIDDEN",
            "Cross-origin requests to the sandbox control routes are refused",
        );
    }
    if has_body(&req) && !is_json(req.headers()) {
        return admin_answer(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "The sandbox control routes accept only Content-Type: application/json",
        );
    }
    next.run(req).await
}

fn parse_admin_body(body: &Bytes) -> Result<Value, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    serde_json::from_slice(body).map_err(|e| format!("malformed JSON: {e}"))
}

/// `/__sandbox/faults` (POST, DELETE), `/__sandbox/health` (GET) and `/__sandbox/config`
/// (GET, POST), behind a guard against cross-site requests (see `admin_guard`). Merge it into the
/// service router.
pub fn admin_router(shared: &Shared) -> axum::Router {
    let faults_post = {
        let faults = shared.faults.clone();
        move |body: Bytes| async move {
            let value = match parse_admin_body(&body) {
                Ok(v) => v,
                Err(msg) => return admin_error(&msg),
            };
            match FaultSpec::from_json(&value) {
                Ok(spec) => {
                    faults.set_global(spec);
                    axum::Json(json!({ "ok": true })).into_response()
                }
                Err(msg) => admin_error(&msg),
            }
        }
    };
    let faults_delete = {
        let faults = shared.faults.clone();
        move || async move {
            faults.clear();
            axum::Json(json!({ "ok": true }))
        }
    };
    let config_get = {
        let limiter = shared.limiter.clone();
        move || async move { axum::Json(json!({ "enforce_rate_limits": limiter.enforced() })) }
    };
    let config_post = {
        let limiter = shared.limiter.clone();
        move |body: Bytes| async move {
            let value = match parse_admin_body(&body) {
                Ok(v) => v,
                Err(msg) => return admin_error(&msg),
            };
            let Some(obj) = value.as_object() else {
                return admin_error("expected a JSON object");
            };
            match obj.get("enforce_rate_limits") {
                None => {}
                Some(Value::Bool(on)) => limiter.set_enforce(*on),
                Some(_) => return admin_error("`enforce_rate_limits` must be a boolean"),
            }
            axum::Json(json!({ "enforce_rate_limits": limiter.enforced() })).into_response()
        }
    };
    Router::new()
        .route("/__sandbox/faults", post(faults_post).delete(faults_delete))
        .route(
            "/__sandbox/health",
            get(|| async { axum::Json(json!({ "ok": true })) }),
        )
        .route("/__sandbox/config", get(config_get).post(config_post))
        .route_layer(axum::middleware::from_fn(admin_guard))
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn loopback_hosts_and_cross_site_requests() {
        for host in [
            "127.0.0.1:3000",
            "localhost:8000",
            "LOCALHOST",
            "[::1]:80",
            "127.0.0.2",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "10.0.0.1:80",
            "[::2]:80",
            "127.0.0.1.evil.example",
            "",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
        let h = |pairs: &[(&'static str, &'static str)]| {
            let mut m = http::HeaderMap::new();
            for (k, v) in pairs {
                m.insert(*k, HeaderValue::from_static(v));
            }
            m
        };
        assert!(!cross_site(&h(&[("host", "127.0.0.1:3000")])));
        assert!(!cross_site(&h(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000")
        ])));
        assert!(cross_site(&h(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3001")
        ])));
        assert!(cross_site(&h(&[("origin", "http://127.0.0.1:3000")])));
        assert!(cross_site(&h(&[("sec-fetch-site", "cross-site")])));
        assert!(!cross_site(&h(&[("sec-fetch-site", "none")])));
    }
}
