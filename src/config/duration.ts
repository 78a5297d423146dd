import { ConfigError } from '../errors/errors.js';

/** A duration as written in the config and on the command line: `500ms`, `30s`, `2m`, `1h`, `1m30s`, `1.5s`. */
export const DURATION_PATTERN = '^(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+$';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const WHOLE = new RegExp(DURATION_PATTERN);

/** Milliseconds of a duration string, rounded to whole ms; `undefined` when it is not one. */
export function tryParseDuration(text: string): number | undefined {
  if (!WHOLE.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(PART)) {
    const unit = m[2] as keyof typeof UNIT_MS;
    total += Number(m[1]) * UNIT_MS[unit];
  }
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

/** The message of a bad duration (shared by the schema and `parseDuration`). */
export const DURATION_HINT = 'a number followed by ms, s, m or h (e.g. 500ms, 30s, 2m, 1m30s)';

/**
 * Milliseconds of a duration string: `parseDuration('30s')` is 30000. Throws a ConfigError naming `path`
 * (a config path or a flag such as `--timeout`) when the text is not a duration.
 */
export function parseDuration(text: string, path = ''): number {
  const ms = tryParseDuration(text.trim());
  if (ms === undefined) {
    throw new ConfigError(path, `invalid duration '${text}': expected ${DURATION_HINT}`);
  }
  return ms;
}
