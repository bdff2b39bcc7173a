//! `cjhirashi_agents._native.OpsClient`: every ops operation, implemented once as an async
//! function returning JSON, exposed blocking and as an awaitable; the chat stream and the
//! realtime session are `NativeStream`s.

use std::sync::Mutex;

use agents_sdk::dispatch::Call;
use agents_sdk::ops::{AgentClient, dispatch};
use agents_sdk::{RequestOptions, Result};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::Value;

use crate::convert::from_py;
use crate::errors::to_py_err;
use crate::guard::guard;
use crate::options::{self, CallKind, CallOptions, ClientArgs};
use crate::platform::{PerProcess, ToPython, wire_args};
use crate::pyser::{Answer, Service};
use crate::runtime::{block_on_here_sdk, block_on_sdk, future_into_py};
use crate::stream::NativeStream;

#[derive(Clone, Default)]
struct Settings {
    api_key: Option<String>,
    credentials: Option<(String, String)>,
    args: ClientArgs,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("args", &self.args)
            .finish_non_exhaustive()
    }
}

fn build(s: &Settings) -> Result<AgentClient> {
    let mut b = AgentClient::builder().settings(s.args.settings.clone());
    if let Some((u, p)) = &s.credentials {
        b = b.credentials(u.clone(), p.clone());
    } else if let Some(k) = &s.api_key {
        b = b.api_key(k.clone());
    }
    b.build()
}

/// Logs `c` in now (`AgentClient.login`), keeping its settings; answers the client.
async fn login_now(c: AgentClient, username: String, password: String) -> Result<AgentClient> {
    c.auth().login(username, password).await?;
    Ok(c)
}

/// The ops operation `op`, prepared (its arguments checked, nothing sent yet).
fn call(c: &AgentClient, op: &str, a: Value, o: RequestOptions) -> Result<Call<Answer>> {
    dispatch::call(c, op, wire_args(a, false), o, ToPython(Service::Ops))
}

async fn open_stream(
    c: AgentClient,
    op: String,
    a: Value,
    o: RequestOptions,
    text_limit: usize,
) -> Result<NativeStream> {
    if op == "realtime.connect" {
        return Ok(NativeStream::realtime(
            c.realtime().with_options(o).connect().await?,
            text_limit,
        ));
    }
    let s = dispatch::stream(&c, &op, wire_args(a, false), o)?.await?;
    Ok(NativeStream::chat(s, text_limit))
}

/// The native ops client.
#[pyclass(frozen, module = "cjhirashi_agents._native")]
#[derive(Debug)]
pub struct OpsClient {
    settings: Mutex<Settings>,
    client: PerProcess<AgentClient>,
    /// Kept apart from the client, so it is still known once the client is closed.
    base_url: String,
}

impl OpsClient {
    fn client(&self) -> Result<AgentClient> {
        let s = self
            .settings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        self.client.get(|| build(&s))
    }

    /// The calling thread's own handle, for blocking calls (an ops login session is shared
    /// with the client's other handles).
    fn client_here(&self) -> Result<AgentClient> {
        self.client.here(
            || build(&self.settings.lock().unwrap_or_else(|e| e.into_inner())),
            AgentClient::with_new_connection_pool,
        )
    }

    /// The arguments and options of a call, and the client to run it with: the calling
    /// thread's own handle for a blocking call (`here`), else the shared one.
    fn prepare(
        &self,
        py: Python<'_>,
        args: Option<&Bound<'_, PyAny>>,
        opts: Option<&Bound<'_, PyDict>>,
        here: bool,
    ) -> PyResult<(AgentClient, Value, CallOptions)> {
        let o = options::extract(opts, CallKind::Plain)?;
        let a = match args {
            Some(a) => from_py(a)?,
            None => Value::Null,
        };
        let c = if here {
            self.client_here()
        } else {
            self.client()
        };
        Ok((c.map_err(|e| to_py_err(py, e))?, a, o))
    }

    /// The `max_response_bytes` in force for a call made with `opts`.
    fn response_limit(&self, opts: &RequestOptions) -> usize {
        self.settings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .args
            .response_limit(opts)
    }

    /// After `auth.login`, a forked child logs in again with the same credentials.
    fn remember_login(&self, op: &str, a: &Value) {
        if let ("auth.login", Some(Value::String(u)), Some(Value::String(p))) =
            (op, a.get("username"), a.get("password"))
        {
            self.settings
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .credentials = Some((u.clone(), p.clone()));
        }
    }
}

