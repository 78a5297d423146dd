import {
  CloudNetworkAttachmentSchema,
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
import { mapAttachment, mapCloudNetwork } from './cloud-network.js';
import { mapRegions } from './index.js';
import { mapCluster } from './kubernetes-cluster.js';
import { mapListener, mapLoadBalancer, mapTarget } from './load-balancer-map.js';
import { mapNatGateway, mapSnatRule } from './nat-gateway.js';
import { mapEni } from './network-interface.js';
import { mapPeering } from './peering-connection.js';
import { mapEip } from './public-ip.js';
import { mapRdsInstance } from './rds-instance.js';
import { mapRedisInstance } from './redis-instance.js';
import { mapRoute, mapRouteTable } from './route-table.js';
import { mapRule, mapSecurityGroup } from './security-group.js';
import { mapSubnet } from './subnet.js';
import { mapPrimaryNic, mapVm } from './vm.js';
import { mapVpc } from './vpc.js';
import { mapZone } from './zone.js';

const ctx = fuzzContext('baidu');
/** A hostile tuple may arrive as anything: read its parts defensively (the fetcher always passes lists). */
const part = (input: unknown, i: number): never =>
  (Array.isArray(input) ? input[i] : undefined) as never;
const list = (v: unknown): never[] => (Array.isArray(v) ? v : []) as never[];
const record = (v: unknown): never => (typeof v === 'object' && v !== null ? v : {}) as never;

// No captured fixtures for Baidu AI Cloud: the seeds are the shapes of the unit tests.
const REGIONS = {
  regions: [
    { regionId: 'bj', regionName: '华北-北京', regionEndpoint: 'bcc.bj.baidubce.com' },
    { regionId: 'xx', regionName: '新区域' },
    { regionName: 'no id' },
  ],
};
const ATTACHMENTS = [
  {
    attachId: 'att-1',
    instanceType: 'vpc',
    instanceId: 'vpc-1',
    instanceRegion: 'bj',
    status: 'available',
  },
  { attachId: 'att-2', instanceType: 'channel', instanceId: 'dc-1', status: 'attaching' },
  {
    attachId: 'att-3',
    instanceType: 'vpc',
    instanceId: 'vpc-2',
    instanceRegion: 'gz',
    instanceAccountId: 'other',
  },
];
const CSN = { csnId: 'csn-1', name: 'backbone', status: 'active' };
const CCE = {
  spec: {
    clusterID: 'cce-abc',
    clusterName: 'prod',
    k8sVersion: '1.30.4',
    vpcID: 'vpc-1',
    containerNetworkConfig: { lbServiceVPCSubnetID: 'sbn-1' },
  },
  status: { clusterPhase: 'running', clusterBLB: { vpcIP: '192.168.0.250' } },
  createdAt: '2026-01-02T03:04:05Z',
};
const TARGET_EXTRA = { ip: '192.168.1.5', port: 8080, weight: 100, status: 'Alive' };
const LISTENER = { listenerPort: 80, listenerType: 'http' };
const BLB = {
  blbId: 'lb-1',
  name: 'web',
  status: 'available',
  address: '192.168.1.100',
  publicIp: '198.51.100.4',
  vpcId: 'vpc-1',
  subnetId: 'sbn-1',
};
const NAT = {
  id: 'nat-1',
  name: 'egress',
  vpcId: 'vpc-1',
  status: 'active',
  eips: ['198.51.100.9'],
};
const SNAT = { ruleId: 'rule-1', sourceCIDR: '192.168.0.0/16', publicIpsAddress: ['198.51.100.9'] };
const ENI = {
  eniId: 'eni-1',
  name: 'pods',
  instanceId: 'i-1',
  macAddress: 'fa:16:3e:00:00:02',
  vpcId: 'vpc-1',
  subnetId: 'sbn-1',
  privateIpSet: [
    { privateIpAddress: '192.168.1.20', primary: false },
    { privateIpAddress: '192.168.1.10', primary: true },
  ],
  securityGroupIds: ['g-1'],
};
const PEERINGS = [
  {
    peerConnId: 'peerconn-1',
    status: 'active',
    localVpcId: 'vpc-1',
    localRegion: 'bj',
    peerVpcId: 'vpc-9',
    peerRegion: 'gz',
  },
  {
    peerConnId: 'peerconn-2',
    status: 'consulting',
    localVpcId: 'vpc-1',
    peerVpcId: 'vpc-x',
    peerAccountId: 'acc-2',
  },
];
const EIPS = [
  { eip: '198.51.100.1', eipId: 'ip-1', instanceType: 'BCC', instanceId: 'i-1' },
  { eip: '198.51.100.2', eipId: 'ip-2', instanceType: 'ENI', instanceId: 'eni-9' },
];
const RDS = {
  instanceId: 'rds-2',
  instanceName: 'orders-ro',
  engine: 'MySQL',
  engineVersion: '8.0',
  instanceStatus: 'Available',
  instanceType: 'ReadReplica',
  sourceInstanceId: 'rds-1',
  endpoint: { address: 'rds-2.rds.bj.baidubce.com', port: 3306, vnetIp: '192.168.2.3' },
  vpcId: 'vpc-1',
  subnets: [{ subnetId: 'sbn-2', zoneName: 'cn-bj-b' }],
  zoneNames: ['cn-bj-b'],
};
const SCS = {
  instanceId: 'scs-bj-abc',
  instanceName: 'cart',
  instanceStatus: 'Running',
  clusterType: 'cluster',
  engineVersion: '7.0',
  nodeType: 'cache.n1.medium',
  domain: 'redis.scs-bj-abc.scs.bj.baidubce.com',
  port: 6379,
  vpcId: 'vpc-1',
  subnets: [{ subnetId: 'sbn-1', zoneName: 'cn-bj-a' }],
};
const ROUTE_RULES = [
  { destinationAddress: '0.0.0.0/0', nexthopType: 'nat', nexthopId: 'nat-1' },
  { destinationAddress: '10.2.0.0/16', nexthopType: 'peerConn', nexthopId: 'peerconn-1' },
  { destinationAddress: '10.3.0.0/16', nexthopType: 'custom', nexthopId: 'i-1' },
  { destinationAddress: '10.4.0.0/16', nexthopType: 'csn', nexthopId: 'csn-1' },
  { destinationAddress: '0.0.0.0/0', nexthopType: 'defaultGateway' },
];
const ROUTE_TABLE = { routeTableId: 'rt-1', vpcId: 'vpc-1', routeRules: ROUTE_RULES };
const SG_RULES = [
  {
    direction: 'ingress',
    protocol: 'tcp',
    portRange: '443',
    sourceIp: '0.0.0.0/0',
    remark: 'https',
  },
  { direction: 'ingress', protocol: 'tcp', portRange: '1-65535', sourceGroupId: 'g-2' },
  { direction: 'egress', protocol: '', portRange: '', destIp: '' },
];
const SG = { id: 'g-1', name: 'web', vpcId: 'vpc-1', desc: 'web servers', rules: SG_RULES };
const SUBNET = {
  subnetId: 'sbn-1',
  name: 'web',
  zoneName: 'cn-bj-a',
  cidr: '192.168.1.0/24',
  vpcId: 'vpc-1',
  tags: [{ tagKey: 'tier', tagValue: 'web' }],
};
const INSTANCE = {
  id: 'i-IyWRtII7',
  name: 'web-1',
  hostname: 'web-1.local',
  status: 'Running',
  instanceType: 'N5',
  spec: 'bcc.g5.c2m8',
  imageId: 'm-abc',
  internalIp: '192.168.1.5',
  zoneName: 'cn-bj-a',
  vpcId: 'vpc-1',
  subnetId: 'sbn-1',
  createTime: '2026-01-02T03:04:05Z',
  tags: [{ tagKey: 'app', tagValue: 'web' }],
  nicInfo: {
    eniId: 'eni-primary',
    macAddress: 'fa:16:3e:00:00:01',
    vpcId: 'vpc-1',
    subnetId: 'sbn-1',
    ips: [
      { privateIp: '192.168.1.6', primary: 'false' },
      { privateIp: '192.168.1.5', eip: '198.51.100.7', primary: 'true' },
    ],
    securityGroups: ['g-1', 'g-2'],
  },
};
const VPC = {
  vpcId: 'vpc-2pa2x0bjt26i',
  name: 'prod',
  cidr: '192.168.0.0/16',
  secondaryCidr: ['10.1.0.0/16'],
  ipv6Cidr: '2400:da00::/56',
  isDefault: true,
  createdTime: '2026-01-02T03:04:05Z',
  tags: [{ tagKey: 'env', tagValue: 'prod' }],
};

const cases: MapperCase[] = [
  { name: 'mapRegions', seeds: [REGIONS], map: (x) => mapRegions(x as never) },
  { name: 'mapVpc', seeds: [VPC], map: (x) => mapVpc(x as never, ctx), schema: KIND_SCHEMAS.vpc },
  {
    name: 'mapSubnet',
    seeds: [SUBNET],
    map: (x) => mapSubnet(x as never, ctx),
    schema: KIND_SCHEMAS.subnet,
  },
  {
    name: 'mapZone',
    seeds: ['cn-bj-a'],
    map: (x) => mapZone(x as never, ctx),
    schema: KIND_SCHEMAS.zone,
  },
  { name: 'mapVm', seeds: [INSTANCE], map: (x) => mapVm(x as never, ctx), schema: KIND_SCHEMAS.vm },
  {
    name: 'mapPrimaryNic',
    seeds: [INSTANCE],
    map: (x) => mapPrimaryNic(x as never, ctx),
    schema: KIND_SCHEMAS.network_interface.optional(),
  },
  {
    name: 'mapEni',
    seeds: [ENI],
    map: (x) => mapEni(x as never, ctx),
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
    map: (x) => mapRule(x as never, ctx),
    schema: SecurityGroupRuleSchema,
  },
  {
    name: 'mapSecurityGroup',
    seeds: [SG],
    map: (x) => mapSecurityGroup(x as never, ctx),
    schema: KIND_SCHEMAS.security_group,
  },
  {
    name: 'mapRoute',
    seeds: ROUTE_RULES,
    map: (x) => mapRoute(x as never, ctx),
    schema: RouteSchema,
  },
  {
    name: 'mapRouteTable',
    seeds: [ROUTE_TABLE],
    map: (x) => mapRouteTable(x as never, ctx),
    schema: KIND_SCHEMAS.route_table,
  },
  {
    name: 'mapSnatRule',
    seeds: [SNAT],
    map: (x) => mapSnatRule(x as never),
    schema: SnatRuleSchema,
  },
  {
    name: 'mapNatGateway',
    seeds: [[NAT, [SNAT]]],
    map: (x) => mapNatGateway(part(x, 0), list(part(x, 1)), ctx),
    schema: KIND_SCHEMAS.nat_gateway,
  },
  {
    name: 'mapTarget',
    seeds: [['i-1', TARGET_EXTRA]],
    map: (x) => mapTarget(part(x, 0), ctx, record(part(x, 1))),
    schema: LbTargetSchema,
  },
  {
    name: 'mapListener',
    seeds: [LISTENER],
    map: (x) => mapListener(x as never, [mapTarget('i-1', ctx, TARGET_EXTRA)]),
    schema: LbListenerSchema,
  },
  {
    name: 'mapLoadBalancer',
    seeds: [[BLB, LISTENER, 'i-1', TARGET_EXTRA]],
    map: (x) =>
      mapLoadBalancer(
        part(x, 0),
        'application',
        [mapListener(part(x, 1), [mapTarget(part(x, 2), ctx, record(part(x, 3)))])],
        ctx,
      ),
    schema: KIND_SCHEMAS.load_balancer,
  },
  {
    name: 'mapRdsInstance',
    seeds: [RDS],
    map: (x) => mapRdsInstance(x as never, ctx),
    schema: KIND_SCHEMAS.rds_instance,
  },
  {
    name: 'mapRedisInstance',
    seeds: [SCS],
    map: (x) => mapRedisInstance(x as never, ctx),
    schema: KIND_SCHEMAS.redis_instance,
  },
  {
    name: 'mapCluster',
    seeds: [CCE],
    map: (x) => mapCluster(x as never, ctx),
    schema: KIND_SCHEMAS.kubernetes_cluster,
  },
  {
    name: 'mapPeering',
    seeds: PEERINGS,
    map: (x) => mapPeering(x as never, ctx),
    schema: KIND_SCHEMAS.peering_connection,
  },
  {
    name: 'mapAttachment',
    seeds: ATTACHMENTS,
    map: (x) => mapAttachment(x as never, ctx, 'mine'),
    schema: CloudNetworkAttachmentSchema,
  },
  {
    name: 'mapCloudNetwork',
    seeds: [[CSN, ATTACHMENTS]],
    map: (x) =>
      mapCloudNetwork(
        part(x, 0),
        list(part(x, 1)).map((a) => mapAttachment(a, ctx, 'mine')),
        ctx,
      ),
    schema: KIND_SCHEMAS.cloud_network,
  },
];

fuzzMappers('baidu', cases);
