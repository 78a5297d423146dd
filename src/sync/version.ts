import { createHash } from 'node:crypto';
import type { AnyRecord } from '../model/index.js';

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

/**
 * An account's content version, accumulated record by record in any order: the sum modulo 2^256 of each
 * record's SHA-256 (of its canonical JSON), with the count, hashed once more at the end. The same records give
 * the same version whatever the order they arrived in, and a run needs 40 bytes for it instead of every record
 * (or its id) to sort at the end. Made for change detection, not against someone forging records.
 */
export class ContentHash {
  private readonly sum = new Uint32Array(8);
  private count = 0;

  add(record: AnyRecord): void {
    this.addDigest(createHash('sha256').update(canonicalJson(record)).digest());
  }

  /** Adds what another accumulation holds (a task's records, once the task succeeded). */
  merge(other: ContentHash): void {
    this.addDigest(Buffer.from(other.sum.buffer, other.sum.byteOffset, 32), other.count);
  }

  /** `sha256:` and 32 hex digits. */
  version(): string {
    const hash = createHash('sha256')
      .update(Buffer.from(this.sum.buffer, this.sum.byteOffset, 32))
      .update(String(this.count));
    return `sha256:${hash.digest('hex').slice(0, 32)}`;
  }

  private addDigest(digest: Buffer, count = 1): void {
    let carry = 0;
    for (let i = 0; i < 8; i++) {
      const t = (this.sum[i] ?? 0) + digest.readUInt32LE(4 * i) + carry;
      this.sum[i] = t >>> 0;
      carry = t > 0xffffffff ? 1 : 0;
    }
    this.count += count;
  }
}

/** Content hash of an account's records: stable when nothing changed, whatever the order they arrived in. */
export function contentVersion(records: readonly AnyRecord[]): string {
  const hash = new ContentHash();
  for (const r of records) hash.add(r);
  return hash.version();
}
