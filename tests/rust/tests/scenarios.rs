//! The cross-language scenario suite (`tests/scenarios/*.json`), run with the Rust crate.
//!
//! Each scenario runs against a fresh embedded sandbox; every step's result is serialized to
//! its wire JSON, keys turned to snake_case, and matched against the step's expectation (see
//! `tests/README.md`). A plain `main` (no libtest harness) so the last line is the tally:
//!
//! ```text
//! cargo test -p agents-scenarios             # every scenario
//! cargo test -p agents-scenarios -- webhooks # those whose name contains "webhooks"
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use agents_sandbox::{Delivery, Sandbox, WebhookSink};
use agents_sdk::ops::{self, AgentClient};
use agents_sdk::platform::{self, Client};
use agents_sdk::{Error, RequestOptions, ResponseCapture, webhooks};
use futures::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::{Layer as _, filter};

const LANG: &str = "rust";

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios")
}

/// The OpenAPI documents (`spec/*.openapi.json`).
fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec")
}

const SERVICES: [&str; 2] = ["platform", "ops"];

/// The operations the OpenAPI documents do not list, which the runner calls by hand (service,
/// name, kind): ops' WebSocket session (`realtime.connect`, described by
/// `spec/ops.asyncapi.json`) and the `AgentClient.login` constructor (the `login` step). The
/// coverage check counts them with the documented ones.
const UNDOCUMENTED: &[(&str, &str, &str)] = &[
    ("ops", "realtime.connect", "realtime"),
    ("ops", "login", "login"),
];

/// How the runner reads an answer, from the `x-sdk` `kind`: `call` (a value; also `items`, a
/// list), `page` (`pages`), `tokens` (a platform `stream`) or `events` (an ops `stream`).
fn runner_kind(service: &str, kind: &str) -> &'static str {
    match (kind, service) {
        ("call" | "items", _) => "call",
        ("pages", _) => "page",
        ("stream", "platform") => "tokens",
        ("stream", _) => "events",
        (other, _) => panic!("{service}: unknown x-sdk kind {other}"),
    }
}

/// Every operation of both services by SDK name, with the runner's kind: the `x-sdk` entries of
/// `spec/<service>.openapi.json`, then [`UNDOCUMENTED`]. (Rust calls each one through the core's
/// dispatch table, by name and JSON arguments: `positional` does not matter here.)
fn load_operations() -> Value {
    let mut out = Map::new();
    for service in SERVICES {
        let doc = read_json(&spec_dir().join(format!("{service}.openapi.json")));
        let mut ops = Map::new();
        for item in doc["paths"].as_object().into_iter().flat_map(Map::values) {
            for operation in item.as_object().into_iter().flat_map(Map::values) {
                for entry in operation
                    .get("x-sdk")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let name = entry["name"].as_str().expect("x-sdk names are strings");
                    let kind = entry["kind"].as_str().expect("x-sdk kinds are strings");
                    ops.insert(
                        name.to_owned(),
                        json!({ "kind": runner_kind(service, kind) }),
                    );
                }
            }
        }
        for (_, name, kind) in UNDOCUMENTED.iter().filter(|(s, _, _)| *s == service) {
            ops.insert((*name).to_owned(), json!({ "kind": kind }));
        }
        out.insert(service.to_owned(), Value::Object(ops));
    }
    Value::Object(out)
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Plain data and matching
// ---------------------------------------------------------------------------------------------

fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    let mut prev_lower = false;
    for c in key.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn camel(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn map_keys(value: Value, f: &dyn Fn(&str) -> String) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (f(&k), map_keys(v, f)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(|v| map_keys(v, f)).collect()),
        other => other,
    }
}

