//! `agents_sdk::pagination` for JavaScript: a native pager whose `nextPage()` resolves with the
//! JSON of the next page; `ts/pagination.ts` makes it awaitable (first page) and async-iterable
//! (every item of every page).

use std::sync::Arc;

use agents_sdk::{Paged, Paginator};
use futures::FutureExt;
use futures::future::BoxFuture;
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;
use serde::Serialize;
use tokio::sync::Mutex;

use crate::error::{to_json, to_napi};

/// A paginator of any page type, answering JSON.
trait JsonPages: Send {
    fn next_json(&mut self) -> BoxFuture<'_, napi::Result<Option<String>>>;
}

impl<P: Paged + Serialize> JsonPages for Paginator<P> {
    fn next_json(&mut self) -> BoxFuture<'_, napi::Result<Option<String>>> {
        async move {
            match self.next_page().await.map_err(to_napi)? {
                Some(page) => Ok(Some(to_json(&page)?)),
                None => Ok(None),
            }
        }
        .boxed()
    }
}

/// A lazily fetched list (users, conversations, transactions).
#[napi]
pub struct Pager {
    inner: Arc<Mutex<Box<dyn JsonPages>>>,
}

impl Pager {
    pub(crate) fn new<P: Paged + Serialize>(paginator: Paginator<P>) -> Self {
        Pager {
            inner: Arc::new(Mutex::new(Box::new(paginator))),
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
    /// The JSON of the next page, or `null` after the last one.
    #[napi(ts_return_type = "Promise<string | null>")]
    pub fn next_page<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, Option<String>>> {
        let inner = self.inner.clone();
        env.spawn_future(async move { inner.lock().await.next_json().await })
    }
}
