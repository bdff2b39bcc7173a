//! The ops WebSocket channel `/ws`: authenticate first, then chat; answers are the same
//! typed [`ChatEvent`]s as the SSE stream.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::{SinkExt, Stream, StreamExt};
use tokio::time::Sleep;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{self, Message};

use super::AgentClient;
use super::stream::ChatDecoder;
use super::types::{ChatEvent, ClientFrame};
use crate::error::{ApiErrorKind, Error, Result, TimeoutPhase};
use crate::options::{RequestOptions, ResponseMeta};
use crate::redact::KnownSecrets;
use crate::stream::Decoded;

/// Largest WebSocket message accepted from the server.
pub const MAX_MESSAGE_SIZE: usize = 4 << 20;

/// Most bytes waiting to be written on a realtime socket: room for the largest message twice.
const MAX_WRITE_BUFFER: usize = 2 * MAX_MESSAGE_SIZE;

/// `/ws`: see [`Realtime::connect`].
#[derive(Debug, Clone)]
pub struct Realtime<'c> {
    c: &'c AgentClient,
    opts: RequestOptions,
}

impl<'c> Realtime<'c> {
    pub(crate) fn new(c: &'c AgentClient) -> Self {
        Realtime {
            c,
            opts: RequestOptions::default(),
        }
    }

    /// Uses these options (timeout, extra headers) for the connection.
    pub fn with_options(mut self, opts: RequestOptions) -> Self {
        self.opts = opts;
        self
    }

