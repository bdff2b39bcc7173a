// Errors, retries, timeouts and rate limits. The sandbox's fault injection (the
// X-Sandbox-Fault header) plays the failing server.
//
//   scripts/examples.sh node errors_and_retries   (from the repository root: compiles, then runs it)
import { setTimeout as sleep } from "node:timers/promises";

import {
  APITimeoutError,
  CJHirashiAgents,
  IncompleteStreamError,
  NotFoundError,
  RateLimitError,
  ServiceUnavailableError,
} from "@cjhirashi/agents-sdk";
import { Sandbox } from "@cjhirashi/agents-sdk/testing";

/** Headers that make the sandbox misbehave for one call. */
const fault = (spec: string) => ({ "X-Sandbox-Fault": spec });

/** Runs `call`, expecting it to fail with an error of class `cls`, and returns that error. */
async function expectError<E extends Error>(cls: new (...args: never[]) => E, call: () => Promise<unknown>): Promise<E> {
  try {
    await call();
  } catch (err) {
    if (err instanceof cls) return err;
    throw err;
  }
  throw new Error(`expected ${cls.name}`);
}

const sandbox = await Sandbox.start();
const client = new CJHirashiAgents({
  apiKey: sandbox.apiKey,
  baseURL: sandbox.platformUrl,
  maxRetries: 2, // the default: two retries after the first attempt
  timeout: 30_000, // milliseconds: the deadline of a whole call, retries included
});

// 1. An error answer rejects with the class of its status, with the code, the message and the
//    request id to quote when reporting a problem.
try {
  await client.agents.get("agt_does_not_exist");
} catch (err) {
  if (!(err instanceof NotFoundError)) throw err;
  console.log(`1. ${err.status} ${err.code}: ${err.message} (request ${err.requestId})`);
}

// 2. Retries are automatic for what a retry can fix (connection errors, 408, 429, 5xx): the
//    first two attempts get a 503 and the third succeeds. `withResponse()` tells how it went.
const { data: agents, response } = await client.agents
  .list({}, { headers: fault("status=503;count=2;retry_after=0;id=example-retry") })
  .withResponse();
console.log(`2. ${agents.length} agents, after ${response.attempts} attempts`);

// 3. With retries off (per call here, or `maxRetries: 0` on the client) the 503 reaches you.
const unavailable = await expectError(ServiceUnavailableError, () =>
  client.agents.list({}, { headers: fault("status=503"), maxRetries: 0 }),
);
console.log(`3. no retries: ${unavailable.message}`);

// 4. Timeouts: this call may take 200 ms and the server takes 2 s. APITimeoutError is an
//    APIConnectionError, so one `instanceof APIConnectionError` covers both.
const timedOut = await expectError(APITimeoutError, () =>
  client.agents.list({}, { headers: fault("latency=2000"), timeout: 200 }),
);
console.log(`4. timed out: ${timedOut.message}`);

// 5. Rate limits: a 429 carries Retry-After and the limit headers. The SDK waits and retries
//    by itself; with retries off, wait as the server asks and try again.
const limited = await expectError(RateLimitError, () =>
  client.agents.list({}, { headers: fault("status=429;retry_after=1"), maxRetries: 0 }),
);
const wait = limited.retryAfter ?? 1;
console.log(`5. rate limited (remaining ${limited.remaining}): waiting ${wait} s`);
await sleep(wait * 1000);
console.log(`   then ${(await client.agents.list()).length} agents`);

// 6. A stream that stops before its `done` event rejects, never returns a short answer.
const conversation = await client.conversations.create({ agentId: "agt_personal_001" });
let received = "";
const cut = await expectError(IncompleteStreamError, async () => {
  for await (const token of conversation.sendMessage("Hola", { headers: fault("cut_after=3") })) received += token;
});
console.log(`6. stream cut after ${cut.received} events (${JSON.stringify(received)} so far)`);

await sandbox.close();
