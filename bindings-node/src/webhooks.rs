//! `agents_sdk::webhooks` for JavaScript: sign, verify and unwrap deliveries without a client.

use std::collections::HashMap;
use std::time::Duration;

use agents_sdk::webhooks::{self, VerifyOptions};
use napi_derive::napi;

use crate::error::{invalid, to_json, to_napi};

fn verify_options(tolerance_seconds: Option<f64>) -> napi::Result<VerifyOptions> {
    match tolerance_seconds {
        None => Ok(VerifyOptions::default()),
        Some(s) if s.is_finite() && s >= 0.0 => {
            Ok(VerifyOptions::with_tolerance(Duration::from_secs_f64(s)))
        }
        Some(_) => Err(invalid(
            "tolerance must be a non-negative number of seconds",
        )),
    }
}

/// The `X-Webhook-Signature` value for `payload`: lowercase hex HMAC-SHA256 keyed by `secret`.
#[napi]
pub fn webhook_sign(payload: &[u8], secret: String) -> String {
    webhooks::sign(payload, &secret)
}

/// Checks `signature` against `payload` with each of `secrets` in constant time; with a
/// tolerance, also refuses a payload whose `timestamp` is too far from now. Throws on failure.
#[napi]
pub fn webhook_verify(
    payload: &[u8],
    signature: String,
    secrets: Vec<String>,
    tolerance_seconds: Option<f64>,
) -> napi::Result<()> {
    match tolerance_seconds {
        None => webhooks::verify(payload, &signature, &secrets).map_err(to_napi),
        Some(_) => {
            let opts = verify_options(tolerance_seconds)?;
            webhooks::unwrap_with_signature(payload, &signature, &secrets, &opts)
                .map(|_| ())
                .map_err(to_napi)
        }
    }
}

/// Verifies a delivery (signature from `headers`) and returns the JSON of its envelope
/// `{event, timestamp, data}`.
#[napi]
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
