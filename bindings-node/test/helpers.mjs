// Shared setup of the test files: one embedded sandbox per file, clients pointed at it, and a
// node:http webhook receiver.
import { createServer } from 'node:http';
import { after, before } from 'node:test';

import { AgentClient, CJHirashiAgents } from '@cjhirashi/agents-sdk';
import { Sandbox } from '@cjhirashi/agents-sdk/testing';

/** Starts a sandbox for the calling test file; the fields fill in before the tests run. */
export function useSandbox() {
  const ctx = {};
  before(async () => {
    ctx.sandbox = await Sandbox.start();
    ctx.platform = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl });
    ctx.admin = new CJHirashiAgents({ apiKey: ctx.sandbox.adminApiKey, baseURL: ctx.sandbox.platformUrl });
    ctx.ops = new AgentClient({ apiKey: ctx.sandbox.opsApiKey, baseURL: ctx.sandbox.opsUrl });
  });
  after(async () => {
    await ctx.sandbox?.close();
  });
  return ctx;
}

/** A `X-Sandbox-Fault` header as per-request options. */
export function fault(spec, extra = {}) {
  return { ...extra, headers: { ...(extra.headers ?? {}), 'X-Sandbox-Fault': spec } };
}

/** A unique fault group id, so `count=` faults of different tests do not share a counter. */
let faultSeq = 0;
export function faultId(name) {
  faultSeq += 1;
  return `${name}-${process.pid}-${faultSeq}-${Date.now()}`;
}

/**
 * A webhook receiver on 127.0.0.1: `url`, `next()` resolves with the next delivery
 * `{ body: Buffer, headers }`, `close()`.
 */
export async function webhookReceiver() {
  const queue = [];
  const waiters = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      const d = { body: Buffer.concat(chunks), headers: req.headers, url: req.url };
      const w = waiters.shift();
      if (w) w(d);
      else queue.push(d);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    next(timeoutMs = 5000) {
      const d = queue.shift();
      if (d) return Promise.resolve(d);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no webhook delivery in time')), timeoutMs);
        waiters.push((x) => {
          clearTimeout(t);
          resolve(x);
        });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
