import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validatedBy } from '../model/index.js';
import { guardMapper } from './mapper-guard.js';

const ctx = { provider: 'aws', account: 'a', region: 'r1' } as const;
const Schema = z.object({ id: z.string(), region: z.string() }).strict();

describe('guardMapper', () => {
  it('marks an output that matched its schema, and only that one', () => {
    const map = guardMapper(
      'thing',
      (raw: { id: unknown }, c: typeof ctx) => ({ id: raw.id, region: c.region }),
      Schema,
    );
    const ok = map({ id: 'x' }, ctx);
    expect(validatedBy(ok)).toBe(Schema);
    // A copy of the record was not checked: the sync checks it again.
    expect(validatedBy({ ...ok })).toBeUndefined();
    expect(() => map({ id: 7 }, ctx)).toThrow(
      /unexpected thing shape in the response: id invalid_type/,
    );
  });

  it('marks nothing without a schema, and turns a raw error into a provider error', () => {
    const map = guardMapper('thing', (raw: { id: string }, c: typeof ctx) => ({
      id: raw.id.trim(),
      region: c.region,
    }));
    expect(validatedBy(map({ id: 'x' }, ctx))).toBeUndefined();
    expect(() => map({} as { id: string }, ctx)).toThrow(
      /unexpected thing shape in the response \(TypeError\)/,
    );
  });
});
