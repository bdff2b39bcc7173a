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

/// Header names whose values are never shown.
pub(crate) fn is_sensitive_header(name: &str) -> bool {
    // `http` header names are lower-case already; others are lowered only when they need it
    let lowered;
    let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
        lowered = name.to_ascii_lowercase();
        lowered.as_str()
    } else {
        name
    };
    matches!(
        name,
        "authorization"
            | "proxy-authorization"
            | "cookie"
            | "set-cookie"
            | "x-api-key"
            | "x-webhook-signature"
    ) || name.contains("token")
        || name.contains("secret")
}

const TOKEN_PREFIXES: &[&str] = &["cj_live_", "cj_test_", "whsec_", "eyJ", "Bearer "];
const SECRET_KEYS: &[&str] = &[
    "\"access_token\"",
    "\"apiKey\"",
    "\"api_key\"",
    "\"password\"",
    "\"secret\"",
    "\"token\"",
];

/// Replaces anything that looks like a credential in `text` with `[REDACTED]`: API keys
/// (`cj_live_…`, `cj_test_…`), webhook secrets (`whsec_…`), JWTs (`eyJ…`), bearer values and
/// the values of JSON fields named like secrets.
pub fn redact_text(text: &str) -> String {
    let mut out = text.to_owned();
    for prefix in TOKEN_PREFIXES {
        out = redact_after(&out, prefix, |c| {
            c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '+' | '/' | '=')
        });
    }
    for key in SECRET_KEYS {
        out = redact_json_value(&out, key);
    }
    out
}

fn redact_after(text: &str, prefix: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(prefix) {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + prefix.len()..];
        let end = after.find(|c: char| !keep(c)).unwrap_or(after.len());
        if prefix == "Bearer " {
            out.push_str(prefix);
        }
        out.push_str("[REDACTED]");
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn redact_json_value(text: &str, key: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(key) {
        let after_key = &rest[pos + key.len()..];
        let trimmed = after_key.trim_start();
        let Some(after_colon) = trimmed.strip_prefix(':') else {
            out.push_str(&rest[..pos + key.len()]);
            rest = after_key;
            continue;
        };
        let value = after_colon.trim_start();
        out.push_str(&rest[..pos + key.len()]);
        out.push_str(":\"[REDACTED]\"");
        if let Some(inner) = value.strip_prefix('"') {
            // skip the string, honouring escapes
            let mut escaped = false;
            let mut end = inner.len();
            for (i, c) in inner.char_indices() {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    end = i + 1;
                    break;
                }
            }
            rest = &inner[end..];
        } else {
            let end = value.find([',', '}', ']']).unwrap_or(value.len());
            rest = &value[end..];
        }
    }
    out.push_str(rest);
    out
}

/// A short, redacted, printable excerpt of a body for error messages.
pub(crate) fn excerpt(body: &[u8], max_chars: usize) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(max_chars * 4)]);
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
    }
}
