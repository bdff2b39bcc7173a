"""Answers decoded straight from their JSON into Python objects (``src/direct.rs``) against
the typed decoding they replace. ``conftest.py`` turns the comparison on for every test, so
each answer below that decodes directly is also decoded typed and compared; an answer that
does not fit the contract exactly must come out exactly as the typed decoding makes it (a
value, or the same ``DecodeError``)."""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, Iterator, Tuple

import pytest

from cjhirashi_agents import AsyncClient, Client, DecodeError, _native
from cjhirashi_agents.models import Agent, AgentConfig

from .test_hardening import TinyServer

Answer = Tuple[int, Dict[str, str], bytes]

AGENT: Dict[str, Any] = {
    "id": "agt_1",
    "name": "Finanzas",
    "description": "Presupuestos",
    "category": "finance",
    "model": "gemini-2.0-flash-exp",
    "isPublic": True,
    "createdBy": "system",
    "capabilities": ["budgets", "reports"],
}


def raw(body: bytes) -> Answer:
    return 200, {"Content-Type": "application/json", "Content-Length": str(len(body))}, body


def enveloped(data: Any, **extra: Any) -> Answer:
    return raw(json.dumps({"data": data, "meta": {"requestId": "req_1"}, **extra}).encode())


@pytest.fixture
def serve() -> Iterator[Callable[[Answer], Client]]:
    servers = []

    def start(answer: Answer) -> Client:
        server = TinyServer(lambda _path: answer)
        servers.append(server)
        return Client(api_key="cj_live_test", base_url=server.url, max_retries=0)

    yield start
    for s in servers:
        s.close()


def stats() -> Tuple[int, int]:
    decoded, typed, _ = _native._direct_decode_stats()
    return decoded, typed


def test_the_common_operations_are_decoded_directly() -> None:
    ops = set(_native._direct_decode_stats()[2])
    # the answers the benchmark and most programs read; money, maps and conversations
    # (built in Python) stay typed
    assert {"agents.list", "agents.get", "users.me", "health.profile"} <= ops
    assert "finance.accounts.list" not in ops  # money amounts
    assert "conversations.get" not in ops  # a handle built in Python


def test_a_list_answer_is_built_directly(serve: Callable[[Answer], Client]) -> None:
    other = {**AGENT, "id": "agt_2", "unknownField": {"nested": [1, {"x": None}]}}
    client = serve(enveloped({"agents": [AGENT, other], "total": 2}))
    before = stats()
    agents = client.agents.list()
    assert stats()[0] == before[0] + 1 and stats()[1] == before[1]
    assert [type(a) for a in agents] == [Agent, Agent]
    assert agents[0].to_dict() == {
        "capabilities": ["budgets", "reports"],
        "category": "finance",
        "config": None,
        "created_at": None,
        "created_by": "system",
        "description": "Presupuestos",
        "id": "agt_1",
        "is_public": True,
        "model": "gemini-2.0-flash-exp",
        "name": "Finanzas",
        "system_prompt": None,
    }
    assert not hasattr(agents[1], "unknown_field")
    # the defaults are new objects each time, not shared
    assert agents[0].capabilities is not agents[1].capabilities


def test_missing_fields_take_their_defaults(serve: Callable[[Answer], Client]) -> None:
    client = serve(enveloped({"id": "agt_1", "name": "x"}))
    before = stats()
    agent = client.agents.get("agt_1")
    assert stats()[0] == before[0] + 1
    assert agent.capabilities == [] and agent.is_public is False
    assert agent.description is None and agent.config is None


def test_nested_models_numbers_and_text(serve: Callable[[Answer], Client]) -> None:
    data = {
        **AGENT,
        "name": 'Caf\u00e9 \U0001f980 "quoted" \\ back\nslash',
        "category": "space",  # a category this version does not know is kept
        "config": {"temperature": 1, "maxTokens": 4294967295, "topP": 0.5},
    }
    client = serve(enveloped(data))
    before = stats()
    agent = client.agents.get("agt_1")
    assert stats()[0] == before[0] + 1
    assert agent.name == data["name"] and agent.category == "space"
    assert isinstance(agent.config, AgentConfig)
    assert agent.config.temperature == 1.0 and isinstance(agent.config.temperature, float)
    assert agent.config.max_tokens == 4294967295


