//! The last line of defence: a Rust panic inside the extension must never take the Python
//! process down nor surface as `pyo3_runtime.PanicException` (a `BaseException` that
//! `except Exception` does not catch). Every entry point runs its body through [`guard`], and
//! every future the runtimes drive for Python is wrapped by [`catch`]; a panic caught there
//! becomes `cjhirashi_agents.CJHirashiError` with a message that says it is a bug to report.

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};

use futures::FutureExt;
use pyo3::prelude::*;

/// A caught panic: its message, kept until the GIL is at hand to raise it.
#[derive(Debug, Clone)]
pub struct Panicked(String);

impl Panicked {
    fn from_payload(payload: &(dyn Any + Send)) -> Self {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_owned());
        Panicked(message)
    }

    /// The `CJHirashiError` to raise.
    pub fn into_py_err(self, py: Python<'_>) -> PyErr {
        internal_error(py, &self.0)
    }
}

/// `CJHirashiError` for an internal failure of the native module (a bug in the SDK).
pub fn internal_error(py: Python<'_>, what: &str) -> PyErr {
    let message = format!(
        "internal error in the cjhirashi-agents native module: {what}. This is a bug in the \
         SDK, not in your code; please report it (https://github.com/cjhirashi/agents-sdk/issues) \
         with the call that raised it"
    );
    match crate::errors::class(py, "CJHirashiError").and_then(|c| c.call1((message,))) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// Runs the body of a binding entry point: a panic inside becomes `CJHirashiError`.
pub fn guard<T>(py: Python<'_>, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => Err(Panicked::from_payload(&*payload).into_py_err(py)),
    }
}

/// `fut`, whose panic (while polled) becomes `Err(Panicked)` instead of unwinding through the
/// runtime.
pub fn catch<F: Future>(fut: F) -> impl Future<Output = Result<F::Output, Panicked>> {
    AssertUnwindSafe(fut)
        .catch_unwind()
        .map(|r| r.map_err(|payload| Panicked::from_payload(&*payload)))
}

/// Panics on purpose: the test hook's way to check that a panic on `path` arrives in Python as
/// `CJHirashiError` ([`debug_panic`]).
#[allow(clippy::panic)]
pub fn deliberate_panic(path: &str) -> ! {
    std::panic::panic_any(format!(
        "deliberate panic on the {path:?} path (cjhirashi_agents._native._debug_panic)"
    ))
}

/// Test hook, not API: provokes a Rust panic on one of the paths a binding call takes, so the
/// test suite can check that each arrives as `CJHirashiError`. `path` is `"call"` (the body of
/// a blocking entry point), `"blocking"` (a future on the calling thread's runtime),
/// `"shared"` (a future on the shared runtime), `"async"` (the future behind an awaitable),
/// `"convert"` (the conversion of an awaitable's result, on the event loop's thread) or
/// `"stream"` (answers a native stream whose next batch panics).
#[doc(hidden)]
#[pyfunction]
#[pyo3(name = "_debug_panic")]
pub fn debug_panic<'py>(py: Python<'py>, path: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || match path {
        "call" => deliberate_panic(path),
        "blocking" => {
            crate::runtime::block_on_here(py, panicking::<()>("blocking"))?;
            Ok(py.None().into_bound(py))
        }
        "shared" => {
            crate::runtime::block_on(py, panicking::<()>("shared"))?;
            Ok(py.None().into_bound(py))
        }
        "async" => crate::runtime::future_into_py(
            py,
            panicking::<agents_sdk::Result<()>>("async"),
            |py, ()| Ok(py.None()),
        ),
        "convert" => crate::runtime::future_into_py(py, async { Ok(()) }, |_, ()| {
            deliberate_panic("convert")
        }),
        "stream" => Ok(Bound::new(py, crate::stream::NativeStream::debug_panicking())?.into_any()),
        other => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "unknown path {other:?}"
        ))),
    })
}

async fn panicking<T>(path: &'static str) -> T {
    deliberate_panic(path)
}