#[pymethods]
impl OpsClient {
    /// Checks every setting (`TypeError` / `InvalidArgumentError`) and builds the client.
    #[new]
    #[pyo3(signature = (api_key=None, base_url=None, username=None, password=None, **settings))]
    fn new(
        py: Python<'_>,
        api_key: Option<String>,
        base_url: Option<String>,
        username: Option<String>,
        password: Option<String>,
        settings: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        guard(py, || {
            let credentials = match (username, password) {
                (Some(u), Some(p)) => Some((u, p)),
                (None, None) => None,
                _ => {
                    return Err(pyo3::exceptions::PyValueError::new_err(
                        "username and password go together",
                    ));
                }
            };
            let settings = Settings {
                api_key,
                credentials,
                args: options::client_args(base_url, settings, false)?,
            };
            let client = build(&settings).map_err(|e| to_py_err(py, e))?;
            crate::runtime::prepare_for_running_loop(py);
            Ok(OpsClient {
                settings: Mutex::new(settings),
                base_url: client.base_url().to_owned(),
                client: PerProcess::new(client),
            })
        })
    }

    /// The base URL requests go to.
    #[getter]
    fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// Releases the client's connection pools now; every later call or stream fails with
    /// `APIConnectionError` ("the client is closed"). Idempotent.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        guard(py, || {
            self.client.close();
            Ok(())
        })
    }

    /// Raises the closed error (`APIConnectionError`) once `close()` was called.
    fn check_open(&self, py: Python<'_>) -> PyResult<()> {
        guard(py, || {
            self.client.check_open().map_err(|e| to_py_err(py, e))
        })
    }

    /// Logs in now with the client's credentials (used by `AgentClient.login`).
    fn ensure_login(&self, py: Python<'_>) -> PyResult<()> {
        guard(py, || {
            let s = self
                .settings
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone();
            let Some((u, p)) = s.credentials.clone() else {
                return Ok(());
            };
            // a client with every setting (proxy, CA bundle, timeouts, ...), logged in now
            let c = build(&s).map_err(|e| to_py_err(py, e))?;
            block_on_sdk(py, login_now(c.clone(), u, p))?;
            self.client.set(c);
            Ok(())
        })
    }

    /// `ensure_login` as an awaitable.
    fn ensure_login_async<'py>(slf: Py<Self>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let this = slf.get();
            let s = this
                .settings
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone();
            let c = build(&s).map_err(|e| to_py_err(py, e))?;
            let (u, p) = s.credentials.unwrap_or_default();
            let target = slf.clone_ref(py);
            future_into_py(py, login_now(c, u, p), move |py, c| {
                target.get().client.set(c);
                Ok(py.None())
            })
        })
    }

    /// Runs operation `op` and waits for it: `(value, meta)`.
    #[pyo3(signature = (op, args=None, options=None))]
    fn call(
        &self,
        py: Python<'_>,
        op: String,
        args: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        guard(py, || {
            let (c, a, o) = self.prepare(py, args, options, true)?;
            let fut = call(&c, &op, a.clone(), o.opts).map_err(|e| to_py_err(py, e))?;
            let value = block_on_here_sdk(py, fut)?;
            self.remember_login(&op, &a);
            options::answer(py, value, o.capture.as_ref())
        })
    }

    /// Runs operation `op`: an awaitable of `(value, meta)`.
    #[pyo3(signature = (op, args=None, options=None))]
    fn call_async<'py>(
        slf: Py<Self>,
        py: Python<'py>,
        op: String,
        args: Option<&Bound<'py, PyAny>>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let (c, a, o) = slf.get().prepare(py, args, options, false)?;
            let capture = o.capture.clone();
            let (op2, a2) = (op.clone(), a.clone());
            let target = slf.clone_ref(py);
            let fut = call(&c, &op, a, o.opts).map_err(|e| to_py_err(py, e))?;
            future_into_py(py, fut, move |py, v| {
                target.get().remember_login(&op2, &a2);
                options::answer(py, v, capture.as_ref())
            })
        })
    }

    /// Opens the chat stream or the realtime session and waits until it is ready.
    #[pyo3(signature = (op, args=None, options=None))]
    fn stream(
        &self,
        py: Python<'_>,
        op: String,
        args: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<NativeStream> {
        guard(py, || {
            let (c, a, o) = self.prepare(py, args, options, false)?;
            let limit = self.response_limit(&o.opts);
            block_on_sdk(py, open_stream(c, op, a, o.opts, limit))
        })
    }

    /// `stream` as an awaitable.
    #[pyo3(signature = (op, args=None, options=None))]
    fn stream_async<'py>(
        &self,
        py: Python<'py>,
        op: String,
        args: Option<&Bound<'py, PyAny>>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let (c, a, o) = self.prepare(py, args, options, false)?;
            let limit = self.response_limit(&o.opts);
            future_into_py(py, open_stream(c, op, a, o.opts, limit), |py, s| {
                Ok(Py::new(py, s)?.into_any())
            })
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || {
            Ok(format!("OpsClient(base_url={:?})", self.base_url))
        })
    }
}
