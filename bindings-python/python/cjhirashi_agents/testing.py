"""The embedded sandbox: both services in memory, in this process, on free local ports.

>>> from cjhirashi_agents.testing import Sandbox
>>> with Sandbox() as sb:  # doctest: +SKIP
...     client = Client(api_key=sb.api_key, base_url=sb.platform_url)

Run as a program (``agents-sandbox``, or ``python -m cjhirashi_agents.testing``), it serves
both services until Ctrl-C and prints the environment variables the clients read, so code
written for the real services runs against it unchanged::

    $ agents-sandbox
    export CJHIRASHI_BASE_URL=http://127.0.0.1:3000/api
    ...
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from typing import Any, List, Optional

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
        platform_port: Port of the platform service (default 0: a free port).
        ops_port: Port of the ops service (default 0: a free port).

    Raises:
        TypeError: A port that is not an ``int``.
        ValueError: A port outside 0 to 65535.
        OSError: A port already taken.

    Example:
        >>> from cjhirashi_agents import Client
        >>> from cjhirashi_agents.testing import Sandbox
        >>> with Sandbox() as sb:
        ...     client = Client(api_key=sb.api_key, base_url=sb.platform_url)
        ...     print(client.users.me().email)
    """

    def __init__(
        self, *, enforce_rate_limits: bool = False, platform_port: int = 0, ops_port: int = 0
    ) -> None:
        for name, port in (("platform_port", platform_port), ("ops_port", ops_port)):
            if not isinstance(port, int) or isinstance(port, bool):
                raise TypeError(f"{name} must be an int, not {type(port).__name__}")
            if not 0 <= port <= 65535:
                raise ValueError(f"{name} must be from 0 to 65535, got {port}")
        self._native = _native.NativeSandbox(enforce_rate_limits, platform_port, ops_port)

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


def main(argv: Optional[List[str]] = None) -> int:
    """``agents-sandbox``: serves both services until Ctrl-C (or SIGTERM) and prints how to
    reach them: ``export`` lines for a shell, or one JSON object with ``--json``."""
    parser = argparse.ArgumentParser(
        prog="agents-sandbox",
        description="Serves both services (platform and ops) in memory until Ctrl-C, with "
        "the demo data of the API reference, and prints the environment variables the "
        "clients read: set them in another shell and run your code there.",
    )
    parser.add_argument(
        "--platform-port", type=int, default=3000, help="platform port (default 3000; 0: any)"
    )
    parser.add_argument(
        "--ops-port", type=int, default=8000, help="ops port (default 8000; 0: any)"
    )
    parser.add_argument(
        "--enforce-rate-limits", action="store_true", help="answer 429 once over a rate limit"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)
    try:
        sandbox = Sandbox(
            enforce_rate_limits=args.enforce_rate_limits,
            platform_port=args.platform_port,
            ops_port=args.ops_port,
        )
    except (ValueError, OSError) as e:
        print(f"agents-sandbox: {e}", file=sys.stderr)
        return 2 if isinstance(e, ValueError) else 1
    with sandbox:
        if args.json:
            print(json.dumps(_facts(sandbox)), flush=True)
        else:
            print(_exports(sandbox), flush=True)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    return 0


def _facts(sb: Sandbox) -> dict[str, str]:
    return {
        "platform_url": sb.platform_url,
        "api_key": sb.api_key,
        "admin_api_key": sb.admin_api_key,
        "ops_url": sb.ops_url,
        "ops_api_key": sb.ops_api_key,
        "username": sb.username,
        "password": sb.password,
    }


def _exports(sb: Sandbox) -> str:
    return "\n".join(
        [
            "# agents-sandbox is running (Ctrl-C to stop); in another shell:",
            f"export CJHIRASHI_BASE_URL={sb.platform_url}",
            f"export CJHIRASHI_API_KEY={sb.api_key}",
            f"export AGENT_BASE_URL={sb.ops_url}",
            f"export AGENT_API_KEY={sb.ops_api_key}",
            f"# platform admin API key: {sb.admin_api_key}",
            f"# ops login: username {sb.username}, password {sb.password}",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
