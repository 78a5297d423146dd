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
import { fuzzContext, fuzzMappers, seeds } from '../../../test/helpers/fuzz.js';
import { mapAttachment, mapCen } from './cloud-network.js';
import { mapRegions } from './index.js';
import { mapV2Listener, mapV2LoadBalancer, mapV2Target } from './load-balancer-v2.js';
import { mapListener, mapLoadBalancer, mapTarget } from './load-balancer.js';
import { mapForwardEntry, mapNatGateway, mapSnatEntry } from './nat-gateway.js';
import { mapNetworkInterface } from './network-interface.js';
import { mapPeeringConnection } from './peering-connection.js';
import { mapEipAddress } from './public-ip.js';
import { mapRdsInstance } from './rds-instance.js';
import { mapRedisInstance } from './redis-instance.js';
import { mapRoute, mapRouteTable } from './route-table.js';
import { mapRule, mapSecurityGroup } from './security-group.js';
import { mapSubnet } from './subnet.js';
import { mapVm } from './vm.js';
import { mapVpc } from './vpc.js';
import { mapZone } from './zone.js';

const ctx = fuzzContext('aliyun');
const s = (operation: string, key?: string): unknown[] => seeds('aliyun', operation, key);
/** A hostile tuple may arrive as neverthing: read its parts defensively (the fetcher always passes lists). */
const part = (input: unknown, i: number): never =>
  (Array.isArray(input) ? input[i] : undefined) as never;
const list = (v: unknown): never[] => (Array.isArray(v) ? v : []) as never[];
/** Each item of the first list, with the same further arguments. */
const seedTuples = (items: unknown[], ...rest: unknown[]): unknown[] =>
  items.map((x) => [x, ...rest]);

// ALB/NLB (2020-06-16 / 2022-04-30) have no captured fixtures yet: the shapes of load-balancer-v2.test.ts.
const V2_LB = {
  LoadBalancerId: 'alb-bp1abc',
  LoadBalancerName: 'web',
  LoadBalancerStatus: 'Active',
  AddressType: 'Internet',
  VpcId: 'vpc-bp1x',
  DNSName: 'alb-bp1abc.cn-hangzhou.alb.aliyuncsslb.com',
  CreateTime: '2026-01-02T03:04:05Z',
  Tags: [{ Key: 'env', Value: 'prod' }],
};
const V2_ZONES = [
  {
    ZoneId: 'cn-hangzhou-h',
    VSwitchId: 'vsw-bp1a',
    LoadBalancerAddresses: [{ Address: '47.1.2.3', IntranetAddress: '10.0.0.5' }],
  },
];
const V2_LISTENER = {
  ListenerId: 'lsn-1',
  LoadBalancerId: 'alb-bp1abc',
  ListenerProtocol: 'HTTPS',
  ListenerPort: 443,
  DefaultActions: [{ ForwardGroupConfig: { ServerGroupTuples: [{ ServerGroupId: 'sgp-1' }] } }],
};
const V2_SERVER = {
  ServerId: 'i-bp1vm',
  ServerIp: '10.0.1.7',
  ServerType: 'Ecs',
  Port: 8080,
  Weight: 100,
};

