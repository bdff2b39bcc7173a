//! REST endpoints of the ops sandbox: auth, conversations, config, metrics, tools, learned APIs,
//! webhooks validation, rate limits and bad input.

use std::time::Duration;

use agents_sandbox::Sandbox;
use base64::Engine as _;
use reqwest::{Method, StatusCode, header::HeaderMap};
use serde_json::{Value, json};

struct Ops {
    _sb: Sandbox,
    base: String,
    http: reqwest::Client,
    token: String,
    api_key: String,
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Value,
}

fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("http client")
}

async fn start(sb: Sandbox) -> Ops {
    let http = client();
    let base = sb.ops_url().to_string();
    let login = http
        .post(format!("{base}/api/auth/login"))
        .json_body(
            &json!({"username": sb.username().to_string(), "password": sb.password().to_string()}),
        )
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), StatusCode::OK);
    let body: Value = serde_json::from_slice(&login.bytes().await.expect("body")).expect("json");
    Ops {
        token: body["access_token"].as_str().expect("token").to_owned(),
        api_key: sb.ops_api_key().to_string(),
        base,
        http,
        _sb: sb,
    }
}

async fn ops() -> Ops {
    start(Sandbox::start().await.expect("sandbox")).await
}

/// reqwest's `json` feature is not enabled in the workspace; send JSON by hand.
trait JsonBody {
    fn json_body(self, v: &Value) -> Self;
}
impl JsonBody for reqwest::RequestBuilder {
    fn json_body(self, v: &Value) -> Self {
        self.header("content-type", "application/json")
            .body(v.to_string())
    }
}

async fn answer(resp: reqwest::Response) -> Answer {
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = resp.bytes().await.expect("body");
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("non-JSON body ({e}): {}", String::from_utf8_lossy(&bytes)));
    Answer {
        status,
        headers,
        body,
    }
}

impl Ops {
    async fn call_with(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        token: Option<&str>,
    ) -> Answer {
        let mut req = self.http.request(method, format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json_body(&b);
        }
        answer(req.send().await.expect("send")).await
    }

    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Answer {
        self.call_with(method, path, body, Some(&self.token)).await
    }

    async fn get(&self, path: &str) -> Answer {
        self.call(Method::GET, path, None).await
    }

    async fn post(&self, path: &str, body: Value) -> Answer {
        self.call(Method::POST, path, Some(body)).await
    }
}

fn assert_error(a: &Answer, status: u16, code: &str) {
    assert_eq!(a.status.as_u16(), status, "body: {}", a.body);
    assert_eq!(a.body["error"]["code"], code, "body: {}", a.body);
    assert!(
        a.body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
    assert!(a.body["error"]["details"].is_object());
}

#[tokio::test]
async fn login_issues_hs256_jwt_and_rejects_bad_credentials() {
    let o = ops().await;
    let a = o
        .call_with(
            Method::POST,
            "/api/auth/login",
            Some(json!({"username": "admin", "password": "password"})),
            None,
        )
        .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.body["token_type"], "bearer");
    assert_eq!(a.body["expires_in"], 86400);
    let token = a.body["access_token"].as_str().expect("token");
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    let dec = |s: &str| -> Value {
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(s)
                .expect("b64"),
        )
        .expect("json")
    };
    assert_eq!(dec(parts[0]), json!({"alg": "HS256", "typ": "JWT"}));
    let claims = dec(parts[1]);
    assert_eq!(claims["sub"], "admin");
    assert_eq!(
        claims["exp"].as_u64().expect("exp") - claims["iat"].as_u64().expect("iat"),
        86400
    );

    let bad = o
        .call_with(
            Method::POST,
            "/api/auth/login",
            Some(json!({"username": "admin", "password": "nope"})),
            None,
        )
        .await;
    assert_error(&bad, 401, "UNAUTHORIZED");
    let missing = o
        .call_with(
            Method::POST,
            "/api/auth/login",
            Some(json!({"username": "admin"})),
            None,
        )
        .await;
    assert_error(&missing, 400, "INVALID_REQUEST");
    assert_eq!(missing.body["error"]["details"]["parameter"], "password");
}

