"""Typed signatures of the platform clients (the runtime shares one implementation)."""

# <generated imports> by scripts/gen_python.py; do not edit
import os
from decimal import Decimal
from typing import Any, Awaitable, Dict, Generator, List, Mapping, Optional, Sequence, Union

from typing_extensions import TypedDict, Unpack

from . import models
from . import webhooks as _webhooks
from ._base import AsyncPage, AsyncPaginator, RawResponse, SyncPage
from ._streaming import AsyncMessageStream, MessageStream

# </generated imports>

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

# <generated pages> by scripts/gen_python.py; do not edit
class TransactionPage(SyncPage[models.Transaction]):
    """A page of ``finance.transactions.list``: ``data`` with ``pagination`` and ``summary``;
    iterating yields every item of every page.
    """

    pagination: models.CursorPagination
    summary: models.TransactionSummary

class AsyncTransactionPage(AsyncPage[models.Transaction]):
    """One fetched page of ``finance.transactions.list`` (async client): ``data`` with
    ``pagination`` and ``summary``.
    """

    pagination: models.CursorPagination
    summary: models.TransactionSummary

class AsyncTransactionPaginator(AsyncPaginator[models.Transaction]):
    """``finance.transactions.list`` on the async client: ``await`` it for the first page, or
    ``async for`` over every item of every page.
    """
    def __await__(self) -> Generator[Any, None, AsyncTransactionPage]: ...

# </generated pages>

class _WebhooksExtras:
    """``POST /api/webhooks`` plus the module-level helpers ``verify``/``unwrap``/``sign``."""

    verify = staticmethod(_webhooks.verify)
    unwrap = staticmethod(_webhooks.unwrap)
    sign = staticmethod(_webhooks.sign)

