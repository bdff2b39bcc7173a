//! Calls driven on the JavaScript thread: a current-thread tokio runtime per environment, turned
//! by Node's own event loop, so a request is written, read and decoded on the thread that made
//! it, with no hand-off to a runtime worker and back.
//!
//! Why: profiled on small requests (`bench/thread_cpu.mjs`, `perf`), the hand-offs were the
//! largest cost of a call: the JavaScript thread woke a runtime worker to send the request, the
//! worker woke the JavaScript thread to settle the promise, and each switch between the two
//! threads (on a machine as busy as its cores) cost more than the request's own work.
//!
//! How (Linux): the runtime's I/O driver waits on an epoll descriptor; that descriptor is itself
//! pollable, so it is watched by a libuv poll handle on Node's loop. When it becomes readable
//! (a socket the runtime waits on has news, or another thread woke a task) the loop calls back
//! and the runtime is turned: `block_on` of a future that stays pending until the runtime has
//! nothing left to run. Its scheduler calls the park hook ([`on_park`]) each time it ran out of
//! tasks: if the epoll descriptor has more events, the runtime is let to park, which takes them
//! at once (the descriptor is ready, so it does not block); otherwise the turn ends. A new call
//! turns the runtime at once, so its request is on the wire before the call returns.
//!
//! Two things the loop cannot see are covered by a libuv timer: the runtime's own timers
//! (timeouts, retry back-off, idle streams) and an event the runtime took in the very last poll
//! of a turn (between the park hook's check and that poll, about a microsecond). While a call
//! is in flight the runtime is turned at least every [`TICK_MS`] milliseconds.
//!
//! Where this cannot be set up (another platform, a runtime without libuv's symbols such as
//! Bun or Deno, `CJHIRASHI_NODE_RUNTIME=worker`), calls run on napi's multi-thread runtime as
//! before ([`current`] answers `None`). Neither handle keeps Node running: the completion queue
//! of `crate::bridge` does that while calls are in flight.

#![allow(unsafe_code)]

#[cfg(target_os = "linux")]
mod imp {
    use std::cell::{Cell, RefCell};
    use std::collections::HashSet;
    use std::ffi::{CStr, c_int, c_void};
    use std::future::Future;
    use std::panic::AssertUnwindSafe;
    use std::pin::Pin;
    use std::ptr;
    use std::rc::Rc;
    use std::task::{Context, Poll, Waker};

    use napi::sys;
    use tokio::runtime::Runtime;

    /// While a call is in flight the runtime is turned at least this often (milliseconds).
    const TICK_MS: u64 = 1;

    /// Most parks one turn lets the runtime take before it hands the thread back to Node (the
    /// rest is taken in the loop's next iteration, so a flood of events cannot starve it).
    const MAX_ROUNDS: u32 = 64;

    /// Most turns one callback of the loop runs back to back (see `Driver::turn`).
    const MAX_TURNS: u32 = 16;

    /// Longest one callback of the loop keeps turning (and running the JavaScript its
    /// settlements start) before it hands the thread back to the loop, so a stream whose batches
    /// are always ready cannot starve timers, `setImmediate` (where Node runs Node-API
    /// finalizers) and other I/O.
    const TURN_BUDGET: std::time::Duration = std::time::Duration::from_millis(2);

    /// libuv's `UV_IDLE`, `UV_POLL` and `UV_TIMER` handle types, `UV_READABLE`.
    const UV_IDLE: c_int = 6;
    const UV_POLL: c_int = 8;
    const UV_TIMER: c_int = 13;
    const UV_READABLE: c_int = 1;

    type PollCb = unsafe extern "C" fn(*mut c_void, c_int, c_int);
    type TimerCb = unsafe extern "C" fn(*mut c_void);
    type IdleCb = unsafe extern "C" fn(*mut c_void);
    type CloseCb = unsafe extern "C" fn(*mut c_void);

