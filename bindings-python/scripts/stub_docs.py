"""Writes the docstrings of the typed stubs, or checks that they are there.

The text of every resource operation lives once, in ``cjhirashi_agents/_docs_tables.py``,
generated with the stubs' resource classes from the OpenAPI documents by
``scripts/gen_python.py`` (which writes those docstrings itself) and rendered by the
hand-written ``cjhirashi_agents/_docs.py``; the runtime methods take it as their ``__doc__``. The
stubs (``_client.pyi`` of both packages) spell out the sync, async and raw-response classes
separately, so each of their methods gets the text with its own return type. Every other
(hand-written) class and method of a stub takes the docstring of the runtime item of the same
name (so the package must be importable: run it in the venv where it is installed), and the
stub-only types theirs from ``STUB_ONLY``. Run after changing a hand-written docstring:

    python bindings-python/scripts/stub_docs.py            # rewrite the stubs' docstrings
    python bindings-python/scripts/stub_docs.py --check    # exit 1 if a stub is out of date

Then ``ruff format`` the stubs.
"""

from __future__ import annotations

import ast
import importlib
import sys
import types
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent.parent
PY = HERE / "python"
STUBS = {
    "cjhirashi_agents": PY / "cjhirashi_agents" / "_client.pyi",
    "agent_client": PY / "agent_client" / "_client.pyi",
}


# the stand-in package the source tree's ``_docs.py`` and ``_docs_tables.py`` are loaded in
DOCS_PACKAGE = "_stub_docs_source"


def load_docs() -> Any:
    """``cjhirashi_agents/_docs.py`` of the source tree, over the ``_docs_tables.py`` next to
    it (its relative import), loaded as modules of a stand-in package: not the installed
    package's copies, and without running the package's ``__init__``."""
    if DOCS_PACKAGE not in sys.modules:
        package = types.ModuleType(DOCS_PACKAGE)
        package.__path__ = [str(PY / "cjhirashi_agents")]
        sys.modules[DOCS_PACKAGE] = package
    return importlib.import_module(f"{DOCS_PACKAGE}._docs")


# stub classes whose runtime class has another name
ALIASES = {"_ClientBase": "_BaseClient", "_AgentClientBase": "_BaseAgentClient"}


def runtime_doc(package: str, cls: str, member: Optional[str]) -> Optional[str]:
    """The docstring of the runtime class (or of its member) a stub item describes."""
    module = importlib.import_module(f"{package}._client")
    obj = getattr(module, ALIASES.get(cls, cls), None)
    if not isinstance(obj, type):
        return None
    if member is None:
        doc = obj.__dict__.get("__doc__")
    else:
        raw = next((k.__dict__[member] for k in obj.__mro__ if member in k.__dict__), None)
        if isinstance(raw, (staticmethod, classmethod)):
            raw = raw.__func__
        doc = getattr(raw, "__doc__", None) if raw is not None else None
        if isinstance(raw, type):
            doc = None
    return ast.get_docstring(ast.parse(f'"""{doc}"""')) if doc else None


def split_name(name: str) -> Tuple[str, bool, bool]:
    """``AsyncUsersWithRawResponse`` -> (``Users``, async, raw)."""
    is_async = name.startswith("Async")
    base = name[len("Async") :] if is_async else name
    is_raw = base.endswith("WithRawResponse")
    if is_raw:
        base = base[: -len("WithRawResponse")]
    return base, is_async, is_raw


def class_doc(docs: Any, table: Dict[str, Any], name: str) -> Optional[str]:
    base, is_async, is_raw = split_name(name)
    entry = table.get(base)
    if not isinstance(entry, str):
        return None
    if is_raw:
        text = (
            f"The operations of the ``{base}`` resource, each answering a ``RawResponse`` "
            "(``with_raw_response``)" + (", awaited." if is_async else ".")
        )
        return str(docs._fill(text))
    if is_async:
        return str(docs._fill(entry)) + "\n\nAsync client: every operation is awaited."
    return str(docs._fill(entry))


