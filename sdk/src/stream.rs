//! Server-sent event streams over HTTP, and the typed streams of both services built on them.
//!
//! [`SseStream`] turns a response body into [`crate::sse::Event`]s with an idle timeout.
//! [`EventStream`] turns those into typed events of a service and enforces the end of the
//! stream: it ends cleanly only after the service's `done` event; a body that ends earlier is
//! [`Error::IncompleteStream`], an error event inside the stream is [`Error::Api`].
//! Dropping either closes the connection.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::Bytes;
use futures::Stream;
use tokio::time::{Instant, Sleep};

use crate::error::{Error, Result, TimeoutPhase};
use crate::options::{CancelToken, ResponseMeta};
use crate::sse;

type ByteStream = Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send>>;
type CancelFuture = Pin<Box<dyn std::future::Future<Output = ()> + Send>>;

/// Bytes of a body chunk decoded at a time (cut after a line feed). A network chunk can hold
/// thousands of small events; decoding it in steps keeps few of them alive at once, so their
/// buffers are reused from the allocator's per-thread caches while still hot.
const DECODE_STEP: usize = 4096;

/// The length of the next piece of `rest` to decode: about [`DECODE_STEP`] bytes, ending after
/// a line feed when there is one.
fn decode_step(rest: &[u8]) -> usize {
    if rest.len() <= DECODE_STEP {
        return rest.len();
    }
    let (head, tail) = rest.split_at(DECODE_STEP);
    match memchr::memrchr(b'\n', head) {
        Some(i) => i.saturating_add(1),
        None => memchr::memchr(b'\n', tail).map_or(rest.len(), |i| {
            DECODE_STEP.saturating_add(i).saturating_add(1)
        }),
    }
}

/// When a stream idle since now times out: `idle` from now, or far in the future when that
/// overflows (an unbounded idle timeout).
pub(crate) fn idle_deadline(idle: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(idle)
        .or_else(|| now.checked_add(Duration::from_secs(30 * 365 * 24 * 3600)))
        .unwrap_or(now)
}

/// The text of an answer gathered from a stream (`text()`, `collect_text()`), held up to a
/// limit: the call's `max_response_bytes` (default 32 MiB). Past the limit the stream goes on
/// delivering its events, the text stops growing and [`AnswerText::truncated`] is set.
///
/// The Python and Node packages keep the text of their read-ahead token streams in one too.
///
/// ```
/// use agents_sdk::stream::AnswerText;
/// let mut text = AnswerText::with_limit(3);
/// text.push("añadir");
/// assert_eq!(text.as_str(), "añ"); // 3 bytes: "añ" fits, the next "a" does not
/// assert!(text.truncated());
/// ```
#[derive(Debug)]
pub struct AnswerText {
    text: String,
    limit: usize,
    truncated: bool,
}

impl Default for AnswerText {
    fn default() -> Self {
        AnswerText::with_limit(crate::options::DEFAULT_MAX_RESPONSE_BYTES)
    }
}

impl AnswerText {
    /// An empty text that keeps at most `limit` bytes.
    pub fn with_limit(limit: usize) -> Self {
        AnswerText {
            text: String::new(),
            limit,
            truncated: false,
        }
    }

    /// Appends `piece`, or as much of it as fits (cut at a character boundary).
    pub fn push(&mut self, piece: &str) {
        if self.truncated {
            return;
        }
        let kept = fitting_prefix(self.limit.saturating_sub(self.text.len()), piece);
        self.text.push_str(piece.get(..kept).unwrap_or_default());
        self.truncated = kept < piece.len();
    }

    /// The text kept so far.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether some text was dropped at the limit.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// The limit in bytes.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Starts the text of a new answer.
    pub fn clear(&mut self) {
        self.text = String::new();
        self.truncated = false;
    }

    /// Takes the text out, leaving it empty.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.text)
    }
}

#[doc(hidden)]
/// The rule of [`AnswerText`] without the text: how many bytes of each piece an answer's text
/// keeps under its limit. For a binding that keeps the text on its side (Node's token streams
/// build it in JavaScript) and must stop at the same byte as the other languages.
///
/// ```
/// use agents_sdk::stream::TextBudget;
/// let mut budget = TextBudget::with_limit(3);
/// assert_eq!(budget.take("añ"), 3); // "añ" is 3 bytes
/// assert_eq!(budget.take("a"), 0);
/// assert!(budget.truncated());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct TextBudget {
    used: usize,
    limit: usize,
    truncated: bool,
}

impl TextBudget {
    /// Nothing kept yet; at most `limit` bytes.
    pub fn with_limit(limit: usize) -> Self {
        TextBudget {
            used: 0,
            limit,
            truncated: false,
        }
    }

