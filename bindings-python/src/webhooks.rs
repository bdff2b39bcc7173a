//! Webhook helpers of the core (`agents_sdk::webhooks`): sign, verify and unwrap.

use agents_sdk::webhooks::{self, VerifyOptions};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::to_py_err;
use crate::guard::guard;

/// The `X-Webhook-Signature` value for `payload`.
#[pyfunction]
pub fn webhook_sign(py: Python<'_>, payload: &[u8], secret: &str) -> PyResult<String> {
    guard(py, || Ok(webhooks::sign(payload, secret)))
}

/// The options of a `tolerance` in seconds: `None` gives `default`, `inf` turns the timestamp
/// check off, anything else is checked like a timeout.
fn verify_options(
    tolerance: Option<&Bound<'_, PyAny>>,
    default: VerifyOptions,
) -> PyResult<VerifyOptions> {
    Ok(match tolerance.filter(|t| !t.is_none()) {
        Some(t) => match crate::options::timeout("tolerance", t)? {
            agents_sdk::options::NO_TIMEOUT => VerifyOptions::no_tolerance(),
            within => VerifyOptions::with_tolerance(within),
        },
        None => default,
    })
}

/// Checks a signature against one or several secrets (rotation); with a `tolerance` (seconds),
/// also refuses a payload whose `timestamp` is too far from now.
#[pyfunction]
#[pyo3(signature = (payload, signature, secrets, tolerance=None))]
pub fn webhook_verify(
    py: Python<'_>,
    payload: &[u8],
    signature: &str,
    secrets: Vec<String>,
    tolerance: Option<&Bound<'_, PyAny>>,
) -> PyResult<()> {
    guard(py, || {
        let opts = verify_options(tolerance, VerifyOptions::no_tolerance())?;
        webhooks::verify_with(payload, signature, &secrets, &opts).map_err(|e| to_py_err(py, e))
    })
}

/// Verifies a delivery and decodes its envelope: `{"event", "timestamp", "data", "id"}`.
/// `tolerance` is in seconds: `None` keeps the core's default (5 minutes), `inf` turns the
/// timestamp check off, anything else is checked like a timeout.
#[pyfunction]
#[pyo3(signature = (payload, headers, secrets, tolerance=None))]
pub fn webhook_unwrap(
    py: Python<'_>,
    payload: &[u8],
    headers: Vec<(String, String)>,
    secrets: Vec<String>,
    tolerance: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    guard(py, || {
        let opts = verify_options(tolerance, VerifyOptions::default())?;
        let event =
            webhooks::unwrap(payload, &headers, &secrets, &opts).map_err(|e| to_py_err(py, e))?;
        let d = PyDict::new(py);
        d.set_item("event", event.event.as_str())?;
        d.set_item("timestamp", &event.timestamp)?;
        d.set_item("data", crate::pyser::plain(py, event.raw_data())?)?;
        d.set_item("id", event.id.as_deref())?;
        Ok(d.into_any().unbind())
    })
}
