/** The Baidu emulator module: BCE REST, `bce-auth-v1` verified (see server.ts), marker paging. */
import type { EmulatorModule, OperationModel } from '../harness.js';
import type { RegionResources, World } from '../world-types-services.js';
import { MAX_KEYS } from './call.js';
import { CCE_MAX_PAGE_SIZE } from './cce.js';
import { BAIDU_SERVICE_PATHS, BAIDU_SERVICES, createBaiduBackend } from './server.js';

const classic = (res: RegionResources) => res.loadBalancers.filter((l) => l.type !== 'application');
const app = (res: RegionResources) => res.loadBalancers.filter((l) => l.type === 'application');
const csns = (world: World) =>
  world.regions.filter((r) => r.enabled).flatMap((r) => world.resources(r.id).cloudNetworks);

const list = (
  service: string,
  op: string,
  items: OperationModel['items'],
  scope: OperationModel['scope'] = 'regional',
): OperationModel => ({ service, op, paging: 'token', maxPageSize: MAX_KEYS, scope, items });

const perItem = (
  service: string,
  op: string,
  after: string,
  items: OperationModel['items'],
  scope: OperationModel['scope'] = 'regional',
): OperationModel => ({
  service,
  op,
  paging: 'item',
  maxPageSize: MAX_KEYS,
  scope,
  items,
  after: [after],
});

/** Every operation the adapter's sync calls (DESIGN §10). */
const OPERATIONS: readonly OperationModel[] = [
  {
    service: 'bcc',
    op: 'DescribeRegions',
    paging: 'single',
    maxPageSize: 0,
    scope: 'global',
    items: () => 1,
  },
  {
    service: 'bcc',
    op: 'ListZones',
    paging: 'single',
    maxPageSize: 0,
    scope: 'regional',
    items: (res) => res.zones.length,
  },
  list('bcc', 'ListInstances', (res) => res.vms.length),
  list('bcc', 'ListSecurityGroups', (res) => res.securityGroups.length),
  list('vpc', 'ListVpcs', (res) => res.vpcs.length),
  list('vpc', 'ListSubnets', (res) => res.subnets.length),
  perItem('vpc', 'ListEnis', 'ListVpcs', (res) => res.vpcs.length),
  perItem('vpc', 'GetRouteTable', 'ListVpcs', (res) => res.vpcs.length),
  list('vpc', 'ListNatGateways', (res) => res.natGateways.length),
  perItem('vpc', 'ListSnatRules', 'ListNatGateways', (res) => res.natGateways.length),
  list('vpc', 'ListPeerConns', (res) => res.peerings.length),
  list('eip', 'ListEips', (res) => res.publicIps.length),
  list('blb', 'DescribeLoadBalancers', (res) => classic(res).length),
  perItem('blb', 'DescribeAllListeners', 'DescribeLoadBalancers', (res) => classic(res).length),
  perItem('blb', 'DescribeBackendServers', 'DescribeAllListeners', (res) =>
    classic(res).reduce((n, l) => n + l.listeners.length, 0),
  ),
  list('blb', 'DescribeAppLoadBalancers', (res) => app(res).length),
  perItem('blb', 'DescribeAppAllListeners', 'DescribeAppLoadBalancers', (res) => app(res).length),
  perItem('blb', 'DescribeAppPolicys', 'DescribeAppAllListeners', (res) =>
    app(res).reduce((n, l) => n + l.listeners.length, 0),
  ),
  perItem('blb', 'DescribeBlbRs', 'DescribeAppPolicys', (res) =>
    app(res).reduce((n, l) => n + new Set(l.listeners.map((x) => x.targetGroupId)).size, 0),
  ),
  list('rds', 'ListRds', (res) => res.rdsInstances.length),
  list('scs', 'ListInstances', (res) => res.redisCaches.length),
  perItem('scs', 'GetInstanceDetail', 'ListInstances', (res) => res.redisCaches.length),
  list('csn', 'ListCsns', (_res, world) => csns(world).length, 'global'),
  {
    service: 'cce',
    op: 'ListClusters',
    paging: 'number',
    maxPageSize: CCE_MAX_PAGE_SIZE,
    scope: 'regional',
    items: (res) => res.kubernetesClusters.length,
  },
  perItem('csn', 'ListCsnInstances', 'ListCsns', (_res, world) => csns(world).length, 'global'),
];

export const emulator: EmulatorModule = {
  services: BAIDU_SERVICES,
  servicePaths: BAIDU_SERVICE_PATHS,
  createBackend: createBaiduBackend,
  operations: OPERATIONS,
};
