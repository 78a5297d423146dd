/**
 * What the reliability suites (fault matrix, secret audit, soak) derive from each provider, generically:
 * the providers that have both an adapter and an emulator, a region to aim faults at, a required and an
 * optional operation the adapter really calls there, and a baseline sync to compare against. A provider joins
 * every suite the moment it is registered in `src/providers/registry.ts` and `src/emulator/index.ts`.
 */
import { emulatedProviders, startEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/harness.js';
import type { AnyRecord, Inventory, ProviderName } from '../../src/model/index.js';
import { KIND_KEYS, RESOURCE_KINDS } from '../../src/model/index.js';
import { isAvailable } from '../../src/providers/registry.js';
import type { Operation } from '../../src/providers/types.js';
import type { AnyAdapter } from '../../src/sync/account.js';
import { loadAdapter } from '../../src/sync/account.js';
import { canonicalJson } from '../../src/sync/version.js';
import type { EmulatedSync } from './sync.js';
import { emulatedAccount, syncAgainst } from './sync.js';

/** Providers with an adapter and an emulator, in registry order. */
export function testedProviders(): ProviderName[] {
  return emulatedProviders().filter((p) => isAvailable(p));
}

/** The emulator options every reliability suite uses: a tiny world that still pages. */
export const TINY: EmulatorOptions = { scale: 'tiny', pageLimit: 2, seed: 7 };

/** What the suites know about a provider after one fault-free sync. */
export interface ProviderProfile {
  readonly provider: ProviderName;
  readonly adapter: AnyAdapter;
  /** Where regional faults are aimed: the last enabled region (not where account-wide calls go). */
  readonly region: string;
  /**
   * True when the regional fetchers list account-wide (Azure lists per subscription, and its emulator records
   * those calls under `global`): one call serves every region, so a fault on it hits the kind in every region.
   */
  readonly accountWide: boolean;
  /** Where the emulator records `requiredOp` (and `optionalOp`): `region`, or the account-wide pseudo-region. */
  readonly opRegion: string;
  /** The regions whose tasks a fault on `requiredOp` fails: `[region]`, or every enabled region. */
  readonly errorRegions: readonly string[];
  /** A required operation of a regional fetcher, called in `opRegion`. */
  readonly requiredOp: Operation;
  /** An optional operation that is the first call of a regional fetcher, called in `opRegion`. */
  readonly optionalOp: Operation | undefined;
  /**
   * Every (service, action) of a regional fetcher the sync called with success in `region` (and, for an
   * account-wide provider, in `opRegion`), with the region the emulator recorded it under.
   */
  readonly regionalOps: readonly { service: string; op: string; region: string }[];
  readonly baseline: EmulatedSync;
}

/** `service:action` of an operation as `errors[].operation` names it. */
export function opName(op: { service: string; action: string }): string {
  return `${op.service}:${op.action}`;
}

function called(em: RunningEmulator, region: string, op: Operation): boolean {
  return em.requests.some(
    (r) =>
      r.region === region && r.op === op.action && r.service === op.service && r.status === 200,
  );
}

/** Runs a fault-free sync of the tiny world and derives the provider's profile; throws when it cannot. */
export async function profileOf(provider: ProviderName): Promise<ProviderProfile> {
  const adapter = await loadAdapter(provider);
  const em = await startEmulator(provider, TINY);
  try {
    const baseline = await syncAgainst([emulatedAccount(em)], { requestTimeoutMs: 15_000 });
    const enabled = em.world.regions.filter((r) => r.enabled).map((r) => r.id);
    const region = enabled.at(-1);
    if (region === undefined) throw new Error(`${provider}: the tiny world has no enabled region`);
    const regional = adapter.fetchers.filter((f) => f.scope === 'regional');
    const required = regional.flatMap((f) => f.operations.filter((o) => o.required));
    // A regional fetcher's required call is recorded in the region, or — when the provider lists account-wide
    // — under a region id that is no region of the world (the emulator's `global`).
    const worldRegions = new Set(em.world.regions.map((r) => r.id));
    const accountRegions = [
      ...new Set(em.requests.map((r) => r.region).filter((r) => r !== '' && !worldRegions.has(r))),
    ];
    const inRegion = required.find((o) => called(em, region, o));
    const wide =
      inRegion === undefined
        ? accountRegions
            .map((at) => ({ at, op: required.find((o) => called(em, at, o)) }))
            .find((x) => x.op !== undefined)
        : undefined;
    const requiredOp = inRegion ?? wide?.op;
    if (requiredOp === undefined) {
      throw new Error(`${provider}: no required operation of a regional fetcher was called`);
    }
    const accountWide = inRegion === undefined;
    const opRegion = wide?.at ?? region;
    const optionalOp = regional
      .map((f) => f.operations[0])
      .find((o): o is Operation => o !== undefined && !o.required && called(em, opRegion, o));
    const declared = new Set(regional.flatMap((f) => f.operations).map((o) => opName(o)));
    const seen = new Map<string, { service: string; op: string; region: string }>();
    for (const r of em.requests) {
      if (r.status !== 200) continue;
      if (r.region === region) seen.set(`${r.service}:${r.op}`, r);
      else if (accountWide && r.region === opRegion && declared.has(`${r.service}:${r.op}`)) {
        seen.set(`${r.service}:${r.op}`, r);
      }
    }
    return {
      provider,
      adapter,
      region,
      accountWide,
      opRegion,
      errorRegions: accountWide ? enabled : [region],
      requiredOp,
      optionalOp,
      regionalOps: [...seen.values()].map(({ service, op, region: at }) => ({
        service,
        op,
        region: at,
      })),
      baseline,
    };
  } finally {
    await em.close();
  }
}

/** Records by id, as canonical JSON, of every kind. */
export function recordsById(inv: Inventory): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of RESOURCE_KINDS) {
    for (const r of inv[KIND_KEYS[k]] as AnyRecord[]) out.set(r.id, canonicalJson(r));
  }
  return out;
}
