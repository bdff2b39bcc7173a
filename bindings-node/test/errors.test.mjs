// Every error class from a real answer of the sandbox (or a real failure), with its facts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  AgentClient,
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  CJHirashiAgents,
  CJHirashiError,
  ConflictError,
  DecodeError,
  IncompleteStreamError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServiceUnavailableError,
  WebhookVerificationError,
  webhooks,
} from '@cjhirashi/agents-sdk';

import { fault, useSandbox } from './helpers.mjs';

const ctx = useSandbox();

/** Runs `fn`, expects it to reject with `Class`, and returns the error. */
async function expectError(fn, Class) {
  try {
    await fn();
  } catch (e) {
    assert.ok(e instanceof Class, `expected ${Class.name}, got ${e?.constructor?.name}: ${e?.message}`);
    assert.ok(e instanceof CJHirashiError);
    assert.ok(e instanceof Error);
    assert.equal(e.name, Class.name);
    return e;
  }
  assert.fail(`expected ${Class.name}, nothing was thrown`);
}

describe('HTTP errors of the platform', () => {
  test('400 BadRequestError with code, details and request id', async () => {
    const e = await expectError(() => ctx.admin.users.invite({ email: 'not-an-email' }), BadRequestError);
    assert.equal(e.status, 400);
    assert.equal(e.code, 'VALIDATION_ERROR');
    assert.equal(e.details.field, 'email');
    assert.match(e.requestId, /^req_/);
    assert.equal(typeof e.headers['x-request-id'], 'string');
    assert.ok(e.message.length > 0);
  });

  test('401 AuthenticationError', async () => {
    const bad = new CJHirashiAgents({ apiKey: 'cj_live_wrong', baseURL: ctx.sandbox.platformUrl });
    const e = await expectError(() => bad.users.me(), AuthenticationError);
    assert.equal(e.status, 401);
    assert.equal(e.code, 'UNAUTHORIZED');
  });

  test('403 PermissionDeniedError', async () => {
    const e = await expectError(() => ctx.platform.users.list(), PermissionDeniedError);
    assert.equal(e.status, 403);
    assert.equal(e.code, 'FORBIDDEN');
  });

  test('404 NotFoundError', async () => {
    const e = await expectError(() => ctx.platform.agents.get('agt_does_not_exist'), NotFoundError);
    assert.equal(e.status, 404);
    assert.equal(e.code, 'NOT_FOUND');
  });

  test('409 ConflictError', async () => {
    const e = await expectError(() => ctx.admin.users.invite({ email: 'user@example.com' }), ConflictError);
    assert.equal(e.status, 409);
    assert.equal(e.code, 'CONFLICT');
  });

  test('429 RateLimitError with limit, remaining, reset and retry-after', async () => {
    const e = await expectError(
      () => ctx.platform.agents.list({}, fault('status=429;retry_after=7', { maxRetries: 0 })),
      RateLimitError,
    );
    assert.equal(e.status, 429);
    assert.equal(e.code, 'RATE_LIMIT_EXCEEDED');
    assert.equal(typeof e.limit, 'number');
    assert.equal(typeof e.remaining, 'number');
    assert.equal(typeof e.reset, 'number');
    assert.equal(e.retryAfter, 7);
  });

  test('500 InternalServerError and 503 ServiceUnavailableError', async () => {
    const e5 = await expectError(() => ctx.platform.users.me(fault('status=500', { maxRetries: 0 })), InternalServerError);
    assert.equal(e5.status, 500);
    const e3 = await expectError(() => ctx.platform.users.me(fault('status=503', { maxRetries: 0 })), ServiceUnavailableError);
    assert.equal(e3.status, 503);
    assert.equal(e3.code, 'SERVICE_UNAVAILABLE');
  });
});

