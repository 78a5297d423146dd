import { describe, expect, it } from 'vitest';
import type { AnyRecord, ResourceKind } from '../model/index.js';
import type { AccountResult } from '../sync/run.js';
import type { TaskOutcome } from '../sync/outcome.js';
import { contentVersion } from '../sync/version.js';
import type { DeepflowCloudError } from '../errors/errors.js';
import { ProviderError, RegionUnavailableError } from '../errors/errors.js';
import { carryForward } from './carry.js';
import type { AccountState } from './store.js';
import { STATE_FORMAT } from './store.js';

const T1 = '2026-11-22T01:00:00.000Z';
const T2 = '2026-11-22T02:00:00.000Z';

function vpc(region: string, n: number, extra: Partial<AnyRecord> = {}): AnyRecord {
  return {
    id: `aws/a/${region}/vpc/vpc-${n}`,
    native_id: `vpc-${n}`,
    name: `vpc-${n}`,
    provider: 'aws',
    account: 'a',
    region,
    tags: {},
    cidrs: ['10.0.0.0/16'],
    is_default: false,
    state: 'available',
    ...extra,
  };
}

function outcome(
  region: string,
  kind: ResourceKind,
  status: TaskOutcome['status'],
  err?: DeepflowCloudError,
): TaskOutcome {
  const base = { account: 'a', provider: 'aws' as const, region, kind, kinds: [kind], records: 0 };
  return err === undefined ? { ...base, status } : { ...base, status, error: err };
}

function account(records: AnyRecord[], outcomes: TaskOutcome[], fatal = false): AccountResult {
  const r: AccountResult = {
    summary: {
      name: 'a',
      provider: 'aws',
      status:
        outcomes.every((o) => o.status === 'ok') && !fatal ? 'ok' : fatal ? 'failed' : 'partial',
      regions: [],
      disabled_regions: [],
      version: contentVersion(records),
    },
    records: new Map([['vpc', records]]),
    outcomes,
    errors: [],
  };
  return fatal ? { ...r, fatal: new ProviderError('down') } : r;
}

function state(records: AnyRecord[]): Map<string, AccountState> {
  const s: AccountState = {
    format: STATE_FORMAT,
    account: 'a',
    provider: 'aws',
    saved_at: T1,
    summary: account(records, []).summary,
    records: { vpc: records },
  };
  return new Map([['a', s]]);
}

describe('state/carry', () => {
  it('carries a failed slice forward from the last good state, marked stale', () => {
    const prev = state([vpc('r1', 1), vpc('r2', 2)]);
    const run = account(
      [vpc('r1', 1)],
      [outcome('r1', 'vpc', 'ok'), outcome('r2', 'vpc', 'failed', new ProviderError('500'))],
    );
    const { result, uncovered, carried } = carryForward({ accounts: [run] }, prev, T2);
    expect(uncovered).toEqual([]);
    expect(carried).toBe(1);
    const acc = result.accounts[0]!;
    expect(acc.records.get('vpc')).toEqual([
      vpc('r1', 1),
      vpc('r2', 2, { stale: true, stale_since: T2 }),
    ]);
    expect(acc.summary.stale_slices).toEqual([
      { region: 'r2', kind: 'vpc', stale_since: T2, records: 1 },
    ]);
    expect(acc.summary.version).not.toBe(run.summary.version);
  });

  it('keeps the first stale_since across failing runs', () => {
    const prev = state([vpc('r2', 2, { stale: true, stale_since: T1 })]);
    const run = account([], [outcome('r2', 'vpc', 'failed', new ProviderError('500'))]);
    const acc = carryForward({ accounts: [run] }, prev, T2).result.accounts[0]!;
    expect(acc.records.get('vpc')?.[0]?.stale_since).toBe(T1);
    expect(acc.summary.stale_slices?.[0]?.stale_since).toBe(T1);
  });

  it('drops what a good sync of the slice no longer lists (deleted in the cloud)', () => {
    const prev = state([vpc('r1', 1), vpc('r1', 2)]);
    const run = account([vpc('r1', 1)], [outcome('r1', 'vpc', 'ok')]);
    const acc = carryForward({ accounts: [run] }, prev, T2).result.accounts[0]!;
    expect(acc.records.get('vpc')).toEqual([vpc('r1', 1)]);
    expect(acc.summary.stale_slices).toBeUndefined();
  });

  it('does not carry a region that is not available', () => {
    const prev = state([vpc('r3', 3)]);
    const run = account([], [outcome('r3', 'vpc', 'skipped', new RegionUnavailableError('gone'))]);
    const { result, uncovered } = carryForward({ accounts: [run] }, prev, T2);
    expect(result.accounts[0]!.records.get('vpc')).toEqual([]);
    expect(uncovered).toEqual([]);
  });

  it('carries a whole account whose connect failed; reports holes without state as uncovered', () => {
    const prev = state([vpc('r1', 1)]);
    const failed = account([], [], true);
    const acc = carryForward({ accounts: [failed] }, prev, T2).result.accounts[0]!;
    expect(acc.records.get('vpc')).toEqual([vpc('r1', 1, { stale: true, stale_since: T2 })]);
    expect(acc.summary.status).toBe('failed');
    const none = carryForward({ accounts: [failed] }, new Map(), T2);
    expect(none.uncovered).toEqual([{ account: 'a', region: '*', kind: '*' }]);
    const partial = account([], [outcome('r2', 'vpc', 'failed', new ProviderError('500'))]);
    expect(carryForward({ accounts: [partial] }, new Map(), T2).uncovered).toEqual([
      { account: 'a', region: 'r2', kind: 'vpc' },
    ]);
  });
});
