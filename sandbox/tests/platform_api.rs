//! Platform REST endpoints of the sandbox: happy paths, validation, roles, isolation,
//! pagination, error format and rate limits.

use std::collections::HashSet;

use agents_sandbox::Sandbox;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

struct Api {
    http: reqwest::Client,
    base: String,
    key: String,
    admin: String,
}

struct Reply {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    body: Value,
}

impl Reply {
    fn data(&self) -> &Value {
        &self.body["data"]
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status.as_u16(), status, "{}", self.body);
        assert_eq!(self.body["error"]["code"], code, "{}", self.body);
        assert!(self.body["error"]["message"].is_string(), "{}", self.body);
        let rid = self.body["meta"]["requestId"].as_str().expect("error meta");
        assert_eq!(Some(rid), self.header("x-request-id"));
    }

    fn assert_validation(&self, field: &str) {
        self.assert_error(400, "VALIDATION_ERROR");
        assert_eq!(
            self.body["error"]["details"]["field"], field,
            "{}",
            self.body
        );
        assert!(self.body["error"]["details"]["issue"].is_string());
        assert!(self.body["error"]["details"]["expected"].is_string());
    }
}

fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .expect("client")
}

impl Api {
    fn new(sb: &Sandbox) -> Api {
        Api {
            http: client(),
            base: sb.platform_url(),
            key: sb.api_key().to_string(),
            admin: sb.admin_api_key().to_string(),
        }
    }

    async fn raw(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<Vec<u8>>,
    ) -> Reply {
        let mut req = self.http.request(method, format!("{}{}", self.base, path));
        if let Some(key) = key {
            req = req.header("Authorization", format!("Bearer {key}"));
        }
        if let Some(body) = body {
            req = req.header("Content-Type", "application/json").body(body);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status();
        let headers = resp.headers().clone();
        let bytes = resp.bytes().await.expect("body");
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes)))
        };
        Reply {
            status,
            headers,
            body,
        }
    }

    async fn as_key(&self, key: &str, method: Method, path: &str, body: Option<Value>) -> Reply {
        self.raw(
            method,
            path,
            Some(key),
            body.map(|b| b.to_string().into_bytes()),
        )
        .await
    }

    async fn get(&self, path: &str) -> Reply {
        self.as_key(&self.key, Method::GET, path, None).await
    }

    async fn admin_get(&self, path: &str) -> Reply {
        self.as_key(&self.admin, Method::GET, path, None).await
    }

    async fn send(&self, method: Method, path: &str, body: Value) -> Reply {
        self.as_key(&self.key, method, path, Some(body)).await
    }

    async fn admin_send(&self, method: Method, path: &str, body: Value) -> Reply {
        self.as_key(&self.admin, method, path, Some(body)).await
    }

    async fn delete(&self, key: &str, path: &str) -> Reply {
        self.as_key(key, Method::DELETE, path, None).await
    }
}

async fn setup() -> (Sandbox, Api) {
    let sb = Sandbox::start().await.expect("sandbox");
    let api = Api::new(&sb);
    (sb, api)
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|v| v["id"].as_str().expect("id").to_string())
        .collect()
}

#[tokio::test]
async fn envelope_request_ids_and_rate_limit_headers() {
    let (_sb, api) = setup().await;
    let a = api.get("/users/me").await;
    assert_eq!(a.status, 200);
    let d = a.data();
    assert_eq!(d["id"], "usr_abc123");
    assert_eq!(d["role"], "USER");
    assert_eq!(d["subscriptionTier"], "FREE");
    assert_eq!(
        d["limits"],
        json!({"monthlyMessages": 100, "monthlyTokens": 100000, "agentsAllowed": 3})
    );
    assert_eq!(d["usage"]["messagesUsed"], 45);
    let rid = a.body["meta"]["requestId"].as_str().unwrap();
    assert_eq!(Some(rid), a.header("x-request-id"));
    assert!(rid.starts_with("req_") && rid.len() == 20);
    let ts = a.body["meta"]["timestamp"].as_str().unwrap();
    assert!(ts.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(ts).is_ok());
    assert_eq!(a.header("x-ratelimit-limit"), Some("100"));
    let first_remaining: u64 = a.header("x-ratelimit-remaining").unwrap().parse().unwrap();
    let reset: u64 = a.header("x-ratelimit-reset").unwrap().parse().unwrap();
    assert!(reset > chrono::Utc::now().timestamp() as u64);

    let b = api.get("/users/me").await;
    assert_ne!(b.body["meta"]["requestId"], a.body["meta"]["requestId"]);
    let second_remaining: u64 = b.header("x-ratelimit-remaining").unwrap().parse().unwrap();
    assert_eq!(second_remaining + 1, first_remaining);

    let admin = api.admin_get("/users/me").await;
    assert_eq!(admin.data()["role"], "ADMIN");
    assert_eq!(admin.data()["subscriptionTier"], "BUSINESS");
    assert_eq!(admin.header("x-ratelimit-limit"), Some("10000"));
}

