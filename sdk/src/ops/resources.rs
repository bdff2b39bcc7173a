//! Resource handles of the ops client: `client.chat().stream(..)` and so on.

use std::sync::Arc;

use http::Method;

use super::stream::{ChatDecoder, ChatStream};
use super::types::*;
use super::{AgentClient, LoginSession};
use crate::error::{Error, Result};
use crate::options::RequestOptions;
use crate::redact::Secret;
use crate::stream::EventStream;
use crate::transport::Req;

macro_rules! resource {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name<'c> {
            c: &'c AgentClient,
            opts: RequestOptions,
        }

        impl<'c> $name<'c> {
            pub(crate) fn new(c: &'c AgentClient) -> Self {
                Self { c, opts: RequestOptions::default() }
            }

            /// Uses these per-request options for the calls made through this handle.
            pub fn with_options(mut self, opts: RequestOptions) -> Self {
                self.opts = opts;
                self
            }

            /// The response-metadata form of any call of this handle: runs `call` with a
            /// copy of the handle that records the answer's metadata and resolves with the
            /// call's value and that [`ResponseMeta`](crate::ResponseMeta) (status, headers,
            /// request id, rate limit, attempts). For a stream (or a paginator's page) the
            /// metadata is that of the response that opened it (the latest page fetched).
            ///
            /// ```no_run
            /// # async fn f(client: agents_sdk::ops::AgentClient) -> agents_sdk::Result<()> {
            /// let answer = client.tools().with_response(|t| async move { t.list().await }).await?;
            /// println!("{} {:?} {}", answer.meta.status, answer.meta.request_id, answer.meta.attempts);
            /// # Ok(()) }
            /// ```
            pub async fn with_response<T, F, Fut>(&self, call: F) -> Result<crate::WithResponse<T>>
            where
                F: FnOnce(Self) -> Fut,
                Fut: std::future::Future<Output = Result<T>>,
            {
                let capture = crate::ResponseCapture::new();
                let handle = self.clone().with_options(self.opts.clone().capture(&capture));
                let data = call(handle).await?;
                let meta = capture.get().unwrap_or_default();
                Ok(crate::WithResponse { data, meta })
            }
        }
    };
}

resource!(
    /// `/api/auth/login`: log in with a user name and password. From [`AgentClient::auth`].
    Auth
);
resource!(
    /// `/api/chat`, streaming or not. From [`AgentClient::chat`].
    Chat
);
resource!(
    /// `/api/conversations*`: list, get, create and delete conversations. From
    /// [`AgentClient::conversations`].
    Conversations
);
resource!(
    /// `/api/config`: read and update the agent's configuration. From [`AgentClient::config`].
    ConfigResource
);
resource!(
    /// `/api/metrics`: alert counts, infrastructure and usage. From [`AgentClient::metrics`].
    MetricsResource
);
resource!(
    /// `/api/tools*`: list the tools and run one. From [`AgentClient::tools`].
    Tools
);
resource!(
    /// `/api/learned-apis`: list learned APIs and learn one. From
    /// [`AgentClient::learned_apis`].
    LearnedApis
);
resource!(
    /// `/api/webhooks`: register a webhook; also signs, verifies and decodes deliveries. From
    /// [`AgentClient::webhooks`].
    Webhooks
);

fn validate_id(what: &str, id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::InvalidArgument(format!("{what} must not be empty")));
    }
    Ok(())
}

impl Auth<'_> {
    /// `POST /api/auth/login` with a user name and password (sent without a token): a JWT and
    /// its lifetime. The client keeps the token, sends it from now on and logs in again before
    /// it expires or after a 401.
    ///
    /// # Errors
    ///
    /// - [`Authentication`](crate::ApiErrorKind::Authentication) (401) for a wrong user name or password,
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `INVALID_REQUEST`) for a missing field,
    /// - the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn login(
        &self,
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> Result<Token> {
        let session = Arc::new(LoginSession::new(
            username.into(),
            Secret::new(password.into()),
        ));
        let token = session.login(self.c.transport(), &self.opts).await?;
        self.c.transport().set_auth(session);
        Ok(token)
    }
}

