//! Platform answers decoded straight from their JSON into Python objects, by the contract's
//! schemas (`platform_answers.json`, which `scripts/gen_python.py` writes from
//! `spec/platform.openapi.json`), instead of into the core's typed value first and from that
//! into Python objects. The result is the same objects, models included (the test suite runs
//! with `CJHIRASHI_CHECK_DIRECT_DECODE=1`, which compares every answer decoded here with the
//! typed decoding's); only the Rust value in between, its allocations and the walk over it are
//! gone.
//!
//! Only what is certain to give that same result is decoded here; for anything else the
//! answer is decoded as before, typed, which also gives every error its usual form:
//! - an operation whose answer holds a shape this module does not read (money amounts,
//!   free-form maps, a `oneOf`, a model the package builds itself in Python) is never asked
//!   for raw;
//! - an answer that does not fit its schema exactly (a missing required field, a wrong type, a
//!   duplicate key, an integer out of its range, a struct sent as an array, ...) is decoded
//!   again, typed, from the same bytes.
//!
//! Rules, each what serde's derived decoding of the core's types does: unknown keys are
//! skipped; a missing field takes its schema's `default`, else stays `None` when it is
//! nullable, else fails; a non-required, non-nullable array without a default is a field the
//! core skips when empty (`skip_serializing_if = "Vec::is_empty"`, whose default schemars
//! leaves out), so empty it becomes `None`, as the typed path's models show it; string enums
//! take any string (the core's enums keep unknown values); integers are checked against the
//! range of their `format`; a `double` accepts any JSON number.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use pyo3::sync::PyOnceLock;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::pyser::{Model, Service, plain};

/// The contract's answer schemas (generated; see the module).
const ANSWERS: &str = include_str!("platform_answers.json");

/// Most fields of one object this module reads (a bit each in a `u64`).
const MAX_FIELDS: usize = 64;

/// How one operation's answer is decoded.
pub struct OpShape {
    data: Shape,
    /// For an `items` operation: the member of `data` it answers.
    pick: Option<usize>,
}

impl fmt::Debug for OpShape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpShape").finish_non_exhaustive()
    }
}

enum Shape {
    Str,
    Bool,
    Int {
        min: i128,
        max: i128,
    },
    Float,
    /// Free-form JSON (`serde_json::Value` in the core): converted as the typed path does.
    Any,
    Nullable(Box<Shape>),
    List(Box<Shape>),
    /// An object with a registered model class.
    Object(Arc<Obj>),
}

struct Obj {
    model: Option<Model>,
    fields: Box<[Field]>,
}

struct Field {
    wire: Box<str>,
    py: Py<PyString>,
    shape: Shape,
    missing: Missing,
    /// Skipped by the core when empty: an empty list becomes `None`.
    empty_is_none: bool,
}

enum Missing {
    Fail,
    /// Stays the model's `None`.
    Keep,
    /// The schema's `default`, made anew for each answer.
    Default(Value),
}

/// The envelope's `meta` and every operation's shape, made once per process.
struct Table {
    meta: Option<Arc<Obj>>,
    ops: HashMap<String, Arc<OpShape>>,
}

/// Made with the GIL held, by whichever thread needs it first (a `PyOnceLock`: building calls
/// into Python, which may let another thread run, and that thread must not block on the lock
/// while holding the GIL).
static TABLE: PyOnceLock<Table> = PyOnceLock::new();

/// How operation `op`'s answer is decoded here; `None` when it is decoded typed.
pub fn operation(py: Python<'_>, op: &str) -> Option<Arc<OpShape>> {
    if !enabled() {
        return None;
    }
    let table = TABLE.get_or_init(py, || {
        build_table(py).unwrap_or(Table {
            meta: None,
            ops: HashMap::new(),
        })
    });
    table.meta.as_ref()?;
    table.ops.get(op).cloned()
}

/// `CJHIRASHI_DIRECT_DECODE=0` turns this module off (every answer decoded typed).
fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var("CJHIRASHI_DIRECT_DECODE").map_or(true, |v| v != "0"))
}

/// 0: not read yet; 1: off; 2: on (see [`checking`]).
static CHECK: AtomicU8 = AtomicU8::new(0);
/// Answers decoded here, and answers handed to the typed decoding because they did not fit.
static DECODED: AtomicU64 = AtomicU64::new(0);
static FELL_BACK: AtomicU64 = AtomicU64::new(0);

