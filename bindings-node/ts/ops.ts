/**
 * `AgentClient`: the client of the cloud-operations agent (ops). A thin layer over the native
 * `OpsClient`.
 */

import {
  type APIPromise,
  type CommonClientOptions,
  type RequestOptions,
  type SignalLink,
  addAsyncDispose,
  checkAborted,
  json,
  linkSignal,
  native,
  nativeClientConfig,
  nativeOptions,
  signalOf,
  sync,
  toJson,
} from './core';
import { APIUserAbortError, InvalidArgumentError, mapError } from './errors';
import { instrument, resolveLog } from './logging';
import { ChatEventStream } from './streaming';
import type * as T from './ops-types';
import { type WebhookHelpers, webhooks as webhookHelpers } from './webhooks';

/**
 * Settings of an `AgentClient`. A value of the wrong type is a `TypeError`, one out of range a
 * `RangeError`, both thrown by the constructor.
 */
export interface AgentClientOptions extends CommonClientOptions {
  /** A static API key or a JWT; defaults to `process.env.AGENT_API_KEY`. */
  apiKey?: string | null;
  /** Base URL; defaults to `process.env.AGENT_BASE_URL`, then `http://localhost:8000`. */
  baseURL?: string | null;
}

/** Settings of `AgentClient.login`. */
export interface AgentLoginOptions extends Omit<AgentClientOptions, 'apiKey'> {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
}

const OPS_ENV_KEY = 'AGENT_API_KEY';
const OPS_ENV_URL = 'AGENT_BASE_URL';

function body(params: object | undefined, what = 'params'): string {
  return toJson(what, params);
}

function config(options: AgentClientOptions): native.ClientConfig {
  return nativeClientConfig(options, OPS_ENV_KEY, OPS_ENV_URL);
}

/** The native session behind a `RealtimeSession` (for the testing module). */
const nativeSessions = new WeakMap<RealtimeSession, native.RealtimeSession>();

/** @internal The native session of `session` (testing only). */
export function nativeSession(session: RealtimeSession): native.RealtimeSession | undefined {
  return nativeSessions.get(session);
}

/**
 * An authenticated WebSocket session (`client.realtime.connect()`). Send with `sendChat`;
 * `for await (const event of session)` reads the events (each chat ends with `done`). Leaving
 * the loop keeps the session open: send again and iterate again; `close()` ends it. The
 * `signal` given to `connect()` also ends the session: once it fired, the socket is closed and
 * `next()` and `sendChat()` reject with `APIUserAbortError`, even for events already received.
 */
export class RealtimeSession implements AsyncIterable<T.RealtimeEvent> {
  readonly #s: native.RealtimeSession;
  readonly #link: SignalLink | undefined;
  #queue: T.RealtimeEvent[] = [];

  /** @internal */
  constructor(session: native.RealtimeSession, link?: SignalLink) {
    this.#s = session;
    this.#link = link;
    nativeSessions.set(this, session);
  }

