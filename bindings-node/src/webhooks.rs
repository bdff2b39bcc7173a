//! `agents_sdk::webhooks` for JavaScript: sign, verify and unwrap deliveries without a client.

use std::collections::HashMap;

use agents_sdk::options::validate;
use agents_sdk::webhooks::{self, VerifyOptions};
use napi_derive::napi;

use crate::error::{to_json, to_napi};

/// The tolerance in seconds: positive, at most a year, `Infinity` for no limit (a `RangeError`
/// otherwise).
fn verify_options(tolerance_seconds: Option<f64>) -> napi::Result<VerifyOptions> {
    match tolerance_seconds {
        None => Ok(VerifyOptions::default()),
        Some(s) => Ok(VerifyOptions::with_tolerance(
            validate::timeout_secs("tolerance", s).map_err(to_napi)?,
        )),
    }
}

/// The `X-Webhook-Signature` value for `payload`: lowercase hex HMAC-SHA256 keyed by `secret`.
#[napi(catch_unwind)]
pub fn webhook_sign(payload: &[u8], secret: String) -> String {
    webhooks::sign(payload, &secret)
}

/// Checks `signature` against `payload` with each of `secrets` in constant time; with a
/// tolerance, also refuses a payload whose `timestamp` is too far from now. Throws on failure.
#[napi(catch_unwind)]
pub fn webhook_verify(
    payload: &[u8],
    signature: String,
    secrets: Vec<String>,
    tolerance_seconds: Option<f64>,
) -> napi::Result<()> {
    let opts = match tolerance_seconds {
        None => VerifyOptions::no_tolerance(),
        Some(_) => verify_options(tolerance_seconds)?,
    };
    webhooks::verify_with(payload, &signature, &secrets, &opts).map_err(to_napi)
}

/// Verifies a delivery (signature from `headers`) and returns the JSON of its envelope
/// `{event, timestamp, data}`.
#[napi(catch_unwind)]
pub fn webhook_unwrap(
    payload: &[u8],
    headers: HashMap<String, String>,
    secrets: Vec<String>,
    tolerance_seconds: Option<f64>,
) -> napi::Result<String> {
    let opts = verify_options(tolerance_seconds)?;
    let event = webhooks::unwrap(payload, &headers, &secrets, &opts).map_err(to_napi)?;
    to_json(&event)
}
