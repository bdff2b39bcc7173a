//! Rate-limit headers (`X-RateLimit-Limit`, `-Remaining`, `-Reset`) of both services.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The rate-limit state the server reported with an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed in the window.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`: requests left in the window.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`: when the window resets, in Unix seconds.
    pub reset: Option<u64>,
}

impl RateLimit {
    /// Reads the three headers; `None` when none of them is present.
    pub fn from_headers(headers: &http::HeaderMap) -> Option<Self> {
        let get = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        let rl = RateLimit {
            limit: get("x-ratelimit-limit"),
            remaining: get("x-ratelimit-remaining"),
            reset: get("x-ratelimit-reset"),
        };
        (rl.limit.is_some() || rl.remaining.is_some() || rl.reset.is_some()).then_some(rl)
    }

    /// Time until the window resets, measured against the local clock, clamped to
    /// [`MAX_REPORTED_WAIT`].
    pub fn reset_after(&self) -> Option<Duration> {
        let reset = self.reset?;
        let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
        Some(Duration::from_secs(reset.saturating_sub(now)).min(MAX_REPORTED_WAIT))
    }
}

/// Longest wait reported from `Retry-After` or `X-RateLimit-Reset`: larger values (a
/// hostile `Retry-After: 99999999999999999999`, a reset decades ahead) are clamped to it.
/// Retries themselves honour at most [`crate::options::MAX_RETRY_AFTER`].
pub const MAX_REPORTED_WAIT: Duration = Duration::from_secs(365 * 24 * 3600);

/// Parses `Retry-After`: delta seconds (fractions allowed) or an HTTP date, clamped to
/// [`MAX_REPORTED_WAIT`]. A negative, non-finite or malformed value gives `None`; a date in the
/// past gives zero.
///
/// ```
/// use std::time::Duration;
/// use agents_sdk::ratelimit::{parse_retry_after, MAX_REPORTED_WAIT};
/// let mut h = http::HeaderMap::new();
/// h.insert("retry-after", "1.5".parse().unwrap());
/// assert_eq!(parse_retry_after(&h), Some(Duration::from_millis(1500)));
/// h.insert("retry-after", "99999999999999999999".parse().unwrap());
/// assert_eq!(parse_retry_after(&h), Some(MAX_REPORTED_WAIT));
/// ```
pub fn parse_retry_after(headers: &http::HeaderMap) -> Option<Duration> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<f64>() {
        if !secs.is_finite() || secs < 0.0 {
            return None;
        }
        let wait = Duration::try_from_secs_f64(secs).unwrap_or(MAX_REPORTED_WAIT);
        return Some(wait.min(MAX_REPORTED_WAIT));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO)
            .min(MAX_REPORTED_WAIT),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_headers() {
        let mut h = http::HeaderMap::new();
        assert!(RateLimit::from_headers(&h).is_none());
        h.insert("x-ratelimit-limit", "100".parse().unwrap());
        h.insert("x-ratelimit-remaining", "87".parse().unwrap());
        h.insert("x-ratelimit-reset", "1697375400".parse().unwrap());
        let rl = RateLimit::from_headers(&h).unwrap();
        assert_eq!(rl.limit, Some(100));
        assert_eq!(rl.remaining, Some(87));
        assert_eq!(rl.reset, Some(1697375400));
        assert_eq!(rl.reset_after(), Some(Duration::ZERO));
    }

    #[test]
    fn retry_after_seconds_and_date() {
        let mut h = http::HeaderMap::new();
        h.insert("retry-after", "2".parse().unwrap());
        assert_eq!(parse_retry_after(&h), Some(Duration::from_secs(2)));
        let future = SystemTime::now() + Duration::from_secs(30);
        h.insert(
            "retry-after",
            httpdate::fmt_http_date(future).parse().unwrap(),
        );
        let d = parse_retry_after(&h).unwrap();
        assert!(
            d <= Duration::from_secs(30) && d >= Duration::from_secs(28),
            "{d:?}"
        );
        h.insert("retry-after", "garbage".parse().unwrap());
        assert_eq!(parse_retry_after(&h), None);
        for hostile in ["99999999999999999999", "1e300", "1.8e19"] {
            h.insert("retry-after", hostile.parse().unwrap());
            assert_eq!(parse_retry_after(&h), Some(MAX_REPORTED_WAIT), "{hostile}");
        }
        for refused in ["-1", "NaN", "inf", "-inf"] {
            h.insert("retry-after", refused.parse().unwrap());
            assert_eq!(parse_retry_after(&h), None, "{refused}");
        }
        h.insert(
            "retry-after",
            "Fri, 31 Dec 9999 23:59:59 GMT".parse().unwrap(),
        );
        assert_eq!(parse_retry_after(&h), Some(MAX_REPORTED_WAIT));
        let mut reset = http::HeaderMap::new();
        reset.insert("x-ratelimit-reset", u64::MAX.to_string().parse().unwrap());
        let rl = RateLimit::from_headers(&reset).unwrap();
        assert_eq!(rl.reset_after(), Some(MAX_REPORTED_WAIT));
    }
}
