//! `Idempotency-Key` for both services (see `docs/wire-decisions.md`, "Sandbox idempotency").
//!
//! A `POST`, `PUT`, `PATCH` or `DELETE` of an authenticated caller that carries the header is
//! remembered for [`TTL`] under (credential, key) with a fingerprint of its method, path and query,
//! and a SHA-256 of its body:
//!
//! - the same key with the same fingerprint replays the stored answer (status, headers, body)
//!   with `Idempotent-Replayed: true`, without running the handler again;
//! - the same key with another fingerprint is `409 IDEMPOTENCY_KEY_REUSED`;
//! - the same key while the first request still runs, or after a first answer that cannot be
//!   replayed (a stream, or a body over [`MAX_STORED_BODY`]), is `409 IDEMPOTENCY_KEY_IN_USE`.
//!
//! `5xx` and `429` answers are not stored (the key is forgotten, so a retry acts). The store holds
//! at most [`MAX_ENTRIES`] entries, [`MAX_ENTRIES_PER_CREDENTIAL`] per credential and
//! [`MAX_STORED_BYTES`] of stored answers, forgetting the oldest first.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use bytes::Bytes;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{BodyError, Credential, ErrorRenderer, MAX_BODY_BYTES, Shared, lock, read_body};

/// The request header.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
/// The header added to a replayed answer.
pub const REPLAYED: &str = "idempotent-replayed";
/// How long a key is remembered.
pub const TTL: Duration = Duration::from_secs(24 * 60 * 60);
/// Longest accepted key (bytes).
pub const MAX_KEY_LEN: usize = 255;
/// Keys remembered per service.
pub const MAX_ENTRIES: usize = 10_000;
/// Keys remembered per credential.
pub const MAX_ENTRIES_PER_CREDENTIAL: usize = 1_000;
/// Largest answer body that is stored for replay.
pub const MAX_STORED_BODY: usize = 1 << 20;
/// Total size of the stored answers per service.
pub const MAX_STORED_BYTES: usize = 64 << 20;

/// Response headers that belong to one transmission, not to the answer, and are not replayed.
const NOT_REPLAYED: [&str; 8] = [
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "date",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
];

#[derive(Clone, Copy, Debug)]
struct Limits {
    ttl: Duration,
    entries: usize,
    per_credential: usize,
    stored_bytes: usize,
}

const LIMITS: Limits = Limits {
    ttl: TTL,
    entries: MAX_ENTRIES,
    per_credential: MAX_ENTRIES_PER_CREDENTIAL,
    stored_bytes: MAX_STORED_BYTES,
};

/// A stored answer.
#[derive(Clone, Debug)]
struct Stored {
    status: StatusCode,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Bytes,
}

impl Stored {
    fn size(&self) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len())
            .sum();
        self.body.len() + headers
    }

    fn into_response(self) -> Response {
        let mut resp = Response::new(Body::from(self.body));
        *resp.status_mut() = self.status;
        let headers = resp.headers_mut();
        for (name, value) in self.headers {
            headers.append(name, value);
        }
        headers.insert(REPLAYED, HeaderValue::from_static("true"));
        resp
    }
}

#[derive(Debug)]
enum Phase {
    /// The first request still runs.
    InFlight,
    /// The first answer was a stream or too large to keep.
    Unreplayable,
    Done(Stored),
}

#[derive(Debug)]
struct Entry {
    seq: u64,
    created: Instant,
    fingerprint: [u8; 32],
    phase: Phase,
}

/// (credential, key).
type Slot = (String, String);

#[derive(Debug)]
struct Store {
    entries: HashMap<Slot, Entry>,
    /// Creation order → slot (the first is the oldest).
    order: BTreeMap<u64, Slot>,
    /// Creation numbers of each credential's entries.
    per_credential: HashMap<String, BTreeSet<u64>>,
    /// Size of the stored answers.
    bytes: usize,
    next: u64,
    limits: Limits,
}

/// What to do with a request that carries a key.
#[derive(Debug)]
enum Begin {
    /// New key: run the request (the entry's creation number).
    Proceed(u64),
    Replay(Stored),
    Reused,
    InFlight,
    Unreplayable,
}

impl Store {
    fn new(limits: Limits) -> Self {
        Store {
            entries: HashMap::new(),
            order: BTreeMap::new(),
            per_credential: HashMap::new(),
            bytes: 0,
            next: 0,
            limits,
        }
    }

