import { afterEach, describe, expect, it } from 'vitest';
import { syncExitCode } from '../../src/cli/exit.js';
import { startEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/harness.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Inventory } from '../../src/model/index.js';
import { buildInventory } from '../../src/output/document.js';
import { createMetrics } from '../../src/sync/metrics.js';
import type { SyncAccount } from '../../src/sync/run.js';
import { runSync } from '../../src/sync/run.js';
import { systemClock } from '../../src/transport/clock.js';
import { emptyKinds, unresolvedReferences } from '../helpers/references.js';
import { FAST_RETRY } from '../helpers/sync.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  em = await startEmulator('aliyun', { scale: 'small', pageLimit: 2, ...opts });
  return em;
}

/** One Aliyun account pointed at the emulator: the real adapter and pop-core over HTTP. */
function account(e: RunningEmulator, overrides: Partial<SyncAccount> = {}): SyncAccount {
  return {
    name: 'test',
    provider: 'aliyun',
    credentials: e.configCredentials,
    regions: { include: [], exclude: [] },
    endpoints: e.endpoints,
    concurrency: 8,
    options: { default_region: 'cn-hangzhou' },
    ...overrides,
  };
}

async function sync(acc: SyncAccount, requestTimeoutMs = 5_000) {
  const metrics = createMetrics();
  const signal = new AbortController().signal;
  const result = await runSync({
    accounts: [acc],
    requestTimeoutMs,
    retry: FAST_RETRY,
    clock: systemClock,
    log: silentLogger,
    signal,
    metrics,
  });
  const inventory: Inventory = buildInventory(result, {
    toolVersion: 'test',
    generatedAt: '2026-11-22T00:00:00.000Z',
  });
  return { inventory, exitCode: syncExitCode(result, signal.aborted), retries: metrics.retries };
}

/** Operations for which some successful request asked for a page after the first. */
function pagedOperations(e: RunningEmulator): Set<string> {
  const paged = new Set<string>();
  for (const r of e.requests) {
    const n = Number(r.params['PageNumber'] ?? r.params['page_number'] ?? '1');
    if (r.status === 200 && (n >= 2 || r.params['NextToken'])) paged.add(`${r.service}:${r.op}`);
  }
  return paged;
}

const PAGED = [
  'vpc:DescribeVpcs',
  'vpc:DescribeVSwitches',
  'ecs:DescribeInstances',
  'ecs:DescribeNetworkInterfaces',
  'vpc:DescribeEipAddresses',
  'ecs:DescribeSecurityGroups',
  'vpc:DescribeRouteTableList',
  'vpc:DescribeRouteEntryList',
  'vpc:DescribeNatGateways',
  'slb:DescribeLoadBalancers',
  'alb:ListListeners',
  'alb:ListServerGroupServers',
  'rds:DescribeDBInstances',
  'r-kvstore:DescribeInstances',
  'cbn:DescribeCens',
  'vpcpeer:ListVpcPeerConnections',
  'cs:DescribeClustersV1',
];