#[tokio::test]
async fn every_api_route_requires_a_valid_bearer() {
    let o = ops().await;
    assert_error(
        &o.call_with(Method::GET, "/api/metrics", None, None).await,
        401,
        "UNAUTHORIZED",
    );
    assert_error(
        &o.call_with(Method::GET, "/api/tools", None, Some("garbage"))
            .await,
        401,
        "UNAUTHORIZED",
    );
    // one signature character changed to another (a fixed replacement would leave the token
    // as it was whenever the signature happened to hold it already)
    let mut forged = o.token.clone().into_bytes();
    let at = forged.len() - 10;
    forged[at] = if forged[at] == b'A' { b'B' } else { b'A' };
    let forged = String::from_utf8(forged).expect("ASCII token");
    assert_ne!(forged, o.token);
    assert_error(
        &o.call_with(Method::GET, "/api/config", None, Some(&forged))
            .await,
        401,
        "UNAUTHORIZED",
    );
    let raw = o
        .http
        .get(format!("{}/api/conversations", o.base))
        .header("authorization", format!("Token {}", o.token))
        .send()
        .await
        .expect("send");
    assert_error(&answer(raw).await, 401, "UNAUTHORIZED");
    // Static API keys: the sandbox's generated key and the seed's demo key.
    for key in [o.api_key.as_str(), "tu-api-key"] {
        let a = o
            .call_with(Method::GET, "/api/metrics", None, Some(key))
            .await;
        assert_eq!(a.status, StatusCode::OK, "key {key}: {}", a.body);
    }
    // Authenticated answers carry the rate-limit headers and a request id.
    let a = o.get("/api/metrics").await;
    assert_eq!(a.headers["x-ratelimit-limit"], "60");
    assert!(a.headers.contains_key("x-ratelimit-remaining"));
    assert!(a.headers.contains_key("x-ratelimit-reset"));
    assert!(
        a.headers["x-request-id"]
            .to_str()
            .expect("id")
            .starts_with("req_")
    );
}

#[tokio::test]
async fn token_ttl_hook_produces_tokens_that_expire() {
    let o = ops().await;
    let login = |ttl: &'static str| {
        o.http
            .post(format!("{}/api/auth/login", o.base))
            .header("x-sandbox-token-ttl", ttl)
            .json_body(&json!({"username": "admin", "password": "password"}))
            .send()
    };
    let a = answer(login("1").await.expect("login")).await;
    assert_eq!(a.body["expires_in"], 1);
    let short = a.body["access_token"].as_str().expect("token").to_owned();
    assert_eq!(
        o.call_with(Method::GET, "/api/metrics", None, Some(&short))
            .await
            .status,
        StatusCode::OK
    );
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let expired = o
        .call_with(Method::GET, "/api/metrics", None, Some(&short))
        .await;
    assert_error(&expired, 401, "UNAUTHORIZED");
    assert!(
        expired.body["error"]["message"]
            .as_str()
            .expect("msg")
            .contains("expirado")
    );

    let zero = answer(login("0").await.expect("login")).await;
    let dead = zero.body["access_token"].as_str().expect("token");
    assert_error(
        &o.call_with(Method::GET, "/api/metrics", None, Some(dead))
            .await,
        401,
        "UNAUTHORIZED",
    );
    assert_error(
        &answer(login("soon").await.expect("login")).await,
        400,
        "INVALID_REQUEST",
    );
}

#[tokio::test]
async fn conversations_crud_with_seeded_conv_123() {
    let o = ops().await;
    let list = o.get("/api/conversations").await;
    assert_eq!(list.status, StatusCode::OK);
    let seeded = list.body["conversations"]
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["id"] == "conv_123")
        .expect("conv_123")
        .clone();
    assert_eq!(seeded["title"], "Gestión de AWS");
    assert_eq!(seeded["message_count"], 12);
    let one = o.get("/api/conversations/conv_123").await;
    let msgs = one.body["messages"].as_array().expect("messages");
    assert_eq!(msgs.len(), 12);
    assert_eq!(msgs[0]["role"], "user");
    assert_eq!(msgs[1]["role"], "assistant");
    assert!(msgs[1]["tool_calls"].is_array());

    let created = o.call(Method::POST, "/api/conversations", None).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.body["title"], "Nueva conversación");
    assert_eq!(created.body["message_count"], 0);
    let titled = o
        .post("/api/conversations", json!({"title": "Costos"}))
        .await;
    assert_eq!(titled.status, StatusCode::CREATED);
    let id = titled.body["id"].as_str().expect("id").to_owned();
    assert!(id.starts_with("conv_"));
    let list = o.get("/api/conversations").await;
    assert_eq!(
        list.body["conversations"][0]["id"],
        id.as_str(),
        "newest first"
    );
    let got = o.get(&format!("/api/conversations/{id}")).await;
    assert_eq!(got.body["title"], "Costos");
    assert_eq!(got.body["messages"], json!([]));
    let del = o
        .call(Method::DELETE, &format!("/api/conversations/{id}"), None)
        .await;
    assert_eq!(del.body, json!({"id": id, "deleted": true}));
    assert_error(
        &o.get(&format!("/api/conversations/{id}")).await,
        404,
        "NOT_FOUND",
    );
    assert_error(
        &o.call(Method::DELETE, "/api/conversations/conv_nope", None)
            .await,
        404,
        "NOT_FOUND",
    );
    assert_error(
        &o.post("/api/conversations", json!({"title": 7})).await,
        400,
        "INVALID_REQUEST",
    );
}

