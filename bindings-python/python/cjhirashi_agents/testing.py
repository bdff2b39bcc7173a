"""The embedded sandbox: both services in memory, in this process, on free local ports.

>>> from cjhirashi_agents.testing import Sandbox
>>> with Sandbox() as sb:  # doctest: +SKIP
...     client = Client(api_key=sb.api_key, base_url=sb.platform_url)
"""

from __future__ import annotations

from typing import Any

from . import _native

__all__ = ["Sandbox"]


class Sandbox:
    """Both services, in memory, in this process, on free local ports: for examples and for
    testing your own code without an account or a network. Started by the constructor;
    ``close()`` or leaving the ``with`` block stops it. Its demo data has the ids of the API
    reference (``agt_personal_001``, ``conv_123``, ``acc_001``, ...).

    Args:
        enforce_rate_limits: Answer 429 with rate-limit headers once a key exceeds its limit
            (default ``False``).

    Example:
        >>> from cjhirashi_agents import Client
        >>> from cjhirashi_agents.testing import Sandbox
        >>> with Sandbox() as sb:
        ...     client = Client(api_key=sb.api_key, base_url=sb.platform_url)
        ...     print(client.users.me().email)
    """

    def __init__(self, *, enforce_rate_limits: bool = False) -> None:
        self._native = _native.NativeSandbox(enforce_rate_limits)

    @property
    def platform_url(self) -> str:
        """Base URL of the platform service (``http://127.0.0.1:PORT/api``)."""
        return str(self._native.platform_url)

    @property
    def ops_url(self) -> str:
        """Base URL of the ops service."""
        return str(self._native.ops_url)

    @property
    def api_key(self) -> str:
        """A platform API key of the demo user."""
        return str(self._native.api_key)

    @property
    def admin_api_key(self) -> str:
        """A platform API key of an admin."""
        return str(self._native.admin_api_key)

    @property
    def ops_api_key(self) -> str:
        """The ops service's static API key."""
        return str(self._native.ops_api_key)

    @property
    def username(self) -> str:
        """The ops login user name."""
        return str(self._native.username)

    @property
    def password(self) -> str:
        """The ops login password."""
        return str(self._native.password)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return bool(self._native.closed)

    def close(self) -> None:
        """Stops both services (idempotent)."""
        self._native.close()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Sandbox(platform_url={self.platform_url!r}, ops_url={self.ops_url!r})"
