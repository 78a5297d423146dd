import {
  DescribeAddressesCommand,
  DescribeAvailabilityZonesCommand,
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  DescribeRouteTablesCommand,
  DescribeVpcsCommand,
  EC2Client,
  paginateDescribeInstances,
  paginateDescribeNatGateways,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeTransitGatewayAttachments,
  paginateDescribeTransitGateways,
  paginateDescribeVpcPeeringConnections,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { DescribeClusterCommand, EKSClient, paginateListClusters } from '@aws-sdk/client-eks';
import {
  DescribeListenersCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  ElastiCacheClient,
  paginateDescribeCacheClusters,
  paginateDescribeCacheSubnetGroups,
  paginateDescribeReplicationGroups,
  paginateDescribeServerlessCaches,
} from '@aws-sdk/client-elasticache';
import {
  DescribeDBInstancesCommand,
  paginateDescribeDBInstances,
  RDSClient,
} from '@aws-sdk/client-rds';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../harness.js';
import { startEmulator } from '../index.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(pageLimit = 2): Promise<RunningEmulator> {
  em = await startEmulator('aws', { scale: 'tiny', pageLimit });
  return em;
}

function config(e: RunningEmulator, region = 'us-east-1', creds = e.credentials) {
  return { endpoint: e.url, region, credentials: creds, maxAttempts: 1 };
}

async function collect<P, T>(pages: AsyncIterable<P>, pick: (p: P) => T[] | undefined) {
  let n = 0;
  const items: T[] = [];
  for await (const page of pages) {
    n++;
    items.push(...(pick(page) ?? []));
  }
  return { pages: n, items };
}

