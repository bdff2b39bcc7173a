"""The reference text of every resource operation, written once.

One resource class serves the blocking client, the asyncio client and their
``with_raw_response`` views; the typed stubs spell those out as separate classes. This table
gives the runtime methods their ``__doc__`` (what ``help()`` shows) and is also written into the
stubs (what editors show), each variant with the return type it really has.
"""

from __future__ import annotations

import textwrap
from typing import Any, Dict, NamedTuple, Optional, Tuple

__all__ = ["Op", "PLATFORM", "OPS", "RESOURCES", "STUB_ONLY", "render", "document"]

Pairs = Tuple[Tuple[str, str], ...]


class Op(NamedTuple):
    """How one operation is documented."""

    summary: str
    wire: str
    returns: Tuple[str, str]
    args: Pairs = ()
    raises: Pairs = ()
    example: str = ""
    kind: str = "call"  # call | list | stream | session | helper
    async_returns: str = ""


OPTIONS = (
    "Per-request options: ``timeout`` (seconds), ``max_retries``, ``extra_headers``, "
    "``extra_query``, ``idempotency_key``, ``max_response_bytes``."
)
LIST_OPTIONS = OPTIONS[:-1] + ", and ``max_pages`` (how many pages iteration may fetch)."

COMMON_RAISES: Pairs = (
    (
        "APIError",
        "Any other error answer: ``AuthenticationError`` (401, a wrong key), "
        "``RateLimitError`` (429), ``InternalServerError`` (5xx), ...",
    ),
    ("APIConnectionError", "No answer (``APITimeoutError`` when a timeout ran out)."),
    (
        "ValueError",
        "An argument is out of range (``TypeError``: of the wrong type); checked before "
        "anything is sent.",
    ),
)

ASYNC_NOTE = {
    "call": "On the async client the call returns an awaitable of the same result.",
    "list": (
        "On the async client it returns an ``AsyncPaginator``: ``await`` it for the first "
        "page, or ``async for`` over every item of every page."
    ),
    "stream": (
        "On the async client it returns the async stream, read with ``async for`` "
        "(``await`` opens it early)."
    ),
    "session": "On the async client: ``async with client.realtime.connect() as session``.",
}
RAW_NOTE = (
    "Through ``with_raw_response`` the same call answers a ``RawResponse`` (status, headers, "
    "request id, rate limit, attempts; ``parse()`` gives the result)."
)


def _p(**kw: str) -> Pairs:
    return tuple(kw.items())


ID = "The id of the {}."

