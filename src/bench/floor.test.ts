import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../emulator/harness.js';
import type { RegionResources, World } from '../emulator/world-types-services.js';
import { bucketSeconds, callsOf, computeFloor, stepsOf } from './floor.js';

/** A world whose regions only say how many VMs and load balancers they have. */
function fakeWorld(vms: Record<string, number>): World {
  return {
    resources: (region: string) =>
      ({
        region,
        vms: { length: vms[region] ?? 0 },
        loadBalancers: Array.from({ length: 3 }, (_, i) => ({ id: `lb-${i}` })),
      }) as unknown as RegionResources,
  } as unknown as World;
}

const model = (
  m: Partial<OperationModel> & Pick<OperationModel, 'op' | 'paging'>,
): OperationModel => ({
  service: 'svc',
  maxPageSize: 1000,
  scope: 'regional',
  items: () => 0,
  ...m,
});

const MODELS: OperationModel[] = [
  model({ op: 'Identity', paging: 'single', scope: 'global', items: () => 1 }),
  model({ op: 'Regions', paging: 'single', scope: 'global', items: () => 1, after: ['Identity'] }),
  model({ op: 'Vms', paging: 'token', items: (r) => r.vms.length, after: ['Regions'] }),
  model({
    op: 'Pages',
    paging: 'number',
    maxPageSize: 100,
    items: (r) => r.vms.length,
    after: ['Regions'],
  }),
  model({
    op: 'Lbs',
    paging: 'token',
    maxPageSize: 400,
    items: (r) => r.loadBalancers.length,
    after: ['Regions'],
  }),
  model({
    op: 'Listeners',
    paging: 'item',
    items: (r) => r.loadBalancers.length,
    after: ['Lbs'],
  }),
];

describe('bench/floor', () => {
  it('counts a page per max page size, at least one, and one call per item', () => {
    expect(callsOf(model({ op: 'a', paging: 'token' }), 0)).toBe(1);
    expect(callsOf(model({ op: 'a', paging: 'token' }), 1000)).toBe(1);
    expect(callsOf(model({ op: 'a', paging: 'token' }), 1001)).toBe(2);
    expect(callsOf(model({ op: 'a', paging: 'single' }), 5000)).toBe(1);
    expect(callsOf(model({ op: 'a', paging: 'item' }), 0)).toBe(0);
    expect(callsOf(model({ op: 'a', paging: 'item' }), 7)).toBe(7);
  });

  it('chains token pages, but only two steps for page-number paging', () => {
    expect(stepsOf(model({ op: 'a', paging: 'token' }), 5)).toBe(5);
    expect(stepsOf(model({ op: 'a', paging: 'number' }), 1)).toBe(1);
    expect(stepsOf(model({ op: 'a', paging: 'number' }), 25)).toBe(2);
    expect(stepsOf(model({ op: 'a', paging: 'item' }), 12)).toBe(1);
    expect(stepsOf(model({ op: 'a', paging: 'item' }), 0)).toBe(0);
  });

  it('computes the minimum calls and the longest chain of a world', () => {
    const floor = computeFloor({
      models: MODELS,
      world: fakeWorld({ r1: 2500, r2: 10 }),
      regions: ['r1', 'r2'],
      latencyMs: 50,
    });
    // Identity 1 + Regions 1 + Vms (3 + 1) + Pages (25 + 1) + Lbs (1 + 1) + Listeners (3 + 3).
    expect(floor.minCalls).toBe(40);
    expect(floor.perOperation).toContainEqual({ operation: 'svc:Vms', calls: 4 });
    // Identity → Regions → 3 token pages of VMs in r1.
    expect(floor.chainSteps).toBe(5);
    expect(floor.chainS).toBeCloseTo(0.25);
    expect(floor.rateS).toBe(0);
    expect(floor.floorS).toBeCloseTo(0.25);
  });

  it('takes the rate-limit floor when a bucket binds (emulator per operation, provider per region)', () => {
    const world = fakeWorld({ r1: 2500 });
    const emulator = computeFloor({
      models: MODELS,
      world,
      regions: ['r1'],
      latencyMs: 50,
      emulatorLimit: { perSecond: 10, burst: 5 },
    });
    // Pages: 25 calls in one (region, operation) bucket → (25 − 5) / 10 s.
    expect(emulator.rateS).toBeCloseTo(2);
    expect(emulator.floorS).toBeCloseTo(2);
    const provider = computeFloor({
      models: MODELS,
      world,
      regions: ['r1'],
      latencyMs: 50,
      providerLimits: [{ service: 'svc', bucket: 'region', perSecond: 20, burst: 10 }],
    });
    // Every call of r1 shares one bucket: 3 + 25 + 1 + 3 = 32 regional calls, the 2 global ones apart.
    expect(provider.rateS).toBeCloseTo((32 - 10) / 20);
  });

  it('spends nothing beyond the burst', () => {
    expect(bucketSeconds(40, { perSecond: 20, burst: 100 })).toBe(0);
    expect(bucketSeconds(140, { perSecond: 20, burst: 100 })).toBe(2);
  });

  it('rejects a model that depends on itself', () => {
    expect(() =>
      computeFloor({
        models: [model({ op: 'Loop', paging: 'single', after: ['Loop'] })],
        world: fakeWorld({}),
        regions: ['r1'],
        latencyMs: 50,
      }),
    ).toThrow('depends on itself');
  });
});

describe('bench/floor account-wide lists', () => {
  it('sums every synced region’s items into one listing (ARM lists per subscription)', () => {
    const world = fakeWorld({ r1: 700, r2: 700, r3: 700 });
    const floor = computeFloor({
      models: [model({ op: 'Vms', paging: 'token', scope: 'account', items: (r) => r.vms.length })],
      world,
      regions: ['r1', 'r2', 'r3'],
      latencyMs: 50,
    });
    // 2100 items at 1000 a page: 3 pages, one after another (token paging), whatever the region count.
    expect(floor.minCalls).toBe(3);
    expect(floor.chainSteps).toBe(3);
    const one = computeFloor({
      models: [model({ op: 'Vms', paging: 'token', scope: 'account', items: (r) => r.vms.length })],
      world,
      regions: ['r1'],
      latencyMs: 50,
    });
    expect(one.minCalls).toBe(1);
  });
});
