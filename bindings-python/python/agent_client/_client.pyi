"""Typed signatures of the ops clients (the runtime shares one implementation)."""

# <generated imports> by scripts/gen_python.py; do not edit
import os
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Generator,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Union,
)

from typing_extensions import TypedDict, Unpack

from cjhirashi_agents import webhooks as _webhooks
from cjhirashi_agents._base import RawResponse
from cjhirashi_agents._streaming import AsyncStream, Stream

from . import models

# </generated imports>

API_KEY_ENV: str
BASE_URL_ENV: str
DEFAULT_BASE_URL: str

class RequestOptions(TypedDict, total=False):
    """Per-request options accepted by every operation."""

    timeout: float
    max_retries: int
    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, str]
    idempotency_key: str
    max_response_bytes: int

class ChatStream(Stream[models.ChatEvent]):
    """The agent's answer as typed events (blocking client): iterating yields
    ``ThinkingEvent``, ``ToolCallEvent``, ``ToolResultEvent``, ``MessageEvent`` and finally
    ``DoneEvent``; ``text`` is the answer once read. ``close()``, ``break`` or leaving a
    ``with`` block closes the connection.

    Raises (while iterating):
        IncompleteStreamError: The stream ended before its ``done`` event.
        APIError: An ``error`` event, as the class of its code.
    """

    @property
    def done(self) -> Optional[models.DoneEvent]:
        """The ``done`` event, once the stream has ended with it."""
    @property
    def conversation_id(self) -> Optional[str]:
        """``conversation_id`` of the ``done`` event: the conversation the exchange was
        stored in (once the stream has ended)."""

class AsyncChatStream(AsyncStream[models.ChatEvent]):
    """The agent's answer as typed events (async client): ``async for event in stream``;
    see :class:`ChatStream`.
    """

    @property
    def done(self) -> Optional[models.DoneEvent]:
        """The ``done`` event, once the stream has ended with it."""
    @property
    def conversation_id(self) -> Optional[str]:
        """``conversation_id`` of the ``done`` event: the conversation the exchange was
        stored in (once the stream has ended)."""

class RealtimeSession:
    """An authenticated ``/ws`` session (sync): ``send_chat(conversation_id, message)``, then
    iterate: the events of that answer, ending after ``done``. A context manager.
    """

    def send_chat(self, conversation_id: Optional[str], message: str) -> None:
        """Sends a chat message on the socket; iterate the session for its answer.

        Args:
            conversation_id: Continue this conversation (``None``: a new one).
            message: The message text.

        Raises:
            WebSocketError: The socket is closed or failed.
        """
    def chat(self, conversation_id: Optional[str], message: str) -> None:
        """Sends a chat message on the socket; iterate the session for its answer.

        Args:
            conversation_id: Continue this conversation (``None``: a new one).
            message: The message text.

        Raises:
            WebSocketError: The socket is closed or failed.
        """
    def __iter__(self) -> Iterator[models.ChatEvent]: ...
    def close(self) -> None:
        """Closes the WebSocket (idempotent)."""
    def __enter__(self) -> RealtimeSession: ...
    def __exit__(self, *exc: object) -> None: ...

class AsyncRealtimeSession:
    """An authenticated ``/ws`` session (async): ``await send_chat(...)``, then
    ``async for event in session`` until ``done``. ``async with client.realtime.connect()``.
    """

    def __await__(self) -> Generator[Any, None, AsyncRealtimeSession]: ...
    async def send_chat(self, conversation_id: Optional[str], message: str) -> None:
        """Sends a chat message on the socket (opening it first if needed); iterate the
        session with ``async for`` for its answer.

        Args:
            conversation_id: Continue this conversation (``None``: a new one).
            message: The message text.

        Raises:
            WebSocketError: The socket is closed or failed.
        """
    async def chat(self, conversation_id: Optional[str], message: str) -> None:
        """Sends a chat message on the socket (opening it first if needed); iterate the
        session with ``async for`` for its answer.

        Args:
            conversation_id: Continue this conversation (``None``: a new one).
            message: The message text.

        Raises:
            WebSocketError: The socket is closed or failed.
        """
    def __aiter__(self) -> AsyncIterator[models.ChatEvent]: ...
    async def close(self) -> None:
        """Closes the WebSocket (idempotent)."""
    async def __aenter__(self) -> AsyncRealtimeSession: ...
    async def __aexit__(self, *exc: object) -> None: ...

class _WebhooksExtras:
    """Plus the helpers ``sign``, ``verify`` and ``unwrap`` of :mod:`agent_client.webhooks`."""

    verify = staticmethod(_webhooks.verify)
    unwrap = staticmethod(_webhooks.unwrap)
    sign = staticmethod(_webhooks.sign)

# <generated resources> by scripts/gen_python.py; do not edit
class Auth:
    """Login (``client.auth``)."""
    @property
    def with_raw_response(self) -> AuthWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def login(
        self, username: str, password: str, **options: Unpack[RequestOptions]
    ) -> models.Token:
        """Logs in with a user name and password; the client keeps the token and logs in again
        before it expires.

        Fails with ``AuthenticationError`` (401) on a wrong user name or password.

        Sends ``POST /api/auth/login``.

        Args:
            username: The user name.
            password: The password.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Token: The access token (the bindings hide it when printed), its type and
                lifetime.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> token = client.auth.login("admin", "secret")
            >>> print(token.expires_in)
        """

