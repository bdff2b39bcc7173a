/** Objects of the ops service, exactly as on the wire (snake_case, no envelope). */

/** Who serves the agent's language model. */
export type LlmProvider = 'openai' | 'anthropic' | 'azure_openai' | 'ollama';
/** How much the agent may do without asking. */
export type AutonomyLevel = 'manual' | 'semi' | 'auto';
/** The category of a tool. */
export type ToolCategory = 'aws' | 'azure' | 'gcp' | 'monitoring' | 'general';
/** Who wrote a message. */
export type MessageRole = 'user' | 'assistant' | 'system';
/** The event names an ops webhook can subscribe to. */
export type OpsWebhookEvent = 'alert.critical' | 'alert.warning' | 'tool.executed' | 'conversation.created' | 'api.learned';

/** An access token (`auth.login()`). */
export interface Token {
  /** The bearer token. */
  access_token: string;
  /** Always `bearer`. */
  token_type: string;
  /** Seconds until it expires. */
  expires_in: number;
}

/** The credentials of `auth.login()`. */
export interface LoginParams {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
}

/** A chat message (`chat.send()`, `chat.stream()`). */
export interface ChatParams {
  /** The conversation (created when it does not exist; a new one when absent). */
  conversation_id?: string;
  /** The message text. */
  message: string;
}

/** A tool the agent ran while answering. */
export interface ToolCall {
  /** The tool's name. */
  tool: string;
  /** The parameters it ran with. */
  params: Record<string, unknown>;
  /** What it returned. */
  result?: unknown;
}

/** A message of a conversation. */
export interface OpsMessage {
  /** Who wrote it. */
  role: MessageRole;
  /** The text. */
  content: string;
  /** When it was written (RFC 3339). */
  timestamp?: string;
  /** The tools run for this message. */
  tool_calls?: ToolCall[];
}

/** The answer of `chat.send()`. */
export interface ChatResponse {
  /** The conversation the message went to. */
  conversation_id: string;
  /** The agent's answer. */
  message: OpsMessage;
}

/** A `thinking` event: what the agent is doing. */
export interface ChatThinking {
  /** Always `thinking`. */
  type: 'thinking';
  /** What the agent is doing. */
  content: string;
}
/** A `tool_call` event: a tool is about to run. */
export interface ChatToolCall {
  /** Always `tool_call`. */
  type: 'tool_call';
  /** The tool's name. */
  tool: string;
  /** The parameters it runs with. */
  params: Record<string, unknown>;
}
/** A `tool_result` event: what the tool returned. */
export interface ChatToolResult {
  /** Always `tool_result`. */
  type: 'tool_result';
  /** The tool's name. */
  tool?: string;
  /** What the tool returned. */
  result: unknown;
}
/** A `message` event: a chunk of the answer. */
export interface ChatMessage {
  /** Always `message`. */
  type: 'message';
  /** A chunk of the answer's text. */
  content: string;
}
/** The `done` event: the answer is complete. */
export interface ChatDone {
  /** Always `done`. */
  type: 'done';
  /** The conversation the answer belongs to. */
  conversation_id?: string;
}

/** An event of the chat stream (SSE or WebSocket). */
export type ChatEvent = ChatThinking | ChatToolCall | ChatToolResult | ChatMessage | ChatDone;

/** The answer to a `{"type": "ping"}` on the WebSocket. */
export interface RealtimePong {
  /** Always `pong`. */
  type: 'pong';
}

/** An event of the WebSocket session. */
export type RealtimeEvent = ChatEvent | RealtimePong;

/** A conversation without its messages. */
export interface ConversationSummary {
  /** Unique id. */
  id: string;
  /** Title. */
  title?: string;
  /** When it was created (RFC 3339). */
  created_at?: string;
  /** When it last changed (RFC 3339). */
  updated_at?: string;
  /** How many messages it holds. */
  message_count: number;
}

/** The wire's answer of `GET /api/conversations` (`conversations.list()` resolves with its array). */
export interface ConversationList {
  /** The conversations. */
  conversations: ConversationSummary[];
}

/** The conversation `conversations.create()` makes. */
export interface CreateConversationParams {
  /** A title for it. */
  title?: string;
}

/** A conversation with every message (`conversations.get()`). */
export interface ConversationDetail {
  /** Unique id. */
  id: string;
  /** Title. */
  title?: string;
  /** When it was created (RFC 3339). */
  created_at?: string;
  /** When it last changed (RFC 3339). */
  updated_at?: string;
  /** Every message, oldest first. */
  messages: OpsMessage[];
}

/** The answer of `conversations.delete()`. */
export interface DeletedConversation {
  /** Unique id. */
  id: string;
  /** Whether it was deleted. */
  deleted: boolean;
}

/** The settings of one cloud provider; unknown keys are kept. */
export interface CloudProvider {
  /** Whether the agent may use it. */
  enabled: boolean;
  [key: string]: unknown;
}

/** `llm` of a {@link Config}: the language model the agent uses; unknown keys are kept. */
export interface LlmConfig {
  /** Who serves the model. */
  provider: LlmProvider;
  /** The model's name (e.g. `gpt-4`). */
  model: string;
  [key: string]: unknown;
}

/** `agent` of a {@link Config}: how the agent behaves; unknown keys are kept. */
export interface AgentSettings {
  /** How much the agent may do without asking. */
  autonomy_level: AutonomyLevel;
  [key: string]: unknown;
}

