//! Errors, retries, timeouts and rate limits. The sandbox's fault injection (the
//! `X-Sandbox-Fault` header) plays the failing server.
//!
//! ```sh
//! cargo run --example errors_and_retries
//! ```

use std::time::Duration;

use agents_sdk::platform::{Client, CreateConversationParams};
use agents_sdk::{ApiErrorKind, Error, RequestOptions, ResponseCapture};
use futures::StreamExt;

/// Options that make the sandbox misbehave for this one call.
fn fault(spec: &str) -> RequestOptions {
    RequestOptions::new().header("X-Sandbox-Fault", spec)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = agents_sandbox::Sandbox::start().await?;
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.platform_url())
        .max_retries(2) // the default: two retries after the first attempt
        .timeout(Duration::from_secs(30)) // the deadline of a whole call, retries included
        .build()?;

    // 1. An error answer is `Error::Api`: its `kind` is the class, with status, code, message
    //    and the request id to quote when reporting a problem.
    match client.agents().get("agt_does_not_exist").await {
        Err(Error::Api(err)) if err.kind == ApiErrorKind::NotFound => println!(
            "1. {} {}: {} (request {})",
            err.status,
            err.code.as_deref().unwrap_or("-"),
            err.message,
            err.request_id.as_deref().unwrap_or("-")
        ),
        other => return Err(format!("expected NotFound, got {other:?}").into()),
    }

    // 2. Retries are automatic for what a retry can fix (connection errors, 408, 429, 5xx).
    //    Here the first two attempts get a 503; the third succeeds. `capture` records how.
    let capture = ResponseCapture::new();
    let agents = client
        .agents()
        .with_options(fault("status=503;count=2;retry_after=0;id=example-retry").capture(&capture))
        .list(Default::default())
        .await?;
    let attempts = capture.get().map_or(0, |meta| meta.attempts);
    println!(
        "2. {} agents, after {attempts} attempts",
        agents.agents.len()
    );

    // 3. With retries off (per call here, or for the whole client) the 503 reaches you.
    let err = client
        .agents()
        .with_options(fault("status=503").max_retries(0))
        .list(Default::default())
        .await
        .err()
        .ok_or("expected a 503")?;
    println!("3. no retries: {err}");

    // 4. Timeouts: this call's deadline is 200 ms and the server takes 2 s.
    match client
        .agents()
        .with_options(fault("latency=2000").timeout(Duration::from_millis(200)))
        .list(Default::default())
        .await
    {
        Err(Error::Timeout { phase, after }) => {
            println!("4. timed out ({phase:?}) after {after:?}")
        }
        other => return Err(format!("expected a timeout, got {other:?}").into()),
    }

    // 5. Rate limits: a 429 carries `Retry-After` and the limit headers. The SDK waits and
    //    retries by itself; with retries off, wait as the server asks and try again.
    let limited = client
        .agents()
        .with_options(fault("status=429;retry_after=1").max_retries(0))
        .list(Default::default())
        .await;
    match limited {
        Err(Error::Api(err)) if err.kind == ApiErrorKind::RateLimit => {
            let wait = err.retry_after.unwrap_or(Duration::from_secs(1));
            let remaining = err.rate_limit.as_ref().and_then(|r| r.remaining);
            println!("5. rate limited (remaining {remaining:?}): waiting {wait:?}");
            tokio::time::sleep(wait).await;
            let agents = client.agents().list(Default::default()).await?;
            println!("   then {} agents", agents.agents.len());
        }
        other => return Err(format!("expected a 429, got {other:?}").into()),
    }

    // 6. A stream that stops before its `done` event is an error, never a short answer.
    let conversation = client
        .conversations()
        .create(CreateConversationParams::new("agt_personal_001"))
        .await?;
    let stream = client
        .conversations()
        .with_options(fault("cut_after=3"))
        .send_message(conversation.id(), "Hola")
        .await?;
    let mut tokens = stream.tokens();
    let mut received = String::new();
    let outcome = loop {
        match tokens.next().await {
            Some(Ok(token)) => received.push_str(&token),
            Some(Err(err)) => break Err(err),
            None => break Ok(()),
        }
    };
    match outcome {
        Err(Error::IncompleteStream { received: events }) => {
            println!("6. stream cut after {events} events ({received:?} so far)")
        }
        other => return Err(format!("expected IncompleteStream, got {other:?}").into()),
    }
    Ok(())
}
