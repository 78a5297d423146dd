import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/harness.js';
import type { SyncAccount } from '../../src/sync/run.js';
import type { Clock } from '../../src/transport/clock.js';
import { systemClock } from '../../src/transport/clock.js';
import { emptyKinds, unresolvedReferences } from '../helpers/references.js';
import { validateInventory } from '../helpers/schema.js';
import { emulatedAccount, syncAgainst } from '../helpers/sync.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  em = await startEmulator('baidu', { scale: 'small', pageLimit: 2, ...opts });
  return em;
}

const account = (e: RunningEmulator, overrides: Partial<SyncAccount> = {}): SyncAccount =>
  emulatedAccount(e, overrides);

/** Operations for which some successful request asked for a page after the first. */
function pagedOperations(e: RunningEmulator): Set<string> {
  const paged = new Set<string>();
  for (const r of e.requests) {
    if (r.status === 200 && (r.params['marker'] || Number(r.params['pageNo'] ?? '1') > 1)) {
      paged.add(`${r.service}:${r.op}`);
    }
  }
  return paged;
}

/** Every list the small world has more than two items of (pageLimit 2), per region or per parent. */
const PAGED = [
  'vpc:ListVpcs',
  'vpc:ListSubnets',
  'bcc:ListInstances',
  'eip:ListEips',
  'bcc:ListSecurityGroups',
  'vpc:ListNatGateways',
  'blb:DescribeLoadBalancers',
  'blb:DescribeBlbRs',
  'rds:ListRds',
  'scs:ListInstances',
  'vpc:ListPeerConns',
  'csn:ListCsns',
  'cce:ListClusters',
];