# <generated resources> by scripts/gen_python.py; do not edit
class Auth:
    """Sign-in, session and API keys (``client.auth``)."""
    @property
    def with_raw_response(self) -> AuthWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def create_api_key(self, **options: Unpack[RequestOptions]) -> models.ApiKey:
        """A new API key for the caller.

        Sends ``POST /api/auth/api-keys``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.ApiKey: ``POST /api/auth/api-keys``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def session(self, **options: Unpack[RequestOptions]) -> models.Session:
        """The current session.

        Sends ``GET /api/auth/session``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Session: ``GET /api/auth/session``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def sign_in_url(self, **options: Unpack[RequestOptions]) -> str:
        """The OAuth sign-in redirect.

        Sends ``POST /api/auth/signin``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            str: The URL of the redirect (not followed).

        Raises:
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def sign_out(self, **options: Unpack[RequestOptions]) -> models.SignOut:
        """Sign out.

        Sends ``POST /api/auth/signout``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.SignOut: ``POST /api/auth/signout``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AuthWithRawResponse:
    """The operations of the ``Auth`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def create_api_key(self, **options: Unpack[RequestOptions]) -> RawResponse[models.ApiKey]:
        """A new API key for the caller.

        Sends ``POST /api/auth/api-keys``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.ApiKey]: The answer with its metadata; ``parse()`` gives ``POST
                /api/auth/api-keys``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def session(self, **options: Unpack[RequestOptions]) -> RawResponse[models.Session]:
        """The current session.

        Sends ``GET /api/auth/session``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Session]: The answer with its metadata; ``parse()`` gives ``GET
                /api/auth/session``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def sign_in_url(self, **options: Unpack[RequestOptions]) -> RawResponse[str]:
        """The OAuth sign-in redirect.

        Sends ``POST /api/auth/signin``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[str]: The answer with its metadata; ``parse()`` gives the URL of the
                redirect (not followed).

        Raises:
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def sign_out(self, **options: Unpack[RequestOptions]) -> RawResponse[models.SignOut]:
        """Sign out.

        Sends ``POST /api/auth/signout``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.SignOut]: The answer with its metadata; ``parse()`` gives ``POST
                /api/auth/signout``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Users:
    """The caller's profile and (admins) user management (``client.users``)."""
    @property
    def with_raw_response(self) -> UsersWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(
        self,
        *,
        limit: Optional[int] = None,
        page: Optional[int] = None,
        role: Optional[str] = None,
        search: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> SyncPage[models.UserSummary]:
        """List users (admins; paginated).

        Sends ``GET /api/users``.

        Args:
            limit: Items per page (default 20, max 100).
            page: Page, from 1 (default 1).
            role: Only users with this role.
            search: Search in email and name.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            SyncPage[models.UserSummary]: The first page (``data`` and the page's own fields);
                iterating it yields every item of every page, fetching the next page only when
                needed.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def invite(
        self,
        *,
        email: str,
        message: Optional[str] = None,
        role: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.Invitation:
        """Invite a user (admins).

        Sends ``POST /api/users/invite``.

        Args:
            email: Who to invite.
            message: A note for the invitation email.
            role: The role they get.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Invitation: Answer of ``POST /api/users/invite``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def me(self, **options: Unpack[RequestOptions]) -> models.User:
        """The caller's profile.

        Sends ``GET /api/users/me``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.User: ``GET /api/users/me``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update_me(
        self,
        *,
        name: Optional[str] = None,
        preferences: Optional[Dict[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> models.UpdatedUser:
        """Update the caller's name or preferences.

        Sends ``PATCH /api/users/me``.

        Args:
            name: New display name.
            preferences: New preferences (any JSON object).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.UpdatedUser: Answer of ``PATCH /api/users/me``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> models.DeletedUser:
        """Delete a user (admins).

        Sends ``DELETE /api/users/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.DeletedUser: Answer of ``DELETE /api/users/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class UsersWithRawResponse:
    """The operations of the ``Users`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(
        self,
        *,
        limit: Optional[int] = None,
        page: Optional[int] = None,
        role: Optional[str] = None,
        search: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> RawResponse[SyncPage[models.UserSummary]]:
        """List users (admins; paginated).

        Sends ``GET /api/users``.

        Args:
            limit: Items per page (default 20, max 100).
            page: Page, from 1 (default 1).
            role: Only users with this role.
            search: Search in email and name.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            RawResponse[SyncPage[models.UserSummary]]: The answer with its metadata; ``parse()``
                gives the first page (``data`` and the page's own fields); iterating it yields
                every item of every page, fetching the next page only when needed.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def invite(
        self,
        *,
        email: str,
        message: Optional[str] = None,
        role: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.Invitation]:
        """Invite a user (admins).

        Sends ``POST /api/users/invite``.

        Args:
            email: Who to invite.
            message: A note for the invitation email.
            role: The role they get.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Invitation]: The answer with its metadata; ``parse()`` gives
                answer of ``POST /api/users/invite``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def me(self, **options: Unpack[RequestOptions]) -> RawResponse[models.User]:
        """The caller's profile.

        Sends ``GET /api/users/me``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.User]: The answer with its metadata; ``parse()`` gives ``GET
                /api/users/me``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update_me(
        self,
        *,
        name: Optional[str] = None,
        preferences: Optional[Dict[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.UpdatedUser]:
        """Update the caller's name or preferences.

        Sends ``PATCH /api/users/me``.

        Args:
            name: New display name.
            preferences: New preferences (any JSON object).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.UpdatedUser]: The answer with its metadata; ``parse()`` gives
                answer of ``PATCH /api/users/me``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> RawResponse[models.DeletedUser]:
        """Delete a user (admins).

        Sends ``DELETE /api/users/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.DeletedUser]: The answer with its metadata; ``parse()`` gives
                answer of ``DELETE /api/users/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Agents:
    """Agents (``client.agents``)."""
    @property
    def with_raw_response(self) -> AgentsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(
        self,
        *,
        category: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> List[models.Agent]:
        """List agents.

        Sends ``GET /api/agents``.

        Args:
            category: Only this category.
            is_public: Only public agents.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.Agent]: Every item: an agent: an item of ``GET /api/agents`` or the
                answer of ``GET /api/agents/:id`` (which adds ``config`` and ``created_at``).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        name: str,
        config: Optional[Mapping[str, Any]] = None,
        description: Optional[str] = None,
        is_public: Optional[bool] = None,
        model: Optional[str] = None,
        system_prompt: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.CreatedAgent:
        """Create an agent.

        Sends ``POST /api/agents``.

        Args:
            name: Name.
            config: Generation settings.
            description: Description.
            is_public: Whether every user can use it.
            model: Model.
            system_prompt: System prompt.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.CreatedAgent: Answer of ``POST /api/agents``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def get(self, id: str, **options: Unpack[RequestOptions]) -> models.Agent:
        """Get an agent.

        Sends ``GET /api/agents/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Agent: An agent: an item of ``GET /api/agents`` or the answer of ``GET
                /api/agents/:id`` (which adds ``config`` and ``created_at``).

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> models.DeletedAgent:
        """Delete an agent.

        Sends ``DELETE /api/agents/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.DeletedAgent: Answer of ``DELETE /api/agents/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AgentsWithRawResponse:
    """The operations of the ``Agents`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(
        self,
        *,
        category: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[List[models.Agent]]:
        """List agents.

        Sends ``GET /api/agents``.

        Args:
            category: Only this category.
            is_public: Only public agents.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.Agent]]: The answer with its metadata; ``parse()`` gives
                every item: an agent: an item of ``GET /api/agents`` or the answer of ``GET
                /api/agents/:id`` (which adds ``config`` and ``created_at``).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        name: str,
        config: Optional[Mapping[str, Any]] = None,
        description: Optional[str] = None,
        is_public: Optional[bool] = None,
        model: Optional[str] = None,
        system_prompt: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.CreatedAgent]:
        """Create an agent.

        Sends ``POST /api/agents``.

        Args:
            name: Name.
            config: Generation settings.
            description: Description.
            is_public: Whether every user can use it.
            model: Model.
            system_prompt: System prompt.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.CreatedAgent]: The answer with its metadata; ``parse()`` gives
                answer of ``POST /api/agents``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def get(self, id: str, **options: Unpack[RequestOptions]) -> RawResponse[models.Agent]:
        """Get an agent.

        Sends ``GET /api/agents/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Agent]: The answer with its metadata; ``parse()`` gives an agent:
                an item of ``GET /api/agents`` or the answer of ``GET /api/agents/:id`` (which
                adds ``config`` and ``created_at``).

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.DeletedAgent]:
        """Delete an agent.

        Sends ``DELETE /api/agents/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.DeletedAgent]: The answer with its metadata; ``parse()`` gives
                answer of ``DELETE /api/agents/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Conversations:
    """Conversations and their SSE token streams (``client.conversations``)."""
    @property
    def with_raw_response(self) -> ConversationsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(
        self,
        *,
        agent_id: Optional[str] = None,
        cursor: Optional[str] = None,
        limit: Optional[int] = None,
        **options: Unpack[ListOptions],
    ) -> SyncPage[models.Conversation]:
        """List conversations (cursor-paginated).

        Sends ``GET /api/conversations``.

        Args:
            agent_id: Only conversations with this agent.
            cursor: The ``next_cursor`` of the previous page.
            limit: Items per page (default 20, max 100).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            SyncPage[models.Conversation]: The first page (``data`` and the page's own fields);
                iterating it yields every item of every page, fetching the next page only when
                needed.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        agent_id: str,
        initial_message: Optional[str] = None,
        title: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.Conversation:
        """Start a conversation with an agent.

        Sends ``POST /api/conversations``.

        Args:
            agent_id: The agent to talk to.
            initial_message: A first user message (stream its answer with ``GET
                .../messages/stream``).
            title: Title.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Conversation: A conversation: an item of ``GET /api/conversations``, the
                answer of ``GET /api/conversations/:id`` (with ``messages``) or of ``POST
                /api/conversations``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def get(
        self, id: str, *, message_limit: Optional[int] = None, **options: Unpack[RequestOptions]
    ) -> models.Conversation:
        """Get a conversation with its latest messages.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The resource's id.
            message_limit: Number of messages (default 50, max 200).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Conversation: A conversation: an item of ``GET /api/conversations``, the
                answer of ``GET /api/conversations/:id`` (with ``messages``) or of ``POST
                /api/conversations``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> models.DeletedConversation:
        """Delete a conversation.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.DeletedConversation: Answer of ``DELETE /api/conversations/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def send_message(
        self, id: str, content: str, **options: Unpack[RequestOptions]
    ) -> MessageStream:
        """Send a message; the answer streams back as SSE tokens.

        Sends ``POST /api/conversations/{id}/messages``.

        Args:
            id: The resource's id.
            content: The user's message.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            MessageStream: The stream of the answer's events; iterate it.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def stream(self, id: str, **options: Unpack[RequestOptions]) -> MessageStream:
        """Stream the answer to the newest user message.

        Sends ``GET /api/conversations/{id}/messages/stream``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            MessageStream: The stream of the answer's events; iterate it.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class ConversationsWithRawResponse:
    """The operations of the ``Conversations`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(
        self,
        *,
        agent_id: Optional[str] = None,
        cursor: Optional[str] = None,
        limit: Optional[int] = None,
        **options: Unpack[ListOptions],
    ) -> RawResponse[SyncPage[models.Conversation]]:
        """List conversations (cursor-paginated).

        Sends ``GET /api/conversations``.

        Args:
            agent_id: Only conversations with this agent.
            cursor: The ``next_cursor`` of the previous page.
            limit: Items per page (default 20, max 100).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            RawResponse[SyncPage[models.Conversation]]: The answer with its metadata;
                ``parse()`` gives the first page (``data`` and the page's own fields); iterating
                it yields every item of every page, fetching the next page only when needed.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        agent_id: str,
        initial_message: Optional[str] = None,
        title: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.Conversation]:
        """Start a conversation with an agent.

        Sends ``POST /api/conversations``.

        Args:
            agent_id: The agent to talk to.
            initial_message: A first user message (stream its answer with ``GET
                .../messages/stream``).
            title: Title.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Conversation]: The answer with its metadata; ``parse()`` gives a
                conversation: an item of ``GET /api/conversations``, the answer of ``GET
                /api/conversations/:id`` (with ``messages``) or of ``POST /api/conversations``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def get(
        self, id: str, *, message_limit: Optional[int] = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.Conversation]:
        """Get a conversation with its latest messages.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The resource's id.
            message_limit: Number of messages (default 50, max 200).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Conversation]: The answer with its metadata; ``parse()`` gives a
                conversation: an item of ``GET /api/conversations``, the answer of ``GET
                /api/conversations/:id`` (with ``messages``) or of ``POST /api/conversations``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.DeletedConversation]:
        """Delete a conversation.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.DeletedConversation]: The answer with its metadata; ``parse()``
                gives answer of ``DELETE /api/conversations/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def send_message(
        self, id: str, content: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[MessageStream]:
        """Send a message; the answer streams back as SSE tokens.

        Sends ``POST /api/conversations/{id}/messages``.

        Args:
            id: The resource's id.
            content: The user's message.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[MessageStream]: The metadata of the response that opened the stream;
                ``parse()`` gives the stream. The stream of the answer's events; iterate it.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def stream(self, id: str, **options: Unpack[RequestOptions]) -> RawResponse[MessageStream]:
        """Stream the answer to the newest user message.

        Sends ``GET /api/conversations/{id}/messages/stream``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[MessageStream]: The metadata of the response that opened the stream;
                ``parse()`` gives the stream. The stream of the answer's events; iterate it.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Health:
    """Health profile, medications, appointments (``client.health``)."""

    appointments: Appointments
    medications: Medications
    @property
    def with_raw_response(self) -> HealthWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def profile(self, **options: Unpack[RequestOptions]) -> models.HealthProfile:
        """The caller's health profile.

        Sends ``GET /api/health/profile``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.HealthProfile: ``GET /api/health/profile`` and the answer of ``PATCH
                /api/health/profile``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update_profile(
        self,
        *,
        blood_type: Optional[str] = None,
        height: Optional[float] = None,
        weight: Optional[float] = None,
        **options: Unpack[RequestOptions],
    ) -> models.HealthProfile:
        """Update the health profile.

        Sends ``PATCH /api/health/profile``.

        Args:
            blood_type: ``O+``, ``AB-``, ...
            height: Height in centimetres.
            weight: Weight in kilograms.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.HealthProfile: ``GET /api/health/profile`` and the answer of ``PATCH
                /api/health/profile``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class HealthWithRawResponse:
    """The operations of the ``Health`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """

    appointments: AppointmentsWithRawResponse
    medications: MedicationsWithRawResponse
    def profile(self, **options: Unpack[RequestOptions]) -> RawResponse[models.HealthProfile]:
        """The caller's health profile.

        Sends ``GET /api/health/profile``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.HealthProfile]: The answer with its metadata; ``parse()`` gives
                ``GET /api/health/profile`` and the answer of ``PATCH /api/health/profile``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update_profile(
        self,
        *,
        blood_type: Optional[str] = None,
        height: Optional[float] = None,
        weight: Optional[float] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.HealthProfile]:
        """Update the health profile.

        Sends ``PATCH /api/health/profile``.

        Args:
            blood_type: ``O+``, ``AB-``, ...
            height: Height in centimetres.
            weight: Weight in kilograms.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.HealthProfile]: The answer with its metadata; ``parse()`` gives
                ``GET /api/health/profile`` and the answer of ``PATCH /api/health/profile``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Appointments:
    """The operations of ``client.health.appointments``: ``list``."""
    @property
    def with_raw_response(self) -> AppointmentsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(
        self,
        *,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        upcoming: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> List[models.Appointment]:
        """List appointments.

        Sends ``GET /api/health/appointments``.

        Args:
            from_: From this date (wire name ``from``). Sent as ``from``.
            to: Up to this date (wire name ``to``).
            upcoming: Only upcoming appointments (server default: true).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.Appointment]: Every item: an item of ``GET /api/health/appointments``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AppointmentsWithRawResponse:
    """The operations of the ``Appointments`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(
        self,
        *,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        upcoming: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[List[models.Appointment]]:
        """List appointments.

        Sends ``GET /api/health/appointments``.

        Args:
            from_: From this date (wire name ``from``). Sent as ``from``.
            to: Up to this date (wire name ``to``).
            upcoming: Only upcoming appointments (server default: true).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.Appointment]]: The answer with its metadata; ``parse()``
                gives every item: an item of ``GET /api/health/appointments``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Medications:
    """The operations of ``client.health.medications``: ``list``, ``create``."""
    @property
    def with_raw_response(self) -> MedicationsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(self, **options: Unpack[RequestOptions]) -> List[models.Medication]:
        """List medications.

        Sends ``GET /api/health/medications``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.Medication]: Every item: a medication: an item of ``GET
                /api/health/medications`` or the answer of ``POST /api/health/medications``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        dosage: str,
        frequency: str,
        name: str,
        instructions: Optional[str] = None,
        start_date: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.Medication:
        """Add a medication.

        Sends ``POST /api/health/medications``.

        Args:
            dosage: ``500mg``, ...
            frequency: ``Cada 8 horas``, ...
            name: Name.
            instructions: How to take it.
            start_date: When the user starts taking it.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Medication: A medication: an item of ``GET /api/health/medications`` or the
                answer of ``POST /api/health/medications``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class MedicationsWithRawResponse:
    """The operations of the ``Medications`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[List[models.Medication]]:
        """List medications.

        Sends ``GET /api/health/medications``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.Medication]]: The answer with its metadata; ``parse()``
                gives every item: a medication: an item of ``GET /api/health/medications`` or
                the answer of ``POST /api/health/medications``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        dosage: str,
        frequency: str,
        name: str,
        instructions: Optional[str] = None,
        start_date: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[models.Medication]:
        """Add a medication.

        Sends ``POST /api/health/medications``.

        Args:
            dosage: ``500mg``, ...
            frequency: ``Cada 8 horas``, ...
            name: Name.
            instructions: How to take it.
            start_date: When the user starts taking it.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Medication]: The answer with its metadata; ``parse()`` gives a
                medication: an item of ``GET /api/health/medications`` or the answer of ``POST
                /api/health/medications``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Finance:
    """Finance profile, accounts, transactions, budgets (``client.finance``)."""

    accounts: Accounts
    budgets: Budgets
    transactions: Transactions
    @property
    def with_raw_response(self) -> FinanceWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def profile(self, **options: Unpack[RequestOptions]) -> models.FinanceProfile:
        """The caller's finance profile.

        Sends ``GET /api/finance/profile``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.FinanceProfile: ``GET /api/finance/profile``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class FinanceWithRawResponse:
    """The operations of the ``Finance`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """

    accounts: AccountsWithRawResponse
    budgets: BudgetsWithRawResponse
    transactions: TransactionsWithRawResponse
    def profile(self, **options: Unpack[RequestOptions]) -> RawResponse[models.FinanceProfile]:
        """The caller's finance profile.

        Sends ``GET /api/finance/profile``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.FinanceProfile]: The answer with its metadata; ``parse()`` gives
                ``GET /api/finance/profile``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Accounts:
    """The operations of ``client.finance.accounts``: ``list``."""
    @property
    def with_raw_response(self) -> AccountsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(self, **options: Unpack[RequestOptions]) -> List[models.Account]:
        """List accounts.

        Sends ``GET /api/finance/accounts``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.Account]: Every item: an item of ``GET /api/finance/accounts``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AccountsWithRawResponse:
    """The operations of the ``Accounts`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[List[models.Account]]:
        """List accounts.

        Sends ``GET /api/finance/accounts``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.Account]]: The answer with its metadata; ``parse()`` gives
                every item: an item of ``GET /api/finance/accounts``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Budgets:
    """The operations of ``client.finance.budgets``: ``list``."""
    @property
    def with_raw_response(self) -> BudgetsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(self, **options: Unpack[RequestOptions]) -> List[models.Budget]:
        """List budgets.

        Sends ``GET /api/finance/budgets``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.Budget]: Every item: an item of ``GET /api/finance/budgets``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class BudgetsWithRawResponse:
    """The operations of the ``Budgets`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[List[models.Budget]]:
        """List budgets.

        Sends ``GET /api/finance/budgets``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.Budget]]: The answer with its metadata; ``parse()`` gives
                every item: an item of ``GET /api/finance/budgets``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Transactions:
    """The operations of ``client.finance.transactions``: ``list``, ``create``."""
    @property
    def with_raw_response(self) -> TransactionsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(
        self,
        *,
        account_id: Optional[str] = None,
        category: Optional[str] = None,
        cursor: Optional[str] = None,
        from_: Optional[str] = None,
        limit: Optional[int] = None,
        to: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> TransactionPage:
        """List transactions (paginated, with a summary).

        Sends ``GET /api/finance/transactions``.

        Args:
            account_id: Only this account.
            category: Only this category.
            cursor: The ``next_cursor`` of the previous page.
            from_: From this date (``2025-10-01``). Sent as ``from``.
            limit: Items per page.
            to: Up to this date.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            TransactionPage: The first page (``data`` and the page's own fields); iterating it
                yields every item of every page, fetching the next page only when needed.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
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
    ) -> models.Transaction:
        """Record a transaction.

        Sends ``POST /api/finance/transactions``.

        Args:
            account_id: The account.
            amount: Amount (negative for an expense).
            description: Description.
            category: Category.
            date: When it happened.
            type: Wire name ``type``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Transaction: A transaction: an item of ``GET /api/finance/transactions`` or
                the answer of ``POST /api/finance/transactions``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class TransactionsWithRawResponse:
    """The operations of the ``Transactions`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(
        self,
        *,
        account_id: Optional[str] = None,
        category: Optional[str] = None,
        cursor: Optional[str] = None,
        from_: Optional[str] = None,
        limit: Optional[int] = None,
        to: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> RawResponse[TransactionPage]:
        """List transactions (paginated, with a summary).

        Sends ``GET /api/finance/transactions``.

        Args:
            account_id: Only this account.
            category: Only this category.
            cursor: The ``next_cursor`` of the previous page.
            from_: From this date (``2025-10-01``). Sent as ``from``.
            limit: Items per page.
            to: Up to this date.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            RawResponse[TransactionPage]: The answer with its metadata; ``parse()`` gives the
                first page (``data`` and the page's own fields); iterating it yields every item
                of every page, fetching the next page only when needed.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
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
    ) -> RawResponse[models.Transaction]:
        """Record a transaction.

        Sends ``POST /api/finance/transactions``.

        Args:
            account_id: The account.
            amount: Amount (negative for an expense).
            description: Description.
            category: Category.
            date: When it happened.
            type: Wire name ``type``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Transaction]: The answer with its metadata; ``parse()`` gives a
                transaction: an item of ``GET /api/finance/transactions`` or the answer of
                ``POST /api/finance/transactions``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class Webhooks(_WebhooksExtras):
    """Webhook subscriptions (``client.webhooks``)."""
    @property
    def with_raw_response(self) -> WebhooksWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def create(
        self, *, events: Sequence[str], secret: str, url: str, **options: Unpack[RequestOptions]
    ) -> models.Webhook:
        """Subscribe a URL to events.

        Sends ``POST /api/webhooks``.

        Args:
            events: Event names (``conversation.created``, ``message.sent``, ...).
            secret: The HMAC-SHA256 signing secret (``whsec_...``).
            url: Where deliveries go.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Webhook: Answer of ``POST /api/webhooks`` (the secret is never echoed).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class WebhooksWithRawResponse(_WebhooksExtras):
    """The operations of the ``Webhooks`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def create(
        self, *, events: Sequence[str], secret: str, url: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.Webhook]:
        """Subscribe a URL to events.

        Sends ``POST /api/webhooks``.

        Args:
            events: Event names (``conversation.created``, ``message.sent``, ...).
            secret: The HMAC-SHA256 signing secret (``whsec_...``).
            url: Where deliveries go.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Webhook]: The answer with its metadata; ``parse()`` gives answer
                of ``POST /api/webhooks`` (the secret is never echoed).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncAuth:
    """Sign-in, session and API keys (``client.auth``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncAuthWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def create_api_key(self, **options: Unpack[RequestOptions]) -> Awaitable[models.ApiKey]:
        """A new API key for the caller.

        Sends ``POST /api/auth/api-keys``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.ApiKey]: Await it for: ``POST /api/auth/api-keys``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def session(self, **options: Unpack[RequestOptions]) -> Awaitable[models.Session]:
        """The current session.

        Sends ``GET /api/auth/session``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Session]: Await it for: ``GET /api/auth/session``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def sign_in_url(self, **options: Unpack[RequestOptions]) -> Awaitable[str]:
        """The OAuth sign-in redirect.

        Sends ``POST /api/auth/signin``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[str]: Await it for: The URL of the redirect (not followed).

        Raises:
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def sign_out(self, **options: Unpack[RequestOptions]) -> Awaitable[models.SignOut]:
        """Sign out.

        Sends ``POST /api/auth/signout``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.SignOut]: Await it for: ``POST /api/auth/signout``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncAuthWithRawResponse:
    """The operations of the ``Auth`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def create_api_key(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.ApiKey]]:
        """A new API key for the caller.

        Sends ``POST /api/auth/api-keys``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.ApiKey]]: The answer with its metadata; ``parse()``
                gives ``POST /api/auth/api-keys``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def session(self, **options: Unpack[RequestOptions]) -> Awaitable[RawResponse[models.Session]]:
        """The current session.

        Sends ``GET /api/auth/session``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Session]]: The answer with its metadata; ``parse()``
                gives ``GET /api/auth/session``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def sign_in_url(self, **options: Unpack[RequestOptions]) -> Awaitable[RawResponse[str]]:
        """The OAuth sign-in redirect.

        Sends ``POST /api/auth/signin``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[str]]: The answer with its metadata; ``parse()`` gives the URL
                of the redirect (not followed).

        Raises:
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def sign_out(self, **options: Unpack[RequestOptions]) -> Awaitable[RawResponse[models.SignOut]]:
        """Sign out.

        Sends ``POST /api/auth/signout``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.SignOut]]: The answer with its metadata; ``parse()``
                gives ``POST /api/auth/signout``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncUsers:
    """The caller's profile and (admins) user management (``client.users``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncUsersWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(
        self,
        *,
        limit: Optional[int] = None,
        page: Optional[int] = None,
        role: Optional[str] = None,
        search: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> AsyncPaginator[models.UserSummary]:
        """List users (admins; paginated).

        Sends ``GET /api/users``.

        Args:
            limit: Items per page (default 20, max 100).
            page: Page, from 1 (default 1).
            role: Only users with this role.
            search: Search in email and name.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            AsyncPaginator[models.UserSummary]: ``await`` it for the first page, or ``async
                for`` over every item of every page, fetched lazily.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def invite(
        self,
        *,
        email: str,
        message: Optional[str] = None,
        role: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.Invitation]:
        """Invite a user (admins).

        Sends ``POST /api/users/invite``.

        Args:
            email: Who to invite.
            message: A note for the invitation email.
            role: The role they get.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Invitation]: Await it for: Answer of ``POST /api/users/invite``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def me(self, **options: Unpack[RequestOptions]) -> Awaitable[models.User]:
        """The caller's profile.

        Sends ``GET /api/users/me``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.User]: Await it for: ``GET /api/users/me``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update_me(
        self,
        *,
        name: Optional[str] = None,
        preferences: Optional[Dict[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.UpdatedUser]:
        """Update the caller's name or preferences.

        Sends ``PATCH /api/users/me``.

        Args:
            name: New display name.
            preferences: New preferences (any JSON object).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.UpdatedUser]: Await it for: Answer of ``PATCH /api/users/me``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> Awaitable[models.DeletedUser]:
        """Delete a user (admins).

        Sends ``DELETE /api/users/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.DeletedUser]: Await it for: Answer of ``DELETE /api/users/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncUsersWithRawResponse:
    """The operations of the ``Users`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def list(
        self,
        *,
        limit: Optional[int] = None,
        page: Optional[int] = None,
        role: Optional[str] = None,
        search: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> Awaitable[RawResponse[AsyncPage[models.UserSummary]]]:
        """List users (admins; paginated).

        Sends ``GET /api/users``.

        Args:
            limit: Items per page (default 20, max 100).
            page: Page, from 1 (default 1).
            role: Only users with this role.
            search: Search in email and name.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            Awaitable[RawResponse[AsyncPage[models.UserSummary]]]: The answer with its metadata;
                ``parse()`` gives the first page (``data`` and the page's own fields); iterating
                it yields every item of every page, fetching the next page only when needed.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def invite(
        self,
        *,
        email: str,
        message: Optional[str] = None,
        role: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.Invitation]]:
        """Invite a user (admins).

        Sends ``POST /api/users/invite``.

        Args:
            email: Who to invite.
            message: A note for the invitation email.
            role: The role they get.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Invitation]]: The answer with its metadata; ``parse()``
                gives answer of ``POST /api/users/invite``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def me(self, **options: Unpack[RequestOptions]) -> Awaitable[RawResponse[models.User]]:
        """The caller's profile.

        Sends ``GET /api/users/me``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.User]]: The answer with its metadata; ``parse()`` gives
                ``GET /api/users/me``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update_me(
        self,
        *,
        name: Optional[str] = None,
        preferences: Optional[Dict[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.UpdatedUser]]:
        """Update the caller's name or preferences.

        Sends ``PATCH /api/users/me``.

        Args:
            name: New display name.
            preferences: New preferences (any JSON object).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.UpdatedUser]]: The answer with its metadata;
                ``parse()`` gives answer of ``PATCH /api/users/me``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.DeletedUser]]:
        """Delete a user (admins).

        Sends ``DELETE /api/users/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.DeletedUser]]: The answer with its metadata;
                ``parse()`` gives answer of ``DELETE /api/users/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncAgents:
    """Agents (``client.agents``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncAgentsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(
        self,
        *,
        category: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[List[models.Agent]]:
        """List agents.

        Sends ``GET /api/agents``.

        Args:
            category: Only this category.
            is_public: Only public agents.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.Agent]]: Await it for: Every item: an agent: an item of ``GET
                /api/agents`` or the answer of ``GET /api/agents/:id`` (which adds ``config``
                and ``created_at``).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        name: str,
        config: Optional[Mapping[str, Any]] = None,
        description: Optional[str] = None,
        is_public: Optional[bool] = None,
        model: Optional[str] = None,
        system_prompt: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.CreatedAgent]:
        """Create an agent.

        Sends ``POST /api/agents``.

        Args:
            name: Name.
            config: Generation settings.
            description: Description.
            is_public: Whether every user can use it.
            model: Model.
            system_prompt: System prompt.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.CreatedAgent]: Await it for: Answer of ``POST /api/agents``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def get(self, id: str, **options: Unpack[RequestOptions]) -> Awaitable[models.Agent]:
        """Get an agent.

        Sends ``GET /api/agents/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Agent]: Await it for: An agent: an item of ``GET /api/agents`` or
                the answer of ``GET /api/agents/:id`` (which adds ``config`` and
                ``created_at``).

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> Awaitable[models.DeletedAgent]:
        """Delete an agent.

        Sends ``DELETE /api/agents/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.DeletedAgent]: Await it for: Answer of ``DELETE /api/agents/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncAgentsWithRawResponse:
    """The operations of the ``Agents`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def list(
        self,
        *,
        category: Optional[str] = None,
        is_public: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[List[models.Agent]]]:
        """List agents.

        Sends ``GET /api/agents``.

        Args:
            category: Only this category.
            is_public: Only public agents.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.Agent]]]: The answer with its metadata;
                ``parse()`` gives every item: an agent: an item of ``GET /api/agents`` or the
                answer of ``GET /api/agents/:id`` (which adds ``config`` and ``created_at``).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        name: str,
        config: Optional[Mapping[str, Any]] = None,
        description: Optional[str] = None,
        is_public: Optional[bool] = None,
        model: Optional[str] = None,
        system_prompt: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.CreatedAgent]]:
        """Create an agent.

        Sends ``POST /api/agents``.

        Args:
            name: Name.
            config: Generation settings.
            description: Description.
            is_public: Whether every user can use it.
            model: Model.
            system_prompt: System prompt.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.CreatedAgent]]: The answer with its metadata;
                ``parse()`` gives answer of ``POST /api/agents``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def get(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.Agent]]:
        """Get an agent.

        Sends ``GET /api/agents/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Agent]]: The answer with its metadata; ``parse()``
                gives an agent: an item of ``GET /api/agents`` or the answer of ``GET
                /api/agents/:id`` (which adds ``config`` and ``created_at``).

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.DeletedAgent]]:
        """Delete an agent.

        Sends ``DELETE /api/agents/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.DeletedAgent]]: The answer with its metadata;
                ``parse()`` gives answer of ``DELETE /api/agents/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            PermissionDeniedError: The caller may not do this (403).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncConversations:
    """Conversations and their SSE token streams (``client.conversations``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncConversationsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(
        self,
        *,
        agent_id: Optional[str] = None,
        cursor: Optional[str] = None,
        limit: Optional[int] = None,
        **options: Unpack[ListOptions],
    ) -> AsyncPaginator[models.AsyncConversation]:
        """List conversations (cursor-paginated).

        Sends ``GET /api/conversations``.

        Args:
            agent_id: Only conversations with this agent.
            cursor: The ``next_cursor`` of the previous page.
            limit: Items per page (default 20, max 100).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            AsyncPaginator[models.AsyncConversation]: ``await`` it for the first page, or
                ``async for`` over every item of every page, fetched lazily.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        agent_id: str,
        initial_message: Optional[str] = None,
        title: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.AsyncConversation]:
        """Start a conversation with an agent.

        Sends ``POST /api/conversations``.

        Args:
            agent_id: The agent to talk to.
            initial_message: A first user message (stream its answer with ``GET
                .../messages/stream``).
            title: Title.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.AsyncConversation]: Await it for: A conversation: an item of ``GET
                /api/conversations``, the answer of ``GET /api/conversations/:id`` (with
                ``messages``) or of ``POST /api/conversations``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def get(
        self, id: str, *, message_limit: Optional[int] = None, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.AsyncConversation]:
        """Get a conversation with its latest messages.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The resource's id.
            message_limit: Number of messages (default 50, max 200).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.AsyncConversation]: Await it for: A conversation: an item of ``GET
                /api/conversations``, the answer of ``GET /api/conversations/:id`` (with
                ``messages``) or of ``POST /api/conversations``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.DeletedConversation]:
        """Delete a conversation.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.DeletedConversation]: Await it for: Answer of ``DELETE
                /api/conversations/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def send_message(
        self, id: str, content: str, **options: Unpack[RequestOptions]
    ) -> AsyncMessageStream:
        """Send a message; the answer streams back as SSE tokens.

        Sends ``POST /api/conversations/{id}/messages``.

        Args:
            id: The resource's id.
            content: The user's message.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            AsyncMessageStream: The stream of the answer's events; iterate it.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def stream(self, id: str, **options: Unpack[RequestOptions]) -> AsyncMessageStream:
        """Stream the answer to the newest user message.

        Sends ``GET /api/conversations/{id}/messages/stream``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            AsyncMessageStream: The stream of the answer's events; iterate it.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncConversationsWithRawResponse:
    """The operations of the ``Conversations`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def list(
        self,
        *,
        agent_id: Optional[str] = None,
        cursor: Optional[str] = None,
        limit: Optional[int] = None,
        **options: Unpack[ListOptions],
    ) -> Awaitable[RawResponse[AsyncPage[models.AsyncConversation]]]:
        """List conversations (cursor-paginated).

        Sends ``GET /api/conversations``.

        Args:
            agent_id: Only conversations with this agent.
            cursor: The ``next_cursor`` of the previous page.
            limit: Items per page (default 20, max 100).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            Awaitable[RawResponse[AsyncPage[models.AsyncConversation]]]: The answer with its
                metadata; ``parse()`` gives the first page (``data`` and the page's own fields);
                iterating it yields every item of every page, fetching the next page only when
                needed.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        agent_id: str,
        initial_message: Optional[str] = None,
        title: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.AsyncConversation]]:
        """Start a conversation with an agent.

        Sends ``POST /api/conversations``.

        Args:
            agent_id: The agent to talk to.
            initial_message: A first user message (stream its answer with ``GET
                .../messages/stream``).
            title: Title.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.AsyncConversation]]: The answer with its metadata;
                ``parse()`` gives a conversation: an item of ``GET /api/conversations``, the
                answer of ``GET /api/conversations/:id`` (with ``messages``) or of ``POST
                /api/conversations``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def get(
        self, id: str, *, message_limit: Optional[int] = None, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.AsyncConversation]]:
        """Get a conversation with its latest messages.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The resource's id.
            message_limit: Number of messages (default 50, max 200).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.AsyncConversation]]: The answer with its metadata;
                ``parse()`` gives a conversation: an item of ``GET /api/conversations``, the
                answer of ``GET /api/conversations/:id`` (with ``messages``) or of ``POST
                /api/conversations``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def delete(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.DeletedConversation]]:
        """Delete a conversation.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.DeletedConversation]]: The answer with its metadata;
                ``parse()`` gives answer of ``DELETE /api/conversations/:id``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def send_message(
        self, id: str, content: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[AsyncMessageStream]]:
        """Send a message; the answer streams back as SSE tokens.

        Sends ``POST /api/conversations/{id}/messages``.

        Args:
            id: The resource's id.
            content: The user's message.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[AsyncMessageStream]]: The metadata of the response that opened
                the stream; ``parse()`` gives the stream. The stream of the answer's events;
                iterate it.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def stream(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[AsyncMessageStream]]:
        """Stream the answer to the newest user message.

        Sends ``GET /api/conversations/{id}/messages/stream``.

        Args:
            id: The resource's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[AsyncMessageStream]]: The metadata of the response that opened
                the stream; ``parse()`` gives the stream. The stream of the answer's events;
                iterate it.

        Raises:
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            IncompleteStreamError: The stream ended before its last event (raised while
                iterating).
            APIError: An ``error`` event inside the stream, as the class of its code.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncHealth:
    """Health profile, medications, appointments (``client.health``).

    Async client: every operation is awaited.
    """

    appointments: AsyncAppointments
    medications: AsyncMedications
    @property
    def with_raw_response(self) -> AsyncHealthWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def profile(self, **options: Unpack[RequestOptions]) -> Awaitable[models.HealthProfile]:
        """The caller's health profile.

        Sends ``GET /api/health/profile``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.HealthProfile]: Await it for: ``GET /api/health/profile`` and the
                answer of ``PATCH /api/health/profile``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update_profile(
        self,
        *,
        blood_type: Optional[str] = None,
        height: Optional[float] = None,
        weight: Optional[float] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.HealthProfile]:
        """Update the health profile.

        Sends ``PATCH /api/health/profile``.

        Args:
            blood_type: ``O+``, ``AB-``, ...
            height: Height in centimetres.
            weight: Weight in kilograms.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.HealthProfile]: Await it for: ``GET /api/health/profile`` and the
                answer of ``PATCH /api/health/profile``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncHealthWithRawResponse:
    """The operations of the ``Health`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """

    appointments: AsyncAppointmentsWithRawResponse
    medications: AsyncMedicationsWithRawResponse
    def profile(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.HealthProfile]]:
        """The caller's health profile.

        Sends ``GET /api/health/profile``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.HealthProfile]]: The answer with its metadata;
                ``parse()`` gives ``GET /api/health/profile`` and the answer of ``PATCH
                /api/health/profile``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def update_profile(
        self,
        *,
        blood_type: Optional[str] = None,
        height: Optional[float] = None,
        weight: Optional[float] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.HealthProfile]]:
        """Update the health profile.

        Sends ``PATCH /api/health/profile``.

        Args:
            blood_type: ``O+``, ``AB-``, ...
            height: Height in centimetres.
            weight: Weight in kilograms.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.HealthProfile]]: The answer with its metadata;
                ``parse()`` gives ``GET /api/health/profile`` and the answer of ``PATCH
                /api/health/profile``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncAppointments:
    """The operations of ``client.health.appointments``: ``list``.

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncAppointmentsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(
        self,
        *,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        upcoming: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[List[models.Appointment]]:
        """List appointments.

        Sends ``GET /api/health/appointments``.

        Args:
            from_: From this date (wire name ``from``). Sent as ``from``.
            to: Up to this date (wire name ``to``).
            upcoming: Only upcoming appointments (server default: true).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.Appointment]]: Await it for: Every item: an item of ``GET
                /api/health/appointments``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncAppointmentsWithRawResponse:
    """The operations of the ``Appointments`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def list(
        self,
        *,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        upcoming: Optional[bool] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[List[models.Appointment]]]:
        """List appointments.

        Sends ``GET /api/health/appointments``.

        Args:
            from_: From this date (wire name ``from``). Sent as ``from``.
            to: Up to this date (wire name ``to``).
            upcoming: Only upcoming appointments (server default: true).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.Appointment]]]: The answer with its metadata;
                ``parse()`` gives every item: an item of ``GET /api/health/appointments``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncMedications:
    """The operations of ``client.health.medications``: ``list``, ``create``.

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncMedicationsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(self, **options: Unpack[RequestOptions]) -> Awaitable[List[models.Medication]]:
        """List medications.

        Sends ``GET /api/health/medications``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.Medication]]: Await it for: Every item: a medication: an item
                of ``GET /api/health/medications`` or the answer of ``POST
                /api/health/medications``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        dosage: str,
        frequency: str,
        name: str,
        instructions: Optional[str] = None,
        start_date: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[models.Medication]:
        """Add a medication.

        Sends ``POST /api/health/medications``.

        Args:
            dosage: ``500mg``, ...
            frequency: ``Cada 8 horas``, ...
            name: Name.
            instructions: How to take it.
            start_date: When the user starts taking it.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Medication]: Await it for: A medication: an item of ``GET
                /api/health/medications`` or the answer of ``POST /api/health/medications``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncMedicationsWithRawResponse:
    """The operations of the ``Medications`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[List[models.Medication]]]:
        """List medications.

        Sends ``GET /api/health/medications``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.Medication]]]: The answer with its metadata;
                ``parse()`` gives every item: a medication: an item of ``GET
                /api/health/medications`` or the answer of ``POST /api/health/medications``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
    def create(
        self,
        *,
        dosage: str,
        frequency: str,
        name: str,
        instructions: Optional[str] = None,
        start_date: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> Awaitable[RawResponse[models.Medication]]:
        """Add a medication.

        Sends ``POST /api/health/medications``.

        Args:
            dosage: ``500mg``, ...
            frequency: ``Cada 8 horas``, ...
            name: Name.
            instructions: How to take it.
            start_date: When the user starts taking it.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Medication]]: The answer with its metadata; ``parse()``
                gives a medication: an item of ``GET /api/health/medications`` or the answer of
                ``POST /api/health/medications``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncFinance:
    """Finance profile, accounts, transactions, budgets (``client.finance``).

    Async client: every operation is awaited.
    """

    accounts: AsyncAccounts
    budgets: AsyncBudgets
    transactions: AsyncTransactions
    @property
    def with_raw_response(self) -> AsyncFinanceWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def profile(self, **options: Unpack[RequestOptions]) -> Awaitable[models.FinanceProfile]:
        """The caller's finance profile.

        Sends ``GET /api/finance/profile``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.FinanceProfile]: Await it for: ``GET /api/finance/profile``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncFinanceWithRawResponse:
    """The operations of the ``Finance`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """

    accounts: AsyncAccountsWithRawResponse
    budgets: AsyncBudgetsWithRawResponse
    transactions: AsyncTransactionsWithRawResponse
    def profile(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.FinanceProfile]]:
        """The caller's finance profile.

        Sends ``GET /api/finance/profile``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.FinanceProfile]]: The answer with its metadata;
                ``parse()`` gives ``GET /api/finance/profile``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncAccounts:
    """The operations of ``client.finance.accounts``: ``list``.

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncAccountsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(self, **options: Unpack[RequestOptions]) -> Awaitable[List[models.Account]]:
        """List accounts.

        Sends ``GET /api/finance/accounts``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.Account]]: Await it for: Every item: an item of ``GET
                /api/finance/accounts``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncAccountsWithRawResponse:
    """The operations of the ``Accounts`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[List[models.Account]]]:
        """List accounts.

        Sends ``GET /api/finance/accounts``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.Account]]]: The answer with its metadata;
                ``parse()`` gives every item: an item of ``GET /api/finance/accounts``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncBudgets:
    """The operations of ``client.finance.budgets``: ``list``.

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncBudgetsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(self, **options: Unpack[RequestOptions]) -> Awaitable[List[models.Budget]]:
        """List budgets.

        Sends ``GET /api/finance/budgets``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.Budget]]: Await it for: Every item: an item of ``GET
                /api/finance/budgets``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncBudgetsWithRawResponse:
    """The operations of the ``Budgets`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def list(
        self, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[List[models.Budget]]]:
        """List budgets.

        Sends ``GET /api/finance/budgets``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.Budget]]]: The answer with its metadata;
                ``parse()`` gives every item: an item of ``GET /api/finance/budgets``.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncTransactions:
    """The operations of ``client.finance.transactions``: ``list``, ``create``.

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncTransactionsWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def list(
        self,
        *,
        account_id: Optional[str] = None,
        category: Optional[str] = None,
        cursor: Optional[str] = None,
        from_: Optional[str] = None,
        limit: Optional[int] = None,
        to: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> AsyncTransactionPaginator:
        """List transactions (paginated, with a summary).

        Sends ``GET /api/finance/transactions``.

        Args:
            account_id: Only this account.
            category: Only this category.
            cursor: The ``next_cursor`` of the previous page.
            from_: From this date (``2025-10-01``). Sent as ``from``.
            limit: Items per page.
            to: Up to this date.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            AsyncTransactionPaginator: ``await`` it for the first page, or ``async for`` over
                every item of every page, fetched lazily.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
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
    ) -> Awaitable[models.Transaction]:
        """Record a transaction.

        Sends ``POST /api/finance/transactions``.

        Args:
            account_id: The account.
            amount: Amount (negative for an expense).
            description: Description.
            category: Category.
            date: When it happened.
            type: Wire name ``type``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Transaction]: Await it for: A transaction: an item of ``GET
                /api/finance/transactions`` or the answer of ``POST /api/finance/transactions``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncTransactionsWithRawResponse:
    """The operations of the ``Transactions`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def list(
        self,
        *,
        account_id: Optional[str] = None,
        category: Optional[str] = None,
        cursor: Optional[str] = None,
        from_: Optional[str] = None,
        limit: Optional[int] = None,
        to: Optional[str] = None,
        **options: Unpack[ListOptions],
    ) -> Awaitable[RawResponse[AsyncTransactionPage]]:
        """List transactions (paginated, with a summary).

        Sends ``GET /api/finance/transactions``.

        Args:
            account_id: Only this account.
            category: Only this category.
            cursor: The ``next_cursor`` of the previous page.
            from_: From this date (``2025-10-01``). Sent as ``from``.
            limit: Items per page.
            to: Up to this date.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            Awaitable[RawResponse[AsyncTransactionPage]]: The answer with its metadata;
                ``parse()`` gives the first page (``data`` and the page's own fields); iterating
                it yields every item of every page, fetching the next page only when needed.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """
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
    ) -> Awaitable[RawResponse[models.Transaction]]:
        """Record a transaction.

        Sends ``POST /api/finance/transactions``.

        Args:
            account_id: The account.
            amount: Amount (negative for an expense).
            description: Description.
            category: Category.
            date: When it happened.
            type: Wire name ``type``.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Transaction]]: The answer with its metadata;
                ``parse()`` gives a transaction: an item of ``GET /api/finance/transactions`` or
                the answer of ``POST /api/finance/transactions``.

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            NotFoundError: Something the request names does not exist for the caller (404).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncWebhooks(_WebhooksExtras):
    """Webhook subscriptions (``client.webhooks``).

    Async client: every operation is awaited.
    """
    @property
    def with_raw_response(self) -> AsyncWebhooksWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def create(
        self, *, events: Sequence[str], secret: str, url: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[models.Webhook]:
        """Subscribe a URL to events.

        Sends ``POST /api/webhooks``.

        Args:
            events: Event names (``conversation.created``, ``message.sent``, ...).
            secret: The HMAC-SHA256 signing secret (``whsec_...``).
            url: Where deliveries go.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Webhook]: Await it for: Answer of ``POST /api/webhooks`` (the
                secret is never echoed).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