#[tokio::test]
async fn config_deep_merge_and_validation() {
    let o = ops().await;
    let cfg = o.get("/api/config").await;
    assert_eq!(
        cfg.body["llm"],
        json!({"provider": "openai", "model": "gpt-4"})
    );
    assert_eq!(cfg.body["agent"]["autonomy_level"], "semi");
    assert_eq!(cfg.body["cloud_providers"]["gcp"]["enabled"], false);

    let put = o
        .call(
            Method::PUT,
            "/api/config",
            Some(json!({"llm": {"provider": "anthropic", "model": "claude-3-5-sonnet"}})),
        )
        .await;
    assert_eq!(put.status, StatusCode::OK);
    assert_eq!(put.body["llm"]["provider"], "anthropic");
    assert_eq!(
        put.body["agent"]["autonomy_level"], "semi",
        "untouched sections stay"
    );
    let put = o
        .call(
            Method::PUT,
            "/api/config",
            Some(json!({"llm": {"model": "claude-opus"}})),
        )
        .await;
    assert_eq!(
        put.body["llm"],
        json!({"provider": "anthropic", "model": "claude-opus"})
    );

    for (patch, field) in [
        (json!({"llm": {"provider": "acme"}}), "llm.provider"),
        (
            json!({"agent": {"autonomy_level": "full"}}),
            "agent.autonomy_level",
        ),
        (json!({"billing": {}}), "billing"),
        (
            json!({"cloud_providers": {"gcp": {"enabled": "yes"}}}),
            "cloud_providers.gcp.enabled",
        ),
        (json!({"llm": "openai"}), "llm"),
    ] {
        let a = o
            .call(Method::PUT, "/api/config", Some(patch.clone()))
            .await;
        assert_error(&a, 400, "INVALID_REQUEST");
        assert_eq!(a.body["error"]["details"]["field"], field, "patch {patch}");
    }
    assert_eq!(
        o.get("/api/config").await.body["llm"]["model"],
        "claude-opus",
        "rejected patches change nothing"
    );
}

