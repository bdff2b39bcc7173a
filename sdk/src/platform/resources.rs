//! Resource handles of the platform client: `client.agents().list(..)` and so on.
//!
//! Every handle carries [`RequestOptions`]; `with_options` replaces them for the calls made
//! through that handle, and [`RequestOptions::capture`] records the status, request id and
//! rate limit of any call.

use std::ops::Deref;

use futures::FutureExt;
use http::Method;

use super::Client;
use super::stream::{MessageStream, TokenDecoder};
use super::types::*;
use crate::error::{Error, Result};
use crate::options::RequestOptions;
use crate::pagination::{PageRequest, Paged, Paginator};
use crate::stream::EventStream;
use crate::transport::Req;

macro_rules! resource {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name<'c> {
            c: &'c Client,
            opts: RequestOptions,
        }

        impl<'c> $name<'c> {
            pub(crate) fn new(c: &'c Client) -> Self {
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
            /// # async fn f(client: agents_sdk::platform::Client) -> agents_sdk::Result<()> {
            /// let answer = client.agents().with_response(|a| async move { a.list(Default::default()).await }).await?;
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
    /// `/api/auth/*`: sign-in URL, sign-out, session, API keys.
    Auth
);
resource!(
    /// `/api/users*`: the caller's profile and (admins) user management.
    Users
);
resource!(
    /// `/api/agents*`: list, get, create and delete agents. From [`Client::agents`].
    Agents
);
resource!(
    /// `/api/conversations*`: conversations and their messages, with SSE token streaming.
    /// From [`Client::conversations`].
    Conversations
);
resource!(
    /// `/api/health/*`: the health profile, medications and appointments. From
    /// [`Client::health`].
    Health
);
resource!(
    /// `/api/health/medications`: list and add medications. From [`Health::medications`].
    Medications
);
resource!(
    /// `/api/health/appointments`: list appointments. From [`Health::appointments`].
    Appointments
);
resource!(
    /// `/api/finance/*`: the finance profile, accounts, transactions and budgets. From
    /// [`Client::finance`].
    Finance
);
resource!(
    /// `/api/finance/accounts`: list accounts. From [`Finance::accounts`].
    Accounts
);
resource!(
    /// `/api/finance/transactions`: list (paginated) and record transactions. From
    /// [`Finance::transactions`].
    Transactions
);
resource!(
    /// `/api/finance/budgets`: list budgets. From [`Finance::budgets`].
    Budgets
);
resource!(
    /// `/api/webhooks`: register a webhook; also signs, verifies and decodes deliveries. From
    /// [`Client::webhooks`].
    Webhooks
);

/// A lazy list whose page `n` is fetched with the request `build` makes for it.
fn paginate<P>(
    client: &Client,
    opts: &RequestOptions,
    first: PageRequest,
    build: impl Fn(PageRequest) -> Req + Send + Sync + 'static,
) -> Paginator<P>
where
    P: Paged + serde::de::DeserializeOwned,
{
    let client = client.clone();
    let opts = opts.clone();
    let max_pages = opts.max_pages.unwrap_or(client.transport().cfg.max_pages);
    Paginator::new(first, move |page| {
        let client = client.clone();
        let opts = opts.clone();
        let req = build(page);
        async move { Ok(client.call(req, &opts).await?.data) }.boxed()
    })
    .max_pages(max_pages)
}

fn cursor_of(page: PageRequest) -> Option<String> {
    match page {
        PageRequest::Cursor(c) => c,
        PageRequest::Page(_) => None,
    }
}

fn validate_id(what: &str, id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::InvalidArgument(format!("{what} must not be empty")));
    }
    Ok(())
}

