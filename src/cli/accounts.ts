import { readFile } from 'node:fs/promises';
import { configFromEnv, loadConfig, nodeFs } from '../config/load.js';
import type { ResolvedConfig } from '../config/load.js';
import type { ConfigOverrides } from '../config/overrides.js';
import { applyOverrides, splitList } from '../config/overrides.js';
import { ConfigError } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import { createTransport, setTransport } from '../transport/agents.js';
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
  caFile?: string;
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
  if (flags.config === undefined) {
    return withTransport(configFromEnv(flags.provider, io.env, overrides), flags, io);
  }
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
  return withTransport(applyOverrides(cfg, overrides, io.env), flags, io);
}

/**
 * Sets the process's transport for the run: the private CA of `--ca-file` (else `ca_file`), proxies from the
 * environment. An unreadable or non-PEM CA file is a config error (exit 2), never a silent fallback.
 */
async function withTransport(
  cfg: ResolvedConfig,
  flags: AccountFlags,
  io: Io,
): Promise<ResolvedConfig> {
  const path = flags.caFile ?? cfg.caFile;
  const where = flags.caFile !== undefined ? '--ca-file' : 'ca_file';
  let ca: string | undefined;
  if (path !== undefined) {
    try {
      ca = await readFile(path, 'utf8');
    } catch (e: unknown) {
      const code = (e as { code?: unknown }).code;
      throw new ConfigError(
        where,
        `cannot read ${path} (${typeof code === 'string' ? code : 'read error'})`,
      );
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
      throw new ConfigError(where, `${path} holds no PEM certificate`);
    }
  }
  setTransport(createTransport({ ca, env: io.env }));
  return path === undefined ? cfg : { ...cfg, caFile: path };
}
