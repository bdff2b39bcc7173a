// The parity rules of API.md on the wire against the embedded sandbox: plain lists are Arrays,
// the error tree is rooted at CJHirashiError like in Rust and Python, clients have
// withOptions / close / Symbol.asyncDispose, and every call, page and list has withResponse().
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  AgentClient,
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  CJHirashiAgents,
  CJHirashiError,
  DecodeError,
  IncompleteStreamError,
  InvalidArgumentError,
  NotFoundError,
  ServiceUnavailableError,
  WebSocketError,
  WebhookVerificationError,
} from '@cjhirashi/agents-sdk';
import { faultId, useSandbox } from './helpers.mjs';

const ctx = useSandbox();

describe('lists without pagination are Arrays', () => {
  test('platform and ops', async () => {
    const agents = await ctx.platform.agents.list();
    assert.ok(Array.isArray(agents));
    assert.ok(agents.some((a) => a.id === 'agt_personal_001'));
    const personal = await ctx.platform.agents.list({ category: 'personal', isPublic: true });
    assert.ok(personal.length > 0 && personal.every((a) => a.category === 'personal'));
    for (const list of [
      await ctx.platform.health.medications.list(),
      await ctx.platform.health.appointments.list(),
      await ctx.platform.finance.accounts.list(),
      await ctx.platform.finance.budgets.list(),
      await ctx.ops.conversations.list(),
      await ctx.ops.tools.list(),
      await ctx.ops.learnedApis.list(),
    ]) {
      assert.ok(Array.isArray(list));
    }
    assert.ok((await ctx.ops.tools.list()).length > 0);
  });
});

describe('the error tree', () => {
  test('same shape as Rust and Python', () => {
    for (const C of [APIError, APIConnectionError, IncompleteStreamError, DecodeError, WebhookVerificationError, APIUserAbortError, InvalidArgumentError]) {
      assert.equal(Object.getPrototypeOf(C), CJHirashiError, C.name);
    }
    assert.equal(Object.getPrototypeOf(APITimeoutError), APIConnectionError);
    assert.equal(Object.getPrototypeOf(WebSocketError), APIConnectionError);
    assert.equal(Object.getPrototypeOf(NotFoundError), APIError);
  });

  test('a refused connection is an APIConnectionError, not an APIError', async () => {
    const c = new CJHirashiAgents({ apiKey: 'k', baseURL: 'http://127.0.0.1:9', maxRetries: 0 });
    const e = await c.agents.list().then(() => null, (err) => err);
    assert.ok(e instanceof APIConnectionError);
    assert.ok(e instanceof CJHirashiError);
    assert.ok(!(e instanceof APIError));
  });
});

describe('a call answers a promise (APIPromise)', () => {
  test('then / catch / finally behave as a Promise: data, errors, callbacks', async () => {
    // then(onfulfilled, onrejected): a failure of onfulfilled is not onrejected's
    const boom = new Error('from onfulfilled');
    let caught = false;
    await assert.rejects(
      ctx.platform.agents.list().then(
        () => {
          throw boom;
        },
        () => {
          caught = true;
        },
      ),
      (e) => e === boom,
    );
    assert.equal(caught, false);
    // a callback that is not a function is ignored, as a Promise ignores it
    const agents = await ctx.platform.agents.list().then(null, null);
    assert.ok(Array.isArray(agents) && agents.length > 0);
    assert.equal(await ctx.platform.agents.list().then((a) => a.length), agents.length);
    // errors, without options and with them, reach catch as the SDK's classes
    const missing = await ctx.platform.agents.get('agt_missing').catch((e) => e);
    assert.ok(missing instanceof NotFoundError);
    const viaOptions = await ctx.platform.agents.get('agt_missing', { maxRetries: 0 }).catch((e) => e);
    assert.ok(viaOptions instanceof NotFoundError);
    let finallyRan = 0;
    assert.equal((await ctx.platform.agents.list().finally(() => finallyRan++)).length, agents.length);
    await assert.rejects(ctx.platform.agents.get('agt_missing').finally(() => finallyRan++), NotFoundError);
    assert.equal(finallyRan, 2);
    // an argument the SDK refuses is a rejection, not a throw
    const refused = ctx.platform.agents.list(42);
    await assert.rejects(refused, TypeError);
  });
});

