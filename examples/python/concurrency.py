"""Concurrency with asyncio: several streamed answers at once with ``asyncio.gather``, and
independent calls side by side. One ``AsyncClient`` serves every task.

    python examples/python/concurrency.py
"""

from __future__ import annotations

import asyncio
import time
from typing import Tuple

from cjhirashi_agents import AsyncClient
from cjhirashi_agents.testing import Sandbox


async def ask(client: AsyncClient, question: str) -> Tuple[str, str]:
    """Opens a conversation, sends ``question`` and collects the streamed answer."""
    conversation = await client.conversations.create(agent_id="agt_personal_001", title=question)
    answer = ""
    async for token in conversation.send_message(question):
        answer += token
    return question, answer


async def run(platform_url: str, api_key: str) -> None:
    async with AsyncClient(api_key=api_key, base_url=platform_url) as client:
        # 1. Three streams at once: the tokens of all three arrive interleaved on one loop.
        started = time.perf_counter()
        questions = ["¿Cuánto gasté en comida?", "¿Tengo citas esta semana?", "Hola"]
        answers = await asyncio.gather(*(ask(client, q) for q in questions))
        for question, answer in answers:
            print(f"{question}\n  -> {len(answer)} characters")
        print(f"3 answers in {time.perf_counter() - started:.2f} s")

        # 2. Unrelated calls side by side (gather raises the first error; pass
        #    return_exceptions=True to get every outcome instead).
        agents, accounts, profile = await asyncio.gather(
            client.agents.list(),
            client.finance.accounts.list(),
            client.health.profile(),
        )
        print(f"{len(agents)} agents, {len(accounts)} accounts, blood type {profile.blood_type}")

        # 3. A deadline around a whole task: cancelling it closes its stream's connection.
        try:
            await asyncio.wait_for(ask(client, "¿Y mi presupuesto?"), timeout=10)
        except asyncio.TimeoutError:
            print("no answer within 10 s")
        else:
            print("a fourth answer within its deadline")


def main() -> None:
    with Sandbox() as sandbox:
        asyncio.run(run(sandbox.platform_url, sandbox.api_key))


if __name__ == "__main__":
    main()
