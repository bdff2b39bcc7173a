//! Any operation by its SDK name, with its arguments as JSON: what the Python and Node bindings
//! (and the cross-language scenario runner) call instead of writing one entry point per
//! operation.
//!
//! Each service has its table next to its resource methods,
//! [`platform::dispatch`](crate::platform::dispatch) and [`ops::dispatch`](crate::ops::dispatch),
//! with the same three functions:
//!
//! - `call(client, op, args, options, sink)`: a one-shot operation. Its typed answer goes to the
//!   [`Sink`] (a binding turns it into its own objects, the scenario runner into JSON). An answer
//!   that is a list wrapped in an object (`{"agents": [...]}`) reaches the sink as the list.
//! - `stream(client, op, args, options)`: a streamed operation; the service's typed stream.
//! - `paginate(client, op, args, options, sink)`: a paginated list; the typed
//!   [`Paginator`] goes to the [`PagesSink`].
//!
//! `op` is the operation's SDK name (`"agents.list"`, `"finance.budgets.list"`), the `name` of
//! its `x-sdk` entry in the service's OpenAPI document. `args` is a JSON object keyed by wire
//! names: the path ids (`id`) and the members of the operation's query or body (`null` for
//! none). Arguments are checked before anything is sent, when the call is prepared: a call that
//! cannot be prepared returns [`Error::InvalidArgument`] without a future.
//!
//! ```
//! use agents_sdk::dispatch::Sink;
//! use agents_sdk::platform::{Client, dispatch};
//!
//! /// Answers as JSON text.
//! struct Json;
//! impl Sink for Json {
//!     type Out = String;
//!     fn accept<T: serde::Serialize + Send + 'static>(self, value: T) -> String {
//!         serde_json::to_string(&value).unwrap_or_default()
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let sandbox = agents_sandbox::Sandbox::start().await?;
//! # let client = Client::builder().api_key(sandbox.api_key()).base_url(sandbox.platform_url()).build()?;
//! let args = serde_json::json!({ "isPublic": true });
//! let agents = dispatch::call(&client, "agents.list", args, Default::default(), Json)?.await?;
//! assert!(agents.starts_with('['));
//!
//! // arguments are checked first, and nothing is sent
//! let bad = dispatch::call(&client, "agents.list", serde_json::json!({ "isPublic": 3 }), Default::default(), Json);
//! assert!(matches!(bad, Err(agents_sdk::Error::InvalidArgument(_))));
//! # Ok(()) }
//! ```

use futures::future::BoxFuture;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::pagination::{Paged, Paginator};

/// Receives the typed answer of a [`call`](crate::platform::dispatch::call).
pub trait Sink: Send + 'static {
    /// What the sink makes of an answer.
    type Out: Send + 'static;
    /// Takes the answer.
    fn accept<T: Serialize + Send + 'static>(self, value: T) -> Self::Out;

    /// Takes a successful platform answer still undecoded, for a call made with
    /// [`RequestOptions::raw_answer`](crate::RequestOptions::raw_answer): a binding can decode
    /// it straight into its own objects. `raw.decode::<T>()` gives the typed answer (failing
    /// as the typed call would) and `items` the part of it the operation answers; what this
    /// provided method does, handing that to [`Sink::accept`].
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] for a body that is not a `T` inside the envelope.
    #[doc(hidden)]
    fn accept_raw<T, U>(self, raw: RawAnswer, items: fn(T) -> U) -> Result<Self::Out>
    where
        Self: Sized,
        T: DeserializeOwned + Send + 'static,
        U: Serialize + Send + 'static,
    {
        Ok(self.accept(items(raw.decode::<T>()?)))
    }
}

/// A successful platform answer handed over undecoded (see [`Sink::accept_raw`]): its body
/// (`{"data": ..., "meta": ...}`) and metadata.
#[doc(hidden)]
pub struct RawAnswer {
    body: bytes::Bytes,
    meta: crate::options::ResponseMeta,
    secrets: crate::transport::SecretSource,
}

impl std::fmt::Debug for RawAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // the body can hold secrets (a new API key): only its size is shown
        f.debug_struct("RawAnswer")
            .field("bytes", &self.body.len())
            .field("status", &self.meta.status)
            .finish_non_exhaustive()
    }
}

