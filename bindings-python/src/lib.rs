//! `cjhirashi_agents._native`: the pyo3 layer over `agents-sdk`. It converts types and errors
//! and bridges async; everything else (retries, auth, SSE, pagination, webhooks) is the core's.

// Input from Python or from the wire never panics here: no unwrap/expect/panic, no unchecked
// indexing, no truncating casts outside tests (entry points also catch panics: see guard.rs).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_possible_wrap
    )
)]

mod aiter;
mod convert;
mod direct;
mod errors;
mod guard;
mod logging;
mod ops;
mod options;
mod pager;
mod platform;
mod pyser;
mod runtime;
mod sandbox;
mod stream;
mod webhooks;

use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<platform::PlatformClient>()?;
    m.add_class::<ops::OpsClient>()?;
    m.add_class::<stream::NativeStream>()?;
    m.add_class::<pager::Pager>()?;
    m.add_class::<sandbox::NativeSandbox>()?;
    aiter::register(m.py())?;
    m.add_function(wrap_pyfunction!(aiter::batch_aiter, m)?)?;
    m.add_function(wrap_pyfunction!(pyser::register_models, m)?)?;
    m.add_function(wrap_pyfunction!(pyser::py_camel_case, m)?)?;
    m.add_function(wrap_pyfunction!(pyser::py_snake_case, m)?)?;
    m.add_function(wrap_pyfunction!(pyser::redact_url, m)?)?;
    m.add_function(wrap_pyfunction!(webhooks::webhook_sign, m)?)?;
    m.add_function(wrap_pyfunction!(webhooks::webhook_verify, m)?)?;
    m.add_function(wrap_pyfunction!(webhooks::webhook_unwrap, m)?)?;
    m.add_function(wrap_pyfunction!(guard::debug_panic, m)?)?;
    m.add_function(wrap_pyfunction!(direct::check_direct_decode, m)?)?;
    m.add_function(wrap_pyfunction!(direct::direct_decode_stats, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // the core's own `CJHIRASHI_LOG` output would duplicate the bridge to `logging`
    agents_sdk::logging::set_env_logging(false);
    m.add("LOG_LEVEL", logging::init())?;
    Ok(())
}
