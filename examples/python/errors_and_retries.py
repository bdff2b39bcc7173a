"""Errors, retries, timeouts and rate limits. The sandbox's fault injection (the
``X-Sandbox-Fault`` header) plays the failing server.

    python examples/python/errors_and_retries.py
"""

from __future__ import annotations

import time
from typing import Dict

from cjhirashi_agents import (
    APITimeoutError,
    Client,
    IncompleteStreamError,
    NotFoundError,
    RateLimitError,
    ServiceUnavailableError,
)
from cjhirashi_agents.testing import Sandbox


def fault(spec: str) -> Dict[str, str]:
    """Headers that make the sandbox misbehave for one call."""
    return {"X-Sandbox-Fault": spec}


def main() -> None:
    with (
        Sandbox() as sandbox,
        Client(
            api_key=sandbox.api_key,
            base_url=sandbox.platform_url,
            max_retries=2,  # the default: two retries after the first attempt
            timeout=30,  # seconds: the deadline of a whole call, retries included
        ) as client,
    ):
        # 1. An error answer raises the class of its status, with the code, the message and
        #    the request id to quote when reporting a problem.
        try:
            client.agents.get("agt_does_not_exist")
        except NotFoundError as err:
            print(f"1. {err.status} {err.code}: {err.message} (request {err.request_id})")

        # 2. Retries are automatic for what a retry can fix (connection errors, 408, 429, 5xx).
        #    The first two attempts get a 503, the third succeeds; the raw response tells.
        raw = client.agents.with_raw_response.list(
            extra_headers=fault("status=503;count=2;retry_after=0;id=example-retry")
        )
        print(f"2. {len(raw.parse())} agents, after {raw.attempts} attempts")

        # 3. With retries off (per call here, or `max_retries=0` on the client) the 503 reaches
        #    you.
        try:
            client.agents.list(extra_headers=fault("status=503"), max_retries=0)
        except ServiceUnavailableError as err:
            print(f"3. no retries: {err}")

        # 4. Timeouts: this call may take 0.2 s and the server takes 2 s. APITimeoutError is an
        #    APIConnectionError, so one `except APIConnectionError` covers both.
        try:
            client.agents.list(extra_headers=fault("latency=2000"), timeout=0.2)
        except APITimeoutError as err:
            print(f"4. timed out: {err}")

        # 5. Rate limits: a 429 carries Retry-After and the limit headers. The SDK waits and
        #    retries by itself; with retries off, wait as the server asks and try again.
        try:
            client.agents.list(extra_headers=fault("status=429;retry_after=1"), max_retries=0)
        except RateLimitError as err:
            wait = err.retry_after or 1.0
            print(f"5. rate limited (remaining {err.remaining}): waiting {wait} s")
            time.sleep(wait)
            print(f"   then {len(client.agents.list())} agents")

        # 6. A stream that stops before its `done` event raises, never returns a short answer.
        conversation = client.conversations.create(agent_id="agt_personal_001")
        received = ""
        try:
            for token in conversation.send_message("Hola", extra_headers=fault("cut_after=3")):
                received += token
        except IncompleteStreamError as err:
            print(f"6. stream cut after {err.received} events ({received!r} so far)")


if __name__ == "__main__":
    main()
