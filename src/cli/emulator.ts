import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { emulatedProviders, startEmulator } from '../emulator/index.js';
import type { EmulatorOptions, FaultSpec, RunningEmulator } from '../emulator/harness.js';
import { parseFaultSpecs } from '../emulator/harness.js';
import { ConfigError } from '../errors/errors.js';
import type { ExitCode } from '../errors/exit-codes.js';
import { EXIT } from '../errors/exit-codes.js';
import { parsePositiveInt } from './accounts.js';
import type { ProviderName } from '../model/index.js';
import type { Io } from './io.js';

interface EmulatorFlags {
  provider: string;
  port?: string;
  seed?: string;
  scale: 'tiny' | 'small' | 'medium' | 'large';
  latency?: string;
  pageLimit?: string;
  faults?: string;
  rateLimit?: string;
  rateBurst?: string;
  statsFile?: string;
  warm?: boolean;
}

export function emulatorCommand(io: Io, setExit: (c: ExitCode) => void): Command {
  return new Command('emulator')
    .description(
      "serve a provider's API on 127.0.0.1 (its wire protocol, signature checks, paging, faults) until interrupted",
    )
    .addOption(
      new Option(
        '--provider <name>',
        'provider to emulate (kubernetes: an apiserver plus a KubernetesAPISync test server; only --port and --page-limit apply)',
      )
        .choices([...emulatedProviders(), 'kubernetes'])
        .makeOptionMandatory(),
    )
    .option('--port <n>', 'port to listen on (default: any free port)')
    .option('--seed <n>', 'seed of the generated world (default 1)')
    .addOption(
      new Option('--scale <scale>', 'size of the generated world')
        .choices(['tiny', 'small', 'medium', 'large'])
        .default('small'),
    )
    .option('--latency <ms>', 'added latency per request, in milliseconds')
    .option(
      '--warm',
      'generate the whole world before listening and keep it, so answers cost their rendering only (the benchmark uses it; the large world takes about 1 GB)',
    )
    .option('--page-limit <n>', 'cap every page size below the API maximum (to exercise paging)')
    .option(
      '--faults <file>',
      'JSON file: a list of {op, region?, times?, respond} faults to inject',
    )
    .option(
      '--rate-limit <n>',
      "requests per second per (region, operation), e.g. 20 or 20/s; over it the provider's throttling error",
    )
    .option('--rate-burst <n>', 'token-bucket size of --rate-limit (default: twice the rate)')
    .option(
      '--stats-file <file>',
      'on shutdown, write request counts per operation and the first/last request times as JSON',
    )
    .action(async (flags: EmulatorFlags) => {
      setExit(await runEmulator(flags, io));
    });
}

async function runEmulator(flags: EmulatorFlags, io: Io): Promise<ExitCode> {
  const opts: EmulatorOptions = { scale: flags.scale };
  if (flags.warm === true) opts.warm = true;
  const port = flags.port === undefined ? undefined : parsePositiveInt(flags.port, '--port', 65535);
  if (port !== undefined) opts.port = port;
  const seed =
    flags.seed === undefined ? undefined : parsePositiveInt(flags.seed, '--seed', 2 ** 31);
  if (seed !== undefined) opts.seed = seed;
  const latency = flags.latency === undefined ? undefined : Number(flags.latency);
  if (latency !== undefined) {
    if (!Number.isFinite(latency) || latency < 0) {
      throw new ConfigError(
        '--latency',
        `must be a number of milliseconds ≥ 0, got '${flags.latency ?? ''}'`,
      );
    }
    opts.latencyMs = latency;
  }
  const pageLimit = parsePositiveInt(flags.pageLimit, '--page-limit', 10_000);
  if (pageLimit !== undefined) opts.pageLimit = pageLimit;
  if (flags.faults !== undefined) opts.faults = await readFaults(flags.faults);
  if (flags.rateLimit !== undefined)
    opts.rateLimit = parseRateLimit(flags.rateLimit, flags.rateBurst);

  if (flags.provider === 'kubernetes') return runK8sEmulator(flags, opts, io);
  const em = await startEmulator(flags.provider as ProviderName, opts);
  const cpuAtListen = cpuSeconds();
  io.stdout.write(
    `${JSON.stringify(
      {
        provider: em.provider,
        url: em.url,
        endpoints: em.endpoints,
        credentials: em.configCredentials,
      },
      null,
      2,
    )}\n`,
  );
  io.stderr.write(`emulator for ${em.provider} listening on ${em.url}; Ctrl-C to stop\n`);
  await waitForSignal(io);
  await em.close();
  if (flags.statsFile !== undefined)
    await writeFile(flags.statsFile, emulatorStats(em, cpuAtListen));
  return EXIT.ok;
}

