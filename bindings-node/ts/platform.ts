/**
 * `CJHirashiAgents`: the client of the CJHIRASHI Agents platform. A thin layer over the native
 * `PlatformClient` (retries, auth, SSE, pagination come from the Rust core).
 */

import {
  type CommonClientOptions,
  type ListRequestOptions,
  type RequestOptions,
  json,
  native,
  nativeClientConfig,
  nativeOptions as nativeOpts,
  sync,
  toJson,
} from './core';
import { InvalidArgumentError } from './errors';
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

/** The platform client. */
export class CJHirashiAgents {
  readonly #c: native.PlatformClient;

  readonly auth: {
    /** `POST /api/auth/signin`: the OAuth URL the service redirects to (not followed). */
    signInUrl(options?: RequestOptions): Promise<string>;
    /** `POST /api/auth/signout`. */
    signOut(options?: RequestOptions): Promise<T.SignOut>;
    /** `GET /api/auth/session`. */
    session(options?: RequestOptions): Promise<T.Session>;
    /** `POST /api/auth/api-keys`. */
    createApiKey(options?: RequestOptions): Promise<T.ApiKey>;
  };

  readonly users: {
    /** `GET /api/users/me`. */
    me(options?: RequestOptions): Promise<T.User>;
    /** `PATCH /api/users/me`. */
    updateMe(params: T.UpdateMeParams, options?: RequestOptions): Promise<T.UpdatedUser>;
    /** `GET /api/users` (admins): awaitable for the first page, async-iterable over every user. */
    list(params?: T.ListUsersParams, options?: ListRequestOptions): PagePromise<T.UserList, T.UserSummary>;
    /** `POST /api/users/invite` (admins). */
    invite(params: T.InviteUserParams, options?: RequestOptions): Promise<T.Invitation>;
    /** `DELETE /api/users/:id` (admins). */
    delete(id: string, options?: RequestOptions): Promise<T.DeletedUser>;
  };

  readonly agents: {
    /** `GET /api/agents`: resolves with the wire's data object `{ agents: [...] }`. */
    list(params?: T.ListAgentsParams, options?: RequestOptions): Promise<T.AgentList>;
    /** `GET /api/agents/:id`. */
    get(id: string, options?: RequestOptions): Promise<T.Agent>;
    /** `POST /api/agents`. */
    create(params: T.CreateAgentParams, options?: RequestOptions): Promise<T.CreatedAgent>;
    /** `DELETE /api/agents/:id`. */
    delete(id: string, options?: RequestOptions): Promise<T.DeletedAgent>;
  };

  readonly conversations: {
    /** `GET /api/conversations`: awaitable for the first page, async-iterable over every conversation. */
    list(
      params?: T.ListConversationsParams,
      options?: ListRequestOptions,
    ): PagePromise<T.ConversationList, T.Conversation>;
    /** `GET /api/conversations/:id` with its messages. */
    get(id: string, params?: T.GetConversationParams, options?: RequestOptions): Promise<T.Conversation>;
    /** `POST /api/conversations`: the conversation, able to `sendMessage` and `stream`. */
    create(params: T.CreateConversationParams, options?: RequestOptions): Promise<ConversationHandle>;
    /** `POST /api/conversations/:id/messages`: an async iterable of the answer's tokens. */
    sendMessage(id: string, content: string, options?: RequestOptions): MessageStream;
    /** `GET /api/conversations/:id/messages/stream`: the answer to the newest user message. */
    stream(id: string, options?: RequestOptions): MessageStream;
    /** `DELETE /api/conversations/:id`. */
    delete(id: string, options?: RequestOptions): Promise<T.DeletedConversation>;
  };

