//! The OpenAPI 3.1 documents of both services, generated from one source of truth.
//!
//! The shapes come from the SDK's own Rust types (`agents-sdk` with its `schema` feature derives
//! `schemars::JsonSchema` next to `serde`'s derives, so the schema of a type is the type); the
//! rest of each operation (method, path, operation id, parameters, which type is the body and
//! which the answer, the error statuses, streaming) is one row of a table below. Nothing about
//! an operation's shape is written twice: the documents in `spec/*.openapi.json` are this
//! crate's output, checked for drift by `cargo run -p agents-spec -- --check`.
//!
//! See `docs/contract.md` for the decision and how to add an operation.

use agents_sdk::ops::types as ops;
use agents_sdk::platform::types as platform;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value, json};

mod tables;

pub use tables::{OPS, PLATFORM};

/// Builds a schema for the generator: a `$ref` into `components/schemas` or an inline schema.
pub type SchemaFn = fn(&mut SchemaGenerator) -> Schema;

/// A reference to `T`'s schema under `#/components/schemas/`.
pub fn reference<T: JsonSchema>(g: &mut SchemaGenerator) -> Schema {
    g.subschema_for::<T>()
}

/// `T`'s own schema, inline (query parameters are the properties of a params struct).
pub fn inline<T: JsonSchema>(g: &mut SchemaGenerator) -> Schema {
    T::json_schema(g)
}

/// What a successful call answers.
#[derive(Debug, Clone, Copy)]
pub enum Success {
    /// A JSON body of this schema (wrapped in the platform's `{data, meta}` envelope).
    Json {
        /// 200 or 201.
        status: u16,
        /// The schema of the body (of `data` on the platform).
        schema: SchemaFn,
    },
    /// A `text/event-stream` whose events are listed (SSE event name, schema of its `data`).
    Sse(&'static [(&'static str, SchemaFn)]),
    /// JSON or an event stream, chosen by the request (ops `POST /api/chat`'s `stream`).
    JsonOrSse {
        /// The JSON answer.
        json: SchemaFn,
        /// The schema of every `data:` line (a tagged union).
        event: SchemaFn,
    },
    /// A redirect (`302 Found` with `Location`).
    Redirect,
}

/// How an SDK method hands the answer back (`x-sdk` `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The answer as it is (a JSON object, or the `Location` of a redirect).
    Call,
    /// The answer is an object; the method returns its `items` member, a list.
    Items,
    /// A paginated list: each page is the answer object, its items are its `items` member.
    Pages,
    /// A `text/event-stream` answer, read event by event.
    Stream,
}

impl Kind {
    /// The `x-sdk` spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Call => "call",
            Kind::Items => "items",
            Kind::Pages => "pages",
            Kind::Stream => "stream",
        }
    }
}

/// One SDK method an operation backs: an entry of the operation's `x-sdk` array, which the
/// Python and Node generators read (see `docs/contract.md`).
#[derive(Debug, Clone, Copy)]
pub struct Sdk {
    /// The method, dotted, snake_case (`finance.budgets.list`), as `API.md` names it.
    pub name: &'static str,
    /// How the answer comes back.
    pub kind: Kind,
    /// For [`Kind::Items`] and [`Kind::Pages`]: the answer's member holding the list.
    pub items: Option<&'static str>,
    /// The arguments (wire names) taken positionally, in order: the path ids, then body
    /// members such as `content`.
    pub positional: &'static [&'static str],
    /// Body members the method sets itself instead of taking them as arguments
    /// (`chat.send` sends `stream: false`).
    pub sets: &'static [(&'static str, bool)],
    /// What the method does (Markdown, single backticks for code, no language's words).
    pub doc: &'static str,
    /// What it returns (same rules).
    pub returns: &'static str,
    /// Example code: (Python, TypeScript).
    pub example: Option<(&'static str, &'static str)>,
}

impl Sdk {
    const fn new(name: &'static str, kind: Kind, items: Option<&'static str>) -> Sdk {
        Sdk {
            name,
            kind,
            items,
            positional: &[],
            sets: &[],
            doc: "",
            returns: "",
            example: None,
        }
    }