/// Whether every answer decoded here is also decoded typed and compared (a difference raises
/// `RuntimeError`): `CJHIRASHI_CHECK_DIRECT_DECODE=1`, or [`check_direct_decode`] (the test
/// suite turns it on).
pub fn checking() -> bool {
    match CHECK.load(Ordering::Relaxed) {
        0 => {
            let on = std::env::var("CJHIRASHI_CHECK_DIRECT_DECODE").is_ok_and(|v| v == "1");
            CHECK.store(if on { 2 } else { 1 }, Ordering::Relaxed);
            on
        }
        state => state == 2,
    }
}

/// Counts an answer decoded here (`true`) or by the typed decoding (`false`).
pub fn record(direct: bool) {
    let counter = if direct { &DECODED } else { &FELL_BACK };
    counter.fetch_add(1, Ordering::Relaxed);
}

/// Test hook, not API: turns the comparison of [`checking`] on or off.
#[doc(hidden)]
#[pyfunction]
#[pyo3(name = "_check_direct_decode")]
pub fn check_direct_decode(on: bool) {
    CHECK.store(if on { 2 } else { 1 }, Ordering::Relaxed);
}

/// Test hook, not API: `(decoded here, decoded typed after all, operations decoded here)`.
#[doc(hidden)]
#[pyfunction]
#[pyo3(name = "_direct_decode_stats")]
pub fn direct_decode_stats(py: Python<'_>) -> (u64, u64, Vec<String>) {
    let mut ops: Vec<String> = Vec::new();
    // makes the table if no call did yet
    let _ = operation(py, "");
    if let Some(table) = TABLE.get(py) {
        ops = table.ops.keys().cloned().collect();
        ops.sort();
    }
    (
        DECODED.load(Ordering::Relaxed),
        FELL_BACK.load(Ordering::Relaxed),
        ops,
    )
}

fn build_table(py: Python<'_>) -> Option<Table> {
    let doc: Value = serde_json::from_str(ANSWERS).ok()?;
    let schemas = doc.get("schemas")?.as_object()?;
    let mut b = Builder {
        py,
        schemas,
        done: HashMap::new(),
        building: Vec::new(),
    };
    let meta = b.object("Meta");
    let mut ops = HashMap::new();
    for (name, entry) in doc.get("operations")?.as_object()? {
        let Some(data) = entry.get("data") else {
            continue;
        };
        let shape = match entry.get("items").and_then(Value::as_str) {
            Some(items) => {
                // the list inside a wrapper object: the wrapper needs no model of its own
                let Some(obj) = data
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|n| b.object(n))
                else {
                    continue;
                };
                let Some(at) = obj.fields.iter().position(|f| &*f.wire == items) else {
                    continue;
                };
                OpShape {
                    data: Shape::Object(obj),
                    pick: Some(at),
                }
            }
            None => match b.shape(data) {
                Some(shape) => OpShape {
                    data: shape,
                    pick: None,
                },
                None => continue,
            },
        };
        ops.insert(name.clone(), Arc::new(shape));
    }
    Some(Table { meta, ops })
}

struct Builder<'a, 'py> {
    py: Python<'py>,
    schemas: &'a Map<String, Value>,
    /// Objects made so far (`None`: one this module does not read).
    done: HashMap<String, Option<Arc<Obj>>>,
    /// Objects being made (a schema that refers back to one of them is not read).
    building: Vec<String>,
}

impl Builder<'_, '_> {
    /// The shape of `schema` where its value becomes part of an answer (objects need their
    /// model); `None` for one this module does not read.
    fn shape(&mut self, schema: &Value) -> Option<Shape> {
        match schema {
            Value::Bool(true) => return Some(Shape::Any),
            Value::Object(m) if m.is_empty() => return Some(Shape::Any),
            Value::Object(_) => {}
            _ => return None,
        }
        if let Some(name) = schema.get("$ref").and_then(Value::as_str) {
            let target = self.schemas.get(name)?;
            if is_string_enum(target) {
                return Some(Shape::Str);
            }
            let obj = self.object(name)?;
            obj.model.as_ref()?;
            return Some(Shape::Object(obj));
        }
        if let Some(any_of) = schema.get("anyOf").and_then(Value::as_array) {
            return match any_of.as_slice() {
                [a, b] if is_null(b) => Some(Shape::Nullable(Box::new(self.shape(a)?))),
                [a, b] if is_null(a) => Some(Shape::Nullable(Box::new(self.shape(b)?))),
                _ => None,
            };
        }
        if schema.get("oneOf").is_some()
            || schema.get("allOf").is_some()
            || schema.get("const").is_some()
        {
            return None;
        }
        match schema.get("type")? {
            Value::String(t) => self.typed(t, schema),
            Value::Array(types) => match types.as_slice() {
                [Value::String(t), Value::String(n)] if n == "null" => {
                    Some(Shape::Nullable(Box::new(self.typed(t, schema)?)))
                }
                [Value::String(n), Value::String(t)] if n == "null" => {
                    Some(Shape::Nullable(Box::new(self.typed(t, schema)?)))
                }
                _ => None,
            },
            _ => None,
        }
    }

