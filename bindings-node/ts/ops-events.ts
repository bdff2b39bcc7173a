/**
 * The events of the ops chat stream (SSE) and of the WebSocket session, as the stream readers
 * yield them: a union tagged by `type`. Hand-written (the readers decide which frames surface as
 * events: `error` frames become errors, `authenticated` is consumed on connect); re-exported by
 * the generated `ops-types.ts`.
 */

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
