// ES module entry of @cjhirashi/agents-sdk: re-exports the CommonJS build, so `import` and
// `require` share one set of classes (and `instanceof` works across both).
import cjs from '../dist/index.js';

export const {
  CJHirashiAgents,
  AgentClient,
  RealtimeSession,
  MessageStream,
  ChatEventStream,
  PagePromise,
  webhooks,
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
} = cjs;
