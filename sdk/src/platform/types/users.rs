//! `/api/users`: the user, its limits and usage, listing, inviting and deleting users, and the
//! closed sets of a user (role, subscription tier).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::PagePagination;

string_enum! {
    /// A user's role.
    pub enum Role {
        /// `ADMIN`: may list, invite and delete users.
        Admin = "ADMIN",
        /// `USER`.
        User = "USER",
    }
}

string_enum! {
    /// A user's subscription tier.
    pub enum SubscriptionTier {
        /// `FREE`.
        Free = "FREE",
        /// `PRO`.
        Pro = "PRO",
        /// `BUSINESS`.
        Business = "BUSINESS",
    }
}

/// `GET /api/users/me`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// `usr_...`.
    pub id: String,
    /// Email address.
    pub email: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Role.
    pub role: Role,
    /// Subscription tier.
    pub subscription_tier: SubscriptionTier,
    /// Whether the account is active.
    pub is_active: bool,
    /// When the account was created.
    pub created_at: String,
    /// The tier's monthly limits.
    pub limits: UserLimits,
    /// This month's usage.
    pub usage: UserUsage,
    /// Avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Free-form preferences set with `PATCH /api/users/me`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferences: Option<Value>,
}

/// `limits` of a [`User`]; `None` means unlimited (the `BUSINESS` tier's messages).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserLimits {
    /// Messages per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_messages: Option<u64>,
    /// Tokens per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_tokens: Option<u64>,
    /// Custom agents the user may own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agents_allowed: Option<u64>,
}

/// `usage` of a [`User`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserUsage {
    /// Messages sent this month.
    #[serde(default)]
    pub messages_used: u64,
    /// Tokens used this month.
    #[serde(default)]
    pub tokens_used: u64,
}

/// Body of `PATCH /api/users/me`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UpdateMeParams {
    /// New display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub name: Option<String>,
    /// New preferences: any JSON object (e.g. `{"language": "es"}`).
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["object", "null"])))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferences: Option<Value>,
}

impl UpdateMeParams {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(UpdateMeParams {
    into name: String,
    into preferences: Value,
});

/// Answer of `PATCH /api/users/me`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UpdatedUser {
    /// `usr_...`.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferences: Option<Value>,
}

/// An item of `GET /api/users`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserSummary {
    /// `usr_...`.
    pub id: String,
    /// Email address.
    pub email: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Role.
    pub role: Role,
    /// Whether the account is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    /// When the account was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Subscription tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_tier: Option<SubscriptionTier>,
}

/// `GET /api/users`: one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserList {
    /// The users of this page.
    #[serde(default)]
    pub users: Vec<UserSummary>,
    /// Where this page is.
    pub pagination: PagePagination,
}

/// Query of `GET /api/users`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ListUsersParams {
    /// The first page to fetch, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 1_000_000)))]
    pub page: Option<u32>,
    /// Users per page (default 20, at most 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 100)))]
    pub limit: Option<u32>,
    /// Only users with this role (`ADMIN`, `USER`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Only users whose email or name contains this text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

impl ListUsersParams {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(ListUsersParams {
    plain page: u32,
    plain limit: u32,
    into role: Role,
    into search: String,
});

/// Body of `POST /api/users/invite`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct InviteUserParams {
    /// The address to invite.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("format" = "email")))]
    pub email: String,
    /// The role the new user gets (`USER` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// A personal note for the invitation email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl InviteUserParams {
    /// An invitation for `email`.
    pub fn new(email: impl Into<String>) -> Self {
        InviteUserParams {
            email: email.into(),
            ..Self::default()
        }
    }
}

setters!(InviteUserParams {
    into role: Role,
    into message: String,
});

/// Answer of `POST /api/users/invite`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    /// `inv_...`.
    pub invitation_id: String,
    /// Who was invited.
    pub email: String,
    /// When the invitation expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// The link to accept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invite_url: Option<String>,
}

/// Answer of `DELETE /api/users/:id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DeletedUser {
    /// `"User deleted successfully"`.
    pub message: String,
    /// The id that was deleted.
    pub deleted_user_id: String,
}
