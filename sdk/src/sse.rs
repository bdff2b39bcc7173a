//! A push-style decoder for `text/event-stream` bodies (server-sent events).
//!
//! [`Decoder`] follows the "event stream interpretation" rules of the WHATWG HTML standard:
//!
//! - lines end with CR, LF or CRLF, also when the CR and the LF arrive in different chunks (a CR
//!   ends its line at once, and an LF at the start of the next chunk is then swallowed);
//! - exactly one leading UTF-8 byte order mark is removed, even when it is split across chunks;
//! - lines starting with `:` are comments; a line without `:` is a field with an empty value;
//!   one space after the colon is removed; unknown fields are ignored;
//! - `data` lines are joined with `"\n"`; an empty line dispatches the event, unless no `data`
//!   line was seen (then only the event type is reset);
//! - `id` sets the last event id, which persists across events, unless the value contains NUL;
//! - `retry` sets the reconnection time when its value is made of ASCII digits only;
//! - invalid UTF-8 is replaced by U+FFFD, line by line, so a complete line is never held back
//!   waiting for more input;
//! - a partial event at the end of the input is discarded.
//!
//! The decoder runs in linear time: each byte is scanned once (only the new bytes of a chunk are
//! searched for line ends), complete lines inside a chunk are parsed in place without being
//! copied, and memory is bounded by [`Decoder::with_max_event_size`].
//!
//! ```
//! use agents_sdk::sse::Decoder;
//!
//! let mut decoder = Decoder::new();
//! let mut events = decoder.feed(b"event: token\ndata: {\"token\": \"Hi\"}\n")?;
//! events.extend(decoder.feed(b"\nevent: done\ndata: {}\n\n")?);
//! events.extend(decoder.finish()?);
//! assert_eq!(events.len(), 2);
//! assert_eq!(events[0].event, "token");
//! assert_eq!(events[0].data, r#"{"token": "Hi"}"#);
//! assert_eq!(events[1].event, "done");
//! # Ok::<(), agents_sdk::sse::Error>(())
//! ```

/// Default limit for one line and for the accumulated `data` of one event: 16 MiB.
pub const DEFAULT_MAX_EVENT_SIZE: usize = 16 * 1024 * 1024;

/// Capacity kept for the partial-line buffer after an unusually long line was processed.
const RETAINED_LINE_CAPACITY: usize = 64 * 1024;

const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// One dispatched server-sent event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Event {
    /// The event type: the last `event` field of the event, `"message"` when there was none
    /// (or when it was empty).
    pub event: String,
    /// The `data` lines of the event joined with `"\n"`.
    pub data: String,
    /// The last event id at the time of dispatch (`""` if none was ever set).
    pub id: String,
}

impl Event {
    /// The event borrowed, as [`Decoder::feed_each`] hands it over.
    pub fn as_ref(&self) -> EventRef<'_> {
        EventRef {
            event: &self.event,
            data: &self.data,
            id: &self.id,
        }
    }
}

/// A dispatched event borrowed from the decoder's buffers ([`Decoder::feed_each`]): the same
/// fields as [`Event`], without an allocation per event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventRef<'a> {
    /// The event type (`"message"` when the event named none).
    pub event: &'a str,
    /// The `data` lines joined with `"\n"`.
    pub data: &'a str,
    /// The last event id at the time of dispatch (`""` if none was ever set).
    pub id: &'a str,
}

/// Where the decoder puts dispatched events: a vector of owned [`Event`]s, or a callback that
/// borrows them.
trait Sink: Sized {
    /// `event` (empty for the default type) and `data` are the decoder's buffers of the event
    /// being dispatched; a sink may take them (the decoder clears them after the call).
    fn emit(&mut self, event: &mut String, data: &mut String, id: &str);

    /// An event of the fast path ([`Decoder::simple_event`]): `event` (not empty) and `data`
    /// borrowed from the input. By default copied into the decoder's buffers and emitted.
    fn emit_borrowed(&mut self, decoder: &mut Decoder, event: &str, data: &str) {
        decoder.event_type.push_str(event);
        decoder.data.push_str(data);
        decoder.has_data = true;
        decoder.dispatch(self);
    }
}

