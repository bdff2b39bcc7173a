/**
 * `CJHirashiAgents`: the client of the CJHIRASHI Agents platform. A thin layer over the native
 * `PlatformClient` (retries, auth, SSE, pagination come from the Rust core).
 */

import {
  type APIPromise,
  type CommonClientOptions,
  type ListRequestOptions,
  type RequestOptions,
  addAsyncDispose,
  json,
  native,
  nativeClientConfig,
  nativeOptions as nativeOpts,
  sync,
  toJson,
} from './core';
import { InvalidArgumentError } from './errors';
import { instrument, resolveLog } from './logging';
import { PagePromise } from './pagination';
import { MessageStream } from './streaming';
import type * as T from './platform-types';
import { type WebhookHelpers, webhooks as webhookHelpers } from './webhooks';

/**
 * Settings of a `CJHirashiAgents` client. A value of the wrong type is a `TypeError`, one out
 * of range a `RangeError`, both thrown by the constructor.
 */
export interface ClientOptions extends CommonClientOptions {
  /** API key (`cj_live_…`); defaults to `process.env.CJHIRASHI_API_KEY`. */
  apiKey?: string | null;
  /** Base URL; defaults to `process.env.CJHIRASHI_BASE_URL`, then `https://agents.cjhirashi.com/api`. */
  baseURL?: string | null;
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

function body(params: object | undefined): string {
  return toJson('params', params);
}

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

