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
class Auth(Resource):
    def create_api_key(self, **options: Any) -> Any:
        return self._call("auth.create_api_key", None, _base.model(models.ApiKey), options)

    def session(self, **options: Any) -> Any:
        return self._call("auth.session", None, _base.model(models.Session), options)

    def sign_in_url(self, **options: Any) -> Any:
        return self._call("auth.sign_in_url", None, str, options)

    def sign_out(self, **options: Any) -> Any:
        return self._call("auth.sign_out", None, _base.model(models.SignOut), options)


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
        args = _base.clean(limit=limit, page=page, role=role, search=search)
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
        args = _base.clean({"email": email}, message=message, role=role)
        return self._call("users.invite", args, _base.model(models.Invitation), options)

    def me(self, **options: Any) -> Any:
        return self._call("users.me", None, _base.model(models.User), options)

    def update_me(
        self,
        *,
        name: Optional[str] = None,
        preferences: Optional[Dict[str, Any]] = None,
        **options: Any,
    ) -> Any:
        args = _base.clean(name=name, preferences=preferences)
        return self._call("users.update_me", args, _base.model(models.UpdatedUser), options)

    def delete(self, id: str, **options: Any) -> Any:
        args = {"id": id}
        return self._call("users.delete", args, _base.model(models.DeletedUser), options)


class Agents(Resource):
    def list(
        self, *, category: Optional[str] = None, is_public: Optional[bool] = None, **options: Any
    ) -> Any:
        args = _base.clean(category=category, is_public=is_public)
        return self._call("agents.list", args, _base.model_list(models.Agent), options)

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
        args = _base.clean(
            {"name": name},
            config=_base.camel_keys(config),
            description=description,
            is_public=is_public,
            model=model,
            system_prompt=system_prompt,
        )
        return self._call("agents.create", args, _base.model(models.CreatedAgent), options)

    def get(self, id: str, **options: Any) -> Any:
        args = {"id": id}
        return self._call("agents.get", args, _base.model(models.Agent), options)

    def delete(self, id: str, **options: Any) -> Any:
        args = {"id": id}
        return self._call("agents.delete", args, _base.model(models.DeletedAgent), options)


class Conversations(Resource):
    def list(
        self,
        *,
        agent_id: Optional[str] = None,
        cursor: Optional[str] = None,
        limit: Optional[int] = None,
        **options: Any,
    ) -> Any:
        args = _base.clean(agent_id=agent_id, cursor=cursor, limit=limit)
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
        args = _base.clean({"agent_id": agent_id}, initial_message=initial_message, title=title)
        return self._call(
            "conversations.create",
            args,
            _base.handle(self, models.Conversation, models.AsyncConversation),
            options,
        )

    def get(self, id: str, *, message_limit: Optional[int] = None, **options: Any) -> Any:
        args = _base.clean({"id": id}, message_limit=message_limit)
        return self._call(
            "conversations.get",
            args,
            _base.handle(self, models.Conversation, models.AsyncConversation),
            options,
        )

    def delete(self, id: str, **options: Any) -> Any:
        args = {"id": id}
        return self._call(
            "conversations.delete", args, _base.model(models.DeletedConversation), options
        )

    def send_message(self, id: str, content: str, **options: Any) -> Any:
        args = {"id": id, "content": content}
        return self._t.stream(
            "conversations.send_message",
            args,
            options,
            MessageStream,
            AsyncMessageStream,
            raw=self._raw,
        )

    def stream(self, id: str, **options: Any) -> Any:
        args = {"id": id}
        return self._t.stream(
            "conversations.stream", args, options, MessageStream, AsyncMessageStream, raw=self._raw
        )


class Health(Resource):
    def __init__(self, transport: Transport, raw: bool = False) -> None:
        super().__init__(transport, raw)
        self.appointments = Appointments(transport, raw)
        self.medications = Medications(transport, raw)

    def profile(self, **options: Any) -> Any:
        return self._call("health.profile", None, _base.model(models.HealthProfile), options)

    def update_profile(
        self,
        *,
        blood_type: Optional[str] = None,
        height: Optional[float] = None,
        weight: Optional[float] = None,
        **options: Any,
    ) -> Any:
        args = _base.clean(blood_type=blood_type, height=height, weight=weight)
        return self._call("health.update_profile", args, _base.model(models.HealthProfile), options)


class Appointments(Resource):
    def list(
        self,
        *,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        upcoming: Optional[bool] = None,
        **options: Any,
    ) -> Any:
        args = _base.clean(**{"from": from_}, to=to, upcoming=upcoming)
        return self._call(
            "health.appointments.list", args, _base.model_list(models.Appointment), options
        )


class Medications(Resource):
    def list(self, **options: Any) -> Any:
        return self._call(
            "health.medications.list", None, _base.model_list(models.Medication), options
        )

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
        args = _base.clean(
            {"dosage": dosage, "frequency": frequency, "name": name},
            instructions=instructions,
            start_date=start_date,
        )
        return self._call(
            "health.medications.create", args, _base.model(models.Medication), options
        )


class Finance(Resource):
    def __init__(self, transport: Transport, raw: bool = False) -> None:
        super().__init__(transport, raw)
        self.accounts = Accounts(transport, raw)
        self.budgets = Budgets(transport, raw)
        self.transactions = Transactions(transport, raw)

    def profile(self, **options: Any) -> Any:
        return self._call("finance.profile", None, _base.model(models.FinanceProfile), options)


class Accounts(Resource):
    def list(self, **options: Any) -> Any:
        return self._call("finance.accounts.list", None, _base.model_list(models.Account), options)


class Budgets(Resource):
    def list(self, **options: Any) -> Any:
        return self._call("finance.budgets.list", None, _base.model_list(models.Budget), options)


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
        args = _base.clean(
            account_id=account_id,
            category=category,
            cursor=cursor,
            **{"from": from_},
            limit=limit,
            to=to,
        )
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
        args = _base.clean(
            {"account_id": account_id, "amount": amount, "description": description},
            category=category,
            date=date,
            type=type,
        )
        return self._call(
            "finance.transactions.create", args, _base.model(models.Transaction), options
        )


class Webhooks(_WebhooksExtras, Resource):
    def create(self, *, events: Sequence[str], secret: str, url: str, **options: Any) -> Any:
        args = {"events": _base.as_list(events), "secret": secret, "url": url}
        return self._call("webhooks.create", args, _base.model(models.Webhook), options)


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
        if api_key is None:
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
        return f"{type(self).__name__}(base_url={self.base_url!r})"


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
        stream_idle_timeout: Seconds a stream may stay silent before it fails (default 120).
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