    /// How many bytes of `piece` the text keeps: all of it while it fits, then the longest
    /// prefix that fits and ends at a character boundary (the text is truncated from then on),
    /// then nothing.
    pub fn take(&mut self, piece: &str) -> usize {
        if self.truncated {
            return 0;
        }
        let kept = fitting_prefix(self.limit.saturating_sub(self.used), piece);
        self.used = self.used.saturating_add(kept);
        self.truncated = kept < piece.len();
        kept
    }

    /// Whether some text was dropped at the limit.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// The limit in bytes.
    pub fn limit(&self) -> usize {
        self.limit
    }
}

/// The bytes of `piece` that fit in `room`: all of it, or its longest prefix of at most `room`
/// bytes that ends at a character boundary.
fn fitting_prefix(room: usize, piece: &str) -> usize {
    if piece.len() <= room {
        return piece.len();
    }
    let mut cut = room;
    while !piece.is_char_boundary(cut) {
        cut = cut.saturating_sub(1);
    }
    cut
}

/// Raw SSE events of a response body.
pub struct SseStream {
    body: ByteStream,
    decoder: sse::Decoder,
    /// The body chunk being decoded and how much of it was decoded.
    chunk: Bytes,
    decoded: usize,
    events: Vec<sse::Event>,
    pos: usize,
    idle: Duration,
    /// Fires `idle` after the last event: restarted at the first event of each chunk, so bytes
    /// that carry no event (keep-alive comments, an event trickling in forever) do not keep a
    /// stream open.
    sleep: Pin<Box<Sleep>>,
    /// A chunk arrived since the idle clock was last restarted.
    fresh: bool,
    cancel: Option<CancelFuture>,
    ended: bool,
    meta: ResponseMeta,
    /// The request's secrets, kept out of the stream's errors.
    secrets: crate::transport::SecretSource,
}

impl fmt::Debug for SseStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SseStream")
            .field("meta", &self.meta)
            .field("ended", &self.ended)
            .finish_non_exhaustive()
    }
}

impl SseStream {
    pub(crate) fn new(
        resp: reqwest::Response,
        meta: ResponseMeta,
        idle: Duration,
        max_event_size: usize,
        cancel: Option<CancelToken>,
        secrets: crate::transport::SecretSource,
    ) -> Self {
        SseStream {
            body: Box::pin(resp.bytes_stream()),
            decoder: sse::Decoder::with_max_event_size(max_event_size),
            chunk: Bytes::new(),
            decoded: 0,
            events: Vec::new(),
            pos: 0,
            idle,
            sleep: Box::pin(tokio::time::sleep(idle)),
            fresh: false,
            cancel: cancel.map(|t| Box::pin(async move { t.cancelled().await }) as CancelFuture),
            ended: false,
            meta,
            secrets,
        }
    }

    /// Metadata of the response that carries the stream.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// `e` without the request's secrets (an `error` event or a body quoting them).
    pub(crate) fn scrub(&self, e: Error) -> Error {
        self.secrets.scrub(e)
    }

    fn fail<T>(&mut self, e: Error) -> Poll<Option<Result<T>>> {
        self.ended = true;
        self.chunk = Bytes::new();
        self.events.clear();
        self.pos = 0;
        Poll::Ready(Some(Err(self.secrets.scrub(e))))
    }

    /// Takes the next chunk of the body: `Ready(Ok(()))` when there is one to decode or the
    /// body ended (`ended` is then set), `Pending` while the server sends nothing.
    fn poll_body(&mut self, cx: &mut Context<'_>) -> Poll<Result<()>> {
        if let Some(c) = self.cancel.as_mut()
            && c.as_mut().poll(cx).is_ready()
        {
            return Poll::Ready(Err(Error::Cancelled));
        }
        match ready!(self.body.as_mut().poll_next(cx)) {
            Some(Ok(chunk)) => {
                self.fresh = true;
                self.chunk = chunk;
                self.decoded = 0;
            }
            Some(Err(e)) => return Poll::Ready(Err(broken(e))),
            None => {
                self.ended = true;
                // a partial event at the end is discarded: `finish` returns no events
                self.decoder.finish()?;
            }
        }
        Poll::Ready(Ok(()))
    }

    /// An event was handed out: restarts the idle clock, once per chunk.
    fn heard(&mut self) {
        if self.fresh {
            self.fresh = false;
            self.sleep.as_mut().reset(idle_deadline(self.idle));
        }
    }

