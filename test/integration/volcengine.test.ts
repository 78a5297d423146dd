import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/harness.js';
import { emptyKinds, unresolvedReferences } from '../helpers/references.js';
import { validateInventory } from '../helpers/schema.js';
import { emulatedAccount, syncAgainst } from '../helpers/sync.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  em = await startEmulator('volcengine', { scale: 'small', pageLimit: 2, ...opts });
  return em;
}

/** Operations for which some successful request asked for a page after the first. */
function pagedOperations(e: RunningEmulator): Set<string> {
  const paged = new Set<string>();
  for (const r of e.requests) {
    const n = Number(r.params['PageNumber'] ?? '1');
    if (r.status === 200 && (n >= 2 || r.params['NextToken'])) paged.add(`${r.service}:${r.op}`);
  }
  return paged;
}

const PAGED = [
  'ecs:DescribeRegions',
  'ecs:DescribeInstances',
  'vpc:DescribeVpcs',
  'vpc:DescribeSubnets',
  'vpc:DescribeNetworkInterfaces',
  'vpc:DescribeEipAddresses',
  'vpc:DescribeSecurityGroups',
  'vpc:DescribeRouteTableList',
  'vpc:DescribeRouteEntryList',
  'natgateway:DescribeNatGateways',
  'natgateway:DescribeSnatEntries',
  'clb:DescribeLoadBalancers',
  'clb:DescribeListeners',
  'rds_mysql:DescribeDBInstances',
  'redis:DescribeDBInstances',
  'cen:DescribeCens',
];

