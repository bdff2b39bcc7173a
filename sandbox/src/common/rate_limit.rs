//! Fixed-window rate limiting behind the `X-RateLimit-*` headers and `429` answers
//! ([`RateLimiter`]).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::HeaderValue;

use super::bounded::LruMap;
use super::{MAX_RATE_WINDOWS, lock, unix_now};

#[derive(Debug)]
struct Window {
    start: u64,
    used: u64,
}

/// Fixed-window request counters per key (windows aligned to multiples of their length), at most
/// [`MAX_RATE_WINDOWS`] keys (the least recently used key is forgotten first).
#[derive(Clone, Debug)]
pub struct RateLimiter {
    windows: Arc<Mutex<LruMap<String, Window>>>,
    enforce: Arc<AtomicBool>,
}

impl Default for RateLimiter {
    fn default() -> Self {
        RateLimiter {
            windows: Arc::new(Mutex::new(LruMap::new(MAX_RATE_WINDOWS))),
            enforce: Arc::default(),
        }
    }
}

/// The outcome of one [`RateLimiter::check`].
#[derive(Clone, Debug)]
pub struct RateDecision {
    /// Requests allowed per window (`X-RateLimit-Limit`).
    pub limit: u64,
    /// Requests left in the current window (`X-RateLimit-Remaining`).
    pub remaining: u64,
    /// When the current window ends, in unix seconds (`X-RateLimit-Reset`).
    pub reset_unix: u64,
    /// False only when enforcement is on and the key is over its limit (answer 429).
    pub allowed: bool,
}

impl RateLimiter {
    /// Counts one request for `key`; `allowed` is false only when enforcing and over `limit`.
    pub fn check(&self, key: &str, limit: u64, window: Duration) -> RateDecision {
        let len = window.as_secs().max(1);
        let now = unix_now();
        let start = now - now % len;
        let mut windows = lock(&self.windows);
        let w = windows.get_or_insert_with(key.to_string(), || Window { start, used: 0 });
        if w.start != start {
            *w = Window { start, used: 0 };
        }
        w.used = w.used.saturating_add(1);
        RateDecision {
            limit,
            remaining: limit.saturating_sub(w.used),
            reset_unix: start + len,
            allowed: !self.enforced() || w.used <= limit,
        }
    }

    /// Turns 429 enforcement on or off (headers are computed either way).
    pub fn set_enforce(&self, on: bool) {
        self.enforce.store(on, Ordering::SeqCst);
    }

    /// Whether 429 enforcement is on.
    pub fn enforced(&self) -> bool {
        self.enforce.load(Ordering::SeqCst)
    }

    /// How many keys have a window (for tests).
    #[doc(hidden)]
    pub fn tracked_keys(&self) -> usize {
        lock(&self.windows).len()
    }
}

/// Writes `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`.
pub fn rate_limit_headers(d: &RateDecision, headers: &mut http::HeaderMap) {
    headers.insert("x-ratelimit-limit", HeaderValue::from(d.limit));
    headers.insert("x-ratelimit-remaining", HeaderValue::from(d.remaining));
    headers.insert("x-ratelimit-reset", HeaderValue::from(d.reset_unix));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limiter_windows_are_bounded() {
        let l = RateLimiter::default();
        let w = Duration::from_secs(60);
        for i in 0..20_000 {
            l.check(&format!("bogus-{i}"), 10, w);
        }
        assert_eq!(l.tracked_keys(), MAX_RATE_WINDOWS);
        // A key in use survives the flood (least recently used goes first).
        l.check("kept", 10, w);
        for i in 0..(MAX_RATE_WINDOWS - 1) {
            l.check(&format!("again-{i}"), 10, w);
        }
        assert_eq!(l.check("kept", 10, w).remaining, 8);
    }

    #[test]
    fn limiter_saturates_and_enforces() {
        let l = RateLimiter::default();
        let w = Duration::from_secs(3600);
        assert!(l.check("k", 1, w).allowed);
        let d = l.check("k", 1, w);
        assert!(d.allowed, "not enforced yet");
        assert_eq!(d.remaining, 0);
        l.set_enforce(true);
        let d = l.check("k", 1, w);
        assert!(!d.allowed);
        assert_eq!(d.remaining, 0);
        assert_eq!(d.reset_unix % 3600, 0);
        assert!(l.check("other", 1, w).allowed);
    }
}
