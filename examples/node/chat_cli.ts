// A streaming chat in the terminal: type a line, watch the answer arrive token by token.
// Ctrl-C cancels the answer being streamed (the chat goes on); Ctrl-D (end of input) quits.
//
//   scripts/examples.sh node chat_cli          (from the repository root: compiles, then runs it)
//   node chat_cli.js --stall-first 3           (compiled: the first answer hangs, press Ctrl-C)
//
// It runs against the embedded sandbox; with a real service, use
// `new CJHirashiAgents({ apiKey: process.env.CJHIRASHI_API_KEY })`.
import * as readline from "node:readline";
import { parseArgs } from "node:util";

import { APIUserAbortError, CJHirashiAgents } from "@cjhirashi/agents-sdk";
import { Sandbox } from "@cjhirashi/agents-sdk/testing";

// --stall-first N: the sandbox's fault injection stops the first answer after N tokens.
const { values } = parseArgs({ options: { "stall-first": { type: "string" } } });
const stallFirst = values["stall-first"];

const sandbox = await Sandbox.start();
const client = new CJHirashiAgents({ apiKey: sandbox.apiKey, baseURL: sandbox.platformUrl });
const conversation = await client.conversations.create({ agentId: "agt_personal_001", title: "Terminal chat" });

// Ctrl-C aborts the answer in progress through its AbortController; between answers it only
// reminds how to quit. (On a terminal readline reports Ctrl-C itself; otherwise it is a signal.)
let current: AbortController | undefined;
const onInterrupt = (): void => {
  if (current) current.abort();
  else process.stdout.write("\n(Ctrl-C cancels an answer; Ctrl-D quits)\nyou> ");
};
process.on("SIGINT", onInterrupt);
const rl = readline.createInterface({ input: process.stdin });
rl.on("SIGINT", onInterrupt);

let first = true;
process.stdout.write("you> ");
for await (const line of rl) {
  if (line.trim() !== "") {
    const headers = first && stallFirst ? { "X-Sandbox-Fault": `stall_after=${stallFirst}` } : undefined;
    first = false;
    current = new AbortController();
    process.stdout.write("assistant> ");
    const stream = conversation.sendMessage(line, { signal: current.signal, headers });
    try {
      for await (const token of stream) process.stdout.write(token);
      console.log(`  (${stream.tokensUsed} tokens)`);
    } catch (err) {
      // Aborting closes the stream's connection at once and rejects with APIUserAbortError.
      if (!(err instanceof APIUserAbortError)) throw err;
      console.log(" [cancelled]");
    } finally {
      current = undefined;
    }
  }
  process.stdout.write("you> ");
}
console.log("\nbye");
process.off("SIGINT", onInterrupt);
await sandbox.close();
