//! The parity rules of the public surface, on the wire against the sandbox: clients'
//! `with_options` (client settings, credentials kept) and the `with_response` form of calls,
//! streams and pages (status, headers, request id, rate limit, attempts).

use std::time::Duration;

use agents_sandbox::Sandbox;
use agents_sdk::platform::{Client, CreateConversationParams, ListConversationsParams};
use agents_sdk::{ApiErrorKind, ClientSettings, ops};
use futures::StreamExt;

fn settings() -> ClientSettings {
    ClientSettings::default()
}

#[tokio::test]
async fn platform_with_options_changes_settings_and_keeps_the_key() {
    let sb = Sandbox::start().await.unwrap();
    let client = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.platform_url())
        .build()
        .unwrap();

    // a default header that makes the sandbox answer 503 twice per id, then succeed
    let mut s = settings();
    s.headers = vec![(
        "X-Sandbox-Fault".into(),
        "status=503;count=2;id=parity-platform".into(),
    )];
    s.max_retries = Some(0);
    let failing = client.with_options(s).unwrap();
    let err = failing.agents().list(Default::default()).await.unwrap_err();
    assert_eq!(err.as_api().unwrap().kind, ApiErrorKind::ServiceUnavailable);

    // same header, default retries again: the second 503 is retried and the call succeeds
    let mut s = settings();
    s.headers = vec![(
        "X-Sandbox-Fault".into(),
        "status=503;count=2;id=parity-platform".into(),
    )];
    s.max_retries = Some(2);
    let patient = failing.with_options(s).unwrap();
    let answer = patient
        .agents()
        .with_response(|a| async move { a.list(Default::default()).await })
        .await
        .unwrap();
    assert!(!answer.data.agents.is_empty());
    assert_eq!(answer.meta.status, 200);
    assert_eq!(answer.meta.attempts, 2, "{:?}", answer.meta);
    assert!(answer.meta.request_id.is_some());
    assert!(answer.meta.header("content-type").is_some());

    // the original client is unchanged (no fault header): one attempt
    let plain = client
        .agents()
        .with_response(|a| async move { a.list(Default::default()).await })
        .await
        .unwrap();
    assert_eq!(plain.meta.attempts, 1);

    // a bad setting is refused like the builder refuses it
    let mut s = settings();
    s.headers = vec![("bad header".into(), "x".into())];
    assert!(client.with_options(s).is_err());
    let mut s = settings();
    s.base_url = Some("ftp://example.com".into());
    assert!(client.with_options(s).is_err());
    sb.shutdown().await;
}

#[tokio::test]
async fn platform_with_response_on_streams_and_pages() {
    let sb = Sandbox::start().await.unwrap();
    let client = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.platform_url())
        .build()
        .unwrap();
    let conv = client
        .conversations()
        .create(CreateConversationParams::new("agt_personal_001"))
        .await
        .unwrap();
    let id = conv.id().to_owned();
    let stream = client
        .conversations()
        .with_response(|c| async move { c.send_message(&id, "hola").await })
        .await
        .unwrap();
    assert_eq!(stream.meta.status, 200);
    assert!(
        stream
            .meta
            .header("content-type")
            .unwrap()
            .starts_with("text/event-stream")
    );
    let text: Vec<_> = stream.data.tokens().collect().await;
    assert!(!text.is_empty());

    let page = client
        .conversations()
        .with_response(|c| async move {
            c.list(ListConversationsParams::default())
                .first_page()
                .await
        })
        .await
        .unwrap();
    assert_eq!(page.meta.status, 200);
    assert!(page.meta.rate_limit.is_some(), "{:?}", page.meta);
    sb.shutdown().await;
}

#[tokio::test]
async fn ops_with_options_keeps_the_login_session() {
    let sb = Sandbox::start().await.unwrap();
    let client = ops::AgentClient::login(sb.ops_url(), sb.username(), sb.password())
        .await
        .unwrap();
    let mut s = settings();
    s.timeout = Some(Duration::from_secs(30));
    s.headers = vec![("X-Parity".into(), "1".into())];
    let copy = client.with_options(s).unwrap();
    let tools = copy
        .tools()
        .with_response(|t| async move { t.list().await })
        .await
        .unwrap();
    assert_eq!(tools.meta.status, 200);
    assert!(!tools.data.tools.is_empty());
    assert_eq!(tools.meta.attempts, 1);
    sb.shutdown().await;
}

