//! `agents_sdk::platform` for JavaScript: one native method per operation, wrapped by
//! `ts/platform.ts`.

use agents_sdk::ResponseCapture;
use agents_sdk::platform::{self, Client};
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;

use crate::dispatch;
use crate::error::{as_type_error, from_json, spawn, to_napi};
use crate::options::{
    CallOptions, CancelHandle, ClientConfig, client_settings, request_options, request_options_meta,
};
use crate::pagination::Pager;
use crate::stream::{TokenStream, spawn_json};

/// The platform client (`CJHirashiAgents` in JavaScript).
#[napi]
#[derive(Debug)]
pub struct PlatformClient {
    inner: Client,
}

/// Runs `$call` (an expression using the cloned client `$c` and the options `$o`) on the
/// runtime and resolves with its JSON.
macro_rules! call {
    ($self:ident, $env:ident, $opts:ident, $cancel:ident, |$c:ident, $o:ident| $call:expr) => {{
        let ($o, capture) = request_options_meta($opts, $cancel)?;
        let $c = $self.inner.clone();
        spawn_json($env, capture, async move { $call.await })
    }};
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

    // ----- auth -----

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn auth_sign_in_url<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .auth()
            .with_options(o)
            .sign_in_url())
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn auth_sign_out<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .auth()
            .with_options(o)
            .sign_out())
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn auth_session<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .auth()
            .with_options(o)
            .session())
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn auth_create_api_key<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .auth()
            .with_options(o)
            .create_api_key())
    }

    // ----- users -----

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn users_me<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .users()
            .with_options(o)
            .me())
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn users_update_me<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: platform::UpdateMeParams = from_json("users.updateMe params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .users()
            .with_options(o)
            .update_me(p))
    }

    #[napi(catch_unwind)]
    pub fn users_list(
        &self,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<Pager> {
        let p: platform::ListUsersParams = from_json("users.list params", &params)?;
        let capture = ResponseCapture::new();
        let o = request_options(opts, cancel)?.capture(&capture);
        Ok(Pager::new(
            self.inner.users().with_options(o).list(p),
            cancel.map(|h| h.token.clone()),
            Some(capture),
        ))
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn users_invite<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: platform::InviteUserParams = from_json("users.invite params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .users()
            .with_options(o)
            .invite(p))
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn users_delete<'e>(
        &self,
        env: &'e Env,
        id: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .users()
            .with_options(o)
            .delete(&id))
    }

    // ----- agents -----

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn agents_list<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: platform::ListAgentsParams = from_json("agents.list params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .agents()
            .with_options(o)
            .list(p))
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn agents_get<'e>(
        &self,
        env: &'e Env,
        id: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .agents()
            .with_options(o)
            .get(&id))
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn agents_create<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: platform::CreateAgentParams = from_json("agents.create params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .agents()
            .with_options(o)
            .create(p))
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn agents_delete<'e>(
        &self,
        env: &'e Env,
        id: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .agents()
            .with_options(o)
            .delete(&id))
    }

    // ----- conversations -----

    #[napi(catch_unwind)]
    pub fn conversations_list(
        &self,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<Pager> {
        let p: platform::ListConversationsParams = from_json("conversations.list params", &params)?;
        let capture = ResponseCapture::new();
        let o = request_options(opts, cancel)?.capture(&capture);
        Ok(Pager::new(
            self.inner.conversations().with_options(o).list(p),
            cancel.map(|h| h.token.clone()),
            Some(capture),
        ))
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn conversations_get<'e>(
        &self,
        env: &'e Env,
        id: String,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: platform::GetConversationParams = from_json("conversations.get params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .conversations()
            .with_options(o)
            .get(&id, p))
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn conversations_create<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: platform::CreateConversationParams =
            from_json("conversations.create params", &params)?;
        let (o, capture) = request_options_meta(opts, cancel)?;
        let c = self.inner.clone();
        spawn_json(env, capture, async move {
            let handle = c.conversations().with_options(o).create(p).await?;
            Ok(handle.conversation)
        })
    }

    #[napi(ts_return_type = "Promise<TokenStream>", catch_unwind)]
    pub fn conversations_send_message<'e>(
        &self,
        env: &'e Env,
        id: String,
        content: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, TokenStream>> {
        let o = request_options(opts, cancel)?;
        let stop = cancel.map(|h| h.token.clone());
        let c = self.inner.clone();
        spawn(env, async move {
            let s = c
                .conversations()
                .with_options(o)
                .send_message(&id, content)
                .await
                .map_err(to_napi)?;
            Ok(TokenStream::new(s, stop))
        })
    }

    #[napi(ts_return_type = "Promise<TokenStream>", catch_unwind)]
    pub fn conversations_stream<'e>(
        &self,
        env: &'e Env,
        id: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, TokenStream>> {
        let o = request_options(opts, cancel)?;
        let stop = cancel.map(|h| h.token.clone());
        let c = self.inner.clone();
        spawn(env, async move {
            let s = c
                .conversations()
                .with_options(o)
                .stream(&id)
                .await
                .map_err(to_napi)?;
            Ok(TokenStream::new(s, stop))
        })
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn conversations_delete<'e>(
        &self,
        env: &'e Env,
        id: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .conversations()
            .with_options(o)
            .delete(&id))
    }

    // ----- health -----

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn health_profile<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .health()
            .with_options(o)
            .profile())
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn health_update_profile<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: platform::UpdateHealthProfileParams =
            from_json("health.updateProfile params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .health()
            .with_options(o)
            .update_profile(p))
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn health_medications_list<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .health()
            .medications()
            .with_options(o)
            .list())
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn health_medications_create<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: platform::CreateMedicationParams =
            from_json("health.medications.create params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .health()
            .medications()
            .with_options(o)
            .create(p))
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn health_appointments_list<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: platform::ListAppointmentsParams =
            from_json("health.appointments.list params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .health()
            .appointments()
            .with_options(o)
            .list(p))
    }

    // ----- finance -----

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn finance_profile<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .finance()
            .with_options(o)
            .profile())
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn finance_accounts_list<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .finance()
            .accounts()
            .with_options(o)
            .list())
    }

    #[napi(catch_unwind)]
    pub fn finance_transactions_list(
        &self,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<Pager> {
        let p: platform::ListTransactionsParams =
            from_json("finance.transactions.list params", &params)?;
        let capture = ResponseCapture::new();
        let o = request_options(opts, cancel)?.capture(&capture);
        Ok(Pager::new(
            self.inner.finance().transactions().with_options(o).list(p),
            cancel.map(|h| h.token.clone()),
            Some(capture),
        ))
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn finance_transactions_create<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: platform::CreateTransactionParams =
            from_json("finance.transactions.create params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .finance()
            .transactions()
            .with_options(o)
            .create(p))
    }

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn finance_budgets_list<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .finance()
            .budgets()
            .with_options(o)
            .list())
    }

    // ----- webhooks -----

    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn webhooks_create<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: platform::CreateWebhookParams = from_json("webhooks.create params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .webhooks()
            .with_options(o)
            .create(p))
    }
}
