//! Typed answers of the core straight into Python objects: a serde `Serializer` whose output is
//! `dict`, `list`, `str`, `int`, `float`, `bool` and `None`, with no JSON text and no
//! `serde_json::Value` in between. Numbers and strings are what `serde_json::to_value` plus a
//! plain JSON-to-Python conversion would give (`None` for non-finite floats), in less than half
//! the work. Two differences make the Python layer's share small too: struct field names arrive
//! in snake_case, as the models name their attributes (map keys and enum values stay as they
//! are), and a struct whose name matches a model class the package registered
//! ([`register_models`]) arrives as an instance of that class. Each name becomes a Python
//! string once per process.
//!
//! The walk is bounded: a value nested deeper than [`MAX_DEPTH`] containers fails with
//! `ValueError` instead of recursing on. (Answers decoded from bytes cannot come close:
//! serde_json's parser stops at 128 levels.)

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};

/// Deepest nesting of containers converted into Python objects.
pub const MAX_DEPTH: u16 = 256;

type Convert = Box<dyn FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + Send>;

/// A typed answer waiting for the GIL: converted by [`Answer::into_py`] on the Python side
/// of a call, never on a runtime thread.
pub struct Answer(Convert);

/// Which package's model classes an answer is built into (see [`register_models`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Platform,
    Ops,
}

/// The model classes of one service and, filled on first use, how to build each.
struct Registry {
    /// `{rust struct name: class}`.
    classes: Py<PyDict>,
    /// By the address of the struct name: `None` for a struct with no registered class.
    specs: HashMap<(usize, usize), Option<Arc<Spec>>, BuildHasherDefault<AddrHasher>>,
}

/// `(attribute, converter)` of `BaseModel._spec()`.
type Converter<'py> = (Bound<'py, PyString>, Bound<'py, PyAny>);

/// A registered class: every declared attribute set to `None`, and the `(attribute,
/// converter)` pairs applied to non-`None` values (`BaseModel._spec()`).
struct Spec {
    class: Py<PyAny>,
    /// The class's `tp_new` slot, when the class is a heap type (every Python class is): an
    /// instance is then made by calling it directly, as `class.__new__(class)` does, without
    /// looking `__new__` up and packing its arguments each time.
    new: Option<NewFunc>,
    defaults: Py<PyDict>,
    nested: Vec<(Py<PyString>, Py<PyAny>)>,
    /// The Python names of the struct's fields in the order serde gives them, recorded on the
    /// first conversion of the struct (see [`FieldNames`]).
    names: OnceLock<Box<[FieldName]>>,
}

/// A struct field's name (by the address and length of its `&'static str`) and its Python
/// string.
type FieldName = (usize, usize, Py<PyString>);

/// The `tp_new` slot of a class.
type NewFunc = unsafe extern "C" fn(
    *mut pyo3::ffi::PyTypeObject,
    *mut pyo3::ffi::PyObject,
    *mut pyo3::ffi::PyObject,
) -> *mut pyo3::ffi::PyObject;

/// The `tp_new` slot of `class` if it is a heap type (`PyType_GetSlot` accepts only heap types
/// before Python 3.10); `None` otherwise, and the class's `__new__` is called by name.
#[allow(unsafe_code)]
fn new_slot(class: &Bound<'_, PyAny>) -> Option<NewFunc> {
    let ty = class.cast::<pyo3::types::PyType>().ok()?;
    let tp = ty.as_type_ptr();
    // SAFETY: `tp` is a live type object (borrowed from `class`, GIL held); for a heap type
    // `PyType_GetSlot(tp, Py_tp_new)` answers its `tp_new` function, or NULL, which maps to
    // `None` (a null function pointer is not a valid `fn`, so the transmute is to `Option`).
    unsafe {
        if pyo3::ffi::PyType_GetFlags(tp) & pyo3::ffi::Py_TPFLAGS_HEAPTYPE == 0 {
            return None;
        }
        let slot = pyo3::ffi::PyType_GetSlot(tp, pyo3::ffi::Py_tp_new);
        std::mem::transmute::<*mut std::ffi::c_void, Option<NewFunc>>(slot)
    }
}

