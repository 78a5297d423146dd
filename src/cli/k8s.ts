import { setMaxListeners } from 'node:events';
import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { parseDuration } from '../config/duration.js';
import { parseConfigText } from '../config/parse-text.js';
import type { RunningK8sEmulator } from '../emulator/kubernetes/server.js';
import { startK8sEmulator } from '../emulator/kubernetes/server.js';
import type { RunningSyncServer } from '../emulator/kubernetes/sync-server.js';
import { startSyncServer } from '../emulator/kubernetes/sync-server.js';
import { ConfigError, DeepflowCloudError } from '../errors/errors.js';
import type { ExitCode } from '../errors/exit-codes.js';
import { EXIT } from '../errors/exit-codes.js';
import type { ApiServerClient } from '../kubernetes/apiserver.js';
import { createApiServerClient, loadKubeConfig } from '../kubernetes/apiserver.js';
import type { OpenCluster } from '../kubernetes/cluster.js';
import { listAll, openCluster } from '../kubernetes/cluster.js';
import { discoverResources } from '../kubernetes/discovery.js';
import type { SyncSender } from '../kubernetes/grpc-client.js';
import { grpcSender } from '../kubernetes/grpc-client.js';
import type { Plugin } from '../kubernetes/lua/runner.js';
import { LuaRunner } from '../kubernetes/lua/runner.js';
import type { ApiResource } from '../kubernetes/resources.js';
import { apiResourcesOf, selectResources } from '../kubernetes/resources.js';
import type { ReportResult } from '../kubernetes/reporter.js';
import { Reporter, requestToJson } from '../kubernetes/reporter.js';
import { ResourceWatcher } from '../kubernetes/watcher.js';
import type { PodMeta, WorkloadDecision } from '../kubernetes/workloads.js';
import { decideWorkload } from '../kubernetes/workloads.js';
import type { LogFormat, Logger, LogLevel } from '../log/logger.js';
import { atomicFileSink } from '../output/write.js';
import { systemClock } from '../transport/clock.js';
import type { Io } from './io.js';
import { parsePositiveInt } from './accounts.js';
import { loggerFor, logOptions } from './options.js';

/** DeepFlow's controller gRPC port. */
const DEFAULT_SERVER_PORT = 20035;

interface ClusterFlags {
  kubeconfig?: string;
  emulator?: boolean;
  /** sync and watch only. */
  apiResources?: string;
  pageSize?: string;
  timeout: string;
  logFormat: LogFormat;
  logLevel: LogLevel;
}

interface ReportFlags extends ClusterFlags {
  clusterId: string;
  server?: string;
  output?: string;
  sourceIp?: string;
  agentId?: string;
  teamId?: string;
}

interface WatchFlags extends ReportFlags {
  interval: string;
  relistInterval: string;
  reports?: string;
}

interface WorkloadsFlags extends ClusterFlags {
  plugin: string[];
  namespace?: string;
  callTimeout: string;
  format: 'table' | 'json';
}

function clusterOptions(cmd: Command): Command {
  return cmd
    .option(
      '--kubeconfig <file>',
      'kubeconfig file (default: $KUBECONFIG, ~/.kube/config, then the in-cluster service account)',
    )
    .option('--emulator', 'run against the built-in Kubernetes emulator (no cluster needed)')
    .option('--page-size <n>', 'items per LIST page (limit/continue paging; default 1000)')
    .option('--timeout <duration>', 'timeout of each apiserver request and gRPC call', '30s');
}

function reportOptions(cmd: Command): Command {
  return clusterOptions(cmd)
    .option(
      '--api-resources <file>',
      "YAML/JSON file with the agent's api_resources list ({name, group, version, disabled, field_selector})",
    )
    .requiredOption('--cluster-id <id>', "the cluster's kubernetes-cluster-id in DeepFlow")
    .option(
      '--server <host:port>',
      `deepflow-server gRPC address (port ${DEFAULT_SERVER_PORT}, NodePort 30035); with --emulator, default: a built-in test server`,
    )
    .option(
      '--output <file>',
      'write the KubernetesAPISync payload as JSON to FILE (the last full payload) or - (one line per report) instead of sending it',
    )
    .option(
      '--source-ip <ip>',
      "source_ip of the requests (default: $POD_IP or this host's first IPv4)",
    )
    .option(
      '--agent-id <n>',
      'agent_id of the requests; ≠ 0 makes the server track our version (default 0)',
    )
    .option(
      '--team-id <id>',
      "team_id of the requests (the team's short lcuuid; default: the default team)",
    );
}

