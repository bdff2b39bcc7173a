//! `batch_aiter(refill)`: the async iterator of `AsyncStream`, handing out the items of a batch
//! without a Python frame, a coroutine or an async generator step per item.
//!
//! `async for` asks `__anext__` for an awaitable and awaits it. An async generator (what the
//! stream used before) resumes a Python frame and wraps and unwraps each value; a coroutine per
//! item makes an object and a frame. This iterator answers `__anext__` with itself while its
//! batch has items, `__await__` with itself, and hands the item out as the awaitable's result:
//! - on Python 3.10 and 3.11 through the `am_send` slot, which the interpreter's `SEND` calls
//!   directly: the value is returned with no exception at all;
//! - on 3.9 and from 3.12 on (whose `SEND` calls `tp_iternext`) as `StopIteration(value)`, with
//!   one `StopIteration` instance reused while nothing else holds it.
//!
//! `bench/floors.py` measures the protocols side by side (per item: about 35 ns on 3.11 and
//! 80 on 3.12/3.13, against 105 and 220-250 for an async generator on this machine).
//!
//! When the batch is spent, `__anext__` returns `refill(iterator)`: a Python coroutine that
//! awaits the next batch, installs it with `iterator.feed(batch)` (which answers its first
//! item) and returns that item, or raises `StopAsyncIteration` at the end. So waiting, errors,
//! cancellation and the end of the stream stay in ordinary Python code, and the iterator holds
//! no reference to the stream object (only to `refill`): dropping the stream and its iterator
//! closes the connection at once, with no cycle left for the garbage collector.
//!
//! The type is made with `PyType_FromSpec` and raw slots because the `am_send` slot is not
//! reachable from pyo3's class machinery. Every function here runs with the GIL held (they are
//! slots and methods called by the interpreter) and none can panic: no indexing, no unwrap, no
//! arithmetic that can overflow.

#![allow(unsafe_code)]

use std::ffi::{c_int, c_void};
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};

use pyo3::exceptions::PyTypeError;
use pyo3::ffi;
use pyo3::prelude::*;

/// The instance layout: a plain object header and four owned references (null when absent).
#[repr(C)]
struct RawIter {
    ob_base: ffi::PyObject,
    /// The batch being handed out (a `list`), null once spent.
    batch: *mut ffi::PyObject,
    /// The batch's length when it was fed.
    len: ffi::Py_ssize_t,
    /// The next item's index.
    pos: ffi::Py_ssize_t,
    /// `refill(iterator) -> awaitable`, called when the batch is spent.
    refill: *mut ffi::PyObject,
    /// The `StopIteration` reused to hand items out where `am_send` is not used.
    stop: *mut ffi::PyObject,
}

/// The type object, made once by [`register`].
static TYPE: AtomicPtr<ffi::PyTypeObject> = AtomicPtr::new(ptr::null_mut());
/// The interned string `"value"` (kept alive for the life of the process).
static VALUE: AtomicPtr<ffi::PyObject> = AtomicPtr::new(ptr::null_mut());

/// `sendfunc`: declared here because pyo3 only declares it for builds targeting 3.10+, and
/// this module's ABI is 3.9's (the slot is given to 3.10+ interpreters only).
type SendFunc =
    unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject, *mut *mut ffi::PyObject) -> c_int;
const PYGEN_RETURN: c_int = 0;
const PYGEN_ERROR: c_int = -1;

unsafe fn clear_field(field: *mut *mut ffi::PyObject) {
    // SAFETY (callers): `field` points into a live `RawIter`; the field is set to null before
    // the reference is released, since releasing it can run arbitrary code.
    unsafe {
        let old = *field;
        *field = ptr::null_mut();
        ffi::Py_XDECREF(old);
    }
}

/// Forgets the batch (spent, discarded or cleared).
unsafe fn drop_batch(it: *mut RawIter) {
    // SAFETY (callers): `it` is a live instance and the GIL is held; the counters are reset
    // before the list is released, since releasing it can run arbitrary code.
    unsafe {
        (*it).len = 0;
        (*it).pos = 0;
        clear_field(&raw mut (*it).batch);
    }
}

