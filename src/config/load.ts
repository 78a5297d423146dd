import { readFile as fsReadFile, stat as fsStat } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import { ConfigError } from '../errors/errors.js';
import { registerSecret as registerGlobalSecret } from '../log/logger.js';
import { z } from 'zod';
import { DEFAULT_CONCURRENCY, DEFAULT_REQUEST_TIMEOUT_MS } from './defaults.js';
import { configErrorMap, issuesToConfigError } from './issues.js';
import { applyOverrides } from './overrides.js';
import type { ConfigOverrides } from './overrides.js';
import { checkCredentials, resolveConfigFile, specFor } from './resolve.js';
import type { SecretLedger } from './resolve.js';
import { ConfigFileSchema, providerProblem } from './schema.js';
import { parseConfigText } from './parse-text.js';
import { DEFAULT_RETRY_POLICY } from '../transport/retry.js';
import type { ResolvedAccount, ResolvedConfig } from './types.js';

export type { ResolvedAccount, ResolvedConfig, ResolvedOutput, ResolvedPush } from './types.js';
export { parseDuration } from './duration.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Everything `loadConfig` touches outside itself; the CLI passes `nodeFs` and `process.env`. */
export interface LoadDeps {
  readonly readFile: (path: string) => Promise<string>;
  readonly stat: (path: string) => Promise<{ readonly mode: number }>;
  readonly env: Env;
  /** One-line warnings (e.g. a world-readable file holding a literal secret). */
  readonly warn: (message: string) => void;
  /** Defaults to the logger's `registerSecret`. */
  readonly registerSecret?: (value: string) => void;
}

/** The real file system, for `LoadDeps`. */
export const nodeFs = {
  readFile: (path: string): Promise<string> => fsReadFile(path, 'utf8'),
  stat: (path: string): Promise<{ mode: number }> => fsStat(path),
} as const;

function errnoCode(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'read error';
}

/** Re-creates a ConfigError without any secret value in its message (a last line of defence). */
function scrub(e: unknown, secrets: readonly string[]): unknown {
  if (!(e instanceof ConfigError)) return e;
  const leaked = secrets.filter((s) => s.length > 0 && e.message.includes(s));
  if (leaked.length === 0) return e;
  let message =
    e.path && e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
  for (const s of leaked) message = message.split(s).join('***');
  return new ConfigError(e.path, message);
}

async function warnIfExposed(
  path: string,
  literalPaths: readonly string[],
  deps: LoadDeps,
): Promise<void> {
  const [first] = literalPaths;
  if (first === undefined) return;
  let mode: number;
  try {
    mode = (await deps.stat(path)).mode;
  } catch {
    return; // the file was just read; a failing stat only loses the warning
  }
  if ((mode & 0o044) === 0) return;
  const octal = (mode & 0o777).toString(8).padStart(4, '0');
  const more = literalPaths.length > 1 ? ` and ${literalPaths.length - 1} more` : '';
  deps.warn(
    `${path} holds a literal secret (${first}${more}) and is readable by group/others (mode ${octal}): ` +
      'run chmod 600 on it, or use ${ENV_VAR} or {file: path}',
  );
}

/**
 * Reads, parses (YAML or JSON), validates and resolves a config file. Every failure is a one-line
 * ConfigError naming the config path (`accounts[2].regions.include[0]`); no message holds a secret.
 * Resolved secrets are registered for redaction.
 */
export async function loadConfig(path: string, deps: LoadDeps): Promise<ResolvedConfig> {
  let text: string;
  try {
    text = await deps.readFile(path);
  } catch (e: unknown) {
    throw new ConfigError('', `cannot read config file ${path} (${errnoCode(e)})`);
  }
  const data = parseConfigText(text, path);
  const parsed = ConfigFileSchema.safeParse(data, { error: configErrorMap, reportInput: false });
  if (!parsed.success) throw issuesToConfigError(parsed.error.issues);
  const ledger: SecretLedger = { values: [], literalPaths: [] };
  const refDeps = { readFile: deps.readFile, env: deps.env, baseDir: dirname(resolvePath(path)) };
  let config: ResolvedConfig;
  try {
    config = await resolveConfigFile(parsed.data, refDeps, ledger);
  } catch (e: unknown) {
    throw scrub(e, ledger.values);
  }
  const register = deps.registerSecret ?? registerGlobalSecret;
  for (const s of ledger.values) register(s);
  await warnIfExposed(path, ledger.literalPaths, deps);
  return config;
}

function requiredKeys(schema: z.ZodType): string[] {
  if (!(schema instanceof z.ZodObject)) return [];
  const shape = schema.shape as z.ZodRawShape;
  return Object.keys(shape).filter((k) => {
    const field = shape[k];
    return field !== undefined && !z.safeParse(field, undefined).success;
  });
}

function joinAnd(words: readonly string[]): string {
  return words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/**
 * Without `--config`: one account named after the provider, its credentials from the provider's usual
 * environment variables (`AWS_ACCESS_KEY_ID`, ...), then the flags applied.
 */
export function configFromEnv(
  provider: string | undefined,
  env: Env,
  overrides: ConfigOverrides = {},
  register: (value: string) => void = registerGlobalSecret,
): ResolvedConfig {
  const problem = providerProblem(provider);
  if (problem !== undefined || provider === undefined) {
    throw new ConfigError('--provider', problem ?? 'is required');
  }
  const spec = specFor(provider, '--provider');
  const credentials: Record<string, string> = {};
  for (const [key, name] of Object.entries(spec.credentialEnv)) {
    const value = env[name];
    if (value !== undefined && value !== '') credentials[key] = value;
  }
  const skip = overrides.skipCredentials === true;
  const missing = requiredKeys(spec.credentials)
    .filter((k) => credentials[k] === undefined)
    .map((k) => spec.credentialEnv[k] ?? k);
  if (missing.length > 0 && !skip) {
    const verb = missing.length === 1 ? 'is' : 'are';
    throw new ConfigError(
      '',
      `${joinAnd(missing)} ${verb} not set (needed for --provider ${provider} without --config)`,
    );
  }
  const secrets = [...spec.secretKeys, ...(spec.redactKeys ?? [])].flatMap(
    (k) => credentials[k] ?? [],
  );
  try {
    if (!skip) checkCredentials(spec, credentials, '');
  } catch (e: unknown) {
    throw scrub(e, secrets);
  }
  const options = spec.options.safeParse({}, { error: configErrorMap });
  if (!options.success) throw issuesToConfigError(options.error.issues, '--provider');
  for (const s of secrets) register(s);
  const account: ResolvedAccount = {
    name: spec.name,
    provider: spec.name,
    credentials,
    regions: { include: [], exclude: [] },
    regionsPath: { include: '--regions', exclude: '--exclude-regions' },
    resources: undefined,
    endpoints: {},
    concurrency: DEFAULT_CONCURRENCY,
    options: options.data,
  };
  const base: ResolvedConfig = {
    accounts: [account],
    output: { file: undefined, format: 'json' },
    push: undefined,
    stateDir: undefined,
    requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
    retry: { ...DEFAULT_RETRY_POLICY },
  };
  return applyOverrides(base, overrides, env);
}
