//! Verifying and decoding a whole delivery in one call: [`unwrap`] and
//! [`unwrap_with_signature`], their [`VerifyOptions`] (replay tolerance) and the header
//! lookup they read the signature from ([`HeaderLookup`]).

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, SystemTime};

use crate::Error;

use super::{ID_HEADER, IntoSecrets, SIGNATURE_HEADER, WebhookEvent, parse_timestamp, verify};

/// How far a delivery's signed `timestamp` may lie from now before [`unwrap`] refuses it by
/// default: 5 minutes, as Stripe and Standard Webhooks do.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// Options of [`unwrap`] and [`unwrap_with_signature`].
///
/// The default refuses a delivery whose signed `timestamp` is more than
/// [`DEFAULT_TOLERANCE`] (5 minutes) from now, in either direction, so a captured delivery
/// cannot be replayed later. A payload without a `timestamp` has nothing to check and is
/// accepted (both services always send one, and it cannot be removed without breaking the
/// signature). [`VerifyOptions::no_tolerance`] turns the check off, e.g. to re-read stored
/// deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Refuse a payload whose `timestamp` is further than this from now, in either direction
    /// (replay protection); `None` does not look at the timestamp.
    pub tolerance: Option<Duration>,
    /// The current time for the tolerance check; `None` means [`SystemTime::now`].
    pub now: Option<SystemTime>,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions::with_tolerance(DEFAULT_TOLERANCE)
    }
}

impl VerifyOptions {
    /// Options with a tolerance on the payload's timestamp.
    pub fn with_tolerance(tolerance: Duration) -> Self {
        VerifyOptions {
            tolerance: Some(tolerance),
            now: None,
        }
    }

    /// Options that do not look at the payload's timestamp.
    pub fn no_tolerance() -> Self {
        VerifyOptions {
            tolerance: None,
            now: None,
        }
    }

    /// The same options, checking the timestamp against `now` instead of the clock.
    pub fn at(mut self, now: SystemTime) -> Self {
        self.now = Some(now);
        self
    }
}

/// Header lookup for [`unwrap`]: implemented for [`http::HeaderMap`], for slices and vectors of
/// `(name, value)` pairs, and for string maps. Names are compared case-insensitively.
pub trait HeaderLookup {
    /// The first value of the header `name`, if present and valid text.
    fn header(&self, name: &str) -> Option<&str>;
}

