/**
 * `--dump-raw DIR`: every successful API response, as the provider's SDK parsed it (the JSON shape of
 * `test/fixtures/<p>/<Operation>/*.json`), written to `DIR/<provider>/<region>/<Operation>-<n>.json` after
 * redaction of every registered secret. For capturing fixtures (then `scripts/scrub-fixture.ts`) and for
 * debugging a mapping. Never holds request headers or signatures: only response bodies.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface RawDump {
  /** Queues one response body; never throws (a failed write is reported by `flush`). */
  write(provider: string, region: string, operation: string, body: unknown): void;
  /** Waits for every queued write; resolves with the number of files written, rejects on the first failure. */
  flush(): Promise<number>;
}

/** Keeps file names portable: only letters, digits, `.`, `_` and `-`. */
function safe(part: string): string {
  const s = part.replace(/[^A-Za-z0-9._-]/g, '_');
  return s === '' || s === '.' || s === '..' ? '_' : s;
}

/** JSON that survives what SDKs return: BigInt (json-bigint numbers) as strings, binary as base64, no cycles. */
function toJson(body: unknown): string {
  const seen = new WeakSet();
  return JSON.stringify(
    body,
    (_key, value: unknown) => {
      if (typeof value === 'bigint') return value.toString();
      if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
      if (typeof value === 'object' && value !== null) {
        if (seen.has(value)) return '[circular]';
        seen.add(value);
      }
      return value;
    },
    2,
  );
}

export function createRawDump(dir: string, redact: (text: string) => string): RawDump {
  const counters = new Map<string, number>();
  const pending: Promise<void>[] = [];
  let failure: Error | undefined;
  return {
    write(provider, region, operation, body) {
      const folder = join(dir, safe(provider), safe(region || 'global'));
      const key = `${folder}\u0000${operation}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      const file = join(folder, `${safe(operation)}-${n}.json`);
      let text: string;
      try {
        text = `${redact(toJson(body))}\n`;
      } catch {
        text = '"[unserialisable response]"\n';
      }
      pending.push(
        mkdir(folder, { recursive: true })
          .then(() => writeFile(file, text, { mode: 0o600 }))
          .catch((e: unknown) => {
            failure ??= e instanceof Error ? e : new Error('could not write a dump file');
          }),
      );
    },
    async flush() {
      await Promise.all(pending);
      if (failure !== undefined)
        throw failure instanceof Error ? failure : new Error(String(failure));
      return pending.length;
    },
  };
}
