//! Conformance of `agents_sdk::sse::Decoder` with the WHATWG event stream rules.
//!
//! The vectors are written for this crate after the cases covered by the web-platform-tests
//! `eventsource/format-*` files, the fixtures of the `eventsource-parser` package and the SSE
//! framing tests of `openai-python`. Every vector is decoded whole, split in two at every
//! position, and byte by byte; all three must give the same events.

use agents_sdk::sse::{DEFAULT_MAX_EVENT_SIZE, Decoder, Error, Event};

/// What decoding a whole stream produced.
#[derive(Debug, PartialEq)]
struct Outcome {
    events: Vec<Event>,
    retry: Option<u64>,
    last_event_id: String,
}

fn run(chunks: &[&[u8]]) -> Outcome {
    let mut decoder = Decoder::new();
    let mut events = Vec::new();
    for chunk in chunks {
        events.extend(decoder.feed(chunk).expect("no oversized event"));
    }
    events.extend(decoder.finish().expect("finish"));
    Outcome {
        events,
        retry: decoder.retry(),
        last_event_id: decoder.last_event_id().to_owned(),
    }
}

/// `run` through `feed_each`: the borrowed events, copied.
fn run_each(chunks: &[&[u8]]) -> Outcome {
    let mut decoder = Decoder::new();
    let mut events = Vec::new();
    for chunk in chunks {
        decoder
            .feed_each(chunk, |e| events.push(ev(e.event, e.data, e.id)))
            .expect("no oversized event");
    }
    assert!(decoder.finish().expect("finish").is_empty());
    Outcome {
        events,
        retry: decoder.retry(),
        last_event_id: decoder.last_event_id().to_owned(),
    }
}

fn ev(event: &str, data: &str, id: &str) -> Event {
    Event {
        event: event.to_owned(),
        data: data.to_owned(),
        id: id.to_owned(),
    }
}

fn msg(data: &str) -> Event {
    ev("message", data, "")
}

/// Checks `input` whole, at every two-chunk split and byte by byte.
fn check(name: &str, input: &[u8], events: &[Event], retry: Option<u64>, last_event_id: &str) {
    let expected = Outcome {
        events: events.to_vec(),
        retry,
        last_event_id: last_event_id.to_owned(),
    };
    assert_eq!(run(&[input]), expected, "{name}: fed whole");
    assert_eq!(
        run_each(&[input]),
        expected,
        "{name}: fed whole to feed_each"
    );
    for split in 0..=input.len() {
        let (a, b) = input.split_at(split);
        assert_eq!(run(&[a, b]), expected, "{name}: split at {split}");
        assert_eq!(
            run_each(&[a, b]),
            expected,
            "{name}: feed_each split at {split}"
        );
    }
    let bytes: Vec<&[u8]> = input.chunks(1).collect();
    assert_eq!(run(&bytes), expected, "{name}: byte by byte");
    assert_eq!(run_each(&bytes), expected, "{name}: feed_each byte by byte");
    let with_empty: Vec<&[u8]> = input.chunks(3).flat_map(|c| [c, &[][..]]).collect();
    assert_eq!(run(&with_empty), expected, "{name}: with empty chunks");
}

fn check_events(name: &str, input: &[u8], events: &[Event]) {
    let last_id = events.last().map(|e| e.id.as_str()).unwrap_or("");
    check(name, input, events, None, last_id);
}

// ---- web-platform-tests eventsource/format-* ----

#[test]
fn bom_is_stripped_once() {
    check_events(
        "bom",
        b"\xEF\xBB\xBFdata:first\n\ndata:second\n\n",
        &[msg("first"), msg("second")],
    );
}

#[test]
fn second_bom_is_content() {
    // The second BOM makes the first field name "\u{FEFF}data": unknown, so no first event.
    check_events(
        "bom-2",
        b"\xEF\xBB\xBF\xEF\xBB\xBFdata:first\n\ndata:second\n\ndata:third\n\n",
        &[msg("second"), msg("third")],
    );
}

