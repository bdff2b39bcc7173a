// Types of the ES module entry of `@cjhirashi/agents-sdk/testing` (esm/testing.mjs).
export * from '../dist/testing.js';
