//! The embedded sandbox (`Sandbox` from `@cjhirashi/agents-sdk/testing`), served on napi's
//! tokio runtime inside this module.

use std::sync::Arc;

use agents_sandbox::Sandbox;
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;
use tokio::sync::Mutex;

use crate::error::{spawn, to_napi};
use crate::options::port;

/// Options of `Sandbox.start()`.
#[napi(object)]
#[derive(Debug, Default)]
pub struct SandboxOptions {
    /// Port of the platform service, an integer from 0 to 65535 (default 0: any free port).
    pub platform_port: Option<f64>,
    /// Port of the ops service, an integer from 0 to 65535 (default 0: any free port).
    pub ops_port: Option<f64>,
    /// Answer 429 once a caller is over its rate limit (default off).
    pub enforce_rate_limits: Option<bool>,
}

/// A running sandbox of both services.
#[napi]
pub struct SandboxServer {
    platform_url: String,
    ops_url: String,
    api_key: String,
    admin_api_key: String,
    ops_api_key: String,
    username: String,
    password: String,
    running: Arc<Mutex<Option<Sandbox>>>,
}

/// Starts both services on 127.0.0.1.
#[napi(ts_return_type = "Promise<SandboxServer>", catch_unwind)]
pub fn start_sandbox<'e>(
    env: &'e Env,
    options: Option<SandboxOptions>,
) -> napi::Result<PromiseRaw<'e, SandboxServer>> {
    let o = options.unwrap_or_default();
    let platform_port = o
        .platform_port
        .map(|p| port("platformPort", p))
        .transpose()?;
    let ops_port = o.ops_port.map(|p| port("opsPort", p)).transpose()?;
    crate::bridge::spawn_in(env, crate::bridge::Where::Workers, async move {
        let sb = Sandbox::builder()
            .platform_port(platform_port.unwrap_or(0))
            .ops_port(ops_port.unwrap_or(0))
            .enforce_rate_limits(o.enforce_rate_limits.unwrap_or(false))
            .start()
            .await
            .map_err(|e| {
                to_napi(agents_sdk::Error::Connection {
                    message: format!("could not start the sandbox: {e}"),
                    source: None,
                })
            })?;
        Ok(SandboxServer {
            platform_url: sb.platform_url(),
            ops_url: sb.ops_url(),
            api_key: sb.api_key().to_owned(),
            admin_api_key: sb.admin_api_key().to_owned(),
            ops_api_key: sb.ops_api_key().to_owned(),
            username: sb.username().to_owned(),
            password: sb.password().to_owned(),
            running: Arc::new(Mutex::new(Some(sb))),
        })
    })
}

impl std::fmt::Debug for SandboxServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxServer")
            .field("platform_url", &self.platform_url)
            .field("ops_url", &self.ops_url)
            .finish_non_exhaustive()
    }
}

#[napi]
impl SandboxServer {
    /// The platform base URL (`http://127.0.0.1:PORT/api`).
    #[napi(getter, catch_unwind)]
    pub fn platform_url(&self) -> String {
        self.platform_url.clone()
    }
    /// The ops origin (`http://127.0.0.1:PORT`).
    #[napi(getter, catch_unwind)]
    pub fn ops_url(&self) -> String {
        self.ops_url.clone()
    }
    /// API key of the demo platform user.
    #[napi(getter, catch_unwind)]
    pub fn api_key(&self) -> String {
        self.api_key.clone()
    }
    /// API key of the platform admin.
    #[napi(getter, catch_unwind)]
    pub fn admin_api_key(&self) -> String {
        self.admin_api_key.clone()
    }
    /// Static API key of the ops service.
    #[napi(getter, catch_unwind)]
    pub fn ops_api_key(&self) -> String {
        self.ops_api_key.clone()
    }
    /// Ops login user name.
    #[napi(getter, catch_unwind)]
    pub fn username(&self) -> String {
        self.username.clone()
    }
    /// Ops login password.
    #[napi(getter, catch_unwind)]
    pub fn password(&self) -> String {
        self.password.clone()
    }

    /// Stops both services.
    #[napi(ts_return_type = "Promise<void>", catch_unwind)]
    pub fn close<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, ()>> {
        let running = self.running.clone();
        spawn(env, async move {
            if let Some(sb) = running.lock().await.take() {
                sb.shutdown().await;
            }
            Ok(())
        })
    }
}

/// Testing only: panics in the synchronous part of a promise-returning native call
/// (`"sync"`) or inside its future (`"async"`); anything else resolves. The tests check that
/// both reach JavaScript as a `CJHirashiError` and the process lives on.
#[doc(hidden)]
#[napi(ts_return_type = "Promise<void>", catch_unwind)]
#[allow(clippy::panic)]
pub fn debug_panic<'e>(env: &'e Env, mode: String) -> napi::Result<PromiseRaw<'e, ()>> {
    if mode == "sync" {
        panic!("deliberate panic (sync part of an async call) for the tests");
    }
    spawn(env, async move {
        if mode == "async" {
            panic!("deliberate panic (inside a future) for the tests");
        }
        Ok(())
    })
}

/// Testing only: where this environment's calls run: `"thread"` (on the JavaScript thread,
/// driven by Node's event loop: `crate::driver`) or `"workers"` (napi's runtime).
#[doc(hidden)]
#[napi(catch_unwind)]
pub fn debug_runtime(env: &Env) -> String {
    match crate::driver::current(env.raw()) {
        Some(_) => "thread",
        None => "workers",
    }
    .to_owned()
}

/// Benchmarks only: a promise-returning native call that does nothing, so what a call costs
/// apart from its request shows (`bench/thread_cpu.mjs`).
#[doc(hidden)]
#[napi(ts_return_type = "Promise<string>", catch_unwind)]
pub fn debug_noop<'e>(env: &'e Env) -> napi::Result<PromiseRaw<'e, String>> {
    spawn(env, async { Ok(String::new()) })
}

/// Testing only: a synchronous native function that panics when `fail` is true.
#[doc(hidden)]
#[napi(catch_unwind)]
#[allow(clippy::panic)]
pub fn debug_panic_sync(fail: bool) -> u32 {
    if fail {
        panic!("deliberate panic (sync call) for the tests");
    }
    1
}
