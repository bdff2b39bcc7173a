//! mimalloc as a global allocator, configured for a library loaded into another program: what
//! the Node package uses on glibc Linux (feature `mimalloc`, off by default).
//!
//! ```ignore
//! #[global_allocator]
//! static GLOBAL: agents_sdk::alloc::MiMalloc = agents_sdk::alloc::MiMalloc;
//! ```
//!
//! Why: in a Node process the core's requests run on the JavaScript thread and allocate and free
//! many small blocks per call (headers, the answer's strings, futures) in the `malloc` arena
//! that V8 and Node use too; `perf` of 32 requests in flight put 9 % of the process's time in
//! glibc's `malloc`, `free` and `malloc_consolidate`. With mimalloc the Node benchmark ran 2 to
//! 10 % more requests per second, its token stream unchanged (`docs/performance.md`). Only the
//! native layer's own allocations go through it; V8's and Node's do not. (The Python package
//! measured the same gain on requests but lost 3 to 6 % on its token stream, so it keeps the
//! system allocator.)
//!
//! Configuration, for a library loaded with `dlopen` rather than a program:
//! - the thread-local heap pointer uses the local-dynamic TLS model (`local_dynamic_tls`): an
//!   initial-exec one takes glibc's small static TLS reserve, and a process that has loaded
//!   several such libraries then fails to load the next ("cannot allocate memory in static
//!   TLS block");
//! - arenas are committed as they are used (`arena_eager_commit` = 0, set before the first
//!   allocation) instead of at once: eager commit put 1,000 idle streams at 56 KiB each
//!   instead of about 40, at the same speed.
//! - mimalloc v2 (the -sys crate's `v2` feature), not v3: with v3, a worker thread that was
//!   the first to load the Node package and then exited left the allocator's process state
//!   behind it, and the next worker to load the package crashed the process (SIGSEGV in
//!   `mi_thread_init`); `bindings-node/test/bridge.test.mjs` loads it in successive workers.

#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;
use std::sync::Once;

use libmimalloc_sys as mi;

/// `mi_option_arena_eager_commit` in mimalloc v2's `mi_option_e` (`mimalloc.h`; the -sys crate
/// names only some of the options).
const ARENA_EAGER_COMMIT: mi::mi_option_t = 4;

static CONFIGURED: Once = Once::new();

/// Sets the options before mimalloc makes its first arena.
#[inline]
fn configure() {
    CONFIGURED.call_once(|| {
        // SAFETY: `mi_option_set` stores an integer option; it does not allocate.
        unsafe { mi::mi_option_set(ARENA_EAGER_COMMIT, 0) };
    });
}

/// mimalloc as the global allocator, configured on first use (see the module).
#[derive(Debug, Clone, Copy, Default)]
pub struct MiMalloc;

// SAFETY: each method forwards to the mimalloc function of the same contract (aligned
// allocation, free of a block it made, aligned reallocation keeping the contents).
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        configure();
        // SAFETY: see the impl.
        unsafe { mi::mi_malloc_aligned(layout.size(), layout.align()).cast::<u8>() }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        configure();
        // SAFETY: see the impl.
        unsafe { mi::mi_zalloc_aligned(layout.size(), layout.align()).cast::<u8>() }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: see the impl; `ptr` came from this allocator.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl; `ptr` came from this allocator.
        unsafe {
            mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast::<u8>()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocates_aligned_zeroed_and_grows_keeping_contents() {
        let a = MiMalloc;
        for (size, align) in [(1, 1), (24, 8), (4096, 64), (1 << 20, 4096)] {
            let layout = Layout::from_size_align(size, align).unwrap();
            // SAFETY: non-zero sizes, valid layouts; each block is freed with its layout.
            unsafe {
                let p = a.alloc_zeroed(layout);
                assert!(!p.is_null());
                assert_eq!(p as usize % align, 0);
                assert!(std::slice::from_raw_parts(p, size).iter().all(|&b| b == 0));
                p.write_bytes(0xA5, size);
                let q = a.realloc(p, layout, size * 3);
                assert!(!q.is_null());
                assert_eq!(q as usize % align, 0);
                assert!(
                    std::slice::from_raw_parts(q, size)
                        .iter()
                        .all(|&b| b == 0xA5)
                );
                a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
            }
        }
    }
}
