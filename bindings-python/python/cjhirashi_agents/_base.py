"""Machinery shared by the four clients: one request path for sync and async, raw responses
and auto-paginating lists. Each operation is described once (name, arguments, how to build
the model); whether it blocks or returns an awaitable is decided here, by the client's mode.
"""

from __future__ import annotations

import os
import threading
from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Callable,
    Dict,
    Generator,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    TypeVar,
    Union,
)

from ._errors import CJHirashiError
from ._streaming import AsyncStream, Stream

if TYPE_CHECKING:
    from .models import CursorPagination, PagePagination

T = TypeVar("T")
Parse = Callable[[Any], Any]

REQUEST_OPTIONS = (
    "timeout",
    "max_retries",
    "extra_headers",
    "extra_query",
    "idempotency_key",
    "max_response_bytes",
)


def headers_arg(headers: Any) -> Any:
    """``default_headers`` as the native client takes it (a dict; anything else is refused
    there with a ``TypeError``)."""
    if headers is None or isinstance(headers, dict):
        return headers
    if isinstance(headers, Mapping):
        return dict(headers)
    return headers


def env_or(value: Optional[str], name: str) -> Optional[str]:
    if value is not None:
        return value
    found = os.environ.get(name, "").strip()
    return found or None


def missing_key(arg: str, env: str) -> CJHirashiError:
    from ._errors import InvalidArgumentError

    return InvalidArgumentError(
        f"The {arg} client option must be set either by passing {arg} to the client "
        f"or by setting the {env} environment variable"
    )


def clean(required: Optional[Dict[str, Any]] = None, /, **args: Any) -> Dict[str, Any]:
    """``required`` plus the optional arguments that were given (``None`` means "not
    given")."""
    given = {k: v for k, v in args.items() if v is not None}
    return {**required, **given} if required else given


class RateLimitInfo:
    """The rate-limit headers of an answer (``X-RateLimit-*``); a field is ``None`` when the
    header was absent.

    Attributes:
        limit: Requests allowed in the current window.
        remaining: Requests left in the window.
        reset: When the window resets (Unix seconds).
    """

    def __init__(
        self, limit: Optional[int], remaining: Optional[int], reset: Optional[int]
    ) -> None:
        self.limit = limit
        self.remaining = remaining
        self.reset = reset

    def __repr__(self) -> str:
        return f"RateLimitInfo(limit={self.limit}, remaining={self.remaining}, reset={self.reset})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RateLimitInfo) and vars(self) == vars(other)


class RawResponse(Generic[T]):
    """An answer with its metadata, from ``client.<resource>.with_raw_response.<method>()``.

    Attributes:
        status_code: The HTTP status.
        headers: The response headers (names in lower case).
        request_id: The service's request id (``X-Request-Id``), if sent.
        rate_limit: The :class:`RateLimitInfo` of the answer, if it had the headers.
        attempts: How many attempts the call took (1 without retries).

    Example:
        >>> raw = client.agents.with_raw_response.get("agt_personal_001")
        >>> raw.status_code, raw.request_id
        >>> agent = raw.parse()
    """

    def __init__(self, meta: Dict[str, Any], value: Any, parse: Callable[[Any], T]) -> None:
        self.status_code: int = meta.get("status_code", 0)
        self.headers: Dict[str, str] = meta.get("headers") or {}
        self.request_id: Optional[str] = meta.get("request_id")
        rl = meta.get("rate_limit")
        self.rate_limit: Optional[RateLimitInfo] = (
            RateLimitInfo(rl.get("limit"), rl.get("remaining"), rl.get("reset")) if rl else None
        )
        self.attempts: int = meta.get("attempts", 1)
        self._value = value
        self._parse = parse

    def parse(self) -> T:
        """The result the plain call returns (a model, a list or a page)."""
        return self._parse(self._value)

    def __repr__(self) -> str:
        return f"<RawResponse status_code={self.status_code} request_id={self.request_id!r}>"


