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
    """The confirmation of ``auth.sign_out``."""

    message: str


class SessionUser(BaseModel):
    """The signed-in user of a session."""

    id: str
    email: str
    name: Optional[str]
    role: str
    image: Optional[str]
    subscription_tier: Optional[str]


class Session(BaseModel):
    """The current session (``auth.session``): the user and when it expires."""

    user: SessionUser
    expires: Optional[str]


class ApiKey(BaseModel):
    """A new API key (``auth.create_api_key``); ``repr`` hides the key."""

    api_key: str
    expires_at: Optional[str]

    def __repr__(self) -> str:
        return f"ApiKey(api_key='[REDACTED]', expires_at={self.expires_at!r})"


class UserLimits(BaseModel):
    """The monthly limits of the user's plan (``None``: unlimited)."""

    monthly_messages: Optional[int]
    monthly_tokens: Optional[int]
    agents_allowed: Optional[int]


class UserUsage(BaseModel):
    """What the user used this month."""

    messages_used: int
    tokens_used: int


class User(BaseModel):
    """The caller's profile (``users.me``) with plan, limits and usage."""

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
    """The answer of ``users.update_me``."""

    id: str
    name: Optional[str]
    preferences: Optional[Dict[str, Any]]


class UserSummary(BaseModel):
    """A user as listed by ``users.list``."""

    id: str
    email: str
    name: Optional[str]
    role: str
    is_active: Optional[bool]
    created_at: Optional[str]
    subscription_tier: Optional[str]


class PagePagination(BaseModel):
    """Page-number pagination: ``page``, ``limit``, ``total``, ``pages``."""

    page: int
    limit: int
    total: int
    pages: int


class CursorPagination(BaseModel):
    """Cursor pagination: ``next_cursor`` and ``has_more``."""

    next_cursor: Optional[str]
    has_more: bool


class Invitation(BaseModel):
    """An invitation sent by ``users.invite``."""

    invitation_id: str
    email: str
    expires_at: Optional[str]
    invite_url: Optional[str]


class DeletedUser(BaseModel):
    """The confirmation of ``users.delete``."""

    message: str
    deleted_user_id: str


class AgentConfig(BaseModel):
    """Model settings of an agent: temperature, max tokens, top-p."""

    temperature: Optional[float]
    max_tokens: Optional[int]
    top_p: Optional[float]


class Agent(BaseModel):
    """An agent: name, category, model, capabilities and configuration."""

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
    """The answer of ``agents.create``: id, name and endpoint URL."""

    id: str
    name: str
    endpoint_url: Optional[str]
    created_at: Optional[str]


class DeletedAgent(BaseModel):
    """The confirmation of ``agents.delete``."""

    message: str
    deleted_agent_id: str


class Message(BaseModel):
    """A message of a conversation: role (``user``/``assistant``), text and time."""

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
        """Sends ``content`` and streams the answer token by token
        (``POST /api/conversations/:id/messages``).

        Args:
            content: The message text.
            **options: Per-request options (``timeout``, ``max_retries``, ...).

        Returns:
            MessageStream: Iterating yields ``str`` tokens.

        Raises:
            RuntimeError: The conversation was not made by a client.
            NotFoundError: The conversation no longer exists (404).
            IncompleteStreamError: The stream ended before its ``done`` event.

        Example:
            >>> for token in conv.send_message("¿Cuánto gasté este mes?"):
            ...     print(token, end="")
        """
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
        """Sends ``content`` and streams the answer token by token (``async for``).

        Args:
            content: The message text.
            **options: Per-request options (``timeout``, ``max_retries``, ...).
        """
        return self._bound().send_message(self.id, content, **options)  # type: ignore[no-any-return]

    def stream(self, **options: Any) -> AsyncMessageStream:  # type: ignore[override]
        """Streams the answer to the newest user message (``async for``)."""
        return self._bound().stream(self.id, **options)  # type: ignore[no-any-return]


class DeletedConversation(BaseModel):
    """The confirmation of ``conversations.delete``."""

    message: str
    deleted_conversation_id: str


class Allergy(BaseModel):
    """An allergy of the health profile."""

    id: str
    name: str
    severity: str


class Condition(BaseModel):
    """A medical condition of the health profile."""

    id: str
    name: str
    diagnosed_at: Optional[str]


class HealthProfile(BaseModel):
    """The health profile: blood type, height (cm), weight (kg), allergies, conditions."""

    id: str
    user_id: Optional[str]
    blood_type: Optional[str]
    height: Optional[float]
    weight: Optional[float]
    allergies: List[Allergy]
    conditions: List[Condition]
    updated_at: Optional[str]


class Medication(BaseModel):
    """A medication: dosage, frequency, start date and adherence rate."""

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
    """An appointment: title, type, date-time, location and notes."""

    id: str
    title: str
    type: str
    datetime: str
    location: Optional[str]
    notes: Optional[str]


class FinanceProfile(BaseModel):
    """The finance profile: currency, income, assets, liabilities, net worth."""

    id: str
    user_id: Optional[str]
    currency: Optional[str]
    monthly_income: Decimal
    total_assets: Decimal
    total_liabilities: Decimal
    net_worth: Decimal


class Account(BaseModel):
    """A bank or credit account; ``balance`` and ``credit_limit`` are ``Decimal``."""

    id: str
    name: str
    type: str
    balance: Decimal
    currency: Optional[str]
    institution: Optional[str]
    credit_limit: Optional[Decimal]


class Transaction(BaseModel):
    """A transaction; ``amount`` is a ``Decimal`` (negative for expenses)."""

    id: str
    account_id: str
    amount: Decimal
    description: Optional[str]
    category: Optional[str]
    date: Optional[str]
    type: Optional[str]
    created_at: Optional[str]


class TransactionSummary(BaseModel):
    """Income, expenses and net flow of a filtered transaction list."""

    total_income: Decimal
    total_expenses: Decimal
    net_flow: Decimal


class Budget(BaseModel):
    """A budget with its amount, what is spent and what remains (``Decimal``)."""

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
    """A registered webhook endpoint: id, URL and events."""

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
