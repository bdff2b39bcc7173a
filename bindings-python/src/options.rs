//! Caller arguments: the settings of a client and the per-request options of a call, read from
//! Python values and checked at the constructor or call that received them, with the core's
//! rules (`agents_sdk::options::validate`): a wrong type is `TypeError`, a refused value
//! `InvalidArgumentError` (a `ValueError`).

use std::time::Duration;

use agents_sdk::options::validate;
use agents_sdk::{ClientSettings, RequestOptions, ResponseCapture, ResponseMeta};
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};

use crate::errors::to_py_err;
use crate::pyser::Answer;

/// Options of one call and whether the caller wants the answer's metadata.
#[derive(Debug, Default, Clone)]
pub struct CallOptions {
    pub opts: RequestOptions,
    pub capture: Option<ResponseCapture>,
}

/// Which options a call takes: `max_pages` only makes sense for a paginated list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallKind {
    Plain,
    Paginated,
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_owned())
}

fn wrong_type(name: &str, wanted: &str, v: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!("{name} must be {wanted}, not {}", type_name(v)))
}

/// A Python number read for a check: the value, or (for an `int` beyond the range) the bound
/// of its sign and how to describe what was given.
struct Read<T> {
    value: T,
    overflow: Option<&'static str>,
}

/// `v` as a float (an `int`, a `float` or anything with `__float__`, but not a `bool`); an
/// `int` too large for a float reads as the largest float of its sign.
fn number(name: &str, v: &Bound<'_, PyAny>) -> PyResult<Read<f64>> {
    if v.is_instance_of::<PyBool>() {
        return Err(wrong_type(name, "a number of seconds", v));
    }
    match v.extract::<f64>() {
        Ok(value) => Ok(Read {
            value,
            overflow: None,
        }),
        Err(e) if e.is_instance_of::<PyOverflowError>(v.py()) => Ok(Read {
            value: if v.lt(0)? { f64::MIN } else { f64::MAX },
            overflow: Some("an int too large for a float"),
        }),
        Err(_) => Err(wrong_type(name, "a number of seconds", v)),
    }
}

/// `v` as an integer (an `int` or anything with `__index__`, but not a `bool`); one beyond
/// the 64-bit range reads as the bound of its sign (refused by every range check).
fn integer(name: &str, v: &Bound<'_, PyAny>) -> PyResult<Read<i64>> {
    if v.is_instance_of::<PyBool>() {
        return Err(wrong_type(name, "an int", v));
    }
    match v.extract::<i64>() {
        Ok(value) => Ok(Read {
            value,
            overflow: None,
        }),
        Err(e) if e.is_instance_of::<PyOverflowError>(v.py()) => Ok(Read {
            value: if v.lt(0)? { i64::MIN } else { i64::MAX },
            overflow: Some("an int beyond the 64-bit range"),
        }),
        Err(_) => Err(wrong_type(name, "an int", v)),
    }
}

/// Runs the core's check on what was read; the refusal of an out-of-range `int` names it as
/// such instead of the bound it was read as.
fn check<T: std::fmt::Debug + Copy, U>(
    py: Python<'_>,
    read: Read<T>,
    rule: impl FnOnce(T) -> agents_sdk::Result<U>,
) -> PyResult<U> {
    rule(read.value).map_err(|e| match (e, read.overflow) {
        (agents_sdk::Error::InvalidArgument(message), Some(given)) => to_py_err(
            py,
            agents_sdk::Error::InvalidArgument(
                // the core prints the value in its `Debug` form (short floats: `1e300`)
                message.replace(&format!("got {:?}", read.value), &format!("got {given}")),
            ),
        ),
        (e, _) => to_py_err(py, e),
    })
}

/// A timeout in seconds: positive, at most one year, `inf` for no limit.
pub fn timeout(name: &str, v: &Bound<'_, PyAny>) -> PyResult<Duration> {
    check(v.py(), number(name, v)?, |s| {
        validate::timeout_secs(name, s)
    })
}

/// A retry count from 0 to 100.
pub fn retries(name: &str, v: &Bound<'_, PyAny>) -> PyResult<u32> {
    check(v.py(), integer(name, v)?, |i| validate::retries(name, i))
}

