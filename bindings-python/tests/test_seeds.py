"""The seeds' own Python snippets, run unchanged against the sandbox."""

from __future__ import annotations

import os
import pathlib
import re

import pytest

from cjhirashi_agents.testing import Sandbox

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples" / "python"
SEEDS = pathlib.Path(__file__).resolve().parents[3] / "shared" / "seeds"


def _seed_snippet(name: str, marker: str) -> str:
    """The example file's snippet; when the seeds are beside the repo, check it is verbatim."""
    text = (EXAMPLES / name).read_text()
    snippet = text.split("# --- seed snippet (verbatim) ---\n", 1)[1]
    if SEEDS.is_dir():
        for seed in SEEDS.glob("*.txt"):
            for block in re.findall(r"```python\n(.*?)```", seed.read_text(), re.S):
                if marker in block:
                    assert block == snippet, f"{name} differs from the seed's snippet"
                    return snippet
        pytest.fail(f"no seed snippet with {marker!r}")
    return snippet


def test_platform_seed_snippet(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CJHIRASHI_API_KEY", sandbox.api_key)
    monkeypatch.setenv("CJHIRASHI_BASE_URL", sandbox.platform_url)
    snippet = _seed_snippet("seed_platform.py", "from cjhirashi_agents import Client")
    # the seed uses `os` without importing it; the example file imports it before the snippet
    exec(compile(snippet, "seed_platform", "exec"), {"os": os})
    assert "¿Cómo estás?" in capsys.readouterr().out


def test_ops_seed_snippet(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_BASE_URL", sandbox.ops_url)
    monkeypatch.delenv("AGENT_API_KEY", raising=False)
    snippet = _seed_snippet("seed_ops.py", "from agent_client import AgentClient")
    scope: dict[str, object] = {}
    exec(compile(snippet, "seed_ops", "exec"), scope)
    assert scope["result"].success  # type: ignore[attr-defined]
    assert scope["response"].conversation_id == "conv_123"  # type: ignore[attr-defined]
