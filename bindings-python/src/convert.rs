//! Python objects (dict, list, str, int, float, bool, None, Decimal) -> `serde_json::Value`, for
//! the arguments of a call. The other direction is [`crate::pyser`].

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// A Python object (JSON-like: dict, list, tuple, str, int, float, bool, None, Decimal) as JSON.
pub fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
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
        let v: u64 = i.extract()?;
        return Ok(Value::from(v));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| {
                pyo3::exceptions::PyValueError::new_err("NaN and infinity are not JSON")
            });
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.extract::<String>()?));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key: String = k
                .extract()
                .map_err(|_| PyTypeError::new_err("JSON object keys must be str"))?;
            map.insert(key, from_py(&v)?);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return l
            .iter()
            .map(|v| from_py(&v))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return t
            .iter()
            .map(|v| from_py(&v))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    // decimal.Decimal (money) and other numbers: through their exact text
    let type_name = obj.get_type().name()?.to_string();
    if type_name == "Decimal" {
        let text = obj.str()?.to_string();
        let n: Number = serde_json::from_str(&text).map_err(|_| {
            pyo3::exceptions::PyValueError::new_err(format!("not a finite amount: {text}"))
        })?;
        return Ok(Value::Number(n));
    }
    if obj.hasattr("to_dict")? {
        return from_py(&obj.call_method0("to_dict")?);
    }
    Err(PyTypeError::new_err(format!(
        "cannot send a value of type {type_name} as JSON"
    )))
}
