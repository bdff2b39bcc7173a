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

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::Sha256;

use crate::Error;

/// The header carrying the hex HMAC-SHA256 of the raw body.
pub const SIGNATURE_HEADER: &str = "X-Webhook-Signature";
/// The header carrying the event name of a delivery.
pub const EVENT_HEADER: &str = "X-Webhook-Event";
/// The header carrying the delivery id (the same on every retry of one delivery).
pub const ID_HEADER: &str = "X-Webhook-Id";

type HmacSha256 = Hmac<Sha256>;

fn mac_for(secret: &str) -> HmacSha256 {
    match HmacSha256::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        // HMAC hashes keys longer than a block and pads shorter ones: every length is valid.
        Err(_) => unreachable!("HMAC-SHA256 accepts keys of any length"),
    }
}

/// The signature header value for `payload`: the lowercase hex HMAC-SHA256 of the raw bytes
/// keyed with `secret`. Useful to produce test deliveries.
pub fn sign(payload: &[u8], secret: &str) -> String {
    let mut mac = mac_for(secret);
    mac.update(payload);
    hex::encode(mac.finalize().into_bytes())
}

/// One webhook secret or several (for rotation): `"whsec_…"`, a `String`, or an array, slice
/// or `Vec` of them.
pub trait IntoSecrets {
    /// The secrets, in the order they are tried.
    fn into_secrets(self) -> Vec<String>;
}

impl IntoSecrets for &str {
    fn into_secrets(self) -> Vec<String> {
        vec![self.to_owned()]
    }
}

impl IntoSecrets for String {
    fn into_secrets(self) -> Vec<String> {
        vec![self]
    }
}

impl IntoSecrets for &String {
    fn into_secrets(self) -> Vec<String> {
        vec![self.clone()]
    }
}

impl<S: AsRef<str>> IntoSecrets for &[S] {
    fn into_secrets(self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_owned()).collect()
    }
}

impl<S: AsRef<str>, const N: usize> IntoSecrets for [S; N] {
    fn into_secrets(self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_owned()).collect()
    }
}

impl<S: AsRef<str>, const N: usize> IntoSecrets for &[S; N] {
    fn into_secrets(self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_owned()).collect()
    }
}

impl<S: AsRef<str>> IntoSecrets for Vec<S> {
    fn into_secrets(self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_owned()).collect()
    }
}

impl<S: AsRef<str>> IntoSecrets for &Vec<S> {
    fn into_secrets(self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_owned()).collect()
    }
}

/// Checks `signature` (the `X-Webhook-Signature` value) against the raw `payload` with each of
/// `secrets` in turn, so deliveries signed with the old and the new secret both pass while a
/// secret is rotated.
///
/// The comparison runs in constant time. Surrounding whitespace, a `sha256=` prefix and
/// uppercase hex are tolerated. Errors never contain a secret or the expected signature.
///
/// # Errors
/// [`Error::InvalidArgument`] when no secret is given or a secret is empty;
/// [`Error::WebhookVerification`] when the signature is malformed or matches no secret.
pub fn verify<I>(payload: &[u8], signature: &str, secrets: I) -> Result<(), Error>
where
    I: IntoSecrets,
{
    let secrets = secrets.into_secrets();
    let tag = decode_signature(signature);
    let mut tried = 0usize;
    let mut matched = false;
    // Every secret is checked, also after a match, so an empty one is always reported and the
    // time taken does not tell which secret matched.
    for secret in &secrets {
        let secret = secret.as_str();
        if secret.is_empty() {
            return Err(Error::InvalidArgument(
                "webhook secret must not be empty".to_owned(),
            ));
        }
        tried = tried.saturating_add(1);
        if let Ok(tag) = &tag {
            let mut mac = mac_for(secret);
            mac.update(payload);
            matched |= mac.verify_slice(tag).is_ok();
        }
    }
    if tried == 0 {
        return Err(Error::InvalidArgument(
            "at least one webhook secret is required".to_owned(),
        ));
    }
    tag?;
    if matched {
        return Ok(());
    }
    Err(Error::webhook(if tried == 1 {
        "signature does not match the webhook secret".to_owned()
    } else {
        format!("signature does not match any of the {tried} webhook secrets")
    }))
}

