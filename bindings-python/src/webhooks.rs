//! Webhook helpers of the core (`agents_sdk::webhooks`): sign, verify and unwrap.

use std::time::Duration;

use agents_sdk::webhooks::{self, VerifyOptions};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::to_py_err;

/// The `X-Webhook-Signature` value for `payload`.
#[pyfunction]
pub fn webhook_sign(payload: &[u8], secret: &str) -> String {
    webhooks::sign(payload, secret)
}

/// Checks a signature against one or several secrets (rotation).
#[pyfunction]
pub fn webhook_verify(
    py: Python<'_>,
    payload: &[u8],
    signature: &str,
    secrets: Vec<String>,
) -> PyResult<()> {
    webhooks::verify(payload, signature, &secrets).map_err(|e| to_py_err(py, e))
}

/// Verifies a delivery and decodes its envelope: `{"event", "timestamp", "data"}`.
#[pyfunction]
#[pyo3(signature = (payload, headers, secrets, tolerance=None))]
pub fn webhook_unwrap(
    py: Python<'_>,
    payload: &[u8],
    headers: Vec<(String, String)>,
    secrets: Vec<String>,
    tolerance: Option<f64>,
) -> PyResult<Py<PyAny>> {
    let opts = match tolerance {
        Some(t) => VerifyOptions::with_tolerance(Duration::from_secs_f64(t.max(0.0))),
        None => VerifyOptions::default(),
    };
    let event =
        webhooks::unwrap(payload, &headers, &secrets, &opts).map_err(|e| to_py_err(py, e))?;
    let d = PyDict::new(py);
    d.set_item("event", event.event.as_str())?;
    d.set_item("timestamp", &event.timestamp)?;
    d.set_item("data", crate::pyser::plain(py, event.raw_data())?)?;
    Ok(d.into_any().unbind())
}
