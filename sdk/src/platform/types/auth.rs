//! `/api/auth`: sign-out, the session and API keys.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::users::{Role, SubscriptionTier};

/// `POST /api/auth/signout`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SignOut {
    /// `"Signed out successfully"`.
    pub message: String,
}

/// `GET /api/auth/session`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// The signed-in user.
    pub user: SessionUser,
    /// When the session expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

/// `user` of a [`Session`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SessionUser {
    /// `usr_...`.
    pub id: String,
    /// Email address.
    pub email: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Role.
    pub role: Role,
    /// Avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Subscription tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_tier: Option<SubscriptionTier>,
}

/// `POST /api/auth/api-keys`. `Debug` hides the key.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    /// The new key (`cj_live_...`). Shown once; never log it.
    pub api_key: String,
    /// When the key expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiKey")
            .field("api_key", &"[REDACTED]")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}
