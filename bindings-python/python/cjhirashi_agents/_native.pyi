"""Stubs of the native module (pyo3 over agents-sdk). Internal: use the Python packages."""

from typing import Any, Awaitable, Dict, List, Optional, Sequence, Tuple, final

__all__ = [
    "LOG_LEVEL",
    "NativeSandbox",
    "NativeStream",
    "OpsClient",
    "Pager",
    "PlatformClient",
    "__version__",
    "register_models",
    "webhook_sign",
    "webhook_unwrap",
    "webhook_verify",
]
__version__: str
LOG_LEVEL: Optional[str]

_Meta = Optional[Dict[str, Any]]

@final
class PlatformClient:
    def __new__(
        cls,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        stream_idle_timeout: Optional[float] = None,
        default_headers: Optional[Sequence[Tuple[str, str]]] = None,
    ) -> PlatformClient: ...
    @property
    def base_url(self) -> str: ...
    def call(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Tuple[Any, _Meta]: ...
    def call_async(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Awaitable[Tuple[Any, _Meta]]: ...
    def stream(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> NativeStream: ...
    def stream_async(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Awaitable[NativeStream]: ...
    def paginate(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Pager: ...

@final
class OpsClient:
    def __new__(
        cls,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        stream_idle_timeout: Optional[float] = None,
        default_headers: Optional[Sequence[Tuple[str, str]]] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
    ) -> OpsClient: ...
    @property
    def base_url(self) -> str: ...
    def ensure_login(self) -> None: ...
    def ensure_login_async(self) -> Awaitable[None]: ...
    def call(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Tuple[Any, _Meta]: ...
    def call_async(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Awaitable[Tuple[Any, _Meta]]: ...
    def stream(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> NativeStream: ...
    def stream_async(
        self, op: str, args: Any = None, options: Optional[Dict[str, Any]] = None
    ) -> Awaitable[NativeStream]: ...

@final
class NativeStream:
    def next_batch(self) -> Optional[List[Any]]: ...
    def next_batch_async(self) -> Awaitable[Optional[List[Any]]]: ...
    def info(self) -> Dict[str, Any]: ...
    def send_chat(self, conversation_id: Optional[str], message: str) -> None: ...
    def send_chat_async(self, conversation_id: Optional[str], message: str) -> Awaitable[None]: ...
    def close(self) -> None: ...

@final
class Pager:
    def next_page(self) -> Optional[Tuple[Any, _Meta]]: ...
    def next_page_async(self) -> Awaitable[Optional[Tuple[Any, _Meta]]]: ...

@final
class NativeSandbox:
    def __new__(cls, enforce_rate_limits: bool = False) -> NativeSandbox: ...
    @property
    def platform_url(self) -> str: ...
    @property
    def ops_url(self) -> str: ...
    @property
    def api_key(self) -> str: ...
    @property
    def admin_api_key(self) -> str: ...
    @property
    def ops_api_key(self) -> str: ...
    @property
    def username(self) -> str: ...
    @property
    def password(self) -> str: ...
    @property
    def closed(self) -> bool: ...
    def close(self) -> None: ...

def register_models(service: str, models: Dict[str, type]) -> None: ...
def webhook_sign(payload: bytes, secret: str) -> str: ...
def webhook_verify(payload: bytes, signature: str, secrets: Sequence[str]) -> None: ...
def webhook_unwrap(
    payload: bytes,
    headers: Sequence[Tuple[str, str]],
    secrets: Sequence[str],
    tolerance: Optional[float] = None,
) -> Dict[str, Any]: ...
