"""Every error class from a real sandbox answer; retries; timeouts; pickling."""

from __future__ import annotations

import pickle
import time

import pytest

import agent_client
import cjhirashi_agents as cj
from cjhirashi_agents import AsyncClient, Client
from cjhirashi_agents.testing import Sandbox


def fault(spec: str) -> dict[str, str]:
    return {"X-Sandbox-Fault": spec}


def test_400_401_403_404_409(sandbox: Sandbox, client: Client, admin: Client) -> None:
    with pytest.raises(cj.BadRequestError) as e400:
        client.agents.create(name="")
    assert e400.value.status == 400 and e400.value.code == "VALIDATION_ERROR"
    assert e400.value.request_id and e400.value.request_id.startswith("req_")
    bad = Client(api_key="cj_live_nope", base_url=sandbox.platform_url)
    with pytest.raises(cj.AuthenticationError) as e401:
        bad.users.me()
    assert e401.value.status == 401 and e401.value.headers
    with pytest.raises(cj.PermissionDeniedError):
        client.users.list()
    with pytest.raises(cj.NotFoundError) as e404:
        client.agents.get("agt_missing")
    assert e404.value.status_code == 404 and isinstance(e404.value, cj.APIError)
    with pytest.raises(cj.ConflictError):
        admin.users.invite(email=admin.users.me().email)


def test_429_500_503_from_fault_injection(client: Client) -> None:
    with pytest.raises(cj.RateLimitError) as e429:
        client.agents.list(max_retries=0, extra_headers=fault("status=429;retry_after=7"))
    assert e429.value.retry_after == 7 and e429.value.limit is not None
    assert e429.value.remaining is not None and e429.value.reset is not None
    with pytest.raises(cj.InternalServerError):
        client.agents.list(max_retries=0, extra_headers=fault("status=500"))
    with pytest.raises(cj.ServiceUnavailableError):
        client.agents.list(max_retries=0, extra_headers=fault("status=503"))


def test_decode_and_connection_errors(client: Client) -> None:
    with pytest.raises(cj.DecodeError):
        client.agents.list(extra_headers=fault("malformed=1"))
    dead = Client(api_key="k", base_url="http://127.0.0.1:9/api", max_retries=0)
    with pytest.raises(cj.APIConnectionError):
        dead.agents.list()


def test_retries_then_success(client: Client) -> None:
    raw = client.with_raw_response.agents.list(
        extra_headers=fault("status=503;count=2;id=retry-ok;retry_after=0")
    )
    assert raw.status_code == 200 and raw.attempts == 3


def test_timeout(client: Client) -> None:
    t0 = time.monotonic()
    with pytest.raises(cj.APITimeoutError):
        client.agents.list(timeout=0.2, max_retries=0, extra_headers=fault("latency=20000"))
    # the answer would come after 20 s: ending well before it means the timeout ended the call
    # (a bound far from the timeout itself, so a loaded machine does not fail it)
    assert time.monotonic() - t0 < 15


async def test_async_errors(aclient: AsyncClient) -> None:
    with pytest.raises(cj.NotFoundError):
        await aclient.agents.get("agt_missing")
    with pytest.raises(cj.ServiceUnavailableError):
        await aclient.agents.list(max_retries=0, extra_headers=fault("status=503"))
    with pytest.raises(cj.APITimeoutError):
        await aclient.agents.list(timeout=0.2, max_retries=0, extra_headers=fault("latency=2000"))


def test_ops_errors(sandbox: Sandbox) -> None:
    bad = agent_client.AgentClient(api_key="nope", base_url=sandbox.ops_url)
    with pytest.raises(agent_client.AuthenticationError):
        bad.metrics.get()
    with pytest.raises(agent_client.AuthenticationError):
        agent_client.AgentClient.login(sandbox.ops_url, "admin", "wrong")


def test_same_classes_in_both_packages_and_pickling(client: Client) -> None:
    assert agent_client.RateLimitError is cj.RateLimitError
    for name in ("APIError", "BadRequestError", "WebhookVerificationError", "CJHirashiError"):
        assert getattr(agent_client, name) is getattr(cj, name)
    with pytest.raises(cj.RateLimitError) as info:
        client.agents.list(max_retries=0, extra_headers=fault("status=429"))
    err = info.value
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is cj.RateLimitError and again.status == 429
    assert again.request_id == err.request_id and again.retry_after == err.retry_after
    assert str(again) == str(err) and isinstance(again, cj.CJHirashiError)
    inc = pickle.loads(pickle.dumps(cj.IncompleteStreamError("cut", received=3)))
    assert inc.received == 3
