//! The sandbox checks every request against the committed OpenAPI documents (`spec/*.json`,
//! generated from the SDK's types): query parameters and JSON bodies that a document calls
//! invalid are answered `400` with the service's validation code and `details.field`, before
//! any handler runs. The documents are compiled in, so the sandbox does not depend on the spec
//! crate; it serves them at `{base}/openapi.json`.
//!
//! The validator covers the JSON Schema keywords the generator emits (`$ref`, `type`, `enum`,
//! `const`, `properties`, `required`, `additionalProperties`, `items`, `anyOf`/`oneOf`/`allOf`,
//! numeric and length bounds); an unknown keyword is ignored.

use std::collections::HashMap;
use std::sync::LazyLock;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::common::ErrorRenderer;

/// The platform document, as committed (`contract/` links to the generated `spec/` files, so
/// the packaged crate carries them).
pub const PLATFORM_DOCUMENT: &str = include_str!("../contract/platform.openapi.json");
/// The ops document, as committed.
pub const OPS_DOCUMENT: &str = include_str!("../contract/ops.openapi.json");
/// The ops WebSocket's AsyncAPI document, as committed.
pub const OPS_ASYNCAPI_DOCUMENT: &str = include_str!("../contract/ops.asyncapi.json");

/// A query parameter of an operation.
#[derive(Debug)]
struct Param {
    name: String,
    required: bool,
    schema: Value,
}

/// What the validator needs of one operation.
#[derive(Debug, Default)]
struct Operation {
    /// Whether the operation needs credentials (unauthenticated requests are left to the
    /// handler's 401, which comes first).
    auth: bool,
    query: Vec<Param>,
    body: Option<Value>,
    body_required: bool,
}

/// One service's document, indexed by `(METHOD, axum route template)`.
#[derive(Debug)]
pub struct Contract {
    doc: Value,
    operations: HashMap<(Method, String), Operation>,
    /// The service's 400 code (`VALIDATION_ERROR` or `INVALID_REQUEST`).
    code: &'static str,
}

/// The platform's contract (routes below `/api`).
pub static PLATFORM: LazyLock<Contract> =
    LazyLock::new(|| Contract::new(PLATFORM_DOCUMENT, "/api", "VALIDATION_ERROR"));
/// The ops service's contract.
pub static OPS: LazyLock<Contract> =
    LazyLock::new(|| Contract::new(OPS_DOCUMENT, "", "INVALID_REQUEST"));