class AuthWithRawResponse:
    """The operations of the ``Auth`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def login(
        self, username: str, password: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.Token]:
        """Logs in with a user name and password; the client keeps the token and logs in again
        before it expires.

        Fails with ``AuthenticationError`` (401) on a wrong user name or password.

        Sends ``POST /api/auth/login``.

        Args:
            username: The user name.
            password: The password.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Token]: The answer with its metadata; ``parse()`` gives the
                access token (the bindings hide it when printed), its type and lifetime.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Chat:
    """Chat with the agent (``client.chat``)."""
    @property
    def with_raw_response(self) -> ChatWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def send(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.ChatResponse:
        """Sends a message to the operations agent and waits for the whole answer.

        Sends ``POST /api/chat (stream: false)``.

        Args:
            message: The user's message.
            conversation_id: The conversation (created if it does not exist; a new one when
                absent).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.ChatResponse: The conversation's id and the answer message (its text and tool
                calls).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> answer = client.chat.send(message="How many EC2 instances are running?")
            >>> print(answer.message.content)
        """
    def stream(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> ChatStream:
        """Sends a message to the operations agent and streams its work as typed events (SSE).

        Fails with ``IncompleteStreamError`` when the stream ends before its ``done`` event, and
        with the error class of its code on an ``error`` event; a stream reports these while it
        is read.

        Sends ``POST /api/chat (stream: true)``.

        Args:
            message: The user's message.
            conversation_id: The conversation (created if it does not exist; a new one when
                absent).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            ChatStream: A stream of typed events: ``thinking``, ``tool_call``, ``tool_result``
                and ``message``, and finally ``done``; once it is read, the answer's text is
                known. Closing it, or leaving the loop early, closes the connection.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> for event in client.chat.stream(message="List my EC2 instances"):
            ...     if isinstance(event, ToolCallEvent):
            ...         print("running", event.tool)
            ...     elif isinstance(event, MessageEvent):
            ...         print(event.content, end="")
        """

class ChatWithRawResponse:
    """The operations of the ``Chat`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def send(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.ChatResponse]:
        """Sends a message to the operations agent and waits for the whole answer.

        Sends ``POST /api/chat (stream: false)``.

        Args:
            message: The user's message.
            conversation_id: The conversation (created if it does not exist; a new one when
                absent).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.ChatResponse]: The answer with its metadata; ``parse()`` gives
                the conversation's id and the answer message (its text and tool calls).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def stream(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[ChatStream]:
        """Sends a message to the operations agent and streams its work as typed events (SSE).

        Fails with ``IncompleteStreamError`` when the stream ends before its ``done`` event, and
        with the error class of its code on an ``error`` event; a stream reports these while it
        is read.

        Sends ``POST /api/chat (stream: true)``.

        Args:
            message: The user's message.
            conversation_id: The conversation (created if it does not exist; a new one when
                absent).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[ChatStream]: The metadata of the response that opened the stream;
                ``parse()`` gives the stream. A stream of typed events: ``thinking``,
                ``tool_call``, ``tool_result`` and ``message``, and finally ``done``; once it is
                read, the answer's text is known. Closing it, or leaving the loop early, closes
                the connection.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Conversations:
    """Conversations (``client.conversations``)."""
    @property
    def with_raw_response(self) -> ConversationsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(self, **options: Unpack[RequestOptions]) -> List[models.ConversationSummary]:
        """Lists the agent's stored conversations.

        Sends ``GET /api/conversations``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.ConversationSummary]: Every conversation (one answer, no pagination).

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self, *, title: Optional[str] = None, **options: Unpack[RequestOptions]
    ) -> models.ConversationSummary:
        """Creates an empty conversation.

        Sends ``POST /api/conversations``.

        Args:
            title: A title for the conversation.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.ConversationSummary: The new conversation.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> conv = client.conversations.create(title="Costs review")
        """
    def get(self, id: str, **options: Unpack[RequestOptions]) -> models.ConversationDetail:
        """One conversation with every message.

        Fails with ``NotFoundError`` (404) when no conversation has this id.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.ConversationDetail: The conversation and every message, tool calls included.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> models.DeletedConversation:
        """Deletes a conversation.

        Fails with ``NotFoundError`` (404) when no conversation has this id.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.DeletedConversation: The deleted conversation's ``id`` and ``deleted``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class ConversationsWithRawResponse:
    """The operations of the ``Conversations`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> RawResponse[List[models.ConversationSummary]]:
        """Lists the agent's stored conversations.

        Sends ``GET /api/conversations``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.ConversationSummary]]: The answer with its metadata;
                ``parse()`` gives every conversation (one answer, no pagination).

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self, *, title: Optional[str] = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.ConversationSummary]:
        """Creates an empty conversation.

        Sends ``POST /api/conversations``.

        Args:
            title: A title for the conversation.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.ConversationSummary]: The answer with its metadata; ``parse()``
                gives the new conversation.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def get(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.ConversationDetail]:
        """One conversation with every message.

        Fails with ``NotFoundError`` (404) when no conversation has this id.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.ConversationDetail]: The answer with its metadata; ``parse()``
                gives the conversation and every message, tool calls included.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.DeletedConversation]:
        """Deletes a conversation.

        Fails with ``NotFoundError`` (404) when no conversation has this id.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.DeletedConversation]: The answer with its metadata; ``parse()``
                gives the deleted conversation's ``id`` and ``deleted``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class ConfigResource:
    """Agent configuration (``client.config``)."""
    @property
    def with_raw_response(self) -> ConfigResourceWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def get(self, **options: Unpack[RequestOptions]) -> models.Config:
        """The agent's current configuration.

        Sends ``GET /api/config``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Config: The language-model settings (``llm``), the agent settings (``agent``)
                and the cloud providers (``cloud_providers``).

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update(
        self,
        *,
        agent: Optional[Mapping[str, Any]] = None,
        cloud_providers: Optional[Mapping[str, Any]] = None,
        llm: Optional[Mapping[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> models.Config:
        """Changes part of the configuration: the given sections are deep-merged by the service.

        Fails with ``BadRequestError`` (400) when a setting is refused.

        Sends ``PUT /api/config``.

        Args:
            agent: Agent settings to change, e.g. ``{"autonomy_level": "supervised"}``.
            cloud_providers: Cloud-provider settings to change, e.g. ``{"aws": {"enabled":
                true}}``.
            llm: Language-model settings to change, e.g. ``{"provider": "openai", "model":
                "gpt-4"}``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Config: The whole configuration after the change.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> config = client.config.update(llm={"model": "gpt-4"})
            >>> print(config.llm.model)
        """

class ConfigResourceWithRawResponse:
    """The operations of the ``ConfigResource`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def get(self, **options: Unpack[RequestOptions]) -> RawResponse[models.Config]:
        """The agent's current configuration.

        Sends ``GET /api/config``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Config]: The answer with its metadata; ``parse()`` gives the
                language-model settings (``llm``), the agent settings (``agent``) and the cloud
                providers (``cloud_providers``).

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update(
        self,
        *,
        agent: Optional[Mapping[str, Any]] = None,
        cloud_providers: Optional[Mapping[str, Any]] = None,
        llm: Optional[Mapping[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.Config]:
        """Changes part of the configuration: the given sections are deep-merged by the service.

        Fails with ``BadRequestError`` (400) when a setting is refused.

        Sends ``PUT /api/config``.

        Args:
            agent: Agent settings to change, e.g. ``{"autonomy_level": "supervised"}``.
            cloud_providers: Cloud-provider settings to change, e.g. ``{"aws": {"enabled":
                true}}``.
            llm: Language-model settings to change, e.g. ``{"provider": "openai", "model":
                "gpt-4"}``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Config]: The answer with its metadata; ``parse()`` gives the
                whole configuration after the change.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class MetricsResource:
    """Metrics (``client.metrics``)."""
    @property
    def with_raw_response(self) -> MetricsResourceWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def get(self, **options: Unpack[RequestOptions]) -> models.Metrics:
        """Infrastructure and agent metrics.

        Sends ``GET /api/metrics``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Metrics: Alert counts, instance counts and the agent's statistics.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class MetricsResourceWithRawResponse:
    """The operations of the ``MetricsResource`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def get(self, **options: Unpack[RequestOptions]) -> RawResponse[models.Metrics]:
        """Infrastructure and agent metrics.

        Sends ``GET /api/metrics``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Metrics]: The answer with its metadata; ``parse()`` gives alert
                counts, instance counts and the agent's statistics.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Tools:
    """Tools (``client.tools``)."""
    @property
    def with_raw_response(self) -> ToolsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(self, **options: Unpack[RequestOptions]) -> List[models.Tool]:
        """Lists the tools the agent can run.

        Sends ``GET /api/tools``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.Tool]: Every tool with its description and parameter schema.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def execute(
        self, tool: str, /, parameters: Optional[Mapping[str, Any]] = None, **kwargs: Any
    ) -> models.ToolExecution:
        """Runs a tool directly, without the agent.

        Fails with ``NotFoundError`` (404) when no tool has this name and ``BadRequestError``
        (400) when its parameters are refused.

        Sends ``POST /api/tools/execute``.

        Args:
            tool: The tool's name (positional).
            parameters: Parameters whose names clash with a request option (``timeout``, ...);
                merged with the keyword ones.
            **kwargs: The tool's parameters, plus the request options ``timeout``,
                ``max_retries``, ``extra_headers``, ``extra_query``, ``idempotency_key``,
                ``max_response_bytes``.

        Returns:
            models.ToolExecution: Whether it succeeded, its result and how long it took.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> run = client.tools.execute("list_ec2_instances", region="us-east-1")
            >>> print(run.success, run.result)
        """

class ToolsWithRawResponse:
    """The operations of the ``Tools`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[List[models.Tool]]:
        """Lists the tools the agent can run.

        Sends ``GET /api/tools``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.Tool]]: The answer with its metadata; ``parse()`` gives
                every tool with its description and parameter schema.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def execute(
        self, tool: str, /, parameters: Optional[Mapping[str, Any]] = None, **kwargs: Any
    ) -> RawResponse[models.ToolExecution]:
        """Runs a tool directly, without the agent.

        Fails with ``NotFoundError`` (404) when no tool has this name and ``BadRequestError``
        (400) when its parameters are refused.

        Sends ``POST /api/tools/execute``.

        Args:
            tool: The tool's name (positional).
            parameters: Parameters whose names clash with a request option (``timeout``, ...);
                merged with the keyword ones.
            **kwargs: The tool's parameters, plus the request options ``timeout``,
                ``max_retries``, ``extra_headers``, ``extra_query``, ``idempotency_key``,
                ``max_response_bytes``.

        Returns:
            RawResponse[models.ToolExecution]: The answer with its metadata; ``parse()`` gives
                whether it succeeded, its result and how long it took.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class LearnedApis:
    """APIs the agent learned (``client.learned_apis``)."""
    @property
    def with_raw_response(self) -> LearnedApisWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(self, **options: Unpack[RequestOptions]) -> List[models.LearnedApi]:
        """Lists the APIs the agent has learned.

        Sends ``GET /api/learned-apis``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.LearnedApi]: Every learned API with the tools it added.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def learn(
        self, *, source: Any, type: str = ..., **options: Unpack[RequestOptions]
    ) -> models.LearnedApi:
        """Teaches the agent an API from its OpenAPI document.

        Fails with ``BadRequestError`` (400) when the document cannot be read.

        Sends ``POST /api/learned-apis``.

        Args:
            source: The document: a URL, or the document itself (a JSON object or JSON text).
            type: The document's format: ``openapi``, the only one (wire name ``type``). Default
                ``"openapi"``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.LearnedApi: The learned API and the tools (endpoints) it added.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> api = client.learned_apis.learn(source="https://example.com/openapi.json")
        """

class LearnedApisWithRawResponse:
    """The operations of the ``LearnedApis`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[List[models.LearnedApi]]:
        """Lists the APIs the agent has learned.

        Sends ``GET /api/learned-apis``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.LearnedApi]]: The answer with its metadata; ``parse()``
                gives every learned API with the tools it added.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def learn(
        self, *, source: Any, type: str = ..., **options: Unpack[RequestOptions]
    ) -> RawResponse[models.LearnedApi]:
        """Teaches the agent an API from its OpenAPI document.

        Fails with ``BadRequestError`` (400) when the document cannot be read.

        Sends ``POST /api/learned-apis``.

        Args:
            source: The document: a URL, or the document itself (a JSON object or JSON text).
            type: The document's format: ``openapi``, the only one (wire name ``type``). Default
                ``"openapi"``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.LearnedApi]: The answer with its metadata; ``parse()`` gives the
                learned API and the tools (endpoints) it added.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Webhooks(_WebhooksExtras):
    """Webhook subscriptions (``client.webhooks``). Plus the helpers ``sign``, ``verify`` and
    ``unwrap`` of :mod:`agent_client.webhooks`.
    """
    @property
    def with_raw_response(self) -> WebhooksWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def create(
        self, *, events: Sequence[str], secret: str, url: str, **options: Unpack[RequestOptions]
    ) -> models.Webhook:
        """Registers a URL that receives signed deliveries of the given events.

        Fails with ``BadRequestError`` (400) when the URL or an event name is refused.

        Sends ``POST /api/webhooks``.

        Args:
            events: The event names to deliver (e.g. ``conversation.created``, ``message.sent``;
                on ops ``alert.critical``, ``tool.executed``); the schema lists every name the
                service accepts.
            secret: The shared secret deliveries are signed with (HMAC-SHA256; ``whsec_...``).
            url: The URL deliveries are POSTed to.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Webhook: The registration: its id, URL and events.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> webhook = client.webhooks.create(
            ...     url="https://example.com/hooks",
            ...     events=["alert.critical", "tool.executed"],
            ...     secret="whsec_...")
        """

class WebhooksWithRawResponse(_WebhooksExtras):
    """The operations of the ``Webhooks`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def create(
        self, *, events: Sequence[str], secret: str, url: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.Webhook]:
        """Registers a URL that receives signed deliveries of the given events.

        Fails with ``BadRequestError`` (400) when the URL or an event name is refused.

        Sends ``POST /api/webhooks``.

        Args:
            events: The event names to deliver (e.g. ``conversation.created``, ``message.sent``;
                on ops ``alert.critical``, ``tool.executed``); the schema lists every name the
                service accepts.
            secret: The shared secret deliveries are signed with (HMAC-SHA256; ``whsec_...``).
            url: The URL deliveries are POSTed to.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Webhook]: The answer with its metadata; ``parse()`` gives the
                registration: its id, URL and events.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncAuth:
    """Login (``client.auth``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncAuthWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def login(
        self, username: str, password: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.Token]:
        """Logs in with a user name and password; the client keeps the token and logs in again
        before it expires.

        Fails with ``AuthenticationError`` (401) on a wrong user name or password.

        Sends ``POST /api/auth/login``.

        Args:
            username: The user name.
            password: The password.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Token]: Await it for: The access token (the bindings hide it when
                printed), its type and lifetime.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncAuthWithRawResponse:
    """The operations of the ``Auth`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def login(
        self, username: str, password: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.Token]]:
        """Logs in with a user name and password; the client keeps the token and logs in again
        before it expires.

        Fails with ``AuthenticationError`` (401) on a wrong user name or password.

        Sends ``POST /api/auth/login``.

        Args:
            username: The user name.
            password: The password.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Token]]: The answer with its metadata; ``parse()``
                gives the access token (the bindings hide it when printed), its type and
                lifetime.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncChat:
    """Chat with the agent (``client.chat``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncChatWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def send(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.ChatResponse]:
        """Sends a message to the operations agent and waits for the whole answer.

        Sends ``POST /api/chat (stream: false)``.

        Args:
            message: The user's message.
            conversation_id: The conversation (created if it does not exist; a new one when
                absent).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.ChatResponse]: Await it for: The conversation's id and the answer
                message (its text and tool calls).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def stream(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncChatStream:
        """Sends a message to the operations agent and streams its work as typed events (SSE).

        Fails with ``IncompleteStreamError`` when the stream ends before its ``done`` event, and
        with the error class of its code on an ``error`` event; a stream reports these while it
        is read.

        Sends ``POST /api/chat (stream: true)``.

        Args:
            message: The user's message.
            conversation_id: The conversation (created if it does not exist; a new one when
                absent).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            AsyncChatStream: A stream of typed events: ``thinking``, ``tool_call``,
                ``tool_result`` and ``message``, and finally ``done``; once it is read, the
                answer's text is known. Closing it, or leaving the loop early, closes the
                connection.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncChatWithRawResponse:
    """The operations of the ``Chat`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def send(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.ChatResponse]]:
        """Sends a message to the operations agent and waits for the whole answer.

        Sends ``POST /api/chat (stream: false)``.

        Args:
            message: The user's message.
            conversation_id: The conversation (created if it does not exist; a new one when
                absent).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.ChatResponse]]: The answer with its metadata;
                ``parse()`` gives the conversation's id and the answer message (its text and
                tool calls).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def stream(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[AsyncChatStream]]:
        """Sends a message to the operations agent and streams its work as typed events (SSE).

        Fails with ``IncompleteStreamError`` when the stream ends before its ``done`` event, and
        with the error class of its code on an ``error`` event; a stream reports these while it
        is read.

        Sends ``POST /api/chat (stream: true)``.

        Args:
            message: The user's message.
            conversation_id: The conversation (created if it does not exist; a new one when
                absent).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[AsyncChatStream]]: The metadata of the response that opened
                the stream; ``parse()`` gives the stream. A stream of typed events:
                ``thinking``, ``tool_call``, ``tool_result`` and ``message``, and finally
                ``done``; once it is read, the answer's text is known. Closing it, or leaving
                the loop early, closes the connection.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncConversations:
    """Conversations (``client.conversations``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncConversationsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[List[models.ConversationSummary]]:
        """Lists the agent's stored conversations.

        Sends ``GET /api/conversations``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.ConversationSummary]]: Await it for: Every conversation (one
                answer, no pagination).

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self, *, title: Optional[str] = None, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.ConversationSummary]:
        """Creates an empty conversation.

        Sends ``POST /api/conversations``.

        Args:
            title: A title for the conversation.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.ConversationSummary]: Await it for: The new conversation.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def get(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.ConversationDetail]:
        """One conversation with every message.

        Fails with ``NotFoundError`` (404) when no conversation has this id.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.ConversationDetail]: Await it for: The conversation and every
                message, tool calls included.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.DeletedConversation]:
        """Deletes a conversation.

        Fails with ``NotFoundError`` (404) when no conversation has this id.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.DeletedConversation]: Await it for: The deleted conversation's
                ``id`` and ``deleted``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncConversationsWithRawResponse:
    """The operations of the ``Conversations`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[List[models.ConversationSummary]]]:
        """Lists the agent's stored conversations.

        Sends ``GET /api/conversations``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.ConversationSummary]]]: The answer with its
                metadata; ``parse()`` gives every conversation (one answer, no pagination).

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self, *, title: Optional[str] = None, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.ConversationSummary]]:
        """Creates an empty conversation.

        Sends ``POST /api/conversations``.

        Args:
            title: A title for the conversation.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.ConversationSummary]]: The answer with its metadata;
                ``parse()`` gives the new conversation.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def get(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.ConversationDetail]]:
        """One conversation with every message.

        Fails with ``NotFoundError`` (404) when no conversation has this id.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.ConversationDetail]]: The answer with its metadata;
                ``parse()`` gives the conversation and every message, tool calls included.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.DeletedConversation]]:
        """Deletes a conversation.

        Fails with ``NotFoundError`` (404) when no conversation has this id.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.DeletedConversation]]: The answer with its metadata;
                ``parse()`` gives the deleted conversation's ``id`` and ``deleted``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncConfigResource:
    """Agent configuration (``client.config``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncConfigResourceWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def get(self, **options: Unpack[RequestOptions]) -> Awaitable[models.Config]:
        """The agent's current configuration.

        Sends ``GET /api/config``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Config]: Await it for: The language-model settings (``llm``), the
                agent settings (``agent``) and the cloud providers (``cloud_providers``).

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update(
        self,
        *,
        agent: Optional[Mapping[str, Any]] = None,
        cloud_providers: Optional[Mapping[str, Any]] = None,
        llm: Optional[Mapping[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.Config]:
        """Changes part of the configuration: the given sections are deep-merged by the service.

        Fails with ``BadRequestError`` (400) when a setting is refused.

        Sends ``PUT /api/config``.

        Args:
            agent: Agent settings to change, e.g. ``{"autonomy_level": "supervised"}``.
            cloud_providers: Cloud-provider settings to change, e.g. ``{"aws": {"enabled":
                true}}``.
            llm: Language-model settings to change, e.g. ``{"provider": "openai", "model":
                "gpt-4"}``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Config]: Await it for: The whole configuration after the change.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncConfigResourceWithRawResponse:
    """The operations of the ``ConfigResource`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def get(self, **options: Unpack[RequestOptions]) -> Awaitable[RawResponse[models.Config]]:
        """The agent's current configuration.

        Sends ``GET /api/config``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Config]]: The answer with its metadata; ``parse()``
                gives the language-model settings (``llm``), the agent settings (``agent``) and
                the cloud providers (``cloud_providers``).

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update(
        self,
        *,
        agent: Optional[Mapping[str, Any]] = None,
        cloud_providers: Optional[Mapping[str, Any]] = None,
        llm: Optional[Mapping[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.Config]]:
        """Changes part of the configuration: the given sections are deep-merged by the service.

        Fails with ``BadRequestError`` (400) when a setting is refused.

        Sends ``PUT /api/config``.

        Args:
            agent: Agent settings to change, e.g. ``{"autonomy_level": "supervised"}``.
            cloud_providers: Cloud-provider settings to change, e.g. ``{"aws": {"enabled":
                true}}``.
            llm: Language-model settings to change, e.g. ``{"provider": "openai", "model":
                "gpt-4"}``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Config]]: The answer with its metadata; ``parse()``
                gives the whole configuration after the change.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncMetricsResource:
    """Metrics (``client.metrics``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncMetricsResourceWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def get(self, **options: Unpack[RequestOptions]) -> Awaitable[models.Metrics]:
        """Infrastructure and agent metrics.

        Sends ``GET /api/metrics``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Metrics]: Await it for: Alert counts, instance counts and the
                agent's statistics.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncMetricsResourceWithRawResponse:
    """The operations of the ``MetricsResource`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def get(self, **options: Unpack[RequestOptions]) -> Awaitable[RawResponse[models.Metrics]]:
        """Infrastructure and agent metrics.

        Sends ``GET /api/metrics``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Metrics]]: The answer with its metadata; ``parse()``
                gives alert counts, instance counts and the agent's statistics.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncTools:
    """Tools (``client.tools``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncToolsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(self, **options: Unpack[RequestOptions]) -> Awaitable[List[models.Tool]]:
        """Lists the tools the agent can run.

        Sends ``GET /api/tools``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.Tool]]: Await it for: Every tool with its description and
                parameter schema.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def execute(
        self, tool: str, /, parameters: Optional[Mapping[str, Any]] = None, **kwargs: Any
    ) -> Awaitable[models.ToolExecution]:
        """Runs a tool directly, without the agent.

        Fails with ``NotFoundError`` (404) when no tool has this name and ``BadRequestError``
        (400) when its parameters are refused.

        Sends ``POST /api/tools/execute``.

        Args:
            tool: The tool's name (positional).
            parameters: Parameters whose names clash with a request option (``timeout``, ...);
                merged with the keyword ones.
            **kwargs: The tool's parameters, plus the request options ``timeout``,
                ``max_retries``, ``extra_headers``, ``extra_query``, ``idempotency_key``,
                ``max_response_bytes``.

        Returns:
            Awaitable[models.ToolExecution]: Await it for: Whether it succeeded, its result and
                how long it took.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncToolsWithRawResponse:
    """The operations of the ``Tools`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def list(self, **options: Unpack[RequestOptions]) -> Awaitable[RawResponse[List[models.Tool]]]:
        """Lists the tools the agent can run.

        Sends ``GET /api/tools``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.Tool]]]: The answer with its metadata; ``parse()``
                gives every tool with its description and parameter schema.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def execute(
        self, tool: str, /, parameters: Optional[Mapping[str, Any]] = None, **kwargs: Any
    ) -> Awaitable[RawResponse[models.ToolExecution]]:
        """Runs a tool directly, without the agent.

        Fails with ``NotFoundError`` (404) when no tool has this name and ``BadRequestError``
        (400) when its parameters are refused.

        Sends ``POST /api/tools/execute``.

        Args:
            tool: The tool's name (positional).
            parameters: Parameters whose names clash with a request option (``timeout``, ...);
                merged with the keyword ones.
            **kwargs: The tool's parameters, plus the request options ``timeout``,
                ``max_retries``, ``extra_headers``, ``extra_query``, ``idempotency_key``,
                ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.ToolExecution]]: The answer with its metadata;
                ``parse()`` gives whether it succeeded, its result and how long it took.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncLearnedApis:
    """APIs the agent learned (``client.learned_apis``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncLearnedApisWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(self, **options: Unpack[RequestOptions]) -> Awaitable[List[models.LearnedApi]]:
        """Lists the APIs the agent has learned.

        Sends ``GET /api/learned-apis``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.LearnedApi]]: Await it for: Every learned API with the tools
                it added.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def learn(
        self, *, source: Any, type: str = ..., **options: Unpack[RequestOptions]
    ) -> Awaitable[models.LearnedApi]:
        """Teaches the agent an API from its OpenAPI document.

        Fails with ``BadRequestError`` (400) when the document cannot be read.

        Sends ``POST /api/learned-apis``.

        Args:
            source: The document: a URL, or the document itself (a JSON object or JSON text).
            type: The document's format: ``openapi``, the only one (wire name ``type``). Default
                ``"openapi"``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.LearnedApi]: Await it for: The learned API and the tools
                (endpoints) it added.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncLearnedApisWithRawResponse:
    """The operations of the ``LearnedApis`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[List[models.LearnedApi]]]:
        """Lists the APIs the agent has learned.

        Sends ``GET /api/learned-apis``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.LearnedApi]]]: The answer with its metadata;
                ``parse()`` gives every learned API with the tools it added.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def learn(
        self, *, source: Any, type: str = ..., **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.LearnedApi]]:
        """Teaches the agent an API from its OpenAPI document.

        Fails with ``BadRequestError`` (400) when the document cannot be read.

        Sends ``POST /api/learned-apis``.

        Args:
            source: The document: a URL, or the document itself (a JSON object or JSON text).
            type: The document's format: ``openapi``, the only one (wire name ``type``). Default
                ``"openapi"``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.LearnedApi]]: The answer with its metadata; ``parse()``
                gives the learned API and the tools (endpoints) it added.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncWebhooks(_WebhooksExtras):
    """Webhook subscriptions (``client.webhooks``). Plus the helpers ``sign``, ``verify`` and
    ``unwrap`` of :mod:`agent_client.webhooks`.

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncWebhooksWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def create(
        self, *, events: Sequence[str], secret: str, url: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.Webhook]:
        """Registers a URL that receives signed deliveries of the given events.

        Fails with ``BadRequestError`` (400) when the URL or an event name is refused.

        Sends ``POST /api/webhooks``.

        Args:
            events: The event names to deliver (e.g. ``conversation.created``, ``message.sent``;
                on ops ``alert.critical``, ``tool.executed``); the schema lists every name the
                service accepts.
            secret: The shared secret deliveries are signed with (HMAC-SHA256; ``whsec_...``).
            url: The URL deliveries are POSTed to.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Webhook]: Await it for: The registration: its id, URL and events.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncWebhooksWithRawResponse(_WebhooksExtras):
    """The operations of the ``Webhooks`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def create(
        self, *, events: Sequence[str], secret: str, url: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.Webhook]]:
        """Registers a URL that receives signed deliveries of the given events.

        Fails with ``BadRequestError`` (400) when the URL or an event name is refused.

        Sends ``POST /api/webhooks``.

        Args:
            events: The event names to deliver (e.g. ``conversation.created``, ``message.sent``;
                on ops ``alert.critical``, ``tool.executed``); the schema lists every name the
                service accepts.
            secret: The shared secret deliveries are signed with (HMAC-SHA256; ``whsec_...``).
            url: The URL deliveries are POSTed to.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Webhook]]: The answer with its metadata; ``parse()``
                gives the registration: its id, URL and events.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

# </generated resources>

class Realtime:
    """The realtime WebSocket (``client.realtime``)."""
    @property
    def with_raw_response(self) -> RealtimeWithRawResponse:
        """The same operations, each answering a :class:`RawResponse` (status, headers,
        request id, rate limit, attempts; ``parse()`` gives the result).
        """
    def connect(self, **options: Unpack[RequestOptions]) -> RealtimeSession:
        """Opens the ``/ws`` WebSocket and authenticates on it.

        Sends ``GET /ws (WebSocket)``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RealtimeSession: A session: ``send_chat(conversation_id, message)``, then iterate
                the typed events of that answer (the iteration ends after ``done``). A context
                manager. On the async client: ``async with client.realtime.connect() as
                session``.

        Raises:
            AuthenticationError: The token was refused.
            WebSocketError: The socket failed or the service closed it.
            APIError: Any other error answer: ``AuthenticationError`` (401, a wrong key),
                ``RateLimitError`` (429), ``InternalServerError`` (5xx), ...
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> with client.realtime.connect() as session:
            ...     session.send_chat(None, "Any critical alert?")
            ...     for event in session:
            ...         print(event)
        """

class RealtimeWithRawResponse:
    """The operations of the ``Realtime`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """

class AsyncRealtime:
    """The realtime WebSocket (``client.realtime``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncRealtimeWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def connect(self, **options: Unpack[RequestOptions]) -> AsyncRealtimeSession:
        """Opens the ``/ws`` WebSocket and authenticates on it.

        Sends ``GET /ws (WebSocket)``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            AsyncRealtimeSession: A session: ``send_chat(conversation_id, message)``, then
                iterate the typed events of that answer (the iteration ends after ``done``). A
                context manager.

        Raises:
            AuthenticationError: The token was refused.
            WebSocketError: The socket failed or the service closed it.
            APIError: Any other error answer: ``AuthenticationError`` (401, a wrong key),
                ``RateLimitError`` (429), ``InternalServerError`` (5xx), ...
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncRealtimeWithRawResponse:
    """The operations of the ``Realtime`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """

class _AgentClientBase:
    def __init__(
        self,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        stream_idle_timeout: Optional[float] = None,
        default_headers: Optional[Mapping[str, str]] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        connect_timeout: Optional[float] = None,
        response_header_timeout: Optional[float] = None,
        max_event_size: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
        proxy: Optional[str] = None,
        ca_bundle: Optional[Union[str, os.PathLike[str]]] = None,
    ) -> None: ...
    @property
    def base_url(self) -> str:
        """The base URL every request goes to (e.g. ``http://localhost:8000``)."""
    def close(self) -> None:
        """Closes the client: releases its connection pools now. A call, stream or realtime
        session started afterwards raises :class:`~cjhirashi_agents.APIConnectionError` ("the
        client is closed"); those started before finish. Closing again does nothing; ``with``
        and ``async with`` close on exit.
        """

class AgentClientWithRawResponse:
    """Every resource of the client, each call answering a ``RawResponse``
    (``client.with_raw_response``).
    """

    # <generated attributes-raw> by scripts/gen_python.py; do not edit
    auth: AuthWithRawResponse
    chat: ChatWithRawResponse
    conversations: ConversationsWithRawResponse
    config: ConfigResourceWithRawResponse
    metrics: MetricsResourceWithRawResponse
    tools: ToolsWithRawResponse
    learned_apis: LearnedApisWithRawResponse
    webhooks: WebhooksWithRawResponse
    # </generated attributes-raw>

class AsyncAgentClientWithRawResponse:
    """Every resource of the client, each call answering a ``RawResponse``
    (``client.with_raw_response``). Every call is awaited.
    """

    # <generated attributes-async-raw> by scripts/gen_python.py; do not edit
    auth: AsyncAuthWithRawResponse
    chat: AsyncChatWithRawResponse
    conversations: AsyncConversationsWithRawResponse
    config: AsyncConfigResourceWithRawResponse
    metrics: AsyncMetricsResourceWithRawResponse
    tools: AsyncToolsWithRawResponse
    learned_apis: AsyncLearnedApisWithRawResponse
    webhooks: AsyncWebhooksWithRawResponse
    # </generated attributes-async-raw>

class AgentClient(_AgentClientBase):
    """The client of the cloud-operations agent (blocking calls).

    Resources: ``auth``, ``chat``, ``conversations``, ``config``, ``metrics``, ``tools``,
    ``learned_apis``, ``webhooks`` and ``realtime`` (the WebSocket). Authenticates with an API
    key, or with a user name and password (see :meth:`login`): the client then keeps the
    token and logs in again before it expires.

    Args:
        api_key: The static API key; default: ``AGENT_API_KEY``.
        base_url: The service URL; default: ``AGENT_BASE_URL``, else ``http://localhost:8000``.
        timeout: Seconds for a whole non-streaming call, retries included (default 600;
            ``float("inf")``: no limit).
        max_retries: Retries after the first attempt (default 2, at most 100).
        stream_idle_timeout: Seconds a stream may go without an event before it fails
            (default 120; keep-alive comments do not count).
        default_headers: Headers sent with every request.
        username: The login user name (with ``password``: log in on the first call).
        password: The login password.
        connect_timeout: Seconds to open a connection (default 5).
        response_header_timeout: Seconds to wait for the answer's headers (default 60).
        max_event_size: The largest stream event accepted, in bytes (default 16 MiB).
        max_response_bytes: The largest answer body accepted, in bytes (default 32 MiB).
        proxy: Proxy URL (``http://`` or ``https://``, credentials allowed) for every request
            and the realtime WebSocket; default: ``HTTPS_PROXY`` / ``HTTP_PROXY`` /
            ``NO_PROXY`` from the environment.
        ca_bundle: Path of a PEM file of extra trusted CA certificates (a corporate or private
            CA), used for HTTPS and the WebSocket with the built-in roots; a missing file or
            one with no PEM certificate raises ``ValueError`` here.

    Raises:
        ValueError: A setting is out of range (``TypeError``: of the wrong type).

    Example:
        >>> from agent_client import AgentClient
        >>> client = AgentClient(api_key="my-key", base_url="http://localhost:8000")
        >>> client.tools.execute("list_ec2_instances", region="us-east-1").success
        True
    """

    # <generated attributes> by scripts/gen_python.py; do not edit
    auth: Auth
    chat: Chat
    conversations: Conversations
    config: ConfigResource
    metrics: MetricsResource
    tools: Tools
    learned_apis: LearnedApis
    webhooks: Webhooks
    # </generated attributes>
    realtime: Realtime
    @classmethod
    def login(cls, base_url: str, username: str, password: str, **settings: Any) -> AgentClient:
        """Makes a client and logs in with a user name and password
        (``POST /api/auth/login``); the client logs in again before the token expires.

        Args:
            base_url: The service URL.
            username: The user name.
            password: The password.
            **settings: Any other constructor argument (``timeout``, ``max_retries``, ...).

        Returns:
            AgentClient: The logged-in client.

        Raises:
            AuthenticationError: Wrong user name or password (401).
            APIConnectionError: The service did not answer.
            InvalidArgumentError: ``username`` or ``password`` is missing or empty.

        Example:
            >>> client = AgentClient.login("http://localhost:8000", "admin", "secret")
        """
    @property
    def with_raw_response(self) -> AgentClientWithRawResponse:
        """Every resource of the client, each call answering a
        :class:`~cjhirashi_agents.RawResponse` (``client.with_raw_response.metrics.get()``).
        """
    def with_options(self, **overrides: Any) -> AgentClient:
        """A new client with some settings changed (``timeout``, ``max_retries``, ...),
        checked like the constructor's; a client made by ``login`` keeps its credentials
        (the new one logs in on its first call).
        """
    def __enter__(self) -> AgentClient: ...
    def __exit__(self, *exc: object) -> None: ...

class AsyncAgentClient(_AgentClientBase):
    """The client of the cloud-operations agent for asyncio: every operation is awaited;
    streams and the realtime session are read with ``async for``. Takes the same arguments
    as :class:`AgentClient`.

    Example:
        >>> async with AsyncAgentClient(api_key="my-key") as client:
        ...     async for event in client.chat.stream(message="Any critical alert?"):
        ...         print(event)
    """

    # <generated attributes-async> by scripts/gen_python.py; do not edit
    auth: AsyncAuth
    chat: AsyncChat
    conversations: AsyncConversations
    config: AsyncConfigResource
    metrics: AsyncMetricsResource
    tools: AsyncTools
    learned_apis: AsyncLearnedApis
    webhooks: AsyncWebhooks
    # </generated attributes-async>
    realtime: AsyncRealtime
    @classmethod
    async def login(
        cls, base_url: str, username: str, password: str, **settings: Any
    ) -> AsyncAgentClient:
        """Makes a client and logs in with a user name and password (awaited); see
        :meth:`AgentClient.login`.

        Args:
            base_url: The service URL.
            username: The user name.
            password: The password.
            **settings: Any other constructor argument (``timeout``, ``max_retries``, ...).

        Raises:
            AuthenticationError: Wrong user name or password (401).
            APIConnectionError: The service did not answer.
            InvalidArgumentError: ``username`` or ``password`` is missing or empty.
        """
    @property
    def with_raw_response(self) -> AsyncAgentClientWithRawResponse:
        """Every resource of the client, each call answering a
        :class:`~cjhirashi_agents.RawResponse` (``client.with_raw_response.metrics.get()``).
        """
    def with_options(self, **overrides: Any) -> AsyncAgentClient:
        """A new client with some settings changed (``timeout``, ``max_retries``, ...),
        checked like the constructor's; a client made by ``login`` keeps its credentials
        (the new one logs in on its first call).
        """
    async def __aenter__(self) -> AsyncAgentClient: ...
    async def __aexit__(self, *exc: object) -> None: ...
    async def aclose(self) -> None:
        """Closes the client (the asyncio form of ``close()``; ``async with`` calls it)."""
