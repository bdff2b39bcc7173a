//! The platform's token stream: `event: token` / `event: done` (and `event: error`).

use std::borrow::Cow;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures::Stream;

use super::types::{ConversationEvent, DoneEvent, TokenEvent};
use crate::error::Result;
use crate::options::ResponseMeta;
use crate::sse;
use crate::stream::{Batch, Decoded, EventDecoder, EventStream, parse_data, stream_error};

/// Decodes the platform's conversation events and keeps the answer's text and final fields.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct TokenDecoder {
    text: crate::stream::AnswerText,
    done: Option<DoneEvent>,
}

impl TokenDecoder {
    pub(crate) fn with_text_limit(limit: usize) -> Self {
        TokenDecoder {
            text: crate::stream::AnswerText::with_limit(limit),
            done: None,
        }
    }
}

impl EventDecoder for TokenDecoder {
    type Item = ConversationEvent;

    fn decode(
        &mut self,
        ev: sse::Event,
        meta: &ResponseMeta,
    ) -> Result<Decoded<ConversationEvent>> {
        // the common plain token keeps the data's allocation: cut out in place
        let data = if ev.event == "token" {
            match plain_token(ev.data) {
                Ok(token) => {
                    self.text.push(&token);
                    return Ok(Decoded::Item(ConversationEvent::Token(TokenEvent {
                        token,
                    })));
                }
                Err(data) => data,
            }
        } else {
            ev.data
        };
        let ev = sse::EventRef {
            event: &ev.event,
            data: &data,
            id: &ev.id,
        };
        Ok(match Piece::of(ev, meta)? {
            Piece::Token(token) => {
                self.text.push(&token);
                Decoded::Item(ConversationEvent::Token(TokenEvent {
                    token: token.into_owned(),
                }))
            }
            Piece::Done(d) => {
                self.done = Some(d.clone());
                Decoded::Done(ConversationEvent::Done(d))
            }
            Piece::Skip => Decoded::Skip,
        })
    }
}

/// What one SSE event of a platform token stream is (shared by the event stream and
/// [`TokenBatches`]).
enum Piece<'a> {
    Token(Cow<'a, str>),
    Done(DoneEvent),
    Skip,
}

impl<'a> Piece<'a> {
    fn of(ev: sse::EventRef<'a>, meta: &ResponseMeta) -> Result<Self> {
        match ev.event {
            "token" => Ok(Piece::Token(match plain_token_span(ev.data) {
                Some((start, end)) => Cow::Borrowed(&ev.data[start..end]),
                None => Cow::Owned(parse_data::<TokenEvent>(ev.data, meta)?.token),
            })),
            "done" => Ok(Piece::Done(parse_data(ev.data, meta)?)),
            "error" => Err(stream_error(ev.data, meta)),
            _ => Ok(Piece::Skip),
        }
    }
}

/// Fast path for the common `{"token": "<text without escapes>"}` payload: the token is cut
/// out of the data buffer in place (no allocation, no JSON parser). Anything else (escapes,
/// extra fields, other spacing) is handed back for the full JSON parser.
fn plain_token(data: String) -> std::result::Result<String, String> {
    match plain_token_span(&data) {
        Some((start, end)) => {
            let mut data = data;
            data.truncate(end);
            data.drain(..start);
            Ok(data)
        }
        None => Err(data),
    }
}

/// Where the token lies in a `{"token": "<text without escapes>"}` payload, if it is one.
fn plain_token_span(d: &str) -> Option<(usize, usize)> {
    // JSON whitespace only (not Unicode's), so the shortcut accepts nothing the parser refuses.
    const WS: [char; 4] = [' ', '\t', '\n', '\r'];
    let rest = d.strip_prefix('{')?.trim_start_matches(WS);
    let rest = rest.strip_prefix("\"token\"")?.trim_start_matches(WS);
    let rest = rest.strip_prefix(':')?.trim_start_matches(WS);
    let body = rest.strip_prefix('"')?;
    let start = d.len().checked_sub(body.len())?;
    let end_rel = body.find(['"', '\\'])?;
    let text = body.get(..end_rel)?;
    if body.as_bytes().get(end_rel) != Some(&b'"') || text.chars().any(char::is_control) {
        return None;
    }
    let tail = body.get(end_rel.checked_add(1)?..)?.trim_matches(WS);
    (tail == "}").then_some((start, start.checked_add(end_rel)?))
}