    fn remove(&mut self, slot: &Slot) {
        let Some(entry) = self.entries.remove(slot) else {
            return;
        };
        self.order.remove(&entry.seq);
        if let Some(seqs) = self.per_credential.get_mut(&slot.0) {
            seqs.remove(&entry.seq);
            if seqs.is_empty() {
                self.per_credential.remove(&slot.0);
            }
        }
        if let Phase::Done(stored) = &entry.phase {
            self.bytes = self.bytes.saturating_sub(stored.size());
        }
    }

    /// Forgets the oldest entry other than `keep`; false when there is none.
    fn evict_oldest(&mut self, keep: Option<u64>) -> bool {
        let victim = self
            .order
            .iter()
            .find(|(seq, _)| Some(**seq) != keep)
            .map(|(seq, slot)| (*seq, slot.clone()));
        match victim {
            Some((seq, slot)) => {
                if self.entries.get(&slot).is_some_and(|e| e.seq == seq) {
                    self.remove(&slot);
                } else {
                    self.order.remove(&seq);
                }
                true
            }
            None => false,
        }
    }

    fn purge_expired(&mut self, now: Instant) {
        while let Some((&seq, slot)) = self.order.first_key_value() {
            // Entries are created in `seq` order, so the oldest is first.
            let entry = self.entries.get(slot).filter(|e| e.seq == seq);
            match entry {
                Some(e) if now.saturating_duration_since(e.created) < self.limits.ttl => break,
                Some(_) => {
                    let slot = slot.clone();
                    self.remove(&slot);
                }
                // A stale position (never left behind by `remove`): drop it.
                None => {
                    self.order.remove(&seq);
                }
            }
        }
    }

    fn begin(&mut self, credential: &str, key: &str, fingerprint: [u8; 32], now: Instant) -> Begin {
        self.purge_expired(now);
        let slot = (credential.to_owned(), key.to_owned());
        if let Some(entry) = self.entries.get(&slot) {
            if entry.fingerprint != fingerprint {
                return Begin::Reused;
            }
            return match &entry.phase {
                Phase::InFlight => Begin::InFlight,
                Phase::Unreplayable => Begin::Unreplayable,
                Phase::Done(stored) => Begin::Replay(stored.clone()),
            };
        }
        while let Some(oldest) = self
            .per_credential
            .get(credential)
            .filter(|seqs| seqs.len() >= self.limits.per_credential)
            .and_then(|seqs| seqs.first().copied())
        {
            if let Some(old) = self.order.get(&oldest).cloned()
                && self.entries.get(&old).is_some_and(|e| e.seq == oldest)
            {
                self.remove(&old);
            } else {
                // A stale position (never left behind by `remove`): drop it.
                self.order.remove(&oldest);
                if let Some(seqs) = self.per_credential.get_mut(credential) {
                    seqs.remove(&oldest);
                }
            }
        }
        while self.entries.len() >= self.limits.entries {
            if !self.evict_oldest(None) {
                break;
            }
        }
        self.next = self.next.wrapping_add(1);
        let seq = self.next;
        self.order.insert(seq, slot.clone());
        self.per_credential
            .entry(slot.0.clone())
            .or_default()
            .insert(seq);
        self.entries.insert(
            slot,
            Entry {
                seq,
                created: now,
                fingerprint,
                phase: Phase::InFlight,
            },
        );
        Begin::Proceed(seq)
    }

    /// Settles the entry `seq` of `slot` (if it is still there): `None` forgets it.
    fn finish(&mut self, slot: &Slot, seq: u64, phase: Option<Phase>) {
        if self.entries.get(slot).map(|e| e.seq) != Some(seq) {
            return;
        }
        let Some(phase) = phase else {
            self.remove(slot);
            return;
        };
        if let Phase::Done(stored) = &phase {
            let size = stored.size();
            while self.bytes.saturating_add(size) > self.limits.stored_bytes {
                if !self.evict_oldest(Some(seq)) {
                    break;
                }
            }
            if self.bytes.saturating_add(size) > self.limits.stored_bytes {
                if let Some(entry) = self.entries.get_mut(slot) {
                    entry.phase = Phase::Unreplayable;
                }
                return;
            }
            self.bytes = self.bytes.saturating_add(size);
        }
        if let Some(entry) = self.entries.get_mut(slot) {
            entry.phase = phase;
        }
    }
}

