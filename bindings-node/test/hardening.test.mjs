// Hardening: a native extension inside someone's Node process must never take it down; bad
// arguments raise JavaScript's own errors; cancellation works. Each test fails without the
// behaviour it names.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import * as esm from '@cjhirashi/agents-sdk';
import * as testing from '@cjhirashi/agents-sdk/testing';

import { fault, useSandbox } from './helpers.mjs';

const {
  AgentClient,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  CJHirashiAgents,
  CJHirashiError,
  DecodeError,
  ResponseTooLargeError,
} = esm;

// hidden testing helpers (not in the .d.ts)
const { _debugPanic, _realtimeQueueStats } = testing;

const ctx = useSandbox();
const require = createRequire(import.meta.url);

/** Expects `p` (a promise or a function) to fail with exactly `Class` (not a subclass). */
async function rejectsExactly(p, Class, pattern) {
  let err;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  assert.ok(err, `expected ${Class.name}, nothing was thrown`);
  assert.equal(err.constructor, Class, `expected ${Class.name}, got ${err?.constructor?.name}: ${err?.message}`);
  if (pattern) assert.match(err.message, pattern);
  return err;
}

function throwsExactly(fn, Class, pattern) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err, `expected ${Class.name}, nothing was thrown`);
  assert.equal(err.constructor, Class, `expected ${Class.name}, got ${err?.constructor?.name}: ${err?.message}`);
  if (pattern) assert.match(err.message, pattern);
  return err;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until `cond()` holds (polling), or fails after `ms`. */
async function eventually(cond, ms, what) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) assert.fail(`${what} did not happen within ${ms} ms`);
    await sleep(20);
  }
}

/**
 * A raw HTTP server on 127.0.0.1 that counts requests (and WebSocket upgrades) and answers by
 * `handler(req, res)`; it records when a response's connection closes.
 */
