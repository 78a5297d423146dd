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
  em = await startEmulator('qingcloud', { scale: 'small', pageLimit: 2, ...opts });
  return em;
}

/** Operations for which some successful request asked for a page after the first (`offset` > 0). */
function pagedOperations(e: RunningEmulator): Set<string> {
  const paged = new Set<string>();
  for (const r of e.requests) {
    if (r.status === 200 && r.fault === undefined && Number(r.params['offset'] ?? '0') > 0) {
      paged.add(r.op);
    }
  }
  return paged;
}

const PAGED = [
  'DescribeZones',
  'DescribeRouters',
  'DescribeVxnets',
  'DescribeInstances',
  'DescribeNics',
  'DescribeEips',
  'DescribeSecurityGroups',
  'DescribeSecurityGroupRules',
  'DescribeRouteTables',
  'DescribeLoadBalancers',
  'DescribeLoadBalancerListeners',
  'DescribeLoadBalancerBackends',
  'DescribeRDBs',
  'DescribeCaches',
  'DescribeClusters',
];

describe('qingcloud against the emulator (signed fetch, signature verified)', () => {
  it('syncs every kind across ≥2 pages, schema-valid, every reference resolving', async () => {
    const e = await start();
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    // QingCloud has no peering connections or cloud networks the adapter lists.
    expect(emptyKinds(out.inventory)).toEqual(['peering_connections', 'cloud_networks']);
    expect(unresolvedReferences(out.inventory)).toEqual([]);
    expect(validateInventory(JSON.parse(JSON.stringify(out.inventory)))).toEqual([]);
    expect(PAGED.filter((op) => !pagedOperations(e).has(op))).toEqual([]);
    // Service devices contribute interfaces, and the basic-network vxnet is no subnet.
    const kinds = new Set(out.inventory.network_interfaces.map((n) => n.device_kind));
    expect(kinds).toEqual(
      new Set(['vm', 'nat_gateway', 'load_balancer', 'rds_instance', 'redis_instance']),
    );
    expect(out.inventory.subnets.some((s) => s.native_id === 'vxnet-0')).toBe(false);
    // One DescribeVxnets listing per region, shared by the fetchers that need vxnet → VPC.
    const firstPages = e.requests.filter(
      (r) => r.op === 'DescribeVxnets' && (r.params['offset'] ?? '0') === '0',
    );
    expect(firstPages.map((r) => r.region).sort()).toEqual(['gd2', 'pek3', 'sh1']);
  });

  it('lists a zone group as a region, its defunct one as disabled, and filters by Chinese name', async () => {
    const e = await start();
    const out = await syncAgainst([
      emulatedAccount(e, {
        resources: ['vpc', 'zone'],
        regions: { include: ['北京3区'], exclude: [] },
      }),
    ]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.inventory.accounts[0]?.regions).toEqual(['pek3']);
    expect(new Set(out.inventory.zones.map((z) => z.native_id))).toEqual(
      new Set(['pek3a', 'pek3b', 'pek3c']),
    );
    const all = await syncAgainst([emulatedAccount(e, { resources: ['vpc'] })]);
    expect(all.inventory.accounts[0]?.disabled_regions).toEqual(['ap2a']);
  });

  it('skips the task of an optional operation denied (ret_code 1400), keeps the rest, exit 4', async () => {
    const e = await start({ faults: [{ op: 'DescribeNFVs', respond: 'forbidden' }] });
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.nat_gateways).toEqual([]);
    expect(out.inventory.errors.length).toBe(3);
    expect(out.inventory.network_interfaces.some((n) => n.device_kind === 'nat_gateway')).toBe(
      false,
    );
    for (const err of out.inventory.errors) {
      expect(err).toMatchObject({
        kind: 'nat_gateway',
        error_kind: 'permission_denied',
        outcome: 'skipped',
        operation: 'iaas:DescribeNFVs',
        code: '1400',
      });
    }
    expect(out.inventory.vms.length).toBeGreaterThan(0);
  });

  it('fails the task of a required operation denied — never an empty list', async () => {
    const e = await start({
      faults: [{ op: 'DescribeRouters', region: 'pek3', respond: 'forbidden' }],
    });
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.vpcs.some((v) => v.region === 'pek3')).toBe(false);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'pek3',
        kind: 'vpc',
        outcome: 'failed',
        error_kind: 'permission_denied',
      }),
    ]);
  });

  it('retries two throttled answers (ret_code 5100) in our call wrapper and completes', async () => {
    const e = await start({
      faults: [{ op: 'DescribeInstances', region: 'sh1', times: 2, respond: 'throttle' }],
    });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['vm'] })]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(out.retries.get('iaas:DescribeInstances')).toBe(2);
    const sh1 = e.requests.filter((r) => r.op === 'DescribeInstances' && r.region === 'sh1');
    expect(sh1.slice(0, 3).map((r) => r.fault)).toEqual(['throttle', 'throttle', undefined]);
    expect(out.inventory.vms.filter((v) => v.region === 'sh1')).toHaveLength(
      e.world.vmCount('sh1'),
    );
  });

  it('retries an internal error (ret_code 5000) and a connection reset', async () => {
    const e = await start({
      faults: [
        { op: 'DescribeEips', times: 1, respond: 'server_error' },
        { op: 'DescribeRouters', times: 1, respond: 'reset' },
      ],
    });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['public_ip', 'vpc'] })]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.retries.get('iaas:DescribeEips')).toBe(1);
    expect(out.retries.get('iaas:DescribeRouters')).toBe(1);
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
      outcome: 'failed',
      code: '1200',
    });
    const text = JSON.stringify(out.inventory);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(e.credentials.accessKeyId);
  });

  it('rejects an unknown region as a config error', async () => {
    const e = await start();
    await expect(
      syncAgainst([emulatedAccount(e, { regions: { include: ['pek9'], exclude: [] } })]),
    ).rejects.toMatchObject({ kind: 'config_invalid', message: expect.stringMatching(/pek3/) });
  });

  it('answers a closed zone with region_unavailable for that region only', async () => {
    const e = await start({
      faults: [{ op: 'DescribeCaches', region: 'gd2', respond: 'region_disabled' }],
    });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['redis_instance'] })]);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'gd2',
        kind: 'redis_instance',
        error_kind: 'region_unavailable',
      }),
    ]);
    expect(out.inventory.redis_instances.length).toBeGreaterThan(0);
  });

  it('turns a malformed body into provider_error without crashing', async () => {
    const e = await start({ faults: [{ op: 'DescribeRouteTables', respond: 'malformed' }] });
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.errors.length).toBe(3);
    expect(
      out.inventory.errors.every(
        (x) => x.kind === 'route_table' && x.error_kind === 'provider_error',
      ),
    ).toBe(true);
  });

  it('stops on a page served again instead of returning duplicates (truncated)', async () => {
    const e = await start({
      faults: [{ op: 'DescribeNics', region: 'pek3', respond: 'repeat_token' }],
    });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['network_interface'] })]);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'pek3',
        kind: 'network_interface',
        error_kind: 'truncated',
        outcome: 'failed',
      }),
    ]);
  });

  it('times out a hanging answer per request and fails only that task', async () => {
    const e = await start({
      faults: [{ op: 'DescribeSecurityGroups', region: 'sh1', respond: 'hang' }],
    });
    const out = await syncAgainst([emulatedAccount(e, { resources: ['security_group', 'vpc'] })], {
      requestTimeoutMs: 300,
    });
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({ region: 'sh1', kind: 'security_group', error_kind: 'network' }),
    ]);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
  });
});
