import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { Command, Option } from 'commander';
import { PUSH_TOKEN_ENV } from '../config/defaults.js';
import { parseDuration } from '../config/duration.js';
import { applyOverrides } from '../config/overrides.js';
import { diffRecords, renderDiffTable } from '../diff/diff.js';
import { ConfigError } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import { redact } from '../log/logger.js';
import { renderMetrics } from '../metrics/prometheus.js';
import type { PushOutcome, PushTarget } from '../push/push.js';
import { pushInventory } from '../push/push.js';
import type { UncoveredSlice } from '../state/carry.js';
import { carryForward } from '../state/carry.js';
import { partialGate } from '../push/gate.js';
import { writeDocument, writeTextAtomic } from '../output/emit.js';
import { openJsonSpill } from '../output/spill.js';
import { openNdjsonStream } from '../output/stream.js';
import { atomicFileSink, stdoutSink } from '../output/write.js';
import type { Sink } from '../output/write.js';
import { nextStates, previousLists, saveStates, StateStore } from '../state/cycle.js';
import type { HeldLock } from '../state/lock.js';
import { acquireLock, LockHeldError } from '../state/lock.js';
import type { SyncResult } from '../sync/run.js';
import type { ResolvedConfig } from '../config/load.js';
import type { ExitCode } from '../errors/exit-codes.js';
import { EXIT } from '../errors/exit-codes.js';
import type { LogFormat, LogLevel } from '../log/logger.js';
import type { Inventory } from '../model/index.js';
import { SCHEMA_VERSION } from '../model/index.js';
import { buildInventory } from '../output/document.js';
import { createProgress } from '../output/progress.js';
import { renderSummary } from '../output/summary.js';
import type { OutputFormat } from '../output/write.js';
import { createMetrics } from '../sync/metrics.js';
import { runSync } from '../sync/run.js';
import { systemClock } from '../transport/clock.js';
import { createRawDump } from '../transport/dump.js';
import type { AccountFlags } from './accounts.js';
import { resolveConfig } from './accounts.js';
import { withEmulators } from './emulated.js';
import { syncExitCode } from './exit.js';
import type { Io } from './io.js';
import { accountOptions, loggerFor, logOptions } from './options.js';
import { toolVersion } from './version.js';
import type { SyncAccount } from '../sync/run.js';

interface SyncFlags extends AccountFlags {
  quiet?: boolean;
  push?: string;
  pushCaFile?: string;
  heartbeat?: string;
  domainUuid?: string;
  stateDir?: string;
  waitLock?: string | boolean;
  allowPartial?: boolean;
  metricsFile?: string;
  dumpRaw?: string;
  logFormat: LogFormat;
  logLevel: LogLevel;
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
      new Option(
        '--format <format>',
        "output format (default: json, or the config); deepflow: the document of DeepFlow's " +
          'domain-additional-resources API, for `deepflow-ctl domain additional-resource apply -f`',
      ).choices(['json', 'ndjson', 'deepflow']),
    )
    .option('--concurrency <n>', 'API requests in flight per account (default 64, or the config)')
    .option('--timeout <duration>', 'per-request timeout, e.g. 30s, 500ms (default 30s)')
    .option(
      '--push <url>',
      'push the inventory to URL (kind from the config, else http: gzip POST with the bearer token ' +
        `from ${PUSH_TOKEN_ENV})`,
    )
    .option(
      '--push-ca-file <file>',
      'PEM file of a private CA trusted for the push (TLS is always verified)',
    )
    .option(
      '--heartbeat <duration>',
      're-send an unchanged inventory when the last accepted push is older than DURATION, e.g. 1h ' +
        '(default: never; unchanged inventories are not sent)',
    )
    .option(
      '--domain-uuid <uuid>',
      'DeepFlow domain of the resources, for --format deepflow and push.kind deepflow (overrides push.domain_uuid)',
    )
    .option(
      '--state-dir <dir>',
      'keep the last good inventory per account here, carry failed slices forward from it (marked stale), ' +
        'skip unchanged pushes, and hold a lock so that runs never overlap',
    )
    .option(
      '--wait-lock [duration]',
      `with --state-dir: wait up to DURATION (default ${DEFAULT_WAIT_LOCK}) for a running sync to finish ` +
        `instead of exiting ${EXIT.locked} at once`,
    )
    .option(
      '--allow-partial',
      'push even when some tasks failed and there is no state to carry their slices forward from ' +
        '(the server will delete what this run did not see)',
    )
    .option(
      '--metrics-file <file>',
      "write Prometheus metrics of the run to FILE atomically (for node_exporter's textfile collector)",
    )
    .option(
      '--dump-raw <dir>',
      'write every API response, as the SDK parsed it and with secrets masked, to ' +
        'DIR/<provider>/<region>/<Action>.<service>-<n>.json (for fixtures and debugging)',
    )
    .option('--quiet', 'no progress display and no summary on stderr');
  logOptions(cmd).action(async (flags: SyncFlags) => {
    setExit(await runSyncCommand(flags, io));
  });
  return cmd;
}

