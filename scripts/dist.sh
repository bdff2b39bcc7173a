#!/usr/bin/env bash
# Builds every distributable artifact into one folder:
#
#   scripts/dist.sh [--out DIR] [TARGET ...]
#   scripts/dist.sh --tools-only [TARGET ...]   (install the tools below, build nothing)
#   --no-crates   skip the cargo package step (for a run that only adds targets)
#
#   DIR/python/  abi3 wheels (manylinux2014 for *-linux-gnu, musllinux_1_2 for *-linux-musl)
#                and one sdist
#   DIR/npm/     npm pack tarballs: the main package @cjhirashi/agents-sdk (JavaScript, types,
#                loader, no native binary) and one @cjhirashi/agents-sdk-<platform> per target
#   DIR/crates/  cargo package of agents-sandbox and agents-sdk (built from the packaged sources)
#   DIR/SIZES.txt  the size of every artifact
#
# TARGET is a Rust target triple; with none, the four Linux targets
# (x86_64/aarch64, gnu/musl). Linux targets are cross-built from any Linux host with Zig
# (`ziglang` from PyPI) through cargo-zigbuild, glibc ones against glibc 2.17. macOS and Windows
# targets are built natively on their own hosts (the release workflow does that).
#
# Installs its own tools: the Rust targets (rustup), a private Python venv .tools/dist-venv with
# maturin, ziglang, cargo-zigbuild and auditwheel, and bindings-node's npm dependencies.
# Every target is built once per run: the wheels and crates in $CARGO_TARGET_DIR/dist, the .node
# files in $CARGO_TARGET_DIR/dist-node. (maturin links through its bundled copy of
# cargo-zigbuild, napi through the cargo-zigbuild command: two linker paths, and cargo's
# fingerprint holds the linker, so in one folder each build would recompile every dependency
# the other compiled.) Slow (release builds with fat LTO): it is not part of scripts/test-all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

out="$root/dist"
tools_only=0
crates=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    --tools-only) tools_only=1; shift ;;
    --no-crates) crates=0; shift ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    -*) echo "dist.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [ ${#targets[@]} -eq 0 ]; then
  targets=(x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu
           x86_64-unknown-linux-musl aarch64-unknown-linux-musl)
fi
if [ "$tools_only" = 0 ]; then
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
fi

start=$(date +%s)
last=$start
timings=()
step() {
  local now; now=$(date +%s)
  if [ -n "${current:-}" ]; then timings+=("$(printf '%5d s  %s' "$(( now - last ))" "$current")"); fi
  current="$*"
  printf '\n==> %s  (%s, +%d s)\n' "$*" "$(date -u +%H:%M:%S)" "$(( now - start ))"
  last=$now
}

# napi's platform name of a target triple (the suffix of the per-platform npm package).
node_platform() {
  case "$1" in
    x86_64-unknown-linux-gnu) echo linux-x64-gnu ;;
    aarch64-unknown-linux-gnu) echo linux-arm64-gnu ;;
    x86_64-unknown-linux-musl) echo linux-x64-musl ;;
    aarch64-unknown-linux-musl) echo linux-arm64-musl ;;
    x86_64-apple-darwin) echo darwin-x64 ;;
    aarch64-apple-darwin) echo darwin-arm64 ;;
    x86_64-pc-windows-msvc) echo win32-x64-msvc ;;
    *) echo "dist.sh: unsupported target $1" >&2; return 1 ;;
  esac
}
for t in "${targets[@]}"; do node_platform "$t" > /dev/null; done

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}/dist"
# Every build below names its target; a CARGO_BUILD_TARGET from the caller would fight it.
unset CARGO_BUILD_TARGET
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export NO_COLOR=1

step "tools: rustup targets, .tools/dist-venv (maturin, ziglang, cargo-zigbuild, auditwheel)"
rustup target add "${targets[@]}"
venv="$root/.tools/dist-venv"
if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check \
  "maturin==1.16.0" "ziglang==0.17.1" "cargo-zigbuild==0.24.1" "auditwheel==6.8.2"
# cargo-zigbuild and napi look for `zig` on PATH; the ziglang wheel ships it as a Python module.
cat > "$venv/bin/zig" <<EOF
#!/bin/sh
exec "$venv/bin/python" -m ziglang "\$@"
EOF
chmod +x "$venv/bin/zig"
export PATH="$venv/bin:$PATH"
zig version
cargo-zigbuild --version
maturin --version

step "tools: bindings-node npm dependencies"
if [ ! -x bindings-node/node_modules/.bin/napi ] || [ ! -x bindings-node/node_modules/.bin/tsc ]; then
  (cd bindings-node && npm ci --prefer-offline --loglevel=error)
fi
napi="$root/bindings-node/node_modules/.bin/napi"
if [ "$tools_only" = 1 ]; then
  echo "dist.sh: tools installed; put $venv/bin on PATH to use zig, cargo-zigbuild and maturin"
  exit 0
fi

rm -rf "$out/python" "$out/npm" "$out/crates"
mkdir -p "$out/python" "$out/npm" "$out/crates"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/artifacts"

is_linux() { case "$1" in *-linux-*) return 0 ;; *) return 1 ;; esac; }

