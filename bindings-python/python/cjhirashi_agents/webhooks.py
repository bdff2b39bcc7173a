"""Verifying and decoding webhook deliveries, without a client (both services use the same
scheme: ``X-Webhook-Signature`` is the hex HMAC-SHA256 of the raw body). The work is done by
the Rust core (constant-time comparison, secret rotation, timestamp tolerance)."""

from __future__ import annotations

from typing import (
    Any,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    Tuple,
    Union,
)

from . import _native
from ._models import BaseModel

__all__ = [
    "WebhookEvent",
    "sign",
    "verify",
    "unwrap",
    "SIGNATURE_HEADER",
    "EVENT_HEADER",
    "ID_HEADER",
]

SIGNATURE_HEADER = "X-Webhook-Signature"
EVENT_HEADER = "X-Webhook-Event"
ID_HEADER = "X-Webhook-Id"

Secrets = Union[str, Sequence[str]]


class _HeaderItems(Protocol):
    """Headers with ``items()``: ``http.client.HTTPMessage``, Werkzeug's ``Headers``, ..."""

    def items(self) -> Iterable[Tuple[Any, Any]]: ...


Headers = Union[
    Mapping[str, str],
    _HeaderItems,
    Iterable[Tuple[Union[str, bytes], Union[str, bytes]]],
]


class WebhookData(BaseModel):
    """The ``data`` of a delivery with snake_case attributes (``conversation_id``, ...).
    Its fields depend on the event (see the wire decisions), so they are typed ``Any``."""

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"this {type(self).__name__} has no field {name!r}")


class WebhookEvent(BaseModel):
    """A verified delivery: ``event`` name, ``timestamp`` and typed ``data``;
    ``raw_data`` is the ``data`` object exactly as received; ``id`` is the delivery's
    ``X-Webhook-Id`` (the same on every retry: drop the duplicates), if it had one."""

    event: str
    timestamp: str
    data: WebhookData
    raw_data: Dict[str, Any]
    id: Optional[str]


def _secrets(secret: Secrets) -> List[str]:
    return [secret] if isinstance(secret, str) else list(secret)


def _bytes(payload: Union[bytes, bytearray, memoryview, str]) -> bytes:
    if isinstance(payload, str):
        return payload.encode()
    # not `bytes(x)` of anything: `bytes(5)` is five zero bytes, `bytes(10**10)` 10 GB
    if not isinstance(payload, (bytes, bytearray, memoryview)):
        raise TypeError(f"payload must be bytes or str, not {type(payload).__name__}")
    return bytes(payload)


def sign(payload: Union[bytes, str], secret: str) -> str:
    """The signature header value of ``payload`` (to produce test deliveries).

    Args:
        payload: The exact body to sign (``str`` is encoded as UTF-8).
        secret: The shared secret.

    Returns:
        str: The lowercase hex HMAC-SHA256 of the body (the ``X-Webhook-Signature`` value).
    """
    return str(_native.webhook_sign(_bytes(payload), secret))


def verify(
    payload: Union[bytes, str],
    signature: Optional[str],
    secret: Secrets,
    *,
    tolerance: Optional[float] = None,
) -> None:
    """Checks ``signature`` against the raw body in constant time, with one secret or
    several (rotation). Returns nothing when it matches.

    Args:
        payload: The raw body, exactly as received.
        signature: The ``X-Webhook-Signature`` header (``None``, as ``headers.get(...)``
            gives for a missing header, fails verification).
        secret: The shared secret, or a sequence of them.
        tolerance: Also refuse a signed ``timestamp`` further than this many seconds from now
            (replays). By default only the signature is checked (``unwrap`` checks the
            timestamp by default).

    Raises:
        WebhookVerificationError: The signature does not match, or the timestamp is outside
            the tolerance.
        ValueError: ``tolerance`` is not a positive number of seconds up to one year or
            infinity (``TypeError``: not a number).
    """
    if signature is None:
        from ._errors import WebhookVerificationError

        raise WebhookVerificationError(
            f"webhook verification failed: missing signature (the {SIGNATURE_HEADER} header)"
        )
    if not isinstance(signature, str):
        raise TypeError(f"signature must be a str, not {type(signature).__name__}")
    _native.webhook_verify(_bytes(payload), signature, _secrets(secret), tolerance)


def _text(value: Any) -> str:
    """A header name or value as text: ASGI servers hand over bytes (latin-1, as HTTP)."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")
    return str(value)


def _header_pairs(headers: Any) -> List[Tuple[str, str]]:
    """``(name, value)`` pairs of a mapping, of an object with ``items()`` (the standard
    library's ``http.client.HTTPMessage``, Werkzeug's ``Headers``) or of an iterable of pairs
    (ASGI's ``scope["headers"]``, with bytes). A list of values counts as its first value."""
    if isinstance(headers, (str, bytes)):
        raise TypeError("headers must be a mapping or (name, value) pairs, not a string")
    items = headers.items() if hasattr(headers, "items") else headers
    pairs: List[Tuple[str, str]] = []
    for item in items:
        if not isinstance(item, (tuple, list)) or len(item) != 2:
            raise TypeError(
                "headers must be a mapping or (name, value) pairs; got an item of type "
                f"{type(item).__name__}"
            )
        name, value = item
        if isinstance(value, (list, tuple)):
            if not value:
                continue
            value = value[0]
        if value is None:
            continue
        pairs.append((_text(name), _text(value)))
    return pairs


def unwrap(
    payload: Union[bytes, str],
    headers: Headers,
    secret: Secrets,
    *,
    tolerance: Optional[float] = None,
) -> WebhookEvent:
    """Verifies a delivery (signature from ``headers``) and decodes it.

    Args:
        payload: The raw body, exactly as received (not re-serialized JSON).
        headers: The request headers: a mapping, an object with ``items()`` (Flask,
            Django, ``http.server``) or ``(name, value)`` pairs (ASGI's bytes pairs too).
        secret: The shared secret, or a sequence of them (rotation).
        tolerance: Refuse a signed ``timestamp`` further than this many seconds from now
            (replays): 300 by default, ``float("inf")`` turns the check off.

    Returns:
        WebhookEvent: ``event``, ``timestamp``, ``data`` (snake_case attributes),
        ``raw_data`` and the delivery ``id``.

    Raises:
        WebhookVerificationError: The signature is missing or wrong, or the timestamp is
            outside the tolerance.
        ValueError: ``tolerance`` is not a positive number of seconds up to one year or
            infinity (``TypeError``: not a number).

    Example:
        >>> from cjhirashi_agents import webhooks
        >>> event = webhooks.unwrap(request.body, request.headers, "whsec_...")
        >>> if event.event == "conversation.created":
        ...     print(event.data.conversation_id)
    """
    raw = _native.webhook_unwrap(
        _bytes(payload), _header_pairs(headers), _secrets(secret), tolerance
    )
    data = raw["data"] if isinstance(raw["data"], dict) else {}
    return WebhookEvent(
        event=raw["event"],
        timestamp=raw["timestamp"],
        data=WebhookData.from_wire(data),
        raw_data=raw["data"],
        id=raw.get("id"),
    )
