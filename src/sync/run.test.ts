import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.js';
import { fakeClock } from '../transport/clock.js';
import { DEFAULT_RETRY_POLICY } from '../transport/retry.js';
import type { FakeBehaviour } from '../../test/helpers/fake-adapter.js';
import { fakeAdapter } from '../../test/helpers/fake-adapter.js';
import { syncExitCode } from '../cli/exit.js';
import { createMetrics } from './metrics.js';
import type { SyncAccount } from './run.js';
import { runSync } from './run.js';
import { openNdjsonStream } from '../output/stream.js';
import { SCHEMA_VERSION } from '../model/index.js';

const REGIONS = [
  { id: 'r1', enabled: true },
  { id: 'r2', enabled: true },
  { id: 'r3', enabled: true },
  { id: 'r4', enabled: false },
];

function account(overrides: Partial<SyncAccount> = {}): SyncAccount {
  return {
    name: 'acct',
    provider: 'aws',
    credentials: { key: 'k' },
    regions: { include: [], exclude: [] },
    endpoints: {},
    concurrency: 2,
    options: {},
    ...overrides,
  };
}

async function sync(b: FakeBehaviour, accounts: SyncAccount[] = [account()]) {
  const clock = fakeClock();
  const result = await runSync({
    accounts,
    requestTimeoutMs: 1000,
    retry: DEFAULT_RETRY_POLICY,
    clock,
    log: silentLogger,
    signal: new AbortController().signal,
    metrics: createMetrics(),
    loadAdapter: () => Promise.resolve(fakeAdapter(b)),
  });
  return { result, clock };
}

