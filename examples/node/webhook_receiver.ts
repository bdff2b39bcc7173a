// A webhook receiver with node:http: it verifies every delivery's signature, rejects tampered
// and stale ones, and processes each delivery once (a replay of a delivery it already took is
// acknowledged and ignored). It registers itself with the sandbox, receives a real delivery,
// then checks that forged ones are refused, and exits.
//
//   scripts/examples.sh node webhook_receiver  (from the repository root: compiles, then runs it)
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { once } from "node:events";

import { CJHirashiAgents, WebhookVerificationError, webhooks, type WebhookEvent } from "@cjhirashi/agents-sdk";
import { Sandbox } from "@cjhirashi/agents-sdk/testing";

const SECRET = "whsec_example_receiver";
const seen = new Set<string>(); // delivery ids already processed (a real service keeps them in its database)
const processed: { event: WebhookEvent; body: Buffer; headers: IncomingHttpHeaders }[] = [];
let onProcessed: (() => void) | undefined;

const server = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/webhooks") {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks); // the raw bytes: the signature covers them exactly as sent
    let event: WebhookEvent;
    try {
      // Checks X-Webhook-Signature (HMAC-SHA256 of the body) in constant time, and refuses a
      // signed timestamp more than 5 minutes from now, so an old delivery cannot be replayed
      // later. Pass an array of secrets while rotating them.
      event = webhooks.unwrap(body, req.headers, SECRET);
    } catch (err) {
      if (!(err instanceof WebhookVerificationError)) throw err;
      console.log(`  receiver: rejected (${err.message})`);
      res.writeHead(400).end("invalid signature");
      return;
    }
    // Within those 5 minutes the delivery id (X-Webhook-Id, the same on every retry) tells a
    // replay from a new delivery: take each id once, acknowledge the repeats.
    if (event.id == null) {
      res.writeHead(400).end("missing delivery id");
      return;
    }
    if (seen.has(event.id)) {
      console.log("  receiver: duplicate delivery ignored");
      res.writeHead(200).end("duplicate");
      return;
    }
    seen.add(event.id);
    processed.push({ event, body, headers: req.headers });
    onProcessed?.();
    res.writeHead(200).end("processed");
  });
});

// 1. The receiver on a free local port.
server.listen(0, "127.0.0.1");
await once(server, "listening");
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;

const sandbox = await Sandbox.start();
const client = new CJHirashiAgents({ apiKey: sandbox.apiKey, baseURL: sandbox.platformUrl });

// 2. Register it, then cause an event: a new conversation sends `conversation.created`.
await client.webhooks.create({ url, events: ["conversation.created"], secret: SECRET });
const arrived = new Promise<void>((resolve) => (onProcessed = resolve));
const conversation = await client.conversations.create({ agentId: "agt_personal_001", title: "Webhooks" });
await Promise.race([
  arrived,
  new Promise((_, reject) => setTimeout(() => reject(new Error("no delivery within 10 s")), 10_000).unref()),
]);
const { event, body, headers } = processed[0]!;
console.log(`delivery ${event.id} verified: ${event.event} for ${event.data.conversationId}`);

// 3. What an attacker could send, and what the receiver answers.
const forwarded: Record<string, string> = {};
for (const [name, value] of Object.entries(headers)) {
  if (name.startsWith("x-webhook-") && typeof value === "string") forwarded[name] = value;
}
const post = async (payload: Buffer | string, h: Record<string, string>): Promise<number> =>
  (await fetch(url, { method: "POST", body: payload, headers: h })).status;

const tampered = body.toString().replace(conversation.id, "conv_someone_else");
const tamperedStatus = await post(tampered, forwarded);
console.log(`tampered body        -> ${tamperedStatus}`);
const replayStatus = await post(body, forwarded);
console.log(`same delivery again  -> ${replayStatus} (not processed twice)`);
// A delivery captured long ago, correctly signed: its timestamp gives it away.
const old =
  '{"event":"conversation.created","timestamp":"2025-10-15T10:30:00Z",' +
  '"data":{"conversationId":"conv_old","agentId":"agt_personal_001"}}';
const staleStatus = await post(old, { "X-Webhook-Signature": webhooks.sign(old, SECRET) });
console.log(`year-old delivery    -> ${staleStatus}`);

server.close();
await sandbox.close();
if (tamperedStatus !== 400 || replayStatus !== 200 || staleStatus !== 400) {
  throw new Error("the receiver accepted a forged delivery");
}
if (processed.length !== 1) throw new Error("a replayed delivery was processed twice");