#[test]
fn bom_later_in_the_stream_is_content() {
    check_events(
        "bom-late",
        b"data:a\n\n\xEF\xBB\xBFdata:b\n\ndata:c\n\n",
        &[msg("a"), msg("c")],
    );
}

#[test]
fn bom_prefix_without_bom() {
    // Bytes that start like a BOM but are not one stay part of the first line.
    check_events("bom-prefix", b"\xEF\xBBdata:a\n\ndata:b\n\n", &[msg("b")]);
    check_events("no-bom", b"data:x\n\n", &[msg("x")]);
}

#[test]
fn comments_are_ignored() {
    let long = "c".repeat(3000);
    let input = format!(
        "data:one\r:\0\n:\r\ndata:two\n:{long}\rdata:three\n:data:nope\r:{long}\ndata:four\n\n"
    );
    check_events(
        "comments",
        input.as_bytes(),
        &[msg("one\ntwo\nthree\nfour")],
    );
    check_events("only comments", b": hi\n\n:\n\n", &[]);
}

#[test]
fn data_before_final_empty_line_is_not_dispatched() {
    check(
        "data-before-final-empty-line",
        b"retry:1500\ndata:first\n\nid:abc\ndata:second",
        &[msg("first")],
        Some(1500),
        "abc",
    );
}

#[test]
fn field_data() {
    check_events(
        "field-data",
        b"data:\n\ndata\ndata\n\ndata:last\n\n",
        &[msg(""), msg("\n"), msg("last")],
    );
}

#[test]
fn field_event() {
    check_events(
        "field-event",
        b"event:custom\ndata:a\n\ndata:b\n\nevent: spaced\nevent:final\ndata:c\n\n",
        &[ev("custom", "a", ""), msg("b"), ev("final", "c", "")],
    );
}

#[test]
fn field_event_empty() {
    check_events(
        "field-event-empty",
        b"event: \ndata:payload\n\nevent\ndata:x\n\n",
        &[msg("payload"), msg("x")],
    );
}

#[test]
fn event_type_resets_even_without_data() {
    check_events(
        "event-without-data",
        b"event:ping\n\ndata:after\n\n",
        &[msg("after")],
    );
}

#[test]
fn field_id_persists_and_resets() {
    check_events(
        "field-id",
        b"id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\nid: 2\n\ndata: d\n\n",
        &[
            ev("message", "a", "1"),
            ev("message", "b", "1"),
            msg("c"),
            ev("message", "d", "2"),
        ],
    );
}

#[test]
fn field_id_unicode() {
    check_events(
        "field-id-2",
        "id: …\ndata: hello\n\ndata: …\n\n".as_bytes(),
        &[ev("message", "hello", "…"), ev("message", "…", "…")],
    );
}

#[test]
fn field_id_with_nul_is_ignored() {
    check_events(
        "field-id-null",
        b"id: keep\ndata: a\n\nid: x\0y\ndata: b\n\nid: \0\ndata: c\n\n",
        &[
            ev("message", "a", "keep"),
            ev("message", "b", "keep"),
            ev("message", "c", "keep"),
        ],
    );
}

#[test]
fn id_applies_even_when_the_event_is_not_dispatched() {
    check(
        "id-without-data",
        b"id: 9\n\ndata: x\n\n",
        &[ev("message", "x", "9")],
        None,
        "9",
    );
}

#[test]
fn field_parsing() {
    check_events(
        "field-parsing",
        b"data:\0\ndata:  two\rData:skip\ndata\0:skip\ndata:end\0\ndata :skip\n\n",
        &[msg("\0\n two\nend\0")],
    );
}

#[test]
fn field_retry() {
    check(
        "field-retry",
        b"retry: 02500\ndata:x\n\n",
        &[msg("x")],
        Some(2500),
        "",
    );
    check("retry-zero", b"retry:0\n", &[], Some(0), "");
}

