import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/harness.js';
import { emptyKinds, unresolvedReferences } from '../helpers/references.js';
import { emulatedAccount, syncAgainst } from '../helpers/sync.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  em = await startEmulator('aws', { scale: 'tiny', pageLimit: 2, ...opts });
  return em;
}

/** Operations for which some successful request asked for a page after the first (sent a token). */
function pagedOperations(e: RunningEmulator): Set<string> {
  const paged = new Set<string>();
  for (const r of e.requests) {
    const token = r.params['NextToken'] ?? r.params['Marker'] ?? r.params['nextToken'];
    if (r.status === 200 && token) paged.add(`${r.service}:${r.op}`);
  }
  return paged;
}

const PAGED = [
  'ec2:DescribeVpcs',
  'ec2:DescribeSubnets',
  'ec2:DescribeInstances',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeRouteTables',
  'ec2:DescribeNatGateways',
  'ec2:DescribeVpcPeeringConnections',
  'ec2:DescribeTransitGateways',
  'ec2:DescribeTransitGatewayAttachments',
  'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeTargetGroups',
  'rds:DescribeDBInstances',
  'elasticache:DescribeReplicationGroups',
  'elasticache:DescribeCacheClusters',
  'elasticache:DescribeCacheSubnetGroups',
  'elasticache:DescribeServerlessCaches',
  'elasticloadbalancing:DescribeListeners',
  'eks:ListClusters',
];

describe('aws against the emulator (real SDK, SigV4 verified)', () => {
  it('syncs every kind across ≥2 pages of every paged operation, every reference resolving', async () => {
    const e = await start();
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(emptyKinds(out.inventory)).toEqual([]);
    expect(unresolvedReferences(out.inventory)).toEqual([]);
    const paged = pagedOperations(e);
    expect(PAGED.filter((op) => !paged.has(op))).toEqual([]);
    // The same world gives the same version.
    const again = await syncAgainst([emulatedAccount(e)]);
    expect(again.inventory.accounts[0]?.version).toBe(out.inventory.accounts[0]?.version);
  });

  it('skips the task of an optional operation denied by IAM, keeps everything else, exit 4', async () => {
    const e = await start({ faults: [{ op: 'DescribeNatGateways', respond: 'forbidden' }] });
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.nat_gateways).toEqual([]);
    expect(out.inventory.errors.length).toBeGreaterThan(0);
    for (const err of out.inventory.errors) {
      expect(err).toMatchObject({
        kind: 'nat_gateway',
        error_kind: 'permission_denied',
        outcome: 'skipped',
        operation: 'ec2:DescribeNatGateways',
        code: 'UnauthorizedOperation',
      });
    }
    expect(emptyKinds(out.inventory)).toEqual(['nat_gateways']);
  });

  it('fails the task of a required operation denied by IAM — never an empty list', async () => {
    const e = await start({
      faults: [{ op: 'DescribeVpcs', region: 'us-east-1', respond: 'forbidden' }],
    });
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.exitCode).toBe(4);
    expect(out.inventory.vpcs.some((v) => v.region === 'us-east-1')).toBe(false);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'us-east-1',
        kind: 'vpc',
        outcome: 'failed',
        error_kind: 'permission_denied',
      }),
    ]);
  });

  it('retries two throttled responses (the SDK, configured from our policy) and completes', async () => {
    // One region's request is throttled twice: the regions' requests run at once, so a fault not pinned to a
    // region could land on two regions' first attempts instead.
    const e = await start({
      faults: [{ op: 'DescribeInstances', region: 'us-east-1', times: 2, respond: 'throttle' }],
    });
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.exitCode).toBe(0);
    expect(out.retries.get('ec2:DescribeInstances')).toBe(2);
    const attempts = e.requests.filter((r) => r.op === 'DescribeInstances').map((r) => r.attempt);
    expect(attempts).toContain(3);
  });

  it('fails a task throttled beyond the retry budget', async () => {
    const e = await start({ faults: [{ op: 'DescribeSecurityGroups', respond: 'throttle' }] });
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.exitCode).toBe(4);
    expect(
      out.inventory.errors.every((x) => x.error_kind === 'throttled' && x.outcome === 'failed'),
    ).toBe(true);
    expect(out.inventory.security_groups).toEqual([]);
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
    expect(out.inventory.errors[0]).toMatchObject({ error_kind: 'auth_failed', outcome: 'failed' });
    expect(JSON.stringify(out.inventory)).not.toContain(secret);
  });

  it('reports a region that is not enabled without an error, and skips one that turns unavailable', async () => {
    const e = await start({
      faults: [{ op: '*', region: 'eu-west-1', respond: 'region_disabled' }],
    });
    const out = await syncAgainst([emulatedAccount(e)]);
    const acc = out.inventory.accounts[0]!;
    expect(acc.disabled_regions.length).toBeGreaterThan(0);
    expect(acc.regions).not.toContain(acc.disabled_regions[0]);
    const errs = out.inventory.errors;
    expect(errs.length).toBeGreaterThan(0);
    expect(
      errs.every((x) => x.region === 'eu-west-1' && x.error_kind === 'region_unavailable'),
    ).toBe(true);
    expect(errs.every((x) => x.outcome === 'skipped')).toBe(true);
    expect(out.inventory.vpcs.some((v) => v.region === 'us-east-1')).toBe(true);
  });

  it('turns a malformed response into provider_error without crashing', async () => {
    const e = await start({ faults: [{ op: 'DescribeRouteTables', respond: 'malformed' }] });
    const out = await syncAgainst([emulatedAccount(e)]);
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
      faults: [{ op: 'DescribeSubnets', region: 'us-east-1', respond: 'repeat_token' }],
    });
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'us-east-1',
        kind: 'subnet',
        error_kind: 'truncated',
        outcome: 'failed',
      }),
    ]);
  });

  it('times out a hanging response per request and fails only that task', async () => {
    const e = await start({
      faults: [{ op: 'DescribeAddresses', region: 'us-east-1', respond: 'hang' }],
    });
    const out = await syncAgainst([emulatedAccount(e)], { requestTimeoutMs: 300 });
    expect(out.inventory.errors).toEqual([
      expect.objectContaining({
        region: 'us-east-1',
        kind: 'public_ip',
        error_kind: 'network',
        outcome: 'failed',
      }),
    ]);
    expect(out.inventory.public_ips.length).toBeGreaterThan(0);
  });

  it('recovers from a connection reset by retrying', async () => {
    const e = await start({ faults: [{ op: 'DescribeVpcs', times: 1, respond: 'reset' }] });
    const out = await syncAgainst([emulatedAccount(e)]);
    expect(out.inventory.errors).toEqual([]);
    expect(out.retries.get('ec2:DescribeVpcs')).toBe(1);
  });

  it('syncs only the selected kinds and regions', async () => {
    const e = await start();
    const out = await syncAgainst([
      emulatedAccount(e, {
        resources: ['vpc', 'subnet'],
        regions: { include: ['us-*'], exclude: [] },
      }),
    ]);
    expect(out.inventory.vms).toEqual([]);
    expect(out.inventory.vpcs.length).toBeGreaterThan(0);
    expect(new Set(out.inventory.vpcs.map((v) => v.region.slice(0, 3)))).toEqual(new Set(['us-']));
    expect(e.requests.some((r) => r.op === 'DescribeInstances')).toBe(false);
  });
});
