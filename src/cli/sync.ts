import { Command, Option } from 'commander';
import type { ResolvedConfig } from '../config/load.js';
import type { ExitCode } from '../errors/exit-codes.js';
import { EXIT } from '../errors/exit-codes.js';
import type { LogFormat, LogLevel } from '../log/logger.js';
import { createLogger } from '../log/logger.js';
import type { Inventory } from '../model/index.js';
import { buildInventory } from '../output/document.js';
import { createProgress } from '../output/progress.js';
import { renderSummary } from '../output/summary.js';
import type { OutputFormat, Sink } from '../output/write.js';
import {
  atomicFileSink,
  ndjsonHeader,
  ndjsonTrailer,
  renderJson,
  renderNdjsonRecords,
  stdoutSink,
} from '../output/write.js';
import { createMetrics } from '../sync/metrics.js';
import { runSync } from '../sync/run.js';
import { systemClock } from '../transport/clock.js';
import type { AccountFlags } from './accounts.js';
import { resolveConfig } from './accounts.js';
import { withEmulators } from './emulated.js';
import { syncExitCode } from './exit.js';
import type { Io } from './io.js';
import { toolVersion } from './version.js';
import type { SyncAccount } from '../sync/run.js';

interface SyncFlags extends AccountFlags {
  quiet?: boolean;
  logFormat: LogFormat;
  logLevel: LogLevel;
}

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

export function accountOptions(cmd: Command): Command {
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
      '--account <name>',
      'only this account of the config (repeatable)',
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
    )
    .option(
      '--regions <list>',
      'comma-separated regions to sync: ids, localized names or globs (overrides the config)',
    )
    .option('--exclude-regions <list>', 'comma-separated regions to skip (ids, names or globs)')
    .option('--emulator', 'run against the built-in emulator (no cloud account needed)');
}

export function syncCommand(io: Io, setExit: (c: ExitCode) => void): Command {
  const cmd = new Command('sync').description(
    'learn the inventory of every configured account and print it as one JSON document',
  );
  accountOptions(cmd)
    .option(
      '--resources <list>',
      'comma-separated kinds to sync (default: all), e.g. vm,vpc,subnet',
    )
    .option(
      '--output <file>',
      'write the inventory to FILE atomically, or - for stdout (default: stdout, or the config)',
    )
    .addOption(
      new Option('--format <format>', 'output format (default: json, or the config)').choices([
        'json',
        'ndjson',
      ]),
    )
    .option('--concurrency <n>', 'API requests in flight per account (default 8, or the config)')
    .option('--timeout <duration>', 'per-request timeout, e.g. 30s, 500ms (default 30s)')
    .option('--quiet', 'no progress display and no summary on stderr');
  logOptions(cmd).action(async (flags: SyncFlags) => {
    setExit(await runSyncCommand(flags, io));
  });
  return cmd;
}

async function runSyncCommand(flags: SyncFlags, io: Io): Promise<ExitCode> {
  const started = systemClock.now();
  const log = createLogger({
    level: flags.logLevel,
    format: flags.logFormat,
    write: (line) => io.stderr.write(`${line}\n`),
  });
  const cfg: ResolvedConfig = await resolveConfig(flags, io, log);
  let accounts: SyncAccount[] = [...cfg.accounts];
  const requestTimeoutMs = cfg.requestTimeoutMs;
  const emulators = flags.emulator === true ? await withEmulators(accounts) : undefined;
  if (emulators) accounts = emulators.accounts;

  const format: OutputFormat = cfg.output.format;
  const outputPath = cfg.output.file;
  const metrics = createMetrics();
  const showProgress = io.stderrIsTTY && flags.quiet !== true && flags.logFormat === 'text';
  const progress = createProgress({
    tty: showProgress,
    accounts: accounts.length,
    log,
    write: (s) => io.stderr.write(s),
    calls: () => metrics.totalCalls(),
  });
  let inventory: Inventory;
  let code: ExitCode;
  try {
    const result = await runSync({
      accounts,
      requestTimeoutMs,
      retry: cfg.retry,
      clock: systemClock,
      log,
      signal: io.signal,
      metrics,
      observer: progress,
    });
    progress.stop();
    inventory = buildInventory(result, {
      toolVersion: toolVersion(),
      generatedAt: new Date(systemClock.now()).toISOString(),
    });
    code = syncExitCode(result, io.signal.aborted);
  } finally {
    progress.stop();
    await emulators?.close();
  }
  if (code === EXIT.interrupted) {
    log.error('interrupted: no output written');
    return code;
  }
  const sink: Sink =
    outputPath === undefined ? stdoutSink(io.stdout) : await atomicFileSink(outputPath);
  try {
    if (format === 'json') await sink.write(renderJson(inventory));
    else {
      await sink.write(ndjsonHeader(inventory));
      await sink.write(renderNdjsonRecords(inventory));
      await sink.write(ndjsonTrailer(inventory));
    }
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  if (flags.quiet !== true) {
    io.stderr.write(
      renderSummary(inventory, {
        calls: metrics.totalCalls(),
        retries: metrics.totalRetries(),
        seconds: (systemClock.now() - started) / 1000,
      }),
    );
  }
  return code;
}
