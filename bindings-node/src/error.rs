//! The one conversion point from `agents_sdk::Error` to JavaScript.
//!
//! A failure becomes a JavaScript `Error` whose `message` is [`ERROR_PREFIX`] followed by a JSON
//! object: the class name from [`agents_sdk::Error::class_name`] plus the facts the class
//! carries. `ts/errors.ts` maps it to the class once.

use agents_sdk::Error;
use serde_json::{Map, Value, json};

/// Start of the message of every JavaScript error thrown by the native layer.
pub(crate) const ERROR_PREFIX: &str = "AGENTS_SDK_ERROR:";

/// The JSON payload describing `err`.
pub(crate) fn payload(err: &Error) -> Value {
    let mut p = Map::new();
    p.insert("class".into(), json!(err.class_name()));
    match err {
        Error::Api(api) => {
            p.insert("message".into(), json!(api.message));
            p.insert("status".into(), json!(api.status));
            p.insert("code".into(), json!(api.code));
            p.insert("details".into(), api.details.clone());
            p.insert("requestId".into(), json!(api.request_id));
            let headers: Map<String, Value> = api
                .headers
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect();
            p.insert("headers".into(), Value::Object(headers));
            if let Some(rl) = api.rate_limit {
                p.insert("limit".into(), json!(rl.limit));
                p.insert("remaining".into(), json!(rl.remaining));
                p.insert("reset".into(), json!(rl.reset));
            }
            if let Some(ra) = api.retry_after {
                p.insert("retryAfter".into(), json!(ra.as_secs_f64()));
            }
        }
        Error::Timeout { phase, after } => {
            p.insert("message".into(), json!(err.to_string()));
            p.insert("phase".into(), json!(phase.to_string()));
            p.insert("timeoutMs".into(), json!(after.as_millis() as u64));
        }
        Error::IncompleteStream { received } => {
            p.insert("message".into(), json!(err.to_string()));
            p.insert("received".into(), json!(received));
        }
        Error::Decode {
            status, request_id, ..
        } => {
            p.insert("message".into(), json!(err.to_string()));
            p.insert("status".into(), json!(status));
            p.insert("requestId".into(), json!(request_id));
        }
        Error::WebSocket { close_code, .. } => {
            p.insert("message".into(), json!(err.to_string()));
            p.insert("closeCode".into(), json!(close_code));
        }
        Error::Cancelled => {
            p.insert("message".into(), json!("Request was aborted."));
        }
        other => {
            p.insert("message".into(), json!(other.to_string()));
        }
    }
    Value::Object(p)
}

/// `err` as the error a native call rejects (or throws) with.
pub(crate) fn to_napi(err: Error) -> napi::Error {
    napi::Error::new(
        napi::Status::GenericFailure,
        format!("{ERROR_PREFIX}{}", payload(&err)),
    )
}

/// An argument the JavaScript layer passed in the wrong shape.
pub(crate) fn invalid(message: impl std::fmt::Display) -> napi::Error {
    to_napi(Error::InvalidArgument(message.to_string()))
}

/// Serializes a result for the JavaScript side (`JSON.parse`d there).
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> napi::Result<String> {
    serde_json::to_string(value).map_err(|e| invalid(format!("could not encode a result: {e}")))
}

/// Parses the JSON text of an argument object.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> napi::Result<T> {
    serde_json::from_str(text).map_err(|e| invalid(format!("invalid {what}: {e}")))
}
