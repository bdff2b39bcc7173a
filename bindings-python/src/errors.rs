//! The one place where an `agents_sdk::Error` becomes a Python exception: the class named by
//! `Error::class_name()` from `cjhirashi_agents._errors`, with the error's facts as attributes.

use agents_sdk::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

fn errors_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    Ok(MODULE
        .get_or_try_init(py, || {
            py.import("cjhirashi_agents._errors").map(Bound::unbind)
        })?
        .bind(py))
}

/// The exception class `name` of `cjhirashi_agents._errors`.
pub fn class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    errors_module(py)?.getattr(name)
}

/// Converts an SDK error into the Python exception of the same class name.
pub fn to_py_err(py: Python<'_>, err: Error) -> PyErr {
    match build(py, &err) {
        Ok(e) => e,
        Err(e) => e,
    }
}

fn build(py: Python<'_>, err: &Error) -> PyResult<PyErr> {
    let class = class(py, err.class_name())?;
    let kw = PyDict::new(py);
    let message = match err {
        Error::Api(api) => {
            kw.set_item("status", api.status)?;
            kw.set_item("code", api.code.as_deref())?;
            kw.set_item("details", crate::pyser::plain(py, &api.details)?)?;
            kw.set_item("request_id", api.request_id.as_deref())?;
            let headers = PyDict::new(py);
            for (k, v) in &api.headers {
                headers.set_item(k, v)?;
            }
            kw.set_item("headers", headers)?;
            if let Some(rl) = api.rate_limit {
                kw.set_item("limit", rl.limit)?;
                kw.set_item("remaining", rl.remaining)?;
                kw.set_item("reset", rl.reset)?;
            }
            kw.set_item("retry_after", api.retry_after.map(|d| d.as_secs_f64()))?;
            api.message.clone()
        }
        Error::Timeout { phase, after } => {
            kw.set_item("timeout", after.as_secs_f64())?;
            kw.set_item("phase", phase.to_string())?;
            err.to_string()
        }
        Error::IncompleteStream { received } => {
            kw.set_item("received", *received)?;
            err.to_string()
        }
        Error::Decode {
            status, request_id, ..
        } => {
            kw.set_item("status", *status)?;
            kw.set_item("request_id", request_id.as_deref())?;
            err.to_string()
        }
        Error::ResponseTooLarge {
            limit,
            content_length,
            status,
            request_id,
        } => {
            kw.set_item("limit", *limit)?;
            kw.set_item("content_length", *content_length)?;
            kw.set_item("status", *status)?;
            kw.set_item("request_id", request_id.as_deref())?;
            err.to_string()
        }
        Error::WebSocket { close_code, .. } => {
            kw.set_item("close_code", *close_code)?;
            err.to_string()
        }
        // the refusal's own words, as Node's `RangeError` / `TypeError` carry them (the class
        // already says it is an invalid argument)
        Error::InvalidArgument(message) => message.clone(),
        _ => err.to_string(),
    };
    let exc = class.call((message,), Some(&kw))?;
    Ok(PyErr::from_value(exc))
}