describe('baidu against the emulator (BceBaseClient, bce-auth-v1 verified)', () => {
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
    // Classic and application BLBs, both with listeners whose backends are the region's VMs.
    const lbs = out.inventory.load_balancers;
    expect(new Set(lbs.map((lb) => lb.type))).toEqual(new Set(['classic', 'application']));
    for (const type of ['classic', 'application'] as const) {
      const targets = lbs
        .filter((lb) => lb.type === type)
        .flatMap((lb) => lb.listeners.flatMap((l) => l.targets));
      expect(targets.length).toBeGreaterThan(0);
      expect(targets.every((t) => t.vm_id !== undefined && t.port !== undefined)).toBe(true);
      expect(targets.some((t) => t.health === 'healthy')).toBe(true);
    }
    // Every device kind contributes its interface; EIPs point at VMs, NATs and BLBs.
    const devices = new Set(out.inventory.network_interfaces.map((n) => n.device_kind));
    for (const kind of ['vm', 'nat_gateway', 'load_balancer', 'rds_instance', 'redis_instance']) {
      expect(devices).toContain(kind);
    }
    const bound = new Set(out.inventory.public_ips.map((p) => p.device_kind));
    expect(bound).toContain('vm');
    expect(bound).toContain('nat_gateway');
    // Regions carry their Chinese names; the world's VMs all arrive.
    const enabled = e.world.regions.filter((r) => r.enabled).map((r) => r.id);
    expect(out.inventory.vms).toHaveLength(enabled.reduce((n, r) => n + e.world.vmCount(r), 0));
    expect(out.inventory.redis_instances.every((r) => r.vpc_id !== undefined)).toBe(true);
  });

  it('pages per-parent lists too: ENIs of a VPC, listeners and backends of a BLB', async () => {
    const e = await start({ pageLimit: 1 });
    const out = await syncAgainst([
      account(e, {
        regions: { include: ['bj'], exclude: [] },
        resources: ['network_interface', 'load_balancer'],
      }),
    ]);
    expect(out.inventory.errors).toEqual([]);
    const paged = pagedOperations(e);
    expect(
      [
        'vpc:ListEnis',
        'blb:DescribeAllListeners',
        'blb:DescribeBackendServers',
        'blb:DescribeAppAllListeners',
      ].filter((op) => !paged.has(op)),
    ).toEqual([]);
    expect(out.inventory.network_interfaces.some((n) => !n.primary)).toBe(true);
  });

  it('skips the task of an optional operation denied by IAM (AccessDenied), keeps the rest, exit 4', async () => {
    const e = await start({ faults: [{ op: 'ListNatGateways', respond: 'forbidden' }] });
    const out = await syncAgainst([account(e)]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.nat_gateways).toEqual([]);
    expect(out.inventory.errors.length).toBeGreaterThan(0);
    for (const err of out.inventory.errors) {
      expect(err).toMatchObject({
        kind: 'nat_gateway',
        error_kind: 'permission_denied',
        outcome: 'skipped',
        operation: 'vpc:ListNatGateways',
        code: 'AccessDenied',
      });
    }
    expect(out.inventory.vms.length).toBeGreaterThan(0);
  });

  it('fails the task of a required operation denied by IAM — never an empty list', async () => {
    const e = await start({
      faults: [{ op: 'ListVpcs', service: 'vpc', region: 'bj', respond: 'forbidden' }],
    });
    const out = await syncAgainst([account(e, { resources: ['vpc', 'vm'] })]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.vpcs.some((v) => v.region === 'bj')).toBe(false);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'bj',
        kind: 'vpc',
        outcome: 'failed',
        error_kind: 'permission_denied',
      }),
    ]);
  });

  it('retries two 429 RequestRateLimitExceeded in our call wrapper and completes', async () => {
    const e = await start({
      faults: [
        { op: 'ListInstances', service: 'bcc', region: 'bj', times: 2, respond: 'throttle' },
      ],
    });
    const out = await syncAgainst([account(e, { resources: ['vm'] })]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(out.retries.get('bcc:ListInstances')).toBe(2);
    const statuses = e.requests
      .filter((r) => r.service === 'bcc' && r.op === 'ListInstances' && r.region === 'bj')
      .map((r) => r.status);
    expect(statuses.slice(0, 3)).toEqual([429, 429, 200]);
  });

  it('rejects a bad secret as auth_failed (exit 3) without echoing it', async () => {
    const e = await start();
    const secret = 'wrong-SECRET-value-abcdef0123456789';
    const out = await syncAgainst([
      account(e, {
        credentials: { access_key_id: e.credentials.accessKeyId, secret_access_key: secret },
      }),
    ]);
    expect(out.exitCode).toBe(3);
    expect(out.inventory.errors[0]).toMatchObject({
      error_kind: 'auth_failed',
      outcome: 'failed',
      code: 'SignatureDoesNotMatch',
    });
    expect(JSON.stringify(out.inventory)).not.toContain(secret);
  });

  it('rejects an unknown AccessKey id as auth_failed (InvalidAccessKeyId)', async () => {
    const e = await start();
    const out = await syncAgainst([
      account(e, {
        credentials: { access_key_id: 'ALTAKnobody', secret_access_key: 'x' },
      }),
    ]);
    expect(out.exitCode).toBe(3);
    expect(out.inventory.errors[0]).toMatchObject({ code: 'InvalidAccessKeyId' });
  });

  it('treats a clock the server finds too skewed as auth_failed, not as retryable', async () => {
    // The emulator's clock runs an hour ahead of the signer's.
    const ahead: Clock = { ...systemClock, now: () => systemClock.now() + 3_600_000 };
    const e = await start({ clock: ahead });
    const out = await syncAgainst([account(e)]);
    expect(out.exitCode).toBe(3);
    expect(out.inventory.errors[0]).toMatchObject({
      error_kind: 'auth_failed',
      code: 'RequestTimeTooSkewed',
    });
    expect(e.requests).toHaveLength(1);
  });

  it('answers a region no pattern matches with a config error naming the known ones', async () => {
    const e = await start();
    await expect(
      syncAgainst([account(e, { regions: { include: ['bjj'], exclude: [] } })]),
    ).rejects.toThrow(/bj/);
  });

  it('selects regions by Chinese name and by glob', async () => {
    const e = await start();
    const byName = await syncAgainst([
      account(e, { resources: ['vpc'], regions: { include: ['广州'], exclude: [] } }),
    ]);
    expect(byName.inventory.errors).toEqual([]);
    expect(new Set(byName.inventory.vpcs.map((v) => v.region))).toEqual(new Set(['gz']));
    const byGlob = await syncAgainst([
      account(e, { resources: ['vpc'], regions: { include: ['?j', 's*'], exclude: [] } }),
    ]);
    expect(new Set(byGlob.inventory.vpcs.map((v) => v.region))).toEqual(new Set(['bj', 'su']));
  });

  it('turns a malformed body into provider_error without crashing', async () => {
    const e = await start({ faults: [{ op: 'ListSecurityGroups', respond: 'malformed' }] });
    const out = await syncAgainst([account(e, { resources: ['security_group', 'vpc'] })]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.errors.length).toBeGreaterThan(0);
    expect(
      out.inventory.errors.every(
        (x) => x.kind === 'security_group' && x.error_kind === 'provider_error',
      ),
    ).toBe(true);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
  });

  it('stops on a repeated marker instead of looping', async () => {
    const e = await start({
      faults: [{ op: 'ListInstances', service: 'bcc', region: 'bj', respond: 'repeat_token' }],
    });
    const out = await syncAgainst([account(e, { resources: ['vm'] })]);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'bj',
        kind: 'vm',
        error_kind: 'truncated',
        outcome: 'failed',
      }),
    ]);
  });

  it('stops on a repeated CCE page instead of returning duplicates', async () => {
    const e = await start({
      faults: [{ op: 'ListClusters', region: 'bj', respond: 'repeat_token' }],
    });
    const out = await syncAgainst([account(e, { resources: ['kubernetes_cluster'] })]);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'bj',
        kind: 'kubernetes_cluster',
        error_kind: 'truncated',
      }),
    ]);
  });

  it('times out a hanging response through the signal (the SDK has no timeout) and fails only that task', async () => {
    const e = await start({ faults: [{ op: 'ListEips', region: 'bj', respond: 'hang' }] });
    const out = await syncAgainst([account(e, { resources: ['public_ip', 'vpc'] })], {
      requestTimeoutMs: 300,
    });
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'bj',
        kind: 'public_ip',
        error_kind: 'network',
        outcome: 'failed',
      }),
    ]);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
  });

  it('recovers from a connection reset and a 502 by retrying', async () => {
    const e = await start({
      faults: [
        { op: 'ListVpcs', times: 1, respond: 'reset' },
        { op: 'ListSubnets', times: 1, respond: 'bad_gateway' },
      ],
    });
    const out = await syncAgainst([account(e, { resources: ['vpc', 'subnet'] })]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.retries.get('vpc:ListVpcs')).toBe(1);
    expect(out.retries.get('vpc:ListSubnets')).toBe(1);
  });
});