static PLATFORM_MODELS: Mutex<Option<Registry>> = Mutex::new(None);
static OPS_MODELS: Mutex<Option<Registry>> = Mutex::new(None);

fn models_of(service: Service) -> &'static Mutex<Option<Registry>> {
    match service {
        Service::Platform => &PLATFORM_MODELS,
        Service::Ops => &OPS_MODELS,
    }
}

/// Registers the model classes the native module builds itself for one service
/// (`"platform"` or `"ops"`): `{rust struct name: class}`; each class's `_spec()` is asked
/// for the first time that struct is converted. Structs whose name is not registered arrive
/// as dicts.
#[pyfunction]
pub fn register_models(service: &str, models: Bound<'_, PyDict>) -> PyResult<()> {
    let py = models.py();
    crate::guard::guard(py, || {
        let service = match service {
            "platform" => Service::Platform,
            "ops" => Service::Ops,
            other => return Err(PyValueError::new_err(format!("unknown service {other:?}"))),
        };
        *models_of(service).lock().unwrap_or_else(|e| e.into_inner()) = Some(Registry {
            classes: models.unbind(),
            specs: HashMap::default(),
        });
        Ok(())
    })
}

/// How to build struct `name` of `service`, if a class is registered for it. The registry's
/// lock is never held while Python code runs (that code may switch threads).
fn spec(py: Python<'_>, service: Service, name: &'static str) -> PyResult<Option<Arc<Spec>>> {
    let key = (name.as_ptr() as usize, name.len());
    let class = {
        let guard = models_of(service).lock().unwrap_or_else(|e| e.into_inner());
        let Some(registry) = guard.as_ref() else {
            return Ok(None);
        };
        if let Some(found) = registry.specs.get(&key) {
            return Ok(found.clone());
        }
        registry.classes.bind(py).get_item(name)?
    };
    let made = match class {
        None => None,
        Some(class) => Some(Arc::new(make_spec(class)?)),
    };
    if let Some(registry) = models_of(service)
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_mut()
    {
        registry.specs.insert(key, made.clone());
    }
    Ok(made)
}

/// How to build instances of a registered model `class` (its `_spec()`, asked once).
fn make_spec(class: Bound<'_, PyAny>) -> PyResult<Spec> {
    let py = class.py();
    let (defaults, nested): (Bound<'_, PyDict>, Vec<Converter<'_>>) =
        class.call_method0(pyo3::intern!(py, "_spec"))?.extract()?;
    Ok(Spec {
        new: new_slot(&class),
        class: class.unbind(),
        names: OnceLock::new(),
        defaults: defaults.unbind(),
        nested: nested
            .into_iter()
            .map(|(k, c)| (k.unbind(), c.unbind()))
            .collect(),
    })
}

/// A registered model of `service` by its struct name, for a decoder of its own
/// ([`crate::direct`]): `None` when no class is registered under `name`.
pub fn model_by_name(py: Python<'_>, service: Service, name: &str) -> PyResult<Option<Model>> {
    let class = {
        let guard = models_of(service).lock().unwrap_or_else(|e| e.into_inner());
        let Some(registry) = guard.as_ref() else {
            return Ok(None);
        };
        registry.classes.bind(py).get_item(name)?
    };
    match class {
        None => Ok(None),
        Some(class) => Ok(Some(Model(Arc::new(make_spec(class)?)))),
    }
}

/// A registered model class, as [`model_by_name`] finds it.
pub struct Model(Arc<Spec>);

impl Model {
    /// A new instance: `fields` start as a copy of the declared attributes (all `None`).
    pub fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.0.defaults.bind(py).copy()
    }

    /// The instance whose attributes are `fields` (nested models and amounts converted).
    pub fn build<'py>(&self, fields: Bound<'py, PyDict>) -> PyResult<Bound<'py, PyAny>> {
        build_model(&self.0, fields).map_err(|e| e.0)
    }
}

impl Answer {
    /// `value`, to be built into `service`'s model classes.
    pub fn new<T: Serialize + Send + 'static>(service: Service, value: T) -> Self {
        Answer(Box::new(move |py| {
            value
                .serialize(PySer {
                    py,
                    service: Some(service),
                    depth: 0,
                })
                .map(Bound::unbind)
                .map_err(|e| e.0)
        }))
    }

    /// An answer `make` builds when the GIL is held.
    pub fn from_fn(make: impl FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + Send + 'static) -> Self {
        Answer(Box::new(make))
    }

    pub fn into_py(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        (self.0)(py)
    }
}

