/**
 * The performance model of the AWS sync (DESIGN §10): every operation the adapter calls, how it pages here,
 * and how many items it lists in a region of the world. The benchmark derives the floor and the minimum
 * number of calls from it.
 */
import type { OperationModel } from '../harness.js';
import type { RegionResources } from '../world-types-services.js';

const v2 = (res: RegionResources) => res.loadBalancers.filter((lb) => lb.type !== 'classic');

/** Target groups the v2 listeners forward to (DescribeTargetHealth is asked once for each). */
function forwardedTargetGroups(res: RegionResources): number {
  const ids = new Set<string>();
  for (const lb of v2(res)) {
    for (const l of lb.listeners) if (l.targetGroupId !== undefined) ids.add(l.targetGroupId);
  }
  return ids.size;
}

const EC2 = 'ec2';
const ELB = 'elasticloadbalancing';
const CACHE = 'elasticache';
/** Every regional list starts once the regions are known. */
const AFTER_REGIONS = ['DescribeRegions'] as const;

function list(
  service: string,
  op: string,
  maxPageSize: number,
  items: OperationModel['items'],
): OperationModel {
  return {
    service,
    op,
    paging: 'token',
    maxPageSize,
    scope: 'regional',
    items,
    after: AFTER_REGIONS,
  };
}

export const AWS_OPERATIONS: readonly OperationModel[] = [
  {
    service: 'sts',
    op: 'GetCallerIdentity',
    paging: 'single',
    maxPageSize: 1,
    scope: 'global',
    items: () => 1,
  },
  {
    service: EC2,
    op: 'DescribeRegions',
    paging: 'single',
    maxPageSize: 1,
    scope: 'global',
    items: () => 1,
    after: ['GetCallerIdentity'],
  },
  {
    service: EC2,
    op: 'DescribeAvailabilityZones',
    paging: 'single',
    maxPageSize: 1,
    scope: 'regional',
    items: (res) => res.zones.length,
    after: AFTER_REGIONS,
  },
  list(EC2, 'DescribeVpcs', 1000, (res) => res.vpcs.length),
  list(EC2, 'DescribeSubnets', 1000, (res) => res.subnets.length),
  list(EC2, 'DescribeInstances', 1000, (res) => res.vms.length),
  list(EC2, 'DescribeNetworkInterfaces', 1000, (res) => res.networkInterfaces.length),
  {
    service: EC2,
    op: 'DescribeAddresses',
    paging: 'single',
    maxPageSize: 1,
    scope: 'regional',
    items: (res) => res.publicIps.length,
    after: AFTER_REGIONS,
  },
  list(EC2, 'DescribeSecurityGroups', 1000, (res) => res.securityGroups.length),
  list(EC2, 'DescribeRouteTables', 100, (res) => res.routeTables.length),
  list(EC2, 'DescribeNatGateways', 1000, (res) => res.natGateways.length),
  list(EC2, 'DescribeVpcPeeringConnections', 1000, (res) => res.peerings.length),
  list(EC2, 'DescribeTransitGateways', 1000, (res) => res.cloudNetworks.length),
  // Asked only when the region has transit gateways (none in a region: no call).
  {
    ...list(EC2, 'DescribeTransitGatewayAttachments', 1000, (res) =>
      res.cloudNetworks.reduce((n, c) => n + c.attachments.length, 0),
    ),
    after: ['DescribeTransitGateways'],
  },
  // The v2 (2015-12-01) and classic (2012-06-01) APIs share the action name: one model each.
  list(ELB, 'DescribeLoadBalancers', 400, (res) => v2(res).length),
  list(ELB, 'DescribeLoadBalancers', 400, (res) =>
    res.loadBalancers.reduce((n, lb) => n + (lb.type === 'classic' ? 1 : 0), 0),
  ),
  // Asked beside the listeners once the region is known to have v2 load balancers.
  {
    ...list(ELB, 'DescribeTargetGroups', 400, (res) => res.targetGroups.length),
    after: ['DescribeLoadBalancers'],
  },
  {
    service: ELB,
    op: 'DescribeListeners',
    paging: 'item',
    maxPageSize: 400,
    scope: 'regional',
    items: (res) => v2(res).length,
    after: ['DescribeLoadBalancers'],
  },
  {
    service: ELB,
    op: 'DescribeTargetHealth',
    paging: 'item',
    maxPageSize: 1,
    scope: 'regional',
    items: forwardedTargetGroups,
    after: ['DescribeListeners'],
  },
  {
    service: ELB,
    op: 'DescribeInstanceHealth',
    paging: 'item',
    maxPageSize: 1,
    scope: 'regional',
    items: (res) =>
      res.loadBalancers.filter((lb) => lb.type === 'classic' && lb.instances.length > 0).length,
    after: ['DescribeLoadBalancers'],
  },
  list('rds', 'DescribeDBInstances', 100, (res) => res.rdsInstances.length),
  list(CACHE, 'DescribeCacheSubnetGroups', 100, (res) =>
    res.subnetGroups.reduce((n, g) => n + (g.purpose === 'redis' ? 1 : 0), 0),
  ),
  list(CACHE, 'DescribeCacheClusters', 100, (res) =>
    res.redisCaches.reduce((n, c) => n + c.shards.reduce((m, s) => m + s.nodes.length, 0), 0),
  ),
  list(CACHE, 'DescribeReplicationGroups', 100, (res) =>
    res.redisCaches.reduce((n, c) => n + (c.mode === 'standalone' ? 0 : 1), 0),
  ),
  list(CACHE, 'DescribeServerlessCaches', 100, (res) => res.serverlessCaches.length),
  list('eks', 'ListClusters', 100, (res) => res.kubernetesClusters.length),
  {
    service: 'eks',
    op: 'DescribeCluster',
    paging: 'item',
    maxPageSize: 1,
    scope: 'regional',
    items: (res) => res.kubernetesClusters.length,
    after: ['ListClusters'],
  },
];