    /// A method returning the answer as it is.
    pub const fn call(name: &'static str) -> Sdk {
        Sdk::new(name, Kind::Call, None)
    }

    /// A method returning the list in the answer's member `items`.
    pub const fn items(name: &'static str, items: &'static str) -> Sdk {
        Sdk::new(name, Kind::Items, Some(items))
    }

    /// A paginated list whose pages hold their items in the member `items`.
    pub const fn pages(name: &'static str, items: &'static str) -> Sdk {
        Sdk::new(name, Kind::Pages, Some(items))
    }

    /// A method reading an event stream.
    pub const fn stream(name: &'static str) -> Sdk {
        Sdk::new(name, Kind::Stream, None)
    }

    /// The arguments taken positionally (wire names, in order).
    pub const fn positional(self, positional: &'static [&'static str]) -> Sdk {
        Sdk { positional, ..self }
    }

    /// Body members the method sets itself.
    pub const fn sets(self, sets: &'static [(&'static str, bool)]) -> Sdk {
        Sdk { sets, ..self }
    }

    /// What the method does and what it returns.
    pub const fn doc(self, doc: &'static str, returns: &'static str) -> Sdk {
        Sdk {
            doc,
            returns,
            ..self
        }
    }

    /// Example code in Python and TypeScript.
    pub const fn example(self, python: &'static str, typescript: &'static str) -> Sdk {
        Sdk {
            example: Some((python, typescript)),
            ..self
        }
    }

    /// The `x-sdk` entry.
    pub fn to_value(&self) -> Value {
        let mut out = json!({
            "name": self.name,
            "kind": self.kind.as_str(),
            "positional": self.positional,
        });
        if let Some(items) = self.items {
            out["items"] = json!(items);
        }
        if !self.sets.is_empty() {
            out["sets"] = Value::Object(
                self.sets
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), Value::Bool(*v)))
                    .collect(),
            );
        }
        if !self.doc.is_empty() {
            out["doc"] = json!(self.doc);
        }
        if !self.returns.is_empty() {
            out["returns"] = json!(self.returns);
        }
        if let Some((python, typescript)) = self.example {
            out["example"] = json!({"python": python, "typescript": typescript});
        }
        out
    }
}

/// One operation of a service: one row of its table.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// `get`, `post`, `put`, `patch` or `delete`.
    pub method: &'static str,
    /// The path below the service's base URL, with `{id}` for the path parameter.
    pub path: &'static str,
    /// The `operationId`.
    pub id: &'static str,
    /// The SDK methods it backs (one, or `chat.send` and `chat.stream` for ops `POST
    /// /api/chat`): the `x-sdk` array, and the description's "SDK: `users.list`.".
    pub sdk: &'static [Sdk],
    /// The tag (resource).
    pub tag: &'static str,
    /// One line.
    pub summary: &'static str,
    /// Whether the caller must authenticate.
    pub auth: bool,
    /// The query parameters: the properties of this (inline) object schema.
    pub query: Option<SchemaFn>,
    /// The JSON request body, always required when present.
    pub body: Option<SchemaFn>,
    /// The success answer.
    pub success: Success,
    /// Error statuses besides the ones every operation can answer (401 when authenticated,
    /// 429, 500, 503; 413, 409 and 422 for requests with a body).
    pub errors: &'static [u16],
}

