import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/harness.js';
import { KIND_KEYS, RESOURCE_KINDS } from '../../src/model/index.js';
import type { SyncAccount } from '../../src/sync/run.js';
import { emptyKinds, unresolvedReferences } from '../helpers/references.js';
import { emulatedAccount, syncAgainst } from '../helpers/sync.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  em = await startEmulator('azure', { scale: 'tiny', pageLimit: 3, ...opts });
  return em;
}

const account = (e: RunningEmulator, overrides: Partial<SyncAccount> = {}): SyncAccount =>
  emulatedAccount(e, overrides);

/** Successful requests of an operation (ARM list calls are per subscription, so counts are per account). */
function calls(e: RunningEmulator, op: string, status = 200): number {
  return e.requests.filter((r) => r.op === op && r.status === status).length;
}

async function tokenFrom(e: RunningEmulator): Promise<string> {
  const c = e.configCredentials;
  const res = await fetch(`${e.url}/${c['tenant_id'] ?? ''}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: c['client_id'] ?? '',
      client_secret: c['client_secret'] ?? '',
      scope: 'https://management.azure.com/.default',
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** First pages (no `$skipToken`) an operation was asked for. */
function firstPages(e: RunningEmulator, op: string): number {
  return e.requests.filter((r) => r.op === op && r.params['$skipToken'] === undefined).length;
}

/** Lists with more items than a page of 3 in a tiny world. */
const MANY = [
  'virtualNetworks.listAll',
  'networkInterfaces.listAll',
  'publicIPAddresses.listAll',
  'networkSecurityGroups.listAll',
  'routeTables.listAll',
  'virtualMachines.listAll',
];

const LISTS = [
  'virtualNetworks.listAll',
  'networkInterfaces.listAll',
  'publicIPAddresses.listAll',
  'networkSecurityGroups.listAll',
  'routeTables.listAll',
  'natGateways.listAll',
  'loadBalancers.listAll',
  'virtualMachines.listAll',
  'redis.listBySubscription',
  'sqlServers.list',
  'mysqlFlexibleServers.list',
  'postgresFlexibleServers.listBySubscription',
  'virtualHubs.list',
  'managedClusters.list',
];

describe('azure against the emulator (ARM SDKs, bearer tokens checked)', () => {
  it('syncs every kind Azure has, pages every list, resolves every reference, calls each list once', async () => {
    const e = await start();
    const out = await syncAgainst([account(e)]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(emptyKinds(out.inventory)).toEqual([]);
    expect(unresolvedReferences(out.inventory)).toEqual([]);
    for (const op of LISTS) {
      // One listing per account (shared by every region's task), followed through its pages.
      expect(firstPages(e, op), op).toBe(1);
    }
    expect(MANY.filter((op) => e.requests.filter((r) => r.op === op).length < 2)).toEqual([]);
    expect(out.inventory.accounts[0]?.account_id).toBe(e.configCredentials['subscription_id']);
    const lbs = out.inventory.load_balancers;
    expect(new Set(lbs.map((lb) => lb.type))).toEqual(new Set(['application', 'network']));
    expect(lbs.some((lb) => lb.listeners.some((l) => l.targets.some((t) => t.vm_id)))).toBe(true);
    expect(new Set(out.inventory.rds_instances.map((r) => r.engine))).toEqual(
      new Set(['mysql', 'postgresql', 'sqlserver']),
    );
    for (const k of RESOURCE_KINDS) {
      for (const r of out.inventory[KIND_KEYS[k]])
        expect(['eastus', 'westeurope']).toContain(r.region);
    }
  });

  it('pages the short lists too (one item a page)', async () => {
    const e = await start({ pageLimit: 1 });
    const out = await syncAgainst([
      account(e, {
        resources: [
          'nat_gateway',
          'load_balancer',
          'rds_instance',
          'redis_instance',
          'cloud_network',
          'kubernetes_cluster',
        ],
      }),
    ]);
    expect(out.inventory.errors).toEqual([]);
    const few = LISTS.filter((op) => !MANY.includes(op));
    expect(few.filter((op) => e.requests.filter((r) => r.op === op).length < 2)).toEqual([]);
    for (const op of few) expect(firstPages(e, op), op).toBe(1);
  });

  it('emits only the selected locations, still with one listing per operation', async () => {
    const e = await start();
    const out = await syncAgainst([
      account(e, { regions: { include: ['West Europe'], exclude: [] } }),
    ]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.inventory.accounts[0]?.regions).toEqual(['westeurope']);
    expect(out.inventory.vms.length).toBeGreaterThan(0);
    expect(new Set(out.inventory.vms.map((v) => v.region))).toEqual(new Set(['westeurope']));
    expect(out.inventory.redis_instances.every((r) => r.region === 'westeurope')).toBe(true);
    for (const op of LISTS) {
      expect(
        e.requests.filter((r) => r.op === op && r.params['$skipToken'] === undefined),
        op,
      ).toHaveLength(1);
    }
  });

  it('rejects an unknown location as a config error naming close ones', async () => {
    const e = await start();
    await expect(
      syncAgainst([account(e, { regions: { include: ['eastuss'], exclude: [] } })]),
    ).rejects.toThrow(/eastuss/);
  });

  it('skips the tasks of an optional list denied by RBAC (AuthorizationFailed), exit 4', async () => {
    const e = await start({ faults: [{ op: 'natGateways.listAll', respond: 'forbidden' }] });
    const out = await syncAgainst([account(e)]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.nat_gateways).toEqual([]);
    expect(out.inventory.errors.length).toBe(2);
    for (const err of out.inventory.errors) {
      expect(err).toMatchObject({
        kind: 'nat_gateway',
        error_kind: 'permission_denied',
        outcome: 'skipped',
        operation: 'management:natGateways.listAll',
        code: 'AuthorizationFailed',
      });
    }
    expect(out.inventory.vms.length).toBeGreaterThan(0);
    // Denied once for the account: not asked again per region.
    expect(calls(e, 'natGateways.listAll', 403)).toBe(1);
  });

  it('lists AKS clusters with their VNet, subnets, version and API server; a denial skips only them', async () => {
    const e = await start();
    const out = await syncAgainst([account(e)]);
    const clusters = out.inventory.kubernetes_clusters;
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) {
      expect(c.vpc_id).toBeDefined();
      expect(c.subnet_ids.length).toBeGreaterThan(0);
      expect(c.version).toMatch(/^1\.\d+/);
      expect(c.endpoint).toMatch(/^https:\/\/.+\.azmk8s\.io:443$/);
    }
    expect(unresolvedReferences(out.inventory)).toEqual([]);
    await e.close();
    const denied = await start({ faults: [{ op: 'managedClusters.list', respond: 'forbidden' }] });
    const d = await syncAgainst([account(denied)]);
    expect(d.exitCode).toBe(4);
    // A 403 is never an empty list: the kind is skipped in every location, with the error, nothing else.
    expect(d.inventory.kubernetes_clusters).toEqual([]);
    expect(d.inventory.errors.length).toBe(d.inventory.accounts[0]?.regions.length);
    for (const err of d.inventory.errors) {
      expect(err).toMatchObject({
        kind: 'kubernetes_cluster',
        error_kind: 'permission_denied',
        outcome: 'skipped',
        operation: 'management:managedClusters.list',
      });
    }
    expect(d.inventory.vms.length).toBe(out.inventory.vms.length);
  });

  it('fails the tasks of a required list denied by RBAC — never an empty list', async () => {
    const e = await start({ faults: [{ op: 'virtualNetworks.listAll', respond: 'forbidden' }] });
    const out = await syncAgainst([account(e, { resources: ['vpc', 'vm'] })]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.vpcs).toEqual([]);
    expect(out.inventory.vms.length).toBeGreaterThan(0);
    expect(out.inventory.errors.map((x) => [x.region, x.kind, x.outcome, x.error_kind])).toEqual([
      ['eastus', 'vpc', 'failed', 'permission_denied'],
      ['westeurope', 'vpc', 'failed', 'permission_denied'],
    ]);
  });

  it('lets the SDK retry 429 with Retry-After, counted as our retries, then completes', async () => {
    const e = await start({
      faults: [{ op: 'virtualMachines.listAll', times: 2, respond: 'throttle' }],
    });
    const out = await syncAgainst([account(e)]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    const statuses = e.requests
      .filter((r) => r.op === 'virtualMachines.listAll')
      .map((r) => r.status);
    expect(statuses.slice(0, 3)).toEqual([429, 429, 200]);
    expect(out.retries.get('management:virtualMachines.listAll')).toBe(2);
    expect(out.calls.get('management:virtualMachines.listAll')).toBeGreaterThanOrEqual(2);
  });

  it('gives up after our attempts when throttling persists (task failed, throttled)', async () => {
    const e = await start({ faults: [{ op: 'routeTables.listAll', respond: 'throttle' }] });
    const out = await syncAgainst([account(e, { resources: ['route_table'] })]);
    expect(out.exitCode).toBe(4);
    expect(calls(e, 'routeTables.listAll', 429)).toBe(3);
    expect(out.inventory.errors[0]).toMatchObject({
      error_kind: 'throttled',
      code: 'SubscriptionRequestsThrottled',
    });
  });

  it('rejects a bad client secret as auth_failed (exit 3) without echoing it', async () => {
    const e = await start();
    const secret = 'wrong~SECRET.value-abcdef0123456789';
    const out = await syncAgainst([
      account(e, { credentials: { ...e.configCredentials, client_secret: secret } }),
    ]);
    expect(out.exitCode).toBe(3);
    expect(out.inventory.errors[0]).toMatchObject({
      error_kind: 'auth_failed',
      outcome: 'failed',
      code: 'invalid_client',
    });
    expect(out.inventory.errors[0]?.message).toContain('AADSTS7000215');
    expect(JSON.stringify(out.inventory)).not.toContain(secret);
  });

  it('accepts a bearer token obtained elsewhere (access_token) and rejects a forged one', async () => {
    const e = await start();
    const sub = e.configCredentials['subscription_id'] ?? '';
    const token = await tokenFrom(e);
    const good = await syncAgainst([
      account(e, {
        credentials: { access_token: token, subscription_id: sub },
        resources: ['vpc'],
      }),
    ]);
    expect(good.inventory.errors).toEqual([]);
    expect(good.inventory.vpcs.length).toBeGreaterThan(0);
    const forged = `${token.slice(0, -4)}AAAA`;
    const bad = await syncAgainst([
      account(e, { credentials: { access_token: forged, subscription_id: sub } }),
    ]);
    expect(bad.exitCode).toBe(3);
    expect(bad.inventory.errors[0]).toMatchObject({ code: 'InvalidAuthenticationToken' });
    expect(JSON.stringify(bad.inventory)).not.toContain(forged);
  });

  it('rejects a subscription_id that is not a UUID before any ARM call', async () => {
    const e = await start();
    const out = await syncAgainst([
      account(e, { credentials: { ...e.configCredentials, subscription_id: 'my-subscription' } }),
    ]);
    expect(out.inventory.errors[0]).toMatchObject({
      error_kind: 'config_invalid',
      outcome: 'failed',
    });
    expect(e.requests.filter((r) => r.service === 'management')).toEqual([]);
  });

  it('syncs every subscription the principal sees when subscription_id is absent', async () => {
    const e = await start();
    const creds = Object.fromEntries(
      Object.entries(e.configCredentials).filter(([k]) => k !== 'subscription_id'),
    );
    const out = await syncAgainst([account(e, { credentials: creds, resources: ['vpc'] })]);
    expect(out.inventory.errors).toEqual([]);
    expect(calls(e, 'subscriptions.list')).toBe(1);
    expect(out.inventory.accounts[0]?.account_id).toBeUndefined();
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
  });

  it('turns a malformed body into provider_error for that kind only', async () => {
    const e = await start({ faults: [{ op: 'routeTables.listAll', respond: 'malformed' }] });
    const out = await syncAgainst([account(e)]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.errors.length).toBeGreaterThan(0);
    expect(
      out.inventory.errors.every(
        (x) => x.kind === 'route_table' && x.error_kind === 'provider_error',
      ),
    ).toBe(true);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
  });

  it('stops on a repeated nextLink instead of looping (truncated)', async () => {
    const e = await start({
      faults: [{ op: 'networkSecurityGroups.listAll', respond: 'repeat_token' }],
    });
    const out = await syncAgainst([account(e, { resources: ['security_group'] })]);
    expect(out.inventory.security_groups).toEqual([]);
    expect(out.inventory.errors.map((x) => x.error_kind)).toEqual(['truncated', 'truncated']);
  });

  it('retries a 503 in the SDK and completes', async () => {
    const e = await start({
      faults: [{ op: 'redis.listBySubscription', times: 1, respond: 'unavailable' }],
    });
    const out = await syncAgainst([account(e, { resources: ['redis_instance'] })]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.inventory.redis_instances.length).toBeGreaterThan(0);
    expect(out.retries.get('management:redis.listBySubscription')).toBe(1);
  });
});
