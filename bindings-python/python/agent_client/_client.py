"""``AgentClient`` and ``AsyncAgentClient`` of the ops service, built from one set of resource
classes (see ``cjhirashi_agents._base``). Typed signatures are in ``_client.pyi``."""

# <generated imports> by scripts/gen_python.py; do not edit
from __future__ import annotations

import os
from typing import Any, Dict, Mapping, Optional, Sequence, Union, get_args

from cjhirashi_agents import _base, _native
from cjhirashi_agents import webhooks as _webhooks
from cjhirashi_agents._base import (
    REQUEST_OPTIONS,
    RawClient,
    Resource,
    Transport,
    env_or,
    headers_arg,
    model,
)
from cjhirashi_agents._docs import OPS, document
from cjhirashi_agents._models import models_of, register_native
from cjhirashi_agents._streaming import AsyncStream, Stream

from . import models

# </generated imports>

# the native module builds the answer models itself (events come from streams, built here)
register_native("ops", models_of(models, exclude=get_args(models.ChatEvent)))

API_KEY_ENV = "AGENT_API_KEY"
BASE_URL_ENV = "AGENT_BASE_URL"
DEFAULT_BASE_URL = "http://localhost:8000"


class _ChatDone:
    """The ``done`` facts of an ops chat stream (``_last``: its final event, kept by the
    stream classes)."""

    _final = models.DoneEvent
    _last: Any

    @property
    def done(self) -> Optional[models.DoneEvent]:
        """The ``done`` event, once the stream has ended with it."""
        last: Optional[models.DoneEvent] = self._last
        return last

    @property
    def conversation_id(self) -> Optional[str]:
        """``conversation_id`` of the ``done`` event: the conversation the exchange was
        stored in (once the stream has ended)."""
        last = self._last
        return None if last is None else last.conversation_id


class ChatStream(_ChatDone, Stream[models.ChatEvent]):
    """The agent's answer as typed events (blocking client): iterating yields
    ``ThinkingEvent``, ``ToolCallEvent``, ``ToolResultEvent``, ``MessageEvent`` and finally
    ``DoneEvent``; ``text`` is the answer once read. ``close()``, ``break`` or leaving a
    ``with`` block closes the connection.

    Raises (while iterating):
        IncompleteStreamError: The stream ended before its ``done`` event.
        APIError: An ``error`` event, as the class of its code.
    """


class AsyncChatStream(_ChatDone, AsyncStream[models.ChatEvent]):
    """The agent's answer as typed events (async client): ``async for event in stream``;
    see :class:`ChatStream`."""


def _execute_tool(
    resource: Resource, tool: str, parameters: Optional[Mapping[str, Any]], kwargs: Dict[str, Any]
) -> Any:
    """``tools.execute``: keyword arguments are the tool's parameters, except the request
    options (``timeout``, ``max_retries``, ``extra_headers``, ``extra_query``,
    ``idempotency_key``, ``max_response_bytes``); a parameter with one of those names goes in
    ``parameters=``."""
    options = {k: kwargs.pop(k) for k in REQUEST_OPTIONS if k in kwargs}
    params = {**dict(parameters or {}), **kwargs}
    return resource._call(
        "tools.execute",
        {"tool": tool, "parameters": params},
        model(models.ToolExecution),
        options,
    )


class _WebhooksExtras:
    """Plus the helpers ``sign``, ``verify`` and ``unwrap`` of :mod:`agent_client.webhooks`."""

    verify = staticmethod(_webhooks.verify)
    unwrap = staticmethod(_webhooks.unwrap)
    sign = staticmethod(_webhooks.sign)