/// The next item of the batch (a new reference), or null with `RuntimeError` set when the
/// batch has none (an awaitable of this iterator awaited twice).
unsafe fn take(it: *mut RawIter) -> *mut ffi::PyObject {
    // SAFETY (callers): `it` is a live instance and the GIL is held.
    unsafe {
        let (pos, len) = ((*it).pos, (*it).len);
        if (*it).batch.is_null() || pos >= len {
            ffi::PyErr_SetString(
                ffi::PyExc_RuntimeError,
                c"no item is ready: each result of __anext__() is awaited once".as_ptr(),
            );
            return ptr::null_mut();
        }
        // a borrowed reference; bounds-checked by the list itself (IndexError if it shrank)
        let item = ffi::PyList_GetItem((*it).batch, pos);
        if item.is_null() {
            return ptr::null_mut();
        }
        (*it).pos = pos + 1;
        ffi::Py_INCREF(item);
        if pos + 1 >= len {
            // the last item: let the batch go now rather than at the next `__anext__`
            drop_batch(it);
        }
        item
    }
}

/// Sets `StopIteration(value)` as the current exception, reusing the iterator's instance when
/// nothing else holds it. Consumes no reference.
unsafe fn raise_stop(it: *mut RawIter, value: *mut ffi::PyObject) {
    // SAFETY (callers): `it` is a live instance, `value` a live object, the GIL is held.
    unsafe {
        let stop = (*it).stop;
        let name = VALUE.load(Ordering::Relaxed);
        if !stop.is_null() && !name.is_null() && ffi::Py_REFCNT(stop) == 1 {
            // what an earlier round may have left on it (an exception being handled at the
            // time becomes the context)
            let context = ffi::PyException_GetContext(stop);
            if !context.is_null() {
                ffi::Py_DECREF(context);
                ffi::PyException_SetContext(stop, ptr::null_mut());
            }
            let traceback = ffi::PyException_GetTraceback(stop);
            if !traceback.is_null() {
                ffi::Py_DECREF(traceback);
                ffi::PyException_SetTraceback(stop, ffi::Py_None());
            }
            if ffi::PyObject_SetAttr(stop, name, value) == 0 {
                ffi::PyErr_SetObject(ffi::PyExc_StopIteration, stop);
                return;
            }
            ffi::PyErr_Clear();
        }
        let args = ffi::PyTuple_Pack(1, value);
        if args.is_null() {
            return;
        }
        let fresh = ffi::PyObject_Call(ffi::PyExc_StopIteration, args, ptr::null_mut());
        ffi::Py_DECREF(args);
        if fresh.is_null() {
            return;
        }
        ffi::PyErr_SetObject(ffi::PyExc_StopIteration, fresh);
        // keep it for the next rounds (the error state holds its own reference)
        let old = (*it).stop;
        (*it).stop = fresh;
        ffi::Py_XDECREF(old);
    }
}

unsafe extern "C" fn self_slot(o: *mut ffi::PyObject) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter with a live instance and the GIL held.
    unsafe { ffi::Py_INCREF(o) };
    o
}

/// `__anext__`: itself while the batch has items, else `refill(self)`.
unsafe extern "C" fn anext(o: *mut ffi::PyObject) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter with a live instance of this type and the GIL held.
    unsafe {
        let it = o.cast::<RawIter>();
        if !(*it).batch.is_null() && (*it).pos < (*it).len {
            ffi::Py_INCREF(o);
            return o;
        }
        let refill = (*it).refill;
        if refill.is_null() {
            ffi::PyErr_SetString(
                ffi::PyExc_TypeError,
                c"this iterator was not made by batch_aiter()".as_ptr(),
            );
            return ptr::null_mut();
        }
        let args = ffi::PyTuple_Pack(1, o);
        if args.is_null() {
            return ptr::null_mut();
        }
        let awaitable = ffi::PyObject_Call(refill, args, ptr::null_mut());
        ffi::Py_DECREF(args);
        awaitable
    }
}

/// `am_send` (3.10+): the item as the awaitable's return value, without an exception.
unsafe extern "C" fn send(
    o: *mut ffi::PyObject,
    _arg: *mut ffi::PyObject,
    result: *mut *mut ffi::PyObject,
) -> c_int {
    // SAFETY: called by the interpreter with a live instance, a valid `result` pointer and the
    // GIL held.
    unsafe {
        let item = take(o.cast::<RawIter>());
        if item.is_null() {
            *result = ptr::null_mut();
            return PYGEN_ERROR;
        }
        *result = item;
        PYGEN_RETURN
    }
}

