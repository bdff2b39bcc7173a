"""Typed signatures of the ops clients (the runtime shares one implementation)."""

from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Generator,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
)

from typing_extensions import TypedDict, Unpack

from cjhirashi_agents import webhooks as _webhooks
from cjhirashi_agents._base import RawResponse
from cjhirashi_agents._streaming import AsyncStream, Stream

from . import models

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

class ChatStream(Stream[models.ChatEvent]): ...
class AsyncChatStream(AsyncStream[models.ChatEvent]): ...

class RealtimeSession:
    """An authenticated ``/ws`` session; iterate after ``send_chat`` (ends after ``done``)."""

    def send_chat(self, conversation_id: Optional[str], message: str) -> None: ...
    def __iter__(self) -> Iterator[models.ChatEvent]: ...
    def close(self) -> None: ...
    def __enter__(self) -> RealtimeSession: ...
    def __exit__(self, *exc: object) -> None: ...

class AsyncRealtimeSession:
    """``async with client.realtime.connect() as session``."""

    def __await__(self) -> Generator[Any, None, AsyncRealtimeSession]: ...
    async def send_chat(self, conversation_id: Optional[str], message: str) -> None: ...
    def __aiter__(self) -> AsyncIterator[models.ChatEvent]: ...
    async def close(self) -> None: ...
    async def __aenter__(self) -> AsyncRealtimeSession: ...
    async def __aexit__(self, *exc: object) -> None: ...

class Auth:
    @property
    def with_raw_response(self) -> AuthWithRawResponse: ...
    def login(
        self, username: str, password: str, **options: Unpack[RequestOptions]
    ) -> models.Token: ...

class AuthWithRawResponse:
    def login(
        self, username: str, password: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.Token]: ...

