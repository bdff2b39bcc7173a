//! Requests, responses and stream events of the platform service (camelCase on the wire).
//!
//! Responses arrive inside an [`Envelope`] (`{"data": ..., "meta": ...}`); the types here are
//! the `data` part. Unknown fields are ignored, absent optional fields are `None`, absent lists
//! are empty, and closed string sets are enums with an `Unknown(String)` catch-all. Money
//! amounts are [`Money`]; timestamps are RFC 3339 strings.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::money::Money;

// ---------------------------------------------------------------------------------------------
// Closed string sets
// ---------------------------------------------------------------------------------------------

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

string_enum! {
    /// The category of an agent.
    pub enum AgentCategory {
        /// `personal`.
        Personal = "personal",
        /// `health`.
        Health = "health",
        /// `finance`.
        Finance = "finance",
    }
}

string_enum! {
    /// The kind of a financial account.
    pub enum AccountType {
        /// `SAVINGS`.
        Savings = "SAVINGS",
        /// `CHECKING`.
        Checking = "CHECKING",
        /// `CREDIT_CARD`.
        CreditCard = "CREDIT_CARD",
        /// `INVESTMENT`.
        Investment = "INVESTMENT",
        /// `LOAN`.
        Loan = "LOAN",
        /// `CASH`.
        Cash = "CASH",
    }
}

string_enum! {
    /// The direction of a transaction.
    pub enum TransactionType {
        /// `INCOME`.
        Income = "INCOME",
        /// `EXPENSE`.
        Expense = "EXPENSE",
        /// `TRANSFER`.
        Transfer = "TRANSFER",
    }
}

string_enum! {
    /// The category of a transaction or a budget.
    pub enum TransactionCategory {
        /// `FOOD`.
        Food = "FOOD",
        /// `TRANSPORT`.
        Transport = "TRANSPORT",
        /// `INCOME`.
        Income = "INCOME",
        /// `HOUSING`.
        Housing = "HOUSING",
        /// `UTILITIES`.
        Utilities = "UTILITIES",
        /// `HEALTH`.
        Health = "HEALTH",
        /// `ENTERTAINMENT`.
        Entertainment = "ENTERTAINMENT",
        /// `SHOPPING`.
        Shopping = "SHOPPING",
        /// `EDUCATION`.
        Education = "EDUCATION",
        /// `OTHER`.
        Other = "OTHER",
    }
}

string_enum! {
    /// The kind of a medical appointment.
    pub enum AppointmentType {
        /// `CHECKUP`.
        Checkup = "CHECKUP",
        /// `SPECIALIST`.
        Specialist = "SPECIALIST",
        /// `LAB`.
        Lab = "LAB",
        /// `EMERGENCY`.
        Emergency = "EMERGENCY",
        /// `FOLLOW_UP`.
        FollowUp = "FOLLOW_UP",
        /// `OTHER`.
        Other = "OTHER",
    }
}

string_enum! {
    /// How a budget is doing.
    pub enum BudgetStatus {
        /// `ON_TRACK`.
        OnTrack = "ON_TRACK",
        /// `WARNING`.
        Warning = "WARNING",
        /// `EXCEEDED`.
        Exceeded = "EXCEEDED",
    }
}

string_enum! {
    /// The period a budget covers.
    pub enum BudgetPeriod {
        /// `WEEKLY`.
        Weekly = "WEEKLY",
        /// `MONTHLY`.
        Monthly = "MONTHLY",
        /// `YEARLY`.
        Yearly = "YEARLY",
    }
}

string_enum! {
    /// The severity of an allergy.
    pub enum Severity {
        /// `LOW`.
        Low = "LOW",
        /// `MEDIUM`.
        Medium = "MEDIUM",
        /// `HIGH`.
        High = "HIGH",
        /// `CRITICAL`.
        Critical = "CRITICAL",
    }
}

pub use crate::enums::MessageRole;

// ---------------------------------------------------------------------------------------------
// Envelope and errors
// ---------------------------------------------------------------------------------------------

/// Every platform answer: `{"data": T, "meta": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Envelope<T> {
    /// The payload.
    pub data: T,
    /// Response metadata (some answers omit it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
}

impl<T> Envelope<T> {
    /// The payload, dropping the metadata.
    pub fn into_data(self) -> T {
        self.data
    }
}

