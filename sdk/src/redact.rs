//! Keeping secrets out of `Debug`, logs and error messages.

use std::fmt;

/// A secret string (API key, JWT, password, webhook secret). `Debug` and `Display` print
/// `"[REDACTED]"`; the value is reachable only through [`Secret::expose`].
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret value itself. Never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"[REDACTED]\"")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[REDACTED]")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

/// Whether a field, header or parameter name names a credential, in any casing and form:
/// `api_key`, `apiKey`, `X-API-Key`, `Authorization`, `access_token`, `refreshToken`,
/// `password`, `client_secret`, `Cookie`, ...
pub fn is_sensitive_name(name: &str) -> bool {
    // Compare on the name's letters and digits only, lower-cased, on the stack.
    let mut buf = [0u8; 64];
    let mut len = 0usize;
    for b in name.bytes().filter(u8::is_ascii_alphanumeric) {
        let Some(slot) = buf.get_mut(len) else { break };
        *slot = b.to_ascii_lowercase();
        len = len.saturating_add(1);
    }
    let Some(norm) = buf.get(..len) else {
        return false;
    };
    let has = |needle: &[u8]| norm.windows(needle.len()).any(|w| w == needle);
    // `token` but not `tokens` (`tokensUsed`, `max_tokens` are counts, not credentials).
    has(b"apikey")
        || (has(b"token") && !has(b"tokens"))
        || has(b"secret")
        || has(b"password")
        || has(b"passwd")
        || has(b"authorization")
        || has(b"cookie")
        || has(b"credential")
        || has(b"signature")
        || norm == b"auth"
}

/// Header names whose values are never shown.
pub(crate) fn is_sensitive_header(name: &str) -> bool {
    is_sensitive_name(name)
}

/// `Debug` of a header list with the values of sensitive headers replaced by `[REDACTED]`.
pub(crate) struct RedactedHeaders<'a>(pub(crate) &'a [(String, String)]);

impl fmt::Debug for RedactedHeaders<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|(k, v)| {
                let shown = if is_sensitive_header(k) {
                    "[REDACTED]".to_owned()
                } else {
                    redact_text(v)
                };
                (k.as_str(), shown)
            }))
            .finish()
    }
}

/// A URL with its password (`https://user:pass@host`) and sensitive query values hidden.
pub fn redact_url(url: &str) -> String {
    redact_text(url)
}

const TOKEN_PREFIXES: &[&str] = &[
    "cj_live_", "cj_test_", "whsec_", "eyJ", "Bearer ", "bearer ",
];

/// Replaces anything that looks like a credential in `text` with `[REDACTED]`: API keys
/// (`cj_live_…`, `cj_test_…`), webhook secrets (`whsec_…`), JWTs (`eyJ…`), bearer values,
/// the values of JSON fields and `name=value` pairs named like secrets (in any casing:
/// `api_key`, `apiKey`, `X-Api-Key`, `access_token`, `password`, …) and passwords in URLs.
pub fn redact_text(text: &str) -> String {
    let mut out = text.to_owned();
    for prefix in TOKEN_PREFIXES {
        if out.contains(prefix) {
            out = redact_after(&out, prefix, |c| {
                c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '+' | '/' | '=')
            });
        }
    }
    if out.contains('"') {
        out = redact_json_values(&out);
    }
    if out.contains('=') {
        out = redact_pairs(&out);
    }
    if out.contains("://") {
        out = redact_userinfo(&out);
    }
    out
}

const REDACTED: &str = "[REDACTED]";

