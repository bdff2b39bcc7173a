#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod common;
pub mod contract;
mod linger;
pub mod ops;
pub mod platform;

use std::collections::VecDeque;
use std::fmt;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use tokio::net::TcpListener;
use tokio::sync::{Notify, oneshot};
use tokio::task::JoinHandle;

/// API key of the demo platform user `usr_abc123` (FREE tier).
const DEMO_API_KEY: &str = "cj_test_demo_4f1c9a7e2b6d8053";
/// API key of the platform admin (BUSINESS tier).
const ADMIN_API_KEY: &str = "cj_test_admin_93e1b7c54a2f6d08";
/// The ops service's own static API key (`tu-api-key`, the key of the API reference's examples,
/// is accepted too).
const OPS_API_KEY: &str = "ops_test_7d2e4b9c1f0a6358";
const OPS_USERNAME: &str = "admin";
const OPS_PASSWORD: &str = "password";

/// One running HTTP server.
struct Server {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    /// Ends the requests and streams still being served ([`common::Closing`]).
    closing: tokio::sync::watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Server {
    async fn spawn(port: u16, app: axum::Router) -> std::io::Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let (closing, signal) = common::Closing::channel();
        let app = app.layer(axum::middleware::from_fn_with_state(
            signal,
            common::closing_layer,
        ));
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(linger::LingeringListener(listener), app)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(Server {
            addr,
            stop: Some(stop),
            closing,
            task,
        })
    }

    async fn shutdown(mut self) {
        // the requests and streams still open end now, so the graceful shutdown below only
        // waits for their connections to close
        let _ = self.closing.send(true);
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        // Should a connection still linger, stop waiting for it after a moment.
        let task = &mut self.task;
        if tokio::time::timeout(Duration::from_secs(2), task)
            .await
            .is_err()
        {
            self.task.abort();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.closing.send(true);
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.task.abort();
    }
}

/// A running sandbox: both services on 127.0.0.1. Dropping it stops both servers.
///
/// The servers run as tasks of the tokio runtime [`Sandbox::start`] was called on, so that
/// runtime must keep running (a `#[tokio::test]` does) while clients talk to them.
pub struct Sandbox {
    ops: Server,
    platform: Server,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("ops_url", &self.ops_url())
            .field("platform_url", &self.platform_url())
            .finish_non_exhaustive()
    }
}

/// Options for [`Sandbox`], from [`Sandbox::builder`]; ports default to 0 (any free port).
#[derive(Debug, Clone, Default)]
pub struct SandboxBuilder {
    ops_port: u16,
    platform_port: u16,
    enforce_rate_limits: bool,
    fault: Option<common::FaultSpec>,
}

impl SandboxBuilder {
    /// Port of the ops service (0: any free port).
    pub fn ops_port(mut self, port: u16) -> Self {
        self.ops_port = port;
        self
    }

    /// Port of the platform service (0: any free port).
    pub fn platform_port(mut self, port: u16) -> Self {
        self.platform_port = port;
        self
    }

    /// Answer 429 once a caller is over its rate limit (headers are always sent). Off by
    /// default, so test suites may make many requests.
    pub fn enforce_rate_limits(mut self, on: bool) -> Self {
        self.enforce_rate_limits = on;
        self
    }

    /// A sandbox-wide fault plan for both services from the start, in the syntax of the
    /// `X-Sandbox-Fault` header: `key=value` pairs separated by `;`, with the keys `latency`,
    /// `status`, `count`, `retry_after`, `cut_after`, `stall_after` and `malformed` (see the
    /// crate page). It applies to every request (authenticated or not) until `count` runs out
    /// or `DELETE /__sandbox/faults` clears it, exactly like a `POST /__sandbox/faults`; each
    /// service counts its own requests.
    ///
    /// # Errors
    ///
    /// An unknown key, a value that is not a non-negative integer, or a `status` outside
    /// 100..=599, with a message naming it.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let sandbox = agents_sandbox::Sandbox::builder()
    ///     .fault("status=503;count=1")?
    ///     .start()
    ///     .await?;
    /// # drop(sandbox);
    /// assert!(agents_sandbox::Sandbox::builder().fault("status=99").is_err());
    /// assert!(agents_sandbox::Sandbox::builder().fault("colour=red").is_err());
    /// # Ok(())
    /// # }
    /// ```
    pub fn fault(mut self, spec: &str) -> Result<Self, String> {
        self.fault = Some(common::FaultSpec::parse_strict(spec)?);
        Ok(self)
    }

    /// Binds both services on `127.0.0.1` and starts serving them on the current tokio
    /// runtime.
    ///
    /// # Errors
    ///
    /// The I/O error of binding a port (a fixed port already in use, for instance).
    pub async fn start(self) -> std::io::Result<Sandbox> {
        let shared = || {
            let shared = common::Shared::new(self.enforce_rate_limits);
            if let Some(fault) = &self.fault {
                shared.faults.set_global(fault.clone());
            }
            shared
        };
        let ops_app = ops::router(ops::OpsConfig {
            username: OPS_USERNAME.to_string(),
            password: OPS_PASSWORD.to_string(),
            api_keys: vec![OPS_API_KEY.to_string(), "tu-api-key".to_string()],
            jwt_secret: uuid::Uuid::new_v4().as_bytes().to_vec(),
            shared: shared(),
        });
        let platform_app = platform::router(platform::PlatformConfig {
            api_key: DEMO_API_KEY.to_string(),
            admin_api_key: ADMIN_API_KEY.to_string(),
            shared: shared(),
        });
        let ops = Server::spawn(self.ops_port, ops_app).await?;
        let platform = Server::spawn(self.platform_port, platform_app).await?;
        Ok(Sandbox { ops, platform })
    }
}

