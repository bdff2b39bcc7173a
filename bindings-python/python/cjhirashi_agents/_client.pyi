"""Typed signatures of the platform clients (the runtime shares one implementation)."""

from decimal import Decimal
from typing import Any, Awaitable, Dict, Generator, List, Mapping, Optional, Sequence, Union

from typing_extensions import TypedDict, Unpack

from . import models
from . import webhooks as _webhooks
from ._base import AsyncPage, AsyncPaginator, RawResponse, SyncPage
from ._streaming import AsyncMessageStream, MessageStream

API_KEY_ENV: str
BASE_URL_ENV: str
DEFAULT_BASE_URL: str

class RequestOptions(TypedDict, total=False):
    """Per-request options accepted by every operation."""

    timeout: float
    max_retries: int
    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, str]
    idempotency_key: str
    max_response_bytes: int

class ListOptions(RequestOptions, total=False):
    """The options of a paginated list: those of every operation plus ``max_pages``."""

    max_pages: int

class TransactionPage(SyncPage[models.Transaction]):
    summary: models.TransactionSummary
    pagination: models.CursorPagination

class AsyncTransactionPage(AsyncPage[models.Transaction]):
    summary: models.TransactionSummary
    pagination: models.CursorPagination

class AsyncTransactionPaginator(AsyncPaginator[models.Transaction]):
    def __await__(self) -> Generator[Any, None, AsyncTransactionPage]: ...

class Auth:
    @property
    def with_raw_response(self) -> AuthWithRawResponse: ...
    def sign_in_url(self, **options: Unpack[RequestOptions]) -> str: ...
    def sign_out(self, **options: Unpack[RequestOptions]) -> models.SignOut: ...
    def session(self, **options: Unpack[RequestOptions]) -> models.Session: ...
    def create_api_key(self, **options: Unpack[RequestOptions]) -> models.ApiKey: ...

class AuthWithRawResponse:
    def sign_in_url(self, **options: Unpack[RequestOptions]) -> RawResponse[str]: ...
    def sign_out(self, **options: Unpack[RequestOptions]) -> RawResponse[models.SignOut]: ...
    def session(self, **options: Unpack[RequestOptions]) -> RawResponse[models.Session]: ...
    def create_api_key(self, **options: Unpack[RequestOptions]) -> RawResponse[models.ApiKey]: ...

