//! Requests, responses, stream events and WebSocket frames of the ops service (snake_case on
//! the wire, no envelope).
//!
//! Unknown fields are ignored (the config sections keep them in `extra`), absent optional fields
//! are `None`, absent lists are empty, and closed string sets are enums with an
//! `Unknown(String)` catch-all.
//!
//! Streams: the SSE events of `POST /api/chat` and the server frames of the `/ws` WebSocket are
//! one type, [`ChatEvent`]. The two WebSocket-only replies (`authenticated`, `pong`) are
//! variants of it too, so a WebSocket session yields the same type as the SSE stream; they
//! never appear on the SSE stream.

use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

pub use crate::enums::MessageRole;

// ---------------------------------------------------------------------------------------------
// Closed string sets
// ---------------------------------------------------------------------------------------------

string_enum! {
    /// The LLM provider of the agent.
    pub enum LlmProvider {
        /// `openai`.
        OpenAi = "openai",
        /// `anthropic`.
        Anthropic = "anthropic",
        /// `azure_openai`.
        AzureOpenAi = "azure_openai",
        /// `ollama`.
        Ollama = "ollama",
    }
}

string_enum! {
    /// How much the agent may do without asking.
    pub enum AutonomyLevel {
        /// `manual`.
        Manual = "manual",
        /// `semi`.
        Semi = "semi",
        /// `auto`.
        Auto = "auto",
    }
}

string_enum! {
    /// The category of a tool.
    pub enum ToolCategory {
        /// `aws`.
        Aws = "aws",
        /// `azure`.
        Azure = "azure",
        /// `gcp`.
        Gcp = "gcp",
        /// `monitoring`.
        Monitoring = "monitoring",
        /// `general`.
        General = "general",
    }
}

string_enum! {
    /// The severity of an infrastructure alert.
    pub enum AlertSeverity {
        /// `critical`.
        Critical = "critical",
        /// `warning`.
        Warning = "warning",
        /// `ok`.
        Ok = "ok",
    }
}

fn empty_object() -> Value {
    Value::Object(Map::new())
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// An error answer: `{"error": {"code", "message", "details"}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// `error` of an error answer, of an `error` stream event or of an `error` WebSocket frame.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorDetail {
    /// `INVALID_REQUEST`, `UNAUTHORIZED`, `NOT_FOUND`, ...
    #[serde(default)]
    pub code: String,
    /// Human-readable message.
    #[serde(default)]
    pub message: String,
    /// Extra facts (often `{}`).
    #[serde(default)]
    pub details: Value,
}

// ---------------------------------------------------------------------------------------------
// Auth
// ---------------------------------------------------------------------------------------------

/// Body of `POST /api/auth/login`. `Debug` hides the password.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LoginParams {
    /// The user name.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub username: String,
    /// The password.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub password: String,
}

impl LoginParams {
    /// Credentials for `username`.
    pub fn new(username: impl Into<String>, password: impl Into<String>) -> Self {
        LoginParams {
            username: username.into(),
            password: password.into(),
        }
    }
}

impl fmt::Debug for LoginParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoginParams")
            .field("username", &self.username)
            .field("password", &"[REDACTED]")
            .finish()
    }
}

/// Answer of `POST /api/auth/login`. `Debug` hides the token.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Token {
    /// The JWT to send as `Authorization: Bearer ...`.
    pub access_token: String,
    /// `bearer`.
    #[serde(default = "default_token_type")]
    pub token_type: String,
    /// Lifetime in seconds. Any JSON number is accepted: a negative one reads as 0 (log in
    /// again before the next call), a fractional one is rounded down, and one beyond `u64`
    /// (`1e300`) is clamped; the client renews the token after at most
    /// [`crate::ops::MAX_TOKEN_LIFETIME`] whatever the server says.
    #[serde(default, deserialize_with = "lifetime_secs")]
    pub expires_in: u64,
}

