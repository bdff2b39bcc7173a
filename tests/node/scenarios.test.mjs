// The cross-language scenario suite (tests/scenarios/*.json), run with the Node package.
//
// Each scenario runs against a fresh embedded sandbox; every step's result is turned into plain
// JSON data with snake_case keys and matched against the step's expectation (tests/README.md).
//
//   node --test tests/node/                 (the package built in bindings-node/)
//   SCENARIOS_NODE_PKG=/path/to/package node --test tests/node/
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const scenariosDir = join(here, '..', 'scenarios');
const specDir = join(here, '..', '..', 'spec');
const pkg = resolve(process.env.SCENARIOS_NODE_PKG ?? join(here, '..', '..', 'bindings-node'));
const sdk = await import(pathToFileURL(join(pkg, 'esm', 'index.mjs')).href);
const { Sandbox } = await import(pathToFileURL(join(pkg, 'esm', 'testing.mjs')).href);
const { CJHirashiAgents, AgentClient, webhooks } = sdk;

const LANG = 'node';
// `await using` calls it; Node 20 before 20.4 spells it Symbol.for('nodejs.asyncDispose')
const ASYNC_DISPOSE = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');
const SERVICES = ['platform', 'ops'];

// The operations the OpenAPI documents do not list, which the runner calls by hand: ops' WebSocket
// session (`realtime.connect`, described by spec/ops.asyncapi.json) and the `AgentClient.login`
// constructor (the `login` step). The coverage check counts them with the documented ones.
const UNDOCUMENTED = { ops: { 'realtime.connect': 'realtime', login: 'login' } };

// Where the Node surface differs on purpose from the documents' neutral `positional`
// (docs/contract.md, `x-sdk`): `auth.login({ username, password })` takes every argument in its
// params object.
const OBJECT_FORM = new Set(['ops auth.login']);

/** How the runner reads an answer, from the `x-sdk` `kind`: `call` (a value; also `items`, a
 * list), `page` (`pages`), `tokens` (a platform `stream`) or `events` (an ops `stream`). */
function runnerKind(service, kind) {
  if (kind === 'call' || kind === 'items') return 'call';
  if (kind === 'pages') return 'page';
  if (kind === 'stream') return service === 'platform' ? 'tokens' : 'events';
  throw new Error(`${service}: unknown x-sdk kind ${kind}`);
}

/** Every operation of both services by SDK name, with how the runner calls it (`kind`,
 * `positional`): the `x-sdk` entries of spec/<service>.openapi.json, then UNDOCUMENTED. */
function loadOperations() {
  const out = {};
  for (const service of SERVICES) {
    const doc = JSON.parse(readFileSync(join(specDir, `${service}.openapi.json`), 'utf8'));
    const ops = {};
    for (const item of Object.values(doc.paths)) {
      for (const operation of Object.values(item)) {
        for (const entry of operation?.['x-sdk'] ?? []) {
          ops[entry.name] = { kind: runnerKind(service, entry.kind), positional: [...entry.positional] };
        }
      }
    }
    for (const [name, kind] of Object.entries(UNDOCUMENTED[service] ?? {})) ops[name] = { kind, positional: [] };
    out[service] = ops;
  }
  return out;
}

/** Every operation needs a step that succeeds and a step that expects an error; the problems
 * found. */
function coverageGaps(operations, scenarios) {
  const ok = new Set();
  const err = new Set();
  for (const scenario of scenarios) {
    for (const step of scenario.steps) {
      const key = `${step.service ?? scenario.service} ${step.call}`;
      (step.expect?.error ? err : ok).add(key);
    }
  }
  const gaps = [];
  for (const service of SERVICES) {
    for (const call of Object.keys(operations[service])) {
      const key = `${service} ${call}`;
      if (!ok.has(key)) gaps.push(`${key}: no scenario step succeeds`);
      if (!err.has(key)) gaps.push(`${key}: no scenario step expects an error`);
    }
  }
  return gaps;
}

const OPERATIONS = loadOperations();
const ALL = readdirSync(scenariosDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(scenariosDir, f), 'utf8')).scenarios);

// ---------------------------------------------------------------------------------------------
// Plain data and matching
// ---------------------------------------------------------------------------------------------

const snake = (k) => k.replace(/(?<=[a-z0-9])([A-Z])/g, '_$1').toLowerCase();
const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

function plain(value) {
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), plain(v)]));
  }
  return value;
}

function camelKeys(value) {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), camelKeys(v)]));
  }
  return value;
}

