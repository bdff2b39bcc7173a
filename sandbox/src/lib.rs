//! In-memory sandbox of the platform and ops services.
pub mod common;
pub mod ops;
pub mod platform;