fn redact_after(text: &str, prefix: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once(prefix) {
        out.push_str(before);
        let end = after.find(|c: char| !keep(c)).unwrap_or(after.len());
        if prefix.eq_ignore_ascii_case("Bearer ") {
            out.push_str(prefix);
            if end == 0 {
                // a hint such as "Bearer <token>": no value to hide
                rest = after;
                continue;
            }
        }
        out.push_str(REDACTED);
        rest = after.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `"name": value` where `name` is sensitive: the value (a string, or anything up to the next
/// `,`, `}` or `]`) becomes `"[REDACTED]"`.
fn redact_json_values(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('"') {
        let (before, from_quote) = rest.split_at(open);
        out.push_str(before);
        let inner = from_quote.get(1..).unwrap_or_default();
        let Some(close) = string_end(inner) else {
            out.push_str(from_quote);
            return out;
        };
        let key = inner.get(..close).unwrap_or_default();
        let after_key = inner.get(close.saturating_add(1)..).unwrap_or_default();
        out.push('"');
        out.push_str(key);
        out.push('"');
        rest = after_key;
        let Some(value) = after_key.trim_start().strip_prefix(':') else {
            continue;
        };
        if !is_sensitive_name(key) {
            continue;
        }
        out.push_str(":\"[REDACTED]\"");
        let value = value.trim_start();
        rest = match value.strip_prefix('"') {
            Some(s) => string_end(s)
                .and_then(|end| s.get(end.saturating_add(1)..))
                .unwrap_or_default(),
            None => {
                let end = value.find([',', '}', ']']).unwrap_or(value.len());
                value.get(end..).unwrap_or_default()
            }
        };
    }
    out.push_str(rest);
    out
}

/// The byte offset of the closing quote of a JSON string whose opening quote was just before
/// `s`, honouring backslash escapes.
fn string_end(s: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            return Some(i);
        }
    }
    None
}

/// `name=value` (query strings, form bodies, log lines) where `name` is sensitive.
fn redact_pairs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(eq) = rest.find('=') {
        let (before, from_eq) = rest.split_at(eq);
        let name_start = before
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
            .map_or(0, |i| i.saturating_add(1));
        let name = before.get(name_start..).unwrap_or_default();
        out.push_str(before);
        out.push('=');
        let value = from_eq.get(1..).unwrap_or_default();
        if name.is_empty() || !is_sensitive_name(name) || value.starts_with(REDACTED) {
            rest = value;
            continue;
        }
        out.push_str(REDACTED);
        let end = value
            .find(['&', ' ', '\t', '\n', '"', '\'', ',', ';', '#'])
            .unwrap_or(value.len());
        rest = value.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `scheme://user:password@host` becomes `scheme://user:[REDACTED]@host`.
fn redact_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once("://") {
        out.push_str(before);
        out.push_str("://");
        let authority_end = after
            .find(['/', '?', '#', ' ', '"', '\'', '\n'])
            .unwrap_or(after.len());
        let authority = after.get(..authority_end).unwrap_or_default();
        match authority.rsplit_once('@') {
            Some((userinfo, host)) => {
                match userinfo.split_once(':') {
                    Some((user, _password)) => {
                        out.push_str(user);
                        out.push(':');
                        out.push_str(REDACTED);
                    }
                    None => out.push_str(userinfo),
                }
                out.push('@');
                out.push_str(host);
            }
            None => out.push_str(authority),
        }
        rest = after.get(authority_end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Shortest secret value replaced by [`KnownSecrets`] (shorter ones would match ordinary text).
const MIN_KNOWN_SECRET: usize = 4;

/// The exact secret values one request carried (the credential it sent, passwords and secrets
/// in its JSON body), so that an answer echoing one back (a validation error quoting its input,
/// a server repeating the token it refused) does not carry it into an error message, a
/// `details` value or a log line. Complements the pattern-based [`redact_text`], which cannot
/// recognise an opaque token or a password.
#[derive(Default, Clone)]
pub(crate) struct KnownSecrets(Vec<String>);

impl fmt::Debug for KnownSecrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KnownSecrets({} values)", self.0.len())
    }
}

impl KnownSecrets {
    /// The string values of sensitive-named fields (`password`, `secret`, `apiKey`, …) at any
    /// depth of a JSON request body.
    pub(crate) fn from_body(body: Option<&[u8]>) -> Self {
        let mut known = KnownSecrets::default();
        if let Some(value) = body.and_then(|b| serde_json::from_slice::<serde_json::Value>(b).ok())
        {
            known.collect(&value, false, 0);
        }
        known
    }

    fn collect(&mut self, value: &serde_json::Value, sensitive: bool, depth: u8) {
        if depth > 32 {
            return;
        }
        match value {
            serde_json::Value::String(s) if sensitive => self.add(s),
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    self.collect(
                        v,
                        sensitive || is_sensitive_name(k),
                        depth.saturating_add(1),
                    );
                }
            }
            serde_json::Value::Array(items) => {
                for v in items {
                    self.collect(v, sensitive, depth.saturating_add(1));
                }
            }
            _ => {}
        }
    }

    /// Adds a value (ignored when shorter than four characters).
    pub(crate) fn add(&mut self, secret: &str) {
        if secret.chars().count() >= MIN_KNOWN_SECRET && !self.0.iter().any(|s| s == secret) {
            self.0.push(secret.to_owned());
            // as it appears inside JSON text (a message quoting a body)
            if let Ok(quoted) = serde_json::to_string(secret)
                && let Some(inner) = quoted.get(1..quoted.len().saturating_sub(1))
                && inner != secret
            {
                self.0.push(inner.to_owned());
            }
        }
    }

    /// Whether there is nothing to look for.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `text` with every known value replaced by `[REDACTED]`.
    pub(crate) fn scrub(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for secret in &self.0 {
            if out.contains(secret.as_str()) {
                out = out.replace(secret.as_str(), REDACTED);
            }
        }
        out
    }

    /// Scrubs every string of `value` in place (see [`redact_json`] for the names).
    pub(crate) fn scrub_json(&self, value: &mut serde_json::Value) {
        redact_json_with(value, Some(self), 0);
    }
}

