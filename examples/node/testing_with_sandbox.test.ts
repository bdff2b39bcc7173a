// Testing your own code with the sandbox: `node --test` with one sandbox for the file and a
// client per test.
//
//   scripts/examples.sh node testing_with_sandbox   (from the repository root: compiles, then runs
//                                                   node --test on it)
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { CJHirashiAgents, ServiceUnavailableError } from "@cjhirashi/agents-sdk";
import { Sandbox } from "@cjhirashi/agents-sdk/testing";

/** The code under test: the total spent (as a positive amount, in cents) over every transaction. */
export async function totalSpentCents(client: CJHirashiAgents): Promise<number> {
  let cents = 0;
  for await (const tx of client.finance.transactions.list({ limit: 100 })) {
    // amounts are JSON numbers with two decimals: sum whole cents to stay exact
    if (tx.amount < 0) cents += Math.round(-tx.amount * 100);
  }
  return cents;
}

let sandbox: Sandbox;
before(async () => {
  // Both services on free local ports, in this process; stopped after the file's tests.
  sandbox = await Sandbox.start();
});
after(() => sandbox.close());

/** A client of the sandbox's demo user; maxRetries 0: a test should see a failure at once. */
const clientFor = (options: { defaultHeaders?: Record<string, string> } = {}) =>
  new CJHirashiAgents({ apiKey: sandbox.apiKey, baseURL: sandbox.platformUrl, maxRetries: 0, ...options });

test("totalSpentCents adds every expense", async () => {
  const client = clientFor();
  const before = await totalSpentCents(client);
  await client.finance.transactions.create({ accountId: "acc_001", amount: -12.34, description: "Café" });
  assert.equal((await totalSpentCents(client)) - before, 1234);
});

test("totalSpentCents reports an outage", async () => {
  // The sandbox's fault injection makes every request of this client fail with a 503.
  const failing = clientFor({ defaultHeaders: { "X-Sandbox-Fault": "status=503" } });
  await assert.rejects(totalSpentCents(failing), ServiceUnavailableError);
});