# ---------------------------------------------------------------- platform service
PLATFORM: Dict[str, Any] = {
    "Auth": "Sign-in URL, sign-out, the current session and new API keys (``client.auth``).",
    "Auth.sign_in_url": Op(
        "The URL the service sends a browser to for signing in (OAuth).",
        "POST /api/auth/signin",
        ("str", "The redirect target. It is not followed: an API key never leaves for it."),
        example='>>> url = client.auth.sign_in_url()\n>>> url.startswith("https://")\nTrue',
    ),
    "Auth.sign_out": Op(
        "Ends the current session.",
        "POST /api/auth/signout",
        ("SignOut", "The service's confirmation message."),
    ),
    "Auth.session": Op(
        "The current session: who is signed in and until when.",
        "GET /api/auth/session",
        ("Session", "``user`` (id, email, role, ...) and ``expires``."),
        example=">>> client.auth.session().user.email\n'user@example.com'",
    ),
    "Auth.create_api_key": Op(
        "Creates a new API key for the caller.",
        "POST /api/auth/api-keys",
        ("ApiKey", "``api_key`` (shown once; its ``repr`` hides it) and ``expires_at``."),
    ),
    "Users": "The caller's profile and, for admins, user management (``client.users``).",
    "Users.me": Op(
        "The caller's profile, limits and usage.",
        "GET /api/users/me",
        ("User", "The signed-in user."),
        example=">>> me = client.users.me()\n>>> me.subscription_tier, me.usage.messages_used",
    ),
    "Users.update_me": Op(
        "Changes the caller's name or preferences; only the given fields change.",
        "PATCH /api/users/me",
        ("UpdatedUser", "The user's id, name and preferences after the change."),
        _p(
            name="The new display name.",
            preferences='A JSON object of preferences, e.g. ``{"language": "es"}``.',
        ),
        (("BadRequestError", "A field was refused by the service (400)."),),
        example=">>> client.users.update_me(name=\"Ana\").name\n'Ana'",
    ),
    "Users.list": Op(
        "Lists the users (admins only), page by page.",
        "GET /api/users",
        (
            "SyncPage[UserSummary]",
            "The first page (``data``, ``pagination``); iterating it yields every user of "
            "every page, fetching the next page only when needed.",
        ),
        _p(
            page="The first page to fetch (1-based, default 1).",
            limit="Users per page (default 20, at most 100).",
            role='Only users with this role (``"ADMIN"``, ``"USER"``).',
            search="Only users whose email or name contains this text.",
        ),
        (("PermissionDeniedError", "The key is not an admin's (403)."),),
        '>>> for user in client.users.list(role="USER"):\n...     print(user.email)',
        kind="list",
    ),
    "Users.invite": Op(
        "Invites someone by email (admins only).",
        "POST /api/users/invite",
        ("Invitation", "The invitation's id, email, expiry and URL."),
        _p(
            email="The address to invite.",
            role='The role the new user gets (``"USER"`` by default).',
            message="A personal note for the invitation email.",
        ),
        (
            ("PermissionDeniedError", "The key is not an admin's (403)."),
            ("BadRequestError", "The email is not valid (400)."),
            ("ConflictError", "That email already has an account (409)."),
        ),
    ),
    "Users.delete": Op(
        "Deletes a user (admins only).",
        "DELETE /api/users/:id",
        ("DeletedUser", "The confirmation with the deleted user's id."),
        _p(id=ID.format("user")),
        (
            ("PermissionDeniedError", "The key is not an admin's (403)."),
            ("NotFoundError", "No user has this id (404)."),
        ),
    ),
    "Agents": "The agents the caller can talk to, and the caller's own agents (``client.agents``).",
    "Agents.list": Op(
        "Lists the agents available to the caller.",
        "GET /api/agents",
        ("List[Agent]", "Every matching agent (one answer, no pagination)."),
        _p(
            category='Only agents of this category (``"personal"``, ``"health"``, ``"finance"``).',
            is_public="Only public (``True``) or only private (``False``) agents.",
        ),
        example='>>> [a.id for a in client.agents.list(category="personal")]\n'
        "['agt_personal_001']",
    ),
    "Agents.get": Op(
        "One agent with its configuration and capabilities.",
        "GET /api/agents/:id",
        ("Agent", "The agent."),
        _p(id=ID.format("agent")),
        (("NotFoundError", "No agent has this id, or it is not visible to the caller (404)."),),
        example='>>> client.agents.get("agt_personal_001").name',
    ),
    "Agents.create": Op(
        "Creates a custom agent owned by the caller.",
        "POST /api/agents",
        ("CreatedAgent", "The new agent's id, name and endpoint URL."),
        _p(
            name="The agent's name.",
            description="What the agent is for.",
            model='The language model it runs on (e.g. ``"gpt-4"``).',
            config="Model settings: ``temperature``, ``max_tokens``, ``top_p`` (snake_case "
            "keys are sent in camelCase).",
            system_prompt="The instructions the agent follows.",
            is_public="Whether every user can see the agent (default ``False``).",
        ),
        (("BadRequestError", "A field was refused, e.g. an empty name (400)."),),
        '>>> agent = client.agents.create(name="Helper", config={"temperature": 0.2})\n'
        ">>> agent.id",
    ),
    "Agents.delete": Op(
        "Deletes an agent (its owner or an admin).",
        "DELETE /api/agents/:id",
        ("DeletedAgent", "The confirmation with the deleted agent's id."),
        _p(id=ID.format("agent")),
        (
            ("PermissionDeniedError", "The caller neither owns the agent nor is an admin (403)."),
            ("NotFoundError", "No agent has this id (404)."),
        ),
    ),
    "Conversations": "The caller's conversations with agents, and the streamed answers "
    "(``client.conversations``).",
    "Conversations.list": Op(
        "Lists the caller's conversations, newest first, page by page (cursor).",
        "GET /api/conversations",
        (
            "SyncPage[Conversation]",
            "The first page (``data``, ``pagination``); iterating it yields every "
            "conversation of every page.",
        ),
        _p(
            agent_id="Only conversations with this agent.",
            limit="Conversations per page (default 20, at most 100).",
            cursor="Start after this cursor (a page's ``pagination.next_cursor``).",
        ),
        example='>>> for conv in client.conversations.list(agent_id="agt_personal_001"):\n'
        "...     print(conv.id, conv.title)",
        kind="list",
    ),
    "Conversations.get": Op(
        "One conversation with its most recent messages.",
        "GET /api/conversations/:id",
        ("Conversation", "The conversation; ``messages`` holds the most recent ones."),
        _p(
            id=ID.format("conversation"),
            message_limit="How many recent messages to include (default 50, at most 200).",
        ),
        (("NotFoundError", "No conversation of the caller has this id (404)."),),
    ),
    "Conversations.create": Op(
        "Starts a conversation with an agent.",
        "POST /api/conversations",
        (
            "Conversation",
            "The new conversation; its ``send_message(content)`` streams answers, and with "
            "an ``initial_message`` its ``stream()`` streams the answer to it.",
        ),
        _p(
            agent_id="The agent to talk to.",
            title="A title for the conversation.",
            initial_message="A first user message, answered through ``stream()``.",
        ),
        (("NotFoundError", "No agent has this id (404)."),),
        '>>> conv = client.conversations.create(agent_id="agt_personal_001")\n'
        '>>> for token in conv.send_message("Hola"):\n'
        '...     print(token, end="")',
    ),
    "Conversations.send_message": Op(
        "Sends a user message and streams the assistant's answer token by token (SSE).",
        "POST /api/conversations/:id/messages",
        (
            "MessageStream",
            "Iterating yields ``str`` tokens; once read, ``text``, ``message_id``, "
            "``tokens_used`` and ``timestamp`` are set. ``close()`` (or leaving a ``with`` "
            "block, or ``break``) closes the connection.",
        ),
        _p(id=ID.format("conversation"), content="The message text."),
        (
            ("NotFoundError", "No conversation of the caller has this id (404)."),
            (
                "IncompleteStreamError",
                "The stream ended before its ``done`` event (raised while iterating).",
            ),
            ("APIError", "An ``error`` event inside the stream, as the class of its code."),
        ),
        '>>> with client.conversations.send_message(conv.id, "Hola") as stream:\n'
        "...     for token in stream:\n"
        '...         print(token, end="")\n'
        ">>> stream.tokens_used",
        kind="stream",
    ),
    "Conversations.stream": Op(
        "Streams the answer to the newest user message (e.g. the ``initial_message``).",
        "GET /api/conversations/:id/messages/stream",
        ("MessageStream", "Iterating yields ``str`` tokens; see ``send_message``."),
        _p(id=ID.format("conversation")),
        (
            (
                "NotFoundError",
                "No conversation of the caller has this id, or it has no user message to "
                "answer (404).",
            ),
            ("IncompleteStreamError", "The stream ended before its ``done`` event."),
        ),
        ">>> print(client.conversations.stream(conv.id).until_done())",
        kind="stream",
    ),
    "Conversations.delete": Op(
        "Deletes a conversation and its messages.",
        "DELETE /api/conversations/:id",
        ("DeletedConversation", "The confirmation with the deleted conversation's id."),
        _p(id=ID.format("conversation")),
        (("NotFoundError", "No conversation of the caller has this id (404)."),),
    ),
    "Health": "The caller's health profile, medications and appointments "
    "(``client.health``; ``.medications``, ``.appointments``).",
    "Health.profile": Op(
        "The caller's health profile.",
        "GET /api/health/profile",
        ("HealthProfile", "Blood type, height, weight, allergies and conditions."),
    ),
    "Health.update_profile": Op(
        "Changes the health profile; only the given fields change.",
        "PATCH /api/health/profile",
        ("HealthProfile", "The whole profile after the change."),
        _p(
            blood_type='The blood type, e.g. ``"O+"``.',
            height="Height in centimetres.",
            weight="Weight in kilograms.",
        ),
        (("BadRequestError", "A field was refused by the service (400)."),),
        ">>> client.health.update_profile(weight=70.5).weight\n70.5",
    ),
    "Medications": "The caller's medications (``client.health.medications``).",
    "Medications.list": Op(
        "Lists the caller's medications.",
        "GET /api/health/medications",
        ("List[Medication]", "Every medication with its dosage, frequency and adherence."),
    ),
    "Medications.create": Op(
        "Adds a medication.",
        "POST /api/health/medications",
        ("Medication", "The new medication."),
        _p(
            name="The medication's name.",
            dosage='The dose, e.g. ``"500mg"``.',
            frequency='How often, e.g. ``"every 8 hours"``.',
            start_date="The first day (``YYYY-MM-DD``).",
            instructions="How to take it.",
        ),
        (("BadRequestError", "A field was refused by the service (400)."),),
        '>>> client.health.medications.create(name="Ibuprofeno", dosage="400mg",\n'
        '...                                   frequency="every 8 hours")',
    ),
    "Appointments": "The caller's appointments (``client.health.appointments``).",
    "Appointments.list": Op(
        "Lists the caller's appointments.",
        "GET /api/health/appointments",
        ("List[Appointment]", "Every matching appointment."),
        _p(
            upcoming="Only future appointments (the service's default is ``True``).",
            from_="Only appointments on or after this date (``YYYY-MM-DD``); sent as ``from``.",
            to="Only appointments on or before this date (``YYYY-MM-DD``).",
        ),
        example=">>> client.health.appointments.list(upcoming=True)",
    ),
    "Finance": "The caller's finances (``client.finance``; ``.accounts``, ``.transactions``, "
    "``.budgets``).",
    "Finance.profile": Op(
        "The caller's finance profile.",
        "GET /api/finance/profile",
        ("FinanceProfile", "Currency, income, assets, liabilities and net worth (``Decimal``)."),
    ),
    "Accounts": "The caller's bank and credit accounts (``client.finance.accounts``).",
    "Accounts.list": Op(
        "Lists the caller's accounts.",
        "GET /api/finance/accounts",
        ("List[Account]", "Every account with its balance (``Decimal``)."),
    ),
    "Transactions": "The caller's transactions (``client.finance.transactions``).",
    "Transactions.list": Op(
        "Lists transactions, newest first, page by page (cursor); each page carries the "
        "``summary`` of the whole filtered set.",
        "GET /api/finance/transactions",
        (
            "TransactionPage",
            "The first page (``data``, ``summary``, ``pagination``); iterating it yields "
            "every transaction of every page.",
        ),
        _p(
            account_id="Only transactions of this account.",
            from_="Only transactions on or after this date (``YYYY-MM-DD``); sent as ``from``.",
            to="Only transactions on or before this date (``YYYY-MM-DD``).",
            category='Only transactions of this category (e.g. ``"FOOD"``).',
            limit="Transactions per page.",
            cursor="Start after this cursor (a page's ``pagination.next_cursor``).",
        ),
        example='>>> page = client.finance.transactions.list(account_id="acc_001")\n'
        ">>> page.summary.net_flow\n"
        ">>> for tx in page:\n"
        "...     print(tx.date, tx.amount)",
        kind="list",
    ),
    "Transactions.create": Op(
        "Records a transaction.",
        "POST /api/finance/transactions",
        ("Transaction", "The new transaction (``amount`` is a ``Decimal``)."),
        _p(
            account_id="The account it belongs to.",
            amount="The amount: a ``Decimal``, ``int``, ``float`` or numeric ``str``, sent "
            "exactly (negative for expenses).",
            description="What it was.",
            category='Its category (e.g. ``"TRANSPORT"``).',
            date="The day (``YYYY-MM-DD``).",
            type='``"INCOME"`` or ``"EXPENSE"``.',
        ),
        (
            ("NotFoundError", "No account of the caller has this id (404)."),
            ("BadRequestError", "A field was refused by the service (400)."),
        ),
        ">>> from decimal import Decimal\n>>> client.finance.transactions.create(\n"
        '...     account_id="acc_001", amount=Decimal("-12.50"), description="Taxi")',
    ),
    "Budgets": "The caller's budgets (``client.finance.budgets``).",
    "Budgets.list": Op(
        "Lists the caller's budgets with what is spent and what remains.",
        "GET /api/finance/budgets",
        ("List[Budget]", "Every budget (amounts are ``Decimal``)."),
    ),
    "Webhooks": "Registering webhook endpoints (``client.webhooks.create``), plus the helpers "
    "``sign``, ``verify`` and ``unwrap`` of :mod:`cjhirashi_agents.webhooks`.",
    "Webhooks.create": Op(
        "Registers a URL that receives signed deliveries of the given events.",
        "POST /api/webhooks",
        ("Webhook", "The registration: id, URL and events."),
        _p(
            url="The URL deliveries are POSTed to.",
            events='The event names, e.g. ``["conversation.created"]``.',
            secret="The shared secret the deliveries are signed with (HMAC-SHA256).",
        ),
        (("BadRequestError", "The URL or an event name was refused (400)."),),
        '>>> client.webhooks.create(url="https://example.com/hooks",\n'
        '...                        events=["conversation.created"], secret="whsec_...")',
    ),
}

