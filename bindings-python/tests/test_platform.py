"""Every platform operation, sync and async, against the embedded sandbox."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from cjhirashi_agents import AsyncClient, Client, InvalidArgumentError, models
from cjhirashi_agents.testing import Sandbox


def test_missing_api_key_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CJHIRASHI_API_KEY", raising=False)
    with pytest.raises(InvalidArgumentError, match="CJHIRASHI_API_KEY"):
        Client()


def test_env_configuration_and_explicit_args_win(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CJHIRASHI_API_KEY", sandbox.api_key)
    monkeypatch.setenv("CJHIRASHI_BASE_URL", sandbox.platform_url)
    assert Client().base_url.rstrip("/") == sandbox.platform_url
    assert "example.invalid" in Client(base_url="http://example.invalid/api").base_url


def test_auth(client: Client) -> None:
    url = client.auth.sign_in_url()
    assert url.startswith("https://accounts.google.com/")
    session = client.auth.session()
    assert isinstance(session.user, models.SessionUser) and session.user.id
    key = client.auth.create_api_key()
    assert key.api_key.startswith("cj_") and "REDACTED" in repr(key)
    assert client.auth.sign_out().message


def test_users(client: Client, admin: Client) -> None:
    me = client.users.me()
    assert me.id == "usr_abc123" and isinstance(me.limits, models.UserLimits)
    updated = client.users.update_me(name="Ana", preferences={"theme": "dark"})
    assert updated.name == "Ana" and updated.preferences == {"theme": "dark"}
    users = admin.users.list(limit=10)
    assert users.pagination.page == 1 and len(users.data) == 10
    everyone = list(users)
    assert len(everyone) == users.pagination.total > 10
    assert len({u.id for u in everyone}) == len(everyone)
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    inv = admin.users.invite(email=email, role="USER", message="hi")
    assert inv.email == email and inv.invitation_id
    victim = everyone[-1]
    assert admin.users.delete(victim.id).deleted_user_id == victim.id


def test_agents(client: Client) -> None:
    agents = client.agents.list()
    assert isinstance(agents, list) and all(isinstance(a, models.Agent) for a in agents)
    assert client.agents.list(category="health")[0].category == "health"
    a = client.agents.get("agt_personal_001")
    assert a.is_public and a == client.agents.get("agt_personal_001")
    assert a.to_dict()["id"] == "agt_personal_001"
    created = client.agents.create(
        name="Mine",
        description="d",
        model="gpt-4",
        config={"temperature": 0.2, "max_tokens": 50},
        system_prompt="be nice",
        is_public=False,
    )
    assert created.id and created.name == "Mine"
    assert client.agents.delete(created.id).deleted_agent_id == created.id


def test_conversations(client: Client) -> None:
    conv = client.conversations.create(
        agent_id="agt_personal_001", title="T", initial_message="Hola"
    )
    assert isinstance(conv, models.Conversation) and conv.agent_id == "agt_personal_001"
    first = conv.stream()
    assert "Hola" in first.until_done() and first.message_id
    stream = conv.send_message("¿Cómo estás?")
    tokens = list(stream)
    assert all(isinstance(t, str) for t in tokens) and "".join(tokens) == stream.text
    assert stream.message_id and stream.tokens_used and stream.timestamp
    got = client.conversations.get(conv.id, message_limit=10)
    assert [m.role for m in got.messages][-1] == "assistant"
    page = client.conversations.list(limit=1)
    assert page.pagination is not None
    ids = [c.id for c in client.conversations.list(agent_id="agt_personal_001", limit=2)]
    assert conv.id in ids and len(ids) == len(set(ids))
    again = "".join(client.conversations.send_message(conv.id, "otra"))
    assert again
    assert client.conversations.delete(conv.id).deleted_conversation_id == conv.id


def test_health(client: Client) -> None:
    profile = client.health.profile()
    assert profile.id
    updated = client.health.update_profile(weight=70.5)
    assert updated.weight == 70.5
    med = client.health.medications.create(name="Paracetamol", dosage="500mg", frequency="8h")
    assert med.name == "Paracetamol"
    assert any(m.id == med.id for m in client.health.medications.list())
    appts = client.health.appointments.list(upcoming=False, from_="2000-01-01", to="2100-01-01")
    assert all(isinstance(a, models.Appointment) for a in appts)


def test_finance(client: Client) -> None:
    profile = client.finance.profile()
    assert isinstance(profile.net_worth, Decimal)
    accounts = client.finance.accounts.list()
    assert any(a.id == "acc_001" for a in accounts) and isinstance(accounts[0].balance, Decimal)
    tx = client.finance.transactions.create(
        account_id="acc_001",
        amount=Decimal("-350.50"),
        description="Super",
        category="FOOD",
        type="EXPENSE",
    )
    assert tx.amount == Decimal("-350.5")
    page = client.finance.transactions.list(account_id="acc_001", limit=5)
    assert isinstance(page.summary.net_flow, Decimal) and len(page.data) <= 5
    all_tx = list(page)
    assert any(t.id == tx.id for t in all_tx) and len(all_tx) >= len(page.data)
    assert client.finance.transactions.list(category="FOOD", from_="2000-01-01").summary
    assert all(isinstance(b.amount, Decimal) for b in client.finance.budgets.list())


def test_webhook_create(client: Client) -> None:
    wh = client.webhooks.create(url="http://127.0.0.1:9/x", events=["message.sent"], secret="s")
    assert wh.id.startswith("wh_") and wh.events == ["message.sent"]


def test_raw_response_and_request_options(client: Client) -> None:
    raw = client.with_raw_response.agents.list(extra_headers={"X-Trace": "1"}, timeout=5)
    assert raw.status_code == 200 and raw.request_id and raw.request_id.startswith("req_")
    assert raw.rate_limit is not None and raw.rate_limit.limit
    assert raw.headers.get("content-type", "").startswith("application/json")
    assert raw.parse()[0].id
    raw2 = client.agents.with_raw_response.get("agt_personal_001")
    assert raw2.parse().id == "agt_personal_001"
    raw3 = client.health.with_raw_response.medications.list()
    assert raw3.status_code == 200
    tx = client.finance.transactions.create(
        account_id="acc_001",
        amount=1,
        description="x",
        category="OTHER",
        idempotency_key="idem-1",
        max_retries=0,
    )
    assert tx.id
    with pytest.raises(TypeError):
        client.agents.list(bogus=1)


async def test_async_platform(aclient: AsyncClient, aadmin: AsyncClient) -> None:
    assert (await aclient.auth.sign_in_url()).startswith("https://")
    assert (await aclient.auth.session()).user.id
    assert (await aclient.auth.create_api_key()).api_key
    assert (await aclient.auth.sign_out()).message
    assert (await aclient.users.me()).id == "usr_abc123"
    assert (await aclient.users.update_me(name="B")).name == "B"
    first = await aadmin.users.list(limit=7)
    assert len(first.data) == 7
    emails = [u.email async for u in aadmin.users.list(limit=50)]
    assert len(emails) == first.pagination.total
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    assert (await aadmin.users.invite(email=email)).email == email
    last = [u async for u in aadmin.users.list(limit=50)][-1]
    assert last.id not in ("usr_abc123",)
    assert (await aadmin.users.delete(last.id)).message
    agents = await aclient.agents.list(is_public=True)
    assert agents and (await aclient.agents.get(agents[0].id)).id == agents[0].id
    created = await aclient.agents.create(name="A")
    assert (await aclient.agents.delete(created.id)).deleted_agent_id == created.id
    conv = await aclient.conversations.create(agent_id="agt_personal_001", initial_message="Hola")
    assert isinstance(conv, models.AsyncConversation)
    assert await conv.stream().until_done()
    stream = conv.send_message("hey")
    tokens = [t async for t in stream]
    assert "".join(tokens) == stream.text and stream.tokens_used
    opened = await aclient.conversations.send_message(conv.id, "x")
    async with opened:
        assert await opened.until_done()
    assert (await aclient.conversations.get(conv.id)).id == conv.id
    assert [c.id async for c in aclient.conversations.list(limit=1)]
    assert (await aclient.conversations.delete(conv.id)).deleted_conversation_id == conv.id
    assert (await aclient.health.profile()).id
    assert (await aclient.health.update_profile(height=170.0)).height == 170.0
    assert (await aclient.health.medications.create(name="M", dosage="1", frequency="f")).id
    assert await aclient.health.medications.list()
    assert isinstance(await aclient.health.appointments.list(), list)
    assert isinstance((await aclient.finance.profile()).total_assets, Decimal)
    assert await aclient.finance.accounts.list()
    assert (
        await aclient.finance.transactions.create(
            account_id="acc_001", amount=5, category="OTHER", description="d"
        )
    ).id
    page = await aclient.finance.transactions.list(limit=3)
    assert page.summary.total_income is not None
    assert len([t async for t in aclient.finance.transactions.list(limit=3)]) > 3
    assert await aclient.finance.budgets.list()
    assert (
        await aclient.webhooks.create(
            url="http://127.0.0.1:9/", events=["agent.created"], secret="s"
        )
    ).id
    raw = await aclient.with_raw_response.agents.list()
    assert raw.status_code == 200 and raw.parse()


def test_repr_hides_a_password_in_the_base_url() -> None:
    with Client(
        api_key="cj_test_reprkey", base_url="http://admin:pw-SECRET-1@127.0.0.1:9/api"
    ) as c:
        shown = repr(c)
        assert "pw-SECRET-1" not in shown and "[REDACTED]" in shown, shown
        assert "cj_test_reprkey" not in shown
        assert "127.0.0.1:9" in shown
