"""The cross-language scenario suite (``tests/scenarios/*.json``), run with the Python package.

Each scenario runs against a fresh embedded sandbox, twice: with the blocking clients
(``Client``, ``AgentClient``) and with the asyncio ones (``AsyncClient``, ``AsyncAgentClient``:
awaited calls, ``async for`` over streams and pages), with the same expectations. Every step's
result is turned into plain JSON-like data with snake_case keys and matched against the step's
expectation (see ``tests/README.md``). Run inside a venv where the ``cjhirashi-agents`` wheel is
installed::

    python -m pytest -q tests/python
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import os
import queue
import re
import threading
import warnings
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Set, Tuple

import pytest

# The native module forwards the core's `tracing` events to the `cjhirashi_agents` logger only
# when CJHIRASHI_LOG asks for it when it is first imported; a `logs` step then captures them.
os.environ["CJHIRASHI_LOG"] = "debug"
# Every answer the native module decodes straight from its JSON into Python objects is decoded
# typed too and compared (a difference raises RuntimeError in the step that made the call).
os.environ["CJHIRASHI_CHECK_DIRECT_DECODE"] = "1"

import agent_client  # noqa: E402 (after CJHIRASHI_LOG)
import cjhirashi_agents  # noqa: E402
from cjhirashi_agents import webhooks  # noqa: E402
from cjhirashi_agents.testing import Sandbox  # noqa: E402

HERE = Path(__file__).resolve().parent
SCENARIOS = HERE.parent / "scenarios"
SPEC = HERE.parent.parent / "spec"
LANG = "python"
SERVICES = ("platform", "ops")

# The operations the OpenAPI documents do not list, which the runner calls by hand: ops' WebSocket
# session (`realtime.connect`, described by spec/ops.asyncapi.json) and the `AgentClient.login`
# constructor (the `login` step). The coverage check counts them with the documented ones.
UNDOCUMENTED: Dict[str, Dict[str, str]] = {
    "ops": {"realtime.connect": "realtime", "login": "login"}
}

# Where the Python surface differs on purpose from the documents' neutral `positional`
# (docs/contract.md, `x-sdk`): `tools.execute(tool, /, parameters=None, **kwargs)` also takes the
# tool's parameters spread as keyword arguments, the form the runner calls.
SPREAD: Dict[Tuple[str, str], str] = {("ops", "tools.execute"): "parameters"}


def runner_kind(service: str, sdk_kind: str) -> str:
    """How the runner reads an answer, from the ``x-sdk`` ``kind``: ``call`` (a value; also
    ``items``, a list), ``page`` (``pages``), ``tokens`` (a platform ``stream``) or ``events``
    (an ops ``stream``)."""
    if sdk_kind in ("call", "items"):
        return "call"
    if sdk_kind == "pages":
        return "page"
    if sdk_kind == "stream":
        return "tokens" if service == "platform" else "events"
    raise AssertionError(f"{service}: unknown x-sdk kind {sdk_kind!r}")


def load_operations() -> Dict[str, Dict[str, Dict[str, Any]]]:
    """Every operation of both services by SDK name, with how the runner calls it (``kind``,
    ``positional``): the ``x-sdk`` entries of ``spec/<service>.openapi.json``, then
    :data:`UNDOCUMENTED`."""
    out: Dict[str, Dict[str, Dict[str, Any]]] = {}
    for service in SERVICES:
        doc = json.loads((SPEC / f"{service}.openapi.json").read_text(encoding="utf-8"))
        ops: Dict[str, Dict[str, Any]] = {}
        for item in doc["paths"].values():
            for operation in item.values():
                if not isinstance(operation, dict):
                    continue
                for entry in operation.get("x-sdk", []):
                    ops[entry["name"]] = {
                        "kind": runner_kind(service, entry["kind"]),
                        "positional": list(entry["positional"]),
                    }
        for name, kind in UNDOCUMENTED.get(service, {}).items():
            ops[name] = {"kind": kind, "positional": []}
        out[service] = ops
    return out


def load_scenarios() -> List[Dict[str, Any]]:
    out: List[Dict[str, Any]] = []
    for path in sorted(SCENARIOS.glob("*.json")):
        out.extend(json.loads(path.read_text(encoding="utf-8"))["scenarios"])
    return out


def coverage_gaps(
    operations: Dict[str, Dict[str, Dict[str, Any]]], scenarios: List[Dict[str, Any]]
) -> List[str]:
    """Every operation needs a step that succeeds and a step that expects an error; the
    problems found."""
    ok: Set[str] = set()
    err: Set[str] = set()
    for scenario in scenarios:
        for step in scenario["steps"]:
            key = f"{step.get('service', scenario.get('service'))} {step['call']}"
            (err if "error" in step.get("expect", {}) else ok).add(key)
    gaps: List[str] = []
    for service in SERVICES:
        for call in operations[service]:
            key = f"{service} {call}"
            if key not in ok:
                gaps.append(f"{key}: no scenario step succeeds")
            if key not in err:
                gaps.append(f"{key}: no scenario step expects an error")
    return gaps


OPERATIONS = load_operations()
ALL = load_scenarios()

# ---------------------------------------------------------------------------------------------
# Plain data and matching
# ---------------------------------------------------------------------------------------------

_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")


def snake(name: str) -> str:
    return _CAMEL.sub(r"_\1", name).lower()


def plain(value: Any) -> Any:
    """A model, list, Decimal, ... as JSON-like data with snake_case keys."""
    if hasattr(value, "to_dict") and callable(value.to_dict):
        value = value.to_dict()
    if isinstance(value, dict):
        return {snake(str(k)): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "__iter__"):
        return [plain(v) for v in value]
    return {snake(k): plain(v) for k, v in vars(value).items() if not k.startswith("_")}


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def match(expected: Any, actual: Any, path: str = "$") -> Optional[str]:
    """``None`` when ``actual`` matches ``expected`` (a subset for objects), else why not."""
    if isinstance(expected, dict):
        matchers = {k: v for k, v in expected.items() if k.startswith("$")}
        if matchers:
            for key, arg in matchers.items():
                why = match_op(key, arg, actual, path)
                if why:
                    return why
            return None
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {actual!r}"
        for key, want in expected.items():
            if key not in actual:
                return f"{path}.{key}: missing in {sorted(actual)}"
            why = match(want, actual[key], f"{path}.{key}")
            if why:
                return why
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{path}: expected {expected!r}, got {actual!r}"
        for i, (want, got) in enumerate(zip(expected, actual)):
            why = match(want, got, f"{path}[{i}]")
            if why:
                return why
        return None
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if isinstance(actual, (int, float)) and not isinstance(actual, bool) and actual == expected:
            return None
        return f"{path}: expected {expected!r}, got {actual!r}"
    if expected == actual and type(expected) is type(actual):
        return None
    return f"{path}: expected {expected!r}, got {actual!r}"


def match_op(op: str, arg: Any, actual: Any, path: str) -> Optional[str]:
    if op == "$type":
        got = type_name(actual)
        return None if got == arg else f"{path}: expected a {arg}, got {actual!r}"
    if op == "$startswith":
        ok = isinstance(actual, str) and actual.startswith(arg)
        return None if ok else f"{path}: expected a string starting {arg!r}, got {actual!r}"
    if op == "$nonempty":
        ok = isinstance(actual, (str, list, dict)) and len(actual) > 0
        return None if ok else f"{path}: expected something non-empty, got {actual!r}"
    if op in ("$len", "$len_gte"):
        if not isinstance(actual, (list, str, dict)):
            return f"{path}: expected something with a length, got {actual!r}"
        ok = len(actual) == arg if op == "$len" else len(actual) >= arg
        return None if ok else f"{path}: length {len(actual)}, expected {op[1:]} {arg}"
    if op in ("$includes", "$excludes"):
        if not isinstance(actual, str):
            return f"{path}: expected a string, got {actual!r}"
        for part in arg if isinstance(arg, list) else [arg]:
            if (part in actual) != (op == "$includes"):
                how = "missing from" if op == "$includes" else "found in"
                return f"{path}: {part!r} {how} {actual!r}"
        return None
    if op == "$contains":
        if not isinstance(actual, list):
            return f"{path}: expected an array, got {actual!r}"
        if any(match(arg, item) is None for item in actual):
            return None
        return f"{path}: no element matches {arg!r} in {actual!r}"
    if op == "$all":
        if not isinstance(actual, list):
            return f"{path}: expected an array, got {actual!r}"
        for i, item in enumerate(actual):
            why = match(arg, item, f"{path}[{i}]")
            if why:
                return why
        return None
    return f"{path}: unknown matcher {op}"


# ---------------------------------------------------------------------------------------------
# Webhook receiver
# ---------------------------------------------------------------------------------------------

Delivery = Tuple[bytes, Dict[str, str]]


class Receiver:
    """A local HTTP server that records webhook deliveries."""

    def __init__(self) -> None:
        self.deliveries: queue.Queue[Delivery] = queue.Queue()
        inbox = self.deliveries

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                inbox.put((body, {k.lower(): v for k, v in self.headers.items()}))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# ---------------------------------------------------------------------------------------------
# The runner
# ---------------------------------------------------------------------------------------------


class LogCapture(logging.Handler):
    """Collects what the ``cjhirashi_agents`` logger records during a ``logs`` step, each
    record as ``LEVEL message``."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: List[str] = []
        self.logger = logging.getLogger("cjhirashi_agents")
        self.saved_level = self.logger.level

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.levelname} {record.getMessage()}")

    def __enter__(self) -> LogCapture:
        self.logger.addHandler(self)
        self.logger.setLevel(logging.DEBUG)
        return self

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self)
        self.logger.setLevel(self.saved_level)


