//! `agents_sdk::ops` for JavaScript: the client with the generic `call` / `stream` through which
//! `ts/ops-resources.ts` (generated) runs every operation, login, and the WebSocket session.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use agents_sdk::ops::{self, AgentClient, ChatEvent};
use agents_sdk::{CancelToken, Closable, Error};
use futures::{FutureExt, StreamExt};
use napi::Env;
use napi::bindgen_prelude::{Function, PromiseRaw};
use napi_derive::napi;
use tokio::sync::{Mutex, mpsc, oneshot};

use crate::dispatch;
use crate::error::{as_type_error, panic_error, spawn, to_json, to_napi};
use crate::logging::{ClientLog, LogSlot, logged};
use crate::options::{CallOptions, CancelHandle, ClientConfig, client_settings, request_options};
use crate::stream::ChatStream;

/// The ops client (`AgentClient` in JavaScript).
#[napi]
#[derive(Debug)]
pub struct OpsClient {
    /// Dropped by `close()`; every later call fails with the core's closed error.
    inner: Closable<AgentClient>,
    /// Kept apart from the client, so it is still known once the client is closed.
    base_url: String,
    /// Where its calls are logged (`setLog`; none until then).
    log: LogSlot,
}

impl OpsClient {
    fn wrap(inner: AgentClient) -> Self {
        OpsClient {
            base_url: inner.base_url().to_owned(),
            inner: Closable::new(inner),
            log: LogSlot::default(),
        }
    }
}

fn builder(config: ClientConfig) -> napi::Result<ops::AgentClientBuilder> {
    let mut b = AgentClient::builder().settings(client_settings(&config)?);
    if let Some(k) = config.api_key {
        b = b.api_key(k);
    }
    Ok(b)
}

/// Logs in with `username` / `password` and resolves with a client that keeps the token
/// fresh (`AgentClient.login` in JavaScript); the login is logged at `log_level` to `sink` as
/// a client's calls are (see [`OpsClient::set_log`]).
#[napi(ts_return_type = "Promise<OpsClient>", catch_unwind)]
pub fn ops_login<'e>(
    env: &'e Env,
    config: ClientConfig,
    username: String,
    password: String,
    log_level: Option<String>,
    #[napi(ts_arg_type = "((level: string, record: string) => void) | undefined | null")]
    sink: Option<Function<'_, (String, String), ()>>,
) -> napi::Result<PromiseRaw<'e, OpsClient>> {
    let log = match (&log_level, &sink) {
        (Some(level), Some(sink)) => ClientLog::new(env, level, sink)?,
        _ => None,
    };
    let client = builder(config)?.build().map_err(as_type_error)?;
    let login = async move {
        client
            .auth()
            .login(username, password)
            .await
            .map_err(to_napi)?;
        Ok(OpsClient::wrap(client))
    };
    spawn(env, logged(log.as_ref(), "AgentClient.login", login))
}

