//! `CJHIRASHI_LOG`: the SDK's own log output when the application has none.
//!
//! The SDK reports through [`tracing`] (target `agents_sdk`), with secrets redacted. Each
//! request is a span with its `method`, `path`, `attempt`, `status` and `request_id`, and its
//! events are at these levels:
//!
//! | level | events |
//! |---|---|
//! | `debug` | every answer received (`success`), certificates and proxies |
//! | `info` | retries (after an error status or a failure) and re-authentication after a 401 |
//! | `warn` | a call that failed: an error answer it will not retry, or no answer |
//!
//! An application with its own `tracing` subscriber sees them there and decides what is shown.
//! An application without one can set `CJHIRASHI_LOG=debug|info|warn` (as in the Python and
//! Node packages): when the first client is built and no global subscriber is set, the SDK
//! installs one that prints its own events of that level and above to stderr. `off` or any other
//! value prints nothing. The Python and Node bindings route the events to Python's `logging` and
//! to the `logger` option instead, and turn this off with [`set_env_logging`].

use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use tracing::level_filters::LevelFilter;

/// The environment variable read when the first client is built.
pub const LOG_ENV: &str = "CJHIRASHI_LOG";

static ENABLED: AtomicBool = AtomicBool::new(true);
static INIT: Once = Once::new();

/// Whether building a client may install the `CJHIRASHI_LOG` output (default `true`). A
/// program that routes the SDK's events elsewhere (the Python and Node bindings) calls it with
/// `false` before building a client.
pub fn set_env_logging(enabled: bool) {
    ENABLED.store(enabled, Ordering::Relaxed);
}

/// The level `CJHIRASHI_LOG`'s value asks for (`None`: print nothing).
pub fn level_of(value: &str) -> Option<LevelFilter> {
    match value.trim().to_ascii_lowercase().as_str() {
        "trace" | "debug" => Some(LevelFilter::DEBUG),
        "info" => Some(LevelFilter::INFO),
        "warn" | "warning" => Some(LevelFilter::WARN),
        "error" => Some(LevelFilter::ERROR),
        _ => None,
    }
}

/// Installs the stderr output `CJHIRASHI_LOG` asks for, once per process, unless a global
/// subscriber is already set or [`set_env_logging`] turned it off. Called when a client is
/// built.
pub(crate) fn init_from_env() {
    if !ENABLED.load(Ordering::Relaxed) {
        return;
    }
    INIT.call_once(|| {
        let Some(level) = std::env::var(LOG_ENV).ok().as_deref().and_then(level_of) else {
            return;
        };
        if tracing::dispatcher::has_been_set() {
            return;
        }
        use tracing_subscriber::layer::{Layer as _, SubscriberExt as _};
        let only_sdk = tracing_subscriber::filter::Targets::new().with_target("agents_sdk", level);
        let subscriber = tracing_subscriber::registry().with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(false)
                .with_filter(only_sdk),
        );
        // another thread may have set one meanwhile: theirs wins
        let _ = tracing::subscriber::set_global_default(subscriber);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_like_the_bindings_read_them() {
        assert_eq!(level_of("debug"), Some(LevelFilter::DEBUG));
        assert_eq!(level_of(" INFO "), Some(LevelFilter::INFO));
        assert_eq!(level_of("warning"), Some(LevelFilter::WARN));
        assert_eq!(level_of("off"), None);
        assert_eq!(level_of(""), None);
        assert_eq!(level_of("verbose"), None);
    }
}