/// `meta` of an answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    /// When the server answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// The request id (also in the `X-Request-Id` header).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// An error answer: `{"error": {...}, "meta": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
    /// Response metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
}

/// `error` of an error answer (also the `data` of an SSE `error` event).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetail {
    /// `VALIDATION_ERROR`, `UNAUTHORIZED`, `RATE_LIMIT_EXCEEDED`, ...
    #[serde(default)]
    pub code: String,
    /// Human-readable message.
    #[serde(default)]
    pub message: String,
    /// Extra facts; see [`ValidationErrorDetails`] and [`RateLimitErrorDetails`].
    #[serde(default)]
    pub details: Value,
}

/// `details` of a `VALIDATION_ERROR`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ValidationErrorDetails {
    /// The offending field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What is wrong with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// What was expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
}

/// `details` of a `RATE_LIMIT_EXCEEDED`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RateLimitErrorDetails {
    /// Requests allowed in the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// When the window resets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_at: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Auth
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

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
    /// New preferences (any JSON object).
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

/// Page-number pagination (`GET /api/users`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PagePagination {
    /// This page, from 1.
    pub page: u32,
    /// Items per page.
    pub limit: u32,
    /// Items in all pages.
    pub total: u64,
    /// Number of pages.
    pub pages: u32,
}

/// Query of `GET /api/users`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ListUsersParams {
    /// Page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 1_000_000)))]
    pub page: Option<u32>,
    /// Items per page (default 20, max 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 100)))]
    pub limit: Option<u32>,
    /// Only users with this role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Search in email and name.
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
    /// Who to invite.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("format" = "email")))]
    pub email: String,
    /// The role they get.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// A note for the invitation email.
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

// ---------------------------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------------------------

/// An agent: an item of `GET /api/agents` or the answer of `GET /api/agents/:id` (which adds
/// `config` and `createdAt`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    /// `agt_...`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<AgentCategory>,
    /// Model (`gemini-2.0-flash-exp`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Whether every user can use it.
    #[serde(default)]
    pub is_public: bool,
    /// `system` or the owner's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    /// What it can do.
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// Generation settings (detail only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<AgentConfig>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// The system prompt (only shown to its owner).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_prompt: Option<String>,
}

/// Generation settings of an agent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AgentConfig {
    /// Sampling temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0, max = 2.0)))]
    pub temperature: Option<f64>,
    /// Maximum tokens of an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub max_tokens: Option<u32>,
    /// Nucleus sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0, max = 1.0)))]
    pub top_p: Option<f64>,
}

impl AgentConfig {
    /// No setting.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(AgentConfig {
    plain temperature: f64,
    plain max_tokens: u32,
    plain top_p: f64,
});

/// `GET /api/agents`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AgentList {
    /// The agents.
    #[serde(default)]
    pub agents: Vec<Agent>,
}

/// Query of `GET /api/agents`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ListAgentsParams {
    /// Only this category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<AgentCategory>,
    /// Only public agents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
}

impl ListAgentsParams {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(ListAgentsParams {
    into category: AgentCategory,
    plain is_public: bool,
});

/// Body of `POST /api/agents`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateAgentParams {
    /// Name.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Generation settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<AgentConfig>,
    /// System prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_prompt: Option<String>,
    /// Whether every user can use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
}

impl CreateAgentParams {
    /// A new agent called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateAgentParams {
            name: name.into(),
            ..Self::default()
        }
    }
}

setters!(CreateAgentParams {
    into description: String,
    into model: String,
    into config: AgentConfig,
    into system_prompt: String,
    plain is_public: bool,
});

/// Answer of `POST /api/agents`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreatedAgent {
    /// `agt_...`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Where to chat with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_url: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

/// Answer of `DELETE /api/agents/:id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DeletedAgent {
    /// `"Agent deleted successfully"`.
    pub message: String,
    /// The id that was deleted.
    pub deleted_agent_id: String,
}

// ---------------------------------------------------------------------------------------------
// Conversations
// ---------------------------------------------------------------------------------------------

/// A conversation: an item of `GET /api/conversations`, the answer of
/// `GET /api/conversations/:id` (with `messages`) or of `POST /api/conversations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Conversation {
    /// `conv_...`.
    pub id: String,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The agent it talks to.
    pub agent_id: String,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Number of messages (list items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<u64>,
    /// The messages, oldest first (`GET /api/conversations/:id` only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<Message>,
}

