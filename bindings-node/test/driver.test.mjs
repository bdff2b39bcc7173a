// Where calls run: on Linux, on the calling JavaScript thread's own runtime, turned by Node's
// event loop (src/driver.rs); elsewhere, or with CJHIRASHI_NODE_RUNTIME=worker, on napi's worker
// runtime. What only the loop's timer can drive (a timeout with a silent server), worker
// threads with runtimes of their own, and a worker ended with a call in flight.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import { APITimeoutError, CJHirashiAgents } from '@cjhirashi/agents-sdk';
import { _runtime } from '@cjhirashi/agents-sdk/testing';

import { useSandbox } from './helpers.mjs';

const ctx = useSandbox();
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const expected = process.platform === 'linux' ? 'thread' : 'workers';

/** A TCP server that accepts connections and never answers; `close()` ends it. */
async function silentServer() {
  const sockets = new Set();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/api`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

test(`calls run on ${expected === 'thread' ? 'the JavaScript thread' : 'the worker runtime'} here`, async () => {
  const agents = await ctx.platform.agents.list();
  assert.ok(agents.length > 0);
  assert.equal(_runtime(), expected);
});

test('CJHIRASHI_NODE_RUNTIME=worker puts the calls on the worker runtime', () => {
  const script = `
    import { CJHirashiAgents } from '@cjhirashi/agents-sdk';
    import { Sandbox, _runtime } from '@cjhirashi/agents-sdk/testing';
    const sb = await Sandbox.start();
    const c = new CJHirashiAgents({ apiKey: sb.apiKey, baseURL: sb.platformUrl });
    const agents = await c.agents.list();
    console.log(_runtime(), agents.length);
    await sb.close();
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: packageDir,
    env: { ...process.env, CJHIRASHI_NODE_RUNTIME: 'worker' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^workers [1-9]\d*$/m);
});

test('a timeout against a silent server fires with nothing else to wake the loop', { timeout: 20_000 }, async () => {
  const server = await silentServer();
  try {
    const c = new CJHirashiAgents({ apiKey: 'k', baseURL: server.url, maxRetries: 0 });
    const started = Date.now();
    await assert.rejects(c.agents.list(undefined, { timeout: 300 }), APITimeoutError);
    // a loose bound: the timer must have fired by itself, not after some unrelated event
    assert.ok(Date.now() - started < 15_000);
  } finally {
    await server.close();
  }
});

/** Runs `code` (CommonJS) in a worker thread with `data`; resolves with its first message. */
function inWorker(code, data) {
  const worker = new Worker(code, { eval: true, workerData: data });
  const message = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before answering`)));
  });
  return { worker, message };
}

test('a worker thread has a runtime of its own; the main thread goes on after it ends', { timeout: 30_000 }, async () => {
  const { worker, message } = inWorker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const { CJHirashiAgents } = require('@cjhirashi/agents-sdk');
    const { _runtime } = require('@cjhirashi/agents-sdk/testing');
    const c = new CJHirashiAgents({ apiKey: workerData.key, baseURL: workerData.url });
    c.agents.list().then(
      (agents) => parentPort.postMessage({ count: agents.length, runtime: _runtime() }),
      (e) => parentPort.postMessage({ error: String(e) }),
    );
    `,
    { key: ctx.sandbox.apiKey, url: ctx.sandbox.platformUrl },
  );
  const answer = await message;
  await worker.terminate();
  assert.equal(answer.error, undefined);
  assert.ok(answer.count > 0);
  assert.equal(answer.runtime, expected);
  assert.ok((await ctx.platform.agents.list()).length > 0);
});

test('a worker thread ended with a call in flight takes nothing down', { timeout: 30_000 }, async () => {
  const server = await silentServer();
  try {
    const { worker, message } = inWorker(
      `
      const { parentPort, workerData } = require('node:worker_threads');
      const { CJHirashiAgents } = require('@cjhirashi/agents-sdk');
      const c = new CJHirashiAgents({ apiKey: 'k', baseURL: workerData.url });
      c.agents.list().catch(() => {});
      setTimeout(() => parentPort.postMessage('sent'), 100);
      `,
      { url: server.url },
    );
    assert.equal(await message, 'sent');
    await worker.terminate();
    assert.ok((await ctx.platform.agents.list()).length > 0);
  } finally {
    await server.close();
  }
});

test('a stream whose batches are always ready does not starve the event loop', async () => {
  // the whole answer is read ahead faster than JavaScript takes it: without a hand-back to the
  // loop, no timer, setImmediate (where Node runs Node-API finalizers) or I/O ran until the end
  const s = ctx.platform.conversations.sendMessage('conv_abc123', 'bench', { query: { tokens: 400000 } });
  let ticks = 0;
  let immediates = 0;
  let last = performance.now();
  let worst = 0;
  const interval = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    ticks += 1;
  }, 1);
  let spin = true;
  const again = () => {
    immediates += 1;
    if (spin) setImmediate(again);
  };
  setImmediate(again);
  const started = performance.now();
  let n = 0;
  try {
    for await (const _ of s) n += 1;
  } finally {
    clearInterval(interval);
    spin = false;
  }
  const took = performance.now() - started;
  assert.equal(n, 400000);
  // loose bounds (a slow machine stretches every phase); the starved loop ran none of them
  assert.ok(ticks >= 3, `${ticks} timer ticks in ${took.toFixed(0)} ms`);
  assert.ok(immediates >= 3, `${immediates} immediates in ${took.toFixed(0)} ms`);
  if (took > 200) assert.ok(worst < took / 2, `longest gap between ticks ${worst.toFixed(0)} of ${took.toFixed(0)} ms`);
});
