"""The platform seed's Python snippet, unchanged (it uses ``os`` without importing it, so the
import comes first). Run with CJHIRASHI_API_KEY and CJHIRASHI_BASE_URL set."""

import os  # noqa: F401  (the snippet below uses it)

# --- seed snippet (verbatim) ---
from cjhirashi_agents import Client

client = Client(api_key=os.getenv("CJHIRASHI_API_KEY"))

# Listar agentes
agents = client.agents.list()

# Crear conversación
conversation = client.conversations.create(
    agent_id="agt_personal_001",
    initial_message="Hola"
)

# Enviar mensaje (streaming)
for token in conversation.send_message("¿Cómo estás?"):
    print(token, end="", flush=True)
