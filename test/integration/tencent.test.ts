import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/harness.js';
import type { SyncAccount } from '../../src/sync/run.js';
import { emptyKinds, unresolvedReferences } from '../helpers/references.js';
import { validateInventory } from '../helpers/schema.js';
import { emulatedAccount, syncAgainst } from '../helpers/sync.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  em = await startEmulator('tencent', { scale: 'small', pageLimit: 2, ...opts });
  return em;
}

/** One Tencent account pointed at the emulator: the real adapter and SDK over HTTP. */
function account(e: RunningEmulator, overrides: Partial<SyncAccount> = {}): SyncAccount {
  return emulatedAccount(e, overrides);
}

/** Operations for which some successful request asked for a page after the first. */
function pagedOperations(e: RunningEmulator): Set<string> {
  const paged = new Set<string>();
  for (const r of e.requests) {
    if (r.status === 200 && Number(r.params['Offset'] ?? '0') > 0)
      paged.add(`${r.service}:${r.op}`);
  }
  return paged;
}

const PAGED = [
  'cvm:DescribeInstances',
  'vpc:DescribeVpcs',
  'vpc:DescribeSubnets',
  'vpc:DescribeNetworkInterfaces',
  'vpc:DescribeAddresses',
  'vpc:DescribeSecurityGroups',
  'vpc:DescribeRouteTables',
  'vpc:DescribeNatGateways',
  'vpc:DescribeVpcPeeringConnections',
  'vpc:DescribeCcns',
  'clb:DescribeLoadBalancers',
  'cdb:DescribeDBInstances',
  'redis:DescribeInstances',
  'tke:DescribeClusters',
];

