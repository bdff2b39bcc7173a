"""Models of the ops service (snake_case on the wire) and its typed chat events."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Union

from cjhirashi_agents._models import BaseModel

__all__ = [
    "BaseModel",
    "Token",
    "ToolCall",
    "OpsMessage",
    "ChatResponse",
    "ConversationSummary",
    "ConversationDetail",
    "DeletedConversation",
    "LlmConfig",
    "AgentSettings",
    "CloudProvider",
    "CloudProviders",
    "Config",
    "AlertCounts",
    "Infrastructure",
    "AgentStats",
    "Metrics",
    "Tool",
    "ToolExecution",
    "LearnedApi",
    "Webhook",
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


class Token(BaseModel):
    """An access token from ``auth.login``; ``repr`` hides the token."""

    access_token: str
    token_type: str
    expires_in: int

    def __repr__(self) -> str:
        return (
            f"Token(access_token='[REDACTED]', token_type={self.token_type!r}, "
            f"expires_in={self.expires_in!r})"
        )


class ToolCall(BaseModel):
    """A tool the agent ran while answering: its name, parameters and result."""

    tool: str
    params: Dict[str, Any]
    result: Any


class OpsMessage(BaseModel):
    """A message of a conversation: role, text, time and the tool calls it made."""

    role: str
    content: str
    timestamp: Optional[str]
    tool_calls: List[ToolCall]


class ChatResponse(BaseModel):
    """The answer of ``chat.send``: the conversation id and the answer message."""

    conversation_id: str
    message: OpsMessage


class ConversationSummary(BaseModel):
    """A conversation without its messages (``conversations.list``/``create``)."""

    id: str
    title: Optional[str]
    created_at: Optional[str]
    updated_at: Optional[str]
    message_count: int


class ConversationDetail(BaseModel):
    """A conversation with every message (``conversations.get``)."""

    id: str
    title: Optional[str]
    created_at: Optional[str]
    updated_at: Optional[str]
    messages: List[OpsMessage]


class DeletedConversation(BaseModel):
    """The confirmation of ``conversations.delete``."""

    id: str
    deleted: bool


class LlmConfig(BaseModel):
    """The language model the agent uses (provider and model)."""

    provider: str
    model: str


class AgentSettings(BaseModel):
    """How the agent behaves (its autonomy level)."""

    autonomy_level: str


class CloudProvider(BaseModel):
    """Whether one cloud provider is enabled."""

    enabled: bool


class CloudProviders(BaseModel):
    """The cloud providers: ``aws``, ``azure`` and ``gcp``."""

    aws: CloudProvider
    azure: CloudProvider
    gcp: CloudProvider


class Config(BaseModel):
    """The agent's configuration (``config.get``/``update``)."""

    llm: LlmConfig
    agent: AgentSettings
    cloud_providers: CloudProviders


class AlertCounts(BaseModel):
    """How many alerts are critical, warning or ok."""

    critical: int
    warning: int
    ok: int


class Infrastructure(BaseModel):
    """How many instances each cloud runs."""

    aws_instances: int
    azure_vms: int
    gcp_instances: int


class AgentStats(BaseModel):
    """The agent's own statistics: messages, tools executed, uptime."""

    total_messages: int
    tools_executed: int
    uptime_seconds: int


class Metrics(BaseModel):
    """The answer of ``metrics.get``."""

    alerts: AlertCounts
    infrastructure: Infrastructure
    agent_stats: AgentStats


class Tool(BaseModel):
    """A tool the agent can run: name, description, category and parameter schema."""

    name: str
    description: str
    category: str
    parameters: Dict[str, Any]


class ToolExecution(BaseModel):
    """The result of ``tools.execute``: success, result and duration (ms)."""

    tool: str
    success: bool
    result: Any
    execution_time_ms: int


class LearnedApi(BaseModel):
    """An API the agent learned from its document, with its endpoint count."""

    id: str
    name: str
    endpoints: int
    learned_at: Optional[str]
    source: Any
    type: Optional[str]


class Webhook(BaseModel):
    """A registered webhook endpoint: id, URL and events."""

    id: str
    url: str
    events: List[str]
    created_at: Optional[str]


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


def event_from_wire(data: Dict[str, Any]) -> ChatEvent:
    """The typed event for a decoded event object."""
    cls = _EVENTS.get(data.get("type", ""), UnknownEvent)
    event: ChatEvent = cls.from_wire(data)
    return event
