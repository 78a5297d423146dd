import {
  CloudNetworkAttachmentSchema,
  DnatRuleSchema,
  KIND_SCHEMAS,
  LbListenerSchema,
  LbTargetSchema,
  RouteSchema,
  SecurityGroupRuleSchema,
  SnatRuleSchema,
} from '../../model/index.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import type { MapperCase } from '../../../test/helpers/fuzz.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import { fuzzContext, fuzzMappers } from '../../../test/helpers/fuzz.js';
import { mapAttachment, mapEnterpriseRouter } from './cloud-network.js';
import { mapProjects } from './index.js';
import { mapKubernetesCluster } from './kubernetes-cluster.js';
import { mapListener, mapLoadBalancer, mapMember } from './load-balancer.js';
import { mapDnatRule, mapNatGateway, mapSnatRule } from './nat-gateway.js';
import { mapNetworkInterface } from './network-interface.js';
import { mapPeering } from './peering-connection.js';
import { mapPublicIp } from './public-ip.js';
import { mapRdsInstance, mapRdsInterface } from './rds-instance.js';
import { mapRedisInstance, mapRedisInterface } from './redis-instance.js';
import { mapRoute, mapRouteTable } from './route-table.js';
import { mapRule, mapSecurityGroup } from './security-group.js';
import { mapSubnet } from './subnet.js';
import { mapVm } from './vm.js';
import { mapVpc } from './vpc.js';
import { mapZone } from './zone.js';

const ctx = fuzzContext('huawei');
/** A hostile tuple may arrive as anything: read its parts defensively (the fetcher always passes lists). */
const part = (input: unknown, i: number): never =>
  (Array.isArray(input) ? input[i] : undefined) as never;
const list = (v: unknown): never[] => (Array.isArray(v) ? v : []) as never[];
const PROJECTS = new Map([
  ['p-north', 'cn-north-4'],
  ['p-east', 'cn-east-3'],
]);

