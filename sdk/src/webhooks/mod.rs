//! Verifying and decoding webhook deliveries of both services, without a client.
//!
//! Both services `POST` the JSON envelope `{"event", "timestamp", "data"}` and sign the raw
//! body: the `X-Webhook-Signature` header is the lowercase hex HMAC-SHA256 of the body, keyed
//! with the secret given when the webhook was created.
//!
//! ```
//! use agents_sdk::webhooks::{self, VerifyOptions, WebhookData};
//!
//! let body = br#"{"event": "message.sent", "timestamp": "2025-10-15T10:30:00Z",
//!     "data": {"messageId": "msg_abc123", "conversationId": "conv_xyz789",
//!              "userId": "usr_abc123", "content": "Hi", "tokensUsed": 12}}"#;
//! let signature = webhooks::sign(body, "whsec_your_secret");
//!
//! // Accept the current secret and the previous one while rotating.
//! webhooks::verify(body, &signature, ["whsec_your_secret", "whsec_old"])?;
//!
//! let mut headers = http::HeaderMap::new();
//! headers.insert(webhooks::SIGNATURE_HEADER, signature.parse().unwrap());
//! // `unwrap` refuses a delivery whose signed timestamp is more than 5 minutes from now by
//! // default; this example's delivery is checked as if it arrived a second after it was sent.
//! let arrived = webhooks::parse_timestamp("2025-10-15T10:30:01Z")?;
//! let opts = VerifyOptions::default().at(arrived);
//! let event = webhooks::unwrap(body, &headers, ["whsec_your_secret"], &opts)?;
//! match event.data {
//!     WebhookData::MessageSent(message) => assert_eq!(message.tokens_used, 12),
//!     other => panic!("unexpected {other:?}"),
//! }
//! # Ok::<(), agents_sdk::Error>(())
//! ```
//!
//! The pieces live in one file each: `signing` (signatures and secrets), `delivery` (checking
//! and decoding a delivery), `events` (event names, typed data, the envelope) and `timestamp`
//! (RFC 3339 times), `subscription` (the body that subscribes a URL, the same on both
//! services); everything is re-exported here.

mod delivery;
mod events;
mod signing;
mod subscription;
mod timestamp;

pub use delivery::*;
pub use events::*;
pub use signing::*;
pub use subscription::*;
pub use timestamp::*;

/// The header carrying the hex HMAC-SHA256 of the raw body.
pub const SIGNATURE_HEADER: &str = "X-Webhook-Signature";
/// The header carrying the event name of a delivery.
pub const EVENT_HEADER: &str = "X-Webhook-Event";
/// The header carrying the delivery id (the same on every retry of one delivery).
pub const ID_HEADER: &str = "X-Webhook-Id";

/// `sign`, `verify` and `unwrap` as methods of a client's `webhooks()` handle, so they are
/// reachable from the client as well as from this module.
macro_rules! client_helpers {
    () => {
        /// [`crate::webhooks::sign`], reachable from the client.
        pub fn sign(&self, payload: &[u8], secret: &str) -> String {
            crate::webhooks::sign(payload, secret)
        }

        /// [`crate::webhooks::verify`], reachable from the client.
        pub fn verify<I>(&self, payload: &[u8], signature: &str, secrets: I) -> Result<()>
        where
            I: crate::webhooks::IntoSecrets,
        {
            crate::webhooks::verify(payload, signature, secrets)
        }

        /// [`crate::webhooks::verify_with`], reachable from the client.
        pub fn verify_with<I>(
            &self,
            payload: &[u8],
            signature: &str,
            secrets: I,
            opts: &crate::webhooks::VerifyOptions,
        ) -> Result<()>
        where
            I: crate::webhooks::IntoSecrets,
        {
            crate::webhooks::verify_with(payload, signature, secrets, opts)
        }

        /// [`crate::webhooks::unwrap`], reachable from the client.
        pub fn unwrap<H, I>(
            &self,
            payload: &[u8],
            headers: &H,
            secrets: I,
            opts: &crate::webhooks::VerifyOptions,
        ) -> Result<crate::webhooks::WebhookEvent>
        where
            H: crate::webhooks::HeaderLookup + ?Sized,
            I: crate::webhooks::IntoSecrets,
        {
            crate::webhooks::unwrap(payload, headers, secrets, opts)
        }
    };
}

pub(crate) use client_helpers;