    fn typed(&mut self, t: &str, schema: &Value) -> Option<Shape> {
        let format = schema.get("format").and_then(Value::as_str);
        match t {
            "string" => Some(Shape::Str),
            "boolean" => Some(Shape::Bool),
            "integer" => {
                let (min, max) = int_range(format?)?;
                Some(Shape::Int { min, max })
            }
            "number" if format == Some("double") => Some(Shape::Float),
            "array" => Some(Shape::List(Box::new(self.shape(schema.get("items")?)?))),
            _ => None,
        }
    }

    /// Component object `name` (its model, when one is registered, and its fields).
    fn object(&mut self, name: &str) -> Option<Arc<Obj>> {
        if let Some(done) = self.done.get(name) {
            return done.clone();
        }
        if self.building.iter().any(|b| b == name) {
            return None;
        }
        self.building.push(name.to_owned());
        let made = self.make_object(name);
        self.building.pop();
        self.done.insert(name.to_owned(), made.clone());
        made
    }

    fn make_object(&mut self, name: &str) -> Option<Arc<Obj>> {
        let schema = self.schemas.get(name)?;
        if schema.get("type").and_then(Value::as_str) != Some("object")
            || schema
                .get("additionalProperties")
                .is_some_and(|a| a != &Value::Bool(false))
        {
            return None;
        }
        let props = schema.get("properties")?.as_object()?;
        if props.len() > MAX_FIELDS {
            return None;
        }
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut fields = Vec::with_capacity(props.len());
        for (wire, prop) in props {
            let shape = self.shape(prop)?;
            // free-form JSON missing is `None` too (an `Option<Value>`, or a `Value` that is
            // `Null`)
            let nullable = matches!(shape, Shape::Nullable(_) | Shape::Any);
            let is_list = matches!(shape, Shape::List(_));
            let default = prop.get("default");
            let missing = if required.contains(&wire.as_str()) {
                // an `Option` is `None` when missing, required or not
                if nullable {
                    Missing::Keep
                } else {
                    Missing::Fail
                }
            } else if let Some(d) = default {
                if d.is_object() || d.as_array().is_some_and(|a| !a.is_empty()) {
                    return None;
                }
                Missing::Default(d.clone())
            } else if nullable || is_list {
                Missing::Keep
            } else {
                return None;
            };
            let empty_is_none = is_list && default.is_none() && !required.contains(&wire.as_str());
            let snake = agents_sdk::case::to_snake_case(wire);
            fields.push(Field {
                wire: wire.as_str().into(),
                py: PyString::intern(self.py, &snake).unbind(),
                shape,
                missing,
                empty_is_none,
            });
        }
        let model = crate::pyser::model_by_name(self.py, Service::Platform, name).ok()?;
        Some(Arc::new(Obj {
            model,
            fields: fields.into_boxed_slice(),
        }))
    }
}

fn is_null(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
}

fn is_string_enum(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("string")
        && schema.get("enum").is_some_and(Value::is_array)
}

/// The range of the Rust integer type behind a schemars `format`.
fn int_range(format: &str) -> Option<(i128, i128)> {
    Some(match format {
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" => (i32::MIN.into(), i32::MAX.into()),
        "int64" | "int" => (i64::MIN.into(), i64::MAX.into()),
        "uint8" => (0, u8::MAX.into()),
        "uint16" => (0, u16::MAX.into()),
        "uint32" => (0, u32::MAX.into()),
        "uint64" | "uint" => (0, u64::MAX.into()),
        _ => return None,
    })
}

/// Decodes a whole answer body (`{"data": ..., "meta": ...}`) by `shape`; `None` when it does
/// not fit exactly (the caller then decodes it typed).
pub fn decode(py: Python<'_>, shape: &OpShape, body: &[u8]) -> Option<Py<PyAny>> {
    let meta = TABLE.get(py)?.meta.as_deref()?;
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = de.deserialize_map(Envelope { py, shape, meta }).ok()?;
    de.end().ok()?;
    Some(value.unbind())
}

fn fail<E: de::Error>(e: impl fmt::Display) -> E {
    E::custom(e)
}

