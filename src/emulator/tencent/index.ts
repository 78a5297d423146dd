/** The Tencent Cloud emulator module: API 3.0 JSON, TC3-HMAC-SHA256 verified (see server.ts). */
import type { EmulatorModule, OperationModel } from '../harness.js';
import type { RegionResources } from '../world-types-services.js';
import { CLB_PAGE } from './clb.js';
import { CVM_PAGE } from './cvm.js';
import { createTencentBackend, TENCENT_SERVICES } from './server.js';
import { SERVICE_PAGE } from './services.js';
import { VPC_PAGE } from './vpc-page.js';

const regional = (
  service: string,
  op: string,
  paging: OperationModel['paging'],
  maxPageSize: number,
  items: (res: RegionResources) => number,
  after?: readonly string[],
): OperationModel => ({
  service,
  op,
  paging,
  maxPageSize,
  scope: 'regional',
  items,
  // Every regional call waits for the region list (the connect step).
  after: after ?? ['DescribeRegions'],
});

/** Every operation the adapter's sync calls (DESIGN §10): offset paging costs page 1, then the rest at once. */
const OPERATIONS: readonly OperationModel[] = [
  {
    service: 'cvm',
    op: 'DescribeRegions',
    paging: 'single',
    maxPageSize: 0,
    scope: 'global',
    items: () => 1,
  },
  regional('cvm', 'DescribeZones', 'single', 0, (r) => r.zones.length),
  regional(
    'cvm',
    'DescribeInstances',
    'number',
    CVM_PAGE.DescribeInstances.max,
    (r) => r.vms.length,
  ),
  regional('vpc', 'DescribeVpcs', 'number', VPC_PAGE.DescribeVpcs.max, (r) => r.vpcs.length),
  regional(
    'vpc',
    'DescribeSubnets',
    'number',
    VPC_PAGE.DescribeSubnets.max,
    (r) => r.subnets.length,
  ),
  regional(
    'vpc',
    'DescribeNetworkInterfaces',
    'number',
    VPC_PAGE.DescribeNetworkInterfaces.max,
    (r) => (r.vms.length === 0 ? 0 : [...r.vms].reduce((n, vm) => n + vm.interfaces.length, 0)),
  ),
  regional(
    'vpc',
    'DescribeAddresses',
    'number',
    VPC_PAGE.DescribeAddresses.max,
    (r) => [...r.publicIps].filter((p) => p.allocation === 'elastic').length,
  ),
  regional(
    'vpc',
    'DescribeSecurityGroups',
    'number',
    VPC_PAGE.DescribeSecurityGroups.max,
    (r) => r.securityGroups.length,
  ),
  regional('vpc', 'DescribeSecurityGroupPolicies', 'item', 1, (r) => r.securityGroups.length, [
    'DescribeSecurityGroups',
  ]),
  regional(
    'vpc',
    'DescribeRouteTables',
    'number',
    VPC_PAGE.DescribeRouteTables.max,
    (r) => r.routeTables.length,
  ),
  regional(
    'vpc',
    'DescribeNatGateways',
    'number',
    VPC_PAGE.DescribeNatGateways.max,
    (r) => r.natGateways.length,
  ),
  regional(
    'vpc',
    'DescribeNatGatewayDestinationIpPortTranslationNatRules',
    'number',
    VPC_PAGE.DescribeNatGatewayDestinationIpPortTranslationNatRules.max,
    (r) => r.natGateways.filter((n) => n.publicIp !== undefined).length,
    ['DescribeNatGateways'],
  ),
  regional(
    'vpc',
    'DescribeVpcPeeringConnections',
    'number',
    VPC_PAGE.DescribeVpcPeeringConnections.max,
    (r) => r.peerings.length,
  ),
  {
    service: 'vpc',
    op: 'DescribeCcns',
    paging: 'number',
    maxPageSize: VPC_PAGE.DescribeCcns.max,
    scope: 'global',
    items: (_r, w) =>
      w.regions
        .filter((x) => x.enabled)
        .reduce((n, x) => n + w.resources(x.id).cloudNetworks.length, 0),
    after: ['DescribeRegions'],
  },
  {
    service: 'vpc',
    op: 'DescribeCcnAttachedInstances',
    paging: 'item',
    maxPageSize: VPC_PAGE.DescribeCcnAttachedInstances.max,
    scope: 'global',
    items: (_r, w) =>
      w.regions
        .filter((x) => x.enabled)
        .reduce((n, x) => n + w.resources(x.id).cloudNetworks.length, 0),
    after: ['DescribeCcns'],
  },
  regional('clb', 'DescribeLoadBalancers', 'number', CLB_PAGE.max, (r) => r.loadBalancers.length),
  ...(['DescribeListeners', 'DescribeTargets'] as const).map((op) =>
    regional(
      'clb',
      op,
      'item',
      1,
      (r) => r.loadBalancers.filter((l) => l.type !== 'classic').length,
      ['DescribeLoadBalancers'],
    ),
  ),
  ...(['DescribeClassicalLBListeners', 'DescribeClassicalLBTargets'] as const).map((op) =>
    regional(
      'clb',
      op,
      'item',
      1,
      (r) => r.loadBalancers.filter((l) => l.type === 'classic').length,
      ['DescribeLoadBalancers'],
    ),
  ),
  regional(
    'cdb',
    'DescribeDBInstances',
    'number',
    SERVICE_PAGE.cdb.max,
    (r) => r.rdsInstances.filter((x) => x.engine === 'mysql').length,
  ),
  regional(
    'postgres',
    'DescribeDBInstances',
    'number',
    SERVICE_PAGE.postgres.max,
    (r) => r.rdsInstances.filter((x) => x.engine === 'postgresql').length,
  ),
  regional(
    'sqlserver',
    'DescribeDBInstances',
    'number',
    SERVICE_PAGE.sqlserver.max,
    (r) => r.rdsInstances.filter((x) => x.engine === 'sqlserver').length,
  ),
  regional(
    'redis',
    'DescribeInstances',
    'number',
    SERVICE_PAGE.redis.max,
    (r) => r.redisCaches.length,
  ),
  regional(
    'tke',
    'DescribeClusters',
    'number',
    SERVICE_PAGE.tke.max,
    (r) => r.kubernetesClusters.length,
  ),
];

export const emulator: EmulatorModule = {
  services: TENCENT_SERVICES,
  createBackend: createTencentBackend,
  operations: OPERATIONS,
};