impl Sandbox {
    /// Starts both services on free ports of `127.0.0.1` with rate-limit enforcement off and
    /// no fault plan.
    ///
    /// # Errors
    ///
    /// The I/O error of binding a port.
    pub async fn start() -> std::io::Result<Sandbox> {
        Sandbox::builder().start().await
    }

    /// Options: ports, rate-limit enforcement, a sandbox-wide fault plan.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }

    /// The ops service origin, `http://127.0.0.1:PORT` (its routes are under `/api`, its
    /// WebSocket at `/ws`).
    pub fn ops_url(&self) -> String {
        format!("http://{}", self.ops.addr)
    }

    /// The platform base URL, `http://127.0.0.1:PORT/api` (what a platform client takes as its
    /// base URL).
    pub fn platform_url(&self) -> String {
        format!("http://{}/api", self.platform.addr)
    }

    /// API key of the demo platform user `usr_abc123` (FREE tier, role USER), sent as
    /// `Authorization: Bearer <key>`.
    pub fn api_key(&self) -> &str {
        DEMO_API_KEY
    }

    /// API key of the platform admin user (BUSINESS tier, role ADMIN: may list, invite and
    /// delete users).
    pub fn admin_api_key(&self) -> &str {
        ADMIN_API_KEY
    }

    /// Static API key of the ops service, sent as `Authorization: Bearer <key>` (acts for the
    /// login user).
    pub fn ops_api_key(&self) -> &str {
        OPS_API_KEY
    }

    /// Ops login user name (`admin`), for `POST /api/auth/login`.
    pub fn username(&self) -> &str {
        OPS_USERNAME
    }

    /// Ops login password (`password`).
    pub fn password(&self) -> &str {
        OPS_PASSWORD
    }

    /// Stops both servers: no new connections are accepted, open requests get up to 2 s to
    /// finish, and open streams (SSE, WebSocket) are then cut.
    pub async fn shutdown(self) {
        let Sandbox { ops, platform } = self;
        tokio::join!(ops.shutdown(), platform.shutdown());
    }
}

/// One recorded webhook delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// Header names (lowercase) and values, in arrival order.
    pub headers: Vec<(String, String)>,
    /// The raw body.
    pub body: Vec<u8>,
}

impl Delivery {
    /// The first value of a header (name compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Default)]
struct SinkState {
    deliveries: Mutex<VecDeque<Delivery>>,
    arrived: Notify,
    fail_next: AtomicU64,
    failed: AtomicU64,
}

/// A webhook receiver on 127.0.0.1 that records every delivery it accepts (any path, `POST`).
///
/// Deliveries answered with a failure (see [`WebhookSink::fail_next`]) are counted but not
/// recorded.
#[derive(Debug)]
pub struct WebhookSink {
    server: Server,
    state: Arc<SinkState>,
}

impl fmt::Debug for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Server").field("addr", &self.addr).finish()
    }
}

impl WebhookSink {
    /// Starts the receiver on a free port.
    pub async fn start() -> std::io::Result<WebhookSink> {
        let state = Arc::new(SinkState::default());
        let handler_state = state.clone();
        let app = axum::Router::new().fallback(move |headers: HeaderMap, body: Bytes| {
            let state = handler_state.clone();
            async move {
                let failing = state
                    .fail_next
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok();
                if failing {
                    state.failed.fetch_add(1, Ordering::SeqCst);
                    return StatusCode::INTERNAL_SERVER_ERROR;
                }
                let headers = headers
                    .iter()
                    .map(|(k, v)| {
                        (
                            k.as_str().to_string(),
                            String::from_utf8_lossy(v.as_bytes()).into_owned(),
                        )
                    })
                    .collect();
                state
                    .deliveries
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push_back(Delivery {
                        headers,
                        body: body.to_vec(),
                    });
                state.arrived.notify_waiters();
                StatusCode::OK
            }
        });
        let server = Server::spawn(0, app).await?;
        Ok(WebhookSink { server, state })
    }

    /// The URL to register, `http://127.0.0.1:PORT/webhook` (any path is accepted).
    pub fn url(&self) -> String {
        format!("http://{}/webhook", self.server.addr)
    }

    /// Answers 500 to the next `n` deliveries (so senders' retries can be tested).
    pub fn fail_next(&self, n: u64) {
        self.state.fail_next.store(n, Ordering::SeqCst);
    }

    /// How many deliveries were answered with a failure so far.
    pub fn failed_count(&self) -> u64 {
        self.state.failed.load(Ordering::SeqCst)
    }

    /// The oldest recorded delivery not yet taken, waiting up to `timeout` for one; `None` when
    /// none arrived in time.
    pub async fn next_delivery(&self, timeout: Duration) -> Option<Delivery> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.state.arrived.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(d) = self
                .state
                .deliveries
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .pop_front()
            {
                return Some(d);
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return None;
            }
        }
    }

    /// Stops the receiver.
    pub async fn shutdown(self) {
        self.server.shutdown().await;
    }
}
