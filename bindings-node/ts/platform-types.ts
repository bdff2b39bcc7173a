/**
 * Objects of the platform service, exactly as on the wire (camelCase). Results are the `data`
 * part of the `{data, meta}` envelope. Optional fields may be absent.
 */

/** A user's role. */
export type Role = 'ADMIN' | 'USER';
/** A subscription plan. */
export type SubscriptionTier = 'FREE' | 'PRO' | 'BUSINESS';
/** The category of an agent. */
export type AgentCategory = 'personal' | 'health' | 'finance';
/** The kind of a finance account. */
export type AccountType = 'SAVINGS' | 'CHECKING' | 'CREDIT_CARD' | 'INVESTMENT' | 'LOAN' | 'CASH';
/** Whether a transaction is money in, money out or a transfer. */
export type TransactionType = 'INCOME' | 'EXPENSE' | 'TRANSFER';
/** The category of a transaction or a budget. */
export type TransactionCategory =
  | 'FOOD'
  | 'TRANSPORT'
  | 'INCOME'
  | 'HOUSING'
  | 'UTILITIES'
  | 'HEALTH'
  | 'ENTERTAINMENT'
  | 'SHOPPING'
  | 'EDUCATION'
  | 'OTHER';
/** The kind of a medical appointment. */
export type AppointmentType = 'CHECKUP' | 'SPECIALIST' | 'LAB' | 'EMERGENCY' | 'FOLLOW_UP' | 'OTHER';
/** How a budget is doing: on track, close to its amount, or over it. */
export type BudgetStatus = 'ON_TRACK' | 'WARNING' | 'EXCEEDED';
/** How often a budget starts again. */
export type BudgetPeriod = 'WEEKLY' | 'MONTHLY' | 'YEARLY';
/** How severe an allergy is. */
export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
/** Who wrote a message. */
export type MessageRole = 'user' | 'assistant' | 'system';
/** The event names a platform webhook can subscribe to. */
export type PlatformWebhookEvent =
  | 'conversation.created'
  | 'conversation.deleted'
  | 'message.sent'
  | 'message.received'
  | 'agent.created'
  | 'agent.invoked'
  | 'user.created';

// ----- auth -----

/** The answer of `auth.signOut()`. */
export interface SignOut {
  /** Confirmation message. */
  message: string;
}

/** The signed-in user of a session. */
export interface SessionUser {
  /** The user's id. */
  id: string;
  /** Email address. */
  email: string;
  /** Name. */
  name?: string;
  /** Role. */
  role: Role;
  /** URL of the profile picture. */
  image?: string;
  /** Subscription plan. */
  subscriptionTier?: SubscriptionTier;
}

/** The current session (`auth.session()`). */
export interface Session {
  /** Who is signed in. */
  user: SessionUser;
  /** When the session expires (RFC 3339). */
  expires?: string;
}

/** A new API key (`auth.createApiKey()`). */
export interface ApiKey {
  /** The new key (`cj_live_…`); shown only once. */
  apiKey: string;
  /** When it expires (RFC 3339). */
  expiresAt?: string;
}

// ----- users -----

/** The monthly limits of a user's plan (absent: unlimited). */
export interface UserLimits {
  /** Messages allowed per month. */
  monthlyMessages?: number;
  /** Tokens allowed per month. */
  monthlyTokens?: number;
  /** Custom agents allowed. */
  agentsAllowed?: number;
}

/** What a user used this month. */
export interface UserUsage {
  /** Messages sent this month. */
  messagesUsed: number;
  /** Tokens used this month. */
  tokensUsed: number;
}

/** The caller's profile (`users.me()`), with plan, limits and usage. */
export interface User {
  /** Unique id. */
  id: string;
  /** Email address. */
  email: string;
  /** Name. */
  name?: string;
  /** Role. */
  role: Role;
  /** Subscription plan. */
  subscriptionTier: SubscriptionTier;
  /** Whether it is active. */
  isActive: boolean;
  /** When it was created (RFC 3339). */
  createdAt: string;
  /** The plan's monthly limits. */
  limits: UserLimits;
  /** This month's usage. */
  usage: UserUsage;
  /** URL of the profile picture. */
  image?: string;
  /** Free-form preferences (a JSON object). */
  preferences?: Record<string, unknown>;
}

/** The fields `users.updateMe()` changes (the ones left out stay as they are). */
export interface UpdateMeParams {
  /** The new display name. */
  name?: string;
  /** Free-form preferences (a JSON object). */
  preferences?: Record<string, unknown>;
}

/** The answer of `users.updateMe()`. */
export interface UpdatedUser {
  /** Unique id. */
  id: string;
  /** Name. */
  name?: string;
  /** Free-form preferences (a JSON object). */
  preferences?: Record<string, unknown>;
}

