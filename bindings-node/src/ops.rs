//! `agents_sdk::ops` for JavaScript: one native method per operation plus the WebSocket
//! session, wrapped by `ts/ops.ts`.

use std::sync::Arc;

use agents_sdk::ops::{self, AgentClient, ChatEvent};
use futures::StreamExt;
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;
use tokio::sync::{Mutex, mpsc, oneshot};

use crate::error::{from_json, to_json, to_napi};
use crate::options::{CallOptions, CancelHandle, ClientConfig, client_settings, request_options};
use crate::stream::{ChatStream, MAX_BATCH, spawn_json};

/// The ops client (`AgentClient` in JavaScript).
#[napi]
#[derive(Debug)]
pub struct OpsClient {
    inner: AgentClient,
}

macro_rules! call {
    ($self:ident, $env:ident, $opts:ident, $cancel:ident, |$c:ident, $o:ident| $call:expr) => {{
        let $o = request_options($opts, $cancel)?;
        let $c = $self.inner.clone();
        spawn_json($env, async move { $call.await })
    }};
}

fn builder(config: ClientConfig) -> napi::Result<ops::AgentClientBuilder> {
    let mut b = AgentClient::builder().settings(client_settings(&config)?);
    if let Some(k) = config.api_key {
        b = b.api_key(k);
    }
    Ok(b)
}

/// Logs in with `username` / `password` and resolves with a client that keeps the token
/// fresh (`AgentClient.login` in JavaScript).
#[napi(ts_return_type = "Promise<OpsClient>")]
pub fn ops_login<'e>(
    env: &'e Env,
    config: ClientConfig,
    username: String,
    password: String,
) -> napi::Result<PromiseRaw<'e, OpsClient>> {
    let client = builder(config)?.build().map_err(to_napi)?;
    env.spawn_future(async move {
        client
            .auth()
            .login(username, password)
            .await
            .map_err(to_napi)?;
        Ok(OpsClient { inner: client })
    })
}

#[napi]
impl OpsClient {
    /// Builds a client; absent settings fall back to `AGENT_API_KEY`, `AGENT_BASE_URL` and the
    /// defaults.
    #[napi(constructor)]
    pub fn new(config: ClientConfig) -> napi::Result<Self> {
        Ok(OpsClient {
            inner: builder(config)?.build().map_err(to_napi)?,
        })
    }

    /// The base URL requests go to.
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn auth_login<'e>(
        &self,
        env: &'e Env,
        username: String,
        password: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .auth()
            .with_options(o)
            .login(username, password))
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn chat_send<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: ops::ChatParams = from_json("chat.send params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .chat()
            .with_options(o)
            .send(p))
    }

    #[napi(ts_return_type = "Promise<ChatStream>")]
    pub fn chat_stream<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, ChatStream>> {
        let p: ops::ChatParams = from_json("chat.stream params", &params)?;
        let o = request_options(opts, cancel)?;
        let c = self.inner.clone();
        env.spawn_future(async move {
            let s = c.chat().with_options(o).stream(p).await.map_err(to_napi)?;
            Ok(ChatStream::new(s))
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn conversations_list<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .conversations()
            .with_options(o)
            .list())
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn conversations_create<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: ops::CreateConversationParams = from_json("conversations.create params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .conversations()
            .with_options(o)
            .create(p))
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn conversations_get<'e>(
        &self,
        env: &'e Env,
        id: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .conversations()
            .with_options(o)
            .get(&id))
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn conversations_delete<'e>(
        &self,
        env: &'e Env,
        id: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .conversations()
            .with_options(o)
            .delete(&id))
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn config_get<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .config()
            .with_options(o)
            .get())
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn config_update<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: ops::ConfigUpdate = from_json("config.update params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .config()
            .with_options(o)
            .update(p))
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn metrics_get<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .metrics()
            .with_options(o)
            .get())
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn tools_list<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .tools()
            .with_options(o)
            .list())
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn tools_execute<'e>(
        &self,
        env: &'e Env,
        tool: String,
        parameters: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: serde_json::Map<String, serde_json::Value> =
            from_json("tools.execute parameters", &parameters)?;
        call!(self, env, opts, cancel, |c, o| c
            .tools()
            .with_options(o)
            .execute(tool, p))
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn learned_apis_list<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        call!(self, env, opts, cancel, |c, o| c
            .learned_apis()
            .with_options(o)
            .list())
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn learned_apis_learn<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: ops::LearnApiParams = from_json("learnedApis.learn params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .learned_apis()
            .with_options(o)
            .learn(p))
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn webhooks_create<'e>(
        &self,
        env: &'e Env,
        params: String,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, String>> {
        let p: ops::CreateWebhookParams = from_json("webhooks.create params", &params)?;
        call!(self, env, opts, cancel, |c, o| c
            .webhooks()
            .with_options(o)
            .create(p))
    }

    /// Opens the `/ws` channel and authenticates.
    #[napi(ts_return_type = "Promise<RealtimeSession>")]
    pub fn realtime_connect<'e>(
        &self,
        env: &'e Env,
        opts: Option<CallOptions>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<PromiseRaw<'e, RealtimeSession>> {
        let o = request_options(opts, cancel)?;
        let c = self.inner.clone();
        env.spawn_future(async move {
            let session = c
                .realtime()
                .with_options(o)
                .connect()
                .await
                .map_err(to_napi)?;
            Ok(RealtimeSession::spawn(session))
        })
    }
}