impl Auth<'_> {
    /// `POST /api/auth/signin`, sent without the API key: the OAuth URL the service redirects
    /// to (from the `Location` header of its redirect). The redirect is not followed (an API
    /// key must never travel to the identity provider).
    ///
    /// # Errors
    ///
    /// - [`Error::Decode`] when the answer is not a redirect with a `Location` header,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn sign_in_url(&self) -> Result<String> {
        let req = Req::post(&["auth", "signin"]).no_auth().redirect_ok();
        let (resp, meta, _) = self.c.transport().execute(&req, &self.opts).await?;
        if let Some(c) = &self.opts.capture {
            c.set(&meta);
        }
        match resp.headers().get(http::header::LOCATION) {
            Some(loc) if resp.status().is_redirection() => {
                loc.to_str().map(str::to_owned).map_err(|e| {
                    Error::decode(
                        "Location header",
                        e,
                        loc.as_bytes(),
                        Some(meta.status),
                        meta.request_id.clone(),
                    )
                })
            }
            _ => Err(Error::decode(
                "sign-in answer",
                "expected a redirect with a Location header",
                b"",
                Some(meta.status),
                meta.request_id,
            )),
        }
    }

    /// `POST /api/auth/signout`: ends the caller's session.
    ///
    /// # Errors
    ///
    /// - [`Authentication`](crate::ApiErrorKind::Authentication) (401) for a missing or revoked key,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn sign_out(&self) -> Result<SignOut> {
        let r = self
            .c
            .call(Req::post(&["auth", "signout"]), &self.opts)
            .await?;
        Ok(r.data)
    }

    /// `GET /api/auth/session`: the user and expiry of the current session.
    ///
    /// # Errors
    ///
    /// - [`Authentication`](crate::ApiErrorKind::Authentication) (401 `UNAUTHORIZED`) without a valid session,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn session(&self) -> Result<Session> {
        Ok(self
            .c
            .call(Req::get(&["auth", "session"]), &self.opts)
            .await?
            .data)
    }

    /// `POST /api/auth/api-keys`: a new API key for the caller.
    ///
    /// # Errors
    ///
    /// - [`Authentication`](crate::ApiErrorKind::Authentication) (401) for a missing or revoked key,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn create_api_key(&self) -> Result<ApiKey> {
        let req = Req::post(&["auth", "api-keys"]);
        Ok(self.c.call_lenient(req, &self.opts).await?.data)
    }
}