impl Sink for Vec<Event> {
    fn emit(&mut self, event: &mut String, data: &mut String, id: &str) {
        let event = if event.is_empty() {
            String::from("message")
        } else {
            std::mem::take(event)
        };
        self.push(Event {
            event,
            data: std::mem::take(data),
            id: id.to_owned(),
        });
    }
}

/// A callback sink ([`Decoder::feed_each`]).
struct Each<F>(F);

impl<F: FnMut(EventRef<'_>)> Sink for Each<F> {
    fn emit(&mut self, event: &mut String, data: &mut String, id: &str) {
        let event = if event.is_empty() { "message" } else { event };
        (self.0)(EventRef { event, data, id });
    }

    /// Handed over as it lies in the input: no copy.
    fn emit_borrowed(&mut self, decoder: &mut Decoder, event: &str, data: &str) {
        (self.0)(EventRef {
            event,
            data,
            id: &decoder.last_event_id,
        });
    }
}

/// Why the decoder refused its input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line, or the accumulated `data` of one event, was larger than the configured limit.
    #[error("server-sent event larger than the limit of {limit} bytes")]
    EventTooLarge {
        /// The limit that was exceeded, in bytes.
        limit: usize,
    },
}

/// Incremental decoder of a server-sent event stream.
///
/// Feed it the body chunk by chunk with [`feed`](Decoder::feed) (or
/// [`feed_into`](Decoder::feed_into)), then call [`finish`](Decoder::finish) at the end of the
/// input.
///
/// # After [`Error::EventTooLarge`]
///
/// The decoder stays usable and in a defined state: the whole chunk is still consumed; the
/// event that contained the oversized line or data is dropped, together with every following
/// line up to and including the next empty line (the bytes of an oversized line are not
/// buffered while it is skipped). Decoding then resumes with the next event. The last event id
/// and the reconnection time keep the values set before the error (fields of the dropped event
/// are ignored from the moment of the error). Each oversized event is reported once.
#[derive(Debug, Clone)]
pub struct Decoder {
    max: usize,
    /// The incomplete last line of the input so far (never contains CR or LF).
    line: Vec<u8>,
    /// The `data` buffer of the event being built: its data lines joined with `"\n"`.
    data: String,
    /// At least one `data` line was seen for the event being built (the buffer of the
    /// standard is then non-empty, even when `data` is empty here).
    has_data: bool,
    /// The event type buffer of the event being built.
    event_type: String,
    last_event_id: String,
    retry: Option<u64>,
    /// The previous chunk ended with CR: an LF at the start of the next chunk belongs to it.
    pending_cr: bool,
    /// Number of bytes of a leading BOM matched so far (held back, not in `line`).
    bom_matched: u8,
    /// The start of the stream has been checked for a BOM.
    bom_done: bool,
    /// The current partial line is oversized: its bytes are dropped until its end.
    discard_line: bool,
    /// Lines are ignored up to and including the next empty line.
    discard_event: bool,
}

impl Default for Decoder {
    fn default() -> Self {
        Self::new()
    }
}

impl Decoder {
    /// A decoder with the default limit of 16 MiB per line and per event.
    pub fn new() -> Self {
        Self::with_max_event_size(DEFAULT_MAX_EVENT_SIZE)
    }

    /// A decoder that refuses a line, or an event's accumulated `data`, larger than `max` bytes.
    pub fn with_max_event_size(max: usize) -> Self {
        Decoder {
            max,
            line: Vec::new(),
            data: String::new(),
            has_data: false,
            event_type: String::new(),
            last_event_id: String::new(),
            retry: None,
            pending_cr: false,
            bom_matched: 0,
            bom_done: false,
            discard_line: false,
            discard_event: false,
        }
    }

    /// The configured limit in bytes.
    pub fn max_event_size(&self) -> usize {
        self.max
    }

    /// The reconnection time in milliseconds set by the last valid `retry` field, if any.
    pub fn retry(&self) -> Option<u64> {
        self.retry
    }

