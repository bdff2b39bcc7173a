//! Stopping a server promptly: once its [`Closing`] signal fires, a request still in its
//! handler (a `latency` fault, for instance) is answered `503` at once, a body of unknown length
//! (an SSE stream, a stalled one included) ends where it is, and a WebSocket session is dropped.
//! Without it a graceful shutdown waits for every open stream, and connections whose tasks the
//! server spawned kept being served after the sandbox was stopped.

use std::future::Future;
use std::pin::Pin;

use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use tokio::sync::watch;

/// The server is stopping (a request extension; `wait()` resolves once it is).
#[derive(Clone, Debug)]
pub struct Closing(watch::Receiver<bool>);

impl Closing {
    /// A signal and the sender that fires it (`send(true)`).
    pub fn channel() -> (watch::Sender<bool>, Closing) {
        let (tx, rx) = watch::channel(false);
        (tx, Closing(rx))
    }

    /// Resolves once the server is stopping (at once if it already is, or if the sender is
    /// gone).
    pub async fn wait(mut self) {
        let _ = self.0.wait_for(|closing| *closing).await;
    }

    fn boxed(&self) -> Pin<Box<dyn Future<Output = ()> + Send>> {
        Box::pin(self.clone().wait())
    }
}

/// The middleware (`axum::middleware::from_fn_with_state(closing, closing_layer)`).
pub async fn closing_layer(
    axum::extract::State(closing): axum::extract::State<Closing>,
    mut req: Request,
    next: Next,
) -> Response {
    req.extensions_mut().insert(closing.clone());
    let mut stopped = closing.boxed();
    let resp = tokio::select! {
        resp = next.run(req) => resp,
        () = &mut stopped => {
            return (StatusCode::SERVICE_UNAVAILABLE, "the sandbox is stopping").into_response();
        }
    };
    if resp.body().size_hint().exact().is_some() {
        return resp;
    }
    // a body of unknown length (a stream): it ends when the server stops
    let (parts, body) = resp.into_parts();
    let stream = body.into_data_stream().take_until(stopped);
    Response::from_parts(parts, Body::from_stream(stream))
}