#[tokio::test]
async fn the_user_agent_is_echoed() {
    let (sb, api) = setup().await;
    let url = format!("{}/users/me", sb.platform_url());
    let bearer = format!("Bearer {}", sb.api_key());
    let with = api
        .http
        .get(&url)
        .header("Authorization", &bearer)
        .header("User-Agent", "scenario-suite/1.0")
        .send()
        .await
        .expect("request");
    assert_eq!(with.status(), 200);
    assert_eq!(
        with.headers()
            .get("x-sandbox-user-agent")
            .and_then(|v| v.to_str().ok()),
        Some("scenario-suite/1.0")
    );
    // errors and injected faults echo it too; a request without one gets no echo
    let fault = api
        .http
        .get(&url)
        .header("Authorization", &bearer)
        .header("User-Agent", "ua-on-a-fault")
        .header("X-Sandbox-Fault", "status=503")
        .send()
        .await
        .expect("request");
    assert_eq!(fault.status(), 503);
    assert_eq!(
        fault
            .headers()
            .get("x-sandbox-user-agent")
            .map(|v| v.as_bytes()),
        Some(&b"ua-on-a-fault"[..])
    );
    let without = api.get("/users/me").await;
    assert_eq!(without.header("x-sandbox-user-agent"), None);
}

#[tokio::test]
async fn auth_endpoints_and_api_keys() {
    let (_sb, api) = setup().await;
    api.raw(Method::GET, "/users/me", None, None)
        .await
        .assert_error(401, "UNAUTHORIZED");
    api.as_key("cj_live_nope", Method::GET, "/users/me", None)
        .await
        .assert_error(401, "UNAUTHORIZED");

    let signin = api.raw(Method::POST, "/auth/signin", None, None).await;
    assert_eq!(signin.status, 302);
    let location = signin.header("location").unwrap();
    assert!(
        location.starts_with("https://accounts.google.com/o/oauth2/v2/auth?"),
        "{location}"
    );
    assert!(location.contains("response_type=code") && location.contains("state="));

    let session = api.get("/auth/session").await;
    assert_eq!(session.status, 200);
    assert_eq!(session.data()["user"]["email"], "user@example.com");
    assert_eq!(session.data()["user"]["subscriptionTier"], "FREE");
    assert!(session.data()["expires"].is_string());

    let out = api
        .as_key(&api.key, Method::POST, "/auth/signout", None)
        .await;
    assert_eq!(out.status, 200);
    assert_eq!(out.data()["message"], "Signed out successfully");

    let minted = api
        .as_key(&api.admin, Method::POST, "/auth/api-keys", None)
        .await;
    assert_eq!(minted.status, 201);
    let key = minted.data()["apiKey"].as_str().unwrap().to_string();
    assert!(key.starts_with("cj_live_"));
    assert!(minted.data()["expiresAt"].is_string());
    let me = api.as_key(&key, Method::GET, "/users/me", None).await;
    assert_eq!(me.data()["id"], "usr_admin001");
}

#[tokio::test]
async fn users_list_is_admin_only_and_paginates() {
    let (_sb, api) = setup().await;
    api.get("/users").await.assert_error(403, "FORBIDDEN");

    let first = api.admin_get("/users").await;
    assert_eq!(first.status, 200);
    let p = &first.data()["pagination"];
    assert_eq!(p["page"], 1);
    assert_eq!(p["limit"], 20);
    assert_eq!(p["total"], 150);
    assert_eq!(p["pages"], 8);
    let user = &first.data()["users"][0];
    for field in ["id", "email", "name", "role", "isActive", "createdAt"] {
        assert!(!user[field].is_null(), "missing {field}");
    }

    let mut seen = HashSet::new();
    for page in 1..=8 {
        let r = api.admin_get(&format!("/users?page={page}")).await;
        for id in ids(&r.data()["users"]) {
            assert!(seen.insert(id), "duplicate across pages");
        }
    }
    assert_eq!(seen.len(), 150);
    let beyond = api.admin_get("/users?page=9").await;
    assert_eq!(beyond.data()["users"], json!([]));

    let big = api.admin_get("/users?limit=100&page=2").await;
    assert_eq!(big.data()["users"].as_array().unwrap().len(), 50);

    let admins = api.admin_get("/users?role=ADMIN&limit=100").await;
    let list = admins.data()["users"].as_array().unwrap();
    assert!(list.len() >= 2);
    assert!(list.iter().all(|u| u["role"] == "ADMIN"));
    assert_eq!(admins.data()["pagination"]["total"], list.len());

    let johns = api.admin_get("/users?search=JOHN&limit=100").await;
    let list = johns.data()["users"].as_array().unwrap();
    assert!(list.len() > 10);
    assert!(list.iter().all(|u| {
        u["name"].as_str().unwrap().to_lowercase().contains("john")
            || u["email"].as_str().unwrap().contains("john")
    }));
    let by_email = api.admin_get("/users?search=user%40example.com").await;
    assert_eq!(ids(&by_email.data()["users"]), vec!["usr_abc123"]);

    api.admin_get("/users?limit=101")
        .await
        .assert_validation("limit");
    api.admin_get("/users?page=0")
        .await
        .assert_validation("page");
    api.admin_get("/users?role=BOSS")
        .await
        .assert_validation("role");
}

