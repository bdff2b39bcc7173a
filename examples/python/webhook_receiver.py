"""A webhook receiver with Flask: it verifies every delivery's signature, rejects tampered and
stale ones, and processes each delivery once (a replay of a delivery it already took is
acknowledged and ignored). It registers itself with the sandbox, receives a real delivery,
then checks that forged ones are refused, and exits.

    pip install flask
    python examples/python/webhook_receiver.py
"""

from __future__ import annotations

import logging
import queue
import threading
import urllib.error
import urllib.request
from typing import Dict, Set, Tuple

from flask import Flask, request
from werkzeug.serving import make_server

from cjhirashi_agents import Client, WebhookVerificationError, webhooks
from cjhirashi_agents.testing import Sandbox

SECRET = "whsec_example_receiver"

app = Flask(__name__)
seen: Set[str] = set()  # delivery ids already processed (a real service keeps them in its database)
seen_lock = threading.Lock()
# what the handler processed: the event and the raw delivery (kept to replay it below)
processed: queue.Queue[Tuple[webhooks.WebhookEvent, bytes, Dict[str, str]]] = queue.Queue()


@app.post("/webhooks")
def receive() -> Tuple[str, int]:
    body = request.get_data()  # the raw bytes: the signature covers them exactly as sent
    headers = dict(request.headers)
    try:
        # Checks X-Webhook-Signature (HMAC-SHA256 of the body) in constant time, and refuses a
        # signed timestamp more than 5 minutes from now, so an old delivery cannot be replayed
        # later. Pass a list of secrets while rotating them.
        event = webhooks.unwrap(body, headers, SECRET)
    except WebhookVerificationError as err:
        print(f"  receiver: rejected ({err})")
        return "invalid signature", 400
    # Within those 5 minutes the delivery id (X-Webhook-Id, the same on every retry) tells a
    # replay from a new delivery: take each id once, acknowledge the repeats.
    if event.id is None:
        return "missing delivery id", 400
    with seen_lock:
        if event.id in seen:
            print("  receiver: duplicate delivery ignored")
            return "duplicate", 200
        seen.add(event.id)
    processed.put((event, body, headers))
    return "processed", 200


def post(url: str, body: bytes, headers: Dict[str, str]) -> int:
    """Sends a delivery the way an attacker could, and returns the status code."""
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


def main() -> None:
    # 1. The receiver: the Flask app served on a free local port by a background thread.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no access log lines
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/webhooks"

    with (
        Sandbox() as sandbox,
        Client(api_key=sandbox.api_key, base_url=sandbox.platform_url) as client,
    ):
        # 2. Register it, then cause an event: a new conversation sends `conversation.created`.
        client.webhooks.create(url=url, events=["conversation.created"], secret=SECRET)
        conversation = client.conversations.create(agent_id="agt_personal_001", title="Webhooks")
        event, body, headers = processed.get(timeout=10)
        print(f"delivery {event.id} verified: {event.event} for {event.data.conversation_id}")

        # 3. What an attacker could send, and what the receiver answers.
        forwarded = {k: v for k, v in headers.items() if k.lower().startswith("x-webhook-")}
        tampered = body.replace(conversation.id.encode(), b"conv_someone_else")
        tampered_status = post(url, tampered, forwarded)
        print(f"tampered body        -> {tampered_status}")
        replay_status = post(url, body, forwarded)
        print(f"same delivery again  -> {replay_status} (not processed twice)")
        # A delivery captured long ago, correctly signed: its timestamp gives it away.
        old = (
            b'{"event":"conversation.created","timestamp":"2025-10-15T10:30:00Z",'
            b'"data":{"conversationId":"conv_old","agentId":"agt_personal_001"}}'
        )
        stale_status = post(url, old, {webhooks.SIGNATURE_HEADER: webhooks.sign(old, SECRET)})
        print(f"year-old delivery    -> {stale_status}")

    server.shutdown()
    if (tampered_status, replay_status, stale_status) != (400, 200, 400):
        raise SystemExit("the receiver accepted a forged delivery")
    if not processed.empty():
        raise SystemExit("a replayed delivery was processed twice")


if __name__ == "__main__":
    main()