/// The streamed answer of a conversation: a `futures::Stream` of [`ConversationEvent`]s that
/// ends after the `done` event (or fails with [`crate::Error::IncompleteStream`]).
pub type MessageStream = EventStream<TokenDecoder>;

impl EventStream<TokenDecoder> {
    /// The text received so far (the whole answer once the stream finished).
    pub fn text(&self) -> &str {
        self.decoder().text.as_str()
    }

    /// The most text this stream keeps for [`EventStream::text`]: the call's
    /// `max_response_bytes` (a binding that gathers the text itself uses the same limit).
    pub fn text_limit(&self) -> usize {
        self.decoder().text.limit()
    }

    /// Whether the answer's text outgrew the call's `max_response_bytes`, so that
    /// [`EventStream::text`] holds only its beginning (every token is still delivered).
    pub fn text_truncated(&self) -> bool {
        self.decoder().text.truncated()
    }

    /// The `done` event, once received.
    pub fn done_event(&self) -> Option<&DoneEvent> {
        self.decoder().done.as_ref()
    }

    /// `messageId` of the stored answer, once the stream finished.
    pub fn message_id(&self) -> Option<&str> {
        self.done_event().map(|d| d.message_id.as_str())
    }

    /// `tokensUsed`, once the stream finished.
    pub fn tokens_used(&self) -> Option<u64> {
        self.done_event().map(|d| d.tokens_used)
    }

    /// `timestamp` of the answer, once the stream finished.
    pub fn timestamp(&self) -> Option<&str> {
        self.done_event().map(|d| d.timestamp.as_str())
    }

    /// The rest of the answer in [`TokenBatch`]es of what is ready (at most about
    /// `max_tokens` each), decoded without an allocation per token: for consumers that hand
    /// tokens on in bulk, such as the Python and Node packages (through
    /// [`ReadAhead::spawn_batches_on`](crate::stream::ReadAhead::spawn_batches_on)). The
    /// batch that carries `done` is the last; a body cut before it ends with
    /// [`crate::Error::IncompleteStream`] after the tokens received.
    pub fn token_batches(self, max_tokens: usize) -> TokenBatches {
        TokenBatches {
            inner: self,
            max: max_tokens.max(1),
            pending: None,
        }
    }

    /// Only the tokens, as strings.
    pub fn tokens(self) -> Tokens {
        Tokens { inner: self }
    }

    /// Reads the stream to its end and returns the whole answer with its `done` fields.
    ///
    /// ```
    /// use agents_sdk::platform::CreateConversationParams;
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let sandbox = agents_sandbox::Sandbox::start().await?;
    /// # let client = agents_sdk::platform::Client::builder()
    /// #     .api_key(sandbox.api_key())
    /// #     .base_url(sandbox.platform_url())
    /// #     .build()?;
    /// let conversation = client
    ///     .conversations()
    ///     .create(CreateConversationParams::new("agt_personal_001"))
    ///     .await?;
    /// let answer = conversation.send_message("Hola").await?.collect_text().await?;
    /// println!("{} ({} tokens)", answer.text, answer.tokens_used);
    /// # assert!(!answer.text.is_empty());
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) for an `error` event,
    /// [`Error::IncompleteStream`](crate::Error::IncompleteStream) when the stream ends before
    /// `done`, [`Error::Timeout`](crate::Error::Timeout) when it stays silent longer than the
    /// stream idle timeout, and [`Error::ResponseTooLarge`](crate::Error::ResponseTooLarge)
    /// when the text outgrows the call's `max_response_bytes`.
    pub async fn collect_text(mut self) -> Result<CompletedMessage> {
        use futures::StreamExt;
        while let Some(ev) = self.next().await {
            ev?;
        }
        let done = self
            .decoder()
            .done
            .clone()
            .ok_or(crate::Error::IncompleteStream {
                received: self.received(),
            })?;
        let text = &mut self.decoder_mut().text;
        if text.truncated() {
            let limit = u64::try_from(text.limit()).unwrap_or(u64::MAX);
            return Err(crate::Error::ResponseTooLarge {
                limit,
                content_length: None,
                status: self.meta().status,
                request_id: self.meta().request_id.clone(),
            });
        }
        Ok(CompletedMessage {
            text: self.decoder_mut().text.take(),
            message_id: done.message_id,
            tokens_used: done.tokens_used,
            timestamp: done.timestamp,
        })
    }
}

