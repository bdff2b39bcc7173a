"""The ops agent's typed events (thinking, tool calls, tool results, message, done) rendered
as they arrive: first over SSE (``POST /api/chat``), then over the realtime WebSocket.

    python examples/python/ops_events.py
"""

from __future__ import annotations

from agent_client import (
    AgentClient,
    ChatEvent,
    DoneEvent,
    MessageEvent,
    ThinkingEvent,
    ToolCallEvent,
    ToolResultEvent,
)
from cjhirashi_agents.testing import Sandbox


def render(event: ChatEvent) -> None:
    """Prints one event; both transports yield the same event classes."""
    if isinstance(event, ThinkingEvent):
        print(f"  [thinking] {event.content}")
    elif isinstance(event, ToolCallEvent):
        print(f"  [tool call] {event.tool} {event.params}")
    elif isinstance(event, ToolResultEvent):
        items = len(event.result) if isinstance(event.result, list) else 1
        print(f"  [tool result] {event.tool}: {items} item(s)")
    elif isinstance(event, MessageEvent):
        print(event.content, end="", flush=True)  # the answer, chunk by chunk
    elif isinstance(event, DoneEvent):
        print(f"\n  [done] conversation {event.conversation_id}")


def main() -> None:
    with Sandbox() as sandbox:
        # `login` keeps the JWT and logs in again before it expires.
        with AgentClient.login(sandbox.ops_url, sandbox.username, sandbox.password) as ops:
            print("over SSE:")
            with ops.chat.stream(
                conversation_id="conv_123", message="Lista las instancias EC2"
            ) as chat:
                for event in chat:
                    render(event)
            print(f"  answer: {len(chat.text)} characters")

            print("\nover the WebSocket:")
            # `connect` authenticates the socket first; one session carries many chats.
            with ops.realtime.connect() as session:
                for message in ["Muestra las alertas críticas", "Lista las VMs de Azure"]:
                    session.send_chat("conv_123", message)
                    # Iterating yields this answer's events and stops after its `done`.
                    for event in session:
                        render(event)


if __name__ == "__main__":
    main()
