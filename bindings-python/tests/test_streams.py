"""Token streams: done fields, break/close, incomplete streams, batching."""

from __future__ import annotations

import pytest

from cjhirashi_agents import (
    AsyncClient,
    CJHirashiError,
    Client,
    IncompleteStreamError,
    MessageStream,
)


def _conv(client: Client) -> str:
    return client.conversations.create(agent_id="agt_personal_001").id


def test_tokens_and_done_fields(client: Client) -> None:
    s = client.conversations.send_message(_conv(client), "hola", extra_query={"tokens": "5000"})
    assert isinstance(s, MessageStream)
    n = 0
    for tok in s:
        assert isinstance(tok, str)
        n += 1
    assert n == 5000 and s.tokens_used is not None and s.message_id and s.timestamp
    assert len(s.text) > 0
    with pytest.raises(StopIteration):
        next(s)


def test_next_and_break_close(client: Client) -> None:
    s = client.conversations.send_message(_conv(client), "hola", extra_query={"tokens": "100000"})
    first = next(s)
    assert isinstance(first, str)
    for i, _ in enumerate(s):
        if i == 10:
            break
    # the break closed the stream: no done fields, and iterating again is an error rather
    # than a silent short answer
    assert s.message_id is None and s.text.startswith(first)
    with pytest.raises(CJHirashiError, match="closed before its end"):
        list(s)
    with pytest.raises(CJHirashiError, match="closed before its end"):
        s.until_done()
    with client.conversations.send_message(_conv(client), "hola") as s2:
        next(s2)
    s2.close()


def test_a_stream_has_one_iterator_at_a_time(client: Client) -> None:
    # peeking with a temporary iterator lets it go, which closes the stream: the loop after
    # it raises (it got nothing before, silently)
    s = client.conversations.send_message(_conv(client), "hola")
    assert isinstance(next(iter(s)), str)
    with pytest.raises(CJHirashiError, match="closed before its end"):
        for _ in s:
            pass
    # a second iterator while the first lives would strand the first one's batch
    s = client.conversations.send_message(_conv(client), "hola")
    it = iter(s)
    first = next(it)
    with pytest.raises(CJHirashiError, match="already being iterated"):
        iter(s)
    assert first + "".join(it) == s.text and s.message_id
    # a finished stream may be iterated again: it has nothing more
    assert list(s) == []
    # next(stream) reads in steps, and a loop carries on from there
    s = client.conversations.send_message(_conv(client), "hola")
    head = next(s)
    assert head + "".join(s) == s.text and s.message_id


def test_cut_after_is_incomplete(client: Client) -> None:
    s = client.conversations.send_message(
        _conv(client), "hola", extra_headers={"X-Sandbox-Fault": "cut_after=3"}
    )
    got = []
    with pytest.raises(IncompleteStreamError) as info:
        for t in s:
            got.append(t)
    assert len(got) == 3 and info.value.received == 3


async def test_async_stream(aclient: AsyncClient) -> None:
    conv = await aclient.conversations.create(agent_id="agt_personal_001")
    s = conv.send_message("hola", extra_query={"tokens": "2000"})
    n = 0
    async for tok in s:
        n += 1
        assert isinstance(tok, str)
    assert n == 2000 and s.tokens_used
    cut = conv.send_message("x", extra_headers={"X-Sandbox-Fault": "cut_after=2"})
    with pytest.raises(IncompleteStreamError):
        async for _ in cut:
            pass
    async with conv.send_message("x", extra_query={"tokens": "50000"}) as s3:
        async for _ in s3:
            break
    assert s3.message_id is None


def test_close_lets_a_reader_waiting_on_another_thread_go(client: Client) -> None:
    import threading
    import time

    s = client.conversations.send_message(
        _conv(client), "hola", extra_headers={"X-Sandbox-Fault": "stall_after=1"}
    )
    out = []
    reader = threading.Thread(target=lambda: out.append(s.until_done()))
    reader.start()
    time.sleep(0.3)  # the reader waits for a server that sends nothing more
    s.close()
    reader.join(20)
    assert not reader.is_alive(), "close() did not wake the waiting reader"
    assert out and isinstance(out[0], str)


async def test_aclose_lets_a_reader_waiting_in_another_task_go(aclient: AsyncClient) -> None:
    import asyncio

    conv = await aclient.conversations.create(agent_id="agt_personal_001")
    s = aclient.conversations.send_message(
        conv.id, "hola", extra_headers={"X-Sandbox-Fault": "stall_after=1"}
    )
    reader = asyncio.ensure_future(s.until_done())
    await asyncio.sleep(0.3)
    await s.aclose()
    text = await asyncio.wait_for(reader, 20)
    assert isinstance(text, str)


def test_a_calls_stream_idle_timeout_applies_to_its_stream(client: Client) -> None:
    import time

    from cjhirashi_agents import APITimeoutError

    s = client.conversations.send_message(
        _conv(client),
        "hola",
        extra_headers={"X-Sandbox-Fault": "stall_after=1"},
        stream_idle_timeout=0.3,
    )
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        s.until_done()
    assert time.monotonic() - started < 10
    with pytest.raises(ValueError, match="stream_idle_timeout"):
        client.agents.list(stream_idle_timeout=-1)
