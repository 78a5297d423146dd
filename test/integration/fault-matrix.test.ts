/**
 * The fault matrix (issue 10.1): every provider with an adapter and an emulator × every fault the emulator can
 * inject. Each cell runs the real sync in-process against a tiny world and asserts the outcome: the data is
 * complete, or exactly the affected tasks failed or were skipped with the right `error_kind`, everything else
 * is identical to a fault-free run, the exit code is right, nothing crashed and nothing hung.
 *
 * `npm test` runs the fast subset (one aimed fault per cell); `npm run test:slow` (DEEPFLOW_SLOW=1) adds the
 * sweep of three faults over every operation each provider calls in a region.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { FaultKind, FaultSpec } from '../../src/emulator/harness.js';
import type { World } from '../../src/emulator/world-types-services.js';
import { generateWorld } from '../../src/emulator/world.js';
import type { AnyRecord, ErrorKind, ProviderName } from '../../src/model/index.js';
import { KIND_KEYS, RESOURCE_KINDS } from '../../src/model/index.js';
import { canonicalJson } from '../../src/sync/version.js';
import { ROOT } from '../helpers/cli.js';
import type { ProviderProfile } from '../helpers/matrix.js';
import { TINY, opName, profileOf, testedProviders } from '../helpers/matrix.js';
import type { EmulatedSync } from '../helpers/sync.js';
import { FAST_RETRY, emulatedAccount, syncAgainst } from '../helpers/sync.js';
import type { RetryPolicy } from '../../src/transport/retry.js';

const SLOW = process.env['DEEPFLOW_SLOW'] === '1';
/** No cell may take longer than this (a hang or a paging loop shows up here, not as a test timeout). */
const CELL_LIMIT_MS = 25_000;

type Expectation =
  | { readonly outcome: 'complete' }
  | {
      readonly outcome: 'failed' | 'skipped';
      readonly kinds: readonly ErrorKind[];
      /** The operation every error names, when the fault aims at one. */
      readonly operation?: string;
    }
  | { readonly outcome: 'auth' };

interface Cell {
  readonly name: string;
  readonly fault: FaultKind | 'none' | 'empty_region';
  readonly faults: (p: ProviderProfile) => FaultSpec[];
  /** Runs only when the provider has what the cell needs. */
  readonly applies?: (p: ProviderProfile) => boolean;
  readonly expect: (p: ProviderProfile) => Expectation;
  readonly requestTimeoutMs?: number;
  /** The retry policy of the cell's sync (default `FAST_RETRY`). */
  readonly retry?: RetryPolicy;
  readonly emptyRegion?: boolean;
}

const aimed = (p: ProviderProfile, respond: FaultKind, times?: number): FaultSpec[] => [
  {
    op: p.requiredOp.action,
    service: p.requiredOp.service,
    ...(times === undefined ? { region: p.opRegion } : { times }),
    respond,
  },
];
const recovered = (): Expectation => ({ outcome: 'complete' });
const failedWith =
  (...kinds: ErrorKind[]) =>
  (p: ProviderProfile): Expectation => ({
    outcome: 'failed',
    kinds,
    operation: opName(p.requiredOp),
  });

