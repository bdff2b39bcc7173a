//! The three generic entry points of both native clients (`call`, `stream`, `paginate`): the
//! TypeScript layer names the operation (its `x-sdk` name) and passes its arguments as JSON; the
//! core's dispatch tables ([`agents_sdk::dispatch`]) run it. Nothing here is per operation.

use agents_sdk::dispatch::{Call, PagesSink, Sink};
use agents_sdk::{CancelToken, Paged, Paginator, RequestOptions, ResponseCapture};
use napi::Env;
use napi::bindgen_prelude::{PromiseRaw, ToNapiValue};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{as_type_error, from_json, spawn, to_json, to_napi};
use crate::options::{CallOptions, CancelHandle, request_options, request_options_meta};
use crate::pagination::Pager;

/// The arguments' JSON text (`undefined`/`null`: none).
pub(crate) fn args(json: Option<String>) -> napi::Result<Value> {
    match json {
        None => Ok(Value::Null),
        Some(text) => from_json("params", &text),
    }
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
    opts: Option<CallOptions>,
    cancel: Option<&CancelHandle>,
    prepare: impl FnOnce(RequestOptions, ToJson) -> agents_sdk::Result<Call<napi::Result<String>>>,
) -> napi::Result<PromiseRaw<'e, String>> {
    let (o, capture) = request_options_meta(opts, cancel)?;
    let fut = prepare(o, ToJson(capture)).map_err(as_type_error)?;
    spawn(env, async move { fut.await.map_err(to_napi)? })
}

/// Opens a stream: the promise resolves with `wrap` of the core's stream.
pub(crate) fn stream<'e, S, T>(
    env: &'e Env,
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
    spawn(env, async move {
        let s = fut.await.map_err(to_napi)?;
        Ok(wrap(s, stop))
    })
}

/// Wraps a paginated list's paginator into a [`Pager`].
pub(crate) struct ToPager {
    pub(crate) stop: Option<CancelToken>,
    pub(crate) capture: ResponseCapture,
}

impl PagesSink for ToPager {
    type Out = Pager;
    fn accept<P>(self, pages: Paginator<P>) -> Pager
    where
        P: Paged + Serialize + DeserializeOwned + Sync,
        P::Item: Serialize + Sync,
    {
        Pager::new(pages, self.stop, Some(self.capture))
    }
}

/// Creates a paginated list (nothing is sent until a page is asked for); each page carries its
/// response's metadata.
pub(crate) fn paginate(
    opts: Option<CallOptions>,
    cancel: Option<&CancelHandle>,
    prepare: impl FnOnce(RequestOptions, ToPager) -> agents_sdk::Result<Pager>,
) -> napi::Result<Pager> {
    let capture = ResponseCapture::new();
    let o = request_options(opts, cancel)?.capture(&capture);
    let sink = ToPager {
        stop: cancel.map(|h| h.token.clone()),
        capture,
    };
    prepare(o, sink).map_err(as_type_error)
}
