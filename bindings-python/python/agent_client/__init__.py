"""Python SDK of the cloud-operations agent (ops) API, on the same Rust core as
``cjhirashi_agents``.

>>> from agent_client import AgentClient
>>> client = AgentClient(api_key="tu-api-key")  # doctest: +SKIP
>>> client.tools.execute("list_ec2_instances", region="us-east-1")  # doctest: +SKIP
"""

from __future__ import annotations

from cjhirashi_agents import RateLimitInfo, RawResponse
from cjhirashi_agents._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    APIUserAbortError,
    AuthenticationError,
    BadRequestError,
    CJHirashiError,
    ConflictError,
    DecodeError,
    IncompleteStreamError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ServiceUnavailableError,
    UnprocessableEntityError,
    WebhookVerificationError,
    WebSocketError,
)

from . import models, webhooks
from ._client import (
    AgentClient,
    AsyncAgentClient,
    AsyncChatStream,
    AsyncRealtimeSession,
    ChatStream,
    RealtimeSession,
)
from .models import (
    ChatEvent,
    DoneEvent,
    MessageEvent,
    ThinkingEvent,
    ToolCallEvent,
    ToolResultEvent,
)

__all__ = [
    "AgentClient",
    "AsyncAgentClient",
    "ChatStream",
    "AsyncChatStream",
    "RealtimeSession",
    "AsyncRealtimeSession",
    "ChatEvent",
    "ThinkingEvent",
    "ToolCallEvent",
    "ToolResultEvent",
    "MessageEvent",
    "DoneEvent",
    "models",
    "webhooks",
    "RawResponse",
    "RateLimitInfo",
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
