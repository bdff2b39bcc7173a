//! Native layer of the `@cjhirashi/agents-sdk` Node package.
//!
//! A thin bridge over the `agents-sdk` crate: every operation runs on napi's tokio runtime and
//! resolves a JavaScript promise. Values cross the boundary as JSON text (the core's serde
//! form, parsed by `JSON.parse` on the JavaScript side), and every failure crosses as one kind
//! of JavaScript error carrying a JSON payload that the TypeScript layer turns into the
//! matching error class (see `error.rs`). The public, typed surface lives in `ts/`.
//!
//! Files mirror the core: `platform.rs` ↔ `agents_sdk::platform`, `ops.rs` ↔ `agents_sdk::ops`,
//! `stream.rs` ↔ `agents_sdk::stream`, `pagination.rs` ↔ `agents_sdk::pagination`,
//! `webhooks.rs` ↔ `agents_sdk::webhooks`, `options.rs` ↔ `agents_sdk::options`.

// Input from JavaScript or from the wire never panics here: no unwrap/expect/panic, no
// unchecked indexing, no truncating casts outside tests (entry points also catch panics with
// `#[napi(catch_unwind)]`).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_possible_wrap
    )
)]

/// The native layer's allocator on glibc Linux: mimalloc (why and how: `agents_sdk::alloc`).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[global_allocator]
static GLOBAL: agents_sdk::alloc::MiMalloc = agents_sdk::alloc::MiMalloc;

mod bridge;
mod dispatch;
mod driver;
pub mod error;
mod logging;
pub mod ops;
pub mod options;
pub mod pagination;
pub mod platform;
pub mod sandbox;
pub mod stream;
pub mod webhooks;