/** `--rate-limit 20` or `20/s`, with `--rate-burst` (default twice the rate). */
function parseRateLimit(
  rate: string,
  burst: string | undefined,
): { perSecond: number; burst: number } {
  const perSecond = Number(rate.replace(/\/s$/, ''));
  if (!Number.isFinite(perSecond) || perSecond <= 0) {
    throw new ConfigError(
      '--rate-limit',
      `must be requests per second > 0 (e.g. 20/s), got '${rate}'`,
    );
  }
  const b = burst === undefined ? Math.max(1, Math.ceil(2 * perSecond)) : Number(burst);
  if (!Number.isInteger(b) || b < 1) {
    throw new ConfigError('--rate-burst', `must be a positive integer, got '${burst ?? ''}'`);
  }
  return { perSecond, burst: b };
}

/** What `--stats-file` holds: requests per `service:operation`, throttled ones, and the API phase's span. */
export function emulatorStats(em: RunningEmulator, cpuAtListen = 0): string {
  const calls: Record<string, number> = {};
  let throttled = 0;
  for (const r of em.requests) {
    const key = `${r.service}:${r.op}`;
    calls[key] = (calls[key] ?? 0) + 1;
    if (r.fault === 'throttle') throttled += 1;
  }
  const activity = em.activity?.();
  return `${JSON.stringify({
    provider: em.provider,
    requests: em.requests.length,
    throttled,
    calls,
    first_at: activity?.firstAt ?? null,
    last_at: activity?.lastAt ?? null,
    // The emulator's own CPU (world generation, rendering, signature checks): on a small machine it shares the
    // cores with the sync, and its time bounds how close the API phase can come to the floor.
    cpu_s: cpuSeconds(),
    // Of which after it listened (without start-up and, with --warm, the world's generation).
    serving_cpu_s: Math.round((cpuSeconds() - cpuAtListen) * 100) / 100,
  })}\n`;
}

function cpuSeconds(): number {
  const u = process.resourceUsage();
  return Math.round((u.userCPUTime + u.systemCPUTime) / 1e4) / 100;
}

async function waitForSignal(io: Io): Promise<void> {
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    io.signal.addEventListener('abort', () => {
      resolve();
    });
  });
}

/** The Kubernetes emulator: an apiserver (with a kubeconfig file to reach it) and a test gRPC server. */
async function runK8sEmulator(
  flags: EmulatorFlags,
  opts: EmulatorOptions,
  io: Io,
): Promise<ExitCode> {
  if (flags.faults !== undefined || flags.latency !== undefined) {
    throw new ConfigError('--provider', 'kubernetes: --faults and --latency are not supported');
  }
  const { startK8sEmulator } = await import('../emulator/kubernetes/server.js');
  const { startSyncServer } = await import('../emulator/kubernetes/sync-server.js');
  const { writeEmulatorKubeconfig } = await import('../emulator/kubernetes/kubeconfig.js');
  const em = await startK8sEmulator({
    ...(opts.port === undefined ? {} : { port: opts.port }),
    ...(opts.pageLimit === undefined ? {} : { pageLimit: opts.pageLimit }),
  });
  const grpc = await startSyncServer();
  const kubeconfig = await writeEmulatorKubeconfig(em.url, em.token);
  io.stdout.write(
    `${JSON.stringify({ provider: 'kubernetes', url: em.url, kubeconfig, grpc_server: grpc.address }, null, 2)}\n`,
  );
  io.stderr.write(
    `kubernetes emulator: apiserver on ${em.url}, KubernetesAPISync on ${grpc.address}; Ctrl-C to stop\n`,
  );
  await waitForSignal(io);
  await Promise.all([em.close(), grpc.close()]);
  return EXIT.ok;
}

async function readFaults(path: string): Promise<FaultSpec[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(
      '--faults',
      `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  try {
    return parseFaultSpecs(parsed);
  } catch (e) {
    throw new ConfigError('--faults', `${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
