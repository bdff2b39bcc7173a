//! The one conversion point from `agents_sdk::Error` (and from a Rust panic) to JavaScript.
//!
//! A failure becomes a JavaScript `Error` whose `message` is [`ERROR_PREFIX`] followed by a JSON
//! object: the class name plus the facts the class carries. `ts/errors.ts` maps it to the class
//! once. The class is the core's [`agents_sdk::Error::class_name`], except for:
//! - a refused argument ([`Error::InvalidArgument`]): JavaScript's own `RangeError` (a value
//!   out of range) or `TypeError` (a value of the wrong shape: a header, a params object), never
//!   an SDK class;
//! - a Rust panic: `CJHirashiError`, with a message saying it is a bug to report.
//!
//! Every native entry point is `#[napi(catch_unwind)]` (a panic in its synchronous part becomes
//! a thrown error instead of aborting the process) and every future goes through [`spawn`],
//! which catches a panic while it runs.

use std::any::Any;
use std::future::Future;

use agents_sdk::Error;
use napi::Env;
use napi::bindgen_prelude::{PromiseRaw, ToNapiValue};
use serde_json::{Map, Value, json};

/// Start of the message of every JavaScript error thrown by the native layer.
pub(crate) const ERROR_PREFIX: &str = "AGENTS_SDK_ERROR:";

/// What a panic's message starts with (`ts/errors.ts` uses the same words for a panic caught
/// by napi itself).
pub(crate) const BUG_MESSAGE: &str = "internal error in the native module of \
    @cjhirashi/agents-sdk (this is a bug: please report it at \
    https://github.com/cjhirashi/agents-sdk/issues)";

/// Milliseconds of `d`, saturating (an unbounded timeout is `Duration::MAX`).
fn millis_u64(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

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
            p.insert("timeoutMs".into(), json!(millis_u64(*after)));
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
        Error::ResponseTooLarge {
            limit,
            content_length,
            status,
            request_id,
        } => {
            p.insert("message".into(), json!(err.to_string()));
            p.insert("limit".into(), json!(limit));
            p.insert("contentLength".into(), json!(content_length));
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
        Error::InvalidArgument(message) => {
            // a refused value; the TypeError cases are raised with `type_error`
            p.insert("class".into(), json!("RangeError"));
            p.insert("message".into(), json!(message));
        }
        other => {
            p.insert("message".into(), json!(other.to_string()));
        }
    }
    Value::Object(p)
}

fn from_payload(payload: &Value) -> napi::Error {
    napi::Error::new(
        napi::Status::GenericFailure,
        format!("{ERROR_PREFIX}{payload}"),
    )
}

/// `err` as the error a native call rejects (or throws) with.
pub(crate) fn to_napi(err: Error) -> napi::Error {
    from_payload(&payload(&err))
}

/// JavaScript's own `TypeError`: an argument of the wrong shape.
pub(crate) fn type_error(message: impl std::fmt::Display) -> napi::Error {
    from_payload(&json!({"class": "TypeError", "message": message.to_string()}))
}

/// JavaScript's own `RangeError`: an argument whose value is refused.
pub(crate) fn range_error(message: impl std::fmt::Display) -> napi::Error {
    from_payload(&json!({"class": "RangeError", "message": message.to_string()}))
}

/// A core [`Error::InvalidArgument`] raised as a `TypeError` (other errors unchanged).
pub(crate) fn as_type_error(err: Error) -> napi::Error {
    match err {
        Error::InvalidArgument(message) => type_error(message),
        other => to_napi(other),
    }
}

/// The text of a panic's payload.
fn panic_text(panic: &(dyn Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

/// A caught panic as a `CJHirashiError`.
pub(crate) fn panic_error(panic: Box<dyn Any + Send>) -> napi::Error {
    let text = panic_text(panic.as_ref());
    // a payload that panics again when dropped must not unwind out of here
    std::mem::forget(panic);
    from_payload(&json!({
        "class": "CJHirashiError",
        "message": format!("{BUG_MESSAGE}: {text}"),
        "panic": true,
    }))
}

/// Runs `fut` on napi's runtime as a promise (settled through the environment's one completion
/// queue, see `bridge.rs`); a panic while it runs rejects the promise with a `CJHirashiError`
/// (see [`panic_error`]) instead of an untyped error.
pub(crate) fn spawn<'e, T, F>(env: &'e Env, fut: F) -> napi::Result<PromiseRaw<'e, T>>
where
    T: ToNapiValue + Send + 'static,
    F: Future<Output = napi::Result<T>> + Send + 'static,
{
    crate::bridge::spawn(env, fut)
}

/// Serializes a result for the JavaScript side (`JSON.parse`d there).
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> napi::Result<String> {
    serde_json::to_string(value).map_err(|e| {
        to_napi(Error::Decode {
            what: "result",
            message: format!("could not encode a result: {e}"),
            excerpt: String::new(),
            status: None,
            request_id: None,
        })
    })
}
