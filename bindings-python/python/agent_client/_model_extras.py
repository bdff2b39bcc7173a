"""Hand-written parts of the ops models: the ``repr`` of ``Token`` (mixed into the generated
class of ``models.py``) and the typed chat events of streams and the WebSocket, which
``models.py`` re-exports (the names of ``__all__``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional, Union

from cjhirashi_agents._models import BaseModel

__all__ = [
    "ThinkingEvent",
    "ToolCallEvent",
    "ToolResultEvent",
    "MessageEvent",
    "DoneEvent",
    "ErrorEvent",
    "AuthenticatedEvent",
    "PongEvent",
    "UnknownEvent",
    "ChatEvent",
    "event_from_wire",
]


class Token:
    """``repr`` hides the token."""

    if TYPE_CHECKING:
        token_type: str
        expires_in: int

    def __repr__(self) -> str:
        return (
            f"Token(access_token='[REDACTED]', token_type={self.token_type!r}, "
            f"expires_in={self.expires_in!r})"
        )


class ThinkingEvent(BaseModel):
    """``{"type": "thinking", "content"}``: what the agent is doing."""

    type: str
    content: str


class ToolCallEvent(BaseModel):
    """``{"type": "tool_call", "tool", "params"}``: a tool is about to run."""

    type: str
    tool: str
    params: Dict[str, Any]


class ToolResultEvent(BaseModel):
    """``{"type": "tool_result", "tool", "result"}``: what the tool returned."""

    type: str
    tool: Optional[str]
    result: Any


class MessageEvent(BaseModel):
    """``{"type": "message", "content"}``: a chunk of the answer."""

    type: str
    content: str


class DoneEvent(BaseModel):
    """``{"type": "done", "conversation_id"}``: the answer is complete."""

    type: str
    conversation_id: Optional[str]


class ErrorEvent(BaseModel):
    """``{"type": "error", "error"}``: the agent failed; streams raise it as an error."""

    type: str
    error: Dict[str, Any]


class AuthenticatedEvent(BaseModel):
    """``{"type": "authenticated"}``: the WebSocket session is authenticated."""

    type: str


class PongEvent(BaseModel):
    """``{"type": "pong"}``: the answer to a ping on the WebSocket."""

    type: str


class UnknownEvent(BaseModel):
    """An event whose ``type`` this version does not know; its fields are attributes."""

    type: str


ChatEvent = Union[
    ThinkingEvent,
    ToolCallEvent,
    ToolResultEvent,
    MessageEvent,
    DoneEvent,
    ErrorEvent,
    AuthenticatedEvent,
    PongEvent,
    UnknownEvent,
]

_EVENTS: Dict[str, Any] = {
    "thinking": ThinkingEvent,
    "tool_call": ToolCallEvent,
    "tool_result": ToolResultEvent,
    "message": MessageEvent,
    "done": DoneEvent,
    "error": ErrorEvent,
    "authenticated": AuthenticatedEvent,
    "pong": PongEvent,
}


def event_from_wire(data: Any) -> ChatEvent:
    """The typed event for a decoded event object. Anything else the server sent (an array, a
    number, a ``type`` that is not a string) is an :class:`UnknownEvent`; a value that is not an
    object is its ``value`` attribute (``type`` is then ``""``)."""
    if not isinstance(data, dict):
        data = {"type": "", "value": data}
    kind = data.get("type")
    cls = _EVENTS.get(kind, UnknownEvent) if isinstance(kind, str) else UnknownEvent
    event: ChatEvent = cls.from_wire(data)
    return event
