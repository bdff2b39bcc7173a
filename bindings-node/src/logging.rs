//! Forwards the core's `tracing` events to a client's `logger` (the TypeScript layer's sink),
//! as `bindings-python/src/logging.rs` forwards them to Python's `logging`: the same events at
//! the same levels (a record per attempt: `debug` every answer, `info` a retry or a
//! re-authentication after a 401, `warn` a failed call), secrets redacted by the core already.
//!
//! A client with logging on (`setLog`) has a subscriber of its own, filtered at its level on
//! this side: an event below the level never reaches JavaScript, and a client with logging off
//! has none, so its calls cost nothing here. Each of its calls runs with that subscriber and
//! inside a span naming the operation, so a record reads
//!
//! ```text
//! agents.get: success method=GET path=/agents/agt_1 attempt=1 status=200 request_id=req_… duration_ms=3
//! agents.get: error answer method=GET path=/agents/agt_x attempt=1 status=404 request_id=req_… duration_ms=2 error=NotFoundError (404): …
//! ```
//!
//! (`duration_ms`: since the call started). Records are formatted on the thread that emitted
//! the event and queued on the environment's completion queue (`crate::bridge`), so they reach
//! JavaScript in order, before the promise of their call settles, without the runtime's threads
//! waiting for JavaScript.

#![allow(unsafe_code)]

use std::fmt::Write as _;
use std::future::Future;
use std::ptr;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use futures::future::Either;
use napi::bindgen_prelude::{Function, JsValue};
use napi::{Env, sys};
use tracing::field::{Field, Visit};
use tracing::instrument::{Instrument as _, WithSubscriber as _};
use tracing::span::{Attributes, Id, Record};
use tracing::{Dispatch, Event, Level, Subscriber};
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt as _};
use tracing_subscriber::registry::LookupSpan;

use crate::bridge::Sender;
use crate::error::type_error;

/// The name of the span each logged call runs in (its `op` field names the operation).
const CALL_SPAN: &str = "agents_sdk_node.call";
/// The core's request span (one per attempt).
const REQUEST_SPAN: &str = "agents_sdk.request";

/// A reference to the JavaScript sink `(level, message) => void`.
#[derive(Clone, Copy)]
struct RawRef(sys::napi_ref);

// SAFETY: the reference is only used (called, deleted) on its environment's thread, by jobs
// of that environment's queue; other threads only carry it.
unsafe impl Send for RawRef {}
// SAFETY: as above.
unsafe impl Sync for RawRef {}

impl RawRef {
    /// Calls the sink with `level` and `text`; an exception it throws is cleared (a failing
    /// logger must not fail the call it logs).
    fn call(self, env: sys::napi_env, level: &str, text: &str) {
        let (Ok(level_len), Ok(text_len)) =
            (isize::try_from(level.len()), isize::try_from(text.len()))
        else {
            return;
        };
        // SAFETY: on the environment's thread (a job of its queue), with a live environment;
        // the reference is alive (deleted only by `Sink`'s drop, queued after this job).
        unsafe {
            let mut func = ptr::null_mut();
            if sys::napi_get_reference_value(env, self.0, &mut func) != sys::Status::napi_ok
                || func.is_null()
            {
                return;
            }
            let mut this = ptr::null_mut();
            let mut args = [ptr::null_mut(); 2];
            if sys::napi_get_undefined(env, &mut this) != sys::Status::napi_ok
                || sys::napi_create_string_utf8(env, level.as_ptr().cast(), level_len, &mut args[0])
                    != sys::Status::napi_ok
                || sys::napi_create_string_utf8(env, text.as_ptr().cast(), text_len, &mut args[1])
                    != sys::Status::napi_ok
            {
                return;
            }
            let mut result = ptr::null_mut();
            let status =
                sys::napi_call_function(env, this, func, args.len(), args.as_ptr(), &mut result);
            if status != sys::Status::napi_ok {
                let mut exception = ptr::null_mut();
                sys::napi_get_and_clear_last_exception(env, &mut exception);
            }
        }
    }

