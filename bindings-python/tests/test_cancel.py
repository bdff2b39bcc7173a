"""Cancelling an awaited call drops its Rust task at once, which closes its connection: the
call's future aborts the task from its ``cancel()`` (``asyncio`` cancels the future a task
waits on when the task is cancelled, by ``task.cancel()`` or ``asyncio.wait_for``)."""

from __future__ import annotations

import asyncio
import socket
import threading
from typing import Iterator

import pytest

from cjhirashi_agents import AsyncClient
from cjhirashi_agents.testing import Sandbox


class SilentServer:
    """Accepts connections, reads each request and never answers; ``closed`` is set when the
    client closes a connection it sent a request on."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/api"
        self.requested = threading.Event()
        self.closed = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._hold, args=(conn,), daemon=True).start()

    def _hold(self, conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            self.requested.set()
            while conn.recv(4096):
                pass
            self.closed.set()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    s = SilentServer()
    yield s
    s.listener.close()


async def test_cancelling_the_task_of_a_call_closes_its_connection(
    silent_server: SilentServer,
) -> None:
    client = AsyncClient(api_key="cj_live_x", base_url=silent_server.url, timeout=60)
    task = asyncio.ensure_future(client.agents.list())
    assert await asyncio.to_thread(silent_server.requested.wait, 20)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    # the answer would take 60 s: the connection closes because the call was aborted
    assert await asyncio.to_thread(silent_server.closed.wait, 15)


async def test_a_wait_for_timeout_closes_the_connection(silent_server: SilentServer) -> None:
    client = AsyncClient(api_key="cj_live_x", base_url=silent_server.url, timeout=60)
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(client.agents.list(), timeout=0.5)
    assert await asyncio.to_thread(silent_server.closed.wait, 15)


async def test_a_call_future_cancels_once_and_not_after_it_finished(sandbox: Sandbox) -> None:
    client = AsyncClient(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    native = client.agents._t.native
    fut = native.call_async("agents.list", {}, {})
    assert isinstance(fut, asyncio.Future)
    assert fut.cancel()
    assert fut.cancelled()
    assert not fut.cancel()
    done = native.call_async("agents.list", {}, {})
    value, _meta = await done
    assert value
    assert not done.cancel()
    assert not done.cancelled()
