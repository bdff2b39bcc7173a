//! The module's tokio runtime (two workers, recreated after `os.fork()`) and the two ways a
//! Rust future is awaited from Python: blocking with the GIL released and Ctrl-C checked every
//! 50 ms, or as an `asyncio.Future` resolved from the runtime.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyCFunction;
use tokio::runtime::Runtime;

use crate::errors::to_py_err;

/// How long a blocking wait sleeps between two checks for signals (Ctrl-C).
const SIGNAL_SLICE: Duration = Duration::from_millis(50);

static RUNTIME: Mutex<Option<(u32, Arc<Runtime>)>> = Mutex::new(None);

/// The runtime of this process; a child made by `fork` gets a new one (the parent's worker
/// threads do not exist in the child).
pub fn runtime() -> Arc<Runtime> {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((owner, rt)) = slot.as_ref()
        && *owner == pid
    {
        return rt.clone();
    }
    if let Some((_, stale)) = slot.take() {
        // The parent's threads are gone: dropping would wait for them forever.
        std::mem::forget(stale);
    }
    let rt = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("cjhirashi-agents")
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("cannot start the tokio runtime: {e}")),
    );
    *slot = Some((pid, rt.clone()));
    rt
}

/// Runs `fut` on the runtime and waits for it with the GIL released. Between 50 ms slices the
/// wait checks for signals; when a handler raises (Ctrl-C gives `KeyboardInterrupt`) the task
/// is aborted, which drops the future and closes its connection, and the exception propagates.
pub fn block_on<T, F>(py: Python<'_>, fut: F) -> PyResult<T>
where
    T: Send + 'static,
    F: Future<Output = T> + Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::sync_channel::<T>(1);
    let handle = runtime().spawn(async move {
        let _ = tx.send(fut.await);
    });
    let mut rx = rx;
    loop {
        let (back, got) = py.detach(move || {
            let got = rx.recv_timeout(SIGNAL_SLICE);
            (rx, got)
        });
        rx = back;
        match got {
            Ok(v) => return Ok(v),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                if let Err(e) = py.check_signals() {
                    handle.abort();
                    return Err(e);
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(pyo3::exceptions::PyRuntimeError::new_err(
                    "the SDK task stopped without an answer",
                ));
            }
        }
    }
}

/// `block_on` for a fallible SDK future, converting the error at the one conversion point.
pub fn block_on_sdk<T, F>(py: Python<'_>, fut: F) -> PyResult<T>
where
    T: Send + 'static,
    F: Future<Output = agents_sdk::Result<T>> + Send + 'static,
{
    block_on(py, fut)?.map_err(|e| to_py_err(py, e))
}

/// Runs `fut` on the runtime and returns an `asyncio.Future` of the running loop that gets its
/// result (converted by `conv` with the GIL held) or its error. Cancelling the asyncio future
/// aborts the Rust task.
pub fn future_into_py<'py, T, F, C>(py: Python<'py>, fut: F, conv: C) -> PyResult<Bound<'py, PyAny>>
where
    T: Send + 'static,
    F: Future<Output = agents_sdk::Result<T>> + Send + 'static,
    C: FnOnce(Python<'_>, T) -> PyResult<Py<PyAny>> + Send + 'static,
{
    let event_loop = asyncio(py)?.call_method0("get_running_loop")?;
    let py_future = event_loop.call_method0("create_future")?;
    let target = py_future.clone().unbind();
    let loop_ref = event_loop.unbind();
    let handle = runtime().spawn(async move {
        let out = fut.await;
        Python::attach(|py| {
            let (ok, value) = match out.map_err(|e| to_py_err(py, e)).and_then(|v| conv(py, v)) {
                Ok(v) => (true, v),
                Err(e) => (false, e.into_value(py).into_any()),
            };
            if let Ok(resolve) = resolver(py) {
                // fails only when the loop is closed; nobody is waiting then
                let _ =
                    loop_ref.call_method1(py, "call_soon_threadsafe", (resolve, target, ok, value));
            }
        });
    });
    let abort = handle.abort_handle();
    let on_done = PyCFunction::new_closure(py, None, None, move |args, _kwargs| -> PyResult<()> {
        let fut = args.get_item(0)?;
        if fut.call_method0("cancelled")?.is_truthy()? {
            abort.abort();
        }
        Ok(())
    })?;
    py_future.call_method1("add_done_callback", (on_done,))?;
    Ok(py_future)
}

fn asyncio(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    static ASYNCIO: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    Ok(ASYNCIO
        .get_or_try_init(py, || py.import("asyncio").map(Bound::unbind))?
        .bind(py))
}

/// `resolve(future, ok, value)`: sets the result or exception unless the future is done.
fn resolver(py: Python<'_>) -> PyResult<&Py<PyCFunction>> {
    static RESOLVE: PyOnceLock<Py<PyCFunction>> = PyOnceLock::new();
    RESOLVE.get_or_try_init(py, || {
        PyCFunction::new_closure(py, None, None, |args, _kwargs| -> PyResult<()> {
            let fut = args.get_item(0)?;
            if fut.call_method0("done")?.is_truthy()? {
                return Ok(());
            }
            let ok: bool = args.get_item(1)?.extract()?;
            let value = args.get_item(2)?;
            if ok {
                fut.call_method1("set_result", (value,))?;
            } else {
                fut.call_method1("set_exception", (value,))?;
            }
            Ok(())
        })
        .map(Bound::unbind)
    })
}
