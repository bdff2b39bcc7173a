#!/usr/bin/env bash
# Runs the cross-language scenario suite (tests/scenarios/*.json) with its three runners:
# Rust (cargo test -p agents-scenarios, dev profile, the shared target dir), Python (pytest in
# the venv where bindings-python/scripts/test.sh installed the wheel) and Node (node --test with
# the package bindings-node/scripts/test.sh built). Builds no binding itself.
#
#   scripts/scenarios.sh
#
# Environment: SCENARIOS_PYTHON (default bindings-python/.venv/bin/python), SCENARIOS_NODE_PKG
# (default bindings-node). The last line is the tally,
# `scenarios: rust N/N, python N/N, node N/N, python-async N/N` (`python`: the Python runner's
# runs with the blocking clients, `python-async`: its runs of the same scenarios with the asyncio
# clients); the exit status is non-zero when any scenario failed or a runner could not run.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export CARGO_BUILD_TARGET="${CARGO_BUILD_TARGET:-$(rustc -vV | sed -n 's/^host: //p')}"
python="${SCENARIOS_PYTHON:-$root/bindings-python/.venv/bin/python}"
export SCENARIOS_NODE_PKG="${SCENARIOS_NODE_PKG:-$root/bindings-node}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0

echo "== Rust"
# The package selection of test-all's `cargo test` step plus this one, so features unify alike
# and every dependency built there is reused (alone, agents-scenarios would enable fewer features
# of tokio, hyper, serde, ... and rebuild them all).
rust_pkgs=(-p agents-sdk -p agents-sandbox)
if [[ -f examples/rust/Cargo.toml ]]; then rust_pkgs+=(-p agents-examples); fi
cargo test -q "${rust_pkgs[@]}" -p agents-scenarios --test scenarios 2>&1 \
  | tee "$scratch/rust.out" || status=1
rust="$(sed -n 's/^scenarios-rust: \([0-9]*\/[0-9]*\) passed.*/\1/p' "$scratch/rust.out" | tail -n 1)"
rust_known="$(sed -n 's/^scenarios-rust: .* (\([0-9]*\) with a known divergence.*/\1/p' "$scratch/rust.out" | tail -n 1)"

echo "== Python (ruff, mypy --strict, pytest)"
"$python" -m ruff check --config tests/python/ruff.toml tests/python tests/compare_outcomes.py || status=1
"$python" -m ruff format --check --config tests/python/ruff.toml tests/python tests/compare_outcomes.py || status=1
"$python" -m mypy --strict --no-incremental tests/python/test_scenarios.py tests/compare_outcomes.py || status=1
(cd tests/python && "$python" -m pytest -q --junitxml="$scratch/python.xml" .) || status=1
# a scenario with a known divergence ends as xfail, which JUnit counts as skipped; each scenario
# runs as test_scenario[sync-NAME] and test_scenario[async-NAME], counted apart
read -r py py_known py_async py_async_known < <("$python" - "$scratch/python.xml" <<'PY' 2>/dev/null
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
counts = {"sync": [0, 0, 0], "async": [0, 0, 0]}  # run, failed, skipped
for case in root.iter("testcase"):
    mode = "async" if case.get("name", "").startswith("test_scenario[async-") else "sync"
    c = counts[mode]
    if case.find("skipped") is not None:
        c[2] += 1
        continue
    c[0] += 1
    if case.find("failure") is not None or case.find("error") is not None:
        c[1] += 1
print(" ".join(f"{run - bad}/{run} {skipped}" for run, bad, skipped in counts.values()))
PY
)

echo "== Node"
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$scratch/node.tap" \
  tests/node/ || status=1
node_pass="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$scratch/node.tap" 2>/dev/null | tail -n 1)"
node_fail="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$scratch/node.tap" 2>/dev/null | tail -n 1)"
node_known="$(sed -n 's/^# skipped \([0-9]*\)$/\1/p' "$scratch/node.tap" 2>/dev/null | tail -n 1)"
node_tally=""
if [[ -n "$node_pass" && -n "$node_fail" ]]; then
  node_tally="$node_pass/$((node_pass + node_fail))"
fi

for tally in "$rust" "$py" "$node_tally" "$py_async"; do
  if [[ -z "$tally" ]]; then status=1; fi
done
echo "known divergences from API.md (reported above, not counted): rust ${rust_known:-?}, python ${py_known:-?}, node ${node_known:-?}, python-async ${py_async_known:-?}"
echo "scenarios: rust ${rust:-?}, python ${py:-?}, node ${node_tally:-?}, python-async ${py_async:-?}"
exit "$status"
