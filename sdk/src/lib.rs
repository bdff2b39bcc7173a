#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
// Input from the wire or from a caller never panics: no unwrap/expect/panic, no unchecked
// indexing or arithmetic, no truncating casts outside tests. (Money's `+`/`-` operators panic
// on overflow like integer arithmetic, and say so; the SDK never applies them to wire values.)
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_possible_wrap
    )
)]

#[macro_use]
mod enums;
#[macro_use]
mod list;

#[cfg(feature = "mimalloc")]
pub mod alloc;
// for the Python and Node bindings (not part of the documented API)
#[doc(hidden)]
pub mod case;
mod client;
mod closable;
// for the Python and Node bindings (not part of the documented API)
#[doc(hidden)]
pub mod dispatch;
pub mod error;
pub mod logging;
pub mod money;
mod net;
pub mod ops;
pub mod options;
pub mod pagination;
pub mod platform;
pub mod ratelimit;
pub mod redact;
pub mod sse;
pub mod stream;
mod transport;
pub mod webhooks;

pub use client::{ClientSettings, user_agent};
#[doc(hidden)]
pub use closable::{CLOSED_MESSAGE, Closable};
pub use error::{ApiError, ApiErrorKind, Error, Result, TimeoutPhase};
pub use money::Money;
pub use net::CaBundle;
pub use options::{CancelToken, RequestOptions, ResponseCapture, ResponseMeta, WithResponse};
pub use pagination::{Page, PageRequest, Paged, Paginator};
pub use ratelimit::RateLimit;
pub use redact::Secret;