/** A user as `users.list()` lists it. */
export interface UserSummary {
  /** Unique id. */
  id: string;
  /** Email address. */
  email: string;
  /** Name. */
  name?: string;
  /** Role. */
  role: Role;
  /** Whether it is active. */
  isActive?: boolean;
  /** When it was created (RFC 3339). */
  createdAt?: string;
  /** Subscription plan. */
  subscriptionTier?: SubscriptionTier;
}

/** Page-number pagination of `users.list()`. */
export interface PagePagination {
  /** This page's number (1-based). */
  page: number;
  /** Items per page. */
  limit: number;
  /** Items in the whole list. */
  total: number;
  /** Pages in the whole list. */
  pages: number;
}

/** One page of `GET /api/users`. */
export interface UserList {
  /** The users of this page. */
  users: UserSummary[];
  /** Where this page is in the list. */
  pagination: PagePagination;
}

/** Filters and page size of `users.list()`. */
export interface ListUsersParams {
  /** First page to read (default 1). */
  page?: number;
  /** Users per page (default 20, at most 100). */
  limit?: number;
  /** Only users with this role. */
  role?: Role;
  /** Only users whose email or name contains this text. */
  search?: string;
}

/** The invitation `users.invite()` sends. */
export interface InviteUserParams {
  /** The address to invite. */
  email: string;
  /** The role the new user gets (default `USER`). */
  role?: Role;
  /** A personal note for the invitation email. */
  message?: string;
}

/** An invitation sent by `users.invite()`. */
export interface Invitation {
  /** The invitation's id. */
  invitationId: string;
  /** The invited address. */
  email: string;
  /** When it expires (RFC 3339). */
  expiresAt?: string;
  /** The link the invitation email carries. */
  inviteUrl?: string;
}

/** The answer of `users.delete()`. */
export interface DeletedUser {
  /** A human-readable message from the service. */
  message: string;
  /** The id of the deleted user. */
  deletedUserId: string;
}

// ----- agents -----

/** Model settings of an agent. */
export interface AgentConfig {
  /** Sampling temperature (0 to 2). */
  temperature?: number;
  /** Longest answer, in tokens. */
  maxTokens?: number;
  /** Nucleus sampling (0 to 1). */
  topP?: number;
}

/** An agent the caller can talk to. */
export interface Agent {
  /** Unique id. */
  id: string;
  /** Name. */
  name: string;
  /** What it is. */
  description?: string;
  /** The agent's category. */
  category?: AgentCategory;
  /** The language model it runs on (e.g. `gpt-4`). */
  model?: string;
  /** Whether every user can see it. */
  isPublic: boolean;
  /** Who created it (`system` for built-in agents). */
  createdBy?: string;
  /** What the agent can do (e.g. `budget_analysis`). */
  capabilities: string[];
  /** Model settings. */
  config?: AgentConfig;
  /** When it was created (RFC 3339). */
  createdAt?: string;
  /** The instructions the agent follows. */
  systemPrompt?: string;
}

/** `GET /api/agents`: the wire's data object. */
export interface AgentList {
  /** The agents. */
  agents: Agent[];
}

/** Filters of `agents.list()`. */
export interface ListAgentsParams {
  /** Only agents of this category. */
  category?: AgentCategory;
  /** Only public (`true`) or only private (`false`) agents. */
  isPublic?: boolean;
}

/** The agent `agents.create()` makes. */
export interface CreateAgentParams {
  /** The agent's name. */
  name: string;
  /** What it is. */
  description?: string;
  /** The language model it runs on (e.g. `gpt-4`). */
  model?: string;
  /** Model settings. */
  config?: AgentConfig;
  /** The instructions the agent follows. */
  systemPrompt?: string;
  /** Whether every user can see it (default `false`). */
  isPublic?: boolean;
}

/** The answer of `agents.create()`. */
export interface CreatedAgent {
  /** Unique id. */
  id: string;
  /** Name. */
  name: string;
  /** The agent's own endpoint URL. */
  endpointUrl?: string;
  /** When it was created (RFC 3339). */
  createdAt?: string;
}

/** The answer of `agents.delete()`. */
export interface DeletedAgent {
  /** A human-readable message from the service. */
  message: string;
  /** The id of the deleted agent. */
  deletedAgentId: string;
}

// ----- conversations -----

/** A message of a conversation. */
export interface Message {
  /** Unique id. */
  id: string;
  /** Who wrote it (`user`, `assistant`, `system`). */
  role: MessageRole;
  /** The text. */
  content: string;
  /** When it was written (RFC 3339). */
  timestamp?: string;
}

