//! Every JSON example of both seeds (and the shapes `docs/wire-decisions.md` adds), decoded into
//! the SDK's types.
//!
//! The fixtures in `tests/fixtures/{platform,ops}/` are the seeds' examples copied as they are,
//! with these changes, since the originals are not valid JSON:
//! - placeholders were replaced with realistic content: the platform envelope's
//!   `"data": { /* ... */ }` and the error's `"details": { /* ... */ }`, the platform
//!   session's `"image": "https://..."`, the api-key `"cj_live_abc123..."`, the ops JWTs
//!   `"eyJhbGciOiJIUzI1NiIs..."`, the ops stream's `"result": [...]`, the ops conversation's
//!   `"tool_calls": [...]` and the ops tool's `"parameters": {...}`;
//! - the ops WebSocket frames, written as JavaScript object literals in the seed, are JSON;
//! - the platform `done` SSE event's multi-line `data:` is one line of JSON
//!   (`conversations_send_message_stream.sse`), as the wire decisions fix; the seed's multi-line
//!   form is checked on its own below.
//!
//! Responses the seeds do not show (ops non-streaming chat, ops create/delete conversation,
//! tool execution, learned-API creation, webhook creation, WebSocket server frames) follow
//! `docs/wire-decisions.md`.
//!
//! Each typed fixture is also serialized again and compared with the fixture (numbers by value,
//! so `-350.50` and `-350.5` agree, and a list left out equal to `[]`), which catches fields the
//! types would drop.

use std::fmt::Debug;
use std::str::FromStr;

use agents_sdk::Money;
use agents_sdk::ops;
use agents_sdk::platform::{self, Envelope};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{rel}"))
        .unwrap_or_else(|e| panic!("cannot read fixture {rel}: {e}"))
}

fn read_json(rel: &str) -> Value {
    serde_json::from_str(&read(rel)).unwrap_or_else(|e| panic!("{rel} is not JSON: {e}"))
}

fn money(s: &str) -> Money {
    Money::from_str(s).unwrap()
}

/// JSON equality with numbers compared by value (`25000` == `25000.0`, `-350.50` == `-350.5`).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            // a list the wire leaves out when empty is written back as `[]` (the types
            // serialize every list, so the bindings' models always have one)
            let empty = |v: &Value| v.as_array().is_some_and(Vec::is_empty);
            x.iter()
                .all(|(k, v)| y.get(k).map_or(empty(v), |w| same_json(v, w)))
                && y.iter().all(|(k, w)| x.contains_key(k) || empty(w))
        }
        _ => a == b,
    }
}

fn assert_same_json(actual: &Value, expected: &Value, context: &str) {
    assert!(
        same_json(actual, expected),
        "{context}: serialized form differs\n actual:   {}\n expected: {}",
        serde_json::to_string_pretty(actual).unwrap(),
        serde_json::to_string_pretty(expected).unwrap()
    );
}

/// Serialize → deserialize gives back an equal value.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let text = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(&back, value, "round trip through {text}");
}

/// Decodes a fixture as `T`, checks that it serializes back to the same JSON and round-trips.
fn typed<T: Serialize + DeserializeOwned + PartialEq + Debug>(rel: &str) -> T {
    let original = read_json(rel);
    let value: T =
        serde_json::from_value(original.clone()).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert_same_json(&serde_json::to_value(&value).unwrap(), &original, rel);
    round_trip(&value);
    value
}

/// A platform answer: decoded both as `Envelope<T>` and, from its `data`, as a bare `T`.
fn platform_response<T: Serialize + DeserializeOwned + PartialEq + Debug>(
    rel: &str,
) -> Envelope<T> {
    let envelope: Envelope<T> = typed(rel);
    let data = read_json(rel)["data"].clone();
    let bare: T = serde_json::from_value(data).unwrap_or_else(|e| panic!("{rel} data: {e}"));
    assert_eq!(
        bare, envelope.data,
        "{rel}: bare data and enveloped data differ"
    );
    envelope
}

/// A request fixture: decoded, and the builder-made `expected` must serialize to the same JSON.
fn request<T: Serialize + DeserializeOwned + PartialEq + Debug>(rel: &str, expected: T) {
    let decoded: T = typed(rel);
    assert_eq!(decoded, expected, "{rel}");
    assert_same_json(
        &serde_json::to_value(&expected).unwrap(),
        &read_json(rel),
        rel,
    );
}

