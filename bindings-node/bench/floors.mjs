// What V8 itself costs for the protocol a `for await` over a stream goes through (a script,
// not a test): no SDK and no network, so the figures are the floor any binding pays here.
//
//   node bench/floors.mjs [N]      (default 100,000 items per round, as one benchmark stream)
//
// Each round iterates N items with `for await` over an iterator whose `next()` answers a
// resolved promise (how the SDK's token stream hands out a batch it already holds), then over
// an async generator. The first round of a fresh process is printed apart: it is what the
// benchmark's single stream per process pays (JIT tiers, young-generation growth); later
// rounds are the steady state. Run it pinned as the benchmarks are (`taskset -c 1`).
//
// Last, the floor of one awaited native call: a promise-returning native function that does
// nothing (`debugNoop`), awaited N times in sequence, so what a call costs apart from its
// request shows: on the JavaScript thread's own runtime (the default on Linux), and with
// `CJHIRASHI_NODE_RUNTIME=worker` on a worker runtime (every call crosses threads twice).

import { createRequire } from 'node:module';

const n = Number(process.argv[2] ?? 100_000);
const native = createRequire(import.meta.url)('../native/index.js');

function promiseIterable(count) {
  let i = 0;
  const end = { done: true, value: undefined };
  return {
    [Symbol.asyncIterator]() {
      return { next: () => (i < count ? Promise.resolve({ done: false, value: `t${i++ % 100}` }) : Promise.resolve(end)) };
    },
  };
}

async function* generator(count) {
  for (let i = 0; i < count; i++) yield `t${i % 100}`;
}

async function perItem(iterable) {
  const t0 = performance.now();
  let count = 0;
  for await (const _ of iterable) count++;
  if (count !== n) throw new Error(`${count} items`);
  return ((performance.now() - t0) * 1e6) / n;
}

const rows = { promise: [], generator: [] };
for (let round = 0; round < 6; round++) {
  rows.promise.push(await perItem(promiseIterable(n)));
  rows.generator.push(await perItem(generator(n)));
}
console.log(`Node ${process.version}, ${n} items per round`);
console.log('| protocol | first round | best later round |\n|---|---:|---:|');
for (const [name, label] of [['promise', 'next() answering a resolved promise'], ['generator', 'async generator']]) {
  const [first, ...later] = rows[name];
  console.log(`| for await, ${label} | ${first.toFixed(0)} ns/item | ${Math.min(...later).toFixed(0)} ns/item |`);
}

const calls = [];
for (let round = 0; round < 6; round++) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await native.debugNoop();
  calls.push(((performance.now() - t0) * 1e6) / n);
}
const [first, ...later] = calls;
console.log(`| awaited native call that does nothing (${native.debugRuntime()} runtime) | ${first.toFixed(0)} ns/call | ${Math.min(...later).toFixed(0)} ns/call |`);
