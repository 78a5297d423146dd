import { KIND_SCHEMAS, SecurityGroupRuleSchema } from '../../model/index.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import type { MapperCase } from '../../../test/helpers/fuzz.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import { fuzzContext, fuzzMappers } from '../../../test/helpers/fuzz.js';
import { mapApplicationGateway } from './application-gateway.js';
import { mapVirtualHub } from './cloud-network.js';
import { mapFrontendInterface, mapLoadBalancer } from './load-balancer.js';
import { mapNatGateway } from './nat-gateway.js';
import { ipConfigIndex, mapNetworkInterface } from './network-interface.js';
import { mapPeering } from './peering-connection.js';
import { mapPublicIp } from './public-ip.js';
import { mapFlexibleServer, mapSqlServer } from './rds-instance.js';
import { mapKubernetesCluster } from './kubernetes-cluster.js';
import { mapRedis, mapRedisInterface } from './redis-instance.js';
import { mapRouteTable } from './route-table.js';
import { mapRule, mapSecurityGroup } from './security-group.js';
import { mapSubnet } from './subnet.js';
import { mapVm } from './vm.js';
import { mapVpc } from './vpc.js';
import { mapLocations, mapZone } from './zone.js';

const ctx = fuzzContext('azure');
/** A hostile tuple may arrive as anything: read its parts defensively (the fetcher always passes lists). */
const part = (input: unknown, i: number): never =>
  (Array.isArray(input) ? input[i] : undefined) as never;
const list = (v: unknown): never[] => (Array.isArray(v) ? v : []) as never[];

// No captured fixtures for Azure: the seeds are the shapes of the unit tests.
const SUB = '5f1c0a5e-0000-4000-8000-0000000005b1';
const G = `/subscriptions/${SUB}/resourceGroups/rg-1/providers`;
const S = `${G}/Microsoft.Network`;
const VNET = `${S}/virtualNetworks/hub`;
const SPOKE = `${S}/virtualNetworks/spoke`;
const SUBNET = `${VNET}/subnets/app`;
const NIC_ID = `${S}/networkInterfaces/web-nic`;
const CONFIG = `${NIC_ID}/ipConfigurations/ipconfig1`;
const VM_ID = `${G}/Microsoft.Compute/virtualMachines/web`;
const LB = `${S}/loadBalancers/web-lb`;
const AGW = `${S}/applicationGateways/agw`;
const HUB = `${S}/virtualHubs/hub1`;

const NIC = {
  id: NIC_ID,
  name: 'web-nic',
  location: 'eastus',
  macAddress: '00-0D-3A-12-34-56',
  primary: true,
  virtualMachine: { id: VM_ID },
  networkSecurityGroup: { id: `${S}/networkSecurityGroups/web` },
  ipConfigurations: [
    {
      id: `${NIC_ID}/ipConfigurations/b`,
      privateIPAddress: '10.0.1.5',
      primary: false,
      subnet: { id: SUBNET },
    },
    { id: CONFIG, privateIPAddress: '10.0.1.4', primary: true, subnet: { id: SUBNET } },
  ],
};
const configs = ipConfigIndex([NIC]);
const nicsById = new Map([[NIC_ID.toLowerCase(), NIC]]);
const publicIps = new Map([
  [`${S}/publicIPAddresses/lb-ip`.toLowerCase(), '198.51.100.20'],
  [`${S}/publicIPAddresses/ng-ip`.toLowerCase(), '198.51.100.10'],
]);
const vnetLocations = new Map([[SPOKE.toLowerCase(), 'westeurope']]);