/// Hides the secrets of a JSON value (an error's `details`) in place: the value of a field
/// named like a secret becomes `"[REDACTED]"`, the `input` of a validation item whose `loc`
/// ends with such a name too (FastAPI's 422 quotes each refused input), and every string is
/// run through [`redact_text`].
pub(crate) fn redact_json(value: &mut serde_json::Value) {
    redact_json_with(value, None, 0);
}

fn redact_json_with(value: &mut serde_json::Value, known: Option<&KnownSecrets>, depth: u16) {
    use serde_json::Value;
    if depth > 256 {
        *value = Value::String(REDACTED.to_owned());
        return;
    }
    match value {
        Value::String(s) => {
            let mut clean = redact_text(s);
            if let Some(known) = known {
                clean = known.scrub(&clean);
            }
            if clean != *s {
                *s = clean;
            }
        }
        Value::Array(items) => {
            for v in items {
                redact_json_with(v, known, depth.saturating_add(1));
            }
        }
        Value::Object(map) => {
            let quotes_secret = map
                .get("loc")
                .and_then(Value::as_array)
                .and_then(|loc| loc.last())
                .and_then(Value::as_str)
                .is_some_and(is_sensitive_name);
            for (k, v) in map.iter_mut() {
                if is_sensitive_name(k) || (quotes_secret && k == "input") {
                    if !v.is_null() {
                        *v = Value::String(REDACTED.to_owned());
                    }
                } else {
                    redact_json_with(v, known, depth.saturating_add(1));
                }
            }
        }
        _ => {}
    }
}