/** A conversation with an agent. */
export interface Conversation {
  /** Unique id. */
  id: string;
  /** Title. */
  title?: string;
  /** The agent of the conversation. */
  agentId: string;
  /** When it was created (RFC 3339). */
  createdAt?: string;
  /** When it last changed (RFC 3339). */
  updatedAt?: string;
  /** How many messages it holds. */
  messageCount?: number;
  /** Only in `conversations.get`. */
  messages?: Message[];
}

/** Cursor pagination of `conversations.list()` and `finance.transactions.list()`. */
export interface CursorPagination {
  /** The cursor of the next page (absent on the last page). */
  nextCursor?: string;
  /** Whether another page follows. */
  hasMore: boolean;
}

/** One page of `GET /api/conversations`. */
export interface ConversationList {
  /** The conversations of this page. */
  conversations: Conversation[];
  /** Where this page is in the list. */
  pagination: CursorPagination;
}

/** Filters and page size of `conversations.list()`. */
export interface ListConversationsParams {
  /** Only conversations with this agent. */
  agentId?: string;
  /** Start after this cursor. */
  cursor?: string;
  /** Items per page (default 20, at most 100). */
  limit?: number;
}

/** Options of `conversations.get()`. */
export interface GetConversationParams {
  /** How many recent messages to include (default 50, at most 200). */
  messageLimit?: number;
}

/** The conversation `conversations.create()` starts. */
export interface CreateConversationParams {
  /** The agent to talk to. */
  agentId: string;
  /** A title for the conversation. */
  title?: string;
  /** A first user message; `conversation.stream()` streams its answer. */
  initialMessage?: string;
}

/** The answer of `conversations.delete()`. */
export interface DeletedConversation {
  /** A human-readable message from the service. */
  message: string;
  /** The id of the deleted conversation. */
  deletedConversationId: string;
}

/** The `done` event of a token stream. */
export interface StreamDone {
  /** Id of the stored answer. */
  messageId: string;
  /** Tokens the answer used. */
  tokensUsed: number;
  /** When the answer was stored (RFC 3339). */
  timestamp: string;
}

// ----- health -----

/** An allergy of the health profile. */
export interface Allergy {
  /** Unique id. */
  id: string;
  /** Name. */
  name: string;
  /** How severe it is. */
  severity: Severity;
}

/** A medical condition of the health profile. */
export interface Condition {
  /** Unique id. */
  id: string;
  /** Name. */
  name: string;
  /** When it was diagnosed (RFC 3339). */
  diagnosedAt?: string;
}

/** The caller's health profile. */
export interface HealthProfile {
  /** Unique id. */
  id: string;
  /** The user it belongs to. */
  userId?: string;
  /** Blood type (e.g. `O+`). */
  bloodType?: string;
  /** Height in centimetres. */
  height?: number;
  /** Weight in kilograms. */
  weight?: number;
  /** Known allergies. */
  allergies?: Allergy[];
  /** Known conditions. */
  conditions?: Condition[];
  /** When it last changed (RFC 3339). */
  updatedAt?: string;
}

/** The fields `health.updateProfile()` changes (the ones left out stay as they are). */
export interface UpdateHealthProfileParams {
  /** Blood type (e.g. `O+`). */
  bloodType?: string;
  /** Height in centimetres. */
  height?: number;
  /** Weight in kilograms. */
  weight?: number;
}

/** A medication of the caller. */
export interface Medication {
  /** Unique id. */
  id: string;
  /** Name. */
  name: string;
  /** The dose (e.g. `500mg`). */
  dosage?: string;
  /** How often (e.g. `every 8 hours`). */
  frequency?: string;
  /** First day (`YYYY-MM-DD`). */
  startDate?: string;
  /** Whether it is being taken now. */
  isActive?: boolean;
  /** Share of doses taken (0 to 1). */
  adherenceRate?: number;
  /** How to take it. */
  instructions?: string;
  /** When it was created (RFC 3339). */
  createdAt?: string;
}

/** The wire's `data` of `GET /api/health/medications` (`health.medications.list()` resolves with its array). */
export interface MedicationList {
  /** The medications. */
  medications: Medication[];
}

/** The medication `health.medications.create()` adds. */
export interface CreateMedicationParams {
  /** The medication's name. */
  name: string;
  /** The dose (e.g. `500mg`). */
  dosage: string;
  /** How often (e.g. `every 8 hours`). */
  frequency: string;
  /** First day (`YYYY-MM-DD`). */
  startDate?: string;
  /** How to take it. */
  instructions?: string;
}

/** A medical appointment. */
export interface Appointment {
  /** Unique id. */
  id: string;
  /** Title. */
  title: string;
  /** The kind of appointment. */
  type: AppointmentType;
  /** When it is (RFC 3339). */
  datetime: string;
  /** Where it is. */
  location?: string;
  /** Notes. */
  notes?: string;
}