#[tokio::test]
async fn tools_catalogue_and_execution() {
    let o = ops().await;
    let tools = o.get("/api/tools").await;
    let list = tools.body["tools"].as_array().expect("tools");
    let names: Vec<&str> = list.iter().filter_map(|t| t["name"].as_str()).collect();
    for name in [
        "list_ec2_instances",
        "describe_ec2_instance",
        "start_ec2_instance",
        "stop_ec2_instance",
        "list_azure_vms",
        "list_gcp_instances",
        "get_alerts",
        "get_metrics",
    ] {
        assert!(names.contains(&name), "missing {name}");
    }
    for t in list {
        assert_eq!(t["parameters"]["type"], "object");
        assert!(t["parameters"]["properties"].is_object());
        assert!(t["parameters"]["required"].is_array());
        assert!(t["category"].is_string() && t["description"].is_string());
    }

    let a = o
        .post(
            "/api/tools/execute",
            json!({"tool": "list_ec2_instances", "parameters": {"region": "us-east-1"}}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.body["tool"], "list_ec2_instances");
    assert_eq!(a.body["success"], true);
    assert!(a.body["execution_time_ms"].is_u64());
    let instances = a.body["result"].as_array().expect("result");
    assert_eq!(instances.len(), 5);
    let running = instances
        .iter()
        .find(|i| i["state"] == "running")
        .expect("running");
    let id = running["instance_id"].as_str().expect("id").to_owned();
    assert!(id.starts_with("i-0abc"));

    let stop = o
        .post(
            "/api/tools/execute",
            json!({"tool": "stop_ec2_instance", "parameters": {"instance_id": id}}),
        )
        .await;
    assert_eq!(stop.body["result"]["previous_state"], "running");
    assert_eq!(stop.body["result"]["current_state"], "stopped");
    let desc = o
        .post(
            "/api/tools/execute",
            json!({"tool": "describe_ec2_instance", "parameters": {"instance_id": id}}),
        )
        .await;
    assert_eq!(desc.body["result"]["state"], "stopped");
    let start = o
        .post(
            "/api/tools/execute",
            json!({"tool": "start_ec2_instance", "parameters": {"instance_id": id}}),
        )
        .await;
    assert_eq!(start.body["result"]["current_state"], "running");

    let all = o
        .post("/api/tools/execute", json!({"tool": "list_ec2_instances"}))
        .await;
    assert_eq!(all.body["result"].as_array().expect("all").len(), 15);
    let crit = o
        .post(
            "/api/tools/execute",
            json!({"tool": "get_alerts", "parameters": {"severity": "critical"}}),
        )
        .await;
    assert_eq!(crit.body["result"].as_array().expect("alerts").len(), 2);
    let rg = o
        .post(
            "/api/tools/execute",
            json!({"tool": "list_azure_vms", "parameters": {"resource_group": "rg-dev"}}),
        )
        .await;
    assert_eq!(rg.body["result"].as_array().expect("vms").len(), 2);
}

#[tokio::test]
async fn tool_validation_errors_name_the_parameter() {
    let o = ops().await;
    let unknown = o
        .post("/api/tools/execute", json!({"tool": "launch_rocket"}))
        .await;
    assert_error(&unknown, 404, "NOT_FOUND");
    for (body, param) in [
        (
            json!({"tool": "describe_ec2_instance", "parameters": {}}),
            "instance_id",
        ),
        (
            json!({"tool": "list_ec2_instances", "parameters": {"region": 42}}),
            "region",
        ),
        (
            json!({"tool": "list_ec2_instances", "parameters": {"state": "paused"}}),
            "state",
        ),
        (
            json!({"tool": "get_alerts", "parameters": {"severity": "critical", "colour": "red"}}),
            "colour",
        ),
        (
            json!({"tool": "get_alerts", "parameters": "critical"}),
            "parameters",
        ),
        (json!({"parameters": {}}), "tool"),
    ] {
        let a = o.post("/api/tools/execute", body.clone()).await;
        assert_error(&a, 400, "INVALID_REQUEST");
        assert_eq!(
            a.body["error"]["details"]["parameter"], param,
            "body {body}"
        );
        assert!(
            a.body["error"]["message"]
                .as_str()
                .expect("msg")
                .contains(param)
        );
    }
    let missing = o
        .post("/api/tools/execute", json!({"tool": "stop_ec2_instance", "parameters": {"instance_id": "i-0000000000000dead"}}))
        .await;
    assert_error(&missing, 404, "NOT_FOUND");
}

#[tokio::test]
async fn metrics_follow_activity_and_config() {
    let o = ops().await;
    let before = o.get("/api/metrics").await.body;
    assert_eq!(
        before["alerts"],
        json!({"critical": 2, "warning": 5, "ok": 120})
    );
    assert_eq!(
        before["infrastructure"],
        json!({"aws_instances": 15, "azure_vms": 8, "gcp_instances": 0})
    );
    assert!(before["agent_stats"]["uptime_seconds"].is_u64());

    o.post("/api/tools/execute", json!({"tool": "get_alerts"}))
        .await;
    let chat = o
        .post("/api/chat", json!({"message": "Muéstrame las métricas"}))
        .await;
    assert_eq!(chat.status, StatusCode::OK);
    let after = o.get("/api/metrics").await.body;
    let stat = |v: &Value, k: &str| v["agent_stats"][k].as_u64().expect("stat");
    assert_eq!(
        stat(&after, "tools_executed"),
        stat(&before, "tools_executed") + 2
    );
    assert_eq!(
        stat(&after, "total_messages"),
        stat(&before, "total_messages") + 2
    );

    o.call(
        Method::PUT,
        "/api/config",
        Some(json!({"cloud_providers": {"gcp": {"enabled": true}}})),
    )
    .await;
    assert_eq!(
        o.get("/api/metrics").await.body["infrastructure"]["gcp_instances"],
        3
    );
    let gcp = o
        .post("/api/tools/execute", json!({"tool": "get_metrics"}))
        .await;
    assert_eq!(gcp.body["result"]["infrastructure"]["gcp_instances"], 3);
}

#[tokio::test]
async fn non_streaming_chat_runs_the_tool_and_stores_messages() {
    let o = ops().await;
    let a = o
        .post(
            "/api/chat",
            json!({"conversation_id": "conv_123", "message": "Lista las instancias EC2"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.body["conversation_id"], "conv_123");
    let msg = &a.body["message"];
    assert_eq!(msg["role"], "assistant");
    let content = msg["content"].as_str().expect("content");
    assert!(
        content.starts_with("Encontré 5 instancias EC2 en us-east-1: web-1 (t3.micro, running)"),
        "{content}"
    );
    assert_eq!(msg["tool_calls"][0]["tool"], "list_ec2_instances");
    assert_eq!(
        msg["tool_calls"][0]["params"],
        json!({"region": "us-east-1"})
    );
    assert_eq!(
        msg["tool_calls"][0]["result"]
            .as_array()
            .expect("result")
            .len(),
        5
    );
    let conv = o.get("/api/conversations/conv_123").await;
    let msgs = conv.body["messages"].as_array().expect("messages");
    assert_eq!(msgs.len(), 14);
    assert_eq!(msgs[12]["content"], "Lista las instancias EC2");
    assert_eq!(msgs[13]["content"], content);

    // English, and an unknown id that becomes a new conversation.
    let en = o
        .post(
            "/api/chat",
            json!({"conversation_id": "conv_custom", "message": "Show me the critical alerts"}),
        )
        .await;
    assert_eq!(en.body["conversation_id"], "conv_custom");
    assert!(
        en.body["message"]["content"]
            .as_str()
            .expect("c")
            .starts_with("There are 2 critical alerts")
    );
    assert_eq!(
        o.get("/api/conversations/conv_custom").await.body["messages"]
            .as_array()
            .expect("m")
            .len(),
        2
    );

    // Without a conversation id a new one is created.
    let fresh = o.post("/api/chat", json!({"message": "hola"})).await;
    let id = fresh.body["conversation_id"].as_str().expect("id");
    assert!(id.starts_with("conv_"));
    assert_eq!(fresh.body["message"]["tool_calls"], json!([]));

    // Stopping an instance by chat really stops it.
    let list = o.post("/api/tools/execute", json!({"tool": "list_ec2_instances", "parameters": {"region": "eu-west-1", "state": "running"}})).await;
    let target = list.body["result"][0]["instance_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let stop = o
        .post(
            "/api/chat",
            json!({"message": format!("Detén la instancia {target}")}),
        )
        .await;
    assert_eq!(
        stop.body["message"]["tool_calls"][0]["tool"],
        "stop_ec2_instance"
    );
    let desc = o
        .post(
            "/api/tools/execute",
            json!({"tool": "describe_ec2_instance", "parameters": {"instance_id": target}}),
        )
        .await;
    assert_eq!(desc.body["result"]["state"], "stopped");

    let missing = o
        .post("/api/chat", json!({"conversation_id": "conv_123"}))
        .await;
    assert_error(&missing, 400, "INVALID_REQUEST");
    assert_eq!(
        missing.body["error"]["message"],
        "El parámetro 'message' es requerido"
    );
    assert_error(
        &o.post("/api/chat", json!({"message": "  "})).await,
        400,
        "INVALID_REQUEST",
    );
    assert_error(
        &o.post("/api/chat", json!({"message": "hola", "stream": "yes"}))
            .await,
        400,
        "INVALID_REQUEST",
    );
}

#[tokio::test]
async fn learned_apis_inline_and_from_loopback_url() {
    let o = ops().await;
    let list = o.get("/api/learned-apis").await;
    let jira = &list.body["apis"][0];
    assert_eq!(jira["id"], "api_jira");
    assert_eq!(jira["name"], "Jira API");
    assert_eq!(jira["endpoints"], 47);

    let doc = json!({
        "openapi": "3.0.0",
        "info": {"title": "Pet Store", "version": "1"},
        "paths": {
            "/pets": {"get": {}, "post": {}, "parameters": []},
            "/pets/{id}": {"get": {}, "delete": {}, "patch": {}}
        }
    });
    let inline = o
        .post(
            "/api/learned-apis",
            json!({"type": "openapi", "source": doc}),
        )
        .await;
    assert_eq!(inline.status, StatusCode::CREATED, "{}", inline.body);
    assert_eq!(inline.body["name"], "Pet Store");
    assert_eq!(inline.body["endpoints"], 5);
    assert_eq!(inline.body["type"], "openapi");
    assert!(inline.body["id"].as_str().expect("id").starts_with("api_"));
    assert!(inline.body["learned_at"].is_string());
    let as_text = o
        .post(
            "/api/learned-apis",
            json!({"type": "openapi", "source": doc.to_string()}),
        )
        .await;
    assert_eq!(as_text.status, StatusCode::CREATED);
    assert_ne!(as_text.body["id"], inline.body["id"], "ids stay unique");

    // Serve a tiny document on loopback.
    let served = json!({"info": {"title": "Inventory Service"}, "paths": {"/items": {"get": {}, "put": {}}}});
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let body = served.to_string();
    let app = axum::Router::new().route(
        "/openapi.json",
        axum::routing::get(move || async move { body }),
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let url = format!("http://{addr}/openapi.json");
    let fetched = o
        .post(
            "/api/learned-apis",
            json!({"type": "openapi", "source": url}),
        )
        .await;
    assert_eq!(fetched.status, StatusCode::CREATED, "{}", fetched.body);
    assert_eq!(fetched.body["name"], "Inventory Service");
    assert_eq!(fetched.body["endpoints"], 2);
    assert_eq!(fetched.body["source"], url.as_str());
    let apis = o.get("/api/learned-apis").await.body["apis"]
        .as_array()
        .expect("apis")
        .len();
    assert_eq!(apis, 4);

    for body in [
        json!({"type": "openapi", "source": "https://api.example.com/swagger.json"}),
        json!({"type": "openapi", "source": format!("http://{addr}/missing.json")}),
        json!({"type": "openapi", "source": "http://127.0.0.1:1/openapi.json"}),
        json!({"type": "openapi", "source": "{not json"}),
        json!({"type": "openapi", "source": {"info": {"title": "No paths"}}}),
        json!({"type": "graphql", "source": doc}),
        json!({"type": "openapi"}),
    ] {
        let a = o.post("/api/learned-apis", body.clone()).await;
        assert_error(&a, 400, "INVALID_REQUEST");
    }
}

#[tokio::test]
async fn webhook_registration_validation() {
    let o = ops().await;
    let ok = o
        .post("/api/webhooks", json!({"url": "https://tu-servidor.com/webhook", "events": ["alert.critical", "tool.executed"], "secret": "tu-secreto"}))
        .await;
    assert_eq!(ok.status, StatusCode::CREATED);
    assert!(ok.body["id"].as_str().expect("id").starts_with("wh_"));
    assert_eq!(
        ok.body["events"],
        json!(["alert.critical", "tool.executed"])
    );
    assert!(ok.body["created_at"].is_string());
    assert!(
        ok.body.get("secret").is_none(),
        "the secret is never echoed"
    );
    for (body, param) in [
        (
            json!({"url": "not a url", "events": ["tool.executed"], "secret": "s"}),
            "url",
        ),
        (
            json!({"url": "ftp://x.test/h", "events": ["tool.executed"], "secret": "s"}),
            "url",
        ),
        (
            json!({"url": "http://127.0.0.1:9/h", "events": ["tool.exploded"], "secret": "s"}),
            "events",
        ),
        (
            json!({"url": "http://127.0.0.1:9/h", "events": [], "secret": "s"}),
            "events",
        ),
        (
            json!({"url": "http://127.0.0.1:9/h", "events": ["tool.executed"]}),
            "secret",
        ),
    ] {
        let a = o.post("/api/webhooks", body.clone()).await;
        assert_error(&a, 400, "INVALID_REQUEST");
        assert_eq!(
            a.body["error"]["details"]["parameter"], param,
            "body {body}"
        );
    }
}

#[tokio::test]
async fn bad_input_is_answered_in_the_ops_error_format() {
    let o = ops().await;
    let malformed = o
        .http
        .post(format!("{}/api/chat", o.base))
        .bearer_auth(&o.token)
        .header("content-type", "application/json")
        .body("{\"message\": ")
        .send()
        .await
        .expect("send");
    assert_error(&answer(malformed).await, 400, "INVALID_REQUEST");
    // a body not sent as JSON is refused, not read as JSON anyway (the reference lists
    // `Content-Type: application/json` on every request with a body)
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let mut req = o
            .http
            .post(format!("{}/api/conversations", o.base))
            .bearer_auth(&o.token)
            .body(r#"{"title": "x"}"#);
        if let Some(t) = content_type {
            req = req.header("content-type", t);
        }
        let refused = answer(req.send().await.expect("send")).await;
        assert_error(&refused, 415, "UNSUPPORTED_MEDIA_TYPE");
    }
    let vendor = o
        .http
        .post(format!("{}/api/conversations", o.base))
        .bearer_auth(&o.token)
        .header("content-type", "application/vnd.test+json; charset=utf-8")
        .body(r#"{"title": "x"}"#)
        .send()
        .await
        .expect("send");
    assert_eq!(vendor.status(), StatusCode::CREATED);
    let array = o
        .call(Method::POST, "/api/tools/execute", Some(json!([1, 2])))
        .await;
    assert_error(&array, 400, "INVALID_REQUEST");
    let huge = "x".repeat(1024 * 1024 + 10);
    let big = o
        .http
        .post(format!("{}/api/chat", o.base))
        .bearer_auth(&o.token)
        .header("content-type", "application/json")
        .body(format!("{{\"message\": \"{huge}\"}}"))
        .send()
        .await
        .expect("send");
    assert_error(&answer(big).await, 413, "PAYLOAD_TOO_LARGE");
    assert_error(&o.get("/api/nothing-here").await, 404, "NOT_FOUND");
    assert_error(&o.get("/nothing").await, 404, "NOT_FOUND");
    let wrong_method = o.call(Method::PATCH, "/api/auth/login", None).await;
    assert_eq!(wrong_method.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(wrong_method.body["error"]["code"].is_string());
    let bad_chunks = o
        .post("/api/chat?chunks=0", json!({"message": "hola"}))
        .await;
    assert_error(&bad_chunks, 400, "INVALID_REQUEST");
}

#[tokio::test]
async fn rate_limit_enforced_after_sixty_requests() {
    let sb = Sandbox::builder()
        .enforce_rate_limits(true)
        .start()
        .await
        .expect("sandbox");
    let o = start(sb).await;
    // Fixed one-minute windows: if the window rolls over mid-run, run again.
    for _attempt in 0..3 {
        let first = o.get("/api/tools").await;
        if first.status == StatusCode::TOO_MANY_REQUESTS {
            tokio::time::sleep(Duration::from_secs(1)).await;
            continue;
        }
        let reset = first.headers["x-ratelimit-reset"].clone();
        let used = 60
            - first.headers["x-ratelimit-remaining"]
                .to_str()
                .expect("r")
                .parse::<u64>()
                .expect("n");
        let mut last = first;
        for _ in used..60 {
            last = o.get("/api/tools").await;
            assert_eq!(last.status, StatusCode::OK);
        }
        assert_eq!(last.headers["x-ratelimit-remaining"], "0");
        let limited = o.get("/api/tools").await;
        if limited.headers["x-ratelimit-reset"] != reset {
            continue;
        }
        assert_error(&limited, 429, "RATE_LIMIT_EXCEEDED");
        let retry: u64 = limited.headers["retry-after"]
            .to_str()
            .expect("ra")
            .parse()
            .expect("n");
        assert!((1..=60).contains(&retry));
        assert_eq!(limited.headers["x-ratelimit-limit"], "60");
        // the limit is the user's (the seed: "60 requests por minuto por usuario"): the API
        // key acting for the same user draws on the same budget
        let by_key = o
            .call_with(Method::GET, "/api/tools", None, Some(&o.api_key))
            .await;
        if by_key.headers["x-ratelimit-reset"] != reset {
            continue;
        }
        assert_error(&by_key, 429, "RATE_LIMIT_EXCEEDED");
        return;
    }
    panic!("could not observe a 429 within three windows");
}