    /// While no event comes: pending until the idle timeout, then the timeout error.
    fn poll_idle<T>(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<T>>> {
        ready!(self.sleep.as_mut().poll(cx));
        let idle = self.idle;
        self.fail(Error::Timeout {
            phase: TimeoutPhase::StreamIdle,
            after: idle,
        })
    }

    /// The next step of the current chunk (about [`DECODE_STEP`] bytes), if any is left.
    fn next_step(&mut self) -> Option<Bytes> {
        let rest = self.chunk.get(self.decoded..).filter(|r| !r.is_empty())?;
        let step = decode_step(rest);
        let end = self.decoded.saturating_add(step).min(self.chunk.len());
        let piece = self.chunk.slice(self.decoded..end);
        self.decoded = end;
        Some(piece)
    }
}

impl Stream for SseStream {
    type Item = Result<sse::Event>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(slot) = this.events.get_mut(this.pos) {
                let ev = std::mem::take(slot);
                this.pos = this.pos.saturating_add(1);
                this.heard();
                return Poll::Ready(Some(Ok(ev)));
            }
            if this.ended {
                return Poll::Ready(None);
            }
            this.events.clear();
            this.pos = 0;
            if let Some(piece) = this.next_step() {
                if let Err(e) = this.decoder.feed_into(&piece, &mut this.events) {
                    return this.fail(e.into());
                }
                continue;
            }
            match this.poll_body(cx) {
                Poll::Ready(Ok(())) => {}
                Poll::Ready(Err(e)) => return this.fail(e),
                Poll::Pending => return this.poll_idle(cx),
            }
        }
    }
}

impl SseStream {
    /// Hands each ready event to `on_event`, borrowed from the decoder (no allocation per
    /// event), until `on_event` answers `false` (enough for now; the rest of the current 4 KiB
    /// step is still handed over) or nothing more is ready. Waits only while no event was
    /// handed over in this call. `Ready(None)` once the body ended.
    pub(crate) fn poll_each(
        &mut self,
        cx: &mut Context<'_>,
        on_event: &mut dyn FnMut(sse::EventRef<'_>, &ResponseMeta) -> bool,
    ) -> Poll<Option<Result<()>>> {
        let mut handed = false;
        let mut more = true;
        // events decoded by `poll_next` before (a caller may mix the two)
        while more && let Some(slot) = self.events.get_mut(self.pos) {
            let ev = std::mem::take(slot);
            self.pos = self.pos.saturating_add(1);
            handed = true;
            more = on_event(ev.as_ref(), &self.meta);
        }
        loop {
            if handed {
                self.heard();
            }
            if !more || (self.ended && handed) {
                return Poll::Ready(Some(Ok(())));
            }
            if self.ended {
                return Poll::Ready(None);
            }
            if let Some(piece) = self.next_step() {
                let meta = &self.meta;
                let fed = self.decoder.feed_each(&piece, |ev| {
                    handed = true;
                    more &= on_event(ev, meta);
                });
                if let Err(e) = fed {
                    return self.fail(e.into());
                }
                continue;
            }
            match self.poll_body(cx) {
                Poll::Ready(Ok(())) => {}
                Poll::Ready(Err(e)) => return self.fail(e),
                Poll::Pending if handed => return Poll::Ready(Some(Ok(()))),
                Poll::Pending => return self.poll_idle(cx),
            }
        }
    }
}

/// The error of a body that broke off (a reset, a chunked body cut short): a connection
/// error naming the cause, not only reqwest's "error decoding response body".
fn broken(e: reqwest::Error) -> Error {
    Error::Connection {
        message: format!(
            "stream broke: {}",
            crate::redact::redact_text(&crate::transport::describe_error(&e))
        ),
        source: Some(Box::new(e.without_url())),
    }
}

/// What one SSE event means to a typed stream.
#[doc(hidden)]
#[derive(Debug)]
pub enum Decoded<T> {
    /// An event to hand to the caller.
    Item(T),
    /// The final event, also handed to the caller; the stream ends after it.
    Done(T),
    /// Nothing for the caller (a keep-alive, an unknown event type).
    Skip,
}

/// Turns raw SSE events into a service's typed events (implemented by each service).
#[doc(hidden)]
pub trait EventDecoder: Send + Unpin + 'static {
    type Item: Send;
    fn decode(&mut self, event: sse::Event, meta: &ResponseMeta) -> Result<Decoded<Self::Item>>;
}

/// A typed event stream that must end with its `done` event.
pub struct EventStream<D: EventDecoder> {
    inner: SseStream,
    decoder: D,
    received: u64,
    finished: bool,
}