    /// The last event id set by an `id` field (`""` if none).
    pub fn last_event_id(&self) -> &str {
        &self.last_event_id
    }

    /// Decodes one chunk of the body and returns the events it completed.
    ///
    /// On [`Error::EventTooLarge`] the chunk is still consumed (see the type's documentation),
    /// but the events it completed are not returned; use [`feed_into`](Decoder::feed_into) to
    /// keep them.
    pub fn feed(&mut self, bytes: &[u8]) -> Result<Vec<Event>, Error> {
        let mut out = Vec::new();
        self.feed_into(bytes, &mut out)?;
        Ok(out)
    }

    /// Decodes one chunk of the body and appends the events it completed to `out`, so a caller
    /// can reuse one vector for the whole stream.
    ///
    /// The whole chunk is always consumed. When an event was too large, every other event
    /// completed by the chunk is still appended to `out` and the error is returned afterwards.
    pub fn feed_into(&mut self, bytes: &[u8], out: &mut Vec<Event>) -> Result<(), Error> {
        self.feed_sink(bytes, out)
    }

    /// Decodes one chunk of the body and hands each event it completes to `on_event`, borrowed
    /// from the decoder's buffers, which are reused for the next event: no allocation per
    /// event. Errors as [`feed_into`](Decoder::feed_into).
    pub fn feed_each(
        &mut self,
        bytes: &[u8],
        on_event: impl FnMut(EventRef<'_>),
    ) -> Result<(), Error> {
        self.feed_sink(bytes, &mut Each(on_event))
    }

    fn feed_sink<S: Sink>(&mut self, bytes: &[u8], out: &mut S) -> Result<(), Error> {
        let mut failure = None;
        let mut input = bytes;

        if !self.bom_done {
            input = self.strip_bom(input);
            if !self.bom_done {
                // Every byte so far is a prefix of the BOM.
                return Ok(());
            }
        }

        if self.pending_cr
            && let Some(&first) = input.first()
        {
            self.pending_cr = false;
            if first == b'\n' {
                input = input.get(1..).unwrap_or_default();
            }
        }

        // Validate the chunk once: the lines inside its valid prefix are parsed as `&str`
        // without further checks; the others are decoded line by line, lossily.
        let text = match std::str::from_utf8(input) {
            Ok(text) => text,
            Err(err) => input
                .get(..err.valid_up_to())
                .and_then(|valid| std::str::from_utf8(valid).ok())
                .unwrap_or_default(),
        };

        let mut start = 0;
        loop {
            if self.at_event_start()
                && let Some(used) = self.simple_event(
                    input.get(start..).unwrap_or_default(),
                    text.get(start..),
                    out,
                )
            {
                start = start.saturating_add(used);
                continue;
            }
            let Some(pos) = input
                .get(start..)
                .and_then(|rest| memchr::memchr2(b'\r', b'\n', rest))
                .map(|rel| start.saturating_add(rel))
            else {
                break;
            };
            // `start <= pos < input.len()`: memchr positions lie inside `input`.
            let piece = input.get(start..pos).unwrap_or_default();
            self.complete_line(piece, text.get(start..pos), out, &mut failure);
            start = pos.saturating_add(1);
            if input.get(pos) == Some(&b'\r') {
                match input.get(start) {
                    Some(b'\n') => start = start.saturating_add(1),
                    Some(_) => {}
                    None => self.pending_cr = true,
                }
            }
        }
        self.buffer_partial(input.get(start..).unwrap_or_default(), &mut failure);

        match failure {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }

    /// Whether nothing of an event has been read yet: no partial line, no field of the next
    /// event, nothing being discarded.
    fn at_event_start(&self) -> bool {
        self.line.is_empty()
            && !self.has_data
            && self.event_type.is_empty()
            && !self.discard_line
            && !self.discard_event
    }

    /// The fast path of the usual event shape: when `rest` (which starts at an event boundary)
    /// begins with a whole event made of exactly the lines `event: <name>`, `data: <data>` and
    /// an empty line, all LF-terminated, valid UTF-8 and within the size limit, the event is
    /// dispatched at once and the number of bytes it took is answered. The general line-by-line
    /// path would produce the same event from the same bytes (the fuzz target `sse_decoder`
    /// checks it: an event cut across chunks always takes the general path); anything else
    /// (CR line ends, other fields, comments, a missing space, an empty name, a chunk that
    /// ends inside the event) answers `None` and is left to it.
    fn simple_event<S: Sink>(
        &mut self,
        rest: &[u8],
        text: Option<&str>,
        out: &mut S,
    ) -> Option<usize> {
        const EVENT: &[u8] = b"event: ";
        const DATA: &[u8] = b"data: ";
        let after_event = rest.strip_prefix(EVENT)?;
        let name_len = memchr::memchr2(b'\n', b'\r', after_event)?;
        if name_len == 0 || after_event.get(name_len) != Some(&b'\n') {
            return None;
        }
        let data_at = EVENT.len().checked_add(name_len)?.checked_add(1)?;
        let after_data = rest.get(data_at..)?.strip_prefix(DATA)?;
        let data_len = memchr::memchr2(b'\n', b'\r', after_data)?;
        if after_data.get(data_len..data_len.checked_add(2)?) != Some(b"\n\n".as_slice()) {
            return None;
        }
        let used = data_at
            .checked_add(DATA.len())?
            .checked_add(data_len)?
            .checked_add(2)?;
        if used > self.max {
            return None;
        }
        // within the chunk's valid UTF-8 prefix, cut at ASCII bytes
        let text = text?;
        let name = text.get(EVENT.len()..EVENT.len().checked_add(name_len)?)?;
        let data_start = data_at.checked_add(DATA.len())?;
        let data = text.get(data_start..data_start.checked_add(data_len)?)?;
        out.emit_borrowed(self, name, data);
        Some(used)
    }

    /// Ends the input.
    ///
    /// A CR completes its line as soon as it arrives, so an event completed by a final lone CR
    /// was already returned by the `feed` call that delivered that CR, and a stream cannot
    /// complete an event any later. What remains is incomplete: a partial line and an event
    /// without its terminating empty line are discarded, as the standard requires, and the
    /// returned vector is therefore empty. The decoder is then ready for the body of a new
    /// connection (a new leading BOM is accepted); the last event id and the reconnection time
    /// are kept, as they are for a reconnecting `EventSource`.
    pub fn finish(&mut self) -> Result<Vec<Event>, Error> {
        let line_capacity = self.line.capacity();
        self.line.clear();
        if line_capacity > RETAINED_LINE_CAPACITY {
            self.line.shrink_to(RETAINED_LINE_CAPACITY);
        }
        self.data = String::new();
        self.has_data = false;
        self.event_type.clear();
        self.pending_cr = false;
        self.bom_matched = 0;
        self.bom_done = false;
        self.discard_line = false;
        self.discard_event = false;
        Ok(Vec::new())
    }

    /// Consumes the leading bytes that match the BOM; once the start of the stream is decided,
    /// sets `bom_done` and puts back the matched prefix of a BOM that turned out not to be one.
    fn strip_bom<'a>(&mut self, mut input: &'a [u8]) -> &'a [u8] {
        while let Some(&byte) = input.first() {
            let matched = usize::from(self.bom_matched);
            if BOM.get(matched) == Some(&byte) {
                self.bom_matched = self.bom_matched.saturating_add(1);
                input = input.get(1..).unwrap_or_default();
                if usize::from(self.bom_matched) == BOM.len() {
                    self.bom_done = true;
                    return input;
                }
            } else {
                // Not a BOM after all: the held bytes are ordinary line content.
                self.line
                    .extend_from_slice(BOM.get(..matched).unwrap_or_default());
                self.bom_done = true;
                return input;
            }
        }
        input
    }

