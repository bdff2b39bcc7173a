//! `agents_sdk::platform` for JavaScript: the client, and the generic `call` / `stream` /
//! `paginate` through which `ts/platform-resources.ts` (generated) runs every operation.

use agents_sdk::Closable;
use agents_sdk::platform::{self, Client};
use napi::Env;
use napi::bindgen_prelude::{Function, PromiseRaw};
use napi_derive::napi;

use crate::dispatch;
use crate::error::{as_type_error, to_napi};
use crate::logging::{ClientLog, LogSlot};
use crate::options::{CallOptions, CancelHandle, ClientConfig, client_settings};
use crate::pagination::Pager;
use crate::stream::TokenStream;

/// The platform client (`CJHirashiAgents` in JavaScript).
#[napi]
#[derive(Debug)]
pub struct PlatformClient {
    /// Dropped by `close()`; every later call fails with the core's closed error.
    inner: Closable<Client>,
    /// Kept apart from the client, so it is still known once the client is closed.
    base_url: String,
    /// Where its calls are logged (`setLog`; none until then).
    log: LogSlot,
}

impl PlatformClient {
    fn wrap(inner: Client) -> Self {
        PlatformClient {
            base_url: inner.base_url().to_owned(),
            inner: Closable::new(inner),
            log: LogSlot::default(),
        }
    }
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
        Ok(PlatformClient::wrap(b.build().map_err(as_type_error)?))
    }

    /// A client with these settings in place of this one's (absent ones kept) and the same
    /// API key (`CJHirashiAgents.withOptions`).
    #[napi(catch_unwind)]
    pub fn with_options(&self, config: ClientConfig) -> napi::Result<PlatformClient> {
        let settings = client_settings(&config)?;
        let copy = self
            .inner
            .with(|c| c.with_options(settings))
            .map_err(as_type_error)?;
        Ok(PlatformClient::wrap(copy))
    }

    /// Logs this client's requests at `level` (`debug`, `info`, `warn`; `error`, `off`:
    /// nothing) by calling `sink(level, record)` on the JavaScript thread (see `logging.rs`).
    #[napi(catch_unwind)]
    pub fn set_log(
        &self,
        env: &Env,
        level: String,
        #[napi(ts_arg_type = "(level: string, record: string) => void")] sink: Function<
            '_,
            (String, String),
            (),
        >,
    ) -> napi::Result<()> {
        self.log.set(ClientLog::new(env, &level, &sink)?);
        Ok(())
    }

    /// The base URL requests go to.
    #[napi(getter, catch_unwind)]
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// Releases the client's connection pool now; every later call, stream or list fails
    /// with `APIConnectionError` ("the client is closed"). Idempotent.
    #[napi(catch_unwind)]
    pub fn close(&self) {
        drop(self.inner.close());
    }

    /// Throws the closed error (`APIConnectionError`) once `close()` was called.
    #[napi(catch_unwind)]
    pub fn check_open(&self) -> napi::Result<()> {
        self.inner.with(|_| Ok(())).map_err(to_napi)
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
        dispatch::call(env, (self.log.get(), &op), opts, cancel, |o, sink| {
            self.inner
                .with(|c| platform::dispatch::call(c, &op, a, o, sink))
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
            (self.log.get(), &op),
            opts,
            cancel,
            |o| {
                self.inner
                    .with(|c| platform::dispatch::stream(c, &op, a, o))
            },
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
        dispatch::paginate((self.log.get(), &op), opts, cancel, |o, sink| {
            self.inner
                .with(|c| platform::dispatch::paginate(c, &op, a, o, sink))
        })
    }
}
