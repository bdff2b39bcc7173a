//! `NativeStream`: a platform token stream, an ops chat stream or an ops realtime session,
//! read in batches. Each call takes every event that is already decoded or buffered (waiting
//! only when nothing is ready), so Python pays one boundary crossing per batch, not per token.
//! Dropping or closing the stream drops the core stream, which closes the connection.

use std::sync::Arc;

use agents_sdk::ops::{ChatEvent, ChatStream, RealtimeSession};
use agents_sdk::platform::{DoneEvent, MessageStream, TokenBatch};
use agents_sdk::stream::{AnswerText, ReadAhead};
use agents_sdk::{Error, Result};
use futures::{FutureExt, StreamExt};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde_json::Value;

use crate::guard::guard;
use crate::runtime::{block_on, block_on_sdk, future_into_py, runtime};

/// Most items handed over in one batch.
const MAX_BATCH: usize = 16_384;

enum Kind {
    Tokens(Pump),
    Chat(Box<ChatStream>),
    Realtime(Box<RealtimeSession>),
    /// The test hook's stream ([`crate::guard::debug_panic`]): reading it panics.
    Panicking,
}

enum Batch {
    Tokens(TokenBatch),
    Events(Vec<Value>),
}

#[derive(Default)]
struct State {
    kind: Option<Kind>,
    pending: Option<Error>,
    finished: bool,
    /// Realtime only: a chat was sent and its `done` has not arrived yet.
    chatting: bool,
    /// The call's `max_response_bytes`: the most of the answer's text kept for `text`.
    text_limit: usize,
}

type Shared = Arc<tokio::sync::Mutex<State>>;

/// A platform token stream read ahead on the runtime ([`ReadAhead`]): while Python works
/// through one batch, the next ones are already being decoded into [`TokenBatch`]es.
struct Pump {
    ahead: ReadAhead<TokenBatch>,
    /// The answer's text so far, up to the call's `max_response_bytes` (the tokens themselves
    /// are all handed over): a server that streams without end cannot make it grow without
    /// bound.
    text: AnswerText,
    done: Option<DoneEvent>,
}

/// Batches decoded ahead of the reader.
const PUMP_DEPTH: usize = 4;

impl Pump {
    fn start(stream: MessageStream) -> Self {
        Pump {
            text: AnswerText::with_limit(stream.text_limit()),
            ahead: ReadAhead::spawn_batches_on(
                runtime().handle(),
                stream.token_batches(MAX_BATCH),
                PUMP_DEPTH,
            ),
            done: None,
        }
    }

    /// The next batch of tokens: `(tokens, ended, error)`.
    async fn next(&mut self) -> (TokenBatch, bool, Option<Error>) {
        match self.ahead.next_batch(MAX_BATCH).await {
            None => (TokenBatch::default(), true, None),
            Some(Err(e)) => (TokenBatch::default(), true, Some(e)),
            Some(Ok(mut batch)) => {
                self.text.push(&batch.text);
                let ended = batch.done.is_some();
                if let Some(done) = batch.done.take() {
                    self.done = Some(done);
                }
                (batch, ended, None)
            }
        }
    }
}

/// A stream of tokens or events, shared by the sync and async Python stream classes.
#[pyclass(frozen, module = "cjhirashi_agents._native")]
pub struct NativeStream {
    state: Shared,
    /// The metadata of the response that opened the stream (none for realtime).
    meta: Option<agents_sdk::ResponseMeta>,
    /// Fired by `close()`: a reader waiting for the server (another thread, another task)
    /// lets go at once, as the end of the stream, so the stream can be dropped.
    closed: agents_sdk::CancelToken,
    /// The process (fork generation) that opened the stream: its reading task runs on that
    /// process's runtime, which a child made by `fork` does not have.
    generation: u64,
}

impl std::fmt::Debug for NativeStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NativeStream").finish_non_exhaustive()
    }
}

impl NativeStream {
    fn from_kind(kind: Kind, text_limit: usize) -> Self {
        NativeStream {
            meta: None,
            closed: agents_sdk::CancelToken::new(),
            generation: crate::runtime::process_generation(),
            state: Arc::new(tokio::sync::Mutex::new(State {
                kind: Some(kind),
                text_limit,
                ..State::default()
            })),
        }
    }

    /// A platform token stream; `text_limit` is the call's `max_response_bytes`.
    pub fn tokens(s: MessageStream, text_limit: usize) -> Self {
        let meta = s.meta().clone();
        NativeStream {
            meta: Some(meta),
            ..Self::from_kind(Kind::Tokens(Pump::start(s)), text_limit)
        }
    }

    /// An ops chat stream (whose text the core keeps up to `text_limit` bytes).
    pub fn chat(s: ChatStream, text_limit: usize) -> Self {
        let meta = s.meta().clone();
        NativeStream {
            meta: Some(meta),
            ..Self::from_kind(Kind::Chat(Box::new(s)), text_limit)
        }
    }

