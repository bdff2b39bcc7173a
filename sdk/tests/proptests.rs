//! Property tests of the parsers that read what a server (or a webhook sender) sends: the SSE
//! decoder, money amounts, RFC 3339 timestamps, rate-limit and `Retry-After` headers, webhook
//! signatures and envelopes, and the JSON models. 256 cases per property, no persistence files.
//!
//! The cargo-fuzz targets in `fuzz/` (`scripts/fuzz.sh`) check the same properties on
//! coverage-guided inputs; inputs they found are kept at the end of this file as plain tests.

use std::task::{Context, Poll, Waker};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use agents_sdk::Money;
use agents_sdk::ops::{self, ChatEvent};
use agents_sdk::platform;
use agents_sdk::ratelimit::{MAX_REPORTED_WAIT, RateLimit, parse_retry_after};
use agents_sdk::sse::{Decoder, Event};
use agents_sdk::webhooks::{self, VerifyOptions, WebhookData, WebhookEventType};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Value, json};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// `data` cut at the given places.
fn cut<'a>(data: &'a [u8], places: &[Index]) -> Vec<&'a [u8]> {
    let mut at: Vec<usize> = places.iter().map(|i| i.index(data.len() + 1)).collect();
    at.sort_unstable();
    let mut chunks = Vec::with_capacity(at.len() + 1);
    let mut start = 0;
    for end in at {
        chunks.push(&data[start..end]);
        start = end;
    }
    chunks.push(&data[start..]);
    chunks
}

/// JSON values without floats (a float may not survive serde_json's text round trip to the
/// last bit, which is not what these properties are about).
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        "[ -~]{0,8}".prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            btree_map("[a-z_]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

// ---------------------------------------------------------------------------------------------
// SSE decoder
// ---------------------------------------------------------------------------------------------

mod sse {
    use super::*;

    #[derive(Debug, PartialEq)]
    pub struct Outcome {
        pub events: Vec<Event>,
        pub failed: bool,
        pub retry: Option<u64>,
        pub last_event_id: String,
    }

    pub fn run(max: usize, chunks: &[&[u8]]) -> Outcome {
        let mut decoder = Decoder::with_max_event_size(max);
        let mut events = Vec::new();
        let mut failed = false;
        for chunk in chunks {
            failed |= decoder.feed_into(chunk, &mut events).is_err();
        }
        assert!(decoder.finish().expect("finish").is_empty());
        Outcome {
            events,
            failed,
            retry: decoder.retry(),
            last_event_id: decoder.last_event_id().to_owned(),
        }
    }

    pub fn run_each(max: usize, chunks: &[&[u8]]) -> Outcome {
        let mut decoder = Decoder::with_max_event_size(max);
        let mut events = Vec::new();
        let mut failed = false;
        for chunk in chunks {
            failed |= decoder
                .feed_each(chunk, |e| {
                    events.push(Event {
                        event: e.event.to_owned(),
                        data: e.data.to_owned(),
                        id: e.id.to_owned(),
                    })
                })
                .is_err();
        }
        assert!(decoder.finish().expect("finish").is_empty());
        Outcome {
            events,
            failed,
            retry: decoder.retry(),
            last_event_id: decoder.last_event_id().to_owned(),
        }
    }

    /// `eventsource-stream` on the same chunks, polled by hand (every chunk is ready at once).
    pub fn theirs(chunks: &[&[u8]]) -> Vec<Event> {
        use eventsource_stream::Eventsource;
        use futures::StreamExt;
        let source = futures::stream::iter(
            chunks
                .iter()
                .map(|c| Ok::<_, std::convert::Infallible>(c.to_vec())),
        );
        let mut stream = source.eventsource();
        let mut cx = Context::from_waker(Waker::noop());
        let mut events = Vec::new();
        loop {
            match stream.poll_next_unpin(&mut cx) {
                Poll::Ready(Some(Ok(e))) => events.push(Event {
                    event: e.event,
                    data: e.data,
                    id: e.id,
                }),
                Poll::Ready(Some(Err(e))) => panic!("eventsource-stream refused the input: {e}"),
                Poll::Ready(None) => return events,
                Poll::Pending => unreachable!("every chunk is ready"),
            }
        }
    }

    /// SSE text: lines of known and unknown fields, comments and empty lines, with every kind
    /// of line end, values with colons, spaces, NULs, BOMs and arbitrary characters, and
    /// sometimes a partial last line.
    pub fn text() -> impl Strategy<Value = String> {
        let name = prop_oneof![
            4 => proptest::sample::select(&["data", "event", "id", "retry"][..]).prop_map(str::to_owned),
            1 => proptest::sample::select(&["", "dat", "Data", "data ", "\u{FEFF}data", "x"][..]).prop_map(str::to_owned),
            1 => "[^\r\n:]{0,4}",
        ];
        let separator = proptest::sample::select(&["", ":", ":", ": ", ": ", ":  "][..]);
        let value = prop_oneof![
            3 => "[a-z0-9 :]{0,8}",
            1 => proptest::sample::select(&["1500", "+5", "\0", "a\0b", "{\"token\": \"a\"}", "\u{2028}", "é"][..]).prop_map(str::to_owned),
            1 => "[^\r\n]{0,8}",
        ];
        let line = prop_oneof![
            6 => (name, separator, value).prop_map(|(n, s, v)| format!("{n}{s}{v}")),
            1 => "[^\r\n]{0,8}".prop_map(|c| format!(":{c}")),
            3 => Just(String::new()),
        ];
        let end = proptest::sample::select(&["\n", "\n", "\r", "\r\n"][..]);
        (vec((line, end), 0..24), "[^\r\n]{0,4}", any::<bool>()).prop_map(|(lines, tail, bom)| {
            let mut text = String::new();
            if bom {
                text.push('\u{FEFF}');
            }
            for (line, end) in lines {
                text.push_str(&line);
                text.push_str(end);
            }
            text.push_str(&tail);
            text
        })
    }

    /// Bytes: SSE text, sometimes with invalid UTF-8 spliced in.
    pub fn bytes() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            3 => text().prop_map(String::into_bytes),
            1 => (text(), vec(any::<u8>(), 0..12), text()).prop_map(|(a, junk, b)| {
                let mut out = a.into_bytes();
                out.extend(junk);
                out.extend(b.into_bytes());
                out
            }),
            1 => vec(any::<u8>(), 0..200),
        ]
    }
}

