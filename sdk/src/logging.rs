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
//! Node packages): while no global subscriber is set, the SDK's requests print their events of
//! that level and above to stderr, through a subscriber of the SDK's own scoped to each request
//! (never installed as the global default, so an application that sets its subscriber later,
//! `tracing_subscriber::fmt().init()` after building a client, still can, and from then on gets
//! the events itself). `off` or any other value prints nothing. The Python and Node bindings
//! route the events to Python's `logging` and to the `logger` option instead, and turn this off
//! with [`set_env_logging`].

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use tracing::Dispatch;
use tracing::level_filters::LevelFilter;

/// The environment variable read at the first request.
pub const LOG_ENV: &str = "CJHIRASHI_LOG";

static ENABLED: AtomicBool = AtomicBool::new(true);

/// Whether requests may print the `CJHIRASHI_LOG` output (default `true`). A program that
/// routes the SDK's events elsewhere (the Python and Node bindings) calls it with `false`.
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

/// The subscriber `CJHIRASHI_LOG` asks for (made once per process), or `None`.
static ENV_DISPATCH: OnceLock<Option<Dispatch>> = OnceLock::new();

/// The subscriber a request reports to when `CJHIRASHI_LOG` asks for output and the program
/// has set no global subscriber (nor turned this off with [`set_env_logging`]); `None`
/// otherwise. The transport scopes each request to it (`WithSubscriber`).
pub(crate) fn env_dispatch() -> Option<&'static Dispatch> {
    if !ENABLED.load(Ordering::Relaxed) {
        return None;
    }
    // the program's own subscriber (global, or scoped around this call) wins; `has_been_set`
    // cannot tell, since it also turns true once a scoped subscriber (this one) was entered
    let program_has_one =
        tracing::dispatcher::get_default(|d| !d.is::<tracing::subscriber::NoSubscriber>());
    if program_has_one {
        return None;
    }
    ENV_DISPATCH
        .get_or_init(|| {
            let level = std::env::var(LOG_ENV).ok().as_deref().and_then(level_of)?;
            use tracing_subscriber::layer::{Layer as _, SubscriberExt as _};
            let only_sdk =
                tracing_subscriber::filter::Targets::new().with_target("agents_sdk", level);
            let subscriber = tracing_subscriber::registry().with(
                tracing_subscriber::fmt::layer()
                    .with_writer(std::io::stderr)
                    .with_ansi(false)
                    .with_filter(only_sdk),
            );
            Some(Dispatch::new(subscriber))
        })
        .as_ref()
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