/// A message of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Message {
    /// `msg_...`.
    pub id: String,
    /// Who wrote it.
    pub role: MessageRole,
    /// The text.
    pub content: String,
    /// When it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

/// `GET /api/conversations`: one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ConversationList {
    /// The conversations of this page.
    #[serde(default)]
    pub conversations: Vec<Conversation>,
    /// The cursor of the next page.
    #[serde(default)]
    pub pagination: CursorPagination,
}

/// Cursor pagination (conversations, transactions).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CursorPagination {
    /// Pass as `cursor` to get the next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// Whether there is a next page.
    #[serde(default)]
    pub has_more: bool,
}

/// Query of `GET /api/conversations`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ListConversationsParams {
    /// Only conversations with this agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_id: Option<String>,
    /// The `nextCursor` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Items per page (default 20, max 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 100)))]
    pub limit: Option<u32>,
}

impl ListConversationsParams {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(ListConversationsParams {
    into agent_id: String,
    into cursor: String,
    plain limit: u32,
});

/// Query of `GET /api/conversations/:id`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct GetConversationParams {
    /// Number of messages (default 50, max 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 200)))]
    pub message_limit: Option<u32>,
}

impl GetConversationParams {
    /// The server's default.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(GetConversationParams {
    plain message_limit: u32,
});

/// Body of `POST /api/conversations`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateConversationParams {
    /// The agent to talk to.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub agent_id: String,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub title: Option<String>,
    /// A first user message (stream its answer with `GET .../messages/stream`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub initial_message: Option<String>,
}

impl CreateConversationParams {
    /// A conversation with `agent_id`.
    pub fn new(agent_id: impl Into<String>) -> Self {
        CreateConversationParams {
            agent_id: agent_id.into(),
            ..Self::default()
        }
    }
}

setters!(CreateConversationParams {
    into title: String,
    into initial_message: String,
});

/// Body of `POST /api/conversations/:id/messages`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SendMessageParams {
    /// The user's message.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub content: String,
}

impl SendMessageParams {
    /// A message with this text.
    pub fn new(content: impl Into<String>) -> Self {
        SendMessageParams {
            content: content.into(),
        }
    }
}

/// Answer of `DELETE /api/conversations/:id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DeletedConversation {
    /// `"Conversation deleted successfully"`.
    pub message: String,
    /// The id that was deleted.
    pub deleted_conversation_id: String,
}

/// An event of the message stream (`POST /api/conversations/:id/messages`,
/// `GET /api/conversations/:id/messages/stream`), built from the SSE event name and its data.
/// An SSE `error` event is not an event here: the transport turns it into an error.
#[derive(Debug, Clone, PartialEq)]
pub enum ConversationEvent {
    /// `event: token`.
    Token(TokenEvent),
    /// `event: done`: the last event of a complete stream.
    Done(DoneEvent),
}

impl ConversationEvent {
    /// The event for an SSE event name and its `data`; `None` for names other than `token`
    /// and `done`.
    pub fn from_sse(event: &str, data: &str) -> Option<serde_json::Result<ConversationEvent>> {
        match event {
            "token" => Some(serde_json::from_str(data).map(ConversationEvent::Token)),
            "done" => Some(serde_json::from_str(data).map(ConversationEvent::Done)),
            _ => None,
        }
    }

    /// The SSE event name (`token` or `done`).
    pub fn event_name(&self) -> &'static str {
        match self {
            ConversationEvent::Token(_) => "token",
            ConversationEvent::Done(_) => "done",
        }
    }

    /// The token text, for a `token` event.
    pub fn as_token(&self) -> Option<&str> {
        match self {
            ConversationEvent::Token(t) => Some(&t.token),
            ConversationEvent::Done(_) => None,
        }
    }
}

/// `data` of an SSE `token` event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TokenEvent {
    /// The next piece of the answer.
    pub token: String,
}

/// `data` of an SSE `done` event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DoneEvent {
    /// The id of the stored assistant message.
    pub message_id: String,
    /// Tokens the answer used.
    #[serde(default)]
    pub tokens_used: u64,
    /// When the answer finished.
    pub timestamp: String,
}

