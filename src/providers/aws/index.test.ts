import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import type { KindRecord } from '../../model/index.js';
import { KIND_SCHEMAS, RESOURCE_KINDS } from '../../model/index.js';
import { fakeClock } from '../../transport/clock.js';
import { DEFAULT_RETRY_POLICY, RetryBudget } from '../../transport/retry.js';
import type { AccountContext, CallFn, FetchContext, Operation } from '../types.js';
import type { AwsSession } from './client.js';
import { AwsClients } from './client.js';
import { adapter } from './index.js';

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

/**
 * A call wrapper that answers each operation from a queue of responses, without running the SDK
 * request (so no network): the adapter's orchestration and paging are what is tested.
 */
function queuedContext(responses: Record<string, unknown[]>) {
  const calls: string[] = [];
  const call: CallFn = <T>(op: Operation): Promise<T> => {
    // Classic ELB shares action names with ELBv2: its operations are keyed `Action@2012-06-01`.
    const key = op.version === undefined ? op.action : `${op.action}@${op.version}`;
    calls.push(key);
    const next = responses[key]?.shift();
    return next === undefined
      ? Promise.reject(new Error(`unexpected call ${key}`))
      : Promise.resolve(next as T);
  };
  const ctx: AccountContext = {
    provider: 'aws',
    account: 'prod',
    endpoints: { ec2: 'http://127.0.0.1:1/{region}' },
    options: { default_region: 'us-east-1' },
    requestTimeoutMs: 1000,
    retry: DEFAULT_RETRY_POLICY,
    budget: new RetryBudget(10),
    clock: fakeClock(),
    log: silentLogger,
    signal: new AbortController().signal,
    metrics: {
      calls: new Map(),
      retries: new Map(),
      countCall: () => undefined,
      countRetry: () => undefined,
    },
    call,
  };
  return { ctx, calls };
}

