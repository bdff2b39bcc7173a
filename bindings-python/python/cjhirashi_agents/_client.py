"""``Client`` and ``AsyncClient`` of the platform service. Both are built from the same
resource classes; the client's :class:`~._base.Transport` makes a call blocking or awaitable.
Typed signatures are in ``_client.pyi``.
"""

# <generated imports> by scripts/gen_python.py; do not edit
from __future__ import annotations

import os
from decimal import Decimal
from typing import Any, Dict, Mapping, Optional, Sequence, Union

from . import _base, _native, models
from . import webhooks as _webhooks
from ._base import RawClient, Resource, Transport, env_or, headers_arg, missing_key
from ._docs import PLATFORM, document
from ._models import models_of, register_native
from ._streaming import AsyncMessageStream, MessageStream

# </generated imports>

# the native module builds these itself; conversations carry a client and are built here
register_native(
    "platform",
    models_of(
        models, exclude=(models.Conversation, models.AsyncConversation, models.ConversationList)
    ),
)

API_KEY_ENV = "CJHIRASHI_API_KEY"
BASE_URL_ENV = "CJHIRASHI_BASE_URL"
DEFAULT_BASE_URL = "https://agents.cjhirashi.com/api"


class _WebhooksExtras:
    """Plus the helpers ``sign``, ``verify`` and ``unwrap`` of :mod:`cjhirashi_agents.webhooks`."""

    verify = staticmethod(_webhooks.verify)
    unwrap = staticmethod(_webhooks.unwrap)
    sign = staticmethod(_webhooks.sign)


# The resource classes, one per resource of the document; a class `_<Name>Extras` above is
# mixed into the resource `<Name>`.
# <generated resources> by scripts/gen_python.py; do not edit
_API_KEY = _base.model(models.ApiKey)
_SESSION = _base.model(models.Session)
_SIGN_OUT = _base.model(models.SignOut)
_INVITATION = _base.model(models.Invitation)
_USER = _base.model(models.User)
_UPDATED_USER = _base.model(models.UpdatedUser)
_DELETED_USER = _base.model(models.DeletedUser)
_AGENT_LIST = _base.model_list(models.Agent)
_CREATED_AGENT = _base.model(models.CreatedAgent)
_AGENT = _base.model(models.Agent)
_DELETED_AGENT = _base.model(models.DeletedAgent)
_DELETED_CONVERSATION = _base.model(models.DeletedConversation)
_HEALTH_PROFILE = _base.model(models.HealthProfile)
_APPOINTMENT_LIST = _base.model_list(models.Appointment)
_MEDICATION_LIST = _base.model_list(models.Medication)
_MEDICATION = _base.model(models.Medication)
_FINANCE_PROFILE = _base.model(models.FinanceProfile)
_ACCOUNT_LIST = _base.model_list(models.Account)
_BUDGET_LIST = _base.model_list(models.Budget)
_TRANSACTION = _base.model(models.Transaction)
_WEBHOOK = _base.model(models.Webhook)