/** The wire's `data` of `GET /api/health/appointments` (`health.appointments.list()` resolves with its array). */
export interface AppointmentList {
  /** The appointments. */
  appointments: Appointment[];
}

/** Filters of `health.appointments.list()`. */
export interface ListAppointmentsParams {
  /** Only future appointments (the service's default is `true`). */
  upcoming?: boolean;
  /** Only items on or after this day (`YYYY-MM-DD`). */
  from?: string;
  /** Only items on or before this day (`YYYY-MM-DD`). */
  to?: string;
}

// ----- finance -----

/** The caller's finance profile. */
export interface FinanceProfile {
  /** Unique id. */
  id: string;
  /** The user it belongs to. */
  userId?: string;
  /** ISO 4217 currency code (e.g. `MXN`). */
  currency?: string;
  /** Monthly income. */
  monthlyIncome: number;
  /** Sum of the assets. */
  totalAssets: number;
  /** Sum of the liabilities. */
  totalLiabilities: number;
  /** Assets minus liabilities. */
  netWorth: number;
}

/** A bank, credit or cash account. */
export interface Account {
  /** Unique id. */
  id: string;
  /** Name. */
  name: string;
  /** The kind of account. */
  type: AccountType;
  /** Current balance. */
  balance: number;
  /** ISO 4217 currency code (e.g. `MXN`). */
  currency?: string;
  /** The bank or institution. */
  institution?: string;
  /** Credit limit (credit cards). */
  creditLimit?: number;
}

/** The wire's `data` of `GET /api/finance/accounts` (`finance.accounts.list()` resolves with its array). */
export interface AccountList {
  /** The accounts. */
  accounts: Account[];
}

/** A transaction of an account. */
export interface Transaction {
  /** Unique id. */
  id: string;
  /** The account it belongs to. */
  accountId: string;
  /** Amount (a JSON number; negative for expenses). */
  amount: number;
  /** What it is. */
  description?: string;
  /** The transaction's category. */
  category?: TransactionCategory;
  /** Day (`YYYY-MM-DD`). */
  date?: string;
  /** Income, expense or transfer. */
  type?: TransactionType;
  /** When it was created (RFC 3339). */
  createdAt?: string;
}

/** Totals of a filtered set of transactions. */
export interface TransactionSummary {
  /** Sum of the income. */
  totalIncome: number;
  /** Sum of the expenses. */
  totalExpenses: number;
  /** Income minus expenses. */
  netFlow: number;
}

/** One page of `GET /api/finance/transactions`, with the summary of the whole filter. */
export interface TransactionList {
  /** The transactions of this page. */
  transactions: Transaction[];
  /** Totals of the whole filtered set, not only this page. */
  summary: TransactionSummary;
  /** Where this page is in the list. */
  pagination: CursorPagination;
}

/** Filters and page size of `finance.transactions.list()`. */
export interface ListTransactionsParams {
  /** Only transactions of this account. */
  accountId?: string;
  /** Only items on or after this day (`YYYY-MM-DD`). */
  from?: string;
  /** Only items on or before this day (`YYYY-MM-DD`). */
  to?: string;
  /** Only transactions of this category. */
  category?: TransactionCategory;
  /** Start after this cursor (a page's `pagination.nextCursor`). */
  cursor?: string;
  /** Transactions per page. */
  limit?: number;
}

/** The transaction `finance.transactions.create()` records. */
export interface CreateTransactionParams {
  /** The account it belongs to. */
  accountId: string;
  /** Amount (a JSON number; negative for expenses). */
  amount: number;
  /** What it is. */
  description: string;
  /** The transaction's category. */
  category?: TransactionCategory;
  /** Day (`YYYY-MM-DD`). */
  date?: string;
  /** Income, expense or transfer. */
  type?: TransactionType;
}

/** A budget with what is spent and what remains. */
export interface Budget {
  /** Unique id. */
  id: string;
  /** Name. */
  name: string;
  /** The category it covers. */
  category?: TransactionCategory;
  /** The budgeted amount. */
  amount: number;
  /** What is spent so far. */
  spent: number;
  /** What remains. */
  remaining: number;
  /** Spent share of the amount, in percent. */
  percentage: number;
  /** On track, warning or exceeded. */
  status: BudgetStatus;
  /** How often it starts again. */
  period: BudgetPeriod;
  /** First day (`YYYY-MM-DD`). */
  startDate?: string;
  /** Last day (`YYYY-MM-DD`). */
  endDate?: string;
}

/** The wire's `data` of `GET /api/finance/budgets` (`finance.budgets.list()` resolves with its array). */
export interface BudgetList {
  /** The budgets. */
  budgets: Budget[];
}

// ----- webhooks -----

/** The endpoint `webhooks.create()` registers. */
export interface CreateWebhookParams<E extends string = PlatformWebhookEvent> {
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
  createdAt?: string;
}
