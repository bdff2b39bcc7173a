// Streams: tokens, the done fields, leaving early, aborting, cut streams, batching.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { APIError, APIUserAbortError, CJHirashiError, IncompleteStreamError, ResponseTooLargeError } from '@cjhirashi/agents-sdk';

import { fault, useSandbox } from './helpers.mjs';

const ctx = useSandbox();

describe('platform token streams', () => {
  test('tokens are strings; done fields and text after the end', async () => {
    const conv = await ctx.platform.conversations.create({ agentId: 'agt_finance_001', initialMessage: '¿Cuánto he gastado este mes?' });
    const s = conv.stream();
    assert.equal(s.messageId, undefined);
    const tokens = [];
    for await (const t of s) {
      assert.equal(typeof t, 'string');
      tokens.push(t);
    }
    assert.ok(tokens.length > 3);
    assert.match(s.messageId, /^msg_/);
    assert.equal(typeof s.tokensUsed, 'number');
    assert.ok(s.tokensUsed > 0);
    assert.ok(!Number.isNaN(Date.parse(s.timestamp)));
    assert.equal(s.text, tokens.join(''));
    assert.equal(s.completed, true);
    const stored = await ctx.platform.conversations.get(conv.id);
    assert.equal(stored.messages.at(-1).id, s.messageId);
  });

  test('a large synthetic answer arrives whole, in batches', async () => {
    const s = ctx.platform.conversations.sendMessage('conv_abc123', 'bench', { query: { tokens: 20000 } });
    let n = 0;
    let chars = 0;
    for await (const t of s) {
      n += 1;
      chars += t.length;
    }
    assert.equal(n, 20000);
    assert.equal(s.text.length, chars);
    assert.ok(s.completed);
  });

  test('break closes the stream early and later reads are not needed', async () => {
    const s = ctx.platform.conversations.sendMessage('conv_abc123', 'bench', { query: { tokens: 100000 } });
    let n = 0;
    for await (const _ of s) {
      n += 1;
      if (n === 10) break;
    }
    assert.equal(n, 10);
    assert.equal(s.completed, false);
    assert.equal(s.messageId, undefined);
    // the client still works (the connection was dropped, not left hanging)
    assert.ok((await ctx.platform.agents.list()).length > 0);
  });

  test('sendMessage sends at once, before any iteration', async () => {
    const conv = await ctx.platform.conversations.create({ agentId: 'agt_personal_001' });
    const s = conv.sendMessage('enviado sin iterar');
    let seen = false;
    for (let i = 0; i < 50 && !seen; i++) {
      const got = await ctx.platform.conversations.get(conv.id);
      seen = (got.messages ?? []).some((m) => m.role === 'user' && m.content === 'enviado sin iterar');
      if (!seen) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(seen, 'the user message reached the server without iterating');
    assert.ok((await s.finalText()).length > 0);
  });

  test('a stream can be iterated only once', async () => {
    const s = ctx.platform.conversations.stream('conv_abc123');
    await s.finalText();
    // the SDK's own error, not an APIError (the server did not refuse anything)
    await assert.rejects(s.finalText(), (e) => e instanceof CJHirashiError && !(e instanceof APIError));
  });

  test('abort via AbortController mid-stream', async () => {
    const ac = new AbortController();
    const s = ctx.platform.conversations.sendMessage('conv_abc123', 'Hola', fault('stall_after=3', { signal: ac.signal }));
    const got = [];
    const t0 = Date.now();
    await assert.rejects(async () => {
      for await (const t of s) {
        got.push(t);
        if (got.length === 3) setTimeout(() => ac.abort(), 20);
      }
    }, APIUserAbortError);
    assert.equal(got.length, 3);
    assert.ok(Date.now() - t0 < 5000);
  });

  test('abort after the whole answer was read ahead: the rest is not handed out', async () => {
    // a short answer arrives in one batch with its done event, before the first token is out
    for (const at of [1, 2, 5]) {
      const ac = new AbortController();
      const s = ctx.platform.conversations.sendMessage('conv_abc123', 'Hola', { signal: ac.signal });
      const got = [];
      await assert.rejects(async () => {
        for await (const t of s) {
          got.push(t);
          if (got.length === at) ac.abort();
        }
      }, APIUserAbortError);
      assert.equal(got.length, at);
    }
    // once the iteration ended, a later abort changes nothing
    const ac = new AbortController();
    const s = ctx.platform.conversations.sendMessage('conv_abc123', 'Hola', { signal: ac.signal });
    const text = await s.finalText();
    ac.abort();
    assert.ok(text.length > 0 && s.completed);
  });

  test('abort after the ops stream was read ahead: the rest is not handed out', async () => {
    const ac = new AbortController();
    const s = ctx.ops.chat.stream({ conversation_id: 'conv_123', message: 'Lista las instancias EC2' }, { signal: ac.signal });
    const got = [];
    await assert.rejects(async () => {
      for await (const ev of s) {
        got.push(ev);
        if (got.length === 1) ac.abort();
      }
    }, APIUserAbortError);
    assert.equal(got.length, 1);
  });

  test('abort before the stream opens', async () => {
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(ctx.platform.conversations.stream('conv_abc123', { signal: ac.signal }).finalText(), APIUserAbortError);
  });

  test('incomplete stream (cut_after=2) is an error, not a short answer', async () => {
    const s = ctx.platform.conversations.stream('conv_abc123', fault('cut_after=2'));
    await assert.rejects(s.finalText(), IncompleteStreamError);
    assert.equal(s.text.length > 0, true);
    assert.equal(s.messageId, undefined);
  });

  test('an error answer before the stream opens is thrown by the iteration', async () => {
    await assert.rejects(ctx.platform.conversations.stream('conv_missing').finalText(), { name: 'NotFoundError', status: 404 });
  });
});

describe('ops chat streams', () => {
  test('typed events; text and conversationId after the end', async () => {
    const s = ctx.ops.chat.stream({ conversation_id: 'conv_123', message: 'Lista las instancias EC2' });
    const events = [];
    for await (const ev of s) events.push(ev);
    const byType = Object.groupBy ? Object.groupBy(events, (e) => e.type) : null;
    assert.equal(events.at(-1).type, 'done');
    const toolCall = events.find((e) => e.type === 'tool_call');
    assert.equal(typeof toolCall.params, 'object');
    const toolResult = events.find((e) => e.type === 'tool_result');
    assert.ok('result' in toolResult);
    assert.equal(s.text, events.filter((e) => e.type === 'message').map((e) => e.content).join(''));
    assert.equal(s.conversationId, 'conv_123');
    if (byType) assert.ok(byType.thinking.length >= 1);
  });

  test('break, abort and cut on the ops stream', async () => {
    const s1 = ctx.ops.chat.stream({ conversation_id: 'conv_123', message: 'Lista las instancias EC2' });
    for await (const ev of s1) {
      assert.equal(ev.type, 'thinking');
      break;
    }
    assert.equal(s1.completed, false);

    const cut = ctx.ops.chat.stream({ conversation_id: 'conv_123', message: 'Lista las instancias EC2' }, fault('cut_after=2'));
    await assert.rejects(cut.finalText(), IncompleteStreamError);

    const ac = new AbortController();
    const stalled = ctx.ops.chat.stream(
      { conversation_id: 'conv_123', message: 'Lista las instancias EC2' },
      fault('stall_after=1', { signal: ac.signal }),
    );
    setTimeout(() => ac.abort(), 100);
    await assert.rejects(stalled.finalText(), APIUserAbortError);
  });
});

describe('the text a stream keeps is capped at maxResponseBytes', () => {
  // the longest prefix of `whole` of at most `limit` UTF-8 bytes (the core cuts at a character)
  const prefix = (whole, limit) => {
    let out = '';
    for (const ch of whole) {
      if (Buffer.byteLength(out + ch) > limit) break;
      out += ch;
    }
    return out;
  };

  test('platform: every token still comes, text stops at the same byte as in Python', async () => {
    const s = ctx.platform.conversations.sendMessage('conv_abc123', 'hola', { maxResponseBytes: 16 });
    let whole = '';
    for await (const t of s) whole += t;
    assert.ok(Buffer.byteLength(whole) > 16);
    assert.equal(s.textTruncated, true);
    assert.equal(s.text, prefix(whole, 16));
    assert.equal(s.completed, true);
    const again = ctx.platform.conversations.sendMessage('conv_abc123', 'hola', { maxResponseBytes: 16 });
    await assert.rejects(again.finalText(), (e) => e instanceof ResponseTooLargeError && e.limit === 16);
    // within the limit nothing changes
    const full = ctx.platform.conversations.sendMessage('conv_abc123', 'hola');
    assert.ok((await full.finalText()).length > 0);
    assert.equal(full.textTruncated, false);
  });

  test('platform: a long stream keeps at most the limit, whatever its length', async () => {
    const s = ctx.platform.conversations.sendMessage('conv_abc123', 'bench', { query: { tokens: 50000 }, maxResponseBytes: 1000 });
    let n = 0;
    for await (const _ of s) n += 1;
    assert.equal(n, 50000);
    assert.ok(s.textTruncated && Buffer.byteLength(s.text) <= 1000 && Buffer.byteLength(s.text) > 900);
  });

  test('ops: the text is the core\'s once truncated; finalText throws', async () => {
    const chat = ctx.ops.chat.stream({ message: 'Lista las instancias EC2' }, { maxResponseBytes: 8 });
    const events = [];
    for await (const ev of chat) events.push(ev);
    assert.equal(events.at(-1).type, 'done');
    assert.equal(chat.textTruncated, true);
    const whole = events.filter((e) => e.type === 'message').map((e) => e.content).join('');
    assert.equal(chat.text, prefix(whole, 8));
    const again = ctx.ops.chat.stream({ message: 'Lista las instancias EC2' }, { maxResponseBytes: 8 });
    await assert.rejects(again.finalText(), (e) => e instanceof ResponseTooLargeError && e.limit === 8);
  });
});
