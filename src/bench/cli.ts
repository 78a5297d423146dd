/** Arguments and output of `npm run bench` (scripts/bench.js is a thin shim over `benchMain`). */
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { emulatedProviders } from '../emulator/index.js';
import type { Scale } from '../emulator/world-types.js';
import { SCALES } from '../emulator/world-types.js';
import type { ProviderName } from '../model/index.js';
import type { BenchDetail, BenchOptions } from './run.js';
import { benchProvider, renderBenchTable } from './run.js';

export const BENCH_USAGE = `usage: npm run bench -- [options]
  --provider P           only this provider (repeatable; default: every provider with an emulator)
  --scale S              small | medium | large (default medium)
  --latency MS           added latency per API call (default 50)
  --rate-limit N         emulator rate limit, requests/s per (region, operation) (default 20; 0: none)
  --rate-burst N         its bucket size (default 100)
  --concurrency N        the sync's --concurrency (default: the tool's default)
  --sync-format F        json | ndjson: the sync's output format (default json)
  --no-baseline          skip the one-call-at-a-time baseline
  --baseline-regions N   baseline on the first N regions, scaled linearly (default: all; large: 2)
  --seed N               world seed (default 1)
  --format F             table | json (default table)
`;

export interface BenchIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

function positive(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/\/s$/, ''));
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min}`);
  return n;
}

/** Runs the benchmark; returns the process exit code. */
export async function benchMain(argv: readonly string[], io: BenchIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        provider: { type: 'string', multiple: true },
        scale: { type: 'string', default: 'medium' },
        latency: { type: 'string' },
        'rate-limit': { type: 'string' },
        'rate-burst': { type: 'string' },
        concurrency: { type: 'string' },
        'sync-format': { type: 'string', default: 'json' },
        'no-baseline': { type: 'boolean', default: false },
        'baseline-regions': { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string', default: 'table' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    io.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${BENCH_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(BENCH_USAGE);
    return 0;
  }
  const emulated = emulatedProviders();
  const providers = (values.provider ?? emulated) as ProviderName[];
  const unknown = providers.find((p) => !emulated.includes(p));
  const scale = values.scale as Scale;
  const syncFormat = values['sync-format'];
  if (
    unknown !== undefined ||
    !SCALES.includes(scale) ||
    (values.format !== 'table' && values.format !== 'json') ||
    (syncFormat !== 'json' && syncFormat !== 'ndjson')
  ) {
    io.stderr.write(
      `${unknown === undefined ? 'bad --scale, --format or --sync-format' : `no emulator for '${unknown}' (have: ${emulated.join(', ')})`}\n${BENCH_USAGE}`,
    );
    return 2;
  }
  let opts: BenchOptions;
  try {
    const rate = positive(values['rate-limit'], '--rate-limit', 20, 0);
    opts = {
      providers,
      scale,
      seed: positive(values.seed, '--seed', 1),
      latencyMs: positive(values.latency, '--latency', 50, 0),
      rateLimit:
        rate === 0
          ? undefined
          : { perSecond: rate, burst: positive(values['rate-burst'], '--rate-burst', 100) },
      format: syncFormat,
      concurrency:
        values.concurrency === undefined
          ? undefined
          : positive(values.concurrency, '--concurrency', 8),
      baseline: !values['no-baseline'],
      baselineRegions:
        values['baseline-regions'] === undefined
          ? scale === 'large'
            ? 2
            : undefined
          : positive(values['baseline-regions'], '--baseline-regions', 1),
      log: (line) => io.stderr.write(`${line}\n`),
    };
  } catch (e) {
    io.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${BENCH_USAGE}`);
    return 2;
  }
  const details: BenchDetail[] = [];
  let failed = false;
  for (const p of providers) {
    try {
      details.push(await benchProvider(p, opts));
    } catch (e) {
      failed = true;
      io.stderr.write(`${p}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  if (values.format === 'json') io.stdout.write(`${JSON.stringify(details.map((d) => d.row))}\n`);
  else io.stdout.write(renderBenchTable(details));
  return failed || details.some((d) => d.exitCode !== 0) ? 1 : 0;
}
