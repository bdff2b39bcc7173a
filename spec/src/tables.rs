//! One row per operation of each service. The shapes are the SDK's types; a row says which
//! type is the query, the body and the answer.

use agents_sdk::webhooks::WebhookEventType;

use super::{Operation, Sdk, Service, Success, inline, ops, platform, reference};

const fn op(
    method: &'static str,
    path: &'static str,
    id: &'static str,
    tag: &'static str,
    summary: &'static str,
    sdk: &'static [Sdk],
) -> Operation {
    Operation {
        method,
        path,
        id,
        sdk,
        tag,
        summary,
        auth: true,
        query: None,
        body: None,
        success: Success::Redirect,
        errors: &[],
    }
}

/// `row!(method path operationId [tag] summary, query: Q, body: B => success, errors: E,
/// public: P; sdk method, ...)`: one operation and the SDK methods it backs (`x-sdk`).
macro_rules! row {
    ($method:literal $path:literal $id:literal [$tag:literal] $summary:literal
     $(, query: $query:ty)? $(, body: $body:ty)? => $success:expr $(, errors: $errors:expr)?
     $(, public: $public:expr)?; $($sdk:expr),+ $(,)?) => {{
        const SDK: &[Sdk] = &[$($sdk),+];
        #[allow(unused_mut)]
        let mut o = op($method, $path, $id, $tag, $summary, SDK);
        $(o.query = Some(inline::<$query>);)?
        $(o.body = Some(reference::<$body>);)?
        o.success = $success;
        $(o.errors = $errors;)?
        $(o.auth = !$public;)?
        o
    }};
}

const fn ok(schema: super::SchemaFn) -> Success {
    Success::Json {
        status: 200,
        schema,
    }
}

const fn created(schema: super::SchemaFn) -> Success {
    Success::Json {
        status: 201,
        schema,
    }
}

const TOKEN_STREAM: Success = Success::Sse(&[
    ("token", reference::<platform::TokenEvent>),
    ("done", reference::<platform::DoneEvent>),
]);