class _PageFields(Generic[T]):
    """What every fetched page has: ``data`` (its items), the page's own fields as attributes
    (``pagination``, ``summary``), ``len()``/indexing over ``data``, and
    :meth:`has_next_page`."""

    _pager: Any
    _items_key: str
    _page_parse: Parse
    _page: Any
    data: List[T]
    #: The page's position: ``PagePagination`` (``page``, ``pages``, ``total``, ``limit``) for
    #: the lists paged by number, ``CursorPagination`` (``next_cursor``, ``has_more``) for
    #: those paged by cursor.
    pagination: Union[PagePagination, CursorPagination]

    def _init(self, pager: Any, value: Any, items_key: str, page_parse: Parse) -> None:
        self._pager = pager
        self._items_key = items_key
        self._page_parse = page_parse
        self._next: Any = None
        # one fetch of the next page at a time: two readers of this page (threads, tasks) get
        # the same next page instead of each taking one from the shared pager
        self._lock: Any = None
        page = page_parse(value)
        self._page = page
        self.data = list(getattr(page, items_key))
        for k, v in vars(page).items():
            if k != items_key and not k.startswith("_"):
                setattr(self, k, v)

    @property
    def page(self) -> Any:
        """The page model (``UserList``, ``ConversationList``, ``TransactionList``)."""
        return self._page

    def has_next_page(self) -> bool:
        """Whether the service has another page after this one."""
        p = getattr(self._page, "pagination", None)
        if p is None:
            return False
        if hasattr(p, "has_more"):
            return bool(p.has_more) and bool(getattr(p, "next_cursor", None))
        return bool(p.page < p.pages and self.data)

    def __len__(self) -> int:
        """Number of items on this page."""
        return len(self.data)

    def __getitem__(self, i: int) -> T:
        """The ``i``-th item of this page."""
        return self.data[i]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} items={len(self.data)} page={self._page!r}>"


def _no_next_page() -> CJHirashiError:
    return CJHirashiError("no next page: check has_next_page() before calling get_next_page()")


class SyncPage(_PageFields[T]):
    """A paginated list (blocking client): the first page is fetched by the call; iterating
    yields every item of every page, fetching the next page only when needed (up to the
    call's ``max_pages``). The page's own fields (``pagination``, ``summary``) are attributes;
    ``data`` is its items; ``len()`` and indexing work on this page.

    Example:
        >>> page = client.users.list(limit=20)
        >>> page.data[0].email, page.has_next_page()
        >>> for user in page:  # every user of every page
        ...     print(user.email)
    """

    def __init__(self, pager: Any, first: Any, items_key: str, page_parse: Parse) -> None:
        self._init(pager, first, items_key, page_parse)
        self._lock = threading.Lock()

    def get_next_page(self) -> SyncPage[T]:
        """The page after this one (fetched once, then remembered); raises
        :class:`CJHirashiError` when there is none (check :meth:`has_next_page` first)."""
        if self._next is None:
            if not self.has_next_page():
                raise _no_next_page()
            with self._lock:
                if self._next is None:
                    nxt = self._pager.next_page()
                    if nxt is None:
                        raise CJHirashiError("the list ended before the next page")
                    self._next = SyncPage(self._pager, nxt[0], self._items_key, self._page_parse)
        page: SyncPage[T] = self._next
        return page

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        """This page and every following one."""
        page = self
        yield page
        while page.has_next_page():
            page = page.get_next_page()
            yield page

    def __iter__(self) -> Iterator[T]:
        """Every item of this page and of every following one."""
        for page in self.iter_pages():
            yield from page.data


