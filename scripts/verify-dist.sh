#!/usr/bin/env bash
# Checks the artifacts scripts/dist.sh put into DIR:
#
#   scripts/verify-dist.sh [--sdist] DIR
#
#   - every wheel, the sdist, every npm tarball and every crate holds LICENSE-MIT and
#     LICENSE-APACHE;
#   - the glibc wheels are tagged manylinux_2_17 (manylinux2014), the musl ones musllinux_1_2,
#     and all are abi3 (cp39);
#   - the x86_64 glibc wheel installs into a fresh venv and makes calls against its own sandbox
#     (cjhirashi_agents.testing.Sandbox, both services);
#   - the npm main tarball holds no native binary and depends on the seven platform packages at
#     its own version; it installs together with the linux-x64-gnu tarball into a fresh folder,
#     and the package makes calls against its own sandbox (@cjhirashi/agents-sdk/testing);
#   - every aarch64 .so / .node holds aarch64 machine code, every x86_64 one x86-64;
#   - with --sdist: the sdist builds from source with pip into a fresh venv (needs Rust; slow)
#     and the result runs the same calls.
#
# Runs on x86_64 Linux with python3 (venv), node, npm, file, unzip and tar. Exits non-zero on
# the first failed check.
set -euo pipefail

with_sdist=0
dir=""
for arg in "$@"; do
  case "$arg" in
    --sdist) with_sdist=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) dir="$arg" ;;
  esac
done
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
  echo "usage: scripts/verify-dist.sh [--sdist] DIR" >&2
  exit 2
fi
dir="$(cd "$dir" && pwd)"
PY="${PYTHON:-python3}"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failures=0
passes=0
ok() { passes=$((passes + 1)); echo "ok: $*"; }
fail() { failures=$((failures + 1)); echo "FAIL: $*" >&2; }
step() { printf '\n==> %s\n' "$*"; }