    fn delete(self, env: sys::napi_env) {
        // SAFETY: on the environment's thread; the last use of the reference.
        unsafe { sys::napi_delete_reference(env, self.0) };
    }
}

/// A client's JavaScript sink and the queue of its environment.
struct Sink {
    sender: Sender,
    func: RawRef,
}

impl Sink {
    fn deliver(self: &Arc<Self>, level: &'static str, text: String) {
        let me = self.clone();
        self.sender.send_other(Box::new(move |env| {
            if let Some(env) = env {
                me.func.call(env, level, &text);
            }
        }));
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        // released on the JavaScript thread, after every record queued before
        let func = self.func;
        self.sender.send_other(Box::new(move |env| {
            if let Some(env) = env {
                func.delete(env);
            }
        }));
    }
}

/// The fields recorded on a request span so far (` key=value` each).
struct RequestFields(String);

/// What a call span knows: the operation and when the call started.
struct CallInfo {
    op: String,
    started: Instant,
}

/// Writes fields as ` key=value`; the message, `error` and `class` are kept apart.
#[derive(Default)]
struct Fields {
    message: String,
    rest: String,
    error: Option<String>,
    class: Option<String>,
}

impl Fields {
    fn put(&mut self, name: &str, value: String) {
        match name {
            "message" => self.message = value,
            "error" => self.error = Some(value),
            "class" => self.class = Some(value),
            _ => {
                let _ = write!(self.rest, " {name}={value}");
            }
        }
    }
}

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.put(field.name(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.put(field.name(), value.to_owned());
    }
}

/// `text` on one line: control characters escaped (a value cannot forge another record).
fn one_line(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

struct NodeLayer {
    sink: Arc<Sink>,
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for NodeLayer {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let name = attrs.metadata().name();
        if name == REQUEST_SPAN {
            let mut fields = Fields::default();
            attrs.record(&mut fields);
            span.extensions_mut().insert(RequestFields(fields.rest));
        } else if name == CALL_SPAN {
            let mut fields = Fields::default();
            attrs.record(&mut fields);
            let op = fields
                .rest
                .strip_prefix(" op=")
                .unwrap_or_default()
                .to_owned();
            span.extensions_mut().insert(CallInfo {
                op,
                started: Instant::now(),
            });
        }
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(id)
            && let Some(RequestFields(text)) = span.extensions_mut().get_mut::<RequestFields>()
        {
            let mut more = Fields {
                rest: std::mem::take(text),
                ..Fields::default()
            };
            values.record(&mut more);
            *text = more.rest;
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let level = match *event.metadata().level() {
            Level::ERROR => "error",
            Level::WARN => "warn",
            Level::INFO => "info",
            _ => "debug",
        };
        let mut fields = Fields::default();
        event.record(&mut fields);
        let mut text = String::new();
        let mut request = None;
        if let Some(scope) = ctx.event_scope(event) {
            // the innermost request (a login made for a call runs inside the call's attempt)
            for span in scope {
                let ext = span.extensions();
                if request.is_none()
                    && let Some(RequestFields(r)) = ext.get::<RequestFields>()
                {
                    request = Some(r.clone());
                }
                if let Some(call) = ext.get::<CallInfo>() {
                    let _ = write!(text, "{}: ", call.op);
                    fields.put(
                        "duration_ms",
                        call.started.elapsed().as_millis().to_string(),
                    );
                    break;
                }
            }
        }
        text.push_str(&fields.message);
        if let Some(r) = request {
            text.push_str(&r);
        }
        text.push_str(&fields.rest);
        if let Some(error) = fields.error {
            text.push_str(" error=");
            if let Some(class) = fields.class
                && !error.starts_with(&class)
            {
                let _ = write!(text, "{class}: ");
            }
            text.push_str(&error);
        }
        self.sink.deliver(level, one_line(&text));
    }
}

/// A client's logging: the subscriber its calls run with.
#[derive(Clone)]
pub(crate) struct ClientLog(Dispatch);

impl std::fmt::Debug for ClientLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClientLog")
    }
}

