#!/usr/bin/env bash
# Builds and tests the Node package @cjhirashi/agents-sdk end to end. Non-interactive, stops at
# the first failure, safe to run again.
#
#   1. npm ci (committed package-lock.json)
#   2. napi build --platform --release (the native module, sharing the workspace target dir)
#   3. declaration drift check: the regenerated native/index.d.ts and native/index.js must equal
#      the committed ones
#   4. the generated ts/ files are what scripts/gen_node.py makes of the OpenAPI documents, then
#      tsc build of ts/ -> dist/ (CommonJS + .d.ts; esm/*.mjs re-export it)
#   5. tsc --strict --noEmit on examples/node/*.ts
#   6. node --test test/*.test.mjs against the embedded sandbox
#   7. npm pack of the main package (no native binary) and of this platform's package
#      (npm/<platform>, holding the .node), install both into a fresh temp directory, compile
#      the examples there and run the quickstart and the seed snippet against the embedded
#      sandbox
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$here/.." && pwd)"
examples="$repo/examples/node"
cd "$here"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
# napi always passes --target; exporting it lets cargo, maturin and napi share artifacts.
export CARGO_BUILD_TARGET="${CARGO_BUILD_TARGET:-x86_64-unknown-linux-gnu}"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

step() { printf '\n==> %s\n' "$*"; }
scratch="$(mktemp -d)"
TMPDIR_NPM_LOG="$scratch/npm-ci.log"
trap 'rm -rf "$scratch"' EXIT
start=$SECONDS

step "npm ci"
# `npm ci` installs exactly the committed package-lock.json. Where the registry answers without
# the foreign-platform optional packages of @napi-rs/cli (they are recorded without a version),
# npm ci refuses the lock; `npm install --no-save` then installs from the same lock.
if ! npm ci --prefer-offline --no-audit --no-fund --loglevel=error 2>"$TMPDIR_NPM_LOG"; then
  grep -m3 . "$TMPDIR_NPM_LOG" >&2 || true
  echo "npm ci refused the lock file; installing from it with npm install --no-save" >&2
  npm install --no-save --prefer-offline --no-audit --no-fund --loglevel=error
fi

step "native build (napi build --platform --release)"
for f in index.d.ts index.js; do
  if [[ -f "native/$f" ]]; then cp "native/$f" "$scratch/committed-$f"; fi
done
npx napi build --platform --release --target "$CARGO_BUILD_TARGET" \
  --output-dir native --js index.js --dts index.d.ts

step "native declaration drift check"
for f in index.d.ts index.js; do
  if [[ ! -f "$scratch/committed-$f" ]]; then
    echo "native/$f was not in the tree before the build: commit the generated file" >&2
    exit 1
  fi
  if ! diff -u "$scratch/committed-$f" "native/$f"; then
    echo "native/$f drifted from the Rust source: commit the regenerated file" >&2
    exit 1
  fi
done
echo "native/index.d.ts and native/index.js match the Rust source"

step "generated TypeScript is up to date (scripts/gen_node.py --check)"
python3 "$repo/scripts/gen_node.py" --check

step "tsc build (ts/ -> dist/)"
rm -rf dist
npx tsc -p tsconfig.json

step "tsc --strict --noEmit on examples/node"
npx tsc -p "$examples/tsconfig.json"

step "node --test"
node --test --test-concurrency=1 test/

step "npm pack (main + platform package) + install into a fresh directory + quickstart"
# the main package's prepack copies the license texts into it and into every npm/<platform>
tarball="$(npm pack --silent --pack-destination "$scratch" | tail -n 1)"
# listed into a variable first: `tar | grep -q` under pipefail fails when grep stops early
listing="$(tar tzf "$scratch/$tarball")"
if grep -q '\.node$' <<<"$listing"; then
  echo "the main package must not hold a native binary" >&2
  exit 1
fi
shopt -s nullglob
built=(native/agents-sdk.*.node)
shopt -u nullglob
if [[ ${#built[@]} -ne 1 ]]; then
  echo "expected exactly one native/agents-sdk.<platform>.node, found ${#built[@]}" >&2
  exit 1
fi
platform="${built[0]#native/agents-sdk.}"
platform="${platform%.node}"
cp "${built[0]}" "npm/$platform/"
platform_tarball="$(cd "npm/$platform" && npm pack --silent --pack-destination "$scratch" | tail -n 1)"
rm -f "npm/$platform/agents-sdk.$platform.node"
app="$scratch/app"
mkdir -p "$app"
cp "$examples"/*.ts "$examples/package.json" "$app/"
(
  cd "$app"
  npm install --no-audit --no-fund --loglevel=error --offline "$scratch/$tarball" \
    "$scratch/$platform_tarball"
  cat > tsconfig.json <<JSON
{
  "compilerOptions": {
    "target": "ES2022", "module": "nodenext", "moduleResolution": "nodenext", "lib": ["ES2022"],
    "types": ["node"], "typeRoots": ["$here/node_modules/@types"], "strict": true,
    "outDir": "out"
  },
  "include": ["*.ts"]
}
JSON
  "$here/node_modules/.bin/tsc" -p tsconfig.json
  cp package.json "$examples"/*.mjs out/
  cd out
  env -u CJHIRASHI_BASE_URL -u CJHIRASHI_API_KEY -u AGENT_BASE_URL -u AGENT_API_KEY node quickstart.js | tee quickstart.out
  grep -q "webhook conversation.created verified" quickstart.out
  node run-seed-snippet.mjs | tee seed.out
  test -s seed.out
)

echo
echo "bindings-node: all steps passed in $((SECONDS - start)) s"