impl Contract {
    fn new(text: &str, prefix: &str, code: &'static str) -> Contract {
        let doc: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        let mut operations = HashMap::new();
        let paths = doc.get("paths").and_then(Value::as_object);
        for (path, item) in paths.into_iter().flatten() {
            let Some(item) = item.as_object() else {
                continue;
            };
            for (method, op) in item {
                let Ok(method) = Method::from_bytes(method.to_ascii_uppercase().as_bytes()) else {
                    continue;
                };
                let mut parsed = Operation {
                    auth: op
                        .get("security")
                        .and_then(Value::as_array)
                        .is_some_and(|s| !s.is_empty()),
                    ..Operation::default()
                };
                for p in op
                    .get("parameters")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if p.get("in").and_then(Value::as_str) != Some("query") {
                        continue;
                    }
                    parsed.query.push(Param {
                        name: p
                            .get("name")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .into(),
                        required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
                        schema: p.get("schema").cloned().unwrap_or(Value::Bool(true)),
                    });
                }
                parsed.body = op
                    .pointer("/requestBody/content/application~1json/schema")
                    .cloned();
                parsed.body_required = op
                    .pointer("/requestBody/required")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                operations.insert((method, format!("{prefix}{path}")), parsed);
            }
        }
        Contract {
            doc,
            operations,
            code,
        }
    }

    /// The number of operations the document describes.
    pub fn operation_count(&self) -> usize {
        self.operations.len()
    }

    fn resolve<'a>(&'a self, schema: &'a Value) -> &'a Value {
        let mut schema = schema;
        for _ in 0..32 {
            match schema.get("$ref").and_then(Value::as_str) {
                Some(r) => match r.strip_prefix('#').and_then(|p| self.doc.pointer(p)) {
                    Some(target) => schema = target,
                    None => return &Value::Bool(true),
                },
                None => return schema,
            }
        }
        schema
    }

    /// Checks `value` against `schema`; the error names the field path, the issue and what was
    /// expected.
    fn check(&self, schema: &Value, value: &Value, path: &str) -> Result<(), Violation> {
        let schema = self.resolve(schema);
        let fail = |issue: String| Err((path.to_owned(), issue, describe(schema)));
        let Some(s) = schema.as_object() else {
            return match schema {
                Value::Bool(false) => fail("is not allowed".into()),
                _ => Ok(()),
            };
        };
        if let Some(types) = s.get("type") {
            let ok = match types {
                Value::String(t) => type_matches(t, value),
                Value::Array(ts) => ts
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|t| type_matches(t, value)),
                _ => true,
            };
            if !ok {
                return fail(format!("must be of type {}", type_names(types)));
            }
        }
        if let Some(c) = s.get("const")
            && c != value
        {
            return fail(format!("must be {c}"));
        }
        if let Some(Value::Array(options)) = s.get("enum")
            && !options.contains(value)
        {
            let names: Vec<String> = options.iter().map(Value::to_string).collect();
            return fail(format!("must be one of {}", names.join(", ")));
        }
        if let Some(n) = value.as_f64() {
            let bound = |k: &str| s.get(k).and_then(Value::as_f64);
            if bound("minimum").is_some_and(|m| n < m)
                || bound("exclusiveMinimum").is_some_and(|m| n <= m)
            {
                return fail(format!(
                    "is below the minimum {}",
                    s.get("minimum")
                        .or(s.get("exclusiveMinimum"))
                        .unwrap_or(&Value::Null)
                ));
            }
            if bound("maximum").is_some_and(|m| n > m)
                || bound("exclusiveMaximum").is_some_and(|m| n >= m)
            {
                return fail(format!(
                    "is above the maximum {}",
                    s.get("maximum")
                        .or(s.get("exclusiveMaximum"))
                        .unwrap_or(&Value::Null)
                ));
            }
        }
        if let (Some(text), Some(format)) =
            (value.as_str(), s.get("format").and_then(Value::as_str))
            && !format_matches(format, text)
        {
            return fail(format!("is not a valid {format}"));
        }
        if let Some(text) = value.as_str() {
            let len = text.chars().count() as u64;
            if s.get("minLength")
                .and_then(Value::as_u64)
                .is_some_and(|m| len < m)
            {
                return fail(format!("must have at least {} characters", s["minLength"]));
            }
            if s.get("maxLength")
                .and_then(Value::as_u64)
                .is_some_and(|m| len > m)
            {
                return fail(format!("must have at most {} characters", s["maxLength"]));
            }
        }
        if let Some(items) = value.as_array() {
            let len = items.len() as u64;
            if s.get("minItems")
                .and_then(Value::as_u64)
                .is_some_and(|m| len < m)
            {
                return fail(format!("must have at least {} items", s["minItems"]));
            }
            if s.get("maxItems")
                .and_then(Value::as_u64)
                .is_some_and(|m| len > m)
            {
                return fail(format!("must have at most {} items", s["maxItems"]));
            }
            if let Some(item_schema) = s.get("items") {
                // An item's error names the list (`events`), as the handlers do.
                for item in items {
                    self.check(item_schema, item, path)?;
                }
            }
        }
        if let Some(object) = value.as_object() {
            self.check_object(s, object, path)?;
        }
        if let Some(Value::Array(all)) = s.get("allOf") {
            for sub in all {
                self.check(sub, value, path)?;
            }
        }
        if let Some(Value::Array(any)) = s.get("anyOf") {
            let mut first = None;
            for sub in any {
                match self.check(sub, value, path) {
                    Ok(()) => {
                        first = None;
                        break;
                    }
                    Err(e) => {
                        first.get_or_insert(e);
                    }
                }
            }
            if let Some(e) = first {
                return Err(e);
            }
        }
        if let Some(Value::Array(one)) = s.get("oneOf") {
            let matching = one
                .iter()
                .filter(|sub| self.check(sub, value, path).is_ok())
                .count();
            if matching != 1 {
                return fail("must match exactly one of its alternatives".into());
            }
        }
        Ok(())
    }

    fn check_object(
        &self,
        s: &Map<String, Value>,
        object: &Map<String, Value>,
        path: &str,
    ) -> Result<(), Violation> {
        let join = |name: &str| {
            if path.is_empty() {
                name.to_owned()
            } else {
                format!("{path}.{name}")
            }
        };
        let properties = s.get("properties").and_then(Value::as_object);
        for name in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(name) = name.as_str() else { continue };
            if !object.contains_key(name) {
                let expected = properties
                    .and_then(|p| p.get(name))
                    .map_or_else(|| "a value".to_owned(), |p| describe(self.resolve(p)));
                return Err((join(name), "is required".into(), expected));
            }
        }
        if let Some(min) = s.get("minProperties").and_then(Value::as_u64)
            && (object.len() as u64) < min
        {
            return Err((
                path.to_owned(),
                format!("must have at least {min} members"),
                "an object".into(),
            ));
        }
        for (name, member) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(sub) => self.check(sub, member, &join(name))?,
                None => match s.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        let known: Vec<&str> = properties
                            .map(|p| p.keys().map(String::as_str).collect())
                            .unwrap_or_default();
                        return Err((
                            join(name),
                            "is not a known field".into(),
                            format!("only {}", known.join(", ")),
                        ));
                    }
                    Some(extra) => self.check(extra, member, &join(name))?,
                    None => {}
                },
            }
        }
        Ok(())
    }

    /// The query parameters of a request, typed by their schemas, then checked.
    fn check_query(&self, op: &Operation, query: Option<&str>) -> Result<(), Violation> {
        if !well_formed_query(query.unwrap_or("")) {
            return Err((
                "query".into(),
                "Malformed query string".into(),
                "URL-encoded UTF-8".into(),
            ));
        }
        let pairs: Vec<(String, String)> =
            url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
        for param in &op.query {
            let Some((_, raw)) = pairs.iter().find(|(k, _)| *k == param.name) else {
                if param.required {
                    return Err((
                        param.name.clone(),
                        "is required".into(),
                        describe(self.resolve(&param.schema)),
                    ));
                }
                continue;
            };
            let value = self.coerce(&param.schema, raw);
            self.check(&param.schema, &value, &param.name)?;
        }
        Ok(())
    }

    /// A query string as the JSON value its schema expects (left a string when it does not
    /// parse, so the type check reports it).
    fn coerce(&self, schema: &Value, raw: &str) -> Value {
        let schema = self.resolve(schema);
        let mut types: Vec<&str> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        for key in ["anyOf", "oneOf", "allOf"] {
            for sub in schema
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(t) = self.resolve(sub).get("type").and_then(Value::as_str) {
                    types.push(t);
                }
            }
        }
        for t in types {
            let parsed = match t {
                "integer" => raw
                    .parse::<i64>()
                    .map(Value::from)
                    .or_else(|_| raw.parse::<u64>().map(Value::from))
                    .ok(),
                "number" => raw.parse::<i64>().map(Value::from).ok().or_else(|| {
                    raw.parse::<f64>()
                        .ok()
                        .filter(|f| f.is_finite())
                        .map(Value::from)
                }),
                "boolean" => match raw {
                    "true" => Some(Value::Bool(true)),
                    "false" => Some(Value::Bool(false)),
                    _ => None,
                },
                _ => None,
            };
            if let Some(v) = parsed {
                return v;
            }
        }
        Value::String(raw.to_owned())
    }
}

