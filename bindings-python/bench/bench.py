"""Benchmark of the Python SDK against the Rust core and the usual hand-written clients (a
script, not a test).

Prints, from one run, each workload's rate for the Rust core (the ``agents-sdk`` examples
``stream_rate`` / ``small_rate`` / ``idle_streams``), the Python SDK and the hand-written peers,
with the SDK / Rust-core ratio beside the goal of issue 18:

- token stream of N events (default 100,000): SDK sync ``for`` and ``async for`` vs the Rust
  core's typed token stream; peers httpx + httpx-sse (sync and async) and requests;
- M sequential ``agents.list()`` (default 20,000) vs the Rust core on a current-thread runtime;
  peer httpx ``Client``;
- M ``agents.list()`` with 32 in flight (``asyncio.gather``) vs the Rust core with 32 in flight
  (``buffer_unordered``); peers httpx ``AsyncClient`` and aiohttp;
- memory of 1,000 concurrent idle token streams (embedded sandbox, ``X-Sandbox-Fault:
  stall_after=1``): RSS growth per stream, SDK vs the Rust core;
- start-up: ``import cjhirashi_agents`` plus a client, vs ``import openai`` plus a client
  (median of 7 fresh interpreters; openai must be installed for that row).

Every client runs in a fresh child process (peak RSS: the child's ``VmHWM``), round-robin over
``--runs`` rounds, and the median is printed. Every client decodes every event / body as JSON
and checks the count.

Server: ``--server URL`` uses a running server with the platform's wire shape, such as the
shared baseline harness's ``server`` (``rust/target/release/server 127.0.0.1:8787``; its stream
hook is ``?n=N``); without it, an embedded sandbox (stream hook ``?tokens=N``). The idle-stream
row always uses an embedded sandbox (it needs the stall fault).

``--cpu N`` (default 1) pins the embedded sandbox and every client to CPU N, as the shared
harness pins its server and clients with ``taskset -c 1`` (pin an outside server to the same CPU
yourself); ``--cpu none`` lets the scheduler place them.

``--rust DIR``: the folder of the built examples (``cargo build --release -p agents-sdk
--example stream_rate --example small_rate --example idle_streams``); by default
``$CARGO_TARGET_DIR`` or ``target/``, then ``[x86_64-unknown-linux-gnu/]release/examples``.
Without them the Rust rows and ratios are left out.

    python bench/bench.py [--server URL] [--tokens 100000] [--requests 20000] [--runs 3]
        [--cpu 1|none] [--suites stream,small,conc,idle,startup] [--rust DIR]
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
from typing import Any, Callable, Dict, List, Optional

STREAM_CLIENTS = ["sdk_sync", "sdk_async", "httpx_sse_sync", "httpx_sse_async", "requests"]


def _stream_url(cfg: Dict[str, Any]) -> str:
    return f"{cfg['base']}/conversations/{cfg['conv']}/messages?{cfg['hook']}={cfg['n']}"


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
            cfg["conv"], "bench", extra_query={cfg["hook"]: str(n)}
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
                cfg["conv"], "bench", extra_query={cfg["hook"]: str(n)}
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


def _rss_bytes() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def idle_streams(cfg: Dict[str, Any]) -> float:
    """Opens ``n`` stalled token streams with one AsyncClient, reads the first token of each
    and keeps them open; answers the RSS growth per stream in bytes."""
    import gc

    from cjhirashi_agents import AsyncClient

    stall = {"X-Sandbox-Fault": "stall_after=1"}

    async def run() -> float:
        client = AsyncClient(api_key=cfg["key"], base_url=cfg["base"])
        sem = asyncio.Semaphore(50)

        async def open_one() -> Any:
            async with sem:
                stream = client.conversations.send_message(
                    "conv_abc123", "idle", extra_headers=stall
                )
                it = stream.__aiter__()
                await it.__anext__()
                return stream, it

        # warm-up: runtime, pool and allocator have their first allocations behind them
        warm = await asyncio.gather(*(open_one() for _ in range(50)))
        for stream, _ in warm:
            stream.close()
        del warm
        gc.collect()
        await asyncio.sleep(0.2)
        before = _rss_bytes()
        held = await asyncio.gather(*(open_one() for _ in range(cfg["n"])))
        await asyncio.sleep(0.2)
        after = _rss_bytes()
        assert len(held) == cfg["n"]
        for stream, _ in held:
            stream.close()
        return max(after - before, 0) / cfg["n"]

    return asyncio.run(run())


def startup(module: str) -> float:
    """Median wall time (s) of 7 fresh interpreters importing ``module`` and making a client."""
    code = {
        "cjhirashi_agents": "import cjhirashi_agents; cjhirashi_agents.Client(api_key='k')",
        "openai": "import openai; openai.OpenAI(api_key='k')",
    }[module]
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


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


def _results(cmd: List[str], env: Optional[Dict[str, str]] = None) -> List[str]:
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    return [line[len("RESULT ") :] for line in out.splitlines() if line.startswith("RESULT ")]


def rust_small(exe: str, cfg: Dict[str, Any], conc: int) -> float:
    """The Rust core's ``agents().list()`` rate (``small_rate``) at ``conc`` in flight."""
    for line in _results([exe, cfg["base"], cfg["key"], str(cfg["n"]), str(conc)]):
        r = json.loads(line)
        if r["client"] == "agents_sdk":
            return float(r["rate"])
    raise SystemExit("small_rate printed no result")