/** `cloud_providers` of a {@link Config}: which clouds the agent may reach. */
export interface CloudProviders {
  /** Amazon Web Services. */
  aws: CloudProvider;
  /** Microsoft Azure. */
  azure: CloudProvider;
  /** Google Cloud. */
  gcp: CloudProvider;
  [key: string]: CloudProvider;
}

/** The agent's configuration (`config.get()`); unknown keys are kept. */
export interface Config {
  /** The language model the agent uses. */
  llm: LlmConfig;
  /** How the agent behaves. */
  agent: AgentSettings;
  /** Which clouds the agent may reach. */
  cloud_providers: CloudProviders;
  [key: string]: unknown;
}

/** Changes to `llm` ({@link ConfigUpdate}). */
export interface LlmConfigUpdate {
  /** Who serves the model. */
  provider?: LlmProvider;
  /** The model's name. */
  model?: string;
  [key: string]: unknown;
}

/** Changes to `agent` ({@link ConfigUpdate}). */
export interface AgentSettingsUpdate {
  /** How much the agent may do without asking. */
  autonomy_level?: AutonomyLevel;
  [key: string]: unknown;
}

/** Changes to one cloud provider ({@link CloudProvidersUpdate}). */
export interface CloudProviderUpdate {
  /** Enable or disable it. */
  enabled?: boolean;
  [key: string]: unknown;
}

/** Changes to `cloud_providers` ({@link ConfigUpdate}). */
export interface CloudProvidersUpdate {
  /** Amazon Web Services. */
  aws?: CloudProviderUpdate;
  /** Microsoft Azure. */
  azure?: CloudProviderUpdate;
  /** Google Cloud. */
  gcp?: CloudProviderUpdate;
  [key: string]: CloudProviderUpdate | undefined;
}

/** A partial configuration: the given sections are deep-merged. */
export interface ConfigUpdate {
  /** Language-model settings to change. */
  llm?: LlmConfigUpdate;
  /** Agent settings to change. */
  agent?: AgentSettingsUpdate;
  /** Cloud-provider settings to change. */
  cloud_providers?: CloudProvidersUpdate;
}

/** Alert counts by level (`alerts` of {@link Metrics}). */
export interface AlertCounts {
  /** Critical alerts. */
  critical: number;
  /** Warnings. */
  warning: number;
  /** Checks that are fine. */
  ok: number;
}

/** Instance counts by cloud (`infrastructure` of {@link Metrics}). */
export interface Infrastructure {
  /** AWS EC2 instances. */
  aws_instances: number;
  /** Azure virtual machines. */
  azure_vms: number;
  /** Google Cloud instances. */
  gcp_instances: number;
}

/** The agent's own statistics (`agent_stats` of {@link Metrics}). */
export interface AgentStats {
  /** Messages answered. */
  total_messages: number;
  /** Tools run. */
  tools_executed: number;
  /** Seconds since the agent started. */
  uptime_seconds: number;
}

/** Infrastructure and agent metrics (`metrics.get()`). */
export interface Metrics {
  /** Alert counts by level. */
  alerts: AlertCounts;
  /** Instance counts by cloud. */
  infrastructure: Infrastructure;
  /** The agent's own statistics. */
  agent_stats: AgentStats;
}

/** A tool the agent can run. */
export interface Tool {
  /** Name. */
  name: string;
  /** What it does. */
  description: string;
  /** Its category. */
  category: ToolCategory;
  /** JSON Schema of the parameters. */
  parameters: Record<string, unknown>;
}

/** The wire's answer of `GET /api/tools` (`tools.list()` resolves with its array). */
export interface ToolList {
  /** The tools. */
  tools: Tool[];
}

/** The result of `tools.execute()`. */
export interface ToolExecution {
  /** The tool's name. */
  tool: string;
  /** Whether it succeeded. */
  success: boolean;
  /** What it returned. */
  result: unknown;
  /** How long it ran, in milliseconds. */
  execution_time_ms: number;
}

/** An API the agent learned from its document. */
export interface LearnedApi {
  /** Unique id. */
  id: string;
  /** Name. */
  name: string;
  /** How many endpoints it added. */
  endpoints: number;
  /** When it was learned (RFC 3339). */
  learned_at?: string;
  /** Where the document came from. */
  source?: unknown;
  /** The document format (`openapi`). */
  type?: string;
}

/** The wire's answer of `GET /api/learned-apis` (`learnedApis.list()` resolves with its array). */
export interface LearnedApiList {
  /** The learned APIs. */
  apis: LearnedApi[];
}

/** The document `learnedApis.learn()` reads. */
export interface LearnApiParams {
  /** The document format (`openapi`). */
  type: 'openapi' | (string & {});
  /** A URL, or an inline OpenAPI document (object or JSON text). */
  source: string | Record<string, unknown>;
}

/** The endpoint `webhooks.create()` registers. */
export interface CreateWebhookParams<E extends string = OpsWebhookEvent> {
  /** The URL deliveries are POSTed to. */
  url: string;
  /** The event names to deliver. */
  events: E[];
  /** The shared secret deliveries are signed with (HMAC-SHA256). */
  secret: string;
}

/** A registered webhook endpoint. */
export interface Webhook {
  /** Unique id. */
  id: string;
  /** The URL deliveries are POSTed to. */
  url: string;
  /** The event names it receives. */
  events: string[];
  /** When it was created (RFC 3339). */
  created_at?: string;
}
