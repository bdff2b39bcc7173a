//! Forwards the core's `tracing` events to the Python logger `cjhirashi_agents`, installed only
//! when `CJHIRASHI_LOG` is `debug`, `info` or `warn` (levels as in [`agents_sdk::logging`];
//! secrets are redacted by the core already). Each
//! record is the event's message and fields followed by the fields of the spans it happened in
//! (a request's `method`, `path`, `attempt`, `status`, `request_id`), as Rust's `fmt` shows them.

use std::fmt::Write as _;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.0.push_str(value);
        } else {
            let _ = write!(self.0, " {}={value}", field.name());
        }
    }
}

struct PythonLogging;

/// The fields recorded on an `agents_sdk` span so far (` key=value` each).
struct SpanFields(String);

fn logger(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    Ok(LOGGER
        .get_or_try_init(py, || {
            py.import("logging")?
                .call_method1("getLogger", ("cjhirashi_agents",))
                .map(Bound::unbind)
        })?
        .bind(py))
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for PythonLogging {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        if !attrs.metadata().target().starts_with("agents_sdk") {
            return;
        }
        if let Some(span) = ctx.span(id) {
            let mut fields = Message(String::new());
            attrs.record(&mut fields);
            span.extensions_mut().insert(SpanFields(fields.0));
        }
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(id)
            && let Some(SpanFields(text)) = span.extensions_mut().get_mut::<SpanFields>()
        {
            let mut more = Message(std::mem::take(text));
            values.record(&mut more);
            *text = more.0;
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let meta = event.metadata();
        if !meta.target().starts_with("agents_sdk") {
            return;
        }
        let level = match *meta.level() {
            Level::ERROR => 40,
            Level::WARN => 30,
            Level::INFO => 20,
            _ => 10,
        };
        let mut msg = Message(String::new());
        event.record(&mut msg);
        if let Some(scope) = ctx.event_scope(event) {
            for span in scope.from_root() {
                if let Some(SpanFields(text)) = span.extensions().get::<SpanFields>() {
                    msg.0.push_str(text);
                }
            }
        }
        Python::attach(|py| {
            if let Ok(l) = logger(py) {
                let _ = l.call_method1("log", (level, msg.0));
            }
        });
    }
}

/// Installs the bridge when `CJHIRASHI_LOG` asks for it; answers the level name used.
pub fn init() -> Option<&'static str> {
    let wanted = std::env::var(agents_sdk::logging::LOG_ENV).ok()?;
    let filter = agents_sdk::logging::level_of(&wanted)?;
    let name = match filter {
        LevelFilter::DEBUG => "debug",
        LevelFilter::INFO => "info",
        LevelFilter::WARN => "warning",
        _ => "error",
    };
    let subscriber = tracing_subscriber::registry().with(PythonLogging.with_filter(filter));
    tracing::subscriber::set_global_default(subscriber).ok()?;
    Some(name)
}
