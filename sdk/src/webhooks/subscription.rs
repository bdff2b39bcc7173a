//! Subscribing a URL to events: the body of `POST /api/webhooks`, the same on both services
//! (re-exported as `platform::CreateWebhookParams` and `ops::CreateWebhookParams`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Body of `POST /api/webhooks` on either service. `Debug` hides the secret.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateWebhookParams {
    /// The URL deliveries are POSTed to.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = "^https?://(([A-Za-z0-9-]+\\.)*[A-Za-z][A-Za-z0-9-]*|(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3})(:[0-9]{1,4})?(/[A-Za-z0-9._~/-]*)?$")))]
    pub url: String,
    /// The event names to deliver (e.g. `conversation.created`, `message.sent`; on ops
    /// `alert.critical`, `tool.executed`); the schema lists every name the service accepts.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub events: Vec<String>,
    /// The shared secret deliveries are signed with (HMAC-SHA256; `whsec_...`).
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub secret: String,
}

impl CreateWebhookParams {
    /// A subscription of `url` to `events`, signed with `secret`.
    pub fn new<E: Into<String>>(
        url: impl Into<String>,
        events: impl IntoIterator<Item = E>,
        secret: impl Into<String>,
    ) -> Self {
        CreateWebhookParams {
            url: url.into(),
            events: events.into_iter().map(Into::into).collect(),
            secret: secret.into(),
        }
    }
}

impl fmt::Debug for CreateWebhookParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateWebhookParams")
            .field("url", &self.url)
            .field("events", &self.events)
            .field("secret", &"[REDACTED]")
            .finish()
    }
}
