"""Ctrl-C during a blocking call or stream, fork safety, threads, keep-alive, logging."""

from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterator

import pytest

from cjhirashi_agents import Client
from cjhirashi_agents.testing import Sandbox

CHILD = textwrap.dedent(
    """
    import sys, time
    from cjhirashi_agents import Client
    c = Client(api_key=sys.argv[1], base_url=sys.argv[2])
    conv = c.conversations.create(agent_id="agt_personal_001")
    s = c.conversations.send_message(conv.id, "hola",
                                     extra_headers={"X-Sandbox-Fault": "stall_after=1"})
    print("streaming", flush=True)
    try:
        for tok in s:
            pass
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(42)
    """
)


def interrupt_child(code: str, ready: str, sandbox: Sandbox) -> None:
    """Runs ``code`` in a subprocess, sends SIGINT once it printed ``ready`` and checks that
    it raised ``KeyboardInterrupt`` (exit 42) while the call was still blocked: the stalled
    stream never ends and the slow call answers after 60 s, so an exit within the wait's 20 s
    can only come from the interrupt (no elapsed-time assertion: a loaded machine may take
    seconds to run the child at all)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", code, sandbox.api_key, sandbox.platform_url],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == ready
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    try:
        exit_code = proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert exit_code == 42 and "interrupted" in proc.stdout.read()


def test_ctrl_c_interrupts_a_stalled_stream(sandbox: Sandbox) -> None:
    interrupt_child(CHILD, "streaming", sandbox)


SLOW_CALL = textwrap.dedent(
    """
    import sys
    from cjhirashi_agents import Client
    c = Client(api_key=sys.argv[1], base_url=sys.argv[2])
    c.agents.list()
    print("calling", flush=True)
    try:
        c.agents.list(extra_headers={"X-Sandbox-Fault": "latency=60000"})
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(42)
    """
)


def test_ctrl_c_interrupts_a_blocking_call(sandbox: Sandbox) -> None:
    interrupt_child(SLOW_CALL, "calling", sandbox)


def test_one_sync_client_on_many_threads(sandbox: Sandbox) -> None:
    # blocking calls run on each thread's own runtime and connection pool
    client = Client(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    names = {a.id for a in client.agents.list()}

    def work(_: int) -> int:
        n = 0
        for _ in range(25):
            assert {a.id for a in client.agents.list()} == names
            n += 1
        return n

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert sum(pool.map(work, range(16))) == 16 * 25
    # the pool threads are gone; the calling thread's handle still works
    assert {a.id for a in client.agents.list()} == names
    tokens = client.conversations.create(agent_id="agt_personal_001").send_message("hola")
    assert "".join(tokens)


class ClosingServer:
    """Answers every GET with a keep-alive JSON response, then closes the connection soon
    after (as a server with a short keep-alive timeout does)."""

    def __init__(self) -> None:
        self.connections = 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                outer.connections += 1
                super().setup()

            def do_GET(self) -> None:  # noqa: N802
                body = b'{"data":{"agents":[]},"meta":{"requestId":"req_1"}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
                time.sleep(0.02)
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def closing_server() -> Iterator[ClosingServer]:
    s = ClosingServer()
    yield s
    s.server.shutdown()


def test_a_keep_alive_connection_closed_by_the_server_is_not_reused(
    closing_server: ClosingServer,
) -> None:
    client = Client(api_key="cj_live_x", base_url=closing_server.url, max_retries=0)
    for _ in range(3):
        raw = client.with_raw_response.agents.list()
        assert raw.status_code == 200 and raw.attempts == 1 and raw.parse() == []
        time.sleep(0.1)
    assert closing_server.connections == 3


def test_dropping_a_client_closes_its_connections() -> None:
    closed = threading.Event()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            body = b'{"data":{"agents":[]},"meta":{"requestId":"req_1"}}'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def finish(self) -> None:
            super().finish()
            closed.set()

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/api"
        client = Client(api_key="cj_live_x", base_url=url)
        assert client.agents.list() == []
        time.sleep(0.1)
        assert not closed.is_set()  # kept alive for the next call
        del client
        import gc

        gc.collect()
        assert closed.wait(2.0)
    finally:
        server.shutdown()


def test_a_blocking_client_does_not_import_asyncio() -> None:
    """Start-up: importing the package and making a blocking client leaves asyncio unimported
    (about 40 ms of a fresh interpreter's start-up) and starts no thread (Linux: the
    process's tasks)."""
    code = textwrap.dedent(
        """
        import os, sys
        import cjhirashi_agents, agent_client
        cjhirashi_agents.Client(api_key="k")
        agent_client.AgentClient(base_url="http://127.0.0.1:9", api_key="k")
        tasks = len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else 1
        print("asyncio" in sys.modules, tasks)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.split() == ["False", "1"], out.stdout + out.stderr


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_fork_child_gets_its_own_runtime(client: Client) -> None:
    assert client.agents.list()
    pid = os.fork()
    if pid == 0:  # child
        try:
            ok = bool(client.agents.list()) and bool(
                "".join(client.conversations.create(agent_id="agt_personal_001").send_message("x"))
            )
            os._exit(0 if ok else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert client.agents.list()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_stream_opened_before_fork_is_refused_in_the_child(client: Client) -> None:
    from cjhirashi_agents import APIConnectionError

    conv = client.conversations.create(agent_id="agt_personal_001")
    s = conv.send_message(
        "x", extra_headers={"X-Sandbox-Fault": "stall_after=2"}, stream_idle_timeout=30
    )
    next(s)
    pid = os.fork()
    if pid == 0:  # child: the parent's runtime reads the stream; waiting here never ended
        signal.alarm(10)
        try:
            for _ in s:
                pass
            os._exit(4)
        except APIConnectionError as e:
            os._exit(0 if "os.fork()" in str(e) else 3)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    s.close()


def test_logging_bridge(sandbox: Sandbox) -> None:
    code = textwrap.dedent(
        """
        import logging, sys
        logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(name)s %(message)s")
        from agent_client import AgentClient
        AgentClient.login(sys.argv[1], sys.argv[2], sys.argv[3]).metrics.get()
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code, sandbox.ops_url, sandbox.username, sandbox.password],
        capture_output=True,
        text=True,
        env={**os.environ, "CJHIRASHI_LOG": "debug"},
        timeout=30,
    )
    assert out.returncode == 0, out.stderr
    assert "cjhirashi_agents" in out.stdout and sandbox.password not in out.stdout


