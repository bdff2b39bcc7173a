// Closing clients: `close()` and `Symbol.asyncDispose` release the connection pool at once, and
// every call, stream or list started afterwards rejects with `APIConnectionError` ("the client
// is closed"), the core's closed error, as in Python; what was started before finishes.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, test } from 'node:test';

import { AgentClient, APIConnectionError, CJHirashiAgents } from '@cjhirashi/agents-sdk';

import { useSandbox } from './helpers.mjs';

const ctx = useSandbox();
const CLOSED = /^connection error: the client is closed$/;
const asyncDispose = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');

/** Expects `fn()` (sync or async) to fail with `APIConnectionError` "the client is closed". */
async function rejectsClosed(fn) {
  await assert.rejects(async () => fn(), (e) => {
    assert.ok(e instanceof APIConnectionError, `expected APIConnectionError, got ${e?.constructor?.name}: ${e?.message}`);
    assert.match(e.message, CLOSED);
    return true;
  });
}

function platform() {
  return new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl });
}

describe('close', () => {
  test('a call, stream or list after close() rejects; closing again is fine', async () => {
    const client = platform();
    assert.ok((await client.users.me()).id);
    const baseURL = client.baseURL;
    const conv = await client.conversations.create({ agentId: 'agt_personal_001' });
    await client.close();
    await rejectsClosed(() => client.users.me());
    await rejectsClosed(() => client.users.me().withResponse());
    await rejectsClosed(() => client.conversations.sendMessage(conv.id, 'hola').finalText());
    await rejectsClosed(async () => {
      for await (const _ of conv.sendMessage('hola')) {
        // nothing arrives
      }
    });
    await rejectsClosed(() => client.conversations.list());
    await rejectsClosed(async () => {
      for await (const _ of client.conversations.list()) {
        // nothing arrives
      }
    });
    await rejectsClosed(() => client.withOptions({ timeout: 5_000 }));
    await rejectsClosed(() => client.withOptions({ apiKey: ctx.sandbox.apiKey }));
    await client.close();
    await client[asyncDispose]();
    assert.equal(client.baseURL, baseURL);
    await rejectsClosed(() => client.users.me());
    // other clients are unaffected
    assert.ok((await platform().users.me()).id);
  });

  test('Symbol.asyncDispose closes', async () => {
    const client = platform();
    assert.ok((await client.users.me()).id);
    await client[asyncDispose]();
    await rejectsClosed(() => client.users.me());
  });

  test('a stream opened before close() finishes', async () => {
    const client = platform();
    const conv = await client.conversations.create({ agentId: 'agt_personal_001' });
    const stream = conv.sendMessage('hola');
    const it = stream[Symbol.asyncIterator]();
    const first = await it.next();
    assert.equal(first.done, false);
    await client.close();
    // the rest of the answer still arrives, to its `done` event
    for (let r = await it.next(); !r.done; r = await it.next());
    assert.equal(stream.completed, true);
    assert.ok(stream.text.length > 0);
    await rejectsClosed(() => conv.sendMessage('hola').finalText());
  });

  test('ops clients (API key and login): calls, streams and realtime after close() reject', async () => {
    const clients = [
      new AgentClient({ apiKey: ctx.sandbox.opsApiKey, baseURL: ctx.sandbox.opsUrl }),
      await AgentClient.login({ baseURL: ctx.sandbox.opsUrl, username: ctx.sandbox.username, password: ctx.sandbox.password }),
    ];
    for (const client of clients) {
      const baseURL = client.baseURL;
      assert.ok(await client.metrics.get());
      await client[asyncDispose]();
      await rejectsClosed(() => client.metrics.get());
      await rejectsClosed(() => client.chat.stream({ conversationId: 'conv_123', message: 'EC2' }).finalText());
      await rejectsClosed(() => client.realtime.connect());
      await rejectsClosed(() => client.withOptions({ timeout: 5_000 }));
      await client.close();
      assert.equal(client.baseURL, baseURL);
    }
  });

  test('close() releases the pooled connection at once', async () => {
    let open = 0;
    let closed = 0;
    const server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{"agents":[]},"meta":{"requestId":"req_1"}}');
    });
    server.keepAliveTimeout = 60_000;
    server.on('connection', (sock) => {
      open += 1;
      sock.on('close', () => {
        closed += 1;
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = new CJHirashiAgents({ apiKey: 'cj_live_x', baseURL: `http://127.0.0.1:${server.address().port}/api` });
      assert.deepEqual(await client.agents.list(), []);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(open, 1);
      assert.equal(closed, 0, 'kept alive for the next call');
      await client.close();
      const t0 = Date.now();
      while (closed === 0 && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 20));
      assert.equal(closed, 1, 'the connection was not closed by close()');
    } finally {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
    }
  });
});