/// Reads a token lifetime from any JSON number (or a numeric string), clamping it into `u64`.
fn lifetime_secs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Lifetime {
        Unsigned(u64),
        Signed(i64),
        Float(f64),
        Text(String),
        Null(()),
    }
    let clamp = |f: f64| {
        if f.is_nan() || f <= 0.0 {
            0
        } else if f >= 18_446_744_073_709_551_615.0 {
            u64::MAX
        } else {
            // In range and non-negative: the conversion saturates and cannot fail.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let secs = f.floor() as u64;
            secs
        }
    };
    Ok(match Lifetime::deserialize(d)? {
        Lifetime::Unsigned(n) => n,
        Lifetime::Signed(n) => u64::try_from(n).unwrap_or(0),
        Lifetime::Float(f) => clamp(f),
        Lifetime::Text(t) => {
            t.trim().parse::<f64>().map(clamp).map_err(|_| {
                serde::de::Error::custom(format!("expires_in is not a number: {t:?}"))
            })?
        }
        Lifetime::Null(()) => 0,
    })
}

fn default_token_type() -> String {
    "bearer".to_owned()
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Token")
            .field("access_token", &"[REDACTED]")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

// ---------------------------------------------------------------------------------------------
// Chat
// ---------------------------------------------------------------------------------------------

/// Body of `POST /api/chat`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatParams {
    /// The conversation (created if it does not exist; a new one when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// The user's message.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub message: String,
    /// `true` for an SSE stream of [`ChatEvent`]s, `false` for one [`ChatResponse`].
    #[serde(default)]
    pub stream: bool,
}

impl ChatParams {
    /// A non-streaming chat request.
    pub fn new(message: impl Into<String>) -> Self {
        ChatParams {
            message: message.into(),
            ..Self::default()
        }
    }

    /// Sets `stream`.
    pub fn stream(mut self, stream: bool) -> Self {
        self.stream = stream;
        self
    }
}

setters!(ChatParams {
    into conversation_id: String,
});

/// Answer of `POST /api/chat` with `stream: false`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatResponse {
    /// The conversation the exchange was stored in.
    pub conversation_id: String,
    /// The assistant's answer.
    pub message: OpsMessage,
}

/// A message of an ops conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OpsMessage {
    /// Who wrote it.
    pub role: MessageRole,
    /// The text.
    pub content: String,
    /// When it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// Tools the assistant ran for it.
    #[serde(default)]
    pub tool_calls: Vec<ToolCall>,
}

/// A tool run recorded on an assistant message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ToolCall {
    /// Tool name.
    pub tool: String,
    /// Parameters it was called with (`{}` when absent).
    #[serde(default = "empty_object")]
    pub params: Value,
    /// What it returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
}

/// An event of the chat stream (SSE `data:` lines of `POST /api/chat` with `stream: true`) or a
/// server frame of the `/ws` WebSocket. On the wire: a JSON object tagged by `type`.
///
/// Deserializing never fails on a `type` this version does not know: it becomes
/// [`ChatEvent::Unknown`] with the whole object.
#[derive(Debug, Clone, PartialEq)]
pub enum ChatEvent {
    /// `{"type": "thinking", "content"}`: what the agent is doing.
    Thinking {
        /// Progress text.
        content: String,
    },
    /// `{"type": "tool_call", "tool", "params"}`: a tool is about to run.
    ToolCall {
        /// Tool name.
        tool: String,
        /// Its parameters (`{}` when absent).
        params: Value,
    },
    /// `{"type": "tool_result", "tool"?, "result"}`: what the tool returned.
    ToolResult {
        /// Tool name (some servers omit it).
        tool: Option<String>,
        /// The result (`null` when absent).
        result: Value,
    },
    /// `{"type": "message", "content"}`: a chunk of the answer; the chunks concatenate.
    Message {
        /// Answer text.
        content: String,
    },
    /// `{"type": "done", "conversation_id"?}`: the last event of a complete answer.
    Done {
        /// The conversation the exchange was stored in.
        conversation_id: Option<String>,
    },
    /// `{"type": "error", "error": {...}}`: the answer failed after the stream started (or,
    /// on the WebSocket, authentication failed).
    Error(ErrorDetail),
    /// `{"type": "authenticated"}`: WebSocket only, the reply to a good `auth` frame.
    Authenticated,
    /// `{"type": "pong"}`: WebSocket only, the reply to a `ping` frame.
    Pong,
    /// An event whose `type` this version does not know (or that has none), kept whole.
    Unknown(Value),
}

#[derive(Deserialize)]
struct ContentFields {
    content: String,
}

