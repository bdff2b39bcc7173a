//! Learned APIs: `GET /api/learned-apis` and `POST /api/learned-apis` (OpenAPI documents given
//! inline or fetched from a loopback URL), with their routes.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Json, Router, routing};
use serde_json::{Value, json};

use super::error::{ApiError, JsonBody, req_str};
use super::{Caller, OpsState};
use crate::common;

/// The (authenticated) routes of this module, merged by [`super::router`] under its
/// authentication, rate-limit, idempotency and contract layers.
pub(super) fn routes() -> Router<OpsState> {
    Router::new().route("/api/learned-apis", routing::get(list).post(learn))
}

/// Largest OpenAPI document fetched from a URL.
const MAX_DOC: usize = 5 * 1024 * 1024;
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The seed's learned Jira API.
pub(crate) fn seed_api() -> Value {
    json!({
        "id": "api_jira",
        "name": "Jira API",
        "endpoints": 47,
        "learned_at": "2024-01-15T09:00:00Z",
        "source": "https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json",
        "type": "openapi",
    })
}

pub(crate) async fn list(State(state): State<OpsState>) -> Json<Value> {
    Json(json!({ "apis": state.data().learned }))
}

/// Counts the (path, method) operations of an OpenAPI/Swagger document.
fn count_operations(doc: &Value) -> Result<usize, ApiError> {
    let paths = doc.get("paths").and_then(Value::as_object).ok_or_else(|| {
        ApiError::bad_param(
            "source",
            "El documento no es OpenAPI válido: falta el objeto 'paths'",
        )
    })?;
    Ok(paths
        .values()
        .filter_map(Value::as_object)
        .map(|item| {
            item.keys()
                .filter(|k| METHODS.contains(&k.as_str()))
                .count()
        })
        .sum())
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_').to_owned();
    if out.is_empty() {
        "api".to_owned()
    } else {
        out
    }
}

fn is_loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => bare.eq_ignore_ascii_case("localhost"),
    }
}

fn http_client() -> Result<reqwest::Client, ApiError> {
    // Loopback only: TLS is set up with an explicit provider and no trusted roots, so the
    // process-wide rustls provider is neither needed nor touched.
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map(|b| {
        b.with_root_certificates(rustls::RootCertStore::empty())
            .with_no_client_auth()
    })
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .timeout(Duration::from_secs(5))
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
}

async fn fetch(url_text: &str) -> Result<Value, ApiError> {
    let url = reqwest::Url::parse(url_text).map_err(|_| {
        ApiError::bad_param(
            "source",
            format!("'source' no es una URL válida: {url_text}"),
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") || !is_loopback(&url) {
        return Err(ApiError::bad_param(
            "source",
            "El sandbox solo descarga documentos desde loopback (127.0.0.0/8, ::1 o localhost)",
        ));
    }
    let fail = |why: String| {
        ApiError::bad_param(
            "source",
            format!("No se pudo obtener el documento de {url_text}: {why}"),
        )
    };
    let mut resp = http_client()?
        .get(url.clone())
        .send()
        .await
        .map_err(|e| fail(e.to_string()))?;
    if !resp.status().is_success() {
        return Err(fail(format!("HTTP {}", resp.status().as_u16())));
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| fail(e.to_string()))? {
        if body.len() + chunk.len() > MAX_DOC {
            return Err(fail("el documento excede 5 MiB".to_owned()));
        }
        body.extend_from_slice(&chunk);
    }
    serde_json::from_slice(&body).map_err(|e| fail(format!("no es JSON válido ({e})")))
}

/// `POST /api/learned-apis` `{"type": "openapi", "source"}`: answers 201 with the learned API.
pub(crate) async fn learn(
    State(state): State<OpsState>,
    Extension(Caller(caller)): Extension<Caller>,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let body = body.into_object()?;
    let kind = req_str(&body, "type")?;
    if kind != "openapi" {
        return Err(ApiError::bad_param(
            "type",
            format!("Tipo de API no soportado '{kind}' (admitido: openapi)"),
        ));
    }
    let (doc, source) = match body.get("source") {
        Some(Value::Object(_)) => (body["source"].clone(), "inline".to_owned()),
        Some(Value::String(text)) if text.trim_start().starts_with('{') => {
            let doc = serde_json::from_str(text).map_err(|e| {
                ApiError::bad_param("source", format!("'source' no es JSON válido: {e}"))
            })?;
            (doc, "inline".to_owned())
        }
        Some(Value::String(text)) if !text.trim().is_empty() => {
            (fetch(text.trim()).await?, text.trim().to_owned())
        }
        _ => {
            return Err(ApiError::bad_param(
                "source",
                "El parámetro 'source' es requerido (URL o documento OpenAPI)",
            ));
        }
    };
    let endpoints = count_operations(&doc)?;
    let name = doc["info"]["title"]
        .as_str()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or("API sin nombre")
        .to_owned();
    let api = {
        let mut data = state.data();
        let base = format!("api_{}", slug(&name));
        let mut id = base.clone();
        let mut n = 2;
        while data.learned.iter().any(|a| a["id"] == id.as_str()) {
            id = format!("{base}_{n}");
            n += 1;
        }
        let api = json!({
            "id": id,
            "name": name,
            "endpoints": endpoints,
            "learned_at": common::now_rfc3339(),
            "source": source,
            "type": "openapi",
        });
        data.learned.push(api.clone());
        api
    };
    state.emit(
        &caller.user,
        "api.learned",
        json!({"api_id": api["id"], "name": api["name"], "endpoints": endpoints}),
    );
    Ok((StatusCode::CREATED, Json(api)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_and_ids() {
        let doc = json!({"paths": {"/a": {"get": {}, "post": {}, "parameters": []}, "/b": {"delete": {}}}});
        assert_eq!(count_operations(&doc).ok(), Some(3));
        assert!(count_operations(&json!({"info": {}})).is_err());
        assert_eq!(slug("Pet Store API v2!"), "pet_store_api_v2");
        assert_eq!(slug("***"), "api");
    }

    #[test]
    fn loopback_only() {
        let ok = |u: &str| is_loopback(&reqwest::Url::parse(u).expect("url"));
        assert!(ok("http://127.0.0.1:9/x"));
        assert!(ok("http://127.1.2.3/x"));
        assert!(ok("http://localhost:8080/x"));
        assert!(ok("http://[::1]/x"));
        assert!(!ok("http://example.com/x"));
        assert!(!ok("http://10.0.0.1/x"));
    }
}