/// A short, redacted, printable excerpt of a body for error messages.
pub(crate) fn excerpt(body: &[u8], max_chars: usize) -> String {
    let head = body
        .get(..body.len().min(max_chars.saturating_mul(4)))
        .unwrap_or(body);
    let text = String::from_utf8_lossy(head);
    let text: String = text.chars().take(max_chars).collect();
    let mut out = redact_text(&text);
    if body.len() > out.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_debug_is_redacted() {
        let s = Secret::new("cj_live_abcdef");
        assert_eq!(format!("{s:?}"), "\"[REDACTED]\"");
        assert_eq!(format!("{s}"), "[REDACTED]");
        assert_eq!(s.expose(), "cj_live_abcdef");
    }

    #[test]
    fn json_details_lose_secret_fields_and_quoted_inputs() {
        let mut v = serde_json::json!({
            "apiKey": "cj_live_x",
            "key": "Bearer abcdef",
            "detail": [
                {"loc": ["body", "password"], "input": "hunter2", "msg": "too short"},
                {"loc": ["body", "username"], "input": "admin"}
            ],
            "nested": {"client_secret": {"a": 1}, "count": 3}
        });
        redact_json(&mut v);
        let text = v.to_string();
        for gone in ["cj_live_x", "abcdef", "hunter2", "\"a\":1"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        for kept in ["admin", "too short", "\"count\":3", "Bearer [REDACTED]"] {
            assert!(text.contains(kept), "{kept} not in {text}");
        }
    }

    #[test]
    fn known_secrets_come_from_the_body_and_are_scrubbed_anywhere() {
        let body = br#"{"username":"admin","password":"pa\"ss word","config":{"api_key":"k-123456"},"n":"abc"}"#;
        let mut known = KnownSecrets::from_body(Some(body));
        known.add("tok"); // too short to look for
        known.add("opaque-token-1");
        assert_eq!(known.scrub("x pa\"ss word y"), "x [REDACTED] y");
        assert_eq!(
            known.scrub(r#"{"p":"pa\"ss word"}"#),
            r#"{"p":"[REDACTED]"}"#
        );
        assert_eq!(
            known.scrub("k-123456 opaque-token-1 tok admin"),
            "[REDACTED] [REDACTED] tok admin"
        );
        assert!(KnownSecrets::from_body(Some(b"not json")).is_empty());
        let mut v = serde_json::json!({"seen": ["opaque-token-1"]});
        known.scrub_json(&mut v);
        assert_eq!(v.to_string(), r#"{"seen":["[REDACTED]"]}"#);
        assert!(!format!("{known:?}").contains("admin"));
    }

    #[test]
    fn a_bearer_hint_without_a_value_stays_readable() {
        assert_eq!(
            redact_text("Falta el header Authorization: Bearer <token>"),
            "Falta el header Authorization: Bearer <token>"
        );
        assert_eq!(redact_text("Bearer abc.def"), "Bearer [REDACTED]");
    }

    #[test]
    fn redacts_tokens_and_json_fields() {
        let t = redact_text(
            r#"{"apiKey": "cj_live_abc123", "x": 1, "password":"hunter2", "t":"eyJhbGciOi.x.y"} Bearer cj_test_zzz"#,
        );
        assert!(!t.contains("abc123"), "{t}");
        assert!(!t.contains("hunter2"), "{t}");
        assert!(!t.contains("eyJhbGciOi"), "{t}");
        assert!(!t.contains("zzz"), "{t}");
        assert!(t.contains("\"x\": 1"), "{t}");
    }

    #[test]
    fn excerpt_is_short_and_marks_truncation() {
        let body = "a".repeat(1000);
        let e = excerpt(body.as_bytes(), 10);
        assert_eq!(e, "aaaaaaaaaa…");
    }

    #[test]
    fn sensitive_headers() {
        assert!(is_sensitive_header("Authorization"));
        assert!(is_sensitive_header("X-Webhook-Signature"));
        assert!(!is_sensitive_header("X-Request-Id"));
        for name in [
            "x-api-key",
            "X-API-KEY",
            "Api-Key",
            "apiKey",
            "API_KEY",
            "access_token",
            "AccessToken",
            "refresh-token",
            "PASSWORD",
            "client_secret",
            "Proxy-Authorization",
            "Set-Cookie",
        ] {
            assert!(is_sensitive_name(name), "{name}");
        }
        for name in [
            "X-RateLimit-Limit",
            "content-type",
            "user",
            "keyword",
            "x-request-id",
        ] {
            assert!(!is_sensitive_name(name), "{name}");
        }
    }

    #[test]
    fn redacts_every_casing_and_form() {
        let text = r#"{"API_KEY":"k1","Password": "p2","accessToken":"t3","X-Api-Key":"k4","client_secret":5,"name":"ok"} "#;
        let t = redact_text(text);
        for leaked in ["k1", "p2", "t3", "k4", ":5"] {
            assert!(!t.contains(leaked), "{leaked} in {t}");
        }
        assert!(t.contains(r#""name":"ok""#), "{t}");
        let t = redact_text("GET /x?api_key=abc&page=2&access_token=def password=ghi");
        assert_eq!(
            t,
            "GET /x?api_key=[REDACTED]&page=2&access_token=[REDACTED] password=[REDACTED]"
        );
        let t = redact_text("connect to https://admin:hunter2@example.com:8443/api failed");
        assert_eq!(
            t,
            "connect to https://admin:[REDACTED]@example.com:8443/api failed"
        );
        assert_eq!(
            redact_text("authorization: bearer abc.def"),
            "authorization: bearer [REDACTED]"
        );
        // Malformed input neither panics nor loses the rest of the text.
        for odd in [
            "\"",
            "\"a\":",
            "=",
            "a=",
            "://",
            "x://@",
            "\"k\\",
            "é\"pässword\":\"ü\"",
        ] {
            let _ = redact_text(odd);
        }
        let headers = vec![
            ("X-Api-Key".to_owned(), "k".to_owned()),
            ("X-Trace".to_owned(), "v".to_owned()),
        ];
        let shown = format!("{:?}", RedactedHeaders(&headers));
        assert_eq!(shown, r#"[("X-Api-Key", "[REDACTED]"), ("X-Trace", "v")]"#);
    }
}