/** The cells of the matrix; every fault kind of the emulator appears at least once. */
export const CELLS: readonly Cell[] = [
  { name: 'no fault', fault: 'none', faults: () => [], expect: recovered },
  {
    name: 'throttled twice, then ok',
    fault: 'throttle',
    faults: (p) => aimed(p, 'throttle', 2),
    expect: recovered,
  },
  {
    name: 'throttled beyond the retry budget',
    fault: 'throttle',
    faults: (p) => aimed(p, 'throttle'),
    expect: failedWith('throttled'),
  },
  {
    name: '500 once, then ok',
    fault: 'server_error',
    faults: (p) => aimed(p, 'server_error', 1),
    expect: recovered,
  },
  {
    name: '500 always',
    fault: 'server_error',
    faults: (p) => aimed(p, 'server_error'),
    expect: failedWith('provider_error'),
  },
  {
    name: '502 once, then ok',
    fault: 'bad_gateway',
    faults: (p) => aimed(p, 'bad_gateway', 1),
    expect: recovered,
  },
  {
    name: '502 always',
    fault: 'bad_gateway',
    faults: (p) => aimed(p, 'bad_gateway'),
    expect: failedWith('provider_error'),
  },
  {
    name: '503 once, then ok',
    fault: 'unavailable',
    faults: (p) => aimed(p, 'unavailable', 1),
    expect: recovered,
  },
  {
    name: '503 always',
    fault: 'unavailable',
    faults: (p) => aimed(p, 'unavailable'),
    expect: failedWith('provider_error'),
  },
  {
    name: 'hanging response (per-request timeout)',
    fault: 'hang',
    faults: (p) => aimed(p, 'hang'),
    expect: failedWith('network'),
    // Long enough for every other request on a loaded machine; the hang itself never answers. The fast subset
    // tries twice (one retry of a timed-out request is what the cell proves); the slow one uses FAST_RETRY.
    requestTimeoutMs: 1_500,
    ...(SLOW ? {} : { retry: { ...FAST_RETRY, maxAttempts: 2 } }),
  },
  {
    name: 'connection reset mid-body once, then ok',
    fault: 'reset',
    faults: (p) => aimed(p, 'reset', 1),
    expect: recovered,
  },
  {
    name: 'connection reset mid-body always',
    fault: 'reset',
    faults: (p) => aimed(p, 'reset'),
    expect: failedWith('network'),
  },
  {
    name: 'truncated body',
    fault: 'truncated',
    faults: (p) => aimed(p, 'truncated'),
    expect: failedWith('provider_error'),
  },
  {
    name: 'malformed body',
    fault: 'malformed',
    faults: (p) => aimed(p, 'malformed'),
    expect: failedWith('provider_error'),
  },
  {
    name: 'page token repeats (stops, does not loop)',
    fault: 'repeat_token',
    // Every paged list of the region (for an account-wide provider: its account-wide lists of the kinds).
    faults: (p) => [{ op: '*', region: p.opRegion, respond: 'repeat_token' }],
    expect: () => ({ outcome: 'failed', kinds: ['truncated'] }),
  },
  {
    name: '403 on an optional operation',
    fault: 'forbidden',
    applies: (p) => p.optionalOp !== undefined,
    faults: (p) =>
      p.optionalOp === undefined
        ? []
        : [
            {
              op: p.optionalOp.action,
              service: p.optionalOp.service,
              region: p.opRegion,
              respond: 'forbidden',
            },
          ],
    expect: (p) => ({
      outcome: 'skipped',
      kinds: ['permission_denied'],
      ...(p.optionalOp === undefined ? {} : { operation: opName(p.optionalOp) }),
    }),
  },
  {
    name: '403 on a required operation',
    fault: 'forbidden',
    faults: (p) => aimed(p, 'forbidden'),
    expect: failedWith('permission_denied'),
  },
  {
    name: 'auth failure',
    fault: 'auth_failure',
    faults: () => [{ op: '*', respond: 'auth_failure' }],
    expect: () => ({ outcome: 'auth' }),
  },
  {
    name: 'credentials expire mid-run',
    fault: 'expired_token',
    faults: (p) => aimed(p, 'expired_token'),
    expect: failedWith('auth_failed'),
  },
  {
    name: 'region disabled',
    fault: 'region_disabled',
    // A provider that lists account-wide may call nothing in the region itself.
    applies: (p) => p.regionalOps.some((o) => o.region === p.region),
    faults: (p) => [{ op: '*', region: p.region, respond: 'region_disabled' }],
    expect: () => ({ outcome: 'skipped', kinds: ['region_unavailable'] }),
  },
  {
    name: 'empty region',
    fault: 'empty_region',
    faults: () => [],
    expect: recovered,
    emptyRegion: true,
  },
];

/**
 * The world plus one enabled region that has nothing in it (a region id the provider knows but the world does
 * not lay out, so the generator serves it empty), listed before the disabled regions.
 */
function withEmptyRegion(world: World, region: string): World {
  const enabled = world.regions.filter((r) => r.enabled);
  const disabled = world.regions.filter((r) => !r.enabled);
  return {
    ...world,
    regions: [...enabled, { id: region, enabled: true, optInRequired: false }, ...disabled],
  };
}

/** A region id the provider knows that the tiny world does not use. */
function spareRegion(p: ProviderProfile, world: World): string {
  const spare = p.adapter.spec.knownRegions.find((k) => !world.regions.some((r) => r.id === k.id));
  if (spare === undefined)
    throw new Error(`${p.provider}: no spare known region for an empty region`);
  return spare.id;
}