/// How a service differs from the other.
#[derive(Debug, Clone, Copy)]
pub struct Service {
    /// `platform` or `ops`.
    pub name: &'static str,
    /// Document title.
    pub title: &'static str,
    /// Document description (Markdown).
    pub description: &'static str,
    /// Server URLs (the first is the sandbox's default).
    pub servers: &'static [(&'static str, &'static str)],
    /// Whether answers are wrapped in `{data, meta}`.
    pub envelope: bool,
    /// The schema of an error answer.
    pub error: SchemaFn,
    /// The schema of `details` of a 400 answer, if the service has one.
    pub validation_details: Option<SchemaFn>,
    /// The schema of `details` of a 429 answer, if the service has one.
    pub rate_limit_details: Option<SchemaFn>,
    /// The code of a 400 answer.
    pub validation_code: &'static str,
    /// The security scheme.
    pub security: (&'static str, &'static str, &'static str),
    /// Whether every answer carries the `X-RateLimit-*` headers (the ops service counts only
    /// authenticated requests, so its 401s and login answers have none).
    pub rate_limit_headers_always: bool,
    /// Whether a missing body reads as `{}` (so a body whose members are all optional is not
    /// required).
    pub empty_body_is_object: bool,
    /// The event names a webhook subscription accepts on this service.
    pub webhook_events: fn() -> Vec<String>,
    /// The tags, in order, with a description.
    pub tags: &'static [(&'static str, &'static str)],
    /// The operations.
    pub operations: &'static [Operation],
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request: a parameter or the body breaks this document",
        401 => "Unauthorized: missing, unknown or expired credentials",
        403 => "Forbidden: the caller may not do this",
        404 => "Not Found",
        409 => {
            "Conflict (an Idempotency-Key in use or reused with another request, or a duplicate)"
        }
        413 => "Payload Too Large",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests: the rate limit is exhausted (see Retry-After)",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Error",
    }
}

/// Draft 2020-12 (OpenAPI 3.1's dialect) with definitions under `components/schemas`. An
/// `Option` field is optional, not nullable: the SDK leaves an absent value out instead of
/// sending `null`, and the sandbox answers the same way.
fn settings() -> SchemaSettings {
    SchemaSettings::draft2020_12().with(|s| {
        s.definitions_path = "#/components/schemas/".into();
        s.meta_schema = None;
    })
}