proptest! {
    #![proptest_config(config())]

    /// Any cut of any input gives what feeding it whole gives, through `feed_into` and
    /// `feed_each` alike.
    #[test]
    fn sse_cuts_do_not_change_events(
        input in sse::bytes(),
        places in vec(any::<Index>(), 0..10),
    ) {
        let whole = sse::run(agents_sdk::sse::DEFAULT_MAX_EVENT_SIZE, &[&input]);
        prop_assert!(!whole.failed);
        let chunks = cut(&input, &places);
        prop_assert_eq!(&sse::run(agents_sdk::sse::DEFAULT_MAX_EVENT_SIZE, &chunks), &whole);
        prop_assert_eq!(&sse::run_each(agents_sdk::sse::DEFAULT_MAX_EVENT_SIZE, &chunks), &whole);
        prop_assert_eq!(&sse::run_each(agents_sdk::sse::DEFAULT_MAX_EVENT_SIZE, &[&input]), &whole);
        let bytes: Vec<&[u8]> = input.chunks(1).collect();
        prop_assert_eq!(&sse::run(agents_sdk::sse::DEFAULT_MAX_EVENT_SIZE, &bytes), &whole);
    }

    /// With a small limit, the surviving events and whether an oversized event was reported do
    /// not depend on the cuts either.
    #[test]
    fn sse_limit_is_independent_of_cuts(
        input in sse::bytes(),
        places in vec(any::<Index>(), 0..10),
        limit in 0usize..40,
    ) {
        let whole = sse::run(limit, &[&input]);
        let chunks = cut(&input, &places);
        prop_assert_eq!(&sse::run(limit, &chunks), &whole);
        prop_assert_eq!(&sse::run_each(limit, &chunks), &whole);
        for event in &whole.events {
            prop_assert!(event.data.len() <= limit);
        }
    }

    /// Same events as `eventsource-stream` on valid UTF-8, cut anywhere. Left out: a leading
    /// BOM (that crate slices it as one byte and panics), a final CR (that crate waits for a
    /// possible LF forever, so the event it ends is never dispatched there) and the `retry`
    /// field (that crate also accepts `+5`).
    #[test]
    fn sse_agrees_with_eventsource_stream(
        text in sse::text(),
        places in vec(any::<Index>(), 0..10),
    ) {
        let text = text.trim_start_matches('\u{FEFF}').trim_end_matches('\r');
        let chunks = cut(text.as_bytes(), &places);
        let ours = sse::run(agents_sdk::sse::DEFAULT_MAX_EVENT_SIZE, &chunks).events;
        prop_assert_eq!(ours, sse::theirs(&chunks), "input {:?}", text);
    }
}

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

/// Text shaped like a decimal number, with many digits and exponents of any size.
fn decimal_text() -> impl Strategy<Value = String> {
    "[+-]?[0-9]{0,42}(\\.[0-9]{0,42})?([eE][+-]?[0-9]{0,7})?"
}

