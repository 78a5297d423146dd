import { afterEach, describe, expect, it } from 'vitest';
import { checkExitCode, renderCheckJunit, renderWarnings } from '../../src/check/report.js';
import type { AccountCheck, CheckOptions, CheckRow } from '../../src/check/run.js';
import { checkAccount, runCheck } from '../../src/check/run.js';
import { startEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/harness.js';
import { silentLogger } from '../../src/log/logger.js';
import { adapter } from '../../src/providers/aws/index.js';
import { operationKey } from '../../src/providers/types.js';
import { createMetrics } from '../../src/sync/metrics.js';
import type { AnyAdapter } from '../../src/sync/account.js';
import type { SyncAccount } from '../../src/sync/run.js';
import { systemClock } from '../../src/transport/clock.js';
import { RetryBudget } from '../../src/transport/retry.js';
import { findAll, parseXml } from '../helpers/xml.js';
import { FAST_RETRY, emulatedAccount } from '../helpers/sync.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  em = await startEmulator('aws', { scale: 'tiny', ...opts });
  return em;
}

async function check(
  accounts: SyncAccount[],
  opts: CheckOptions = {},
): Promise<{ accounts: AccountCheck[]; code: number }> {
  const results = await runCheck(
    accounts,
    {
      requestTimeoutMs: 5_000,
      retry: FAST_RETRY,
      budget: new RetryBudget(FAST_RETRY.budget),
      clock: systemClock,
      log: silentLogger,
      signal: new AbortController().signal,
      metrics: createMetrics(),
    },
    opts,
  );
  return { accounts: results, code: checkExitCode(results, false) };
}

function row(a: AccountCheck | undefined, action: string, version?: string): CheckRow {
  const r = a?.rows.find((x) => x.action === action && x.version === version);
  if (r === undefined) throw new Error(`no row for ${action}`);
  return r;
}

/** Every operation the AWS adapter declares, once. */
const DECLARED = [
  ...new Set(
    [...adapter.accountOperations, ...adapter.fetchers.flatMap((f) => f.operations)].map(
      operationKey,
    ),
  ),
];

