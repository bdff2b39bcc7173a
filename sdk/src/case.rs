//! How field names are spelled on the wire and in the bindings' languages: both services name
//! fields in camelCase (`createdAt`, `isPublic`), Python names them in snake_case
//! (`created_at`, `is_public`). One rule each way, used by every binding (arguments going out,
//! attribute names coming in), so the spellings cannot drift apart.
//!
//! ```
//! use agents_sdk::case::{to_camel_case, to_snake_case};
//!
//! assert_eq!(to_camel_case("system_prompt"), "systemPrompt");
//! assert_eq!(to_snake_case("tokensUsed"), "tokens_used");
//! assert_eq!(to_snake_case(&to_camel_case("is_public")), "is_public");
//! ```

/// `system_prompt` → `systemPrompt`: each `_` is dropped and the letter after it upper-cased
/// (a leading `_` is dropped as well, without capitalising). A name without `_` is returned as
/// it is, so camelCase input passes through unchanged.
pub fn to_camel_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for ch in key.chars() {
        if ch == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// `createdAt` → `created_at`, `isPublic` → `is_public`, `api_key` → `api_key`: an `_` before
/// each ASCII capital that follows a lower-case letter or a digit, then everything lower-case.
pub fn to_snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len().saturating_add(4));
    let mut prev_lower_or_digit = false;
    for ch in name.chars() {
        if ch.is_ascii_uppercase() && prev_lower_or_digit {
            out.push('_');
        }
        prev_lower_or_digit = ch.is_ascii_lowercase() || ch.is_ascii_digit();
        out.extend(ch.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{to_camel_case, to_snake_case};

    #[test]
    fn camel_case() {
        for (snake, camel) in [
            ("system_prompt", "systemPrompt"),
            ("is_public", "isPublic"),
            ("agent_id", "agentId"),
            ("name", "name"),
            ("alreadyCamel", "alreadyCamel"),
            ("_private_key", "privateKey"),
            ("a__b", "aB"),
            ("", ""),
        ] {
            assert_eq!(to_camel_case(snake), camel, "{snake}");
        }
    }

    #[test]
    fn snake_case() {
        for (camel, snake) in [
            ("createdAt", "created_at"),
            ("isPublic", "is_public"),
            ("tokensUsed", "tokens_used"),
            ("api_key", "api_key"),
            ("X", "x"),
            ("v2Name", "v2_name"),
            ("HTTPCode", "httpcode"),
            ("", ""),
        ] {
            assert_eq!(to_snake_case(camel), snake, "{camel}");
        }
    }

    #[test]
    fn round_trip_of_snake_names() {
        for name in ["system_prompt", "is_public", "tokens_used", "name", "x1_y"] {
            assert_eq!(to_snake_case(&to_camel_case(name)), name);
        }
    }
}