// No captured fixtures for Huawei Cloud: the seeds are the shapes of the unit tests.
const PROJECTS_OUT = {
  projects: [
    { id: 'p1', name: 'cn-north-4', enabled: true, domain_id: 'd1' },
    { id: 'p2', name: 'cn-north-4_dev', enabled: true, domain_id: 'd1' },
    { id: 'p3', name: 'af-south-1', enabled: false, domain_id: 'd1' },
    { id: 'p4', name: 'MOS', enabled: true, domain_id: 'd1' },
  ],
};
const ER = { id: 'er-1', name: 'hub', state: 'available', tags: [{ key: 'k', value: 'v' }] };
const ER_ATTACHMENTS = [
  {
    id: 'a-1',
    resource_id: 'v-1',
    resource_type: 'vpc',
    resource_project_id: 'p-north',
    state: 'available',
  },
  { id: 'a-2', resource_id: 'vgw-1', resource_type: 'vgw', state: 'pending' },
];
const CCE = {
  metadata: { uid: 'c-1', name: 'prod', creationTimestamp: '2026-01-02 03:04:05.123456 +0000 UTC' },
  spec: { version: 'v1.29', hostNetwork: { vpc: 'v-1', subnet: 's-1' } },
  status: {
    phase: 'Available',
    endpoints: [
      { url: 'https://1.2.3.4:5443', type: 'External' },
      { url: 'https://10.0.0.5:5443', type: 'Internal' },
    ],
  },
};
const MEMBERS = [
  {
    id: 'm-1',
    address: '10.0.1.5',
    protocol_port: 8080,
    instance_id: 'i-1',
    operating_status: 'ONLINE',
    weight: 1,
  },
  { id: 'm-2', address: '192.168.9.9', protocol_port: 8080, operating_status: 'OFFLINE' },
];
const LISTENER = { id: 'l-1', protocol: 'HTTP', protocol_port: 80, default_pool_id: 'pool-1' };
const ELB = {
  id: 'lb-1',
  name: 'web',
  vpc_id: 'v-1',
  vip_subnet_cidr_id: 's-1',
  vip_address: '10.0.1.10',
  provisioning_status: 'ACTIVE',
  availability_zone_list: ['cn-north-4a'],
  publicips: [{ publicip_address: '1.2.3.4' }],
  l7_flavor_id: 'f-7',
};
const NAT = {
  id: 'n-1',
  name: 'egress',
  router_id: 'v-1',
  internal_network_id: 's-1',
  status: 'ACTIVE',
  ngport_ip_address: '10.0.1.9',
  created_at: '2026-01-02 03:04:05.000000',
};
const SNAT = {
  id: 'sn-1',
  nat_gateway_id: 'n-1',
  network_id: 's-1',
  floating_ip_address: '1.1.1.1,1.1.1.2',
};
const DNAT = {
  id: 'dn-1',
  protocol: 'any',
  floating_ip_address: '1.1.1.3',
  external_service_port: 0,
  private_ip: '10.0.1.5',
  internal_service_port: 0,
};
const PORT = {
  id: 'p-1',
  network_id: 's-1',
  mac_address: 'fa:16:3e:00:00:01',
  device_id: 'i-1',
  device_owner: 'compute:cn-north-4a',
  fixed_ips: [{ subnet_id: 'neutron-1', ip_address: '10.0.1.5' }],
  security_groups: ['sg-1'],
};
const PEERING = {
  id: 'pc-1',
  status: 'ACTIVE',
  request_vpc_info: { vpc_id: 'v-1', tenant_id: 'p-north' },
  accept_vpc_info: { vpc_id: 'v-9', tenant_id: 'p-east' },
};
const EIP = {
  id: 'e-1',
  public_ip_address: '121.36.0.5',
  associate_instance_type: 'PORT',
  associate_instance_id: 'p-1',
  vnic: { private_ip_address: '10.0.1.5', port_id: 'p-1', device_id: 'i-1' },
  tags: [{ key: 'team', value: 'web' }],
};
const RDS = {
  id: 'abcin01',
  name: 'orders',
  status: 'ACTIVE',
  type: 'Ha',
  datastore: { type: 'PostgreSQL', version: '14' },
  private_ips: ['10.0.2.7'],
  port: 5432,
  vpc_id: 'v-1',
  subnet_id: 's-2',
  flavor_ref: 'rds.pg.n1.large.2.ha',
  nodes: [{ availability_zone: 'cn-north-4a' }, { availability_zone: 'cn-north-4b' }],
  created: '2026-01-02T03:04:05+0000',
};
const DCS = {
  instance_id: 'd-1',
  name: 'cache',
  engine: 'Redis',
  engine_version: '6.0',
  status: 'RUNNING',
  ip: '10.0.3.4',
  port: 6379,
  domain_name: 'redis-d-1.dcs.huaweicloud.com',
  vpc_id: 'v-1',
  subnet_id: 's-3',
  az_codes: ['cn-north-4a'],
  cache_mode: 'ha',
  spec_code: 'redis.ha.xu1.large.r2.2',
  created_at: '2026-01-02 03:04:05.000000',
};
const ROUTES = [
  { type: 'nat', destination: '0.0.0.0/0', nexthop: 'n-1' },
  { type: 'peering', destination: '172.16.0.0/16', nexthop: 'pc-1' },
  { type: 'er', destination: '10.8.0.0/16', nexthop: 'er-1' },
  { type: 'private_nat', destination: '10.9.0.0/16', nexthop: 'pn-1' },
];
const ROUTE_TABLE = {
  id: 'rt-1',
  default: true,
  vpc_id: 'v-1',
  subnets: [{ id: 's-1' }],
  routes: ROUTES,
};
const RULES = [
  {
    direction: 'ingress',
    protocol: 'tcp',
    port_range_min: 80,
    port_range_max: 443,
    remote_ip_prefix: '0.0.0.0/0',
  },
  { direction: 'ingress', protocol: null, remote_group_id: 'sg-1' },
  { direction: 'egress', ethertype: 'IPv6' },
];
const SECURITY_GROUP = { id: 'sg-1', name: 'web', vpc_id: 'v-1', security_group_rules: RULES };
const SUBNET = {
  id: 's-1',
  name: 'web',
  cidr: '10.0.1.0/24',
  cidr_v6: '2407:c080::/64',
  vpc_id: 'v-1',
  availability_zone: 'cn-north-4a',
  status: 'ACTIVE',
  created_at: '2026-01-02T03:04:05',
};
const SERVER = {
  id: 'i-1',
  name: 'web-1',
  status: 'SHUTOFF',
  created: '2026-01-02T03:04:05Z',
  flavor: { id: 's6.small.1' },
  image: { id: 'img-1' },
  addresses: {
    'v-1': [
      { addr: '121.36.0.5', 'OS-EXT-IPS:type': 'floating' },
      { addr: '10.0.1.5', 'OS-EXT-IPS:type': 'fixed' },
    ],
  },
  security_groups: [{ id: 'sg-1', name: 'default' }],
  tags: ['env=prod', 'flag'],
  'OS-EXT-AZ:availability_zone': 'cn-north-4a',
  'OS-EXT-SRV-ATTR:hostname': 'web-1',
};
const VPC = {
  id: 'v-1',
  name: 'prod',
  cidr: '10.0.0.0/16',
  extend_cidrs: ['10.1.0.0/16'],
  status: 'ACTIVE',
  created_at: '2026-01-02T03:04:05Z',
  tags: [{ key: 'env', value: 'prod' }],
};

