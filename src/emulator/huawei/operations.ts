/**
 * The performance model of the Huawei sync (DESIGN §10): every operation the adapter calls, how it pages here,
 * and how many items it lists in a region of the world.
 */
import type { OperationModel } from '../harness.js';
import type { RegionResources } from '../world-types-services.js';

const AFTER = ['KeystoneListAuthProjects'] as const;

function model(
  service: string,
  op: string,
  paging: OperationModel['paging'],
  maxPageSize: number,
  items: OperationModel['items'],
  after: readonly string[] = AFTER,
): OperationModel {
  return { service, op, paging, maxPageSize, scope: 'regional', items, after };
}

const publicNats = (res: RegionResources) =>
  res.natGateways.filter((n) => n.connectivity === 'public');
const pools = (res: RegionResources) =>
  res.loadBalancers.flatMap((lb) => lb.listeners).filter((l) => l.targetGroupId !== undefined)
    .length;
const servedPorts = (res: RegionResources) =>
  [...res.networkInterfaces].filter(
    (e) =>
      e.deviceKind === 'vm' ||
      e.deviceKind === 'load_balancer' ||
      (e.deviceKind === 'nat_gateway' && publicNats(res).some((n) => n.id === e.deviceId)),
  ).length;

/**
 * Marker lists without a next indicator (VPC v1/v2.0, NAT v2) end on an empty page: one call more than the
 * items need. The model counts calls as ceil(items / max page size), so a full page's worth is added.
 */
const MARKER_MAX = 2000;
const plusEmpty = (n: number) => n + MARKER_MAX;

export const HUAWEI_OPERATIONS: readonly OperationModel[] = [
  {
    service: 'iam',
    op: 'KeystoneListAuthProjects',
    paging: 'single',
    maxPageSize: 0,
    scope: 'global',
    items: () => 1,
  },
  model('ecs', 'NovaListAvailabilityZones', 'single', 0, (r) => r.zones.length),
  model('ecs', 'ListServersDetails', 'number', 1000, (r) => r.vms.length),
  model('vpc', 'ListVpcs', 'token', 2000, (r) => r.vpcs.length),
  model('vpc', 'ListSubnets', 'token', 2000, (r) => plusEmpty(r.subnets.length)),
  model('vpc', 'ListPorts', 'token', 2000, (r) => plusEmpty(servedPorts(r))),
  model('eip', 'ListPublicips', 'token', 2000, (r) => r.publicIps.length),
  model('vpc', 'ListSecurityGroups', 'token', 1000, (r) => r.securityGroups.length + 1000),
  model('vpc', 'ListRouteTables', 'token', 2000, (r) => plusEmpty(r.routeTables.length)),
  model('vpc', 'ShowRouteTable', 'item', 0, (r) => r.routeTables.length, ['ListRouteTables']),
  model('nat', 'ListNatGateways', 'token', 2000, (r) => plusEmpty(publicNats(r).length)),
  model('nat', 'ListNatGatewaySnatRules', 'token', 2000, (r) => plusEmpty(publicNats(r).length), [
    'ListNatGateways',
  ]),
  model('nat', 'ListNatGatewayDnatRules', 'token', 2000, (r) => plusEmpty(publicNats(r).length), [
    'ListNatGateways',
  ]),
  model('elb', 'ListLoadBalancers', 'token', 2000, (r) => r.loadBalancers.length),
  model(
    'elb',
    'ListListeners',
    'token',
    2000,
    (r) => r.loadBalancers.flatMap((l) => l.listeners).length,
    ['ListLoadBalancers'],
  ),
  model('elb', 'ListMembers', 'item', 0, pools, ['ListListeners']),
  model('rds', 'ListInstances', 'number', 100, (r) => r.rdsInstances.length),
  model('dcs', 'ListInstances', 'number', 1000, (r) => r.redisCaches.length),
  model('vpc', 'ListVpcPeerings', 'token', 2000, (r) => plusEmpty(r.peerings.length)),
  model('er', 'ListEnterpriseRouters', 'token', 2000, (r) => r.cloudNetworks.length),
  model('er', 'ListAttachments', 'item', 0, (r) => r.cloudNetworks.length, [
    'ListEnterpriseRouters',
  ]),
  model('cce', 'ListClusters', 'single', 0, (r) => r.kubernetesClusters.length),
];