class Users:
    @property
    def with_raw_response(self) -> UsersWithRawResponse: ...
    def me(self, **options: Unpack[RequestOptions]) -> models.User: ...
    def update_me(
        self,
        *,
        name: Optional[str] = None,
        preferences: Optional[Dict[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> models.UpdatedUser: ...
    def list(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        role: Optional[str] = None,
        search: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> SyncPage[models.UserSummary]: ...
    def invite(
        self,
        *,
        email: str,
        role: Optional[str] = None,
        message: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.Invitation: ...
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> models.DeletedUser: ...

class UsersWithRawResponse:
    def me(self, **options: Unpack[RequestOptions]) -> RawResponse[models.User]: ...
    def update_me(
        self,
        *,
        name: Optional[str] = None,
        preferences: Optional[Dict[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.UpdatedUser]: ...
    def list(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        role: Optional[str] = None,
        search: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> RawResponse[SyncPage[models.UserSummary]]: ...
    def invite(
        self,
        *,
        email: str,
        role: Optional[str] = None,
        message: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.Invitation]: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.DeletedUser]: ...

class Agents:
    @property
    def with_raw_response(self) -> AgentsWithRawResponse: ...
    def list(
        self,
        *,
        category: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> List[models.Agent]: ...
    def get(self, id: str, **options: Unpack[RequestOptions]) -> models.Agent: ...
    def create(
        self,
        *,
        name: str,
        description: Optional[str] = None,
        model: Optional[str] = None,
        config: Optional[Mapping[str, Any]] = None,
        system_prompt: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> models.CreatedAgent: ...
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> models.DeletedAgent: ...

class AgentsWithRawResponse:
    def list(
        self,
        *,
        category: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[List[models.Agent]]: ...
    def get(self, id: str, **options: Unpack[RequestOptions]) -> RawResponse[models.Agent]: ...
    def create(
        self,
        *,
        name: str,
        description: Optional[str] = None,
        model: Optional[str] = None,
        config: Optional[Mapping[str, Any]] = None,
        system_prompt: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.CreatedAgent]: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.DeletedAgent]: ...

class Conversations:
    @property
    def with_raw_response(self) -> ConversationsWithRawResponse: ...
    def list(
        self,
        *,
        agent_id: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> SyncPage[models.Conversation]: ...
    def get(
        self, id: str, *, message_limit: Optional[int] = None, **options: Unpack[RequestOptions]
    ) -> models.Conversation: ...
    def create(
        self,
        *,
        agent_id: str,
        title: Optional[str] = None,
        initial_message: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.Conversation: ...
    def send_message(
        self, id: str, content: str, **options: Unpack[RequestOptions]
    ) -> MessageStream: ...
    def stream(self, id: str, **options: Unpack[RequestOptions]) -> MessageStream: ...
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> models.DeletedConversation: ...

class ConversationsWithRawResponse:
    def list(
        self,
        *,
        agent_id: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> RawResponse[SyncPage[models.Conversation]]: ...
    def get(
        self, id: str, *, message_limit: Optional[int] = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.Conversation]: ...
    def create(
        self,
        *,
        agent_id: str,
        title: Optional[str] = None,
        initial_message: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.Conversation]: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.DeletedConversation]: ...

class Medications:
    @property
    def with_raw_response(self) -> MedicationsWithRawResponse: ...
    def list(self, **options: Unpack[RequestOptions]) -> List[models.Medication]: ...
    def create(
        self,
        *,
        name: str,
        dosage: str,
        frequency: str,
        start_date: Optional[str] = None,
        instructions: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.Medication: ...

class MedicationsWithRawResponse:
    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[List[models.Medication]]: ...
    def create(
        self,
        *,
        name: str,
        dosage: str,
        frequency: str,
        start_date: Optional[str] = None,
        instructions: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.Medication]: ...

class Appointments:
    @property
    def with_raw_response(self) -> AppointmentsWithRawResponse: ...
    def list(
        self,
        *,
        upcoming: Optional[bool] = None,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> List[models.Appointment]: ...

class AppointmentsWithRawResponse:
    def list(
        self,
        *,
        upcoming: Optional[bool] = None,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[List[models.Appointment]]: ...

class Health:
    medications: Medications
    appointments: Appointments
    @property
    def with_raw_response(self) -> HealthWithRawResponse: ...
    def profile(self, **options: Unpack[RequestOptions]) -> models.HealthProfile: ...
    def update_profile(
        self,
        *,
        blood_type: Optional[str] = None,
        height: Optional[float] = None,
        weight: Optional[float] = None,
        **options: Unpack[RequestOptions],
    ) -> models.HealthProfile: ...

class HealthWithRawResponse:
    medications: MedicationsWithRawResponse
    appointments: AppointmentsWithRawResponse
    def profile(self, **options: Unpack[RequestOptions]) -> RawResponse[models.HealthProfile]: ...
    def update_profile(
        self,
        *,
        blood_type: Optional[str] = None,
        height: Optional[float] = None,
        weight: Optional[float] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.HealthProfile]: ...

class Accounts:
    @property
    def with_raw_response(self) -> AccountsWithRawResponse: ...
    def list(self, **options: Unpack[RequestOptions]) -> List[models.Account]: ...

class AccountsWithRawResponse:
    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[List[models.Account]]: ...

class Transactions:
    @property
    def with_raw_response(self) -> TransactionsWithRawResponse: ...
    def list(
        self,
        *,
        account_id: Optional[str] = None,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        category: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> TransactionPage: ...
    def create(
        self,
        *,
        account_id: str,
        amount: Union[Decimal, int, float, str],
        description: str,
        category: Optional[str] = None,
        date: Optional[str] = None,
        type: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.Transaction: ...

class TransactionsWithRawResponse:
    def list(
        self,
        *,
        account_id: Optional[str] = None,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        category: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> RawResponse[TransactionPage]: ...
    def create(
        self,
        *,
        account_id: str,
        amount: Union[Decimal, int, float, str],
        description: str,
        category: Optional[str] = None,
        date: Optional[str] = None,
        type: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.Transaction]: ...

class Budgets:
    @property
    def with_raw_response(self) -> BudgetsWithRawResponse: ...
    def list(self, **options: Unpack[RequestOptions]) -> List[models.Budget]: ...

class BudgetsWithRawResponse:
    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[List[models.Budget]]: ...

class Finance:
    accounts: Accounts
    transactions: Transactions
    budgets: Budgets
    @property
    def with_raw_response(self) -> FinanceWithRawResponse: ...
    def profile(self, **options: Unpack[RequestOptions]) -> models.FinanceProfile: ...

class FinanceWithRawResponse:
    accounts: AccountsWithRawResponse
    transactions: TransactionsWithRawResponse
    budgets: BudgetsWithRawResponse
    def profile(self, **options: Unpack[RequestOptions]) -> RawResponse[models.FinanceProfile]: ...

class Webhooks:
    @property
    def with_raw_response(self) -> WebhooksWithRawResponse: ...
    verify = staticmethod(_webhooks.verify)
    unwrap = staticmethod(_webhooks.unwrap)
    sign = staticmethod(_webhooks.sign)
    def create(
        self, *, url: str, events: Sequence[str], secret: str, **options: Unpack[RequestOptions]
    ) -> models.Webhook: ...

class WebhooksWithRawResponse:
    verify = staticmethod(_webhooks.verify)
    unwrap = staticmethod(_webhooks.unwrap)
    sign = staticmethod(_webhooks.sign)
    def create(
        self, *, url: str, events: Sequence[str], secret: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.Webhook]: ...

class AsyncAuth:
    @property
    def with_raw_response(self) -> AsyncAuthWithRawResponse: ...
    def sign_in_url(self, **options: Unpack[RequestOptions]) -> Awaitable[str]: ...
    def sign_out(self, **options: Unpack[RequestOptions]) -> Awaitable[models.SignOut]: ...
    def session(self, **options: Unpack[RequestOptions]) -> Awaitable[models.Session]: ...
    def create_api_key(self, **options: Unpack[RequestOptions]) -> Awaitable[models.ApiKey]: ...

class AsyncAuthWithRawResponse:
    def sign_in_url(self, **options: Unpack[RequestOptions]) -> Awaitable[RawResponse[str]]: ...
    def sign_out(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.SignOut]]: ...
    def session(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.Session]]: ...
    def create_api_key(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.ApiKey]]: ...

class AsyncUsers:
    @property
    def with_raw_response(self) -> AsyncUsersWithRawResponse: ...
    def me(self, **options: Unpack[RequestOptions]) -> Awaitable[models.User]: ...
    def update_me(
        self,
        *,
        name: Optional[str] = None,
        preferences: Optional[Dict[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.UpdatedUser]: ...
    def list(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        role: Optional[str] = None,
        search: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> AsyncPaginator[models.UserSummary]: ...
    def invite(
        self,
        *,
        email: str,
        role: Optional[str] = None,
        message: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.Invitation]: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.DeletedUser]: ...

class AsyncUsersWithRawResponse:
    def me(self, **options: Unpack[RequestOptions]) -> Awaitable[RawResponse[models.User]]: ...
    def update_me(
        self,
        *,
        name: Optional[str] = None,
        preferences: Optional[Dict[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.UpdatedUser]]: ...
    def list(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        role: Optional[str] = None,
        search: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> Awaitable[RawResponse[AsyncPage[models.UserSummary]]]: ...
    def invite(
        self,
        *,
        email: str,
        role: Optional[str] = None,
        message: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.Invitation]]: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.DeletedUser]]: ...

class AsyncAgents:
    @property
    def with_raw_response(self) -> AsyncAgentsWithRawResponse: ...
    def list(
        self,
        *,
        category: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[List[models.Agent]]: ...
    def get(self, id: str, **options: Unpack[RequestOptions]) -> Awaitable[models.Agent]: ...
    def create(
        self,
        *,
        name: str,
        description: Optional[str] = None,
        model: Optional[str] = None,
        config: Optional[Mapping[str, Any]] = None,
        system_prompt: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.CreatedAgent]: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.DeletedAgent]: ...

class AsyncAgentsWithRawResponse:
    def list(
        self,
        *,
        category: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[List[models.Agent]]]: ...
    def get(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.Agent]]: ...
    def create(
        self,
        *,
        name: str,
        description: Optional[str] = None,
        model: Optional[str] = None,
        config: Optional[Mapping[str, Any]] = None,
        system_prompt: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.CreatedAgent]]: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.DeletedAgent]]: ...

class AsyncConversations:
    @property
    def with_raw_response(self) -> AsyncConversationsWithRawResponse: ...
    def list(
        self,
        *,
        agent_id: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> AsyncPaginator[models.AsyncConversation]: ...
    def get(
        self, id: str, *, message_limit: Optional[int] = None, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.AsyncConversation]: ...
    def create(
        self,
        *,
        agent_id: str,
        title: Optional[str] = None,
        initial_message: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.AsyncConversation]: ...
    def send_message(
        self, id: str, content: str, **options: Unpack[RequestOptions]
    ) -> AsyncMessageStream: ...
    def stream(self, id: str, **options: Unpack[RequestOptions]) -> AsyncMessageStream: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.DeletedConversation]: ...

class AsyncConversationsWithRawResponse:
    def list(
        self,
        *,
        agent_id: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> Awaitable[RawResponse[AsyncPage[models.AsyncConversation]]]: ...
    def get(
        self, id: str, *, message_limit: Optional[int] = None, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.AsyncConversation]]: ...
    def create(
        self,
        *,
        agent_id: str,
        title: Optional[str] = None,
        initial_message: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.AsyncConversation]]: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.DeletedConversation]]: ...

class AsyncMedications:
    @property
    def with_raw_response(self) -> AsyncMedicationsWithRawResponse: ...
    def list(self, **options: Unpack[RequestOptions]) -> Awaitable[List[models.Medication]]: ...
    def create(
        self,
        *,
        name: str,
        dosage: str,
        frequency: str,
        start_date: Optional[str] = None,
        instructions: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.Medication]: ...

class AsyncMedicationsWithRawResponse:
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[List[models.Medication]]]: ...
    def create(
        self,
        *,
        name: str,
        dosage: str,
        frequency: str,
        start_date: Optional[str] = None,
        instructions: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.Medication]]: ...

class AsyncAppointments:
    @property
    def with_raw_response(self) -> AsyncAppointmentsWithRawResponse: ...
    def list(
        self,
        *,
        upcoming: Optional[bool] = None,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[List[models.Appointment]]: ...

class AsyncAppointmentsWithRawResponse:
    def list(
        self,
        *,
        upcoming: Optional[bool] = None,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[List[models.Appointment]]]: ...

class AsyncHealth:
    medications: AsyncMedications
    appointments: AsyncAppointments
    @property
    def with_raw_response(self) -> AsyncHealthWithRawResponse: ...
    def profile(self, **options: Unpack[RequestOptions]) -> Awaitable[models.HealthProfile]: ...
    def update_profile(
        self,
        *,
        blood_type: Optional[str] = None,
        height: Optional[float] = None,
        weight: Optional[float] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.HealthProfile]: ...

class AsyncHealthWithRawResponse:
    medications: AsyncMedicationsWithRawResponse
    appointments: AsyncAppointmentsWithRawResponse
    def profile(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.HealthProfile]]: ...
    def update_profile(
        self,
        *,
        blood_type: Optional[str] = None,
        height: Optional[float] = None,
        weight: Optional[float] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.HealthProfile]]: ...

class AsyncAccounts:
    @property
    def with_raw_response(self) -> AsyncAccountsWithRawResponse: ...
    def list(self, **options: Unpack[RequestOptions]) -> Awaitable[List[models.Account]]: ...

class AsyncAccountsWithRawResponse:
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[List[models.Account]]]: ...

class AsyncTransactions:
    @property
    def with_raw_response(self) -> AsyncTransactionsWithRawResponse: ...
    def list(
        self,
        *,
        account_id: Optional[str] = None,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        category: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> AsyncTransactionPaginator: ...
    def create(
        self,
        *,
        account_id: str,
        amount: Union[Decimal, int, float, str],
        description: str,
        category: Optional[str] = None,
        date: Optional[str] = None,
        type: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.Transaction]: ...

class AsyncTransactionsWithRawResponse:
    def list(
        self,
        *,
        account_id: Optional[str] = None,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        category: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> Awaitable[RawResponse[AsyncTransactionPage]]: ...
    def create(
        self,
        *,
        account_id: str,
        amount: Union[Decimal, int, float, str],
        description: str,
        category: Optional[str] = None,
        date: Optional[str] = None,
        type: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.Transaction]]: ...

class AsyncBudgets:
    @property
    def with_raw_response(self) -> AsyncBudgetsWithRawResponse: ...
    def list(self, **options: Unpack[RequestOptions]) -> Awaitable[List[models.Budget]]: ...

class AsyncBudgetsWithRawResponse:
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[List[models.Budget]]]: ...

class AsyncFinance:
    accounts: AsyncAccounts
    transactions: AsyncTransactions
    budgets: AsyncBudgets
    @property
    def with_raw_response(self) -> AsyncFinanceWithRawResponse: ...
    def profile(self, **options: Unpack[RequestOptions]) -> Awaitable[models.FinanceProfile]: ...

class AsyncFinanceWithRawResponse:
    accounts: AsyncAccountsWithRawResponse
    transactions: AsyncTransactionsWithRawResponse
    budgets: AsyncBudgetsWithRawResponse
    def profile(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.FinanceProfile]]: ...

class AsyncWebhooks:
    @property
    def with_raw_response(self) -> AsyncWebhooksWithRawResponse: ...
    verify = staticmethod(_webhooks.verify)
    unwrap = staticmethod(_webhooks.unwrap)
    sign = staticmethod(_webhooks.sign)
    def create(
        self, *, url: str, events: Sequence[str], secret: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.Webhook]: ...

class AsyncWebhooksWithRawResponse:
    verify = staticmethod(_webhooks.verify)
    unwrap = staticmethod(_webhooks.unwrap)
    sign = staticmethod(_webhooks.sign)
    def create(
        self, *, url: str, events: Sequence[str], secret: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.Webhook]]: ...

class _ClientBase:
    def __init__(
        self,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        stream_idle_timeout: Optional[float] = None,
        default_headers: Optional[Mapping[str, str]] = None,
        connect_timeout: Optional[float] = None,
        response_header_timeout: Optional[float] = None,
        max_event_size: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
        max_pages: Optional[int] = None,
    ) -> None: ...
    @property
    def base_url(self) -> str: ...
    def close(self) -> None: ...

class ClientWithRawResponse:
    auth: AuthWithRawResponse
    users: UsersWithRawResponse
    agents: AgentsWithRawResponse
    conversations: ConversationsWithRawResponse
    health: HealthWithRawResponse
    finance: FinanceWithRawResponse
    webhooks: WebhooksWithRawResponse

class AsyncClientWithRawResponse:
    auth: AsyncAuthWithRawResponse
    users: AsyncUsersWithRawResponse
    agents: AsyncAgentsWithRawResponse
    conversations: AsyncConversationsWithRawResponse
    health: AsyncHealthWithRawResponse
    finance: AsyncFinanceWithRawResponse
    webhooks: AsyncWebhooksWithRawResponse

class Client(_ClientBase):
    """The platform client (blocking); reads CJHIRASHI_API_KEY / CJHIRASHI_BASE_URL."""

    auth: Auth
    users: Users
    agents: Agents
    conversations: Conversations
    health: Health
    finance: Finance
    webhooks: Webhooks
    @property
    def with_raw_response(self) -> ClientWithRawResponse: ...
    def with_options(self, **overrides: Any) -> Client: ...
    def __enter__(self) -> Client: ...
    def __exit__(self, *exc: object) -> None: ...

class AsyncClient(_ClientBase):
    """The platform client (asyncio)."""

    auth: AsyncAuth
    users: AsyncUsers
    agents: AsyncAgents
    conversations: AsyncConversations
    health: AsyncHealth
    finance: AsyncFinance
    webhooks: AsyncWebhooks
    @property
    def with_raw_response(self) -> AsyncClientWithRawResponse: ...
    def with_options(self, **overrides: Any) -> AsyncClient: ...
    async def __aenter__(self) -> AsyncClient: ...
    async def __aexit__(self, *exc: object) -> None: ...
