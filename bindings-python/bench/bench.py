"""Benchmark of the Python SDK against the usual hand-written clients (a script, not a test).

Starts one embedded sandbox, then runs every client in its own subprocess (peak RSS: the
child's ``VmHWM``) and prints a table with ratios:

- streaming N tokens (``?tokens=N`` hook of the platform stream endpoint; the SDK passes it
  with ``extra_query``): SDK sync and async vs httpx + httpx-sse (sync and async) and requests;
- M small GETs of ``/api/agents``: SDK sequential vs httpx ``Client``; SDK async with 32 in
  flight vs httpx ``AsyncClient`` and aiohttp with 32 in flight.

Every client decodes every event / body as JSON and checks the count.

``--cpu N`` (default 1) pins the sandbox and every client to CPU N, as the shared baseline
harness (``../shared/bench/run.sh``) does with ``taskset -c 1`` for its server and clients, so the
figures compare with its published ones; ``--cpu none`` lets the scheduler place them (on a
small VM the cross-CPU wake-ups then dominate every small request and the ratios shrink).

``--rust-floor PATH`` also runs the Rust example ``small_rate`` (``cargo build --release -p
agents-sdk --example small_rate``) against the same sandbox: the Rust SDK and a bare reqwest
GET + JSON decode, sequentially, with no Python at all. That row is the floor any Python client
of this server and machine has above it. ``--rust-stream-floor PATH`` does the same for the
stream with the example ``stream_rate`` (the Rust SDK's event stream, token by token).

    python bench/bench.py [--tokens 100000] [--requests 20000] [--runs 1] [--cpu 1|none]
        [--suites stream,small] [--rust-floor PATH] [--rust-stream-floor PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List

STREAM_CLIENTS = ["sdk_sync", "sdk_async", "httpx_sse_sync", "httpx_sse_async", "requests"]
SMALL_CLIENTS = ["sdk_seq", "httpx_seq", "sdk_async32", "httpx_async32", "aiohttp32"]


def _stream_url(cfg: Dict[str, Any]) -> str:
    return f"{cfg['base']}/conversations/{cfg['conv']}/messages?tokens={cfg['n']}"


def _check_tokens(count: int, cfg: Dict[str, Any]) -> None:
    if count != cfg["n"]:
        raise SystemExit(f"expected {cfg['n']} tokens, got {count}")


def run_client(name: str, cfg: Dict[str, Any]) -> float:
    """Runs one client in this process; answers its rate (tokens/s or requests/s)."""
    headers = {"Authorization": f"Bearer {cfg['key']}"}
    n = cfg["n"]
    if name == "sdk_sync":
        from cjhirashi_agents import Client

        client = Client(api_key=cfg["key"], base_url=cfg["base"])
        t0 = time.perf_counter()
        stream = client.conversations.send_message(
            cfg["conv"], "bench", extra_query={"tokens": str(n)}
        )
        count = 0
        for _ in stream:
            count += 1
        dt = time.perf_counter() - t0
        _check_tokens(count, cfg)
        assert stream.message_id
        return n / dt
    if name == "sdk_async":
        from cjhirashi_agents import AsyncClient

        async def sdk_async() -> float:
            client = AsyncClient(api_key=cfg["key"], base_url=cfg["base"])
            t0 = time.perf_counter()
            stream = client.conversations.send_message(
                cfg["conv"], "bench", extra_query={"tokens": str(n)}
            )
            count = 0
            async for _ in stream:
                count += 1
            dt = time.perf_counter() - t0
            _check_tokens(count, cfg)
            assert stream.message_id
            return n / dt

        return asyncio.run(sdk_async())
    if name == "httpx_sse_sync":
        import httpx
        from httpx_sse import connect_sse

        with httpx.Client(timeout=None, headers=headers) as hc:
            t0 = time.perf_counter()
            count = 0
            done = None
            with connect_sse(hc, "POST", _stream_url(cfg), json={"content": "bench"}) as es:
                es.response.raise_for_status()
                for sse in es.iter_sse():
                    data = json.loads(sse.data)
                    if sse.event == "token":
                        count += 1
                    elif sse.event == "done":
                        done = data
            dt = time.perf_counter() - t0
        _check_tokens(count, cfg)
        assert done
        return n / dt
    if name == "httpx_sse_async":
        import httpx
        from httpx_sse import aconnect_sse

        async def hx_async() -> float:
            async with httpx.AsyncClient(timeout=None, headers=headers) as hc:
                t0 = time.perf_counter()
                count = 0
                async with aconnect_sse(
                    hc, "POST", _stream_url(cfg), json={"content": "bench"}
                ) as es:
                    es.response.raise_for_status()
                    async for sse in es.aiter_sse():
                        json.loads(sse.data)
                        if sse.event == "token":
                            count += 1
                dt = time.perf_counter() - t0
            _check_tokens(count, cfg)
            return n / dt

        return asyncio.run(hx_async())
    if name == "requests":
        import requests

        with requests.Session() as s:
            t0 = time.perf_counter()
            r = s.post(_stream_url(cfg), json={"content": "bench"}, headers=headers, stream=True)
            r.raise_for_status()
            count = 0
            event = ""
            for line in r.iter_lines(decode_unicode=True):
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    json.loads(line[5:])
                    if event == "token":
                        count += 1
            dt = time.perf_counter() - t0
        _check_tokens(count, cfg)
        return n / dt
    # ---- small requests
    url = f"{cfg['base']}/agents"
    if name == "sdk_seq":
        from cjhirashi_agents import Client

        client = Client(api_key=cfg["key"], base_url=cfg["base"])
        t0 = time.perf_counter()
        for _ in range(n):
            assert client.agents.list()
        return n / (time.perf_counter() - t0)
    if name == "httpx_seq":
        import httpx

        with httpx.Client(headers=headers) as hc:
            t0 = time.perf_counter()
            for _ in range(n):
                r = hc.get(url)
                assert r.status_code == 200 and r.json()["data"]
            return n / (time.perf_counter() - t0)

    async def pool(one: Callable[[], Any]) -> float:
        remaining = n

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                await one()

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(32)))
        return n / (time.perf_counter() - t0)

    if name == "sdk_async32":
        from cjhirashi_agents import AsyncClient

        async def sdk32() -> float:
            client = AsyncClient(api_key=cfg["key"], base_url=cfg["base"])

            async def one() -> None:
                assert await client.agents.list()

            return await pool(one)

        return asyncio.run(sdk32())
    if name == "httpx_async32":
        import httpx

        async def hx32() -> float:
            async with httpx.AsyncClient(headers=headers) as hc:

                async def one() -> None:
                    r = await hc.get(url)
                    assert r.status_code == 200 and r.json()["data"]

                return await pool(one)

        return asyncio.run(hx32())
    if name == "aiohttp32":
        import aiohttp

        async def aio32() -> float:
            async with aiohttp.ClientSession(headers=headers) as session:

                async def one() -> None:
                    async with session.get(url) as r:
                        assert r.status == 200 and (await r.json())["data"]

                return await pool(one)

        return asyncio.run(aio32())
    raise SystemExit(f"unknown client {name}")


def _peak_rss_kb() -> int:
    """VmHWM of this process: unlike ru_maxrss it does not carry the parent's peak over exec."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(name: str, cfg: Dict[str, Any]) -> Dict[str, float]:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", name, "--cfg", json.dumps(cfg)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    if proc.wait() != 0:
        raise SystemExit(f"{name} failed")
    rate, rss_kb = out.strip().splitlines()[-1].split()
    return {"rate": float(rate), "rss_mb": int(rss_kb) / 1024}


