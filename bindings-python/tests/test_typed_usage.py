"""Typed usage: checked by ``mypy --strict`` (scripts/test.sh) and run by pytest."""

from __future__ import annotations

from decimal import Decimal
from typing import List, Optional

from typing_extensions import assert_type

from agent_client import AgentClient, AsyncAgentClient, ChatEvent
from agent_client import models as ops_models
from cjhirashi_agents import AsyncClient, AsyncPage, Client, RawResponse, models
from cjhirashi_agents.testing import Sandbox


def test_sync_types(sandbox: Sandbox) -> None:
    client = Client(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    agents = client.agents.list(timeout=5.0, max_retries=1)
    assert_type(agents, List[models.Agent])
    agent: models.Agent = agents[0]
    assert_type(agent.is_public, bool)
    conv = client.conversations.create(agent_id=agent.id, initial_message="Hola")
    assert_type(conv, models.Conversation)
    stream = conv.send_message("hola", extra_headers={"X-Trace": "t"})
    tokens: List[str] = [t for t in stream]
    assert_type(stream.tokens_used, Optional[int])
    assert "".join(tokens) == stream.text
    page = client.finance.transactions.list(limit=2)
    assert_type(page.summary.net_flow, Decimal)
    for tx in page:
        assert_type(tx.amount, Decimal)
    raw = client.with_raw_response.agents.get(agent.id)
    assert_type(raw, RawResponse[models.Agent])
    assert raw.parse().id == agent.id
    ops = AgentClient(api_key=sandbox.ops_api_key, base_url=sandbox.ops_url)
    run = ops.tools.execute("list_ec2_instances", region="us-east-1")
    assert_type(run, ops_models.ToolExecution)
    chat = ops.chat.stream(message="EC2", conversation_id="conv_123")
    events: List[ChatEvent] = list(chat)
    assert isinstance(events[-1], ops_models.DoneEvent)
    assert_type(chat.done, Optional[ops_models.DoneEvent])
    assert chat.done is events[-1] and chat.conversation_id == "conv_123"
    assert not hasattr(chat, "message_id")  # a platform token stream's fact
    profile = client.health.profile()
    assert_type(profile.allergies, List[models.Allergy])
    assert isinstance(profile.allergies, list) and isinstance(profile.conditions, list)


async def test_async_types(sandbox: Sandbox) -> None:
    client = AsyncClient(api_key=sandbox.api_key, base_url=sandbox.platform_url)
    agents = await client.agents.list()
    assert_type(agents, List[models.Agent])
    conv = await client.conversations.create(agent_id=agents[0].id)
    assert_type(conv, models.AsyncConversation)
    text = await conv.send_message("hola").until_done()
    assert_type(text, str)
    first = await client.finance.transactions.list()
    assert_type(first.summary, models.TransactionSummary)
    users = await AsyncClient(
        api_key=sandbox.admin_api_key, base_url=sandbox.platform_url
    ).users.list(limit=2)
    assert_type(users, AsyncPage[models.UserSummary])
    assert len(users.data) == 2
    ops = AsyncAgentClient(api_key=sandbox.ops_api_key, base_url=sandbox.ops_url)
    metrics = await ops.metrics.get()
    assert_type(metrics, ops_models.Metrics)
    chat = ops.chat.stream(message="EC2")
    async for _ in chat:
        pass
    assert_type(chat.conversation_id, Optional[str])
    assert chat.done is not None and chat.conversation_id == chat.done.conversation_id


def test_page_position_is_typed(sandbox: Sandbox) -> None:
    admin = Client(api_key=sandbox.admin_api_key, base_url=sandbox.platform_url)
    users = admin.users.list(limit=2)
    assert isinstance(users.pagination, models.PagePagination)
    assert users.pagination.total >= len(users.data)
    conversations = admin.conversations.list(limit=2)
    assert isinstance(conversations.pagination, models.CursorPagination)