class Chat:
    @property
    def with_raw_response(self) -> ChatWithRawResponse: ...
    def send(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.ChatResponse: ...
    def stream(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> ChatStream: ...

class ChatWithRawResponse:
    def send(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.ChatResponse]: ...

class Conversations:
    @property
    def with_raw_response(self) -> ConversationsWithRawResponse: ...
    def list(self, **options: Unpack[RequestOptions]) -> List[models.ConversationSummary]: ...
    def create(
        self, *, title: Optional[str] = None, **options: Unpack[RequestOptions]
    ) -> models.ConversationSummary: ...
    def get(self, id: str, **options: Unpack[RequestOptions]) -> models.ConversationDetail: ...
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> models.DeletedConversation: ...

class ConversationsWithRawResponse:
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> RawResponse[List[models.ConversationSummary]]: ...
    def create(
        self, *, title: Optional[str] = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.ConversationSummary]: ...
    def get(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.ConversationDetail]: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.DeletedConversation]: ...

class ConfigResource:
    @property
    def with_raw_response(self) -> ConfigResourceWithRawResponse: ...
    def get(self, **options: Unpack[RequestOptions]) -> models.Config: ...
    def update(
        self,
        *,
        llm: Optional[Mapping[str, Any]] = None,
        agent: Optional[Mapping[str, Any]] = None,
        cloud_providers: Optional[Mapping[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> models.Config: ...

class ConfigResourceWithRawResponse:
    def get(self, **options: Unpack[RequestOptions]) -> RawResponse[models.Config]: ...
    def update(
        self,
        *,
        llm: Optional[Mapping[str, Any]] = None,
        agent: Optional[Mapping[str, Any]] = None,
        cloud_providers: Optional[Mapping[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.Config]: ...

class MetricsResource:
    @property
    def with_raw_response(self) -> MetricsResourceWithRawResponse: ...
    def get(self, **options: Unpack[RequestOptions]) -> models.Metrics: ...

class MetricsResourceWithRawResponse:
    def get(self, **options: Unpack[RequestOptions]) -> RawResponse[models.Metrics]: ...

class Tools:
    @property
    def with_raw_response(self) -> ToolsWithRawResponse: ...
    def list(self, **options: Unpack[RequestOptions]) -> List[models.Tool]: ...
    def execute(
        self, tool: str, /, parameters: Optional[Mapping[str, Any]] = None, **kwargs: Any
    ) -> models.ToolExecution: ...

class ToolsWithRawResponse:
    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[List[models.Tool]]: ...
    def execute(
        self, tool: str, /, parameters: Optional[Mapping[str, Any]] = None, **kwargs: Any
    ) -> RawResponse[models.ToolExecution]: ...

class LearnedApis:
    @property
    def with_raw_response(self) -> LearnedApisWithRawResponse: ...
    def list(self, **options: Unpack[RequestOptions]) -> List[models.LearnedApi]: ...
    def learn(
        self, *, type: str = ..., source: Any, **options: Unpack[RequestOptions]
    ) -> models.LearnedApi: ...

class LearnedApisWithRawResponse:
    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[List[models.LearnedApi]]: ...
    def learn(
        self, *, type: str = ..., source: Any, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.LearnedApi]: ...

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

class Realtime:
    @property
    def with_raw_response(self) -> RealtimeWithRawResponse: ...
    def connect(self, **options: Unpack[RequestOptions]) -> RealtimeSession: ...

class RealtimeWithRawResponse: ...

class AsyncAuth:
    @property
    def with_raw_response(self) -> AsyncAuthWithRawResponse: ...
    def login(
        self, username: str, password: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.Token]: ...

class AsyncAuthWithRawResponse:
    def login(
        self, username: str, password: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.Token]]: ...

class AsyncChat:
    @property
    def with_raw_response(self) -> AsyncChatWithRawResponse: ...
    def send(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.ChatResponse]: ...
    def stream(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncChatStream: ...

class AsyncChatWithRawResponse:
    def send(
        self,
        *,
        message: str,
        conversation_id: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.ChatResponse]]: ...

class AsyncConversations:
    @property
    def with_raw_response(self) -> AsyncConversationsWithRawResponse: ...
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[List[models.ConversationSummary]]: ...
    def create(
        self, *, title: Optional[str] = None, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.ConversationSummary]: ...
    def get(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.ConversationDetail]: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.DeletedConversation]: ...

class AsyncConversationsWithRawResponse:
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[List[models.ConversationSummary]]]: ...
    def create(
        self, *, title: Optional[str] = None, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.ConversationSummary]]: ...
    def get(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.ConversationDetail]]: ...
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.DeletedConversation]]: ...

class AsyncConfigResource:
    @property
    def with_raw_response(self) -> AsyncConfigResourceWithRawResponse: ...
    def get(self, **options: Unpack[RequestOptions]) -> Awaitable[models.Config]: ...
    def update(
        self,
        *,
        llm: Optional[Mapping[str, Any]] = None,
        agent: Optional[Mapping[str, Any]] = None,
        cloud_providers: Optional[Mapping[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.Config]: ...

class AsyncConfigResourceWithRawResponse:
    def get(self, **options: Unpack[RequestOptions]) -> Awaitable[RawResponse[models.Config]]: ...
    def update(
        self,
        *,
        llm: Optional[Mapping[str, Any]] = None,
        agent: Optional[Mapping[str, Any]] = None,
        cloud_providers: Optional[Mapping[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.Config]]: ...

class AsyncMetricsResource:
    @property
    def with_raw_response(self) -> AsyncMetricsResourceWithRawResponse: ...
    def get(self, **options: Unpack[RequestOptions]) -> Awaitable[models.Metrics]: ...

class AsyncMetricsResourceWithRawResponse:
    def get(self, **options: Unpack[RequestOptions]) -> Awaitable[RawResponse[models.Metrics]]: ...

class AsyncTools:
    @property
    def with_raw_response(self) -> AsyncToolsWithRawResponse: ...
    def list(self, **options: Unpack[RequestOptions]) -> Awaitable[List[models.Tool]]: ...
    def execute(
        self, tool: str, /, parameters: Optional[Mapping[str, Any]] = None, **kwargs: Any
    ) -> Awaitable[models.ToolExecution]: ...

class AsyncToolsWithRawResponse:
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[List[models.Tool]]]: ...
    def execute(
        self, tool: str, /, parameters: Optional[Mapping[str, Any]] = None, **kwargs: Any
    ) -> Awaitable[RawResponse[models.ToolExecution]]: ...

class AsyncLearnedApis:
    @property
    def with_raw_response(self) -> AsyncLearnedApisWithRawResponse: ...
    def list(self, **options: Unpack[RequestOptions]) -> Awaitable[List[models.LearnedApi]]: ...
    def learn(
        self, *, type: str = ..., source: Any, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.LearnedApi]: ...

class AsyncLearnedApisWithRawResponse:
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[List[models.LearnedApi]]]: ...
    def learn(
        self, *, type: str = ..., source: Any, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.LearnedApi]]: ...

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

