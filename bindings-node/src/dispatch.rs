//! The three generic entry points of both native clients (`call`, `stream`, `paginate`): the
//! TypeScript layer names the operation (its `x-sdk` name) and passes its arguments as JSON; the
//! core's dispatch tables ([`agents_sdk::dispatch`]) run it. Nothing here is per operation.

use agents_sdk::dispatch::{Call, PagesSink, Sink};
use agents_sdk::{CancelToken, Paged, Paginator, RequestOptions, ResponseCapture};
use napi::Env;
use napi::bindgen_prelude::{PromiseRaw, ToNapiValue};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{as_type_error, spawn, to_json, to_napi, type_error};
use crate::logging::{ClientLog, logged};
use crate::options::{CallOptions, CancelHandle, request_options, request_options_meta};
use crate::pagination::Pager;

/// How deeply the arguments may nest (the TypeScript layer's `MAX_JSON_DEPTH`).
const MAX_DEPTH: usize = 128;

/// The arguments' JSON text (`undefined`/`null`: none). Up to [`MAX_DEPTH`] levels are read
/// (serde_json's own limit stops one level short of it); deeper text is a `TypeError` before
/// any of it is parsed, so the parser's recursion stays bounded.
pub(crate) fn args(json: Option<String>) -> napi::Result<Value> {
    let Some(text) = json else {
        return Ok(Value::Null);
    };
    if nesting(&text) > MAX_DEPTH {
        return Err(type_error(format!(
            "invalid params: nested deeper than {MAX_DEPTH} levels"
        )));
    }
    let mut de = serde_json::Deserializer::from_str(&text);
    de.disable_recursion_limit();
    let value = Value::deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v))
        .map_err(|e| type_error(format!("invalid params: {e}")))?;
    Ok(value)
}

/// The deepest nesting of objects and arrays in a JSON text (brackets inside strings skipped).
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// An answer as JSON text, or `{"data", "response"}` for `withResponse()`.
pub(crate) struct ToJson(Option<ResponseCapture>);

impl Sink for ToJson {
    type Out = napi::Result<String>;
    fn accept<T: Serialize + Send + 'static>(self, value: T) -> napi::Result<String> {
        match self.0 {
            Some(c) => {
                let meta = c.get().unwrap_or_default();
                to_json(&serde_json::json!({
                    "data": value,
                    "response": crate::options::meta_json(&meta),
                }))
            }
            None => to_json(&value),
        }
    }
}

/// Runs a one-shot operation: `prepare` gets the request options and the sink. Arguments it
/// refuses are thrown at once as a `TypeError`; the promise resolves with the answer's JSON.
pub(crate) fn call<'e>(
    env: &'e Env,
    log: (Option<ClientLog>, &str),
    opts: Option<CallOptions>,
    cancel: Option<&CancelHandle>,
    prepare: impl FnOnce(RequestOptions, ToJson) -> agents_sdk::Result<Call<napi::Result<String>>>,
) -> napi::Result<PromiseRaw<'e, String>> {
    let (o, capture) = request_options_meta(opts, cancel)?;
    let fut = prepare(o, ToJson(capture)).map_err(as_type_error)?;
    let fut = logged(log.0.as_ref(), log.1, fut);
    spawn(env, async move { fut.await.map_err(to_napi)? })
}

/// Opens a stream: the promise resolves with `wrap` of the core's stream.
pub(crate) fn stream<'e, S, T>(
    env: &'e Env,
    log: (Option<ClientLog>, &str),
    opts: Option<CallOptions>,
    cancel: Option<&CancelHandle>,
    prepare: impl FnOnce(RequestOptions) -> agents_sdk::Result<Call<S>>,
    wrap: impl FnOnce(S, Option<CancelToken>) -> T + Send + 'static,
) -> napi::Result<PromiseRaw<'e, T>>
where
    S: Send + 'static,
    T: ToNapiValue + Send + 'static,
{
    let o = request_options(opts, cancel)?;
    let stop = cancel.map(|h| h.token.clone());
    let fut = prepare(o).map_err(as_type_error)?;
    let fut = logged(log.0.as_ref(), log.1, fut);
    spawn(env, async move {
        let s = fut.await.map_err(to_napi)?;
        Ok(wrap(s, stop))
    })
}

/// Wraps a paginated list's paginator into a [`Pager`].
pub(crate) struct ToPager {
    pub(crate) stop: Option<CancelToken>,
    pub(crate) capture: ResponseCapture,
    /// The client's logging and the operation, for each page's request.
    pub(crate) log: Option<(ClientLog, String)>,
}

impl PagesSink for ToPager {
    type Out = Pager;
    fn accept<P>(self, pages: Paginator<P>) -> Pager
    where
        P: Paged + Serialize + DeserializeOwned + Sync,
        P::Item: Serialize + Sync,
    {
        Pager::new(pages, self.stop, Some(self.capture), self.log)
    }
}

/// Creates a paginated list (nothing is sent until a page is asked for); each page carries its
/// response's metadata.
pub(crate) fn paginate(
    log: (Option<ClientLog>, &str),
    opts: Option<CallOptions>,
    cancel: Option<&CancelHandle>,
    prepare: impl FnOnce(RequestOptions, ToPager) -> agents_sdk::Result<Pager>,
) -> napi::Result<Pager> {
    let capture = ResponseCapture::new();
    let o = request_options(opts, cancel)?.capture(&capture);
    let sink = ToPager {
        stop: cancel.map(|h| h.token.clone()),
        capture,
        log: log.0.map(|l| (l, log.1.to_owned())),
    };
    prepare(o, sink).map_err(as_type_error)
}

#[cfg(test)]
mod tests {
    use super::nesting;

    #[test]
    fn nesting_counts_brackets_outside_strings() {
        assert_eq!(nesting("null"), 0);
        assert_eq!(nesting(r#"{"a":[1,{"b":2}]}"#), 3);
        assert_eq!(nesting(r#"{"a":"[[[{{{\"]]]"}"#), 1);
        assert_eq!(
            nesting(&format!("{}{}", "[".repeat(200), "]".repeat(200))),
            200
        );
    }
}
