import { Command, Option } from 'commander';
import {
  renderCheckJson,
  renderCheckJunit,
  renderCheckTable,
  checkExitCode,
  renderWarnings,
} from '../check/report.js';
import { runCheck } from '../check/run.js';
import type { ExitCode } from '../errors/exit-codes.js';
import type { LogFormat, LogLevel } from '../log/logger.js';
import { atomicFileSink, stdoutSink } from '../output/write.js';
import type { Sink } from '../output/write.js';
import { createMetrics } from '../sync/metrics.js';
import type { SyncAccount } from '../sync/run.js';
import { systemClock } from '../transport/clock.js';
import { RetryBudget } from '../transport/retry.js';
import type { AccountFlags } from './accounts.js';
import { resolveConfig } from './accounts.js';
import { withEmulators } from './emulated.js';
import type { Io } from './io.js';
import { accountSourceOptions, loggerFor, logOptions } from './options.js';

interface CheckFlags extends Omit<AccountFlags, 'format' | 'output'> {
  region?: string;
  expectAccountId?: string;
  format: 'table' | 'json' | 'junit';
  output?: string;
  logFormat: LogFormat;
  logLevel: LogLevel;
}

export function checkCommand(io: Io, setExit: (c: ExitCode) => void): Command {
  const cmd = new Command('check').description(
    "prove that each account's credentials can make every call the sync makes (a CI smoke test):\n" +
      'verify the identity, then call every operation once in one region and classify it',
  );
  accountSourceOptions(cmd)
    .option('--region <id>', 'probe this region (default: the first region the filter selects)')
    .option(
      '--expect-account-id <id>',
      'fail (exit 5) unless the credentials belong to this cloud account id',
    )
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(['table', 'json', 'junit'])
        .default('table'),
    )
    .option('--output <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('--concurrency <n>', 'API requests in flight per account (default 64, or the config)')
    .option('--timeout <duration>', 'per-request timeout, e.g. 30s, 500ms (default 30s)')
    .option('--emulator', 'run against the built-in emulator (no cloud account needed)');
  logOptions(cmd).action(async (flags: CheckFlags) => {
    setExit(await runCheckCommand(flags, io));
  });
  return cmd;
}

async function runCheckCommand(flags: CheckFlags, io: Io): Promise<ExitCode> {
  const log = loggerFor(flags, io);
  const { output, format, region, expectAccountId, ...accountFlags } = flags;
  const cfg = await resolveConfig({ ...accountFlags, format: undefined }, io, log);
  let accounts: SyncAccount[] = [...cfg.accounts];
  const emulators = flags.emulator === true ? await withEmulators(accounts) : undefined;
  if (emulators) accounts = emulators.accounts;
  let results;
  try {
    results = await runCheck(
      accounts,
      {
        requestTimeoutMs: cfg.requestTimeoutMs,
        retry: cfg.retry,
        budget: new RetryBudget(cfg.retry.budget),
        clock: systemClock,
        log,
        signal: io.signal,
        metrics: createMetrics(),
      },
      { region, expectAccountId },
    );
  } finally {
    await emulators?.close();
  }
  const report =
    format === 'json'
      ? renderCheckJson(results)
      : format === 'junit'
        ? renderCheckJunit(results)
        : renderCheckTable(results);
  const sink: Sink = output === undefined ? stdoutSink(io.stdout) : await atomicFileSink(output);
  try {
    await sink.write(report);
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  io.stderr.write(renderWarnings(results));
  return checkExitCode(results, io.signal.aborted);
}