  #checkAborted(): void {
    if (this.#link?.aborted) {
      this.#queue = [];
      throw new APIUserAbortError();
    }
  }

  /**
   * Sends a chat message on the socket (`{"type": "chat", "conversation_id", "message"}`); read
   * the answer with `for await` or `next()`.
   *
   * @param conversationId - The conversation to continue; `null` starts a new one.
   * @param message - The message text.
   * @throws {WebSocketError} The socket is closed or failed.
   * @throws {APIUserAbortError} The `signal` given to `connect()` fired.
   */
  async sendChat(conversationId: string | null | undefined, message: string): Promise<void> {
    this.#checkAborted();
    try {
      await this.#s.sendChat(conversationId ?? undefined, message);
    } catch (e) {
      this.#checkAborted();
      throw mapError(e);
    }
  }

  /**
   * The next event, or `undefined` once the socket is closed.
   *
   * @throws {WebSocketError} The socket failed.
   * @throws {APIUserAbortError} The `signal` given to `connect()` fired.
   */
  async next(): Promise<T.RealtimeEvent | undefined> {
    this.#checkAborted();
    if (this.#queue.length === 0) {
      let raw: string | null;
      try {
        raw = await this.#s.nextBatch();
      } catch (e) {
        this.#checkAborted();
        throw mapError(e);
      }
      this.#checkAborted();
      if (raw === null) {
        this.#link?.release();
        return undefined;
      }
      this.#queue = JSON.parse(raw) as T.RealtimeEvent[];
      this.#queue.reverse();
    }
    return this.#queue.pop();
  }

  /**
   * Iterates the events as they arrive, until the socket closes; `break` (after `done`, for
   * instance) leaves the session open for the next `sendChat`.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<T.RealtimeEvent, void, undefined> {
    for (;;) {
      const ev = await this.next();
      if (ev === undefined) return;
      yield ev;
    }
  }

  /** Closes the socket politely (a close frame, then the connection). */
  async close(): Promise<void> {
    this.#link?.release();
    try {
      await this.#s.close();
    } catch (e) {
      throw mapError(e);
    }
  }
}

/**
 * The client of the cloud-operations agent. Resources: `auth`, `chat`, `conversations`,
 * `config`, `metrics`, `tools`, `learnedApis`, `webhooks` and `realtime` (the WebSocket).
 * Authenticates with an API key, or with a user name and password through
 * {@link AgentClient.login}, keeping the token fresh.
 *
 * @example
 * ```ts
 * import { AgentClient } from '@cjhirashi/agents-sdk';
 *
 * const client = await AgentClient.login({ baseURL: 'http://localhost:8000', username: 'admin', password: 'secret' });
 * for await (const event of client.chat.stream({ message: 'Any critical alert?' })) console.log(event);
 * ```
 */
export class AgentClient {
  readonly #c: native.OpsClient;
  readonly #options: AgentClientOptions;

