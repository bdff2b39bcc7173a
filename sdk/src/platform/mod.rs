//! The CJHIRASHI Agents platform: API keys, users, agents, conversations with SSE token
//! streaming, health and finance, behind a `{data, meta}` envelope. Every route is under the
//! base URL (`https://agents.cjhirashi.com/api` by default) and authenticated with
//! `Authorization: Bearer <API key>`.
//!
//! ```no_run
//! # async fn run() -> agents_sdk::Result<()> {
//! use agents_sdk::platform::{Client, CreateConversationParams};
//! use futures::StreamExt;
//!
//! let client = Client::from_env()?; // CJHIRASHI_API_KEY, CJHIRASHI_BASE_URL
//! let agents = client.agents().list(Default::default()).await?;
//! let conversation = client
//!     .conversations()
//!     .create(CreateConversationParams::new("agt_personal_001").initial_message("Hola"))
//!     .await?;
//! let mut tokens = conversation.send_message("¿Cómo estás?").await?.tokens();
//! while let Some(token) = tokens.next().await {
//!     print!("{}", token?);
//! }
//! # let _ = agents; Ok(()) }
//! ```
//!
//! # Errors
//!
//! Each method lists the errors specific to its route. Besides those, every call can return:
//!
//! - [`Error::Api`] of kind
//!   [`Authentication`](crate::ApiErrorKind::Authentication) (401 `UNAUTHORIZED`) for a
//!   missing, malformed or revoked API key;
//! - [`RateLimit`](crate::ApiErrorKind::RateLimit) (429 `RATE_LIMIT_EXCEEDED`, with the limit
//!   and `Retry-After`), [`InternalServer`](crate::ApiErrorKind::InternalServer) (500) or
//!   [`ServiceUnavailable`](crate::ApiErrorKind::ServiceUnavailable) (503) once the retries
//!   are spent;
//! - [`Error::Connection`] and
//!   [`Error::Timeout`] (also after the retries);
//! - [`Error::Decode`] for an answer that is not the documented JSON,
//!   and [`Error::ResponseTooLarge`] past
//!   `max_response_bytes`;
//! - [`Error::InvalidArgument`] for an invalid per-call header
//!   (nothing is sent).

mod resources;
mod stream;
pub mod types;

use std::fmt;
use std::sync::Arc;

use serde::de::DeserializeOwned;

pub use resources::*;
pub use stream::{CompletedMessage, MessageStream, TokenBatch, TokenBatches, TokenDecoder, Tokens};
pub use types::*;

use crate::client::{ClientSettings, common_builder_methods, env_nonempty, key_auth};
use crate::error::{Error, Result};
use crate::options::{RequestOptions, ResponseMeta, WithResponse};
use crate::redact::Secret;
use crate::transport::{Req, Transport};

/// Environment variable holding the API key.
pub const API_KEY_ENV: &str = "CJHIRASHI_API_KEY";
/// Environment variable holding the base URL.
pub const BASE_URL_ENV: &str = "CJHIRASHI_BASE_URL";
/// The production base URL.
pub const DEFAULT_BASE_URL: &str = "https://agents.cjhirashi.com/api";

/// Client of the platform service. Cheap to clone; clones share one connection pool.
///
/// Every request carries `Authorization: Bearer <API key>`; resources hang off the client
/// (`client.agents()`, `client.finance().transactions()`, …).
///
/// ```
/// use std::time::Duration;
///
/// use agents_sdk::platform::Client;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let sandbox = agents_sandbox::Sandbox::start().await?;
/// # let (api_key, base_url) = (sandbox.api_key(), sandbox.platform_url());
/// // `Client::from_env()` reads CJHIRASHI_API_KEY and CJHIRASHI_BASE_URL instead.
/// let client = Client::builder()
///     .api_key(api_key)
///     .base_url(base_url)
///     .timeout(Duration::from_secs(30))
///     .max_retries(3)
///     .build()?;
/// let profile = client.finance().profile().await?; // GET /api/finance/profile
/// println!("monthly income {}", profile.monthly_income);
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    t: Arc<Transport>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("platform::Client")
            .field(
                "base_url",
                &crate::redact::redact_url(self.t.cfg.base_url.as_str()),
            )
            .field("api_key", &"[REDACTED]")
            .finish()
    }
}

/// Builds a [`Client`].
#[derive(Debug, Default)]
pub struct ClientBuilder {
    api_key: Option<Secret>,
    common: ClientSettings,
}

impl ClientBuilder {
    /// The API key (`cj_live_…`); beats `CJHIRASHI_API_KEY`.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(Secret::new(key.into()));
        self
    }

    common_builder_methods!();

    /// Builds the client. The key falls back to `CJHIRASHI_API_KEY`, the base URL to
    /// `CJHIRASHI_BASE_URL` and then to the production URL.
    pub fn build(self) -> Result<Client> {
        let key = self
            .api_key
            .or_else(|| env_nonempty(API_KEY_ENV).map(Secret::new));
        let t = self
            .common
            .build(BASE_URL_ENV, DEFAULT_BASE_URL, key_auth(key)?)?;
        Ok(Client { t })
    }
}

