"""Testing your own code with the sandbox: a pytest fixture starts the in-memory services
once per module, and each test gets a client of its own.

    pytest examples/python/testing_with_sandbox.py

In your own project put the fixtures in ``conftest.py`` and ``total_spent`` in your code.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

import pytest

from cjhirashi_agents import Client, ServiceUnavailableError
from cjhirashi_agents.testing import Sandbox


def total_spent(client: Client) -> Decimal:
    """The code under test: the total spent (as a positive amount) over every transaction.
    Amounts are ``Decimal``: exact, no float rounding in sums."""
    return sum(
        (-tx.amount for tx in client.finance.transactions.list(limit=100) if tx.amount < 0),
        Decimal(0),
    )


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    # Both services on free local ports, in this process; stopped after the module's tests.
    with Sandbox() as sb:
        yield sb


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[Client]:
    # max_retries=0: a test should see a failure at once, not after the retries' backoff.
    with Client(api_key=sandbox.api_key, base_url=sandbox.platform_url, max_retries=0) as c:
        yield c


def test_total_spent_adds_every_expense(client: Client) -> None:
    before = total_spent(client)
    client.finance.transactions.create(
        account_id="acc_001", amount=Decimal("-12.34"), description="Café"
    )
    assert total_spent(client) - before == Decimal("12.34")


def test_total_spent_reports_an_outage(sandbox: Sandbox) -> None:
    # The sandbox's fault injection makes every request of this client fail with a 503.
    failing = Client(
        api_key=sandbox.api_key,
        base_url=sandbox.platform_url,
        max_retries=0,
        default_headers={"X-Sandbox-Fault": "status=503"},
    )
    with failing, pytest.raises(ServiceUnavailableError):
        total_spent(failing)
