//! Streams for JavaScript: a native `nextBatch()` hands over every event that is ready (the
//! core stream behind `futures`' `ready_chunks`), and `ts/streaming.ts` wraps it in an
//! `async function*`. Dropping the native object (or `close()`) drops the core stream, which
//! closes the connection.

use std::sync::Arc;

use agents_sdk::ops::{ChatEvent, ChatStream as CoreChatStream};
use agents_sdk::platform::{MessageStream, TokenBatch as CoreTokenBatch};
use agents_sdk::stream::{ReadAhead, TextBudget};
use agents_sdk::{CancelToken, Error};
use futures::StreamExt;
use futures::stream::ReadyChunks;
use napi::Env;
use napi::bindgen_prelude::{PromiseRaw, Uint32Array};
use napi_derive::napi;
use serde::Serialize;
use tokio::sync::Mutex;

use crate::error::{spawn, to_json, to_napi};

/// Most events handed over by one `nextBatch()`.
pub(crate) const MAX_BATCH: usize = 2048;

/// A stream plus an error held back so the events before it are delivered first.
struct Batched<S: futures::Stream> {
    stream: Option<ReadyChunks<S>>,
    pending: Option<Error>,
    /// Whether a batch already told JavaScript that the answer's text was truncated.
    truncation_sent: bool,
}

impl<S: futures::Stream> Batched<S> {
    fn new(stream: S) -> Self {
        Batched {
            stream: Some(stream.ready_chunks(MAX_BATCH)),
            pending: None,
            truncation_sent: false,
        }
    }
}

/// One batch of a platform token stream, handed to JavaScript as an object: the tokens
/// concatenated in `joined`, and each token's length in UTF-16 code units in `lens` (a typed
/// array over the lengths' own memory), so JavaScript slices one string; no JSON text in
/// between.
#[napi(object)]
pub struct TokenBatch {
    pub joined: String,
    pub lens: Uint32Array,
    /// The JSON of the `done` event, in the batch that carries it.
    pub done: Option<String>,
    /// How much of `joined` (UTF-16 code units) the answer's `text` keeps, when not all of it:
    /// the text stops at the call's `max_response_bytes`, at the same byte as in Python.
    pub keep: Option<u32>,
    /// The call's `max_response_bytes`, with `keep`.
    pub limit: Option<f64>,
}

impl std::fmt::Debug for TokenBatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenBatch")
            .field("tokens", &self.lens.len())
            .finish_non_exhaustive()
    }
}

/// UTF-16 code units of `text`.
fn utf16_len(text: &str) -> u32 {
    let units = if text.is_ascii() {
        text.len()
    } else {
        text.encode_utf16().count()
    };
    u32::try_from(units).unwrap_or(u32::MAX)
}

impl TokenBatch {
    fn new(core: CoreTokenBatch, budget: &mut TextBudget) -> napi::Result<Self> {
        let kept = budget.take(&core.text);
        let keep =
            (kept < core.text.len()).then(|| utf16_len(core.text.get(..kept).unwrap_or_default()));
        let lens: Vec<u32> = core.tokens().map(utf16_len).collect();
        Ok(TokenBatch {
            done: core.done.as_ref().map(to_json).transpose()?,
            joined: core.text,
            lens: Uint32Array::new(lens),
            limit: keep.map(|_| budget.limit() as f64),
            keep,
        })
    }
}

/// The platform's token stream (`conversations.sendMessage` / `conversations.stream`).
///
/// A task on the runtime reads ahead (up to [`PUMP_DEPTH`] batches) while JavaScript works
/// through the current batch, so decoding in Rust and iterating in JavaScript overlap. Dropping
/// or closing the stream aborts the task, which drops the core stream and closes the connection.
///
/// Once the call's cancel token fires (the caller's `AbortSignal`), no batch is handed out any
/// more, even one already read ahead: `nextBatch()` rejects with the cancellation.
#[napi]
pub struct TokenStream {
    /// The read-ahead (`None` once ended) and how much of the answer's text is kept.
    state: Arc<Mutex<(Option<ReadAhead<CoreTokenBatch>>, TextBudget)>>,
    stop: Option<CancelToken>,
    /// The JSON of the metadata of the response that opened the stream.
    response: String,
}