    /// `rest` is the end of a chunk without a line terminator.
    fn buffer_partial(&mut self, rest: &[u8], failure: &mut Option<Error>) {
        if rest.is_empty() || self.discard_line {
            return;
        }
        if self.line.len().saturating_add(rest.len()) > self.max {
            self.oversized(failure);
            self.discard_line = true;
            self.line = Vec::new();
            return;
        }
        self.line.extend_from_slice(rest);
    }

    /// `piece` is the end of a line (the whole line when nothing was buffered); `text` is the
    /// same bytes when they are known to be valid UTF-8.
    fn complete_line<S: Sink>(
        &mut self,
        piece: &[u8],
        text: Option<&str>,
        out: &mut S,
        failure: &mut Option<Error>,
    ) {
        if self.discard_line {
            // The end of an oversized line; its event is being discarded already.
            self.discard_line = false;
            return;
        }
        if self.line.is_empty() {
            // Fast path: the line lies entirely inside this chunk.
            if piece.len() > self.max {
                self.oversized(failure);
                return;
            }
            match text {
                Some(text) => self.process_line(text, out, failure),
                None => self.process_line(piece, out, failure),
            }
            return;
        }
        if self.line.len().saturating_add(piece.len()) > self.max {
            self.oversized(failure);
            self.line.clear();
            return;
        }
        self.line.extend_from_slice(piece);
        let mut line = std::mem::take(&mut self.line);
        self.process_line(line.as_slice(), out, failure);
        line.clear();
        if line.capacity() > RETAINED_LINE_CAPACITY {
            line.shrink_to(RETAINED_LINE_CAPACITY);
        }
        self.line = line;
    }