    /// Opens the WebSocket `GET /ws` (`wss://` for an `https` base URL, through the client's
    /// proxy when one applies), sends `{"type": "auth", "token": …}` with the client's token
    /// (logging in first when needed) and waits for the server to accept it. Then
    /// [`RealtimeSession::chat`] asks questions and the session yields their [`ChatEvent`]s.
    ///
    /// ```
    /// use agents_sdk::ops::{AgentClient, ChatEvent};
    /// use futures::StreamExt;
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let sandbox = agents_sandbox::Sandbox::start().await?;
    /// # let client = AgentClient::login(sandbox.ops_url(), sandbox.username(), sandbox.password()).await?;
    /// let mut session = client.realtime().connect().await?;
    /// for question in ["Lista las instancias EC2", "¿Hay alertas críticas?"] {
    ///     session.chat(None, question).await?;
    ///     while let Some(event) = session.next().await {
    ///         match event? {
    ///             ChatEvent::ToolCall { tool, .. } => println!("→ {tool}"),
    ///             ChatEvent::Done { .. } => break,
    ///             _ => {}
    ///         }
    ///     }
    ///     println!("{}", session.text());
    /// }
    /// session.close().await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] when the client has no token or API key,
    /// - [`Error::Api`] of kind [`Authentication`](ApiErrorKind::Authentication) when the
    ///   server refuses the token,
    /// - [`Error::Timeout`] when opening the session (a login if one is due, connecting, the
    ///   server's acceptance of the token) takes longer than the call's `timeout` in all
    ///   (phase `Total`), or one wait for the server longer than the response-header timeout,
    /// - [`Error::WebSocket`] when the handshake fails or the socket closes early,
    ///   [`Error::Connection`] when the server cannot be reached.
    pub async fn connect(&self) -> Result<RealtimeSession> {
        let t = self.c.transport();
        let mut url = t.url(&["ws".to_owned()], &[]);
        let scheme = if url.scheme() == "https" { "wss" } else { "ws" };
        url.set_scheme(scheme)
            .map_err(|_| Error::InvalidArgument("cannot derive the WebSocket URL".into()))?;
        // The whole opening (a login if one is due, the connection and the handshake, the
        // server accepting the token) counts against the call's timeout, as a request's
        // attempts do; each wait for the server is also bounded by the response-header
        // timeout.
        let total = self.opts.timeout.unwrap_or(t.cfg.timeout);
        let deadline = crate::options::deadline_after(std::time::Instant::now(), total);
        let wait_for = |phase: TimeoutPhase| {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if t.cfg.response_header_timeout < left {
                (t.cfg.response_header_timeout, phase)
            } else {
                (left, TimeoutPhase::Total)
            }
        };
        let timed_out = |phase: TimeoutPhase, wait: std::time::Duration| Error::Timeout {
            phase,
            after: if phase == TimeoutPhase::Total {
                total
            } else {
                wait
            },
        };
        let token = tokio::time::timeout(
            deadline.saturating_duration_since(std::time::Instant::now()),
            t.current_token(),
        )
        .await
        .map_err(|_| timed_out(TimeoutPhase::Total, total))??
        .ok_or_else(|| {
            Error::InvalidArgument(
                "the realtime channel needs a token: log in or set an API key".into(),
            )
        })?;
        // a server quoting the token it refused must not carry it into the error
        let mut known = KnownSecrets::default();
        known.add(token.expose());
        let opened = async {
            let mut config = WebSocketConfig::default();
            config.max_message_size = Some(MAX_MESSAGE_SIZE);
            config.max_frame_size = Some(MAX_MESSAGE_SIZE);
            // what waits to be written (the answers to a server's pings included) is bounded too:
            // past it the session fails instead of growing while the server floods and never reads
            config.max_write_buffer_size = MAX_WRITE_BUFFER;
            let mut request =
                tungstenite::client::IntoClientRequest::into_client_request(url.as_str())
                    .map_err(|e| Error::InvalidArgument(format!("invalid WebSocket URL: {e}")))?;
            if let Ok(ua) = http::HeaderValue::from_str(&t.cfg.user_agent) {
                request.headers_mut().insert(http::header::USER_AGENT, ua);
            }
            for (k, v) in t.cfg.default_headers.iter().chain(&self.opts.extra_headers) {
                if let (Ok(name), Ok(value)) = (
                    http::HeaderName::from_bytes(k.as_bytes()),
                    http::HeaderValue::from_str(v),
                ) {
                    request.headers_mut().insert(name, value);
                }
            }
            // TCP (through the client's proxy when one applies) and TLS with the client's roots,
            // then the WebSocket handshake.
            let net = t.cfg.net.clone();
            let connect_timeout = t.cfg.connect_timeout;
            let connect = async move {
                let stream = net.connect_ws(&url, connect_timeout).await?;
                tokio_tungstenite::client_async_with_config(request, stream, Some(config))
                    .await
                    .map_err(ws_error)
            };
            let (wait, phase) = wait_for(TimeoutPhase::Connect);
            let (mut ws, resp) = match tokio::time::timeout(wait, connect).await {
                Err(_) => return Err(timed_out(phase, wait)),
                Ok(Err(e)) => return Err(e),
                Ok(Ok(pair)) => pair,
            };
            let meta = crate::transport::meta_from_headers(resp.status(), resp.headers());
            let auth = ClientFrame::Auth {
                token: token.expose().to_owned(),
            };
            let (wait, phase) = wait_for(TimeoutPhase::ResponseHeaders);
            let answer = tokio::time::timeout(wait, async {
                send_frame(&mut ws, &auth).await?;
                read_json(&mut ws).await
            })
            .await
            .map_err(|_| timed_out(phase, wait))??;
            match answer.get("type").and_then(|v| v.as_str()) {
                Some("authenticated") => {}
                Some("error") => {
                    let mut err = crate::error::ApiError::from_value(401, Some(&answer));
                    err.kind = ApiErrorKind::classify(401, err.code.as_deref());
                    if err.message.is_empty() {
                        err.message = "authentication refused".into();
                    }
                    return Err(err.into());
                }
                _ => {
                    return Err(Error::WebSocket {
                        message: "unexpected first frame from the server".into(),
                        close_code: None,
                    });
                }
            }
            Ok(RealtimeSession {
                ws,
                decoder: ChatDecoder::with_text_limit(t.response_limit(&self.opts)),
                meta,
                idle: self
                    .opts
                    .stream_idle_timeout
                    .unwrap_or(t.cfg.stream_idle_timeout),
                sleep: None,
                chatting: false,
                received: 0,
                closed: false,
                known: known.clone(),
            })
        }
        .await;
        opened.map_err(|e| e.scrubbed(&known))
    }
}

type Ws = WebSocketStream<crate::net::IoBox>;

/// A close code that ends a session in order (1000, 1001): mid-answer it is an incomplete
/// stream; any other is the server's failure.
fn is_orderly(code: tungstenite::protocol::frame::coding::CloseCode) -> bool {
    use tungstenite::protocol::frame::coding::CloseCode;
    matches!(code, CloseCode::Normal | CloseCode::Away)
}

