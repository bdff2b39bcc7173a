#!/usr/bin/env bash
# Checks that the three packages carry one version: the Cargo workspace version (agents-sdk,
# agents-sandbox, the bindings' crates), the workspace's path-dependency versions, Cargo.lock,
# the Python distribution (its version comes from Cargo.toml unless pyproject.toml sets one),
# bindings-node/package.json and package-lock.json, every npm/<platform>/package.json and the
# version the generated loader (native/index.js) expects. Prints the version; exits 1 on a
# mismatch. `scripts/bump-version.sh X.Y.Z` changes them all.
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' Cargo.toml)"
[ -n "$version" ] || { echo "check-versions: no [workspace.package] version in Cargo.toml" >&2; exit 1; }
bad=0
mismatch() { echo "check-versions: $1 has $2, the workspace has $version" >&2; bad=1; }

for dep in agents-sdk agents-sandbox; do
  v="$(sed -n "s/^$dep = {.*version = \"\([^\"]*\)\".*/\1/p" Cargo.toml)"
  [ "$v" = "$version" ] || mismatch "Cargo.toml [workspace.dependencies] $dep" "$v"
  v="$(awk -v n="$dep" '$0 == "name = \"" n "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
  [ "$v" = "$version" ] || mismatch "Cargo.lock $dep" "$v"
done
if grep -q '^version *=' bindings-python/pyproject.toml; then
  v="$(sed -n 's/^version *= *"\(.*\)"/\1/p' bindings-python/pyproject.toml)"
  [ "$v" = "$version" ] || mismatch bindings-python/pyproject.toml "$v"
fi
node -e '
  const fs = require("fs");
  const version = process.argv[1];
  let bad = 0;
  const check = (what, v) => {
    if (v !== version) { console.error(`check-versions: ${what} has ${v}, the workspace has ${version}`); bad = 1; }
  };
  const pkg = JSON.parse(fs.readFileSync("bindings-node/package.json", "utf8"));
  check("bindings-node/package.json", pkg.version);
  for (const [name, v] of Object.entries(pkg.optionalDependencies || {})) {
    check(`bindings-node/package.json optionalDependencies ${name}`, v);
  }
  const lock = JSON.parse(fs.readFileSync("bindings-node/package-lock.json", "utf8"));
  check("bindings-node/package-lock.json", lock.version);
  check("bindings-node/package-lock.json packages[\"\"]", lock.packages[""].version);
  for (const dir of fs.readdirSync("bindings-node/npm")) {
    const file = `bindings-node/npm/${dir}/package.json`;
    if (fs.existsSync(file)) check(file, JSON.parse(fs.readFileSync(file, "utf8")).version);
  }
  const loader = fs.readFileSync("bindings-node/native/index.js", "utf8");
  for (const m of loader.matchAll(/bindingPackageVersion !== '\''([^'\'']*)'\''/g)) {
    check("bindings-node/native/index.js (expected binding version)", m[1]);
  }
  process.exit(bad);
' "$version" || bad=1
[ "$bad" = 0 ] || exit 1
echo "check-versions: every package is at $version"
