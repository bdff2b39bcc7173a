/**
 * Webhook helpers that need no client: `sign`, `verify` and `unwrap` deliveries of either
 * service (`X-Webhook-Signature` = lowercase hex HMAC-SHA256 of the raw body).
 */

import { native, optionalNumber, sync } from './core';
import { WebhookVerificationError } from './errors';

/** A raw delivery body: exactly the bytes received (do not re-serialize parsed JSON). */
export type WebhookPayload = string | Uint8Array | ArrayBuffer;

/** Request headers as Node's `req.headers`, a fetch `Headers`, or name/value pairs. */
export type WebhookHeaders =
  | Record<string, string | string[] | undefined>
  | {
      /** Calls `cb` with each header (a fetch `Headers`). */
      forEach(cb: (value: string, name: string) => void): void;
    }
  | Iterable<readonly [string, string]>;

/** Options of `verify` and `unwrap`. */
export interface VerifyOptions {
  /**
   * Refuse a payload whose `timestamp` is further than this many seconds from now (replay
   * protection): a positive number of at most a year, `Infinity` to turn the check off (another
   * value is a `RangeError`). Default: the core's.
   */
  tolerance?: number;
}

/** The envelope of a delivery: `{event, timestamp, data}`. */
export interface WebhookEvent<D = Record<string, unknown>> {
  /** The event name (e.g. `conversation.created`). */
  event: string;
  /** When the event happened (RFC 3339); checked against `tolerance`. */
  timestamp: string;
  /** The event's payload, as sent. */
  data: D;
  /** The delivery id (`X-Webhook-Id`), the same on every retry of one delivery: drop duplicates by it. */
  id?: string;
}

function bytes(payload: WebhookPayload): Uint8Array {
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (payload instanceof Uint8Array) return payload;
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  throw new TypeError('webhook payload must be a string, a Buffer/Uint8Array or an ArrayBuffer');
}

function secretList(secret: string | readonly string[]): string[] {
  return typeof secret === 'string' ? [secret] : [...secret];
}

function headerMap(headers: WebhookHeaders): Record<string, string> {
  if (headers === null || typeof headers !== 'object') {
    throw new TypeError(
      `headers must be an object, a Headers or an iterable of [name, value] pairs, not ${headers === null ? 'null' : typeof headers}`,
    );
  }
  const out: Record<string, string> = {};
  const put = (name: unknown, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (typeof name !== 'string') throw new TypeError(`a header name must be a string, not ${typeof name}`);
    let text: string;
    if (typeof value === 'string') text = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) text = value.join(', ');
    else throw new TypeError(`the value of header ${JSON.stringify(name)} must be a string or an array of strings`);
    // a name given twice (in two casings, or twice in a list of pairs): the first counts, as
    // in Python
    const key = name.toLowerCase();
    if (!(key in out)) out[key] = text;
  };
  if (typeof (headers as { forEach?: unknown }).forEach === 'function' && !Array.isArray(headers)) {
    (headers as { forEach(cb: (value: string, name: string) => void): void }).forEach((v, k) => put(k, v));
  } else if (Symbol.iterator in Object(headers)) {
    for (const [k, v] of headers as Iterable<readonly [string, string]>) put(k, v);
  } else {
    for (const [k, v] of Object.entries(headers as Record<string, string | string[] | undefined>)) put(k, v);
  }
  return out;
}

function tolerance(opts: VerifyOptions | undefined): number | undefined {
  return optionalNumber('tolerance', opts?.tolerance);
}

/** The helpers, also reachable as `client.webhooks`. */
export interface WebhookHelpers {
  /**
   * The `X-Webhook-Signature` value for `payload` (to produce test deliveries).
   *
   * @param payload - The exact body to sign.
   * @param secret - The shared secret.
   * @returns The lowercase hex HMAC-SHA256 of the body.
   */
  sign(payload: WebhookPayload, secret: string): string;
  /**
   * Checks `signature` against the raw `payload` in constant time with each secret in turn
   * (rotation). Returns nothing; throws when it does not verify (the same contract as Python's
   * `webhooks.verify` and Rust's `webhooks::verify`).
   *
   * @param payload - The raw body, exactly as received.
   * @param signature - The `X-Webhook-Signature` header (as `req.headers[...]` gives it: a
   *   string, or an array of which the first counts, or `undefined` when it is missing).
   * @param secret - The shared secret, or several (rotation).
   * @param options - `tolerance`: the replay window in seconds.
   * @throws {WebhookVerificationError} The signature is missing or does not match.
   * @throws {TypeError} The payload is not a string, a `Uint8Array` or an `ArrayBuffer`, or
   *   the signature is neither a string nor an array of strings.
   */
  verify(
    payload: WebhookPayload,
    signature: string | readonly string[] | null | undefined,
    secret: string | readonly string[],
    options?: VerifyOptions,
  ): void;
  /**
   * Verifies a delivery (signature taken from `headers`) and returns its parsed envelope.
   *
   * @param payload - The raw body, exactly as received (not re-serialized JSON).
   * @param headers - The request headers (`req.headers`, a fetch `Headers`, or pairs).
   * @param secret - The shared secret, or several (rotation).
   * @param options - `tolerance`: refuse a `timestamp` further than this many seconds from now
   *   (default 300; `Infinity` turns the check off).
   * @returns The event: `event`, `timestamp`, `data` and the delivery `id`.
   * @throws {WebhookVerificationError} The signature is missing or wrong, or the timestamp is
   *   outside the tolerance (a replay).
   * @throws {RangeError} `tolerance` is not a positive number of seconds up to a year.
   * @example
   * ```ts
   * import { webhooks } from '@cjhirashi/agents-sdk';
   * const event = webhooks.unwrap(rawBody, req.headers, process.env.WEBHOOK_SECRET!);
   * if (event.event === 'conversation.created') console.log(event.data);
   * ```
   */
  unwrap<D = Record<string, unknown>>(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    secret: string | readonly string[],
    options?: VerifyOptions,
  ): WebhookEvent<D>;
}

/**
 * Webhook helpers that need no client: `sign`, `verify` and `unwrap` a delivery of either
 * service. The same functions are `client.webhooks.sign` / `verify` / `unwrap`.
 */
export const webhooks: WebhookHelpers = {
  sign(payload, secret) {
    return sync(() => native.webhookSign(bytes(payload), secret));
  },
  verify(payload, signature, secret, options) {
    // a repeated header arrives as an array (Node's `req.headers`): its first value counts,
    // as in `unwrap` and in Python
    const given: unknown = Array.isArray(signature) ? (signature as unknown[])[0] : signature;
    if (given === undefined || given === null) {
      throw new WebhookVerificationError(
        'webhook verification failed: missing signature (the X-Webhook-Signature header)',
      );
    }
    if (typeof given !== 'string') {
      throw new TypeError(`the signature must be a string or an array of strings, not ${typeof given}`);
    }
    sync(() => native.webhookVerify(bytes(payload), given, secretList(secret), tolerance(options)));
  },
  unwrap<D>(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    secret: string | readonly string[],
    options?: VerifyOptions,
  ): WebhookEvent<D> {
    const text = sync(() =>
      native.webhookUnwrap(bytes(payload), headerMap(headers), secretList(secret), tolerance(options)),
    );
    return JSON.parse(text) as WebhookEvent<D>;
  },
};