describe('sync/run', () => {
  it('syncs every enabled region and reports disabled ones without an error', async () => {
    const { result } = await sync({ regions: REGIONS });
    const acc = result.accounts[0]!;
    expect(acc.summary).toMatchObject({
      status: 'ok',
      regions: ['r1', 'r2', 'r3'],
      disabled_regions: ['r4'],
      account_id: 'acct-k',
    });
    expect(acc.records.get('vpc')).toHaveLength(6);
    expect(acc.records.get('region')?.map((r) => r.native_id)).toEqual(['r1', 'r2', 'r3']);
    expect(acc.errors).toEqual([]);
    expect(syncExitCode(result, false)).toBe(0);
  });

  it('orders tasks round-robin across regions', async () => {
    const started: string[] = [];
    await sync({ regions: REGIONS, started }, [account({ concurrency: 1 })]);
    expect(started).toEqual(['vpc@r1', 'vpc@r2', 'vpc@r3', 'zone@r1', 'zone@r2', 'zone@r3']);
  });

  it('keeps in-flight requests within the account concurrency', async () => {
    const inflight = { now: 0, max: 0 };
    await sync({ regions: REGIONS, inflight, delayMs: 5 }, [account({ concurrency: 2 })]);
    expect(inflight.max).toBe(2);
  });

  it('skips a task denied on an optional operation and keeps everything else (exit 4)', async () => {
    const { result } = await sync({
      regions: REGIONS,
      failures: { 'zone@r2': 'permission_denied' },
    });
    const acc = result.accounts[0]!;
    expect(acc.summary.status).toBe('partial');
    expect(acc.records.get('vpc')).toHaveLength(6);
    expect(acc.records.get('zone')?.map((z) => z.region)).toEqual(
      expect.arrayContaining(['r1', 'r3']),
    );
    expect(acc.records.get('zone')).toHaveLength(2);
    expect(acc.errors).toEqual([
      expect.objectContaining({
        region: 'r2',
        kind: 'zone',
        error_kind: 'permission_denied',
        outcome: 'skipped',
        operation: 'fake:DescribeZones',
      }),
    ]);
    expect(syncExitCode(result, false)).toBe(4);
  });

  it('fails a task denied on a required operation — never an empty list', async () => {
    const { result } = await sync({
      regions: REGIONS,
      failures: { 'vpc@r1': 'permission_denied' },
    });
    const acc = result.accounts[0]!;
    expect(acc.records.get('vpc')?.some((v) => v.region === 'r1')).toBe(false);
    expect(acc.errors[0]).toMatchObject({
      outcome: 'failed',
      error_kind: 'permission_denied',
      region: 'r1',
    });
  });

  it('retries a transient error with backoff and then succeeds', async () => {
    const calls: Record<string, number> = {};
    const { result, clock } = await sync({
      regions: [{ id: 'r1', enabled: true }],
      calls,
      transient: { 'vpc@r1': { times: 2, kind: 'throttled' } },
    });
    expect(calls['vpc@r1']).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps.every((ms) => ms >= 0 && ms <= 1000)).toBe(true);
    expect(result.accounts[0]!.summary.status).toBe('ok');
  });

  it('gives up after the policy attempts and fails the task as throttled', async () => {
    const calls: Record<string, number> = {};
    const { result } = await sync({
      regions: [{ id: 'r1', enabled: true }],
      calls,
      transient: { 'vpc@r1': { times: 10, kind: 'throttled' } },
    });
    expect(calls['vpc@r1']).toBe(3);
    expect(result.accounts[0]!.errors[0]).toMatchObject({
      error_kind: 'throttled',
      outcome: 'failed',
    });
  });

  it('fails every task of an account whose credentials are rejected (exit 3)', async () => {
    const { result } = await sync({ regions: REGIONS, connectFailure: 'auth_failed' });
    const acc = result.accounts[0]!;
    expect(acc.summary.status).toBe('failed');
    expect(acc.fatal?.kind).toBe('auth_failed');
    expect(syncExitCode(result, false)).toBe(3);
  });

  it('one account failing auth among several is partial (exit 4), the other is complete', async () => {
    const good = fakeAdapter({ regions: REGIONS });
    const bad = fakeAdapter({ regions: REGIONS, connectFailure: 'auth_failed' });
    const result = await runSync({
      accounts: [account({ name: 'good' }), account({ name: 'bad', provider: 'aliyun' })],
      requestTimeoutMs: 1000,
      retry: DEFAULT_RETRY_POLICY,
      clock: fakeClock(),
      log: silentLogger,
      signal: new AbortController().signal,
      metrics: createMetrics(),
      loadAdapter: (p) => Promise.resolve(p === 'aws' ? good : bad),
    });
    expect(result.accounts.map((a) => a.summary.status)).toEqual(['ok', 'failed']);
    expect(syncExitCode(result, false)).toBe(4);
  });

  it('gives the same version for the same content', async () => {
    const a = await sync({ regions: REGIONS });
    const b = await sync({ regions: REGIONS });
    expect(a.result.accounts[0]!.summary.version).toBe(b.result.accounts[0]!.summary.version);
    const c = await sync({ regions: REGIONS, failures: { 'zone@r2': 'permission_denied' } });
    expect(c.result.accounts[0]!.summary.version).not.toBe(a.result.accounts[0]!.summary.version);
  });

  it('streams records to the sink while later tasks are still running, keeps none, same version', async () => {
    const written: string[] = [];
    const sink = {
      write: (c: string) => {
        written.push(c);
        return Promise.resolve();
      },
      commit: () => Promise.resolve(),
      abort: () => Promise.resolve(),
    };
    const stream = await openNdjsonStream(
      sink,
      {
        schema_version: SCHEMA_VERSION,
        tool: { name: 'deepflow-cloud', version: '0' },
        generated_at: 'T',
      },
      1,
    );
    const lines = (): number => written.join('').split('\n').length - 1;
    let tasksDone = 0;
    // At each batch after the first: how many lines the sink already had, and how many tasks were still to run.
    const seen: { lines: number; pending: number }[] = [];
    const result = await runSync({
      accounts: [account({ concurrency: 1 })],
      requestTimeoutMs: 1000,
      retry: DEFAULT_RETRY_POLICY,
      clock: fakeClock(),
      log: silentLogger,
      signal: new AbortController().signal,
      metrics: createMetrics(),
      loadAdapter: () => Promise.resolve(fakeAdapter({ regions: REGIONS, delayMs: 5 })),
      keepRecords: false,
      observer: {
        taskDone: () => {
          tasksDone += 1;
        },
        records: stream.records,
        stage: () => {
          const st = stream.stage();
          return {
            add: (kr) => {
              st.add(kr);
            },
            discard: () => {
              st.discard();
            },
            commit: async () => {
              seen.push({ lines: lines(), pending: 6 - tasksDone });
              await st.commit();
            },
          };
        },
      },
    });
    await stream.finish({ accounts: result.accounts.map((a) => a.summary), errors: [] });
    // One commit per task (6); at the third, the header, the 3 regions and the first two tasks' 2 VPCs each
    // were already on the sink, while tasks were still to run.
    expect(seen).toHaveLength(6);
    expect(seen[2]!.lines).toBe(1 + 3 + 2 * 2);
    expect(seen[2]!.pending).toBeGreaterThan(0);
    expect(
      written
        .join('')
        .split('\n')
        .filter((l) => l.includes('"vpc"')),
    ).toHaveLength(6);
    expect(result.accounts[0]!.records.size).toBe(0);
    const held = await sync({ regions: REGIONS });
    expect(result.accounts[0]!.summary.version).toBe(held.result.accounts[0]!.summary.version);
  });
});