// ---------------------------------------------------------------------------------------------
// Health
// ---------------------------------------------------------------------------------------------

/// `GET /api/health/profile` and the answer of `PATCH /api/health/profile`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct HealthProfile {
    /// `hlth_...`.
    pub id: String,
    /// The owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// `O+`, `AB-`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blood_type: Option<String>,
    /// Height in centimetres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<f64>,
    /// Weight in kilograms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Known allergies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allergies: Vec<Allergy>,
    /// Diagnosed conditions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

/// An allergy of a [`HealthProfile`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Allergy {
    /// `alg_...`.
    pub id: String,
    /// What the user is allergic to.
    pub name: String,
    /// How severe.
    pub severity: Severity,
}

/// A condition of a [`HealthProfile`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    /// `cond_...`.
    pub id: String,
    /// The condition.
    pub name: String,
    /// When it was diagnosed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnosed_at: Option<String>,
}

/// Body of `PATCH /api/health/profile`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UpdateHealthProfileParams {
    /// `O+`, `AB-`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"])))]
    pub blood_type: Option<String>,
    /// Height in centimetres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("exclusiveMinimum" = 0)))]
    pub height: Option<f64>,
    /// Weight in kilograms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("exclusiveMinimum" = 0)))]
    pub weight: Option<f64>,
}

impl UpdateHealthProfileParams {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(UpdateHealthProfileParams {
    into blood_type: String,
    plain height: f64,
    plain weight: f64,
});

/// A medication: an item of `GET /api/health/medications` or the answer of
/// `POST /api/health/medications`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Medication {
    /// `med_...`.
    pub id: String,
    /// Name.
    pub name: String,
    /// `500mg`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dosage: Option<String>,
    /// `Cada 8 horas`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
    /// When the user started taking it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Whether the user still takes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    /// Percentage of doses taken (`92.5`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adherence_rate: Option<f64>,
    /// How to take it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// When it was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

/// `GET /api/health/medications`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MedicationList {
    /// The medications.
    #[serde(default)]
    pub medications: Vec<Medication>,
}

/// Body of `POST /api/health/medications`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateMedicationParams {
    /// Name.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub name: String,
    /// `500mg`, ...
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub dosage: String,
    /// `Cada 8 horas`, ...
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub frequency: String,
    /// When the user starts taking it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub start_date: Option<String>,
    /// How to take it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
}

impl CreateMedicationParams {
    /// A medication with its dosage and frequency.
    pub fn new(
        name: impl Into<String>,
        dosage: impl Into<String>,
        frequency: impl Into<String>,
    ) -> Self {
        CreateMedicationParams {
            name: name.into(),
            dosage: dosage.into(),
            frequency: frequency.into(),
            ..Self::default()
        }
    }
}

setters!(CreateMedicationParams {
    into start_date: String,
    into instructions: String,
});

/// An item of `GET /api/health/appointments`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Appointment {
    /// `apt_...`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Wire name `type`.
    #[serde(rename = "type")]
    pub kind: AppointmentType,
    /// When.
    pub datetime: String,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// `GET /api/health/appointments`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AppointmentList {
    /// The appointments.
    #[serde(default)]
    pub appointments: Vec<Appointment>,
}

/// Query of `GET /api/health/appointments`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ListAppointmentsParams {
    /// Only upcoming appointments (server default: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upcoming: Option<bool>,
    /// From this date (wire name `from`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub from: Option<String>,
    /// Up to this date (wire name `to`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub to: Option<String>,
}

impl ListAppointmentsParams {
    /// The server's defaults.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(ListAppointmentsParams {
    plain upcoming: bool,
    into from: String,
    into to: String,
});

// ---------------------------------------------------------------------------------------------
// Finance
// ---------------------------------------------------------------------------------------------

/// `GET /api/finance/profile`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FinanceProfile {
    /// `fin_...`.
    pub id: String,
    /// The owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// ISO currency code (`MXN`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Monthly income.
    pub monthly_income: Money,
    /// Sum of assets.
    pub total_assets: Money,
    /// Sum of liabilities.
    pub total_liabilities: Money,
    /// Assets minus liabilities.
    pub net_worth: Money,
}

