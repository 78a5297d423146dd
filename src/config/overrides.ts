import { ConfigError } from '../errors/errors.js';
import { registerSecret } from '../log/logger.js';
import { KIND_KEYS, RESOURCE_KINDS } from '../model/index.js';
import type { ResourceKind } from '../model/index.js';
import { closestMatches } from '../regions/suggest.js';
import { DEFAULT_ORG_ID, PUSH_TOKEN_ENV } from './defaults.js';
import { parseDuration } from './duration.js';
import { isHttpUrl, OUTPUT_FORMATS } from './schema.js';
import type { OutputFormat } from './schema.js';
import type { ResolvedAccount, ResolvedConfig, ResolvedPush } from './types.js';

/** Command-line flags that override the config (DESIGN §2), as the CLI parsed them (lists already split). */
export interface ConfigOverrides {
  /** `--account NAME...`: keep only these accounts. */
  readonly accounts?: readonly string[] | undefined;
  /** `--regions`: replaces every account's `regions.include`. */
  readonly regions?: readonly string[] | undefined;
  /** `--exclude-regions`: replaces every account's `regions.exclude`. */
  readonly excludeRegions?: readonly string[] | undefined;
  /** `--resources`: replaces every account's `resources`. */
  readonly resources?: readonly string[] | undefined;
  /** `--concurrency`: per account. */
  readonly concurrency?: number | string | undefined;
  /** `--timeout`: a duration (`30s`). */
  readonly timeout?: string | undefined;
  /** `--output FILE|-` (relative to the working directory, as any flag). */
  readonly output?: string | undefined;
  /** `--format json|ndjson` (the CLI handles other formats, e.g. `deepflow`, itself). */
  readonly format?: string | undefined;
  /** `--push URL`: keeps the configured push kind, else `http`; token from DEEPFLOW_CLOUD_PUSH_TOKEN. */
  readonly push?: string | undefined;
  /** `--state-dir DIR`. */
  readonly stateDir?: string | undefined;
  /**
   * `configFromEnv` only: do not require the provider's credential variables (`--emulator` supplies its
   * own credentials).
   */
  readonly skipCredentials?: boolean | undefined;
}

/** Splits a comma-separated flag value (`a, b,,c` → `['a','b','c']`). */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function checkPatterns(list: readonly string[], flag: string): string[] {
  if (list.length === 0) throw new ConfigError(flag, 'must name at least one region');
  if (list.some((p) => p.length === 0))
    throw new ConfigError(flag, 'must not contain an empty region');
  return [...list];
}

/** Validates resource kind names (from `--resources`). */
export function parseResourceKinds(list: readonly string[], flag: string): ResourceKind[] {
  if (list.length === 0) throw new ConfigError(flag, 'must name at least one resource kind');
  const out: ResourceKind[] = [];
  for (const k of list) {
    // The plural output keys (`vms`) are accepted too: that is what users see in the output.
    const kind = RESOURCE_KINDS.find((r) => r === k || KIND_KEYS[r] === k);
    if (kind === undefined) {
      const [guess] = closestMatches(k, RESOURCE_KINDS, 1);
      const hint = guess ? `, did you mean '${guess}'?` : '';
      throw new ConfigError(
        flag,
        `unknown resource kind '${k}'${hint} (valid: ${RESOURCE_KINDS.join(', ')})`,
      );
    }
    if (!out.includes(kind)) out.push(kind);
  }
  return out;
}

function parseConcurrency(value: number | string): number {
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (
    !Number.isInteger(n) ||
    n < 1 ||
    n > 256 ||
    (typeof value === 'string' && value.trim() === '')
  ) {
    throw new ConfigError('--concurrency', 'must be an integer from 1 to 256');
  }
  return n;
}

function selectAccounts(
  accounts: readonly ResolvedAccount[],
  names: readonly string[],
): ResolvedAccount[] {
  const known = accounts.map((a) => a.name);
  for (const name of names) {
    if (known.includes(name)) continue;
    const [guess] = closestMatches(name, known, 1);
    const hint = guess ? `, did you mean '${guess}'?` : '';
    throw new ConfigError(
      '--account',
      `no account named '${name}'${hint} (accounts: ${known.join(', ')})`,
    );
  }
  return accounts.filter((a) => names.includes(a.name));
}

function overridePush(
  current: ResolvedPush | undefined,
  url: string,
  env: Readonly<Record<string, string | undefined>>,
): ResolvedPush {
  if (!isHttpUrl(url)) throw new ConfigError('--push', 'must be an http:// or https:// URL');
  if (current) return { ...current, url };
  const token = env[PUSH_TOKEN_ENV];
  registerSecret(token);
  return {
    url,
    kind: 'http',
    orgId: DEFAULT_ORG_ID,
    domainUuid: undefined,
    token: token === '' ? undefined : token,
  };
}

/**
 * Applies command-line flags to a resolved config. Errors name the flag (`--regions`). Region patterns
 * from flags keep their flag as `regionsPath`, so an unmatched one is reported against the flag.
 */
export function applyOverrides(
  config: ResolvedConfig,
  o: ConfigOverrides,
  env: Readonly<Record<string, string | undefined>>,
): ResolvedConfig {
  const include = o.regions === undefined ? undefined : checkPatterns(o.regions, '--regions');
  const exclude =
    o.excludeRegions === undefined
      ? undefined
      : checkPatterns(o.excludeRegions, '--exclude-regions');
  const resources =
    o.resources === undefined ? undefined : parseResourceKinds(o.resources, '--resources');
  const concurrency = o.concurrency === undefined ? undefined : parseConcurrency(o.concurrency);
  const selected = o.accounts?.length
    ? selectAccounts(config.accounts, o.accounts)
    : config.accounts;
  const accounts = selected.map((a): ResolvedAccount => ({
    ...a,
    regions: { include: include ?? a.regions.include, exclude: exclude ?? a.regions.exclude },
    regionsPath: {
      include: include ? '--regions' : a.regionsPath.include,
      exclude: exclude ? '--exclude-regions' : a.regionsPath.exclude,
    },
    resources: resources ?? a.resources,
    concurrency: concurrency ?? a.concurrency,
  }));
  let format: OutputFormat = config.output.format;
  if (o.format !== undefined) {
    const f = OUTPUT_FORMATS.find((x) => x === o.format);
    if (!f) throw new ConfigError('--format', `must be one of ${OUTPUT_FORMATS.join(', ')}`);
    format = f;
  }
  let timeout = config.requestTimeoutMs;
  if (o.timeout !== undefined) {
    timeout = parseDuration(o.timeout, '--timeout');
    if (timeout <= 0) throw new ConfigError('--timeout', 'must be longer than 0');
  }
  return {
    accounts,
    output: {
      file: o.output === undefined ? config.output.file : o.output === '-' ? undefined : o.output,
      format,
    },
    push: o.push === undefined ? config.push : overridePush(config.push, o.push, env),
    stateDir: o.stateDir ?? config.stateDir,
    requestTimeoutMs: timeout,
    retry: config.retry,
    ...(config.caFile === undefined ? {} : { caFile: config.caFile }),
  };
}
