"""Verifying and decoding webhook deliveries, without a client (both services use the same
scheme: ``X-Webhook-Signature`` is the hex HMAC-SHA256 of the raw body). The work is done by
the Rust core (constant-time comparison, secret rotation, timestamp tolerance)."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

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
Headers = Union[Mapping[str, str], Iterable[Tuple[str, str]]]


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
    signature: str,
    secret: Secrets,
    *,
    tolerance: Optional[float] = None,
) -> None:
    """Checks ``signature`` against the raw body in constant time, with one secret or
    several (rotation). Returns nothing when it matches.

    Args:
        payload: The raw body, exactly as received.
        signature: The ``X-Webhook-Signature`` header.
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
    _native.webhook_verify(_bytes(payload), signature, _secrets(secret), tolerance)


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
        headers: The request headers: a mapping or ``(name, value)`` pairs.
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
    pairs = list(headers.items()) if isinstance(headers, Mapping) else list(headers)
    raw = _native.webhook_unwrap(
        _bytes(payload), [(str(k), str(v)) for k, v in pairs], _secrets(secret), tolerance
    )
    data = raw["data"] if isinstance(raw["data"], dict) else {}
    return WebhookEvent(
        event=raw["event"],
        timestamp=raw["timestamp"],
        data=WebhookData.from_wire(data),
        raw_data=raw["data"],
        id=raw.get("id"),
    )
