//! The module's tokio runtimes and the ways a Rust future is awaited from Python:
//!
//! - [`block_on_here`]: a blocking request on the calling thread's own current-thread runtime
//!   (no thread hand-off at all: the Python thread writes the request and reads the answer);
//! - [`block_on`]: a blocking wait for a task on the shared two-worker runtime (streams, whose
//!   read-ahead runs there, lists and logins);
//! - [`future_into_py`]: an `asyncio.Future` resolved from the shared runtime.
//!
//! Every blocking wait releases the GIL and checks for Ctrl-C every 50 ms. All runtimes are
//! made again after `os.fork()`. Every future is polled under [`crate::guard::catch`]: a panic
//! in the SDK ends that call with `CJHirashiError` and leaves the runtime working.

use std::any::Any;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::task::Poll;
use std::time::{Duration, Instant};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyCFunction;
use tokio::runtime::Runtime;

use crate::errors::to_py_err;
use crate::guard::{Panicked, catch};

/// How long a blocking wait sleeps between two checks for signals (Ctrl-C).
const SIGNAL_SLICE: Duration = Duration::from_millis(50);

/// A blocking call made this long after the thread's previous one first lets the runtime
/// notice connections the server closed in between ([`settle`]).
const SETTLE_AFTER_IDLE: Duration = Duration::from_millis(1);

/// Forks this process has gone through (counted in the child by a `pthread_atfork` handler).
static FORKS: AtomicU64 = AtomicU64::new(0);

/// Set when the `pthread_atfork` handler could not be registered: the process id is then the
/// generation (a system call per use, but still right after a fork).
#[cfg(unix)]
static FORK_BY_PID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn count_fork_in_child() {
    // async-signal-safe: one atomic add
    FORKS.fetch_add(1, Ordering::Relaxed);
}

/// Which process this is, as far as runtimes and connection pools care: changes in the child
/// of every `fork()` (`os.fork()`, `multiprocessing`, or a C library's own). Cheaper than
/// `getpid()`, a system call, on every request.
pub fn process_generation() -> u64 {
    // (without `fork`, as on Windows, it never changes)
    #[cfg(unix)]
    static HANDLER: std::sync::Once = std::sync::Once::new();
    #[cfg(unix)]
    HANDLER.call_once(|| {
        // SAFETY: registers a handler that only performs an atomic add (allowed in a forked
        // child of a multi-threaded process); the function lives as long as the module, which
        // is never unloaded by CPython.
        #[allow(unsafe_code)]
        let rc = unsafe { libc::pthread_atfork(None, None, Some(count_fork_in_child)) };
        if rc != 0 {
            FORK_BY_PID.store(true, Ordering::Relaxed);
        }
    });
    #[cfg(unix)]
    if FORK_BY_PID.load(Ordering::Relaxed) {
        return u64::from(std::process::id());
    }
    FORKS.load(Ordering::Relaxed)
}

static RUNTIME: Mutex<Option<(u64, Arc<Runtime>)>> = Mutex::new(None);

/// The runtime of this process; a child made by `fork` gets a new one (the parent's worker
/// threads do not exist in the child).
pub fn runtime() -> Arc<Runtime> {
    let process = process_generation();
    let mut slot = RUNTIME.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((owner, rt)) = slot.as_ref()
        && *owner == process
    {
        return rt.clone();
    }
    if let Some((_, stale)) = slot.take() {
        // The parent's threads are gone: dropping would wait for them forever.
        std::mem::forget(stale);
    }
    let rt = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("cjhirashi-agents")
            .enable_all()
            .build()
            // Only when the OS refuses threads or an event fd: not input-driven, and caught by
            // the entry points' guard (guard.rs) as a CJHirashiError.
            .unwrap_or_else(|e| runtime_failure(&e)),
    );
    *slot = Some((process, rt.clone()));
    rt
}

