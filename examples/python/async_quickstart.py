"""Async quickstart: the same flow with AsyncClient and AsyncAgentClient.

Run: python examples/python/async_quickstart.py
"""

from __future__ import annotations

import asyncio
import os
from contextlib import ExitStack

from agent_client import AsyncAgentClient, ToolCallEvent
from cjhirashi_agents import AsyncClient
from cjhirashi_agents.testing import Sandbox


async def run(platform: AsyncClient, ops_url: str, user: str, password: str) -> None:
    agents = await platform.agents.list()
    print("agents:", ", ".join(a.name for a in agents))
    conversation = await platform.conversations.create(agent_id=agents[0].id)
    stream = conversation.send_message("¿Cómo estás?")
    async for token in stream:
        print(token, end="", flush=True)
    print(f"\n[{stream.tokens_used} tokens]")

    # pages are fetched lazily while iterating
    async for tx in platform.finance.transactions.list(limit=20):
        print(f"{tx.date} {tx.amount:>10} {tx.description}")
        break

    ops = await AsyncAgentClient.login(ops_url, user, password)
    async for ev in ops.chat.stream(conversation_id="conv_123", message="Lista las instancias EC2"):
        if isinstance(ev, ToolCallEvent):
            print(f"-> {ev.tool}")
    async with ops.realtime.connect() as session:
        await session.send_chat("conv_123", "Lista las instancias EC2")
        async for event in session:
            print("realtime:", event.type)


def main() -> None:
    with ExitStack() as stack:
        if os.environ.get("CJHIRASHI_BASE_URL"):
            platform = AsyncClient()
            ops_url = os.environ.get("AGENT_BASE_URL", "http://localhost:8000")
            user = os.environ.get("AGENT_USERNAME", "admin")
            password = os.environ.get("AGENT_PASSWORD", "password")
        else:
            sandbox = stack.enter_context(Sandbox())
            platform = AsyncClient(api_key=sandbox.api_key, base_url=sandbox.platform_url)
            ops_url, user, password = sandbox.ops_url, sandbox.username, sandbox.password
        asyncio.run(run(platform, ops_url, user, password))


if __name__ == "__main__":
    main()
