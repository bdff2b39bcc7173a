//! Per-request options from the keyword arguments of a Python call.

use std::time::Duration;

use agents_sdk::{RequestOptions, ResponseCapture, ResponseMeta};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::pyser::Answer;

/// Options of one call and whether the caller wants the answer's metadata.
#[derive(Debug, Default, Clone)]
pub struct CallOptions {
    pub opts: RequestOptions,
    pub capture: Option<ResponseCapture>,
}

fn pairs(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<(String, String)>> {
    let dict = value
        .cast::<PyDict>()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be a dict of str to str")))?;
    let mut out = Vec::with_capacity(dict.len());
    for (k, v) in dict.iter() {
        let key: String = k.extract()?;
        let val: String = if let Ok(s) = v.extract::<String>() {
            s
        } else {
            v.str()?.to_string()
        };
        out.push((key, val));
    }
    Ok(out)
}

/// Reads `timeout`, `max_retries`, `extra_headers`, `extra_query`, `idempotency_key` and
/// `raw` (record the metadata); anything else is a `TypeError`.
pub fn extract(options: Option<&Bound<'_, PyDict>>) -> PyResult<CallOptions> {
    let mut out = CallOptions::default();
    let Some(options) = options else {
        return Ok(out);
    };
    for (k, v) in options.iter() {
        let key: String = k.extract()?;
        if v.is_none() {
            continue;
        }
        match key.as_str() {
            "timeout" => {
                let secs: f64 = v.extract()?;
                if !(secs.is_finite() && secs > 0.0) {
                    return Err(PyValueError::new_err(
                        "timeout must be a positive number of seconds",
                    ));
                }
                out.opts.timeout = Some(Duration::from_secs_f64(secs));
            }
            "max_retries" => out.opts.max_retries = Some(v.extract()?),
            "extra_headers" => out.opts.extra_headers = pairs(&v, "extra_headers")?,
            "extra_query" => out.opts.extra_query = pairs(&v, "extra_query")?,
            "idempotency_key" => out.opts.idempotency_key = Some(v.extract()?),
            "raw" => {
                if v.is_truthy()? {
                    let capture = ResponseCapture::new();
                    out.opts = out.opts.capture(&capture);
                    out.capture = Some(capture);
                }
            }
            other => {
                return Err(PyTypeError::new_err(format!(
                    "unexpected request option {other:?} (expected timeout, max_retries, extra_headers, extra_query, idempotency_key)"
                )));
            }
        }
    }
    Ok(out)
}

/// The metadata of an answer as a dict (`status_code`, `headers`, `request_id`, `rate_limit`,
/// `attempts`).
pub fn meta_to_py(py: Python<'_>, meta: &ResponseMeta) -> PyResult<Py<PyAny>> {
    let d = PyDict::new(py);
    d.set_item("status_code", meta.status)?;
    d.set_item("request_id", meta.request_id.as_deref())?;
    let headers = PyDict::new(py);
    for (k, v) in &meta.headers {
        headers.set_item(k, v)?;
    }
    d.set_item("headers", headers)?;
    match meta.rate_limit {
        Some(rl) => {
            let r = PyDict::new(py);
            r.set_item("limit", rl.limit)?;
            r.set_item("remaining", rl.remaining)?;
            r.set_item("reset", rl.reset)?;
            d.set_item("rate_limit", r)?;
        }
        None => d.set_item("rate_limit", py.None())?,
    }
    d.set_item("attempts", meta.attempts)?;
    Ok(d.into_any().unbind())
}

/// `(value, meta-or-None)` as returned by every native call.
pub fn answer(
    py: Python<'_>,
    value: Answer,
    capture: Option<&ResponseCapture>,
) -> PyResult<Py<PyAny>> {
    let v = value.into_py(py)?;
    let meta = match capture.and_then(ResponseCapture::get) {
        Some(m) => meta_to_py(py, &m)?,
        None => py.None(),
    };
    Ok(pyo3::types::PyTuple::new(py, [v, meta])?
        .into_any()
        .unbind())
}

/// The transport settings of a client from its keyword arguments (seconds as floats), shared
/// by the platform and the ops clients.
pub fn client_settings(
    base_url: &Option<String>,
    timeout: Option<f64>,
    max_retries: Option<u32>,
    stream_idle_timeout: Option<f64>,
    headers: &[(String, String)],
) -> agents_sdk::ClientSettings {
    let secs = |v: f64| std::time::Duration::from_secs_f64(v.max(0.0));
    let mut s = agents_sdk::ClientSettings::default();
    s.base_url = base_url.clone();
    s.timeout = timeout.map(secs);
    s.max_retries = max_retries;
    s.stream_idle_timeout = stream_idle_timeout.map(secs);
    s.headers = headers.to_vec();
    s
}