enum Command {
    Chat(
        Option<String>,
        String,
        oneshot::Sender<agents_sdk::Result<()>>,
    ),
    Close(oneshot::Sender<agents_sdk::Result<()>>),
}

/// An authenticated WebSocket session. A task owns the core session: it sends the chat frames
/// it is asked to and forwards every event to a channel that `nextBatch()` drains, so sending
/// and reading never wait on each other.
#[napi]
pub struct RealtimeSession {
    commands: mpsc::UnboundedSender<Command>,
    events: Arc<Mutex<EventQueue>>,
}

struct EventQueue {
    rx: mpsc::UnboundedReceiver<agents_sdk::Result<ChatEvent>>,
    pending: Option<agents_sdk::Error>,
}

impl RealtimeSession {
    fn spawn(mut session: ops::RealtimeSession) -> Self {
        let (cmd_tx, mut cmd_rx) = mpsc::unbounded_channel::<Command>();
        let (ev_tx, ev_rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            let mut events = Some(ev_tx);
            loop {
                tokio::select! {
                    cmd = cmd_rx.recv() => match cmd {
                        Some(Command::Chat(conversation, message, reply)) => {
                            let r = session.send_chat(conversation.as_deref(), message).await;
                            let _ = reply.send(r);
                        }
                        Some(Command::Close(reply)) => {
                            let _ = reply.send(session.close().await);
                            return;
                        }
                        None => return,
                    },
                    ev = session.next(), if events.is_some() => match ev {
                        Some(ev) => {
                            if let Some(tx) = &events {
                                let _ = tx.send(ev);
                            }
                        }
                        None => events = None,
                    },
                }
            }
        });
        RealtimeSession {
            commands: cmd_tx,
            events: Arc::new(Mutex::new(EventQueue {
                rx: ev_rx,
                pending: None,
            })),
        }
    }
}

fn closed() -> napi::Error {
    to_napi(agents_sdk::Error::WebSocket {
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
    #[napi(ts_return_type = "Promise<void>")]
    pub fn send_chat<'e>(
        &self,
        env: &'e Env,
        conversation_id: Option<String>,
        message: String,
    ) -> napi::Result<PromiseRaw<'e, ()>> {
        let (tx, rx) = oneshot::channel();
        self.commands
            .send(Command::Chat(conversation_id, message, tx))
            .map_err(|_| closed())?;
        env.spawn_future(async move { rx.await.map_err(|_| closed())?.map_err(to_napi) })
    }

    /// The JSON array of the events that are ready (waiting for at least one), or `null` once
    /// the socket is closed.
    #[napi(ts_return_type = "Promise<string | null>")]
    pub fn next_batch<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, Option<String>>> {
        let events = self.events.clone();
        env.spawn_future(async move {
            let mut q = events.lock().await;
            if let Some(e) = q.pending.take() {
                return Err(to_napi(e));
            }
            let Some(first) = q.rx.recv().await else {
                return Ok(None);
            };
            let mut batch = vec![first.map_err(to_napi)?];
            while batch.len() < MAX_BATCH {
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
    #[napi(ts_return_type = "Promise<void>")]
    pub fn close<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, ()>> {
        let (tx, rx) = oneshot::channel();
        if self.commands.send(Command::Close(tx)).is_err() {
            return env.spawn_future(async { Ok(()) });
        }
        env.spawn_future(async move {
            match rx.await {
                Ok(r) => r.map_err(to_napi),
                Err(_) => Ok(()),
            }
        })
    }
}