describe('volcengine against the emulator (@volcengine/openapi, signature verified)', () => {
  it('syncs every kind across ≥2 pages, schema-valid, every reference resolving', async () => {
    const e = await start();
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    // Volcengine has no VPC peering API the adapter calls (cross-VPC traffic goes through CEN).
    expect(emptyKinds(out.inventory)).toEqual(['peering_connections']);
    expect(unresolvedReferences(out.inventory)).toEqual([]);
    expect(validateInventory(out.inventory)).toEqual([]);
    const paged = pagedOperations(e);
    expect(PAGED.filter((op) => !paged.has(op))).toEqual([]);
    expect(new Set(out.inventory.rds_instances.map((r) => r.engine))).toEqual(
      new Set(['mysql', 'postgresql', 'sqlserver']),
    );
    expect(
      out.inventory.load_balancers.some((lb) => lb.listeners.some((l) => l.targets.length > 0)),
    ).toBe(true);
    // Every request was signed for the region and service it went to.
    expect(e.requests.every((r) => r.status === 200)).toBe(true);
  });

  it('skips the task of an optional operation denied (403 AccessDenied), exit 4', async () => {
    const e = await start({ faults: [{ op: 'DescribeNatGateways', respond: 'forbidden' }] });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['nat_gateway', 'vm'] })]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.nat_gateways).toEqual([]);
    expect(out.inventory.errors.length).toBeGreaterThan(0);
    for (const err of out.inventory.errors) {
      expect(err).toMatchObject({
        kind: 'nat_gateway',
        error_kind: 'permission_denied',
        outcome: 'skipped',
        operation: 'natgateway:DescribeNatGateways',
        code: 'AccessDenied',
      });
    }
    expect(out.inventory.vms.length).toBeGreaterThan(0);
  });

  it('fails the task of a required operation denied — never an empty list', async () => {
    const e = await start({
      faults: [{ op: 'DescribeVpcs', region: 'cn-beijing', respond: 'forbidden' }],
    });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['vpc', 'subnet'] })]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.vpcs.some((v) => v.region === 'cn-beijing')).toBe(false);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'cn-beijing',
        kind: 'vpc',
        outcome: 'failed',
        error_kind: 'permission_denied',
      }),
    ]);
  });

  it('retries two FlowLimitExceeded (429) answers in our call wrapper and completes', async () => {
    const e = await start({ faults: [{ op: 'DescribeInstances', times: 2, respond: 'throttle' }] });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['vm'] })]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(out.retries.get('ecs:DescribeInstances')).toBe(2);
    const statuses = e.requests.filter((r) => r.op === 'DescribeInstances').map((r) => r.status);
    expect(statuses.slice(0, 3)).toEqual([429, 429, 200]);
  });

  it('rejects a bad secret as auth_failed (exit 3) without echoing it', async () => {
    const e = await start();
    const secret = 'wrong-SECRET-value-abcdef0123456789';
    const out = await syncAgainst([
      emulatedAccount(e, {
        credentials: { access_key_id: e.credentials.accessKeyId, secret_access_key: secret },
      }),
    ]);
    expect(out.exitCode).toBe(3);
    expect(out.inventory.errors[0]).toMatchObject({
      error_kind: 'auth_failed',
      code: 'SignatureDoesNotMatch',
    });
    expect(JSON.stringify(out.inventory)).not.toContain(secret);
    expect(JSON.stringify(out.inventory)).not.toContain(e.credentials.accessKeyId);
  });

  it('rejects an unknown region as a config error naming the closest one', async () => {
    const e = await start();
    await expect(
      syncAgainst([emulatedAccount(e, { regions: { include: ['cn-guangzhuo'], exclude: [] } })]),
    ).rejects.toMatchObject({
      kind: 'config_invalid',
      message: expect.stringMatching(/cn-guangzhuo.*cn-guangzhou/),
    });
  });

  it('skips a service the region does not offer (InvalidRegion) as region_unavailable', async () => {
    const e = await start({
      faults: [{ op: 'ListClusters', region: 'cn-shanghai', respond: 'region_disabled' }],
    });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['kubernetes_cluster'] })]);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'cn-shanghai',
        kind: 'kubernetes_cluster',
        error_kind: 'region_unavailable',
        outcome: 'skipped',
        code: 'InvalidRegion',
      }),
    ]);
  });

  it('selects regions by Chinese name and by glob', async () => {
    const e = await start();
    const byName = await syncAgainst([
      emulatedAccount(e, {
        resources: ['vpc'],
        regions: { include: ['华南1（广州）'], exclude: [] },
      }),
    ]);
    expect(new Set(byName.inventory.vpcs.map((v) => v.region))).toEqual(new Set(['cn-guangzhou']));
    const byGlob = await syncAgainst([
      emulatedAccount(e, { resources: ['vpc'], regions: { include: ['cn-s*'], exclude: [] } }),
    ]);
    expect(new Set(byGlob.inventory.vpcs.map((v) => v.region))).toEqual(new Set(['cn-shanghai']));
  });

  it('turns a malformed body into provider_error without crashing', async () => {
    const e = await start({ faults: [{ op: 'DescribeRouteTableList', respond: 'malformed' }] });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['route_table', 'vpc'] })]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.errors.length).toBeGreaterThan(0);
    expect(
      out.inventory.errors.every(
        (x) => x.kind === 'route_table' && x.error_kind === 'provider_error',
      ),
    ).toBe(true);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
  });

  it('stops on a repeated NextToken and on a repeated page instead of looping', async () => {
    const e = await start({
      faults: [
        { op: 'DescribeInstances', region: 'cn-beijing', respond: 'repeat_token' },
        { op: 'DescribeEipAddresses', region: 'cn-beijing', respond: 'repeat_token' },
      ],
    });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['vm', 'public_ip'] })]);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({ region: 'cn-beijing', kind: 'public_ip', error_kind: 'truncated' }),
      expect.objectContaining({ region: 'cn-beijing', kind: 'vm', error_kind: 'truncated' }),
    ]);
  });

  it('times out a hanging response per request and fails only that task', async () => {
    const e = await start({
      faults: [{ op: 'DescribeEipAddresses', region: 'cn-beijing', respond: 'hang' }],
    });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['public_ip', 'vm'] })], {
      requestTimeoutMs: 300,
    });
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'cn-beijing',
        kind: 'public_ip',
        error_kind: 'network',
        outcome: 'failed',
      }),
    ]);
    expect(out.inventory.vms.length).toBeGreaterThan(0);
  });
});
