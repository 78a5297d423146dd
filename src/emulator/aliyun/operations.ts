/**
 * The performance model of the Aliyun sync (DESIGN §10): every operation the adapter calls, how it pages here,
 * and how many items it lists in a region of the world. The benchmark derives the floor and the minimum
 * number of calls from it.
 */
import type { OperationModel } from '../harness.js';
import type { LbType, RegionResources, World } from '../world-types-services.js';

const AFTER_REGIONS = ['DescribeRegions'] as const;

/** A `PageNumber`/`PageSize` list: page 1, then the other pages at once. */
function byNumber(
  service: string,
  op: string,
  maxPageSize: number,
  items: OperationModel['items'],
): OperationModel {
  return {
    service,
    op,
    paging: 'number',
    maxPageSize,
    scope: 'regional',
    items,
    after: AFTER_REGIONS,
  };
}

/** A `NextToken` list: one page after another. */
function byToken(
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

/** One call per parent item, once the parents' list has answered. */
function perItem(
  service: string,
  op: string,
  after: string,
  items: OperationModel['items'],
): OperationModel {
  return { service, op, paging: 'item', maxPageSize: 1, scope: 'regional', items, after: [after] };
}

const publicNats = (res: RegionResources) =>
  res.natGateways.filter((n) => n.connectivity === 'public').length;

const balancers = (res: RegionResources, type: LbType) =>
  res.loadBalancers.filter((lb) => lb.type === type);

/** Server groups the listeners of one product's balancers forward to. */
function serverGroups(res: RegionResources, type: LbType): number {
  const ids = new Set<string>();
  for (const lb of balancers(res, type)) {
    for (const l of lb.listeners) if (l.targetGroupId !== undefined) ids.add(l.targetGroupId);
  }
  return ids.size;
}

/** CEN is global: every enabled region's cloud networks, listed once per account. */
function allCens(world: World): number {
  return world.regions
    .filter((r) => r.enabled)
    .reduce((n, r) => n + world.resources(r.id).cloudNetworks.length, 0);
}

export const ALIYUN_OPERATIONS: readonly OperationModel[] = [
  // Asked together when connecting.
  {
    service: 'ecs',
    op: 'DescribeRegions',
    paging: 'single',
    maxPageSize: 1,
    scope: 'global',
    items: () => 1,
  },
  {
    service: 'sts',
    op: 'GetCallerIdentity',
    paging: 'single',
    maxPageSize: 1,
    scope: 'global',
    items: () => 1,
  },
  {
    service: 'vpc',
    op: 'DescribeZones',
    paging: 'single',
    maxPageSize: 1,
    scope: 'regional',
    items: (res) => res.zones.length,
    after: AFTER_REGIONS,
  },
  byNumber('vpc', 'DescribeVpcs', 50, (res) => res.vpcs.length),
  byNumber('vpc', 'DescribeVSwitches', 50, (res) => res.subnets.length),
  byNumber('ecs', 'DescribeInstances', 100, (res) => res.vms.length),
  byToken('ecs', 'DescribeNetworkInterfaces', 500, (res) => res.networkInterfaces.length),
  byNumber('vpc', 'DescribeEipAddresses', 100, (res) => {
    let n = 0;
    for (const ip of res.publicIps) if (ip.allocation === 'elastic') n += 1;
    return n;
  }),
  byNumber('ecs', 'DescribeSecurityGroups', 50, (res) => res.securityGroups.length),
  perItem(
    'ecs',
    'DescribeSecurityGroupAttribute',
    'DescribeSecurityGroups',
    (res) => res.securityGroups.length,
  ),
  byNumber('vpc', 'DescribeRouteTableList', 50, (res) => res.routeTables.length),
  perItem(
    'vpc',
    'DescribeRouteEntryList',
    'DescribeRouteTableList',
    (res) => res.routeTables.length,
  ),
  byNumber('vpc', 'DescribeNatGateways', 50, (res) => res.natGateways.length),
  perItem('vpc', 'DescribeSnatTableEntries', 'DescribeNatGateways', publicNats),
  perItem('vpc', 'DescribeForwardTableEntries', 'DescribeNatGateways', publicNats),
  byNumber('slb', 'DescribeLoadBalancers', 100, (res) => balancers(res, 'classic').length),
  perItem(
    'slb',
    'DescribeLoadBalancerAttribute',
    'DescribeLoadBalancers',
    (res) => balancers(res, 'classic').length,
  ),
  perItem(
    'slb',
    'DescribeHealthStatus',
    'DescribeLoadBalancers',
    (res) => balancers(res, 'classic').length,
  ),
  byToken('alb', 'ListLoadBalancers', 100, (res) => balancers(res, 'application').length),
  byToken('alb', 'ListListeners', 100, (res) =>
    balancers(res, 'application').reduce((n, lb) => n + lb.listeners.length, 0),
  ),
  perItem(
    'alb',
    'GetLoadBalancerAttribute',
    'ListLoadBalancers',
    (res) => balancers(res, 'application').length,
  ),
  perItem('alb', 'ListServerGroupServers', 'ListListeners', (res) =>
    serverGroups(res, 'application'),
  ),
  byToken('nlb', 'ListLoadBalancers', 100, (res) => balancers(res, 'network').length),
  byToken('nlb', 'ListListeners', 100, (res) =>
    balancers(res, 'network').reduce((n, lb) => n + lb.listeners.length, 0),
  ),
  perItem('nlb', 'ListServerGroupServers', 'ListListeners', (res) => serverGroups(res, 'network')),
  byNumber('rds', 'DescribeDBInstances', 100, (res) => res.rdsInstances.length),
  perItem(
    'rds',
    'DescribeDBInstanceNetInfo',
    'DescribeDBInstances',
    (res) => res.rdsInstances.length,
  ),
  byNumber('r-kvstore', 'DescribeInstances', 50, (res) => res.redisCaches.length),
  byToken('vpcpeer', 'ListVpcPeerConnections', 100, (res) => res.peerings.length),
  byNumber('cs', 'DescribeClustersV1', 100, (res) => res.kubernetesClusters.length),
  {
    service: 'cbn',
    op: 'DescribeCens',
    paging: 'number',
    maxPageSize: 50,
    scope: 'global',
    items: (_res, world) => allCens(world),
    after: AFTER_REGIONS,
  },
  {
    service: 'cbn',
    op: 'DescribeCenAttachedChildInstances',
    paging: 'item',
    maxPageSize: 50,
    scope: 'global',
    items: (_res, world) => allCens(world),
    after: ['DescribeCens'],
  },
];