    /// The libuv functions used, looked up in the host process (Node exports them; a host
    /// that does not gets the worker runtime instead).
    #[derive(Clone, Copy)]
    struct Uv {
        handle_size: unsafe extern "C" fn(c_int) -> usize,
        poll_init: unsafe extern "C" fn(*mut c_void, *mut c_void, c_int) -> c_int,
        poll_start: unsafe extern "C" fn(*mut c_void, c_int, PollCb) -> c_int,
        timer_init: unsafe extern "C" fn(*mut c_void, *mut c_void) -> c_int,
        timer_start: unsafe extern "C" fn(*mut c_void, TimerCb, u64, u64) -> c_int,
        timer_stop: unsafe extern "C" fn(*mut c_void) -> c_int,
        idle_init: unsafe extern "C" fn(*mut c_void, *mut c_void) -> c_int,
        idle_start: unsafe extern "C" fn(*mut c_void, IdleCb) -> c_int,
        idle_stop: unsafe extern "C" fn(*mut c_void) -> c_int,
        unref: unsafe extern "C" fn(*mut c_void),
        close: unsafe extern "C" fn(*mut c_void, Option<CloseCb>),
    }

    impl Uv {
        fn load() -> Option<Uv> {
            fn sym(name: &CStr) -> Option<*mut c_void> {
                // SAFETY: a lookup in the symbols already loaded into the process.
                let p = unsafe { libc::dlsym(libc::RTLD_DEFAULT, name.as_ptr()) };
                (!p.is_null()).then_some(p)
            }
            // SAFETY: each symbol is libuv's function of that name, whose C signature the
            // field's type spells (libuv's ABI is stable across Node's versions).
            macro_rules! load {
                ($name:literal: $ty:ty) => {
                    unsafe { std::mem::transmute::<*mut c_void, $ty>(sym($name)?) }
                };
            }
            Some(Uv {
                handle_size: load!(c"uv_handle_size": unsafe extern "C" fn(c_int) -> usize),
                poll_init: load!(c"uv_poll_init": unsafe extern "C" fn(*mut c_void, *mut c_void, c_int) -> c_int),
                poll_start: load!(c"uv_poll_start": unsafe extern "C" fn(*mut c_void, c_int, PollCb) -> c_int),
                timer_init: load!(c"uv_timer_init": unsafe extern "C" fn(*mut c_void, *mut c_void) -> c_int),
                timer_start: load!(c"uv_timer_start": unsafe extern "C" fn(*mut c_void, TimerCb, u64, u64) -> c_int),
                timer_stop: load!(c"uv_timer_stop": unsafe extern "C" fn(*mut c_void) -> c_int),
                idle_init: load!(c"uv_idle_init": unsafe extern "C" fn(*mut c_void, *mut c_void) -> c_int),
                idle_start: load!(c"uv_idle_start": unsafe extern "C" fn(*mut c_void, IdleCb) -> c_int),
                idle_stop: load!(c"uv_idle_stop": unsafe extern "C" fn(*mut c_void) -> c_int),
                unref: load!(c"uv_unref": unsafe extern "C" fn(*mut c_void)),
                close: load!(c"uv_close": unsafe extern "C" fn(*mut c_void, Option<CloseCb>)),
            })
        }
    }

    /// The runtime of one environment and the libuv handles that turn it.
    pub(crate) struct Driver {
        rt: Runtime,
        env: sys::napi_env,
        /// The async context (and its resource object) the queued jobs run in, so the
        /// promises they settle run their reactions as after any native callback.
        async_context: sys::napi_async_context,
        resource: sys::napi_ref,
        epfd: c_int,
        uv: Uv,
        poll: *mut c_void,
        timer: *mut c_void,
        /// Turns the runtime in the loop's next iteration ([`Driver::again`]).
        idle: *mut c_void,
        /// Set while the runtime is being turned (a turn never starts inside another).
        turning: Cell<bool>,
        /// Whether the timer ticks (a call is in flight).
        ticking: Cell<bool>,
        /// Set while a loop callback turns and settles (a call made meanwhile is taken by its
        /// next turn).
        delivering: Cell<bool>,
        /// Calls made since the last turn, spawned at the start of the next.
        pending: RefCell<Vec<Task>>,
    }

    type Task = Pin<Box<dyn Future<Output = ()> + Send>>;
    type Deferred = Box<dyn FnOnce(sys::napi_env)>;