#[test]
fn field_retry_bogus() {
    for bogus in [
        &b"retry:2500\nretry:1000x\ndata:x\n\n"[..],
        b"retry:2500\nretry: 1000 \ndata:x\n\n",
        b"retry:2500\nretry:-5\ndata:x\n\n",
        b"retry:2500\nretry:1.5\ndata:x\n\n",
        b"retry:2500\nretry:\xEF\xBC\x91\ndata:x\n\n",
    ] {
        check("field-retry-bogus", bogus, &[msg("x")], Some(2500), "");
    }
}

#[test]
fn field_retry_empty() {
    check(
        "field-retry-empty",
        b"retry\ndata:x\n\n",
        &[msg("x")],
        None,
        "",
    );
    check(
        "field-retry-blank",
        b"retry:\ndata:x\n\n",
        &[msg("x")],
        None,
        "",
    );
}

#[test]
fn field_unknown() {
    check_events(
        "field-unknown",
        b"data:one\n data:no\ndata\nxyz:1\nplaintext\n:note\nDATA:no\ndata:two\n\n",
        &[msg("one\n\ntwo")],
    );
}

#[test]
fn leading_space() {
    check_events(
        "leading-space",
        b"data:\tx\rdata: \ndata:  y\ndata:z\n\n",
        &[msg("\tx\n\n y\nz")],
    );
    check_events(
        "event-space",
        b"event:  two\ndata: d\n\n",
        &[ev(" two", "d", "")],
    );
}

#[test]
fn newlines() {
    check_events(
        "newlines",
        b"data:a\r\ndata\ndata:b\r\n\r",
        &[msg("a\n\nb")],
    );
    check_events(
        "cr only",
        b"data:a\rdata:b\r\rdata:c\r\r",
        &[msg("a\nb"), msg("c")],
    );
    check_events(
        "crlf only",
        b"event: e\r\ndata:a\r\n\r\ndata:b\r\n\r\n",
        &[ev("e", "a", ""), msg("b")],
    );
    check_events(
        "cr then crlf",
        b"data: a\r\r\ndata: b\r\n\r\n",
        &[msg("a"), msg("b")],
    );
    check_events("lf cr", b"data: a\n\rdata: b\n\r", &[msg("a"), msg("b")]);
    check_events("leading blank", b"\n\r\n\rdata:x\n\n", &[msg("x")]);
}

#[test]
fn null_character() {
    check_events("null-character", b"data:\0\n\n", &[msg("\0")]);
}

#[test]
fn utf8_is_always_used() {
    check_events("utf-8", b"data:ok\xE2\x80\xA6\n\n", &[msg("ok…")]);
    check_events(
        "multi-byte",
        "event: 日本\ndata: 日本語のテキスト 🎉\nid: ü\n\n".as_bytes(),
        &[ev("日本", "日本語のテキスト 🎉", "ü")],
    );
}

// ---- eventsource-parser fixtures ----

#[test]
fn several_events_with_ids_and_types() {
    check(
        "parser-mixed",
        b"retry: 500\n\n: hello\nid: 1\nevent: tick\ndata: 1\n\nid: 2\ndata: {\"a\":1}\n\nevent: bye\ndata: end\nid: 3\n\n",
        &[
            ev("tick", "1", "1"),
            ev("message", "{\"a\":1}", "2"),
            ev("bye", "end", "3"),
        ],
        Some(500),
        "3",
    );
}

#[test]
fn id_containing_colon_and_spaces() {
    check_events(
        "id-colon",
        b"id:  a:b \ndata:x\n\n",
        &[ev("message", "x", " a:b ")],
    );
}

#[test]
fn data_value_keeps_later_colons_and_spaces() {
    check_events(
        "data-colons",
        b"data: a: b : c \ndata::\n\n",
        &[msg("a: b : c \n:")],
    );
}

// ---- openai-python SSE framing ----