/// The platform service (`{base}/...`, base `http://localhost:3000/api` in the sandbox).
pub static PLATFORM: Service = Service {
    name: "platform",
    title: "CJHIRASHI Agents platform API",
    description: "Users, agents, conversations with SSE token streaming, health and finance. \
        Every answer is `{data, meta}` or `{error, meta}`; authenticate with an API key as a \
        bearer token. Generated from the Rust SDK's types by `agents-spec`; do not edit.",
    servers: &[
        (
            "http://localhost:3000/api",
            "The sandbox (`agents-sandbox`)",
        ),
        ("https://agents.cjhirashi.com/api", "Production"),
    ],
    envelope: true,
    error: reference::<platform::ErrorBody>,
    validation_details: Some(reference::<platform::ValidationErrorDetails>),
    rate_limit_details: Some(reference::<platform::RateLimitErrorDetails>),
    validation_code: "VALIDATION_ERROR",
    rate_limit_headers_always: true,
    empty_body_is_object: false,
    webhook_events: || {
        WebhookEventType::PLATFORM
            .iter()
            .map(|e| e.as_str().to_owned())
            .collect()
    },
    security: (
        "apiKey",
        "cj_live_…",
        "An API key (`cj_live_…`, `cj_test_…`) as `Authorization: Bearer <key>`.",
    ),
    tags: &[
        ("auth", "Sign-in, session and API keys"),
        ("users", "The caller's profile and (admins) user management"),
        ("agents", "Agents"),
        ("conversations", "Conversations and their SSE token streams"),
        ("health", "Health profile, medications, appointments"),
        (
            "finance",
            "Finance profile, accounts, transactions, budgets",
        ),
        ("webhooks", "Webhook subscriptions"),
    ],
    operations: &[
        row!("post" "/auth/signin" "signIn" ["auth"]
        "The OAuth sign-in redirect" => Success::Redirect, public: true;
        Sdk::call("auth.sign_in_url")
        .doc(
            "The URL the service sends a browser to for signing in (OAuth). The redirect \
            is not followed: an API key never leaves for it.",
            "The sign-in URL (the redirect's target).",
        )
        .example(
            concat!(
                "url = client.auth.sign_in_url()\n",
                "print(url.startswith(\"https://\"))",
            ),
            "const url = await client.auth.signInUrl();",
        )),
        row!("post" "/auth/signout" "signOut" ["auth"] "Sign out" =>
        ok(reference::<platform::SignOut>);
        Sdk::call("auth.sign_out")
        .doc(
            "Ends the current session.",
            "The service's confirmation message.",
        )),
        row!("get" "/auth/session" "getSession" ["auth"] "The current session" =>
        ok(reference::<platform::Session>);
        Sdk::call("auth.session")
        .doc(
            "The current session: who is signed in and until when.",
            "The signed-in user (id, email, role, ...) and when the session expires.",
        )
        .example(
            concat!(
                "session = client.auth.session()\n",
                "print(session.user.email)",
            ),
            concat!(
                "const { user } = await client.auth.session();\n",
                "console.log(user.email);",
            ),
        )),
        row!("post" "/auth/api-keys" "createApiKey" ["auth"]
        "A new API key for the caller" => created(reference::<platform::ApiKey>);
        Sdk::call("auth.create_api_key")
        .doc(
            "Creates a new API key for the caller.",
            "The new key, shown only this once (the bindings hide it when printed), and \
            when it expires.",
        )),
        row!("get" "/users/me" "getMe" ["users"] "The caller's profile" =>
        ok(reference::<platform::User>);
        Sdk::call("users.me")
        .doc(
            "The caller's profile, limits and usage.",
            "The signed-in user.",
        )
        .example(
            concat!(
                "me = client.users.me()\n",
                "print(me.subscription_tier, me.usage.messages_used)",
            ),
            concat!(
                "const me = await client.users.me();\n",
                "console.log(me.subscriptionTier, me.usage.messagesUsed);",
            ),
        )),
        row!("patch" "/users/me" "updateMe" ["users"]
        "Update the caller's name or preferences", body: platform::UpdateMeParams =>
        ok(reference::<platform::UpdatedUser>);
        Sdk::call("users.update_me")
        .doc(
            "Changes the caller's name or preferences; the fields left out stay as they \
            are.",
            "The user's id, name and preferences after the change.",
        )
        .example(
            concat!(
                "user = client.users.update_me(name=\"Ana\")\n",
                "print(user.name)",
            ),
            concat!(
                "const user = await client.users.updateMe({ name: 'Ana' });\n",
                "console.log(user.name);",
            ),
        )),
        row!("get" "/users" "listUsers" ["users"] "List users (admins; paginated)",
        query: platform::ListUsersParams => ok(reference::<platform::UserList>),
        errors: &[403];
        Sdk::pages("users.list", "users")
        .doc(
            "Lists the users, page by page (admins only).\n\nFails with \
            `PermissionDeniedError` (403) when the key is not an admin's.",
            "The first page of users; iterating it yields every user of every page, \
            fetching the next page only when needed.",
        )
        .example(
            concat!(
                "for user in client.users.list(role=\"USER\"):\n",
                "    print(user.email)",
            ),
            concat!(
                "for await (const user of client.users.list({ role: 'USER' })) {\n",
                "  console.log(user.email);\n",
                "}",
            ),
        )),
        row!("post" "/users/invite" "inviteUser" ["users"] "Invite a user (admins)",
        body: platform::InviteUserParams => created(reference::<platform::Invitation>),
        errors: &[403];
        Sdk::call("users.invite")
        .doc(
            "Invites someone by email (admins only).\n\nFails with \
            `PermissionDeniedError` (403) when the key is not an admin's, \
            `BadRequestError` (400) when the email is not valid, and `ConflictError` \
            (409) when that email already has an account.",
            "The invitation: its id, email, expiry and URL.",
        )
        .example(
            "invitation = client.users.invite(email=\"ana@example.com\", role=\"USER\")",
            "const invitation = await client.users.invite({ email: 'ana@example.com', role: 'USER' });",
        )),
        row!("delete" "/users/{id}" "deleteUser" ["users"] "Delete a user (admins)" =>
        ok(reference::<platform::DeletedUser>), errors: &[403, 404];
        Sdk::call("users.delete").positional(&["id"])
        .doc(
            "Deletes a user (admins only).\n\nFails with `PermissionDeniedError` (403) \
            when the key is not an admin's and `NotFoundError` (404) when no user has \
            this id.",
            "The confirmation with the deleted user's id.",
        )),
        row!("get" "/agents" "listAgents" ["agents"] "List agents",
        query: platform::ListAgentsParams => ok(reference::<platform::AgentList>);
        Sdk::items("agents.list", "agents")
        .doc(
            "Lists the agents available to the caller.",
            "Every matching agent (one answer, no pagination).",
        )
        .example(
            concat!(
                "agents = client.agents.list(category=\"personal\")\n",
                "print([agent.id for agent in agents])",
            ),
            concat!(
                "const agents = await client.agents.list({ category: 'personal' });\n",
                "console.log(agents.map((agent) => agent.id));",
            ),
        )),
        row!("get" "/agents/{id}" "getAgent" ["agents"] "Get an agent" =>
        ok(reference::<platform::Agent>), errors: &[404];
        Sdk::call("agents.get").positional(&["id"])
        .doc(
            "One agent with its configuration and capabilities.\n\nFails with \
            `NotFoundError` (404) when no agent has this id or the caller cannot see it.",
            "The agent.",
        )
        .example(
            concat!(
                "agent = client.agents.get(\"agt_personal_001\")\n",
                "print(agent.name)",
            ),
            concat!(
                "const agent = await client.agents.get('agt_personal_001');\n",
                "console.log(agent.name);",
            ),
        )),
        row!("post" "/agents" "createAgent" ["agents"] "Create an agent",
        body: platform::CreateAgentParams => created(reference::<platform::CreatedAgent>);
        Sdk::call("agents.create")
        .doc(
            "Creates a custom agent owned by the caller.\n\nFails with `BadRequestError` \
            (400) when a field is refused, e.g. an empty name.",
            "The new agent's id, name and endpoint URL.",
        )
        .example(
            concat!(
                "agent = client.agents.create(name=\"Helper\", config={\"temperature\": 0.2})\n",
                "print(agent.id)",
            ),
            concat!(
                "const agent = await client.agents.create({\n",
                "  name: 'Helper',\n",
                "  config: { temperature: 0.2 },\n",
                "});\n",
                "console.log(agent.id);",
            ),
        )),
        row!("delete" "/agents/{id}" "deleteAgent" ["agents"] "Delete an agent" =>
        ok(reference::<platform::DeletedAgent>), errors: &[403, 404];
        Sdk::call("agents.delete").positional(&["id"])
        .doc(
            "Deletes an agent (its owner or an admin).\n\nFails with \
            `PermissionDeniedError` (403) when the caller neither owns the agent nor is \
            an admin, and `NotFoundError` (404) when no agent has this id.",
            "The confirmation with the deleted agent's id.",
        )),
        row!("get" "/conversations" "listConversations" ["conversations"]
        "List conversations (cursor-paginated)",
        query: platform::ListConversationsParams =>
        ok(reference::<platform::ConversationList>), errors: &[404];
        Sdk::pages("conversations.list", "conversations")
        .doc(
            "Lists the caller's conversations, newest first, page by page (by cursor).",
            "The first page of conversations; iterating it yields every conversation of \
            every page, fetching the next page only when needed.",
        )
        .example(
            concat!(
                "for conv in client.conversations.list(agent_id=\"agt_personal_001\"):\n",
                "    print(conv.id, conv.title)",
            ),
            concat!(
                "for await (const conv of client.conversations.list({ agentId: 'agt_personal_001' })) {\n",
                "  console.log(conv.id, conv.title);\n",
                "}",
            ),
        )),
        row!("get" "/conversations/{id}" "getConversation" ["conversations"]
        "Get a conversation with its latest messages",
        query: platform::GetConversationParams => ok(reference::<platform::Conversation>),
        errors: &[404];
        Sdk::call("conversations.get").positional(&["id"])
        .doc(
            "One conversation with its most recent messages.\n\nFails with \
            `NotFoundError` (404) when no conversation of the caller has this id.",
            "The conversation; its `messages` are the most recent ones.",
        )
        .example(
            concat!(
                "conv = client.conversations.get(\"conv_abc123\", message_limit=10)\n",
                "for message in conv.messages or []:\n",
                "    print(message.role, message.content)",
            ),
            concat!(
                "const conv = await client.conversations.get('conv_abc123', { messageLimit: 10 });\n",
                "for (const message of conv.messages ?? []) console.log(message.role, message.content);",
            ),
        )),
        row!("post" "/conversations" "createConversation" ["conversations"]
        "Start a conversation with an agent", body: platform::CreateConversationParams =>
        created(reference::<platform::Conversation>), errors: &[404];
        Sdk::call("conversations.create")
        .doc(
            "Starts a conversation with an agent.\n\nFails with `NotFoundError` (404) \
            when no agent has this id.",
            "The new conversation, which can send a message and stream the answer itself; \
            after an initial message, streaming from it gives the answer to that message.",
        )
        .example(
            concat!(
                "conv = client.conversations.create(agent_id=\"agt_personal_001\")\n",
                "for token in conv.send_message(\"Hola\"):\n",
                "    print(token, end=\"\")",
            ),
            concat!(
                "const conv = await client.conversations.create({ agentId: 'agt_personal_001' });\n",
                "for await (const token of conv.sendMessage('Hola')) process.stdout.write(token);",
            ),
        )),
        row!("post" "/conversations/{id}/messages" "sendMessage"
        ["conversations"] "Send a message; the answer streams back as SSE tokens",
        body: platform::SendMessageParams => TOKEN_STREAM, errors: &[404];
        Sdk::stream("conversations.send_message").positional(&["id", "content"])
        .doc(
            "Sends a user message to a conversation and streams the assistant's answer \
            token by token (SSE).\n\nFails with `NotFoundError` (404) when no \
            conversation of the caller has this id, `IncompleteStreamError` when the \
            stream ends before its `done` event, and with the error class of its code on \
            an `error` event; a stream reports these while it is read.",
            "A stream of the answer's text tokens. Once it is read, the whole text, the \
            message's id, the tokens used and the timestamp are known. Closing it, or \
            leaving the loop early, closes the connection.",
        )
        .example(
            concat!(
                "with client.conversations.send_message(conv.id, \"Hola\") as stream:\n",
                "    for token in stream:\n",
                "        print(token, end=\"\")\n",
                "print(stream.tokens_used)",
            ),
            concat!(
                "const stream = client.conversations.sendMessage(conv.id, 'Hola');\n",
                "for await (const token of stream) process.stdout.write(token);\n",
                "console.log(stream.tokensUsed);",
            ),
        )),
        row!("get" "/conversations/{id}/messages/stream" "streamMessages"
        ["conversations"] "Stream the answer to the newest user message" =>
        TOKEN_STREAM, errors: &[404];
        Sdk::stream("conversations.stream").positional(&["id"])
        .doc(
            "Streams the answer to the newest user message of a conversation, e.g. its \
            initial message (SSE).\n\nFails with `NotFoundError` (404) when no \
            conversation of the caller has this id or it has no user message to answer, \
            and `IncompleteStreamError` when the stream ends before its `done` event; a \
            stream reports these while it is read.",
            "A stream of the answer's text tokens, like the one sending a message gives.",
        )
        .example(
            "print(client.conversations.stream(conv.id).until_done())",
            "console.log(await client.conversations.stream(conv.id).finalText());",
        )),
        row!("delete" "/conversations/{id}" "deleteConversation"
        ["conversations"] "Delete a conversation" =>
        ok(reference::<platform::DeletedConversation>), errors: &[404];
        Sdk::call("conversations.delete").positional(&["id"])
        .doc(
            "Deletes a conversation and its messages.\n\nFails with `NotFoundError` (404) \
            when no conversation of the caller has this id.",
            "The confirmation with the deleted conversation's id.",
        )),
        row!("get" "/health/profile" "getHealthProfile" ["health"]
        "The caller's health profile" => ok(reference::<platform::HealthProfile>);
        Sdk::call("health.profile")
        .doc(
            "The caller's health profile.",
            "Blood type, height, weight, allergies and conditions.",
        )),
        row!("patch" "/health/profile" "updateHealthProfile" ["health"]
        "Update the health profile", body: platform::UpdateHealthProfileParams =>
        ok(reference::<platform::HealthProfile>);
        Sdk::call("health.update_profile")
        .doc(
            "Changes the caller's health profile; the fields left out stay as they are.",
            "The profile after the change as the service answers it: id, blood type, height, \
             weight and update time; its allergies and conditions are not in that answer (they \
             come back empty), `health.profile` reads them.",
        )
        .example(
            concat!(
                "profile = client.health.update_profile(weight=70.5)\n",
                "print(profile.weight)",
            ),
            concat!(
                "const profile = await client.health.updateProfile({ weight: 70.5 });\n",
                "console.log(profile.weight);",
            ),
        )),
        row!("get" "/health/medications" "listMedications" ["health"]
        "List medications" => ok(reference::<platform::MedicationList>);
        Sdk::items("health.medications.list", "medications")
        .doc(
            "Lists the caller's medications.",
            "Every medication with its dosage, frequency and adherence.",
        )),
        row!("post" "/health/medications" "createMedication"
        ["health"] "Add a medication", body: platform::CreateMedicationParams =>
        created(reference::<platform::Medication>);
        Sdk::call("health.medications.create")
        .doc(
            "Adds a medication to the caller's list.",
            "The new medication.",
        )
        .example(
            concat!(
                "medication = client.health.medications.create(\n",
                "    name=\"Ibuprofeno\", dosage=\"400mg\", frequency=\"every 8 hours\")",
            ),
            concat!(
                "const medication = await client.health.medications.create({\n",
                "  name: 'Ibuprofeno',\n",
                "  dosage: '400mg',\n",
                "  frequency: 'every 8 hours',\n",
                "});",
            ),
        )),
        row!("get" "/health/appointments" "listAppointments"
        ["health"] "List appointments", query: platform::ListAppointmentsParams =>
        ok(reference::<platform::AppointmentList>);
        Sdk::items("health.appointments.list", "appointments")
        .doc(
            "Lists the caller's appointments.",
            "Every matching appointment (one answer, no pagination).",
        )
        .example(
            concat!(
                "for appointment in client.health.appointments.list(upcoming=True):\n",
                "    print(appointment.datetime, appointment.title)",
            ),
            concat!(
                "for (const appointment of await client.health.appointments.list({ upcoming: true })) {\n",
                "  console.log(appointment.datetime, appointment.title);\n",
                "}",
            ),
        )),
        row!("get" "/finance/profile" "getFinanceProfile" ["finance"]
        "The caller's finance profile" => ok(reference::<platform::FinanceProfile>);
        Sdk::call("finance.profile")
        .doc(
            "The caller's finance profile.",
            "Currency, income, assets, liabilities and net worth.",
        )),
        row!("get" "/finance/accounts" "listAccounts" ["finance"]
        "List accounts" => ok(reference::<platform::AccountList>);
        Sdk::items("finance.accounts.list", "accounts")
        .doc(
            "Lists the caller's bank and credit accounts.",
            "Every account with its balance.",
        )),
        row!("get" "/finance/transactions" "listTransactions"
        ["finance"] "List transactions (paginated, with a summary)",
        query: platform::ListTransactionsParams =>
        ok(reference::<platform::TransactionList>), errors: &[404];
        Sdk::pages("finance.transactions.list", "transactions")
        .doc(
            "Lists the caller's transactions, newest first, page by page (by cursor); \
            each page carries the summary of the whole filtered set.\n\nFails with \
            `NotFoundError` (404) when no account of the caller has the given account id.",
            "The first page, with its transactions and the summary; iterating it yields \
            every transaction of every page, fetching the next page only when needed.",
        )
        .example(
            concat!(
                "page = client.finance.transactions.list(account_id=\"acc_001\")\n",
                "print(page.summary.net_flow)\n",
                "for tx in page:\n",
                "    print(tx.date, tx.amount)",
            ),
            concat!(
                "const page = await client.finance.transactions.list({ accountId: 'acc_001' });\n",
                "console.log(page.summary.netFlow);\n",
                "for await (const tx of client.finance.transactions.list({ category: 'FOOD' })) console.log(tx.amount);",
            ),
        )),
        row!("post" "/finance/transactions" "createTransaction"
        ["finance"] "Record a transaction", body: platform::CreateTransactionParams =>
        created(reference::<platform::Transaction>), errors: &[404];
        Sdk::call("finance.transactions.create")
        .doc(
            "Records a transaction. The amount is sent exactly as given, negative for an \
            expense.\n\nFails with `NotFoundError` (404) when no account of the caller \
            has this id.",
            "The new transaction.",
        )
        .example(
            concat!(
                "from decimal import Decimal\n",
                "tx = client.finance.transactions.create(\n",
                "    account_id=\"acc_001\", amount=Decimal(\"-12.50\"), description=\"Taxi\")",
            ),
            concat!(
                "const tx = await client.finance.transactions.create({\n",
                "  accountId: 'acc_001',\n",
                "  amount: -12.5,\n",
                "  description: 'Taxi',\n",
                "});",
            ),
        )),
        row!("get" "/finance/budgets" "listBudgets" ["finance"]
        "List budgets" => ok(reference::<platform::BudgetList>);
        Sdk::items("finance.budgets.list", "budgets")
        .doc(
            "Lists the caller's budgets with what is spent and what remains.",
            "Every budget.",
        )),
        row!("post" "/webhooks" "createWebhook" ["webhooks"]
        "Subscribe a URL to events", body: platform::CreateWebhookParams =>
        created(reference::<platform::Webhook>);
        Sdk::call("webhooks.create")
        .doc(
            "Registers a URL that receives signed deliveries of the given \
            events.\n\nFails with `BadRequestError` (400) when the URL or an event name \
            is refused.",
            "The registration: its id, URL and events.",
        )
        .example(
            concat!(
                "webhook = client.webhooks.create(\n",
                "    url=\"https://example.com/hooks\",\n",
                "    events=[\"conversation.created\"],\n",
                "    secret=\"whsec_...\")",
            ),
            concat!(
                "await client.webhooks.create({\n",
                "  url: 'https://example.com/hooks',\n",
                "  events: ['conversation.created'],\n",
                "  secret: process.env.WEBHOOK_SECRET!,\n",
                "});",
            ),
        )),
    ],
};

