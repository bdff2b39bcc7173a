//! [`Closable`]: a client that can be closed before it is dropped.

use std::fmt;
use std::sync::{Mutex, MutexGuard};

use crate::error::{Error, Result};

/// What a call on a closed client fails with: [`Error::Connection`] (`APIConnectionError` in
/// Python and Node) with this message.
pub const CLOSED_MESSAGE: &str = "the client is closed";

/// A value (a client, or what a binding keeps of one) that can be closed before it is
/// dropped: the state behind the Python and Node packages' `close()`. A Rust client needs
/// none (dropping it releases its connection pool); a binding's client object is dropped when
/// the garbage collector gets to it, so its `close()` drops the client it holds at once.
///
/// Once closed, [`get`](Self::get) and [`with`](Self::with) fail with [`Error::Connection`]
/// whose message is [`CLOSED_MESSAGE`] (`connection error: the client is closed`), the same
/// in every language; closing again does nothing. Clones handed out before (calls in flight,
/// open streams and lists) keep working.
///
/// ```
/// use agents_sdk::Closable;
///
/// let client = Closable::new(String::from("a client"));
/// assert_eq!(client.get().unwrap(), "a client");
/// assert!(client.close().is_some());
/// assert!(client.close().is_none()); // idempotent
/// let err = client.get().unwrap_err();
/// assert_eq!(err.class_name(), "APIConnectionError");
/// assert_eq!(err.to_string(), "connection error: the client is closed");
/// ```
pub struct Closable<C> {
    slot: Mutex<Option<C>>,
}

impl<C> Closable<C> {
    /// An open `value`.
    pub fn new(value: C) -> Self {
        Closable {
            slot: Mutex::new(Some(value)),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<C>> {
        // a panic while the lock was held leaves a value that is still whole
        self.slot.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the value (under the lock: keep it short), or fails with the closed error.
    pub fn with<R>(&self, f: impl FnOnce(&mut C) -> Result<R>) -> Result<R> {
        match self.lock().as_mut() {
            Some(value) => f(value),
            None => Err(closed()),
        }
    }

    /// A clone of the value, or the closed error.
    pub fn get(&self) -> Result<C>
    where
        C: Clone,
    {
        self.with(|value| Ok(value.clone()))
    }

    /// Closes: takes the value out (the caller drops it, releasing what it holds); `None` when
    /// it was already closed.
    pub fn close(&self) -> Option<C> {
        self.lock().take()
    }

    /// Whether [`close`](Self::close) was called.
    pub fn is_closed(&self) -> bool {
        self.lock().is_none()
    }
}

/// The error of a call on a closed client.
fn closed() -> Error {
    Error::connection(CLOSED_MESSAGE)
}

impl<C> fmt::Debug for Closable<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // the value may hold credentials: only the state is shown
        f.debug_struct("Closable")
            .field("closed", &self.is_closed())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_until_closed_then_the_closed_error() {
        let c = Closable::new(vec![1]);
        assert!(!c.is_closed());
        c.with(|v| {
            v.push(2);
            Ok(())
        })
        .unwrap();
        assert_eq!(c.get().unwrap(), vec![1, 2]);
        assert_eq!(c.close(), Some(vec![1, 2]));
        assert!(c.is_closed());
        assert_eq!(c.close(), None);
        for err in [c.get().unwrap_err(), c.with(|_| Ok(())).unwrap_err()] {
            assert!(matches!(&err, Error::Connection { message, .. } if message == CLOSED_MESSAGE));
            assert_eq!(err.class_name(), "APIConnectionError");
        }
        assert_eq!(format!("{c:?}"), "Closable { closed: true, .. }");
    }
}
