import {
  KIND_SCHEMAS,
  LbListenerSchema,
  LbTargetSchema,
  RouteSchema,
  SecurityGroupRuleSchema,
} from '../../model/index.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import type { MapperCase } from '../../../test/helpers/fuzz.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import { fuzzContext, fuzzMappers } from '../../../test/helpers/fuzz.js';
import { routersByVxnet } from './common.js';
import { mapRegions } from './index.js';
import { mapCluster } from './kubernetes-cluster.js';
import { mapBackend, mapListener, mapLoadBalancer } from './load-balancer.js';
import { mapNatGateway } from './nat-gateway.js';
import { mapNic } from './network-interface.js';
import { mapEip } from './public-ip.js';
import { mapRdb } from './rds-instance.js';
import { mapCache } from './redis-instance.js';
import { mapRoute, mapRouteTable } from './route-table.js';
import { mapRule, mapSecurityGroup } from './security-group.js';
import { mapSubnet } from './subnet.js';
import { mapVm } from './vm.js';
import { mapVpc } from './vpc.js';
import { mapZone } from './zone.js';

const ctx = fuzzContext('qingcloud');
/** A hostile tuple may arrive as anything: read its parts defensively (the fetcher always passes lists). */
const part = (input: unknown, i: number): never =>
  (Array.isArray(input) ? input[i] : undefined) as never;
const list = (v: unknown): never[] => (Array.isArray(v) ? v : []) as never[];
const routers = routersByVxnet([
  { vxnet_id: 'vxnet-a', vpc_router_id: 'rtr-1' },
  { vxnet_id: 'vxnet-b', router: { router_id: 'rtr-1' } },
  { vxnet_id: 'vxnet-0', vxnet_type: 0 },
]);

