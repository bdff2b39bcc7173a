// Every operation of the platform service against the embedded sandbox.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';

import { CJHirashiAgents, InvalidArgumentError, MessageStream, PagePromise } from '@cjhirashi/agents-sdk';

import { useSandbox } from './helpers.mjs';

const ctx = useSandbox();

describe('client construction', () => {
  test('reads the key and base URL from the environment, explicit values win', () => {
    const saved = { key: process.env.CJHIRASHI_API_KEY, url: process.env.CJHIRASHI_BASE_URL };
    try {
      process.env.CJHIRASHI_API_KEY = 'cj_env_key';
      process.env.CJHIRASHI_BASE_URL = 'http://127.0.0.1:9/api';
      const trim = (u) => u.replace(/\/$/, '');
      assert.equal(trim(new CJHirashiAgents().baseURL), 'http://127.0.0.1:9/api');
      assert.equal(trim(new CJHirashiAgents({ baseURL: ctx.sandbox.platformUrl }).baseURL), ctx.sandbox.platformUrl);
      delete process.env.CJHIRASHI_API_KEY;
      assert.throws(() => new CJHirashiAgents(), InvalidArgumentError);
    } finally {
      if (saved.key === undefined) delete process.env.CJHIRASHI_API_KEY;
      else process.env.CJHIRASHI_API_KEY = saved.key;
      if (saved.url === undefined) delete process.env.CJHIRASHI_BASE_URL;
      else process.env.CJHIRASHI_BASE_URL = saved.url;
    }
  });

  test('an invalid base URL is rejected at construction', () => {
    assert.throws(() => new CJHirashiAgents({ apiKey: 'k', baseURL: 'not a url' }), TypeError);
  });
});

describe('auth', () => {
  test('signInUrl is the OAuth redirect target', async () => {
    const url = await ctx.platform.auth.signInUrl();
    assert.match(url, /^https:\/\/accounts\.google\.com\/o\/oauth2\/v2\/auth\?/);
    assert.match(url, /client_id=cjhirashi-agents/);
  });

  test('session, createApiKey, signOut', async () => {
    const s = await ctx.platform.auth.session();
    assert.equal(s.user.id, 'usr_abc123');
    assert.equal(s.user.email, 'user@example.com');
    const key = await ctx.platform.auth.createApiKey();
    assert.match(key.apiKey, /^cj_/);
    assert.ok(!inspect(key).includes(key.apiKey), inspect(key));
    assert.match(inspect(key), /apiKey: '\[REDACTED\]'/);
    // the new key works
    const other = new CJHirashiAgents({ apiKey: key.apiKey, baseURL: ctx.sandbox.platformUrl });
    assert.equal((await other.users.me()).id, 'usr_abc123');
    const out = await other.auth.signOut();
    assert.equal(typeof out.message, 'string');
  });
});

describe('users', () => {
  test('me and updateMe', async () => {
    const me = await ctx.platform.users.me();
    assert.equal(me.id, 'usr_abc123');
    assert.equal(me.role, 'USER');
    assert.equal(typeof me.limits, 'object');
    assert.equal(typeof me.usage.messagesUsed, 'number');
    const upd = await ctx.platform.users.updateMe({ name: 'John Smith', preferences: { theme: 'dark', notifications: true } });
    assert.equal(upd.name, 'John Smith');
    assert.deepEqual(upd.preferences, { theme: 'dark', notifications: true });
    assert.equal((await ctx.platform.users.me()).name, 'John Smith');
  });

  test('list is awaitable for the first page and iterates every page', async () => {
    const listing = ctx.admin.users.list({ limit: 40 });
    assert.ok(listing instanceof PagePromise);
    const page = await listing;
    assert.equal(page.pagination.page, 1);
    assert.equal(page.pagination.limit, 40);
    assert.equal(page.users.length, 40);
    const ids = new Set();
    for await (const u of ctx.admin.users.list({ limit: 40 })) ids.add(u.id);
    assert.equal(ids.size, page.pagination.total);
    assert.ok(ids.size > 40, 'several pages');
    const admins = await ctx.admin.users.list({ role: 'ADMIN' });
    assert.ok(admins.users.every((u) => u.role === 'ADMIN'));
    const found = await ctx.admin.users.list({ search: 'user@example.com' });
    assert.ok(found.users.some((u) => u.id === 'usr_abc123'));
  });

  test('invite and delete', async () => {
    const inv = await ctx.admin.users.invite({ email: 'newuser.node@example.com', role: 'USER', message: 'Welcome!' });
    assert.match(inv.invitationId, /^inv_/);
    assert.equal(inv.email, 'newuser.node@example.com');
    const victim = (await ctx.admin.users.list({ limit: 100 })).users.find((u) => u.id.startsWith('usr_0'));
    assert.ok(victim);
    const del = await ctx.admin.users.delete(victim.id);
    assert.equal(del.deletedUserId, victim.id);
  });
});