const cases: MapperCase[] = [
  {
    name: 'mapProjects',
    seeds: [PROJECTS_OUT],
    map: (x) => {
      const { regions, projects } = mapProjects(x as never, undefined);
      return { regions, projects: [...projects] };
    },
  },
  { name: 'mapVpc', seeds: [VPC], map: (x) => mapVpc(x as never, ctx), schema: KIND_SCHEMAS.vpc },
  {
    name: 'mapSubnet',
    seeds: [SUBNET],
    map: (x) => mapSubnet(x as never, ctx),
    schema: KIND_SCHEMAS.subnet,
  },
  {
    name: 'mapZone',
    seeds: [{ zoneName: 'cn-north-4a', zoneState: { available: true } }],
    map: (x) => mapZone(x as never, ctx),
    schema: KIND_SCHEMAS.zone,
  },
  { name: 'mapVm', seeds: [SERVER], map: (x) => mapVm(x as never, ctx), schema: KIND_SCHEMAS.vm },
  {
    name: 'mapNetworkInterface',
    seeds: [PORT],
    map: (x) => mapNetworkInterface(x as never, ctx),
    schema: KIND_SCHEMAS.network_interface,
  },
  {
    name: 'mapPublicIp',
    seeds: [
      EIP,
      {
        id: 'e-2',
        public_ip_address: '1.2.3.4',
        associate_instance_type: 'NATGW',
        associate_instance_id: 'n-1',
      },
    ],
    map: (x) => mapPublicIp(x as never, ctx),
    schema: KIND_SCHEMAS.public_ip,
  },
  {
    name: 'mapRule',
    seeds: RULES,
    map: (x) => mapRule(x as never, ctx),
    schema: SecurityGroupRuleSchema,
  },
  {
    name: 'mapSecurityGroup',
    seeds: [SECURITY_GROUP],
    map: (x) => mapSecurityGroup(x as never, ctx),
    schema: KIND_SCHEMAS.security_group,
  },
  { name: 'mapRoute', seeds: ROUTES, map: (x) => mapRoute(x as never, ctx), schema: RouteSchema },
  {
    name: 'mapRouteTable',
    seeds: [ROUTE_TABLE],
    map: (x) => mapRouteTable(x as never, ctx),
    schema: KIND_SCHEMAS.route_table,
  },
  {
    name: 'mapSnatRule',
    seeds: [SNAT],
    map: (x) => mapSnatRule(x as never, ctx),
    schema: SnatRuleSchema,
  },
  {
    name: 'mapDnatRule',
    seeds: [DNAT],
    map: (x) => mapDnatRule(x as never),
    schema: DnatRuleSchema,
  },
  {
    name: 'mapNatGateway',
    seeds: [[NAT, [SNAT], [DNAT]]],
    map: (x) => mapNatGateway(part(x, 0), list(part(x, 1)), list(part(x, 2)), ctx),
    schema: KIND_SCHEMAS.nat_gateway,
  },
  {
    name: 'mapMember',
    seeds: MEMBERS,
    map: (x) => mapMember(x as never, ctx),
    schema: LbTargetSchema,
  },
  {
    name: 'mapListener',
    seeds: [[LISTENER, MEMBERS]],
    map: (x) => mapListener(part(x, 0), list(part(x, 1)), ctx),
    schema: LbListenerSchema,
  },
  {
    name: 'mapLoadBalancer',
    seeds: [[ELB, LISTENER, MEMBERS]],
    map: (x) => mapLoadBalancer(part(x, 0), [mapListener(part(x, 1), list(part(x, 2)), ctx)], ctx),
    schema: KIND_SCHEMAS.load_balancer,
  },
  {
    name: 'mapRdsInstance',
    seeds: [RDS],
    map: (x) => mapRdsInstance(x as never, ctx),
    schema: KIND_SCHEMAS.rds_instance,
  },
  {
    name: 'mapRdsInterface',
    seeds: [RDS],
    map: (x) => mapRdsInterface(x as never, ctx),
    schema: KIND_SCHEMAS.network_interface,
  },
  {
    name: 'mapRedisInstance',
    seeds: [DCS],
    map: (x) => mapRedisInstance(x as never, ctx),
    schema: KIND_SCHEMAS.redis_instance,
  },
  {
    name: 'mapRedisInterface',
    seeds: [DCS],
    map: (x) => mapRedisInterface(x as never, ctx),
    schema: KIND_SCHEMAS.network_interface,
  },
  {
    name: 'mapKubernetesCluster',
    seeds: [CCE],
    map: (x) => mapKubernetesCluster(x as never, ctx),
    schema: KIND_SCHEMAS.kubernetes_cluster,
  },
  {
    name: 'mapPeering',
    seeds: [PEERING],
    map: (x) => mapPeering(x as never, 'p-north', PROJECTS, ctx),
    schema: KIND_SCHEMAS.peering_connection,
  },
  {
    name: 'mapAttachment',
    seeds: ER_ATTACHMENTS,
    map: (x) => mapAttachment(x as never, PROJECTS, ctx),
    schema: CloudNetworkAttachmentSchema,
  },
  {
    name: 'mapEnterpriseRouter',
    seeds: [[ER, ER_ATTACHMENTS]],
    map: (x) => mapEnterpriseRouter(part(x, 0), list(part(x, 1)), PROJECTS, ctx),
    schema: KIND_SCHEMAS.cloud_network,
  },
];

fuzzMappers('huawei', cases);
