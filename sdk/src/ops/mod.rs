//! The cloud-operations agent: JWT login, chat over SSE and WebSocket with `thinking` /
//! `tool_call` / `tool_result` / `message` / `done` events, tools, configuration, metrics and
//! learned APIs. Routes are under `/api` of the base URL (`http://localhost:8000` by default),
//! authenticated with `Authorization: Bearer <JWT or API key>`; the WebSocket is `/ws`.
//!
//! ```no_run
//! # async fn run() -> agents_sdk::Result<()> {
//! use agents_sdk::ops::{AgentClient, ChatEvent, ChatParams};
//! use futures::StreamExt;
//!
//! let client = AgentClient::login("http://localhost:8000", "admin", "password").await?;
//! let mut events = client
//!     .chat()
//!     .stream(ChatParams::new("Lista las instancias EC2").conversation_id("conv_123"))
//!     .await?;
//! while let Some(event) = events.next().await {
//!     match event? {
//!         ChatEvent::ToolCall { tool, .. } => println!("running {tool}"),
//!         ChatEvent::Message { content } => print!("{content}"),
//!         _ => {}
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! # Errors
//!
//! Each method lists the errors specific to its route. Besides those, every call can return:
//!
//! - [`Error::Api`](crate::Error::Api) of kind
//!   [`Authentication`](crate::ApiErrorKind::Authentication) (401 `UNAUTHORIZED`) for a
//!   missing, expired or invalid token (a client that logged in logs in again once, then
//!   reports it), or for wrong login credentials;
//! - [`RateLimit`](crate::ApiErrorKind::RateLimit) (429, with the limit and `Retry-After`),
//!   [`InternalServer`](crate::ApiErrorKind::InternalServer) (500) or
//!   [`ServiceUnavailable`](crate::ApiErrorKind::ServiceUnavailable) (503) once the retries
//!   are spent;
//! - [`Error::Connection`](crate::Error::Connection) and
//!   [`Error::Timeout`](crate::Error::Timeout) (also after the retries);
//! - [`Error::Decode`](crate::Error::Decode) for an answer that is not the documented JSON,
//!   and [`Error::ResponseTooLarge`](crate::Error::ResponseTooLarge) past
//!   `max_response_bytes`.

mod realtime;
mod resources;
mod stream;
pub mod types;

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use realtime::{Realtime, RealtimeSession};
pub use resources::*;
pub use stream::{ChatDecoder, ChatStream};
pub use types::*;

use crate::client::{ClientSettings, common_builder_methods, env_nonempty, key_auth};
use crate::error::Result;
use crate::options::RequestOptions;
use crate::redact::Secret;
use crate::transport::{Auth as AuthSource, Req, TokenFuture, Transport};

/// Environment variable holding the API key (or a JWT).
pub const API_KEY_ENV: &str = "AGENT_API_KEY";
/// Environment variable holding the base URL.
pub const BASE_URL_ENV: &str = "AGENT_BASE_URL";
/// The default base URL: a locally running ops service.
pub const DEFAULT_BASE_URL: &str = "http://localhost:8000";

/// Client of the ops service. Cheap to clone; clones share the connection pool and the login.
///
/// Requests carry `Authorization: Bearer <token>`: a static API key or JWT, or the token of a
/// login that the client renews before it expires and once after a 401.
///
/// ```
/// use agents_sdk::ops::AgentClient;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let sandbox = agents_sandbox::Sandbox::start().await?;
/// # let (base_url, username, password) = (sandbox.ops_url(), sandbox.username(), sandbox.password());
/// // Log in now (POST /api/auth/login); the token is kept and renewed.
/// let client = AgentClient::login(base_url.clone(), username, password).await?;
/// let tools = client.tools().list().await?; // GET /api/tools
/// # let _ = tools;
///
/// // Or log in on the first call, with every other setting on the builder.
/// let lazy = AgentClient::builder()
///     .base_url(base_url)
///     .credentials(username, password)
///     .build()?;
/// let metrics = lazy.metrics().get().await?; // logs in, then GET /api/metrics
/// # let _ = metrics;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct AgentClient {
    t: Arc<Transport>,
}

impl fmt::Debug for AgentClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ops::AgentClient")
            .field(
                "base_url",
                &crate::redact::redact_url(self.t.cfg.base_url.as_str()),
            )
            .field("credentials", &"[REDACTED]")
            .finish()
    }
}

/// Builds an [`AgentClient`].
#[derive(Debug, Default)]
pub struct AgentClientBuilder {
    api_key: Option<Secret>,
    credentials: Option<(String, Secret)>,
    common: ClientSettings,
}