impl Client {
    /// A client with this API key and the other settings from the environment or defaults.
    pub fn new(api_key: impl Into<String>) -> Result<Self> {
        Self::builder().api_key(api_key).build()
    }

    /// A builder for every setting.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from `CJHIRASHI_API_KEY` (required) and `CJHIRASHI_BASE_URL`.
    pub fn from_env() -> Result<Self> {
        if env_nonempty(API_KEY_ENV).is_none() {
            return Err(Error::InvalidArgument(format!(
                "{API_KEY_ENV} is not set; pass an API key or set the variable"
            )));
        }
        Self::builder().build()
    }

    /// A client with the same settings and credentials but a connection pool of its own.
    ///
    /// hyper drives each connection on the tokio runtime that opened it, so a connection
    /// opened inside one runtime stalls when polled from another that is not running. Code
    /// that runs one current-thread runtime per OS thread (as the Python package does for
    /// blocking calls) gives each thread its own handle from this method; clones, by
    /// contrast, share one pool.
    pub fn with_new_connection_pool(&self) -> Result<Self> {
        Ok(Self {
            t: Arc::new(self.t.with_new_pool()?),
        })
    }

    /// A copy of this client with the settings given in `settings` (`Some`, or `headers`
    /// when not empty) in place of its own, checked like the builder's, and the same
    /// credentials. The copy has a connection pool of its own.
    ///
    /// ```no_run
    /// # fn f(client: agents_sdk::platform::Client) -> agents_sdk::Result<()> {
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

    /// `/api/auth/*`: the sign-in URL, sign-out, the session and new API keys.
    pub fn auth(&self) -> Auth<'_> {
        Auth::new(self)
    }
    /// `/api/users*`: the caller's profile, and (admins) listing, inviting and deleting users.
    pub fn users(&self) -> Users<'_> {
        Users::new(self)
    }
    /// `/api/agents*`: list, get, create and delete agents.
    pub fn agents(&self) -> Agents<'_> {
        Agents::new(self)
    }
    /// `/api/conversations*`: list, get, create and delete conversations, send messages and
    /// stream the answers.
    pub fn conversations(&self) -> Conversations<'_> {
        Conversations::new(self)
    }
    /// `/api/health/*`: the health profile, medications and appointments.
    pub fn health(&self) -> Health<'_> {
        Health::new(self)
    }
    /// `/api/finance/*`: the finance profile, accounts, transactions and budgets.
    pub fn finance(&self) -> Finance<'_> {
        Finance::new(self)
    }
    /// `/api/webhooks`: register a webhook; also signs, verifies and decodes deliveries.
    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks::new(self)
    }

    /// Sends `req` and unwraps the `{data, meta}` envelope, keeping `meta.requestId`.
    pub(crate) async fn call<T: DeserializeOwned>(
        &self,
        req: Req,
        opts: &RequestOptions,
    ) -> Result<WithResponse<T>> {
        if opts.raw_answer && opts.capture.is_none() {
            let (body, meta) = self.t.body(&req, opts).await?;
            return Err(Error::RawAnswer(Box::new(crate::dispatch::RawAnswer::new(
                body,
                meta,
                self.t.secrets(&req),
            ))));
        }
        let (env, mut meta): (Envelope<T>, ResponseMeta) = self.t.json(&req, opts).await?;
        if let Some(id) = env.meta.and_then(|m| m.request_id) {
            meta.request_id = Some(id);
        }
        if let Some(c) = &opts.capture {
            c.set(&meta);
        }
        Ok(WithResponse {
            data: env.data,
            meta,
        })
    }

    /// Like [`Client::call`] for answers documented both with and without the envelope
    /// (`POST /api/auth/api-keys`).
    pub(crate) async fn call_lenient<T: DeserializeOwned>(
        &self,
        req: Req,
        opts: &RequestOptions,
    ) -> Result<WithResponse<T>> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum MaybeEnveloped<T> {
            Enveloped(Envelope<T>),
            Bare(T),
        }
        let (value, mut meta): (MaybeEnveloped<T>, ResponseMeta) = self.t.json(&req, opts).await?;
        let data = match value {
            MaybeEnveloped::Enveloped(env) => {
                if let Some(id) = env.meta.and_then(|m| m.request_id) {
                    meta.request_id = Some(id);
                }
                env.data
            }
            MaybeEnveloped::Bare(data) => data,
        };
        if let Some(c) = &opts.capture {
            c.set(&meta);
        }
        Ok(WithResponse { data, meta })
    }

    pub(crate) fn transport(&self) -> &Transport {
        &self.t
    }
}