describe('withResponse()', () => {
  test('a call answers { data, response } with status, headers, request id, rate limit, attempts', async () => {
    const { data, response } = await ctx.platform.agents.list().withResponse();
    assert.ok(Array.isArray(data) && data.length > 0);
    assert.equal(response.status, 200);
    assert.match(response.requestId, /^req_/);
    assert.match(response.headers['content-type'], /json/);
    assert.equal(typeof response.rateLimit.limit, 'number');
    assert.equal(response.attempts, 1);
    const me = await ctx.platform.users.me().withResponse();
    assert.equal(me.data.id, 'usr_abc123');
    const tools = await ctx.ops.tools.list().withResponse();
    assert.ok(Array.isArray(tools.data));
    assert.equal(tools.response.status, 200);
  });

  test('attempts count the retries', async () => {
    const id = faultId('with-response');
    const { response } = await ctx.platform.agents
      .list({}, { headers: { 'X-Sandbox-Fault': `status=503;count=1;id=${id}` } })
      .withResponse();
    assert.equal(response.attempts, 2);
  });

  test('a created conversation keeps its methods', async () => {
    const { data, response } = await ctx.platform.conversations
      .create({ agentId: 'agt_personal_001' })
      .withResponse();
    assert.equal(response.status, 201);
    assert.equal(typeof data.sendMessage, 'function');
  });

  test('a paginated list: first page and its response; pages have data and iterPages()', async () => {
    const { data: first, response } = await ctx.admin.users.list({ limit: 3 }).withResponse();
    assert.equal(response.status, 200);
    assert.equal(first.data.length, 3);
    assert.deepEqual(first.data, first.users);
    let n = 0;
    let items = 0;
    for await (const page of first.iterPages()) {
      n += 1;
      items += page.data.length;
    }
    assert.ok(n > 1);
    assert.equal(items, first.pagination.total);
    let m = 0;
    for await (const _ of ctx.admin.users.list({ limit: 3 }).iterPages()) m += 1;
    assert.equal(m, n);
  });

  test('plain await is unchanged, and withResponse() after awaiting is refused', async () => {
    const p = ctx.platform.agents.list();
    assert.ok(Array.isArray(await p));
    await assert.rejects(p.withResponse(), CJHirashiError);
  });
});

