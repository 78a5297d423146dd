/** The QingCloud emulator module: signed GET queries on `/iaas/`, HmacSHA256 v1 verified (see server.ts). */
import type { EmulatorModule, OperationModel } from '../harness.js';
import type { RegionResources } from '../world-types-services.js';
import { MAX_LIMIT } from './call.js';
import { QINGCLOUD_SERVICE_PATHS, QINGCLOUD_SERVICES, createQingcloudBackend } from './server.js';

function count<T>(items: Iterable<T>, keep: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (keep(item)) n++;
  return n;
}

const listed = (
  op: string,
  items: (res: RegionResources) => number,
  after: readonly string[] = ['DescribeZones'],
): OperationModel => ({
  service: 'iaas',
  op,
  paging: 'number',
  maxPageSize: MAX_LIMIT,
  scope: 'regional',
  items,
  after,
});

/** Every operation the adapter's sync calls: offset/limit lists (page 1, then the rest at once). */
export const QINGCLOUD_OPERATIONS: readonly OperationModel[] = [
  {
    service: 'iaas',
    op: 'DescribeZones',
    paging: 'number',
    maxPageSize: MAX_LIMIT,
    scope: 'global',
    items: (_res, world) =>
      world.regions.reduce((n, r) => n + Math.max(1, world.resources(r.id).zones.length), 0),
  },
  listed('DescribeRouters', (res) => res.vpcs.length),
  listed('DescribeVxnets', (res) => res.subnets.length + 1),
  listed('DescribeInstances', (res) => res.vms.length),
  listed('DescribeNics', (res) => count(res.networkInterfaces, (n) => n.deviceKind === 'vm')),
  listed('DescribeEips', (res) => res.publicIps.length),
  listed('DescribeSecurityGroups', (res) => res.securityGroups.length),
  listed('DescribeSecurityGroupRules', (res) =>
    res.securityGroups.reduce((n, g) => n + g.rules.length, 0),
  ),
  listed('DescribeRouteTables', (res) =>
    count(res.routeTables, (t) => res.subnets.some((s) => s.routeTableId === t.id)),
  ),
  {
    // Asked once per VPC vxnet (`vxnets.1`), each answer one page.
    service: 'iaas',
    op: 'DescribeNFVs',
    paging: 'item',
    maxPageSize: MAX_LIMIT,
    scope: 'regional',
    items: (res) => res.subnets.length,
    after: ['DescribeVxnets'],
  },
  listed('DescribeLoadBalancers', (res) => res.loadBalancers.length),
  listed('DescribeLoadBalancerListeners', (res) =>
    res.loadBalancers.reduce((n, lb) => n + lb.listeners.length, 0),
  ),
  {
    service: 'iaas',
    op: 'DescribeLoadBalancerBackends',
    paging: 'item',
    maxPageSize: MAX_LIMIT,
    scope: 'regional',
    items: (res) => res.loadBalancers.reduce((n, lb) => n + lb.listeners.length, 0),
    after: ['DescribeLoadBalancerListeners'],
  },
  listed('DescribeRDBs', (res) => count(res.rdsInstances, (r) => r.engine !== 'sqlserver')),
  listed('DescribeCaches', (res) => res.redisCaches.length),
  listed('DescribeClusters', (res) => res.kubernetesClusters.length),
];

export const emulator: EmulatorModule = {
  services: QINGCLOUD_SERVICES,
  servicePaths: QINGCLOUD_SERVICE_PATHS,
  createBackend: createQingcloudBackend,
  operations: QINGCLOUD_OPERATIONS,
};
