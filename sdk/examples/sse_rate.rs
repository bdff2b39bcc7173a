//! Decoding rate of the SSE decoder alone (no network): N platform token events, fed in
//! 16 KiB chunks as a socket would hand them over, through `Decoder::feed_each`.
//!
//! ```sh
//! cargo run --release -p agents-sdk --example sse_rate -- 100000
//! ```
//!
//! Prints the best of 5 rounds in nanoseconds per event, beside a bare scan that only finds
//! each event's end (the floor a decoder can approach), so a change to the decoder shows as a
//! ratio that does not depend on how busy the machine is.

use std::time::Instant;

use agents_sdk::sse::Decoder;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let mut body = Vec::new();
    for i in 0..n {
        body.extend_from_slice(
            format!("event: token\ndata: {{\"token\":\" word{}\"}}\n\n", i % 100).as_bytes(),
        );
    }
    let (mut decoder_best, mut scan_best) = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        let started = Instant::now();
        let mut decoder = Decoder::new();
        let mut events = 0usize;
        for chunk in body.chunks(16 * 1024) {
            if decoder
                .feed_each(chunk, |ev| events += usize::from(ev.event == "token"))
                .is_err()
            {
                eprintln!("the decoder refused the input");
                std::process::exit(1);
            }
        }
        decoder_best = decoder_best.min(started.elapsed().as_secs_f64());
        assert_eq!(events, n, "decoded events");

        let started = Instant::now();
        let mut found = 0usize;
        for event in body.split(|&b| b == b'\n').filter(|line| line.is_empty()) {
            found += usize::from(event.is_empty());
        }
        scan_best = scan_best.min(started.elapsed().as_secs_f64());
        assert!(found >= n, "scanned events");
    }
    let per = |secs: f64| secs * 1e9 / n as f64;
    println!(
        "RESULT {{\"events\":{n},\"decoder_ns_per_event\":{:.1},\"scan_ns_per_event\":{:.1},\"ratio\":{:.2}}}",
        per(decoder_best),
        per(scan_best),
        decoder_best / scan_best
    );
}