/// An amount with at most 15 significant digits and at most 20 decimals: what the docs promise
/// to carry exactly through a JSON number.
fn exact_money() -> impl Strategy<Value = Money> {
    (-999_999_999_999_999i64..=999_999_999_999_999, 0u32..=20)
        .prop_map(|(m, scale)| Money::from_parts(i128::from(m), scale).expect("in range"))
}

fn any_money() -> impl Strategy<Value = Money> {
    (any::<i128>(), 0u32..=agents_sdk::money::MAX_SCALE)
        .prop_filter_map("i128::MIN", |(m, s)| Money::from_parts(m, s).ok())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn money_parse_never_panics(text in any::<String>(), shaped in decimal_text()) {
        let _ = text.parse::<Money>();
        let _ = serde_json::from_str::<Money>(&text);
        if let Ok(m) = shaped.parse::<Money>() {
            prop_assert_eq!(m.to_string().parse::<Money>(), Ok(m));
        }
        // As a JSON number where it is one, and as a JSON string.
        let _ = serde_json::from_str::<Money>(&shaped);
        let quoted = serde_json::to_string(&shaped).expect("a string serializes");
        prop_assert_eq!(
            serde_json::from_str::<Money>(&quoted).ok(),
            shaped.parse::<Money>().ok()
        );
    }

    /// Display is exact, normalized and reads back; the JSON form reads back.
    #[test]
    fn money_display_round_trips(m in any_money()) {
        let shown = m.to_string();
        prop_assert_eq!(shown.parse::<Money>(), Ok(m));
        prop_assert_eq!(m.as_decimal_string(), shown.clone());
        prop_assert!(m.scale() == 0 || m.mantissa() % 10 != 0, "not normalized: {:?}", m);
        prop_assert_eq!(Money::from_parts(m.mantissa(), m.scale()), Ok(m));
        // an amount is written exactly or not at all: one with more significant digits than
        // an f64 carries is refused rather than written rounded
        match serde_json::to_string(&m) {
            Ok(json) => {
                let back: Money = serde_json::from_str(&json).expect("reads its own JSON");
                if m.scale() > 0 || i64::try_from(m.mantissa()).is_ok() {
                    prop_assert_eq!(back, m);
                }
            }
            Err(e) => prop_assert!(
                m.scale() > 0 && e.to_string().contains("significant digits"),
                "{:?}: {}", m, e
            ),
        }
        prop_assert_eq!(serde_json::from_str::<Money>(&format!("\"{shown}\"")).ok(), Some(m));
    }

    /// Amounts of up to 15 significant digits come out of a JSON number exactly, and survive
    /// serialization.
    #[test]
    fn money_exact_through_json_numbers(m in exact_money()) {
        let from_number: Money = serde_json::from_str(&m.to_string()).expect("a JSON number");
        prop_assert_eq!(from_number, m);
        let json = serde_json::to_string(&m).expect("serializes");
        prop_assert_eq!(serde_json::from_str::<Money>(&json).expect("reads back"), m);
    }

    /// Any JSON number (floats of any magnitude, huge integers) decodes or is refused cleanly;
    /// a decoded float is the float serde_json read.
    #[test]
    fn money_from_any_json_number(v in any::<f64>(), big in "-?[1-9][0-9]{0,60}") {
        if v.is_finite() {
            let text = serde_json::to_string(&v).expect("finite");
            if let Ok(m) = serde_json::from_str::<Money>(&text) {
                let read: f64 = serde_json::from_str(&text).expect("a float");
                prop_assert_eq!(m.to_f64(), read);
            }
        }
        let _ = serde_json::from_str::<Money>(&big);
    }

    #[test]
    fn money_arithmetic_is_checked(a in any_money(), b in any_money()) {
        if let Some(sum) = a.checked_add(b) {
            prop_assert_eq!(sum.checked_sub(b), Some(a));
            prop_assert_eq!(b.checked_add(a), Some(sum));
        }
        let _ = (a.to_cents(), a.to_f64(), a.abs(), -a, a.cmp(&b));
    }
}

// ---------------------------------------------------------------------------------------------
// RFC 3339 timestamps
// ---------------------------------------------------------------------------------------------

