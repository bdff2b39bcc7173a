"""Compares the answers the three runners got for the same scenario steps.

    SCENARIOS_DUMP=/tmp/dump scripts/scenarios.sh   # each runner appends DIR/<lang>.jsonl
    python3 tests/compare_outcomes.py /tmp/dump

For every step all three ran, it reports where the answers' shapes differ: object keys, array
lengths, JSON types, and an error's class, status and code. Values themselves (ids, times) are
not compared, and a key whose value is null or [] counts as absent. Exits 1 when something
differs. Standard library only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Dict, List

LANGS = ("rust", "python", "node")
# compared too when the run wrote them (the Python runner's asyncio clients)
OPTIONAL_LANGS = ("python-async",)
# facts of an error that every language must agree on; the message may differ
ERROR_FACTS = ("class", "status", "code")


def load(path: Path) -> Dict[str, Dict[str, Any]]:
    out: Dict[str, Dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            out[entry["name"]] = entry["steps"]
    return out


def kind(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def diff(values: Dict[str, Any], path: str, out: List[str]) -> None:
    kinds = {lang: kind(v) for lang, v in values.items()}
    if len(set(kinds.values())) > 1:
        out.append(f"{path}: " + ", ".join(f"{k} {v}" for k, v in kinds.items()))
        return
    first = next(iter(values.values()))
    if isinstance(first, dict):
        if "error" in first and all(isinstance(v, dict) and "error" in v for v in values.values()):
            for fact in ERROR_FACTS:
                seen = {lang: v["error"].get(fact) for lang, v in values.items()}
                if len(set(map(str, seen.values()))) > 1:
                    out.append(f"{path}.error.{fact}: {seen}")
            return
        # a key set to null or [] is a key left out (Python models hold every declared field,
        # Rust leaves empty lists out)
        keys = {
            lang: {k for k, x in v.items() if x is not None and x != []}
            for lang, v in values.items()
        }
        everywhere = set.intersection(*keys.values())
        for lang, ks in keys.items():
            extra = sorted(ks - everywhere)
            if extra:
                out.append(f"{path}: only {lang} has {extra}")
        for k in sorted(everywhere):
            diff({lang: v[k] for lang, v in values.items()}, f"{path}.{k}", out)
    elif isinstance(first, list):
        lengths = {lang: len(v) for lang, v in values.items()}
        if len(set(lengths.values())) > 1:
            out.append(f"{path}: lengths {lengths}")
        n = min(lengths.values())
        for i in range(min(n, 3)):
            diff({lang: v[i] for lang, v in values.items()}, f"{path}[{i}]", out)


def main() -> int:
    folder = Path(sys.argv[1])
    langs = [*LANGS, *(x for x in OPTIONAL_LANGS if (folder / f"{x}.jsonl").exists())]
    runs = {lang: load(folder / f"{lang}.jsonl") for lang in langs}
    problems: List[str] = []
    for name in sorted(set.intersection(*(set(r) for r in runs.values()))):
        steps = set.intersection(*(set(r[name]) for r in runs.values()))
        for step in sorted(steps):
            found: List[str] = []
            diff({lang: runs[lang][name][step] for lang in langs}, "$", found)
            problems.extend(f"{name} {step} {f}" for f in found)
    for p in problems:
        print(p)
    print(f"{len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
