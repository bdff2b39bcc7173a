/**
 * Objects of the platform service, exactly as on the wire (camelCase). Results are the `data`
 * part of the `{data, meta}` envelope. Optional fields may be absent.
 */

export type Role = 'ADMIN' | 'USER';
export type SubscriptionTier = 'FREE' | 'PRO' | 'BUSINESS';
export type AgentCategory = 'personal' | 'health' | 'finance';
export type AccountType = 'SAVINGS' | 'CHECKING' | 'CREDIT_CARD' | 'INVESTMENT' | 'LOAN' | 'CASH';
export type TransactionType = 'INCOME' | 'EXPENSE' | 'TRANSFER';
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
export type AppointmentType = 'CHECKUP' | 'SPECIALIST' | 'LAB' | 'EMERGENCY' | 'FOLLOW_UP' | 'OTHER';
export type BudgetStatus = 'ON_TRACK' | 'WARNING' | 'EXCEEDED';
export type BudgetPeriod = 'WEEKLY' | 'MONTHLY' | 'YEARLY';
export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type MessageRole = 'user' | 'assistant' | 'system';
export type PlatformWebhookEvent =
  | 'conversation.created'
  | 'conversation.deleted'
  | 'message.sent'
  | 'message.received'
  | 'agent.created'
  | 'agent.invoked'
  | 'user.created';

// ----- auth -----

export interface SignOut {
  message: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name?: string;
  role: Role;
  image?: string;
  subscriptionTier?: SubscriptionTier;
}

export interface Session {
  user: SessionUser;
  expires?: string;
}

export interface ApiKey {
  apiKey: string;
  expiresAt?: string;
}

// ----- users -----

export interface UserLimits {
  monthlyMessages?: number;
  monthlyTokens?: number;
  agentsAllowed?: number;
}

export interface UserUsage {
  messagesUsed: number;
  tokensUsed: number;
}

export interface User {
  id: string;
  email: string;
  name?: string;
  role: Role;
  subscriptionTier: SubscriptionTier;
  isActive: boolean;
  createdAt: string;
  limits: UserLimits;
  usage: UserUsage;
  image?: string;
  preferences?: Record<string, unknown>;
}

export interface UpdateMeParams {
  name?: string;
  preferences?: Record<string, unknown>;
}

export interface UpdatedUser {
  id: string;
  name?: string;
  preferences?: Record<string, unknown>;
}

export interface UserSummary {
  id: string;
  email: string;
  name?: string;
  role: Role;
  isActive?: boolean;
  createdAt?: string;
  subscriptionTier?: SubscriptionTier;
}

export interface PagePagination {
  page: number;
  limit: number;
  total: number;
  pages: number;
}

/** One page of `GET /api/users`. */
export interface UserList {
  users: UserSummary[];
  pagination: PagePagination;
}

export interface ListUsersParams {
  /** First page to read (default 1). */
  page?: number;
  limit?: number;
  role?: Role;
  search?: string;
}

export interface InviteUserParams {
  email: string;
  role?: Role;
  message?: string;
}

export interface Invitation {
  invitationId: string;
  email: string;
  expiresAt?: string;
  inviteUrl?: string;
}

export interface DeletedUser {
  message: string;
  deletedUserId: string;
}

// ----- agents -----

export interface AgentConfig {
  temperature?: number;
  maxTokens?: number;
  topP?: number;
}

export interface Agent {
  id: string;
  name: string;
  description?: string;
  category?: AgentCategory;
  model?: string;
  isPublic: boolean;
  createdBy?: string;
  capabilities: string[];
  config?: AgentConfig;
  createdAt?: string;
  systemPrompt?: string;
}

/** `GET /api/agents`: the wire's data object. */
export interface AgentList {
  agents: Agent[];
}

export interface ListAgentsParams {
  category?: AgentCategory;
  isPublic?: boolean;
}

export interface CreateAgentParams {
  name: string;
  description?: string;
  model?: string;
  config?: AgentConfig;
  systemPrompt?: string;
  isPublic?: boolean;
}

export interface CreatedAgent {
  id: string;
  name: string;
  endpointUrl?: string;
  createdAt?: string;
}

export interface DeletedAgent {
  message: string;
  deletedAgentId: string;
}