impl Users<'_> {
    /// `GET /api/users/me`: the caller's profile (id, email, name, role, subscription tier).
    ///
    /// # Errors
    ///
    /// - [`Authentication`](crate::ApiErrorKind::Authentication) (401 `UNAUTHORIZED`) for a missing or revoked key,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn me(&self) -> Result<User> {
        Ok(self
            .c
            .call(Req::get(&["users", "me"]), &self.opts)
            .await?
            .data)
    }

    /// `PATCH /api/users/me`: changes the fields set in `params` (name, preferences) and
    /// answers the updated user.
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`, with the field in `details`) for a value of the wrong type or an empty name,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn update_me(&self, params: UpdateMeParams) -> Result<UpdatedUser> {
        let req = Req::new(Method::PATCH, &["users", "me"]).json(&params)?;
        Ok(self.c.call(req, &self.opts).await?.data)
    }

    /// `GET /api/users?page=N` (admins): every page, fetched lazily as the [`Paginator`] is
    /// read (`first_page()` gives one page, `into_items()` every user). Filters by `role` and a
    /// `search` text.
    ///
    /// # Errors
    ///
    /// - [`PermissionDenied`](crate::ApiErrorKind::PermissionDenied) (403 `FORBIDDEN`) when the caller is not an admin,
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`) for a page or limit out of range,
    /// - [`Error::Decode`] when the server's pages loop or pass `max_pages`,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub fn list(&self, params: ListUsersParams) -> Paginator<UserList> {
        let first = PageRequest::Page(params.page.unwrap_or(1));
        paginate(self.c, &self.opts, first, move |page| {
            let page = match page {
                PageRequest::Page(n) => Some(n),
                PageRequest::Cursor(_) => None,
            };
            Req::get(&["users"])
                .query_opt("page", page)
                .query_opt("limit", params.limit)
                .query_opt("role", params.role.as_ref().map(|r| r.as_str().to_owned()))
                .query_opt("search", params.search.clone())
        })
    }

    /// `POST /api/users/invite` (admins): sends an invitation to `params.email` with a role.
    ///
    /// # Errors
    ///
    /// - [`PermissionDenied`](crate::ApiErrorKind::PermissionDenied) (403 `FORBIDDEN`) when the caller is not an admin,
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`) for an invalid email or role,
    /// - [`Conflict`](crate::ApiErrorKind::Conflict) (409 `CONFLICT`) when a user with that email exists,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn invite(&self, params: InviteUserParams) -> Result<Invitation> {
        let req = Req::post(&["users", "invite"]).json(&params)?;
        Ok(self.c.call(req, &self.opts).await?.data)
    }

    /// `DELETE /api/users/:id` (admins): deletes a user.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty id (nothing is sent),
    /// - [`PermissionDenied`](crate::ApiErrorKind::PermissionDenied) (403 `FORBIDDEN`) when the caller is not an admin or deletes their own user,
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown user,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn delete(&self, id: &str) -> Result<DeletedUser> {
        validate_id("user id", id)?;
        let req = Req::new(Method::DELETE, &["users", id]);
        Ok(self.c.call(req, &self.opts).await?.data)
    }
}

impl Paged for UserList {
    type Item = UserSummary;
    fn next_request(&self) -> Option<PageRequest> {
        let p = &self.pagination;
        (p.page < p.pages && !self.users.is_empty())
            .then(|| PageRequest::Page(p.page.saturating_add(1)))
    }
    fn into_items(self) -> Vec<UserSummary> {
        self.users
    }
    fn items(&self) -> &[UserSummary] {
        &self.users
    }
}

impl Agents<'_> {
    /// `GET /api/agents`: the agents the caller can use (their own and the public ones),
    /// optionally filtered by `category` and `isPublic`.
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`) for an unknown category,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn list(&self, params: ListAgentsParams) -> Result<AgentList> {
        let req = Req::get(&["agents"])
            .query_opt(
                "category",
                params.category.as_ref().map(|c| c.as_str().to_owned()),
            )
            .query_opt("isPublic", params.is_public);
        Ok(self.c.call(req, &self.opts).await?.data)
    }

    /// `GET /api/agents/:id`: one agent with its configuration.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty id (nothing is sent),
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown agent or one the caller cannot see,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn get(&self, id: &str) -> Result<Agent> {
        validate_id("agent id", id)?;
        Ok(self
            .c
            .call(Req::get(&["agents", id]), &self.opts)
            .await?
            .data)
    }

    /// `POST /api/agents`: creates an agent owned by the caller (with an `Idempotency-Key`,
    /// so a retry does not create two).
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`, the field in `details`) for a missing name, a field the route does not take, or a `config` value out of range (temperature 0..2, `maxTokens` positive, `topP` 0..1),
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn create(&self, params: CreateAgentParams) -> Result<CreatedAgent> {
        let req = Req::post(&["agents"]).json(&params)?;
        Ok(self.c.call(req, &self.opts).await?.data)
    }

    /// `DELETE /api/agents/:id` (owner or admin): deletes an agent.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty id (nothing is sent),
    /// - [`PermissionDenied`](crate::ApiErrorKind::PermissionDenied) (403 `FORBIDDEN`) when the caller neither owns the agent nor is an admin,
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown agent,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn delete(&self, id: &str) -> Result<DeletedAgent> {
        validate_id("agent id", id)?;
        let req = Req::new(Method::DELETE, &["agents", id]);
        Ok(self.c.call(req, &self.opts).await?.data)
    }
}

/// A conversation returned by [`Conversations::create`], able to send messages.
#[derive(Debug, Clone)]
pub struct ConversationHandle {
    /// The created conversation.
    pub conversation: Conversation,
    client: Client,
    opts: RequestOptions,
}

impl Deref for ConversationHandle {
    type Target = Conversation;
    fn deref(&self) -> &Conversation {
        &self.conversation
    }
}

impl ConversationHandle {
    /// Sends a message and streams the assistant's answer.
    pub async fn send_message(&self, content: impl Into<String>) -> Result<MessageStream> {
        Conversations::new(&self.client)
            .with_options(self.opts.clone())
            .send_message(&self.conversation.id, content)
            .await
    }

    /// Streams the answer to the newest user message (e.g. the `initial_message`).
    pub async fn stream(&self) -> Result<MessageStream> {
        Conversations::new(&self.client)
            .with_options(self.opts.clone())
            .stream(&self.conversation.id)
            .await
    }

    /// The conversation's id.
    pub fn id(&self) -> &str {
        &self.conversation.id
    }
}

impl Conversations<'_> {
    /// `GET /api/conversations`: the caller's conversations, newest first; every page,
    /// fetched lazily by cursor as the [`Paginator`] is read. Filters by `agent_id`.
    ///
    /// # Errors
    ///
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown `agent_id`,
    /// - [`Error::Decode`] when the server's cursors loop or pass `max_pages`,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub fn list(&self, params: ListConversationsParams) -> Paginator<ConversationList> {
        let first = PageRequest::Cursor(params.cursor.clone());
        paginate(self.c, &self.opts, first, move |page| {
            Req::get(&["conversations"])
                .query_opt("agentId", params.agent_id.clone())
                .query_opt("cursor", cursor_of(page))
                .query_opt("limit", params.limit)
        })
    }

    /// `GET /api/conversations/:id?messageLimit=N`: a conversation with its most recent
    /// messages (50 by default, at most 200).
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty id (nothing is sent),
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown conversation or another user's,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn get(&self, id: &str, params: GetConversationParams) -> Result<Conversation> {
        validate_id("conversation id", id)?;
        let req = Req::get(&["conversations", id]).query_opt("messageLimit", params.message_limit);
        Ok(self.c.call(req, &self.opts).await?.data)
    }

    /// `POST /api/conversations`: starts a conversation with an agent, optionally with a
    /// title and a first message. The returned [`ConversationHandle`] sends messages.
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`) for a missing `agentId` or an empty title or message,
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown agent,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn create(&self, params: CreateConversationParams) -> Result<ConversationHandle> {
        let req = Req::post(&["conversations"]).json(&params)?;
        let conversation = self.c.call(req, &self.opts).await?.data;
        Ok(ConversationHandle {
            conversation,
            client: self.c.clone(),
            opts: self.opts.clone(),
        })
    }

    /// `POST /api/conversations/:id/messages`: sends `content` and streams the assistant's
    /// answer as server-sent events (`token` … `done`). Read it with
    /// [`MessageStream::tokens`] or [`MessageStream::collect_text`]. The request is retried
    /// only before the stream's first byte.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty id (nothing is sent),
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`) for empty content,
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown conversation;
    /// - while reading the stream: [`Error::Api`] for an `error` event, [`Error::IncompleteStream`] when it ends before `done`, [`Error::Timeout`] when it stays silent longer than the stream idle timeout,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn send_message(
        &self,
        id: &str,
        content: impl Into<String>,
    ) -> Result<MessageStream> {
        validate_id("conversation id", id)?;
        let body = SendMessageParams {
            content: content.into(),
        };
        let req = Req::post(&["conversations", id, "messages"])
            .json(&body)?
            .streaming();
        let sse = self.c.transport().stream(&req, &self.opts).await?;
        let limit = self.c.transport().response_limit(&self.opts);
        Ok(EventStream::new(sse, TokenDecoder::with_text_limit(limit)))
    }

    /// `GET /api/conversations/:id/messages/stream`: streams the answer to the newest user
    /// message (for example a conversation's `initial_message`), like
    /// [`send_message`](Self::send_message) without sending one.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty id (nothing is sent),
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown conversation;
    /// - while reading the stream: as [`send_message`](Self::send_message),
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn stream(&self, id: &str) -> Result<MessageStream> {
        validate_id("conversation id", id)?;
        let req = Req::get(&["conversations", id, "messages", "stream"]).streaming();
        let sse = self.c.transport().stream(&req, &self.opts).await?;
        let limit = self.c.transport().response_limit(&self.opts);
        Ok(EventStream::new(sse, TokenDecoder::with_text_limit(limit)))
    }

    /// `DELETE /api/conversations/:id`: deletes a conversation and its messages.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for an empty id (nothing is sent),
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown conversation or another user's,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn delete(&self, id: &str) -> Result<DeletedConversation> {
        validate_id("conversation id", id)?;
        let req = Req::new(Method::DELETE, &["conversations", id]);
        Ok(self.c.call(req, &self.opts).await?.data)
    }
}

fn next_cursor(p: &CursorPagination) -> Option<PageRequest> {
    match (&p.next_cursor, p.has_more) {
        (Some(c), true) if !c.is_empty() => Some(PageRequest::Cursor(Some(c.clone()))),
        _ => None,
    }
}

impl Paged for ConversationList {
    type Item = Conversation;
    fn next_request(&self) -> Option<PageRequest> {
        next_cursor(&self.pagination)
    }
    fn into_items(self) -> Vec<Conversation> {
        self.conversations
    }
    fn items(&self) -> &[Conversation] {
        &self.conversations
    }
}

impl Paged for TransactionList {
    type Item = Transaction;
    fn next_request(&self) -> Option<PageRequest> {
        next_cursor(&self.pagination)
    }
    fn into_items(self) -> Vec<Transaction> {
        self.transactions
    }
    fn items(&self) -> &[Transaction] {
        &self.transactions
    }
}

impl<'c> Health<'c> {
    /// `GET /api/health/profile`: the caller's health profile (blood type, height, weight,
    /// allergies, conditions).
    ///
    /// # Errors
    ///
    /// Only the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn profile(&self) -> Result<HealthProfile> {
        Ok(self
            .c
            .call(Req::get(&["health", "profile"]), &self.opts)
            .await?
            .data)
    }

    /// `PATCH /api/health/profile`: changes the fields set in `params`; answers the whole
    /// profile.
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`, the field in `details`) for a value of the wrong type or format,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn update_profile(&self, params: UpdateHealthProfileParams) -> Result<HealthProfile> {
        let req = Req::new(Method::PATCH, &["health", "profile"]).json(&params)?;
        Ok(self.c.call(req, &self.opts).await?.data)
    }

    /// `/api/health/medications`.
    pub fn medications(&self) -> Medications<'c> {
        Medications::new(self.c).with_options(self.opts.clone())
    }

    /// `/api/health/appointments`.
    pub fn appointments(&self) -> Appointments<'c> {
        Appointments::new(self.c).with_options(self.opts.clone())
    }
}