  /** Sign-in URL, sign-out, the current session and new API keys. */
  readonly auth: {
    /**
     * The URL the service sends a browser to for signing in (`POST /api/auth/signin`). The redirect
     * is not followed: an API key never leaves for it.
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The OAuth sign-in URL.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    signInUrl(options?: RequestOptions): APIPromise<string>;
    /**
     * Ends the current session (`POST /api/auth/signout`).
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The service's confirmation.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    signOut(options?: RequestOptions): APIPromise<T.SignOut>;
    /**
     * The current session (`GET /api/auth/session`).
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns Who is signed in and until when.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * const { user } = await client.auth.session();
     * console.log(user.email);
     * ```
     */
    session(options?: RequestOptions): APIPromise<T.Session>;
    /**
     * Creates a new API key for the caller (`POST /api/auth/api-keys`).
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The key (shown once) and its expiry.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    createApiKey(options?: RequestOptions): APIPromise<T.ApiKey>;
  };

  /** The caller's profile and, for admins, user management. */
  readonly users: {
    /**
     * The caller's profile, limits and usage (`GET /api/users/me`).
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The signed-in user.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * const me = await client.users.me();
     * console.log(me.subscriptionTier, me.usage.messagesUsed);
     * ```
     */
    me(options?: RequestOptions): APIPromise<T.User>;
    /**
     * Changes the caller's name or preferences (`PATCH /api/users/me`); the fields left out stay as
     * they are.
     *
     * @param params - The fields to change.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The user after the change.
     * @throws {BadRequestError} A field was refused (400).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    updateMe(params: T.UpdateMeParams, options?: RequestOptions): APIPromise<T.UpdatedUser>;
    /**
     * Lists the users, page by page (`GET /api/users`, admins only).
     *
     * @param params - Filters (`role`, `search`), the first `page` and the page size `limit`.
     * @param options - Per-request options, plus `maxPages` (the most pages iteration may fetch).
     * @returns A `PagePromise`: `await` it for the first page, or `for await` over every user of
     *   every page.
     * @throws {PermissionDeniedError} The key is not an admin's (403).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * for await (const user of client.users.list({ role: 'USER' })) {
     *   console.log(user.email);
     * }
     * ```
     */
    list(params?: T.ListUsersParams, options?: ListRequestOptions): PagePromise<T.UserList, T.UserSummary>;
    /**
     * Invites someone by email (`POST /api/users/invite`, admins only).
     *
     * @param params - The address, the role and a personal note.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The invitation.
     * @throws {PermissionDeniedError} The key is not an admin's (403).
     * @throws {ConflictError} That email already has an account (409).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    invite(params: T.InviteUserParams, options?: RequestOptions): APIPromise<T.Invitation>;
    /**
     * Deletes a user (`DELETE /api/users/:id`, admins only).
     *
     * @param id - The user's id.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The confirmation with the deleted user's id.
     * @throws {PermissionDeniedError} The key is not an admin's (403).
     * @throws {NotFoundError} No user has this id (404).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    delete(id: string, options?: RequestOptions): APIPromise<T.DeletedUser>;
  };

  /** The agents the caller can talk to, and the caller's own agents. */
  readonly agents: {
    /**
     * Lists the agents available to the caller (`GET /api/agents`).
     *
     * @param params - Filters: `category`, `isPublic`.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The agents, an `Array` (one answer, no pagination).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * const agents = await client.agents.list({ category: 'personal' });
     * ```
     */
    list(params?: T.ListAgentsParams, options?: RequestOptions): APIPromise<T.Agent[]>;
    /**
     * One agent with its configuration and capabilities (`GET /api/agents/:id`).
     *
     * @param id - The agent's id (e.g. `agt_personal_001`).
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The agent.
     * @throws {NotFoundError} No agent has this id, or the caller cannot see it (404).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    get(id: string, options?: RequestOptions): APIPromise<T.Agent>;
    /**
     * Creates a custom agent owned by the caller (`POST /api/agents`).
     *
     * @param params - Name, description, model, `config`, `systemPrompt`, `isPublic`.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The new agent's id, name and endpoint URL.
     * @throws {BadRequestError} A field was refused (400).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * const agent = await client.agents.create({
     *   name: 'Helper',
     *   config: { temperature: 0.2 },
     * });
     * ```
     */
    create(params: T.CreateAgentParams, options?: RequestOptions): APIPromise<T.CreatedAgent>;
    /**
     * Deletes an agent (`DELETE /api/agents/:id`, its owner or an admin).
     *
     * @param id - The agent's id.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The confirmation with the deleted agent's id.
     * @throws {PermissionDeniedError} The caller neither owns it nor is an admin (403).
     * @throws {NotFoundError} No agent has this id (404).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    delete(id: string, options?: RequestOptions): APIPromise<T.DeletedAgent>;
  };

  /** The caller's conversations with agents, and the streamed answers. */
  readonly conversations: {
    /**
     * Lists the caller's conversations, newest first, page by page by cursor (`GET
     * /api/conversations`).
     *
     * @param params - Filter `agentId`, page size `limit`, start `cursor`.
     * @param options - Per-request options, plus `maxPages` (the most pages iteration may fetch).
     * @returns A `PagePromise`: `await` it for the first page, or `for await` over every
     *   conversation.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * for await (const conv of client.conversations.list({ agentId: 'agt_personal_001' })) {
     *   console.log(conv.id, conv.title);
     * }
     * ```
     */
    list(
      params?: T.ListConversationsParams,
      options?: ListRequestOptions,
    ): PagePromise<T.ConversationList, T.Conversation>;
    /**
     * One conversation with its most recent messages (`GET /api/conversations/:id`).
     *
     * @param id - The conversation's id.
     * @param params - `messageLimit`: how many recent messages (default 50, at most 200).
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The conversation with `messages`.
     * @throws {NotFoundError} No conversation of the caller has this id (404).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    get(id: string, params?: T.GetConversationParams, options?: RequestOptions): APIPromise<T.Conversation>;
    /**
     * Starts a conversation with an agent (`POST /api/conversations`).
     *
     * @param params - `agentId`, and optionally `title` and `initialMessage`.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The conversation, with `sendMessage(content)` and `stream()`.
     * @throws {NotFoundError} No agent has this id (404).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * const conv = await client.conversations.create({ agentId: 'agt_personal_001' });
     * for await (const token of conv.sendMessage('Hola')) process.stdout.write(token);
     * ```
     */
    create(params: T.CreateConversationParams, options?: RequestOptions): APIPromise<ConversationHandle>;
    /**
     * Sends a user message and streams the assistant's answer token by token (`POST
     * /api/conversations/:id/messages`, SSE). The request is sent at once; nothing needs awaiting
     * first.
     *
     * @param id - The conversation's id.
     * @param content - The message text.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns A `MessageStream`: `for await` yields `string` tokens; `finalText()` resolves the
     *   whole text; afterwards `messageId` and `tokensUsed` are set.
     * @throws {NotFoundError} No conversation of the caller has this id (404), while iterating.
     * @throws {IncompleteStreamError} The stream ended before its `done` event.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * const stream = client.conversations.sendMessage('conv_123', 'Hola');
     * for await (const token of stream) process.stdout.write(token);
     * ```
     */
    sendMessage(id: string, content: string, options?: RequestOptions): MessageStream;
    /**
     * Streams the answer to the newest user message, e.g. the `initialMessage` (`GET
     * /api/conversations/:id/messages/stream`).
     *
     * @param id - The conversation's id.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns A `MessageStream` of `string` tokens.
     * @throws {NotFoundError} No conversation of the caller has this id, or it has no user message
     *   to answer (404), while iterating.
     * @throws {IncompleteStreamError} The stream ended before its `done` event.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    stream(id: string, options?: RequestOptions): MessageStream;
    /**
     * Deletes a conversation and its messages (`DELETE /api/conversations/:id`).
     *
     * @param id - The conversation's id.
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The confirmation with the deleted conversation's id.
     * @throws {NotFoundError} No conversation of the caller has this id (404).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    delete(id: string, options?: RequestOptions): APIPromise<T.DeletedConversation>;
  };

  /** The caller's health profile, medications and appointments. */
  readonly health: {
    /**
     * The caller's health profile (`GET /api/health/profile`).
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns Blood type, height, weight, allergies and conditions.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    profile(options?: RequestOptions): APIPromise<T.HealthProfile>;
    /**
     * Changes the health profile (`PATCH /api/health/profile`); the fields left out stay as they
     * are.
     *
     * @param params - `bloodType`, `height` (cm), `weight` (kg).
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns The whole profile after the change.
     * @throws {BadRequestError} A field was refused (400).
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     * @example
     * ```ts
     * await client.health.updateProfile({ weight: 70.5 });
     * ```
     */
    updateProfile(params: T.UpdateHealthProfileParams, options?: RequestOptions): APIPromise<T.HealthProfile>;
    /** The caller's medications. */
    readonly medications: {
      /**
       * Lists the caller's medications (`GET /api/health/medications`).
       *
       * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
       *   `signal`, ...).
       * @returns The medications, an `Array`.
       * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
       *   `RateLimitError` 429, ...).
       * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
       * @throws {APIUserAbortError} `options.signal` aborted the call.
       */
      list(options?: RequestOptions): APIPromise<T.Medication[]>;
      /**
       * Adds a medication (`POST /api/health/medications`).
       *
       * @param params - `name`, `dosage`, `frequency`, and optionally `startDate`, `instructions`.
       * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
       *   `signal`, ...).
       * @returns The new medication.
       * @throws {BadRequestError} A field was refused (400).
       * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
       *   `RateLimitError` 429, ...).
       * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
       * @throws {APIUserAbortError} `options.signal` aborted the call.
       */
      create(params: T.CreateMedicationParams, options?: RequestOptions): APIPromise<T.Medication>;
    };
    /** The caller's appointments. */
    readonly appointments: {
      /**
       * Lists the caller's appointments (`GET /api/health/appointments`).
       *
       * @param params - `upcoming` (the service's default is `true`), `from` and `to` days
       *   (`YYYY-MM-DD`).
       * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
       *   `signal`, ...).
       * @returns The appointments, an `Array`.
       * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
       *   `RateLimitError` 429, ...).
       * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
       * @throws {APIUserAbortError} `options.signal` aborted the call.
       */
      list(params?: T.ListAppointmentsParams, options?: RequestOptions): APIPromise<T.Appointment[]>;
    };
  };

  /** The caller's finances: profile, accounts, transactions and budgets. */
  readonly finance: {
    /**
     * The caller's finance profile (`GET /api/finance/profile`).
     *
     * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
     *   `signal`, ...).
     * @returns Currency, income, assets, liabilities and net worth.
     * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
     *   `RateLimitError` 429, ...).
     * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
     * @throws {APIUserAbortError} `options.signal` aborted the call.
     */
    profile(options?: RequestOptions): APIPromise<T.FinanceProfile>;
    /** The caller's accounts. */
    readonly accounts: {
      /**
       * Lists the caller's accounts (`GET /api/finance/accounts`).
       *
       * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
       *   `signal`, ...).
       * @returns The accounts with their balances, an `Array`.
       * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
       *   `RateLimitError` 429, ...).
       * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
       * @throws {APIUserAbortError} `options.signal` aborted the call.
       */
      list(options?: RequestOptions): APIPromise<T.Account[]>;
    };
    /** The caller's transactions. */
    readonly transactions: {
      /**
       * Lists transactions, newest first, page by page by cursor (`GET /api/finance/transactions`);
       * each page carries the `summary` of the whole filtered set.
       *
       * @param params - Filters `accountId`, `from`, `to` (`YYYY-MM-DD`), `category`; page size
       *   `limit`; start `cursor`.
       * @param options - Per-request options, plus `maxPages` (the most pages iteration may fetch).
       * @returns A `PagePromise`: `await` it for the first page (with `summary`), or `for await`
       *   over every transaction.
       * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
       *   `RateLimitError` 429, ...).
       * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
       * @throws {APIUserAbortError} `options.signal` aborted the call.
       * @example
       * ```ts
       * const page = await client.finance.transactions.list({ accountId: 'acc_001' });
       * console.log(page.summary.netFlow);
       * for await (const tx of client.finance.transactions.list({ category: 'FOOD' })) console.log(tx.amount);
       * ```
       */
      list(
        params?: T.ListTransactionsParams,
        options?: ListRequestOptions,
      ): PagePromise<T.TransactionList, T.Transaction>;
      /**
       * Records a transaction (`POST /api/finance/transactions`).
       *
       * @param params - `accountId`, `amount` (negative for expenses), `description`, and
       *   optionally `category`, `date`, `type`.
       * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
       *   `signal`, ...).
       * @returns The new transaction.
       * @throws {NotFoundError} No account of the caller has this id (404).
       * @throws {BadRequestError} A field was refused (400).
       * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
       *   `RateLimitError` 429, ...).
       * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
       * @throws {APIUserAbortError} `options.signal` aborted the call.
       */
      create(params: T.CreateTransactionParams, options?: RequestOptions): APIPromise<T.Transaction>;
    };
    /** The caller's budgets. */
    readonly budgets: {
      /**
       * Lists the caller's budgets with what is spent and what remains (`GET
       * /api/finance/budgets`).
       *
       * @param options - Per-request options (`timeout`, `maxRetries`, `headers`, `idempotencyKey`,
       *   `signal`, ...).
       * @returns The budgets, an `Array`.
       * @throws {APIError} An error answer, as its subclass (`AuthenticationError` 401,
       *   `RateLimitError` 429, ...).
       * @throws {APIConnectionError} No answer (`APITimeoutError` when a timeout ran out).
       * @throws {APIUserAbortError} `options.signal` aborted the call.
       */
      list(options?: RequestOptions): APIPromise<T.Budget[]>;
    };
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
     * @example
     * ```ts
     * await client.webhooks.create({
     *   url: 'https://example.com/hooks',
     *   events: ['conversation.created'],
     *   secret: process.env.WEBHOOK_SECRET!,
     * });
     * ```
     */
    create(params: T.CreateWebhookParams, options?: RequestOptions): APIPromise<T.Webhook>;
  };

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
      const config = nativeClientConfig(options, PLATFORM_ENV_KEY, PLATFORM_ENV_URL);
      if (!config.apiKey) {
        throw new InvalidArgumentError(
          `no API key: pass { apiKey } or set the ${PLATFORM_ENV_KEY} environment variable`,
        );
      }
      c = sync(() => new native.PlatformClient(config));
    }
    this.#c = c;
    this.#options = { ...(options ?? {}) };

    const stream = (
      open: (o: native.CallOptions | undefined, k: native.CancelHandle | undefined) => Promise<native.TokenStream>,
      options: RequestOptions | undefined,
    ): MessageStream => {
      const n = nativeOpts(options);
      return new MessageStream((k) => open(n, k), options);
    };
    const list = <Page, Item>(
      open: (o: native.CallOptions | undefined, k: native.CancelHandle | undefined) => native.Pager,
      items: (page: Page) => Item[],
      options: ListRequestOptions | undefined,
    ): PagePromise<Page, Item> => {
      const n = nativeOpts(options, true);
      return new PagePromise<Page, Item>((k) => open(n, k), items, options);
    };

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

    this.auth = {
      signInUrl: (o) => json(o, (n, k) => c.authSignInUrl(n, k)),
      signOut: (o) => json(o, (n, k) => c.authSignOut(n, k)),
      session: (o) => json(o, (n, k) => c.authSession(n, k)),
      createApiKey: (o) => json(o, (n, k) => c.authCreateApiKey(n, k)),
    };
    this.users = {
      me: (o) => json(o, (n, k) => c.usersMe(n, k)),
      updateMe: (p, o) => json(o, (n, k) => c.usersUpdateMe(body(p), n, k)),
      list: (p, o) => {
        const params = body(p);
        return list<T.UserList, T.UserSummary>((n, k) => c.usersList(params, n, k), (page) => page.users, o);
      },
      invite: (p, o) => json(o, (n, k) => c.usersInvite(body(p), n, k)),
      delete: (id, o) => json(o, (n, k) => c.usersDelete(id, n, k)),
    };
    this.agents = {
      list: (p, o) => json(o, (n, k) => c.agentsList(body(p), n, k), (d: T.AgentList) => d.agents),
      get: (id, o) => json(o, (n, k) => c.agentsGet(id, n, k)),
      create: (p, o) => json(o, (n, k) => c.agentsCreate(body(p), n, k)),
      delete: (id, o) => json(o, (n, k) => c.agentsDelete(id, n, k)),
    };
    this.conversations = {
      list: (p, o) => {
        const params = body(p);
        return list<T.ConversationList, T.Conversation>(
          (n, k) => c.conversationsList(params, n, k),
          (page) => page.conversations,
          o,
        );
      },
      get: (id, p, o) => json(o, (n, k) => c.conversationsGet(id, body(p), n, k)),
      create: (p, o) =>
        json(o, (n, k) => c.conversationsCreate(body(p), n, k), (conv: T.Conversation) => handle(conv, o)),
      sendMessage: (id, content, o) => stream((n, k) => c.conversationsSendMessage(id, content, n, k), o),
      stream: (id, o) => stream((n, k) => c.conversationsStream(id, n, k), o),
      delete: (id, o) => json(o, (n, k) => c.conversationsDelete(id, n, k)),
    };
    this.health = {
      profile: (o) => json(o, (n, k) => c.healthProfile(n, k)),
      updateProfile: (p, o) => json(o, (n, k) => c.healthUpdateProfile(body(p), n, k)),
      medications: {
        list: (o) => json(o, (n, k) => c.healthMedicationsList(n, k), (d: T.MedicationList) => d.medications),
        create: (p, o) => json(o, (n, k) => c.healthMedicationsCreate(body(p), n, k)),
      },
      appointments: {
        list: (p, o) =>
          json(o, (n, k) => c.healthAppointmentsList(body(p), n, k), (d: T.AppointmentList) => d.appointments),
      },
    };
    this.finance = {
      profile: (o) => json(o, (n, k) => c.financeProfile(n, k)),
      accounts: {
        list: (o) => json(o, (n, k) => c.financeAccountsList(n, k), (d: T.AccountList) => d.accounts),
      },
      transactions: {
        list: (p, o) => {
          const params = body(p);
          return list<T.TransactionList, T.Transaction>(
            (n, k) => c.financeTransactionsList(params, n, k),
            (page) => page.transactions,
            o,
          );
        },
        create: (p, o) => json(o, (n, k) => c.financeTransactionsCreate(body(p), n, k)),
      },
      budgets: {
        list: (o) => json(o, (n, k) => c.financeBudgetsList(n, k), (d: T.BudgetList) => d.budgets),
      },
    };
    this.webhooks = {
      ...webhookHelpers,
      create: (p, o) => json(o, (n, k) => c.webhooksCreate(body(p), n, k)),
    };
    instrument(this, resolveLog(options?.logger, options?.logLevel), [
      'auth',
      'users',
      'agents',
      'conversations',
      'health',
      'finance',
      'webhooks',
    ]);
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
   * @example
   * ```ts
   * const impatient = client.withOptions({ timeout: 5_000, maxRetries: 0 });
   * ```
   */
  withOptions(options: ClientOptions): CJHirashiAgents {
    if (options === null || typeof options !== 'object') {
      throw new TypeError('withOptions needs an object of client settings');
    }
    if (options.apiKey !== undefined && options.apiKey !== null) {
      return new CJHirashiAgents({ ...this.#options, ...options });
    }
    const { apiKey: _k, ...rest } = options;
    const config = nativeClientConfig({ ...rest, apiKey: 'unused' }, PLATFORM_ENV_KEY, PLATFORM_ENV_URL);
    const copy = sync(() => this.#c.withOptions({ ...config, apiKey: undefined, baseUrl: rest.baseURL ?? undefined }));
    return new CJHirashiAgents({ ...this.#options, ...rest }, copy);
  }

  /**
   * Closes the client: the connections it keeps open are released once it is no longer
   * referenced (calls made before stay valid). `await using client = new CJHirashiAgents()`
   * calls it too (`Symbol.asyncDispose`).
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

addAsyncDispose(CJHirashiAgents);

/** The options of `create` minus its signal (a later stream should not inherit an abort). */
function withoutSignal(o: RequestOptions | undefined): RequestOptions | undefined {
  if (!o?.signal) return o;
  const { signal: _signal, ...rest } = o;
  return rest;
}