function kindOfRecords(out: EmulatedSync): Map<string, { key: string; json: string }> {
  const m = new Map<string, { key: string; json: string }>();
  for (const k of RESOURCE_KINDS) {
    for (const r of out.inventory[KIND_KEYS[k]] as AnyRecord[]) {
      m.set(r.id, { key: `${r.region}|${k}`, json: canonicalJson({ ...r, stale: undefined }) });
    }
  }
  return m;
}

/** Asserts a cell's outcome against the profile's fault-free baseline. */
function check(p: ProviderProfile, out: EmulatedSync, want: Expectation, empty?: string): void {
  const errors = out.inventory.errors;
  const base = kindOfRecords(p.baseline);
  const got = kindOfRecords(out);
  if (want.outcome === 'auth') {
    expect(out.exitCode).toBe(3);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.error_kind === 'auth_failed' && e.outcome === 'failed')).toBe(
      true,
    );
    expect(out.inventory.accounts[0]?.status).toBe('failed');
    return;
  }
  if (want.outcome === 'complete') {
    expect(errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    if (empty !== undefined) {
      // Nothing listed in the empty region; everything else as before.
      const inRegion = [...got.values()].filter((r) => r.key.startsWith(`${empty}|`));
      // A region's zones describe the region itself (QingCloud's zone is its region): they may stay.
      const resources = inRegion.filter((r) => !/\|(region|zone)$/.test(r.key));
      expect(resources.map((r) => r.key)).toEqual([]);
      expect(inRegion.map((r) => r.key)).toContain(`${empty}|region`);
      for (const [id, r] of base) expect(got.get(id), id).toEqual(r);
      expect(out.inventory.accounts[0]?.regions).toContain(empty);
      return;
    }
    expect(out.inventory.accounts[0]?.version).toBe(p.baseline.inventory.accounts[0]?.version);
    return;
  }
  expect(out.exitCode).toBe(4);
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect({
      region: e.region,
      error_kind: e.error_kind,
      outcome: e.outcome,
      ...(want.operation === undefined ? {} : { operation: e.operation }),
    }).toEqual({
      region: expect.toBeOneOf([...p.errorRegions]) as unknown,
      error_kind: expect.toBeOneOf([...want.kinds]) as unknown,
      outcome: want.outcome,
      ...(want.operation === undefined ? {} : { operation: want.operation }),
    });
  }
  if (p.accountWide && want.operation === opName(p.requiredOp)) {
    // One account-wide call serves every region: its failure is reported in each of them.
    expect(new Set(errors.map((e) => e.region))).toEqual(new Set(p.errorRegions));
  }
  // Every task that did not fail is exactly as in a fault-free run; nothing appears that was not there.
  const affected = new Set(
    (out.result.accounts[0]?.outcomes ?? [])
      .filter((o) => o.status !== 'ok')
      .flatMap((o) => (o.kinds ?? [o.kind]).map((k) => `${o.region}|${k}`)),
  );
  for (const [id, r] of base) if (!affected.has(r.key)) expect(got.get(id), id).toEqual(r);
  for (const [id, r] of got) expect(base.get(id), id).toEqual(r);
}

async function runCell(p: ProviderProfile, cell: Cell): Promise<void> {
  const world = generateWorld({ ...TINY, provider: p.provider });
  const empty = cell.emptyRegion === true ? spareRegion(p, world) : undefined;
  const em = await startEmulator(p.provider, {
    ...TINY,
    faults: cell.faults(p),
    ...(empty === undefined ? {} : { world: withEmptyRegion(world, empty) }),
  });
  try {
    const started = Date.now();
    const out = await syncAgainst([emulatedAccount(em)], {
      requestTimeoutMs: cell.requestTimeoutMs ?? 15_000,
      ...(cell.retry === undefined ? {} : { retry: cell.retry }),
    });
    expect(Date.now() - started).toBeLessThan(CELL_LIMIT_MS);
    check(p, out, cell.expect(p), empty);
  } finally {
    await em.close();
  }
}

/**
 * Cells a provider is known to fail: findings for its adapter (docs/reliability.md, Findings), shown as skipped
 * with the reason rather than hidden. Remove an entry once the adapter is fixed.
 */
const KNOWN_GAPS: Partial<Record<ProviderName, Readonly<Record<string, string>>>> = {};