/// A whole streamed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletedMessage {
    /// The answer's text.
    pub text: String,
    /// `messageId` of the stored answer.
    pub message_id: String,
    /// `tokensUsed`.
    pub tokens_used: u64,
    /// `timestamp` of the answer.
    pub timestamp: String,
}

#[cfg(test)]
mod tests {
    use super::plain_token;

    #[test]
    fn fast_path_matches_the_json_parser() {
        for data in [
            r#"{"token": " mes"}"#,
            r#"{"token":"Este"}"#,
            r#"{ "token" : "" }"#,
            r#"{"token": "a\"b"}"#,
            r#"{"token": "caf\u00e9"}"#,
            r#"{"token": "x", "extra": 1}"#,
            r#"{"token": 5}"#,
            r#"{"token": "ünï"}"#,
        ] {
            let json: Option<String> = serde_json::from_str::<serde_json::Value>(data)
                .ok()
                .and_then(|v| v.get("token")?.as_str().map(str::to_owned));
            match plain_token(data.to_owned()) {
                Ok(fast) => assert_eq!(Some(fast), json, "{data}"),
                Err(back) => assert_eq!(back, data, "the data is handed back unchanged"),
            }
        }
        assert_eq!(plain_token(r#"{"token": " mes"}"#.into()).unwrap(), " mes");
        assert!(plain_token(r#"{"token": "a\"b"}"#.into()).is_err());
    }
}

/// The tokens of a [`MessageStream`]; the `done` fields stay reachable.
#[derive(Debug)]
pub struct Tokens {
    inner: MessageStream,
}

impl Tokens {
    /// The underlying event stream (for `message_id()`, `text()`, ...).
    pub fn stream(&self) -> &MessageStream {
        &self.inner
    }
}

impl Stream for Tokens {
    type Item = Result<String>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            match ready!(Pin::new(&mut self.inner).poll_next(cx)) {
                Some(Ok(ConversationEvent::Token(t))) => return Poll::Ready(Some(Ok(t.token))),
                Some(Ok(_)) => continue,
                Some(Err(e)) => return Poll::Ready(Some(Err(e))),
                None => return Poll::Ready(None),
            }
        }
    }
}

/// A batch of a platform token stream gathered for a binding by
/// [`ReadAhead`](crate::stream::ReadAhead): the tokens' text back to back in one `String` with
/// each token's end offset, plus the `done` event in the batch that carries it. Building it on
/// the runtime's thread leaves the consumer one allocation per batch instead of one per token.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TokenBatch {
    /// The tokens of the batch, concatenated.
    pub text: String,
    /// The byte offset in `text` where each token ends.
    pub ends: Vec<usize>,
    /// The final `done` event, in the batch that carries it.
    pub done: Option<DoneEvent>,
}

impl TokenBatch {
    /// The tokens of the batch, in order.
    pub fn tokens(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let token = &self.text[start..end];
            start = end;
            token
        })
    }
}

impl crate::stream::Batch for TokenBatch {
    type Item = ConversationEvent;

    fn push(&mut self, item: ConversationEvent) {
        match item {
            ConversationEvent::Token(t) => {
                self.text.push_str(&t.token);
                self.ends.push(self.text.len());
            }
            ConversationEvent::Done(d) => self.done = Some(d),
        }
    }

    fn len(&self) -> usize {
        self.ends
            .len()
            .saturating_add(usize::from(self.done.is_some()))
    }

    fn append(&mut self, later: Self) {
        let shift = self.text.len();
        self.text.push_str(&later.text);
        self.ends
            .extend(later.ends.iter().map(|end| end.saturating_add(shift)));
        if later.done.is_some() {
            self.done = later.done;
        }
    }
}

