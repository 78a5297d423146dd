#!/usr/bin/env node
// Thin shim: all logic lives in dist/ (built by `npm run build`, run by `npm ci` through `prepare`).
await import('../dist/cli/main.js');