#[napi]
impl OpsClient {
    /// Runs the one-shot operation `op` (its `x-sdk` name, as `tools.execute`) with `params`,
    /// the JSON of its arguments by wire name (path ids as `id`); resolves with the answer's
    /// JSON (a list operation's list). Arguments it cannot take throw a `TypeError`.
    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn call<'e>(
        &self,
        env: &'e Env,
        op: String,
        params: Option<String>,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let a = dispatch::args(params)?;
        dispatch::call(env, (self.log.get(), &op), opts, cancel, |o, sink| {
            self.inner.with(|c| ops::dispatch::call(c, &op, a, o, sink))
        })
    }

    /// Opens the event stream of operation `op` (`chat.stream`) with `params` as for
    /// [`Self::call`].
    #[napi(ts_return_type = "Promise<ChatStream>", catch_unwind)]
    pub fn stream<'e>(
        &self,
        env: &'e Env,
        op: String,
        params: Option<String>,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, ChatStream>> {
        let a = dispatch::args(params)?;
        dispatch::stream(
            env,
            (self.log.get(), &op),
            opts,
            cancel,
            |o| self.inner.with(|c| ops::dispatch::stream(c, &op, a, o)),
            ChatStream::new,
        )
    }

    /// Builds a client; absent settings fall back to `AGENT_API_KEY`, `AGENT_BASE_URL` and the
    /// defaults.
    #[napi(constructor, catch_unwind)]
    pub fn new(config: ClientConfig) -> napi::Result<Self> {
        Ok(OpsClient::wrap(
            builder(config)?.build().map_err(as_type_error)?,
        ))
    }

    /// A client with these settings in place of this one's (absent ones kept) and the same
    /// credentials: the same key, or the same login session (`AgentClient.withOptions`).
    #[napi(catch_unwind)]
    pub fn with_options(&self, config: ClientConfig) -> napi::Result<OpsClient> {
        let settings = client_settings(&config)?;
        let copy = self
            .inner
            .with(|c| c.with_options(settings))
            .map_err(as_type_error)?;
        Ok(OpsClient::wrap(copy))
    }

    /// Logs this client's requests at `level` (`debug`, `info`, `warn`; `error`, `off`:
    /// nothing) by calling `sink(level, record)` on the JavaScript thread (see `logging.rs`).
    #[napi(catch_unwind)]
    pub fn set_log(
        &self,
        env: &Env,
        level: String,
        #[napi(ts_arg_type = "(level: string, record: string) => void")] sink: Function<
            '_,
            (String, String),
            (),
        >,
    ) -> napi::Result<()> {
        self.log.set(ClientLog::new(env, &level, &sink)?);
        Ok(())
    }

    /// The base URL requests go to.
    #[napi(getter, catch_unwind)]
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// Releases the client's connection pool now; every later call or stream fails with
    /// `APIConnectionError` ("the client is closed"); realtime sessions already open stay
    /// open. Idempotent.
    #[napi(catch_unwind)]
    pub fn close(&self) {
        drop(self.inner.close());
    }

    /// Throws the closed error (`APIConnectionError`) once `close()` was called.
    #[napi(catch_unwind)]
    pub fn check_open(&self) -> napi::Result<()> {
        self.inner.with(|_| Ok(())).map_err(to_napi)
    }

    /// Opens the `/ws` channel and authenticates. The cancel handle also ends the session
    /// later: once it fires, the socket is closed and the session hands out nothing more.
    #[napi(ts_return_type = "Promise<RealtimeSession>", catch_unwind)]
    pub fn realtime_connect<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, RealtimeSession>> {
        let o = request_options(opts, cancel)?;
        let stop = cancel.map(|h| h.token.clone());
        let c = self.inner.get().map_err(to_napi)?;
        spawn(env, async move {
            let connect = c.realtime().with_options(o);
            let session = match &stop {
                None => connect.connect().await,
                Some(stop) => tokio::select! {
                    biased;
                    () = stop.cancelled() => Err(Error::Cancelled),
                    s = connect.connect() => s,
                },
            }
            .map_err(to_napi)?;
            Ok(RealtimeSession::spawn(session, stop))
        })
    }
}

enum Command {
    Chat(Option<String>, String, oneshot::Sender<napi::Result<()>>),
    Close(oneshot::Sender<napi::Result<()>>),
}

/// Most events queued between the session's task and JavaScript (and handed over in one
/// batch). While the queue is full the task stops reading the socket, so a server that sends
/// faster than JavaScript reads is held back by TCP instead of filling memory. An event can be
/// as large as a WebSocket message (4 MiB), so this bounds the queue at 64 MiB and keeps a
/// batch's JSON well within V8's longest string.
pub const REALTIME_QUEUE: usize = 16;

/// How long a cancelled session waits for its close frame to go out.
const CLOSE_WAIT: Duration = Duration::from_secs(1);

type Event = napi::Result<ChatEvent>;

/// How full the event queue got (read by the tests through `queueHighWater`).
#[derive(Debug, Default)]
struct QueueStats {
    high_water: AtomicUsize,
}

