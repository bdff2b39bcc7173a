//! Requests, responses and stream events of the platform service (camelCase on the wire).
//!
//! Responses arrive inside an [`Envelope`] (`{"data": ..., "meta": ...}`); the types here are
//! the `data` part. Unknown fields are ignored, absent optional fields are `None`, absent lists
//! are empty, and closed string sets are enums with an `Unknown(String)` catch-all. Money
//! amounts are [`Money`](crate::money::Money); timestamps are RFC 3339 strings.
//!
//! One file per resource group, all re-exported here: `common` (envelope, errors, pagination),
//! `auth`, `users`, `agents`, `conversations` (with the message stream's events), `health`,
//! `finance` and `webhooks`.

mod agents;
mod auth;
mod common;
mod conversations;
mod finance;
mod health;
mod users;
mod webhooks;

pub use agents::*;
pub use auth::*;
pub use common::*;
pub use conversations::*;
pub use finance::*;
pub use health::*;
pub use users::*;
pub use webhooks::*;

pub use crate::enums::MessageRole;