struct Envelope<'a, 'py> {
    py: Python<'py>,
    shape: &'a OpShape,
    meta: &'a Obj,
}

impl<'de, 'py> Visitor<'de> for Envelope<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an answer envelope")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut data = None;
        let mut meta = false;
        while let Some(key) = map.next_key_seed(Key(&["data", "meta"]))? {
            match key {
                Some(0) => {
                    if data.is_some() {
                        return Err(fail("duplicate field `data`"));
                    }
                    data = Some(map.next_value_seed(Root {
                        py: self.py,
                        shape: self.shape,
                    })?);
                }
                Some(_) => {
                    if meta {
                        return Err(fail("duplicate field `meta`"));
                    }
                    meta = true;
                    map.next_value_seed(Nullable(Check {
                        py: self.py,
                        obj: self.meta,
                    }))?;
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        data.ok_or_else(|| fail("missing field `data`"))
    }
}

/// An envelope's `data`.
struct Root<'a, 'py> {
    py: Python<'py>,
    shape: &'a OpShape,
}

impl<'de, 'py> DeserializeSeed<'de> for Root<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        match (self.shape.pick, &self.shape.data) {
            (Some(at), Shape::Object(obj)) => d.deserialize_map(Fields {
                py: self.py,
                obj,
                mode: Mode::Pick(at),
            }),
            (_, shape) => Seed { py: self.py, shape }.deserialize(d),
        }
    }
}

/// Something a key can name: a field of an object, or a member of the envelope.
trait Named {
    fn name(&self) -> &str;
}

impl Named for &str {
    fn name(&self) -> &str {
        self
    }
}

impl Named for Field {
    fn name(&self) -> &str {
        &self.wire
    }
}

/// Which of `names` a key is (`None`: one to skip).
struct Key<'a, N>(&'a [N]);

impl<'de, N: Named> DeserializeSeed<'de> for Key<'_, N> {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, N: Named> Visitor<'de> for Key<'_, N> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.0.iter().position(|n| n.name() == v))
    }
}

/// A value of `shape`.
struct Seed<'a, 'py> {
    py: Python<'py>,
    shape: &'a Shape,
}

impl<'de, 'py> DeserializeSeed<'de> for Seed<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let py = self.py;
        match self.shape {
            Shape::Str => d.deserialize_str(Scalar {
                py,
                shape: self.shape,
            }),
            Shape::Bool => d.deserialize_bool(Scalar {
                py,
                shape: self.shape,
            }),
            Shape::Int { .. } => d.deserialize_i64(Scalar {
                py,
                shape: self.shape,
            }),
            Shape::Float => d.deserialize_f64(Scalar {
                py,
                shape: self.shape,
            }),
            Shape::Any => {
                let v = <Value as serde::Deserialize>::deserialize(d)?;
                plain(py, &v).map(|o| o.into_bound(py)).map_err(fail)
            }
            Shape::Nullable(inner) => Nullable(Seed { py, shape: inner }).deserialize(d),
            Shape::List(inner) => d.deserialize_seq(List { py, shape: inner }),
            Shape::Object(obj) => match &obj.model {
                Some(model) => d.deserialize_map(Fields {
                    py,
                    obj,
                    mode: Mode::Build(model),
                }),
                None => Err(fail("no model")),
            },
        }
    }
}

/// `None` for `null`, else the inner seed's value.
struct Nullable<S>(S);

impl<'de, 'py, S> DeserializeSeed<'de> for Nullable<S>
where
    S: DeserializeSeed<'de, Value = Bound<'py, PyAny>> + Interp<'py>,
{
    type Value = Bound<'py, PyAny>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, 'py, S> Visitor<'de> for Nullable<S>
where
    S: DeserializeSeed<'de, Value = Bound<'py, PyAny>> + Interp<'py>,
{
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.0.py().None().into_bound(self.0.py()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(d)
    }
}

/// The interpreter a seed builds for.
trait Interp<'py> {
    fn py(&self) -> Python<'py>;
}

impl<'py> Interp<'py> for Seed<'_, 'py> {
    fn py(&self) -> Python<'py> {
        self.py
    }
}

impl<'py> Interp<'py> for Check<'_, 'py> {
    fn py(&self) -> Python<'py> {
        self.py
    }
}

/// A string, boolean or number.
struct Scalar<'a, 'py> {
    py: Python<'py>,
    shape: &'a Shape,
}

