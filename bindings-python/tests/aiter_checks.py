"""Checks of the native async iterator (``_native.batch_aiter``) without a server, written as a
plain script so that ``test_stream_aiter.py`` can run it under every CPython it finds: the
iterator hands items out through ``am_send`` on 3.10 and 3.11 and through a reused
``StopIteration`` on 3.9 and 3.12+, so each path needs its own interpreter.

    python tests/aiter_checks.py      (prints "ok <version>" or fails with a traceback)
"""

from __future__ import annotations

import asyncio
import builtins
import gc
import sys
import weakref
from typing import Any, List, Optional

from cjhirashi_agents._native import batch_aiter


class Source:
    """A refill over fixed batches (``None`` ends the stream; an exception is raised)."""

    def __init__(self, batches: List[Any]) -> None:
        self.batches = list(batches)
        self.calls = 0

    async def refill(self, iterator: Any) -> Any:
        self.calls += 1
        while True:
            await asyncio.sleep(0)  # a real suspension, as a network read has
            batch: Optional[Any] = self.batches.pop(0) if self.batches else None
            if batch is None:
                raise StopAsyncIteration
            if isinstance(batch, BaseException):
                raise batch
            if batch:
                return iterator.feed(batch)


async def collect(it: Any) -> List[Any]:
    return [x async for x in it]


async def checks() -> None:
    # items in order across batches; empty batches skipped; the end is repeatable
    src = Source([["a", "b"], [], ["c"], ["d", "e", "f"]])
    it = batch_aiter(src.refill)
    assert it.__aiter__() is it
    assert await collect(it) == ["a", "b", "c", "d", "e", "f"]
    assert src.calls == 4, src.calls  # one per batch and one for the end
    for _ in range(2):
        try:
            await it.__anext__()
        except StopAsyncIteration:
            pass
        else:
            raise AssertionError("expected StopAsyncIteration after the end")

    # awaitables are taken in the order they are awaited; a spent one is refused
    it = batch_aiter(Source([[1, 2, 3]]).refill)
    first = await it.__anext__()
    a, b = it.__anext__(), it.__anext__()
    assert (first, await b, await a) == (1, 2, 3)
    try:
        await a
    except RuntimeError as e:
        assert "awaited once" in str(e), e
    else:
        raise AssertionError("awaiting a spent awaitable must fail")

    # `break` and `async for` again: the iteration goes on where it stopped
    it = batch_aiter(Source([list(range(5)), list(range(5, 8))]).refill)
    seen = []
    async for x in it:
        seen.append(x)
        if x == 3:
            break
    seen += [x async for x in it]
    assert seen == list(range(8)), seen

    # errors of the refill reach the loop as they are; iterating again goes on
    it = batch_aiter(Source([["x"], ValueError("boom"), ["y"]]).refill)
    got = []
    try:
        async for x in it:
            got.append(x)
    except ValueError as e:
        assert str(e) == "boom"
    else:
        raise AssertionError("the refill's error must propagate")
    got += await collect(it)
    assert got == ["x", "y"], got

    # inside an `except` block (the reused StopIteration must not keep the handled error),
    # through asyncio tasks (which wrap a non-coroutine awaitable) and gather
    it = batch_aiter(Source([list(range(100))]).refill)
    try:
        raise KeyError("handled")
    except KeyError:
        inside = [await it.__anext__() for _ in range(10)]
        assert sys.exc_info()[0] is KeyError
    tasks = [asyncio.ensure_future(it.__anext__()) for _ in range(10)]
    via_tasks = [await t for t in tasks]
    rest = await collect(it)
    assert inside + via_tasks + rest == list(range(100))

    # the builtin anext() (3.10+), with and without a default, and asyncio.wait_for
    builtin_anext = getattr(builtins, "anext", None)  # 3.10+
    if builtin_anext is not None:
        it = batch_aiter(Source([["g", "h"]]).refill)
        assert await builtin_anext(it) == "g"
        assert await builtin_anext(it, "default") == "h"
        assert await builtin_anext(it, "default") == "default"
    it = batch_aiter(Source([["w"]]).refill)
    assert await asyncio.wait_for(it.__anext__(), 5) == "w"

    # the awaitable driven by hand: each item is StopIteration(item); an instance a caller
    # keeps is never reused (its value stays)
    it = batch_aiter(Source([["p", "q", ("a", "tuple")]]).refill)
    assert await it.__anext__() == "p"
    aw = it.__anext__().__await__()
    kept: List[StopIteration] = []
    for expected in ("q", ("a", "tuple")):
        try:
            next(aw)
        except StopIteration as e:
            kept.append(e)
            assert e.value == expected, (e.value, expected)
    assert [e.value for e in kept] == ["q", ("a", "tuple")]
    assert kept[0] is not kept[1]

    # discard() drops what was not handed out; the next items come from the refill
    it_: Any = batch_aiter(Source([["r", "s", "t"], ["u"]]).refill)
    assert await it_.__anext__() == "r"
    it_.discard()
    assert await collect(it_) == ["u"]

    # a batch emptied by someone else while it is handed out: an IndexError, not a crash
    shared = ["k", "l", "m"]

    async def refill_shared(iterator: Any) -> Any:
        return iterator.feed(shared)

    it = batch_aiter(refill_shared)
    assert await it.__anext__() == "k"
    shared.clear()
    try:
        await it.__anext__()
    except IndexError:
        pass
    else:
        raise AssertionError("a shrunk batch must raise IndexError")

    # argument checks
    for bad, exc in (("text", TypeError), ([], ValueError), (None, TypeError)):
        try:
            fresh: Any = batch_aiter(Source([]).refill)
            fresh.feed(bad)
        except exc:
            pass
        else:
            raise AssertionError(f"feed({bad!r}) must raise {exc.__name__}")
    try:
        batch_aiter(42)  # type: ignore[arg-type]
    except TypeError:
        pass
    else:
        raise AssertionError("batch_aiter(42) must raise TypeError")

    # the garbage collector sees through it: a holder whose refill is its own bound method
    # (holder -> iterator -> bound method -> holder) is collected
    class Holder:
        def __init__(self) -> None:
            self.src = Source([["z"] * 3])
            self.it = batch_aiter(self.refill)

        async def refill(self, iterator: Any) -> Any:
            return await self.src.refill(iterator)

    h = Holder()
    assert await h.it.__anext__() == "z"
    ref = weakref.ref(h)
    del h
    gc.collect()
    assert ref() is None, "the cycle through the iterator was not collected"


def main() -> None:
    asyncio.run(checks())
    print(f"ok {sys.version_info[0]}.{sys.version_info[1]}")


if __name__ == "__main__":
    main()
