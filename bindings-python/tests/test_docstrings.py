"""Every public class, function, method and property of both packages has a docstring, at run
time (what ``help()`` shows) and in the typed stubs (what editors show)."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import sys
import types
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set, Tuple

import pytest

import agent_client
import cjhirashi_agents
from agent_client import AgentClient, AsyncAgentClient
from cjhirashi_agents import AsyncClient, Client
from cjhirashi_agents._base import Resource

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent / "python"
PACKAGES = ("cjhirashi_agents", "agent_client")
PUBLIC_MODULES = (
    "cjhirashi_agents",
    "cjhirashi_agents.models",
    "cjhirashi_agents.webhooks",
    "cjhirashi_agents.testing",
    "agent_client",
    "agent_client.models",
    "agent_client.webhooks",
)


def _ours(obj: Any) -> bool:
    return str(getattr(obj, "__module__", "") or "").split(".")[0] in PACKAGES


def _resources(obj: Any, seen: Set[int]) -> Iterator[type]:
    """The resource classes reachable from a client (``client.health.medications``, ...)."""
    for name, value in vars(obj).items():
        if name.startswith("_") or not isinstance(value, Resource) or id(value) in seen:
            continue
        seen.add(id(value))
        yield type(value)
        yield from _resources(value, seen)


def public_objects() -> Dict[str, Any]:
    """Every public module-level item of both packages, plus the classes users reach through
    a client instance, by dotted name."""
    found: Dict[str, Any] = {}
    for modname in PUBLIC_MODULES:
        module = importlib.import_module(modname)
        found[modname] = module
        names = getattr(module, "__all__", None) or [n for n in vars(module) if n[0] != "_"]
        for name in names:
            value = getattr(module, name)
            if isinstance(value, types.ModuleType):
                continue
            if isinstance(value, type) or inspect.isfunction(value):
                if _ours(value):
                    found[f"{modname}.{name}"] = value
    clients = [
        Client(api_key="k", base_url="http://127.0.0.1:9/api"),
        AsyncClient(api_key="k", base_url="http://127.0.0.1:9/api"),
        AgentClient(api_key="k", base_url="http://127.0.0.1:9"),
        AsyncAgentClient(api_key="k", base_url="http://127.0.0.1:9"),
    ]
    seen: Set[int] = set()
    for client in clients:
        for cls in _resources(client, seen):
            found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return found


def _member_doc(owner: type, name: str) -> Tuple[bool, str]:
    """(whether ``name`` is a documentable member defined by our code, its own docstring)."""
    for klass in owner.__mro__:
        if name in klass.__dict__:
            raw = klass.__dict__[name]
            if not _ours(klass):
                return False, ""
            break
    else:  # pragma: no cover - dir() listed it
        return False, ""
    if isinstance(raw, property):
        return True, raw.__doc__ or ""
    if isinstance(raw, (staticmethod, classmethod)):
        return True, raw.__func__.__doc__ or ""
    if inspect.isfunction(raw):
        return True, raw.__doc__ or ""
    return False, ""


def missing_runtime_docs() -> List[str]:
    missing = []
    for dotted, obj in public_objects().items():
        if isinstance(obj, types.ModuleType):
            if not (obj.__doc__ or "").strip():
                missing.append(dotted)
            continue
        own = obj.__dict__.get("__doc__") if isinstance(obj, type) else obj.__doc__
        if not (own or "").strip():
            missing.append(dotted)
        if not isinstance(obj, type):
            continue
        for name in dir(obj):
            if name.startswith("_"):
                continue
            documentable, doc = _member_doc(obj, name)
            if documentable and not doc.strip():
                missing.append(f"{dotted}.{name}")
    return sorted(set(missing))


def test_every_public_item_has_a_docstring() -> None:
    missing = missing_runtime_docs()
    assert not missing, "public items without a docstring:\n  " + "\n  ".join(missing)


def test_the_walk_sees_the_whole_surface() -> None:
    # the walk itself must reach the resources, their methods and the models, or the test
    # above could pass by looking at nothing
    found = public_objects()
    names = set(found)
    for expected in (
        "cjhirashi_agents.Client",
        "cjhirashi_agents._client.Users",
        "cjhirashi_agents._client.Medications",
        "cjhirashi_agents.models.Agent",
        "cjhirashi_agents.webhooks.unwrap",
        "cjhirashi_agents.testing.Sandbox",
        "agent_client._client.Tools",
        "agent_client.models.ToolCallEvent",
        "agent_client.RealtimeSession",
    ):
        assert expected in names, expected
    assert _member_doc(found["cjhirashi_agents._client.Users"], "list")[0]
    assert _member_doc(found["cjhirashi_agents.SyncPage"], "page")[0]


def test_the_check_fails_for_an_undocumented_method(monkeypatch: pytest.MonkeyPatch) -> None:
    from cjhirashi_agents._client import Agents

    monkeypatch.setattr(Agents.get, "__doc__", None)
    assert "cjhirashi_agents._client.Agents.get" in missing_runtime_docs()


def undocumented_parameters() -> List[str]:
    """Parameters of public callables (the clients' constructors included) that their
    docstring does not describe as ``name: ...``."""
    skip = {"self", "cls", "options", "kwargs", "settings", "overrides", "exc"}
    missing = []
    for dotted, obj in public_objects().items():
        if not isinstance(obj, type):
            continue
        targets = [(dotted, obj.__dict__.get("__doc__") or "", getattr(obj, "__init__", None))]
        for name in dir(obj):
            if name.startswith("_"):
                continue
            raw = inspect.getattr_static(obj, name)
            func = raw.__func__ if isinstance(raw, (staticmethod, classmethod)) else raw
            if inspect.isfunction(func) and _ours(func):
                targets.append((f"{dotted}.{name}", func.__doc__ or "", func))
        for where, doc, func in targets:
            if not inspect.isfunction(func) or not _ours(func):
                continue
            if func.__name__ == "__init__" and obj not in (Client, AgentClient):
                continue
            for param in inspect.signature(func).parameters:
                if param in skip:
                    continue
                if f"{param}:" not in doc:
                    missing.append(f"{where}({param})")
    return sorted(set(missing))


def test_every_parameter_is_described() -> None:
    missing = undocumented_parameters()
    assert not missing, "parameters without a description:\n  " + "\n  ".join(missing)


def test_help_shows_the_operation_reference() -> None:
    client = Client(api_key="k", base_url="http://127.0.0.1:9/api")
    doc = inspect.getdoc(client.agents.create) or ""
    assert "POST /api/agents" in doc
    assert "Returns:" in doc and "CreatedAgent" in doc
    assert "Raises:" in doc
    assert "system_prompt" in doc
    ops = AgentClient(api_key="k", base_url="http://127.0.0.1:9")
    assert "POST /api/tools/execute" in (inspect.getdoc(ops.tools.execute) or "")


# ---------------------------------------------------------------- stubs


def stub_files() -> List[Path]:
    return sorted(p for pkg in PACKAGES for p in (SOURCE / pkg).glob("*.pyi"))


def missing_stub_docs(path: Path) -> List[str]:
    """Public classes and public functions/methods (any class, dunders aside) without a
    docstring in one stub file."""
    tree = ast.parse(path.read_text())
    missing = []

    def visit(body: List[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef):
                if not node.name.startswith("_") and not ast.get_docstring(node):
                    missing.append(f"{prefix}{node.name} (line {node.lineno})")
                visit(node.body, f"{prefix}{node.name}.")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if not node.name.startswith("_") and not ast.get_docstring(node):
                    missing.append(f"{prefix}{node.name} (line {node.lineno})")

    visit(tree.body, "")
    return missing


def test_there_are_stubs_to_check() -> None:
    names = {p.name for p in stub_files()}
    assert {"_client.pyi", "_native.pyi"} <= names


@pytest.mark.parametrize("path", stub_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_public_stub_item_has_a_docstring(path: Path) -> None:
    missing = missing_stub_docs(path)
    assert not missing, f"{path.name}: items without a docstring:\n  " + "\n  ".join(missing)


def test_stub_check_fails_for_an_undocumented_def(tmp_path: Path) -> None:
    stub = tmp_path / "x.pyi"
    stub.write_text(
        'class A:\n    """A."""\n    def f(self) -> int: ...\n    def __len__(self) -> int: ...\n'
    )
    assert missing_stub_docs(stub) == ["A.f (line 3)"]


def test_stub_operation_docs_match_the_reference_text() -> None:
    script = HERE.parent / "scripts" / "stub_docs.py"
    spec = importlib.util.spec_from_file_location("stub_docs", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["stub_docs"] = module
    spec.loader.exec_module(module)
    stale = module.stale(module.load_docs())
    assert not stale, "run bindings-python/scripts/stub_docs.py:\n  " + "\n  ".join(stale)


def test_docs_speak_of_no_internal_names() -> None:
    words = ("seed", "_docs.py", "stub_docs")
    for dotted, obj in public_objects().items():
        texts = [obj.__doc__ or ""]
        if isinstance(obj, type):
            texts += [_member_doc(obj, n)[1] for n in dir(obj) if not n.startswith("_")]
        for text in texts:
            for word in words:
                assert word not in text.lower(), f"{dotted} mentions {word!r}"


def test_public_modules_are_documented() -> None:
    for module in (cjhirashi_agents, agent_client):
        assert (module.__doc__ or "").strip()
