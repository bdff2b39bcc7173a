// Quickstart of @cjhirashi/agents-sdk: both services end to end. Without CJHIRASHI_BASE_URL it
// runs against the embedded sandbox, so it needs no account:
//   lists agents, creates a conversation and streams a reply (platform); logs in, streams a
//   chat showing its tool calls and executes a tool (ops); receives a webhook delivery with a
//   node:http receiver and verifies it.
//
//   scripts/examples.sh node quickstart        (from the repository root: compiles, then runs it)
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

import { AgentClient, CJHirashiAgents, webhooks } from "@cjhirashi/agents-sdk";
import { Sandbox } from "@cjhirashi/agents-sdk/testing";

const sandbox = process.env.CJHIRASHI_BASE_URL ? undefined : await Sandbox.start();
const platformURL = process.env.CJHIRASHI_BASE_URL ?? sandbox!.platformUrl;
const apiKey = process.env.CJHIRASHI_API_KEY ?? sandbox!.apiKey;
const opsURL = process.env.AGENT_BASE_URL ?? sandbox?.opsUrl ?? "http://localhost:8000";

// ----- platform -----
const client = new CJHirashiAgents({ apiKey, baseURL: platformURL });

const agents = await client.agents.list();
console.log(`agents: ${agents.map((a) => a.id).join(", ")}`);

const conversation = await client.conversations.create({
  agentId: "agt_personal_001",
  title: "Quickstart",
  initialMessage: "Hola, ¿cuánto he gastado este mes?",
});
console.log(`conversation ${conversation.id} (${conversation.title})`);

process.stdout.write("assistant: ");
const reply = conversation.stream();
for await (const token of reply) process.stdout.write(token);
console.log(`\n  [message ${reply.messageId}, ${reply.tokensUsed} tokens, at ${reply.timestamp}]`);

process.stdout.write("assistant: ");
for await (const token of conversation.sendMessage("¿Cómo estás?")) process.stdout.write(token);
console.log();

// ----- ops -----
const ops = sandbox
  ? await AgentClient.login({ baseURL: opsURL, username: sandbox.username, password: sandbox.password })
  : new AgentClient({ baseURL: opsURL });

const chat = ops.chat.stream({ conversation_id: "conv_123", message: "Lista las instancias EC2" });
for await (const event of chat) {
  switch (event.type) {
    case "thinking":
      console.log(`  thinking: ${event.content}`);
      break;
    case "tool_call":
      console.log(`  tool call: ${event.tool} ${JSON.stringify(event.params)}`);
      break;
    case "tool_result":
      console.log(`  tool result: ${JSON.stringify(event.result).slice(0, 80)}…`);
      break;
    case "message":
      break;
    case "done":
      console.log(`  done (conversation ${event.conversation_id})`);
      break;
  }
}
console.log(`ops answer: ${chat.text}`);

const run = await ops.tools.execute("list_ec2_instances", { region: "us-east-1" });
console.log(`tool ${run.tool}: success=${run.success} in ${run.execution_time_ms} ms`);

// ----- webhooks -----
const secret = "whsec_quickstart";
const delivery = new Promise<{ body: Buffer; req: IncomingMessage }>((resolve) => {
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.writeHead(204).end();
      receiver.close();
      resolve({ body: Buffer.concat(chunks), req });
    });
  });
  receiver.listen(0, "127.0.0.1", () => {
    const { port } = receiver.address() as AddressInfo;
    void client.webhooks
      .create({ url: `http://127.0.0.1:${port}/hooks`, events: ["conversation.created"], secret })
      .then(() => client.conversations.create({ agentId: "agt_personal_001", title: "Webhook demo" }));
  });
});
const { body, req } = await delivery;
const event = webhooks.unwrap(body, req.headers, secret);
console.log(`webhook ${event.event} verified: ${JSON.stringify(event.data)}`);

await sandbox?.close();
