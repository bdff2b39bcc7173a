//! The ops chat stream: `data:` lines carrying `{"type": ...}` objects.

use super::types::ChatEvent;
use crate::error::Result;
use crate::options::ResponseMeta;
use crate::sse;
use crate::stream::{AnswerText, Decoded, EventDecoder, EventStream, parse_data};

/// Decodes ops chat events and keeps the answer's text (up to a limit).
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct ChatDecoder {
    text: AnswerText,
}

impl ChatDecoder {
    pub(crate) fn with_text_limit(limit: usize) -> Self {
        ChatDecoder {
            text: AnswerText::with_limit(limit),
        }
    }

    pub(crate) fn text(&self) -> &str {
        self.text.as_str()
    }

    pub(crate) fn text_truncated(&self) -> bool {
        self.text.truncated()
    }

    pub(crate) fn text_limit(&self) -> usize {
        self.text.limit()
    }

    /// Forgets the text of the previous answer (a realtime session's next `chat`).
    pub(crate) fn new_answer(&mut self) {
        self.text.clear();
    }

    /// Classifies one chat event (shared by the SSE stream and the WebSocket session).
    pub(crate) fn classify(
        &mut self,
        event: ChatEvent,
        meta: &ResponseMeta,
    ) -> Result<Decoded<ChatEvent>> {
        match event {
            ChatEvent::Message { ref content } => {
                self.text.push(content);
                Ok(Decoded::Item(event))
            }
            ChatEvent::Done { .. } => Ok(Decoded::Done(event)),
            ChatEvent::Error(ref e) => {
                let value = serde_json::json!({ "error": e });
                Err(crate::stream::stream_error(&value.to_string(), meta))
            }
            other => Ok(Decoded::Item(other)),
        }
    }
}

impl EventDecoder for ChatDecoder {
    type Item = ChatEvent;

    fn decode(&mut self, ev: sse::Event, meta: &ResponseMeta) -> Result<Decoded<ChatEvent>> {
        if ev.data.is_empty() {
            return Ok(Decoded::Skip);
        }
        let event: ChatEvent = parse_data(&ev.data, meta)?;
        self.classify(event, meta)
    }
}

/// The streamed answer of `chat().stream(..)`: a `futures::Stream` of [`ChatEvent`]s that ends
/// after `done` (or fails with [`crate::Error::IncompleteStream`]).
pub type ChatStream = EventStream<ChatDecoder>;

impl EventStream<ChatDecoder> {
    /// Whether the answer's text outgrew the call's `max_response_bytes`, so that
    /// [`EventStream::text`] holds only its beginning (the events themselves are all delivered).
    pub fn text_truncated(&self) -> bool {
        self.decoder().text_truncated()
    }

    /// The `message` text received so far (up to the call's `max_response_bytes`).
    pub fn text(&self) -> &str {
        self.decoder().text()
    }

    /// The most text this stream keeps for [`EventStream::text`]: the call's
    /// `max_response_bytes`.
    pub fn text_limit(&self) -> usize {
        self.decoder().text_limit()
    }
}
