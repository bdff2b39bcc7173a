#!/usr/bin/env bash
# Builds the documentation site (MkDocs Material, strict: any warning fails) with the three API
# references inside it: rustdoc of agents-sdk and agents-sandbox, the Python packages through
# mkdocstrings (from their sources and stubs), and TypeDoc of the Node package. Checks first
# that every code block of the guides is an include of a runnable example (scripts/examples.sh
# runs those), so no guide shows code that is not tested.
#
#   scripts/docs.sh [OUT]        (default: $CARGO_TARGET_DIR/site, else target/site)
#
# Installs MkDocs into .tools/docs-venv and TypeDoc into .tools/docs-node (both gitignored) from
# the registries. The Node reference needs bindings-node/native/index.d.ts, which the Node
# package's build writes (bindings-node/scripts/test.sh, or `npm run build` there).
# The last line printed is the folder of the site.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export CARGO_BUILD_TARGET="${CARGO_BUILD_TARGET:-$(rustc -vV | sed -n 's/^host: //p')}"
out="${1:-$CARGO_TARGET_DIR/site}"
tools="$root/.tools"

echo "docs: guides include their code from examples/"
python3 - <<'PY'
import pathlib, re, sys
bad = []
for page in sorted(pathlib.Path("docs/guides").glob("*.md")):
    lines = page.read_text().splitlines()
    i = 0
    while i < len(lines):
        if lines[i].lstrip().startswith("```"):
            j = i + 1
            while j < len(lines) and not lines[j].lstrip().startswith("```"):
                j += 1
            body = [l.strip() for l in lines[i + 1 : j] if l.strip()]
            if not body or not all(l.startswith("--8<--") for l in body):
                bad.append(f"{page}:{i + 1}")
            for l in body:
                m = re.match(r'--8<-- "(.+)"', l)
                if m and not pathlib.Path(m.group(1)).is_file():
                    bad.append(f"{page}:{i + 1}: {m.group(1)} does not exist")
            i = j + 1
        else:
            i += 1
if bad:
    print("docs: guide code blocks must include an example file (--8<-- \"examples/...\"):", *bad, sep="\n  ")
    sys.exit(1)
PY

pins="mkdocs==1.6.1 mkdocs-material==9.7.7 mkdocstrings==1.0.8 mkdocstrings-python==2.0.11 pymdown-extensions==13.1.2"
if [ "$(cat "$tools/docs-venv/pins" 2>/dev/null)" != "$pins" ]; then
  echo "docs: installing MkDocs into .tools/docs-venv"
  python3 -m venv "$tools/docs-venv"
  # shellcheck disable=SC2086
  "$tools/docs-venv/bin/python" -m pip install -q --disable-pip-version-check $pins
  echo "$pins" > "$tools/docs-venv/pins"
fi
if [ ! -x "$tools/docs-node/node_modules/.bin/typedoc" ]; then
  echo "docs: installing TypeDoc into .tools/docs-node"
  mkdir -p "$tools/docs-node"
  npm install --silent --no-audit --no-fund --prefix "$tools/docs-node" "typedoc@0.28" "typescript@5.9" > /dev/null
fi

# The generated references go into the (gitignored) docs/reference/*-api folders, so that
# MkDocs copies them into the site and checks the links to them.
echo "docs: rustdoc"
RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps -p agents-sdk -p agents-sandbox
rm -rf docs/reference/rust-api docs/reference/node-api
cp -R "$CARGO_TARGET_DIR/$CARGO_BUILD_TARGET/doc" docs/reference/rust-api

echo "docs: TypeDoc"
if [ ! -f bindings-node/native/index.d.ts ]; then
  echo "docs: bindings-node/native/index.d.ts is missing: build the Node package first (cd bindings-node && npm run build)" >&2
  exit 1
fi
"$tools/docs-node/node_modules/.bin/typedoc" --logLevel Warn --treatWarningsAsErrors \
  --tsconfig bindings-node/tsconfig.json --entryPoints bindings-node/ts/index.ts \
  --entryPoints bindings-node/ts/testing.ts --name "@cjhirashi/agents-sdk" \
  --excludeInternal --disableSources --validation.notExported false --readme none --out docs/reference/node-api

echo "docs: mkdocs build --strict"
rm -rf "$out"
"$tools/docs-venv/bin/mkdocs" build --strict --quiet --site-dir "$out"
echo "$out"