/// `__next__` of the awaitable: the item as `StopIteration(item)`.
unsafe extern "C" fn iternext(o: *mut ffi::PyObject) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter with a live instance and the GIL held.
    unsafe {
        let it = o.cast::<RawIter>();
        let item = take(it);
        if !item.is_null() {
            raise_stop(it, item);
            ffi::Py_DECREF(item);
        }
        ptr::null_mut()
    }
}

/// `feed(batch)`: installs a non-empty list and answers its first item.
unsafe extern "C" fn feed(o: *mut ffi::PyObject, batch: *mut ffi::PyObject) -> *mut ffi::PyObject {
    // SAFETY: a METH_O method: a live instance, a live argument, the GIL held.
    unsafe {
        if ffi::PyList_Check(batch) == 0 {
            ffi::PyErr_SetString(ffi::PyExc_TypeError, c"feed() takes a list".as_ptr());
            return ptr::null_mut();
        }
        let len = ffi::PyList_Size(batch);
        if len < 1 {
            ffi::PyErr_SetString(
                ffi::PyExc_ValueError,
                c"feed() takes a non-empty list".as_ptr(),
            );
            return ptr::null_mut();
        }
        let it = o.cast::<RawIter>();
        ffi::Py_INCREF(batch);
        let old = (*it).batch;
        (*it).batch = batch;
        (*it).len = len;
        (*it).pos = 0;
        ffi::Py_XDECREF(old);
        take(it)
    }
}

/// `discard()`: drops the items not handed out yet (the stream was closed).
unsafe extern "C" fn discard(
    o: *mut ffi::PyObject,
    _unused: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: a METH_NOARGS method: a live instance, the GIL held.
    unsafe {
        let it = o.cast::<RawIter>();
        drop_batch(it);
        let none = ffi::Py_None();
        ffi::Py_INCREF(none);
        none
    }
}

unsafe extern "C" fn traverse(
    o: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
) -> c_int {
    // SAFETY: called by the garbage collector with a live instance.
    unsafe {
        let it = o.cast::<RawIter>();
        for field in [(*it).batch, (*it).refill, (*it).stop] {
            if !field.is_null() {
                let r = visit(field, arg);
                if r != 0 {
                    return r;
                }
            }
        }
        // instances of a heap type hold a reference to it
        visit(ffi::Py_TYPE(o).cast::<ffi::PyObject>(), arg)
    }
}

unsafe extern "C" fn clear(o: *mut ffi::PyObject) -> c_int {
    // SAFETY: called by the garbage collector or `dealloc` with a live instance.
    unsafe {
        let it = o.cast::<RawIter>();
        drop_batch(it);
        clear_field(&raw mut (*it).refill);
        clear_field(&raw mut (*it).stop);
    }
    0
}

unsafe extern "C" fn dealloc(o: *mut ffi::PyObject) {
    // SAFETY: called by the interpreter once the last reference is gone.
    unsafe {
        let tp = ffi::Py_TYPE(o);
        ffi::PyObject_GC_UnTrack(o.cast::<c_void>());
        clear(o);
        let free = ffi::PyType_GetSlot(tp, ffi::Py_tp_free);
        if !free.is_null() {
            let free = std::mem::transmute::<*mut c_void, ffi::freefunc>(free);
            free(o.cast::<c_void>());
        }
        ffi::Py_DECREF(tp.cast::<ffi::PyObject>());
    }
}

