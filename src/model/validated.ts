/**
 * Which schema a record was last checked against, so the sync does not check it twice: a guarded mapper
 * (src/providers/mapper-guard.ts) checks its output, and the sync checks every record against its kind's
 * schema; when the mapper's schema is that kind's schema, the second check is skipped (zod was ~3 % of a
 * medium sync's CPU, half of it the repeat). Held weakly: the mark goes with the record.
 */
import type { z } from 'zod';

const checked = new WeakMap<object, z.ZodType>();

/** Notes that `record` (an object just returned by a mapper) matched `schema`. */
export function markValidated(record: unknown, schema: z.ZodType): void {
  if (typeof record === 'object' && record !== null) checked.set(record, schema);
}

/** The schema `record` was found to match, if it was checked. */
export function validatedBy(record: unknown): z.ZodType | undefined {
  return typeof record === 'object' && record !== null ? checked.get(record) : undefined;
}
