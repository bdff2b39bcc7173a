// Smoke test of an installed @cjhirashi/agents-sdk: calls both services of its own sandbox.
// Copy next to a node_modules that has the package (and its platform package) and run
// `node smoke.mjs`. Used by scripts/verify-dist.sh.
import { AgentClient, CJHirashiAgents } from "@cjhirashi/agents-sdk";
import { Sandbox } from "@cjhirashi/agents-sdk/testing";

const sb = await Sandbox.start();
try {
  const client = new CJHirashiAgents({ apiKey: sb.apiKey, baseURL: sb.platformUrl });
  const agents = await client.agents.list();
  if (!agents.length) throw new Error("no agents");
  const me = await client.users.me();
  const ops = await AgentClient.login({ baseURL: sb.opsUrl, username: sb.username, password: sb.password });
  const tools = await ops.tools.list();
  if (!tools.length) throw new Error("no ops tools");
  console.log(`node smoke: ${agents.length} agents, user ${me.email}, ${tools.length} ops tools`);
} finally {
  await sb.close();
}