    /// During a turn of `env`'s runtime on this thread: keeps `item` to be run (by `run`,
    /// with a handle scope open) right after the turn; otherwise hands it back.
    pub(crate) fn defer<T: 'static>(
        env: usize,
        item: T,
        run: fn(sys::napi_env, T),
    ) -> Result<(), T> {
        let here = TURN
            .try_with(|t| t.active.get() && t.env.get() == env)
            .unwrap_or(false);
        if !here {
            return Err(item);
        }
        DONE.with(|d| d.borrow_mut().push(Box::new(move |env| run(env, item))));
        Ok(())
    }

    /// The state of the turn in progress on this thread, which the park hook reads.
    struct Turn {
        active: Cell<bool>,
        /// The environment whose runtime turns.
        env: Cell<usize>,
        epfd: Cell<c_int>,
        rounds: Cell<u32>,
        done: Cell<bool>,
        /// The turn ended at [`MAX_ROUNDS`]: another one is due at once.
        more: Cell<bool>,
        waker: RefCell<Option<Waker>>,
    }

    thread_local! {
        static TURN: Turn = const {
            Turn {
                active: Cell::new(false),
                env: Cell::new(0),
                epfd: Cell::new(-1),
                rounds: Cell::new(0),
                done: Cell::new(false),
                more: Cell::new(false),
                waker: RefCell::new(None),
            }
        };
        /// What the turn in progress queued for JavaScript (completions, log records), run
        /// right after it.
        static DONE: RefCell<Vec<Deferred>> = const { RefCell::new(Vec::new()) };
        /// The drivers of the environments on this thread (`None`: could not be set up).
        static DRIVERS: RefCell<Vec<(usize, Option<Rc<Driver>>)>> = const { RefCell::new(Vec::new()) };
    }

    /// Whether `fd` has events waiting, without taking them.
    fn readable(fd: c_int) -> bool {
        let mut p = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid `pollfd`, no wait.
        unsafe { libc::poll(&mut p, 1, 0) > 0 }
    }

    /// The runtime's park hook: it ran out of tasks. More events: let it park (and take them);
    /// none: end the turn.
    fn on_park() {
        let _ = TURN.try_with(|t| {
            if !t.active.get() {
                return;
            }
            let rounds = t.rounds.get().saturating_add(1);
            t.rounds.set(rounds);
            // Something finished: end the turn so JavaScript gets it, without asking the
            // descriptor first (a `poll` per call saved). The runtime still makes one
            // zero-timeout poll of its own on the way out (its scheduler does when a park hook
            // woke the future it runs), which may take other calls' events and queue their
            // tasks; `more` has the next turn run them in the loop's next iteration at the
            // latest, since their events are no longer there to wake the loop.
            let settled = DONE
                .try_with(|d| d.try_borrow().is_ok_and(|d| !d.is_empty()))
                .unwrap_or(false);
            if settled {
                t.more.set(true);
                t.done.set(true);
                if let Some(waker) = t.waker.borrow_mut().take() {
                    waker.wake();
                }
                return;
            }
            if rounds < MAX_ROUNDS && readable(t.epfd.get()) {
                return;
            }
            t.more.set(rounds >= MAX_ROUNDS);
            t.done.set(true);
            if let Some(waker) = t.waker.borrow_mut().take() {
                waker.wake();
            }
        });
    }

    /// Pending until the park hook ends the turn.
    struct Quiesce;

    impl Future for Quiesce {
        type Output = ();
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            TURN.with(|t| {
                if t.done.get() {
                    Poll::Ready(())
                } else {
                    *t.waker.borrow_mut() = Some(cx.waker().clone());
                    Poll::Pending
                }
            })
        }
    }

    /// How far ahead [`anchor`] keeps its timer.
    const ANCHOR: std::time::Duration = std::time::Duration::from_secs(1);

    /// Keeps a timer in the runtime's wheel at all times, at most [`ANCHOR`] ahead.
    ///
    /// Why: tokio's timer driver wakes its I/O driver (a write to its eventfd) whenever a timer
    /// is registered earlier than the earliest one it knew at its last park, so that a thread
    /// blocked in `epoll_wait` recomputes its timeout. A turn ends with the wheel empty once its
    /// calls finished, so every call's first timer (its timeout) paid that write, and the next
    /// turn a `poll` and an `epoll_wait` to take it again (`strace -c`: one `write` per
    /// sequential request). This runtime never blocks in `epoll_wait` with a timer pending
    /// (Node's loop waits, and the tick timer covers the runtime's timers), so the write buys
    /// nothing; with this timer in the wheel, a timer later than it registers silently.
    async fn anchor() {
        loop {
            tokio::time::sleep(ANCHOR).await;
        }
    }

    /// The driver of `env`, made on first use; `None` where calls run on the worker runtime.
    pub(crate) fn current(env: sys::napi_env) -> Option<Rc<Driver>> {
        let key = env as usize;
        if let Some(found) = DRIVERS.with(|d| {
            d.borrow()
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
        }) {
            return found;
        }
        let made = Driver::new(env).map(Rc::new);
        if let Some(driver) = &made {
            let data = Rc::as_ptr(driver).cast_mut().cast::<c_void>();
            // SAFETY: the handles' first field is libuv's `void *data`; the driver outlives
            // them (it is dropped after they are closed, in `cleanup`).
            unsafe {
                *driver.poll.cast::<*mut c_void>() = data;
                *driver.timer.cast::<*mut c_void>() = data;
                *driver.idle.cast::<*mut c_void>() = data;
                (driver.uv.poll_start)(driver.poll, UV_READABLE, on_poll);
                sys::napi_add_env_cleanup_hook(env, Some(cleanup), key as *mut c_void);
            }
        }
        DRIVERS.with(|d| d.borrow_mut().push((key, made.clone())));
        made
    }

    /// The `eventpoll` descriptors open in this process. (By number and target together:
    /// listing the folder opens a descriptor too, whose number a later one may reuse.)
    fn epoll_fds() -> HashSet<c_int> {
        let Ok(dir) = std::fs::read_dir("/proc/self/fd") else {
            return HashSet::new();
        };
        let fds: Vec<c_int> = dir
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
            .collect();
        fds.into_iter()
            .filter(|fd| {
                std::fs::read_link(format!("/proc/self/fd/{fd}"))
                    .is_ok_and(|target| target.as_os_str() == "anon_inode:[eventpoll]")
            })
            .collect()
    }

    impl Driver {
        fn new(env: sys::napi_env) -> Option<Driver> {
            if std::env::var_os("CJHIRASHI_NODE_RUNTIME").is_some_and(|v| v == "worker") {
                return None;
            }
            let uv = Uv::load()?;
            let mut lp = ptr::null_mut();
            // SAFETY: on the environment's thread.
            let status = unsafe { sys::napi_get_uv_event_loop(env, &mut lp) };
            if status != sys::Status::napi_ok || lp.is_null() {
                return None;
            }
            // the runtime's epoll descriptor: the one `eventpoll` descriptor its build opened
            let before = epoll_fds();
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .on_thread_park(on_park)
                .build()
                .ok()?;
            // (mio keeps a duplicate of its descriptor: the same instance, with the same
            // registrations; two different instances mean another thread made one meanwhile)
            let mut polls: Vec<c_int> = epoll_fds().difference(&before).copied().collect();
            polls.sort_unstable();
            let registrations = |fd: c_int| {
                std::fs::read_to_string(format!("/proc/self/fdinfo/{fd}")).map(|info| {
                    info.lines()
                        .filter(|l| l.starts_with("tfd:"))
                        .map(str::to_owned)
                        .collect::<Vec<_>>()
                })
            };
            let epfd = *polls.first()?;
            let first = registrations(epfd).ok()?;
            if first.is_empty()
                || polls
                    .iter()
                    .any(|fd| registrations(*fd).ok() != Some(first.clone()))
            {
                return None;
            }
            // SAFETY: plain libuv calls on the loop's own thread; each handle gets memory of
            // libuv's size for its type (freed by `free_handle` once closed).
            unsafe {
                let poll = alloc_handle((uv.handle_size)(UV_POLL))?;
                if (uv.poll_init)(lp.cast(), poll, epfd) != 0 {
                    free_raw(poll);
                    return None;
                }
                (uv.unref)(poll);
                let Some(timer) = alloc_handle((uv.handle_size)(UV_TIMER)) else {
                    (uv.close)(poll, Some(free_handle));
                    return None;
                };
                if (uv.timer_init)(lp.cast(), timer) != 0 {
                    free_raw(timer);
                    (uv.close)(poll, Some(free_handle));
                    return None;
                }
                (uv.unref)(timer);
                let Some(idle) = alloc_handle((uv.handle_size)(UV_IDLE)) else {
                    (uv.close)(poll, Some(free_handle));
                    (uv.close)(timer, Some(free_handle));
                    return None;
                };
                if (uv.idle_init)(lp.cast(), idle) != 0 {
                    free_raw(idle);
                    (uv.close)(poll, Some(free_handle));
                    (uv.close)(timer, Some(free_handle));
                    return None;
                }
                (uv.unref)(idle);
                let Some((async_context, resource)) = async_context(env) else {
                    (uv.close)(poll, Some(free_handle));
                    (uv.close)(timer, Some(free_handle));
                    (uv.close)(idle, Some(free_handle));
                    return None;
                };
                rt.spawn(anchor());
                Some(Driver {
                    rt,
                    env,
                    async_context,
                    resource,
                    epfd,
                    uv,
                    poll,
                    timer,
                    idle,
                    turning: Cell::new(false),
                    ticking: Cell::new(false),
                    delivering: Cell::new(false),
                    pending: RefCell::new(Vec::new()),
                })
            }
        }

        /// Spawns `task` on the runtime at the start of the next turn, in the loop's next
        /// iteration (the calls a tick of JavaScript starts go out together, as a batch).
        pub(crate) fn run<F>(&self, task: F)
        where
            F: Future<Output = ()> + Send + 'static,
        {
            let mut pending = self.pending.borrow_mut();
            if pending.is_empty() && !self.turning.get() && !self.delivering.get() {
                self.again();
            }
            pending.push(Box::pin(task));
        }

        /// Turns the runtime until it has nothing left to run and settles what it finished;
        /// while the JavaScript those settlements run starts new calls (a loop of awaited
        /// calls), turns again at once, up to [`MAX_TURNS`] times and for at most
        /// [`TURN_BUDGET`], instead of waiting for the loop's next iteration.
        fn turn(&self) {
            if self.turning.get() || self.delivering.get() {
                return;
            }
            self.delivering.set(true);
            let mut more = false;
            let started = std::time::Instant::now();
            for _ in 0..MAX_TURNS {
                let tasks = std::mem::take(&mut *self.pending.borrow_mut());
                more = self.turn_with(move || {
                    for task in tasks {
                        tokio::spawn(task);
                    }
                });
                if !self.deliver()
                    || self.pending.borrow().is_empty()
                    || started.elapsed() >= TURN_BUDGET
                {
                    break;
                }
            }
            self.delivering.set(false);
            if more || !self.pending.borrow().is_empty() {
                self.again();
            }
        }

        /// Runs what the turn queued, inside a handle scope and a callback scope (whose end
        /// runs the microtasks: the reactions of the promises just settled).
        /// Whether there was anything to run.
        fn deliver(&self) -> bool {
            let jobs = DONE.with(|d| std::mem::take(&mut *d.borrow_mut()));
            if jobs.is_empty() {
                return false;
            }
            let env = self.env;
            // SAFETY: Node-API calls on the environment's own thread, from a libuv callback
            // (outside any JavaScript), with scopes opened and closed in order.
            unsafe {
                let mut handles = ptr::null_mut();
                let opened = sys::napi_open_handle_scope(env, &mut handles) == sys::Status::napi_ok;
                let mut resource = ptr::null_mut();
                let mut scope = ptr::null_mut();
                let in_scope = sys::napi_get_reference_value(env, self.resource, &mut resource)
                    == sys::Status::napi_ok
                    && !resource.is_null()
                    && sys::napi_open_callback_scope(env, resource, self.async_context, &mut scope)
                        == sys::Status::napi_ok;
                for job in jobs {
                    job(env);
                }
                if in_scope {
                    sys::napi_close_callback_scope(env, scope);
                }
                if opened {
                    sys::napi_close_handle_scope(env, handles);
                }
            }
            true
        }

        /// One turn; whether it ended at [`MAX_ROUNDS`] with events left.
        fn turn_with(&self, first: impl FnOnce()) -> bool {
            self.turning.set(true);
            TURN.with(|t| {
                t.active.set(true);
                t.env.set(self.env as usize);
                t.epfd.set(self.epfd);
                t.rounds.set(0);
                t.done.set(false);
                t.more.set(false);
            });
            // a panic inside a task is the task's (tokio keeps it there); this only guards the
            // turn itself
            let _ = std::panic::catch_unwind(AssertUnwindSafe(|| {
                self.rt.block_on(async move {
                    first();
                    Quiesce.await;
                });
            }));
            let more = TURN.with(|t| {
                t.active.set(false);
                t.waker.borrow_mut().take();
                t.more.get()
            });
            self.turning.set(false);
            more
        }

        /// Turns the runtime in the loop's next iteration (its idle phase, which also keeps the
        /// loop from blocking in its poll meanwhile). Not a 0 ms timer: a timer restarted from
        /// its own callback with 0 ms is due again at once, and libuv runs it again in the same
        /// timers phase, so a stream whose batches are always ready would never let the loop
        /// reach its other phases (`setInterval`, `setImmediate`, I/O all starved).
        fn again(&self) {
            // SAFETY: a live idle handle of this loop, on its thread (starting a started
            // handle does nothing).
            unsafe { (self.uv.idle_start)(self.idle, on_idle) };
        }

        /// Starts the timer ticking every [`TICK_MS`].
        fn tick(&self) {
            // SAFETY: a live timer handle of this loop, on its thread.
            unsafe { (self.uv.timer_start)(self.timer, on_timer, TICK_MS, TICK_MS) };
        }

        /// A call is in flight (`true`) or none is any more: the timer ticks only meanwhile.
        pub(crate) fn set_busy(&self, busy: bool) {
            if self.ticking.replace(busy) == busy {
                return;
            }
            if busy {
                self.tick();
            } else {
                // SAFETY: a live timer handle of this loop, on its thread.
                unsafe { (self.uv.timer_stop)(self.timer) };
            }
        }
    }

    /// An async context for the jobs of `env`'s turns, and a reference to its resource.
    ///
    /// # Safety
    /// Called on the environment's thread, inside a call from JavaScript.
    unsafe fn async_context(
        env: sys::napi_env,
    ) -> Option<(sys::napi_async_context, sys::napi_ref)> {
        // SAFETY: plain Node-API calls, as the caller guarantees.
        unsafe {
            let mut object = ptr::null_mut();
            let mut name = ptr::null_mut();
            let mut context = ptr::null_mut();
            let mut reference = ptr::null_mut();
            let ok = sys::napi_create_object(env, &mut object) == sys::Status::napi_ok
                && sys::napi_create_string_utf8(env, c"cjhirashi-agents".as_ptr(), -1, &mut name)
                    == sys::Status::napi_ok
                && sys::napi_async_init(env, object, name, &mut context) == sys::Status::napi_ok;
            if !ok {
                return None;
            }
            if sys::napi_create_reference(env, object, 1, &mut reference) != sys::Status::napi_ok {
                sys::napi_async_destroy(env, context);
                return None;
            }
            Some((context, reference))
        }
    }

    impl std::fmt::Debug for Driver {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("Driver")
                .field("epfd", &self.epfd)
                .finish_non_exhaustive()
        }
    }

    /// The driver a handle's `data` points at (null once the environment is gone).
    ///
    /// # Safety
    /// `handle` is one of a driver's handles.
    unsafe fn driver_of<'a>(handle: *mut c_void) -> Option<&'a Driver> {
        // SAFETY: the first field of a libuv handle is `void *data`, set by `current` to the
        // driver (or cleared by `cleanup` before the driver is dropped).
        unsafe { (*handle.cast::<*const Driver>()).as_ref() }
    }

    unsafe extern "C" fn on_poll(handle: *mut c_void, _status: c_int, _events: c_int) {
        // SAFETY: libuv calls back with the poll handle made in `Driver::new`.
        if let Some(driver) = unsafe { driver_of(handle) } {
            driver.turn();
        }
    }

    unsafe extern "C" fn on_idle(handle: *mut c_void) {
        // SAFETY: libuv calls back with the idle handle made in `Driver::new`.
        if let Some(driver) = unsafe { driver_of(handle) } {
            // SAFETY: that live handle, on its loop's thread; stopped first, so it runs once
            // per `again`.
            unsafe { (driver.uv.idle_stop)(handle) };
            driver.turn();
        }
    }

    unsafe extern "C" fn on_timer(handle: *mut c_void) {
        // SAFETY: libuv calls back with the timer handle made in `Driver::new`.
        if let Some(driver) = unsafe { driver_of(handle) } {
            driver.turn();
        }
    }

    /// The environment is going away: close the handles and shut the runtime down.
    unsafe extern "C" fn cleanup(key: *mut c_void) {
        let key = key as usize;
        let driver = DRIVERS
            .try_with(|d| {
                let mut d = d.try_borrow_mut().ok()?;
                let at = d.iter().position(|(k, _)| *k == key)?;
                d.swap_remove(at).1
            })
            .ok()
            .flatten();
        let Some(driver) = driver else { return };
        // SAFETY: the handles are live and on this thread; their `data` is cleared first, so
        // no callback reaches the driver once it is dropped below.
        unsafe {
            *driver.poll.cast::<*mut c_void>() = ptr::null_mut();
            *driver.timer.cast::<*mut c_void>() = ptr::null_mut();
            *driver.idle.cast::<*mut c_void>() = ptr::null_mut();
            (driver.uv.close)(driver.poll, Some(free_handle));
            (driver.uv.close)(driver.timer, Some(free_handle));
            (driver.uv.close)(driver.idle, Some(free_handle));
        }
        if let Ok(driver) = Rc::try_unwrap(driver) {
            // SAFETY: the environment is being torn down on its thread; both were made by
            // `async_context` and are released once.
            unsafe {
                sys::napi_async_destroy(driver.env, driver.async_context);
                sys::napi_delete_reference(driver.env, driver.resource);
            }
            driver.rt.shutdown_background();
        }
    }

    /// Alignment of a handle's memory (libuv's handles hold pointers and 64-bit integers).
    const HANDLE_ALIGN: usize = 16;

    fn layout(size: usize) -> Option<std::alloc::Layout> {
        std::alloc::Layout::from_size_align(size.max(HANDLE_ALIGN), HANDLE_ALIGN).ok()
    }

    /// Zeroed memory for a handle of `size` bytes, with the size kept in front of it.
    fn alloc_handle(size: usize) -> Option<*mut c_void> {
        let total = size.checked_add(HANDLE_ALIGN)?;
        let layout = layout(total)?;
        // SAFETY: a non-zero size; the first `HANDLE_ALIGN` bytes hold the total size.
        unsafe {
            let base = std::alloc::alloc_zeroed(layout);
            if base.is_null() {
                return None;
            }
            base.cast::<usize>().write(total);
            Some(base.add(HANDLE_ALIGN).cast())
        }
    }

    /// Frees what [`alloc_handle`] gave.
    ///
    /// # Safety
    /// `handle` came from [`alloc_handle`] and libuv no longer uses it.
    unsafe fn free_raw(handle: *mut c_void) {
        // SAFETY: the size was written `HANDLE_ALIGN` bytes before the handle.
        unsafe {
            let base = handle.cast::<u8>().sub(HANDLE_ALIGN);
            let total = base.cast::<usize>().read();
            if let Some(layout) = layout(total) {
                std::alloc::dealloc(base, layout);
            }
        }
    }

    unsafe extern "C" fn free_handle(handle: *mut c_void) {
        // SAFETY: libuv's close callback: the handle is closed and no longer used.
        unsafe { free_raw(handle) };
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use std::future::Future;
    use std::rc::Rc;

    use napi::sys;

    /// Not available here: calls run on napi's runtime.
    #[derive(Debug)]
    pub(crate) struct Driver;

    impl Driver {
        pub(crate) fn run<F>(&self, task: F)
        where
            F: Future<Output = ()> + Send + 'static,
        {
            napi::bindgen_prelude::spawn(task);
        }

        pub(crate) fn set_busy(&self, _busy: bool) {}
    }

    pub(crate) fn current(_env: sys::napi_env) -> Option<Rc<Driver>> {
        None
    }

    /// Never during a turn here: hands `item` back.
    pub(crate) fn defer<T: 'static>(
        _env: usize,
        item: T,
        _run: fn(sys::napi_env, T),
    ) -> Result<(), T> {
        Err(item)
    }
}

pub(crate) use imp::{current, defer};