impl RawAnswer {
    pub(crate) fn new(
        body: bytes::Bytes,
        meta: crate::options::ResponseMeta,
        secrets: crate::transport::SecretSource,
    ) -> Self {
        RawAnswer {
            body,
            meta,
            secrets,
        }
    }

    /// The whole body, the envelope included.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The answer's metadata (status, request id, rate limit).
    pub fn meta(&self) -> &crate::options::ResponseMeta {
        &self.meta
    }

    /// The envelope's `data` as a `T`.
    ///
    /// # Errors
    ///
    /// [`Error::Decode`], as the typed call fails on the same body.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T> {
        let env: crate::platform::Envelope<T> =
            crate::transport::decode_body(&self.body, &self.meta)
                .map_err(|e| self.secrets.scrub(e))?;
        Ok(env.data)
    }
}

/// The future of a one-shot call made through a dispatch table: its answer (or the part
/// `items` picks) given to `sink`, typed or, when the call asked for it, undecoded.
pub(crate) async fn deliver<F, T, U, S>(call: F, sink: S, items: fn(T) -> U) -> Result<S::Out>
where
    F: std::future::Future<Output = Result<T>>,
    T: DeserializeOwned + Send + 'static,
    U: Serialize + Send + 'static,
    S: Sink,
{
    match call.await {
        Ok(value) => Ok(sink.accept(items(value))),
        Err(Error::RawAnswer(raw)) => sink.accept_raw(*raw, items),
        Err(e) => Err(e),
    }
}

/// Receives the typed paginator of a [`paginate`](crate::platform::dispatch::paginate).
pub trait PagesSink {
    /// What the sink makes of a paginator.
    type Out;
    /// Takes the paginator (nothing has been sent yet).
    fn accept<P>(self, pages: Paginator<P>) -> Self::Out
    where
        P: Paged + Serialize + DeserializeOwned + Sync,
        P::Item: Serialize + Sync;
}

/// A prepared call: the future that sends it.
pub type Call<T> = BoxFuture<'static, Result<T>>;

/// How an operation is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// One answer (`call`).
    Call,
    /// One answer that is a list (`call`; the sink gets the list).
    Items,
    /// A paginated list (`paginate`).
    Pages,
    /// A stream (`stream`).
    Stream,
}

impl Kind {
    /// The `kind` of the operation's `x-sdk` entry: `call`, `items`, `pages` or `stream`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Call => "call",
            Kind::Items => "items",
            Kind::Pages => "pages",
            Kind::Stream => "stream",
        }
    }
}

/// The arguments of one operation, taken apart as its method needs them.
#[derive(Debug)]
pub(crate) struct Args<'a> {
    op: &'a str,
    map: Map<String, Value>,
}

impl<'a> Args<'a> {
    pub(crate) fn new(op: &'a str, args: Value) -> Result<Self> {
        match args {
            Value::Null => Ok(Args {
                op,
                map: Map::new(),
            }),
            Value::Object(map) => Ok(Args { op, map }),
            other => Err(Error::InvalidArgument(format!(
                "the arguments of {op} must be an object, not {}",
                kind_of(&other)
            ))),
        }
    }

    /// Takes the string argument `name` out (a path id, a message).
    pub(crate) fn string(&mut self, name: &str) -> Result<String> {
        match self.map.remove(name) {
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(Error::InvalidArgument(format!(
                "{name} of {} must be a string, not {}",
                self.op,
                kind_of(&other)
            ))),
            None => Err(Error::InvalidArgument(format!(
                "{} needs the argument {name}",
                self.op
            ))),
        }
    }