def method_doc(docs: Any, table: Dict[str, Any], cls: str, node: ast.FunctionDef) -> Optional[str]:
    base, is_async, is_raw = split_name(cls)
    if node.name == "with_raw_response" and isinstance(table.get(base), str):
        return str(docs.WITH_RAW_RESPONSE)
    op = table.get(f"{base}.{node.name}")
    if op is None or isinstance(op, str):
        return None
    variant = ("async_" if is_async else "") + ("raw" if is_raw else "sync")
    variant = {"async_sync": "async", "sync": "sync"}.get(variant, variant)
    ret = ast.unparse(node.returns) if node.returns is not None else None
    return str(docs.render(op, variant, ret))


def wanted(docs: Any, package: str, tree: ast.Module) -> List[Tuple[ast.AST, str]]:
    """Every class and method of the stub that has a docstring to take, with that text."""
    table = docs.RESOURCES[package]
    only = docs.STUB_ONLY[package]
    out: List[Tuple[ast.AST, str]] = []
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        doc = class_doc(docs, table, cls.name)
        if doc is None and cls.name in only:
            doc = docs._fill(only[cls.name])
        if doc is None:
            doc = runtime_doc(package, cls.name, None)
        if doc is not None:
            out.append((cls, doc))
        for node in cls.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if node.name.startswith("__"):
                    continue
                mdoc = method_doc(docs, table, cls.name, node)  # type: ignore[arg-type]
                if mdoc is None and f"{cls.name}.{node.name}" in only:
                    mdoc = docs._fill(only[f"{cls.name}.{node.name}"])
                if mdoc is None:
                    mdoc = runtime_doc(package, cls.name, node.name)
                if mdoc is not None:
                    out.append((node, mdoc))
    return out


def docstring_lines(text: str, indent: int) -> List[str]:
    pad = " " * indent
    lines = text.splitlines()
    if len(lines) == 1 and indent + len(text) + 6 <= 100:
        return [f'{pad}"""{text}"""']
    out = [f'{pad}"""{lines[0]}']
    out += [f"{pad}{ln}" if ln else "" for ln in lines[1:]]
    out.append(f'{pad}"""')
    return out


def rewrite(source: str, items: List[Tuple[ast.AST, str]]) -> str:
    lines = source.splitlines()
    edits: List[Tuple[int, int, List[str]]] = []  # (first line, last line) 0-based, inclusive
    for node, text in items:
        assert isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        first = node.body[0]
        indent = node.col_offset + 4
        new = docstring_lines(text, indent)
        if ast.get_docstring(node, clean=False) is not None:
            edits.append((first.lineno - 1, (first.end_lineno or first.lineno) - 1, new))
        elif (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and first.value.value is Ellipsis
            and len(node.body) == 1
        ):
            row = first.lineno - 1
            head = lines[row][: first.col_offset].rstrip()
            if head.strip():
                edits.append((row, row, [head] + new))
            else:
                edits.append((row, row, new))
        else:
            start = min([first.lineno] + [d.lineno for d in getattr(first, "decorator_list", [])])
            edits.append((start - 1, start - 2, new))  # an insertion before `start`
    # bottom-up; on one row, the replacement (a one-line def) before the insertion above it
    for first_row, last_row, new in sorted(edits, key=lambda e: (e[0], e[1] >= e[0]), reverse=True):
        lines[first_row : last_row + 1] = new
    return "\n".join(lines) + "\n"


def stale(docs: Any) -> List[str]:
    """The stub items whose docstring differs from the reference text."""
    problems = []
    for package, path in STUBS.items():
        tree = ast.parse(path.read_text())
        for node, text in wanted(docs, package, tree):
            have = ast.get_docstring(node)  # type: ignore[arg-type]
            if have != ast.get_docstring(ast.parse(f'"""{text}"""')):
                problems.append(f"{path.name}: {getattr(node, 'name', '?')} (line {node.lineno})")  # type: ignore[attr-defined]
    return problems


def main(argv: List[str]) -> int:
    docs = load_docs()
    if "--check" in argv:
        problems = stale(docs)
        for p in problems:
            print(f"stub docstring out of date: {p}", file=sys.stderr)
        if problems:
            print("run: python bindings-python/scripts/stub_docs.py", file=sys.stderr)
        return 1 if problems else 0
    for package, path in STUBS.items():
        source = path.read_text()
        items = wanted(docs, package, ast.parse(source))
        path.write_text(rewrite(source, items))
        print(f"{path.relative_to(HERE)}: {len(items)} docstrings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
