"""The per-operation surface (resource methods, stubs, operation docs, models) is generated from
the OpenAPI documents by ``scripts/gen_python.py``: the committed files are what it writes, and
a new operation in a document needs no hand-written Python to appear on every surface."""

from __future__ import annotations

import ast
import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCRIPT = ROOT / "scripts" / "gen_python.py"


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "gen_python.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_committed_files_are_generated() -> None:
    done = run(ROOT, "--check")
    assert done.returncode == 0, done.stderr


def copy_tree(tmp: Path) -> Path:
    """The generator, the documents and the package sources (no native module) in ``tmp``."""
    (tmp / "scripts").mkdir()
    shutil.copy(SCRIPT, tmp / "scripts")
    shutil.copytree(ROOT / "spec", tmp / "spec")
    shutil.copytree(
        ROOT / "bindings-python" / "python",
        tmp / "bindings-python" / "python",
        ignore=shutil.ignore_patterns("*.so", "__pycache__"),
    )
    return tmp


def add_operation(doc: Dict[str, Any]) -> None:
    """``finance.goals.list`` (kind items) and ``finance.goals.create`` with a new model."""
    schemas = doc["components"]["schemas"]
    schemas["Goal"] = {
        "description": "A savings goal.",
        "type": "object",
        "required": ["id", "target"],
        "properties": {
            "id": {"type": "string", "description": "`goal_...`."},
            "target": {"$ref": "#/components/schemas/Money", "description": "The amount."},
            "dueDate": {"type": ["string", "null"], "description": "When."},
        },
    }
    schemas["GoalList"] = {
        "type": "object",
        "properties": {"goals": {"type": "array", "items": {"$ref": "#/components/schemas/Goal"}}},
    }
    answer = copy.deepcopy(doc["paths"]["/finance/budgets"]["get"])
    answer["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["data"] = {
        "$ref": "#/components/schemas/GoalList"
    }
    answer.update(description="SDK: `finance.goals.list`.", operationId="listGoals")
    answer["x-sdk"] = [{"name": "finance.goals.list", "kind": "items", "items": "goals"}]
    create = copy.deepcopy(answer)
    create["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["data"] = {
        "$ref": "#/components/schemas/Goal"
    }
    create["requestBody"] = {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Goal"}}},
    }
    create.update(description="SDK: `finance.goals.create`.", operationId="createGoal")
    create["x-sdk"] = [{"name": "finance.goals.create", "kind": "call", "doc": "Adds a goal."}]
    doc["paths"]["/finance/goals"] = {"get": answer, "post": create}


def test_a_new_operation_needs_no_handwritten_python(tmp_path: Path) -> None:
    root = copy_tree(tmp_path)
    spec = root / "spec" / "platform.openapi.json"
    doc = json.loads(spec.read_text())
    add_operation(doc)
    spec.write_text(json.dumps(doc))
    stale = run(root, "--check")
    assert stale.returncode == 1 and "models.py" in stale.stderr and "_client.py" in stale.stderr
    assert run(root).returncode == 0
    assert run(root, "--check").returncode == 0  # written once, stable

    pkg = root / "bindings-python" / "python" / "cjhirashi_agents"
    runtime = ast.parse((pkg / "_client.py").read_text())
    classes = {n.name: n for n in runtime.body if isinstance(n, ast.ClassDef)}
    goals = {f.name for f in classes["Goals"].body if isinstance(f, ast.FunctionDef)}
    assert goals == {"list", "create"}
    stub = ast.parse((pkg / "_client.pyi").read_text())
    stubs = {n.name: n for n in stub.body if isinstance(n, ast.ClassDef)}
    for name in ("Goals", "GoalsWithRawResponse", "AsyncGoals", "AsyncGoalsWithRawResponse"):
        assert name in stubs, name
    create = next(
        f for f in stubs["AsyncGoals"].body if isinstance(f, ast.FunctionDef) and f.name == "create"
    )
    assert ast.unparse(create.returns) == "Awaitable[models.Goal]"  # type: ignore[arg-type]
    assert [a.arg for a in create.args.kwonlyargs] == ["id", "target", "due_date"]
    assert "Adds a goal." in (ast.get_docstring(create) or "")
    finance = {a.target.id for a in stubs["Finance"].body if isinstance(a, ast.AnnAssign)}  # type: ignore[union-attr]
    assert "goals" in finance
    models = (pkg / "models.py").read_text()
    assert "class Goal(BaseModel):" in models and "    target: Decimal" in models
    assert "    due_date: Optional[str]" in models
    tables = (pkg / "_docs_tables.py").read_text()
    assert '"Goals.create": {' in tables and '"summary": "Adds a goal."' in tables
    # the rendering code is hand-written: the generator leaves it as it is
    source = ROOT / "bindings-python" / "python" / "cjhirashi_agents" / "_docs.py"
    assert (pkg / "_docs.py").read_text() == source.read_text()


def test_the_generated_docs_module_holds_only_data() -> None:
    """``_docs_tables.py`` is literals (no function, class or import of the package); the
    rendering code lives in the hand-written ``_docs.py``."""
    pkg = ROOT / "bindings-python" / "python" / "cjhirashi_agents"
    tree = ast.parse((pkg / "_docs_tables.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            assert node.module in ("__future__", "typing"), ast.unparse(node)
            continue
        assert isinstance(node, (ast.Expr, ast.Assign, ast.AnnAssign)), ast.unparse(node)
        if node.value is not None:
            ast.literal_eval(node.value)  # raises on anything but a literal
    handwritten = ast.parse((pkg / "_docs.py").read_text())
    defined = {n.name for n in handwritten.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    assert {"Op", "render", "document"} <= defined