    /// Takes the string argument `name` out if it is there (absent or `null`: `None`).
    pub(crate) fn optional_string(&mut self, name: &str) -> Result<Option<String>> {
        match self.map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.string(name).map(Some),
        }
    }

    /// Takes the object argument `name` out (absent or `null`: empty).
    pub(crate) fn object(&mut self, name: &str) -> Result<Map<String, Value>> {
        match self.map.remove(name) {
            Some(Value::Object(m)) => Ok(m),
            None | Some(Value::Null) => Ok(Map::new()),
            Some(other) => Err(Error::InvalidArgument(format!(
                "{name} of {} must be an object, not {}",
                self.op,
                kind_of(&other)
            ))),
        }
    }

    /// The remaining arguments as the operation's params type. A top-level argument the type
    /// does not have is refused (a misspelt parameter, or a request option passed among the
    /// parameters, would otherwise be dropped without a word); unknown keys inside a nested
    /// object are left to the type (a free-form object keeps them).
    pub(crate) fn params<T: DeserializeOwned + Serialize>(self) -> Result<T> {
        let op = self.op;
        let mut unknown: Vec<String> = Vec::new();
        // serde builds a struct from an array too (its fields in order): an array given where
        // the contract has an object would be sent as that object, so it is found below
        let given = has_array(&self.map, 0).then(|| Value::Object(self.map.clone()));
        // every key the type would drop, at any depth (`config.foo` of an agent's settings
        // went missing without a word); free-form objects keep their keys, so they never
        // appear here
        let params = serde_ignored::deserialize(Value::Object(self.map), |path| {
            unknown.push(match path {
                serde_ignored::Path::Map {
                    parent: serde_ignored::Path::Root,
                    key,
                } => key.clone(),
                nested => dotted(&nested),
            });
        })
        .map_err(|e| Error::InvalidArgument(format!("invalid {op} params: {e}")))?;
        if !unknown.is_empty() {
            unknown.sort();
            return Err(Error::InvalidArgument(format!(
                "{op} has no parameter {} (request options such as timeout go in the options \
                 argument)",
                unknown
                    .iter()
                    .map(|k| format!("{k:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        if let Some(given) = given
            && let Ok(sent) = serde_json::to_value(&params)
            && let Some(path) = array_made_object(&given, &sent, String::new(), 0)
        {
            return Err(Error::InvalidArgument(format!(
                "{path} of {op} must be an object, not an array"
            )));
        }
        Ok(params)
    }
}

/// A parameter's path as the caller wrote it (`config.foo`, `items.0.name`), without the
/// `?` serde_ignored shows for an optional value.
fn dotted(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    let join = |parent: &Path<'_>, last: String| {
        let head = dotted(parent);
        if head.is_empty() {
            last
        } else {
            format!("{head}.{last}")
        }
    };
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => join(parent, index.to_string()),
        Path::Map { parent, key } => join(parent, key.clone()),
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => dotted(parent),
    }
}

/// Whether an array is anywhere in `map` (to the depth the arguments are read).
fn has_array(map: &Map<String, Value>, depth: u32) -> bool {
    depth < 128
        && map.values().any(|v| match v {
            Value::Array(_) => true,
            Value::Object(m) => has_array(m, depth.saturating_add(1)),
            _ => false,
        })
}

/// The path of a member that was `given` as an array and is `sent` as an object.
fn array_made_object(given: &Value, sent: &Value, path: String, depth: u32) -> Option<String> {
    if depth >= 128 {
        return None;
    }
    match (given, sent) {
        (Value::Array(_), Value::Object(_)) => Some(if path.is_empty() {
            "the arguments".to_owned()
        } else {
            path
        }),
        (Value::Object(g), Value::Object(s)) => g.iter().find_map(|(k, gv)| {
            let sv = s.get(k)?;
            let at = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            array_made_object(gv, sv, at, depth.saturating_add(1))
        }),
        (Value::Array(g), Value::Array(s)) => {
            g.iter().zip(s).enumerate().find_map(|(i, (gv, sv))| {
                array_made_object(gv, sv, format!("{path}[{i}]"), depth.saturating_add(1))
            })
        }
        _ => None,
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The error of an operation name a table does not have.
pub(crate) fn unknown(service: &str, what: &str, op: &str) -> Error {
    Error::InvalidArgument(format!("unknown {service} {what} {op:?}"))
}

/// Runs `$call` (an expression using what the arm moved in) and gives its answer, or the
/// answer's `$items` member, to the sink.
macro_rules! answer {
    // an answer that is not decoded from one body (a conversation with its handle): the call
    // is made typed, whatever its options asked
    (typed $sink:ident, $o:ident, $call:expr $(, $items:ident)?) => {{
        $o.raw_answer = false;
        let fut: $crate::dispatch::Call<_> = Box::pin(async move {
            let value = $call.await?;
            Ok($sink.accept(value $(.$items)?))
        });
        Ok(fut)
    }};
    ($sink:ident, $call:expr $(, $items:ident)?) => {{
        let fut: $crate::dispatch::Call<_> = Box::pin($crate::dispatch::deliver(
            async move { $call.await },
            $sink,
            |value| value $(.$items)?,
        ));
        Ok(fut)
    }};
}
pub(crate) use answer;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_top_level_argument_the_params_do_not_have_is_refused() {
        #[derive(serde::Deserialize, serde::Serialize, Debug)]
        #[allow(dead_code)]
        struct P {
            #[serde(rename = "isPublic")]
            is_public: Option<bool>,
            config: Option<serde_json::Map<String, Value>>,
        }
        let a = Args::new(
            "agents.list",
            serde_json::json!({"isPublic": true, "timeout": -5, "signal": {}}),
        )
        .unwrap();
        let e = a.params::<P>().unwrap_err().to_string();
        assert!(
            e.contains(r#"agents.list has no parameter "signal", "timeout""#),
            "{e}"
        );
        // keys inside a free-form object are the caller's
        let a = Args::new(
            "agents.list",
            serde_json::json!({"config": {"anything": 1}}),
        )
        .unwrap();
        assert!(a.params::<P>().is_ok());
    }

    #[test]
    fn a_nested_key_the_params_do_not_have_is_refused() {
        #[derive(serde::Deserialize, serde::Serialize, Debug)]
        #[allow(dead_code)]
        struct Config {
            temperature: Option<f64>,
        }
        #[derive(serde::Deserialize, serde::Serialize, Debug)]
        #[allow(dead_code)]
        struct P {
            config: Option<Config>,
            items: Option<Vec<Config>>,
        }
        let a = Args::new(
            "agents.create",
            serde_json::json!({"config": {"temperature": 0.5, "foo": 1},
                               "items": [{"temperature": 1.0}, {"bar": 2}]}),
        )
        .unwrap();
        let e = a.params::<P>().unwrap_err().to_string();
        assert!(
            e.contains(r#"agents.create has no parameter "config.foo", "items.1.bar""#),
            "{e}"
        );
    }

    #[test]
    fn an_array_where_the_contract_has_an_object_is_refused() {
        #[derive(serde::Deserialize, serde::Serialize, Debug)]
        struct Config {
            temperature: Option<f64>,
            #[serde(rename = "maxTokens")]
            max_tokens: Option<u32>,
        }
        #[derive(serde::Deserialize, serde::Serialize, Debug)]
        struct P {
            name: String,
            config: Option<Config>,
            tags: Option<Vec<String>>,
            items: Option<Vec<Config>>,
        }
        let params = |v: Value| Args::new("agents.create", v).unwrap().params::<P>();
        // serde alone would take [0.9, 77] as {temperature: 0.9, maxTokens: 77}
        let e = params(serde_json::json!({"name": "a", "config": [0.9, 77]})).unwrap_err();
        assert!(
            e.to_string()
                .contains("config of agents.create must be an object, not an array"),
            "{e}"
        );
        let e = params(serde_json::json!({"name": "a", "items": [{"temperature": 1}, [2, 3]]}))
            .unwrap_err();
        assert!(e.to_string().contains("items[1] of agents.create"), "{e}");
        // arrays where the contract has arrays are fine
        let p =
            params(serde_json::json!({"name": "a", "tags": ["x"], "items": [{"maxTokens": 5}]}))
                .unwrap();
        assert_eq!(p.items.unwrap()[0].max_tokens, Some(5));
    }

    #[test]
    fn arguments_are_taken_apart_or_refused() {
        let mut a = Args::new("x.y", serde_json::json!({"id": "a", "limit": 2})).unwrap();
        assert_eq!(a.string("id").unwrap(), "a");
        #[derive(serde::Deserialize, serde::Serialize)]
        struct P {
            limit: u32,
        }
        assert_eq!(a.params::<P>().unwrap().limit, 2);

        let mut a = Args::new("x.y", Value::Null).unwrap();
        assert!(
            a.string("id")
                .unwrap_err()
                .to_string()
                .contains("needs the argument id")
        );
        assert!(a.object("parameters").unwrap().is_empty());
        let e = Args::new("x.y", serde_json::json!([1])).unwrap_err();
        assert!(
            e.to_string().contains("must be an object, not an array"),
            "{e}"
        );
        let mut a = Args::new("x.y", serde_json::json!({"id": 3})).unwrap();
        assert!(
            a.string("id")
                .unwrap_err()
                .to_string()
                .contains("not a number")
        );
        let a = Args::new("x.y", serde_json::json!({"limit": "2"})).unwrap();
        assert!(a.params::<P>().is_err());
        assert!(
            unknown("platform", "operation", "no.such")
                .to_string()
                .contains("\"no.such\"")
        );
    }
}
