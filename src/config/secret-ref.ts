import { resolve as resolvePath } from 'node:path';
import { ConfigError } from '../errors/errors.js';
import type { SecretRef } from './schema.js';

/** What resolving references needs; injected so tests need no real environment or files. */
export interface RefDeps {
  readonly readFile: (path: string) => Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory `{file: path}` is relative to (the config file's). */
  readonly baseDir: string;
}

export interface ResolvedRef {
  readonly value: string;
  /** True when the config itself holds the value (no `${ENV}`, no `{file}`). */
  readonly literal: boolean;
}

const REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/;

/**
 * Replaces every `${NAME}` with the environment variable's value; `$${` is a literal `${`, any other `$`
 * is kept. A missing or empty variable is an error naming `path` and the variable, never a value.
 */
export function interpolateEnv(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  path: string,
): { value: string; references: number } {
  let out = '';
  let i = 0;
  let references = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    if (text.startsWith('$${', dollar)) {
      out += '${';
      i = dollar + 3;
      continue;
    }
    if (text[dollar + 1] !== '{') {
      out += '$';
      i = dollar + 1;
      continue;
    }
    const m = REFERENCE.exec(text.slice(dollar));
    const name = m?.[1];
    if (!m || name === undefined) {
      throw new ConfigError(
        path,
        "malformed ${...} reference: expected ${NAME} with NAME made of letters, digits and '_' (write $${ for a literal ${)",
      );
    }
    const value = env[name];
    if (value === undefined) throw new ConfigError(path, `environment variable ${name} is not set`);
    if (value === '') throw new ConfigError(path, `environment variable ${name} is empty`);
    out += value;
    references += 1;
    i = dollar + m[0].length;
  }
  return { value: out, references };
}

function errnoCode(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'read error';
}

/** Resolves a literal, `${ENV}` string or `{file: path}` (relative to `baseDir`, trailing newlines trimmed). */
export async function resolveRef(
  ref: SecretRef,
  path: string,
  deps: RefDeps,
): Promise<ResolvedRef> {
  if (typeof ref === 'string') {
    const { value, references } = interpolateEnv(ref, deps.env, path);
    return { value, literal: references === 0 };
  }
  const file = resolvePath(deps.baseDir, ref.file);
  let text: string;
  try {
    text = await deps.readFile(file);
  } catch (e: unknown) {
    throw new ConfigError(path, `cannot read file ${file} (${errnoCode(e)})`);
  }
  return { value: text.replace(/[\r\n]+$/, ''), literal: false };
}