describe('HTTP errors of ops', () => {
  test('400, 401, 404 and 429 in the ops error format', async () => {
    const e400 = await expectError(() => ctx.ops.config.update({ llm: { provider: 'nope' } }), BadRequestError);
    assert.equal(e400.code, 'INVALID_REQUEST');
    const bad = new AgentClient({ apiKey: 'wrong', baseURL: ctx.sandbox.opsUrl });
    await expectError(() => bad.tools.list({ maxRetries: 0 }), AuthenticationError);
    const e404 = await expectError(() => ctx.ops.tools.execute('no_such_tool', {}), NotFoundError);
    assert.equal(e404.code, 'NOT_FOUND');
    const e429 = await expectError(() => ctx.ops.metrics.get(fault('status=429', { maxRetries: 0 })), RateLimitError);
    assert.equal(e429.status, 429);
    const e403 = await expectError(() => ctx.ops.metrics.get(fault('status=403', { maxRetries: 0 })), PermissionDeniedError);
    assert.equal(e403.status, 403);
  });
});

describe('failures that are not HTTP answers', () => {
  test('APIConnectionError when nothing listens', async () => {
    const c = new CJHirashiAgents({ apiKey: 'k', baseURL: 'http://127.0.0.1:1/api', maxRetries: 0 });
    const e = await expectError(() => c.agents.list(), APIConnectionError);
    assert.equal(e.status, undefined);
  });

  test('APITimeoutError (a kind of APIConnectionError) from latency beyond the timeout', async () => {
    const e = await expectError(
      () => ctx.platform.agents.list({}, fault('latency=2000', { timeout: 200, maxRetries: 0 })),
      APITimeoutError,
    );
    assert.ok(e instanceof APIConnectionError);
  });

  test('DecodeError on a malformed body', async () => {
    const e = await expectError(() => ctx.platform.users.me(fault('malformed=1')), DecodeError);
    assert.equal(e.status, 200);
  });

  test('IncompleteStreamError when a stream is cut', async () => {
    const s = ctx.platform.conversations.sendMessage('conv_abc123', 'Hola', fault('cut_after=2'));
    const got = [];
    const e = await expectError(async () => {
      for await (const t of s) got.push(t);
    }, IncompleteStreamError);
    assert.equal(got.length, 2, 'the events before the cut are delivered');
    assert.equal(e.received, 2);
    assert.equal(s.completed, false);
  });

  test('APIUserAbortError from an AbortSignal', async () => {
    const ac = new AbortController();
    const p = ctx.platform.agents.list({}, fault('latency=20000', { signal: ac.signal }));
    setTimeout(() => ac.abort(), 50);
    const t0 = Date.now();
    await expectError(() => p, APIUserAbortError);
    // ended by the abort, long before the 20 s answer
    assert.ok(Date.now() - t0 < 15_000, 'aborted before the answer');
    const already = AbortSignal.abort();
    await expectError(() => ctx.platform.users.me({ signal: already }), APIUserAbortError);
  });

  test('one AbortSignal shared by many calls in flight: one listener, no warning, all aborted', async () => {
    const { getEventListeners } = await import('node:events');
    const warnings = [];
    const onWarning = (w) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const ac = new AbortController();
      const calls = Array.from({ length: 50 }, () =>
        ctx.platform.agents.list({}, fault('latency=20000', { signal: ac.signal })),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(getEventListeners(ac.signal, 'abort').length, 1);
      ac.abort();
      const settled = await Promise.allSettled(calls);
      assert.ok(settled.every((r) => r.status === 'rejected' && r.reason instanceof APIUserAbortError));
      // a long-lived signal keeps no listener once its calls are done
      const kept = new AbortController();
      await Promise.all(Array.from({ length: 20 }, () => ctx.platform.agents.list({}, { signal: kept.signal })));
      assert.equal(getEventListeners(kept.signal, 'abort').length, 0);
      await new Promise((resolve) => setImmediate(resolve));
      assert.ok(!warnings.includes('MaxListenersExceededWarning'), warnings.join());
    } finally {
      process.off('warning', onWarning);
    }
  });

  test('WebhookVerificationError', () => {
    const body = '{"event":"message.sent","timestamp":"2025-10-15T10:30:00Z","data":{}}';
    assert.throws(() => webhooks.verify(body, webhooks.sign(body, 'a'), 'b'), WebhookVerificationError);
    assert.throws(() => webhooks.unwrap(body, {}, 'a'), WebhookVerificationError);
  });
});