// No captured fixtures for QingCloud: the seeds are the shapes of the unit tests.
const ZONES = [
  { zone_id: 'pek3a', status: 'active' },
  { zone_id: 'pek3b', status: 'faulty' },
  { zone_id: 'ap2a', status: 'defunct' },
];
const CLUSTER = {
  cluster_id: 'cl-1',
  name: 'prod-k8s',
  status: 'active',
  app_info: { app_name: 'KubeSphere（QKE）' },
  app_version_info: { name: '1.29' },
  vxnet: { vxnet_id: 'vxnet-a', vpc_router_id: 'rtr-1' },
};
const BACKENDS = [
  {
    loadbalancer_backend_id: 'lbb-1',
    resource_id: 'i-1',
    private_ip: '192.168.0.2',
    port: 8080,
    weight: 5,
    status: 'up',
  },
  { loadbalancer_backend_id: 'lbb-2', resource_id: '10.1.2.3', port: 8080, status: 'down' },
];
const LISTENER = {
  loadbalancer_listener_id: 'lbl-1',
  loadbalancer_id: 'lb-1',
  listener_protocol: 'HTTP',
  listener_port: 80,
};
const LB = {
  loadbalancer_id: 'lb-1',
  loadbalancer_name: 'web',
  status: 'active',
  vxnet_id: 'vxnet-a',
  private_ips: ['192.168.0.250'],
  eips: [{ eip_id: 'eip-1', eip_addr: '198.51.100.3' }],
};
const NFV = {
  nfv_id: 'nfv-1',
  nfv_name: 'egress',
  nfv_type: 1,
  status: 'active',
  zone_id: 'pek3a',
  vxnets: [{ vxnet_id: 'vxnet-a', private_ip: '192.168.0.253' }],
  eips: [{ eip_id: 'eip-1', eip_addr: '198.51.100.9' }],
};
const NIC = {
  nic_id: '52:54:9e:01:02:03',
  vxnet_id: 'vxnet-a',
  private_ip: '192.168.0.5',
  instance_id: 'i-1',
  status: 'in-use',
  role: 1,
  security_group: 'sg-1',
};
const EIPS = [
  {
    eip_id: 'eip-1',
    eip_addr: '198.51.100.7',
    status: 'associated',
    resource: { resource_id: 'i-1', resource_type: 'instance', nic_id: '52:54:00:00:00:01' },
  },
  {
    eip_id: 'eip-2',
    eip_addr: '198.51.100.8',
    resource: { resource_id: 'lb-1', resource_type: 'loadbalancer' },
  },
];
const RDB = {
  rdb_id: 'rdb-1',
  rdb_name: 'billing',
  rdb_engine: 'psql',
  engine_version: '9.4',
  status: 'active',
  rdb_type: 2,
  vxnet: { vxnet_id: 'vxnet-a' },
  master_ip: '192.168.0.100',
};
const CACHE = {
  cache_id: 'c-1',
  cache_name: 'sessions',
  cache_type: 'redis4.0.14',
  status: 'active',
  cache_port: 6379,
  node_count: 2,
  vxnet: { vxnet_id: 'vxnet-a' },
  nodes: [
    { cache_node_id: 'cn-2', private_ip: '192.168.0.21', cache_role: 'slave' },
    { cache_node_id: 'cn-1', private_ip: '192.168.0.20', cache_role: 'master' },
  ],
};
const RULES = [
  { rtable_rule_id: 'r1', network: '192.168.0.0/16', nexthop_type: 0, nexthop: '' },
  { rtable_rule_id: 'r2', network: '0.0.0.0/0', nexthop_type: 4, nexthop: 'nfv-1' },
  { rtable_rule_id: 'r3', network: '10.9.0.0/16', nexthop_type: 2, nexthop: 'rtr-1' },
  { rtable_rule_id: 'r4', network: '10.8.0.0/16', nexthop_type: 6, nexthop: 'vpcb-1' },
];
const ROUTING_TABLE = {
  rtable_id: 'rtb-1',
  rtable_name: 'main',
  resource_map: {
    'vxnet-a': { resource_id: 'vxnet-a', resource_type: 'vxnet' },
    'vxnet-b': { resource_id: 'vxnet-b', resource_type: 'vxnet' },
    'i-x': { resource_id: 'i-x', resource_type: 'instance' },
  },
  routing_table_rule_set: RULES,
};
const SG_RULES = [
  {
    security_group_id: 'sg-1',
    protocol: 'tcp',
    direction: 0,
    val1: '80',
    val2: '80',
    val3: '10.0.0.0/8',
    priority: 1,
    action: 'accept',
  },
  {
    security_group_id: 'sg-1',
    protocol: 'udp',
    direction: 1,
    val1: '1000',
    val2: '2000',
    priority: 5,
    action: 'drop',
  },
  { security_group_id: 'sg-1', protocol: 'icmp', direction: 0, disabled: 1 },
  { security_group_id: 'sg-2', protocol: 'tcp', direction: 0, val1: '22' },
];
const SG = { security_group_id: 'sg-1', security_group_name: 'web', description: 'web tier' };
const VXNET = {
  vxnet_id: 'vxnet-abc1234',
  vxnet_name: 'web',
  vxnet_type: 1,
  vpc_router_id: 'rtr-1',
  zone_id: 'pek3b',
  router: { router_id: 'rtr-1', ip_network: '192.168.1.0/24' },
};
const INSTANCE = {
  instance_id: 'i-abcdefgh',
  instance_name: 'web-1',
  status: 'running',
  instance_type: 'c1m2',
  zone_id: 'sh1a',
  image: { image_id: 'centos7' },
  vxnets: [
    { vxnet_id: 'vxnet-0', private_ip: '10.0.0.9', nic_id: '52:54:00:00:00:01', role: 1 },
    { vxnet_id: 'vxnet-a', private_ip: '192.168.0.2', nic_id: '52:54:00:00:00:02', role: 0 },
  ],
  security_group: { security_group_id: 'sg-1' },
  create_time: '2026-01-02T03:04:05Z',
};
const ROUTER = {
  router_id: 'rtr-1abcdefg',
  router_name: 'prod',
  status: 'active',
  vpc_network: '192.168.0.0/16',
  create_time: '2026-01-02T03:04:05Z',
  tags: [{ tag_id: 'tag-1', tag_key: 'env', tag_name: 'prod' }, { tag_name: 'legacy' }],
};

