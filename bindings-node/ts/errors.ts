/**
 * The error hierarchy of the package, and the one place where a failure of the Rust core
 * becomes one of these classes. The tree is the same in Rust, Python and Node: every class
 * extends `CJHirashiError`; under it, `APIError` (the service answered with an error, one
 * subclass per status) and `APIConnectionError` (no answer; `APITimeoutError` and
 * `WebSocketError` under it), and directly `IncompleteStreamError`, `DecodeError`
 * (`ResponseTooLargeError` under it), `WebhookVerificationError`, `APIUserAbortError` and
 * `InvalidArgumentError`.
 *
 * An argument the SDK refuses is JavaScript's own `TypeError` (wrong type or shape, an invalid
 * header) or `RangeError` (a value out of range), never one of these classes.
 */

/** Marker at the start of the message of every error thrown by the native layer. */
const NATIVE_PREFIX = 'AGENTS_SDK_ERROR:';

/** The facts a failure carries (status, code, rate-limit headers, ...), as the native layer sends them. */
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
  contentLength?: number | null;
  panic?: boolean;
}

/**
 * The root of every error the SDK raises. Thrown as such (not as a subclass) for an internal
 * error of the native module: a bug to report, never a crash of the process.
 */
export class CJHirashiError extends Error {
  /**
   * Errors are made by the SDK; the constructor is public for tests and wrappers.
   *
   * @param message - What went wrong.
   */
  constructor(message?: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The service answered with an error: an HTTP error status, or an `event: error` inside a stream. */
export class APIError extends CJHirashiError {
  /** HTTP status of the answer. */
  readonly status: number | undefined;
  /** The service's error code (`VALIDATION_ERROR`, `INVALID_REQUEST`, ...). */
  readonly code: string | undefined;
  /** `error.details` of the answer. */
  readonly details: unknown;
  /** `meta.requestId` or the `X-Request-Id` header. */
  readonly requestId: string | undefined;
  /** Response headers (lower-case names, secrets removed). */
  readonly headers: Record<string, string>;

  /**
   * Errors are made by the SDK; the constructor is public for tests and wrappers.
   *
   * @param message - What went wrong.
   * @param init - The facts of the failure (`status`, `code`, `requestId`, `headers`, ...).
   */
  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message);
    this.status = init.status ?? undefined;
    this.code = init.code ?? undefined;
    this.details = init.details ?? undefined;
    this.requestId = init.requestId ?? undefined;
    this.headers = init.headers ?? {};
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

  /**
   * Errors are made by the SDK; the constructor is public for tests and wrappers.
   *
   * @param message - What went wrong.
   * @param init - The facts of the failure (`status`, `code`, `requestId`, `headers`, ...).
   */
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
export class ServiceUnavailableError extends APIError {
  /** `Retry-After` in seconds. */
  readonly retryAfter: number | undefined;

  /**
   * Errors are made by the SDK; the constructor is public for tests and wrappers.
   *
   * @param message - What went wrong.
   * @param init - The facts of the failure (`status`, `code`, `requestId`, `headers`, ...).
   */
  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message, init);
    this.retryAfter = init.retryAfter ?? undefined;
  }
}

/** No answer: the connection could not be made or broke. */
export class APIConnectionError extends CJHirashiError {
  /**
   * Errors are made by the SDK; the constructor is public for tests and wrappers.
   *
   * @param message - What went wrong.
   * @param _init - Accepted for the same signature as the other errors; the subclasses read theirs.
   */
  constructor(message: string, _init: Partial<NativePayload> = {}) {
    super(message);
  }
}
/** A phase of the request ran out of time. */
export class APITimeoutError extends APIConnectionError {
  /** Which phase (`connect`, `response headers`, `response body`, `stream idle`, `total deadline`). */
  readonly phase: string | undefined;
  /** The limit that phase ran out of, in milliseconds. */
  readonly timeout: number | undefined;
  /**
   * Errors are made by the SDK; the constructor is public for tests and wrappers.
   *
   * @param message - What went wrong.
   * @param init - The facts of the failure (`status`, `code`, `requestId`, `headers`, ...).
   */
  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message, init);
    this.phase = init.phase;
    this.timeout = init.timeoutMs;
  }
}
/** The WebSocket channel failed or was closed by the server. */
export class WebSocketError extends APIConnectionError {
  /** The close code, when the server closed the socket. */
  readonly closeCode: number | undefined;
  /**
   * Errors are made by the SDK; the constructor is public for tests and wrappers.
   *
   * @param message - What went wrong.
   * @param init - The facts of the failure (`status`, `code`, `requestId`, `headers`, ...).
   */
  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message, init);
    this.closeCode = init.closeCode ?? undefined;
  }
}
/** The caller aborted the request or stream (its `AbortSignal` fired). */
export class APIUserAbortError extends CJHirashiError {
  /**
   * Errors are made by the SDK; the constructor is public for tests and wrappers.
   *
   * @param message - What went wrong.
   * @param _init - Accepted for the same signature as the other errors; an abort has no facts.
   */
  constructor(message = 'Request was aborted.', _init: Partial<NativePayload> = {}) {
    super(message);
  }
}
/** A stream ended before its `done` event. */
export class IncompleteStreamError extends CJHirashiError {
  /** Events received before the end. */
  readonly received: number | undefined;
  /**
   * Errors are made by the SDK; the constructor is public for tests and wrappers.
   *
   * @param message - What went wrong.
   * @param init - The facts of the failure (`received`).
   */
  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message);
    this.received = init.received;
  }
}
/** An answer could not be decoded. */
export class DecodeError extends CJHirashiError {
  /** HTTP status of the answer, when known. */
  readonly status: number | undefined;
  /** `X-Request-Id` of the answer, when known. */
  readonly requestId: string | undefined;
  /**
   * Errors are made by the SDK; the constructor is public for tests and wrappers.
   *
   * @param message - What went wrong.
   * @param init - The facts of the failure (`status`, `code`, `requestId`, `headers`, ...).
   */
  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message);
    this.status = init.status ?? undefined;
    this.requestId = init.requestId ?? undefined;
  }
}
/**
 * An answer's body was larger than the call's `maxResponseBytes` (refused from its
 * `Content-Length` before reading, or cut once the bytes read passed the limit).
 */