# ---------------------------------------------------------------- ops service
OPS: Dict[str, Any] = {
    "Auth": "Logging in to the ops service (``client.auth``).",
    "Auth.login": Op(
        "Logs in with a user name and password; the client keeps the token and logs in again "
        "before it expires.",
        "POST /api/auth/login",
        ("Token", "The access token (its ``repr`` hides it), its type and lifetime."),
        _p(username="The user name.", password="The password."),
        (("AuthenticationError", "Wrong user name or password (401)."),),
        '>>> client.auth.login("admin", "secret").expires_in',
    ),
    "Chat": "Talking to the operations agent (``client.chat``).",
    "Chat.send": Op(
        "Sends a message and waits for the whole answer.",
        "POST /api/chat (stream: false)",
        ("ChatResponse", "The conversation id and the answer ``message`` (text and tool calls)."),
        _p(
            message="The message text.",
            conversation_id="Continue this conversation (created if it does not exist; a new "
            "one is started without it).",
        ),
        (),
        '>>> answer = client.chat.send(message="How many EC2 instances are running?")\n'
        ">>> print(answer.message.content)",
    ),
    "Chat.stream": Op(
        "Sends a message and streams the agent's work as typed events (SSE).",
        "POST /api/chat (stream: true)",
        (
            "ChatStream",
            "Iterating yields ``ThinkingEvent``, ``ToolCallEvent``, ``ToolResultEvent``, "
            "``MessageEvent`` and finally ``DoneEvent``; ``text`` is the answer once read.",
        ),
        _p(
            message="The message text.",
            conversation_id="Continue this conversation (a new one is started without it).",
        ),
        (
            ("IncompleteStreamError", "The stream ended before its ``done`` event."),
            ("APIError", "An ``error`` event inside the stream, as the class of its code."),
        ),
        '>>> for event in client.chat.stream(message="List my EC2 instances"):\n'
        "...     if isinstance(event, ToolCallEvent):\n"
        '...         print("running", event.tool)\n'
        "...     elif isinstance(event, MessageEvent):\n"
        '...         print(event.content, end="")',
        kind="stream",
    ),
    "Conversations": "The agent's stored conversations (``client.conversations``).",
    "Conversations.list": Op(
        "Lists the conversations.",
        "GET /api/conversations",
        ("List[ConversationSummary]", "Every conversation (one answer, no pagination)."),
    ),
    "Conversations.create": Op(
        "Creates an empty conversation.",
        "POST /api/conversations",
        ("ConversationSummary", "The new conversation."),
        _p(title="A title for it."),
        example='>>> conv = client.conversations.create(title="Costs review")',
    ),
    "Conversations.get": Op(
        "One conversation with its messages.",
        "GET /api/conversations/{id}",
        ("ConversationDetail", "The conversation and every message, tool calls included."),
        _p(id=ID.format("conversation")),
        (("NotFoundError", "No conversation has this id (404)."),),
    ),
    "Conversations.delete": Op(
        "Deletes a conversation.",
        "DELETE /api/conversations/{id}",
        ("DeletedConversation", "The deleted conversation's ``id`` and ``deleted``."),
        _p(id=ID.format("conversation")),
        (("NotFoundError", "No conversation has this id (404)."),),
    ),
    "ConfigResource": "The agent's configuration: language model, agent settings and cloud "
    "providers (``client.config``).",
    "ConfigResource.get": Op(
        "The current configuration.",
        "GET /api/config",
        ("Config", "``llm``, ``agent`` and ``cloud_providers``."),
    ),
    "ConfigResource.update": Op(
        "Changes part of the configuration (deep-merged by the service).",
        "PUT /api/config",
        ("Config", "The whole configuration after the change."),
        _p(
            llm='Language-model settings, e.g. ``{"provider": "openai", "model": "gpt-4"}``.',
            agent='Agent settings, e.g. ``{"autonomy_level": "supervised"}``.',
            cloud_providers='Provider settings, e.g. ``{"aws": {"enabled": True}}``.',
        ),
        (("BadRequestError", "A setting was refused by the service (400)."),),
        '>>> client.config.update(llm={"model": "gpt-4"}).llm.model\n\'gpt-4\'',
    ),
    "MetricsResource": "The agent's metrics (``client.metrics``).",
    "MetricsResource.get": Op(
        "Infrastructure and agent metrics.",
        "GET /api/metrics",
        ("Metrics", "Infrastructure counts, alert counts and agent statistics."),
    ),
    "Tools": "The agent's tools, and running one directly (``client.tools``).",
    "Tools.list": Op(
        "Lists the tools the agent can run.",
        "GET /api/tools",
        ("List[Tool]", "Every tool with its description and parameters."),
    ),
    "Tools.execute": Op(
        "Runs a tool directly, without the agent.",
        "POST /api/tools/execute",
        ("ToolExecution", "Whether it succeeded, its result and how long it took."),
        _p(
            tool="The tool's name (positional).",
            parameters="Parameters whose names clash with a request option (``timeout``, "
            "...); merged with the keyword ones.",
        )
        + (
            (
                "**kwargs",
                "The tool's parameters, plus the request options ``timeout``, "
                "``max_retries``, ``extra_headers``, ``extra_query``, ``idempotency_key``, "
                "``max_response_bytes``.",
            ),
        ),
        (
            ("NotFoundError", "No tool has this name (404)."),
            ("BadRequestError", "The parameters were refused (400)."),
        ),
        '>>> run = client.tools.execute("list_ec2_instances", region="us-east-1")\n'
        ">>> run.success\nTrue",
    ),
    "LearnedApis": "APIs the agent has learned from their OpenAPI documents "
    "(``client.learned_apis``).",
    "LearnedApis.list": Op(
        "Lists the learned APIs.",
        "GET /api/learned-apis",
        ("List[LearnedApi]", "Every learned API with the tools it added."),
    ),
    "LearnedApis.learn": Op(
        "Teaches the agent an API from its document.",
        "POST /api/learned-apis",
        ("LearnedApi", "The learned API and the tools it added."),
        _p(
            type='The document format (``"openapi"``, the default).',
            source="The document: a URL ``str`` or the parsed document as a ``dict``.",
        ),
        (("BadRequestError", "The document could not be read (400)."),),
        '>>> client.learned_apis.learn(source="https://example.com/openapi.json")',
    ),
    "Webhooks": "Registering webhook endpoints (``client.webhooks.create``), plus the helpers "
    "``sign``, ``verify`` and ``unwrap`` of :mod:`agent_client.webhooks`.",
    "Webhooks.create": Op(
        "Registers a URL that receives signed deliveries of the given events.",
        "POST /api/webhooks",
        ("Webhook", "The registration: id, URL and events."),
        _p(
            url="The URL deliveries are POSTed to.",
            events='The event names, e.g. ``["alert.critical", "tool.executed"]``.',
            secret="The shared secret the deliveries are signed with (HMAC-SHA256).",
        ),
        (("BadRequestError", "The URL or an event name was refused (400)."),),
    ),
    "Realtime": "The realtime WebSocket (``client.realtime``).",
    "Realtime.connect": Op(
        "Opens the ``/ws`` WebSocket and authenticates on it.",
        "GET /ws (WebSocket)",
        (
            "RealtimeSession",
            "A session: ``send_chat(conversation_id, message)``, then iterate the typed "
            "events of that answer (the iteration ends after ``done``). A context manager.",
        ),
        (),
        (
            ("AuthenticationError", "The token was refused."),
            ("WebSocketError", "The socket failed or the service closed it."),
        ),
        ">>> with client.realtime.connect() as session:\n"
        '...     session.send_chat(None, "Any critical alert?")\n'
        "...     for event in session:\n"
        "...         print(event)",
        kind="session",
    ),
}