class AsyncWebhooksWithRawResponse(_WebhooksExtras):
    """The operations of the ``Webhooks`` resource, each answering a ``RawResponse``
    (``with_raw_response``), awaited.
    """
    def create(
        self, *, events: Sequence[str], secret: str, url: str, **options: Unpack[RequestOptions]
    ) -> Awaitable[RawResponse[models.Webhook]]:
        """Subscribe a URL to events.

        Sends ``POST /api/webhooks``.

        Args:
            events: Event names (``conversation.created``, ``message.sent``, ...).
            secret: The HMAC-SHA256 signing secret (``whsec_...``).
            url: Where deliveries go.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Webhook]]: The answer with its metadata; ``parse()``
                gives answer of ``POST /api/webhooks`` (the secret is never echoed).

        Raises:
            BadRequestError: The service refused an argument (400).
            AuthenticationError: The credentials were refused (401).
            ConflictError: The request conflicts with the current state, or an
                ``idempotency_key`` was reused with another request (409).
            PayloadTooLargeError: The request body is too large (413).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.
        """

# </generated resources>

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
        proxy: Optional[str] = None,
        ca_bundle: Optional[Union[str, os.PathLike[str]]] = None,
        max_pages: Optional[int] = None,
    ) -> None: ...
    @property
    def base_url(self) -> str:
        """The base URL every request goes to (e.g. ``https://agents.cjhirashi.com/api``)."""
    def close(self) -> None:
        """Nothing to release eagerly: connections close with the client."""

