"""The exception hierarchy shared by ``cjhirashi_agents`` and ``agent_client``.

Every failure of the SDK raises a subclass of :class:`CJHirashiError`. The native module picks
the class by the name the Rust core gives the error (``Error::class_name()``), so the names
here are the same as in the Rust crate and the Node package.
"""

from __future__ import annotations

from typing import Any, ClassVar, Dict, Mapping, Optional, Tuple

__all__ = [
    "CJHirashiError",
    "APIError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "PayloadTooLargeError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "ServiceUnavailableError",
    "APIConnectionError",
    "APITimeoutError",
    "WebSocketError",
    "IncompleteStreamError",
    "DecodeError",
    "ResponseTooLargeError",
    "WebhookVerificationError",
    "InvalidArgumentError",
    "APIUserAbortError",
]


def _rebuild(cls: type, message: str, facts: Dict[str, Any]) -> CJHirashiError:
    err: CJHirashiError = cls(message, **facts)
    return err


class CJHirashiError(Exception):
    """Base class of every error raised by the SDK.

    Raised as such (not as a subclass) for an internal failure of the native module, a bug
    in the SDK: its message says so and asks for a report."""

    _facts: ClassVar[Tuple[str, ...]] = ()

    def __init__(self, message: str, **facts: Any) -> None:
        super().__init__(message)
        self.message: str = message
        for name in self._all_facts():
            setattr(self, name, facts.pop(name, None))
        self._extra: Dict[str, Any] = facts

    @classmethod
    def _all_facts(cls) -> Tuple[str, ...]:
        names: list[str] = []
        for klass in reversed(cls.__mro__):
            for name in getattr(klass, "_facts", ()):
                if name not in names:
                    names.append(name)
        return tuple(names)

    def _fact_dict(self) -> Dict[str, Any]:
        facts = {name: getattr(self, name) for name in self._all_facts()}
        facts.update(self._extra)
        return facts

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (type(self), self.message, self._fact_dict()))

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{k}={v!r}" for k, v in self._fact_dict().items() if v is not None and k != "headers"
        )
        return f"{type(self).__name__}({self.message!r}{', ' if shown else ''}{shown})"


class APIError(CJHirashiError):
    """The service answered with an error status (or an error event inside a stream)."""

    _facts: ClassVar[Tuple[str, ...]] = ("status", "code", "details", "request_id", "headers")
    status: Optional[int]
    code: Optional[str]
    details: Any
    request_id: Optional[str]
    headers: Optional[Mapping[str, str]]

    @property
    def status_code(self) -> Optional[int]:
        """Alias of :attr:`status`."""
        return self.status

    def __str__(self) -> str:
        parts = [f"{type(self).__name__}"]
        if self.status is not None:
            parts.append(f"({self.status})")
        if self.code:
            parts.append(self.code)
        text = " ".join(parts) + f": {self.message}"
        if self.request_id:
            text += f" [request id {self.request_id}]"
        return text


class BadRequestError(APIError):
    """400: ``VALIDATION_ERROR`` / ``INVALID_REQUEST``."""


class AuthenticationError(APIError):
    """401: ``UNAUTHORIZED``."""


class PermissionDeniedError(APIError):
    """403: ``FORBIDDEN``."""


class NotFoundError(APIError):
    """404: ``NOT_FOUND``."""


class ConflictError(APIError):
    """409: ``CONFLICT``."""


class PayloadTooLargeError(APIError):
    """413: the request body was too large."""


class UnprocessableEntityError(APIError):
    """422."""


class RateLimitError(APIError):
    """429: ``RATE_LIMIT_EXCEEDED``, with the rate-limit headers of the answer."""

    _facts = ("limit", "remaining", "reset", "retry_after")
    limit: Optional[int]
    remaining: Optional[int]
    reset: Optional[int]
    retry_after: Optional[float]


class InternalServerError(APIError):
    """500 and other 5xx without a class of their own."""


class ServiceUnavailableError(APIError):
    """503: ``SERVICE_UNAVAILABLE``."""

    _facts = ("retry_after",)
    retry_after: Optional[float]


class APIConnectionError(CJHirashiError):
    """The connection could not be made or broke."""


class APITimeoutError(APIConnectionError):
    """A phase of the request ran out of time: ``phase`` says which (``"connect"``,
    ``"response headers"``, ``"response body"``, ``"stream idle"``, ``"total deadline"``) and
    ``timeout`` the limit it ran out of, in seconds."""

    _facts = ("timeout", "phase")
    timeout: Optional[float]
    phase: Optional[str]


class WebSocketError(APIConnectionError):
    """The realtime WebSocket failed or was closed by the server."""

    _facts = ("close_code",)
    close_code: Optional[int]


class IncompleteStreamError(CJHirashiError):
    """A stream ended before its ``done`` event."""

    _facts = ("received",)
    received: Optional[int]


class DecodeError(CJHirashiError):
    """A body could not be decoded into the expected type."""

    _facts = ("status", "request_id")
    status: Optional[int]
    request_id: Optional[str]


class ResponseTooLargeError(DecodeError):
    """A non-streaming answer was larger than the call's ``max_response_bytes`` (default
    32 MiB): refused from its ``Content-Length`` before reading, or once the bytes read passed
    the limit. ``limit`` is the limit in force, ``content_length`` the declared length (if
    any)."""

    _facts = ("limit", "content_length")
    limit: Optional[int]
    content_length: Optional[int]


class WebhookVerificationError(CJHirashiError):
    """A webhook payload's signature or timestamp did not verify."""


class InvalidArgumentError(CJHirashiError, ValueError):
    """An argument was rejected before anything was sent (also a ``ValueError``)."""


class APIUserAbortError(CJHirashiError):
    """The call was cancelled."""
