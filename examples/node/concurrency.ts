// Concurrency: several streamed answers at once with Promise.all, and independent calls side
// by side. One client serves every request (the connections are pooled in the Rust core).
//
//   scripts/examples.sh node concurrency       (from the repository root: compiles, then runs it)
import { CJHirashiAgents } from "@cjhirashi/agents-sdk";
import { Sandbox } from "@cjhirashi/agents-sdk/testing";

const sandbox = await Sandbox.start();
// `await using` closes the client (its connection pool) when the module's scope ends
await using client = new CJHirashiAgents({ apiKey: sandbox.apiKey, baseURL: sandbox.platformUrl });

/** Opens a conversation, sends `question` and collects the streamed answer. */
async function ask(question: string, signal?: AbortSignal): Promise<string> {
  const conversation = await client.conversations.create({ agentId: "agt_personal_001", title: question });
  let answer = "";
  for await (const token of conversation.sendMessage(question, { signal })) answer += token;
  return answer;
}

// 1. Three streams at once: their tokens arrive interleaved on the one event loop.
const started = performance.now();
const questions = ["¿Cuánto gasté en comida?", "¿Tengo citas esta semana?", "Hola"];
const answers = await Promise.all(questions.map((q) => ask(q)));
questions.forEach((q, i) => console.log(`${q}\n  -> ${answers[i]!.length} characters`));
console.log(`3 answers in ${((performance.now() - started) / 1000).toFixed(2)} s`);

// 2. Unrelated calls side by side. Promise.all rejects with the first error; use
//    Promise.allSettled to get every outcome instead.
const [agents, accounts, profile] = await Promise.all([
  client.agents.list(),
  client.finance.accounts.list(),
  client.health.profile(),
]);
console.log(`${agents.length} agents, ${accounts.length} accounts, blood type ${profile.bloodType}`);

// 3. A deadline around a whole task: AbortSignal.timeout aborts it, closing its stream.
const answer = await ask("¿Y mi presupuesto?", AbortSignal.timeout(10_000));
console.log(`a fourth answer within its deadline: ${answer.length} characters`);

await sandbox.close();
