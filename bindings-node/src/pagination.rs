//! `agents_sdk::pagination` for JavaScript: a native pager whose `nextPage()` resolves with the
//! JSON `{"hasNext": bool, "page": <the page>, "response": <its metadata>}` of the next page; `ts/pagination.ts` makes it
//! awaitable (first page, with `hasNextPage()` / `getNextPage()`) and async-iterable (every item
//! of every page).

use std::sync::Arc;

use agents_sdk::{CancelToken, Error, Paged, Paginator, ResponseCapture};
use futures::FutureExt;
use futures::future::BoxFuture;
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;
use serde::Serialize;
use tokio::sync::Mutex;

use crate::error::{spawn, to_json, to_napi};
use crate::logging::{ClientLog, logged};

/// A paginator of any page type, answering JSON.
trait JsonPages: Send {
    fn next_json(
        &mut self,
        capture: Option<ResponseCapture>,
    ) -> BoxFuture<'_, napi::Result<Option<String>>>;
}

/// One page for JavaScript: whether another follows, and the page.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PageJson<'a, P> {
    has_next: bool,
    page: &'a P,
    /// The metadata of the page's response (`withResponse()`).
    response: Option<serde_json::Value>,
}

impl<P: Paged + Serialize> JsonPages for Paginator<P> {
    fn next_json(
        &mut self,
        capture: Option<ResponseCapture>,
    ) -> BoxFuture<'_, napi::Result<Option<String>>> {
        async move {
            match self.next_page().await.map_err(to_napi)? {
                Some(page) => Ok(Some(to_json(&PageJson {
                    has_next: self.has_next_page(),
                    page: &page,
                    response: capture
                        .as_ref()
                        .and_then(ResponseCapture::get)
                        .map(|m| crate::options::meta_json(&m)),
                })?)),
                None => Ok(None),
            }
        }
        .boxed()
    }
}

/// A lazily fetched list (users, conversations, transactions). Once the call's cancel token
/// fired, no page is asked for any more.
#[napi]
pub struct Pager {
    inner: Arc<Mutex<Box<dyn JsonPages>>>,
    stop: Option<CancelToken>,
    capture: Option<ResponseCapture>,
    /// The client's logging and the operation, for each page's request.
    log: Option<(ClientLog, String)>,
}

impl Pager {
    /// `capture` is the one recorded into the paginator's options, so each page carries the
    /// metadata of its response.
    pub(crate) fn new<P: Paged + Serialize>(
        paginator: Paginator<P>,
        stop: Option<CancelToken>,
        capture: Option<ResponseCapture>,
        log: Option<(ClientLog, String)>,
    ) -> Self {
        Pager {
            inner: Arc::new(Mutex::new(Box::new(paginator))),
            stop,
            capture,
            log,
        }
    }
}

impl std::fmt::Debug for Pager {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pager").finish_non_exhaustive()
    }
}

#[napi]
impl Pager {
    /// The JSON `{"hasNext", "page"}` of the next page, or `null` after the last one.
    #[napi(ts_return_type = "Promise<string | null>", catch_unwind)]
    pub fn next_page<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, Option<String>>> {
        let inner = self.inner.clone();
        let stop = self.stop.clone();
        let capture = self.capture.clone();
        let next = async move {
            let mut pager = inner.lock().await;
            if stop.as_ref().is_some_and(CancelToken::is_cancelled) {
                return Err(to_napi(Error::Cancelled));
            }
            pager.next_json(capture).await
        };
        let (log, op) = match &self.log {
            Some((l, op)) => (Some(l), op.as_str()),
            None => (None, ""),
        };
        spawn(env, logged(log, op, next))
    }
}
