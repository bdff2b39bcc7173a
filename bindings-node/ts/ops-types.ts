/** Objects of the ops service, exactly as on the wire (snake_case, no envelope). */

export type LlmProvider = 'openai' | 'anthropic' | 'azure_openai' | 'ollama';
export type AutonomyLevel = 'manual' | 'semi' | 'auto';
export type ToolCategory = 'aws' | 'azure' | 'gcp' | 'monitoring' | 'general';
export type OpsWebhookEvent = 'alert.critical' | 'alert.warning' | 'tool.executed' | 'conversation.created' | 'api.learned';

export interface Token {
  access_token: string;
  token_type: string;
  expires_in: number;
}

export interface LoginParams {
  username: string;
  password: string;
}

export interface ChatParams {
  /** The conversation (created when it does not exist; a new one when absent). */
  conversation_id?: string;
  message: string;
}

export interface ToolCall {
  tool: string;
  params: Record<string, unknown>;
  result?: unknown;
}

export interface OpsMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
  timestamp?: string;
  tool_calls?: ToolCall[];
}

export interface ChatResponse {
  conversation_id: string;
  message: OpsMessage;
}

export interface ChatThinking {
  type: 'thinking';
  content: string;
}
export interface ChatToolCall {
  type: 'tool_call';
  tool: string;
  params: Record<string, unknown>;
}
export interface ChatToolResult {
  type: 'tool_result';
  tool?: string;
  result: unknown;
}
export interface ChatMessage {
  type: 'message';
  content: string;
}
export interface ChatDone {
  type: 'done';
  conversation_id?: string;
}

/** An event of the chat stream (SSE or WebSocket). */
export type ChatEvent = ChatThinking | ChatToolCall | ChatToolResult | ChatMessage | ChatDone;

/** The answer to a `{"type": "ping"}` on the WebSocket. */
export interface RealtimePong {
  type: 'pong';
}

/** An event of the WebSocket session. */
export type RealtimeEvent = ChatEvent | RealtimePong;

export interface ConversationSummary {
  id: string;
  title?: string;
  created_at?: string;
  updated_at?: string;
  message_count: number;
}

export interface ConversationList {
  conversations: ConversationSummary[];
}

export interface CreateConversationParams {
  title?: string;
}

export interface ConversationDetail {
  id: string;
  title?: string;
  created_at?: string;
  updated_at?: string;
  messages: OpsMessage[];
}

export interface DeletedConversation {
  id: string;
  deleted: boolean;
}

export interface CloudProvider {
  enabled: boolean;
  [key: string]: unknown;
}

export interface Config {
  llm: { provider: LlmProvider; model: string; [key: string]: unknown };
  agent: { autonomy_level: AutonomyLevel; [key: string]: unknown };
  cloud_providers: { aws: CloudProvider; azure: CloudProvider; gcp: CloudProvider; [key: string]: CloudProvider };
  [key: string]: unknown;
}

/** A partial configuration: the given sections are deep-merged. */
export interface ConfigUpdate {
  llm?: { provider?: LlmProvider; model?: string; [key: string]: unknown };
  agent?: { autonomy_level?: AutonomyLevel; [key: string]: unknown };
  cloud_providers?: {
    aws?: Partial<CloudProvider>;
    azure?: Partial<CloudProvider>;
    gcp?: Partial<CloudProvider>;
    [key: string]: Partial<CloudProvider> | undefined;
  };
}

export interface Metrics {
  alerts: { critical: number; warning: number; ok: number };
  infrastructure: { aws_instances: number; azure_vms: number; gcp_instances: number };
  agent_stats: { total_messages: number; tools_executed: number; uptime_seconds: number };
}

export interface Tool {
  name: string;
  description: string;
  category: ToolCategory;
  /** JSON Schema of the parameters. */
  parameters: Record<string, unknown>;
}

export interface ToolList {
  tools: Tool[];
}

export interface ToolExecution {
  tool: string;
  success: boolean;
  result: unknown;
  execution_time_ms: number;
}

export interface LearnedApi {
  id: string;
  name: string;
  endpoints: number;
  learned_at?: string;
  source?: unknown;
  type?: string;
}

export interface LearnedApiList {
  apis: LearnedApi[];
}

export interface LearnApiParams {
  type: 'openapi' | (string & {});
  /** A URL, or an inline OpenAPI document (object or JSON text). */
  source: string | Record<string, unknown>;
}

export interface CreateWebhookParams<E extends string = OpsWebhookEvent> {
  url: string;
  events: E[];
  secret: string;
}

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  created_at?: string;
}