#[tokio::test]
async fn invite_and_delete_users() {
    let (_sb, api) = setup().await;
    let body = json!({"email": "newuser@example.com", "role": "USER", "message": "Welcome!"});
    api.send(Method::POST, "/users/invite", body.clone())
        .await
        .assert_error(403, "FORBIDDEN");
    let inv = api
        .admin_send(Method::POST, "/users/invite", body.clone())
        .await;
    assert_eq!(inv.status, 201, "{}", inv.body);
    let id = inv.data()["invitationId"].as_str().unwrap();
    assert!(id.starts_with("inv_"));
    assert_eq!(inv.data()["email"], "newuser@example.com");
    assert!(inv.data()["inviteUrl"].as_str().unwrap().ends_with(id));
    let expires =
        chrono::DateTime::parse_from_rfc3339(inv.data()["expiresAt"].as_str().unwrap()).unwrap();
    let days = (expires.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_hours();
    assert!((167..=168).contains(&days), "{days}");

    api.admin_send(Method::POST, "/users/invite", body)
        .await
        .assert_error(409, "CONFLICT");
    api.admin_send(
        Method::POST,
        "/users/invite",
        json!({"email": "USER@example.com"}),
    )
    .await
    .assert_error(409, "CONFLICT");
    let bad = api
        .admin_send(
            Method::POST,
            "/users/invite",
            json!({"email": "not-an-email"}),
        )
        .await;
    bad.assert_validation("email");
    assert_eq!(bad.body["error"]["details"]["expected"], "string (email)");
    api.admin_send(
        Method::POST,
        "/users/invite",
        json!({"email": "x@y.com", "role": "ROOT"}),
    )
    .await
    .assert_validation("role");
    api.admin_send(Method::POST, "/users/invite", json!({"role": "USER"}))
        .await
        .assert_validation("email");

    api.delete(&api.key, "/users/usr_000010")
        .await
        .assert_error(403, "FORBIDDEN");
    let del = api.delete(&api.admin, "/users/usr_000010").await;
    assert_eq!(del.status, 200);
    assert_eq!(
        del.data(),
        &json!({"message": "User deleted successfully", "deletedUserId": "usr_000010"})
    );
    api.delete(&api.admin, "/users/usr_000010")
        .await
        .assert_error(404, "NOT_FOUND");
    assert_eq!(
        api.admin_get("/users").await.data()["pagination"]["total"],
        149
    );

    // Deleting the demo user revokes its key.
    assert_eq!(
        api.delete(&api.admin, "/users/usr_abc123").await.status,
        200
    );
    api.get("/users/me").await.assert_error(401, "UNAUTHORIZED");
}

#[tokio::test]
async fn update_me() {
    let (_sb, api) = setup().await;
    let r = api
        .send(
            Method::PATCH,
            "/users/me",
            json!({"name": "John Smith", "preferences": {"theme": "dark", "notifications": true}}),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.data(),
        &json!({"id": "usr_abc123", "name": "John Smith", "preferences": {"theme": "dark", "notifications": true}})
    );
    assert_eq!(api.get("/users/me").await.data()["name"], "John Smith");
    api.send(Method::PATCH, "/users/me", json!({"name": "  "}))
        .await
        .assert_validation("name");
    api.send(Method::PATCH, "/users/me", json!({"preferences": "dark"}))
        .await
        .assert_validation("preferences");
    api.send(Method::PATCH, "/users/me", json!({"name": 5}))
        .await
        .assert_validation("name");
    // The admin's profile is untouched.
    assert_eq!(api.admin_get("/users/me").await.data()["name"], "Ada Admin");
}

#[tokio::test]
async fn agents_visibility_create_and_delete() {
    let (_sb, api) = setup().await;
    let demo = ids(&api.get("/agents").await.data()["agents"]);
    assert!(demo.contains(&"agt_personal_001".to_string()));
    assert!(demo.contains(&"agt_custom_demo01".to_string()));
    assert!(!demo.contains(&"agt_custom_admin01".to_string()));
    let admin = ids(&api.admin_get("/agents").await.data()["agents"]);
    assert!(admin.contains(&"agt_custom_admin01".to_string()));
    assert!(!admin.contains(&"agt_custom_demo01".to_string()));

    let personal = api.get("/agents?category=personal&isPublic=true").await;
    let list = personal.data()["agents"].as_array().unwrap();
    assert_eq!(ids(&personal.data()["agents"]), vec!["agt_personal_001"]);
    assert_eq!(list[0]["createdBy"], "system");
    assert_eq!(list[0]["model"], "gemini-2.0-flash-exp");
    let health = api.get("/agents?category=health").await;
    assert!(
        health.data()["agents"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["category"] == "health")
    );
    let private = api.get("/agents?isPublic=false").await;
    assert_eq!(ids(&private.data()["agents"]), vec!["agt_custom_demo01"]);
    api.get("/agents?isPublic=maybe")
        .await
        .assert_validation("isPublic");

    let detail = api.get("/agents/agt_personal_001").await;
    assert_eq!(detail.status, 200);
    assert_eq!(
        detail.data()["config"],
        json!({"temperature": 0.7, "maxTokens": 8000, "topP": 0.9})
    );
    assert_eq!(detail.data()["createdAt"], "2025-01-01T00:00:00Z");
    assert_eq!(
        detail.data()["capabilities"],
        json!([
            "health_management",
            "financial_analysis",
            "productivity_optimization"
        ])
    );
    api.get("/agents/agt_custom_admin01")
        .await
        .assert_error(404, "NOT_FOUND");
    api.get("/agents/agt_missing")
        .await
        .assert_error(404, "NOT_FOUND");

    let created = api
        .send(
            Method::POST,
            "/agents",
            json!({
                "name": "My Custom Agent",
                "description": "An agent for X task",
                "model": "gemini-2.0-flash-exp",
                "config": {"temperature": 0.8, "maxTokens": 4000},
                "systemPrompt": "You are a helpful assistant that...",
                "isPublic": false
            }),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.data()["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("agt_custom_"));
    assert_eq!(
        created.data()["endpointUrl"],
        format!("/api/agents/{id}/chat")
    );
    assert_eq!(created.data()["name"], "My Custom Agent");
    let got = api.get(&format!("/agents/{id}")).await;
    assert_eq!(got.data()["config"]["temperature"], 0.8);
    assert_eq!(got.data()["isPublic"], false);
    api.admin_get(&format!("/agents/{id}"))
        .await
        .assert_error(404, "NOT_FOUND");

    api.send(Method::POST, "/agents", json!({"name": ""}))
        .await
        .assert_validation("name");
    api.send(Method::POST, "/agents", json!({"description": "x"}))
        .await
        .assert_validation("name");
    api.send(
        Method::POST,
        "/agents",
        json!({"name": "a", "config": {"temperature": 2.5}}),
    )
    .await
    .assert_validation("config.temperature");
    api.send(
        Method::POST,
        "/agents",
        json!({"name": "a", "config": {"maxTokens": 0}}),
    )
    .await
    .assert_validation("config.maxTokens");
    api.send(
        Method::POST,
        "/agents",
        json!({"name": "a", "isPublic": "yes"}),
    )
    .await
    .assert_validation("isPublic");

    api.delete(&api.key, "/agents/agt_personal_001")
        .await
        .assert_error(403, "FORBIDDEN");
    let admin_public = api
        .admin_send(
            Method::POST,
            "/agents",
            json!({"name": "Shared", "isPublic": true}),
        )
        .await;
    let admin_public = admin_public.data()["id"].as_str().unwrap().to_string();
    api.delete(&api.key, &format!("/agents/{admin_public}"))
        .await
        .assert_error(403, "FORBIDDEN");
    let del = api.delete(&api.key, &format!("/agents/{id}")).await;
    assert_eq!(
        del.data(),
        &json!({"message": "Agent deleted successfully", "deletedAgentId": id})
    );
    api.delete(&api.key, &format!("/agents/{id}"))
        .await
        .assert_error(404, "NOT_FOUND");
    // Admins may delete any agent.
    assert_eq!(
        api.delete(&api.admin, "/agents/agt_custom_demo01")
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn conversations_cursor_pagination_and_isolation() {
    let (_sb, api) = setup().await;
    let first = api.get("/conversations").await;
    assert_eq!(first.status, 200);
    let page1 = first.data()["conversations"].as_array().unwrap().clone();
    assert_eq!(page1.len(), 20);
    assert_eq!(page1[0]["id"], "conv_abc123");
    assert_eq!(page1[0]["title"], "Discusión sobre medicamentos");
    assert_eq!(page1[0]["messageCount"], 2);
    assert_eq!(first.data()["pagination"]["hasMore"], true);
    let cursor = first.data()["pagination"]["nextCursor"]
        .as_str()
        .unwrap()
        .to_string();
    let second = api.get(&format!("/conversations?cursor={cursor}")).await;
    let page2 = second.data()["conversations"].as_array().unwrap().clone();
    assert_eq!(page2.len(), 6);
    assert_eq!(page2[0]["id"], cursor.as_str());
    assert_eq!(
        second.data()["pagination"],
        json!({"nextCursor": null, "hasMore": false})
    );
    let all: Vec<&Value> = page1.iter().chain(page2.iter()).collect();
    let unique: HashSet<&str> = all.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(unique.len(), 26);
    let updated: Vec<&str> = all
        .iter()
        .map(|c| c["updatedAt"].as_str().unwrap())
        .collect();
    assert!(
        updated.windows(2).all(|w| w[0] >= w[1]),
        "newest updated first"
    );

    let small = api.get("/conversations?limit=5").await;
    assert_eq!(small.data()["conversations"].as_array().unwrap().len(), 5);
    let filtered = api
        .get("/conversations?agentId=agt_finance_001&limit=100")
        .await;
    let list = filtered.data()["conversations"].as_array().unwrap();
    assert!(!list.is_empty());
    assert!(list.iter().all(|c| c["agentId"] == "agt_finance_001"));
    api.get("/conversations?limit=0")
        .await
        .assert_validation("limit");
    api.get("/conversations?limit=101")
        .await
        .assert_validation("limit");
    // Any string is a well-formed cursor (the OpenAPI document says so); one that names no
    // conversation is a 404.
    api.get("/conversations?cursor=conv_nope")
        .await
        .assert_error(404, "NOT_FOUND");

    let admin = api.admin_get("/conversations").await;
    let admin_ids = ids(&admin.data()["conversations"]);
    assert_eq!(admin_ids.len(), 3);
    assert!(admin_ids.iter().all(|id| id.starts_with("conv_admin_")));
    api.admin_get("/conversations/conv_abc123")
        .await
        .assert_error(404, "NOT_FOUND");
    api.delete(&api.admin, "/conversations/conv_abc123")
        .await
        .assert_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn conversation_detail_create_and_delete() {
    let (_sb, api) = setup().await;
    let conv = api.get("/conversations/conv_abc123?messageLimit=50").await;
    assert_eq!(conv.status, 200);
    let d = conv.data();
    assert_eq!(d["agentId"], "agt_personal_001");
    assert_eq!(ids(&d["messages"]), vec!["msg_001", "msg_002"]);
    assert_eq!(d["messages"][0]["role"], "user");
    assert_eq!(
        d["messages"][0]["content"],
        "¿Cuándo debo tomar mi metformina?"
    );
    assert_eq!(d["messages"][1]["role"], "assistant");
    assert_eq!(
        d["messages"][1]["content"],
        "Según tu perfil, debes tomar Metformina 500mg cada 8 horas..."
    );
    let last = api.get("/conversations/conv_abc123?messageLimit=1").await;
    assert_eq!(ids(&last.data()["messages"]), vec!["msg_002"]);
    api.get("/conversations/conv_abc123?messageLimit=201")
        .await
        .assert_validation("messageLimit");
    api.get("/conversations/conv_abc123?messageLimit=abc")
        .await
        .assert_validation("messageLimit");
    api.get("/conversations/conv_missing")
        .await
        .assert_error(404, "NOT_FOUND");

    let created = api
        .send(
            Method::POST,
            "/conversations",
            json!({"agentId": "agt_personal_001", "initialMessage": "Hola, necesito ayuda con mis finanzas"}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.data()["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("conv_"));
    assert_eq!(created.data()["title"], "Nueva conversación");
    assert_eq!(created.data()["agentId"], "agt_personal_001");
    let got = api.get(&format!("/conversations/{id}")).await;
    let messages = got.data()["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0]["role"], "user");
    assert_eq!(
        messages[0]["content"],
        "Hola, necesito ayuda con mis finanzas"
    );
    // The new conversation is now the most recently updated one.
    assert_eq!(
        api.get("/conversations?limit=1").await.data()["conversations"][0]["id"],
        id.as_str()
    );

    let titled = api
        .send(
            Method::POST,
            "/conversations",
            json!({"agentId": "agt_custom_demo01", "title": "Mía"}),
        )
        .await;
    assert_eq!(titled.data()["title"], "Mía");
    api.send(
        Method::POST,
        "/conversations",
        json!({"agentId": "agt_custom_admin01"}),
    )
    .await
    .assert_error(404, "NOT_FOUND");
    api.send(
        Method::POST,
        "/conversations",
        json!({"agentId": "agt_nope"}),
    )
    .await
    .assert_error(404, "NOT_FOUND");
    api.send(Method::POST, "/conversations", json!({"title": "x"}))
        .await
        .assert_validation("agentId");

    let del = api.delete(&api.key, &format!("/conversations/{id}")).await;
    assert_eq!(
        del.data(),
        &json!({"message": "Conversation deleted successfully", "deletedConversationId": id})
    );
    api.get(&format!("/conversations/{id}"))
        .await
        .assert_error(404, "NOT_FOUND");
    api.delete(&api.key, &format!("/conversations/{id}"))
        .await
        .assert_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn health_profile_medications_and_appointments() {
    let (_sb, api) = setup().await;
    let p = api.get("/health/profile").await;
    assert_eq!(p.status, 200);
    let d = p.data();
    assert_eq!(
        (d["id"].as_str(), d["userId"].as_str()),
        (Some("hlth_abc123"), Some("usr_abc123"))
    );
    assert_eq!(
        (
            d["bloodType"].clone(),
            d["height"].clone(),
            d["weight"].clone()
        ),
        (json!("O+"), json!(175), json!(70))
    );
    assert_eq!(
        d["allergies"],
        json!([{"id": "alg_001", "name": "Penicilina", "severity": "HIGH"}])
    );
    assert_eq!(d["conditions"][0]["id"], "cond_001");
    assert_eq!(d["conditions"][0]["diagnosedAt"], "2020-05-15T00:00:00Z");
    let admin = api.admin_get("/health/profile").await;
    assert_eq!(admin.data()["bloodType"], "A+");
    assert_eq!(admin.data()["allergies"], json!([]));

    let upd = api
        .send(
            Method::PATCH,
            "/health/profile",
            json!({"bloodType": "AB-", "height": 176.5, "weight": 71}),
        )
        .await;
    assert_eq!(upd.status, 200);
    assert_eq!(upd.data()["bloodType"], "AB-");
    assert_eq!(upd.data()["height"], 176.5);
    assert_eq!(upd.data()["id"], "hlth_abc123");
    assert!(upd.data()["updatedAt"].is_string());
    assert_eq!(api.get("/health/profile").await.data()["weight"], 71);
    api.send(Method::PATCH, "/health/profile", json!({"bloodType": "Z+"}))
        .await
        .assert_validation("bloodType");
    api.send(Method::PATCH, "/health/profile", json!({"height": -3}))
        .await
        .assert_validation("height");
    api.send(Method::PATCH, "/health/profile", json!({"weight": "heavy"}))
        .await
        .assert_validation("weight");
    assert_eq!(
        api.admin_get("/health/profile").await.data()["bloodType"],
        "A+"
    );

    let meds = api.get("/health/medications").await;
    let med = &meds.data()["medications"][0];
    assert_eq!(med["id"], "med_001");
    assert_eq!(med["name"], "Metformina");
    assert_eq!(med["dosage"], "500mg");
    assert_eq!(med["frequency"], "Cada 8 horas");
    assert_eq!(med["startDate"], "2020-06-01T00:00:00Z");
    assert_eq!(med["isActive"], true);
    assert_eq!(med["adherenceRate"], 92.5);
    let created = api
        .send(
            Method::POST,
            "/health/medications",
            json!({"name": "Losartán", "dosage": "50mg", "frequency": "Diario",
                   "startDate": "2025-10-15T00:00:00Z", "instructions": "Por la mañana"}),
        )
        .await;
    assert_eq!(created.status, 201);
    assert!(created.data()["id"].as_str().unwrap().starts_with("med_"));
    assert_eq!(created.data()["frequency"], "Diario");
    assert!(created.data()["createdAt"].is_string());
    assert_eq!(
        api.get("/health/medications").await.data()["medications"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        ids(&api.admin_get("/health/medications").await.data()["medications"]),
        vec!["med_adm_001"]
    );
    api.send(
        Method::POST,
        "/health/medications",
        json!({"name": "X", "frequency": "Diario"}),
    )
    .await
    .assert_validation("dosage");
    api.send(
        Method::POST,
        "/health/medications",
        json!({"name": "X", "dosage": "1", "frequency": "D", "startDate": "soon"}),
    )
    .await
    .assert_validation("startDate");

    let upcoming = api.get("/health/appointments").await;
    let list = ids(&upcoming.data()["appointments"]);
    assert_eq!(list, vec!["apt_001", "apt_003"]);
    let apt = &upcoming.data()["appointments"][0];
    assert_eq!(apt["title"], "Consulta con Dr. García");
    assert_eq!(apt["type"], "CHECKUP");
    assert_eq!(apt["location"], "Hospital Central");
    let when = chrono::DateTime::parse_from_rfc3339(apt["datetime"].as_str().unwrap()).unwrap();
    assert!(when > chrono::Utc::now());
    let all = api.get("/health/appointments?upcoming=false").await;
    assert_eq!(all.data()["appointments"].as_array().unwrap().len(), 3);
    let day = when.format("%Y-%m-%d").to_string();
    let ranged = api
        .get(&format!(
            "/health/appointments?upcoming=false&from={day}&to={day}"
        ))
        .await;
    assert_eq!(ids(&ranged.data()["appointments"]), vec!["apt_001"]);
    api.get("/health/appointments?from=garbage")
        .await
        .assert_validation("from");
    api.get("/health/appointments?to=2025-02-30")
        .await
        .assert_validation("to");
    api.get("/health/appointments?upcoming=perhaps")
        .await
        .assert_validation("upcoming");
    assert_eq!(
        ids(&api.admin_get("/health/appointments").await.data()["appointments"]),
        vec!["apt_adm_001"]
    );
}

fn month_bounds() -> (String, String) {
    use chrono::Datelike;
    let now = chrono::Utc::now();
    let from = format!("{:04}-{:02}-01", now.year(), now.month());
    let (y, m) = if now.month() == 12 {
        (now.year() + 1, 1)
    } else {
        (now.year(), now.month() + 1)
    };
    let last = chrono::NaiveDate::from_ymd_opt(y, m, 1)
        .unwrap()
        .pred_opt()
        .unwrap();
    (from, last.format("%Y-%m-%d").to_string())
}

#[tokio::test]
async fn finance_profile_accounts_and_transactions() {
    let (_sb, api) = setup().await;
    let p = api.get("/finance/profile").await;
    assert_eq!(
        p.data(),
        &json!({"id": "fin_abc123", "userId": "usr_abc123", "currency": "MXN", "monthlyIncome": 25000,
                "totalAssets": 150000, "totalLiabilities": 80000, "netWorth": 70000})
    );
    assert_eq!(
        api.admin_get("/finance/profile").await.data()["currency"],
        "USD"
    );
    let accounts = api.get("/finance/accounts").await;
    let acc = accounts.data()["accounts"].as_array().unwrap();
    assert_eq!(acc[0]["id"], "acc_001");
    assert_eq!(
        (
            acc[0]["type"].clone(),
            acc[0]["balance"].clone(),
            acc[0]["institution"].clone()
        ),
        (json!("SAVINGS"), json!(45000), json!("BBVA"))
    );
    assert_eq!(
        (
            acc[1]["type"].clone(),
            acc[1]["balance"].clone(),
            acc[1]["creditLimit"].clone()
        ),
        (json!("CREDIT_CARD"), json!(-12000), json!(30000))
    );
    assert_eq!(acc[1]["institution"], "Santander");

    // Cursor pagination over the 60 seeded transactions; summary covers the whole set.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut summaries = HashSet::new();
    loop {
        let path = match &cursor {
            Some(c) => format!("/finance/transactions?cursor={c}"),
            None => "/finance/transactions".to_string(),
        };
        let r = api.get(&path).await;
        assert_eq!(r.status, 200);
        seen.extend(ids(&r.data()["transactions"]));
        summaries.insert(r.data()["summary"].to_string());
        if r.data()["pagination"]["hasMore"] == false {
            assert!(r.data()["pagination"]["nextCursor"].is_null());
            break;
        }
        cursor = Some(
            r.data()["pagination"]["nextCursor"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    assert_eq!(seen.len(), 60);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 60);
    assert_eq!(summaries.len(), 1, "summary must not depend on the page");

    let (from, to) = month_bounds();
    let month = api
        .get(&format!(
            "/finance/transactions?from={from}&to={to}&limit=100"
        ))
        .await;
    assert_eq!(
        month.data()["summary"],
        json!({"totalIncome": 25000, "totalExpenses": 12450, "netFlow": 12550})
    );
    let txns = month.data()["transactions"].as_array().unwrap();
    let t1 = txns.iter().find(|t| t["id"] == "txn_001").expect("txn_001");
    assert_eq!(
        (
            t1["amount"].clone(),
            t1["description"].clone(),
            t1["category"].clone(),
            t1["type"].clone()
        ),
        (
            json!(-350.5),
            json!("Supermercado"),
            json!("FOOD"),
            json!("EXPENSE")
        )
    );
    let t2 = txns.iter().find(|t| t["id"] == "txn_002").expect("txn_002");
    assert_eq!(
        (t2["amount"].clone(), t2["type"].clone()),
        (json!(25000), json!("INCOME"))
    );
    assert!(t2["date"].as_str().unwrap().ends_with("-01T00:00:00Z"));
    let dates: Vec<&str> = txns.iter().map(|t| t["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");

    let card = api
        .get("/finance/transactions?accountId=acc_002&limit=100")
        .await;
    assert!(
        card.data()["transactions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["accountId"] == "acc_002")
    );
    let food = api
        .get("/finance/transactions?category=FOOD&limit=100")
        .await;
    assert!(
        food.data()["transactions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["category"] == "FOOD")
    );
    assert_eq!(food.data()["summary"]["totalIncome"], 0);
    api.get("/finance/transactions?from=ayer")
        .await
        .assert_validation("from");
    api.get("/finance/transactions?limit=500")
        .await
        .assert_validation("limit");
    // A well-formed cursor that names no transaction.
    api.get("/finance/transactions?cursor=txn_zzz")
        .await
        .assert_error(404, "NOT_FOUND");

    let admin = api.admin_get("/finance/transactions").await;
    let admin_ids = ids(&admin.data()["transactions"]);
    assert_eq!(admin_ids.len(), 3);
    assert!(!admin_ids.contains(&"txn_001".to_string()));
}

#[tokio::test]
async fn create_transactions_and_budgets() {
    let (_sb, api) = setup().await;
    let budgets = api.get("/finance/budgets").await;
    let b = &budgets.data()["budgets"][0];
    assert_eq!(b["id"], "bdg_001");
    assert!(b["name"].as_str().unwrap().starts_with("Alimentación "));
    assert_eq!(
        (
            b["category"].clone(),
            b["amount"].clone(),
            b["period"].clone()
        ),
        (json!("FOOD"), json!(4000), json!("MONTHLY"))
    );
    assert_eq!(
        (
            b["spent"].clone(),
            b["remaining"].clone(),
            b["percentage"].clone(),
            b["status"].clone()
        ),
        (
            json!(2850.5),
            json!(1149.5),
            json!(71.26),
            json!("ON_TRACK")
        )
    );
    assert!(b["startDate"].as_str().unwrap().ends_with("-01T00:00:00Z"));
    assert!(b["endDate"].as_str().unwrap().ends_with("T23:59:59Z"));
    let statuses: Vec<&str> = budgets.data()["budgets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, vec!["ON_TRACK", "EXCEEDED", "WARNING"]);

    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let t = api
        .send(
            Method::POST,
            "/finance/transactions",
            json!({"accountId": "acc_001", "amount": -1000.00, "description": "Despensa", "category": "FOOD", "date": now}),
        )
        .await;
    assert_eq!(t.status, 201, "{}", t.body);
    assert!(t.data()["id"].as_str().unwrap().starts_with("txn_"));
    assert_eq!(
        (
            t.data()["amount"].clone(),
            t.data()["accountId"].clone(),
            t.data()["category"].clone()
        ),
        (json!(-1000), json!("acc_001"), json!("FOOD"))
    );
    assert!(t.data()["createdAt"].is_string());
    let after = api.get("/finance/budgets").await;
    let b = &after.data()["budgets"][0];
    assert_eq!(
        (
            b["spent"].clone(),
            b["percentage"].clone(),
            b["status"].clone()
        ),
        (json!(3850.5), json!(96.26), json!("WARNING"))
    );
    let acc = api.get("/finance/accounts").await;
    assert_eq!(acc.data()["accounts"][0]["balance"], 44000);

    let income = api
        .send(Method::POST, "/finance/transactions",
            json!({"accountId": "acc_002", "amount": 150.25, "description": "Reembolso", "category": "OTHER"}))
        .await;
    assert_eq!(income.status, 201);
    assert_eq!(
        api.get("/finance/accounts").await.data()["accounts"][1]["balance"],
        -11849.75
    );
    let listed = api
        .get("/finance/transactions?limit=100&category=OTHER")
        .await;
    let found = listed.data()["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == income.data()["id"])
        .cloned()
        .unwrap();
    assert_eq!(found["type"], "INCOME");

    let base =
        json!({"accountId": "acc_001", "amount": -1, "description": "x", "category": "FOOD"});
    let with = |k: &str, v: Value| {
        let mut b = base.clone();
        b[k] = v;
        b
    };
    api.send(
        Method::POST,
        "/finance/transactions",
        with("amount", json!(0)),
    )
    .await
    .assert_validation("amount");
    api.send(
        Method::POST,
        "/finance/transactions",
        with("amount", json!("-5")),
    )
    .await
    .assert_validation("amount");
    api.send(
        Method::POST,
        "/finance/transactions",
        with("amount", json!(1.234)),
    )
    .await
    .assert_validation("amount");
    api.send(
        Method::POST,
        "/finance/transactions",
        with("amount", json!(1e12)),
    )
    .await
    .assert_validation("amount");
    api.send(
        Method::POST,
        "/finance/transactions",
        with("description", json!("")),
    )
    .await
    .assert_validation("description");
    api.send(
        Method::POST,
        "/finance/transactions",
        with("date", json!("tomorrow")),
    )
    .await
    .assert_validation("date");
    api.send(
        Method::POST,
        "/finance/transactions",
        with("accountId", json!("acc_999")),
    )
    .await
    .assert_error(404, "NOT_FOUND");
    api.send(
        Method::POST,
        "/finance/transactions",
        with("accountId", json!("acc_adm_001")),
    )
    .await
    .assert_error(404, "NOT_FOUND");
    // The admin's budgets are its own.
    let admin = api.admin_get("/finance/budgets").await;
    assert_eq!(ids(&admin.data()["budgets"]), vec!["bdg_adm_001"]);
}

#[tokio::test]
async fn webhook_registration_validation() {
    let (_sb, api) = setup().await;
    let ok = api
        .send(Method::POST, "/webhooks", json!({"url": "https://your-app.com/webhook",
            "events": ["conversation.created", "message.sent", "agent.invoked"], "secret": "whsec_your_secret"}))
        .await;
    assert_eq!(ok.status, 201, "{}", ok.body);
    assert!(ok.data()["id"].as_str().unwrap().starts_with("wh_"));
    assert_eq!(ok.data()["url"], "https://your-app.com/webhook");
    assert_eq!(
        ok.data()["events"],
        json!(["conversation.created", "message.sent", "agent.invoked"])
    );
    assert!(ok.data()["createdAt"].is_string());
    assert!(ok.data().get("secret").is_none());
    let good = json!({"url": "http://127.0.0.1:9/x", "events": ["message.sent"], "secret": "s"});
    let with = |k: &str, v: Value| {
        let mut b = good.clone();
        b[k] = v;
        b
    };
    api.send(
        Method::POST,
        "/webhooks",
        with("url", json!("ftp://x.com/y")),
    )
    .await
    .assert_validation("url");
    api.send(Method::POST, "/webhooks", with("url", json!("not a url")))
        .await
        .assert_validation("url");
    api.send(Method::POST, "/webhooks", with("events", json!([])))
        .await
        .assert_validation("events");
    api.send(
        Method::POST,
        "/webhooks",
        with("events", json!(["message.exploded"])),
    )
    .await
    .assert_validation("events");
    api.send(
        Method::POST,
        "/webhooks",
        with("events", json!("message.sent")),
    )
    .await
    .assert_validation("events");
    api.send(Method::POST, "/webhooks", with("secret", json!("")))
        .await
        .assert_validation("secret");
    api.raw(
        Method::POST,
        "/webhooks",
        None,
        Some(good.to_string().into_bytes()),
    )
    .await
    .assert_error(401, "UNAUTHORIZED");
}

#[tokio::test]
async fn error_format_for_bad_requests() {
    let (_sb, api) = setup().await;
    api.get("/does-not-exist")
        .await
        .assert_error(404, "NOT_FOUND");
    api.raw(Method::GET, "/nothing/here", None, None)
        .await
        .assert_error(404, "NOT_FOUND");
    let wrong_method = api.as_key(&api.key, Method::PUT, "/users/me", None).await;
    assert_eq!(wrong_method.status, 405);
    assert!(wrong_method.body["error"]["code"].is_string());
    let malformed = api
        .raw(
            Method::POST,
            "/agents",
            Some(&api.key),
            Some(b"{\"name\": ".to_vec()),
        )
        .await;
    malformed.assert_validation("body");
    // a body not sent as JSON is refused (the reference's required `Content-Type` header)
    for content_type in [None, Some("text/plain")] {
        let mut req = api
            .http
            .post(format!("{}/agents", api.base))
            .bearer_auth(&api.key)
            .body(r#"{"name": "x"}"#);
        if let Some(t) = content_type {
            req = req.header("content-type", t);
        }
        let resp = req.send().await.expect("request");
        assert_eq!(resp.status(), 415);
        let body: Value = serde_json::from_slice(&resp.bytes().await.expect("body")).expect("JSON");
        assert_eq!(body["error"]["code"], "UNSUPPORTED_MEDIA_TYPE", "{body}");
        assert!(body["meta"]["requestId"].is_string(), "{body}");
    }
    api.raw(
        Method::POST,
        "/agents",
        Some(&api.key),
        Some(b"[1,2]".to_vec()),
    )
    .await
    .assert_validation("body");
    api.raw(Method::POST, "/agents", Some(&api.key), Some(Vec::new()))
        .await
        .assert_validation("body");
    api.raw(
        Method::POST,
        "/agents",
        Some(&api.key),
        Some(vec![0xff, 0xfe]),
    )
    .await
    .assert_validation("body");
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(1 << 20));
    let too_big = api
        .raw(
            Method::POST,
            "/agents",
            Some(&api.key),
            Some(huge.into_bytes()),
        )
        .await;
    too_big.assert_error(413, "PAYLOAD_TOO_LARGE");
    // Just under the limit is fine.
    let fits = format!("{{\"name\": \"{}\"}}", "x".repeat((1 << 20) - 100));
    let ok = api
        .raw(
            Method::POST,
            "/agents",
            Some(&api.key),
            Some(fits.into_bytes()),
        )
        .await;
    assert_eq!(ok.status, 201);
    api.admin_get("/users?page=%ZZ")
        .await
        .assert_validation("query");
}

#[tokio::test]
async fn rate_limits_are_enforced_per_user_tier() {
    let sb = Sandbox::builder()
        .enforce_rate_limits(true)
        .start()
        .await
        .unwrap();
    let api = Api::new(&sb);
    for i in 0..100 {
        let r = api.get("/agents").await;
        assert_eq!(r.status, 200, "request {i}");
    }
    let limited = api.get("/agents").await;
    limited.assert_error(429, "RATE_LIMIT_EXCEEDED");
    assert_eq!(
        limited.body["error"]["message"],
        "You have exceeded your rate limit"
    );
    assert_eq!(limited.body["error"]["details"]["limit"], 100);
    let reset_at = limited.body["error"]["details"]["resetAt"]
        .as_str()
        .unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(reset_at).is_ok());
    let retry: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=3600).contains(&retry));
    assert_eq!(limited.header("x-ratelimit-remaining"), Some("0"));
    // The admin (BUSINESS) has its own, larger budget.
    let admin = api.admin_get("/agents").await;
    assert_eq!(admin.status, 200);
    assert_eq!(admin.header("x-ratelimit-limit"), Some("10000"));
    // Turning enforcement off through the admin route lets the demo user through again.
    let off = api
        .http
        .post(format!(
            "{}/__sandbox/config",
            sb.platform_url().trim_end_matches("/api")
        ))
        .header("content-type", "application/json")
        .body(r#"{"enforce_rate_limits": false}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(off.status(), 200);
    let r = api.get("/agents").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("x-ratelimit-remaining"), Some("0"));
}
