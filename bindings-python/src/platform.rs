//! `cjhirashi_agents._native.PlatformClient`: every platform operation, implemented once as an
//! async function returning JSON and exposed blocking (`call`) and as an awaitable
//! (`call_async`); streams and paginated lists get their own native objects.

use std::sync::Arc;

use agents_sdk::dispatch::{Call, PagesSink, RawAnswer, Sink};
use agents_sdk::platform::{Client, dispatch};
use agents_sdk::{Closable, Result};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::{Map, Value};

use crate::convert::from_py;
use crate::direct::{self, OpShape};
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
/// thread's own runtime ([`PerProcess::here`]). `close()` drops the client and, with its key,
/// every thread's handle of it; later calls fail with the core's closed error
/// ([`agents_sdk::Closable`]).
#[derive(Debug)]
pub struct PerProcess<C> {
    slot: Closable<Slot<C>>,
}

#[derive(Debug)]
struct Slot<C> {
    /// The [`crate::runtime::process_generation`] the client was made in.
    process: u64,
    /// Changes whenever the client is replaced.
    generation: u64,
    client: C,
    /// Identifies this client to the per-thread handle caches (which hold it weakly: once it
    /// is dropped, by `close()` or with the object, their handles of it are dead).
    key: Arc<()>,
}

impl<C: Clone + 'static> PerProcess<C> {
    pub fn new(c: C) -> Self {
        PerProcess {
            slot: Closable::new(Slot {
                process: crate::runtime::process_generation(),
                generation: 0,
                client: c,
                key: Arc::new(()),
            }),
        }
    }

    fn current(&self, rebuild: impl FnOnce() -> Result<C>) -> Result<(u64, C, Arc<()>)> {
        let process = crate::runtime::process_generation();
        self.slot.with(|s| {
            if s.process != process {
                s.client = rebuild()?;
                s.process = process;
                s.generation += 1;
            }
            Ok((s.generation, s.client.clone(), s.key.clone()))
        })
    }

    /// The client for the shared runtime.
    pub fn get(&self, rebuild: impl FnOnce() -> Result<C>) -> Result<C> {
        self.current(rebuild).map(|(_, c, _)| c)
    }

    /// The calling thread's handle of the client (same settings and credentials, a connection
    /// pool of its own), for [`crate::runtime::block_on_here`].
    pub fn here(
        &self,
        rebuild: impl FnOnce() -> Result<C>,
        derive: impl FnOnce(&C) -> Result<C>,
    ) -> Result<C> {
        let (generation, base, key) = self.current(rebuild)?;
        crate::runtime::thread_handle(&key, generation, || derive(&base))
    }

    /// Replaces the client (a login); nothing once closed.
    pub fn set(&self, c: C) {
        let process = crate::runtime::process_generation();
        // closed: the new client is dropped with its pool
        let _ = self.slot.with(|s| {
            s.client = c;
            s.process = process;
            s.generation += 1;
            Ok(())
        });
    }

    /// Fails with the closed error once [`Self::close`] was called.
    pub fn check_open(&self) -> Result<()> {
        self.slot.with(|_| Ok(()))
    }
}

impl<C> PerProcess<C> {
    /// Drops the client and the calling thread's handles of it now (their connections are
    /// closed by that thread's runtime, run once here); other threads' handles are dropped at
    /// their next blocking call. Idempotent.
    pub fn close(&self) {
        if let Some(slot) = self.slot.close() {
            drop(slot);
            crate::runtime::release_dead_handles();
        }
    }
}

impl<C> Drop for PerProcess<C> {
    fn drop(&mut self) {
        self.close();
    }
}

fn build(s: &Settings) -> Result<Client> {
    let mut b = Client::builder().settings(s.args.settings.clone());
    if let Some(k) = &s.api_key {
        b = b.api_key(k.clone());
    }
    b.build()
}

/// The arguments of an operation as the core's dispatch takes them: keyed by wire names (the
/// platform's are camelCase; Python passes snake_case, converted here at the top level).
pub fn wire_args(value: Value, camel: bool) -> Value {
    match value {
        Value::Object(map) if camel => Value::Object(
            map.into_iter()
                .map(|(k, v)| (agents_sdk::case::to_camel_case(&k), v))
                .collect::<Map<String, Value>>(),
        ),
        other => other,
    }
}

/// Builds an answer into `service`'s model classes.
#[derive(Debug, Clone, Copy)]
pub struct ToPython(pub Service);

impl Sink for ToPython {
    type Out = Answer;
    fn accept<T: serde::Serialize + Send + 'static>(self, value: T) -> Answer {
        Answer::new(self.0, value)
    }
}

