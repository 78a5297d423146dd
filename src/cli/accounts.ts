import { readFile, stat } from 'node:fs/promises';
import { configFromEnv, loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/load.js';
import { ConfigError } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import type { ProviderName, ResourceKind } from '../model/index.js';
import { ProviderNameSchema, RESOURCE_KINDS, ResourceKindSchema } from '../model/index.js';
import type { SyncAccount } from '../sync/run.js';
import type { Io } from './io.js';
import { splitList } from './io.js';

/** Flags shared by the commands that select accounts. */
export interface AccountFlags {
  config?: string;
  provider?: string;
  account?: string[];
  regions?: string;
  excludeRegions?: string;
  resources?: string;
  concurrency?: string;
  emulator?: boolean;
}

export function parseProvider(value: string | undefined, flag = '--provider'): ProviderName {
  const parsed = ProviderNameSchema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(
      flag,
      value === undefined
        ? `is required without --config (one of ${ProviderNameSchema.options.join(', ')})`
        : `unknown provider '${value}' (one of ${ProviderNameSchema.options.join(', ')})`,
    );
  }
  return parsed.data;
}

export function parseResources(value: string | undefined): ResourceKind[] | undefined {
  const items = splitList(value);
  if (items.length === 0) return undefined;
  return items.map((item) => {
    // Accept the plural keys too (`vms`), since that is what users see in the output.
    const singular = RESOURCE_KINDS.find((k) => k === item || `${k}s` === item);
    const parsed = ResourceKindSchema.safeParse(singular);
    if (!parsed.success) {
      throw new ConfigError(
        '--resources',
        `unknown kind '${item}' (kinds: ${RESOURCE_KINDS.join(', ')})`,
      );
    }
    return parsed.data;
  });
}

export function parsePositiveInt(
  value: string | undefined,
  flag: string,
  max = 1024,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new ConfigError(flag, `must be a whole number from 1 to ${max}, got '${value}'`);
  }
  return n;
}

/** The config of this run: from `--config`, or one account from `--provider` and its environment variables. */
export async function resolveConfig(
  flags: AccountFlags,
  io: Io,
  log: Logger,
  credentialsFromEmulator: boolean,
): Promise<ResolvedConfig> {
  if (flags.config !== undefined) {
    if (flags.provider !== undefined) {
      throw new ConfigError(
        '--provider',
        'cannot be combined with --config (select accounts with --account)',
      );
    }
    return loadConfig(flags.config, {
      readFile: (p) => readFile(p, 'utf8'),
      stat: (p) => stat(p),
      env: io.env,
      warn: (msg) => {
        log.warn(msg);
      },
    });
  }
  const provider = parseProvider(flags.provider);
  return configFromEnv(provider, io.env, { skipCredentials: credentialsFromEmulator });
}

/** The accounts to sync, after `--account`, `--regions`, `--exclude-regions`, `--resources`, `--concurrency`. */
export function selectAccounts(cfg: ResolvedConfig, flags: AccountFlags): SyncAccount[] {
  const names = flags.account ?? [];
  for (const n of names) {
    if (!cfg.accounts.some((a) => a.name === n)) {
      throw new ConfigError(
        '--account',
        `no account named '${n}' (accounts: ${cfg.accounts.map((a) => a.name).join(', ')})`,
      );
    }
  }
  const include = splitList(flags.regions);
  const exclude = splitList(flags.excludeRegions);
  const resources = parseResources(flags.resources);
  const concurrency = parsePositiveInt(flags.concurrency, '--concurrency', 256);
  return cfg.accounts
    .filter((a) => names.length === 0 || names.includes(a.name))
    .map((a) => ({
      ...a,
      regions: {
        include: flags.regions !== undefined ? include : a.regions.include,
        exclude: flags.excludeRegions !== undefined ? exclude : a.regions.exclude,
      },
      resources: resources ?? a.resources,
      concurrency: concurrency ?? a.concurrency,
    }));
}
