#!/usr/bin/env bash
# Sets one version on the three packages:
#
#   scripts/bump-version.sh X.Y.Z
#
# Cargo workspace version and the path-dependency versions of agents-sdk / agents-sandbox
# (Cargo.toml), Cargo.lock, bindings-node/package.json, package-lock.json, every
# npm/<platform>/package.json and the version the generated loader native/index.js expects.
# The Python distribution takes its version from Cargo.toml (pyproject's version is dynamic).
# Then runs scripts/check-versions.sh. Move the CHANGELOG's Unreleased notes under the new
# version by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

new="${1:-}"
if ! [[ "$new" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "usage: scripts/bump-version.sh X.Y.Z[-pre]" >&2
  exit 2
fi
old="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' Cargo.toml)"
echo "bump-version: $old -> $new"

# Cargo.toml: [workspace.package] version and the path dependencies' versions
sed -i "/^\[workspace.package\]/,/^\[/s/^version = \"$old\"$/version = \"$new\"/" Cargo.toml
sed -i -E "s/^(agents-(sdk|sandbox) = \{ path = \"[a-z]+\", version = )\"[^\"]*\"/\1\"$new\"/" Cargo.toml
if grep -q '^version *=' bindings-python/pyproject.toml; then
  sed -i "s/^version *= *\".*\"/version = \"$new\"/" bindings-python/pyproject.toml
fi
# Cargo.lock: only the workspace members' entries change (no registry dependency moves)
cargo update --workspace --quiet

node -e '
  const fs = require("fs");
  const [oldV, newV] = process.argv.slice(1);
  const edit = (file, fn) => {
    const text = fs.readFileSync(file, "utf8");
    const json = JSON.parse(text);
    fn(json);
    fs.writeFileSync(file, JSON.stringify(json, null, 2) + "\n");
  };
  edit("bindings-node/package.json", (p) => {
    p.version = newV;
    for (const name of Object.keys(p.optionalDependencies || {})) p.optionalDependencies[name] = newV;
  });
  edit("bindings-node/package-lock.json", (l) => {
    l.version = newV;
    l.packages[""].version = newV;
  });
  for (const dir of fs.readdirSync("bindings-node/npm")) {
    const file = `bindings-node/npm/${dir}/package.json`;
    if (fs.existsSync(file)) edit(file, (p) => { p.version = newV; });
  }
  // what `napi build` writes into the loader from package.json (checked for drift by the tests)
  const loaderFile = "bindings-node/native/index.js";
  const loader = fs.readFileSync(loaderFile, "utf8")
    .split(`bindingPackageVersion !== '\''${oldV}'\''`).join(`bindingPackageVersion !== '\''${newV}'\''`)
    .split(`expected ${oldV} but got`).join(`expected ${newV} but got`);
  fs.writeFileSync(loaderFile, loader);
' "$old" "$new"

scripts/check-versions.sh