impl AgentClientBuilder {
    /// A static API key or JWT sent as `Authorization: Bearer …`; beats `AGENT_API_KEY`.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(Secret::new(key.into()));
        self
    }

    /// Log in with these credentials on first use, and again before the token expires or
    /// after a 401.
    pub fn credentials(mut self, username: impl Into<String>, password: impl Into<String>) -> Self {
        self.credentials = Some((username.into(), Secret::new(password.into())));
        self
    }

    common_builder_methods!();

    /// Builds the client.
    pub fn build(self) -> Result<AgentClient> {
        let auth = match self.credentials {
            Some((username, password)) => {
                Some(Arc::new(LoginSession::new(username, password)) as Arc<dyn AuthSource>)
            }
            None => key_auth(
                self.api_key
                    .or_else(|| env_nonempty(API_KEY_ENV).map(Secret::new)),
            )?,
        };
        let t = self.common.build(BASE_URL_ENV, DEFAULT_BASE_URL, auth)?;
        Ok(AgentClient { t })
    }

    /// Builds the client with every setting given to this builder and logs in now with
    /// `username` / `password` (`AgentClient.login` of the Python and Node packages, which
    /// keep every client setting too); the token is renewed like [`AgentClient::login`]'s.
    ///
    /// ```no_run
    /// # async fn f() -> agents_sdk::Result<()> {
    /// let client = agents_sdk::ops::AgentClient::builder()
    ///     .base_url("http://localhost:8000")
    ///     .timeout(std::time::Duration::from_secs(30))
    ///     .max_retries(5)
    ///     .login("admin", "password")
    ///     .await?;
    /// # drop(client); Ok(()) }
    /// ```
    pub async fn login(
        self,
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> Result<AgentClient> {
        let client = self.credentials(username, password).build()?;
        client.t.current_token().await?;
        Ok(client)
    }
}

impl AgentClient {
    /// A client with this API key (or JWT) and the other settings from the environment.
    pub fn new(api_key: impl Into<String>) -> Result<Self> {
        Self::builder().api_key(api_key).build()
    }

    /// A builder for every setting.
    pub fn builder() -> AgentClientBuilder {
        AgentClientBuilder::default()
    }

    /// A client configured from `AGENT_API_KEY` and `AGENT_BASE_URL`.
    pub fn from_env() -> Result<Self> {
        Self::builder().build()
    }

    /// Logs in at `base_url` and returns a client that keeps the token fresh.
    pub async fn login(
        base_url: impl Into<String>,
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> Result<Self> {
        let client = Self::builder()
            .base_url(base_url)
            .credentials(username, password)
            .build()?;
        client.t.current_token().await?;
        Ok(client)
    }

    /// A client with the same settings and credentials but a connection pool of its own.
    ///
    /// hyper drives each connection on the tokio runtime that opened it, so a connection
    /// opened inside one runtime stalls when polled from another that is not running. Code
    /// that runs one current-thread runtime per OS thread (as the Python package does for
    /// blocking calls) gives each thread its own handle from this method; clones, by
    /// contrast, share one pool. The login session is shared: a token
    /// fetched by either handle is used by both.
    pub fn with_new_connection_pool(&self) -> Result<Self> {
        Ok(Self {
            t: Arc::new(self.t.with_new_pool()?),
        })
    }

    /// A copy of this client with the settings given in `settings` (`Some`, or `headers`
    /// when not empty) in place of its own, checked like the builder's, and the same
    /// credentials and the same login session (a token fetched by either is used by both). The copy has a connection pool of its own.
    ///
    /// ```no_run
    /// # fn f(client: agents_sdk::ops::AgentClient) -> agents_sdk::Result<()> {
    /// let mut settings = agents_sdk::ClientSettings::default();
    /// settings.max_retries = Some(0);
    /// settings.timeout = Some(std::time::Duration::from_secs(5));
    /// let impatient = client.with_options(settings)?;
    /// # Ok(()) }
    /// ```
    pub fn with_options(&self, settings: crate::ClientSettings) -> Result<Self> {
        Ok(Self {
            t: settings.rebuild(&self.t)?,
        })
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.t.cfg.base_url.as_str()
    }

    /// `/api/auth/login`: log in with a user name and password.
    pub fn auth(&self) -> Auth<'_> {
        Auth::new(self)
    }
    /// `/api/chat`: ask the agent, for its finished answer or a stream of events.
    pub fn chat(&self) -> Chat<'_> {
        Chat::new(self)
    }
    /// `/api/conversations*`: list, get, create and delete conversations.
    pub fn conversations(&self) -> Conversations<'_> {
        Conversations::new(self)
    }
    /// `/api/config`: read and update the agent's configuration.
    pub fn config(&self) -> ConfigResource<'_> {
        ConfigResource::new(self)
    }
    /// `/api/metrics`: alert counts, infrastructure and the agent's usage.
    pub fn metrics(&self) -> MetricsResource<'_> {
        MetricsResource::new(self)
    }
    /// `/api/tools*`: list the agent's tools and run one directly.
    pub fn tools(&self) -> Tools<'_> {
        Tools::new(self)
    }
    /// `/api/learned-apis`: list the learned APIs and learn a new one.
    pub fn learned_apis(&self) -> LearnedApis<'_> {
        LearnedApis::new(self)
    }
    /// `/api/webhooks`: register a webhook; also signs, verifies and decodes deliveries.
    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks::new(self)
    }
    /// The WebSocket channel `/ws`: one connection for many chats, with the same events as
    /// the SSE stream.
    pub fn realtime(&self) -> Realtime<'_> {
        Realtime::new(self)
    }

    pub(crate) async fn call<T: serde::de::DeserializeOwned>(
        &self,
        req: Req,
        opts: &RequestOptions,
    ) -> Result<T> {
        let (value, meta) = self.t.json(&req, opts).await?;
        if let Some(c) = &opts.capture {
            c.set(&meta);
        }
        Ok(value)
    }

    pub(crate) fn transport(&self) -> &Arc<Transport> {
        &self.t
    }
}