class Run:
    """One scenario's run, with the blocking clients (``mode="sync"``) or the asyncio ones
    (``mode="async"``). Both run as coroutines: a blocking call simply blocks the loop, which
    runs nothing else."""

    def __init__(self, scenario: Dict[str, Any], sandbox: Sandbox, mode: str) -> None:
        self.scenario = scenario
        self.sb = sandbox
        self.is_async = mode == "async"
        self.vars: Dict[str, Any] = {
            "sandbox": {
                "username": sandbox.username,
                "password": sandbox.password,
                "platform_url": sandbox.platform_url,
                "ops_url": sandbox.ops_url,
                "api_key": sandbox.api_key,
                "admin_api_key": sandbox.admin_api_key,
                "ops_api_key": sandbox.ops_api_key,
            }
        }
        self.clients: Dict[str, Any] = {}
        self.receiver: Optional[Receiver] = None
        self.last_delivery: Optional[Delivery] = None
        self.known: List[str] = []
        self.outcomes: Dict[str, Any] = {}

    async def close(self) -> None:
        for client in self.clients.values():
            await self.close_client(client, "close")
        if self.receiver is not None:
            self.receiver.close()

    async def close_client(self, client: Any, form: str) -> None:
        """``close()`` / ``await aclose()``, or (``form="context"``) the context manager's exit."""
        if form == "context":
            if self.is_async:
                await client.__aexit__(None, None, None)
            else:
                client.__exit__(None, None, None)
        elif self.is_async:
            await client.aclose()
        else:
            client.close()

    # -- values ---------------------------------------------------------------------------

    def resolve(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith("$") and len(value) > 1:
            cur: Any = self.vars
            for part in value[1:].split("."):
                if part == "$len":
                    cur = len(cur)
                elif isinstance(cur, dict):
                    cur = cur[part]
                else:
                    cur = cur[int(part)]
            return cur
        if isinstance(value, dict):
            if "$repeat" in value:
                text, times = value["$repeat"]
                return str(text) * int(times)
            return {k: self.resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        return value

    # -- clients --------------------------------------------------------------------------

    @staticmethod
    def client_key(service: str, spec: Any) -> str:
        return f"{service}:{json.dumps(spec, sort_keys=True)}"

    async def client(self, service: str, spec: Any) -> Any:
        key = self.client_key(service, spec)
        if key not in self.clients:
            self.clients[key] = await self.make_client(service, spec)
        return self.clients[key]

    async def make_client(self, service: str, spec: Any) -> Any:
        sb = self.sb
        if service == "platform":
            cls: Any = cjhirashi_agents.AsyncClient if self.is_async else cjhirashi_agents.Client
            url = sb.platform_url
            if spec == "admin":
                key = sb.admin_api_key
            elif spec == "bad_key":
                key = "cj_test_not_a_key"
            elif spec == "closed_port":
                return cls(api_key=sb.api_key, base_url="http://127.0.0.1:9/api", max_retries=0)
            elif isinstance(spec, dict):
                key = str(self.resolve(spec["api_key"]))
            else:
                key = sb.api_key
            return cls(api_key=key, base_url=url)
        if spec == "login":
            return await self.login(sb.username, sb.password)
        key = "ops_not_a_key" if spec == "bad_key" else sb.ops_api_key
        ops: Any = agent_client.AsyncAgentClient if self.is_async else agent_client.AgentClient
        return ops(api_key=key, base_url=sb.ops_url)

    async def login(self, username: str, password: str) -> Any:
        if self.is_async:
            return await agent_client.AsyncAgentClient.login(self.sb.ops_url, username, password)
        return agent_client.AgentClient.login(self.sb.ops_url, username, password)

    # -- steps ----------------------------------------------------------------------------

    async def run(self) -> None:
        for i, step in enumerate(self.scenario["steps"]):
            langs = step.get("langs")
            if langs is not None and LANG not in langs:
                continue
            where = f"step {i} ({step['call']})"
            reason = step.get("diverges", {}).get(LANG)
            try:
                await self.check(where, step)
            except Exception as e:  # noqa: BLE001 (a known divergence is reported, not raised)
                if reason is None:
                    raise
                self.known.append(f"{where}: {reason} [{type(e).__name__}: {e}]")
                continue
            if reason is not None:
                warnings.warn(f"{where}: no divergence any more, remove the mark", stacklevel=1)

    async def check(self, where: str, step: Dict[str, Any]) -> None:
        capture = LogCapture() if step.get("logs") else None
        if capture is not None:
            capture.__enter__()
        try:
            result, error = await self.outcome(step)
        finally:
            if capture is not None:
                capture.__exit__()
        expect = self.resolve(step.get("expect", {}))
        if capture is not None and "logs" in expect:
            why = match(expect["logs"], capture.records, "$logs")
            assert why is None, f"{where}: {why}"
        if "error" in expect:
            self.outcomes[where] = {"error": error}
            assert error is not None, f"{where}: expected an error, got {result!r}"
            why = match(expect["error"], error)
            assert why is None, f"{where}: {why}"
            return
        assert error is None, f"{where}: unexpected error {error!r}"
        if "result" in expect:
            why = match(expect["result"], result)
            assert why is None, f"{where}: {why}"
        if "save" in step:
            self.vars[step["save"]] = result
        self.outcomes[where] = result

    async def outcome(self, step: Dict[str, Any]) -> Tuple[Any, Optional[Dict[str, Any]]]:
        """The step's result (after `repeat` / `until_error`) or the error it raised."""
        for _ in range(int(step.get("repeat", 1)) - 1):
            await self.step(step)
        try:
            result: Any = await self.step(step)
            # `until_error`: call again (at most that many times in all) until a call fails
            for _ in range(int(step.get("until_error", 1)) - 1):
                result = await self.step(step)
            return result, None
        except Exception as e:  # noqa: BLE001 (every error is data here)
            if not isinstance(e, cjhirashi_agents.CJHirashiError) and "error" not in step.get(
                "expect", {}
            ):
                raise
            return None, error_data(e)

    async def step(self, step: Dict[str, Any]) -> Any:
        call: str = step["call"]
        args: Dict[str, Any] = dict(self.resolve(step.get("args", {})))
        service: str = step.get("service", self.scenario["service"])
        default = "user" if service == "platform" else "api_key"
        client_spec = step.get("client", self.scenario.get("client", default))
        if service == "ops" and client_spec in ("user", "admin"):
            client_spec = "api_key"
        if call == "$client.close":
            return await self.close_step(service, client_spec, args)
        if call.startswith("$"):
            return self.special(call, args)
        options = python_options(self.resolve(step.get("options", {})))
        if call == "login":
            logged_in = await self.login(args["username"], args["password"])
            await self.close_client(logged_in, "close")
            return {"logged_in": True}
        spec = OPERATIONS[service].get(call)
        assert spec is not None, f"{service} has no operation {call} (spec/{service}.openapi.json)"
        # a `logs` step calls through a client made inside the capture (as Node must)
        fresh = bool(step.get("logs"))
        if fresh:
            client = await self.make_client(service, client_spec)
        else:
            client = await self.client(service, client_spec)
        try:
            return await self.invoke(client, spec, service, call, args, options, step)
        finally:
            if fresh:
                await self.close_client(client, "close")

    async def invoke(
        self,
        client: Any,
        spec: Dict[str, Any],
        service: str,
        call: str,
        args: Dict[str, Any],
        options: Dict[str, Any],
        step: Dict[str, Any],
    ) -> Any:
        *path, method = call.split(".")
        target = client
        for part in path:
            target = getattr(target, part)
        if step.get("raw"):
            target = target.with_raw_response
        fn: Callable[..., Any] = getattr(target, method)
        spread = SPREAD.get((service, call))
        names = [name for name in spec["positional"] if name != spread]
        positional = [args.pop(name) for name in names if name in args]
        if spread and spread in args:
            args.update(args.pop(spread))
        if "from" in args:
            args["from_"] = args.pop("from")
        kind = spec["kind"]
        iterate = step.get("iterate")
        if kind == "realtime":
            if self.is_async:
                return await arealtime(client, args, options)
            return realtime(client, args, options)
        answer = fn(*positional, **args, **options)
        if not step.get("raw"):
            if self.is_async:
                return await aconsume(kind, answer, iterate)
            return consume(kind, answer, iterate)
        # a RawResponse: its metadata, and parse() gives what the plain call answers
        if self.is_async:
            answer = await answer
            return raw_data(answer, await aconsume(kind, answer.parse(), iterate))
        return raw_data(answer, consume(kind, answer.parse(), iterate))

    async def close_step(self, service: str, spec: Any, args: Dict[str, Any]) -> Any:
        """``$client.close``: closes the client the step names ``times`` times, then forgets it
        (the next step makes a new one) unless ``keep``."""
        key = self.client_key(service, spec)
        client = await self.client(service, spec)
        times = int(args.get("times", 1))
        for _ in range(times):
            await self.close_client(client, str(args.get("form", "close")))
        if not args.get("keep"):
            del self.clients[key]
        return {"closed": times}

    def special(self, call: str, args: Dict[str, Any]) -> Any:
        if call == "$webhook.listen":
            self.receiver = Receiver()
            return {"url": self.receiver.url}
        if call == "$webhook.receive":
            assert self.receiver is not None, "$webhook.listen first"
            self.last_delivery = self.receiver.deliveries.get(timeout=10)
            body, headers = self.last_delivery
            webhooks.verify(body, headers["x-webhook-signature"], args["secret"])
            return plain(webhooks.unwrap(body, headers, args["secret"]))
        if call == "$webhook.verify":
            assert self.last_delivery is not None, "$webhook.receive first"
            body, headers = self.last_delivery
            webhooks.verify(body, headers["x-webhook-signature"], args["secret"])
            return {"verified": True}
        if call == "$error_tree":
            return error_tree()
        raise AssertionError(f"unknown special call {call}")


def python_options(options: Dict[str, Any]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for key, value in options.items():
        if key == "headers":
            out["extra_headers"] = value
        else:
            out[key] = value
    return out


def error_data(e: BaseException) -> Dict[str, Any]:
    out: Dict[str, Any] = {"class": type(e).__name__, "message": str(e)}
    for fact in ("status", "code", "request_id", "retry_after", "phase", "timeout"):
        value = getattr(e, fact, None)
        if value is not None:
            out[fact] = value
    if isinstance(e, cjhirashi_agents.RateLimitError):
        out["rate_limit"] = {"limit": e.limit, "remaining": e.remaining, "reset": e.reset}
    return out


def consume(kind: str, answer: Any, iterate: Optional[str]) -> Any:
    """What a call answered, as plain data (streams and pages read as the step says)."""
    if kind == "page":
        return page_data(answer, iterate)
    if kind == "tokens":
        tokens = [str(t) for t in answer]
        return {
            "tokens": tokens,
            "text": "".join(tokens),
            "message_id": answer.message_id,
            "tokens_used": answer.tokens_used,
        }
    if kind == "events":
        return events_data([plain(e) for e in answer])
    return plain(answer)


def raw_data(answer: Any, data: Any) -> Dict[str, Any]:
    rl = answer.rate_limit
    return {
        "status": answer.status_code,
        "request_id": answer.request_id,
        "attempts": answer.attempts,
        "headers": {str(k).lower(): v for k, v in dict(answer.headers).items()},
        "rate_limit": None if rl is None else vars(rl),
        "data": data,
    }


def page_data(page: Any, iterate: Optional[str]) -> Any:
    if iterate == "items":
        return [plain(item) for item in page]
    if iterate == "pages":
        return [{"data": plain(list(p.data))} for p in page.iter_pages()]
    if iterate == "next_page":
        has_next = page.has_next_page()
        return next_page_outcome(page, has_next, page.get_next_page())
    return page_outcome(page)


def events_data(events: List[Any]) -> Dict[str, Any]:
    types = [e.get("type") for e in events]
    return {
        "events": events,
        "types": types,
        "first": types[0] if types else None,
        "last": types[-1] if types else None,
    }


def realtime(client: Any, args: Dict[str, Any], options: Dict[str, Any]) -> Dict[str, Any]:
    session = client.realtime.connect(**options)
    try:
        if "message" not in args:
            return {"connected": True}
        session.send_chat(args.get("conversation_id"), args["message"])
        return events_data([plain(e) for e in session])
    finally:
        session.close()


async def aconsume(kind: str, answer: Any, iterate: Optional[str]) -> Any:
    """:func:`consume` for the async clients: calls awaited, streams and pages read with
    ``async for``."""
    if kind == "page":
        return await apage_data(answer, iterate)
    if kind == "tokens":
        tokens = [str(t) async for t in answer]
        return {
            "tokens": tokens,
            "text": "".join(tokens),
            "message_id": answer.message_id,
            "tokens_used": answer.tokens_used,
        }
    if kind == "events":
        return events_data([plain(e) async for e in answer])
    if inspect.isawaitable(answer):
        answer = await answer
    return plain(answer)


async def apage_data(pages: Any, iterate: Optional[str]) -> Any:
    """:func:`page_data` for the async clients; ``pages`` is what the call answered (an
    ``AsyncPaginator``) or, through a raw response, the first ``AsyncPage``: both iterate every
    item with ``async for`` and have ``iter_pages()``."""
    if iterate == "items":
        return [plain(item) async for item in pages]
    if iterate == "pages":
        return [{"data": plain(list(p.data))} async for p in pages.iter_pages()]
    page = await pages if inspect.isawaitable(pages) else pages
    if iterate == "next_page":
        has_next = page.has_next_page()
        return next_page_outcome(page, has_next, await page.get_next_page())
    return page_outcome(page)


async def arealtime(client: Any, args: Dict[str, Any], options: Dict[str, Any]) -> Dict[str, Any]:
    """:func:`realtime` for the async client (``async with``, ``async for``)."""
    async with client.realtime.connect(**options) as session:
        if "message" not in args:
            return {"connected": True}
        await session.send_chat(args.get("conversation_id"), args["message"])
        return events_data([plain(e) async for e in session])


TREE = [
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
    "WebhookVerificationError",
]


def error_tree() -> Dict[str, List[str]]:
    """Each error class's ancestors among the tree's names, nearest first; the same classes
    must be exported (identically) by both packages."""
    out: Dict[str, List[str]] = {}
    for name in TREE:
        cls = getattr(cjhirashi_agents, name)
        assert getattr(agent_client, name) is cls, f"agent_client.{name} differs"
        out[name] = [c.__name__ for c in cls.__mro__[1:] if c.__name__ in TREE]
    return out


def dump(name: str, outcomes: Dict[str, Any], mode: str) -> None:
    """With ``SCENARIOS_DUMP=DIR``, appends the scenario's step results to ``DIR/python.jsonl``
    (``DIR/python-async.jsonl`` for the asyncio clients), to compare the languages' answers."""
    out = os.environ.get("SCENARIOS_DUMP")
    if out:
        lang = LANG if mode == "sync" else f"{LANG}-{mode}"
        with open(Path(out) / f"{lang}.jsonl", "a", encoding="utf-8") as f:
            f.write(json.dumps({"name": name, "steps": outcomes}, default=str) + "\n")


MODES = ("sync", "async")


@pytest.fixture(scope="module", autouse=True)
def coverage() -> Iterator[None]:
    """Fails the suite (as an error of its last test, once every scenario ran) when an operation
    of the documents, or of :data:`UNDOCUMENTED`, has no scenario step that succeeds or none that
    expects an error."""
    yield
    gaps = coverage_gaps(OPERATIONS, ALL)
    for gap in gaps:
        print(f"COVERAGE {gap}")
    assert not gaps, "coverage: " + "; ".join(gaps)


@pytest.mark.parametrize("scenario", ALL, ids=[s["name"] for s in ALL])
@pytest.mark.parametrize("mode", MODES)
def test_scenario(scenario: Dict[str, Any], mode: str) -> None:
    """The scenario with the blocking clients (``sync``) or the asyncio ones (``async``)."""
    langs = scenario.get("langs")
    if langs is not None and LANG not in langs:
        pytest.skip(f"not run in {LANG}")
    options = scenario.get("sandbox", {})
    with Sandbox(enforce_rate_limits=bool(options.get("enforce_rate_limits", False))) as sb:
        run = Run(scenario, sb, mode)

        async def go() -> None:
            try:
                await run.run()
            finally:
                await run.close()

        asyncio.run(go())
    dump(scenario["name"], run.outcomes, mode)
    if run.known:
        pytest.xfail("known divergence: " + "; ".join(run.known))


def next_page_outcome(page: Any, has_next: bool, second: Any) -> Dict[str, Any]:
    """A first page and the one after it, as a `pages` step with `iterate: next_page` records."""
    return {
        "first": plain(list(page.data)),
        "has_next_page": has_next,
        "second": plain(list(second.data)),
    }


def page_outcome(page: Any) -> Dict[str, Any]:
    """One fetched page as a `pages` step records it: its items, whether more follow, its
    summary when it has one."""
    out: Dict[str, Any] = {"data": plain(list(page.data)), "has_next_page": page.has_next_page()}
    summary = getattr(page, "summary", None)
    if summary is not None:
        out["summary"] = plain(summary)
    return out