/// Batches decoded ahead of the reader.
const PUMP_DEPTH: usize = 8;

/// Most tokens handed to JavaScript in one `nextBatch()`. A batch is iterated in one run of
/// microtasks, which the event loop waits for: 8,192 tokens take 1 to 3 ms of `for await`.
const MAX_READY: usize = 8_192;

impl TokenStream {
    /// Starts reading ahead; runs inside the runtime (streams are opened in `spawn_future`).
    pub(crate) fn new(stream: MessageStream, stop: Option<CancelToken>) -> Self {
        let response = crate::options::meta_json(stream.meta()).to_string();
        let budget = TextBudget::with_limit(stream.text_limit());
        let ahead = ReadAhead::spawn_batches_on(
            &tokio::runtime::Handle::current(),
            stream.token_batches(MAX_BATCH),
            PUMP_DEPTH,
        );
        TokenStream {
            state: Arc::new(Mutex::new((Some(ahead), budget))),
            stop,
            response,
        }
    }
}

impl std::fmt::Debug for TokenStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenStream").finish_non_exhaustive()
    }
}

#[napi]
impl TokenStream {
    /// The JSON of the metadata of the response that opened the stream (status, headers,
    /// request id, rate limit, attempts).
    #[napi(catch_unwind)]
    pub fn response(&self) -> String {
        self.response.clone()
    }

    /// The next batch, or `null` after the end.
    #[napi(ts_return_type = "Promise<TokenBatch | null>", catch_unwind)]
    pub fn next_batch<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, Option<TokenBatch>>> {
        let state = self.state.clone();
        let stop = self.stop.clone();
        spawn(env, async move {
            let mut guard = state.lock().await;
            let (st, budget) = &mut *guard;
            let Some(ahead) = st.as_mut() else {
                return Ok(None);
            };
            let next = match &stop {
                None => ahead.next_batch(MAX_READY).await,
                Some(stop) => tokio::select! {
                    biased;
                    () = stop.cancelled() => Some(Err(Error::Cancelled)),
                    next = ahead.next_batch(MAX_READY) => next,
                },
            };
            let next = match next {
                Some(Ok(_)) if stop.as_ref().is_some_and(CancelToken::is_cancelled) => {
                    Some(Err(Error::Cancelled))
                }
                other => other,
            };
            let core = match next {
                None => {
                    *st = None;
                    return Ok(None);
                }
                Some(Err(e)) => {
                    *st = None;
                    return Err(to_napi(e));
                }
                Some(Ok(core)) => core,
            };
            let batch = TokenBatch::new(core, budget)?;
            if batch.done.is_some() {
                *st = None;
            }
            Ok(Some(batch))
        })
    }

    /// Drops the core stream (closing the connection); later batches are `null`.
    #[napi(ts_return_type = "Promise<void>", catch_unwind)]
    pub fn close<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, ()>> {
        let state = self.state.clone();
        if let Some(stop) = &self.stop {
            // a `nextBatch()` waiting for the server lets go of the stream at once
            stop.cancel();
        }
        spawn(env, async move {
            // dropping the read-ahead aborts its task and closes the connection
            state.lock().await.0 = None;
            Ok(())
        })
    }
}

/// One batch of an ops chat stream.
#[derive(Serialize)]
struct ChatBatch<'a> {
    events: Vec<ChatEvent>,
    /// The answer's text (as the core keeps it, up to the call's `max_response_bytes`), in the
    /// batch that carries `done` and in the first one after the text was truncated.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    /// Whether the answer's text outgrew the call's `max_response_bytes`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    truncated: bool,
    /// The call's `max_response_bytes`, with `truncated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<usize>,
}