function fetchContext(ctx: AccountContext): FetchContext<AwsSession> {
  const session: AwsSession = {
    accountId: '123456789012',
    partition: 'aws',
    defaultRegion: 'us-east-1',
    clients: new AwsClients(ctx, { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example' }),
  };
  return {
    ...ctx,
    session,
    region: 'us-east-1',
    map: { provider: 'aws', account: 'prod', region: 'us-east-1' },
  };
}

async function run(kind: string, responses: Record<string, unknown[]>) {
  const { ctx, calls } = queuedContext(responses);
  const fetcher = adapter.fetchers.find((f) => f.kind === kind);
  const records: KindRecord[] = [];
  if (fetcher) for await (const r of fetcher.fetch(fetchContext(ctx))) records.push(r);
  for (const r of records) KIND_SCHEMAS[r.kind].parse(r.record);
  return { records, calls };
}

describe('aws/adapter', () => {
  it('has one fetcher per kind, every kind but region', () => {
    const kinds = adapter.fetchers.map((f) => f.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual(RESOURCE_KINDS.filter((k) => k !== 'region').sort());
    expect(adapter.retries).toBe('sdk');
  });

  it('lists every operation with its IAM permission; only the DESIGN §6 ones are required', async () => {
    const table = [
      ...adapter.accountOperations.map((op) => ({ kind: 'account', ...op })),
      ...adapter.fetchers.flatMap((f) => f.operations.map((op) => ({ kind: f.kind, ...op }))),
    ];
    for (const op of table) expect(op.permission).toBe(`${op.service}:${op.action}`);
    expect(table.filter((op) => op.required).map((op) => op.action)).toEqual([
      'GetCallerIdentity',
      'DescribeRegions',
      'DescribeVpcs',
      'DescribeSubnets',
      'DescribeInstances',
      'DescribeNetworkInterfaces',
    ]);
    await expect(`${JSON.stringify(table, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.operations.json',
    );
  });

  it('connects with GetCallerIdentity and keeps the account id', async () => {
    const { ctx, calls } = queuedContext({
      GetCallerIdentity: [fixture('GetCallerIdentity', 'basic')],
    });
    const session = await adapter.connect(
      { access_key_id: 'AKIDEXAMPLE', secret_access_key: 'secret-example' },
      ctx,
    );
    expect(adapter.accountId(session)).toBe('123456789012');
    expect(session).toMatchObject({ partition: 'aws', defaultRegion: 'us-east-1' });
    expect(calls).toEqual(['GetCallerIdentity']);
    expect(JSON.stringify(session)).not.toContain('secret-example');
  });

  it('assumes role_arn and uses the role’s account', async () => {
    const { ctx, calls } = queuedContext({
      GetCallerIdentity: [fixture('GetCallerIdentity', 'basic')],
      AssumeRole: [
        {
          Credentials: {
            AccessKeyId: 'ASIAEXAMPLE',
            SecretAccessKey: 'temp-secret-example',
            SessionToken: 'temp-token-example',
            Expiration: '2026-11-22T01:00:00.000Z',
          },
          AssumedRoleUser: {
            AssumedRoleId: 'AROAEXAMPLE:deepflow-cloud',
            Arn: 'arn:aws-cn:sts::210987654321:assumed-role/reader/deepflow-cloud',
          },
        },
      ],
    });
    const session = await adapter.connect(
      {
        access_key_id: 'AKIDEXAMPLE',
        secret_access_key: 'secret-example',
        role_arn: 'arn:aws-cn:iam::210987654321:role/reader',
      },
      ctx,
    );
    expect(calls).toEqual(['GetCallerIdentity', 'AssumeRole']);
    expect(session).toMatchObject({ accountId: '210987654321', partition: 'aws-cn' });
  });

  it('fails to connect when AssumeRole returns no credentials', async () => {
    const { ctx } = queuedContext({
      GetCallerIdentity: [fixture('GetCallerIdentity', 'basic')],
      AssumeRole: [{}],
    });
    await expect(
      adapter.connect(
        {
          access_key_id: 'AKIDEXAMPLE',
          secret_access_key: 'secret-example',
          role_arn: 'arn:aws:iam::1:role/r',
        },
        ctx,
      ),
    ).rejects.toMatchObject({ kind: 'provider_error', operation: 'sts:AssumeRole' });
  });

  it('lists all regions, disabled opt-in regions included, with their names', async () => {
    const { ctx, calls } = queuedContext({
      DescribeRegions: [fixture('DescribeRegions', 'all-regions')],
    });
    const regions = await adapter.listRegions(fetchContext(ctx).session, ctx);
    expect(calls).toEqual(['DescribeRegions']);
    expect(regions.map((r) => [r.id, r.enabled, r.localName])).toEqual([
      ['us-east-1', true, 'US East (N. Virginia)'],
      ['eu-west-1', true, 'Europe (Ireland)'],
      ['af-south-1', false, 'Africa (Cape Town)'],
      ['ap-east-1', true, 'Asia Pacific (Hong Kong)'],
      ['xx-test-1', true, undefined],
    ]);
  });
});

describe('aws/fetchers', () => {
  it('pages DescribeVpcs until the token runs out', async () => {
    const out = await run('vpc', {
      DescribeVpcs: [
        fixture('DescribeVpcs', 'two-pages-1'),
        fixture('DescribeVpcs', 'two-pages-2'),
      ],
    });
    expect(out.calls).toEqual(['DescribeVpcs', 'DescribeVpcs']);
    expect(out.records.map((r) => r.record.native_id)).toEqual([
      'vpc-0a1b2c3d4e5f60001',
      'vpc-0a1b2c3d4e5f60002',
    ]);
  });

  it('yields interfaces and the public IPs found on them', async () => {
    const out = await run('network_interface', {
      DescribeNetworkInterfaces: [fixture('DescribeNetworkInterfaces', 'basic')],
    });
    const kinds = out.records.map((r) => r.kind);
    expect(kinds.filter((k) => k === 'network_interface')).toHaveLength(11);
    expect(kinds.filter((k) => k === 'public_ip')).toHaveLength(2);
  });

  it('describes listeners per load balancer and the health of each forwarded target group once', async () => {
    const out = await run('load_balancer', {
      'DescribeLoadBalancers@2012-06-01': [fixture('DescribeLoadBalancers', 'classic-basic')],
      'DescribeInstanceHealth@2012-06-01': [fixture('DescribeInstanceHealth', 'legacy-web')],
      DescribeLoadBalancers: [
        fixture('DescribeLoadBalancers', 'v2-basic'),
        fixture('DescribeLoadBalancers', 'v2-basic-2'),
      ],
      DescribeTargetGroups: [fixture('DescribeTargetGroups', 'basic')],
      DescribeListeners: [
        fixture('DescribeListeners', 'web-alb'),
        fixture('DescribeListeners', 'api-nlb'),
        fixture('DescribeListeners', 'inspect-gwlb'),
      ],
      DescribeTargetHealth: [
        fixture('DescribeTargetHealth', 'web-tg'),
        fixture('DescribeTargetHealth', 'web-canary'),
        fixture('DescribeTargetHealth', 'api-tg'),
        fixture('DescribeTargetHealth', 'fn-tg'),
        { TargetHealthDescriptions: [] },
      ],
    });
    // Independent calls run at once: the order they start in is not part of the contract.
    expect([...out.calls].sort()).toEqual(
      [
        'DescribeLoadBalancers@2012-06-01',
        'DescribeInstanceHealth@2012-06-01',
        'DescribeLoadBalancers',
        'DescribeLoadBalancers',
        'DescribeTargetGroups',
        'DescribeListeners',
        'DescribeTargetHealth',
        'DescribeTargetHealth',
        'DescribeListeners',
        'DescribeTargetHealth',
        'DescribeTargetHealth',
        'DescribeListeners',
        'DescribeTargetHealth',
      ].sort(),
    );
    // Two classic (one without instances: no health call) and three v2 load balancers.
    expect(out.records).toHaveLength(5);
  });

  it('makes no further load balancer calls in a region without load balancers', async () => {
    const out = await run('load_balancer', {
      'DescribeLoadBalancers@2012-06-01': [{ LoadBalancerDescriptions: [] }],
      DescribeLoadBalancers: [{ LoadBalancers: [] }],
    });
    expect([...out.calls].sort()).toEqual(
      ['DescribeLoadBalancers@2012-06-01', 'DescribeLoadBalancers'].sort(),
    );
  });

  it('reads subnet groups, clusters, replication groups and serverless caches', async () => {
    const out = await run('redis_instance', {
      DescribeCacheSubnetGroups: [fixture('DescribeCacheSubnetGroups', 'basic')],
      DescribeCacheClusters: [fixture('DescribeCacheClusters', 'basic')],
      DescribeReplicationGroups: [fixture('DescribeReplicationGroups', 'basic')],
      DescribeServerlessCaches: [fixture('DescribeServerlessCaches', 'basic')],
    });
    expect(out.records.map((r) => r.record.native_id)).toEqual([
      'single-redis',
      'orders-cache',
      'sessions',
      'feature-flags',
    ]);
  });

  it('describes each EKS cluster it lists', async () => {
    const out = await run('kubernetes_cluster', {
      ListClusters: [fixture('ListClusters', 'basic')],
      DescribeCluster: [
        fixture('DescribeCluster', 'prod-eks'),
        fixture('DescribeCluster', 'creating'),
      ],
    });
    expect(out.calls).toEqual(['ListClusters', 'DescribeCluster', 'DescribeCluster']);
    expect(out.records.map((r) => r.record.native_id)).toEqual(['prod-eks', 'staging-eks']);
  });

  it('joins transit gateways with their attachments', async () => {
    const out = await run('cloud_network', {
      DescribeTransitGateways: [fixture('DescribeTransitGateways', 'basic')],
      DescribeTransitGatewayAttachments: [fixture('DescribeTransitGatewayAttachments', 'basic')],
    });
    expect(out.records).toHaveLength(1);
    const empty = await run('cloud_network', {
      DescribeTransitGateways: [{ TransitGateways: [] }],
    });
    expect(empty.calls).toEqual(['DescribeTransitGateways']);
  });

  it('skips terminated instances, deleted NAT gateways and finished peerings', async () => {
    const vms = await run('vm', { DescribeInstances: [fixture('DescribeInstances', 'basic')] });
    expect(vms.records).toHaveLength(3);
    const nats = await run('nat_gateway', {
      DescribeNatGateways: [fixture('DescribeNatGateways', 'basic')],
    });
    expect(nats.records).toHaveLength(2);
    const peerings = await run('peering_connection', {
      DescribeVpcPeeringConnections: [fixture('DescribeVpcPeeringConnections', 'basic')],
    });
    expect(peerings.records).toHaveLength(4);
  });

  it('reads zones, subnets, addresses, groups, route tables and DB instances', async () => {
    const single: [string, string, string][] = [
      ['zone', 'DescribeAvailabilityZones', 'basic'],
      ['subnet', 'DescribeSubnets', 'basic'],
      ['public_ip', 'DescribeAddresses', 'basic'],
      ['security_group', 'DescribeSecurityGroups', 'basic'],
      ['route_table', 'DescribeRouteTables', 'basic'],
      ['rds_instance', 'DescribeDBInstances', 'basic'],
    ];
    for (const [kind, action, name] of single) {
      const out = await run(kind, { [action]: [fixture(action, name)] });
      expect(out.calls).toEqual([action]);
      expect(out.records.length).toBeGreaterThan(0);
    }
  });
});