impl HeaderLookup for http::HeaderMap {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(|v| v.to_str().ok())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> HeaderLookup for [(K, V)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> HeaderLookup for Vec<(K, V)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl<K: AsRef<str>, V: AsRef<str>, const N: usize> HeaderLookup for [(K, V); N] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl<K: AsRef<str>, V: AsRef<str>, H> HeaderLookup for HashMap<K, V, H> {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> HeaderLookup for BTreeMap<K, V> {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }
}

/// Verifies a delivery and decodes it: reads `X-Webhook-Signature` from `headers`, checks it
/// with [`verify`], parses the envelope and, when `opts.tolerance` is set (5 minutes by
/// default), refuses a `timestamp` that is malformed or too far from now. The delivery id
/// header ([`ID_HEADER`], the same on every retry of one delivery) becomes
/// [`WebhookEvent::id`], so a receiver can drop duplicates.
///
/// # Errors
/// [`Error::WebhookVerification`] for a missing or wrong signature or a refused timestamp,
/// [`Error::InvalidArgument`] for missing or empty secrets, [`Error::Decode`] when a correctly
/// signed body is not a webhook envelope.
pub fn unwrap<H, I>(
    payload: &[u8],
    headers: &H,
    secrets: I,
    opts: &VerifyOptions,
) -> Result<WebhookEvent, Error>
where
    H: HeaderLookup + ?Sized,
    I: IntoSecrets,
{
    let signature = headers
        .header(SIGNATURE_HEADER)
        .ok_or_else(|| Error::webhook(format!("missing {SIGNATURE_HEADER} header")))?;
    let mut event = unwrap_with_signature(payload, signature, secrets, opts)?;
    event.id = headers
        .header(ID_HEADER)
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_owned);
    Ok(event)
}

/// [`unwrap`] with the signature header value given directly.
pub fn unwrap_with_signature<I>(
    payload: &[u8],
    signature: &str,
    secrets: I,
    opts: &VerifyOptions,
) -> Result<WebhookEvent, Error>
where
    I: IntoSecrets,
{
    verify(payload, signature, secrets)?;
    let event: WebhookEvent = serde_json::from_slice(payload)
        .map_err(|e| Error::decode("webhook payload", e, payload, None, None))?;
    check_timestamp(&event.timestamp, opts)?;
    Ok(event)
}

/// [`verify`] plus, when `opts.tolerance` is set, the replay check of [`unwrap`]: a signed
/// payload whose `timestamp` is malformed or further than the tolerance from now is refused.
/// With [`VerifyOptions::no_tolerance`] this is [`verify`]; unlike [`unwrap`], the body needs
/// to be a JSON object only when the timestamp is checked, and is not decoded any further.
///
/// ```
/// use agents_sdk::webhooks::{self, VerifyOptions};
/// use std::time::Duration;
///
/// let body = br#"{"event": "tool.executed", "timestamp": "2025-10-15T10:30:00Z", "data": {}}"#;
/// let signature = webhooks::sign(body, "whsec_1");
/// let sent = webhooks::parse_timestamp("2025-10-15T10:30:00Z")?;
/// let soon = VerifyOptions::with_tolerance(Duration::from_secs(300)).at(sent + Duration::from_secs(10));
/// webhooks::verify_with(body, &signature, ["whsec_1"], &soon)?;
/// let replayed = VerifyOptions::with_tolerance(Duration::from_secs(300)).at(sent + Duration::from_secs(3600));
/// assert!(webhooks::verify_with(body, &signature, ["whsec_1"], &replayed).is_err());
/// # Ok::<(), agents_sdk::Error>(())
/// ```
///
/// # Errors
/// Those of [`verify`]; [`Error::WebhookVerification`] for a refused timestamp;
/// [`Error::Decode`] when the timestamp is to be checked and the signed body is not a JSON
/// object.
pub fn verify_with<I>(
    payload: &[u8],
    signature: &str,
    secrets: I,
    opts: &VerifyOptions,
) -> Result<(), Error>
where
    I: IntoSecrets,
{
    verify(payload, signature, secrets)?;
    if opts.tolerance.is_none() {
        return Ok(());
    }
    #[derive(serde::Deserialize)]
    struct Stamped {
        #[serde(default)]
        timestamp: String,
    }
    let stamped: Stamped = serde_json::from_slice(payload)
        .map_err(|e| Error::decode("webhook payload", e, payload, None, None))?;
    check_timestamp(&stamped.timestamp, opts)
}

/// Refuses a `timestamp` that is malformed or further than `opts.tolerance` from now (nothing
/// to check without a tolerance or a timestamp).
fn check_timestamp(timestamp: &str, opts: &VerifyOptions) -> Result<(), Error> {
    let Some(tolerance) = opts.tolerance else {
        return Ok(());
    };
    if timestamp.is_empty() {
        return Ok(());
    }
    let sent = parse_timestamp(timestamp)
        .map_err(|_| Error::webhook("payload timestamp is not a valid RFC 3339 time"))?;
    let now = opts.now.unwrap_or_else(SystemTime::now);
    let skew = match now.duration_since(sent) {
        Ok(age) => age,
        Err(ahead) => ahead.duration(),
    };
    if skew > tolerance {
        let direction = if sent > now { "in the future" } else { "old" };
        return Err(Error::webhook(format!(
            "payload timestamp is {} {direction}, beyond the tolerance of {}",
            seconds(skew),
            seconds(tolerance)
        )));
    }
    Ok(())
}

/// `d` in seconds for a message, to the millisecond without trailing zeros (`300s`, `300.4s`,
/// `0.5s`): whole seconds alone made a timestamp 300.4 s old "300s old, beyond the tolerance
/// of 300s".
fn seconds(d: Duration) -> String {
    let ms = d.as_millis();
    let (whole, frac) = (ms / 1000, ms % 1000);
    if frac == 0 {
        format!("{whole}s")
    } else {
        let frac = format!("{frac:03}");
        format!("{whole}.{}s", frac.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webhooks::sign;

    #[test]
    fn seconds_keep_their_fraction() {
        assert_eq!(seconds(Duration::from_secs(300)), "300s");
        assert_eq!(seconds(Duration::from_millis(300_400)), "300.4s");
        assert_eq!(seconds(Duration::from_millis(500)), "0.5s");
        assert_eq!(seconds(Duration::from_millis(1_005)), "1.005s");
    }

    #[test]
    fn verify_with_checks_the_timestamp_only_with_a_tolerance() {
        let body = br#"{"event":"agent.created","timestamp":"2000-01-01T00:00:00Z","data":{}}"#;
        let sig = sign(body, "k");
        verify_with(body, &sig, "k", &VerifyOptions::no_tolerance()).unwrap();
        let e = verify_with(body, &sig, "k", &VerifyOptions::default()).unwrap_err();
        assert!(matches!(e, Error::WebhookVerification { .. }), "{e}");
        assert!(e.to_string().contains("beyond the tolerance"), "{e}");
        // the signature is checked first
        let e = verify_with(body, "00", "k", &VerifyOptions::no_tolerance()).unwrap_err();
        assert!(matches!(e, Error::WebhookVerification { .. }), "{e}");

        // no timestamp: nothing to check; a body that is not JSON only matters with a tolerance
        let plain = br#"{"event":"x"}"#;
        verify_with(plain, &sign(plain, "k"), "k", &VerifyOptions::default()).unwrap();
        let text = b"not json";
        let sig = sign(text, "k");
        verify_with(text, &sig, "k", &VerifyOptions::no_tolerance()).unwrap();
        let e = verify_with(text, &sig, "k", &VerifyOptions::default()).unwrap_err();
        assert!(matches!(e, Error::Decode { .. }), "{e}");

        // a malformed timestamp is refused, a fresh one accepted
        let bad = br#"{"timestamp":"yesterday"}"#;
        let e = verify_with(bad, &sign(bad, "k"), "k", &VerifyOptions::default()).unwrap_err();
        assert!(e.to_string().contains("RFC 3339"), "{e}");
        let sent = parse_timestamp("2000-01-01T00:00:00Z").unwrap();
        let opts = VerifyOptions::default().at(sent + Duration::from_secs(60));
        verify_with(body, &sign(body, "k"), "k", &opts).unwrap();
    }
}
