"""The extension must never take the Python process down, and bad arguments raise Python's own
errors: caller arguments checked at the constructor or call that received them, bounded
conversion of Python values to JSON, hostile answers from a server, and panics turned into
``CJHirashiError``."""

from __future__ import annotations

import asyncio
import http.server
import json
import pickle
import subprocess
import sys
import textwrap
import threading
import time
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import pytest

import agent_client
import cjhirashi_agents as cj
from agent_client import AgentClient, AsyncAgentClient
from cjhirashi_agents import AsyncClient, Client, _native
from cjhirashi_agents._streaming import AsyncStream, Stream
from cjhirashi_agents.testing import Sandbox

ONE_YEAR = 365 * 24 * 3600
INF = float("inf")


def nested_list(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


def nested_dict(depth: int) -> Any:
    value: Any = {}
    for _ in range(depth):
        value = {"a": value}
    return value


# ---------------------------------------------------------------------------------------------
# Python values -> JSON: cycles and depth


CRASH_SCRIPT = textwrap.dedent(
    """
    import asyncio
    from agent_client import AgentClient, AsyncAgentClient
    from cjhirashi_agents import AsyncClient, Client
    from cjhirashi_agents.testing import Sandbox

    def deep(n):
        v = []
        for _ in range(n):
            v = [v]
        return v

    cyclic = {"name": "loop"}
    cyclic["self"] = cyclic
    cyclic_list = []
    cyclic_list.append(cyclic_list)
    deep_dict = {}
    for _ in range(200_000):
        deep_dict = {"a": deep_dict}
    values = [("cyclic dict", cyclic), ("cyclic list", {"x": cyclic_list}),
              ("deep list", {"a": deep(200_000)}), ("deep dict", deep_dict)]

    sb = Sandbox()
    client = Client(api_key=sb.api_key, base_url=sb.platform_url)
    ops = AgentClient(api_key=sb.ops_api_key, base_url=sb.ops_url)
    for what, value in values:
        for call in (
            lambda: client.agents.create(name="x", config=value),
            lambda: client.users.update_me(preferences=value),
            lambda: ops.tools.execute("list_ec2_instances", filters=value),
        ):
            try:
                call()
                print("NO ERROR", what)
            except ValueError as e:
                print("ValueError", what, e)

    async def main():
        aclient = AsyncClient(api_key=sb.api_key, base_url=sb.platform_url)
        aops = AsyncAgentClient(api_key=sb.ops_api_key, base_url=sb.ops_url)
        for what, value in values:
            for call in (
                lambda: aclient.agents.create(name="x", config=value),
                lambda: aops.tools.execute("list_ec2_instances", filters=value),
            ):
                try:
                    await call()
                    print("NO ERROR async", what)
                except ValueError as e:
                    print("ValueError async", what, e)
        print("async still works:", len(await aclient.agents.list()) > 0)

    asyncio.run(main())
    print("still works:", len(client.agents.list()) > 0)
    sb.close()
    """
)


def test_cyclic_and_deep_arguments_raise_valueerror_and_the_process_survives() -> None:
    # in a child process: before the fix, these overflowed the C stack (SIGSEGV)
    done = subprocess.run(
        [sys.executable, "-c", CRASH_SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, (done.returncode, done.stdout, done.stderr[-2000:])
    lines = done.stdout.splitlines()
    assert "NO ERROR" not in done.stdout
    errors = [line for line in lines if line.startswith("ValueError")]
    assert len(errors) == 4 * 3 + 4 * 2, lines
    for line in errors:
        if "cyclic" in line:
            assert "circular reference detected" in line, line
        else:
            assert "nested deeper than 128 levels" in line, line
    assert "still works: True" in lines and "async still works: True" in lines


def test_cycle_and_depth_errors_in_process(client: Client, ops: AgentClient) -> None:
    cyclic: Dict[str, Any] = {}
    cyclic["me"] = cyclic
    with pytest.raises(ValueError, match="circular reference detected"):
        client.agents.create(name="x", config=cyclic)
    looped: List[Any] = [1]
    looped.append({"back": looped})
    with pytest.raises(ValueError, match="circular reference detected"):
        ops.tools.execute("list_ec2_instances", filters=looped)
    with pytest.raises(ValueError, match="nested deeper than 128 levels"):
        client.agents.create(name="x", config={"a": nested_dict(200)})
    with pytest.raises(ValueError, match="nested deeper than 128 levels"):
        client.users.update_me(preferences={"t": tuple(nested_list(129))})
    # a value shared by two branches is no cycle, and ordinary nesting is fine (in a free-form
    # object, on a sandbox of its own: the preferences it stores would leak into other tests)
    shared = {"k": [1, 2]}
    with Sandbox() as own:
        mine = Client(api_key=own.api_key, base_url=own.platform_url)
        updated = mine.users.update_me(preferences={"a": shared, "b": shared})
        assert updated.preferences["a"] == updated.preferences["b"] == shared
        assert mine.users.update_me(preferences={"d": nested_list(60)}).id
    # keys an agent's settings do not have are refused, not dropped
    with pytest.raises(ValueError, match='no parameter "config.a"'):
        client.agents.create(name="x", config={"a": 1, "temperature": 0.5})


async def test_cycle_and_depth_errors_async(aclient: AsyncClient) -> None:
    cyclic: List[Any] = []
    cyclic.append(cyclic)
    with pytest.raises(ValueError, match="circular reference detected"):
        await aclient.agents.create(name="x", config={"c": cyclic})
    with pytest.raises(ValueError, match="nested deeper than 128 levels"):
        await aclient.agents.create(name="x", config={"a": nested_list(200_000)})
    assert len(await aclient.agents.list()) > 0


# ---------------------------------------------------------------------------------------------
# caller arguments: timeouts, retries, sizes, page caps, headers

BAD_TIMEOUTS: List[Any] = [
    float("nan"),
    -1,
    -0.5,
    0,
    0.0,
    ONE_YEAR + 1,
    1e300,
    10**400,
    -(10**400),
]
WRONG_TYPE_TIMEOUTS: List[Any] = ["1", "inf", True, False, [1], object()]
TIMEOUT_SETTINGS = ["timeout", "connect_timeout", "response_header_timeout", "stream_idle_timeout"]


def constructors(sb: Sandbox) -> List[Tuple[str, Callable[..., Any]]]:
    """Every way to make a client from settings (each checks them before anything else)."""
    client = Client(api_key=sb.api_key, base_url=sb.platform_url)
    aclient = AsyncClient(api_key=sb.api_key, base_url=sb.platform_url)
    ops = AgentClient(api_key=sb.ops_api_key, base_url=sb.ops_url)
    aops = AsyncAgentClient(api_key=sb.ops_api_key, base_url=sb.ops_url)

    def async_login(**kw: Any) -> Any:
        coro = AsyncAgentClient.login(sb.ops_url, sb.username, sb.password, **kw)
        try:
            coro.send(None)  # runs up to the first await: the constructor is before it
        finally:
            coro.close()

    return [
        ("Client", lambda **kw: Client(api_key=sb.api_key, base_url=sb.platform_url, **kw)),
        (
            "AsyncClient",
            lambda **kw: AsyncClient(api_key=sb.api_key, base_url=sb.platform_url, **kw),
        ),
        (
            "AgentClient",
            lambda **kw: AgentClient(api_key=sb.ops_api_key, base_url=sb.ops_url, **kw),
        ),
        (
            "AsyncAgentClient",
            lambda **kw: AsyncAgentClient(api_key=sb.ops_api_key, base_url=sb.ops_url, **kw),
        ),
        (
            "AgentClient.login",
            lambda **kw: AgentClient.login(sb.ops_url, sb.username, sb.password, **kw),
        ),
        ("AsyncAgentClient.login", async_login),
        ("Client.with_options", client.with_options),
        ("AsyncClient.with_options", aclient.with_options),
        ("AgentClient.with_options", ops.with_options),
        ("AsyncAgentClient.with_options", aops.with_options),
    ]


def test_constructors_refuse_bad_timeouts(sandbox: Sandbox) -> None:
    for name, make in constructors(sandbox):
        for setting in TIMEOUT_SETTINGS:
            for bad in BAD_TIMEOUTS:
                with pytest.raises(ValueError, match=setting) as e:
                    make(**{setting: bad})
                assert isinstance(e.value, cj.InvalidArgumentError), (name, setting, bad)
            for bad in WRONG_TYPE_TIMEOUTS:
                with pytest.raises(TypeError, match=setting):
                    make(**{setting: bad})
        # a huge int is a ValueError that says what it was, never an OverflowError
        with pytest.raises(ValueError, match="too large for a float"):
            make(timeout=10**400)


def test_constructors_refuse_bad_retries_sizes_and_headers(sandbox: Sandbox) -> None:
    for _name, make in constructors(sandbox):
        for bad in [-1, 101, 10**30, -(10**30), 2**63]:
            with pytest.raises(ValueError, match="max_retries"):
                make(max_retries=bad)
        for bad in [1.5, "2", True, 2.0]:
            with pytest.raises(TypeError, match="max_retries"):
                make(max_retries=bad)
        for setting in ["max_response_bytes", "max_event_size"]:
            for bad in [0, -1, 4 * 1024**3 + 1, 10**30]:
                with pytest.raises(ValueError, match=setting):
                    make(**{setting: bad})
            with pytest.raises(TypeError, match=setting):
                make(**{setting: "1024"})
        with pytest.raises(ValueError, match="invalid header name"):
            make(default_headers={"bad name": "x"})
        with pytest.raises(ValueError, match="invalid value for header"):
            make(default_headers={"X-Ok": "line\r\nInjected: 1"})
        with pytest.raises(TypeError, match="default_headers"):
            make(default_headers=[("X-A", "b")])
    for bad in [0, -3, 10**30]:
        with pytest.raises(ValueError, match="max_pages"):
            Client(api_key="k", base_url=sandbox.platform_url, max_pages=bad)


def test_calls_refuse_bad_options(client: Client, admin: Client, ops: AgentClient) -> None:
    calls: List[Callable[..., Any]] = [
        client.agents.list,
        client.health.medications.list,
        ops.tools.list,
        lambda **kw: ops.tools.execute("list_ec2_instances", region="us-east-1", **kw),
        lambda **kw: list(admin.users.list(**kw)),
        lambda **kw: list(client.conversations.send_message("conv_abc123", "hola", **kw)),
        lambda **kw: list(ops.chat.stream(message="hola", **kw)),
    ]
    for call in calls:
        for bad in BAD_TIMEOUTS:
            with pytest.raises(ValueError, match="timeout"):
                call(timeout=bad)
        for bad in WRONG_TYPE_TIMEOUTS:
            with pytest.raises(TypeError, match="timeout"):
                call(timeout=bad)
        for bad in [-1, 101, 10**30]:
            with pytest.raises(ValueError, match="max_retries"):
                call(max_retries=bad)
        with pytest.raises(TypeError, match="max_retries"):
            call(max_retries=True)
        for bad in [0, -1, 10**30]:
            with pytest.raises(ValueError, match="max_response_bytes"):
                call(max_response_bytes=bad)
        with pytest.raises(ValueError, match="invalid header name"):
            call(extra_headers={"bad header": "1"})
        with pytest.raises(ValueError, match="invalid value for header"):
            call(extra_headers={"X-Trace": "a\nb"})
        with pytest.raises(ValueError, match="Idempotency-Key"):
            call(idempotency_key="a\nb")
    for bad in [0, -1, 10**30]:
        with pytest.raises(ValueError, match="max_pages"):
            admin.users.list(max_pages=bad)
    with pytest.raises(TypeError, match="max_pages"):
        client.agents.list(max_pages=3)


async def test_async_calls_refuse_bad_options(aclient: AsyncClient, aops: AsyncAgentClient) -> None:
    for bad in BAD_TIMEOUTS:
        with pytest.raises(ValueError, match="timeout"):
            await aclient.agents.list(timeout=bad)
        with pytest.raises(ValueError, match="timeout"):
            await aops.metrics.get(timeout=bad)
        with pytest.raises(ValueError, match="timeout"):
            async for _ in aclient.conversations.send_message("conv_abc123", "x", timeout=bad):
                pass
    with pytest.raises(TypeError, match="timeout"):
        await aclient.agents.list(timeout="5")
    with pytest.raises(ValueError, match="max_retries"):
        await aops.tools.list(max_retries=10**40)
    with pytest.raises(ValueError, match="invalid header name"):
        await aclient.agents.list(extra_headers={"a b": "c"})


def test_infinite_timeouts_mean_no_limit(sandbox: Sandbox) -> None:
    client = Client(
        api_key=sandbox.api_key,
        base_url=sandbox.platform_url,
        timeout=INF,
        connect_timeout=INF,
        response_header_timeout=INF,
        stream_idle_timeout=INF,
    )
    assert len(client.agents.list()) > 0
    assert len(client.agents.list(timeout=INF)) > 0
    stream = client.conversations.send_message("conv_abc123", "hola", timeout=INF)
    assert stream.until_done()
    ops = AgentClient.login(sandbox.ops_url, sandbox.username, sandbox.password, timeout=INF)
    assert ops.tools.list(timeout=INF)
    # the limits themselves are accepted
    Client(api_key="k", base_url=sandbox.platform_url, timeout=ONE_YEAR, max_retries=100)
    Client(api_key="k", base_url=sandbox.platform_url, max_retries=0, max_pages=1)


async def test_infinite_timeouts_async(sandbox: Sandbox) -> None:
    aclient = AsyncClient(api_key=sandbox.api_key, base_url=sandbox.platform_url, timeout=INF)
    assert len(await aclient.agents.list(timeout=INF)) > 0


def test_webhook_tolerance_is_checked() -> None:
    payload = json.dumps({"event": "agent.created", "timestamp": "2020-01-01T00:00:00Z"})
    headers = {"X-Webhook-Signature": cj.webhooks.sign(payload, "s")}
    for bad in [float("nan"), -1, 0, 1e300, 10**400]:
        with pytest.raises(ValueError, match="tolerance"):
            cj.webhooks.unwrap(payload, headers, "s", tolerance=bad)
    with pytest.raises(TypeError, match="tolerance"):
        cj.webhooks.unwrap(payload, headers, "s", tolerance="60")  # type: ignore[arg-type]
    # inf turns the check off
    assert cj.webhooks.unwrap(payload, headers, "s", tolerance=INF).event == "agent.created"


# ---------------------------------------------------------------------------------------------
# hostile servers


class TinyServer:
    """A local HTTP server answering every request with ``answer(path)``: ``(status, headers,
    body)``; a body with no ``Content-Length`` header is sent until the connection closes."""

    def __init__(self, answer: Callable[[str], Tuple[int, Dict[str, str], bytes]]) -> None:
        self.requests: List[Tuple[str, Dict[str, str]]] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                self._answer()

            def do_POST(self) -> None:  # noqa: N802
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                self._answer()

            def _answer(self) -> None:
                outer.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                status, headers, body = answer(self.path)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (max_response_bytes)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api"
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def json_answer(
    status: int, value: Any, headers: Optional[Dict[str, str]] = None
) -> Tuple[int, Dict[str, str], bytes]:
    body = json.dumps(value).encode()
    return (
        status,
        {"Content-Type": "application/json", "Content-Length": str(len(body)), **(headers or {})},
        body,
    )


@pytest.fixture
def tiny() -> Iterator[Callable[..., TinyServer]]:
    servers: List[TinyServer] = []

    def start(answer: Callable[[str], Tuple[int, Dict[str, str], bytes]]) -> TinyServer:
        server = TinyServer(answer)
        servers.append(server)
        return server

    yield start
    for s in servers:
        s.close()


HUGE_WAITS = ["99999999999999999999999999", "1e400", "-5", "inf", "NaN", "18446744073709551616"]


def test_huge_retry_after_gives_typed_errors(tiny: Callable[..., TinyServer]) -> None:
    for wait in HUGE_WAITS:
        unavailable = tiny(
            lambda _path, wait=wait: json_answer(
                503,
                {"error": {"code": "SERVICE_UNAVAILABLE", "message": "down"}},
                {"Retry-After": wait},
            )
        )
        limited = tiny(
            lambda _path, wait=wait: json_answer(
                429,
                {"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"}},
                {
                    "Retry-After": wait,
                    "X-RateLimit-Limit": "10",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": wait,
                },
            )
        )
        t0 = time.monotonic()
        with pytest.raises(cj.ServiceUnavailableError) as e503:
            Client(api_key="k", base_url=unavailable.url, max_retries=1).agents.list()
        with pytest.raises(cj.RateLimitError) as e429:
            Client(api_key="k", base_url=limited.url, max_retries=1).agents.list()
        # a wait too long to honour falls back to the short backoff
        assert time.monotonic() - t0 < 20, wait
        assert len(unavailable.requests) == 2 and len(limited.requests) == 2
        for err in (e503.value, e429.value):
            assert err.retry_after is None or 0 <= err.retry_after <= ONE_YEAR, wait


async def test_huge_retry_after_async(tiny: Callable[..., TinyServer]) -> None:
    server = tiny(
        lambda _path: json_answer(
            503,
            {"error": {"code": "SERVICE_UNAVAILABLE", "message": "down"}},
            {"Retry-After": "99999999999999999999999999"},
        )
    )
    with pytest.raises(cj.ServiceUnavailableError):
        await AsyncClient(api_key="k", base_url=server.url, max_retries=1).agents.list()
    ops = AsyncAgentClient(api_key="k", base_url=server.url.removesuffix("/api"), max_retries=1)
    with pytest.raises(agent_client.ServiceUnavailableError):
        await ops.tools.list()


def test_invalid_header_is_refused_before_anything_is_sent(
    tiny: Callable[..., TinyServer],
) -> None:
    server = tiny(lambda _path: json_answer(200, {"data": {"agents": []}}))
    client = Client(api_key="k", base_url=server.url)
    with pytest.raises(ValueError):
        client.agents.list(extra_headers={"X-Evil": "a\r\nX-Injected: 1"})
    with pytest.raises(ValueError):
        list(client.conversations.send_message("c1", "x", extra_headers={"bad:name": "1"}))
    with pytest.raises(ValueError):
        Client(api_key="k", base_url=server.url, default_headers={"X-A": "\x00"})
    assert server.requests == []
    assert client.agents.list() == [] and len(server.requests) == 1


def test_max_response_bytes(sandbox: Sandbox, client: Client, ops: AgentClient) -> None:
    with pytest.raises(cj.ResponseTooLargeError) as e:
        client.agents.list(max_response_bytes=64)
    err = e.value
    assert isinstance(err, cj.DecodeError) and isinstance(err, cj.CJHirashiError)
    assert err.limit == 64 and err.status == 200
    assert err.content_length is not None and err.content_length > 64
    assert "max_response_bytes" in str(err)
    assert pickle.loads(pickle.dumps(err)).limit == 64
    small = Client(api_key=sandbox.api_key, base_url=sandbox.platform_url, max_response_bytes=64)
    with pytest.raises(cj.DecodeError):
        small.agents.list()
    # per call beats the client's
    assert len(small.agents.list(max_response_bytes=1024 * 1024)) > 0
    with pytest.raises(agent_client.ResponseTooLargeError):
        ops.tools.list(max_response_bytes=16)
    with pytest.raises(cj.ResponseTooLargeError):
        ops.with_options(max_response_bytes=16).tools.list()
    assert client.agents.list()  # the default (32 MiB) is plenty


async def test_max_response_bytes_async(aclient: AsyncClient) -> None:
    with pytest.raises(cj.ResponseTooLargeError):
        await aclient.agents.list(max_response_bytes=10)


def test_stream_text_is_capped(client: Client, ops: AgentClient) -> None:
    stream = client.conversations.send_message("conv_abc123", "hola", max_response_bytes=16)
    whole = "".join(stream)  # every token is handed out
    assert len(whole.encode()) > 16
    assert stream.text_truncated and whole.startswith(stream.text)
    assert 0 < len(stream.text.encode()) <= 16
    with pytest.raises(cj.ResponseTooLargeError) as e:
        stream.until_done()
    assert e.value.limit == 16
    chat = ops.chat.stream(message="Lista las instancias EC2", max_response_bytes=8)
    events = list(chat)
    assert events[-1].type == "done" and chat.text_truncated
    assert len(chat.text.encode()) <= 8
    # within the limit nothing changes
    full = client.conversations.send_message("conv_abc123", "hola")
    assert full.until_done() and not full.text_truncated


async def test_stream_text_is_capped_async(aclient: AsyncClient) -> None:
    stream = aclient.conversations.send_message("conv_abc123", "hola", max_response_bytes=16)
    with pytest.raises(cj.ResponseTooLargeError):
        await stream.until_done()
    assert stream.text_truncated and len(stream.text.encode()) <= 16


def test_response_too_large_without_content_length(tiny: Callable[..., TinyServer]) -> None:
    body = json.dumps({"data": {"agents": [], "padding": "x" * 100_000}}).encode()
    server = tiny(lambda _path: (200, {"Content-Type": "application/json"}, body))
    client = Client(api_key="k", base_url=server.url, max_response_bytes=1000)
    with pytest.raises(cj.ResponseTooLargeError) as e:
        client.agents.list()
    assert e.value.limit == 1000 and e.value.content_length is None


def test_deep_json_from_the_server_is_a_decode_error(tiny: Callable[..., TinyServer]) -> None:
    deep = b'{"data": {"agents": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"
    server = tiny(
        lambda _path: (
            200,
            {"Content-Type": "application/json", "Content-Length": str(len(deep))},
            deep,
        )
    )
    with pytest.raises(cj.DecodeError):
        Client(api_key="k", base_url=server.url).agents.list()


def test_max_pages(sandbox: Sandbox, admin: Client) -> None:
    first = admin.users.list(limit=1, max_pages=2)
    seen = []
    with pytest.raises(cj.DecodeError, match="max_pages"):
        for user in first:
            seen.append(user)
    assert len(seen) == 2
    capped = Client(api_key=sandbox.admin_api_key, base_url=sandbox.platform_url, max_pages=1)
    with pytest.raises(cj.DecodeError):
        list(capped.users.list(limit=1))
    # per call beats the client's
    assert len(list(capped.users.list(limit=1, max_pages=1000))) == first.pagination.total


async def test_max_pages_async(sandbox: Sandbox) -> None:
    aadmin = AsyncClient(api_key=sandbox.admin_api_key, base_url=sandbox.platform_url)
    seen = []
    with pytest.raises(cj.DecodeError):
        async for user in aadmin.users.list(limit=1, max_pages=3):
            seen.append(user)
    assert len(seen) == 3


def test_pagination_loop_stops(tiny: Callable[..., TinyServer]) -> None:
    server = tiny(
        lambda _path: json_answer(
            200,
            {
                "data": {
                    "conversations": [],
                    "pagination": {"nextCursor": "same", "hasMore": True},
                }
            },
        )
    )
    client = Client(api_key="k", base_url=server.url)
    with pytest.raises(cj.DecodeError):
        list(client.conversations.list())
    assert len(server.requests) == 2


# ---------------------------------------------------------------------------------------------
# panics: the last line of defence


def debug_panic(path: str) -> Any:
    return _native._debug_panic(path)  # the undocumented test hook


def check_internal_error(err: BaseException) -> None:
    assert type(err) is cj.CJHirashiError, type(err)
    assert type(err) is agent_client.CJHirashiError
    assert "bug" in str(err) and "deliberate panic" in str(err)


@pytest.mark.parametrize("path", ["call", "blocking", "shared"])
def test_panic_in_a_blocking_call_is_cjhirashierror(path: str, client: Client) -> None:
    try:
        debug_panic(path)
    except Exception as e:  # the point: `except Exception` catches it
        check_internal_error(e)
    else:
        pytest.fail("no exception")
    assert len(client.agents.list()) > 0  # the runtimes still work


@pytest.mark.parametrize("path", ["async", "convert"])
async def test_panic_in_an_awaitable_is_cjhirashierror(path: str, aclient: AsyncClient) -> None:
    try:
        await asyncio.wait_for(debug_panic(path), timeout=10)
    except Exception as e:
        check_internal_error(e)
    else:
        pytest.fail("no exception")
    assert len(await aclient.agents.list()) > 0


def test_panic_in_a_stream_is_cjhirashierror(client: Client) -> None:
    stream: Stream[Any] = Stream(debug_panic("stream"))
    with pytest.raises(Exception) as e:
        for _ in stream:
            pass
    check_internal_error(e.value)
    with pytest.raises(cj.CJHirashiError):
        debug_panic("stream").next_batch()
    assert client.conversations.send_message("conv_abc123", "hola").until_done()


async def test_panic_in_an_async_stream_is_cjhirashierror(aclient: AsyncClient) -> None:
    async def opener() -> Any:
        return debug_panic("stream")

    stream: AsyncStream[Any] = AsyncStream(opener)
    with pytest.raises(Exception) as e:
        async for _ in stream:
            pass
    check_internal_error(e.value)
    assert len(await aclient.agents.list()) > 0


def test_response_too_large_is_exported_everywhere() -> None:
    for package in (cj, agent_client):
        assert package.ResponseTooLargeError is cj._errors.ResponseTooLargeError
        assert "ResponseTooLargeError" in package.__all__
    assert issubclass(cj.ResponseTooLargeError, cj.DecodeError)
    assert issubclass(cj.InvalidArgumentError, ValueError)


def test_api_keys_that_cannot_be_sent_are_refused_when_the_client_is_made() -> None:
    for make in (Client, AsyncClient, AgentClient, AsyncAgentClient):
        for bad in ["a\r\nX-Evil: 1", "a\x00b"]:
            with pytest.raises(ValueError, match="API key") as e:
                make(api_key=bad, base_url="http://127.0.0.1:9/api")
            assert isinstance(e.value, cj.InvalidArgumentError) and bad not in str(e.value)
    # an empty key is no key (as in Node): the platform client needs one
    for make in (Client, AsyncClient):
        with pytest.raises(cj.InvalidArgumentError, match="api_key"):
            make(api_key="", base_url="http://127.0.0.1:9/api")


def test_login_needs_both_credentials(sandbox: Sandbox) -> None:
    for user, password in [(None, None), ("admin", None), ("", "x"), (sandbox.username, "")]:
        with pytest.raises(cj.InvalidArgumentError, match="username and a password"):
            AgentClient.login(sandbox.ops_url, user, password)  # type: ignore[arg-type]

    async def main() -> None:
        with pytest.raises(cj.InvalidArgumentError):
            await AsyncAgentClient.login(sandbox.ops_url, None, None)  # type: ignore[arg-type]

    asyncio.run(main())


def test_an_id_too_long_for_a_url_is_a_value_error_sent_nowhere(client: Client) -> None:
    with pytest.raises(ValueError, match="too long") as e:
        client.agents.get("a" * 70_000)
    assert len(str(e.value)) < 400


def test_an_answer_echoing_the_key_does_not_carry_it(tiny: Callable[..., TinyServer]) -> None:
    key = "hunter2-plain-secret"
    body = json.dumps(
        {
            "error": {
                "code": "UNAUTHORIZED",
                "message": f"invalid key Bearer x ({key})",
                "details": {"apiKey": "cj_live_SUPERSECRET123", "seen": f"got {key}"},
            }
        }
    ).encode()
    server = tiny(lambda _path: (401, {"Content-Type": "application/json"}, body))
    client = Client(api_key=key, base_url=server.url, max_retries=0)
    with pytest.raises(cj.AuthenticationError) as e:
        client.agents.list()
    shown = f"{e.value} {e.value!r} {e.value.details}"
    assert key not in shown and "SUPERSECRET" not in shown, shown
    assert "invalid key" in shown


def test_none_header_and_query_values_are_left_out_and_bytes_refused() -> None:
    server = TinyServer(
        lambda _p: (200, {"Content-Type": "application/json"}, b'{"data":{"agents":[]}}')
    )
    try:
        client = Client(api_key="cj_live_test", base_url=server.url, max_retries=0)
        client.agents.list(extra_headers={"X-Kept": "1", "X-None": None}, extra_query={"q": None})
        path, headers = server.requests[-1]
        assert headers.get("x-kept") == "1" and "x-none" not in headers, headers
        assert "q=" not in path, path
        with pytest.raises(TypeError, match="extra_headers"):
            client.agents.list(extra_headers={"X-Bytes": b"raw"})
    finally:
        server.close()


def test_webhook_payloads_must_be_bytes_or_str() -> None:
    for bad in [5, 10**10, None, ["a"]]:
        with pytest.raises(TypeError, match="payload"):
            cj.webhooks.sign(bad, "s")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="payload"):
            cj.webhooks.verify(bad, "00", "s")  # type: ignore[arg-type]
    assert cj.webhooks.sign(memoryview(b"x"), "s") == cj.webhooks.sign(b"x", "s")


def test_a_page_read_by_two_threads_fetches_its_next_page_once(sandbox: Sandbox) -> None:
    import concurrent.futures

    admin = Client(api_key=sandbox.admin_api_key, base_url=sandbox.platform_url)
    first = admin.users.list(limit=1)
    every = [u.id for u in admin.users.list(limit=1)]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda _: [u.id for u in first], range(2)))
    assert runs == [every, every]