/// `value` as plain Python data (dicts, lists, strings, numbers), e.g. a `serde_json::Value`.
pub fn plain<T: Serialize + ?Sized>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    value
        .serialize(PySer {
            py,
            service: None,
            depth: 0,
        })
        .map(Bound::unbind)
        .map_err(|e| e.0)
}

impl std::fmt::Debug for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Answer(..)")
    }
}

/// The error of a conversion: a Python exception.
#[derive(Debug)]
pub struct SerError(PyErr);

impl std::fmt::Display for SerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        SerError(PyValueError::new_err(format!(
            "cannot convert answer: {msg}"
        )))
    }
}

impl From<PyErr> for SerError {
    fn from(e: PyErr) -> Self {
        SerError(e)
    }
}

type Out<'py> = Result<Bound<'py, PyAny>, SerError>;

/// Hashes a `&'static str` by its address and length (field names are compile-time constants).
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type KeyCache = HashMap<(usize, usize, bool), Py<PyString>, BuildHasherDefault<AddrHasher>>;

static KEYS: Mutex<Option<KeyCache>> = Mutex::new(None);

/// The Python string of a compile-time name (a struct field in snake_case, or an enum variant
/// as it is), made once per process.
fn static_name<'py>(py: Python<'py>, name: &'static str, snake: bool) -> Bound<'py, PyString> {
    let key = (name.as_ptr() as usize, name.len(), snake);
    let mut cache = KEYS.lock().unwrap_or_else(|e| e.into_inner());
    let cache = cache.get_or_insert_with(KeyCache::default);
    cache
        .entry(key)
        .or_insert_with(|| {
            if snake {
                PyString::intern(py, &snake_case(name)).unbind()
            } else {
                PyString::intern(py, name).unbind()
            }
        })
        .bind(py)
        .clone()
}

/// `createdAt` -> `created_at`: the core's one rule ([`agents_sdk::case::to_snake_case`]), which
/// the Python models' `snake()` calls too.
pub use agents_sdk::case::to_snake_case as snake_case;

/// `created_at` -> `createdAt` ([`agents_sdk::case::to_camel_case`]), for the Python layer.
#[pyfunction]
#[pyo3(name = "camel_case")]
pub fn py_camel_case(key: &str) -> String {
    agents_sdk::case::to_camel_case(key)
}

/// `createdAt` -> `created_at` ([`agents_sdk::case::to_snake_case`]), for the Python layer.
#[pyfunction]
#[pyo3(name = "snake_case")]
pub fn py_snake_case(name: &str) -> String {
    agents_sdk::case::to_snake_case(name)
}

/// `url` with its password and sensitive query values hidden
/// ([`agents_sdk::redact::redact_url`]), for the clients' `repr`.
#[pyfunction]
pub fn redact_url(url: &str) -> String {
    agents_sdk::redact::redact_url(url)
}

/// A struct field's Python name: snake_case.
fn field_name<'py>(py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
    static_name(py, name, true)
}

#[derive(Clone, Copy)]
struct PySer<'py> {
    py: Python<'py>,
    /// Whose model classes registered structs become (`None`: every struct is a dict).
    service: Option<Service>,
    /// Containers entered so far.
    depth: u16,
}

impl<'py> PySer<'py> {
    /// The serializer of a container's items, one level down.
    fn deeper(self) -> Result<Self, SerError> {
        if self.depth >= MAX_DEPTH {
            return Err(SerError(PyValueError::new_err(format!(
                "cannot convert answer: nested deeper than {MAX_DEPTH} levels"
            ))));
        }
        Ok(PySer {
            depth: self.depth.saturating_add(1),
            ..self
        })
    }

    fn obj<T: IntoPyObject<'py>>(self, v: T) -> Out<'py> {
        Ok(v.into_bound_py_any(self.py)?)
    }

