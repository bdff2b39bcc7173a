"""Models of the platform service (snake_case attributes of the camelCase wire fields).

Money amounts are :class:`decimal.Decimal`; timestamps are RFC 3339 ``str``; closed string
sets (roles, categories, ...) are ``str`` as sent.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from ._models import BaseModel

if TYPE_CHECKING:
    from ._streaming import AsyncMessageStream, MessageStream

__all__ = [
    "BaseModel",
    "SignOut",
    "Session",
    "SessionUser",
    "ApiKey",
    "User",
    "UserLimits",
    "UserUsage",
    "UpdatedUser",
    "UserSummary",
    "PagePagination",
    "CursorPagination",
    "Invitation",
    "DeletedUser",
    "Agent",
    "AgentConfig",
    "CreatedAgent",
    "DeletedAgent",
    "Message",
    "Conversation",
    "AsyncConversation",
    "DeletedConversation",
    "HealthProfile",
    "Allergy",
    "Condition",
    "Medication",
    "Appointment",
    "FinanceProfile",
    "Account",
    "Transaction",
    "TransactionSummary",
    "Budget",
    "Webhook",
    "UserList",
    "ConversationList",
    "TransactionList",
]


class SignOut(BaseModel):
    message: str


class SessionUser(BaseModel):
    id: str
    email: str
    name: Optional[str]
    role: str
    image: Optional[str]
    subscription_tier: Optional[str]


class Session(BaseModel):
    user: SessionUser
    expires: Optional[str]


class ApiKey(BaseModel):
    api_key: str
    expires_at: Optional[str]

    def __repr__(self) -> str:
        return f"ApiKey(api_key='[REDACTED]', expires_at={self.expires_at!r})"


class UserLimits(BaseModel):
    monthly_messages: Optional[int]
    monthly_tokens: Optional[int]
    agents_allowed: Optional[int]


class UserUsage(BaseModel):
    messages_used: int
    tokens_used: int


class User(BaseModel):
    id: str
    email: str
    name: Optional[str]
    role: str
    subscription_tier: str
    is_active: bool
    created_at: str
    limits: UserLimits
    usage: UserUsage
    image: Optional[str]
    preferences: Optional[Dict[str, Any]]


class UpdatedUser(BaseModel):
    id: str
    name: Optional[str]
    preferences: Optional[Dict[str, Any]]


class UserSummary(BaseModel):
    id: str
    email: str
    name: Optional[str]
    role: str
    is_active: Optional[bool]
    created_at: Optional[str]
    subscription_tier: Optional[str]


class PagePagination(BaseModel):
    page: int
    limit: int
    total: int
    pages: int


class CursorPagination(BaseModel):
    next_cursor: Optional[str]
    has_more: bool


class Invitation(BaseModel):
    invitation_id: str
    email: str
    expires_at: Optional[str]
    invite_url: Optional[str]


class DeletedUser(BaseModel):
    message: str
    deleted_user_id: str


class AgentConfig(BaseModel):
    temperature: Optional[float]
    max_tokens: Optional[int]
    top_p: Optional[float]


class Agent(BaseModel):
    id: str
    name: str
    description: Optional[str]
    category: Optional[str]
    model: Optional[str]
    is_public: bool
    created_by: Optional[str]
    capabilities: List[str]
    config: Optional[AgentConfig]
    created_at: Optional[str]
    system_prompt: Optional[str]


class CreatedAgent(BaseModel):
    id: str
    name: str
    endpoint_url: Optional[str]
    created_at: Optional[str]


class DeletedAgent(BaseModel):
    message: str
    deleted_agent_id: str


class Message(BaseModel):
    id: str
    role: str
    content: str
    timestamp: Optional[str]


class Conversation(BaseModel):
    """A conversation; ``send_message`` streams the assistant's answer to a new message."""

    id: str
    title: Optional[str]
    agent_id: str
    created_at: Optional[str]
    updated_at: Optional[str]
    message_count: Optional[int]
    messages: List[Message]
    _resource: Any = None

    def send_message(self, content: str, **options: Any) -> MessageStream:
        """Sends ``content`` and streams the answer token by token."""
        return self._bound().send_message(self.id, content, **options)  # type: ignore[no-any-return]

    def stream(self, **options: Any) -> MessageStream:
        """Streams the answer to the newest user message (e.g. the ``initial_message``)."""
        return self._bound().stream(self.id, **options)  # type: ignore[no-any-return]

    def _bound(self) -> Any:
        if self._resource is None:
            raise RuntimeError("this conversation is not attached to a client")
        return self._resource


class AsyncConversation(Conversation):
    """A conversation of the async client: ``send_message`` gives an async token stream."""

    def send_message(self, content: str, **options: Any) -> AsyncMessageStream:  # type: ignore[override]
        return self._bound().send_message(self.id, content, **options)  # type: ignore[no-any-return]

    def stream(self, **options: Any) -> AsyncMessageStream:  # type: ignore[override]
        return self._bound().stream(self.id, **options)  # type: ignore[no-any-return]


class DeletedConversation(BaseModel):
    message: str
    deleted_conversation_id: str


class Allergy(BaseModel):
    id: str
    name: str
    severity: str


class Condition(BaseModel):
    id: str
    name: str
    diagnosed_at: Optional[str]


class HealthProfile(BaseModel):
    id: str
    user_id: Optional[str]
    blood_type: Optional[str]
    height: Optional[float]
    weight: Optional[float]
    allergies: List[Allergy]
    conditions: List[Condition]
    updated_at: Optional[str]


class Medication(BaseModel):
    id: str
    name: str
    dosage: Optional[str]
    frequency: Optional[str]
    start_date: Optional[str]
    is_active: Optional[bool]
    adherence_rate: Optional[float]
    instructions: Optional[str]
    created_at: Optional[str]


class Appointment(BaseModel):
    id: str
    title: str
    type: str
    datetime: str
    location: Optional[str]
    notes: Optional[str]


class FinanceProfile(BaseModel):
    id: str
    user_id: Optional[str]
    currency: Optional[str]
    monthly_income: Decimal
    total_assets: Decimal
    total_liabilities: Decimal
    net_worth: Decimal


class Account(BaseModel):
    id: str
    name: str
    type: str
    balance: Decimal
    currency: Optional[str]
    institution: Optional[str]
    credit_limit: Optional[Decimal]


class Transaction(BaseModel):
    id: str
    account_id: str
    amount: Decimal
    description: Optional[str]
    category: Optional[str]
    date: Optional[str]
    type: Optional[str]
    created_at: Optional[str]


class TransactionSummary(BaseModel):
    total_income: Decimal
    total_expenses: Decimal
    net_flow: Decimal


class Budget(BaseModel):
    id: str
    name: str
    category: Optional[str]
    amount: Decimal
    spent: Decimal
    remaining: Decimal
    percentage: float
    status: str
    period: str
    start_date: Optional[str]
    end_date: Optional[str]


class Webhook(BaseModel):
    id: str
    url: str
    events: List[str]
    created_at: Optional[str]


class UserList(BaseModel):
    """One page of ``users.list``."""

    users: List[UserSummary]
    pagination: PagePagination


class ConversationList(BaseModel):
    """One page of ``conversations.list``."""

    conversations: List[Conversation]
    pagination: CursorPagination


class TransactionList(BaseModel):
    """One page of ``finance.transactions.list`` with the summary of the whole filter."""

    transactions: List[Transaction]
    summary: TransactionSummary
    pagination: CursorPagination
