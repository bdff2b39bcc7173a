"""The parity rules of the API reference on the wire against the sandbox: paginated first pages
with ``data`` / ``has_next_page()`` / ``get_next_page()`` / ``iter_pages()`` (sync and async),
async clients' ``aclose()``, raw responses of streams, and the ``User-Agent``."""

from __future__ import annotations

import pytest

from agent_client import AgentClient, AsyncAgentClient
from cjhirashi_agents import AsyncClient, CJHirashiError, Client


def test_sync_page_get_next_page_and_iter_pages(admin: Client) -> None:
    first = admin.users.list(limit=3)
    assert len(first.data) == 3
    assert first.has_next_page()
    second = first.get_next_page()
    assert second.get_next_page is not None
    assert {u.id for u in second.data}.isdisjoint({u.id for u in first.data})
    # remembered: asking again answers the same page without another request
    assert first.get_next_page() is second
    pages = list(first.iter_pages())
    assert pages[0] is first and pages[1] is second
    assert not pages[-1].has_next_page()
    with pytest.raises(CJHirashiError):
        pages[-1].get_next_page()
    total = first.page.pagination.total
    assert sum(len(p.data) for p in pages) == total
    # iterating twice reads every item both times
    assert len(list(first)) == total
    assert len(list(first)) == total


async def test_async_page_get_next_page_iter_pages_and_async_for(aadmin: AsyncClient) -> None:
    first = await aadmin.users.list(limit=3)
    assert len(first.data) == 3 and first.has_next_page()
    second = await first.get_next_page()
    assert {u.id for u in second.data}.isdisjoint({u.id for u in first.data})
    assert (await first.get_next_page()) is second
    pages = [p async for p in first.iter_pages()]
    assert pages[0] is first and pages[1] is second
    with pytest.raises(CJHirashiError):
        await pages[-1].get_next_page()
    total = first.page.pagination.total
    # the first page iterates every item of every page
    assert len([u async for u in first]) == total
    # a plain `for` over an async page is refused (it would see that page only); its items
    # are `data`
    with pytest.raises(TypeError):
        list(second)


async def test_async_clients_aclose(sandbox: object) -> None:
    from cjhirashi_agents.testing import Sandbox

    assert isinstance(sandbox, Sandbox)
    client = AsyncClient(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    async with client as c:
        assert await c.agents.list()
    await client.aclose()


def test_user_agent_names_python_and_the_interpreter() -> None:
    import http.server
    import platform
    import sys
    import threading

    import cjhirashi_agents

    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            seen.append(self.headers.get("User-Agent", ""))
            body = b'{"data": {"agents": []}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/api"
        with Client(api_key="k", base_url=url, max_retries=0) as c:
            assert c.agents.list() == []
    finally:
        server.shutdown()
        server.server_close()
    runtime = f"{platform.python_implementation()} {sys.version_info[0]}.{sys.version_info[1]}"
    version = cjhirashi_agents.__version__
    assert seen and seen[0].startswith(f"cjhirashi-agents-python/{version} {runtime} ("), seen


def test_raw_response_of_streams(client: Client, ops: AgentClient) -> None:
    conv = client.conversations.create(agent_id="agt_personal_001")
    raw = client.conversations.with_raw_response.send_message(conv.id, "hola")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("text/event-stream")
    assert raw.request_id
    assert raw.attempts == 1
    assert "".join(raw.parse())
    chat = ops.chat.with_raw_response.stream(message="Lista las instancias EC2")
    assert chat.status_code == 200
    events = list(chat.parse())
    assert type(events[-1]).__name__ == "DoneEvent"


async def test_raw_response_of_async_streams(aclient: AsyncClient, aops: AsyncAgentClient) -> None:
    conv = await aclient.conversations.create(agent_id="agt_personal_001")
    raw = await aclient.conversations.with_raw_response.send_message(conv.id, "hola")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("text/event-stream")
    tokens = [t async for t in raw.parse()]
    assert tokens
    chat = await aops.chat.with_raw_response.stream(message="Lista las instancias EC2")
    assert chat.status_code == 200
    events = [e async for e in chat.parse()]
    assert type(events[-1]).__name__ == "DoneEvent"


async def test_a_plain_for_over_an_async_page_is_refused(aadmin: AsyncClient) -> None:
    # it would see this page only, where the same loop over a blocking page sees every page
    first = await aadmin.users.list(limit=5)
    with pytest.raises(TypeError, match="async for"):
        for _ in first:
            pass
    assert len(first) == len(first.data) == 5 and first[0] is first.data[0]