const VNET_RAW = {
  id: VNET,
  name: 'Hub',
  location: 'eastus',
  tags: { env: 'prod' },
  addressSpace: { addressPrefixes: ['10.0.0.0/16', '10.1.0.0/16'] },
  provisioningState: 'Succeeded',
};
const SUBNET_RAW = {
  id: SUBNET,
  name: 'app',
  addressPrefix: '10.0.1.0/24',
  routeTable: { id: `${S}/routeTables/RT` },
  provisioningState: 'Updating',
};
const VM = {
  id: VM_ID,
  name: 'web',
  location: 'eastus',
  zones: ['2'],
  hardwareProfile: { vmSize: 'Standard_D2s_v5' },
  osProfile: { computerName: 'web-01' },
  storageProfile: {
    imageReference: { publisher: 'Canonical', offer: 'ubuntu', sku: '24_04', version: 'latest' },
  },
  networkProfile: { networkInterfaces: [{ id: NIC_ID.toUpperCase(), primary: true }] },
  instanceView: {
    statuses: [{ code: 'ProvisioningState/succeeded' }, { code: 'PowerState/deallocated' }],
  },
  timeCreated: new Date('2026-01-02T03:04:05Z'),
};
const LB_RAW = {
  id: LB,
  name: 'web-lb',
  provisioningState: 'Succeeded',
  frontendIPConfigurations: [
    {
      id: `${LB}/frontendIPConfigurations/fe`,
      name: 'fe',
      publicIPAddress: { id: `${S}/publicIPAddresses/lb-ip` },
      zones: ['1'],
    },
    {
      id: `${LB}/frontendIPConfigurations/in`,
      privateIPAddress: '10.0.1.100',
      subnet: { id: SUBNET },
    },
  ],
  backendAddressPools: [
    {
      id: `${LB}/backendAddressPools/pool`,
      backendIPConfigurations: [{ id: CONFIG }],
      loadBalancerBackendAddresses: [{ name: 'a', ipAddress: '10.0.2.9' }],
    },
  ],
  loadBalancingRules: [
    {
      id: `${LB}/loadBalancingRules/https`,
      name: 'https',
      protocol: 'Tcp',
      frontendPort: 443,
      backendPort: 8443,
      backendAddressPool: { id: `${LB}/backendAddressPools/POOL` },
    },
  ],
};
const AGW_RAW = {
  id: AGW,
  name: 'agw',
  gatewayIPConfigurations: [{ subnet: { id: SUBNET } }],
  frontendIPConfigurations: [
    {
      id: `${AGW}/frontendIPConfigurations/fe`,
      privateIPAddress: '10.0.1.50',
      subnet: { id: SUBNET },
    },
  ],
  frontendPorts: [{ id: `${AGW}/frontendPorts/p80`, port: 80 }],
  httpListeners: [
    {
      id: `${AGW}/httpListeners/web`,
      name: 'web',
      protocol: 'Http',
      frontendPort: { id: `${AGW}/frontendPorts/p80` },
    },
  ],
  backendAddressPools: [
    {
      id: `${AGW}/backendAddressPools/pool`,
      backendIPConfigurations: [{ id: CONFIG }],
      backendAddresses: [{ fqdn: 'api.example.com' }],
    },
  ],
  backendHttpSettingsCollection: [{ id: `${AGW}/backendHttpSettingsCollection/s`, port: 8080 }],
  requestRoutingRules: [
    {
      httpListener: { id: `${AGW}/httpListeners/web` },
      backendAddressPool: { id: `${AGW}/backendAddressPools/pool` },
      backendHttpSettings: { id: `${AGW}/backendHttpSettingsCollection/s` },
    },
  ],
};
const PUBLIC_IPS = [
  {
    id: `${S}/publicIPAddresses/web-ip`,
    name: 'web-ip',
    ipAddress: '198.51.100.7',
    publicIPAllocationMethod: 'Static',
    ipConfiguration: { id: `${NIC_ID}/ipConfigurations/IPCONFIG1` },
  },
  {
    id: `${S}/publicIPAddresses/n`,
    ipAddress: '198.51.100.8',
    natGateway: { id: `${S}/natGateways/ng` },
  },
  {
    id: `${S}/publicIPAddresses/l`,
    ipAddress: '198.51.100.9',
    ipConfiguration: { id: `${S}/loadBalancers/lb/frontendIPConfigurations/fe` },
  },
];
const RULES = [
  {
    direction: 'Inbound',
    protocol: 'Tcp',
    access: 'Allow',
    priority: 100,
    sourceAddressPrefix: '203.0.113.0/24',
    destinationPortRange: '443',
  },
  {
    direction: 'Outbound',
    protocol: '*',
    access: 'Deny',
    priority: 200,
    destinationAddressPrefix: 'Internet',
    destinationPortRange: '*',
  },
];
const NSG = {
  id: `${S}/networkSecurityGroups/web`,
  name: 'web',
  securityRules: RULES,
  defaultSecurityRules: [
    {
      direction: 'Inbound',
      protocol: '*',
      access: 'Deny',
      priority: 65500,
      sourceAddressPrefix: '*',
    },
  ],
};
const ROUTE_TABLE = {
  id: `${S}/routeTables/rt`,
  subnets: [{ id: SUBNET }],
  routes: [
    { addressPrefix: '10.0.0.0/16', nextHopType: 'VnetLocal' },
    { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.9.4' },
    { addressPrefix: '192.0.2.0/24', nextHopType: 'None' },
  ],
};
const NAT = {
  id: `${S}/natGateways/ng`,
  zones: ['1'],
  provisioningState: 'Succeeded',
  subnets: [{ id: SUBNET }],
  publicIpAddresses: [{ id: `${S}/publicIPAddresses/NG-IP` }],
};
const FLEXIBLE = {
  id: `${G}/Microsoft.DBforMySQL/flexibleServers/orders-r1`,
  name: 'orders-r1',
  version: '8.0.21',
  state: 'Ready',
  availabilityZone: '2',
  replicationRole: 'Replica',
  sourceServerResourceId: `${G}/Microsoft.DBforMySQL/flexibleServers/orders`,
  fullyQualifiedDomainName: 'orders-r1.mysql.database.azure.com',
  sku: { name: 'Standard_D2ds_v4' },
  network: { delegatedSubnetResourceId: SUBNET },
  systemData: { createdAt: new Date('2026-02-03T04:05:06Z') },
};
const SQL = {
  id: `${G}/Microsoft.Sql/servers/s`,
  location: 'eastus',
  version: '12.0',
  state: 'Ready',
};
const REDIS = {
  id: `${G}/Microsoft.Cache/Redis/cache`,
  name: 'cache',
  location: 'East US',
  provisioningState: 'Succeeded',
  redisVersion: '6',
  sku: { name: 'Premium', family: 'P', capacity: 1 },
  shardCount: 2,
  hostName: 'cache.redis.cache.windows.net',
  port: 6379,
  sslPort: 6380,
  subnetId: SUBNET,
  staticIP: '10.0.3.10',
  zones: ['1'],
};
const AKS = {
  id: `${G}/Microsoft.ContainerService/managedClusters/aks`,
  name: 'aks',
  location: 'eastus',
  tags: { env: 'prod' },
  provisioningState: 'Succeeded',
  powerState: { code: 'Running' },
  kubernetesVersion: '1.31',
  currentKubernetesVersion: '1.31.2',
  fqdn: 'aks-dns.hcp.eastus.azmk8s.io',
  agentPoolProfiles: [{ name: 'system', vnetSubnetID: SUBNET }],
};
const LOCATIONS = [
  {
    name: 'eastus',
    displayName: 'East US',
    metadata: { regionType: 'Physical' },
    availabilityZoneMappings: [{ logicalZone: '2' }, { logicalZone: '1' }],
  },
  { name: 'global', displayName: 'Global', metadata: { regionType: 'Logical' } },
  { name: 'westus', displayName: 'West US' },
];
const PEERING = {
  id: `${VNET}/virtualNetworkPeerings/to-spoke`,
  name: 'to-spoke',
  peeringState: 'Connected',
  remoteVirtualNetwork: { id: SPOKE },
};
const HUB_RAW = { id: HUB, name: 'hub1', location: 'eastus', provisioningState: 'Succeeded' };
const HUB_CONNECTIONS = [
  {
    id: `${HUB}/hubVirtualNetworkConnections/c1`,
    provisioningState: 'Succeeded',
    remoteVirtualNetwork: { id: SPOKE },
  },
];

const cases: MapperCase[] = [
  { name: 'mapLocations', seeds: [LOCATIONS], map: (x) => mapLocations(list(x)) },
  {
    name: 'mapZone',
    seeds: ['1'],
    map: (x) => mapZone(x as never, ctx),
    schema: KIND_SCHEMAS.zone,
  },
  {
    name: 'mapVpc',
    seeds: [VNET_RAW],
    map: (x) => mapVpc(x as never, ctx),
    schema: KIND_SCHEMAS.vpc,
  },
  {
    name: 'mapSubnet',
    seeds: [SUBNET_RAW],
    map: (x) => mapSubnet(x as never, VNET, ctx),
    schema: KIND_SCHEMAS.subnet,
  },
  {
    name: 'mapVm',
    seeds: [VM],
    map: (x) => mapVm(x as never, nicsById, ctx),
    schema: KIND_SCHEMAS.vm,
  },
  {
    name: 'mapNetworkInterface',
    seeds: [NIC],
    map: (x) => mapNetworkInterface(x as never, ctx),
    schema: KIND_SCHEMAS.network_interface,
  },
  {
    name: 'mapPublicIp',
    seeds: PUBLIC_IPS,
    map: (x) => mapPublicIp(x as never, configs, ctx),
    schema: KIND_SCHEMAS.public_ip,
  },
  {
    name: 'mapRule',
    seeds: RULES,
    map: (x) => mapRule(x as never),
    schema: SecurityGroupRuleSchema,
  },
  {
    name: 'mapSecurityGroup',
    seeds: [NSG],
    map: (x) => mapSecurityGroup(x as never, ctx),
    schema: KIND_SCHEMAS.security_group,
  },
  {
    name: 'mapRouteTable',
    seeds: [ROUTE_TABLE],
    map: (x) => mapRouteTable(x as never, ctx),
    schema: KIND_SCHEMAS.route_table,
  },
  {
    name: 'mapNatGateway',
    seeds: [NAT],
    map: (x) => mapNatGateway(x as never, publicIps, ctx),
    schema: KIND_SCHEMAS.nat_gateway,
  },
  {
    name: 'mapLoadBalancer',
    seeds: [LB_RAW],
    map: (x) => mapLoadBalancer(x as never, configs, publicIps, ctx),
    schema: KIND_SCHEMAS.load_balancer,
  },
  {
    name: 'mapFrontendInterface',
    seeds: LB_RAW.frontendIPConfigurations,
    map: (x) => mapFrontendInterface(x as never, LB.toLowerCase(), ctx),
    schema: KIND_SCHEMAS.network_interface,
  },
  {
    name: 'mapApplicationGateway',
    seeds: [AGW_RAW],
    map: (x) => mapApplicationGateway(x as never, configs, publicIps, ctx),
    schema: KIND_SCHEMAS.load_balancer,
  },
  {
    name: 'mapFlexibleServer',
    seeds: [FLEXIBLE],
    map: (x) => mapFlexibleServer(x as never, 'mysql', ctx),
    schema: KIND_SCHEMAS.rds_instance,
  },
  {
    name: 'mapSqlServer',
    seeds: [SQL],
    map: (x) => mapSqlServer(x as never, ctx),
    schema: KIND_SCHEMAS.rds_instance,
  },
  {
    name: 'mapRedis',
    seeds: [REDIS],
    map: (x) => mapRedis(x as never, ctx),
    schema: KIND_SCHEMAS.redis_instance,
  },
  {
    name: 'mapRedisInterface',
    seeds: [REDIS],
    map: (x) => mapRedisInterface(x as never, ctx),
    schema: KIND_SCHEMAS.network_interface.optional(),
  },
  {
    name: 'mapKubernetesCluster',
    seeds: [AKS],
    map: (x) => mapKubernetesCluster(x as never, ctx),
    schema: KIND_SCHEMAS.kubernetes_cluster,
  },
  {
    name: 'mapPeering',
    seeds: [PEERING],
    map: (x) => mapPeering(x as never, VNET, vnetLocations, ctx),
    schema: KIND_SCHEMAS.peering_connection,
  },
  {
    name: 'mapVirtualHub',
    seeds: [[HUB_RAW, HUB_CONNECTIONS]],
    map: (x) => mapVirtualHub(part(x, 0), list(part(x, 1)), vnetLocations, ctx),
    schema: KIND_SCHEMAS.cloud_network,
  },
];

fuzzMappers('azure', cases);
