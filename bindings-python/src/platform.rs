//! `cjhirashi_agents._native.PlatformClient`: every platform operation, implemented once as an
//! async function returning JSON and exposed blocking (`call`) and as an awaitable
//! (`call_async`); streams and paginated lists get their own native objects.

use std::sync::{Arc, Mutex};

use agents_sdk::platform::Client;
use agents_sdk::{Error, Result};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::convert::from_py;
use crate::errors::to_py_err;
use crate::guard::guard;
use crate::options::{self, CallKind, CallOptions, ClientArgs};
use crate::pager::Pager;
use crate::pyser::{Answer, Service};
use crate::runtime::{block_on_here_sdk, block_on_sdk, future_into_py};
use crate::stream::NativeStream;

/// Settings a client is (re)built from; kept so a forked child can build its own.
#[derive(Clone, Default)]
pub struct Settings {
    pub api_key: Option<String>,
    pub args: ClientArgs,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("api_key", &self.api_key.as_ref().map(|_| "[REDACTED]"))
            .field("args", &self.args)
            .finish()
    }
}

/// A client built in this process (rebuilt after `fork`, whose child has no connection tasks),
/// used on the shared runtime, plus one handle per calling thread for blocking calls on that
/// thread's own runtime ([`PerProcess::here`]).
#[derive(Debug)]
pub struct PerProcess<C> {
    /// `(process, generation, client)`: the [`crate::runtime::process_generation`] it was made
    /// in, and a generation that changes whenever the client is replaced.
    slot: Mutex<(u64, u64, C)>,
    /// Identifies this object to the per-thread handle caches.
    key: Arc<()>,
}

impl<C: Clone + 'static> PerProcess<C> {
    pub fn new(c: C) -> Self {
        PerProcess {
            slot: Mutex::new((crate::runtime::process_generation(), 0, c)),
            key: Arc::new(()),
        }
    }

    fn current(&self, rebuild: impl FnOnce() -> Result<C>) -> Result<(u64, C)> {
        let mut slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        let process = crate::runtime::process_generation();
        if slot.0 != process {
            *slot = (process, slot.1 + 1, rebuild()?);
        }
        Ok((slot.1, slot.2.clone()))
    }

    /// The client for the shared runtime.
    pub fn get(&self, rebuild: impl FnOnce() -> Result<C>) -> Result<C> {
        self.current(rebuild).map(|(_, c)| c)
    }

    /// The calling thread's handle of the client (same settings and credentials, a connection
    /// pool of its own), for [`crate::runtime::block_on_here`].
    pub fn here(
        &self,
        rebuild: impl FnOnce() -> Result<C>,
        derive: impl FnOnce(&C) -> Result<C>,
    ) -> Result<C> {
        let (generation, base) = self.current(rebuild)?;
        crate::runtime::thread_handle(&self.key, generation, || derive(&base))
    }

    pub fn set(&self, c: C) {
        let mut slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        *slot = (crate::runtime::process_generation(), slot.1 + 1, c);
    }
}

impl<C> Drop for PerProcess<C> {
    fn drop(&mut self) {
        // The key must be dead before the calling thread's handles are pruned; handles on
        // other threads go when those threads make a new one or end.
        drop(std::mem::replace(&mut self.key, Arc::new(())));
        crate::runtime::release_dead_handles();
    }
}

fn build(s: &Settings) -> Result<Client> {
    let mut b = Client::builder().settings(s.args.settings.clone());
    if let Some(k) = &s.api_key {
        b = b.api_key(k.clone());
    }
    b.build()
}

/// Decodes the parameters of an operation (a dict with snake_case keys) into a typed value.
pub fn params<T: DeserializeOwned>(value: &Value, camel: bool) -> Result<T> {
    let value = match (camel, value) {
        (true, Value::Object(map)) => Value::Object(
            map.iter()
                .map(|(k, v)| (agents_sdk::case::to_camel_case(k), v.clone()))
                .collect::<Map<String, Value>>(),
        ),
        (_, Value::Null) => Value::Object(Map::new()),
        _ => value.clone(),
    };
    serde_json::from_value(value).map_err(|e| Error::InvalidArgument(e.to_string()))
}

/// A string argument of an operation.
pub fn arg(value: &Value, name: &str) -> Result<String> {
    match value.get(name) {
        Some(Value::String(s)) => Ok(s.clone()),
        _ => Err(Error::InvalidArgument(format!("{name} must be a string"))),
    }
}

fn json<T: serde::Serialize + Send + 'static>(v: T) -> Result<Answer> {
    Ok(Answer::new(Service::Platform, v))
}