impl Medications<'_> {
    /// `GET /api/health/medications`: the caller's medications.
    ///
    /// # Errors
    ///
    /// Only the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn list(&self) -> Result<MedicationList> {
        Ok(self
            .c
            .call(Req::get(&["health", "medications"]), &self.opts)
            .await?
            .data)
    }

    /// `POST /api/health/medications`: adds a medication (name, dosage, frequency, start date).
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`, the field in `details`) for a missing field or a malformed time,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn create(&self, params: CreateMedicationParams) -> Result<Medication> {
        let req = Req::post(&["health", "medications"]).json(&params)?;
        Ok(self.c.call(req, &self.opts).await?.data)
    }
}

impl Appointments<'_> {
    /// `GET /api/health/appointments`: the caller's appointments, filtered by `upcoming` and
    /// a `from` / `to` date range.
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`) for a malformed date,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn list(&self, params: ListAppointmentsParams) -> Result<AppointmentList> {
        let req = Req::get(&["health", "appointments"])
            .query_opt("upcoming", params.upcoming)
            .query_opt("from", params.from.clone())
            .query_opt("to", params.to.clone());
        Ok(self.c.call(req, &self.opts).await?.data)
    }
}

impl<'c> Finance<'c> {
    /// `GET /api/finance/profile`: the caller's finance profile (currency, monthly income,
    /// assets and liabilities).
    ///
    /// # Errors
    ///
    /// Only the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn profile(&self) -> Result<FinanceProfile> {
        Ok(self
            .c
            .call(Req::get(&["finance", "profile"]), &self.opts)
            .await?
            .data)
    }

    /// `/api/finance/accounts`.
    pub fn accounts(&self) -> Accounts<'c> {
        Accounts::new(self.c).with_options(self.opts.clone())
    }

    /// `/api/finance/transactions`.
    pub fn transactions(&self) -> Transactions<'c> {
        Transactions::new(self.c).with_options(self.opts.clone())
    }

    /// `/api/finance/budgets`.
    pub fn budgets(&self) -> Budgets<'c> {
        Budgets::new(self.c).with_options(self.opts.clone())
    }
}

