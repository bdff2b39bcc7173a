#!/usr/bin/env bash
# Builds the native module, installs it into a venv and runs every Python check:
# pytest, mypy --strict (examples + typed usage), stubtest of the native module, ruff, and the
# wheel smoke test (a fresh venv installs the release wheel and runs the quickstart).
#
#   bindings-python/scripts/test.sh [VENV]      (default: bindings-python/.venv, created if absent)
#
# Non-interactive, idempotent; exits non-zero on the first failure.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
VENV="${1:-$HERE/.venv}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
PY="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ] || [ ! -f "$VENV/bin/activate" ]; then
    "$PY" -m venv "$VENV"
fi
# shellcheck disable=SC1091
source "$VENV/bin/activate"
python -m pip install -q --disable-pip-version-check \
    "maturin==1.16.0" pytest pytest-asyncio mypy ruff httpx httpx-sse requests aiohttp typing_extensions flask

cd "$HERE"
echo "== build (maturin build --release) and install"
rm -rf "$HERE/dist"
maturin build --release --out "$HERE/dist" --quiet 2>&1 | tail -n 3
WHEEL="$(ls "$HERE"/dist/cjhirashi_agents-*.whl | head -n 1)"
# list once into a variable: `unzip | grep -q` under pipefail fails with SIGPIPE when grep
# stops reading early
LISTING="$(unzip -l "$WHEEL")"
grep -q "agent_client/__init__.py" <<<"$LISTING"
grep -q "cjhirashi_agents/_native.abi3.so" <<<"$LISTING"
python -m pip install -q --force-reinstall --no-deps "$WHEEL"

# the tests import the installed wheel, not the source tree
cd "$HERE/tests"
echo "== pytest"
python -m pytest -q -p no:cacheprovider --rootdir "$HERE" -c "$HERE/pyproject.toml" "$HERE/tests"

cd "$HERE"
echo "== mypy --strict (examples, typed usage, packages)"
python -m mypy --strict "$ROOT"/examples/python/*.py tests/test_typed_usage.py
python -m mypy --strict -p cjhirashi_agents -p agent_client

echo "== stubtest (native module)"
python -m mypy.stubtest cjhirashi_agents._native
echo "== stubtest (both packages, typing-only names allowlisted)"
python -m mypy.stubtest cjhirashi_agents agent_client --allowlist "$HERE/stubtest-allowlist.txt"

echo "== ruff"
ruff check python tests bench "$ROOT/examples/python"
ruff format --check python tests bench "$ROOT/examples/python"

echo "== generated surface and stub docstrings are up to date"
python3 "$ROOT/scripts/gen_python.py" --check
python "$HERE/scripts/stub_docs.py" --check

echo "== fresh venv: pip install the wheel, run the quickstart against the embedded sandbox"
FRESH="$(mktemp -d)"
trap 'rm -rf "$FRESH"' EXIT
"$PY" -m venv "$FRESH/venv"
"$FRESH/venv/bin/python" -m pip install -q --disable-pip-version-check "$WHEEL"
(cd "$FRESH" && env -u CJHIRASHI_BASE_URL -u AGENT_BASE_URL "$FRESH/venv/bin/python" \
    "$ROOT/examples/python/quickstart.py" > "$FRESH/out.txt")
grep -q "verified" "$FRESH/out.txt"
grep -q "list_ec2_instances: success=True" "$FRESH/out.txt"
# the wheel's console script
"$FRESH/venv/bin/agents-sandbox" --help | grep -q "Serves both services"
echo "quickstart from the wheel: ok"