const cases: MapperCase[] = [
  { name: 'mapRegions', seeds: [ZONES], map: (x) => mapRegions(list(x)) },
  {
    name: 'mapVpc',
    seeds: [ROUTER],
    map: (x) => mapVpc(x as never, ctx),
    schema: KIND_SCHEMAS.vpc,
  },
  {
    name: 'mapSubnet',
    seeds: [VXNET],
    map: (x) => mapSubnet(x as never, ctx),
    schema: KIND_SCHEMAS.subnet,
  },
  {
    name: 'mapZone',
    seeds: ZONES,
    map: (x) => mapZone(x as never, ctx),
    schema: KIND_SCHEMAS.zone,
  },
  {
    name: 'mapVm',
    seeds: [INSTANCE],
    map: (x) => mapVm(x as never, routers, ctx),
    schema: KIND_SCHEMAS.vm,
  },
  {
    name: 'mapNic',
    seeds: [NIC],
    map: (x) => mapNic(x as never, routers, ctx),
    schema: KIND_SCHEMAS.network_interface,
  },
  {
    name: 'mapEip',
    seeds: EIPS,
    map: (x) => mapEip(x as never, ctx),
    schema: KIND_SCHEMAS.public_ip,
  },
  {
    name: 'mapRule',
    seeds: SG_RULES,
    map: (x) => mapRule(x as never),
    schema: SecurityGroupRuleSchema,
  },
  {
    name: 'mapSecurityGroup',
    seeds: [[SG, SG_RULES]],
    map: (x) => mapSecurityGroup(part(x, 0), list(part(x, 1)), ctx),
    schema: KIND_SCHEMAS.security_group,
  },
  { name: 'mapRoute', seeds: RULES, map: (x) => mapRoute(x as never, ctx), schema: RouteSchema },
  {
    name: 'mapRouteTable',
    seeds: [ROUTING_TABLE],
    map: (x) => mapRouteTable(x as never, 'rtr-1', routers, ctx),
    schema: KIND_SCHEMAS.route_table,
  },
  {
    name: 'mapNatGateway',
    seeds: [NFV],
    map: (x) => mapNatGateway(x as never, 'vxnet-a', 'rtr-1', ctx),
    schema: KIND_SCHEMAS.nat_gateway,
  },
  {
    name: 'mapBackend',
    seeds: BACKENDS,
    map: (x) => mapBackend(x as never, ctx),
    schema: LbTargetSchema,
  },
  {
    name: 'mapListener',
    seeds: [[LISTENER, BACKENDS]],
    map: (x) => mapListener(part(x, 0), list(part(x, 1)), ctx),
    schema: LbListenerSchema,
  },
  {
    name: 'mapLoadBalancer',
    seeds: [[LB, LISTENER, BACKENDS]],
    map: (x) =>
      mapLoadBalancer(part(x, 0), [mapListener(part(x, 1), list(part(x, 2)), ctx)], routers, ctx),
    schema: KIND_SCHEMAS.load_balancer,
  },
  {
    name: 'mapRdb',
    seeds: [RDB],
    map: (x) => mapRdb(x as never, routers, ctx),
    schema: KIND_SCHEMAS.rds_instance,
  },
  {
    name: 'mapCache',
    seeds: [CACHE],
    map: (x) => mapCache(x as never, routers, ctx),
    schema: KIND_SCHEMAS.redis_instance,
  },
  {
    name: 'mapCluster',
    seeds: [CLUSTER],
    map: (x) => mapCluster(x as never, ctx),
    schema: KIND_SCHEMAS.kubernetes_cluster,
  },
];

fuzzMappers('qingcloud', cases);