function subcommand(io: Io, cmd: Command): Command {
  return cmd
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
}

export function k8sCommand(io: Io, setExit: (c: ExitCode) => void): Command {
  const k8s = new Command('k8s').description(
    'list-watch a Kubernetes cluster and report it to deepflow-server over gRPC (KubernetesAPISync), or test Lua workload plugins',
  );
  const sync = reportOptions(
    new Command('sync').description(
      'list every resource once and report the cluster once (a full set of entries)',
    ),
  );
  logOptions(sync).action(async (flags: ReportFlags) => {
    setExit(await runK8sSync(flags, io));
  });
  const watch = reportOptions(
    new Command('watch').description(
      'list, then watch, and report every --interval: new version and every entry on change, heartbeat otherwise',
    ),
  )
    .option('--interval <duration>', 'report interval (the agent push_interval)', '10s')
    .option('--relist-interval <duration>', 'full re-list of every resource this often', '10m')
    .option('--reports <n>', 'stop after this many reports (default: run until interrupted)');
  logOptions(watch).action(async (flags: WatchFlags) => {
    setExit(await runK8sWatch(flags, io));
  });
  const workloads = clusterOptions(
    new Command('workloads').description(
      "run DeepFlow Lua workload plugins (GetWorkloadTypeAndName) against the cluster's pods, as deepflow-server would",
    ),
  )
    .requiredOption(
      '--plugin <file.lua>',
      'a Lua plugin; repeat for several (tried in order)',
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
    )
    .option('--namespace <ns>', 'only the pods of this namespace')
    .option(
      '--call-timeout <duration>',
      'time limit of one plugin call (and of loading a plugin)',
      '2s',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
    );
  logOptions(workloads).action(async (flags: WorkloadsFlags) => {
    setExit(await runK8sWorkloads(flags, io));
  });
  for (const c of [sync, watch, workloads]) k8s.addCommand(subcommand(io, c));
  return k8s;
}

