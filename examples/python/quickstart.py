"""Quickstart: both services end to end.

    python examples/python/quickstart.py

Runs against the services named by CJHIRASHI_BASE_URL / AGENT_BASE_URL (with their keys), or,
when CJHIRASHI_BASE_URL is not set, against the embedded sandbox started here.
"""

from __future__ import annotations

import http.server
import os
import queue
import threading
from contextlib import ExitStack
from typing import Dict, Tuple

from agent_client import AgentClient, MessageEvent, ToolCallEvent, ToolResultEvent
from cjhirashi_agents import Client, webhooks
from cjhirashi_agents.testing import Sandbox

Delivery = Tuple[bytes, Dict[str, str]]


def start_receiver(inbox: queue.Queue[Delivery]) -> http.server.ThreadingHTTPServer:
    """A tiny webhook receiver on a free local port."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            inbox.put((body, {k.lower(): v for k, v in self.headers.items()}))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    with ExitStack() as stack:
        if os.environ.get("CJHIRASHI_BASE_URL"):
            platform = Client()
            ops_url = os.environ.get("AGENT_BASE_URL", "http://localhost:8000")
            ops_user = os.environ.get("AGENT_USERNAME", "admin")
            ops_password = os.environ.get("AGENT_PASSWORD", "password")
        else:
            sandbox = stack.enter_context(Sandbox())
            print(f"embedded sandbox: {sandbox.platform_url} and {sandbox.ops_url}")
            platform = Client(api_key=sandbox.api_key, base_url=sandbox.platform_url)
            ops_url, ops_user, ops_password = sandbox.ops_url, sandbox.username, sandbox.password

        # Platform: agents, a conversation and a streamed answer
        agents = platform.agents.list()
        print("agents:", ", ".join(a.name for a in agents))

        inbox: queue.Queue[Delivery] = queue.Queue()
        receiver = start_receiver(inbox)
        stack.callback(receiver.shutdown)
        secret = "whsec_quickstart"
        url = f"http://127.0.0.1:{receiver.server_address[1]}/webhooks"
        platform.webhooks.create(url=url, events=["conversation.created"], secret=secret)

        conversation = platform.conversations.create(agent_id=agents[0].id, title="Quickstart")
        stream = conversation.send_message("¿Cómo estás?")
        for token in stream:
            print(token, end="", flush=True)
        print(f"\n[{stream.tokens_used} tokens, message {stream.message_id}]")

        # The webhook delivery for the new conversation, verified with the secret
        body, headers = inbox.get(timeout=10)
        event = webhooks.unwrap(body, headers, secret, tolerance=300)
        print(f"webhook {event.event}: conversation {event.data.conversation_id} verified")

        # Ops: log in, stream a chat with its tool calls, run a tool
        ops = AgentClient.login(ops_url, ops_user, ops_password)
        with ops.chat.stream(
            conversation_id="conv_123", message="Lista las instancias EC2"
        ) as chat:
            for ev in chat:
                if isinstance(ev, ToolCallEvent):
                    print(f"-> running {ev.tool}({ev.params})")
                elif isinstance(ev, ToolResultEvent):
                    print(f"<- {ev.tool} answered")
                elif isinstance(ev, MessageEvent):
                    print(ev.content, end="", flush=True)
        print()
        result = ops.tools.execute("list_ec2_instances", region="us-east-1")
        print(f"{result.tool}: success={result.success} in {result.execution_time_ms} ms")


if __name__ == "__main__":
    main()
