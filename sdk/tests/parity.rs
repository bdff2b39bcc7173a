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