/// The formats the document uses for dates (others are annotations only).
fn format_matches(format: &str, text: &str) -> bool {
    let date = |d: &str| {
        d.len() == 10
            && d.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
            && chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .is_ok_and(|d| chrono::Datelike::year(&d) >= 1)
    };
    match format {
        "date" => date(text),
        "date-time" => {
            text.get(..10).is_some_and(date)
                && matches!(text.as_bytes().get(10), Some(b'T' | b't'))
                && chrono::DateTime::parse_from_rfc3339(text).is_ok()
        }
        _ => true,
    }
}

/// Whether every `%` starts an escape of two hex digits and the decoded text is UTF-8.
fn well_formed_query(query: &str) -> bool {
    let bytes = query.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                Some(v) => decoded.push(v),
                None => return false,
            }
            i += 3;
        } else {
            decoded.push(b);
            i += 1;
        }
    }
    String::from_utf8(decoded).is_ok()
}

/// A failed check: the field path (`""` for the whole body), the issue, what was expected.
type Violation = (String, String, String);

/// What a schema expects, in a few words (`integer 1..100`, `one of "A", "B"`).
fn describe(schema: &Value) -> String {
    let Some(s) = schema.as_object() else {
        return "a value".into();
    };
    if let Some(Value::Array(options)) = s.get("enum") {
        let names: Vec<String> = options.iter().map(Value::to_string).collect();
        return format!("one of {}", names.join(", "));
    }
    if let Some(c) = s.get("const") {
        return c.to_string();
    }
    let mut out = s
        .get("type")
        .map_or_else(|| "a value".to_owned(), type_names);
    let lo = s.get("minimum").or(s.get("exclusiveMinimum"));
    let hi = s.get("maximum").or(s.get("exclusiveMaximum"));
    match (lo, hi) {
        (Some(lo), Some(hi)) => out.push_str(&format!(" {lo}..{hi}")),
        (Some(lo), None) => out.push_str(&format!(" >= {lo}")),
        (None, Some(hi)) => out.push_str(&format!(" <= {hi}")),
        (None, None) => {}
    }
    if s.get("minLength")
        .and_then(Value::as_u64)
        .is_some_and(|n| n > 0)
    {
        out = format!("non-empty {out}");
    }
    if let Some(format) = s.get("format").and_then(Value::as_str) {
        out.push_str(&format!(" ({format})"));
    }
    out
}