/// Runs `fut` on the runtime and waits for it with the GIL released. The whole request runs
/// on a worker (where its connection's I/O is driven too), so the caller is woken once, at the
/// end. Between 50 ms slices the wait checks for signals; when a handler raises (Ctrl-C gives
/// `KeyboardInterrupt`) the task is aborted, which drops the future and closes its
/// connection, and the exception propagates.
pub fn block_on<T, F>(py: Python<'_>, fut: F) -> PyResult<T>
where
    T: Send + 'static,
    F: Future<Output = T> + Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::sync_channel::<Result<T, Panicked>>(1);
    let handle = runtime().spawn(async move {
        let _ = tx.send(catch(fut).await);
    });
    let mut rx = rx;
    loop {
        let (back, got) = py.detach(move || {
            let got = rx.recv_timeout(SIGNAL_SLICE);
            (rx, got)
        });
        rx = back;
        match got {
            Ok(Ok(v)) => return Ok(v),
            Ok(Err(panicked)) => return Err(panicked.into_py_err(py)),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                if let Err(e) = py.check_signals() {
                    handle.abort();
                    return Err(e);
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(crate::guard::internal_error(
                    py,
                    "the SDK task stopped without an answer",
                ));
            }
        }
    }
}

/// What one OS thread keeps for its blocking calls: a current-thread runtime, and the client
/// handles whose connection pools that runtime drives (hyper runs a connection on the runtime
/// that opened it, so a pool must never be shared with another runtime).
struct ThreadState {
    /// The signal slice of the thread's blocking calls: one timer, kept registered from one
    /// call to the next and renewed when it runs out (so a wait still checks for signals at
    /// least every [`SIGNAL_SLICE`]), instead of a timer registered and cancelled per call.
    /// Declared before `rt`, so it is dropped while its runtime still exists.
    slice: Option<Pin<Box<tokio::time::Sleep>>>,
    /// [`process_generation`] when the state was made.
    process: u64,
    rt: Rc<Runtime>,
    /// When the last blocking call on this thread ended.
    idle_since: Option<Instant>,
    handles: Vec<ThreadHandle>,
}

struct ThreadHandle {
    /// The native client object the handle belongs to (dead once that object is gone).
    owner: Weak<()>,
    /// Which of the owner's clients it was made from (a login replaces the client).
    generation: u64,
    handle: Box<dyn Any>,
}

thread_local! {
    static THREAD: RefCell<Option<ThreadState>> = const { RefCell::new(None) };
}

fn with_thread<R>(f: impl FnOnce(&mut ThreadState) -> R) -> R {
    THREAD.with(|cell| {
        let mut slot = cell.borrow_mut();
        let process = process_generation();
        if slot.as_ref().is_some_and(|s| s.process != process) {
            // A forked child: the runtime's epoll instance and the pooled sockets are shared
            // with the parent, so nothing of them may be closed or deregistered here.
            std::mem::forget(slot.take());
        }
        let state = slot.get_or_insert_with(|| ThreadState {
            process,
            rt: Rc::new(
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap_or_else(|e| runtime_failure(&e)),
            ),
            handles: Vec::new(),
            idle_since: None,
            slice: None,
        });
        f(state)
    })
}

/// The calling thread's handle of `owner`'s client at `generation`, made by `make` (a client
/// with a connection pool of its own) the first time. Handles of owners that are gone (a client
/// closed or dropped) are dropped first.
pub fn thread_handle<C: Clone + 'static>(
    owner: &Arc<()>,
    generation: u64,
    make: impl FnOnce() -> agents_sdk::Result<C>,
) -> agents_sdk::Result<C> {
    with_thread(|s| {
        // Handles of closed or dropped clients made on other threads go here, at this
        // thread's next blocking call (whose runtime then closes their connections).
        if s.handles.iter().any(|h| h.owner.strong_count() == 0) {
            s.handles.retain(|h| h.owner.strong_count() > 0);
        }
        // A live Weak keeps its allocation, so pointer equality means the same owner.
        let found = s.handles.iter().find(|h| {
            h.generation == generation && std::ptr::eq(h.owner.as_ptr(), Arc::as_ptr(owner))
        });
        if let Some(c) = found.and_then(|h| h.handle.downcast_ref::<C>()) {
            return Ok(c.clone());
        }
        let c = make()?;
        s.handles.retain(|h| {
            h.owner.strong_count() > 0 && !std::ptr::eq(h.owner.as_ptr(), Arc::as_ptr(owner))
        });
        s.handles.push(ThreadHandle {
            owner: Arc::downgrade(owner),
            generation,
            handle: Box::new(c.clone()),
        });
        Ok(c)
    })
}

