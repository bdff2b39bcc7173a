/**
 * `@cjhirashi/agents-sdk/testing`: the embedded sandbox, an in-memory implementation of both
 * services served from inside the native module (on its tokio runtime), for examples and tests.
 */

import { native } from './core';
import { mapError } from './errors';

/** Options of `Sandbox.start`. */
export interface SandboxOptions {
  /** Port of the platform service (default: a free port). */
  platformPort?: number;
  /** Port of the ops service (default: a free port). */
  opsPort?: number;
  /** Answer 429 once a caller is over its rate limit (default off; headers are always sent). */
  enforceRateLimits?: boolean;
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
