// Starts the embedded sandbox and runs the compiled seed snippet (seed-snippet.js, next to this
// file) in a child process with CJHIRASHI_API_KEY / CJHIRASHI_BASE_URL pointing at it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Sandbox } from '@cjhirashi/agents-sdk/testing';

const here = dirname(fileURLToPath(import.meta.url));
const sandbox = await Sandbox.start();
try {
  const r = spawnSync(process.execPath, [join(here, 'seed-snippet.js')], {
    env: { ...process.env, CJHIRASHI_API_KEY: sandbox.apiKey, CJHIRASHI_BASE_URL: sandbox.platformUrl },
    encoding: 'utf8',
  });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.status !== 0) throw new Error(`seed snippet exited with ${r.status}`);
} finally {
  await sandbox.close();
}
