//! How a native call's promise is settled: one threadsafe function per JavaScript environment,
//! made once and kept, instead of napi-rs's default of one per promise.
//!
//! napi-rs's `Env::spawn_future` makes a threadsafe function for every promise, which means a
//! libuv async handle opened, woken once and closed again for every request. Profiled on a
//! small request (`agents.list()` against a local server, `perf record` of `node`), that
//! creation and the handle's close callback cost about a tenth of the JavaScript thread's time.
//! Here a call only creates a plain promise (`napi_create_promise`); its future runs on the
//! runtime, and its outcome is queued on the environment's one threadsafe function, whose
//! callback settles the promise on the JavaScript thread. libuv coalesces the wake-ups of
//! completions that arrive together into one. The same queue carries the log records of
//! `crate::logging` (which do not count as calls), so they reach JavaScript in order with the
//! completions: a call's records before its promise settles.
//!
//! The threadsafe function does not keep Node running by itself: it is referenced only while at
//! least one call of its environment is in flight (as the per-promise ones were). When the
//! environment goes away, its finalizer marks it closed under a lock, so a completion that
//! arrives later is dropped instead of touching freed memory.

#![allow(unsafe_code)]

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::ptr;
use std::sync::{Arc, RwLock};

use futures::FutureExt;
use napi::bindgen_prelude::{PromiseRaw, ToNapiValue};
use napi::{Env, sys};

use crate::error::panic_error;

/// A completion: settles one promise, given the environment (`None` while the environment is
/// being torn down: then it only frees what it holds).
/// `NAPI_AUTO_LENGTH`: the string argument is a C string, read up to its NUL.
const NUL_TERMINATED: isize = -1;

pub(crate) type Job = Box<dyn FnOnce(Option<sys::napi_env>) + Send>;

/// What is queued: a job, and whether it settles a call (counted in `State::in_flight`) or is
/// a log record (or a log sink's release: see `crate::logging`), which a call in flight
/// brought about and which does not count.
pub(crate) struct Queued {
    job: Job,
    settles: bool,
}

/// The threadsafe function of one environment, as the runtime's threads use it.
#[derive(Clone)]
pub(crate) struct Sender {
    tsfn: RawTsfn,
    /// The environment (compared only, never used off its thread).
    env: usize,
    /// Set (under the write lock) by the finalizer when the environment goes away; a sender
    /// holds the read lock while it queues, so the function outlives every queued call.
    closed: Arc<RwLock<bool>>,
}

#[derive(Clone, Copy)]
struct RawTsfn(sys::napi_threadsafe_function);

// SAFETY: a threadsafe function is made to be called from any thread (that is its purpose);
// the `closed` flag keeps calls from reaching one that was finalized.
unsafe impl Send for RawTsfn {}
// SAFETY: as above; calls only pass the handle by value.
unsafe impl Sync for RawTsfn {}

/// A promise's deferred handle, carried to the runtime and back; used only on the JavaScript
/// thread that made it (in `call_js`).
struct Deferred(sys::napi_deferred);

// SAFETY: the handle is only moved through the runtime, never used there: it is settled by
// `call_js`, which runs on the environment's own thread.
unsafe impl Send for Deferred {}

impl Sender {
    /// Queues a completion (it ends a call in flight).
    fn send(&self, job: Job) {
        self.queue(Queued { job, settles: true });
    }

    /// Queues a job that is no call's completion (a log record): run on the JavaScript thread
    /// in order with the completions, never blocking the calling thread.
    pub(crate) fn send_other(&self, job: Job) {
        self.queue(Queued {
            job,
            settles: false,
        });
    }

    fn queue(&self, queued: Queued) {
        // on the JavaScript thread, during a turn of its runtime (`crate::driver`): run on the
        // same thread right after the turn, in order, without the threadsafe function's trip
        // through the loop
        let queued = match crate::driver::defer(self.env, queued, run_queued) {
            Ok(()) => return,
            Err(queued) => queued,
        };
        let closed = self.closed.read().unwrap_or_else(|e| e.into_inner());
        if *closed {
            (queued.job)(None);
            return;
        }
        let data = Box::into_raw(Box::new(queued));
        // SAFETY: the function is alive (not finalized: `closed` is false and the finalizer
        // waits for this read lock); `data` is a leaked `Box<Queued>` that `call_js` takes back.
        let status = unsafe {
            sys::napi_call_threadsafe_function(
                self.tsfn.0,
                data.cast(),
                sys::ThreadsafeFunctionCallMode::nonblocking,
            )
        };
        if status != sys::Status::napi_ok {
            // closing or queue refused: the job was not queued, so it is still ours
            // SAFETY: `data` came from `Box::into_raw` above and was not handed over.
            let queued = unsafe { Box::from_raw(data) };
            (queued.job)(None);
        }
    }
}