for t in "${targets[@]}"; do
  # A cdylib on musl links the C runtime dynamically (the musl targets default to a static one,
  # which a shared library cannot use). Set per target for every cargo run, so the Python and
  # Node builds of the target share their compiled dependencies.
  case "$t" in
    *-linux-musl)
      upper="$(echo "$t" | tr 'a-z-' 'A-Z_')"
      export "CARGO_TARGET_${upper}_RUSTFLAGS=-C target-feature=-crt-static"
      ;;
  esac

  step "Python wheel for $t"
  wheel_args=(build --release --out "$out/python" --target "$t")
  case "$t" in
    *-linux-gnu) wheel_args+=(--zig --compatibility manylinux2014) ;;
    *-linux-musl) wheel_args+=(--zig --compatibility musllinux_1_2) ;;
  esac
  (cd bindings-python && maturin "${wheel_args[@]}")

  step "Node native module for $t"
  napi_target="$t"
  napi_args=(build --platform --release --no-js --output-dir "$stage/artifacts" --dts index.d.ts)
  if is_linux "$t"; then
    napi_args+=(--cross-compile)
    # cargo-zigbuild pins the glibc version from the target's suffix: the same floor as the
    # manylinux2014 wheels.
    case "$t" in *-linux-gnu) napi_target="$t.2.17" ;; esac
  fi
  (cd bindings-node && CARGO_TARGET_DIR="$CARGO_TARGET_DIR-node" "$napi" "${napi_args[@]}" --target "$napi_target")
  plat="$(node_platform "$t")"
  test -f "$stage/artifacts/agents-sdk.$plat.node"
done

step "Python sdist"
(cd bindings-python && maturin sdist --out "$out/python")

step "auditwheel show (glibc wheels: manylinux_2_17)"
shopt -s nullglob
for whl in "$out"/python/*manylinux*.whl; do
  # auditwheel wraps its report at 70 columns: read it as one line
  report="$(auditwheel show "$whl" | tr '\n' ' ' | sed 's/  */ /g')"
  echo "$report"
  if ! grep -q 'consistent with the following platform tag: "manylinux_2_17_' <<<"$report"; then
    echo "dist.sh: $whl is not consistent with manylinux_2_17" >&2
    exit 1
  fi
done

step "npm packages: main package and one per built platform"
(cd bindings-node && rm -rf dist && ./node_modules/.bin/tsc -p tsconfig.json)
main="$stage/main"
mkdir -p "$main/native"
cp -R bindings-node/package.json bindings-node/README.md bindings-node/dist bindings-node/esm "$main/"
cp bindings-node/native/index.js bindings-node/native/index.d.ts "$main/native/"
cp LICENSE-MIT LICENSE-APACHE "$main/"
# The published main package depends on every platform package at its own version (what
# `napi pre-publish` adds on release); npm installs only the one matching the machine.
node -e '
  const fs = require("fs");
  const file = process.argv[1];
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  const platforms = ["linux-x64-gnu", "linux-arm64-gnu", "linux-x64-musl", "linux-arm64-musl",
    "darwin-x64", "darwin-arm64", "win32-x64-msvc"];
  pkg.optionalDependencies = Object.fromEntries(
    platforms.map((p) => [`${pkg.name}-${p}`, pkg.version]));
  delete pkg.devDependencies;
  delete pkg.scripts;
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
' "$main/package.json"
# (a glob test would pass on an empty match: nullglob is on since the auditwheel step)
if [ -n "$(find "$main" -name '*.node' -print -quit)" ]; then
  echo "dist.sh: the main npm package must not hold a native binary" >&2
  exit 1
fi
(cd "$main" && npm pack --silent --ignore-scripts --pack-destination "$out/npm" > /dev/null)
# `napi artifacts` moves each .node into its platform package; it wants every configured target,
# so it reads a config naming only the targets built here.
cp -R bindings-node/npm "$stage/npm"
cp bindings-node/package.json "$stage/package.json"
node -e '
  const fs = require("fs");
  const [file, ...targets] = process.argv.slice(1);
  const { napi } = JSON.parse(fs.readFileSync(file, "utf8"));
  fs.writeFileSync(process.argv[1].replace(/package\.json$/, "napi.json"),
    JSON.stringify({ ...napi, targets }, null, 2));
' "$stage/package.json" "${targets[@]}"
"$napi" artifacts --cwd "$stage" --config-path napi.json --output-dir artifacts --npm-dir npm
for t in "${targets[@]}"; do
  plat="$(node_platform "$t")"
  pkgdir="$stage/npm/$plat"
  test -f "$pkgdir/agents-sdk.$plat.node"
  cp LICENSE-MIT LICENSE-APACHE "$pkgdir/"
  (cd "$pkgdir" && npm pack --silent --ignore-scripts --pack-destination "$out/npm" > /dev/null)
done

if [ "$crates" = 1 ]; then
  step "Rust crates: cargo package -p agents-sandbox -p agents-sdk (verified by a build)"
  dirty=()
  if [ -n "$(git status --porcelain 2>/dev/null || true)" ]; then dirty=(--allow-dirty); fi
  cargo package -p agents-sandbox -p agents-sdk "${dirty[@]}"
  cp "$CARGO_TARGET_DIR"/package/agents-sandbox-*.crate "$CARGO_TARGET_DIR"/package/agents-sdk-*.crate \
    "$out/crates/"
  version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
  ls "$out/crates/agents-sdk-$version.crate" "$out/crates/agents-sandbox-$version.crate" > /dev/null
  # only this version's crates (the package folder keeps older ones)
  find "$out/crates" -name '*.crate' ! -name "*-$version.crate" -delete
fi

step "sizes"
(
  cd "$out"
  find python npm crates -type f | sort | while read -r f; do
    printf '%10d  %s\n' "$(wc -c < "$f")" "$f"
  done
) | tee "$out/SIZES.txt"

step "done"
echo
echo "step timings:"
printf '%s\n' "${timings[@]}"
echo "dist.sh: artifacts in $out ($(( $(date +%s) - start )) s)"
