import type { Command } from 'commander';
import { Option } from 'commander';
import type { LogFormat, Logger, LogLevel } from '../log/logger.js';
import { createLogger } from '../log/logger.js';
import type { Io } from './io.js';

/** `--log-format` and `--log-level`, shared by every command that logs. */
export function logOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--log-format <format>', 'stderr log lines as text or JSON (for log shippers)')
        .choices(['text', 'json'])
        .default('text'),
    )
    .addOption(
      new Option('--log-level <level>', 'least severe log level written to stderr')
        .choices(['debug', 'info', 'warn', 'error'])
        .default('warn'),
    );
}

/** The stderr logger of a command with `logOptions`. */
export function loggerFor(flags: { logLevel: LogLevel; logFormat: LogFormat }, io: Io): Logger {
  return createLogger({
    level: flags.logLevel,
    format: flags.logFormat,
    write: (line) => io.stderr.write(`${line}\n`),
  });
}

/** Where accounts come from: `--config`, or `--provider` and its environment; `--account` selects. */
export function accountSourceOptions(cmd: Command): Command {
  return cmd
    .option(
      '--config <file>',
      'config file (YAML or JSON) listing accounts; see `deepflow-cloud schema config`',
    )
    .option(
      '--provider <name>',
      'without --config: one account of this provider from its environment variables',
    )
    .option(
      '--ca-file <file>',
      'PEM file of private CAs trusted (besides the system roots) for every cloud API and the push; ' +
        'TLS is always verified. Proxies come from HTTPS_PROXY, HTTP_PROXY and NO_PROXY',
    )
    .option(
      '--account <name>',
      'only this account of the config (repeatable)',
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
    );
}

/** Account source, region overrides and `--emulator` (sync and regions). */
export function accountOptions(cmd: Command): Command {
  return accountSourceOptions(cmd)
    .option(
      '--regions <list>',
      'comma-separated regions to sync: ids, localized names or globs (overrides the config)',
    )
    .option('--exclude-regions <list>', 'comma-separated regions to skip (ids, names or globs)')
    .option('--emulator', 'run against the built-in emulator (no cloud account needed)');
}
