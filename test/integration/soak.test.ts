/**
 * Soak (issue 10.5): many consecutive in-process syncs against the emulators, each with a random fault from
 * the matrix (seeded, so a run reproduces), round-robin over the providers. Asserts every sync ends with an
 * expected exit code and no internal error, and that neither the heap (after GC) nor the process's active
 * handles grow. 20 syncs in `npm test`, 300 with DEEPFLOW_SLOW=1 (or DEEPFLOW_SOAK_SYNCS).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { FaultKind, RunningEmulator } from '../../src/emulator/harness.js';
import type { ProviderName } from '../../src/model/index.js';
import { ROOT } from '../helpers/cli.js';
import type { ProviderProfile } from '../helpers/matrix.js';
import { TINY, profileOf, testedProviders } from '../helpers/matrix.js';
import { emulatedAccount, syncAgainst } from '../helpers/sync.js';

const SLOW = process.env['DEEPFLOW_SLOW'] === '1';
const SYNCS = Number(process.env['DEEPFLOW_SOAK_SYNCS'] ?? (SLOW ? 300 : 20));

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settle(): Promise<void> {
  return new Promise((r) => setTimeout(r, 50));
}

/**
 * Waits until idle keep-alive connections are gone: the emulators close them after Node's default
 * `keepAliveTimeout` (5 s), as a cloud endpoint does. What is left after that is held by someone.
 */
function idle(): Promise<void> {
  return new Promise((r) => setTimeout(r, 5_500));
}

/**
 * After `idle()`, waits (up to `maxMs`) until no TCP socket is open: on a loaded machine (CI runs two test files
 * at once) the emulators' and the SDKs' keep-alive timers fire late, so a fixed wait flakes, at the start as at
 * the end. A leaked socket never closes, so it still fails the assertion after the wait. Returns the extra ms.
 */
async function drained(maxMs: number): Promise<number> {
  const start = Date.now();
  while ((handles()['TCPSocketWrap'] ?? 0) > 0 && Date.now() - start < maxMs) await settle();
  return Date.now() - start;
}

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await settle();
  }
  return process.memoryUsage().heapUsed;
}

/** Active handles by type, without the timers of the test runner itself. */
function handles(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of process.getActiveResourcesInfo()) out[t] = (out[t] ?? 0) + 1;
  return out;
}
const total = (h: Record<string, number>): number => Object.values(h).reduce((a, b) => a + b, 0);

/** A small seeded PRNG (mulberry32), so the fault sequence is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAULTS: readonly { respond: FaultKind; times?: number }[] = [
  { respond: 'throttle', times: 2 },
  { respond: 'throttle' },
  { respond: 'server_error', times: 1 },
  { respond: 'bad_gateway' },
  { respond: 'unavailable', times: 1 },
  { respond: 'hang', times: 1 },
  { respond: 'reset', times: 1 },
  { respond: 'reset' },
  { respond: 'truncated' },
  { respond: 'malformed' },
  { respond: 'repeat_token' },
  { respond: 'forbidden' },
  { respond: 'auth_failure' },
  { respond: 'expired_token' },
  { respond: 'region_disabled' },
];

/** DEEPFLOW_SOAK_PROVIDERS=aws,aliyun narrows the soak (e.g. to measure one provider's figures). */
const PROVIDERS = ((): ProviderName[] => {
  const only = process.env['DEEPFLOW_SOAK_PROVIDERS'];
  const all = testedProviders();
  return only === undefined || only === '' ? all : all.filter((p) => only.split(',').includes(p));
})();
const running = new Map<ProviderName, { em: RunningEmulator; profile: ProviderProfile }>();

beforeAll(async () => {
  for (const p of PROVIDERS) {
    const profile = await profileOf(p);
    running.set(p, { em: await startEmulator(p, TINY), profile });
  }
}, 120_000);

afterAll(async () => {
  for (const { em } of running.values()) await em.close();
});

describe('soak', () => {
  it(
    `${SYNCS} consecutive syncs with random faults leak neither heap nor handles`,
    async () => {
      const random = prng(20261122);
      const pick = <T>(xs: readonly T[]): T => {
        const x = xs[Math.floor(random() * xs.length)];
        if (x === undefined) throw new Error('empty choice');
        return x;
      };
      const exits = new Map<number, number>();
      // Warm-up: every provider's SDK loaded and every code path compiled before the first measurement.
      for (let round = 0; round < 2; round++) {
        for (const { em } of running.values()) await syncAgainst([emulatedAccount(em)]);
      }
      await idle();
      await drained(15_000);
      const heapStart = await heapAfterGc();
      const handlesStart = handles();
      const started = Date.now();
      for (let i = 0; i < SYNCS; i++) {
        const { em, profile } = pick([...running.values()]);
        const fault = pick(FAULTS);
        const target = pick(profile.regionalOps);
        em.clearFaults();
        em.addFault({
          op: fault.respond === 'auth_failure' ? '*' : target.op,
          ...(fault.respond === 'auth_failure' ? {} : { service: target.service }),
          region: fault.respond === 'auth_failure' ? undefined : target.region,
          respond: fault.respond,
          ...(fault.times === undefined ? {} : { times: fault.times }),
        } as never);
        const out = await syncAgainst([emulatedAccount(em)], { requestTimeoutMs: 1_000 });
        exits.set(out.exitCode, (exits.get(out.exitCode) ?? 0) + 1);
        // The emulator records every request; a soak of one emulator must not measure that list.
        em.requests.length = 0;
        expect([0, 3, 4]).toContain(out.exitCode);
        expect(out.inventory.errors.filter((e) => e.error_kind === 'internal')).toEqual([]);
      }
      em_clear();
      await idle();
      const extraWaitMs = await drained(15_000);
      const heapEnd = await heapAfterGc();
      const handlesEnd = handles();
      const figures = {
        syncs: SYNCS,
        providers: PROVIDERS,
        seconds: Math.round((Date.now() - started) / 100) / 10,
        exit_codes: Object.fromEntries(exits),
        heap_used_mb_after_warmup: Math.round(heapStart / 1e5) / 10,
        heap_used_mb_at_end: Math.round(heapEnd / 1e5) / 10,
        heap_growth_kb_per_sync: Math.round((heapEnd - heapStart) / 1024 / SYNCS),
        handles_after_warmup: handlesStart,
        // Measured 5.5 s or more after the last sync, once the emulators closed idle keep-alive connections.
        handles_at_end: handlesEnd,
        // Beyond those 5.5 s, how long it took them to close (0 on a quiet machine).
        extra_wait_ms: extraWaitMs,
      };
      const file = process.env['DEEPFLOW_SOAK_REPORT'];
      if (file !== undefined && file !== '') {
        const path = join(ROOT, file);
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, `${JSON.stringify(figures, null, 2)}\n`);
      }
      // No growth that scales with the number of syncs: a leak of one client or one socket per sync shows.
      expect(heapEnd - heapStart, JSON.stringify(figures)).toBeLessThan(
        Math.max(16, SYNCS / 10) * 1024 * 1024,
      );
      expect(total(handlesEnd), JSON.stringify(figures)).toBeLessThanOrEqual(
        total(handlesStart) + 2,
      );
    },
    SLOW ? 1_800_000 : 300_000,
  );
});

function em_clear(): void {
  for (const { em } of running.values()) em.clearFaults();
}