// ----- conversations -----

export interface Message {
  id: string;
  role: MessageRole;
  content: string;
  timestamp?: string;
}

export interface Conversation {
  id: string;
  title?: string;
  agentId: string;
  createdAt?: string;
  updatedAt?: string;
  messageCount?: number;
  /** Only in `conversations.get`. */
  messages?: Message[];
}

export interface CursorPagination {
  nextCursor?: string;
  hasMore: boolean;
}

/** One page of `GET /api/conversations`. */
export interface ConversationList {
  conversations: Conversation[];
  pagination: CursorPagination;
}

export interface ListConversationsParams {
  agentId?: string;
  /** Start after this cursor. */
  cursor?: string;
  limit?: number;
}

export interface GetConversationParams {
  messageLimit?: number;
}

export interface CreateConversationParams {
  agentId: string;
  title?: string;
  initialMessage?: string;
}

export interface DeletedConversation {
  message: string;
  deletedConversationId: string;
}

/** The `done` event of a token stream. */
export interface StreamDone {
  messageId: string;
  tokensUsed: number;
  timestamp: string;
}

// ----- health -----

export interface Allergy {
  id: string;
  name: string;
  severity: Severity;
}

export interface Condition {
  id: string;
  name: string;
  diagnosedAt?: string;
}

export interface HealthProfile {
  id: string;
  userId?: string;
  bloodType?: string;
  height?: number;
  weight?: number;
  allergies?: Allergy[];
  conditions?: Condition[];
  updatedAt?: string;
}

export interface UpdateHealthProfileParams {
  bloodType?: string;
  height?: number;
  weight?: number;
}

export interface Medication {
  id: string;
  name: string;
  dosage?: string;
  frequency?: string;
  startDate?: string;
  isActive?: boolean;
  adherenceRate?: number;
  instructions?: string;
  createdAt?: string;
}

export interface MedicationList {
  medications: Medication[];
}

export interface CreateMedicationParams {
  name: string;
  dosage: string;
  frequency: string;
  startDate?: string;
  instructions?: string;
}

export interface Appointment {
  id: string;
  title: string;
  type: AppointmentType;
  datetime: string;
  location?: string;
  notes?: string;
}

export interface AppointmentList {
  appointments: Appointment[];
}

export interface ListAppointmentsParams {
  upcoming?: boolean;
  from?: string;
  to?: string;
}

// ----- finance -----

export interface FinanceProfile {
  id: string;
  userId?: string;
  currency?: string;
  monthlyIncome: number;
  totalAssets: number;
  totalLiabilities: number;
  netWorth: number;
}

export interface Account {
  id: string;
  name: string;
  type: AccountType;
  balance: number;
  currency?: string;
  institution?: string;
  creditLimit?: number;
}

export interface AccountList {
  accounts: Account[];
}

export interface Transaction {
  id: string;
  accountId: string;
  amount: number;
  description?: string;
  category?: TransactionCategory;
  date?: string;
  type?: TransactionType;
  createdAt?: string;
}

export interface TransactionSummary {
  totalIncome: number;
  totalExpenses: number;
  netFlow: number;
}

/** One page of `GET /api/finance/transactions`, with the summary of the whole filter. */
export interface TransactionList {
  transactions: Transaction[];
  summary: TransactionSummary;
  pagination: CursorPagination;
}

export interface ListTransactionsParams {
  accountId?: string;
  from?: string;
  to?: string;
  category?: TransactionCategory;
  cursor?: string;
  limit?: number;
}

export interface CreateTransactionParams {
  accountId: string;
  amount: number;
  description: string;
  category?: TransactionCategory;
  date?: string;
  type?: TransactionType;
}

export interface Budget {
  id: string;
  name: string;
  category?: TransactionCategory;
  amount: number;
  spent: number;
  remaining: number;
  percentage: number;
  status: BudgetStatus;
  period: BudgetPeriod;
  startDate?: string;
  endDate?: string;
}

export interface BudgetList {
  budgets: Budget[];
}

// ----- webhooks -----

export interface CreateWebhookParams<E extends string = PlatformWebhookEvent> {
  url: string;
  events: E[];
  secret: string;
}

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  createdAt?: string;
}
