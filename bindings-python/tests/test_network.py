"""``proxy=`` and ``ca_bundle=`` on the wire: a local HTTP proxy (raw sockets: records each
connection's request head, forwards absolute-form requests, tunnels ``CONNECT``) and a TLS
front (``ssl`` with the committed test CA of ``tests/fixtures/tls``) before the sandbox."""

from __future__ import annotations

import os
import pathlib
import socket
import ssl
import subprocess
import sys
import threading
from typing import Iterator, List, Optional, Tuple
from urllib.parse import urlsplit

import pytest

from agent_client import AgentClient, AsyncAgentClient
from cjhirashi_agents import APIConnectionError, AsyncClient, Client, InvalidArgumentError
from cjhirashi_agents.testing import Sandbox

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "tls"


def _pipe(a: socket.socket, b: socket.socket) -> None:
    def one_way(src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    threading.Thread(target=one_way, args=(a, b), daemon=True).start()
    threading.Thread(target=one_way, args=(b, a), daemon=True).start()


def _addr(url: str) -> Tuple[str, int]:
    parts = urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    return parts.hostname, parts.port


class Proxy:
    """A tiny HTTP proxy on 127.0.0.1."""

    def __init__(self) -> None:
        self.heads: List[str] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._server.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            byte = conn.recv(1)
            if not byte:
                conn.close()
                return
            head += byte
        text = head.decode("latin-1")
        self.heads.append(text)
        method, target, _ = text.split("\r\n", 1)[0].split(" ", 2)
        if method == "CONNECT":
            host, port = target.rsplit(":", 1)
            up = socket.create_connection((host, int(port)))
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        else:
            up = socket.create_connection(_addr(target))
            up.sendall(head)
        _pipe(conn, up)

    def lines(self) -> List[str]:
        return [h.split("\r\n", 1)[0] for h in self.heads]

    def close(self) -> None:
        self._server.close()


class TlsFront:
    """TLS on 127.0.0.1 with the fixture certificate, forwarding to ``backend``."""

    def __init__(self, backend: Tuple[str, int]) -> None:
        self._backend = backend
        self._ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._ctx.load_cert_chain(FIXTURES / "server.pem", FIXTURES / "server-key.pem")
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            tls = self._ctx.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError):
            conn.close()
            return
        _pipe(tls, socket.create_connection(self._backend))

    def close(self) -> None:
        self._server.close()


@pytest.fixture
def proxy() -> Iterator[Proxy]:
    p = Proxy()
    yield p
    p.close()


def _chat(client: AgentClient) -> None:
    with client.realtime.connect() as session:
        session.send_chat(None, "Lista las instancias EC2")
        assert list(session)[-1].type == "done"


def test_calls_and_the_websocket_go_through_the_proxy(sandbox: Sandbox, proxy: Proxy) -> None:
    platform = "{}:{}".format(*_addr(sandbox.platform_url))
    ops = "{}:{}".format(*_addr(sandbox.ops_url))
    client = Client(api_key=sandbox.api_key, base_url=sandbox.platform_url, proxy=proxy.url)
    client.agents.list()
    assert any(line.startswith(f"GET http://{platform}/api/agents") for line in proxy.lines())

    # login, with_options and the WebSocket keep the proxy
    agent = AgentClient.login(sandbox.ops_url, sandbox.username, sandbox.password, proxy=proxy.url)
    assert any(line.startswith(f"POST http://{ops}/api/auth/login") for line in proxy.lines()), (
        proxy.lines()
    )
    # the derived client opens its own connection to the proxy (the proxy records the first
    # request of each connection: here the derived client's own login)
    seen = len(proxy.lines())
    agent.with_options(timeout=30).metrics.get()
    assert len(proxy.lines()) == seen + 1, proxy.lines()
    assert proxy.lines()[-1].startswith(f"POST http://{ops}/api/auth/login")
    _chat(agent)
    assert f"CONNECT {ops} HTTP/1.1" in proxy.lines()


async def test_async_clients_take_the_proxy(sandbox: Sandbox, proxy: Proxy) -> None:
    platform = "{}:{}".format(*_addr(sandbox.platform_url))
    ops = "{}:{}".format(*_addr(sandbox.ops_url))
    client = AsyncClient(api_key=sandbox.api_key, base_url=sandbox.platform_url, proxy=proxy.url)
    await client.users.me()
    assert any(line.startswith(f"GET http://{platform}/api/") for line in proxy.lines())
    agent = await AsyncAgentClient.login(
        sandbox.ops_url, sandbox.username, sandbox.password, proxy=proxy.url
    )
    async with agent.realtime.connect() as session:
        await session.send_chat(None, "hola")
        assert [e.type async for e in session][-1] == "done"
    assert f"CONNECT {ops} HTTP/1.1" in proxy.lines()