class ClientWithRawResponse:
    """Every resource of the client, each call answering a ``RawResponse``
    (``client.with_raw_response``).
    """

    # <generated attributes-raw> by scripts/gen_python.py; do not edit
    auth: AuthWithRawResponse
    users: UsersWithRawResponse
    agents: AgentsWithRawResponse
    conversations: ConversationsWithRawResponse
    health: HealthWithRawResponse
    finance: FinanceWithRawResponse
    webhooks: WebhooksWithRawResponse
    # </generated attributes-raw>

class AsyncClientWithRawResponse:
    """Every resource of the client, each call answering a ``RawResponse``
    (``client.with_raw_response``). Every call is awaited.
    """

    # <generated attributes-async-raw> by scripts/gen_python.py; do not edit
    auth: AsyncAuthWithRawResponse
    users: AsyncUsersWithRawResponse
    agents: AsyncAgentsWithRawResponse
    conversations: AsyncConversationsWithRawResponse
    health: AsyncHealthWithRawResponse
    finance: AsyncFinanceWithRawResponse
    webhooks: AsyncWebhooksWithRawResponse
    # </generated attributes-async-raw>

class Client(_ClientBase):
    """The client of the CJHIRASHI Agents platform (blocking calls).

    Resources: ``auth``, ``users``, ``agents``, ``conversations``, ``health`` (with
    ``medications``, ``appointments``), ``finance`` (with ``accounts``, ``transactions``,
    ``budgets``) and ``webhooks``. Failed calls are retried (429, 5xx, connection errors) with
    backoff, honouring ``Retry-After``.

    Args:
        api_key: The API key (``Authorization: Bearer``); default: ``CJHIRASHI_API_KEY``.
        base_url: The service URL; default: ``CJHIRASHI_BASE_URL``, else
            ``https://agents.cjhirashi.com/api``.
        timeout: Seconds for a whole non-streaming call, retries included (default 600;
            ``float("inf")``: no limit).
        max_retries: Retries after the first attempt (default 2, at most 100).
        stream_idle_timeout: Seconds a stream may stay silent before it fails (default 120).
        default_headers: Headers sent with every request.
        connect_timeout: Seconds to open a connection (default 5).
        response_header_timeout: Seconds to wait for the answer's headers (default 60).
        max_event_size: The largest stream event accepted, in bytes (default 16 MiB).
        max_response_bytes: The largest answer body accepted, in bytes (default 32 MiB).
        proxy: Proxy URL (``http://`` or ``https://``, credentials allowed) for every
            request; default: ``HTTPS_PROXY`` / ``HTTP_PROXY`` /
            ``NO_PROXY`` from the environment.
        ca_bundle: Path of a PEM file of extra trusted CA certificates (a corporate or private
            CA), used for HTTPS and the WebSocket with the built-in roots; a missing file or
            one with no PEM certificate raises ``ValueError`` here.
        max_pages: How many pages iterating a list may fetch (default 10,000).

    Raises:
        InvalidArgumentError: No API key was given or found in the environment.
        ValueError: A setting is out of range (``TypeError``: of the wrong type).

    Example:
        >>> from cjhirashi_agents import Client
        >>> with Client() as client:  # reads CJHIRASHI_API_KEY
        ...     conv = client.conversations.create(agent_id="agt_personal_001")
        ...     print(conv.send_message("Hola").until_done())
    """

    # <generated attributes> by scripts/gen_python.py; do not edit
    auth: Auth
    users: Users
    agents: Agents
    conversations: Conversations
    health: Health
    finance: Finance
    webhooks: Webhooks
    # </generated attributes>
    @property
    def with_raw_response(self) -> ClientWithRawResponse:
        """Every resource of the client, each call answering a
        :class:`~cjhirashi_agents.RawResponse` (``client.with_raw_response.users.me()``).
        """
    def with_options(self, **overrides: Any) -> Client:
        """A new client with some settings changed (``timeout``, ``max_retries``, ...),
        checked like the constructor's.
        """
    def __enter__(self) -> Client: ...
    def __exit__(self, *exc: object) -> None: ...

