"""Where a request's CPU goes, thread by thread (a script, not a test).

N ``agents.list()`` against a running platform-shaped server, sequentially with the blocking
client (``seq``) or 32 in flight with the async client (``conc``), then each thread's user and
system CPU per request, from ``/proc/self/task`` (Linux)::

    python bench/thread_cpu.py seq|conc [URL] [N]   (default http://127.0.0.1:8787/api 20000)

Run it pinned beside the server (``taskset -c 1``) as bench.py does (docs/performance.md).
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from typing import Dict, Tuple

from cjhirashi_agents import AsyncClient, Client


def threads() -> Dict[str, Tuple[str, int, int]]:
    out = {}
    for tid in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{tid}/stat") as f:
            stat = f.read()
        fields = stat[stat.rindex(")") + 2 :].split(" ")
        out[tid] = (stat[stat.index("(") + 1 : stat.rindex(")")], int(fields[11]), int(fields[12]))
    return out


def report(mode: str, before: Dict[str, Tuple[str, int, int]], n: int, seconds: float) -> None:
    after = threads()
    tick = 1e6 / os.sysconf("SC_CLK_TCK")
    print(f"{n} agents.list() ({mode}): {n / seconds:.0f} req/s")
    print("| thread | user µs/req | system µs/req |\n|---|---:|---:|")
    for tid, (name, user, system) in after.items():
        _, user0, system0 = before.get(tid, (name, 0, 0))
        u, s = (user - user0) * tick / n, (system - system0) * tick / n
        if u + s >= 0.5:
            print(f"| {name} | {u:.1f} | {s:.1f} |")


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "seq"
    url = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8787/api"
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 20_000
    if mode == "seq":
        client = Client(api_key="bench", base_url=url)
        client.agents.list()
        before = threads()
        t0 = time.perf_counter()
        for _ in range(n):
            client.agents.list()
        report(mode, before, n, time.perf_counter() - t0)
        return

    async def run() -> None:
        client = AsyncClient(api_key="bench", base_url=url)
        await client.agents.list()
        remaining = n

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                await client.agents.list()

        before = threads()
        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(32)))
        report(mode, before, n, time.perf_counter() - t0)

    asyncio.run(run())


if __name__ == "__main__":
    main()