/// Every non-streaming, non-paginated platform operation.
async fn call(c: Client, op: String, a: Value, o: agents_sdk::RequestOptions) -> Result<Answer> {
    match op.as_str() {
        "auth.sign_in_url" => json(c.auth().with_options(o).sign_in_url().await?),
        "auth.sign_out" => json(c.auth().with_options(o).sign_out().await?),
        "auth.session" => json(c.auth().with_options(o).session().await?),
        "auth.create_api_key" => json(c.auth().with_options(o).create_api_key().await?),
        "users.me" => json(c.users().with_options(o).me().await?),
        "users.update_me" => json(
            c.users()
                .with_options(o)
                .update_me(params(&a, true)?)
                .await?,
        ),
        "users.invite" => json(c.users().with_options(o).invite(params(&a, true)?).await?),
        "users.delete" => json(c.users().with_options(o).delete(&arg(&a, "id")?).await?),
        "agents.list" => json(
            c.agents()
                .with_options(o)
                .list(params(&a, true)?)
                .await?
                .agents,
        ),
        "agents.get" => json(c.agents().with_options(o).get(&arg(&a, "id")?).await?),
        "agents.create" => json(c.agents().with_options(o).create(params(&a, true)?).await?),
        "agents.delete" => json(c.agents().with_options(o).delete(&arg(&a, "id")?).await?),
        "conversations.get" => {
            let id = arg(&a, "id")?;
            let mut rest = a.clone();
            if let Value::Object(m) = &mut rest {
                m.remove("id");
            }
            json(
                c.conversations()
                    .with_options(o)
                    .get(&id, params(&rest, true)?)
                    .await?,
            )
        }
        "conversations.create" => json(
            c.conversations()
                .with_options(o)
                .create(params(&a, true)?)
                .await?
                .conversation,
        ),
        "conversations.delete" => json(
            c.conversations()
                .with_options(o)
                .delete(&arg(&a, "id")?)
                .await?,
        ),
        "health.profile" => json(c.health().with_options(o).profile().await?),
        "health.update_profile" => json(
            c.health()
                .with_options(o)
                .update_profile(params(&a, true)?)
                .await?,
        ),
        "health.medications.list" => json(
            c.health()
                .medications()
                .with_options(o)
                .list()
                .await?
                .medications,
        ),
        "health.medications.create" => json(
            c.health()
                .medications()
                .with_options(o)
                .create(params(&a, true)?)
                .await?,
        ),
        "health.appointments.list" => json(
            c.health()
                .appointments()
                .with_options(o)
                .list(params(&a, true)?)
                .await?
                .appointments,
        ),
        "finance.profile" => json(c.finance().with_options(o).profile().await?),
        "finance.accounts.list" => json(
            c.finance()
                .accounts()
                .with_options(o)
                .list()
                .await?
                .accounts,
        ),
        "finance.transactions.create" => json(
            c.finance()
                .transactions()
                .with_options(o)
                .create(params(&a, true)?)
                .await?,
        ),
        "finance.budgets.list" => json(c.finance().budgets().with_options(o).list().await?.budgets),
        "webhooks.create" => json(
            c.webhooks()
                .with_options(o)
                .create(params(&a, true)?)
                .await?,
        ),
        other => Err(Error::InvalidArgument(format!(
            "unknown platform operation {other:?}"
        ))),
    }
}

async fn open_stream(
    c: Client,
    op: String,
    a: Value,
    o: agents_sdk::RequestOptions,
    text_limit: usize,
) -> Result<NativeStream> {
    let id = arg(&a, "id")?;
    let conversations = c.conversations().with_options(o);
    let s = match op.as_str() {
        "conversations.send_message" => {
            conversations.send_message(&id, arg(&a, "content")?).await?
        }
        "conversations.stream" => conversations.stream(&id).await?,
        other => {
            return Err(Error::InvalidArgument(format!(
                "unknown platform stream {other:?}"
            )));
        }
    };
    Ok(NativeStream::tokens(s, text_limit))
}

fn pager(c: &Client, op: &str, a: &Value, o: agents_sdk::RequestOptions) -> Result<Pager> {
    Ok(match op {
        "users.list" => Pager::new(c.users().with_options(o).list(params(a, true)?)),
        "conversations.list" => {
            Pager::new(c.conversations().with_options(o).list(params(a, true)?))
        }
        "finance.transactions.list" => Pager::new(
            c.finance()
                .transactions()
                .with_options(o)
                .list(params(a, true)?),
        ),
        other => {
            return Err(Error::InvalidArgument(format!(
                "unknown platform list {other:?}"
            )));
        }
    })
}

