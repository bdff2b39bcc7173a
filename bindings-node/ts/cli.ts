#!/usr/bin/env node
/**
 * `agents-sandbox` (`npx agents-sandbox`): serves both services in memory, with the demo data
 * of the API reference, until Ctrl-C (or SIGTERM), and prints the environment variables the
 * clients read, so code written for the real services runs against it unchanged.
 *
 *   agents-sandbox [--platform-port N] [--ops-port N] [--enforce-rate-limits] [--json]
 */

import { parseArgs } from 'node:util';
import { Sandbox } from './testing';

const USAGE = `usage: agents-sandbox [--platform-port N] [--ops-port N] [--enforce-rate-limits] [--json]

Serves both services (platform and ops) in memory until Ctrl-C, with the demo data of the API
reference, and prints the environment variables the clients read: set them in another shell
and run your code there.

  --platform-port N       platform port (default 3000; 0: any free port)
  --ops-port N            ops port (default 8000; 0: any free port)
  --enforce-rate-limits   answer 429 once over a rate limit
  --json                  print one JSON object instead`;

/** A port argument: an integer from 0 to 65535. */
function port(name: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new RangeError(`--${name} must be an integer from 0 to 65535, got ${text}`);
  return n;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'platform-port': { type: 'string', default: '3000' },
        'ops-port': { type: 'string', default: '8000' },
        'enforce-rate-limits': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`agents-sandbox: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let sandbox: Sandbox;
  try {
    sandbox = await Sandbox.start({
      platformPort: port('platform-port', values['platform-port']),
      opsPort: port('ops-port', values['ops-port']),
      enforceRateLimits: values['enforce-rate-limits'],
    });
  } catch (e) {
    process.stderr.write(`agents-sandbox: ${(e as Error).message}\n`);
    return e instanceof RangeError ? 2 : 1;
  }
  const facts = {
    platform_url: sandbox.platformUrl,
    api_key: sandbox.apiKey,
    admin_api_key: sandbox.adminApiKey,
    ops_url: sandbox.opsUrl,
    ops_api_key: sandbox.opsApiKey,
    username: sandbox.username,
    password: sandbox.password,
  };
  process.stdout.write(
    values.json
      ? `${JSON.stringify(facts)}\n`
      : [
          '# agents-sandbox is running (Ctrl-C to stop); in another shell:',
          `export CJHIRASHI_BASE_URL=${facts.platform_url}`,
          `export CJHIRASHI_API_KEY=${facts.api_key}`,
          `export AGENT_BASE_URL=${facts.ops_url}`,
          `export AGENT_API_KEY=${facts.ops_api_key}`,
          `# platform admin API key: ${facts.admin_api_key}`,
          `# ops login: username ${facts.username}, password ${facts.password}`,
          '',
        ].join('\n'),
  );
  // the servers run on the native runtime's threads, which do not keep Node's event loop
  // alive: a timer does, until a signal
  const alive = setInterval(() => {}, 1 << 30);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(alive);
  await sandbox.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`agents-sandbox: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