impl Accounts<'_> {
    /// `GET /api/finance/accounts`: the caller's accounts with their balances.
    ///
    /// # Errors
    ///
    /// Only the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn list(&self) -> Result<AccountList> {
        Ok(self
            .c
            .call(Req::get(&["finance", "accounts"]), &self.opts)
            .await?
            .data)
    }
}

impl Transactions<'_> {
    /// `GET /api/finance/transactions`: every page, fetched lazily by cursor as the
    /// [`Paginator`] is read; each page has the `summary` of the whole filtered set. Filters by
    /// account, category and a `from` / `to` date range.
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`) for a malformed date or an unknown category,
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown account,
    /// - [`Error::Decode`] when the server's cursors loop or pass `max_pages`,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub fn list(&self, params: ListTransactionsParams) -> Paginator<TransactionList> {
        let first = PageRequest::Cursor(params.cursor.clone());
        paginate(self.c, &self.opts, first, move |page| {
            Req::get(&["finance", "transactions"])
                .query_opt("accountId", params.account_id.clone())
                .query_opt("from", params.from.clone())
                .query_opt("to", params.to.clone())
                .query_opt(
                    "category",
                    params.category.as_ref().map(|c| c.as_str().to_owned()),
                )
                .query_opt("cursor", cursor_of(page))
                .query_opt("limit", params.limit)
        })
    }

    /// `POST /api/finance/transactions`: records a transaction on an account (negative
    /// amounts are expenses), with an `Idempotency-Key` so a retry does not record it twice.
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`, the field in `details`) for a missing field, an unknown category or a malformed date,
    /// - [`NotFound`](crate::ApiErrorKind::NotFound) (404 `NOT_FOUND`) for an unknown account,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn create(&self, params: CreateTransactionParams) -> Result<Transaction> {
        let req = Req::post(&["finance", "transactions"]).json(&params)?;
        Ok(self.c.call(req, &self.opts).await?.data)
    }
}