function typeName(v) {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

const show = (v) => JSON.stringify(v)?.slice(0, 400);

export function match(expected, actual, path = '$') {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${path}: expected ${show(expected)}, got ${show(actual)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const why = match(expected[i], actual[i], `${path}[${i}]`);
      if (why) return why;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    const ops = Object.keys(expected).filter((k) => k.startsWith('$'));
    if (ops.length > 0) {
      for (const op of ops) {
        const why = matchOp(op, expected[op], actual, path);
        if (why) return why;
      }
      return null;
    }
    if (typeName(actual) !== 'object') return `${path}: expected an object, got ${show(actual)}`;
    for (const [k, want] of Object.entries(expected)) {
      if (!(k in actual)) return `${path}.${k}: missing in ${show(Object.keys(actual))}`;
      const why = match(want, actual[k], `${path}.${k}`);
      if (why) return why;
    }
    return null;
  }
  return expected === actual ? null : `${path}: expected ${show(expected)}, got ${show(actual)}`;
}

function matchOp(op, arg, actual, path) {
  switch (op) {
    case '$type':
      return typeName(actual) === arg ? null : `${path}: expected a ${arg}, got ${show(actual)}`;
    case '$startswith':
      return typeof actual === 'string' && actual.startsWith(arg)
        ? null
        : `${path}: expected a string starting ${show(arg)}, got ${show(actual)}`;
    case '$nonempty': {
      const n = typeof actual === 'string' || Array.isArray(actual) ? actual.length : typeName(actual) === 'object' ? Object.keys(actual).length : 0;
      return n > 0 ? null : `${path}: expected something non-empty, got ${show(actual)}`;
    }
    case '$len':
    case '$len_gte': {
      const n = typeof actual === 'string' || Array.isArray(actual) ? actual.length : typeName(actual) === 'object' ? Object.keys(actual).length : undefined;
      if (n === undefined) return `${path}: expected something with a length, got ${show(actual)}`;
      const ok = op === '$len' ? n === arg : n >= arg;
      return ok ? null : `${path}: length ${n}, expected ${op.slice(1)} ${arg}`;
    }
    case '$includes':
    case '$excludes':
      if (typeof actual !== 'string') return `${path}: expected a string, got ${show(actual)}`;
      for (const part of Array.isArray(arg) ? arg : [arg]) {
        if (actual.includes(part) !== (op === '$includes')) {
          return `${path}: ${show(part)} ${op === '$includes' ? 'missing from' : 'found in'} ${show(actual)}`;
        }
      }
      return null;
    case '$contains':
      if (!Array.isArray(actual)) return `${path}: expected an array, got ${show(actual)}`;
      return actual.some((item) => match(arg, item) === null)
        ? null
        : `${path}: no element matches ${show(arg)} in ${show(actual)}`;
    case '$all':
      if (!Array.isArray(actual)) return `${path}: expected an array, got ${show(actual)}`;
      for (let i = 0; i < actual.length; i++) {
        const why = match(arg, actual[i], `${path}[${i}]`);
        if (why) return why;
      }
      return null;
    default:
      return `${path}: unknown matcher ${op}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Webhook receiver
// ---------------------------------------------------------------------------------------------

async function startReceiver() {
  const deliveries = [];
  const waiters = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const delivery = { body: Buffer.concat(chunks), headers: req.headers };
      const w = waiters.shift();
      if (w) w(delivery);
      else deliveries.push(delivery);
      res.writeHead(200, { 'content-length': '0' }).end();
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    next(ms = 10000) {
      if (deliveries.length > 0) return Promise.resolve(deliveries.shift());
      return new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error('no webhook delivery')), ms);
        waiters.push((d) => {
          clearTimeout(timer);
          ok(d);
        });
      });
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

// ---------------------------------------------------------------------------------------------
// The runner
// ---------------------------------------------------------------------------------------------

const TREE = [
  'CJHirashiError', 'APIError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError',
  'NotFoundError', 'ConflictError', 'PayloadTooLargeError', 'UnprocessableEntityError',
  'RateLimitError', 'InternalServerError', 'ServiceUnavailableError', 'APIConnectionError',
  'APITimeoutError', 'WebSocketError', 'IncompleteStreamError', 'DecodeError',
  'WebhookVerificationError',
];

function errorTree() {
  const out = {};
  for (const name of TREE) {
    const cls = sdk[name];
    assert.equal(typeof cls, 'function', `${name} is not exported`);
    const ancestors = [];
    for (let p = Object.getPrototypeOf(cls); p && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
      if (TREE.includes(p.name)) ancestors.push(p.name);
    }
    out[name] = ancestors;
  }
  return out;
}

function errorData(e) {
  const out = { class: e?.constructor?.name, message: String(e?.message ?? e) };
  for (const [fact, key] of [['status', 'status'], ['code', 'code'], ['requestId', 'request_id'], ['retryAfter', 'retry_after'], ['phase', 'phase']]) {
    if (e?.[fact] !== undefined && e?.[fact] !== null) out[key] = e[fact];
  }
  // Node states a timeout in milliseconds, the scenarios in seconds
  if (e instanceof sdk.APITimeoutError && typeof e.timeout === 'number') out.timeout = e.timeout / 1000;
  if (e instanceof sdk.RateLimitError) out.rate_limit = { limit: e.limit, remaining: e.remaining, reset: e.reset };
  return out;
}

function nodeOptions(options) {
  const out = {};
  for (const [k, v] of Object.entries(options ?? {})) {
    if (k === 'timeout') out.timeout = v * 1000;
    else if (k === 'extra_query') out.query = v;
    else out[camel(k)] = v;
  }
  return out;
}

function eventsData(events) {
  const types = events.map((e) => e.type);
  return { events, types, first: types[0] ?? null, last: types.at(-1) ?? null };
}

function rawData(data, response) {
  const headers = {};
  const h = response.headers;
  if (h && typeof h.forEach === 'function') h.forEach((v, k) => { headers[k.toLowerCase()] = v; });
  else for (const [k, v] of Object.entries(h ?? {})) headers[k.toLowerCase()] = v;
  const rl = response.rateLimit;
  return {
    status: response.status,
    request_id: response.requestId ?? null,
    attempts: response.attempts,
    headers,
    rate_limit: rl ? { limit: rl.limit, remaining: rl.remaining, reset: rl.reset } : null,
    data,
  };
}

class Run {
  constructor(scenario, sandbox) {
    this.scenario = scenario;
    this.sb = sandbox;
    this.vars = {
      sandbox: {
        username: sandbox.username, password: sandbox.password, platform_url: sandbox.platformUrl, ops_url: sandbox.opsUrl,
        api_key: sandbox.apiKey, admin_api_key: sandbox.adminApiKey, ops_api_key: sandbox.opsApiKey,
      },
    };
    this.clients = new Map();
    this.receiver = undefined;
    this.lastDelivery = undefined;
    this.known = [];
    this.outcomes = {};
  }

  async close() {
    for (const c of this.clients.values()) await c.close?.();
    await this.receiver?.close();
  }

  resolve(value) {
    if (typeof value === 'string' && value.startsWith('$') && value.length > 1) {
      let cur = this.vars;
      for (const part of value.slice(1).split('.')) cur = part === '$len' ? cur.length : cur[part];
      return cur;
    }
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value !== null && typeof value === 'object') {
      if ('$repeat' in value) return String(value.$repeat[0]).repeat(value.$repeat[1]);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v)]));
    }
    return value;
  }

  async client(service, spec) {
    const key = `${service}:${JSON.stringify(spec)}`;
    if (!this.clients.has(key)) this.clients.set(key, await this.makeClient(service, spec));
    return this.clients.get(key);
  }

  /** A client of `spec`; `extra`: more client settings (a `logs` step's `logger`). */
  async makeClient(service, spec, extra = {}) {
    const sb = this.sb;
    if (service === 'platform') {
      if (spec === 'closed_port') return new CJHirashiAgents({ apiKey: sb.apiKey, baseURL: 'http://127.0.0.1:9/api', maxRetries: 0, ...extra });
      let apiKey = sb.apiKey;
      if (spec === 'admin') apiKey = sb.adminApiKey;
      else if (spec === 'bad_key') apiKey = 'cj_test_not_a_key';
      else if (spec !== null && typeof spec === 'object') apiKey = this.resolve(spec.api_key);
      return new CJHirashiAgents({ apiKey, baseURL: sb.platformUrl, ...extra });
    }
    if (spec === 'login') return AgentClient.login({ baseURL: sb.opsUrl, username: sb.username, password: sb.password, ...extra });
    return new AgentClient({ apiKey: spec === 'bad_key' ? 'ops_not_a_key' : sb.opsApiKey, baseURL: sb.opsUrl, ...extra });
  }

  /** `$client.close`: closes the step's client `times` times (`close()`, or with `form:
   * "context"` its `Symbol.asyncDispose`), then forgets it unless `keep`. */
  async closeStep(service, spec, args) {
    const key = `${service}:${JSON.stringify(spec)}`;
    const client = await this.client(service, spec);
    const times = args.times ?? 1;
    for (let n = 0; n < times; n++) {
      if (args.form === 'context') await client[ASYNC_DISPOSE]();
      else await client.close();
    }
    if (!args.keep) this.clients.delete(key);
    return { closed: times };
  }

  async run() {
    for (const [i, step] of this.scenario.steps.entries()) {
      if (step.langs && !step.langs.includes(LANG)) continue;
      const where = `step ${i} (${step.call})`;
      const reason = step.diverges?.[LANG];
      try {
        await this.check(where, step);
      } catch (e) {
        if (reason === undefined) throw e;
        this.known.push(`${where}: ${reason} [${e?.message ?? e}]`);
        continue;
      }
      if (reason !== undefined) console.log(`# ${this.scenario.name} ${where}: no divergence any more, remove the mark`);
    }
  }

  async check(where, step) {
    // a `logs` step calls through a client made for it with a `logger` that keeps every record
    const records = step.logs ? [] : undefined;
    this.logger = records && {
      debug: (...a) => records.push(`DEBUG ${format(...a)}`),
      info: (...a) => records.push(`INFO ${format(...a)}`),
      warn: (...a) => records.push(`WARN ${format(...a)}`),
      error: (...a) => records.push(`ERROR ${format(...a)}`),
    };
    let result;
    let error;
    try {
      for (let n = 1; n < (step.repeat ?? 1); n++) await this.step(step);
      result = await this.step(step);
      // `until_error`: call again (at most that many times in all) until a call fails
      for (let n = 1; n < (step.until_error ?? 1); n++) result = await this.step(step);
    } catch (e) {
      if (!(e instanceof sdk.CJHirashiError) && !step.expect?.error) throw e;
      error = errorData(e);
    } finally {
      this.logger = undefined;
    }
    // the client logs a call once its promise settled: let those callbacks run
    if (records) await new Promise((ok) => setImmediate(ok));
    const expect = this.resolve(step.expect ?? {});
    if (records && expect.logs) {
      const why = match(expect.logs, records, '$logs');
      assert.equal(why, null, `${where}: ${why}`);
    }
    if (expect.error) {
      this.outcomes[where] = { error };
      assert.ok(error, `${where}: expected an error, got ${show(result)}`);
      const why = match(expect.error, error);
      assert.equal(why, null, `${where}: ${why}`);
      return;
    }
    assert.equal(error, undefined, `${where}: unexpected error ${show(error)}`);
    if ('result' in expect) {
      const why = match(expect.result, result);
      assert.equal(why, null, `${where}: ${why}`);
    }
    if (step.save) this.vars[step.save] = result;
    this.outcomes[where] = result;
  }

  async step(step) {
    const call = step.call;
    const args = { ...this.resolve(step.args ?? {}) };
    const service = step.service ?? this.scenario.service;
    let clientSpec = step.client ?? this.scenario.client ?? (service === 'platform' ? 'user' : 'api_key');
    if (service === 'ops' && (clientSpec === 'user' || clientSpec === 'admin')) clientSpec = 'api_key';
    if (call === '$client.close') return this.closeStep(service, clientSpec, args);
    if (call.startsWith('$')) return this.special(call, args);
    const options = nodeOptions(this.resolve(step.options));
    if (call === 'login') {
      const c = await AgentClient.login({ baseURL: this.sb.opsUrl, username: args.username, password: args.password });
      await c.close?.();
      return { logged_in: true };
    }
    const spec = OPERATIONS[service][call];
    if (spec === undefined) throw new Error(`${service} has no operation ${call} (spec/${service}.openapi.json)`);
    const logger = this.logger;
    const client = logger
      ? await this.makeClient(service, clientSpec, { logger, logLevel: 'debug' })
      : await this.client(service, clientSpec);
    try {
      return await this.invoke(client, spec, call, args, options, step, service);
    } finally {
      if (logger) await client.close();
    }
  }

  async invoke(client, spec, call, args, options, step, service) {
    const path = call.split('.').map(camel);
    const method = path.pop();
    let target = client;
    for (const part of path) target = target[part];
    const positional = (OBJECT_FORM.has(`${service} ${call}`) ? [] : spec.positional).filter((n) => n in args).map((n) => {
      const v = args[n];
      delete args[n];
      return v;
    });
    const kind = spec.kind;
    if (kind === 'realtime') return this.realtime(client, args, options);
    const params = service === 'platform' ? camelKeys(args) : args;
    // methods with only positional arguments (get, delete, ...) take the options right after
    const takesParams = target[method].length > positional.length + 1;
    const callArgs = takesParams || Object.keys(params).length > 0 ? [...positional, params, options] : [...positional, options];
    let answer = target[method](...callArgs);
    if (!step.raw) return this.consume(kind, answer, step.iterate);
    if (typeof answer.withResponse !== 'function') {
      answer.catch?.(() => {}); // the call runs anyway: its outcome is not this step's
      throw new Error('the call has no .withResponse()');
    }
    const { data, response } = await answer.withResponse();
    return rawData(await this.consume(kind, data, step.iterate), response);
  }

  /** What a call answered, as plain data (streams and pages read as the step says). */
  async consume(kind, answer, iterate) {
    if (kind === 'page') return this.page(answer, iterate);
    if (kind === 'tokens') {
      const tokens = [];
      for await (const t of answer) tokens.push(t);
      return { tokens, text: tokens.join(''), message_id: answer.messageId ?? null, tokens_used: answer.tokensUsed ?? null };
    }
    if (kind === 'events') {
      const events = [];
      for await (const e of answer) events.push(plain(e));
      return eventsData(events);
    }
    return plain(await answer);
  }

  /**
   * A list's answer read as the step says. `answer` is what `list()` returned (a `PagePromise`)
   * or, through `.withResponse()`, the fetched first page itself: both iterate every item of
   * every page (`for await`) and have `iterPages()`, as API.md's first page does.
   */
  async page(answer, iterate) {
    if (iterate === 'items') {
      const items = [];
      for await (const item of answer) items.push(plain(item));
      return items;
    }
    if (iterate === 'pages') {
      const pages = [];
      for await (const p of answer.iterPages()) pages.push({ data: plain(p.data) });
      return pages;
    }
    const page = await answer;
    if (iterate === 'next_page') {
      const hasNext = page.hasNextPage();
      const second = await page.getNextPage();
      return { first: plain(page.data), has_next_page: hasNext, second: plain(second.data) };
    }
    const out = { data: plain(page.data), has_next_page: page.hasNextPage() };
    if (page.summary !== undefined) out.summary = plain(page.summary);
    return out;
  }

  async realtime(client, args, options) {
    const session = await client.realtime.connect(options);
    try {
      if (!('message' in args)) return { connected: true };
      await session.sendChat(args.conversation_id, args.message);
      const events = [];
      for (;;) {
        const ev = await session.next();
        if (ev === undefined) break;
        events.push(plain(ev));
        if (ev.type === 'done' || ev.type === 'error') break;
      }
      return eventsData(events);
    } finally {
      await session.close();
    }
  }

  async special(call, args) {
    switch (call) {
      case '$webhook.listen':
        this.receiver = await startReceiver();
        return { url: this.receiver.url };
      case '$webhook.receive': {
        this.lastDelivery = await this.receiver.next();
        const { body, headers } = this.lastDelivery;
        assert.equal(webhooks.verify(body, headers['x-webhook-signature'], args.secret), undefined);
        return plain(webhooks.unwrap(body, headers, args.secret));
      }
      case '$webhook.verify': {
        const { body, headers } = this.lastDelivery;
        webhooks.verify(body, headers['x-webhook-signature'], args.secret);
        return { verified: true };
      }
      case '$error_tree':
        return errorTree();
      default:
        throw new Error(`unknown special call ${call}`);
    }
  }
}

// Checked once every scenario ran (a failing hook fails the file, as the other runners fail).
after(() => {
  const gaps = coverageGaps(OPERATIONS, ALL);
  for (const gap of gaps) console.log(`COVERAGE ${gap}`);
  if (gaps.length > 0) throw new Error(`coverage: ${gaps.join('; ')}`);
});

for (const scenario of ALL) {
  const skip = scenario.langs && !scenario.langs.includes(LANG);
  test(scenario.name, { skip }, async (t) => {
    const sandbox = await Sandbox.start({ enforceRateLimits: Boolean(scenario.sandbox?.enforce_rate_limits) });
    const run = new Run(scenario, sandbox);
    try {
      await run.run();
    } finally {
      await run.close();
      await sandbox.close();
    }
    // SCENARIOS_DUMP=DIR: the step results, to compare the three languages' answers
    if (process.env.SCENARIOS_DUMP) {
      appendFileSync(join(process.env.SCENARIOS_DUMP, `${LANG}.jsonl`), `${JSON.stringify({ name: scenario.name, steps: run.outcomes })}\n`);
    }
    if (run.known.length > 0) t.skip(`known divergence: ${run.known.join('; ')}`);
  });
}
