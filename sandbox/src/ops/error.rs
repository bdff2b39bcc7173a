//! The ops service's error format, `{"error": {"code", "message", "details"}}`, and the JSON
//! body extractor that maps every bad body to that format instead of axum's plain-text rejections.

use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{Value, json};

/// The error code the ops service uses for an HTTP status.
pub(crate) fn code_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "INVALID_REQUEST",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        405 => "METHOD_NOT_ALLOWED",
        413 => "PAYLOAD_TOO_LARGE",
        415 => "UNSUPPORTED_MEDIA_TYPE",
        426 => "UPGRADE_REQUIRED",
        429 => "RATE_LIMIT_EXCEEDED",
        503 => "SERVICE_UNAVAILABLE",
        _ => "INTERNAL_ERROR",
    }
}

/// Renders an error body in the ops format. Matches `common::ErrorRenderer`.
pub(crate) fn render(status: StatusCode, code: &str, message: &str, details: Value) -> Response {
    let details = if details.is_null() {
        json!({})
    } else {
        details
    };
    let body = json!({"error": {"code": code, "message": message, "details": details}});
    let mut resp = (status, body.to_string()).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

/// Renderer handed to the shared fault layer: whatever code the layer proposes, injected
/// statuses are rendered with the ops service's own code for that status.
pub(crate) fn render_fault(
    status: StatusCode,
    _code: &str,
    message: &str,
    details: Value,
) -> Response {
    render(status, code_for(status), message, details)
}

/// Renderer handed to the shared body-limit and idempotency layers: their codes are kept
/// (`PAYLOAD_TOO_LARGE`, `IDEMPOTENCY_KEY_REUSED`, `IDEMPOTENCY_KEY_IN_USE`), except that a 400
/// takes the ops service's `INVALID_REQUEST`.
pub(crate) fn render_shared(
    status: StatusCode,
    code: &str,
    message: &str,
    details: Value,
) -> Response {
    let code = if status == StatusCode::BAD_REQUEST {
        code_for(status)
    } else {
        code
    };
    render(status, code, message, details)
}

/// An error answer of the ops service.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub details: Value,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            details: json!({}),
            retry_after: None,
        }
    }

    pub fn with_details(mut self, details: Value) -> Self {
        self.details = details;
        self
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    /// A 400 naming the offending request parameter in `details.parameter`.
    pub fn bad_param(parameter: &str, message: impl Into<String>) -> Self {
        Self::bad_request(message)
            .with_details(json!({ "field": parameter, "parameter": parameter }))
    }

    /// A 400 naming the offending configuration field in `details.field`.
    pub fn bad_field(field: &str, message: impl Into<String>) -> Self {
        Self::bad_request(message).with_details(json!({ "field": field }))
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// The error object as it appears inside an SSE/WebSocket `error` event.
    pub fn to_event(&self) -> Value {
        json!({
            "type": "error",
            "error": {
                "code": code_for(self.status),
                "message": self.message,
                "details": self.details,
            }
        })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut resp = render(
            self.status,
            code_for(self.status),
            &self.message,
            self.details,
        );
        if let Some(secs) = self.retry_after {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        resp
    }
}

/// A JSON request body parsed into a [`Value`] (an empty body is `Null`). Oversized bodies give
/// 413, unreadable or malformed ones 400, a body not sent as JSON (`Content-Type`) 415, always
/// in the ops error format.
#[derive(Debug)]
pub(crate) struct JsonBody(pub Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = crate::common::is_json_content_type(req.headers());
        let bytes = Bytes::from_request(req, state).await.map_err(|rej| {
            let status = rej.status();
            if status == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(status, "El cuerpo de la petición excede el límite de 1 MiB")
            } else {
                ApiError::bad_request(format!("No se pudo leer el cuerpo: {}", rej.body_text()))
            }
        })?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self(Value::Null));
        }
        if !json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "El cuerpo debe enviarse con Content-Type: application/json",
            ));
        }
        let value: Value = serde_json::from_slice(&bytes)
            .map_err(|e| ApiError::bad_request(format!("JSON inválido: {e}")))?;
        Ok(Self(value))
    }
}

impl JsonBody {
    /// The body as a JSON object, or a 400.
    pub fn into_object(self) -> Result<serde_json::Map<String, Value>, ApiError> {
        match self.0 {
            Value::Object(map) => Ok(map),
            _ => Err(ApiError::bad_request(
                "El cuerpo de la petición debe ser un objeto JSON",
            )),
        }
    }
}

/// Reads an optional string field; present but not a string (and not null) is a 400.
pub(crate) fn opt_str<'a>(
    map: &'a serde_json::Map<String, Value>,
    key: &str,
) -> Result<Option<&'a str>, ApiError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(ApiError::bad_param(
            key,
            format!("El parámetro '{key}' debe ser un string"),
        )),
    }
}

/// Reads a required non-empty string field.
pub(crate) fn req_str<'a>(
    map: &'a serde_json::Map<String, Value>,
    key: &str,
) -> Result<&'a str, ApiError> {
    match opt_str(map, key)? {
        Some(s) if !s.trim().is_empty() => Ok(s),
        _ => Err(ApiError::bad_param(
            key,
            format!("El parámetro '{key}' es requerido"),
        )),
    }
}
