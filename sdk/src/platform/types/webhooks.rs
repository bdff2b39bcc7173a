//! `/api/webhooks`: subscribing a URL to platform events.

use serde::{Deserialize, Serialize};

/// Body of `POST /api/webhooks`, shared with the ops service (see
/// [`crate::webhooks::CreateWebhookParams`]).
pub use crate::webhooks::CreateWebhookParams;

/// Answer of `POST /api/webhooks` (the secret is never echoed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Webhook {
    /// `wh_...`.
    pub id: String,
    /// Where deliveries go.
    pub url: String,
    /// Subscribed event names.
    #[serde(default)]
    pub events: Vec<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}
