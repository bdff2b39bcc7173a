"""The reference text of every resource operation, and how it is rendered as docstrings.

The text is generated from the OpenAPI documents into ``_docs_tables.py`` (data only: one entry
per resource and per operation); this module, written by hand, renders it. One resource class
serves the blocking client, the asyncio client and their ``with_raw_response`` views; the typed
stubs spell those out as separate classes. The tables give the runtime methods their ``__doc__``
(what ``help()`` shows) and are also written into the stubs (what editors show), each variant
with the return type it really has.
"""

from __future__ import annotations

import textwrap
from typing import Any, Dict, NamedTuple, Optional, Tuple

from . import _docs_tables

__all__ = ["Op", "PLATFORM", "OPS", "RESOURCES", "STUB_ONLY", "render", "document"]

Pairs = Tuple[Tuple[str, str], ...]


class Op(NamedTuple):
    """How one operation is documented."""

    summary: str
    wire: str
    returns: Tuple[str, str]
    args: Pairs = ()
    raises: Pairs = ()
    example: str = ""
    kind: str = "call"  # call | list | stream | session


OPTIONS = (
    "Per-request options: ``timeout`` (seconds), ``max_retries``, ``extra_headers``, "
    "``extra_query``, ``idempotency_key``, ``max_response_bytes``."
)
LIST_OPTIONS = OPTIONS[:-1] + ", and ``max_pages`` (how many pages iteration may fetch)."

COMMON_RAISES: Pairs = (
    ("APIConnectionError", "No answer (``APITimeoutError`` when a timeout ran out)."),
    (
        "ValueError",
        "An argument is out of range (``TypeError``: of the wrong type); checked before "
        "anything is sent.",
    ),
)

ASYNC_NOTE = {
    "call": "On the async client the call returns an awaitable of the same result.",
    "list": (
        "On the async client it returns an ``AsyncPaginator``: ``await`` it for the first "
        "page, or ``async for`` over every item of every page."
    ),
    "stream": (
        "On the async client it returns the async stream, read with ``async for`` "
        "(``await`` opens it early)."
    ),
    "session": "On the async client: ``async with client.realtime.connect() as session``.",
}
RAW_NOTE = (
    "Through ``with_raw_response`` the same call answers a ``RawResponse`` (status, headers, "
    "request id, rate limit, attempts; ``parse()`` gives the result)."
)


def _ops(table: Dict[str, Any]) -> Dict[str, Any]:
    """A generated table with each operation's entry as an :class:`Op` (a resource's entry is
    its text)."""
    return {key: entry if isinstance(entry, str) else Op(**entry) for key, entry in table.items()}


PLATFORM: Dict[str, Any] = _ops(_docs_tables.PLATFORM)
OPS: Dict[str, Any] = _ops(_docs_tables.OPS)
STUB_ONLY_OPS: Dict[str, Dict[str, str]] = _docs_tables.STUB_ONLY_OPS

RESOURCES = {"cjhirashi_agents": PLATFORM, "agent_client": OPS}

_CLIENT_RAW = (
    "Every resource of the client, each call answering a ``RawResponse`` "
    "(``client.with_raw_response``)."
)

# types that exist only for type checkers (the runtime has one class for all of them)
STUB_ONLY: Dict[str, Dict[str, str]] = {
    "cjhirashi_agents": {
        **STUB_ONLY_OPS.get("cjhirashi_agents", {}),
        "ClientWithRawResponse": _CLIENT_RAW,
        "AsyncClientWithRawResponse": _CLIENT_RAW + " Every call is awaited.",
    },
    "agent_client": {
        **STUB_ONLY_OPS.get("agent_client", {}),
        "AgentClientWithRawResponse": _CLIENT_RAW,
        "AsyncAgentClientWithRawResponse": _CLIENT_RAW + " Every call is awaited.",
    },
}

WITH_RAW_RESPONSE_TEXT = (
    "The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``, "
    "``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result "
    "(``client.<resource>.with_raw_response.<method>(...)``)."
)


WIDTH = 88


def _fill(text: str, indent: str = "", hang: str = "") -> str:
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=hang or indent,
        break_on_hyphens=False,
        break_long_words=False,
    )


def _section(title: str, pairs: Pairs) -> str:
    lines = [f"{title}:"]
    for name, text in pairs:
        lines.append(_fill(f"{name}: {text}", "    ", "        "))
    return "\n".join(lines)


WITH_RAW_RESPONSE = _fill(WITH_RAW_RESPONSE_TEXT)


def render(op: Op, variant: str = "runtime", return_type: Optional[str] = None) -> str:
    """The docstring of ``op``: ``runtime`` (one method for every client), ``sync``,
    ``async``, ``raw`` or ``async_raw`` (a stub class each); ``return_type`` is the stub's
    own annotation."""
    is_async = variant.startswith("async")
    is_raw = variant.endswith("raw")
    parts = [_fill(p) for p in op.summary.split("\n\n")] + [f"Sends ``{op.wire}``."]
    options = LIST_OPTIONS if op.kind == "list" else OPTIONS
    args = op.args + (
        (("**options", options),) if not any(a == "**kwargs" for a, _ in op.args) else ()
    )
    parts.append(_section("Args", args))
    rtype = return_type or op.returns[0]
    if is_raw and op.kind == "stream":
        desc = (
            "The metadata of the response that opened the stream; ``parse()`` gives the "
            "stream. " + op.returns[1]
        )
    elif is_raw:
        text = op.returns[1]
        desc = "The answer with its metadata; ``parse()`` gives " + text[:1].lower() + text[1:]
    elif is_async and op.kind == "call":
        desc = "Await it for: " + op.returns[1]
    elif is_async and op.kind == "list":
        desc = (
            "``await`` it for the first page, or ``async for`` over every item of every "
            "page, fetched lazily."
        )
    else:
        desc = op.returns[1]
    parts.append(_section("Returns", ((rtype, desc),)))
    parts.append(_section("Raises", op.raises + COMMON_RAISES))
    if variant == "runtime":
        note = ASYNC_NOTE.get(op.kind, "")
        if op.kind != "stream" and op.kind != "session":
            note += " " + RAW_NOTE
        parts.append("Note:\n" + _fill(note.strip(), "    "))
    if op.example and not is_async and not is_raw:
        parts.append("Example:\n" + "\n".join("    " + ln for ln in op.example.splitlines()))
    return "\n\n".join(parts)


def document(namespace: Dict[str, Any], table: Dict[str, Any]) -> None:
    """Gives the resource classes of a client module their docstrings from ``table``."""
    for key, entry in table.items():
        cls_name, _, meth = key.partition(".")
        cls = namespace.get(cls_name)
        if cls is None:
            continue
        if not meth:
            cls.__doc__ = entry
            continue
        func = cls.__dict__.get(meth)
        if func is not None:
            func.__doc__ = render(entry)
