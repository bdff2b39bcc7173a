//! The decoded delivery: the event names ([`WebhookEventType`]), the typed data of each event
//! ([`WebhookData`]) and the envelope ([`WebhookEvent`]).

use std::time::SystemTime;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Error;

use super::parse_timestamp;

string_enum! {
    /// The event name of a delivery, for both services (a closed set like every other: a name
    /// this SDK version does not know arrives as `Unknown` and compares by its wire name).
    pub enum WebhookEventType {
        /// `conversation.created` (both services).
        ConversationCreated = "conversation.created",
        /// `conversation.deleted` (platform).
        ConversationDeleted = "conversation.deleted",
        /// `message.sent` (platform): a user sent a message.
        MessageSent = "message.sent",
        /// `message.received` (platform): the agent answered.
        MessageReceived = "message.received",
        /// `agent.created` (platform).
        AgentCreated = "agent.created",
        /// `agent.invoked` (platform).
        AgentInvoked = "agent.invoked",
        /// `user.created` (platform).
        UserCreated = "user.created",
        /// `alert.critical` (ops).
        AlertCritical = "alert.critical",
        /// `alert.warning` (ops).
        AlertWarning = "alert.warning",
        /// `tool.executed` (ops).
        ToolExecuted = "tool.executed",
        /// `api.learned` (ops).
        ApiLearned = "api.learned",
    }
}

impl WebhookEventType {
    /// The events of the platform service.
    pub const PLATFORM: [WebhookEventType; 7] = [
        WebhookEventType::ConversationCreated,
        WebhookEventType::ConversationDeleted,
        WebhookEventType::MessageSent,
        WebhookEventType::MessageReceived,
        WebhookEventType::AgentCreated,
        WebhookEventType::AgentInvoked,
        WebhookEventType::UserCreated,
    ];

    /// The events of the ops service.
    pub const OPS: [WebhookEventType; 5] = [
        WebhookEventType::AlertCritical,
        WebhookEventType::AlertWarning,
        WebhookEventType::ToolExecuted,
        WebhookEventType::ConversationCreated,
        WebhookEventType::ApiLearned,
    ];

    /// The event for a wire name; names this SDK does not know become [`Self::Unknown`]
    /// (the same as [`Self::from_wire`]).
    pub fn from_name(name: &str) -> Self {
        Self::from_wire(name)
    }

    /// Whether this is an event name of neither service.
    pub fn is_unknown(&self) -> bool {
        !self.is_known()
    }
}

/// `conversation.created`: the platform sends `{conversationId, agentId, userId, title}`, the
/// ops service `{conversation_id, title}`; both casings are accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConversationCreatedData {
    /// The new conversation.
    #[serde(alias = "conversation_id")]
    pub conversation_id: String,
    /// The agent of the conversation (platform only).
    #[serde(default, alias = "agent_id", skip_serializing_if = "Option::is_none")]
    pub agent_id: Option<String>,
    /// The owner (platform only).
    #[serde(default, alias = "user_id", skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The title, if the conversation has one.
    #[serde(default)]
    pub title: Option<String>,
}

/// `conversation.deleted` (platform).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConversationDeletedData {
    /// The deleted conversation.
    pub conversation_id: String,
    /// Its owner.
    pub user_id: String,
}

/// `message.sent` and `message.received` (platform).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageData {
    /// The message.
    pub message_id: String,
    /// Its conversation.
    pub conversation_id: String,
    /// The user of the conversation.
    pub user_id: String,
    /// The text of the message.
    pub content: String,
    /// Tokens counted for the message.
    pub tokens_used: u64,
}

/// `agent.created` (platform).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgentCreatedData {
    /// The new agent.
    pub agent_id: String,
    /// Its name.
    pub name: String,
    /// The user who created it.
    pub user_id: String,
}

/// `agent.invoked` (platform).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgentInvokedData {
    /// The agent.
    pub agent_id: String,
    /// The conversation it answered in.
    pub conversation_id: String,
    /// The user it answered.
    pub user_id: String,
}

/// `user.created` (platform): an invitation was issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserCreatedData {
    /// The invitation.
    pub invitation_id: String,
    /// The invited address.
    pub email: String,
    /// The role (`"USER"`, `"ADMIN"`).
    pub role: String,
}

/// `alert.critical` and `alert.warning` (ops).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertData {
    /// The alert.
    pub alert_id: String,
    /// Its severity (`"critical"`, `"warning"`).
    pub severity: String,
    /// The affected resource.
    pub resource: String,
    /// What happened.
    pub message: String,
}

/// `tool.executed` (ops).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolExecutedData {
    /// The tool's name.
    pub tool: String,
    /// The parameters it ran with.
    #[serde(default)]
    pub parameters: serde_json::Value,
    /// Whether it succeeded.
    pub success: bool,
    /// How long it ran.
    pub execution_time_ms: u64,
}

/// `api.learned` (ops).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiLearnedData {
    /// The learned API.
    pub api_id: String,
    /// Its name.
    pub name: String,
    /// Number of operations learned.
    pub endpoints: u64,
}