/// A platform answer decoded straight into the model classes ([`crate::direct`]): the call
/// hands its body over undecoded, and it is decoded when the GIL is held; an answer that does
/// not fit the contract's schema exactly is decoded typed, as [`ToPython`] does.
#[derive(Debug, Clone)]
struct Direct(Arc<OpShape>);

impl Sink for Direct {
    type Out = Answer;
    fn accept<T: serde::Serialize + Send + 'static>(self, value: T) -> Answer {
        Answer::new(Service::Platform, value)
    }

    fn accept_raw<T, U>(self, raw: RawAnswer, items: fn(T) -> U) -> agents_sdk::Result<Answer>
    where
        T: serde::de::DeserializeOwned + Send + 'static,
        U: serde::Serialize + Send + 'static,
    {
        Ok(Answer::from_fn(move |py| {
            let typed = |py: Python<'_>| {
                let value = raw.decode::<T>().map_err(|e| to_py_err(py, e))?;
                Answer::new(Service::Platform, items(value)).into_py(py)
            };
            let decoded = direct::decode(py, &self.0, raw.body());
            direct::record(decoded.is_some());
            match decoded {
                Some(value) if direct::checking() => {
                    let expected = typed(py)?;
                    let (a, b) = (value.bind(py), expected.bind(py));
                    if !a.get_type().is(b.get_type()) || !a.eq(b)? {
                        return Err(pyo3::exceptions::PyRuntimeError::new_err(format!(
                            "the direct decoding of an answer differs from the typed one: {} against {}",
                            a.repr()?,
                            b.repr()?
                        )));
                    }
                    Ok(value)
                }
                Some(value) => Ok(value),
                None => typed(py),
            }
        }))
    }
}

/// Wraps the paginator of a paginated list.
struct ToPager;

impl PagesSink for ToPager {
    type Out = Pager;
    fn accept<P>(self, pages: agents_sdk::Paginator<P>) -> Pager
    where
        P: agents_sdk::Paged + serde::Serialize + serde::de::DeserializeOwned + Sync,
        P::Item: serde::Serialize + Sync,
    {
        Pager::new(pages)
    }
}

/// The platform operation `op`, prepared (its arguments checked, nothing sent yet). Its answer
/// is decoded straight into Python objects when the contract allows it ([`crate::direct`])
/// and no raw response was asked for.
fn call(
    py: Python<'_>,
    c: &Client,
    op: &str,
    a: Value,
    o: agents_sdk::RequestOptions,
) -> Result<Call<Answer>> {
    let a = wire_args(a, true);
    match direct::operation(py, op).filter(|_| o.capture.is_none()) {
        Some(shape) => dispatch::call(c, op, a, o.raw_answer(true), Direct(shape)),
        None => dispatch::call(c, op, a, o, ToPython(Service::Platform)),
    }
}

/// The native platform client.
#[pyclass(frozen, module = "cjhirashi_agents._native")]
#[derive(Debug)]
pub struct PlatformClient {
    settings: Settings,
    client: PerProcess<Client>,
    /// Kept apart from the client, so it is still known once the client is closed.
    base_url: String,
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
            crate::runtime::prepare_for_running_loop(py);
            Ok(PlatformClient {
                settings,
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

    /// Releases the client's connection pools now; every later call, stream or list fails
    /// with `APIConnectionError` ("the client is closed"). Idempotent.
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
            let fut = call(py, &c, &op, a, o.opts).map_err(|e| to_py_err(py, e))?;
            let value = block_on_here_sdk(py, fut)?;
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
            let fut = call(py, &c, &op, a, o.opts).map_err(|e| to_py_err(py, e))?;
            future_into_py(py, fut, move |py, v| {
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
            let fut = dispatch::stream(&c, &op, wire_args(a, true), o.opts)
                .map_err(|e| to_py_err(py, e))?;
            let s = block_on_sdk(py, fut)?;
            Ok(NativeStream::tokens(s, limit))
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
            let fut = dispatch::stream(&c, &op, wire_args(a, true), o.opts)
                .map_err(|e| to_py_err(py, e))?;
            future_into_py(py, fut, move |py, s| {
                Ok(Py::new(py, NativeStream::tokens(s, limit))?.into_any())
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
            dispatch::paginate(&c, &op, wire_args(a, true), o.opts, ToPager)
                .map(|p| p.with_capture(o.capture))
                .map_err(|e| to_py_err(py, e))
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || {
            Ok(format!("PlatformClient(base_url={:?})", self.base_url))
        })
    }
}
