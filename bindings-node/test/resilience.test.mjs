// Retries and timeouts, driven by the sandbox's fault injection.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { APITimeoutError, CJHirashiAgents, ServiceUnavailableError } from '@cjhirashi/agents-sdk';

import { fault, faultId, useSandbox } from './helpers.mjs';

const ctx = useSandbox();

describe('retries', () => {
  test('two 503s then success with the default retries', async () => {
    const id = faultId('retry');
    const t0 = Date.now();
    const list = await ctx.platform.agents.list({}, fault(`status=503;count=2;id=${id};retry_after=0`));
    assert.ok(list.length > 0);
    assert.ok(Date.now() - t0 < 10_000);
  });

  test('two 503s exhaust maxRetries 1', async () => {
    const id = faultId('retry1');
    await assert.rejects(
      ctx.platform.agents.list({}, fault(`status=503;count=2;id=${id};retry_after=0`, { maxRetries: 1 })),
      ServiceUnavailableError,
    );
  });

  test('client-wide maxRetries applies; per-request beats it', async () => {
    const c = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl, maxRetries: 0 });
    const id = faultId('client0');
    await assert.rejects(c.users.me(fault(`status=503;count=1;id=${id};retry_after=0`)), ServiceUnavailableError);
    const id2 = faultId('client1');
    const me = await c.users.me(fault(`status=503;count=1;id=${id2};retry_after=0`, { maxRetries: 1 }));
    assert.equal(me.id, 'usr_abc123');
  });

  test('retries also apply to opening a stream', async () => {
    const id = faultId('stream');
    const text = await ctx.platform.conversations
      .sendMessage('conv_abc123', 'Hola', fault(`status=503;count=1;id=${id};retry_after=0`))
      .finalText();
    assert.ok(text.length > 0);
  });
});

describe('timeouts', () => {
  test('per-request timeout', async () => {
    const t0 = Date.now();
    await assert.rejects(ctx.platform.users.me(fault('latency=20000', { timeout: 150, maxRetries: 0 })), APITimeoutError);
    // ended by the timeout, long before the 20 s answer (a bound a loaded machine cannot miss)
    assert.ok(Date.now() - t0 < 15_000);
  });

  test('client-wide timeout, and a call within it succeeds', async () => {
    const c = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl, timeout: 300, maxRetries: 0 });
    await assert.rejects(c.users.me(fault('latency=1500')), APITimeoutError);
    const me = await c.users.me(fault('latency=20'));
    assert.equal(me.id, 'usr_abc123');
  });
});

describe('per-request headers, query and idempotency key', () => {
  test('extra query reaches the server (synthetic token count)', async () => {
    const s = ctx.platform.conversations.sendMessage('conv_abc123', 'bench', { query: { tokens: 50 } });
    let n = 0;
    for await (const _ of s) n += 1;
    assert.equal(n, 50);
    assert.equal(s.tokensUsed >= 50, true);
  });

  test('an idempotency key is accepted on a POST', async () => {
    const w = await ctx.platform.webhooks.create(
      { url: 'http://127.0.0.1:9/x', events: ['agent.created'], secret: 's' },
      { idempotencyKey: 'node-test-key-1' },
    );
    assert.match(w.id, /^wh_/);
  });
});