def rust_stream(exe: str, cfg: Dict[str, Any]) -> float:
    """The Rust core's typed token-stream rate (``stream_rate``)."""
    cmd = [exe, cfg["server"], str(cfg["n"])]
    if cfg["hook"] == "tokens":
        cmd.insert(1, "--sandbox")
    env = {**os.environ, "CJHIRASHI_API_KEY": cfg["key"]}
    for line in _results(cmd, env):
        return float(json.loads(line)["rate"])
    raise SystemExit("stream_rate printed no result")


def rust_idle(exe: str, cfg: Dict[str, Any]) -> float:
    """The Rust core's RSS growth per idle stream in bytes (``idle_streams --measure sdk``)."""
    for line in _results([exe, "--measure", "sdk", cfg["base"], cfg["key"], str(cfg["n"])]):
        fields = dict(kv.split("=", 1) for kv in line.split())
        return float(fields["per_stream_bytes"])
    raise SystemExit("idle_streams printed no result")


def _default_rust_dir() -> Optional[str]:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(root, "target")
    for sub in ("x86_64-unknown-linux-gnu/release/examples", "release/examples"):
        d = os.path.join(target, sub)
        if os.path.exists(os.path.join(d, "stream_rate")):
            return d
    return None


class Table:
    """Rows of one workload: Rust core, SDK clients (with goals), peers."""

    def __init__(self) -> None:
        self.rows: List[str] = []

    def add(self, *cells: str) -> None:
        self.rows.append("| " + " | ".join(cells) + " |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", help="URL of a running platform-shaped server (default: sandbox)")
    ap.add_argument("--tokens", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=20_000)
    ap.add_argument("--streams", type=int, default=1_000, help="idle streams held at once")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rust", default=_default_rust_dir(), help="folder of the Rust examples")
    ap.add_argument("--cpu", default="1", help="CPU to pin the sandbox and clients on, or none")
    ap.add_argument("--suites", default="stream,small,conc,idle,startup")
    ap.add_argument("--child")
    ap.add_argument("--cfg")
    args = ap.parse_args()
    if args.cpu != "none" and not args.child:
        # inherited by the sandbox's threads (started below) and by every child process
        os.sched_setaffinity(0, {int(args.cpu)})
    if args.child:
        cfg = json.loads(args.cfg)
        if args.child == "sdk_idle":
            print(idle_streams(cfg), _peak_rss_kb())
        else:
            print(run_client(args.child, cfg), _peak_rss_kb())
        return

    from cjhirashi_agents import Client
    from cjhirashi_agents.testing import Sandbox

    suites = set(args.suites.split(","))
    rust = args.rust
    exe = (lambda name: os.path.join(rust, name)) if rust else None
    results: Dict[str, List[float]] = {}
    rss: Dict[str, List[float]] = {}

    def record(name: str, rate: float, rss_mb: float = 0.0) -> None:
        results.setdefault(name, []).append(rate)
        rss.setdefault(name, []).append(rss_mb)

    with Sandbox() as sb:
        if args.server:
            server = args.server.rstrip("/")
            base = {
                "server": server,
                "base": server if server.endswith("/api") else server + "/api",
                "key": "bench",
                "conv": "conv_1",
                "hook": "n",
            }
        else:
            conv = Client(api_key=sb.api_key, base_url=sb.platform_url).conversations.create(
                agent_id="agt_personal_001"
            )
            base = {
                "server": sb.platform_url,
                "base": sb.platform_url,
                "key": sb.api_key,
                "conv": conv.id,
                "hook": "tokens",
            }
        stream_cfg = {**base, "n": args.tokens}
        small_cfg = {**base, "n": args.requests}
        idle_cfg = {"base": sb.platform_url, "key": sb.api_key, "n": args.streams}
        for _ in range(args.runs):
            if "stream" in suites:
                if exe:
                    record("rust_stream", rust_stream(exe("stream_rate"), stream_cfg))
                for name in STREAM_CLIENTS:
                    r = measure(name, stream_cfg)
                    record(name, r["rate"], r["rss_mb"])
            if "small" in suites:
                if exe:
                    record("rust_seq", rust_small(exe("small_rate"), small_cfg, 1))
                for name in ("sdk_seq", "httpx_seq"):
                    r = measure(name, small_cfg)
                    record(name, r["rate"], r["rss_mb"])
            if "conc" in suites:
                if exe:
                    record("rust_conc32", rust_small(exe("small_rate"), small_cfg, 32))
                for name in ("sdk_async32", "httpx_async32", "aiohttp32"):
                    r = measure(name, small_cfg)
                    record(name, r["rate"], r["rss_mb"])
        if "idle" in suites:
            # one run: the figure is a size, not a speed
            if exe:
                record("rust_idle", rust_idle(exe("idle_streams"), idle_cfg))
            record("sdk_idle", measure("sdk_idle", idle_cfg)["rate"])

    def med(name: str) -> float:
        return statistics.median(results[name])

    def rss_text(name: str) -> str:
        v = statistics.median(rss.get(name, [0.0]))
        return f"{v:.0f}" if v else "-"

    where = f"server {args.server}" if args.server else "embedded sandbox"
    pinned = "unpinned" if args.cpu == "none" else f"clients pinned to CPU {args.cpu}"
    print(f"\n{where}; {pinned}; median of {args.runs} round(s)")
    goals: List[str] = []

    def paired(sdk: str, core: str) -> List[float]:
        """The SDK / Rust core ratio of each round (the two ran back to back, so a slow phase
        of a shared machine slows both)."""
        return [a / b for a, b in zip(results[sdk], results[core]) if b]

    def goal(label: str, sdk: str, core: str, target: float) -> str:
        if sdk not in results or core not in results:
            return "-"
        ratios = paired(sdk, core)
        ratio = statistics.median(ratios)
        spread = f"{min(ratios):.2f}-{max(ratios):.2f}x"
        ok = ratio >= target
        goals.append(
            f"| {label} | {ratio:.2f}x | {spread} | >= {target}x | {'yes' if ok else 'NO'} |"
        )
        return f"{ratio:.2f}x"

    if "stream" in suites:
        print(f"\ntoken stream, {args.tokens:,} events")
        print("| client | tokens/s | vs Rust core | peak RSS MB |\n|---|---:|---:|---:|")
        if "rust_stream" in results:
            print(f"| Rust core (stream_rate) | {med('rust_stream'):,.0f} | 1.00x | - |")
        targets = {"sdk_sync": ("Python stream, sync for", 0.8)}
        targets["sdk_async"] = ("Python stream, async for", 0.7)
        for name in STREAM_CLIENTS:
            vs = "-"
            if name in targets and "rust_stream" in results:
                vs = goal(targets[name][0], name, "rust_stream", targets[name][1])
            elif "rust_stream" in results:
                vs = f"{statistics.median(paired(name, 'rust_stream')):.2f}x"
            print(f"| {name} | {med(name):,.0f} | {vs} | {rss_text(name)} |")
        for sdk, peer in (("sdk_sync", "httpx_sse_sync"), ("sdk_async", "httpx_sse_async")):
            print(f"{sdk} / {peer}: {med(sdk) / med(peer):.1f}x")
    for suite, title, core, sdk, peers, target, label in (
        ("small", "sequential agents.list()", "rust_seq", "sdk_seq", ["httpx_seq"], 0.8,
         "Python sequential requests"),
        ("conc", "agents.list(), 32 in flight", "rust_conc32", "sdk_async32",
         ["httpx_async32", "aiohttp32"], 0.7, "Python 32 in flight (asyncio.gather)"),
    ):  # fmt: skip
        if suite not in suites:
            continue
        print(f"\n{title}, {args.requests:,} requests")
        print("| client | req/s | vs Rust core | peak RSS MB |\n|---|---:|---:|---:|")
        if core in results:
            print(f"| Rust core (small_rate) | {med(core):,.0f} | 1.00x | - |")
        vs = goal(label, sdk, core, target)
        print(f"| {sdk} | {med(sdk):,.0f} | {vs} | {rss_text(sdk)} |")
        for peer in peers:
            vs = f"{statistics.median(paired(peer, core)):.2f}x" if core in results else "-"
            print(f"| {peer} | {med(peer):,.0f} | {vs} | {rss_text(peer)} |")
            print(f"{sdk} / {peer}: {med(sdk) / med(peer):.1f}x")
    if "idle" in suites:
        print(f"\n{args.streams:,} idle token streams held at once (RSS growth per stream)")
        print("| client | KiB per stream |\n|---|---:|")
        if "rust_idle" in results:
            print(f"| Rust core (idle_streams) | {med('rust_idle') / 1024:.1f} |")
        kib = med("sdk_idle") / 1024
        print(f"| sdk AsyncClient | {kib:.1f} |")
        goals.append(
            f"| Python idle stream | {kib:.1f} KiB | - | < 64 KiB | {'yes' if kib < 64 else 'NO'} |"
        )
    if "startup" in suites:
        ours = startup("cjhirashi_agents")
        print("\nstart-up: import + client, median of 7 fresh interpreters")
        print(f"| cjhirashi_agents | {ours * 1000:.0f} ms |")
        try:
            import openai  # noqa: F401
        except ImportError:
            print("(openai is not installed: no comparison)")
        else:
            theirs = startup("openai")
            print(f"| openai | {theirs * 1000:.0f} ms |")
            ratio = ours / theirs
            ok = "yes" if ratio < 0.1 else "NO"
            goals.append(f"| Python start-up vs openai | {ratio:.3f}x | - | < 0.1x | {ok} |")
    if goals:
        print(
            "\ngoals (issue 18): each ratio is the median of the rounds' own SDK / Rust core "
            "ratios (the two run back to back); the spread is the lowest and highest round"
        )
        print("| goal | measured | spread | target | met |\n|---|---:|---:|---:|---|")
        print("\n".join(goals))


if __name__ == "__main__":
    main()
