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
    access_token: str
    token_type: str
    expires_in: int

    def __repr__(self) -> str:
        return (
            f"Token(access_token='[REDACTED]', token_type={self.token_type!r}, "
            f"expires_in={self.expires_in!r})"
        )


class ToolCall(BaseModel):
    tool: str
    params: Dict[str, Any]
    result: Any


class OpsMessage(BaseModel):
    role: str
    content: str
    timestamp: Optional[str]
    tool_calls: List[ToolCall]


class ChatResponse(BaseModel):
    conversation_id: str
    message: OpsMessage


class ConversationSummary(BaseModel):
    id: str
    title: Optional[str]
    created_at: Optional[str]
    updated_at: Optional[str]
    message_count: int


class ConversationDetail(BaseModel):
    id: str
    title: Optional[str]
    created_at: Optional[str]
    updated_at: Optional[str]
    messages: List[OpsMessage]


class DeletedConversation(BaseModel):
    id: str
    deleted: bool


class LlmConfig(BaseModel):
    provider: str
    model: str


class AgentSettings(BaseModel):
    autonomy_level: str


class CloudProvider(BaseModel):
    enabled: bool


class CloudProviders(BaseModel):
    aws: CloudProvider
    azure: CloudProvider
    gcp: CloudProvider


class Config(BaseModel):
    llm: LlmConfig
    agent: AgentSettings
    cloud_providers: CloudProviders


class AlertCounts(BaseModel):
    critical: int
    warning: int
    ok: int


class Infrastructure(BaseModel):
    aws_instances: int
    azure_vms: int
    gcp_instances: int


class AgentStats(BaseModel):
    total_messages: int
    tools_executed: int
    uptime_seconds: int


class Metrics(BaseModel):
    alerts: AlertCounts
    infrastructure: Infrastructure
    agent_stats: AgentStats


class Tool(BaseModel):
    name: str
    description: str
    category: str
    parameters: Dict[str, Any]


class ToolExecution(BaseModel):
    tool: str
    success: bool
    result: Any
    execution_time_ms: int


class LearnedApi(BaseModel):
    id: str
    name: str
    endpoints: int
    learned_at: Optional[str]
    source: Any
    type: Optional[str]


class Webhook(BaseModel):
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
    type: str
    error: Dict[str, Any]


class AuthenticatedEvent(BaseModel):
    type: str


class PongEvent(BaseModel):
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
