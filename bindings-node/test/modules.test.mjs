// The package loads as an ES module and as CommonJS, through its exports map, and both share
// one set of classes.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import * as esm from '@cjhirashi/agents-sdk';
import { Sandbox as EsmSandbox } from '@cjhirashi/agents-sdk/testing';

const require = createRequire(import.meta.url);

const PUBLIC = [
  'CJHirashiAgents', 'AgentClient', 'webhooks', 'APIError', 'BadRequestError', 'AuthenticationError',
  'PermissionDeniedError', 'NotFoundError', 'ConflictError', 'RateLimitError', 'InternalServerError',
  'ServiceUnavailableError', 'APIConnectionError', 'APITimeoutError', 'IncompleteStreamError',
  'DecodeError', 'WebhookVerificationError', 'APIUserAbortError',
];

test('ESM import exposes the public names', () => {
  for (const name of PUBLIC) assert.ok(esm[name], `missing ${name}`);
  assert.equal(typeof EsmSandbox.start, 'function');
  assert.equal(typeof esm.webhooks.verify, 'function');
});

test('CommonJS require exposes the same objects', () => {
  const cjs = require('@cjhirashi/agents-sdk');
  for (const name of PUBLIC) assert.equal(cjs[name], esm[name], `${name} differs between require and import`);
  assert.equal(require('@cjhirashi/agents-sdk/testing').Sandbox, EsmSandbox);
});

test('every exported class of the CJS build is in the ESM entry', () => {
  const cjs = require('@cjhirashi/agents-sdk');
  for (const name of Object.keys(cjs)) assert.ok(name in esm, `${name} is not re-exported by esm/index.mjs`);
});

test('instanceof works across module systems', () => {
  const cjs = require('@cjhirashi/agents-sdk');
  const e = new cjs.NotFoundError('x');
  assert.ok(e instanceof esm.APIError);
  assert.ok(e instanceof esm.NotFoundError);
  assert.equal(e.name, 'NotFoundError');
});

test('a CommonJS program runs against the sandbox', async () => {
  const { spawnSync } = await import('node:child_process');
  const script = `
    const { CJHirashiAgents } = require('@cjhirashi/agents-sdk');
    const { Sandbox } = require('@cjhirashi/agents-sdk/testing');
    (async () => {
      const sb = await Sandbox.start();
      const c = new CJHirashiAgents({ apiKey: sb.apiKey, baseURL: sb.platformUrl });
      const agents = await c.agents.list();
      let text = '';
      for await (const t of c.conversations.sendMessage('conv_abc123', 'Hola')) text += t;
      await sb.close();
      console.log(JSON.stringify({ n: agents.length, ok: text.length > 0 }));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: new URL('..', import.meta.url), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim());
  assert.ok(out.n > 0);
  assert.equal(out.ok, true);
});

test('the agents-sandbox command serves both services until SIGTERM', async () => {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const pkg = require('../package.json');
  const cli = fileURLToPath(new URL(`../${pkg.bin['agents-sandbox']}`, import.meta.url));
  const child = spawn(process.execPath, [cli, '--platform-port', '0', '--ops-port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let out = '';
  for await (const chunk of child.stdout) {
    out += chunk;
    if (out.includes('\n')) break;
  }
  const facts = JSON.parse(out.split('\n')[0]);
  const client = new esm.CJHirashiAgents({ apiKey: facts.api_key, baseURL: facts.platform_url });
  assert.ok((await client.agents.list()).length > 0);
  const ops = new esm.AgentClient({ apiKey: facts.ops_api_key, baseURL: facts.ops_url });
  assert.ok((await ops.tools.list()).length > 0);
  child.kill('SIGTERM');
  assert.deepEqual(await exited, { code: 0, signal: null });

  const bad = spawn(process.execPath, [cli, '--ops-port', '70000'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const { once } = await import('node:events');
  const badExit = once(bad, 'exit');
  let err = '';
  for await (const chunk of bad.stderr) err += chunk;
  const [code] = await badExit;
  assert.equal(code, 2);
  assert.match(err, /--ops-port must be an integer from 0 to 65535/);
});