    pub fn realtime(s: RealtimeSession, text_limit: usize) -> Self {
        Self::from_kind(Kind::Realtime(Box::new(s)), text_limit)
    }

    /// A stream whose next batch panics (the test hook's).
    pub fn debug_panicking() -> Self {
        Self::from_kind(Kind::Panicking, 0)
    }
}

/// Collects what is ready: waits for the first item, then takes items while they are ready.
/// `stop_after` ends the batch after an item it accepts (realtime: after `done`).
async fn collect<S, T, U>(
    s: &mut S,
    out: &mut Vec<U>,
    mut map: impl FnMut(T) -> Option<U>,
    stop_after: impl Fn(&U) -> bool,
) -> (bool, Option<Error>)
where
    S: futures::Stream<Item = Result<T>> + Unpin,
{
    loop {
        let item = if out.is_empty() {
            s.next().await
        } else {
            match s.next().now_or_never() {
                Some(item) => item,
                None => return (false, None),
            }
        };
        match item {
            None => return (true, None),
            Some(Ok(v)) => {
                if let Some(u) = map(v) {
                    let stop = stop_after(&u);
                    out.push(u);
                    if stop || out.len() >= MAX_BATCH {
                        return (stop, None);
                    }
                }
            }
            Some(Err(e)) => return (true, Some(e)),
        }
    }
}

fn is_terminal(v: &Value) -> bool {
    matches!(
        v.get("type").and_then(Value::as_str),
        Some("done" | "error")
    )
}

/// The next batch, or the end once the stream was closed (even while waiting for it).
async fn next_batch(state: Shared, closed: agents_sdk::CancelToken) -> Result<Option<Batch>> {
    if closed.is_cancelled() {
        return Ok(None);
    }
    tokio::select! {
        biased;
        () = closed.cancelled() => Ok(None),
        next = read_batch(state) => next,
    }
}

async fn read_batch(state: Shared) -> Result<Option<Batch>> {
    let mut st = state.lock().await;
    let st = &mut *st;
    if let Some(e) = st.pending.take() {
        return Err(e);
    }
    if st.finished {
        return Ok(None);
    }
    let Some(kind) = st.kind.as_mut() else {
        return Ok(None);
    };
    let (batch, ended, err) = match kind {
        Kind::Panicking => crate::guard::deliberate_panic("stream"),
        Kind::Tokens(pump) => {
            let (out, ended, err) = pump.next().await;
            (Batch::Tokens(out), ended, err)
        }
        Kind::Chat(s) => {
            let mut out = Vec::new();
            let (ended, err) = collect(
                s.as_mut(),
                &mut out,
                |ev: ChatEvent| Some(ev.to_value()),
                |_| false,
            )
            .await;
            (Batch::Events(out), ended, err)
        }
        Kind::Realtime(s) => {
            if !st.chatting {
                return Ok(None);
            }
            let mut out = Vec::new();
            let (ended, err) = collect(
                s.as_mut(),
                &mut out,
                |ev: ChatEvent| Some(ev.to_value()),
                is_terminal,
            )
            .await;
            if ended {
                st.chatting = false;
            }
            // a closed socket ends the session for good
            let closed = ended && out.last().is_none_or(|v| !is_terminal(v)) && err.is_none();
            if closed {
                st.finished = true;
            }
            let empty = out.is_empty();
            return match err {
                Some(e) if empty => Err(e),
                Some(e) => {
                    st.pending = Some(e);
                    Ok(Some(Batch::Events(out)))
                }
                None if empty => Ok(None),
                None => Ok(Some(Batch::Events(out))),
            };
        }
    };
    if ended {
        st.finished = true;
    }
    let empty = match &batch {
        Batch::Tokens(v) => v.ends.is_empty(),
        Batch::Events(v) => v.is_empty(),
    };
    match err {
        Some(e) if empty => Err(e),
        Some(e) => {
            st.pending = Some(e);
            Ok(Some(batch))
        }
        None if empty => Ok(None),
        None => Ok(Some(batch)),
    }
}

fn batch_to_py(py: Python<'_>, batch: Option<Batch>) -> PyResult<Py<PyAny>> {
    Ok(match batch {
        None => py.None(),
        Some(Batch::Tokens(tokens)) => {
            PyList::new(py, tokens.tokens().map(|t| PyString::new(py, t)))?
                .into_any()
                .unbind()
        }
        Some(Batch::Events(events)) => {
            let list = PyList::empty(py);
            for ev in &events {
                list.append(crate::pyser::plain(py, ev)?)?;
            }
            list.into_any().unbind()
        }
    })
}

fn close_in_background(state: Shared) {
    runtime().spawn(async move {
        let kind = state.lock().await.kind.take();
        if let Some(Kind::Realtime(s)) = kind {
            let _ = s.close().await;
        }
    });
}