/// Removes `null` from the types the derives give `Option` fields (`["string", "null"]`,
/// `anyOf: [X, {"type": "null"}]`), for query parameters (a query string has no null). In
/// JSON bodies and answers `null` stays allowed where the type is an `Option`: it reads as
/// absent (and in a few answers it means something, such as an unlimited quota).
fn drop_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".to_owned(), only);
                }
            }
            let nullable_alternative = match map.get("anyOf") {
                Some(Value::Array(alts)) if alts.len() == 2 => alts
                    .iter()
                    .position(|a| a == &json!({"type": "null"}))
                    .map(|null| alts[1 - null].clone()),
                _ => None,
            };
            if let Some(Value::Object(other)) = nullable_alternative {
                map.remove("anyOf");
                for (k, v) in other {
                    map.entry(k).or_insert(v);
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// Request bodies are closed: a member the SDK cannot send is an error (`400`), so the
/// documents, the SDK and the sandbox cannot drift apart silently. Nested objects stay open
/// where the type says so (maps of extra settings).
fn close_request_bodies(schemas: &mut Value, bodies: &[String]) {
    for name in bodies {
        if let Some(Value::Object(schema)) = schemas.get_mut(name)
            && schema.get("type").and_then(Value::as_str) == Some("object")
        {
            schema
                .entry("additionalProperties")
                .or_insert(Value::Bool(false));
        }
    }
}

/// The integer range each `format` the derives emit stands for, made explicit so tools
/// generate only numbers the Rust types can hold.
fn bound_integers(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let range = match map.get("format").and_then(Value::as_str) {
                Some("uint8") => Some((json!(0), json!(u8::MAX))),
                Some("uint16") => Some((json!(0), json!(u16::MAX))),
                Some("uint32") => Some((json!(0), json!(u32::MAX))),
                Some("uint64") | Some("uint") => Some((json!(0), json!(u64::MAX))),
                Some("int32") => Some((json!(i32::MIN), json!(i32::MAX))),
                Some("int64") | Some("int") => Some((json!(i64::MIN), json!(i64::MAX))),
                _ => None,
            };
            if let Some((min, max)) = range {
                map.entry("minimum").or_insert(min);
                map.entry("maximum").or_insert(max);
            }
            for v in map.values_mut() {
                bound_integers(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(bound_integers),
        _ => {}
    }
}

fn rate_limit_headers(with_retry_after: bool) -> Value {
    let mut headers = json!({
        "X-RateLimit-Limit": {"$ref": "#/components/headers/X-RateLimit-Limit"},
        "X-RateLimit-Remaining": {"$ref": "#/components/headers/X-RateLimit-Remaining"},
        "X-RateLimit-Reset": {"$ref": "#/components/headers/X-RateLimit-Reset"},
        "X-Request-Id": {"$ref": "#/components/headers/X-Request-Id"},
    });
    if with_retry_after {
        headers["Retry-After"] = json!({"$ref": "#/components/headers/Retry-After"});
    }
    headers
}

fn header_components(service: &Service) -> Value {
    let always = service.rate_limit_headers_always;
    json!({
        "X-RateLimit-Limit": {
            "description": "Requests allowed in the current window.",
            "required": always,
            "schema": {"type": "integer", "minimum": 0}
        },
        "X-RateLimit-Remaining": {
            "description": "Requests left in the current window.",
            "required": always,
            "schema": {"type": "integer", "minimum": 0}
        },
        "X-RateLimit-Reset": {
            "description": "When the window resets, in Unix seconds.",
            "required": always,
            "schema": {"type": "integer", "minimum": 0}
        },
        "X-Request-Id": {
            "description": "The request's id (quote it when reporting a problem).",
            "required": true,
            "schema": {"type": "string", "minLength": 1}
        },
        "Retry-After": {
            "description": "Seconds to wait before retrying.",
            "required": true,
            "schema": {"type": "integer", "minimum": 0}
        },
        "Location": {
            "description": "Where to go next.",
            "required": true,
            "schema": {"type": "string", "minLength": 1}
        }
    })
}

fn envelope(service: &Service, data: Schema) -> Value {
    if service.envelope {
        json!({
            "type": "object",
            "required": ["data"],
            "properties": {
                "data": data,
                "meta": {"$ref": "#/components/schemas/Meta"}
            }
        })
    } else {
        data.to_value()
    }
}

/// The `parameters` of an operation: its path parameter and the properties of its query
/// object, each with the property's schema and description.
fn parameters(op: &Operation, g: &mut SchemaGenerator) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = op.path;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        // `/users/{id}` → "The user's id."
        let resource = rest[..start]
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default();
        let singular = resource.strip_suffix('s').unwrap_or(resource);
        out.push(json!({
            "name": name,
            "in": "path",
            "required": true,
            "description": format!("The {singular}'s id."),
            "schema": {"type": "string", "minLength": 1}
        }));
        rest = &after[end + 1..];
    }
    if let Some(query) = op.query {
        let schema = query(g).to_value();
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (name, prop) in props {
                let mut prop = prop.clone();
                drop_null(&mut prop);
                let description = prop
                    .as_object_mut()
                    .and_then(|p| p.remove("description"))
                    .unwrap_or(Value::Null);
                let mut param = json!({
                    "name": name,
                    "in": "query",
                    "required": required.contains(&name.as_str()),
                    "schema": prop,
                });
                if !description.is_null() {
                    param["description"] = description;
                }
                out.push(param);
            }
        }
    }
    if op.body.is_some() && op.method == "post" {
        out.push(json!({"$ref": "#/components/parameters/Idempotency-Key"}));
    }
    out
}

/// A `text/event-stream` body: the schema describes one event as tools parse it
/// (`event`, `data`, `id`, `retry`), with `data` a JSON text whose schema is `contentSchema`
/// (JSON Schema 2020-12; OpenAPI 3.2 calls this `itemSchema`).
fn sse_content(events: &[(Option<&str>, Value)], description: &str) -> Value {
    let alternatives: Vec<Value> = events
        .iter()
        .map(|(name, data)| {
            let mut event = json!({
                "type": "object",
                "required": ["data"],
                "properties": {
                    "data": {
                        "type": "string",
                        "contentMediaType": "application/json",
                        "contentSchema": data
                    },
                    "id": {"type": "string"},
                    "retry": {"type": "integer", "minimum": 0}
                }
            });
            match name {
                Some(name) => {
                    event["properties"]["event"] = json!({"const": name});
                    event["required"] = json!(["event", "data"]);
                }
                None => event["properties"]["event"] = json!({"const": "message"}),
            }
            event
        })
        .collect();
    let schema = if alternatives.len() == 1 {
        alternatives.into_iter().next().unwrap_or_default()
    } else {
        json!({"oneOf": alternatives})
    };
    let mut schema = schema;
    schema["description"] = Value::String(description.to_owned());
    json!({"text/event-stream": {"schema": schema}})
}

