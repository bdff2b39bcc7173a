//! Decoding a platform token stream: `agents_sdk::sse::Decoder` against `eventsource-stream`.
//!
//! The body is 100,000 `token` events plus the final `done` event, fed in 16 KiB chunks.

use std::convert::Infallible;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eventsource_stream::Eventsource;
use futures::StreamExt;

const TOKENS: usize = 100_000;
const CHUNK: usize = 16 * 1024;

fn body() -> Vec<u8> {
    let mut body = Vec::with_capacity(TOKENS * 40);
    for i in 0..TOKENS {
        body.extend_from_slice(b"event: token\ndata: {\"token\": \" w");
        body.extend_from_slice(i.to_string().as_bytes());
        body.extend_from_slice(b"\"}\n\n");
    }
    body.extend_from_slice(
        b"event: done\ndata: {\"messageId\": \"msg_003\", \"tokensUsed\": 100000, \
          \"timestamp\": \"2025-10-15T10:36:00Z\"}\n\n",
    );
    body
}

fn ours(chunks: &[&[u8]]) -> usize {
    let mut decoder = agents_sdk::sse::Decoder::new();
    let mut events = Vec::with_capacity(1024);
    let mut count = 0;
    for chunk in chunks {
        decoder
            .feed_into(chunk, &mut events)
            .expect("no oversized event");
        count += events.len();
        for event in events.drain(..) {
            black_box(event);
        }
    }
    count + decoder.finish().expect("finish").len()
}

fn theirs(runtime: &tokio::runtime::Runtime, chunks: &[&[u8]]) -> usize {
    runtime.block_on(async {
        let source = futures::stream::iter(chunks.iter().map(|c| Ok::<_, Infallible>(*c)));
        let mut events = source.eventsource();
        let mut count = 0;
        while let Some(event) = events.next().await {
            black_box(event.expect("valid stream"));
            count += 1;
        }
        count
    })
}

fn bench(c: &mut Criterion) {
    let body = body();
    let chunks: Vec<&[u8]> = body.chunks(CHUNK).collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let expected = TOKENS + 1;
    assert_eq!(ours(&chunks), expected);
    assert_eq!(theirs(&runtime, &chunks), expected);

    let mut events = c.benchmark_group("sse_events");
    events.throughput(Throughput::Elements(expected as u64));
    events.sample_size(10);
    events.bench_function("agents_sdk", |b| b.iter(|| ours(black_box(&chunks))));
    events.bench_function("eventsource_stream", |b| {
        b.iter(|| theirs(&runtime, black_box(&chunks)))
    });
    events.finish();

    let mut bytes = c.benchmark_group("sse_bytes");
    bytes.throughput(Throughput::Bytes(body.len() as u64));
    bytes.sample_size(10);
    bytes.bench_function("agents_sdk", |b| b.iter(|| ours(black_box(&chunks))));
    bytes.bench_function("eventsource_stream", |b| {
        b.iter(|| theirs(&runtime, black_box(&chunks)))
    });
    bytes.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