# The resource classes, one per resource of the document; a class `_<Name>Extras` above is
# mixed into the resource `<Name>`.
# <generated resources> by scripts/gen_python.py; do not edit
_TOKEN = _base.model(models.Token)
_CHAT_RESPONSE = _base.model(models.ChatResponse)
_CONVERSATION_SUMMARY_LIST = _base.model_list(models.ConversationSummary)
_CONVERSATION_SUMMARY = _base.model(models.ConversationSummary)
_CONVERSATION_DETAIL = _base.model(models.ConversationDetail)
_DELETED_CONVERSATION = _base.model(models.DeletedConversation)
_CONFIG = _base.model(models.Config)
_METRICS = _base.model(models.Metrics)
_TOOL_LIST = _base.model_list(models.Tool)
_LEARNED_API_LIST = _base.model_list(models.LearnedApi)
_LEARNED_API = _base.model(models.LearnedApi)
_WEBHOOK = _base.model(models.Webhook)


class Auth(Resource):
    def login(self, username: str, password: str, **options: Any) -> Any:
        args: Dict[str, Any] = {"username": username, "password": password}
        t = self._t
        if self._raw or t.is_async:
            return self._call("auth.login", args, _TOKEN, options)
        return _TOKEN(t.native.call("auth.login", args, options)[0])


class Chat(Resource):
    def send(self, *, message: str, conversation_id: Optional[str] = None, **options: Any) -> Any:
        args: Dict[str, Any] = {"message": message}
        if conversation_id is not None:
            args["conversation_id"] = conversation_id
        t = self._t
        if self._raw or t.is_async:
            return self._call("chat.send", args, _CHAT_RESPONSE, options)
        return _CHAT_RESPONSE(t.native.call("chat.send", args, options)[0])

    def stream(self, *, message: str, conversation_id: Optional[str] = None, **options: Any) -> Any:
        args: Dict[str, Any] = {"message": message}
        if conversation_id is not None:
            args["conversation_id"] = conversation_id
        return self._t.stream(
            "chat.stream",
            args,
            options,
            ChatStream,
            AsyncChatStream,
            models.event_from_wire,
            raw=self._raw,
        )