fn operation(service: &Service, op: &Operation, g: &mut SchemaGenerator) -> Value {
    let mut responses = Map::new();
    let ok_headers = rate_limit_headers(false);
    match op.success {
        Success::Json { status, schema } => {
            let body = envelope(service, schema(g));
            responses.insert(
                status.to_string(),
                json!({
                    "description": if status == 201 { "Created" } else { "OK" },
                    "headers": ok_headers,
                    "content": {"application/json": {"schema": body}}
                }),
            );
        }
        Success::Sse(events) => {
            let mut all: Vec<(Option<&str>, Value)> = events
                .iter()
                .map(|(name, schema)| (Some(*name), schema(g).to_value()))
                .collect();
            all.push((Some("error"), error_detail(service, g)));
            responses.insert(
                "200".to_owned(),
                json!({
                    "description": "An SSE stream: `token` events, then one `done` (an \
                        `error` event ends a failed answer). Each event's `data` is one JSON \
                        object, described by `contentSchema`.",
                    "headers": ok_headers,
                    "content": sse_content(&all, "One server-sent event, by event name")
                }),
            );
        }
        Success::JsonOrSse { json: body, event } => {
            let body = envelope(service, body(g));
            let event = event(g).to_value();
            let mut content = sse_content(
                &[(None, event)],
                "One server-sent event: unnamed, its `data` one JSON object tagged by `type`; \
                 the last is `done` or `error`.",
            );
            content["application/json"] = json!({"schema": body});
            responses.insert(
                "200".to_owned(),
                json!({
                    "description": "With `stream: false`, one JSON answer; with `stream: true`, \
                        an SSE stream of typed events.",
                    "headers": ok_headers,
                    "content": content
                }),
            );
        }
        Success::Redirect => {
            let mut headers = ok_headers;
            headers["Location"] = json!({"$ref": "#/components/headers/Location"});
            responses.insert(
                "302".to_owned(),
                json!({
                    "description": "A redirect to the identity provider (not followed by the \
                        SDK: an API key must never travel there).",
                    "headers": headers
                }),
            );
        }
    }
    let mut errors: Vec<u16> = op.errors.to_vec();
    if op.auth {
        errors.push(401);
    }
    if op.body.is_some() {
        errors.extend([400, 413]);
        if op.method == "post" {
            errors.extend([409]);
        }
    }
    if op.query.is_some() {
        errors.push(400);
    }
    errors.extend([429, 500, 503]);
    errors.sort_unstable();
    errors.dedup();
    for status in errors {
        responses.insert(
            status.to_string(),
            json!({"$ref": format!("#/components/responses/E{status}")}),
        );
    }
    let mut out = json!({
        "operationId": op.id,
        "tags": [op.tag],
        "summary": op.summary,
        "description": format!("SDK: `{}`.", sdk_names(op)),
        "responses": responses,
        "x-sdk": op.sdk.iter().map(Sdk::to_value).collect::<Vec<_>>(),
    });
    let params = parameters(op, g);
    if !params.is_empty() {
        out["parameters"] = Value::Array(params);
    }
    if let Some(body) = op.body {
        // Required, except on a service that reads no body as `{}` when every member is
        // optional (ops).
        let schema = body(g);
        let name = schema
            .as_object()
            .and_then(|o| o.get("$ref"))
            .and_then(Value::as_str)
            .and_then(|r| r.rsplit('/').next())
            .unwrap_or_default()
            .to_owned();
        let required = g
            .definitions()
            .get(&name)
            .and_then(|d| d.get("required"))
            .and_then(Value::as_array)
            .is_some_and(|r| !r.is_empty())
            || !service.empty_body_is_object;
        out["requestBody"] = json!({
            "required": required,
            "content": {"application/json": {"schema": schema}}
        });
    }
    out["security"] = if op.auth {
        json!([{ service.security.0: [] }])
    } else {
        json!([])
    };
    out
}

