// Types of the ES module entry (esm/index.mjs): the same named exports as the CommonJS build's
// types, and no default export (the module has none).
export * from '../dist/index.js';
