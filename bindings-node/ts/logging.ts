/**
 * Logging of the clients: a `logger` option (any object with `debug` / `info` / `warn` /
 * `error`, such as `console`, pino or winston) and a level from the `logLevel` option or the
 * `CJHIRASHI_LOG` environment variable (`debug`, `info`, `warn`, `error`; unset: nothing is
 * logged), as the Python package's `cjhirashi_agents` logger and the Rust core's `tracing`.
 *
 * The records are the facts the Rust core's request records carry, at the same levels (a
 * success at `debug`, a failed call at `warn`, as in Rust and Python): each request, once it
 * ended, names
 * the operation, its HTTP `method` and `path` (relative to the base URL, as in Rust and Python),
 * `status`, `request_id`, `attempts` (retries included) and `duration_ms`; a failure also names
 * its error class and message (`error=NotFoundError: ...`). A call is one request, a paginated
 * list one per page fetched, a stream one when its response headers arrived, and
 * `AgentClient.login` one for its login. Arguments, bodies, query strings, headers, keys,
 * passwords and tokens are never logged (error messages come redacted from the Rust core).
 *
 * ```text
 * agents.get: success method=GET path=/agents/agt_personal_001 status=200 request_id=req_… attempts=1 duration_ms=4
 * agents.get: failed method=GET path=/agents/agt_nope status=404 request_id=req_… duration_ms=3 error=NotFoundError: …
 * ```
 */

import {
  type APIResponse,
  type ListRequestOptions,
  type RequestObserver,
  type RequestOptions,
  type RequestOutcome,
  env,
} from './core';
import type { Dispatch, Route, Routes } from './dispatch';
import { APIUserAbortError, CJHirashiError } from './errors';

/** What a `logger` option must provide (`console` does). */
export interface Logger {
  /** Each request: method, path, status, request id, attempts; failures with their class. */
  debug(message: string, ...rest: unknown[]): void;
  /** Not used by the SDK today (as in Rust and Python). */
  info(message: string, ...rest: unknown[]): void;
  /** Not used by the SDK today (as in Rust and Python). */
  warn(message: string, ...rest: unknown[]): void;
  /** Not used by the SDK today (as in Rust and Python). */
  error(message: string, ...rest: unknown[]): void;
}

/** The levels, most verbose first; `off` logs nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

/** @internal The logger and level of a client (`undefined`: logging off). */
export interface ActiveLog {
  logger: Logger;
  level: LogLevel;
}

/** @internal The level of `option`, else `CJHIRASHI_LOG`, else `off`. */
export function resolveLog(logger: unknown, level: unknown): ActiveLog | undefined {
  if (logger !== undefined && logger !== null) {
    const l = logger as Record<string, unknown>;
    if (typeof logger !== 'object' || ['debug', 'info', 'warn', 'error'].some((m) => typeof l[m] !== 'function')) {
      throw new TypeError('logger must be an object with debug, info, warn and error methods');
    }
  }
  let chosen: LogLevel = 'off';
  if (level !== undefined && level !== null) {
    if (typeof level !== 'string' || !(level in RANK)) {
      throw new TypeError("logLevel must be 'debug', 'info', 'warn', 'error' or 'off'");
    }
    chosen = level as LogLevel;
  } else {
    const fromEnv = env('CJHIRASHI_LOG')?.trim().toLowerCase();
    if (fromEnv && fromEnv in RANK) chosen = fromEnv as LogLevel;
  }
  if (chosen === 'off') return undefined;
  return { logger: (logger as Logger | undefined) ?? console, level: chosen };
}

/**
 * Whether a client logs any request record: successes are at `debug` and failed calls at `warn`,
 * so a client logging at `error` (or `off`) observes nothing.
 */
function logsRequests(log: ActiveLog | undefined): log is ActiveLog {
  return log !== undefined && RANK[log.level] <= RANK.warn;
}

/** `text` on one line: control characters escaped (a value cannot forge another record). */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The path of `route` with its `{name}` parts filled from the call's arguments. */
function pathOf(route: Route, params: unknown, positional: Record<string, unknown>): string {
  const p = (params !== null && typeof params === 'object' ? params : {}) as Record<string, unknown>;
  return route.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = positional[name] ?? p[name];
    return v === undefined || v === null ? whole : oneLine(String(v));
  });
}

