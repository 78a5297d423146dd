import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/harness.js';
import type { SyncAccount } from '../../src/sync/run.js';
import { emptyKinds, unresolvedReferences } from '../helpers/references.js';
import { emulatedAccount, syncAgainst } from '../helpers/sync.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await em?.close();
  em = undefined;
});

async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  em = await startEmulator('huawei', { scale: 'tiny', ...opts });
  return em;
}

const sync = (acc: SyncAccount, requestTimeoutMs?: number) =>
  syncAgainst([acc], requestTimeoutMs === undefined ? {} : { requestTimeoutMs });

/** Operations for which some successful request asked for a page after the first. */
function pagedOperations(e: RunningEmulator): Set<string> {
  const paged = new Set<string>();
  for (const r of e.requests) {
    const offset = Number(r.params['offset'] ?? '0');
    const later = r.op === 'ListServersDetails' ? offset > 1 : offset > 0;
    if (r.status === 200 && (later || (r.params['marker'] ?? '') !== '')) {
      paged.add(`${r.service}:${r.op}`);
    }
  }
  return paged;
}

/** Every paged list the adapter calls (CCE and the AZ list do not page). */
const PAGED = [
  'ecs:ListServersDetails',
  'vpc:ListVpcs',
  'vpc:ListSubnets',
  'vpc:ListPorts',
  'vpc:ListSecurityGroups',
  'vpc:ListRouteTables',
  'vpc:ListVpcPeerings',
  'eip:ListPublicips',
  'nat:ListNatGateways',
  'nat:ListNatGatewaySnatRules',
  'nat:ListNatGatewayDnatRules',
  'elb:ListLoadBalancers',
  'elb:ListListeners',
  'elb:ListMembers',
  'rds:ListInstances',
  'dcs:ListInstances',
  'er:ListEnterpriseRouters',
];

