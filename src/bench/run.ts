/**
 * `npm run bench`: for each emulated provider, start its emulator in a child process (a world of the given
 * scale, a per-call latency, a per-(region, operation) rate limit), run `deepflow-cloud sync` against it in
 * another child process, and compare the result with the floor of the performance model (DESIGN §10) and with
 * a one-call-at-a-time baseline (DeepFlow's way).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMULATORS } from '../emulator/index.js';
import type { Scale } from '../emulator/world-types.js';
import { generateWorld } from '../emulator/world.js';
import type { ProviderName } from '../model/index.js';
import { loadAdapter } from '../sync/account.js';
import type { RateLimit } from '../providers/types.js';
import type { BucketLimit, Floor } from './floor.js';
import { computeFloor } from './floor.js';

export interface BenchOptions {
  readonly providers: readonly ProviderName[];
  readonly scale: Scale;
  readonly seed: number;
  readonly latencyMs: number;
  readonly rateLimit: BucketLimit | undefined;
  /** Sync output format (json keeps the document in memory; ndjson streams). */
  readonly format: 'json' | 'ndjson';
  /** `--concurrency` of the sync; default: the tool's default. */
  readonly concurrency?: number | undefined;
  /** Run the one-call-at-a-time baseline. */
  readonly baseline: boolean;
  /** Sync the baseline on the first N regions only and scale its time linearly (large worlds). */
  readonly baselineRegions?: number | undefined;
  readonly log: (line: string) => void;
}

/** One row of the table / JSON array. */
export interface BenchRow {
  provider: ProviderName;
  scale: Scale;
  records: number;
  wall_s: number;
  floor_s: number | null;
  wall_over_floor: number | null;
  calls: number;
  min_calls: number | null;
  peak_rss_mb: number;
  cpu_s: number;
  baseline_wall_s: number | null;
  speedup: number | null;
}

/** What the table shows besides the JSON row. */
export interface BenchDetail {
  readonly row: BenchRow;
  /** Process wall time of the sync, start-up included. */
  readonly processS: number;
  /** From spawning the sync to its first request reaching the emulator. */
  readonly firstRequestS: number | null;
  readonly throttled: number;
  readonly exitCode: number | null;
  /** Calls per operation made vs the minimum, where they differ. */
  readonly extraCalls: readonly string[];
  readonly baselineScaledFrom?: number | undefined;
  readonly chainSteps: number | null;
  readonly rateS: number | null;
}

const BIN = fileURLToPath(new URL('../../bin/deepflow-cloud.js', import.meta.url));

interface EmulatorStats {
  requests: number;
  throttled: number;
  calls: Record<string, number>;
  first_at: number | null;
  last_at: number | null;
}

interface ProcessStats {
  max_rss_kb: number;
  cpu_user_s: number;
  cpu_system_s: number;
}

interface Started {
  readonly child: ChildProcess;
  readonly info: { endpoints: Record<string, string>; credentials: Record<string, string> };
}

/** Spawns the emulator and waits for the JSON it prints once listening. */
async function startEmulatorProcess(args: readonly string[]): Promise<Started> {
  const child = spawn(process.execPath, [BIN, 'emulator', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const info = await new Promise<Started['info']>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      try {
        resolve(JSON.parse(out) as Started['info']);
      } catch {
        // Not complete yet.
      }
    });
    child.once('exit', (code) => {
      reject(new Error(`emulator exited (${String(code)}) before listening: ${err.trim()}`));
    });
  });
  return { child, info };
}

function waitExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
}

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

interface SyncRun {
  readonly wallS: number;
  readonly processS: number;
  readonly firstRequestS: number | null;
  readonly calls: Record<string, number>;
  readonly requests: number;
  readonly throttled: number;
  readonly records: number;
  readonly stats: ProcessStats;
  readonly exitCode: number | null;
}

