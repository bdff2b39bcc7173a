"""The native async iterator of async streams (``_native.batch_aiter``): its protocol under this
interpreter and under every other CPython >= 3.9 found here (``am_send`` on 3.10/3.11, a
reused ``StopIteration`` elsewhere), and what a stream built on it keeps: no reference cycle,
``anext`` and ``async for`` sharing one position, cancellation mid-stream."""

from __future__ import annotations

import asyncio
import gc
import glob
import os
import subprocess
import sys
import weakref
from pathlib import Path
from typing import Dict, List

import pytest

import cjhirashi_agents
from cjhirashi_agents import AsyncClient

from . import aiter_checks

CHECKS = Path(aiter_checks.__file__)


async def test_protocol_under_this_interpreter() -> None:
    await aiter_checks.checks()


def _other_interpreters() -> Dict[str, str]:
    """``{"3.12": path}`` for each other CPython 3.9+ on PATH or under pyenv."""
    candidates: List[str] = [f"python3.{minor}" for minor in range(9, 16)]
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    candidates += sorted(glob.glob(os.path.join(root, "versions", "3.*", "bin", "python3")))
    found: Dict[str, str] = {}
    mine = f"{sys.version_info[0]}.{sys.version_info[1]}"
    for exe in candidates:
        try:
            out = subprocess.run(
                [exe, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                capture_output=True,
                text=True,
                timeout=20,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        version = out.stdout.strip()
        if out.returncode != 0 or not version.startswith("3."):
            continue
        if int(version.split(".")[1]) >= 9 and version != mine and version not in found:
            found[version] = exe
    return found


def test_protocol_under_other_interpreters() -> None:
    others = _other_interpreters()
    if not others:
        pytest.skip("no other CPython 3.9+ on this machine (the check above covers this one)")
    # the wheel is abi3: the installed package imports under any CPython 3.9+
    site = str(Path(cjhirashi_agents.__file__).parent.parent)
    env = dict(os.environ, PYTHONPATH=site, PYTHONNOUSERSITE="1")
    results = []
    for version, exe in sorted(others.items()):
        out = subprocess.run(
            [exe, str(CHECKS)], capture_output=True, text=True, timeout=120, env=env
        )
        assert out.returncode == 0, f"{version} ({exe}):\n{out.stdout}\n{out.stderr}"
        results.append(out.stdout.strip())
    assert all(r.startswith("ok ") for r in results), results


async def _conv(aclient: AsyncClient) -> str:
    return (await aclient.conversations.create(agent_id="agt_personal_001")).id


async def test_a_dropped_stream_is_freed_without_the_collector(aclient: AsyncClient) -> None:
    conv = await _conv(aclient)
    gc.disable()
    try:
        stream = aclient.conversations.send_message(conv, "hola", extra_query={"tokens": "50000"})
        ref = weakref.ref(stream)
        async for _ in stream:
            break
        del stream
        assert ref() is None, "the stream is only freed by the garbage collector (a cycle)"
    finally:
        gc.enable()


async def test_anext_and_async_for_share_one_position(aclient: AsyncClient) -> None:
    conv = await _conv(aclient)
    n = 40_000  # several batches
    stream = aclient.conversations.send_message(conv, "hola", extra_query={"tokens": str(n)})
    first = [await stream.__anext__() for _ in range(3)]
    rest = [tok async for tok in stream]
    assert len(first) + len(rest) == n
    assert "".join(first + rest) == stream.text
    assert stream.message_id
    with pytest.raises(StopAsyncIteration):
        await stream.__anext__()


async def test_cancelled_mid_stream_then_closed(aclient: AsyncClient) -> None:
    conv = await _conv(aclient)
    stream = aclient.conversations.send_message(conv, "hola", extra_query={"tokens": "100000"})
    got = 0

    async def read() -> None:
        nonlocal got
        async for _ in stream:
            got += 1
            if got % 1000 == 0:
                await asyncio.sleep(0)

    task = asyncio.ensure_future(read())
    while got < 2000:
        await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    stream.close()
    assert [tok async for tok in stream] == []