/// A plain HTTP/1.1 POST of `body` to `{base}/{path}` with a bearer key, over TCP: the status
/// and the JSON answer (for bodies no SDK can send).
async fn raw_post(
    base: &str,
    path: &str,
    key: &str,
    body: &serde_json::Value,
) -> (u16, serde_json::Value) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let url = url::Url::parse(base).unwrap();
    let host = format!("{}:{}", url.host_str().unwrap(), url.port().unwrap());
    let target = format!("{}/{path}", url.path().trim_end_matches('/'));
    let body = body.to_string();
    let mut tcp = tokio::net::TcpStream::connect(&host).await.unwrap();
    let req = format!(
        "POST {target} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    tcp.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    tcp.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8(raw).unwrap();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap();
    let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
    let json_start = rest.find('{').unwrap();
    let json_end = rest.rfind('}').unwrap();
    (
        status,
        serde_json::from_str(&rest[json_start..=json_end]).unwrap(),
    )
}

/// The seed's `POST /api/agents` body has no `category` or `capabilities`, which no SDK can
/// send: the sandbox refuses them with `400 VALIDATION_ERROR` and `details.field` (instead of
/// accepting fields the contract does not have).
#[tokio::test]
async fn sandbox_refuses_agent_fields_outside_the_seed() {
    let sb = Sandbox::start().await.unwrap();
    for (field, value) in [
        ("category", serde_json::json!("health")),
        ("capabilities", serde_json::json!(["x"])),
    ] {
        let mut body = serde_json::json!({"name": "parity"});
        body[field] = value;
        let (status, v) = raw_post(&sb.platform_url(), "agents", sb.api_key(), &body).await;
        assert_eq!(status, 400, "{field}");
        assert_eq!(v["error"]["code"], "VALIDATION_ERROR");
        assert_eq!(v["error"]["details"]["field"], field);
    }
    // what the SDK sends is accepted, and the agent is a personal one without capabilities
    let client = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.platform_url())
        .build()
        .unwrap();
    let created = client
        .agents()
        .create(agents_sdk::platform::CreateAgentParams::new("parity"))
        .await
        .unwrap();
    let agent = client.agents().get(&created.id).await.unwrap();
    assert_eq!(
        agent.category.as_ref().map(|c| c.as_str()),
        Some("personal")
    );
    assert!(agent.capabilities.is_empty());
    sb.shutdown().await;
}

/// Every request names the SDK, its language and version, and the platform:
/// `cjhirashi-agents-rust/<version> rustc <version> (<os>; <arch>)`; `ClientSettings::user_agent`
/// replaces it
/// (what the Python and Node packages do with their own name and runtime).
#[tokio::test]
async fn user_agent_names_the_language_and_version() {
    use wiremock::matchers::any;
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"data": {"agents": []}})),
        )
        .mount(&server)
        .await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.uri())
        .build()
        .unwrap();
    client.agents().list(Default::default()).await.unwrap();
    let mut s = settings();
    s.user_agent = Some(agents_sdk::user_agent("python", "CPython 3.12"));
    client
        .with_options(s)
        .unwrap()
        .agents()
        .list(Default::default())
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    let ua = |i: usize| {
        reqs[i]
            .headers
            .get("user-agent")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned()
    };
    let version = env!("CARGO_PKG_VERSION");
    // the runtime: the compiler's version
    assert!(
        ua(0).starts_with(&format!("cjhirashi-agents-rust/{version} rustc 1.")),
        "{}",
        ua(0)
    );
    assert!(
        ua(0).contains(&format!("({}; ", std::env::consts::OS)),
        "{}",
        ua(0)
    );
    assert!(
        ua(1).starts_with(&format!("cjhirashi-agents-python/{version} CPython 3.12 (")),
        "{}",
        ua(1)
    );
    let mut bad = settings();
    bad.user_agent = Some("a\nb".into());
    assert!(client.with_options(bad).is_err());
}