def test_agents_sandbox_command_serves_until_sigterm() -> None:
    # `agents-sandbox` is `python -m cjhirashi_agents.testing` (the wheel's console script)
    child = subprocess.Popen(
        [sys.executable, "-m", "cjhirashi_agents.testing", "--platform-port", "0"]
        + ["--ops-port", "0", "--json"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        import json

        facts = json.loads(child.stdout.readline())
        client = Client(api_key=facts["api_key"], base_url=facts["platform_url"])
        assert len(client.agents.list()) > 0
        from agent_client import AgentClient

        ops = AgentClient(api_key=facts["ops_api_key"], base_url=facts["ops_url"])
        assert len(ops.tools.list()) > 0
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=10) == 0
    finally:
        child.kill()
    bad = subprocess.run(
        [sys.executable, "-m", "cjhirashi_agents.testing", "--ops-port", "70000"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert bad.returncode == 2 and "ops_port must be from 0 to 65535" in bad.stderr


def test_sandbox_ports_are_checked_and_used() -> None:
    with pytest.raises(TypeError):
        Sandbox(platform_port="3000")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Sandbox(ops_port=-1)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Sandbox(platform_port=port) as sb:
        assert sb.platform_url == f"http://127.0.0.1:{port}/api"
        with pytest.raises(OSError):
            Sandbox(platform_port=port)