fn type_matches(t: &str, value: &Value) -> bool {
    match t {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        // JSON Schema: a number with a zero fractional part (`1.0`) is an integer too.
        "integer" => {
            value.is_i64()
                || value.is_u64()
                || value
                    .as_f64()
                    .is_some_and(|f| f.is_finite() && f.fract() == 0.0)
        }
        "number" => value.is_number(),
        _ => true,
    }
}

fn type_names(types: &Value) -> String {
    match types {
        Value::Array(ts) => ts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" or "),
        other => other.as_str().unwrap_or_default().to_owned(),
    }
}

/// Whether the request carries credentials the service accepted (the services' auth layers
/// insert a `Credential` for a known caller).
fn authenticated(req: &Request) -> bool {
    req.extensions()
        .get::<crate::common::Credential>()
        .is_some()
}

/// Route layer: checks the query and the JSON body of the matched operation.
pub(crate) async fn validate(
    State((contract, render)): State<(&'static LazyLock<Contract>, ErrorRenderer)>,
    req: Request,
    next: Next,
) -> Response {
    let contract: &Contract = contract;
    let Some(template) = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
    else {
        return next.run(req).await;
    };
    let Some(op) = contract.operations.get(&(req.method().clone(), template)) else {
        return next.run(req).await;
    };
    if op.auth && !authenticated(&req) {
        return next.run(req).await;
    }
    // Each service's own wording: the platform's `{field, issue, expected}` details, the ops
    // service's Spanish messages and `{field, parameter}` details.
    let reject = |(field, issue, expected): Violation| {
        let field = if field.is_empty() {
            "body".to_owned()
        } else {
            field
        };
        let (message, details) = if contract.code == "INVALID_REQUEST" {
            let message = if issue == "is required" {
                format!("El parámetro '{field}' es requerido")
            } else {
                format!("El parámetro '{field}' no es válido: {issue} (se esperaba {expected})")
            };
            (message, json!({ "field": field, "parameter": field }))
        } else {
            (
                format!("Invalid input data: {field}: {issue}"),
                json!({ "field": field, "issue": issue, "expected": expected }),
            )
        };
        render(StatusCode::BAD_REQUEST, contract.code, &message, details)
    };
    if let Err(e) = contract.check_query(op, req.uri().query()) {
        return reject(e);
    }
    let Some(body_schema) = &op.body else {
        return next.run(req).await;
    };
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, crate::common::MAX_BODY_BYTES).await {
        Ok(b) => b,
        Err(_) => return crate::common::payload_too_large(render),
    };
    // No body where every member is optional reads as `{}` (the operation's `requestBody` is
    // not required then).
    let empty = bytes.iter().all(u8::is_ascii_whitespace);
    if empty && !op.body_required {
        return next
            .run(Request::from_parts(parts, axum::body::Body::from(bytes)))
            .await;
    }
    if empty {
        return reject((String::new(), "is required".into(), "a JSON object".into()));
    }
    let value: Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => {
            return reject((
                String::new(),
                format!("is not valid JSON ({e})"),
                "a JSON object".into(),
            ));
        }
    };
    if let Err(e) = contract.check(body_schema, &value, "") {
        return reject(e);
    }
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await
}