impl Budgets<'_> {
    /// `GET /api/finance/budgets`: the caller's budgets with what is spent and what remains.
    ///
    /// # Errors
    ///
    /// Only the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn list(&self) -> Result<BudgetList> {
        Ok(self
            .c
            .call(Req::get(&["finance", "budgets"]), &self.opts)
            .await?
            .data)
    }
}

impl Webhooks<'_> {
    crate::webhooks::client_helpers!();

    /// `POST /api/webhooks`: registers a URL to receive the given events, signed with
    /// `secret` (check deliveries with [`crate::webhooks::unwrap`]).
    ///
    /// # Errors
    ///
    /// - [`BadRequest`](crate::ApiErrorKind::BadRequest) (400 `VALIDATION_ERROR`) for a URL that is not http(s), no events or an unknown one, or a missing secret,
    /// - the errors every call can return (see [the module](crate::platform#errors)).
    pub async fn create(&self, params: CreateWebhookParams) -> Result<Webhook> {
        let req = Req::post(&["webhooks"]).json(&params)?;
        Ok(self.c.call(req, &self.opts).await?.data)
    }
}

list_as_slice!(
    AgentList.agents: Agent,
    MedicationList.medications: Medication,
    AppointmentList.appointments: Appointment,
    AccountList.accounts: Account,
    BudgetList.budgets: Budget,
);

