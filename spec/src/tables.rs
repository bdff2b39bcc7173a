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
        "cjh_live_…",
        "An API key (`cjh_…`) as `Authorization: Bearer <key>`.",
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
            Sdk::call("auth.sign_in_url")),
        row!("post" "/auth/signout" "signOut" ["auth"] "Sign out" =>
            ok(reference::<platform::SignOut>);
            Sdk::call("auth.sign_out")),
        row!("get" "/auth/session" "getSession" ["auth"] "The current session" =>
            ok(reference::<platform::Session>);
            Sdk::call("auth.session")),
        row!("post" "/auth/api-keys" "createApiKey" ["auth"]
            "A new API key for the caller" => created(reference::<platform::ApiKey>);
            Sdk::call("auth.create_api_key")),
        row!("get" "/users/me" "getMe" ["users"] "The caller's profile" =>
            ok(reference::<platform::User>);
            Sdk::call("users.me")),
        row!("patch" "/users/me" "updateMe" ["users"]
            "Update the caller's name or preferences", body: platform::UpdateMeParams =>
            ok(reference::<platform::UpdatedUser>);
            Sdk::call("users.update_me")),
        row!("get" "/users" "listUsers" ["users"] "List users (admins; paginated)",
            query: platform::ListUsersParams => ok(reference::<platform::UserList>),
            errors: &[403];
            Sdk::pages("users.list", "users")),
        row!("post" "/users/invite" "inviteUser" ["users"] "Invite a user (admins)",
            body: platform::InviteUserParams => created(reference::<platform::Invitation>),
            errors: &[403];
            Sdk::call("users.invite")),
        row!("delete" "/users/{id}" "deleteUser" ["users"] "Delete a user (admins)" =>
            ok(reference::<platform::DeletedUser>), errors: &[403, 404];
            Sdk::call("users.delete").positional(&["id"])),
        row!("get" "/agents" "listAgents" ["agents"] "List agents",
            query: platform::ListAgentsParams => ok(reference::<platform::AgentList>);
            Sdk::items("agents.list", "agents")),
        row!("get" "/agents/{id}" "getAgent" ["agents"] "Get an agent" =>
            ok(reference::<platform::Agent>), errors: &[404];
            Sdk::call("agents.get").positional(&["id"])),
        row!("post" "/agents" "createAgent" ["agents"] "Create an agent",
            body: platform::CreateAgentParams => created(reference::<platform::CreatedAgent>);
            Sdk::call("agents.create")),
        row!("delete" "/agents/{id}" "deleteAgent" ["agents"] "Delete an agent" =>
            ok(reference::<platform::DeletedAgent>), errors: &[403, 404];
            Sdk::call("agents.delete").positional(&["id"])),
        row!("get" "/conversations" "listConversations" ["conversations"]
            "List conversations (cursor-paginated)",
            query: platform::ListConversationsParams =>
            ok(reference::<platform::ConversationList>), errors: &[404];
            Sdk::pages("conversations.list", "conversations")),
        row!("get" "/conversations/{id}" "getConversation" ["conversations"]
            "Get a conversation with its latest messages",
            query: platform::GetConversationParams => ok(reference::<platform::Conversation>),
            errors: &[404];
            Sdk::call("conversations.get").positional(&["id"])),
        row!("post" "/conversations" "createConversation" ["conversations"]
            "Start a conversation with an agent", body: platform::CreateConversationParams =>
            created(reference::<platform::Conversation>), errors: &[404];
            Sdk::call("conversations.create")),
        row!("post" "/conversations/{id}/messages" "sendMessage"
            ["conversations"] "Send a message; the answer streams back as SSE tokens",
            body: platform::SendMessageParams => TOKEN_STREAM, errors: &[404];
            Sdk::stream("conversations.send_message").positional(&["id", "content"])),
        row!("get" "/conversations/{id}/messages/stream" "streamMessages"
            ["conversations"] "Stream the answer to the newest user message" =>
            TOKEN_STREAM, errors: &[404];
            Sdk::stream("conversations.stream").positional(&["id"])),
        row!("delete" "/conversations/{id}" "deleteConversation"
            ["conversations"] "Delete a conversation" =>
            ok(reference::<platform::DeletedConversation>), errors: &[404];
            Sdk::call("conversations.delete").positional(&["id"])),
        row!("get" "/health/profile" "getHealthProfile" ["health"]
            "The caller's health profile" => ok(reference::<platform::HealthProfile>);
            Sdk::call("health.profile")),
        row!("patch" "/health/profile" "updateHealthProfile" ["health"]
            "Update the health profile", body: platform::UpdateHealthProfileParams =>
            ok(reference::<platform::HealthProfile>);
            Sdk::call("health.update_profile")),
        row!("get" "/health/medications" "listMedications" ["health"]
            "List medications" => ok(reference::<platform::MedicationList>);
            Sdk::items("health.medications.list", "medications")),
        row!("post" "/health/medications" "createMedication"
            ["health"] "Add a medication", body: platform::CreateMedicationParams =>
            created(reference::<platform::Medication>);
            Sdk::call("health.medications.create")),
        row!("get" "/health/appointments" "listAppointments"
            ["health"] "List appointments", query: platform::ListAppointmentsParams =>
            ok(reference::<platform::AppointmentList>);
            Sdk::items("health.appointments.list", "appointments")),
        row!("get" "/finance/profile" "getFinanceProfile" ["finance"]
            "The caller's finance profile" => ok(reference::<platform::FinanceProfile>);
            Sdk::call("finance.profile")),
        row!("get" "/finance/accounts" "listAccounts" ["finance"]
            "List accounts" => ok(reference::<platform::AccountList>);
            Sdk::items("finance.accounts.list", "accounts")),
        row!("get" "/finance/transactions" "listTransactions"
            ["finance"] "List transactions (paginated, with a summary)",
            query: platform::ListTransactionsParams =>
            ok(reference::<platform::TransactionList>), errors: &[404];
            Sdk::pages("finance.transactions.list", "transactions")),
        row!("post" "/finance/transactions" "createTransaction"
            ["finance"] "Record a transaction", body: platform::CreateTransactionParams =>
            created(reference::<platform::Transaction>), errors: &[404];
            Sdk::call("finance.transactions.create")),
        row!("get" "/finance/budgets" "listBudgets" ["finance"]
            "List budgets" => ok(reference::<platform::BudgetList>);
            Sdk::items("finance.budgets.list", "budgets")),
        row!("post" "/webhooks" "createWebhook" ["webhooks"]
            "Subscribe a URL to events", body: platform::CreateWebhookParams =>
            created(reference::<platform::Webhook>);
            Sdk::call("webhooks.create")),
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
            Sdk::call("auth.login").positional(&["username", "password"])),
        row!("post" "/api/chat" "chat" ["chat"]
        "Send a message; `stream: true` answers with SSE events",
        body: ops::ChatParams =>
        Success::JsonOrSse {
            json: reference::<ops::ChatResponse>,
            event: reference::<ops::ChatEvent>,
        };
            Sdk::call("chat.send").sets(&[("stream", false)]),
            Sdk::stream("chat.stream").sets(&[("stream", true)])),
        row!("get" "/api/conversations" "listConversations"
            ["conversations"] "List conversations" => ok(reference::<ops::ConversationList>);
            Sdk::items("conversations.list", "conversations")),
        row!("post" "/api/conversations" "createConversation"
            ["conversations"] "Create a conversation", body: ops::CreateConversationParams =>
            created(reference::<ops::ConversationSummary>);
            Sdk::call("conversations.create")),
        row!("get" "/api/conversations/{id}" "getConversation"
            ["conversations"] "Get a conversation with its messages" =>
            ok(reference::<ops::ConversationDetail>), errors: &[404];
            Sdk::call("conversations.get").positional(&["id"])),
        row!("delete" "/api/conversations/{id}" "deleteConversation"
            ["conversations"] "Delete a conversation" =>
            ok(reference::<ops::DeletedConversation>), errors: &[404];
            Sdk::call("conversations.delete").positional(&["id"])),
        row!("get" "/api/config" "getConfig" ["config"] "The agent's configuration" =>
            ok(reference::<ops::Config>);
            Sdk::call("config.get")),
        row!("put" "/api/config" "updateConfig" ["config"]
            "Update the configuration (partial)", body: ops::ConfigUpdate =>
            ok(reference::<ops::Config>);
            Sdk::call("config.update")),
        row!("get" "/api/metrics" "getMetrics" ["metrics"] "Current metrics" =>
            ok(reference::<ops::Metrics>);
            Sdk::call("metrics.get")),
        row!("get" "/api/tools" "listTools" ["tools"] "List the available tools" =>
            ok(reference::<ops::ToolList>);
            Sdk::items("tools.list", "tools")),
        row!("post" "/api/tools/execute" "executeTool" ["tools"]
            "Run a tool directly", body: ops::ExecuteToolParams =>
            ok(reference::<ops::ToolExecution>), errors: &[404];
            Sdk::call("tools.execute").positional(&["tool", "parameters"])),
        row!("get" "/api/learned-apis" "listLearnedApis" ["learned-apis"]
            "List learned APIs" => ok(reference::<ops::LearnedApiList>);
            Sdk::items("learned_apis.list", "apis")),
        row!("post" "/api/learned-apis" "learnApi" ["learned-apis"]
            "Learn an API from an OpenAPI document", body: ops::LearnApiParams =>
            created(reference::<ops::LearnedApi>);
            Sdk::call("learned_apis.learn")),
        row!("post" "/api/webhooks" "createWebhook" ["webhooks"]
            "Subscribe a URL to events", body: ops::CreateWebhookParams =>
            created(reference::<ops::Webhook>);
            Sdk::call("webhooks.create")),
    ],
};