impl QueueStats {
    fn record(&self, tx: &mpsc::Sender<Event>) {
        let queued = tx.max_capacity().saturating_sub(tx.capacity());
        self.high_water.fetch_max(queued, Ordering::Relaxed);
    }
}

/// An authenticated WebSocket session. A task owns the core session: it sends the chat frames
/// it is asked to and forwards the events through a bounded queue ([`REALTIME_QUEUE`]) that
/// `nextBatch()` drains, so sending never waits for JavaScript to read.
#[napi]
pub struct RealtimeSession {
    commands: mpsc::UnboundedSender<Command>,
    events: Arc<Mutex<EventQueue>>,
    stop: Option<CancelToken>,
    stats: Arc<QueueStats>,
}

struct EventQueue {
    rx: mpsc::Receiver<Event>,
    pending: Option<napi::Error>,
}

/// Resolves when `stop` is cancelled (never without one).
async fn cancelled(stop: &Option<CancelToken>) {
    match stop {
        Some(s) => s.cancelled().await,
        None => std::future::pending().await,
    }
}

/// Room for one event in the queue (never while there is no queue any more).
async fn reserve(
    tx: &Option<mpsc::Sender<Event>>,
) -> Result<mpsc::OwnedPermit<Event>, mpsc::error::SendError<()>> {
    match tx {
        Some(tx) => tx.clone().reserve_owned().await,
        None => std::future::pending().await,
    }
}

/// The session's task: serves commands, and reads the socket only while it holds room in the
/// queue for the event it reads. A panic of the core session ends the task and reaches
/// JavaScript as the next event (or the chat's answer), never as a crash.
async fn pump(
    mut session: ops::RealtimeSession,
    mut commands: mpsc::UnboundedReceiver<Command>,
    tx: mpsc::Sender<Event>,
    stats: Arc<QueueStats>,
    stop: Option<CancelToken>,
) {
    let mut tx = Some(tx);
    let mut permit: Option<mpsc::OwnedPermit<Event>> = None;
    loop {
        tokio::select! {
            biased;
            () = cancelled(&stop) => {
                drop(permit);
                drop(tx);
                let _ = tokio::time::timeout(CLOSE_WAIT, session.close()).await;
                return;
            }
            cmd = commands.recv() => match cmd {
                Some(Command::Chat(conversation, message, reply)) => {
                    let send = AssertUnwindSafe(session.send_chat(conversation.as_deref(), message))
                        .catch_unwind();
                    let r = tokio::select! {
                        biased;
                        () = cancelled(&stop) => Ok(Err(Error::Cancelled)),
                        r = send => r,
                    };
                    match r {
                        Ok(r) => {
                            let _ = reply.send(r.map_err(to_napi));
                        }
                        Err(panic) => {
                            let _ = reply.send(Err(panic_error(panic)));
                            return;
                        }
                    }
                }
                Some(Command::Close(reply)) => {
                    let _ = reply.send(session.close().await.map_err(to_napi));
                    return;
                }
                None => return,
            },
            room = reserve(&tx), if permit.is_none() => match room {
                Ok(room) => permit = Some(room),
                // JavaScript dropped the session
                Err(_) => tx = None,
            },
            ev = AssertUnwindSafe(session.next()).catch_unwind(), if permit.is_some() => {
                let (ev, fatal) = match ev {
                    Ok(Some(ev)) => (Some(ev.map_err(to_napi)), false),
                    Ok(None) => (None, false),
                    Err(panic) => (Some(Err(panic_error(panic))), true),
                };
                match (ev, permit.take()) {
                    (Some(ev), Some(room)) => {
                        let sender = room.send(ev);
                        stats.record(&sender);
                    }
                    // the socket is closed: the queue ends once drained
                    _ => tx = None,
                }
                if fatal {
                    return;
                }
            },
        }
    }
}