/// What the JavaScript thread keeps of its environment's function.
struct Local {
    env: sys::napi_env,
    sender: Sender,
    /// The state `call_js` and the finalizer see (the function's context).
    state: *const State,
}

/// The function's context: JavaScript-thread state shared with `call_js`.
struct State {
    tsfn: Cell<sys::napi_threadsafe_function>,
    /// Calls spawned and not settled yet; the function is referenced while above zero.
    in_flight: Cell<usize>,
    closed: Arc<RwLock<bool>>,
}

thread_local! {
    /// The functions of the environments living on this thread (usually one).
    static LOCALS: RefCell<Vec<Local>> = const { RefCell::new(Vec::new()) };
}

unsafe extern "C" fn call_js(
    env: sys::napi_env,
    _js_callback: sys::napi_value,
    context: *mut std::ffi::c_void,
    data: *mut std::ffi::c_void,
) {
    if data.is_null() {
        return;
    }
    // SAFETY: every queued `data` is a leaked `Box<Queued>` (see `Sender::queue`).
    let queued = *unsafe { Box::from_raw(data.cast::<Queued>()) };
    if env.is_null() {
        // the environment is being torn down: free the job only
        (queued.job)(None);
        return;
    }
    // SAFETY: `context` is the `State` leaked in `sender_for`, freed only by the finalizer,
    // which runs after the last `call_js` of this function.
    let state = unsafe { context.cast::<State>().as_ref() };
    run_with(env, queued, state);
}

/// Runs a job queued during a turn of the environment's runtime (`crate::driver`), on its
/// thread, with a handle scope open.
fn run_queued(env: sys::napi_env, queued: Queued) {
    let state = LOCALS.with(|locals| {
        locals
            .borrow()
            .iter()
            .find(|l| l.env == env)
            .map(|l| l.state)
    });
    // SAFETY: the state lives until the function's finalizer, which has not run: the
    // environment is alive (its runtime is turning).
    run_with(env, queued, state.and_then(|s| unsafe { s.as_ref() }));
}

/// Runs a job, and for a completion counts its call out: the queue stops keeping Node running
/// once no call is in flight.
fn run_with(env: sys::napi_env, Queued { job, settles }: Queued, state: Option<&State>) {
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| job(Some(env))));
    drop(result);
    if !settles {
        return;
    }
    if let Some(state) = state {
        let left = state.in_flight.get().saturating_sub(1);
        state.in_flight.set(left);
        if left == 0 {
            // SAFETY: on the environment's thread, with a live function.
            unsafe { sys::napi_unref_threadsafe_function(env, state.tsfn.get()) };
            if let Some(driver) = crate::driver::current(env) {
                driver.set_busy(false);
            }
        }
    }
}

unsafe extern "C" fn finalize(
    env: sys::napi_env,
    _finalize_data: *mut std::ffi::c_void,
    context: *mut std::ffi::c_void,
) {
    if context.is_null() {
        return;
    }
    // SAFETY: `context` is the `State` leaked in `sender_for`; the finalizer runs once.
    let state = unsafe { Box::from_raw(context.cast::<State>()) };
    *state.closed.write().unwrap_or_else(|e| e.into_inner()) = true;
    let _ = LOCALS.try_with(|locals| {
        if let Ok(mut locals) = locals.try_borrow_mut() {
            locals.retain(|l| !(l.env == env && ptr::eq(l.state, &*state)));
        }
    });
}

/// The sender of `env`'s queue (made on first use), for jobs other than completions.
pub(crate) fn sender(env: sys::napi_env) -> napi::Result<Sender> {
    sender_for(env).map(|(s, _)| s)
}

/// The sender of `env`'s function (made on first use) and its state.
fn sender_for(env: sys::napi_env) -> napi::Result<(Sender, *const State)> {
    let found = LOCALS.with(|locals| {
        locals
            .borrow()
            .iter()
            .find(|l| l.env == env)
            .map(|l| (l.sender.clone(), l.state))
    });
    if let Some(found) = found {
        return Ok(found);
    }
    let closed = Arc::new(RwLock::new(false));
    let state = Box::into_raw(Box::new(State {
        tsfn: Cell::new(ptr::null_mut()),
        in_flight: Cell::new(0),
        closed: closed.clone(),
    }));
    let mut name = ptr::null_mut();
    let mut tsfn = ptr::null_mut();
    // SAFETY: plain Node-API calls on the environment's own thread; `state` is handed to the
    // function as its context and freed by `finalize`.
    let status = unsafe {
        let s = sys::napi_create_string_utf8(
            env,
            c"cjhirashi-agents".as_ptr(),
            NUL_TERMINATED,
            &mut name,
        );
        if s == sys::Status::napi_ok {
            sys::napi_create_threadsafe_function(
                env,
                ptr::null_mut(),
                ptr::null_mut(),
                name,
                0,
                1,
                ptr::null_mut(),
                Some(finalize),
                state.cast(),
                Some(call_js),
                &mut tsfn,
            )
        } else {
            s
        }
    };
    if status != sys::Status::napi_ok {
        // SAFETY: not handed over: the function was not made.
        drop(unsafe { Box::from_raw(state) });
        return Err(napi::Error::new(
            napi::Status::GenericFailure,
            "could not create the completion queue",
        ));
    }
    // SAFETY: `state` lives until `finalize`; the function does not keep Node running until
    // a call is in flight.
    unsafe {
        (*state).tsfn.set(tsfn);
        sys::napi_unref_threadsafe_function(env, tsfn);
    }
    let sender = Sender {
        tsfn: RawTsfn(tsfn),
        env: env as usize,
        closed,
    };
    LOCALS.with(|locals| {
        locals.borrow_mut().push(Local {
            env,
            sender: sender.clone(),
            state,
        });
    });
    Ok((sender, state))
}

