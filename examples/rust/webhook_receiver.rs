//! A webhook receiver with axum: it verifies every delivery's signature, rejects tampered and
//! stale ones, and processes each delivery once (a replay of a delivery it already took is
//! acknowledged and ignored). It registers itself with the sandbox, receives a real delivery,
//! then checks that forged ones are refused, and exits.
//!
//! ```sh
//! cargo run --example webhook_receiver
//! ```

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use agents_sdk::platform::{Client, CreateConversationParams, CreateWebhookParams};
use agents_sdk::webhooks::{self, VerifyOptions, WebhookEvent};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use tokio::sync::mpsc;

const SECRET: &str = "whsec_example_receiver";

struct Receiver {
    /// Delivery ids already processed (a real service keeps them in its database).
    seen: Mutex<HashSet<String>>,
    processed: mpsc::UnboundedSender<(WebhookEvent, Bytes, HeaderMap)>,
}

/// `POST /webhooks`: the handler a real service would have.
async fn receive(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes, // the raw bytes: the signature covers them exactly as sent
) -> (StatusCode, &'static str) {
    // `unwrap` checks `X-Webhook-Signature` (HMAC-SHA256 of the body) in constant time and
    // refuses a signed `timestamp` more than 5 minutes away from now, so an old delivery
    // cannot be replayed later. Pass several secrets while rotating them.
    let event = match webhooks::unwrap(&body, &headers, [SECRET], &VerifyOptions::default()) {
        Ok(event) => event,
        Err(err) => {
            eprintln!("  receiver: rejected ({err})");
            return (StatusCode::BAD_REQUEST, "invalid signature");
        }
    };
    // Within those 5 minutes, the delivery id (`X-Webhook-Id`, the same on every retry) tells
    // a replay from a new delivery: take each id once, acknowledge the repeats.
    let Some(id) = event.id.clone() else {
        return (StatusCode::BAD_REQUEST, "missing delivery id");
    };
    let first_time = receiver
        .seen
        .lock()
        .map(|mut seen| seen.insert(id))
        .unwrap_or(false);
    if !first_time {
        eprintln!("  receiver: duplicate delivery ignored");
        return (StatusCode::OK, "duplicate");
    }
    let _ = receiver.processed.send((event, body, headers));
    (StatusCode::OK, "processed")
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = agents_sandbox::Sandbox::start().await?;
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.platform_url())
        .build()?;

    // 1. The receiver: an axum app on a free local port.
    let (processed, mut inbox) = mpsc::unbounded_channel();
    let state = Arc::new(Receiver {
        seen: Mutex::new(HashSet::new()),
        processed,
    });
    let app = axum::Router::new()
        .route("/webhooks", post(receive))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/webhooks", listener.local_addr()?);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });

    // 2. Register it, then cause an event: creating a conversation sends `conversation.created`.
    client
        .webhooks()
        .create(CreateWebhookParams::new(
            url.as_str(),
            ["conversation.created"],
            SECRET,
        ))
        .await?;
    let conversation = client
        .conversations()
        .create(CreateConversationParams::new("agt_personal_001").title("Webhook demo"))
        .await?;
    let (event, body, headers) = tokio::time::timeout(Duration::from_secs(10), inbox.recv())
        .await?
        .ok_or("the receiver stopped")?;
    println!(
        "delivery {} verified: {} for conversation {}",
        event.id.as_deref().unwrap_or("?"),
        event.event,
        conversation.id()
    );

    // 3. What an attacker could send, and what the receiver answers. (This workspace builds
    //    reqwest without a TLS provider of its own: install rustls' ring before making one.)
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::new();
    let post = |body: Vec<u8>, signature: String| {
        let mut request = http
            .post(url.as_str())
            .body(body)
            .header(webhooks::SIGNATURE_HEADER, signature);
        for name in [webhooks::ID_HEADER, webhooks::EVENT_HEADER] {
            if let Some(value) = headers.get(name) {
                request = request.header(name, value.as_bytes());
            }
        }
        async move { request.send().await.map(|r| r.status().as_u16()) }
    };
    let signature = headers
        .get(webhooks::SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();

    let tampered = String::from_utf8_lossy(&body)
        .replace(conversation.id(), "conv_someone_else")
        .into_bytes();
    let tampered_status = post(tampered, signature.clone()).await?;
    println!("tampered body        -> {tampered_status}");

    let replay_status = post(body.to_vec(), signature).await?;
    println!("same delivery again  -> {replay_status} (not processed twice)");

    // A delivery captured long ago, correctly signed: its timestamp gives it away.
    let old = br#"{"event":"conversation.created","timestamp":"2025-10-15T10:30:00Z","data":{"conversationId":"conv_old","agentId":"agt_personal_001"}}"#;
    let stale_status = post(old.to_vec(), webhooks::sign(old, SECRET)).await?;
    println!("year-old delivery    -> {stale_status}");

    let _ = stop.send(());
    server.await??;

    if tampered_status != 400 || replay_status != 200 || stale_status != 400 {
        return Err("the receiver accepted a forged delivery".into());
    }
    if inbox.try_recv().is_ok() {
        return Err("a replayed delivery was processed twice".into());
    }
    Ok(())
}
