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


def test_a_missing_signature_fails_verification() -> None:
    # `headers.get("X-Webhook-Signature")` is None when the header is missing: a verification
    # failure (a 400 for the receiver), not a TypeError (a 500)
    body = b'{"event":"message.sent","timestamp":"2025-10-15T10:30:00Z","data":{}}'
    with pytest.raises(WebhookVerificationError, match="missing signature"):
        webhooks.verify(body, None, "s")
    with pytest.raises(TypeError):
        webhooks.verify(body, 5, "s")  # type: ignore[arg-type]


def test_unwrap_reads_the_header_containers_of_common_servers() -> None:
    import email.message
    import http.client

    body = b'{"event":"message.sent","timestamp":"%s","data":{"messageId":"m1"}}' % (
        time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()).encode()
    )
    sig = webhooks.sign(body, "s")
    # http.server's `self.headers`
    message = http.client.HTTPMessage()
    message["X-Webhook-Signature"] = sig
    message["X-Webhook-Id"] = "whd_1"
    assert isinstance(message, email.message.Message)
    assert webhooks.unwrap(body, message, "s").id == "whd_1"
    # ASGI's scope["headers"]: bytes pairs
    asgi = [(b"x-webhook-signature", sig.encode()), (b"x-webhook-id", b"whd_2")]
    assert webhooks.unwrap(body, asgi, "s").id == "whd_2"
    # a mapping of lists (a multi-dict's to_dict(flat=False)): the first value counts
    event = webhooks.unwrap(body, {"X-Webhook-Signature": [sig, "0" * 64]}, "s")
    assert event.data.message_id == "m1"
    with pytest.raises(TypeError):
        webhooks.unwrap(body, "X-Webhook-Signature: x", "s")  # type: ignore[arg-type]
    with pytest.raises(WebhookVerificationError, match="missing"):
        webhooks.unwrap(body, [(b"x-other", b"1")], "s")