describe('agents', () => {
  test('list returns the data object, with filters', async () => {
    const all = await ctx.platform.agents.list();
    assert.ok(Array.isArray(all));
    assert.ok(all.some((a) => a.id === 'agt_personal_001'));
    const personal = await ctx.platform.agents.list({ category: 'personal', isPublic: true });
    assert.ok(personal.length > 0);
    assert.ok(personal.every((a) => a.category === 'personal' && a.isPublic));
  });

  test('get, create, delete', async () => {
    const a = await ctx.platform.agents.get('agt_personal_001');
    assert.equal(a.id, 'agt_personal_001');
    assert.equal(a.name, 'Personal Assistant');
    assert.equal(typeof a.config?.temperature, 'number');
    const created = await ctx.admin.agents.create({
      name: 'My Custom Agent',
      description: 'An agent for X task',
      model: 'gemini-2.0-flash-exp',
      config: { temperature: 0.8, maxTokens: 4000 },
      systemPrompt: 'You are a helpful assistant that...',
      isPublic: false,
    });
    assert.match(created.id, /^agt_/);
    assert.equal(created.name, 'My Custom Agent');
    const del = await ctx.admin.agents.delete(created.id);
    assert.equal(del.deletedAgentId, created.id);
  });
});

describe('conversations', () => {
  test('list pages by cursor; get with messageLimit', async () => {
    const first = await ctx.platform.conversations.list({ limit: 5 });
    assert.equal(first.conversations.length, 5);
    assert.equal(first.pagination.hasMore, true);
    const all = [];
    for await (const c of ctx.platform.conversations.list({ limit: 5 })) all.push(c.id);
    assert.ok(all.length > 5);
    assert.equal(new Set(all).size, all.length);
    const filtered = await ctx.platform.conversations.list({ agentId: 'agt_finance_001' });
    assert.ok(filtered.conversations.every((c) => c.agentId === 'agt_finance_001'));
    const conv = await ctx.platform.conversations.get('conv_abc123', { messageLimit: 1 });
    assert.equal(conv.id, 'conv_abc123');
    assert.equal(conv.messages.length, 1);
  });

  test('create returns the conversation with sendMessage and stream', async () => {
    const conv = await ctx.platform.conversations.create({
      agentId: 'agt_personal_001',
      title: 'Nueva conversación',
      initialMessage: 'Hola, necesito ayuda con mis finanzas',
    });
    assert.match(conv.id, /^conv_/);
    assert.equal(conv.title, 'Nueva conversación');
    assert.equal(conv.agentId, 'agt_personal_001');
    assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(conv))).sort(), Object.keys(conv).sort());
    const initial = conv.stream();
    assert.ok(initial instanceof MessageStream);
    assert.equal(typeof initial.then, 'undefined', 'not a thenable');
    let text = '';
    for await (const t of initial) text += t;
    assert.ok(text.length > 0);
    assert.equal(initial.text, text);
    const reply = conv.sendMessage('¿Cuánto he gastado este mes?');
    const parts = [];
    for await (const t of reply) parts.push(t);
    assert.ok(parts.length > 1);
    assert.equal(reply.text, parts.join(''));
    assert.match(reply.messageId, /^msg_/);
    const stored = await ctx.platform.conversations.get(conv.id);
    assert.ok(stored.messages.length >= 4);
    assert.equal(stored.messages.at(-1).content, reply.text);
  });

  test('sendMessage, stream and delete by id', async () => {
    const conv = await ctx.platform.conversations.create({ agentId: 'agt_health_001' });
    const text = await ctx.platform.conversations.sendMessage(conv.id, '¿Cuándo debo tomar mi metformina?').finalText();
    assert.ok(text.length > 0);
    const again = await ctx.platform.conversations.stream(conv.id).finalText();
    assert.equal(again, text, 'the newest user message is already answered');
    const del = await ctx.platform.conversations.delete(conv.id);
    assert.equal(del.deletedConversationId, conv.id);
  });
});