impl ClientLog {
    /// Logging at `level` (`debug`, `info`, `warn`; `error` and `off`: none, as the core logs
    /// nothing above `warn`) to `sink`, called on the JavaScript thread as `sink(level, text)`.
    pub(crate) fn new(
        env: &Env,
        level: &str,
        sink: &Function<'_, (String, String), ()>,
    ) -> napi::Result<Option<ClientLog>> {
        let filter = match level {
            "debug" => LevelFilter::DEBUG,
            "info" => LevelFilter::INFO,
            "warn" => LevelFilter::WARN,
            "error" | "off" => return Ok(None),
            _ => {
                return Err(type_error(
                    "logLevel must be 'debug', 'info', 'warn', 'error' or 'off'",
                ));
            }
        };
        let raw_env = env.raw();
        let sender = crate::bridge::sender(raw_env)?;
        let mut func = ptr::null_mut();
        // SAFETY: on the environment's thread; the reference is deleted by `Sink`'s drop.
        let status =
            unsafe { sys::napi_create_reference(raw_env, sink.value().value, 1, &mut func) };
        if status != sys::Status::napi_ok {
            return Err(type_error("the log sink must be a function"));
        }
        let sink = Arc::new(Sink {
            sender,
            func: RawRef(func),
        });
        let only_sdk = Targets::new().with_target("agents_sdk", filter);
        let subscriber =
            tracing_subscriber::registry().with(NodeLayer { sink }.with_filter(only_sdk));
        Ok(Some(ClientLog(Dispatch::new(subscriber))))
    }

    /// `fut` run with this subscriber, inside a span naming `op` (its `x-sdk` name, shown as
    /// JavaScript names it: `conversations.send_message` is `conversations.sendMessage`).
    fn wrap<F: Future>(&self, op: &str, fut: F) -> impl Future<Output = F::Output> + use<F> {
        let name = js_name(op);
        let span = tracing::dispatcher::with_default(
            &self.0,
            || tracing::error_span!(target: "agents_sdk_node", CALL_SPAN, op = %name),
        );
        fut.instrument(span).with_subscriber(self.0.clone())
    }
}

/// `fut`, logged to `log` when there is one.
pub(crate) fn logged<F: Future>(
    log: Option<&ClientLog>,
    op: &str,
    fut: F,
) -> impl Future<Output = F::Output> + use<F> {
    match log {
        Some(l) => Either::Left(l.wrap(op, fut)),
        None => Either::Right(fut),
    }
}

/// The operation as the JavaScript API names it: each `_x` of a part becomes `X`.
fn js_name(op: &str) -> String {
    let mut out = String::with_capacity(op.len());
    let mut upper = false;
    for c in op.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Where a client keeps its logging (set by `setLog` after it was built).
#[derive(Debug, Default)]
pub(crate) struct LogSlot(RwLock<Option<ClientLog>>);

impl LogSlot {
    pub(crate) fn get(&self) -> Option<ClientLog> {
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(crate) fn set(&self, log: Option<ClientLog>) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = log;
    }
}

#[cfg(test)]
mod tests {
    use super::{js_name, one_line};

    #[test]
    fn names_and_lines() {
        assert_eq!(
            js_name("conversations.send_message"),
            "conversations.sendMessage"
        );
        assert_eq!(js_name("auth.create_api_key"), "auth.createApiKey");
        assert_eq!(js_name("agents.get"), "agents.get");
        assert_eq!(one_line("a\nb"), "a\\u000ab");
        assert_eq!(one_line("plain"), "plain");
    }
}