/// A result as the scenarios see it: its wire JSON with snake_case keys.
fn plain<T: serde::Serialize + ?Sized>(value: &T) -> Value {
    map_keys(
        serde_json::to_value(value).expect("results serialize"),
        &snake,
    )
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn show(v: &Value) -> String {
    let s = v.to_string();
    s.chars().take(400).collect()
}

fn len_of(v: &Value) -> Option<usize> {
    match v {
        Value::String(s) => Some(s.chars().count()),
        Value::Array(a) => Some(a.len()),
        Value::Object(o) => Some(o.len()),
        _ => None,
    }
}

fn matches(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match expected {
        Value::Object(exp) if exp.keys().any(|k| k.starts_with('$')) => {
            for (op, arg) in exp {
                match_op(op, arg, actual, path)?;
            }
            Ok(())
        }
        Value::Object(exp) => {
            let Value::Object(act) = actual else {
                return Err(format!("{path}: expected an object, got {}", show(actual)));
            };
            for (k, want) in exp {
                let got = act.get(k).ok_or_else(|| {
                    format!(
                        "{path}.{k}: missing in {:?}",
                        act.keys().collect::<Vec<_>>()
                    )
                })?;
                matches(want, got, &format!("{path}.{k}"))?;
            }
            Ok(())
        }
        Value::Array(exp) => {
            let Value::Array(act) = actual else {
                return Err(format!(
                    "{path}: expected {}, got {}",
                    show(expected),
                    show(actual)
                ));
            };
            if act.len() != exp.len() {
                return Err(format!(
                    "{path}: expected {}, got {}",
                    show(expected),
                    show(actual)
                ));
            }
            for (i, (w, g)) in exp.iter().zip(act).enumerate() {
                matches(w, g, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        Value::Number(n) => match actual.as_f64() {
            Some(a) if n.as_f64() == Some(a) => Ok(()),
            _ => Err(format!("{path}: expected {n}, got {}", show(actual))),
        },
        other if other == actual => Ok(()),
        other => Err(format!(
            "{path}: expected {}, got {}",
            show(other),
            show(actual)
        )),
    }
}

fn match_op(op: &str, arg: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match op {
        "$type" => (arg.as_str() == Some(type_name(actual)))
            .then_some(())
            .ok_or_else(|| format!("{path}: expected a {arg}, got {}", show(actual))),
        "$startswith" => {
            let ok =
                matches!((actual.as_str(), arg.as_str()), (Some(a), Some(p)) if a.starts_with(p));
            ok.then_some(()).ok_or_else(|| {
                format!(
                    "{path}: expected a string starting {arg}, got {}",
                    show(actual)
                )
            })
        }
        "$nonempty" => (len_of(actual).unwrap_or(0) > 0)
            .then_some(())
            .ok_or_else(|| format!("{path}: expected something non-empty, got {}", show(actual))),
        "$len" | "$len_gte" => {
            let n = len_of(actual).ok_or_else(|| {
                format!(
                    "{path}: expected something with a length, got {}",
                    show(actual)
                )
            })?;
            let want = arg.as_u64().unwrap_or(u64::MAX) as usize;
            let ok = if op == "$len" { n == want } else { n >= want };
            ok.then_some(())
                .ok_or_else(|| format!("{path}: length {n}, expected {} {want}", &op[1..]))
        }
        "$includes" | "$excludes" => {
            let Some(text) = actual.as_str() else {
                return Err(format!("{path}: expected a string, got {}", show(actual)));
            };
            let parts = match arg {
                Value::Array(parts) => parts.clone(),
                one => vec![one.clone()],
            };
            for part in &parts {
                let found = text.contains(part.as_str().unwrap_or_default());
                if found != (op == "$includes") {
                    let how = if found { "found in" } else { "missing from" };
                    return Err(format!("{path}: {part} {how} {}", show(actual)));
                }
            }
            Ok(())
        }
        "$contains" => {
            let Value::Array(items) = actual else {
                return Err(format!("{path}: expected an array, got {}", show(actual)));
            };
            items
                .iter()
                .any(|item| matches(arg, item, path).is_ok())
                .then_some(())
                .ok_or_else(|| format!("{path}: no element matches {arg} in {}", show(actual)))
        }
        "$all" => {
            let Value::Array(items) = actual else {
                return Err(format!("{path}: expected an array, got {}", show(actual)));
            };
            for (i, item) in items.iter().enumerate() {
                matches(arg, item, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        other => Err(format!("{path}: unknown matcher {other}")),
    }
}

// ---------------------------------------------------------------------------------------------
// Logs: a `logs` step records what the crate's `tracing` events say
// ---------------------------------------------------------------------------------------------

/// Whether a `logs` step is running; the subscriber keeps nothing otherwise.
static CAPTURING: AtomicBool = AtomicBool::new(false);
/// What the subscriber wrote during the step (one line per event).
static CAPTURED: Mutex<Vec<u8>> = Mutex::new(Vec::new());

struct CaptureWriter;

impl std::io::Write for CaptureWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        CAPTURED
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The global subscriber: the `fmt` output of the SDK's spans and events at DEBUG and above,
/// into [`CAPTURED`] while [`CAPTURING`] is set (a dynamic filter: asked for every span and
/// event, never cached per callsite).
fn install_log_capture() {
    let only_during_steps = filter::dynamic_filter_fn(|meta, _cx| {
        CAPTURING.load(Ordering::SeqCst)
            && meta.target().starts_with("agents_sdk")
            && *meta.level() <= tracing::Level::DEBUG
    });
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(|| CaptureWriter)
        .with_ansi(false)
        .without_time()
        .with_filter(only_during_steps);
    tracing::subscriber::set_global_default(tracing_subscriber::registry().with(layer))
        .expect("the scenario runner installs the only tracing subscriber");
}

/// Starts recording (scenarios run one after the other).
fn start_capture() {
    CAPTURED.lock().unwrap_or_else(|e| e.into_inner()).clear();
    CAPTURING.store(true, Ordering::SeqCst);
}

/// Stops recording; the records, one per line.
fn stop_capture() -> Vec<Value> {
    CAPTURING.store(false, Ordering::SeqCst);
    let bytes = std::mem::take(&mut *CAPTURED.lock().unwrap_or_else(|e| e.into_inner()));
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| json!(l.trim()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The runner
// ---------------------------------------------------------------------------------------------

/// A step's outcome: a result, an SDK error, or a failure of the runner itself.
enum Outcome {
    Value(Value),
    Sdk(Error),
}

type StepResult = Result<Outcome, String>;

fn sdk<T>(r: agents_sdk::Result<T>, f: impl FnOnce(T) -> Value) -> Outcome {
    match r {
        Ok(v) => Outcome::Value(f(v)),
        Err(e) => Outcome::Sdk(e),
    }
}

fn error_data(e: &Error) -> Value {
    let mut out = Map::new();
    out.insert("class".into(), json!(e.class_name()));
    out.insert("message".into(), json!(e.to_string()));
    if let Some(status) = e.status() {
        out.insert("status".into(), json!(status));
    }
    if let Some(id) = e.request_id() {
        out.insert("request_id".into(), json!(id));
    }
    if let Some(api) = e.as_api() {
        if let Some(code) = &api.code {
            out.insert("code".into(), json!(code));
        }
        if let Some(rl) = &api.rate_limit {
            out.insert(
                "rate_limit".into(),
                json!({"limit": rl.limit, "remaining": rl.remaining, "reset": rl.reset}),
            );
        }
        if let Some(after) = api.retry_after {
            out.insert("retry_after".into(), json!(after.as_secs_f64()));
        }
    }
    if let Error::Timeout { phase, after } = e {
        out.insert("phase".into(), json!(phase.to_string()));
        out.insert("timeout".into(), json!(after.as_secs_f64()));
    }
    Value::Object(out)
}

fn events_data(events: Vec<Value>) -> Value {
    let types: Vec<Value> = events
        .iter()
        .map(|e| e.get("type").cloned().unwrap_or(Value::Null))
        .collect();
    json!({
        "first": types.first().cloned().unwrap_or(Value::Null),
        "last": types.last().cloned().unwrap_or(Value::Null),
        "types": types,
        "events": events,
    })
}

fn str_arg(args: &Value, name: &str) -> Result<String, String> {
    args.get(name)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| format!("argument `{name}` missing in {args}"))
}

fn request_options(options: &Value, capture: &ResponseCapture) -> Result<RequestOptions, String> {
    let mut opts = RequestOptions::new().capture(capture);
    let Some(map) = options.as_object() else {
        return Ok(opts);
    };
    for (k, v) in map {
        opts = match k.as_str() {
            "timeout" => opts.timeout(Duration::from_secs_f64(v.as_f64().unwrap_or(0.0))),
            "max_retries" => opts.max_retries(v.as_u64().unwrap_or(0) as u32),
            "idempotency_key" => opts.idempotency_key(v.as_str().unwrap_or_default()),
            "headers" | "extra_query" => {
                let mut o = opts;
                for (name, value) in v.as_object().into_iter().flatten() {
                    let value = value.as_str().unwrap_or_default();
                    o = if k == "headers" {
                        o.header(name.clone(), value)
                    } else {
                        o.query(name.clone(), value)
                    };
                }
                o
            }
            other => return Err(format!("unknown option {other}")),
        };
    }
    Ok(opts)
}

fn raw_data(meta: Option<agents_sdk::ResponseMeta>, data: Value) -> Result<Value, String> {
    let meta = meta.ok_or("no response metadata was captured")?;
    let headers: Map<String, Value> = meta
        .headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), json!(v)))
        .collect();
    Ok(json!({
        "status": meta.status,
        "request_id": meta.request_id,
        "attempts": meta.attempts,
        "headers": headers,
        "rate_limit": meta.rate_limit.map(|rl| json!({"limit": rl.limit, "remaining": rl.remaining, "reset": rl.reset})),
        "data": data,
    }))
}

async fn page_data<P>(
    pager: agents_sdk::Paginator<P>,
    iterate: Option<&str>,
) -> agents_sdk::Result<Value>
where
    P: agents_sdk::pagination::Paged + serde::Serialize,
    P::Item: serde::Serialize,
{
    match iterate {
        Some("items") => {
            let items = pager.into_items().collect::<Vec<_>>().await;
            let mut out = Vec::new();
            for item in items {
                out.push(plain(&item?));
            }
            Ok(Value::Array(out))
        }
        Some("pages") => {
            // page by page: the first Page, then iter_pages() over it and every later one
            let mut pages = Vec::new();
            let mut stream = std::pin::pin!(pager.page().await?.iter_pages());
            while let Some(page) = stream.next().await {
                let data: Vec<Value> = page?.into_items().iter().map(plain).collect();
                pages.push(json!({ "data": data }));
            }
            Ok(Value::Array(pages))
        }
        Some("next_page") => {
            let first = pager.page().await?;
            let first_data = plain(first.data());
            let has_next = first.has_next_page();
            let second = first
                .get_next_page()
                .await?
                .map(|p| plain(p.data()))
                .unwrap_or(Value::Null);
            Ok(json!({"first": first_data, "has_next_page": has_next, "second": second}))
        }
        _ => {
            // the page as every runner shows it: its items, whether more follow, and the
            // transaction list's `summary`
            let page = pager.page().await?;
            let mut out = Map::new();
            out.insert("data".into(), plain(page.data()));
            out.insert("has_next_page".into(), json!(page.has_next_page()));
            if let Some(summary) = plain(&page.into_inner())
                .get("summary")
                .filter(|s| !s.is_null())
            {
                out.insert("summary".into(), summary.clone());
            }
            Ok(Value::Object(out))
        }
    }
}

struct Run<'a> {
    scenario: &'a Value,
    operations: &'a Value,
    sb: &'a Sandbox,
    vars: Map<String, Value>,
    platform: HashMap<String, Client>,
    ops: HashMap<String, AgentClient>,
    sink: Option<WebhookSink>,
    last: Option<Delivery>,
    /// Each step's result or error, for `SCENARIOS_DUMP`.
    outcomes: Map<String, Value>,
}

impl<'a> Run<'a> {
    fn new(scenario: &'a Value, operations: &'a Value, sb: &'a Sandbox) -> Self {
        let mut vars = Map::new();
        vars.insert(
            "sandbox".into(),
            json!({
                "username": sb.username(), "password": sb.password(),
                "platform_url": sb.platform_url(), "ops_url": sb.ops_url(),
                "api_key": sb.api_key(), "admin_api_key": sb.admin_api_key(),
                "ops_api_key": sb.ops_api_key(),
            }),
        );
        Run {
            scenario,
            operations,
            sb,
            vars,
            platform: HashMap::new(),
            ops: HashMap::new(),
            sink: None,
            last: None,
            outcomes: Map::new(),
        }
    }

    fn resolve(&self, value: &Value) -> Result<Value, String> {
        match value {
            Value::String(s) if s.len() > 1 && s.starts_with('$') => {
                let mut cur = Value::Object(self.vars.clone());
                for part in s[1..].split('.') {
                    cur = if part == "$len" {
                        json!(len_of(&cur).ok_or_else(|| format!("{s}: no length"))?)
                    } else {
                        match &cur {
                            Value::Object(m) => m.get(part).cloned(),
                            Value::Array(a) => {
                                part.parse::<usize>().ok().and_then(|i| a.get(i).cloned())
                            }
                            _ => None,
                        }
                        .ok_or_else(|| format!("{s}: no `{part}`"))?
                    };
                }
                Ok(cur)
            }
            Value::Object(m) if m.contains_key("$repeat") => {
                let r = &m["$repeat"];
                let text = r.get(0).and_then(Value::as_str).unwrap_or_default();
                let times = r.get(1).and_then(Value::as_u64).unwrap_or(0) as usize;
                Ok(json!(text.repeat(times)))
            }
            Value::Object(m) => {
                let mut out = Map::new();
                for (k, v) in m {
                    out.insert(k.clone(), self.resolve(v)?);
                }
                Ok(Value::Object(out))
            }
            Value::Array(items) => items
                .iter()
                .map(|v| self.resolve(v))
                .collect::<Result<_, _>>()
                .map(Value::Array),
            other => Ok(other.clone()),
        }
    }

    async fn platform_client(&mut self, spec: &Value) -> Result<Client, String> {
        let key = spec.to_string();
        if let Some(c) = self.platform.get(&key) {
            return Ok(c.clone());
        }
        let client = self.new_platform_client(spec)?;
        self.platform.insert(key, client.clone());
        Ok(client)
    }

    fn new_platform_client(&self, spec: &Value) -> Result<Client, String> {
        let sb = self.sb;
        let builder = Client::builder();
        let builder = match spec.as_str() {
            Some("admin") => builder
                .api_key(sb.admin_api_key())
                .base_url(sb.platform_url()),
            Some("bad_key") => builder
                .api_key("cj_test_not_a_key")
                .base_url(sb.platform_url()),
            Some("closed_port") => builder
                .api_key(sb.api_key())
                .base_url("http://127.0.0.1:9/api")
                .max_retries(0),
            _ if spec.is_object() => {
                let k = self.resolve(&spec["api_key"])?;
                builder
                    .api_key(k.as_str().unwrap_or_default())
                    .base_url(sb.platform_url())
            }
            _ => builder.api_key(sb.api_key()).base_url(sb.platform_url()),
        };
        builder.build().map_err(|e| e.to_string())
    }

    async fn ops_client(&mut self, spec: &Value) -> Result<AgentClient, String> {
        let key = spec.to_string();
        if let Some(c) = self.ops.get(&key) {
            return Ok(c.clone());
        }
        let client = self.new_ops_client(spec).await?;
        self.ops.insert(key, client.clone());
        Ok(client)
    }

    async fn new_ops_client(&self, spec: &Value) -> Result<AgentClient, String> {
        let sb = self.sb;
        let client = match spec.as_str() {
            Some("login") => AgentClient::login(sb.ops_url(), sb.username(), sb.password())
                .await
                .map_err(|e| e.to_string())?,
            Some("bad_key") => AgentClient::builder()
                .api_key("ops_not_a_key")
                .base_url(sb.ops_url())
                .build()
                .map_err(|e| e.to_string())?,
            _ => AgentClient::builder()
                .api_key(sb.ops_api_key())
                .base_url(sb.ops_url())
                .build()
                .map_err(|e| e.to_string())?,
        };
        Ok(client)
    }

    /// `$client.close`: the Rust clients have no `close()`; dropping the last handle releases
    /// the connections. The runner forgets (drops) the step's client; `times` is answered back.
    fn close_step(&mut self, service: &str, spec: &Value, args: &Value) -> StepResult {
        if args.get("keep").and_then(Value::as_bool) == Some(true) {
            return Err("a Rust client cannot be used after it is dropped (no close())".into());
        }
        let key = spec.to_string();
        if service == "platform" {
            drop(self.platform.remove(&key));
        } else {
            drop(self.ops.remove(&key));
        }
        let times = args.get("times").and_then(Value::as_u64).unwrap_or(1);
        Ok(Outcome::Value(json!({ "closed": times })))
    }

    /// Runs every step; answers the known divergences met (steps marked `diverges` for Rust
    /// that did diverge).
    async fn run(&mut self) -> Result<Vec<String>, String> {
        let steps = self.scenario["steps"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let mut known = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            if let Some(langs) = step.get("langs").and_then(Value::as_array)
                && !langs.iter().any(|l| l == LANG)
            {
                continue;
            }
            let where_ = format!("step {i} ({})", step["call"].as_str().unwrap_or("?"));
            let reason = step
                .pointer(&format!("/diverges/{LANG}"))
                .and_then(Value::as_str);
            match (self.check(&where_, step).await, reason) {
                (Ok(()), None) => {}
                (Ok(()), Some(_)) => {
                    println!("note {where_}: no divergence any more, remove the mark");
                }
                (Err(e), None) => return Err(e),
                (Err(e), Some(reason)) => known.push(format!("{where_}: {reason} [{e}]")),
            }
        }
        Ok(known)
    }

    async fn check(&mut self, where_: &str, step: &Value) -> Result<(), String> {
        let logs = step.get("logs").and_then(Value::as_bool) == Some(true);
        if logs {
            start_capture();
        }
        let outcome = self.outcome(where_, step).await;
        let records = logs.then(stop_capture);
        let outcome = outcome?;
        let expect = self.resolve(step.get("expect").unwrap_or(&json!({})))?;
        if let (Some(records), Some(want)) = (records, expect.get("logs")) {
            matches(want, &Value::Array(records), "$logs").map_err(|w| format!("{where_}: {w}"))?;
        }
        match (outcome, expect.get("error")) {
            (Outcome::Sdk(e), Some(want)) => {
                let error = error_data(&e);
                self.outcomes
                    .insert(where_.to_owned(), json!({ "error": error }));
                matches(want, &error, "$").map_err(|w| format!("{where_}: {w}"))?;
            }
            (Outcome::Value(v), Some(_)) => {
                return Err(format!("{where_}: expected an error, got {}", show(&v)));
            }
            (Outcome::Sdk(e), None) => {
                return Err(format!(
                    "{where_}: unexpected error {}",
                    show(&error_data(&e))
                ));
            }
            (Outcome::Value(v), None) => {
                if let Some(want) = expect.get("result") {
                    matches(want, &v, "$").map_err(|w| format!("{where_}: {w}"))?;
                }
                self.outcomes.insert(where_.to_owned(), v.clone());
                if let Some(name) = step.get("save").and_then(Value::as_str) {
                    self.vars.insert(name.to_owned(), v);
                }
            }
        }
        Ok(())
    }

    /// The step's outcome, after `repeat` and `until_error`.
    async fn outcome(&mut self, where_: &str, step: &Value) -> StepResult {
        let repeat = step.get("repeat").and_then(Value::as_u64).unwrap_or(1);
        for _ in 1..repeat {
            match self
                .step(step)
                .await
                .map_err(|e| format!("{where_}: {e}"))?
            {
                Outcome::Value(_) => {}
                Outcome::Sdk(e) => return Err(format!("{where_}: repeated call failed: {e}")),
            }
        }
        let mut outcome = self
            .step(step)
            .await
            .map_err(|e| format!("{where_}: {e}"))?;
        // `until_error`: call again (at most that many times in all) until a call fails
        let until_error = step.get("until_error").and_then(Value::as_u64).unwrap_or(1);
        for _ in 1..until_error {
            if matches!(outcome, Outcome::Sdk(_)) {
                break;
            }
            outcome = self
                .step(step)
                .await
                .map_err(|e| format!("{where_}: {e}"))?;
        }
        Ok(outcome)
    }

    async fn step(&mut self, step: &Value) -> StepResult {
        let call = step["call"].as_str().ok_or("step without call")?;
        let args = self.resolve(step.get("args").unwrap_or(&json!({})))?;
        if call.starts_with('$') && call != "$client.close" {
            return self.special(call, &args).await;
        }
        let service = step
            .get("service")
            .or_else(|| self.scenario.get("service"))
            .and_then(Value::as_str)
            .ok_or("no service")?
            .to_owned();
        let default = if service == "platform" {
            "user"
        } else {
            "api_key"
        };
        let mut client_spec = step
            .get("client")
            .or_else(|| self.scenario.get("client"))
            .cloned()
            .unwrap_or_else(|| json!(default));
        if service == "ops" && (client_spec == "user" || client_spec == "admin") {
            client_spec = json!("api_key");
        }
        if call == "$client.close" {
            return self.close_step(&service, &client_spec, &args);
        }
        // a `logs` step calls through a client made inside the capture (as Node must)
        let fresh = step.get("logs").and_then(Value::as_bool) == Some(true);
        let capture = ResponseCapture::new();
        let opts = request_options(
            &self.resolve(step.get("options").unwrap_or(&json!({})))?,
            &capture,
        )?;
        let iterate = step.get("iterate").and_then(Value::as_str);
        if call == "login" {
            let r = AgentClient::login(
                self.sb.ops_url(),
                str_arg(&args, "username")?,
                str_arg(&args, "password")?,
            )
            .await;
            return Ok(sdk(r, |_| json!({"logged_in": true})));
        }
        let kind = self.operations[&service]
            .pointer(&format!("/{call}/kind"))
            .and_then(Value::as_str)
            .ok_or_else(|| {
                format!("{service} has no operation {call} (spec/{service}.openapi.json)")
            })?;
        let outcome = if service == "platform" {
            let c = if fresh {
                self.new_platform_client(&client_spec)?
            } else {
                self.platform_client(&client_spec).await?
            };
            platform_call(&c, call, kind, &args, opts, iterate).await?
        } else {
            let c = if fresh {
                self.new_ops_client(&client_spec).await?
            } else {
                self.ops_client(&client_spec).await?
            };
            ops_call(&c, call, kind, &args, opts).await?
        };
        if step.get("raw").and_then(Value::as_bool) == Some(true)
            && let Outcome::Value(v) = outcome
        {
            return Ok(Outcome::Value(raw_data(capture.get(), v)?));
        }
        Ok(outcome)
    }

    async fn special(&mut self, call: &str, args: &Value) -> StepResult {
        match call {
            "$webhook.listen" => {
                let sink = WebhookSink::start().await.map_err(|e| e.to_string())?;
                let url = sink.url();
                self.sink = Some(sink);
                Ok(Outcome::Value(json!({ "url": url })))
            }
            "$webhook.receive" => {
                let sink = self.sink.as_ref().ok_or("$webhook.listen first")?;
                let d = sink
                    .next_delivery(Duration::from_secs(10))
                    .await
                    .ok_or("no webhook delivery")?;
                let secret = str_arg(args, "secret")?;
                let signature = d
                    .header("x-webhook-signature")
                    .unwrap_or_default()
                    .to_owned();
                if let Err(e) = webhooks::verify(&d.body, &signature, secret.as_str()) {
                    return Ok(Outcome::Sdk(e));
                }
                let headers: Vec<(String, String)> = d.headers.clone();
                let r = webhooks::unwrap(&d.body, &headers, secret.as_str(), &Default::default());
                self.last = Some(d);
                Ok(sdk(r, |ev| plain(&ev)))
            }
            "$webhook.verify" => {
                let d = self.last.as_ref().ok_or("$webhook.receive first")?;
                let signature = d.header("x-webhook-signature").unwrap_or_default();
                let secret = str_arg(args, "secret")?;
                Ok(sdk(
                    webhooks::verify(&d.body, signature, secret.as_str()),
                    |()| json!({"verified": true}),
                ))
            }
            other => Err(format!("unknown special call {other}")),
        }
    }
}

async fn tokens_data(stream: agents_sdk::Result<platform::MessageStream>) -> Outcome {
    let stream = match stream {
        Ok(s) => s,
        Err(e) => return Outcome::Sdk(e),
    };
    let mut tokens = stream.tokens();
    let mut out = Vec::new();
    while let Some(t) = tokens.next().await {
        match t {
            Ok(t) => out.push(t),
            Err(e) => return Outcome::Sdk(e),
        }
    }
    let s = tokens.stream();
    Outcome::Value(json!({
        "text": out.concat(),
        "tokens": out,
        "message_id": s.message_id(),
        "tokens_used": s.tokens_used(),
    }))
}

/// A result as the scenarios see it (the core's dispatch hands over each operation's answer).
struct Plain;

impl agents_sdk::dispatch::Sink for Plain {
    type Out = Value;
    fn accept<T: serde::Serialize + Send + 'static>(self, value: T) -> Value {
        plain(&value)
    }
}

/// A paginated list read as the step's `iterate` says.
struct Pages(Option<String>);

impl agents_sdk::dispatch::PagesSink for Pages {
    type Out = futures::future::BoxFuture<'static, agents_sdk::Result<Value>>;
    fn accept<P>(self, pages: agents_sdk::Paginator<P>) -> Self::Out
    where
        P: agents_sdk::Paged + serde::Serialize + DeserializeOwned + Sync,
        P::Item: serde::Serialize + Sync,
    {
        Box::pin(async move { page_data(pages, self.0.as_deref()).await })
    }
}

/// A one-shot operation of either service through the core's dispatch table.
async fn dispatched(prepared: agents_sdk::Result<agents_sdk::dispatch::Call<Value>>) -> Outcome {
    match prepared {
        Ok(fut) => sdk(fut.await, |v| v),
        Err(e) => Outcome::Sdk(e),
    }
}

/// The platform's wire arguments (camelCase) of a step's snake_case ones.
fn platform_args(args: &Value) -> Value {
    map_keys(args.clone(), &camel)
}

/// A platform operation through the core's dispatch table, as its `kind` says.
async fn platform_call(
    c: &Client,
    call: &str,
    kind: &str,
    args: &Value,
    opts: RequestOptions,
    iterate: Option<&str>,
) -> StepResult {
    use platform::dispatch;
    let a = platform_args(args);
    Ok(match kind {
        "page" => match dispatch::paginate(c, call, a, opts, Pages(iterate.map(str::to_owned))) {
            Ok(fut) => sdk(fut.await, |v| v),
            Err(e) => Outcome::Sdk(e),
        },
        "tokens" => match dispatch::stream(c, call, a, opts) {
            Ok(fut) => tokens_data(fut.await).await,
            Err(e) => Outcome::Sdk(e),
        },
        "call" => dispatched(dispatch::call(c, call, a, opts, Plain)).await,
        other => return Err(format!("platform {call}: the runner has no kind {other}")),
    })
}

/// An ops operation through the core's dispatch table, as its `kind` says; `realtime` is the
/// WebSocket session.
async fn ops_call(
    c: &AgentClient,
    call: &str,
    kind: &str,
    args: &Value,
    opts: RequestOptions,
) -> StepResult {
    use ops::*;
    let o = opts;
    Ok(match kind {
        "events" => match dispatch::stream(c, call, args.clone(), o) {
            Err(e) => Outcome::Sdk(e),
            Ok(fut) => match fut.await {
                Err(e) => Outcome::Sdk(e),
                Ok(mut stream) => {
                    let mut events = Vec::new();
                    let mut failed = None;
                    while let Some(ev) = stream.next().await {
                        match ev {
                            Ok(ev) => events.push(plain(&ev)),
                            Err(e) => {
                                failed = Some(e);
                                break;
                            }
                        }
                    }
                    match failed {
                        Some(e) => Outcome::Sdk(e),
                        None => Outcome::Value(events_data(events)),
                    }
                }
            },
        },
        "realtime" => {
            let mut session = match c.realtime().with_options(o).connect().await {
                Ok(s) => s,
                Err(e) => return Ok(Outcome::Sdk(e)),
            };
            let Some(message) = args.get("message").and_then(Value::as_str) else {
                let _ = session.close().await;
                return Ok(Outcome::Value(json!({"connected": true})));
            };
            let conversation = args.get("conversation_id").and_then(Value::as_str);
            if let Err(e) = session.send_chat(conversation, message).await {
                return Ok(Outcome::Sdk(e));
            }
            let mut events = Vec::new();
            while let Some(ev) = session.next().await {
                match ev {
                    Ok(ev) => {
                        let done = matches!(ev, ChatEvent::Done { .. });
                        events.push(plain(&ev));
                        if done {
                            break;
                        }
                    }
                    Err(e) => return Ok(Outcome::Sdk(e)),
                }
            }
            let _ = session.close().await;
            Outcome::Value(events_data(events))
        }
        "call" => dispatched(dispatch::call(c, call, args.clone(), o, Plain)).await,
        other => return Err(format!("ops {call}: the runner has no kind {other}")),
    })
}

async fn run_scenario(scenario: &Value, operations: &Value) -> Result<Vec<String>, String> {
    let enforce = scenario
        .pointer("/sandbox/enforce_rate_limits")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let sb = Sandbox::builder()
        .enforce_rate_limits(enforce)
        .start()
        .await
        .map_err(|e| format!("sandbox: {e}"))?;
    let result = {
        let mut run = Run::new(scenario, operations, &sb);
        let r = tokio::time::timeout(Duration::from_secs(60), run.run())
            .await
            .unwrap_or_else(|_| Err("timed out after 60 s".into()));
        if let Some(sink) = run.sink.take() {
            sink.shutdown().await;
        }
        // SCENARIOS_DUMP=DIR: the step results, to compare the three languages' answers
        if let Some(dir) = std::env::var_os("SCENARIOS_DUMP") {
            use std::io::Write;
            let line = json!({"name": scenario["name"], "steps": run.outcomes});
            let path = Path::new(&dir).join(format!("{LANG}.jsonl"));
            if let Ok(mut f) = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
            {
                let _ = writeln!(f, "{line}");
            }
        }
        r
    };
    sb.shutdown().await;
    result
}

/// Every operation (of the documents, and [`UNDOCUMENTED`]) needs a step that succeeds and a
/// step that expects an error; the problems found.
fn coverage_gaps(operations: &Value, scenarios: &[Value]) -> Vec<String> {
    let mut ok = std::collections::HashSet::new();
    let mut err = std::collections::HashSet::new();
    for s in scenarios {
        let service = s["service"].as_str().unwrap_or_default();
        for step in s["steps"].as_array().into_iter().flatten() {
            let call = step["call"].as_str().unwrap_or_default();
            let service = step["service"].as_str().unwrap_or(service);
            let key = format!("{service} {call}");
            if step.pointer("/expect/error").is_some() {
                err.insert(key);
            } else {
                ok.insert(key);
            }
        }
    }
    let mut gaps = Vec::new();
    for service in SERVICES {
        for call in operations[service]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, _)| k)
        {
            let key = format!("{service} {call}");
            if !ok.contains(&key) {
                gaps.push(format!("{key}: no scenario step succeeds"));
            }
            if !err.contains(&key) {
                gaps.push(format!("{key}: no scenario step expects an error"));
            }
        }
    }
    gaps
}

fn main() {
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let dir = scenarios_dir();
    let operations = load_operations();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/scenarios")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let all: Vec<Value> = files
        .iter()
        .flat_map(|f| {
            read_json(f)["scenarios"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    let gaps = coverage_gaps(&operations, &all);
    for gap in &gaps {
        println!("COVERAGE {gap}");
    }
    let scenarios: Vec<Value> = all
        .into_iter()
        .filter(|s| {
            let name = s["name"].as_str().unwrap_or_default();
            filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()))
        })
        .filter(|s| {
            s.get("langs")
                .and_then(Value::as_array)
                .is_none_or(|l| l.iter().any(|x| x == LANG))
        })
        .collect();
    install_log_capture();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let (mut passed, mut total, mut known) = (0usize, scenarios.len(), 0usize);
    let started = Instant::now();
    for s in &scenarios {
        let name = s["name"].as_str().unwrap_or("?");
        let t = Instant::now();
        match rt.block_on(run_scenario(s, &operations)) {
            Ok(divergences) if divergences.is_empty() => {
                passed += 1;
                println!("ok   {name} ({} ms)", t.elapsed().as_millis());
            }
            Ok(divergences) => {
                // not counted: a known divergence of the Rust crate from API.md
                known += 1;
                total -= 1;
                println!("KNOWN {name}: {}", divergences.join("; "));
            }
            Err(why) => println!("FAIL {name}: {why}"),
        }
    }
    println!(
        "scenarios-rust: {passed}/{total} passed ({known} with a known divergence, not counted) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if passed != total || !gaps.is_empty() {
        std::process::exit(1);
    }
}