describe('aliyun against the emulator (pop-core, signature verified)', () => {
  it('syncs every kind across ≥2 pages, every reference resolving', async () => {
    const e = await start();
    const out = await sync(account(e));
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(emptyKinds(out.inventory)).toEqual([]);
    expect(unresolvedReferences(out.inventory)).toEqual([]);
    // The account id comes from STS GetCallerIdentity, asked once beside DescribeRegions.
    expect(out.inventory.accounts[0]?.account_id).toBe(e.world.accountId);
    expect(e.requests.filter((r) => r.op === 'GetCallerIdentity')).toHaveLength(1);
    const paged = pagedOperations(e);
    expect(PAGED.filter((op) => !paged.has(op))).toEqual([]);
    // SLB, ALB and NLB, each with listeners and their targets (ALB's reach the region's VMs).
    const lbs = out.inventory.load_balancers;
    expect(new Set(lbs.map((lb) => lb.type))).toEqual(
      new Set(['classic', 'application', 'network']),
    );
    expect(
      lbs.some(
        (lb) =>
          lb.type === 'application' && lb.listeners.some((l) => l.targets.some((t) => t.vm_id)),
      ),
    ).toBe(true);
    for (const type of ['application', 'network'] as const) {
      const ofType = lbs.filter((lb) => lb.type === type);
      expect(ofType.every((lb) => lb.vips.length > 0 && lb.subnet_ids.length > 0)).toBe(true);
      const targets = ofType.flatMap((lb) => lb.listeners.flatMap((l) => l.targets));
      expect(targets.length).toBeGreaterThan(0);
    }
  });

  it('pages ALB and NLB balancer listings too (a medium region has several of each)', async () => {
    const e = await start({ scale: 'medium', pageLimit: 1 });
    const out = await sync(
      account(e, {
        regions: { include: ['cn-hangzhou'], exclude: [] },
        resources: ['load_balancer'],
      }),
    );
    expect(out.exitCode).toBe(0);
    const paged = pagedOperations(e);
    expect(
      ['alb:ListLoadBalancers', 'nlb:ListLoadBalancers'].filter((op) => !paged.has(op)),
    ).toEqual([]);
    expect(
      out.inventory.load_balancers.filter((lb) => lb.type === 'network').length,
    ).toBeGreaterThan(1);
  });

  it('leaves the account id unknown, and the sync whole, when GetCallerIdentity is denied', async () => {
    const e = await start({ faults: [{ op: 'GetCallerIdentity', respond: 'forbidden' }] });
    const out = await sync(account(e, { resources: ['vpc'] }));
    expect(out.exitCode).toBe(0);
    expect(out.inventory.accounts[0]?.account_id).toBeUndefined();
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
  });

  it('skips the task of an optional operation denied by RAM, keeps everything else, exit 4', async () => {
    const e = await start({ faults: [{ op: 'DescribeNatGateways', respond: 'forbidden' }] });
    const out = await sync(account(e));
    expect(out.exitCode).toBe(4);
    expect(out.inventory.nat_gateways).toEqual([]);
    expect(out.inventory.errors.length).toBeGreaterThan(0);
    for (const err of out.inventory.errors) {
      expect(err).toMatchObject({
        kind: 'nat_gateway',
        error_kind: 'permission_denied',
        outcome: 'skipped',
        operation: 'vpc:DescribeNatGateways',
        code: 'Forbidden.RAM',
      });
    }
    expect(out.inventory.vms.length).toBeGreaterThan(0);
  });

  it('fails the task of a required operation denied by RAM — never an empty list', async () => {
    const e = await start({
      faults: [{ op: 'DescribeVpcs', region: 'cn-hangzhou', respond: 'forbidden' }],
    });
    const out = await sync(account(e));
    expect(out.exitCode).toBe(4);
    expect(out.inventory.vpcs.some((v) => v.region === 'cn-hangzhou')).toBe(false);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'cn-hangzhou',
        kind: 'vpc',
        outcome: 'failed',
        error_kind: 'permission_denied',
      }),
    ]);
  });

  it('retries two throttled responses in our call wrapper and completes', async () => {
    const e = await start({ faults: [{ op: 'DescribeInstances', times: 2, respond: 'throttle' }] });
    const out = await sync(account(e));
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(out.retries.get('ecs:DescribeInstances')).toBe(2);
    // pop-core sends no attempt number: the two throttled answers, then the retried call succeeds.
    const statuses = e.requests
      .filter((r) => r.service === 'ecs' && r.op === 'DescribeInstances')
      .map((r) => r.status);
    expect(statuses.filter((st) => st === 400)).toHaveLength(2);
    expect(statuses.slice(0, 3)).toEqual([400, 400, 200]);
  });

  it('rejects a bad secret as auth_failed (exit 3) without echoing it', async () => {
    const e = await start();
    const secret = 'wrong-SECRET-value-abcdef0123456789';
    const out = await sync(
      account(e, {
        credentials: { access_key_id: e.credentials.accessKeyId, access_key_secret: secret },
      }),
    );
    expect(out.exitCode).toBe(3);
    expect(out.inventory.errors[0]).toMatchObject({ error_kind: 'auth_failed', outcome: 'failed' });
    expect(JSON.stringify(out.inventory)).not.toContain(secret);
  });

  it('selects regions by LocalName and by glob', async () => {
    const e = await start();
    const byName = await sync(
      account(e, {
        resources: ['vpc'],
        regions: { include: ['华南3（广州）'], exclude: [] },
      }),
    );
    expect(byName.inventory.errors).toEqual([]);
    expect(new Set(byName.inventory.vpcs.map((v) => v.region))).toEqual(new Set(['cn-guangzhou']));
    const byGlob = await sync(
      account(e, { resources: ['vpc'], regions: { include: ['cn-h*', 'cn-s*'], exclude: [] } }),
    );
    expect(new Set(byGlob.inventory.vpcs.map((v) => v.region))).toEqual(
      new Set(['cn-hangzhou', 'cn-shanghai']),
    );
  });
  it('lists a sold-out region as disabled and syncs the others without an error', async () => {
    const e = await start();
    const out = await sync(account(e));
    const acc = out.inventory.accounts[0];
    expect(acc?.disabled_regions).toEqual(['me-east-1']);
    expect(acc?.regions).not.toContain('me-east-1');
    expect(out.inventory.errors).toEqual([]);
  });

  it('times out a hanging response per request (pop-core is raced against the signal) and fails only that task', async () => {
    const e = await start({
      faults: [{ op: 'DescribeEipAddresses', region: 'cn-hangzhou', respond: 'hang' }],
    });
    const out = await sync(account(e), 300);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'cn-hangzhou',
        kind: 'public_ip',
        error_kind: 'network',
        outcome: 'failed',
      }),
    ]);
    expect(out.inventory.vms.length).toBeGreaterThan(0);
  });

  it('turns a malformed response into provider_error without crashing', async () => {
    const e = await start({ faults: [{ op: 'DescribeRouteTableList', respond: 'malformed' }] });
    const out = await sync(account(e));
    expect(out.exitCode).toBe(4);
    expect(out.inventory.errors.length).toBeGreaterThan(0);
    expect(
      out.inventory.errors.every(
        (x) => x.kind === 'route_table' && x.error_kind === 'provider_error',
      ),
    ).toBe(true);
  });

  it('stops on a repeated page token instead of looping', async () => {
    const e = await start({
      faults: [{ op: 'DescribeNetworkInterfaces', region: 'cn-hangzhou', respond: 'repeat_token' }],
    });
    const out = await sync(account(e));
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'cn-hangzhou',
        kind: 'network_interface',
        error_kind: 'truncated',
        outcome: 'failed',
      }),
    ]);
  });

  it('recovers from a connection reset by retrying', async () => {
    const e = await start({ faults: [{ op: 'DescribeVpcs', times: 1, respond: 'reset' }] });
    const out = await sync(account(e));
    expect(out.inventory.errors).toEqual([]);
    expect(out.retries.get('vpc:DescribeVpcs')).toBe(1);
  });

  it('finds the VMs of a RAM user scoped to resource groups through the ListResources pre-pass', async () => {
    const e = await start({ resourceGroupScoped: true });
    const out = await sync(account(e, { resources: ['vm'] }));
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    const enabled = e.world.regions.filter((r) => r.enabled).map((r) => r.id);
    const expected = enabled.reduce((n, r) => n + e.world.vmCount(r), 0);
    expect(expected).toBeGreaterThan(0);
    expect(out.inventory.vms).toHaveLength(expected);
    // One listing per account, however many regions came back empty.
    const rm = e.requests.filter((r) => r.op === 'ListResources' && r.params['PageNumber'] === '1');
    expect(rm).toHaveLength(1);
    expect(rm[0]?.params).toMatchObject({ Service: 'ecs', ResourceType: 'instance' });
    expect(
      e.requests.some(
        (r) => r.op === 'DescribeInstances' && r.params['ResourceGroupId'] !== undefined,
      ),
    ).toBe(true);
  });

  it("keeps DescribeInstances' empty answer when ListResources is denied (a warning, not a failed task)", async () => {
    const e = await start({
      resourceGroupScoped: true,
      faults: [{ op: 'ListResources', respond: 'forbidden' }],
    });
    const out = await sync(account(e, { resources: ['vm'] }));
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(out.inventory.vms).toEqual([]);
    expect(e.requests.some((r) => r.op === 'ListResources' && r.status === 403)).toBe(true);
  });

  it('does not call ListResources when DescribeInstances lists the VMs', async () => {
    const e = await start();
    const out = await sync(account(e, { resources: ['vm'] }));
    expect(out.exitCode).toBe(0);
    const empty = e.world.regions.filter((r) => r.enabled && e.world.vmCount(r.id) === 0);
    expect(e.requests.some((r) => r.op === 'ListResources')).toBe(empty.length > 0);
  });
});