/// The SDK methods of an operation, as its description names them (`chat.send / chat.stream`).
pub fn sdk_names(op: &Operation) -> String {
    op.sdk
        .iter()
        .map(|m| m.name)
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The schema of an SSE `error` event's data: the `error` member of the error body (both
/// services name it `ErrorDetail`).
fn error_detail(service: &Service, g: &mut SchemaGenerator) -> Value {
    let _ = (service.error)(g);
    json!({"$ref": "#/components/schemas/ErrorDetail"})
}

fn error_responses(service: &Service, g: &mut SchemaGenerator) -> Value {
    let mut out = Map::new();
    for status in [400u16, 401, 403, 404, 409, 413, 422, 429, 500, 503] {
        let base = (service.error)(g).to_value();
        let details = match status {
            400 => service.validation_details.map(|f| f(g).to_value()),
            429 => service.rate_limit_details.map(|f| f(g).to_value()),
            _ => None,
        };
        let schema = match details {
            Some(details) => json!({
                "allOf": [base, {
                    "type": "object",
                    "properties": {"error": {
                        "type": "object",
                        "properties": {"details": details}
                    }}
                }]
            }),
            None => base,
        };
        let mut description = reason(status).to_owned();
        if status == 400 {
            description.push_str(&format!(
                " (`{}`; `details.field` names the offending parameter or body field)",
                service.validation_code
            ));
        }
        out.insert(
            format!("E{status}"),
            json!({
                "description": description,
                "headers": rate_limit_headers(status == 429),
                "content": {"application/json": {"schema": schema}}
            }),
        );
    }
    Value::Object(out)
}

/// The OpenAPI 3.1 document of a service.
pub fn document(service: &Service) -> Value {
    let mut g = SchemaGenerator::new(settings());
    let mut paths = Map::new();
    let mut bodies = Vec::new();
    for op in service.operations {
        if let Some(body) = op.body
            && let Some(name) = body(&mut g)
                .as_object()
                .and_then(|o| o.get("$ref"))
                .and_then(Value::as_str)
                .and_then(|r| r.rsplit('/').next())
        {
            bodies.push(name.to_owned());
        }
        let item = paths.entry(op.path.to_owned()).or_insert_with(|| json!({}));
        item[op.method] = operation(service, op, &mut g);
    }
    let responses = error_responses(service, &mut g);
    let _ = g.subschema_for::<platform::Meta>();
    let mut schemas = Value::Object(g.take_definitions(true));
    if !service.envelope
        && let Some(map) = schemas.as_object_mut()
    {
        map.remove("Meta");
    }
    close_request_bodies(&mut schemas, &bodies);
    if let Some(events) = schemas.pointer_mut("/CreateWebhookParams/properties/events") {
        events["items"] = json!({"type": "string", "enum": (service.webhook_events)()});
    }
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {
            "title": service.title,
            "version": env!("CARGO_PKG_VERSION"),
            "description": service.description,
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"}
        },
        "servers": service.servers.iter().map(|(url, d)| json!({"url": url, "description": d})).collect::<Vec<_>>(),
        "tags": service.tags.iter().map(|(n, d)| json!({"name": n, "description": d})).collect::<Vec<_>>(),
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": responses,
            "headers": header_components(service),
            "parameters": {
                "Idempotency-Key": {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "Makes a retried POST safe: the same key with the same \
                        request replays the first answer; with another request it is a 409.",
                    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[\\x21-\\x7E]+$"}
                }
            },
            "securitySchemes": {
                service.security.0: {
                    "type": "http",
                    "scheme": "bearer",
                    "bearerFormat": service.security.1,
                    "description": service.security.2
                }
            }
        }
    });
    bound_integers(&mut doc);
    doc
}

