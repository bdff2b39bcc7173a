#!/usr/bin/env bash
# Runs the examples of examples/{rust,python,node} against the embedded sandbox (no account, no
# network), each with a time limit; interactive ones get scripted input, servers run once.
#
#   scripts/examples.sh                  every example; the last line is `examples: N passed, M failed`
#   scripts/examples.sh LANG [NAME]      one language (rust, python, node), or one example of it;
#                                        a single example started from a terminal is interactive
#
# Needs what the bindings' test scripts leave behind (it rebuilds neither):
#   Python: a venv with the cjhirashi-agents wheel and flask, pytest (EXAMPLES_VENV, default
#           bindings-python/.venv, as after bindings-python/scripts/test.sh);
#   Node:   bindings-node/dist and the native module (as after bindings-node/scripts/test.sh).
# Rust examples build in $CARGO_TARGET_DIR with the cargo selection of test-all's `cargo test`.
# EXAMPLES_TIMEOUT (seconds, default 60) limits each example; EXAMPLES_VERBOSE=1 shows every
# example's output (failures always show theirs).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export CARGO_BUILD_TARGET="${CARGO_BUILD_TARGET:-$(rustc -vV | sed -n 's/^host: //p')}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
venv="${EXAMPLES_VENV:-$root/bindings-python/.venv}"
limit="${EXAMPLES_TIMEOUT:-60}"
only_lang="${1:-}"
only_name="${2:-}"
# the examples choose the embedded sandbox when no real service is configured
unset CJHIRASHI_BASE_URL CJHIRASHI_API_KEY AGENT_BASE_URL AGENT_API_KEY

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
passed=0
failed=0
failures=()
started=$SECONDS

case "$only_lang" in
  "" | rust | python | node) ;;
  *) echo "usage: scripts/examples.sh [rust|python|node [NAME]]" >&2; exit 2 ;;
esac
wanted() { # LANG NAME
  [[ -z "$only_lang" || "$only_lang" == "$1" ]] && [[ -z "$only_name" || "$only_name" == "$2" ]]
}
interactive() { [[ -n "$only_name" && -t 0 && -t 1 ]]; }

ok() {
  passed=$((passed + 1))
  printf 'ok    %-34s %3ss\n' "$1" "$2"
  if [[ -n "${EXAMPLES_VERBOSE:-}" && -n "${3:-}" ]]; then sed 's/^/      | /' "$3"; fi
}
ko() {
  failed=$((failed + 1)); failures+=("$1")
  printf 'FAIL  %-34s %3ss\n' "$1" "$2"
  sed 's/^/      | /' "$3" | tail -n 30
}

# example LABEL COMMAND...: runs COMMAND with no input and a time limit; passes when it exits 0.
example() {
  local label=$1; shift
  local log="$scratch/${label//\//_}.log" t0=$SECONDS
  if interactive; then
    if "$@"; then ok "$label" $((SECONDS - t0)); else ko "$label" $((SECONDS - t0)) /dev/null; fi
    return
  fi
  if timeout -k 5 "$limit" "$@" </dev/null >"$log" 2>&1; then
    ok "$label" $((SECONDS - t0)) "$log"
  else
    echo "      exit status $?" >>"$log"
    ko "$label" $((SECONDS - t0)) "$log"
  fi
}

# chat LABEL COMMAND...: the interactive chat with two scripted lines. The first answer is made
# to hang (`--stall-first 3`); once tokens of it show, the script sends SIGINT as Ctrl-C would.
# Passes when that answer is cancelled, the second line is answered in full and the program
# ends normally at the end of its input.
chat() {
  local label=$1; shift
  local log="$scratch/${label//\//_}.log" t0=$SECONDS
  if interactive; then
    if "$@"; then ok "$label" $((SECONDS - t0)); else ko "$label" $((SECONDS - t0)) /dev/null; fi
    return
  fi
  printf '%s\n' "Hola" "¿Cuánto he gastado este mes?" >"$scratch/chat.in"
  # timeout(1) gives the program default signal handling (a background job of a script would
  # otherwise start with SIGINT ignored) and forwards the SIGINT; --foreground makes it forward
  # the signal once (otherwise it also signals its process group: a second Ctrl-C)
  timeout --foreground -k 5 "$limit" "$@" --stall-first 3 <"$scratch/chat.in" >"$log" 2>&1 &
  local pid=$! i
  for ((i = 0; i < 300; i++)); do
    grep -q 'assistant> [^ ]' "$log" 2>/dev/null && break
    sleep 0.1
  done
  sleep 0.3
  kill -INT "$pid" 2>/dev/null
  if wait "$pid" && grep -q '\[cancelled\]' "$log" && grep -q 'tokens)' "$log" && grep -q '^bye' "$log"; then
    ok "$label" $((SECONDS - t0)) "$log"
  else
    echo "      (expected a cancelled answer, a complete answer and 'bye')" >>"$log"
    ko "$label" $((SECONDS - t0)) "$log"
  fi
}

names=(quickstart chat_cli ops_events webhook_receiver errors_and_retries pagination concurrency testing_with_sandbox)

