/**
 * The contract of every mapper on hostile provider data (issue 10.2): it returns schema-valid records or
 * throws a typed `provider_error`, never a raw TypeError and never a record that breaks our schema. Mappers
 * are written against the wire types and tolerate absence; the guard turns what a shape the wire type does
 * not describe (a string where a list was, a number for a name) makes of them into a `ProviderError` naming
 * the mapper and the schema path, without echoing the provider's values. Pure: no I/O, no state.
 */
import type { z } from 'zod';
import { DeepflowCloudError, ProviderError } from '../errors/errors.js';
import type { MapContext } from '../model/index.js';
import { markValidated } from '../model/index.js';

function contextOf(args: readonly unknown[]): Partial<MapContext> {
  for (const a of args) {
    if (typeof a !== 'object' || a === null) continue;
    const c = a as Partial<MapContext>;
    if (typeof c.provider === 'string' && typeof c.region === 'string') return c;
  }
  return {};
}

/**
 * Wraps mapper `map` (named `what` in messages) so that a thrown non-typed error, or an output that `schema`
 * rejects, becomes a `ProviderError` ("unexpected <what> shape").
 */
export function guardMapper<A extends readonly unknown[], R>(
  what: string,
  map: (...args: A) => R,
  schema?: z.ZodType,
): (...args: A) => R {
  return (...args: A): R => {
    let out: R;
    try {
      out = map(...args);
    } catch (e) {
      if (e instanceof DeepflowCloudError) throw e;
      const ctx = contextOf(args);
      const why = e instanceof Error ? e.name : typeof e;
      throw new ProviderError(`unexpected ${what} shape in the response (${why})`, {
        provider: ctx.provider,
        region: ctx.region,
        cause: e,
      });
    }
    if (schema !== undefined) {
      const parsed = schema.safeParse(out);
      if (!parsed.success) {
        const ctx = contextOf(args);
        const issue = parsed.error.issues[0];
        // A tag key is the provider's (hostile, possibly huge) data: name the field, never the key.
        const segments = issue?.path.map(String) ?? [];
        const tags = segments.indexOf('tags');
        const path = (tags < 0 ? segments : [...segments.slice(0, tags + 1), '*']).join('.');
        throw new ProviderError(
          `unexpected ${what} shape in the response: ${path || 'record'} ${issue?.code ?? 'invalid'}`,
          { provider: ctx.provider, region: ctx.region },
        );
      }
      markValidated(out, schema);
    }
    return out;
  };
}