/// Lists without pagination read as slices of their items, like Python's lists and Node's
/// Arrays.
#[tokio::test]
async fn plain_lists_are_slices() {
    let sb = Sandbox::start().await.unwrap();
    let client = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.platform_url())
        .build()
        .unwrap();
    let agents = client.agents().list(Default::default()).await.unwrap();
    assert!(!agents.is_empty());
    assert!(agents.iter().any(|a| a.id == "agt_personal_001"));
    let first_id = agents[0].id.clone();
    let ids: Vec<String> = agents.into_iter().map(|a| a.id).collect();
    assert_eq!(ids[0], first_id);
    let accounts = client.finance().accounts().list().await.unwrap();
    assert!((&accounts).into_iter().any(|a| a.id == "acc_001"));
    let ops = ops::AgentClient::new(sb.ops_api_key())
        .unwrap()
        .with_options({
            let mut s = settings();
            s.base_url = Some(sb.ops_url());
            s
        })
        .unwrap();
    let tools = ops.tools().list().await.unwrap();
    assert!(!tools.is_empty() && tools[0].name == tools.iter().next().unwrap().name);
    sb.shutdown().await;
}

/// A paginated list's first page with `data()`, `has_next_page()`, `get_next_page()` and
/// `iter_pages()`, like the Python and Node pages.
#[tokio::test]
async fn pages_have_data_next_and_iter_pages() {
    use agents_sdk::platform::ListUsersParams;
    use futures::TryStreamExt;
    let sb = Sandbox::start().await.unwrap();
    let admin = Client::builder()
        .api_key(sb.admin_api_key())
        .base_url(sb.platform_url())
        .build()
        .unwrap();
    let first = admin
        .users()
        .list(ListUsersParams::new().limit(3))
        .page()
        .await
        .unwrap();
    assert_eq!(first.data().len(), 3);
    assert!(first.has_next_page());
    let total = first.pagination.total;
    let first_ids: Vec<String> = first.data().iter().map(|u| u.id.clone()).collect();
    let second = first.get_next_page().await.unwrap().unwrap();
    assert!(second.data().iter().all(|u| !first_ids.contains(&u.id)));
    let pages: Vec<_> = second.iter_pages().try_collect().await.unwrap();
    let seen = 3 + pages.iter().map(|p| p.users.len()).sum::<usize>();
    assert_eq!(u64::try_from(seen).unwrap(), total);
    let all: Vec<_> = admin
        .users()
        .list(ListUsersParams::new().limit(3))
        .page()
        .await
        .unwrap()
        .into_items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), seen);
    sb.shutdown().await;
}

/// `AgentClient::builder()...login(user, password)` keeps every builder setting (here a
/// default header the sandbox turns into a fault, and the retries that get past it).
#[tokio::test]
async fn ops_builder_login_keeps_every_setting() {
    let sb = Sandbox::start().await.unwrap();
    let impatient = ops::AgentClient::builder()
        .base_url(sb.ops_url())
        .max_retries(0)
        .default_header("X-Sandbox-Fault", "status=503;count=1;id=parity-ops-login")
        .login(sb.username(), sb.password())
        .await
        .unwrap();
    let refused = impatient.tools().list().await.unwrap_err();
    assert_eq!(
        refused.as_api().unwrap().kind,
        ApiErrorKind::ServiceUnavailable
    );
    let patient = ops::AgentClient::builder()
        .base_url(sb.ops_url())
        .max_retries(2)
        .default_header(
            "X-Sandbox-Fault",
            "status=503;count=1;id=parity-ops-login-2",
        )
        .login(sb.username(), sb.password())
        .await
        .unwrap();
    let tools = patient
        .tools()
        .with_response(|t| async move { t.list().await })
        .await
        .unwrap();
    assert_eq!(tools.meta.attempts, 2);
    sb.shutdown().await;
}
