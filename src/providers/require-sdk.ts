/**
 * Loads a cloud SDK with `require`, not `import`.
 *
 * The SDKs are CommonJS (Azure's are dual packages). Imported from ESM, Node 20 runs every CommonJS file of an
 * SDK's dependency tree through the ESM loader (format detection and a lexer pass for named exports), which made
 * loading twice as slow: measured on Node 20.20, the seven AWS clients 0.58 s by `import` against 0.33 s by
 * `require`, the Azure packages 1.15 s against 0.67 s (docs/performance.md, start-up). Types still come from
 * `import type`, which costs nothing at run time.
 *
 * A dual package must be loaded one way only in the whole program, or it exists twice (two `RestError`
 * classes): every value import of an SDK in `src/` goes through here.
 */
import { createRequire } from 'node:module';

export const requireSdk = createRequire(import.meta.url);