async def test_a_page_read_by_two_tasks_fetches_its_next_page_once(sandbox: Sandbox) -> None:
    admin = AsyncClient(api_key=sandbox.admin_api_key, base_url=sandbox.platform_url)
    every = [c.id async for c in admin.conversations.list(limit=1)]
    first = await admin.conversations.list(limit=1)

    async def read() -> List[str]:
        return [c.id async for c in first]

    assert await asyncio.gather(read(), read()) == [every, every]
    pages = admin.conversations.list(limit=1)
    a, b = await asyncio.gather(pages, pages)
    assert a is b


def test_a_string_where_a_list_is_expected_is_refused(client: Client) -> None:
    # list("conversation.created") would register one event per character
    with pytest.raises(TypeError, match="expected a list"):
        client.webhooks.create(url="http://x", events="conversation.created", secret="s")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a list"):
        client.webhooks.create(url="http://x", events={"conversation.created": 1}, secret="s")  # type: ignore[arg-type]


def test_header_and_query_values_are_str_numbers_or_bools(client: Client) -> None:
    for bad in (object(), [1, 2], float("nan"), b"x"):
        with pytest.raises(TypeError):
            client.agents.list(extra_headers={"X-K": bad})
        with pytest.raises(TypeError):
            client.agents.list(extra_query={"k": bad})
    # numbers and bools are written as text (bools as Node writes them)
    raw = client.with_raw_response.agents.list(extra_query={"n": 5, "f": 1.5, "b": True})
    assert raw.status_code == 200