    /// Records the error and drops the event being built, up to the next empty line.
    fn oversized(&mut self, failure: &mut Option<Error>) {
        if !self.discard_event {
            failure.get_or_insert(Error::EventTooLarge { limit: self.max });
        }
        self.discard_event = true;
        self.data = String::new();
        self.has_data = false;
        self.event_type.clear();
    }

    fn process_line<'a, L: LineText<'a>, S: Sink>(
        &mut self,
        line: L,
        out: &mut S,
        failure: &mut Option<Error>,
    ) {
        let bytes = line.bytes();
        if self.discard_event {
            if bytes.is_empty() {
                self.discard_event = false;
            }
            return;
        }
        if bytes.is_empty() {
            self.dispatch(out);
            return;
        }
        // Field names are short: a forward scan finds the colon sooner than a SIMD search.
        let (field, value) = match bytes.iter().position(|&b| b == b':') {
            Some(0) => return, // comment
            Some(colon) => {
                let skip = if bytes.get(colon.saturating_add(1)) == Some(&b' ') {
                    2
                } else {
                    1
                };
                (
                    bytes.get(..colon).unwrap_or_default(),
                    line.tail(colon.saturating_add(skip)),
                )
            }
            None => (bytes, L::EMPTY),
        };
        match field {
            b"data" => {
                // Joining while appending gives the same text as the standard's "append a LF
                // after each line, remove the last LF at dispatch", without reallocating.
                if self.has_data {
                    self.data.push('\n');
                    value.append_to(&mut self.data);
                } else {
                    self.has_data = true;
                    if self.data.capacity() == 0 {
                        self.data = value.into_string();
                    } else {
                        value.append_to(&mut self.data);
                    }
                }
                if self.data.len() > self.max {
                    self.oversized(failure);
                }
            }
            b"event" => {
                self.event_type.clear();
                value.append_to(&mut self.event_type);
            }
            // An id containing NUL is ignored.
            b"id" if !value.bytes().contains(&0) => {
                self.last_event_id.clear();
                value.append_to(&mut self.last_event_id);
            }
            b"retry" => {
                let digits = value.bytes();
                if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) {
                    // A value beyond u64 is ignored like any other unusable one.
                    if let Some(ms) = parse_digits(digits) {
                        self.retry = Some(ms);
                    }
                }
            }
            _ => {}
        }
    }

    fn dispatch<S: Sink>(&mut self, out: &mut S) {
        if !self.has_data {
            self.event_type.clear();
            return;
        }
        self.has_data = false;
        out.emit(&mut self.event_type, &mut self.data, &self.last_event_id);
        self.event_type.clear();
        self.data.clear();
        // the buffers are reused for the next event, but not at the size of an unusual one
        if self.data.capacity() > RETAINED_LINE_CAPACITY {
            self.data = String::new();
        }
        if self.event_type.capacity() > RETAINED_LINE_CAPACITY {
            self.event_type = String::new();
        }
    }
}