class AsyncPage(_PageFields[T]):
    """One fetched page of an async list (see :class:`AsyncPaginator`): ``data`` is its
    items, its own fields (``pagination``, ``summary``) are attributes; ``len()`` and indexing
    work on this page only; ``async for`` yields every item of this page and of every
    following one, ``await page.get_next_page()`` fetches the next page. A plain ``for``
    raises ``TypeError`` (it would see this page only, where the same loop over a blocking
    client's page sees every page): loop over ``page.data`` for this page's items."""

    def __init__(self, pager: Any, value: Any, items_key: str, page_parse: Parse) -> None:
        self._init(pager, value, items_key, page_parse)

    def __iter__(self) -> Iterator[T]:
        """Refused: ``async for item in page`` (every page) or ``for item in page.data``."""
        raise TypeError(
            "an AsyncPage is iterated with `async for` (every item of every page); "
            "`page.data` holds this page's items"
        )

    async def get_next_page(self) -> AsyncPage[T]:
        """The page after this one (fetched once, then remembered); raises
        :class:`CJHirashiError` when there is none (check :meth:`has_next_page` first)."""
        if self._next is None:
            if not self.has_next_page():
                raise _no_next_page()
            if self._lock is None:
                import asyncio  # loaded by then: this runs in a coroutine

                self._lock = asyncio.Lock()
            async with self._lock:
                if self._next is None:
                    nxt = await self._pager.next_page_async()
                    if nxt is None:
                        raise CJHirashiError("the list ended before the next page")
                    self._next = AsyncPage(self._pager, nxt[0], self._items_key, self._page_parse)
        page: AsyncPage[T] = self._next
        return page

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page and every following one, each fetched when the previous one is done."""
        page = self
        yield page
        while page.has_next_page():
            page = await page.get_next_page()
            yield page

    def __aiter__(self) -> AsyncIterator[T]:
        """Every item of this page and of every following one."""
        return self._items()

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item


class AsyncPaginator(Generic[T]):
    """A paginated list (async client): ``await`` gives the first :class:`AsyncPage`;
    ``async for`` yields every item of every page, fetched lazily (up to ``max_pages``).

    Example:
        >>> async for conv in client.conversations.list(agent_id="agt_personal_001"):
        ...     print(conv.id)
        >>> first = await client.conversations.list(limit=10)
        >>> second = await first.get_next_page()
    """

    def __init__(self, pager: Any, items_key: str, page_parse: Parse) -> None:
        self._pager = pager
        self._items_key = items_key
        self._page_parse = page_parse
        self._first: Optional[AsyncPage[T]] = None
        self._lock: Any = None

    async def _first_page(self) -> AsyncPage[T]:
        if self._first is None:
            if self._lock is None:
                import asyncio  # loaded by then: this runs in a coroutine

                self._lock = asyncio.Lock()
            async with self._lock:
                if self._first is None:
                    nxt = await self._pager.next_page_async()
                    if nxt is None:
                        raise CJHirashiError("the list answered no page")
                    self._first = AsyncPage(self._pager, nxt[0], self._items_key, self._page_parse)
        return self._first

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self._first_page().__await__()

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """Every page, from the first, each fetched when the previous one is done.

        Example:
            >>> async for page in client.users.list(limit=50).iter_pages():
            ...     print(len(page.data))
        """
        first = await self._first_page()
        async for page in first.iter_pages():
            yield page

    def __aiter__(self) -> AsyncIterator[T]:
        """Every item of every page."""
        return self._items()

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item


class Transport:
    """Calls the native client, blocking or as an awaitable depending on the client."""

    def __init__(self, native: Any, is_async: bool) -> None:
        self.native = native
        self.is_async = is_async

    def request(
        self,
        op: str,
        args: Optional[Dict[str, Any]],
        parse: Parse,
        options: Dict[str, Any],
        raw: bool,
    ) -> Any:
        if raw:
            options = {**options, "raw": True}
        if self.is_async:
            return self._arequest(op, args, parse, options, raw)
        value, meta = self.native.call(op, args, options)
        return RawResponse(meta, value, parse) if raw else parse(value)

    async def _arequest(
        self,
        op: str,
        args: Optional[Dict[str, Any]],
        parse: Parse,
        options: Dict[str, Any],
        raw: bool,
    ) -> Any:
        value, meta = await self.native.call_async(op, args, options)
        return RawResponse(meta, value, parse) if raw else parse(value)

    def stream(
        self,
        op: str,
        args: Dict[str, Any],
        options: Dict[str, Any],
        sync_cls: type,
        async_cls: type,
        convert: Optional[Parse] = None,
        raw: bool = False,
    ) -> Any:
        if raw:
            # the stream's own object, opened, with the metadata of the response that opened
            # it: ``parse()`` gives the stream to iterate
            if self.is_async:
                native = self.native

                async def opened() -> RawResponse[Any]:
                    ns = await native.stream_async(op, args, options)

                    async def ready() -> Any:
                        return ns

                    stream = async_cls(ready, convert)
                    return RawResponse(ns.response() or {}, stream, lambda v: v)

                return opened()
            ns = self.native.stream(op, args, options)
            return RawResponse(ns.response() or {}, sync_cls(ns, convert), lambda v: v)
        if self.is_async:
            native = self.native
            return async_cls(lambda: native.stream_async(op, args, options), convert)
        return sync_cls(self.native.stream(op, args, options), convert)

    def paginate(
        self,
        op: str,
        args: Dict[str, Any],
        options: Dict[str, Any],
        items_key: str,
        page_parse: Parse,
        raw: bool,
    ) -> Any:
        if raw:
            options = {**options, "raw": True}
        pager = self.native.paginate(op, args, options)
        if self.is_async:
            paginator: AsyncPaginator[Any] = AsyncPaginator(pager, items_key, page_parse)
            if not raw:
                return paginator

            async def raw_first() -> RawResponse[Any]:
                first = await pager.next_page_async()
                return RawResponse(
                    first[1] or {}, first[0], lambda v: AsyncPage(pager, v, items_key, page_parse)
                )

            return raw_first()
        first = pager.next_page()
        if raw:
            return RawResponse(
                first[1] or {}, first[0], lambda v: SyncPage(pager, v, items_key, page_parse)
            )
        return SyncPage(pager, first[0], items_key, page_parse)


class Resource:
    """A group of operations (``client.agents``, ...)."""

    def __init__(self, transport: Transport, raw: bool = False) -> None:
        self._t = transport
        self._raw = raw

    @property
    def with_raw_response(self) -> Any:
        """The same operations, each answering a :class:`RawResponse` (status, headers,
        request id, rate limit, attempts; ``parse()`` gives the result)."""
        return type(self)(self._t, True)

    def _call(
        self, op: str, args: Optional[Dict[str, Any]], parse: Parse, options: Dict[str, Any]
    ) -> Any:
        t = self._t
        if self._raw or t.is_async:
            return t.request(op, args, parse, options, self._raw)
        # the plain blocking call, inlined: it is the hot path of small requests
        return parse(t.native.call(op, args, options)[0])


def model(cls: Any) -> Parse:
    """The parser of a native answer that is one ``cls``."""
    return cls._from_native  # type: ignore[no-any-return]


def model_list(cls: Any) -> Parse:
    """The parser of a native answer that is a list of ``cls`` (built already when ``cls`` is
    registered with the native module)."""
    make = cls._from_native
    return lambda v: v if not v or type(v[0]) is cls else [make(x) for x in v]


def as_list(value: Any) -> Any:
    """An array argument as the wire takes it (a list, tuple or other iterable of items;
    ``None``: not given). A string, bytes or a mapping is refused: ``list("abc")`` would send
    one item per character, ``list({...})`` the keys."""
    if value is None:
        return None
    if isinstance(value, (str, bytes, bytearray, memoryview, Mapping, set, frozenset)):
        raise TypeError(
            f"expected a list, not {type(value).__name__} (a single item goes in a list: [item])"
        )
    return list(value)


def as_dict(value: Any) -> Any:
    """An object argument as the wire takes it (any mapping; ``None``: not given)."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a mapping (dict), not {type(value).__name__}")
    return dict(value)


