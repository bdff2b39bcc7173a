//! `/api/conversations`: conversations, messages, and the events of the message stream.

use serde::{Deserialize, Serialize};

use super::common::CursorPagination;
use crate::enums::MessageRole;

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
    #[serde(default)]
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

/// Query of `GET /api/conversations`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ListConversationsParams {
    /// Only conversations with this agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_id: Option<String>,
    /// Start after this cursor (a page's `pagination.nextCursor`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Conversations per page (default 20, at most 100).
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
    /// How many of the most recent messages to include (default 50, at most 200).
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
    /// A title for the conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub title: Option<String>,
    /// A first user message; its answer is streamed by `GET .../messages/stream`
    /// (`conversations.stream`).
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
    /// The message text.
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
