// The ops agent's typed events (thinking, tool calls, tool results, message, done) rendered as
// they arrive: first over SSE (POST /api/chat), then over the realtime WebSocket (/ws).
//
//   scripts/examples.sh node ops_events        (from the repository root: compiles, then runs it)
import { AgentClient, type ops } from "@cjhirashi/agents-sdk";
import { Sandbox } from "@cjhirashi/agents-sdk/testing";

// Events are plain objects discriminated by `type`: a `switch` narrows each one.
function render(event: ops.RealtimeEvent): void {
  switch (event.type) {
    case "thinking":
      console.log(`  [thinking] ${event.content}`);
      break;
    case "tool_call":
      console.log(`  [tool call] ${event.tool} ${JSON.stringify(event.params)}`);
      break;
    case "tool_result": {
      const items = Array.isArray(event.result) ? event.result.length : 1;
      console.log(`  [tool result] ${event.tool ?? "tool"}: ${items} item(s)`);
      break;
    }
    case "message":
      process.stdout.write(event.content); // the answer, chunk by chunk
      break;
    case "done":
      console.log(`\n  [done] conversation ${event.conversation_id}`);
      break;
    default:
      console.log(`  [other] ${JSON.stringify(event)}`);
  }
}

const sandbox = await Sandbox.start();
// `login` keeps the JWT and logs in again before it expires.
const client = await AgentClient.login({
  baseURL: sandbox.opsUrl,
  username: sandbox.username,
  password: sandbox.password,
});

console.log("over SSE:");
const chat = client.chat.stream({ conversation_id: "conv_123", message: "Lista las instancias EC2" });
for await (const event of chat) render(event);
console.log(`  answer: ${chat.text.length} characters`);

console.log("\nover the WebSocket:");
// `connect` authenticates the socket first; one session carries many chats.
const session = await client.realtime.connect();
try {
  for (const message of ["Muestra las alertas críticas", "Lista las VMs de Azure"]) {
    await session.sendChat("conv_123", message);
    // The loop ends after the answer's `done` event; the session stays open for the next one.
    for await (const event of session) render(event);
  }
} finally {
  await session.close();
}
await sandbox.close();
