// Benchmark of @cjhirashi/agents-sdk against the Rust core and plain fetch (a script, not a
// test). Prints, from one run, each workload's rate for the Rust core (the agents-sdk examples
// stream_rate / small_rate / idle_streams), the SDK and the hand-written peer, with the
// SDK / Rust-core ratio beside the goal of issue 18:
//
// - token stream of N events (default 100,000): `for await` over the SDK's stream vs the Rust
//   core's typed token stream; peer fetch + eventsource-parser;
// - M sequential `agents.list()` (default 20,000) vs the Rust core on a current-thread runtime;
//   peer fetch + res.json();
// - M `agents.list()` with 32 in flight (`Promise.all` of 32 workers) vs the Rust core with 32
//   in flight; peer fetch;
// - memory of 1,000 concurrent idle token streams (embedded sandbox, `X-Sandbox-Fault:
//   stall_after=1`): RSS growth per stream, SDK vs the Rust core.
//
//   node bench/bench.mjs [--server URL] [--tokens 100000] [--requests 20000] [--runs 3]
//       [--cpu 1|none] [--suites stream,small,conc,idle] [--rust DIR] [--streams 1000]
//
// `--server URL`: a running server with the platform's wire shape, such as the shared baseline
// harness's `server` (stream hook `?n=N`); without it, an embedded sandbox (hook `?tokens=N`).
// `--cpu N` (default 1) runs every client (and the embedded sandbox) under `taskset -c N`;
// `--cpu none` does not pin. `--rust DIR`: the folder of the built examples (`cargo build
// --release -p agents-sdk --example stream_rate --example small_rate --example idle_streams`),
// by default $CARGO_TARGET_DIR or target/, then [x86_64-unknown-linux-gnu/]release/examples.
// Each client runs in a fresh child process, round-robin over --runs rounds; medians are
// printed. Every client decodes every event / body as JSON and checks the count.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..', '..');

function opt(name, def) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : def;
}

if (argv[0] === '--child') {
  await child(JSON.parse(argv[1]));
} else {
  await parent();
}