# ---------------------------------------------------------------- Rust
if [[ -z "$only_lang" || "$only_lang" == rust ]]; then
  # The same package selection as the test step of scripts/test-all.sh: cargo resolves the same
  # features, so this reuses that step's build (which compiled the examples too).
  rust_pkgs=(-p agents-sdk -p agents-sandbox -p agents-examples)
  echo "== rust: cargo test --no-run ${rust_pkgs[*]}"
  if cargo test "${rust_pkgs[@]}" --no-run >"$scratch/rust-build.log" 2>&1; then
    bin="$CARGO_TARGET_DIR/$CARGO_BUILD_TARGET/debug/examples"
    # testing_with_sandbox is a test suite (`test = true`): run the harness binary cargo built
    tests="$(sed -n 's/^ *Executable .*testing_with_sandbox\.rs (\(.*\))$/\1/p' "$scratch/rust-build.log" | tail -n 1)"
    for name in "${names[@]}"; do
      wanted rust "$name" || continue
      case $name in
        chat_cli) chat "rust/$name" "$bin/$name" ;;
        testing_with_sandbox)
          if [[ -n "$tests" ]]; then
            example "rust/$name" "$tests"
          else
            example "rust/$name" cargo test -q "${rust_pkgs[@]}" --example "$name"
          fi ;;
        *) example "rust/$name" "$bin/$name" ;;
      esac
    done
  else
    ko "rust/build" 0 "$scratch/rust-build.log"
  fi
fi

# ---------------------------------------------------------------- Python
if [[ -z "$only_lang" || "$only_lang" == python ]]; then
  py="$venv/bin/python"
  if [[ ! -x "$py" ]]; then
    echo "no Python venv at $venv (run bindings-python/scripts/test.sh first)" >"$scratch/py.log"
    ko "python/venv" 0 "$scratch/py.log"
  else
    echo "== python: $py"
    # the seeds' snippets read their server from the environment: start a sandbox for them
    run_with_sandbox='
import os, subprocess, sys
from cjhirashi_agents.testing import Sandbox
with Sandbox() as sb:
    env = dict(os.environ, CJHIRASHI_API_KEY=sb.api_key, CJHIRASHI_BASE_URL=sb.platform_url,
               AGENT_BASE_URL=sb.ops_url)
    sys.exit(subprocess.run([sys.executable, sys.argv[1]], env=env).returncode)
'
    for name in "${names[@]}" async_quickstart seed_platform seed_ops; do
      wanted python "$name" || continue
      file="examples/python/$name.py"
      case $name in
        chat_cli) chat "python/$name" "$py" "$file" ;;
        testing_with_sandbox)
          example "python/$name" "$py" -m pytest -q -p no:cacheprovider -p no:asyncio "$file" ;;
        seed_platform | seed_ops)
          example "python/$name" "$py" -c "$run_with_sandbox" "$file" ;;
        *) example "python/$name" "$py" "$file" ;;
      esac
    done
  fi
fi

# ---------------------------------------------------------------- Node
if [[ -z "$only_lang" || "$only_lang" == node ]]; then
  pkg="${EXAMPLES_NODE_PACKAGE:-$root/bindings-node}"
  out="$scratch/node"
  if ! ls "$pkg"/native/*.node >/dev/null 2>&1 || [[ ! -f "$pkg/dist/index.js" ]]; then
    echo "bindings-node is not built (run bindings-node/scripts/test.sh first)" >"$scratch/node.log"
    ko "node/package" 0 "$scratch/node.log"
  else
    # Compile the examples as a user's project would: the package linked into node_modules.
    echo "== node: tsc --strict, then node"
    mkdir -p "$out/node_modules/@cjhirashi"
    ln -s "$pkg" "$out/node_modules/@cjhirashi/agents-sdk"
    cp examples/node/*.ts examples/node/package.json "$out/"
    cat >"$out/tsconfig.json" <<JSON
{
  "compilerOptions": {
    "target": "ES2022", "module": "nodenext", "moduleResolution": "nodenext", "lib": ["ES2022"],
    "types": ["node"], "typeRoots": ["$pkg/node_modules/@types"], "strict": true,
    "skipLibCheck": true, "outDir": "js"
  },
  "include": ["*.ts"]
}
JSON
    if "$pkg/node_modules/.bin/tsc" -p "$out/tsconfig.json" >"$scratch/tsc.log" 2>&1; then
      cp examples/node/*.mjs "$out/js/"
      for name in "${names[@]}" seed-snippet; do
        wanted node "$name" || continue
        case $name in
          chat_cli) chat "node/$name" node "$out/js/$name.js" ;;
          testing_with_sandbox) example "node/$name" node --test "$out/js/$name.test.js" ;;
          seed-snippet) example "node/$name" node "$out/js/run-seed-snippet.mjs" ;;
          *) example "node/$name" node "$out/js/$name.js" ;;
        esac
      done
    else
      ko "node/tsc" 0 "$scratch/tsc.log"
    fi
  fi
fi

if ((failed > 0)); then
  echo "failed: ${failures[*]}"
fi
echo "in $((SECONDS - started)) s"
echo "examples: $passed passed, $failed failed"
((failed == 0))
