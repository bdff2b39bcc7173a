//! `agents_sdk::sse::Decoder` on arbitrary bytes cut at arbitrary places.
//!
//! Properties: decoding never panics; the events, the last event id and the reconnection time
//! do not depend on how the input is cut into chunks, nor on `feed_into` versus `feed_each`;
//! with a small size limit, whether an oversized event is reported does not depend on the cuts
//! either; `finish` returns nothing. Each decoded event also goes through both services' typed
//! decoders, and the platform's fast path for `{"token": "..."}` must agree with serde_json
//! whenever serde_json accepts the data.
#![no_main]

use agents_fuzz::{Rng, random_chunks};
use agents_sdk::ResponseMeta;
use agents_sdk::ops::ChatDecoder;
use agents_sdk::platform::{ConversationEvent, TokenDecoder, TokenEvent};
use agents_sdk::sse::{Decoder, Event};
use agents_sdk::stream::{Decoded, EventDecoder};
use libfuzzer_sys::fuzz_target;

/// Limit for the second pass: small enough that fuzzed inputs exceed it.
const SMALL_LIMIT: usize = 24;

#[derive(Debug, PartialEq)]
struct Outcome {
    events: Vec<Event>,
    failed: bool,
    retry: Option<u64>,
    last_event_id: String,
}

fn run_into(max: usize, chunks: &[&[u8]]) -> Outcome {
    let mut decoder = Decoder::with_max_event_size(max);
    let mut events = Vec::new();
    let mut failed = false;
    for chunk in chunks {
        failed |= decoder.feed_into(chunk, &mut events).is_err();
    }
    let rest = decoder.finish().expect("finish never fails");
    assert!(rest.is_empty(), "finish returned events: {rest:?}");
    Outcome {
        events,
        failed,
        retry: decoder.retry(),
        last_event_id: decoder.last_event_id().to_owned(),
    }
}

fn run_each(max: usize, chunks: &[&[u8]]) -> Outcome {
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
    assert!(decoder.finish().expect("finish never fails").is_empty());
    Outcome {
        events,
        failed,
        retry: decoder.retry(),
        last_event_id: decoder.last_event_id().to_owned(),
    }
}

fn typed(events: &[Event]) {
    let meta = ResponseMeta::default();
    let mut tokens = TokenDecoder::default();
    let mut chat = ChatDecoder::default();
    for event in events {
        let decoded = tokens.decode(event.clone(), &meta);
        if event.event == "token"
            && let Ok(reference) = serde_json::from_str::<TokenEvent>(&event.data)
        {
            match decoded {
                Ok(Decoded::Item(ConversationEvent::Token(token))) => {
                    assert_eq!(
                        token.token, reference.token,
                        "fast path disagrees: {event:?}"
                    )
                }
                other => panic!("valid token event {event:?} decoded as {other:?}"),
            }
        }
        let _ = chat.decode(event.clone(), &meta);
    }
}

fuzz_target!(|data: &[u8]| {
    let mut rng = Rng::from_input(data);
    let chunks = random_chunks(data, &mut rng);

    let whole = run_into(agents_sdk::sse::DEFAULT_MAX_EVENT_SIZE, &[data]);
    assert!(!whole.failed);
    assert_eq!(
        run_into(agents_sdk::sse::DEFAULT_MAX_EVENT_SIZE, &chunks),
        whole,
        "split {chunks:?}"
    );
    assert_eq!(
        run_each(agents_sdk::sse::DEFAULT_MAX_EVENT_SIZE, &chunks),
        whole,
        "feed_each split {chunks:?}"
    );
    if data.len() <= 512 {
        let bytes: Vec<&[u8]> = data.chunks(1).collect();
        assert_eq!(
            run_into(agents_sdk::sse::DEFAULT_MAX_EVENT_SIZE, &bytes),
            whole,
            "byte by byte"
        );
    }

    let small = run_into(SMALL_LIMIT, &[data]);
    assert_eq!(
        run_into(SMALL_LIMIT, &chunks),
        small,
        "small limit, split {chunks:?}"
    );
    assert_eq!(
        run_each(SMALL_LIMIT, &chunks),
        small,
        "small limit, feed_each split"
    );

    typed(&whole.events);
});