/** `DEEPFLOW_MATRIX_PROVIDERS=azure,aws` runs only those providers' columns (while working on one adapter). */
const ONLY = (process.env['DEEPFLOW_MATRIX_PROVIDERS'] ?? '').split(',').filter((s) => s !== '');
const PROVIDERS = testedProviders().filter((p) => ONLY.length === 0 || ONLY.includes(p));
const profiles = new Map<ProviderName, ProviderProfile>();
const tally = new Map<string, { passed: number; failed: number }>();

function count(row: string, provider: ProviderName, ok: boolean): void {
  const key = `${row}\u0000${provider}`;
  const t = tally.get(key) ?? { passed: 0, failed: 0 };
  if (ok) t.passed += 1;
  else t.failed += 1;
  tally.set(key, t);
}

/** The tally as a markdown table (written when DEEPFLOW_MATRIX_REPORT names a file). */
function report(): string {
  const rows = [...new Set([...tally.keys()].map((k) => k.split('\u0000')[0] ?? ''))];
  const head = `| cell | ${PROVIDERS.join(' | ')} |\n|---|${PROVIDERS.map(() => '---').join('|')}|\n`;
  return (
    head +
    rows
      .map((row) => {
        const cells = PROVIDERS.map((p) => {
          const t = tally.get(`${row}\u0000${p}`);
          return t === undefined ? '–' : `${t.passed}/${t.passed + t.failed}`;
        });
        return `| ${row} | ${cells.join(' | ')} |`;
      })
      .join('\n') +
    '\n'
  );
}

afterAll(() => {
  const file = process.env['DEEPFLOW_MATRIX_REPORT'];
  if (file === undefined || file === '') return;
  const path = join(ROOT, file);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, report());
});

describe.each(PROVIDERS)('fault matrix: %s', (provider) => {
  beforeAll(async () => {
    profiles.set(provider, await profileOf(provider));
  }, 60_000);

  const profile = (): ProviderProfile => {
    const p = profiles.get(provider);
    if (p === undefined) throw new Error(`no profile for ${provider}`);
    return p;
  };

  it('has a fault-free baseline with records and no errors', () => {
    const p = profile();
    expect(p.baseline.inventory.errors).toEqual([]);
    expect(p.baseline.exitCode).toBe(0);
    expect(p.baseline.inventory.vpcs.length).toBeGreaterThan(0);
  });

  const gaps = KNOWN_GAPS[provider] ?? {};
  it.skip.each(Object.entries(gaps))('%s (known gap: %s)', () => undefined);

  it.concurrent.each(
    CELLS.filter((c) => gaps[c.name] === undefined).map((c) => [c.name, c] as const),
  )(
    '%s',
    async (_name, cell) => {
      const p = profile();
      if (cell.applies !== undefined && !cell.applies(p)) return;
      let ok = false;
      try {
        await runCell(p, cell);
        ok = true;
      } finally {
        count(cell.name, provider, ok);
      }
    },
    CELL_LIMIT_MS + 10_000,
  );

  describe.runIf(SLOW)('every operation called in a region', () => {
    const SWEEP: readonly [FaultKind, ErrorKind][] = [
      ['forbidden', 'permission_denied'],
      ['throttle', 'throttled'],
      ['malformed', 'provider_error'],
    ];
    it.each(SWEEP)(
      '%s on each operation fails or skips only its tasks',
      async (respond, kind) => {
        const p = profile();
        const declared = new Map(
          p.adapter.fetchers.flatMap((f) => f.operations).map((o) => [opName(o), o]),
        );
        for (const { service, op, region } of p.regionalOps) {
          const name = `${service}:${op}`;
          const decl = declared.get(name);
          let ok = false;
          try {
            // Every operation a fetcher calls is declared (the single source for check and docs).
            expect(decl, `${p.provider} calls ${name} without declaring it`).toBeDefined();
            const em = await startEmulator(p.provider, {
              ...TINY,
              faults: [{ op, service, region, respond }],
            });
            try {
              const out = await syncAgainst([emulatedAccount(em)]);
              const outcome =
                respond === 'forbidden' && decl?.required === false ? 'skipped' : 'failed';
              // An operation whose denial the adapter tolerates by design leaves no error (a warning).
              if (out.inventory.errors.length > 0 || respond !== 'forbidden') {
                check(p, out, { outcome, kinds: [kind], operation: name });
              }
            } finally {
              await em.close();
            }
            ok = true;
          } finally {
            count(`sweep: ${respond} on each operation`, p.provider, ok);
          }
        }
      },
      600_000,
    );
  });
});