#[derive(Deserialize)]
struct ToolCallFields {
    tool: String,
    #[serde(default = "empty_object")]
    params: Value,
}

#[derive(Deserialize)]
struct ToolResultFields {
    #[serde(default)]
    tool: Option<String>,
    #[serde(default)]
    result: Value,
}

#[derive(Deserialize)]
struct DoneFields {
    #[serde(default)]
    conversation_id: Option<String>,
}

impl ChatEvent {
    /// The event for a decoded JSON object. Fails only when a known `type` lacks a required
    /// field (`content` of `thinking`/`message`, `tool` of `tool_call`).
    pub fn from_value(value: Value) -> serde_json::Result<ChatEvent> {
        let kind = value.get("type").and_then(Value::as_str).map(str::to_owned);
        Ok(match kind.as_deref() {
            Some("thinking") => {
                let f: ContentFields = serde_json::from_value(value)?;
                ChatEvent::Thinking { content: f.content }
            }
            Some("tool_call") => {
                let f: ToolCallFields = serde_json::from_value(value)?;
                ChatEvent::ToolCall {
                    tool: f.tool,
                    params: f.params,
                }
            }
            Some("tool_result") => {
                let f: ToolResultFields = serde_json::from_value(value)?;
                ChatEvent::ToolResult {
                    tool: f.tool,
                    result: f.result,
                }
            }
            Some("message") => {
                let f: ContentFields = serde_json::from_value(value)?;
                ChatEvent::Message { content: f.content }
            }
            Some("done") => {
                let f: DoneFields = serde_json::from_value(value)?;
                ChatEvent::Done {
                    conversation_id: f.conversation_id,
                }
            }
            Some("error") => {
                let mut value = value;
                // The wire decision nests the error; a flat `{"type","code","message"}` is
                // read too.
                let detail = match value.get_mut("error").map(Value::take) {
                    Some(nested @ Value::Object(_)) => nested,
                    _ => value,
                };
                ChatEvent::Error(serde_json::from_value(detail)?)
            }
            Some("authenticated") => ChatEvent::Authenticated,
            Some("pong") => ChatEvent::Pong,
            _ => ChatEvent::Unknown(value),
        })
    }

    /// The event's wire form.
    pub fn to_value(&self) -> Value {
        let mut object = Map::new();
        let mut put = |key: &str, value: Value| {
            object.insert(key.to_owned(), value);
        };
        match self {
            ChatEvent::Thinking { content } => put("content", Value::String(content.clone())),
            ChatEvent::ToolCall { tool, params } => {
                put("tool", Value::String(tool.clone()));
                put("params", params.clone());
            }
            ChatEvent::ToolResult { tool, result } => {
                if let Some(tool) = tool {
                    put("tool", Value::String(tool.clone()));
                }
                put("result", result.clone());
            }
            ChatEvent::Message { content } => put("content", Value::String(content.clone())),
            ChatEvent::Done { conversation_id } => {
                if let Some(id) = conversation_id {
                    put("conversation_id", Value::String(id.clone()));
                }
            }
            ChatEvent::Error(detail) => put(
                "error",
                serde_json::to_value(detail).unwrap_or_else(|_| empty_object()),
            ),
            ChatEvent::Authenticated | ChatEvent::Pong => {}
            ChatEvent::Unknown(value) => return value.clone(),
        }
        let mut tagged = Map::with_capacity(object.len().saturating_add(1));
        tagged.insert(
            "type".to_owned(),
            Value::String(self.event_type().to_owned()),
        );
        tagged.extend(object);
        Value::Object(tagged)
    }

    /// The `type` on the wire (for `Unknown`, its `type` field or `""`).
    pub fn event_type(&self) -> &str {
        match self {
            ChatEvent::Thinking { .. } => "thinking",
            ChatEvent::ToolCall { .. } => "tool_call",
            ChatEvent::ToolResult { .. } => "tool_result",
            ChatEvent::Message { .. } => "message",
            ChatEvent::Done { .. } => "done",
            ChatEvent::Error(_) => "error",
            ChatEvent::Authenticated => "authenticated",
            ChatEvent::Pong => "pong",
            ChatEvent::Unknown(value) => value.get("type").and_then(Value::as_str).unwrap_or(""),
        }
    }