RESOURCES = {"cjhirashi_agents": PLATFORM, "agent_client": OPS}

_CLIENT_RAW = (
    "Every resource of the client, each call answering a ``RawResponse`` "
    "(``client.with_raw_response``)."
)

# types that exist only for type checkers (the runtime has one class for all of them)
STUB_ONLY: Dict[str, Dict[str, str]] = {
    "cjhirashi_agents": {
        "TransactionPage": "A page of ``finance.transactions.list``: ``data``, ``summary`` of "
        "the whole filtered set and ``pagination``; iterating yields every transaction of "
        "every page.",
        "AsyncTransactionPage": "One fetched page of ``finance.transactions.list`` (async "
        "client): ``data``, ``summary`` and ``pagination``.",
        "AsyncTransactionPaginator": "``finance.transactions.list`` on the async client: "
        "``await`` it for the first page, or ``async for`` over every transaction.",
        "ClientWithRawResponse": _CLIENT_RAW,
        "AsyncClientWithRawResponse": _CLIENT_RAW + " Every call is awaited.",
    },
    "agent_client": {
        "AgentClientWithRawResponse": _CLIENT_RAW,
        "AsyncAgentClientWithRawResponse": _CLIENT_RAW + " Every call is awaited.",
    },
}

WITH_RAW_RESPONSE_TEXT = (
    "The same operations, each answering a ``RawResponse``: ``status_code``, ``headers``, "
    "``request_id``, ``rate_limit`` and ``attempts``, and ``parse()`` for the result "
    "(``client.<resource>.with_raw_response.<method>(...)``)."
)