impl<'de, 'py> Visitor<'de> for Scalar<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a scalar of its schema")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        match self.shape {
            Shape::Str => Ok(PyString::new(self.py, v).into_any()),
            _ => Err(fail("unexpected string")),
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        match self.shape {
            Shape::Bool => Ok(PyBool::new(self.py, v).to_owned().into_any()),
            _ => Err(fail("unexpected boolean")),
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.integer(i128::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.integer(i128::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        match self.shape {
            Shape::Float => Ok(PyFloat::new(self.py, v).into_any()),
            _ => Err(fail("unexpected float")),
        }
    }
}

impl<'py> Scalar<'_, 'py> {
    fn integer<E: de::Error>(self, v: i128) -> Result<Bound<'py, PyAny>, E> {
        match self.shape {
            Shape::Int { min, max } if (*min..=*max).contains(&v) => {
                if let Ok(small) = i64::try_from(v) {
                    Ok(PyInt::new(self.py, small).into_any())
                } else {
                    let big = u64::try_from(v).map_err(fail)?;
                    Ok(PyInt::new(self.py, big).into_any())
                }
            }
            // what serde's `f64` does with an integer
            #[allow(clippy::cast_precision_loss)]
            Shape::Float => Ok(PyFloat::new(self.py, v as f64).into_any()),
            _ => Err(fail("integer out of range")),
        }
    }
}

struct List<'a, 'py> {
    py: Python<'py>,
    shape: &'a Shape,
}

impl<'de, 'py> Visitor<'de> for List<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element_seed(Seed {
            py: self.py,
            shape: self.shape,
        })? {
            items.push(item);
        }
        PyList::new(self.py, items)
            .map(Bound::into_any)
            .map_err(fail)
    }
}

/// What an object's fields become.
enum Mode<'a> {
    /// An instance of the model.
    Build(&'a Model),
    /// Field `n`'s value; the others are checked and dropped.
    Pick(usize),
    /// Nothing: the fields are only checked.
    Check,
}

struct Fields<'a, 'py> {
    py: Python<'py>,
    obj: &'a Obj,
    mode: Mode<'a>,
}

/// An object only checked against its schema (the envelope's `meta`).
struct Check<'a, 'py> {
    py: Python<'py>,
    obj: &'a Obj,
}

impl<'de, 'py> DeserializeSeed<'de> for Check<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(Fields {
            py: self.py,
            obj: self.obj,
            mode: Mode::Check,
        })
    }
}

impl<'de, 'py> Visitor<'de> for Fields<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let py = self.py;
        let fields = &self.obj.fields;
        let dict = match self.mode {
            Mode::Build(model) => Some(model.fields(py).map_err(fail)?),
            _ => None,
        };
        let mut picked = None;
        let mut seen: u64 = 0;
        while let Some(key) = map.next_key_seed(Key(fields))? {
            let Some(at) = key else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let bit = 1u64 << at;
            if seen & bit != 0 {
                return Err(fail("duplicate field"));
            }
            seen |= bit;
            let Some(field) = fields.get(at) else {
                return Err(fail("field"));
            };
            let mut value = map.next_value_seed(Seed {
                py,
                shape: &field.shape,
            })?;
            if field.empty_is_none && value.len().is_ok_and(|n| n == 0) {
                value = py.None().into_bound(py);
            }
            self.place(dict.as_ref(), &mut picked, at, field, value)?;
        }
        for (at, field) in fields.iter().enumerate() {
            if seen & (1u64 << at) != 0 {
                continue;
            }
            match &field.missing {
                Missing::Fail => return Err(fail("missing field")),
                Missing::Keep => {}
                Missing::Default(d) => {
                    let value = plain(py, d).map_err(fail)?.into_bound(py);
                    self.place(dict.as_ref(), &mut picked, at, field, value)?;
                }
            }
        }
        match (self.mode, dict) {
            (Mode::Build(model), Some(dict)) => model.build(dict).map_err(fail),
            (Mode::Pick(_), _) => Ok(picked.unwrap_or_else(|| py.None().into_bound(py))),
            _ => Ok(py.None().into_bound(py)),
        }
    }
}

impl<'py> Fields<'_, 'py> {
    fn place<E: de::Error>(
        &self,
        dict: Option<&Bound<'py, PyDict>>,
        picked: &mut Option<Bound<'py, PyAny>>,
        at: usize,
        field: &Field,
        value: Bound<'py, PyAny>,
    ) -> Result<(), E> {
        match (&self.mode, dict) {
            (Mode::Build(_), Some(dict)) => {
                dict.set_item(field.py.bind(self.py), value).map_err(fail)
            }
            (Mode::Pick(p), _) if *p == at => {
                *picked = Some(value);
                Ok(())
            }
            _ => Ok(()),
        }
    }
}