describe('health', () => {
  test('profile and updateProfile', async () => {
    const p = await ctx.platform.health.profile();
    assert.match(p.id, /^hlth_/);
    assert.ok(Array.isArray(p.allergies));
    const u = await ctx.platform.health.updateProfile({ bloodType: 'O+', height: 176, weight: 71.5 });
    assert.equal(u.height, 176);
    assert.equal(u.weight, 71.5);
    assert.equal(typeof u.updatedAt, 'string');
  });

  test('medications list and create, appointments list', async () => {
    const created = await ctx.platform.health.medications.create({
      name: 'Metformina',
      dosage: '500mg',
      frequency: 'Cada 8 horas',
      startDate: '2025-10-15T00:00:00Z',
      instructions: 'Tomar con alimentos',
    });
    assert.match(created.id, /^med_/);
    const meds = await ctx.platform.health.medications.list();
    assert.ok(meds.some((m) => m.id === created.id));
    const all = await ctx.platform.health.appointments.list({ upcoming: false });
    assert.ok(Array.isArray(all));
    const upcoming = await ctx.platform.health.appointments.list({ upcoming: true });
    assert.ok(upcoming.length <= all.length);
    const ranged = await ctx.platform.health.appointments.list({ upcoming: false, from: '2000-01-01', to: '2000-01-02' });
    assert.equal(ranged.length, 0);
  });
});

describe('finance', () => {
  test('profile, accounts, budgets', async () => {
    const p = await ctx.platform.finance.profile();
    assert.equal(typeof p.netWorth, 'number');
    const acc = await ctx.platform.finance.accounts.list();
    assert.ok(acc.some((a) => a.id === 'acc_001'));
    const b = await ctx.platform.finance.budgets.list();
    assert.ok(b.length > 0);
    assert.equal(typeof b[0]?.percentage, 'number');
  });

  test('transactions list (pages + summary) and create', async () => {
    const first = await ctx.platform.finance.transactions.list({ accountId: 'acc_001', limit: 3 });
    assert.equal(typeof first.summary.totalIncome, 'number');
    assert.ok(first.transactions.every((t) => t.accountId === 'acc_001'));
    let n = 0;
    for await (const t of ctx.platform.finance.transactions.list({ accountId: 'acc_001', limit: 3 })) {
      assert.equal(t.accountId, 'acc_001');
      n += 1;
    }
    assert.ok(n >= first.transactions.length);
    const created = await ctx.platform.finance.transactions.create({
      accountId: 'acc_001',
      amount: -150.5,
      description: 'Gasolina',
      category: 'TRANSPORT',
      date: '2025-10-15T08:00:00Z',
    });
    assert.match(created.id, /^txn_/);
    assert.equal(created.amount, -150.5);
    const food = await ctx.platform.finance.transactions.list({ category: 'FOOD' });
    assert.ok(food.transactions.every((t) => t.category === 'FOOD'));
  });
});

describe('webhooks', () => {
  test('create echoes everything but the secret', async () => {
    const w = await ctx.platform.webhooks.create({
      url: 'http://127.0.0.1:9/hook',
      events: ['conversation.created', 'message.sent'],
      secret: 'whsec_x',
    });
    assert.match(w.id, /^wh_/);
    assert.deepEqual(w.events, ['conversation.created', 'message.sent']);
    assert.equal(JSON.stringify(w).includes('whsec_x'), false);
  });
});
