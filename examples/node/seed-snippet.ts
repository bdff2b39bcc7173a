// The TypeScript snippet of the platform seed ("SDKs y Librerías"), unchanged. Run it against
// any server with CJHIRASHI_API_KEY and CJHIRASHI_BASE_URL set (run-seed-snippet.mjs starts the
// embedded sandbox and does that).
import { CJHirashiAgents } from "@cjhirashi/agents-sdk";

const client = new CJHirashiAgents({
  apiKey: process.env.CJHIRASHI_API_KEY,
});

// Listar agentes
const agents = await client.agents.list();

// Crear conversación
const conversation = await client.conversations.create({
  agentId: "agt_personal_001",
  initialMessage: "Hola",
});

// Enviar mensaje
for await (const token of conversation.sendMessage("¿Cómo estás?")) {
  process.stdout.write(token);
}
