/**
 * `CJHirashiAgents`: the client of the CJHIRASHI Agents platform. A thin layer over the native
 * `PlatformClient` (retries, auth, SSE, pagination come from the Rust core).
 */

import {
  type CommonClientOptions,
  type RequestOptions,
  addAsyncDispose,
  hideSecret,
  native,
  nativeClientConfig,
  sync,
} from './core';
import { dispatcher } from './dispatch';
import { InvalidArgumentError } from './errors';
import { attachLog, resolveLog } from './logging';
import { type PlatformResources, platformResources } from './platform-resources';
import { MessageStream } from './streaming';
import type * as T from './platform-types';

/**
 * Settings of a `CJHirashiAgents` client. A value of the wrong type is a `TypeError`, one out
 * of range a `RangeError`, both thrown by the constructor.
 */
export interface ClientOptions extends CommonClientOptions {
  /** API key (`cj_live_…`); defaults to `process.env.CJHIRASHI_API_KEY`. */
  apiKey?: string | null;
  /** Base URL; defaults to `process.env.CJHIRASHI_BASE_URL`, then `https://agents.cjhirashi.com/api`. */
  baseURL?: string | null;
  /**
   * Default page cap of the client's paginated lists (an integer of at least 1; default
   * 10000); a call's `maxPages` beats it.
   */
  maxPages?: number;
}

const PLATFORM_ENV_KEY = 'CJHIRASHI_API_KEY';
const PLATFORM_ENV_URL = 'CJHIRASHI_BASE_URL';

/** A created conversation: its wire fields plus `sendMessage` and `stream`. */
export type ConversationHandle = T.Conversation & {
  /** Sends `content` and streams the answer's tokens (`for await`, no `await` needed first). */
  sendMessage(content: string, options?: RequestOptions): MessageStream;
  /** Streams the answer to the newest user message (e.g. the `initialMessage`). */
  stream(options?: RequestOptions): MessageStream;
};

/**
 * The resources of the client (`client.users`, ...), generated from the OpenAPI document
 * (platform-resources.ts); the constructor installs their implementation.
 */
export interface CJHirashiAgents extends PlatformResources {}

/**
 * The client of the CJHIRASHI Agents platform. Resources: `auth`, `users`, `agents`,
 * `conversations`, `health` (`medications`, `appointments`), `finance` (`accounts`,
 * `transactions`, `budgets`) and `webhooks`. Failed calls are retried (429, 5xx, connection
 * errors) with backoff, honouring `Retry-After`.
 *
 * @example
 * ```ts
 * import { CJHirashiAgents } from '@cjhirashi/agents-sdk';
 *
 * const client = new CJHirashiAgents(); // reads CJHIRASHI_API_KEY
 * const conv = await client.conversations.create({ agentId: 'agt_personal_001' });
 * for await (const token of conv.sendMessage('Hola')) process.stdout.write(token);
 * ```
 */
export class CJHirashiAgents {
  readonly #c: native.PlatformClient;
  readonly #options: ClientOptions;

  /**
   * Builds a client. Nothing is sent until the first call.
   *
   * @param options - `apiKey` (default `process.env.CJHIRASHI_API_KEY`), `baseURL` (default
   *   `process.env.CJHIRASHI_BASE_URL`, then `https://agents.cjhirashi.com/api`), `timeout`,
   *   `maxRetries` and the other client settings.
   * @throws {InvalidArgumentError} No API key was given or found in the environment.
   * @throws {TypeError} A setting has the wrong type.
   * @throws {RangeError} A setting is out of range.
   * @example
   * ```ts
   * import { CJHirashiAgents } from '@cjhirashi/agents-sdk';
   * const client = new CJHirashiAgents({ apiKey: process.env.CJHIRASHI_API_KEY, maxRetries: 3 });
   * ```
   */
  constructor(options?: ClientOptions);
  /** @internal A client around a native client made by `withOptions`. */
  constructor(options: ClientOptions, inner: native.PlatformClient);
  constructor(options: ClientOptions = {}, inner?: native.PlatformClient) {
    let c: native.PlatformClient;
    if (inner) {
      c = inner;
    } else {
      const config = nativeClientConfig(options, PLATFORM_ENV_KEY, PLATFORM_ENV_URL, true);
      if (!config.apiKey) {
        throw new InvalidArgumentError(
          `no API key: pass { apiKey } or set the ${PLATFORM_ENV_KEY} environment variable`,
        );
      }
      c = sync(() => new native.PlatformClient(config));
    }
    this.#c = c;
    this.#options = { ...(options ?? {}) };

    const handle = (conv: T.Conversation, createOptions: RequestOptions | undefined): ConversationHandle => {
      const h = conv as ConversationHandle;
      Object.defineProperties(h, {
        sendMessage: {
          value: (content: string, options?: RequestOptions) =>
            this.conversations.sendMessage(conv.id, content, options ?? withoutSignal(createOptions)),
          enumerable: false,
        },
        stream: {
          value: (options?: RequestOptions) =>
            this.conversations.stream(conv.id, options ?? withoutSignal(createOptions)),
          enumerable: false,
        },
      });
      return h;
    };
    const d = dispatcher(
      c,
      (open, o) => new MessageStream(open, o),
      {
        'conversations.create': (conv: T.Conversation, o) => handle(conv, o),
        'auth.create_api_key': (key: T.ApiKey) => hideSecret(key, 'apiKey'),
      },
    );
    attachLog(c, resolveLog(options?.logger, options?.logLevel));
    Object.assign(this, platformResources(d));
  }

  /**
   * A copy of this client with other settings (`timeout`, `maxRetries`, `defaultHeaders`,
   * `streamIdleTimeout`, `maxResponseBytes`, `baseURL`, or another `apiKey`); the settings left
   * out keep this client's values. The copy has a connection pool of its own.
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
  withOptions(options: ClientOptions): CJHirashiAgents {
    if (options === null || typeof options !== 'object') {
      throw new TypeError('withOptions needs an object of client settings');
    }
    // a closed client makes no copy (APIConnectionError, as any call)
    sync(() => this.#c.checkOpen());
    if (options.apiKey !== undefined && options.apiKey !== null) {
      return new CJHirashiAgents({ ...this.#options, ...options });
    }
    const { apiKey: _k, ...rest } = options;
    const config = nativeClientConfig({ ...rest, apiKey: 'unused' }, PLATFORM_ENV_KEY, PLATFORM_ENV_URL, true);
    const copy = sync(() => this.#c.withOptions({ ...config, apiKey: undefined, baseUrl: rest.baseURL ?? undefined }));
    return new CJHirashiAgents({ ...this.#options, ...rest }, copy);
  }

  /**
   * Closes the client: releases its connection pool now. Every call, stream or list started
   * afterwards rejects with `APIConnectionError` ("the client is closed"); those already running
   * finish. Closing again does nothing. `await using client = new CJHirashiAgents()`
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

addAsyncDispose(CJHirashiAgents);

/** The options of `create` minus its signal (a later stream should not inherit an abort). */
function withoutSignal(o: RequestOptions | undefined): RequestOptions | undefined {
  if (!o?.signal) return o;
  const { signal: _signal, ...rest } = o;
  return rest;
}