impl Chat<'_> {
    /// `POST /api/chat` with `stream: false`: the agent's finished answer with the tool calls
    /// it made. Without a `conversation_id` a new conversation is started; an unknown one is
    /// created with that id.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty message (nothing is sent),
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `INVALID_REQUEST`, the parameter in `details`) for a malformed body,
    /// - the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn send(&self, params: ChatParams) -> Result<ChatResponse> {
        if params.message.trim().is_empty() {
            return Err(Error::InvalidArgument("message must not be empty".into()));
        }
        let mut params = params;
        params.stream = false;
        let req = Req::post(&["api", "chat"]).json(&params)?;
        self.c.call(req, &self.opts).await
    }

    /// `POST /api/chat` with `stream: true`: the answer as server-sent events, read as typed
    /// [`ChatEvent`]s (`thinking`, `tool_call`, `tool_result`, `message`, then `done`). The
    /// request is retried only before the stream's first byte.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty message (nothing is sent),
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `INVALID_REQUEST`, the parameter in `details`) for a malformed body;
    /// - while reading the stream: [`Error::Api`] for an `error` event, [`Error::IncompleteStream`] when it ends before `done`, [`Error::Timeout`] when it stays silent longer than the stream idle timeout,
    /// - the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn stream(&self, params: ChatParams) -> Result<ChatStream> {
        if params.message.trim().is_empty() {
            return Err(Error::InvalidArgument("message must not be empty".into()));
        }
        let mut params = params;
        params.stream = true;
        let req = Req::post(&["api", "chat"]).json(&params)?.streaming();
        let sse = self.c.transport().stream(&req, &self.opts).await?;
        let limit = self.c.transport().response_limit(&self.opts);
        Ok(EventStream::new(sse, ChatDecoder::with_text_limit(limit)))
    }
}

impl Conversations<'_> {
    /// `GET /api/conversations`: every conversation, newest first, without messages.
    ///
    /// # Errors
    ///
    /// Only the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn list(&self) -> Result<ConversationList> {
        self.c
            .call(Req::get(&["api", "conversations"]), &self.opts)
            .await
    }

    /// `POST /api/conversations`: an empty conversation, optionally with a title.
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `INVALID_REQUEST`, the parameter in `details`) for a title that is not a string,
    /// - the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn create(&self, params: CreateConversationParams) -> Result<ConversationSummary> {
        let req = Req::post(&["api", "conversations"]).json(&params)?;
        self.c.call(req, &self.opts).await
    }

    /// `GET /api/conversations/{id}`: a conversation with its messages (and their tool
    /// calls).
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty id (nothing is sent),
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown conversation,
    /// - the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn get(&self, id: &str) -> Result<ConversationDetail> {
        validate_id("conversation id", id)?;
        self.c
            .call(Req::get(&["api", "conversations", id]), &self.opts)
            .await
    }

    /// `DELETE /api/conversations/{id}`: deletes a conversation and its messages.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty id (nothing is sent),
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown conversation,
    /// - the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn delete(&self, id: &str) -> Result<DeletedConversation> {
        validate_id("conversation id", id)?;
        let req = Req::new(Method::DELETE, &["api", "conversations", id]);
        self.c.call(req, &self.opts).await
    }
}

impl ConfigResource<'_> {
    /// `GET /api/config`: the agent's configuration (LLM provider and model, agent settings,
    /// cloud providers).
    ///
    /// # Errors
    ///
    /// Only the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn get(&self) -> Result<Config> {
        self.c.call(Req::get(&["api", "config"]), &self.opts).await
    }

    /// `PUT /api/config`: a partial update (only the fields set in `update` change); answers
    /// the whole new configuration.
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `INVALID_REQUEST`, the field in `details`) for a value of the wrong type or out of range,
    /// - the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn update(&self, update: ConfigUpdate) -> Result<Config> {
        let req = Req::new(Method::PUT, &["api", "config"]).json(&update)?;
        self.c.call(req, &self.opts).await
    }
}