def test_a_dead_proxy_fails_the_call(sandbox: Sandbox) -> None:
    with socket.create_server(("127.0.0.1", 0)) as s:
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    client = Client(
        api_key=sandbox.api_key, base_url=sandbox.platform_url, proxy=dead, max_retries=0
    )
    with pytest.raises(APIConnectionError):
        client.agents.list()
    agent = AgentClient(api_key=sandbox.ops_api_key, base_url=sandbox.ops_url, proxy=dead)
    with pytest.raises(APIConnectionError):
        with agent.realtime.connect():
            pass


def test_the_proxy_environment_variables_are_honoured(sandbox: Sandbox, proxy: Proxy) -> None:
    """HTTP_PROXY in the environment (no ``proxy=``) routes the calls, in a child process."""
    code = (
        "import sys\n"
        "from cjhirashi_agents import Client\n"
        "Client(api_key=sys.argv[1], base_url=sys.argv[2], max_retries=0).agents.list()\n"
    )
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["HTTP_PROXY"] = proxy.url
    subprocess.run(
        [sys.executable, "-c", code, sandbox.api_key, sandbox.platform_url],
        env=env,
        check=True,
        timeout=60,
    )
    platform = "{}:{}".format(*_addr(sandbox.platform_url))
    assert any(line.startswith(f"GET http://{platform}/api/agents") for line in proxy.lines())


def test_https_needs_the_ca_bundle(sandbox: Sandbox, proxy: Proxy) -> None:
    platform = TlsFront(_addr(sandbox.platform_url))
    ops = TlsFront(_addr(sandbox.ops_url))
    try:
        base = f"https://localhost:{platform.port}/api"
        with pytest.raises(APIConnectionError, match="certificate"):
            Client(api_key=sandbox.api_key, base_url=base, max_retries=0).agents.list()
        ca = FIXTURES / "ca.pem"
        Client(api_key=sandbox.api_key, base_url=base, ca_bundle=ca).agents.list()
        Client(api_key=sandbox.api_key, base_url=base, ca_bundle=str(ca)).with_options(
            timeout=30
        ).agents.list()

        ops_url = f"https://127.0.0.1:{ops.port}"
        untrusted = AgentClient(api_key=sandbox.ops_api_key, base_url=ops_url)
        with pytest.raises(APIConnectionError, match="certificate"):
            with untrusted.realtime.connect():
                pass
        agent = AgentClient(api_key=sandbox.ops_api_key, base_url=ops_url, ca_bundle=ca)
        agent.metrics.get()
        _chat(agent)
        # TLS inside the proxy's tunnel
        tunnelled = agent.with_options(proxy=proxy.url)
        _chat(tunnelled)
        assert f"CONNECT 127.0.0.1:{ops.port} HTTP/1.1" in proxy.lines()
    finally:
        platform.close()
        ops.close()


@pytest.mark.parametrize("bad", ["localhost:3128", "socks5://127.0.0.1:1080", "http://", "::"])
def test_a_bad_proxy_url_is_refused_at_construction(bad: str) -> None:
    with pytest.raises(ValueError, match="proxy"):
        Client(api_key="k", proxy=bad)
    with pytest.raises(InvalidArgumentError):
        AgentClient(api_key="k", proxy=bad)


def test_bad_ca_bundles_are_refused_at_construction(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ValueError, match="could not read"):
        Client(api_key="k", ca_bundle=tmp_path / "missing.pem")
    not_pem = tmp_path / "not.pem"
    not_pem.write_text("just some text\n")
    with pytest.raises(ValueError, match="no PEM certificate"):
        AgentClient(api_key="k", ca_bundle=not_pem)
    with pytest.raises(ValueError, match="no PEM certificate"):
        Client(api_key="k").with_options(ca_bundle=str(not_pem))


def test_wrong_types_are_type_errors() -> None:
    bad: Optional[object] = 3128
    with pytest.raises(TypeError, match="proxy"):
        Client(api_key="k", proxy=bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="ca_bundle"):
        AgentClient(api_key="k", ca_bundle=bad)  # type: ignore[arg-type]