class AsyncRealtime:
    @property
    def with_raw_response(self) -> AsyncRealtimeWithRawResponse: ...
    def connect(self, **options: Unpack[RequestOptions]) -> AsyncRealtimeSession: ...

class AsyncRealtimeWithRawResponse: ...

class _AgentClientBase:
    def __init__(
        self,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        stream_idle_timeout: Optional[float] = None,
        default_headers: Optional[Mapping[str, str]] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        connect_timeout: Optional[float] = None,
        response_header_timeout: Optional[float] = None,
        max_event_size: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
    ) -> None: ...
    @property
    def base_url(self) -> str: ...
    def close(self) -> None: ...

class AgentClientWithRawResponse:
    auth: AuthWithRawResponse
    chat: ChatWithRawResponse
    conversations: ConversationsWithRawResponse
    config: ConfigResourceWithRawResponse
    metrics: MetricsResourceWithRawResponse
    tools: ToolsWithRawResponse
    learned_apis: LearnedApisWithRawResponse
    webhooks: WebhooksWithRawResponse

class AsyncAgentClientWithRawResponse:
    auth: AsyncAuthWithRawResponse
    chat: AsyncChatWithRawResponse
    conversations: AsyncConversationsWithRawResponse
    config: AsyncConfigResourceWithRawResponse
    metrics: AsyncMetricsResourceWithRawResponse
    tools: AsyncToolsWithRawResponse
    learned_apis: AsyncLearnedApisWithRawResponse
    webhooks: AsyncWebhooksWithRawResponse

class AgentClient(_AgentClientBase):
    """The ops client (blocking); reads AGENT_API_KEY / AGENT_BASE_URL."""

    auth: Auth
    chat: Chat
    conversations: Conversations
    config: ConfigResource
    metrics: MetricsResource
    tools: Tools
    learned_apis: LearnedApis
    webhooks: Webhooks
    realtime: Realtime
    @classmethod
    def login(cls, base_url: str, username: str, password: str, **settings: Any) -> AgentClient: ...
    @property
    def with_raw_response(self) -> AgentClientWithRawResponse: ...
    def with_options(self, **overrides: Any) -> AgentClient: ...
    def __enter__(self) -> AgentClient: ...
    def __exit__(self, *exc: object) -> None: ...

class AsyncAgentClient(_AgentClientBase):
    """The ops client (asyncio)."""

    auth: AsyncAuth
    chat: AsyncChat
    conversations: AsyncConversations
    config: AsyncConfigResource
    metrics: AsyncMetricsResource
    tools: AsyncTools
    learned_apis: AsyncLearnedApis
    webhooks: AsyncWebhooks
    realtime: AsyncRealtime
    @classmethod
    async def login(
        cls, base_url: str, username: str, password: str, **settings: Any
    ) -> AsyncAgentClient: ...
    @property
    def with_raw_response(self) -> AsyncAgentClientWithRawResponse: ...
    def with_options(self, **overrides: Any) -> AsyncAgentClient: ...
    async def __aenter__(self) -> AsyncAgentClient: ...
    async def __aexit__(self, *exc: object) -> None: ...
