//! One error type for every operation of both services.
//!
//! [`Error`] carries the same facts as the `APIError` hierarchy of the Python and Node packages:
//! an HTTP failure becomes [`Error::Api`] with an [`ApiError`] whose [`ApiErrorKind`] names the
//! class (`BadRequestError`, `RateLimitError`, ...); transport and decoding problems have their
//! own variants.

use std::fmt;
use std::time::Duration;

use crate::ratelimit::RateLimit;

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Which phase of a request ran out of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutPhase {
    /// Establishing the TCP/TLS connection.
    Connect,
    /// Waiting for the response status and headers.
    ResponseHeaders,
    /// Reading a (non-streaming) response body.
    Body,
    /// A stream delivered no event for the configured idle time.
    StreamIdle,
    /// The total deadline of a call, retries included.
    Total,
}

impl fmt::Display for TimeoutPhase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeoutPhase::Connect => "connect",
            TimeoutPhase::ResponseHeaders => "response headers",
            TimeoutPhase::Body => "response body",
            TimeoutPhase::StreamIdle => "stream idle",
            TimeoutPhase::Total => "total deadline",
        })
    }
}

/// The class of an API error, chosen from the HTTP status and the error `code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 400, `VALIDATION_ERROR` / `INVALID_REQUEST`.
    BadRequest,
    /// 401, `UNAUTHORIZED`.
    Authentication,
    /// 403, `FORBIDDEN`.
    PermissionDenied,
    /// 404, `NOT_FOUND`.
    NotFound,
    /// 409, `CONFLICT`.
    Conflict,
    /// 413: the request body was too large.
    PayloadTooLarge,
    /// 422: unprocessable entity.
    UnprocessableEntity,
    /// 429, `RATE_LIMIT_EXCEEDED`.
    RateLimit,
    /// 500, `INTERNAL_ERROR`, and other 5xx without a class of their own.
    InternalServer,
    /// 503, `SERVICE_UNAVAILABLE`.
    ServiceUnavailable,
    /// Any other status.
    Other,
}

impl ApiErrorKind {
    /// The class for an HTTP status and (optionally) the service's error code. The code wins
    /// when it names a class, so an error event inside a 200 stream is still classified.
    pub fn classify(status: u16, code: Option<&str>) -> Self {
        match code {
            Some("VALIDATION_ERROR" | "INVALID_REQUEST" | "BAD_REQUEST") => {
                return ApiErrorKind::BadRequest;
            }
            Some("UNAUTHORIZED" | "UNAUTHENTICATED") => return ApiErrorKind::Authentication,
            Some("FORBIDDEN") => return ApiErrorKind::PermissionDenied,
            Some("NOT_FOUND") => return ApiErrorKind::NotFound,
            Some("CONFLICT") => return ApiErrorKind::Conflict,
            Some("RATE_LIMIT_EXCEEDED") => return ApiErrorKind::RateLimit,
            Some("INTERNAL_ERROR") => return ApiErrorKind::InternalServer,
            Some("SERVICE_UNAVAILABLE") => return ApiErrorKind::ServiceUnavailable,
            Some("PAYLOAD_TOO_LARGE") => return ApiErrorKind::PayloadTooLarge,
            _ => {}
        }
        match status {
            400 => ApiErrorKind::BadRequest,
            401 => ApiErrorKind::Authentication,
            403 => ApiErrorKind::PermissionDenied,
            404 => ApiErrorKind::NotFound,
            409 => ApiErrorKind::Conflict,
            413 => ApiErrorKind::PayloadTooLarge,
            422 => ApiErrorKind::UnprocessableEntity,
            429 => ApiErrorKind::RateLimit,
            503 => ApiErrorKind::ServiceUnavailable,
            500..=599 => ApiErrorKind::InternalServer,
            _ => ApiErrorKind::Other,
        }
    }

    /// The class name used by the Python and Node packages (`"RateLimitError"`, ...).
    pub fn class_name(self) -> &'static str {
        match self {
            ApiErrorKind::BadRequest => "BadRequestError",
            ApiErrorKind::Authentication => "AuthenticationError",
            ApiErrorKind::PermissionDenied => "PermissionDeniedError",
            ApiErrorKind::NotFound => "NotFoundError",
            ApiErrorKind::Conflict => "ConflictError",
            ApiErrorKind::PayloadTooLarge => "PayloadTooLargeError",
            ApiErrorKind::UnprocessableEntity => "UnprocessableEntityError",
            ApiErrorKind::RateLimit => "RateLimitError",
            ApiErrorKind::InternalServer => "InternalServerError",
            ApiErrorKind::ServiceUnavailable => "ServiceUnavailableError",
            ApiErrorKind::Other => "APIError",
        }
    }
}