    /// Whether this event ends an answer (`done` or `error`).
    pub fn is_terminal(&self) -> bool {
        matches!(self, ChatEvent::Done { .. } | ChatEvent::Error(_))
    }
}

/// A union of objects tagged by `type`; a reader keeps other types as `Unknown`.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for ChatEvent {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ChatEvent".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let error = g.subschema_for::<ErrorDetail>();
        let tagged = |kind: &str, required: &[&str], properties: Value| {
            let mut props = Map::new();
            props.insert("type".to_owned(), serde_json::json!({"const": kind}));
            if let Value::Object(p) = properties {
                props.extend(p);
            }
            let mut req = vec!["type"];
            req.extend_from_slice(required);
            serde_json::json!({"type": "object", "required": req, "properties": props})
        };
        schemars::json_schema!({
            "description": "An event of the chat stream or a server frame of the WebSocket, \
                tagged by `type`.",
            "oneOf": [
                tagged("thinking", &["content"], serde_json::json!({"content": {"type": "string"}})),
                tagged("tool_call", &["tool"], serde_json::json!({
                    "tool": {"type": "string"},
                    "params": {"type": "object"}
                })),
                tagged("tool_result", &[], serde_json::json!({
                    "tool": {"type": "string"},
                    "result": {}
                })),
                tagged("message", &["content"], serde_json::json!({"content": {"type": "string"}})),
                tagged("done", &[], serde_json::json!({"conversation_id": {"type": "string"}})),
                tagged("error", &["error"], serde_json::json!({"error": error})),
                tagged("authenticated", &[], serde_json::json!({})),
                tagged("pong", &[], serde_json::json!({}))
            ]
        })
    }
}

impl Serialize for ChatEvent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ChatEvent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ChatEvent, D::Error> {
        let value = Value::deserialize(deserializer)?;
        ChatEvent::from_value(value).map_err(D::Error::custom)
    }
}

/// A client frame of the `/ws` WebSocket, tagged by `type`. `Debug` hides the token.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientFrame {
    /// `{"type": "auth", "token"}`: must be the first frame.
    Auth {
        /// A JWT from `POST /api/auth/login` or an API key.
        token: String,
    },
    /// `{"type": "chat", "conversation_id", "message"}`: answered with [`ChatEvent`]s ending
    /// with `done`.
    Chat {
        /// The conversation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        conversation_id: Option<String>,
        /// The user's message.
        message: String,
    },
    /// `{"type": "ping"}`: answered with [`ChatEvent::Pong`].
    Ping,
}

impl ClientFrame {
    /// An `auth` frame.
    pub fn auth(token: impl Into<String>) -> Self {
        ClientFrame::Auth {
            token: token.into(),
        }
    }

    /// A `chat` frame.
    pub fn chat(conversation_id: Option<String>, message: impl Into<String>) -> Self {
        ClientFrame::Chat {
            conversation_id,
            message: message.into(),
        }
    }
}

impl fmt::Debug for ClientFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientFrame::Auth { .. } => f
                .debug_struct("Auth")
                .field("token", &"[REDACTED]")
                .finish(),
            ClientFrame::Chat {
                conversation_id,
                message,
            } => f
                .debug_struct("Chat")
                .field("conversation_id", conversation_id)
                .field("message", message)
                .finish(),
            ClientFrame::Ping => f.write_str("Ping"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Conversations
// ---------------------------------------------------------------------------------------------

/// An item of `GET /api/conversations` and the answer of `POST /api/conversations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConversationSummary {
    /// `conv_...`.
    pub id: String,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Number of messages.
    #[serde(default)]
    pub message_count: u64,
}

/// `GET /api/conversations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConversationList {
    /// The conversations.
    #[serde(default)]
    pub conversations: Vec<ConversationSummary>,
}

/// Body of `POST /api/conversations`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreateConversationParams {
    /// A title for the conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub title: Option<String>,
}

impl CreateConversationParams {
    /// A conversation without a title yet.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(CreateConversationParams {
    into title: String,
});

/// `GET /api/conversations/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConversationDetail {
    /// `conv_...`.
    pub id: String,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// The messages, oldest first.
    #[serde(default)]
    pub messages: Vec<OpsMessage>,
}