fn ws_error(e: tungstenite::Error) -> Error {
    match e {
        // an error status is the service's answer, typed as any other call's
        tungstenite::Error::Http(resp) if resp.status().as_u16() >= 400 => {
            let status = resp.status();
            let body = resp.body().clone().unwrap_or_default();
            crate::transport::api_error(status, resp.headers(), &body).into()
        }
        // anything else (a 200, a redirect) is a server that does not speak WebSocket there
        tungstenite::Error::Http(resp) => Error::WebSocket {
            message: format!(
                "the server answered {} instead of switching to the WebSocket protocol",
                resp.status()
            ),
            close_code: None,
        },
        tungstenite::Error::Capacity(c) => Error::WebSocket {
            message: format!("message too large: {c}"),
            close_code: Some(1009),
        },
        other => Error::WebSocket {
            message: crate::redact::redact_text(&other.to_string()),
            close_code: None,
        },
    }
}

async fn send_frame(ws: &mut Ws, frame: &ClientFrame) -> Result<()> {
    let text = serde_json::to_string(frame)
        .map_err(|e| Error::InvalidArgument(format!("could not encode frame: {e}")))?;
    ws.send(Message::text(text)).await.map_err(ws_error)
}

async fn read_json(ws: &mut Ws) -> Result<serde_json::Value> {
    loop {
        match ws.next().await {
            None => {
                return Err(Error::WebSocket {
                    message: "connection closed".into(),
                    close_code: None,
                });
            }
            Some(Err(e)) => return Err(ws_error(e)),
            Some(Ok(Message::Text(t))) => {
                return serde_json::from_str(t.as_str())
                    .map_err(|e| Error::decode("websocket frame", e, t.as_bytes(), None, None));
            }
            Some(Ok(Message::Close(frame))) => {
                return Err(Error::WebSocket {
                    message: frame
                        .as_ref()
                        .map(|f| crate::redact::redact_text(f.reason.as_str()))
                        .unwrap_or_else(|| "closed by the server".into()),
                    close_code: frame.map(|f| u16::from(f.code)),
                });
            }
            Some(Ok(_)) => continue,
        }
    }
}

/// An authenticated WebSocket session. Send with [`RealtimeSession::chat`]; read the answer
/// as a `futures::Stream` of [`ChatEvent`]s (each chat ends with `done`).
pub struct RealtimeSession {
    ws: Ws,
    decoder: ChatDecoder,
    meta: ResponseMeta,
    idle: Duration,
    sleep: Option<Pin<Box<Sleep>>>,
    chatting: bool,
    received: u64,
    closed: bool,
    /// The token the session authenticated with, kept out of its errors.
    known: KnownSecrets,
}

impl std::fmt::Debug for RealtimeSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RealtimeSession")
            .field("chatting", &self.chatting)
            .field("closed", &self.closed)
            .finish_non_exhaustive()
    }
}

impl RealtimeSession {
    /// Sends `{"type": "chat", "conversation_id", "message"}`; the answer's events follow on
    /// the stream, ending with `done`.
    pub async fn chat(
        &mut self,
        conversation_id: Option<&str>,
        message: impl Into<String>,
    ) -> Result<()> {
        let message = message.into();
        if message.trim().is_empty() {
            return Err(Error::InvalidArgument("message must not be empty".into()));
        }
        // the frame carries the message and a few dozen bytes of JSON around it (and escapes)
        if message.len() > MAX_MESSAGE_SIZE - 1024 {
            return Err(Error::InvalidArgument(format!(
                "message is {} bytes, more than a WebSocket message may carry (4 MiB)",
                message.len()
            )));
        }
        let frame = ClientFrame::Chat {
            conversation_id: conversation_id.map(str::to_owned),
            message,
        };
        send_frame(&mut self.ws, &frame).await?;
        self.decoder.new_answer();
        self.chatting = true;
        self.sleep = Some(Box::pin(tokio::time::sleep(self.idle)));
        Ok(())
    }

    /// Same as [`RealtimeSession::chat`] (the name the Python and Node packages use).
    pub async fn send_chat(
        &mut self,
        conversation_id: Option<&str>,
        message: impl Into<String>,
    ) -> Result<()> {
        self.chat(conversation_id, message).await
    }

    /// Sends an application-level `{"type": "ping"}` (answered by a `pong` event).
    pub async fn ping(&mut self) -> Result<()> {
        send_frame(&mut self.ws, &ClientFrame::Ping).await
    }

