//! Webhook registrations of a service and their signed delivery ([`WebhookHub`], [`sign`]).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::header;
use bytes::Bytes;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::json;
use sha2::Sha256;

use super::{lock, now_rfc3339};

/// Backoff between webhook delivery attempts (after the first try).
const WEBHOOK_BACKOFF_MS: [u64; 3] = [200, 400, 800];

/// Lowercase hex HMAC-SHA256 of `body` keyed with `secret`.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret)
        .unwrap_or_else(|_| <Hmac<Sha256> as KeyInit>::new_from_slice(&[]).expect("hmac key"));
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

#[derive(Clone, Debug)]
struct Registration {
    owner: String,
    url: String,
    events: Vec<String>,
    secret: String,
}

/// Webhook registrations of one service and their delivery.
#[derive(Clone, Debug)]
pub struct WebhookHub {
    registrations: Arc<Mutex<Vec<Registration>>>,
    client: Arc<Mutex<Option<reqwest::Client>>>,
}

impl Default for WebhookHub {
    fn default() -> Self {
        Self::new()
    }
}

impl WebhookHub {
    pub(super) fn new() -> Self {
        WebhookHub {
            registrations: Arc::default(),
            client: Arc::default(),
        }
    }

    /// Registers a webhook for `owner`; answers its id (`wh_...`).
    pub fn register(
        &self,
        owner: &str,
        url: String,
        events: Vec<String>,
        secret: String,
    ) -> String {
        let id = format!("wh_{}", &uuid::Uuid::new_v4().simple().to_string()[..16]);
        lock(&self.registrations).push(Registration {
            owner: owner.to_string(),
            url,
            events,
            secret,
        });
        id
    }

    fn client(&self) -> Option<reqwest::Client> {
        let mut slot = lock(&self.client);
        if slot.is_none() {
            install_crypto_provider();
            *slot = reqwest::Client::builder()
                .timeout(Duration::from_secs(5))
                .no_proxy()
                .build()
                .ok();
        }
        slot.clone()
    }

    /// Delivers `event` to every registration of `owner` subscribed to it, in the background
    /// (signed; retried up to 3 more times with 200/400/800 ms backoff).
    pub fn emit(&self, owner: &str, event: &str, data: serde_json::Value) {
        let targets: Vec<Registration> = lock(&self.registrations)
            .iter()
            .filter(|r| r.owner == owner && r.events.iter().any(|e| e == event))
            .cloned()
            .collect();
        if targets.is_empty() {
            return;
        }
        let Ok(handle) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let Some(client) = self.client() else {
            return;
        };
        let body = Bytes::from(
            json!({ "event": event, "timestamp": now_rfc3339(), "data": data }).to_string(),
        );
        for target in targets {
            let delivery_id = format!("whd_{}", &uuid::Uuid::new_v4().simple().to_string()[..16]);
            let signature = sign(target.secret.as_bytes(), &body);
            let client = client.clone();
            let body = body.clone();
            let event = event.to_string();
            handle.spawn(async move {
                for attempt in 0..=WEBHOOK_BACKOFF_MS.len() {
                    if attempt > 0 {
                        tokio::time::sleep(Duration::from_millis(WEBHOOK_BACKOFF_MS[attempt - 1]))
                            .await;
                    }
                    let result = client
                        .post(&target.url)
                        .header(header::CONTENT_TYPE, "application/json")
                        .header("X-Webhook-Signature", &signature)
                        .header("X-Webhook-Event", &event)
                        .header("X-Webhook-Id", &delivery_id)
                        .body(body.clone())
                        .send()
                        .await;
                    if matches!(&result, Ok(resp) if resp.status().is_success()) {
                        return;
                    }
                }
            });
        }
    }
}

fn install_crypto_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_matches_rfc4231_case_2() {
        assert_eq!(
            sign(b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