/// The idempotency keys of one service.
#[derive(Clone, Debug)]
pub struct IdempotencyStore {
    inner: Arc<Mutex<Store>>,
}

impl Default for IdempotencyStore {
    fn default() -> Self {
        IdempotencyStore {
            inner: Arc::new(Mutex::new(Store::new(LIMITS))),
        }
    }
}

impl IdempotencyStore {
    /// How many keys are remembered (for tests).
    #[doc(hidden)]
    pub fn len(&self) -> usize {
        lock(&self.inner).entries.len()
    }

    /// Whether no key is remembered (for tests).
    #[doc(hidden)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn begin(&self, credential: &str, key: &str, fingerprint: [u8; 32]) -> Begin {
        lock(&self.inner).begin(credential, key, fingerprint, Instant::now())
    }
}

/// A running first request; forgets its key when dropped unsettled (a cancelled request).
struct Ticket {
    store: IdempotencyStore,
    slot: Slot,
    seq: u64,
    settled: bool,
}

impl Ticket {
    fn settle(&mut self, phase: Option<Phase>) {
        self.settled = true;
        lock(&self.store.inner).finish(&self.slot, self.seq, phase);
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if !self.settled {
            self.settle(None);
        }
    }
}

fn fingerprint(method: &Method, uri: &axum::http::Uri, body: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(method.as_str().as_bytes());
    h.update([0]);
    h.update(
        uri.path_and_query()
            .map_or(uri.path(), |pq| pq.as_str())
            .as_bytes(),
    );
    h.update([0]);
    h.update(Sha256::digest(body));
    h.finalize().into()
}

fn is_event_stream(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.trim_start()
                .get(..17)
                .is_some_and(|p| p.eq_ignore_ascii_case("text/event-stream"))
        })
}

#[derive(Clone)]
struct LayerState {
    store: IdempotencyStore,
    render: ErrorRenderer,
}

/// Wraps a service router with `Idempotency-Key` handling; `render` draws its errors in the
/// service's format. Requests without an authenticated [`Credential`] pass through untouched.
pub fn idempotency_layer<S>(
    router: axum::Router<S>,
    shared: &Shared,
    render: ErrorRenderer,
) -> axum::Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let state = LayerState {
        store: shared.idempotency.clone(),
        render,
    };
    router.layer(axum::middleware::from_fn_with_state(state, middleware))
}

/// [`idempotency_layer`] as a route layer (only matched routes; put the authentication that
/// inserts the [`Credential`] outside it).
pub fn idempotency_route_layer<S>(
    router: axum::Router<S>,
    shared: &Shared,
    render: ErrorRenderer,
) -> axum::Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let state = LayerState {
        store: shared.idempotency.clone(),
        render,
    };
    router.route_layer(axum::middleware::from_fn_with_state(state, middleware))
}

