//! Python objects (dict, list, str, int, float, bool, None, Decimal) -> `serde_json::Value`, for
//! the arguments of a call. The other direction is [`crate::pyser`].
//!
//! The walk is bounded: a container that contains itself (directly or further down) raises
//! `ValueError("circular reference detected")`, and nesting deeper than [`MAX_DEPTH`] levels
//! (the limit serde_json's parser puts on what it reads) raises `ValueError` too, instead of
//! overflowing the stack of the calling thread.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// Deepest nesting of containers accepted in an argument.
pub const MAX_DEPTH: usize = 128;

/// A Python object (JSON-like: dict, list, tuple, str, int, float, bool, None, Decimal, or an
/// object with `to_dict()`) as JSON.
pub fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    Walk { path: Vec::new() }.value(obj)
}

/// The containers from the root to the value being converted (their addresses: only
/// compared, never dereferenced), to spot a cycle and to bound the depth.
struct Walk {
    path: Vec<*mut pyo3::ffi::PyObject>,
}

impl Walk {
    /// Enters container `obj`, converts it with `f`, leaves it.
    fn nested<T>(
        &mut self,
        obj: &Bound<'_, PyAny>,
        f: impl FnOnce(&mut Self) -> PyResult<T>,
    ) -> PyResult<T> {
        let ptr = obj.as_ptr();
        if self.path.contains(&ptr) {
            return Err(PyValueError::new_err(format!(
                "cannot send this value as JSON: circular reference detected (a {} that \
                 contains itself)",
                type_name(obj)
            )));
        }
        if self.path.len() >= MAX_DEPTH {
            return Err(PyValueError::new_err(format!(
                "cannot send this value as JSON: nested deeper than {MAX_DEPTH} levels"
            )));
        }
        self.path.push(ptr);
        let out = f(self);
        self.path.pop();
        out
    }

    fn value(&mut self, obj: &Bound<'_, PyAny>) -> PyResult<Value> {
        if obj.is_none() {
            return Ok(Value::Null);
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Ok(Value::Bool(b.is_true()));
        }
        if let Ok(i) = obj.cast::<PyInt>() {
            if let Ok(v) = i.extract::<i64>() {
                return Ok(Value::from(v));
            }
            return i
                .extract::<u64>()
                .map(Value::from)
                .map_err(|_| PyValueError::new_err("integer out of the range JSON numbers keep"));
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            return Number::from_f64(f.value())
                .map(Value::Number)
                .ok_or_else(|| PyValueError::new_err("NaN and infinity are not JSON"));
        }
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(Value::String(s.extract::<String>()?));
        }
        if let Ok(d) = obj.cast::<PyDict>() {
            return self.nested(obj, |w| {
                let mut map = Map::with_capacity(d.len());
                // over a snapshot of the items: a value's conversion (a `to_dict()`, a
                // `__str__`) may change the dict, and iterating a dict that changes size
                // panics in pyo3
                for item in d.items().iter() {
                    let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
                    let key: String = k
                        .extract()
                        .map_err(|_| PyTypeError::new_err("JSON object keys must be str"))?;
                    map.insert(key, w.value(&v)?);
                }
                Ok(Value::Object(map))
            });
        }
        if let Ok(l) = obj.cast::<PyList>() {
            return self.nested(obj, |w| {
                l.iter()
                    .map(|v| w.value(&v))
                    .collect::<PyResult<Vec<_>>>()
                    .map(Value::Array)
            });
        }
        if let Ok(t) = obj.cast::<PyTuple>() {
            return self.nested(obj, |w| {
                t.iter()
                    .map(|v| w.value(&v))
                    .collect::<PyResult<Vec<_>>>()
                    .map(Value::Array)
            });
        }
        // decimal.Decimal (money) and other numbers: through their exact text
        let type_name = type_name(obj);
        if type_name == "Decimal" {
            let text = obj.str()?.to_string();
            let n: Number = serde_json::from_str(&text)
                .map_err(|_| PyValueError::new_err(format!("not a finite amount: {text}")))?;
            // a decimal a JSON number (an f64) does not carry exactly goes on as its text, which
            // an amount reads exactly (and then refuses to send rounded) instead of rounding
            // here without a word
            if let (Some(f), Ok(exact)) = (n.as_f64(), text.parse::<agents_sdk::Money>())
                && agents_sdk::Money::from_f64(f)
                    .is_ok_and(|m| m.as_decimal_string() != exact.as_decimal_string())
            {
                return Ok(Value::String(text));
            }
            return Ok(Value::Number(n));
        }
        if obj.hasattr("to_dict")? {
            // a model: one level, so a model that holds itself is a cycle too
            return self.nested(obj, |w| w.value(&obj.call_method0("to_dict")?));
        }
        Err(PyTypeError::new_err(format!(
            "cannot send a value of type {type_name} as JSON"
        )))
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_owned())
}
