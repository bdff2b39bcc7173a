/**
 * `@cjhirashi/agents-sdk`: typed clients of the CJHIRASHI Agents platform (`CJHirashiAgents`)
 * and of the cloud-operations agent (`AgentClient`), over a Rust core.
 */

export { CJHirashiAgents, type ClientOptions, type ConversationHandle } from './platform';
export { AgentClient, RealtimeSession, type AgentClientOptions, type AgentLoginOptions } from './ops';
export { MessageStream, ChatEventStream } from './streaming';
export { PagePromise, type PageMethods } from './pagination';
export type { RequestOptions, ListRequestOptions, CommonClientOptions, APIResponse, WithResponse } from './core';
export { APIPromise } from './core';
export type { Logger, LogLevel } from './logging';
export {
  webhooks,
  type WebhookHelpers,
  type WebhookEvent,
  type WebhookHeaders,
  type WebhookPayload,
  type VerifyOptions,
} from './webhooks';
export {
  CJHirashiError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  PayloadTooLargeError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ServiceUnavailableError,
  APIConnectionError,
  APITimeoutError,
  WebSocketError,
  APIUserAbortError,
  IncompleteStreamError,
  DecodeError,
  ResponseTooLargeError,
  WebhookVerificationError,
  InvalidArgumentError,
} from './errors';
export type * as platform from './platform-types';
export type * as ops from './ops-types';
