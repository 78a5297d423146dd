/** Every operation the Azure adapter calls, for the performance model (DESIGN §10). */
import type { OperationModel } from '../harness.js';
import type { RegionResources } from '../world-types-services.js';
import { ARM_PAGE_SIZE } from './server.js';

const list = (op: string, items: (r: RegionResources) => number): OperationModel => ({
  service: 'management',
  op,
  paging: 'token',
  maxPageSize: ARM_PAGE_SIZE,
  // Subscription-wide: one listing for every location (the model sums the regions' items).
  scope: 'account',
  items,
  // Lists start once connect has the subscription and its locations.
  after: ['subscriptions.listLocations'],
});

export const AZURE_OPERATIONS: readonly OperationModel[] = [
  // The client-credentials token the SDK asks the login host for before its first ARM call.
  {
    service: 'login',
    op: 'token',
    paging: 'single',
    maxPageSize: 0,
    scope: 'global',
    items: () => 1,
  },
  {
    ...list('subscriptions.get', () => 1),
    paging: 'single',
    scope: 'global',
    after: ['token'],
  },
  {
    ...list('subscriptions.listLocations', () => 1),
    paging: 'single',
    scope: 'global',
    after: ['subscriptions.get'],
  },
  list('virtualNetworks.listAll', (r) => r.vpcs.length),
  list(
    'networkInterfaces.listAll',
    (r) => [...r.networkInterfaces].filter((n) => n.deviceKind === 'vm').length,
  ),
  list('publicIPAddresses.listAll', (r) => r.publicIps.length),
  list('networkSecurityGroups.listAll', (r) => r.securityGroups.length),
  list('routeTables.listAll', (r) => r.routeTables.length),
  list('natGateways.listAll', (r) => r.natGateways.length),
  list(
    'loadBalancers.listAll',
    (r) => r.loadBalancers.filter((l) => l.type !== 'application').length,
  ),
  list(
    'applicationGateways.listAll',
    (r) => r.loadBalancers.filter((l) => l.type === 'application').length,
  ),
  list('virtualMachines.listAll', (r) => r.vms.length),
  list('redis.listBySubscription', (r) => r.redisCaches.length),
  list('managedClusters.list', (r) => r.kubernetesClusters.length),
  list('sqlServers.list', (r) => r.rdsInstances.filter((d) => d.engine === 'sqlserver').length),
  list(
    'mysqlFlexibleServers.list',
    (r) => r.rdsInstances.filter((d) => d.engine === 'mysql').length,
  ),
  list(
    'postgresFlexibleServers.listBySubscription',
    (r) => r.rdsInstances.filter((d) => d.engine === 'postgresql').length,
  ),
  list('virtualHubs.list', (r) => r.cloudNetworks.length),
  {
    service: 'management',
    op: 'hubVirtualNetworkConnections.list',
    paging: 'item',
    maxPageSize: ARM_PAGE_SIZE,
    scope: 'regional',
    items: (r) => r.cloudNetworks.length,
    after: ['virtualHubs.list'],
  },
];
