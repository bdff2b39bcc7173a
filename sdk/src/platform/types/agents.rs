//! `/api/agents`: agents, their generation settings and category.

use serde::{Deserialize, Serialize};

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
    /// Only agents of this category (`personal`, `health` or `finance`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<AgentCategory>,
    /// Only public agents (`true`) or only private ones (`false`).
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
    /// The agent's name.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub name: String,
    /// What the agent is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The language model it runs on (e.g. `gpt-4`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Model settings: `temperature`, `maxTokens`, `topP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<AgentConfig>,
    /// The instructions the agent follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_prompt: Option<String>,
    /// Whether every user can see and use the agent (default `false`).
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