/// Drops the calling thread's handles whose owner is gone (a client object being dropped
/// calls this), then lets the runtime run once so their connections close now rather than at
/// the thread's next call. Does nothing on a thread that never made a blocking call, in a
/// forked child, or while the thread-local state is being torn down.
pub fn release_dead_handles() {
    let rt = THREAD.try_with(|cell| {
        let mut slot = cell.try_borrow_mut().ok()?;
        let state = slot
            .as_mut()
            .filter(|s| s.process == process_generation())?;
        let before = state.handles.len();
        state.handles.retain(|h| h.owner.strong_count() > 0);
        (state.handles.len() != before).then(|| state.rt.clone())
    });
    if let Ok(Some(rt)) = rt
        && tokio::runtime::Handle::try_current().is_err()
    {
        rt.block_on(settle());
    }
}

/// Lets a current-thread runtime poll its I/O driver and run the connection tasks that wakes
/// (two yields: the first reaches the driver, the second runs what it woke). Nothing drives a
/// thread's runtime between two blocking calls, so a keep-alive connection the server closed,
/// or one whose client was dropped, is only noticed this way.
async fn settle() {
    tokio::task::yield_now().await;
    tokio::task::yield_now().await;
}

/// Runs `fut` on the calling thread's current-thread runtime with the GIL released: the
/// request is written, awaited and read on this thread, so a call costs no wake-up of another
/// thread. Use it only with a client from [`thread_handle`]. Between 50 ms slices the wait
/// checks for signals; when a handler raises, the future is dropped, the runtime is run once
/// more so the connection it used is closed, and the exception propagates.
pub fn block_on_here<T, F>(py: Python<'_>, fut: F) -> PyResult<T>
where
    T: Send,
    F: Future<Output = T> + Send,
{
    let (rt, idle_since, mut slice) =
        with_thread(|s| (s.rt.clone(), s.idle_since.take(), s.slice.take()));
    let rt: &Runtime = &rt;
    // Before a pooled connection is checked out, drop those the server closed meanwhile. A
    // server closes an idle keep-alive connection after seconds, not within a millisecond of
    // its answer, so a call that follows the thread's previous one that closely skips it.
    let settle_first = idle_since.is_none_or(|t| t.elapsed() >= SETTLE_AFTER_IDLE);
    let outcome = {
        // pinned on this stack frame, not the heap: a request's future is several kilobytes,
        // and a heap block that size costs glibc's malloc a consolidation pass on every call
        let mut fut = std::pin::pin!(catch(async move {
            if settle_first {
                settle().await;
            }
            fut.await
        }));
        loop {
            let mut call = fut.as_mut();
            let slice = &mut slice;
            // `None`: the signal slice ran out first
            let got = py.detach(|| {
                rt.block_on(std::future::poll_fn(|cx| {
                    if let Poll::Ready(v) = call.as_mut().poll(cx) {
                        return Poll::Ready(Some(v));
                    }
                    // made inside the runtime: a timer needs the runtime's time driver
                    let sleep =
                        slice.get_or_insert_with(|| Box::pin(tokio::time::sleep(SIGNAL_SLICE)));
                    match sleep.as_mut().poll(cx) {
                        Poll::Ready(()) => Poll::Ready(None),
                        Poll::Pending => Poll::Pending,
                    }
                }))
            });
            match got {
                Some(Ok(v)) => break Ok(v),
                Some(Err(panicked)) => break Err(panicked.into_py_err(py)),
                None => {
                    // the next wait gets a slice of its own
                    *slice = None;
                    if let Err(e) = py.check_signals() {
                        break Err(e);
                    }
                }
            }
        }
        // the future (and the connection it holds) is dropped here
    };
    if outcome.is_err() {
        // let the runtime close the connection the dropped future used
        py.detach(|| rt.block_on(settle()));
    }
    let ok = outcome.is_ok();
    with_thread(|s| {
        s.slice = slice;
        if ok {
            s.idle_since = Some(Instant::now());
        }
    });
    outcome
}

/// [`block_on_here`] for a fallible SDK future, converting the error at the one conversion
/// point.
pub fn block_on_here_sdk<T, F>(py: Python<'_>, fut: F) -> PyResult<T>
where
    T: Send,
    F: Future<Output = agents_sdk::Result<T>> + Send,
{
    block_on_here(py, fut)?.map_err(|e| to_py_err(py, e))
}

/// `block_on` for a fallible SDK future, converting the error at the one conversion point.
pub fn block_on_sdk<T, F>(py: Python<'_>, fut: F) -> PyResult<T>
where
    T: Send + 'static,
    F: Future<Output = agents_sdk::Result<T>> + Send + 'static,
{
    block_on(py, fut)?.map_err(|e| to_py_err(py, e))
}

/// Runs `fut` on the runtime and returns an `asyncio.Future` of the running loop that gets its
/// result (converted by `conv` with the GIL held) or its error. Cancelling the asyncio future
/// aborts the Rust task: the future is a [`call_future_class`] whose `cancel()` does it (a
/// done-callback per call, the obvious way, cost about 3 µs of the loop's thread per call:
/// a closure object, the registration, and a loop callback scheduled at every completion).
///
/// Completions do not take the GIL on a runtime thread: they are queued on the loop's
/// [`LoopBridge`] and one byte on a pipe wakes the loop, whose reader callback drains the queue
/// (one wake-up and one GIL hand-off per batch of completions instead of one per call). Loops
/// without `add_reader` fall back to `call_soon_threadsafe`.
pub fn future_into_py<'py, T, F, C>(py: Python<'py>, fut: F, conv: C) -> PyResult<Bound<'py, PyAny>>
where
    T: Send + 'static,
    F: Future<Output = agents_sdk::Result<T>> + Send + 'static,
    C: FnOnce(Python<'_>, T) -> PyResult<Py<PyAny>> + Send + 'static,
{
    let event_loop = get_running_loop(py)?.call0()?;
    // no `loop=` argument: an asyncio future made without one belongs to the running loop,
    // which is `event_loop` (found without the keyword dict and its parsing)
    let py_future = call_future_class(py)?.call0()?;
    let target = py_future.clone().unbind();
    let complete = move |py: Python<'_>, out: Result<agents_sdk::Result<T>, Panicked>| {
        let converted = crate::guard::guard(py, || match out {
            Ok(Ok(v)) => conv(py, v),
            Ok(Err(e)) => Err(to_py_err(py, e)),
            Err(panicked) => Err(panicked.into_py_err(py)),
        });
        let (ok, value) = match converted {
            Ok(v) => (true, v),
            Err(e) => (false, e.into_value(py).into_any()),
        };
        let _ = resolve(py, target.bind(py), ok, value.bind(py));
    };
    let handle = match LoopBridge::for_loop(py, &event_loop) {
        Ok(bridge) => runtime().spawn(async move {
            let out = catch(fut).await;
            bridge.push(Box::new(move |py| complete(py, out)));
        }),
        Err(_) => {
            let loop_ref = event_loop.clone().unbind();
            runtime().spawn(async move {
                let out = catch(fut).await;
                let once = Mutex::new(Some((complete, out)));
                Python::attach(|py| {
                    let cb = PyCFunction::new_closure(py, None, None, move |args, _| {
                        let taken = once.lock().unwrap_or_else(|e| e.into_inner()).take();
                        if let Some((complete, out)) = taken {
                            complete(args.py(), out);
                        }
                        Ok::<(), PyErr>(())
                    });
                    if let Ok(cb) = cb {
                        // fails only when the loop is closed; nobody is waiting then
                        let _ = loop_ref.call_method1(py, "call_soon_threadsafe", (cb,));
                    }
                });
            })
        }
    };
    py_future.setattr(
        pyo3::intern!(py, "_abort"),
        Py::new(py, AbortTask(handle.abort_handle()))?,
    )?;
    Ok(py_future)
}

/// Made when a client is: if an asyncio loop is running on this thread (an `AsyncClient` made
/// in async code), the shared runtime and the future class its calls answer are made now, not
/// in the client's first call, which would otherwise pay for them (about 2 ms: two worker
/// threads and a class compiled from source). Outside a running loop (a blocking client, or an
/// `AsyncClient` made before `asyncio.run`) nothing is made: no threads exist before a `fork()`
/// that did not exist already. Best effort: a failure here is left for the first call to meet.
pub fn prepare_for_running_loop(py: Python<'_>) {
    // no asyncio imported, no loop running: a blocking client must not pay for importing it
    // (about 40 ms, four times the package's own import)
    let imported = py
        .import("sys")
        .and_then(|sys| sys.getattr("modules"))
        .and_then(|modules| modules.contains("asyncio"));
    if !matches!(imported, Ok(true)) {
        return;
    }
    static PROBE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let running = PROBE
        .get_or_try_init(py, || {
            py.import("asyncio")?
                .getattr("_get_running_loop")
                .map(Bound::unbind)
        })
        .and_then(|probe| probe.bind(py).call0());
    if running.is_ok_and(|l| !l.is_none()) {
        drop(runtime());
        let _ = call_future_class(py);
    }
}

/// Aborts a runtime task when called (what a [`call_future_class`] future's `cancel()` calls).
#[pyclass(frozen, module = "cjhirashi_agents._native")]
#[derive(Debug)]
pub struct AbortTask(tokio::task::AbortHandle);

#[pymethods]
impl AbortTask {
    fn __call__(&self) {
        self.0.abort();
    }
}

/// `asyncio.Future` whose `cancel()` also calls its `_abort` (an [`AbortTask`]) once the future
/// is cancelled: how cancelling an awaited call drops its Rust task (and closes its
/// connection) at once. Made once per process.
fn call_future_class(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static CLASS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    Ok(CLASS
        .get_or_try_init(py, || {
            let code = c"import asyncio

class CallFuture(asyncio.Future):
    \"\"\"The future of a native call: cancelling it aborts the call.\"\"\"

    __slots__ = ('_abort',)

    def cancel(self, *args, **kwargs):
        cancelled = super().cancel(*args, **kwargs)
        abort = getattr(self, '_abort', None)
        if cancelled and abort is not None:
            abort()
        return cancelled
";
            let module = PyModule::from_code(
                py,
                code,
                c"cjhirashi_agents/_call_future.py",
                c"cjhirashi_agents._call_future",
            )?;
            module.getattr("CallFuture").map(Bound::unbind)
        })?
        .bind(py))
}

/// Sets the result or exception of an asyncio future. One that is already done (cancelled)
/// refuses it with `InvalidStateError`, which the caller drops: asking `done()` first would
/// cost every completion a second method call for the rare cancelled one.
fn resolve(
    py: Python<'_>,
    fut: &Bound<'_, PyAny>,
    ok: bool,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let method = if ok {
        pyo3::intern!(py, "set_result")
    } else {
        pyo3::intern!(py, "set_exception")
    };
    fut.call_method1(method, (value,))?;
    Ok(())
}

type Completion = Box<dyn FnOnce(Python<'_>) + Send>;

/// Hands finished tasks to one asyncio loop: a queue plus a pipe the loop watches.
pub struct LoopBridge {
    queue: Mutex<Vec<Completion>>,
    wake: Mutex<std::io::PipeWriter>,
}

/// Keeps a loop's bridge alive as an attribute of the loop.
#[cfg(unix)]
#[pyclass(name = "_LoopBridge", module = "cjhirashi_agents._native", frozen)]
pub struct LoopBridgeRef(Arc<LoopBridge>);

#[cfg(unix)]
const BRIDGE_ATTR: &str = "_cjhirashi_agents_bridge";

impl LoopBridge {
    /// Without file descriptors (Windows, whose default proactor loop has no `add_reader`
    /// anyway) there is no bridge: completions go through `call_soon_threadsafe`.
    #[cfg(not(unix))]
    fn for_loop(_py: Python<'_>, _event_loop: &Bound<'_, PyAny>) -> PyResult<Arc<LoopBridge>> {
        Err(pyo3::exceptions::PyOSError::new_err(
            "no loop bridge on this platform",
        ))
    }

    #[cfg(unix)]
    fn for_loop(py: Python<'_>, event_loop: &Bound<'_, PyAny>) -> PyResult<Arc<LoopBridge>> {
        if let Ok(existing) = event_loop.getattr(BRIDGE_ATTR)
            && let Ok(r) = existing.cast::<LoopBridgeRef>()
        {
            return Ok(r.get().0.clone());
        }
        let (reader, writer) =
            std::io::pipe().map_err(|e| pyo3::exceptions::PyOSError::new_err(e.to_string()))?;
        let bridge = Arc::new(LoopBridge {
            queue: Mutex::new(Vec::new()),
            wake: Mutex::new(writer),
        });
        use std::os::fd::AsRawFd;
        let fd = reader.as_raw_fd();
        let drain_bridge = bridge.clone();
        let reader = Mutex::new(reader);
        let drain = PyCFunction::new_closure(py, None, None, move |args, _| -> PyResult<()> {
            use std::io::Read;
            let mut buf = [0u8; 256];
            // readable: one read returns what is there without blocking
            let _ = reader
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .read(&mut buf);
            let batch =
                std::mem::take(&mut *drain_bridge.queue.lock().unwrap_or_else(|e| e.into_inner()));
            for complete in batch {
                // each completion catches its own panics; this keeps one from dropping the
                // rest of the batch all the same
                let _ = crate::guard::guard(args.py(), || {
                    complete(args.py());
                    Ok(())
                });
            }
            Ok(())
        })?;
        event_loop.call_method1("add_reader", (fd, drain))?;
        event_loop.setattr(BRIDGE_ATTR, Py::new(py, LoopBridgeRef(bridge.clone()))?)?;
        Ok(bridge)
    }

    fn push(&self, complete: Completion) {
        let was_empty = {
            let mut q = self.queue.lock().unwrap_or_else(|e| e.into_inner());
            q.push(complete);
            q.len() == 1
        };
        if was_empty {
            use std::io::Write;
            let _ = self
                .wake
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .write_all(&[1]);
        }
    }
}

/// `asyncio.get_running_loop`, looked up once per process.
fn get_running_loop(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static GET_RUNNING_LOOP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    Ok(GET_RUNNING_LOOP
        .get_or_try_init(py, || {
            py.import("asyncio")?
                .getattr("get_running_loop")
                .map(Bound::unbind)
        })?
        .bind(py))
}

/// A tokio runtime could not be started (the OS refused a thread or an event fd). Not caused by
/// any input; the panic is caught by the entry points' guard and raised as `CJHirashiError`.
#[allow(clippy::panic)]
fn runtime_failure(e: &std::io::Error) -> ! {
    panic!("cannot start a tokio runtime: {e}")
}