/// An error answer of either service: `{"error": {"code", "message", "details"}, "meta"?}`.
#[derive(Clone, PartialEq)]
pub struct ApiError {
    /// The class of the error.
    pub kind: ApiErrorKind,
    /// HTTP status (200 for an error event inside a stream).
    pub status: u16,
    /// The service's error code (`VALIDATION_ERROR`, `INVALID_REQUEST`, ...), if it sent one.
    pub code: Option<String>,
    /// Human-readable message from the service (or the status text when it sent none).
    pub message: String,
    /// `error.details`, `Null` when absent.
    pub details: serde_json::Value,
    /// `meta.requestId` or the `X-Request-Id` header.
    pub request_id: Option<String>,
    /// Rate-limit headers of the answer.
    pub rate_limit: Option<RateLimit>,
    /// `Retry-After` of the answer, if any.
    pub retry_after: Option<Duration>,
    /// Response headers (sensitive ones removed).
    pub headers: Vec<(String, String)>,
}

impl ApiError {
    /// Reads `{"error": {"code", "message", "details"}, "meta": {"requestId"}}` (either service).
    pub(crate) fn from_value(status: u16, value: Option<&serde_json::Value>) -> Self {
        let error = value.and_then(|v| v.get("error"));
        let field = |name: &str| {
            error
                .and_then(|e| e.get(name))
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let code = field("code");
        let message = field("message")
            .or_else(|| error.and_then(|e| e.as_str()).map(str::to_owned))
            .map(|m| crate::redact::redact_text(&m))
            .unwrap_or_default();
        let mut details = error
            .and_then(|e| e.get("details"))
            .cloned()
            .unwrap_or(serde_json::Value::Null);
        crate::redact::redact_json(&mut details);
        let request_id = value
            .and_then(|v| v.get("meta"))
            .and_then(|m| m.get("requestId").or_else(|| m.get("request_id")))
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        Self {
            kind: ApiErrorKind::classify(status, code.as_deref()),
            status,
            code,
            message,
            details,
            request_id,
            rate_limit: None,
            retry_after: None,
            headers: Vec::new(),
        }
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("kind", &self.kind)
            .field("status", &self.status)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("details", &self.details)
            .field("request_id", &self.request_id)
            .field("rate_limit", &self.rate_limit)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.kind.class_name(), self.status)?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

/// Every failure of the SDK.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The service answered with an error status (or an error event inside a stream).
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The connection could not be made or broke (DNS, refused, reset, TLS).
    #[error("connection error: {message}")]
    Connection {
        /// What went wrong, without secrets.
        message: String,
        #[source]
        /// The underlying error.
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// A phase of the request ran out of time.
    #[error("request timed out ({phase}) after {after:?}")]
    Timeout {
        /// Which phase.
        phase: TimeoutPhase,
        /// The limit that was exceeded.
        after: Duration,
    },
    /// A stream ended before its final `done` event.
    #[error("stream ended before its done event ({received} events received)")]
    IncompleteStream {
        /// Number of events received before the end.
        received: u64,
    },
    /// A body could not be decoded into the expected type.
    #[error(
        "could not decode {what}: {message}{}",
        if excerpt.is_empty() { String::new() } else { format!("; body starts with: {excerpt}") }
    )]
    Decode {
        /// What was being decoded (e.g. `"response body"`, `"stream event"`).
        what: &'static str,
        /// The decoder's message.
        message: String,
        /// A short excerpt of the body with secrets redacted.
        excerpt: String,
        /// HTTP status of the answer, if any.
        status: Option<u16>,
        /// Request id of the answer, if any.
        request_id: Option<String>,
    },
    /// A non-streaming answer was larger than the call's `max_response_bytes`: refused from its
    /// `Content-Length` before reading, or once the bytes read passed the limit. A subclass of
    /// `DecodeError` in Python and Node (`ResponseTooLargeError`).
    #[error(
        "the response body is larger than the limit of {limit} bytes{}; raise max_response_bytes to accept it",
        content_length.map(|n| format!(" (Content-Length {n})")).unwrap_or_default()
    )]
    ResponseTooLarge {
        /// The limit in force.
        limit: u64,
        /// The answer's `Content-Length`, when it declared one.
        content_length: Option<u64>,
        /// HTTP status of the answer.
        status: u16,
        /// Request id of the answer, if any.
        request_id: Option<String>,
    },
    /// The WebSocket channel failed or was closed by the server.
    #[error("websocket error: {message}")]
    WebSocket {
        /// What happened.
        message: String,
        /// The close code, when the server closed the socket.
        close_code: Option<u16>,
    },
    /// A webhook payload's signature or timestamp did not verify.
    #[error("webhook verification failed: {reason}")]
    WebhookVerification {
        /// Why.
        reason: String,
    },
    /// An argument was rejected before anything was sent.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// The call was cancelled (e.g. an abort signal from a binding).
    #[error("request was cancelled")]
    Cancelled,
    /// Not a failure: a successful answer handed over undecoded, because the call asked for it
    /// ([`RequestOptions::raw_answer`](crate::RequestOptions::raw_answer)); the dispatch gives
    /// it to its [`Sink`](crate::dispatch::Sink), and no other caller ever sees it.
    #[doc(hidden)]
    #[error("the answer was handed over undecoded")]
    RawAnswer(Box<crate::dispatch::RawAnswer>),
}