/// Every platform operation by its SDK name, with JSON arguments (see [`crate::dispatch`]):
/// one row per operation, next to the methods above.
#[doc(hidden)]
pub mod dispatch {
    use serde_json::Value;

    use super::super::{Client, MessageStream};
    use crate::dispatch::{Args, Call, Kind, PagesSink, Sink, answer, unknown};
    use crate::error::Result;
    use crate::options::RequestOptions;

    /// Every operation [`call`], [`stream`] and [`paginate`] know, with its kind.
    pub const OPERATIONS: &[(&str, Kind)] = &[
        ("auth.sign_in_url", Kind::Call),
        ("auth.sign_out", Kind::Call),
        ("auth.session", Kind::Call),
        ("auth.create_api_key", Kind::Call),
        ("users.me", Kind::Call),
        ("users.update_me", Kind::Call),
        ("users.list", Kind::Pages),
        ("users.invite", Kind::Call),
        ("users.delete", Kind::Call),
        ("agents.list", Kind::Items),
        ("agents.get", Kind::Call),
        ("agents.create", Kind::Call),
        ("agents.delete", Kind::Call),
        ("conversations.list", Kind::Pages),
        ("conversations.get", Kind::Call),
        ("conversations.create", Kind::Call),
        ("conversations.send_message", Kind::Stream),
        ("conversations.stream", Kind::Stream),
        ("conversations.delete", Kind::Call),
        ("health.profile", Kind::Call),
        ("health.update_profile", Kind::Call),
        ("health.medications.list", Kind::Items),
        ("health.medications.create", Kind::Call),
        ("health.appointments.list", Kind::Items),
        ("finance.profile", Kind::Call),
        ("finance.accounts.list", Kind::Items),
        ("finance.transactions.list", Kind::Pages),
        ("finance.transactions.create", Kind::Call),
        ("finance.budgets.list", Kind::Items),
        ("webhooks.create", Kind::Call),
    ];