describe('withOptions, close, Symbol.asyncDispose', () => {
  test('platform: other settings, same key', async () => {
    const id = faultId('with-options');
    const failing = ctx.platform.withOptions({
      maxRetries: 0,
      defaultHeaders: { 'X-Sandbox-Fault': `status=503;count=1;id=${id}` },
    });
    await assert.rejects(failing.agents.list(), ServiceUnavailableError);
    // the original keeps its settings
    assert.ok((await ctx.platform.agents.list()).length > 0);
    assert.equal(failing.baseURL, ctx.platform.baseURL);
    assert.throws(() => ctx.platform.withOptions({ maxRetries: -1 }), RangeError);
    assert.throws(() => ctx.platform.withOptions({ timeout: 'x' }), TypeError);
  });

  test('an option nothing reads is a TypeError, not a setting silently ignored', async () => {
    const unknown = (name, hint) => (e) =>
      e instanceof TypeError && e.message.includes(JSON.stringify(name)) && (!hint || e.message.includes(hint));
    assert.throws(() => new CJHirashiAgents({ apiKey: 'k', max_retries: 0 }), unknown('max_retries', 'maxRetries'));
    assert.throws(() => new CJHirashiAgents({ apiKey: 'k', connectTimeot: 1 }), unknown('connectTimeot'));
    assert.throws(() => ctx.platform.withOptions({ maxRetry: 0 }), unknown('maxRetry'));
    assert.throws(() => new AgentClient({ apiKey: 'k', stream_idle_timeout: 5 }), unknown('stream_idle_timeout', 'streamIdleTimeout'));
    await assert.rejects(AgentClient.login({ username: 'u', password: 'p', base_url: 'x' }), unknown('base_url'));
    // per call: the same names, maxPages on paginated lists only
    await assert.rejects(ctx.platform.agents.list({}, { maxRetry: 0 }), unknown('maxRetry'));
    await assert.rejects(ctx.platform.agents.list({}, { maxPages: 1 }), unknown('maxPages'));
    assert.throws(() => ctx.admin.users.list({}, { max_pages: 1 }), unknown('max_pages', 'maxPages'));
    assert.ok((await ctx.admin.users.list({ limit: 2 }, { maxPages: 1, timeout: 30_000 })).data.length > 0);
  });

  test('the connect and header timeouts, the event size and the page cap are client settings, as in Python', async () => {
    const capped = new CJHirashiAgents({
      apiKey: ctx.sandbox.adminApiKey,
      baseURL: ctx.sandbox.platformUrl,
      connectTimeout: 5_000,
      responseHeaderTimeout: 30_000,
      maxEventSize: 1 << 20,
      maxPages: 1,
    });
    const first = await capped.users.list({ limit: 1 });
    await assert.rejects(async () => {
      for await (const _ of first) {
        // the second page is past the client's cap
      }
    }, DecodeError);
    // a call's cap beats the client's
    const all = [];
    for await (const u of await capped.users.list({ limit: 50 }, { maxPages: 1000 })) all.push(u);
    assert.equal(all.length, first.pagination.total);
    // a tiny event limit fails a stream whose events are larger
    const tiny = capped.withOptions({ maxEventSize: 8 });
    const conv = await tiny.conversations.create({ agentId: 'agt_personal_001' });
    await assert.rejects(conv.sendMessage('hola').finalText(), DecodeError);
    for (const [name, bad] of [['connectTimeout', -1], ['responseHeaderTimeout', 0], ['maxEventSize', 0], ['maxPages', 0]]) {
      assert.throws(() => new CJHirashiAgents({ apiKey: 'k', [name]: bad }), RangeError, name);
    }
    assert.throws(() => new AgentClient({ apiKey: 'k', maxPages: 2 }), TypeError);
  });

  test('an array where the contract has an object is a TypeError, not the object by position', async () => {
    await assert.rejects(
      ctx.platform.agents.create({ name: 'x', config: [0.9, 77] }),
      (e) => e instanceof TypeError && /config of agents\.create must be an object, not an array/.test(e.message),
    );
  });

  test('ops: a login client keeps its session', async () => {
    const client = await AgentClient.login({
      baseURL: ctx.sandbox.opsUrl,
      username: ctx.sandbox.username,
      password: ctx.sandbox.password,
      timeout: 30_000,
    });
    const copy = client.withOptions({ maxRetries: 0 });
    assert.ok((await copy.tools.list()).length > 0);
    await copy.close();
  });

  test('close() and Symbol.asyncDispose', async () => {
    const c = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl });
    const sym = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');
    assert.equal(typeof c[sym], 'function');
    await c[sym]();
    await c.close();
    const o = new AgentClient({ apiKey: ctx.sandbox.opsApiKey, baseURL: ctx.sandbox.opsUrl });
    assert.equal(typeof o[sym], 'function');
  });
});

describe('User-Agent', () => {
  test('names node, the package version and the runtime', async () => {
    const http = await import('node:http');
    const { readFileSync } = await import('node:fs');
    const seen = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers['user-agent']);
      const body = '{"data":{"agents":[]}}';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address();
      const c = new CJHirashiAgents({ apiKey: 'k', baseURL: `http://127.0.0.1:${port}/api`, maxRetries: 0 });
      assert.deepEqual(await c.agents.list(), []);
    } finally {
      server.close();
    }
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    assert.ok(seen[0].startsWith(`cjhirashi-agents-node/${version} node ${process.versions.node} (`), seen[0]);
  });
});

