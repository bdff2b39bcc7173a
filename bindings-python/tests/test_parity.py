"""The parity rules of API.md on the wire against the sandbox: paginated first pages with
``data`` / ``has_next_page()`` / ``get_next_page()`` / ``iter_pages()`` (sync and async), and
async clients' ``aclose()``."""

from __future__ import annotations

import pytest

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
    # `for` on one page is that page's items only
    assert len(list(second)) == len(second.data)


async def test_async_clients_aclose(sandbox: object) -> None:
    from cjhirashi_agents.testing import Sandbox

    assert isinstance(sandbox, Sandbox)
    client = AsyncClient(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    async with client as c:
        assert await c.agents.list()
    await client.aclose()
