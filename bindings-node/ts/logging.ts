/**
 * Logging of the clients: a `logger` option (any object with `debug` / `info` / `warn` /
 * `error`, such as `console`, pino or winston) and a level from the `logLevel` option or the
 * `CJHIRASHI_LOG` environment variable (`debug`, `info`, `warn`, `error`; unset: nothing is
 * logged), as the Python package's `cjhirashi_agents` logger and the Rust core's `tracing`.
 *
 * Each call is logged once it settled: at `debug` with its status, request id, attempts and
 * duration; a failure at `warn` with its class and message. Arguments, bodies, headers and
 * keys are never logged (error messages come redacted from the Rust core).
 */

import { APIPromise, type APIResponse, env } from './core';

/** What a `logger` option must provide (`console` does). */
export interface Logger {
  /** Per-call details. */
  debug(message: string, ...rest: unknown[]): void;
  /** Notable events. */
  info(message: string, ...rest: unknown[]): void;
  /** Failed calls. */
  warn(message: string, ...rest: unknown[]): void;
  /** Errors of the SDK itself. */
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

function enabled(log: ActiveLog, level: LogLevel): boolean {
  return RANK[level] >= RANK[log.level];
}

/** Something whose metadata can be asked once it settles (a call or a stream). */
interface HasResponse {
  withResponse(): Promise<{ response: APIResponse }>;
}

function describe(name: string, r: APIResponse, ms: number): string {
  return `${name}: ${r.status} in ${ms} ms (request id ${r.requestId ?? '-'}, attempts ${r.attempts})`;
}

/**
 * @internal Wraps every method of the resource objects of `client` (nested ones too) so each
 * call is logged once it settled. Pages are not observed (that would fetch their first page).
 */
export function instrument(client: object, log: ActiveLog | undefined, resources: string[]): void {
  if (!log) return;
  const wrap = (obj: Record<string, unknown>, path: string): void => {
    for (const [key, value] of Object.entries(obj)) {
      const name = `${path}.${key}`;
      if (typeof value === 'function') {
        const fn = value as (...args: unknown[]) => unknown;
        obj[key] = (...args: unknown[]): unknown => {
          const started = Date.now();
          const result = fn(...args);
          const observable =
            result instanceof APIPromise ||
            (result !== null &&
              typeof result === 'object' &&
              typeof (result as Partial<HasResponse>).withResponse === 'function' &&
              typeof (result as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function' &&
              typeof (result as { then?: unknown }).then !== 'function');
          if (observable) {
            (result as HasResponse).withResponse().then(
              ({ response }) => {
                if (enabled(log, 'debug')) log.logger.debug(describe(name, response, Date.now() - started));
              },
              (e: unknown) => {
                if (enabled(log, 'warn')) {
                  const err = e as { name?: string; message?: string };
                  log.logger.warn(`${name} failed: ${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`);
                }
              },
            );
          }
          return result;
        };
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        wrap(value as Record<string, unknown>, name);
      }
    }
  };
  const c = client as Record<string, unknown>;
  for (const r of resources) {
    const v = c[r];
    if (v !== null && typeof v === 'object') wrap(v as Record<string, unknown>, r);
  }
}