async function readApiResources(path: string | undefined): Promise<ApiResource[]> {
  if (path === undefined) return [];
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ConfigError(
      '--api-resources',
      `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  try {
    return apiResourcesOf(parseConfigText(text, path));
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(`--api-resources ${path}`, errorText(e));
  }
}

interface ClusterContext {
  client: ApiServerClient;
  emulator?: RunningK8sEmulator;
  timeoutMs: number;
  pageSize: number;
  apiResources: ApiResource[];
  close(): Promise<void>;
}

async function connect(flags: ClusterFlags): Promise<ClusterContext> {
  const timeoutMs = parseDuration(flags.timeout, '--timeout');
  const pageSize = parsePositiveInt(flags.pageSize, '--page-size', 100_000) ?? 1000;
  const apiResources = await readApiResources(flags.apiResources);
  if (flags.emulator === true && flags.kubeconfig !== undefined) {
    throw new ConfigError('--emulator', 'cannot be combined with --kubeconfig');
  }
  const emulator = flags.emulator === true ? await startK8sEmulator() : undefined;
  try {
    const kc = loadKubeConfig(
      emulator
        ? { direct: { server: emulator.url, token: emulator.token } }
        : flags.kubeconfig === undefined
          ? {}
          : { kubeconfig: flags.kubeconfig },
    );
    const client = createApiServerClient(kc, { timeoutMs });
    return {
      client,
      ...(emulator ? { emulator } : {}),
      timeoutMs,
      pageSize,
      apiResources,
      close: async () => {
        await emulator?.close();
      },
    };
  } catch (e) {
    await emulator?.close();
    throw e;
  }
}

function defaultSourceIp(io: Io): string | undefined {
  const pod = io.env['POD_IP'];
  if (pod !== undefined && pod !== '') return pod;
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

interface Target {
  sender: SyncSender;
  describe: string;
  testServer?: RunningSyncServer;
  close(): Promise<void>;
}

/** Where reports go: --output, --server, or (with --emulator) the built-in test server. */
async function openTarget(flags: ReportFlags, io: Io, timeoutMs: number): Promise<Target> {
  if (flags.output !== undefined && flags.server !== undefined) {
    throw new ConfigError(
      '--output',
      'cannot be combined with --server (--output writes instead of sending)',
    );
  }
  if (flags.output !== undefined) {
    const path = flags.output;
    return {
      describe: path === '-' ? 'stdout' : path,
      sender: {
        send: async (req) => {
          const json = requestToJson(req);
          if (path === '-') io.stdout.write(`${JSON.stringify(json)}\n`);
          else if ((req.entries ?? []).length > 0) {
            const sink = await atomicFileSink(path);
            try {
              await sink.write(`${JSON.stringify(json, null, 2)}\n`);
              await sink.commit();
            } catch (e) {
              await sink.abort();
              throw e;
            }
          }
          return {};
        },
        close: () => undefined,
      },
      close: () => Promise.resolve(),
    };
  }
  let address = flags.server;
  let testServer: RunningSyncServer | undefined;
  if (address === undefined) {
    if (flags.emulator !== true) {
      throw new ConfigError(
        '--server',
        'required (or --output, or --emulator for the built-in test server)',
      );
    }
    testServer = await startSyncServer();
    address = testServer.address;
  }
  if (!/^[^\s/]+:\d{1,5}$/.test(address)) {
    throw new ConfigError(
      '--server',
      `expected HOST:PORT (e.g. deepflow-server:${DEFAULT_SERVER_PORT}), got '${address}'`,
    );
  }
  const sender = grpcSender(address, { timeoutMs, clock: systemClock });
  return {
    sender,
    describe: testServer ? `${address} (built-in test server)` : address,
    ...(testServer ? { testServer } : {}),
    close: async () => {
      sender.close();
      await testServer?.close();
    },
  };
}

function reporterFor(flags: ReportFlags, io: Io): Reporter {
  if (flags.clusterId.trim() === '') throw new ConfigError('--cluster-id', 'must not be empty');
  const agentId =
    flags.agentId === undefined || flags.agentId === '0'
      ? 0
      : (parsePositiveInt(flags.agentId, '--agent-id', 2 ** 32 - 1) ?? 0);
  const sourceIp = flags.sourceIp ?? defaultSourceIp(io);
  return new Reporter({
    clusterId: flags.clusterId,
    clock: systemClock,
    agentId,
    ...(sourceIp === undefined ? {} : { sourceIp }),
    ...(flags.teamId === undefined ? {} : { teamId: flags.teamId }),
  });
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Auth and config errors stop the command (exit 3 / 2); other set-up errors are reported and retried. */
function isFatal(e: unknown): boolean {
  return (
    e instanceof DeepflowCloudError && (e.kind === 'auth_failed' || e.kind === 'config_invalid')
  );
}

function describeReport(r: ReportResult, target: string): string {
  if (r.kind === 'error')
    return `reported an error to ${target} (no entries: ${r.notReady.join(', ')} not listed)`;
  if (r.kind === 'heartbeat') return `heartbeat version ${r.version} to ${target}`;
  return `sent version ${r.version} with ${r.entries} entries to ${target}${r.resent ? ' (server asked for a resend)' : ''}`;
}

function summariseTestServer(server: RunningSyncServer | undefined, clusterId: string): string {
  const stored = server?.clusters.get(clusterId);
  if (!stored) return '';
  const types = [...stored.entries].map(([t, l]) => `${t}=${l.length}`).join(' ');
  return `built-in test server holds version ${stored.version}: ${types}\n`;
}

async function runK8sSync(flags: ReportFlags, io: Io): Promise<ExitCode> {
  const log = loggerFor(flags, io);
  const reporter = reporterFor(flags, io);
  const ctx = await connect(flags);
  try {
    const target = await openTarget(flags, io, ctx.timeoutMs);
    try {
      let cluster: OpenCluster;
      try {
        cluster = await openCluster(ctx.client, clusterOpts(ctx, log, 600_000), io.signal);
      } catch (e) {
        if (isFatal(e) || io.signal.aborted) throw e;
        log.error('cannot read the cluster', { error: errorText(e) });
        await sendErrorOnly(target, flags, reporter, errorText(e), log);
        return EXIT.partial;
      }
      for (const w of cluster.warnings) log.warn(w);
      const failures = await listAll(cluster.watchers, io.signal);
      if (io.signal.aborted) return EXIT.interrupted;
      const auth = failures.find(
        (f) => f.error instanceof DeepflowCloudError && f.error.kind === 'auth_failed',
      );
      if (auth) throw auth.error;
      for (const f of failures)
        log.error('list failed', { resource: f.resource, error: errorText(f.error) });
      let result: ReportResult;
      try {
        result = await reporter.report(target.sender, cluster.watchers, cluster.versionInfo);
      } catch (e) {
        log.error('report failed', { error: errorText(e) });
        return EXIT.pushFailed;
      }
      io.stderr.write(`${describeReport(result, target.describe)}\n`);
      io.stderr.write(summariseTestServer(target.testServer, flags.clusterId));
      return failures.length > 0 ? EXIT.partial : EXIT.ok;
    } finally {
      await target.close();
    }
  } finally {
    await ctx.close();
  }
}

function clusterOpts(ctx: ClusterContext, log: Logger, relistIntervalMs: number) {
  return {
    apiResources: ctx.apiResources,
    pageSize: ctx.pageSize,
    relistIntervalMs,
    backoffMs: 200,
    maxBackoffMs: 30_000,
    clock: systemClock,
    log,
  };
}

async function sendErrorOnly(
  target: Target,
  flags: ReportFlags,
  reporter: Reporter,
  message: string,
  log: Logger,
): Promise<void> {
  try {
    await target.sender.send({
      cluster_id: flags.clusterId,
      version: reporter.version,
      error_msg: message,
    });
  } catch (e) {
    log.error('report failed', { error: errorText(e) });
  }
}

async function runK8sWatch(flags: WatchFlags, io: Io): Promise<ExitCode> {
  const log = loggerFor(flags, io);
  const intervalMs = parseDuration(flags.interval, '--interval');
  const relistMs = parseDuration(flags.relistInterval, '--relist-interval');
  if (intervalMs < 1) throw new ConfigError('--interval', 'must be at least 1ms');
  if (relistMs < 1) throw new ConfigError('--relist-interval', 'must be at least 1ms');
  const maxReports = parsePositiveInt(flags.reports, '--reports', 1_000_000);
  const reporter = reporterFor(flags, io);
  const ctx = await connect(flags);
  const stop = new AbortController();
  const signal = AbortSignal.any([io.signal, stop.signal]);
  // Every watcher listens on this signal (its loop, its watch request, its sleeps).
  setMaxListeners(0, signal);
  const sleep = async (ms: number): Promise<boolean> => {
    try {
      await systemClock.sleep(ms, signal);
      return true;
    } catch {
      return false;
    }
  };
  try {
    const target = await openTarget(flags, io, ctx.timeoutMs);
    try {
      // Set-up (discovery) is retried every interval, reporting the error meanwhile, as the agent does.
      let cluster: OpenCluster | undefined;
      while (cluster === undefined) {
        try {
          cluster = await openCluster(ctx.client, clusterOpts(ctx, log, relistMs), signal);
        } catch (e) {
          if (isFatal(e)) throw e;
          if (signal.aborted) return EXIT.interrupted;
          log.error('cannot read the cluster; retrying', { error: errorText(e) });
          await sendErrorOnly(target, flags, reporter, errorText(e), log);
          if (!(await sleep(intervalMs))) return EXIT.interrupted;
        }
      }
      for (const w of cluster.warnings) log.warn(w);
      const watchers = cluster.watchers;
      const running = watchers.map((w) => w.run(signal));
      // Wait for every first list, up to one interval.
      const readyBy = systemClock.now() + intervalMs;
      while (!watchers.every((w) => w.ready) && systemClock.now() < readyBy) {
        if (!(await sleep(Math.min(100, intervalMs)))) break;
      }
      let reports = 0;
      let pushFailed = false;
      while (!signal.aborted) {
        try {
          const r = await reporter.report(target.sender, watchers, cluster.versionInfo);
          log.info(describeReport(r, target.describe));
          pushFailed = false;
        } catch (e) {
          pushFailed = true;
          log.error('report failed', { error: errorText(e) });
        }
        reports++;
        if (maxReports !== undefined && reports >= maxReports) break;
        if (!(await sleep(intervalMs))) break;
      }
      stop.abort();
      await Promise.all(running);
      io.stderr.write(summariseTestServer(target.testServer, flags.clusterId));
      if (io.signal.aborted) return EXIT.interrupted;
      return pushFailed ? EXIT.pushFailed : EXIT.ok;
    } finally {
      await target.close();
    }
  } finally {
    stop.abort();
    await ctx.close();
  }
}

async function readPlugins(paths: readonly string[]): Promise<Plugin[]> {
  const plugins: Plugin[] = [];
  for (const p of paths) {
    try {
      plugins.push({ name: basename(p), source: await readFile(p, 'utf8') });
    } catch (e) {
      throw new ConfigError('--plugin', `cannot read ${p}: ${errorText(e)}`);
    }
  }
  const names = plugins.map((p) => p.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new ConfigError('--plugin', `two plugins are named ${dup}`);
  return plugins;
}

function renderTable(rows: readonly WorkloadDecision[]): string {
  const header = ['NAMESPACE', 'POD', 'OWNER', 'WORKLOAD', 'DECIDED BY'];
  const lines = rows.map((r) => [
    r.namespace,
    r.pod,
    r.owner ?? '-',
    r.workload_type === undefined ? '-' : `${r.workload_type}/${r.workload_name ?? ''}`,
    r.error
      ? `error in ${r.error.plugin}: ${r.error.message}`
      : (r.decided_by ??
        (r.skipped.length > 0
          ? `none (${r.skipped.map((s) => `${s.plugin}: ${s.reason}`).join('; ')})`
          : 'none')),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  return [header, ...lines]
    .map((l) =>
      l
        .map((c, i) => (i === l.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

async function runK8sWorkloads(flags: WorkloadsFlags, io: Io): Promise<ExitCode> {
  const log = loggerFor(flags, io);
  const callTimeoutMs = parseDuration(flags.callTimeout, '--call-timeout');
  const plugins = await readPlugins(flags.plugin);
  const ctx = await connect(flags);
  try {
    const selected = selectResources([])
      .resources.filter((r) => r.name === 'pods')
      .map((r) => ({
        ...r,
        fieldSelector: flags.namespace === undefined ? '' : `metadata.namespace=${flags.namespace}`,
      }));
    const { resources } = await discoverResources(ctx.client, selected, io.signal);
    const pods = resources[0];
    if (pods === undefined) throw new ConfigError('', 'the apiserver serves no pods');
    const watcher = new ResourceWatcher(pods, ctx.client, {
      pageSize: ctx.pageSize,
      relistIntervalMs: 0,
      backoffMs: 200,
      maxBackoffMs: 200,
      maxPages: 10_000,
      clock: systemClock,
      log,
    });
    await watcher.list(io.signal);
    const metas = watcher
      .entries()
      .map((e) => (JSON.parse(e.json) as { metadata: PodMeta }).metadata)
      .sort((a, b) =>
        `${a.namespace ?? ''}/${a.name ?? ''}`.localeCompare(
          `${b.namespace ?? ''}/${b.name ?? ''}`,
        ),
      );
    const runner = await LuaRunner.start(plugins, { timeoutMs: callTimeoutMs });
    const rows: WorkloadDecision[] = [];
    try {
      for (const p of plugins) {
        const err = runner.loadError(p.name);
        if (err !== undefined) log.error('plugin failed to load', { plugin: p.name, error: err });
      }
      for (const meta of metas) {
        if (io.signal.aborted) return EXIT.interrupted;
        rows.push(
          await decideWorkload(
            meta,
            plugins.map((p) => p.name),
            runner,
          ),
        );
      }
    } finally {
      await runner.close();
    }
    io.stdout.write(
      flags.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : renderTable(rows),
    );
    const failed = rows.filter((r) => r.error !== undefined);
    if (failed.length > 0) {
      log.error('plugins failed on some pods', { pods: failed.length });
      return EXIT.partial;
    }
    return EXIT.ok;
  } finally {
    await ctx.close();
  }
}