    /// `{variant: value}`, serde's external tagging.
    fn tagged(self, variant: &'static str, value: Bound<'py, PyAny>) -> Out<'py> {
        let d = PyDict::new(self.py);
        d.set_item(static_name(self.py, variant, false), value)?;
        Ok(d.into_any())
    }
}

impl<'py> ser::Serializer for PySer<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    type SerializeSeq = Seq<'py>;
    type SerializeTuple = Seq<'py>;
    type SerializeTupleStruct = Seq<'py>;
    type SerializeTupleVariant = Seq<'py>;
    type SerializeMap = Map<'py>;
    type SerializeStruct = Map<'py>;
    type SerializeStructVariant = Map<'py>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i128(self, v: i128) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u128(self, v: u128) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        // as JSON has it: no NaN or infinity
        if v.is_finite() {
            self.obj(v)
        } else {
            Ok(self.py.None().into_bound(self.py))
        }
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out<'py> {
        Ok(static_name(self.py, variant, false).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let v = value.serialize(self.deeper()?)?;
        self.tagged(variant, v)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'py>, SerError> {
        Ok(Seq {
            ser: self.deeper()?,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'py>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'py>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'py>, SerError> {
        let mut s = self.serialize_seq(Some(len))?;
        s.variant = Some(variant);
        Ok(s)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'py>, SerError> {
        Ok(Map {
            ser: self.deeper()?,
            dict: PyDict::new(self.py),
            key: None,
            variant: None,
            model: None,
            names: FieldNames::Lookup { cursor: 0 },
        })
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Map<'py>, SerError> {
        let found = match self.service {
            Some(service) => spec(self.py, service, name)?,
            None => None,
        };
        let Some(spec) = found else {
            return self.serialize_map(Some(len));
        };
        let names = match spec.names.get() {
            Some(_) => FieldNames::Lookup { cursor: 0 },
            None => FieldNames::Record(Vec::with_capacity(len)),
        };
        Ok(Map {
            ser: self.deeper()?,
            dict: spec.defaults.bind(self.py).copy()?,
            key: None,
            variant: None,
            model: Some(spec),
            names,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Map<'py>, SerError> {
        let mut m = self.serialize_map(Some(len))?;
        m.variant = Some(variant);
        Ok(m)
    }
}

/// An instance of a registered model class whose attributes are `fields`: the declared ones
/// that need it converted (`nested`), then the dict taken over as the instance's `__dict__`.
fn build_model<'py>(spec: &Spec, fields: Bound<'py, PyDict>) -> Out<'py> {
    let py = fields.py();
    for (name, convert) in &spec.nested {
        let name = name.bind(py);
        if let Some(value) = fields.get_item(name)?
            && !value.is_none()
        {
            fields.set_item(name, convert.bind(py).call1((value,))?)?;
        }
    }
    let class = spec.class.bind(py);
    let obj = match spec.new {
        Some(new) => new_instance(class, new)?,
        None => class.call_method1(pyo3::intern!(py, "__new__"), (class,))?,
    };
    // through the `__dict__` descriptor, not `PyObject_GenericSetDict`: from Python 3.13 an
    // instance keeps its attributes inline, and only the descriptor's setter retires them
    // (with `PyObject_GenericSetDict` the instance kept answering from its empty inline
    // attributes)
    obj.setattr(pyo3::intern!(py, "__dict__"), fields)?;
    Ok(obj)
}

/// `class.__new__(class)` through the class's `tp_new` slot: what the call does once `__new__`
/// is looked up (`object.__new__` for the models, which also checks the class is not abstract
/// and, from Python 3.11, lays out the instance's attribute storage).
#[allow(unsafe_code)]
fn new_instance<'py>(class: &Bound<'py, PyAny>, new: NewFunc) -> PyResult<Bound<'py, PyAny>> {
    let py = class.py();
    let args = pyo3::types::PyTuple::empty(py);
    // SAFETY: `new` is `class`'s own `tp_new` (read from it by `new_slot`; a class's slots live
    // as long as the class, which the registry keeps), called with the class, an empty argument
    // tuple and no keywords, as `class.__new__(class)` calls it; the GIL is held. It answers a
    // new reference or NULL with an exception set, which `from_owned_ptr_or_err` takes over.
    unsafe {
        let obj = new(
            class.as_ptr().cast::<pyo3::ffi::PyTypeObject>(),
            args.as_ptr(),
            std::ptr::null_mut(),
        );
        Bound::from_owned_ptr_or_err(py, obj)
    }
}