/// Runs `fut` on the runtime and answers a promise settled with its outcome on the JavaScript
/// thread: resolved with the value, or rejected with the error (a panic in the future becomes
/// the SDK's internal error, as with napi's own bridge).
pub(crate) fn spawn<'e, T, F>(env: &'e Env, fut: F) -> napi::Result<PromiseRaw<'e, T>>
where
    T: ToNapiValue + Send + 'static,
    F: Future<Output = napi::Result<T>> + Send + 'static,
{
    spawn_in(env, Where::Here, fut)
}

/// Where a future runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Where {
    /// On the JavaScript thread's own runtime (`crate::driver`) where there is one, else on
    /// napi's runtime.
    Here,
    /// On napi's multi-thread runtime: for servers (the sandbox), whose tasks must keep running
    /// (and their timers firing) while no call of this environment is in flight.
    Workers,
}

/// [`spawn`], on the runtime `where_` says.
pub(crate) fn spawn_in<'e, T, F>(
    env: &'e Env,
    where_: Where,
    fut: F,
) -> napi::Result<PromiseRaw<'e, T>>
where
    T: ToNapiValue + Send + 'static,
    F: Future<Output = napi::Result<T>> + Send + 'static,
{
    let raw_env = env.raw();
    let (sender, state) = sender_for(raw_env)?;
    let mut deferred = ptr::null_mut();
    let mut promise = ptr::null_mut();
    // SAFETY: on the environment's thread.
    let status = unsafe { sys::napi_create_promise(raw_env, &mut deferred, &mut promise) };
    if status != sys::Status::napi_ok {
        return Err(napi::Error::new(
            napi::Status::GenericFailure,
            "could not create a promise",
        ));
    }
    // SAFETY: `state` lives until the finalizer, which cannot run while this environment is
    // running JavaScript (this call).
    let state = unsafe { &*state };
    if state.in_flight.get() == 0 {
        // SAFETY: on the environment's thread, with a live function.
        unsafe { sys::napi_ref_threadsafe_function(raw_env, state.tsfn.get()) };
    }
    state.in_flight.set(state.in_flight.get().saturating_add(1));
    let deferred = Deferred(deferred);
    let task = async move {
        let outcome = AssertUnwindSafe(fut)
            .catch_unwind()
            .await
            .unwrap_or_else(|panic| Err(panic_error(panic)));
        sender.send(Box::new(move |env| {
            if let Some(env) = env {
                settle(env, deferred, outcome);
            }
        }));
    };
    match (where_, crate::driver::current(raw_env)) {
        (Where::Here, Some(driver)) => {
            if state.in_flight.get() == 1 {
                driver.set_busy(true);
            }
            driver.run(task);
        }
        _ => {
            napi::bindgen_prelude::spawn(task);
        }
    }
    Ok(PromiseRaw::new(raw_env, promise))
}

/// Resolves or rejects the promise of `deferred` on its environment's thread.
fn settle<T: ToNapiValue>(env: sys::napi_env, deferred: Deferred, outcome: napi::Result<T>) {
    // SAFETY: called from `call_js` on the environment's thread with a live environment.
    unsafe {
        match outcome.and_then(|v| T::to_napi_value(env, v)) {
            Ok(value) => {
                sys::napi_resolve_deferred(env, deferred.0, value);
            }
            Err(e) => match napi::Error::to_napi_value(env, e) {
                Ok(error) => {
                    sys::napi_reject_deferred(env, deferred.0, error);
                }
                Err(_) => {
                    let mut message = ptr::null_mut();
                    let mut error = ptr::null_mut();
                    sys::napi_create_string_utf8(
                        env,
                        c"the SDK could not convert an error".as_ptr(),
                        NUL_TERMINATED,
                        &mut message,
                    );
                    sys::napi_create_error(env, ptr::null_mut(), message, &mut error);
                    sys::napi_reject_deferred(env, deferred.0, error);
                }
            },
        }
    }
}
