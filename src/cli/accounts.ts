import { configFromEnv, loadConfig, nodeFs } from '../config/load.js';
import type { ResolvedConfig } from '../config/load.js';
import type { ConfigOverrides } from '../config/overrides.js';
import { applyOverrides, splitList } from '../config/overrides.js';
import { ConfigError } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import type { Io } from './io.js';

/** Flags shared by the commands that select accounts. */
export interface AccountFlags {
  config?: string;
  provider?: string;
  account?: string[];
  regions?: string;
  excludeRegions?: string;
  resources?: string;
  concurrency?: string;
  timeout?: string;
  output?: string;
  format?: string | undefined;
  emulator?: boolean;
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

/** The flags as config overrides (lists split on commas). */
function overridesOf(flags: AccountFlags): ConfigOverrides {
  return {
    accounts: flags.account,
    regions: flags.regions === undefined ? undefined : splitList(flags.regions),
    excludeRegions:
      flags.excludeRegions === undefined ? undefined : splitList(flags.excludeRegions),
    resources: flags.resources === undefined ? undefined : splitList(flags.resources),
    concurrency: flags.concurrency,
    timeout: flags.timeout,
    output: flags.output,
    format: flags.format,
    skipCredentials: flags.emulator === true,
  };
}

/**
 * The config of this run with the flags applied: from `--config`, or one account from `--provider` and its
 * environment variables (with `--emulator`, no credentials are needed: the emulator supplies its own).
 */
export async function resolveConfig(
  flags: AccountFlags,
  io: Io,
  log: Logger,
): Promise<ResolvedConfig> {
  const overrides = overridesOf(flags);
  if (flags.config === undefined) return configFromEnv(flags.provider, io.env, overrides);
  if (flags.provider !== undefined) {
    throw new ConfigError(
      '--provider',
      'cannot be combined with --config (select accounts with --account)',
    );
  }
  const cfg = await loadConfig(flags.config, {
    ...nodeFs,
    env: io.env,
    warn: (msg) => {
      log.warn(msg);
    },
  });
  return applyOverrides(cfg, overrides, io.env);
}
