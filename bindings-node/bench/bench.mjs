// Benchmark of @cjhirashi/agents-sdk against plain fetch, on one embedded sandbox.
//
//   node bench/bench.mjs [--tokens 100000] [--requests 20000] [--concurrency 32] [--repeat 3]
//
// Workloads: streaming N tokens (tokens/s; the SDK passes `?tokens=N` with the per-request
// `query` option, the baseline puts it in the URL and parses with eventsource-parser), M small
// GETs sequentially and C at a time (requests/s). Each client runs in its own child process so
// its peak RSS (process.resourceUsage().maxRSS) is its own; the best rate of --repeat runs and
// the highest peak RSS are reported.
// A script, not a test: it prints a table and the SDK/baseline ratios.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);

function arg(name, def) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : def;
}

if (argv[0] === '--child') {
  await child(JSON.parse(argv[1]));
} else {
  await parent();
}

async function parent() {
  const { Sandbox } = await import('@cjhirashi/agents-sdk/testing');
  const tokens = arg('tokens', 100_000);
  const requests = arg('requests', 20_000);
  const concurrency = arg('concurrency', 32);
  const repeat = arg('repeat', 3);
  const sandbox = await Sandbox.start();
  const base = { url: sandbox.platformUrl, key: sandbox.apiKey };
  const jobs = [
    { name: `stream ${tokens} tokens`, unit: 'tokens/s', kind: 'stream', n: tokens },
    { name: `${requests} GETs sequential`, unit: 'req/s', kind: 'small', n: requests, conc: 1 },
    { name: `${requests} GETs ${concurrency} at a time`, unit: 'req/s', kind: 'small', n: requests, conc: concurrency },
  ];
  const rows = [];
  try {
    for (const job of jobs) {
      for (const client of ['sdk', 'fetch']) {
        let best;
        let peak = 0;
        for (let r = 0; r < repeat; r++) {
          const res = runChild({ ...base, ...job, client });
          peak = Math.max(peak, res.maxRssMB);
          if (!best || res.rate > best.rate) best = res;
        }
        best = { ...best, maxRssMB: peak };
        rows.push({ job, client, ...best });
        process.stderr.write(`${job.name} ${client}: ${best.rate.toFixed(0)} ${job.unit}\n`);
      }
    }
  } finally {
    await sandbox.close();
  }

  const label = { sdk: '@cjhirashi/agents-sdk', fetch: 'fetch (+ eventsource-parser)' };
  console.log('\n| workload | client | seconds | rate | peak RSS (MB) |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.job.name} | ${label[r.client]} | ${r.seconds.toFixed(3)} | ${r.rate.toFixed(0)} ${r.job.unit} | ${r.maxRssMB.toFixed(1)} |`);
  }
  console.log('\n| workload | SDK / fetch throughput | SDK / fetch peak RSS |');
  console.log('|---|---:|---:|');
  for (const job of jobs) {
    const s = rows.find((r) => r.job === job && r.client === 'sdk');
    const f = rows.find((r) => r.job === job && r.client === 'fetch');
    console.log(`| ${job.name} | ${(s.rate / f.rate).toFixed(2)}x | ${(s.maxRssMB / f.maxRssMB).toFixed(2)}x |`);
  }
}

function runChild(spec) {
  const r = spawnSync(process.execPath, [self, '--child', JSON.stringify(spec)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child ${spec.client} ${spec.kind} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

async function child(spec) {
  // module loading is start-up, not streaming: each child imports what it uses before timing
  const mods = {
    sdk: spec.client === 'sdk' ? await import('@cjhirashi/agents-sdk') : null,
    parser: spec.client === 'fetch' && spec.kind === 'stream' ? await import('eventsource-parser') : null,
  };
  const t0 = process.hrtime.bigint();
  if (spec.kind === 'stream') await (spec.client === 'sdk' ? streamSdk(spec, mods) : streamFetch(spec, mods));
  else await (spec.client === 'sdk' ? smallSdk(spec, mods) : smallFetch(spec));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, rate: spec.n / seconds, maxRssMB }));
}

function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
}

async function streamSdk({ url, key, n }, mods) {
  const { CJHirashiAgents } = mods.sdk;
  const client = new CJHirashiAgents({ apiKey: key, baseURL: url });
  const stream = client.conversations.sendMessage('conv_abc123', 'Hello, benchmark!', { query: { tokens: n } });
  let count = 0;
  let chars = 0;
  for await (const token of stream) {
    count++;
    chars += token.length;
  }
  check(count === n, `${count} tokens`);
  check(chars > 0 && stream.messageId && stream.tokensUsed >= n, 'done event');
}

async function streamFetch({ url, key, n }, mods) {
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
  const res = await fetch(`${url}/conversations/conv_abc123/messages?tokens=${n}`, {
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

async function smallSdk({ url, key, n, conc }, mods) {
  const { CJHirashiAgents } = mods.sdk;
  const client = new CJHirashiAgents({ apiKey: key, baseURL: url });
  let remaining = n;
  const worker = async () => {
    while (remaining > 0) {
      remaining--;
      const { agents } = await client.agents.list();
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
      check(data.agents.length > 0, 'agents');
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
}
