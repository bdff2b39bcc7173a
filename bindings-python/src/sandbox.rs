//! `Sandbox`: the embedded in-memory server (crate `agents-sandbox`) on the module's runtime.

use std::sync::Mutex;

use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;

use crate::guard::guard;
use crate::runtime::block_on;

/// A running sandbox of both services, bound to 127.0.0.1 on free ports.
#[pyclass(frozen, module = "cjhirashi_agents._native")]
pub struct NativeSandbox {
    inner: Mutex<Option<agents_sandbox::Sandbox>>,
    platform_url: String,
    ops_url: String,
    api_key: String,
    admin_api_key: String,
    ops_api_key: String,
    username: String,
    password: String,
}

impl std::fmt::Debug for NativeSandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NativeSandbox")
            .field("platform_url", &self.platform_url)
            .field("ops_url", &self.ops_url)
            .finish_non_exhaustive()
    }
}

#[pymethods]
impl NativeSandbox {
    #[new]
    #[pyo3(signature = (enforce_rate_limits=false, platform_port=0, ops_port=0))]
    fn new(
        py: Python<'_>,
        enforce_rate_limits: bool,
        platform_port: u16,
        ops_port: u16,
    ) -> PyResult<Self> {
        guard(py, || {
            let started = block_on(py, async move {
                agents_sandbox::Sandbox::builder()
                    .enforce_rate_limits(enforce_rate_limits)
                    .platform_port(platform_port)
                    .ops_port(ops_port)
                    .start()
                    .await
            })?
            .map_err(|e| PyOSError::new_err(format!("cannot start the sandbox: {e}")))?;
            Ok(NativeSandbox {
                platform_url: started.platform_url(),
                ops_url: started.ops_url(),
                api_key: started.api_key().to_owned(),
                admin_api_key: started.admin_api_key().to_owned(),
                ops_api_key: started.ops_api_key().to_owned(),
                username: started.username().to_owned(),
                password: started.password().to_owned(),
                inner: Mutex::new(Some(started)),
            })
        })
    }

    /// Base URL of the platform service (`http://127.0.0.1:PORT/api`).
    #[getter]
    fn platform_url(&self) -> &str {
        &self.platform_url
    }
    /// Base URL of the ops service.
    #[getter]
    fn ops_url(&self) -> &str {
        &self.ops_url
    }
    /// A platform API key of the demo user.
    #[getter]
    fn api_key(&self) -> &str {
        &self.api_key
    }
    /// A platform API key of an admin.
    #[getter]
    fn admin_api_key(&self) -> &str {
        &self.admin_api_key
    }
    /// The ops service's static API key.
    #[getter]
    fn ops_api_key(&self) -> &str {
        &self.ops_api_key
    }
    /// The ops login user name.
    #[getter]
    fn username(&self) -> &str {
        &self.username
    }
    /// The ops login password.
    #[getter]
    fn password(&self) -> &str {
        &self.password
    }

    /// Whether `close()` was called.
    #[getter]
    fn closed(&self) -> bool {
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_none()
    }

    /// Stops both servers (idempotent).
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        guard(py, || {
            let taken = self.inner.lock().unwrap_or_else(|e| e.into_inner()).take();
            if let Some(sandbox) = taken {
                block_on(py, async move { sandbox.shutdown().await })?;
            }
            Ok(())
        })
    }
}