pub struct Seq<'py> {
    ser: PySer<'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Seq<'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.items.push(value.serialize(self.ser)?);
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        let list = PyList::new(self.ser.py, self.items)?.into_any();
        match self.variant {
            Some(variant) => self.ser.tagged(variant, list),
            None => Ok(list),
        }
    }
}

/// The four sequence-like serde traits, all one list.
macro_rules! seq_traits {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<'py> ser::$trait for Seq<'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = SerError;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
                self.push(value)
            }
            fn end(self) -> Out<'py> {
                self.finish()
            }
        }
    )*};
}

seq_traits!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

pub struct Map<'py> {
    ser: PySer<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
    /// The registered model the struct becomes.
    model: Option<Arc<Spec>>,
    names: FieldNames,
}

/// How a struct's field names become Python strings. A model's come from its [`Spec::names`]
/// once they are recorded (serde gives a struct's fields in declaration order, so each is
/// found at or just after the previous one, with no lock and no hashing); any other name, and
/// a model's until then, from the process-wide cache ([`static_name`]).
enum FieldNames {
    /// `cursor`: where in the model's recorded names the next field is looked for first.
    Lookup { cursor: usize },
    /// The first conversion of a model: its names, recorded for the next ones.
    Record(Vec<FieldName>),
}

impl<'py> Map<'py> {
    fn field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        let v = value.serialize(self.ser)?;
        let name = self.name(key);
        self.dict.set_item(name, v)?;
        Ok(())
    }

    /// The Python name of field `key`.
    fn name(&mut self, key: &'static str) -> Bound<'py, PyString> {
        let py = self.ser.py;
        let at = (key.as_ptr() as usize, key.len());
        match &mut self.names {
            FieldNames::Lookup { cursor } => {
                let recorded = self.model.as_ref().and_then(|m| m.names.get());
                if let Some(names) = recorded
                    && let Some(rest) = names.get(*cursor..)
                    && let Some(off) = rest.iter().position(|(p, l, _)| (*p, *l) == at)
                    && let Some((_, _, name)) = rest.get(off)
                {
                    *cursor += off + 1;
                    return name.bind(py).clone();
                }
                field_name(py, key)
            }
            FieldNames::Record(names) => {
                let name = field_name(py, key);
                names.push((at.0, at.1, name.clone().unbind()));
                name
            }
        }
    }

    fn finish(self) -> Out<'py> {
        if let Some(spec) = self.model {
            if let FieldNames::Record(names) = self.names {
                // a conversion on another thread may have recorded them first: same names
                let _ = spec.names.set(names.into_boxed_slice());
            }
            return build_model(&spec, self.dict);
        }
        let dict = self.dict.into_any();
        match self.variant {
            Some(variant) => self.ser.tagged(variant, dict),
            None => Ok(dict),
        }
    }
}

impl<'py> ser::SerializeMap for Map<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), SerError> {
        self.key = Some(key.serialize(self.ser)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <SerError as ser::Error>::custom("a map value without its key"))?;
        self.dict.set_item(key, value.serialize(self.ser)?)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

/// Both struct-like serde traits: named fields into the dict (or the model).
macro_rules! struct_traits {
    ($($trait:ident),*) => {$(
        impl<'py> ser::$trait for Map<'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = SerError;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), SerError> {
                self.field(key, value)
            }
            fn end(self) -> Out<'py> {
                self.finish()
            }
        }
    )*};
}

struct_traits!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn snake_case_follows_the_python_models_rule() {
        for (wire, py) in [
            ("createdAt", "created_at"),
            ("isPublic", "is_public"),
            ("api_key", "api_key"),
            ("id", "id"),
            ("tokensUsed", "tokens_used"),
            ("URL", "url"),
            ("apiURL", "api_url"),
            ("last4Digits", "last4_digits"),
            ("v2Name", "v2_name"),
        ] {
            assert_eq!(snake_case(wire), py, "{wire}");
        }
    }
}
