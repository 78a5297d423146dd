import { Command, Option } from 'commander';
import { ConfigError } from '../errors/errors.js';
import type { ExitCode } from '../errors/exit-codes.js';
import { EXIT } from '../errors/exit-codes.js';
import type { LogFormat, LogLevel } from '../log/logger.js';
import { formatTable } from '../output/summary.js';
import { listAccountRegions } from '../sync/regions.js';
import { systemClock } from '../transport/clock.js';
import type { AccountFlags } from './accounts.js';
import { resolveConfig } from './accounts.js';
import { withEmulators } from './emulated.js';
import type { Io } from './io.js';
import { accountOptions, loggerFor, logOptions } from './options.js';
import type { SyncAccount } from '../sync/run.js';

interface RegionsFlags extends Omit<AccountFlags, 'format'> {
  format: 'table' | 'json';
  logFormat: LogFormat;
  logLevel: LogLevel;
}

export function regionsCommand(io: Io, setExit: (c: ExitCode) => void): Command {
  const cmd = new Command('regions').description(
    'list every region of each account with included/excluded/disabled and the rule that decided it',
  );
  accountOptions(cmd).addOption(
    new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
  );
  logOptions(cmd).action(async (flags: RegionsFlags) => {
    setExit(await runRegions(flags, io));
  });
  return cmd;
}

async function runRegions(flags: RegionsFlags, io: Io): Promise<ExitCode> {
  const log = loggerFor(flags, io);
  const cfg = await resolveConfig({ ...flags, format: undefined }, io, log);
  let accounts: SyncAccount[] = [...cfg.accounts];
  const emulators = flags.emulator === true ? await withEmulators(accounts) : undefined;
  if (emulators) accounts = emulators.accounts;
  try {
    const results = await listAccountRegions(accounts, {
      requestTimeoutMs: cfg.requestTimeoutMs,
      retry: cfg.retry,
      clock: systemClock,
      log,
      signal: io.signal,
    });
    const failed = results.filter((r) => r.error !== undefined);
    if (flags.format === 'json') {
      io.stdout.write(
        `${JSON.stringify(
          results.map((r) => ({
            account: r.account,
            provider: r.provider,
            ...(r.error ? { error: { kind: r.error.kind, message: r.error.message } } : {}),
            regions: r.decisions.map((d) => ({
              id: d.id,
              ...(d.localName !== undefined ? { local_name: d.localName } : {}),
              status: d.status,
              rule: d.rule,
            })),
          })),
          null,
          2,
        )}\n`,
      );
    } else {
      for (const r of results) {
        io.stdout.write(`${r.account} (${r.provider})\n`);
        if (r.error) {
          io.stdout.write(`  error: ${r.error.kind}: ${r.error.message}\n\n`);
          continue;
        }
        const table = formatTable(
          ['region', 'name', 'status', 'rule'],
          r.decisions.map((d) => [d.id, d.localName ?? '', d.status, d.rule]),
        );
        io.stdout.write(`${table.replace(/^/gm, '  ')}\n\n`);
      }
    }
    const unmatched = results.flatMap((r) => r.unmatchedMessage ?? []);
    if (unmatched.length > 0) throw new ConfigError('', unmatched.join('; '));
    if (failed.length === 0) return EXIT.ok;
    return failed.every((r) => r.error?.kind === 'auth_failed') ? EXIT.auth : EXIT.partial;
  } finally {
    await emulators?.close();
  }
}