const cases: MapperCase[] = [
  { name: 'mapRegions', seeds: s('DescribeRegions'), map: (x) => mapRegions(x as never) },
  {
    name: 'mapVpc',
    seeds: s('DescribeVpcs', 'Vpc'),
    map: (x) => mapVpc(x as never, ctx),
    schema: KIND_SCHEMAS.vpc,
  },
  {
    name: 'mapSubnet',
    seeds: s('DescribeVSwitches', 'VSwitch'),
    map: (x) => mapSubnet(x as never, ctx),
    schema: KIND_SCHEMAS.subnet,
  },
  {
    name: 'mapZone',
    seeds: s('DescribeZones', 'Zone'),
    map: (x) => mapZone(x as never, ctx),
    schema: KIND_SCHEMAS.zone,
  },
  {
    name: 'mapVm',
    seeds: s('DescribeInstances', 'Instance'),
    map: (x) => mapVm(x as never, ctx),
    schema: KIND_SCHEMAS.vm,
  },
  {
    name: 'mapNetworkInterface',
    seeds: s('DescribeNetworkInterfaces', 'NetworkInterfaceSet'),
    map: (x) => mapNetworkInterface(x as never, ctx),
    schema: KIND_SCHEMAS.network_interface,
  },
  {
    name: 'mapEipAddress',
    seeds: s('DescribeEipAddresses', 'EipAddress'),
    map: (x) => mapEipAddress(x as never, ctx),
    schema: KIND_SCHEMAS.public_ip,
  },
  {
    name: 'mapRule',
    seeds: s('DescribeSecurityGroupAttribute', 'Permission'),
    map: (x) => mapRule(x as never, ctx),
    schema: SecurityGroupRuleSchema,
  },
  {
    name: 'mapSecurityGroup',
    seeds: seedTuples(
      s('DescribeSecurityGroups', 'SecurityGroup'),
      s('DescribeSecurityGroupAttribute')[0],
    ),
    map: (x) => mapSecurityGroup(part(x, 0), part(x, 1), ctx),
    schema: KIND_SCHEMAS.security_group,
  },
  {
    name: 'mapRoute',
    seeds: s('DescribeRouteEntryList', 'RouteEntry'),
    map: (x) => mapRoute(x as never, ctx),
    schema: RouteSchema,
  },
  {
    name: 'mapRouteTable',
    seeds: seedTuples(
      s('DescribeRouteTableList', 'RouterTableListType'),
      s('DescribeRouteEntryList', 'RouteEntry'),
    ),
    map: (x) => mapRouteTable(part(x, 0), list(part(x, 1)), ctx),
    schema: KIND_SCHEMAS.route_table,
  },
  {
    name: 'mapSnatEntry',
    seeds: s('DescribeSnatTableEntries', 'SnatTableEntry'),
    map: (x) => mapSnatEntry(x as never, ctx),
    schema: SnatRuleSchema,
  },
  {
    name: 'mapForwardEntry',
    seeds: s('DescribeForwardTableEntries', 'ForwardTableEntry'),
    map: (x) => mapForwardEntry(x as never),
    schema: DnatRuleSchema,
  },
  {
    name: 'mapNatGateway',
    seeds: seedTuples(
      s('DescribeNatGateways', 'NatGateway'),
      s('DescribeSnatTableEntries', 'SnatTableEntry'),
      s('DescribeForwardTableEntries', 'ForwardTableEntry'),
    ),
    map: (x) => mapNatGateway(part(x, 0), list(part(x, 1)), list(part(x, 2)), ctx),
    schema: KIND_SCHEMAS.nat_gateway,
  },
  {
    name: 'mapTarget',
    seeds: s('DescribeHealthStatus', 'BackendServer'),
    map: (x) => mapTarget(x as never, ctx),
    schema: LbTargetSchema,
  },
  {
    name: 'mapListener',
    seeds: seedTuples(
      s('DescribeLoadBalancerAttribute', 'ListenerPortAndProtocol'),
      s('DescribeHealthStatus', 'BackendServer'),
    ),
    map: (x) => mapListener(part(x, 0), list(part(x, 1)), ctx),
    schema: LbListenerSchema,
  },
  {
    name: 'mapLoadBalancer',
    seeds: seedTuples(
      s('DescribeLoadBalancers', 'LoadBalancer'),
      s('DescribeLoadBalancerAttribute')[0],
      s('DescribeHealthStatus')[0],
    ),
    map: (x) => mapLoadBalancer(part(x, 0), part(x, 1), part(x, 2), ctx),
    schema: KIND_SCHEMAS.load_balancer,
  },
  {
    name: 'mapV2Target',
    seeds: [V2_SERVER],
    map: (x) => mapV2Target(x as never, ctx),
    schema: LbTargetSchema,
  },
  {
    name: 'mapV2Listener',
    seeds: [[V2_LISTENER, [V2_SERVER]]],
    map: (x) => mapV2Listener(part(x, 0), new Map([['sgp-1', list(part(x, 1))]]), ctx),
    schema: LbListenerSchema,
  },
  {
    name: 'mapV2LoadBalancer',
    seeds: [[V2_LB, V2_ZONES]],
    map: (x) => mapV2LoadBalancer(part(x, 0), 'application', part(x, 1), [], ctx),
    schema: KIND_SCHEMAS.load_balancer,
  },
  {
    name: 'mapRdsInstance',
    seeds: seedTuples(s('DescribeDBInstances', 'DBInstance'), s('DescribeDBInstanceNetInfo')[0]),
    map: (x) => mapRdsInstance(part(x, 0), part(x, 1), ctx),
    schema: KIND_SCHEMAS.rds_instance,
  },
  {
    name: 'mapRedisInstance',
    seeds: s('DescribeInstances.r-kvstore', 'KVStoreInstance'),
    map: (x) => mapRedisInstance(x as never, ctx),
    schema: KIND_SCHEMAS.redis_instance,
  },
  {
    name: 'mapAttachment',
    seeds: s('DescribeCenAttachedChildInstances', 'ChildInstance'),
    map: (x) => mapAttachment(x as never, ctx),
    schema: CloudNetworkAttachmentSchema,
  },
  {
    name: 'mapCen',
    seeds: seedTuples(
      s('DescribeCens', 'Cen'),
      s('DescribeCenAttachedChildInstances', 'ChildInstance'),
    ),
    map: (x) => mapCen(part(x, 0), list(part(x, 1)), ctx),
    schema: KIND_SCHEMAS.cloud_network,
  },
  {
    name: 'mapPeeringConnection',
    seeds: s('ListVpcPeerConnections', 'VpcPeerConnects'),
    map: (x) => mapPeeringConnection(x as never, ctx),
    schema: KIND_SCHEMAS.peering_connection,
  },
];

fuzzMappers('aliyun', cases);