@pytest.mark.parametrize(
    "body",
    [
        # a JSON array for a struct: serde reads the fields in order
        b'{"data": ["agt_1", "x"]}',
        # escaped key names are the same names
        b'{"data": {"i\\u0064": "agt_1", "name": "x"}}',
        b'{"data": {"id": "agt_1", "name": "x"}, "meta": null}',
        b'{"meta": {"requestId": "r"}, "data": {"id": "agt_1", "name": "x"}, "extra": [1, 2]}',
        b'  {"data": {"id": "agt_1", "name": "x"}}  \n',
        # unknown members are skipped however deep they nest
        b'{"data": {"id": "agt_1", "name": "x", "deep": ' + b"[" * 500 + b"]" * 500 + b"}}",
    ],
)
def test_answers_off_the_common_path_match_the_typed_decoding(
    serve: Callable[[Answer], Client], body: bytes
) -> None:
    agent = serve(raw(body)).agents.get("agt_1")
    assert isinstance(agent, Agent) and agent.id == "agt_1"


@pytest.mark.parametrize(
    "body",
    [
        b'{"data": {"name": "x"}}',  # a required field missing
        b'{"data": {"id": "agt_1", "name": "x", "isPublic": null}}',  # null for a bool
        b'{"data": {"id": "agt_1", "name": "x", "name": "y"}}',  # a duplicate field
        b'{"data": {"id": 5, "name": "x"}}',
        b'{"data": {"id": "agt_1", "name": "x", "config": {"maxTokens": -1}}}',
        b'{"data": {"id": "agt_1", "name": "x", "config": {"maxTokens": 4294967296}}}',
        b'{"data": {"id": "agt_1", "name": "x", "config": {"maxTokens": 5.0}}}',
        b'{"data": {"id": "agt_1", "name": "\\ud800"}}',  # a lone surrogate
        b'{"data": {"id": "agt_1", "name": "x"}, "data": {"id": "agt_2", "name": "y"}}',
        b'{"data": {"id": "agt_1", "name": "x"}, "meta": 5}',
        b'{"data": {"id": "agt_1", "name": "x"}} trailing',
        b'{"data": null}',
        b"{}",
    ],
)
def test_answers_that_do_not_fit_fail_as_the_typed_decoding_does(
    serve: Callable[[Answer], Client], body: bytes
) -> None:
    client = serve(raw(body))
    with pytest.raises(DecodeError) as direct:
        client.agents.get("agt_1")
    assert direct.value.status == 200 and "could not decode response body" in str(direct.value)


def test_async_calls_decode_directly_too(serve: Callable[[Answer], Client]) -> None:
    import asyncio

    url = serve(enveloped({"agents": [AGENT]})).base_url

    async def main() -> Any:
        async with AsyncClient(api_key="cj_live_test", base_url=url) as client:
            return await client.agents.list()

    before = stats()
    agents = asyncio.run(main())
    assert stats()[0] == before[0] + 1
    assert agents[0].id == "agt_1"


def test_a_raw_response_is_decoded_typed(serve: Callable[[Answer], Client]) -> None:
    client = serve(enveloped({"agents": [AGENT]}))
    before = stats()
    raw_response = client.agents.with_raw_response.list()
    assert stats() == before
    assert raw_response.parse()[0].id == "agt_1"


def test_an_answer_quoting_the_key_fails_without_it(serve: Callable[[Answer], Client]) -> None:
    # a wrongly typed field quoting the caller's key: the direct decoding gives up, the typed
    # one fails, and neither the message nor the excerpt carries the key
    body = {**AGENT, "name": 7, "description": "you sent cj_live_test_echoed"}
    server_key = "cj_live_test_echoed"
    client = serve(enveloped(body))
    client = client.with_options(api_key=server_key)
    with pytest.raises(DecodeError) as info:
        client.agents.get("agt_1")
    shown = f"{info.value} {info.value!r}"
    assert server_key not in shown and "[REDACTED]" in shown, shown