class Conversations(Resource):
    def list(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("conversations.list", None, _CONVERSATION_SUMMARY_LIST, options)
        return _CONVERSATION_SUMMARY_LIST(t.native.call("conversations.list", None, options)[0])

    def create(self, *, title: Optional[str] = None, **options: Any) -> Any:
        args: Dict[str, Any] = {}
        if title is not None:
            args["title"] = title
        t = self._t
        if self._raw or t.is_async:
            return self._call("conversations.create", args, _CONVERSATION_SUMMARY, options)
        return _CONVERSATION_SUMMARY(t.native.call("conversations.create", args, options)[0])

    def get(self, id: str, **options: Any) -> Any:
        args: Dict[str, Any] = {"id": id}
        t = self._t
        if self._raw or t.is_async:
            return self._call("conversations.get", args, _CONVERSATION_DETAIL, options)
        return _CONVERSATION_DETAIL(t.native.call("conversations.get", args, options)[0])

    def delete(self, id: str, **options: Any) -> Any:
        args: Dict[str, Any] = {"id": id}
        t = self._t
        if self._raw or t.is_async:
            return self._call("conversations.delete", args, _DELETED_CONVERSATION, options)
        return _DELETED_CONVERSATION(t.native.call("conversations.delete", args, options)[0])


class ConfigResource(Resource):
    def get(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("config.get", None, _CONFIG, options)
        return _CONFIG(t.native.call("config.get", None, options)[0])

    def update(
        self,
        *,
        agent: Optional[Mapping[str, Any]] = None,
        cloud_providers: Optional[Mapping[str, Any]] = None,
        llm: Optional[Mapping[str, Any]] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {}
        if agent is not None:
            args["agent"] = _base.as_dict(agent)
        if cloud_providers is not None:
            args["cloud_providers"] = _base.as_dict(cloud_providers)
        if llm is not None:
            args["llm"] = _base.as_dict(llm)
        t = self._t
        if self._raw or t.is_async:
            return self._call("config.update", args, _CONFIG, options)
        return _CONFIG(t.native.call("config.update", args, options)[0])


class MetricsResource(Resource):
    def get(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("metrics.get", None, _METRICS, options)
        return _METRICS(t.native.call("metrics.get", None, options)[0])


class Tools(Resource):
    def list(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("tools.list", None, _TOOL_LIST, options)
        return _TOOL_LIST(t.native.call("tools.list", None, options)[0])

    def execute(
        self, tool: str, /, parameters: Optional[Mapping[str, Any]] = None, **kwargs: Any
    ) -> Any:
        return _execute_tool(self, tool, parameters, kwargs)


class LearnedApis(Resource):
    def list(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("learned_apis.list", None, _LEARNED_API_LIST, options)
        return _LEARNED_API_LIST(t.native.call("learned_apis.list", None, options)[0])

    def learn(self, *, source: Any, type: str = "openapi", **options: Any) -> Any:
        args: Dict[str, Any] = {"source": source, "type": type}
        t = self._t
        if self._raw or t.is_async:
            return self._call("learned_apis.learn", args, _LEARNED_API, options)
        return _LEARNED_API(t.native.call("learned_apis.learn", args, options)[0])


class Webhooks(_WebhooksExtras, Resource):
    def create(self, *, events: Sequence[str], secret: str, url: str, **options: Any) -> Any:
        args: Dict[str, Any] = {"events": _base.as_list(events), "secret": secret, "url": url}
        t = self._t
        if self._raw or t.is_async:
            return self._call("webhooks.create", args, _WEBHOOK, options)
        return _WEBHOOK(t.native.call("webhooks.create", args, options)[0])


# </generated resources>


def _check_login(username: Any, password: Any) -> None:
    """``login`` needs both credentials (as Node's ``AgentClient.login`` does)."""
    from cjhirashi_agents._errors import InvalidArgumentError

    if not username or not password:
        raise InvalidArgumentError("AgentClient.login needs a username and a password")


class RealtimeSession:
    """An authenticated ``/ws`` session (sync): ``send_chat(conversation_id, message)``, then
    iterate: the events of that answer, ending after ``done``. A context manager."""

    def __init__(self, native: Any) -> None:
        self._native = native

    def send_chat(self, conversation_id: Optional[str], message: str) -> None:
        """Sends a chat message on the socket; iterate the session for its answer.

        Args:
            conversation_id: Continue this conversation (``None``: a new one).
            message: The message text.

        Raises:
            WebSocketError: The socket is closed or failed.
        """
        self._native.send_chat(conversation_id, message)

    #: The same as :meth:`send_chat` (API.md's name, and the Rust core's ``chat``).
    chat = send_chat

    def __iter__(self) -> Any:
        return iter(ChatStream(self._native, models.event_from_wire))

    def close(self) -> None:
        """Closes the WebSocket (idempotent)."""
        self._native.close()

    def __enter__(self) -> RealtimeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncRealtimeSession:
    """An authenticated ``/ws`` session (async): ``await send_chat(...)``, then
    ``async for event in session`` until ``done``. ``async with client.realtime.connect()``."""

    def __init__(self, opener: Any) -> None:
        self._opener = opener
        self._native: Any = None

    async def _open(self) -> AsyncRealtimeSession:
        if self._native is None:
            self._native = await self._opener()
        return self

    def __await__(self) -> Any:
        return self._open().__await__()

    async def send_chat(self, conversation_id: Optional[str], message: str) -> None:
        """Sends a chat message on the socket (opening it first if needed); iterate the
        session with ``async for`` for its answer.

        Args:
            conversation_id: Continue this conversation (``None``: a new one).
            message: The message text.

        Raises:
            WebSocketError: The socket is closed or failed.
        """
        await self._open()
        await self._native.send_chat_async(conversation_id, message)

    #: The same as :meth:`send_chat` (API.md's name, and the Rust core's ``chat``).
    chat = send_chat

    def __aiter__(self) -> Any:
        native = self._native

        async def opener() -> Any:
            return native

        return AsyncChatStream(opener, models.event_from_wire).__aiter__()

    async def close(self) -> None:
        """Closes the WebSocket (idempotent)."""
        if self._native is not None:
            self._native.close()

    async def __aenter__(self) -> AsyncRealtimeSession:
        return await self._open()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


class Realtime(Resource):
    """The realtime WebSocket (``client.realtime``)."""

    def connect(self, **options: Any) -> Any:
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
        native = self._t.native
        if self._t.is_async:
            return AsyncRealtimeSession(
                lambda: native.stream_async("realtime.connect", None, options)
            )
        return RealtimeSession(native.stream("realtime.connect", None, options))


class _BaseAgentClient:
    _is_async = False

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
    ) -> None:
        # every setting is checked by the native constructor (TypeError / ValueError)
        settings: Dict[str, Any] = dict(
            timeout=timeout,
            max_retries=max_retries,
            stream_idle_timeout=stream_idle_timeout,
            default_headers=default_headers,
            connect_timeout=connect_timeout,
            response_header_timeout=response_header_timeout,
            max_event_size=max_event_size,
            max_response_bytes=max_response_bytes,
            proxy=proxy,
            ca_bundle=ca_bundle,
        )
        api_key = env_or(api_key, API_KEY_ENV)
        base_url = env_or(base_url, BASE_URL_ENV) or DEFAULT_BASE_URL
        self._native = _native.OpsClient(
            api_key,
            base_url,
            username,
            password,
            **{**settings, "default_headers": headers_arg(default_headers)},
        )
        self._options = dict(
            api_key=api_key, base_url=base_url, username=username, password=password, **settings
        )
        t = Transport(self._native, self._is_async)
        # <generated wiring> by scripts/gen_python.py; do not edit
        self.auth = Auth(t)
        self.chat = Chat(t)
        self.conversations = Conversations(t)
        self.config = ConfigResource(t)
        self.metrics = MetricsResource(t)
        self.tools = Tools(t)
        self.learned_apis = LearnedApis(t)
        self.webhooks = Webhooks(t)
        # </generated wiring>
        self.realtime = Realtime(t)

    @property
    def base_url(self) -> str:
        """The base URL every request goes to (e.g. ``http://localhost:8000``)."""
        return str(self._native.base_url)

    @property
    def with_raw_response(self) -> Any:
        """Every resource of the client, each call answering a
        :class:`~cjhirashi_agents.RawResponse` (``client.with_raw_response.metrics.get()``)."""
        return RawClient(self)

    def with_options(self, **overrides: Any) -> Any:
        """A new client with some settings changed (``timeout``, ``max_retries``, ...),
        checked like the constructor's; a client made by ``login`` keeps its credentials
        (the new one logs in on its first call)."""
        self._native.check_open()
        return type(self)(**{**self._options, **overrides})

    def close(self) -> None:
        """Closes the client: releases its connection pools now. A call, stream or realtime
        session started afterwards raises :class:`~cjhirashi_agents.APIConnectionError` ("the
        client is closed"); those started before finish. Closing again does nothing; ``with``
        and ``async with`` close on exit."""
        self._native.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class AgentClient(_BaseAgentClient):
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
        _check_login(username, password)
        client = cls(base_url=base_url, username=username, password=password, **settings)
        client._native.ensure_login()
        return client

    def __enter__(self) -> AgentClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncAgentClient(_BaseAgentClient):
    """The client of the cloud-operations agent for asyncio: every operation is awaited;
    streams and the realtime session are read with ``async for``. Takes the same arguments
    as :class:`AgentClient`.

    Example:
        >>> async with AsyncAgentClient(api_key="my-key") as client:
        ...     async for event in client.chat.stream(message="Any critical alert?"):
        ...         print(event)
    """

    _is_async = True

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
        _check_login(username, password)
        client = cls(base_url=base_url, username=username, password=password, **settings)
        await client._native.ensure_login_async()
        return client

    async def __aenter__(self) -> AsyncAgentClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Closes the client (the asyncio form of ``close()``; ``async with`` calls it)."""
        self.close()


# help() shows the reference text of every operation
document(globals(), OPS)

__all__ = [
    "AgentClient",
    "AsyncAgentClient",
    "ChatStream",
    "AsyncChatStream",
    "RealtimeSession",
    "AsyncRealtimeSession",
]
