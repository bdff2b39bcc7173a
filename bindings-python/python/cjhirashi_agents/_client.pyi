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
    """Plus the helpers ``sign``, ``verify`` and ``unwrap`` of :mod:`cjhirashi_agents.webhooks`."""

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
        """Creates a new API key for the caller.

        Sends ``POST /api/auth/api-keys``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.ApiKey: The new key, shown only this once (the bindings hide it when
                printed), and when it expires.

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
        """The current session: who is signed in and until when.

        Sends ``GET /api/auth/session``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Session: The signed-in user (id, email, role, ...) and when the session
                expires.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> session = client.auth.session()
            >>> print(session.user.email)
        """
    def sign_in_url(self, **options: Unpack[RequestOptions]) -> str:
        """The URL the service sends a browser to for signing in (OAuth). The redirect is not
        followed: an API key never leaves for it.

        Sends ``POST /api/auth/signin``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            str: The sign-in URL (the redirect's target).

        Raises:
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> url = client.auth.sign_in_url()
            >>> print(url.startswith("https://"))
        """
    def sign_out(self, **options: Unpack[RequestOptions]) -> models.SignOut:
        """Ends the current session.

        Sends ``POST /api/auth/signout``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.SignOut: The service's confirmation message.

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
        """Creates a new API key for the caller.

        Sends ``POST /api/auth/api-keys``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.ApiKey]: The answer with its metadata; ``parse()`` gives the new
                key, shown only this once (the bindings hide it when printed), and when it
                expires.

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
        """The current session: who is signed in and until when.

        Sends ``GET /api/auth/session``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Session]: The answer with its metadata; ``parse()`` gives the
                signed-in user (id, email, role, ...) and when the session expires.

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
        """The URL the service sends a browser to for signing in (OAuth). The redirect is not
        followed: an API key never leaves for it.

        Sends ``POST /api/auth/signin``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[str]: The answer with its metadata; ``parse()`` gives the sign-in URL
                (the redirect's target).

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
        """Ends the current session.

        Sends ``POST /api/auth/signout``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.SignOut]: The answer with its metadata; ``parse()`` gives the
                service's confirmation message.

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
        """Lists the users, page by page (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's.

        Sends ``GET /api/users``.

        Args:
            limit: Users per page (default 20, at most 100).
            page: The first page to fetch, from 1 (default 1).
            role: Only users with this role (``ADMIN``, ``USER``).
            search: Only users whose email or name contains this text.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            SyncPage[models.UserSummary]: The first page of users; iterating it yields every
                user of every page, fetching the next page only when needed.

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

        Example:
            >>> for user in client.users.list(role="USER"):
            ...     print(user.email)
        """
    def invite(
        self,
        *,
        email: str,
        message: Optional[str] = None,
        role: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.Invitation:
        """Invites someone by email (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's,
        ``BadRequestError`` (400) when the email is not valid, and ``ConflictError`` (409) when
        that email already has an account.

        Sends ``POST /api/users/invite``.

        Args:
            email: The address to invite.
            message: A personal note for the invitation email.
            role: The role the new user gets (``USER`` by default).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Invitation: The invitation: its id, email, expiry and URL.

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

        Example:
            >>> invitation = client.users.invite(email="ana@example.com", role="USER")
        """
    def me(self, **options: Unpack[RequestOptions]) -> models.User:
        """The caller's profile, limits and usage.

        Sends ``GET /api/users/me``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.User: The signed-in user.

        Raises:
            AuthenticationError: The credentials were refused (401).
            RateLimitError: Too many requests (429), once the retries (which honour
                ``Retry-After``) ran out.
            InternalServerError: The service failed (5xx), once the retries ran out.
            ServiceUnavailableError: The service is unavailable (503), once the retries ran out.
            APIConnectionError: No answer (``APITimeoutError`` when a timeout ran out).
            ValueError: An argument is out of range (``TypeError``: of the wrong type); checked
                before anything is sent.

        Example:
            >>> me = client.users.me()
            >>> print(me.subscription_tier, me.usage.messages_used)
        """
    def update_me(
        self,
        *,
        name: Optional[str] = None,
        preferences: Optional[Dict[str, Any]] = None,
        **options: Unpack[RequestOptions],
    ) -> models.UpdatedUser:
        """Changes the caller's name or preferences; the fields left out stay as they are.

        Sends ``PATCH /api/users/me``.

        Args:
            name: New display name.
            preferences: New preferences: any JSON object (e.g. ``{"language": "es"}``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.UpdatedUser: The user's id, name and preferences after the change.

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

        Example:
            >>> user = client.users.update_me(name="Ana")
            >>> print(user.name)
        """
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> models.DeletedUser:
        """Deletes a user (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's and
        ``NotFoundError`` (404) when no user has this id.

        Sends ``DELETE /api/users/{id}``.

        Args:
            id: The user's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.DeletedUser: The confirmation with the deleted user's id.

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
        """Lists the users, page by page (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's.

        Sends ``GET /api/users``.

        Args:
            limit: Users per page (default 20, at most 100).
            page: The first page to fetch, from 1 (default 1).
            role: Only users with this role (``ADMIN``, ``USER``).
            search: Only users whose email or name contains this text.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            RawResponse[SyncPage[models.UserSummary]]: The answer with its metadata; ``parse()``
                gives the first page of users; iterating it yields every user of every page,
                fetching the next page only when needed.

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
        """Invites someone by email (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's,
        ``BadRequestError`` (400) when the email is not valid, and ``ConflictError`` (409) when
        that email already has an account.

        Sends ``POST /api/users/invite``.

        Args:
            email: The address to invite.
            message: A personal note for the invitation email.
            role: The role the new user gets (``USER`` by default).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Invitation]: The answer with its metadata; ``parse()`` gives the
                invitation: its id, email, expiry and URL.

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
        """The caller's profile, limits and usage.

        Sends ``GET /api/users/me``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.User]: The answer with its metadata; ``parse()`` gives the
                signed-in user.

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
        """Changes the caller's name or preferences; the fields left out stay as they are.

        Sends ``PATCH /api/users/me``.

        Args:
            name: New display name.
            preferences: New preferences: any JSON object (e.g. ``{"language": "es"}``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.UpdatedUser]: The answer with its metadata; ``parse()`` gives the
                user's id, name and preferences after the change.

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
        """Deletes a user (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's and
        ``NotFoundError`` (404) when no user has this id.

        Sends ``DELETE /api/users/{id}``.

        Args:
            id: The user's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.DeletedUser]: The answer with its metadata; ``parse()`` gives the
                confirmation with the deleted user's id.

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
        """Lists the agents available to the caller.

        Sends ``GET /api/agents``.

        Args:
            category: Only agents of this category (``personal``, ``health`` or ``finance``).
            is_public: Only public agents (``true``) or only private ones (``false``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.Agent]: Every matching agent (one answer, no pagination).

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

        Example:
            >>> agents = client.agents.list(category="personal")
            >>> print([agent.id for agent in agents])
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
        """Creates a custom agent owned by the caller.

        Fails with ``BadRequestError`` (400) when a field is refused, e.g. an empty name.

        Sends ``POST /api/agents``.

        Args:
            name: The agent's name.
            config: Model settings: ``temperature``, ``max_tokens``, ``top_p``.
            description: What the agent is for.
            is_public: Whether every user can see and use the agent (default ``false``).
            model: The language model it runs on (e.g. ``gpt-4``).
            system_prompt: The instructions the agent follows.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.CreatedAgent: The new agent's id, name and endpoint URL.

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

        Example:
            >>> agent = client.agents.create(name="Helper", config={"temperature": 0.2})
            >>> print(agent.id)
        """
    def get(self, id: str, **options: Unpack[RequestOptions]) -> models.Agent:
        """One agent with its configuration and capabilities.

        Fails with ``NotFoundError`` (404) when no agent has this id or the caller cannot see
        it.

        Sends ``GET /api/agents/{id}``.

        Args:
            id: The agent's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Agent: The agent.

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

        Example:
            >>> agent = client.agents.get("agt_personal_001")
            >>> print(agent.name)
        """
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> models.DeletedAgent:
        """Deletes an agent (its owner or an admin).

        Fails with ``PermissionDeniedError`` (403) when the caller neither owns the agent nor is
        an admin, and ``NotFoundError`` (404) when no agent has this id.

        Sends ``DELETE /api/agents/{id}``.

        Args:
            id: The agent's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.DeletedAgent: The confirmation with the deleted agent's id.

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
        """Lists the agents available to the caller.

        Sends ``GET /api/agents``.

        Args:
            category: Only agents of this category (``personal``, ``health`` or ``finance``).
            is_public: Only public agents (``true``) or only private ones (``false``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.Agent]]: The answer with its metadata; ``parse()`` gives
                every matching agent (one answer, no pagination).

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
        """Creates a custom agent owned by the caller.

        Fails with ``BadRequestError`` (400) when a field is refused, e.g. an empty name.

        Sends ``POST /api/agents``.

        Args:
            name: The agent's name.
            config: Model settings: ``temperature``, ``max_tokens``, ``top_p``.
            description: What the agent is for.
            is_public: Whether every user can see and use the agent (default ``false``).
            model: The language model it runs on (e.g. ``gpt-4``).
            system_prompt: The instructions the agent follows.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.CreatedAgent]: The answer with its metadata; ``parse()`` gives
                the new agent's id, name and endpoint URL.

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
        """One agent with its configuration and capabilities.

        Fails with ``NotFoundError`` (404) when no agent has this id or the caller cannot see
        it.

        Sends ``GET /api/agents/{id}``.

        Args:
            id: The agent's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Agent]: The answer with its metadata; ``parse()`` gives the
                agent.

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
        """Deletes an agent (its owner or an admin).

        Fails with ``PermissionDeniedError`` (403) when the caller neither owns the agent nor is
        an admin, and ``NotFoundError`` (404) when no agent has this id.

        Sends ``DELETE /api/agents/{id}``.

        Args:
            id: The agent's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.DeletedAgent]: The answer with its metadata; ``parse()`` gives
                the confirmation with the deleted agent's id.

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
        """Lists the caller's conversations, newest first, page by page (by cursor).

        Sends ``GET /api/conversations``.

        Args:
            agent_id: Only conversations with this agent.
            cursor: Start after this cursor (a page's ``pagination.nextCursor``).
            limit: Conversations per page (default 20, at most 100).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            SyncPage[models.Conversation]: The first page of conversations; iterating it yields
                every conversation of every page, fetching the next page only when needed.

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

        Example:
            >>> for conv in client.conversations.list(agent_id="agt_personal_001"):
            ...     print(conv.id, conv.title)
        """
    def create(
        self,
        *,
        agent_id: str,
        initial_message: Optional[str] = None,
        title: Optional[str] = None,
        **options: Unpack[RequestOptions],
    ) -> models.Conversation:
        """Starts a conversation with an agent.

        Fails with ``NotFoundError`` (404) when no agent has this id.

        Sends ``POST /api/conversations``.

        Args:
            agent_id: The agent to talk to.
            initial_message: A first user message; its answer is streamed by ``GET
                .../messages/stream`` (``conversations.stream``).
            title: A title for the conversation.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Conversation: The new conversation, which can send a message and stream the
                answer itself; after an initial message, streaming from it gives the answer to
                that message.

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

        Example:
            >>> conv = client.conversations.create(agent_id="agt_personal_001")
            >>> for token in conv.send_message("Hola"):
            ...     print(token, end="")
        """
    def get(
        self, id: str, *, message_limit: Optional[int] = None, **options: Unpack[RequestOptions]
    ) -> models.Conversation:
        """One conversation with its most recent messages.

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            message_limit: How many of the most recent messages to include (default 50, at most
                200).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Conversation: The conversation; its ``messages`` are the most recent ones.

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

        Example:
            >>> conv = client.conversations.get("conv_abc123", message_limit=10)
            >>> for message in conv.messages or []:
            ...     print(message.role, message.content)
        """
    def delete(self, id: str, **options: Unpack[RequestOptions]) -> models.DeletedConversation:
        """Deletes a conversation and its messages.

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.DeletedConversation: The confirmation with the deleted conversation's id.

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
        """Sends a user message to a conversation and streams the assistant's answer token by token
        (SSE).

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id,
        ``IncompleteStreamError`` when the stream ends before its ``done`` event, and with the
        error class of its code on an ``error`` event; a stream reports these while it is read.

        Sends ``POST /api/conversations/{id}/messages``.

        Args:
            id: The conversation's id.
            content: The message text.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            MessageStream: A stream of the answer's text tokens. Once it is read, the whole
                text, the message's id, the tokens used and the timestamp are known. Closing it,
                or leaving the loop early, closes the connection.

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

        Example:
            >>> with client.conversations.send_message(conv.id, "Hola") as stream:
            ...     for token in stream:
            ...         print(token, end="")
            >>> print(stream.tokens_used)
        """
    def stream(self, id: str, **options: Unpack[RequestOptions]) -> MessageStream:
        """Streams the answer to the newest user message of a conversation, e.g. its initial
        message (SSE).

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id or it
        has no user message to answer, and ``IncompleteStreamError`` when the stream ends before
        its ``done`` event; a stream reports these while it is read.

        Sends ``GET /api/conversations/{id}/messages/stream``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            MessageStream: A stream of the answer's text tokens, like the one sending a message
                gives.

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

        Example:
            >>> print(client.conversations.stream(conv.id).until_done())
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
        """Lists the caller's conversations, newest first, page by page (by cursor).

        Sends ``GET /api/conversations``.

        Args:
            agent_id: Only conversations with this agent.
            cursor: Start after this cursor (a page's ``pagination.nextCursor``).
            limit: Conversations per page (default 20, at most 100).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            RawResponse[SyncPage[models.Conversation]]: The answer with its metadata;
                ``parse()`` gives the first page of conversations; iterating it yields every
                conversation of every page, fetching the next page only when needed.

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
        """Starts a conversation with an agent.

        Fails with ``NotFoundError`` (404) when no agent has this id.

        Sends ``POST /api/conversations``.

        Args:
            agent_id: The agent to talk to.
            initial_message: A first user message; its answer is streamed by ``GET
                .../messages/stream`` (``conversations.stream``).
            title: A title for the conversation.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Conversation]: The answer with its metadata; ``parse()`` gives
                the new conversation, which can send a message and stream the answer itself;
                after an initial message, streaming from it gives the answer to that message.

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
        """One conversation with its most recent messages.

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            message_limit: How many of the most recent messages to include (default 50, at most
                200).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Conversation]: The answer with its metadata; ``parse()`` gives
                the conversation; its ``messages`` are the most recent ones.

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
        """Deletes a conversation and its messages.

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.DeletedConversation]: The answer with its metadata; ``parse()``
                gives the confirmation with the deleted conversation's id.

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
        """Sends a user message to a conversation and streams the assistant's answer token by token
        (SSE).

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id,
        ``IncompleteStreamError`` when the stream ends before its ``done`` event, and with the
        error class of its code on an ``error`` event; a stream reports these while it is read.

        Sends ``POST /api/conversations/{id}/messages``.

        Args:
            id: The conversation's id.
            content: The message text.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[MessageStream]: The metadata of the response that opened the stream;
                ``parse()`` gives the stream. A stream of the answer's text tokens. Once it is
                read, the whole text, the message's id, the tokens used and the timestamp are
                known. Closing it, or leaving the loop early, closes the connection.

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
        """Streams the answer to the newest user message of a conversation, e.g. its initial
        message (SSE).

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id or it
        has no user message to answer, and ``IncompleteStreamError`` when the stream ends before
        its ``done`` event; a stream reports these while it is read.

        Sends ``GET /api/conversations/{id}/messages/stream``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[MessageStream]: The metadata of the response that opened the stream;
                ``parse()`` gives the stream. A stream of the answer's text tokens, like the one
                sending a message gives.

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
            models.HealthProfile: Blood type, height, weight, allergies and conditions.

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
        """Changes the caller's health profile; the fields left out stay as they are.

        Sends ``PATCH /api/health/profile``.

        Args:
            blood_type: The blood type, e.g. ``O+`` or ``AB-``.
            height: Height in centimetres.
            weight: Weight in kilograms.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.HealthProfile: The profile after the change as the service answers it: id,
                blood type, height, weight and update time; its allergies and conditions are not
                in that answer (they come back empty), ``health.profile`` reads them.

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

        Example:
            >>> profile = client.health.update_profile(weight=70.5)
            >>> print(profile.weight)
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
                blood type, height, weight, allergies and conditions.

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
        """Changes the caller's health profile; the fields left out stay as they are.

        Sends ``PATCH /api/health/profile``.

        Args:
            blood_type: The blood type, e.g. ``O+`` or ``AB-``.
            height: Height in centimetres.
            weight: Weight in kilograms.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.HealthProfile]: The answer with its metadata; ``parse()`` gives
                the profile after the change as the service answers it: id, blood type, height,
                weight and update time; its allergies and conditions are not in that answer
                (they come back empty), ``health.profile`` reads them.

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
        """Lists the caller's appointments.

        Sends ``GET /api/health/appointments``.

        Args:
            from_: Only appointments on or after this day (``YYYY-MM-DD``, or a date-time). Sent
                as ``from``.
            to: Only appointments on or before this day (``YYYY-MM-DD``, or a date-time).
            upcoming: Only future appointments (the service's default is ``true``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.Appointment]: Every matching appointment (one answer, no pagination).

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

        Example:
            >>> for appointment in client.health.appointments.list(upcoming=True):
            ...     print(appointment.datetime, appointment.title)
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
        """Lists the caller's appointments.

        Sends ``GET /api/health/appointments``.

        Args:
            from_: Only appointments on or after this day (``YYYY-MM-DD``, or a date-time). Sent
                as ``from``.
            to: Only appointments on or before this day (``YYYY-MM-DD``, or a date-time).
            upcoming: Only future appointments (the service's default is ``true``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.Appointment]]: The answer with its metadata; ``parse()``
                gives every matching appointment (one answer, no pagination).

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
        """Lists the caller's medications.

        Sends ``GET /api/health/medications``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.Medication]: Every medication with its dosage, frequency and adherence.

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
        """Adds a medication to the caller's list.

        Sends ``POST /api/health/medications``.

        Args:
            dosage: The dose, e.g. ``500mg``.
            frequency: How often, e.g. ``every 8 hours`` or ``Cada 8 horas``.
            name: The medication's name.
            instructions: How to take it.
            start_date: The first day the user takes it (``YYYY-MM-DD``, or a date-time).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Medication: The new medication.

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

        Example:
            >>> medication = client.health.medications.create(
            ...     name="Ibuprofeno", dosage="400mg", frequency="every 8 hours")
        """

class MedicationsWithRawResponse:
    """The operations of the ``Medications`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[List[models.Medication]]:
        """Lists the caller's medications.

        Sends ``GET /api/health/medications``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.Medication]]: The answer with its metadata; ``parse()``
                gives every medication with its dosage, frequency and adherence.

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
        """Adds a medication to the caller's list.

        Sends ``POST /api/health/medications``.

        Args:
            dosage: The dose, e.g. ``500mg``.
            frequency: How often, e.g. ``every 8 hours`` or ``Cada 8 horas``.
            name: The medication's name.
            instructions: How to take it.
            start_date: The first day the user takes it (``YYYY-MM-DD``, or a date-time).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Medication]: The answer with its metadata; ``parse()`` gives the
                new medication.

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
            models.FinanceProfile: Currency, income, assets, liabilities and net worth.

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
                currency, income, assets, liabilities and net worth.

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
        """Lists the caller's bank and credit accounts.

        Sends ``GET /api/finance/accounts``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.Account]: Every account with its balance.

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
        """Lists the caller's bank and credit accounts.

        Sends ``GET /api/finance/accounts``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.Account]]: The answer with its metadata; ``parse()`` gives
                every account with its balance.

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
        """Lists the caller's budgets with what is spent and what remains.

        Sends ``GET /api/finance/budgets``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            List[models.Budget]: Every budget.

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
        """Lists the caller's budgets with what is spent and what remains.

        Sends ``GET /api/finance/budgets``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[List[models.Budget]]: The answer with its metadata; ``parse()`` gives
                every budget.

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
        """Lists the caller's transactions, newest first, page by page (by cursor); each page
        carries the summary of the whole filtered set.

        Fails with ``NotFoundError`` (404) when no account of the caller has the given account
        id.

        Sends ``GET /api/finance/transactions``.

        Args:
            account_id: Only transactions of this account.
            category: Only transactions of this category (e.g. ``FOOD``).
            cursor: Start after this cursor (a page's ``pagination.nextCursor``).
            from_: Only transactions on or after this day (``YYYY-MM-DD``, e.g. ``2025-10-01``,
                or a date-time). Sent as ``from``.
            limit: Transactions per page (at most 100).
            to: Only transactions on or before this day (``YYYY-MM-DD``, or a date-time).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            TransactionPage: The first page, with its transactions and the summary; iterating it
                yields every transaction of every page, fetching the next page only when needed.

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

        Example:
            >>> page = client.finance.transactions.list(account_id="acc_001")
            >>> print(page.summary.net_flow)
            >>> for tx in page:
            ...     print(tx.date, tx.amount)
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
        """Records a transaction. The amount is sent exactly as given, negative for an expense.

        Fails with ``NotFoundError`` (404) when no account of the caller has this id.

        Sends ``POST /api/finance/transactions``.

        Args:
            account_id: The account it belongs to.
            amount: The amount, sent exactly as given (negative for an expense).
            description: What it was.
            category: Its category (e.g. ``TRANSPORT``).
            date: The day it happened (``YYYY-MM-DD``, or a date-time).
            type: ``INCOME`` or ``EXPENSE`` (wire name ``type``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Transaction: The new transaction.

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

        Example:
            >>> from decimal import Decimal
            >>> tx = client.finance.transactions.create(
            ...     account_id="acc_001", amount=Decimal("-12.50"), description="Taxi")
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
        """Lists the caller's transactions, newest first, page by page (by cursor); each page
        carries the summary of the whole filtered set.

        Fails with ``NotFoundError`` (404) when no account of the caller has the given account
        id.

        Sends ``GET /api/finance/transactions``.

        Args:
            account_id: Only transactions of this account.
            category: Only transactions of this category (e.g. ``FOOD``).
            cursor: Start after this cursor (a page's ``pagination.nextCursor``).
            from_: Only transactions on or after this day (``YYYY-MM-DD``, e.g. ``2025-10-01``,
                or a date-time). Sent as ``from``.
            limit: Transactions per page (at most 100).
            to: Only transactions on or before this day (``YYYY-MM-DD``, or a date-time).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            RawResponse[TransactionPage]: The answer with its metadata; ``parse()`` gives the
                first page, with its transactions and the summary; iterating it yields every
                transaction of every page, fetching the next page only when needed.

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
        """Records a transaction. The amount is sent exactly as given, negative for an expense.

        Fails with ``NotFoundError`` (404) when no account of the caller has this id.

        Sends ``POST /api/finance/transactions``.

        Args:
            account_id: The account it belongs to.
            amount: The amount, sent exactly as given (negative for an expense).
            description: What it was.
            category: Its category (e.g. ``TRANSPORT``).
            date: The day it happened (``YYYY-MM-DD``, or a date-time).
            type: ``INCOME`` or ``EXPENSE`` (wire name ``type``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Transaction]: The answer with its metadata; ``parse()`` gives the
                new transaction.

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
    """Webhook subscriptions (``client.webhooks``). Plus the helpers ``sign``, ``verify`` and
    ``unwrap`` of :mod:`cjhirashi_agents.webhooks`.
    """
    @property
    def with_raw_response(self) -> WebhooksWithRawResponse:
        """The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``,
        ``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result
        (``client.<resource>.with_raw_response.<method>(...)``).
        """
    def create(
        self, *, events: Sequence[str], secret: str, url: str, **options: Unpack[RequestOptions]
    ) -> models.Webhook:
        """Registers a URL that receives signed deliveries of the given events.

        Fails with ``BadRequestError`` (400) when the URL or an event name is refused.

        Sends ``POST /api/webhooks``.

        Args:
            events: The event names to deliver (e.g. ``conversation.created``, ``message.sent``;
                on ops ``alert.critical``, ``tool.executed``); the schema lists every name the
                service accepts.
            secret: The shared secret deliveries are signed with (HMAC-SHA256; ``whsec_...``).
            url: The URL deliveries are POSTed to.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            models.Webhook: The registration: its id, URL and events.

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

        Example:
            >>> webhook = client.webhooks.create(
            ...     url="https://example.com/hooks",
            ...     events=["conversation.created"],
            ...     secret="whsec_...")
        """

class WebhooksWithRawResponse(_WebhooksExtras):
    """The operations of the ``Webhooks`` resource, each answering a ``RawResponse``
    (``with_raw_response``).
    """
    def create(
        self, *, events: Sequence[str], secret: str, url: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[models.Webhook]:
        """Registers a URL that receives signed deliveries of the given events.

        Fails with ``BadRequestError`` (400) when the URL or an event name is refused.

        Sends ``POST /api/webhooks``.

        Args:
            events: The event names to deliver (e.g. ``conversation.created``, ``message.sent``;
                on ops ``alert.critical``, ``tool.executed``); the schema lists every name the
                service accepts.
            secret: The shared secret deliveries are signed with (HMAC-SHA256; ``whsec_...``).
            url: The URL deliveries are POSTed to.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            RawResponse[models.Webhook]: The answer with its metadata; ``parse()`` gives the
                registration: its id, URL and events.

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
        """Creates a new API key for the caller.

        Sends ``POST /api/auth/api-keys``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.ApiKey]: Await it for: The new key, shown only this once (the
                bindings hide it when printed), and when it expires.

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
        """The current session: who is signed in and until when.

        Sends ``GET /api/auth/session``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Session]: Await it for: The signed-in user (id, email, role, ...)
                and when the session expires.

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
        """The URL the service sends a browser to for signing in (OAuth). The redirect is not
        followed: an API key never leaves for it.

        Sends ``POST /api/auth/signin``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[str]: Await it for: The sign-in URL (the redirect's target).

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
        """Ends the current session.

        Sends ``POST /api/auth/signout``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.SignOut]: Await it for: The service's confirmation message.

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
        """Creates a new API key for the caller.

        Sends ``POST /api/auth/api-keys``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.ApiKey]]: The answer with its metadata; ``parse()``
                gives the new key, shown only this once (the bindings hide it when printed), and
                when it expires.

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
        """The current session: who is signed in and until when.

        Sends ``GET /api/auth/session``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Session]]: The answer with its metadata; ``parse()``
                gives the signed-in user (id, email, role, ...) and when the session expires.

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
        """The URL the service sends a browser to for signing in (OAuth). The redirect is not
        followed: an API key never leaves for it.

        Sends ``POST /api/auth/signin``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[str]]: The answer with its metadata; ``parse()`` gives the
                sign-in URL (the redirect's target).

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
        """Ends the current session.

        Sends ``POST /api/auth/signout``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.SignOut]]: The answer with its metadata; ``parse()``
                gives the service's confirmation message.

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
        """Lists the users, page by page (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's.

        Sends ``GET /api/users``.

        Args:
            limit: Users per page (default 20, at most 100).
            page: The first page to fetch, from 1 (default 1).
            role: Only users with this role (``ADMIN``, ``USER``).
            search: Only users whose email or name contains this text.
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
        """Invites someone by email (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's,
        ``BadRequestError`` (400) when the email is not valid, and ``ConflictError`` (409) when
        that email already has an account.

        Sends ``POST /api/users/invite``.

        Args:
            email: The address to invite.
            message: A personal note for the invitation email.
            role: The role the new user gets (``USER`` by default).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Invitation]: Await it for: The invitation: its id, email, expiry
                and URL.

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
        """The caller's profile, limits and usage.

        Sends ``GET /api/users/me``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.User]: Await it for: The signed-in user.

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
        """Changes the caller's name or preferences; the fields left out stay as they are.

        Sends ``PATCH /api/users/me``.

        Args:
            name: New display name.
            preferences: New preferences: any JSON object (e.g. ``{"language": "es"}``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.UpdatedUser]: Await it for: The user's id, name and preferences
                after the change.

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
        """Deletes a user (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's and
        ``NotFoundError`` (404) when no user has this id.

        Sends ``DELETE /api/users/{id}``.

        Args:
            id: The user's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.DeletedUser]: Await it for: The confirmation with the deleted
                user's id.

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
        """Lists the users, page by page (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's.

        Sends ``GET /api/users``.

        Args:
            limit: Users per page (default 20, at most 100).
            page: The first page to fetch, from 1 (default 1).
            role: Only users with this role (``ADMIN``, ``USER``).
            search: Only users whose email or name contains this text.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            Awaitable[RawResponse[AsyncPage[models.UserSummary]]]: The answer with its metadata;
                ``parse()`` gives the first page of users; iterating it yields every user of
                every page, fetching the next page only when needed.

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
        """Invites someone by email (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's,
        ``BadRequestError`` (400) when the email is not valid, and ``ConflictError`` (409) when
        that email already has an account.

        Sends ``POST /api/users/invite``.

        Args:
            email: The address to invite.
            message: A personal note for the invitation email.
            role: The role the new user gets (``USER`` by default).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Invitation]]: The answer with its metadata; ``parse()``
                gives the invitation: its id, email, expiry and URL.

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
        """The caller's profile, limits and usage.

        Sends ``GET /api/users/me``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.User]]: The answer with its metadata; ``parse()`` gives
                the signed-in user.

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
        """Changes the caller's name or preferences; the fields left out stay as they are.

        Sends ``PATCH /api/users/me``.

        Args:
            name: New display name.
            preferences: New preferences: any JSON object (e.g. ``{"language": "es"}``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.UpdatedUser]]: The answer with its metadata;
                ``parse()`` gives the user's id, name and preferences after the change.

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
        """Deletes a user (admins only).

        Fails with ``PermissionDeniedError`` (403) when the key is not an admin's and
        ``NotFoundError`` (404) when no user has this id.

        Sends ``DELETE /api/users/{id}``.

        Args:
            id: The user's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.DeletedUser]]: The answer with its metadata;
                ``parse()`` gives the confirmation with the deleted user's id.

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
        """Lists the agents available to the caller.

        Sends ``GET /api/agents``.

        Args:
            category: Only agents of this category (``personal``, ``health`` or ``finance``).
            is_public: Only public agents (``true``) or only private ones (``false``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.Agent]]: Await it for: Every matching agent (one answer, no
                pagination).

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
        """Creates a custom agent owned by the caller.

        Fails with ``BadRequestError`` (400) when a field is refused, e.g. an empty name.

        Sends ``POST /api/agents``.

        Args:
            name: The agent's name.
            config: Model settings: ``temperature``, ``max_tokens``, ``top_p``.
            description: What the agent is for.
            is_public: Whether every user can see and use the agent (default ``false``).
            model: The language model it runs on (e.g. ``gpt-4``).
            system_prompt: The instructions the agent follows.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.CreatedAgent]: Await it for: The new agent's id, name and endpoint
                URL.

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
        """One agent with its configuration and capabilities.

        Fails with ``NotFoundError`` (404) when no agent has this id or the caller cannot see
        it.

        Sends ``GET /api/agents/{id}``.

        Args:
            id: The agent's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Agent]: Await it for: The agent.

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
        """Deletes an agent (its owner or an admin).

        Fails with ``PermissionDeniedError`` (403) when the caller neither owns the agent nor is
        an admin, and ``NotFoundError`` (404) when no agent has this id.

        Sends ``DELETE /api/agents/{id}``.

        Args:
            id: The agent's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.DeletedAgent]: Await it for: The confirmation with the deleted
                agent's id.

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
        """Lists the agents available to the caller.

        Sends ``GET /api/agents``.

        Args:
            category: Only agents of this category (``personal``, ``health`` or ``finance``).
            is_public: Only public agents (``true``) or only private ones (``false``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.Agent]]]: The answer with its metadata;
                ``parse()`` gives every matching agent (one answer, no pagination).

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
        """Creates a custom agent owned by the caller.

        Fails with ``BadRequestError`` (400) when a field is refused, e.g. an empty name.

        Sends ``POST /api/agents``.

        Args:
            name: The agent's name.
            config: Model settings: ``temperature``, ``max_tokens``, ``top_p``.
            description: What the agent is for.
            is_public: Whether every user can see and use the agent (default ``false``).
            model: The language model it runs on (e.g. ``gpt-4``).
            system_prompt: The instructions the agent follows.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.CreatedAgent]]: The answer with its metadata;
                ``parse()`` gives the new agent's id, name and endpoint URL.

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
        """One agent with its configuration and capabilities.

        Fails with ``NotFoundError`` (404) when no agent has this id or the caller cannot see
        it.

        Sends ``GET /api/agents/{id}``.

        Args:
            id: The agent's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Agent]]: The answer with its metadata; ``parse()``
                gives the agent.

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
        """Deletes an agent (its owner or an admin).

        Fails with ``PermissionDeniedError`` (403) when the caller neither owns the agent nor is
        an admin, and ``NotFoundError`` (404) when no agent has this id.

        Sends ``DELETE /api/agents/{id}``.

        Args:
            id: The agent's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.DeletedAgent]]: The answer with its metadata;
                ``parse()`` gives the confirmation with the deleted agent's id.

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
        """Lists the caller's conversations, newest first, page by page (by cursor).

        Sends ``GET /api/conversations``.

        Args:
            agent_id: Only conversations with this agent.
            cursor: Start after this cursor (a page's ``pagination.nextCursor``).
            limit: Conversations per page (default 20, at most 100).
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
        """Starts a conversation with an agent.

        Fails with ``NotFoundError`` (404) when no agent has this id.

        Sends ``POST /api/conversations``.

        Args:
            agent_id: The agent to talk to.
            initial_message: A first user message; its answer is streamed by ``GET
                .../messages/stream`` (``conversations.stream``).
            title: A title for the conversation.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.AsyncConversation]: Await it for: The new conversation, which can
                send a message and stream the answer itself; after an initial message, streaming
                from it gives the answer to that message.

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
        """One conversation with its most recent messages.

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            message_limit: How many of the most recent messages to include (default 50, at most
                200).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.AsyncConversation]: Await it for: The conversation; its
                ``messages`` are the most recent ones.

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
        """Deletes a conversation and its messages.

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.DeletedConversation]: Await it for: The confirmation with the
                deleted conversation's id.

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
        """Sends a user message to a conversation and streams the assistant's answer token by token
        (SSE).

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id,
        ``IncompleteStreamError`` when the stream ends before its ``done`` event, and with the
        error class of its code on an ``error`` event; a stream reports these while it is read.

        Sends ``POST /api/conversations/{id}/messages``.

        Args:
            id: The conversation's id.
            content: The message text.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            AsyncMessageStream: A stream of the answer's text tokens. Once it is read, the whole
                text, the message's id, the tokens used and the timestamp are known. Closing it,
                or leaving the loop early, closes the connection.

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
        """Streams the answer to the newest user message of a conversation, e.g. its initial
        message (SSE).

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id or it
        has no user message to answer, and ``IncompleteStreamError`` when the stream ends before
        its ``done`` event; a stream reports these while it is read.

        Sends ``GET /api/conversations/{id}/messages/stream``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            AsyncMessageStream: A stream of the answer's text tokens, like the one sending a
                message gives.

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
        """Lists the caller's conversations, newest first, page by page (by cursor).

        Sends ``GET /api/conversations``.

        Args:
            agent_id: Only conversations with this agent.
            cursor: Start after this cursor (a page's ``pagination.nextCursor``).
            limit: Conversations per page (default 20, at most 100).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            Awaitable[RawResponse[AsyncPage[models.AsyncConversation]]]: The answer with its
                metadata; ``parse()`` gives the first page of conversations; iterating it yields
                every conversation of every page, fetching the next page only when needed.

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
        """Starts a conversation with an agent.

        Fails with ``NotFoundError`` (404) when no agent has this id.

        Sends ``POST /api/conversations``.

        Args:
            agent_id: The agent to talk to.
            initial_message: A first user message; its answer is streamed by ``GET
                .../messages/stream`` (``conversations.stream``).
            title: A title for the conversation.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.AsyncConversation]]: The answer with its metadata;
                ``parse()`` gives the new conversation, which can send a message and stream the
                answer itself; after an initial message, streaming from it gives the answer to
                that message.

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
        """One conversation with its most recent messages.

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id.

        Sends ``GET /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            message_limit: How many of the most recent messages to include (default 50, at most
                200).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.AsyncConversation]]: The answer with its metadata;
                ``parse()`` gives the conversation; its ``messages`` are the most recent ones.

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
        """Deletes a conversation and its messages.

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id.

        Sends ``DELETE /api/conversations/{id}``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.DeletedConversation]]: The answer with its metadata;
                ``parse()`` gives the confirmation with the deleted conversation's id.

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
        """Sends a user message to a conversation and streams the assistant's answer token by token
        (SSE).

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id,
        ``IncompleteStreamError`` when the stream ends before its ``done`` event, and with the
        error class of its code on an ``error`` event; a stream reports these while it is read.

        Sends ``POST /api/conversations/{id}/messages``.

        Args:
            id: The conversation's id.
            content: The message text.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[AsyncMessageStream]]: The metadata of the response that opened
                the stream; ``parse()`` gives the stream. A stream of the answer's text tokens.
                Once it is read, the whole text, the message's id, the tokens used and the
                timestamp are known. Closing it, or leaving the loop early, closes the
                connection.

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
        """Streams the answer to the newest user message of a conversation, e.g. its initial
        message (SSE).

        Fails with ``NotFoundError`` (404) when no conversation of the caller has this id or it
        has no user message to answer, and ``IncompleteStreamError`` when the stream ends before
        its ``done`` event; a stream reports these while it is read.

        Sends ``GET /api/conversations/{id}/messages/stream``.

        Args:
            id: The conversation's id.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[AsyncMessageStream]]: The metadata of the response that opened
                the stream; ``parse()`` gives the stream. A stream of the answer's text tokens,
                like the one sending a message gives.

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
            Awaitable[models.HealthProfile]: Await it for: Blood type, height, weight, allergies
                and conditions.

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
        """Changes the caller's health profile; the fields left out stay as they are.

        Sends ``PATCH /api/health/profile``.

        Args:
            blood_type: The blood type, e.g. ``O+`` or ``AB-``.
            height: Height in centimetres.
            weight: Weight in kilograms.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.HealthProfile]: Await it for: The profile after the change as the
                service answers it: id, blood type, height, weight and update time; its
                allergies and conditions are not in that answer (they come back empty),
                ``health.profile`` reads them.

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
                ``parse()`` gives blood type, height, weight, allergies and conditions.

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
        """Changes the caller's health profile; the fields left out stay as they are.

        Sends ``PATCH /api/health/profile``.

        Args:
            blood_type: The blood type, e.g. ``O+`` or ``AB-``.
            height: Height in centimetres.
            weight: Weight in kilograms.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.HealthProfile]]: The answer with its metadata;
                ``parse()`` gives the profile after the change as the service answers it: id,
                blood type, height, weight and update time; its allergies and conditions are not
                in that answer (they come back empty), ``health.profile`` reads them.

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
        """Lists the caller's appointments.

        Sends ``GET /api/health/appointments``.

        Args:
            from_: Only appointments on or after this day (``YYYY-MM-DD``, or a date-time). Sent
                as ``from``.
            to: Only appointments on or before this day (``YYYY-MM-DD``, or a date-time).
            upcoming: Only future appointments (the service's default is ``true``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.Appointment]]: Await it for: Every matching appointment (one
                answer, no pagination).

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
        """Lists the caller's appointments.

        Sends ``GET /api/health/appointments``.

        Args:
            from_: Only appointments on or after this day (``YYYY-MM-DD``, or a date-time). Sent
                as ``from``.
            to: Only appointments on or before this day (``YYYY-MM-DD``, or a date-time).
            upcoming: Only future appointments (the service's default is ``true``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.Appointment]]]: The answer with its metadata;
                ``parse()`` gives every matching appointment (one answer, no pagination).

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
        """Lists the caller's medications.

        Sends ``GET /api/health/medications``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.Medication]]: Await it for: Every medication with its dosage,
                frequency and adherence.

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
        """Adds a medication to the caller's list.

        Sends ``POST /api/health/medications``.

        Args:
            dosage: The dose, e.g. ``500mg``.
            frequency: How often, e.g. ``every 8 hours`` or ``Cada 8 horas``.
            name: The medication's name.
            instructions: How to take it.
            start_date: The first day the user takes it (``YYYY-MM-DD``, or a date-time).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Medication]: Await it for: The new medication.

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
        """Lists the caller's medications.

        Sends ``GET /api/health/medications``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.Medication]]]: The answer with its metadata;
                ``parse()`` gives every medication with its dosage, frequency and adherence.

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
        """Adds a medication to the caller's list.

        Sends ``POST /api/health/medications``.

        Args:
            dosage: The dose, e.g. ``500mg``.
            frequency: How often, e.g. ``every 8 hours`` or ``Cada 8 horas``.
            name: The medication's name.
            instructions: How to take it.
            start_date: The first day the user takes it (``YYYY-MM-DD``, or a date-time).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Medication]]: The answer with its metadata; ``parse()``
                gives the new medication.

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
            Awaitable[models.FinanceProfile]: Await it for: Currency, income, assets,
                liabilities and net worth.

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
                ``parse()`` gives currency, income, assets, liabilities and net worth.

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
        """Lists the caller's bank and credit accounts.

        Sends ``GET /api/finance/accounts``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.Account]]: Await it for: Every account with its balance.

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
        """Lists the caller's bank and credit accounts.

        Sends ``GET /api/finance/accounts``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.Account]]]: The answer with its metadata;
                ``parse()`` gives every account with its balance.

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
        """Lists the caller's budgets with what is spent and what remains.

        Sends ``GET /api/finance/budgets``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[List[models.Budget]]: Await it for: Every budget.

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
        """Lists the caller's budgets with what is spent and what remains.

        Sends ``GET /api/finance/budgets``.

        Args:
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[List[models.Budget]]]: The answer with its metadata;
                ``parse()`` gives every budget.

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
        """Lists the caller's transactions, newest first, page by page (by cursor); each page
        carries the summary of the whole filtered set.

        Fails with ``NotFoundError`` (404) when no account of the caller has the given account
        id.

        Sends ``GET /api/finance/transactions``.

        Args:
            account_id: Only transactions of this account.
            category: Only transactions of this category (e.g. ``FOOD``).
            cursor: Start after this cursor (a page's ``pagination.nextCursor``).
            from_: Only transactions on or after this day (``YYYY-MM-DD``, e.g. ``2025-10-01``,
                or a date-time). Sent as ``from``.
            limit: Transactions per page (at most 100).
            to: Only transactions on or before this day (``YYYY-MM-DD``, or a date-time).
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
        """Records a transaction. The amount is sent exactly as given, negative for an expense.

        Fails with ``NotFoundError`` (404) when no account of the caller has this id.

        Sends ``POST /api/finance/transactions``.

        Args:
            account_id: The account it belongs to.
            amount: The amount, sent exactly as given (negative for an expense).
            description: What it was.
            category: Its category (e.g. ``TRANSPORT``).
            date: The day it happened (``YYYY-MM-DD``, or a date-time).
            type: ``INCOME`` or ``EXPENSE`` (wire name ``type``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Transaction]: Await it for: The new transaction.

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
        """Lists the caller's transactions, newest first, page by page (by cursor); each page
        carries the summary of the whole filtered set.

        Fails with ``NotFoundError`` (404) when no account of the caller has the given account
        id.

        Sends ``GET /api/finance/transactions``.

        Args:
            account_id: Only transactions of this account.
            category: Only transactions of this category (e.g. ``FOOD``).
            cursor: Start after this cursor (a page's ``pagination.nextCursor``).
            from_: Only transactions on or after this day (``YYYY-MM-DD``, e.g. ``2025-10-01``,
                or a date-time). Sent as ``from``.
            limit: Transactions per page (at most 100).
            to: Only transactions on or before this day (``YYYY-MM-DD``, or a date-time).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``,
                and ``max_pages`` (how many pages iteration may fetch).

        Returns:
            Awaitable[RawResponse[AsyncTransactionPage]]: The answer with its metadata;
                ``parse()`` gives the first page, with its transactions and the summary;
                iterating it yields every transaction of every page, fetching the next page only
                when needed.

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
        """Records a transaction. The amount is sent exactly as given, negative for an expense.

        Fails with ``NotFoundError`` (404) when no account of the caller has this id.

        Sends ``POST /api/finance/transactions``.

        Args:
            account_id: The account it belongs to.
            amount: The amount, sent exactly as given (negative for an expense).
            description: What it was.
            category: Its category (e.g. ``TRANSPORT``).
            date: The day it happened (``YYYY-MM-DD``, or a date-time).
            type: ``INCOME`` or ``EXPENSE`` (wire name ``type``).
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Transaction]]: The answer with its metadata;
                ``parse()`` gives the new transaction.

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
    """Webhook subscriptions (``client.webhooks``). Plus the helpers ``sign``, ``verify`` and
    ``unwrap`` of :mod:`cjhirashi_agents.webhooks`.

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
        """Registers a URL that receives signed deliveries of the given events.

        Fails with ``BadRequestError`` (400) when the URL or an event name is refused.

        Sends ``POST /api/webhooks``.

        Args:
            events: The event names to deliver (e.g. ``conversation.created``, ``message.sent``;
                on ops ``alert.critical``, ``tool.executed``); the schema lists every name the
                service accepts.
            secret: The shared secret deliveries are signed with (HMAC-SHA256; ``whsec_...``).
            url: The URL deliveries are POSTed to.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[models.Webhook]: Await it for: The registration: its id, URL and events.

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
        """Registers a URL that receives signed deliveries of the given events.

        Fails with ``BadRequestError`` (400) when the URL or an event name is refused.

        Sends ``POST /api/webhooks``.

        Args:
            events: The event names to deliver (e.g. ``conversation.created``, ``message.sent``;
                on ops ``alert.critical``, ``tool.executed``); the schema lists every name the
                service accepts.
            secret: The shared secret deliveries are signed with (HMAC-SHA256; ``whsec_...``).
            url: The URL deliveries are POSTed to.
            **options: Per-request options: ``timeout`` (seconds), ``max_retries``,
                ``extra_headers``, ``extra_query``, ``idempotency_key``, ``max_response_bytes``.

        Returns:
            Awaitable[RawResponse[models.Webhook]]: The answer with its metadata; ``parse()``
                gives the registration: its id, URL and events.

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
        """Closes the client: releases its connection pools now. A call, stream or list
        started afterwards raises :class:`~cjhirashi_agents.APIConnectionError` ("the client is
        closed"); those started before finish. Closing again does nothing; ``with`` and
        ``async with`` close on exit.
        """

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
        stream_idle_timeout: Seconds a stream may go without an event before it fails
            (default 120; keep-alive comments do not count).
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
