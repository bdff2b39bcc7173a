"""Stubs of the native module (pyo3 over agents-sdk). Internal: use the Python packages."""

from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Dict,
    List,
    Optional,
    Sequence,
    Tuple,
    final,
)

__all__ = [
    "LOG_LEVEL",
    "NativeSandbox",
    "NativeStream",
    "OpsClient",
    "Pager",
    "PlatformClient",
    "__version__",
    "_check_direct_decode",
    "_debug_panic",
    "_direct_decode_stats",
    "batch_aiter",
    "camel_case",
    "redact_url",
    "register_models",
    "snake_case",
    "webhook_sign",
    "webhook_unwrap",
    "webhook_verify",
]
__version__: str
LOG_LEVEL: Optional[str]

_Meta = Optional[Dict[str, Any]]

@final
class PlatformClient:
    """The platform client in Rust: one call, stream and list entry point per operation name."""

    def __new__(
        cls, api_key: Optional[str] = None, base_url: Optional[str] = None, **settings: Any
    ) -> PlatformClient: ...
    @property
    def base_url(self) -> str:
        """The base URL requests go to."""
    def call(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Tuple[Any, _Meta]:
        """Runs operation ``op`` and answers ``(result, meta)``."""
    def call_async(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Awaitable[Tuple[Any, _Meta]]:
        """Runs operation ``op``; awaitable of ``(result, meta)``."""
    def stream(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> NativeStream:
        """Opens the stream of operation ``op``."""
    def stream_async(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Awaitable[NativeStream]:
        """Opens the stream of operation ``op`` (awaitable)."""
    def paginate(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Pager:
        """The pager of list operation ``op``."""
    def close(self) -> None:
        """Releases the client's connection pools; later calls raise ``APIConnectionError``."""
    def check_open(self) -> None:
        """Raises ``APIConnectionError`` ("the client is closed") once ``close()`` was called."""

@final
class OpsClient:
    """The ops client in Rust (API key or login with token renewal)."""

    def __new__(
        cls,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        **settings: Any,
    ) -> OpsClient: ...
    @property
    def base_url(self) -> str:
        """The base URL requests go to."""
    def ensure_login(self) -> None:
        """Logs in now unless a valid token is held."""
    def ensure_login_async(self) -> Awaitable[None]:
        """Logs in now unless a valid token is held (awaitable)."""
    def call(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Tuple[Any, _Meta]:
        """Runs operation ``op`` and answers ``(result, meta)``."""
    def call_async(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Awaitable[Tuple[Any, _Meta]]:
        """Runs operation ``op``; awaitable of ``(result, meta)``."""
    def stream(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> NativeStream:
        """Opens the stream of operation ``op``."""
    def stream_async(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Awaitable[NativeStream]:
        """Opens the stream of operation ``op`` (awaitable)."""
    def close(self) -> None:
        """Releases the client's connection pools; later calls raise ``APIConnectionError``."""
    def check_open(self) -> None:
        """Raises ``APIConnectionError`` ("the client is closed") once ``close()`` was called."""

@final
class NativeStream:
    """A stream of tokens or events, read in batches."""

    def next_batch(self) -> Optional[List[Any]]:
        """The events ready now (waits for one), ``None`` at the end."""
    def next_batch_async(self) -> Awaitable[Optional[List[Any]]]:
        """The events ready now (awaitable), ``None`` at the end."""
    def info(self) -> Dict[str, Any]:
        """The stream's facts: text, finished, message id, tokens used, timestamp."""
    def response(self) -> Optional[Dict[str, Any]]:
        """The metadata of the response that opened the stream (``None`` for realtime)."""
    def send_chat(self, conversation_id: Optional[str], message: str) -> None:
        """Sends a chat message on a realtime session."""
    def send_chat_async(self, conversation_id: Optional[str], message: str) -> Awaitable[None]:
        """Sends a chat message on a realtime session (awaitable)."""
    def close(self) -> None:
        """Closes the connection or stops the sandbox (idempotent)."""

@final
class Pager:
    """A lazily fetched list: each call answers ``(page, meta)``, ``None`` after the last."""

    def next_page(self) -> Optional[Tuple[Any, _Meta]]:
        """The next page as ``(page, meta)``, ``None`` after the last."""
    def next_page_async(self) -> Awaitable[Optional[Tuple[Any, _Meta]]]:
        """The next page (awaitable), ``None`` after the last."""

@final
class NativeSandbox:
    """A running sandbox of both services on free local ports."""

    def __new__(
        cls, enforce_rate_limits: bool = False, platform_port: int = 0, ops_port: int = 0
    ) -> NativeSandbox: ...
    @property
    def platform_url(self) -> str:
        """Base URL of the platform service."""
    @property
    def ops_url(self) -> str:
        """Base URL of the ops service."""
    @property
    def api_key(self) -> str:
        """A platform API key of the demo user."""
    @property
    def admin_api_key(self) -> str:
        """A platform API key of an admin."""
    @property
    def ops_api_key(self) -> str:
        """The ops service's static API key."""
    @property
    def username(self) -> str:
        """The ops login user name."""
    @property
    def password(self) -> str:
        """The ops login password."""
    @property
    def closed(self) -> bool:
        """Whether the sandbox was stopped."""
    def close(self) -> None:
        """Closes the connection or stops the sandbox (idempotent)."""

def batch_aiter(refill: Callable[[Any], Awaitable[Any]]) -> AsyncIterator[Any]:
    """The async iterator of a stream's batches: hands out a batch's items without a Python
    frame per item; when the batch is spent, ``__anext__`` returns ``refill(iterator)``, which
    installs the next batch with ``iterator.feed(batch)`` and returns its first item, or raises
    ``StopAsyncIteration`` at the end. ``iterator.discard()`` drops the items not handed out
    yet."""

def register_models(service: str, models: Dict[str, type]) -> None:
    """Lets the native module build these model classes itself."""

def camel_case(key: str) -> str:
    """``created_at`` -> ``createdAt`` (the core's rule)."""

def snake_case(name: str) -> str:
    """``createdAt`` -> ``created_at`` (the core's rule)."""

def redact_url(url: str) -> str:
    """``url`` with its password and sensitive query values shown as ``[REDACTED]``."""

def webhook_sign(payload: bytes, secret: str) -> str:
    """The signature header value of ``payload``."""

def webhook_verify(
    payload: bytes, signature: str, secrets: Sequence[str], tolerance: Optional[float] = None
) -> None:
    """Checks a signature; raises ``WebhookVerificationError``."""

def webhook_unwrap(
    payload: bytes,
    headers: Sequence[Tuple[str, str]],
    secrets: Sequence[str],
    tolerance: Optional[float] = None,
) -> Dict[str, Any]:
    """Verifies and decodes a delivery."""

# Test hook, not API: provokes a Rust panic on one path ("call", "blocking", "shared",
# "async", "convert", "stream") so the tests can check it arrives as CJHirashiError.
def _debug_panic(path: str) -> Any: ...

# Test hooks, not API: answers decoded straight from their JSON into Python objects
# (``bindings-python/src/direct.rs``). ``_check_direct_decode(True)`` compares each with the
# typed decoding (a difference raises ``RuntimeError``); ``_direct_decode_stats()`` answers
# ``(decoded directly, decoded typed after all, operations decoded directly)``.
def _check_direct_decode(on: bool) -> None: ...
def _direct_decode_stats() -> Tuple[int, int, List[str]]: ...