/** One emulator + one sync; the API phase is timed by the emulator (first request → last response). */
async function runOnce(
  provider: ProviderName,
  opts: BenchOptions,
  dir: string,
  tag: string,
  extra: { concurrency?: number | undefined; regions?: readonly string[] | undefined },
): Promise<SyncRun> {
  const statsFile = join(dir, `${tag}-emulator.json`);
  const emArgs = [
    '--provider',
    provider,
    '--scale',
    opts.scale,
    '--seed',
    String(opts.seed),
    '--latency',
    String(opts.latencyMs),
    '--stats-file',
    statsFile,
    // The whole world generated before the sync starts: the API phase measures the sync and the emulator's
    // answers, not its lazy world generator (which a real cloud does not have).
    '--warm',
    ...(opts.rateLimit === undefined
      ? []
      : [
          '--rate-limit',
          String(opts.rateLimit.perSecond),
          '--rate-burst',
          String(opts.rateLimit.burst),
        ]),
  ];
  const em = await startEmulatorProcess(emArgs);
  try {
    const config = join(dir, `${tag}-config.json`);
    await writeFile(
      config,
      JSON.stringify({
        accounts: [
          {
            name: 'bench',
            provider,
            credentials: em.info.credentials,
            endpoints: em.info.endpoints,
            ...(extra.regions === undefined
              ? {}
              : { regions: { include: extra.regions, exclude: [] } }),
            ...(extra.concurrency === undefined ? {} : { concurrency: extra.concurrency }),
          },
        ],
      }),
      { mode: 0o600 },
    );
    const syncStats = join(dir, `${tag}-sync.json`);
    const metrics = join(dir, `${tag}-metrics.prom`);
    const spawnedAt = Date.now();
    const started = performance.now();
    const sync = spawn(
      process.execPath,
      [
        BIN,
        'sync',
        '--config',
        config,
        '--format',
        opts.format,
        '--quiet',
        '--metrics-file',
        metrics,
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, DEEPFLOW_CLOUD_STATS_FILE: syncStats },
      },
    );
    let stderr = '';
    sync.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const exitCode = await waitExit(sync);
    const processS = (performance.now() - started) / 1000;
    if (exitCode !== 0)
      opts.log(
        `  ${provider} ${tag}: sync exited ${String(exitCode)}: ${stderr.trim().slice(0, 500)}`,
      );
    em.child.kill('SIGTERM');
    await waitExit(em.child);
    const es = JSON.parse(await readFile(statsFile, 'utf8')) as EmulatorStats;
    const ps = JSON.parse(await readFile(syncStats, 'utf8')) as ProcessStats;
    const prom = await readFile(metrics, 'utf8');
    let records = 0;
    for (const line of prom.split('\n')) {
      const m = /^deepflow_cloud_records\{[^}]*\} (\d+)/.exec(line);
      if (m) records += Number(m[1]);
    }
    const wallS =
      es.first_at !== null && es.last_at !== null ? (es.last_at - es.first_at) / 1000 : processS;
    return {
      wallS,
      processS,
      firstRequestS: es.first_at === null ? null : (es.first_at - spawnedAt) / 1000,
      calls: es.calls,
      requests: es.requests,
      throttled: es.throttled,
      records,
      stats: ps,
      exitCode,
    };
  } finally {
    if (em.child.exitCode === null) {
      em.child.kill('SIGTERM');
      await waitExit(em.child);
    }
  }
}

async function providerLimits(provider: ProviderName): Promise<readonly RateLimit[] | undefined> {
  return (await loadAdapter(provider)).rateLimits;
}

