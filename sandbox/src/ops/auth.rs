//! Hand-rolled HS256 JWTs for the ops service and the bearer-token check shared by the REST
//! middleware and the WebSocket handshake.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Default token lifetime in seconds (the seed's `expires_in`).
pub(crate) const DEFAULT_TTL_SECS: u64 = 86_400;

/// Who is calling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Principal {
    /// The user the request acts for (JWT `sub`; API keys act for the sandbox's user).
    pub user: String,
    /// The key the rate limiter counts under: the user (the seed's limit is "60 requests per
    /// minute per user"), so an API key and the tokens of the user it acts for share one budget.
    pub rate_key: String,
    /// The credential itself (the API key, or the JWT's user): what `Idempotency-Key`s are
    /// scoped to.
    pub credential: String,
}

/// Why a bearer token was refused.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TokenError {
    Malformed,
    BadSignature,
    Expired,
}

impl TokenError {
    pub fn message(&self) -> &'static str {
        match self {
            Self::Malformed => "Token inválido",
            Self::BadSignature => "Firma del token inválida",
            Self::Expired => "Token expirado",
        }
    }
}

pub(crate) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn mac(secret: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length, so this cannot fail.
    <HmacSha256 as KeyInit>::new_from_slice(secret).unwrap_or_else(|_| unreachable!())
}

/// Issues an HS256 JWT with claims `sub`, `iat` and `exp = iat + ttl`.
pub(crate) fn issue(secret: &[u8], sub: &str, iat: u64, ttl: u64) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let claims = json!({"sub": sub, "iat": iat, "exp": iat.saturating_add(ttl)});
    let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signing_input = format!("{header}.{claims}");
    let mut m = mac(secret);
    m.update(signing_input.as_bytes());
    let sig = URL_SAFE_NO_PAD.encode(m.finalize().into_bytes());
    format!("{signing_input}.{sig}")
}

/// Verifies a JWT's header, signature (constant time) and expiry; returns its `sub`.
pub(crate) fn verify(secret: &[u8], token: &str, now: u64) -> Result<String, TokenError> {
    let mut parts = token.split('.');
    let (Some(h), Some(c), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenError::Malformed);
    };
    let header: Value = URL_SAFE_NO_PAD
        .decode(h)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(TokenError::Malformed)?;
    if header.get("alg").and_then(Value::as_str) != Some("HS256") {
        return Err(TokenError::Malformed);
    }
    let sig = URL_SAFE_NO_PAD
        .decode(s)
        .map_err(|_| TokenError::Malformed)?;
    let mut m = mac(secret);
    m.update(h.as_bytes());
    m.update(b".");
    m.update(c.as_bytes());
    m.verify_slice(&sig).map_err(|_| TokenError::BadSignature)?;
    let claims: Value = URL_SAFE_NO_PAD
        .decode(c)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(TokenError::Malformed)?;
    let sub = claims
        .get("sub")
        .and_then(Value::as_str)
        .ok_or(TokenError::Malformed)?;
    let exp = claims
        .get("exp")
        .and_then(Value::as_u64)
        .ok_or(TokenError::Malformed)?;
    if now >= exp {
        return Err(TokenError::Expired);
    }
    Ok(sub.to_owned())
}

/// Checks a bearer credential: a static API key, or a JWT signed with `secret`.
pub(crate) fn authenticate(
    secret: &[u8],
    api_keys: &[String],
    user_for_keys: &str,
    token: &str,
) -> Result<Principal, TokenError> {
    if let Some(key) = api_keys
        .iter()
        .find(|k| ct_eq(k.as_bytes(), token.as_bytes()))
    {
        return Ok(Principal {
            user: user_for_keys.to_owned(),
            rate_key: format!("ops-user:{user_for_keys}"),
            credential: format!("ops-key:{key}"),
        });
    }
    let sub = verify(secret, token, unix_now())?;
    Ok(Principal {
        rate_key: format!("ops-user:{sub}"),
        credential: format!("ops-user:{sub}"),
        user: sub,
    })
}

/// Extracts the token of an `Authorization: Bearer <token>` header value.
pub(crate) fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// Constant-time byte comparison (length is not secret).
pub(crate) fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_expiry() {
        let t = issue(b"k", "admin", 1000, 60);
        assert_eq!(verify(b"k", &t, 1059), Ok("admin".to_owned()));
        assert_eq!(verify(b"k", &t, 1060), Err(TokenError::Expired));
        assert_eq!(verify(b"other", &t, 1000), Err(TokenError::BadSignature));
        assert_eq!(verify(b"k", "a.b", 1000), Err(TokenError::Malformed));
        let mut tampered = t.clone();
        tampered.push('x');
        assert!(verify(b"k", &tampered, 1000).is_err());
    }

    #[test]
    fn bearer_parsing() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer  abc "), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer"), None);
    }
}