class Auth(Resource):
    def create_api_key(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("auth.create_api_key", None, _API_KEY, options)
        return _API_KEY(t.native.call("auth.create_api_key", None, options)[0])

    def session(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("auth.session", None, _SESSION, options)
        return _SESSION(t.native.call("auth.session", None, options)[0])

    def sign_in_url(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("auth.sign_in_url", None, str, options)
        return str(t.native.call("auth.sign_in_url", None, options)[0])

    def sign_out(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("auth.sign_out", None, _SIGN_OUT, options)
        return _SIGN_OUT(t.native.call("auth.sign_out", None, options)[0])


class Users(Resource):
    def list(
        self,
        *,
        limit: Optional[int] = None,
        page: Optional[int] = None,
        role: Optional[str] = None,
        search: Optional[str] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {}
        if limit is not None:
            args["limit"] = limit
        if page is not None:
            args["page"] = page
        if role is not None:
            args["role"] = role
        if search is not None:
            args["search"] = search
        return self._t.paginate(
            "users.list", args, options, "users", _base.model(models.UserList), self._raw
        )

    def invite(
        self,
        *,
        email: str,
        message: Optional[str] = None,
        role: Optional[str] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {"email": email}
        if message is not None:
            args["message"] = message
        if role is not None:
            args["role"] = role
        t = self._t
        if self._raw or t.is_async:
            return self._call("users.invite", args, _INVITATION, options)
        return _INVITATION(t.native.call("users.invite", args, options)[0])

    def me(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("users.me", None, _USER, options)
        return _USER(t.native.call("users.me", None, options)[0])

    def update_me(
        self,
        *,
        name: Optional[str] = None,
        preferences: Optional[Dict[str, Any]] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {}
        if name is not None:
            args["name"] = name
        if preferences is not None:
            args["preferences"] = preferences
        t = self._t
        if self._raw or t.is_async:
            return self._call("users.update_me", args, _UPDATED_USER, options)
        return _UPDATED_USER(t.native.call("users.update_me", args, options)[0])

    def delete(self, id: str, **options: Any) -> Any:
        args: Dict[str, Any] = {"id": id}
        t = self._t
        if self._raw or t.is_async:
            return self._call("users.delete", args, _DELETED_USER, options)
        return _DELETED_USER(t.native.call("users.delete", args, options)[0])


class Agents(Resource):
    def list(
        self, *, category: Optional[str] = None, is_public: Optional[bool] = None, **options: Any
    ) -> Any:
        args: Dict[str, Any] = {}
        if category is not None:
            args["category"] = category
        if is_public is not None:
            args["is_public"] = is_public
        t = self._t
        if self._raw or t.is_async:
            return self._call("agents.list", args, _AGENT_LIST, options)
        return _AGENT_LIST(t.native.call("agents.list", args, options)[0])

    def create(
        self,
        *,
        name: str,
        config: Optional[Mapping[str, Any]] = None,
        description: Optional[str] = None,
        is_public: Optional[bool] = None,
        model: Optional[str] = None,
        system_prompt: Optional[str] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {"name": name}
        if config is not None:
            args["config"] = _base.camel_keys(config)
        if description is not None:
            args["description"] = description
        if is_public is not None:
            args["is_public"] = is_public
        if model is not None:
            args["model"] = model
        if system_prompt is not None:
            args["system_prompt"] = system_prompt
        t = self._t
        if self._raw or t.is_async:
            return self._call("agents.create", args, _CREATED_AGENT, options)
        return _CREATED_AGENT(t.native.call("agents.create", args, options)[0])

    def get(self, id: str, **options: Any) -> Any:
        args: Dict[str, Any] = {"id": id}
        t = self._t
        if self._raw or t.is_async:
            return self._call("agents.get", args, _AGENT, options)
        return _AGENT(t.native.call("agents.get", args, options)[0])

    def delete(self, id: str, **options: Any) -> Any:
        args: Dict[str, Any] = {"id": id}
        t = self._t
        if self._raw or t.is_async:
            return self._call("agents.delete", args, _DELETED_AGENT, options)
        return _DELETED_AGENT(t.native.call("agents.delete", args, options)[0])


class Conversations(Resource):
    def list(
        self,
        *,
        agent_id: Optional[str] = None,
        cursor: Optional[str] = None,
        limit: Optional[int] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {}
        if agent_id is not None:
            args["agent_id"] = agent_id
        if cursor is not None:
            args["cursor"] = cursor
        if limit is not None:
            args["limit"] = limit
        return self._t.paginate(
            "conversations.list",
            args,
            options,
            "conversations",
            _base.handle_page(
                self,
                models.ConversationList,
                "conversations",
                models.Conversation,
                models.AsyncConversation,
            ),
            self._raw,
        )

    def create(
        self,
        *,
        agent_id: str,
        initial_message: Optional[str] = None,
        title: Optional[str] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {"agent_id": agent_id}
        if initial_message is not None:
            args["initial_message"] = initial_message
        if title is not None:
            args["title"] = title
        t = self._t
        if self._raw or t.is_async:
            return self._call(
                "conversations.create",
                args,
                _base.handle(self, models.Conversation, models.AsyncConversation),
                options,
            )
        return _base.handle(self, models.Conversation, models.AsyncConversation)(
            t.native.call("conversations.create", args, options)[0]
        )

    def get(self, id: str, *, message_limit: Optional[int] = None, **options: Any) -> Any:
        args: Dict[str, Any] = {"id": id}
        if message_limit is not None:
            args["message_limit"] = message_limit
        t = self._t
        if self._raw or t.is_async:
            return self._call(
                "conversations.get",
                args,
                _base.handle(self, models.Conversation, models.AsyncConversation),
                options,
            )
        return _base.handle(self, models.Conversation, models.AsyncConversation)(
            t.native.call("conversations.get", args, options)[0]
        )

    def delete(self, id: str, **options: Any) -> Any:
        args: Dict[str, Any] = {"id": id}
        t = self._t
        if self._raw or t.is_async:
            return self._call("conversations.delete", args, _DELETED_CONVERSATION, options)
        return _DELETED_CONVERSATION(t.native.call("conversations.delete", args, options)[0])

    def send_message(self, id: str, content: str, **options: Any) -> Any:
        args: Dict[str, Any] = {"id": id, "content": content}
        return self._t.stream(
            "conversations.send_message",
            args,
            options,
            MessageStream,
            AsyncMessageStream,
            raw=self._raw,
        )

    def stream(self, id: str, **options: Any) -> Any:
        args: Dict[str, Any] = {"id": id}
        return self._t.stream(
            "conversations.stream", args, options, MessageStream, AsyncMessageStream, raw=self._raw
        )


class Health(Resource):
    def __init__(self, transport: Transport, raw: bool = False) -> None:
        super().__init__(transport, raw)
        self.appointments = Appointments(transport, raw)
        self.medications = Medications(transport, raw)

    def profile(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("health.profile", None, _HEALTH_PROFILE, options)
        return _HEALTH_PROFILE(t.native.call("health.profile", None, options)[0])

    def update_profile(
        self,
        *,
        blood_type: Optional[str] = None,
        height: Optional[float] = None,
        weight: Optional[float] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {}
        if blood_type is not None:
            args["blood_type"] = blood_type
        if height is not None:
            args["height"] = height
        if weight is not None:
            args["weight"] = weight
        t = self._t
        if self._raw or t.is_async:
            return self._call("health.update_profile", args, _HEALTH_PROFILE, options)
        return _HEALTH_PROFILE(t.native.call("health.update_profile", args, options)[0])


class Appointments(Resource):
    def list(
        self,
        *,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        upcoming: Optional[bool] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {}
        if from_ is not None:
            args["from"] = from_
        if to is not None:
            args["to"] = to
        if upcoming is not None:
            args["upcoming"] = upcoming
        t = self._t
        if self._raw or t.is_async:
            return self._call("health.appointments.list", args, _APPOINTMENT_LIST, options)
        return _APPOINTMENT_LIST(t.native.call("health.appointments.list", args, options)[0])


class Medications(Resource):
    def list(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("health.medications.list", None, _MEDICATION_LIST, options)
        return _MEDICATION_LIST(t.native.call("health.medications.list", None, options)[0])

    def create(
        self,
        *,
        dosage: str,
        frequency: str,
        name: str,
        instructions: Optional[str] = None,
        start_date: Optional[str] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {"dosage": dosage, "frequency": frequency, "name": name}
        if instructions is not None:
            args["instructions"] = instructions
        if start_date is not None:
            args["start_date"] = start_date
        t = self._t
        if self._raw or t.is_async:
            return self._call("health.medications.create", args, _MEDICATION, options)
        return _MEDICATION(t.native.call("health.medications.create", args, options)[0])


class Finance(Resource):
    def __init__(self, transport: Transport, raw: bool = False) -> None:
        super().__init__(transport, raw)
        self.accounts = Accounts(transport, raw)
        self.budgets = Budgets(transport, raw)
        self.transactions = Transactions(transport, raw)

    def profile(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("finance.profile", None, _FINANCE_PROFILE, options)
        return _FINANCE_PROFILE(t.native.call("finance.profile", None, options)[0])


class Accounts(Resource):
    def list(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("finance.accounts.list", None, _ACCOUNT_LIST, options)
        return _ACCOUNT_LIST(t.native.call("finance.accounts.list", None, options)[0])


class Budgets(Resource):
    def list(self, **options: Any) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return self._call("finance.budgets.list", None, _BUDGET_LIST, options)
        return _BUDGET_LIST(t.native.call("finance.budgets.list", None, options)[0])


class Transactions(Resource):
    def list(
        self,
        *,
        account_id: Optional[str] = None,
        category: Optional[str] = None,
        cursor: Optional[str] = None,
        from_: Optional[str] = None,
        limit: Optional[int] = None,
        to: Optional[str] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {}
        if account_id is not None:
            args["account_id"] = account_id
        if category is not None:
            args["category"] = category
        if cursor is not None:
            args["cursor"] = cursor
        if from_ is not None:
            args["from"] = from_
        if limit is not None:
            args["limit"] = limit
        if to is not None:
            args["to"] = to
        return self._t.paginate(
            "finance.transactions.list",
            args,
            options,
            "transactions",
            _base.model(models.TransactionList),
            self._raw,
        )

    def create(
        self,
        *,
        account_id: str,
        amount: Union[Decimal, int, float, str],
        description: str,
        category: Optional[str] = None,
        date: Optional[str] = None,
        type: Optional[str] = None,
        **options: Any,
    ) -> Any:
        args: Dict[str, Any] = {
            "account_id": account_id,
            "amount": amount,
            "description": description,
        }
        if category is not None:
            args["category"] = category
        if date is not None:
            args["date"] = date
        if type is not None:
            args["type"] = type
        t = self._t
        if self._raw or t.is_async:
            return self._call("finance.transactions.create", args, _TRANSACTION, options)
        return _TRANSACTION(t.native.call("finance.transactions.create", args, options)[0])


class Webhooks(_WebhooksExtras, Resource):
    def create(self, *, events: Sequence[str], secret: str, url: str, **options: Any) -> Any:
        args: Dict[str, Any] = {"events": _base.as_list(events), "secret": secret, "url": url}
        t = self._t
        if self._raw or t.is_async:
            return self._call("webhooks.create", args, _WEBHOOK, options)
        return _WEBHOOK(t.native.call("webhooks.create", args, options)[0])


# </generated resources>


class _BaseClient:
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
        connect_timeout: Optional[float] = None,
        response_header_timeout: Optional[float] = None,
        max_event_size: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
        proxy: Optional[str] = None,
        ca_bundle: Optional[Union[str, os.PathLike[str]]] = None,
        max_pages: Optional[int] = None,
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
            max_pages=max_pages,
        )
        api_key = env_or(api_key, API_KEY_ENV)
        if not api_key:
            # an empty key is no key (as in Node), not a client that sends none
            raise missing_key("api_key", API_KEY_ENV)
        base_url = env_or(base_url, BASE_URL_ENV) or DEFAULT_BASE_URL
        self._native = _native.PlatformClient(
            api_key,
            base_url,
            **{**settings, "default_headers": headers_arg(default_headers)},
        )
        self._options = dict(api_key=api_key, base_url=base_url, **settings)
        t = Transport(self._native, self._is_async)
        # <generated wiring> by scripts/gen_python.py; do not edit
        self.auth = Auth(t)
        self.users = Users(t)
        self.agents = Agents(t)
        self.conversations = Conversations(t)
        self.health = Health(t)
        self.finance = Finance(t)
        self.webhooks = Webhooks(t)
        # </generated wiring>

    @property
    def base_url(self) -> str:
        """The base URL every request goes to (e.g. ``https://agents.cjhirashi.com/api``)."""
        return str(self._native.base_url)

    @property
    def with_raw_response(self) -> Any:
        """Every resource of the client, each call answering a
        :class:`~cjhirashi_agents.RawResponse` (``client.with_raw_response.users.me()``)."""
        return RawClient(self)

    def with_options(self, **overrides: Any) -> Any:
        """A new client with some settings changed (``timeout``, ``max_retries``, ...),
        checked like the constructor's."""
        self._native.check_open()
        return type(self)(**{**self._options, **overrides})

    def close(self) -> None:
        """Closes the client: releases its connection pools now. A call, stream or list
        started afterwards raises :class:`~cjhirashi_agents.APIConnectionError` ("the client is
        closed"); those started before finish. Closing again does nothing; ``with`` and
        ``async with`` close on exit."""
        self._native.close()

    def __repr__(self) -> str:
        # a password in the base URL (``https://user:pass@host``) is not shown
        shown = _native.redact_url(self.base_url)
        return f"{type(self).__name__}(base_url={shown!r})"


class Client(_BaseClient):
    """The client of the CJHIRASHI Agents platform (blocking calls).

    Resources: ``auth``, ``users``, ``agents``, ``conversations``, ``health`` (with
    ``medications``, ``appointments``), ``finance`` (with ``accounts``, ``transactions``,
    ``budgets``) and ``webhooks``. Failed calls are retried (429, 5xx, connection errors) with
    backoff, honouring ``Retry-After``.

    Args:
        api_key: The API key (``Authorization: Bearer``); default: ``CJHIRASHI_API_KEY``.
        base_url: The service URL; default: ``CJHIRASHI_BASE_URL``, else
            ``https://agents.cjhirashi.com/api``.
        timeout: Seconds for a whole non-streaming call, retries included (default 600;
            ``float("inf")``: no limit).
        max_retries: Retries after the first attempt (default 2, at most 100).
        stream_idle_timeout: Seconds a stream may go without an event before it fails
            (default 120; keep-alive comments do not count).
        default_headers: Headers sent with every request.
        connect_timeout: Seconds to open a connection (default 5).
        response_header_timeout: Seconds to wait for the answer's headers (default 60).
        max_event_size: The largest stream event accepted, in bytes (default 16 MiB).
        max_response_bytes: The largest answer body accepted, in bytes (default 32 MiB).
        proxy: Proxy URL (``http://`` or ``https://``, credentials allowed) for every
            request; default: ``HTTPS_PROXY`` / ``HTTP_PROXY`` /
            ``NO_PROXY`` from the environment.
        ca_bundle: Path of a PEM file of extra trusted CA certificates (a corporate or private
            CA), used for HTTPS and the WebSocket with the built-in roots; a missing file or
            one with no PEM certificate raises ``ValueError`` here.
        max_pages: How many pages iterating a list may fetch (default 10,000).

    Raises:
        InvalidArgumentError: No API key was given or found in the environment.
        ValueError: A setting is out of range (``TypeError``: of the wrong type).

    Example:
        >>> from cjhirashi_agents import Client
        >>> with Client() as client:  # reads CJHIRASHI_API_KEY
        ...     conv = client.conversations.create(agent_id="agt_personal_001")
        ...     print(conv.send_message("Hola").until_done())
    """

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncClient(_BaseClient):
    """The client of the CJHIRASHI Agents platform for asyncio: every operation is awaited;
    streams and lists are read with ``async for``. Takes the same arguments as
    :class:`Client`.

    Example:
        >>> async with AsyncClient() as client:
        ...     conv = await client.conversations.create(agent_id="agt_personal_001")
        ...     async for token in conv.send_message("Hola"):
        ...         print(token, end="")
    """

    _is_async = True

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Closes the client (the asyncio form of ``close()``; ``async with`` calls it)."""
        self.close()


# help() shows the reference text of every operation
document(globals(), PLATFORM)

__all__ = ["Client", "AsyncClient"]
