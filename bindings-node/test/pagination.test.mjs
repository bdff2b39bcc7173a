// A fetched page (`await client.users.list()`, or `withResponse()`'s `data`) is itself an async
// iterable over every item of its page and of every page after it, as API.md's first page is in
// Rust and Python; typed so in the shipped declarations.
import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

import { APIUserAbortError, CJHirashiAgents, ServiceUnavailableError } from '@cjhirashi/agents-sdk';
import { useSandbox } from './helpers.mjs';

const ctx = useSandbox();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every id the un-awaited list yields (the reference order). */
async function allIds(params) {
  const ids = [];
  for await (const u of ctx.admin.users.list(params)) ids.push(u.id);
  return ids;
}

/** An admin client whose debug records are kept (one per request). */
function counted() {
  const records = [];
  const logger = { debug: (m) => records.push(m), info() {}, warn() {}, error() {} };
  const client = new CJHirashiAgents({
    apiKey: ctx.sandbox.adminApiKey,
    baseURL: ctx.sandbox.platformUrl,
    logger,
    logLevel: 'debug',
  });
  return { client, pagesFetched: () => records.filter((r) => r.startsWith('users.list:')).length };
}

describe('a fetched page is async-iterable', () => {
  test('await list(): every item of every page, in order, each page fetched once', async () => {
    const want = await allIds({ limit: 100 });
    assert.ok(want.length > 7, `the sandbox has ${want.length} users`);
    const { client, pagesFetched } = counted();
    const first = await client.users.list({ limit: 7 });
    assert.equal(first.data.length, 7);
    assert.equal(first.hasNextPage(), true);
    const ids = [];
    for await (const u of first) ids.push(u.id);
    assert.deepEqual(ids, want);
    const pages = Math.ceil(want.length / 7);
    assert.equal(pagesFetched(), pages);
    // again: the same items, the following pages not fetched a second time
    const again = [];
    for await (const u of first) again.push(u.id);
    assert.deepEqual(again, want);
    assert.equal(pagesFetched(), pages);
  });

  test("withResponse()'s data iterates every item of every page", async () => {
    const want = await allIds({ limit: 100 });
    const { data, response } = await ctx.admin.users.list({ limit: 9 }).withResponse();
    assert.equal(response.status, 200);
    const ids = [];
    for await (const u of data) ids.push(u.id);
    assert.deepEqual(ids, want);
  });

  test('a later page iterates from itself on; a last page only its own items', async () => {
    const want = await allIds({ limit: 100 });
    const first = await ctx.admin.users.list({ limit: 5 });
    const second = await first.getNextPage();
    const fromSecond = [];
    for await (const u of second) fromSecond.push(u.id);
    assert.deepEqual(fromSecond, want.slice(5));
    let last = second;
    for await (const p of second.iterPages()) last = p;
    assert.equal(last.hasNextPage(), false);
    const tail = [];
    for await (const u of last) tail.push(u.id);
    assert.deepEqual(tail, last.data.map((u) => u.id));
  });

  test('the items are not an own field: the page keeps its wire fields', async () => {
    const page = await ctx.admin.users.list({ limit: 2 });
    assert.equal(typeof page[Symbol.asyncIterator], 'function');
    assert.ok(!Object.keys(page).includes('data'));
    assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(page))).sort(), Object.keys(page).sort());
  });

  test("the list's signal stops the iteration of a fetched page", async () => {
    const controller = new AbortController();
    const first = await ctx.admin.users.list({ limit: 3 }, { signal: controller.signal });
    const seen = [];
    await assert.rejects(
      (async () => {
        for await (const u of first) {
          seen.push(u.id);
          if (seen.length === 4) controller.abort();
        }
      })(),
      APIUserAbortError,
    );
    assert.equal(seen.length, 4);
  });

  test('an error answer of a following page rejects the iteration, as the class of its status', async () => {
    const first = await ctx.admin.users.list({ limit: 4 }, { maxRetries: 0 });
    // the next request of the platform service (the second page) is answered 503
    const set = await fetch(new URL('/__sandbox/faults', ctx.sandbox.platformUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 503, count: 1 }),
    });
    assert.equal(set.ok, true);
    const seen = [];
    await assert.rejects(
      (async () => {
        for await (const u of first) seen.push(u.id);
      })(),
      ServiceUnavailableError,
    );
    assert.deepEqual(seen, first.data.map((u) => u.id));
  });
});

describe('the declarations type a fetched page as an async iterable of its items', () => {
  function diagnostics(body) {
    const file = join(root, 'test', '__page_types__.ts');
    const text = `import { CJHirashiAgents } from '@cjhirashi/agents-sdk';\n${body}\n`;
    const options = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts'],
      types: ['node'],
      typeRoots: [join(root, 'node_modules', '@types')],
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const readFile = host.readFile.bind(host);
    host.getSourceFile = (name, lang, ...rest) =>
      resolve(name) === file ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, ...rest);
    host.fileExists = (name) => resolve(name) === file || fileExists(name);
    host.readFile = (name) => (resolve(name) === file ? text : readFile(name));
    const program = ts.createProgram([file], options, host);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  test('for await over an awaited page, a withResponse() page and a next page', () => {
    const found = diagnostics(`
export async function emails(client: CJHirashiAgents): Promise<string[]> {
  const out: string[] = [];
  const page = await client.users.list({ limit: 1 });
  for await (const user of page) out.push(user.email);
  const { data } = await client.users.list().withResponse();
  for await (const user of data) out.push(user.email);
  for await (const tx of await client.finance.transactions.list()) out.push(tx.id);
  const next = await page.getNextPage();
  for await (const user of next) out.push(user.email);
  return out;
}`);
    assert.deepEqual(found, []);
  });

  test('the items are typed (not any)', () => {
    const found = diagnostics(`
export async function wrong(client: CJHirashiAgents): Promise<number> {
  for await (const user of await client.users.list()) {
    const n: number = user.email;
    return n;
  }
  return 0;
}`);
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0], /not assignable to type 'number'/);
  });
});