/** How long `--wait-lock` without a value waits. */
const DEFAULT_WAIT_LOCK = '15m';

/** Everything the end of a run needs besides the sync itself. */
interface RunPlan {
  readonly cfg: ResolvedConfig;
  readonly format: OutputFormat | 'deepflow';
  readonly domainUuid: string | undefined;
  readonly push: PushTarget | undefined;
  readonly heartbeatMs: number | undefined;
  readonly waitLockMs: number;
}

async function planRun(flags: SyncFlags, io: Io, log: Logger): Promise<RunPlan> {
  const deepflowFormat = flags.format === 'deepflow';
  const base = await resolveConfig(
    { ...flags, format: deepflowFormat ? undefined : flags.format },
    io,
    log,
  );
  const cfg = applyOverrides(base, { push: flags.push, stateDir: flags.stateDir }, io.env);
  const domainUuid = flags.domainUuid ?? cfg.push?.domainUuid;
  if (deepflowFormat && domainUuid === undefined) {
    throw new ConfigError(
      '--format',
      'deepflow needs --domain-uuid (or push.domain_uuid in the config)',
    );
  }
  if (cfg.push?.kind === 'deepflow' && (flags.account?.length ?? 0) > 0) {
    throw new ConfigError(
      '--account',
      "cannot be combined with push.kind deepflow: DeepFlow's PUT replaces the whole org, so every configured account is pushed",
    );
  }
  if (cfg.push?.kind === 'deepflow' && domainUuid === undefined) {
    throw new ConfigError(
      'push.domain_uuid',
      'is required for push.kind deepflow (or --domain-uuid)',
    );
  }
  let ca: string | undefined;
  // The push trusts --push-ca-file, else the run's --ca-file / ca_file.
  const pushCa = flags.pushCaFile ?? cfg.caFile;
  if (pushCa !== undefined) {
    try {
      ca = await readFile(pushCa, 'utf8');
    } catch {
      throw new ConfigError(
        flags.pushCaFile !== undefined ? '--push-ca-file' : 'ca_file',
        `cannot read ${pushCa}`,
      );
    }
  }
  if (flags.waitLock !== undefined && cfg.stateDir === undefined) {
    throw new ConfigError('--wait-lock', 'needs --state-dir (or state_dir in the config)');
  }
  const wait = flags.waitLock === true ? DEFAULT_WAIT_LOCK : flags.waitLock;
  return {
    cfg,
    format: deepflowFormat ? 'deepflow' : cfg.output.format,
    domainUuid,
    push:
      cfg.push === undefined
        ? undefined
        : {
            url: cfg.push.url,
            kind: cfg.push.kind,
            orgId: cfg.push.orgId,
            domainUuid,
            token: cfg.push.token,
            ca,
          },
    heartbeatMs:
      flags.heartbeat === undefined ? undefined : parseDuration(flags.heartbeat, '--heartbeat'),
    waitLockMs: wait === undefined || wait === false ? 0 : parseDuration(wait, '--wait-lock'),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}

async function runSyncCommand(flags: SyncFlags, io: Io): Promise<ExitCode> {
  const started = systemClock.now();
  const log = loggerFor(flags, io);
  const plan = await planRun(flags, io, log);
  const store = plan.cfg.stateDir === undefined ? undefined : new StateStore(plan.cfg.stateDir);
  let lock: HeldLock | undefined;
  if (store !== undefined) {
    await store.init();
    try {
      lock = await acquireLock(store.dir, {
        pid: process.pid,
        hostname: hostname(),
        clock: systemClock,
        log,
        isAlive,
        waitMs: plan.waitLockMs,
        signal: io.signal,
      });
    } catch (e) {
      if (!(e instanceof LockHeldError)) throw e;
      io.stderr.write(
        `deepflow-cloud: ${e.message}; not syncing (exit ${EXIT.locked}; --wait-lock waits for it)\n`,
      );
      return EXIT.locked;
    }
  }
  try {
    return await syncWithPlan(plan, store, flags, io, log, started);
  } finally {
    await lock?.release();
  }
}

async function syncWithPlan(
  plan: RunPlan,
  store: StateStore | undefined,
  flags: SyncFlags,
  io: Io,
  log: Logger,
  started: number,
): Promise<ExitCode> {
  const { cfg } = plan;
  let accounts: SyncAccount[] = [...cfg.accounts];
  const emulators = flags.emulator === true ? await withEmulators(accounts) : undefined;
  if (emulators) accounts = emulators.accounts;
  const previous = store ? await store.loadAccounts(accounts.map((a) => a.name)) : new Map();
  const metrics = createMetrics();
  const showProgress = io.stderrIsTTY && flags.quiet !== true && flags.logFormat === 'text';
  const progress = createProgress({
    tty: showProgress,
    accounts: accounts.length,
    log,
    write: (s) => io.stderr.write(s),
    calls: () => metrics.totalCalls(),
  });
  const dump = flags.dumpRaw === undefined ? undefined : createRawDump(flags.dumpRaw, redact);
  // With nothing that needs the records as objects at the end (no state, no push), the sync keeps none:
  // ndjson streams them as tasks finish, json spills them to a temp file and writes the document from it.
  const unheld = store === undefined && plan.push === undefined;
  const stream = !unheld
    ? undefined
    : plan.format === 'ndjson'
      ? await openNdjsonStream(await sinkFor(cfg.output.file, io.stdout), {
          schema_version: SCHEMA_VERSION,
          tool: { name: 'deepflow-cloud', version: toolVersion() },
          generated_at: new Date(started).toISOString(),
        })
      : plan.format === 'json'
        ? openJsonSpill(await sinkFor(cfg.output.file, io.stdout))
        : undefined;
  let result: SyncResult;
  try {
    result = await runSync({
      dump,
      accounts,
      requestTimeoutMs: cfg.requestTimeoutMs,
      retry: cfg.retry,
      clock: systemClock,
      log,
      signal: io.signal,
      metrics,
      observer:
        stream === undefined
          ? progress
          : { ...progress, records: stream.records, stage: stream.stage },
      keepRecords: stream === undefined,
    });
  } catch (e) {
    await stream?.abort();
    throw e;
  } finally {
    progress.stop();
    await emulators?.close();
    const dumped = await dump?.flush().catch((e: unknown) => {
      log.error('--dump-raw: could not write every response', {
        error: e instanceof Error ? e.message : String(e),
      });
      return undefined;
    });
    if (dumped !== undefined)
      log.info('raw responses dumped', { dir: flags.dumpRaw, files: dumped });
  }
  let code = syncExitCode(result, io.signal.aborted);
  if (code === EXIT.interrupted) {
    await stream?.abort();
    log.error('interrupted: no output written');
    return code;
  }
  const generatedAt = new Date(systemClock.now()).toISOString();
  const carry = store ? carryForward(result, previous, generatedAt) : undefined;
  if (carry) result = carry.result;
  if (carry && carry.carried > 0) {
    log.warn('failed slices carried forward from the last good sync (marked stale)', {
      records: carry.carried,
    });
  }
  let inventory = buildInventory(result, { toolVersion: toolVersion(), generatedAt });
  if (stream === undefined) {
    await writeDocument(inventory, plan.format, plan.domainUuid, cfg.output.file, io.stdout);
  } else {
    await stream.finish(inventory);
    // The records are written and gone: the summary and metrics count them from the stream's tally.
    inventory = { ...inventory, ...stream.tally() };
  }

  const notes: string[] = [];
  if (store) {
    const diff = diffRecords(previousLists(previous), inventory);
    notes.push(`changes since the last sync:\n${renderDiffTable(diff)}`);
    log.info('changes since the last sync', {
      added: diff.reduce((n, d) => n + d.added.length, 0),
      removed: diff.reduce((n, d) => n + d.removed.length, 0),
      changed: diff.reduce((n, d) => n + d.changed.length, 0),
    });
  }
  let pushed: PushOutcome | undefined;
  if (plan.push) {
    pushed = await pushStep(
      plan,
      plan.push,
      store,
      result,
      carry?.uncovered,
      inventory,
      flags,
      io,
      log,
    );
    notes.push(`push: ${pushed.result}: ${pushed.message}`);
    if (io.signal.aborted) return EXIT.interrupted;
    if (pushed.result !== 'accepted' && pushed.result !== 'unchanged') code = EXIT.pushFailed;
  }
  const pushOk =
    pushed === undefined || pushed.result === 'accepted' || pushed.result === 'unchanged';
  const states = nextStates(result, previous, inventory);
  if (store && pushOk) {
    await saveStates(store, states);
    if (pushed?.result === 'accepted' && plan.push && pushed.version !== undefined) {
      await store.saveLastPush({
        url: plan.push.url,
        kind: plan.push.kind,
        version: pushed.version,
        accepted_at: generatedAt,
      });
    }
  } else if (store) {
    log.warn('state not advanced: the push did not succeed', { state_dir: store.dir });
  }
  const finished = systemClock.now();
  if (flags.metricsFile !== undefined) {
    const lastSuccess = new Map<string, number>();
    for (const s of states) {
      if (s.last_success_at !== undefined)
        lastSuccess.set(s.account, Date.parse(s.last_success_at) / 1000);
    }
    await writeTextAtomic(
      flags.metricsFile,
      renderMetrics({
        durationSeconds: (finished - started) / 1000,
        finishedAt: finished,
        exitCode: code,
        inventory,
        outcomes: result.accounts.flatMap((a) => a.outcomes),
        calls: metrics.calls,
        retries: metrics.retries,
        lastSuccess,
        push: pushed && { result: pushed.result, attempts: pushed.attempts },
      }),
    );
  }
  if (flags.quiet !== true) {
    io.stderr.write(
      renderSummary(inventory, {
        calls: metrics.totalCalls(),
        retries: metrics.totalRetries(),
        seconds: (finished - started) / 1000,
      }),
    );
    for (const n of notes) io.stderr.write(redact(`${n.trimEnd()}\n`));
  }
  return code;
}

/** stdout, or the `--output` file written atomically (a temp file renamed at the end). */
async function sinkFor(path: string | undefined, stdout: Io['stdout']): Promise<Sink> {
  return path === undefined ? stdoutSink(stdout) : await atomicFileSink(path);
}

/** Pushes unless the run is partial with nothing to carry its holes from (then only with --allow-partial). */
async function pushStep(
  plan: RunPlan,
  target: PushTarget,
  store: StateStore | undefined,
  result: SyncResult,
  uncovered: readonly UncoveredSlice[] | undefined,
  inventory: Inventory,
  flags: SyncFlags,
  io: Io,
  log: Logger,
): Promise<PushOutcome> {
  const refused = partialGate(result, uncovered, store !== undefined, flags.allowPartial === true);
  if (refused !== undefined) {
    log.error(refused.message);
    return refused;
  }
  const outcome = await pushInventory(inventory, target, {
    previous: store ? await store.loadLastPush() : undefined,
    heartbeatMs: plan.heartbeatMs,
    retry: plan.cfg.retry,
    clock: systemClock,
    signal: io.signal,
    log,
    timeoutMs: plan.cfg.requestTimeoutMs,
  });
  if (outcome.result === 'failed' || outcome.result === 'invalid') log.error(outcome.message);
  else log.info(outcome.message);
  return outcome;
}