describe('tencent against the emulator (tencentcloud-sdk-nodejs, TC3 verified)', () => {
  it('syncs every kind across ≥2 pages, schema-valid, every reference resolving', async () => {
    const e = await start();
    const out = await syncAgainst([account(e)]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(emptyKinds(out.inventory)).toEqual([]);
    expect(unresolvedReferences(out.inventory)).toEqual([]);
    expect(validateInventory(out.inventory)).toEqual([]);
    const paged = pagedOperations(e);
    expect(PAGED.filter((op) => !paged.has(op))).toEqual([]);
    // The real host names were signed and routed (the agent dials the emulator).
    expect(e.requests.every((r) => r.status === 200)).toBe(true);
    expect(new Set(out.inventory.rds_instances.map((r) => r.engine))).toEqual(
      new Set(['mysql', 'postgresql', 'sqlserver']),
    );
    const lbs = out.inventory.load_balancers;
    expect(new Set(lbs.map((lb) => lb.type))).toEqual(new Set(['classic', 'application']));
    const targets = lbs.flatMap((lb) => lb.listeners.flatMap((l) => l.targets));
    expect(targets.some((t) => t.vm_id !== undefined)).toBe(true);
    // Sold-out zones are listed by the API but not synced.
    expect(out.inventory.zones.some((z) => z.native_id.endsWith('-99'))).toBe(false);
    // Every managed service contributes its address.
    const devices = new Set(out.inventory.network_interfaces.map((n) => n.device_kind));
    expect(devices).toEqual(
      new Set(['vm', 'nat_gateway', 'load_balancer', 'rds_instance', 'redis_instance']),
    );
    expect(out.inventory.nat_gateways.some((n) => n.dnat_rules.length > 0)).toBe(true);
  });

  it('pages the smaller lists too (one item per page)', async () => {
    const e = await start({ scale: 'medium', pageLimit: 1 });
    const out = await syncAgainst([
      account(e, {
        regions: { include: ['ap-guangzhou'], exclude: [] },
        resources: ['rds_instance', 'nat_gateway', 'cloud_network'],
      }),
    ]);
    expect(out.inventory.errors).toEqual([]);
    const paged = pagedOperations(e);
    expect(
      [
        'postgres:DescribeDBInstances',
        'sqlserver:DescribeDBInstances',
        'vpc:DescribeNatGatewayDestinationIpPortTranslationNatRules',
        'vpc:DescribeCcnAttachedInstances',
      ].filter((op) => !paged.has(op)),
    ).toEqual([]);
  });

  it('skips the task of an optional operation denied by CAM, keeps everything else, exit 4', async () => {
    const e = await start({ faults: [{ op: 'DescribeNatGateways', respond: 'forbidden' }] });
    const out = await syncAgainst([account(e, { resources: ['vm', 'nat_gateway'] })]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.nat_gateways).toEqual([]);
    expect(out.inventory.errors.length).toBeGreaterThan(0);
    for (const err of out.inventory.errors) {
      expect(err).toMatchObject({
        kind: 'nat_gateway',
        error_kind: 'permission_denied',
        outcome: 'skipped',
        operation: 'vpc:DescribeNatGateways',
        code: 'UnauthorizedOperation',
      });
    }
    expect(out.inventory.vms.length).toBeGreaterThan(0);
  });

  it('fails the task of a required operation denied by CAM — never an empty list', async () => {
    const e = await start({
      faults: [{ op: 'DescribeVpcs', region: 'ap-guangzhou', respond: 'forbidden' }],
    });
    const out = await syncAgainst([account(e, { resources: ['vpc', 'subnet'] })]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.vpcs.some((v) => v.region === 'ap-guangzhou')).toBe(false);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'ap-guangzhou',
        kind: 'vpc',
        outcome: 'failed',
        error_kind: 'permission_denied',
      }),
    ]);
  });

  it('retries two RequestLimitExceeded answers (HTTP 200) in our call wrapper and completes', async () => {
    const e = await start({ faults: [{ op: 'DescribeInstances', times: 2, respond: 'throttle' }] });
    const out = await syncAgainst([account(e, { resources: ['vm'] })]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(out.retries.get('cvm:DescribeInstances')).toBe(2);
    const faults = e.requests.filter((r) => r.op === 'DescribeInstances').map((r) => r.fault);
    expect(faults.slice(0, 3)).toEqual(['throttle', 'throttle', undefined]);
  });

  it('gives up after the retry policy and reports throttled', async () => {
    const e = await start({
      faults: [{ op: 'DescribeAddresses', region: 'ap-beijing', respond: 'throttle' }],
    });
    const out = await syncAgainst([account(e, { resources: ['public_ip', 'vpc'] })]);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({ kind: 'public_ip', error_kind: 'throttled', outcome: 'failed' }),
    ]);
    expect(e.requests.filter((r) => r.op === 'DescribeAddresses' && r.fault)).toHaveLength(3);
  });

  it('rejects a bad secret as auth_failed (exit 3) without echoing it', async () => {
    const e = await start();
    const secret = 'wrong-SECRET-value-abcdef0123456789';
    const out = await syncAgainst([
      account(e, { credentials: { secret_id: e.credentials.accessKeyId, secret_key: secret } }),
    ]);
    expect(out.exitCode).toBe(3);
    expect(out.inventory.errors[0]).toMatchObject({
      error_kind: 'auth_failed',
      outcome: 'failed',
      code: 'AuthFailure.SignatureFailure',
    });
    expect(JSON.stringify(out.inventory)).not.toContain(secret);
  });

  it('rejects an unknown SecretId as auth_failed without printing the id', async () => {
    const e = await start();
    const id = 'AKIDunknownSecretId0000000000000001';
    const out = await syncAgainst([
      account(e, { credentials: { secret_id: id, secret_key: e.credentials.secretAccessKey } }),
    ]);
    expect(out.exitCode).toBe(3);
    expect(out.inventory.errors[0]).toMatchObject({ code: 'AuthFailure.SecretIdNotFound' });
    expect(JSON.stringify(out.inventory)).not.toContain(id);
  });

  it('selects regions by RegionName and by glob', async () => {
    const e = await start();
    const byName = await syncAgainst([
      account(e, { resources: ['vpc'], regions: { include: ['华南地区(广州)'], exclude: [] } }),
    ]);
    expect(byName.inventory.errors).toEqual([]);
    expect(new Set(byName.inventory.vpcs.map((v) => v.region))).toEqual(new Set(['ap-guangzhou']));
    const byGlob = await syncAgainst([
      account(e, { resources: ['vpc'], regions: { include: ['ap-s*'], exclude: [] } }),
    ]);
    expect(new Set(byGlob.inventory.vpcs.map((v) => v.region))).toEqual(new Set(['ap-shanghai']));
  });

  it('lists an UNAVAILABLE region as disabled and syncs the others without an error', async () => {
    const e = await start();
    const out = await syncAgainst([account(e, { resources: ['vpc'] })]);
    expect(out.inventory.accounts[0]?.disabled_regions).toEqual(['ap-shanghai-fsi']);
    expect(out.inventory.accounts[0]?.regions).not.toContain('ap-shanghai-fsi');
    expect(out.inventory.errors).toEqual([]);
  });

  it('rejects an unknown region as a config error naming the closest one', async () => {
    const e = await start();
    await expect(
      syncAgainst([account(e, { regions: { include: ['ap-guangzhuo'], exclude: [] } })]),
    ).rejects.toThrow(/ap-guangzhuo.*did you mean 'ap-guangzhou'/);
  });

  it('skips a product the region does not offer (UnsupportedRegion)', async () => {
    const e = await start({
      faults: [{ op: 'DescribeClusters', region: 'ap-beijing', respond: 'region_disabled' }],
    });
    const out = await syncAgainst([account(e, { resources: ['kubernetes_cluster', 'vpc'] })]);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'ap-beijing',
        kind: 'kubernetes_cluster',
        error_kind: 'region_unavailable',
        outcome: 'skipped',
        code: 'UnsupportedRegion',
      }),
    ]);
  });

  it('turns a malformed response into provider_error without crashing', async () => {
    const e = await start({ faults: [{ op: 'DescribeRouteTables', respond: 'malformed' }] });
    const out = await syncAgainst([account(e, { resources: ['route_table', 'vpc'] })]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.errors.length).toBeGreaterThan(0);
    expect(
      out.inventory.errors.every(
        (x) => x.kind === 'route_table' && x.error_kind === 'provider_error',
      ),
    ).toBe(true);
  });

  it('stops on a repeated page instead of returning duplicates', async () => {
    const e = await start({
      faults: [
        { op: 'DescribeNetworkInterfaces', region: 'ap-guangzhou', respond: 'repeat_token' },
      ],
    });
    const out = await syncAgainst([account(e, { resources: ['network_interface'] })]);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'ap-guangzhou',
        kind: 'network_interface',
        error_kind: 'truncated',
        outcome: 'failed',
      }),
    ]);
  });

  it('times out a hanging response per request and fails only that task', async () => {
    const e = await start({
      faults: [{ op: 'DescribeAddresses', region: 'ap-guangzhou', respond: 'hang' }],
    });
    const out = await syncAgainst([account(e, { resources: ['public_ip', 'vm'] })], {
      requestTimeoutMs: 300,
    });
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'ap-guangzhou',
        kind: 'public_ip',
        error_kind: 'network',
        outcome: 'failed',
      }),
    ]);
    expect(out.inventory.vms.length).toBeGreaterThan(0);
  });

  it('recovers from a connection reset and a gateway 502 by retrying', async () => {
    const e = await start({
      faults: [
        { op: 'DescribeVpcs', times: 1, respond: 'reset' },
        { op: 'DescribeSubnets', times: 1, respond: 'bad_gateway' },
      ],
    });
    // node-fetch alone would wait for the rest of a reset body until the timeout; our agent fails it at once.
    const started = Date.now();
    const out = await syncAgainst([account(e, { resources: ['vpc', 'subnet'] })], {
      requestTimeoutMs: 20_000,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(out.inventory.errors).toEqual([]);
    expect(out.retries.get('vpc:DescribeVpcs')).toBe(1);
    expect(out.retries.get('vpc:DescribeSubnets')).toBe(1);
  });
});
