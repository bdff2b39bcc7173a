"""Python SDK of the CJHIRASHI Agents platform (Rust core).

>>> from cjhirashi_agents import Client
>>> client = Client()  # doctest: +SKIP  (CJHIRASHI_API_KEY, CJHIRASHI_BASE_URL)
>>> for token in client.conversations.create(agent_id="agt_personal_001").send_message("Hola"):
...     print(token, end="")  # doctest: +SKIP
"""

from __future__ import annotations

import atexit as _atexit
import gc as _gc
import logging as _logging

from . import _native, models, webhooks
from ._base import AsyncPage, AsyncPaginator, RateLimitInfo, RawResponse, SyncPage
from ._client import AsyncClient, Client
from ._errors import (
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
from ._streaming import AsyncMessageStream, AsyncStream, MessageStream, Stream

__version__: str = _native.__version__

# Native objects caught in reference cycles (clients held by finished coroutines) are freed
# while the interpreter is still whole, not by the last collection of its finalization.
_atexit.register(_gc.collect)

# CJHIRASHI_LOG=debug|info|warn: the native module bridges the core's events of that level and
# above to this logger (debug: every answer; info: retries; warn: failed calls)
if _native.LOG_LEVEL is not None:
    _logging.getLogger("cjhirashi_agents").setLevel(_native.LOG_LEVEL.upper())

__all__ = [
    "Client",
    "AsyncClient",
    "models",
    "webhooks",
    "MessageStream",
    "AsyncMessageStream",
    "Stream",
    "AsyncStream",
    "SyncPage",
    "AsyncPage",
    "AsyncPaginator",
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
