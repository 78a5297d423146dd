/** Helpers shared by every provider's mappers. Pure: no clock, no I/O. */

/** The name, or the native id when the name is empty or missing. */
export function nameOrId(name: string | undefined | null, nativeId: string): string {
  const trimmed = name?.trim();
  return trimmed !== undefined && trimmed !== '' ? trimmed : nativeId;
}

/** An ISO-8601 UTC string from a Date, epoch ms or date string; `undefined` when absent or invalid. */
export function toIsoUtc(value: Date | string | number | undefined | null): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const d = value instanceof Date ? value : new Date(value);
  const t = d.getTime();
  return Number.isFinite(t) ? d.toISOString() : undefined;
}

/** Tags from a list of key/value pairs, whatever the provider calls the fields. Empty keys are dropped. */
export function tagsFrom<T>(
  list: readonly T[] | undefined | null,
  key: (t: T) => string | undefined | null,
  value: (t: T) => string | undefined | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of list ?? []) {
    const k = key(t);
    if (k) out[k] = value(t) ?? '';
  }
  return out;
}

/** A provider value looked up in a literal table, with a fallback for anything unknown. */
export function lookup<V>(
  table: Readonly<Record<string, V>>,
  key: string | undefined | null,
  fallback: V,
): V {
  if (key === undefined || key === null) return fallback;
  return Object.prototype.hasOwnProperty.call(table, key) ? (table[key] ?? fallback) : fallback;
}

/** Drops undefined, null and empty strings; keeps order; removes duplicates. */
export function compact(values: readonly (string | undefined | null)[]): string[] {
  const out: string[] = [];
  for (const v of values) if (v && !out.includes(v)) out.push(v);
  return out;
}

/** Lower-cased protocol name (`TCP` → `tcp`, `-1` → `all`). */
export function normalizeProtocol(p: string | undefined | null): string {
  if (p === undefined || p === null || p === '' || p === '-1') return 'all';
  const lower = p.toLowerCase();
  return lower === 'any' ? 'all' : lower;
}

/** A finite integer or undefined. */
export function toInt(v: string | number | undefined | null): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isInteger(n) ? n : undefined;
}

/**
 * The string, or undefined when it is missing, null or empty. A value of another type (a number or an object
 * where the API documents a string) reads as missing too, so that no mapper calls string methods on it.
 */
export function nonEmpty(value: string | undefined | null): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
