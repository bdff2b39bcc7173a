#!/usr/bin/env bash
# The bindings' benchmarks against the Rust core, in one command (not part of the test command:
# release builds and minutes of measuring):
#
#   scripts/bench.sh [--harness DIR] [--cpu N|none] [--runs N] [--python-only|--node-only]
#
# Builds in release what the benchmarks run: the Rust core's examples (stream_rate, small_rate,
# idle_streams), the Python wheel installed into .tools/bench-venv with the peers (httpx,
# httpx-sse, requests, aiohttp, openai for the start-up row), and the Node package with its
# peer (eventsource-parser). Then runs bindings-python/bench/bench.py and
# bindings-node/bench/bench.mjs, which print each workload's Rust core, SDK and peers side by
# side, with the ratios and the goals of issue 18.
#
# --harness DIR: a copy of the shared baseline harness (the folder with rust/src/bin/server.rs);
# its server is built, started on 127.0.0.1:8787 pinned to the same CPU, and both benchmarks
# run against it, as the issue's goals are stated. Without it they run against an embedded
# sandbox (whose own work per request is larger, so every ratio is closer to 1).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

harness=""
cpu=1
runs=5
which=both
while [ $# -gt 0 ]; do
  case "$1" in
    --harness) harness="$2"; shift 2 ;;
    --cpu) cpu="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --python-only) which=python; shift ;;
    --node-only) which=node; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

export CARGO_BUILD_TARGET="${CARGO_BUILD_TARGET:-$(rustc -vV | sed -n 's/^host: //p')}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
examples="$CARGO_TARGET_DIR/$CARGO_BUILD_TARGET/release/examples"
pin=()
if [ "$cpu" != none ]; then pin=(taskset -c "$cpu"); fi

echo "==> Rust core examples (release)"
cargo build --release -p agents-sdk --example stream_rate --example small_rate --example idle_streams

server_pid=""
cleanup() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
server_args=()
if [ -n "$harness" ]; then
  echo "==> the harness's server (release), on 127.0.0.1:8787"
  (cd "$harness/rust" && cargo build --release --bin server --target-dir "$harness/rust/target")
  "${pin[@]}" "$harness/rust/target/release/server" 127.0.0.1:8787 > /dev/null 2>&1 &
  server_pid=$!
  for _ in $(seq 50); do
    if curl -s -o /dev/null http://127.0.0.1:8787/api/agents; then break; fi
    sleep 0.1
  done
  server_args=(--server http://127.0.0.1:8787)
fi

if [ "$which" != node ]; then
  echo "==> Python wheel (release) into .tools/bench-venv"
  venv="$root/.tools/bench-venv"
  if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
  "$venv/bin/pip" install -q --disable-pip-version-check "maturin==1.16.0" httpx httpx-sse \
    requests aiohttp openai typing_extensions
  rm -rf "$CARGO_TARGET_DIR/bench-wheel"
  (cd bindings-python && "$venv/bin/maturin" build --release --quiet --out "$CARGO_TARGET_DIR/bench-wheel")
  "$venv/bin/pip" install -q --force-reinstall --no-deps "$CARGO_TARGET_DIR"/bench-wheel/*.whl
  echo "==> Python benchmark"
  "$venv/bin/python" bindings-python/bench/bench.py "${server_args[@]}" --cpu "$cpu" \
    --runs "$runs" --rust "$examples"
fi

if [ "$which" != python ]; then
  echo "==> Node package (release)"
  (cd bindings-node && npm ci --no-audit --no-fund --silent && npm run -s build)
  echo "==> Node benchmark"
  (cd bindings-node && node bench/bench.mjs "${server_args[@]}" --cpu "$cpu" --runs "$runs" \
    --rust "$examples")
fi