def measure_rust_floor(path: str, cfg: Dict[str, Any]) -> Dict[str, Dict[str, float]]:
    """Runs the Rust ``small_rate`` example; answers ``{client: {rate, rss_mb}}``."""
    out = subprocess.run(
        [path, cfg["base"], cfg["key"], str(cfg["n"])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows: Dict[str, Dict[str, float]] = {}
    for line in out.splitlines():
        if line.startswith("RESULT "):
            r = json.loads(line[len("RESULT ") :])
            rows[f"rust_{r['client']}_seq"] = {"rate": float(r["rate"]), "rss_mb": 0.0}
    return rows


def measure_rust_stream_floor(path: str, cfg: Dict[str, Any]) -> Dict[str, float]:
    """Runs the Rust ``stream_rate`` example; answers ``{rate, rss_mb}``."""
    out = subprocess.run(
        [path, "--sandbox", cfg["base"], str(cfg["n"])],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CJHIRASHI_API_KEY": cfg["key"]},
    ).stdout
    for line in out.splitlines():
        if line.startswith("RESULT "):
            return {"rate": float(json.loads(line[len("RESULT ") :])["rate"]), "rss_mb": 0.0}
    raise SystemExit("stream_rate printed no result")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tokens", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--rust-floor", help="path of the built small_rate example")
    ap.add_argument("--rust-stream-floor", help="path of the built stream_rate example")
    ap.add_argument("--cpu", default="1", help="CPU to pin the sandbox and clients on, or none")
    ap.add_argument("--suites", default="stream,small", help="stream, small or both")
    ap.add_argument("--child")
    ap.add_argument("--cfg")
    args = ap.parse_args()
    if args.cpu != "none" and not args.child:
        # inherited by the sandbox's threads (started below) and by every child process
        os.sched_setaffinity(0, {int(args.cpu)})
    if args.child:
        rate = run_client(args.child, json.loads(args.cfg))
        print(rate, _peak_rss_kb())
        return

    from cjhirashi_agents import Client
    from cjhirashi_agents.testing import Sandbox

    with Sandbox() as sb:
        conv = Client(api_key=sb.api_key, base_url=sb.platform_url).conversations.create(
            agent_id="agt_personal_001"
        )
        base = {"base": sb.platform_url, "key": sb.api_key, "conv": conv.id}
        results: Dict[str, List[Dict[str, float]]] = {}
        suites = set(args.suites.split(","))
        for _ in range(args.runs):
            for name in STREAM_CLIENTS if "stream" in suites else []:
                results.setdefault(name, []).append(measure(name, {**base, "n": args.tokens}))
            if args.rust_stream_floor and "stream" in suites:
                row = measure_rust_stream_floor(args.rust_stream_floor, {**base, "n": args.tokens})
                results.setdefault("rust_agents_sdk_stream", []).append(row)
            for name in SMALL_CLIENTS if "small" in suites else []:
                results.setdefault(name, []).append(measure(name, {**base, "n": args.requests}))
            if args.rust_floor and "small" in suites:
                floor = measure_rust_floor(args.rust_floor, {**base, "n": args.requests})
                for name, row in floor.items():
                    results.setdefault(name, []).append(row)

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    pinned = "unpinned" if args.cpu == "none" else f"sandbox and clients on CPU {args.cpu}"
    print(f"\n{pinned}")
    if "stream" in suites:
        print(f"\nstreaming {args.tokens:,} tokens (median of {args.runs})")
        print(
            "| client | tokens/s | vs httpx-sse sync | vs httpx-sse, same mode | peak RSS MB |"
            "\n|---|---:|---:|---:|---:|"
        )
        ref = med("httpx_sse_sync", "rate")
        same_mode = {"sdk_sync": "httpx_sse_sync", "sdk_async": "httpx_sse_async"}
        stream_rows = STREAM_CLIENTS + sorted(k for k in results if k.endswith("_stream"))
        for name in stream_rows:
            r = med(name, "rate")
            pair = same_mode.get(name)
            same = f"{r / med(pair, 'rate'):.1f}x" if pair else "-"
            rss = med(name, "rss_mb")
            rss_text = f"{rss:.0f}" if rss else "-"
            print(f"| {name} | {r:,.0f} | {r / ref:.1f}x | {same} | {rss_text} |")
    if "small" not in suites:
        return
    print(f"\n{args.requests:,} small GETs (median of {args.runs})")
    print("| client | req/s | ratio | peak RSS MB |\n|---|---:|---:|---:|")
    small = SMALL_CLIENTS + sorted(
        k for k in results if k.startswith("rust_") and k.endswith("_seq")
    )
    for name in small:
        r = med(name, "rate")
        ref_name = "httpx_seq" if name.endswith("seq") else "httpx_async32"
        ratio = r / med(ref_name, "rate")
        ratio_text = f"{ratio:.2f}x vs {ref_name}"
        if name == "sdk_async32":
            ratio_text += f", {r / med('aiohttp32', 'rate'):.2f}x vs aiohttp32"
        rss = med(name, "rss_mb")
        rss_text = f"{rss:.0f}" if rss else "-"
        print(f"| {name} | {r:,.0f} | {ratio_text} | {rss_text} |")


if __name__ == "__main__":
    main()