/// Makes the type (once per process; the module is initialised once).
pub fn register(py: Python<'_>) -> PyResult<()> {
    if !TYPE.load(Ordering::Acquire).is_null() {
        return Ok(());
    }
    let methods = Box::leak(Box::new([
        ffi::PyMethodDef {
            ml_name: c"feed".as_ptr(),
            ml_meth: ffi::PyMethodDefPointer { PyCFunction: feed },
            ml_flags: ffi::METH_O,
            ml_doc: c"Installs the next batch (a non-empty list) and returns its first item."
                .as_ptr(),
        },
        ffi::PyMethodDef {
            ml_name: c"discard".as_ptr(),
            ml_meth: ffi::PyMethodDefPointer {
                PyCFunction: discard,
            },
            ml_flags: ffi::METH_NOARGS,
            ml_doc: c"Drops the items not handed out yet.".as_ptr(),
        },
        ffi::PyMethodDef::zeroed(),
    ]));
    let mut slots = vec![
        slot(
            ffi::Py_tp_dealloc,
            dealloc as ffi::destructor as *mut c_void,
        ),
        slot(
            ffi::Py_tp_traverse,
            traverse as ffi::traverseproc as *mut c_void,
        ),
        slot(ffi::Py_tp_clear, clear as ffi::inquiry as *mut c_void),
        slot(ffi::Py_am_aiter, self_slot as ffi::unaryfunc as *mut c_void),
        slot(ffi::Py_am_anext, anext as ffi::unaryfunc as *mut c_void),
        slot(ffi::Py_am_await, self_slot as ffi::unaryfunc as *mut c_void),
        slot(
            ffi::Py_tp_iter,
            self_slot as ffi::getiterfunc as *mut c_void,
        ),
        slot(
            ffi::Py_tp_iternext,
            iternext as ffi::iternextfunc as *mut c_void,
        ),
        slot(ffi::Py_tp_methods, methods.as_mut_ptr().cast::<c_void>()),
        slot(
            ffi::Py_tp_doc,
            c"The async iterator of a stream's batches (see batch_aiter)."
                .as_ptr()
                .cast_mut()
                .cast::<c_void>(),
        ),
    ];
    if py.version_info() >= (3, 10) {
        // an unknown slot number is an error for 3.9's PyType_FromSpec
        slots.push(slot(ffi::Py_am_send, send as SendFunc as *mut c_void));
    }
    slots.push(slot(0, ptr::null_mut()));
    let slots = Box::leak(slots.into_boxed_slice());
    let spec = Box::leak(Box::new(ffi::PyType_Spec {
        name: c"cjhirashi_agents._native.BatchAsyncIterator".as_ptr(),
        basicsize: c_int::try_from(std::mem::size_of::<RawIter>())
            .map_err(|_| PyTypeError::new_err("iterator layout too large"))?,
        itemsize: 0,
        flags: std::ffi::c_uint::try_from(ffi::Py_TPFLAGS_DEFAULT | ffi::Py_TPFLAGS_HAVE_GC)
            .map_err(|_| PyTypeError::new_err("type flags out of range"))?,
        slots: slots.as_mut_ptr(),
    }));
    // SAFETY: the spec, its slots and methods are leaked, so they live as long as the type;
    // the GIL is held.
    unsafe {
        let name = ffi::PyUnicode_InternFromString(c"value".as_ptr());
        if name.is_null() {
            return Err(PyErr::fetch(py));
        }
        let tp = ffi::PyType_FromSpec(spec);
        if tp.is_null() {
            ffi::Py_DECREF(name);
            return Err(PyErr::fetch(py));
        }
        VALUE.store(name, Ordering::Release);
        TYPE.store(tp.cast::<ffi::PyTypeObject>(), Ordering::Release);
    }
    Ok(())
}

fn slot(slot: c_int, pfunc: *mut c_void) -> ffi::PyType_Slot {
    ffi::PyType_Slot { slot, pfunc }
}

/// `batch_aiter(refill)`: a new async iterator whose batches come from `refill(iterator)`, an
/// awaitable that installs the next batch with `iterator.feed(batch)` and returns what `feed`
/// returned, or raises `StopAsyncIteration` at the end.
#[pyfunction]
pub fn batch_aiter<'py>(refill: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = refill.py();
    if !refill.is_callable() {
        return Err(PyTypeError::new_err("batch_aiter() takes a callable"));
    }
    crate::guard::guard(py, || register(py))?;
    let tp = TYPE.load(Ordering::Acquire);
    // SAFETY: `tp` is the type made by `register` (alive for the process: the module holds a
    // reference that is never released); the GIL is held. `PyType_GenericAlloc` zero-fills
    // the instance (null fields) and tracks it for the garbage collector.
    unsafe {
        let o = ffi::PyType_GenericAlloc(tp, 0);
        if o.is_null() {
            return Err(PyErr::fetch(py));
        }
        let it = o.cast::<RawIter>();
        (*it).refill = refill.into_ptr();
        Ok(Bound::from_owned_ptr(py, o))
    }
}
