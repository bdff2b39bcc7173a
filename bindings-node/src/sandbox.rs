//! The embedded sandbox (`Sandbox` from `@cjhirashi/agents-sdk/testing`), served on napi's
//! tokio runtime inside this module.

use std::sync::Arc;

use agents_sandbox::Sandbox;
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;
use tokio::sync::Mutex;

use crate::error::to_napi;

/// Options of `Sandbox.start()`.
#[napi(object)]
#[derive(Debug, Default)]
pub struct SandboxOptions {
    /// Port of the platform service (default: any free port).
    pub platform_port: Option<u16>,
    /// Port of the ops service (default: any free port).
    pub ops_port: Option<u16>,
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
#[napi(ts_return_type = "Promise<SandboxServer>")]
pub fn start_sandbox<'e>(
    env: &'e Env,
    options: Option<SandboxOptions>,
) -> napi::Result<PromiseRaw<'e, SandboxServer>> {
    let o = options.unwrap_or_default();
    env.spawn_future(async move {
        let sb = Sandbox::builder()
            .platform_port(o.platform_port.unwrap_or(0))
            .ops_port(o.ops_port.unwrap_or(0))
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
    #[napi(getter)]
    pub fn platform_url(&self) -> String {
        self.platform_url.clone()
    }
    /// The ops origin (`http://127.0.0.1:PORT`).
    #[napi(getter)]
    pub fn ops_url(&self) -> String {
        self.ops_url.clone()
    }
    /// API key of the demo platform user.
    #[napi(getter)]
    pub fn api_key(&self) -> String {
        self.api_key.clone()
    }
    /// API key of the platform admin.
    #[napi(getter)]
    pub fn admin_api_key(&self) -> String {
        self.admin_api_key.clone()
    }
    /// Static API key of the ops service.
    #[napi(getter)]
    pub fn ops_api_key(&self) -> String {
        self.ops_api_key.clone()
    }
    /// Ops login user name.
    #[napi(getter)]
    pub fn username(&self) -> String {
        self.username.clone()
    }
    /// Ops login password.
    #[napi(getter)]
    pub fn password(&self) -> String {
        self.password.clone()
    }

    /// Stops both services.
    #[napi(ts_return_type = "Promise<void>")]
    pub fn close<'e>(&self, env: &'e Env) -> napi::Result<PromiseRaw<'e, ()>> {
        let running = self.running.clone();
        env.spawn_future(async move {
            if let Some(sb) = running.lock().await.take() {
                sb.shutdown().await;
            }
            Ok(())
        })
    }
}
