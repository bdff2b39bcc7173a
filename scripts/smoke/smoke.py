"""Smoke test of an installed cjhirashi-agents: calls both services of its own sandbox.

Run with the interpreter that has the package installed (not from the source tree):
    python scripts/smoke/smoke.py
Used by scripts/verify-dist.sh and the release workflow.
"""

from agent_client import AgentClient
from cjhirashi_agents import Client
from cjhirashi_agents.testing import Sandbox

with Sandbox() as sb:
    client = Client(api_key=sb.api_key, base_url=sb.platform_url)
    agents = client.agents.list()
    assert agents, "no agents"
    me = client.users.me()
    ops = AgentClient.login(sb.ops_url, sb.username, sb.password)
    tools = ops.tools.list()
    assert tools, "no ops tools"
    print(f"python smoke: {len(agents)} agents, user {me.email}, {len(tools)} ops tools")
