"""Stream objects over the native batched streams, shared by both packages.

The native stream hands over every event that is ready in one batch; these classes iterate
the batch in Python, so there is one boundary crossing per batch, not per token. ``break``,
``close()`` and leaving a ``with`` block drop the Rust stream, which closes the connection.
"""

from __future__ import annotations

import itertools
import weakref
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Generic,
    Iterator,
    List,
    Optional,
    TypeVar,
)

from ._errors import CJHirashiError, ResponseTooLargeError
from ._native import batch_aiter as _batch_aiter

T = TypeVar("T")
S = TypeVar("S", bound="Stream[Any]")
A = TypeVar("A", bound="AsyncStream[Any]")
Convert = Optional[Callable[[Any], Any]]


class _Fields:
    """The ``done`` facts of a finished stream."""

    def _load(self, native: Any) -> None:
        info = native.info()
        self._info: dict[str, Any] = info

    @property
    def text(self) -> str:
        """The whole answer received so far (complete once the stream finished)."""
        info = getattr(self, "_info", None)
        # read again while the stream is open; once closed, the facts taken at its close stay
        # (the native stream lets its state go in the background after a close)
        if info is None or not (info.get("finished") or getattr(self, "_ended", False)):
            native = getattr(self, "_native", None)
            if native is not None:
                self._load(native)
        return str(getattr(self, "_info", {}).get("text") or "")

    @property
    def text_truncated(self) -> bool:
        """Whether the answer's text outgrew the call's ``max_response_bytes`` (default
        32 MiB): :attr:`text` then keeps only its beginning (every token or event is still
        handed out while iterating)."""
        self.text  # noqa: B018 - refreshes the facts
        return bool(getattr(self, "_info", {}).get("text_truncated"))

    def _whole_text(self) -> str:
        text = self.text
        info = getattr(self, "_info", {})
        if info.get("text_truncated"):
            limit = info.get("text_limit")
            raise ResponseTooLargeError(
                f"the answer's text is longer than max_response_bytes ({limit} bytes), so it "
                "was not kept whole; raise max_response_bytes to accept it",
                limit=limit,
            )
        return text


class _MessageFields(_Fields):
    """The ``done`` facts of a platform token stream."""

    @property
    def message_id(self) -> Optional[str]:
        """``messageId`` of the stored answer, after the last token."""
        return getattr(self, "_info", {}).get("message_id")

    @property
    def tokens_used(self) -> Optional[int]:
        """``tokensUsed``, after the last token."""
        return getattr(self, "_info", {}).get("tokens_used")

    @property
    def timestamp(self) -> Optional[str]:
        """``timestamp`` of the answer, after the last token."""
        return getattr(self, "_info", {}).get("timestamp")


class Stream(_Fields, Generic[T]):
    """A stream of a blocking client: ``for item in stream``; a context manager.

    ``break``, :meth:`close` or leaving the ``with`` block closes the connection. Once the
    stream is read, ``text`` holds the whole answer.

    Raises (while iterating):
        IncompleteStreamError: The stream ended before its ``done`` event.
        APIError: An ``error`` event, as the class of its code.
        APITimeoutError: The stream stayed silent longer than ``stream_idle_timeout``.
    """

    #: The type of a stream's final event, kept as ``_last`` when a batch ends with one.
    _final: Optional[type] = None

    def __init__(self, native: Any, convert: Convert = None) -> None:
        self._native = native
        self._convert = convert
        self._buf: List[Any] = []
        self._pos = 0
        self._ended = False
        self._last: Any = None
        # closed before its end (a `break`, `close()`, a dropped iterator): iterating again
        # raises instead of yielding nothing, which would read as a short answer
        self._cut = False
        # the generator behind the current iterator, while it lives (a weak reference: the
        # stream must not keep its iterator alive, or a `break` would not close it)
        self._gen: Optional[Callable[[], Any]] = None

    def _fill(self) -> bool:
        batch = self._native.next_batch()
        if batch is None:
            self._ended = True
            self._load(self._native)
            return False
        if self._convert is not None:
            batch = [self._convert(x) for x in batch]
        if self._final is not None and batch and isinstance(batch[-1], self._final):
            self._last = batch[-1]
        self._buf = batch
        self._pos = 0
        return True

    def __iter__(self) -> Iterator[T]:
        if self._cut:
            raise CJHirashiError(
                "the stream was closed before its end (a break, close() or an iterator let "
                "go), so it has nothing more to give; `text` holds what arrived. To read a "
                "stream in steps, call next(stream) or keep one iterator: it = iter(stream)"
            )
        if self._gen is not None and self._gen() is not None:
            raise CJHirashiError(
                "the stream is already being iterated: keep that iterator (it = iter(stream)) "
                "or call next(stream) to read it in steps"
            )
        gen = self._batches()
        self._gen = weakref.ref(gen)
        # the items of each batch are handed out by C code (no Python frame per item); the
        # generator only runs once per batch
        return itertools.chain.from_iterable(gen)

    def _batches(self) -> Iterator[List[T]]:
        try:
            while True:
                if self._pos < len(self._buf):
                    rest = self._buf[self._pos :] if self._pos else self._buf
                    self._buf = []
                    self._pos = 0
                    yield rest
                if self._ended or not self._fill():
                    return
        finally:
            if not self._ended:
                self.close()

    def __next__(self) -> T:
        while self._pos >= len(self._buf):
            if self._ended or not self._fill():
                raise StopIteration
        item: T = self._buf[self._pos]
        self._pos += 1
        return item

    def until_done(self) -> str:
        """Reads the stream to its end and returns the whole text
        (:class:`ResponseTooLargeError` when it outgrew ``max_response_bytes``)."""
        for _ in self:
            pass
        return self._whole_text()

    def close(self) -> None:
        """Closes the connection (idempotent)."""
        if not self._ended:
            self._load(self._native)
            self._ended = True
            self._cut = True
        self._native.close()

    def __enter__(self: S) -> S:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} ended={self._ended}>"