/// The typed `data` of a delivery, chosen from its event name.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum WebhookData {
    /// `conversation.created`.
    ConversationCreated(ConversationCreatedData),
    /// `conversation.deleted`.
    ConversationDeleted(ConversationDeletedData),
    /// `message.sent`.
    MessageSent(MessageData),
    /// `message.received`.
    MessageReceived(MessageData),
    /// `agent.created`.
    AgentCreated(AgentCreatedData),
    /// `agent.invoked`.
    AgentInvoked(AgentInvokedData),
    /// `user.created`.
    UserCreated(UserCreatedData),
    /// `alert.critical`.
    AlertCritical(AlertData),
    /// `alert.warning`.
    AlertWarning(AlertData),
    /// `tool.executed`.
    ToolExecuted(ToolExecutedData),
    /// `api.learned`.
    ApiLearned(ApiLearnedData),
    /// An unknown event, or data that does not have the documented shape.
    Unknown(serde_json::Value),
}

impl WebhookData {
    /// The typed data for `event`, or [`WebhookData::Unknown`] with a copy of `data`.
    pub fn from_value(event: &WebhookEventType, data: &serde_json::Value) -> Self {
        fn typed<'a, T: Deserialize<'a>>(
            data: &'a serde_json::Value,
            wrap: impl FnOnce(T) -> WebhookData,
        ) -> WebhookData {
            match T::deserialize(data) {
                Ok(value) => wrap(value),
                Err(_) => WebhookData::Unknown(data.clone()),
            }
        }
        match event {
            WebhookEventType::ConversationCreated => typed(data, WebhookData::ConversationCreated),
            WebhookEventType::ConversationDeleted => typed(data, WebhookData::ConversationDeleted),
            WebhookEventType::MessageSent => typed(data, WebhookData::MessageSent),
            WebhookEventType::MessageReceived => typed(data, WebhookData::MessageReceived),
            WebhookEventType::AgentCreated => typed(data, WebhookData::AgentCreated),
            WebhookEventType::AgentInvoked => typed(data, WebhookData::AgentInvoked),
            WebhookEventType::UserCreated => typed(data, WebhookData::UserCreated),
            WebhookEventType::AlertCritical => typed(data, WebhookData::AlertCritical),
            WebhookEventType::AlertWarning => typed(data, WebhookData::AlertWarning),
            WebhookEventType::ToolExecuted => typed(data, WebhookData::ToolExecuted),
            WebhookEventType::ApiLearned => typed(data, WebhookData::ApiLearned),
            WebhookEventType::Unknown(_) => WebhookData::Unknown(data.clone()),
        }
    }
}

/// A decoded delivery: `{"event", "timestamp", "data"}`. Unknown envelope fields are ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookEvent {
    /// The event name.
    pub event: WebhookEventType,
    /// When the event happened (RFC 3339, UTC); `""` when the payload had none.
    pub timestamp: String,
    /// The typed data.
    pub data: WebhookData,
    /// The delivery id ([`ID_HEADER`](super::ID_HEADER)) when the event came through
    /// [`unwrap`](super::unwrap) with it: the
    /// same on every retry of one delivery, so a receiver can drop duplicates.
    pub id: Option<String>,
    raw_data: serde_json::Value,
}

impl WebhookEvent {
    /// An event from its parts; the typed [`data`](Self::data) is chosen from `event`.
    pub fn new(
        event: WebhookEventType,
        timestamp: impl Into<String>,
        raw_data: serde_json::Value,
    ) -> Self {
        WebhookEvent {
            data: WebhookData::from_value(&event, &raw_data),
            event,
            timestamp: timestamp.into(),
            id: None,
            raw_data,
        }
    }

    /// The `data` object exactly as received.
    pub fn raw_data(&self) -> &serde_json::Value {
        &self.raw_data
    }

    /// The timestamp as a [`SystemTime`].
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when it is missing or not RFC 3339.
    pub fn time(&self) -> Result<SystemTime, Error> {
        parse_timestamp(&self.timestamp)
    }
}

impl<'de> Deserialize<'de> for WebhookEvent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Envelope {
            event: WebhookEventType,
            #[serde(default)]
            timestamp: Option<String>,
            #[serde(default)]
            data: serde_json::Value,
            #[serde(default)]
            id: Option<String>,
        }
        let envelope = Envelope::deserialize(deserializer)?;
        let mut event = WebhookEvent::new(
            envelope.event,
            envelope.timestamp.unwrap_or_default(),
            envelope.data,
        );
        event.id = envelope.id;
        Ok(event)
    }
}

impl Serialize for WebhookEvent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Envelope<'a> {
            event: &'a WebhookEventType,
            timestamp: &'a str,
            data: &'a serde_json::Value,
            // The delivery id comes from a header, not the body; it is written (and read back)
            // only when known, so a receiver that stores events keeps it.
            #[serde(skip_serializing_if = "Option::is_none")]
            id: Option<&'a str>,
        }
        Envelope {
            event: &self.event,
            timestamp: &self.timestamp,
            data: &self.raw_data,
            id: self.id.as_deref(),
        }
        .serialize(serializer)
    }
}