/// A complete line, either already validated (`&str`) or raw bytes decoded lossily on use.
trait LineText<'a>: Copy {
    const EMPTY: Self;
    fn bytes(self) -> &'a [u8];
    /// The line from byte `start` on; `start` follows an ASCII byte of the line.
    fn tail(self, start: usize) -> Self;
    fn append_to(self, dst: &mut String);
    fn into_string(self) -> String;
}

impl<'a> LineText<'a> for &'a str {
    const EMPTY: Self = "";

    fn bytes(self) -> &'a [u8] {
        self.as_bytes()
    }

    fn tail(self, start: usize) -> Self {
        self.get(start..).unwrap_or_default()
    }

    fn append_to(self, dst: &mut String) {
        dst.push_str(self);
    }

    fn into_string(self) -> String {
        self.to_owned()
    }
}

impl<'a> LineText<'a> for &'a [u8] {
    const EMPTY: Self = &[];

    fn bytes(self) -> &'a [u8] {
        self
    }

    fn tail(self, start: usize) -> Self {
        self.get(start..).unwrap_or_default()
    }

    fn append_to(self, dst: &mut String) {
        dst.push_str(&String::from_utf8_lossy(self));
    }

    fn into_string(self) -> String {
        String::from_utf8_lossy(self).into_owned()
    }
}