function defaultRustDir() {
  const target = process.env.CARGO_TARGET_DIR || join(root, 'target');
  for (const sub of ['x86_64-unknown-linux-gnu/release/examples', 'release/examples']) {
    if (existsSync(join(target, sub, 'stream_rate'))) return join(target, sub);
  }
  return undefined;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function pinned(cpu, cmd, args) {
  return cpu === 'none' ? [cmd, args] : ['taskset', ['-c', cpu, cmd, ...args]];
}

function run(cpu, cmd, args, env) {
  const [c, a] = pinned(cpu, cmd, args);
  const r = spawnSync(c, a, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

function results(out) {
  return out.split('\n').filter((l) => l.startsWith('RESULT ')).map((l) => l.slice(7));
}

async function parent() {
  const { Sandbox } = await import('@cjhirashi/agents-sdk/testing');
  const tokens = Number(opt('tokens', 100_000));
  const requests = Number(opt('requests', 20_000));
  const streams = Number(opt('streams', 1_000));
  const runs = Number(opt('runs', 3));
  const cpu = opt('cpu', '1');
  const rust = opt('rust', defaultRustDir());
  const suites = new Set(opt('suites', 'stream,small,conc,idle').split(','));
  const server = opt('server', undefined);
  // the embedded sandbox runs in its own process, pinned like the clients
  const sb = await startSandbox(cpu);
  const rows = {};
  const record = (name, value) => (rows[name] ??= []).push(value);
  try {
    let base;
    if (server) {
      const s = server.replace(/\/+$/, '');
      base = { server: s, url: s.endsWith('/api') ? s : `${s}/api`, key: 'bench', conv: 'conv_1', hook: 'n' };
    } else {
      base = { server: sb.platformUrl, url: sb.platformUrl, key: sb.apiKey, conv: 'conv_abc123', hook: 'tokens' };
    }
    const exe = (name) => join(rust, name);
    for (let round = 0; round < runs; round++) {
      if (suites.has('stream')) {
        if (rust) {
          const args = [base.server, String(tokens)];
          if (base.hook === 'tokens') args.unshift('--sandbox');
          const out = run(cpu, exe('stream_rate'), args, { CJHIRASHI_API_KEY: base.key });
          record('rust_stream', JSON.parse(results(out)[0]).rate);
        }
        for (const client of ['sdk', 'fetch']) {
          record(`${client}_stream`, runChild(cpu, { ...base, kind: 'stream', client, n: tokens }));
        }
      }
      for (const [suite, conc] of [['small', 1], ['conc', 32]]) {
        if (!suites.has(suite)) continue;
        if (rust) {
          const out = run(cpu, exe('small_rate'), [base.url, base.key, String(requests), String(conc)]);
          const sdk = results(out).map((l) => JSON.parse(l)).find((r) => r.client === 'agents_sdk');
          record(`rust_${suite}`, sdk.rate);
        }
        for (const client of ['sdk', 'fetch']) {
          record(`${client}_${suite}`, runChild(cpu, { ...base, kind: 'small', client, n: requests, conc }));
        }
      }
    }
    if (suites.has('idle')) {
      const cfg = { url: sb.platformUrl, key: sb.apiKey, n: streams };
      if (rust) {
        const out = run(cpu, exe('idle_streams'), ['--measure', 'sdk', cfg.url, cfg.key, String(streams)]);
        const fields = Object.fromEntries(results(out)[0].split(' ').map((kv) => kv.split('=')));
        record('rust_idle', Number(fields.per_stream_bytes));
      }
      record('sdk_idle', runChild(cpu, { ...cfg, kind: 'idle', client: 'sdk' }).rate);
    }
  } finally {
    sb.stop();
  }
  report({ rows, tokens, requests, streams, runs, cpu, server });
}

async function startSandbox(cpu) {
  // a child process, so its threads do not share this process's CPU accounting
  const code = `
    const { Sandbox } = await import('@cjhirashi/agents-sdk/testing');
    const sb = await Sandbox.start();
    console.log(JSON.stringify({ platformUrl: sb.platformUrl, apiKey: sb.apiKey }));
    process.stdin.on('end', () => sb.close().then(() => process.exit(0)));
    process.stdin.resume();`;
  const [c, a] = pinned(cpu, process.execPath, ['--input-type=module', '-e', code]);
  const proc = spawn(c, a, { stdio: ['pipe', 'pipe', 'inherit'], cwd: dirname(self) });
  const line = await new Promise((resolve, reject) => {
    let buf = '';
    proc.stdout.on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve(buf.split('\n')[0]);
    });
    proc.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return { ...JSON.parse(line), stop: () => proc.stdin.end() };
}

function runChild(cpu, spec) {
  const out = run(cpu, process.execPath, [self, '--child', JSON.stringify(spec)]);
  return JSON.parse(out.trim().split('\n').at(-1));
}

function report({ rows, tokens, requests, streams, runs, cpu, server }) {
  const med = (name) => median(rows[name].map((r) => (typeof r === 'number' ? r : r.rate)));
  const rss = (name) => median(rows[name].map((r) => (typeof r === 'number' ? 0 : r.maxRssMB)));
  const has = (name) => name in rows;
  const rate = (r) => (typeof r === 'number' ? r : r.rate);
  // the SDK / Rust core ratio of each round (the two ran back to back, so a slow phase of a
  // shared machine slows both), then their median and spread
  const paired = (name, core) => rows[name].map((r, i) => rate(r) / rate(rows[core][i]));
  const fmt = (x) => Math.round(x).toLocaleString('en-US');
  const goals = [];
  const where = server ? `server ${server}` : 'embedded sandbox';
  console.log(`\n${where}; ${cpu === 'none' ? 'unpinned' : `clients pinned to CPU ${cpu}`}; median of ${runs} round(s)`);
  const table = (title, unit, core, label, target, sdk, peer, peerLabel) => {
    console.log(`\n${title}`);
    console.log(`| client | ${unit} | vs Rust core | peak RSS MB |\n|---|---:|---:|---:|`);
    if (has(core)) console.log(`| Rust core | ${fmt(med(core))} | 1.00x | - |`);
    for (const [name, text] of [[sdk, '@cjhirashi/agents-sdk'], [peer, peerLabel]]) {
      const vs = has(core) ? `${median(paired(name, core)).toFixed(2)}x` : '-';
      console.log(`| ${text} | ${fmt(med(name))} | ${vs} | ${rss(name).toFixed(0)} |`);
    }
    console.log(`SDK / ${peerLabel}: ${(med(sdk) / med(peer)).toFixed(1)}x`);
    if (has(core)) {
      const ratios = paired(sdk, core);
      const ratio = median(ratios);
      const spread = `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}x`;
      goals.push(`| ${label} | ${ratio.toFixed(2)}x | ${spread} | >= ${target}x | ${ratio >= target ? 'yes' : 'NO'} |`);
    }
  };
  if (has('sdk_stream')) {
    table(`token stream, ${fmt(tokens)} events`, 'tokens/s', 'rust_stream', 'Node stream, for await', 0.5,
      'sdk_stream', 'fetch_stream', 'fetch + eventsource-parser');
  }
  if (has('sdk_small')) {
    table(`sequential agents.list(), ${fmt(requests)} requests`, 'req/s', 'rust_small',
      'Node sequential requests', 0.6, 'sdk_small', 'fetch_small', 'fetch');
  }
  if (has('sdk_conc')) {
    table(`agents.list(), 32 in flight, ${fmt(requests)} requests`, 'req/s', 'rust_conc',
      'Node 32 in flight (Promise.all)', 0.7, 'sdk_conc', 'fetch_conc', 'fetch');
  }
  if (has('sdk_idle')) {
    console.log(`\n${fmt(streams)} idle token streams held at once (RSS growth per stream)`);
    console.log('| client | KiB per stream |\n|---|---:|');
    if (has('rust_idle')) console.log(`| Rust core | ${(med('rust_idle') / 1024).toFixed(1)} |`);
    const kib = med('sdk_idle') / 1024;
    console.log(`| @cjhirashi/agents-sdk | ${kib.toFixed(1)} |`);
    goals.push(`| Node idle stream | ${kib.toFixed(1)} KiB | - | < 64 KiB | ${kib < 64 ? 'yes' : 'NO'} |`);
  }
  if (goals.length) {
    console.log(
      '\ngoals (issue 18): each ratio is the median of the rounds\' own SDK / Rust core ratios (the two ' +
        'run back to back); the spread is the lowest and highest round',
    );
    console.log('| goal | measured | spread | target | met |\n|---|---:|---:|---:|---|');
    console.log(goals.join('\n'));
  }
}

function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
}

function rssBytes() {
  const status = readFileSync('/proc/self/status', 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
}

async function child(spec) {
  // module loading is start-up, not streaming: each child imports what it uses before timing
  const mods = {
    sdk: spec.client === 'sdk' ? await import('@cjhirashi/agents-sdk') : null,
    parser: spec.client === 'fetch' && spec.kind === 'stream' ? await import('eventsource-parser') : null,
  };
  if (spec.kind === 'idle') {
    console.log(JSON.stringify({ rate: await idleSdk(spec, mods), maxRssMB: 0 }));
    return;
  }
  // as in the Python benchmark and the Rust core's examples, the client is made before timing
  const client =
    spec.client === 'sdk' ? new mods.sdk.CJHirashiAgents({ apiKey: spec.key, baseURL: spec.url }) : null;
  const t0 = process.hrtime.bigint();
  if (spec.kind === 'stream') await (client ? streamSdk(spec, client) : streamFetch(spec, mods));
  else await (client ? smallSdk(spec, client) : smallFetch(spec));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, rate: spec.n / seconds, maxRssMB }));
}

