// Every operation of the ops service against the embedded sandbox, REST and WebSocket.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';

import { AgentClient, AuthenticationError, ChatEventStream, RealtimeSession } from '@cjhirashi/agents-sdk';

import { useSandbox } from './helpers.mjs';

const ctx = useSandbox();

describe('auth', () => {
  test('AgentClient.login logs in and the client works', async () => {
    const c = await AgentClient.login({ baseURL: ctx.sandbox.opsUrl, username: ctx.sandbox.username, password: ctx.sandbox.password });
    assert.equal(c.baseURL.replace(/\/$/, ''), ctx.sandbox.opsUrl);
    const m = await c.metrics.get();
    assert.equal(typeof m.alerts.critical, 'number');
  });

  test('auth.login returns the token and installs it', async () => {
    const c = new AgentClient({ baseURL: ctx.sandbox.opsUrl, apiKey: 'not-a-key' });
    await assert.rejects(c.metrics.get({ maxRetries: 0 }), AuthenticationError);
    const tok = await c.auth.login({ username: ctx.sandbox.username, password: ctx.sandbox.password });
    assert.equal(tok.token_type, 'bearer');
    assert.ok(tok.access_token.length > 20);
    assert.ok(tok.expires_in > 0);
    assert.equal(typeof (await c.metrics.get()).agent_stats.uptime_seconds, 'number');
    // console.log and util.inspect do not show the token (as Python's repr); the value holds it
    const shown = inspect(tok);
    assert.ok(!shown.includes(tok.access_token), shown);
    assert.match(shown, /access_token: '\[REDACTED\]'/);
    assert.match(shown, /token_type: 'bearer'/);
    assert.equal(JSON.parse(JSON.stringify(tok)).access_token, tok.access_token);
    assert.deepEqual(Object.keys(tok).sort(), ['access_token', 'expires_in', 'token_type']);
  });

  test('a wrong password is an AuthenticationError', async () => {
    await assert.rejects(
      AgentClient.login({ baseURL: ctx.sandbox.opsUrl, username: 'admin', password: 'wrong' }),
      AuthenticationError,
    );
  });

  test('the seed demo key tu-api-key works; AGENT_* environment is read', async () => {
    const saved = { key: process.env.AGENT_API_KEY, url: process.env.AGENT_BASE_URL };
    try {
      process.env.AGENT_API_KEY = 'tu-api-key';
      process.env.AGENT_BASE_URL = ctx.sandbox.opsUrl;
      const c = new AgentClient();
      assert.ok((await c.tools.list()).length > 0);
    } finally {
      for (const [k, v] of [['AGENT_API_KEY', saved.key], ['AGENT_BASE_URL', saved.url]]) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('chat', () => {
  test('send answers the whole message with its tool calls', async () => {
    const r = await ctx.ops.chat.send({ conversation_id: 'conv_123', message: 'Lista las instancias EC2' });
    assert.equal(r.conversation_id, 'conv_123');
    assert.equal(r.message.role, 'assistant');
    assert.ok(r.message.content.length > 0);
    assert.ok(r.message.tool_calls.some((t) => t.tool === 'list_ec2_instances'));
  });

  test('stream yields typed events ending with done', async () => {
    const s = ctx.ops.chat.stream({ conversation_id: 'conv_123', message: 'Lista las instancias EC2' });
    assert.ok(s instanceof ChatEventStream);
    const types = [];
    let content = '';
    for await (const ev of s) {
      types.push(ev.type);
      if (ev.type === 'tool_call') assert.equal(ev.tool, 'list_ec2_instances');
      if (ev.type === 'message') content += ev.content;
    }
    assert.equal(types[0], 'thinking');
    assert.ok(types.includes('tool_call'));
    assert.ok(types.includes('tool_result'));
    assert.equal(types.at(-1), 'done');
    assert.equal(s.completed, true);
    assert.equal(s.conversationId, 'conv_123');
    assert.equal(s.text, content);
  });

  test('an unknown conversation id is created', async () => {
    const r = await ctx.ops.chat.send({ conversation_id: 'conv_node_new', message: 'Hola' });
    assert.equal(r.conversation_id, 'conv_node_new');
    const c = await ctx.ops.conversations.get('conv_node_new');
    assert.ok(c.messages.length >= 2);
  });
});

describe('conversations', () => {
  test('list, create, get, delete', async () => {
    const created = await ctx.ops.conversations.create({ title: 'Nueva conversación' });
    assert.match(created.id, /^conv_/);
    assert.equal(created.title, 'Nueva conversación');
    assert.equal(created.message_count, 0);
    const list = await ctx.ops.conversations.list();
    assert.ok(list.some((c) => c.id === created.id));
    const got = await ctx.ops.conversations.get('conv_123');
    assert.equal(got.id, 'conv_123');
    assert.ok(Array.isArray(got.messages));
    const del = await ctx.ops.conversations.delete(created.id);
    assert.deepEqual(del, { id: created.id, deleted: true });
  });
});

describe('config, metrics, tools, learned APIs, webhooks', () => {
  test('config get and partial update', async () => {
    const cfg = await ctx.ops.config.get();
    assert.ok(['openai', 'anthropic', 'azure_openai', 'ollama'].includes(cfg.llm.provider));
    const upd = await ctx.ops.config.update({ llm: { provider: 'anthropic', model: 'claude-3-5-sonnet' } });
    assert.equal(upd.llm.provider, 'anthropic');
    assert.equal(upd.llm.model, 'claude-3-5-sonnet');
    assert.equal(upd.agent.autonomy_level, cfg.agent.autonomy_level, 'other sections kept');
    const upd2 = await ctx.ops.config.update({ cloud_providers: { gcp: { enabled: true } } });
    assert.equal(upd2.cloud_providers.gcp.enabled, true);
    assert.equal(upd2.llm.provider, 'anthropic');
  });

  test('metrics', async () => {
    const m = await ctx.ops.metrics.get();
    for (const k of ['critical', 'warning', 'ok']) assert.equal(typeof m.alerts[k], 'number');
    assert.equal(typeof m.infrastructure.aws_instances, 'number');
    assert.equal(typeof m.agent_stats.total_messages, 'number');
  });

  test('tools list and execute', async () => {
    const tools = await ctx.ops.tools.list();
    const ec2 = tools.find((t) => t.name === 'list_ec2_instances');
    assert.ok(ec2);
    assert.equal(ec2.parameters.type, 'object');
    const r = await ctx.ops.tools.execute('list_ec2_instances', { region: 'us-east-1' });
    assert.equal(r.tool, 'list_ec2_instances');
    assert.equal(r.success, true);
    assert.equal(typeof r.execution_time_ms, 'number');
    assert.ok(r.result !== null && r.result !== undefined);
  });

  test('learned APIs list and learn from an inline document', async () => {
    const doc = {
      openapi: '3.0.0',
      info: { title: 'Pets API', version: '1' },
      paths: { '/pets': { get: {}, post: {} }, '/pets/{id}': { get: {} } },
    };
    const learned = await ctx.ops.learnedApis.learn({ type: 'openapi', source: doc });
    assert.equal(learned.name, 'Pets API');
    assert.equal(learned.endpoints, 3);
    const apis = await ctx.ops.learnedApis.list();
    assert.ok(apis.some((a) => a.id === learned.id));
  });

  test('webhooks create', async () => {
    const w = await ctx.ops.webhooks.create({ url: 'http://127.0.0.1:9/h', events: ['alert.critical', 'tool.executed'], secret: 's' });
    assert.ok(w.id);
    assert.deepEqual(w.events, ['alert.critical', 'tool.executed']);
  });
});

describe('realtime', () => {
  test('connect, sendChat, for await over events, close', async () => {
    const c = await AgentClient.login({ baseURL: ctx.sandbox.opsUrl, username: ctx.sandbox.username, password: ctx.sandbox.password });
    const session = await c.realtime.connect();
    assert.ok(session instanceof RealtimeSession);
    // no chat waiting for its answer: the loop ends at once (as Python's), it does not wait
    // for the socket
    const idle = [];
    for await (const ev of session) idle.push(ev);
    assert.deepEqual(idle, []);
    for (const [send, message] of [['sendChat', 'Lista las instancias EC2'], ['chat', 'Muestra las métricas']]) {
      await session[send]('conv_123', message);
      const types = [];
      // the loop ends by itself after the answer's `done` (as Python's does)
      for await (const ev of session) types.push(ev.type);
      assert.equal(types.at(-1), 'done');
      assert.equal(types.filter((t) => t === 'done').length, 1);
      assert.ok(types.includes('message'));
      const after = [];
      for await (const ev of session) after.push(ev);
      assert.deepEqual(after, [], 'the answer was read: nothing waits');
    }
    await session.close();
    assert.equal(await session.next(), undefined);
  });

  test('a bad token is refused', async () => {
    const c = new AgentClient({ baseURL: ctx.sandbox.opsUrl, apiKey: 'nope' });
    await assert.rejects(c.realtime.connect(), AuthenticationError);
  });
});