describe('check against the AWS emulator', () => {
  it('all allowed: every declared operation has one row, all ok (AssumeRole not used), exit 0', async () => {
    const e = await start();
    const { accounts, code } = await check([emulatedAccount(e)]);
    expect(code).toBe(0);
    const a = accounts[0];
    expect(a?.accountId).toMatch(/^\d{12}$/);
    expect(a?.region).toBe('us-east-1');
    expect(a?.rows.map(operationKey)).toEqual(DECLARED);
    for (const r of a?.rows ?? []) {
      if (r.action === 'AssumeRole') expect(r.result).toBe('skipped');
      else expect(r.result, operationKey(r)).toBe('ok');
    }
    // Each probed operation called once, in the one region, with the smallest page size.
    const calls = e.requests.filter((r) => r.region === 'us-east-1' && r.service !== 'sts');
    const vpcs = calls.filter((r) => r.op === 'DescribeVpcs');
    expect(vpcs).toHaveLength(1);
    expect(vpcs[0]?.params['MaxResults']).toBe('5');
    expect(calls.find((r) => r.op === 'DescribeDBInstances')?.params['MaxRecords']).toBe('20');
    expect(calls.find((r) => r.op === 'ListClusters')?.params['maxResults']).toBe('1');
    expect(new Set(e.requests.map((r) => r.region))).toEqual(new Set(['us-east-1']));
  });

  it('a required operation denied: exit 5, the row names it with the code and permission', async () => {
    const e = await start({ faults: [{ op: 'DescribeSubnets', respond: 'forbidden' }] });
    const { accounts, code } = await check([emulatedAccount(e)]);
    expect(code).toBe(5);
    const r = row(accounts[0], 'DescribeSubnets');
    expect(r).toMatchObject({
      required: true,
      result: 'denied',
      code: 'UnauthorizedOperation',
      permission: 'ec2:DescribeSubnets',
    });
    expect(accounts[0]?.rows.filter((x) => x.result !== 'ok').map((x) => x.action)).toEqual([
      'AssumeRole',
      'DescribeSubnets',
    ]);
    expect(renderWarnings(accounts)).toMatch(/error: test: required ec2:DescribeSubnets denied/);
  });

  it('an optional operation denied: exit 0 with a warning row', async () => {
    const e = await start({ faults: [{ op: 'DescribeNatGateways', respond: 'forbidden' }] });
    const { accounts, code } = await check([emulatedAccount(e)]);
    expect(code).toBe(0);
    expect(row(accounts[0], 'DescribeNatGateways')).toMatchObject({
      required: false,
      result: 'denied',
    });
    expect(renderWarnings(accounts)).toMatch(
      /warning: test: optional ec2:DescribeNatGateways denied .*grant ec2:DescribeNatGateways/,
    );
    const xml = parseXml(renderCheckJunit(accounts));
    const skipped = findAll(xml, 'testcase').filter((t) => findAll(t, 'skipped').length > 0);
    expect(skipped.map((t) => t.attrs['name'])).toContain('ec2:DescribeNatGateways (optional)');
    expect(findAll(xml, 'failure')).toEqual([]);
  });

  it('per-item operations: a placeholder id answered not-found proves the permission', async () => {
    // Listing load balancers and clusters denied: the per-item probes fall back to placeholder ids.
    const e = await start({
      faults: [
        { op: 'DescribeLoadBalancers', respond: 'forbidden' },
        { op: 'DescribeTargetGroups', respond: 'forbidden' },
        { op: 'ListClusters', respond: 'forbidden' },
      ],
    });
    const { accounts, code } = await check([emulatedAccount(e)]);
    expect(code).toBe(0);
    const a = accounts[0];
    expect(row(a, 'DescribeLoadBalancers').result).toBe('denied');
    expect(row(a, 'DescribeListeners')).toMatchObject({
      result: 'ok',
      via: 'placeholder',
      code: expect.stringMatching(/^LoadBalancerNotFound/) as unknown,
    });
    expect(row(a, 'DescribeTargetHealth')).toMatchObject({ result: 'ok', via: 'placeholder' });
    expect(row(a, 'DescribeInstanceHealth', '2012-06-01')).toMatchObject({
      result: 'ok',
      via: 'placeholder',
    });
    expect(row(a, 'DescribeCluster')).toMatchObject({
      result: 'ok',
      via: 'placeholder',
      code: 'ResourceNotFoundException',
    });
  });

  it('a per-item operation denied is denied, not ok, even with a placeholder id', async () => {
    const e = await start({ faults: [{ op: 'DescribeCluster', respond: 'forbidden' }] });
    const { accounts } = await check([emulatedAccount(e)]);
    expect(row(accounts[0], 'DescribeCluster').result).toBe('denied');
  });

  it('classifies throttled (after the retries), not_enabled and error', async () => {
    const e = await start({
      faults: [
        { op: 'DescribeVpcs', respond: 'throttle' },
        { op: 'DescribeDBInstances', respond: 'region_disabled' },
        { op: 'DescribeAddresses', respond: 'server_error' },
      ],
    });
    const { accounts, code } = await check([emulatedAccount(e)]);
    expect(code).toBe(5);
    expect(row(accounts[0], 'DescribeVpcs').result).toBe('throttled');
    expect(e.requests.filter((r) => r.op === 'DescribeVpcs')).toHaveLength(FAST_RETRY.maxAttempts);
    expect(row(accounts[0], 'DescribeDBInstances').result).toBe('not_enabled');
    expect(row(accounts[0], 'DescribeAddresses').result).toBe('error');
  });

  it('a bad secret: auth_failed on the identity call, nothing else called, exit 3', async () => {
    const e = await start();
    const secret = 'wrong-SECRET-value-abcdef0123456789';
    const acct = emulatedAccount(e, {
      credentials: { access_key_id: e.credentials.accessKeyId, secret_access_key: secret },
    });
    const { accounts, code } = await check([acct]);
    expect(code).toBe(3);
    expect(row(accounts[0], 'GetCallerIdentity').result).toBe('auth_failed');
    expect(accounts[0]?.rows.filter((r) => r.result === 'ok')).toEqual([]);
    expect(JSON.stringify(accounts)).not.toContain(secret);
    expect(e.requests.filter((r) => r.service !== 'sts')).toEqual([]);
  });

  it('--expect-account-id: a different account fails the check (exit 5)', async () => {
    const e = await start();
    const { accounts, code } = await check([emulatedAccount(e)], {
      expectAccountId: '000000000000',
    });
    expect(code).toBe(5);
    expect(accounts[0]?.problem?.kind).toBe('account_mismatch');
    const ok = await check([emulatedAccount(e)], { expectAccountId: accounts[0]?.accountId });
    expect(ok.code).toBe(0);
  });

  it('with role_arn, AssumeRole is checked too; --region picks the region', async () => {
    const e = await start();
    const acct = emulatedAccount(e, {
      credentials: {
        access_key_id: e.credentials.accessKeyId,
        secret_access_key: e.credentials.secretAccessKey,
        role_arn: 'arn:aws:iam::210987654321:role/deepflow-reader',
      },
    });
    const { accounts, code } = await check([acct], { region: 'eu-west-1' });
    expect(code).toBe(0);
    expect(row(accounts[0], 'AssumeRole').result).toBe('ok');
    expect(accounts[0]).toMatchObject({ accountId: '210987654321', region: 'eu-west-1' });
  });

  it('checks only the operations of the selected kinds', async () => {
    const e = await start();
    const { accounts } = await check([emulatedAccount(e, { resources: ['vpc', 'subnet'] })]);
    expect(accounts[0]?.rows.map((r) => r.action)).toEqual([
      'GetCallerIdentity',
      'AssumeRole',
      'DescribeRegions',
      'DescribeVpcs',
      'DescribeSubnets',
    ]);
  });
});

describe('check of an adapter without probes (how a new provider starts)', () => {
  it('runs each fetcher to its first record and reports what it called', async () => {
    const e = await start({ faults: [{ op: 'DescribeNatGateways', respond: 'forbidden' }] });
    const bare = { ...adapter, probes: undefined } as unknown as AnyAdapter;
    const result = await checkAccount(emulatedAccount(e), bare, {
      requestTimeoutMs: 5_000,
      retry: FAST_RETRY,
      budget: new RetryBudget(FAST_RETRY.budget),
      clock: systemClock,
      log: silentLogger,
      signal: new AbortController().signal,
      metrics: createMetrics(),
    });
    expect(result.rows.map(operationKey)).toEqual(DECLARED);
    expect(row(result, 'DescribeVpcs')).toMatchObject({ result: 'ok', via: 'fetch' });
    expect(row(result, 'DescribeNatGateways').result).toBe('denied');
    expect(checkExitCode([result], false)).toBe(0);
    for (const r of result.rows) {
      // Never ok without a call: anything not called is skipped.
      if (r.result === 'ok') expect(['fetch', 'connect', 'list_regions']).toContain(r.via);
    }
  });
});