/// An item of `GET /api/finance/accounts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// `acc_...`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Wire name `type`.
    #[serde(rename = "type")]
    pub kind: AccountType,
    /// Balance (negative for debt).
    pub balance: Money,
    /// ISO currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Bank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// Credit limit (credit cards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_limit: Option<Money>,
}

/// `GET /api/finance/accounts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AccountList {
    /// The accounts.
    #[serde(default)]
    pub accounts: Vec<Account>,
}

/// A transaction: an item of `GET /api/finance/transactions` or the answer of
/// `POST /api/finance/transactions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    /// `txn_...`.
    pub id: String,
    /// The account.
    pub account_id: String,
    /// Amount (negative for an expense).
    pub amount: Money,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<TransactionCategory>,
    /// When it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Wire name `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TransactionType>,
    /// When it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

/// `summary` of a [`TransactionList`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TransactionSummary {
    /// Sum of income.
    pub total_income: Money,
    /// Sum of expenses (positive).
    pub total_expenses: Money,
    /// Income minus expenses.
    pub net_flow: Money,
}

/// `GET /api/finance/transactions`: one page plus the summary of the whole filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TransactionList {
    /// The transactions of this page.
    #[serde(default)]
    pub transactions: Vec<Transaction>,
    /// Totals.
    pub summary: TransactionSummary,
    /// The cursor of the next page.
    #[serde(default)]
    pub pagination: CursorPagination,
}

/// Query of `GET /api/finance/transactions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ListTransactionsParams {
    /// Only this account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// From this date (`2025-10-01`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub from: Option<String>,
    /// Up to this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub to: Option<String>,
    /// Only this category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<TransactionCategory>,
    /// The `nextCursor` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Items per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 100)))]
    pub limit: Option<u32>,
}

impl ListTransactionsParams {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(ListTransactionsParams {
    into account_id: String,
    into from: String,
    into to: String,
    into category: TransactionCategory,
    into cursor: String,
    plain limit: u32,
});

/// Body of `POST /api/finance/transactions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateTransactionParams {
    /// The account.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub account_id: String,
    /// Amount (negative for an expense).
    #[cfg_attr(feature = "schema", schemars(extend("multipleOf" = 0.01, "minimum" = -1_000_000_000, "maximum" = 1_000_000_000, "not" = {"const": 0})))]
    pub amount: Money,
    /// Description.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub description: String,
    /// Category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<TransactionCategory>,
    /// When it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub date: Option<String>,
    /// Wire name `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TransactionType>,
}

impl CreateTransactionParams {
    /// A transaction of `amount` on `account_id`.
    pub fn new(
        account_id: impl Into<String>,
        amount: impl Into<Money>,
        description: impl Into<String>,
    ) -> Self {
        CreateTransactionParams {
            account_id: account_id.into(),
            amount: amount.into(),
            description: description.into(),
            ..Self::default()
        }
    }
}

setters!(CreateTransactionParams {
    into category: TransactionCategory,
    into date: String,
    into kind: TransactionType,
});

/// An item of `GET /api/finance/budgets`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Budget {
    /// `bdg_...`.
    pub id: String,
    /// Name.
    pub name: String,
    /// The category it limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<TransactionCategory>,
    /// The budgeted amount.
    pub amount: Money,
    /// Spent so far.
    pub spent: Money,
    /// Amount minus spent.
    pub remaining: Money,
    /// Spent as a percentage of the amount (`71.26`).
    pub percentage: f64,
    /// How it is doing.
    pub status: BudgetStatus,
    /// The period it covers.
    pub period: BudgetPeriod,
    /// Start of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// End of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
}

/// `GET /api/finance/budgets`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct BudgetList {
    /// The budgets.
    #[serde(default)]
    pub budgets: Vec<Budget>,
}

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

/// Body of `POST /api/webhooks`. `Debug` hides the secret.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateWebhookParams {
    /// Where deliveries go.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = "^https?://(([A-Za-z0-9-]+\\.)*[A-Za-z][A-Za-z0-9-]*|(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3})(:[0-9]{1,4})?(/[A-Za-z0-9._~/-]*)?$")))]
    pub url: String,
    /// Event names (`conversation.created`, `message.sent`, ...).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub events: Vec<String>,
    /// The HMAC-SHA256 signing secret (`whsec_...`).
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
