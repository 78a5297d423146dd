import { createHash } from 'node:crypto';
import type { AnyRecord } from '../model/index.js';
import { compareById } from '../model/index.js';

/** JSON with object keys sorted, so that equal content hashes equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Content hash of an account's records: stable when nothing changed, whatever the order they arrived in. */
export function contentVersion(records: readonly AnyRecord[]): string {
  const hash = createHash('sha256');
  for (const r of [...records].sort(compareById)) hash.update(canonicalJson(r)).update('\n');
  return `sha256:${hash.digest('hex').slice(0, 32)}`;
}