async function streamSdk({ n, conv, hook }, client) {
  const stream = client.conversations.sendMessage(conv, 'Hello, benchmark!', { query: { [hook]: n } });
  let count = 0;
  let chars = 0;
  for await (const token of stream) {
    count++;
    chars += token.length;
  }
  check(count === n, `${count} tokens`);
  check(chars > 0 && stream.messageId && stream.tokensUsed >= n, 'done event');
}

async function streamFetch({ url, key, n, conv, hook }, mods) {
  const { createParser } = mods.parser;
  let count = 0;
  let chars = 0;
  let done = null;
  const parser = createParser({
    onEvent(ev) {
      if (ev.event === 'token') {
        count++;
        chars += JSON.parse(ev.data).token.length;
      } else if (ev.event === 'done') {
        done = JSON.parse(ev.data);
      }
    },
  });
  const res = await fetch(`${url}/conversations/${conv}/messages?${hook}=${n}`, {
    method: 'POST',
    body: JSON.stringify({ content: 'Hello, benchmark!' }),
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'text/event-stream' },
  });
  check(res.status === 200, `HTTP ${res.status}`);
  const decoder = new TextDecoder();
  for await (const chunk of res.body) parser.feed(decoder.decode(chunk, { stream: true }));
  parser.feed(decoder.decode());
  check(count === n, `${count} tokens`);
  check(chars > 0 && done && done.tokensUsed >= n, 'done event');
}

async function smallSdk({ n, conc }, client) {
  let remaining = n;
  const worker = async () => {
    while (remaining > 0) {
      remaining--;
      const agents = await client.agents.list();
      check(agents.length > 0, 'agents');
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
}

async function smallFetch({ url, key, n, conc }) {
  let remaining = n;
  const headers = { authorization: `Bearer ${key}` };
  const worker = async () => {
    while (remaining > 0) {
      remaining--;
      const res = await fetch(`${url}/agents`, { headers });
      check(res.status === 200, `HTTP ${res.status}`);
      const { data } = await res.json();
      check((data.agents ?? data).length > 0, 'agents');
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
}

// Opens n stalled token streams with one client, reads the first token of each and keeps them
// open; answers the RSS growth per stream in bytes.
async function idleSdk({ url, key, n }, mods) {
  const { CJHirashiAgents } = mods.sdk;
  const client = new CJHirashiAgents({ apiKey: key, baseURL: url });
  const headers = { 'X-Sandbox-Fault': 'stall_after=1' };
  const openOne = async () => {
    const stream = client.conversations.sendMessage('conv_abc123', 'idle', { headers });
    const it = stream[Symbol.asyncIterator]();
    const first = await it.next();
    check(!first.done, 'a first token');
    return it;
  };
  const openMany = async (count) => {
    const held = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        held.push(await openOne());
      }
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    return held;
  };
  // warm-up: runtime, pool and allocator have their first allocations behind them
  for (const it of await openMany(50)) await it.return();
  globalThis.gc?.();
  await new Promise((r) => setTimeout(r, 200));
  const before = rssBytes();
  const held = await openMany(n);
  await new Promise((r) => setTimeout(r, 200));
  const after = rssBytes();
  check(held.length === n, `${held.length} streams`);
  for (const it of held) await it.return();
  return Math.max(after - before, 0) / n;
}
