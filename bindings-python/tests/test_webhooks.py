"""verify/unwrap on real deliveries from the sandbox (both services)."""

from __future__ import annotations

import time

import pytest

import agent_client
from agent_client import AgentClient
from cjhirashi_agents import Client, WebhookVerificationError, webhooks

from .conftest import Receiver


def test_platform_delivery(client: Client, receiver: Receiver) -> None:
    secret = "whsec_test"
    client.webhooks.create(url=receiver.url, events=["agent.created"], secret=secret)
    created = client.agents.create(name="Hooked")
    body, headers = receiver.next()
    sig = headers["x-webhook-signature"]
    webhooks.verify(body, sig, secret)
    webhooks.verify(body, sig, ["whsec_old", secret])
    event = client.webhooks.unwrap(body, headers, secret, tolerance=300)
    assert event.event == "agent.created" and event.data.agent_id == created.id
    assert event.raw_data["agentId"] == created.id and event.timestamp.endswith("Z")
    with pytest.raises(WebhookVerificationError):
        webhooks.verify(body, sig, "wrong")
    with pytest.raises(WebhookVerificationError):
        webhooks.unwrap(body + b" ", headers, secret)
    assert webhooks.sign(body, secret) == sig


def test_ops_delivery(ops: AgentClient, receiver: Receiver) -> None:
    ops.webhooks.create(url=receiver.url, events=["tool.executed"], secret="s3")
    ops.tools.execute("list_ec2_instances", region="us-east-1")
    body, headers = receiver.next()
    event = agent_client.webhooks.unwrap(body, headers, "s3")
    assert event.event == "tool.executed" and event.data.tool == "list_ec2_instances"
    assert event.id and event.id.startswith("whd_")


def test_tolerance_refuses_old_payloads() -> None:
    body = b'{"event":"agent.created","timestamp":"2000-01-01T00:00:00Z","data":{}}'
    sig = webhooks.sign(body, "k")
    # five minutes by default; infinity turns the check off
    with pytest.raises(WebhookVerificationError):
        webhooks.unwrap(body, {"x-webhook-signature": sig}, "k")
    with pytest.raises(WebhookVerificationError):
        webhooks.unwrap(body, [("X-Webhook-Signature", sig)], "k", tolerance=60)
    event = webhooks.unwrap(body, {"x-webhook-signature": sig}, "k", tolerance=float("inf"))
    assert event.event == "agent.created" and event.id is None


def test_verify_takes_a_tolerance_too() -> None:
    old = b'{"event":"agent.created","timestamp":"2000-01-01T00:00:00Z","data":{}}'
    sig = webhooks.sign(old, "k")
    # without a tolerance, verify checks the signature only
    webhooks.verify(old, sig, "k")
    with pytest.raises(WebhookVerificationError, match="tolerance"):
        webhooks.verify(old, sig, "k", tolerance=300)
    webhooks.verify(old, sig, ["other", "k"], tolerance=float("inf"))
    fresh = (
        b'{"event":"agent.created","timestamp":"'
        + time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()).encode()
        + b'","data":{}}'
    )
    webhooks.verify(fresh, webhooks.sign(fresh, "k"), "k", tolerance=300)
    # the signature is checked first: a wrong one is refused whatever the tolerance
    with pytest.raises(WebhookVerificationError, match="does not match"):
        webhooks.verify(fresh, sig, "k", tolerance=300)
    with pytest.raises(ValueError, match="tolerance"):
        webhooks.verify(fresh, webhooks.sign(fresh, "k"), "k", tolerance=-1)
    with pytest.raises(TypeError, match="tolerance"):
        webhooks.verify(fresh, webhooks.sign(fresh, "k"), "k", tolerance="300")  # type: ignore[arg-type]
    # the client-level helper is the same function
    assert agent_client.webhooks.verify is webhooks.verify
