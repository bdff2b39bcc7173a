//! The ops WebSocket client against a local tokio-tungstenite server on 127.0.0.1: auth
//! handshake, ping/pong, message-size limit, a close in the middle of an answer.

use std::time::Duration;

use agents_sdk::Error;
use agents_sdk::ops::{AgentClient, ChatEvent};
use futures::{SinkExt, StreamExt};
use tokio::net::TcpListener;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

/// What the test server does after a good `auth` frame.
#[derive(Clone, Copy)]
enum Script {
    /// Answers a chat with thinking, message, done; sends a ws Ping first and reports whether
    /// the Pong came back.
    Normal,
    /// Sends a 5 MiB text frame.
    Oversized,
    /// Sends one event, then closes the socket.
    CloseMidAnswer,
    /// Refuses the token and closes with 1008.
    RefuseAuth,
    /// Refuses the token, quoting it in the error event and the close reason.
    RefuseAuthEcho,
    /// Answers a chat with one event, then binary frames every 10 ms, never an event again.
    BinaryFlood,
    /// Sends one event, then closes with 1011 (internal error) and a reason.
    FailMidAnswer,
}

async fn server(script: Script) -> (String, tokio::sync::mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::mpsc::channel(16);
    tokio::spawn(async move {
        let (sock, _) = listener.accept().await.unwrap();
        let mut ws = tokio_tungstenite::accept_async(sock).await.unwrap();
        let Some(Ok(Message::Text(auth))) = ws.next().await else {
            return;
        };
        let auth: serde_json::Value = serde_json::from_str(auth.as_str()).unwrap();
        tx.send(format!("auth:{}", auth["token"].as_str().unwrap_or("")))
            .await
            .unwrap();
        if let Script::RefuseAuthEcho = script {
            let token = auth["token"].as_str().unwrap_or("").to_owned();
            let _ = ws
                .send(Message::text(format!(
                    r#"{{"type":"error","error":{{"code":"UNAUTHORIZED","message":"token {token} refused","details":{{"seen":"{token}"}}}}}}"#
                )))
                .await;
            let _ = ws
                .close(Some(CloseFrame {
                    code: CloseCode::Policy,
                    reason: format!("bad token {token}").into(),
                }))
                .await;
            return;
        }
        if let Script::RefuseAuth = script {
            let _ = ws
                .send(Message::text(
                    r#"{"type":"error","error":{"code":"UNAUTHORIZED","message":"invalid token"}}"#,
                ))
                .await;
            let _ = ws
                .close(Some(CloseFrame {
                    code: CloseCode::Policy,
                    reason: "invalid token".into(),
                }))
                .await;
            return;
        }
        ws.send(Message::text(r#"{"type":"authenticated"}"#))
            .await
            .unwrap();
        while let Some(Ok(msg)) = ws.next().await {
            match msg {
                Message::Text(t) => {
                    let v: serde_json::Value = serde_json::from_str(t.as_str()).unwrap();
                    tx.send(format!("frame:{}", v["type"].as_str().unwrap_or("")))
                        .await
                        .unwrap();
                    if v["type"] == "ping" {
                        ws.send(Message::text(r#"{"type":"pong"}"#)).await.unwrap();
                        continue;
                    }
                    match script {
                        Script::Normal => {
                            ws.send(Message::Ping(vec![1, 2, 3].into())).await.unwrap();
                            for ev in [
                                r#"{"type":"thinking","content":"Analizando request..."}"#,
                                r#"{"type":"tool_call","tool":"list_ec2_instances","params":{}}"#,
                                r#"{"type":"message","content":"Encontré 5 "}"#,
                                r#"{"type":"message","content":"instancias"}"#,
                                r#"{"type":"done","conversation_id":"conv_123"}"#,
                            ] {
                                ws.send(Message::text(ev)).await.unwrap();
                            }
                        }
                        Script::Oversized => {
                            let big = format!(
                                r#"{{"type":"message","content":"{}"}}"#,
                                "x".repeat(5 << 20)
                            );
                            let _ = ws.send(Message::text(big)).await;
                        }
                        Script::CloseMidAnswer => {
                            ws.send(Message::text(r#"{"type":"thinking","content":"..."}"#))
                                .await
                                .unwrap();
                            let _ = ws.close(None).await;
                            return;
                        }
                        Script::FailMidAnswer => {
                            ws.send(Message::text(r#"{"type":"thinking","content":"..."}"#))
                                .await
                                .unwrap();
                            let _ = ws
                                .close(Some(CloseFrame {
                                    code: CloseCode::Error,
                                    reason: "bedrock timed out".into(),
                                }))
                                .await;
                            return;
                        }
                        Script::BinaryFlood => {
                            ws.send(Message::text(r#"{"type":"thinking","content":"..."}"#))
                                .await
                                .unwrap();
                            loop {
                                tokio::time::sleep(Duration::from_millis(10)).await;
                                if ws
                                    .send(Message::Binary(vec![0u8; 64].into()))
                                    .await
                                    .is_err()
                                {
                                    return;
                                }
                            }
                        }
                        Script::RefuseAuth | Script::RefuseAuthEcho => unreachable!(),
                    }
                }
                Message::Pong(p) => tx.send(format!("pong:{}", p.len())).await.unwrap(),
                Message::Close(_) => {
                    let _ = tx.send("closed".into()).await;
                    return;
                }
                _ => {}
            }
        }
    });
    (format!("http://{addr}"), rx)
}

fn client(base: &str) -> AgentClient {
    AgentClient::builder()
        .api_key("eyJ.test.token")
        .base_url(base)
        .build()
        .unwrap()
}

async fn recv(rx: &mut tokio::sync::mpsc::Receiver<String>) -> String {
    tokio::time::timeout(Duration::from_secs(5), rx.recv())
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn authenticates_first_then_chats_and_answers_pings() {
    let (base, mut rx) = server(Script::Normal).await;
    let c = client(&base);
    let mut session = c.realtime().connect().await.unwrap();
    assert_eq!(recv(&mut rx).await, "auth:eyJ.test.token");
    session
        .chat(Some("conv_123"), "Lista las instancias EC2")
        .await
        .unwrap();
    assert_eq!(recv(&mut rx).await, "frame:chat");
    let mut events = Vec::new();
    while let Some(ev) = session.next().await {
        let ev = ev.unwrap();
        let done = matches!(ev, ChatEvent::Done { .. });
        events.push(ev);
        if done {
            break;
        }
    }
    assert_eq!(events.len(), 5);
    assert_eq!(session.text(), "Encontré 5 instancias");
    // the server's ping frame was answered by the client while reading
    assert_eq!(recv(&mut rx).await, "pong:3");
    session.ping().await.unwrap();
    assert_eq!(recv(&mut rx).await, "frame:ping");
    assert!(matches!(session.next().await, Some(Ok(ChatEvent::Pong))));
    session.close().await.unwrap();
    assert_eq!(recv(&mut rx).await, "closed");
}

#[tokio::test]
async fn oversized_messages_are_refused() {
    let (base, _rx) = server(Script::Oversized).await;
    let c = client(&base);
    let mut session = c.realtime().connect().await.unwrap();
    session.chat(None, "hola").await.unwrap();
    let err = session.next().await.unwrap().unwrap_err();
    assert!(matches!(err, Error::WebSocket { .. }), "{err:?}");
    assert!(session.next().await.is_none());
}

/// Chats with a server that answers one `thinking` event and then ends by `script`: the
/// session and the error that followed the event.
async fn error_after_one_event(script: Script) -> (agents_sdk::ops::RealtimeSession, Error) {
    let (base, _rx) = server(script).await;
    let c = client(&base);
    let mut session = c.realtime().connect().await.unwrap();
    session.chat(None, "hola").await.unwrap();
    assert!(matches!(
        session.next().await,
        Some(Ok(ChatEvent::Thinking { .. }))
    ));
    let err = session.next().await.unwrap().unwrap_err();
    (session, err)
}

#[tokio::test]
async fn a_close_before_done_is_an_incomplete_stream() {
    let (session, err) = error_after_one_event(Script::CloseMidAnswer).await;
    assert!(
        matches!(err, Error::IncompleteStream { received: 1 }),
        "{err:?}"
    );
    // closing a socket the server closed is not an error (a cleanup path keeps the real one)
    session.close().await.unwrap();
}

#[tokio::test]
async fn a_server_failing_mid_answer_keeps_its_close_code() {
    let (mut session, err) = error_after_one_event(Script::FailMidAnswer).await;
    match &err {
        Error::WebSocket {
            message,
            close_code,
        } => {
            assert_eq!(*close_code, Some(1011));
            assert!(message.contains("bedrock timed out"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(session.next().await.is_none());
}

#[tokio::test]
async fn a_server_that_does_not_upgrade_is_a_websocket_error() {
    for (answer, class) in [
        (
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
            "WebSocketError",
        ),
        (
            "HTTP/1.1 302 Found\r\nLocation: http://elsewhere/\r\nContent-Length: 0\r\n\r\n",
            "WebSocketError",
        ),
        (
            "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 28\r\n\r\n{\"detail\":\"Not authenticated\"}",
            "AuthenticationError",
        ),
    ] {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            let (mut sock, _) = listener.accept().await.unwrap();
            let mut buf = [0u8; 4096];
            let _ = sock.read(&mut buf).await;
            let _ = sock.write_all(answer.as_bytes()).await;
            let _ = sock.shutdown().await;
        });
        let err = client(&format!("http://{addr}"))
            .realtime()
            .connect()
            .await
            .unwrap_err();
        assert_eq!(err.class_name(), class, "{answer}: {err:?}");
        if class == "WebSocketError" {
            assert!(err.to_string().contains("instead of switching"), "{err}");
        }
    }
}

#[tokio::test]
async fn a_refused_token_is_an_authentication_error() {
    let (base, _rx) = server(Script::RefuseAuth).await;
    let err = client(&base).realtime().connect().await.unwrap_err();
    assert_eq!(err.class_name(), "AuthenticationError", "{err:?}");
    assert!(!format!("{err} {err:?}").contains("eyJ.test.token"));
}

#[tokio::test]
async fn an_empty_message_is_rejected_locally() {
    let (base, _rx) = server(Script::Normal).await;
    let mut session = client(&base).realtime().connect().await.unwrap();
    assert!(matches!(
        session.chat(None, "  ").await,
        Err(Error::InvalidArgument(_))
    ));
}

#[tokio::test]
async fn a_sessions_text_is_per_answer() {
    let (base, mut rx) = server(Script::Normal).await;
    let c = client(&base);
    let mut session = c.realtime().connect().await.unwrap();
    assert_eq!(recv(&mut rx).await, "auth:eyJ.test.token");
    for round in 0..2 {
        session.chat(Some("conv_123"), "otra vez").await.unwrap();
        while let Some(ev) = session.next().await {
            if matches!(ev.unwrap(), ChatEvent::Done { .. }) {
                break;
            }
        }
        // Not "Encontré 5 instanciasEncontré 5 instancias" after the second answer.
        assert_eq!(session.text(), "Encontré 5 instancias", "round {round}");
    }
}

#[tokio::test]
async fn a_refusal_quoting_an_opaque_token_does_not_carry_it() {
    let (base, _rx) = server(Script::RefuseAuthEcho).await;
    let c = AgentClient::builder()
        .api_key("opaque-session-token-QWERTY123")
        .base_url(&base)
        .build()
        .unwrap();
    let err = c.realtime().connect().await.unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("QWERTY123"), "{shown}");
    assert!(shown.contains("refused"), "{shown}");
}

#[tokio::test]
async fn frames_that_are_not_events_do_not_hold_off_the_idle_timeout() {
    let (base, _rx) = server(Script::BinaryFlood).await;
    let c = AgentClient::builder()
        .api_key("eyJ.test.token")
        .base_url(&base)
        .stream_idle_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let mut session = c.realtime().connect().await.unwrap();
    session.chat(None, "hola").await.unwrap();
    assert!(matches!(
        session.next().await,
        Some(Ok(ChatEvent::Thinking { .. }))
    ));
    let started = std::time::Instant::now();
    let next = tokio::time::timeout(Duration::from_secs(10), session.next())
        .await
        .expect("the idle timeout ends the wait");
    let err = next.unwrap().unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                phase: agents_sdk::TimeoutPhase::StreamIdle,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));
}

/// Opening a session counts against the call's timeout as a whole: a server that takes the
/// connection and never answers the upgrade, or upgrades and never answers the token, fails
/// once the client's (or the call's) `timeout` has passed, not after the longer response-header
/// timeout of each phase in turn.
#[tokio::test]
async fn opening_a_session_counts_against_the_calls_timeout() {
    use agents_sdk::{RequestOptions, TimeoutPhase};
    for (upgrade, per_call) in [(false, false), (true, false), (true, true)] {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let (sock, _) = listener.accept().await.unwrap();
            if upgrade {
                let mut ws = tokio_tungstenite::accept_async(sock).await.unwrap();
                // the token frame, never answered
                let _ = ws.next().await;
                tokio::time::sleep(Duration::from_secs(30)).await;
            } else {
                let _held = sock;
                tokio::time::sleep(Duration::from_secs(30)).await;
            }
        });
        let limit = Duration::from_millis(400);
        let mut builder = AgentClient::builder()
            .api_key("eyJ.test.token")
            .base_url(format!("http://{addr}"))
            .response_header_timeout(Duration::from_secs(20));
        if !per_call {
            builder = builder.timeout(limit);
        }
        let c = builder.build().unwrap();
        let mut realtime = c.realtime();
        if per_call {
            realtime = realtime.with_options(RequestOptions::new().timeout(limit));
        }
        let started = std::time::Instant::now();
        let err = realtime.connect().await.unwrap_err();
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{upgrade} {per_call}: {:?}",
            started.elapsed()
        );
        assert!(
            matches!(err, Error::Timeout { phase: TimeoutPhase::Total, after } if after == limit),
            "{upgrade} {per_call}: {err:?}"
        );
    }
}