/// The 32 bytes of a signature header value.
fn decode_signature(signature: &str) -> Result<[u8; 32], Error> {
    let trimmed = signature.trim();
    let hex_part = match trimmed.get(..7) {
        Some(prefix) if prefix.eq_ignore_ascii_case("sha256=") => trimmed[7..].trim_start(),
        _ => trimmed,
    };
    if hex_part.is_empty() {
        return Err(Error::webhook("signature is empty"));
    }
    let mut tag = [0u8; 32];
    if hex_part.len() != 64 {
        return Err(Error::webhook(format!(
            "malformed signature: expected 64 hex characters, got {}",
            hex_part.chars().count()
        )));
    }
    hex::decode_to_slice(hex_part, &mut tag)
        .map_err(|_| Error::webhook("malformed signature: not hexadecimal"))?;
    Ok(tag)
}

/// How far a delivery's signed `timestamp` may lie from now before [`unwrap`] refuses it by
/// default: 5 minutes, as Stripe and Standard Webhooks do.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// Options of [`unwrap`] and [`unwrap_with_signature`].
///
/// The default refuses a delivery whose signed `timestamp` is more than
/// [`DEFAULT_TOLERANCE`] (5 minutes) from now, in either direction, so a captured delivery
/// cannot be replayed later. A payload without a `timestamp` has nothing to check and is
/// accepted (both services always send one, and it cannot be removed without breaking the
/// signature). [`VerifyOptions::no_tolerance`] turns the check off, e.g. to re-read stored
/// deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Refuse a payload whose `timestamp` is further than this from now, in either direction
    /// (replay protection); `None` does not look at the timestamp.
    pub tolerance: Option<Duration>,
    /// The current time for the tolerance check; `None` means [`SystemTime::now`].
    pub now: Option<SystemTime>,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions::with_tolerance(DEFAULT_TOLERANCE)
    }
}

impl VerifyOptions {
    /// Options with a tolerance on the payload's timestamp.
    pub fn with_tolerance(tolerance: Duration) -> Self {
        VerifyOptions {
            tolerance: Some(tolerance),
            now: None,
        }
    }

    /// Options that do not look at the payload's timestamp.
    pub fn no_tolerance() -> Self {
        VerifyOptions {
            tolerance: None,
            now: None,
        }
    }

    /// The same options, checking the timestamp against `now` instead of the clock.
    pub fn at(mut self, now: SystemTime) -> Self {
        self.now = Some(now);
        self
    }
}

/// Header lookup for [`unwrap`]: implemented for [`http::HeaderMap`], for slices and vectors of
/// `(name, value)` pairs, and for string maps. Names are compared case-insensitively.
pub trait HeaderLookup {
    /// The first value of the header `name`, if present and valid text.
    fn header(&self, name: &str) -> Option<&str>;
}