#[cfg(test)]
mod token_batch_tests {
    use super::*;
    use crate::stream::Batch;

    fn token(t: &str) -> ConversationEvent {
        ConversationEvent::Token(TokenEvent { token: t.into() })
    }

    #[test]
    fn batches_keep_every_token_across_append() {
        let mut first = TokenBatch::default();
        first.push(token("Hola"));
        first.push(token(", ñandú "));
        let mut later = TokenBatch::default();
        later.push(token(""));
        later.push(token("🦀"));
        later.push(ConversationEvent::Done(DoneEvent {
            message_id: "msg_1".into(),
            tokens_used: 4,
            timestamp: "2025-01-15T10:00:00Z".into(),
        }));
        assert_eq!(later.len(), 3);
        first.append(later);
        assert_eq!(
            first.tokens().collect::<Vec<_>>(),
            ["Hola", ", ñandú ", "", "🦀"]
        );
        assert_eq!(first.text, "Hola, ñandú 🦀");
        assert_eq!(first.len(), 5);
        assert_eq!(first.done.as_ref().map(|d| d.tokens_used), Some(4));
        assert!(TokenBatch::default().is_empty());
    }
}

/// A [`MessageStream`] read in [`TokenBatch`]es ([`MessageStream::token_batches`]).
#[derive(Debug)]
pub struct TokenBatches {
    inner: MessageStream,
    max: usize,
    /// An error held back so the tokens before it are delivered first.
    pending: Option<crate::Error>,
}

impl TokenBatches {
    /// Adds one SSE event to `batch`; answers whether the stream goes on after it.
    fn add(batch: &mut TokenBatch, ev: sse::EventRef<'_>, meta: &ResponseMeta) -> Result<bool> {
        match Piece::of(ev, meta)? {
            Piece::Token(token) => {
                batch.text.push_str(&token);
                batch.ends.push(batch.text.len());
                Ok(true)
            }
            Piece::Done(done) => {
                batch.done = Some(done);
                Ok(false)
            }
            Piece::Skip => Ok(true),
        }
    }
}

impl Stream for TokenBatches {
    type Item = Result<TokenBatch>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if let Some(e) = this.pending.take() {
            return Poll::Ready(Some(Err(e)));
        }
        let max = this.max;
        let (sse, decoder, received, finished) = this.inner.parts_mut();
        if *finished {
            return Poll::Ready(None);
        }
        let mut batch = TokenBatch::default();
        let mut failure = None;
        loop {
            let polled = sse.poll_each(cx, &mut |ev, meta| {
                if *finished {
                    return false;
                }
                let before = batch.ends.len();
                match Self::add(&mut batch, ev, meta) {
                    Ok(go_on) => {
                        let added = batch.ends.len().saturating_sub(before);
                        *received =
                            received.saturating_add(u64::try_from(added).unwrap_or(u64::MAX));
                        if !go_on {
                            *received = received.saturating_add(1);
                            *finished = true;
                        }
                    }
                    Err(e) => {
                        failure = Some(e);
                        *finished = true;
                    }
                }
                !*finished && batch.ends.len() < max
            });
            let ended = match polled {
                Poll::Pending => {
                    // nothing was handed over in this call
                    return Poll::Pending;
                }
                Poll::Ready(Some(Ok(()))) => false,
                Poll::Ready(Some(Err(e))) => {
                    failure.get_or_insert(e);
                    *finished = true;
                    true
                }
                Poll::Ready(None) => true,
            };
            if ended && !*finished {
                *finished = true;
                failure = Some(crate::Error::IncompleteStream {
                    received: *received,
                });
            }
            if let Some(done) = &batch.done {
                decoder.done = Some(done.clone());
            }
            let empty = batch.is_empty();
            match failure.take().map(|e| sse.scrub(e)) {
                Some(e) if empty => return Poll::Ready(Some(Err(e))),
                Some(e) => {
                    this.pending = Some(e);
                    return Poll::Ready(Some(Ok(batch)));
                }
                None if !empty => return Poll::Ready(Some(Ok(batch))),
                None if *finished => return Poll::Ready(None),
                // only events without tokens (unknown types) so far: read on
                None => {}
            }
        }
    }
}