#[test]
fn event_without_data_is_skipped() {
    check_events(
        "event-missing-data",
        b"event: ping\n\nevent: completion\ndata: {\"x\": 1}\n\n",
        &[ev("completion", "{\"x\": 1}", "")],
    );
}

#[test]
fn data_without_event() {
    check_events(
        "data-missing-event",
        b"data: {\"foo\":true}\n\n",
        &[msg("{\"foo\":true}")],
    );
}

#[test]
fn multiple_data_lines_with_an_empty_one() {
    check_events(
        "multi-data-empty",
        b"event: ping\ndata: {\ndata: \"foo\":\ndata: \ndata:\ndata: true}\n\n",
        &[ev("ping", "{\n\"foo\":\n\n\ntrue}", "")],
    );
}

#[test]
fn escaped_newlines_in_json_stay_escaped() {
    check_events(
        "json-escaped",
        b"data: {\"content\": \"a\\n\\nb\"}\n\n",
        &[msg("{\"content\": \"a\\n\\nb\"}")],
    );
}

#[test]
fn unicode_line_separators_do_not_end_lines() {
    check_events(
        "special-newlines",
        "data: a\u{2028}b\u{2029}c\u{85}d\u{b}e\u{c}f\n\n".as_bytes(),
        &[msg("a\u{2028}b\u{2029}c\u{85}d\u{b}e\u{c}f")],
    );
}

// ---- the two services' formats ----

#[test]
fn platform_token_stream() {
    let input = b"event: token\ndata: {\"token\": \"Este\"}\n\nevent: token\ndata: {\"token\": \" mes\"}\n\n\
event: done\ndata: {\"messageId\": \"msg_003\", \"tokensUsed\": 156, \"timestamp\": \"2025-10-15T10:36:00Z\"}\n\n";
    check_events(
        "platform",
        input,
        &[
            ev("token", "{\"token\": \"Este\"}", ""),
            ev("token", "{\"token\": \" mes\"}", ""),
            ev(
                "done",
                "{\"messageId\": \"msg_003\", \"tokensUsed\": 156, \"timestamp\": \"2025-10-15T10:36:00Z\"}",
                "",
            ),
        ],
    );
}

#[test]
fn ops_data_only_stream() {
    let input = "data: {\"type\": \"thinking\", \"content\": \"Analizando…\"}\n\ndata: {\"type\": \"done\"}\n\n";
    check_events(
        "ops",
        input.as_bytes(),
        &[
            msg("{\"type\": \"thinking\", \"content\": \"Analizando…\"}"),
            msg("{\"type\": \"done\"}"),
        ],
    );
}

// ---- truncation and finish ----

#[test]
fn truncated_streams_drop_the_partial_event() {
    check_events("partial line", b"data: a\n\ndata: par", &[msg("a")]);
    check_events("no blank line", b"data: a\n\ndata: b\n", &[msg("a")]);
    check_events("cr but no blank", b"data: a\n\ndata: b\r", &[msg("a")]);
    check_events("empty input", b"", &[]);
}

#[test]
fn final_lone_cr_completes_the_event() {
    check_events("final cr", b"data: a\n\r", &[msg("a")]);
    check_events("final cr cr", b"data: b\r\r", &[msg("b")]);
    // The event is available as soon as the CR arrives, before any further byte.
    let mut decoder = Decoder::new();
    assert_eq!(decoder.feed(b"data: c\r").unwrap(), vec![]);
    assert_eq!(decoder.feed(b"\r").unwrap(), vec![msg("c")]);
    assert_eq!(decoder.feed(b"\n").unwrap(), vec![]);
    assert_eq!(decoder.finish().unwrap(), vec![]);
}

#[test]
fn swallowed_lf_is_only_the_one_after_a_cr() {
    let mut decoder = Decoder::new();
    assert_eq!(decoder.feed(b"data: a\r").unwrap(), vec![]);
    // This LF completes the CRLF; the blank line comes with the next LF.
    assert_eq!(decoder.feed(b"\n").unwrap(), vec![]);
    assert_eq!(decoder.feed(b"\n").unwrap(), vec![msg("a")]);
}