impl Transport {
    /// The bearer token requests would send now (logging in first when needed).
    pub(crate) async fn current_token(&self) -> Result<Option<Secret>> {
        match self.auth_source() {
            Some(a) => a.token(self).await,
            None => Ok(None),
        }
    }
}

/// Longest a login token is kept before the client logs in again, whatever `expires_in` the
/// server answered (one day).
pub const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);

/// A JWT obtained from `/api/auth/login`, renewed before it expires.
pub(crate) struct LoginSession {
    username: String,
    password: Secret,
    state: Mutex<Option<(Secret, Instant)>>,
    login_lock: tokio::sync::Mutex<()>,
}

impl fmt::Debug for LoginSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoginSession")
            .field("username", &self.username)
            .field("password", &self.password)
            .finish_non_exhaustive()
    }
}

impl LoginSession {
    pub(crate) fn new(username: String, password: Secret) -> Self {
        LoginSession {
            username,
            password,
            state: Mutex::new(None),
            login_lock: tokio::sync::Mutex::new(()),
        }
    }

    /// Installs a token obtained elsewhere (e.g. `auth().login()`).
    ///
    /// The token is renewed when 10 % of its lifetime (at most 60 s) is left; the lifetime is
    /// capped at [`MAX_TOKEN_LIFETIME`], and a lifetime of 0 means the token is used for the
    /// call that logged in only (the next call logs in again, at most once per call).
    pub(crate) fn store(&self, token: &Token) {
        let lifetime = Duration::from_secs(token.expires_in).min(MAX_TOKEN_LIFETIME);
        let margin = lifetime
            .checked_div(10)
            .unwrap_or_default()
            .min(Duration::from_secs(60));
        let now = Instant::now();
        let renew_at = crate::options::deadline_after(now, lifetime.saturating_sub(margin));
        *self.state.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((Secret::new(token.access_token.clone()), renew_at));
    }

    fn cached(&self) -> Option<Secret> {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        match &*state {
            Some((token, renew_at)) if Instant::now() < *renew_at => Some(token.clone()),
            _ => None,
        }
    }

    pub(crate) async fn login(&self, t: &Transport, opts: &RequestOptions) -> Result<Token> {
        let params = LoginParams::new(self.username.clone(), self.password.expose().to_owned());
        let req = Req::post(&["api", "auth", "login"])
            .no_auth()
            .json(&params)?;
        let (token, meta): (Token, _) = t.json(&req, opts).await?;
        // a token that cannot be sent back as a header would fail every later call with an
        // argument error; refused here, as the answer it is (never quoted)
        if token.access_token.is_empty()
            || crate::options::validate::header("Authorization", &token.access_token).is_err()
        {
            return Err(crate::Error::Decode {
                what: "login answer",
                message: "its access_token is empty or not a valid HTTP header value".to_owned(),
                excerpt: String::new(),
                status: Some(meta.status),
                request_id: meta.request_id,
            });
        }
        self.store(&token);
        Ok(token)
    }
}

impl AuthSource for LoginSession {
    fn token<'a>(&'a self, t: &'a Transport) -> TokenFuture<'a> {
        Box::pin(async move {
            if let Some(tok) = self.cached() {
                return Ok(Some(tok));
            }
            let _guard = self.login_lock.lock().await;
            if let Some(tok) = self.cached() {
                return Ok(Some(tok));
            }
            tracing::debug!(username = %self.username, "logging in to the ops service");
            let token = self.login(t, &RequestOptions::default()).await?;
            Ok(Some(Secret::new(token.access_token)))
        })
    }

    fn invalidate(&self, stale: &Secret) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if matches!(&*state, Some((tok, _)) if tok == stale) {
            *state = None;
        }
        true
    }

    fn add_known(&self, known: &mut crate::redact::KnownSecrets) {
        known.add(self.password.expose());
        if let Some((token, _)) = &*self.state.lock().unwrap_or_else(|e| e.into_inner()) {
            known.add(token.expose());
        }
    }
}