async fn middleware(State(state): State<LayerState>, req: Request, next: Next) -> Response {
    if !matches!(
        *req.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    ) {
        return next.run(req).await;
    }
    let Some(raw) = req.headers().get(IDEMPOTENCY_KEY) else {
        return next.run(req).await;
    };
    let Some(Credential(credential)) = req.extensions().get::<Credential>().cloned() else {
        return next.run(req).await;
    };
    let key = match raw.to_str().map(str::trim) {
        Ok(k)
            if !k.is_empty()
                && k.len() <= MAX_KEY_LEN
                && k.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            k.to_owned()
        }
        _ => {
            return (state.render)(
                StatusCode::BAD_REQUEST,
                "VALIDATION_ERROR",
                "Idempotency-Key must be 1 to 255 visible ASCII characters",
                json!({ "header": "Idempotency-Key" }),
            );
        }
    };
    let (parts, body) = req.into_parts();
    let body = match read_body(body, MAX_BODY_BYTES).await {
        Ok(b) => b,
        Err(BodyError::TooLarge) => return super::payload_too_large(state.render),
        Err(BodyError::Unreadable) => return super::unreadable_body(state.render),
    };
    let fp = fingerprint(&parts.method, &parts.uri, &body);
    let seq = match state.store.begin(&credential, &key, fp) {
        Begin::Proceed(seq) => seq,
        Begin::Replay(stored) => return stored.into_response(),
        Begin::Reused => {
            return (state.render)(
                StatusCode::CONFLICT,
                "IDEMPOTENCY_KEY_REUSED",
                "This Idempotency-Key was used with another method, path or body",
                json!({ "idempotencyKey": key }),
            );
        }
        Begin::InFlight => {
            let mut resp = (state.render)(
                StatusCode::CONFLICT,
                "IDEMPOTENCY_KEY_IN_USE",
                "A request with this Idempotency-Key is still being processed",
                json!({ "idempotencyKey": key, "reason": "in_flight" }),
            );
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return resp;
        }
        Begin::Unreplayable => {
            return (state.render)(
                StatusCode::CONFLICT,
                "IDEMPOTENCY_KEY_IN_USE",
                "The first answer to this Idempotency-Key cannot be replayed (a stream, or a \
                 body over 1 MiB); use a new key",
                json!({ "idempotencyKey": key, "reason": "not_replayable" }),
            );
        }
    };
    let mut ticket = Ticket {
        store: state.store.clone(),
        slot: (credential, key),
        seq,
        settled: false,
    };
    let resp = next.run(Request::from_parts(parts, Body::from(body))).await;
    let status = resp.status();
    if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
        ticket.settle(None);
        return resp;
    }
    let small = resp
        .body()
        .size_hint()
        .exact()
        .is_some_and(|n| n <= MAX_STORED_BODY as u64);
    if is_event_stream(resp.headers()) || !small {
        ticket.settle(Some(Phase::Unreplayable));
        return resp;
    }
    let (parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_STORED_BODY).await else {
        ticket.settle(None);
        return (state.render)(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL_ERROR",
            "The answer could not be produced",
            json!({}),
        );
    };
    let headers = parts
        .headers
        .iter()
        .filter(|(name, _)| !NOT_REPLAYED.contains(&name.as_str()))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    ticket.settle(Some(Phase::Done(Stored {
        status: parts.status,
        headers,
        body: bytes.clone(),
    })));
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(n: u8) -> [u8; 32] {
        [n; 32]
    }

    fn stored(body: &'static str) -> Phase {
        Phase::Done(Stored {
            status: StatusCode::CREATED,
            headers: vec![(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body: Bytes::from_static(body.as_bytes()),
        })
    }

    fn small_limits() -> Limits {
        Limits {
            ttl: Duration::from_secs(60),
            entries: 8,
            per_credential: 3,
            stored_bytes: 1024,
        }
    }

    fn slot(c: &str, k: &str) -> Slot {
        (c.to_owned(), k.to_owned())
    }

    #[test]
    fn replay_reuse_in_flight_and_expiry() {
        let mut s = Store::new(small_limits());
        let t0 = Instant::now();
        let Begin::Proceed(seq) = s.begin("u1", "k", fp(1), t0) else {
            panic!("first use proceeds");
        };
        assert!(matches!(s.begin("u1", "k", fp(1), t0), Begin::InFlight));
        assert!(matches!(s.begin("u1", "k", fp(2), t0), Begin::Reused));
        // Another credential has its own keys.
        assert!(matches!(s.begin("u2", "k", fp(2), t0), Begin::Proceed(_)));
        s.finish(&slot("u1", "k"), seq, Some(stored("{}")));
        assert!(matches!(s.begin("u1", "k", fp(1), t0), Begin::Replay(_)));
        assert!(matches!(s.begin("u1", "k", fp(2), t0), Begin::Reused));
        // Still there just before the TTL, forgotten at it.
        let almost = t0 + Duration::from_secs(59);
        assert!(matches!(
            s.begin("u1", "k", fp(1), almost),
            Begin::Replay(_)
        ));
        let later = t0 + Duration::from_secs(60);
        assert!(matches!(
            s.begin("u1", "k", fp(2), later),
            Begin::Proceed(_)
        ));
    }

    #[test]
    fn forgotten_after_a_server_error_and_unreplayable_after_a_stream() {
        let mut s = Store::new(small_limits());
        let t0 = Instant::now();
        let Begin::Proceed(seq) = s.begin("u", "a", fp(1), t0) else {
            panic!()
        };
        s.finish(&slot("u", "a"), seq, None);
        assert!(matches!(s.begin("u", "a", fp(1), t0), Begin::Proceed(_)));
        let Begin::Proceed(seq) = s.begin("u", "b", fp(1), t0) else {
            panic!()
        };
        s.finish(&slot("u", "b"), seq, Some(Phase::Unreplayable));
        assert!(matches!(s.begin("u", "b", fp(1), t0), Begin::Unreplayable));
    }

    #[test]
    fn caps_per_credential_overall_and_in_bytes() {
        let mut s = Store::new(small_limits());
        let t0 = Instant::now();
        for i in 0..10 {
            let _ = s.begin("one", &format!("k{i}"), fp(1), t0);
            assert!(s.per_credential.get("one").map_or(0, BTreeSet::len) <= 3);
        }
        assert_eq!(s.entries.len(), 3);
        // The newest keys are kept.
        assert!(matches!(s.begin("one", "k9", fp(1), t0), Begin::InFlight));
        for i in 0..100 {
            let _ = s.begin(&format!("user{i}"), "k", fp(1), t0);
            assert!(s.entries.len() <= 8);
        }
        assert_eq!(s.order.len(), s.entries.len());
        let total: usize = s.per_credential.values().map(BTreeSet::len).sum();
        assert_eq!(total, s.entries.len());

        let mut s = Store::new(small_limits());
        let body: &'static str = Box::leak("x".repeat(400).into_boxed_str());
        for i in 0..5 {
            let key = format!("k{i}");
            let Begin::Proceed(seq) = s.begin(&format!("c{i}"), &key, fp(1), t0) else {
                panic!()
            };
            s.finish(&slot(&format!("c{i}"), &key), seq, Some(stored(body)));
            assert!(s.bytes <= 1024, "{}", s.bytes);
        }
        assert!(matches!(s.begin("c4", "k4", fp(1), t0), Begin::Replay(_)));
        assert!(matches!(s.begin("c0", "k0", fp(1), t0), Begin::Proceed(_)));
    }

    #[test]
    fn a_late_finish_of_an_evicted_entry_is_ignored() {
        let mut s = Store::new(small_limits());
        let t0 = Instant::now();
        let Begin::Proceed(old) = s.begin("u", "k", fp(1), t0) else {
            panic!()
        };
        s.remove(&slot("u", "k"));
        let Begin::Proceed(new) = s.begin("u", "k", fp(1), t0) else {
            panic!()
        };
        assert_ne!(old, new);
        s.finish(&slot("u", "k"), old, None);
        assert!(matches!(s.begin("u", "k", fp(1), t0), Begin::InFlight));
    }

    #[test]
    fn a_dropped_ticket_forgets_its_key() {
        let store = IdempotencyStore::default();
        let Begin::Proceed(seq) = store.begin("u", "k", fp(1)) else {
            panic!()
        };
        let ticket = Ticket {
            store: store.clone(),
            slot: slot("u", "k"),
            seq,
            settled: false,
        };
        assert!(matches!(store.begin("u", "k", fp(1)), Begin::InFlight));
        // The request was cancelled (its future dropped): a retry may act.
        drop(ticket);
        assert!(store.is_empty());
        assert!(matches!(store.begin("u", "k", fp(1)), Begin::Proceed(_)));
    }

    #[test]
    fn event_streams_are_recognised() {
        let mut h = axum::http::HeaderMap::new();
        assert!(!is_event_stream(&h));
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("Text/Event-Stream; charset=utf-8"),
        );
        assert!(is_event_stream(&h));
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        assert!(!is_event_stream(&h));
    }

    #[test]
    fn fingerprints_cover_method_path_query_and_body() {
        let uri = |s: &str| s.parse::<axum::http::Uri>().unwrap();
        let base = fingerprint(&Method::POST, &uri("/api/agents"), b"{}");
        assert_eq!(base, fingerprint(&Method::POST, &uri("/api/agents"), b"{}"));
        assert_ne!(base, fingerprint(&Method::PUT, &uri("/api/agents"), b"{}"));
        assert_ne!(base, fingerprint(&Method::POST, &uri("/api/agent"), b"{}"));
        assert_ne!(
            base,
            fingerprint(&Method::POST, &uri("/api/agents?x=1"), b"{}")
        );
        assert_ne!(
            base,
            fingerprint(&Method::POST, &uri("/api/agents"), b"{ }")
        );
    }
}
