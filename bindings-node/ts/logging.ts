/**
 * Logging of the clients: a `logger` option (any object with `debug` / `info` / `warn` /
 * `error`, such as `console`, pino or winston) and a level from the `logLevel` option or the
 * `CJHIRASHI_LOG` environment variable (`debug`, `info`, `warn`, `error`; unset: nothing is
 * logged), as the Python package's `cjhirashi_agents` logger and the Rust core's `tracing`.
 *
 * The records are the Rust core's own request events, forwarded by the native layer (as the
 * Python package forwards them to `logging`), one per attempt at the same levels as in Rust
 * and Python: every answer at `debug` (`success`, or the error answer of a failed call), a
 * retry (after an error status or a failure) and a re-authentication after a 401 at `info`, a
 * failed call at `warn`. Each names the operation, the core's message, its HTTP `method` and
 * `path` (relative to the base URL), `attempt`, `status` and `request_id` when an answer came,
 * the retry's `delay`, `duration_ms` (since the call started) and, for a failure, its error
 * class and message (`error=NotFoundError (404): ...`). A call is one request, a paginated list
 * one per page fetched, a stream one until its response headers arrived, and
 * `AgentClient.login` one for its login. Arguments, bodies, query strings, headers, keys,
 * passwords and tokens are never logged (error messages come redacted from the Rust core). An
 * argument refused before sending and an abort by the caller's signal log nothing.
 *
 * ```text
 * agents.get: success method=GET path=/agents/agt_personal_001 attempt=1 status=200 request_id=req_… duration_ms=4
 * agents.list: retrying after error status method=GET path=/agents attempt=1 status=503 request_id=req_… delay=512ms duration_ms=2
 * agents.get: error answer method=GET path=/agents/agt_nope attempt=1 status=404 request_id=req_… duration_ms=3 error=NotFoundError (404): …
 * ```
 *
 * The level is checked on the native side: a record below it never reaches JavaScript, and a
 * client that logs nothing costs nothing per call. Records arrive in order, before the call
 * they belong to settles.
 */

import { env } from './core';

/** What a `logger` option must provide (`console` does). */
export interface Logger {
  /** Every answer received: method, path, attempt, status, request id. */
  debug(message: string, ...rest: unknown[]): void;
  /** Retries (after an error status or a failure) and re-authentication after a 401. */
  info(message: string, ...rest: unknown[]): void;
  /** Failed calls: an error answer that is not retried, or no answer, with the error's class. */
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

/** @internal What the native layer calls with each record (on the JavaScript thread). */
export type LogSink = (level: string, message: string) => void;

/**
 * @internal The level and sink the native layer logs to for `log`, or `undefined` when `log`
 * asks for no record (the core logs nothing above `warn`, so `error` is none).
 */
export function nativeLog(log: ActiveLog | undefined): { level: string; sink: LogSink } | undefined {
  if (log === undefined || RANK[log.level] > RANK.warn) return undefined;
  const { logger } = log;
  const sink: LogSink = (level, message) => {
    try {
      if (level === 'warn') logger.warn(message);
      else if (level === 'info') logger.info(message);
      else if (level === 'error') logger.error(message);
      else logger.debug(message);
    } catch {
      // a failing logger must not fail (or crash) the call it logs
    }
  };
  return { level: log.level, sink };
}

/** @internal Has the native client `c` log to `log` (nothing when `log` asks for no record). */
export function attachLog(c: { setLog(level: string, sink: LogSink): void }, log: ActiveLog | undefined): void {
  const n = nativeLog(log);
  if (n) c.setLog(n.level, n.sink);
}
