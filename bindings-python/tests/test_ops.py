"""Every ops operation, sync and async, and the realtime session."""

from __future__ import annotations

import pytest

from agent_client import (
    AgentClient,
    AsyncAgentClient,
    DoneEvent,
    MessageEvent,
    ThinkingEvent,
    ToolCallEvent,
    ToolResultEvent,
    models,
)
from cjhirashi_agents.testing import Sandbox


def test_login_and_auth(sandbox: Sandbox) -> None:
    client = AgentClient.login(sandbox.ops_url, sandbox.username, sandbox.password)
    assert client.metrics.get().agent_stats.uptime_seconds >= 0
    other = AgentClient(base_url=sandbox.ops_url, api_key="bad")
    token = other.auth.login(sandbox.username, sandbox.password)
    assert token.access_token and "REDACTED" in repr(token)
    assert other.tools.list()


def test_every_operation(ops: AgentClient) -> None:
    resp = ops.chat.send(conversation_id="conv_123", message="Lista las instancias EC2")
    assert resp.conversation_id == "conv_123" and resp.message.role == "assistant"
    assert isinstance(resp.message.tool_calls[0], models.ToolCall)
    events = list(ops.chat.stream(conversation_id="conv_123", message="Lista las instancias EC2"))
    kinds = [type(e) for e in events]
    assert ThinkingEvent in kinds and ToolCallEvent in kinds and ToolResultEvent in kinds
    assert MessageEvent in kinds and kinds[-1] is DoneEvent
    assert events[-1].type == "done"
    created = ops.conversations.create(title="Ops")
    assert created.title == "Ops"
    assert any(c.id == created.id for c in ops.conversations.list())
    assert ops.conversations.get("conv_123").messages
    assert ops.conversations.delete(created.id).deleted
    cfg = ops.config.get()
    assert cfg.llm.provider
    new = ops.config.update(agent={"autonomy_level": "semi"})
    assert new.agent.autonomy_level == "semi" and new.llm.model == cfg.llm.model
    assert ops.metrics.get().infrastructure.aws_instances >= 0
    tools = ops.tools.list()
    assert any(t.name == "list_ec2_instances" for t in tools)
    run = ops.tools.execute("list_ec2_instances", region="us-east-1", timeout=10)
    assert run.success and run.tool == "list_ec2_instances"
    doc = {
        "openapi": "3.0.0",
        "info": {"title": "Pets", "version": "1"},
        "paths": {"/pets": {"get": {}, "post": {}}},
    }
    learned = ops.learned_apis.learn(type="openapi", source=doc)
    assert learned.name == "Pets" and learned.endpoints == 2
    assert any(a.id == learned.id for a in ops.learned_apis.list())
    wh = ops.webhooks.create(url="http://127.0.0.1:9/", events=["tool.executed"], secret="s")
    assert wh.id and wh.events == ["tool.executed"]
    raw = ops.with_raw_response.metrics.get()
    assert raw.status_code == 200 and raw.request_id and raw.parse().alerts is not None


def test_chat_stream_text_and_context_manager(ops: AgentClient) -> None:
    with ops.chat.stream(conversation_id="conv_123", message="Lista las instancias EC2") as s:
        msgs = [e.content for e in s if isinstance(e, MessageEvent)]
    assert s.text == "".join(msgs)


def test_realtime(ops: AgentClient) -> None:
    with ops.realtime.connect() as session:
        session.send_chat("conv_123", "Lista las instancias EC2")
        events = list(session)
        assert events[-1].type == "done" and any(e.type == "tool_call" for e in events)
        session.send_chat(None, "hola otra vez")
        assert list(session)[-1].type == "done"
        # API.md's name for the same call
        session.chat("conv_123", "Muestra las métricas")
        assert list(session)[-1].type == "done"


async def test_async_ops(sandbox: Sandbox, aops: AsyncAgentClient) -> None:
    logged = await AsyncAgentClient.login(sandbox.ops_url, sandbox.username, sandbox.password)
    assert (await logged.metrics.get()).alerts is not None
    assert (await aops.auth.login(sandbox.username, sandbox.password)).access_token
    assert (await aops.chat.send(conversation_id="conv_123", message="hola")).message.content
    events = [e async for e in aops.chat.stream(conversation_id="conv_123", message="EC2")]
    assert isinstance(events[-1], DoneEvent)
    c = await aops.conversations.create(title="x")
    assert any(x.id == c.id for x in await aops.conversations.list())
    assert (await aops.conversations.get(c.id)).id == c.id
    assert (await aops.conversations.delete(c.id)).deleted
    assert (await aops.config.get()).agent.autonomy_level
    assert (await aops.config.update(llm={"model": "gpt-4"})).llm.model == "gpt-4"
    assert (await aops.metrics.get()).agent_stats.total_messages >= 0
    assert await aops.tools.list()
    assert (await aops.tools.execute("list_ec2_instances", region="us-east-1")).success
    learned = await aops.learned_apis.learn(
        source={"openapi": "3.0.0", "info": {"title": "T"}, "paths": {}}
    )
    assert learned.name == "T"
    assert await aops.learned_apis.list()
    assert (
        await aops.webhooks.create(url="http://127.0.0.1:9/", events=["api.learned"], secret="s")
    ).id
    async with aops.realtime.connect() as session:
        await session.send_chat("conv_123", "Lista las instancias EC2")
        got = [e.type async for e in session]
        assert got[-1] == "done" and "message" in got
        await session.chat(None, "hola otra vez")
        assert [e.type async for e in session][-1] == "done"


def test_bad_tool_parameters_are_400(ops: AgentClient) -> None:
    from agent_client import BadRequestError, NotFoundError

    with pytest.raises(NotFoundError):
        ops.tools.execute("no_such_tool")
    with pytest.raises(BadRequestError):
        ops.config.update(llm={"provider": "nope"})


def test_odd_events_from_a_server_are_unknown_events_not_crashes() -> None:
    from agent_client._model_extras import UnknownEvent, event_from_wire

    for raw in [[1, 2, 3], 42, None, "x", {"type": {"a": 1}}, {"type": 7}]:
        event = event_from_wire(raw)
        assert isinstance(event, UnknownEvent), raw
    assert event_from_wire([1, 2]).value == [1, 2]  # type: ignore[union-attr]
