//! The ops realtime channel's frames: what `RealtimeSession` parses from every server text
//! frame (`serde_json::from_str::<ChatEvent>`), then classifies with the chat decoder, and the
//! client frames the sandbox's `/ws` handler reads.
//!
//! Properties: decoding never panics; a decoded event's wire form (`to_value`) decodes back to
//! the same event; its JSON text decodes again; the SSE path (`ChatDecoder` on a `data:` line)
//! agrees with the WebSocket path on which frames are events.
#![no_main]

use agents_sdk::ResponseMeta;
use agents_sdk::ops::{ChatDecoder, ChatEvent, ClientFrame};
use agents_sdk::sse::Event;
use agents_sdk::stream::EventDecoder;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let meta = ResponseMeta::default();
    let parsed = serde_json::from_slice::<ChatEvent>(data);
    if let Ok(event) = &parsed {
        let wire = event.to_value();
        let back = ChatEvent::from_value(wire.clone()).expect("an event's wire form decodes");
        assert_eq!(&back, event, "wire form {wire}");
        assert_eq!(back.event_type(), event.event_type());
        let text = serde_json::to_string(event).expect("an event serializes");
        serde_json::from_str::<ChatEvent>(&text).expect("an event's JSON text decodes");
        let _ = event.is_terminal();
    }
    if let Ok(text) = std::str::from_utf8(data) {
        // The same text as the `data` of an SSE event of `POST /api/chat`.
        let mut decoder = ChatDecoder::default();
        let decoded = decoder.decode(
            Event {
                event: "message".to_owned(),
                data: text.to_owned(),
                id: String::new(),
            },
            &meta,
        );
        if parsed.is_err() && !text.is_empty() {
            assert!(
                decoded.is_err(),
                "SSE accepted what the WebSocket refuses: {text:?}"
            );
        }
    }
    if let Ok(frame) = serde_json::from_slice::<ClientFrame>(data) {
        let value = serde_json::to_value(&frame).expect("a frame serializes");
        let back: ClientFrame = serde_json::from_value(value).expect("a frame's JSON decodes");
        assert_eq!(back, frame);
        let _ = format!("{frame:?}");
    }
});
