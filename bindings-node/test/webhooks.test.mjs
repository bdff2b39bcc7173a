// Webhook deliveries from the sandbox, verified by the SDK and by the seed's own
// verifyWebhookSignature (node:crypto); the helpers on their own.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';

import { WebhookVerificationError, webhooks } from '@cjhirashi/agents-sdk';

import { useSandbox, webhookReceiver } from './helpers.mjs';

const ctx = useSandbox();

// The platform seed's verification function, as written there (TypeScript types removed).
function verifyWebhookSignature(payload, signature, secret) {
  const hmac = crypto.createHmac('sha256', secret);
  const digest = hmac.update(payload).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(digest));
}

describe('deliveries', () => {
  test('platform conversation.created and message.sent, verified both ways', async () => {
    const rx = await webhookReceiver();
    const secret = 'whsec_node_platform';
    try {
      await ctx.platform.webhooks.create({ url: rx.url, events: ['conversation.created', 'message.sent'], secret });
      const conv = await ctx.platform.conversations.create({ agentId: 'agt_personal_001', title: 'Webhooks' });
      const d1 = await rx.next();
      assert.equal(d1.headers['x-webhook-event'], 'conversation.created');
      assert.match(d1.headers['x-webhook-id'], /^whd_/);
      assert.equal(verifyWebhookSignature(d1.body, d1.headers['x-webhook-signature'], secret), true);
      assert.equal(webhooks.verify(d1.body, d1.headers['x-webhook-signature'], secret), undefined);
      const ev = webhooks.unwrap(d1.body, d1.headers, secret, { tolerance: 300 });
      assert.equal(ev.event, 'conversation.created');
      assert.equal(ev.id, d1.headers['x-webhook-id']);
      assert.equal(ev.data.conversationId, conv.id);
      assert.equal(ev.data.agentId, 'agt_personal_001');

      await ctx.platform.conversations.sendMessage(conv.id, '¿Cuánto he gastado?').finalText();
      const d2 = await rx.next();
      const sent = webhooks.unwrap(d2.body.toString('utf8'), d2.headers, ['whsec_old', secret]);
      assert.equal(sent.event, 'message.sent');
      assert.equal(sent.data.content, '¿Cuánto he gastado?');
      assert.equal(verifyWebhookSignature(d2.body, d2.headers['x-webhook-signature'], secret), true);
      // a tampered body fails both checks
      const tampered = Buffer.from(d2.body.toString('utf8').replace('gastado', 'ganado'));
      assert.equal(verifyWebhookSignature(tampered, d2.headers['x-webhook-signature'], secret), false);
      assert.throws(() => webhooks.unwrap(tampered, d2.headers, secret), WebhookVerificationError);
    } finally {
      await rx.close();
    }
  });

  test('ops tool.executed delivery, same scheme', async () => {
    const rx = await webhookReceiver();
    const secret = 'tu-secreto';
    try {
      await ctx.ops.webhooks.create({ url: rx.url, events: ['tool.executed'], secret });
      await ctx.ops.tools.execute('list_ec2_instances', { region: 'us-east-1' });
      const d = await rx.next();
      assert.equal(d.headers['x-webhook-event'], 'tool.executed');
      assert.equal(verifyWebhookSignature(d.body, d.headers['x-webhook-signature'], secret), true);
      const ev = ctx.ops.webhooks.unwrap(d.body, d.headers, secret);
      assert.equal(ev.data.tool, 'list_ec2_instances');
      assert.equal(ev.data.success, true);
    } finally {
      await rx.close();
    }
  });
});

describe('helpers', () => {
  const body = JSON.stringify({
    event: 'message.sent',
    timestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    data: { messageId: 'msg_abc123', conversationId: 'conv_xyz789', userId: 'usr_abc123', content: 'Hi', tokensUsed: 12 },
  });

  test('sign matches node:crypto; verify accepts rotation and rejects a wrong secret', () => {
    const sig = webhooks.sign(body, 'whsec_your_secret');
    assert.equal(sig, crypto.createHmac('sha256', 'whsec_your_secret').update(body).digest('hex'));
    assert.equal(webhooks.verify(Buffer.from(body), sig, ['whsec_new', 'whsec_your_secret']), undefined);
    assert.equal(webhooks.verify(new TextEncoder().encode(body), sig, 'whsec_your_secret'), undefined);
    assert.throws(() => webhooks.verify(body, sig, 'whsec_other'), WebhookVerificationError);
    assert.throws(() => webhooks.verify(body, 'zz-not-hex', 'whsec_your_secret'), WebhookVerificationError);
    assert.throws(() => webhooks.verify(body, undefined, 'whsec_your_secret'), WebhookVerificationError);
    // req.headers gives a repeated header as an array: the first value counts
    assert.equal(webhooks.verify(body, [sig, 'f'.repeat(64)], 'whsec_your_secret'), undefined);
    assert.throws(() => webhooks.verify(body, [], 'whsec_your_secret'), /missing signature/);
    assert.throws(() => webhooks.verify(body, 5, 'whsec_your_secret'), TypeError);
  });

  test('unwrap reads Headers objects and pairs, and enforces a tolerance', () => {
    const sig = webhooks.sign(body, 's');
    const h = new Headers({ 'X-Webhook-Signature': sig });
    assert.equal(webhooks.unwrap(body, h, 's').data.tokensUsed, 12);
    assert.equal(webhooks.unwrap(body, [['x-webhook-signature', sig]], 's').event, 'message.sent');
    const old = JSON.stringify({ event: 'message.sent', timestamp: '2020-01-01T00:00:00Z', data: {} });
    const oldSig = webhooks.sign(old, 's');
    // `tolerance: Infinity` turns the timestamp check off (the default follows the core)
    assert.equal(webhooks.unwrap(old, { 'x-webhook-signature': oldSig }, 's', { tolerance: Infinity }).timestamp, '2020-01-01T00:00:00Z');
    assert.throws(() => webhooks.unwrap(old, { 'x-webhook-signature': oldSig }, 's', { tolerance: 300 }), WebhookVerificationError);
    assert.throws(() => webhooks.verify(old, oldSig, 's', { tolerance: 300 }), WebhookVerificationError);
  });

  test('headers of the wrong shape are a TypeError; a name given twice: the first counts', () => {
    const sig = webhooks.sign(body, 's');
    for (const bad of [null, 5, 'x-webhook-signature']) {
      assert.throws(() => webhooks.unwrap(body, bad, 's'), TypeError);
    }
    assert.throws(() => webhooks.unwrap(body, { 'x-webhook-signature': 5 }, 's'), TypeError);
    // as in Python: the first of two signature headers is the one checked
    const pairs = [['X-Webhook-Signature', sig], ['x-webhook-signature', 'bad']];
    assert.equal(webhooks.unwrap(body, pairs, 's').event, 'message.sent');
    assert.throws(() => webhooks.unwrap(body, [pairs[1], pairs[0]], 's'), WebhookVerificationError);
  });
});