#[test]
fn finish_readies_the_decoder_for_a_new_connection() {
    let mut decoder = Decoder::new();
    decoder.feed(b"retry: 3000\nid: 42\ndata: cut").unwrap();
    assert_eq!(decoder.finish().unwrap(), vec![]);
    assert_eq!(decoder.last_event_id(), "42");
    assert_eq!(decoder.retry(), Some(3000));
    let events = decoder.feed(b"\xEF\xBB\xBFdata: again\n\n").unwrap();
    assert_eq!(events, vec![ev("message", "again", "42")]);
}

#[test]
fn retry_is_none_until_set() {
    let mut decoder = Decoder::new();
    assert_eq!(decoder.retry(), None);
    assert_eq!(decoder.last_event_id(), "");
    decoder.feed(b"retry: 10\nretry: 20\n").unwrap();
    assert_eq!(decoder.retry(), Some(20));
}

// ---- invalid UTF-8 ----

#[test]
fn invalid_utf8_is_replaced_per_line() {
    check_events(
        "invalid",
        b"data: a\xFFb\ndata: \xE6\x97\nevent: e\xC0\nid: \xF0\x9F\x98\n\n",
        &[ev("e\u{FFFD}", "a\u{FFFD}b\n\u{FFFD}", "\u{FFFD}")],
    );
    // A truncated sequence at the end of a line does not swallow the line end.
    check_events(
        "truncated sequence",
        b"data: \xE2\x80\ndata: ok\n\n",
        &[msg("\u{FFFD}\nok")],
    );
}

#[test]
fn invalid_utf8_does_not_stall() {
    let mut decoder = Decoder::new();
    assert_eq!(decoder.feed(b"data: x\xE2\x82\n").unwrap(), vec![]);
    assert_eq!(decoder.feed(b"\n").unwrap(), vec![msg("x\u{FFFD}")]);
    assert_eq!(
        decoder.feed(b"data: \xF0\n\n").unwrap(),
        vec![msg("\u{FFFD}")]
    );
}

#[test]
fn multibyte_character_split_across_chunks() {
    let text = "data: 日本語\n\n".as_bytes();
    let mut decoder = Decoder::new();
    let mut events = Vec::new();
    // Splits inside the three-byte characters.
    for chunk in [&text[..7], &text[7..10], &text[10..14], &text[14..]] {
        events.extend(decoder.feed(chunk).unwrap());
    }
    assert_eq!(events, vec![msg("日本語")]);
}

// ---- size limits ----

fn big_line(len: usize) -> Vec<u8> {
    let mut input = Vec::with_capacity(len + 32);
    input.extend_from_slice(b"data: ");
    input.resize(6 + len, b'x');
    input.extend_from_slice(b"\n\n");
    input
}

#[test]
fn twenty_mib_line_exceeds_the_default_limit() {
    let input = big_line(20 * 1024 * 1024);
    let too_large = Err(Error::EventTooLarge {
        limit: DEFAULT_MAX_EVENT_SIZE,
    });

    // Whole.
    let mut decoder = Decoder::new();
    assert_eq!(decoder.feed(&input), too_large);
    assert_eq!(decoder.feed(b"data: next\n\n").unwrap(), vec![msg("next")]);

    // In 64 KiB chunks: the error comes as soon as the buffered line passes the limit, once.
    let mut decoder = Decoder::new();
    let mut errors = 0;
    let mut fed = 0;
    for chunk in input.chunks(64 * 1024) {
        match decoder.feed(chunk) {
            Ok(events) => assert!(events.is_empty()),
            Err(err) => {
                assert_eq!(
                    err,
                    Error::EventTooLarge {
                        limit: DEFAULT_MAX_EVENT_SIZE
                    }
                );
                errors += 1;
                // The chunk that takes the buffered line past the limit reports it.
                assert!(fed <= DEFAULT_MAX_EVENT_SIZE);
                assert!(fed + chunk.len() > DEFAULT_MAX_EVENT_SIZE);
            }
        }
        fed += chunk.len();
    }
    assert_eq!(errors, 1);
    assert_eq!(decoder.feed(b"data: next\n\n").unwrap(), vec![msg("next")]);
}