/// Answer of `DELETE /api/conversations/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeletedConversation {
    /// The id that was deleted.
    pub id: String,
    /// `true`.
    pub deleted: bool,
}

// ---------------------------------------------------------------------------------------------
// Config
// ---------------------------------------------------------------------------------------------

/// `GET /api/config` and the answer of `PUT /api/config`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Config {
    /// The LLM the agent uses.
    pub llm: LlmConfig,
    /// Agent behaviour.
    pub agent: AgentSettings,
    /// Which clouds the agent may touch.
    pub cloud_providers: CloudProviders,
    /// Sections this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `llm` of a [`Config`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LlmConfig {
    /// Provider.
    pub provider: LlmProvider,
    /// Model (`gpt-4`, `claude-3-5-sonnet`, ...).
    pub model: String,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `agent` of a [`Config`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentSettings {
    /// How much the agent may do without asking.
    pub autonomy_level: AutonomyLevel,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `cloud_providers` of a [`Config`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CloudProviders {
    /// AWS.
    pub aws: CloudProvider,
    /// Azure.
    pub azure: CloudProvider,
    /// Google Cloud.
    pub gcp: CloudProvider,
    /// Providers this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One cloud provider's settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CloudProvider {
    /// Whether the agent may use it.
    #[serde(default)]
    pub enabled: bool,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of `PUT /api/config`: a partial update, deep-merged by the server. Every section and
/// every field is optional; `extra` maps carry fields this version does not know.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConfigUpdate {
    /// Language-model settings to change, e.g. `{"provider": "openai", "model": "gpt-4"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub llm: Option<LlmConfigUpdate>,
    /// Agent settings to change, e.g. `{"autonomy_level": "supervised"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<AgentSettingsUpdate>,
    /// Cloud-provider settings to change, e.g. `{"aws": {"enabled": true}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud_providers: Option<CloudProvidersUpdate>,
}

impl ConfigUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(ConfigUpdate {
    into llm: LlmConfigUpdate,
    into agent: AgentSettingsUpdate,
    into cloud_providers: CloudProvidersUpdate,
});

/// Changes to `llm`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LlmConfigUpdate {
    /// New provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<LlmProvider>,
    /// New model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub model: Option<String>,
    /// Other fields to set.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl LlmConfigUpdate {
    /// No change yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a field this version does not know.
    pub fn set(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }
}

setters!(LlmConfigUpdate {
    into provider: LlmProvider,
    into model: String,
});

/// Changes to `agent`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentSettingsUpdate {
    /// New autonomy level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autonomy_level: Option<AutonomyLevel>,
    /// Other fields to set.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AgentSettingsUpdate {
    /// No change yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a field this version does not know.
    pub fn set(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }
}

setters!(AgentSettingsUpdate {
    into autonomy_level: AutonomyLevel,
});

/// Changes to `cloud_providers`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CloudProvidersUpdate {
    /// Changes to `aws`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws: Option<CloudProviderUpdate>,
    /// Changes to `azure`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure: Option<CloudProviderUpdate>,
    /// Changes to `gcp`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gcp: Option<CloudProviderUpdate>,
    /// Other providers to set.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CloudProvidersUpdate {
    /// No change yet.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(CloudProvidersUpdate {
    into aws: CloudProviderUpdate,
    into azure: CloudProviderUpdate,
    into gcp: CloudProviderUpdate,
});

/// Changes to one cloud provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CloudProviderUpdate {
    /// Enable or disable it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Other fields to set.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CloudProviderUpdate {
    /// No change yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a field this version does not know.
    pub fn set(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }
}

setters!(CloudProviderUpdate {
    plain enabled: bool,
});

// ---------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------

/// `GET /api/metrics`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Metrics {
    /// Alert counts by severity.
    pub alerts: AlertCounts,
    /// Machines by cloud.
    pub infrastructure: Infrastructure,
    /// The agent's own counters.
    pub agent_stats: AgentStats,
}

/// `alerts` of [`Metrics`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AlertCounts {
    /// Critical alerts.
    #[serde(default)]
    pub critical: u64,
    /// Warnings.
    #[serde(default)]
    pub warning: u64,
    /// Healthy checks.
    #[serde(default)]
    pub ok: u64,
}