fn parse_digits(digits: &[u8]) -> Option<u64> {
    digits.iter().try_fold(0u64, |acc, &d| {
        acc.checked_mul(10)?
            .checked_add(u64::from(d.checked_sub(b'0')?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(input: &[u8]) -> Vec<Event> {
        let mut d = Decoder::new();
        let mut events = d.feed(input).unwrap();
        events.extend(d.finish().unwrap());
        events
    }

    /// Events, errors, last id and retry of `input` fed in pieces of `step` bytes, through
    /// `feed_into` and through `feed_each` (whose fast path borrows the event from the input),
    /// which must agree.
    fn outcome(input: &[u8], step: usize, max: usize) -> (Vec<Event>, usize, String, Option<u64>) {
        let mut d = Decoder::with_max_event_size(max);
        let mut events = Vec::new();
        let mut failures = 0;
        for chunk in input.chunks(step) {
            failures += usize::from(d.feed_into(chunk, &mut events).is_err());
        }
        let mut each = Decoder::with_max_event_size(max);
        let mut borrowed = Vec::new();
        let mut each_failures = 0;
        for chunk in input.chunks(step) {
            let fed = each.feed_each(chunk, |e| {
                borrowed.push(Event {
                    event: e.event.to_owned(),
                    data: e.data.to_owned(),
                    id: e.id.to_owned(),
                })
            });
            each_failures += usize::from(fed.is_err());
        }
        assert_eq!(
            (&borrowed, each_failures),
            (&events, failures),
            "feed_each vs feed_into"
        );
        (events, failures, d.last_event_id().to_owned(), d.retry())
    }

    #[test]
    fn the_fast_path_of_simple_events_decodes_as_the_line_by_line_path() {
        // Fed whole, an event of exactly `event:`/`data:`/empty line takes the fast path;
        // fed one byte at a time, no event is ever whole inside a chunk, so every line takes
        // the general path. Both must give the same events, ids, retry and errors, including
        // for near misses of the fast path's shape.
        let cases: &[&[u8]] = &[
            b"event: token\ndata: {\"token\":\" word\"}\n\nevent: token\ndata: {\"token\":\"!\"}\n\n",
            b"event: token\ndata: x\n\nevent: done\ndata: {\"a\":1}\n\n",
            b"event: a:b\ndata: c: d\n\n",
            b"event: \ndata: empty name\n\n",
            b"event:token\ndata: no space\n\nevent: token\ndata:x\n\n",
            b"event:  two spaces\ndata:  x\n\n",
            b"event: token\r\ndata: crlf\r\n\r\nevent: token\rdata: cr\r\r",
            b"event: token\ndata: x\r\n\n",
            b"id: 7\nevent: token\ndata: x\n\nevent: token\ndata: y\n\n",
            b"event: token\nid: 8\ndata: x\n\n",
            b": comment\nevent: token\ndata: x\n\n",
            b"retry: 10\nevent: token\ndata: x\n\n",
            b"event: token\ndata: one\ndata: two\n\n",
            b"event: a\nevent: b\ndata: x\n\n",
            b"event: token\ndata: \n\n",
            b"event: token\ndata: x\n",
            b"event: token\ndata: x\nevent: other\n\n",
            b"event: token\ndata: \xc3\xb1and\xc3\xba \xf0\x9f\xa6\x80\n\n",
            b"event: token\ndata: bad \xff utf8\n\nevent: token\ndata: after\n\n",
            b"\xef\xbb\xbfevent: token\ndata: bom\n\n",
            b"data: no name\n\nevent: token\ndata: x\n\n",
            b"event: token\ndata: a long line past the small limit\n\nevent: t\ndata: ok\n\n",
        ];
        for case in cases {
            for max in [DEFAULT_MAX_EVENT_SIZE, 24] {
                let whole = outcome(case, case.len(), max);
                let bytes = outcome(case, 1, max);
                assert_eq!(
                    whole,
                    bytes,
                    "{:?} with max {max}",
                    String::from_utf8_lossy(case)
                );
            }
        }
        // the usual shape does decode (and is not all refused)
        let (events, failures, _, _) = outcome(cases[0], cases[0].len(), DEFAULT_MAX_EVENT_SIZE);
        assert_eq!(failures, 0);
        assert_eq!(events.len(), 2);
        assert_eq!(
            (events[0].event.as_str(), events[0].data.as_str()),
            ("token", "{\"token\":\" word\"}")
        );
    }

    #[test]
    fn bom_prefix_that_is_not_a_bom_is_content() {
        let mut d = Decoder::new();
        let mut events = d.feed(&[0xEF, 0xBB]).unwrap();
        events.extend(d.feed(b"x\n\ndata: y\n\n").unwrap());
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].data, "y");
    }

    #[test]
    fn retry_overflow_is_ignored() {
        let mut d = Decoder::new();
        d.feed(b"retry: 99999999999999999999999\nretry: 5\nretry: 184467440737095516160\n")
            .unwrap();
        assert_eq!(d.retry(), Some(5));
    }

    #[test]
    fn long_line_buffer_is_released() {
        let mut d = Decoder::new();
        let mut input = b"data: ".to_vec();
        input.extend(std::iter::repeat_n(b'a', 200_000));
        d.feed(&input).unwrap();
        let events = d.feed(b"\n\n").unwrap();
        assert_eq!(events[0].data.len(), 200_000);
        assert!(d.line.capacity() <= RETAINED_LINE_CAPACITY);
    }

    #[test]
    fn buffers_of_a_large_event_are_not_kept_by_feed_each() {
        let mut d = Decoder::new();
        let mut input = b"event: ".to_vec();
        input.extend(std::iter::repeat_n(b'e', 100_000));
        input.extend(b"\ndata: ");
        input.extend(std::iter::repeat_n(b'a', 200_000));
        input.extend(b"\n\n");
        let mut sizes = Vec::new();
        d.feed_each(&input, |ev| sizes.push((ev.event.len(), ev.data.len())))
            .unwrap();
        assert_eq!(sizes, [(100_000, 200_000)]);
        assert!(d.data.capacity() <= RETAINED_LINE_CAPACITY);
        assert!(d.event_type.capacity() <= RETAINED_LINE_CAPACITY);
    }

    #[test]
    fn finish_resets_for_a_new_connection() {
        let mut d = Decoder::new();
        d.feed(b"id: 7\ndata: partial").unwrap();
        assert!(d.finish().unwrap().is_empty());
        let events = d.feed(b"\xEF\xBB\xBFdata: next\n\n").unwrap();
        assert_eq!(
            events,
            vec![Event {
                event: "message".into(),
                data: "next".into(),
                id: "7".into()
            }]
        );
        assert_eq!(decode(b"data: a\n\n").len(), 1);
    }
}