class AsyncClient(_ClientBase):
    """The client of the CJHIRASHI Agents platform for asyncio: every operation is awaited;
    streams and lists are read with ``async for``. Takes the same arguments as
    :class:`Client`.

    Example:
        >>> async with AsyncClient() as client:
        ...     conv = await client.conversations.create(agent_id="agt_personal_001")
        ...     async for token in conv.send_message("Hola"):
        ...         print(token, end="")
    """

    # <generated attributes-async> by scripts/gen_python.py; do not edit
    auth: AsyncAuth
    users: AsyncUsers
    agents: AsyncAgents
    conversations: AsyncConversations
    health: AsyncHealth
    finance: AsyncFinance
    webhooks: AsyncWebhooks
    # </generated attributes-async>
    @property
    def with_raw_response(self) -> AsyncClientWithRawResponse:
        """Every resource of the client, each call answering a
        :class:`~cjhirashi_agents.RawResponse` (``client.with_raw_response.users.me()``).
        """
    def with_options(self, **overrides: Any) -> AsyncClient:
        """A new client with some settings changed (``timeout``, ``max_retries``, ...),
        checked like the constructor's.
        """
    async def __aenter__(self) -> AsyncClient: ...
    async def __aexit__(self, *exc: object) -> None: ...
    async def aclose(self) -> None:
        """Closes the client (the asyncio form of ``close()``; ``async with`` calls it)."""
