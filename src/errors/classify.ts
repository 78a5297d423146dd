import type { ErrorKind } from '../model/index.js';

/** What a provider's `classify` reads of a failure: HTTP status, provider or Node code, name, message. */
export interface ErrorFacts {
  readonly status?: number | undefined;
  readonly code?: string | undefined;
  readonly message?: string | undefined;
  readonly name?: string | undefined;
}

/** Rows of a provider's classification table: the first set that holds a code decides. */
export type CodeTable = readonly (readonly [ReadonlySet<string>, ErrorKind])[];

/** Transport failures every SDK surfaces the same way (Node socket and TLS codes, client timeouts). */
export const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'RequestTimeoutError',
  'ReadResponseTimeoutError',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export interface ClassifyRules {
  /** The provider's table of codes (network codes are appended by the shared skeleton). */
  readonly table: CodeTable;
  /** True for a call to a regional endpoint (no DNS name there = the service is not in that region). */
  readonly regional?: boolean | undefined;
  /** A provider rule checked before the table (e.g. AWS's disabled-region authentication codes). */
  readonly before?: (code: string) => ErrorKind | undefined;
  /** A provider rule checked after the table (e.g. code prefixes). */
  readonly after?: (code: string) => ErrorKind | undefined;
}

/**
 * The skeleton every provider's `classify` shares: an abort, then per code (provider code first, then the
 * error name) the provider's rules and table, then the transport codes, then the HTTP status. Pure.
 */
export function classifyFacts(input: ErrorFacts, rules: ClassifyRules): ErrorKind {
  if (input.name === 'AbortError') return 'aborted';
  for (const code of [input.code, input.name]) {
    if (!code) continue;
    const early = rules.before?.(code);
    if (early !== undefined) return early;
    if (code === 'ENOTFOUND') return rules.regional === true ? 'region_unavailable' : 'network';
    for (const [codes, kind] of rules.table) if (codes.has(code)) return kind;
    if (NETWORK_CODES.has(code)) return 'network';
    const late = rules.after?.(code);
    if (late !== undefined) return late;
  }
  if (input.message !== undefined && /socket hang up/i.test(input.message)) return 'network';
  const status = input.status;
  if (status === 401) return 'auth_failed';
  if (status === 403) return 'permission_denied';
  if (status === 429) return 'throttled';
  // 5xx, unparseable bodies, unexpected shapes and any other code.
  return 'provider_error';
}

const MAX_MESSAGE = 300;

/** One line of at most 300 characters (after a provider has scrubbed its secrets out of it). */
export function clampMessage(message: string): string {
  const clean = message.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE)}…` : clean;
}