impl HeaderLookup for http::HeaderMap {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(|v| v.to_str().ok())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> HeaderLookup for [(K, V)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> HeaderLookup for Vec<(K, V)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl<K: AsRef<str>, V: AsRef<str>, const N: usize> HeaderLookup for [(K, V); N] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl<K: AsRef<str>, V: AsRef<str>, H> HeaderLookup for HashMap<K, V, H> {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> HeaderLookup for BTreeMap<K, V> {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }
}

/// Verifies a delivery and decodes it: reads `X-Webhook-Signature` from `headers`, checks it
/// with [`verify`], parses the envelope and, when `opts.tolerance` is set (5 minutes by
/// default), refuses a `timestamp` that is malformed or too far from now. The delivery id
/// header ([`ID_HEADER`], the same on every retry of one delivery) becomes
/// [`WebhookEvent::id`], so a receiver can drop duplicates.
///
/// # Errors
/// [`Error::WebhookVerification`] for a missing or wrong signature or a refused timestamp,
/// [`Error::InvalidArgument`] for missing or empty secrets, [`Error::Decode`] when a correctly
/// signed body is not a webhook envelope.
pub fn unwrap<H, I>(
    payload: &[u8],
    headers: &H,
    secrets: I,
    opts: &VerifyOptions,
) -> Result<WebhookEvent, Error>
where
    H: HeaderLookup + ?Sized,
    I: IntoSecrets,
{
    let signature = headers
        .header(SIGNATURE_HEADER)
        .ok_or_else(|| Error::webhook(format!("missing {SIGNATURE_HEADER} header")))?;
    let mut event = unwrap_with_signature(payload, signature, secrets, opts)?;
    event.id = headers
        .header(ID_HEADER)
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_owned);
    Ok(event)
}

/// [`unwrap`] with the signature header value given directly.
pub fn unwrap_with_signature<I>(
    payload: &[u8],
    signature: &str,
    secrets: I,
    opts: &VerifyOptions,
) -> Result<WebhookEvent, Error>
where
    I: IntoSecrets,
{
    verify(payload, signature, secrets)?;
    let event: WebhookEvent = serde_json::from_slice(payload)
        .map_err(|e| Error::decode("webhook payload", e, payload, None, None))?;
    if let Some(tolerance) = opts.tolerance
        && !event.timestamp.is_empty()
    {
        let sent = parse_timestamp(&event.timestamp)
            .map_err(|_| Error::webhook("payload timestamp is not a valid RFC 3339 time"))?;
        let now = opts.now.unwrap_or_else(SystemTime::now);
        let skew = match now.duration_since(sent) {
            Ok(age) => age,
            Err(ahead) => ahead.duration(),
        };
        if skew > tolerance {
            let direction = if sent > now { "in the future" } else { "old" };
            return Err(Error::webhook(format!(
                "payload timestamp is {}s {direction}, beyond the tolerance of {}s",
                skew.as_secs(),
                tolerance.as_secs()
            )));
        }
    }
    Ok(event)
}

/// Parses an RFC 3339 date-time, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (also with a
/// lowercase `t`/`z`), into a [`SystemTime`].
///
/// # Errors
/// [`Error::InvalidArgument`] for anything else, including impossible dates.
pub fn parse_timestamp(text: &str) -> Result<SystemTime, Error> {
    parse_rfc3339(text.as_bytes())
        .ok_or_else(|| Error::InvalidArgument(format!("not an RFC 3339 timestamp: {text:?}")))
}

fn parse_rfc3339(s: &[u8]) -> Option<SystemTime> {
    let text = std::str::from_utf8(s).ok()?;
    // chrono accepts a space for the `T`; RFC 3339 timestamps in JSON use `T` (or `t`).
    if text.as_bytes().get(10) == Some(&b' ') {
        return None;
    }
    let parsed = chrono::DateTime::parse_from_rfc3339(text).ok()?;
    let secs = parsed.timestamp();
    let nanos = Duration::from_nanos(u64::from(parsed.timestamp_subsec_nanos()));
    // Checked both ways: a year far from 1970 can lie outside what `SystemTime` holds on the
    // platform (Windows counts from 1601).
    let whole = Duration::from_secs(secs.unsigned_abs());
    let base = if secs >= 0 {
        UNIX_EPOCH.checked_add(whole)?
    } else {
        UNIX_EPOCH.checked_sub(whole)?
    };
    base.checked_add(nanos)
}

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
    /// The delivery id ([`ID_HEADER`]) when the event came through [`unwrap`] with it: the
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

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(text: &str) -> Option<i128> {
        let t = parse_rfc3339(text.as_bytes())?;
        Some(match t.duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        })
    }

    #[test]
    fn parses_valid_timestamps() {
        assert_eq!(unix("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            unix("2025-10-15T10:30:00Z"),
            Some(1_760_524_200 * 1_000_000_000)
        );
        assert_eq!(
            unix("2025-10-15t10:30:00z"),
            Some(1_760_524_200 * 1_000_000_000)
        );
        assert_eq!(
            unix("2025-10-15T12:30:00+02:00"),
            Some(1_760_524_200 * 1_000_000_000)
        );
        assert_eq!(
            unix("2025-10-15T05:00:00-05:30"),
            Some(1_760_524_200 * 1_000_000_000)
        );
        assert_eq!(
            unix("2000-02-29T00:00:00.5Z"),
            Some(951_782_400_500_000_000)
        );
        assert_eq!(
            unix("2000-02-29T00:00:00.123456789123Z"),
            Some(951_782_400_123_456_789)
        );
        assert_eq!(unix("1969-12-31T23:59:59Z"), Some(-1_000_000_000));
        assert_eq!(
            unix("2016-12-31T23:59:60Z"),
            Some(1_483_228_800 * 1_000_000_000)
        );
        assert_eq!(
            unix("2100-03-01T00:00:00Z"),
            Some(4_107_542_400 * 1_000_000_000)
        );
    }

    #[test]
    fn rejects_invalid_timestamps() {
        for bad in [
            "",
            "2025-10-15",
            "2025-10-15T10:30:00",
            "2025-10-15 10:30:00Z",
            "2025-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2025-04-31T00:00:00Z",
            "2025-10-00T00:00:00Z",
            "2025-10-15T24:00:00Z",
            "2025-10-15T10:60:00Z",
            "2025-10-15T10:30:61Z",
            "2025-10-15T10:30:00.Z",
            "2025-10-15T10:30:00+0200",
            "2025-10-15T10:30:00+24:00",
            "2025-10-15T10:30:00Zjunk",
            "2025-1a-15T10:30:00Z",
            "+025-10-15T10:30:00Z",
            "2025-10-15T10:30:00Z ",
        ] {
            assert_eq!(unix(bad), None, "{bad:?} should be refused");
        }
    }
}