/// Route layer, outermost: a method the document does not have for a path it describes is a
/// `405` at once (before idempotency keys or bodies are looked at). `HEAD` follows `GET`.
pub(crate) async fn method_guard(
    State((contract, render)): State<(&'static LazyLock<Contract>, ErrorRenderer)>,
    req: Request,
    next: Next,
) -> Response {
    let contract: &Contract = contract;
    let Some(template) = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
    else {
        return next.run(req).await;
    };
    let method = if req.method() == Method::HEAD {
        Method::GET
    } else {
        req.method().clone()
    };
    let allowed: Vec<&str> = contract
        .operations
        .keys()
        .filter(|(_, path)| *path == template)
        .map(|(m, _)| m.as_str())
        .collect();
    if allowed.is_empty() || contract.operations.contains_key(&(method, template)) {
        return next.run(req).await;
    }
    let mut allowed = allowed;
    allowed.sort_unstable();
    let mut resp = render(
        StatusCode::METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        "Method not allowed on this route",
        json!({ "allowed": allowed }),
    );
    if let Ok(v) = HeaderValue::from_str(&allowed.join(", ")) {
        resp.headers_mut().insert(header::ALLOW, v);
    }
    resp
}

/// `GET {base}/openapi.json` (and the AsyncAPI document next to the ops one).
pub(crate) fn document_response(text: &'static str) -> Response {
    let mut resp = (StatusCode::OK, text).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counted from the documents rather than written down, so adding an operation does not
    /// mean editing this test.
    #[test]
    fn every_operation_is_indexed() {
        const METHODS: [&str; 8] = [
            "get", "put", "post", "delete", "options", "head", "patch", "trace",
        ];
        for (contract, text) in [(&*PLATFORM, PLATFORM_DOCUMENT), (&*OPS, OPS_DOCUMENT)] {
            let doc: Value = serde_json::from_str(text).unwrap();
            let documented: usize = doc["paths"]
                .as_object()
                .unwrap()
                .values()
                .map(|item| {
                    item.as_object()
                        .unwrap()
                        .keys()
                        .filter(|k| METHODS.contains(&k.as_str()))
                        .count()
                })
                .sum();
            assert!(documented > 0);
            assert_eq!(contract.operation_count(), documented);
        }
    }

    /// Each resource module registers its own routes and the services merge those modules, so a
    /// route left out of a module, or a module left out of its service's router, shows up here:
    /// every documented operation must reach a handler (unauthenticated, so mostly a 401), not
    /// the 404 fallback nor a 405.
    #[tokio::test]
    async fn every_operation_has_a_route() {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let sb = crate::Sandbox::start().await.unwrap();
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .build()
            .unwrap();
        let platform_origin = sb.platform_url().trim_end_matches("/api").to_owned();
        for (contract, origin) in [(&*PLATFORM, platform_origin), (&*OPS, sb.ops_url())] {
            for (method, path) in contract.operations.keys() {
                let path = path.replace("{id}", "route-check");
                let status = client
                    .request(method.clone(), format!("{origin}{path}"))
                    .send()
                    .await
                    .unwrap()
                    .status();
                assert!(
                    status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {path}: {status}"
                );
            }
        }
        sb.shutdown().await;
    }

    #[test]
    fn bodies_are_checked_against_the_document() {
        let op = &PLATFORM.operations[&(Method::POST, "/api/agents".to_owned())];
        let schema = op.body.as_ref().unwrap();
        assert!(PLATFORM.check(schema, &json!({"name": "x"}), "").is_ok());
        assert_eq!(
            PLATFORM.check(schema, &json!({}), "").unwrap_err().0,
            "name"
        );
        assert_eq!(
            PLATFORM
                .check(schema, &json!({"name": "x", "category": "health"}), "")
                .unwrap_err()
                .0,
            "category"
        );
        assert_eq!(
            PLATFORM
                .check(schema, &json!({"name": "x", "isPublic": "yes"}), "")
                .unwrap_err()
                .0,
            "isPublic"
        );
    }

    #[test]
    fn query_strings_are_typed_by_their_schema() {
        let op = &PLATFORM.operations[&(Method::GET, "/api/users".to_owned())];
        assert!(PLATFORM.check_query(op, Some("page=2&limit=10")).is_ok());
        assert_eq!(
            PLATFORM.check_query(op, Some("page=abc")).unwrap_err().0,
            "page"
        );
        assert_eq!(
            PLATFORM.check_query(op, Some("role=KING")).unwrap_err().0,
            "role"
        );
    }
}
