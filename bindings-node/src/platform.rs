//! `agents_sdk::platform` for JavaScript: the client, and the generic `call` / `stream` /
//! `paginate` through which `ts/platform-resources.ts` (generated) runs every operation.

use agents_sdk::platform::{self, Client};
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;

use crate::dispatch;
use crate::error::as_type_error;
use crate::options::{CallOptions, CancelHandle, ClientConfig, client_settings};
use crate::pagination::Pager;
use crate::stream::TokenStream;

/// The platform client (`CJHirashiAgents` in JavaScript).
#[napi]
#[derive(Debug)]
pub struct PlatformClient {
    inner: Client,
}

#[napi]
impl PlatformClient {
    /// Builds a client; absent settings fall back to `CJHIRASHI_API_KEY`,
    /// `CJHIRASHI_BASE_URL` and the defaults.
    #[napi(constructor, catch_unwind)]
    pub fn new(config: ClientConfig) -> napi::Result<Self> {
        let mut b = Client::builder().settings(client_settings(&config)?);
        if let Some(k) = config.api_key {
            b = b.api_key(k);
        }
        Ok(PlatformClient {
            inner: b.build().map_err(as_type_error)?,
        })
    }

    /// A client with these settings in place of this one's (absent ones kept) and the same
    /// API key (`CJHirashiAgents.withOptions`).
    #[napi(catch_unwind)]
    pub fn with_options(&self, config: ClientConfig) -> napi::Result<PlatformClient> {
        let settings = client_settings(&config)?;
        Ok(PlatformClient {
            inner: self.inner.with_options(settings).map_err(as_type_error)?,
        })
    }

    /// The base URL requests go to.
    #[napi(getter, catch_unwind)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    /// Runs the one-shot operation `op` (its `x-sdk` name, as `finance.budgets.list`) with
    /// `params`, the JSON of its arguments by wire name (path ids as `id`); resolves with the
    /// answer's JSON (a list operation's list). Arguments it cannot take throw a `TypeError`.
    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn call<'e>(
        &self,
        env: &'e Env,
        op: String,
        params: Option<String>,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let a = dispatch::args(params)?;
        dispatch::call(env, opts, cancel, |o, sink| {
            platform::dispatch::call(&self.inner, &op, a, o, sink)
        })
    }

    /// Opens the token stream of operation `op` (`conversations.send_message`,
    /// `conversations.stream`) with `params` as for [`Self::call`].
    #[napi(ts_return_type = "Promise<TokenStream>", catch_unwind)]
    pub fn stream<'e>(
        &self,
        env: &'e Env,
        op: String,
        params: Option<String>,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, TokenStream>> {
        let a = dispatch::args(params)?;
        dispatch::stream(
            env,
            opts,
            cancel,
            |o| platform::dispatch::stream(&self.inner, &op, a, o),
            TokenStream::new,
        )
    }

    /// The paginated list `op` (`users.list`, `conversations.list`,
    /// `finance.transactions.list`) with `params` as for [`Self::call`].
    #[napi(catch_unwind)]
    pub fn paginate(
        &self,
        op: String,
        params: Option<String>,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<Pager> {
        let a = dispatch::args(params)?;
        dispatch::paginate(opts, cancel, |o, sink| {
            platform::dispatch::paginate(&self.inner, &op, a, o, sink)
        })
    }
}
