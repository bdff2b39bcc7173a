/**
 * `AgentClient`: the client of the cloud-operations agent (ops). A thin layer over the native
 * `OpsClient`.
 */

import {
  type CommonClientOptions,
  type RequestOptions,
  type SignalLink,
  addAsyncDispose,
  checkAborted,
  hideSecret,
  linkSignal,
  native,
  nativeClientConfig,
  nativeOptions,
  signalOf,
  sync,
} from './core';
import { dispatcher } from './dispatch';
import { APIUserAbortError, InvalidArgumentError, mapError } from './errors';
import { attachLog, nativeLog, resolveLog } from './logging';
import { type OpsResources, opsResources } from './ops-resources';
import { ChatEventStream } from './streaming';
import type * as T from './ops-types';

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
 * `for await (const event of session)` reads that answer's events and ends after its `done`.
 * The session stays open: send again and iterate again; `close()` ends it. The
 * `signal` given to `connect()` also ends the session: once it fired, the socket is closed and
 * `next()` and `sendChat()` reject with `APIUserAbortError`, even for events already received.
 */
export class RealtimeSession implements AsyncIterable<T.RealtimeEvent> {
  readonly #s: native.RealtimeSession;
  readonly #link: SignalLink | undefined;
  #queue: T.RealtimeEvent[] = [];
  /** Chats sent whose answer's `done` (or `error`) has not been handed out yet. */
  #pending = 0;

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
      this.#pending += 1;
    } catch (e) {
      this.#checkAborted();
      throw mapError(e);
    }
  }

  /**
   * The same as {@link RealtimeSession.sendChat} (the name API.md gives, and the Rust core's
   * `chat`).
   *
   * @param conversationId - The conversation to continue; `null` starts a new one.
   * @param message - The message text.
   * @throws {WebSocketError} The socket is closed or failed.
   * @throws {APIUserAbortError} The `signal` given to `connect()` fired.
   */
  chat(conversationId: string | null | undefined, message: string): Promise<void> {
    return this.sendChat(conversationId, message);
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
        // an `error` event (thrown as its class) ends the answer too
        this.#pending = Math.max(0, this.#pending - 1);
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
    const ev = this.#queue.pop();
    if (ev?.type === 'done') this.#pending = Math.max(0, this.#pending - 1);
    return ev;
  }

  /**
   * Iterates one answer's events as they arrive: the loop ends after its `done` event (as
   * Python's `for event in session` does) or when the socket closes, and at once when no chat
   * is waiting for its answer (as in Python; `next()` waits for the socket's next event). The
   * session stays open: `sendChat` again and iterate again. `break` leaves the session open too.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<T.RealtimeEvent, void, undefined> {
    this.#checkAborted();
    if (this.#pending === 0 && this.#queue.length === 0) return;
    for (;;) {
      const ev = await this.next();
      if (ev === undefined) return;
      yield ev;
      if (ev.type === 'done') return;
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
 * The resources of the client (`client.chat`, ...), generated from the OpenAPI document
 * (ops-resources.ts); the constructor installs their implementation.
 */
export interface AgentClient extends OpsResources {}

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
    const d = dispatcher(c, (open, o) => new ChatEventStream(open, o), {
      'auth.login': (token: T.Token) => hideSecret(token, 'access_token'),
    });
    attachLog(c, resolveLog(options?.logger, options?.logLevel));
    Object.assign(this, opsResources(d));
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
    // the login's own records (the client made afterwards logs its calls as any other)
    const log = nativeLog(resolveLog(rest.logger, rest.logLevel));
    let inner: native.OpsClient;
    try {
      inner = await native.opsLogin(config({ ...rest, apiKey: undefined }), username, password, log?.level, log?.sink);
    } catch (e) {
      throw mapError(e);
    }
    return new AgentClient(rest, inner);
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
   * @throws {APIConnectionError} The client is closed.
   * @example
   * ```ts
   * const impatient = client.withOptions({ timeout: 5_000, maxRetries: 0 });
   * ```
   */
  withOptions(options: AgentClientOptions): AgentClient {
    if (options === null || typeof options !== 'object') {
      throw new TypeError('withOptions needs an object of client settings');
    }
    // a closed client makes no copy (APIConnectionError, as any call)
    sync(() => this.#c.checkOpen());
    if (options.apiKey !== undefined && options.apiKey !== null) {
      return new AgentClient({ ...this.#options, ...options });
    }
    const { apiKey: _k, ...rest } = options;
    const cfg = config({ ...rest, apiKey: 'unused' });
    const copy = sync(() => this.#c.withOptions({ ...cfg, apiKey: undefined, baseUrl: rest.baseURL ?? undefined }));
    return new AgentClient({ ...this.#options, ...rest }, copy);
  }

  /**
   * Closes the client: releases its connection pool now. Every call, stream or realtime connection started
   * afterwards rejects with `APIConnectionError` ("the client is closed"); those already running
   * finish; realtime sessions already open stay open until closed on their own. Closing again does nothing. `await using client = ...`
   * calls it too (`Symbol.asyncDispose`).
   *
   * @returns A promise resolved once closed.
   */
  async close(): Promise<void> {
    this.#c.close();
  }

  /** `close()`, for `await using` (set on the prototype where the runtime has the symbol). */
  declare [Symbol.asyncDispose]: () => Promise<void>;

  /** The base URL requests go to. */
  get baseURL(): string {
    return this.#c.baseUrl;
  }
}

addAsyncDispose(AgentClient);