/// A size limit in bytes, from 1 B to 4 GiB.
pub fn size(name: &str, v: &Bound<'_, PyAny>) -> PyResult<usize> {
    check(v.py(), integer(name, v)?, |i| validate::size(name, i))
}

/// A page cap of at least 1.
pub fn max_pages(name: &str, v: &Bound<'_, PyAny>) -> PyResult<u32> {
    check(v.py(), integer(name, v)?, |i| validate::max_pages(name, i))
}

fn string(name: &str, v: &Bound<'_, PyAny>) -> PyResult<String> {
    v.extract::<String>()
        .map_err(|_| wrong_type(name, "a str", v))
}

/// A dict of `str` to `str` as pairs: `None` leaves an entry out (as `null` does in Node),
/// an `int` or a finite `float` is written as text and a `bool` as `true` / `false` (as Node
/// writes them); anything else is a `TypeError` rather than its `str()` (an object's repr, a
/// list's brackets, `nan`).
fn pairs(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<(String, String)>> {
    let dict = value
        .cast::<PyDict>()
        .map_err(|_| wrong_type(what, "a dict of str to str", value))?;
    let mut out = Vec::with_capacity(dict.len());
    // over a snapshot: a key's `__eq__` or a value's conversion may change the dict
    for item in dict.items().iter() {
        let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let key = string(&format!("each key of {what}"), &k)?;
        if v.is_none() {
            continue;
        }
        let val: String = if v.is_instance_of::<PyString>() {
            v.extract::<String>()?
        } else if let Ok(b) = v.cast::<PyBool>() {
            (if b.is_true() { "true" } else { "false" }).to_owned()
        } else if v.is_exact_instance_of::<PyInt>() {
            v.str()?.to_string()
        } else if let Ok(f) = v.cast_exact::<PyFloat>()
            && f.value().is_finite()
        {
            v.str()?.to_string()
        } else {
            return Err(wrong_type(
                &format!("each value of {what}"),
                "a str (or an int, a finite float, a bool)",
                &v,
            ));
        };
        out.push((key, val));
    }
    Ok(out)
}

/// Headers given by the caller: valid HTTP names and values, else `InvalidArgumentError`.
fn headers(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<(String, String)>> {
    let out = pairs(value, what)?;
    for (k, v) in &out {
        validate::header(k, v).map_err(|e| to_py_err(value.py(), e))?;
    }
    Ok(out)
}

/// Reads `timeout`, `max_retries`, `stream_idle_timeout`, `extra_headers`, `extra_query`,
/// `idempotency_key`,
/// `max_response_bytes`, `max_pages` (paginated lists only) and `raw` (record the
/// metadata); anything else is a `TypeError`. `None` means "not given".
pub fn extract(options: Option<&Bound<'_, PyDict>>, kind: CallKind) -> PyResult<CallOptions> {
    let mut out = CallOptions::default();
    let Some(options) = options else {
        return Ok(out);
    };
    for item in options.items().iter() {
        let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let key: String = k.extract()?;
        if v.is_none() {
            continue;
        }
        match key.as_str() {
            "timeout" => out.opts.timeout = Some(timeout("timeout", &v)?),
            "max_retries" => out.opts.max_retries = Some(retries("max_retries", &v)?),
            "stream_idle_timeout" => {
                out.opts.stream_idle_timeout = Some(timeout("stream_idle_timeout", &v)?);
            }
            "extra_headers" => out.opts.extra_headers = headers(&v, "extra_headers")?,
            "extra_query" => out.opts.extra_query = pairs(&v, "extra_query")?,
            "idempotency_key" => {
                let key = string("idempotency_key", &v)?;
                validate::header("Idempotency-Key", &key).map_err(|e| to_py_err(v.py(), e))?;
                out.opts.idempotency_key = Some(key);
            }
            "max_response_bytes" => {
                out.opts.max_response_bytes = Some(size("max_response_bytes", &v)?);
            }
            "max_pages" if kind == CallKind::Paginated => {
                out.opts.max_pages = Some(max_pages("max_pages", &v)?);
            }
            "raw" => {
                if v.is_truthy()? {
                    let capture = ResponseCapture::new();
                    out.opts = out.opts.capture(&capture);
                    out.capture = Some(capture);
                }
            }
            other => {
                let pages = if kind == CallKind::Paginated {
                    ", max_pages"
                } else {
                    ""
                };
                return Err(PyTypeError::new_err(format!(
                    "unexpected request option {other:?} (expected timeout, max_retries, \
                     stream_idle_timeout, extra_headers, extra_query, idempotency_key, \
                     max_response_bytes{pages})"
                )));
            }
        }
    }
    Ok(out)
}

/// The settings of a client, from the keyword arguments of its constructor.
#[derive(Debug, Clone, Default)]
pub struct ClientArgs {
    /// The transport settings, checked.
    pub settings: ClientSettings,
    /// Default page cap of the client's paginated lists.
    pub max_pages: Option<u32>,
}

impl ClientArgs {
    /// The `max_response_bytes` in force for a call made with `opts`: the call's, else the
    /// client's, else the core's default (what also caps a stream's accumulated text).
    pub fn response_limit(&self, opts: &RequestOptions) -> usize {
        opts.max_response_bytes
            .or(self.settings.max_response_bytes)
            .unwrap_or(agents_sdk::options::DEFAULT_MAX_RESPONSE_BYTES)
    }
}

/// Reads the client settings `timeout`, `connect_timeout`, `response_header_timeout`,
/// `stream_idle_timeout` (seconds), `max_retries`, `default_headers`, `max_event_size`,
/// `max_response_bytes`, `proxy`, `ca_bundle` and, when `with_pages`, `max_pages`; anything
/// else is a `TypeError`,
/// `None` means "the default".
pub fn client_args(
    base_url: Option<String>,
    kwargs: Option<&Bound<'_, PyDict>>,
    with_pages: bool,
) -> PyResult<ClientArgs> {
    let mut out = ClientArgs::default();
    out.settings.base_url = base_url;
    out.settings.user_agent = Some(python_user_agent());
    let Some(kwargs) = kwargs else {
        return Ok(out);
    };
    for (k, v) in kwargs.iter() {
        let key: String = k.extract()?;
        if v.is_none() {
            continue;
        }
        let s = &mut out.settings;
        match key.as_str() {
            "timeout" => s.timeout = Some(timeout("timeout", &v)?),
            "connect_timeout" => s.connect_timeout = Some(timeout("connect_timeout", &v)?),
            "response_header_timeout" => {
                s.response_header_timeout = Some(timeout("response_header_timeout", &v)?);
            }
            "stream_idle_timeout" => {
                s.stream_idle_timeout = Some(timeout("stream_idle_timeout", &v)?);
            }
            "max_retries" => s.max_retries = Some(retries("max_retries", &v)?),
            "default_headers" => s.headers = headers(&v, "default_headers")?,
            "max_event_size" => s.max_event_size = Some(size("max_event_size", &v)?),
            "max_response_bytes" => {
                s.max_response_bytes = Some(size("max_response_bytes", &v)?);
            }
            "max_pages" if with_pages => out.max_pages = Some(max_pages("max_pages", &v)?),
            // checked by the core when the client is built: a malformed URL or an unreadable
            // / non-PEM bundle is an InvalidArgumentError (a ValueError) there
            "proxy" => s.proxy = Some(string("proxy", &v)?),
            "ca_bundle" => {
                let path: std::path::PathBuf = v
                    .extract()
                    .map_err(|_| wrong_type("ca_bundle", "a str or os.PathLike path", &v))?;
                s.ca_bundle = Some(agents_sdk::CaBundle::File(path));
            }
            other => {
                return Err(PyTypeError::new_err(format!(
                    "unexpected client setting {other:?}"
                )));
            }
        }
    }
    Ok(out)
}

/// `cjhirashi-agents-python/<version> CPython 3.12 (<os>; <arch>)`: the core's form with this
/// interpreter's implementation and version (read once).
pub fn python_user_agent() -> String {
    static UA: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    UA.get_or_init(|| {
        Python::attach(|py| {
            let v = py.version_info();
            let implementation = py
                .import("platform")
                .and_then(|m| m.call_method0("python_implementation"))
                .and_then(|s| s.extract::<String>())
                .unwrap_or_else(|_| "Python".to_owned());
            agents_sdk::user_agent(
                "python",
                &format!("{implementation} {}.{}", v.major, v.minor),
            )
        })
    })
    .clone()
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
