/**
 * `@cjhirashi/agents-sdk/testing`: the embedded sandbox, an in-memory implementation of both
 * services served from inside the native module (on its tokio runtime), for examples and tests.
 */

import { native, sync } from './core';
import { mapError } from './errors';
import { type RealtimeSession, nativeSession } from './ops';

/** Options of `Sandbox.start`. */
export interface SandboxOptions {
  /** Port of the platform service (default: a free port). */
  platformPort?: number;
  /** Port of the ops service (default: a free port). */
  opsPort?: number;
  /** Answer 429 once a caller is over its rate limit (default off; headers are always sent). */
  enforceRateLimits?: boolean;
}

/**
 * @internal Testing only: makes the native module panic in the synchronous part of an async
 * call (`'sync'`), inside its future (`'async'`), or in a synchronous call (`'sync-call'`), to
 * check that a panic surfaces as a `CJHirashiError` and the process lives on.
 */
export async function _debugPanic(mode: 'sync' | 'async' | 'sync-call'): Promise<void> {
  if (mode === 'sync-call') {
    sync(() => native.debugPanicSync(true));
    return;
  }
  try {
    await native.debugPanic(mode);
  } catch (e) {
    throw mapError(e);
  }
}

/**
 * @internal Testing only: where this thread's calls run: `'thread'` (on the JavaScript thread,
 * turned by Node's event loop) or `'workers'` (a runtime's worker threads: other platforms, or
 * `CJHIRASHI_NODE_RUNTIME=worker`).
 */
export function _runtime(): 'thread' | 'workers' {
  return sync(() => native.debugRuntime()) as 'thread' | 'workers';
}

/**
 * @internal Testing only: the bound of a realtime session's event queue and the most events it
 * ever held.
 */
export function _realtimeQueueStats(session: RealtimeSession): { capacity: number; highWater: number } {
  const s = nativeSession(session);
  if (!s) throw new TypeError('not a RealtimeSession');
  return { capacity: s.queueCapacity, highWater: s.queueHighWater };
}

/** A running sandbox of both services on 127.0.0.1. */
export class Sandbox {
  /** The platform base URL, `http://127.0.0.1:PORT/api`. */
  readonly platformUrl: string;
  /** The ops origin, `http://127.0.0.1:PORT`. */
  readonly opsUrl: string;
  /** API key of the demo platform user `usr_abc123`. */
  readonly apiKey: string;
  /** API key of the platform admin. */
  readonly adminApiKey: string;
  /** Static API key of the ops service. */
  readonly opsApiKey: string;
  /** Ops login user name. */
  readonly username: string;
  /** Ops login password. */
  readonly password: string;
  readonly #server: native.SandboxServer;

  private constructor(server: native.SandboxServer) {
    this.#server = server;
    this.platformUrl = server.platformUrl;
    this.opsUrl = server.opsUrl;
    this.apiKey = server.apiKey;
    this.adminApiKey = server.adminApiKey;
    this.opsApiKey = server.opsApiKey;
    this.username = server.username;
    this.password = server.password;
  }

  /** Starts both services. */
  static async start(options: SandboxOptions = {}): Promise<Sandbox> {
    try {
      return new Sandbox(await native.startSandbox(options));
    } catch (e) {
      throw mapError(e);
    }
  }

  /** Stops both services. */
  async close(): Promise<void> {
    await this.#server.close();
  }
}
