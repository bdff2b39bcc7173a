// Where a small request's CPU goes, thread by thread (a script, not a test): N sequential
// `agents.list()` against a running platform-shaped server, then each thread's user and system
// CPU per request and its voluntary context switches per request, from /proc/self/task (Linux).
//
//   node bench/thread_cpu.mjs [URL] [N]      (default http://127.0.0.1:8787/api 20000)
//
// Run it pinned beside the server (`taskset -c 1`) as bench.mjs does. It is how the cost of
// the JavaScript thread and of the runtime's worker were told apart (docs/performance.md).
import { readFileSync, readdirSync } from 'node:fs';

import { CJHirashiAgents } from '@cjhirashi/agents-sdk';

const url = process.argv[2] ?? 'http://127.0.0.1:8787/api';
const n = Number(process.argv[3] ?? 20_000);
const client = new CJHirashiAgents({ apiKey: 'bench', baseURL: url });

function threads() {
  const out = {};
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/self/task/${tid}/status`, 'utf8');
    out[tid] = {
      name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      user: Number(fields[11]),
      system: Number(fields[12]),
      switches: Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)[1]),
    };
  }
  return out;
}

await client.agents.list();
const before = threads();
const t0 = process.hrtime.bigint();
for (let i = 0; i < n; i++) await client.agents.list();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const after = threads();
const tick = 1e6 / 100; // µs per clock tick (USER_HZ = 100)
console.log(`${n} sequential agents.list(): ${(n / seconds).toFixed(0)} req/s`);
console.log('| thread | user µs/req | system µs/req | voluntary switches/req |\n|---|---:|---:|---:|');
for (const [tid, t] of Object.entries(after)) {
  const b = before[tid] ?? { user: 0, system: 0, switches: 0 };
  const user = ((t.user - b.user) * tick) / n;
  const system = ((t.system - b.system) * tick) / n;
  if (user + system < 0.5) continue;
  console.log(`| ${t.name} | ${user.toFixed(1)} | ${system.toFixed(1)} | ${((t.switches - b.switches) / n).toFixed(2)} |`);
}