    /// Closes the socket politely.
    pub async fn close(mut self) -> Result<()> {
        self.closed = true;
        match self.ws.close(None).await {
            // a socket the server already closed (or dropped) is closed: nothing to report, so
            // a `close()` in a cleanup path does not replace the error that ended the session
            Ok(())
            | Err(
                tungstenite::Error::ConnectionClosed
                | tungstenite::Error::AlreadyClosed
                | tungstenite::Error::Protocol(
                    tungstenite::error::ProtocolError::SendAfterClosing
                    | tungstenite::error::ProtocolError::ResetWithoutClosingHandshake,
                ),
            ) => Ok(()),
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset
                ) =>
            {
                Ok(())
            }
            Err(e) => Err(ws_error(e)),
        }
    }

    /// The text of the current answer's `message` events received so far (each `chat` starts a
    /// new one), up to the session's `max_response_bytes`.
    pub fn text(&self) -> &str {
        self.decoder.text()
    }

    /// The next event of the current chat (`None` when the socket closed while idle).
    pub async fn next_event(&mut self) -> Option<Result<ChatEvent>> {
        self.next().await
    }
}

impl Stream for RealtimeSession {
    type Item = Result<ChatEvent>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        match this.poll_event(cx) {
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e.scrubbed(&this.known)))),
            other => other,
        }
    }
}

impl RealtimeSession {
    fn poll_event(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<ChatEvent>>> {
        let this = self;
        loop {
            if this.closed {
                return Poll::Ready(None);
            }
            match this.ws.poll_next_unpin(cx) {
                Poll::Pending => {
                    if let Some(timeout) = this.idle_expired(cx) {
                        return Poll::Ready(Some(Err(timeout)));
                    }
                    return Poll::Pending;
                }
                Poll::Ready(Some(Ok(Message::Close(Some(frame)))))
                    if this.chatting && !is_orderly(frame.code) =>
                {
                    // a server that fails mid-answer (1011) says so: its code and reason
                    // are kept rather than folded into an incomplete stream
                    this.closed = true;
                    let reason = crate::redact::redact_text(frame.reason.as_str());
                    return Poll::Ready(Some(Err(Error::WebSocket {
                        message: if reason.is_empty() {
                            format!(
                                "closed by the server ({}) before the answer's end",
                                u16::from(frame.code)
                            )
                        } else {
                            format!("closed by the server before the answer's end: {reason}")
                        },
                        close_code: Some(frame.code.into()),
                    })));
                }
                Poll::Ready(None) | Poll::Ready(Some(Ok(Message::Close(_)))) => {
                    this.closed = true;
                    if this.chatting {
                        return Poll::Ready(Some(Err(Error::IncompleteStream {
                            received: this.received,
                        })));
                    }
                    return Poll::Ready(None);
                }
                Poll::Ready(Some(Err(e))) => {
                    this.closed = true;
                    return Poll::Ready(Some(Err(ws_error(e))));
                }
                Poll::Ready(Some(Ok(Message::Text(t)))) => {
                    let event: ChatEvent = match serde_json::from_str(t.as_str()) {
                        Ok(ev) => ev,
                        Err(e) => {
                            return Poll::Ready(Some(Err(Error::decode(
                                "websocket frame",
                                e,
                                t.as_bytes(),
                                None,
                                None,
                            ))));
                        }
                    };
                    this.received = this.received.saturating_add(1);
                    if let Some(s) = this.sleep.as_mut() {
                        s.as_mut().reset(crate::stream::idle_deadline(this.idle));
                    }
                    match this.decoder.classify(event, &this.meta) {
                        Ok(Decoded::Item(ev)) => return Poll::Ready(Some(Ok(ev))),
                        Ok(Decoded::Done(ev)) => {
                            this.chatting = false;
                            return Poll::Ready(Some(Ok(ev)));
                        }
                        Ok(Decoded::Skip) => continue,
                        Err(e) => {
                            this.chatting = false;
                            return Poll::Ready(Some(Err(e)));
                        }
                    }
                }
                // pings are answered by tungstenite itself; binary frames are not part of the
                // protocol. Neither is an event: a flood of them must not hold off the idle
                // timeout.
                Poll::Ready(Some(Ok(_))) => {
                    if let Some(timeout) = this.idle_expired(cx) {
                        return Poll::Ready(Some(Err(timeout)));
                    }
                }
            }
        }
    }

    /// The idle timeout's error once it has passed while a chat waits for events (the session
    /// is then closed).
    fn idle_expired(&mut self, cx: &mut Context<'_>) -> Option<Error> {
        let sleep = self.sleep.as_mut()?;
        if !self.chatting || sleep.as_mut().poll(cx).is_pending() {
            return None;
        }
        self.closed = true;
        Some(Error::Timeout {
            phase: TimeoutPhase::StreamIdle,
            after: self.idle,
        })
    }
}
