/**
 * The performance model of DESIGN §10, pure: from a provider's `OperationModel`s and a world, the minimum
 * number of API calls of a full sync and the floor of its API phase (the longest chain of dependent calls
 * times the latency, or the time the rate limits impose, whichever is larger).
 */
import type { OperationModel } from '../emulator/harness.js';
import type { World } from '../emulator/world-types-services.js';
import type { RateLimit } from '../providers/types.js';
import { rateLimitOf } from '../providers/types.js';

/** A token bucket: `burst` requests at once, then `perSecond`. */
export interface BucketLimit {
  readonly perSecond: number;
  readonly burst: number;
}

export interface FloorInput {
  readonly models: readonly OperationModel[];
  readonly world: World;
  /** The regions the sync covers (the world's enabled ones, or a subset). */
  readonly regions: readonly string[];
  readonly latencyMs: number;
  /** The emulator's rate limit, one bucket per (region, operation name). */
  readonly emulatorLimit?: BucketLimit | undefined;
  /** The provider's published limits, which the sync paces itself by. */
  readonly providerLimits?: readonly RateLimit[] | undefined;
}

export interface OperationCalls {
  /** `service:op`. */
  readonly operation: string;
  readonly calls: number;
}

export interface Floor {
  /** Minimum calls of the whole sync. */
  readonly minCalls: number;
  /** Minimum calls per `service:op` (models sharing a name are summed), sorted by name. */
  readonly perOperation: readonly OperationCalls[];
  /** Round trips on the longest chain of dependent calls. */
  readonly chainSteps: number;
  readonly chainS: number;
  /** Seconds the tightest rate-limit bucket imposes. */
  readonly rateS: number;
  /** max(chainS, rateS). */
  readonly floorS: number;
}

const GLOBAL = '';

/** Calls one model makes in one region: a page per `maxPageSize` items (at least one), or one per item. */
export function callsOf(model: OperationModel, items: number): number {
  if (model.paging === 'item') return Math.max(0, items);
  if (model.paging === 'single') return 1;
  return Math.max(1, Math.ceil(items / Math.max(1, model.maxPageSize)));
}

/**
 * Round trips one model takes once it may start: token pages are sequential; page-number/offset pages are
 * page 1 then the rest at once; a single call is one; per-item calls all go at once (none when no items).
 */
export function stepsOf(model: OperationModel, calls: number): number {
  switch (model.paging) {
    case 'token':
      return calls;
    case 'number':
      return calls <= 1 ? 1 : 2;
    case 'single':
      return 1;
    case 'item':
      return calls > 0 ? 1 : 0;
  }
}

interface Cost {
  readonly model: OperationModel;
  /** `GLOBAL` for global operations. */
  readonly region: string;
  readonly calls: number;
  readonly steps: number;
}

function costs(input: FloorInput): Cost[] {
  const out: Cost[] = [];
  const first = input.regions[0];
  for (const model of input.models) {
    if (model.scope === 'account') {
      // One listing of every synced region's items (ARM lists per subscription, not per location).
      const items = input.regions.reduce(
        (n, region) => n + model.items(input.world.resources(region), input.world),
        0,
      );
      const calls = callsOf(model, items);
      out.push({ model, region: GLOBAL, calls, steps: stepsOf(model, calls) });
      continue;
    }
    if (model.scope === 'global') {
      // A global operation counts what the whole account has; it is given the first region's resources.
      const res = input.world.resources(first ?? '');
      const calls = callsOf(model, model.items(res, input.world));
      out.push({ model, region: GLOBAL, calls, steps: stepsOf(model, calls) });
      continue;
    }
    for (const region of input.regions) {
      const calls = callsOf(model, model.items(input.world.resources(region), input.world));
      out.push({ model, region, calls, steps: stepsOf(model, calls) });
    }
  }
  return out;
}

/** The longest chain, in round trips: each operation starts when every operation it is `after` has answered. */
function chainSteps(all: readonly Cost[]): number {
  const byName = new Map<string, Cost[]>();
  for (const c of all) {
    const key = `${c.region}\u0000${c.model.op}`;
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  const memo = new Map<Cost, number>();
  const visiting = new Set<Cost>();
  const end = (c: Cost): number => {
    const hit = memo.get(c);
    if (hit !== undefined) return hit;
    if (visiting.has(c)) throw new Error(`operation ${c.model.op} depends on itself`);
    visiting.add(c);
    let start = 0;
    for (const name of c.model.after ?? []) {
      // A dependency in the same region, else the global one.
      const deps = byName.get(`${c.region}\u0000${name}`) ?? byName.get(`${GLOBAL}\u0000${name}`);
      for (const d of deps ?? []) start = Math.max(start, end(d));
    }
    visiting.delete(c);
    const value = start + c.steps;
    memo.set(c, value);
    return value;
  };
  return all.reduce((m, c) => Math.max(m, end(c)), 0);
}

/** Seconds a bucket needs for `calls` requests: what exceeds the burst, at the refill rate. */
export function bucketSeconds(calls: number, limit: BucketLimit): number {
  return limit.perSecond > 0 ? Math.max(0, calls - limit.burst) / limit.perSecond : 0;
}

function rateSeconds(all: readonly Cost[], input: FloorInput): number {
  const emulator = new Map<string, number>();
  const provider = new Map<string, { calls: number; limit: RateLimit }>();
  for (const c of all) {
    const key = `${c.region}\u0000${c.model.op}`;
    emulator.set(key, (emulator.get(key) ?? 0) + c.calls);
    const limit = rateLimitOf(input.providerLimits, {
      service: c.model.service,
      action: c.model.op,
    });
    if (limit === undefined) continue;
    const scope = limit.bucket === 'region' ? limit.service : `${c.model.service}:${c.model.op}`;
    const pkey = `${c.region}\u0000${scope}`;
    const prev = provider.get(pkey);
    provider.set(pkey, { calls: (prev?.calls ?? 0) + c.calls, limit });
  }
  let worst = 0;
  if (input.emulatorLimit !== undefined) {
    for (const calls of emulator.values())
      worst = Math.max(worst, bucketSeconds(calls, input.emulatorLimit));
  }
  for (const { calls, limit } of provider.values())
    worst = Math.max(worst, bucketSeconds(calls, limit));
  return worst;
}

export function computeFloor(input: FloorInput): Floor {
  const all = costs(input);
  const per = new Map<string, number>();
  for (const c of all) {
    const key = `${c.model.service}:${c.model.op}`;
    per.set(key, (per.get(key) ?? 0) + c.calls);
  }
  const steps = chainSteps(all);
  const chainS = (steps * input.latencyMs) / 1000;
  const rateS = rateSeconds(all, input);
  return {
    minCalls: all.reduce((n, c) => n + c.calls, 0),
    perOperation: [...per.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([operation, calls]) => ({ operation, calls })),
    chainSteps: steps,
    chainS,
    rateS,
    floorS: Math.max(chainS, rateS),
  };
}