impl MetricsResource<'_> {
    /// `GET /api/metrics`: alert counts, the cloud infrastructure's state and the agent's
    /// usage statistics.
    ///
    /// # Errors
    ///
    /// Only the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn get(&self) -> Result<Metrics> {
        self.c.call(Req::get(&["api", "metrics"]), &self.opts).await
    }
}

impl Tools<'_> {
    /// `GET /api/tools`: the tools the agent can run, with their parameters.
    ///
    /// # Errors
    ///
    /// Only the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn list(&self) -> Result<ToolList> {
        self.c.call(Req::get(&["api", "tools"]), &self.opts).await
    }

    /// `POST /api/tools/execute`: runs `tool` with `parameters` directly (without the
    /// agent) and answers its result and duration.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty tool name (nothing is sent),
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown tool,
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `INVALID_REQUEST`, the parameter in `details`) for missing or invalid parameters,
    /// - the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn execute(
        &self,
        tool: impl Into<String>,
        parameters: serde_json::Map<String, serde_json::Value>,
    ) -> Result<ToolExecution> {
        let params = ExecuteToolParams {
            tool: tool.into(),
            parameters,
        };
        if params.tool.trim().is_empty() {
            return Err(Error::InvalidArgument("tool must not be empty".into()));
        }
        let req = Req::post(&["api", "tools", "execute"]).json(&params)?;
        self.c.call(req, &self.opts).await
    }
}

impl LearnedApis<'_> {
    /// `GET /api/learned-apis`: the APIs the agent has learned, with their operations.
    ///
    /// # Errors
    ///
    /// Only the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn list(&self) -> Result<LearnedApiList> {
        self.c
            .call(Req::get(&["api", "learned-apis"]), &self.opts)
            .await
    }

    /// `POST /api/learned-apis`: learns an API from an OpenAPI document (by URL or inline),
    /// so the agent can call its operations.
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `INVALID_REQUEST`, the parameter in `details`) for a missing name or source, an unreachable URL or a document that is not OpenAPI,
    /// - the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn learn(&self, params: LearnApiParams) -> Result<LearnedApi> {
        let req = Req::post(&["api", "learned-apis"]).json(&params)?;
        self.c.call(req, &self.opts).await
    }
}

impl Webhooks<'_> {
    crate::webhooks::client_helpers!();

    /// `POST /api/webhooks`: registers a URL to receive the given events (alerts, tool runs,
    /// learned APIs), signed with `secret` (check deliveries with
    /// [`crate::webhooks::unwrap`]).
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `INVALID_REQUEST`, the parameter in `details`) for a URL that is not http(s), no events or an unknown one, or a missing secret,
    /// - the errors every call can return (see [the module](crate::ops#errors)).
    pub async fn create(&self, params: CreateWebhookParams) -> Result<Webhook> {
        let req = Req::post(&["api", "webhooks"]).json(&params)?;
        self.c.call(req, &self.opts).await
    }
}

list_as_slice!(
    ConversationList.conversations: ConversationSummary,
    ToolList.tools: Tool,
    LearnedApiList.apis: LearnedApi,
);

/// Every ops operation by its SDK name, with JSON arguments (see [`crate::dispatch`]): one row
/// per operation, next to the methods above. The WebSocket session (`realtime.connect`) is not
/// here: it is not a request.
#[doc(hidden)]
pub mod dispatch {
    use serde_json::Value;

    use super::super::{AgentClient, ChatParams, ChatStream};
    use crate::dispatch::{Args, Call, Kind, Sink, answer, unknown};
    use crate::error::Result;
    use crate::options::RequestOptions;