export class ResponseTooLargeError extends DecodeError {
  /** The limit in force, in bytes. */
  readonly limit: number | undefined;
  /** The answer's `Content-Length`, when it declared one. */
  readonly contentLength: number | undefined;
  /**
   * Errors are made by the SDK; the constructor is public for tests and wrappers.
   *
   * @param message - What went wrong.
   * @param init - The facts of the failure (`status`, `code`, `requestId`, `headers`, ...).
   */
  constructor(message: string, init: Partial<NativePayload> = {}) {
    super(message, init);
    this.limit = init.limit ?? undefined;
    this.contentLength = init.contentLength ?? undefined;
  }
}
/** A webhook delivery's signature or timestamp did not verify. */
export class WebhookVerificationError extends CJHirashiError {}
/**
 * A client could not be set up (no API key, `AgentClient.login` without credentials). An
 * argument of the wrong type or value is a `TypeError` / `RangeError` instead.
 */
export class InvalidArgumentError extends CJHirashiError {}

type ErrorClass = new (message: string, init: Partial<NativePayload>) => CJHirashiError;

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
  ResponseTooLargeError,
  WebhookVerificationError,
  InvalidArgumentError,
};

/** The start of the message of an internal error (the native layer's `BUG_MESSAGE`). */
const BUG_MESSAGE =
  'internal error in the native module of @cjhirashi/agents-sdk (this is a bug: please report it at https://github.com/cjhirashi/agents-sdk/issues)';

/** napi's codes for an argument of the wrong JavaScript type. */
const NAPI_TYPE_CODES = new Set([
  'InvalidArg',
  'ObjectExpected',
  'StringExpected',
  'NameExpected',
  'FunctionExpected',
  'NumberExpected',
  'BooleanExpected',
  'ArrayExpected',
  'BigintExpected',
  'DateExpected',
  'ArrayBufferExpected',
  'DetachableArraybufferExpected',
]);

/** napi's other codes: a failure of the native layer itself (a panic caught by napi, ...). */
const NAPI_OTHER_CODES = new Set([
  'GenericFailure',
  'PendingException',
  'Cancelled',
  'EscapeCalledTwice',
  'HandleScopeMismatch',
  'CallbackScopeMismatch',
  'QueueFull',
  'Closing',
  'WouldDeadlock',
  'NoExternalBuffersAllowed',
  'Unknown',
]);

/**
 * A napi conversion message without the whole value it quotes (``Failed to convert JavaScript
 * value `Object {"message":"mmm…` into rust type `String` `` quoted a 50 MB argument whole).
 */
function brief(message: string): string {
  if (message.length <= 300) return message;
  return message.replace(/`([^`]{80})[^`]*`/g, (_m, head: string) => `\`${head}…\``).slice(0, 1000);
}

/**
 * @internal
 * Turns a failure of a native call into its class: the SDK's own classes, `TypeError` /
 * `RangeError` for refused arguments, and `CJHirashiError` for an internal error (a Rust panic).
 * Anything else is returned unchanged.
 */
export function mapError(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof CJHirashiError) return err;
  if (!err.message.startsWith(NATIVE_PREFIX)) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string') return err;
    if (NAPI_TYPE_CODES.has(code)) return new TypeError(brief(err.message));
    if (NAPI_OTHER_CODES.has(code)) return new CJHirashiError(`${BUG_MESSAGE}: ${brief(err.message)}`);
    return err;
  }
  let payload: NativePayload;
  try {
    payload = JSON.parse(err.message.slice(NATIVE_PREFIX.length)) as NativePayload;
  } catch {
    return new CJHirashiError(`${BUG_MESSAGE}: ${err.message}`);
  }
  switch (payload.class) {
    case 'TypeError':
      return new TypeError(payload.message);
    case 'RangeError':
      return new RangeError(payload.message);
    case 'CJHirashiError':
      return new CJHirashiError(payload.message);
    default: {
      const Class = CLASSES[payload.class] ?? APIError;
      return new Class(payload.message, payload);
    }
  }
}