impl<D: EventDecoder> fmt::Debug for EventStream<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventStream")
            .field("received", &self.received)
            .field("finished", &self.finished)
            .field("meta", self.inner.meta())
            .finish_non_exhaustive()
    }
}

impl<D: EventDecoder> EventStream<D> {
    pub(crate) fn new(inner: SseStream, decoder: D) -> Self {
        EventStream {
            inner,
            decoder,
            received: 0,
            finished: false,
        }
    }

    pub(crate) fn decoder(&self) -> &D {
        &self.decoder
    }

    /// The raw stream, the decoder and the `received` / `finished` counters, borrowed apart.
    pub(crate) fn parts_mut(&mut self) -> (&mut SseStream, &mut D, &mut u64, &mut bool) {
        (
            &mut self.inner,
            &mut self.decoder,
            &mut self.received,
            &mut self.finished,
        )
    }

    pub(crate) fn decoder_mut(&mut self) -> &mut D {
        &mut self.decoder
    }

    /// Metadata of the response that carries the stream.
    pub fn meta(&self) -> &ResponseMeta {
        self.inner.meta()
    }

    /// Whether the final `done` event was received.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Number of typed events received so far.
    pub fn received(&self) -> u64 {
        self.received
    }
}

impl<D: EventDecoder> Stream for EventStream<D> {
    type Item = Result<D::Item>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.finished {
            return Poll::Ready(None);
        }
        loop {
            match ready!(Pin::new(&mut this.inner).poll_next(cx)) {
                Some(Ok(ev)) => match this.decoder.decode(ev, this.inner.meta()) {
                    Ok(Decoded::Item(item)) => {
                        this.received = this.received.saturating_add(1);
                        return Poll::Ready(Some(Ok(item)));
                    }
                    Ok(Decoded::Done(item)) => {
                        this.received = this.received.saturating_add(1);
                        this.finished = true;
                        return Poll::Ready(Some(Ok(item)));
                    }
                    Ok(Decoded::Skip) => continue,
                    Err(e) => {
                        this.finished = true;
                        return Poll::Ready(Some(Err(this.inner.scrub(e))));
                    }
                },
                Some(Err(e)) => {
                    this.finished = true;
                    return Poll::Ready(Some(Err(e)));
                }
                None => {
                    this.finished = true;
                    return Poll::Ready(Some(Err(Error::IncompleteStream {
                        received: this.received,
                    })));
                }
            }
        }
    }
}

/// Parses a stream event's JSON data, mapping a failure to [`Error::Decode`].
pub(crate) fn parse_data<T: serde::de::DeserializeOwned>(
    data: &str,
    meta: &ResponseMeta,
) -> Result<T> {
    serde_json::from_str(data).map_err(|e| {
        Error::decode(
            "stream event",
            e,
            data.as_bytes(),
            Some(meta.status),
            meta.request_id.clone(),
        )
    })
}

/// The typed error carried by an error event inside a 200 stream.
pub(crate) fn stream_error(data: &str, meta: &ResponseMeta) -> Error {
    let value: Option<serde_json::Value> = serde_json::from_str(data).ok();
    let mut err = crate::error::ApiError::from_value(meta.status, value.as_ref());
    if err.message.is_empty() {
        err.message = crate::redact::excerpt(data.as_bytes(), 200);
    }
    if err.request_id.is_none() {
        err.request_id = meta.request_id.clone();
    }
    err.rate_limit = meta.rate_limit;
    Error::from(err)
}

#[doc(hidden)]
/// What a [`ReadAhead`] task gathers ready items into: a `Vec` of them, or a denser form
/// built on the runtime's thread (the platform's [`crate::platform::TokenBatch`]), so the
/// consumer receives one compact value per batch instead of many small allocations.
pub trait Batch: Default + Send + 'static {
    /// The stream's item.
    type Item: Send + 'static;
    /// Adds one item.
    fn push(&mut self, item: Self::Item);
    /// Number of items gathered.
    fn len(&self) -> usize;
    /// Whether nothing was gathered.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Appends a later batch to this one.
    fn append(&mut self, later: Self);
}

impl<T: Send + 'static> Batch for Vec<T> {
    type Item = T;
    fn push(&mut self, item: T) {
        Vec::push(self, item);
    }
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn append(&mut self, later: Self) {
        self.extend(later);
    }
}

#[doc(hidden)]
/// Reads a stream ahead on a tokio runtime: a task keeps pulling ready items (in batches of at
/// most `max_batch`, gathered into a [`Batch`]) into a queue of `depth` batches while the
/// consumer works through earlier ones, so decoding overlaps the consumer. The bindings use it
/// to hand Python and JavaScript whole batches. Items before an error are delivered first, the
/// error on the next call. Dropping it aborts the task, which drops the stream (closing its
/// connection).
pub struct ReadAhead<B> {
    rx: tokio::sync::mpsc::Receiver<Result<B>>,
    task: tokio::task::AbortHandle,
    pending: Option<Error>,
}

