//! Every platform operation on the wire (wiremock): method, exact path and query, the bearer
//! key, the JSON body, and the typed values decoded from the seed's example answers.

use std::fmt::Debug;

use agents_sdk::platform::*;
use agents_sdk::{Error, Money};
use futures::StreamExt;
use serde_json::{Value, json};
use wiremock::matchers::{header, header_exists, method, path};
use wiremock::{Match, Mock, MockServer, Request, ResponseTemplate};

const KEY: &str = "cj_live_wiretestkey0001";
const BEARER: &str = "Bearer cj_live_wiretestkey0001";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api", server.uri()))
        .max_retries(0)
        .build()
        .unwrap()
}

// ---------------------------------------------------------------------------------------------
// Matchers and answers
// ---------------------------------------------------------------------------------------------

/// The query string holds exactly these pairs (in any order) and nothing else.
struct QueryIs(Vec<(String, String)>);

fn query_is(pairs: &[(&str, &str)]) -> QueryIs {
    let mut v: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    v.sort();
    QueryIs(v)
}

fn no_query() -> QueryIs {
    QueryIs(Vec::new())
}

impl Match for QueryIs {
    fn matches(&self, request: &Request) -> bool {
        let mut got: Vec<(String, String)> = request
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        got.sort();
        got == self.0
    }
}

/// The JSON body equals `expected`, numbers compared by value (`175` matches `175.0`).
struct JsonBody(Value);

fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| json_eq(v, w))
        }
        _ => a == b,
    }
}

impl Match for JsonBody {
    fn matches(&self, request: &Request) -> bool {
        serde_json::from_slice::<Value>(&request.body).is_ok_and(|v| json_eq(&v, &self.0))
    }
}

/// The request has no body at all.
struct NoBody;

impl Match for NoBody {
    fn matches(&self, request: &Request) -> bool {
        request.body.is_empty()
    }
}

fn envelope(data: Value) -> Value {
    json!({"data": data, "meta": {"timestamp": "2025-10-15T10:30:00Z", "requestId": "req_0123456789abcdef"}})
}

fn ok(data: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(envelope(data))
}

fn created(data: Value) -> ResponseTemplate {
    ResponseTemplate::new(201).set_body_json(envelope(data))
}

/// A JSON answer sent byte for byte (keeps `-350.50` as written).
fn raw(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.as_bytes().to_vec(), "application/json")
}

fn sse(tokens: &[&str], message_id: &str) -> ResponseTemplate {
    let mut body = String::new();
    for t in tokens {
        body.push_str(&format!("event: token\ndata: {}\n\n", json!({"token": t})));
    }
    body.push_str(&format!(
        "event: done\ndata: {}\n\n",
        json!({"messageId": message_id, "tokensUsed": 156, "timestamp": "2025-10-15T10:36:00Z"})
    ));
    ResponseTemplate::new(200).set_body_raw(body.into_bytes(), "text/event-stream")
}

/// A GET with the key and JSON accept header.
fn get(p: &str) -> wiremock::MockBuilder {
    Mock::given(method("GET"))
        .and(path(p))
        .and(header("authorization", BEARER))
        .and(header("accept", "application/json"))
}

/// A POST/PATCH with the key, a JSON body of `body` and (POST) an idempotency key.
fn send(m: &str, p: &str, body: Value) -> wiremock::MockBuilder {
    let b = Mock::given(method(m))
        .and(path(p))
        .and(header("authorization", BEARER))
        .and(header("accept", "application/json"))
        .and(header("content-type", "application/json"))
        .and(no_query())
        .and(JsonBody(body));
    if m == "POST" {
        b.and(header_exists("idempotency-key"))
    } else {
        b
    }
}

fn delete(p: &str) -> wiremock::MockBuilder {
    Mock::given(method("DELETE"))
        .and(path(p))
        .and(header("authorization", BEARER))
        .and(no_query())
        .and(NoBody)
}

fn money(s: &str) -> Money {
    s.parse().unwrap()
}

fn assert_invalid<T: Debug>(r: agents_sdk::Result<T>, what: &str) {
    match r {
        Err(Error::InvalidArgument(_)) => {}
        other => panic!("{what}: expected InvalidArgument, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Auth
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn auth_sign_in_url_returns_the_location_and_never_follows_it() {
    let idp = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_string("login page"))
        .expect(0)
        .mount(&idp)
        .await;
    let location = format!(
        "{}/o/oauth2/v2/auth?client_id=cjhirashi-agents&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fapi%2Fauth%2Fcallback&response_type=code&scope=openid%20email%20profile&state=st4te",
        idp.uri()
    );
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/signin"))
        .and(no_query())
        .respond_with(ResponseTemplate::new(302).insert_header("Location", location.as_str()))
        .expect(1)
        .mount(&server)
        .await;
    let url = client(&server).auth().sign_in_url().await.unwrap();
    assert_eq!(url, location);
    // not followed: neither the key nor anything else reaches the identity provider
    assert!(
        idp.received_requests().await.unwrap().is_empty(),
        "the redirect was followed"
    );
}

#[tokio::test]
async fn auth_sign_in_url_without_a_redirect_is_a_decode_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/signin"))
        .respond_with(ok(json!({"message": "no redirect"})))
        .expect(1)
        .mount(&server)
        .await;
    let err = client(&server).auth().sign_in_url().await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
}

#[tokio::test]
async fn auth_sign_out() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/auth/signout"))
        .and(no_query())
        .and(header("authorization", BEARER))
        .and(NoBody)
        .respond_with(ok(json!({"message": "Signed out successfully"})))
        .expect(1)
        .mount(&server)
        .await;
    let out = client(&server).auth().sign_out().await.unwrap();
    assert_eq!(out.message, "Signed out successfully");
}