/// Minimal SSE reader for the fixtures: `(event name, data)` per event, `data:` lines joined by
/// `\n`, the event name `message` when none is given.
fn sse_events(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut event = None::<String>;
    let mut data: Vec<String> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.is_empty() {
            if !data.is_empty() {
                out.push((
                    event.take().unwrap_or_else(|| "message".to_owned()),
                    data.join("\n"),
                ));
            }
            event = None;
            data.clear();
        } else if let Some(v) = line.strip_prefix("event:") {
            event = Some(v.trim_start().to_owned());
        } else if let Some(v) = line.strip_prefix("data:") {
            data.push(v.strip_prefix(' ').unwrap_or(v).to_owned());
        } else {
            panic!("unexpected SSE line {line:?}");
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Coverage: every fixture file is used by a test below
// ---------------------------------------------------------------------------------------------

#[test]
fn every_fixture_is_valid_and_used() {
    let source = include_str!("seed_fixtures.rs");
    let mut count = 0;
    for service in ["platform", "ops"] {
        let dir = format!("{FIXTURES}/{service}");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let rel = format!("{service}/{name}");
            assert!(
                source.contains(&format!("\"{rel}\"")),
                "fixture {rel} is not used by any test"
            );
            let text = read(&rel);
            if name.ends_with(".json") {
                serde_json::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
            } else if name.ends_with(".jsonl") {
                for line in text.lines() {
                    serde_json::from_str::<Value>(line).unwrap_or_else(|e| panic!("{rel}: {e}"));
                }
            } else {
                assert!(name.ends_with(".sse"), "unexpected fixture {rel}");
            }
            count += 1;
        }
    }
    assert!(count >= 60, "only {count} fixtures");
}

// ---------------------------------------------------------------------------------------------
// Platform: envelope, errors, auth
// ---------------------------------------------------------------------------------------------

#[test]
fn platform_envelope_and_meta() {
    let env: Envelope<platform::SignOut> = platform_response("platform/response_envelope.json");
    let meta = env.meta.clone().unwrap();
    assert_eq!(meta.timestamp.as_deref(), Some("2025-10-15T10:30:00Z"));
    assert_eq!(meta.request_id.as_deref(), Some("req_abc123"));
    assert_eq!(env.into_data().message, "Signed out successfully");

    let err: platform::ErrorBody = typed("platform/error_envelope.json");
    assert_eq!(err.error.code, "VALIDATION_ERROR");
    assert_eq!(err.error.message, "Invalid email format");
    assert_eq!(err.meta.unwrap().request_id.as_deref(), Some("req_abc123"));
}

#[test]
fn platform_errors() {
    let err: platform::ErrorBody = typed("platform/error_validation.json");
    assert_eq!(err.error.code, "VALIDATION_ERROR");
    let details: platform::ValidationErrorDetails =
        serde_json::from_value(err.error.details.clone()).unwrap();
    assert_eq!(details.field.as_deref(), Some("email"));
    assert_eq!(details.issue.as_deref(), Some("Invalid email format"));
    assert_eq!(details.expected.as_deref(), Some("string (email)"));
    round_trip(&details);

    let err: platform::ErrorBody = typed("platform/error_rate_limit.json");
    assert_eq!(err.error.code, "RATE_LIMIT_EXCEEDED");
    assert!(err.meta.is_none());
    let details: platform::RateLimitErrorDetails =
        serde_json::from_value(err.error.details.clone()).unwrap();
    assert_eq!(details.limit, Some(100));
    assert_eq!(details.reset_at.as_deref(), Some("2025-10-15T11:00:00Z"));
    round_trip(&details);

    // An error without details or meta still decodes.
    let bare: platform::ErrorBody =
        serde_json::from_value(json!({"error": {"code": "NOT_FOUND", "message": "nope"}})).unwrap();
    assert_eq!(bare.error.details, Value::Null);
}

#[test]
fn platform_auth() {
    let env: Envelope<platform::SignOut> = platform_response("platform/auth_signout_response.json");
    assert!(env.meta.is_none());
    assert_eq!(env.data.message, "Signed out successfully");

    let session: Envelope<platform::Session> =
        platform_response("platform/auth_session_response.json");
    let user = &session.data.user;
    assert_eq!(user.id, "usr_abc123");
    assert_eq!(user.email, "user@example.com");
    assert_eq!(user.name.as_deref(), Some("John Doe"));
    assert_eq!(user.role, platform::Role::User);
    assert_eq!(
        user.subscription_tier,
        Some(platform::SubscriptionTier::Free)
    );
    assert_eq!(
        session.data.expires.as_deref(),
        Some("2025-11-15T10:30:00Z")
    );

    // The seed shows this answer without the envelope; both forms decode.
    let key: platform::ApiKey = typed("platform/auth_api_key_response.json");
    assert_eq!(key.api_key, "cj_live_abc123def456ghi789");
    assert_eq!(key.expires_at.as_deref(), Some("2026-10-15T00:00:00Z"));
    let shown = format!("{key:?}");
    assert!(!shown.contains("abc123def"), "{shown}");
    assert!(
        shown.contains("[REDACTED]") && shown.contains("2026-10-15"),
        "{shown}"
    );
    let wrapped: Envelope<platform::ApiKey> =
        serde_json::from_value(json!({"data": read_json("platform/auth_api_key_response.json")}))
            .unwrap();
    assert_eq!(wrapped.data, key);
}

// ---------------------------------------------------------------------------------------------
// Platform: users
// ---------------------------------------------------------------------------------------------

#[test]
fn platform_users() {
    let me: Envelope<platform::User> = platform_response("platform/users_me_response.json");
    let me = me.data;
    assert_eq!(me.role, platform::Role::User);
    assert_eq!(me.subscription_tier, platform::SubscriptionTier::Free);
    assert!(me.is_active);
    assert_eq!(me.created_at, "2025-01-15T10:00:00Z");
    assert_eq!(me.limits.monthly_messages, Some(100));
    assert_eq!(me.limits.monthly_tokens, Some(100_000));
    assert_eq!(me.limits.agents_allowed, Some(3));
    assert_eq!(me.usage.messages_used, 45);
    assert_eq!(me.usage.tokens_used, 32_000);
    assert!(me.preferences.is_none());

    request(
        "platform/users_update_me_request.json",
        platform::UpdateMeParams::new()
            .name("John Smith")
            .preferences(json!({"theme": "dark", "notifications": true})),
    );
    let updated: Envelope<platform::UpdatedUser> =
        platform_response("platform/users_update_me_response.json");
    assert_eq!(updated.data.name.as_deref(), Some("John Smith"));
    assert_eq!(updated.data.preferences.unwrap()["theme"], "dark");

    let list: Envelope<platform::UserList> = platform_response("platform/users_list_response.json");
    assert_eq!(list.data.users.len(), 1);
    assert_eq!(list.data.users[0].email, "john@example.com");
    assert_eq!(list.data.users[0].is_active, Some(true));
    assert_eq!(
        list.data.pagination,
        platform::PagePagination {
            page: 1,
            limit: 20,
            total: 150,
            pages: 8
        }
    );

    request(
        "platform/users_invite_request.json",
        platform::InviteUserParams::new("newuser@example.com")
            .role(platform::Role::User)
            .message("Welcome to CJHIRASHI Agents!"),
    );
    let inv: Envelope<platform::Invitation> =
        platform_response("platform/users_invite_response.json");
    assert_eq!(inv.data.invitation_id, "inv_xyz789");
    assert_eq!(
        inv.data.invite_url.as_deref(),
        Some("https://agents.cjhirashi.com/invite/inv_xyz789")
    );

    let deleted: Envelope<platform::DeletedUser> =
        platform_response("platform/users_delete_response.json");
    assert_eq!(deleted.data.deleted_user_id, "usr_abc123");
}

#[test]
fn platform_query_params_use_wire_names() {
    // GET /api/users?page=1&limit=20&role=USER&search=john
    let q = platform::ListUsersParams::new()
        .page(1)
        .limit(20)
        .role(platform::Role::User)
        .search("john");
    assert_eq!(
        serde_json::to_value(&q).unwrap(),
        json!({"page": 1, "limit": 20, "role": "USER", "search": "john"})
    );
    round_trip(&q);
    // GET /api/agents?category=personal&isPublic=true
    let q = platform::ListAgentsParams::new()
        .category("personal")
        .is_public(true);
    assert_eq!(q.category, Some(platform::AgentCategory::Personal));
    assert_eq!(
        serde_json::to_value(&q).unwrap(),
        json!({"category": "personal", "isPublic": true})
    );
    // GET /api/conversations?agentId=agt_personal_001&limit=20
    let q = platform::ListConversationsParams::new()
        .agent_id("agt_personal_001")
        .limit(20);
    assert_eq!(
        serde_json::to_value(&q).unwrap(),
        json!({"agentId": "agt_personal_001", "limit": 20})
    );
    let q = q.cursor("conv_xyz789");
    assert_eq!(serde_json::to_value(&q).unwrap()["cursor"], "conv_xyz789");
    // GET /api/conversations/conv_abc123?messageLimit=50
    let q = platform::GetConversationParams::new().message_limit(50);
    assert_eq!(
        serde_json::to_value(&q).unwrap(),
        json!({"messageLimit": 50})
    );
    // GET /api/health/appointments?upcoming=true (+ from/to)
    let q = platform::ListAppointmentsParams::new()
        .upcoming(true)
        .from("2025-10-01")
        .to("2025-10-31");
    assert_eq!(
        serde_json::to_value(&q).unwrap(),
        json!({"upcoming": true, "from": "2025-10-01", "to": "2025-10-31"})
    );
    // GET /api/finance/transactions?accountId=acc_001&from=2025-10-01&to=2025-10-31
    let q = platform::ListTransactionsParams::new()
        .account_id("acc_001")
        .from("2025-10-01")
        .to("2025-10-31")
        .category(platform::TransactionCategory::Food);
    assert_eq!(
        serde_json::to_value(&q).unwrap(),
        json!({"accountId": "acc_001", "from": "2025-10-01", "to": "2025-10-31", "category": "FOOD"})
    );
    // Nothing set: an empty query.
    assert_eq!(
        serde_json::to_value(platform::ListTransactionsParams::default()).unwrap(),
        json!({})
    );
}

// ---------------------------------------------------------------------------------------------
// Platform: agents
// ---------------------------------------------------------------------------------------------

#[test]
fn platform_agents() {
    let list: Envelope<platform::AgentList> =
        platform_response("platform/agents_list_response.json");
    let agent = &list.data.agents[0];
    assert_eq!(agent.id, "agt_personal_001");
    assert_eq!(agent.category, Some(platform::AgentCategory::Personal));
    assert_eq!(agent.model.as_deref(), Some("gemini-2.0-flash-exp"));
    assert!(agent.is_public);
    assert_eq!(agent.created_by.as_deref(), Some("system"));
    assert_eq!(agent.capabilities.len(), 3);
    assert!(agent.config.is_none());

    let detail: Envelope<platform::Agent> = platform_response("platform/agents_get_response.json");
    let config = detail.data.config.clone().unwrap();
    assert_eq!(config.temperature, Some(0.7));
    assert_eq!(config.max_tokens, Some(8000));
    assert_eq!(config.top_p, Some(0.9));
    assert_eq!(
        detail.data.created_at.as_deref(),
        Some("2025-01-01T00:00:00Z")
    );

    request(
        "platform/agents_create_request.json",
        platform::CreateAgentParams::new("My Custom Agent")
            .description("An agent for X task")
            .model("gemini-2.0-flash-exp")
            .config(platform::AgentConfig {
                temperature: Some(0.8),
                max_tokens: Some(4000),
                top_p: None,
            })
            .system_prompt("You are a helpful assistant that...")
            .is_public(false),
    );
    // The chainable form of the config builds the same thing.
    assert_eq!(
        platform::AgentConfig::new()
            .temperature(0.8)
            .max_tokens(4000),
        platform::AgentConfig {
            temperature: Some(0.8),
            max_tokens: Some(4000),
            top_p: None
        }
    );

    let created: Envelope<platform::CreatedAgent> =
        platform_response("platform/agents_create_response.json");
    assert_eq!(created.data.id, "agt_custom_123");
    assert_eq!(
        created.data.endpoint_url.as_deref(),
        Some("/api/agents/agt_custom_123/chat")
    );

    let deleted: Envelope<platform::DeletedAgent> =
        platform_response("platform/agents_delete_response.json");
    assert_eq!(deleted.data.deleted_agent_id, "agt_custom_123");
}

// ---------------------------------------------------------------------------------------------
// Platform: conversations and the token stream
// ---------------------------------------------------------------------------------------------

#[test]
fn platform_conversations() {
    let list: Envelope<platform::ConversationList> =
        platform_response("platform/conversations_list_response.json");
    let conv = &list.data.conversations[0];
    assert_eq!(conv.title.as_deref(), Some("Discusión sobre medicamentos"));
    assert_eq!(conv.agent_id, "agt_personal_001");
    assert_eq!(conv.message_count, Some(12));
    assert!(conv.messages.is_empty());
    assert_eq!(
        list.data.pagination,
        platform::CursorPagination {
            next_cursor: Some("conv_xyz789".into()),
            has_more: true
        }
    );

    let got: Envelope<platform::Conversation> =
        platform_response("platform/conversations_get_response.json");
    assert_eq!(got.data.messages.len(), 2);
    assert_eq!(got.data.messages[0].role, platform::MessageRole::User);
    assert_eq!(got.data.messages[1].role, platform::MessageRole::Assistant);
    assert_eq!(got.data.messages[1].id, "msg_002");
    assert!(got.data.updated_at.is_none());

    request(
        "platform/conversations_create_request.json",
        platform::CreateConversationParams::new("agt_personal_001")
            .title("Nueva conversación")
            .initial_message("Hola, necesito ayuda con mis finanzas"),
    );
    request(
        "platform/conversations_create_request_example.json",
        platform::CreateConversationParams::new("agt_personal_001")
            .title("Consulta financiera")
            .initial_message("¿Cuánto puedo ahorrar este mes?"),
    );
    let created: Envelope<platform::Conversation> =
        platform_response("platform/conversations_create_response.json");
    assert_eq!(created.data.id, "conv_new123");
    assert_eq!(
        created.data.created_at.as_deref(),
        Some("2025-10-15T10:35:00Z")
    );

    request(
        "platform/conversations_send_message_request.json",
        platform::SendMessageParams::new("¿Cuánto he gastado este mes?"),
    );

    let deleted: Envelope<platform::DeletedConversation> =
        platform_response("platform/conversations_delete_response.json");
    assert_eq!(deleted.data.deleted_conversation_id, "conv_abc123");
}

#[test]
fn platform_token_stream_example() {
    let events: Vec<platform::ConversationEvent> =
        sse_events(&read("platform/conversations_send_message_stream.sse"))
            .into_iter()
            .map(|(name, data)| {
                platform::ConversationEvent::from_sse(&name, &data)
                    .expect("token or done")
                    .unwrap_or_else(|e| panic!("{name} {data}: {e}"))
            })
            .collect();
    assert_eq!(events.len(), 9);
    let text: String = events.iter().filter_map(|e| e.as_token()).collect();
    assert_eq!(text, "Este mes has gastado $12,450");
    assert!(events[..8].iter().all(|e| e.event_name() == "token"));
    let platform::ConversationEvent::Done(done) = &events[8] else {
        panic!("last event is {:?}", events[8]);
    };
    assert_eq!(
        done,
        &platform::DoneEvent {
            message_id: "msg_003".into(),
            tokens_used: 156,
            timestamp: "2025-10-15T10:36:00Z".into()
        }
    );
    assert_eq!(events[8].event_name(), "done");
    assert_eq!(events[8].as_token(), None);
    round_trip(done);
    round_trip(&platform::TokenEvent {
        token: " mes".into(),
    });

    // The seed prints the done data over several lines; joined, it decodes the same.
    let multi_line = "{\n  \"messageId\": \"msg_003\",\n  \"tokensUsed\": 156,\n  \"timestamp\": \"2025-10-15T10:36:00Z\"\n}";
    let again = platform::ConversationEvent::from_sse("done", multi_line)
        .unwrap()
        .unwrap();
    assert_eq!(&again, &events[8]);

    // Other event names are not conversation events; bad data is an error, not a panic.
    assert!(platform::ConversationEvent::from_sse("error", "{}").is_none());
    assert!(
        platform::ConversationEvent::from_sse("token", "{\"tok")
            .unwrap()
            .is_err()
    );
    assert!(
        platform::ConversationEvent::from_sse("done", "{}")
            .unwrap()
            .is_err()
    );
}

// ---------------------------------------------------------------------------------------------
// Platform: health
// ---------------------------------------------------------------------------------------------

#[test]
fn platform_health() {
    let profile: Envelope<platform::HealthProfile> =
        platform_response("platform/health_profile_response.json");
    let p = profile.data;
    assert_eq!(p.user_id.as_deref(), Some("usr_abc123"));
    assert_eq!(p.blood_type.as_deref(), Some("O+"));
    assert_eq!(p.height, Some(175.0));
    assert_eq!(p.weight, Some(70.0));
    assert_eq!(p.allergies[0].severity, platform::Severity::High);
    assert_eq!(p.allergies[0].name, "Penicilina");
    assert_eq!(
        p.conditions[0].diagnosed_at.as_deref(),
        Some("2020-05-15T00:00:00Z")
    );

    request(
        "platform/health_profile_update_request.json",
        platform::UpdateHealthProfileParams::new()
            .blood_type("O+")
            .height(175.0)
            .weight(70.0),
    );
    let updated: Envelope<platform::HealthProfile> =
        platform_response("platform/health_profile_update_response.json");
    assert_eq!(
        updated.data.updated_at.as_deref(),
        Some("2025-10-15T10:40:00Z")
    );
    assert!(updated.data.allergies.is_empty() && updated.data.user_id.is_none());

    let meds: Envelope<platform::MedicationList> =
        platform_response("platform/health_medications_list_response.json");
    let med = &meds.data.medications[0];
    assert_eq!(med.dosage.as_deref(), Some("500mg"));
    assert_eq!(med.is_active, Some(true));
    assert_eq!(med.adherence_rate, Some(92.5));

    request(
        "platform/health_medications_create_request.json",
        platform::CreateMedicationParams::new("Metformina", "500mg", "Cada 8 horas")
            .start_date("2025-10-15T00:00:00Z")
            .instructions("Tomar con alimentos"),
    );
    let created: Envelope<platform::Medication> =
        platform_response("platform/health_medications_create_response.json");
    assert_eq!(created.data.id, "med_new001");
    assert_eq!(
        created.data.created_at.as_deref(),
        Some("2025-10-15T10:45:00Z")
    );

    let apts: Envelope<platform::AppointmentList> =
        platform_response("platform/health_appointments_list_response.json");
    let apt = &apts.data.appointments[0];
    assert_eq!(apt.kind, platform::AppointmentType::Checkup);
    assert_eq!(apt.datetime, "2025-10-20T14:00:00Z");
    assert_eq!(apt.location.as_deref(), Some("Hospital Central"));
}

// ---------------------------------------------------------------------------------------------
// Platform: finance (exact money)
// ---------------------------------------------------------------------------------------------

#[test]
fn platform_finance() {
    let profile: Envelope<platform::FinanceProfile> =
        platform_response("platform/finance_profile_response.json");
    let p = profile.data;
    assert_eq!(p.currency.as_deref(), Some("MXN"));
    assert_eq!(p.monthly_income, money("25000"));
    assert_eq!(p.total_assets - p.total_liabilities, p.net_worth);

    let accounts: Envelope<platform::AccountList> =
        platform_response("platform/finance_accounts_list_response.json");
    let [savings, card] = &accounts.data.accounts[..] else {
        panic!("two accounts expected");
    };
    assert_eq!(savings.kind, platform::AccountType::Savings);
    assert_eq!(savings.balance, money("45000"));
    assert_eq!(savings.credit_limit, None);
    assert_eq!(card.kind, platform::AccountType::CreditCard);
    assert_eq!(card.balance, money("-12000"));
    assert!(card.balance.is_negative());
    assert_eq!(card.credit_limit, Some(money("30000")));
    assert_eq!(card.currency, None);

    let txns: Envelope<platform::TransactionList> =
        platform_response("platform/finance_transactions_list_response.json");
    let t = &txns.data.transactions;
    assert_eq!(t[0].amount, money("-350.50"));
    assert_eq!(t[0].amount.to_cents(), Some(-35050));
    assert_eq!(t[0].amount.to_string(), "-350.5");
    assert_eq!(t[0].category, Some(platform::TransactionCategory::Food));
    assert_eq!(t[0].kind, Some(platform::TransactionType::Expense));
    assert_eq!(t[1].amount, money("25000"));
    assert_eq!(t[1].kind, Some(platform::TransactionType::Income));
    let s = &txns.data.summary;
    assert_eq!(s.total_income, money("25000"));
    assert_eq!(s.total_expenses, money("12450"));
    assert_eq!(s.total_income - s.total_expenses, s.net_flow);
    assert_eq!(txns.data.pagination.next_cursor.as_deref(), Some("txn_050"));
    assert!(txns.data.pagination.has_more);

    request(
        "platform/finance_transactions_create_request.json",
        platform::CreateTransactionParams::new("acc_001", money("-150.00"), "Gasolina")
            .category(platform::TransactionCategory::Transport)
            .date("2025-10-15T08:00:00Z"),
    );
    let created: Envelope<platform::Transaction> =
        platform_response("platform/finance_transactions_create_response.json");
    assert_eq!(created.data.amount, Money::from_cents(-15000));
    assert_eq!(created.data.kind, None);
    assert_eq!(created.data.date, None);
    assert_eq!(
        created.data.created_at.as_deref(),
        Some("2025-10-15T10:50:00Z")
    );

    let budgets: Envelope<platform::BudgetList> =
        platform_response("platform/finance_budgets_list_response.json");
    let b = &budgets.data.budgets[0];
    assert_eq!(b.amount, money("4000"));
    assert_eq!(b.spent, money("2850.50"));
    assert_eq!(b.remaining, money("1149.50"));
    assert_eq!(b.spent + b.remaining, b.amount);
    assert_eq!(b.percentage, 71.26);
    assert_eq!(b.status, platform::BudgetStatus::OnTrack);
    assert_eq!(b.period, platform::BudgetPeriod::Monthly);
    assert_eq!(b.category, Some(platform::TransactionCategory::Food));
    assert_eq!(b.end_date.as_deref(), Some("2025-10-31T23:59:59Z"));
}

#[test]
fn platform_money_given_as_strings_is_accepted() {
    let t: platform::Transaction = serde_json::from_value(json!({
        "id": "txn_9", "accountId": "acc_001", "amount": "-350.50"
    }))
    .unwrap();
    assert_eq!(t.amount, money("-350.5"));
    assert_eq!(serde_json::to_value(&t).unwrap()["amount"], json!(-350.5));
    let bad = serde_json::from_value::<platform::Transaction>(json!({
        "id": "txn_9", "accountId": "acc_001", "amount": "12,50"
    }));
    assert!(bad.is_err());
}

// ---------------------------------------------------------------------------------------------
// Platform: webhooks
// ---------------------------------------------------------------------------------------------

#[test]
fn platform_webhooks() {
    let params = platform::CreateWebhookParams::new(
        "https://your-app.com/webhook",
        ["conversation.created", "message.sent", "agent.invoked"],
        "whsec_your_secret",
    );
    let shown = format!("{params:?}");
    assert!(
        !shown.contains("whsec_your_secret") && shown.contains("[REDACTED]"),
        "{shown}"
    );
    request("platform/webhooks_create_request.json", params);

    let created: Envelope<platform::Webhook> =
        platform_response("platform/webhooks_create_response.json");
    assert_eq!(created.data.id, "wh_01hf3k2m9q");
    assert_eq!(created.data.events.len(), 3);

    // The delivery payload is decoded by `agents_sdk::webhooks`; here its shape is checked.
    let payload = read_json("platform/webhook_payload_message_sent.json");
    assert_eq!(payload["event"], "message.sent");
    assert_eq!(payload["timestamp"], "2025-10-15T10:30:00Z");
    assert_eq!(payload["data"]["tokensUsed"], 12);
    assert_eq!(payload["data"]["conversationId"], "conv_xyz789");
}

// ---------------------------------------------------------------------------------------------
// Platform: forward compatibility
// ---------------------------------------------------------------------------------------------

#[test]
fn platform_unknown_enum_values_are_kept() {
    let mut raw = read_json("platform/users_me_response.json");
    raw["data"]["subscriptionTier"] = json!("PLATINUM");
    raw["data"]["role"] = json!("AUDITOR");
    let me: Envelope<platform::User> = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(
        me.data.subscription_tier,
        platform::SubscriptionTier::Unknown("PLATINUM".into())
    );
    assert!(!me.data.subscription_tier.is_known());
    assert_eq!(me.data.role.as_str(), "AUDITOR");
    assert_same_json(
        &serde_json::to_value(&me).unwrap(),
        &raw,
        "PLATINUM round trip",
    );

    let mut raw = read_json("platform/finance_accounts_list_response.json");
    raw["data"]["accounts"][0]["type"] = json!("CRYPTO_WALLET");
    let accounts: Envelope<platform::AccountList> = serde_json::from_value(raw).unwrap();
    assert_eq!(
        accounts.data.accounts[0].kind,
        platform::AccountType::Unknown("CRYPTO_WALLET".into())
    );
}

#[test]
fn platform_unknown_fields_are_ignored() {
    let mut raw = read_json("platform/agents_get_response.json");
    raw["data"]["rating"] = json!(4.8);
    raw["data"]["config"]["frequencyPenalty"] = json!(0.1);
    raw["meta"] =
        json!({"timestamp": "2025-10-15T10:30:00Z", "requestId": "req_1", "region": "mx"});
    raw["debug"] = json!({"trace": true});
    let with_extra: Envelope<platform::Agent> = serde_json::from_value(raw).unwrap();
    let plain: Envelope<platform::Agent> =
        serde_json::from_value(read_json("platform/agents_get_response.json")).unwrap();
    assert_eq!(with_extra.data, plain.data);
    assert_eq!(
        with_extra.meta.unwrap().request_id.as_deref(),
        Some("req_1")
    );
}

// ---------------------------------------------------------------------------------------------
// Ops: auth, chat, stream
// ---------------------------------------------------------------------------------------------

#[test]
fn ops_auth() {
    let login = ops::LoginParams::new("admin", "password");
    let shown = format!("{login:?}");
    assert!(
        shown.contains("admin") && !shown.contains("\"password\""),
        "{shown}"
    );
    request("ops/auth_login_request.json", login);

    let token: ops::Token = typed("ops/auth_login_response.json");
    assert!(token.access_token.starts_with("eyJhbGciOiJIUzI1NiIs"));
    assert_eq!(token.token_type, "bearer");
    assert_eq!(token.expires_in, 86_400);
    let shown = format!("{token:?}");
    assert!(!shown.contains("eyJ") && shown.contains("86400"), "{shown}");
}

#[test]
fn ops_chat() {
    request(
        "ops/chat_request.json",
        ops::ChatParams::new("Lista las instancias EC2")
            .conversation_id("conv_123")
            .stream(true),
    );
    // Without a conversation id the field is left out; `stream` is always sent.
    assert_eq!(
        serde_json::to_value(ops::ChatParams::new("hola")).unwrap(),
        json!({"message": "hola", "stream": false})
    );

    let resp: ops::ChatResponse = typed("ops/chat_response.json");
    assert_eq!(resp.conversation_id, "conv_123");
    assert_eq!(resp.message.role, ops::MessageRole::Assistant);
    let call = &resp.message.tool_calls[0];
    assert_eq!(call.tool, "list_ec2_instances");
    assert_eq!(call.params["region"], "us-east-1");
    assert_eq!(call.result.as_ref().unwrap()[0]["state"], "running");
}

#[test]
fn ops_chat_stream_example() {
    let raw: Vec<Value> = sse_events(&read("ops/chat_stream.sse"))
        .into_iter()
        .map(|(name, data)| {
            assert_eq!(name, "message", "the ops stream has data lines only");
            serde_json::from_str(&data).unwrap()
        })
        .collect();
    let events: Vec<ops::ChatEvent> = raw
        .iter()
        .map(|v| serde_json::from_value(v.clone()).unwrap())
        .collect();
    assert_eq!(events.len(), 5);
    assert_eq!(
        events[0],
        ops::ChatEvent::Thinking {
            content: "Analizando request...".into()
        }
    );
    assert_eq!(
        events[1],
        ops::ChatEvent::ToolCall {
            tool: "list_ec2_instances".into(),
            params: json!({})
        }
    );
    let ops::ChatEvent::ToolResult { tool, result } = &events[2] else {
        panic!("{:?}", events[2]);
    };
    assert_eq!(tool, &None);
    assert_eq!(result.as_array().unwrap().len(), 5);
    assert_eq!(
        events[3],
        ops::ChatEvent::Message {
            content: "Encontré 5 instancias...".into()
        }
    );
    assert_eq!(
        events[4],
        ops::ChatEvent::Done {
            conversation_id: None
        }
    );
    assert!(events[4].is_terminal() && !events[3].is_terminal());
    let types: Vec<&str> = events.iter().map(|e| e.event_type()).collect();
    assert_eq!(
        types,
        ["thinking", "tool_call", "tool_result", "message", "done"]
    );
    for (event, original) in events.iter().zip(&raw) {
        assert_eq!(&serde_json::to_value(event).unwrap(), original);
        round_trip(event);
    }
}

#[test]
fn ops_chat_events_edge_cases() {
    // A type this version does not know is kept whole, and serializes back unchanged.
    let future = json!({"type": "progress", "percent": 50});
    let event: ops::ChatEvent = serde_json::from_value(future.clone()).unwrap();
    assert_eq!(event, ops::ChatEvent::Unknown(future.clone()));
    assert_eq!(event.event_type(), "progress");
    assert_eq!(serde_json::to_value(&event).unwrap(), future);
    // No type at all is Unknown too.
    let untyped: ops::ChatEvent = serde_json::from_str("{\"content\": \"x\"}").unwrap();
    assert!(matches!(untyped, ops::ChatEvent::Unknown(_)));
    assert_eq!(untyped.event_type(), "");
    // Unknown fields on a known type are ignored; missing optional ones have defaults.
    let call: ops::ChatEvent =
        serde_json::from_str(r#"{"type": "tool_call", "tool": "get_metrics", "eta": 3}"#).unwrap();
    assert_eq!(
        call,
        ops::ChatEvent::ToolCall {
            tool: "get_metrics".into(),
            params: json!({})
        }
    );
    let done: ops::ChatEvent =
        serde_json::from_str(r#"{"type": "done", "conversation_id": "conv_123"}"#).unwrap();
    assert_eq!(
        done,
        ops::ChatEvent::Done {
            conversation_id: Some("conv_123".into())
        }
    );
    // The error event (wire decision: nested), and the flat form.
    let err: ops::ChatEvent = serde_json::from_str(
        r#"{"type": "error", "error": {"code": "INTERNAL_ERROR", "message": "boom", "details": {"x": 1}}}"#,
    )
    .unwrap();
    let ops::ChatEvent::Error(detail) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(detail.code, "INTERNAL_ERROR");
    assert_eq!(detail.details["x"], 1);
    assert!(err.is_terminal());
    round_trip(&err);
    let flat: ops::ChatEvent =
        serde_json::from_str(r#"{"type": "error", "code": "NOT_FOUND", "message": "gone"}"#)
            .unwrap();
    assert_eq!(
        flat,
        ops::ChatEvent::Error(ops::ErrorDetail {
            code: "NOT_FOUND".into(),
            message: "gone".into(),
            details: Value::Null
        })
    );
    // A known type without its required field is an error, not a silent default.
    assert!(serde_json::from_str::<ops::ChatEvent>(r#"{"type": "thinking"}"#).is_err());
    assert!(serde_json::from_str::<ops::ChatEvent>(r#"{"type": "tool_call"}"#).is_err());
    assert!(
        serde_json::from_str::<ops::ChatEvent>("[1]")
            .is_ok_and(|e| matches!(e, ops::ChatEvent::Unknown(_)))
    );
}

// ---------------------------------------------------------------------------------------------
// Ops: WebSocket frames
// ---------------------------------------------------------------------------------------------

#[test]
fn ops_websocket_frames() {
    let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl";
    let auth = ops::ClientFrame::auth(token);
    let shown = format!("{auth:?}");
    assert!(
        !shown.contains("eyJ") && shown.contains("[REDACTED]"),
        "{shown}"
    );
    request("ops/ws_auth_frame.json", auth);
    request(
        "ops/ws_chat_frame.json",
        ops::ClientFrame::chat(Some("conv_123".into()), "Lista las instancias EC2"),
    );
    assert_eq!(
        serde_json::to_value(ops::ClientFrame::Ping).unwrap(),
        json!({"type": "ping"})
    );
    round_trip(&ops::ClientFrame::Ping);

    let frames: Vec<ops::ChatEvent> = read("ops/ws_server_frames.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(frames[0], ops::ChatEvent::Authenticated);
    assert_eq!(
        frames[3],
        ops::ChatEvent::ToolResult {
            tool: Some("list_ec2_instances".into()),
            result: json!([])
        }
    );
    assert_eq!(
        frames[5],
        ops::ChatEvent::Done {
            conversation_id: Some("conv_123".into())
        }
    );
    assert_eq!(frames[6], ops::ChatEvent::Pong);
    assert!(matches!(&frames[7], ops::ChatEvent::Error(e) if e.code == "UNAUTHORIZED"));
    for (frame, line) in frames
        .iter()
        .zip(read("ops/ws_server_frames.jsonl").lines())
    {
        let original: Value = serde_json::from_str(line).unwrap();
        assert_eq!(serde_json::to_value(frame).unwrap(), original, "{line}");
    }
}

// ---------------------------------------------------------------------------------------------
// Ops: conversations
// ---------------------------------------------------------------------------------------------

#[test]
fn ops_conversations() {
    let list: ops::ConversationList = typed("ops/conversations_list_response.json");
    let c = &list.conversations[0];
    assert_eq!(c.id, "conv_123");
    assert_eq!(c.title.as_deref(), Some("Gestión de AWS"));
    assert_eq!(c.message_count, 12);
    assert_eq!(c.updated_at.as_deref(), Some("2024-01-15T11:45:00Z"));

    request(
        "ops/conversations_create_request.json",
        ops::CreateConversationParams::new().title("Nueva conversación"),
    );
    let created: ops::ConversationSummary = typed("ops/conversations_create_response.json");
    assert_eq!(created.message_count, 0);

    let detail: ops::ConversationDetail = typed("ops/conversations_get_response.json");
    assert_eq!(detail.messages.len(), 2);
    assert_eq!(detail.messages[0].role, ops::MessageRole::User);
    assert!(detail.messages[0].tool_calls.is_empty());
    assert_eq!(detail.messages[1].tool_calls[0].tool, "list_ec2_instances");
    assert!(detail.created_at.is_none());

    let deleted: ops::DeletedConversation = typed("ops/conversations_delete_response.json");
    assert_eq!(
        deleted,
        ops::DeletedConversation {
            id: "conv_123".into(),
            deleted: true
        }
    );
}

// ---------------------------------------------------------------------------------------------
// Ops: config, metrics
// ---------------------------------------------------------------------------------------------

#[test]
fn ops_config() {
    let config: ops::Config = typed("ops/config_response.json");
    assert_eq!(config.llm.provider, ops::LlmProvider::OpenAi);
    assert_eq!(config.llm.model, "gpt-4");
    assert_eq!(config.agent.autonomy_level, ops::AutonomyLevel::Semi);
    assert!(config.cloud_providers.aws.enabled);
    assert!(config.cloud_providers.azure.enabled);
    assert!(!config.cloud_providers.gcp.enabled);
    assert!(config.extra.is_empty() && config.llm.extra.is_empty());

    request(
        "ops/config_update_request.json",
        ops::ConfigUpdate::new().llm(
            ops::LlmConfigUpdate::new()
                .provider(ops::LlmProvider::Anthropic)
                .model("claude-3-5-sonnet"),
        ),
    );
    // Nested partial updates leave out everything not set.
    let update = ops::ConfigUpdate::new()
        .agent(ops::AgentSettingsUpdate::new().autonomy_level(ops::AutonomyLevel::Auto))
        .cloud_providers(
            ops::CloudProvidersUpdate::new().gcp(ops::CloudProviderUpdate::new().enabled(true)),
        );
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"agent": {"autonomy_level": "auto"}, "cloud_providers": {"gcp": {"enabled": true}}})
    );
    round_trip(&update);
    let extra = ops::ConfigUpdate::new().llm(ops::LlmConfigUpdate::new().set("temperature", 0.2));
    assert_eq!(
        serde_json::to_value(&extra).unwrap(),
        json!({"llm": {"temperature": 0.2}})
    );
}

#[test]
fn ops_config_keeps_unknown_fields() {
    let mut raw = read_json("ops/config_response.json");
    raw["llm"]["temperature"] = json!(0.2);
    raw["llm"]["provider"] = json!("mistral");
    raw["agent"]["max_steps"] = json!(10);
    raw["cloud_providers"]["oci"] = json!({"enabled": false});
    raw["cloud_providers"]["aws"]["default_region"] = json!("us-east-1");
    raw["notifications"] = json!({"slack": true});
    let config: ops::Config = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(
        config.llm.provider,
        ops::LlmProvider::Unknown("mistral".into())
    );
    assert_eq!(config.llm.extra["temperature"], 0.2);
    assert_eq!(config.agent.extra["max_steps"], 10);
    assert_eq!(config.cloud_providers.extra["oci"]["enabled"], false);
    assert_eq!(
        config.cloud_providers.aws.extra["default_region"],
        "us-east-1"
    );
    assert_eq!(config.extra["notifications"]["slack"], true);
    assert_eq!(serde_json::to_value(&config).unwrap(), raw);
}

#[test]
fn ops_metrics() {
    let m: ops::Metrics = typed("ops/metrics_response.json");
    assert_eq!(
        m.alerts,
        ops::AlertCounts {
            critical: 2,
            warning: 5,
            ok: 120
        }
    );
    assert_eq!(m.infrastructure.aws_instances, 15);
    assert_eq!(m.infrastructure.azure_vms, 8);
    assert_eq!(m.infrastructure.gcp_instances, 0);
    assert_eq!(m.agent_stats.total_messages, 1250);
    assert_eq!(m.agent_stats.tools_executed, 3420);
    assert_eq!(m.agent_stats.uptime_seconds, 86_400);
    assert_eq!(
        serde_json::from_str::<ops::AlertSeverity>("\"critical\"").unwrap(),
        ops::AlertSeverity::Critical
    );
}

// ---------------------------------------------------------------------------------------------
// Ops: tools, learned APIs, webhooks, errors
// ---------------------------------------------------------------------------------------------

#[test]
fn ops_tools() {
    let list: ops::ToolList = typed("ops/tools_list_response.json");
    let tool = &list.tools[0];
    assert_eq!(tool.name, "list_ec2_instances");
    assert_eq!(tool.category, ops::ToolCategory::Aws);
    assert_eq!(tool.parameters["required"], json!(["region"]));

    let future: ops::Tool = serde_json::from_value(
        json!({"name": "scale_pods", "description": "x", "category": "kubernetes"}),
    )
    .unwrap();
    assert_eq!(
        future.category,
        ops::ToolCategory::Unknown("kubernetes".into())
    );
    assert_eq!(future.parameters, json!({}));

    request(
        "ops/tools_execute_request.json",
        ops::ExecuteToolParams::new("list_ec2_instances").parameter("region", "us-east-1"),
    );
    let mut map = serde_json::Map::new();
    map.insert("region".into(), json!("us-east-1"));
    assert_eq!(
        ops::ExecuteToolParams::new("list_ec2_instances").parameters(map),
        ops::ExecuteToolParams::new("list_ec2_instances").parameter("region", "us-east-1")
    );

    let run: ops::ToolExecution = typed("ops/tools_execute_response.json");
    assert!(run.success);
    assert_eq!(run.execution_time_ms, 142);
    assert_eq!(run.result[0]["instance_id"], "i-0a1b2c3d4e5f60001");
}

#[test]
fn ops_learned_apis() {
    let list: ops::LearnedApiList = typed("ops/learned_apis_list_response.json");
    let api = &list.apis[0];
    assert_eq!(api.id, "api_jira");
    assert_eq!(api.endpoints, 47);
    assert_eq!(api.learned_at.as_deref(), Some("2024-01-15T09:00:00Z"));
    assert!(api.kind.is_none() && api.source.is_none());

    request(
        "ops/learned_apis_learn_request.json",
        ops::LearnApiParams::openapi("https://api.example.com/swagger.json"),
    );
    let inline = ops::LearnApiParams::new(
        "openapi",
        json!({"openapi": "3.0.0", "info": {"title": "Inline"}, "paths": {}}),
    );
    assert_eq!(
        serde_json::to_value(&inline).unwrap()["source"]["info"]["title"],
        "Inline"
    );
    assert_eq!(serde_json::to_value(&inline).unwrap()["type"], "openapi");

    let learned: ops::LearnedApi = typed("ops/learned_apis_learn_response.json");
    assert_eq!(learned.kind.as_deref(), Some("openapi"));
    assert_eq!(
        learned.source,
        Some(json!("https://api.example.com/swagger.json"))
    );
}

#[test]
fn ops_webhooks_and_errors() {
    let params = ops::CreateWebhookParams::new(
        "https://tu-servidor.com/webhook",
        vec!["alert.critical".to_owned(), "tool.executed".to_owned()],
        "tu-secreto",
    );
    let shown = format!("{params:?}");
    assert!(!shown.contains("tu-secreto"), "{shown}");
    request("ops/webhooks_create_request.json", params);
    let hook: ops::Webhook = typed("ops/webhooks_create_response.json");
    assert_eq!(hook.events, ["alert.critical", "tool.executed"]);
    assert_eq!(hook.created_at.as_deref(), Some("2024-01-15T10:30:00Z"));

    let err: ops::ErrorBody = typed("ops/error_response.json");
    assert_eq!(err.error.code, "INVALID_REQUEST");
    assert_eq!(err.error.message, "El parámetro 'message' es requerido");
    assert_eq!(err.error.details, json!({}));
}