/// `infrastructure` of [`Metrics`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Infrastructure {
    /// EC2 instances.
    #[serde(default)]
    pub aws_instances: u64,
    /// Azure VMs.
    #[serde(default)]
    pub azure_vms: u64,
    /// GCE instances.
    #[serde(default)]
    pub gcp_instances: u64,
}

/// `agent_stats` of [`Metrics`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentStats {
    /// Messages handled.
    #[serde(default)]
    pub total_messages: u64,
    /// Tool runs.
    #[serde(default)]
    pub tools_executed: u64,
    /// Seconds since start.
    #[serde(default)]
    pub uptime_seconds: u64,
}

// ---------------------------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------------------------

/// An item of `GET /api/tools`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tool {
    /// Name (`list_ec2_instances`).
    pub name: String,
    /// What it does.
    #[serde(default)]
    pub description: String,
    /// Category.
    pub category: ToolCategory,
    /// JSON Schema of its parameters (`{}` when absent).
    #[serde(default = "empty_object")]
    pub parameters: Value,
}

/// `GET /api/tools`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ToolList {
    /// The tools.
    #[serde(default)]
    pub tools: Vec<Tool>,
}

/// Body of `POST /api/tools/execute`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExecuteToolParams {
    /// The tool's name (e.g. `list_ec2_instances`).
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub tool: String,
    /// The tool's parameters (see its parameter schema in `tools.list`).
    #[serde(default)]
    pub parameters: Map<String, Value>,
}

impl ExecuteToolParams {
    /// A run of `tool` without parameters yet.
    pub fn new(tool: impl Into<String>) -> Self {
        ExecuteToolParams {
            tool: tool.into(),
            parameters: Map::new(),
        }
    }

    /// Adds one parameter (`.parameter("region", "us-east-1")`).
    pub fn parameter(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.parameters.insert(key.into(), value.into());
        self
    }

    /// Replaces all parameters.
    pub fn parameters(mut self, parameters: Map<String, Value>) -> Self {
        self.parameters = parameters;
        self
    }
}

/// Answer of `POST /api/tools/execute`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ToolExecution {
    /// Tool name.
    pub tool: String,
    /// Whether it succeeded.
    pub success: bool,
    /// What it returned.
    #[serde(default)]
    pub result: Value,
    /// How long it ran.
    #[serde(default)]
    pub execution_time_ms: u64,
}

// ---------------------------------------------------------------------------------------------
// Learned APIs
// ---------------------------------------------------------------------------------------------

/// An item of `GET /api/learned-apis` and the answer of `POST /api/learned-apis`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LearnedApi {
    /// `api_...`.
    pub id: String,
    /// Name (the document's `info.title`).
    pub name: String,
    /// Number of operations.
    #[serde(default)]
    pub endpoints: u64,
    /// When it was learned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learned_at: Option<String>,
    /// Where it was learned from (URL or inline document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Value>,
    /// Wire name `type` (`openapi`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// `GET /api/learned-apis`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LearnedApiList {
    /// The APIs.
    #[serde(default)]
    pub apis: Vec<LearnedApi>,
}

/// Body of `POST /api/learned-apis`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LearnApiParams {
    /// The document's format: `openapi`, the only one (wire name `type`).
    #[serde(rename = "type")]
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["openapi"])))]
    pub kind: String,
    /// The document: a URL, or the document itself (a JSON object or JSON text).
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["string", "object"])))]
    pub source: Value,
}

impl LearnApiParams {
    /// Learn a document of `kind` from `source`.
    pub fn new(kind: impl Into<String>, source: impl Into<Value>) -> Self {
        LearnApiParams {
            kind: kind.into(),
            source: source.into(),
        }
    }

    /// Learn an OpenAPI document from a URL or an inline document.
    pub fn openapi(source: impl Into<Value>) -> Self {
        LearnApiParams::new("openapi", source)
    }
}

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

/// Body of `POST /api/webhooks`: the same three fields as the platform's, so one type, in the
/// shared [`crate::webhooks`] module, serves both services (`Debug` hides the secret).
pub use crate::webhooks::CreateWebhookParams;

/// Answer of `POST /api/webhooks`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