impl Error {
    /// The API error, if this is one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// HTTP status, for API and decode errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode { status, .. } => *status,
            Error::ResponseTooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The request id of the failed call, when the server sent one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.request_id.as_deref(),
            Error::Decode { request_id, .. } | Error::ResponseTooLarge { request_id, .. } => {
                request_id.as_deref()
            }
            _ => None,
        }
    }

    /// The class name used by the Python and Node packages.
    pub fn class_name(&self) -> &'static str {
        match self {
            Error::Api(e) => e.kind.class_name(),
            Error::Connection { .. } => "APIConnectionError",
            Error::Timeout { .. } => "APITimeoutError",
            Error::IncompleteStream { .. } => "IncompleteStreamError",
            Error::Decode { .. } => "DecodeError",
            Error::ResponseTooLarge { .. } => "ResponseTooLargeError",
            Error::WebSocket { .. } => "WebSocketError",
            Error::WebhookVerification { .. } => "WebhookVerificationError",
            Error::InvalidArgument(_) => "InvalidArgumentError",
            Error::Cancelled => "APIUserAbortError",
            // never reaches a caller (see the variant); the SDK's base class if it did
            Error::RawAnswer(_) => "CJHirashiError",
        }
    }

    pub(crate) fn connection(message: impl Into<String>) -> Self {
        Error::Connection {
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn webhook(reason: impl Into<String>) -> Self {
        Error::WebhookVerification {
            reason: reason.into(),
        }
    }

    pub(crate) fn decode(
        what: &'static str,
        message: impl fmt::Display,
        body: &[u8],
        status: Option<u16>,
        request_id: Option<String>,
    ) -> Self {
        Error::Decode {
            what,
            message: crate::redact::redact_text(&message.to_string()),
            excerpt: crate::redact::excerpt(body, 200),
            status,
            request_id,
        }
    }
}

impl Error {
    /// The same error with the `known` secret values of its request replaced by `[REDACTED]`
    /// wherever a server's text could carry them (messages, `details`, excerpts).
    pub(crate) fn scrubbed(self, known: &crate::redact::KnownSecrets) -> Self {
        if known.is_empty() {
            return self;
        }
        match self {
            Error::Api(mut api) => {
                api.message = known.scrub(&api.message);
                known.scrub_json(&mut api.details);
                Error::Api(api)
            }
            Error::Decode {
                what,
                message,
                excerpt,
                status,
                request_id,
            } => Error::Decode {
                what,
                message: known.scrub(&message),
                excerpt: known.scrub(&excerpt),
                status,
                request_id,
            },
            Error::Connection { message, source } => Error::Connection {
                message: known.scrub(&message),
                source,
            },
            Error::WebSocket {
                message,
                close_code,
            } => Error::WebSocket {
                message: known.scrub(&message),
                close_code,
            },
            other => other,
        }
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Error::Api(Box::new(e))
    }
}

impl From<crate::sse::Error> for Error {
    fn from(e: crate::sse::Error) -> Self {
        Error::Decode {
            what: "stream event",
            message: e.to_string(),
            excerpt: String::new(),
            status: None,
            request_id: None,
        }
    }
}