shopt -s nullglob
wheels=("$dir"/python/*.whl)
sdists=("$dir"/python/*.tar.gz)
tarballs=("$dir"/npm/*.tgz)
crates=("$dir"/crates/*.crate)
shopt -u nullglob
[ ${#wheels[@]} -gt 0 ] || fail "no wheel in $dir/python"
[ ${#sdists[@]} -eq 1 ] || fail "expected one sdist in $dir/python, found ${#sdists[@]}"
[ ${#tarballs[@]} -gt 1 ] || fail "expected the main npm tarball and platform tarballs in $dir/npm"
[ ${#crates[@]} -gt 0 ] || fail "no crate in $dir/crates"

# machine code of an ELF file: aarch64 or x86_64 (from `file`)
elf_arch() {
  local desc; desc="$(file -b "$1")"
  case "$desc" in
    *aarch64*) echo aarch64 ;;
    *x86-64*) echo x86_64 ;;
    *) echo "unknown ($desc)" ;;
  esac
}

step "license texts in every artifact"
for f in "${wheels[@]}"; do
  listing="$(unzip -Z1 "$f")"
  if grep -q 'dist-info/licenses/LICENSE-MIT$' <<<"$listing" &&
     grep -q 'dist-info/licenses/LICENSE-APACHE$' <<<"$listing"; then
    ok "$(basename "$f") has both licenses"
  else fail "$(basename "$f") lacks a license file"; fi
done
for f in "${sdists[@]}" "${tarballs[@]}" "${crates[@]}"; do
  listing="$(tar tzf "$f")"
  if grep -Eq '^[^/]+/LICENSE-MIT$' <<<"$listing" && grep -Eq '^[^/]+/LICENSE-APACHE$' <<<"$listing"; then
    ok "$(basename "$f") has both licenses"
  else fail "$(basename "$f") lacks a license file at its root"; fi
done

step "wheel tags and machine code"
for f in "${wheels[@]}"; do
  name="$(basename "$f")"
  case "$name" in
    *-cp39-abi3-*) ;;
    *) fail "$name is not an abi3 (cp39) wheel" ;;
  esac
  case "$name" in
    *linux_x86_64.whl|*linux_aarch64.whl) fail "$name has a bare linux tag" ;;
  esac
  case "$name" in
    *manylinux*) grep -q 'manylinux_2_17' <<<"$name" && ok "$name: manylinux_2_17" ||
      fail "$name: not manylinux_2_17" ;;
    *musllinux*) grep -q 'musllinux_1_2' <<<"$name" && ok "$name: musllinux_1_2" ||
      fail "$name: not musllinux_1_2" ;;
  esac
  case "$name" in
    *aarch64.whl) want=aarch64 ;;
    *x86_64.whl) want=x86_64 ;;
    *) continue ;;
  esac
  so_dir="$scratch/so-$name"
  mkdir -p "$so_dir"
  unzip -q -o "$f" 'cjhirashi_agents/_native*' -d "$so_dir"
  so="$(find "$so_dir" -name '_native*.so' | head -n 1)"
  got="$(elf_arch "$so")"
  if [ "$got" = "$want" ]; then ok "$name: $(file -b "$so" | cut -c1-60)"
  else fail "$name: native module is $got, expected $want"; fi
done

step "npm tarballs: main package and platform packages"
main_tgz=""
for f in "${tarballs[@]}"; do
  case "$(basename "$f")" in
    cjhirashi-agents-sdk-[0-9]*.tgz) main_tgz="$f" ;;
  esac
done
if [ -z "$main_tgz" ]; then
  fail "no main package tarball (cjhirashi-agents-sdk-<version>.tgz)"
else
  listing="$(tar tzf "$main_tgz")"
  if grep -q '\.node$' <<<"$listing"; then fail "the main package holds a .node"
  else ok "main package holds no native binary"; fi
  mkdir -p "$scratch/main"
  tar xzf "$main_tgz" -C "$scratch/main"
  if node -e '
    const pkg = require(process.argv[1]);
    const want = ["linux-x64-gnu", "linux-arm64-gnu", "linux-x64-musl", "linux-arm64-musl",
      "darwin-x64", "darwin-arm64", "win32-x64-msvc"];
    const deps = pkg.optionalDependencies || {};
    const bad = want.filter((p) => deps[`${pkg.name}-${p}`] !== pkg.version);
    const extra = Object.keys(deps).filter((d) => !want.some((p) => d === `${pkg.name}-${p}`));
    if (bad.length || extra.length) {
      console.error("optionalDependencies wrong:", bad, extra, deps);
      process.exit(1);
    }
    if (!pkg.napi || JSON.stringify(pkg.napi.targets.slice().sort()) !== JSON.stringify([
      "aarch64-apple-darwin", "aarch64-unknown-linux-gnu", "aarch64-unknown-linux-musl",
      "x86_64-apple-darwin", "x86_64-pc-windows-msvc", "x86_64-unknown-linux-gnu",
      "x86_64-unknown-linux-musl"])) { console.error("napi.targets wrong"); process.exit(1); }
  ' "$scratch/main/package/package.json"; then
    ok "main package: optionalDependencies on the 7 platform packages at its version, napi.targets"
  else fail "main package metadata"; fi
fi
for f in "${tarballs[@]}"; do
  [ "$f" = "$main_tgz" ] && continue
  name="$(basename "$f")"
  pdir="$scratch/plat-$name"
  mkdir -p "$pdir"
  tar xzf "$f" -C "$pdir"
  nodes=("$pdir"/package/*.node)
  if [ ${#nodes[@]} -ne 1 ] || [ ! -f "${nodes[0]}" ]; then fail "$name: expected one .node"; continue; fi
  files="$(cd "$pdir/package" && ls | tr '\n' ' ')"
  case "$name" in
    *arm64*) want=aarch64 ;;
    *x64*) want=x86_64 ;;
    *) want="" ;;
  esac
  case "$name" in
    *darwin*|*win32*) ok "$name: $files"; continue ;;
  esac
  got="$(elf_arch "${nodes[0]}")"
  if [ "$got" = "$want" ]; then ok "$name ($files): $(file -b "${nodes[0]}" | cut -c1-60)"
  else fail "$name: .node is $got, expected $want"; fi
done

# Both smoke tests call the platform (agents, users.me) and ops (login, tools) of the package's
# own sandbox: scripts/smoke/smoke.py and smoke.mjs.
smoke="$(cd "$(dirname "$0")" && pwd)/smoke"
cp "$smoke/smoke.py" "$smoke/smoke.mjs" "$scratch/"

py_smoke() {
  local venv="$1"
  (cd "$scratch" && env -u CJHIRASHI_BASE_URL -u AGENT_BASE_URL "$venv/bin/python" smoke.py)
}

step "x86_64 glibc wheel: fresh venv, calls against its own sandbox"
wheel_x86=""
for f in "${wheels[@]}"; do
  case "$f" in *manylinux*x86_64.whl) wheel_x86="$f" ;; esac
done
if [ -z "$wheel_x86" ]; then
  fail "no x86_64 manylinux wheel"
else
  "$PY" -m venv "$scratch/venv"
  if "$scratch/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel_x86" &&
     py_smoke "$scratch/venv"; then
    ok "$(basename "$wheel_x86") installs and runs"
  else fail "$(basename "$wheel_x86") smoke test"; fi
fi

step "npm: main + linux-x64-gnu tarballs into a fresh folder, calls against its own sandbox"
gnu_tgz=""
for f in "${tarballs[@]}"; do
  case "$f" in *-linux-x64-gnu-*.tgz) gnu_tgz="$f" ;; esac
done
if [ -z "$main_tgz" ] || [ -z "$gnu_tgz" ]; then
  fail "main or linux-x64-gnu tarball missing"
else
  app="$scratch/app"
  mkdir -p "$app"
  echo '{"name": "verify-dist", "private": true, "type": "module"}' > "$app/package.json"
  cp "$scratch/smoke.mjs" "$app/"
  # The other platforms' optional packages are not on the registry before the first release:
  # npm skips optional dependencies it cannot fetch.
  if (cd "$app" && npm install --no-audit --no-fund --loglevel=error "$main_tgz" "$gnu_tgz" &&
      env -u CJHIRASHI_BASE_URL -u AGENT_BASE_URL node smoke.mjs); then
    ok "npm main + linux-x64-gnu install and run"
  else fail "npm smoke test"; fi
fi

if [ "$with_sdist" = 1 ] && [ ${#sdists[@]} -eq 1 ]; then
  step "sdist: pip install from source into a fresh venv (builds the Rust code)"
  "$PY" -m venv "$scratch/venv-sdist"
  # --no-cache-dir: build this sdist, never install a wheel pip cached from an earlier build
  if "$scratch/venv-sdist/bin/python" -m pip install -q --disable-pip-version-check --no-cache-dir \
       "${sdists[0]}" &&
     py_smoke "$scratch/venv-sdist"; then
    ok "$(basename "${sdists[0]}") builds from source and runs"
  else fail "sdist build from source"; fi
fi

step "sizes"
(cd "$dir" && find python npm crates -type f | sort | while read -r f; do
  printf '%10d  %s\n' "$(wc -c < "$f")" "$f"
done)

echo
echo "verify-dist: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
