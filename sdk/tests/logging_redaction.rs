//! Secrets stay out of the `tracing` output, even at TRACE level with every dependency's
//! events enabled, while the request spans carry method, path, status and attempt.

use std::io::Write;
use std::sync::{Arc, Mutex};

use agents_sandbox::Sandbox;
use agents_sdk::ops::AgentClient;
use agents_sdk::platform::Client;
use tracing_subscriber::fmt::MakeWriter;

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Buffer {
    type Writer = Buffer;
    fn make_writer(&'a self) -> Buffer {
        self.clone()
    }
}

#[test]
fn trace_output_has_request_facts_but_no_secrets() {
    let buffer = Buffer::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(buffer.clone())
        .with_ansi(false)
        .finish();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    tracing::subscriber::with_default(subscriber, || {
        rt.block_on(async {
            let sb = Sandbox::start().await.unwrap();
            let platform = Client::builder()
                .api_key(sb.api_key())
                .base_url(sb.platform_url())
                .build()
                .unwrap();
            platform.users().me().await.unwrap();
            let bad = Client::builder()
                .api_key("cj_live_leakcheck_secret")
                .base_url(sb.platform_url())
                .build()
                .unwrap();
            let err = bad.users().me().await.unwrap_err();
            tracing::info!(error = %err, debug = ?err, "reported error");
            let ops = AgentClient::login(sb.ops_url(), sb.username(), sb.password())
                .await
                .unwrap();
            ops.metrics().get().await.unwrap();
            let wrong = AgentClient::login(sb.ops_url(), sb.username(), "hunter2-leakcheck").await;
            assert!(wrong.is_err());
            tracing::info!(client = ?ops, platform = ?platform, "clients");
            sb.shutdown().await;
        });
    });
    let out = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    assert!(out.contains("agents_sdk.request"), "spans are recorded");
    assert!(out.contains("attempt"), "{out}");
    for secret in [
        "cj_test_",
        "cj_live_leakcheck_secret",
        "hunter2-leakcheck",
        "eyJ",
    ] {
        assert!(!out.contains(secret), "{secret} leaked into the logs");
    }
}