  readonly health: {
    /** `GET /api/health/profile`. */
    profile(options?: RequestOptions): Promise<T.HealthProfile>;
    /** `PATCH /api/health/profile`. */
    updateProfile(params: T.UpdateHealthProfileParams, options?: RequestOptions): Promise<T.HealthProfile>;
    readonly medications: {
      /** `GET /api/health/medications`. */
      list(options?: RequestOptions): Promise<T.MedicationList>;
      /** `POST /api/health/medications`. */
      create(params: T.CreateMedicationParams, options?: RequestOptions): Promise<T.Medication>;
    };
    readonly appointments: {
      /** `GET /api/health/appointments`. */
      list(params?: T.ListAppointmentsParams, options?: RequestOptions): Promise<T.AppointmentList>;
    };
  };

  readonly finance: {
    /** `GET /api/finance/profile`. */
    profile(options?: RequestOptions): Promise<T.FinanceProfile>;
    readonly accounts: {
      /** `GET /api/finance/accounts`. */
      list(options?: RequestOptions): Promise<T.AccountList>;
    };
    readonly transactions: {
      /** `GET /api/finance/transactions`: awaitable for the first page (with `summary`), async-iterable over every transaction. */
      list(
        params?: T.ListTransactionsParams,
        options?: ListRequestOptions,
      ): PagePromise<T.TransactionList, T.Transaction>;
      /** `POST /api/finance/transactions`. */
      create(params: T.CreateTransactionParams, options?: RequestOptions): Promise<T.Transaction>;
    };
    readonly budgets: {
      /** `GET /api/finance/budgets`. */
      list(options?: RequestOptions): Promise<T.BudgetList>;
    };
  };

  /** `POST /api/webhooks` plus the module's `sign` / `verify` / `unwrap` helpers. */
  readonly webhooks: WebhookHelpers & {
    create(params: T.CreateWebhookParams, options?: RequestOptions): Promise<T.Webhook>;
  };

  constructor(options: ClientOptions = {}) {
    const config = nativeClientConfig(options, PLATFORM_ENV_KEY, PLATFORM_ENV_URL);
    if (!config.apiKey) {
      throw new InvalidArgumentError(
        `no API key: pass { apiKey } or set the ${PLATFORM_ENV_KEY} environment variable`,
      );
    }
    const c = sync(() => new native.PlatformClient(config));
    this.#c = c;

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
      list: (p, o) => json(o, (n, k) => c.agentsList(body(p), n, k)),
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
      create: async (p, o) =>
        handle(await json<T.Conversation>(o, (n, k) => c.conversationsCreate(body(p), n, k)), o),
      sendMessage: (id, content, o) => stream((n, k) => c.conversationsSendMessage(id, content, n, k), o),
      stream: (id, o) => stream((n, k) => c.conversationsStream(id, n, k), o),
      delete: (id, o) => json(o, (n, k) => c.conversationsDelete(id, n, k)),
    };
    this.health = {
      profile: (o) => json(o, (n, k) => c.healthProfile(n, k)),
      updateProfile: (p, o) => json(o, (n, k) => c.healthUpdateProfile(body(p), n, k)),
      medications: {
        list: (o) => json(o, (n, k) => c.healthMedicationsList(n, k)),
        create: (p, o) => json(o, (n, k) => c.healthMedicationsCreate(body(p), n, k)),
      },
      appointments: {
        list: (p, o) => json(o, (n, k) => c.healthAppointmentsList(body(p), n, k)),
      },
    };
    this.finance = {
      profile: (o) => json(o, (n, k) => c.financeProfile(n, k)),
      accounts: {
        list: (o) => json(o, (n, k) => c.financeAccountsList(n, k)),
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
        list: (o) => json(o, (n, k) => c.financeBudgetsList(n, k)),
      },
    };
    this.webhooks = {
      ...webhookHelpers,
      create: (p, o) => json(o, (n, k) => c.webhooksCreate(body(p), n, k)),
    };
  }

  /** The base URL requests go to. */
  get baseURL(): string {
    return this.#c.baseUrl;
  }
}

/** The options of `create` minus its signal (a later stream should not inherit an abort). */
function withoutSignal(o: RequestOptions | undefined): RequestOptions | undefined {
  if (!o?.signal) return o;
  const { signal: _signal, ...rest } = o;
  return rest;
}