impl<B> fmt::Debug for ReadAhead<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadAhead").finish_non_exhaustive()
    }
}

impl<B: Batch> ReadAhead<B> {
    /// Starts reading `stream` ahead on the runtime of `handle`.
    pub fn spawn_on<S>(
        handle: &tokio::runtime::Handle,
        stream: S,
        depth: usize,
        max_batch: usize,
    ) -> Self
    where
        S: Stream<Item = Result<B::Item>> + Send + 'static,
    {
        use futures::{FutureExt, StreamExt};
        let max_batch = max_batch.max(1);
        let (tx, rx) = tokio::sync::mpsc::channel(depth.max(1));
        let task = handle.spawn(async move {
            let mut stream = std::pin::pin!(stream);
            loop {
                // wait for one item, then take the others that are ready
                let mut batch = B::default();
                let mut next = stream.next().await;
                let mut ended = false;
                let mut failure = None;
                loop {
                    match next {
                        Some(Ok(v)) => batch.push(v),
                        Some(Err(e)) => {
                            failure = Some(e);
                            break;
                        }
                        None => {
                            ended = true;
                            break;
                        }
                    }
                    if batch.len() >= max_batch {
                        break;
                    }
                    match stream.next().now_or_never() {
                        Some(item) => next = item,
                        None => break,
                    }
                }
                if !batch.is_empty() && tx.send(Ok(batch)).await.is_err() {
                    return;
                }
                if let Some(e) = failure {
                    let _ = tx.send(Err(e)).await;
                    return;
                }
                if ended {
                    return;
                }
            }
        });
        ReadAhead {
            rx,
            task: task.abort_handle(),
            pending: None,
        }
    }

    /// Starts forwarding a stream of whole batches (a stream that gathers its own, such as
    /// [`crate::platform::MessageStream::token_batches`]) through a queue of `depth` batches.
    pub fn spawn_batches_on<S>(handle: &tokio::runtime::Handle, stream: S, depth: usize) -> Self
    where
        S: Stream<Item = Result<B>> + Send + 'static,
    {
        use futures::StreamExt;
        let (tx, rx) = tokio::sync::mpsc::channel(depth.max(1));
        let task = handle.spawn(async move {
            let mut stream = std::pin::pin!(stream);
            while let Some(next) = stream.next().await {
                let failed = next.is_err();
                if tx.send(next).await.is_err() || failed {
                    return;
                }
            }
        });
        ReadAhead {
            rx,
            task: task.abort_handle(),
            pending: None,
        }
    }

    /// Waits for the next batch, then adds the batches already waiting (up to `max_items`
    /// items in all); `None` once the stream ended.
    pub async fn next_batch(&mut self, max_items: usize) -> Option<Result<B>> {
        if let Some(e) = self.pending.take() {
            return Some(Err(e));
        }
        let mut items = match self.rx.recv().await? {
            Ok(items) => items,
            Err(e) => return Some(Err(e)),
        };
        while items.len() < max_items {
            match self.rx.try_recv() {
                Ok(Ok(more)) => items.append(more),
                Ok(Err(e)) => {
                    self.pending = Some(e);
                    break;
                }
                Err(_) => break,
            }
        }
        Some(Ok(items))
    }
}

impl<B> Drop for ReadAhead<B> {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::{DECODE_STEP, decode_step};

    #[test]
    fn decode_steps_end_after_a_line_feed() {
        assert_eq!(decode_step(b""), 0);
        assert_eq!(decode_step(b"data: x"), 7);
        let mut body = Vec::new();
        while body.len() < 3 * DECODE_STEP {
            body.extend_from_slice(b"event: token\ndata: {\"token\": \"w\"}\n\n");
        }
        let mut at = 0;
        while at < body.len() {
            let step = decode_step(&body[at..]);
            assert!(step > 0 && step <= DECODE_STEP);
            at += step;
            assert!(at == body.len() || body[at - 1] == b'\n');
        }
        // a line longer than a step is decoded whole, up to its end
        let mut long = vec![b'a'; DECODE_STEP * 2];
        long.extend_from_slice(b"\nrest");
        assert_eq!(decode_step(&long), DECODE_STEP * 2 + 1);
        assert_eq!(decode_step(&long[..DECODE_STEP * 2]), DECODE_STEP * 2);
    }
}