/// The platform document.
pub fn platform_document() -> Value {
    document(&PLATFORM)
}

/// The ops document.
pub fn ops_document() -> Value {
    document(&OPS)
}

/// The AsyncAPI 3 document of the ops WebSocket (`/ws`).
pub fn ops_asyncapi() -> Value {
    let mut g = SchemaGenerator::new(settings());
    let client = g.subschema_for::<ops::ClientFrame>();
    let server = g.subschema_for::<ops::ChatEvent>();
    let schemas = Value::Object(g.take_definitions(true));
    let mut doc = json!({
        "asyncapi": "3.0.0",
        "info": {
            "title": "Ops agent WebSocket",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The real-time channel of the ops service. The client's first frame \
                is `auth` (a JWT from `POST /api/auth/login` or an API key); the server answers \
                `authenticated` or an `error` frame and closes. Then every `chat` frame is \
                answered with the same typed events as the SSE stream of `POST /api/chat` \
                (`thinking`, `tool_call`, `tool_result`, `message`), ending with `done` or \
                `error`; `ping` is answered with `pong`. Frames are JSON text messages."
        },
        "servers": {
            "sandbox": {"host": "localhost:8000", "protocol": "ws", "description": "The sandbox's default ops port"}
        },
        "channels": {
            "ws": {
                "address": "/ws",
                "messages": {
                    "clientFrame": {"$ref": "#/components/messages/clientFrame"},
                    "serverEvent": {"$ref": "#/components/messages/serverEvent"}
                }
            }
        },
        "operations": {
            "send": {
                "action": "send",
                "channel": {"$ref": "#/channels/ws"},
                "summary": "Frames the client sends (`auth` first, then `chat` or `ping`).",
                "messages": [{"$ref": "#/channels/ws/messages/clientFrame"}]
            },
            "receive": {
                "action": "receive",
                "channel": {"$ref": "#/channels/ws"},
                "summary": "Events the server sends.",
                "messages": [{"$ref": "#/channels/ws/messages/serverEvent"}]
            }
        },
        "components": {
            "messages": {
                "clientFrame": {"contentType": "application/json", "payload": client},
                "serverEvent": {"contentType": "application/json", "payload": server}
            },
            "schemas": schemas
        }
    });
    bound_integers(&mut doc);
    doc
}