/** The record of one request that ended with `outcome`. */
function describe(name: string, method: string, path: string, outcome: RequestOutcome, ms: number): string {
  const fields = [`method=${method}`, `path=${path}`];
  if ('error' in outcome) {
    const e = outcome.error as { name?: unknown; message?: unknown; status?: unknown; requestId?: unknown };
    if (typeof e?.status === 'number') fields.push(`status=${e.status}`);
    if (typeof e?.requestId === 'string') fields.push(`request_id=${oneLine(e.requestId)}`);
    fields.push(`duration_ms=${ms}`);
    const cls = typeof e?.name === 'string' ? e.name : 'Error';
    const message = typeof e?.message === 'string' ? e.message : String(outcome.error);
    fields.push(`error=${oneLine(`${cls}: ${message}`)}`);
    return `${name}: failed ${fields.join(' ')}`;
  }
  const r: APIResponse | undefined = outcome.response;
  if (r) {
    fields.push(`status=${r.status}`);
    if (r.requestId) fields.push(`request_id=${oneLine(r.requestId)}`);
    fields.push(`attempts=${r.attempts}`);
  }
  fields.push(`duration_ms=${ms}`);
  return `${name}: success ${fields.join(' ')}`;
}

/**
 * A request's record is written once it ended, unless it was never the service's to answer: an
 * argument refused before sending (`TypeError`, `RangeError`) or an abort by the caller's
 * signal logs nothing, as in Rust and Python, where neither reaches the transport's records.
 */
function observer(log: ActiveLog, name: string, method: string, path: string): RequestObserver {
  return () => {
    const started = Date.now();
    return (outcome) => {
      if ('error' in outcome) {
        const e = outcome.error;
        if (!(e instanceof CJHirashiError) || e instanceof APIUserAbortError) return;
      }
      const failed = 'error' in outcome;
      if (RANK[log.level] > (failed ? RANK.warn : RANK.debug)) return;
      try {
        const record = describe(name, method, path, outcome, Date.now() - started);
        if (failed) log.logger.warn(record);
        else log.logger.debug(record);
      } catch {
        // a failing logger must not fail (or crash) the call it logs
      }
    };
  };
}

/** Something whose response metadata can be asked once it settles (a call or a stream). */
interface HasResponse {
  withResponse(): Promise<{ response: APIResponse }>;
}

function hasResponse(v: unknown): v is HasResponse {
  return v !== null && typeof v === 'object' && typeof (v as Partial<HasResponse>).withResponse === 'function';
}

/**
 * @internal `d` with each request logged (see the module's documentation); `d` itself when
 * `log` does not ask for the request records. `routes` name each operation's method and path.
 */
export function logged<S>(d: Dispatch<S>, log: ActiveLog | undefined, routes: Routes): Dispatch<S> {
  if (!logsRequests(log)) return d;
  const observe = (op: string, params: unknown, positional: Record<string, unknown>): RequestObserver => {
    const route = routes[op] ?? unknownRoute(op);
    return observer(log, route.name, route.method, pathOf(route, params, positional));
  };
  const watch = (value: unknown, settled: ReturnType<RequestObserver>): void => {
    if (!hasResponse(value)) return;
    // asked before the request starts (a microtask later), so the answer carries its metadata
    value.withResponse().then(
      ({ response }) => settled({ response }),
      (error: unknown) => settled({ error }),
    );
  };
  return {
    call<R>(op: string, options: RequestOptions | undefined, params: unknown, positional: Record<string, unknown>) {
      const settled = observe(op, params, positional)();
      const answer = d.call<R>(op, options, params, positional);
      watch(answer, settled);
      return answer;
    },
    pages<P, I>(
      op: string,
      options: ListRequestOptions | undefined,
      params: unknown,
      positional: Record<string, unknown>,
      items: (page: P) => I[],
      outer?: RequestObserver,
    ) {
      const mine = observe(op, params, positional);
      const both: RequestObserver = outer
        ? () => {
            const a = mine();
            const b = outer();
            return (outcome) => {
              a(outcome);
              b(outcome);
            };
          }
        : mine;
      return d.pages<P, I>(op, options, params, positional, items, both);
    },
    stream(op, options, params, positional) {
      const settled = observe(op, params, positional)();
      const s = d.stream(op, options, params, positional);
      watch(s, settled);
      return s;
    },
  };
}

/**
 * @internal The observer of a request made outside the resources (`AgentClient.login`), or
 * `undefined` when `log` does not ask for the request records.
 */
export function requestLog(
  log: ActiveLog | undefined,
  name: string,
  route: Route | undefined,
): RequestObserver | undefined {
  if (!logsRequests(log)) return undefined;
  const r = route ?? unknownRoute(name);
  return observer(log, name, r.method, r.path);
}

/** The route of an operation missing from the generated table (none is). */
function unknownRoute(name: string): Route {
  return { name, method: '-', path: '-' };
}