#[tokio::test]
async fn auth_session() {
    let server = MockServer::start().await;
    get("/api/auth/session")
        .and(no_query())
        .respond_with(ok(json!({
            "user": {"id": "usr_abc123", "email": "user@example.com", "name": "John Doe",
                     "role": "USER", "image": "https://img.example.com/u.png", "subscriptionTier": "FREE"},
            "expires": "2025-11-15T10:30:00Z"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let s = client(&server).auth().session().await.unwrap();
    assert_eq!(s.user.id, "usr_abc123");
    assert_eq!(s.user.email, "user@example.com");
    assert_eq!(s.user.name.as_deref(), Some("John Doe"));
    assert_eq!(s.user.role, Role::User);
    assert_eq!(
        s.user.image.as_deref(),
        Some("https://img.example.com/u.png")
    );
    assert_eq!(s.user.subscription_tier, Some(SubscriptionTier::Free));
    assert_eq!(s.expires.as_deref(), Some("2025-11-15T10:30:00Z"));
}

#[tokio::test]
async fn auth_create_api_key_bare_and_enveloped() {
    for enveloped in [false, true] {
        let server = MockServer::start().await;
        let data = json!({"apiKey": "cj_live_abc123def456", "expiresAt": "2026-10-15T00:00:00Z"});
        let body = if enveloped { envelope(data) } else { data };
        Mock::given(method("POST"))
            .and(path("/api/auth/api-keys"))
            .and(no_query())
            .and(header("authorization", BEARER))
            .and(header_exists("idempotency-key"))
            .respond_with(ResponseTemplate::new(201).set_body_json(body))
            .expect(1)
            .mount(&server)
            .await;
        let k = client(&server).auth().create_api_key().await.unwrap();
        assert_eq!(k.api_key, "cj_live_abc123def456", "enveloped={enveloped}");
        assert_eq!(k.expires_at.as_deref(), Some("2026-10-15T00:00:00Z"));
        assert!(!format!("{k:?}").contains("abc123def456"));
    }
}

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn users_me() {
    let server = MockServer::start().await;
    get("/api/users/me")
        .and(no_query())
        .respond_with(ok(json!({
            "id": "usr_abc123", "email": "user@example.com", "name": "John Doe", "role": "USER",
            "subscriptionTier": "FREE", "isActive": true, "createdAt": "2025-01-15T10:00:00Z",
            "limits": {"monthlyMessages": 100, "monthlyTokens": 100000, "agentsAllowed": 3},
            "usage": {"messagesUsed": 45, "tokensUsed": 32000}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let u = client(&server).users().me().await.unwrap();
    assert_eq!(u.id, "usr_abc123");
    assert_eq!(u.email, "user@example.com");
    assert_eq!(u.role, Role::User);
    assert_eq!(u.subscription_tier, SubscriptionTier::Free);
    assert!(u.is_active);
    assert_eq!(u.created_at, "2025-01-15T10:00:00Z");
    assert_eq!(u.limits.monthly_messages, Some(100));
    assert_eq!(u.limits.monthly_tokens, Some(100_000));
    assert_eq!(u.limits.agents_allowed, Some(3));
    assert_eq!((u.usage.messages_used, u.usage.tokens_used), (45, 32000));
}

#[tokio::test]
async fn users_update_me_patches_camel_case_body() {
    let server = MockServer::start().await;
    let prefs = json!({"theme": "dark", "notifications": true});
    send(
        "PATCH",
        "/api/users/me",
        json!({"name": "John Smith", "preferences": prefs}),
    )
    .respond_with(ok(
        json!({"id": "usr_abc123", "name": "John Smith", "preferences": prefs}),
    ))
    .expect(1)
    .mount(&server)
    .await;
    let u = client(&server)
        .users()
        .update_me(
            UpdateMeParams::new()
                .name("John Smith")
                .preferences(prefs.clone()),
        )
        .await
        .unwrap();
    assert_eq!(u.id, "usr_abc123");
    assert_eq!(u.name.as_deref(), Some("John Smith"));
    assert_eq!(u.preferences, Some(prefs));
}

fn user(n: u32) -> Value {
    json!({"id": format!("usr_{n:03}"), "email": format!("john{n}@example.com"), "name": format!("John {n}"),
           "role": "USER", "isActive": true, "createdAt": "2025-01-15T10:00:00Z"})
}

fn users_page(page: u32, ids: &[u32]) -> ResponseTemplate {
    let users: Vec<Value> = ids.iter().map(|n| user(*n)).collect();
    ok(json!({"users": users, "pagination": {"page": page, "limit": 2, "total": 5, "pages": 3}}))
}

async fn mount_users_pages(server: &MockServer, first_expect: u64, rest_expect: u64) {
    let pages: [(u32, &[u32]); 3] = [(1, &[1, 2]), (2, &[3, 4]), (3, &[5])];
    for (page, ids) in pages {
        let p = page.to_string();
        get("/api/users")
            .and(query_is(&[
                ("page", &p),
                ("limit", "2"),
                ("role", "USER"),
                ("search", "john"),
            ]))
            .respond_with(users_page(page, ids))
            .expect(if page == 1 { first_expect } else { rest_expect })
            .mount(server)
            .await;
    }
}

fn users_filter() -> ListUsersParams {
    ListUsersParams::new()
        .limit(2)
        .role(Role::User)
        .search("john")
}

#[tokio::test]
async fn users_list_collect_all_walks_three_pages_in_order() {
    let server = MockServer::start().await;
    mount_users_pages(&server, 1, 1).await;
    let all = client(&server)
        .users()
        .list(users_filter())
        .collect_all()
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["usr_001", "usr_002", "usr_003", "usr_004", "usr_005"]);
    assert_eq!(all[4].email, "john5@example.com");
    assert_eq!(all[4].role, Role::User);
    assert_eq!(all[4].is_active, Some(true));
}

#[tokio::test]
async fn users_list_first_page_fetches_one_page() {
    let server = MockServer::start().await;
    mount_users_pages(&server, 1, 0).await;
    let page = client(&server)
        .users()
        .list(users_filter())
        .first_page()
        .await
        .unwrap();
    assert_eq!(page.users.len(), 2);
    assert_eq!(page.users[0].id, "usr_001");
    assert_eq!(
        page.pagination,
        PagePagination {
            page: 1,
            limit: 2,
            total: 5,
            pages: 3
        }
    );
}

#[tokio::test]
async fn users_list_next_page_until_none() {
    let server = MockServer::start().await;
    mount_users_pages(&server, 1, 1).await;
    let c = client(&server);
    let mut pager = c.users().list(users_filter());
    let mut seen = Vec::new();
    while let Some(page) = pager.next_page().await.unwrap() {
        seen.push((page.pagination.page, page.users.len()));
    }
    assert_eq!(seen, [(1, 2), (2, 2), (3, 1)]);
    assert!(!pager.has_next_page());
    assert!(pager.next_page().await.unwrap().is_none());
}

#[tokio::test]
async fn users_list_starts_at_the_given_page_and_sends_no_unset_filter() {
    let server = MockServer::start().await;
    get("/api/users")
        .and(query_is(&[("page", "3")]))
        .respond_with(users_page(3, &[5]))
        .expect(1)
        .mount(&server)
        .await;
    let all = client(&server)
        .users()
        .list(ListUsersParams::new().page(3))
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].id, "usr_005");
}

#[tokio::test]
async fn users_invite() {
    let server = MockServer::start().await;
    send(
        "POST",
        "/api/users/invite",
        json!({"email": "newuser@example.com", "role": "USER", "message": "Welcome to CJHIRASHI Agents!"}),
    )
    .respond_with(created(json!({
        "invitationId": "inv_xyz789", "email": "newuser@example.com",
        "expiresAt": "2025-10-22T10:00:00Z", "inviteUrl": "https://agents.cjhirashi.com/invite/inv_xyz789"
    })))
    .expect(1)
    .mount(&server)
    .await;
    let inv = client(&server)
        .users()
        .invite(
            InviteUserParams::new("newuser@example.com")
                .role(Role::User)
                .message("Welcome to CJHIRASHI Agents!"),
        )
        .await
        .unwrap();
    assert_eq!(inv.invitation_id, "inv_xyz789");
    assert_eq!(inv.email, "newuser@example.com");
    assert_eq!(inv.expires_at.as_deref(), Some("2025-10-22T10:00:00Z"));
    assert_eq!(
        inv.invite_url.as_deref(),
        Some("https://agents.cjhirashi.com/invite/inv_xyz789")
    );
}

#[tokio::test]
async fn users_delete() {
    let server = MockServer::start().await;
    delete("/api/users/usr_abc123")
        .respond_with(ok(
            json!({"message": "User deleted successfully", "deletedUserId": "usr_abc123"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let d = client(&server).users().delete("usr_abc123").await.unwrap();
    assert_eq!(d.message, "User deleted successfully");
    assert_eq!(d.deleted_user_id, "usr_abc123");
}

// ---------------------------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------------------------

fn agent_list_item() -> Value {
    json!({"id": "agt_personal_001", "name": "Personal Assistant", "description": "Your personal AI assistant",
           "category": "personal", "model": "gemini-2.0-flash-exp", "isPublic": true, "createdBy": "system",
           "capabilities": ["health_management", "financial_analysis", "productivity_optimization"]})
}

#[tokio::test]
async fn agents_list_with_filters() {
    let server = MockServer::start().await;
    get("/api/agents")
        .and(query_is(&[("category", "personal"), ("isPublic", "true")]))
        .respond_with(ok(json!({"agents": [agent_list_item()]})))
        .expect(1)
        .mount(&server)
        .await;
    let list = client(&server)
        .agents()
        .list(
            ListAgentsParams::new()
                .category(AgentCategory::Personal)
                .is_public(true),
        )
        .await
        .unwrap();
    let a = &list.agents[0];
    assert_eq!(a.id, "agt_personal_001");
    assert_eq!(a.name, "Personal Assistant");
    assert_eq!(a.category, Some(AgentCategory::Personal));
    assert_eq!(a.model.as_deref(), Some("gemini-2.0-flash-exp"));
    assert!(a.is_public);
    assert_eq!(a.created_by.as_deref(), Some("system"));
    assert_eq!(
        a.capabilities,
        [
            "health_management",
            "financial_analysis",
            "productivity_optimization"
        ]
    );
}

#[tokio::test]
async fn agents_list_without_filters_sends_no_query() {
    let server = MockServer::start().await;
    get("/api/agents")
        .and(no_query())
        .respond_with(ok(json!({"agents": [agent_list_item()]})))
        .expect(1)
        .mount(&server)
        .await;
    let list = client(&server)
        .agents()
        .list(ListAgentsParams::new())
        .await
        .unwrap();
    assert_eq!(list.agents.len(), 1);
}

#[tokio::test]
async fn agents_list_is_public_false_is_sent() {
    let server = MockServer::start().await;
    get("/api/agents")
        .and(query_is(&[("category", "finance"), ("isPublic", "false")]))
        .respond_with(ok(json!({"agents": []})))
        .expect(1)
        .mount(&server)
        .await;
    let list = client(&server)
        .agents()
        .list(
            ListAgentsParams::new()
                .category(AgentCategory::Finance)
                .is_public(false),
        )
        .await
        .unwrap();
    assert!(list.agents.is_empty());
}

#[tokio::test]
async fn agents_get() {
    let server = MockServer::start().await;
    get("/api/agents/agt_personal_001")
        .and(no_query())
        .respond_with(ok(json!({
            "id": "agt_personal_001", "name": "Personal Assistant",
            "description": "Your personal AI assistant that learns from you", "category": "personal",
            "model": "gemini-2.0-flash-exp", "isPublic": true,
            "config": {"temperature": 0.7, "maxTokens": 8000, "topP": 0.9},
            "capabilities": ["health_management", "financial_analysis", "productivity_optimization"],
            "createdAt": "2025-01-01T00:00:00Z"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let a = client(&server)
        .agents()
        .get("agt_personal_001")
        .await
        .unwrap();
    assert_eq!(a.id, "agt_personal_001");
    assert_eq!(
        a.description.as_deref(),
        Some("Your personal AI assistant that learns from you")
    );
    let cfg = a.config.unwrap();
    assert_eq!(cfg.temperature, Some(0.7));
    assert_eq!(cfg.max_tokens, Some(8000));
    assert_eq!(cfg.top_p, Some(0.9));
    assert_eq!(a.capabilities.len(), 3);
    assert_eq!(a.created_at.as_deref(), Some("2025-01-01T00:00:00Z"));
}

#[tokio::test]
async fn agents_create() {
    let server = MockServer::start().await;
    send(
        "POST",
        "/api/agents",
        json!({
            "name": "My Custom Agent", "description": "An agent for X task", "model": "gemini-2.0-flash-exp",
            "config": {"temperature": 0.8, "maxTokens": 4000},
            "systemPrompt": "You are a helpful assistant that...", "isPublic": false
        }),
    )
    .respond_with(created(json!({
        "id": "agt_custom_123", "name": "My Custom Agent",
        "endpointUrl": "/api/agents/agt_custom_123/chat", "createdAt": "2025-10-15T10:30:00Z"
    })))
    .expect(1)
    .mount(&server)
    .await;
    let a = client(&server)
        .agents()
        .create(
            CreateAgentParams::new("My Custom Agent")
                .description("An agent for X task")
                .model("gemini-2.0-flash-exp")
                .config(AgentConfig::new().temperature(0.8).max_tokens(4000))
                .system_prompt("You are a helpful assistant that...")
                .is_public(false),
        )
        .await
        .unwrap();
    assert_eq!(a.id, "agt_custom_123");
    assert_eq!(a.name, "My Custom Agent");
    assert_eq!(
        a.endpoint_url.as_deref(),
        Some("/api/agents/agt_custom_123/chat")
    );
    assert_eq!(a.created_at.as_deref(), Some("2025-10-15T10:30:00Z"));
}

#[tokio::test]
async fn agents_delete() {
    let server = MockServer::start().await;
    delete("/api/agents/agt_custom_123")
        .respond_with(ok(
            json!({"message": "Agent deleted successfully", "deletedAgentId": "agt_custom_123"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let d = client(&server)
        .agents()
        .delete("agt_custom_123")
        .await
        .unwrap();
    assert_eq!(d.message, "Agent deleted successfully");
    assert_eq!(d.deleted_agent_id, "agt_custom_123");
}

// ---------------------------------------------------------------------------------------------
// Conversations
// ---------------------------------------------------------------------------------------------

fn conversation(id: &str) -> Value {
    json!({"id": id, "title": "Discusión sobre medicamentos", "agentId": "agt_personal_001",
           "createdAt": "2025-10-15T09:00:00Z", "updatedAt": "2025-10-15T10:30:00Z", "messageCount": 12})
}

#[tokio::test]
async fn conversations_list_follows_the_cursor_until_has_more_is_false() {
    let server = MockServer::start().await;
    let base = [("agentId", "agt_personal_001"), ("limit", "2")];
    // first page: no cursor at all
    get("/api/conversations")
        .and(query_is(&base))
        .respond_with(ok(json!({
            "conversations": [conversation("conv_001"), conversation("conv_002")],
            "pagination": {"nextCursor": "conv_003", "hasMore": true}
        })))
        .expect(1)
        .mount(&server)
        .await;
    get("/api/conversations")
        .and(query_is(&[base[0], base[1], ("cursor", "conv_003")]))
        .respond_with(ok(json!({
            "conversations": [conversation("conv_003"), conversation("conv_004")],
            "pagination": {"nextCursor": "conv_005", "hasMore": true}
        })))
        .expect(1)
        .mount(&server)
        .await;
    // the last page still names a cursor, but hasMore is false: it must not be requested
    get("/api/conversations")
        .and(query_is(&[base[0], base[1], ("cursor", "conv_005")]))
        .respond_with(ok(json!({
            "conversations": [conversation("conv_005")],
            "pagination": {"nextCursor": "conv_006", "hasMore": false}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let all = client(&server)
        .conversations()
        .list(
            ListConversationsParams::new()
                .agent_id("agt_personal_001")
                .limit(2),
        )
        .collect_all()
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        ["conv_001", "conv_002", "conv_003", "conv_004", "conv_005"]
    );
    assert_eq!(
        all[0].title.as_deref(),
        Some("Discusión sobre medicamentos")
    );
    assert_eq!(all[0].agent_id, "agt_personal_001");
    assert_eq!(all[0].message_count, Some(12));
    assert_eq!(all[0].updated_at.as_deref(), Some("2025-10-15T10:30:00Z"));
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn conversations_list_first_page_and_given_cursor() {
    let server = MockServer::start().await;
    get("/api/conversations")
        .and(query_is(&[("cursor", "conv_xyz789")]))
        .respond_with(ok(json!({
            "conversations": [conversation("conv_abc123")],
            "pagination": {"nextCursor": "conv_xyz790", "hasMore": true}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    let pager = c
        .conversations()
        .list(ListConversationsParams::new().cursor("conv_xyz789"));
    let page = pager.first_page().await.unwrap();
    assert_eq!(page.conversations[0].id, "conv_abc123");
    assert_eq!(page.pagination.next_cursor.as_deref(), Some("conv_xyz790"));
    assert!(page.pagination.has_more);
}

#[tokio::test]
async fn conversations_get_with_message_limit() {
    let server = MockServer::start().await;
    get("/api/conversations/conv_abc123")
        .and(query_is(&[("messageLimit", "50")]))
        .respond_with(ok(json!({
            "id": "conv_abc123", "title": "Discusión sobre medicamentos", "agentId": "agt_personal_001",
            "createdAt": "2025-10-15T09:00:00Z",
            "messages": [
                {"id": "msg_001", "role": "user", "content": "¿Cuándo debo tomar mi metformina?", "timestamp": "2025-10-15T09:00:00Z"},
                {"id": "msg_002", "role": "assistant", "content": "Según tu perfil, debes tomar Metformina 500mg cada 8 horas...", "timestamp": "2025-10-15T09:00:05Z"}
            ]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server)
        .conversations()
        .get(
            "conv_abc123",
            GetConversationParams::new().message_limit(50),
        )
        .await
        .unwrap();
    assert_eq!(c.id, "conv_abc123");
    assert_eq!(c.agent_id, "agt_personal_001");
    assert_eq!(c.messages.len(), 2);
    assert_eq!(c.messages[0].id, "msg_001");
    assert_eq!(c.messages[0].role, MessageRole::User);
    assert_eq!(c.messages[1].role, MessageRole::Assistant);
    assert_eq!(
        c.messages[1].timestamp.as_deref(),
        Some("2025-10-15T09:00:05Z")
    );
}

#[tokio::test]
async fn conversations_get_without_message_limit_sends_no_query() {
    let server = MockServer::start().await;
    get("/api/conversations/conv_abc123")
        .and(no_query())
        .respond_with(ok(conversation("conv_abc123")))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server)
        .conversations()
        .get("conv_abc123", GetConversationParams::new())
        .await
        .unwrap();
    assert!(c.messages.is_empty());
}

#[tokio::test]
async fn conversations_create_and_the_handle_streams_on_its_paths() {
    let server = MockServer::start().await;
    send(
        "POST",
        "/api/conversations",
        json!({"agentId": "agt_personal_001", "title": "Nueva conversación",
               "initialMessage": "Hola, necesito ayuda con mis finanzas"}),
    )
    .respond_with(created(json!({
        "id": "conv_new123", "title": "Nueva conversación", "agentId": "agt_personal_001",
        "createdAt": "2025-10-15T10:35:00Z"
    })))
    .expect(1)
    .mount(&server)
    .await;
    Mock::given(method("GET"))
        .and(path("/api/conversations/conv_new123/messages/stream"))
        .and(no_query())
        .and(header("authorization", BEARER))
        .and(header("accept", "text/event-stream"))
        .respond_with(sse(&["Claro", ", te ayudo"], "msg_010"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/conversations/conv_new123/messages"))
        .and(no_query())
        .and(header("authorization", BEARER))
        .and(header("accept", "text/event-stream"))
        .and(JsonBody(json!({"content": "¿Cómo estás?"})))
        .respond_with(sse(&["Bien", ", gracias"], "msg_011"))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    let handle = c
        .conversations()
        .create(
            CreateConversationParams::new("agt_personal_001")
                .title("Nueva conversación")
                .initial_message("Hola, necesito ayuda con mis finanzas"),
        )
        .await
        .unwrap();
    assert_eq!(handle.id(), "conv_new123");
    assert_eq!(handle.title.as_deref(), Some("Nueva conversación"));
    assert_eq!(handle.agent_id, "agt_personal_001");
    assert_eq!(handle.created_at.as_deref(), Some("2025-10-15T10:35:00Z"));
    let first = handle.stream().await.unwrap().collect_text().await.unwrap();
    assert_eq!(first.text, "Claro, te ayudo");
    assert_eq!(first.message_id, "msg_010");
    let second = handle
        .send_message("¿Cómo estás?")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap();
    assert_eq!(second.text, "Bien, gracias");
    assert_eq!(second.message_id, "msg_011");
}

#[tokio::test]
async fn conversations_send_message_posts_content_and_accepts_sse() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/conversations/conv_abc123/messages"))
        .and(no_query())
        .and(header("authorization", BEARER))
        .and(header("accept", "text/event-stream"))
        .and(header("content-type", "application/json"))
        .and(JsonBody(json!({"content": "¿Cuánto he gastado este mes?"})))
        .respond_with(sse(
            &["Este", " mes", " has", " gastado", " $", "12", ",", "450"],
            "msg_003",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    let mut s = c
        .conversations()
        .send_message("conv_abc123", "¿Cuánto he gastado este mes?")
        .await
        .unwrap();
    let mut tokens = Vec::new();
    let mut done = None;
    while let Some(ev) = s.next().await {
        match ev.unwrap() {
            ConversationEvent::Token(t) => tokens.push(t.token),
            ConversationEvent::Done(d) => done = Some(d),
        }
    }
    assert_eq!(tokens.concat(), "Este mes has gastado $12,450");
    let d = done.unwrap();
    assert_eq!(d.message_id, "msg_003");
    assert_eq!(d.tokens_used, 156);
    assert_eq!(d.timestamp, "2025-10-15T10:36:00Z");
    assert_eq!(s.text(), "Este mes has gastado $12,450");
}

#[tokio::test]
async fn conversations_stream_gets_the_stream_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/conversations/conv_abc123/messages/stream"))
        .and(no_query())
        .and(header("authorization", BEARER))
        .and(header("accept", "text/event-stream"))
        .and(NoBody)
        .respond_with(sse(&["Hola"], "msg_004"))
        .expect(1)
        .mount(&server)
        .await;
    let done = client(&server)
        .conversations()
        .stream("conv_abc123")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap();
    assert_eq!(done.text, "Hola");
    assert_eq!(done.message_id, "msg_004");
    assert_eq!(done.tokens_used, 156);
}

#[tokio::test]
async fn conversations_delete() {
    let server = MockServer::start().await;
    delete("/api/conversations/conv_abc123")
        .respond_with(ok(json!({"message": "Conversation deleted successfully", "deletedConversationId": "conv_abc123"})))
        .expect(1)
        .mount(&server)
        .await;
    let d = client(&server)
        .conversations()
        .delete("conv_abc123")
        .await
        .unwrap();
    assert_eq!(d.message, "Conversation deleted successfully");
    assert_eq!(d.deleted_conversation_id, "conv_abc123");
}

// ---------------------------------------------------------------------------------------------
// Health
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn health_profile() {
    let server = MockServer::start().await;
    get("/api/health/profile")
        .and(no_query())
        .respond_with(ok(json!({
            "id": "hlth_abc123", "userId": "usr_abc123", "bloodType": "O+", "height": 175, "weight": 70,
            "allergies": [{"id": "alg_001", "name": "Penicilina", "severity": "HIGH"}],
            "conditions": [{"id": "cond_001", "name": "Diabetes Tipo 2", "diagnosedAt": "2020-05-15T00:00:00Z"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let p = client(&server).health().profile().await.unwrap();
    assert_eq!(p.id, "hlth_abc123");
    assert_eq!(p.user_id.as_deref(), Some("usr_abc123"));
    assert_eq!(p.blood_type.as_deref(), Some("O+"));
    assert_eq!((p.height, p.weight), (Some(175.0), Some(70.0)));
    assert_eq!(p.allergies[0].name, "Penicilina");
    assert_eq!(p.allergies[0].severity, Severity::High);
    assert_eq!(p.conditions[0].id, "cond_001");
    assert_eq!(
        p.conditions[0].diagnosed_at.as_deref(),
        Some("2020-05-15T00:00:00Z")
    );
}

#[tokio::test]
async fn health_update_profile_patches_camel_case() {
    let server = MockServer::start().await;
    send("PATCH", "/api/health/profile", json!({"bloodType": "O+", "height": 175, "weight": 70}))
        .respond_with(ok(json!({
            "id": "hlth_abc123", "bloodType": "O+", "height": 175, "weight": 70, "updatedAt": "2025-10-15T10:40:00Z"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let p = client(&server)
        .health()
        .update_profile(
            UpdateHealthProfileParams::new()
                .blood_type("O+")
                .height(175.0)
                .weight(70.0),
        )
        .await
        .unwrap();
    assert_eq!(p.blood_type.as_deref(), Some("O+"));
    assert_eq!((p.height, p.weight), (Some(175.0), Some(70.0)));
    assert_eq!(p.updated_at.as_deref(), Some("2025-10-15T10:40:00Z"));
    let body: Value = server.received_requests().await.unwrap()[0]
        .body_json()
        .unwrap();
    assert!(
        body.get("blood_type").is_none(),
        "snake_case key on the wire: {body}"
    );
}

#[tokio::test]
async fn health_update_profile_sends_only_the_set_fields() {
    let server = MockServer::start().await;
    send("PATCH", "/api/health/profile", json!({"weight": 68.5}))
        .respond_with(ok(json!({"id": "hlth_abc123", "weight": 68.5})))
        .expect(1)
        .mount(&server)
        .await;
    let p = client(&server)
        .health()
        .update_profile(UpdateHealthProfileParams::new().weight(68.5))
        .await
        .unwrap();
    assert_eq!(p.weight, Some(68.5));
}

#[tokio::test]
async fn health_medications_list() {
    let server = MockServer::start().await;
    get("/api/health/medications")
        .and(no_query())
        .respond_with(ok(json!({"medications": [{
            "id": "med_001", "name": "Metformina", "dosage": "500mg", "frequency": "Cada 8 horas",
            "startDate": "2020-06-01T00:00:00Z", "isActive": true, "adherenceRate": 92.5
        }]})))
        .expect(1)
        .mount(&server)
        .await;
    let l = client(&server).health().medications().list().await.unwrap();
    let m = &l.medications[0];
    assert_eq!(m.id, "med_001");
    assert_eq!(m.name, "Metformina");
    assert_eq!(m.dosage.as_deref(), Some("500mg"));
    assert_eq!(m.frequency.as_deref(), Some("Cada 8 horas"));
    assert_eq!(m.start_date.as_deref(), Some("2020-06-01T00:00:00Z"));
    assert_eq!(m.is_active, Some(true));
    assert_eq!(m.adherence_rate, Some(92.5));
}

#[tokio::test]
async fn health_medications_create() {
    let server = MockServer::start().await;
    send(
        "POST",
        "/api/health/medications",
        json!({"name": "Metformina", "dosage": "500mg", "frequency": "Cada 8 horas",
               "startDate": "2025-10-15T00:00:00Z", "instructions": "Tomar con alimentos"}),
    )
    .respond_with(created(json!({
        "id": "med_new001", "name": "Metformina", "dosage": "500mg", "frequency": "Cada 8 horas",
        "createdAt": "2025-10-15T10:45:00Z"
    })))
    .expect(1)
    .mount(&server)
    .await;
    let m = client(&server)
        .health()
        .medications()
        .create(
            CreateMedicationParams::new("Metformina", "500mg", "Cada 8 horas")
                .start_date("2025-10-15T00:00:00Z")
                .instructions("Tomar con alimentos"),
        )
        .await
        .unwrap();
    assert_eq!(m.id, "med_new001");
    assert_eq!(m.dosage.as_deref(), Some("500mg"));
    assert_eq!(m.created_at.as_deref(), Some("2025-10-15T10:45:00Z"));
}

#[tokio::test]
async fn health_appointments_list_with_query() {
    let server = MockServer::start().await;
    get("/api/health/appointments")
        .and(query_is(&[("upcoming", "true"), ("from", "2025-10-01"), ("to", "2025-10-31")]))
        .respond_with(ok(json!({"appointments": [{
            "id": "apt_001", "title": "Consulta con Dr. García", "type": "CHECKUP",
            "datetime": "2025-10-20T14:00:00Z", "location": "Hospital Central", "notes": "Llevar estudios de laboratorio"
        }]})))
        .expect(1)
        .mount(&server)
        .await;
    let l = client(&server)
        .health()
        .appointments()
        .list(
            ListAppointmentsParams::new()
                .upcoming(true)
                .from("2025-10-01")
                .to("2025-10-31"),
        )
        .await
        .unwrap();
    let a = &l.appointments[0];
    assert_eq!(a.id, "apt_001");
    assert_eq!(a.title, "Consulta con Dr. García");
    assert_eq!(a.kind, AppointmentType::Checkup);
    assert_eq!(a.datetime, "2025-10-20T14:00:00Z");
    assert_eq!(a.location.as_deref(), Some("Hospital Central"));
    assert_eq!(a.notes.as_deref(), Some("Llevar estudios de laboratorio"));
}

#[tokio::test]
async fn health_appointments_list_defaults_send_no_query() {
    let server = MockServer::start().await;
    get("/api/health/appointments")
        .and(no_query())
        .respond_with(ok(json!({"appointments": []})))
        .expect(1)
        .mount(&server)
        .await;
    let l = client(&server)
        .health()
        .appointments()
        .list(ListAppointmentsParams::new())
        .await
        .unwrap();
    assert!(l.appointments.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Finance
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn finance_profile_money_is_exact() {
    let server = MockServer::start().await;
    get("/api/finance/profile")
        .and(no_query())
        .respond_with(raw(
            200,
            r#"{"data": {"id": "fin_abc123", "userId": "usr_abc123", "currency": "MXN",
                "monthlyIncome": 25000, "totalAssets": 150000, "totalLiabilities": 80000.10,
                "netWorth": 69999.90}, "meta": {"requestId": "req_0123456789abcdef"}}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;
    let p = client(&server).finance().profile().await.unwrap();
    assert_eq!(p.id, "fin_abc123");
    assert_eq!(p.currency.as_deref(), Some("MXN"));
    assert_eq!(p.monthly_income, Money::from(25000));
    assert_eq!(p.total_assets, Money::from(150_000));
    assert_eq!(p.total_liabilities.to_cents(), Some(8_000_010));
    assert_eq!(p.net_worth.as_decimal_string(), "69999.9");
    assert_eq!(p.total_assets - p.total_liabilities, p.net_worth);
}

#[tokio::test]
async fn finance_accounts_list() {
    let server = MockServer::start().await;
    get("/api/finance/accounts")
        .and(no_query())
        .respond_with(raw(
            200,
            r#"{"data": {"accounts": [
                {"id": "acc_001", "name": "Cuenta de Ahorro", "type": "SAVINGS", "balance": 45000, "currency": "MXN", "institution": "BBVA"},
                {"id": "acc_002", "name": "Tarjeta de Crédito", "type": "CREDIT_CARD", "balance": -12000, "creditLimit": 30000, "institution": "Santander"}
            ]}}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;
    let l = client(&server).finance().accounts().list().await.unwrap();
    assert_eq!(l.accounts.len(), 2);
    let (a, b) = (&l.accounts[0], &l.accounts[1]);
    assert_eq!(
        (a.id.as_str(), a.kind.clone()),
        ("acc_001", AccountType::Savings)
    );
    assert_eq!(a.balance, Money::from(45000));
    assert_eq!(a.currency.as_deref(), Some("MXN"));
    assert_eq!(a.institution.as_deref(), Some("BBVA"));
    assert_eq!(a.credit_limit, None);
    assert_eq!(b.kind, AccountType::CreditCard);
    assert_eq!(b.balance, Money::from(-12000));
    assert!(b.balance.is_negative());
    assert_eq!(b.credit_limit, Some(Money::from(30000)));
}

const TXN_PAGE_1: &str = r#"{"data": {
    "transactions": [
        {"id": "txn_001", "accountId": "acc_001", "amount": -350.50, "description": "Supermercado", "category": "FOOD", "date": "2025-10-14T10:00:00Z", "type": "EXPENSE"},
        {"id": "txn_002", "accountId": "acc_001", "amount": 25000, "description": "Salario", "category": "INCOME", "date": "2025-10-01T00:00:00Z", "type": "INCOME"}
    ],
    "summary": {"totalIncome": 25000, "totalExpenses": 12450, "netFlow": 12550},
    "pagination": {"nextCursor": "txn_050", "hasMore": true}
}, "meta": {"requestId": "req_0000000000000001"}}"#;

const TXN_PAGE_2: &str = r#"{"data": {
    "transactions": [
        {"id": "txn_050", "accountId": "acc_001", "amount": -0.10, "description": "Comisión", "category": "FOOD", "date": "2025-10-20T10:00:00Z", "type": "EXPENSE"}
    ],
    "summary": {"totalIncome": 25000, "totalExpenses": 12450, "netFlow": 12550},
    "pagination": {"hasMore": false}
}, "meta": {"requestId": "req_0000000000000002"}}"#;

#[tokio::test]
async fn finance_transactions_list_pages_by_cursor_with_summary_on_each_page() {
    let server = MockServer::start().await;
    let filter = [
        ("accountId", "acc_001"),
        ("from", "2025-10-01"),
        ("to", "2025-10-31"),
        ("category", "FOOD"),
        ("limit", "2"),
    ];
    let with_cursor = |c: &'static str| {
        let mut v = filter.to_vec();
        v.push(("cursor", c));
        v
    };
    get("/api/finance/transactions")
        .and(query_is(&with_cursor("txn_000")))
        .respond_with(raw(200, TXN_PAGE_1))
        .expect(1)
        .mount(&server)
        .await;
    get("/api/finance/transactions")
        .and(query_is(&with_cursor("txn_050")))
        .respond_with(raw(200, TXN_PAGE_2))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    let mut pager = c.finance().transactions().list(
        ListTransactionsParams::new()
            .account_id("acc_001")
            .from("2025-10-01")
            .to("2025-10-31")
            .category(TransactionCategory::Food)
            .cursor("txn_000")
            .limit(2),
    );
    let mut pages = Vec::new();
    while let Some(p) = pager.next_page().await.unwrap() {
        pages.push(p);
    }
    assert_eq!(pages.len(), 2);
    for p in &pages {
        assert_eq!(p.summary.total_income, Money::from(25000));
        assert_eq!(p.summary.total_expenses, Money::from(12450));
        assert_eq!(p.summary.net_flow, Money::from(12550));
    }
    let t = &pages[0].transactions[0];
    assert_eq!(t.id, "txn_001");
    assert_eq!(t.account_id, "acc_001");
    assert_eq!(t.amount, money("-350.50"));
    assert_eq!(t.amount.to_cents(), Some(-35050));
    assert_eq!(t.amount.as_decimal_string(), "-350.5");
    assert_eq!(t.description.as_deref(), Some("Supermercado"));
    assert_eq!(t.category, Some(TransactionCategory::Food));
    assert_eq!(t.kind, Some(TransactionType::Expense));
    assert_eq!(t.date.as_deref(), Some("2025-10-14T10:00:00Z"));
    assert_eq!(pages[0].transactions[1].amount, Money::from(25000));
    assert_eq!(pages[0].pagination.next_cursor.as_deref(), Some("txn_050"));
    let small = &pages[1].transactions[0];
    assert_eq!(small.amount.to_cents(), Some(-10));
    assert_eq!(small.amount.as_decimal_string(), "-0.1");
    let total: Money = pages
        .iter()
        .flat_map(|p| &p.transactions)
        .map(|t| t.amount)
        .sum();
    assert_eq!(total.as_decimal_string(), "24649.4");
}

#[tokio::test]
async fn finance_transactions_collect_all_from_the_first_page() {
    let server = MockServer::start().await;
    get("/api/finance/transactions")
        .and(no_query())
        .respond_with(raw(200, TXN_PAGE_1))
        .expect(1)
        .mount(&server)
        .await;
    get("/api/finance/transactions")
        .and(query_is(&[("cursor", "txn_050")]))
        .respond_with(raw(200, TXN_PAGE_2))
        .expect(1)
        .mount(&server)
        .await;
    let all = client(&server)
        .finance()
        .transactions()
        .list(ListTransactionsParams::new())
        .collect_all()
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["txn_001", "txn_002", "txn_050"]);
}

#[tokio::test]
async fn finance_transactions_create_sends_the_amount_as_a_number() {
    let server = MockServer::start().await;
    send(
        "POST",
        "/api/finance/transactions",
        json!({"accountId": "acc_001", "amount": -150, "description": "Gasolina",
               "category": "TRANSPORT", "date": "2025-10-15T08:00:00Z"}),
    )
    .respond_with(raw(
        201,
        r#"{"data": {"id": "txn_new001", "accountId": "acc_001", "amount": -150.00, "description": "Gasolina",
            "category": "TRANSPORT", "createdAt": "2025-10-15T10:50:00Z"}}"#,
    ))
    .expect(1)
    .mount(&server)
    .await;
    let t = client(&server)
        .finance()
        .transactions()
        .create(
            CreateTransactionParams::new("acc_001", money("-150.00"), "Gasolina")
                .category(TransactionCategory::Transport)
                .date("2025-10-15T08:00:00Z"),
        )
        .await
        .unwrap();
    assert_eq!(t.id, "txn_new001");
    assert_eq!(t.amount, Money::from(-150));
    assert_eq!(t.category, Some(TransactionCategory::Transport));
    assert_eq!(t.created_at.as_deref(), Some("2025-10-15T10:50:00Z"));
    let body: Value = server.received_requests().await.unwrap()[0]
        .body_json()
        .unwrap();
    assert!(
        body["amount"].is_number(),
        "amount must be a JSON number: {body}"
    );
    assert_eq!(body["amount"].as_f64(), Some(-150.0));
}

#[tokio::test]
async fn finance_transactions_create_keeps_cents_exact() {
    let server = MockServer::start().await;
    send(
        "POST",
        "/api/finance/transactions",
        json!({"accountId": "acc_001", "amount": -350.5, "description": "Supermercado", "type": "EXPENSE"}),
    )
    .respond_with(raw(
        201,
        r#"{"data": {"id": "txn_new002", "accountId": "acc_001", "amount": -350.50, "description": "Supermercado"}}"#,
    ))
    .expect(1)
    .mount(&server)
    .await;
    let t = client(&server)
        .finance()
        .transactions()
        .create(
            CreateTransactionParams::new("acc_001", Money::from_cents(-35050), "Supermercado")
                .kind(TransactionType::Expense),
        )
        .await
        .unwrap();
    assert_eq!(t.amount.to_cents(), Some(-35050));
    let reqs = server.received_requests().await.unwrap();
    let text = String::from_utf8(reqs[0].body.clone()).unwrap();
    assert!(text.contains("\"amount\":-350.5"), "{text}");
}

#[tokio::test]
async fn finance_budgets_list() {
    let server = MockServer::start().await;
    get("/api/finance/budgets")
        .and(no_query())
        .respond_with(raw(
            200,
            r#"{"data": {"budgets": [{
                "id": "bdg_001", "name": "Alimentación Octubre", "category": "FOOD", "amount": 4000,
                "spent": 2850.50, "remaining": 1149.50, "percentage": 71.26, "status": "ON_TRACK",
                "period": "MONTHLY", "startDate": "2025-10-01T00:00:00Z", "endDate": "2025-10-31T23:59:59Z"
            }]}}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;
    let l = client(&server).finance().budgets().list().await.unwrap();
    let b = &l.budgets[0];
    assert_eq!(b.id, "bdg_001");
    assert_eq!(b.name, "Alimentación Octubre");
    assert_eq!(b.category, Some(TransactionCategory::Food));
    assert_eq!(b.amount, Money::from(4000));
    assert_eq!(b.spent, money("2850.50"));
    assert_eq!(b.remaining, money("1149.50"));
    assert_eq!(b.spent + b.remaining, b.amount);
    assert_eq!(b.percentage, 71.26);
    assert_eq!(b.status, BudgetStatus::OnTrack);
    assert_eq!(b.period, BudgetPeriod::Monthly);
    assert_eq!(b.end_date.as_deref(), Some("2025-10-31T23:59:59Z"));
}

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn webhooks_create() {
    let server = MockServer::start().await;
    let events = ["conversation.created", "message.sent", "agent.invoked"];
    send(
        "POST",
        "/api/webhooks",
        json!({"url": "https://your-app.com/webhook", "events": events, "secret": "whsec_your_secret"}),
    )
    .respond_with(created(json!({
        "id": "wh_01hf3k2m9q", "url": "https://your-app.com/webhook", "events": events,
        "createdAt": "2025-10-15T10:30:00Z"
    })))
    .expect(1)
    .mount(&server)
    .await;
    let w = client(&server)
        .webhooks()
        .create(CreateWebhookParams::new(
            "https://your-app.com/webhook",
            events,
            "whsec_your_secret",
        ))
        .await
        .unwrap();
    assert_eq!(w.id, "wh_01hf3k2m9q");
    assert_eq!(w.url, "https://your-app.com/webhook");
    assert_eq!(w.events, events);
    assert_eq!(w.created_at.as_deref(), Some("2025-10-15T10:30:00Z"));
}

// ---------------------------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn empty_ids_are_rejected_before_sending() {
    let server = MockServer::start().await;
    let c = client(&server);
    for id in ["", "   "] {
        assert_invalid(c.users().delete(id).await, "users.delete");
        assert_invalid(c.agents().get(id).await, "agents.get");
        assert_invalid(c.agents().delete(id).await, "agents.delete");
        assert_invalid(
            c.conversations()
                .get(id, GetConversationParams::new())
                .await,
            "conversations.get",
        );
        assert_invalid(
            c.conversations().send_message(id, "hola").await,
            "conversations.send_message",
        );
        assert_invalid(c.conversations().stream(id).await, "conversations.stream");
        assert_invalid(c.conversations().delete(id).await, "conversations.delete");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// `url` drops `.` and `..` path segments, so unchecked such an id would address the collection
/// (`users().delete("..")` would send `DELETE /api/users`); it also drops tabs and line breaks
/// (`"usr_1\n23"` would address `usr_123`).
#[tokio::test]
async fn dot_segment_ids_are_rejected_before_sending() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ok(
            json!({"message": "deleted everything", "deletedUserId": "", "deletedAgentId": "",
                                "deletedConversationId": ""}),
        ))
        .mount(&server)
        .await;
    let c = client(&server);
    for id in [
        ".",
        "..",
        "usr_1\n23",
        "usr_1\r\n23",
        "usr_123\t",
        "a\u{7f}b",
        "a\u{85}b",
    ] {
        assert_invalid(c.users().delete(id).await, "users.delete");
        assert_invalid(c.agents().get(id).await, "agents.get");
        assert_invalid(c.agents().delete(id).await, "agents.delete");
        assert_invalid(
            c.conversations()
                .get(id, GetConversationParams::new())
                .await,
            "conversations.get",
        );
        assert_invalid(
            c.conversations().send_message(id, "hola").await,
            "conversations.send_message",
        );
        assert_invalid(c.conversations().stream(id).await, "conversations.stream");
        assert_invalid(c.conversations().delete(id).await, "conversations.delete");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn ids_with_reserved_characters_are_percent_encoded() {
    let server = MockServer::start().await;
    delete("/api/users/a%2Fb")
        .respond_with(ok(
            json!({"message": "User deleted successfully", "deletedUserId": "a/b"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    get("/api/agents/agt%201%2Fx%3Fy%23z")
        .and(no_query())
        .respond_with(ok(json!({"id": "agt 1/x?y#z", "name": "Odd"})))
        .expect(1)
        .mount(&server)
        .await;
    delete("/api/agents/a%2Fb")
        .respond_with(ok(
            json!({"message": "Agent deleted successfully", "deletedAgentId": "a/b"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    get("/api/conversations/a%2Fb")
        .and(query_is(&[("messageLimit", "5")]))
        .respond_with(ok(json!({"id": "a/b", "agentId": "agt_personal_001"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/conversations/a%2Fb/messages"))
        .and(JsonBody(json!({"content": "hola"})))
        .respond_with(sse(&["x"], "msg_1"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/conversations/a%2Fb/messages/stream"))
        .respond_with(sse(&["y"], "msg_2"))
        .expect(1)
        .mount(&server)
        .await;
    delete("/api/conversations/a%2Fb")
        .respond_with(ok(
            json!({"message": "Conversation deleted successfully", "deletedConversationId": "a/b"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    assert_eq!(
        c.users().delete("a/b").await.unwrap().deleted_user_id,
        "a/b"
    );
    assert_eq!(
        c.agents().get("agt 1/x?y#z").await.unwrap().id,
        "agt 1/x?y#z"
    );
    assert_eq!(
        c.agents().delete("a/b").await.unwrap().deleted_agent_id,
        "a/b"
    );
    let conv = c
        .conversations()
        .get("a/b", GetConversationParams::new().message_limit(5))
        .await
        .unwrap();
    assert_eq!(conv.id, "a/b");
    let sent = c
        .conversations()
        .send_message("a/b", "hola")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap();
    assert_eq!(sent.text, "x");
    let streamed = c
        .conversations()
        .stream("a/b")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap();
    assert_eq!(streamed.text, "y");
    assert_eq!(
        c.conversations()
            .delete("a/b")
            .await
            .unwrap()
            .deleted_conversation_id,
        "a/b"
    );
}

// ---------------------------------------------------------------------------------------------
// Answers handed over undecoded (`RequestOptions::raw_answer`, for the bindings)
// ---------------------------------------------------------------------------------------------

/// A sink that records what it receives: typed answers as JSON, raw ones by their body.
struct Recorder {
    take_raw: bool,
}

impl agents_sdk::dispatch::Sink for Recorder {
    type Out = (&'static str, String);
    fn accept<T: serde::Serialize + Send + 'static>(self, value: T) -> Self::Out {
        ("typed", serde_json::to_string(&value).unwrap())
    }
    fn accept_raw<T, U>(
        self,
        raw: agents_sdk::dispatch::RawAnswer,
        items: fn(T) -> U,
    ) -> agents_sdk::Result<Self::Out>
    where
        T: serde::de::DeserializeOwned + Send + 'static,
        U: serde::Serialize + Send + 'static,
    {
        if self.take_raw {
            assert_eq!(raw.meta().status, 200);
            return Ok(("raw", String::from_utf8(raw.body().to_vec()).unwrap()));
        }
        let value = items(raw.decode::<T>()?);
        Ok(("decoded", serde_json::to_string(&value).unwrap()))
    }
}

#[tokio::test]
async fn a_raw_answer_reaches_the_sink_undecoded_and_decodes_as_the_typed_call() {
    let server = MockServer::start().await;
    let body =
        r#"{"data":{"agents":[{"id":"agt_1","name":"A","extra":1}]},"meta":{"requestId":"r"}}"#;
    get("/api/agents")
        .respond_with(raw(200, body))
        .mount(&server)
        .await;
    let c = client(&server);
    let call = |o: agents_sdk::RequestOptions, take_raw: bool| {
        dispatch::call(&c, "agents.list", json!({}), o, Recorder { take_raw }).unwrap()
    };
    let plain = agents_sdk::RequestOptions::new();
    let typed = call(plain.clone(), false).await.unwrap();
    assert_eq!(typed.0, "typed");
    // the body as the server sent it
    let handed = call(plain.clone().raw_answer(true), true).await.unwrap();
    assert_eq!(handed, ("raw", body.to_owned()));
    // decoded by the sink, the same value as the typed call, the list picked out
    let decoded = call(plain.clone().raw_answer(true), false).await.unwrap();
    assert_eq!(decoded, ("decoded", typed.1.clone()));
    assert!(typed.1.starts_with('['));
    // a capture (a raw response) keeps the typed path, and its metadata
    let capture = agents_sdk::ResponseCapture::new();
    let captured = call(plain.raw_answer(true).capture(&capture), true)
        .await
        .unwrap();
    assert_eq!(captured.0, "typed");
    assert_eq!(capture.get().unwrap().request_id.as_deref(), Some("r"));
}

/// The error of `agents().get("agt_1")`, typed and through a raw answer decoded by the sink.
async fn get_agent_typed_and_raw(c: &Client) -> (Error, Error) {
    let typed = c.agents().get("agt_1").await.unwrap_err();
    let o = agents_sdk::RequestOptions::new().raw_answer(true);
    let raw = dispatch::call(
        c,
        "agents.get",
        json!({"id": "agt_1"}),
        o,
        Recorder { take_raw: false },
    )
    .unwrap()
    .await
    .unwrap_err();
    (typed, raw)
}

#[tokio::test]
async fn a_raw_answer_that_does_not_decode_fails_as_the_typed_call() {
    let server = MockServer::start().await;
    get("/api/agents/agt_1")
        .respond_with(raw(200, r#"{"data":{"name":"no id"}}"#))
        .mount(&server)
        .await;
    let (typed, raw) = get_agent_typed_and_raw(&client(&server)).await;
    assert!(
        matches!(
            raw,
            Error::Decode {
                status: Some(200),
                ..
            }
        ),
        "{raw:?}"
    );
    assert_eq!(raw.to_string(), typed.to_string());
}

/// A raw answer that quotes the caller's key in a body that does not decode: the key is not
/// in the error the sink's decoding gives (as in the typed call's).
#[tokio::test]
async fn a_raw_answer_quoting_the_key_fails_without_it() {
    let server = MockServer::start().await;
    let body = format!(r#"{{"data":{{"name":"you sent {KEY}","id":7,"note":"{KEY}"}}}}"#);
    get("/api/agents/agt_1")
        .respond_with(raw(200, &body))
        .mount(&server)
        .await;
    let (typed, raw) = get_agent_typed_and_raw(&client(&server)).await;
    for err in [&typed, &raw] {
        let shown = format!("{err} {err:?}");
        assert!(matches!(err, Error::Decode { .. }), "{shown}");
        assert!(
            !shown.contains(KEY) && shown.contains("[REDACTED]"),
            "{shown}"
        );
    }
}

/// The number of items of a paginated list's first page.
struct FirstPage;

impl agents_sdk::dispatch::PagesSink for FirstPage {
    type Out = futures::future::BoxFuture<'static, agents_sdk::Result<usize>>;
    fn accept<P>(self, pages: agents_sdk::Paginator<P>) -> Self::Out
    where
        P: agents_sdk::Paged + serde::Serialize + serde::de::DeserializeOwned + Sync,
        P::Item: serde::Serialize + Sync,
    {
        Box::pin(async move { Ok(pages.first_page().await?.items().len()) })
    }
}

#[tokio::test]
async fn streams_and_pages_ignore_raw_answer() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/conversations/conv_1/messages"))
        .respond_with(sse(&["ho", "la"], "msg_1"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/users"))
        .respond_with(ok(json!({
            "users": [{"id": "u1", "email": "a@b.c", "role": "USER"}],
            "pagination": {"page": 1, "limit": 20, "total": 1, "pages": 1}
        })))
        .mount(&server)
        .await;
    let c = client(&server);
    let o = agents_sdk::RequestOptions::new().raw_answer(true);
    let stream = dispatch::stream(
        &c,
        "conversations.send_message",
        json!({"id": "conv_1", "content": "hola"}),
        o,
    )
    .unwrap()
    .await
    .unwrap();
    let tokens: Vec<String> = stream
        .filter_map(|e| async move {
            match e.unwrap() {
                ConversationEvent::Token(t) => Some(t.token),
                _ => None,
            }
        })
        .collect()
        .await;
    assert_eq!(tokens, ["ho", "la"]);
    let o = agents_sdk::RequestOptions::new().raw_answer(true);
    let first = dispatch::paginate(&c, "users.list", json!({}), o, FirstPage).unwrap();
    assert_eq!(first.await.unwrap(), 1);
}