#[test]
fn twenty_mib_line_with_a_raised_limit() {
    let len = 20 * 1024 * 1024;
    let input = big_line(len);
    for chunk_size in [input.len(), 64 * 1024, 16 * 1024 + 7] {
        let mut decoder = Decoder::with_max_event_size(32 * 1024 * 1024);
        assert_eq!(decoder.max_event_size(), 32 * 1024 * 1024);
        let mut events = Vec::new();
        for chunk in input.chunks(chunk_size) {
            decoder.feed_into(chunk, &mut events).unwrap();
        }
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].data.len(), len);
        assert!(events[0].data.bytes().all(|b| b == b'x'));
    }
}

#[test]
fn accumulated_data_is_limited() {
    let mut decoder = Decoder::with_max_event_size(100);
    let line = format!("data: {}\n", "y".repeat(40));
    let mut input = line.repeat(3).into_bytes();
    input.extend_from_slice(b"data: still the same event\n\ndata: ok\n\n");
    let mut out = Vec::new();
    assert_eq!(
        decoder.feed_into(&input, &mut out),
        Err(Error::EventTooLarge { limit: 100 })
    );
    // The oversized event is dropped up to its empty line; the next one is decoded.
    assert_eq!(out, vec![msg("ok")]);
}

#[test]
fn feed_into_keeps_the_other_events_of_the_chunk() {
    let mut decoder = Decoder::with_max_event_size(16);
    let mut out = Vec::new();
    let result = decoder.feed_into(
        b"data: a\n\nid: 1\ndata: this line is far too long\nid: 2\n\ndata: b\n\n",
        &mut out,
    );
    assert_eq!(result, Err(Error::EventTooLarge { limit: 16 }));
    assert_eq!(out, vec![ev("message", "a", ""), ev("message", "b", "1")]);
    assert_eq!(decoder.last_event_id(), "1");
}

#[test]
fn oversized_partial_line_is_not_buffered() {
    let mut decoder = Decoder::with_max_event_size(1024);
    assert_eq!(decoder.feed(b"data: start\n").unwrap(), vec![]);
    assert_eq!(
        decoder.feed(&[b'z'; 2000]),
        Err(Error::EventTooLarge { limit: 1024 })
    );
    // More of the same line is skipped without another error.
    assert_eq!(decoder.feed(&[b'z'; 5000]).unwrap(), vec![]);
    assert_eq!(
        decoder.feed(b"\ndata: lost\n\ndata: kept\n\n").unwrap(),
        vec![msg("kept")]
    );
}

#[test]
fn error_message_names_the_limit() {
    let err = Error::EventTooLarge { limit: 42 };
    assert!(err.to_string().contains("42"), "{err}");
}

// ---- linear time ----

#[test]
fn one_mib_line_fed_byte_by_byte() {
    let len = 1024 * 1024;
    let input = big_line(len);
    let mut decoder = Decoder::new();
    let mut events = Vec::new();
    for byte in input.chunks(1) {
        decoder.feed_into(byte, &mut events).unwrap();
    }
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].data.len(), len);
}

#[test]
fn many_data_lines_in_one_event_fed_byte_by_byte() {
    // 64k data lines of one event: joining must not copy the accumulated data each time.
    let input = "data: ab\n".repeat(64 * 1024) + "\n";
    let mut decoder = Decoder::new();
    let mut events = Vec::new();
    for byte in input.as_bytes().chunks(1) {
        decoder.feed_into(byte, &mut events).unwrap();
    }
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].data.len(), 64 * 1024 * 3 - 1);
}