describe('emulator/aws server (real SDK clients)', () => {
  it('pages every EC2 list with opaque tokens and returns the whole world', async () => {
    const e = await start();
    const client = new EC2Client(config(e));
    const res = e.world.resources('us-east-1');
    const p = { client };
    const cases = [
      [await collect(paginateDescribeVpcs(p, {}), (x) => x.Vpcs), res.vpcs.length],
      [await collect(paginateDescribeSubnets(p, {}), (x) => x.Subnets), res.subnets.length],
      [
        await collect(paginateDescribeInstances(p, {}), (x) =>
          x.Reservations?.flatMap((r) => r.Instances ?? []),
        ),
        res.vms.length,
      ],
      [
        await collect(paginateDescribeNetworkInterfaces(p, {}), (x) => x.NetworkInterfaces),
        res.networkInterfaces.length,
      ],
      [
        await collect(paginateDescribeSecurityGroups(p, {}), (x) => x.SecurityGroups),
        res.securityGroups.length,
      ],
      [
        await collect(paginateDescribeRouteTables(p, {}), (x) => x.RouteTables),
        res.routeTables.length,
      ],
      [
        await collect(paginateDescribeNatGateways(p, {}), (x) => x.NatGateways),
        res.natGateways.length,
      ],
      [
        await collect(paginateDescribeVpcPeeringConnections(p, {}), (x) => x.VpcPeeringConnections),
        res.peerings.length,
      ],
      [
        await collect(paginateDescribeTransitGateways(p, {}), (x) => x.TransitGateways),
        res.cloudNetworks.length,
      ],
      [
        await collect(
          paginateDescribeTransitGatewayAttachments(p, {}),
          (x) => x.TransitGatewayAttachments,
        ),
        res.cloudNetworks.flatMap((c) => c.attachments).length,
      ],
    ] as const;
    for (const [got, expected] of cases) {
      expect(got.pages).toBeGreaterThanOrEqual(2);
      expect(got.items).toHaveLength(expected);
    }
    const tokens = e.requests.map((r) => r.params['NextToken']).filter((t) => t !== undefined);
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(t).not.toMatch(/^\d+$/);
  });

  it('renders instances, interfaces and addresses the way the SDK parses them', async () => {
    const e = await start(1000);
    const client = new EC2Client(config(e));
    const out = await client.send(new DescribeInstancesCommand({}));
    const instances = out.Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
    const vm = e.world.resources('us-east-1').vms.at(0);
    const first = instances.find((i) => i.InstanceId === vm?.id);
    expect(first).toMatchObject({
      PrivateIpAddress: vm?.privateIp,
      SubnetId: vm?.subnetId,
      VpcId: vm?.vpcId,
      State: { Name: 'running', Code: 16 },
      Placement: { AvailabilityZone: vm?.zone },
    });
    expect(first?.LaunchTime).toBeInstanceOf(Date);
    expect(first?.Tags?.find((t) => t.Key === 'Name')?.Value).toBe(vm?.name);
    expect(first?.NetworkInterfaces?.[0]?.Description).toBe('Primary network interface');
    expect(out.Reservations?.some((r) => (r.Instances?.length ?? 0) > 1)).toBe(true);
    const addresses = await client.send(new DescribeAddressesCommand({}));
    expect(addresses.Addresses?.some((a) => a.AssociationId === undefined)).toBe(true);
    expect(addresses.Addresses?.some((a) => a.InstanceId !== undefined)).toBe(true);
    const zones = await client.send(new DescribeAvailabilityZonesCommand({}));
    expect(zones.AvailabilityZones?.map((z) => z.ZoneName)).toEqual(['us-east-1a', 'us-east-1b']);
  });

  it('rejects a page size outside the API range and a token from another operation or region', async () => {
    const e = await start();
    const client = new EC2Client(config(e));
    await expect(client.send(new DescribeVpcsCommand({ MaxResults: 1001 }))).rejects.toMatchObject({
      name: 'InvalidParameterValue',
    });
    await expect(
      client.send(new DescribeRouteTablesCommand({ MaxResults: 1000 })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
    });
    const page = await client.send(new DescribeVpcsCommand({ MaxResults: 5 }));
    expect(page.Vpcs).toHaveLength(2);
    expect(page.NextToken).toBeDefined();
    await expect(
      client.send(new DescribeRouteTablesCommand({ NextToken: page.NextToken })),
    ).rejects.toMatchObject({ name: 'InvalidPaginationToken' });
    const other = new EC2Client(config(e, 'eu-west-1'));
    await expect(
      other.send(new DescribeVpcsCommand({ NextToken: page.NextToken })),
    ).rejects.toMatchObject({
      name: 'InvalidPaginationToken',
    });
    const rds = new RDSClient(config(e));
    await expect(
      rds.send(new DescribeDBInstancesCommand({ MaxRecords: 10 })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
    });
  });

  it('lists enabled regions, or all with opt-in status, and answers a disabled region with AuthFailure', async () => {
    const e = await start();
    const client = new EC2Client(config(e));
    const enabled = await client.send(new DescribeRegionsCommand({}));
    expect(enabled.Regions?.map((r) => r.RegionName)).toEqual(['us-east-1', 'eu-west-1']);
    const all = await client.send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions?.map((r) => [r.RegionName, r.OptInStatus])).toEqual([
      ['us-east-1', 'opt-in-not-required'],
      ['eu-west-1', 'opt-in-not-required'],
      ['af-south-1', 'not-opted-in'],
    ]);
    const disabled = new EC2Client(config(e, 'af-south-1'));
    await expect(disabled.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({
      name: 'AuthFailure',
      $metadata: { httpStatusCode: 401 },
    });
  });

  it('verifies signatures: wrong secret, unknown key, STS identity and assumed-role credentials', async () => {
    const e = await start();
    const bad = new EC2Client(
      config(e, 'us-east-1', { ...e.credentials, secretAccessKey: 'wrong' }),
    );
    await expect(bad.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
    const unknown = { accessKeyId: 'AKIDUNKNOWN000000000', secretAccessKey: 'x' };
    await expect(
      new EC2Client(config(e, 'us-east-1', unknown)).send(new DescribeVpcsCommand({})),
    ).rejects.toMatchObject({
      name: 'AuthFailure',
    });
    await expect(
      new STSClient(config(e, 'us-east-1', unknown)).send(new GetCallerIdentityCommand({})),
    ).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
    });
    const sts = new STSClient(config(e));
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/emulator',
    });
    const assumed = await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::123456789012:role/reader',
        RoleSessionName: 'sync',
      }),
    );
    const c = assumed.Credentials;
    const temp = {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? '',
    };
    expect(temp.accessKeyId).toMatch(/^ASIA/);
    const who = await new STSClient(config(e, 'us-east-1', temp)).send(
      new GetCallerIdentityCommand({}),
    );
    expect(who.Arn).toBe('arn:aws:sts::123456789012:assumed-role/reader/sync');
    const vpcs = await new EC2Client(config(e, 'eu-west-1', temp)).send(
      new DescribeVpcsCommand({}),
    );
    expect(vpcs.Vpcs?.length).toBeGreaterThan(0);
    const noToken = { accessKeyId: temp.accessKeyId, secretAccessKey: temp.secretAccessKey };
    await expect(
      new EC2Client(config(e, 'us-east-1', noToken)).send(new DescribeVpcsCommand({})),
    ).rejects.toMatchObject({
      name: 'AuthFailure',
    });
  });

  it('serves ELBv2, RDS, ElastiCache and EKS with their own paging', async () => {
    const e = await start();
    const res = e.world.resources('us-east-1');
    const elb = { client: new ElasticLoadBalancingV2Client(config(e)) };
    const lbs = await collect(paginateDescribeLoadBalancers(elb, {}), (x) => x.LoadBalancers);
    expect(lbs.pages).toBeGreaterThanOrEqual(2);
    expect(lbs.items).toHaveLength(res.loadBalancers.filter((l) => l.type !== 'classic').length);
    const alb = lbs.items.find((l) => l.Type === 'application');
    const listeners = await elb.client.send(
      new DescribeListenersCommand({ LoadBalancerArn: alb?.LoadBalancerArn }),
    );
    expect(listeners.Listeners?.length).toBe(2);
    expect(listeners.NextMarker).toBeDefined();
    const tgs = await collect(paginateDescribeTargetGroups(elb, {}), (x) => x.TargetGroups);
    expect(tgs.items).toHaveLength(res.targetGroups.length);
    const ipGroup = tgs.items.find((t) => t.TargetType === 'ip');
    const health = await elb.client.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: ipGroup?.TargetGroupArn }),
    );
    expect(health.TargetHealthDescriptions?.[0]?.Target?.AvailabilityZone).toBe('all');

    const rds = { client: new RDSClient(config(e)), pageSize: 20 };
    const dbs = await collect(paginateDescribeDBInstances(rds, {}), (x) => x.DBInstances);
    expect(dbs.pages).toBeGreaterThanOrEqual(2);
    expect(dbs.items.map((d) => d.Engine).sort()).toEqual([
      'aurora-mysql',
      'aurora-mysql',
      'mysql',
      'postgres',
      'sqlserver-se',
    ]);
    expect(dbs.items.find((d) => d.Engine === 'aurora-mysql')?.DBClusterIdentifier).toBe(
      'catalog-aurora-0',
    );
    expect(dbs.items[0]?.DBSubnetGroup?.Subnets?.[0]?.SubnetAvailabilityZone?.Name).toMatch(
      /^us-east-1/,
    );

    const cache = { client: new ElastiCacheClient(config(e)), pageSize: 20 };
    const groups = await collect(
      paginateDescribeReplicationGroups(cache, {}),
      (x) => x.ReplicationGroups,
    );
    expect(groups.items.map((g) => g.ClusterEnabled)).toContain(true);
    expect(groups.items.find((g) => g.ClusterEnabled)?.ConfigurationEndpoint?.Address).toContain(
      'clustercfg',
    );
    const clusters = await collect(
      paginateDescribeCacheClusters(cache, { ShowCacheNodeInfo: true }),
      (x) => x.CacheClusters,
    );
    expect(clusters.items.filter((c) => c.ReplicationGroupId === undefined)).toHaveLength(1);
    expect(clusters.items[0]?.CacheNodes?.[0]?.Endpoint?.Port).toBe(6379);
    const subnetGroups = await collect(
      paginateDescribeCacheSubnetGroups(cache, {}),
      (x) => x.CacheSubnetGroups,
    );
    expect(subnetGroups.pages).toBeGreaterThanOrEqual(2);
    const serverless = await collect(
      paginateDescribeServerlessCaches(cache, {}),
      (x) => x.ServerlessCaches,
    );
    expect(serverless.pages).toBeGreaterThanOrEqual(2);
    expect(serverless.items[0]?.SubnetIds?.length).toBe(2);

    const eks = new EKSClient(config(e));
    const names = await collect(paginateListClusters({ client: eks }, {}), (x) => x.clusters);
    expect(names.pages).toBeGreaterThanOrEqual(2);
    const cluster = await eks.send(new DescribeClusterCommand({ name: names.items[0] ?? '' }));
    expect(cluster.cluster?.resourcesVpcConfig?.vpcId).toBe(res.kubernetesClusters[0]?.vpcId);
    expect(cluster.cluster?.createdAt).toBeInstanceOf(Date);
    await expect(eks.send(new DescribeClusterCommand({ name: 'nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});
