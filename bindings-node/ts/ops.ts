/**
 * `AgentClient`: the client of the cloud-operations agent (ops). A thin layer over the native
 * `OpsClient`.
 */

import {
  type CommonClientOptions,
  type RequestOptions,
  type SignalLink,
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
  username: string;
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

  /** Sends `{"type": "chat", "conversation_id", "message"}`. */
  async sendChat(conversationId: string | null | undefined, message: string): Promise<void> {
    this.#checkAborted();
    try {
      await this.#s.sendChat(conversationId ?? undefined, message);
    } catch (e) {
      this.#checkAborted();
      throw mapError(e);
    }
  }

  /** The next event, or `undefined` once the socket is closed. */
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

  async *[Symbol.asyncIterator](): AsyncGenerator<T.RealtimeEvent, void, undefined> {
    for (;;) {
      const ev = await this.next();
      if (ev === undefined) return;
      yield ev;
    }
  }

  /** Closes the socket politely. */
  async close(): Promise<void> {
    this.#link?.release();
    try {
      await this.#s.close();
    } catch (e) {
      throw mapError(e);
    }
  }
}

/** The ops client. */
export class AgentClient {
  readonly #c: native.OpsClient;

  readonly auth: {
    /** `POST /api/auth/login`; the client keeps the token and logs in again before it expires. */
    login(params: T.LoginParams, options?: RequestOptions): Promise<T.Token>;
  };
  readonly chat: {
    /** `POST /api/chat` with `stream: false`. */
    send(params: T.ChatParams, options?: RequestOptions): Promise<T.ChatResponse>;
    /** `POST /api/chat` with `stream: true`: an async iterable of typed events. */
    stream(params: T.ChatParams, options?: RequestOptions): ChatEventStream;
  };
  readonly conversations: {
    list(options?: RequestOptions): Promise<T.ConversationList>;
    create(params?: T.CreateConversationParams, options?: RequestOptions): Promise<T.ConversationSummary>;
    get(id: string, options?: RequestOptions): Promise<T.ConversationDetail>;
    delete(id: string, options?: RequestOptions): Promise<T.DeletedConversation>;
  };
  readonly config: {
    get(options?: RequestOptions): Promise<T.Config>;
    /** `PUT /api/config`: a deep merge of the given sections; resolves with the whole new config. */
    update(params: T.ConfigUpdate, options?: RequestOptions): Promise<T.Config>;
  };
  readonly metrics: {
    get(options?: RequestOptions): Promise<T.Metrics>;
  };
  readonly tools: {
    list(options?: RequestOptions): Promise<T.ToolList>;
    /** `POST /api/tools/execute`: runs `tool` with `parameters`. */
    execute(tool: string, parameters?: Record<string, unknown>, options?: RequestOptions): Promise<T.ToolExecution>;
  };
  readonly learnedApis: {
    list(options?: RequestOptions): Promise<T.LearnedApiList>;
    learn(params: T.LearnApiParams, options?: RequestOptions): Promise<T.LearnedApi>;
  };
  /** `POST /api/webhooks` plus the module's `sign` / `verify` / `unwrap` helpers. */
  readonly webhooks: WebhookHelpers & {
    create(params: T.CreateWebhookParams, options?: RequestOptions): Promise<T.Webhook>;
  };
  readonly realtime: {
    /** Opens the `/ws` channel and authenticates with the client's token. */
    connect(options?: RequestOptions): Promise<RealtimeSession>;
  };

  constructor(options: AgentClientOptions = {}, /** @internal */ inner?: native.OpsClient) {
    const c = inner ?? sync(() => new native.OpsClient(config(options)));
    this.#c = c;
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
      list: (o) => json(o, (n, k) => c.conversationsList(n, k)),
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
      list: (o) => json(o, (n, k) => c.toolsList(n, k)),
      execute: (tool, parameters, o) =>
        json(o, (n, k) => c.toolsExecute(tool, body(parameters, 'parameters'), n, k)),
    };
    this.learnedApis = {
      list: (o) => json(o, (n, k) => c.learnedApisList(n, k)),
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
  }

  /** Logs in with `username` / `password` and resolves with a client that keeps the token fresh. */
  static async login(options: AgentLoginOptions): Promise<AgentClient> {
    if (!options?.username || !options.password) {
      throw new InvalidArgumentError('AgentClient.login needs { username, password }');
    }
    const { username, password, ...rest } = options;
    try {
      const inner = await native.opsLogin(config({ ...rest, apiKey: undefined }), username, password);
      return new AgentClient({}, inner);
    } catch (e) {
      throw mapError(e);
    }
  }

  /** The base URL requests go to. */
  get baseURL(): string {
    return this.#c.baseUrl;
  }
}
