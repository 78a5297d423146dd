/**
 * Property-based tests of mappers (issue 10.2). Every case feeds a mapper hostile shapes grown from real
 * fixture items (fields dropped, wrong types, huge and unicode strings, duplicated list entries, prototype
 * keys) plus arbitrary JSON, and asserts the contract: a schema-valid, JSON-serialisable result, or a typed
 * `provider_error`. Anything else (a TypeError, a BigInt in the output, an invalid record) fails the property
 * with fast-check's shrunk counterexample.
 *
 * Runs per provider: 10,000 in `npm test`, DEEPFLOW_FUZZ_RUNS (default 100,000 with DEEPFLOW_SLOW=1) in
 * `npm run test:slow`, split evenly across the provider's cases.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DeepflowCloudError } from '../../src/errors/errors.js';
import type { MapContext, ProviderName } from '../../src/model/index.js';
import { ROOT } from './cli.js';

export interface MapperCase {
  /** The exported mapper's name (`mapVpc`). */
  readonly name: string;
  /** Well-formed inputs to grow hostile ones from (fixture items); a tuple when `map` takes several. */
  readonly seeds: readonly unknown[];
  /** Calls the mapper on one (hostile) input. */
  readonly map: (input: unknown) => unknown;
  /** What a successful result must satisfy. */
  readonly schema?: z.ZodType;
}

/** Per provider, in `npm test`. */
export const FAST_RUNS = 10_000;

export function fuzzRuns(): number {
  const env = Number(process.env['DEEPFLOW_FUZZ_RUNS']);
  if (Number.isInteger(env) && env > 0) return env;
  return process.env['DEEPFLOW_SLOW'] === '1' ? 100_000 : FAST_RUNS;
}

/** The map context every fuzz case uses. */
export function fuzzContext(provider: ProviderName): MapContext {
  return { provider, account: 'fuzz', region: 'fuzz-region-1' };
}

function collect(value: unknown, key: string | undefined, out: unknown[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, key, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === key && Array.isArray(v)) out.push(...(v as unknown[]));
    else collect(v, key, out);
  }
}

/**
 * Items of `test/fixtures/<provider>/<operation>/*.json`: the elements of every array under property `key`
 * (at any depth), or the whole pages when `key` is omitted.
 */
export function seeds(provider: ProviderName, operation: string, key?: string): unknown[] {
  const dir = join(ROOT, 'test', 'fixtures', provider, operation);
  const out: unknown[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const page = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    if (key === undefined) out.push(page);
    else collect(page, key, out);
  }
  if (out.length === 0)
    throw new Error(`no seeds in ${provider}/${operation} under '${key ?? ''}'`);
  return out;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202eevil',
  '🙂🙂🙂',
  'ｆｕｌｌ　ｗｉｄｔｈ',
  '華南3（廣州）',
  'x'.repeat(100_000),
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '${HOME}',
  '../../etc/passwd',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '2026-13-45T99:99:99Z',
  '9999999999999999999999',
];

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, Number.NaN, Number.POSITIVE_INFINITY),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.constantFrom(...HOSTILE_STRINGS),
);

/** Anything a JSON (or XML-to-object) parser could hand a mapper in place of a field. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), leaf, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.constant({}) },
);

const MISSING = Symbol('missing');

/** Hostile variants of one well-formed value, keeping most of its shape so mappers get deep. */
export function hostile(sample: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(sample)) {
    if (sample.length === 0) return fc.oneof(fc.constant([]), fc.array(junk, { maxLength: 2 }));
    const items = fc.tuple(...sample.map(hostile));
    return fc.oneof(
      { weight: 6, arbitrary: items },
      // Duplicate entries (duplicate ids) and a list of junk.
      { weight: 1, arbitrary: items.map((a) => [...a, ...a]) },
      { weight: 1, arbitrary: junk },
    );
  }
  if (sample !== null && typeof sample === 'object') {
    const fields = Object.entries(sample as Record<string, unknown>).map(
      ([k, v]) =>
        [
          k,
          fc.oneof(
            { weight: 6, arbitrary: hostile(v) },
            { weight: 1, arbitrary: junk },
            { weight: 1, arbitrary: fc.constant(MISSING) },
          ),
        ] as const,
    );
    const record = fc.record(Object.fromEntries(fields)).map((r: Record<string, unknown>) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) if (v !== MISSING) out[k] = v;
      return out;
    });
    return fc.oneof({ weight: 8, arbitrary: record }, { weight: 1, arbitrary: junk });
  }
  const variants: fc.Arbitrary<unknown>[] = [fc.constant(sample), leaf];
  if (typeof sample === 'string') {
    variants.push(
      fc.constantFrom(sample.repeat(50), `${sample}\u0000`, sample.toUpperCase(), ` ${sample} `),
    );
  }
  return fc.oneof(...variants);
}

/** Asserts the mapper contract on one input. */
export function holdsContract(c: MapperCase, input: unknown): void {
  let out: unknown;
  try {
    out = c.map(input);
  } catch (e) {
    if (e instanceof DeepflowCloudError && e.kind === 'provider_error') return;
    throw e;
  }
  if (c.schema !== undefined) c.schema.parse(out);
  // The output is written as JSON: no BigInt, no cycles.
  JSON.stringify(out);
}

/**
 * One `describe` per provider, one `it` per mapper, `fuzzRuns()` inputs split across them. Deterministic:
 * the seed is fixed, so a failure reproduces; fast-check prints the shrunk input.
 */
export function fuzzMappers(provider: ProviderName, cases: readonly MapperCase[]): void {
  const runs = Math.ceil(fuzzRuns() / Math.max(1, cases.length));
  describe(`${provider} mappers on hostile input`, () => {
    it.each(cases.map((c) => [c.name, c] as const))(
      '%s returns schema-valid records or throws provider_error',
      (_name, c) => {
        const arb = fc.oneof(
          { weight: 8, arbitrary: fc.oneof(...c.seeds.map(hostile)) },
          { weight: 1, arbitrary: junk },
          { weight: 1, arbitrary: fc.jsonValue() },
        );
        // The well-formed seeds themselves must map cleanly.
        for (const s of c.seeds) expect(() => c.map(s)).not.toThrow();
        fc.assert(
          fc.property(arb, (input) => {
            holdsContract(c, input);
          }),
          { numRuns: runs, seed: 20261122 },
        );
      },
      120_000,
    );
  });
}