/// The native platform client.
#[pyclass(frozen, module = "cjhirashi_agents._native")]
#[derive(Debug)]
pub struct PlatformClient {
    settings: Settings,
    client: PerProcess<Client>,
}

impl PlatformClient {
    fn client(&self) -> Result<Client> {
        self.client.get(|| build(&self.settings))
    }

    /// The calling thread's own handle, for blocking calls.
    fn client_here(&self) -> Result<Client> {
        self.client
            .here(|| build(&self.settings), Client::with_new_connection_pool)
    }
}

fn prepare(
    args: Option<&Bound<'_, PyAny>>,
    opts: Option<&Bound<'_, PyDict>>,
    kind: CallKind,
) -> PyResult<(Value, CallOptions)> {
    let o = options::extract(opts, kind)?;
    let a = match args {
        Some(a) => from_py(a)?,
        None => Value::Null,
    };
    Ok((a, o))
}

#[pymethods]
impl PlatformClient {
    /// Checks every setting (`TypeError` / `InvalidArgumentError`) and builds the client.
    #[new]
    #[pyo3(signature = (api_key=None, base_url=None, **settings))]
    fn new(
        py: Python<'_>,
        api_key: Option<String>,
        base_url: Option<String>,
        settings: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        guard(py, || {
            let settings = Settings {
                api_key,
                args: options::client_args(base_url, settings, true)?,
            };
            let client = build(&settings).map_err(|e| to_py_err(py, e))?;
            Ok(PlatformClient {
                settings,
                client: PerProcess::new(client),
            })
        })
    }

    /// The base URL requests go to.
    #[getter]
    fn base_url(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || {
            let c = self.client().map_err(|e| to_py_err(py, e))?;
            Ok(c.base_url().to_owned())
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
            let (a, o) = prepare(args, options, CallKind::Plain)?;
            let c = self.client_here().map_err(|e| to_py_err(py, e))?;
            let value = block_on_here_sdk(py, call(c, op, a, o.opts))?;
            options::answer(py, value, o.capture.as_ref())
        })
    }

    /// Runs operation `op`: an awaitable of `(value, meta)`.
    #[pyo3(signature = (op, args=None, options=None))]
    fn call_async<'py>(
        &self,
        py: Python<'py>,
        op: String,
        args: Option<&Bound<'py, PyAny>>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let (a, o) = prepare(args, options, CallKind::Plain)?;
            let c = self.client().map_err(|e| to_py_err(py, e))?;
            let capture = o.capture.clone();
            future_into_py(py, call(c, op, a, o.opts), move |py, v| {
                options::answer(py, v, capture.as_ref())
            })
        })
    }

    /// Opens a token stream and waits for its response headers.
    #[pyo3(signature = (op, args=None, options=None))]
    fn stream(
        &self,
        py: Python<'_>,
        op: String,
        args: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<NativeStream> {
        guard(py, || {
            let (a, o) = prepare(args, options, CallKind::Plain)?;
            let c = self.client().map_err(|e| to_py_err(py, e))?;
            let limit = self.settings.args.response_limit(&o.opts);
            block_on_sdk(py, open_stream(c, op, a, o.opts, limit))
        })
    }

    /// Opens a token stream: an awaitable of the native stream.
    #[pyo3(signature = (op, args=None, options=None))]
    fn stream_async<'py>(
        &self,
        py: Python<'py>,
        op: String,
        args: Option<&Bound<'py, PyAny>>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let (a, o) = prepare(args, options, CallKind::Plain)?;
            let c = self.client().map_err(|e| to_py_err(py, e))?;
            let limit = self.settings.args.response_limit(&o.opts);
            future_into_py(py, open_stream(c, op, a, o.opts, limit), |py, s| {
                Ok(Py::new(py, s)?.into_any())
            })
        })
    }

    /// A lazily fetched list (nothing is sent until a page is asked for).
    #[pyo3(signature = (op, args=None, options=None))]
    fn paginate(
        &self,
        py: Python<'_>,
        op: String,
        args: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Pager> {
        guard(py, || {
            let (a, mut o) = prepare(args, options, CallKind::Paginated)?;
            if o.opts.max_pages.is_none() {
                o.opts.max_pages = self.settings.args.max_pages;
            }
            let c = self.client().map_err(|e| to_py_err(py, e))?;
            pager(&c, &op, &a, o.opts)
                .map(|p| p.with_capture(o.capture))
                .map_err(|e| to_py_err(py, e))
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || {
            Ok(format!(
                "PlatformClient(base_url={:?})",
                self.client()
                    .map(|c| c.base_url().to_owned())
                    .unwrap_or_default()
            ))
        })
    }
}
