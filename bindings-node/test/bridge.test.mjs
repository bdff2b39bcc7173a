// The native completion queue (src/bridge.rs): one threadsafe function per JavaScript
// environment settles every call's promise. These tests pin what it must keep from napi's
// per-promise default: a pending call keeps Node running and nothing else does; each worker
// thread (its own environment) gets its answers; an environment torn down while calls are in
// flight neither crashes the process nor settles into the dead environment.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';

import { useSandbox } from './helpers.mjs';

const ctx = useSandbox();
const cwd = new URL('..', import.meta.url);

function node(script, env = {}) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
}

test('workers that load the package one after another, never the main thread, run and exit cleanly', () => {
  // each worker loads the package, makes a call and exits before the next one starts: the
  // native module's allocator once crashed the process (SIGSEGV) in the second worker's load
  const script = `
    import { Worker } from 'node:worker_threads';
    const code = \`
      const { CJHirashiAgents } = require('@cjhirashi/agents-sdk');
      const { parentPort, workerData } = require('node:worker_threads');
      new CJHirashiAgents({ apiKey: workerData.key, baseURL: workerData.url })
        .agents.list().then((a) => parentPort.postMessage(a.length > 0));\`;
    for (let round = 0; round < 3; round += 1) {
      const w = new Worker(code, { eval: true, execArgv: [], workerData: { key: process.env.KEY, url: process.env.URL } });
      const [ok] = await Promise.all([
        new Promise((res) => w.once('message', res)),
        new Promise((res) => w.once('exit', res)),
      ]);
      console.log('round', round, ok);
    }`;
  const r = node(script, { KEY: ctx.sandbox.apiKey, URL: ctx.sandbox.platformUrl });
  assert.equal(r.status, 0, `${r.signal ?? ''} ${r.stderr}`);
  assert.equal(r.stdout, 'round 0 true\nround 1 true\nround 2 true\n');
});

test('a call in flight keeps the process alive until it settles, and nothing keeps it after', () => {
  // no top-level await: only the native call's pending promise keeps the event loop going
  const script = `
    import { CJHirashiAgents } from '@cjhirashi/agents-sdk';
    const c = new CJHirashiAgents({ apiKey: process.env.KEY, baseURL: process.env.URL });
    c.agents.list({}, { headers: { 'X-Sandbox-Fault': 'latency=300' } }).then((a) => {
      console.log('settled', a.length > 0);
    });
    process.on('exit', () => console.log('exit'));`;
  // a queue that stayed referenced after the answer would keep the child running until
  // spawnSync's timeout kills it (status null); one unreferenced too early would let it exit
  // before the answer (no "settled" line)
  const r = node(script, { KEY: ctx.sandbox.apiKey, URL: ctx.sandbox.platformUrl });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'settled true\nexit\n');
});

test('calls from worker threads settle in their own environment', async () => {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import('@cjhirashi/agents-sdk').then(async ({ CJHirashiAgents }) => {
      const c = new CJHirashiAgents({ apiKey: workerData.key, baseURL: workerData.url });
      const lists = await Promise.all(Array.from({ length: 20 }, () => c.agents.list()));
      let error;
      try { await c.agents.get('agt_missing_in_worker'); } catch (e) { error = e.constructor.name; }
      parentPort.postMessage({ lengths: lists.map((l) => l.length), error });
    });`;
  const data = { key: ctx.sandbox.apiKey, url: ctx.sandbox.platformUrl };
  const run = () =>
    new Promise((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData: data });
      w.once('message', resolve);
      w.once('error', reject);
    });
  // two workers and the main thread at the same time
  const [a, b, main] = await Promise.all([run(), run(), ctx.platform.agents.list()]);
  for (const r of [a, b]) {
    assert.equal(r.lengths.length, 20);
    assert.ok(r.lengths.every((n) => n === main.length && n > 0));
    assert.equal(r.error, 'NotFoundError');
  }
});

test('a worker terminated with calls in flight does not take the process down', async () => {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import('@cjhirashi/agents-sdk').then(({ CJHirashiAgents }) => {
      const c = new CJHirashiAgents({ apiKey: workerData.key, baseURL: workerData.url });
      const slow = { headers: { 'X-Sandbox-Fault': 'latency=200' } };
      for (let i = 0; i < 10; i++) c.agents.list(slow).catch(() => {});
      parentPort.postMessage('sent');
    });`;
  const data = { key: ctx.sandbox.apiKey, url: ctx.sandbox.platformUrl };
  for (let round = 0; round < 3; round++) {
    const w = new Worker(code, { eval: true, workerData: data });
    await new Promise((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
    // the environment goes away while its ten answers are still on their way
    await w.terminate();
  }
  // the answers arrive after the teardown; the process (and the main thread's calls) carry on
  await new Promise((r) => setTimeout(r, 400));
  const agents = await ctx.platform.agents.list();
  assert.ok(agents.length > 0);
});
