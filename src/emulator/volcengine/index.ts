/** The Volcengine emulator module: signed OpenAPI queries (GET, POST form or JSON), HMAC-SHA256 verified. */
import type { EmulatorModule, OperationModel } from '../harness.js';
import type { RegionResources } from '../world-types-services.js';
import { createVolcengineBackend, VOLCENGINE_SERVICES } from './server.js';
import { snatEntries } from './services.js';

const regional = (
  service: string,
  op: string,
  paging: OperationModel['paging'],
  items: (res: RegionResources) => number,
  after?: readonly string[],
): OperationModel => ({
  service,
  op,
  paging,
  maxPageSize: 100,
  scope: 'regional',
  items,
  ...(after === undefined ? {} : { after }),
});

const distinctGroups = (res: RegionResources): number =>
  new Set(res.loadBalancers.flatMap((lb) => lb.listeners.map((l) => l.targetGroupId ?? l.id))).size;

const RDS = (['rds_mysql', 'rds_postgresql', 'rds_mssql'] as const).flatMap((service) => {
  const engine = { rds_mysql: 'mysql', rds_postgresql: 'postgresql', rds_mssql: 'sqlserver' }[
    service
  ];
  const count = (res: RegionResources): number =>
    res.rdsInstances.filter((d) => d.engine === engine).length;
  return [
    regional(service, 'DescribeDBInstances', 'number', count),
    regional(service, 'DescribeDBInstanceDetail', 'item', count, ['DescribeDBInstances']),
  ];
});

/** Every operation the adapter's sync calls (DESIGN §10). */
export const VOLCENGINE_OPERATIONS: readonly OperationModel[] = [
  {
    service: 'ecs',
    op: 'DescribeRegions',
    paging: 'token',
    maxPageSize: 100,
    scope: 'global',
    items: (_res, world) => world.regions.filter((r) => r.enabled).length,
  },
  regional('ecs', 'DescribeZones', 'single', (res) => res.zones.length),
  regional('ecs', 'DescribeInstances', 'token', (res) => res.vms.length),
  regional('vpc', 'DescribeVpcs', 'token', (res) => res.vpcs.length),
  regional('vpc', 'DescribeSubnets', 'token', (res) => res.subnets.length),
  regional('vpc', 'DescribeNetworkInterfaces', 'number', (res) => res.networkInterfaces.length),
  regional('vpc', 'DescribeEipAddresses', 'number', (res) => res.publicIps.length),
  regional('vpc', 'DescribeSecurityGroups', 'number', (res) => res.securityGroups.length),
  regional('vpc', 'DescribeSecurityGroupAttributes', 'item', (res) => res.securityGroups.length, [
    'DescribeSecurityGroups',
  ]),
  regional('vpc', 'DescribeRouteTableList', 'number', (res) => res.routeTables.length),
  regional('vpc', 'DescribeRouteEntryList', 'item', (res) => res.routeTables.length, [
    'DescribeRouteTableList',
  ]),
  regional('natgateway', 'DescribeNatGateways', 'number', (res) => res.natGateways.length),
  regional('natgateway', 'DescribeSnatEntries', 'number', (res) => snatEntries(res).length, [
    'DescribeNatGateways',
  ]),
  regional('clb', 'DescribeLoadBalancers', 'number', (res) => res.loadBalancers.length),
  regional('clb', 'DescribeListeners', 'item', (res) => res.loadBalancers.length, [
    'DescribeLoadBalancers',
  ]),
  regional('clb', 'DescribeServerGroupAttributes', 'item', distinctGroups, ['DescribeListeners']),
  ...RDS,
  regional('redis', 'DescribeDBInstances', 'number', (res) => res.redisCaches.length),
  regional('redis', 'DescribeDBInstanceDetail', 'item', (res) => res.redisCaches.length, [
    'DescribeDBInstances',
  ]),
  {
    service: 'cen',
    op: 'DescribeCens',
    paging: 'number',
    maxPageSize: 100,
    scope: 'global',
    items: (_res, world) =>
      world.regions
        .filter((r) => r.enabled)
        .reduce((n, r) => n + world.resources(r.id).cloudNetworks.length, 0),
  },
  {
    service: 'cen',
    op: 'DescribeCenAttachedInstances',
    paging: 'item',
    maxPageSize: 100,
    scope: 'global',
    items: (_res, world) =>
      world.regions
        .filter((r) => r.enabled)
        .reduce((n, r) => n + world.resources(r.id).cloudNetworks.length, 0),
    after: ['DescribeCens'],
  },
  regional('vke', 'ListClusters', 'number', (res) => res.kubernetesClusters.length),
];

export const emulator: EmulatorModule = {
  services: VOLCENGINE_SERVICES,
  createBackend: createVolcengineBackend,
  operations: VOLCENGINE_OPERATIONS,
};
