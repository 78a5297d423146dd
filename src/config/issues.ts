import type { z } from 'zod';
import { ConfigError } from '../errors/errors.js';
import { quoteList } from '../regions/suggest.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Whether a user-written word may be quoted back in a message (`unknown resource kind 'vms'`). Secrets are
 * 30+ characters, so a short plain word is safe; anything else could be a misplaced secret.
 */
export function isEchoable(value: unknown): value is string {
  return typeof value === 'string' && /^[\w.$-]{1,24}$/.test(value);
}

/** `accounts[2].regions.include[0]`: the path as an operator reads it. */
export function formatPath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (!isEchoable(seg)) out += '[<long key>]';
    else if (IDENTIFIER.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** The type of a value in words, never the value (it may be a secret). */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isInteger(value) ? 'an integer' : 'a number';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return 'a mapping';
    case 'undefined':
      return 'nothing';
    case 'bigint':
    case 'symbol':
    case 'function':
      return typeof value;
  }
  return 'a value';
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

/** `z.int()` reports a string input as "expected number"; its definition knows better. */
function isIntegerSchema(iss: z.core.$ZodRawIssue): boolean {
  const def: unknown = iss.inst?._zod.def;
  return (
    typeof def === 'object' && def !== null && (def as { format?: unknown }).format === 'safeint'
  );
}

/**
 * A short word may be echoed back (`got 'xml'`); anything longer could be a misplaced secret and is
 * described by its type only.
 */
function echo(value: unknown): string {
  return typeof value === 'string' && /^[\w.-]{1,16}$/.test(value) ? `'${value}'` : typeName(value);
}

function sizeMessage(iss: z.core.$ZodRawIssue, small: boolean): string | undefined {
  if (iss.code !== 'too_small' && iss.code !== 'too_big') return undefined;
  const n = Number(iss.code === 'too_small' ? iss.minimum : iss.maximum);
  const inclusive = iss.inclusive !== false;
  if (iss.origin === 'array') {
    if (small) return n <= 1 ? 'must not be empty' : `must have at least ${n} items`;
    return `must have at most ${n} items`;
  }
  if (iss.origin === 'string') {
    if (small) return n <= 1 ? 'must not be empty' : `must be at least ${n} characters`;
    return `must be at most ${n} characters`;
  }
  if (small) return inclusive ? `must be at least ${n}` : `must be greater than ${n}`;
  return inclusive ? `must be at most ${n}` : `must be less than ${n}`;
}

/**
 * Messages for zod's own issues, used as the per-parse error map: one line, plain words, no input value
 * except short enum candidates. Schema-level messages (schema.ts) take precedence over these.
 */
export const configErrorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'is required';
      const expected = isIntegerSchema(iss) ? 'int' : iss.expected;
      return `expected ${EXPECTED[expected] ?? expected}, got ${typeName(iss.input)}`;
    }
    case 'invalid_value':
      if (iss.values.length === 1) return `must be ${quoteList(iss.values.map(String))}`;
      return `must be one of ${quoteList(iss.values.map(String))}, got ${echo(iss.input)}`;
    case 'too_small':
      return sizeMessage(iss, true);
    case 'too_big':
      return sizeMessage(iss, false);
    case 'invalid_format':
      return iss.format === 'regex' && iss.pattern
        ? `must match ${iss.pattern}`
        : `must be a valid ${iss.format}`;
    case 'unrecognized_keys':
      return `unknown key${iss.keys.length > 1 ? 's' : ''} ${quoteList(iss.keys.map(echo), 'and')}`;
    case 'invalid_union':
      return 'has none of the accepted shapes';
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    case 'not_multiple_of':
      return `must be a multiple of ${String(iss.divisor)}`;
    case 'custom':
      return undefined;
  }
};

function locate(issue: z.core.$ZodIssue, base: string): { path: string; message: string } {
  const [key] = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path =
    issue.code === 'unrecognized_keys' && issue.keys.length === 1 && key !== undefined
      ? [...issue.path, key]
      : issue.path;
  return { path: formatPath(path, base), message: issue.message };
}

/**
 * One ConfigError for a failed parse: the first problem with its path, then up to two more on the same
 * line, then a count of the rest. `base` prefixes every path (e.g. `accounts[0]`).
 */
export function issuesToConfigError(issues: readonly z.core.$ZodIssue[], base = ''): ConfigError {
  const located = issues.map((i) => locate(i, base));
  const [first, ...rest] = located;
  if (!first) return new ConfigError(base, 'is invalid');
  const shown = rest.slice(0, 2).map((l) => `; ${l.path || 'top level'}: ${l.message}`);
  const more = rest.length > 2 ? ` (and ${rest.length - 2} more)` : '';
  const head = first.path ? first.message : `top level: ${first.message}`;
  return new ConfigError(first.path, `${head}${shown.join('')}${more}`);
}
