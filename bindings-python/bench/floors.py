"""What CPython itself costs for the two protocols the async goals go through (a script, not a
test): no SDK and no network, so the figures are the floor any binding pays on this machine.

    python bench/floors.py [N]     (default 1,000,000 items / 100,000 requests)

- per item handed out: a sync ``for`` over ``itertools.chain`` of lists (how the blocking
  stream hands out a batch), an ``async for`` over an async generator (how the async stream
  did until 2026-12-07), an ``async for`` over a class whose ``__anext__`` is a coroutine, and
  an ``async for`` over the SDK's native iterator (``_native.batch_aiter``, how the async
  stream hands out a batch now; its refill awaits nothing, so this is its own cost);
- per request with 32 in flight: awaiting an asyncio future completed by a loop callback (the
  least an awaitable call costs, before any work).

Run it pinned as the benchmarks are (``taskset -c 1``); docs/performance.md explains how the
figures bound the ratios of issue 18.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
import time
from typing import Any, AsyncIterator, Callable, Iterator, List


def best(run: Callable[[], float], rounds: int = 5) -> float:
    return min(run() for _ in range(rounds))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    batches: List[List[str]] = [[str(i) for i in range(1000)]] * (n // 1000)
    total = len(batches) * 1000

    def sync_for() -> float:
        t0 = time.perf_counter()
        count = 0
        for _ in itertools.chain.from_iterable(batches):
            count += 1
        assert count == total
        return (time.perf_counter() - t0) / total * 1e9

    async def gen() -> AsyncIterator[str]:
        for batch in batches:
            for item in batch:
                yield item

    class Anext:
        def __init__(self) -> None:
            self.it: Iterator[str] = itertools.chain.from_iterable(batches)

        def __aiter__(self) -> Anext:
            return self

        async def __anext__(self) -> str:
            try:
                return next(self.it)
            except StopIteration:
                raise StopAsyncIteration from None

    def native() -> Any:
        from cjhirashi_agents._native import batch_aiter

        pending = iter(batches)

        async def refill(iterator: Any) -> Any:
            for batch in pending:
                return iterator.feed(batch)
            raise StopAsyncIteration

        return batch_aiter(refill)

    async def async_for(make: Callable[[], Any]) -> float:
        t0 = time.perf_counter()
        count = 0
        async for _ in make():
            count += 1
        assert count == total
        return (time.perf_counter() - t0) / total * 1e9

    async def round_trips(requests: int) -> float:
        loop = asyncio.get_running_loop()
        remaining = requests

        def call() -> asyncio.Future[int]:
            fut: asyncio.Future[int] = loop.create_future()
            loop.call_soon(fut.set_result, 1)
            return fut

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                await call()

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(32)))
        return (time.perf_counter() - t0) / requests * 1e6

    async def run_async() -> None:
        agen = min([await async_for(gen) for _ in range(5)])
        cls = min([await async_for(Anext) for _ in range(5)])
        nat = min([await async_for(native) for _ in range(5)])
        rt = min([await round_trips(max(n // 10, 1)) for _ in range(5)])
        sync = best(sync_for)
        print(f"CPython {sys.version.split()[0]}")
        print("| protocol | cost |\n|---|---:|")
        print(f"| sync for over itertools.chain, per item | {sync:.0f} ns |")
        print(f"| async for over an async generator, per item | {agen:.0f} ns |")
        print(f"| async for over a coroutine __anext__, per item | {cls:.0f} ns |")
        print(f"| async for over the SDK's native iterator, per item | {nat:.0f} ns |")
        print(f"| await of a future set by a loop callback, 32 in flight | {rt:.2f} us |")
        print(f"async for costs {agen - sync:.0f} ns per item more than a sync for")
        print(f"the native iterator costs {nat - sync:.0f} ns per item more than a sync for")

    asyncio.run(run_async())


if __name__ == "__main__":
    main()
