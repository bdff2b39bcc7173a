"""Closing clients: ``close()`` / ``aclose()`` / ``with`` / ``async with`` release the connection
pools at once, and everything started afterwards raises ``APIConnectionError`` ("the client is
closed"), the core's closed error, as in Node; what was started before finishes."""

from __future__ import annotations

import gc
import http.server
import threading
from typing import Any, Iterator

import pytest

from agent_client import AgentClient, AsyncAgentClient
from cjhirashi_agents import APIConnectionError, AsyncClient, Client
from cjhirashi_agents.testing import Sandbox

CLOSED = "the client is closed"


def test_a_call_stream_or_list_after_close_raises(sandbox: Sandbox) -> None:
    client = Client(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    assert client.users.me().id
    base_url = client.base_url
    conv = client.conversations.create(agent_id="agt_personal_001")
    client.close()
    with pytest.raises(APIConnectionError, match=CLOSED) as caught:
        client.users.me()
    assert str(caught.value) == f"connection error: {CLOSED}"
    with pytest.raises(APIConnectionError, match=CLOSED):
        client.with_raw_response.users.me()
    with pytest.raises(APIConnectionError, match=CLOSED):
        client.conversations.send_message(conv.id, "hola")
    with pytest.raises(APIConnectionError, match=CLOSED):
        conv.send_message("hola")
    with pytest.raises(APIConnectionError, match=CLOSED):
        client.conversations.list()
    with pytest.raises(APIConnectionError, match=CLOSED):
        client.with_options(timeout=5)
    # closing again is fine; the base URL is still known
    client.close()
    client.close()
    assert client.base_url == base_url
    assert "Client(base_url=" in repr(client)
    with pytest.raises(APIConnectionError, match=CLOSED):
        client.users.me()


def test_a_with_block_closes_and_other_clients_are_unaffected(sandbox: Sandbox) -> None:
    other = Client(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    with Client(api_key=sandbox.api_key, base_url=sandbox.platform_url) as client:
        assert client.users.me().id
    with pytest.raises(APIConnectionError, match=CLOSED):
        client.users.me()
    assert other.users.me().id
    # a new client with the same settings works
    assert Client(api_key=sandbox.api_key, base_url=sandbox.platform_url).users.me().id


def test_what_was_opened_before_close_finishes(sandbox: Sandbox) -> None:
    client = Client(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    conv = client.conversations.create(agent_id="agt_personal_001")
    stream = conv.send_message("hola")
    client.close()
    assert "".join(stream)
    with pytest.raises(APIConnectionError, match=CLOSED):
        conv.send_message("hola")


def test_a_client_closed_on_another_thread(sandbox: Sandbox) -> None:
    client = Client(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    errors: list[Exception] = []

    def call() -> None:
        try:
            client.users.me()
        except Exception as e:
            errors.append(e)

    t = threading.Thread(target=call)
    t.start()
    t.join()
    assert not errors
    client.close()
    t = threading.Thread(target=call)
    t.start()
    t.join()
    assert len(errors) == 1 and isinstance(errors[0], APIConnectionError)


async def test_async_calls_streams_and_lists_after_aclose_raise(sandbox: Sandbox) -> None:
    client = AsyncClient(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    conv = await client.conversations.create(agent_id="agt_personal_001")
    await client.aclose()
    with pytest.raises(APIConnectionError, match=CLOSED):
        await client.users.me()
    with pytest.raises(APIConnectionError, match=CLOSED):
        await client.with_raw_response.users.me()
    with pytest.raises(APIConnectionError, match=CLOSED):
        async for _ in conv.send_message("hola"):
            pass
    with pytest.raises(APIConnectionError, match=CLOSED):
        await client.conversations.list()
    with pytest.raises(APIConnectionError, match=CLOSED):
        async for _ in client.conversations.list():
            pass
    # closing again, in either form, is fine
    await client.aclose()
    client.close()


async def test_async_with_closes(sandbox: Sandbox) -> None:
    async with AsyncClient(api_key=sandbox.api_key, base_url=sandbox.platform_url) as client:
        assert (await client.users.me()).id
    with pytest.raises(APIConnectionError, match=CLOSED):
        await client.users.me()


def test_ops_clients_after_close_raise(sandbox: Sandbox) -> None:
    for client in (
        AgentClient(api_key=sandbox.ops_api_key, base_url=sandbox.ops_url),
        AgentClient.login(sandbox.ops_url, sandbox.username, sandbox.password),
    ):
        with client:
            assert client.metrics.get()
        with pytest.raises(APIConnectionError, match=CLOSED):
            client.metrics.get()
        with pytest.raises(APIConnectionError, match=CLOSED):
            client.chat.stream(conversation_id="conv_123", message="EC2")
        with pytest.raises(APIConnectionError, match=CLOSED):
            client.realtime.connect()
        with pytest.raises(APIConnectionError, match=CLOSED):
            client.with_options(timeout=5)
        client.close()


async def test_async_ops_clients_after_aclose_raise(sandbox: Sandbox) -> None:
    client = AsyncAgentClient(api_key=sandbox.ops_api_key, base_url=sandbox.ops_url)
    assert await client.metrics.get()
    await client.aclose()
    await client.aclose()
    with pytest.raises(APIConnectionError, match=CLOSED):
        await client.metrics.get()
    with pytest.raises(APIConnectionError, match=CLOSED):
        async for _ in client.chat.stream(conversation_id="conv_123", message="EC2"):
            pass
    with pytest.raises(APIConnectionError, match=CLOSED):
        async with client.realtime.connect():
            pass
    logged = await AsyncAgentClient.login(sandbox.ops_url, sandbox.username, sandbox.password)
    async with logged:
        assert await logged.metrics.get()
    with pytest.raises(APIConnectionError, match=CLOSED):
        await logged.metrics.get()


class KeepAliveServer:
    """Answers every GET keep-alive; ``closed`` is set when the server sees a connection end."""

    def __init__(self) -> None:
        self.closed = threading.Event()
        outer = self

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
                outer.closed.set()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def keep_alive_server() -> Iterator[KeepAliveServer]:
    s = KeepAliveServer()
    yield s
    s.server.shutdown()


def test_close_releases_the_connections_at_once(keep_alive_server: KeepAliveServer) -> None:
    gc.disable()  # the client stays referenced: only close() can release its connection
    try:
        client = Client(api_key="cj_live_x", base_url=keep_alive_server.url)
        assert client.agents.list() == []
        assert not keep_alive_server.closed.wait(0.2)  # kept alive for the next call
        client.close()
        assert keep_alive_server.closed.wait(20)
    finally:
        gc.enable()


async def test_aclose_releases_the_connections_at_once(
    keep_alive_server: KeepAliveServer,
) -> None:
    client = AsyncClient(api_key="cj_live_x", base_url=keep_alive_server.url)
    assert await client.agents.list() == []
    assert not keep_alive_server.closed.wait(0.2)
    await client.aclose()
    assert keep_alive_server.closed.wait(20)