/** Benchmarks one provider: the sync, its floor, and the baseline. */
export async function benchProvider(
  provider: ProviderName,
  opts: BenchOptions,
): Promise<BenchDetail> {
  const load = EMULATORS[provider];
  if (load === null) throw new Error(`no emulator for ${provider}`);
  const { emulator } = await load();
  const world = generateWorld({ provider, seed: opts.seed, scale: opts.scale });
  const regions = world.regions.filter((r) => r.enabled).map((r) => r.id);
  const floor: Floor | undefined =
    emulator.operations === undefined
      ? undefined
      : computeFloor({
          models: emulator.operations,
          world,
          regions,
          latencyMs: opts.latencyMs,
          emulatorLimit: opts.rateLimit,
          providerLimits: await providerLimits(provider),
        });
  const dir = await mkdtemp(join(tmpdir(), `deepflow-bench-${provider}-`));
  try {
    opts.log(`${provider}: sync of the ${opts.scale} world (${regions.length} regions)…`);
    const run = await runOnce(provider, opts, dir, 'sync', { concurrency: opts.concurrency });
    let baselineS: number | null = null;
    let scaledFrom: number | undefined;
    if (opts.baseline) {
      const n = opts.baselineRegions;
      const subset = n !== undefined && n < regions.length ? regions.slice(0, n) : undefined;
      opts.log(
        `${provider}: baseline, one call at a time${subset ? ` (${subset.length} regions, scaled)` : ''}…`,
      );
      const base = await runOnce(provider, opts, dir, 'baseline', {
        concurrency: 1,
        regions: subset,
      });
      baselineS = subset ? (base.wallS * regions.length) / subset.length : base.wallS;
      if (subset) scaledFrom = subset.length;
    }
    const calls = Object.values(run.calls).reduce((a, b) => a + b, 0);
    const extraCalls: string[] = [];
    if (floor !== undefined) {
      const min = new Map(floor.perOperation.map((o) => [o.operation, o.calls]));
      for (const key of new Set([...min.keys(), ...Object.keys(run.calls)])) {
        const made = run.calls[key] ?? 0;
        const want = min.get(key) ?? 0;
        if (made !== want) extraCalls.push(`${key} ${made}/${want}`);
      }
    }
    const row: BenchRow = {
      provider,
      scale: opts.scale,
      records: run.records,
      wall_s: round(run.wallS),
      floor_s: floor === undefined ? null : round(floor.floorS),
      wall_over_floor:
        floor === undefined || floor.floorS === 0 ? null : round(run.wallS / floor.floorS, 2),
      calls,
      min_calls: floor?.minCalls ?? null,
      peak_rss_mb: round(run.stats.max_rss_kb / 1024, 1),
      cpu_s: round(run.stats.cpu_user_s + run.stats.cpu_system_s, 2),
      baseline_wall_s: baselineS === null ? null : round(baselineS, 2),
      speedup: baselineS === null || run.wallS === 0 ? null : round(baselineS / run.wallS, 1),
    };
    return {
      row,
      processS: round(run.processS),
      firstRequestS: run.firstRequestS === null ? null : round(run.firstRequestS),
      throttled: run.throttled,
      exitCode: run.exitCode,
      extraCalls,
      baselineScaledFrom: scaledFrom,
      chainSteps: floor?.chainSteps ?? null,
      rateS: floor === undefined ? null : round(floor.rateS),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const fmt = (v: number | null | undefined, suffix = ''): string =>
  v === null || v === undefined ? 'unknown' : `${String(v)}${suffix}`;

/** The human table of the rows. */
export function renderBenchTable(details: readonly BenchDetail[]): string {
  const header = [
    'provider',
    'scale',
    'records',
    'wall s',
    'floor s',
    'wall/floor',
    'calls',
    'min calls',
    'peak RSS MB',
    'CPU s',
    'baseline s',
    'speed-up',
    'process s',
    '1st request s',
    'throttled',
  ];
  const rows = details.map((d) => [
    d.row.provider,
    d.row.scale,
    String(d.row.records),
    fmt(d.row.wall_s),
    fmt(d.row.floor_s),
    fmt(d.row.wall_over_floor),
    String(d.row.calls),
    fmt(d.row.min_calls),
    fmt(d.row.peak_rss_mb),
    fmt(d.row.cpu_s),
    fmt(d.row.baseline_wall_s, d.baselineScaledFrom === undefined ? '' : '*'),
    fmt(d.row.speedup, d.row.speedup === null ? '' : '×'),
    fmt(d.processS),
    fmt(d.firstRequestS),
    String(d.throttled),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  for (const d of details) {
    if (d.extraCalls.length > 0)
      out.push(`${d.row.provider}: calls made/minimum differ: ${d.extraCalls.join(', ')}`);
    if (d.baselineScaledFrom !== undefined)
      out.push(
        `${d.row.provider}: * baseline measured on ${d.baselineScaledFrom} regions, scaled linearly`,
      );
  }
  return `${out.join('\n')}\n`;
}
