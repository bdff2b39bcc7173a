// ES module entry of @cjhirashi/agents-sdk/testing (re-exports the CommonJS build).
import cjs from '../dist/testing.js';

export const { Sandbox, _debugPanic, _realtimeQueueStats, _runtime } = cjs;
