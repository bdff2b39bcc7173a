// `proxy` and `caBundle` on the wire: a local HTTP proxy (raw sockets: records each
// connection's request head, forwards absolute-form requests, tunnels CONNECT) and a TLS front
// (node:tls with the committed test CA of tests/fixtures/tls) before the embedded sandbox.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { AgentClient, APIConnectionError, CJHirashiAgents } from '@cjhirashi/agents-sdk';

import { useSandbox } from './helpers.mjs';

const ctx = useSandbox();
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures', 'tls');

function hostPort(url) {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port) };
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

/** A tiny HTTP proxy on 127.0.0.1: `url`, `lines()` (first line of each connection's head), `close()`. */
async function startProxy() {
  const heads = [];
  const sockets = new Set();
  const server = createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => {});
    let buf = Buffer.alloc(0);
    const onData = (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      sock.off('data', onData);
      sock.pause();
      const head = buf.subarray(0, end + 4);
      const rest = buf.subarray(end + 4);
      const text = head.toString('latin1');
      heads.push(text);
      const [method, target] = text.split('\r\n', 1)[0].split(' ');
      const dest = method === 'CONNECT' ? target : new URL(target).host;
      const i = dest.lastIndexOf(':');
      const up = connect(Number(dest.slice(i + 1)), dest.slice(0, i));
      sockets.add(up);
      up.on('close', () => sockets.delete(up));
      up.on('error', () => sock.destroy());
      up.on('connect', () => {
        if (method === 'CONNECT') sock.write('HTTP/1.1 200 Connection established\r\n\r\n');
        else up.write(head);
        if (rest.length) up.write(rest);
        sock.pipe(up);
        up.pipe(sock);
        sock.resume();
      });
    };
    sock.on('data', onData);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    lines: () => heads.map((h) => h.split('\r\n', 1)[0]),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** TLS on 127.0.0.1 with the fixture certificate, forwarding to `backend` ({host, port}). */
async function tlsFront(backend) {
  const sockets = new Set();
  const server = createTlsServer(
    { cert: readFileSync(join(fixtures, 'server.pem')), key: readFileSync(join(fixtures, 'server-key.pem')) },
    (tls) => {
      const up = connect(backend.port, backend.host);
      for (const s of [tls, up]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {});
      }
      tls.pipe(up);
      up.pipe(tls);
    },
  );
  server.on('tlsClientError', () => {});
  const port = await listen(server);
  return {
    port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function chatToDone(client) {
  const session = await client.realtime.connect();
  await session.sendChat(null, 'Lista las instancias EC2');
  let last;
  for await (const ev of session) {
    last = ev.type;
    if (ev.type === 'done') break;
  }
  await session.close();
  assert.equal(last, 'done');
}

describe('proxy', () => {
  test('platform calls, ops calls and the realtime WebSocket go through it', async () => {
    const proxy = await startProxy();
    try {
      const { host, port } = hostPort(ctx.sandbox.platformUrl);
      const client = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl, proxy: proxy.url });
      await client.agents.list();
      assert.ok(proxy.lines().some((l) => l.startsWith(`GET http://${host}:${port}/api/agents`)), String(proxy.lines()));

      const ops = hostPort(ctx.sandbox.opsUrl);
      const agent = await AgentClient.login({
        baseURL: ctx.sandbox.opsUrl,
        username: ctx.sandbox.username,
        password: ctx.sandbox.password,
        proxy: proxy.url,
      });
      // the proxy records the first request of each connection: here the login
      assert.ok(proxy.lines().some((l) => l.startsWith(`POST http://${ops.host}:${ops.port}/api/auth/login`)), String(proxy.lines()));
      await agent.metrics.get();
      await chatToDone(agent);
      assert.ok(proxy.lines().includes(`CONNECT ${ops.host}:${ops.port} HTTP/1.1`), String(proxy.lines()));
    } finally {
      await proxy.close();
    }
  });

  test('a dead proxy fails the call and the WebSocket', async () => {
    const dead = createServer();
    const port = await listen(dead);
    await new Promise((resolve) => dead.close(() => resolve()));
    const url = `http://127.0.0.1:${port}`;
    const client = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL: ctx.sandbox.platformUrl, proxy: url, maxRetries: 0 });
    await assert.rejects(client.agents.list(), APIConnectionError);
    const agent = new AgentClient({ apiKey: ctx.sandbox.opsApiKey, baseURL: ctx.sandbox.opsUrl, proxy: url });
    await assert.rejects(agent.realtime.connect(), APIConnectionError);
  });

  test('a bad proxy URL or type is a TypeError at construction', () => {
    for (const bad of ['localhost:3128', 'socks5://127.0.0.1:1080', 'http://', '::']) {
      assert.throws(() => new CJHirashiAgents({ apiKey: 'k', proxy: bad }), TypeError);
      assert.throws(() => new AgentClient({ apiKey: 'k', proxy: bad }), TypeError);
    }
    assert.throws(() => new CJHirashiAgents({ apiKey: 'k', proxy: 3128 }), TypeError);
  });
});

describe('caBundle', () => {
  test('HTTPS and the WebSocket need it; it also works through the proxy', async () => {
    const platform = await tlsFront(hostPort(ctx.sandbox.platformUrl));
    const ops = await tlsFront(hostPort(ctx.sandbox.opsUrl));
    const proxy = await startProxy();
    try {
      const baseURL = `https://localhost:${platform.port}/api`;
      const untrusted = new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL, maxRetries: 0 });
      await assert.rejects(untrusted.agents.list(), (e) => e instanceof APIConnectionError && /certificate/.test(e.message));
      const caBundle = join(fixtures, 'ca.pem');
      await new CJHirashiAgents({ apiKey: ctx.sandbox.apiKey, baseURL, caBundle }).agents.list();

      const opsURL = `https://127.0.0.1:${ops.port}`;
      const plain = new AgentClient({ apiKey: ctx.sandbox.opsApiKey, baseURL: opsURL });
      await assert.rejects(plain.realtime.connect(), (e) => e instanceof APIConnectionError && /certificate/.test(e.message));
      const agent = new AgentClient({ apiKey: ctx.sandbox.opsApiKey, baseURL: opsURL, caBundle });
      await agent.metrics.get();
      await chatToDone(agent);
      // TLS inside the proxy's tunnel, settings carried by withOptions
      await chatToDone(agent.withOptions({ proxy: proxy.url }));
      assert.ok(proxy.lines().includes(`CONNECT 127.0.0.1:${ops.port} HTTP/1.1`), String(proxy.lines()));
    } finally {
      await Promise.all([platform.close(), ops.close(), proxy.close()]);
    }
  });

  test('a missing or non-PEM file is a TypeError at construction', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agents-sdk-net-'));
    try {
      assert.throws(() => new CJHirashiAgents({ apiKey: 'k', caBundle: join(dir, 'missing.pem') }), (e) => e instanceof TypeError && /could not read/.test(e.message));
      const notPem = join(dir, 'not.pem');
      writeFileSync(notPem, 'just some text\n');
      assert.throws(() => new AgentClient({ apiKey: 'k', caBundle: notPem }), (e) => e instanceof TypeError && /no PEM certificate/.test(e.message));
      assert.throws(() => new CJHirashiAgents({ apiKey: 'k', caBundle: 42 }), TypeError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