async function rawServer(handler = (req, res) => res.writeHead(500).end('{}')) {
  const state = { requests: 0, upgrades: 0, closed: 0, paths: [] };
  const server = createServer((req, res) => {
    state.requests += 1;
    state.paths.push(`${req.method} ${req.url}`);
    res.on('close', () => {
      state.closed += 1;
    });
    handler(req, res);
  });
  server.on('upgrade', (req, socket) => {
    state.upgrades += 1;
    socket.destroy();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    state,
    origin: `http://127.0.0.1:${port}`,
    platformUrl: `http://127.0.0.1:${port}/api`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** A handler streaming `n` SSE events of `line` at once, then staying silent with the connection open. */
function floodThenStall(n, event) {
  return (req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(event.repeat(n));
  };
}

const TOKEN_EVENT = 'event: token\ndata: {"token": "x"}\n\n';
const CHAT_EVENT = 'data: {"type": "message", "content": "x"}\n\n';

describe('AbortSignal', () => {
  test('platform stream: tokens read ahead are not handed out after an abort', async () => {
    const ac = new AbortController();
    const s = ctx.platform.conversations.sendMessage('conv_abc123', 'bench', {
      query: { tokens: 20000 },
      signal: ac.signal,
    });
    const it = s[Symbol.asyncIterator]();
    const first = await it.next();
    assert.equal(first.done, false);
    // the rest of the batch (thousands of tokens) is already in JavaScript
    ac.abort();
    await rejectsExactly(it.next(), APIUserAbortError);
    const after = await it.next();
    assert.equal(after.done, true, 'nothing more after the abort');
    assert.equal(s.completed, false);
  });

  test('ops chat stream: events already read are not handed out after an abort', async () => {
    const ac = new AbortController();
    const s = ctx.ops.chat.stream({ message: 'Lista las instancias EC2' }, { signal: ac.signal });
    const it = s[Symbol.asyncIterator]();
    const first = await it.next();
    assert.equal(first.done, false);
    ac.abort();
    await rejectsExactly(it.next(), APIUserAbortError);
    assert.equal((await it.next()).done, true);
    assert.equal(s.completed, false);
  });

  test('realtime: the connect signal ends the session, even with events already received', async () => {
    const ac = new AbortController();
    const session = await ctx.ops.realtime.connect({ signal: ac.signal });
    await session.sendChat(null, 'Lista las instancias EC2');
    const first = await session.next();
    assert.ok(first);
    await sleep(100); // the rest of the answer arrives
    ac.abort();
    await rejectsExactly(session.next(), APIUserAbortError);
    await rejectsExactly(session.sendChat(null, 'otra vez'), APIUserAbortError);
    await session.close();
  });

  test('platform stream: an abort closes the connection without waiting for the next read', async () => {
    const raw = await rawServer(floodThenStall(100_000, TOKEN_EVENT));
    try {
      const c = new CJHirashiAgents({ apiKey: 'k', baseURL: raw.platformUrl, maxRetries: 0 });
      const ac = new AbortController();
      const it = c.conversations.sendMessage('c1', 'hi', { signal: ac.signal })[Symbol.asyncIterator]();
      assert.equal((await it.next()).value, 'x');
      await sleep(100); // the read-ahead queue fills up and its task waits
      assert.equal(raw.state.closed, 0);
      ac.abort();
      await eventually(() => raw.state.closed === 1, 3000, 'closing the connection');
      await rejectsExactly(it.next(), APIUserAbortError);
    } finally {
      await raw.close();
    }
  });

  test('ops chat stream: an abort closes the connection without waiting for the next read', async () => {
    const raw = await rawServer(floodThenStall(100_000, CHAT_EVENT));
    try {
      const c = new AgentClient({ apiKey: 'k', baseURL: raw.origin, maxRetries: 0 });
      const ac = new AbortController();
      const it = c.chat.stream({ message: 'hi' }, { signal: ac.signal })[Symbol.asyncIterator]();
      assert.equal((await it.next()).value.type, 'message');
      await sleep(100);
      assert.equal(raw.state.closed, 0);
      ac.abort();
      await eventually(() => raw.state.closed === 1, 3000, 'closing the connection');
      await rejectsExactly(it.next(), APIUserAbortError);
    } finally {
      await raw.close();
    }
  });

  test('an already aborted signal sends no request at all, for every kind of call', async () => {
    const raw = await rawServer();
    try {
      const signal = AbortSignal.abort();
      const p = new CJHirashiAgents({ apiKey: 'k', baseURL: raw.platformUrl, maxRetries: 0 });
      const o = new AgentClient({ apiKey: 'k', baseURL: raw.origin, maxRetries: 0 });
      await rejectsExactly(p.agents.list({}, { signal }), APIUserAbortError);
      await rejectsExactly(p.users.me({ signal }), APIUserAbortError);
      await rejectsExactly(p.conversations.create({ agentId: 'a' }, { signal }), APIUserAbortError);
      await rejectsExactly(p.conversations.sendMessage('c', 'hi', { signal }).finalText(), APIUserAbortError);
      await rejectsExactly(p.conversations.stream('c', { signal }).finalText(), APIUserAbortError);
      await rejectsExactly(async () => await p.users.list({}, { signal }), APIUserAbortError);
      await rejectsExactly(async () => {
        for await (const _ of p.finance.transactions.list({}, { signal })) {
          // nothing
        }
      }, APIUserAbortError);
      await rejectsExactly(o.chat.send({ message: 'hi' }, { signal }), APIUserAbortError);
      await rejectsExactly(o.chat.stream({ message: 'hi' }, { signal }).finalText(), APIUserAbortError);
      await rejectsExactly(o.tools.execute('t', {}, { signal }), APIUserAbortError);
      await rejectsExactly(o.realtime.connect({ signal }), APIUserAbortError);
      await sleep(50);
      assert.equal(raw.state.requests, 0, `requests sent: ${raw.state.paths.join(', ')}`);
      assert.equal(raw.state.upgrades, 0);
    } finally {
      await raw.close();
    }
  });

  test('pagination: an abort stops the items of a page already fetched, and getNextPage', async () => {
    const ac = new AbortController();
    const seen = [];
    await rejectsExactly(async () => {
      for await (const u of ctx.admin.users.list({ limit: 20 }, { signal: ac.signal })) {
        seen.push(u.id);
        if (seen.length === 1) ac.abort();
      }
    }, APIUserAbortError);
    assert.equal(seen.length, 1, 'no item after the abort');

    const ac2 = new AbortController();
    const first = await ctx.admin.users.list({ limit: 5 }, { signal: ac2.signal });
    assert.equal(first.hasNextPage(), true);
    const second = await first.getNextPage();
    assert.equal(second.pagination.page, 2);
    assert.equal(await first.getNextPage(), second, 'a page remembers its successor');
    ac2.abort();
    await rejectsExactly(second.getNextPage(), APIUserAbortError);
  });

  test('getNextPage sends nothing once the signal fired', async () => {
    const page = (n) =>
      JSON.stringify({
        data: { users: [{ id: `usr_${n}`, email: 'a@b.c', name: 'A', role: 'USER', createdAt: '2025-01-01T00:00:00Z' }], pagination: { page: n, limit: 1, total: 3, pages: 3 } },
        meta: { requestId: 'req_1', timestamp: '2025-01-01T00:00:00Z' },
      });
    const raw = await rawServer((req, res) => {
      const n = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? '1');
      res.writeHead(200, { 'content-type': 'application/json' }).end(page(n));
    });
    try {
      const c = new CJHirashiAgents({ apiKey: 'k', baseURL: raw.platformUrl, maxRetries: 0 });
      const ac = new AbortController();
      const first = await c.users.list({ limit: 1 }, { signal: ac.signal });
      assert.equal(raw.state.requests, 1);
      assert.equal(first.hasNextPage(), true);
      ac.abort();
      await rejectsExactly(first.getNextPage(), APIUserAbortError);
      assert.equal(raw.state.requests, 1, 'no request after the abort');
    } finally {
      await raw.close();
    }
  });
});

describe('streamIdleTimeout', () => {
  test('client option: a stalled platform stream fails by itself', { timeout: 10_000 }, async () => {
    const c = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl, streamIdleTimeout: 300 });
    const s = c.conversations.sendMessage('conv_abc123', 'Hola', fault('stall_after=2'));
    const got = [];
    const t0 = Date.now();
    const e = await rejectsExactly(async () => {
      for await (const t of s) got.push(t);
    }, APITimeoutError);
    assert.equal(got.length, 2);
    assert.match(e.phase ?? e.message, /idle/);
    // the stream stalls for good: only the idle timeout can have ended it (a loose bound)
    assert.ok(Date.now() - t0 < 15_000);
  });

  test('per request: platform stream, ops chat stream and realtime', { timeout: 10_000 }, async () => {
    await rejectsExactly(
      ctx.platform.conversations.stream('conv_abc123', fault('stall_after=1', { streamIdleTimeout: 250 })).finalText(),
      APITimeoutError,
    );
    await rejectsExactly(
      ctx.ops.chat.stream({ message: 'Lista las instancias EC2' }, fault('stall_after=1', { streamIdleTimeout: 250 })).finalText(),
      APITimeoutError,
    );
    // the WebSocket upgrade is not authenticated by a header, so the stall is set sandbox-wide
    // for the next request of the ops service
    const set = await fetch(`${ctx.sandbox.opsUrl}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stall_after: 1, count: 1 }),
    });
    assert.equal(set.ok, true);
    const session = await ctx.ops.realtime.connect({ streamIdleTimeout: 250 });
    try {
      await session.sendChat(null, 'Lista las instancias EC2');
      await rejectsExactly(async () => {
        for await (const _ of session) {
          // the first event, then the stall
        }
      }, APITimeoutError);
    } finally {
      await session.close().catch(() => {});
    }
  });

  test('per request beats the client: Infinity on the client, a limit on the call', { timeout: 10_000 }, async () => {
    const c = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl, streamIdleTimeout: Infinity });
    await rejectsExactly(
      c.conversations.sendMessage('conv_abc123', 'Hola', fault('stall_after=1', { streamIdleTimeout: 200 })).finalText(),
      APITimeoutError,
    );
  });
});

describe('arguments', () => {
  const base = () => ({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl });

  test('client timeouts: NaN, negative, zero and over a year are RangeError; Infinity is no limit', () => {
    for (const Client of [CJHirashiAgents, AgentClient]) {
      for (const name of ['timeout', 'streamIdleTimeout']) {
        for (const bad of [NaN, -1, 0, -Infinity, 366 * 24 * 3600 * 1000]) {
          throwsExactly(() => new Client({ ...base(), [name]: bad }), RangeError, new RegExp(name));
        }
        throwsExactly(() => new Client({ ...base(), [name]: '5000' }), TypeError, new RegExp(name));
        new Client({ ...base(), [name]: Infinity });
        new Client({ ...base(), [name]: 1 });
      }
      // the messages speak milliseconds, as the options do
      throwsExactly(() => new Client({ ...base(), timeout: NaN }), RangeError, /number of milliseconds, got NaN/);
      throwsExactly(() => new Client({ ...base(), timeout: -1500 }), RangeError, /got -1500\b/);
      throwsExactly(
        () => new Client({ ...base(), timeout: 2 * 366 * 24 * 3600 * 1000 }),
        RangeError,
        /at most 31536000000 milliseconds \(one year\).*use Infinity for no limit/,
      );
    }
  });

  test('client counts: maxRetries 0..=100 and maxResponseBytes 1..=4 GiB, integers only', () => {
    for (const Client of [CJHirashiAgents, AgentClient]) {
      for (const bad of [-1, 101, 1.5, NaN, Infinity, 2 ** 40]) {
        throwsExactly(() => new Client({ ...base(), maxRetries: bad }), RangeError, /maxRetries/);
      }
      throwsExactly(() => new Client({ ...base(), maxRetries: '2' }), TypeError, /maxRetries/);
      new Client({ ...base(), maxRetries: 0 });
      new Client({ ...base(), maxRetries: 100 });
      for (const bad of [0, -5, 1.5, NaN, Infinity, 2 ** 32 + 1]) {
        throwsExactly(() => new Client({ ...base(), maxResponseBytes: bad }), RangeError, /maxResponseBytes/);
      }
      throwsExactly(() => new Client({ ...base(), maxResponseBytes: 10n }), TypeError, /maxResponseBytes/);
      new Client({ ...base(), maxResponseBytes: 2 ** 32 });
    }
  });

  test('default headers: invalid names or values are TypeError at construction', () => {
    for (const Client of [CJHirashiAgents, AgentClient]) {
      throwsExactly(() => new Client({ ...base(), defaultHeaders: { 'bad name': 'x' } }), TypeError);
      throwsExactly(() => new Client({ ...base(), defaultHeaders: { 'X-Ok': 'a\r\nInjected: 1' } }), TypeError);
      throwsExactly(() => new Client({ ...base(), defaultHeaders: { 'X-Ok': {} } }), TypeError);
      throwsExactly(() => new Client({ ...base(), defaultHeaders: 'X-Ok: 1' }), TypeError);
      throwsExactly(() => new Client({ ...base(), apiKey: 'k\nX-Injected: 1' }), TypeError, /apiKey/);
    }
  });

  test('per request: refused values reject with RangeError / TypeError and send nothing', async () => {
    const raw = await rawServer();
    try {
      const c = new CJHirashiAgents({ apiKey: 'k', baseURL: raw.platformUrl, maxRetries: 0 });
      const o = new AgentClient({ apiKey: 'k', baseURL: raw.origin, maxRetries: 0 });
      await rejectsExactly(c.users.me({ timeout: -1 }), RangeError, /timeout/);
      await rejectsExactly(c.users.me({ timeout: NaN }), RangeError);
      await rejectsExactly(c.users.me({ timeout: 0 }), RangeError);
      await rejectsExactly(c.users.me({ timeout: '100' }), TypeError);
      await rejectsExactly(c.users.me({ maxRetries: 2.5 }), RangeError, /maxRetries/);
      await rejectsExactly(c.users.me({ maxRetries: 1e300 }), RangeError);
      await rejectsExactly(c.users.me({ maxResponseBytes: 0 }), RangeError);
      await rejectsExactly(c.users.me({ streamIdleTimeout: -5 }), RangeError);
      await rejectsExactly(c.users.me({ headers: { 'bad header': 'x' } }), TypeError);
      await rejectsExactly(c.users.me({ headers: { 'X-A': 'line\nbreak' } }), TypeError);
      await rejectsExactly(c.users.me({ headers: { 'X-A': [1] } }), TypeError);
      await rejectsExactly(c.users.me({ idempotencyKey: 'a\r\nb' }), TypeError);
      await rejectsExactly(c.users.me({ idempotencyKey: 5 }), TypeError);
      await rejectsExactly(c.users.me({ signal: 'yes' }), TypeError);
      await rejectsExactly(c.users.me('fast'), TypeError);
      await rejectsExactly(o.metrics.get({ timeout: -1 }), RangeError);
      await rejectsExactly(o.realtime.connect({ timeout: 0 }), RangeError);
      await rejectsExactly(c.agents.get(42), TypeError);
      // calls that return a stream or a list throw at once
      throwsExactly(() => c.conversations.sendMessage('c', 'hi', { timeout: NaN }), RangeError);
      throwsExactly(() => c.conversations.sendMessage('c', 'hi', { headers: { 'a b': 'c' } }), TypeError);
      throwsExactly(() => c.conversations.sendMessage('c', 42), TypeError);
      throwsExactly(() => o.chat.stream({ message: 'hi' }, { streamIdleTimeout: 0 }), RangeError);
      throwsExactly(() => c.users.list({}, { maxPages: 0 }), RangeError, /maxPages/);
      throwsExactly(() => c.users.list({}, { maxPages: 1.5 }), RangeError, /maxPages/);
      throwsExactly(() => c.users.list({}, { maxPages: '3' }), TypeError, /maxPages/);
      throwsExactly(() => c.conversations.list({}, { timeout: -1 }), RangeError);
      await sleep(50);
      assert.equal(raw.state.requests, 0, `requests sent: ${raw.state.paths.join(', ')}`);
    } finally {
      await raw.close();
    }
  });

  test('Infinity as a per-request timeout means no limit; maxPages caps a list', async () => {
    const me = await ctx.platform.users.me({ timeout: Infinity, streamIdleTimeout: Infinity });
    assert.equal(me.id, 'usr_abc123');
    const ids = [];
    const e = await rejectsExactly(async () => {
      for await (const u of ctx.admin.users.list({ limit: 5 }, { maxPages: 2 })) ids.push(u.id);
    }, DecodeError, /2 pages/);
    assert.ok(e instanceof CJHirashiError);
    assert.equal(ids.length, 10);
  });

  test('webhook tolerance: RangeError unless positive (Infinity: no limit)', () => {
    const body = '{"event":"x","timestamp":"2020-01-01T00:00:00Z","data":{}}';
    const sig = esm.webhooks.sign(body, 's');
    for (const bad of [NaN, -1, 0]) {
      throwsExactly(() => esm.webhooks.unwrap(body, { 'x-webhook-signature': sig }, 's', { tolerance: bad }), RangeError);
    }
    throwsExactly(() => esm.webhooks.verify(body, sig, 's', { tolerance: '300' }), TypeError);
    assert.equal(esm.webhooks.unwrap(body, { 'x-webhook-signature': sig }, 's', { tolerance: Infinity }).event, 'x');
  });

  test('sandbox ports are checked, not wrapped', async () => {
    const { Sandbox } = await import('@cjhirashi/agents-sdk/testing');
    await rejectsExactly(Sandbox.start({ platformPort: 70000 }), RangeError);
    await rejectsExactly(Sandbox.start({ opsPort: -1 }), RangeError);
  });
});

describe('values sent as JSON', () => {
  test('a cycle is a TypeError, before anything is sent', async () => {
    const config = { a: {} };
    config.a.back = config;
    await rejectsExactly(ctx.platform.agents.create({ name: 'x', config }), TypeError, /cycle/);
    const params = [];
    params.push(params);
    await rejectsExactly(ctx.ops.tools.execute('list_ec2_instances', { params }), TypeError, /cycle/);
    throwsExactly(() => ctx.ops.chat.stream({ message: 'x', extra: config }), TypeError, /cycle/);
  });

  test('NaN and infinities are a RangeError, not a silent null', async () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      await rejectsExactly(ctx.platform.agents.create({ name: 'x', config: { temperature: bad } }), RangeError, /not JSON/);
      await rejectsExactly(ctx.ops.tools.execute('list_ec2_instances', { x: [1, bad] }), RangeError, /not JSON/);
    }
  });

  test('a 200,000-deep value is a TypeError, and the process lives on', async () => {
    let deep = [];
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    await rejectsExactly(ctx.ops.tools.execute('list_ec2_instances', { deep }), TypeError, /deeper than 128/);
    let obj = {};
    for (let i = 0; i < 200_000; i += 1) obj = { obj };
    await rejectsExactly(ctx.platform.users.updateMe({ name: 'x', preferences: obj }), TypeError, /deeper than 128/);
    throwsExactly(() => ctx.platform.users.list({ search: deep }), TypeError, /deeper than 128/);
    // still serving
    assert.equal((await ctx.platform.users.me()).id, 'usr_abc123');
  });

  test('128 levels are accepted, 129 refused; shared (non-cyclic) objects are fine', async () => {
    const nest = (levels) => {
      let v = {};
      for (let i = 1; i < levels; i += 1) v = { v };
      return v;
    };
    // the params object is level 1, `preferences` (a free-form object) level 2
    const bodies = [];
    const raw = await rawServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":"VALIDATION_ERROR","message":"no"}}');
      });
    });
    try {
      const c = new CJHirashiAgents({ apiKey: 'k', baseURL: raw.platformUrl, maxRetries: 0 });
      await rejectsExactly(c.users.updateMe({ preferences: nest(128) }), TypeError, /deeper than 128/);
      // 128 levels in all cross to the native layer and are sent
      await assert.rejects(c.users.updateMe({ preferences: nest(127) }), esm.BadRequestError);
      assert.equal(raw.state.requests, 1);
      // a value shared by two branches is no cycle: both are sent
      const shared = { k: 1 };
      await assert.rejects(c.users.updateMe({ preferences: { a: shared, b: shared } }), esm.BadRequestError);
      assert.deepEqual(JSON.parse(bodies.at(-1)).preferences, { a: shared, b: shared });
    } finally {
      await raw.close();
    }
    // keys an agent's settings do not have are refused, not dropped
    await rejectsExactly(ctx.platform.agents.create({ name: 'x', config: { a: 1, temperature: 0.5 } }), TypeError, /"config.a"/);
  });
});

describe('panics', () => {
  test('a panic in a promise-returning call, in its future and in a sync call is a CJHirashiError', async () => {
    for (const mode of ['sync', 'async', 'sync-call']) {
      const e = await rejectsExactly(_debugPanic(mode), CJHirashiError, /bug/);
      assert.ok(!(e instanceof APIError), 'a bug is not an API error');
      assert.match(e.message, /deliberate panic/);
      assert.match(e.message, /report/);
    }
    // the process and the runtime live on
    await _debugPanic('none');
    assert.equal((await ctx.platform.users.me()).id, 'usr_abc123');
  });

  test('a panic does not end a child process either', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = `
      const { _debugPanic } = require('@cjhirashi/agents-sdk/testing');
      (async () => {
        for (const m of ['sync', 'async', 'sync-call']) {
          try { await _debugPanic(m); } catch (e) { console.log(e.name); }
        }
      })();`;
    const r = spawnSync(process.execPath, ['-e', script], {
      cwd: new URL('..', import.meta.url),
      encoding: 'utf8',
      env: { ...process.env, RUST_BACKTRACE: '0' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), ['CJHirashiError', 'CJHirashiError', 'CJHirashiError']);
  });
});

describe('realtime back-pressure', () => {
  test('a fast server and a slow reader: the queue to JavaScript stays within its bound', { timeout: 30_000 }, async () => {
    const session = await ctx.ops.realtime.connect();
    try {
      const chats = 150;
      for (let i = 0; i < chats; i += 1) await session.sendChat(null, 'Lista las instancias EC2');
      await sleep(1000); // the server answers everything it can while nothing is read
      const { capacity, highWater } = _realtimeQueueStats(session);
      assert.ok(capacity > 0 && capacity <= 1024, `capacity ${capacity}`);
      assert.equal(highWater, capacity, `the queue filled up to its bound and no further (${highWater})`);
      // nothing was lost: every answer arrives once the reader catches up
      // each answer's loop ends at its `done`
      let done = 0;
      for (let i = 0; i < chats; i += 1) {
        for await (const ev of session) if (ev.type === 'done') done += 1;
      }
      assert.equal(done, chats);
      assert.ok(_realtimeQueueStats(session).highWater <= capacity);
    } finally {
      await session.close();
    }
  });
});

describe('ResponseTooLargeError', () => {
  test('from Content-Length, client-wide and per request, with its facts', async () => {
    const raw = await rawServer((req, res) => {
      req.resume();
      const body = JSON.stringify({ data: { agents: [] }, meta: { pad: 'x'.repeat(10_000) } });
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'x-request-id': 'req_toolarge',
      });
      res.end(body);
    });
    try {
      const c = new CJHirashiAgents({ apiKey: 'k', baseURL: raw.platformUrl, maxRetries: 0, maxResponseBytes: 100 });
      const e = await rejectsExactly(c.agents.list(), ResponseTooLargeError);
      assert.ok(e instanceof DecodeError);
      assert.ok(!(e instanceof APIError), 'a decode error is not an error answer');
      assert.ok(e instanceof CJHirashiError);
      assert.equal(e.name, 'ResponseTooLargeError');
      assert.equal(e.limit, 100);
      assert.ok(e.contentLength > 10_000);
      assert.equal(e.status, 200);
      assert.equal(e.requestId, 'req_toolarge');
      const ok = new CJHirashiAgents({ apiKey: 'k', baseURL: raw.platformUrl, maxRetries: 0 });
      assert.deepEqual(await ok.agents.list(), []);
      const e2 = await rejectsExactly(ok.agents.list({}, { maxResponseBytes: 50 }), ResponseTooLargeError);
      assert.equal(e2.limit, 50);
    } finally {
      await raw.close();
    }
  });

  test('a chunked body is cut at the limit (no Content-Length)', async () => {
    const raw = await rawServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data": {"agents": [], "pad": "');
      for (let i = 0; i < 100; i += 1) res.write('x'.repeat(1000));
      res.end('"}}');
    });
    try {
      const c = new CJHirashiAgents({ apiKey: 'k', baseURL: raw.platformUrl, maxRetries: 0 });
      const e = await rejectsExactly(c.agents.list({}, { maxResponseBytes: 4096 }), ResponseTooLargeError);
      assert.equal(e.limit, 4096);
      assert.equal(e.contentLength, undefined);
      assert.equal(e.status, 200);
      // the sandbox's own answer, over a small limit
      await rejectsExactly(ctx.platform.agents.list({}, { maxResponseBytes: 64 }), ResponseTooLargeError);
    } finally {
      await raw.close();
    }
  });

  test('exported from both module systems and declared in the .d.ts', () => {
    const cjs = require('@cjhirashi/agents-sdk');
    for (const name of ['ResponseTooLargeError', 'CJHirashiError']) {
      assert.equal(cjs[name], esm[name], name);
    }
    const dts = readFileSync(new URL('../dist/errors.d.ts', import.meta.url), 'utf8');
    assert.match(dts, /class ResponseTooLargeError extends DecodeError/);
    for (const field of ['limit', 'contentLength']) assert.match(dts, new RegExp(`readonly ${field}`));
    assert.match(readFileSync(new URL('../dist/index.d.ts', import.meta.url), 'utf8'), /ResponseTooLargeError/);
  });
});

describe('arguments too long for a URL', () => {
  test('a huge id is a RangeError with a short message, sent nowhere', async () => {
    const err = await ctx.platform.agents.get('a'.repeat(70_000)).then(() => null, (e) => e);
    assert.ok(err instanceof RangeError, String(err));
    assert.match(err.message, /too long/);
    assert.ok(err.message.length < 400);
  });
});

describe('parameters', () => {
  test('an argument an operation does not have is a TypeError, not silently dropped', async () => {
    // a request option passed among the parameters (options are the last argument)
    await rejectsExactly(ctx.platform.agents.list({ timeout: -5 }), TypeError, /agents\.list has no parameter "timeout"/);
    await rejectsExactly(ctx.platform.agents.list({ isPublik: true }), TypeError, /no parameter "isPublik"/);
    // the right spelling still works
    assert.ok(Array.isArray(await ctx.platform.agents.list({ isPublic: true })));
  });
});

describe('header and query containers', () => {
  test('a Headers, a Map or a URLSearchParams is read, not dropped; framing headers are refused', async () => {
    const seen = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url, trace: req.headers['x-trace'], other: req.headers['x-other'] });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { agents: [] }, meta: { timestamp: '2025-10-15T10:30:00Z', requestId: 'r' } }));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${server.address().port}/api`;
      const c = new esm.CJHirashiAgents({ apiKey: 'k', baseURL: base, defaultHeaders: new Map([['X-Other', 'm']]) });
      await c.agents.list({}, { headers: new Headers({ 'X-Trace': 't1' }), query: new URLSearchParams('a=1') });
      assert.deepEqual(seen.at(-1), { url: '/api/agents?a=1', trace: 't1', other: 'm' });
      await assert.rejects(c.agents.list({}, { query: { n: Number.NaN } }), RangeError);
      await assert.rejects(c.agents.list({}, { headers: { 'Content-Length': '99' } }), TypeError);
      assert.throws(() => new esm.CJHirashiAgents({ apiKey: 'k', baseURL: base, defaultHeaders: { 'Transfer-Encoding': 'chunked' } }), TypeError);
      // a conversion error does not quote a huge argument whole
      const big = 'm'.repeat(5_000_000);
      let message = '';
      try {
        esm.webhooks.sign('x', { a: big });
      } catch (e) {
        message = e.message;
      }
      assert.ok(message.length > 0 && message.length < 1000, `${message.length} characters`);
    } finally {
      server.close();
    }
  });
});

describe('amounts', () => {
  test('an amount is sent exactly or refused', async () => {
    await assert.rejects(
      ctx.platform.finance.transactions.create({
        accountId: 'acc_001', amount: '12345678901234567.89', description: 'x', type: 'EXPENSE',
      }),
      (e) => (e instanceof RangeError || e instanceof TypeError) && /significant digits/.test(e.message),
    );
    const tx = await ctx.platform.finance.transactions.create({
      accountId: 'acc_001', amount: '-350.55', description: 'x', type: 'EXPENSE',
    });
    assert.equal(tx.amount, -350.55);
  });
});