def test_framing_headers_are_refused(sandbox: Sandbox) -> None:
    # a caller's Content-Length on a GET made the server wait for a body (3 attempts x 60 s)
    with pytest.raises(ValueError):
        Client(api_key="k", base_url=sandbox.platform_url, default_headers={"Content-Length": "99"})
    c = Client(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    with pytest.raises(ValueError):
        c.agents.list(extra_headers={"Transfer-Encoding": "chunked"})


def test_a_value_that_changes_its_dict_while_converted() -> None:
    # a sandbox of its own: the preferences it stores would leak into other tests' user
    own = Sandbox()
    client = Client(api_key=own.api_key, base_url=own.platform_url)
    prefs: dict = {}

    class Grows:
        def to_dict(self) -> dict:
            prefs["added"] = 1  # the dict being converted changes size
            return {"x": 1}

    prefs["a"] = Grows()
    prefs["b"] = 2
    # converted over a snapshot: no internal error (it was a panic in pyo3)
    try:
        client.users.update_me(preferences=prefs)
    except cj.CJHirashiError as e:
        assert "internal error" not in str(e)
    finally:
        own.close()


def test_an_amount_is_sent_exactly_or_refused(client: Client) -> None:
    from decimal import Decimal

    # more significant digits than a JSON number carries: refused, not sent rounded
    for amount in (Decimal("12345678901234567.89"), "12345678901234567.89"):
        with pytest.raises(ValueError, match="significant digits"):
            client.finance.transactions.create(
                account_id="acc_001", amount=amount, description="x", type="EXPENSE"
            )
    tx = client.finance.transactions.create(
        account_id="acc_001", amount=Decimal("-350.55"), description="x", type="EXPENSE"
    )
    assert tx.amount == Decimal("-350.55")