impl RealtimeSession {
    fn spawn(session: ops::RealtimeSession, stop: Option<CancelToken>) -> Self {
        let (cmd_tx, cmd_rx) = mpsc::unbounded_channel::<Command>();
        let (ev_tx, ev_rx) = mpsc::channel(REALTIME_QUEUE);
        let stats = Arc::new(QueueStats::default());
        tokio::spawn(pump(session, cmd_rx, ev_tx, stats.clone(), stop.clone()));
        RealtimeSession {
            commands: cmd_tx,
            events: Arc::new(Mutex::new(EventQueue {
                rx: ev_rx,
                pending: None,
            })),
            stop,
            stats,
        }
    }

    fn is_cancelled(&self) -> bool {
        self.stop.as_ref().is_some_and(CancelToken::is_cancelled)
    }
}

fn closed() -> napi::Error {
    to_napi(Error::WebSocket {
        message: "the session is closed".into(),
        close_code: None,
    })
}

impl std::fmt::Debug for RealtimeSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RealtimeSession").finish_non_exhaustive()
    }
}

#[napi]
impl RealtimeSession {
    /// Sends `{"type": "chat", "conversation_id", "message"}`.
    #[napi(ts_return_type = "Promise<void>", catch_unwind)]
    pub fn send_chat<'e>(
        &self,
        env: &'e Env,
        conversation_id: Option<String>,
        message: String,
    ) -> napi::Result<PromiseRaw<'e, ()>> {
        if self.is_cancelled() {
            return Err(to_napi(Error::Cancelled));
        }
        let (tx, rx) = oneshot::channel();
        self.commands
            .send(Command::Chat(conversation_id, message, tx))
            .map_err(|_| closed())?;
        spawn(env, async move { rx.await.map_err(|_| closed())? })
    }

    /// The JSON array of the events that are ready (waiting for at least one), or `null` once
    /// the socket is closed; after a cancellation, the cancellation.
    #[napi(ts_return_type = "Promise<string | null>", catch_unwind)]
    pub fn next_batch<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, Option<String>>> {
        let events = self.events.clone();
        let stop = self.stop.clone();
        spawn(env, async move {
            let mut q = events.lock().await;
            let aborted = || to_napi(Error::Cancelled);
            if stop.as_ref().is_some_and(CancelToken::is_cancelled) {
                return Err(aborted());
            }
            if let Some(e) = q.pending.take() {
                return Err(e);
            }
            let first = tokio::select! {
                biased;
                () = cancelled(&stop) => return Err(aborted()),
                first = q.rx.recv() => first,
            };
            let Some(first) = first else {
                return Ok(None);
            };
            let mut batch = vec![first?];
            while batch.len() < REALTIME_QUEUE {
                match q.rx.try_recv() {
                    Ok(Ok(ev)) => batch.push(ev),
                    Ok(Err(e)) => {
                        q.pending = Some(e);
                        break;
                    }
                    Err(_) => break,
                }
            }
            Ok(Some(to_json(&batch)?))
        })
    }

    /// Closes the socket politely.
    #[napi(ts_return_type = "Promise<void>", catch_unwind)]
    pub fn close<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, ()>> {
        let (tx, rx) = oneshot::channel();
        if self.commands.send(Command::Close(tx)).is_err() {
            return spawn(env, async { Ok(()) });
        }
        spawn(env, async move { rx.await.unwrap_or(Ok(())) })
    }

    /// Testing only: the most events the queue to JavaScript ever held (at most
    /// `queueCapacity`).
    #[doc(hidden)]
    #[napi(getter, catch_unwind)]
    pub fn queue_high_water(&self) -> u32 {
        u32::try_from(self.stats.high_water.load(Ordering::Relaxed)).unwrap_or(u32::MAX)
    }

    /// Testing only: the bound of the queue to JavaScript.
    #[doc(hidden)]
    #[napi(getter, catch_unwind)]
    pub fn queue_capacity(&self) -> u32 {
        u32::try_from(REALTIME_QUEUE).unwrap_or(u32::MAX)
    }
}