/// Every generated document: (file name under `spec/`, pretty JSON with a final newline).
pub fn documents() -> Vec<(&'static str, String)> {
    let pretty = |v: Value| {
        let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
        s.push('\n');
        s
    };
    vec![
        ("platform.openapi.json", pretty(platform_document())),
        ("ops.openapi.json", pretty(ops_document())),
        ("ops.asyncapi.json", pretty(ops_asyncapi())),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The properties of the object schema `schema` (resolving one `$ref` into `doc`).
    fn properties<'a>(doc: &'a Value, schema: &'a Value) -> Option<&'a Map<String, Value>> {
        let schema = match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => doc.pointer(r.trim_start_matches('#'))?,
            None => schema,
        };
        schema.get("properties").and_then(Value::as_object)
    }

    /// Every `x-sdk` entry is consistent with the operation it sits on.
    fn check(service: &Service) {
        let doc = document(service);
        let mut names = std::collections::BTreeSet::new();
        for op in service.operations {
            assert!(
                !op.sdk.is_empty(),
                "{} {}: no SDK method",
                op.method,
                op.path
            );
            let item = &doc["paths"][op.path][op.method];
            let entries = item["x-sdk"].as_array().expect("x-sdk is an array");
            assert_eq!(entries.len(), op.sdk.len());
            assert_eq!(
                item["description"],
                json!(format!("SDK: `{}`.", sdk_names(op)))
            );
            let path_ids: Vec<&str> = item["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "path")
                .filter_map(|p| p["name"].as_str())
                .collect();
            let body = properties(
                &doc,
                &item["requestBody"]["content"]["application/json"]["schema"],
            );
            let answer = item["responses"]
                .as_object()
                .and_then(|r| r.iter().find(|(s, _)| s.starts_with('2')))
                .map(|(_, r)| &r["content"]["application/json"]["schema"]);
            let answer = match (service.envelope, answer) {
                (true, Some(a)) => Some(&a["properties"]["data"]),
                (_, a) => a,
            };
            let sse = matches!(op.success, Success::Sse(_) | Success::JsonOrSse { .. });
            for sdk in op.sdk {
                let name = sdk.name;
                assert!(names.insert(name), "{name} twice");
                assert!(
                    name.split('.').count() >= 2
                        && name
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
                    "{name}: not a dotted snake_case name"
                );
                // the path ids come first, in order; the rest are body members
                assert_eq!(
                    sdk.positional.get(..path_ids.len()),
                    Some(&path_ids[..]),
                    "{name}: the path ids must be positional first"
                );
                for member in &sdk.positional[path_ids.len()..] {
                    assert!(
                        body.is_some_and(|b| b.contains_key(*member)),
                        "{name}: positional {member} is not a body member"
                    );
                }
                for (member, _) in sdk.sets {
                    assert!(
                        body.is_some_and(|b| b.contains_key(*member)),
                        "{name}: sets {member}, not a body member"
                    );
                }
                match sdk.kind {
                    Kind::Items | Kind::Pages => {
                        let member = sdk.items.expect("items/pages name their member");
                        let list = answer
                            .and_then(|a| properties(&doc, a))
                            .and_then(|p| p.get(member));
                        assert_eq!(
                            list.and_then(|l| l.get("type")),
                            Some(&json!("array")),
                            "{name}: the answer has no list member {member}"
                        );
                        let paginated = answer
                            .and_then(|a| properties(&doc, a))
                            .is_some_and(|p| p.contains_key("pagination"));
                        assert_eq!(paginated, sdk.kind == Kind::Pages, "{name}: pagination");
                    }
                    Kind::Call | Kind::Stream => {
                        assert!(sdk.items.is_none(), "{name}: items without a list kind")
                    }
                }
                if sdk.kind == Kind::Stream {
                    assert!(sse, "{name}: a stream needs an event-stream answer");
                } else if !matches!(op.success, Success::JsonOrSse { .. }) {
                    assert!(!sse, "{name}: an event-stream answer needs kind stream");
                }
                if matches!(op.success, Success::JsonOrSse { .. }) {
                    assert!(!sdk.sets.is_empty(), "{name}: must set the stream flag");
                }
            }
        }
    }

    #[test]
    fn platform_x_sdk_matches_the_operations() {
        check(&PLATFORM);
    }

    #[test]
    fn ops_x_sdk_matches_the_operations() {
        check(&OPS);
        let chat: Vec<&str> = OPS.operations[1].sdk.iter().map(|s| s.name).collect();
        assert_eq!(chat, ["chat.send", "chat.stream"]);
    }

    /// Every method has language-neutral docs: single backticks, no language's type words.
    #[test]
    fn every_method_is_documented_language_neutrally() {
        for sdk in [&PLATFORM, &OPS]
            .iter()
            .flat_map(|s| s.operations)
            .flat_map(|o| o.sdk)
        {
            let name = sdk.name;
            assert!(!sdk.doc.trim().is_empty(), "{name}: no doc");
            assert!(!sdk.returns.trim().is_empty(), "{name}: no returns");
            for text in [sdk.doc, sdk.returns] {
                for word in [
                    "``", "Decimal", "List[", "Dict[", "Array", "Promise", "None", "True",
                ] {
                    assert!(!text.contains(word), "{name}: {word:?} in {text:?}");
                }
                assert_eq!(
                    text.matches('`').count() % 2,
                    0,
                    "{name}: unbalanced backticks"
                );
                assert!(text.ends_with('.'), "{name}: {text:?} is not a sentence");
            }
            if let Some((python, typescript)) = sdk.example {
                for code in [python, typescript] {
                    assert!(!code.trim().is_empty() && !code.contains(">>>"), "{name}");
                }
            }
        }
    }
}