  /** Logging in with a user name and password. */
  readonly auth: {
    /**
     * Logs in (`POST /api/auth/login`); the client keeps the token and logs in again before it
     * expires.
     *
     * @param params - `username` and `password`.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The access token, its type and lifetime.
     * @throws {AuthenticationError} Wrong user name or password (401).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * await client.auth.login({ username: 'admin', password: 'secret' });
     * ```
     */
    login(params: T.LoginParams, options?: RequestOptions): APIPromise<T.Token>;
  };
  /** Talking to the operations agent. */
  readonly chat: {
    /**
     * Sends a message and waits for the whole answer (`POST /api/chat` with `stream: false`).
     *
     * @param params - `message`, and the `conversation_id` to continue (created if it does not exist;
     *   a new conversation without it).
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The conversation id and the answer `message` (text and tool calls).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * const { message } = await client.chat.send({ message: 'How many EC2 instances are running?' });
     * console.log(message.content);
     * ```
     */
    send(params: T.ChatParams, options?: RequestOptions): APIPromise<T.ChatResponse>;
    /**
     * Sends a message and streams the agent's work as typed events (`POST /api/chat` with `stream:
     * true`, SSE). The request is sent at once; nothing needs awaiting first.
     *
     * @param params - `message`, and the `conversation_id` to continue.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns A `ChatEventStream`: `for await` yields `thinking`, `tool_call`, `tool_result`,
     *   `message` and finally `done` events; `finalText()` resolves the answer's text.
     * @throws {IncompleteStreamError} The stream ended before its `done` event.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * for await (const event of client.chat.stream({ message: 'List my EC2 instances' })) {
     *   if (event.type === 'tool_call') console.log('running', event.tool);
     *   if (event.type === 'message') process.stdout.write(event.content);
     * }
     * ```
     */
    stream(params: T.ChatParams, options?: RequestOptions): ChatEventStream;
  };
  /** The agent's stored conversations. */
  readonly conversations: {
    /**
     * Lists the conversations (`GET /api/conversations`).
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The conversations, an `Array` (one answer, no pagination).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    list(options?: RequestOptions): APIPromise<T.ConversationSummary[]>;
    /**
     * Creates an empty conversation (`POST /api/conversations`).
     *
     * @param params - An optional `title`.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The new conversation.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    create(params?: T.CreateConversationParams, options?: RequestOptions): APIPromise<T.ConversationSummary>;
    /**
     * One conversation with every message (`GET /api/conversations/{id}`).
     *
     * @param id - The conversation's id.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The conversation and its messages, tool calls included.
     * @throws {NotFoundError} No conversation has this id (404).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    get(id: string, options?: RequestOptions): APIPromise<T.ConversationDetail>;
    /**
     * Deletes a conversation (`DELETE /api/conversations/{id}`).
     *
     * @param id - The conversation's id.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns `{ id, deleted }`.
     * @throws {NotFoundError} No conversation has this id (404).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    delete(id: string, options?: RequestOptions): APIPromise<T.DeletedConversation>;
  };
  /** The agent's configuration: language model, agent settings and cloud providers. */
  readonly config: {
    /**
     * The current configuration (`GET /api/config`).
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns `llm`, `agent` and `cloud_providers`.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    get(options?: RequestOptions): APIPromise<T.Config>;
    /**
     * Changes part of the configuration (`PUT /api/config`): the given sections are deep-merged.
     *
     * @param params - The sections to change.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The whole configuration after the change.
     * @throws {BadRequestError} A setting was refused (400).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * await client.config.update({ agent: { autonomy_level: 'semi' } });
     * ```
     */
    update(params: T.ConfigUpdate, options?: RequestOptions): APIPromise<T.Config>;
  };
  /** Infrastructure and agent metrics. */
  readonly metrics: {
    /**
     * Infrastructure and agent metrics (`GET /api/metrics`).
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns Alert counts, instance counts and the agent's statistics.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    get(options?: RequestOptions): APIPromise<T.Metrics>;
  };
  /** The agent's tools, and running one directly. */
  readonly tools: {
    /**
     * Lists the tools the agent can run (`GET /api/tools`).
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The tools, an `Array`, with each tool's parameter schema.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    list(options?: RequestOptions): APIPromise<T.Tool[]>;
    /**
     * Runs a tool directly, without the agent (`POST /api/tools/execute`).
     *
     * @param tool - The tool's name (e.g. `list_ec2_instances`).
     * @param parameters - The tool's parameters.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns Whether it succeeded, its result and how long it took.
     * @throws {NotFoundError} No tool has this name (404).
     * @throws {BadRequestError} The parameters were refused (400).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * const run = await client.tools.execute('list_ec2_instances', { region: 'us-east-1' });
     * console.log(run.success, run.result);
     * ```
     */
    execute(tool: string, parameters?: Record<string, unknown>, options?: RequestOptions): APIPromise<T.ToolExecution>;
  };
  /** APIs the agent has learned from their OpenAPI documents. */
  readonly learnedApis: {
    /**
     * Lists the learned APIs (`GET /api/learned-apis`).
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The learned APIs, an `Array`.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    list(options?: RequestOptions): APIPromise<T.LearnedApi[]>;
    /**
     * Teaches the agent an API from its document (`POST /api/learned-apis`).
     *
     * @param params - `type` (`openapi`) and `source`: a URL or the document itself.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The learned API and how many endpoints it added.
     * @throws {BadRequestError} The document could not be read (400).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * await client.learnedApis.learn({ type: 'openapi', source: 'https://example.com/openapi.json' });
     * ```
     */
    learn(params: T.LearnApiParams, options?: RequestOptions): APIPromise<T.LearnedApi>;
  };
  /**
   * Registering webhook endpoints (`create`), plus the `sign`, `verify` and `unwrap` helpers of
   * the package's `webhooks` export.
   */
  readonly webhooks: WebhookHelpers & {
    /**
     * Registers a URL that receives signed deliveries of the given events (`POST /api/webhooks`).
     *
     * @param params - `url`, `events` and the shared `secret` (HMAC-SHA256).
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The registration: id, URL and events.
     * @throws {BadRequestError} The URL or an event name was refused (400).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    create(params: T.CreateWebhookParams, options?: RequestOptions): APIPromise<T.Webhook>;
  };
  /** The realtime WebSocket. */
  readonly realtime: {
    /**
     * Opens the `/ws` WebSocket and authenticates on it with the client's credentials.
     * `options.signal` also ends the session later.
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The open session: `sendChat()`, then `for await` over the events of the answer.
     * @throws {AuthenticationError} The credentials were refused.
     * @throws {WebSocketError} The socket failed or the service closed it.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * const session = await client.realtime.connect();
     * await session.sendChat(null, 'Any critical alert?');
     * for await (const event of session) {
     *   console.log(event);
     *   if (event.type === 'done') break;
     * }
     * await session.close();
     * ```
     */
    connect(options?: RequestOptions): Promise<RealtimeSession>;
  };

  /**
   * Builds a client. Nothing is sent until the first call.
   *
   * @param options - `apiKey` (default `process.env.AGENT_API_KEY`), `baseURL` (default
   *   `process.env.AGENT_BASE_URL`, then `http://localhost:8000`), `timeout`, `maxRetries` and the
   *   other client settings.
   * @throws {TypeError} A setting has the wrong type.
   * @throws {RangeError} A setting is out of range.
   * @example
   * ```ts
   * import { AgentClient } from '@cjhirashi/agents-sdk';
   * const client = new AgentClient({ apiKey: process.env.AGENT_API_KEY });
   * ```
   */
  constructor(options?: AgentClientOptions);
  /** @internal A client around a native client that is already logged in. */
  constructor(options: AgentClientOptions, inner: native.OpsClient);
  constructor(options: AgentClientOptions = {}, inner?: native.OpsClient) {
    const c = inner ?? sync(() => new native.OpsClient(config(options)));
    this.#c = c;
    this.#options = { ...(options ?? {}) };
    this.auth = {
      login: (p, o) => json(o, (n, k) => c.authLogin(p.username, p.password, n, k)),
    };
    this.chat = {
      send: (p, o) => json(o, (n, k) => c.chatSend(body(p), n, k)),
      stream: (p, o) => {
        const params = body(p);
        const n = nativeOptions(o);
        return new ChatEventStream((k) => c.chatStream(params, n, k), o);
      },
    };
    this.conversations = {
      list: (o) => json(o, (n, k) => c.conversationsList(n, k), (d: T.ConversationList) => d.conversations),
      create: (p, o) => json(o, (n, k) => c.conversationsCreate(body(p), n, k)),
      get: (id, o) => json(o, (n, k) => c.conversationsGet(id, n, k)),
      delete: (id, o) => json(o, (n, k) => c.conversationsDelete(id, n, k)),
    };
    this.config = {
      get: (o) => json(o, (n, k) => c.configGet(n, k)),
      update: (p, o) => json(o, (n, k) => c.configUpdate(body(p), n, k)),
    };
    this.metrics = {
      get: (o) => json(o, (n, k) => c.metricsGet(n, k)),
    };
    this.tools = {
      list: (o) => json(o, (n, k) => c.toolsList(n, k), (d: T.ToolList) => d.tools),
      execute: (tool, parameters, o) =>
        json(o, (n, k) => c.toolsExecute(tool, body(parameters, 'parameters'), n, k)),
    };
    this.learnedApis = {
      list: (o) => json(o, (n, k) => c.learnedApisList(n, k), (d: T.LearnedApiList) => d.apis),
      learn: (p, o) => json(o, (n, k) => c.learnedApisLearn(body(p), n, k)),
    };
    this.webhooks = {
      ...webhookHelpers,
      create: (p, o) => json(o, (n, k) => c.webhooksCreate(body(p), n, k)),
    };
    this.realtime = {
      connect: async (o) => {
        const n = nativeOptions(o);
        const signal = signalOf(o);
        checkAborted(signal);
        // the link lives as long as the session: the signal ends the session too
        const link = linkSignal(signal);
        try {
          const session = await c.realtimeConnect(n, link.handle);
          if (link.aborted) {
            await session.close().catch(() => {});
            throw new APIUserAbortError();
          }
          return new RealtimeSession(session, signal ? link : undefined);
        } catch (e) {
          link.release();
          if (link.aborted) throw new APIUserAbortError();
          throw mapError(e);
        }
      },
    };
    instrument(this, resolveLog(options?.logger, options?.logLevel), [
      'auth',
      'chat',
      'conversations',
      'config',
      'metrics',
      'tools',
      'learnedApis',
      'webhooks',
    ]);
  }

  /**
   * Logs in with a user name and password (`POST /api/auth/login`) and resolves with a client
   * that keeps the token fresh (it logs in again before the token expires).
   *
   * @param options - `username`, `password`, `baseURL` and any other client setting.
   * @returns The logged-in client.
   * @throws {InvalidArgumentError} `username` or `password` is missing.
   * @throws {AuthenticationError} Wrong user name or password (401).
   * @throws {APIConnectionError} The service did not answer.
   * @example
   * ```ts
   * const client = await AgentClient.login({ baseURL: 'http://localhost:8000', username: 'admin', password: 'secret' });
   * ```
   */
  static async login(options: AgentLoginOptions): Promise<AgentClient> {
    if (!options?.username || !options.password) {
      throw new InvalidArgumentError('AgentClient.login needs { username, password }');
    }
    const { username, password, ...rest } = options;
    try {
      const inner = await native.opsLogin(config({ ...rest, apiKey: undefined }), username, password);
      return new AgentClient(rest, inner);
    } catch (e) {
      throw mapError(e);
    }
  }

  /**
   * A copy of this client with other settings (`timeout`, `maxRetries`, `defaultHeaders`,
   * `streamIdleTimeout`, `maxResponseBytes`, `baseURL`, or another `apiKey`); the settings left
   * out keep this client's values, and a client made by `login` keeps its login session. The
   * copy has a connection pool of its own.
   *
   * @param options - The settings to change.
   * @returns A new client.
   * @throws {TypeError} A setting has the wrong type.
   * @throws {RangeError} A setting is out of range.
   * @example
   * ```ts
   * const impatient = client.withOptions({ timeout: 5_000, maxRetries: 0 });
   * ```
   */
  withOptions(options: AgentClientOptions): AgentClient {
    if (options === null || typeof options !== 'object') {
      throw new TypeError('withOptions needs an object of client settings');
    }
    if (options.apiKey !== undefined && options.apiKey !== null) {
      return new AgentClient({ ...this.#options, ...options });
    }
    const { apiKey: _k, ...rest } = options;
    const cfg = config({ ...rest, apiKey: 'unused' });
    const copy = sync(() => this.#c.withOptions({ ...cfg, apiKey: undefined, baseUrl: rest.baseURL ?? undefined }));
    return new AgentClient({ ...this.#options, ...rest }, copy);
  }

  /**
   * Closes the client: the connections it keeps open are released once it is no longer
   * referenced (calls made before stay valid; realtime sessions are closed on their own).
   * `await using client = ...` calls it too (`Symbol.asyncDispose`).
   *
   * @returns A promise resolved once closed.
   */
  async close(): Promise<void> {
    // the native client holds only pooled connections, dropped with it
  }

  /** The base URL requests go to. */
  get baseURL(): string {
    return this.#c.baseUrl;
  }
}

addAsyncDispose(AgentClient);