WIDTH = 88


def _fill(text: str, indent: str = "", hang: str = "") -> str:
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=hang or indent,
        break_on_hyphens=False,
        break_long_words=False,
    )


def _section(title: str, pairs: Pairs) -> str:
    lines = [f"{title}:"]
    for name, text in pairs:
        lines.append(_fill(f"{name}: {text}", "    ", "        "))
    return "\n".join(lines)


WITH_RAW_RESPONSE = _fill(WITH_RAW_RESPONSE_TEXT)


def render(op: Op, variant: str = "runtime", return_type: Optional[str] = None) -> str:
    """The docstring of ``op``: ``runtime`` (one method for every client), ``sync``,
    ``async``, ``raw`` or ``async_raw`` (a stub class each); ``return_type`` is the stub's
    own annotation."""
    is_async = variant.startswith("async")
    is_raw = variant.endswith("raw")
    parts = [_fill(op.summary), f"Sends ``{op.wire}``."]
    options = LIST_OPTIONS if op.kind == "list" else OPTIONS
    args = op.args + (
        (("**options", options),) if not any(a == "**kwargs" for a, _ in op.args) else ()
    )
    parts.append(_section("Args", args))
    rtype = return_type or op.returns[0]
    if is_raw and op.kind == "stream":
        desc = (
            "The metadata of the response that opened the stream; ``parse()`` gives the "
            "stream. " + op.returns[1]
        )
    elif is_raw:
        text = op.returns[1]
        desc = "The answer with its metadata; ``parse()`` gives " + text[:1].lower() + text[1:]
    elif is_async and op.kind == "call":
        desc = "Await it for: " + op.returns[1]
    elif is_async and op.kind == "list":
        desc = (
            "``await`` it for the first page, or ``async for`` over every item of every "
            "page, fetched lazily."
        )
    else:
        desc = op.returns[1]
    parts.append(_section("Returns", ((rtype, desc),)))
    parts.append(_section("Raises", op.raises + COMMON_RAISES))
    if variant == "runtime":
        note = ASYNC_NOTE.get(op.kind, "")
        if op.kind != "stream" and op.kind != "session":
            note += " " + RAW_NOTE
        parts.append("Note:\n" + _fill(note.strip(), "    "))
    if op.example and not is_async and not is_raw:
        parts.append("Example:\n" + "\n".join("    " + ln for ln in op.example.splitlines()))
    return "\n\n".join(parts)


def document(namespace: Dict[str, Any], table: Dict[str, Any]) -> None:
    """Gives the resource classes of a client module their docstrings from ``table``."""
    for key, entry in table.items():
        cls_name, _, meth = key.partition(".")
        cls = namespace.get(cls_name)
        if cls is None:
            continue
        if not meth:
            cls.__doc__ = entry
            continue
        func = cls.__dict__.get(meth)
        if func is not None:
            func.__doc__ = render(entry)