fn nanos_since_epoch(t: SystemTime) -> i128 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)` with every field drawn from a range wider than the
/// valid one.
#[derive(Debug, Clone)]
struct Stamp {
    year: u32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    fraction: Option<String>,
    offset: Option<(char, u32, u32)>,
    lowercase: bool,
}

impl Stamp {
    fn text(&self) -> String {
        let (t, z) = if self.lowercase {
            ('t', 'z')
        } else {
            ('T', 'Z')
        };
        let mut s = format!(
            "{:04}-{:02}-{:02}{t}{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        );
        if let Some(f) = &self.fraction {
            s.push('.');
            s.push_str(f);
        }
        match self.offset {
            None => s.push(z),
            Some((sign, h, m)) => s.push_str(&format!("{sign}{h:02}:{m:02}")),
        }
        s
    }

    /// The instant by chrono's calendar, `None` for an impossible field.
    fn expected(&self) -> Option<i128> {
        let date = chrono::NaiveDate::from_ymd_opt(self.year as i32, self.month, self.day)?;
        if self.hour > 23 || self.minute > 59 || self.second > 60 {
            return None;
        }
        let base = date
            .and_hms_opt(self.hour, self.minute, 0)?
            .and_utc()
            .timestamp();
        let offset = match self.offset {
            None => 0,
            Some((_, h, m)) if h > 23 || m > 59 => return None,
            Some((sign, h, m)) => {
                let v = i64::from(h * 3600 + m * 60);
                if sign == '-' { -v } else { v }
            }
        };
        let nanos = match &self.fraction {
            None => 0,
            Some(f) if f.is_empty() => return None,
            Some(f) => {
                let nine: String = f.chars().chain(std::iter::repeat('0')).take(9).collect();
                nine.parse::<i128>().expect("digits")
            }
        };
        let secs = base + i64::from(self.second) - offset;
        Some(i128::from(secs) * 1_000_000_000 + nanos)
    }
}

fn stamp() -> impl Strategy<Value = Stamp> {
    (
        (0u32..=9999, 0u32..=13, 0u32..=32),
        (0u32..=24, 0u32..=60, 0u32..=61),
        proptest::option::of("[0-9]{0,12}"),
        proptest::option::of((prop_oneof![Just('+'), Just('-')], 0u32..=24, 0u32..=60)),
        any::<bool>(),
    )
        .prop_map(
            |((year, month, day), (hour, minute, second), fraction, offset, lowercase)| Stamp {
                year,
                month,
                day,
                hour,
                minute,
                second,
                fraction,
                offset,
                lowercase,
            },
        )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn timestamp_parse_never_panics(
        text in any::<String>(),
        shaped in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,12})?([Zz]|[+-][0-9]{2}:?[0-9]{2})?.?",
    ) {
        let _ = webhooks::parse_timestamp(&text);
        let _ = webhooks::parse_timestamp(&shaped);
    }

    /// Accepted exactly when every field is valid, and then the instant chrono computes.
    #[test]
    fn timestamp_fields_match_chrono(s in stamp()) {
        let text = s.text();
        let ours = webhooks::parse_timestamp(&text).ok().map(nanos_since_epoch);
        prop_assert_eq!(ours, s.expected(), "{}", text);
    }

    /// Any instant of years 0000 to 9999, written by chrono, reads back.
    #[test]
    fn timestamp_round_trips(
        secs in -62_167_219_200i64..=253_402_300_799,
        nanos in 0u32..1_000_000_000,
    ) {
        let time = chrono::DateTime::from_timestamp(secs, nanos).expect("in range");
        for format in [chrono::SecondsFormat::Secs, chrono::SecondsFormat::Nanos, chrono::SecondsFormat::AutoSi] {
            let text = time.to_rfc3339_opts(format, true);
            let parsed = webhooks::parse_timestamp(&text).expect("chrono's RFC 3339");
            let expected = match format {
                chrono::SecondsFormat::Secs => i128::from(secs) * 1_000_000_000,
                _ => i128::from(secs) * 1_000_000_000 + i128::from(nanos),
            };
            prop_assert_eq!(nanos_since_epoch(parsed), expected, "{}", text);
        }
        let offset = time.with_timezone(&chrono::FixedOffset::east_opt(-(5 * 3600 + 30 * 60)).expect("offset"));
        if offset.format("%Y").to_string().len() == 4 {
            let text = offset.to_rfc3339_opts(chrono::SecondsFormat::Nanos, false);
            let parsed = webhooks::parse_timestamp(&text).expect("with an offset");
            prop_assert_eq!(nanos_since_epoch(parsed), i128::from(secs) * 1_000_000_000 + i128::from(nanos));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rate-limit and Retry-After headers
// ---------------------------------------------------------------------------------------------

fn header_value() -> impl Strategy<Value = http::HeaderValue> {
    prop_oneof![
        vec(any::<u8>(), 0..40).prop_filter_map("invalid header value", |b| {
            http::HeaderValue::from_bytes(&b).ok()
        }),
        "[ \t]?[+-]?[0-9]{0,30}(\\.[0-9]{0,12})?([eE][+-]?[0-9]{1,4})?[ \t]?"
            .prop_filter_map("invalid header value", |s| http::HeaderValue::from_str(&s)
                .ok()),
        prop_oneof![
            Just("inf"),
            Just("NaN"),
            Just("-0"),
            Just("1e309"),
            Just("18446744073709551616"),
            Just("Fri, 31 Dec 9999 23:59:59 GMT"),
            Just("Thu, 01 Jan 1970 00:00:00 GMT"),
            Just("Sunday, 06-Nov-94 08:49:37 GMT"),
            Just("Sun Nov  6 08:49:37 1994"),
        ]
        .prop_map(http::HeaderValue::from_static),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Nothing panics, and no header makes a wait longer than `MAX_REPORTED_WAIT`.
    #[test]
    fn retry_headers_are_bounded(
        retry_after in header_value(),
        limit in header_value(),
        remaining in header_value(),
        reset in header_value(),
    ) {
        let mut headers = http::HeaderMap::new();
        headers.insert("retry-after", retry_after);
        headers.insert("x-ratelimit-limit", limit);
        headers.insert("x-ratelimit-remaining", remaining);
        headers.insert("x-ratelimit-reset", reset);
        if let Some(wait) = parse_retry_after(&headers) {
            prop_assert!(wait <= MAX_REPORTED_WAIT, "{:?}", wait);
        }
        if let Some(rl) = RateLimit::from_headers(&headers)
            && let Some(wait) = rl.reset_after()
        {
            prop_assert!(wait <= MAX_REPORTED_WAIT, "{:?}", wait);
        }
    }

    /// Whole seconds are taken as they are up to the bound, and clamped beyond it.
    #[test]
    fn retry_after_seconds(secs in any::<u64>(), pad in "[ \t]{0,2}") {
        let mut headers = http::HeaderMap::new();
        let value = format!("{pad}{secs}{pad}");
        headers.insert("retry-after", http::HeaderValue::from_str(&value).expect("ascii"));
        let expected = Duration::from_secs(secs).min(MAX_REPORTED_WAIT);
        let got = parse_retry_after(&headers).expect("a number");
        // Large values pass through f64, so allow its rounding below the bound.
        let diff = got.abs_diff(expected);
        prop_assert!(diff <= Duration::from_secs(1), "{} gave {:?}", value, got);
    }

    /// The three rate-limit numbers are read exactly.
    #[test]
    fn rate_limit_numbers(limit in any::<u64>(), remaining in proptest::option::of(any::<u64>()), reset in any::<u64>()) {
        let mut headers = http::HeaderMap::new();
        headers.insert("x-ratelimit-limit", limit.into());
        if let Some(r) = remaining {
            headers.insert("x-ratelimit-remaining", http::HeaderValue::from_str(&format!(" {r} ")).expect("ascii"));
        }
        headers.insert("x-ratelimit-reset", reset.into());
        let rl = RateLimit::from_headers(&headers).expect("present");
        prop_assert_eq!(rl.limit, Some(limit));
        prop_assert_eq!(rl.remaining, remaining);
        prop_assert_eq!(rl.reset, Some(reset));
        prop_assert!(rl.reset_after().expect("a reset") <= MAX_REPORTED_WAIT);
    }
}

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

fn secret() -> impl Strategy<Value = String> {
    prop_oneof![
        "[!-~]{1,40}",
        any::<String>().prop_filter("empty", |s| !s.is_empty())
    ]
}

/// A known or unknown event with data of its documented shape, and the typed data expected.
fn webhook_case() -> impl Strategy<Value = (String, Value, WebhookData)> {
    let id = || "[a-z]{3}_[a-z0-9]{1,10}";
    prop_oneof![
        (
            id(),
            id(),
            id(),
            any::<String>(),
            any::<u64>(),
            any::<bool>()
        )
            .prop_map(
                |(message_id, conversation_id, user_id, content, tokens_used, received)| {
                    let data = webhooks::MessageData {
                        message_id,
                        conversation_id,
                        user_id,
                        content,
                        tokens_used,
                    };
                    let value = serde_json::to_value(&data).expect("serializes");
                    if received {
                        (
                            "message.received".to_owned(),
                            value,
                            WebhookData::MessageReceived(data),
                        )
                    } else {
                        (
                            "message.sent".to_owned(),
                            value,
                            WebhookData::MessageSent(data),
                        )
                    }
                }
            ),
        (
            id(),
            any::<String>(),
            any::<String>(),
            any::<String>(),
            any::<bool>()
        )
            .prop_map(|(alert_id, severity, resource, message, critical)| {
                let data = webhooks::AlertData {
                    alert_id,
                    severity,
                    resource,
                    message,
                };
                let value = serde_json::to_value(&data).expect("serializes");
                if critical {
                    (
                        "alert.critical".to_owned(),
                        value,
                        WebhookData::AlertCritical(data),
                    )
                } else {
                    (
                        "alert.warning".to_owned(),
                        value,
                        WebhookData::AlertWarning(data),
                    )
                }
            }),
        ("[a-z_]{1,20}", json_value(), any::<bool>(), any::<u64>()).prop_map(
            |(tool, parameters, success, execution_time_ms)| {
                let data = webhooks::ToolExecutedData {
                    tool,
                    parameters,
                    success,
                    execution_time_ms,
                };
                let value = serde_json::to_value(&data).expect("serializes");
                (
                    "tool.executed".to_owned(),
                    value,
                    WebhookData::ToolExecuted(data),
                )
            }
        ),
        (id(), proptest::option::of(any::<String>()), any::<bool>()).prop_map(
            |(conversation_id, title, ops_casing)| {
                let value = if ops_casing {
                    json!({ "conversation_id": conversation_id, "title": title })
                } else {
                    json!({ "conversationId": conversation_id, "title": title })
                };
                let data = webhooks::ConversationCreatedData {
                    conversation_id,
                    agent_id: None,
                    user_id: None,
                    title,
                };
                (
                    "conversation.created".to_owned(),
                    value,
                    WebhookData::ConversationCreated(data),
                )
            }
        ),
        ("[a-z]{1,8}\\.[a-z]{1,8}", json_value())
            .prop_filter("a known event", |(name, _)| WebhookEventType::from_name(
                name
            )
            .is_unknown())
            .prop_map(|(name, value)| (name, value.clone(), WebhookData::Unknown(value))),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// A signature verifies with its secret in every tolerated spelling and among other
    /// secrets, and fails for another secret or another payload.
    #[test]
    fn webhook_sign_verify(payload in vec(any::<u8>(), 0..300), secret in secret(), other in secret()) {
        let signature = webhooks::sign(&payload, &secret);
        prop_assert_eq!(signature.len(), 64);
        prop_assert!(webhooks::verify(&payload, &signature, secret.as_str()).is_ok());
        prop_assert!(webhooks::verify(&payload, &signature.to_uppercase(), secret.as_str()).is_ok());
        let prefixed = format!(" sha256={signature}\n");
        prop_assert!(webhooks::verify(&payload, &prefixed, secret.as_str()).is_ok());
        prop_assert!(webhooks::verify(&payload, &signature, [other.as_str(), secret.as_str()]).is_ok());
        let wrong = format!("{secret}x");
        prop_assert!(webhooks::verify(&payload, &signature, wrong.as_str()).is_err());
        let mut tampered = payload.clone();
        tampered.push(b' ');
        prop_assert!(webhooks::verify(&tampered, &signature, secret.as_str()).is_err());
        prop_assert!(matches!(
            webhooks::verify(&payload, &signature, [secret.as_str(), ""]),
            Err(agents_sdk::Error::InvalidArgument(_))
        ));
    }

    #[test]
    fn webhook_verify_never_panics(payload in vec(any::<u8>(), 0..64), signature in any::<String>(), secrets in vec(any::<String>(), 0..3)) {
        let _ = webhooks::verify(&payload, &signature, &secrets);
        let headers = vec![("X-Webhook-Signature".to_owned(), signature.clone())];
        let _ = webhooks::unwrap(&payload, &headers, &secrets, &VerifyOptions::default());
    }

    /// A signed envelope unwraps to its event, typed data and raw data, whatever the header
    /// container and the casing of the header name.
    #[test]
    fn webhook_unwrap_round_trips(
        (name, data, typed) in webhook_case(),
        secs in 0i64..4_102_444_800,
        secret in secret(),
        upper in any::<bool>(),
    ) {
        let timestamp = chrono::DateTime::from_timestamp(secs, 0)
            .expect("in range")
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let payload = serde_json::to_vec(&json!({ "event": name, "timestamp": timestamp, "data": data }))
            .expect("serializes");
        let signature = webhooks::sign(&payload, &secret);
        let header = if upper { "X-WEBHOOK-SIGNATURE" } else { "x-webhook-signature" };
        let pairs = vec![(header.to_owned(), signature.clone())];
        let event = webhooks::unwrap(&payload, &pairs, secret.as_str(), &VerifyOptions::no_tolerance())
            .expect("a signed envelope");
        let mut map = http::HeaderMap::new();
        map.insert(webhooks::SIGNATURE_HEADER, signature.parse().expect("hex"));
        let from_map = webhooks::unwrap(&payload, &map, [secret.as_str()], &VerifyOptions::no_tolerance())
            .expect("a signed envelope");
        prop_assert_eq!(&from_map, &event);
        prop_assert_eq!(event.event.as_str(), name.as_str());
        prop_assert_eq!(&event.timestamp, &timestamp);
        prop_assert_eq!(event.raw_data(), &data);
        prop_assert_eq!(&event.data, &typed);
        prop_assert_eq!(
            nanos_since_epoch(event.time().expect("RFC 3339")),
            i128::from(secs) * 1_000_000_000
        );
        let wire = serde_json::to_value(&event).expect("serializes");
        prop_assert_eq!(serde_json::from_value::<webhooks::WebhookEvent>(wire).expect("reads back"), event);
    }

    /// With a tolerance, a delivery passes exactly when its timestamp is close enough to now.
    #[test]
    fn webhook_tolerance(skew in -900i64..900, tolerance in 0u64..600, secret in secret()) {
        let sent = 1_760_524_200i64;
        let timestamp = chrono::DateTime::from_timestamp(sent, 0)
            .expect("in range")
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let payload = serde_json::to_vec(&json!({ "event": "user.created", "timestamp": timestamp, "data": {} }))
            .expect("serializes");
        let signature = webhooks::sign(&payload, &secret);
        let now = UNIX_EPOCH + Duration::from_secs((sent + skew) as u64);
        let opts = VerifyOptions { tolerance: Some(Duration::from_secs(tolerance)), now: Some(now) };
        let result = webhooks::unwrap_with_signature(&payload, &signature, secret.as_str(), &opts);
        prop_assert_eq!(result.is_ok(), skew.unsigned_abs() <= tolerance, "skew {}", skew);
    }
}

// ---------------------------------------------------------------------------------------------
// JSON models
// ---------------------------------------------------------------------------------------------

fn round_trip<T>(value: &T) -> Result<(), TestCaseError>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let text = serde_json::to_string(value).expect("serializes");
    let back: T =
        serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
    prop_assert_eq!(&back, value, "{}", text);
    Ok(())
}

/// A value of a closed string set: a known wire string, or any other string.
fn wire<T: From<String> + std::fmt::Debug>(
    known: &'static [&'static str],
) -> impl Strategy<Value = T> {
    prop_oneof![
        proptest::sample::select(known).prop_map(str::to_owned),
        any::<String>(),
    ]
    .prop_map(T::from)
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(any::<String>())
}

fn cents() -> impl Strategy<Value = Money> {
    (-10_000_000_000_000i64..10_000_000_000_000).prop_map(Money::from_cents)
}

fn transaction() -> impl Strategy<Value = platform::Transaction> {
    (
        ("txn_[a-z0-9]{1,8}", "acc_[0-9]{3}", cents(), opt_text()),
        (
            proptest::option::of(wire(platform::TransactionCategory::VALUES)),
            opt_text(),
            proptest::option::of(wire(platform::TransactionType::VALUES)),
            opt_text(),
        ),
    )
        .prop_map(
            |((id, account_id, amount, description), (category, date, kind, created_at))| {
                platform::Transaction {
                    id,
                    account_id,
                    amount,
                    description,
                    category,
                    date,
                    kind,
                    created_at,
                }
            },
        )
}

fn account() -> impl Strategy<Value = platform::Account> {
    (
        any::<String>(),
        any::<String>(),
        wire(platform::AccountType::VALUES),
        cents(),
        opt_text(),
        opt_text(),
        proptest::option::of(cents()),
    )
        .prop_map(
            |(id, name, kind, balance, currency, institution, credit_limit)| platform::Account {
                id,
                name,
                kind,
                balance,
                currency,
                institution,
                credit_limit,
            },
        )
}

fn agent() -> impl Strategy<Value = platform::Agent> {
    let config = (
        proptest::option::of((0u32..=200).prop_map(|t| f64::from(t) / 100.0)),
        proptest::option::of(any::<u32>()),
        proptest::option::of((0u32..=100).prop_map(|p| f64::from(p) / 100.0)),
    )
        .prop_map(|(temperature, max_tokens, top_p)| platform::AgentConfig {
            temperature,
            max_tokens,
            top_p,
        });
    (
        (
            "agt_[a-z0-9_]{1,12}",
            any::<String>(),
            opt_text(),
            proptest::option::of(wire(platform::AgentCategory::VALUES)),
        ),
        (
            opt_text(),
            any::<bool>(),
            opt_text(),
            vec(any::<String>(), 0..3),
        ),
        (proptest::option::of(config), opt_text(), opt_text()),
    )
        .prop_map(
            |(
                (id, name, description, category),
                (model, is_public, created_by, capabilities),
                (config, created_at, system_prompt),
            )| platform::Agent {
                id,
                name,
                description,
                category,
                model,
                is_public,
                created_by,
                capabilities,
                config,
                created_at,
                system_prompt,
            },
        )
}

fn chat_event() -> impl Strategy<Value = ChatEvent> {
    prop_oneof![
        any::<String>().prop_map(|content| ChatEvent::Thinking { content }),
        ("[a-z_]{1,20}", btree_map("[a-z_]{1,6}", json_value(), 0..3)).prop_map(
            |(tool, params)| ChatEvent::ToolCall {
                tool,
                params: Value::Object(params.into_iter().collect()),
            }
        ),
        (opt_text(), json_value())
            .prop_map(|(tool, result)| ChatEvent::ToolResult { tool, result }),
        any::<String>().prop_map(|content| ChatEvent::Message { content }),
        opt_text().prop_map(|conversation_id| ChatEvent::Done { conversation_id }),
        (any::<String>(), any::<String>(), json_value()).prop_map(|(code, message, details)| {
            ChatEvent::Error(ops::ErrorDetail {
                code,
                message,
                details,
            })
        }),
        Just(ChatEvent::Authenticated),
        Just(ChatEvent::Pong),
        ("[a-z]{1,10}_x", btree_map("[a-z]{1,6}", json_value(), 0..3)).prop_map(|(kind, mut m)| {
            m.insert("type".to_owned(), Value::String(kind));
            ChatEvent::Unknown(Value::Object(m.into_iter().collect()))
        }),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn platform_models_round_trip(t in transaction(), a in account(), agent in agent()) {
        round_trip(&t)?;
        round_trip(&a)?;
        round_trip(&agent)?;
        let list = platform::Envelope {
            data: platform::AgentList { agents: vec![agent.clone()] },
            meta: Some(platform::Meta::default()),
        };
        round_trip(&list)?;
    }

    #[test]
    fn ops_models_round_trip(
        event in chat_event(),
        tool in any::<String>(),
        success in any::<bool>(),
        result in json_value(),
        ms in any::<u64>(),
        counts in vec(any::<u64>(), 9),
    ) {
        round_trip(&event)?;
        prop_assert_eq!(ChatEvent::from_value(event.to_value()).expect("wire form"), event.clone());
        round_trip(&ops::ToolExecution { tool, success, result, execution_time_ms: ms })?;
        let metrics = ops::Metrics {
            alerts: ops::AlertCounts { critical: counts[0], warning: counts[1], ok: counts[2] },
            infrastructure: ops::Infrastructure {
                aws_instances: counts[3],
                azure_vms: counts[4],
                gcp_instances: counts[5],
            },
            agent_stats: ops::AgentStats {
                total_messages: counts[6],
                tools_executed: counts[7],
                uptime_seconds: counts[8],
            },
        };
        round_trip(&metrics)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs found by the fuzz targets
// ---------------------------------------------------------------------------------------------

/// JSON numbers with more than 22 decimal places, found by the `models` target (`1e-30`) and by
/// `money_exact_through_json_numbers` widened to 38 decimals. Reading them never panics.
const FAR_DECIMALS: [&str; 4] = [
    "1e-30",
    "-0.00000000027037199387134",
    "0.00000000000000000000001",
    "1e-38",
];

#[test]
fn money_far_decimals_never_panic() {
    for text in FAR_DECIMALS {
        let exact: Money = text.parse().expect("a decimal");
        let _ = serde_json::from_str::<Money>(text);
        let json = serde_json::to_string(&exact).expect("serializes");
        let _ = serde_json::from_str::<Money>(&json);
    }
}

/// Money read from JSON floats with many decimals is exact and reads back what it wrote:
/// serde_json's default float parsing is not correctly rounded beyond 22 decimal places (`1e-30`
/// read as `9.999999999999999e-31`, refused as too precise), so the workspace enables its
/// `float_roundtrip` feature.
#[test]
fn money_far_decimals_are_exact() {
    for text in FAR_DECIMALS {
        let exact: Money = text.parse().expect("a decimal");
        assert_eq!(
            serde_json::from_str::<Money>(text).ok(),
            Some(exact),
            "{text}"
        );
        let json = serde_json::to_string(&exact).expect("serializes");
        assert_eq!(
            serde_json::from_str::<Money>(&json).ok(),
            Some(exact),
            "{text} as {json}"
        );
    }
}

/// The platform's fast path for `{"token": "..."}` (`plain_token_span` in
/// sdk/src/platform/stream.rs) skips JSON whitespace only (`[ \t\n\r]`), so it accepts no data
/// that serde_json refuses (Unicode spaces such as U+3000 or U+00A0 used to pass).
#[test]
fn token_fast_path_accepts_only_json() {
    use agents_sdk::options::ResponseMeta;
    use agents_sdk::stream::EventDecoder;
    for data in [
        "{\u{3000}\"token\": \"a\"}",
        "{\"token\":\u{a0}\"a\"}",
        "{\"token\": \"a\"}\u{85}",
    ] {
        assert!(serde_json::from_str::<platform::TokenEvent>(data).is_err());
        let mut decoder = platform::TokenDecoder::default();
        let event = Event {
            event: "token".to_owned(),
            data: data.to_owned(),
            id: String::new(),
        };
        assert!(
            decoder.decode(event, &ResponseMeta::default()).is_err(),
            "{data:?} taken as a token"
        );
    }
}
