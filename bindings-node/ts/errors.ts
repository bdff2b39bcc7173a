/**
 * The error hierarchy of the package, and the one place where a native failure becomes one of
 * these classes (`mapError`). Every class extends `APIError`, so `catch (e) { if (e instanceof
 * APIError) ... }` sees every failure of the SDK.
 */

/** Marker at the start of the message of every error thrown by the native layer. */
const NATIVE_PREFIX = 'AGENTS_SDK_ERROR:';

/** The facts a native failure carries (JSON written by `src/error.rs`). */
interface NativePayload {
  class: string;
  message: string;
  status?: number | null;
  code?: string | null;
  details?: unknown;
  requestId?: string | null;
  headers?: Record<string, string>;
  limit?: number | null;
  remaining?: number | null;
  reset?: number | null;
  retryAfter?: number | null;
  received?: number;
  phase?: string;
  timeoutMs?: number;
  closeCode?: number | null;
}

/** The base class: an HTTP error answer, or any other failure of the SDK (`status` unset). */
export class APIError extends Error {
  /** HTTP status, when the failure is an answer of the service. */
  readonly status: number | undefined;
  /** The service's error code (`VALIDATION_ERROR`, `INVALID_REQUEST`, ...). */
  readonly code: string | undefined;
  /** `error.details` of the answer. */
  readonly details: unknown;
  /** `meta.requestId` or the `X-Request-Id` header. */
  readonly requestId: string | undefined;
  /** Response headers (lower-case names, secrets removed). */
  readonly headers: Record<string, string>;

  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message);
    this.status = init.status ?? undefined;
    this.code = init.code ?? undefined;
    this.details = init.details ?? undefined;
    this.requestId = init.requestId ?? undefined;
    this.headers = init.headers ?? {};
    this.name = new.target.name;
  }
}

/** 400: `VALIDATION_ERROR` / `INVALID_REQUEST`. */
export class BadRequestError extends APIError {}
/** 401: `UNAUTHORIZED`. */
export class AuthenticationError extends APIError {}
/** 403: `FORBIDDEN`. */
export class PermissionDeniedError extends APIError {}
/** 404: `NOT_FOUND`. */
export class NotFoundError extends APIError {}
/** 409: `CONFLICT`. */
export class ConflictError extends APIError {}
/** 413: the request body was too large. */
export class PayloadTooLargeError extends APIError {}
/** 422: unprocessable entity. */
export class UnprocessableEntityError extends APIError {}

/** 429: `RATE_LIMIT_EXCEEDED`, with the rate-limit headers of the answer. */
export class RateLimitError extends APIError {
  /** `X-RateLimit-Limit`. */
  readonly limit: number | undefined;
  /** `X-RateLimit-Remaining`. */
  readonly remaining: number | undefined;
  /** `X-RateLimit-Reset` (unix seconds). */
  readonly reset: number | undefined;
  /** `Retry-After` in seconds. */
  readonly retryAfter: number | undefined;

  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message, init);
    this.limit = init.limit ?? undefined;
    this.remaining = init.remaining ?? undefined;
    this.reset = init.reset ?? undefined;
    this.retryAfter = init.retryAfter ?? undefined;
  }
}

/** 500: `INTERNAL_ERROR` (and other 5xx without a class of their own). */
export class InternalServerError extends APIError {}
/** 503: `SERVICE_UNAVAILABLE`. */
export class ServiceUnavailableError extends APIError {}

/** The connection could not be made or broke. */
export class APIConnectionError extends APIError {}
/** A phase of the request ran out of time. */
export class APITimeoutError extends APIConnectionError {
  /** Which phase (`total deadline`, `stream idle`, ...). */
  readonly phase: string | undefined;
  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message, init);
    this.phase = init.phase;
  }
}
/** The WebSocket channel failed or was closed by the server. */
export class WebSocketError extends APIConnectionError {
  /** The close code, when the server closed the socket. */
  readonly closeCode: number | undefined;
  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message, init);
    this.closeCode = init.closeCode ?? undefined;
  }
}
/** The caller aborted the request or stream (its `AbortSignal` fired). */
export class APIUserAbortError extends APIError {
  constructor(message = 'Request was aborted.', init: Partial<NativePayload> = {}) {
    super(message, init);
  }
}
/** A stream ended before its `done` event. */
export class IncompleteStreamError extends APIError {
  /** Events received before the end. */
  readonly received: number | undefined;
  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message, init);
    this.received = init.received;
  }
}
/** An answer could not be decoded. */
export class DecodeError extends APIError {}
/** A webhook delivery's signature or timestamp did not verify. */
export class WebhookVerificationError extends APIError {}
/** An argument was rejected before anything was sent. */
export class InvalidArgumentError extends APIError {}

type ErrorClass = new (message: string, init: Partial<NativePayload>) => APIError;

const CLASSES: Record<string, ErrorClass> = {
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
  WebhookVerificationError,
  InvalidArgumentError,
};

/** Turns a native failure into its class; anything else is returned unchanged. */
export function mapError(err: unknown): unknown {
  if (!(err instanceof Error) || !err.message.startsWith(NATIVE_PREFIX)) return err;
  let payload: NativePayload;
  try {
    payload = JSON.parse(err.message.slice(NATIVE_PREFIX.length)) as NativePayload;
  } catch {
    return err;
  }
  const Class = CLASSES[payload.class] ?? APIError;
  return new Class(payload.message, payload);
}