    /// Prepares the one-shot operation `op` (kinds `Call` and `Items`); its answer goes to
    /// `sink`. `conversations.create` answers the conversation (without its handle).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for an unknown operation or
    /// arguments it cannot take (nothing is sent); the future fails as the operation's method
    /// does.
    pub fn call<S: Sink>(
        client: &Client,
        op: &str,
        args: Value,
        mut o: RequestOptions,
        sink: S,
    ) -> Result<Call<S::Out>> {
        let mut a = Args::new(op, args)?;
        let c = client.clone();
        match op {
            "auth.sign_in_url" => answer!(sink, c.auth().with_options(o).sign_in_url()),
            "auth.sign_out" => answer!(sink, c.auth().with_options(o).sign_out()),
            "auth.session" => answer!(sink, c.auth().with_options(o).session()),
            "auth.create_api_key" => answer!(sink, c.auth().with_options(o).create_api_key()),
            "users.me" => answer!(sink, c.users().with_options(o).me()),
            "users.update_me" => {
                let p = a.params()?;
                answer!(sink, c.users().with_options(o).update_me(p))
            }
            "users.invite" => {
                let p = a.params()?;
                answer!(sink, c.users().with_options(o).invite(p))
            }
            "users.delete" => {
                let id = a.string("id")?;
                answer!(sink, c.users().with_options(o).delete(&id))
            }
            "agents.list" => {
                let p = a.params()?;
                answer!(sink, c.agents().with_options(o).list(p), agents)
            }
            "agents.get" => {
                let id = a.string("id")?;
                answer!(sink, c.agents().with_options(o).get(&id))
            }
            "agents.create" => {
                let p = a.params()?;
                answer!(sink, c.agents().with_options(o).create(p))
            }
            "agents.delete" => {
                let id = a.string("id")?;
                answer!(sink, c.agents().with_options(o).delete(&id))
            }
            "conversations.get" => {
                let id = a.string("id")?;
                let p = a.params()?;
                answer!(sink, c.conversations().with_options(o).get(&id, p))
            }
            "conversations.create" => {
                let p = a.params()?;
                answer!(
                    typed sink,
                    o,
                    c.conversations().with_options(o).create(p),
                    conversation
                )
            }
            "conversations.delete" => {
                let id = a.string("id")?;
                answer!(sink, c.conversations().with_options(o).delete(&id))
            }
            "health.profile" => answer!(sink, c.health().with_options(o).profile()),
            "health.update_profile" => {
                let p = a.params()?;
                answer!(sink, c.health().with_options(o).update_profile(p))
            }
            "health.medications.list" => answer!(
                sink,
                c.health().medications().with_options(o).list(),
                medications
            ),
            "health.medications.create" => {
                let p = a.params()?;
                answer!(sink, c.health().medications().with_options(o).create(p))
            }
            "health.appointments.list" => {
                let p = a.params()?;
                answer!(
                    sink,
                    c.health().appointments().with_options(o).list(p),
                    appointments
                )
            }
            "finance.profile" => answer!(sink, c.finance().with_options(o).profile()),
            "finance.accounts.list" => answer!(
                sink,
                c.finance().accounts().with_options(o).list(),
                accounts
            ),
            "finance.transactions.create" => {
                let p = a.params()?;
                answer!(sink, c.finance().transactions().with_options(o).create(p))
            }
            "finance.budgets.list" => {
                answer!(sink, c.finance().budgets().with_options(o).list(), budgets)
            }
            "webhooks.create" => {
                let p = a.params()?;
                answer!(sink, c.webhooks().with_options(o).create(p))
            }
            other => Err(unknown("platform", "operation", other)),
        }
    }

    /// Prepares the streamed operation `op` (`conversations.send_message` with `id` and
    /// `content`, `conversations.stream` with `id`); the future opens the token stream.
    ///
    /// # Errors
    ///
    /// As [`call`].
    pub fn stream(
        client: &Client,
        op: &str,
        args: Value,
        o: RequestOptions,
    ) -> Result<Call<MessageStream>> {
        // a stream's answer is never one JSON body
        let o = RequestOptions {
            raw_answer: false,
            ..o
        };
        let mut a = Args::new(op, args)?;
        let c = client.clone();
        match op {
            "conversations.send_message" => {
                let id = a.string("id")?;
                let content = a.string("content")?;
                Ok(Box::pin(async move {
                    c.conversations()
                        .with_options(o)
                        .send_message(&id, content)
                        .await
                }))
            }
            "conversations.stream" => {
                let id = a.string("id")?;
                Ok(Box::pin(async move {
                    c.conversations().with_options(o).stream(&id).await
                }))
            }
            other => Err(unknown("platform", "stream", other)),
        }
    }

    /// The paginated list `op`, given to `sink` (nothing is sent until a page is asked for).
    ///
    /// # Errors
    ///
    /// As [`call`].
    pub fn paginate<S: PagesSink>(
        client: &Client,
        op: &str,
        args: Value,
        o: RequestOptions,
        sink: S,
    ) -> Result<S::Out> {
        // the paginator decodes its pages itself
        let o = RequestOptions {
            raw_answer: false,
            ..o
        };
        let a = Args::new(op, args)?;
        Ok(match op {
            "users.list" => sink.accept(client.users().with_options(o).list(a.params()?)),
            "conversations.list" => {
                sink.accept(client.conversations().with_options(o).list(a.params()?))
            }
            "finance.transactions.list" => sink.accept(
                client
                    .finance()
                    .transactions()
                    .with_options(o)
                    .list(a.params()?),
            ),
            other => return Err(unknown("platform", "list", other)),
        })
    }
}
