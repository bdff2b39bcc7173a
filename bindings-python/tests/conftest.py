from __future__ import annotations

import http.server
import queue
import threading
from typing import Any, Iterator

import pytest

from agent_client import AgentClient, AsyncAgentClient
from cjhirashi_agents import AsyncClient, Client
from cjhirashi_agents.testing import Sandbox


@pytest.fixture(scope="session", autouse=True)
def _compare_direct_decoding() -> None:
    """Every answer the native module decodes straight from its JSON into Python objects is
    decoded typed too and compared: a difference raises ``RuntimeError`` in the test that
    made the call (``bindings-python/src/direct.rs``)."""
    from cjhirashi_agents import _native

    _native._check_direct_decode(True)


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    sb = Sandbox()
    yield sb
    sb.close()


@pytest.fixture
def client(sandbox: Sandbox) -> Client:
    return Client(api_key=sandbox.api_key, base_url=sandbox.platform_url)


@pytest.fixture
def admin(sandbox: Sandbox) -> Client:
    return Client(api_key=sandbox.admin_api_key, base_url=sandbox.platform_url)


@pytest.fixture
def aclient(sandbox: Sandbox) -> AsyncClient:
    return AsyncClient(api_key=sandbox.api_key, base_url=sandbox.platform_url)


@pytest.fixture
def aadmin(sandbox: Sandbox) -> AsyncClient:
    return AsyncClient(api_key=sandbox.admin_api_key, base_url=sandbox.platform_url)


@pytest.fixture
def ops(sandbox: Sandbox) -> AgentClient:
    return AgentClient(api_key=sandbox.ops_api_key, base_url=sandbox.ops_url)


@pytest.fixture
def aops(sandbox: Sandbox) -> AsyncAgentClient:
    return AsyncAgentClient(api_key=sandbox.ops_api_key, base_url=sandbox.ops_url)


class Receiver:
    """A tiny webhook receiver recording raw deliveries."""

    def __init__(self) -> None:
        self.deliveries: queue.Queue[tuple[bytes, dict[str, str]]] = queue.Queue()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                outer.deliveries.put((body, {k.lower(): v for k, v in self.headers.items()}))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def next(self, timeout: float = 5.0) -> tuple[bytes, dict[str, str]]:
        return self.deliveries.get(timeout=timeout)

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()