class _AsyncSource:
    """Where an :class:`AsyncStream` gets its batches: opens the native stream on first use and
    fetches and converts batches. It holds neither the stream object nor its iterator, so
    dropping those (a ``break`` out of a temporary stream) closes the connection at once, with
    no reference cycle for the garbage collector."""

    __slots__ = ("opener", "native", "convert", "ended", "info", "final", "last")

    def __init__(
        self, opener: Callable[[], Awaitable[Any]], convert: Convert, final: Optional[type]
    ) -> None:
        self.opener: Optional[Callable[[], Awaitable[Any]]] = opener
        self.native: Any = None
        self.convert = convert
        self.ended = False
        self.info: Optional[dict[str, Any]] = None
        self.final = final
        self.last: Any = None

    async def open(self) -> None:
        if self.native is None and self.opener is not None:
            opener, self.opener = self.opener, None
            self.native = await opener()

    async def fill(self) -> Optional[List[Any]]:
        await self.open()
        if self.ended or self.native is None:
            return None
        batch = await self.native.next_batch_async()
        if batch is None:
            self.ended = True
            self.info = self.native.info()
            return None
        if self.convert is not None:
            batch = [self.convert(x) for x in batch]
        if self.final is not None and batch and isinstance(batch[-1], self.final):
            self.last = batch[-1]
        return batch  # type: ignore[no-any-return]

    async def refill(self, iterator: Any) -> Any:
        # the native iterator calls this when its batch is spent: the next non-empty batch
        # goes back into it, and its first item is the awaited __anext__'s result
        while True:
            batch = await self.fill()
            if batch is None:
                raise StopAsyncIteration
            if batch:
                return iterator.feed(batch)


class AsyncStream(_Fields, Generic[T]):
    """A stream of an async client: ``async for item in stream``; ``await`` opens it early
    (so a refused request raises there); an async context manager. It opens on first use
    when not awaited. Raises like :class:`Stream`."""

    #: The type of a stream's final event (see :class:`Stream`).
    _final: Optional[type] = None

    def __init__(self, opener: Callable[[], Awaitable[Any]], convert: Convert = None) -> None:
        self._src = _AsyncSource(opener, convert, self._final)
        # native: hands a batch's items out without a Python frame per item (_native.batch_aiter)
        self._it: AsyncIterator[T] = _batch_aiter(self._src.refill)

    @property
    def _native(self) -> Any:
        return self._src.native

    @property
    def _ended(self) -> bool:
        return self._src.ended

    @property
    def _info(self) -> dict[str, Any]:
        return self._src.info or {}

    @_info.setter
    def _info(self, info: dict[str, Any]) -> None:
        self._src.info = info

    @property
    def _last(self) -> Any:
        return self._src.last

    async def _open(self) -> None:
        await self._src.open()

    def __await__(self: A) -> Generator[Any, None, A]:
        async def opened() -> A:
            await self._open()
            return self

        return opened().__await__()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._it

    def __anext__(self) -> Awaitable[T]:
        return self._it.__anext__()

    async def until_done(self) -> str:
        """Reads the stream to its end and returns the whole text
        (:class:`ResponseTooLargeError` when it outgrew ``max_response_bytes``)."""
        async for _ in self:
            pass
        return self._whole_text()

    async def aclose(self) -> None:
        """Closes the connection (idempotent)."""
        self.close()

    def close(self) -> None:
        """Closes the connection (idempotent)."""
        src = self._src
        src.opener = None
        self._it.discard()  # type: ignore[attr-defined]
        if src.native is not None:
            if not src.ended:
                self._load(src.native)
            src.native.close()
        src.ended = True

    async def __aenter__(self: A) -> A:
        await self._open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} ended={self._ended}>"


class MessageStream(_MessageFields, Stream[str]):
    """An assistant's answer, token by token (blocking client): iterating yields ``str``
    tokens; afterwards ``text``, ``message_id``, ``tokens_used`` and ``timestamp`` are set.

    Example:
        >>> stream = client.conversations.send_message("conv_123", "Hola")
        >>> for token in stream:
        ...     print(token, end="", flush=True)
        >>> stream.message_id, stream.tokens_used
    """


class AsyncMessageStream(_MessageFields, AsyncStream[str]):
    """An assistant's answer, token by token (async client): ``async for token in stream``;
    afterwards ``text``, ``message_id``, ``tokens_used`` and ``timestamp`` are set.

    Example:
        >>> async for token in client.conversations.send_message("conv_123", "Hola"):
        ...     print(token, end="")
    """