/// The ops service (`{base}/api/...`, base `http://localhost:8000` in the sandbox).
pub static OPS: Service = Service {
    name: "ops",
    title: "Cloud-operations agent API",
    description: "Chat with the operations agent (JSON or SSE of typed events), conversations, \
        configuration, metrics, tools and learned APIs. Log in with `POST /api/auth/login` and \
        send the JWT (or an API key) as a bearer token. The WebSocket `/ws` is described in \
        `ops.asyncapi.json`. Generated from the Rust SDK's types by `agents-spec`; do not edit.",
    servers: &[("http://localhost:8000", "The sandbox (`agents-sandbox`)")],
    envelope: false,
    error: reference::<ops::ErrorBody>,
    validation_details: None,
    rate_limit_details: None,
    validation_code: "INVALID_REQUEST",
    rate_limit_headers_always: false,
    empty_body_is_object: true,
    webhook_events: || {
        WebhookEventType::OPS
            .iter()
            .map(|e| e.as_str().to_owned())
            .collect()
    },
    security: (
        "bearerAuth",
        "JWT",
        "A JWT from `POST /api/auth/login` (or an API key) as `Authorization: Bearer <token>`.",
    ),
    tags: &[
        ("auth", "Login"),
        ("chat", "Chat with the agent"),
        ("conversations", "Conversations"),
        ("config", "Agent configuration"),
        ("metrics", "Metrics"),
        ("tools", "Tools"),
        ("learned-apis", "APIs the agent learned"),
        ("webhooks", "Webhook subscriptions"),
    ],
    operations: &[
        row!("post" "/api/auth/login" "login" ["auth"] "Log in for a JWT",
        body: ops::LoginParams => ok(reference::<ops::Token>), errors: &[401],
        public: true;
        Sdk::call("auth.login").positional(&["username", "password"])
        .doc(
            "Logs in with a user name and password; the client keeps the token and logs \
            in again before it expires.\n\nFails with `AuthenticationError` (401) on a \
            wrong user name or password.",
            "The access token (the bindings hide it when printed), its type and lifetime.",
        )
        .example(
            concat!(
                "token = client.auth.login(\"admin\", \"secret\")\n",
                "print(token.expires_in)",
            ),
            concat!(
                "const token = await client.auth.login({ username: 'admin', password: 'secret' });\n",
                "console.log(token.expires_in);",
            ),
        )),
        row!("post" "/api/chat" "chat" ["chat"]
        "Send a message; `stream: true` answers with SSE events",
        body: ops::ChatParams =>
        Success::JsonOrSse {
            json: reference::<ops::ChatResponse>,
            event: reference::<ops::ChatEvent>,
        };
            Sdk::call("chat.send").sets(&[("stream", false)])
            .doc(
                "Sends a message to the operations agent and waits for the whole answer.",
                "The conversation's id and the answer message (its text and tool calls).",
            )
            .example(
                concat!(
                    "answer = client.chat.send(message=\"How many EC2 instances are running?\")\n",
                    "print(answer.message.content)",
                ),
                concat!(
                    "const { message } = await client.chat.send({ message: 'How many EC2 instances are running?' });\n",
                    "console.log(message.content);",
                ),
            ),
            Sdk::stream("chat.stream").sets(&[("stream", true)])
            .doc(
                "Sends a message to the operations agent and streams its work as typed events \
                (SSE).\n\nFails with `IncompleteStreamError` when the stream ends before its \
                `done` event, and with the error class of its code on an `error` event; a \
                stream reports these while it is read.",
                "A stream of typed events: `thinking`, `tool_call`, `tool_result` and \
                `message`, and finally `done`; once it is read, the answer's text is known. \
                Closing it, or leaving the loop early, closes the connection.",
            )
            .example(
                concat!(
                    "for event in client.chat.stream(message=\"List my EC2 instances\"):\n",
                    "    if isinstance(event, ToolCallEvent):\n",
                    "        print(\"running\", event.tool)\n",
                    "    elif isinstance(event, MessageEvent):\n",
                    "        print(event.content, end=\"\")",
                ),
                concat!(
                    "for await (const event of client.chat.stream({ message: 'List my EC2 instances' })) {\n",
                    "  if (event.type === 'tool_call') console.log('running', event.tool);\n",
                    "  if (event.type === 'message') process.stdout.write(event.content);\n",
                    "}",
                ),
            )),
        row!("get" "/api/conversations" "listConversations"
        ["conversations"] "List conversations" => ok(reference::<ops::ConversationList>);
        Sdk::items("conversations.list", "conversations")
        .doc(
            "Lists the agent's stored conversations.",
            "Every conversation (one answer, no pagination).",
        )),
        row!("post" "/api/conversations" "createConversation"
        ["conversations"] "Create a conversation", body: ops::CreateConversationParams =>
        created(reference::<ops::ConversationSummary>);
        Sdk::call("conversations.create")
        .doc(
            "Creates an empty conversation.",
            "The new conversation.",
        )
        .example(
            "conv = client.conversations.create(title=\"Costs review\")",
            "const conv = await client.conversations.create({ title: 'Costs review' });",
        )),
        row!("get" "/api/conversations/{id}" "getConversation"
        ["conversations"] "Get a conversation with its messages" =>
        ok(reference::<ops::ConversationDetail>), errors: &[404];
        Sdk::call("conversations.get").positional(&["id"])
        .doc(
            "One conversation with every message.\n\nFails with `NotFoundError` (404) \
            when no conversation has this id.",
            "The conversation and every message, tool calls included.",
        )),
        row!("delete" "/api/conversations/{id}" "deleteConversation"
        ["conversations"] "Delete a conversation" =>
        ok(reference::<ops::DeletedConversation>), errors: &[404];
        Sdk::call("conversations.delete").positional(&["id"])
        .doc(
            "Deletes a conversation.\n\nFails with `NotFoundError` (404) when no \
            conversation has this id.",
            "The deleted conversation's `id` and `deleted`.",
        )),
        row!("get" "/api/config" "getConfig" ["config"] "The agent's configuration" =>
        ok(reference::<ops::Config>);
        Sdk::call("config.get")
        .doc(
            "The agent's current configuration.",
            "The language-model settings (`llm`), the agent settings (`agent`) and the \
            cloud providers (`cloud_providers`).",
        )),
        row!("put" "/api/config" "updateConfig" ["config"]
        "Update the configuration (partial)", body: ops::ConfigUpdate =>
        ok(reference::<ops::Config>);
        Sdk::call("config.update")
        .doc(
            "Changes part of the configuration: the given sections are deep-merged by the \
            service.\n\nFails with `BadRequestError` (400) when a setting is refused.",
            "The whole configuration after the change.",
        )
        .example(
            concat!(
                "config = client.config.update(llm={\"model\": \"gpt-4\"})\n",
                "print(config.llm.model)",
            ),
            "await client.config.update({ agent: { autonomy_level: 'semi' } });",
        )),
        row!("get" "/api/metrics" "getMetrics" ["metrics"] "Current metrics" =>
        ok(reference::<ops::Metrics>);
        Sdk::call("metrics.get")
        .doc(
            "Infrastructure and agent metrics.",
            "Alert counts, instance counts and the agent's statistics.",
        )),
        row!("get" "/api/tools" "listTools" ["tools"] "List the available tools" =>
        ok(reference::<ops::ToolList>);
        Sdk::items("tools.list", "tools")
        .doc(
            "Lists the tools the agent can run.",
            "Every tool with its description and parameter schema.",
        )),
        row!("post" "/api/tools/execute" "executeTool" ["tools"]
        "Run a tool directly", body: ops::ExecuteToolParams =>
        ok(reference::<ops::ToolExecution>), errors: &[404];
        Sdk::call("tools.execute").positional(&["tool", "parameters"])
        .doc(
            "Runs a tool directly, without the agent.\n\nFails with `NotFoundError` (404) \
            when no tool has this name and `BadRequestError` (400) when its parameters \
            are refused.",
            "Whether it succeeded, its result and how long it took.",
        )
        .example(
            concat!(
                "run = client.tools.execute(\"list_ec2_instances\", region=\"us-east-1\")\n",
                "print(run.success, run.result)",
            ),
            concat!(
                "const run = await client.tools.execute('list_ec2_instances', { region: 'us-east-1' });\n",
                "console.log(run.success, run.result);",
            ),
        )),
        row!("get" "/api/learned-apis" "listLearnedApis" ["learned-apis"]
        "List learned APIs" => ok(reference::<ops::LearnedApiList>);
        Sdk::items("learned_apis.list", "apis")
        .doc(
            "Lists the APIs the agent has learned.",
            "Every learned API with the tools it added.",
        )),
        row!("post" "/api/learned-apis" "learnApi" ["learned-apis"]
        "Learn an API from an OpenAPI document", body: ops::LearnApiParams =>
        created(reference::<ops::LearnedApi>);
        Sdk::call("learned_apis.learn")
        .doc(
            "Teaches the agent an API from its OpenAPI document.\n\nFails with \
            `BadRequestError` (400) when the document cannot be read.",
            "The learned API and the tools (endpoints) it added.",
        )
        .example(
            "api = client.learned_apis.learn(source=\"https://example.com/openapi.json\")",
            "await client.learnedApis.learn({ type: 'openapi', source: 'https://example.com/openapi.json' });",
        )),
        row!("post" "/api/webhooks" "createWebhook" ["webhooks"]
        "Subscribe a URL to events", body: ops::CreateWebhookParams =>
        created(reference::<ops::Webhook>);
        Sdk::call("webhooks.create")
        .doc(
            "Registers a URL that receives signed deliveries of the given \
            events.\n\nFails with `BadRequestError` (400) when the URL or an event name \
            is refused.",
            "The registration: its id, URL and events.",
        )
        .example(
            concat!(
                "webhook = client.webhooks.create(\n",
                "    url=\"https://example.com/hooks\",\n",
                "    events=[\"alert.critical\", \"tool.executed\"],\n",
                "    secret=\"whsec_...\")",
            ),
            concat!(
                "await client.webhooks.create({\n",
                "  url: 'https://example.com/hooks',\n",
                "  events: ['alert.critical', 'tool.executed'],\n",
                "  secret: process.env.WEBHOOK_SECRET!,\n",
                "});",
            ),
        )),
    ],
};