#[pymethods]
impl NativeStream {
    /// Waits for the next batch (a list of `str` tokens or of event dicts); `None` at the end.
    fn next_batch(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        guard(py, || {
            self.check_process()
                .map_err(|e| crate::errors::to_py_err(py, e))?;
            match block_on(py, next_batch(self.state.clone(), self.closed.clone())) {
                Ok(r) => {
                    let batch = r.map_err(|e| crate::errors::to_py_err(py, e))?;
                    batch_to_py(py, batch)
                }
                Err(interrupted) => {
                    // Ctrl-C while waiting (or a panic in the SDK): give the connection up
                    close_in_background(self.state.clone());
                    Err(interrupted)
                }
            }
        })
    }

    /// The next batch as an awaitable.
    fn next_batch_async<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            self.check_process()
                .map_err(|e| crate::errors::to_py_err(py, e))?;
            future_into_py(
                py,
                next_batch(self.state.clone(), self.closed.clone()),
                batch_to_py,
            )
        })
    }

    /// The metadata of the response that opened the stream (`status_code`, `headers`,
    /// `request_id`, `rate_limit`, `attempts`), `None` for a realtime session.
    fn response(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        guard(py, || match &self.meta {
            Some(m) => crate::options::meta_to_py(py, m),
            None => Ok(py.None()),
        })
    }

    /// What the stream knows once read: `text` and, for a token stream, `message_id`,
    /// `tokens_used` and `timestamp` (`None` until the `done` event), plus `finished`.
    fn info(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        guard(py, || self.info_dict(py))
    }

    /// Realtime: sends `{"type": "chat", ...}` and waits until it is written.
    #[pyo3(signature = (conversation_id, message))]
    fn send_chat(
        &self,
        py: Python<'_>,
        conversation_id: Option<String>,
        message: String,
    ) -> PyResult<()> {
        guard(py, || {
            self.check_process()
                .map_err(|e| crate::errors::to_py_err(py, e))?;
            block_on_sdk(py, send_chat(self.state.clone(), conversation_id, message))
        })
    }

    /// Realtime: `send_chat` as an awaitable.
    #[pyo3(signature = (conversation_id, message))]
    fn send_chat_async<'py>(
        &self,
        py: Python<'py>,
        conversation_id: Option<String>,
        message: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            self.check_process()
                .map_err(|e| crate::errors::to_py_err(py, e))?;
            future_into_py(
                py,
                send_chat(self.state.clone(), conversation_id, message),
                |py, ()| Ok(py.None()),
            )
        })
    }

    /// Drops the core stream (closing its connection); a realtime session is closed politely
    /// in the background.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        guard(py, || {
            self.closed.cancel();
            close_in_background(self.state.clone());
            Ok(())
        })
    }
}

impl NativeStream {
    /// Refuses a stream opened by the parent of this process, which `fork` copied with its
    /// connection but not with the task that reads it: waiting for it would never end.
    fn check_process(&self) -> Result<()> {
        if crate::runtime::process_generation() == self.generation {
            return Ok(());
        }
        Err(Error::Connection {
            message: "this stream was opened before os.fork() by the parent process, which \
                      reads it; open a new one in this process"
                .into(),
            source: None,
        })
    }

    fn info_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let d = PyDict::new(py);
        let st = match self.state.try_lock() {
            Ok(st) => st,
            Err(_) => return Ok(d.into_any().unbind()),
        };
        d.set_item("finished", st.finished)?;
        d.set_item("text_limit", st.text_limit)?;
        match st.kind.as_ref() {
            Some(Kind::Tokens(p)) => {
                d.set_item("text", p.text.as_str())?;
                d.set_item("text_truncated", p.text.truncated())?;
                d.set_item("message_id", p.done.as_ref().map(|d| d.message_id.as_str()))?;
                d.set_item("tokens_used", p.done.as_ref().map(|d| d.tokens_used))?;
                d.set_item("timestamp", p.done.as_ref().map(|d| d.timestamp.as_str()))?;
            }
            Some(Kind::Chat(s)) => {
                d.set_item("text", s.text())?;
                d.set_item("text_truncated", s.text_truncated())?;
            }
            Some(Kind::Realtime(s)) => d.set_item("text", s.text())?,
            Some(Kind::Panicking) | None => {}
        }
        Ok(d.into_any().unbind())
    }
}

async fn send_chat(state: Shared, conversation_id: Option<String>, message: String) -> Result<()> {
    let mut st = state.lock().await;
    match st.kind.as_mut() {
        Some(Kind::Realtime(s)) => {
            s.send_chat(conversation_id.as_deref(), message).await?;
            st.chatting = true;
            st.finished = false;
            Ok(())
        }
        Some(_) => Err(Error::InvalidArgument(
            "send_chat is only for realtime sessions".into(),
        )),
        None => Err(Error::WebSocket {
            message: "the session is closed".into(),
            close_code: None,
        }),
    }
}
