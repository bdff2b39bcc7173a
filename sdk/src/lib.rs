#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

#[macro_use]
mod enums;

mod client;
pub mod error;
pub mod money;
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

pub use client::ClientSettings;
pub use error::{ApiError, ApiErrorKind, Error, Result, TimeoutPhase};
pub use money::Money;
pub use options::{CancelToken, RequestOptions, ResponseCapture, ResponseMeta, WithResponse};
pub use pagination::{PageRequest, Paged, Paginator};
pub use ratelimit::RateLimit;
pub use redact::Secret;