describe('huawei against the emulator (SDK-HMAC-SHA256 verified)', () => {
  it('syncs every kind across ≥2 pages, every reference resolving', async () => {
    const e = await start({ scale: 'small', pageLimit: 2 });
    const out = await sync(emulatedAccount(e));
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(emptyKinds(out.inventory)).toEqual([]);
    expect(unresolvedReferences(out.inventory)).toEqual([]);
    const paged = pagedOperations(e);
    expect(PAGED.filter((op) => !paged.has(op))).toEqual([]);
    expect(out.inventory.accounts[0]).toMatchObject({
      status: 'ok',
      regions: ['cn-north-4', 'cn-east-3', 'cn-south-1'],
      disabled_regions: ['af-south-1'],
    });
    expect(out.inventory.accounts[0]?.account_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('skips the task of an optional operation denied by IAM policy, keeps everything else, exit 4', async () => {
    const e = await start({ faults: [{ op: 'ListNatGateways', respond: 'forbidden' }] });
    const out = await sync(emulatedAccount(e));
    expect(out.exitCode).toBe(4);
    expect(out.inventory.nat_gateways).toEqual([]);
    expect(out.inventory.errors).toHaveLength(2);
    for (const err of out.inventory.errors) {
      expect(err).toMatchObject({
        kind: 'nat_gateway',
        error_kind: 'permission_denied',
        outcome: 'skipped',
        operation: 'nat:ListNatGateways',
        code: 'NAT.0003',
      });
    }
    expect(out.inventory.vms.length).toBeGreaterThan(0);
  });

  it('fails the task of a required operation denied — never an empty list', async () => {
    const e = await start({
      faults: [{ op: 'ListServersDetails', region: 'cn-north-4', respond: 'forbidden' }],
    });
    const out = await sync(emulatedAccount(e));
    expect(out.exitCode).toBe(4);
    expect(out.inventory.vms.some((v) => v.region === 'cn-north-4')).toBe(false);
    expect(out.inventory.vms.length).toBeGreaterThan(0);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'cn-north-4',
        kind: 'vm',
        outcome: 'failed',
        error_kind: 'permission_denied',
        code: 'Ecs.0319',
      }),
    ]);
  });

  it('retries two APIGW.0308 throttles in our call wrapper (the SDK does not) and completes', async () => {
    const e = await start({ faults: [{ op: 'ListPorts', times: 2, respond: 'throttle' }] });
    const out = await sync(emulatedAccount(e));
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(out.retries.get('vpc:ListPorts')).toBe(2);
    const statuses = e.requests.filter((r) => r.op === 'ListPorts').map((r) => r.status);
    expect(statuses.slice(0, 3)).toEqual([429, 429, 200]);
  });

  it('rejects a bad secret as auth_failed (exit 3) and prints nothing to stdout', async () => {
    const e = await start();
    const secret = 'wrong-SECRET-value-abcdef0123456789';
    const write = vi.spyOn(process.stdout, 'write');
    const out = await sync(
      emulatedAccount(e, {
        credentials: { access_key: e.credentials.accessKeyId, secret_key: secret },
      }),
    );
    expect(out.exitCode).toBe(3);
    expect(out.inventory.errors[0]).toMatchObject({
      error_kind: 'auth_failed',
      outcome: 'failed',
      code: 'APIGW.0301',
    });
    const text = JSON.stringify(out.inventory);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('SDK-HMAC-SHA256');
    // The SDK logs every failed request (Authorization header included) to stdout unless silenced.
    expect(write).not.toHaveBeenCalled();
  });

  it('prints nothing to stdout when regional calls fail', async () => {
    const e = await start({ faults: [{ op: '*', service: 'elb', respond: 'server_error' }] });
    const write = vi.spyOn(process.stdout, 'write');
    const out = await sync(emulatedAccount(e, { resources: ['load_balancer'] }));
    expect(out.exitCode).toBe(4);
    expect(out.inventory.errors.every((x) => x.error_kind === 'provider_error')).toBe(true);
    expect(write).not.toHaveBeenCalled();
  });

  it('rejects an unknown region as a config error', async () => {
    const e = await start();
    await expect(
      sync(emulatedAccount(e, { regions: { include: ['cn-nowhere-9'], exclude: [] } })),
    ).rejects.toMatchObject({
      kind: 'config_invalid',
      message: expect.stringMatching(/no region matches 'cn-nowhere-9'/) as unknown,
    });
  });

  it('selects regions by Chinese name and pins one project with project_id', async () => {
    const e = await start();
    const byName = await sync(
      emulatedAccount(e, {
        resources: ['vpc'],
        regions: { include: ['华东-上海一'], exclude: [] },
      }),
    );
    expect(byName.inventory.errors).toEqual([]);
    expect(new Set(byName.inventory.vpcs.map((v) => v.region))).toEqual(new Set(['cn-east-3']));
    const projects = e.requests.filter((r) => r.service === 'vpc').map((r) => r.region);
    expect(new Set(projects)).toEqual(new Set(['cn-east-3']));
  });

  it('turns a malformed body into provider_error, never an empty list', async () => {
    const e = await start({ faults: [{ op: 'ListSecurityGroups', respond: 'malformed' }] });
    const out = await sync(emulatedAccount(e));
    expect(out.exitCode).toBe(4);
    expect(out.inventory.security_groups).toEqual([]);
    expect(out.inventory.errors.length).toBeGreaterThan(0);
    expect(
      out.inventory.errors.every(
        (x) => x.kind === 'security_group' && x.error_kind === 'provider_error',
      ),
    ).toBe(true);
  });

  it.each([
    ['marker', 'ListSubnets', 'subnet'],
    ['page_info.next_marker', 'ListPublicips', 'public_ip'],
    ['offset', 'ListServersDetails', 'vm'],
  ])('stops on a repeated %s page instead of looping', async (_, op, kind) => {
    const e = await start({
      pageLimit: 2,
      faults: [{ op, region: 'cn-north-4', respond: 'repeat_token' }],
    });
    const out = await sync(emulatedAccount(e));
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'cn-north-4',
        kind,
        error_kind: 'truncated',
        outcome: 'failed',
      }),
    ]);
  });

  it('times out a hanging response per request and fails only that task', async () => {
    const e = await start({
      faults: [{ op: 'ListPublicips', region: 'cn-north-4', respond: 'hang' }],
    });
    const out = await sync(emulatedAccount(e, { resources: ['public_ip', 'vpc'] }), 300);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'cn-north-4',
        kind: 'public_ip',
        error_kind: 'network',
        outcome: 'failed',
      }),
    ]);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
  });

  it('recovers from a connection reset by retrying', async () => {
    const e = await start({ faults: [{ op: 'ListVpcs', times: 1, respond: 'reset' }] });
    const out = await sync(emulatedAccount(e, { resources: ['vpc'] }));
    expect(out.inventory.errors).toEqual([]);
    expect(out.retries.get('vpc:ListVpcs')).toBe(1);
  });
});