/// The ops chat stream (`chat.stream`). As with [`TokenStream`], nothing is handed out once the
/// call's cancel token fired.
#[napi]
pub struct ChatStream {
    state: Arc<Mutex<Batched<CoreChatStream>>>,
    stop: Option<CancelToken>,
    /// The JSON of the metadata of the response that opened the stream.
    response: String,
}

impl ChatStream {
    pub(crate) fn new(stream: CoreChatStream, stop: Option<CancelToken>) -> Self {
        let response = crate::options::meta_json(stream.meta()).to_string();
        ChatStream {
            state: Arc::new(Mutex::new(Batched::new(stream))),
            stop,
            response,
        }
    }
}

impl std::fmt::Debug for ChatStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChatStream").finish_non_exhaustive()
    }
}

#[napi]
impl ChatStream {
    /// The JSON of the metadata of the response that opened the stream (status, headers,
    /// request id, rate limit, attempts).
    #[napi(catch_unwind)]
    pub fn response(&self) -> String {
        self.response.clone()
    }

    /// The JSON of the next batch (`{events, text?}`), or `null` after the end.
    #[napi(ts_return_type = "Promise<string | null>", catch_unwind)]
    pub fn next_batch<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, Option<String>>> {
        let state = self.state.clone();
        let stop = self.stop.clone();
        spawn(env, async move {
            let cancelled = || stop.as_ref().is_some_and(CancelToken::is_cancelled);
            let mut st = state.lock().await;
            if st.stream.is_some() && cancelled() {
                st.stream = None;
                st.pending = None;
                return Err(to_napi(Error::Cancelled));
            }
            if let Some(e) = st.pending.take() {
                st.stream = None;
                return Err(to_napi(e));
            }
            let Some(stream) = st.stream.as_mut() else {
                return Ok(None);
            };
            let next = match &stop {
                None => stream.next().await,
                Some(stop) => tokio::select! {
                    biased;
                    () = stop.cancelled() => Some(vec![Err(Error::Cancelled)]),
                    next = stream.next() => next,
                },
            };
            let Some(mut items) = next else {
                st.stream = None;
                return Ok(None);
            };
            if cancelled() {
                items = vec![Err(Error::Cancelled)];
            }
            let mut batch = ChatBatch {
                events: Vec::with_capacity(items.len()),
                text: None,
                truncated: false,
                limit: None,
            };
            let mut done = false;
            let mut failure = None;
            for item in items {
                match item {
                    Ok(ev) => {
                        done |= matches!(ev, ChatEvent::Done { .. });
                        batch.events.push(ev);
                    }
                    Err(e) => {
                        failure = Some(e);
                        break;
                    }
                }
            }
            if let Some(e) = failure {
                if batch.events.is_empty() {
                    st.stream = None;
                    return Err(to_napi(e));
                }
                st.pending = Some(e);
            }
            let truncated = st
                .stream
                .as_ref()
                .is_some_and(|s| s.get_ref().text_truncated());
            // JavaScript stops gathering the text itself at the first truncated batch
            let announce = truncated && !st.truncation_sent;
            st.truncation_sent |= truncated;
            batch.truncated = truncated;
            if truncated {
                batch.limit = st.stream.as_ref().map(|s| s.get_ref().text_limit());
            }
            if done || announce {
                batch.text = st.stream.as_ref().map(|s| s.get_ref().text());
            }
            Ok(Some(to_json(&batch)?))
        })
    }

    /// Drops the core stream (closing the connection); later batches are `null`.
    #[napi(ts_return_type = "Promise<void>", catch_unwind)]
    pub fn close<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, ()>> {
        let state = self.state.clone();
        if let Some(stop) = &self.stop {
            stop.cancel();
        }
        spawn(env, async move {
            let mut st = state.lock().await;
            st.stream = None;
            st.pending = None;
            Ok(())
        })
    }
}