    /// Every operation [`call`] and [`stream`] know, with its kind.
    pub const OPERATIONS: &[(&str, Kind)] = &[
        ("auth.login", Kind::Call),
        ("chat.send", Kind::Call),
        ("chat.stream", Kind::Stream),
        ("conversations.list", Kind::Items),
        ("conversations.create", Kind::Call),
        ("conversations.get", Kind::Call),
        ("conversations.delete", Kind::Call),
        ("config.get", Kind::Call),
        ("config.update", Kind::Call),
        ("metrics.get", Kind::Call),
        ("tools.list", Kind::Items),
        ("tools.execute", Kind::Call),
        ("learned_apis.list", Kind::Items),
        ("learned_apis.learn", Kind::Call),
        ("webhooks.create", Kind::Call),
    ];

    /// The `POST /api/chat` body of `chat.send` / `chat.stream` (`message`, optional
    /// `conversation_id`; `stream` is the method's to set).
    fn chat(mut a: Args<'_>) -> Result<ChatParams> {
        let message = a.string("message")?;
        let mut p = ChatParams::new(message);
        if let Some(id) = a.optional_string("conversation_id")? {
            p = p.conversation_id(id);
        }
        Ok(p)
    }

    /// Prepares the one-shot operation `op` (kinds `Call` and `Items`); its answer goes to
    /// `sink`. `auth.login` (`username`, `password`) logs this client in and answers the token.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for an unknown operation or
    /// arguments it cannot take (nothing is sent); the future fails as the operation's method
    /// does.
    pub fn call<S: Sink>(
        client: &AgentClient,
        op: &str,
        args: Value,
        o: RequestOptions,
        sink: S,
    ) -> Result<Call<S::Out>> {
        let mut a = Args::new(op, args)?;
        let c = client.clone();
        match op {
            "auth.login" => {
                let username = a.string("username")?;
                let password = a.string("password")?;
                answer!(sink, c.auth().with_options(o).login(username, password))
            }
            "chat.send" => {
                let p = chat(a)?;
                answer!(sink, c.chat().with_options(o).send(p))
            }
            "conversations.list" => answer!(
                sink,
                c.conversations().with_options(o).list(),
                conversations
            ),
            "conversations.create" => {
                let p = a.params()?;
                answer!(sink, c.conversations().with_options(o).create(p))
            }
            "conversations.get" => {
                let id = a.string("id")?;
                answer!(sink, c.conversations().with_options(o).get(&id))
            }
            "conversations.delete" => {
                let id = a.string("id")?;
                answer!(sink, c.conversations().with_options(o).delete(&id))
            }
            "config.get" => answer!(sink, c.config().with_options(o).get()),
            "config.update" => {
                let p = a.params()?;
                answer!(sink, c.config().with_options(o).update(p))
            }
            "metrics.get" => answer!(sink, c.metrics().with_options(o).get()),
            "tools.list" => answer!(sink, c.tools().with_options(o).list(), tools),
            "tools.execute" => {
                let tool = a.string("tool")?;
                let parameters = a.object("parameters")?;
                answer!(sink, c.tools().with_options(o).execute(tool, parameters))
            }
            "learned_apis.list" => {
                answer!(sink, c.learned_apis().with_options(o).list(), apis)
            }
            "learned_apis.learn" => {
                let p = a.params()?;
                answer!(sink, c.learned_apis().with_options(o).learn(p))
            }
            "webhooks.create" => {
                let p = a.params()?;
                answer!(sink, c.webhooks().with_options(o).create(p))
            }
            other => Err(unknown("ops", "operation", other)),
        }
    }

    /// Prepares the streamed operation `op` (`chat.stream`, with `message` and optional
    /// `conversation_id`); the future opens the chat's event stream.
    ///
    /// # Errors
    ///
    /// As [`call`].
    pub fn stream(
        client: &AgentClient,
        op: &str,
        args: Value,
        o: RequestOptions,
    ) -> Result<Call<ChatStream>> {
        let a = Args::new(op, args)?;
        let c = client.clone();
        match op {
            "chat.stream" => {
                let p = chat(a)?;
                Ok(Box::pin(
                    async move { c.chat().with_options(o).stream(p).await },
                ))
            }
            other => Err(unknown("ops", "stream", other)),
        }
    }
}
