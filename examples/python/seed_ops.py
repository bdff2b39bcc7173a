"""The ops seed's Python snippet, unchanged. Run with AGENT_BASE_URL set to the ops URL
(the sandbox accepts the seed's demo key ``tu-api-key``)."""

# --- seed snippet (verbatim) ---
from agent_client import AgentClient

client = AgentClient(api_key="tu-api-key")

# Enviar mensaje
response = client.chat.send(
    conversation_id="conv_123",
    message="Lista las instancias EC2"
)

# Ejecutar tool
result = client.tools.execute(
    "list_ec2_instances",
    region="us-east-1"
)
