"""Webhook helpers (the same scheme and functions as ``cjhirashi_agents.webhooks``)."""

from cjhirashi_agents.webhooks import (
    EVENT_HEADER,
    ID_HEADER,
    SIGNATURE_HEADER,
    WebhookEvent,
    sign,
    unwrap,
    verify,
)

__all__ = [
    "WebhookEvent",
    "sign",
    "verify",
    "unwrap",
    "SIGNATURE_HEADER",
    "EVENT_HEADER",
    "ID_HEADER",
]