def camel_keys(value: Any) -> Any:
    """An object argument of a camelCase service: its snake_case keys in camelCase
    (``{"max_tokens": 5}`` -> ``{"maxTokens": 5}``); ``None``: not given."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a mapping (dict), not {type(value).__name__}")
    from . import _native

    return {_native.camel_case(k): v for k, v in dict(value).items()}


def handle(resource: Resource, sync_cls: Any, async_cls: Any) -> Parse:
    """The parser of an answer that is a handle: a model with methods that call the resource
    again (``conversation.send_message``), of the client's mode (``async_cls`` for an async
    client), attached to a plain view of ``resource``."""

    def parse(value: Any) -> Any:
        cls = async_cls if resource._t.is_async else sync_cls
        obj = cls._from_native(value)
        obj._attach(type(resource)(resource._t))
        return obj

    return parse


def handle_page(
    resource: Resource, page_cls: Any, items_key: str, sync_cls: Any, async_cls: Any
) -> Parse:
    """The parser of a page whose items are handles (see :func:`handle`)."""
    item = handle(resource, sync_cls, async_cls)

    def parse(value: Any) -> Any:
        page = page_cls._from_native({**value, items_key: []})
        setattr(page, items_key, [item(v) for v in value.get(items_key) or []])
        return page

    return parse


class RawClient:
    """``client.with_raw_response``: every resource of the client in raw mode."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Any:
        res = getattr(self._client, name)
        if isinstance(res, Resource):
            return res.with_raw_response
        raise AttributeError(name)


__all__ = [
    "AsyncPage",
    "AsyncPaginator",
    "AsyncStream",
    "RawResponse",
    "RateLimitInfo",
    "Stream",
    "SyncPage",
]