describe('withResponse() on streams', () => {
  test('a token stream and a chat event stream', async () => {
    const conv = await ctx.platform.conversations.create({ agentId: 'agt_personal_001' });
    const { data: stream, response } = await conv.sendMessage('hola').withResponse();
    assert.equal(response.status, 200);
    assert.match(response.headers['content-type'], /text\/event-stream/);
    let text = '';
    for await (const t of stream) text += t;
    assert.ok(text.length > 0);
    const chat = await ctx.ops.chat.stream({ message: 'Lista las instancias EC2' }).withResponse();
    assert.equal(chat.response.status, 200);
    const types = [];
    for await (const ev of chat.data) types.push(ev.type);
    assert.equal(types.at(-1), 'done');
  });
});

describe('logging', () => {
  function capture() {
    const lines = [];
    const logger = {
      debug: (m) => lines.push(['debug', m]),
      info: (m) => lines.push(['info', m]),
      warn: (m) => lines.push(['warn', m]),
      error: (m) => lines.push(['error', m]),
    };
    return { lines, logger };
  }
  const settle = () => new Promise((r) => setTimeout(r, 50));

  test('at debug each answer is logged with method, path, attempt, status and request id, never the key', async () => {
    const { lines, logger } = capture();
    const c = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl, logger, logLevel: 'debug' });
    await c.agents.list();
    await c.agents.get('agt_personal_001');
    await c.agents.get('agt_does_not_exist').catch(() => {});
    // the records of a call reach the logger before its promise settles
    assert.deepEqual(lines.map(([l]) => l), ['debug', 'debug', 'warn'], JSON.stringify(lines));
    const [list, get, failed] = lines.map(([, m]) => m);
    assert.match(list, /^agents\.list: success method=GET path=\/agents attempt=1 status=200 request_id=req_\w+ duration_ms=\d+$/);
    assert.match(get, /^agents\.get: success method=GET path=\/agents\/agt_personal_001 attempt=1 status=200 request_id=req_\w+ /);
    assert.match(
      failed,
      /^agents\.get: error answer method=GET path=\/agents\/agt_does_not_exist attempt=1 status=404 request_id=req_\w+ duration_ms=\d+ error=NotFoundError \(404\) NOT_FOUND: Agent not found \[request id req_\w+\]$/,
    );
    assert.ok(lines.every(([, m]) => !m.includes(ctx.sandbox.apiKey)));
  });

  test('a call answered 500 then 200 logs the retry at info and the answer at debug, with their attempts', async () => {
    const { lines, logger } = capture();
    const c = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl, logger, logLevel: 'debug' });
    const id = faultId('log-500');
    await c.agents.get('agt_personal_001', { headers: { 'X-Sandbox-Fault': `status=500;count=1;id=${id}` } });
    assert.deepEqual(lines.map(([l]) => l), ['info', 'debug'], JSON.stringify(lines));
    const [retry, answer] = lines.map(([, m]) => m);
    assert.match(retry, /^agents\.get: retrying after error status method=GET path=\/agents\/agt_personal_001 attempt=1 status=500 (request_id=\S+ )?delay=\S+ duration_ms=\d+$/);
    assert.match(answer, /^agents\.get: success method=GET path=\/agents\/agt_personal_001 attempt=2 status=200 request_id=req_\w+ duration_ms=\d+$/);
    assert.ok(lines.every(([, m]) => !m.includes(ctx.sandbox.apiKey) && !m.includes(id)), JSON.stringify(lines));
    // at info the retry only; at warn nothing (the call succeeded)
    for (const [level, want] of [['info', ['info']], ['warn', []]]) {
      const l = capture();
      const quieter = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl, logger: l.logger, logLevel: level });
      await quieter.agents.get('agt_personal_001', { headers: { 'X-Sandbox-Fault': `status=503;count=1;id=${faultId('log-level')}` } });
      assert.deepEqual(l.lines.map(([x]) => x), want, JSON.stringify(l.lines));
    }
  });

  test('a refused connection logs its retry at info and the failure at warn, with the error class', async () => {
    const { lines, logger } = capture();
    const c = new CJHirashiAgents({ apiKey: 'k_secret_not_logged', baseURL: 'http://127.0.0.1:9', maxRetries: 1, logger, logLevel: 'debug' });
    await assert.rejects(c.agents.list(), APIConnectionError);
    assert.deepEqual(lines.map(([l]) => l), ['info', 'warn'], JSON.stringify(lines));
    assert.match(lines[0][1], /^agents\.list: retrying after failure method=GET path=\/agents attempt=1 delay=\S+ duration_ms=\d+ error=APIConnectionError: /);
    assert.match(lines[1][1], /^agents\.list: request failed method=GET path=\/agents attempt=2 duration_ms=\d+ error=APIConnectionError: /);
    assert.ok(lines.every(([, m]) => !m.includes('k_secret_not_logged')));
  });

  test('a 401 on a logged-in ops client re-authenticates at info, and no record holds the password or a token', async () => {
    const { lines, logger } = capture();
    const ops = await AgentClient.login({
      baseURL: ctx.sandbox.opsUrl,
      username: ctx.sandbox.username,
      password: ctx.sandbox.password,
      logger,
      logLevel: 'debug',
    });
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.match(lines[0][1], /^AgentClient\.login: success method=POST path=\/api\/auth\/login attempt=1 status=200 request_id=req_\w+ duration_ms=\d+$/);
    lines.length = 0;
    const id = faultId('log-401');
    await ops.tools.list({ headers: { 'X-Sandbox-Fault': `status=401;count=1;id=${id}` } });
    const m = lines.map(([l, x]) => `${l} ${x}`);
    assert.match(m[0], /^info tools\.list: 401: authenticating again method=GET path=\/api\/tools attempt=1 status=401 /, JSON.stringify(m));
    assert.ok(m.some((x) => /^debug tools\.list: success method=POST path=\/api\/auth\/login attempt=1 status=200 /.test(x)), JSON.stringify(m));
    assert.match(m.at(-1), /^debug tools\.list: success method=GET path=\/api\/tools attempt=1 status=200 request_id=req_\w+ duration_ms=\d+$/, JSON.stringify(m));
    for (const secret of [ctx.sandbox.password, 'eyJ', 'Bearer']) {
      assert.ok(m.every((x) => !x.includes(secret)), `${secret} logged: ${JSON.stringify(m)}`);
    }
  });

  test('pages, streams, ops calls and a login each logged', async () => {
    const { lines, logger } = capture();
    const admin = new CJHirashiAgents({ apiKey: ctx.sandbox.adminApiKey, baseURL: ctx.sandbox.platformUrl, logger, logLevel: 'debug' });
    const id = faultId('log-retry');
    await admin.agents.list({}, { headers: { 'X-Sandbox-Fault': `status=503;count=1;id=${id}` } });
    const first = await admin.users.list({ limit: 100 });
    await first.getNextPage();
    const conv = await admin.conversations.create({ agentId: 'agt_personal_001' });
    await conv.sendMessage('Hola').finalText();
    const ops = await AgentClient.login({
      baseURL: ctx.sandbox.opsUrl,
      username: ctx.sandbox.username,
      password: ctx.sandbox.password,
      logger,
      logLevel: 'debug',
    });
    await ops.conversations.get('nope').catch(() => {});
    await AgentClient.login({ baseURL: ctx.sandbox.opsUrl, username: ctx.sandbox.username, password: 'wrong', logger, logLevel: 'debug' }).catch(() => {});
    const m = lines.map(([, x]) => x);
    assert.match(m[0], /^agents\.list: retrying after error status method=GET path=\/agents attempt=1 status=503 /);
    assert.match(m[1], /^agents\.list: success method=GET path=\/agents attempt=2 status=200 request_id=req_\w+ /);
    assert.equal(m.filter((x) => x.startsWith('users.list: success method=GET path=/users attempt=1 status=200 request_id=req_')).length, 2, JSON.stringify(m));
    assert.ok(m.some((x) => x.startsWith('conversations.create: success method=POST path=/conversations attempt=1 status=201 ')), JSON.stringify(m));
    assert.ok(m.some((x) => new RegExp(`^conversations\\.sendMessage: success method=POST path=/conversations/${conv.id}/messages attempt=1 status=200 request_id=req_`).test(x)), JSON.stringify(m));
    assert.ok(m.some((x) => /^AgentClient\.login: success method=POST path=\/api\/auth\/login attempt=1 status=200 request_id=req_\w+ duration_ms=\d+$/.test(x)), JSON.stringify(m));
    assert.ok(m.some((x) => /^conversations\.get: error answer method=GET path=\/api\/conversations\/nope attempt=1 status=404 .*error=NotFoundError \(404\)/.test(x)), JSON.stringify(m));
    assert.ok(m.some((x) => /^AgentClient\.login: error answer method=POST path=\/api\/auth\/login attempt=1 status=401 .*error=AuthenticationError \(401\)/.test(x)), JSON.stringify(m));
    for (const secret of [ctx.sandbox.adminApiKey, ctx.sandbox.password, 'wrong', 'eyJ']) {
      assert.ok(m.every((x) => !x.includes(secret)), `${secret} logged: ${JSON.stringify(m)}`);
    }
  });

  test('an argument refused before sending, and an abort, log nothing; a throwing logger fails no call', async () => {
    const { lines, logger } = capture();
    const c = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl, logger, logLevel: 'debug' });
    await assert.rejects(c.agents.get('agt_personal_001', { timeout: -1 }), RangeError);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(c.agents.get('agt_personal_001', { signal: controller.signal }), APIUserAbortError);
    await settle();
    assert.deepEqual(lines, []);
    const boom = () => {
      throw new Error('logger broke');
    };
    const loud = new CJHirashiAgents({
      apiKey: ctx.sandbox.apiKey,
      baseURL: ctx.sandbox.platformUrl,
      logger: { debug: boom, info: boom, warn: boom, error: boom },
      logLevel: 'debug',
    });
    assert.equal((await loud.agents.get('agt_personal_001')).id, 'agt_personal_001');
    await assert.rejects(loud.agents.get('agt_does_not_exist'), NotFoundError);
    await settle();
  });

  test('CJHIRASHI_LOG sets the level (debug: every answer; info and warn: failures); without it nothing is logged', async () => {
    const before = process.env.CJHIRASHI_LOG;
    try {
      delete process.env.CJHIRASHI_LOG;
      const quiet = capture();
      const c1 = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl, logger: quiet.logger });
      await c1.agents.list();
      // as in Rust and Python: a success is at debug, a failed call at warn, so info and warn
      // show only the failure, and error nothing
      const quieter = [];
      for (const level of ['info', 'warn', 'error']) {
        process.env.CJHIRASHI_LOG = level;
        const l = capture();
        const c2 = new AgentClient({ apiKey: ctx.sandbox.opsApiKey, baseURL: ctx.sandbox.opsUrl, logger: l.logger });
        await c2.tools.list();
        await c2.conversations.get('nope').catch(() => {});
        quieter.push(l);
      }
      process.env.CJHIRASHI_LOG = 'debug';
      const debug = capture();
      const c3 = new AgentClient({ apiKey: ctx.sandbox.opsApiKey, baseURL: ctx.sandbox.opsUrl, logger: debug.logger });
      await c3.tools.list();
      await c3.conversations.get('nope').catch(() => {});
      await settle();
      assert.deepEqual(quiet.lines, []);
      const short = (lines) => lines.map(([l, m]) => [l, m.split(' ').slice(0, 4).join(' ')]);
      const failure = ['warn', 'conversations.get: error answer method=GET'];
      assert.deepEqual(short(quieter[0].lines), [failure]);
      assert.deepEqual(short(quieter[1].lines), [failure]);
      assert.deepEqual(quieter[2].lines, []);
      assert.deepEqual(short(debug.lines), [['debug', 'tools.list: success method=GET path=/api/tools'], failure]);
      // the option beats the environment
      const off = capture();
      const c4 = new AgentClient({ apiKey: ctx.sandbox.opsApiKey, baseURL: ctx.sandbox.opsUrl, logger: off.logger, logLevel: 'error' });
      await c4.tools.list();
      await c4.conversations.get('nope').catch(() => {});
      await settle();
      assert.deepEqual(off.lines, []);
      assert.throws(() => new CJHirashiAgents({ apiKey: 'k', logger: {} }), TypeError);
    } finally {
      if (before === undefined) delete process.env.CJHIRASHI_LOG;
      else process.env.CJHIRASHI_LOG = before;
    }
  });
});
