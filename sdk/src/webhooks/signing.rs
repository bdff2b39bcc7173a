//! Signing and checking the `X-Webhook-Signature` of a delivery: [`sign`], [`verify`] and the
//! secrets they accept ([`IntoSecrets`]).

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::Error;

type HmacSha256 = Hmac<Sha256>;

fn mac_for(secret: &str) -> HmacSha256 {
    match HmacSha256::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        // HMAC hashes keys longer than a block and pads shorter ones: every length is valid.
        Err(_) => unreachable!("HMAC-SHA256 accepts keys of any length"),
    }
}

/// The signature header value for `payload`: the lowercase hex HMAC-SHA256 of the raw bytes
/// keyed with `secret`. Useful to produce test deliveries.
pub fn sign(payload: &[u8], secret: &str) -> String {
    let mut mac = mac_for(secret);
    mac.update(payload);
    hex::encode(mac.finalize().into_bytes())
}

/// One webhook secret or several (for rotation): `"whsec_…"`, a `String`, or an array, slice
/// or `Vec` of them.
pub trait IntoSecrets {
    /// The secrets, in the order they are tried.
    fn into_secrets(self) -> Vec<String>;
}

impl IntoSecrets for &str {
    fn into_secrets(self) -> Vec<String> {
        vec![self.to_owned()]
    }
}

impl IntoSecrets for String {
    fn into_secrets(self) -> Vec<String> {
        vec![self]
    }
}

impl IntoSecrets for &String {
    fn into_secrets(self) -> Vec<String> {
        vec![self.clone()]
    }
}

impl<S: AsRef<str>> IntoSecrets for &[S] {
    fn into_secrets(self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_owned()).collect()
    }
}

impl<S: AsRef<str>, const N: usize> IntoSecrets for [S; N] {
    fn into_secrets(self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_owned()).collect()
    }
}

impl<S: AsRef<str>, const N: usize> IntoSecrets for &[S; N] {
    fn into_secrets(self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_owned()).collect()
    }
}

impl<S: AsRef<str>> IntoSecrets for Vec<S> {
    fn into_secrets(self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_owned()).collect()
    }
}

impl<S: AsRef<str>> IntoSecrets for &Vec<S> {
    fn into_secrets(self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_owned()).collect()
    }
}

/// Checks `signature` (the `X-Webhook-Signature` value) against the raw `payload` with each of
/// `secrets` in turn, so deliveries signed with the old and the new secret both pass while a
/// secret is rotated.
///
/// The comparison runs in constant time. Surrounding whitespace, a `sha256=` prefix and
/// uppercase hex are tolerated. Errors never contain a secret or the expected signature.
///
/// # Errors
/// [`Error::InvalidArgument`] when no secret is given or a secret is empty;
/// [`Error::WebhookVerification`] when the signature is malformed or matches no secret.
pub fn verify<I>(payload: &[u8], signature: &str, secrets: I) -> Result<(), Error>
where
    I: IntoSecrets,
{
    let secrets = secrets.into_secrets();
    let tag = decode_signature(signature);
    let mut tried = 0usize;
    let mut matched = false;
    // Every secret is checked, also after a match, so an empty one is always reported and the
    // time taken does not tell which secret matched.
    for secret in &secrets {
        let secret = secret.as_str();
        if secret.is_empty() {
            return Err(Error::InvalidArgument(
                "webhook secret must not be empty".to_owned(),
            ));
        }
        tried = tried.saturating_add(1);
        if let Ok(tag) = &tag {
            let mut mac = mac_for(secret);
            mac.update(payload);
            matched |= mac.verify_slice(tag).is_ok();
        }
    }
    if tried == 0 {
        return Err(Error::InvalidArgument(
            "at least one webhook secret is required".to_owned(),
        ));
    }
    tag?;
    if matched {
        return Ok(());
    }
    Err(Error::webhook(if tried == 1 {
        "signature does not match the webhook secret".to_owned()
    } else {
        format!("signature does not match any of the {tried} webhook secrets")
    }))
}

/// The 32 bytes of a signature header value.
fn decode_signature(signature: &str) -> Result<[u8; 32], Error> {
    let trimmed = signature.trim();
    let hex_part = match trimmed.get(..7) {
        Some(prefix) if prefix.eq_ignore_ascii_case("sha256=") => trimmed[7..].trim_start(),
        _ => trimmed,
    };
    if hex_part.is_empty() {
        return Err(Error::webhook("signature is empty"));
    }
    let mut tag = [0u8; 32];
    if hex_part.len() != 64 {
        return Err(Error::webhook(format!(
            "malformed signature: expected 64 hex characters, got {}",
            hex_part.chars().count()
        )));
    }
    hex::decode_to_slice(hex_part, &mut tag)
        .map_err(|_| Error::webhook("malformed signature: not hexadecimal"))?;
    Ok(tag)
}
