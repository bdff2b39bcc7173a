"""Ctrl-C during a blocking stream, fork safety, logging."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from cjhirashi_agents import Client
from cjhirashi_agents.testing import Sandbox

CHILD = textwrap.dedent(
    """
    import sys, time
    from cjhirashi_agents import Client
    c = Client(api_key=sys.argv[1], base_url=sys.argv[2])
    conv = c.conversations.create(agent_id="agt_personal_001")
    s = c.conversations.send_message(conv.id, "hola",
                                     extra_headers={"X-Sandbox-Fault": "stall_after=1"})
    print("streaming", flush=True)
    try:
        for tok in s:
            pass
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(42)
    """
)


def test_ctrl_c_interrupts_a_stalled_stream(sandbox: Sandbox) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, sandbox.api_key, sandbox.platform_url],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "streaming"
    time.sleep(0.3)
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    code = proc.wait(timeout=5)
    assert time.monotonic() - t0 < 1.0
    assert code == 42 and "interrupted" in proc.stdout.read()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_fork_child_gets_its_own_runtime(client: Client) -> None:
    assert client.agents.list()
    pid = os.fork()
    if pid == 0:  # child
        try:
            ok = bool(client.agents.list()) and bool(
                "".join(client.conversations.create(agent_id="agt_personal_001").send_message("x"))
            )
            os._exit(0 if ok else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert client.agents.list()


def test_logging_bridge(sandbox: Sandbox) -> None:
    code = textwrap.dedent(
        """
        import logging, sys
        logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(name)s %(message)s")
        from agent_client import AgentClient
        AgentClient.login(sys.argv[1], sys.argv[2], sys.argv[3]).metrics.get()
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code, sandbox.ops_url, sandbox.username, sandbox.password],
        capture_output=True,
        text=True,
        env={**os.environ, "CJHIRASHI_LOG": "debug"},
        timeout=30,
    )
    assert out.returncode == 0, out.stderr
    assert "cjhirashi_agents" in out.stdout and sandbox.password not in out.stdout
